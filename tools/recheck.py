"""Checking a removal: does the finder still see the thing where it was removed?

A remover's mask is the finder's guess, and guesses miss an arm, a strand of hair, a shadow in the
person's shape. After the fill the executor asks the finder again; what it still finds in (or right
next to) the filled area is left over, and the selection grows over it for one more fill. Pure
mask arithmetic here; the executor does the asking and the filling.
"""

from __future__ import annotations

from typing import Any, Sequence

import cv2
import numpy as np

from retouch.tools import masks as mask_ops
from retouch.tools.masks import Mask
from retouch.tools.select import candidate_mask, union_mask

TOUCH = 0.05
"""A thing found after a removal is left over when at least this share of it lies in, or within
GROW of, what was filled (a leftover arm sits mostly just outside the filled area)…"""
KEPT = 0.5
"""…unless this share of it is something found before and never removed (the person beside her)."""
GROW = 0.02
"""Share of the image's short side: how near counts as 'next to', and how far the mask grows."""
CONTEXT = 0.5
"""The finder looks again at the filled area's box grown by this share of its size on each side
(and at least twice GROW): what it must judge is in or beside the filled area, and a 4096² photo
should not be searched whole again for it."""
LOOK_SIDE = 1024
"""…scaled so its longer side is at most this: whether the person is still there needs no more
detail than the finder's own models see (MediaPipe's selfie model works at 256²)."""


def found_mask(candidates: Sequence[Any], size: tuple[int, int]) -> Mask:
    """The union of the candidates' masks (boxes where a finder gave none), 0/255."""
    union = union_mask(list(candidates), size)
    return union if union is not None else np.zeros((size[1], size[0]), np.uint8)


def grow_px(size: tuple[int, int]) -> int:
    return max(2, round(GROW * min(size)))


def check_box(filled: Mask, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """x0, y0, x1, y1 of the part of the result the finder looks at again (None: nothing filled)."""
    box = mask_ops.bounding_box(np.asarray(filled, np.uint8))
    if box is None:
        return None
    x0, y0, x1, y1 = box
    width, height = size
    pad_x = max(2 * grow_px(size), int(CONTEXT * (x1 - x0)))
    pad_y = max(2 * grow_px(size), int(CONTEXT * (y1 - y0)))
    return max(0, x0 - pad_x), max(0, y0 - pad_y), min(width, x1 + pad_x), min(height, y1 + pad_y)


def look_at(image: Any, box: tuple[int, int, int, int]) -> tuple[Any, float]:
    """The part of the result the finder looks at again, scaled to LOOK_SIDE, and the scale."""
    from PIL import Image

    x0, y0, x1, y1 = box
    scale = min(1.0, LOOK_SIDE / max(x1 - x0, y1 - y0))
    size = (max(1, round((x1 - x0) * scale)), max(1, round((y1 - y0) * scale)))
    if scale >= 1.0:
        return (image if box == (0, 0, *image.size) else image.crop(box)), 1.0
    return image.resize(size, Image.Resampling.BOX, box=box, reducing_gap=None), scale


def at_full_size(candidates: Sequence[Any], scale: float, size: tuple[int, int]) -> list[Any]:
    """Candidates found on a scaled look, with their masks and boxes back at `size`."""
    if scale >= 1.0:
        return list(candidates)
    from dataclasses import replace

    out = []
    for candidate in candidates:
        mask = mask_ops.resized(candidate_mask(candidate, _scaled(size, scale)), size)
        out.append(replace(candidate, mask=mask, box=mask_ops.bounding_box(mask) or (0, 0, 0, 0)))
    return out


def _scaled(size: tuple[int, int], scale: float) -> tuple[int, int]:
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def runs_out(candidate: Any, box: tuple[int, int, int, int], size: tuple[int, int]) -> bool:
    """Whether a candidate found in `box` of a picture of `size` reaches a side of the box that
    lies inside the picture: the finder saw only part of it there."""
    x0, y0, x1, y1 = box
    cx0, cy0, cx1, cy1 = candidate.box
    width, height = size
    return ((x0 > 0 and cx0 <= 0) or (y0 > 0 and cy0 <= 0) or (x1 < width and cx1 >= x1 - x0)
            or (y1 < height and cy1 >= y1 - y0))


def left_over(candidates: Sequence[Any], filled: Mask, kept: Mask | None, size: tuple[int, int],
              reach: int | None = None) -> list[Any]:
    """The candidates found after a removal that are left of the removed thing: in or next to the
    filled area, and not mostly something found before that was kept (`kept`, 255 = found and
    not removed). `size` is the size of the picture the masks cover; `reach` how near counts
    (default: GROW of that picture's short side — pass the whole photo's when these are crops)."""
    reach = grow_px(size) if reach is None else reach
    near = near_filled(np.asarray(filled, np.uint8), reach)
    if near is None:
        return []
    (x0, y0, x1, y1), zone = near
    before = None if kept is None else np.asarray(kept)
    left = []
    for candidate in candidates:
        found = candidate_mask(candidate, size)
        area = int(np.count_nonzero(found > 127))
        touching = int(np.count_nonzero((found[y0:y1, x0:x1] > 127) & zone))
        if area and touching >= TOUCH * area and (
                before is None or np.count_nonzero((found > 127) & (before > 127)) < KEPT * area):
            left.append(candidate)
    return left


def near_filled(filled: Mask, reach: int) -> tuple[tuple[int, int, int, int], np.ndarray] | None:
    """The pixels within `reach` of the filled area, as (box, bool crop): a distance threshold on
    a crop around it. Dilating the whole mask with an 82 px disk took 4.4 s on a 4096² photo; the
    threshold at reach + ½ holds every pixel of OpenCV's raster disk and a few edge pixels more, so
    what the dilation counted as near still is (tests/test_removal_cost.py)."""
    box = mask_ops.bounding_box(filled)
    if box is None:
        return None
    height, width = filled.shape
    x0, y0 = max(0, box[0] - reach - 1), max(0, box[1] - reach - 1)
    x1, y1 = min(width, box[2] + reach + 1), min(height, box[3] + reach + 1)
    outside = (filled[y0:y1, x0:x1] == 0).astype(np.uint8)
    distance = cv2.distanceTransform(outside, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    return (x0, y0, x1, y1), distance <= reach + 0.5


def grown_over(filled: Mask, left: Sequence[Any], size: tuple[int, int], blur: int,
               box: tuple[int, int, int, int] | None = None) -> Mask:
    """The removal's mask plus what was found again, grown and feathered like a refined mask
    (`masks.refine` on a crop: the same pixels as growing and feathering the whole picture).
    `left` came from the finder looking at `box` of the picture (default: all of it)."""
    filled = np.asarray(filled, np.uint8)
    height, width = filled.shape
    x0, y0, x1, y1 = box or (0, 0, width, height)
    extra = mask_ops.refine(found_mask(left, (x1 - x0, y1 - y0)), grow_px=grow_px(size), blur_px=max(0, int(blur)))
    out = filled.copy()
    out[y0:y1, x0:x1] = np.maximum(out[y0:y1, x0:x1], extra)
    return out
