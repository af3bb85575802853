"""A batch killed half-way — Ctrl-C or kill -9 — finishes on the next run without redoing or
losing an image, and ends with the same bytes as a run that was never interrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from retouch.agent.session import Session
from testkit.photos import make_variants

COUNT = 12
LINES = ("remove the left third", "brighten it")


@pytest.fixture(scope="module")
def batch_input(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("resume")
    make_variants(folder / "in", COUNT, sizes=(128, 176))
    script = folder / "edits.txt"
    script.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return script, folder / "in"


@pytest.fixture(scope="module")
def reference(batch_input: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The results of the same batch, never interrupted."""
    script, images = batch_input
    out = tmp_path_factory.mktemp("reference") / "out"
    finished = subprocess.run(_command(script, images, out, workers=2), capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    return {path.name: path.read_bytes() for path in out.glob("*.png")}


def _command(script: Path, images: Path, out: Path, *, workers: int) -> list[str]:
    return [sys.executable, "-m", "retouch.tui.cli", "batch", str(script), str(images), "-o", str(out),
            "--workers", str(workers)]


def _results(out: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in out.glob("*.png")}


@pytest.mark.parametrize("kill", [signal.SIGINT, signal.SIGKILL], ids=["kill-INT", "kill-9"])
def test_killed_batch_resumes_without_redoing_or_losing_any(batch_input: tuple[Path, Path], reference: dict[str, bytes],
                                                            tmp_path: Path, kill: signal.Signals) -> None:
    script, images = batch_input
    out = tmp_path / "out"
    batch = subprocess.Popen(_command(script, images, out, workers=1), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not out.exists() or len(_results(out)) < 4:  # a third of the way
        assert batch.poll() is None and time.monotonic() < deadline, "the batch ended before it could be killed"
        time.sleep(0.02)
    os.kill(batch.pid, kill)
    stdout, stderr = batch.communicate(timeout=120)

    if kill == signal.SIGINT:  # a clean stop: what was running is finished or dropped, the rest not started
        assert batch.returncode == 130, stderr
        assert stdout.startswith("done ") and "not run" in stdout
    else:
        assert batch.returncode == -signal.SIGKILL
    time.sleep(1.0)  # an orphaned worker notices within half a second and exits
    before = _results(out)
    assert 4 <= len(before) < COUNT
    for name in before:  # whatever is there is whole
        with Image.open(out / name) as result:
            result.load()

    finished = subprocess.run(_command(script, images, out, workers=2), capture_output=True, text=True, timeout=600)

    assert finished.returncode == 0, finished.stderr
    report = [json.loads(line) for line in (out / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    skipped = {Path(entry["output"]).name for entry in report if entry["status"] == "skipped"}
    done = {Path(entry["output"]).name for entry in report if entry["status"] == "done"}
    assert before.keys() <= skipped and not skipped & done and len(skipped) + len(done) == COUNT
    assert finished.stdout.strip() == f"done {len(done)} · skipped {len(skipped)} · failed 0"
    after = _results(out)
    assert {name: after[name] for name in before} == before  # not redone
    assert {path.name: path.read_bytes() for path in out.glob("*.png")} == reference  # none lost, same bytes
    sessions = out / "sessions"
    assert sorted(path.name for path in sessions.iterdir() if not path.name.startswith(".")) == \
        sorted(Path(name).stem for name in reference)
    assert not [path for path in [*sessions.iterdir(), *out.iterdir()] if path.name.endswith(".part")]
    for name in reference:
        session = Session.open(sessions / Path(name).stem)
        assert [entry["words"] for entry in session.edit_entries()] == list(LINES)  # each step once


def _worker_pids(parent: int) -> list[int]:
    """The batch's worker processes (not multiprocessing's resource tracker)."""
    children = []
    for task in Path(f"/proc/{parent}/task").iterdir():
        children += [int(pid) for pid in (task / "children").read_text().split()]
    return [pid for pid in children
            if b"resource_tracker" not in Path(f"/proc/{pid}/cmdline").read_bytes()]


def test_a_worker_killed_mid_image_is_replaced_and_its_image_retried(
        batch_input: tuple[Path, Path], reference: dict[str, bytes], tmp_path: Path) -> None:
    """What the out-of-memory killer does to a worker: the batch starts a new one and tries again."""
    script, images = batch_input
    out = tmp_path / "out"
    batch = subprocess.Popen(_command(script, images, out, workers=1), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 300
    while not out.exists() or len(_results(out)) < 2:
        assert batch.poll() is None and time.monotonic() < deadline, "the batch ended before its worker was killed"
        time.sleep(0.02)
    for pid in _worker_pids(batch.pid):
        os.kill(pid, signal.SIGKILL)
    stdout, stderr = batch.communicate(timeout=600)

    assert batch.returncode == 0, stderr
    assert stdout.strip() == f"done {COUNT} · skipped 0 · failed 0"
    report = [json.loads(line) for line in (out / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert max(entry["attempts"] for entry in report) == 2
    assert {path.name: path.read_bytes() for path in out.glob("*.png")} == reference
