"""VITS's normalizing flows and duration predictors, inference (reverse) direction only, written
from the architecture of jaywalnut310/vits (``modules.py``: ``WN``, ``ResidualCouplingLayer``,
``DDSConv``, ``ConvFlow``, ``ElementwiseAffine``; ``transforms.py``: the rational-quadratic spline
with linear tails; ``models.py``: ``ResidualCouplingBlock``, ``StochasticDurationPredictor``,
``DurationPredictor``). Parameter names match VITS checkpoints.

Convolutions that VITS trains with weight norm carry ``weight_normed = True``; ``vits_model``
folds a checkpoint's ``weight_g``/``weight_v`` into their plain ``weight``.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F

from vits_attention import ChannelLayerNorm


def weight_normed(conv: nn.Module) -> nn.Module:
    """Marks ``conv`` as trained with weight norm (its checkpoint keys are ``weight_g``/``weight_v``)."""
    conv.weight_normed = True  # type: ignore[attr-defined]
    return conv


class WaveNetStack(nn.Module):
    """Non-causal WaveNet: dilated convolutions with gated tanh·sigmoid units, residual and skip
    outputs, optional global conditioning ``g`` (``cond_layer``)."""

    def __init__(self, channels: int, kernel_size: int, dilation_rate: int, n_layers: int,
                 gin_channels: int = 0) -> None:
        super().__init__()
        self.channels, self.n_layers = channels, n_layers
        self.in_layers = nn.ModuleList()
        self.res_skip_layers = nn.ModuleList()
        if gin_channels:
            self.cond_layer = weight_normed(nn.Conv1d(gin_channels, 2 * channels * n_layers, 1))
        for i in range(n_layers):
            dilation = dilation_rate ** i
            self.in_layers.append(weight_normed(nn.Conv1d(channels, 2 * channels, kernel_size, dilation=dilation,
                                                          padding=(kernel_size * dilation - dilation) // 2)))
            out = 2 * channels if i < n_layers - 1 else channels
            self.res_skip_layers.append(weight_normed(nn.Conv1d(channels, out, 1)))

    def forward(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None = None) -> torch.Tensor:
        skip = torch.zeros_like(x)
        conditioning = self.cond_layer(g) if g is not None else None
        c = self.channels
        for i, (in_layer, res_skip) in enumerate(zip(self.in_layers, self.res_skip_layers)):
            h = in_layer(x)
            if conditioning is not None:
                h = h + conditioning[:, 2 * c * i:2 * c * (i + 1)]
            acts = res_skip(torch.tanh(h[:, :c]) * torch.sigmoid(h[:, c:]))
            if i < self.n_layers - 1:
                x = (x + acts[:, :c]) * mask
                skip = skip + acts[:, c:]
            else:
                skip = skip + acts
        return skip * mask


class MeanOnlyCoupling(nn.Module):
    """Affine coupling with zero log-scale: the second half moves by a mean predicted from the first."""

    def __init__(self, channels: int, hidden_channels: int, kernel_size: int, dilation_rate: int, n_layers: int,
                 gin_channels: int = 0) -> None:
        super().__init__()
        self.half = channels // 2
        self.pre = nn.Conv1d(self.half, hidden_channels, 1)
        self.enc = WaveNetStack(hidden_channels, kernel_size, dilation_rate, n_layers, gin_channels)
        self.post = nn.Conv1d(hidden_channels, self.half, 1)

    def reverse(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None) -> torch.Tensor:
        x0, x1 = x[:, :self.half], x[:, self.half:]
        mean = self.post(self.enc(self.pre(x0) * mask, mask, g)) * mask
        return torch.cat([x0, (x1 - mean) * mask], 1)


class ChannelFlip(nn.Module):
    """Reverses the channel order (no parameters)."""

    def reverse(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None) -> torch.Tensor:
        return torch.flip(x, [1])


class CouplingFlow(nn.Module):
    """``flow``: four mean-only couplings, each followed by a flip (module indices 0, 2, 4, 6)."""

    def __init__(self, channels: int, hidden_channels: int, kernel_size: int, dilation_rate: int, n_layers: int,
                 n_flows: int = 4, gin_channels: int = 0) -> None:
        super().__init__()
        self.flows = nn.ModuleList()
        for _ in range(n_flows):
            self.flows.append(MeanOnlyCoupling(channels, hidden_channels, kernel_size, dilation_rate, n_layers,
                                               gin_channels))
            self.flows.append(ChannelFlip())

    def reverse(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None) -> torch.Tensor:
        for flow in reversed(self.flows):
            x = flow.reverse(x, mask, g)
        return x


class DilatedDepthSeparableConv(nn.Module):
    """Depth-wise convolutions with dilation ``kernel_size**i``, each followed by a 1×1 convolution,
    layer norms and GELUs, with residuals."""

    def __init__(self, channels: int, kernel_size: int, n_layers: int) -> None:
        super().__init__()
        self.convs_sep = nn.ModuleList()
        self.convs_1x1 = nn.ModuleList()
        self.norms_1 = nn.ModuleList()
        self.norms_2 = nn.ModuleList()
        for i in range(n_layers):
            dilation = kernel_size ** i
            self.convs_sep.append(nn.Conv1d(channels, channels, kernel_size, groups=channels, dilation=dilation,
                                            padding=(kernel_size * dilation - dilation) // 2))
            self.convs_1x1.append(nn.Conv1d(channels, channels, 1))
            self.norms_1.append(ChannelLayerNorm(channels))
            self.norms_2.append(ChannelLayerNorm(channels))

    def forward(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None = None) -> torch.Tensor:
        if g is not None:
            x = x + g
        for sep, pointwise, norm_1, norm_2 in zip(self.convs_sep, self.convs_1x1, self.norms_1, self.norms_2):
            y = F.gelu(norm_1(sep(x * mask)))
            x = x + F.gelu(norm_2(pointwise(y)))
        return x * mask


MIN_BIN = 1e-3
MIN_DERIVATIVE = 1e-3


def _knots(unnormalized: torch.Tensor, bound: float) -> tuple[torch.Tensor, torch.Tensor]:
    """Bin edges ``[…, K+1]`` from ``-bound`` to ``bound`` and bin sizes ``[…, K]`` from logits."""
    bins = unnormalized.shape[-1]
    sizes = MIN_BIN + (1 - MIN_BIN * bins) * torch.softmax(unnormalized, dim=-1)
    inner = 2 * bound * torch.cumsum(sizes, dim=-1)[..., :-1] - bound
    edge = torch.full_like(inner[..., :1], bound)
    edges = torch.cat([-edge, inner, edge], dim=-1)
    return edges, edges[..., 1:] - edges[..., :-1]


def inverse_rational_quadratic(y: torch.Tensor, widths: torch.Tensor, heights: torch.Tensor,
                               derivatives: torch.Tensor, bound: float) -> torch.Tensor:
    """Inverse of the monotonic rational-quadratic spline on ``[-bound, bound]``, identity outside
    (linear tails, end derivatives 1). ``y`` ``[…]``; widths/heights ``[…, K]``; derivatives ``[…, K-1]``.
    Durkan et al., "Neural Spline Flows" (2019), eq. 4–8 solved for the input.
    """
    inside = (y >= -bound) & (y <= bound)
    x_edges, bin_widths = _knots(widths, bound)
    y_edges, bin_heights = _knots(heights, bound)
    end = math.log(math.exp(1 - MIN_DERIVATIVE) - 1)  # softplus⁻¹(1 − MIN_DERIVATIVE): slope 1 at the ends
    ends = torch.full_like(derivatives[..., :1], end)
    slopes = MIN_DERIVATIVE + F.softplus(torch.cat([ends, derivatives, ends], dim=-1))
    clamped = torch.clamp(y, -bound, bound)
    searched = torch.cat([y_edges[..., :-1], y_edges[..., -1:] + 1e-6], dim=-1)
    index = (torch.sum((clamped.unsqueeze(-1) >= searched).to(torch.int64), dim=-1) - 1).unsqueeze(-1)

    def pick(values: torch.Tensor) -> torch.Tensor:
        return values.gather(-1, index).squeeze(-1)

    x_k, w_k = pick(x_edges), pick(bin_widths)
    y_k, h_k = pick(y_edges), pick(bin_heights)
    delta = pick(bin_heights / bin_widths)
    d_k, d_k1 = pick(slopes), pick(slopes[..., 1:])
    shifted = clamped - y_k
    curvature = d_k + d_k1 - 2 * delta
    a = shifted * curvature + h_k * (delta - d_k)
    b = h_k * d_k - shifted * curvature
    c = -delta * shifted
    theta = (2 * c) / (-b - torch.sqrt(b * b - 4 * a * c))
    return torch.where(inside, theta * w_k + x_k, y)


class SplineFlow(nn.Module):
    """Coupling whose second half goes through a spline predicted from the first (``ConvFlow``)."""

    def __init__(self, in_channels: int, filter_channels: int, kernel_size: int, n_layers: int,
                 bins: int = 10, bound: float = 5.0) -> None:
        super().__init__()
        self.half, self.bins, self.bound = in_channels // 2, bins, bound
        self.filter_channels = filter_channels
        self.pre = nn.Conv1d(self.half, filter_channels, 1)
        self.convs = DilatedDepthSeparableConv(filter_channels, kernel_size, n_layers)
        self.proj = nn.Conv1d(filter_channels, self.half * (bins * 3 - 1), 1)

    def reverse(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None) -> torch.Tensor:
        x0, x1 = x[:, :self.half], x[:, self.half:]
        h = self.proj(self.convs(self.pre(x0), mask, g)) * mask
        b, c, t = x0.shape
        h = h.reshape(b, c, -1, t).permute(0, 1, 3, 2)  # [b, c, t, 3K−1]
        scale = math.sqrt(self.filter_channels)
        k = self.bins
        x1 = inverse_rational_quadratic(x1, h[..., :k] / scale, h[..., k:2 * k] / scale, h[..., 2 * k:], self.bound)
        return torch.cat([x0, x1], 1) * mask


class ElementwiseAffine(nn.Module):
    """Per-channel affine map ``y = m + exp(logs)·x`` (parameters ``m``, ``logs`` of shape [C, 1])."""

    def __init__(self, channels: int) -> None:
        super().__init__()
        self.m = nn.Parameter(torch.zeros(channels, 1))
        self.logs = nn.Parameter(torch.zeros(channels, 1))

    def reverse(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None) -> torch.Tensor:
        return (x - self.m) * torch.exp(-self.logs) * mask


class _NoParameters(nn.Module):
    """A flow step without parameters that inference never runs (``Log``)."""


def _duration_flows(filter_channels: int, kernel_size: int, n_flows: int) -> nn.ModuleList:
    flows = nn.ModuleList([ElementwiseAffine(2)])
    for _ in range(n_flows):
        flows.append(SplineFlow(2, filter_channels, kernel_size, n_layers=3))
        flows.append(ChannelFlip())
    return flows


class StochasticDurationPredictor(nn.Module):
    """Flow-based duration model: log-durations from noise conditioned on the text encoding.

    Like VITS, the posterior flows (``post_*``) exist for training only, and the reverse pass skips
    the first spline flow. ``filter_channels`` equals ``in_channels`` (VITS overrides the argument).
    """

    def __init__(self, in_channels: int, kernel_size: int = 3, n_flows: int = 4, gin_channels: int = 0) -> None:
        super().__init__()
        filter_channels = in_channels
        self.log_flow = _NoParameters()
        self.flows = _duration_flows(filter_channels, kernel_size, n_flows)
        self.post_pre = nn.Conv1d(1, filter_channels, 1)
        self.post_proj = nn.Conv1d(filter_channels, filter_channels, 1)
        self.post_convs = DilatedDepthSeparableConv(filter_channels, kernel_size, 3)
        self.post_flows = _duration_flows(filter_channels, kernel_size, 4)
        self.pre = nn.Conv1d(in_channels, filter_channels, 1)
        self.proj = nn.Conv1d(filter_channels, filter_channels, 1)
        self.convs = DilatedDepthSeparableConv(filter_channels, kernel_size, 3)
        if gin_channels:
            self.cond = nn.Conv1d(gin_channels, filter_channels, 1)

    def log_durations(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None,
                      noise_scale: torch.Tensor) -> torch.Tensor:
        h = self.pre(x)
        if g is not None:
            h = h + self.cond(g)
        h = self.proj(self.convs(h, mask)) * mask
        steps = list(reversed(self.flows))
        steps = steps[:-2] + [steps[-1]]
        z = torch.randn(x.size(0), 2, x.size(2), dtype=x.dtype, device=x.device) * noise_scale
        for step in steps:
            z = step.reverse(z, mask, h)
        return z[:, :1]


class DurationPredictor(nn.Module):
    """Deterministic duration model (``use_sdp: false``): two conv + ReLU + layer-norm blocks."""

    def __init__(self, in_channels: int, filter_channels: int = 256, kernel_size: int = 3,
                 gin_channels: int = 0) -> None:
        super().__init__()
        padding = kernel_size // 2
        self.conv_1 = nn.Conv1d(in_channels, filter_channels, kernel_size, padding=padding)
        self.norm_1 = ChannelLayerNorm(filter_channels)
        self.conv_2 = nn.Conv1d(filter_channels, filter_channels, kernel_size, padding=padding)
        self.norm_2 = ChannelLayerNorm(filter_channels)
        self.proj = nn.Conv1d(filter_channels, 1, 1)
        if gin_channels:
            self.cond = nn.Conv1d(gin_channels, in_channels, 1)

    def log_durations(self, x: torch.Tensor, mask: torch.Tensor, g: torch.Tensor | None,
                      noise_scale: torch.Tensor) -> torch.Tensor:
        if g is not None:
            x = x + self.cond(g)
        x = self.norm_1(torch.relu(self.conv_1(x * mask)))
        x = self.norm_2(torch.relu(self.conv_2(x * mask)))
        return self.proj(x * mask) * mask
