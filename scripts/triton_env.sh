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
requirements="$root/infra/python/requirements-triton.txt"
stamp="$venv/.lipstream-requirements"
if ! [ -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  # Triton's Python backend stub embeds CPython 3.11 (nvidia-pytriton ships a stub per version;
  # tests/support/real_triton.ts picks 3.11), so the environment must be 3.11 too.
  python="$(command -v python3.11 || true)"
  if [ -z "$python" ]; then
    echo "lipstream: python3.11 is needed for the Triton environment (tritonserver's Python backend)" >&2
    exit 1
  fi
  echo "lipstream: installing the Triton environment into .tools/venv-triton (tritonserver, tritonclient, validators)" >&2
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv"
