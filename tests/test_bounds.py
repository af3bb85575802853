"""Bounded work (issue 22): a history of 3,500 steps or an instruction file of 10,000 lines is
refused before the first version is written (`--max-steps` raises the cap), and a job whose
versions would not fit on the disk is refused with the estimate before it starts."""

from __future__ import annotations

from collections import namedtuple
from pathlib import Path

import pytest
from PIL import Image

from retouch.tools.provenance import png_info
from tests.support import one_line_error, sessions_in, small_photo

Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    return small_photo(tmp_path)


def _history(photo: Path, path: Path, count: int) -> Path:
    step = {"kind": "edit", "words": "a bit brighter",
            "plan": {"calls": [{"tool": "adjust", "args": {"brightness": 0.01}}], "reply": ""}}
    metadata = {"format": 1, "retouch": "0.1.0", "source": {"name": photo.name, "sha256": None}, "steps": [step] * count}
    Image.open(photo).save(path, pnginfo=png_info(metadata))
    return path


def test_a_history_of_3500_steps_is_refused_before_any_version(run_cli, photo: Path, tmp_path: Path,
                                                              data_home: Path) -> None:
    history = _history(photo, tmp_path / "long.png", 3500)
    assert history.stat().st_size < 200_000  # a small file asking for thousands of versions
    before = sessions_in(data_home)
    line = one_line_error(*run_cli("apply", history, "--image", photo)[::2])
    assert line == ("retouch: error: the history of long.png has 3,500 steps, more than the 100 steps one command "
                    "runs. Each step writes a version; pass --max-steps 3500 to run them all.")
    assert sessions_in(data_home) == before


def test_max_steps_sets_the_cap_both_ways(run_cli, photo: Path, tmp_path: Path) -> None:
    history = _history(photo, tmp_path / "three.png", 3)
    line = one_line_error(*run_cli("apply", history, "--image", photo, "--max-steps", "2")[::2])
    assert "has 3 steps, more than the 2 steps" in line
    code, _, err = run_cli("apply", history, "--image", photo, "--max-steps", "3", "--session", tmp_path / "s")
    assert code == 0, err
    assert sorted(path.name for path in (tmp_path / "s").glob("v*.png")) == ["v000.png", "v001.png", "v002.png",
                                                                           "v003.png"]
    for bad in ("0", "-5", "many", "100001"):
        assert "--max-steps" in one_line_error(*run_cli("apply", history, "--image", photo, "--max-steps", bad)[::2])


@pytest.mark.parametrize("command", ["run", "batch"])
def test_an_instruction_file_of_10000_lines_is_refused_before_planning(run_cli, photo: Path, tmp_path: Path,
                                                                       data_home: Path, command: str) -> None:
    script = tmp_path / "long.txt"
    script.write_text("make it a bit brighter\n" * 10_000)
    before = sessions_in(data_home)
    args = ("run", script, "--image", photo) if command == "run" else ("batch", script, photo, "-o", tmp_path / "out")
    line = one_line_error(*run_cli(*args)[::2])
    assert "long.txt has 10,000 requests, more than the 100 steps one command runs" in line
    assert "--max-steps 10000" in line
    assert sessions_in(data_home) == before and not (tmp_path / "out").exists()


def test_a_job_that_would_fill_the_disk_is_refused_with_the_estimate(run_cli, photo: Path, tmp_path: Path,
                                                                     data_home: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """64×48 RGB: each version is estimated at 64·48·3 + 64·48/8 bytes; with 1 MB free and the 64 MB
    margin, nothing fits — the refusal names both figures, and no session or OUTDIR is left."""
    from retouch.agent import bounds

    monkeypatch.setattr(bounds.shutil, "disk_usage", lambda path: Usage(10 << 30, 10 << 30, 1 << 20))
    script = tmp_path / "edits.txt"
    script.write_text("make it a bit brighter\nmore contrast\n")
    before = sessions_in(data_home)
    line = one_line_error(*run_cli("run", script, "--image", photo)[::2])
    assert "running the 2 requests of edits.txt would write about 19 KB" in line and "has 1.0 MB free" in line
    assert sessions_in(data_home) == before
    history = _history(photo, tmp_path / "h.png", 2)
    assert "replaying h.png would write about" in one_line_error(*run_cli("apply", history, "--image", photo)[::2])
    line = one_line_error(*run_cli("batch", script, photo, "-o", tmp_path / "out", "--workers", "1")[::2])
    assert "editing 1 image would write about" in line
    assert not list((tmp_path / "out").glob("*.png")) and not list((tmp_path / "out" / "sessions").glob("[!.]*"))


@pytest.mark.parametrize("kind", ["photo", "noise"])
def test_the_estimate_holds_what_a_version_takes(run_cli, tmp_path: Path, kind: str) -> None:
    """The estimate is meant as a ceiling: a real photo's version (and its mask) stays under it, and
    so does pure noise, which PNG cannot compress at all."""
    import numpy as np

    from retouch.agent import bounds

    if kind == "photo":
        photo = small_photo(tmp_path, (320, 240))
    else:
        photo = tmp_path / "noise.png"
        Image.fromarray(np.random.default_rng(0).integers(0, 256, (240, 320, 3), dtype=np.uint8)).save(photo)
    code, _, err = run_cli("edit", photo, "remove the box (10, 10, 200, 200)", "--seed", "0",
                           "--session", tmp_path / "s")
    assert code == 0, err
    written = (tmp_path / "s" / "v001.png").stat().st_size + (tmp_path / "s" / "masks" / "v001.png").stat().st_size
    assert written <= bounds.version_bytes((320, 240), 3)
