"""`--json` on edit/run/apply (checked against the files it names) and the progress bar on stderr:
drawn on a terminal (a real pseudo-terminal, or forced), absent when stderr is a pipe."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select as io_select
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.tui.commands.progress import terminal_progress
from tests.support import DATA, pixels

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
BAR = re.compile(r"(\d+)/(\d+) steps · \d+:\d\d:\d\d · (?:-:--:--|\d+:\d\d:\d\d) left")


@pytest.fixture(autouse=True)
def _no_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RETOUCH_CONFIG", os.devnull)


def _bars(text: str) -> list[tuple[int, int]]:
    """Every (done, total) the bar drew, in order."""
    plain = ANSI.sub("", text).replace("\r", "\n")
    return [(int(m.group(1)), int(m.group(2))) for m in BAR.finditer(plain)]


def _journal(session: Path) -> list[dict]:
    return [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]


# ---- --json ------------------------------------------------------------------------------------


def test_edit_json_names_what_is_on_disk(run_cli, tmp_path) -> None:
    out = tmp_path / "out.png"
    code, stdout, err = run_cli("edit", DATA / "image.png", "remove the person", "--seed", "3", "-o", out, "--json")
    assert code == 0, err
    result = json.loads(stdout)  # stdout holds the JSON and nothing else
    session = Path(result["session"])
    assert result["command"] == "edit" and result["version"] == 1
    assert result["outputs"] == [str(out)] and np.array_equal(pixels(out), pixels(result["version_path"]))
    assert Path(result["version_path"]) == session / "v001.png"
    assert result["reply"] == "Removing the person." and f"session: {session}" in err
    [step] = result["steps"]
    assert step["words"] == "remove the person" and step["plan"]["calls"][0]["args"]["target"] == "person"
    [version] = step["versions"]
    entry = [e for e in _journal(session) if e.get("output_version") == 1][0]
    assert version["number"] == 1 and version["path"] == result["version_path"]
    assert version["resolved"] == entry["resolved"] and version["seeds"] == [3] == entry["seeds"]
    assert [t["tool"] for t in version["tools"]] == ["select", "refine_mask", "inpaint"]
    assert all(t["seconds"] >= 0 for t in version["tools"])
    assert version["seconds"] == entry["timings"]["total_seconds"] <= step["seconds"]
    assert step["seconds"] <= result["timings"]["total_seconds"]


def test_run_json_has_one_step_per_line(run_cli, tmp_path) -> None:
    script = tmp_path / "edits.txt"
    script.write_text("# two edits\nmake it a bit brighter\nrotate 90 degrees\n", encoding="utf-8")
    out = tmp_path / "out.png"
    code, stdout, err = run_cli("run", script, "--image", DATA / "image.png", "-o", out, "--json")
    assert code == 0, err
    result = json.loads(stdout)
    assert result["command"] == "run" and result["version"] == 2
    assert [step["words"] for step in result["steps"]] == ["make it a bit brighter", "rotate 90 degrees"]
    assert [[v["number"] for v in step["versions"]] for step in result["steps"]] == [[1], [2]]
    assert [step["plan"]["calls"][0]["tool"] for step in result["steps"]] == ["adjust", "crop"]
    rotated = pixels(result["steps"][1]["versions"][0]["path"])
    assert rotated.shape[:2] == (256, 256) and np.array_equal(pixels(out), rotated)
    assert result["reply"] == " ".join(step["reply"] for step in result["steps"])


def test_apply_json_and_json_with_preview(run_cli, tmp_path) -> None:
    plan = {"calls": [{"tool": "crop", "args": {"box": [10, 20, 110, 70]}}], "reply": "Cropping."}
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    code, stdout, err = run_cli("apply", tmp_path / "plan.json", "--image", DATA / "image.png", "--json")
    assert code == 0, err
    result = json.loads(stdout)
    assert result["command"] == "apply" and result["outputs"] == []
    [version] = result["steps"][0]["versions"]
    assert Image.open(version["path"]).size == (100, 50)
    assert [call["args"]["box"] for call in version["resolved"]["calls"]] == [[10, 20, 110, 70]]
    code, stdout, err = run_cli("edit", DATA / "image.png", "rotate 90 degrees", "--json", "--preview")
    assert (code, stdout) == (1, "") and "--json and --preview both write to stdout" in err


def test_a_failed_edit_prints_no_json(run_cli, tmp_path) -> None:
    code, stdout, err = run_cli("edit", DATA / "image.png", "remove the giraffe", "--json")
    assert code == 1 and stdout == "" and err.startswith("retouch: error: I couldn't find the giraffe")


# ---- the progress bar ----------------------------------------------------------------------------


class _Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def test_a_bar_on_a_terminal_none_on_a_pipe() -> None:
    with terminal_progress("auto", stream=io.StringIO()) as progress:
        assert progress is None
    with terminal_progress("never", stream=_Terminal()) as progress:
        assert progress is None
    screen = _Terminal()
    with terminal_progress("auto", stream=screen, show_after_s=0) as progress:
        assert progress is not None
        for done in range(6):
            progress(done, 5, "inpainting")
        progress(0, 2, "outpaint left")  # the next tool: a new total restarts the bar
        progress(1, 2, "outpaint right")
    drawn = _bars(screen.getvalue())
    assert drawn[0] == (0, 5) and (5, 5) in drawn and drawn[-1] == (1, 2)
    assert drawn.index((5, 5)) < drawn.index((0, 2))
    plain = ANSI.sub("", screen.getvalue())
    assert "inpainting" in plain and "outpaint right" in plain


def test_hostile_progress_reports_draw_safely() -> None:
    screen = _Terminal()
    with terminal_progress("always", stream=screen) as progress:
        progress(7, 3, "\x1b[2J[bold red]boom\nsecond line" + "x" * 500)
        progress(-4, 0, "")
    text = screen.getvalue()
    assert "\x1b[2J" not in text and "[bold red]" not in text and "second line" not in ANSI.sub("", text).split("\n")
    assert _bars(text)[0] == (3, 3) and _bars(text)[-1] == (0, 1)


@pytest.fixture
def small_photo(tmp_path: Path) -> tuple[Path, Path]:
    photo, mask = tmp_path / "photo.png", tmp_path / "mask.png"
    Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB").resize((133, 101)).save(photo)
    hole = Image.new("L", (133, 101), 0)
    hole.paste(255, (50, 30, 90, 70))
    hole.save(mask)
    return photo, mask


@pytest.mark.usefixtures("one_torch_thread")
def test_diffusion_steps_show_on_a_forced_bar_and_not_on_a_pipe(run_cli, tiny_sd, small_photo, tmp_path) -> None:
    photo, mask = small_photo
    common = ["replace the selection with a red ball", "--mask", mask, "--model", tiny_sd, "--steps", "4",
              "--strength", "1", "--seed", "1", "--device", "cpu"]
    code, _, err = run_cli("edit", photo, *common, "--progress", "always", "-o", tmp_path / "a.png")
    assert code == 0, err
    drawn = _bars(err)
    total = drawn[-1][1]
    assert total >= 4 and drawn[0] == (0, total) and drawn[-1] == (total, total)
    assert {done for done, _ in drawn} == set(range(total + 1)), "every step is drawn"
    assert "inpainting" in ANSI.sub("", err)
    code, _, err = run_cli("edit", photo, *common, "-o", tmp_path / "b.png")  # stderr captured: not a terminal
    assert code == 0 and _bars(err) == [] and "\x1b" not in err
    assert np.array_equal(pixels(tmp_path / "a.png"), pixels(tmp_path / "b.png")), "the bar changes no pixel"


_CLI = ("import sys; import retouch.tui.commands.progress as progress; progress.SHOW_AFTER_S = 0; "
        "from retouch.tui.cli import main; raise SystemExit(main(sys.argv[1:]))")


def _staged_outpaint(tmp_path: Path, name: str) -> list[str]:
    """Three stages of 192 px on a 768² photo: long enough (about a second a stage here) that the
    bar, which only appears for work lasting over half a second, draws at least two of them."""
    photo = tmp_path / "big.png"
    if not photo.exists():
        Image.open(DATA / "image.png").convert("RGB").resize((768, 768)).save(photo)
    return [sys.executable, "-c", _CLI, "edit", str(photo), "extend the canvas 576 px to the left",
            "-o", str(tmp_path / name)]


def test_a_staged_outpaint_draws_on_a_real_terminal_and_not_on_a_pipe(tmp_path) -> None:
    env = {**os.environ, "COLUMNS": "100"}
    primary, secondary = pty.openpty()
    try:
        child = subprocess.Popen(_staged_outpaint(tmp_path, "tty.png"), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, stderr=secondary, env=env)
        os.close(secondary)
        screen = b""
        while True:
            ready, _, _ = io_select.select([primary], [], [], 120)
            if not ready:
                break
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            screen += chunk
        assert child.wait(timeout=120) == 0, screen.decode(errors="replace")
    finally:
        os.close(primary)
    drawn = _bars(screen.decode("utf-8", errors="replace"))
    assert drawn and drawn[-1] == (3, 3) and len(set(drawn)) >= 2, "three stages, each one step of the bar"
    piped = subprocess.run(_staged_outpaint(tmp_path, "pipe.png"), capture_output=True, text=True,
                           env=env, timeout=120)
    assert piped.returncode == 0, piped.stderr
    assert _bars(piped.stderr) == [] and "\x1b" not in piped.stderr and "wrote" in piped.stderr
    assert Image.open(tmp_path / "tty.png").size == Image.open(tmp_path / "pipe.png").size == (768 + 576, 768)
