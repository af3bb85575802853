"""Patterns compiled from the named word lists of `rules_vocab`.

Every regular expression of the rules planner is a small grammar over named lists: the words live in
`rules_vocab` (data, one place), the shape lives in the handler's template. A template names a list
in braces — `rx(r"^{REMOVE_VERBS}\\s+(?P<np>.+)")` — and the list is compiled in as one alternation.
A new synonym is a new entry in a list; no regex changes.

List entries are lowercase words or phrases: a space matches any run of spaces, and a `*` after a word
means "and any ending" (`rotat*` matches rotate, rotated, rotating, rotation; `colo* look off` matches
"colours look off").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, cast

from retouch.agent.planner import rules_verbs, rules_vocab
from retouch.agent.planner import rules_pattern_cache, rules_prefilter

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


_ANY_ENDING = r"\w*"
_SPACING = r"\s+"
_END = ""


def _atoms(phrase: str) -> list[str]:
    """One entry as regex atoms: each letter escaped, `\\s+` between words, `\\w*` for a `*` ending."""
    atoms: list[str] = []
    for index, word in enumerate(phrase.split(" ")):
        if index:
            atoms.append(_SPACING)
        atoms.extend(re.escape(char) for char in word.removesuffix("*"))
        if word.endswith("*"):
            atoms.append(_ANY_ENDING)
    return atoms


def _emit(node: dict) -> str:
    """A trie node as a regex: literal continuations first, then any ending, then the end of an entry — so a
    longer entry is tried before the shorter one it starts with, as a longest-first alternation does."""
    order = sorted((atom for atom in node if atom != _END), key=lambda atom: (atom == _ANY_ENDING, atom))
    branches = [atom + _emit(node[atom]) for atom in order]
    if _END in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    if len(branches) == 2 and branches[1] == "":
        return f"(?:{branches[0]})?"
    return "(?:" + "|".join(branches) + ")"


def phrase_re(words: Iterable[str]) -> str:
    """A regex alternation of whole words/phrases, spaces matching any spacing — compiled as a trie (entries that
    share a beginning share it once), so a list of a thousand words costs a few character tests per position,
    not a thousand; a longer entry is still tried before a shorter one it begins with. The trie is built in Python
    (most of the cost of importing the planner), so what it gives for a list is kept for the next run
    (`rules_pattern_cache.alternation`): it depends on the set of entries alone."""
    return rules_pattern_cache.alternation(tuple(sorted(set(words))), _trie_re)


def _trie_re(words: Iterable[str]) -> str:
    trie: dict = {}
    for phrase in words:
        node = trie
        for atom in _atoms(phrase):
            node = node.setdefault(atom, {})
        node[_END] = {}
    return "(?:" + _emit(trie) + ")"


@lru_cache(maxsize=None)
def named(name: str) -> str:
    """The alternation for one list of `rules_vocab`, or one computed from its verbs (`rules_verbs.LISTS`);
    a dict contributes its keys; a name ending in _INFLECTED is the inflected forms of the verb list
    (ADD_VERBS_INFLECTED: add, adds, added …)."""
    if name.endswith("_INFLECTED"):
        return phrase_re(inflect(_words(name.removesuffix("_INFLECTED"))))
    return phrase_re(_words(name))


def _words(name: str) -> Iterable[str]:
    words = rules_verbs.LISTS.get(name) or getattr(rules_vocab, name, None)
    if words is None or isinstance(words, str):
        raise KeyError(f"rules_vocab has no list named {name}")
    return words


def expand(template: str) -> str:
    """Replace each {NAME} in a regex template with the alternation of that list."""
    return _PLACEHOLDER.sub(lambda m: named(m.group(1)), template)


class LazyPattern:
    """A compiled pattern that is compiled on its first use, not at import.

    The planner holds ~500 patterns and one request touches about a quarter of them; compiling them all at import
    cost most of a cold `retouch plan` (~0.8 s). The template is expanded at once (so a misspelt list name still
    fails at import); `re.compile` waits until a method (`search`, `sub` …) or attribute is first asked for, then
    that bound method is kept on the instance, so later calls cost a plain attribute lookup. A match's `.re` is the
    compiled pattern, not this wrapper: tell patterns apart by the wrapper you called (`pattern is _X`), never by
    `match.re is _X`."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        _MADE.append(self)

    def __repr__(self) -> str:
        state = "compiled" if "_compiled" in self.__dict__ else "not compiled yet"
        return f"rx({self._source[:60]!r}…, {state})"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):                      # copy/pickle probes must not compile or recurse
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        if name in rules_prefilter.METHODS:
            value = self._checked(name, value) if "_literals" in self.__dict__ else self._counted(name, value)
        self.__dict__[name] = value
        return value

    def _counted(self, name: str, method: Any) -> Any:
        """`method`, until it has been called `rules_prefilter.AFTER_USES` times; then `method` behind the pre-check of
        the literals every match holds (`rules_prefilter`), or `method` itself when there is none worth testing (or the
        pattern fails on its first letters anyway). Counting first keeps the parse that finds them off a cold start
        (`retouch plan` reads each pattern a few times)."""
        calls = 0

        def counted(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            calls += 1
            if calls >= rules_prefilter.AFTER_USES:
                self.__dict__[name] = self._checked(name, method)
            return method(*args, **kwargs)
        return counted

    def _checked(self, name: str, method: Any) -> Any:
        """`method` behind its pre-check, or itself where there is none worth testing."""
        literals = self._required()
        if literals is None or self.__dict__["_fails_fast"][name in rules_prefilter.ANCHORED_METHODS]:
            return method
        return rules_prefilter.prefiltered(name, method, literals)

    def _required(self) -> frozenset[str] | None:
        """The literals of the pre-check (`rules_prefilter.required_literals`), found once, and whether the pattern
        fails on its first letters when searched and when matched (`rules_prefilter.fails_fast`)."""
        if "_literals" not in self.__dict__:
            literals, self.__dict__["_fails_fast"] = rules_pattern_cache.pre_check(self._source, self._flags,
                                                                                   rules_prefilter.pre_check)
            self.__dict__["_literals"] = literals
        return self.__dict__["_literals"]

    @property
    def compiled(self) -> re.Pattern[str]:
        """The `re.Pattern` itself (compiled now if not yet, or read from the last run's: `rules_pattern_cache`): for
        code that needs a real one."""
        pattern = self.__dict__.get("_compiled")
        if pattern is None:
            pattern = self.__dict__["_compiled"] = rules_pattern_cache.compiled(self._source, self._flags)
        return pattern


_MADE: list[LazyPattern] = []
"""Every pattern `rx` has made, so `compile_all` can reach the ones no request has used yet."""


def compile_all() -> int:
    """Compile every pattern made so far, and find the literals of its pre-check (`rules_prefilter`), so every
    method has it from its first call; the count. A malformed template fails here (the tests call it), not
    silently on the first request that reaches it (the planner turns a crash into "I couldn't work that out")."""
    for pattern in _MADE:
        pattern.compiled
        pattern._required()
    return len(_MADE)


def rx(template: str, flags: int = 0) -> re.Pattern[str]:
    """A regex template whose {NAMES} are lists of `rules_vocab`, compiled on first use (`LazyPattern`); it
    answers every `re.Pattern` method, hence the type."""
    return cast("re.Pattern[str]", LazyPattern(expand(template), flags))


def inflect(verbs: Iterable[str]) -> tuple[str, ...]:
    """add → adds, added, adding; place → placing; put → putting (the first word of a phrase)."""
    forms = []
    for verb in verbs:
        head, _, tail = verb.partition(" ")
        if head.endswith("e"):
            stems = {head, head + "s", head + "d", head[:-1] + "ing"}
        else:
            stems = {head, head + "s", head + "ed", head + "ing"}
        if re.search(r"[^aeiou][aeiou][ptgn]$", head):
            stems |= {head + head[-1] + "ing", head + head[-1] + "ed"}
        forms += [f"{stem} {tail}".strip() for stem in stems]
    return tuple(forms)
