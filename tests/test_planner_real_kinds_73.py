"""The lead's mends of round 24 (issue 20): someone's own body part widened or narrowed ('widen his shoulders',
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
