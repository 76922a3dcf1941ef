"""Writes random-weight checkpoints of the real architectures in each project's on-disk format.

For tests and benchmarks only: these models produce no real face or voice. Wav2Lip's BatchNorm
statistics are set by running random batches through the network in training mode, so activations
have realistic scales (and the output is not saturated).

VITS generators get small duration-predictor and flow weights so a random model speaks a few
frames per phoneme (not zero, not thousands), with the training code's weight-norm layout
(``weight_g``/``weight_v``).

Usage::

    python infra/export/make_random_checkpoint.py wav2lip --out /tmp/w.pth [--data-parallel] [--no-optimizer]
    python infra/export/make_random_checkpoint.py vits --config C.json --out G.pth [--format vits|vits-fast|piper]
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


def vits_checkpoint(config_path: str, layout: str, seed: int) -> dict[str, object]:
    """A random VITS generator in ``layout``'s on-disk format, shaped by ``config_path``.

    ``vits`` / ``vits-fast``: ``utils.save_checkpoint``'s ``{"model", "iteration", "optimizer",
    "learning_rate"}`` (VITS-fast-fine-tuning saves ``optimizer: None``). ``piper``: a PyTorch
    Lightning checkpoint with ``model_g.``/``model_d.`` keys and ``hyper_parameters`` (a few
    discriminator tensors stand in for ``model_d``, which the exporter ignores).
    """
    import json
    import math
    import pathlib

    from vits_checkpoint import ORIGINAL_SYMBOL_COUNT
    from vits_model import SynthesizerTrn, VitsHyperparameters, unfold_weight_norm

    with open(config_path, encoding="utf-8") as file:
        config = json.load(file)
    torch.manual_seed(seed)
    if layout == "piper":
        hyper = dict(config.get("model", {}))
        n_speakers = int(config.get("num_speakers", 1))
        n_vocab = int(config["num_symbols"])
        rows = n_speakers if n_speakers > 1 else 0
        if rows and not hyper.get("gin_channels"):
            hyper["gin_channels"] = 512
        defaults = {"resblock": "2", "resblock_kernel_sizes": [3, 5, 7],
                    "resblock_dilation_sizes": [[1, 2], [2, 6], [3, 12]], "upsample_rates": [8, 8, 4],
                    "upsample_initial_channel": 256, "upsample_kernel_sizes": [16, 16, 8]}
        section = {**defaults, **hyper}
    else:
        section = dict(config["model"])
        data = config["data"]
        n_speakers = int(data.get("n_speakers", 0))
        n_vocab = len(config["symbols"]) if "symbols" in config else ORIGINAL_SYMBOL_COUNT
        rows = n_speakers if (n_speakers >= 1 if layout == "vits-fast" else n_speakers > 1) else 0
    known = set(VitsHyperparameters.__dataclass_fields__)
    hp = VitsHyperparameters(n_vocab=n_vocab, n_speakers=rows,
                             **{k: v for k, v in section.items() if k in known and k not in ("n_vocab", "n_speakers")})
    model = SynthesizerTrn(hp)
    with torch.no_grad():
        for name, module in model.dec.named_modules():  # VITS's init_weights: N(0, 0.01) for the decoder
            if name.startswith(("ups.", "resblocks.")) and isinstance(module, (torch.nn.Conv1d, torch.nn.ConvTranspose1d)):
                module.weight.normal_(0.0, 0.01)
        for flow in model.flow.flows:
            if hasattr(flow, "post"):
                flow.post.weight.mul_(0.1)
        if hp.use_sdp:
            for step in model.dp.flows:
                if hasattr(step, "proj"):
                    step.proj.weight.mul_(0.05)
                    step.proj.bias.mul_(0.05)
            model.dp.flows[0].m.copy_(torch.tensor([[-math.log(3.0)], [0.0]]))  # about 3 frames per phoneme
        else:
            model.dp.proj.weight.mul_(0.01)
            model.dp.proj.bias.fill_(math.log(3.0))
    state = unfold_weight_norm(model.state_dict(), model)
    if layout == "piper":
        hyper_parameters = {"num_symbols": n_vocab, "num_speakers": n_speakers, **section,
                            "sample_rate": int(config.get("audio", {}).get("sample_rate", 22050)),
                            "dataset": [pathlib.PosixPath("/data/dataset.jsonl")],
                            "dataset_dir": pathlib.PosixPath("/data"), "learning_rate": 2e-4, "batch_size": 32}
        full = {f"model_g.{k}": v for k, v in state.items()}
        full["model_d.discriminators.0.convs.0.bias"] = torch.zeros(16)
        full["model_d.discriminators.0.convs.0.weight_g"] = torch.ones(16, 1, 1)
        full["model_d.discriminators.0.convs.0.weight_v"] = torch.randn(16, 1, 15)
        return {"epoch": 1, "global_step": 100, "pytorch-lightning_version": "1.7.7", "state_dict": full,
                "loops": {}, "callbacks": {}, "optimizer_states": [], "lr_schedulers": [],
                "hparams_name": "kwargs", "hyper_parameters": hyper_parameters}
    optimizer = None if layout == "vits-fast" else torch.optim.AdamW(model.parameters(), 2e-4).state_dict()
    return {"model": state, "iteration": 1, "optimizer": optimizer, "learning_rate": 2e-4}


def main(argv: list[str]) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="kind", required=True)
    w = sub.add_parser("wav2lip")
    w.add_argument("--out", required=True)
    w.add_argument("--seed", type=int, default=0)
    w.add_argument("--data-parallel", action="store_true", help="keys with DataParallel's 'module.' prefix")
    w.add_argument("--no-optimizer", action="store_true", help="leave out the optimizer state")
    v = sub.add_parser("vits")
    v.add_argument("--config", required=True, help="the voice's config.json (Piper: with a 'model' section "
                   "for the architecture, else Piper's medium defaults)")
    v.add_argument("--out", required=True)
    v.add_argument("--format", choices=["vits", "vits-fast", "piper"], default="vits")
    v.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    if args.kind == "vits":
        torch.save(vits_checkpoint(args.config, args.format, args.seed), args.out)
    if args.kind == "wav2lip":
        torch.save(wav2lip_checkpoint(args.seed, args.data_parallel, not args.no_optimizer), args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
