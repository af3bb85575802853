"""Selections built from several gestures in the chat, driven by Textual's pilot: a click adds, a
right-click or a ctrl-click takes away, a drag draws a box, /undo steps back one gesture.

Every assertion is on the selection mask after the gesture: it must be exactly the mask the tool
makes from the gestures the agent recorded (so a replay gives the same), hold what was clicked and
leave out what was taken away; the tint on the picture follows it.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.agent.session import Session
from retouch.tools.gestures import Gestures
from retouch.tools.point_select import select_with_gestures
from retouch.tui.chat.app import RetouchChat
from retouch.tui.commands.common import make_agent
from tests.support import DATA

DOG = DATA / "overture-creations-5sI6fQgYIuo.png"
WHOLE_DOG = DATA / "overture-creations-5sI6fQgYIuo_mask_with_tail.png"
ARGS = argparse.Namespace(finder="none", inpainter=None, planner=None, force=False)


@pytest.fixture
def chat(tmp_path: Path) -> RetouchChat:
    session = Session.create(tmp_path / "session", DOG)
    return RetouchChat(session, lambda s: make_agent(ARGS, s), renderer="halfcell")


async def _until(pilot, condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the chat")
        await pilot.pause(0.05)


async def _settled(pilot, app: RetouchChat) -> None:
    await pilot.pause(0.05)
    await _until(pilot, lambda: not app.busy and len(app.workers) == 0)


def _cell(app: RetouchChat, x: int, y: int) -> tuple[int, int]:
    """The offset, inside the picture widget, of the cell over image pixel (x, y)."""
    preview = app.query_one("#preview")
    region = preview.picture.content_region
    width, height = preview.shown.size
    return int(x / width * region.width), int(y / height * region.height)


async def _click(pilot, app: RetouchChat, x: int, y: int, **how) -> None:
    await pilot.click("#preview .picture", offset=_cell(app, x, y), **how)
    await _settled(pilot, app)


async def _say(pilot, app: RetouchChat, text: str) -> None:
    app.query_one("#prompt").value = text
    await pilot.press("enter")
    await _settled(pilot, app)


def _selected(app: RetouchChat) -> np.ndarray:
    return app.agent.mask > 127


def _as_replayed(app: RetouchChat) -> np.ndarray:
    """The mask the tool makes from the gestures the agent recorded — what a replay computes."""
    gestures = app.agent.pointing[-1].gestures
    return select_with_gestures(Image.open(DOG).convert("RGB"), gestures).mask > 127


def _tinted(app: RetouchChat) -> np.ndarray:
    shown = np.asarray(app.query_one("#preview").shown.convert("RGB"), np.int16)
    clean = np.asarray(Image.open(DOG).convert("RGB"), np.int16)
    return np.abs(shown - clean).max(axis=2) > 20


def test_clicks_add_parts_and_a_right_or_ctrl_click_takes_one_away(chat: RetouchChat) -> None:
    truth = np.asarray(Image.open(WHOLE_DOG).convert("L")) > 127

    async def run() -> None:
        async with chat.run_test(size=(140, 45)) as pilot:
            await _until(pilot, chat.agent_ready.is_set)
            await pilot.pause(0.2)
            await _click(pilot, chat, 252, 262)  # the dog's chest
            body = _selected(chat)
            assert len(chat.agent.pointing) == 1 and np.array_equal(body, _as_replayed(chat))
            assert (body & truth).sum() / (body | truth).sum() >= 0.8
            assert _tinted(chat)[body].mean() > 0.9, "the tint shows the selection"

            await _click(pilot, chat, 120, 290)  # the bench's lattice: a second part joins
            with_lattice = _selected(chat)
            gestures = chat.agent.pointing[-1].gestures
            assert [g.kind for g in gestures.gestures] == ["add", "add"]
            assert np.array_equal(with_lattice, _as_replayed(chat))
            assert with_lattice[290, 120] and (with_lattice & ~body).sum() > 1000 and not (body & ~with_lattice).any()

            await _click(pilot, chat, 120, 290, button=3)  # right-click: take the lattice away again
            taken = _selected(chat)
            assert [g.kind for g in chat.agent.pointing[-1].gestures.gestures] == ["add", "add", "subtract"]
            assert np.array_equal(taken, _as_replayed(chat))
            assert not taken[290, 120] and (taken & ~truth).sum() < 0.2 * (with_lattice & ~truth).sum()
            assert (taken & truth).sum() / (taken | truth).sum() >= 0.8, "the dog stays"
            assert not _tinted(chat)[290, 120], "the tint follows"

            await _click(pilot, chat, 330, 290)  # the lattice right of the dog, then ctrl-click it away
            assert _selected(chat)[290, 330]
            await _click(pilot, chat, 330, 290, control=True)
            assert chat.agent.pointing[-1].gestures.gestures[-1].kind == "subtract"
            assert not _selected(chat)[290, 330]
            entries = [e for e in chat.session.entries if e.get("kind") == "select"]
            assert len(entries) == 5, "each gesture is journaled"
            assert [g["kind"] for g in entries[-1]["point_selection"]["gestures"]] == [
                "add", "add", "subtract", "add", "subtract"]

    asyncio.run(run())


def test_a_drag_draws_a_box_and_the_selection_stays_inside_it(chat: RetouchChat) -> None:
    async def run() -> None:
        async with chat.run_test(size=(140, 45)) as pilot:
            await _until(pilot, chat.agent_ready.is_set)
            await pilot.pause(0.2)
            await pilot.mouse_down("#preview .picture", offset=_cell(chat, 170, 105))
            await pilot.mouse_up("#preview .picture", offset=_cell(chat, 318, 470))
            await _settled(pilot, chat)
            gestures = chat.agent.pointing[-1].gestures
            assert [g.kind for g in gestures.gestures] == ["box"]
            x0, y0, x1, y1 = gestures.box
            assert x0 <= 170 < x1 and y0 <= 105 < y1 and x0 <= 318 < x1 and y0 <= 470 < y1
            assert x1 - x0 < 180 and y1 - y0 < 400, "the box spans the dragged cells, not the picture"
            selected = _selected(chat)
            assert np.array_equal(selected, _as_replayed(chat))
            inside = np.zeros_like(selected)
            inside[y0:y1, x0:x1] = True
            assert selected.sum() > 10_000 and not (selected & ~inside).any()
            assert selected[262, 252], "the dog in the box is selected"
            assert "Selected the thing from the box" in chat.query_one("#log").entries[-1]

    asyncio.run(run())


def test_undo_steps_back_one_gesture_then_versions(chat: RetouchChat) -> None:
    async def run() -> None:
        async with chat.run_test(size=(140, 45)) as pilot:
            await _until(pilot, chat.agent_ready.is_set)
            await pilot.pause(0.2)
            await _say(pilot, chat, "make it a bit brighter")
            assert chat.session.head == 1
            before = None if chat.agent.mask is None else chat.agent.mask.copy()
            masks = []
            for x, y, how in ((252, 262, {}), (120, 290, {}), (120, 290, {"button": 3})):
                await _click(pilot, chat, x, y, **how)
                masks.append(_selected(chat).copy())
            assert not np.array_equal(masks[1], masks[2])
            await _say(pilot, chat, "/undo 5")
            assert "the selection has 3 gesture(s) to step back, not 5" in chat.query_one("#log").entries[-1]
            assert len(chat.agent.pointing) == 3, "nothing stepped back"
            await _say(pilot, chat, "/undo")
            assert np.array_equal(_selected(chat), masks[1]) and len(chat.agent.pointing) == 2
            assert chat.session.head == 1, "a gesture, not a version"
            await pilot.press("ctrl+z")
            await _settled(pilot, chat)
            assert np.array_equal(_selected(chat), masks[0])
            await _say(pilot, chat, "/undo")
            assert not chat.agent.pointing
            assert (chat.agent.mask is None) if before is None else np.array_equal(chat.agent.mask, before)
            assert chat.session.head == 1 and "Stepped back the only gesture" in chat.query_one("#log").entries[-1]
            await _say(pilot, chat, "/undo")
            assert chat.session.head == 0, "with no gesture left, /undo steps back a version"

    asyncio.run(run())


def test_an_edit_uses_the_gestures_and_the_next_click_starts_anew(chat: RetouchChat) -> None:
    async def run() -> None:
        async with chat.run_test(size=(140, 45)) as pilot:
            await _until(pilot, chat.agent_ready.is_set)
            await pilot.pause(0.2)
            await _click(pilot, chat, 252, 262)
            await _click(pilot, chat, 240, 430)
            used = _selected(chat).copy()
            await _say(pilot, chat, "remove this")
            asked = chat.query_one("#log").entries[-1]
            # more tail below the bench (and, since the shadow is looked for around the tail too,
            # a dark patch of soil below it, offered as its shadow: answered no below)
            assert "what looks like more of it below" in asked and asked.endswith("too?")
            await _say(pilot, chat, "no, just that")
            assert chat.session.head == 1 and not chat.agent.pointing
            before = np.asarray(Image.open(chat.session.version_path(0)).convert("RGB"), np.int16)
            after = np.asarray(Image.open(chat.session.version_path(1)).convert("RGB"), np.int16)
            assert (np.abs(after - before).max(axis=2) > 8)[used].mean() > 0.5
            await _click(pilot, chat, 120, 290)
            assert len(chat.agent.pointing) == 1, "a click after an edit starts a new selection"
            assert len(chat.agent.pointing[0].gestures.gestures) == 1

    asyncio.run(run())
