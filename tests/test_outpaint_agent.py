"""Outpainting through the agent: a plan or words in, a new version of the right size out, every
stage in the journal."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.agent.agent import Agent
from retouch.agent.plan import validate_plan
from retouch.agent.session import JOURNAL, Session
from tests.support import DATA
from retouch.tools.errors import RetouchError


@pytest.fixture
def agent(tmp_path: Path) -> Agent:
    """A session on a small odd-sized crop of the bunny photo (161×121)."""
    with Image.open(DATA / "bunny.jpeg") as opened:
        small = opened.convert("RGB").resize((224, 197), Image.Resampling.LANCZOS).crop((31, 38, 192, 159))
    path = tmp_path / "bunny-small.png"
    small.save(path)
    return Agent(Session.create(tmp_path / "session", path))


def _journal(agent: Agent) -> list[dict]:
    return [json.loads(line) for line in (agent.session.root / JOURNAL).read_text().splitlines()]


def test_a_plan_with_outpaint_makes_a_new_version_and_journals_the_stages(agent: Agent) -> None:
    plan = validate_plan({"calls": [{"tool": "outpaint", "args": {"aspect": "16:9", "seed": 5}}],
                          "reply": "Extending to 16:9."})
    outcome = agent.apply(plan, words="make it 16:9")
    assert outcome.new_versions == [1]
    result = agent.current_image()
    assert result.size == (215, 121)
    with Image.open(agent.session.version_path(0)) as original:
        x0 = (215 - 161) // 2
        assert np.array_equal(np.asarray(result)[:, x0:x0 + 161], np.asarray(original.convert("RGB")))
    entry = _journal(agent)[-1]
    record = entry["calls"][0]
    assert record["tool"] == "outpaint" and record["seed"] == 5
    assert [stage["side"] for stage in record["stages"]] == ["left", "right"]
    assert record["size"] == [215, 121] and record["original_box"] == [27, 0, 188, 121]
    resolved = entry["resolved"]["calls"][0]["args"]
    assert resolved["step"] == 192 and resolved["overlap"] == 96, "the policy filled the staging"


def test_sides_reach_the_tool(agent: Agent) -> None:
    plan = validate_plan({"calls": [{"tool": "outpaint", "args": {"aspect": "16:9", "sides": ["right"],
                                                                  "seed": 1}}]})
    agent.apply(plan)
    record = _journal(agent)[-1]["calls"][0]
    assert [stage["side"] for stage in record["stages"]] == ["right"]
    assert record["original_box"] == [0, 0, 161, 121]


def test_an_impossible_request_writes_nothing(agent: Agent) -> None:
    plan = validate_plan({"calls": [{"tool": "outpaint", "args": {"aspect": "161:121"}}]})
    with pytest.raises(RetouchError, match="already"):
        agent.apply(plan)
    assert agent.session.head == 0 and len(_journal(agent)) == 1


def test_replaying_the_resolved_plan_gives_the_same_pixels(agent: Agent) -> None:
    agent.apply(validate_plan({"calls": [{"tool": "outpaint", "args": {"top": 40}}]}))
    first = np.asarray(agent.current_image())
    resolved = validate_plan(_journal(agent)[-1]["resolved"])
    assert resolved.calls[0].args.seed is not None, "the seed that ran is recorded"
    agent.undo()
    agent.apply(resolved)
    assert np.array_equal(np.asarray(agent.current_image()), first)


@pytest.mark.parametrize("words,size,sides", [
    ("extend the image 256 pixels to the right", (417, 121), ["right", "right"]),
    ("make it 16:9", (215, 121), ["left", "right"]),
    ("zoom out 1.5x", (242, 182), ["left", "right", "top", "bottom"]),
])
def test_words_through_the_rules_planner(agent: Agent, words: str, size: tuple[int, int], sides: list[str]) -> None:
    outcome = agent.handle(words, seed=3)
    assert outcome.changed, outcome.reply
    assert agent.current_image().size == size
    record = _journal(agent)[-1]["calls"][0]
    assert record["tool"] == "outpaint"
    assert [stage["side"] for stage in record["stages"]] == sides
