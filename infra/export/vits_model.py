"""The VITS generator (``SynthesizerTrn``) as an inference graph, the project's own definition.

Written from the architecture of jaywalnut310/vits (``models.py``), which VITS-fast-fine-tuning
(``models.py``, ``models_infer.py``) and Piper (``src/python/piper_train/vits/models.py``) share.
Parameter names match their checkpoints' state dicts, so ``G_*.pth``, ``G_latest.pth`` and Piper's
``model_g.*`` load with ``strict=True``. The posterior encoder ``enc_q`` and the duration
predictor's posterior flows are training-only but present so strict loading holds.

Weight norm: the checkpoints store ``weight_g``/``weight_v`` for the convolutions marked
``weight_normed``; :func:`fold_weight_norm` turns them into the plain ``weight`` these modules use
(``weight = g · v / ‖v‖`` over all axes but 0, as ``torch.nn.utils.weight_norm``), so the export
carries no weight norm.

Example::

    hp = VitsHyperparameters(n_vocab=178)
    model = SynthesizerTrn(hp).eval()
    audio = model.infer(torch.tensor([[1, 2, 3]]), torch.tensor([3]), None, torch.tensor([0.0, 1.0, 0.0]))
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import torch
from torch import nn
from torch.nn import functional as F

from vits_attention import AttentionEncoder
from vits_flows import CouplingFlow, DurationPredictor, StochasticDurationPredictor, WaveNetStack, weight_normed

LRELU_SLOPE = 0.1


@dataclass
class VitsHyperparameters:
    """The generator's shape: the ``model`` section of a VITS config (defaults: ``ljs_base.json``)."""

    n_vocab: int
    spec_channels: int = 513  # filter_length // 2 + 1
    inter_channels: int = 192
    hidden_channels: int = 192
    filter_channels: int = 768
    n_heads: int = 2
    n_layers: int = 6
    kernel_size: int = 3
    resblock: str = "1"
    resblock_kernel_sizes: list[int] = field(default_factory=lambda: [3, 7, 11])
    resblock_dilation_sizes: list[list[int]] = field(default_factory=lambda: [[1, 3, 5]] * 3)
    upsample_rates: list[int] = field(default_factory=lambda: [8, 8, 2, 2])
    upsample_initial_channel: int = 512
    upsample_kernel_sizes: list[int] = field(default_factory=lambda: [16, 16, 4, 4])
    n_speakers: int = 0  # rows of emb_g; 0 = no speaker table
    gin_channels: int = 0
    use_sdp: bool = True

    @property
    def hop_length(self) -> int:
        return math.prod(self.upsample_rates)


def sequence_mask(lengths: torch.Tensor, max_length: torch.Tensor | int) -> torch.Tensor:
    """``[b, t]`` boolean: position < length."""
    return torch.arange(max_length, dtype=lengths.dtype, device=lengths.device).unsqueeze(0) < lengths.unsqueeze(1)


class TextEncoder(nn.Module):
    """Phoneme ids → hidden states and the prior's mean and log-scale per phoneme."""

    def __init__(self, hp: VitsHyperparameters) -> None:
        super().__init__()
        self.hidden_channels, self.out_channels = hp.hidden_channels, hp.inter_channels
        self.emb = nn.Embedding(hp.n_vocab, hp.hidden_channels)
        nn.init.normal_(self.emb.weight, 0.0, hp.hidden_channels ** -0.5)
        self.encoder = AttentionEncoder(hp.hidden_channels, hp.filter_channels, hp.n_heads, hp.n_layers,
                                        hp.kernel_size)
        self.proj = nn.Conv1d(hp.hidden_channels, hp.inter_channels * 2, 1)

    def forward(self, ids: torch.Tensor, lengths: torch.Tensor):
        x = (self.emb(ids) * math.sqrt(self.hidden_channels)).transpose(1, -1)  # [b, h, t]
        mask = sequence_mask(lengths, x.size(2)).unsqueeze(1).to(x.dtype)
        x = self.encoder(x * mask, mask)
        stats = self.proj(x) * mask
        return x, stats[:, :self.out_channels], stats[:, self.out_channels:], mask


def _padding(kernel_size: int, dilation: int) -> int:
    return (kernel_size * dilation - dilation) // 2


class ResidualBlock1(nn.Module):
    """HiFi-GAN ResBlock1: three (dilated conv, conv) pairs with leaky ReLUs and residuals."""

    def __init__(self, channels: int, kernel_size: int, dilations: list[int]) -> None:
        super().__init__()
        self.convs1 = nn.ModuleList(weight_normed(nn.Conv1d(channels, channels, kernel_size, dilation=d,
                                                            padding=_padding(kernel_size, d))) for d in dilations)
        self.convs2 = nn.ModuleList(weight_normed(nn.Conv1d(channels, channels, kernel_size,
                                                            padding=_padding(kernel_size, 1))) for _ in dilations)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for first, second in zip(self.convs1, self.convs2):
            x = x + second(F.leaky_relu(first(F.leaky_relu(x, LRELU_SLOPE)), LRELU_SLOPE))
        return x


class ResidualBlock2(nn.Module):
    """HiFi-GAN ResBlock2: two dilated convs (the first two dilations) with leaky ReLUs and residuals."""

    def __init__(self, channels: int, kernel_size: int, dilations: list[int]) -> None:
        super().__init__()
        self.convs = nn.ModuleList(weight_normed(nn.Conv1d(channels, channels, kernel_size, dilation=d,
                                                           padding=_padding(kernel_size, d))) for d in dilations[:2])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        for conv in self.convs:
            x = x + conv(F.leaky_relu(x, LRELU_SLOPE))
        return x


class Generator(nn.Module):
    """HiFi-GAN decoder: latent frames ``[b, C, T]`` → audio ``[b, 1, T·hop]`` in [-1, 1] (tanh)."""

    def __init__(self, hp: VitsHyperparameters) -> None:
        super().__init__()
        self.kernels = len(hp.resblock_kernel_sizes)
        self.conv_pre = nn.Conv1d(hp.inter_channels, hp.upsample_initial_channel, 7, padding=3)
        block = ResidualBlock1 if str(hp.resblock) == "1" else ResidualBlock2
        self.ups = nn.ModuleList()
        self.resblocks = nn.ModuleList()
        channels = hp.upsample_initial_channel
        for i, (rate, kernel) in enumerate(zip(hp.upsample_rates, hp.upsample_kernel_sizes)):
            channels = hp.upsample_initial_channel // (2 ** (i + 1))
            self.ups.append(weight_normed(nn.ConvTranspose1d(channels * 2, channels, kernel, rate,
                                                             padding=(kernel - rate) // 2)))
            for k, dilations in zip(hp.resblock_kernel_sizes, hp.resblock_dilation_sizes):
                self.resblocks.append(block(channels, k, list(dilations)))
        self.conv_post = nn.Conv1d(channels, 1, 7, padding=3, bias=False)
        if hp.gin_channels:
            self.cond = nn.Conv1d(hp.gin_channels, hp.upsample_initial_channel, 1)

    def forward(self, z: torch.Tensor, g: torch.Tensor | None = None) -> torch.Tensor:
        x = self.conv_pre(z)
        if g is not None:
            x = x + self.cond(g)
        for i, up in enumerate(self.ups):
            x = up(F.leaky_relu(x, LRELU_SLOPE))
            blocks = self.resblocks[i * self.kernels:(i + 1) * self.kernels]
            total = blocks[0](x)
            for block in blocks[1:]:
                total = total + block(x)
            x = total / self.kernels
        return torch.tanh(self.conv_post(F.leaky_relu(x)))  # PyTorch's default slope 0.01 here, as in VITS


class PosteriorEncoder(nn.Module):
    """Spectrogram → latent (training only; present for strict loading). 16 WaveNet layers, kernel 5."""

    def __init__(self, hp: VitsHyperparameters) -> None:
        super().__init__()
        self.pre = nn.Conv1d(hp.spec_channels, hp.hidden_channels, 1)
        self.enc = WaveNetStack(hp.hidden_channels, 5, 1, 16, hp.gin_channels)
        self.proj = nn.Conv1d(hp.hidden_channels, hp.inter_channels * 2, 1)


def generate_path(durations: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Monotonic alignment ``[b, 1, t_y, t_x]`` from integer durations ``[b, 1, t_x]``."""
    b, _, t_y, t_x = mask.shape
    ends = torch.cumsum(durations, -1).view(b * t_x)
    path = sequence_mask(ends, t_y).to(mask.dtype).view(b, t_x, t_y)
    path = path - F.pad(path, [0, 0, 1, 0])[:, :-1]
    return path.unsqueeze(1).transpose(2, 3) * mask


class SynthesizerTrn(nn.Module):
    """The VITS generator; :meth:`infer` is the inference graph the exports trace."""

    def __init__(self, hp: VitsHyperparameters) -> None:
        super().__init__()
        self.hp = hp
        self.enc_p = TextEncoder(hp)
        self.dec = Generator(hp)
        self.enc_q = PosteriorEncoder(hp)
        self.flow = CouplingFlow(hp.inter_channels, hp.hidden_channels, 5, 1, 4, gin_channels=hp.gin_channels)
        if hp.use_sdp:
            self.dp: nn.Module = StochasticDurationPredictor(hp.hidden_channels, 3, 4, hp.gin_channels)
        else:
            self.dp = DurationPredictor(hp.hidden_channels, 256, 3, hp.gin_channels)
        if hp.n_speakers > 0:
            self.emb_g = nn.Embedding(hp.n_speakers, hp.gin_channels)

    def speaker(self, sid: torch.Tensor | None) -> torch.Tensor | None:
        """The global conditioning ``g`` ``[b, gin, 1]``; ``None`` without a speaker table."""
        if self.hp.n_speakers == 0:
            return None
        if sid is None:
            sid = torch.zeros(1, dtype=torch.int64)
        return self.emb_g(sid).unsqueeze(-1)

    def latent(self, ids: torch.Tensor, lengths: torch.Tensor, g: torch.Tensor | None,
               scales: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """Text → latent ``z`` after the flow (masked) and its mask ``[b, 1, frames]``.

        ``scales`` is ``[noise_scale, length_scale, noise_w]`` (Piper's order).
        """
        noise_scale, length_scale, noise_w = scales[0], scales[1], scales[2]
        x, m_p, logs_p, x_mask = self.enc_p(ids, lengths)
        logw = self.dp.log_durations(x, x_mask, g, noise_w)
        w_ceil = torch.ceil(torch.exp(logw) * x_mask * length_scale)
        y_lengths = torch.clamp_min(torch.sum(w_ceil, [1, 2]), 1).long()
        y_mask = sequence_mask(y_lengths, y_lengths.max()).unsqueeze(1).to(x_mask.dtype)
        path = generate_path(w_ceil, x_mask.unsqueeze(2) * y_mask.unsqueeze(-1)).squeeze(1)  # [b, t_y, t_x]
        m_p = torch.matmul(path, m_p.transpose(1, 2)).transpose(1, 2)
        logs_p = torch.matmul(path, logs_p.transpose(1, 2)).transpose(1, 2)
        z_p = m_p + torch.randn_like(m_p) * torch.exp(logs_p) * noise_scale
        z = self.flow.reverse(z_p, y_mask, g)
        return z * y_mask, y_mask

    def infer(self, ids: torch.Tensor, lengths: torch.Tensor, sid: torch.Tensor | None,
              scales: torch.Tensor) -> torch.Tensor:
        """Phoneme ids ``[b, t]`` → audio ``[b, 1, samples]``."""
        g = self.speaker(sid)
        z, _ = self.latent(ids, lengths, g, scales)
        return self.dec(z, g)


def weight_normed_prefixes(model: nn.Module) -> list[str]:
    """State-dict prefixes (``dec.ups.0.``) of the convolutions trained with weight norm."""
    return [f"{name}." for name, module in model.named_modules() if getattr(module, "weight_normed", False)]


def fold_weight_norm(state: Mapping[str, torch.Tensor], model: nn.Module) -> dict[str, torch.Tensor]:
    """Replaces each weight-normed conv's ``weight_g``/``weight_v`` by ``weight``; other keys unchanged.

    A conv that has a plain ``weight`` already (a checkpoint saved after ``remove_weight_norm``)
    is left as it is.
    """
    folded = dict(state)
    for prefix in weight_normed_prefixes(model):
        g, v = folded.get(prefix + "weight_g"), folded.get(prefix + "weight_v")
        if g is None or v is None or prefix + "weight" in folded:
            continue
        v32, g32 = v.float(), g.float()
        norm = v32.norm(dim=tuple(range(1, v32.dim())), keepdim=True)
        folded[prefix + "weight"] = g32 * v32 / norm
        del folded[prefix + "weight_g"], folded[prefix + "weight_v"]
    return folded


def unfold_weight_norm(state: Mapping[str, torch.Tensor], model: nn.Module) -> dict[str, torch.Tensor]:
    """The inverse of :func:`fold_weight_norm`: ``weight`` → ``weight_g`` (per-output norm), ``weight_v``.

    Used to write checkpoints in the training code's on-disk layout.
    """
    unfolded = dict(state)
    for prefix in weight_normed_prefixes(model):
        weight = unfolded.pop(prefix + "weight")
        unfolded[prefix + "weight_g"] = weight.norm(dim=tuple(range(1, weight.dim())), keepdim=True)
        unfolded[prefix + "weight_v"] = weight.clone()
    return unfolded
