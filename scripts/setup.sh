#!/usr/bin/env bash
# Create .venv and install newsprism with everything it needs. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
# torch first, from this machine's CPU wheel, so no later package pulls a CUDA build
if grep -q '"torch' pyproject.toml; then
  .venv/bin/python -m pip install -q --disable-pip-version-check torch==2.13.0
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,ray]"
# build the static sentence-embedding table once (about 20 s; cached in ~/.cache/newsprism)
HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 .venv/bin/python -c \
  "from newsprism.compare.embeddings.encoders import load_encoder; load_encoder()" 2>/dev/null \
  || echo "setup: the static embedding table will be built on first use"
