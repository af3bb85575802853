"""Geometry and canvas said the way people say it (issue 20, canvas20): a phone's screen named with the model
('an iphone 11 background', 'the screen of a note 4') was no format at all — the model number hid the phone, 'resize'
was refused, 'background' replaced the backdrop; 'focus on the bride' sharpened her where people mean the picture
brought in around her; moving the frame so a cut-off head or pair of feet shows was refused as moving a thing; a
side cropped before the photo's size was known asked how much; and 'turn the picture right' was not read at all.
Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence.

Each row: the request, the actions the plan must take in order, and what the first geometry call must carry (an
aspect, the sides grown, or the target cropped to; None: nothing checked). Rows marked "unchanged" planned the same
before.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, first_target, rows_of

NO_SIZE = PlanningContext()
"""Without the photo's size a format is cropped to (the reply says how to extend instead)."""

KINDS = {
    # a phone's screen named with its model: the phone-screen format, 9:16
    "a phone screen by its model": [
        ("could you turn this into an iphone 12 background", ["crop"], "9:16"),
        ("make it an iphone 7 plus wallpaper please", ["crop"], "9:16"),                  # unchanged
        ("convert the photo to iphone 13 pro resolution", ["crop"], "9:16"),
        ("please make this into an iphone 6s wallaper", ["crop"], "9:16"),
        ("change the size so it fits the screen nicely on a note 9", ["crop"], "9:16"),
        ("resize this to fit the screen of my pixel 6", ["crop"], "9:16"),
        ("make it a phone background", ["crop"], "9:16"),                                  # unchanged
        ("put a galaxy background behind me", ["background"], None),                       # unchanged: a starry sky
        ("my iphone 8 screen is cracked in the shot, can you remove the crack", ["remove"], None),  # unchanged
        ("make the background white, it's going on my iphone 11 wallpaper", ["background"], None),  # unchanged
    ],
    # a side cropped before the photo's size is known: the share cut off that side (a little when none is said)
    "a side cropped without the size": [
        ("trim the photo from the top", ["crop"], {"top": 0.1}),
        ("crop left side of the image", ["crop"], {"left": 0.5}),                          # a side: its half, as with the size
        ("cut off the bottom of the snapshot a little", ["crop"], {"bottom": 0.1}),
        ("crop the right 30% of the frame", ["crop"], {"right": 0.3}),
        ("crop to the upper half", ["crop"], {"bottom": 0.5}),                              # the top half kept
        ("trim away the left and right edges", ["crop"], {"left": 0.1, "right": 0.1}),
        ("crop the bottom 150 px", [], None),                                              # unchanged: pixels need the size
        ("crop the image right about here", [], None),                                     # unchanged: a place pointed at
        ("crop out the lamp on the left", ["remove"], None),                               # unchanged: a thing taken out
    ],
    # 'focus on' a person: the picture brought in around them
    "focus on someone": [
        ("focus on the bride please", ["crop"], "bride"),
        ("focus on the boy in the green cap", ["crop"], "boy"),
        ("Focus on Priya, she is the one graduating", ["crop"], "person"),
        ("focus on the woman on the right", ["crop"], "woman"),
        ("focus on his eyes", ["adjust"], "eye"),                                          # unchanged: a part
        ("focus on the lighthouse", ["adjust"], "lighthouse"),                             # unchanged: a thing
        ("i need more focus on the faces", ["adjust"], "face"),                            # unchanged
    ],
    # the whole clause 'turn the picture left/right': a quarter turn that way
    "a turn said by its side": [
        ("turn the snapshot left", ["crop"], -90.0),
        ("turn this to the right please", ["crop"], 90.0),
        ("turn it right", ["crop"], 90.0),
        ("turn the photo clockwise", ["crop"], 90.0),                                     # unchanged
        ("turn her face to the left", [], None),                                           # unchanged: a pose
        ("turn left at the gate and add a sign", ["add"], None),                           # unchanged: no picture turned
    ],
    # the frame moved so a part the edge cut shows: more canvas on that part's side
    "a cut part brought into view": [
        ("move the photo up until his head shows", ["outpaint"], ["top"]),
        ("shift the picture down so her feet are in the frame", ["outpaint"], ["bottom"]),
        ("could you show the top of her head", ["outpaint"], ["top"]),
        ("drag the image so you can see his whole head", ["outpaint"], ["top"]),
        ("move the kitten so its head shows", [], None),                                   # unchanged: a thing moved
        ("move the vase up to where her head is", [], None),                               # unchanged
        ("show the top of the tower", [], None),                                           # unchanged: no person's part
    ],
}

ROWS, IDS = rows_of(KINDS)


def _geometry(plan):
    return next((call for call in plan.calls if call.tool in ("crop", "outpaint")), None)


@pytest.mark.parametrize("kind,text,want,detail", ROWS, ids=IDS)
def test_kind(kind, text, want, detail):
    context = NO_SIZE if kind in ("a phone screen by its model", "a side cropped without the size") else None
    got, plan, _ = actions(text, context) if context else actions(text)
    assert got == want, (text, plan.reply)
    if detail is None:
        return
    call = _geometry(plan)
    if kind == "a phone screen by its model":
        assert call.args.aspect == detail, (text, plan.reply)
    elif kind == "a side cropped without the size":
        assert call.args.cut == detail, (text, plan.reply)
    elif kind == "a turn said by its side":
        assert call.args.rotate == detail, (text, plan.reply)
    elif kind == "focus on someone":
        assert first_target(plan) == detail, (text, plan.reply)
        if want == ["crop"]:
            assert call.args.keep_selection, (text, plan.reply)
    else:
        grown = call.args.sides or [side for side in ("left", "right", "top", "bottom") if getattr(call.args, side)]
        assert grown == detail, (text, plan.reply)


def test_a_phone_screen_with_the_photo_size_compares_the_shapes():
    """With a wide photo's size the tall phone screen would keep too little as a crop: the canvas grows instead."""
    got, plan, _ = actions("turn this into an iphone 12 background")
    assert got == ["outpaint"] and plan.calls[0].args.aspect == "9:16", plan.reply
    assert "crop" in plan.reply.lower(), plan.reply


def test_the_reply_names_the_phone_screen():
    _, plan, _ = actions("could you turn this into an iphone 12 background", NO_SIZE)
    assert "iphone background" in plan.reply.lower() and "extend" in plan.reply.lower(), plan.reply


def test_a_name_focused_on_is_said_as_written():
    _, plan, _ = actions("Focus on Priya")
    assert "Priya" in plan.reply, plan.reply


def test_a_side_cropped_with_the_size_known_is_a_box():
    """With the photo's size the same words crop a box, as before; the share is said in the reply either way."""
    _, plan, _ = actions("trim the photo from the top")
    assert plan.calls[0].args.box == (0, 80, 1200, 800) and plan.calls[0].args.cut is None, plan.reply
    _, unsized, _ = actions("trim the photo from the top", NO_SIZE)
    assert unsized.calls[0].args.cut == {"top": 0.1} and unsized.calls[0].args.box is None, unsized.reply
    assert "10%" in unsized.reply and "25%" in unsized.reply, unsized.reply


def test_a_cut_is_turned_into_pixels_on_the_photo(tmp_path):
    """The executor cuts each named side's share of the photo it has, and keeps every other pixel as it was."""
    import numpy as np
    from PIL import Image

    import retouch
    from tests.support import pixels, two_people

    photo = two_people(tmp_path)                      # 512×256
    editor = retouch.open(photo, session=tmp_path / "s")
    made = editor.apply({"calls": [{"tool": "crop", "args": {"cut": {"bottom": 0.25, "left": 0.125}}}], "reply": "ok"})
    assert Image.open(made.path).size == (448, 192)
    assert np.array_equal(pixels(made.path), pixels(photo)[0:192, 64:512])


def test_a_cut_must_leave_some_picture_and_goes_alone():
    from pydantic import ValidationError

    from retouch.agent.plan import CropArgs

    for bad in ({"top": 0.6, "bottom": 0.4}, {"left": 1.0}, {"right": 0.0}, {}):
        with pytest.raises(ValidationError):
            CropArgs(cut=bad)
    for clash in ({"aspect": "1:1"}, {"box": (0, 0, 10, 10)}, {"subject": True}, {"keep_selection": True}):
        with pytest.raises(ValidationError, match="cut"):
            CropArgs(cut={"top": 0.1}, **clash)
    assert CropArgs(cut={"top": 0.1}, flip="horizontal").flip == "horizontal"
