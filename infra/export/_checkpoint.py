"""Reading PyTorch checkpoints the way their training code saved them, with clear errors."""

from __future__ import annotations

import os
import pickle
import zipfile
from collections.abc import Mapping

import torch

from _errors import ExportError


def load_checkpoint(path: str) -> Mapping[str, object]:
    """Loads a checkpoint file onto the CPU with ``weights_only=True`` (no code runs from it).

    Raises ExportError naming the file when it is missing, corrupt or not a dict.
    """
    if not os.path.isfile(path):
        raise ExportError(f"{path}: no such checkpoint file")
    try:
        loaded = torch.load(path, map_location="cpu", weights_only=True)
    except (RuntimeError, pickle.UnpicklingError, zipfile.BadZipFile, EOFError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ExportError(f"{path}: not a readable PyTorch checkpoint ({first_line})") from error
    if not isinstance(loaded, Mapping):
        raise ExportError(f"{path}: expected a dict checkpoint, found {type(loaded).__name__}")
    return loaded


def state_dict_from(checkpoint: Mapping[str, object], path: str, keys: tuple[str, ...]) -> dict[str, torch.Tensor]:
    """Picks the model's state dict out of a checkpoint: the first of ``keys`` present.

    Strips DataParallel's ``module.`` prefix from every key when all keys carry it.
    """
    for key in keys:
        value = checkpoint.get(key)
        if isinstance(value, Mapping):
            state = {str(name): tensor for name, tensor in value.items() if isinstance(tensor, torch.Tensor)}
            break
    else:
        found = ", ".join(sorted(str(key) for key in checkpoint.keys())[:8]) or "nothing"
        raise ExportError(f"{path}: no {' or '.join(repr(k) for k in keys)} in the checkpoint (found {found})")
    if state and all(name.startswith("module.") for name in state):
        state = {name[len("module."):]: tensor for name, tensor in state.items()}
    return state


def load_strict(model: torch.nn.Module, state: Mapping[str, torch.Tensor], path: str, what: str) -> None:
    """``load_state_dict(strict=True)`` with a one-line error naming missing, unexpected or misshapen keys."""
    own = model.state_dict()
    missing = [name for name in own if name not in state]
    unexpected = [name for name in state if name not in own]
    misshapen = [
        f"{name} {tuple(state[name].shape)} (expected {tuple(tensor.shape)})"
        for name, tensor in own.items()
        if name in state and tuple(state[name].shape) != tuple(tensor.shape)
    ]

    def listing(names: list[str]) -> str:
        head = ", ".join(names[:3])
        return head + (f" and {len(names) - 3} more" if len(names) > 3 else "")

    problems = []
    if missing:
        problems.append(f"{len(missing)} missing keys ({listing(missing)})")
    if unexpected:
        problems.append(f"{len(unexpected)} unexpected keys ({listing(unexpected)})")
    if misshapen:
        problems.append(f"{len(misshapen)} keys of another shape ({listing(misshapen)})")
    if problems:
        raise ExportError(f"{path}: not a {what} checkpoint: " + "; ".join(problems))
    model.load_state_dict(dict(state), strict=True)
