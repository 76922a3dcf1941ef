#!/usr/bin/env bash
# Creates .tools/venv-textref from infra/python/requirements-textref.txt (pinned): the reference
# text pipeline's dependencies for scripts/text_reference.py. Not used by CI (the corpus is committed).
# Prints the environment's python path on stdout.
# Usage: bash scripts/text_reference_env.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv-textref"
requirements="$root/infra/python/requirements-textref.txt"
stamp="$venv/.lipstream-requirements"
if ! [ -x "$venv/bin/python" ] || ! cmp -s "$requirements" "$stamp"; then
  python="$(command -v python3 || true)"
  if [ -z "$python" ]; then
    echo "lipstream: python3 is needed for the reference text environment" >&2
    exit 1
  fi
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
  cp "$requirements" "$stamp"
fi
echo "$venv/bin/python"
