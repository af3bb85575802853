"""The dispatch loop on its own, with a pool whose results the test decides: retry once, stop on
an error every image would hit, and a report line for every image whatever happened."""

from __future__ import annotations

import json
from collections import deque
from pathlib import Path

from retouch.agent.batch.runner import run_jobs
from retouch.agent.batch.spec import BatchSpec, ImageResult, Job, Recipe


class _ScriptedPool:
    """Answers each job from a list of outcomes per image name (one per attempt)."""

    workers = 1
    capacity = 2

    def __init__(self, outcomes: dict[str, list[ImageResult]]) -> None:
        self._outcomes = {name: deque(results) for name, results in outcomes.items()}
        self._queue: deque[Job] = deque()
        self.submitted: list[str] = []

    def submit(self, job: Job) -> None:
        self.submitted.append(job.name)
        self._queue.append(job)

    def in_flight(self) -> int:
        return len(self._queue)

    def next_result(self, timeout: float) -> tuple[Job, ImageResult]:
        job = self._queue.popleft()
        return job, self._outcomes[job.name].popleft()

    def cancel(self) -> None:
        pass

    def close(self, *, force: bool = False) -> list[Job]:
        return []


class _Silent:
    def begin(self, **_: object) -> None:
        pass

    def result(self, *_: object) -> None:
        pass


def _result(name: str, status: str, **fields: object) -> ImageResult:
    return ImageResult(name, f"/in/{name}.png", status, **fields)  # type: ignore[arg-type]


def test_a_crash_is_retried_once_and_a_user_error_is_not(tmp_path: Path) -> None:
    pool = _ScriptedPool({
        "flaky": [_result("flaky", "failed", error="internal error: boom", retry=True), _result("flaky", "done")],
        "broken": [_result("broken", "failed", error="internal", retry=True),
                   _result("broken", "failed", error="internal again", retry=True)],
        "corrupt": [_result("corrupt", "failed", error="can't read it")],
        "fine": [_result("fine", "done")],
    })
    jobs = [Job(name, f"/in/{name}.png") for name in ("flaky", "broken", "corrupt", "fine")]
    spec = BatchSpec(outdir=str(tmp_path), steps=(), recipe=Recipe())

    summary = run_jobs(jobs, spec, lambda: pool, _Silent())

    assert (summary.done, summary.failed, summary.skipped, summary.cancelled) == (2, 2, 0, 0)
    assert sorted(pool.submitted) == sorted(["flaky", "flaky", "broken", "broken", "corrupt", "fine"])
    report = {entry["name"]: entry for entry in map(json.loads, (tmp_path / "report.jsonl").read_text().splitlines())}
    assert {name: (entry["status"], entry["attempts"]) for name, entry in report.items()} == {
        "flaky": ("done", 2), "broken": ("failed", 2), "corrupt": ("failed", 1), "fine": ("done", 1)}
    assert report["broken"]["error"] == "internal again"


def test_an_error_every_image_would_hit_stops_the_batch(tmp_path: Path) -> None:
    names = [f"img{index}" for index in range(6)]
    missing = _result("img0", "failed", error="the model 'x' is not on this machine", fatal=True)
    pool = _ScriptedPool({"img0": [missing], **{name: [_result(name, "done")] for name in names[1:]}})
    spec = BatchSpec(outdir=str(tmp_path), steps=(), recipe=Recipe())

    summary = run_jobs([Job(name, f"/in/{name}.png") for name in names], spec, lambda: pool, _Silent())

    assert summary.failed == 1 and summary.stopped == "stopped: the model 'x' is not on this machine"
    assert summary.done == 1 and summary.cancelled == 4  # the one already submitted finished; the rest never ran
    assert summary.line() == "done 1 · skipped 0 · failed 1 · not run 4"
    lines = (tmp_path / "report.jsonl").read_text().splitlines()
    assert len(lines) == 6


# ------------------------------------------------------------------------------- locks


def test_the_batch_imports_without_fcntl() -> None:
    """The locks are filelock's, so `retouch batch` imports where fcntl does not exist (Windows)."""
    import subprocess
    import sys

    probe = ("import sys\nsys.modules['fcntl'] = None\n"
             "import retouch.agent.batch.layout, retouch.agent.batch.work, retouch.agent.batch.runner\n"
             "import retouch.agent.batch.local_pool, retouch.tui.commands.batch\nprint('ok')\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_one_batch_per_outdir_and_one_worker_per_image(tmp_path: Path) -> None:
    import threading

    import pytest

    from retouch.agent.batch.layout import RunLayout
    from retouch.tools.errors import Cancelled, RetouchError

    layout = RunLayout(tmp_path)
    with layout.run_lock():
        with pytest.raises(RetouchError, match="another batch is writing into"):
            with RunLayout(tmp_path).run_lock():
                pass
    with RunLayout(tmp_path).run_lock():
        pass  # free again once the first run ended
    cancel = threading.Event()
    with layout.image_lock("photo"):
        waiting = threading.Thread(target=lambda: cancel.wait(0.3) or cancel.set())
        waiting.start()
        with pytest.raises(Cancelled):  # a second worker waits for the image, until it is told to stop
            with RunLayout(tmp_path).image_lock("photo", cancel):
                pass
        waiting.join()
    with RunLayout(tmp_path).image_lock("photo", threading.Event()):
        pass
