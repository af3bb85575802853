"""Sessions written before the settings refactor (tests/data/old_session, see its README) still open,
continue, move through history and replay their PNG history with today's code.

Pixels are compared only where no algorithm may change them (the original's region, a tone
adjustment); the fills themselves may improve between versions of Retouch."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

import retouch
from retouch.agent.plan import validate_plan
from retouch.agent.session import Session
from tests.support import DATA, pixels

OLD = DATA / "old_session"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """A copy of the old session (and its photo), so the fixture itself is never written to."""
    shutil.copytree(OLD, tmp_path / "old")
    return tmp_path / "old"


def test_the_old_journal_replays_to_the_same_state(old: Path) -> None:
    session = Session.open(old / "session")
    assert session.head == 2, "the last line undid v003"
    assert [(v.number, v.parent, v.words) for v in session.versions()] == [
        (0, None, ""), (1, 0, "remove the box (12, 12, 36, 40)"), (2, 1, "extend the canvas 16 px to the right"),
        (3, 2, "make it a bit brighter")]
    for entry in session.edit_entries():
        validate_plan(entry["resolved"], "journal")  # every old resolved plan is still a valid plan


def test_the_old_journal_holds_the_old_resolved_settings(old: Path) -> None:
    lines = [json.loads(line) for line in (old / "session" / "journal.jsonl").read_text().splitlines()]
    inpaint = lines[1]["resolved"]["calls"][2]["args"]
    assert inpaint["fill"] == "latent_noise" and inpaint["steps"] == 30 and inpaint["cleanup_strength"] == 0.35


def test_an_old_session_continues_and_moves_through_history(old: Path, run_cli) -> None:
    editor = retouch.open(old / "photo.png", session=old / "session")
    assert editor.version == 2
    assert editor.redo().name == "v003.png"
    editor.undo()
    result = editor.edit("make it a bit darker", seed=0)
    assert result.changed and result.version == 4
    assert [(v.number, v.parent) for v in editor.versions()][-1] == (4, 2)
    code, out, err = run_cli("log", "--session", old / "session")
    assert code == 0 and "v004  from v002  'make it a bit darker'" in out


def test_an_old_png_history_replays(old: Path, run_cli, tmp_path: Path) -> None:
    """`retouch apply v003.png` replays the old steps (an old fill setting on the built-in backend
    included): same canvas, the original bit for bit where it sits, and the last step — a tone
    adjustment, the same arithmetic then and now — the same change."""
    out = tmp_path / "again.png"
    code, _, err = run_cli("apply", old / "session" / "v003.png", "--image", old / "photo.png", "-o", out,
                           "--session", tmp_path / "replay")
    assert code == 0, err
    again, then = pixels(out), pixels(old / "session" / "v003.png")
    assert again.shape == then.shape == (64, 80, 3)
    replayed = Session.open(tmp_path / "replay")
    assert [v.words for v in replayed.versions()][1:] == [
        "remove the box (12, 12, 36, 40)", "extend the canvas 16 px to the right", "make it a bit brighter"]
    removed, outpainted = pixels(replayed.version_path(1)), pixels(replayed.version_path(2))
    untouched = np.asarray(Image.open(old / "session" / "masks" / "v001.png")) == 0   # the old edit's own mask
    assert 0.1 < untouched.mean() < 0.5  # a 24×28 box grown by 22 px on a 64×64 photo
    assert np.array_equal(removed[untouched], pixels(old / "photo.png")[untouched])
    assert np.array_equal(outpainted[:, :64], removed), "the outpaint keeps the picture bit for bit"
    assert np.array_equal(again, pixels(_brightened(old, replayed)))


def _brightened(old: Path, replayed: Session) -> Path:
    """The replayed v002 brightened by the old journal's own adjust call, with today's tool."""
    from retouch.tools.adjust import adjust

    lines = [json.loads(line) for line in (old / "session" / "journal.jsonl").read_text().splitlines()]
    args = next(line for line in lines if line.get("words") == "make it a bit brighter")["resolved"]["calls"][0]["args"]
    values = {name: args[name] or 0.0 for name in ("brightness", "contrast", "saturation", "sharpness", "warmth")}
    path = replayed.root / "expected.png"
    adjust(Image.open(replayed.version_path(2)).convert("RGB"), **values).save(path)
    return path
