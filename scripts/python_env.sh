#!/usr/bin/env bash
# Creates the project's own Python environment in .tools/venv from infra/python/requirements.txt
# (pinned; never the system site-packages), skipping the install when it is up to date.
# Prints the environment's python path on stdout.
# Usage: bash scripts/python_env.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv"
bash "$root/scripts/_pinned_venv.sh" "$venv" "$root/infra/python/requirements.txt" \
  "the Python environment (torch CPU, onnx, onnxruntime)" python3.11 python3
echo "$venv/bin/python"
