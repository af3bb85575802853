"""The rules planner as a codebase: words as data in one place, patterns compiled from named lists,
handlers in one table with explicit priorities and one return type.

These tests keep it that way: a list defined twice, a duplicate word, a word list written inline in a
handler module, a placeholder that names no list, two handlers at the same priority, or a handler that
returns something other than a list of steps fails here, with the name of the culprit.
"""

from __future__ import annotations

import ast
import collections
import re
from pathlib import Path

import pytest

from retouch.agent.planner import rules_verbs, rules_vocab
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_handlers import HANDLERS, Handler, dispatch
from retouch.agent.planner.rules_lexicon import LazyPattern, compile_all, expand, inflect, named, phrase_re, rx
from retouch.agent.planner.rules_steps import Step
from retouch.agent.planner.rules_text import Settings, Words

PLANNER = Path(rules_vocab.__file__).parent
VOCAB_SOURCE = (PLANNER / "rules_vocab.py").read_text(encoding="utf-8")
MODULES = {path.name: path.read_text(encoding="utf-8") for path in sorted(PLANNER.glob("*.py"))}


def _vocab_names() -> list[str]:
    names = []
    for node in ast.parse(VOCAB_SOURCE).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) \
            else []
        names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


def test_each_list_is_defined_once():
    twice = [name for name, n in collections.Counter(_vocab_names()).items() if n > 1]
    assert not twice, f"defined more than once in rules_vocab (the last silently wins): {twice}"


def test_no_list_repeats_a_word():
    repeated = {}
    for node in ast.walk(ast.parse(VOCAB_SOURCE)):
        if isinstance(node, (ast.Tuple, ast.Set, ast.List)):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        elif isinstance(node, ast.Dict):
            words = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        else:
            continue
        dupes = [w for w, n in collections.Counter(words).items() if n > 1]
        if dupes:
            repeated[node.lineno] = dupes
    assert not repeated, f"words repeated in one list (line: words): {repeated}"


def test_words_are_lowercase():
    for name in _vocab_names():
        value = getattr(rules_vocab, name)
        words = value.keys() if isinstance(value, dict) else value
        if isinstance(words, (tuple, frozenset, type({}.keys()))):
            upper = [w for w in words if isinstance(w, str) and w != w.lower()]
            assert not upper, (name, upper)


def test_every_list_is_used():
    code = "\n".join(text for name, text in MODULES.items() if name != "rules_vocab.py")
    unused = [name for name in _vocab_names() if not name.startswith("_")
              and not re.search(rf"\b{name}\b", code) and "{" + name not in code]
    assert not unused, f"lists nothing uses: {unused}"


def test_every_placeholder_names_a_list():
    for module, text in MODULES.items():
        tree = ast.parse(text)
        docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
        literals = [n.value for n in ast.walk(tree)
                    if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]
        for name in {name for literal in literals for name in re.findall(r"\{([A-Z][A-Z0-9_]+)\}", literal)}:
            named(name)                                  # raises KeyError naming the missing list


NOT_VOCABULARY = {"_EDITS": "plan tool names", "_NUMERIC_SETTINGS": "setting names"}


def test_word_lists_live_in_the_vocabulary():
    """No handler module defines a word list of its own: a module-level tuple, set or frozenset of
    six or more plain words belongs in rules_vocab."""
    found = []
    for module, text in MODULES.items():
        if module == "rules_vocab.py":
            continue
        for node in ast.parse(text).body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            if isinstance(target, ast.Name) and target.id in NOT_VOCABULARY:
                continue
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
                value = node.value.args[0] if isinstance(node.value, ast.Call) and node.value.args else node.value
                if isinstance(value, (ast.Tuple, ast.Set, ast.List)):
                    words = [e for e in value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                             and re.fullmatch(r"[a-z' -]+", e.value)]
                    if len(words) >= 6:
                        found.append((module, node.lineno))
    assert not found, f"word lists outside rules_vocab: {found}"


def test_patterns_compile_from_named_lists():
    assert named("ARTICLES") == phrase_re(rules_vocab.ARTICLES)
    pattern = rx(r"^{REMOVE_VERBS}\s+(?P<np>.+)")
    assert pattern.match("get rid of the dog").group("np") == "the dog"
    assert pattern.match("photoshop out the dog").group("np") == "the dog"
    assert re.fullmatch(expand("{DIRECTIONS}"), "bottom")
    with pytest.raises(KeyError, match="NO_SUCH_LIST"):
        rx("{NO_SUCH_LIST}")


def test_a_pattern_compiles_on_first_use_and_then_matches_as_compiled():
    template = r"\b{REMOVE_VERBS}\s+the\s+(?P<thing>\w+)"
    pattern = rx(template)
    assert isinstance(pattern, LazyPattern) and "_compiled" not in vars(pattern)
    said = "erase the kite, then get rid of the bench"
    found = [m.group("thing") for m in pattern.finditer(said)]
    assert "_compiled" in vars(pattern)
    assert found == [m.group("thing") for m in re.finditer(expand(template), said)] == ["kite", "bench"]
    assert pattern.sub("<turn>", said) == re.sub(expand(template), "<turn>", said)
    assert pattern.compiled is pattern.compiled and pattern.groupindex == {"thing": 1}


def test_every_planner_pattern_compiles():
    import retouch.agent.planner.rules  # noqa: F401  (every handler module, so every pattern is made)

    broken = rx(r"(?P<open>{ARTICLES}")             # a bracket left open: made quietly, fails on compiling
    with pytest.raises(re.error, match="missing \\)"):
        broken.search("the dog")
    from retouch.agent.planner import rules_lexicon
    rules_lexicon._MADE.remove(broken)
    assert compile_all() > 400


def test_list_entries_are_phrases_and_stems():
    pattern = re.compile(phrase_re(("rotat*", "get rid of")) + "$")
    assert pattern.match("rotating") and pattern.match("rotate") and pattern.match("get  rid   of")
    assert not pattern.match("get rid")
    longest = re.compile(phrase_re(("a", "a b", "abc")))
    assert longest.match("a b").group(0) == "a b" and longest.match("abc").group(0) == "abc"   # longest first
    assert set(inflect(("add", "place"))) >= {"add", "adds", "added", "adding", "place", "placing", "placed"}


def _plain_alternation(words) -> str:
    """The alternation phrase_re stands for: every entry in full, longest first (what it compiled to before the
    trie)."""
    def entry(phrase: str) -> str:
        return r"\s+".join(re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in phrase.split(" "))
    return "(?:" + "|".join(entry(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


@pytest.mark.parametrize("name", ["REMOVE_VERBS", "ENHANCE_NAMES", "COLORS", "TONE_FILLERS", "PICTURE_NOUNS",
                                  "BODY_PARTS"])
def test_the_trie_matches_what_the_plain_alternation_matches(name):
    words = rules_verbs.LISTS.get(name) or getattr(rules_vocab, name)
    words = list(words.keys()) if isinstance(words, dict) else list(words)
    trie, plain = re.compile(r"\b" + phrase_re(words) + r"\b"), re.compile(r"\b" + _plain_alternation(words) + r"\b")
    sentences = ["please get rid of the red car and brighten the photo", "colours look off in this pic of my arm",
                 "photoshop out the guy, make it pop", "rotating  the   picture", *words,
                 *(f"the {w}s and {w}ed {w}" for w in words)]
    for sentence in sentences:
        assert [m.span() for m in trie.finditer(sentence)] == [m.span() for m in plain.finditer(sentence)], sentence


def test_handlers_have_unique_explicit_priorities():
    priorities = [h.priority for h in HANDLERS]
    assert priorities == sorted(priorities) and len(set(priorities)) == len(priorities)
    assert all(isinstance(h, Handler) and h.name for h in HANDLERS)


CLAUSES = ["remove the dog", "make it brighter", "crop it square", "extend 100 px to the left", "undo", "hi",
           "save it as a.png", "swap the dog for a cat", "blur the background", "add a hat on the man",
           "fix his hand", "make his shirt red", "select the dog", "remove the haze", "make it look like a painting",
           "try again", "the other one", "remove the", "zoom out 0.5x", "rotate 1e308 degrees", "xyzzy"]


@pytest.mark.parametrize("handler", HANDLERS, ids=[h.name for h in HANDLERS])
def test_every_handler_returns_a_list_of_steps(handler):
    ctx = PlanningContext(image_size=(640, 480))
    for text in CLAUSES:
        steps = handler.parse(Words.of(text), ctx, Settings())
        assert isinstance(steps, list) and all(isinstance(step, Step) for step in steps), (handler.name, text)


def test_dispatch_takes_the_first_handler_that_reads_the_clause():
    steps = dispatch(Words.of("remove the dark spots"), PlanningContext(), Settings())
    assert steps and steps[0].action == "remove"          # removal-shaped: before tone reads "dark"
    assert dispatch(Words.of("xyzzy"), PlanningContext(), Settings()) == []


TOOLS = PLANNER.parents[1] / "tools"
CANONICAL_VALUES = {"EMBEDDED_LABELS": "labels a finder knows", "INVENTORY_LABELS": "labels listed",
                    "COMMON_OBJECTS": "the detector's query", "POSITIONS": "select qualifiers", "SIDES": "sides",
                    "CORNERS": "corners", "DEPTHS": "depths", "PICK_POLICIES": "policy names",
                    "OPTIONS": "setting names", "PARTS": "the enhance tool's part names",
                    "_IRREGULAR": "plurals for the tool's own English messages (tools write words, never read them)",
                    "FACE_PART_LABELS": "labels of a face's parts",
                    "SOLUTION_MODULES": "embedded model names", "WEIGHTS": "embedded model names → weight files"}


def test_tools_hold_no_vocabulary():
    """Tools take canonical values (docs/DESIGN.md): no module under tools/ keeps a word list or a word table of
    its own (person synonyms, answer words, ordinals) — those live in the planner's vocabulary."""
    found = []
    for path in sorted(TOOLS.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
            if not isinstance(target, ast.Name) or target.id in CANONICAL_VALUES or node.value is None:
                continue
            value = node.value
            if isinstance(value, ast.Call) and value.args:
                value = value.args[0]
            elements = value.keys if isinstance(value, ast.Dict) else getattr(value, "elts", [])
            words = [e for e in elements if isinstance(e, ast.Constant) and isinstance(e.value, str)
                     and re.fullmatch(r"[a-z' -]+", e.value)]
            if len(words) >= 6:
                found.append(f"{path.relative_to(TOOLS)}:{node.lineno} {target.id}")
    assert not found, f"word lists under tools/: {found}"
