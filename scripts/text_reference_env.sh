#!/usr/bin/env bash
# Creates .tools/venv-textref from infra/python/requirements-textref.txt (pinned): the reference
# text pipeline's dependencies for scripts/text_reference.py. Not used by CI (the corpus is committed).
# Prints the environment's python path on stdout.
# Usage: bash scripts/text_reference_env.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv-textref"
bash "$root/scripts/_pinned_venv.sh" "$venv" "$root/infra/python/requirements-textref.txt" \
  "the reference text environment" python3
echo "$venv/bin/python"
