#!/usr/bin/env bash
# Set up, then analyse the bundled demo corpus and print where the report is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/newsprism analyze examples/riyadh-2025-02-18 --out out/riyadh "$@"
