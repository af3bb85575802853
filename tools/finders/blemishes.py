"""Blemishes without a model: small spots on a face's skin that stand out from the skin around them.

A spot a few pixels across — a pimple, a mole, a dark fleck — is darker or redder than the skin a little
way off. So the face's skin (`tools.finders.hair_skin.find_skin`, the face-mesh oval less eyes, brows and
lips) is compared with a median-filtered copy of itself, whose window is several spots wide, so the spot
is gone from it and the skin's own shading stays: what is BLEMISH_DARKER darker in CIELAB lightness, or
BLEMISH_REDDER redder in a*, than that local skin, in a blob no bigger than a spot, is one. The skin's rim is
left out (the jaw's shadow, the hairline, a fringe's strands are edges, not spots), and so is the nose (its
nostrils are dark spots of its own).

Each spot is its own candidate, the most marked first, so "remove the blemishes" takes them all and "the
blemish on her left cheek" picks one. Precision before recall: a freckle left is a smaller fault than an eye
corner painted over.
"""

from __future__ import annotations

import cv2
import numpy as np

from retouch.tools.finders.face_parts import NOSE_POINTS, hull_mask, polygon_mask
from retouch.tools.finders.hair_skin import Head

BLEMISH_DARKER = 9.0
"""A spot is at least this much darker (CIELAB L) than the median of the skin around it…"""
BLEMISH_REDDER = 7.0
"""…or at least this much redder (CIELAB a*)."""
MEDIAN_WINDOW = 0.12
"""The local skin is the median over a window this share of the face's width (odd, at least 5 px): several
spots wide, so a spot vanishes from it while the cheek's shading stays."""
MAX_SPOT = 0.08
"""A spot is at most this share of the face's width across (its area at most that diameter's disc): bigger
is a shadow, a birthmark or a feature, which a fill would repaint as skin."""
MIN_SPOT_PX = 3
"""…and at least this many pixels: one dark pixel is the photo's noise."""
MIN_ROUNDNESS = 0.45
"""A spot fills at least this share of its bounding box (a disc fills 0.79, a diagonal line far less)…"""
MAX_ASPECT = 2.5
"""…and is at most this many times longer than wide."""
RIM = 0.06
"""The skin is eroded by this share of the face's width before spots are looked for."""
MAX_SPOTS = 40
"""At most this many spots a face, the most marked first."""


def find_blemishes(rgb: np.ndarray, skin: np.ndarray, head: Head) -> list[tuple[np.ndarray, float]]:
    """Each spot on one face's skin as (bool mask at the photo's size, contrast), most marked first.

    `skin`: the person's skin (`find_skin`); only the face's part — inside the mesh oval — is searched."""
    height, width = rgb.shape[:2]
    x0, y0, x1, y1 = head.box
    face_w = max(1.0, x1 - x0)
    pad = int(np.ceil(MEDIAN_WINDOW * face_w)) + 2
    rows = slice(max(0, int(y0) - pad), min(height, int(np.ceil(y1)) + pad))
    cols = slice(max(0, int(x0) - pad), min(width, int(np.ceil(x1)) + pad))
    offset = np.array([cols.start, rows.start], np.float64)
    shape = (rows.stop - rows.start, cols.stop - cols.start)
    if min(shape) < 8:
        return []
    face = skin[rows, cols] & polygon_mask(head.oval - offset, shape)
    rim = max(1, int(round(RIM * face_w)))
    inner = cv2.erode(face.astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * rim + 1,) * 2)) > 0
    inner &= ~hull_mask(head.points[list(NOSE_POINTS)] - offset, shape)
    if inner.sum() < 16:
        return []
    crop = np.ascontiguousarray(rgb[rows, cols])
    lab = cv2.cvtColor(crop.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    window = max(5, int(round(MEDIAN_WINDOW * face_w)) | 1)
    local_l = _skin_median(lab[..., 0], face, window, (0.0, 100.0))
    local_a = _skin_median(lab[..., 1], face, window, (-64.0, 64.0))
    darker = local_l - lab[..., 0]
    redder = lab[..., 1] - local_a
    marked = ((darker >= BLEMISH_DARKER) | (redder >= BLEMISH_REDDER)) & inner
    contrast = np.maximum(darker / BLEMISH_DARKER, redder / BLEMISH_REDDER)
    biggest = np.pi * (MAX_SPOT * face_w / 2) ** 2
    count, labels, stats, _ = cv2.connectedComponentsWithStats(marked.astype(np.uint8), connectivity=8)
    spots = []
    for label in range(1, count):
        area = int(stats[label, cv2.CC_STAT_AREA])
        if not MIN_SPOT_PX <= area <= max(MIN_SPOT_PX, biggest):
            continue
        box_w, box_h = int(stats[label, cv2.CC_STAT_WIDTH]), int(stats[label, cv2.CC_STAT_HEIGHT])
        if area < MIN_ROUNDNESS * box_w * box_h or max(box_w, box_h) > MAX_ASPECT * min(box_w, box_h):
            continue  # a line: a smile's fold, a wrinkle, a strand of hair
        blob = labels == label
        mask = np.zeros((height, width), bool)
        mask[rows, cols] = blob
        spots.append((mask, float(contrast[blob].max())))
    spots.sort(key=lambda spot: -spot[1])
    return spots[:MAX_SPOTS]


def _skin_median(channel: np.ndarray, skin: np.ndarray, window: int, span: tuple[float, float]) -> np.ndarray:
    """The median of `channel` over a `window`-wide square, counting skin pixels only: off the skin, the
    skin's own median fills in first, so an eye or the backdrop beside a cheek does not pull it. OpenCV's
    median of a wide window takes 8 bits: `span` (low, high) is mapped onto them."""
    low, high = span
    filled = np.where(skin, channel, float(np.median(channel[skin])))
    levels = np.clip((filled - low) * (255.0 / (high - low)), 0, 255).astype(np.uint8)
    return cv2.medianBlur(levels, window).astype(np.float32) * ((high - low) / 255.0) + low
