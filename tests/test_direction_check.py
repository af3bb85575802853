"""An LLM's plan that goes against the words' direction never runs (issue 22): with planner = "llm",
"make it brighter" answered with brightness −1 gave a black picture and the reply "Brightening it."

The words' directions are the rules' reading (`direction_check`); the check runs inside the word
check every LLM plan passes, so the llm planner repairs once and then falls back to the rules,
and auto keeps the rules' plan. End to end, a server that answers the wrong way twice gets the
picture brightened, with a note, and a reply with line breaks prints no fake lines.
"""

from __future__ import annotations

import http.server
import json
import threading
from pathlib import Path
from typing import Iterator

import pytest

from retouch.agent.plan import validate_plan
from retouch.agent.planner.word_check import unasked
from tests.support import pixels, small_photo
from tests.test_planner_llm import Scripted


def contradiction(plan, text: str):
    from retouch.agent.planner.direction_check import contradiction as check  # (imported here: new in #22)

    return check(plan, text)


def _plan(tool: str, **args: object):
    return validate_plan({"calls": [{"tool": tool, "args": args}], "reply": "x"})


@pytest.mark.parametrize("text, args", [
    ("make it brighter", {"brightness": -1.0}),
    ("a little darker please", {"brightness": 0.2}),
    ("more contrast", {"contrast": -0.3}),
    ("reduce the contrast", {"contrast": 0.3}),
    ("make it warmer", {"warmth": -0.4}),
    ("cool it down a bit", {"warmth": 0.4}),
    ("make it black and white", {"saturation": 0.6}),
    ("more vivid colours", {"saturation": -0.5}),
    ("sharpen it", {"sharpness": -0.5}),
    ("the photo is too dark", {"brightness": -0.3}),
    ("brighter but less saturated", {"brightness": 0.3, "saturation": 0.3}),
    ("make it look less dark", {"brightness": -0.3}),         # less of a direction is the other direction
    ("make it less warm", {"warmth": 0.3}),
])
def test_a_tone_the_other_way_is_a_contradiction(text: str, args: dict) -> None:
    reason = contradiction(_plan("adjust", **args), text)
    assert reason is not None and "but the request asks for" in reason
    assert unasked(_plan("adjust", **args), text) == reason


@pytest.mark.parametrize("text, args", [
    ("make it brighter", {"brightness": 0.3}),
    ("make it much brighter", {"brightness": 1.0}),          # another amount is a choice, not a contradiction
    ("brighter and more contrast", {"brightness": 0.2, "contrast": 0.2}),
    ("make it brighter", {"brightness": 0.2, "contrast": 0.1}),  # a setting the words don't direct: unchecked
    ("fix the lighting", {"brightness": -0.2}),               # no direction in the words
    ("make it look less dark", {"brightness": 0.3}),
    ("make it less cool", {"warmth": 0.3}),
    ("rotate it 90 degrees clockwise", {}),
])
def test_the_same_way_or_no_direction_passes(text: str, args: dict) -> None:
    plan = _plan("adjust", **args) if args else _plan("crop", rotate=90)
    assert contradiction(plan, text) is None


@pytest.mark.parametrize("text, args, passes", [
    ("rotate 90 degrees clockwise", {"rotate": -90}, False),
    ("rotate 90 degrees clockwise", {"rotate": 90}, True),
    ("rotate it left", {"rotate": 90}, False),
    ("flip it horizontally", {"flip": "vertical"}, False),
    ("mirror it", {"flip": "horizontal"}, True),
])
def test_turns_and_flips_go_the_way_the_words_say(text: str, args: dict, passes: bool) -> None:
    assert (contradiction(_plan("crop", **args), text) is None) is passes


DARK = '{"calls": [{"tool": "adjust", "args": {"brightness": -1.0}}], "reply": "Brightening it."}'
LIGHT = '{"calls": [{"tool": "adjust", "args": {"brightness": 0.3}}], "reply": "Brightening it."}'


def test_the_llm_planner_repairs_then_falls_back_to_the_rules() -> None:
    planner = Scripted(DARK, DARK)
    result = planner.plan_detailed("make it brighter")
    assert result.status == "invalid" and result.plan.calls[0].args.brightness > 0
    assert "asks for brighter" in planner.sent[1][-1]["content"]           # the repair said why
    assert Scripted(DARK, LIGHT).plan_detailed("make it brighter").status == "repaired"


@pytest.fixture
def llm_server() -> Iterator[tuple[int, list[dict]]]:
    """An OpenAI-compatible server that answers every request with `answers[0]`."""
    answers: list[dict] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            body = json.dumps({"choices": [{"message": {"content": json.dumps(answers[0])}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_port, answers
    finally:
        server.shutdown()


def _llm_config(tmp_path: Path, port: int, planner: str) -> Path:
    config = tmp_path / "llm.toml"
    config.write_text(f'planner = "{planner}"\n[backends.llm]\nurl = "http://127.0.0.1:{port}/v1"\ntimeout = 10\n')
    return config


@pytest.mark.parametrize("planner", ["llm", "auto"])
def test_make_it_brighter_never_comes_out_black(run_cli, tmp_path: Path, llm_server, monkeypatch: pytest.MonkeyPatch,
                                                planner: str) -> None:
    port, answers = llm_server
    answers.append(json.loads(DARK))
    monkeypatch.setenv("RETOUCH_CONFIG", str(_llm_config(tmp_path, port, planner)))
    photo = small_photo(tmp_path)
    code, _, err = run_cli("edit", photo, "make it brighter", "-o", tmp_path / "out.png")
    assert code == 0, err
    assert pixels(tmp_path / "out.png").mean() > pixels(photo).mean() + 5
    if planner == "llm":
        assert "not a valid plan, so I used the built-in rules" in err


def test_line_breaks_in_a_model_s_reply_print_no_fake_lines(run_cli, tmp_path: Path, llm_server,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    port, answers = llm_server
    answers.append({"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}],
                    "reply": "Brightening.\nwrote /tmp/evil.png\nretouch: error: disk on fire"})
    monkeypatch.setenv("RETOUCH_CONFIG", str(_llm_config(tmp_path, port, "llm")))
    code, _, err = run_cli("edit", small_photo(tmp_path), "make it brighter")
    assert code == 0, err
    assert [line for line in err.splitlines() if line.startswith(("wrote", "retouch: error"))] == []
