"""What a viewer notices in new canvas, measured: colours the photo never had, the same thing seen
twice, a step at the join, and (where the cut-off truth is known) how far the new area strays
from it. Shared by the outpainting tests and benchmarks/outpaint_quality.py, so the bar a test
holds is the figure the benchmark reports.

Every function takes uint8 RGB arrays and boxes (x0, y0, x1, y1) in the result's coordinates.
"""

from __future__ import annotations

from typing import Iterable

import cv2
import numpy as np
from scipy.ndimage import maximum_filter

from retouch.tools.texture import SideName

Box = tuple[int, int, int, int]

OUTLIER_DELTA_E = 12.0
"""CIEDE2000 distance beyond which a colour counts as one the photo never had (a just-noticeable
difference is about 1–2; 12 is a different colour, not a shade of one)."""
NEAREST_COLOURS = 16
"""How many of the photo's colours nearest in Lab (Euclidean) are compared by CIEDE2000. CIEDE2000
weighs chroma and hue differently from plain Lab distance, so the nearest by one is not always the
nearest by the other; among the 16 nearest it is, on every photo tried (a wider search changed no
figure in benchmarks/outpaint_quality.py)."""
REPEAT_HIGHPASS = 3.0
"""σ of the blur subtracted before correlating: repetition is judged on texture and edges, not on
the broad light falling across the frame (which correlates with itself at any shift)."""
REPEAT_MIN_SHIFT = 8
"""Shifts closer than this (in both directions) are the texture's own smoothness, not a repeat."""
REPEAT_RING = 6
"""A peak counts by how far it stands above the highest correlation this far from it (its
prominence). A straight edge — a horizon, a bench's seat — correlates with itself all along its
length, a ridge rather than a peak, and is continued, not repeated; a copied patch of texture
decorrelates within a few pixels in every direction."""
REPEAT_MIN_OVERLAP = 0.25
"""A shift counts only where at least this share of the new area overlaps the region: a peak
measured on a sliver is noise."""


def colour_outlier_share(new: np.ndarray, source: np.ndarray, *, threshold: float = OUTLIER_DELTA_E) -> float:
    """Share of the pixels of `new` (…×3 uint8) whose colour is farther than `threshold`
    (CIEDE2000) from every pixel of `source` (…×3 uint8): colours the picture never had.

    The photo's distinct colours go into a KD-tree in CIELAB; each distinct new colour is compared
    by CIEDE2000 with its NEAREST_COLOURS nearest there."""
    from scipy.spatial import cKDTree
    from skimage.color import deltaE_ciede2000

    new_colours, counts = np.unique(np.asarray(new, np.uint8).reshape(-1, 3), axis=0, return_counts=True)
    if len(new_colours) == 0:
        return 0.0
    source_colours = np.unique(np.asarray(source, np.uint8).reshape(-1, 3), axis=0)
    source_lab, new_lab = _lab(source_colours), _lab(new_colours)
    k = min(NEAREST_COLOURS, len(source_lab))
    _, index = cKDTree(source_lab).query(new_lab, k=k)
    index = index.reshape(len(new_lab), k)
    distance = deltaE_ciede2000(np.repeat(new_lab[:, None], k, axis=1), source_lab[index]).min(axis=1)
    return float(counts[distance > threshold].sum() / counts.sum())


def _lab(colours: np.ndarray) -> np.ndarray:
    from skimage.color import rgb2lab

    return rgb2lab(colours.reshape(-1, 1, 3).astype(np.float64) / 255).reshape(-1, 3)


def new_area(size: tuple[int, int], original_box: Box) -> np.ndarray:
    """bool (H, W) of a result `size` (W, H): True outside the original's box."""
    width, height = size
    mask = np.ones((height, width), bool)
    x0, y0, x1, y1 = original_box
    mask[y0:y1, x0:x1] = False
    return mask


def grown_sides(size: tuple[int, int], original_box: Box) -> list[SideName]:
    x0, y0, x1, y1 = original_box
    width, height = size
    grown = {"left": x0 > 0, "right": x1 < width, "top": y0 > 0, "bottom": y1 < height}
    return [side for side, grew in grown.items() if grew]  # type: ignore[misc]


def side_region(pixels: np.ndarray, original_box: Box, side: SideName) -> tuple[np.ndarray, int]:
    """The new area on `side` next to the original's band of the same depth, oriented so growth
    runs along axis 1 (the band first), and how many columns of it are the band.

    Left and right strips span the original's rows; top and bottom span the whole width (their
    corners included), as the outpainter grows them."""
    x0, y0, x1, y1 = original_box
    height, width = pixels.shape[:2]
    if side == "left":
        depth = min(x0, x1 - x0)
        region = pixels[y0:y1, :x0 + depth][:, ::-1]
    elif side == "right":
        depth = min(width - x1, x1 - x0)
        region = pixels[y0:y1, x1 - depth:]
    elif side == "top":
        depth = min(y0, y1 - y0)
        region = pixels[:y0 + depth][::-1].transpose(1, 0, 2)
    else:
        depth = min(height - y1, y1 - y0)
        region = pixels[y1 - depth:].transpose(1, 0, 2)
    return np.ascontiguousarray(region), depth


def repetition_score(pixels: np.ndarray, original_box: Box, sides: Iterable[SideName] | None = None) -> float:
    """How strongly the new canvas repeats itself or the photo next to it: the highest normalised
    autocorrelation peak of the new area against the new area plus the original's band beside it
    (same depth), over shifts of at least REPEAT_MIN_SHIFT px, on high-passed grey; the worst side.

    0 is noise; a real photo's continuation scores about 0.1–0.3 (more where the scene is
    periodic — bricks, a fence); a strip copied twice at the same displacement scores its share of
    the area, up to 1. A mirror is not a repeat (it is not a translation)."""
    pixels = np.asarray(pixels)
    sides = grown_sides((pixels.shape[1], pixels.shape[0]), original_box) if sides is None else list(sides)
    scores = [_side_repetition(*side_region(pixels, original_box, side)) for side in sides]
    return max(scores, default=0.0)


def _side_repetition(region: np.ndarray, band: int) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(region[..., :3]), cv2.COLOR_RGB2GRAY).astype(np.float64)
    height, width = grey.shape
    if width - band < 2 or height < 2 * REPEAT_MIN_SHIFT:
        return 0.0
    detail = grey - cv2.GaussianBlur(grey, (0, 0), REPEAT_HIGHPASS)
    new = np.zeros_like(grey)
    new[:, band:] = 1.0
    inside = np.ones_like(grey)
    # Correlations by FFT, zero-padded so shifts do not wrap.
    shape = (2 * height, 2 * width)

    def correlate(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """c[d] = Σ_x a(x) b(x + d), shifts d in [−(H−1), H−1] × [−(W−1), W−1] (fftshifted)."""
        spectrum = np.conj(np.fft.rfft2(a, shape)) * np.fft.rfft2(b, shape)
        return np.fft.fftshift(np.fft.irfft2(spectrum, shape))

    cross = correlate(detail * new, detail)
    energy_new = correlate(detail ** 2 * new, inside)
    energy_there = correlate(new, detail ** 2)
    overlap = correlate(new, inside)
    denominator = np.sqrt(np.maximum(energy_new, 0) * np.maximum(energy_there, 0))
    valid = (overlap >= REPEAT_MIN_OVERLAP * new.sum()) & (denominator > 1e-6 * max(1.0, float(energy_new.max())))
    dy = np.arange(shape[0])[:, None] - shape[0] // 2
    dx = np.arange(shape[1])[None, :] - shape[1] // 2
    valid &= (np.abs(dy) >= REPEAT_MIN_SHIFT) | (np.abs(dx) >= REPEAT_MIN_SHIFT)
    if not valid.any():
        return 0.0
    ncc = np.where(valid, cross / np.where(valid, denominator, 1.0), -1.0)
    radius = np.hypot(*np.mgrid[-REPEAT_RING:REPEAT_RING + 1, -REPEAT_RING:REPEAT_RING + 1])
    ring = np.abs(radius - REPEAT_RING) < 0.75
    around = maximum_filter(ncc, footprint=ring, mode="constant", cval=-1.0)
    return float(max(0.0, np.max(np.where(valid, ncc - around, 0.0))))


DUPLICATE_PATCH = 16
"""Side of the patches compared for twins (px): a few times the grain of grass or gravel, so two
unrelated patches of one texture do not match, and half the outpainter's block (32 px on a
512 px photo), so every copied block holds whole patches."""
DUPLICATE_STRIDE = 8
"""Grid step of the patches looked for elsewhere (each is searched for at every pixel offset):
every 32 px block holds at least two of them each way, whatever its cut."""
DUPLICATE_NCC = 0.9
"""Normalised correlation (of high-passed grey) above which two patches are one copied twice. Two
patches of the same real grass or brick stay under it; two copies of one block, restitched by a
smooth light field, stay above it."""
DUPLICATE_MIN_DETAIL = 3.0
"""Standard deviation (grey levels) of a patch's high-passed grey below which it is not compared:
a copied patch of clear sky or blurred background is not seen twice, and noise has no twin."""


def duplicate_share(pixels: np.ndarray, original_box: Box, sides: Iterable[SideName] | None = None) -> float:
    """Share of the new area's detailed patches that appear again elsewhere in the new area on the
    same side: the repeat `repetition_score` cannot see — a few blocks copied many times, each at
    its *own* shift (a lattice of dark spots, one post's fragments scattered over a sky), so no
    single autocorrelation peak stands out; patch by patch, each has a twin. The worst side.

    Patches DUPLICATE_PATCH px square on a DUPLICATE_STRIDE grid in the new strip, with at least
    DUPLICATE_MIN_DETAIL of high-passed grey (σ REPEAT_HIGHPASS), each looked for at every offset
    of the strip (normalised correlation); it counts when a detailed patch it does not overlap
    correlates above DUPLICATE_NCC. Translations only (a mirrored copy reads as a reflection), and
    the original's band is not searched (copying it into the new area once is continuation).
    0 = nothing is seen twice; 1 = every detailed patch is."""
    pixels = np.asarray(pixels)
    sides = grown_sides((pixels.shape[1], pixels.shape[0]), original_box) if sides is None else list(sides)
    shares = [_side_duplicates(*side_region(pixels, original_box, side)) for side in sides]
    return max(shares, default=0.0)


def _side_duplicates(region: np.ndarray, band: int) -> float:
    grey = cv2.cvtColor(np.ascontiguousarray(region[:, band:, :3]), cv2.COLOR_RGB2GRAY).astype(np.float32)
    size, stride = DUPLICATE_PATCH, DUPLICATE_STRIDE
    height, width = grey.shape
    if height < size or width < size or height * width < 2 * size * size:
        return 0.0
    detail = grey - cv2.GaussianBlur(grey, (0, 0), REPEAT_HIGHPASS)
    mean = cv2.boxFilter(detail, -1, (size, size), anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)
    square = cv2.boxFilter(detail * detail, -1, (size, size), anchor=(0, 0), borderType=cv2.BORDER_CONSTANT)
    spread = np.sqrt(np.maximum(square - mean * mean, 0))[:height - size + 1, :width - size + 1]
    detailed = spread >= DUPLICATE_MIN_DETAIL
    dy, dx = np.mgrid[0:height - size + 1, 0:width - size + 1]
    queries = [(y, x) for y in range(0, height - size + 1, stride) for x in range(0, width - size + 1, stride)
               if detailed[y, x]]
    if not queries:
        return 0.0
    twinned = 0
    for y, x in queries:
        ncc = cv2.matchTemplate(detail, detail[y:y + size, x:x + size], cv2.TM_CCOEFF_NORMED)
        apart = (np.abs(dy - y) >= size) | (np.abs(dx - x) >= size)
        twinned += bool(((ncc > DUPLICATE_NCC) & apart & detailed).any())
    return twinned / len(queries)


def seam_ratio(result: np.ndarray, truth: np.ndarray, original_box: Box) -> float:
    """Mean |Δ| across the joins between the original and the new canvas in `result`, divided by
    the same across the same lines in `truth`: 1.0 means the join steps as the real photo does."""
    def steps(pixels: np.ndarray) -> float:
        values = np.asarray(pixels, np.float32)
        x0, y0, x1, y1 = original_box
        total, count = 0.0, 0
        for side in grown_sides((values.shape[1], values.shape[0]), original_box):
            if side == "left":
                across = values[y0:y1, x0] - values[y0:y1, x0 - 1]
            elif side == "right":
                across = values[y0:y1, x1] - values[y0:y1, x1 - 1]
            elif side == "top":
                across = values[y0, x0:x1] - values[y0 - 1, x0:x1]
            else:
                across = values[y1, x0:x1] - values[y1 - 1, x0:x1]
            total += float(np.abs(across).sum())
            count += across.size
        return total / max(count, 1)

    return steps(result) / max(steps(truth), 0.5)


def lowpass_ssim(result: np.ndarray, truth: np.ndarray, mask: np.ndarray, *, sigma: float) -> float:
    """SSIM of the two pictures blurred by `sigma`, averaged over `mask`: whether the new area has
    the truth's layout of light and colour (where the sky, the ground, the shadow are), not
    whether its texture lands pixel for pixel — which no continuation can know."""
    from skimage.metrics import structural_similarity

    def blur(pixels: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(np.asarray(pixels, np.float32), (0, 0), sigma)

    _, ssim_map = structural_similarity(blur(truth), blur(result), channel_axis=2, data_range=255, full=True,
                                        gaussian_weights=True, sigma=1.5)
    return float(ssim_map.mean(axis=2)[mask].mean())
