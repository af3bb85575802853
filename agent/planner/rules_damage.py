"""Damage to an old print or a scan: tears, spots, scuffs, dust, water stains — each taken out where the finder sees
it, then the photo's tone cleaned up by what an enhance measures.

"touch up the rips and specks on this old print" → remove every rip, remove every speck, enhance;
"water damage from a burst pipe" (a title, no verb) → remove the water-damage marks, enhance.
A defect word alone is no damage ('the tears on her cheeks' are crying; 'remove the scratches' stays a plain removal):
an old print, a scan or a kind of damage must be named with it.

Real posts tell the damage rather than ask for it (issue 20, story23), and this module reads those tellings too:
"clean up this tintype of my great-aunt from 1921" names the photo by its kind — it is restored (an enhance), never a
tintype taken out; "I'd love it cleaned up. It has a few marks and problems." states the damage in a sentence of its
own — the marks are what to take out; "my son has a scratch on his cheek, and the colours are dull" states a fault
and then asks more in the same breath — the scratch taken out, and the rest read as its own edit.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import stated_fault
from retouch.agent.planner.rules_enhance import enhance_step
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step, edit_on
from retouch.agent.planner.rules_target import Target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_verbs import ENHANCE_SPLIT_HEADS, ENHANCE_VERBS
from retouch.agent.planner.rules_vocab import FAULT_HOLDERS

_OLD_PRINT = rx(r"\b(?:{OLD_PRINT_WORDS})\b|\bold\s+(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS})\b|\b(?:18|19)\d\d\b")
_KIND = rx(r"\b(?P<kind>{DAMAGE_KINDS})\b")
_DEFECT = rx(r"\b(?P<word>{PRINT_DAMAGE_WORDS})\b")
_FIX_LEAD = rx(r"^(?:help\s+(?:me\s+|us\s+)?(?:with\s+|to\s+)?)?(?:{DAMAGE_FIX_VERBS})\b")
_TITLE = rx(r"^(?:(?:a|an|the|some|this|my|our|old|bad|bad\s+\w+)\s+)*(?:{DAMAGE_KINDS}|{PRINT_DAMAGE_WORDS})\b")
"""A verbless title that starts with the damage: 'water damage from a burst pipe', 'scuffs and dust on a scan'."""
_MENDING_LEAD = rx(r"^(?:{DAMAGE_MENDING_VERBS})\b")
_ON_THE_PHOTO = rx(r"^(?:\s*\b(?:on|in|from|of|across|over|off)\s+(?:the|this|my|our|that)\s+(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}))?"
                   r"\s*[.!?]*$")
"""Where damage said alone may be: nowhere, or on the photo itself ('mend the tear *in this photo*') — 'the spots on
her face' are blemishes, left to the removal."""
_DEFECT_ALONE = rx(r"^(?:(?:the|a|an|this|that|these|those|all|any|some|every|his|her|my|our|their)\s+)*(?:[a-z'-]+\s+)?"
                   r"{PRINT_DAMAGE_WORDS}$")
"""A defect named with at most one word before it: 'the tear', 'those small holes', 'the torn corner'."""
_STATED = re.compile(r"\b(?:is|are|was|were|got|get|getting|gets|has|have|had|been|starting)\b")
"""'the photos are starting to get damaged': told, not asked — left to the story and the enhance."""
_PLACE_AFTER = re.compile(r"\b(?:on|in|from|of|across|over|off)\b.*$")
_PARTS = re.compile(r"\s*(?:,|&|\+|\band\b|\bor\b)\s*")
_UNNAMED = rx(r"^(?:(?:the|this|that|all|any|some|of|its|his|her|my|our|their|a\s+lot)\s+)*(?:{UNNAMED_DAMAGE})"
             r"(?:\s+(?:on|in|to|of|from)\s+(?:the|this|my|our|that)\s+(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}))?\s*[.!?]*$")
"""'the damage', 'all the damage on this photo': damage with nothing named that a finder could look for."""
RESTORED_SAY = "restoring the damaged photo — measuring it and correcting only what is off"
RESTORED_NOTE = "(Name a tear, a crease or a stain and I'll take it out where the finder sees it.)"


def unnamed_damage(low: str) -> bool:
    """Whether the words name damage and nothing a finder could find ('the damage', 'any damage to the photo')."""
    return bool(_UNNAMED.match(low.strip(" ,.!?")))


def restored() -> Step:
    """The photo restored by what an enhance measures, with how to name a defect instead."""
    return enhance_step(None, RESTORED_SAY, note=RESTORED_NOTE)


# ---- damage told, not asked (issue 20, story23) -----------------------------------------------------------------

_PHOTO_KIND_CLEANED = rx(
    r"^(?:{ENHANCE_VERBS}|{ENHANCE_SPLIT_HEADS})\s+(?P<photo>(?:this|the|my|our|that|an?|these|those|his|her|their)\s+"
    r"(?:(?!(?:{PHOTO_KIND_STOPS})\b)[\w'-]+\s+){0,3}?(?P<kind>{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{CLEANED_PHOTO_KINDS})"
    r"(?:\s+(?:of|from)\s+(?:(?!\b(?:into|onto|to|but|so|because|{SPLIT_VERBS})\b)[^,;.!?])+?)?)"
    r"(?=\s+up\b|\s*(?:$|[,.!?]|(?:{SMALL_AMOUNTS}|please|pls|plz|for)\b))")
"""'clean up this old portrait', 'clean this polaroid of my aunt and her friends from 1974 up a bit', 'tidy up the tintype
of my great-grandad': the photo named by its kind, with what it shows or when it was taken — the object of the
clean-up is the picture itself (not 'clean the mirror', 'remove the polaroid frame', 'fix the print on his shirt')."""
_STATED_HOLDER = (r"(?:(?:it|this|that|(?:the|this|my|our)\s+(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{PRINT_NOUNS}"
                  r"|{CLEANED_PHOTO_KINDS}))\s+(?:(?:also|still|now|just)\s+)?(?:{FAULT_HOLDERS})"
                  r"|there(?:'s|s|\s+is|\s+are|\s+was|\s+were))")
_DAMAGE_STATED = rx(r"^(?:(?:and|but|also|plus|oh|btw|though)\s+)*" + _STATED_HOLDER + r"\s+"
                    r"(?:(?:(?:a|an|some|few|a\s+few|quite\s+a\s+few|lots\s+of|a\s+lot\s+of|many|several|a\s+couple\s+of"
                    r"|loads\s+of|a\s+bunch\s+of)\s+)?(?P<named>[^,;.!?]+?))"
                    r"(?:\s+(?:that|which)\s+[^,;.!?]+|\s+it\s+(?:seems|looks\s+like)|\s+(?:on|in)\s+it|\s+here"
                    r"|\s+everywhere|\s+all\s+over(?:\s+it)?)?\s*[.!?]*$")
"""'The scan has a couple of marks and other issues.', 'There are a few spots and scratches here': the photo's damage
told in a sentence of its own — a list (or with unnamed trouble beside it) that `rules_clauses.stated_fault`, which
reads one fault said alone, leaves to this module."""
_STATED_PART = rx(r"^(?:(?:the|some|a|an|few|many|other|more)\s+)?(?:[a-z'-]+\s+){0,2}?"
                  r"(?:(?P<defect>{PRINT_DAMAGE_WORDS})|{TROUBLE_NOUNS})$")
_HOLDER_WORDS = frozenset(phrase.split()[-1] for phrase in FAULT_HOLDERS)
"""'has', 'have', 'had', 'got': a clause with none of them states no fault (the cheap test before the patterns)."""
_STATEMENT_ENDS = re.compile(r"\s*,\s*(?:(?:and|but|also|plus)\s+)?|\s+(?:and|but|plus)\s+")
"""Where a fault stated may end and more be asked: '… a scratch on his cheek*, and* the colours are dull'."""


def _photo_kind_cleaned(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The clean-up of a photo named by its kind, read as the same words with a plain 'photo' and no description
    ('clean up this old portrait' → 'clean up this old photo', 'fix the dark print of my grandad from 1950' → 'fix the
    dark photo'), so the rows that read a photo's clean-up — its fault, the amount said — read it; [] for any other
    shape, or when the words already say it that way."""
    m = _PHOTO_KIND_CLEANED.match(clause.low)
    if m is None:
        return []
    plain = clause.slice(0, m.start("kind")).join("", Words.of("photo")).join(
        "", clause.slice(m.end("photo"), len(clause.low)))
    if plain.low == clause.low:
        return []                                      # "fix this overexposed photo": read by the rows after
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    return dispatch(plain, ctx, settings)


def _damage_stated(clause: Words) -> list[Step]:
    """The damage a told sentence lists, each defect taken out where the finder sees it; [] unless every part of the
    list is damage or unnamed trouble, and one at least is named."""
    m = _DAMAGE_STATED.match(clause.low)
    if m is None:
        return []
    parts = [_STATED_PART.match(part.strip()) for part in _PARTS.split(m.group("named")) if part.strip()]
    if not parts or not all(parts) or not any(part.group("defect") for part in parts):
        return []
    defects = list(dict.fromkeys(_singular(part.group("defect")) for part in parts if part.group("defect")))
    return [edit_on(Target(defect, _plural(defect), all=True), "remove", f"removing all the {_plural(defect)}")
            for defect in defects]


def _fault_then_more(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'my son has a scratch on his cheek, and the colours are dull': a fault stated (`stated_fault`) and then more
    asked in the same sentence — the fault taken out, then the rest read as an edit of its own; [] unless both
    parts plan something."""
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    for end in _STATEMENT_ENDS.finditer(clause.low):
        fixed = stated_fault(clause.slice(0, end.start()))
        if fixed is None:
            continue
        rest = clause.slice(end.end(), len(clause.low)).strip()
        first = dispatch(fixed, ctx, settings) if rest.low else []
        more = dispatch(rest, ctx, settings) if any(step.calls for step in first) else []
        return [*first, *more] if any(step.calls for step in more) else []
    return []


_CLEANING_FIRST_WORDS = frozenset(verb.split()[0] for verb in (*ENHANCE_VERBS, *ENHANCE_SPLIT_HEADS))
"""The first word `_PHOTO_KIND_CLEANED` opens with: a clause opening with another skips it (the rules' speed budget)."""


def _told(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """Damage told rather than asked: a photo kind cleaned up, damage stated on its own, a fault stated before more."""
    words = clause.low.split()
    found = _photo_kind_cleaned(clause, ctx, settings) if words and words[0] in _CLEANING_FIRST_WORDS else []
    if found or _HOLDER_WORDS.isdisjoint(words) and "there" not in clause.low:
        return found
    found = _damage_stated(clause)
    if not found and not _HOLDER_WORDS.isdisjoint(words) and ("," in clause.low or " and " in clause.low
                                                             or " but " in clause.low):
        found = _fault_then_more(clause, ctx, settings)
    return found


def parse_damage(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """remove each defect named (or the kind of damage), then enhance; [] when the clause is not damage to a print."""
    told = _told(clause, ctx, settings)
    if told:
        return told
    low = clause.low
    kind = _KIND.search(low)
    if not (_OLD_PRINT.search(low) or kind):
        return _mended(clause)
    if not (_FIX_LEAD.match(low) or _TITLE.match(low) and not _STATED.search(low)):
        return []
    lead = _FIX_LEAD.match(low)
    if lead and unnamed_damage(low[lead.end():]):     # "repair the damage": nothing named — the photo restored
        return [restored()]
    named = _PLACE_AFTER.sub("", low[lead.end():] if lead else low)
    if not all(_DEFECT.search(part) or _KIND.search(part) for part in _PARTS.split(named) if part.strip()):
        return []                                      # "remove the damage and the numbers": a thing too — removal's
    defects = list(dict.fromkeys(_singular(m.group("word")) for m in _DEFECT.finditer(named)))
    steps = [edit_on(Target(defect, _plural(defect), all=True), "remove", f"removing all the {_plural(defect)}")
             for defect in defects]
    if kind:
        said = kind.group("kind").removeprefix("the ").replace("-", " ").replace(" damaged", " damage")
        steps.append(edit_on(Target("stain", f"{said} marks", phrase=f"{said} marks", all=True), "remove",
                             f"removing all the {said} marks"))
    if not steps:
        return []
    steps.append(enhance_step(None, "cleaning up the tone — measuring the photo and correcting only what is off",
                              note="(The damage is taken out where the finder sees it; name a spot it missed, e.g. "
                                   "“remove the tear at the top left”.)"))
    return steps


def _mended(clause: Words) -> list[Step]:
    """'repair the torn corner', 'mend the tear', 'patch the holes in this photo': damage named alone after a verb that
    mends (`DAMAGE_MENDING_VERBS`) — each defect taken out where the finder sees it; [] for any other shape."""
    lead = _MENDING_LEAD.match(clause.low)
    if lead is None:
        return []
    if unnamed_damage(clause.low[lead.end():]):
        return [restored()]                            # "repair the damage": nothing named for a finder
    named = clause.low[lead.end():]
    place = _PLACE_AFTER.search(named)
    if place and not _ON_THE_PHOTO.match(named[place.start():]):
        return []                                      # "touch up the spots on her face": blemishes, not damage
    named = named[:place.start()] if place else named
    parts = [part for part in _PARTS.split(named.strip(" .!?")) if part.strip()]
    if not parts or not all(_DEFECT_ALONE.match(part.strip()) for part in parts):
        return []                                      # "the spots round the rim": a place of their own, removal's
    defects = list(dict.fromkeys(_singular(m.group("word")) for m in _DEFECT.finditer(named)))
    return [edit_on(Target(defect, _plural(defect), all=True), "remove", f"removing all the {_plural(defect)}")
            for defect in defects]


def _singular(word: str) -> str:
    """'scratches' → 'scratch', 'specks' → 'speck', 'dust' stays: the name a finder is given."""
    for ending, base in (("ches", "ch"), ("shes", "sh"), ("ies", "y"), ("s", "")):
        if word.endswith(ending) and not word.endswith("ss") and word not in ("dust",):
            return word[: -len(ending)] + base
    return word


def _plural(word: str) -> str:
    if word in ("dust", "mould", "mold", "mildew", "foxing"):
        return word
    return word + ("es" if word.endswith(("ch", "sh")) else "s")
