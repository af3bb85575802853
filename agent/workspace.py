"""The folders Retouch may read and write on someone else's behalf: a workspace of allowed roots.

`retouch mcp` hands Retouch to another agent, which names paths we did not choose: the image, the
session folder, an output, a mask — and, inside the words or a plan, "save it as ~/x.png" or a
region's mask file. Each is resolved the way the file system will resolve it (`~`, a relative
path against the working folder, `..`, every symbolic link) and must land inside one of the roots;
otherwise it is refused with one line that is the same whether or not the path exists, and that
shows the path as given (never what a link points to), so a refusal tells nothing about the disk.

A session made for such a client lives in Retouch's own sessions folder (under the user data
dir), outside the roots: it is accepted when the journal says it was started from an image inside
the roots, so a client can continue its own sessions but not open the user's other ones.

Also used to keep a PNG's history to its own folder: `retouch apply FILE.png` reads the mask files
a history names only from beside the PNG (`agent.history`). The check and the later use are two
steps, so a link swapped in between by someone who can already write inside a root is not caught.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from retouch.tools.errors import RetouchError

PathLike = str | os.PathLike[str]


def resolved(path: PathLike, base: Path | None = None) -> Path:
    """`path` as the file system will find it: `~` expanded, relative to `base` (default: the working
    folder), `..` and every symbolic link resolved — also when the path does not exist yet."""
    expanded = Path(os.path.expanduser(os.fspath(path)))
    if not expanded.is_absolute():
        expanded = (base if base is not None else Path.cwd()) / expanded
    return Path(os.path.realpath(expanded))


class Workspace:
    """Allowed roots, and the one check every path passes: `inside(path, what)`."""

    def __init__(self, roots: Iterable[PathLike], *, described: str | None = None,
                 hint: str | None = None) -> None:
        """`described` names the roots in a refusal (default: "the folders Retouch may use here
        (A, B)"); `hint` says what to do instead."""
        self.roots: tuple[Path, ...] = tuple(dict.fromkeys(resolved(root) for root in roots))
        if not self.roots:
            raise ValueError("a workspace needs at least one root")
        shown = ", ".join(str(root) for root in self.roots)
        self.described = described or f"the folders Retouch may use here ({shown})"
        self.hint = hint or "Use a path inside one of them."

    def __repr__(self) -> str:
        return f"Workspace({[str(root) for root in self.roots]!r})"

    def contains(self, path: PathLike, base: Path | None = None) -> bool:
        target = resolved(path, base)
        return any(target == root or target.is_relative_to(root) for root in self.roots)

    def inside(self, path: PathLike, what: str = "the path", base: Path | None = None) -> Path:
        """`path` resolved, when it lies inside a root; else one RetouchError that names the path as
        given (no link target, nothing about whether it exists)."""
        if self.contains(path, base):
            return resolved(path, base)
        raise RetouchError(f"{what} {_shown(path)} is outside {self.described}", self.hint)

    def session_folder(self, path: PathLike) -> Path:
        """A session folder a client may use: inside a root, or one of Retouch's own sessions (under
        the user data dir) started from an image inside a root. The refusal is `inside`'s."""
        if self.contains(path):
            return resolved(path)
        target = resolved(path)
        if _own_session_from(target, self):
            return target
        raise RetouchError(f"the session folder {_shown(path)} is outside {self.described}", self.hint)


def _own_session_from(folder: Path, workspace: Workspace) -> bool:
    """Whether `folder` is a session in Retouch's sessions folder whose original came from inside
    `workspace` (read from its journal's first line; anything unreadable is simply not)."""
    from retouch.agent.session import Session, default_sessions_root

    sessions = resolved(default_sessions_root())
    if folder.parent != sessions:
        return False
    try:
        source = Session.open(folder).source_path
    except (RetouchError, OSError):
        return False
    return source is not None and source.is_absolute() and workspace.contains(source)


def _shown(path: PathLike) -> str:
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return text if len(text) <= 200 else text[:199] + "…"
