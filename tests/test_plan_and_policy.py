"""The plan contract and the settings policy that fills it."""

from __future__ import annotations

import json

import pytest

from retouch.agent.plan import (
    AdjustArgs, CropArgs, OutpaintArgs, Plan, field_bounds, parse_plan, plan_schema, validate_plan,
)
from retouch.agent.policy import SETTINGS, resolve_plan
from retouch.tools.errors import RetouchError


def _plan(*calls: dict) -> Plan:
    return validate_plan({"calls": list(calls), "reply": "x"})


def test_schema_names_every_tool() -> None:
    text = json.dumps(plan_schema())
    for tool in ("select", "region", "refine_mask", "inpaint", "outpaint", "adjust", "crop", "history", "save"):
        assert f'"{tool}"' in text


def test_round_trip_through_json() -> None:
    plan = _plan({"tool": "select", "args": {"target": "person", "position": "left"}},
                 {"tool": "refine_mask", "args": {}}, {"tool": "inpaint", "args": {"task": "remove"}})
    again = parse_plan(plan.model_dump_json())
    assert again == plan
    assert again.tools() == ["select", "refine_mask", "inpaint"]


@pytest.mark.parametrize("text,needle", [
    ("{", "not valid JSON"),
    ('{"calls": [{"tool": "explode", "args": {}}]}', "calls.0"),
    ('{"calls": [{"tool": "inpaint", "args": {"task": "remove", "strength": 7}}]}', "strength"),
    ('{"calls": [{"tool": "select", "args": {"target": "dog", "colour": "red"}}]}', "colour"),
    ('{"calls": [{"tool": "region", "args": {"box": [10, 10, 5, 50]}}]}', "box"),
    # issue 15: every number is bounded in the contract, for plan files and LLM answers alike
    ('{"calls": [{"tool": "outpaint", "args": {"right": 10000000}}]}', "right"),
    ('{"calls": [{"tool": "outpaint", "args": {"left": -256}}]}', "left"),
    ('{"calls": [{"tool": "outpaint", "args": {"zoom": 0.5}}]}', "zoom"),
    ('{"calls": [{"tool": "outpaint", "args": {"size": [100000, 50]}}]}', "size"),
    ('{"calls": [{"tool": "outpaint", "args": {"aspect": "0:9"}}]}', "above zero"),
    ('{"calls": [{"tool": "crop", "args": {"aspect": "40:1"}}]}', "20:1"),
    ('{"calls": [{"tool": "outpaint", "args": {"sides": ["top", "top"]}}]}', "once"),
    ('{"calls": [{"tool": "crop", "args": {"rotate": 1e308}}]}', "rotate"),
    ('{"calls": [{"tool": "crop", "args": {"box": [-5, 0, 10, 10]}}]}', "box"),
    ('{"calls": [{"tool": "region", "args": {"box": [0, 0, 10, 9999999]}}]}', "box"),
    ('{"calls": [{"tool": "adjust", "args": {"brightness": 100000}}]}', "brightness"),
    ('{"calls": [{"tool": "history", "args": {"action": "revert", "version": 10000000}}]}', "version"),
    ('{"calls": [{"tool": "save", "args": {"path": "out\\u001b]0;pwned\\u0007.png"}}]}', "control characters"),
    ('{"calls": [{"tool": "save", "args": {"path": "a\\u0000.png"}}]}', "control characters"),
])
def test_invalid_plans_are_one_clear_error(text: str, needle: str) -> None:
    with pytest.raises(RetouchError, match=needle):
        parse_plan(text)


def test_policy_fills_only_what_is_unset() -> None:
    plan = _plan({"tool": "select", "args": {"target": "dog"}}, {"tool": "refine_mask", "args": {}},
                 {"tool": "inpaint", "args": {"task": "replace", "prompt": "a cat", "strength": 0.6}})
    resolved, filled = resolve_plan(plan)
    inpaint = resolved.calls[2].args
    assert inpaint.strength == 0.6 and "calls[2].strength" not in filled
    assert inpaint.fill == SETTINGS["replace"].fill == "original_blur"
    assert resolved.calls[1].args.grow == SETTINGS["replace"].grow
    assert "calls[2].fill" in filled and "calls[1].grow" in filled
    assert plan.calls[2].args.fill is None, "the planner's plan is left untouched"


@pytest.mark.parametrize("task,strength,grow", [
    ("remove", 1.0, 14), ("recolor", 0.55, 4), ("add", 0.95, 0), ("cleanup", 0.3, 4),
])
def test_policy_table_rows(task: str, strength: float, grow: int) -> None:
    plan = _plan({"tool": "select", "args": {"target": "thing"}}, {"tool": "refine_mask", "args": {}},
                 {"tool": "inpaint", "args": {"task": task}})
    resolved, _ = resolve_plan(plan)
    assert resolved.calls[2].args.strength == strength
    assert resolved.calls[1].args.grow == grow


def test_fix_face_is_gentler_than_fix_hand() -> None:
    def strength(target: str) -> float:
        plan = _plan({"tool": "select", "args": {"target": target}}, {"tool": "refine_mask", "args": {}},
                     {"tool": "inpaint", "args": {"task": "fix"}})
        return resolve_plan(plan)[0].calls[2].args.strength

    assert strength("hand") == 0.7 and strength("face") == 0.6


def test_keep_colours_caps_strength() -> None:
    plan = _plan({"tool": "select", "args": {"target": "shirt"}}, {"tool": "refine_mask", "args": {}},
                 {"tool": "inpaint", "args": {"task": "replace", "keep_colors": True}})
    assert resolve_plan(plan)[0].calls[2].args.strength <= 0.45


def test_edits_image_flag() -> None:
    assert not _plan({"tool": "history", "args": {"action": "undo"}}).edits_image
    assert _plan({"tool": "adjust", "args": {"brightness": 0.2}}).edits_image


def test_field_bounds_read_the_contract() -> None:
    assert field_bounds(OutpaintArgs, "right") == (0, 16384)
    assert field_bounds(OutpaintArgs, "zoom") == (1, 8)
    assert field_bounds(CropArgs, "rotate") == (-360, 360)
    assert field_bounds(AdjustArgs, "brightness") == (-1, 3)


def test_save_path_is_kept_as_written() -> None:
    plan = _plan({"tool": "save", "args": {"path": "~/Pictures/out.jpg"}})
    assert plan.calls[0].args.path == "~/Pictures/out.jpg"


def test_crop_can_keep_the_selection() -> None:
    plan = _plan({"tool": "select", "args": {"target": "person", "all": True}},
                 {"tool": "crop", "args": {"aspect": "4:5", "keep_selection": True}})
    assert plan.calls[1].args.keep_selection is True
    assert _plan({"tool": "crop", "args": {"aspect": "4:5"}}).calls[0].args.keep_selection is False
