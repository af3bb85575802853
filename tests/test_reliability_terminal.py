"""No terminal injection (issue 15, item 5) and a whole-answer deadline for HTTP (item 4).

Text from plan files, models, servers, journals and file names reaches the terminal without a
single ESC byte; a loopback server that trickles one byte a second is cut off by the deadline.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from retouch.agent.plan import AdjustArgs, AdjustCall, Plan
from retouch.agent.planner.llm_http import OpenAICompatiblePlanner
from retouch.tools.deadline import DeadlineExceeded, call_within
from retouch.tools.errors import RetouchError
from retouch.tui.terminal_text import clean, one_line
from tests.support import small_photo

HOSTILE = "ok \x1b[2J\x1b]0;pwned\x07\x1b[1A\r\x9b31m\u202edone"
"""Clear screen, set the window title, cursor up, carriage return, 8-bit CSI, a bidi override."""


def _no_escapes(*texts: str) -> None:
    for text in texts:
        assert "\x1b" not in text and "\x9b" not in text and "\x07" not in text and "\r" not in text, repr(text)
        assert "\u202e" not in text


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return small_photo(tmp_path, (32, 24))


class _Server:
    """A real HTTP server on 127.0.0.1; `answer(handler, body)` decides each reply."""

    def __init__(self, answer) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                answer(self, body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server_for(tmp_path: Path, monkeypatch) -> Iterator:
    servers: list[_Server] = []

    def start(answer, **options) -> _Server:
        server = _Server(answer)
        servers.append(server)
        config = tmp_path / "config.toml"
        extra = "".join(f"{key} = {json.dumps(value)}\n" for key, value in options.items())
        config.write_text(f'planner = "llm"\n[backends.llm]\nurl = "{server.url}"\n{extra}')
        monkeypatch.setenv("RETOUCH_CONFIG", str(config))
        return server

    yield start
    for server in servers:
        server.close()


def _send(handler: BaseHTTPRequestHandler, status: int, payload: bytes) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(payload)))
    handler.end_headers()
    handler.wfile.write(payload)


# ------------------------------------------------------------------------------ the filter itself


def test_clean_keeps_text_and_drops_every_control() -> None:
    assert clean(HOSTILE) == "ok done"
    assert clean("über 日本 🎨\tx\ny") == "über 日本 🎨\tx\ny", "printable text of any script passes unchanged"
    assert clean("a\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\b") == "alinkb", "hyperlinks are dropped, text kept"
    assert one_line("two\nlines\tand\x1b[31m red") == "two lines and red"


# ------------------------------------------------------------------------------ the command line


def test_a_plan_files_reply_reaches_the_terminal_clean(run_cli, photo: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}], "reply": HOSTILE}))
    session = tmp_path / "s"
    code, out, err = run_cli("apply", plan, "--image", photo, "--session", session)
    assert code == 0, err
    _no_escapes(out, err)
    assert "ok done" in err
    code, out, err = run_cli("log", "--session", session)  # the journal keeps the words; log shows them clean
    _no_escapes(out, err)


def test_file_names_in_error_lines_are_clean(run_cli, tmp_path: Path) -> None:
    code, out, err = run_cli("edit", tmp_path / f"{HOSTILE}.png", "make it brighter")
    assert code == 1 and err.startswith("retouch: error: ")
    _no_escapes(out, err)
    code, out, err = run_cli("edit", "--bogus\x1b]0;x\x07", "y")
    assert code == 2
    _no_escapes(out, err)


def test_an_llm_reply_and_a_servers_error_body_reach_the_terminal_clean(run_cli, photo: Path, server_for) -> None:
    plan = {"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}], "reply": HOSTILE}
    server_for(lambda handler, body: _send(handler, 200, json.dumps(
        {"choices": [{"message": {"content": json.dumps(plan)}}]}).encode()))
    code, out, err = run_cli("edit", photo, "make it brighter")
    assert code == 0, err
    _no_escapes(out, err)
    assert "ok done" in err

    server_for(lambda handler, body: _send(handler, 500, HOSTILE.encode()), strict=True)
    code, out, err = run_cli("edit", photo, "make it brighter")
    assert code == 1 and "HTTP 500" in err
    _no_escapes(out, err)


# ------------------------------------------------------------------------------ the chat


class _HostilePlanner:
    """A planner whose every reply carries escape sequences (as a plan file or a model might)."""

    name = "hostile"

    def plan(self, text: str, context=None) -> Plan:
        return Plan(calls=[AdjustCall(args=AdjustArgs(brightness=0.1))], reply=HOSTILE)


def test_the_chat_log_never_holds_an_escape(tmp_path: Path, photo: Path) -> None:
    from retouch.agent.agent import Agent
    from retouch.agent.session import Session
    from retouch.tui.chat.app import RetouchChat

    session = Session.create(tmp_path / "s", photo)
    app = RetouchChat(session, lambda s: Agent(s, planner=_HostilePlanner()), renderer="halfcell")

    async def run() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            deadline = time.monotonic() + 30
            while not app.agent_ready.is_set() and time.monotonic() < deadline:
                await pilot.pause(0.05)
            for text in ("make it brighter", f"/save {tmp_path}/{HOSTILE}.txt"):
                app.query_one("#prompt").value = text
                await pilot.press("enter")
                while (app.busy or app.workers) and time.monotonic() < deadline:
                    await pilot.pause(0.05)
            log = "\n".join(line.text for line in app.query_one("#log").lines)
            assert "ok done" in log and "can't write .txt" in log
            _no_escapes(log)

    asyncio.run(run())
    assert session.head == 1


# ------------------------------------------------------------------------------ the deadline


def _trickle(handler: BaseHTTPRequestHandler, body: dict) -> None:
    """Headers at once, then one byte a second for a minute: no single read ever times out."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.end_headers()
    for _ in range(60):
        try:
            handler.wfile.write(b" ")
            handler.wfile.flush()
        except OSError:
            return  # the client cut us off: what the deadline is for
        time.sleep(1)


def test_a_server_trickling_one_byte_a_second_is_cut_off(server_for) -> None:
    server = server_for(_trickle)
    started = time.monotonic()
    result = OpenAICompatiblePlanner(server.url, timeout=2).plan_detailed("make it brighter")
    elapsed = time.monotonic() - started
    assert result.status == "error" and "no answer within 2 s" in result.plan.reply
    assert result.plan.tools() == ["adjust"], "the built-in rules planned it instead"
    assert elapsed < 20, f"the 2 s deadline held the whole answer to {elapsed:.0f} s (the server trickles for 60)"
    with pytest.raises(RetouchError, match="did not answer: no answer within 1 s"):
        OpenAICompatiblePlanner(server.url, timeout=1, strict=True).plan_detailed("make it brighter")


def test_the_edit_command_is_cut_off_too(run_cli, photo: Path, server_for) -> None:
    server_for(_trickle, timeout=1)
    started = time.monotonic()
    code, _, err = run_cli("edit", photo, "make it brighter")
    assert code == 0 and "no answer within 1 s" in err, err
    assert time.monotonic() - started < 30


def test_call_within_returns_raises_and_cuts_off() -> None:
    assert call_within(5, lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        call_within(5, lambda: 1 / 0)
    cut = threading.Event()
    with pytest.raises(DeadlineExceeded):
        call_within(0.2, lambda: time.sleep(30), on_expiry=cut.set)
    assert cut.is_set()


def test_an_oversized_answer_is_refused(server_for) -> None:
    server = server_for(lambda handler, body: _send(handler, 200, b" " * (9 << 20)))
    result = OpenAICompatiblePlanner(server.url, timeout=30).plan_detailed("make it brighter")
    assert result.status == "error" and "larger than 8 MB" in result.plan.reply


def test_nonsense_options_are_one_line() -> None:
    for options in ({"timeout": "soon"}, {"timeout": -1}, {"max_tokens": "many"}, {"temperature": float("nan")}):
        with pytest.raises(RetouchError, match="is not a number from"):
            OpenAICompatiblePlanner("http://127.0.0.1:9/v1", **options)


def test_a_refused_connection_is_still_immediate() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = OpenAICompatiblePlanner(f"http://127.0.0.1:{port}/v1", timeout=30).plan_detailed("make it brighter")
    assert result.status == "error" and "refused" in result.plan.reply
