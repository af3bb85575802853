"""The planner's compiled patterns, kept between runs the way `__pycache__` keeps compiled modules.

Why: `retouch plan` is a fresh process each time, and its first request compiles a few hundred patterns built from
long word lists — about 0.4 s on a 2-core machine, because `re`'s parser and code generator are pure Python. What
`re.compile` makes of a source string depends only on the string, the flags and the Python (`_sre.MAGIC`): the
opcode list and group tables it hands to `_sre.compile`. Those are stored once in the user's cache folder and handed
to `_sre.compile` directly the next time, which costs microseconds. The result is the pattern `re.compile` builds
(`==` on patterns compares flags, source and opcodes; `tests/test_planner_lexicon_speed.py` checks every planner
pattern that way), so no plan can change. The pre-check of a pattern (`rules_prefilter.pre_check`, a second parse)
is stored beside it, and so is each word list's alternation (`rules_lexicon.phrase_re`, a trie built in Python, most of
the cost of importing the planner), found by the list's words themselves.

An entry is found by the source's CRC and confirmed by the source itself (stored compressed), so two sources never
share an entry. Anything unexpected — no cache folder, a file from another Python or another format, a damaged entry
(`_sre` validates the opcodes and raises), a Python whose `re` internals moved — falls back to `re.compile` and
the patterns compile as they always did. New entries are written once, when the process ends (`atexit`), merged with
what other processes wrote meanwhile, most recently used last, at most `MAX_ENTRIES`.

The file: `$RETOUCH_PATTERN_CACHE`, else `<user cache dir>/retouch/patterns-<python>-<sre magic>.bin`;
`RETOUCH_PATTERN_CACHE=off` reads and writes nothing. Like the sessions folder, it is Retouch's own: `retouch mcp
--root` writes it there too (no client names it), and its tests give the server a cache folder as they give it a data
folder.
"""

from __future__ import annotations

import array
import atexit
import functools
import marshal
import os
import re
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any, Callable

try:                                          # private to `re`, like the pre-check's parse (`rules_prefilter`)
    import _sre
    from re import _compiler as sre_compile   # type: ignore[attr-defined]
    from re import _parser as sre_parse       # type: ignore[attr-defined]
except ImportError:                           # a Python that moved them: every pattern compiles through `re`
    _sre = sre_compile = sre_parse = None     # type: ignore[assignment]

FORMAT = 1
"""Bumped when an entry's layout changes: a file of another format is ignored (and replaced on the next write)."""
MAX_ENTRIES = 4000
"""The most patterns the file keeps — a few planner versions' worth (~900 patterns each); the least recently used
go first."""
OFF = "off"
"""`RETOUCH_PATTERN_CACHE=off`: no file is read or written."""

Entry = tuple[bytes, int, int, dict[str, int], tuple[Any, ...], bytes, Any]
"""(source compressed, flags, groups, group index, index group, opcodes compressed, pre-check or None)."""
Key = tuple[int, int]
"""(flags given to `rx`, CRC-32 of the source)."""
Words = tuple[str, ...]
"""A word list as `phrase_re` reads it: its distinct entries, sorted."""

_stored: tuple[dict[Key, Entry], dict[Words, str]] | None = None
"""The file's patterns and alternations, read on first need."""
_used: dict[Key, Entry] = {}
"""The patterns this process read or made, in order of first use: what the file keeps last (most recent)."""
_used_alternations: dict[Words, str] = {}
"""The same for alternations."""
_changed = False
"""Whether this process made an entry or added a pre-check, so the file is written at exit."""
_save_registered = False


def cache_path() -> Path | None:
    """Where the compiled patterns live, or None when `RETOUCH_PATTERN_CACHE=off`."""
    named = os.environ.get("RETOUCH_PATTERN_CACHE")
    if named:
        return None if named == OFF else Path(named)
    from platformdirs import user_cache_dir

    version = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}"
    return Path(user_cache_dir("retouch", appauthor=False)) / f"patterns-{version}.bin"


def compiled(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, from the stored opcodes when this source was compiled before."""
    if sre_compile is None:
        return re.compile(source, flags)
    key = _key(source, flags)
    entry = _entry(key, source)
    if entry is not None:
        try:
            pattern = _sre.compile(source, entry[1], _opcodes(entry[5]), entry[2], entry[3], entry[4])
        except Exception:  # a damaged or foreign entry: `_sre` refused its opcodes
            pattern = None
        if pattern is not None:
            _used.setdefault(key, entry)
            return pattern
    pattern, entry = _compile(source, flags)
    _keep(key, entry)
    return pattern


def pre_check(source: str, flags: int, find: Callable[[str, int], Any]) -> Any:
    """`find(source, flags)` (the pre-check of `rules_prefilter`), stored with the pattern: the same answer, without
    parsing the pattern a second time."""
    key = _key(source, flags)
    entry = _entry(key, source)
    if entry is not None and entry[6] is not None:
        return entry[6]
    found = find(source, flags)
    if entry is not None:
        _keep(key, entry[:6] + (found,))
    return found


def alternation(words: Words, build: Callable[[Words], str]) -> str:
    """`build(words)`, or what it gave for these words in an earlier run (it must depend on the words alone)."""
    found = _used_alternations.get(words) or _read_once()[1].get(words)
    if found is None:
        found = build(words)
        _note_change()
    _used_alternations.setdefault(words, found)
    return found


def _key(source: str, flags: int) -> Key:
    return int(flags), zlib.crc32(source.encode("utf-8", "surrogatepass"))


def _entry(key: Key, source: str) -> Entry | None:
    """The stored entry of this source, or None (none stored, or another source with the same CRC)."""
    entry = _used.get(key) or _read_once()[0].get(key)
    if entry is None:
        return None
    try:
        same = zlib.decompress(entry[0]) == source.encode("utf-8", "surrogatepass")
    except (zlib.error, TypeError, IndexError):
        same = False
    return entry if same else None


def _compile(source: str, flags: int) -> tuple[re.Pattern[str], Entry]:
    """What `re.compile` does (`re._compiler.compile`, Python 3.11–3.13), keeping the opcodes it hands to `_sre`."""
    tree = sre_parse.parse(source, flags)
    code = sre_compile._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    final_flags = int(flags | tree.state.flags)      # a plain int: `re.RegexFlag` does not marshal
    groups = tree.state.groups - 1
    pattern = _sre.compile(source, final_flags, code, groups, groupindex, tuple(indexgroup))
    opcodes = zlib.compress(array.array("I", code).tobytes(), 1)
    entry = (zlib.compress(source.encode("utf-8", "surrogatepass"), 1), final_flags, groups, groupindex,
             tuple(indexgroup), opcodes, None)
    return pattern, entry


def _opcodes(packed: bytes) -> list[int]:
    code = array.array("I")
    code.frombytes(zlib.decompress(packed))
    return code.tolist()


def _keep(key: Key, entry: Entry) -> None:
    """Hold a new or grown entry for the file."""
    _used.pop(key, None)
    _used[key] = entry
    _note_change()


def _note_change() -> None:
    """The first change of the process registers the write at exit."""
    global _changed, _save_registered
    _changed = True
    if not _save_registered:
        _save_registered = True
        atexit.register(save)


def _read_once() -> tuple[dict[Key, Entry], dict[Words, str]]:
    global _stored
    if _stored is None:
        _stored = _read(cache_path())
    return _stored


def _read(path: Path | None) -> tuple[dict[Key, Entry], dict[Words, str]]:
    """The patterns and alternations of the file; none when there is no file, or it is of another format, Python or
    opcode size."""
    if path is None or array.array("I").itemsize != getattr(_sre, "CODESIZE", 0) or builders_fingerprint() < 0:
        return {}, {}
    try:
        header, patterns, alternations = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    if header != _header() or not isinstance(patterns, dict) or not isinstance(alternations, dict):
        return {}, {}
    return patterns, alternations


def _header() -> tuple[int, str, int, int]:
    """What must match for an entry to be read: the format, the very Python build (its `re` wrote the opcodes), the
    opcodes' version, and the code that made the rest (`builders_fingerprint`)."""
    return FORMAT, sys.version, getattr(_sre, "MAGIC", 0), builders_fingerprint()


BUILDERS = ("rules_lexicon.py", "rules_prefilter.py")
"""The modules whose code makes what the file keeps besides opcodes — the tries (`rules_lexicon._trie_re`) and the
pre-checks (`rules_prefilter.pre_check`). They are keyed by their input alone, so without this a change to either
module's code would keep reading what the old code made."""


@functools.lru_cache(maxsize=1)
def builders_fingerprint() -> int:
    """CRC-32 of the `BUILDERS` sources as installed; -1 when one cannot be read (then no file is read or written)."""
    crc = 0
    for name in BUILDERS:
        try:
            crc = zlib.crc32(Path(__file__).with_name(name).read_bytes(), crc)
        except OSError:
            return -1
    return crc


def save() -> None:
    """Write this process's entries into the file (atomically), after what is there now, keeping the newest
    `MAX_ENTRIES`. A folder that cannot be written is left alone: the cache only ever saves time."""
    global _changed
    path = cache_path()
    if path is None or not _changed or builders_fingerprint() < 0:
        return
    patterns, alternations = _read(path)
    try:
        data = marshal.dumps((_header(), _newest(patterns, _used), _newest(alternations, _used_alternations)))
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError):   # ValueError: something in an entry that marshal cannot write
        return
    _changed = False


def _newest(stored: dict[Any, Any], used: dict[Any, Any]) -> dict[Any, Any]:
    """What was stored, then what this process used (most recent last), the newest `MAX_ENTRIES` of it."""
    merged = {key: value for key, value in stored.items() if key not in used}
    merged.update(used)
    return dict(list(merged.items())[-MAX_ENTRIES:])


def forget() -> None:
    """Drop what this process read and made (tests that point `RETOUCH_PATTERN_CACHE` elsewhere)."""
    global _stored, _changed
    _stored = None
    _used.clear()
    _used_alternations.clear()
    _changed = False
