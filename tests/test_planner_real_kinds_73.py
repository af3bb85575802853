"""The lead's mends of round 24 (issue 20): an rgb() colour with a channel above 255 got "not sure" and now gets one line
saying the range; someone's own body part widened or narrowed ('widen his shoulders',
'narrow her waist') was read as the canvas to extend, sure — it is a person reshaped, which no tool here warps, and is
declined as 'make me slimmer' is; the photo widened is still the canvas. Every sentence is written here for the
purpose — none is taken from the real-request corpus."""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_unsupported import RESHAPE_NOTE
from tests.planner_kinds import actions

RESHAPED = ["widen his shoulders", "narrow her waist", "broaden my jaw a little", "widen their hips",
            "stretch her legs"]
CANVAS = ["widen the photo", "widen my photo a bit", "widen it", "stretch my picture to 16:9"]


@pytest.mark.parametrize("text", RESHAPED)
def test_someones_own_shape_widened_is_declined_as_a_reshape(text: str) -> None:
    got, plan, sure = actions(text)
    assert got == [] and sure, (text, plan.reply)
    assert plan.reply.startswith(RESHAPE_NOTE), (text, plan.reply)


@pytest.mark.parametrize("text", CANVAS)
def test_the_photo_widened_is_still_the_canvas(text: str) -> None:
    got, plan, _ = actions(text)
    assert got == ["outpaint"], (text, plan.reply)


@pytest.mark.parametrize("text", ["make the mug rgb(300, 0, 0)", "paint the door rgb(256,1,1) please"])
def test_an_rgb_colour_out_of_range_gets_one_line_that_says_the_range(text: str) -> None:
    got, plan, sure = actions(text)
    assert got == [] and sure, (text, plan.reply)
    assert "0 to 255" in plan.reply and plan.reply.count("\n") == 0, plan.reply


def test_an_rgb_colour_in_range_is_still_that_colour() -> None:
    got, plan, _ = actions("make the mug rgb(200, 30, 30)")
    assert got == ["recolor"] and plan.calls[-1].args.color == "#c81e1e", plan.reply
