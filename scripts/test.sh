#!/usr/bin/env bash
# Set up (venv + Debian's chromium for the browser tests), then run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
.venv/bin/python -m pytest -q "$@"
