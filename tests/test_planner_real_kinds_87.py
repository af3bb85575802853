"""The lead's mends of round 27 (issue 20): a sequence word right after a person said as its subject ('I *finally* caught
my cat sneezing', 'we *then* drove home') is an adverb of the story, not the start of a new edit — cut there, the
subject was left out as a clause of its own ("I didn't understand “I”"); and 'everywhere' after a thing is where it
is, not the thing; a tint asked of "this" with something selected tints the selection. Every sentence is written here for the purpose —
none is taken from the real-request corpus."""

from __future__ import annotations

import pytest

from retouch.agent.planner.base import PlanningContext
from tests.planner_kinds import actions

SELECTED = PlanningContext(image_size=(640, 480), has_selection=True, fresh_selection=True)

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


@pytest.mark.parametrize(("text", "warmth"), [("give this an orange tint", 0.25), ("add a slight blue hue to it", -0.15)])
def test_a_warm_or_cool_tint_of_this_warms_the_selection(text: str, warmth: float) -> None:
    """A click on the rabbit, then 'give this an orange tint': its warmth, masked — before, the whole photo's (which the
    command line refuses beside a point)."""
    got, plan, _ = actions(text, SELECTED)
    (call,) = plan.calls
    assert got == ["adjust"] and call.args.masked and call.args.warmth == pytest.approx(warmth), plan


def test_another_tint_of_this_washes_the_selection_part_of_the_way() -> None:
    got, plan, _ = actions("give it a green tint", SELECTED)
    assert [call.tool for call in plan.calls] == ["refine_mask", "inpaint"], plan
    assert plan.calls[-1].args.color == "green" and plan.calls[-1].args.color_share == pytest.approx(0.25), plan


@pytest.mark.parametrize("text", ["give it a green tint", "give this an orange tint"])
def test_with_nothing_selected_a_tint_of_it_is_still_the_photos(text: str) -> None:
    got, plan, _ = actions(text)
    assert not any(call.tool == "select" for call in plan.calls), plan
    assert not any(getattr(call.args, "masked", False) for call in plan.calls if call.tool == "adjust"), plan
