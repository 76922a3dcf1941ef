"""Writes random-weight checkpoints of the real architectures in each project's on-disk format.

For tests and benchmarks only: these models produce no real face or voice. Wav2Lip's BatchNorm
statistics are set by running random batches through the network in training mode, so activations
have realistic scales (and the output is not saturated).

Usage::

    python infra/export/make_random_checkpoint.py wav2lip --out /tmp/w.pth [--data-parallel] [--no-optimizer]
"""

from __future__ import annotations

import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def wav2lip_checkpoint(seed: int, data_parallel: bool, optimizer: bool) -> dict[str, object]:
    from wav2lip_model import Wav2Lip

    torch.manual_seed(seed)
    model = Wav2Lip()
    for module in model.modules():
        if isinstance(module, torch.nn.BatchNorm2d):
            module.momentum = None  # a cumulative average over the calibration batches
    model.train()
    with torch.no_grad():
        for _ in range(3):
            model(torch.rand(4, 1, 80, 16) * 8 - 4, torch.rand(4, 6, 96, 96))
    state = model.state_dict()
    if data_parallel:
        state = {f"module.{name}": tensor for name, tensor in state.items()}
    checkpoint: dict[str, object] = {"state_dict": state, "global_step": 0, "global_epoch": 0}
    if optimizer:
        adam = torch.optim.Adam(model.parameters(), lr=1e-4)
        checkpoint["optimizer"] = adam.state_dict()
    return checkpoint


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="kind", required=True)
    w = sub.add_parser("wav2lip")
    w.add_argument("--out", required=True)
    w.add_argument("--seed", type=int, default=0)
    w.add_argument("--data-parallel", action="store_true", help="keys with DataParallel's 'module.' prefix")
    w.add_argument("--no-optimizer", action="store_true", help="leave out the optimizer state")
    args = p.parse_args(argv)
    if args.kind == "wav2lip":
        torch.save(wav2lip_checkpoint(args.seed, args.data_parallel, not args.no_optimizer), args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
