"""'Trim the white border', 'remove the black bars': the canvas cropped to the picture inside a plain border
(crop trim), not a thing called 'bar' or 'frame' found and painted over. Sentences written here for the purpose.

A border noun ('border', 'margins', 'letterbox') is the photo's own edge whatever comes before it; a frame, bars
or edges are the photo's border only with a colour said before them or the photo said after them — 'remove the
picture frame on the wall' is a thing in the scene and stays a removal."""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, first_target

TRIMS = [
    ("trim the white border", "white"),
    ("please trim off the white borders", "white"),
    ("remove the black bars", "black"),
    ("remove the black bars at the top and bottom", "black"),
    ("crop out the black edges", "black"),
    ("get rid of the white frame around the photo", "white"),
    ("can you get rid of the frame around this photo", "plain"),
    ("remove the edges around the image", "plain"),
    ("cut off the white margins", "white"),
    ("remove the border", "plain"),
    ("delete the ugly grey border from the scan", "plain"),
    ("remove the letterbox bars", "plain"),
    ("remove the letterboxing", "plain"),
    ("crop away the blank space around the screenshot", "plain"),
    ("remove this white border from around my scan", "white"),
]


@pytest.mark.parametrize(("text", "colour"), TRIMS)
def test_a_plain_border_is_a_trim(text: str, colour: str) -> None:
    got, plan, _ = actions(text)
    assert got == ["crop"], (text, plan.reply)
    assert plan.calls[0].args.trim is True and plan.calls[0].args.box is None and plan.calls[0].args.aspect is None
    assert f"trimming the {colour} border" in plan.reply.lower(), plan.reply
    assert plan.calls[0].args.border == (None if colour == "plain" else colour)    # a colour named is held to


def test_a_trim_then_another_edit_is_two_steps() -> None:
    got, plan, _ = actions("trim the white border and brighten it")
    assert got == ["crop", "adjust"] and plan.calls[0].args.trim is True


@pytest.mark.parametrize(("text", "target"), [
    ("remove the picture frame on the wall", "picture frame"),
    ("remove the bars on the window", "bar"),
    ("remove the frame around the picture", "frame"),
])
def test_a_frame_or_bars_in_the_scene_stay_a_removal(text: str, target: str) -> None:
    got, plan, _ = actions(text)
    assert got == ["remove"], (text, plan.reply)
    assert first_target(plan) == target
    assert not any(call.tool == "crop" for call in plan.calls)


@pytest.mark.parametrize("text", ["add a white border", "add a black frame around the photo",
                                  "don't crop the border", "crop the edges",
                                  "remove the frame from the painting", "remove the white border from the logo",
                                  "remove the black frame on the wall", "soften the white edges"])
def test_look_alikes_are_no_trim(text: str) -> None:
    _, plan, _ = actions(text)
    assert not any(call.tool == "crop" and call.args.trim for call in plan.calls), (text, plan.reply)


@pytest.mark.parametrize("text", ["remove the \x1b[31mwhite border\x1b[0m", "trim the " + "white " * 500 + "border",
                                  "remove the border" + "!" * 2000, "trim the nan border", "", "border"])
def test_hostile_words_plan_something_valid_or_nothing(text: str) -> None:
    got, plan, _ = actions(text)                                # actions() validates the plan against the contract
    assert all(call.tool != "crop" or call.args.trim in (True, False) for call in plan.calls)
