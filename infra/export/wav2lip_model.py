"""Wav2Lip's generator as an inference graph whose parameter names match the released checkpoints.

The layer list follows the generator of Rudrabha/Wav2Lip (``models/wav2lip.py``, blocks from
``models/conv.py``): a face encoder of 7 blocks (96 → 1 pixels), an audio encoder (80 × 16 mel →
512-d), a U-Net decoder of 7 blocks whose outputs are concatenated with the matching face features,
and an output block ending in a sigmoid. Parameter names (``face_encoder_blocks.1.0.conv_block.0
.weight`` …) are those of ``wav2lip.pth`` and ``wav2lip_gan.pth`` (both the same generator), so
those checkpoints load with ``strict=True``.

>>> import torch
>>> model = Wav2Lip().eval()
>>> sum(p.numel() for p in model.parameters())
36298035
>>> model(torch.zeros(2, 1, 80, 16), torch.zeros(2, 6, 96, 96)).shape
torch.Size([2, 3, 96, 96])
"""

from __future__ import annotations

import torch
from torch import nn

# One layer: (in channels, out channels, kernel, stride, padding, residual).
Layer = tuple[int, int, int, int | tuple[int, int], int, bool]


class ConvBnRelu(nn.Module):
    """Conv → BatchNorm → ReLU, adding the input before the ReLU when ``residual``."""

    def __init__(self, cin: int, cout: int, kernel: int, stride: int | tuple[int, int], padding: int,
                 residual: bool = False) -> None:
        super().__init__()
        self.conv_block = nn.Sequential(nn.Conv2d(cin, cout, kernel, stride, padding), nn.BatchNorm2d(cout))
        self.act = nn.ReLU()
        self.residual = residual

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.conv_block(x)
        return self.act(y + x if self.residual else y)


class ConvTransposeBnRelu(nn.Module):
    """Transposed conv → BatchNorm → ReLU."""

    def __init__(self, cin: int, cout: int, kernel: int, stride: int, padding: int, output_padding: int) -> None:
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ConvTranspose2d(cin, cout, kernel, stride, padding, output_padding), nn.BatchNorm2d(cout))
        self.act = nn.ReLU()

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.act(self.conv_block(x))


def _residuals(channels: int, count: int) -> list[Layer]:
    return [(channels, channels, 3, 1, 1, True)] * count


def _down(cin: int, cout: int, residuals: int) -> list[Layer]:
    """A stride-2 3×3 conv halving the size, then ``residuals`` residual 3×3 convs."""
    return [(cin, cout, 3, 2, 1, False), *_residuals(cout, residuals)]


# Face encoder: 96 → 96, 48, 24, 12, 6, 3, 1 pixels; each block's output is a decoder skip.
FACE_ENCODER: list[list[Layer]] = [
    [(6, 16, 7, 1, 3, False)],
    _down(16, 32, 2),
    _down(32, 64, 3),
    _down(64, 128, 2),
    _down(128, 256, 2),
    _down(256, 512, 1),
    [(512, 512, 3, 1, 0, False), (512, 512, 1, 1, 0, False)],
]

# Audio encoder: (1, 80, 16) → 80×16, 27×16, 9×6, 3×3, 1×1 through strides 1, (3, 1), 3, (3, 2).
AUDIO_ENCODER: list[Layer] = [
    (1, 32, 3, 1, 1, False), *_residuals(32, 2),
    (32, 64, 3, (3, 1), 1, False), *_residuals(64, 2),
    (64, 128, 3, 3, 1, False), *_residuals(128, 2),
    (128, 256, 3, (3, 2), 1, False), *_residuals(256, 1),
    (256, 512, 3, 1, 0, False), (512, 512, 1, 1, 0, False),
]

# Decoder blocks after the first: (transposed conv in, out, stride, padding, output padding, residuals).
# Input widths are the previous block's output plus the face skip it was concatenated with.
DECODER_UPSAMPLES: list[tuple[int, int, int, int, int, int]] = [
    (1024, 512, 1, 0, 0, 1),  # 1 → 3
    (1024, 512, 2, 1, 1, 2),  # 3 → 6
    (768, 384, 2, 1, 1, 2),  # 6 → 12
    (512, 256, 2, 1, 1, 2),  # 12 → 24
    (320, 128, 2, 1, 1, 2),  # 24 → 48
    (160, 64, 2, 1, 1, 2),  # 48 → 96
]


def _sequence(layers: list[Layer]) -> nn.Sequential:
    return nn.Sequential(*(ConvBnRelu(*layer) for layer in layers))


class Wav2Lip(nn.Module):
    """The Wav2Lip generator: ``(mel [B,1,80,16], face [B,6,96,96]) → BGR face [B,3,96,96]`` in [0, 1]."""

    def __init__(self) -> None:
        super().__init__()
        self.face_encoder_blocks = nn.ModuleList(_sequence(block) for block in FACE_ENCODER)
        self.audio_encoder = _sequence(AUDIO_ENCODER)
        decoder: list[nn.Module] = [_sequence([(512, 512, 1, 1, 0, False)])]
        for cin, cout, stride, padding, output_padding, residuals in DECODER_UPSAMPLES:
            decoder.append(nn.Sequential(
                ConvTransposeBnRelu(cin, cout, 3, stride, padding, output_padding),
                *(ConvBnRelu(*layer) for layer in _residuals(cout, residuals))))
        self.face_decoder_blocks = nn.ModuleList(decoder)
        self.output_block = nn.Sequential(
            ConvBnRelu(80, 32, 3, 1, 1), nn.Conv2d(32, 3, kernel_size=1, stride=1, padding=0), nn.Sigmoid())

    def forward(self, mel: torch.Tensor, face: torch.Tensor) -> torch.Tensor:
        skips = []
        x = face
        for block in self.face_encoder_blocks:
            x = block(x)
            skips.append(x)
        x = self.audio_encoder(mel)
        for block in self.face_decoder_blocks:
            x = torch.cat((block(x), skips.pop()), dim=1)
        return self.output_block(x)


def fold_batch_norms(model: nn.Module) -> nn.Module:
    """Folds every BatchNorm into the conv before it (eval statistics), in place; returns ``model``.

    >>> import torch
    >>> model = Wav2Lip().eval()
    >>> x = (torch.rand(1, 1, 80, 16), torch.rand(1, 6, 96, 96))
    >>> want = model(*x)
    >>> bool(torch.allclose(fold_batch_norms(model)(*x), want, atol=1e-5))
    True
    >>> any(isinstance(m, torch.nn.BatchNorm2d) for m in model.modules())
    False
    """
    from torch.nn.utils.fusion import fuse_conv_bn_eval

    for module in model.modules():
        block = getattr(module, "conv_block", None)
        if isinstance(block, nn.Sequential) and len(block) == 2 and isinstance(block[1], nn.BatchNorm2d):
            conv = block[0]
            fused = fuse_conv_bn_eval(conv, block[1], transpose=isinstance(conv, nn.ConvTranspose2d))
            module.conv_block = nn.Sequential(fused)
    return model
