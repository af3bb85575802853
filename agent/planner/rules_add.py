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
from retouch.agent.planner.rules_target import (
    SCAFFOLD, Target, name_new_thing, only_function_words, parse_target, singularize,
)
from retouch.agent.planner.rules_text import Settings, Words, known_words
from retouch.agent.planner.rules_vocab import (
    ADDED_BY_REPLACING, COLOR_MODIFIERS, COLORS, DRESSED_AS_NOUN, OBJECT_POSSESSIVES, GIVEN_NAME_WORDS, NOT_GIVEN_THINGS, NOT_NEW_THINGS, PERSON_WORDS, PICTURE_MENTIONS, PICTURE_NOUNS,
    RELATION_PHRASES, RELATION_SAID, SUITED_UP,
)
from retouch.agent.planner.rules_vocab import ARRIVING_WORDS, CREATED_PLACES, CREATION_VERBS, LOOKS_AS_IF, THERE_IS  # edits20

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
_SPREAD_OVER = rx(r"\s+(?:(?:all\s+)?over|throughout|across|to|on|onto|in|into)\s+(?:(?:the|this|my|our)\s+)?(?:{WHOLE_WORDS})\s+"
                  r"(?:{SCENERY_WORDS})\s*[.!?]*$"
                  r"|\s+(?:all\s+over|everywhere|throughout)(?:\s+(?:(?:the|this|my|our)\s+)?(?:{SCENERY_WORDS}))?\s*[.!?]*$")
"""'add stars to the whole picture', 'put little hearts all over', 'add watermarks throughout the image': a thing
spread over the whole frame. A fill over the whole frame would redraw the photo itself, so the add goes in the middle
and the reply says why and how to place it (edits26)."""
_SPREAD_NOTE = ("(A fill over the whole picture would redraw the photo itself, so it goes in the middle; say where "
                "it should go instead, e.g. “on the sky” or “along the bottom”.)")
_THE_PICTURE = rx(r"^(?:this|that|the|my|our|these)\s+(?:whole\s+|entire\s+|same\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS})s?\b")
"""'I want to draw *this photo* for my mum': the picture itself is never a new thing to paint into it."""
_DEPTH_HALVES = {"background": "top", "back": "top", "foreground": "bottom"}
"""Where a thing added 'in the background' / 'in the foreground' goes when nothing there is named: the half of the
picture a photo's far or near part mostly fills (the reply says which)."""
_UNNAMED_CORNER = "bottom-right"
"""Where "add a lamp in the corner" puts it when no corner is named: the reply says which, and how to choose."""
_PLACE_WORDS = rx(
    r"^(?:the\s+)?(?:very\s+)?(?P<place>{PLACE_NAMES})(?:\s+{PLACE_PARTS})?(?:\s+of\s+the\s+{PICTURE_NOUNS})?$")
_AT_PLACE = rx(r"\bat(?=\s+the\s+(?:very\s+)?(?:{PLACE_NAMES})(?:\s+{PLACE_PARTS})?(?:\s+of\s+the\s+{PICTURE_NOUNS})?"
               r"\s*[.!?]*$)")
"""'add a bird *at* the top (of the picture)': 'at' before a place of the picture ending the clause is where the thing
goes ('at night', 'at the party' are no place)."""
_HOLDING = rx(r"^(?:(?:a|an|some|two|three)\s+)?(?:[\w'-]+\s+){0,2}?[\w'-]+\s+(?:{HOLDING_WORDS})\s+"
              r"(?P<held>(?:the|his|her|my|our|their|this|that)\s+.+)$")
"""'a woman holding the cat': someone added with what they hold — drawn around the thing held, the whole phrase the
prompt ('add a man with the dog' is no such shape)."""
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
                 r"(?:{TONE_NOUNS}|life|depth|drama|pop|punch|vibrance|colou?rs?)(?=\s*(?:$|[,&.!?]|(?:{FUNCTION_WORDS}|{BRING_PARTICLES})\b))"
                 r"|^more\s+(?:{COLORS})\s*$")
"""A tone said as a thing added: 'add more contrast', 'add some life', 'add *more lighting*', 'add *more yellow*' (a
cast, never a yellow thing) — unless a name goes on after the tone word: 'add *light rays*', 'add *light purple*
squares' name things (issue 20, second24)."""


_NO_THING_NAMED = rx(r"^(?:(?:{PLACE_PREPOSITIONS})\s|(?:it|them|this|that|him|her)(?:\s+\w+ly)*\s*$)")
"""'a print to put *at my desk*', 'align *it neatly*': after the verb, a place or the thing already there —
nothing new to add."""
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


_TWO_NAMES = re.compile(r"\b([A-Z][a-z'-]+)\s+([A-Z][a-z'-]+)\b(?!'?\s+[A-Z0-9])")
"""A first and a last name, not the start of a longer title ('a Grand Theft Auto emblem')."""
_TITLE_CASE_WORD = re.compile(r"\b[A-Za-z][a-z'-]{3,}\b")
_NAME_FIRST = re.compile(r"^\s*(?:(?:a|an|the|some|in)\s+)?$", re.I)
_PART_OF = rx(r"\b(?:{FACE_WORDS}|{FIXABLE_PARTS}|shoulders|body|likeness)\s+of\s+$")
"""Where a name is the person added: first ('add *Ada Lovelace* on the left', 'some *Ada Lovelace* hair') or after a part
of them ('the face and shoulders of *Ada Lovelace*') — not a brand inside a thing ('a bottle of Jack Daniels', 'a
Grand Theft Auto emblem')."""
_FAMOUS = rx(r"\b(?:{FAMOUS_ROLES})\b")
_CHARACTER = rx(r"\b(?:{DRAWN_CHARACTERS})\b")


def real_person_named(new: str, request: str) -> str | None:
    """The real person a thing to add names, as said — 'Vladimir Putin', 'the president', 'a film star's face' — or None.
    A first and a last name is two capitalised words the vocabulary does not declare (a given name that is also a word
    counts: 'Grace Kelly'), in a request not written in title case; a character a fill can draw ('Santa Claus') is no
    one. No fill draws a real person faithfully, so such an add is declined (`rules_add.parse_add`)."""
    low = new.lower()
    if _CHARACTER.search(low):
        return None
    famous = _FAMOUS.search(low)
    if famous:
        return new[famous.start():famous.end()]
    words = _TITLE_CASE_WORD.findall(request)
    if words and all(word[:1].isupper() for word in words):
        return None                                    # 'Add A Party Hat': capitals say nothing
    known = known_words()
    for name in _TWO_NAMES.finditer(new):
        first, last = (word.lower().removesuffix("'s").removesuffix("'") for word in name.groups())
        if (first not in known or first in GIVEN_NAME_WORDS) and last not in known \
                and (_NAME_FIRST.match(new[:name.start()]) or _PART_OF.search(new[:name.start()])):
            return name.group(0)
    return None


_TEXT_ON_IT = rx(r"\s+(?:(?:{TEXT_CARRIED})\s+(?P<said>.+?)(?:\s+(?:on|across)\s+(?:it|them))?|with\s+(?P<written>.+?)\s+{WRITTEN_PARTICIPLES}"
                 r"(?:\s+(?:on|across|in)\s+(?:it|them|(?:the|its|his|her)\s+[\w'-]+))?)\s*[.!?]*$")
"""'a hat *that says OBEY*', 'a jumper *with MUM printed on it*': words on the thing added, which no tool writes."""
_GIVING_LEAD = rx(r"^(?:{GIVING_VERBS}|{DRESSING_VERBS})\b")
_PLACE_TAIL = rx(r"\s+(?:at|on|in|to)\s+the\s+(?:very\s+)?(?:{PLACE_NAMES})\b")
"""'… saying happy birthday *at the top*': where the thing goes, after the words it carries."""
WORDS_LEFT_OUT = "I can't write words onto it (no tool here draws text reliably) — add “{said}” in another app."


def _a_person(new_w: Words) -> bool:
    """Whether the thing to add is a person ('my dad', 'the new woman'), by the planner's person words."""
    named = parse_target(new_w)
    return named is not None and (named.target in PERSON_WORDS or named.target == "person")


_REFILLED = rx(r"\bre-?(?:{ADD_VERBS})\b.*\b(?:when|while|as)\s+(?:you(?:'re|\s+are)?\s+)?(?P<removal>{REMOVE_VERBS})\b")
"""'re-insert the lawn as you erase the joggers': what should fill a removal's gap, no new thing."""
_NOT_AN_ARTICLE = r"(?!(?:a|an|some|the|and|or|plus|with)\b)[\w'-]+"
"""A word of who is given something: never an article, nor a joiner ('give her sunglasses *and* a hat' gives her both)."""
_GIVEN = (
    rx(r"^{GIVING_VERBS}\s+(?P<who>(?:the|my|our|his|her|their|this|that)\s+(?:" + _NOT_AN_ARTICLE + r"\s+){0,3}?"
       + _NOT_AN_ARTICLE + r")\s+(?P<new>(?:a|an|some|\d+)\s+.+)$"),
    rx(r"^{GIVING_VERBS}\s+(?P<who>{GIVEN_TO})\s+(?P<new>.+)$"),
)
"""'give the frog a top hat', 'give him sunglasses and a scarf': the thing given, added on who gets it. A name before
the thing needs an article to end it ('give the cat green eyes' is no add: the recolour's, or a question)."""
_DRESSED = rx(r"^{DRESSING_VERBS}\s+(?P<who>me|him|her|them|us|myself|(?:the|my|our|his|her|their|this|that)\s+"
              r"(?:(?!(?:up|in|as)\b)[\w'-]+\s+){0,3}?(?!(?:up|in|as)\b)[\w'-]+)\s+(?:up\s+)?(?P<how>in|as|with)\s+"
              r"(?P<new>.+)$")
"""'dress me in a tux', 'dress my son up as a knight': the clothes, added on the one dressed."""
_HAD = rx(r"^(?:make|let)\s+(?P<who>(?:the|his|her|my|our|their|this|that)\s+(?:" + _NOT_AN_ARTICLE + r"\s+){0,3}?"
          + _NOT_AN_ARTICLE + r")\s+have\s+(?P<new>(?:a|an|some|\d+)\s+.+)$")
"""'make his pear have a face': the thing it is to have, added on it (never the pear replaced by a face)."""
_SUITED = rx(r"^(?P<verb>{SUITED_UP})\s+(?P<who>me|him|her|them|us)\s+(?:up|out)\b")
"""'suit me up', 'kit him out': dressed, the clothes unnamed."""
_NOT_GIVEN = rx(r"\b(?:{NOT_GIVEN_THINGS}|{PICTURE_NOUNS}|{PICTURE_MENTIONS})\b")


def _as_given(clause: Words) -> Words | None:
    """A thing given or worn, said as an add on who gets it: 'give him a halo' → 'add a halo on him', 'dress me in a
    suit' → 'add a suit on me'. None when the clause is no such shape, or what is given is no thing ('give her a
    touch-up', 'give him this photo', a colour: 'dress him in red' is the recolour's)."""
    low = clause.low
    suited = _SUITED.match(low)
    if suited:
        return Words.of(f"add {SUITED_UP[suited.group('verb')]} on {suited.group('who')}")
    dressed = _DRESSED.match(low)
    given = dressed or _HAD.match(low) or next((m for m in (pattern.match(low) for pattern in _GIVEN) if m), None)
    if given is None or _THE_PICTURE.match(given.group("who")):
        return None
    new = clause.orig[given.start("new"):given.end("new")].strip(" .!?")
    if _NOT_GIVEN.search(new.lower()) or _ONLY_A_COLOUR.fullmatch(new.lower()):
        return None
    if dressed is not None and dressed.group("how") == "as":
        new = f"{new} {DRESSED_AS_NOUN}"
    return Words.of(f"add {new} on {clause.orig[given.start('who'):given.end('who')]}")


_INCLUDING_LEAD = rx(r"^\W*(?:(?:{HEDGE_WORDS}|preferably|also)\s+)?{INCLUDING_LEADS}\b")

def _split_relation(rest: Words) -> tuple[Words, str | None, Words | None, str]:
    """'a hat on the man on the left' → ('a hat', 'on', 'the man on the left', 'on')."""
    m = _POSSESSIVE_SIDE.search(rest.low)
    if m:
        relation = f"{m.group('side')}_of"
        return (rest.slice(0, m.start()).strip(), relation,
                rest.slice(m.start("anchor"), m.end("anchor")).strip(), _RELATION_WORDS[relation])
    at = _AT_PLACE.search(rest.low)
    if at:                                           # 'a bird at the top': the place, said as 'at'
        return rest.slice(0, at.start()).strip(), "on", rest.slice(at.end(), len(rest.low)).strip(), "at"
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
    if not a_low and relation in ("left_of", "right_of"):     # 'a kite to the right side of my photo': that side of
        side = relation.split("_")[0]                         # the picture itself, not its middle (issue 20, place25)
        return [region({"side": side, "fraction": 1 / 3})], f"on the {side}"
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


def _parse_add(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
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
    given = _as_given(clause)
    if given is not None:                            # 'give him a halo', 'dress me in a suit': an add on them
        steps = _parse_add(given, ctx, settings)
        return steps if steps and steps[0].action in ("add", "refuse", "replace") else []
    need = _NEEDED.match(low)
    if need and not _NOT_NEEDED.match(low, need.start("new")):    # 'the shelf could use some books'
        new_w = clause.slice(need.start("new"), need.end("new"))
        place = "" if _split_relation(new_w)[1] or _THE_PICTURE.match(need.group("owner")) \
            else f" on {clause.orig[need.start('owner'):need.end('owner')]}"
        steps = _parse_add(Words.of(f"add {new_w.orig}{place}"), ctx, settings)
        return steps if steps and steps[0].action == "add" else []
    spread = _SPREAD_OVER.search(low)
    if spread and _ADD_VERB.search(low[:spread.start()]):   # 'add stars to the whole picture': in the middle, said why
        steps = _parse_add(clause.slice(0, spread.start()).strip(), ctx, settings)
        placed = steps[0].calls[0] if steps and steps[0].action == "add" and steps[0].calls else None
        if placed is not None and placed.tool == "region" and placed.args.side == "center":
            steps[0].say = steps[0].say.removesuffix(" (say where if it should go elsewhere)")
            steps[0].note = " ".join(filter(None, (steps[0].note, _SPREAD_NOTE)))
        return steps
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
    held = _HOLDING.match(new_w.low)
    if held and (anchor is None or _WHOLE_SCENE.match(SCAFFOLD.sub(" ", anchor.low).strip(" ,."))):
        anchor, relation, said = new_w.slice(held.start("held"), len(new_w.low)), "around", "around"
    new_w, alternative = _first_of_alternatives(new_w)
    new = name_new_thing(new_w)
    famous = real_person_named(new_w.orig, clause.orig) if new else None
    if famous:
        return [refusal(f"I can't put a particular person into the photo — no fill draws “{famous}” faithfully; "
                        "I can add someone generic, e.g. \"add a man in a suit on the left\".")]
    if not new or new.lower() in NOT_NEW_THINGS or _TONE_THING.match(new.lower()) or _THE_PICTURE.match(new_w.low.strip()) \
            or _NO_THING_NAMED.match(new.lower()):
        return []
    swapped = _part_given(new_w, relation, anchor, ctx, settings)
    if swapped:                                      # 'give her a fox face': her face replaced, not a second one
        return swapped
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
    say = f"adding {new} {where}" if relation != "around" or not held else f"adding {new}, drawn {where}"
    if where == "in the middle of the picture" or where.endswith("half of the picture"):
        say += " (say where if it should go elsewhere)"
    note = f"(You offered “{alternative}” as an alternative; I added the first — ask for another by name.)" \
        if alternative else ""
    return [Step("add", calls + [refine(), inpaint("add", new)], say, note=note)]


_PART_GIVEN = rx(r"^(?:(?:a|an|some)\s+)?(?P<kind>(?!(?:{COLORS}|{COLOR_MODIFIERS})\b)[a-z'-]+(?:\s+(?!and\b)[a-z'-]+)?)\s+"
                 r"(?P<part>{HAD_PARTS})\s*[.!?]*$")
"""'a fox face', 'a bigger nose', 'a man's face': a described part that everyone has (`HAD_PARTS`) — not a bare 'a face',
not a colour ('blue eyes' is the recolour's), not a list."""
_LIST_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|&)\s*", re.I)
"""The items of 'a bigger nose and a pouty mouth', 'a fox face, cat ears'."""


def _part_given(new_w: Words, relation: str | None, anchor: Words | None, ctx: PlanningContext,
                settings: Settings) -> list[Step]:
    """A part a person already has, given or put on them ('give her a fox face', 'put a clown nose on him'): their own
    part replaced by the one described — an add would paint a second face beside the first. [] when the new thing is
    no such part or it goes on no person ('give the statue a hat', 'add a smile on the poster')."""
    items = [Words.of(item) for item in _LIST_SPLIT.split(new_w.orig.strip()) if item.strip()]
    said = [_PART_GIVEN.match(item.low.strip()) for item in items]
    if not items or not all(said) or relation != "on" or anchor is None:
        return []
    who = anchor.low.strip(" ,.!?")
    target = None if who in OBJECT_POSSESSIVES else parse_target(anchor)
    if target is not None and not target.pronoun and len(items) == 1 \
            and singularize(target.target.split()[-1])[0] == singularize(said[0].group("part"))[0]:
        olds = [" ".join(anchor.orig.split())]           # "a bear face laid over her face": that face replaced
    elif who in OBJECT_POSSESSIVES:
        olds = [f"{OBJECT_POSSESSIVES[who]} {part.group('part')}" for part in said]
    elif target is not None and not target.pronoun and (target.target in PERSON_WORDS or target.target == "person"):
        olds = [f"{' '.join(anchor.orig.split())}'s {part.group('part')}" for part in said]
    else:
        return []
    from retouch.agent.planner.rules_edits import parse_replace     # late: rules_edits reads adds through the table

    steps = [step for old, item in zip(olds, items)
             for step in parse_replace(Words.of(f"replace {old} with {' '.join(item.orig.split())}"), ctx, settings)]
    if len(steps) == 1 and steps[0].action == "refuse":
        return steps                                    # "give her his face": a face swap, refused as the replace is
    return steps if len(steps) == len(items) and all(step.action == "replace" for step in steps) else []


_ALTERNATIVE_THING = rx(r"^(?P<first>.+?)\s*,?\s+(?:{ALTERNATIVE_LEADS})\s+(?P<alt>(?:(?:a|an|some|the)\s+)?[a-z][a-z' ,-]*?)"
                        r"\s*[.!?]*$")
_ALTERNATIVE_SPLIT = rx(r"\s*,?\s+(?:{ALTERNATIVE_LEADS})\s+")
"""'glasses or a hat', 'a hat or maybe a crown': a thing, then another offered instead of it."""
_COLOUR_WORDS = frozenset((*COLORS, *COLOR_MODIFIERS))
_NO_ALTERNATIVE = rx(r"^(?:(?:a|an|some|the)\s+)?(?:{NO_ALTERNATIVE_THINGS})\b")


def _first_of_alternatives(new_w: Words) -> tuple[Words, str]:
    """The thing to add and the one offered instead ('a hat or a crown' → 'a hat', 'a crown'): the first is added, the
    other said — never both drawn as one thing. A choice inside one thing's name ('a red or blue hat') is no
    alternative: (new_w, "")."""
    said = _ALTERNATIVE_THING.match(new_w.low)
    if said is None:
        return new_w, ""
    first = new_w.slice(said.start("first"), said.end("first")).strip()
    alts = _ALTERNATIVE_SPLIT.split(" ".join(new_w.orig[said.start("alt"):said.end("alt")].split()))
    if first.low.split()[-1] in _COLOUR_WORDS or "," in first.low or not name_new_thing(first) \
            or any(not name_new_thing(Words.of(alt)) or _NO_ALTERNATIVE.match(alt.lower()) or "," in alt
                   or only_function_words(name_new_thing(Words.of(alt))) for alt in alts):
        return new_w, ""
    return first, "” or “".join(alts)


def _words_on_it(clause: Words) -> tuple[Words, str]:
    """The clause without the words to be written on the thing added, and the note that says they are left out:
    'add a banner saying HAPPY BIRTHDAY' → ('add a banner', "I can't write words …"). No such words: (clause, '')."""
    written = _TEXT_ON_IT.search(clause.low)
    if written is None or not (_ADD_VERB.search(clause.low, 0, written.start()) or _GIVING_LEAD.match(clause.low)):
        return clause, ""
    at = written.start("said") if written.group("said") else written.start("written")
    end = written.end("said") if written.group("said") else written.end("written")
    place = _PLACE_TAIL.search(clause.low, at, end)
    kept = clause.slice(place.start(), len(clause.low)) if place else Words.of("")
    said = " ".join(clause.orig[at:place.start() if place else end].split()).strip(" \"'“”")
    return clause.slice(0, written.start()).join(" ", kept).squeeze(), WORDS_LEFT_OUT.format(said=said)


_NOT_A_NEW_THING = r"(?!(?:the|this|that|these|those|my|his|her|their|our|your|its|it|them|me|us|him|more|less|off|up)\b)"
_CREATED = rx(r"^(?P<verb>{CREATION_VERBS})\s+(?=" + _NOT_A_NEW_THING + r"(?:(?:a|an|some)\s+)?(?:[a-z'-]+\s+){0,3}?[a-z'-]+\s+"
              r"(?:{ARRIVING_WORDS}|{CREATED_PLACES})\s+(?:the|a|an|this|that|my|his|her|their|our)\b)"
              r"|^(?P<look>(?:make|edit)\s+(?:it|this|the\s+(?:{PICTURE_NOUNS}))\s+(?:{LOOKS_AS_IF})\s+(?:{THERE_IS})\s+)"
              r"(?=(?:a|an|some)\s)")
"""'show smoke rising from the chimney', 'have a rainbow over the hill', 'make it look like there's a ghost in the
doorway': a new thing made to be somewhere — read as 'add …'."""


def _created(clause: Words) -> Words:
    """The clause with a creation verb or 'make it look like there's' read as 'add' (`_CREATED`); as said otherwise."""
    if not clause.low.startswith(("show", "have", "make", "edit")):
        return clause
    m = _CREATED.match(clause.low)
    if m is None:
        return clause
    end = m.end("verb") if m.group("verb") else m.end("look")
    return Words.of("add ").join("", clause.slice(end, len(clause.low)).strip())


def parse_add(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """An add, with the words to be written on the thing said to be left out ('a hat that says OBEY'); a new thing made
    to be there with another verb ('show smoke rising from the chimney') is the same add."""
    clause = _created(clause)
    clause, words_note = _words_on_it(clause)
    steps = _parse_add(clause, ctx, settings)
    if words_note and steps and steps[0].action == "add":
        steps[0].note = " ".join(filter(None, [steps[0].note, words_note]))
    return steps


def parse_had(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'make his pear have a face': an add on the pear, read before the replace handler takes 'make X <new>' for a
    replace of the pear."""
    return parse_add(clause, ctx, settings) if _HAD.match(clause.low) else []
