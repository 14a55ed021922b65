#!/usr/bin/env bash
# Installs everything, builds the web app and starts Repertoire on one port with the embedded
# SQLite store under ./data (a sample community is loaded on first start).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bootstrap.sh
pnpm --filter @repertoire/web build
exec node apps/server/src/main.ts serve --data ./data --port "${PORT:-4321}" --sample "$@"
