"""Wav2Lip frames/s on one accelerator through ONNX Runtime, per batch size.

For each execution provider asked for (``cuda``, ``tensorrt``, or ``cpu`` for a dry run) it loads
the given Wav2Lip ONNX, runs batches of seeded random inputs (mel ``[B,1,80,16]``, face
``[B,6,96,96]``, float32 as the model's inputs are) for about ``--seconds`` per batch size, and
reports the median milliseconds per run, frames/s, and how many real-time 25 fps streams the best
batch carries (``floor(fps / 25)``). A provider that is missing or fails is reported with its error;
the others still run. The result is one JSON document (``--out``, and the last stdout line).

Usage::

    python bench/device_bench.py --model model.onnx --providers cuda,tensorrt \
        --batches 1,2,4,8,16,32,64,128 --seconds 3 --out result.json
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import statistics
import sys
import time

PROVIDERS = {
    "cpu": "CPUExecutionProvider",
    "cuda": "CUDAExecutionProvider",
    "tensorrt": "TensorrtExecutionProvider",
}


def provider_list(kind: str, max_batch: int, cache_dir: str) -> list:
    if kind == "tensorrt":
        shapes = lambda b: f"mel:{b}x1x80x16,face:{b}x6x96x96"  # noqa: E731
        return [
            (
                "TensorrtExecutionProvider",
                {
                    "trt_fp16_enable": True,
                    "trt_engine_cache_enable": True,
                    "trt_engine_cache_path": cache_dir,
                    "trt_profile_min_shapes": shapes(1),
                    "trt_profile_opt_shapes": shapes(min(16, max_batch)),
                    "trt_profile_max_shapes": shapes(max_batch),
                },
            ),
            "CUDAExecutionProvider",
        ]
    if kind == "cuda":
        return [("CUDAExecutionProvider", {"cudnn_conv_algo_search": "EXHAUSTIVE"})]
    return ["CPUExecutionProvider"]


def feeds(np, session, batch: int) -> dict:
    rng = np.random.default_rng(batch)
    names = [i.name for i in session.get_inputs()]
    mel, face = ("mel", "face") if "mel" in names else (names[0], names[1])
    return {
        mel: rng.random((batch, 1, 80, 16), dtype=np.float32),
        face: rng.random((batch, 6, 96, 96), dtype=np.float32),
    }


def bench_provider(ort, np, args, kind: str) -> dict:
    wanted = PROVIDERS[kind]
    if wanted not in ort.get_available_providers():
        return {"provider": kind, "error": f"{wanted} is not available in onnxruntime "
                f"{ort.__version__} (available: {', '.join(ort.get_available_providers())})"}
    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    started = time.perf_counter()
    session = ort.InferenceSession(args.model, options,
                                   providers=provider_list(kind, max(args.batches), args.cache_dir))
    used = session.get_providers()[0]
    if used != wanted:
        return {"provider": kind, "error": f"session fell back to {used}"}
    rows = []
    for batch in args.batches:
        try:
            inputs = feeds(np, session, batch)
            first = time.perf_counter()
            session.run(None, inputs)  # warm-up (TensorRT may build an engine here)
            warm_ms = (time.perf_counter() - first) * 1000
            times = []
            deadline = time.perf_counter() + args.seconds
            while len(times) < 3 or (time.perf_counter() < deadline and len(times) < 1000):
                t = time.perf_counter()
                session.run(None, inputs)
                times.append((time.perf_counter() - t) * 1000)
            ms = statistics.median(times)
            rows.append({"batch": batch, "ms_per_run": round(ms, 3), "runs": len(times),
                         "first_run_ms": round(warm_ms, 1),
                         "frames_per_s": round(batch * 1000 / ms, 1)})
        except Exception as error:  # out of memory at a large batch ends this provider's list
            rows.append({"batch": batch, "error": str(error).splitlines()[0][:300]})
            break
        print(f"device_bench: {kind} batch {batch}: {rows[-1]}", file=sys.stderr, flush=True)
    ok = [r for r in rows if "frames_per_s" in r]
    best = max(ok, key=lambda r: r["frames_per_s"]) if ok else None
    return {
        "provider": kind,
        "session_seconds": round(time.perf_counter() - started, 1),
        "batches": rows,
        "best": best,
        "realtime_25fps_streams": math.floor(best["frames_per_s"] / 25) if best else 0,
    }


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--model", required=True)
    p.add_argument("--providers", default="cuda,tensorrt")
    p.add_argument("--batches", default="1,2,4,8,16,32,64,128")
    p.add_argument("--seconds", type=float, default=3.0)
    p.add_argument("--cache-dir", default="/tmp/lipstream-trt-cache")
    p.add_argument("--out")
    args = p.parse_args(argv)
    args.batches = [int(b) for b in args.batches.split(",")]
    kinds = [k.strip() for k in args.providers.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in PROVIDERS]
    if unknown:
        print(f"device_bench: unknown provider(s) {unknown}; use {', '.join(PROVIDERS)}", file=sys.stderr)
        return 2
    try:
        import numpy as np
        import onnxruntime as ort
    except ImportError as error:
        print(f"device_bench: {error}; run bench/device.sh, which makes the environment", file=sys.stderr)
        return 2
    result = {
        "model": args.model,
        "onnxruntime": ort.__version__,
        "machine": platform.node(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": " ".join(["python", "bench/device_bench.py", *argv]),
        "providers": [bench_provider(ort, np, args, kind) for kind in kinds],
    }
    text = json.dumps(result)
    if args.out:
        with open(args.out, "w") as f:
            f.write(json.dumps(result, indent=2) + "\n")
    print(text)
    return 0 if any(r.get("best") for r in result["providers"]) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
