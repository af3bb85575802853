"""Kinds of geometry and size request real people write that the plan missed (issue 20, the geometry round over the
GIER requests whose editor cropped, rotated or straightened), each in sentences written here for the purpose — none
is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). The photo is
1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a size in pixels with no word for how is its shape, cropped or extended by the photo's shape; nothing resamples
    # the picture, so the reply says the pixels stay, and that a larger size is no upscale
    "a size in pixels": [
        ("could you resize my photo to 2400x1350 please", ["crop"], None, "larger than the photo"),
        ("please change it to 600 by 600 pixels", ["crop"], None, "the pixels stay the photo's own"),
        ("can someone make this 300 x 300 for a forum", ["crop"], None, "1:1"),
        ("make it 500x1250", ["outpaint"], None, "cropping would keep only"),
        ("make it 1200x800", [], None, "already 1200×800"),
        ("extend the canvas to 1600x900", ["outpaint"], None, None),             # the words say how
        ("make the background transparent and change it to 400 x 400", ["background", "crop"], None, "1:1"),
        ("could you possibly resize this to 1,600 x 900?", ["crop"], None, "16:9"),    # thousands written out
        ("resize it to 64x64 please, it's for an emoji", ["crop"], None, "1:1"),              # a small icon
        ("resize it to 40x30", ["outpaint"], None, "to 40:30"),      # numbers this small are a ratio, as "make it 16:9"
    ],
    # a phone said after fit / for is a phone screen's shape (9:16) — a bare 'wallpaper' with it is the phone's too; a
    # phone named in passing ('taken with my phone') is no shape. The photo is landscape, so the canvas grows.
    "a phone to fit": [
        ("could someone make this fit my phone", ["outpaint"], None, "for a phone screen"),
        ("please make it fit a galaxy note 8", ["outpaint"], None, "9:16"),
        ("I'd love it as a wallpaper for my phone", ["outpaint"], None, "9:16"),
        ("resize this for my phone please", ["outpaint"], None, "9:16"),
        ("crop it for my iphone", ["crop"], None, "9:16"),                                   # the words say how
        ("I took this with my phone, please remove the bin", ["remove"], "bin", None),
        ("Please take out the bin. It's for an iphone case.", ["remove"], "bin", None),
        ("Please take out the bin. It's for my phone.", ["remove"], "bin", None),         # a purpose told
        ("make the galaxy in the night sky brighter", ["adjust"], None, None),
    ],
    # a tilt said as the photo's state ('wonky', 'on a slant', 'not straight') or asked as levelling the photo: the
    # straightening that measures the tilt; said of a thing in the photo it is no straightening
    "a tilt said as a state": [
        ("the horizon is wonky in this one", ["enhance"], None, "straightening"),
        ("the picture is a bit crooked, could someone fix it", ["enhance"], None, "straightening"),
        ("it's a bit crooked", ["enhance"], None, "straightening"),
        ("the sea isn't level, the horizon isn't straight", ["enhance"], None, "straightening"),
        ("can anyone level this picture for me", ["enhance"], None, "straightening"),
        ("it's on a slant, sorry", ["enhance"], None, "straightening"),
        ("please make the photo look straight", ["enhance"], None, "straightening"),
        ("could someone make his tie straight", ["fix"], None, "straight and neat"),   # a worn thing: redrawn (edits26)
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_geometry_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_size_larger_than_the_photo_gets_its_shape_and_says_no_upscale():
    _, plan, _ = actions("please make it 3600x2400")
    assert plan.calls == [] and "can't upscale" in plan.reply          # 3:2 already: nothing to crop


def test_without_the_photos_size_a_size_in_pixels_crops_to_its_shape():
    got, plan, _ = actions("resize it to 2560x1440", PlanningContext())
    assert got == ["crop"] and plan.calls[0].args.aspect == "16:9"
    assert "extend" in plan.reply and "pixels stay" in plan.reply
