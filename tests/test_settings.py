"""Every inpaint and outpaint setting is declared once (tools/settings.py); the plan's fields, the
request a backend gets, the command-line flags, the config file's keys and the policy's defaults
are derived from that declaration — checked here field by field, and by adding a setting."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from retouch.agent.config import load_config, validate_tool_settings
from retouch.agent.plan import InpaintArgs, OutpaintArgs, field_bounds, validate_plan
from retouch.agent.policy import SETTINGS, resolve_plan, varies_by_task
from retouch.tools.errors import RetouchError
from retouch.tools.inpaint import InpaintRequest
from retouch.tools.settings import INPAINT_DEFAULTS, InpaintSettings, OutpaintSettings, declared

INPAINT = declared(InpaintSettings)
OUTPAINT = declared(OutpaintSettings)


def _parser() -> argparse.ArgumentParser:
    from retouch.tui.cli import build_parser

    return build_parser()


def test_the_plan_s_fields_are_the_declared_settings_in_order() -> None:
    assert list(InpaintArgs.model_fields) == ["task", *(item.name for item, _, _ in INPAINT), "keep_colors", "flaw",
                                               "leftovers"]
    assert list(OutpaintArgs.model_fields)[-len(OUTPAINT):] == [item.name for item, _, _ in OUTPAINT]


@pytest.mark.parametrize("model,settings", [(InpaintArgs, INPAINT), (OutpaintArgs, OUTPAINT)],
                         ids=["inpaint", "outpaint"])
def test_each_plan_field_has_the_declared_bounds_and_description_and_starts_unset(model, settings) -> None:
    for item, _, about in settings:
        field = model.model_fields[item.name]
        assert field.description == about.description
        assert field_bounds(model, item.name) == (about.low, about.high)
        assert field.default == ("" if item.default == "" else None), item.name


def test_the_request_is_the_declaration_with_its_defaults() -> None:
    request = InpaintRequest(task="remove")
    for item, _, _ in INPAINT:
        assert getattr(request, item.name) == item.default == getattr(INPAINT_DEFAULTS, item.name)
    assert {f.name for f in fields(InpaintRequest)} == {item.name for item, _, _ in INPAINT} | {"task", "flaw", "exclude", "extra"}


def test_every_declared_flag_is_on_the_command_line_and_forces_its_setting() -> None:
    from retouch.agent.config import Config
    from retouch.tui.commands.inpaint_options import apply_inpaint_options

    flagged = [(item, kind, about) for item, kind, about in INPAINT if about.flag]
    assert {item.name for item, _, _ in flagged} == {
        "negative_prompt", "strength", "fill", "full_resolution", "padding", "mask_blur", "steps", "guidance",
        "variations", "cleanup_strength"}
    for command in ("edit", "run", "apply"):
        help_text = _parser()._subparsers._group_actions[0].choices[command].format_help()
        for _, _, about in flagged:
            assert about.flag in help_text, (command, about.flag)
    argv = []
    for item, kind, about in flagged:
        if kind is bool:
            argv.append(f"--no-{about.flag[2:]}")
        else:
            argv += [about.flag, str(about.high if about.high is not None else "original" if item.name == "fill"
                                     else "words")]
    args = _parser().parse_args(["edit", "photo.png", "remove it", *argv])
    config = Config()
    apply_inpaint_options(args, config)
    forced = config.settings.overrides["inpaint"]
    assert set(forced) == {item.name for item, _, _ in flagged}
    assert forced["full_resolution"] is False and forced["steps"] == 500 and forced["fill"] == "original"


def test_help_says_per_task_exactly_where_the_policy_varies() -> None:
    help_text = " ".join(_parser()._subparsers._group_actions[0].choices["edit"].format_help().split())
    for item, _, about in INPAINT:
        if not about.flag:
            continue
        varies = len({getattr(row, item.name) for row in SETTINGS.values()}) > 1
        assert varies_by_task(item.name) == varies
        if not varies and item.default not in ("", None):
            shown = {True: "on", False: "off"}.get(item.default, str(item.default))
            assert f"(default: {shown})" in help_text, item.name


@pytest.mark.parametrize("tool,settings", [("inpaint", INPAINT), ("outpaint", OUTPAINT)])
def test_plan_config_file_and_flags_hold_every_number_to_the_same_bounds(tool, settings, tmp_path: Path) -> None:
    """A value just past a declared bound is refused by a plan file, the config file and (for the
    flagged ones) the command line alike; the bound itself is accepted by all three."""
    from retouch.agent.config import Config
    from retouch.tui.commands.inpaint_options import apply_inpaint_options

    base = {"task": "remove"} if tool == "inpaint" else {"right": 10}
    for item, kind, about in settings:
        if kind not in (int, float) or about.high is None:
            continue
        for value, ok in ((about.high, True), (about.high + (1 if kind is int else 0.5), False),
                          (about.low, True), (about.low - 1, False)):
            value = kind(value)
            plan = {"calls": [{"tool": tool, "args": {**base, item.name: value}}]}
            config_file = tmp_path / f"{item.name}.toml"
            config_file.write_text(f"[{tool}]\n{item.name} = {value}\n")
            if ok:
                validate_plan(plan)
                assert load_config(config_file).settings.defaults[tool] == {item.name: value}
            else:
                with pytest.raises(RetouchError, match=item.name):
                    validate_plan(plan)
                with pytest.raises(RetouchError, match=f"{item.name} = {value}"):
                    load_config(config_file)
            if about.flag:
                args = _parser().parse_args(["edit", "photo.png", "x", about.flag, str(value)])
                if ok:
                    apply_inpaint_options(args, Config())
                else:
                    with pytest.raises(RetouchError, match=f"^{about.flag} {value} is not allowed"):
                        apply_inpaint_options(args, Config())


def test_the_policy_fills_every_policy_setting_from_the_row_or_the_declaration() -> None:
    plan = validate_plan({"calls": [{"tool": "region", "args": {"box": [0, 0, 10, 10]}},
                                    {"tool": "inpaint", "args": {"task": "replace", "prompt": "a cat"}},
                                    {"tool": "outpaint", "args": {"right": 10}}]})
    resolved, filled = resolve_plan(plan)
    inpaint, outpaint = resolved.calls[1].args, resolved.calls[2].args
    for item, _, about in INPAINT:
        if about.policy:
            assert getattr(inpaint, item.name) == getattr(SETTINGS["replace"], item.name)
            assert f"calls[1].{item.name}" in filled
        else:
            assert f"calls[1].{item.name}" not in filled
    assert (inpaint.padding, inpaint.steps, inpaint.guidance) == (32, 30, 7.5), "declared, not per task"
    assert (outpaint.step, outpaint.overlap, outpaint.seed) == (192, 96, None)
    assert inpaint.seed is None, "an unset seed stays unset: the executor draws a new one"


def test_a_new_setting_is_one_declaration(tmp_path: Path) -> None:
    """Add a setting to the declaration (in a fresh interpreter, before anything reads it) and it is a
    plan field with its bounds, a config key, a flag, a request field and a policy default."""
    probe = r'''
import dataclasses, json, sys
from retouch.tools import settings

@dataclasses.dataclass
class WithSharpen(settings.InpaintSettings):
    sharpen: float = settings.setting(0.25, "How much to sharpen the new pixels.", low=0, high=2,
                                      flag="--sharpen", metavar="S")

settings.InpaintSettings = WithSharpen
from retouch.agent.config import Config, validate_tool_settings
from retouch.agent.plan import InpaintArgs, field_bounds, validate_plan
from retouch.agent.policy import resolve_plan
from retouch.tools.inpaint import InpaintRequest
from retouch.tui.cli import build_parser
from retouch.tui.commands.inpaint_options import apply_inpaint_options

plan = validate_plan({"calls": [{"tool": "inpaint", "args": {"task": "remove"}}]})
resolved, filled = resolve_plan(plan)
args = build_parser().parse_args(["edit", "p.png", "x", "--sharpen", "1.5"])
config = Config()
apply_inpaint_options(args, config)
try:
    validate_tool_settings("inpaint", {"sharpen": 3})
    refused = False
except Exception:
    refused = True
print(json.dumps({"bounds": field_bounds(InpaintArgs, "sharpen"), "resolved": resolved.calls[0].args.sharpen,
                  "filled": "calls[0].sharpen" in filled, "flag": config.settings.overrides["inpaint"],
                  "config_refuses": refused, "request": InpaintRequest(task="remove").sharpen}))
'''
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"bounds": [0, 2], "resolved": 0.25, "filled": True,
                                       "flag": {"sharpen": 1.5}, "config_refuses": True, "request": 0.25}


def test_config_keys_are_the_plan_fields() -> None:
    for tool, settings in (("inpaint", INPAINT), ("outpaint", OUTPAINT)):
        for item, _, _ in settings:
            assert validate_tool_settings(tool, {item.name: item.default}) == {item.name: item.default}
    with pytest.raises(RetouchError, match="no setting 'sharpen'"):
        validate_tool_settings("inpaint", {"sharpen": 1})


@pytest.mark.parametrize("fill", ["\x1b[31mred", "", "x" * 41, "Telea", "latent noise", "../../etc", "nan"])
def test_a_hostile_or_unknown_fill_is_refused_by_the_schema(fill: str) -> None:
    with pytest.raises(RetouchError, match="fill"):
        validate_plan({"calls": [{"tool": "inpaint", "args": {"task": "remove", "fill": fill}}]})


@pytest.mark.parametrize("declaration,error", [
    ({"device": "tpu"}, "device must be one of cpu, gpu-preferred"),
    ({"fills": "telea"}, "fills is a tuple of names"),
    ({"fills": ("telea", "telea")}, "each fill may be named once"),
    ({"fills": ("Telea\x1b[0m",)}, "lower-case letters"),
    ({"options": "radius"}, "options is a tuple of names"),
])
def test_a_capability_declaration_is_checked_when_it_is_made(declaration: dict, error: str) -> None:
    from retouch.tools.capabilities import InpainterCapabilities

    with pytest.raises((TypeError, ValueError), match=error.replace("[", r"\[")):
        InpainterCapabilities(**declaration)
