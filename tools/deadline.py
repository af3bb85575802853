"""A whole-answer deadline for work that waits on someone else (an HTTP server, a model hub).

Socket timeouts limit each read, not the answer: a server that sends one byte a second never
trips them and holds a request forever. `call_within` runs the work in a daemon thread and stops
waiting at the deadline; `on_expiry` lets the caller cut the work short (close its sockets) so the
thread ends too rather than lingering.
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
    if not finished.wait(max(0.0, seconds)):
        if on_expiry is not None:
            on_expiry()
        raise DeadlineExceeded(f"no result within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
