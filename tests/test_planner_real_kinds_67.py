"""The lead's mends of round 23 (issue 20): a tone or a measured correction of the whole photo asked beside keeping the
background ('brighten it, but leave the background as it is') brightened the background too — and, once bg23 noted the
background as kept, said so while changing it. The change now goes on the person in front, as every background edit
assumes the subject is; an edit that already has its own selection, or a removal, is left as it was. Every sentence is
written here for the purpose — none is taken from the real-request corpus.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions


@pytest.mark.parametrize("text", [
    "lighten it but leave the backdrop as it is",
    "warm the shot up without changing the background",
    "make it a bit darker and keep the background untouched",
    "enhance this but leave the background intact",
])
def test_a_whole_photo_tone_beside_a_kept_background_goes_on_the_subject(text: str) -> None:
    _, plan, _ = actions(text)
    tones = [call for call in plan.calls if call.tool in ("adjust", "enhance")]
    selects = [call for call in plan.calls if call.tool == "select"]
    assert tones and all(call.args.masked for call in tones), (text, plan.reply)
    assert [(call.args.target, call.args.exclude) for call in selects] == [("person", False)], (text, plan.reply)
    assert "the image" not in plan.reply and "the photo" not in plan.reply.split("—")[0], plan.reply


@pytest.mark.parametrize("text,target,tool", [
    ("lighten the bride but keep the backdrop as it is", "bride", "adjust"),     # its own selection: unchanged
    ("erase the lamp post, leave the background", "lamp post", "inpaint"),     # a removal: unchanged
])
def test_an_edit_with_its_own_thing_is_left_as_it_was(text: str, target: str, tool: str) -> None:
    _, plan, _ = actions(text)
    assert [call.args.target for call in plan.calls if call.tool == "select"] == [target], plan.reply
    assert any(call.tool == tool for call in plan.calls), plan.reply


def test_a_plain_whole_photo_tone_still_covers_the_photo() -> None:
    _, plan, _ = actions("lighten it a little")
    assert [call.tool for call in plan.calls] == ["adjust"] and not plan.calls[0].args.masked, plan.reply


@pytest.mark.parametrize("text,kept", [
    ("whiten his teeth and eyes please", "tooth"),
    ("make the girl's teeth and eyes whiter", "tooth"),
])
def test_eyes_made_white_in_a_list_are_asked_about_as_alone(text: str, kept: str) -> None:
    """'whiten her eyes' alone was already a question (no finder tells the whites from the irises); in a list the eyes
    were recoloured white all the same — the irises painted over. The other things of the list are still done."""
    _, plan, _ = actions(text)
    assert [call.args.target for call in plan.calls if call.tool == "select"] == [kept], plan.reply
    assert "whites of the eyes" in plan.reply, plan.reply


def test_a_list_with_no_own_colour_part_is_recoloured_whole() -> None:
    _, plan, _ = actions("make the mailbox and the door green")
    assert [call.args.target for call in plan.calls if call.tool == "select"] == ["mailbox", "door"], plan.reply


@pytest.mark.parametrize("text,target,position", [
    ("erase one of the bikes", "bike", None),
    ("take out one of the men on the right", "man", "right"),
    ("remove just one of the two vases", "vase", None),
    ("make one of the mugs blue", "mug", None),
])
def test_one_of_several_is_one_thing_never_all(text: str, target: str, position: str | None) -> None:
    """'one of the bikes' took every bike the finder saw; it is one now, and the finder's 'which one?' decides when it
    sees more. A count said after it ('one of the two vases') is how many there are, not how many to take."""
    _, plan, _ = actions(text)
    selects = [call.args for call in plan.calls if call.tool == "select"]
    assert [(args.target, args.position, args.all, args.count) for args in selects] == [(target, position, False, None)]
    assert "one of the" in plan.reply.lower(), plan.reply


@pytest.mark.parametrize("text,want", [
    ("remove two of the bikes", (2, False)),          # unchanged: a count
    ("remove all of the bikes", (None, True)),        # unchanged: all
])
def test_a_count_or_all_is_unchanged(text: str, want: tuple) -> None:
    _, plan, _ = actions(text)
    (args,) = [call.args for call in plan.calls if call.tool == "select"]
    assert (args.count, args.all) == want, plan.reply


@pytest.mark.parametrize("text,part", [
    ("the light is all wrong", "exposure"),
    ("honestly the saturation looks weird", "vibrance"),
    ("the warmth seems off", "white_balance"),
])
def test_the_photo_said_wrong_in_a_property_is_its_measured_correction(text: str, part: str) -> None:
    """'the light is all wrong' brightened a thing called 'wrong'; 'the saturation is weird' made a thing called 'weird'
    more colourful. The photo's property said to be wrong is that property measured and corrected."""
    got, plan, _ = actions(text)
    assert got == ["enhance"], plan.reply
    (enhance,) = [call for call in plan.calls if call.tool == "enhance"]
    assert enhance.args.parts == [part] and not enhance.args.masked, plan.reply
    assert not [call for call in plan.calls if call.tool == "select"], plan.reply
