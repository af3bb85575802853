"""The uncrop benchmark's photo list: a crop named `NAME@x0:y0:x1:y1` is that box of the photo,
and a dev photo is cut on the same side whichever photos run beside it (so figures from a
`--photos` run and a `--dev` run are the same cases)."""

from __future__ import annotations

import numpy as np

from benchmarks.fill_quality import load_photo
from benchmarks.outpaint_quality import DEV, PHOTOS, load, make_cases, photo_index


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
