"""The session store: byte-exact original, atomic versions, a journal that is the only state."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from retouch.agent.session import JOURNAL, Session
from retouch.tools.errors import RetouchError


def _png(colour: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def session(tmp_path: Path, person_photo: Path) -> Session:
    return Session.create(tmp_path / "s", person_photo)


def test_original_is_copied_byte_for_byte(session: Session, person_photo: Path) -> None:
    assert session.original_path.name == "v000.png"
    assert session.original_path.read_bytes() == person_photo.read_bytes()
    first = json.loads((session.root / JOURNAL).read_text().splitlines()[0])
    assert first["kind"] == "open" and first["source"] == str(person_photo.resolve())


def test_jpeg_original_keeps_its_extension(tmp_path: Path) -> None:
    from tests.support import DATA

    session = Session.create(tmp_path / "j", DATA / "bunny.jpeg")
    assert session.original_path.name == "v000.jpeg"


def test_edits_undo_redo_revert(session: Session) -> None:
    one = session.commit_edit(images=[_png((255, 0, 0))], mask_png=_png((255, 255, 255)),
                              record={"words": "first"})
    two = session.commit_edit(images=[_png((0, 255, 0)), _png((0, 0, 255))], mask_png=None,
                              record={"words": "second"})
    assert (one, two) == (1, 2)
    assert session.version_path(2).name == "v002.png"
    assert [p.name for p in session.state.versions[2].variations] == ["v002-2.png"]
    assert (session.root / "masks" / "v001.png").exists()
    assert session.undo() == 1 and session.head == 1
    assert session.undo() == 0
    with pytest.raises(RetouchError, match="nothing to undo"):
        session.undo()
    assert session.redo() == 1 and session.redo() == 2
    with pytest.raises(RetouchError, match="nothing to redo"):
        session.redo()
    assert session.revert(0) == 0
    assert session.redo() == 2, "redo after a revert returns to where we were"
    with pytest.raises(RetouchError, match="no version 9"):
        session.revert(9)


def test_new_edit_after_undo_branches_and_clears_redo(session: Session) -> None:
    session.commit_edit(images=[_png((1, 1, 1))], mask_png=None, record={})
    session.undo()
    number = session.commit_edit(images=[_png((2, 2, 2))], mask_png=None, record={})
    assert number == 2 and session.state.versions[2].parent == 0
    with pytest.raises(RetouchError):
        session.redo()
    assert session.undo() == 0


def test_state_is_derived_from_the_journal_on_reopen(session: Session) -> None:
    session.commit_edit(images=[_png((1, 1, 1))], mask_png=None, record={})
    session.commit_edit(images=[_png((2, 2, 2))], mask_png=None, record={})
    session.undo()
    reopened = Session.open(session.root)
    assert reopened.head == 1 and reopened.state.redo == [2]


def test_interrupted_step_leaves_session_consistent_and_is_cleaned_next_time(session: Session) -> None:
    session.commit_edit(images=[_png((1, 1, 1))], mask_png=None, record={})
    # kill -9 after writing v002.png and its mask but before the journal line, and mid-write of v003.
    orphans = [session.root / "v002.png", session.root / "masks" / "v002.png", session.root / ".v003.png.1a2b.part"]
    for orphan in orphans:
        orphan.write_bytes(_png((9, 9, 9)))
    reopened = Session.open(session.root)
    assert reopened.head == 1 and all(orphan.exists() for orphan in orphans), "reading alone changes nothing"
    number = reopened.commit_edit(images=[_png((3, 3, 3))], mask_png=None, record={})
    assert number == 2 and reopened.version_path(2).read_bytes() == _png((3, 3, 3))
    assert reopened.cleaned == [".v003.png.1a2b.part", "masks/v002.png", "v002.png"]
    assert sorted(p.name for p in session.root.iterdir()) == [".lock", "journal.jsonl", "masks", "v000.png",
                                                              "v001.png", "v002.png"]
    assert (session.root / "v001.png").read_bytes() == _png((1, 1, 1)), "referenced versions are kept"


def test_damaged_journal_is_reported(session: Session) -> None:
    with open(session.root / JOURNAL, "a") as handle:
        handle.write("{not json\n")
    with pytest.raises(RetouchError, match="line 2 is damaged"):
        Session.open(session.root)


def test_open_or_create(tmp_path: Path, person_photo: Path, dog_photo: Path) -> None:
    root = tmp_path / "oc"
    created = Session.open_or_create(root, person_photo)
    created.commit_edit(images=[_png((1, 1, 1))], mask_png=None, record={})
    again = Session.open_or_create(root, person_photo)
    assert again.head == 1
    assert Session.open_or_create(root, None).head == 1
    with pytest.raises(RetouchError, match="another image"):
        Session.open_or_create(root, dog_photo)
    with pytest.raises(RetouchError, match="holds no session yet"):
        Session.open_or_create(tmp_path / "empty", None)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("x")
    with pytest.raises(RetouchError, match="not empty"):
        Session.create(tmp_path / "busy", person_photo)


def test_pick_variation_makes_a_new_version(session: Session) -> None:
    session.commit_edit(images=[_png((1, 1, 1)), _png((2, 2, 2)), _png((3, 3, 3))], mask_png=None,
                        record={"plan": {"calls": []}})
    number = session.pick_variation(3)
    assert number == 2
    assert session.version_path().read_bytes() == _png((3, 3, 3))
    assert session.state.versions[2].parent == 0
    with pytest.raises(RetouchError, match="no variation 7"):
        session.pick_variation(7)
