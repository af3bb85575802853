"""The uncrop benchmark's photo list: a crop named `NAME@x0:y0:x1:y1` is that box of the photo,
and a dev photo is cut on the same side whichever photos run beside it (so figures from a
`--photos` run and a `--dev` run are the same cases); the FSR peer keeps the input and fills a
canvas of any size with the wall's own colour."""

from __future__ import annotations

import numpy as np

from benchmarks.fill_quality import load_photo
from benchmarks.outpaint_quality import DEV, PHOTOS, Case, fsr, load, make_cases, photo_index


def test_a_named_box_is_that_crop_of_the_photo() -> None:
    whole = load_photo("cat.png")
    crop = load("cat.png@10:20:110:70")
    assert crop.shape == (50, 100, 3)
    assert np.array_equal(crop, whole[20:70, 10:110])


def test_a_dev_photo_is_cut_the_same_way_alone_or_with_the_others() -> None:
    photo = DEV[6]
    assert photo not in PHOTOS
    alone = make_cases(photo, photo_index(photo, 0), ("side", "corner"))
    with_all = make_cases(photo, photo_index(photo, DEV.index(photo)), ("side", "corner"))
    assert [case.name for case in alone] == [case.name for case in with_all]
    assert [case.box for case in alone] == [case.box for case in with_all]
    assert photo_index("not-listed.png", 3) == 3


def test_the_fsr_peer_fills_an_odd_sized_canvas_with_the_walls_colour() -> None:
    """A noised blue wall of 30×57 px, its right 37 columns cut: OpenCV's FSR given that canvas
    as is fills it green and black (it works in 16 px blocks); the peer pads it, so the fill is
    within 10 levels of the wall's colour, and the input is kept to the pixel."""
    rng = np.random.default_rng(4)
    wall = np.clip(np.array([90.0, 140.0, 220.0]) + rng.normal(0, 6, (30, 57, 3)), 0, 255).astype(np.uint8)
    case = Case("drawn", "side-right", wall, (0, 0, 20, 30))
    grown = fsr(case.input, case)
    assert np.array_equal(grown[:, :20], wall[:, :20])
    assert np.all(np.abs(grown[:, 20:].reshape(-1, 3).mean(axis=0) - [90, 140, 220]) <= 10)
