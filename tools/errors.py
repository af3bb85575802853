"""The one error type for a user's mistakes.

Everything inside Retouch raises `RetouchError` when the *user* can fix the problem (a missing
file, an unknown object, an impossible size). The edges — the CLI and the chat — turn it into a
single line; nothing inside prints. Programming errors stay ordinary exceptions so they are
never disguised as advice.

It lives in `tools/` because that is the bottom layer: `agent/` and `tui/` may import it, and
`tools/` must not import upwards.
"""

from __future__ import annotations

import errno
import os
from typing import Any, Sequence


class RetouchError(Exception):
    """A problem the user can fix: `message` says what happened, `hint` what to do next."""

    planned: str = ""
    """The reply of the plan whose step failed, set by the agent: the rest of what the words were read as — a part it
    declined ("I won't take off clothes …") or left out — which a front end shows beside the error, since the
    failed step stops the plan before its reply is shown."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message.rstrip('.')}. {self.hint}"
        return self.message


class NothingFound(RetouchError):
    """A selection matched nothing; the message names what *was* seen so the user can rephrase."""


class NotSeen(NothingFound):
    """The finder saw no such thing at all ("I couldn't find the dog. I can see: sky"): the way out is another
    name or pointing at it — which each front end says its own way (`with_hint`: the command line its --point,
    --box and --mask, the MCP server its tools' arguments, the chat a click). The tools' own hint names no front
    end's controls: a library caller reads it as it is."""

    def with_hint(self, hint: str) -> "NotSeen":
        """The same not-found line with a front end's own way out."""
        return NotSeen(self.message, hint)


class AmbiguousTarget(RetouchError):
    """A singular target matched several things and nothing said which: ask, never guess.

    `question` is what the chat shows as its reply ("I see 2 people — the left one, the right one,
    or both?"), `choices` the answers it offers, in the question's order; the hint (what the
    command line adds) says how to decide up front. `label`, `candidates` and `image_size` keep
    what was found, so an answer can be checked and applied without running the finder again.
    """

    def __init__(self, question: str, choices: Sequence[str], hint: str | None = None, *, label: str = "",
                 candidates: Sequence[Any] = (), image_size: tuple[int, int] | None = None) -> None:
        super().__init__(question, hint)
        self.question = question
        self.choices = list(choices)
        self.label = label
        self.candidates = list(candidates)
        self.image_size = image_size
        self.call_index: int | None = None
        """Which call of the plan asked (set by the executor), so an answer goes into that call."""

    def __str__(self) -> str:
        return f"{self.question} {self.hint}" if self.hint else self.question


class ModelMissing(RetouchError):
    """A model the request needs is not on this machine; the hint names the pull command."""


def file_error(exc: OSError, path: str | os.PathLike[str], doing: str = "write") -> RetouchError:
    """An operating-system failure on `path` as the user sees it: what failed, why, what to do.

    `doing` is the verb for the message ("write", "read", "open the session in"). Used wherever
    Retouch touches the file system, so a full disk or a read-only folder is one clear line, never
    a traceback or an `internal error`.
    """
    reason = exc.strerror or type(exc).__name__
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        hint = "Free some disk space (or pick another disk) and try again."
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        hint = "Pick a folder you can write to, or fix its permissions."
    elif code == errno.EISDIR:
        hint = "Give a file name, not a folder."
    elif code in (errno.ENOENT, errno.ENOTDIR):
        hint = "Check that every folder on the path exists and is a folder."
    elif code == errno.ENAMETOOLONG:
        hint = "Use a shorter name."
    else:
        hint = "Check the path and try again."
    return RetouchError(f"could not {doing} {os.fspath(path)} ({reason.lower()})", hint)


class Cancelled(Exception):
    """The user cancelled long work (Esc in the chat, Ctrl-C in the CLI). Not an error to report."""
