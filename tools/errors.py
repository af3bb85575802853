"""The one error type for a user's mistakes.

Everything inside Retouch raises `RetouchError` when the *user* can fix the problem (a missing
file, an unknown object, an impossible size). The edges — the CLI and the chat — turn it into a
single line; nothing inside prints. Programming errors stay ordinary exceptions so they are
never disguised as advice.

It lives in `tools/` because that is the bottom layer: `agent/` and `tui/` may import it, and
`tools/` must not import upwards.
"""

from __future__ import annotations


class RetouchError(Exception):
    """A problem the user can fix: `message` says what happened, `hint` what to do next."""

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


class ModelMissing(RetouchError):
    """A model the request needs is not on this machine; the hint names the pull command."""


class Cancelled(Exception):
    """The user cancelled long work (Esc in the chat, Ctrl-C in the CLI). Not an error to report."""
