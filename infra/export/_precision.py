"""Reduced-precision copies of a verified fp32 ONNX graph: fp16 for GPUs, int8 for CPUs.

Each conversion reports its error against the fp32 graph on the same inputs, so users choose with
numbers. Inputs and outputs stay float32 in both, so the model contract does not change.
"""

from __future__ import annotations

import os
import sys
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


#: Op types left in float32 by ``to_int8``. ONNX Runtime's CPU provider fuses a QDQ ``Conv`` into
#: an integer kernel but not a QDQ ``ConvTranspose``: its weights would be dequantized on every run
#: (measured on the real-size Wav2Lip at 1 thread: no faster than with ConvTranspose in float32,
#: and a larger error; BENCHMARKS.md, "int8 Wav2Lip on VNNI").
INT8_FLOAT_OP_TYPES = frozenset({"ConvTranspose"})


def to_int8(source: str, target: str, calibration: Callable[[], Iterator[dict[str, np.ndarray]]],
            per_channel: bool = True) -> None:
    """Static int8 quantization (QDQ, per-channel weights) with ONNX Runtime's quantizer,
    calibrated on the batches ``calibration()`` yields. Activations are uint8 and weights int8
    (U8S8, what x86 VNNI kernels take); the op types in ``INT8_FLOAT_OP_TYPES`` stay float32.
    """
    from onnxruntime.quantization import CalibrationDataReader, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.registry import QDQRegistry, QLinearOpsRegistry
    from onnxruntime.quantization.shape_inference import quant_pre_process

    class Reader(CalibrationDataReader):
        def __init__(self) -> None:
            self.batches = calibration()

        def get_next(self) -> dict[str, np.ndarray] | None:
            return next(self.batches, None)

    with tempfile.TemporaryDirectory() as scratch:
        prepared = os.path.join(scratch, "prepared.onnx")
        quant_pre_process(source, prepared, skip_symbolic_shape=True)
        # The quantizer's own default (every op type it has a QDQ or QLinear rule for), less ours.
        # A list of the graph's op types instead would also quantize the inputs of ops with no
        # rule (VITS's Exp and Ceil in the duration path), and rounding there changes durations.
        op_types = sorted((set(QDQRegistry) | set(QLinearOpsRegistry)) - INT8_FLOAT_OP_TYPES)
        quantize_static(prepared, target, Reader(), quant_format=QuantFormat.QDQ, per_channel=per_channel,
                        activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                        op_types_to_quantize=op_types)


def int8_weight_op_types(path: str) -> list[str]:
    """The op types in a QDQ graph whose weights are stored as int8: the consumers of a
    ``DequantizeLinear`` that reads an initializer. (Activations between two quantized ops pass
    through QuantizeLinear/DequantizeLinear pairs too, so an op reading a dequantized activation
    is not by that a quantized op.)"""
    graph = onnx.load(path).graph
    initializers = {tensor.name for tensor in graph.initializer}
    weights = {output for node in graph.node
               if node.op_type == "DequantizeLinear" and node.input[0] in initializers
               for output in node.output}
    return sorted({node.op_type for node in graph.node
                   if node.op_type != "QuantizeLinear" and any(name in weights for name in node.input)})


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


def describe_error(error: dict[str, object] | None) -> str:
    """The comparison line's figures: max and mean abs difference, and changed sample counts."""
    if error is None:
        return "not runnable on this CPU"
    shown = f"{error['max_abs_diff']:.3g} (mean {error['mean_abs_diff']:.3g})"
    if error.get("durations_changed"):
        samples = error["samples"]
        shown += f", sample count {samples[0]} → {samples[1]} (rounding changed durations)"  # type: ignore[index]
    return shown


def reduced_copy(fp32_path: str, scratch: str, *, fp16: bool, int8: bool,
                 calibration: Callable[[], Iterator[dict[str, np.ndarray]]],
                 measure: Callable[[str, str], dict[str, object] | None],
                 per_channel: bool = True) -> tuple[str, dict[str, object]]:
    """Writes the fp16 or int8 copy of a verified fp32 graph into ``scratch`` (or nothing when
    neither is asked), prints its error against fp32 and returns the path to install and the
    report's ``precision`` section. ``measure(fp32, reduced)`` compares the two on fixed inputs.
    """
    if not (fp16 or int8):
        return fp32_path, {"name": "fp32"}
    name = "fp16" if fp16 else "int8"
    path = os.path.join(scratch, f"{name}.onnx")
    if fp16:
        to_fp16(fp32_path, path)
    else:
        to_int8(fp32_path, path, calibration, per_channel=per_channel)
    error = measure(fp32_path, path)
    print(f"export: {name} vs fp32 on the same inputs: max abs difference {describe_error(error)}",
          file=sys.stderr)
    if int8:
        return path, {"name": name, "vs_fp32": error, "int8_weight_op_types": int8_weight_op_types(path)}
    return path, {"name": name, "vs_fp32": error}
