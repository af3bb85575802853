"""Fine detail at the level the photo's own edge predicts: the last step of the built-in
outpainter.

The uncrop benchmark (`benchmarks/outpaint_quality.py`) showed the new areas with the wrong amount
of detail both ways. Mostly too smooth: their mean gradient was a median 0.86 of the truth's on
the tuned photos (grass 0.82–0.95, the dog's field 0.68–0.87), while the band of photo beside
each cut had about the truth's. Two stages take detail away on the way from copied blocks to
pixels: the quilt's match prefers smooth blocks (a blurred patch differs less from any texture
than another patch of that texture does — `tools.texture.DETAIL_WEIGHT` only leans against it),
and the stitch (`tools.gradient_stitch`) lays light out as the edge predicts above a fraction of
a block, which takes the copied texture's coarser grain with it. And sometimes too busy: where
the photo goes out of focus towards its frame (the cat's cheeks, the sky above the dog's
treeline) the truth beyond the cut is softer than the band beside it, and copies of the band
are as sharp as the band.

So after the stitch, the grey-level fine detail of the new strip (what a blur of DETAIL_SIGMA
takes away) is scaled to a wanted energy: the edge's own, at that height, measured on the last
EDGE_DEPTH_BLOCKS of a block beside the edge — not on the band deeper in. On the tuned uncrop
photos the mean gradient of a half-block strip at the edge was within a median 9 % of the
truth's beyond it (per side), the 96 px band's within 20 % (it holds the subject's fur, the
out-of-focus grass above it), and continuing the band's trend outward (log energy against
distance, fitted over 3 or 6 blocks or the growth) within 13–21 %: a photo's detail changes
with its focus plane, and what lies just beyond the frame is most like what lies just inside
it. Lightness only, the same amount added to all three channels, so no new hue appears; the
scaling is bounded by [MIN_GAIN, MAX_GAIN]: a level adjusted, never a texture invented.
"""

from __future__ import annotations

import cv2
import numpy as np
from scipy.ndimage import gaussian_filter1d

DETAIL_SIGMA = 2.0
"""σ (px) of the blur whose residue is the fine detail that is measured and scaled."""
EDGE_DEPTH_BLOCKS = 0.5
"""How deep (in quilt blocks) the strip beside the edge is whose detail the new area gets."""
MIN_GAIN = 1 / 3
MAX_GAIN = 3.0
"""The fine detail of a pixel is scaled by at least / at most these factors. The copies are
mostly too smooth (the quilt's match prefers smooth blocks; where the subject estimate covers
the ground nearest the camera, only out-of-focus background is left to copy): the bunny's
strips want a median gain of 1.1–2.4, and ×1.5 capped up to 85 % of a strip. Tuned uncrop
texture error: about 0.12 with ×2, 0.107 with ×3. The cost: a few pixels lighter or darker than
anything in the photo (colour outliers at most 0.014 % of a case's new area, brick-corner;
0.00 % with ×1.5)."""
GREY = np.array([0.299, 0.587, 0.114], np.float32)


def fine_detail(pixels: np.ndarray) -> np.ndarray:
    """The grey level's fine detail (H×W float32) of H×W×3 pixels."""
    grey = np.asarray(pixels, np.float32) @ GREY
    return grey - cv2.GaussianBlur(grey, (0, 0), DETAIL_SIGMA)


def _wide_blur(values: np.ndarray, sigma: float) -> np.ndarray:
    """A Gaussian blur of `sigma`, run on a copy shrunk by a third of it (as wide a blur loses
    nothing there, and costs a ninth as much on a big photo)."""
    height, width = values.shape
    shrink = max(1, int(sigma // 3))
    if shrink == 1 or min(height, width) < 4 * shrink:
        return cv2.GaussianBlur(values, (0, 0), sigma)
    small = cv2.resize(values, (max(1, width // shrink), max(1, height // shrink)), interpolation=cv2.INTER_AREA)
    return cv2.resize(cv2.GaussianBlur(small, (0, 0), sigma / shrink), (width, height), interpolation=cv2.INTER_LINEAR)


def edge_energy(edge: np.ndarray, *, depth: int, smooth: float) -> np.ndarray:
    """Per row of an oriented band (H×W×3; the edge is its last column), the mean squared fine
    detail of its last `depth` columns, smoothed along the rows by `smooth` px. The blur that
    separates the detail sees the whole band, so the strip's first columns are not cut short."""
    detail = fine_detail(edge)[:, -max(1, depth):]
    return gaussian_filter1d((detail ** 2).mean(axis=1), max(1.0, smooth), mode="nearest")


def match_detail(strip: np.ndarray, wanted: np.ndarray, *, smooth: float) -> np.ndarray:
    """`strip` (H×A×3 float, oriented: rows along the edge, column 0 beside it) with its fine
    detail scaled towards `wanted` (H: the energy beside the edge, `edge_energy`) all the way out."""
    detail = fine_detail(strip)
    have = _wide_blur(detail ** 2, max(1.0, smooth))
    target = np.asarray(wanted, np.float32)[:, None]
    gain = np.clip(np.sqrt(target / np.maximum(have, 1e-6)), MIN_GAIN, MAX_GAIN)
    return strip + ((gain - 1.0) * detail)[..., None]
