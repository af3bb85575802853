"""How light falls off towards a photo's edges, so new canvas beyond them keeps falling off
instead of starting over at the brightness of the middle.

Most photos are darker towards their corners (lens vignetting, a subject lit in the middle).
Blocks copied from a band of the photo carry the brightness of the place they came from, so
without care an extension is lit like the inside of the photo, and its far edge glows. This
module fits the photo's falloff as one number — log lightness ∝ −k·r², r the distance from the
photo's centre in half-diagonals (a radial vignette, the usual model) — over everything but the
subject, on a small copy. The continuation then brings every copied pixel to the brightness the
centre would have (÷ gain at its source), and every new pixel to the brightness its place would
have (× gain there).

Deliberately narrow, after trying more:
- only darkening towards the edges (k ≥ 0): a photo brighter at its edges is so because of what
  is there (a sky), which the copied blocks already carry;
- one factor for all three channels, so a colour gets lighter or darker, never another hue — a
  trend per channel and per edge was tried and invented colours (dark channels have steep,
  noisy log trends) and lost low-pass SSIM on the uncrop benchmark;
- the change beyond the photo is capped (MAX_CHANGE): a fit continued a little, not trusted at
  any distance.

The gain is separable (exp(−k·u²)·exp(−k·v²), u and v the offsets along x and y), so a band of
any size gets its factors from two 1-D arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np

from retouch.tools.texture import SideName

Box = tuple[int, int, int, int]

FIT_SIDE = 96
"""The fit runs on a copy this long on its longer side: the falloff is the broadest thing there is."""
MAX_K = 0.6
"""The steepest falloff believed (at the photo's corners, exp(−0.6) ≈ 55 % of the centre)."""
MAX_CHANGE = 0.2
"""Beyond the photo, the falloff continues on each axis until it has darkened by at most this
much more (natural log: ≈ 18 %) than at the photo's edge."""


@dataclass(frozen=True)
class Falloff:
    """A radial falloff of the original placed at `box` on the canvas (k = 0: none)."""

    k: float
    box: Box

    def axis_gain(self, positions: np.ndarray, axis: Literal["x", "y"]) -> np.ndarray:
        """The factor along one axis at these canvas positions (1-D, float32); the gain at a
        pixel is the product of its x and y factors."""
        x0, y0, x1, y1 = self.box
        start, end = (x0, x1) if axis == "x" else (y0, y1)
        radius = 0.5 * float(np.hypot(x1 - x0, y1 - y0))
        centre = 0.5 * (start + end - 1)
        offset = (np.asarray(positions, np.float64) - centre) / radius
        edge = ((end - start) / 2 / radius) ** 2
        change = self.k * np.minimum(offset ** 2, edge + MAX_CHANGE / max(self.k, 1e-9))
        return np.exp(-change).astype(np.float32)

    def oriented_factors(self, box: Box, side: SideName, *, shape: tuple[int, int] | None = None,
                         scale: int = 1) -> tuple[np.ndarray, np.ndarray]:
        """The gain over a canvas `box` as `tools.texture.to_right` orients it for `side`, as
        factors per row and per column (their outer product). With `scale` > 1, for the box's
        copy shrunk by that factor, whose oriented shape is `shape`."""
        x0, y0, x1, y1 = box
        xs, ys = np.arange(x0, x1, scale) + (scale - 1) / 2, np.arange(y0, y1, scale) + (scale - 1) / 2
        sideways = side in ("left", "right")
        if shape is not None:
            xs = _fit(xs, shape[1] if sideways else shape[0])
            ys = _fit(ys, shape[0] if sideways else shape[1])
        gx, gy = self.axis_gain(xs, "x"), self.axis_gain(ys, "y")
        if sideways:
            return gy, (gx if side == "right" else gx[::-1])
        return gx, (gy if side == "bottom" else gy[::-1])

    def oriented_gain(self, box: Box, side: SideName, *, shape: tuple[int, int] | None = None,
                      scale: int = 1) -> np.ndarray:
        """`oriented_factors` multiplied out: H×W×1."""
        rows, columns = self.oriented_factors(box, side, shape=shape, scale=scale)
        return (rows[:, None] * columns[None, :])[..., None]


def _fit(positions: np.ndarray, length: int) -> np.ndarray:
    """`positions` trimmed or extended (by its last step) to `length` entries."""
    if len(positions) >= length:
        return positions[:length]
    step = positions[-1] - positions[-2] if len(positions) > 1 else 1.0
    return np.concatenate([positions, positions[-1] + step * np.arange(1, length - len(positions) + 1)])


def measure(rgb: np.ndarray, *, avoid: np.ndarray | None = None) -> float:
    """k of the photo `rgb` (H×W×3 uint8): the least-squares slope of log lightness against −r²
    over the pixels not in `avoid`, clipped to [0, MAX_K]."""
    rgb = np.asarray(rgb)
    height, width = rgb.shape[:2]
    if min(height, width) < 8:
        return 0.0
    scale = min(1.0, FIT_SIDE / max(height, width))
    size = (max(4, round(width * scale)), max(4, round(height * scale)))
    small = cv2.resize(np.ascontiguousarray(rgb[..., :3]), size, interpolation=cv2.INTER_AREA).astype(np.float32)
    level = np.log1p(small @ np.array([0.299, 0.587, 0.114], np.float32))
    keep = np.ones(level.shape, bool)
    if avoid is not None:
        keep = cv2.resize(np.asarray(avoid, np.uint8), size, interpolation=cv2.INTER_NEAREST) == 0
    if keep.sum() < 16:
        return 0.0
    ys, xs = np.mgrid[0:size[1], 0:size[0]].astype(np.float64)
    radius = 0.5 * np.hypot(size[0], size[1])
    r2 = ((xs - (size[0] - 1) / 2) ** 2 + (ys - (size[1] - 1) / 2) ** 2) / radius ** 2
    r2, level = r2[keep], level[keep].astype(np.float64)
    spread = float(((r2 - r2.mean()) ** 2).sum())
    if spread <= 1e-9:
        return 0.0
    slope = float(((r2 - r2.mean()) * (level - level.mean())).sum() / spread)
    return float(np.clip(-slope, 0.0, MAX_K))
