"""The chat as a person sees it: an SVG snapshot of the main screen, and a real terminal (tmux)."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.agent.session import Session
from tests.support import DATA
from retouch.tui.chat.app import RetouchChat
from retouch.tui.commands.common import make_agent

ARGS = argparse.Namespace(finder=None, inpainter=None, planner=None, force=False)


def test_main_screen_snapshot(snap_compare, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the log shows the session path: keep it the same on every machine
    session = Session.create(Path("session"), DATA / "image.png")
    app = RetouchChat(session, lambda s: make_agent(ARGS, s), renderer="halfcell")

    async def settle(pilot) -> None:
        deadline = time.monotonic() + 30
        while not (app.agent_ready.is_set() and app.device) and time.monotonic() < deadline:
            await pilot.pause(0.05)
        app.device = "cpu"  # the snapshot must not depend on this machine's GPU
        app.query_one("#prompt").cursor_blink = False  # a blinking cursor makes the picture flicker
        app.refresh_status()
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(110, 34), run_before=settle)


def _tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True).stdout


def _drawn_picture(screen: str) -> tuple[int, int]:
    """(columns, rows) of the half-cell picture on a captured screen: the rows holding ▀, and the
    longest run of ▀ in one of them."""
    rows = [line for line in screen.splitlines() if "▀" in line]
    columns = max((len(run) for line in rows for run in re.findall("▀+", line)), default=0)
    return columns, len(rows)


def _wide_image(folder: Path) -> Path:
    """A 600×200 panorama (3:1) — drawn squashed to 0.83:1 before the preview kept the shape."""
    path = folder / "wide.png"
    ramp = np.linspace(40, 220, 600, dtype=np.uint8)
    Image.fromarray(np.stack([np.tile(ramp, (200, 1))] * 3, axis=2)).save(path)
    return path


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed (.ci/run installs it)")
@pytest.mark.parametrize("picture", ["square", "wide"])
def test_chat_in_a_real_terminal(tmp_path: Path, picture: str) -> None:
    image = DATA / "image.png" if picture == "square" else _wide_image(tmp_path)
    aspect = 1.0 if picture == "square" else 3.0
    retouch = Path(sys.executable).parent / "retouch"
    session = tmp_path / "session"
    name = f"retouch-test-{time.monotonic_ns()}"
    command = f"{retouch} chat {image} --session {session} --renderer halfcell"
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "36", command], check=True)

    def wait_for(text: str, timeout: float = 40.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = _tmux("capture-pane", "-p", "-t", name)
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{_tmux('capture-pane', '-p', '-t', name)}")

    def settled_picture(timeout: float = 20.0) -> tuple[int, int]:
        """The picture's size once two captures agree (a new picture is drawn as the agent loads)."""
        deadline, last = time.monotonic() + timeout, (0, 0)
        while time.monotonic() < deadline:
            now = _drawn_picture(_tmux("capture-pane", "-p", "-t", name))
            if now == last and now[1]:
                return now
            last = now
            time.sleep(0.3)
        raise AssertionError(f"the picture never settled; the screen was:\n{_tmux('capture-pane', '-p', '-t', name)}")

    try:
        wait_for("planner rules")
        columns, rows = settled_picture()
        # a tmux cell is drawn as 1 × 2 pixels (textual-image's fallback cell is 10 × 20)
        assert columns / (2 * rows) == pytest.approx(aspect, rel=0.10), (columns, rows)
        _tmux("send-keys", "-t", name, "-l", "make it a bit brighter")
        _tmux("send-keys", "-t", name, "Enter")
        wait_for("Brightening")  # the reply comes first; the new version once the edit is written
        screen = wait_for("version 1 of 1")
        assert "v001" in screen
        assert (session / "v001.png").exists()
        _tmux("send-keys", "-t", name, "C-q")
        deadline = time.monotonic() + 10
        while name in _tmux("list-sessions") and time.monotonic() < deadline:
            time.sleep(0.1)
        assert name not in _tmux("list-sessions"), "ctrl+q must quit the chat"
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
