"""How much work one command may start: a cap on its steps, and the disk its versions will take.

Every step of an edit writes a version (a lossless PNG of the whole picture) and its mask. A PNG
whose history holds 3,500 steps, or an instruction file of 10,000 lines, would write versions
until the disk is full. So a command that runs many steps — `retouch run`, `retouch apply
FILE.png`, `retouch batch` — counts them before it starts: more than `MAX_STEPS` is refused (or,
on a terminal, asked about) unless `--max-steps N` raises the cap; and the versions it would
write are estimated and compared with the free space on the disk they go to, before any work.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from retouch.tools.errors import RetouchError

MAX_STEPS = 100
"""Steps one command runs unless told otherwise: far more than a hand-written instruction file
or a session's history holds, far fewer than what fills a disk (100 versions of 4096² ≈ 5 GB)."""
MAX_STEPS_CEILING = 100_000
"""The most `--max-steps` can allow."""
DISK_MARGIN = 64 << 20
"""Space left free on top of the estimate: the journal, temp files, the rest of the system."""


def check_max_steps(value: object, where: str = "--max-steps") -> int:
    """A cap given by the user, as an int from 1 to `MAX_STEPS_CEILING`, or one line."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_STEPS_CEILING:
        raise RetouchError(f"{where} {str(value)[:40]} is not allowed",
                           f"Give a whole number from 1 to {MAX_STEPS_CEILING:,}.")
    return value


def too_many_steps(count: int, what: str, limit: int | None = None, noun: str = "steps") -> RetouchError | None:
    """The refusal for `count` steps (`noun`: what they are, e.g. requests) when that is over the cap
    (`limit`, default `MAX_STEPS`), else None."""
    limit = MAX_STEPS if limit is None else limit
    if count <= limit:
        return None
    return RetouchError(f"{what} has {count:,} {noun}, more than the {limit:,} steps one command runs",
                        f"Each step writes a version; pass --max-steps {count} to run them all.")


def check_steps(count: int, what: str, limit: int | None = None, noun: str = "steps") -> None:
    """Refuse `count` steps over the cap, before any of them runs."""
    problem = too_many_steps(count, what, limit, noun)
    if problem is not None:
        raise problem


def version_bytes(size: tuple[int, int], channels: int = 4) -> int:
    """About the most one version takes on disk: its PNG (compressed at level 1, a photo's PNG is
    about half its raw pixels; noise can reach them) and its mask (nearly nothing)."""
    width, height = size
    return width * height * channels + width * height // 8


def check_disk(folder: Path, need: int, what: str) -> None:
    """Refuse a job whose versions (`need` bytes) would not fit on the disk that holds `folder`."""
    existing = Path(os.path.abspath(folder))
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    try:
        free = shutil.disk_usage(existing).free
    except OSError:
        return  # nothing to measure (a folder we can't stat): the writes themselves will say so
    if need + DISK_MARGIN > free:
        raise RetouchError(f"{what} would write about {_size(need)}, and the disk of {existing} has "
                           f"{_size(free)} free", "Free some space, run fewer steps, or pick another folder.")


def _size(count: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count / 1024:.0f} KB"
