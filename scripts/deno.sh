#!/usr/bin/env bash
# Runs the project's pinned Deno, installing it from npm into .tools/ on first use.
# Usage: bash scripts/deno.sh <deno args...>
set -euo pipefail
DENO_VERSION="2.9.6"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
deno_bin="$root/.tools/node_modules/.bin/deno"
if ! [ -x "$deno_bin" ] || ! "$deno_bin" --version 2>/dev/null | grep -q "deno $DENO_VERSION"; then
  echo "lipstream: installing deno $DENO_VERSION from npm into .tools/" >&2
  npm install --prefix "$root/.tools" --no-save --no-audit --no-fund --loglevel=error "deno@$DENO_VERSION" >&2
fi
exec "$deno_bin" "$@"
