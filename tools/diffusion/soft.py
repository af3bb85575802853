"""Holding latents to the original while the model denoises: soft inpainting and plain keeping.

Soft inpainting (Differential Diffusion; A1111's "soft inpainting") treats the blurred mask as a
per-pixel strength. A pixel with strength s behaves as if it were inpainted at denoising strength
s: for the first (1 - s) of the steps it is reset, after every step, to the original noised to the
current level, and only for the last s of them is it free. So the centre of the mask changes
fully, the feathered edge changes a little and late (when only detail is left to decide), and
everything outside is the original — the seam is spread over the ramp instead of sitting on a line.

The same reset with a hard 0/1 map is how a plain (4-channel) model keeps the unmasked latents:
diffusers' pipelines do it with the noise they drew themselves, so when Retouch draws the start
latents (for a fill mode) it does the keeping with its own noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

Renoise = Callable[[Any, Any, int], Any]
"""renoise(original, noise, done) → the original at the noise level after `done` steps."""


@dataclass
class LatentAnchor:
    original: Any
    """The original image's latents (unpacked: batch, channels, height, width)."""
    noise: Any
    """The noise the run started from, so a reset lands on the same trajectory."""
    change: Any
    """Per-latent-pixel strength in [0, 1] (1 = regenerate), same height and width as `original`."""
    graded: bool
    """Soft inpainting (thresholds per step); otherwise keep where change < 0.5."""
    renoise: Renoise
    pack: Callable[[Any], Any] | None = None
    unpack: Callable[[Any], Any] | None = None
    """FLUX keeps its latents packed in 2×2 patches; these convert for the reset."""

    def held(self, done: int, total: int) -> Any:
        """1 where the latents are reset to the original after `done` of `total` steps."""
        if self.graded:
            return (self.change <= 1.0 - done / total).to(self.original.dtype)
        return (self.change < 0.5).to(self.original.dtype)

    def __call__(self, latents: Any, done: int, total: int) -> Any:
        held = self.held(done, total)
        current = self.unpack(latents) if self.unpack else latents
        level = self.original if done >= total else self.renoise(self.original, self.noise, done)
        blended = current * (1 - held) + level.to(current.dtype) * held
        return self.pack(blended) if self.pack else blended
