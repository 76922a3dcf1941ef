"""The streaming pair of a VITS voice: ``encoder.onnx`` (text → latent after the flow) and
``decoder.onnx`` (a window of latent frames → audio), in the way of rhasspy/piper's
``export_onnx_streaming.py`` / ``infer_onnx_streaming.py`` (the decoder is fed overlapping windows
of the latent and the overlap's audio is cut off), with the flow moved into the encoder so the
decoder is HiFi-GAN alone, a pure convolution stack of finite reach.

The decoder's reach (``receptive_frames``) is measured on the model: one latent frame is changed
and the samples that move are counted. Windows that overlap their neighbours by at least that many
frames decode to the one-shot samples (up to float rounding), so joins have no clicks.

Example (numpy, after export)::

    for start, stop, window in latent_windows(z.shape[2], chunk_frames=32, overlap=overlap): ...
"""

from __future__ import annotations

import math
import os
import sys

import numpy as np
import torch
from torch import nn

from _errors import ExportError
from _verify import FP32_TOLERANCE, run_onnx, verify_onnx

#: Piper's ``infer_onnx_streaming.py`` decodes 45 latent frames per step.
CHUNK_FRAMES = 45


class StreamingEncoder(nn.Module):
    """``(input, input_lengths, scales[, sid]) → z, y_mask[, g]``."""

    def __init__(self, generator: nn.Module, fixed_speaker: int | None, emit_g: bool) -> None:
        super().__init__()
        self.generator, self.emit_g = generator, emit_g
        self.fixed = None if fixed_speaker is None else torch.tensor([fixed_speaker], dtype=torch.int64)

    def forward(self, ids, lengths, scales, sid=None):
        g = self.generator.speaker(sid if sid is not None else self.fixed)
        z, y_mask = self.generator.latent(ids, lengths, g, scales)
        return (z, y_mask, g) if self.emit_g else (z, y_mask)


class StreamingDecoder(nn.Module):
    """``(z[, g]) → output [b, 1, frames·hop]``; a fixed speaker's ``g`` is a constant of the graph."""

    def __init__(self, generator: nn.Module, fixed_speaker: int | None) -> None:
        super().__init__()
        self.generator = generator
        self.fixed = None if fixed_speaker is None else torch.tensor([fixed_speaker], dtype=torch.int64)

    def forward(self, z, g=None):
        if g is None and self.fixed is not None:
            g = self.generator.speaker(self.fixed)
        return self.generator.dec(z, g)


def latent_windows(frames: int, chunk_frames: int, overlap: int):
    """``(keep_start, keep_stop, window_start, window_stop)`` in frames for each chunk of a latent."""
    for start in range(0, frames, chunk_frames):
        stop = min(start + chunk_frames, frames)
        yield start, stop, max(0, start - overlap), min(frames, stop + overlap)


def chunked_decode(decode, z: np.ndarray, hop: int, chunk_frames: int, overlap: int) -> tuple[np.ndarray, list[int]]:
    """Decodes ``z`` window by window and joins the kept samples; returns the audio and the join positions."""
    parts, joins, total = [], [], 0
    for start, stop, w_start, w_stop in latent_windows(z.shape[2], chunk_frames, overlap):
        audio = decode(np.ascontiguousarray(z[:, :, w_start:w_stop])).reshape(-1)
        kept = audio[(start - w_start) * hop:(start - w_start) * hop + (stop - start) * hop]
        if parts:
            joins.append(total)
        parts.append(kept)
        total += len(kept)
    return np.concatenate(parts), joins


def receptive_frames(generator: nn.Module, channels: int, g: torch.Tensor | None, hop: int) -> int:
    """How many latent frames either side of a frame change the decoder's samples (measured)."""
    frames = 96
    torch.manual_seed(7)
    z = torch.randn(1, channels, frames) * 0.5
    with torch.no_grad():
        base = generator.dec(z, g)
        z[:, :, frames // 2] += 1.0
        moved = (generator.dec(z, g) - base).abs().reshape(-1) > 0
    where = torch.nonzero(moved).reshape(-1)
    if len(where) == 0:
        return 1
    reach = max(frames // 2 * hop - int(where[0]), int(where[-1]) - (frames // 2 + 1) * hop + 1)
    return max(1, math.ceil(reach / hop))


def _jumps(audio: np.ndarray, joins: list[int]) -> tuple[float, float]:
    steps = np.abs(np.diff(audio.astype(np.float64)))
    at_joins = max((float(steps[j - 1]) for j in joins if 0 < j < len(audio)), default=0.0)
    return at_joins, float(steps.max()) if len(steps) else 0.0


def export_streaming(generator: nn.Module, source, fixed: int | None, takes_sid: bool, opset: int,
                     feeds: dict[str, np.ndarray], out_dir: str) -> dict[str, object]:
    """Writes ``encoder.onnx`` and ``decoder.onnx`` into ``out_dir``, verifies both against PyTorch and
    the chunked decode against the one-shot one; returns the report's ``streaming`` section."""
    os.makedirs(out_dir, exist_ok=True)
    hp = source.hp
    speaker = fixed if fixed is not None else (0 if hp.n_speakers and not takes_sid else None)
    encoder = StreamingEncoder(generator, speaker, takes_sid).eval()
    decoder = StreamingDecoder(generator, speaker).eval()
    names = ["input", "input_lengths", "scales"] + (["sid"] if takes_sid else [])
    enc_path, dec_path = os.path.join(out_dir, "encoder.onnx"), os.path.join(out_dir, "decoder.onnx")
    example = tuple(torch.from_numpy(feeds[n]) for n in names)
    enc_outputs = ["z", "y_mask"] + (["g"] if takes_sid else [])
    with torch.no_grad():
        torch.onnx.export(encoder, example, enc_path, input_names=names, output_names=enc_outputs,
                          opset_version=opset, dynamo=False,
                          dynamic_axes={"input": {0: "batch", 1: "phonemes"}, "input_lengths": {0: "batch"},
                                        **({"sid": {0: "batch"}} if takes_sid else {}),
                                        "z": {0: "batch", 2: "frames"}, "y_mask": {0: "batch", 2: "frames"}})
        encoded = encoder(*example)
        want_enc = dict(zip(enc_outputs, (t.numpy() for t in encoded)))
    enc_diff = verify_onnx(enc_path, feeds, want_enc, FP32_TOLERANCE)
    z, g = encoded[0], (encoded[2] if takes_sid else None)
    dec_names = ["z"] + (["g"] if takes_sid else [])
    with torch.no_grad():
        torch.onnx.export(decoder, (z, g) if takes_sid else (z,), dec_path, input_names=dec_names,
                          output_names=["output"], opset_version=opset, dynamo=False,
                          dynamic_axes={"z": {0: "batch", 2: "frames"}, **({"g": {0: "batch"}} if takes_sid else {}),
                                        "output": {0: "batch", 2: "samples"}})
        whole = decoder(z, g).numpy().reshape(-1)
        g_fixed = g if g is not None else (generator.speaker(decoder.fixed) if decoder.fixed is not None else None)
        reach = receptive_frames(generator, hp.inter_channels, g_fixed, hp.hop_length)
    dec_feeds = {"z": z.numpy(), **({"g": g.numpy()} if g is not None else {})}
    dec_diff = verify_onnx(dec_path, dec_feeds, {"output": whole.reshape(1, 1, -1)}, FP32_TOLERANCE)

    import onnxruntime as ort

    session = ort.InferenceSession(dec_path, providers=["CPUExecutionProvider"])
    extra = {"g": g.numpy()} if g is not None else {}

    def decode(window: np.ndarray) -> np.ndarray:
        return session.run(["output"], {"z": window, **extra})[0]

    frames = z.shape[2]
    chunk = max(4, min(CHUNK_FRAMES, frames // 3))  # at least three chunks on the check sentence
    overlap = reach
    joined, joins = chunked_decode(decode, z.numpy(), hp.hop_length, chunk, overlap)
    if joined.shape != whole.shape:
        raise ExportError(f"chunked decoding gave {joined.shape[0]} samples, one-shot {whole.shape[0]}")
    chunk_diff = float(np.max(np.abs(joined.astype(np.float64) - whole)))
    if not chunk_diff <= FP32_TOLERANCE:
        raise ExportError(f"chunked decoding differs from one-shot by {chunk_diff:.3g} (limit {FP32_TOLERANCE:g})")
    join_jump, any_jump = _jumps(joined, joins)
    short_overlap = 1  # too short on purpose: shows the comparison sees a missing overlap
    short, _ = chunked_decode(decode, z.numpy(), hp.hop_length, chunk, short_overlap)
    short_diff = float(np.max(np.abs(short.astype(np.float64) - whole)))
    print(f"export: streaming pair: encoder {enc_diff:.3g}, decoder {dec_diff:.3g} vs PyTorch; {len(joins) + 1} "
          f"chunks of {chunk} frames overlapping {overlap} (the decoder's measured reach): chunked vs one-shot "
          f"{chunk_diff:.3g}, largest step at joins {join_jump:.3g} vs {any_jump:.3g} anywhere; overlap "
          f"{short_overlap} would differ by {short_diff:.3g}", file=sys.stderr)
    return {"encoder_max_abs_diff": enc_diff, "decoder_max_abs_diff": dec_diff, "receptive_frames": reach,
            "overlap_frames": overlap, "chunk_frames": chunk, "chunks": len(joins) + 1,
            "chunked_vs_one_shot": chunk_diff, "tolerance": FP32_TOLERANCE, "join_max_step": join_jump,
            "max_step": any_jump, "overlap_1_max_abs_diff": short_diff, "hop_length": hp.hop_length,
            "inputs": {"encoder": names, "decoder": dec_names},
            "outputs": {"encoder": enc_outputs, "decoder": ["output"]}}
