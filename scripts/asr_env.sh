#!/usr/bin/env bash
# Creates .tools/venv-asr from infra/python/requirements-asr.txt (pinned): PocketSphinx with the
# US English model its wheel ships, for the demo voice's speech recognition round trip.
# Prints the environment's python path on stdout.
# Usage: bash scripts/asr_env.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.tools/venv-asr"
bash "$root/scripts/_pinned_venv.sh" "$venv" "$root/infra/python/requirements-asr.txt" \
  "the offline speech recognizer (PocketSphinx)" python3.11 python3
echo "$venv/bin/python"
