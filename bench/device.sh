#!/usr/bin/env bash
# Wav2Lip on an NVIDIA GPU through ONNX Runtime's CUDA and TensorRT providers (fp16): frames/s per
# batch size 1–128 and how many real-time 25 fps streams one GPU carries. Writes bench/device.json.
# Finishes in under 8 minutes: every step has its own timeout and a clear message when it fails.
#
# Usage: bash bench/device.sh [--dry-run] [--model PATH.onnx]
#   --dry-run   the same code on CPUExecutionProvider with batches 1,2 (no GPU needed)
#   --model     an existing Wav2Lip ONNX (default: generated/real/wav2lip_fp16.onnx, built with
#               random weights of the real architecture by infra/export when missing)
# Env: GPU_VENV (an existing venv with onnxruntime-gpu, skips the install), PYTHON (for the export).
# A machine without network cannot install onnxruntime-gpu or torch: give it GPU_VENV and --model
# (an fp16 export made elsewhere with infra/export/export.py wav2lip ... --fp16).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dry_run=0
model=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --model) model="${2:?--model needs a path}"; shift ;;
    *) echo "device.sh: unknown argument '$1' (see the header of bench/device.sh)" >&2; exit 2 ;;
  esac
  shift
done
say() { echo "device.sh: $*" >&2; }
out="bench/device.json"
python="${PYTHON:-$root/.tools/venv/bin/python}"

if [ "$dry_run" = 0 ]; then
  if ! command -v nvidia-smi >/dev/null || ! timeout 20 nvidia-smi -L >&2; then
    say "no NVIDIA GPU here (nvidia-smi missing or failing); use --dry-run to check the script on CPU"
    exit 3
  fi
  venv="${GPU_VENV:-$root/.tools/venv-gpu}"
  if ! [ -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import onnxruntime" 2>/dev/null; then
    say "making $venv from infra/python/requirements-gpu.txt (onnxruntime-gpu from PyPI)"
    python3 -m venv "$venv"
    if ! timeout 240 "$venv/bin/pip" install --quiet --disable-pip-version-check \
      -r infra/python/requirements-gpu.txt >&2; then
      say "could not install onnxruntime-gpu (no network to PyPI?); set GPU_VENV to a venv that has it"
      exit 4
    fi
  fi
  bench_python="$venv/bin/python"
  providers="cuda,tensorrt"
  batches="1,2,4,8,16,32,64,128"
  seconds=3
  precision="--fp16"
  model="${model:-generated/real/wav2lip_fp16.onnx}"
else
  bench_python="$python"
  providers="cpu"
  batches="1,2"
  seconds=0.5
  precision=""
  model="${model:-generated/real/wav2lip.onnx}"
  out="bench/device-dry-run.json"
fi

if ! [ -f "$model" ]; then
  if ! [ -f infra/export/export.py ]; then
    say "no model at $model and no infra/export/export.py to build one; pass --model"
    exit 5
  fi
  say "building $model (real Wav2Lip architecture, random weights) ${precision:-fp32}"
  mkdir -p "$(dirname "$model")"
  checkpoint="$(mktemp -d)/wav2lip_random.pth"
  timeout 120 "$python" infra/export/make_random_checkpoint.py wav2lip --out "$checkpoint" --no-optimizer >&2
  # shellcheck disable=SC2086 # $precision is empty or one flag
  timeout 180 "$python" infra/export/export.py wav2lip --checkpoint "$checkpoint" --out "$model" $precision >&2
  rm -f "$checkpoint"
fi

say "benchmarking $model on $providers, batches $batches"
# TensorRT builds one engine for the whole batch range first (cached for reruns).
if ! timeout 300 "$bench_python" bench/device_bench.py --model "$model" --providers "$providers" \
  --batches "$batches" --seconds "$seconds" --out "$out" >/dev/null; then
  say "the benchmark failed or timed out (see above); partial results, if any, are in $out"
  exit 6
fi
"$bench_python" - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
for p in r["providers"]:
    if "error" in p and not p.get("batches"):
        print(f"{p['provider']}: {p['error']}")
        continue
    for b in p["batches"]:
        print(f"{p['provider']:>9} batch {b['batch']:>4}: " + (f"{b['frames_per_s']:>8.1f} frames/s" if "frames_per_s" in b else b["error"]))
    best = p.get("best")
    if best:
        print(f"{p['provider']:>9} best: batch {best['batch']}, {best['frames_per_s']} frames/s = {p['realtime_25fps_streams']} real-time 25 fps streams")
PY
say "wrote $out"
