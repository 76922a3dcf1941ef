#!/usr/bin/env bash
# Installs the npm packages of deno.json's import maps into node_modules/ quietly (one line instead
# of one per package), when node_modules/ is missing or older than deno.lock. Lifecycle scripts stay
# off: deno.json's allowScripts denies the two packages that have one, onnxruntime-node (its
# postinstall only downloads the optional CUDA provider; the CPU binaries ship in the package) and
# protobufjs (its postinstall only prepares its own CLI).
# Usage: bash scripts/npm_deps.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -d node_modules/.deno ] && [ node_modules/.deno -nt deno.lock ]; then exit 0; fi
echo "lipstream: installing npm packages (deno.json, deno.lock) into node_modules/…" >&2
bash scripts/deno.sh install --quiet
touch node_modules/.deno
