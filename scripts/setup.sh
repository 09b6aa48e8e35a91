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
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
