#!/usr/bin/env bash
# Installs the Debian packages the test suite uses as independent checkers, skipping any already present.
#   ffmpeg (ffprobe)  - reads back the WAV and JPEG we produce
#   sox               - reference very-high-quality resampler for resampler SNR tests
#   espeak-ng         - real speech for resampler and mel parity tests
#   chromium          - real browser for the web client tests (driven by playwright-core)
#   libpython3.11     - embedded by tritonserver's Python backend stub (tests/real_triton_test.ts)
#   redis-server      - the shared store of several edge replicas (edge/store, tests/scale_out_test.ts)
#   nginx             - the load balancer in front of two edges and two inference servers (tests/scale_out_test.ts)
# Usage: bash scripts/system_deps.sh [package...]   (no arguments: all of them; e.g. `ffmpeg` alone
# for avatar:build, which scripts/start.sh installs)
set -euo pipefail
declare -A wanted=([ffprobe]=ffmpeg [sox]=sox [espeak-ng]=espeak-ng [redis-server]=redis-server)
only=" $* "
selected() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }
missing=()
for tool in "${!wanted[@]}"; do
  selected "${wanted[$tool]}" || continue
  command -v "$tool" >/dev/null 2>&1 || missing+=("${wanted[$tool]}")
done
# playwright-core launches this exact path (tests/web_client_test.ts).
if selected chromium; then [ -x /usr/bin/chromium ] || missing+=(chromium); fi
# nginx lives in /usr/sbin, which a non-root PATH may lack.
if selected nginx; then [ -x /usr/sbin/nginx ] || missing+=(nginx-light); fi
if selected libpython3.11; then [ -e /usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0 ] || missing+=(libpython3.11); fi
if [ "${#missing[@]}" -eq 0 ]; then exit 0; fi
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
echo "lipstream: installing Debian packages: ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
