"""Nothing lost, nothing silent (issue 15): what a failed or hostile command leaves on disk.

Every case runs the real command line in-process and looks at the files: the original untouched,
no session or temp file left by a command that failed, every refusal one `retouch: error:` line.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.agent.session import Session
from tests.support import one_line_error, pixels, small_photo


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")} if root.exists() else set()


def _sessions(data_home: Path) -> set[str]:
    """The session folders made without --session."""
    return _files(data_home / "retouch" / "sessions")


def crafted_png(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares width×height but whose data is a few bytes: a decompression bomb's
    header (a real 2.4 MB bomb of 50,000² decodes to 2.5 GB; the header is all a check may read)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return small_photo(tmp_path)


# ------------------------------------------------------------------------------ 2: one input policy


@pytest.mark.parametrize("how", ["--mask", "mask_path"])
def test_a_bomb_mask_is_refused_from_its_header(run_cli, photo: Path, tmp_path: Path, how: str) -> None:
    bomb = crafted_png(tmp_path / "bomb.png", 50_000, 50_000)
    session = tmp_path / "s"
    if how == "--mask":
        code, _, err = run_cli("edit", photo, "remove it", "--mask", bomb, "--session", session)
    else:
        plan = tmp_path / "plan.json"
        plan.write_text(json.dumps({"calls": [{"tool": "region", "args": {"mask_path": "bomb.png"}},
                                              {"tool": "inpaint", "args": {"task": "remove"}}], "reply": ""}))
        code, _, err = run_cli("apply", plan, "--image", photo, "--session", session)
    line = one_line_error(code, err)
    assert "bomb.png is 2500 MP" in line and "up to 100 MP" in line
    assert not session.exists()


def test_pil_bomb_guard_is_on() -> None:
    from PIL import Image as PILImage

    from retouch.tools.imageio import MAX_PIXELS

    assert PILImage.MAX_IMAGE_PIXELS == MAX_PIXELS


def test_a_mask_of_the_wrong_size_is_refused_before_decoding(run_cli, photo: Path, tmp_path: Path) -> None:
    other = crafted_png(tmp_path / "other.png", 640, 480)  # decoding it would fail: only the header is real
    code, _, err = run_cli("edit", photo, "remove it", "--mask", other, "--session", tmp_path / "s")
    assert "mask other.png is 640×480 but the image is 64×48" in one_line_error(code, err)


def test_an_animated_gif_is_refused_not_flattened(run_cli, tmp_path: Path) -> None:
    frames = [Image.new("RGB", (32, 32), (index * 60, 0, 0)) for index in range(4)]
    gif = tmp_path / "anim.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100, loop=0)
    out = tmp_path / "out.png"
    code, _, err = run_cli("edit", gif, "make it brighter", "-o", out)
    assert "anim.gif is animated" in one_line_error(code, err)
    assert not out.exists()
    still = tmp_path / "still.gif"
    frames[0].save(still)
    code, _, err = run_cli("edit", still, "make it brighter", "-o", out)
    assert code == 0, err


def test_a_device_or_pipe_is_not_read(run_cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    code, _, err = run_cli("edit", fifo, "make it brighter")
    assert "not a regular file" in one_line_error(code, err)


# ------------------------------------------------------------------------------ 3: a failed command leaves nothing


def test_saving_onto_the_input_in_words_is_refused_before_any_work(run_cli, tmp_path: Path, data_home: Path,
                                                                  monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = small_photo(tmp_path, name="p.jpg")
    before, sessions = _sha(source), _sessions(data_home)
    code, _, err = run_cli("edit", source, "make it brighter and save it as p.jpg", "--force")
    assert "p.jpg is the input image" in one_line_error(code, err)
    assert _sha(source) == before and _sessions(data_home) == sessions, "no session, no file"


@pytest.mark.parametrize("target,message", [
    ("folder.png", "is a folder"),
    ("/proc/x.png", "system folder /proc"),
    ("/etc/retouch.png", "system folder /etc"),
    ("notes.txt", "can't write .txt"),
    ("./noextension", "without an extension"),
    ("missing/out.png", "does not exist"),
])
def test_bad_outputs_are_refused_before_any_work(run_cli, photo: Path, tmp_path: Path, data_home: Path,
                                                 monkeypatch, target: str, message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder.png").mkdir()
    sessions = _sessions(data_home)
    for argv in (["-o", target, "--force"], []):
        words = "make it brighter" + ("" if argv else f" and save it as {target}")
        code, _, err = run_cli("edit", photo, words, *argv)
        assert message in one_line_error(code, err)
        assert _sessions(data_home) == sessions
    assert sorted(_files(tmp_path)) == ["folder.png", "photo.png"]


def test_a_full_disk_leaves_no_version_and_no_temp_file(run_cli, photo: Path, tmp_path: Path, monkeypatch) -> None:
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    before = _files(session)
    journal = (session / "journal.jsonl").read_bytes()

    def no_space(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    code, _, err = run_cli("edit", photo, "make it darker", "--session", session)
    line = one_line_error(code, err)
    assert "no space left on device" in line and "Free some disk space" in line
    assert _files(session) == before and (session / "journal.jsonl").read_bytes() == journal


def test_a_script_failing_on_line_two_names_what_it_kept(run_cli, photo: Path, tmp_path: Path, data_home: Path) -> None:
    script = tmp_path / "edits.txt"
    script.write_text("make it brighter\nfly me to the moon\n")
    code, _, err = run_cli("run", script, "--image", photo)
    *_, kept, error = err.strip().splitlines()
    assert error.startswith("retouch: error: edits.txt line 2")
    sessions = [p.parent for p in data_home.rglob("journal.jsonl")]
    assert len(sessions) == 1 and kept == f"kept v001 in the session {sessions[0]} (continue with --session {sessions[0]})"
    assert Session.open(sessions[0]).head == 1


def test_a_save_in_words_says_where_and_expands_home(run_cli, photo: Path, tmp_path: Path, monkeypatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    code, _, err = run_cli("edit", photo, "make it brighter and save it as ~/bright.png", "--session", tmp_path / "s")
    assert code == 0, err
    assert f"wrote {home / 'bright.png'}" in err.splitlines()
    assert np.array_equal(pixels(home / "bright.png"), pixels(tmp_path / "s" / "v001.png"))


# ------------------------------------------------------------------------------ 7: the original protected


def test_output_onto_the_input_or_v000_is_refused_even_with_force(run_cli, photo: Path, tmp_path: Path) -> None:
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    originals = _sha(photo), _sha(session / "v000.png"), _sha(session / "v001.png")
    for target, message in ((photo, "is the input image"), (session / "v000.png", "files of the session"),
                            (session / "v001.png", "files of the session"),
                            (session / "journal.jsonl", "can't write .jsonl")):
        code, _, err = run_cli("edit", photo, "make it darker", "--session", session, "-o", target, "--force")
        assert message in one_line_error(code, err)
    assert (_sha(photo), _sha(session / "v000.png"), _sha(session / "v001.png")) == originals
    code, _, err = run_cli("revert", "0", "--session", session)
    assert code == 0 and np.array_equal(pixels(session / "v000.png"), pixels(photo))


def test_a_changed_original_is_caught_by_its_checksum(run_cli, photo: Path, tmp_path: Path) -> None:
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    Image.new("RGB", (64, 48), "red").save(session / "v000.png")  # changed behind Retouch's back
    code, _, err = run_cli("revert", "0", "--session", session)
    assert "no longer matches the checksum" in one_line_error(code, err)
    assert Session.open(session).head == 1, "the move was not recorded"


def test_outputs_follow_the_umask_and_force_keeps_the_mode(run_cli, photo: Path, tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        fresh, existing = tmp_path / "fresh.png", tmp_path / "existing.png"
        Image.new("RGB", (4, 4)).save(existing)
        os.chmod(existing, 0o644)
        assert run_cli("edit", photo, "make it brighter", "-o", fresh)[0] == 0
        assert run_cli("edit", photo, "make it brighter", "-o", existing, "--force")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o640
    assert stat.S_IMODE(existing.stat().st_mode) == 0o644
    assert Image.open(existing).size == (64, 48)


# ------------------------------------------------------------------------------ 7: sessions that are not right


@pytest.mark.parametrize("damage,message", [
    (lambda j: j.write_text(j.read_text() + "[1, 2, 3]\n"), "line 3 is damaged (not an object with a 'kind')"),
    (lambda j: j.write_text(j.read_text() + '{"kind": "edit"}\n'), "line 3 is damaged (no valid 'output_version')"),
    (lambda j: j.write_bytes(j.read_bytes() + b'{"kind": "\xff"}\n'), "line 3 is damaged (not a JSON line)"),
    (lambda j: j.write_text(j.read_text() + '{"kind": "edit", "output_version": 2, "input_version": 0, '
                                             '"file": "../../etc/passwd"}\n'), "line 3 is damaged (no valid 'file')"),
    (lambda j: j.write_text(j.read_text() + '{"kind": "history", "action": "revert", "from": 1, "to": 7}\n'),
     "line 3 is damaged (its versions don't follow"),
    (lambda j: j.write_text(j.read_text() + '{"kind": "edit", "output_version": 1, "input_version": 1, '
                                             '"file": "v001.png"}\n'), "line 3 is damaged (its versions don't follow"),
])
def test_a_damaged_journal_is_one_line_naming_the_line(run_cli, photo: Path, tmp_path: Path, damage, message) -> None:
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    damage(session / "journal.jsonl")
    for argv in (["edit", photo, "make it darker", "--session", session], ["log", "--session", session],
                 ["undo", "--session", session]):
        code, _, err = run_cli(*argv)
        line = one_line_error(code, err)
        assert message in line and "Fix or remove that line" in line


def test_a_deleted_version_file_is_one_line_and_log_still_works(run_cli, photo: Path, tmp_path: Path) -> None:
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    (session / "v001.png").unlink()
    code, _, err = run_cli("edit", photo, "make it darker", "--session", session)
    line = one_line_error(code, err)
    assert "the file of v001" in line and "is missing" in line and "retouch revert N" in line
    code, out, _ = run_cli("log", "--session", session)
    assert code == 0 and "v001" in out
    assert run_cli("revert", "0", "--session", session)[0] == 0
    code, _, err = run_cli("edit", photo, "make it darker", "--session", session)
    assert code == 0, err


def test_a_session_path_that_is_a_file(run_cli, photo: Path, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "afile"
    not_a_folder.write_text("x")
    for argv in (["edit", photo, "make it darker", "--session", not_a_folder], ["log", "--session", not_a_folder]):
        code, _, err = run_cli(*argv)
        assert "is a file, not a session folder" in one_line_error(code, err)
    assert not_a_folder.read_text() == "x"


def test_a_read_only_session_is_one_line(run_cli, photo: Path, tmp_path: Path, monkeypatch) -> None:
    """Permissions don't bind root (these tests may run as root), so the refusal is simulated where
    the file system would give it: creating a file in the session folder."""
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    before = _files(session)
    real_open = os.open

    def read_only(path, flags, *args, **kwargs):
        if str(path).startswith(str(session)) and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only)
    for argv in (["edit", photo, "make it darker", "--session", session], ["undo", "--session", session]):
        code, _, err = run_cli(*argv)
        line = one_line_error(code, err)
        assert "permission denied" in line and "Pick a folder you can write to" in line
    assert _files(session) == before


def test_leftovers_of_a_kill_are_cleaned_on_the_next_edit(run_cli, photo: Path, tmp_path: Path) -> None:
    session = tmp_path / "s"
    assert run_cli("edit", photo, "make it brighter", "--session", session)[0] == 0
    (session / ".v002.png.1a2b3c4d.part").write_bytes(b"half a file")
    Image.new("RGB", (64, 48)).save(session / "v005.png")  # written, but the journal line never was
    code, _, err = run_cli("edit", photo, "make it darker", "--session", session)
    assert code == 0, err
    assert "note: removed what an interrupted step had left: .v002.png.1a2b3c4d.part, v005.png" in err
    assert sorted(p.name for p in session.glob("v*")) == ["v000.png", "v001.png", "v002.png"]
