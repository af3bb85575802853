"""Crops with no shape said (issue 20, round 12): 'crop the photo', 'crop it better', 'a tighter crop' crop in around
the main subject at the photo's shape (`crop(subject)`, `tools/subject_crop.py`) instead of asking which shape. Every
sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round. The
photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, check_row, rows_of

SUBJECT = "cropping in around the main subject"

KINDS = {
    # a crop and nothing about how: in around the subject, at the photo's shape
    "a bare crop": [
        ("crop the picture", ["crop"], None, SUBJECT),
        ("Crop pic", ["crop"], None, SUBJECT),
        ("could you crop this shot for me", ["crop"], None, SUBJECT),
        ("this flyer photo needs to be cropped", ["crop"], None, SUBJECT),
    ],
    # how well, not where
    "a crop said by how well": [
        ("crop this one nicely", ["crop"], None, SUBJECT),
        ("crop the shot better please", ["crop"], None, SUBJECT),
        ("crop my photo properly", ["crop"], None, SUBJECT),
    ],
    # in closer with nothing named: the subject, whatever it is (it was a person before)
    "in closer, nothing named": [
        ("crop the shot tighter", ["crop"], None, SUBJECT),
        ("a closer crop would help", ["crop"], None, SUBJECT),
        ("crop so there is less background", ["crop"], None, SUBJECT),
        ("crop it to the main subject", ["crop"], None, SUBJECT),
    ],
    # a zoom that names only the picture is a crop with no shape; a zoom with an amount or nothing still asks
    "a zoom onto the picture itself": [
        ("zoom in on the snapshot", ["crop"], None, SUBJECT),
        ("zoom into this photograph please", ["crop"], None, SUBJECT),
        ("zoom in on the pic, then cool it down", ["crop", "adjust"], None, SUBJECT),
        ("zoom in on the goat", ["crop"], "goat", "cropping to the goat"),                      # unchanged
    ],
    # beside another edit, the crop stays in the order said
    "a bare crop beside another edit": [
        ("crop the picture and make it warmer", ["crop", "adjust"], None, SUBJECT),
        ("take out the bin, then crop the shot", ["remove", "crop"], "bin", SUBJECT),
        ("crop this and boost the contrast", ["crop", "adjust"], None, SUBJECT),
    ],
    # a crop with a shape, a side, a thing or a box keeps its plan; the bare crop beside it goes
    "a crop that says how": [
        ("crop the picture square", ["crop"], None, "1:1"),                                       # unchanged
        ("crop to the cat", ["crop"], "cat", "cropping to the cat"),                               # unchanged
        ("crop the shot and zoom in on the cat", ["crop"], "cat", "cropping to the cat"),          # unchanged
        ("crop the bottom 15%", ["crop"], None, "bottom"),                                         # unchanged
        ("crop out the lamp post", ["remove"], "lamp post", None),                                 # unchanged
    ],
    # a place pointed at, a half, an offer or a crop told or declined is no subject crop
    "not a subject crop": [
        ("crop the photo about here", [], None, "how should i crop"),
        ("crop it in half", [], None, "how should i crop"),
        ("take away the bin, and crop if that helps", ["remove"], "bin", None),
        ("please take the bin out without cropping", ["remove"], "bin", None),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_crop_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


@pytest.mark.parametrize("text", ["crop the picture", "crop it better", "a tighter crop"])
def test_a_crop_with_no_shape_is_the_subject_crop_at_the_photos_shape(text):
    _, plan, sure = actions(text)
    crop = [call for call in plan.calls if call.tool == "crop"]
    assert len(crop) == 1 and crop[0].args.subject and crop[0].args.aspect is None and sure
    assert not [call for call in plan.calls if call.tool == "select"]


@pytest.mark.parametrize("text", ["crop the picture from the left"])
def test_a_side_with_no_amount_takes_a_tenth_and_says_how_to_ask_for_more(text):
    """Without the photo's size as with it (kinds_33): a tenth off that side, said — the share is carried by the crop
    (`CropArgs.cut`, canvas20) where this asked how far before."""
    got, plan, _ = actions(text, PlanningContext())
    assert got == ["crop"] and plan.calls[0].args.cut == {"left": 0.1}, plan.reply
    assert "10%" in plan.reply and "for more" in plan.reply, plan.reply


@pytest.mark.parametrize("text", ["zoom in a bit", "zoom in closer", "zoom in"])
def test_a_zoom_with_no_amount_is_the_subject_crop(text):
    """Geometry round 19: a zoom onto nothing named crops in around the main subject (it used to ask how far)."""
    got, plan, _ = actions(text, PlanningContext())
    assert got == ["crop"] and plan.calls[0].args.subject, plan.reply


def test_zooming_in_and_cropping_together_is_one_subject_crop():
    _, plan, _ = actions("zoom in slightly and crop the photo")
    assert [call.tool for call in plan.calls] == ["crop"] and plan.calls[0].args.subject, plan.reply
    assert "?" not in plan.reply


@pytest.mark.parametrize("text, left", [
    ("crop it better walrus", "walrus"),
    ("a tighter crop please, tilt", "tilt"),
    ("crop it closer, zebra", "zebra"),
    ("crop the photo and stretch", "stretch"),
    ("crop the picture closer and greener", "greener"),
])
def test_a_word_a_crop_with_no_shape_cannot_read_is_said_and_the_plan_is_unsure(text, left):
    """Nothing silent inside a clause: the crop stays, the reply names what was left out, `auto` asks the LLM."""
    _, plan, sure = actions(text)
    assert [call.tool for call in plan.calls] == ["crop"] and plan.calls[0].args.subject, plan.reply
    assert f"“{left}”" in plan.reply and "left it out" in plan.reply and not sure, plan.reply


@pytest.mark.parametrize("text", ["this poster photo needs to be cropped", "can someone crop my pic a bit please",
                                  "crop the shot better please", "crop the shot tighter",
                                  "crop the photo of my grandad's boat"])
def test_the_words_a_crop_with_no_shape_is_said_with_leave_it_sure(text):
    """The kind of picture ('this poster photo') and what it shows ('the photo of …') are read, not left out."""
    _, plan, sure = actions(text)
    assert plan.calls and plan.calls[0].args.subject and sure and "left it out" not in plan.reply, plan.reply


def test_the_picture_and_words_of_their_own_are_no_thing_to_crop_to():
    """'crop the photo and stretch' had cropped to a thing called 'stretch' ("Cropping to the photo and stretch."),
    'crop the picture closer and greener' to one called 'closer'."""
    _, plan, sure = actions("crop the photo and wobble")
    assert [call.tool for call in plan.calls] == ["crop"] and plan.calls[0].args.subject, plan.reply
    assert "“wobble”" in plan.reply and not sure, plan.reply
