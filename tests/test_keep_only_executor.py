"""Keep-only removals through the executor: every person is selected, the kept one is subtracted (grown by the
keep margin), and only the others reach the inpainter — the kept one's pixels come back bit-identical.

The finder is scripted: two "people" are painted pure colours on a real photo (scikit-image's gravel), and it
reports each colour region as a person, so what it finds is exactly what was drawn.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from retouch.agent.executor import Backends, Executor, keep_margin_px
from retouch.agent.plan import (
    InpaintCall, Plan, RefineMaskArgs, RefineMaskCall, SelectArgs, SelectCall, validate_plan,
)
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner
from retouch.agent.policy import resolve_plan
from retouch.tools.builtin_inpainter import BuiltinInpainter
from retouch.tools.errors import RetouchError
from retouch.tools.masks import grow
from retouch.tools.select import Candidate
from tests.support import candidate_of

RED, BLUE = (230, 20, 20), (20, 20, 230)
SIZE = (200, 160)


def _scene() -> tuple[Image.Image, np.ndarray, np.ndarray]:
    """Gravel with a red person on the left and a blue person on the right, 6 px apart."""
    pixels = np.dstack([skdata.gravel()[:SIZE[1], :SIZE[0]]] * 3).copy()
    red = np.zeros(pixels.shape[:2], bool)
    red[40:130, 50:90] = True
    blue = np.zeros_like(red)
    blue[40:130, 96:130] = True
    pixels[red], pixels[blue] = RED, BLUE
    return Image.fromarray(pixels), red, blue


class ColourFinder:
    """Sees each red or blue region as a person."""

    name = "colours"

    def find(self, image: Image.Image, target: str, phrase: str | None = None) -> list[Candidate]:
        pixels = np.asarray(image.convert("RGB")).astype(int)
        found = []
        for colour in (RED, BLUE):
            mask = np.abs(pixels - np.array(colour)).sum(axis=-1) < 60
            if mask.any():
                found.append(candidate_of("person", mask))
        return found

    def inventory(self, image: Image.Image) -> dict[str, int]:
        return {"person": len(self.find(image, "person"))}


class Recording(BuiltinInpainter):
    """The builtin inpainter, keeping a copy of every mask it was handed."""

    def __init__(self) -> None:
        self.masks: list[np.ndarray] = []

    def inpaint(self, image, mask, request, *, progress=None, cancel=None):
        self.masks.append(np.asarray(mask).copy())
        return super().inpaint(image, mask, request, progress=progress, cancel=cancel)


def _run(plan: Plan, image: Image.Image) -> tuple[object, Recording]:
    resolved, _ = resolve_plan(plan)
    inpainter = Recording()
    result = Executor(Backends(_finder=ColourFinder(), _inpainter=inpainter)).run(resolved.calls, image)
    return result, inpainter


def _keep_right_plan() -> Plan:
    plan = RulesPlanner().plan("remove everyone except the person on the right", PlanningContext(image_size=SIZE))
    assert [call.tool for call in plan.calls] == ["select", "select", "refine_mask", "inpaint"], plan
    return plan


def test_the_kept_person_is_untouched_and_the_other_is_filled() -> None:
    image, red, blue = _scene()
    result, inpainter = _run(_keep_right_plan(), image)
    before, after = np.asarray(image), np.asarray(result.images[0])
    kept = grow(np.where(blue, 255, 0).astype(np.uint8), keep_margin_px(SIZE)) > 0
    assert np.array_equal(after[kept], before[kept]), "the kept person (and the margin around them) changed"
    assert inpainter.masks, "nothing was handed to the inpainter"
    handed = inpainter.masks[0] > 0
    assert handed[red].all(), "the other person was not all handed to the inpainter"
    assert not handed[kept].any(), "the kept person's region reached the inpainter"
    assert not (np.abs(after.astype(int) - np.array(RED)).sum(axis=-1) < 60).any(), "the red person is still there"
    assert result.records[1]["kept_margin_px"] == keep_margin_px(SIZE)


def test_a_grow_after_the_subtract_does_not_reach_back_into_the_kept_person() -> None:
    """A removal's refine_mask grows the selection; the kept person is 6 px from the other."""
    image, red, blue = _scene()
    calls = [SelectCall(args=SelectArgs(target="person", all=True)),
             SelectCall(args=SelectArgs(target="person", position="right", subtract=True)),
             RefineMaskCall(args=RefineMaskArgs(grow=20, blur=4))]
    result = Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(calls, image)
    selected = np.asarray(result.mask) > 0
    assert selected[red].all() and not selected[blue].any()
    assert selected[:, 50 - 15].any(), "the grow itself still happened on the free side"


def test_inverting_after_a_subtract_selects_the_kept_person_too() -> None:
    image, red, blue = _scene()
    calls = [SelectCall(args=SelectArgs(target="person", all=True)),
             SelectCall(args=SelectArgs(target="person", position="right", subtract=True)),
             RefineMaskCall(args=RefineMaskArgs(invert=True))]
    result = Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(calls, image)
    selected = np.asarray(result.mask) > 0
    assert selected[blue].all() and not selected[red].any()


def test_a_replayed_journal_reproduces_the_mask() -> None:
    """`retouch apply` runs the journaled calls: the same args give the same mask."""
    image, _, _ = _scene()
    first, _ = _run(_keep_right_plan(), image)
    journaled = {"calls": [{"tool": record["tool"], "args": record["args"]} for record in first.records]}
    assert journaled["calls"][1]["args"]["subtract"] is True
    replayed = validate_plan(journaled, "journal")
    again = Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(replayed.calls, image)
    assert np.array_equal(np.asarray(again.mask), np.asarray(first.mask))


def test_subtract_with_nothing_selected_is_one_clear_line() -> None:
    image, _, _ = _scene()
    calls = [SelectCall(args=SelectArgs(target="person", position="right", subtract=True))]
    with pytest.raises(RetouchError, match="nothing selected to take the person out of") as caught:
        Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(calls, image)
    assert "\n" not in str(caught.value)


def test_keeping_everyone_leaves_nothing_to_remove() -> None:
    image, _, _ = _scene()
    calls = [SelectCall(args=SelectArgs(target="person", position="right")),
             SelectCall(args=SelectArgs(target="person", position="right", subtract=True))]
    with pytest.raises(RetouchError, match="leaves nothing else selected"):
        Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(calls, image)


def test_a_new_select_forgets_what_was_kept() -> None:
    """Only the selection a subtract was made from keeps it out: a fresh select starts over."""
    image, red, blue = _scene()
    calls = [SelectCall(args=SelectArgs(target="person", all=True)),
             SelectCall(args=SelectArgs(target="person", position="right", subtract=True)),
             SelectCall(args=SelectArgs(target="person", position="right"))]
    result = Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(calls, image)
    assert (np.asarray(result.mask) > 0)[blue].all() and not (np.asarray(result.mask) > 0)[red].any()


@pytest.mark.parametrize("args", [
    {"target": "person", "add": True, "subtract": True},
    {"target": "person", "exclude": True, "subtract": True},
    {"target": "", "subtract": True},
    {"target": "person", "subtract": "maybe"},
])
def test_bad_subtract_args_are_refused_by_the_schema(args: dict) -> None:
    with pytest.raises(RetouchError, match="does not match the plan schema"):
        validate_plan({"calls": [{"tool": "select", "args": args}]})


def test_the_schema_offers_subtract() -> None:
    from retouch.agent.plan import plan_schema

    assert "subtract" in plan_schema()["$defs"]["SelectArgs"]["properties"]


def test_inpaint_call_is_last_and_removes() -> None:
    plan = _keep_right_plan()
    assert isinstance(plan.calls[-1], InpaintCall) and plan.calls[-1].args.task == "remove"


def test_a_mask_of_everyone_except_someone_keeps_the_subtraction() -> None:
    """`retouch mask` joins later selections with `add`; a subtracted one must stay a subtraction."""
    from retouch.agent.selection import describe, selection_calls

    calls, _ = selection_calls(RulesPlanner(), "remove everyone except the person on the right",
                               PlanningContext(image_size=SIZE))
    selects = [call.args for call in calls if call.tool == "select"]
    assert [(args.add, args.subtract) for args in selects] == [(False, False), (False, True)]
    image, red, blue = _scene()
    result = Executor(Backends(_finder=ColourFinder(), _inpainter=Recording())).run(calls, image)
    selected = np.asarray(result.mask) > 0
    assert selected[red].all() and not selected[blue].any()
    assert "selected all 2 people (colours), without 1 of 2 people" in describe(result.records, 0.1)


class NamedColourFinder(ColourFinder):
    """Sees the red region as a dog and the blue one as a cat."""

    def find(self, image: Image.Image, target: str, phrase: str | None = None) -> list[Candidate]:
        wanted = {"dog": RED, "cat": BLUE}.get(target)
        pixels = np.asarray(image.convert("RGB")).astype(int)
        if wanted is None:
            return []
        mask = np.abs(pixels - np.array(wanted)).sum(axis=-1) < 60
        return [candidate_of(target, mask)] if mask.any() else []


def test_two_things_put_on_a_new_background_both_stay() -> None:
    image, red, blue = _scene()
    plan = RulesPlanner().plan("put the dog and the cat on a grey background", PlanningContext())
    assert [c.tool for c in plan.calls][:2] == ["select", "select"] and plan.calls[1].args.subtract, plan.calls
    resolved, _ = resolve_plan(plan)
    result = Executor(Backends(_finder=NamedColourFinder(), _inpainter=Recording())).run(resolved.calls, image)
    before, after = np.asarray(image).astype(int), np.asarray(result.images[0].convert("RGB")).astype(int)
    def grown(where: np.ndarray) -> np.ndarray:
        return grow(np.where(where, 255, 0).astype(np.uint8), 12) > 0

    inside = ~grown(~red)                          # the dog's edge is feathered, as with one subject
    assert np.array_equal(after[inside], before[inside])
    assert np.array_equal(after[blue], before[blue])                  # was: the cat painted over with the background
    ground = ~(grown(red) | grown(blue))
    assert np.abs(after[ground] - before[ground]).mean() > 10      # the gravel around them became the new background
