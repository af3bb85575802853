"""Whole-image masks are uint8 (1 byte a pixel) from the start: a temporary int64 array is 8 bytes a
pixel, 128 MiB for a 4096² photo, made once per candidate a finder returns."""

from __future__ import annotations

import tracemalloc

import numpy as np

from retouch.tools.masks import from_bool


def test_from_bool_is_255_where_selected() -> None:
    rng = np.random.default_rng(0)
    for selected in (rng.random((37, 53)) > 0.5, np.zeros((4, 4), bool), np.ones((3, 3), bool),
                     rng.random((5, 5)), np.zeros((0, 7), bool)):
        mask = from_bool(selected)
        assert mask.dtype == np.uint8 and mask.shape == np.shape(selected)
        assert np.array_equal(mask, np.where(selected, 255, 0))


def test_from_bool_never_holds_more_than_two_bytes_a_pixel() -> None:
    selected = np.zeros((2048, 2048), bool)
    selected[100:900, 300:1200] = True
    tracemalloc.start()
    try:
        mask = from_bool(selected)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert mask.sum(dtype=np.int64) == 255 * 800 * 900
    assert peak <= 2 * selected.size, f"{peak / selected.size:.1f} bytes a pixel"
