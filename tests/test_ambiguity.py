""""Remove the person" on a photo of two people is a question, never a silent guess.

The photo is tests/data/image.png pasted twice side by side (512×256): the same woman on the left
and on the right, so her hand-drawn mask marks where each one stands. The CLI stops with the
choices in one line (or `--pick` decides), the agent takes the answer as the next turn, and the
chat shows the question as its reply.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from retouch.agent.agent import Agent
from retouch.agent.executor import Backends
from retouch.agent.session import Session, default_sessions_root
from retouch.agent.planner.answers import read_answer
from retouch.tools.ambiguity import ambiguity
from retouch.tools.candidates import Candidate
from retouch.tools.errors import AmbiguousTarget, RetouchError
from retouch.tools.select import select
from retouch.tools.spatial import pick
from tests.support import DATA, pixels, two_people

QUESTION = "I see 2 people — the left one, the right one, or both?"
CLI_LINE = (f"retouch: error: {QUESTION} Add 'on the left', 'on the right' or 'both', "
            "or pass --pick largest|all|first.\n")
HALF = 256


@pytest.fixture(scope="module")
def truth() -> np.ndarray:
    return np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127


@pytest.fixture
def pair(tmp_path: Path) -> Path:
    return two_people(tmp_path)


@pytest.fixture(autouse=True)
def _no_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETOUCH_CONFIG", os.devnull)


@pytest.fixture(scope="module")
def finder():
    from retouch.tools.finders.embedded import EmbeddedFinder

    return EmbeddedFinder()


@pytest.fixture
def agent(tmp_path: Path, pair: Path, finder) -> Agent:
    session = Session.create(tmp_path / "session", pair)
    return Agent(session, backends=Backends(finder_name="embedded", _finder=finder))


def removed(before: np.ndarray, after: np.ndarray, truth: np.ndarray) -> tuple[bool, bool]:
    """Whether the left and the right woman are gone: most of her pixels changed."""
    changed = np.abs(after.astype(int) - before.astype(int)).sum(axis=2) > 30
    return tuple(bool(changed[:, side][truth].mean() > 0.6) for side in (slice(0, HALF), slice(HALF, 2 * HALF)))


def edit_mask(session: Session, number: int) -> np.ndarray:
    return np.asarray(Image.open(session.root / "masks" / f"v{number:03d}.png")) > 127


def covers(mask: np.ndarray, truth: np.ndarray) -> tuple[bool, bool]:
    """Whether the edit's mask holds the left / the right woman."""
    return tuple(bool((mask[:, side] & truth).sum() >= 0.95 * truth.sum())
                 for side in (slice(0, HALF), slice(HALF, 2 * HALF)))


# ---- the command line -------------------------------------------------------------------------


def test_edit_stops_with_the_choices_in_one_line_and_writes_nothing(run_cli, pair, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, stdout, err = run_cli("edit", pair, "remove the person", "-o", out)
    assert (code, stdout, err) == (1, "", CLI_LINE)
    assert not out.exists()
    assert not default_sessions_root().exists() or not any(default_sessions_root().iterdir())


def test_pick_all_removes_both_and_says_how_it_chose(run_cli, pair, truth, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", pair, "remove the person", "--pick", "all", "-o", out)
    assert code == 0, err
    assert removed(pixels(pair), pixels(out), truth) == (True, True)
    assert "note: 2 people matched; the pick policy 'all' took all of them" in err


def test_pick_first_removes_one_and_leaves_the_other_untouched(run_cli, pair, truth, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", pair, "remove the person", "--pick", "first", "-o", out)
    assert code == 0, err
    before, after = pixels(pair), pixels(out)
    gone = removed(before, after, truth)
    assert sorted(gone) == [False, True], "exactly one of them: the finder's best match"
    kept = slice(HALF, None) if gone[0] else slice(0, HALF)
    assert np.array_equal(before[:, kept], after[:, kept])
    assert "the pick policy 'first' took the best match" in err


def test_words_that_say_which_need_no_question(run_cli, pair, truth, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", pair, "remove the person on the right", "-o", out)
    assert code == 0, err
    assert removed(pixels(pair), pixels(out), truth) == (False, True) and "note:" not in err
    code, _, err = run_cli("edit", pair, "remove both people", "-o", tmp_path / "both.png")
    assert code == 0 and removed(pixels(pair), pixels(tmp_path / "both.png"), truth) == (True, True)


def test_one_person_is_never_a_question(run_cli, tmp_path) -> None:
    code, _, err = run_cli("edit", DATA / "image.png", "remove the person", "-o", tmp_path / "out.png")
    assert code == 0 and "Removing the person." in err


def test_mask_asks_the_same_question(run_cli, pair, truth, tmp_path) -> None:
    out = tmp_path / "m.png"
    code, _, err = run_cli("mask", pair, "the person", "-o", out)
    assert (code, err) == (1, CLI_LINE) and not out.exists()
    code, _, err = run_cli("mask", pair, "the person", "-o", out, "--pick", "largest")
    assert code == 0, err
    mask = np.asarray(Image.open(out)) > 127
    left, right = mask[:, :HALF], mask[:, HALF:]
    one, other = (left, right) if left.any() else (right, left)
    assert (one & truth).sum() >= 0.7 * truth.sum() and not other.any(), "one of them, not both"
    assert "selected 1 of 2 people" in err and "the pick policy 'largest' took the largest" in err


def test_run_names_the_line_and_apply_replays_a_plan_with_the_choices(run_cli, pair, tmp_path) -> None:
    script = tmp_path / "edits.txt"
    script.write_text("make it brighter\nremove the person\n", encoding="utf-8")
    code, _, err = run_cli("run", script, "--image", pair, "-o", tmp_path / "out.png")
    assert code == 1 and err.startswith("[1] Brightening")
    assert err.splitlines(keepends=True)[-1] == \
        f"retouch: error: edits.txt line 2 ('remove the person'): {CLI_LINE.removeprefix('retouch: error: ')}"
    code, plan, _ = run_cli("plan", "remove the person", "--json")
    (tmp_path / "plan.json").write_text(plan, encoding="utf-8")
    code, _, err = run_cli("apply", tmp_path / "plan.json", "--image", pair, "-o", tmp_path / "a.png")
    assert (code, err) == (1, CLI_LINE)
    code, _, err = run_cli("apply", tmp_path / "plan.json", "--image", pair, "--pick", "all", "-o", tmp_path / "a.png")
    assert code == 0 and (tmp_path / "a.png").exists(), err


def test_the_config_file_can_set_a_pick_policy(run_cli, pair, truth, tmp_path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    monkeypatch.setenv("RETOUCH_CONFIG", str(config))
    config.write_text('pick = "all"\n', encoding="utf-8")
    code, _, err = run_cli("edit", pair, "remove the person", "-o", tmp_path / "out.png")
    assert code == 0 and removed(pixels(pair), pixels(tmp_path / "out.png"), truth) == (True, True)
    code, _, err = run_cli("edit", pair, "remove the person", "--pick", "first", "-o", tmp_path / "one.png")
    assert code == 0 and sorted(removed(pixels(pair), pixels(tmp_path / "one.png"), truth)) == [False, True], \
        "the flag beats the file"
    config.write_text('pick = "biggest\\u001b[2J"\n', encoding="utf-8")
    code, _, err = run_cli("edit", pair, "remove the person", "-o", tmp_path / "bad.png")
    assert code == 1 and err.count("\n") == 1 and "is not a pick policy" in err and "\x1b" not in err


# ---- the agent: the answer is the next turn ----------------------------------------------------


def test_the_left_one_removes_the_left_person_only(agent, pair, truth) -> None:
    with pytest.raises(AmbiguousTarget) as asked:
        agent.handle("remove the person")
    assert asked.value.question == QUESTION and asked.value.choices == ["the left one", "the right one", "both"]
    assert agent.session.head == 0 and agent.pending is not None
    outcome = agent.answer("the left one")
    assert outcome.new_versions == [1] and outcome.reply == "Removing the person — the left one."
    assert covers(edit_mask(agent.session, 1), truth) == (True, False)
    before, after = pixels(pair), pixels(agent.session.version_path())
    assert removed(before, after, truth) == (True, False)
    assert np.array_equal(before[:, HALF:], after[:, HALF:])
    entry = agent.session.last_edit()
    assert entry["words"] == "remove the person (the left one)"
    assert entry["resolved"]["calls"][0]["args"]["position"] == "left", "the journal says which, for replay"
    assert agent.pending is None


@pytest.mark.parametrize("answer, left, right", [
    ("both", True, True), ("all of them", True, True), ("right", False, True), ("the second", False, True),
    ("remove the one on the left", True, False), ("the first one please", True, False),
    ("the last one", False, True), ("2", False, True),
])
def test_answers_people_give(agent, truth, answer, left, right) -> None:
    with pytest.raises(AmbiguousTarget):
        agent.handle("remove the person")
    agent.answer(answer)
    assert covers(edit_mask(agent.session, 1), truth) == (left, right)


def test_an_answer_that_decides_nothing_repeats_the_choices(agent) -> None:
    with pytest.raises(AmbiguousTarget):
        agent.handle("remove the person")
    # the two are copies: same size, same height, equally near — none of these tells them apart
    for text in ("the bigger one", "the top one", "the one in front", "the third", "purple", "", "\x1b[2J"):
        with pytest.raises(RetouchError) as caught:
            agent.answer(text)
        assert QUESTION in str(caught.value) and "\x1b" not in str(caught.value), text
        assert agent.pending is not None and agent.session.head == 0
    assert agent.answer("the right one").new_versions == [1]


def test_a_new_request_never_mind_and_undo_drop_the_question(agent) -> None:
    with pytest.raises(AmbiguousTarget):
        agent.handle("remove the person")
    outcome = agent.answer("make it brighter")
    assert outcome.new_versions == [1] and "Brightening" in outcome.reply and agent.pending is None
    with pytest.raises(RetouchError, match="there is no question to answer"):
        agent.answer("the left one")
    with pytest.raises(AmbiguousTarget):
        agent.handle("remove the person")
    assert agent.answer("never mind").new_versions == [] and agent.pending is None
    with pytest.raises(AmbiguousTarget):
        agent.handle("remove the person")
    agent.undo()
    assert agent.pending is None


def test_a_planner_cannot_choose_a_pick_policy(agent) -> None:
    """Only the user sets a policy (flag, config): a planner's `pick` is dropped, so it still asks."""
    from retouch.agent.plan import validate_plan

    class Guessing:
        name = "guessing"

        def plan(self, words, context):
            return validate_plan({"calls": [{"tool": "select", "args": {"target": "person", "pick": "first"}},
                                            {"tool": "inpaint", "args": {"task": "remove"}}]})

    agent._planner = Guessing()
    with pytest.raises(AmbiguousTarget):
        agent.handle("remove the person")
    assert agent.session.head == 0


def test_only_the_rest_of_the_plan_runs_after_the_answer(agent) -> None:
    """"brighten it, then remove the person" — the brightening is not done twice."""
    from retouch.agent.plan import validate_plan

    plan = validate_plan({"calls": [{"tool": "adjust", "args": {"brightness": 0.3}},
                                    {"tool": "save", "args": {"path": str(agent.session.root / "bright.png")}},
                                    {"tool": "select", "args": {"target": "person"}},
                                    {"tool": "refine_mask", "args": {}},
                                    {"tool": "inpaint", "args": {"task": "remove", "leftovers": "none"}}],
                          "reply": "OK."})
    with pytest.raises(AmbiguousTarget):
        agent.apply(plan, words="brighten, save, remove the person")
    assert agent.session.head == 1 and (agent.session.root / "bright.png").exists()
    (agent.session.root / "bright.png").unlink()
    outcome = agent.answer("right")
    assert outcome.new_versions == [2] and not (agent.session.root / "bright.png").exists()
    assert [call["tool"] for call in agent.session.last_edit()["resolved"]["calls"]] == ["select", "refine_mask",
                                                                                         "inpaint"]


# ---- questions and answers on synthetic layouts -------------------------------------------------


def _things(*boxes: tuple[int, int, int, int], label: str = "dog") -> list[Candidate]:
    return [Candidate(label, box, attributes={"name": "ABCDEFG"[i]}) for i, box in enumerate(boxes)]


def _names(chosen: list[Candidate]) -> str:
    return "".join(c.attributes["name"] for c in chosen)


def _chosen(text: str, things: list[Candidate], size: tuple[int, int]) -> str:
    question = ambiguity(things, size, things[0].label)
    answer = read_answer(text, question)
    assert answer is not None, text
    return _names(pick(things, size, **answer.updates))


def test_three_in_a_row() -> None:
    row = _things((10, 10, 50, 50), (130, 10, 170, 50), (250, 10, 290, 50))
    question = ambiguity(row, (300, 100), "dog")
    assert question.question == "I see 3 dogs — the left one, the one in the middle, the right one, or all three?"
    assert "Add 'on the left', 'in the middle', 'on the right' or 'all'" in str(question)
    assert _chosen("the one in the middle", row, (300, 100)) == "B" == _chosen("middle", row, (300, 100))
    assert _chosen("all three", row, (300, 100)) == "ABC"
    assert _chosen("the two on the left", row, (300, 100)) == "AB"
    assert _chosen("the second from the right", row, (300, 100)) == "B"
    with pytest.raises(RetouchError, match="not two"):
        read_answer("both", question)


def test_one_above_the_other_is_top_and_bottom() -> None:
    stack = _things((40, 200, 80, 240), (40, 10, 80, 50))
    question = ambiguity(stack, (100, 300), "cup")
    assert question.choices == ["the top one", "the bottom one", "both"]
    assert _chosen("the top one", stack, (100, 300)) == "B"
    assert _chosen("the second", stack, (100, 300)) == "A", "counted the way the question listed them"
    with pytest.raises(RetouchError, match="doesn't pick one"):
        read_answer("the left one", question)


def test_size_decides_only_when_the_sizes_differ() -> None:
    big_and_small = _things((10, 10, 110, 110), (200, 40, 240, 80))
    assert _chosen("the bigger one", big_and_small, (300, 200)) == "A"
    assert _chosen("the smaller one", big_and_small, (300, 200)) == "B"
    twins = _things((10, 10, 60, 60), (200, 10, 250, 60))
    with pytest.raises(RetouchError, match="same size"):
        read_answer("the larger one", ambiguity(twins, (300, 200), "dog"))


def test_many_are_counted_from_the_left() -> None:
    five = _things(*[(x, 10, x + 20, 30) for x in (0, 50, 100, 150, 200)])
    question = ambiguity(five, (250, 50), "bird")
    assert question.question == ("I see 5 birds — the first from the left, the second, the third, the fourth, "
                                 "the fifth, or all 5?")
    assert len(question.choices) == 6 and question.choices[3] == "the fourth from the left"
    assert _chosen("the 4th", five, (250, 50)) == "D" == _chosen("number 4", five, (250, 50))
    assert _chosen("the last one", five, (250, 50)) == "E"
    with pytest.raises(RetouchError, match="only 5"):
        read_answer("the sixth", question)


def test_a_describing_phrase_is_a_qualifier_but_the_bare_name_is_not() -> None:
    class TwoMen:
        name = "synthetic"

        def find(self, image, target, phrase=None):
            first, second = _things((0, 0, 40, 40), (60, 0, 100, 40), label=target)
            first.score = second.score = 0.5
            if phrase and "blue" in phrase:
                second.score = 0.9  # a finder that reads the phrase ranks the man in blue first
            return [first, second]

        def inventory(self, image):
            return {"man": 2}

    image = Image.new("RGB", (100, 40))
    chosen = select(image, TwoMen(), target="man", phrase="man in the blue shirt").chosen
    assert _names(chosen) == "B"
    for phrase in (None, "man", "the man"):
        with pytest.raises(AmbiguousTarget):
            select(image, TwoMen(), target="man", phrase=phrase)
    with pytest.raises(RetouchError, match="pick policy 'most'"):
        select(image, TwoMen(), target="man", pick="most")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_reply_is_an_answer_no_answer_or_one_clear_error(text: str) -> None:
    row = _things((10, 10, 50, 50), (130, 10, 170, 50), (250, 10, 290, 50))
    question = ambiguity(row, (300, 100), "dog")
    try:
        answer = read_answer(text, question)
    except RetouchError as exc:
        assert "\n" not in str(exc) and question.question in str(exc)
        return
    if answer is not None and not answer.cancel:
        assert 1 <= len(pick(row, (300, 100), **answer.updates)) <= 3


# ---- the chat ---------------------------------------------------------------------------------


def test_the_chat_asks_and_takes_the_answer_as_the_next_line(pair, truth, tmp_path, finder) -> None:
    from retouch.tui.chat.app import RetouchChat

    session = Session.create(tmp_path / "chat", pair)
    app = RetouchChat(session, lambda s: Agent(s, backends=Backends(finder_name="embedded", _finder=finder)),
                      renderer="halfcell")

    def log() -> str:
        """One entry a line (the screen wraps them at the panel's width)."""
        from rich.text import Text

        return "\n".join(Text.from_markup(entry).plain for entry in app.query_one("#log").entries)

    async def until(pilot, condition, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            assert time.monotonic() < deadline, "timed out waiting for the chat"
            await pilot.pause(0.05)

    async def say(pilot, text: str) -> None:
        app.query_one("#prompt").value = text
        await pilot.press("enter")
        await pilot.pause(0.05)
        await until(pilot, lambda: not app.busy and len(app.workers) == 0)

    async def run() -> None:
        async with app.run_test(size=(140, 45)) as pilot:
            await until(pilot, app.agent_ready.is_set)
            await say(pilot, "remove the person")
            assert f"retouch {QUESTION}" in log() and "error" not in log()
            assert session.head == 0
            await say(pilot, "hmm, the left one")
            assert session.head == 1 and "retouch Removing the person — the left one." in log()
            assert covers(edit_mask(session, 1), truth) == (True, False)
            await say(pilot, "/undo")
            await say(pilot, "remove the person")
            await say(pilot, "purple")
            assert "isn't one of the choices" in log() and session.head == 0
            await say(pilot, "both")
            assert session.head == 2

    asyncio.run(run())
    journal = [json.loads(line) for line in (session.root / "journal.jsonl").read_text().splitlines()]
    assert [e["words"] for e in journal if e.get("kind") == "edit"] == [
        "remove the person (the left one)", "remove the person (both)"]


def test_the_tool_takes_canonical_values_and_reads_no_words() -> None:
    """Words → values is the planner's (agent.planner.answers); the tool chooses from values."""
    import retouch.tools.ambiguity as tool
    from retouch.tools.ambiguity import choose

    assert not hasattr(tool, "read_answer")
    row = _things((10, 10, 50, 50), (130, 10, 170, 50), (250, 10, 290, 50))
    question = ambiguity(row, (300, 100), "dog")
    answer = choose(question, sides=["right"], ordinal=2)
    assert answer.updates == {"position": "right", "ordinal": 2} and answer.said == "the second from the right"
    assert _names(pick(row, (300, 100), **answer.updates)) == "B"
    assert choose(question, ordinal=-1).updates == {"position": "right", "ordinal": 1}
    with pytest.raises(RetouchError, match="only 3"):
        choose(question, ordinal=4)
