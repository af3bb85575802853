"""A progress bar on stderr for long edits (diffusion on a CPU takes minutes; so does a staged outpaint).

The tools report `progress(done, total, what)` — the same callback the chat's bar listens to. On a
terminal this draws it with rich: what is running, a bar, steps done of total, time spent and the
time left. Piped or redirected stderr gets nothing (a log file full of redraws helps no one), and
`--progress always|never` overrides the guess. rich is imported only when a bar is drawn, so
commands that never need one start no slower.
"""

from __future__ import annotations

import argparse
import sys
import threading
from contextlib import contextmanager
from typing import IO, Any, Callable, Iterator

ProgressCallback = Callable[[int, int, str], None]

PROGRESS_MODES = ("auto", "always", "never")
SHOW_AFTER_S = 0.5
"""A bar only appears for work that lasts: quick edits finish before it would draw."""


def add_progress_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--progress", choices=PROGRESS_MODES, default="auto",
                        help="progress bar on stderr: auto (only when stderr is a terminal), always, never")


def wants_bar(mode: str, stream: IO[str]) -> bool:
    """Whether to draw: `always`, `never`, or (auto) only when `stream` is a terminal."""
    if mode == "always":
        return True
    if mode == "never":
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


@contextmanager
def terminal_progress(mode: str = "auto", *, stream: IO[str] | None = None,
                      show_after_s: float = SHOW_AFTER_S) -> Iterator[ProgressCallback | None]:
    """A progress callback that draws on `stream` (stderr), or None when no bar is wanted.

    The bar is left on screen when the work ends, so the time it took stays readable; Ctrl-C and
    errors stop it cleanly before the error line is printed."""
    stream = stream if stream is not None else sys.stderr
    if not wants_bar(mode, stream):
        yield None
        return
    forced = mode == "always"  # drawn from the first step, however short the work
    bar = _Bar(stream, force=forced, show_after_s=0 if forced else show_after_s)
    try:
        yield bar.update
    finally:
        bar.close()


class _Bar:
    """One rich bar that follows whatever runs; a new total (the next tool) starts it afresh."""

    def __init__(self, stream: IO[str], *, force: bool, show_after_s: float) -> None:
        self.stream, self.force, self.show_after_s = stream, force, show_after_s
        self._progress: Any = None
        self._task: Any = None
        self._last: tuple[int, int] | None = None
        self._timer: threading.Timer | None = None
        self._started = False
        self._lock = threading.Lock()

    def update(self, done: int, total: int, what: str) -> None:
        with self._lock:
            if self._progress is None:
                self._progress = _make_progress(self.stream, self.force)
                if self.show_after_s > 0:
                    self._timer = threading.Timer(self.show_after_s, self._start)
                    self._timer.daemon = True
                    self._timer.start()
            total = max(1, int(total))
            done = max(0, min(int(done), total))
            label = _clean(what)
            if self._task is None:
                self._task = self._progress.add_task(label, total=total)
            elif self._last is not None and (total != self._last[1] or done < self._last[0]):
                # another tool's count (a new total, or counting from zero again): the bar and its
                # time estimate restart; a new label alone ("outpaint right") just renames it
                self._progress.reset(self._task, total=total, description=label)
            self._last = (done, total)
            self._progress.update(self._task, completed=done, description=label)
            if self.show_after_s <= 0 and not self._started:
                self._start_locked()
            if self._started:
                self._progress.refresh()

    def _start(self) -> None:
        with self._lock:
            self._start_locked()

    def _start_locked(self) -> None:
        if not self._started and self._progress is not None:
            self._progress.start()
            self._started = True

    def close(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
            if self._started:
                self._progress.stop()
                self._started = False


def _make_progress(stream: IO[str], force: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
    )

    console = Console(file=stream, force_terminal=True if force else None, highlight=False)
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("steps ·"),
                    TimeElapsedColumn(), TextColumn("·"), TimeRemainingColumn(), TextColumn("left"),
                    console=console, auto_refresh=True, refresh_per_second=4, transient=False)


def _clean(what: str) -> str:
    """A label fit for a terminal: printable, one line, short, no rich markup."""
    from_tool = "".join(ch if ch.isprintable() else " " for ch in str(what or "working"))
    text = " ".join(from_tool.split())[:28] or "working"
    return text.replace("[", "(").replace("]", ")")
