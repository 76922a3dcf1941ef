#!/usr/bin/env bash
# Shared by the environment scripts: makes (or keeps) one pinned virtual environment.
# Recreates nothing when the requirements file is unchanged since the last install (a stamp copy
# inside the environment); the system site-packages are never used.
# Usage: bash scripts/_pinned_venv.sh <venv dir> <requirements file> <what it is for> <python...>
#   (the first of the python commands that exists is used)
set -euo pipefail
venv="$1"
requirements="$2"
purpose="$3"
shift 3
stamp="$venv/.lipstream-requirements"
if [ -x "$venv/bin/python" ] && cmp -s "$requirements" "$stamp"; then exit 0; fi
python=""
for candidate in "$@"; do
  if command -v "$candidate" >/dev/null 2>&1; then python="$(command -v "$candidate")"; break; fi
done
if [ -z "$python" ]; then
  echo "lipstream: $1 is needed for $purpose" >&2
  exit 1
fi
echo "lipstream: installing $purpose into ${venv#"$(pwd)/"}" >&2
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements" >&2
cp "$requirements" "$stamp"
