"""Removal: whatever shape the sentence has, find the thing to take out.

"remove the dog", "get rid of the dog", "photoshop the dog out", "the dog needs to go", "there
should be no dog", "rid the picture of the dog", "I want the dog gone" all name the dog. The
thing becomes select → refine_mask → inpaint(remove); "this"/"it" uses the current selection; an
explicit region ("the left half") needs no detector; "everything except the dog" is a cut-out.
Vague descriptors are sharpened ("the watermark stamp" → watermark, "the darkened area" → shadow):
watermarks and shadows are things a detector can find and a removal fill can replace.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_steps import (
    Step, background_step, edit_on, inpaint, is_selection, pronoun_step, refine, refusal, region,
)
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_target import SCAFFOLD, Target, parse_target, singularize
from retouch.agent.planner.rules_text import Words, phrase_re, split_list
from retouch.agent.planner.rules_vocab import IMAGE_WORDS, REMOVE_VERBS

_IMAGE = r"(?:image|picture|photo|photograph|pic|shot|scene|frame|graphic|snapshot|selfie|screenshot|img)"
REMOVE_VERB = re.compile(rf"\b{phrase_re(REMOVE_VERBS)}\b")
REMOVE_LEAD = re.compile(rf"^(?:{phrase_re(REMOVE_VERBS)}|photoshop|edit|cut|crop out|take|get|trim the)\b")
_SPLIT_OUT = re.compile(
    r"\b(?:photoshop|edit|cut|crop|take|get|clone|paint|blot|airbrush|shop|ps|brush|rub|cover)\s+(?P<np>.+?)\s+"
    r"(?:out|off|away|up)\b(?:\s+of\b)?")
_IMAGE_OF = re.compile(
    r"\b(?:rid|cleanse|clear|purge|strip|scrub|trim|free|purify|clean|decontaminate|detoxify|liberate|wipe|"
    rf"void|devoid)\s+(?:the|this|my|our)\s+(?:whole\s+)?{_IMAGE}\s+(?:of|from)\s+(?:any\s+)?")
_ABSENCE = re.compile(
    r"\b(?:there\s+(?:should|must|shall|can|may|needs? to)\s+be\s+no|(?:ensure|make sure|verify|confirm|check)"
    r"(?:\s+that)?\s+(?:there(?:'s|\s+is|\s+are)\s+no|the\s+(?:image|photo|picture)\s+(?:does\s+not|doesn't)\s+"
    r"(?:feature|contain|have|show|include))|(?:confirm|ensure|verify)\s+the\s+absence\s+of|(?:i\s+|we\s+)?"
    r"(?:don'?t|do not)\s+want(?:\s+to\s+see)?|no\s+more|(?:i\s+want|i'?d like|give me)\s+(?:this|the|my)\s+"
    rf"{_IMAGE}\s+without(?:\s+the)?)\b")
_PASSIVE = re.compile(
    r"^(?P<np>.+?)\s+(?:should|must|ought to|needs? to|has to|have to|is to|are to|will|shall|has|have|is|are|"
    r"gets?|got|can)?\s*(?:be|been|get)?\s*(?:removed|erased|deleted|eliminated|eradicated|expunged|banished|"
    r"expelled|gone|taken out|cut out|edited out|photoshopped out|vanish(?:ed)?|disappear(?:ed)?|go away|"
    r"went away|go|omitted|excluded|wiped out|cleaned up)\b")
_MAKE_GONE = re.compile(
    r"\b(?:make|get|have|want|need)\s+(?P<np>.+?)\s+(?:to\s+)?(?:disappear|vanish|go away|gone)\b")
_VERB_TAIL = re.compile(r"\s+(?:from|in|out of|off)\s*$")


def removal_shape(low: str) -> bool:
    """The sentence is built around removing something (so removal is tried before tone or add)."""
    return bool(REMOVE_LEAD.match(low) or _IMAGE_OF.search(low) or _ABSENCE.search(low) or _PASSIVE.search(low))


def removal_np(clause: Words) -> Words | None:
    """The thing a removal sentence is about, whatever its shape; None when it is no removal."""
    low = clause.low
    for pattern in (_IMAGE_OF, _ABSENCE):
        m = pattern.search(low)
        if m:
            return clause.slice(m.end(), len(low)).strip()
    m = _SPLIT_OUT.search(low)
    if m and not re.match(r"(?:rid|the\s+(?:image|picture|photo)|it\s+up)\b", m.group("np")):
        return clause.slice(m.start("np"), m.end("np")).strip()
    m = REMOVE_VERB.search(low)
    if m:
        after = clause.slice(m.end(), len(low)).strip()
        after_low = _VERB_TAIL.sub("", SCAFFOLD.sub(" ", after.low)).strip(" ,.")
        if after_low and after_low not in ("it", "them") or not low[:m.start()].strip():
            return after
        before = clause.slice(0, m.start())
        cut = re.search(r"\s+(?:should|must|ought|needs?|has|have|is|are|will|shall|to)\b.*$", before.low)
        return (before.slice(0, cut.start()) if cut else before).strip()
    for pattern in (_MAKE_GONE, _PASSIVE):
        m = pattern.search(low)
        if m:
            return clause.slice(m.start("np"), m.end("np")).strip()
    return None


_GENERIC = frozenset({
    "area", "part", "portion", "section", "element", "detail", "streak", "particle", "drop", "overlay", "effect",
    "atmosphere", "ambiance", "ambience", "mood", "feel", "presence", "influence", "interference", "backdrop",
    "setting", "aura", "look", "appearance", "veil", "layer", "view", "shroud", "obstruction", "distortion",
    "weather", "spot", "bit", "flake", "trace", "edge", "region", "outline", "cast", "seal", "stamp",
    "insignia", "icon", "emblem", "badge", "figure", "motif", "mark", "design", "signature", "pattern", "symbol",
    "graphic", "impression", "imprint", "representation", "thing", "object", "stuff", "splatter", "shadow",
    "logo", "text", "watermark", "person",
})
_VAGUE = frozenset({"imperfection", "flaw", "problem", "issue", "distraction", "disturbance", "disruption",
                    "mistake", "error", "unwanted", "bad"})
_BLEMISHES = ("watermark", "logo", "shadow", "caption", "timestamp", "date stamp", "text", "signature")
_SHADOWY = re.compile(r"\bshad(?:ow|ows|owy|owing|ing|ed|e)\b|\bdarkened\b|\bovershadow\w*|\bsilhouette\b")


def _refine_target(target: Target, np_low: str) -> Target:
    """'the watermark stamp' → watermark; 'the darkened area' → shadow."""
    said = singularize((target.phrase or target.display or target.target).lower().split()[-1])[0]
    if target.target in _GENERIC or target.target.split()[-1] in _GENERIC or said in _GENERIC:
        for word in _BLEMISHES:
            if target.target == word:
                return target
            if re.search(rf"\b{word}", np_low):
                target.target, target.phrase, target.display, target.all = word, None, word, False
                return target
        if _SHADOWY.search(np_low):
            target.target, target.phrase, target.display, target.all = "shadow", None, "shadow", False
    return target


def parse_remove(clause: Words, ctx: PlanningContext) -> list[Step] | None:
    np = removal_np(clause)
    if np is None:
        return None
    if not np.low.strip(" ,.!?"):
        return [refusal("What should I remove? Name it (\"the man on the left\") or give a mask file.")]
    if is_selection(SCAFFOLD.sub(" ", np.low).strip(" ,.")):
        return [pronoun_step("remove", ctx, "removing the selected area")]
    found = parse_region(np, ctx.image_size)
    if found:
        fields, name = found
        return [Step("remove", [region(fields), refine(), inpaint("remove")], f"clearing {name}")]
    steps = []
    for part in split_list(np):
        target = parse_target(part, clause)
        if target is None:
            continue
        target = _refine_target(target, part.low)
        if target.target in _VAGUE:
            steps.append(refusal(f"Which {target.display} exactly? Name the thing to remove, e.g. \"the sign on the "
                                 "left\" or \"the power lines\"."))
            continue
        if target.target in IMAGE_WORDS and not target.pronoun:
            continue
        if target.pronoun:
            steps.append(pronoun_step("remove", ctx, "removing the selected area"))
        elif target.exclude and re.search(r"\b(?:everything|anything|all)\s+(?:on|in|at|from|near|around|inside)\b",
                                          part.low):
            steps.append(refusal("I can't yet pick \"everything there except one thing\"; name what to remove, "
                                 "e.g. \"the plates and the cups\"."))
        elif target.exclude:
            steps.append(background_step(target.target, target.display, "transparent", "",
                                          say=f"removing everything except the {target.display} "
                                              "(transparent background)"))
        elif target.all and target.exclude is False and re.search(r"\b(?:everyone|everybody)\b", part.low) \
                and re.search(r"\b(?:except|but|besides|other than)\b", part.low):
            steps.append(refusal("I can't yet pick \"everyone except someone\"; name who to remove, "
                                 "e.g. \"the two people on the left\"."))
        else:
            steps.append(edit_on(target, "remove", f"removing {target.describe()}"))
    return steps or None
