"""How `retouch batch` shows its progress: a bar with rate and ETA on a terminal, plain lines
(one per image) when stderr is a file or a pipe, so logs stay readable."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
)
from rich.text import Text


@contextmanager
def progress_display(stream: TextIO) -> Iterator[Any]:
    if stream.isatty():
        display: Any = _Bar(stream)
        with display.progress:
            yield display
    else:
        yield _Lines(stream)


def printable(text: str) -> str:
    """File names and error text with any control character shown escaped, never sent raw."""
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)


def _workers(count: int) -> str:
    return f"{count} worker{'' if count == 1 else 's'}"


def _describe(result: Any) -> str:
    if result.status == "failed":
        return f"failed {printable(result.name)}: {printable(result.error or '')}"
    target = ", ".join(result.outputs) or result.error or ""
    note = f"; {printable(result.note)}" if getattr(result, "note", None) else ""
    return f"{result.status} {printable(result.name)} → {printable(target)} ({result.seconds:.1f} s){note}"


class _Lines:
    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._to_do = 0
        self._seen = 0

    def begin(self, *, to_do: int, skipped: int, workers: int) -> None:
        self._to_do = to_do
        print(f"batch: {to_do:,} to do, {skipped:,} already finished, {_workers(workers)}",
              file=self._stream, flush=True)

    def result(self, result: Any, summary: Any) -> None:
        if result.status == "cancelled" or (result.status == "skipped" and not self._to_do):
            return  # counted in the first line or the summary, not worth a line each
        self._seen += 1
        width = len(str(self._to_do))
        print(f"[{self._seen:>{width}}/{self._to_do}] {_describe(result)}", file=self._stream, flush=True)


class _Bar:
    def __init__(self, stream: TextIO) -> None:
        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 _RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                                 console=Console(file=stream), transient=False)
        self._task = self.progress.add_task("batch", total=None)

    def begin(self, *, to_do: int, skipped: int, workers: int) -> None:
        self.progress.update(self._task, total=to_do, description=_workers(workers))
        if skipped:
            self.progress.console.print(f"{skipped:,} already finished", markup=False, highlight=False)

    def result(self, result: Any, summary: Any) -> None:
        if result.status == "failed" or getattr(result, "note", None):
            self.progress.console.print(_describe(result), markup=False, highlight=False)
        if self.progress.tasks[0].total is None:
            return  # skipped before the run began
        self.progress.update(self._task, advance=1,
                             description=f"done {summary.done:,} · failed {summary.failed:,}")


class _RateColumn(ProgressColumn):
    """Images per minute, which is how a batch's speed is usually quoted."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("– img/min" if not speed else f"{speed * 60:,.1f} img/min")
