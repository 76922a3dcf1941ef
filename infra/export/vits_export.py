"""VITS / VITS-fast-fine-tuning / Piper generator checkpoint → verified ONNX with Piper's contract.

Contract (rhasspy/piper ``src/python/piper_train/export_onnx.py``): inputs ``input`` int64
[batch, phonemes], ``input_lengths`` int64 [batch], ``scales`` float32 [3] = (noise_scale,
length_scale, noise_w), and ``sid`` int64 [batch] only for a multi-speaker model exported without
``--speaker``; output ``output`` float32 [batch, 1, 1, samples]. Phoneme and sample axes are dynamic.
Weight norm is folded into plain weights. ``--speaker N|NAME`` bakes one speaker of a
multi-speaker model in (no ``sid`` input).

``--streaming-dir DIR`` also writes ``DIR/encoder.onnx`` (same inputs → ``z`` [batch, C, frames],
the latent after the flow, ``y_mask`` [batch, 1, frames], and ``g`` [batch, gin, 1] when ``sid`` is
an input) and ``DIR/decoder.onnx`` (``z`` window [batch, C, frames] (+ ``g``) → ``output``
[batch, 1, frames·hop]): the split of Piper's ``export_onnx_streaming.py`` with the flow moved into
the encoder, so the decoder is the HiFi-GAN alone and a window of latent frames decodes to the same
samples as the whole sentence once the window overlaps its neighbours by the decoder's receptive
field (``streaming.overlap_frames`` in the report).

Usage::

    python infra/export/export.py vits --checkpoint G.pth --config config.json --out model.onnx \\
        [--speaker N] [--streaming-dir DIR] [--fp16|--int8] [--reference-repo PATH] [--opset 15]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Iterator

import numpy as np
import torch
from torch import nn

from _checkpoint import load_strict
from _errors import ExportError
from _precision import precision_error, reduced_copy
from _verify import FP32_TOLERANCE, run_onnx, verify_onnx
from vits_checkpoint import VitsSource, check_symbols, read_source
from vits_model import SynthesizerTrn, fold_weight_norm
from vits_streaming import export_streaming

#: Piper's export opset (``export_onnx.py``: ``OPSET_VERSION = 15``).
DEFAULT_OPSET = 15
#: Verification runs with noise off (noise_scale 0, length_scale 1, noise_w 0): deterministic.
VERIFY_SCALES = np.array([0.0, 1.0, 0.0], dtype=np.float32)


class PiperContract(nn.Module):
    """``(input, input_lengths, scales[, sid]) → output [b, 1, 1, samples]`` around a generator."""

    def __init__(self, generator: nn.Module, fixed_speaker: int | None, reference: bool = False) -> None:
        super().__init__()
        self.generator, self.reference = generator, reference
        self.fixed = None if fixed_speaker is None else torch.tensor([fixed_speaker], dtype=torch.int64)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor, scales: torch.Tensor,
                sid: torch.Tensor | None = None) -> torch.Tensor:
        speaker = sid if sid is not None else self.fixed
        if self.reference:
            audio = self.generator.infer(ids, lengths, sid=speaker, noise_scale=scales[0], length_scale=scales[1],
                                         noise_scale_w=scales[2])[0]
        else:
            audio = self.generator.infer(ids, lengths, speaker, scales)
        return audio.unsqueeze(1)


def _reference_generator(repo: str, source: VitsSource) -> nn.Module:
    """The reference repository's own ``SynthesizerTrn``, loaded strictly with weight norm, then removed."""
    root = os.path.abspath(repo)
    candidates = [(os.path.join(root, "src", "python"), "piper_train.vits.models"), (root, "models_infer"),
                  (root, "models")]
    hp = source.hp
    for folder, module_name in candidates:
        if not os.path.isfile(os.path.join(folder, *module_name.split("."))[:] + ".py"):
            continue
        sys.path.insert(0, folder)
        try:
            module = __import__(module_name, fromlist=["SynthesizerTrn"])
        except ImportError as error:
            raise ExportError(f"{repo}: cannot import {module_name} ({error})") from error
        kwargs = dict(vars(hp))
        kwargs.pop("n_vocab"), kwargs.pop("spec_channels")
        kwargs["p_dropout"] = 0.1  # unused in eval mode
        model = module.SynthesizerTrn(hp.n_vocab, hp.spec_channels, 32, **kwargs)
        try:
            model.load_state_dict(source.state, strict=True)
        except RuntimeError as error:
            raise ExportError(f"{repo}: its SynthesizerTrn does not load the checkpoint strictly "
                              f"({str(error).splitlines()[0]})") from error
        model.eval()
        with torch.no_grad(), contextlib.redirect_stdout(sys.stderr):  # it prints; stdout is for the report
            model.dec.remove_weight_norm()
        return model
    raise ExportError(f"{repo}: no models.py, models_infer.py or src/python/piper_train/vits/models.py")


def load_generator(source: VitsSource, checkpoint_path: str) -> SynthesizerTrn:
    """Our generator with the checkpoint loaded strictly (weight norm folded)."""
    model = SynthesizerTrn(source.hp)
    load_strict(model, fold_weight_norm(source.state, model), checkpoint_path, f"{source.layout} VITS generator")
    return model.eval()


def resolve_speaker(source: VitsSource, wanted: str | None) -> int | None:
    """``--speaker`` as an id (a number or a name of the config's speaker map), or ``None``."""
    if wanted is None:
        return None
    rows = source.hp.n_speakers
    if rows == 0:
        raise ExportError(f"--speaker {wanted}: this voice has a single speaker (no speaker table)")
    if wanted in source.speakers:
        return source.speakers[wanted]
    if not wanted.lstrip("-").isdigit():
        known = ", ".join(list(source.speakers)[:6]) or "none named in the config"
        raise ExportError(f"--speaker {wanted}: no such speaker (known: {known})")
    sid = int(wanted)
    if not 0 <= sid < rows:
        raise ExportError(f"--speaker {sid}: outside the {rows} speakers of this voice")
    return sid


def sample_feeds(n_vocab: int, length: int, seed: int, sid: int | None) -> dict[str, np.ndarray]:
    """Phoneme ids like a front end's (blank-interspersed when id 0 is the blank), noise off."""
    rng = np.random.default_rng(seed)
    ids = rng.integers(1, max(n_vocab, 2), size=length)
    ids[::2] = 0
    feeds = {"input": ids[None].astype(np.int64), "input_lengths": np.array([length], dtype=np.int64),
             "scales": VERIFY_SCALES.copy()}
    if sid is not None:
        feeds["sid"] = np.array([sid], dtype=np.int64)
    return feeds


def _torch_output(model: nn.Module, feeds: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    with torch.no_grad():
        args = [torch.from_numpy(feeds[n]) for n in ("input", "input_lengths", "scales")]
        sid = torch.from_numpy(feeds["sid"]) if "sid" in feeds else None
        return {"output": model(*args, sid).numpy()}


def _calibration(n_vocab: int, sid: int | None) -> Iterator[dict[str, np.ndarray]]:
    for seed, length in enumerate((17, 33, 49, 25)):
        feeds = sample_feeds(n_vocab, length, 500 + seed, sid)
        feeds["scales"] = np.array([0.667, 1.0, 0.8], dtype=np.float32)
        yield feeds


def _reduced_error(fp32: str, reduced: str, feeds: dict[str, np.ndarray]) -> dict[str, object] | None:
    """Error of a reduced-precision graph vs fp32. Rounding in the duration predictor can change a
    phoneme's frame count and so the sample count; then the common prefix is compared and both
    counts are reported."""
    want, got = run_onnx(fp32, feeds)["output"], run_onnx(reduced, feeds)["output"]
    if want.shape == got.shape:
        return precision_error(fp32, reduced, feeds)
    n = min(want.shape[-1], got.shape[-1])
    difference = np.abs(want[..., :n].astype(np.float64) - got[..., :n])
    return {"max_abs_diff": float(difference.max()), "mean_abs_diff": float(difference.mean()),
            "samples": [int(want.shape[-1]), int(got.shape[-1])], "durations_changed": True}


def export(args: argparse.Namespace) -> dict[str, object]:
    started = time.monotonic()
    source = read_source(args.checkpoint, args.config, args.trust_checkpoint)
    check_symbols(source, args.config)
    fixed = resolve_speaker(source, args.speaker)
    own = load_generator(source, args.checkpoint)  # strict load always runs on our definition
    if args.reference_repo is not None:
        if args.streaming_dir:
            raise ExportError("--streaming-dir uses the project's own model; leave out --reference-repo")
        generator: nn.Module = _reference_generator(args.reference_repo, source)
    else:
        generator = own
    takes_sid = source.speaker_input and fixed is None
    verify_sid = (1 if source.hp.n_speakers > 1 else 0) if takes_sid else None
    contract = PiperContract(generator, fixed if fixed is not None else (0 if source.hp.n_speakers else None),
                             reference=args.reference_repo is not None).eval()
    names = ["input", "input_lengths", "scales"] + (["sid"] if takes_sid else [])
    trace_feeds = sample_feeds(source.hp.n_vocab, 31, 1, verify_sid)
    checks = [sample_feeds(source.hp.n_vocab, n, 2 + n, verify_sid) for n in (19, 41)]
    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    report: dict[str, object] = {"kind": "vits", "layout": source.layout, "checkpoint": args.checkpoint}
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".export-") as scratch:
        fp32 = os.path.join(scratch, "fp32.onnx")
        print(f"export: tracing the {source.layout} VITS generator to ONNX (opset {args.opset}, weight norm "
              "removed)", file=sys.stderr)
        example = tuple(torch.from_numpy(trace_feeds[n]) for n in names)
        dynamic = {"input": {0: "batch", 1: "phonemes"}, "input_lengths": {0: "batch"},
                   "output": {0: "batch", 3: "samples"}}
        if takes_sid:
            dynamic["sid"] = {0: "batch"}
        with torch.no_grad():
            torch.onnx.export(contract, example, fp32, input_names=names, output_names=["output"],
                              opset_version=args.opset, dynamo=False, dynamic_axes=dynamic)
        difference, samples = 0.0, []
        for feeds in checks:
            want = _torch_output(contract, feeds)
            samples.append(int(want["output"].shape[-1]))
            difference = max(difference, verify_onnx(fp32, feeds, want, FP32_TOLERANCE))
        lengths = [int(f["input_lengths"][0]) for f in checks]
        print(f"export: ONNX Runtime vs PyTorch, {lengths[0]} and {lengths[1]} phoneme ids, noise scales 0"
              + (f", speaker {verify_sid}" if verify_sid is not None else "")
              + f": max abs difference {difference:.3g} (limit {FP32_TOLERANCE:g})", file=sys.stderr)
        final, precision = reduced_copy(
            fp32, scratch, fp16=args.fp16, int8=args.int8,
            calibration=lambda: _calibration(source.hp.n_vocab, verify_sid),
            measure=lambda source_path, reduced: _reduced_error(source_path, reduced, checks[0]),
            per_channel=False)
        streaming = None
        if args.streaming_dir:
            streaming = export_streaming(own, source, fixed, takes_sid, args.opset, checks[1],
                                         os.path.join(scratch, "streaming"))
        os.replace(final, args.out)
        if streaming is not None:
            target = os.path.abspath(args.streaming_dir)
            os.makedirs(target, exist_ok=True)
            for part in ("encoder.onnx", "decoder.onnx"):
                os.replace(os.path.join(scratch, "streaming", part), os.path.join(target, part))
            streaming["encoder"] = os.path.join(args.streaming_dir, "encoder.onnx")
            streaming["decoder"] = os.path.join(args.streaming_dir, "decoder.onnx")
    hp = source.hp
    report.update({
        "onnx": args.out,
        "max_abs_diff": difference,
        "tolerance": FP32_TOLERANCE,
        "precision": precision,
        "opset": args.opset,
        "verified_on": {"phoneme_ids": lengths, "samples": samples, "scales": VERIFY_SCALES.tolist(),
                        "speaker": verify_sid if verify_sid is not None else fixed},
        "inputs": {"input": ["batch", "phonemes"], "input_lengths": ["batch"], "scales": [3],
                   **({"sid": ["batch"]} if takes_sid else {})},
        "outputs": {"output": ["batch", 1, 1, "samples"]},
        "parameters": sum(p.numel() for p in own.parameters()),
        "num_symbols": hp.n_vocab,
        "num_speakers": hp.n_speakers if takes_sid else 1,
        "speaker": fixed,
        "speaker_id_map": source.speakers if takes_sid else {},
        "sample_rate": source.sample_rate,
        "hop_length": hp.hop_length,
        "use_sdp": hp.use_sdp,
        "reference_repo": args.reference_repo,
        "streaming": streaming,
        "seconds": round(time.monotonic() - started, 2),
    })
    return report


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="export.py vits", description=__doc__.split("\n\n")[0])
    p.add_argument("--checkpoint", required=True, help="G_*.pth, G_latest.pth or a Piper .ckpt")
    p.add_argument("--config", required=True,
                   help="config.json / (modified_)finetune_speaker.json / Piper's dataset config.json")
    p.add_argument("--out", required=True, help="where to write model.onnx")
    p.add_argument("--speaker", help="bake this speaker (id or name) in; the model then takes no 'sid'")
    p.add_argument("--streaming-dir", help="also write encoder.onnx + decoder.onnx here (chunked decoding)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--fp16", action="store_true", help="float16 weights and arithmetic (GPUs)")
    group.add_argument("--int8", action="store_true", help="int8 quantization (CPUs)")
    p.add_argument("--reference-repo", help="a checkout of jaywalnut310/vits, VITS-fast-fine-tuning or rhasspy/piper: "
                   "trace its SynthesizerTrn instead of ours")
    p.add_argument("--opset", type=int, default=DEFAULT_OPSET)
    p.add_argument("--trust-checkpoint", action="store_true",
                   help="unpickle classes beyond tensors (runs code from the file; only for files you trust)")
    return p


def main(argv: list[str]) -> dict[str, object]:
    return export(parser().parse_args(argv))
