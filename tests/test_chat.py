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


def _conversation(session: Session, *requests: str) -> str:
    """What the conversation says after each request is said in turn, once the agent is ready."""
    log = ""

    async def run() -> None:
        nonlocal log
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            for words in requests:
                await _say(pilot, app, words)
            log = _log_text(app)

    asyncio.run(run())
    return log


@pytest.fixture
def session(tmp_path: Path) -> Session:
    return Session.create(tmp_path / "session", DATA / "image.png")


@pytest.fixture
def slow_fill(monkeypatch):
    """The built-in fill takes 1.5 s longer: time to press keys while a request runs."""
    import retouch.tools.builtin_inpainter as builtin

    real_fill = builtin.fill_window

    def slow(*args, **kwargs):
        time.sleep(1.5)
        return real_fill(*args, **kwargs)

    monkeypatch.setattr(builtin, "fill_window", slow)


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


def test_a_transparent_background_shows_as_a_checkerboard_not_as_the_old_background(session: Session) -> None:
    """The version is RGBA with the fence's colours still in its transparent pixels: the preview must
    not show them (a plain RGB conversion did, and the edit looked undone)."""
    from retouch.tui.chat.preview import CHECKER_SHADES

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "make the background transparent")
            assert session.head == 1
            version = Image.open(session.version_path())
            assert version.mode == "RGBA"
            clear = np.asarray(version)[..., 3] == 0
            shown = np.asarray(app.query_one("#preview").shown.convert("RGB").resize(version.size, Image.NEAREST),
                               np.int16)
            greys = np.array(CHECKER_SHADES, np.int16)
            on_board = (np.abs(shown[clear][:, None, :] - greys[None]).max(axis=2) <= 6).any(axis=1)
            assert clear.mean() > 0.5 and on_board.mean() > 0.95

    asyncio.run(run())


def test_flattened_draws_transparency_over_the_checkerboard_and_keeps_opaque_pixels() -> None:
    from retouch.tui.chat.preview import CHECKER_SHADES, flattened

    rgba = Image.new("RGBA", (48, 48), (10, 200, 30, 0))
    rgba.paste((250, 0, 0, 255), (0, 0, 24, 48))
    flat = np.asarray(flattened(rgba))
    assert (flat[:, :24] == (250, 0, 0)).all()
    assert {tuple(p) for p in flat[:, 24:].reshape(-1, 3)} == set(CHECKER_SHADES)
    assert np.array_equal(np.asarray(flattened(Image.new("RGB", (4, 4), (1, 2, 3)))), np.full((4, 4, 3), (1, 2, 3)))


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


def test_a_thing_the_finder_cant_see_is_answered_with_pointing(tmp_path: Path) -> None:
    """The default finder knows no dogs: the chat says what it can see and to click or drag on the
    picture, not the CLI's box or --mask file."""
    dog = Session.create(tmp_path / "dog", DATA / "overture-creations-5sI6fQgYIuo.png")
    log = _conversation(dog, "make the dog black")
    assert ("error I couldn't find the dog. I can see: sky. Click it in the picture (drag for a box), "
            "then say what to do with it.") in log
    assert "--mask" not in log and dog.head == 0


def test_a_failed_step_still_shows_what_the_words_were_read_as(tmp_path: Path) -> None:
    """A step that fails stops the plan before its reply is shown; a part of the request the planner declined
    (clothing taken off someone) must still be said, beside the error — not lost behind it."""
    dog = Session.create(tmp_path / "dog", DATA / "overture-creations-5sI6fQgYIuo.png")
    log = _conversation(dog, "make the dog black and take off her shirt")
    assert "error I couldn't find the dog" in log
    assert "note: I had read your words as: Making the dog black." in log
    assert "I won't take off clothes someone is wearing" in log and dog.head == 0


def test_too_few_of_a_thing_keeps_its_own_way_out(session: Session) -> None:
    """One person by the fence and "the second person" asked: the finder did see people, so the way out is a
    smaller number, not pointing."""
    log = _conversation(session, "remove the second person")
    assert "error I can only see one person" in log and "Ask for a smaller number" in log
    assert "Click it in the picture" not in log and session.head == 0


def test_a_hung_up_terminal_is_no_terminal() -> None:
    """A closed terminal window leaves the chat's descriptor open but no tty (what it watches for)."""
    import os

    from retouch.tui.chat.app import terminal_attached

    leader, follower = os.openpty()
    try:
        assert terminal_attached(follower)
        os.close(leader)
        assert not terminal_attached(follower)
    finally:
        os.close(follower)


def test_the_chat_leaves_when_its_terminal_is_gone(session: Session, monkeypatch) -> None:
    """Under `make demo` the hangup reaches make, not the chat: the chat's own check ends it, and nothing is
    written (read end-of-file in a loop at most of a core before)."""
    import retouch.tui.chat.app as chat_app

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            monkeypatch.setattr(chat_app, "terminal_attached", lambda fd=None: False)
            app._leave_if_terminal_gone()
            await pilot.pause(0.2)
            assert not app.is_running and app.return_code == 1
        assert session.head == 0

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


def test_escape_cancels_and_nothing_is_written(session: Session, slow_fill) -> None:
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
            await pilot.pause(0.2)
            assert _picture_aspect(app) == pytest.approx(shown.width / shown.height, rel=0.10), "each keeps its shape"
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


# ---- what people see: shape, wrapping, tint, before/after, clicks, one request at a time -------


def _picture_aspect(app: RetouchChat) -> float:
    """The drawn picture's width : height on screen (cells × the cell's pixel size)."""
    preview = app.query_one("#preview")
    region = preview.picture.region
    assert region.width > 0 and region.height > 0
    return region.width * preview.cell[0] / (region.height * preview.cell[1])


def _image_session(tmp_path: Path, size: tuple[int, int]) -> Session:
    gradient = np.linspace(0, 255, size[0], dtype=np.uint8)[None, :, None].repeat(size[1], 0).repeat(3, 2)
    path = tmp_path / f"picture-{size[0]}x{size[1]}.png"
    Image.fromarray(gradient).save(path)
    return Session.create(tmp_path / "session", path)


@pytest.mark.parametrize("renderer", ["halfcell", "sixel", "tgp"])
@pytest.mark.parametrize("size", [(600, 200), (200, 600)])
def test_the_preview_keeps_the_pictures_shape_and_refits_on_resize(tmp_path: Path, renderer, size) -> None:
    session = _image_session(tmp_path, size)

    async def run() -> None:
        app = RetouchChat(session, lambda s: make_agent(ARGS, s), renderer=renderer)
        async with app.run_test(size=(140, 45)) as pilot:
            await _until(pilot, lambda: app.agent_ready.is_set() and app.finder_warm)
            await pilot.pause(0.2)
            preview = app.query_one("#preview")
            wide = preview.picture.region
            assert _picture_aspect(app) == pytest.approx(size[0] / size[1], rel=0.10)
            frame = preview.content_region
            assert wide.width == frame.width or wide.height == frame.height - 1, "as large as the pane allows"
            left, right = wide.x - frame.x, frame.right - wide.right
            assert abs(left - right) <= 1, "letterboxed: centred in the pane"
            await pilot.resize_terminal(80, 24)
            await pilot.pause(0.3)
            assert preview.picture.region != wide, "fitted again to the smaller pane"
            assert _picture_aspect(app) == pytest.approx(size[0] / size[1], rel=0.10)
            assert preview.picture.region.bottom < preview.caption.region.bottom, "the caption stays in view"

    asyncio.run(run())


def test_every_reply_wraps_at_80_columns(session: Session) -> None:
    from rich.text import Text

    from retouch.tui.chat.app import HELP

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(80, 30)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "/help")
            await _say(pilot, app, "remove the giraffe")
            log = app.query_one("#log")
            width = log.scrollable_content_region.width
            rows = [strip.text for strip in log.lines]
            assert max(len(row.rstrip()) for row in rows) <= width, "no line runs past the panel"
            screen = " ".join(" ".join(row.split()) for row in rows)
            for line in Text.from_markup(HELP).plain.splitlines():
                assert " ".join(line.split()) in screen, f"cut: {line!r}"
            assert "Click it in the picture (drag for a box), then say what to do with it." in screen, "the way out is readable"
            await pilot.resize_terminal(120, 30)
            await pilot.pause(0.3)
            assert len(log.lines) < len(rows), "wider panel, fewer rows: wrapped again"

    asyncio.run(run())


def test_a_long_plan_card_folds_one_tool_a_line(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(80, 30)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "remove the person")
            card = next(entry for entry in app.query_one("#log").entries if "▸" in entry)
            assert card.count("\n  → ") == 2 and "select(target person)" in card and "inpaint(task remove" in card

    asyncio.run(run())


def _shown(app: RetouchChat) -> np.ndarray:
    return np.asarray(app.query_one("#preview").shown.convert("RGB"), np.int16)


def _version(session: Session, number: int | None = None) -> np.ndarray:
    return np.asarray(Image.open(session.version_path(number)).convert("RGB"), np.int16)


def test_the_tint_marks_a_selection_and_is_gone_after_the_edit(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            assert np.array_equal(_shown(app), _version(session)), "the photo starts clean"
            await _say(pilot, app, "select the person")
            tinted = np.abs(_shown(app) - _version(session)).max(axis=2) > 20
            assert tinted[app.agent.mask > 127].mean() > 0.9 and not tinted[app.agent.mask == 0].any()
            await _say(pilot, app, "remove it")
            assert session.head == 1
            assert np.array_equal(_shown(app), _version(session)), "the new version, clean"
            await _say(pilot, app, "/mask")
            assert not np.array_equal(_shown(app), _version(session)), "/mask shows the tint again"
            await _say(pilot, app, "/mask")
            assert np.array_equal(_shown(app), _version(session))

    asyncio.run(run())


def test_compare_flips_to_the_version_before_then_side_by_side(session: Session) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            await _say(pilot, app, "/compare")
            assert "error this is the original, so there is nothing before it" in _log_text(app)
            await _say(pilot, app, "make it much brighter")
            caption = app.query_one("#caption")
            assert np.array_equal(_shown(app), _version(session, 1))
            await pilot.press("ctrl+t")
            await _until(pilot, lambda: app.compare == "before")
            assert np.array_equal(_shown(app), _version(session, 0))
            assert "BEFORE: v000 (v001 was made from it)" in str(caption.render())
            await pilot.press("ctrl+t")
            await _until(pilot, lambda: app.compare == "side")
            both = _shown(app)
            assert both.shape[1] == 2 * 256 + 6 and both.shape[0] == 256
            assert np.array_equal(both[:, :256], _version(session, 0))
            assert np.array_equal(both[:, -256:], _version(session, 1))
            assert "left BEFORE v000 · right AFTER v001" in str(caption.render())
            assert _picture_aspect(app) == pytest.approx((2 * 256 + 6) / 256, rel=0.10)
            await pilot.click("#preview .picture", offset=(2, 2))
            await pilot.pause(0.1)
            assert "Clicks pick in the current version alone" in _log_text(app) and app.agent.mask is None
            await _say(pilot, app, "/compare off")
            assert np.array_equal(_shown(app), _version(session, 1)) and "v001 ·" in str(caption.render())

    asyncio.run(run())


async def _click_image_point(pilot, app: RetouchChat, x: int, y: int) -> None:
    """Click the preview's cell over image pixel (x, y)."""
    preview = app.query_one("#preview")
    region = preview.picture.region
    width, height = preview.shown.size
    offset = (int(x / width * region.width), int(y / height * region.height))
    await pilot.click("#preview .picture", offset=offset)
    await pilot.pause(0.05)
    await _until(pilot, lambda: not app.busy and len(app.workers) == 0, timeout=60)


def test_a_click_picks_the_person_under_it_not_the_other(tmp_path: Path) -> None:
    photo = Image.open(DATA / "image.png").convert("RGB")
    pair = Image.new("RGB", (512, 256))
    pair.paste(photo, (0, 0))
    pair.paste(photo, (256, 0))
    pair.save(tmp_path / "two.png")
    session = Session.create(tmp_path / "session", tmp_path / "two.png")

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(140, 45)) as pilot:
            await _until(pilot, lambda: app.agent_ready.is_set() and app.finder_warm)
            await pilot.pause(0.2)
            people = sorted(app.agent.executor.backends.finder().find(pair, "person"), key=lambda c: c.box[0])
            assert len(people) == 2
            said = len(app.query_one("#log").entries)
            await pilot.click("#preview", offset=(1, 1))  # the letterbox above the picture: not a pick
            await pilot.pause(0.1)
            assert not app.busy and len(app.query_one("#log").entries) == said
            for person, other in (people[::-1], people):
                ys, xs = np.nonzero(person.mask > 127)
                await _click_image_point(pilot, app, int(np.median(xs)), int(np.median(ys)))
                picked = app.agent.mask > 127
                overlap = (picked & (person.mask > 127)).sum() / (picked | (person.mask > 127)).sum()
                # the finder's mask trimmed to her edge (tools/mask_trim.py): inside it, nearly all of it
                assert overlap > 0.95 and not (picked & ~(person.mask > 127)).any()
                assert not (picked & (other.mask > 127)).any()
                assert "Selected the person at" in _log_text(app).splitlines()[-1]
                tinted = np.abs(_shown(app) - _version(session)).max(axis=2) > 20
                assert tinted[picked].mean() > 0.9, "the pick is tinted"
                await _say(pilot, app, "/undo")  # a second click would add the other person: step back first

    asyncio.run(run())


def test_a_click_on_the_dog_outlines_it_and_remove_this_removes_it(tmp_path: Path) -> None:
    """The click outlines the body; "remove this" sees the tail below the bench seat and asks
    about it, like any question; "yes" removes the dog with its tail."""
    session = Session.create(tmp_path / "session", DATA / "overture-creations-5sI6fQgYIuo.png")
    truth = np.asarray(Image.open(DATA / "overture-creations-5sI6fQgYIuo_mask.png").convert("L")) > 127
    tail = np.asarray(Image.open(DATA / "overture-creations-5sI6fQgYIuo_mask_with_tail.png")) > 127
    tail[:378] = False  # the part of the dog below the seat

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(140, 45)) as pilot:
            await _until(pilot, lambda: app.agent_ready.is_set() and app.finder_warm)
            await pilot.pause(0.2)
            await _click_image_point(pilot, app, 252, 262)
            picked = app.agent.mask > 127
            assert (picked & truth).sum() / (picked | truth).sum() >= 0.6
            assert not (picked & tail).any(), "the click outlines the body, not the tail"
            await _say(pilot, app, "remove this")
            assert session.head == 0 and app.agent.pending is not None
            assert "I also see what looks like more of it below — remove that too?" in _log_text(app)
            await _say(pilot, app, "yes")
            assert session.head == 1 and "Removing the selected area — that too" in _log_text(app)
            changed = np.abs(_version(session, 1) - _version(session, 0)).max(axis=2) > 8
            assert changed[picked].mean() > 0.5 and changed[tail].mean() > 0.9
            assert session.last_edit()["resolved"]["calls"][-1]["args"]["leftovers"] == "all"
            assert np.array_equal(_shown(app), _version(session)), "clean after the edit"

    asyncio.run(run())


def test_one_request_at_a_time(session: Session, slow_fill) -> None:
    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, app.agent_ready.is_set)
            prompt = app.query_one("#prompt")
            prompt.value = "remove the left half"
            await pilot.press("enter")
            prompt.value = "remove the right half"  # a second Enter before the worker has started
            await pilot.press("enter")
            assert app.busy and prompt.value == "remove the right half", "the words wait in the box"
            await _until(pilot, lambda: not app.busy and len(app.workers) == 0)
            assert "Still working on the last request" in _log_text(app)
            assert len(session.edit_entries()) == 1 and session.head == 1
            assert session.edit_entries()[0]["words"] == "remove the left half"
            await pilot.press("enter")
            await _until(pilot, lambda: session.head == 2 and not app.busy)

    asyncio.run(run())


def test_the_finder_is_warm_before_the_first_request(session: Session) -> None:
    import sys

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            status = app.query_one("#status")
            await _until(pilot, lambda: "planner rules" in str(status.render()))
            assert "finder auto (loading…)" in str(status.render()) or app.finder_warm
            await _until(pilot, lambda: app.finder_warm)
            await pilot.pause(0.1)
            assert "mediapipe" in sys.modules
            from retouch.tools.models.cache import MODELS

            assert {"selfie", "face-short", "face-full"} <= {m.name for m in MODELS.loaded() if m.kind == "mediapipe"}
            assert "finder embedded ·" in str(app.query_one("#status").render())

    asyncio.run(run())


def test_the_planners_patterns_are_compiled_before_the_first_request(session: Session) -> None:
    """The rules' patterns compile on first use (fast for a one-shot `retouch plan`); the chat compiles them all while
    it warms the finder, so the first request typed doesn't wait for them."""
    from retouch.agent.planner.rules_lexicon import rx

    untouched = rx(r"\bpatterns? compiled by the chat's warm-up\b")

    async def run() -> None:
        app = _chat(session)
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: app.finder_warm)
            assert "_compiled" in vars(untouched)

    asyncio.run(run())


@pytest.mark.parametrize("image, box, cell, expected", [
    ((600, 200), (42, 30), (10, 20), (42, 7)),     # wide: full width, a third as many rows (×2 for the cell)
    ((200, 600), (42, 18), (10, 20), (12, 18)),    # tall: full height
    ((256, 256), (80, 40), (8, 16), (80, 40)),
    ((256, 256), (80, 40), (10, 10), (40, 40)),    # square cells: as many columns as rows
    ((10_000, 1), (40, 20), (10, 20), (40, 1)),    # never less than one cell
    ((600, 200), (0, 30), (10, 20), (0, 0)),       # no room yet
])
def test_fit_cells(image, box, cell, expected) -> None:
    from retouch.tui.chat.preview import fit_cells

    assert fit_cells(image, box, cell) == expected


def test_retouch_show_keeps_a_tall_picture_on_screen(tmp_path: Path, capsys, monkeypatch) -> None:
    from retouch.tui.chat.preview import cell_pixels
    from retouch.tui.show import show_image

    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("LINES", "30")
    path = tmp_path / "tall.png"
    Image.new("RGB", (200, 600), (200, 40, 40)).save(path)
    show_image(path, renderer="halfcell")
    rows = [line for line in capsys.readouterr().out.splitlines() if "▀" in line]
    columns = max(line.count("▀") for line in rows)
    assert len(rows) <= 28, "fits the terminal's height"
    cell_width, cell_height = cell_pixels()
    assert columns * cell_width / (len(rows) * cell_height) == pytest.approx(1 / 3, rel=0.10)


def test_a_finder_that_cannot_load_is_named_and_the_request_says_why(session: Session) -> None:
    broken = argparse.Namespace(finder="no-such-finder", inpainter=None, planner=None, force=False)

    async def run() -> None:
        app = RetouchChat(session, lambda s: make_agent(broken, s), renderer="halfcell")
        async with app.run_test(size=(120, 40)) as pilot:
            await _until(pilot, lambda: app.finder_warm)
            await pilot.pause(0.1)
            assert "finder no-such-finder (not loaded)" in str(app.query_one("#status").render())
            await _say(pilot, app, "remove the person")
            error, read_as = _log_text(app).splitlines()[-2:]      # the error, then what the words were read as
            assert "error" in error and "no-such-finder" in error
            assert read_as == "note: I had read your words as: Removing the person."
            assert session.head == 0 and app.is_running

    asyncio.run(run())


def test_the_chat_draws_on_its_own_descriptor_and_native_logs_go_nowhere(tmp_path: Path) -> None:
    """What reaches the terminal (fd 2 of the process) inside `private_terminal`: the screen
    (`sys.__stderr__`, where Textual writes), not a native library's write to fd 2, nor anything
    lost while fd 2 is pointed elsewhere (as MediaPipe's silencer does)."""
    import subprocess
    import sys

    script = """
import os, sys
from retouch.tui.chat.terminal import private_terminal
with private_terminal():
    os.write(2, b"native log\\n")
    saved = os.dup(2)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 2)                      # a library silencing fd 2 from another thread
    sys.__stderr__.write("frame drawn meanwhile\\n"); sys.__stderr__.flush()
    os.dup2(saved, 2)
    sys.__stderr__.write("next frame\\n"); sys.__stderr__.flush()
os.write(2, b"after the chat\\n")
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == ["frame drawn meanwhile", "next frame", "after the chat"]
