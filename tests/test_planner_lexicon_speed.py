"""What makes a cold `retouch plan` fast must never change what a pattern matches.

Two mechanisms: word lists become trie alternations (`rules_lexicon.phrase_re`: entries that share a beginning share
it once), and compiled patterns and alternations are kept between runs (`rules_pattern_cache`). The trie must match
exactly what a flat longest-first alternation matches — on entries that are prefixes of each other, an empty entry,
regex metacharacters — and a pattern read back from the cache must be the very pattern `re.compile` builds (`==` on
patterns compares flags, source and opcodes), whatever state the cache file is in.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from retouch.agent.planner import rules_lexicon, rules_pattern_cache, rules_prefilter
from retouch.agent.planner.rules_lexicon import phrase_re


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A pattern cache of this test's own, empty; the process's cache is read afresh afterwards."""
    path = tmp_path / "patterns.bin"
    monkeypatch.setenv("RETOUCH_PATTERN_CACHE", str(path))
    rules_pattern_cache.forget()
    yield path
    rules_pattern_cache.forget()


def _flat(words: list[str]) -> str:
    """The plain alternation a trie replaces: every entry escaped, longest first, spaces matching any spacing."""
    escaped = [r"\s+".join(re.escape(part) for part in word.split(" ")) for word in words]
    return "(?:" + "|".join(sorted(escaped, key=len, reverse=True)) + ")"


HOSTILE_LISTS = [
    ["re", "rem", "remove", "remove the", "removed", "removal"],             # each a prefix of the next
    ["c++", "c", "a.b", "(x)", "1/2", "$5", "?", "[ok]", "a|b", "\\d", "^"],  # regex metacharacters
    ["", "sky", "skyline"],                                                 # an empty entry
    ["light up", "light", "lights", "light  up", "lit"],                    # phrases, doubled spacing
    ["über", "ueber", "naïve", "naive", "–", "-"],                          # letters outside ASCII
]
HOSTILE_TEXTS = [
    "please remove the removed removal remover",
    "c++ and a.b or axb, (x) 1/2 $5? [ok] a|b \\d ^ end",
    "the skyline above the sky, skylines",
    "light   up the lights, lit lighting light\tup",
    "über ueber naïve naive – - —",
    "",
]


@pytest.mark.parametrize("words", HOSTILE_LISTS)
def test_a_trie_matches_what_the_flat_alternation_matches(words):
    trie, flat = re.compile(phrase_re(words)), re.compile(_flat(words))
    bounded_trie, bounded_flat = (re.compile(rf"(?<!\w)(?:{source})(?!\w)") for source in (trie.pattern, flat.pattern))
    for text in HOSTILE_TEXTS:
        for start in range(len(text) + 1):
            assert _span(trie.match(text, start)) == _span(flat.match(text, start)), (words, text, start)
            assert _span(bounded_trie.search(text, start)) == _span(bounded_flat.search(text, start)), (words, text)


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return match.span() if match else None


def test_a_trie_tries_the_longer_entry_first_whatever_the_order_given():
    assert re.match(phrase_re(["remove", "remove the"]), "remove the cat").group() == "remove the"
    assert re.match(phrase_re(["remove the", "remove"]), "remove the cat").group() == "remove the"
    assert phrase_re(["b", "a", "b"]) == phrase_re(["a", "b"])      # a set of entries: order and repeats are moot


def test_every_word_list_reads_back_the_alternation_it_builds(cache_file):
    vocab = rules_lexicon.rules_vocab
    names = [name for name in dir(vocab) if name.isupper()
             and isinstance(getattr(vocab, name), (tuple, frozenset, dict))
             and all(isinstance(word, str) for word in getattr(vocab, name))]
    built = {name: rules_lexicon._trie_re(sorted(set(rules_lexicon._words(name)))) for name in names}
    assert len(built) > 100
    assert all(phrase_re(rules_lexicon._words(name)) == source for name, source in built.items())
    rules_pattern_cache.save()
    rules_pattern_cache.forget()
    assert all(phrase_re(rules_lexicon._words(name)) == source for name, source in built.items())


def test_every_planner_pattern_read_from_the_cache_is_the_one_re_compiles(cache_file):
    import retouch.agent.planner.rules  # noqa: F401 — every handler module, so every pattern is made

    made = {(pattern._source, pattern._flags) for pattern in rules_lexicon._MADE}
    assert len(made) > 500
    for source, flags in made:                                  # first run: compiled, opcodes kept
        rules_pattern_cache.compiled(source, flags)
        rules_pattern_cache.pre_check(source, flags, rules_prefilter.pre_check)
    rules_pattern_cache.save()
    rules_pattern_cache.forget()
    stored, _ = rules_pattern_cache._read(cache_file)
    assert len(stored) == len(made)
    for source, flags in made:                                  # next run: read back
        cached, fresh = rules_pattern_cache.compiled(source, flags), re.compile(source, flags)
        assert cached == fresh and cached.groupindex == fresh.groupindex and cached.groups == fresh.groups
        assert rules_pattern_cache.pre_check(source, flags, _never) == rules_prefilter.pre_check(source, flags)


def _never(source: str, flags: int) -> object:
    raise AssertionError(f"the pre-check of {source[:40]!r} was worked out again, not read")


def test_named_groups_flags_and_lookbehinds_survive_the_round_trip(cache_file):
    source = r"(?<!\w)(?P<verb>erase|wipe)\s+(?:the\s+)?(?P<thing>[a-z]+)(?=\s|$)"
    rules_pattern_cache.compiled(source, re.IGNORECASE)
    rules_pattern_cache.save()
    rules_pattern_cache.forget()
    pattern = rules_pattern_cache.compiled(source, re.IGNORECASE)
    assert pattern == re.compile(source, re.IGNORECASE)
    assert pattern.search("Please WIPE the Table now").groupdict() == {"verb": "WIPE", "thing": "Table"}


def test_a_source_sharing_another_ones_key_is_compiled_not_confused(cache_file):
    wanted, other = r"\bbrighten\b", r"\bdarken\b"
    rules_pattern_cache.compiled(other)
    rules_pattern_cache.save()
    rules_pattern_cache.forget()
    stored, alternations = rules_pattern_cache._read(cache_file)
    stored[rules_pattern_cache._key(wanted, 0)] = stored.pop(rules_pattern_cache._key(other, 0))   # a CRC clash
    rules_pattern_cache._stored = (stored, alternations)
    pattern = rules_pattern_cache.compiled(wanted)
    assert pattern == re.compile(wanted) and pattern.search("brighten it") and not pattern.search("darken it")


def test_damaged_opcodes_fall_back_to_compiling(cache_file):
    source = r"\b(?:crop|trim)\s+(?P<side>left|right)\b"
    rules_pattern_cache.compiled(source)
    rules_pattern_cache.save()
    rules_pattern_cache.forget()
    stored, alternations = rules_pattern_cache._read(cache_file)
    key = rules_pattern_cache._key(source, 0)
    entry = stored[key]
    garbage = rules_pattern_cache.zlib.compress(bytes(range(200)) * 4)
    stored[key] = entry[:5] + (garbage,) + entry[6:]
    rules_pattern_cache._stored = (stored, alternations)
    pattern = rules_pattern_cache.compiled(source)
    assert pattern == re.compile(source) and pattern.search("trim right side").group("side") == "right"


@pytest.mark.parametrize("content", [b"", b"not a cache", b"\x00" * 64])
def test_a_file_that_is_not_a_cache_is_ignored_and_replaced(cache_file, content):
    cache_file.write_bytes(content)
    source = r"\bwarm(?:er)?\b"
    assert rules_pattern_cache.compiled(source) == re.compile(source)
    rules_pattern_cache.save()
    stored, _ = rules_pattern_cache._read(cache_file)
    assert rules_pattern_cache._key(source, 0) in stored


def test_a_file_from_another_format_is_not_read(cache_file, monkeypatch):
    source = r"\bcool(?:er)?\b"
    rules_pattern_cache.compiled(source)
    rules_pattern_cache.save()
    monkeypatch.setattr(rules_pattern_cache, "FORMAT", rules_pattern_cache.FORMAT + 1)
    assert rules_pattern_cache._read(cache_file) == ({}, {})


def test_a_file_written_by_other_builder_code_is_not_read(cache_file, monkeypatch):
    """The tries and pre-checks are keyed by their input alone: after an edit to the code that makes them, what the
    old code made must not be read back (lead, round 21)."""
    rules_pattern_cache.compiled(r"\bwarm(?:er)?\b")
    phrase_re(["alpha", "alphabet"])
    rules_pattern_cache.save()
    assert rules_pattern_cache._read(cache_file) != ({}, {})
    monkeypatch.setattr(rules_pattern_cache, "builders_fingerprint", lambda: 12345)
    assert rules_pattern_cache._read(cache_file) == ({}, {})


def test_the_fingerprint_follows_the_builders_sources():
    fingerprint = rules_pattern_cache.builders_fingerprint()
    assert fingerprint >= 0
    crc = 0
    for name in rules_pattern_cache.BUILDERS:
        crc = zlib.crc32((Path(rules_pattern_cache.__file__).with_name(name)).read_bytes(), crc)
    assert crc == fingerprint


def test_off_reads_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("RETOUCH_PATTERN_CACHE", rules_pattern_cache.OFF)
    monkeypatch.chdir(tmp_path)
    rules_pattern_cache.forget()
    try:
        assert rules_pattern_cache.cache_path() is None
        assert rules_pattern_cache.compiled(r"\bsharpen\b") == re.compile(r"\bsharpen\b")
        rules_pattern_cache.save()
        assert list(tmp_path.iterdir()) == []
    finally:
        rules_pattern_cache.forget()


def test_the_file_keeps_the_most_recently_used_entries(cache_file, monkeypatch):
    monkeypatch.setattr(rules_pattern_cache, "MAX_ENTRIES", 2)
    sources = [r"\bone\b", r"\btwo\b", r"\bthree\b"]
    for source in sources:
        rules_pattern_cache.compiled(source)
    rules_pattern_cache.save()
    stored, _ = rules_pattern_cache._read(cache_file)
    assert set(stored) == {rules_pattern_cache._key(source, 0) for source in sources[1:]}
    rules_pattern_cache.forget()
    rules_pattern_cache.compiled(r"\bfour\b")                   # another run: what it used goes last
    rules_pattern_cache.compiled(sources[1])
    rules_pattern_cache.save()
    stored, _ = rules_pattern_cache._read(cache_file)
    assert set(stored) == {rules_pattern_cache._key(source, 0) for source in (r"\bfour\b", sources[1])}


def test_what_two_processes_write_is_merged(cache_file):
    rules_pattern_cache.compiled(r"\bfirst\b")
    rules_pattern_cache.save()
    rules_pattern_cache.forget()                                # a second process that never read the file
    rules_pattern_cache._stored = ({}, {})
    rules_pattern_cache.compiled(r"\bsecond\b")
    rules_pattern_cache.save()
    stored, _ = rules_pattern_cache._read(cache_file)
    assert {rules_pattern_cache._key(r"\bfirst\b", 0), rules_pattern_cache._key(r"\bsecond\b", 0)} <= set(stored)
