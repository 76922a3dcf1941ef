"""Runs an exported ONNX graph with ONNX Runtime and compares it with the PyTorch graph's outputs."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from _errors import ExportError

#: The largest max-abs difference an fp32 export may show against PyTorch.
FP32_TOLERANCE = 1e-4


def run_onnx(path: str, feeds: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Runs ``path`` on the CPU with ONNX Runtime; returns every output by name."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
    names = [output.name for output in session.get_outputs()]
    return dict(zip(names, session.run(names, dict(feeds))))


def max_abs_difference(want: Mapping[str, np.ndarray], got: Mapping[str, np.ndarray]) -> float:
    """The largest absolute difference over all outputs; shapes must agree."""
    worst = 0.0
    for name, expected in want.items():
        if name not in got:
            raise ExportError(f"the ONNX graph has no output '{name}'")
        actual = got[name]
        if actual.shape != expected.shape:
            raise ExportError(f"output '{name}': ONNX shape {actual.shape} differs from PyTorch's {expected.shape}")
        worst = max(worst, float(np.max(np.abs(actual.astype(np.float64) - expected.astype(np.float64)))))
    return worst


def verify_onnx(path: str, feeds: Mapping[str, np.ndarray], want: Mapping[str, np.ndarray],
                tolerance: float = FP32_TOLERANCE) -> float:
    """Runs the ONNX graph on ``feeds`` and fails with ExportError when it differs from ``want``
    by more than ``tolerance``; returns the max abs difference.
    """
    difference = max_abs_difference(want, run_onnx(path, feeds))
    if not difference <= tolerance:
        raise ExportError(
            f"{path}: ONNX Runtime differs from PyTorch by {difference:.3g} (max abs), more than {tolerance:g}")
    return difference
