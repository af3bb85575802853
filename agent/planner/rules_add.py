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
from retouch.agent.planner.rules_lexicon import phrase_re, rx
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_steps import Step, ask, inpaint, is_selection, refine, refusal, region, select
from retouch.agent.planner.rules_story import is_story, put_told
from retouch.agent.planner.rules_target import SCAFFOLD, Target, name_new_thing, only_function_words, parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import ADDED_BY_REPLACING, NOT_NEW_THINGS, PERSON_WORDS, RELATION_PHRASES, RELATION_SAID

_REL_RE = re.compile("|".join(f"(?P<r{i}>\\b{phrase_re(phrases)}\\b)" for i, (phrases, _, _) in
                              enumerate(RELATION_PHRASES)))
_RELATION_WORDS = {"left_of": "to the left of", "right_of": "to the right of", "on": "on", "below": "below",
                   "above": "above"}
_ADD_VERB = rx(r"(?<!\bthe\s)\b{ADD_VERBS_INFLECTED}\b")
"""An add verb — never one after 'the': 'the rest is up to you', 'the stand' are things."""
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:wrong|right|best|good|only|same|perfect)\s+$")
"""'maybe *the wrong* place to ask': after an article and one of these, the verb is a noun."""
_ENRICH = rx(r"\b{ENRICH_VERBS}\s+(?P<where>.+?)\s+with\s+(?:{ENRICH_PREFIXES}\s+)?(?P<new>.+)")
_ADD_INVERTED = (
    rx(r"^(?P<rel>.+?),\s*(?:let'?s\s+|please\s+)?{ADD_VERBS}\s+(?P<new>.+)$"),
    rx(r"^(?P<rel>.+?),\s*(?P<new>.+?)\s+{BEEN_WORDS}\s+{PLACED_WORDS}\s*$"),
    rx(r"^{PLACED_WORDS}\s+(?P<rel>.+?)\s+is\s+(?P<new>.+)$"),
    rx(r"^(?P<new>.+?)\s+{BEEN_WORDS}\s+{PLACED_WORDS}\s*(?P<rel>.*)$"),
    rx(r"\blet\s+(?P<new>.+?)\s+{JOIN_VERBS}\b(?P<rel>.*)$"),
)
_ADJUST_WORDS = rx(r"\b{ADJUST_PROPERTY_WORDS}\b")
_PUT_A = re.compile(r"\b(?:add|put|place|insert)\s+(?:a|an)\b")
_EFFECT_WORD = r"(?:(?!(?:to|on|in|for|with|that|which|of|into|onto|and|or|from|at|by)\b)[a-z&'-]+\s+|(?:{COLORS})\s+and\s+)"
"""A word that describes an effect ('black and white', 'pink and red', 'sepia'): never a preposition or a
clause, so 'add a hat to complete the look' still adds the hat."""
_ON_THE_WHOLE = r"(?=\s*$|\s*[,.;!]|\s+(?:that|which|so|and)\b|\s+all\s+over\b|\s+(?:to|on|over|across|for)\s+(?:the\s+|this\s+|my\s+)?" \
                r"(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS}|it|everything)\b)"
"""After an effect: nothing, or the whole picture. An effect placed by a thing ('a glow behind him') is drawn."""
_NOT_AN_ADD = rx(r"\bbring\w*\s+(?:[\w'-]+\s+){0,6}?{BRING_PARTICLES}\b|\bset\s+(?:it|the\s+(?:image|photo))\s+to\b"
                 r"|\bstand\w*\s+out\b|^add\w*\s+(?:a|an|the|some)?\s*(?:bit\s+of\s+(?:a\s+)?|little\s+|subtle\s+|"
                 r"nice\s+|slight\s+|[a-z]+\s+)?{EFFECT_NOUNS}\b"
                 r"|^(?:add|put|apply)\w*\s+(?:a|an|the|some)?\s*" + _EFFECT_WORD + r"{0,4}?{EFFECT_NOUNS}" + _ON_THE_WHOLE)
"""No new thing: 'bring the colours out', 'make her stand out', 'add a filter that makes …', 'add a little glow',
'add a sepia and cream effect', 'put a warm filter over the whole photo'."""
_THE_PICTURE = rx(r"^(?:this|that|the|my|our|these)\s+(?:whole\s+|entire\s+|same\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b")
"""'I want to draw *this photo* for my mum': the picture itself is never a new thing to paint into it."""
_DEPTH_HALVES = {"background": "top", "back": "top", "foreground": "bottom"}
"""Where a thing added 'in the background' / 'in the foreground' goes when nothing there is named: the half of the
picture a photo's far or near part mostly fills (the reply says which)."""
_UNNAMED_CORNER = "bottom-right"
"""Where "add a lamp in the corner" puts it when no corner is named: the reply says which, and how to choose."""
_PLACE_WORDS = rx(
    r"^(?:the\s+)?(?:very\s+)?(?P<place>{PLACE_NAMES})(?:\s+{PLACE_PARTS})?(?:\s+of\s+the\s+{PICTURE_NOUNS})?$")
_WHOLE_SCENE = rx(r"^(?:(?:the|this|my)\s+)?{SCENERY_WORDS}(?:'s\s+\w+)?$")
_POSSESSIVE_SIDE = rx(r"\b(?:to|on|at|by)\s+(?P<anchor>(?:(?:the|his|her|their|my)\s+)?[a-z ]+?)'s?"
                      r"\s+(?P<side>left|right)(?:[\s-]+hand)?(?:\s+side)?\b")
_COUNTED_THING = rx(r"(?:{SMALL_COUNTS}|\d+)\s+[a-z]")
_TOLD_THING = rx(r"^(?:{SMALL_COUNTS}|\d+)\s+(?:[\w'-]+\s+){1,2}?(?:[a-z]{3,}ed|{MOTION_PASTS}|{STORY_VERBS})\b")
"""'3 tourists *walked* behind us': a thing told with its verb, not a thing to add."""
_NEXT_TO_SOMETHING = rx(
    r"\b(?:left|right)\s+(?:side\s+)?of|\bnext\s+to|\bbeside|\bon\s+top\s+of|\babove|\bbelow|\bunder|"
    r"\bbehind|\bin\s+front\s+of|\bon\s+(?:the|his|her|my)\s+{BODY_PLACES}")
_TONE_THING = rx(r"^(?:(?:more|enough|extra|a\s+bit\s+of|a\s+little|some|a\s+lot\s+of|lots\s+of)\s+)?"
                 r"(?:{TONE_NOUNS}|life|depth|drama|pop|punch|vibrance|colou?rs?)\b")


_NEEDED = rx(r"^(?P<owner>(?:the|this|my|his|her|our|their)\s+(?:[a-z'-]+\s+){0,2}?[a-z'-]+)\s+"
             r"(?:really\s+|just\s+|also\s+|still\s+)?{NEED_WORDS}\s+(?P<new>(?:a|an|some|more|a\s+few)\s+.+?)\s*[.!?]*$")
"""'the baby needs a rattle in its hand': what something lacks, added (on it when no place is said)."""
_NOT_NEEDED = rx(r"(?:a|an|some|more|a\s+few)\s+(?:(?:bit|little|lot)\s+(?:of\s+)?)?(?:{TONE_NOUNS}|{ADJUST_PROPERTY_WORDS}"
                 r"|fix|touch|crop|edit|work|help|love|cleaning|clean|retouch|enhancing|improvement)\b")
"""'it needs a crop', 'the sky needs more contrast', 'my face needs some work': an edit said as lacking, no thing."""
_ONLY_A_COLOUR = rx(r"\s*(?:{COLORS})\s*[.,!?]*$")
"""'… with the letters in *white*': a colour after a place word is how the thing looks, never where it goes."""
_PARTICULAR = rx(r"^(?:{PARTICULAR_OWNERS})\s+(?!(?:other|another|extra|more|some)\b)")
"""'add *my* dad', 'put *our* nephew in': a person the user knows, not one a generator can paint."""


def _a_person(new_w: Words) -> bool:
    """Whether the thing to add is a person ('my dad', 'the new woman'), by the planner's person words."""
    named = parse_target(new_w)
    return named is not None and (named.target in PERSON_WORDS or named.target == "person")


_REFILLED = rx(r"\bre-?(?:{ADD_VERBS})\b.*\b(?:when|while|as)\s+(?:you(?:'re|\s+are)?\s+)?(?P<removal>{REMOVE_VERBS})\b")
"""'re-insert the lawn as you erase the joggers': what should fill a removal's gap, no new thing."""
_INCLUDING_LEAD = rx(r"^\W*(?:(?:{HEDGE_WORDS}|preferably|also)\s+)?{INCLUDING_LEADS}\b")

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
    matches = [m for m in matches if not _ONLY_A_COLOUR.match(rest.low, m.end())]
    if not matches:
        return rest, None, None, ""
    strong = [m for m in matches if RELATION_PHRASES[int(m.lastgroup[1:])][2]]
    m = (strong or matches)[0]
    relation = RELATION_PHRASES[int(m.lastgroup[1:])][1]
    said = " ".join(m.group(0).split())
    if not (relation == "on" and said in RELATION_SAID or relation == "around"):
        said = _RELATION_WORDS[relation]
    return rest.slice(0, m.start()).strip(), relation, rest.slice(m.end(), len(rest.low)).strip(), said


def _anchor_calls(anchor: Words | None, relation: str | None, clause: Words,
                  ctx: PlanningContext, said: str = "") -> tuple[list, str]:
    if anchor is None or not anchor.low.strip(" ,."):
        return [region({"side": "center"})], "in the middle of the picture"
    a_low = SCAFFOLD.sub(" ", anchor.low).strip(" ,.")
    if is_selection(a_low) and ctx.has_selection:
        return [region({}, relation=relation or "on")], f"{said or _RELATION_WORDS[relation or 'on']} the selection"
    a_low = _WHOLE_SCENE.sub("", a_low).strip()
    if not a_low:
        return [region({"side": "center"})], "in the middle of the picture"
    place = _PLACE_WORDS.match(a_low)
    if place and place.group("place") == "back" and said.split()[:1] != ["in"] and said.split()[:1] != ["at"]:
        place = None                                   # 'put the words *on the back*': a back, not the background
    if place:
        name = place.group("place").replace("upper", "top").replace("lower", "bottom")
        if name in ("middle", "center", "centre"):
            return [region({"side": "center"})], "in the middle of the picture"
        if name in _DEPTH_HALVES:                      # 'in the back': no body's — the far part of a photo is its upper
            side = _DEPTH_HALVES[name]                 # half, the near part its lower half
            return [region({"side": side, "fraction": 1 / 2})], \
                f"in the {'foreground' if side == 'bottom' else 'background'}, the {side} half of the picture"
        if name in ("corner", "corners"):              # no corner named: one is chosen and said, never a crash
            return _anchor_calls(Words.of(_UNNAMED_CORNER), relation, clause, ctx, said)[0], \
                f"in the {_UNNAMED_CORNER.replace('-', ' ')} corner (name another corner if you meant one)"
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


def parse_add(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    if _ADJUST_WORDS.search(low) and not _PUT_A.search(low):
        return []
    if _NOT_AN_ADD.search(low) or _INCLUDING_LEAD.match(low):
        return []                                    # 'including the ball': widens an edit before, adds nothing
    if put_told(low):
        return []                                    # 'put the picture up in our hall': told, nothing added
    refill = _REFILLED.search(low)
    if refill:                                       # 're-insert the lawn as you erase the joggers': the gap's fill
        from retouch.agent.planner.rules_remove import parse_remove

        said = " ".join(clause.orig.split())[:60]
        removed = parse_remove(clause.slice(refill.start("removal"), len(low)), ctx, settings)
        note = Step("noted", note=f"(Noted: “{said}” — a removal fills the gap from what is around it.)")
        for step in removed:
            step.vague = True                        # said in passing: a removal named before is the same one
        return [*(step for step in removed if step.calls), note]
    need = _NEEDED.match(low)
    if need and not _NOT_NEEDED.match(low, need.start("new")):    # 'the shelf could use some books'
        new_w = clause.slice(need.start("new"), need.end("new"))
        place = "" if _split_relation(new_w)[1] or _THE_PICTURE.match(need.group("owner")) \
            else f" on {clause.orig[need.start('owner'):need.end('owner')]}"
        steps = parse_add(Words.of(f"add {new_w.orig}{place}"), ctx, settings)
        return steps if steps and steps[0].action == "add" else []
    new_w = rel_w = None
    for pattern in _ADD_INVERTED:
        m = pattern.search(low)
        if m:
            new_w = clause.slice(m.start("new"), m.end("new"))
            rel_w = clause.slice(m.start("rel"), m.end("rel"))
            if pattern is _ADD_INVERTED[2] and _THE_PICTURE.match(rel_w.low.strip()):
                return []                            # 'put this photo is (in) her room': the photo is placed, no add
            break
    if new_w is None:
        m = _ENRICH.search(low)
        if m:
            new_w = clause.slice(m.start("new"), m.end("new"))
            where = clause.slice(m.start("where"), m.end("where"))
            rel_w = Words("on " + where.orig, "on " + where.low)
    if new_w is None:
        m = next((v for v in _ADD_VERB.finditer(low) if not _NOUN_BEFORE.search(low[:v.start()])), None)
        if m:
            rest = clause.slice(m.end(), len(low)).strip()
        elif _COUNTED_THING.match(low) and _NEXT_TO_SOMETHING.search(low) and not is_story(low) \
                and not _TOLD_THING.match(low):
            rest = clause                               # "a fish to the right of the man" ("a man stood behind us": told)
        else:
            return []
        new_w, relation, anchor, said = _split_relation(rest)
        if not m and relation is None:
            return []
    else:
        _, relation, anchor, said = _split_relation(rel_w) if rel_w.low.strip() else (None, None, None, "")
        if relation is None and rel_w.low.strip():
            relation, anchor = "on", rel_w
    new = name_new_thing(new_w)
    if not new or new.lower() in NOT_NEW_THINGS or _TONE_THING.match(new.lower()) or _THE_PICTURE.match(new_w.low.strip()):
        return []
    if _PARTICULAR.match(new_w.low.strip()) and _a_person(new_w):
        return [refusal(f"I can't put a particular person into the photo — “{' '.join(new_w.orig.split())}” would "
                        "need their own picture; I can add someone generic, e.g. \"add a woman on the left\".")]
    if only_function_words(new):
        where = f" {said or _RELATION_WORDS.get(relation or 'on', 'on')} {' '.join(anchor.orig.split())}" \
            if anchor is not None and anchor.low.strip() else ""
        return [ask(f"What should I add{where}? “{' '.join(new_w.orig.split())}” doesn't name a thing.")]
    region_named = parse_target(Words.of(re.split(r"\s+(?:and|with|plus)\s+", new_w.low.strip())[0]))
    if relation is None and region_named is not None and region_named.target in ADDED_BY_REPLACING \
            and region_named.position is None and not new_w.low.lstrip().startswith("the "):
        return [Step("replace", [select(Target(region_named.target, region_named.target)), refine(),
                                 inpaint("replace", new)], f"replacing the {region_named.target} with {new}")]
    calls, where = _anchor_calls(anchor, relation, clause, ctx, said)
    say = f"adding {new} {where}"
    if where == "in the middle of the picture" or where.endswith("half of the picture"):
        say += " (say where if it should go elsewhere)"
    return [Step("add", calls + [refine(), inpaint("add", new)], say)]
