"""The chat, driven by Textual's pilot: words in, versions on disk, replies in the log."""

from __future__ import annotations

import argparse
import asyncio
import io
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.agent.session import Session
from tests.support import DATA
from retouch.tui.chat.app import RetouchChat
from retouch.tui.chat.preview import choose_renderer, side_by_side
from retouch.tui.commands.common import make_agent

ARGS = argparse.Namespace(finder=None, inpainter=None, planner=None, force=False)


def _chat(session: Session) -> RetouchChat:
    return RetouchChat(session, lambda s: make_agent(ARGS, s), renderer="halfcell")


def _log_text(app: RetouchChat) -> str:
    """What the conversation says, one entry a line (the screen wraps them; see the 80-column test)."""
    from rich.text import Text

    return "\n".join(Text.from_markup(entry).plain for entry in app.query_one("#log").entries)


async def _until(pilot, condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the chat")
        await pilot.pause(0.05)


async def _say(pilot, app: RetouchChat, text: str) -> None:
    app.query_one("#prompt").value = text
    await pilot.press("enter")
    await pilot.pause(0.05)
    await _until(pilot, lambda: not app.busy and len(app.workers) == 0)


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "session", DATA / "image.png")


def _brightness(image: Image.Image | None) -> float:
    assert image is not None
    return float(np.asarray(image.convert("L"), np.float32).mean())


def test_an_edit_makes_a_version_a_reply_and_a_new_preview(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            before = _brightness(app.query_one("#preview").shown)
            await _say(pilot, app, "make it a bit brighter")
            assert session.head == 1 and (session.root / "v001.png").exists()
            log = _log_text(app)
            assert "you make it a bit brighter" in log and "Brightening" in log and "▸ adjust(" in log
            assert _brightness(app.query_one("#preview").shown) > before + 3
            assert "version 1 of 1" in str(app.query_one("#status").render())

    asyncio.run(run())


def test_undo_redo_by_command_and_keys(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "rotate 90 degrees")
            await _say(pilot, app, "/undo")
            assert session.head == 0 and "now at v000" in _log_text(app)
            await pilot.press("ctrl+y")
            await _until(pilot, lambda: session.head == 1)
            await pilot.press("ctrl+z")
            await _until(pilot, lambda: session.head == 0)
            await _say(pilot, app, "/revert 1")
            assert session.head == 1
            await _say(pilot, app, "/versions")
            assert "▶ v001  rotate 90 degrees" in _log_text(app)

    asyncio.run(run())


def test_failures_are_lines_in_the_log_not_crashes(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "remove the box (900, 900, 950, 950)")
            await _say(pilot, app, "/frobnicate")
            await _say(pilot, app, "/undo")
            log = _log_text(app)
            assert "error the box (900, 900, 950, 950) lies outside the 256×256 image" in log
            assert "error there is no command /frobnicate" in log
            assert "error nothing to undo" in log
            assert session.head == 0 and app.is_running

    asyncio.run(run())


def test_input_history_walks_back_and_forth(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "/help")
            await _say(pilot, app, "/versions")
            prompt = app.query_one("#prompt")
            await pilot.press("up")
            assert prompt.value == "/versions"
            await pilot.press("up")
            assert prompt.value == "/help"
            await pilot.press("down", "down")
            assert prompt.value == ""

    asyncio.run(run())


def test_escape_cancels_and_nothing_is_written(session: Session, monkeypatch) -> None:
    import retouch.tools.builtin_inpainter as builtin

    real_fill = builtin.content_aware_fill

    def slow_fill(*args, **kwargs):
        time.sleep(1.5)
        return real_fill(*args, **kwargs)

    monkeypatch.setattr(builtin, "content_aware_fill", slow_fill)

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            app.query_one("#prompt").value = "remove the left half"
            await pilot.press("enter")
            await _until(pilot, lambda: app.busy)
            await pilot.pause(0.3)
            await pilot.press("escape")
            await _until(pilot, lambda: not app.busy)
            assert "Cancelled — nothing was changed." in _log_text(app)
            assert session.head == 0 and not (session.root / "v001.png").exists()

    asyncio.run(run())


def test_variations_side_by_side_and_pick(session: Session) -> None:
    from retouch.agent.agent import StepOutcome
    from retouch.agent.plan import Plan

    colours = [(200, 30, 30), (30, 200, 30), (30, 30, 200)]
    images = []
    for colour in colours:
        buffer = io.BytesIO()
        Image.new("RGB", (256, 256), colour).save(buffer, format="PNG")
        images.append(buffer.getvalue())
    number = session.commit_edit(images=images, mask_png=None, record={"words": "three options"})

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            paths = [session.version_path(number), *session.state.versions[number].variations]
            app.show_outcome(StepOutcome(words="x", plan=Plan(), reply="Three ways.", version=number,
                                         new_versions=[number], variation_paths=paths))
            shown = app.query_one("#preview").shown
            assert shown.width > 3 * shown.height, "variations are shown side by side"
            assert "3 variations" in _log_text(app)
            await _say(pilot, app, "/pick 2")
            assert session.head == number + 1
            assert np.asarray(Image.open(session.version_path()))[0, 0].tolist() == list(colours[1])

    asyncio.run(run())


def test_renderer_choice() -> None:
    assert choose_renderer(None, {"TMUX": "/tmp/tmux-0/default", "TERM": "xterm-kitty"}) == "halfcell"
    assert choose_renderer(None, {"TERM": "dumb"}) == "halfcell"
    assert choose_renderer(None, {"TERM": "xterm-kitty"}) == "auto"
    assert choose_renderer("sixel", {"TMUX": "1"}) == "sixel"
    assert choose_renderer(None, {"RETOUCH_RENDERER": "tgp", "TERM": "xterm"}) == "tgp"


def test_side_by_side_keeps_order() -> None:
    strip = side_by_side([Image.new("RGB", (10, 10), (255, 0, 0)), Image.new("RGB", (20, 20), (0, 0, 255))])
    assert strip.size == (10 + 6 + 10, 10)
    assert strip.getpixel((0, 0)) == (255, 0, 0) and strip.getpixel((25, 5)) == (0, 0, 255)
