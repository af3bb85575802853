"""The literal pre-check of the planner's patterns (`rules_prefilter`): it must answer exactly as the pattern does.

A pre-check that says "no match" for a text the pattern matches would change a plan silently, so these tests compare
every method's answer with and without it, on patterns built from the real word lists and on sentences written here.
"""

from __future__ import annotations

import re

import pytest

from retouch.agent.planner import rules_lexicon, rules_prefilter
from retouch.agent.planner.rules_lexicon import expand, rx
from retouch.agent.planner.rules_prefilter import prefiltered, required_literals
from retouch.agent.planner.word_check import declared_words


@pytest.mark.parametrize("source, literals", [
    (r"\b(?:cut\s*-?\s*out|png)\s+of\b", {"cut", "png"}),        # each branch gives one; 'of' is likelier than both
    (r"(?:very\s+)?dark(?:er)?\b", {"dark"}),                      # an optional word requires nothing
    (r"\bcolou?r\s+of\b", {"color", "colour"}),                     # either spelling; 'of' is likelier
    (r"^(?P<np>.+?)\s+(?:gone|erased)$", {"gone", "erased"}),
    (r"(?<=\bthe\s)kite", {"kite"}),
    (r"(?:zebra)+", {"zebra"}),                                    # a repeat taken at least once
    (r"(?=\w*stripe)\w+", {"stripe"}),                             # a lookahead's text must be in the string
    (r"\bl(?:evels|ight\w*)\s+up", {"levels", "light"}),             # the words before an open piece join how it
    (r"\bs(?:had(?:e|ow\w*)|tain)", {"shade", "shadow", "stain"}),    # begins (a list's trie), not its fragments
])
def test_required_literals_are_what_every_match_holds(source, literals):
    assert required_literals(source) == literals


@pytest.mark.parametrize("source", [
    r"(?!blue)\w+",                        # a negative lookahead requires nothing
    r"(?:zebra)*\s",                       # a repeat that may be skipped
    r"kite|\d+",                           # one branch with no literal: the alternation has none
    r"(?i)kite",                           # case folded inline
    r"a\s+b",                              # single letters are in every clause: not worth a test
])
def test_no_literals_where_a_match_needs_none(source):
    assert required_literals(source) is None


def test_case_folding_patterns_get_no_pre_check():
    assert required_literals(r"kite", re.IGNORECASE) is None


SENTENCES = [
    "erase the kite over the lake, then get rid of the bench",
    "could someone take the bins out of this shot please",
    "make a transparent png of the teapot",
    "the lamp post needs to go and the sky should be bluer",
    "brighten it up a little",
    "",
    "crop to 4:5 and sharpen",
]

TEMPLATES = [
    r"\b{REMOVE_VERBS}\s+the\s+(?P<thing>\w+)",
    r"\b(?:a\s+)?(?:cut\s*-?\s*out|png|transparent\s+(?:png|version|image|file))\s+of\s+(?P<s>[a-z'-]+)",
    r"(?<![\w'-])(?:{TONE_VERBS})\b(?:\s+it)?",
    r"\b(?:take|get)\s+(?:[a-z'-]+\s+){1,3}?out\b",
    r"\bsharpen\w*|\bcrop\s+to\s+(?P<a>\d+):(?P<b>\d+)",
]


def _same(first: object, second: object) -> bool:
    if isinstance(first, re.Match) or isinstance(second, re.Match):
        return isinstance(first, re.Match) and isinstance(second, re.Match) and first.span() == second.span() \
            and first.groups() == second.groups()
    return first == second


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_pre_checked_method_answers_as_the_pattern_does(template):
    compiled = re.compile(expand(template))
    literals = required_literals(compiled.pattern)
    assert literals, "each of these patterns has a literal to test"
    for text in SENTENCES:
        for name, args in (("search", (text,)), ("match", (text,)), ("fullmatch", (text,)), ("search", (text, 5)),
                           ("match", (text, 3, 30)), ("findall", (text,)), ("split", (text,)),
                           ("sub", ("<x>", text)), ("subn", ("<x>", text))):
            method = getattr(compiled, name)
            assert _same(prefiltered(name, method, literals)(*args), method(*args)), (template, name, text)
        fast = prefiltered("finditer", compiled.finditer, literals)
        assert [m.span() for m in fast(text)] == [m.span() for m in compiled.finditer(text)]


def test_a_clause_without_the_literals_is_answered_without_the_pattern():
    calls: list[str] = []

    def search(text: str) -> None:
        calls.append(text)

    fast = prefiltered("search", search, frozenset({"kite", "kites"}))
    assert fast("remove the bench") is None and calls == []
    fast("remove the kites")
    assert calls == ["remove the kites"]


def test_a_lazy_pattern_gets_its_pre_check_after_some_uses_and_keeps_its_answers():
    pattern = rx(r"\b{REMOVE_VERBS}\s+the\s+(?P<thing>kite|lantern)s?\b")
    said, other = "please erase the lanterns on the left", "warm up the sky"
    answers = [(pattern.search(said).group("thing"), pattern.search(other))
               for _ in range(rules_prefilter.AFTER_USES + 3)]
    assert answers == [("lantern", None)] * (rules_prefilter.AFTER_USES + 3)
    assert vars(pattern)["_literals"] == {"kite", "lantern"}
    assert vars(pattern)["search"].__name__ != "counted"          # the counting wrapper has been replaced
    rules_lexicon._MADE.remove(pattern)


def test_the_pre_checks_names_are_no_vocabulary():
    """`word_check.declared_words` reads every upper-case collection of `rules_lexicon`: the method names the
    pre-check knows ('sub', 'subn', 'findall') must not become words the rules claim to read."""
    assert not {"sub", "subn", "finditer", "findall", "fullmatch"} & declared_words()


def test_the_speed_benchmark_profiles_the_slowest_share_in_corpus_order():
    from benchmarks.planner_speed import slowest, summary

    texts = ["crop it square", "warm it up", "remove the kite and the two lanterns on the left", "flip it"]
    seconds = [0.001, 0.0005, 0.004, 0.002]
    assert slowest(texts, seconds, 0.5) == ["remove the kite and the two lanterns on the left", "flip it"]
    assert slowest(texts, seconds, 0.01) == ["remove the kite and the two lanterns on the left"]
    assert slowest(texts, seconds, 1.0) == texts
    assert summary(seconds).startswith("p50 2.000 ms  p95 4.000 ms") and "mean 1.875 ms" in summary(seconds)


@pytest.mark.parametrize("source, anchored, fast", [
    (r"^(?:crop|trim)\w*\s+it", False, True),       # fails on its first letters: no pre-check
    (r"(?:crop|trim)\b", True, True),                # tried at one place by match()
    (r"(?:crop|trim)\b", False, False),              # searched at every place: worth one
    (r"^(?P<np>.+?)\s+(?:gone|erased)$", False, False),   # anchored, but it reads the whole clause first
])
def test_a_pattern_that_fails_on_its_first_letters_gets_no_pre_check(source, anchored, fast):
    from retouch.agent.planner.rules_prefilter import fails_fast

    assert fails_fast(source, 0, anchored) is fast


def test_without_the_private_parser_there_is_no_pre_check_and_the_answers_stay(monkeypatch):
    """`re._parser` is private: a Python that moves it must leave every pattern running as it is, not break planning."""
    monkeypatch.setattr(rules_prefilter, "sre_parse", None)
    assert rules_prefilter.required_literals(r"\b(?:remove|erase)\s+the\s+\w+") is None
    assert rules_prefilter.pre_check(r"\b(?:remove|erase)\s+the\s+\w+") == (None, (False, False))
    pattern = rx(r"\b(?:remove|erase)\s+the\s+(?P<thing>\w+)")
    for _ in range(rules_prefilter.AFTER_USES + 2):
        assert pattern.search("please erase the bin").group("thing") == "bin"
        assert pattern.search("make it warmer") is None
