"""Adding a new thing, placed relative to an anchor ("a hat on the man", "a dog left of the bird").

The anchor is selected, `region(relation=…)` turns its mask into the place for the new thing, and
inpaint(add) generates it there. Relations the contract lacks are mapped to the nearest it has:
"in front of" → below (front things sit lower in a photo), "behind"/"at the back of" → above,
"in"/"into"/"inside" → on, "next to"/"beside"/"near" → right_of (the reply says where). Without an
anchor the thing goes in the middle, or on a named side ("add a bird at the top"), and the reply
says so. Inverted sentences ("To the left of the man, add a girl", "A box should be placed on the
horse") and "decorate the table with flowers" are read too.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_steps import Step, inpaint, is_selection, refine, region, select
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_target import SCAFFOLD, name_new_thing, parse_target
from retouch.agent.planner.rules_lexicon import inflect, phrase_re
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_vocab import ADD_VERBS, ENRICH_VERBS

_IMAGE = r"(?:image|picture|photo|photograph|pic|shot|scene|frame|graphic|snapshot|selfie|screenshot|img)"
# Relations, longest first; "strong" ones beat "on"/"in"/"to" when both appear.
_RELATIONS: tuple[tuple[str, str, bool], ...] = (
    (r"(?:to|on|at|in|inside)\s+the\s+(?:inside|middle|center|centre|interior)\s+of|inside\s+of", "on", True),
    (r"(?:to|on|at|towards?)\s+the\s+left(?:[\s-]+hand)?(?:\s+side)?\s+of(?:\s+to)?|left\s+of", "left_of", True),
    (r"(?:to|on|at|towards?)\s+the\s+right(?:[\s-]+hand)?(?:\s+side)?\s+of(?:\s+to)?|right\s+of", "right_of", True),
    (r"(?:on|to|at)\s+(?:the\s+)?(?:very\s+)?top\s+of|atop|on\s+the\s+upper\s+part\s+of|on\s+top\s+of", "on", True),
    (r"(?:on|to|at)\s+the\s+bottom\s+of|below|beneath|underneath|under", "below", True),
    (r"in\s+front\s+of|(?:to|at)\s+the\s+front\s+of", "below", True),
    (r"behind|(?:to|at)\s+the\s+back\s+of|in\s+back\s+of", "above", True),
    (r"above|over|higher\s+than", "above", True),
    (r"next\s+to|beside|alongside|by\s+the\s+side\s+of|close\s+to|near(?:by)?|in\s+the\s+vicinity\s+of|"
     r"around|surrounding", "right_of", True),
    (r"resting\s+on|perched\s+on|sitting\s+on|onto|upon|on|inside(?:\s+of)?|into|within|in|amidst|amid|"
     r"amongst|among|throughout|across|by", "on", False),
    (r"to", "on", False),
)
_REL_RE = re.compile("|".join(f"(?P<r{i}>\\b(?:{p})\\b)" for i, (p, _, _) in enumerate(_RELATIONS)))
_RELATION_WORDS = {"left_of": "to the left of", "right_of": "to the right of", "on": "on", "below": "below",
                   "above": "above"}
_ADD_VERB = re.compile(rf"\b{phrase_re(inflect(ADD_VERBS))}\b")
_ENRICH = re.compile(rf"\b{phrase_re(ENRICH_VERBS)}\s+(?P<where>.+?)\s+with\s+(?:the\s+(?:presence|essence|"
                     r"addition)\s+of\s+)?(?:a\s+gathering\s+of\s+)?(?P<new>.+)")
_ADD_INVERTED = (
    re.compile(r"^(?P<rel>.+?),\s*(?:let'?s\s+|please\s+)?(?:" + phrase_re(ADD_VERBS) + r")\s+(?P<new>.+)$"),
    re.compile(r"^(?P<rel>.+?),\s*(?P<new>.+?)\s+(?:has been|should be|is|was|needs to be|must be|will be)\s+"
               r"(?:added|placed|put|positioned|included|set)\s*$"),
    re.compile(r"^(?:positioned|placed|added|put|set|situated)\s+(?P<rel>.+?)\s+is\s+(?P<new>.+)$"),
    re.compile(r"^(?P<new>.+?)\s+(?:has been|have been|should be|needs to be|need to be|must be|is to be|will be|"
               r"to be)\s+(?:added|placed|put|positioned|situated|included|integrated|introduced|inserted)\s*"
               r"(?P<rel>.*)$"),
    re.compile(r"\blet\s+(?P<new>.+?)\s+(?:join|enter|appear(?:\s+in)?)\b(?P<rel>.*)$"),
)
_ADJUST_WORDS = re.compile(r"\b(?:brightness|contrast|saturation|exposure|warmth|sharpness|temperature|"
                           r"vibrance|highlights|shadows|levels|gamma|hue|clarity|focus|details?)\b")
_PLACE_WORDS = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?P<place>left|right|top|bottom|middle|center|centre|corner|foreground|background|"
    r"top[\s-]left|top[\s-]right|bottom[\s-]left|bottom[\s-]right|upper[\s-]left|upper[\s-]right|lower[\s-]left|"
    rf"lower[\s-]right)(?:\s+(?:side|corner|half|part|edge|area))?(?:\s+of\s+the\s+{_IMAGE})?$")


_POSSESSIVE_SIDE = re.compile(r"\b(?:to|on|at|by)\s+(?P<anchor>(?:the\s+|his\s+|her\s+|their\s+|my\s+)?[a-z ]+?)'s?"
                              r"\s+(?P<side>left|right)(?:[\s-]+hand)?(?:\s+side)?\b")


def _split_relation(rest: Words) -> tuple[Words, str | None, Words | None, str]:
    """'a hat on the man on the left' → ('a hat', 'on', 'the man on the left', 'on')."""
    m = _POSSESSIVE_SIDE.search(rest.low)
    if m:
        relation = f"{m.group('side')}_of"
        return (rest.slice(0, m.start()).strip(), relation,
                rest.slice(m.start("anchor"), m.end("anchor")).strip(), _RELATION_WORDS[relation])
    matches = [m for m in _REL_RE.finditer(rest.low)]
    if not matches:
        return rest, None, None, ""
    strong = [m for m in matches if _RELATIONS[int(m.lastgroup[1:])][2]]
    m = (strong or matches)[0]
    relation = _RELATIONS[int(m.lastgroup[1:])][1]
    said = " ".join(m.group(0).split())
    if not (relation == "on" and said in ("in", "into", "inside", "within", "onto", "upon", "atop", "amid", "amidst",
                                          "among", "amongst", "across", "throughout", "on top of")):
        said = _RELATION_WORDS[relation]
    return rest.slice(0, m.start()).strip(), relation, rest.slice(m.end(), len(rest.low)).strip(), said


def _anchor_calls(anchor: Words | None, relation: str | None, clause: Words,
                  ctx: PlanningContext, said: str = "") -> tuple[list, str]:
    if anchor is None or not anchor.low.strip(" ,."):
        return [region({"side": "center"})], "in the middle of the picture"
    a_low = SCAFFOLD.sub(" ", anchor.low).strip(" ,.")
    if is_selection(a_low) and ctx.has_selection:
        return [region({}, relation=relation or "on")], f"{said or _RELATION_WORDS[relation or 'on']} the selection"
    a_low = re.sub(r"^(?:the\s+|this\s+|my\s+)?(?:image|picture|photo|photograph|pic|scene|frame|composition|"
                   r"scenery|setting|canvas|it|this|view|landscape)(?:'s\s+\w+)?$", "", a_low).strip()
    if not a_low:
        return [region({"side": "center"})], "in the middle of the picture"
    place = _PLACE_WORDS.match(a_low)
    if place:
        name = place.group("place").replace("upper", "top").replace("lower", "bottom")
        if name in ("middle", "center", "centre", "foreground", "background"):
            return [region({"side": "center"})], "in the middle of the picture"
        found = parse_region(Words.of(f"the {name} corner" if "-" in name or " " in name else f"the {name} side"),
                             ctx.image_size)
        side = name.split("-")[0].split()[0]
        fields = found[0] if found and "-" in name else {"side": side, "fraction": 1 / 3}
        return [region(fields)], f"on the {name.replace('-', ' ')}"
    said = said or _RELATION_WORDS[relation or "on"]
    if is_selection(a_low) and ctx.has_selection:
        return [region({}, relation=relation or "on")], f"{said} the selection"
    target = parse_target(anchor, clause)
    if target is None:
        return [region({"side": "center"})], "in the middle of the picture"
    return [select(target), region({}, relation=relation or "on")], f"{said} {target.describe()}"


def parse_add(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    if _ADJUST_WORDS.search(low) and not re.search(r"\b(?:add|put|place|insert)\s+(?:a|an)\b", low):
        return None
    if re.search(r"\bbring\s+(?:out|up|back|down)\b|\bset\s+(?:it|the\s+(?:image|photo))\s+to\b", low):
        return None
    new_w = rel_w = None
    for pattern in _ADD_INVERTED:
        m = pattern.search(low)
        if m:
            new_w = clause.slice(m.start("new"), m.end("new"))
            rel_w = clause.slice(m.start("rel"), m.end("rel"))
            break
    if new_w is None:
        m = _ENRICH.search(low)
        if m:
            new_w = clause.slice(m.start("new"), m.end("new"))
            where = clause.slice(m.start("where"), m.end("where"))
            rel_w = Words("on " + where.orig, "on " + where.low)
    if new_w is None:
        m = _ADD_VERB.search(low)
        if m:
            rest = clause.slice(m.end(), len(low)).strip()
        elif re.match(r"(?:a|an|some|two|three|four|five|\d+)\s+[a-z]", low) and re.search(
                r"\b(?:left|right)\s+(?:side\s+)?of|\bnext\s+to|\bbeside|\bon\s+top\s+of|\babove|\bbelow|\bunder|"
                r"\bbehind|\bin\s+front\s+of|\bon\s+(?:the|his|her|my)\s+(?:head|shoulder|lap|hand)", low):
            rest = clause                               # "a fish to the right of the man"
        else:
            return None
        new_w, relation, anchor, said = _split_relation(rest)
        if not m and relation is None:
            return None
    else:
        _, relation, anchor, said = _split_relation(rel_w) if rel_w.low.strip() else (None, None, None, "")
        if relation is None and rel_w.low.strip():
            relation, anchor = "on", rel_w
    new = name_new_thing(new_w)
    if not new or new.lower() in ("it", "them", "this", "that", "him", "her") or \
            re.match(r"^(?:more\s+)?(?:contrast|brightness|saturation|light|warmth|sharpness|some)\b", new.lower()):
        return None
    calls, where = _anchor_calls(anchor, relation, clause, ctx, said)
    say = f"adding {new} {where}"
    if where == "in the middle of the picture":
        say += " (say where if it should go elsewhere)"
    return Step("add", calls + [refine(), inpaint("add", new)], say)
