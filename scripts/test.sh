#!/usr/bin/env bash
# Installs everything and runs every test: unit, property, integration and end-to-end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
source scripts/bootstrap.sh
pnpm test "$@"
