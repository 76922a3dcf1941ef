#!/usr/bin/env bash
# The README's test command: installs everything it needs, then runs the whole suite.
# Usage: bash scripts/test.sh [extra deno test args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/system_deps.sh
# The project's own pinned Python (torch CPU, onnx, numpy, scipy) for exports and reference checks.
LIPSTREAM_PYTHON="$(bash scripts/python_env.sh)"
export LIPSTREAM_PYTHON
# PocketSphinx (its wheel ships the US English model) for the demo voice's recognition round trip.
LIPSTREAM_ASR_PYTHON="$(bash scripts/asr_env.sh)"
export LIPSTREAM_ASR_PYTHON
# NVIDIA tritonserver (nvidia-pytriton), tritonclient and the infra/ validators (.tools/venv-triton).
bash scripts/triton_env.sh >/dev/null
bash scripts/npm_deps.sh
bash scripts/deno.sh task setup
bash scripts/deno.sh task test "$@"
