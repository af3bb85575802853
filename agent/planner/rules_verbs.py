"""The verb lists the parser needs, computed from the one declaration of each verb.

A verb is declared once in `rules_vocab` — `Verb("obliterate", "remove")` — and everything that has to know
it comes from that line: the removal verbs a removal sentence starts with, the words that start a new clause
after "and" (`SPLIT_VERBS`), the verbs that start one in a line with no punctuation (`IMPERATIVE_VERBS`),
the ones that are also things (`NOUN_LIKE_VERBS`), and the passive forms ("I want the sign *obliterated*",
`REMOVED_WORDS`). Before, a new removal verb had to be written into four lists, and most were in one.

The lists here are names a pattern template can use like any list of `rules_vocab`
(`rx(r"\\b{SPLIT_VERBS}\\b")`, see `rules_lexicon`). A declaration that repeats a verb raises at import.
"""

from __future__ import annotations

import re

from retouch.agent.planner import rules_vocab
from retouch.agent.planner.rules_vocab import (
    ABSENCE_ADJECTIVES, EDIT_OPENERS, GOING_WORDS, NOUN_OPENERS, PLACEMENT_VERBS, VERB_ACTIONS, VERB_FORMS, Verb,
)

def declared() -> tuple[Verb, ...]:
    """Every verb of every section of `rules_vocab` (each module-level tuple of `Verb`), in order."""
    verbs: list[Verb] = []
    for value in vars(rules_vocab).values():
        if isinstance(value, tuple) and value and all(isinstance(v, Verb) for v in value):
            verbs.extend(value)
    return tuple(verbs)


def check(verbs: tuple[Verb, ...]) -> None:
    seen: dict[str, str] = {}
    for verb in verbs:
        if verb.words in seen:
            raise ValueError(f"the verb {verb.words!r} is declared twice (as {seen[verb.words]} and {verb.action})")
        if verb.action not in VERB_ACTIONS:
            raise ValueError(f"the verb {verb.words!r} has no action {verb.action!r}; use one of {VERB_ACTIONS}")
        if verb.words != verb.words.lower() or verb.words != " ".join(verb.words.split()):
            raise ValueError(f"the verb {verb.words!r} must be lowercase words with single spaces")
        seen[verb.words] = verb.action


VERBS = declared()
check(VERBS)


def _doubled(head: str) -> bool:
    """scrub → scrubbed: a short word ending consonant–vowel–consonant doubles its last letter."""
    return len(head) <= 4 and bool(re.search(r"(?:^|[^aeiou])[aeiou][bdgmnprt]$", head))


def participle(verb: Verb) -> str:
    """The passive form: removed, obliterated, taken out, hidden."""
    if verb.participle:
        return verb.participle
    head, _, tail = verb.words.partition(" ")
    if head in VERB_FORMS:
        form = VERB_FORMS[head][0]
    elif head.endswith("e"):
        form = head + "d"
    elif re.search(r"[^aeiou]y$", head):
        form = head[:-1] + "ied"
    elif _doubled(head):
        form = head + head[-1] + "ed"
    else:
        form = head + "ed"
    return f"{form} {tail}".strip()


def gerund(verb: Verb) -> str:
    """The -ing form: removing, scrubbing, taking out."""
    head, _, tail = verb.words.partition(" ")
    if head in VERB_FORMS:
        form = VERB_FORMS[head][1]
    elif head.endswith("ee") or head.endswith("ye"):
        form = head + "ing"
    elif head.endswith("e"):
        form = head[:-1] + "ing"
    elif _doubled(head):
        form = head + head[-1] + "ing"
    else:
        form = head + "ing"
    return f"{form} {tail}".strip()


def _said(verb: Verb, form: str) -> tuple[str, ...]:
    """A form as a sentence shows it: "clear" only before what it clears ("clear the", "clear any" …)."""
    if verb.needs_object:
        return tuple(f"{form} {opener}" for opener in (*NOUN_OPENERS, "all", "every"))
    return (form,)


def of_action(action: str) -> tuple[Verb, ...]:
    return tuple(verb for verb in VERBS if verb.action == action)


def _words(verbs: tuple[Verb, ...], *, gerunds: bool = False) -> tuple[str, ...]:
    words: list[str] = []
    for verb in verbs:
        words += _said(verb, verb.words)
        if gerunds:
            words += _said(verb, gerund(verb))
    return tuple(dict.fromkeys(words))


REMOVE_VERBS = _words(of_action("remove"), gerunds=True) + ABSENCE_ADJECTIVES
"""Every removal verb and its -ing form: "obliterate the sign", "removing the sign"."""
ADD_VERBS = _words(of_action("add"), gerunds=True) + PLACEMENT_VERBS
"""The add verbs, and the verbs that say where a new thing sits (the add shapes read both)."""


def _with_object_inside(verb: Verb) -> tuple[str, ...]:
    """'touch up' → 'touch it up', 'touch this up', 'touching it up': a phrasal verb around a pronoun."""
    head, _, particle = verb.words.rpartition(" ")
    if not head or particle not in rules_vocab.OUT_PARTICLES:
        return ()
    heads = dict.fromkeys((head, gerund(verb).rpartition(" ")[0]))
    return tuple(f"{said} {pronoun} {particle}" for said in heads for pronoun in ("it", "this", "them"))


_EVERY_VERB = _words(VERBS, gerunds=True)
_VERB_SET = frozenset(_EVERY_VERB)
SPLIT_VERBS = _EVERY_VERB + EDIT_OPENERS + tuple(dict.fromkeys(
    form for verb in VERBS for form in _with_object_inside(verb) if form.split()[0] not in _VERB_SET))
"""After "and" or a comma these start a new edit: "make it warmer *and obliterate* the sign", "removal of the
lamp *and making* it brighter", and a two-word verb around its pronoun, "crop it square *and touch it up*" (the
verb's first word is not a verb of its own, so without this the touch-up was lost and "up" removed)."""
IMPERATIVE_VERBS = _words(VERBS)
"""In a line with no punctuation each of these starts a new edit when it reads as a command."""
NOUN_LIKE_VERBS = _words(tuple(verb for verb in VERBS if verb.thing))
"""Verbs that are also things: they start an edit only when a command's words follow."""
PERSON_VERBS = tuple(word for word in NOUN_LIKE_VERBS if word in rules_vocab.PERSON_WORDS)
"""Verbs that are also people ('groom'): ending a request after "and" they are the person — 'the bride and groom'."""
REMOVED_WORDS = tuple(dict.fromkeys(participle(verb) for verb in of_action("remove"))) + GOING_WORDS
"""'I want the sign *obliterated*', 'the sign has to *go*'."""
_PHRASAL = tuple(verb for verb in of_action("remove")
                 if verb.words.split()[-1] in rules_vocab.OUT_PARTICLES and " " in verb.words)
TONE_VERBS = _words(of_action("adjust"), gerunds=True)
"""'blur', 'brighten', 'soften' … and their -ing forms."""
GEOMETRY_VERBS = _words(of_action("crop"), gerunds=True)
CANVAS_ACTION_VERBS = _words(of_action("outpaint"), gerunds=True)
_CENTRING = tuple(verb for verb in of_action("crop") if verb.means == "centre")
CENTRE_VERBS = tuple(dict.fromkeys(_words(_CENTRING, gerunds=True) + tuple(participle(verb) for verb in _CENTRING)))
"""'centre the dog', 'centering him', 'help to centralized the image': a crop that puts a thing in the middle."""
CENTRED_WORDS = tuple(dict.fromkeys(participle(verb) for verb in _CENTRING))
"""'make the dog *centred*', 'so she is *centered*'."""
OUT_VERBS = tuple(dict.fromkeys(word for verb in _PHRASAL for word in (verb.words.split()[0],
                                                                       gerund(verb).split()[0])))
"""'photoshop my brother *out*', 'taking this man *out*': the first word of each removal verb that ends in
out/off/away/up, and its -ing form."""
COLOR_VERBS: dict[str, str] = {verb.words: verb.means for verb in of_action("recolor") if verb.means}
"""Verbs that are a colour: 'whiten his teeth'."""


_GENERAL_ENHANCE = tuple(verb for verb in VERBS if verb.action == "enhance" and not verb.means
                         or verb.photo == "enhance")
ENHANCE_VERBS = tuple(dict.fromkeys(
    [form for verb in _GENERAL_ENHANCE for form in (verb.words, gerund(verb), participle(verb),
                                                     *_with_object_inside(verb))]
    + list(rules_vocab.WORK_ON_PHOTO)))
FIX_VERBS = tuple(dict.fromkeys(form for verb in VERBS if verb.action == "fix" or verb.part == "fix"
                                for form in (verb.words, gerund(verb), participle(verb))))
"""The verbs that fix a part of a person in every form — the fix verbs, and those whose `part` meaning is a fix
('improve his hand', 'tidy up the eyebrows')."""
ENHANCE_SPLIT_HEADS = tuple(dict.fromkeys(verb.words.rpartition(" ")[0] for verb in _GENERAL_ENHANCE
                                         if _with_object_inside(verb)))
"""'clean', 'touch', 'tidy' …: the first word of a phrasal enhance verb, for 'clean this photo up'."""
"""The verbs of a general "make it better" in every form — the enhance verbs that name no part, and the verbs whose
`photo` meaning is an enhance ('clean up this photo') — and the phrases that ask for work on the photo: an enhance
when what they act on is the whole picture or its look."""
TONE_PARTICIPLES = tuple(dict.fromkeys(participle(verb) for verb in of_action("adjust")))
"""'brightened', 'darkened' …: a tone change said as done, for 'the bin removed & the sky brightened'."""
COLOR_PARTICIPLES = tuple(dict.fromkeys(participle(verb) for verb in of_action("recolor") if verb.means))
"""'whitened', 'blackened' …: a colour verb said as done, for 'shadow taken away, teeth whitened'."""
TOUCH_UP_NAMES = tuple(name for name in rules_vocab.ENHANCE_NAMES if "touch" in name)
"""'touch ups', 'retouching' …: the enhance names that are a general touch-up, for '… and general touch ups'."""

LISTS: dict[str, tuple[str, ...] | dict[str, str]] = {
    "REMOVE_VERBS": REMOVE_VERBS, "ADD_VERBS": ADD_VERBS, "SPLIT_VERBS": SPLIT_VERBS,
    "IMPERATIVE_VERBS": IMPERATIVE_VERBS, "NOUN_LIKE_VERBS": NOUN_LIKE_VERBS, "PERSON_VERBS": PERSON_VERBS, "REMOVED_WORDS": REMOVED_WORDS,
    "OUT_VERBS": OUT_VERBS, "COLOR_VERBS": COLOR_VERBS, "TONE_VERBS": TONE_VERBS, "GEOMETRY_VERBS": GEOMETRY_VERBS,
    "CENTRE_VERBS": CENTRE_VERBS, "CENTRED_WORDS": CENTRED_WORDS,
    "CANVAS_ACTION_VERBS": CANVAS_ACTION_VERBS, "ENHANCE_VERBS": ENHANCE_VERBS,
    "ENHANCE_SPLIT_HEADS": ENHANCE_SPLIT_HEADS, "FIX_VERBS": FIX_VERBS, "TOUCH_UP_NAMES": TOUCH_UP_NAMES,
    "TONE_PARTICIPLES": TONE_PARTICIPLES, "COLOR_PARTICIPLES": COLOR_PARTICIPLES,
}
"""The computed lists, by the name a pattern template uses."""


_ACTION_OF: dict[str, str] = {form: verb.action for verb in reversed(VERBS)
                               for form in (verb.words, gerund(verb), participle(verb))}
_BASE_OF: dict[str, str] = {form: verb.words for verb in reversed(VERBS) if " " not in verb.words
                            for form in (verb.words, gerund(verb), participle(verb), verb.words + "s")}
VERB_BASES = tuple(verb.words for verb in VERBS if " " not in verb.words and not verb.needs_object)
"""The one-word verbs, for reading a misspelled one ("remover" → remove)."""


def base_verb(word: str) -> str | None:
    """The declared one-word verb a form belongs to: removed, removing, removes → remove; None if unknown."""
    return _BASE_OF.get(word.lower())


def action_of(word: str) -> str | None:
    """The action of a declared verb, said in any of its forms ("obliterated" → remove); None if unknown."""
    return _ACTION_OF.get(" ".join(word.lower().split()))
