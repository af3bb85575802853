"""Instruction files: one request per line, `#` comments — what `retouch run` and `retouch batch` read."""

from __future__ import annotations

from pathlib import Path

from retouch.tools.errors import RetouchError

MAX_SCRIPT_BYTES = 1_000_000


def read_requests(script: Path) -> list[tuple[int, str]]:
    """(line number, words) for every request line; blank lines and `#` comments are skipped."""
    if not script.exists():
        raise RetouchError(f"{script} does not exist", "Give a text file with one request per line.")
    if not script.is_file():
        raise RetouchError(f"{script} is not a regular file", "Give a text file with one request per line.")
    if script.stat().st_size > MAX_SCRIPT_BYTES:
        raise RetouchError(f"{script} is over {MAX_SCRIPT_BYTES // 1000} kB",
                           "An instruction file holds a few requests, one per line.")
    try:
        lines = script.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise RetouchError(f"{script} is not UTF-8 text", "Save it as plain text.") from None
    requests = [(number, line.strip()) for number, line in enumerate(lines, start=1)
                if line.strip() and not line.strip().startswith("#")]
    if not requests:
        raise RetouchError(f"{script} has no requests", "Write one request per line; # starts a comment.")
    return requests
