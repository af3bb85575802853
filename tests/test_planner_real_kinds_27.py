"""Tone, colour and face-fix wordings that read wrong (issue 20, tone round 14): a property taken away at a place or
in full painted out as a thing, a place dropped from a tone, the direction of 'take the X off' turned round, a topic's
tail read as the head, an edit said as done inside a removal list, a part made darker said bare, red eye said other
ways, a touch-up or a balance after a removal left out, a manner word before a verb. Every sentence is written here for
the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order, what the first select must find (None: not checked)
and what the reply must say (None: not checked). Rows marked "unchanged" planned the same before this round. The
photo is 1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a property taken away at a place, or all of it: a tone, never a thing called 'brightness' painted out
    "a property removed": [
        ("get rid of the brightness in the top right", ["adjust"], None, "darkening the top-right corner"),
        ("remove all of the saturation", ["adjust"], None, "muting the colours"),
        ("take away all of the colour", ["adjust"], None, "black and white"),
        ("erase the colours", ["adjust"], None, "black and white"),
        ("please remove the colour cast", ["enhance"], None, "colour cast"),
        ("remove the cast on her wrist", ["remove"], "cast", None),                               # unchanged
        ("remove the contrast", ["adjust"], None, "reducing the contrast"),                       # unchanged
        ("get rid of the brightness on my puppy's eyes", ["adjust"], "eye", "darkening"),
        ("remove the contrast from the hills", ["adjust"], "hill", "reducing the contrast of all the hills"),
        ("remove the lamp at the top right", ["remove"], "lamp", None),                           # unchanged
    ],
    # a place said with a tone: that part of the photo, never the whole of it
    "a tone at a place": [
        ("lower the brightness of the top left", ["adjust"], None, "darkening the top-left corner"),
        ("make it a bit lighter at the bottom", ["adjust"], None, "brightening the bottom of the photo"),
        ("warm it up on the left", ["adjust"], None, "warming the left of the photo"),
        ("darken the bottom right", ["adjust"], None, "darkening the bottom-right corner"),
        ("darken the boat on the right", ["adjust"], "boat", "the boat on the right"),           # unchanged
        ("brighten the left side", ["adjust"], None, "the left side"),                            # unchanged
        ("make the top darker", ["adjust"], "top", None),                                         # unchanged: a garment
    ],
    # 'take the X off / out of' a thing: the property turned down there
    "a property taken off a thing": [
        ("take the brightness off the lamp post", ["adjust"], "lamp post", "darkening"),
        ("take the contrast out of the clouds", ["adjust"], "sky", "reducing the contrast"),     # the sky: round 15
        ("take the glare off the lamp post", ["remove"], "glare", None),                          # unchanged
    ],
    # a topic's tail is no thing: what follows 'of' is
    "a topic's tail": [
        ("fix the colour quality of the lawn", ["enhance"], "lawn", "of the lawn by what"),
        ("fix the colour of the lawn", ["enhance"], "lawn", None),                                # unchanged
        ("improve the lighting levels on the twins' faces", ["enhance"], "face", "exposure"),
    ],
    # an edit said as done inside a removal list: its own edit, never a thing taken out
    "an edit said as done beside a removal": [
        ("I want the colours corrected and the cables taken out", ["enhance", "remove"], None, "colour cast"),
        ("need the exposure adjusted and the scratch taken away", ["enhance", "remove"], None, "removing the scratch"),
        ("want the bin and the sign taken out", ["remove", "remove"], "bin", None),               # unchanged
    ],
    # a part made darker, lighter or enhanced, said bare: that part
    "a part's tone or enhance said bare": [
        ("darker eyelashes", ["adjust"], "eyelash", "darkening"),
        ("a little brighter teeth please", ["adjust"], "tooth", "brightening"),
        ("darken his eyebrows", ["adjust"], "eyebrow", "darkening"),                              # unchanged
        ("darker please", ["adjust"], None, "darkening the image"),                               # unchanged
        ("enhance lips", ["enhance"], "lip", "enhancing all the lips"),
        ("improve hands", ["fix"], "hand", None),                                                 # unchanged: a fix
    ],
    # red eye said other ways: the red-eye fix
    "red eye said other ways": [
        ("red-eye removal for this picture please", ["fix"], "eye", "fixing the eyes"),
        ("the camera flash left my nephew with red eyes", ["fix"], "eye", "fixing the eyes"),
        ("my dog has red eyes", ["fix"], "eye", "fixing the eyes"),
        ("bright glowing eyes", ["fix"], "eye", "fixing the eyes"),
        ("apply a red eye fix", ["fix"], "eye", "fixing the eyes"),
        ("red eye removal and more warmth", ["fix", "adjust"], "eye", "warming the image"),
        ("red eye removal and the usual", ["fix"], "eye", "left it out"),
        ("red eyes please", [], None, None),                                                      # unchanged: asked
        ("please fix her red eyes and the blemish on her chin", ["fix", "remove"], "eye", "removing"),
        ("fix the red eyes and the scuff marks", ["fix", "remove"], "eye", "removing all the scuff marks"),
        ("fix the hands and eyes for my sister and me", ["fix", "fix"], "hand", None),          # "me": who, no edit
        ("give the robot red eyes", ["recolor"], None, "red"),                                    # unchanged
        ("fix the red eyes", ["fix"], "eye", None),                                               # unchanged
    ],
    # a touch-up, a balance or a tone after a removal: its own edit, never lost nor painted out
    "an edit after a removal": [
        ("erase the kite and touch this snapshot up", ["remove", "enhance"], "kite", "enhancing"),
        ("remove the ladder and balance the dull sky", ["remove", "enhance"], "ladder", "the sky"),
        ("take out the bollard, evenly tone her cheeks", ["remove", "enhance"], "bollard", "evening out"),
        ("remove the lamp and gently brighten the sky", ["remove", "adjust"], "lamp", "brightening the sky"),
        ("remove the ladder and the bucket", ["remove", "remove"], "ladder", None),               # unchanged
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_tone_kinds_27(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_place_is_a_region_and_the_tone_is_masked_to_it():
    _, plan, sure = actions("make it a bit lighter at the bottom")
    region, adjust = plan.calls
    assert region.tool == "region" and region.args.side == "bottom" and region.args.fraction == pytest.approx(0.3333)
    assert adjust.args.brightness == pytest.approx(0.15) and adjust.args.masked and sure


def test_a_corner_is_a_box_of_a_third_each_way():
    _, plan, _ = actions("get rid of the brightness in the top right")
    region, adjust = plan.calls
    assert region.args.box == (800, 0, 1200, 266)
    assert adjust.args.brightness == pytest.approx(-0.25) and adjust.args.masked


def test_a_corner_with_no_photo_size_is_the_corner():
    """Without the photo's size the corner is named for the executor to box (`RegionArgs.corner`), not widened to the
    strip it is in (issue 20, clauses21: the strip was a workaround for a contract that could not say a corner)."""
    got, plan, _ = actions("darken the bottom right", PlanningContext())
    assert got == ["adjust"] and plan.calls[0].args.corner == "bottom-right" and plan.calls[0].args.side is None
    assert "bottom-right corner" in plan.reply


def test_taking_a_property_off_turns_it_down():
    _, plan, _ = actions("take the brightness off the lamp post")
    select, adjust = plan.calls
    assert select.args.target == "lamp post" and adjust.args.brightness < 0 and adjust.args.masked


def test_an_edit_said_as_done_beside_a_removal_is_sure_and_in_order():
    _, plan, sure = actions("I want the colours corrected and the cables taken out")
    tools = [call.tool for call in plan.calls]
    assert tools[0] == "enhance" and "white_balance" in plan.calls[0].args.parts
    assert plan.calls[1].args.target == "cable" and sure


def test_a_red_eye_fixed_with_a_verb_names_its_flaw():
    _, plan, _ = actions("please fix her red eyes and the blemish on her chin")
    fixes = [call for call in plan.calls if call.tool == "inpaint" and call.args.task == "fix"]
    assert [call.args.flaw for call in fixes] == ["red_eye"]


def test_a_told_red_eye_is_the_flaw_fix_not_a_recolour():
    _, plan, _ = actions("my dog has red eyes")
    (inpaint,) = [call for call in plan.calls if call.tool == "inpaint"]
    assert inpaint.args.task == "fix" and inpaint.args.flaw == "red_eye"
