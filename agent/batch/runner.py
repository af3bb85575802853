"""Running a batch's jobs on a pool of workers: skipping finished images, one retry, the report,
and a clean stop on Ctrl-C.

The driver decides everything here and the workers only edit, so the local pool and Ray behave
the same. Ctrl-C (or SIGTERM) once: no new image starts, the ones in progress are asked to stop
at their next step and come back as finished or cancelled. Twice: the workers are stopped at
once. Either way every image is finished or untouched — a half-made session is never renamed
into place and results are written atomically — and the next run picks up the rest.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import signal
import threading
from collections import defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Callable, Iterator, Protocol

from retouch.agent.batch.layout import RunLayout, finished_outputs
from retouch.agent.bounds import check_disk, version_bytes
from retouch.agent.batch.spec import BatchSpec, ImageResult, Job
from retouch.tools.errors import RetouchError

ATTEMPTS = 2
"""A failure worth retrying (a crash, a lost worker) gets one more try."""
_POLL_SECONDS = 0.2


class Pool(Protocol):
    """Workers that run `work.process_image` on submitted jobs (`local_pool`, `ray_pool`)."""

    workers: int
    capacity: int
    """How many jobs may be submitted at once (a little more than the workers, so none idles)."""

    def submit(self, job: Job) -> None: ...
    def next_result(self, timeout: float) -> tuple[Job, ImageResult] | None: ...
    def in_flight(self) -> int: ...
    def cancel(self) -> None:
        """Ask every running image to stop at its next step; queued ones come back cancelled."""
    def close(self, *, force: bool = False) -> list[Job]:
        """Release the workers; with force, stop them at once and return the jobs they had."""


class Progress(Protocol):
    """What the command line shows; the runner itself never prints."""

    def begin(self, *, to_do: int, skipped: int, workers: int) -> None: ...
    def result(self, result: ImageResult, summary: "Summary") -> None: ...


@dataclass
class Summary:
    total: int
    done: int = 0
    skipped: int = 0
    failed: int = 0
    cancelled: int = 0
    stopped: str | None = None
    """Why the run ended early: Ctrl-C, or an error every image would hit."""
    interrupted: bool = False
    """The user stopped it (Ctrl-C, SIGTERM)."""

    def count(self, result: ImageResult) -> None:
        setattr(self, result.status, getattr(self, result.status) + 1)

    def line(self) -> str:
        """`done 4,812 · skipped 150 · failed 38` — plus what was left when the run was stopped."""
        parts = [f"done {self.done:,}", f"skipped {self.skipped:,}", f"failed {self.failed:,}"]
        if self.cancelled:
            parts.append(f"not run {self.cancelled:,}")
        return " · ".join(parts)


def run_jobs(jobs: list[Job], spec: BatchSpec, start_pool: Callable[[], Pool], progress: Progress) -> Summary:
    """Every job to a final status, written to OUTDIR/report.jsonl as it lands."""
    layout = RunLayout(spec.outdir)
    layout.sessions.mkdir(parents=True, exist_ok=True)
    summary = Summary(total=len(jobs))
    # backslashreplace: a file name that is not UTF-8 is written as a JSON \u escape, not a crash.
    with open(layout.report, "w", encoding="utf-8", errors="backslashreplace") as report, _interrupts() as stop:
        def record(result: ImageResult) -> None:
            summary.count(result)
            finished = _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds")
            line = {**result.to_report(), "finished": finished}
            report.write(json.dumps(line, ensure_ascii=False) + "\n")
            report.flush()
            progress.result(result, summary)

        to_do: deque[Job] = deque()
        for job in jobs:
            try:
                outputs = finished_outputs(layout, job, spec.suffix)
            except RetouchError as exc:
                record(ImageResult(job.name, job.image, "failed", error=str(exc)))
                continue
            if outputs is None:
                to_do.append(job)
            else:
                record(ImageResult(job.name, job.image, "skipped", outputs=[str(path) for path in outputs]))
        if not to_do:
            return summary
        check_disk(layout.outdir, _bytes_to_write(to_do, spec),
                   f"editing {len(to_do):,} image{'' if len(to_do) == 1 else 's'}")
        pool = start_pool()
        progress.begin(to_do=len(to_do), skipped=summary.skipped, workers=pool.workers)
        abandoned: list[Job] = []
        try:
            _dispatch(pool, to_do, record, summary, stop)
        finally:
            abandoned = pool.close(force=stop.presses > 1)
            # A worker stopped at once (a second Ctrl-C) or killed leaves its part-made session:
            # gone now, not at the next run, which may never come (they reach a GB at 4096²).
            layout.clear_abandoned([job.name for job in jobs], spec.suffix)
        for job in [*abandoned, *to_do]:
            record(ImageResult(job.name, job.image, "cancelled", error=summary.stopped or "stopped"))
    return summary


def _bytes_to_write(jobs: deque[Job], spec: BatchSpec) -> int:
    """About what the images still to do will write: per image a copy of the input, a version per
    step, and the result (`bounds.version_bytes`, from each image's header; one that can't be read
    will fail on its own and writes nothing)."""
    from PIL import Image

    total = 0
    for job in jobs:
        try:
            with Image.open(job.image) as image:
                size, bands = image.size, len(image.getbands())
            total += os.path.getsize(job.image) + (len(spec.steps) + 1) * version_bytes(size, max(bands, 3))
        except Exception:  # noqa: BLE001 - any unreadable file: the worker reports it in one line
            continue
    return total


def _dispatch(pool: Pool, to_do: deque[Job], record: Callable[[ImageResult], None], summary: Summary,
              stop: "_Stop") -> None:
    attempts: dict[str, int] = defaultdict(int)
    cancelled = False
    while to_do or pool.in_flight():
        if stop.presses and not cancelled:
            summary.stopped, summary.interrupted = "stopped by the user", True
            pool.cancel()
            cancelled = True
        if stop.presses > 1:
            return
        while to_do and summary.stopped is None and pool.in_flight() < pool.capacity:
            job = to_do.popleft()
            attempts[job.name] += 1
            pool.submit(job)
        if summary.stopped is not None and not pool.in_flight():
            return
        landed = pool.next_result(_POLL_SECONDS)
        if landed is None:
            continue
        job, result = landed
        result.attempts = attempts[job.name]
        if result.status == "failed" and result.retry and attempts[job.name] < ATTEMPTS and summary.stopped is None:
            to_do.append(job)
            continue
        record(result)
        if result.fatal and summary.stopped is None:
            summary.stopped = f"stopped: {result.error}"


class _Stop:
    presses = 0


@contextmanager
def _interrupts() -> Iterator[_Stop]:
    """Ctrl-C and SIGTERM become a counter the dispatch loop reads, instead of an exception that
    could land between writing a result and recording it."""
    stop = _Stop()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.presses += 1

    previous = {sig: signal.signal(sig, handle) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
