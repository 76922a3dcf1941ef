"""Reading VITS-family generator checkpoints and their configs, with one-line errors.

Three on-disk layouts:

* jaywalnut310/vits ``G_*.pth`` (``utils.save_checkpoint``): ``{"model": state_dict, "iteration",
  "optimizer", "learning_rate"}`` with ``config.json`` (``data``, ``model``; symbols are
  ``text/symbols.py``'s, 178 for its English cleaners). ``emb_g`` exists when ``n_speakers > 1``.
* Plachtaa/VITS-fast-fine-tuning ``G_latest.pth``: the same dict (``optimizer`` may be ``None``)
  with ``finetune_speaker.json`` / ``modified_finetune_speaker.json`` (``symbols``, ``speakers``).
  ``emb_g`` exists when ``n_speakers >= 1``.
* Piper training checkpoints (PyTorch Lightning ``.ckpt``): ``{"state_dict": {"model_g.…",
  "model_d.…"}, "hyper_parameters": {…}, …}`` (``piper_train/vits/lightning.py``), with the
  dataset's ``config.json`` (``num_symbols``, ``num_speakers``, ``speaker_id_map``, ``audio``).
"""

from __future__ import annotations

import json
import os
import pathlib
import pickle
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field

import torch

from _errors import ExportError
from vits_model import VitsHyperparameters

#: jaywalnut310/vits ``text/symbols.py``: pad, 16 punctuation marks, 52 letters, 109 IPA symbols.
ORIGINAL_SYMBOL_COUNT = 178
ORIGINAL_CLEANERS = {"english_cleaners", "english_cleaners2", "basic_cleaners", "transliteration_cleaners"}


@dataclass
class VitsSource:
    """A generator state dict with everything needed to rebuild and check it."""

    layout: str  # "vits" | "vits-fast" | "piper"
    hp: VitsHyperparameters
    state: dict[str, torch.Tensor]
    sample_rate: int
    expected_symbols: int | None  # from the config; None when it cannot tell
    speakers: dict[str, int] = field(default_factory=dict)
    speaker_input: bool = False  # the ONNX graph takes `sid`


def _load(path: str) -> Mapping[str, object]:
    if not os.path.isfile(path):
        raise ExportError(f"{path}: no such checkpoint file")
    # Lightning stores Piper's hyper-parameters with pathlib paths (dataset_dir, dataset); those
    # are the only non-tensor classes allowed besides the defaults of weights_only loading.
    allowed = [pathlib.PosixPath, pathlib.WindowsPath, pathlib.PurePosixPath, pathlib.PureWindowsPath]
    try:
        with torch.serialization.safe_globals(allowed):
            loaded = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as error:
        text = str(error)
        if "Unsupported global" in text:
            name = text.split("GLOBAL", 1)[-1].split()[0] if "GLOBAL" in text else "an unknown class"
            raise ExportError(f"{path}: the checkpoint pickles {name}, which is not loaded without running "
                              "its code; re-save it with torch.save({'model': state_dict}) or pass "
                              "--trust-checkpoint") from error
        raise ExportError(f"{path}: not a readable PyTorch checkpoint ({text.strip().splitlines()[0]})") from error
    except (RuntimeError, zipfile.BadZipFile, EOFError, ValueError, OSError) as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ExportError(f"{path}: not a readable PyTorch checkpoint ({first})") from error
    if not isinstance(loaded, Mapping):
        raise ExportError(f"{path}: expected a dict checkpoint, found {type(loaded).__name__}")
    return loaded


def load_checkpoint_dict(path: str, trust: bool = False) -> Mapping[str, object]:
    """The checkpoint's top-level dict; ``trust`` allows full unpickling (runs code from the file)."""
    if trust:
        loaded = torch.load(path, map_location="cpu", weights_only=False)
        if not isinstance(loaded, Mapping):
            raise ExportError(f"{path}: expected a dict checkpoint, found {type(loaded).__name__}")
        return loaded
    return _load(path)


def _tensors(value: object) -> dict[str, torch.Tensor]:
    assert isinstance(value, Mapping)
    return {str(k): v for k, v in value.items() if isinstance(v, torch.Tensor)}


def _read_config(path: str) -> dict:
    if not os.path.isfile(path):
        raise ExportError(f"{path}: no such config file")
    try:
        with open(path, encoding="utf-8") as file:
            config = json.load(file)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ExportError(f"{path}: not valid JSON ({error})") from error
    if not isinstance(config, dict):
        raise ExportError(f"{path}: expected a JSON object")
    return config


def _wrong_kind(state: Mapping[str, torch.Tensor], path: str) -> None:
    names = list(state)
    if any(n.startswith(("face_encoder_blocks.", "module.face_encoder_blocks.", "audio_encoder.", "face_decoder"))
           for n in names):
        raise ExportError(f"{path}: this is a Wav2Lip checkpoint, not VITS (use the 'wav2lip' kind)")
    if any(n.startswith(("discriminators.", "model_d.")) for n in names) and not any(
            n.startswith(("enc_p.", "model_g.enc_p.")) for n in names):
        raise ExportError(f"{path}: this is a discriminator checkpoint (D_*.pth); pass the generator G_*.pth")
    if not any(n.startswith(("enc_p.", "model_g.enc_p.", "module.enc_p.")) for n in names):
        shown = ", ".join(names[:3]) or "no tensors"
        raise ExportError(f"{path}: not a VITS generator checkpoint (no enc_p.* keys; found {shown})")


def _hp_from(section: Mapping[str, object], n_vocab: int, spec_channels: int, n_speakers: int,
             path: str) -> VitsHyperparameters:
    known = {f for f in VitsHyperparameters.__dataclass_fields__}
    values = {k: v for k, v in section.items() if k in known and k not in ("n_vocab", "n_speakers", "spec_channels")}
    try:
        return VitsHyperparameters(n_vocab=n_vocab, spec_channels=spec_channels, n_speakers=n_speakers, **values)
    except TypeError as error:
        raise ExportError(f"{path}: model section not understood ({error})") from error


def _check_speakers(source: VitsSource, config_n: int, path: str) -> None:
    rows = source.state["emb_g.weight"].shape[0] if "emb_g.weight" in source.state else 0
    if rows and rows != config_n:
        raise ExportError(f"{path}: n_speakers is {config_n} but the checkpoint's speaker table emb_g has "
                          f"{rows} rows")
    if not rows and config_n > 1:
        raise ExportError(f"{path}: n_speakers is {config_n} but the checkpoint has no speaker table (emb_g)")
    for name, sid in source.speakers.items():
        if not isinstance(sid, int) or not 0 <= sid < max(rows, 1):
            raise ExportError(f"{path}: speaker '{name}' has id {sid}, outside the {rows} speakers of emb_g")


def read_source(checkpoint_path: str, config_path: str, trust: bool = False) -> VitsSource:
    """Reads a checkpoint and its config, detects the layout and checks them against each other."""
    checkpoint = load_checkpoint_dict(checkpoint_path, trust)
    config = _read_config(config_path)
    if isinstance(checkpoint.get("state_dict"), Mapping) and any(
            str(k).startswith("model_g.") for k in checkpoint["state_dict"]):  # type: ignore[union-attr]
        return _piper_source(checkpoint, config, checkpoint_path, config_path)
    raw = checkpoint.get("model", checkpoint.get("state_dict"))
    if not isinstance(raw, Mapping):
        found = ", ".join(sorted(str(k) for k in checkpoint)[:6]) or "nothing"
        raise ExportError(f"{checkpoint_path}: no 'model' state dict in the checkpoint (found {found})")
    state = _tensors(raw)
    if state and all(n.startswith("module.") for n in state):
        state = {n[len("module."):]: t for n, t in state.items()}
    _wrong_kind(state, checkpoint_path)
    data, model = config.get("data"), config.get("model")
    if not isinstance(data, dict) or not isinstance(model, dict):
        raise ExportError(f"{config_path}: not a VITS config (needs 'data' and 'model' sections)")
    symbols = config.get("symbols")
    speakers = config.get("speakers")
    layout = "vits-fast" if isinstance(symbols, list) or isinstance(speakers, dict) else "vits"
    if isinstance(symbols, list):
        expected = len(symbols)
    elif set(data.get("text_cleaners") or []) <= ORIGINAL_CLEANERS and data.get("text_cleaners"):
        expected = ORIGINAL_SYMBOL_COUNT
    else:
        expected = None
    config_n = int(data.get("n_speakers", 0) or 0)
    rows = state["emb_g.weight"].shape[0] if "emb_g.weight" in state else 0
    n_vocab = state["enc_p.emb.weight"].shape[0] if "enc_p.emb.weight" in state else (expected or 0)
    hp = _hp_from(model, n_vocab, int(data.get("filter_length", 1024)) // 2 + 1, rows, config_path)
    source = VitsSource(layout, hp, state, int(data.get("sampling_rate", 22050)), expected,
                        dict(speakers) if isinstance(speakers, dict) else {}, rows > 1)
    _check_speakers(source, config_n, config_path)
    return source


def _piper_source(checkpoint: Mapping[str, object], config: dict, path: str, config_path: str) -> VitsSource:
    state = {n[len("model_g."):]: t for n, t in _tensors(checkpoint["state_dict"]).items() if n.startswith("model_g.")}
    hyper = checkpoint.get("hyper_parameters")
    if not isinstance(hyper, Mapping):
        raise ExportError(f"{path}: Piper checkpoint without 'hyper_parameters' (cannot tell the model's shape)")
    n_speakers = int(hyper.get("num_speakers", config.get("num_speakers", 1)) or 1)
    # piper_train/vits/lightning.py: VitsModel's defaults (the "medium" quality) and its rule that a
    # multi-speaker model without gin_channels gets 512.
    section: dict[str, object] = {
        "resblock": "2", "resblock_kernel_sizes": [3, 5, 7], "resblock_dilation_sizes": [[1, 2], [2, 6], [3, 12]],
        "upsample_rates": [8, 8, 4], "upsample_initial_channel": 256, "upsample_kernel_sizes": [16, 16, 8],
        "gin_channels": 0, "use_sdp": True,
    }
    section.update({k: v for k, v in hyper.items() if isinstance(k, str)})
    if n_speakers > 1 and int(section.get("gin_channels") or 0) <= 0:
        section["gin_channels"] = 512
    section = {k: [list(x) if isinstance(x, (list, tuple)) else x for x in v] if isinstance(v, (list, tuple)) else v
               for k, v in section.items()}
    rows = state["emb_g.weight"].shape[0] if "emb_g.weight" in state else 0
    n_vocab = state["enc_p.emb.weight"].shape[0] if "enc_p.emb.weight" in state else int(hyper.get("num_symbols", 0))
    hp = _hp_from(section, n_vocab, int(hyper.get("filter_length", 1024)) // 2 + 1, rows, path)
    expected = config.get("num_symbols", hyper.get("num_symbols"))
    speakers = config.get("speaker_id_map") if isinstance(config.get("speaker_id_map"), dict) else {}
    audio = config.get("audio") if isinstance(config.get("audio"), dict) else {}
    config_n = int(config.get("num_speakers", n_speakers) or 1)
    if config_n != n_speakers:
        raise ExportError(f"{config_path}: num_speakers is {config_n} but the checkpoint was trained with "
                          f"{n_speakers}")
    source = VitsSource("piper", hp, state, int(audio.get("sample_rate", hyper.get("sample_rate", 22050))),
                        int(expected) if expected is not None else None, dict(speakers), rows > 1)
    _check_speakers(source, config_n if config_n > 1 else rows, config_path)
    return source


def check_symbols(source: VitsSource, config_path: str) -> None:
    """The config's symbol count must equal the rows of the phoneme embedding ``enc_p.emb``."""
    rows = source.state["enc_p.emb.weight"].shape[0] if "enc_p.emb.weight" in source.state else None
    if rows is not None and source.expected_symbols is not None and rows != source.expected_symbols:
        what = "num_symbols" if source.layout == "piper" else (
            "symbols" if source.layout == "vits-fast" else "the original VITS symbol set")
        raise ExportError(f"{config_path}: {what} has {source.expected_symbols} symbols but the checkpoint's "
                          f"phoneme embedding enc_p.emb has {rows} rows")
