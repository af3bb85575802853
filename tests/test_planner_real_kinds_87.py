"""The lead's mends of round 27 (issue 20): a sequence word right after a person said as its subject ('I *finally* caught
my cat sneezing', 'we *then* drove home') is an adverb of the story, not the start of a new edit — cut there, the
subject was left out as a clause of its own ("I didn't understand “I”"); and 'everywhere' after a thing is where it
is, not the thing. Every sentence is written here for the purpose —
none is taken from the real-request corpus."""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions

TOLD = [
    ("I finally got my parrot mid-flight. Could someone brighten it?", ["adjust"]),
    ("We then walked to the pier. Could you brighten it?", ["adjust"]),
    ("She finally agreed to a photo, can you remove the bin behind her", ["remove"]),
    ("He finally smiled for once. Can someone remove the bin behind him?", ["remove"]),
]
SEQUENCED = [
    ("remove the bin, then brighten it", ["remove", "adjust"]),
    ("remove the bin and finally brighten the photo", ["remove", "adjust"]),
    ("brighten it then crop it", ["adjust", "crop"]),
    ("erase the sign, lastly make it warmer", ["remove", "adjust"]),
]


@pytest.mark.parametrize(("text", "want"), TOLD)
def test_a_sequence_word_after_a_person_is_part_of_the_story(text: str, want: list[str]) -> None:
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)
    assert "didn't understand" not in plan.reply, plan.reply


@pytest.mark.parametrize(("text", "want"), SEQUENCED)
def test_a_sequence_word_between_edits_still_starts_one(text: str, want: list[str]) -> None:
    got, plan, _ = actions(text)
    assert got == want, (text, plan.reply)


@pytest.mark.parametrize("text", ["remove the scratches everywhere", "get rid of all the little specks everywhere",
                                  "please erase the stickers everywhere on the fridge"])
def test_everywhere_after_a_thing_is_where_it_is_not_the_thing(text: str) -> None:
    """'the scratches everywhere': 'everywhere' says where they are — the finder looks for the scratches, all of them;
    before, it looked for a thing called 'everywhere'."""
    got, plan, _ = actions(text)
    selects = [call for call in plan.calls if call.tool == "select"]
    assert got == ["remove"] and selects and "everywhere" not in selects[0].args.target, plan
    assert selects[0].args.all, plan


def test_the_canvas_grown_everywhere_is_still_every_side() -> None:
    got, plan, _ = actions("extend the canvas everywhere")
    assert got == ["outpaint"], plan.reply
