"""The auto planner: the rules when they are confident, the LLM (over loopback HTTP) for the rest.

The LLM here is the cassette server of test_planner_llm (real recorded answers of a local model);
every test counts the requests it received, so "the LLM was not asked" is checked, not assumed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from retouch.agent import registry
from retouch.agent.plan import Plan, validate_plan
from retouch.agent.planner.auto import LLM_NOTE, AutoPlanner, accept, plausible
from retouch.agent.planner.base import Planner, PlanningContext
from retouch.agent.planner.llm_http import OpenAICompatiblePlanner
from retouch.agent.planner.rules import RulesPlanner
from tests.test_planner_llm import CassetteServer, free_port, recorded_requests

RULES = RulesPlanner()
CONFIDENT = ["remove the man on the left", "make it brighter", "swap the dog for a cat", "undo", "hi", "help",
             "what is this?", "make it look like a painting", "remove the noise", ""]
UNSURE = ["Purify the visual content.", "get that bicycle outta here", "the dog should be a cat",
          "I'd love it if the bicycle was not there"]


@pytest.fixture
def server():
    with CassetteServer() as running:
        yield running


@pytest.fixture(autouse=True)
def _fresh_backends():
    """auto without options reads the config file once, when loaded; the registry keeps that
    instance for the process (in its model cache) — each test here has its own config, so its own
    instances."""
    from retouch.tools.models.cache import MODELS

    MODELS.drop("planner backend")
    yield
    MODELS.drop("planner backend")


# ---- the rules' confidence -------------------------------------------------------------------------


@pytest.mark.parametrize("text", CONFIDENT)
def test_rules_are_confident_about_what_they_read_or_deliberately_refuse(text):
    plan, confident = RULES.plan_with_confidence(text)
    assert confident, plan.reply
    assert plan == RULES.plan(text)


@pytest.mark.parametrize("text", UNSURE)
def test_rules_are_unsure_when_nothing_was_recognised(text):
    plan, confident = RULES.plan_with_confidence(text)
    assert not confident and plan.calls == []
    assert plan == RULES.plan(text)


def test_rules_are_unsure_when_part_of_the_request_went_unread():
    plan, confident = RULES.plan_with_confidence("remove the dog, and make the sky feel more alive")
    assert plan.calls and not confident


def test_confidence_never_raises():
    plan, confident = RULES.plan_with_confidence(None)                      # type: ignore[arg-type]
    assert plan == RULES.plan(None) and isinstance(confident, bool)          # type: ignore[arg-type]


# ---- auto ------------------------------------------------------------------------------------------


def test_without_an_llm_auto_is_the_rules():
    auto = AutoPlanner(None)
    assert isinstance(auto, Planner) and auto.name == "auto"
    for text in CONFIDENT + UNSURE:
        assert auto.plan(text) == RULES.plan(text)


def test_confident_requests_never_reach_the_llm(server):
    auto = AutoPlanner(OpenAICompatiblePlanner(server.url))
    for text in CONFIDENT:
        result = auto.plan_detailed(text)
        assert result.source == "rules" and result.plan == RULES.plan(text)
    assert server.requests == []


def test_unsure_requests_ask_the_llm_once_each(server):
    auto = AutoPlanner(OpenAICompatiblePlanner(server.url))
    texts = [text for text in recorded_requests("qwen0.5b_auto_unsure")      # (the rules have since learnt
             if not RULES.plan_with_confidence(text)[1]]                    #  some: "needs more punch")
    assert len(texts) >= 4
    for text in texts:
        before = len(server.requests)
        result = auto.plan_detailed(text)
        assert len(server.requests) - before in (1, 2)                      # the request (+ one repair)
        assert result.source in ("llm", "rules-kept")
        validate_plan(result.plan.model_dump())
        if result.source == "llm":
            assert result.plan.calls and result.plan.reply.endswith(LLM_NOTE)
            assert accept(Plan(calls=result.plan.calls), text)
        else:
            assert result.plan == RULES.plan(text)                          # the honest "not sure" answer
    assert {auto.plan_detailed(t).source for t in texts} == {"llm", "rules-kept"}, \
        "the recording has both outcomes: a plan that was used and one that was not"


def test_a_plan_that_selects_something_unnamed_is_not_used():
    text = "Purify the visual content."
    invented = Plan.model_validate({"calls": [{"tool": "select", "args": {"target": "person"}},
                                              {"tool": "refine_mask", "args": {}},
                                              {"tool": "inpaint", "args": {"task": "remove"}}],
                                    "reply": "Removing the person."})
    assert not plausible(invented, text)
    assert plausible(invented, "the people should go")
    assert plausible(Plan.model_validate({"calls": [{"tool": "adjust", "args": {"contrast": 0.2}}]}), text)

    class Inventor:
        name = "inventor"

        def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
            return invented

    result = AutoPlanner(Inventor()).plan_detailed(text)
    assert result.source == "rules-kept" and result.plan == RULES.plan(text)


def _plan(*calls: tuple[str, dict]) -> Plan:
    return Plan.model_validate({"calls": [{"tool": t, "args": a} for t, a in calls], "reply": "x"})


@pytest.mark.parametrize("plan, text, expected", [
    # recorded from Qwen2.5-Coder-0.5B on requests the rules could not read (benchmarks/planner_eval.py)
    (_plan(("crop", {"aspect": "16:9"})), "Absorb the raindrops.", False),
    (_plan(("crop", {"aspect": "16:9"})), "the photo needs more punch", False),
    (_plan(("select", {"target": "bicycle"})), "I'd love it if the bicycle was not there", False),
    (_plan(("history", {"action": "undo"})), "make it pop", False),
    (_plan(("adjust", {"saturation": -0.3})), "tone down the colours", True),
    (_plan(("crop", {"box": [0, 0, 10, 10]})), "cut off the bottom third", True),
    (_plan(("history", {"action": "undo"})), "scrap that last change", True),
    (_plan(("outpaint", {"left": 128})), "give it more room on the left", True),
    (_plan(("select", {"target": "dog"}), ("refine_mask", {}), ("inpaint", {"task": "remove"})),
     "dispose of the dogs", True),
    (_plan(("select", {"target": "person"}), ("refine_mask", {}), ("inpaint", {"task": "remove"})),
     "Purify the visual content.", False),
    # recorded from Qwen2.5-Coder-1.5B: the right action on everything *but* the thing
    (_plan(("select", {"target": "power lines", "exclude": True}), ("refine_mask", {}),
           ("inpaint", {"task": "remove"})), "I'd love it if the power lines weren't there", False),
    (_plan(("select", {"target": "person", "exclude": True}), ("refine_mask", {}),
           ("inpaint", {"task": "background", "background": "blur"})), "blur everything but the person", True),
])
def test_auto_accepts_only_plans_the_words_ask_for(plan, text, expected):
    assert accept(plan, text) is expected


def test_an_llm_that_is_down_leaves_the_rules_answer_without_a_second_note():
    auto = AutoPlanner(OpenAICompatiblePlanner(f"http://127.0.0.1:{free_port()}/v1", timeout=5))
    result = auto.plan_detailed("get that bicycle outta here")
    assert result.source == "rules-kept" and result.llm.status == "error"
    assert result.plan == RULES.plan("get that bicycle outta here")


def test_an_invalid_llm_answer_leaves_the_rules_answer(server):
    class Unsure(RulesPlanner):                         # make the rules unsure of a synthetic cassette's text
        def plan_with_confidence(self, text, context=None):
            return super().plan_with_confidence(text, context)[0], False

    auto = AutoPlanner(OpenAICompatiblePlanner(server.url))
    auto.rules = Unsure()
    result = auto.plan_detailed("remove the lamp post")                    # two invalid answers
    assert result.source == "rules-kept" and result.llm.status == "invalid"
    assert result.plan == RULES.plan("remove the lamp post")
    assert len(server.requests) == 2


# ---- registry and CLI ------------------------------------------------------------------------------


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("RETOUCH_CONFIG", str(path))


def test_auto_uses_the_llm_section_of_the_config(server, tmp_path, monkeypatch):
    _config(tmp_path, monkeypatch, "")
    assert registry.load("planner", "auto").llm is None
    _config(tmp_path, monkeypatch, f'[backends.llm]\nurl = "{server.url}"\n')
    from retouch.agent.builtin_backends import _auto_planner

    auto = _auto_planner()
    assert isinstance(auto.llm, OpenAICompatiblePlanner) and auto.llm.base_url == server.url
    own = _auto_planner(url=server.url, model="other")
    assert own.llm.model == "other"


def test_cli_plan_with_auto(server, run_cli, tmp_path, monkeypatch):
    _config(tmp_path, monkeypatch, f'planner = "auto"\n[backends.llm]\nurl = "{server.url}"\n')
    code, out, err = run_cli("plan", "make it brighter", "--json")
    assert code == 0, err
    assert validate_plan(json.loads(out)).tools() == ["adjust"]
    assert server.requests == []                                          # the rules were sure
    text = next(t for t in recorded_requests("qwen0.5b_auto_unsure")
                if AutoPlanner(OpenAICompatiblePlanner(server.url)).plan_detailed(t).source == "llm")
    server.requests.clear()
    code, out, err = run_cli("plan", text, "--json")
    assert code == 0, err
    plan = validate_plan(json.loads(out))
    assert plan.calls and LLM_NOTE in plan.reply
    assert len(server.requests) >= 1


# ---- issue 11: the rules are unsure exactly where they are weak -------------------------------------------


class CountingLLM:
    """A stand-in LLM backend that only counts what auto asks it (its plans are never good enough to use)."""

    name = "counting"

    def __init__(self) -> None:
        self.asked: list[str] = []

    def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
        self.asked.append(text)
        return Plan(calls=[], reply="")


@pytest.mark.parametrize("text", [
    "Zoom out Swap the sky for a sunset",                 # a run-on line the rules now read whole
    "remove the watermark add a border",
    "erase the also brighten everything",                 # a name that names nothing: the rules ask the user
    "extend 10000000 pixels to the right",                # a number out of range: the rules ask the user
    "zoom out 0.5x",
    "straighten by 3 degrees but don't cut off the corners",
    "crop it to 4:5 but keep both people",
    "can you uncrop this?",
])
def test_requests_the_rules_read_whole_never_reach_the_llm(text):
    llm = CountingLLM()
    result = AutoPlanner(llm).plan_detailed(text)
    assert result.source == "rules" and llm.asked == []


@pytest.mark.parametrize("text", [
    "remove the dog, and make the sky feel more alive",   # a clause with an edit word the rules could not read
    "remove the add",                                     # the name is a command word
    "Purify the visual content.",                         # nothing recognised
])
def test_requests_the_rules_are_weak_on_go_to_the_llm(text):
    llm = CountingLLM()
    result = AutoPlanner(llm).plan_detailed(text)
    assert llm.asked == [text] and result.source == "rules-kept"


def test_an_llm_never_replaces_a_question_about_a_number():
    """A model asked about "zoom out 0.5x" could answer zoom 2 — a silent change; auto never asks it."""
    class Fixer(CountingLLM):
        def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
            self.asked.append(text)
            return Plan.model_validate({"calls": [{"tool": "outpaint", "args": {"zoom": 2}}], "reply": "Zooming out."})

    llm = Fixer()
    result = AutoPlanner(llm).plan_detailed("zoom out 0.5x")
    assert result.plan.calls == [] and "0.5" in result.plan.reply and llm.asked == []


def test_escape_sequences_never_reach_the_llm_through_auto():
    llm = CountingLLM()
    AutoPlanner(llm).plan_detailed("\x1b[31mPurify\x1b[0m the visual content 42.")
    assert llm.asked and "\x1b" not in llm.asked[0] and "31" not in llm.asked[0] and "42" in llm.asked[0]
