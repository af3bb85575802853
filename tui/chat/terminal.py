"""The chat draws on a terminal descriptor of its own, and file descriptor 2 goes to /dev/null.

Textual writes the screen to stderr (fd 2). Native libraries write there too, from any thread:
TensorFlow Lite announces "Created TensorFlow Lite XNNPACK delegate" in the middle of a frame, and
`tools.finders.mediapipe_models.native_logs_silenced` points fd 2 at /dev/null while a MediaPipe
graph loads or runs — so while the finder warms up in the background, the frames Textual draws in
that window are lost (typed letters don't appear, a reply never shows, the layout falls behind).
Inside `private_terminal()` the screen goes to a duplicate of the terminal that nothing else
knows about, and fd 2 — what the libraries see — to /dev/null; both are put back afterwards.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def private_terminal() -> Iterator[None]:
    """Run the chat (create the App inside: Textual reads `sys.__stderr__` when it is built)."""
    try:
        sys.stderr.flush()
        terminal_fd = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no real descriptor 2: nothing to protect
        yield
        return
    saved_dunder, saved_stderr = sys.__stderr__, sys.stderr
    encoding = getattr(saved_dunder, "encoding", None) or "utf-8"
    terminal = os.fdopen(terminal_fd, "w", encoding=encoding, errors="replace")
    saved_fd2 = os.dup(2)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 2)
        sys.__stderr__ = sys.stderr = terminal  # the screen, and a crash's traceback after it
        yield
    finally:
        terminal.flush()
        sys.__stderr__, sys.stderr = saved_dunder, saved_stderr
        os.dup2(saved_fd2, 2)
        os.close(saved_fd2)
        terminal.close()
