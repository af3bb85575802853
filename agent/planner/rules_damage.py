"""Damage to an old print or a scan: tears, spots, scuffs, dust, water stains — each taken out where the finder sees
it, then the photo's tone cleaned up by what an enhance measures.

"touch up the rips and specks on this old print" → remove every rip, remove every speck, enhance;
"water damage from a burst pipe" (a title, no verb) → remove the water-damage marks, enhance.
A defect word alone is no damage ('the tears on her cheeks' are crying; 'remove the scratches' stays a plain removal):
an old print, a scan or a kind of damage must be named with it.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_enhance import enhance_step
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step, edit_on
from retouch.agent.planner.rules_target import Target
from retouch.agent.planner.rules_text import Settings, Words

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


def parse_damage(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """remove each defect named (or the kind of damage), then enhance; [] when the clause is not damage to a print."""
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
