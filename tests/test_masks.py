"""Mask arithmetic: exact reach of grow and feather, holes, specks."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from retouch.tools import masks


def _square(size: int = 64, lo: int = 24, hi: int = 40) -> np.ndarray:
    mask = np.zeros((size, size), np.uint8)
    mask[lo:hi, lo:hi] = 255
    return mask


def _chebyshev_reach(mask: np.ndarray, original: np.ndarray) -> int:
    """How far (in px along the middle row) the non-zero area reaches beyond the original square."""
    middle = mask.shape[0] // 2
    return int(np.nonzero(mask[middle])[0].max()) - int(np.nonzero(original[middle])[0].max())


def test_grow_and_shrink_by_exact_radius() -> None:
    square = _square()
    assert _chebyshev_reach(masks.grow(square, 5), square) == 5
    assert masks.binary(masks.shrink(square, 3)).sum() == (16 - 6) ** 2


def test_feather_keeps_core_and_stops_at_radius() -> None:
    square = _square()
    soft = masks.feather(square, 8)
    assert (soft[square == 255] == 255).all(), "the selected core must stay fully selected"
    assert _chebyshev_reach(soft, square) < 8
    assert 0 < soft[32, 40 + 3] < 255, "there must be a soft ramp outside the edge"


def test_refine_reach_is_grow_plus_blur() -> None:
    square = _square(96, 40, 56)  # middle row 48 crosses it
    refined = masks.refine(square, grow_px=6, blur_px=4)
    assert _chebyshev_reach(refined, square) <= 10
    assert _chebyshev_reach(refined, square) >= 9


def test_fill_holes_fills_enclosed_only() -> None:
    ring = _square()
    ring[28:36, 28:36] = 0
    notch = _square()
    notch[30:34, 24:30] = 0  # open to the outside: not a hole
    assert (masks.fill_holes(ring)[28:36, 28:36] == 255).all()
    assert (masks.fill_holes(notch)[30:34, 24:26] == 0).all()


def test_remove_specks() -> None:
    mask = _square()
    mask[2:4, 2:4] = 255
    cleaned = masks.remove_specks(mask, 10)
    assert cleaned[2, 2] == 0 and cleaned[30, 30] == 255


def test_invert_and_bbox() -> None:
    square = _square()
    assert masks.bounding_box(square) == (24, 24, 40, 40)
    assert masks.bounding_box(np.zeros((4, 4), np.uint8)) is None
    assert masks.invert(square)[0, 0] == 255 and masks.invert(square)[30, 30] == 0


@settings(max_examples=60, deadline=None)
@given(width=st.integers(1, 90), height=st.integers(1, 90),
       boxes=st.lists(st.tuples(st.integers(-10, 100), st.integers(-10, 100), st.integers(1, 40),
                                st.integers(1, 40), st.integers(1, 255)), max_size=4),
       grow_px=st.integers(0, 12), shrink_px=st.integers(0, 6), blur_px=st.integers(0, 12), fill=st.booleans())
def test_refine_on_a_crop_equals_refine_on_the_whole_image(width, height, boxes, grow_px, shrink_px,
                                                          blur_px, fill) -> None:
    """The cropped fast path must give exactly the whole-image pixels: any mask, touching any edge."""
    mask = np.zeros((height, width), np.uint8)
    for x, y, w, h, value in boxes:
        mask[max(0, y):max(0, y + h), max(0, x):max(0, x + w)] = value
    options = dict(grow_px=grow_px, shrink_px=shrink_px, blur_px=blur_px, fill=fill)
    assert np.array_equal(masks.refine(mask, **options), masks.refine_whole(mask, **options))


def test_bounding_box_of_an_empty_and_a_corner_mask() -> None:
    mask = np.zeros((50, 60), np.uint8)
    assert masks.bounding_box(mask) is None
    mask[0, 59] = 1
    mask[49, 0] = 200
    assert masks.bounding_box(mask) == (0, 0, 60, 50)
