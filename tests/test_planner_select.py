"""Selection as a request of its own, and what the CLI and chat do with it."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules import RulesPlanner
from tests.support import DATA

PLANNER = RulesPlanner()


@pytest.mark.parametrize("words,expected", [
    ("select the dog", [("select", {"target": "dog"})]),
    ("mask the person on the left", [("select", {"target": "person", "position": "left"})]),
    ("highlight the faces", [("select", {"target": "face", "all": True})]),
    ("select the two men on the right", [("select", {"target": "man", "position": "right", "count": 2})]),
    ("pick the second girl from the left", [("select", {"target": "girl", "position": "left", "ordinal": 2})]),
    ("find the cat and the dog", [("select", {"target": "cat", "add": False}),
                                  ("select", {"target": "dog", "add": True})]),
    ("select the person on the right too", [("select", {"target": "person", "position": "right", "add": True})]),
    ("select the left half", [("region", {"side": "left", "fraction": 0.5})]),
])
def test_select_only_plans(words: str, expected: list) -> None:
    plan = PLANNER.plan(words, PlanningContext())
    assert [call.tool for call in plan.calls] == [tool for tool, _ in expected]
    for call, (_, args) in zip(plan.calls, expected):
        for key, value in args.items():
            assert getattr(call.args, key) == value, (words, key)
    assert plan.reply.startswith("Selecting")


@pytest.mark.parametrize("words", ["square", "square please", "make it square"])
def test_bare_square_extends_to_one_to_one(words: str) -> None:
    plan = PLANNER.plan(words, PlanningContext())
    assert plan.tools() == ["outpaint"] and plan.calls[0].args.aspect == "1:1"


def test_edit_that_only_selects_writes_no_output(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", DATA / "image.png", "select the left half", "-o", out,
                           "--session", tmp_path / "s")
    assert code == 1 and "nothing was edited" in err and not out.exists()


def test_select_then_remove_it_in_a_script(run_cli, tmp_path: Path) -> None:
    script = tmp_path / "edits.txt"
    script.write_text("select the left half\nremove it\n")
    out = tmp_path / "out.png"
    code, _, err = run_cli("run", script, "--image", DATA / "image.png", "-o", out, "--session", tmp_path / "s")
    assert code == 0, err
    from tests.support import pixels

    changed = np.any(pixels(out) != pixels(DATA / "image.png"), axis=2)
    assert changed[:, :100].mean() > 0.5 and not changed[:, 180:].any()


def test_chat_tints_the_selection_and_mask_toggles_it(tmp_path: Path) -> None:
    from retouch.agent.session import Session
    from tests.test_chat import _chat, _say, _until

    session = Session.create(tmp_path / "session", DATA / "image.png")

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            plain = np.asarray(app.query_one("#preview").shown, np.int16)
            await _say(pilot, app, "select the left half")
            tinted = np.asarray(app.query_one("#preview").shown, np.int16)
            assert session.head == 0, "a selection is not a new version"
            assert np.abs(tinted[:, :100] - plain[:, :100]).mean() > 20, "the left half is tinted"
            assert np.array_equal(tinted[:, 160:], plain[:, 160:])
            await _say(pilot, app, "/mask")
            assert np.array_equal(np.asarray(app.query_one("#preview").shown, np.int16), plain)

    asyncio.run(run())
