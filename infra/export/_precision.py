"""Reduced-precision copies of a verified fp32 ONNX graph: fp16 for GPUs, int8 for CPUs.

Each conversion reports its error against the fp32 graph on the same inputs, so users choose with
numbers. Inputs and outputs stay float32 in both, so the model contract does not change.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Mapping

import numpy as np
import onnx

from _errors import ExportError
from _verify import max_abs_difference, run_onnx


def to_fp16(source: str, target: str) -> None:
    """Converts weights and arithmetic to float16, keeping float32 inputs and outputs.

    Uses ONNX Runtime's converter (``onnxruntime/python/tools/transformers/float16.py``).
    """
    from onnxruntime.transformers.float16 import convert_float_to_float16

    model = convert_float_to_float16(onnx.load(source), keep_io_types=True)
    onnx.save(model, target)


def to_int8(source: str, target: str, calibration: Callable[[], Iterator[dict[str, np.ndarray]]],
            per_channel: bool = True) -> None:
    """Static int8 quantization (QDQ, per-channel weights) with ONNX Runtime's quantizer,
    calibrated on the batches ``calibration()`` yields.
    """
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.batches = calibration()

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self.batches, None)

    with tempfile.TemporaryDirectory() as scratch:
        prepared = os.path.join(scratch, "prepared.onnx")
        quant_pre_process(source, prepared, skip_symbolic_shape=True)
        quantize_static(prepared, target, Reader(), quant_format=QuantFormat.QDQ, per_channel=per_channel,
                        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8)


def mean_abs_difference(want: Mapping[str, np.ndarray], got: Mapping[str, np.ndarray]) -> float:
    """The mean absolute difference over all output values."""
    total = sum(float(np.sum(np.abs(got[n].astype(np.float64) - w.astype(np.float64)))) for n, w in want.items())
    return total / sum(w.size for w in want.values())


def precision_error(fp32_path: str, reduced_path: str, feeds: Mapping[str, np.ndarray]) -> dict[str, float] | None:
    """Max abs difference of ``reduced_path`` against ``fp32_path`` on ``feeds``; ``None`` when
    ONNX Runtime's CPU provider cannot run the reduced graph (fp16 kernels are GPU-only for some ops).
    Returns ``{"max_abs_diff": …, "mean_abs_diff": …}``.
    """
    want = run_onnx(fp32_path, feeds)
    try:
        got = run_onnx(reduced_path, feeds)
    except Exception as error:  # onnxruntime raises its own NotImplemented / Fail types
        if "NOT_IMPLEMENTED" in str(error) or "Could not find an implementation" in str(error):
            return None
        raise ExportError(f"{reduced_path}: ONNX Runtime cannot run the converted graph ({error})") from error
    return {"max_abs_diff": max_abs_difference(want, got), "mean_abs_diff": mean_abs_difference(want, got)}
