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
step skips over — and that the next writer removes, with any `.part` temp file. Undo and redo move
a pointer; no version the journal names is ever deleted.

Concurrency: every change happens inside `Session.transaction()`, which holds the session's file
lock (one `.lock` file, `filelock`, so it works on Windows too) and first re-reads the journal.
The agent holds one transaction for a whole request — plan, run, commit — so a second edit of the
same session, from another process, thread or chat, *waits for* the first and then builds on its
result: ten parallel "extend 20 px" make one canvas 200 px wider, and each journal line names the
version its edit really started from.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from retouch.agent.journal import (
    JOURNAL, MASKS, SAFE_NAME, SessionState, Version, read_journal, refuse_non_folder, replay,
)
from retouch.tools.errors import RetouchError, file_error

__all__ = ["JOURNAL", "MASKS", "Session", "SessionState", "Version", "new_session_dir", "refuse_session_file",
           "refuse_unencodable_name"]

LOCK = ".lock"
_VERSION_FILE = re.compile(r"^v(\d{3,})(?:-\d+)?\.[A-Za-z0-9]+$")
_MASK_FILE = re.compile(r"^(?:v\d{3,}|selection-\d{3,})\.png$")
_TEMP_FILE = re.compile(r"^\..+\.part$")


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


def _fingerprint(info: os.stat_result) -> tuple[int, int, int]:
    """What changes when a file is rewritten: its size, modification time and inode."""
    return info.st_size, info.st_mtime_ns, info.st_ino


def _atomic_write(path: Path, data: bytes) -> None:
    from retouch.tools.imageio import write_bytes_atomic

    write_bytes_atomic(path, data, overwrite=True)


def refuse_session_file(path: Path) -> None:
    """Refuse a file Retouch keeps inside a session folder (a version, a mask, the journal) as a
    target for `-o` or a save, whichever session it belongs to — even with --force."""
    path = Path(os.path.expanduser(os.fspath(path))).resolve()
    folder = path.parent.parent if path.parent.name == MASKS else path.parent
    if not (folder / JOURNAL).is_file():
        return
    if path.name == JOURNAL or _VERSION_FILE.match(path.name) or path.parent.name == MASKS:
        raise RetouchError(f"{path} is one of the files of the session in {folder}, which Retouch never overwrites",
                           "Write the result outside the session folder, e.g. ./result.png.")


def refuse_unencodable_name(path: Path) -> None:
    """The journal records the input's path as UTF-8 text: a file name in another encoding (bytes
    Python carries as surrogates) is one line asking for a rename, not a crash mid-commit."""
    try:
        os.fspath(path).encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(path).decode("utf-8", "backslashreplace")
        raise RetouchError(f"the file name {shown} is not UTF-8",
                           "Rename the file; the session journal records its path as text.") from None


class Session:
    """A folder of versions plus its journal. Open one with `Session.create` or `Session.open`."""

    def __init__(self, root: Path, entries: list[dict[str, Any]]) -> None:
        self.root = root
        self._entries = entries
        self.state = replay(self.root, entries)
        self.cleaned: list[str] = []
        """Leftovers of interrupted steps removed by this object's transactions (for a note)."""
        self.created = False
        """This object started the session (`create`), rather than opening one."""
        self.committed: list[int] = []
        """The versions this object made, in order (a failed command names them)."""
        self._lock_file: Any = None
        self._depth = threading.local()
        self._verified_original: tuple[int, int, int] | None = None

    # ----------------------------------------------------------------- opening

    @classmethod
    def create(cls, root: Path, image_path: Path) -> "Session":
        """Start a session: copy the input in unchanged as v000 and write the journal's first line.

        The caller should already have checked that the image reads; this only copies bytes. The
        folder's lock is held throughout, so two commands starting the same folder at once make
        one session (the second gets `SessionExists`). If anything fails, what was made here is
        removed again."""
        root = Path(root)
        image_path = Path(image_path)
        refuse_unencodable_name(image_path)
        refuse_non_folder(root)
        made = not root.exists()
        try:
            root.mkdir(parents=True, exist_ok=True)
            from filelock import FileLock

            with FileLock(root / LOCK):
                return cls._start(root, image_path)
        except BaseException as exc:
            if not (root / JOURNAL).exists():
                _remove_start(root, made)
            if isinstance(exc, OSError):
                raise file_error(exc, root, "start a session in") from None
            raise

    @classmethod
    def _start(cls, root: Path, image_path: Path) -> "Session":
        if (root / JOURNAL).exists():
            raise SessionExists(f"{root} already holds a session", "Open it without --image, or pick a new folder.")
        if any(path.name != LOCK for path in root.iterdir()):
            raise RetouchError(f"{root} is not empty and holds no session",
                               "Pick a new or empty folder for --session.")
        (root / MASKS).mkdir(exist_ok=True)
        suffix = image_path.suffix.lower() or ".img"
        if not SAFE_NAME.match(f"v000{suffix}"):
            suffix = ".img"
        original = root / f"v000{suffix}"
        temp = root / f".v000{suffix}.part"
        shutil.copyfile(image_path, temp)
        os.replace(temp, original)
        before = _fingerprint(original.stat())
        entry = {"kind": "open", "time": _now(), "source": str(image_path.resolve()),
                 "version": 0, "file": original.name, "sha256": _sha256(original)}
        session = cls(root, [])
        session._append(entry)
        session.created = True
        if _fingerprint(original.stat()) == before:
            session._verified_original = before  # just hashed: the first edit need not hash it again
        return session

    @classmethod
    def open(cls, root: Path) -> "Session":
        root = Path(root)
        return cls(root, read_journal(root))

    @classmethod
    def open_or_create(cls, root: Path, image_path: Path | None) -> "Session":
        """`--session DIR` semantics: continue DIR if it holds a session, else start one there."""
        root = Path(root)
        refuse_non_folder(root)
        if not (root / JOURNAL).exists():
            if image_path is None:
                raise RetouchError(f"{root} holds no session yet", "Give an image to start one there.")
            try:
                return cls.create(root, image_path)
            except SessionExists:
                pass  # another command started it a moment ago: continue it like any other
        session = cls.open(root)
        if image_path is not None and _sha256(Path(image_path)) != session._entries[0].get("sha256"):
            raise RetouchError(f"{root} already holds a session for another image",
                               "Pick a new folder, or leave out the image to continue that session.")
        return session

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

    @property
    def source_path(self) -> Path | None:
        """The file the session was started from, as the journal recorded it."""
        source = self._entries[0].get("source")
        return Path(source) if isinstance(source, str) else None

    def version_path(self, number: int | None = None) -> Path:
        """The file of version `number` (default: the current one), checked to be there — and for
        the original, checked against the journal's sha256, so nothing edits or returns an
        original that was changed behind Retouch's back."""
        number = self.head if number is None else number
        try:
            path = self.state.versions[number].path
        except KeyError:
            raise RetouchError(f"there is no version {number}",
                               f"Versions go from 0 to {max(self.state.versions)}.") from None
        try:
            info = path.stat()
        except OSError:
            raise RetouchError(f"the file of v{number:03d} ({path}) is missing",
                               f"Restore it, or go to another version: retouch revert N --session {self.root}"
                               ) from None
        if number == 0:
            self._verify_original(path, info)
        return path

    def _verify_original(self, path: Path, info: os.stat_result) -> None:
        fingerprint = _fingerprint(info)
        if fingerprint == self._verified_original:
            return
        expected = self._entries[0].get("sha256")
        if expected and _sha256(path) != expected:
            raise RetouchError(f"the original {path} no longer matches the checksum in the journal "
                               "(it was changed outside Retouch)",
                               "Start a new session from the original photo; this one's v000 can't be trusted.")
        self._verified_original = fingerprint

    def protected_paths(self) -> list[Path]:
        """Files no output may replace: the input photo and every file the session keeps."""
        paths = [self.root / JOURNAL, self.original_path]
        paths += [v.path for v in self.state.versions.values()]
        paths += [p for v in self.state.versions.values() for p in v.variations]
        if self.source_path is not None:
            paths.append(self.source_path)
        return paths

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

    # ----------------------------------------------------------------- one writer at a time

    @contextmanager
    def transaction(self, on_wait: Callable[[], None] | None = None) -> Iterator[list[dict[str, Any]]]:
        """Hold the session for a read-edit-commit: one holder at a time across processes, threads
        and chats. On entry the journal is re-read (yielding the entries other writers added since
        this object last looked) and leftovers of interrupted steps are removed. Re-entrant, so a
        request holds it around the commits it makes. `on_wait` is called once if another holder
        makes this one wait."""
        depth = getattr(self._depth, "value", 0)
        if depth:
            self._depth.value = depth + 1
            try:
                yield []
            finally:
                self._depth.value -= 1
            return
        lock = self._file_lock()
        self._acquire(lock, on_wait)
        self._depth.value = 1
        try:
            added = self._reload()
            self._clean_leftovers()
            yield added
        finally:
            self._depth.value = 0
            lock.release()

    def _file_lock(self) -> Any:
        if self._lock_file is None:
            from filelock import FileLock

            self._lock_file = FileLock(self.root / LOCK)
        return self._lock_file

    def _acquire(self, lock: Any, on_wait: Callable[[], None] | None) -> None:
        from filelock import Timeout

        try:
            try:
                lock.acquire(timeout=0)
            except Timeout:
                if on_wait is not None:
                    on_wait()
                lock.acquire()
        except OSError as exc:
            raise file_error(exc, self.root / LOCK, "lock the session with") from None

    def _reload(self) -> list[dict[str, Any]]:
        """Catch up with the journal on disk; returns the entries that are new to this object."""
        fresh = read_journal(self.root)
        known = len(self._entries)
        if fresh[:known] == self._entries:
            added = fresh[known:]
        else:
            added = fresh  # rewritten elsewhere (by hand): take it as it is now
        if added:
            self._entries, self.state = fresh, replay(self.root, fresh)
            self._verified_original = None
        return added

    def _clean_leftovers(self) -> None:
        """Remove temp files and unreferenced versions and masks that an interrupted step left.

        Only ever called under the lock, and every write happens under the lock, so nothing here
        can belong to a step still in progress."""
        referenced = {self._entries[0].get("file")}
        for entry in self._entries:
            referenced.update([entry.get("file"), entry.get("mask"), *(entry.get("variations") or [])])
        removed = []
        for folder, is_ours in ((self.root, _VERSION_FILE.match), (self.root / MASKS, _MASK_FILE.match)):
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            prefix = "" if folder == self.root else f"{MASKS}/"
            for name in names:
                leftover = _TEMP_FILE.match(name) or (
                    is_ours(name) and not name.startswith("v000") and f"{prefix}{name}" not in referenced)
                if leftover:
                    try:
                        os.unlink(folder / name)
                        removed.append(f"{prefix}{name}")
                    except OSError:
                        pass
        self.cleaned.extend(sorted(removed))

    def discard_if_untouched(self) -> bool:
        """Remove a session this object created if nothing but its first line was ever written —
        by anyone: another command may have joined it meanwhile. Returns whether it was removed."""
        if not self.created:
            return False
        with self.transaction():
            if len(self._entries) > 1:
                return False
            shutil.rmtree(self.root, ignore_errors=True)
        return True

    # ----------------------------------------------------------------- writing

    def next_version_number(self) -> int:
        """One past every version the journal knows *and* every version file on disk, so an image
        left behind by an interrupted step is never overwritten."""
        known = max(self.state.versions)
        on_disk = [int(match.group(1)) for name in os.listdir(self.root)
                   if (match := _VERSION_FILE.match(name))]
        return max([known, *on_disk]) + 1

    def commit_edit(self, *, images: list[bytes], mask_png: bytes | None, record: dict[str, Any],
                    input_version: int | None = None) -> int:
        """Write the new version(s), its mask, then the journal line that makes them real.

        `input_version` is the version the edit was computed from; if the session has moved on
        since (a writer that did not hold the transaction), nothing is written — the journal must
        never claim an edit started from a version it did not see. If any write fails, the files
        this commit wrote are removed again."""
        if not images:
            raise ValueError("an edit must produce at least one image")
        with self.transaction():
            if input_version is not None and input_version != self.head:
                raise RetouchError(f"the session moved from v{input_version:03d} to v{self.head:03d} while this "
                                   "edit ran, so it was not saved", "Run the request again.")
            number = self.next_version_number()
            name = f"v{number:03d}.png"
            variation_names = [f"v{number:03d}-{index}.png" for index in range(2, len(images) + 1)]
            mask_name = f"{MASKS}/v{number:03d}.png" if mask_png is not None else None
            files = [(name, images[0]), *zip(variation_names, images[1:])]
            if mask_name is not None:
                files.append((mask_name, mask_png))
            entry = {"kind": "edit", "time": _now(), **record, "input_version": self.head,
                     "output_version": number, "file": name, "variations": variation_names,
                     "mask": mask_name}
            self._write_then_append(files, entry)
            self.committed.append(number)
        return number

    def commit_selection(self, *, mask_png: bytes, record: dict[str, Any]) -> None:
        """A step that only selected something: no new version, but the mask is kept and journaled."""
        with self.transaction():
            index = sum(1 for e in self._entries if e.get("kind") == "select")
            mask_name = f"{MASKS}/selection-{index + 1:03d}.png"
            self._write_then_append([(mask_name, mask_png)], {
                "kind": "select", "time": _now(), **record, "input_version": self.head,
                "output_version": None, "mask": mask_name})

    def pick_variation(self, index: int) -> int:
        """Keep variation `index` (1-based) of the current edit as a new version of its own."""
        with self.transaction():
            version = self.state.versions[self.head]
            choices = [version.path, *version.variations]
            if not 1 <= index <= len(choices):
                raise RetouchError(f"there is no variation {index}",
                                   f"This edit has {len(choices)} variation(s).")
            if index == 1:
                return self.head
            try:
                data = choices[index - 1].read_bytes()
            except OSError as exc:
                raise file_error(exc, choices[index - 1], "read") from None
            parent = version.parent if version.parent is not None else self.head
            entry_source = self._entries[version.step] if version.step is not None else {}
            number = self.next_version_number()
            name = f"v{number:03d}.png"
            self._write_then_append([(name, data)], {
                "kind": "edit", "time": _now(), "words": f"/pick {index}",
                "picked_from": {"version": self.head, "variation": index},
                "plan": entry_source.get("plan"), "input_version": parent,
                "output_version": number, "file": name, "variations": [],
                "mask": entry_source.get("mask")})
            self.committed.append(number)
        return number

    def undo(self, steps: int = 1) -> int:
        _check_steps(steps)
        with self.transaction():
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
        _check_steps(steps)
        with self.transaction():
            if not self.state.redo:
                raise RetouchError("nothing to redo", "Redo brings back what undo took away.")
            steps = min(steps, len(self.state.redo))
            target = self.state.redo[-steps]
            self._record_move("redo", target, steps=steps)
        return target

    def revert(self, number: int) -> int:
        with self.transaction():
            if number not in self.state.versions:
                raise RetouchError(f"there is no version {number}",
                                   f"Versions go from 0 to {max(self.state.versions)}; see: retouch log.")
            self.version_path(number)  # a missing or changed file is refused before the move
            self._record_move("revert", number)
        return number

    def _record_move(self, action: str, target: int, steps: int = 1) -> None:
        with self.transaction():
            self._append({"kind": "history", "time": _now(), "action": action, "from": self.head,
                          "to": target, "steps": steps})

    def _write_then_append(self, files: list[tuple[str, bytes]], entry: dict[str, Any]) -> None:
        """Write `files` (names relative to the session), then the journal line; on any failure the
        files written so far are removed, so a failed step leaves nothing behind."""
        written: list[Path] = []
        try:
            for name, data in files:
                path = self.root / name
                path.parent.mkdir(exist_ok=True)
                _atomic_write(path, data)
                written.append(path)
            self._append(entry)
        except BaseException as exc:
            for path in written:
                try:
                    path.unlink()
                except OSError:
                    pass
            if isinstance(exc, OSError):
                raise file_error(exc, self.root, "write to the session") from None
            raise

    def _append(self, entry: dict[str, Any]) -> None:
        """Rewrite the journal atomically with one more line, then update the derived state."""
        line = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), default=str)
        journal = self.root / JOURNAL
        try:
            existing = journal.read_bytes() if journal.exists() else b""
        except OSError as exc:
            raise file_error(exc, journal, "read") from None
        if existing and not existing.endswith(b"\n"):
            existing += b"\n"
        _atomic_write(journal, existing + line.encode("utf-8") + b"\n")
        self._entries.append(json.loads(line))  # as a reader will see it, so `_reload` can compare
        self.state = replay(self.root, self._entries)


class SessionExists(RetouchError):
    """`Session.create` found a session already in the folder (perhaps started a moment ago)."""


def _remove_start(root: Path, made: bool) -> None:
    """Undo a `create` that failed: the folder if it made it, else what it put in a user's folder."""
    if made:
        shutil.rmtree(root, ignore_errors=True)
        return
    for name in os.listdir(root) if root.is_dir() else []:
        path = root / name
        if name in (LOCK, MASKS) or _TEMP_FILE.match(name):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)


def _check_steps(steps: int) -> None:
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise RetouchError(f"can't move {steps!r} steps", "Undo and redo move 1 or more steps.")


