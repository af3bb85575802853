"""Words said beside a selection, and the amounts they carry (issue 20, found by other engineers).

A selection made since the last edit — pointed at, a `--mask` file, "select the dog" — is what "make this
darker", "darken the selection", a bare "remove" and "remove this dog" act on. A mask left over from an
edit is not: after "remove the dog", "make it brighter" still brightens the picture. And the number said is
the number used: "grow it by 10 px" grows by 10, "rotate it five" turns 5°.
"""

from __future__ import annotations

import pytest

from retouch.agent.plan import validate_plan
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.policy import settings_for

PLANNER = RulesPlanner()
POINTED = PlanningContext(image_size=(800, 600), has_selection=True, fresh_selection=True)
LEFT_OVER = PlanningContext(image_size=(800, 600), has_selection=True)
NONE = PlanningContext(image_size=(800, 600))


def calls(text: str, context: PlanningContext) -> list[tuple[str, dict]]:
    plan = PLANNER.plan(text, context)
    validate_plan(plan.model_dump())
    return [(call.tool, call.args.model_dump(exclude_none=True, exclude_defaults=True)) for call in plan.calls]


@pytest.mark.parametrize("text, amounts", [
    ("make this darker", {"brightness": -0.25}),
    ("darken the selection", {"brightness": -0.25}),
    ("brighten it", {"brightness": 0.25}),
    ("give this a bit more contrast", {"contrast": 0.15}),
    ("make the selected area warmer", {"warmth": 0.25}),
])
def test_a_tone_change_on_this_is_masked_to_the_selection(text, amounts):
    assert calls(text, POINTED) == [("adjust", {**amounts, "masked": True})]


@pytest.mark.parametrize("text", ["make this darker", "brighten it"])
def test_a_mask_left_over_from_an_edit_is_not_what_it_means(text):
    assert [tool for tool, _ in calls(text, LEFT_OVER)] == ["adjust"]
    assert "masked" not in calls(text, LEFT_OVER)[0][1]


def test_the_whole_picture_named_is_the_whole_picture():
    assert calls("make the whole photo brighter", POINTED) == [("adjust", {"brightness": 0.25})]


@pytest.mark.parametrize("text", ["remove", "remove it please", "erase", "remove this dog", "get rid of this bin"])
def test_remove_alone_or_this_thing_removes_the_selection(text):
    assert calls(text, POINTED) == [("refine_mask", {}), ("inpaint", {"task": "remove"})]


def test_without_a_selection_remove_alone_asks_and_this_dog_is_found():
    plan = PLANNER.plan("remove", NONE)
    assert not plan.calls and plan.reply.startswith("What should I remove?")
    assert calls("remove this dog", NONE)[0] == ("select", {"target": "dog"})
    assert calls("remove this dog", LEFT_OVER)[0] == ("select", {"target": "dog"})


@pytest.mark.parametrize("text, color", [("make this one navy", "navy"), ("paint that part red", "red")])
def test_recolouring_this_one_recolours_the_selection(text, color):
    assert calls(text, POINTED) == [("refine_mask", {}), ("inpaint", {"task": "recolor", "prompt": color,
                                                                         "color": color})]


@pytest.mark.parametrize("text, refine", [
    ("grow it by 10 px", {"grow": 10}),
    ("grow the selection by 3 pixels", {"grow": 3}),
    ("shrink it by 4 px", {"shrink": 4}),
    ("make it bigger by 12 px", {"grow": 12}),
    ("make it smaller", {"shrink": 8}),
    ("feather the edges by 5", {"blur": 5}),
])
def test_a_selection_grows_by_exactly_the_pixels_said(text, refine):
    plan = PLANNER.plan(text, POINTED)
    assert calls(text, POINTED) == [("refine_mask", refine)]
    amount = next(iter(refine.values()))
    assert f"{amount} px" in plan.reply


def test_after_a_removal_grow_it_redoes_it_with_the_mask_grown_by_that_much_more():
    last = PLANNER.plan("remove the dog", NONE)
    after = PlanningContext(image_size=(800, 600), last_plan=last)
    got = calls("grow it by 10 px", after)
    assert got[0] == ("history", {"action": "undo"})
    grown = next(args for tool, args in got if tool == "refine_mask")
    assert grown["grow"] == settings_for("remove", "dog").grow + 10
    assert "10 px" in PLANNER.plan("grow it by 10 px", after).reply


def test_a_mask_amount_out_of_range_is_asked_about():
    plan = PLANNER.plan("make it bigger by 1000 px", POINTED)
    assert not plan.calls and "512" in plan.reply and "1000" in plan.reply


def test_grow_said_after_an_edit_sets_its_mask():
    got = calls("remove the dog and grow it by 10 px", NONE)
    assert ("refine_mask", {"grow": 10}) in got
    assert "10 px" in PLANNER.plan("remove the dog and grow it by 10 px", NONE).reply


@pytest.mark.parametrize("text, degrees", [("rotate it five", 5.0), ("rotate it by twenty", 20.0),
                                           ("rotate five degrees", 5.0), ("rotate it forty five", 45.0),
                                           ("rotate it", 90.0)])
def test_a_number_word_after_rotate_is_the_angle(text, degrees):
    assert calls(text, NONE) == [("crop", {"rotate": degrees})]


@pytest.mark.parametrize("text", ["rotate it one eighty", "rotate it two times"])
def test_number_words_that_make_no_angle_are_asked_about(text):
    plan = PLANNER.plan(text, NONE)
    assert not plan.calls and "?" in plan.reply


@pytest.mark.parametrize("text", ["crop to this", "zoom in on it", "crop it tight around this"])
def test_a_crop_to_this_crops_to_the_selection(text):
    assert calls(text, POINTED) == [("crop", {"keep_selection": True})]
