"""Does a model's plan do only what the words ask? The check every LLM plan passes before it runs.

A small model, asked to "make it brighter", may answer with a revert; asked to "absorb the
raindrops", it crops to 16:9; asked to remove "the power lines", it selects everything except them.
The plan is valid JSON and valid against the schema — only the words can tell it is wrong. So:

- a crop, an outpaint, a history move or a save needs a word that asks for it (`ASKED_FOR_TOOL`), and so
  does an enhance that turns the picture (its straighten part, `ENHANCE_PART_CUES`);
- selecting everything *except* something needs a word that says so (`EXCLUDE_CUES`), and so does taking
  something out of a selection (`SUBTRACT_CUES`: "remove everyone *except* the boy");
- every object a plan selects is named in the words (plurals, irregular plurals and the synonyms the
  rules know count: "my ex" names a person);
- a tone, turn or flip goes the way the words say, where they say one (`direction_check`);
- nothing is inpainted where the words take clothes off someone (`undressing`), which the rules decline.

`unasked` returns the reason a plan fails (used as the repair message for the llm planner), or None.
The auto planner uses the same check (`auto.accept`), plus "the plan edits something".

The rules planner asks the other way round too: does a handler that takes its clause whole (a crop to 4:5, a canvas
grown, a turn) leave a word unread? `unread_words` names the words no declaration of the planner's vocabulary knows —
"crop it to 4:5 zebra" — so the handler can say it left them out and the plan is unsure (`rules_steps.left_out`).
"""

from __future__ import annotations

import functools
import re

from retouch.agent.plan import Plan
from retouch.agent.planner.direction_check import contradiction
from retouch.agent.planner.rules_lexicon import phrase_re
from retouch.agent.planner.undressing import undresses
from retouch.agent.planner.rules_vocab import (
    ASKED_FOR_TOOL, CLIPPED_TAILS, ENHANCE_PART_CUES, EXCLUDE_CUES, IRREGULAR_PLURALS, SUBTRACT_CUES, TARGET_SYNONYMS,
    WORD_ENDINGS,
)

_ASKED = {tool: re.compile(rf"\b{phrase_re(words)}") for tool, words in ASKED_FOR_TOOL.items()}
_EXCLUDE = re.compile(rf"\b{phrase_re(EXCLUDE_CUES)}\b")
_SUBTRACT = re.compile(rf"\b{phrase_re(SUBTRACT_CUES)}\b")
_ASKED_PART = {part: re.compile(rf"\b{phrase_re(words)}") for part, words in ENHANCE_PART_CUES.items()}
_WHAT = {"crop": "crops, rotates or flips", "outpaint": "extends the canvas", "history": "undoes or reverts",
         "save": "saves a file"}


def unasked(plan: Plan, text: str) -> str | None:
    """Why the plan does something the words don't ask for, or None when it doesn't."""
    low = str(text).lower()
    for call in plan.calls:
        pattern = _ASKED.get(call.tool)
        if pattern is not None and not pattern.search(low):
            return f"the plan {_WHAT[call.tool]}, which the request does not ask for: plan only what it asks"
        if call.tool == "enhance" and any(part in _ASKED_PART and not _ASKED_PART[part].search(low)
                                          for part in call.args.parts or ()):
            return "the plan straightens the picture, which the request does not ask for: plan only what it asks"
        if call.tool == "select" and call.args.exclude and not _EXCLUDE.search(low):
            return ("the plan selects everything except the thing, but the request names the thing itself: "
                    "select it without exclude")
        if call.tool == "select" and call.args.subtract and not _SUBTRACT.search(low):
            return ("the plan takes something out of the selection, but the request keeps no one: "
                    "select without subtract")
    if any(call.tool == "inpaint" for call in plan.calls) and undresses(low):
        return "the request asks to take clothes off someone, which Retouch declines: plan no calls"
    if not plausible(plan, text):
        return "the plan selects something the request does not name: select only what it names"
    return contradiction(plan, text)  # "make it brighter" answered with brightness -1


def named_words(text: str) -> set[str]:
    """The words of a request, with their singulars and the names the rules map them to."""
    words = set(re.findall(r"[a-z]+", str(text).lower()))
    names = set(words)
    for word in words:
        if word.endswith("es"):
            names.add(word[:-2])
        if word.endswith("s"):
            names.add(word[:-1])
        single = IRREGULAR_PLURALS.get(word, word)
        names.add(single)
        names.add(TARGET_SYNONYMS.get(single, single))
    return names


def plausible(plan: Plan, text: str) -> bool:
    """The plan only selects things the user named: a model that "removes the person" when asked to
    "purify the visual content" is inventing an edit."""
    words = set(re.findall(r"[a-z]+", str(text).lower()))
    names = named_words(text)
    for call in plan.calls:
        if call.tool == "select":
            parts = re.findall(r"[a-z]+", call.args.target.lower())
            if not parts or not all(part in names or part + "s" in words for part in parts):
                return False
    return True


_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@functools.cache
def declared_words() -> frozenset[str]:
    """Every word some list, table or set of `rules_vocab` and `rules_lexicon` declares (and `FUNCTION_WORDS`): the
    words the rules can read. Built on first use (importing the planner stays cheap)."""
    from retouch.agent.planner import rules_lexicon, rules_vocab
    from retouch.agent.planner.rules_verbs import LISTS

    words: set[str] = set()

    def take(value: object) -> None:
        if isinstance(value, str):
            words.update(re.findall(r"[a-z]+", value.lower()))
        elif isinstance(value, dict):
            for key, entry in value.items():
                take(key)
                take(entry)
        elif isinstance(value, (tuple, list, set, frozenset)):
            for entry in value:
                take(entry)

    for module in (rules_vocab, rules_lexicon):
        for name, value in vars(module).items():
            if name.isupper() and not isinstance(value, str):   # the declarations, not their docstrings
                take(value)
    take(LISTS)
    return frozenset(words)


def _known(word: str, known: frozenset[str]) -> bool:
    """The word, or the word less a common ending (doubled consonant undone: 'formatted' → format), is declared."""
    if word in known:
        return True
    for ending in WORD_ENDINGS:
        stem = word.removesuffix(ending)
        if stem != word and len(stem) >= 3 and (stem in known or stem + "e" in known
                                                or stem[-1] == stem[-2:-1] and stem[:-1] in known):
            return True
    return False


def unread_words(low: str, read: str = "", known: frozenset[str] | None = None) -> list[str]:
    """The words of lowercase `low` that no declaration knows (or none of `known`, when a handler reads only its own
    lists) and `read` (what a step took as its thing or its prompt) doesn't hold, in order, once each: 'crop it to
    4:5 zebra' → ['zebra']. A plural or a possessive counts as its word ('the boats', "the boat's", 'formatted');
    numbers and units glued to them ('1080px') are read by the number rules; an adverb ('perfectly', 'slightly') says
    how, never what."""
    known = declared_words() if known is None else known
    taken = set(_WORD.findall(read))
    left: list[str] = []
    for word in _WORD.findall(low):
        for clipped in CLIPPED_TAILS:
            word = word.removesuffix(clipped)
        if len(word) < 3 or word.endswith("ly") or word in taken or word in left or _known(word, known) \
                or _known(word.replace("'", ""), known):      # "don't" as the lists spell it, "dont"
            continue
        left.append(word)
    return left
