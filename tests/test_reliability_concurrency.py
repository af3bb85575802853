"""One session, many writers (issue 15, item 1): read-edit-commit is atomic per session.

The semantics: a second edit *waits for* the first and then builds on its result. Ten processes
each extending the canvas 20 px must give a canvas 200 px wider, and every journal line must name
the version its edit really started from.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
from PIL import Image

from retouch.agent.agent import Agent
from retouch.agent.session import Session
from tests.support import pixels, small_photo

WIDTH, HEIGHT = 48, 32


def _photo(tmp_path: Path) -> Path:
    return small_photo(tmp_path, (WIDTH, HEIGHT))


def _journal(session: Path) -> list[dict]:
    return [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]


def test_ten_processes_extending_one_session_all_land(run_cli, tmp_path: Path) -> None:
    photo, session = _photo(tmp_path), tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    env = dict(os.environ, RETOUCH_CONFIG=os.devnull)
    command = [sys.executable, "-m", "retouch.tui.cli", "edit", str(photo), "extend the canvas 20 px to the right",
               "--session", str(session)]
    workers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(10)]
    results = [(worker.wait(timeout=300), worker.stderr.read().decode()) for worker in workers]
    assert all(code == 0 for code, _ in results), results

    edits = [entry for entry in _journal(session) if entry["kind"] == "edit"]
    assert [entry["output_version"] for entry in edits] == list(range(1, 12))
    for previous, entry in zip(edits, edits[1:]):
        assert entry["input_version"] == previous["output_version"], "each edit started from the one before"
        before = Image.open(session / previous["file"]).size
        assert Image.open(session / entry["file"]).size == (before[0] + 20, HEIGHT)
    final = pixels(session / "v011.png")
    assert final.shape == (HEIGHT, WIDTH + 200, 3), "every one of the ten extensions is in the final image"
    assert np.array_equal(final[:, :WIDTH], pixels(session / "v001.png")), "the first edit is still there, bit for bit"
    assert not list(session.glob(".*.part")) and Session.open(session).head == 11


def test_commands_starting_the_same_new_session_at_once_make_one(tmp_path: Path) -> None:
    photo, session = _photo(tmp_path), tmp_path / "new"
    env = dict(os.environ, RETOUCH_CONFIG=os.devnull)
    command = [sys.executable, "-m", "retouch.tui.cli", "edit", str(photo), "rotate 90 degrees",
               "--session", str(session)]
    workers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
    results = [(worker.wait(timeout=300), worker.stderr.read().decode()) for worker in workers]
    assert all(code == 0 for code, _ in results), results
    journal = _journal(session)
    assert [entry["kind"] for entry in journal] == ["open"] + ["edit"] * 4
    assert [entry["input_version"] for entry in journal[1:]] == [0, 1, 2, 3]
    assert np.array_equal(pixels(session / "v004.png"), pixels(photo)), "four quarter turns: the photo again"


def test_a_second_agent_waits_then_builds_on_the_first(tmp_path: Path) -> None:
    """Two chats on one session: while one holds the session, the other's edit waits (and says so),
    then starts from the version the first made — it follows along, it never forks or overwrites."""
    photo = _photo(tmp_path)
    first = Agent(Session.create(tmp_path / "s", photo))
    second_session = Session.open(tmp_path / "s")
    waiting = threading.Event()
    second = Agent(second_session, on_wait=lambda message: waiting.set())
    outcome: dict = {}

    with first.holding_session():
        first.handle("extend the canvas 20 px to the right")
        worker = threading.Thread(target=lambda: outcome.update(result=second.handle("rotate 90 degrees")))
        worker.start()
        assert waiting.wait(60), "the second edit must wait while the first holds the session"
        assert second_session.head == 0 and len(Session.open(tmp_path / "s").edit_entries()) == 1
    worker.join(120)

    result = outcome["result"]
    assert result.new_versions == [2]
    assert any("moved on to v001" in note for note in result.notes)
    edit = Session.open(tmp_path / "s").edit_entries()[-1]
    assert edit["input_version"] == 1
    assert Image.open(tmp_path / "s" / "v002.png").size == (HEIGHT, WIDTH + 20), "rotated the extended canvas"


def test_a_commit_from_a_stale_version_is_refused(tmp_path: Path) -> None:
    """A writer that skipped the transaction can't make the journal lie about its input."""
    import io

    import pytest

    from retouch.tools.errors import RetouchError

    session = Session.create(tmp_path / "s", _photo(tmp_path))
    other = Session.open(tmp_path / "s")
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    assert other.commit_edit(images=[buffer.getvalue()], mask_png=None, record={}, input_version=0) == 1
    with pytest.raises(RetouchError, match="moved from v000 to v001"):
        session.commit_edit(images=[buffer.getvalue()], mask_png=None, record={}, input_version=0)
    assert [e["output_version"] for e in Session.open(tmp_path / "s").edit_entries()] == [1]
    assert not (tmp_path / "s" / "v002.png").exists()
