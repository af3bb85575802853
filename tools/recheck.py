"""Checking a removal: does the finder still see the thing where it was removed?

A remover's mask is the finder's guess, and guesses miss an arm, a strand of hair, a shadow in the
person's shape. After the fill the executor asks the finder again; what it still finds in (or right
next to) the filled area is left over, and the selection grows over it for one more fill. Pure
mask arithmetic here; the executor does the asking and the filling.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from retouch.tools import masks as mask_ops
from retouch.tools.masks import Mask
from retouch.tools.select import candidate_mask

TOUCH = 0.05
"""A thing found after a removal is left over when at least this share of it lies in, or within
GROW of, what was filled (a leftover arm sits mostly just outside the filled area)…"""
KEPT = 0.5
"""…unless this share of it is something found before and never removed (the person beside her)."""
GROW = 0.02
"""Share of the image's short side: how near counts as 'next to', and how far the mask grows."""


def found_mask(candidates: Sequence[Any], size: tuple[int, int]) -> Mask:
    """The union of the candidates' masks (boxes where a finder gave none), 0/255."""
    union = np.zeros((size[1], size[0]), np.uint8)
    for candidate in candidates:
        union[candidate_mask(candidate, size) > 127] = 255
    return union


def grow_px(size: tuple[int, int]) -> int:
    return max(2, round(GROW * min(size)))


def left_over(candidates: Sequence[Any], filled: Mask, kept: Mask | None, size: tuple[int, int]) -> list[Any]:
    """The candidates found after a removal that are left of the removed thing: in or next to the
    filled area, and not mostly something found before that was kept (`kept`, 255 = found and
    not removed)."""
    near = mask_ops.grow(np.asarray(filled, np.uint8), grow_px(size)) > 0
    before = np.zeros(near.shape, bool) if kept is None else np.asarray(kept) > 127
    left = []
    for candidate in candidates:
        found = candidate_mask(candidate, size) > 127
        area = int(np.count_nonzero(found))
        if (area and np.count_nonzero(found & near) >= TOUCH * area
                and np.count_nonzero(found & before) < KEPT * area):
            left.append(candidate)
    return left


def grown_over(filled: Mask, left: Sequence[Any], size: tuple[int, int], blur: int) -> Mask:
    """The removal's mask plus what was found again, grown and feathered like a refined mask."""
    extra = mask_ops.feather(mask_ops.grow(found_mask(left, size), grow_px(size)), max(0, int(blur)))
    return np.maximum(np.asarray(filled, np.uint8), extra)
