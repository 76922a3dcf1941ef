#!/usr/bin/env bash
# Creates the Triton tool environment in .tools/venv-triton from infra/python/requirements-triton.txt
# (pinned; kept apart from .tools/venv because nvidia-pytriton needs numpy < 2), skipping the
# install when it is up to date. It holds NVIDIA's tritonserver binary (from nvidia-pytriton),
# ONNX Runtime for Triton's Python backend, Triton's Python client and the infra/ validators.
# Prints the environment's directory on stdout.
# Usage: bash scripts/triton_env.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv-triton"
# Triton's Python backend stub embeds CPython 3.11 (nvidia-pytriton ships a stub per version;
# inference/tritonserver/tritonserver_process.ts picks 3.11), so the environment must be 3.11 too.
bash "$root/scripts/_pinned_venv.sh" "$venv" "$root/infra/python/requirements-triton.txt" \
  "the Triton environment (tritonserver, tritonclient, validators)" python3.11
echo "$venv"
