"""The text encoder's Transformer: multi-head self-attention with relative positions, written
from the architecture of jaywalnut310/vits (``attentions.py``: ``Encoder``, ``MultiHeadAttention``
with ``window_size=4`` and one relative-embedding table shared by all heads, ``FFN``).

Parameter names match VITS checkpoints (``enc_p.encoder.attn_layers.0.conv_q.weight``,
``…emb_rel_k`` …). Inference only: dropout is the identity and has no parameters.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F


class ChannelLayerNorm(nn.Module):
    """Layer normalization over the channel axis of ``[batch, channels, time]`` (``gamma``/``beta``)."""

    def __init__(self, channels: int, eps: float = 1e-5) -> None:
        super().__init__()
        self.channels, self.eps = channels, eps
        self.gamma = nn.Parameter(torch.ones(channels))
        self.beta = nn.Parameter(torch.zeros(channels))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = F.layer_norm(x.transpose(1, -1), (self.channels,), self.gamma, self.beta, self.eps)
        return y.transpose(1, -1)


def relative_offsets(length: torch.Tensor | int, window: int, like: torch.Tensor) -> torch.Tensor:
    """One-hot ``[t, t, 2·window+1]``: entry ``(i, j, r)`` is 1 when ``j − i == r − window``.

    Contracting attention logits or weights with it maps between absolute (``i, j``) and relative
    (``r``) positions; pairs further apart than ``window`` get no relative term, as in VITS.
    """
    positions = torch.arange(length, device=like.device)
    offset = positions.unsqueeze(0) - positions.unsqueeze(1) + window  # [i, j] → j − i + window
    slots = torch.arange(2 * window + 1, device=like.device)
    return (offset.unsqueeze(-1) == slots).to(like.dtype)


class RelativeSelfAttention(nn.Module):
    """Self-attention whose logits and values add learned embeddings of the offset ``j − i``."""

    def __init__(self, channels: int, n_heads: int, window: int = 4) -> None:
        super().__init__()
        self.n_heads, self.window = n_heads, window
        self.head_channels = channels // n_heads
        self.conv_q = nn.Conv1d(channels, channels, 1)
        self.conv_k = nn.Conv1d(channels, channels, 1)
        self.conv_v = nn.Conv1d(channels, channels, 1)
        self.conv_o = nn.Conv1d(channels, channels, 1)
        scale = self.head_channels ** -0.5
        self.emb_rel_k = nn.Parameter(torch.randn(1, 2 * window + 1, self.head_channels) * scale)
        self.emb_rel_v = nn.Parameter(torch.randn(1, 2 * window + 1, self.head_channels) * scale)

    def _heads(self, x: torch.Tensor) -> torch.Tensor:
        b, _, t = x.shape
        return x.view(b, self.n_heads, self.head_channels, t).transpose(2, 3)  # [b, h, t, d]

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, channels, t = x.shape
        q = self._heads(self.conv_q(x)) / math.sqrt(self.head_channels)
        k, v = self._heads(self.conv_k(x)), self._heads(self.conv_v(x))
        onehot = relative_offsets(t, self.window, x)
        relative_logits = torch.matmul(q, self.emb_rel_k.transpose(-2, -1).unsqueeze(0))  # [b, h, t, 2w+1]
        scores = torch.matmul(q, k.transpose(-2, -1)) + torch.einsum("bhir,ijr->bhij", relative_logits, onehot)
        scores = scores.masked_fill(mask == 0, -1e4)
        weights = torch.softmax(scores, dim=-1)
        out = torch.matmul(weights, v)
        relative_weights = torch.einsum("bhij,ijr->bhir", weights, onehot)
        out = out + torch.matmul(relative_weights, self.emb_rel_v.unsqueeze(0))
        return self.conv_o(out.transpose(2, 3).reshape(b, channels, t))


class FeedForward(nn.Module):
    """Two 'same'-padded convolutions with ReLU between, masked before each."""

    def __init__(self, channels: int, filter_channels: int, kernel_size: int) -> None:
        super().__init__()
        self.pad = ((kernel_size - 1) // 2, kernel_size // 2)
        self.conv_1 = nn.Conv1d(channels, filter_channels, kernel_size)
        self.conv_2 = nn.Conv1d(filter_channels, channels, kernel_size)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = torch.relu(self.conv_1(F.pad(x * mask, self.pad)))
        return self.conv_2(F.pad(x * mask, self.pad)) * mask


class AttentionEncoder(nn.Module):
    """Post-norm Transformer encoder: attention and feed-forward blocks with residuals."""

    def __init__(self, channels: int, filter_channels: int, n_heads: int, n_layers: int, kernel_size: int) -> None:
        super().__init__()
        self.attn_layers = nn.ModuleList(RelativeSelfAttention(channels, n_heads) for _ in range(n_layers))
        self.norm_layers_1 = nn.ModuleList(ChannelLayerNorm(channels) for _ in range(n_layers))
        self.ffn_layers = nn.ModuleList(FeedForward(channels, filter_channels, kernel_size) for _ in range(n_layers))
        self.norm_layers_2 = nn.ModuleList(ChannelLayerNorm(channels) for _ in range(n_layers))

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        pair_mask = mask.unsqueeze(2) * mask.unsqueeze(-1)
        x = x * mask
        for attention, norm_1, ffn, norm_2 in zip(self.attn_layers, self.norm_layers_1, self.ffn_layers,
                                                  self.norm_layers_2):
            x = norm_1(x + attention(x, pair_mask))
            x = norm_2(x + ffn(x, mask))
        return x * mask
