"""`retouch batch` keys finished work on the input's bytes, and a SIGTERM to the whole process group
(a service manager, `kill -TERM -PGID`) leaves no part-made session behind (issue 22)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA, pixels


def _batch(script: Path, images: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "retouch.tui.cli", "batch", str(script), str(images), "-o", str(out), *extra]


def _report(out: Path) -> dict[str, dict]:
    return {line["name"]: line for line in map(json.loads, (out / "report.jsonl").read_text().splitlines())}


def test_a_photo_replaced_under_its_name_is_redone_not_skipped(tmp_path: Path) -> None:
    images, script, out = tmp_path / "in", tmp_path / "edits.txt", tmp_path / "out"
    images.mkdir()
    first = Image.open(DATA / "image.png").convert("RGB").resize((96, 96))
    first.save(images / "a.png")
    first.rotate(180).save(images / "b.png")
    script.write_text("make it a bit brighter\n")
    env = {**os.environ, "RETOUCH_CONFIG": os.devnull}
    done = subprocess.run(_batch(script, images, out, "--workers", "1"), capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    old_result = pixels(out / "a.png")

    replacement = Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB").resize((80, 64))
    replacement.save(images / "a.png")  # same name, another photo (another size, too)
    again = subprocess.run(_batch(script, images, out, "--workers", "1"), capture_output=True, text=True, env=env)

    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("done 1 · skipped 1 · failed 0")
    report = _report(out)
    assert report["a"]["status"] == "done" and report["b"]["status"] == "skipped"
    assert "the photo changed since the last run, so it was redone" in report["a"]["note"]
    result = pixels(out / "a.png")
    assert result.shape == (64, 80, 3) and not np.array_equal(result[:64, :80], old_result[:64, :80])
    # The same bytes a fresh run on the new photo gives; the old session (and its v000) is kept.
    fresh = subprocess.run(_batch(script, images, tmp_path / "fresh", "--workers", "1"), capture_output=True,
                           text=True, env=env)
    assert fresh.returncode == 0, fresh.stderr
    assert (out / "a.png").read_bytes() == (tmp_path / "fresh" / "a.png").read_bytes()
    kept = [path for path in (out / "sessions").iterdir() if path.name.startswith("a.replaced-")]
    assert len(kept) == 1 and np.array_equal(pixels(kept[0] / "v000.png"), np.asarray(first))
    third = subprocess.run(_batch(script, images, out, "--workers", "1"), capture_output=True, text=True, env=env)
    assert third.stdout.startswith("done 0 · skipped 2")  # and now both are finished


def _slow_batch(tmp_path: Path, photos: int) -> tuple[Path, Path, Path]:
    """Inputs, instructions and output folder for a batch slow enough to stop midway: 768² photos with
    a big removal each."""
    images, script, out = tmp_path / "in", tmp_path / "edits.txt", tmp_path / "out"
    images.mkdir()
    photo = Image.open(DATA / "image.png").convert("RGB").resize((768, 768))
    for index in range(photos):
        photo.rotate(90 * index).save(images / f"p{index}.png")
    script.write_text("remove the box (40, 40, 700, 700)\nmake it a bit brighter\n")
    return images, script, out


def test_sigterm_to_the_process_group_leaves_no_part_session(tmp_path: Path) -> None:
    images, script, out = _slow_batch(tmp_path, photos=4)
    env = {**os.environ, "RETOUCH_CONFIG": os.devnull}
    batch = subprocess.Popen(_batch(script, images, out, "--workers", "2"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    deadline = time.monotonic() + 300
    while not list((out / "sessions").glob(".*.part")):
        assert batch.poll() is None and time.monotonic() < deadline, "no image started before the batch ended"
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(batch.pid, signal.SIGTERM)  # the driver and its workers alike
    stdout, stderr = batch.communicate(timeout=300)

    assert batch.returncode == 130, stderr
    assert "not run" in stdout and "failed" not in stdout.replace("failed 0", "")
    assert list((out / "sessions").glob(".*.part")) == []
    statuses = {line["status"] for line in _report(out).values()}
    assert statuses <= {"done", "cancelled"}


@pytest.mark.parametrize("presses", [2])
def test_a_second_stop_still_leaves_no_part_session(tmp_path: Path, presses: int) -> None:
    """Two Ctrl-C: the workers are stopped at once, and the driver removes what they were making."""
    images, script, out = _slow_batch(tmp_path, photos=2)
    batch = subprocess.Popen(_batch(script, images, out, "--workers", "2"), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "RETOUCH_CONFIG": os.devnull})
    deadline = time.monotonic() + 300
    while not list((out / "sessions").glob(".*.part")):
        assert batch.poll() is None and time.monotonic() < deadline, "no image started before the batch ended"
        time.sleep(0.05)
    for _ in range(presses):  # quick, so the workers are stopped mid-step
        os.kill(batch.pid, signal.SIGINT)
        time.sleep(0.02)
    stdout, stderr = batch.communicate(timeout=300)
    assert batch.returncode == 130, stderr
    time.sleep(1.0)
    assert list((out / "sessions").glob(".*.part")) == []
