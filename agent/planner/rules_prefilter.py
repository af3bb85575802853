"""A cheap, exact pre-check for the planner's patterns: the literals one of which every match must contain.

Every clause meets a few hundred patterns, one handler after another, and most of them fail: a pattern like
`\\b(?:a\\s+)?(?:cut\\s*-?\\s*out|png|transparent …)\\s+of\\s+…` is tried at every position of every clause,
though a clause that holds neither "cut", "png" nor "transparent" can never match it. `required_literals` reads that
set off the pattern's own parse tree — the words come from the same declared lists the pattern was built from, never
spelt twice — and `prefiltered` answers such a clause at once (no match, the text unchanged) with
`str.__contains__`, which is C.

The answer is the same as the pattern's, always: a literal is required only when every way through the pattern holds
it (every branch of an alternation, a repeat taken at least once, a positive lookaround — which must find its text in
the string too), and the whole string is searched, so a `pos`/`endpos` or a lookbehind only narrows what could match.
Patterns with IGNORECASE are left alone (their literals would need case folding). Which literals are chosen — the
rarest-looking set, by length — changes only speed.
"""

from __future__ import annotations

import math
import re
try:                                      # the parse tree and its opcodes: private to `re`, stable since 3.11
    from re import _constants as sre     # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:                       # a Python that moved them: no pre-check, every pattern runs as it is
    sre = sre_parse = None
from typing import Any, Callable

MAX_EXACT = 64
"""The most strings an exact piece ('(?:remove|erase)', 'colou?r') may stand for before it counts as open text."""
MAX_LITERALS = 24
"""The most literals a pre-check tests: more cost about what the pattern they spare would."""
MAX_PRESENCE = 0.5
"""A pre-check whose literals look likelier than this to be in a clause (`_presence`) is not worth its cost."""
_PRESENCE_BY_LENGTH = {1: 1.0, 2: 0.3, 3: 0.08, 4: 0.03}
"""A rough chance that a literal of this length is in a clause (longer ones: 0.01) — only to pick among choices."""

Literals = frozenset[str]


def _presence(literals: Literals) -> float:
    """A set's rough chance to be in a clause. Summed exactly (`math.fsum`): a float sum in the set's iteration order,
    which changes with the hash seed, broke ties between sets differently from one run to the next."""
    return min(1.0, math.fsum(_PRESENCE_BY_LENGTH.get(len(literal), 0.01) for literal in literals))


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (_presence(a), len(a)) <= (_presence(b), len(b)) else b


def _exact(item: tuple[Any, Any]) -> set[str] | None:
    """The finite set of strings one parse item matches; None when it is open (a class, a wildcard, a long repeat)."""
    op, av = item
    if op is sre.LITERAL:
        return {chr(av)}
    if op is sre.SUBPATTERN:
        return _exact_sequence(av[3].data)
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            strings = _exact_sequence(branch.data)
            if strings is None:
                return None
            found |= strings
            if len(found) > MAX_EXACT:
                return None
        return found
    if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av) and len(av) <= 4:
        return {chr(code) for _, code in av}
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[:2] in ((0, 1), (1, 1)):
        body = _exact_sequence(av[2].data)
        if body is None:
            return None
        return body | {""} if av[0] == 0 else body
    return None


def _exact_sequence(items: list[tuple[Any, Any]]) -> set[str] | None:
    strings = {""}
    for item in items:
        if item[0] is sre.AT:
            continue                                  # an anchor or \\b matches no text
        piece = _exact(item)
        if piece is None:
            return None
        strings = {left + right for left in strings for right in piece}
        if len(strings) > MAX_EXACT:
            return None
    return strings


def _minimal(strings: set[str]) -> Literals:
    """The same requirement with no literal that holds another ('darker' goes where 'dark' is): fewer to test."""
    kept: list[str] = []
    for string in sorted(strings, key=len):
        if not any(shorter in string for shorter in kept):
            kept.append(string)
    return frozenset(kept)


def _as_required(strings: set[str]) -> Literals | None:
    """Exact strings as a requirement: none if one is empty (nothing is then required)."""
    if not strings or "" in strings:
        return None
    return _minimal(strings)


def _starts(items: list[tuple[Any, Any]]) -> set[str] | None:
    """Strings one of which every match of this sequence begins with, or None: the exact items from its start, and
    how the first open item begins ('l(?:evels|ight\\w*)' → levels, light)."""
    run: set[str] = {""}
    for item in items:
        if item[0] is sre.AT:
            continue
        piece = _exact(item)
        if piece is None:
            head = _starts_of(item)
            joined = {left + right for left in run for right in head} if head is not None else run
            run = joined if len(joined) <= MAX_EXACT else run
            break
        joined = {left + right for left in run for right in piece}
        if len(joined) > MAX_EXACT:
            break
        run = joined
    return run if "" not in run else None


def _passed_through(item: tuple[Any, Any]) -> list[tuple[Any, Any]] | None:
    """The sequence every match of `item` holds whole: a group's content, an atomic group's, a repeat's body when it is
    taken at least once; None for anything else (an alternation, a class, an optional repeat)."""
    op, av = item
    if op is sre.SUBPATTERN:
        return av[3].data
    if op is sre.ATOMIC_GROUP:
        return av.data
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
        return av[2].data
    return None


def _starts_of(item: tuple[Any, Any]) -> set[str] | None:
    inner = _passed_through(item)
    if inner is not None:
        return _starts(inner)
    op, av = item
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            heads = _starts(branch.data)
            if heads is None:
                return None
            union |= heads
        return union if len(union) <= MAX_EXACT else None
    return None


def _required(items: list[tuple[Any, Any]]) -> Literals | None:
    """The best set of literals one of which any match of this sequence holds, or None."""
    best: Literals | None = None
    run: set[str] = {""}                                # the strings of the exact items just read, joined
    for item in items:
        op, av = item
        if op is sre.AT:
            continue
        piece = _exact(item)
        if piece is not None:
            joined = {left + right for left in run for right in piece}
            if len(joined) <= MAX_EXACT:
                run = joined
                continue
            best = _better(best, _as_required(run))
            run = piece
            continue
        best = _better(best, _as_required(run))
        head = _starts_of(item) if "" not in run else None
        if head is not None:                            # the exact words before it, joined to how it begins
            joined = {left + right for left in run for right in head}
            best = _better(best, _as_required(joined) if len(joined) <= MAX_EXACT else None)
        run = {""}
        best = _better(best, _required_of(item))
    return _better(best, _as_required(run))


def _required_of(item: tuple[Any, Any]) -> Literals | None:
    """What an open item requires: a group its content's, an alternation the union of its branches', a repeat taken at
    least once its body's, a positive lookaround its text's; anything else nothing."""
    inner = _passed_through(item)
    if inner is not None:
        return _required(inner)
    op, av = item
    if op is sre.ASSERT:
        return _required(av[1].data)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            literals = _required(branch.data)
            if literals is None:
                return None
            union |= literals
        return _minimal(union)
    return None


def _folds_case(tree: Any) -> bool:
    if tree.state.flags & re.IGNORECASE:
        return True
    stack = [tree.data]
    while stack:
        for op, av in stack.pop():
            if op is sre.SUBPATTERN:
                if (av[1] | av[2]) & re.IGNORECASE:
                    return True
                stack.append(av[3].data)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
                stack.append(av[2].data)
            elif op is sre.BRANCH:
                stack.extend(branch.data for branch in av[1])
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                stack.append(av[1].data)
            elif op is sre.ATOMIC_GROUP:
                stack.append(av.data)
            elif op is sre.GROUPREF_EXISTS:
                stack.extend(branch.data for branch in av[1:] if branch is not None)
    return False


def fails_fast(source: str, flags: int = 0, anchored: bool = False) -> bool:
    """Whether the pattern tells a clause it cannot match from its first letters — it begins at the start (`^`, or
    `anchored`: `match`/`fullmatch`) with a fixed word or a set of them ('^(?:crop|trim)…'). A pre-check would only
    add its own cost there."""
    return _fails_fast(sre_parse.parse(source, flags), anchored)


def _fails_fast(tree: Any, anchored: bool) -> bool:
    items = list(tree.data)
    while items and items[0][0] is sre.AT:
        anchored = anchored or items[0][1] is sre.AT_BEGINNING or items[0][1] is sre.AT_BEGINNING_STRING
        items = items[1:]
    if not anchored or not items:
        return False
    first = items[0]
    if first[0] is sre.SUBPATTERN and len(first[1][3].data) == 1 and first[1][3].data[0][0] is sre.BRANCH:
        first = first[1][3].data[0]
    if first[0] is sre.BRANCH:
        return all(branch.data and branch.data[0][0] is sre.LITERAL for branch in first[1][1])
    exact = _exact(first)
    return first[0] is sre.LITERAL or exact is not None and "" not in exact


def pre_check(source: str, flags: int = 0) -> tuple[Literals | None, tuple[bool, bool]]:
    """`required_literals`, and `fails_fast` searched and matched, from one parse."""
    if flags & re.IGNORECASE or sre_parse is None:
        return None, (False, False)
    tree = sre_parse.parse(source, flags)
    literals = _literals_of(tree)
    if literals is None:
        return None, (False, False)
    return literals, (_fails_fast(tree, False), _fails_fast(tree, True))


def required_literals(source: str, flags: int = 0) -> Literals | None:
    """The literals one of which every match of the pattern holds (the set worth testing), or None: no such set, or
    none cheap enough to test, or the pattern folds case."""
    if flags & re.IGNORECASE or sre_parse is None:
        return None
    return _literals_of(sre_parse.parse(source, flags))


def _literals_of(tree: Any) -> Literals | None:
    if _folds_case(tree):
        return None
    literals = _required(tree.data)
    if literals is None or len(literals) > MAX_LITERALS or _presence(literals) > MAX_PRESENCE:
        return None
    return literals


_NO_MATCH: dict[str, Callable[[str], Any]] = {
    "search": lambda string: None,
    "match": lambda string: None,
    "fullmatch": lambda string: None,
    "finditer": lambda string: iter(()),
    "findall": lambda string: [],
    "sub": lambda string: string,
    "subn": lambda string: (string, 0),
    "split": lambda string: [string],
}
"""What each method answers for a string that holds none of the literals: what the pattern itself would."""
METHODS = frozenset(_NO_MATCH)
"""The methods of a pattern that get the pre-check."""
ANCHORED_METHODS = frozenset({"match", "fullmatch"})
"""The methods that try the pattern at one place only (`fails_fast`)."""
AFTER_USES = 16
"""Calls of one method of a pattern before it is given its pre-check (a pattern a request meets once or twice is not
worth the parse)."""
_STRING_AT = {"sub": 1, "subn": 1}
"""Where the string is among the positional arguments (after the replacement for `sub`)."""


def prefiltered(name: str, method: Callable[..., Any], literals: Literals) -> Callable[..., Any]:
    """`method` of a compiled pattern, answering at once when its string holds none of `literals`."""
    no_match = _NO_MATCH[name]
    at = _STRING_AT.get(name, 0)
    ordered = tuple(sorted(literals, key=len, reverse=True))
    if len(ordered) == 1:
        (only,) = ordered

        def single(*args: Any, **kwargs: Any) -> Any:
            if len(args) > at and type(args[at]) is str and only not in args[at]:
                return no_match(args[at])
            return method(*args, **kwargs)
        return single

    def any_of(*args: Any, **kwargs: Any) -> Any:
        if len(args) > at and type(args[at]) is str:
            string = args[at]
            for literal in ordered:
                if literal in string:
                    break
            else:
                return no_match(string)
        return method(*args, **kwargs)
    return any_of
