"""The session store: every version of an edit, its masks, and a journal of how each came to be.

Layout of a session folder::

    v000.jpg        the input file, byte for byte (its own extension); never modified
    v001.png …      one lossless PNG per edit
    v003-2.png      further variations of an edit (v003 is the first)
    masks/v001.png  the mask the edit used
    journal.jsonl   one JSON object per step: words, plan, resolved settings, seeds, timings,
                    input and output version — and history moves (undo/redo/revert)

The journal is the single source of truth: where the session stands (the current version, what
redo would bring back) is *derived* by replaying it, so there is no second state file that could
disagree with it. Every file is written atomically (temp file + rename) and the journal line is
written last, so a crash or Ctrl-C mid-edit leaves at worst an unreferenced image that the next
step skips over. Undo and redo move a pointer; nothing is ever deleted.
"""

from __future__ import annotations

import datetime as _dt
import fcntl
import hashlib
import json
import os
import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from retouch.tools.errors import RetouchError

JOURNAL = "journal.jsonl"
MASKS = "masks"
_VERSION_FILE = re.compile(r"^v(\d{3,})(?:-\d+)?\.[A-Za-z0-9]+$")


@dataclass
class Version:
    number: int
    path: Path
    parent: int | None
    step: int | None
    """Index of the journal entry that made it (None for the original)."""
    variations: list[Path] = field(default_factory=list)
    words: str = ""


@dataclass
class SessionState:
    """Where the session stands, as derived from the journal."""

    head: int = 0
    redo: list[int] = field(default_factory=list)
    versions: dict[int, Version] = field(default_factory=dict)


def default_sessions_root() -> Path:
    """Sessions live under the platform's user data dir unless the user names a folder."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("retouch", appauthor=False)) / "sessions"


def new_session_dir(image_path: Path, root: Path | None = None) -> Path:
    root = root or default_sessions_root()
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", image_path.stem)[:40] or "image"
    candidate = root / f"{stamp}-{stem}"
    suffix = 1
    while candidate.exists():
        suffix += 1
        candidate = root / f"{stamp}-{stem}-{suffix}"
    return candidate


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds")


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    from retouch.tools.imageio import write_bytes_atomic

    write_bytes_atomic(path, data, overwrite=True)


class Session:
    """A folder of versions plus its journal. Open one with `Session.create` or `Session.open`."""

    def __init__(self, root: Path, entries: list[dict[str, Any]]) -> None:
        self.root = root
        self._entries = entries
        self.state = self._replay(entries)

    # ----------------------------------------------------------------- opening

    @classmethod
    def create(cls, root: Path, image_path: Path) -> "Session":
        """Start a session: copy the input in unchanged as v000 and write the journal's first line.

        The caller should already have checked that the image reads; this only copies bytes.
        """
        root = Path(root)
        image_path = Path(image_path)
        if (root / JOURNAL).exists():
            raise RetouchError(f"{root} already holds a session", "Open it without --image, or pick a new folder.")
        if root.exists() and any(root.iterdir()):
            raise RetouchError(f"{root} is not empty and holds no session",
                               "Pick a new or empty folder for --session.")
        root.mkdir(parents=True, exist_ok=True)
        (root / MASKS).mkdir(exist_ok=True)
        suffix = image_path.suffix.lower() or ".img"
        original = root / f"v000{suffix}"
        temp = root / f".v000{suffix}.part"
        shutil.copyfile(image_path, temp)
        os.replace(temp, original)
        entry = {"kind": "open", "time": _now(), "source": str(image_path.resolve()),
                 "version": 0, "file": original.name, "sha256": _sha256(original)}
        session = cls(root, [])
        session._append(entry)
        return session

    @classmethod
    def open(cls, root: Path) -> "Session":
        root = Path(root)
        journal = root / JOURNAL
        if not journal.exists():
            raise RetouchError(f"{root} holds no session (no {JOURNAL})",
                               "Start one by giving an image, e.g. retouch edit IMG \"...\" --session DIR.")
        entries = []
        for number, line in enumerate(journal.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append(json.loads(line))
            except json.JSONDecodeError:
                raise RetouchError(f"{journal} line {number} is damaged",
                                   "Fix or remove that line; every other line is intact.") from None
        if not entries or entries[0].get("kind") != "open":
            raise RetouchError(f"{journal} does not start with an 'open' entry", "It is not a Retouch session.")
        return cls(root, entries)

    @classmethod
    def open_or_create(cls, root: Path, image_path: Path | None) -> "Session":
        """`--session DIR` semantics: continue DIR if it holds a session, else start one there."""
        root = Path(root)
        if (root / JOURNAL).exists():
            session = cls.open(root)
            if image_path is not None and _sha256(Path(image_path)) != session._entries[0].get("sha256"):
                raise RetouchError(f"{root} already holds a session for another image",
                                   "Pick a new folder, or leave out the image to continue that session.")
            return session
        if image_path is None:
            raise RetouchError(f"{root} holds no session yet", "Give an image to start one there.")
        return cls.create(root, image_path)

    # ----------------------------------------------------------------- reading

    @property
    def entries(self) -> list[dict[str, Any]]:
        return list(self._entries)

    @property
    def head(self) -> int:
        return self.state.head

    @property
    def original_path(self) -> Path:
        return self.root / self._entries[0]["file"]

    def version_path(self, number: int | None = None) -> Path:
        number = self.head if number is None else number
        try:
            return self.state.versions[number].path
        except KeyError:
            raise RetouchError(f"there is no version {number}",
                               f"Versions go from 0 to {max(self.state.versions)}.") from None

    def versions(self) -> list[Version]:
        return [self.state.versions[n] for n in sorted(self.state.versions)]

    def edit_entries(self) -> list[dict[str, Any]]:
        return [entry for entry in self._entries if entry.get("kind") == "edit"]

    def last_edit(self) -> dict[str, Any] | None:
        """The journal entry that produced the current version (None at the original)."""
        version = self.state.versions.get(self.head)
        if version is None or version.step is None:
            return None
        return self._entries[version.step]

    def last_selection_entry(self) -> dict[str, Any] | None:
        for entry in reversed(self._entries):
            if entry.get("kind") == "edit" and entry.get("mask"):
                return entry
        return None

    # ----------------------------------------------------------------- writing

    def next_version_number(self) -> int:
        """One past every version the journal knows *and* every version file on disk, so an image
        left behind by an interrupted step is never overwritten."""
        known = max(self.state.versions)
        on_disk = [int(match.group(1)) for name in os.listdir(self.root)
                   if (match := _VERSION_FILE.match(name))]
        return max([known, *on_disk]) + 1

    def commit_edit(self, *, images: list[bytes], mask_png: bytes | None, record: dict[str, Any]) -> int:
        """Write the new version(s), its mask, then the journal line that makes them real."""
        if not images:
            raise ValueError("an edit must produce at least one image")
        with self._lock():
            number = self.next_version_number()
            name = f"v{number:03d}.png"
            _atomic_write(self.root / name, images[0])
            variation_names = []
            for index, data in enumerate(images[1:], start=2):
                variation_name = f"v{number:03d}-{index}.png"
                _atomic_write(self.root / variation_name, data)
                variation_names.append(variation_name)
            mask_name = None
            if mask_png is not None:
                mask_name = f"{MASKS}/v{number:03d}.png"
                (self.root / MASKS).mkdir(exist_ok=True)
                _atomic_write(self.root / mask_name, mask_png)
            entry = {"kind": "edit", "time": _now(), **record, "input_version": self.head,
                     "output_version": number, "file": name, "variations": variation_names,
                     "mask": mask_name}
            self._append(entry)
        return number

    def commit_selection(self, *, mask_png: bytes, record: dict[str, Any]) -> None:
        """A step that only selected something: no new version, but the mask is kept and journaled."""
        with self._lock():
            index = sum(1 for e in self._entries if e.get("kind") == "select")
            mask_name = f"{MASKS}/selection-{index + 1:03d}.png"
            (self.root / MASKS).mkdir(exist_ok=True)
            _atomic_write(self.root / mask_name, mask_png)
            self._append({"kind": "select", "time": _now(), **record, "input_version": self.head,
                          "output_version": None, "mask": mask_name})

    def pick_variation(self, index: int) -> int:
        """Keep variation `index` (1-based) of the current edit as a new version of its own."""
        version = self.state.versions[self.head]
        choices = [version.path, *version.variations]
        if not 1 <= index <= len(choices):
            raise RetouchError(f"there is no variation {index}",
                               f"This edit has {len(choices)} variation(s).")
        if index == 1:
            return self.head
        data = choices[index - 1].read_bytes()
        parent = version.parent if version.parent is not None else self.head
        entry_source = self._entries[version.step] if version.step is not None else {}
        with self._lock():
            number = self.next_version_number()
            name = f"v{number:03d}.png"
            _atomic_write(self.root / name, data)
            self._append({"kind": "edit", "time": _now(), "words": f"/pick {index}",
                          "picked_from": {"version": self.head, "variation": index},
                          "plan": entry_source.get("plan"), "input_version": parent,
                          "output_version": number, "file": name, "variations": [],
                          "mask": entry_source.get("mask")})
        return number

    def undo(self, steps: int = 1) -> int:
        target = self.head
        for _ in range(steps):
            parent = self.state.versions[target].parent
            if parent is None:
                if target == self.head:
                    raise RetouchError("nothing to undo", "This is the original image.")
                break
            target = parent
        self._record_move("undo", target)
        return target

    def redo(self, steps: int = 1) -> int:
        if not self.state.redo:
            raise RetouchError("nothing to redo", "Redo brings back what undo took away.")
        target = self.state.redo[-min(steps, len(self.state.redo))]
        self._record_move("redo", target, steps=min(steps, len(self.state.redo)))
        return target

    def revert(self, number: int) -> int:
        if number not in self.state.versions:
            raise RetouchError(f"there is no version {number}",
                               f"Versions go from 0 to {max(self.state.versions)}; see: retouch log.")
        self._record_move("revert", number)
        return number

    def _record_move(self, action: str, target: int, steps: int = 1) -> None:
        with self._lock():
            self._append({"kind": "history", "time": _now(), "action": action, "from": self.head,
                          "to": target, "steps": steps})

    def _append(self, entry: dict[str, Any]) -> None:
        """Rewrite the journal atomically with one more line, then update the derived state."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str)
        journal = self.root / JOURNAL
        existing = journal.read_bytes() if journal.exists() else b""
        if existing and not existing.endswith(b"\n"):
            existing += b"\n"
        _atomic_write(journal, existing + line.encode("utf-8") + b"\n")
        self._entries.append(entry)
        self.state = self._replay(self._entries)

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """One writer at a time per session folder (a chat and a script on the same session)."""
        with open(self.root / ".lock", "a+") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                fresh = Session.open(self.root) if (self.root / JOURNAL).exists() else None
                if fresh is not None and len(fresh._entries) != len(self._entries):
                    self._entries, self.state = fresh._entries, fresh.state
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    # ----------------------------------------------------------------- replay

    def _replay(self, entries: list[dict[str, Any]]) -> SessionState:
        state = SessionState()
        for index, entry in enumerate(entries):
            kind = entry.get("kind")
            if kind == "open":
                state.versions[0] = Version(0, self.root / entry["file"], None, None)
                state.head = 0
            elif kind == "edit":
                number = entry["output_version"]
                state.versions[number] = Version(
                    number, self.root / entry["file"], entry.get("input_version", state.head), index,
                    [self.root / name for name in entry.get("variations", [])], entry.get("words", ""))
                state.head = number
                state.redo = []
            elif kind == "history":
                action, target, origin = entry["action"], entry["to"], entry["from"]
                if action == "undo":
                    chain, cursor = [], origin
                    while cursor != target and cursor is not None:
                        chain.append(cursor)
                        cursor = state.versions[cursor].parent
                    state.redo.extend(chain)
                elif action == "redo":
                    del state.redo[-entry.get("steps", 1):]
                else:
                    state.redo.append(origin)
                state.head = target
        return state
