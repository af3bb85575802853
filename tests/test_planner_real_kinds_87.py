"""The lead's mends of round 27 (issue 20): a sequence word right after a person said as its subject ('I *finally* caught
my cat sneezing', 'we *then* drove home') is an adverb of the story, not the start of a new edit — cut there, the
subject was left out as a clause of its own ("I didn't understand “I”"). Every sentence is written here for the purpose —
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
