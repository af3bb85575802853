"""Clause splitting, the rules planner's first stage: one message → one clause per edit.

Pure functions of text, tested on their own: sentences, connectors, "and" + a verb, run-on lines
with no punctuation at all, constraints glued back onto the crop or turn they belong to, places
glued onto the edit after them, and the names inside one clause.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_clauses import (
    MAX_CLAUSE_CHARS, MAX_CLAUSES, has_command, run_ons, split_clauses, split_list,
)
from retouch.agent.planner.rules_text import Words, clean


def clauses(text: str) -> list[str]:
    return [c.orig for c in split_clauses(clean(text))]


@pytest.mark.parametrize("text, expected", [
    ("remove the dog. make it brighter!", ["remove the dog", "make it brighter"]),
    ("remove the dog; crop it square", ["remove the dog", "crop it square"]),
    ("remove the dog\nthen crop it", ["remove the dog", "crop it"]),
    ("remove the dog, then crop it square", ["remove the dog", "crop it square"]),
    ("remove the dog and make it brighter", ["remove the dog", "make it brighter"]),
    ("remove the dog, and also sharpen it", ["remove the dog", "sharpen it"]),
    ("crop it square after that save it as a.png", ["crop it square", "save it as a.png"]),
    ("extend it to 1.5:1. make it warmer", ["extend it to 1.5:1", "make it warmer"]),
])
def test_sentences_and_connectors(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Zoom out Swap the sky for a sunset", ["Zoom out", "Swap the sky for a sunset"]),
    ("Crop it square Make it brighter Remove the dog", ["Crop it square", "Make it brighter", "Remove the dog"]),
    ("remove the watermark add a border", ["remove the watermark", "add a border"]),
    ("brighten it up remove the cables", ["brighten it up", "remove the cables"]),
    ("rotate 90 degrees crop to 4:5", ["rotate 90 degrees", "crop to 4:5"]),
    ("undo make it darker instead", ["undo", "make it darker instead"]),
    ("remove the lamp get rid of the chair", ["remove the lamp", "get rid of the chair"]),
    ("Remove the trash can Blur the background", ["Remove the trash can", "Blur the background"]),
    ("remove the the make it pop", ["remove the the", "make it pop"]),
])
def test_run_on_lines_split_at_command_verbs(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text", [
    "help me remove the dog",                     # no edit before the verb
    "I want to add a hat on the man",             # an infinitive
    "so I can add a cat later",                   # after a modal
    "remove the paint stains",                    # a noun after "the"
    "remove the add banner at the top",
    "remove the cut on his arm",                  # not followed by what a command takes
    "change my shirt color to black",             # a noun-like verb before "to"
    "remove the man holding the sign",
    "make the color the same as the sky",
    "remove the fix-it sign",
])
def test_run_on_splitting_leaves_single_edits_alone(text):
    assert len(clauses(text)) == 1, clauses(text)


def test_run_ons_is_a_stage_of_its_own():
    parts = run_ons(Words.of("remove the watermark add a border"))
    assert [p.orig for p in parts] == ["remove the watermark", "add a border"]
    assert [p.orig for p in run_ons(Words.of("add a border"))] == ["add a border"]


@pytest.mark.parametrize("text, expected", [
    ("Crop it square, make sure the cat stays in", ["Crop it square, make sure the cat stays in"]),
    ("rotate by 10 degrees and extend the edges instead of cropping",
     ["rotate by 10 degrees, extend the edges instead of cropping"]),
    ("straighten it. don't crop", ["straighten it. don't crop"]),
    ("remove the dog, keep the cat", ["remove the dog, keep the cat"]),        # removal reads its own "keep"
])
def test_constraints_stay_with_their_crop_or_turn(text, expected):
    assert clauses(text) == expected


def test_a_leading_place_is_glued_to_the_edit_after_it():
    assert clauses("to the left of the man, add a girl") == ["to the left of the man, add a girl"]


def test_names_inside_a_clause():
    names = [w.orig for w in split_list(Words.of("the trash can, the sign and the car"))]
    assert names == ["the trash can", "the sign", "the car"]
    assert [w.orig for w in split_list(Words.of("the red and blue shirt"))] == ["the red and blue shirt"]
    assert [w.orig for w in split_list(Words.of("my ex, he's on the left"))] == ["my ex, he's on the left"]


def test_a_name_with_a_command_inside_is_detected():
    assert has_command("the guy make it black and white")
    assert not has_command("the paint stains")
    assert not has_command("make it brighter")                  # a command at the start is the clause's own


def test_clauses_are_bounded():
    assert len(clauses("remove the dog. " * 100)) == MAX_CLAUSES
    long = clauses("remove the " + "very " * 200 + "big dog")
    assert len(long) == 1 and len(long[0]) <= MAX_CLAUSE_CHARS


# ---- the cut pattern's guard ----------------------------------------------------------------------------

try:                                                   # Python 3.11+
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:                                    # pragma: no cover - older Pythons
    import sre_constants as _sre
    import sre_parse as _sre_parse

_SEPARATORS = {",", "/", ":", "-", "\u2013", _sre.CATEGORY_SPACE}


def _first_chars(items) -> tuple[set, bool]:
    """What a parsed regex sequence can begin with — characters, or categories such as CATEGORY_SPACE — and whether it
    can match without reading a character (then whatever follows it decides)."""
    firsts: set = set()
    for op, av in items:
        if op is _sre.AT or op is _sre.ASSERT_NOT or op is _sre.ASSERT and av[0] < 0:
            continue                                   # \b, ^, a negative look, a look behind: nothing read
        if op is _sre.ASSERT:                          # a look ahead: the next character is one it begins with
            inner, empty = _first_chars(av[1])
            firsts |= inner
            if not empty:
                return firsts, False
            continue
        if op is _sre.LITERAL:
            return firsts | {chr(av)}, False
        if op is _sre.IN:
            return firsts | {chr(v) if o is _sre.LITERAL else v if o is _sre.CATEGORY else (o, v) for o, v in av}, False
        if op is _sre.SUBPATTERN:
            inner, empty = _first_chars(av[3])
        elif op is _sre.BRANCH:
            parts = [_first_chars(alt) for alt in av[1]]
            inner, empty = set().union(*(p[0] for p in parts)), any(p[1] for p in parts)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            inner, empty = _first_chars(av[2])
            empty = empty or av[0] == 0
        else:
            raise AssertionError(f"the test does not read {op} yet")
        firsts |= inner
        if not empty:
            return firsts, False
    return firsts, True


def test_every_cut_begins_where_its_guard_looks():
    """`_CONNECT` looks at `_CONNECT_STARTS` before trying its alternatives: a new alternative that could begin
    anywhere else would be silently never tried. Every alternative must begin at a space or a separator, except the
    connector one and the 'or' one, which begin at a word (the guard's `\\b(?:{CONNECTORS}|or)\\b`)."""
    from retouch.agent.planner import rules_clauses, rules_vocab

    parsed = _sre_parse.parse(rules_clauses._CONNECT.compiled.pattern)
    guard, branch = list(parsed)
    assert guard[0] is _sre.ASSERT and branch[0] is _sre.BRANCH
    at_words = {}
    for index, alternative in enumerate(branch[1][1]):
        firsts, empty = _first_chars(alternative)
        assert not empty, f"alternative {index} can cut with no character read"
        if firsts - _SEPARATORS:
            at_words[index] = firsts - _SEPARATORS
    connector_letters = {phrase[0] for phrase in rules_vocab.CONNECTORS}
    assert at_words[0] == connector_letters                     # "…, then crop it", "then crop it"
    (or_index,) = [i for i in at_words if i]
    assert at_words[or_index] == {"o"}                         # "(…) or make him harder to see"
    assert len(at_words) == 2


@pytest.mark.parametrize("text, expected", [
    ("then sharpen the lake", ["sharpen the lake"]),                         # a connector with nothing before it
    ("then finally crop it square", ["crop it square"]),
    ("warm the kitchen up,then crop it", ["warm the kitchen up", "crop it"]),
    ("crop the ladder,or blur it", ["crop the ladder", "blur it"]),           # 'or' right after a comma
    ("brighten the porch/sharpen the fence", ["brighten the porch", "sharpen the fence"]),
    ("darken the hedge:sharpen the gate", ["darken the hedge", "sharpen the gate"]),
    ("fix the dock -- need help to remove the buoys", ["fix the dock", "need help to remove the buoys"]),
])
def test_cuts_at_a_separator_or_a_word_with_no_space_before(text, expected):
    """The cuts the guard must still let through: a cut that begins at a word or at a separator, no space before."""
    assert clauses(text) == expected
