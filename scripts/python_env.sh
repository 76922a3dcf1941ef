#!/usr/bin/env bash
# Creates the project's own Python environment in .tools/venv from infra/python/requirements.txt
# (pinned; never the system site-packages), skipping the install when it is up to date.
# Prints the environment's python path on stdout.
# Usage: bash scripts/python_env.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv"
requirements="$root/infra/python/requirements.txt"
stamp="$venv/.lipstream-requirements"
if ! [ -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  python="$(command -v python3.11 || command -v python3 || true)"
  if [ -z "$python" ]; then
    echo "lipstream: python3 is needed for the Python environment (model export, reference checks)" >&2
    exit 1
  fi
  echo "lipstream: installing the Python environment into .tools/venv (torch CPU, onnx, onnxruntime)" >&2
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv/bin/python"
