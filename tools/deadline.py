"""Waiting for work in another thread: with a deadline, or so Ctrl-C and Esc stop the wait.

A whole-answer deadline for work that waits on someone else (an HTTP server, a model hub): socket
timeouts limit each read, not the answer, so a server that sends one byte a second never trips
them and holds a request forever. `call_within` runs the work in a daemon thread and stops
waiting at the deadline; `on_expiry` lets the caller cut the work short (close its sockets) so the
thread ends too rather than lingering. `call_interruptibly` has no deadline: it keeps a long call
into C from holding up Ctrl-C.
"""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

T = TypeVar("T")


class DeadlineExceeded(Exception):
    """The work did not finish within its deadline (the caller words the message for the user)."""


def call_within(seconds: float, work: Callable[[], T], *, on_expiry: Callable[[], None] | None = None,
                name: str = "retouch-deadline") -> T:
    """`work()`'s result or exception if it finishes within `seconds`, else DeadlineExceeded.

    Ctrl-C while waiting interrupts the wait as usual; the work's thread is a daemon, so it never
    keeps the process alive."""
    outcome, finished = _start(work, name)
    if not finished.wait(max(0.0, seconds)):
        if on_expiry is not None:
            on_expiry()
        raise DeadlineExceeded(f"no result within {seconds:g} s")
    return _result(outcome)


def call_interruptibly(work: Callable[[], T], *, cancel: threading.Event | None = None, poll: float = 0.05,
                       name: str = "retouch-work") -> T:
    """`work()`'s result or exception, with the caller free to stop waiting for it.

    A long call into C (PatchMatch on a big crop, a MediaPipe model on a 4096² photo) does not
    return to Python until it is done, so Ctrl-C — delivered to the main thread between Python
    instructions — waited seconds. Here the work runs in a daemon thread while the caller waits
    in short steps: Ctrl-C interrupts the wait at once, and `cancel` (the chat's Esc) is looked
    at every `poll` seconds and raises `Cancelled`. The abandoned work finishes in the background
    and its result is dropped; it holds whatever lock it took until then."""
    from retouch.tools.errors import Cancelled

    outcome, finished = _start(work, name)
    while not finished.wait(poll):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
    return _result(outcome)


def _start(work: Callable[[], T], name: str) -> tuple[dict[str, object], threading.Event]:
    """Run `work` in a daemon thread; its outcome ("value" or "error") lands in the dict, then the event is set."""
    outcome: dict[str, object] = {}
    finished = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed to the waiting thread, which re-raises it
            outcome["error"] = exc
        finally:
            finished.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    return outcome, finished


def _result(outcome: dict[str, object]) -> T:
    """The finished work's value, or its exception raised in the waiting thread."""
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
