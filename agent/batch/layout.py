"""Where a batch keeps things under OUTDIR, and how an image is known to be finished.

    OUTDIR/manifest.json          the run: instruction file, its plans, settings, seed
    OUTDIR/report.jsonl           one line per image of the latest run
    OUTDIR/<name>.png             each image's result (<name>.v1.png … with variations)
    OUTDIR/sessions/<name>/       each image's session, the same layout and journal as `edit`'s
    OUTDIR/sessions/.<name>.part/ a session being made; renamed to <name>/ only once complete
    OUTDIR/sessions/.locks/       one lock per image, held while a worker works on it

A session appears under its real name only when every step has run, and a result is written
atomically after that, so whatever kills the batch, an image is either finished or redone. The
locks are `filelock`'s, as the sessions' are: the same on Linux, macOS and Windows.
"""

from __future__ import annotations

import hashlib
import shutil
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from filelock import FileLock, Timeout

from retouch.agent.batch.spec import Job
from retouch.agent.session import JOURNAL, Session
from retouch.tools.errors import Cancelled, RetouchError

MANIFEST = "manifest.json"
REPORT = "report.jsonl"
SESSIONS = "sessions"
_LOCKS = ".locks"


class RunLayout:
    def __init__(self, outdir: Path | str) -> None:
        self.outdir = Path(outdir)

    @property
    def manifest(self) -> Path:
        return self.outdir / MANIFEST

    @property
    def report(self) -> Path:
        return self.outdir / REPORT

    @property
    def sessions(self) -> Path:
        return self.outdir / SESSIONS

    def session_dir(self, name: str) -> Path:
        return self.sessions / name

    def part_dir(self, name: str) -> Path:
        return self.sessions / f".{name}.part"

    def output_paths(self, name: str, count: int, suffix: str) -> list[Path]:
        """The result's file(s). Variations get `.vN` — a dot never occurs in a name, so they can't
        collide with another image's result."""
        if count == 1:
            return [self.outdir / f"{name}{suffix}"]
        return [self.outdir / f"{name}.v{index}{suffix}" for index in range(1, count + 1)]

    def clear_unfinished(self, name: str, suffix: str) -> None:
        """Remove what an interrupted attempt at this image left: its part-made session and the
        temp files of a result write. Only called while holding the image's lock."""
        shutil.rmtree(self.part_dir(name), ignore_errors=True)
        prefixes = (f".{name}{suffix}.", f".{name}.v")
        for stale in self.outdir.iterdir():
            if stale.name.startswith(prefixes) and stale.name.endswith(".part"):
                stale.unlink(missing_ok=True)

    def clear_abandoned(self, names: list[str], suffix: str) -> list[str]:
        """After the workers are gone: remove the part-made sessions (and result temp files) of
        `names` that no worker holds any more. An image whose lock is still held (a worker orphaned
        by an earlier, killed batch) is left to it. Returns the names cleared."""
        cleared = []
        for name in names:
            if not self.part_dir(name).exists():
                continue
            lock = FileLock(self.sessions / _LOCKS / f"{name}.lock")
            try:
                lock.acquire(timeout=0)
            except Timeout:
                continue
            try:
                self.clear_unfinished(name, suffix)
                cleared.append(name)
            finally:
                lock.release()
        return cleared

    @contextmanager
    def image_lock(self, name: str, cancel: threading.Event | None = None) -> Iterator[None]:
        """One worker per image at a time, across processes and machines sharing the folder. A worker
        orphaned by a killed batch may still hold it; the next run waits for it instead of racing."""
        folder = self.sessions / _LOCKS
        folder.mkdir(parents=True, exist_ok=True)
        lock = FileLock(folder / f"{name}.lock")
        while True:
            try:
                lock.acquire(timeout=0)
                break
            except Timeout:
                if cancel is not None and cancel.is_set():
                    raise Cancelled() from None
                time.sleep(0.1)
        try:
            yield
        finally:
            lock.release()

    @contextmanager
    def run_lock(self) -> Iterator[None]:
        """One batch per OUTDIR at a time: two would plan, report and write over each other."""
        lock = FileLock(self.outdir / ".lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise RetouchError(f"another batch is writing into {self.outdir}",
                               "Wait for it to finish, or pick another -o folder.") from None
        try:
            yield
        finally:
            lock.release()


def finished_session(layout: RunLayout, job: Job) -> Session | None:
    """The image's complete session, or None when it has none yet — or when it was made from an
    earlier photo at the same path (the photo was replaced since): finished work is keyed on the
    input's bytes (sha256), never on its name. A session there for a different file whose bytes
    differ too (the inputs changed between runs) is the user's to sort out, never overwritten."""
    session = _recorded_session(layout, job)
    if session is None or session.entries[0].get("sha256") == _sha256(job.image):
        return session
    if session.entries[0].get("source") == str(Path(job.image).resolve()):
        return None  # replaced under the same name: redone (`retire_replaced` keeps the old session)
    raise RetouchError(f"{session.root} holds the session of another image ({session.entries[0].get('source')})",
                       "Give this set of images its own -o folder.")


def _recorded_session(layout: RunLayout, job: Job) -> Session | None:
    root = layout.session_dir(job.name)
    return Session.open(root) if (root / JOURNAL).exists() else None


def retire_replaced(layout: RunLayout, job: Job, suffix: str) -> Path | None:
    """When the image's session was made from an earlier photo at the same path, move it aside to
    `sessions/<name>.replaced-<its sha256>` (its v000 may be the last copy of that photo) and
    remove its results, so the photo now there is edited afresh. Returns where it went, or None.
    Only called while holding the image's lock."""
    session = _recorded_session(layout, job)
    if session is None or finished_session(layout, job) is not None:
        return None
    old = layout.output_paths(job.name, len(result_sources(session)), suffix)
    digest = str(session.entries[0].get("sha256") or "unknown")[:12]
    kept = layout.sessions / f"{job.name}.replaced-{digest}"
    number = 1
    while kept.exists():
        number += 1
        kept = layout.sessions / f"{job.name}.replaced-{digest}-{number}"
    session.root.rename(kept)
    for path in old:
        path.unlink(missing_ok=True)
    return kept


def finished_outputs(layout: RunLayout, job: Job, suffix: str) -> list[Path] | None:
    """The result files when the image is finished — its complete session and every result file
    exist — else None."""
    session = finished_session(layout, job)
    if session is None:
        return None
    paths = layout.output_paths(job.name, len(result_sources(session)), suffix)
    return paths if all(path.exists() for path in paths) else None


def result_sources(session: Session) -> list[Path]:
    """The version files that become the results: the current version, then its variations."""
    head = session.state.versions[session.head]
    return [head.path, *head.variations]


def _sha256(path: str) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()

