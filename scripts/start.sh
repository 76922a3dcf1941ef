#!/usr/bin/env bash
# The README's run command: installs Deno, the npm packages and ffmpeg (for avatar:build), generates
# the fixture models, fixture voice and demo avatar when missing, then starts the edge server
# (embedded ONNX Runtime backend by default, Triton when TRITON_URL is set) on PORT (default 8080).
# Usage: bash scripts/start.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/npm_deps.sh
bash scripts/system_deps.sh ffmpeg ||
  echo "lipstream: could not install ffmpeg (Debian's apt-get); the server runs without it, avatar:build needs it" >&2
bash scripts/deno.sh task setup
exec bash scripts/deno.sh task start
