"""Wav2Lip / Wav2Lip-GAN checkpoint → verified ONNX with the project's Wav2Lip contract.

Contract: inputs ``mel`` float32 [B, 1, 80, 16] and ``face`` float32 [B, 6, 96, 96] (masked BGR and
reference BGR, /255), output ``output`` float32 [B, 3, 96, 96] (BGR in [0, 1]); the batch axis is
dynamic. BatchNorm is folded into the convolutions. Checkpoints are read as Wav2Lip's training code
writes them (``save_checkpoint`` in ``wav2lip_train.py``: ``{"state_dict", "optimizer",
"global_step", "global_epoch"}``), with or without DataParallel's ``module.`` key prefix.

Usage::

    python infra/export/export.py wav2lip --checkpoint wav2lip_gan.pth --out model.onnx [--fp16|--int8]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator

import numpy as np
import torch

from _checkpoint import load_checkpoint, load_strict, state_dict_from
from _errors import ExportError
from _precision import precision_error, reduced_copy
from _verify import FP32_TOLERANCE, run_onnx, verify_onnx
from wav2lip_model import Wav2Lip, fold_batch_norms

OPSET = 17
INPUTS = {"mel": (1, 80, 16), "face": (6, 96, 96)}
OUTPUT = ("output", (3, 96, 96))


def sample_inputs(batch: int, seed: int) -> dict[str, np.ndarray]:
    """Inputs in the ranges the pipeline feeds: normalized mel in [-4, 4], faces in [0, 1]."""
    rng = np.random.default_rng(seed)
    return {
        "mel": rng.uniform(-4.0, 4.0, (batch, *INPUTS["mel"])).astype(np.float32),
        "face": rng.random((batch, *INPUTS["face"]), dtype=np.float32),
    }


def load_generator(path: str, reference_repo: str | None = None) -> torch.nn.Module:
    """Builds the generator (ours, or the reference repository's class) and loads ``path`` strictly."""
    checkpoint = load_checkpoint(path)
    state = state_dict_from(checkpoint, path, ("state_dict",))
    if any(name.startswith(("enc_p.", "dec.", "emb_g.")) for name in state):
        raise ExportError(f"{path}: this is a VITS checkpoint, not Wav2Lip (use the 'vits' kind)")
    if reference_repo is not None:
        sys.path.insert(0, os.path.abspath(reference_repo))
        try:
            from models.wav2lip import Wav2Lip as ReferenceWav2Lip  # type: ignore[import-not-found]
        except ImportError as error:
            raise ExportError(f"{reference_repo}: no models/wav2lip.py to import ({error})") from error
        model: torch.nn.Module = ReferenceWav2Lip()
    else:
        model = Wav2Lip()
    if any(name.startswith(("audio_encoder.", "face_encoder.")) for name in state) and \
            not any(name.startswith("face_decoder_blocks.") for name in state):
        raise ExportError(f"{path}: this looks like a SyncNet (lip-sync expert) checkpoint, not the Wav2Lip generator")
    load_strict(model, state, path, "Wav2Lip generator")
    return model.eval()


def _calibration(path: str | None) -> Iterator[dict[str, np.ndarray]]:
    if path is None:
        for seed in range(8):
            yield sample_inputs(4, 1000 + seed)
        return
    data = np.load(path)
    for name in INPUTS:
        if name not in data:
            raise ExportError(f"{path}: calibration file has no '{name}' array")
    mel, face = data["mel"].astype(np.float32), data["face"].astype(np.float32)
    for start in range(0, len(mel), 4):
        yield {"mel": mel[start:start + 4], "face": face[start:start + 4]}


def export(args: argparse.Namespace) -> dict[str, object]:
    started = time.monotonic()
    model = load_generator(args.checkpoint, args.reference_repo)
    parameters = sum(p.numel() for p in model.parameters())
    feeds = sample_inputs(3, 0)
    with torch.no_grad():
        want = {OUTPUT[0]: model(*(torch.from_numpy(feeds[name]) for name in INPUTS)).numpy()}
        fold_batch_norms(model)
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    report: dict[str, object] = {"kind": "wav2lip", "checkpoint": args.checkpoint}
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".export-") as scratch:
        fp32 = os.path.join(scratch, "fp32.onnx")
        print(f"export: tracing Wav2Lip to ONNX (opset {OPSET}, BatchNorm folded)", file=sys.stderr)
        torch.onnx.export(
            model, tuple(torch.from_numpy(feeds[name]) for name in INPUTS), fp32,
            input_names=list(INPUTS), output_names=[OUTPUT[0]], opset_version=OPSET, dynamo=False,
            dynamic_axes={name: {0: "batch"} for name in [*INPUTS, OUTPUT[0]]})
        difference = verify_onnx(fp32, feeds, want, FP32_TOLERANCE)
        print(f"export: ONNX Runtime vs PyTorch, batch 3: max abs difference {difference:.3g} "
              f"(limit {FP32_TOLERANCE:g})", file=sys.stderr)
        output_std = float(np.std(want[OUTPUT[0]]))
        import onnx

        batch_norms = sum(node.op_type == "BatchNormalization" for node in onnx.load(fp32).graph.node)
        if batch_norms:
            raise ExportError(f"{batch_norms} BatchNormalization nodes left after folding")
        final, precision = reduced_copy(
            fp32, scratch, fp16=args.fp16, int8=args.int8,
            calibration=lambda: _calibration(args.calibration),
            measure=lambda source, reduced: precision_error(source, reduced, feeds))
        os.replace(final, args.out)
    report.update({
        "onnx": args.out,
        "max_abs_diff": difference,
        "tolerance": FP32_TOLERANCE,
        "precision": precision,
        "opset": OPSET,
        "parameters": parameters,
        "output_std": output_std,
        "batch_norm_nodes": 0,
        "inputs": {name: ["batch", *dims] for name, dims in INPUTS.items()},
        "outputs": {OUTPUT[0]: ["batch", *OUTPUT[1]]},
        "seconds": round(time.monotonic() - started, 2),
    })
    return report


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="export.py wav2lip", description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoint", required=True, help="wav2lip.pth / wav2lip_gan.pth")
    p.add_argument("--out", required=True, help="where to write model.onnx")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--fp16", action="store_true", help="float16 weights and arithmetic (GPUs)")
    group.add_argument("--int8", action="store_true", help="static int8 quantization (CPUs)")
    p.add_argument("--calibration", help="int8: .npz with 'mel' [N,1,80,16] and 'face' [N,6,96,96] arrays "
                   "from your avatar (default: synthetic inputs)")
    p.add_argument("--reference-repo", help="a Rudrabha/Wav2Lip checkout: use its model class instead of ours")
    return p


def main(argv: list[str]) -> dict[str, object]:
    return export(parser().parse_args(argv))
