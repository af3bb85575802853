"""Edits on a named thing: replace it, recolour it, fix it (hands, faces).

"swap the dog for a cat", "a cat instead of the dog", "turn the jaguar into a lizard" → replace;
"make his shirt red", "dye the hair blue", "Blue shall be the bus's new colour" → recolour, with the
colour that is asked for told apart from one that names the thing ("make the red car blue");
"fix his hand, it has six fingers" → fix with a prompt that states the anatomy.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_remove import REMOVE_LEAD
from retouch.agent.planner.rules_steps import Step, edit_on, is_selection, pronoun_step
from retouch.agent.planner.rules_target import SCAFFOLD, Target, name_new_thing, parse_target
from retouch.agent.planner.rules_lexicon import phrase_re
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_vocab import (
    ADD_VERBS, COLOR_CARRIERS, COLOR_MODIFIERS, COLOR_NOUNS, COLORS, FIX_PROMPTS, IMAGE_WORDS,
)

_COLOR = phrase_re(COLORS)
_MOD = phrase_re(COLOR_MODIFIERS)
_CARRIER = phrase_re(COLOR_CARRIERS)
_COLOR_PHRASE = re.compile(
    rf"\b(?:(?:{_MOD})[\s-]+)?{_COLOR}(?:\s+(?:and|&|or|with)\s+(?:(?:{_MOD})[\s-]+)?{_COLOR})*\b")
_COLOR_VERB = re.compile(r"\b(?P<v>blacken|whiten|redden|yellowen|gild)\w*\b")
_COMPARATIVE = {"whiter": "white", "redder": "red", "bluer": "blue", "greener": "green", "yellower": "yellow",
                "pinker": "pink", "blacker": "black", "browner": "brown"}
_BW = re.compile(r"^black\s*(?:and|&|n)\s*white$")
_PREDICATE_FOLLOW = re.compile(
    rf"^(?:$|[,.;!?]|(?:{_CARRIER})\b|(?:in|on|to|with|for|and|or|please|instead|too|as|like|then|now|but|"
    r"the|a|an|his|her|their|my|its|so|one|ones|if|shade|all|again|color|colour|here|there|only)\b)")
_RECOLOR_CUE = re.compile(
    rf"\b(?:{_CARRIER}|dye\w*|paint\w*|tint\w*|tinge\w*|recolou?r\w*|colou?r\w*|coat\w*|spray\w*|dress\w*|"
    r"cloth\w*|change\w*|make|made|turn\w*|render\w*|get|let|ensure|should|shall|must|ought|is|are|be|become\w*|"
    r"adorn\w*|grace|cover\w*|choose|opt|pick|give|apply|transform\w*|alter\w*|switch\w*|set|darken|lighten|"
    r"bleach|brown|want|need|look|into|to|in|for)\b")
_RECOLOR_SCAFFOLD = re.compile(
    r"\b(?:the\s+)?colou?r\s+of\b|'s\s+(?:new\s+)?(?:colou?r|hue|shade|tint|tone)\b|\b(?:new\s+)?colou?rs?\b|"
    r"\b(?:change|alter|switch|transform|turn|modify|adjust|set|make|render|get|give|apply|coat|cover|paint|"
    r"dye|tint|tinge|colou?r|recolou?r|spray|blacken|whiten|redden|darken|lighten|bleach|choose|opt for|pick|"
    r"go with|use|let|ensure|make sure|adorn|grace|should|shall|must|ought to|needs? to|will|be|become|is|are|"
    r"turn|take on|adopt|have|has|shine|gleam|glow|look|appear|dyed|adorned|painted|colou?red|for|to|into|in|"
    r"with|hue|tint|shade|pigment|tone|appearance|i want|i need|want|need|all over|completely|entirely|"
    r"totally|please|just|only|fully|swap|switch|exchange|replace|subtly|slightly|gently|lightly|softly|"
    r"really|very|a\s+bit|a\s+little|a\s+touch|a\s+tad|bit|more|instead\s+of\s+\S+|rather\s+than\s+\S+|"
    r"from\s+\S+\s+(?=to\b))\b")

_REPLACE_PATTERNS = (
    re.compile(r"\breplac(?:e|ing)\s+(?P<old>.+?)\s+(?:with|by|for)\s+(?P<new>.+)"),
    re.compile(r"\b(?:swap|switch|exchang|trad)(?:e|ping|ing|ed)?(?:\s+out)?\s+(?P<old>.+?)\s+(?:for|with|to|into)\s+"
               r"(?P<new>.+)"),
    re.compile(r"\bsubstitut(?:e|ing)\s+(?P<old>.+?)\s+with\s+(?P<new>.+)"),
    re.compile(r"\bsubstitut(?:e|ing)\s+(?P<new>.+?)\s+for\s+(?P<old>.+)"),
    re.compile(r"\b(?:turn|change|transform|convert|morph|make)\w*\s+(?P<old>.+?)\s+into\s+(?P<new>.+)"),
    re.compile(r"\bchange\s+(?P<old>.+?)\s+to\s+(?P<new>.+)"),
    re.compile(r"^(?:(?:put|place|add|use|have|i want|give me|can i have|i'?d like|want|get|draw|insert)\s+)?"
               r"(?P<new>.+?)\s+(?:instead of|in place of|in lieu of|rather than)\s+(?P<old>.+)"),
    re.compile(r"\b(?:put|place|add|draw|insert)\s+(?P<new>.+?)\s+(?:where|in the spot where|in the place where)\s+"
               r"(?P<old>.+?)\s+(?:is|was|are|were|stands|sits|used to be)\b"),
    re.compile(r"^(?P<old>.+?)\s*(?:->|=>|-->|→)\s*(?P<new>.+)"),
    re.compile(r"\bmake\s+(?P<old>(?:the|his|her|their|my|this|that)\s+[a-z' -]+?)\s+(?:a|an)\s+"
               r"(?P<new>(?!bit\b|little\b|lot\b|touch\b|tad\b)[a-z].*)"),
    re.compile(r"^(?P<old>.+?)\s+(?:should|shall|must|needs to)\s+be(?:come)?\s+(?:replaced\s+(?:with|by)|"
               r"swapped\s+(?:with|for))\s+(?P<new>.+)"),
)
_FIX_PARTS = re.compile(r"\b(?:hands?|fingers?|face|faces|eyes?|teeth|tooth|smile|feet|foot|arms?|legs?|ears?|"
                        r"nose|mouth|lips|hair|red[\s-]eyes?)\b")
_FIX_VERB = re.compile(
    r"\b(?:fix\w*|repair\w*|correct\w*|redo|improve|clean\s+up|restore|regenerate|touch\s+up|retouch|sort\s+out|"
    r"reshape|normali[sz]e|make\s+.+?\s+look\s+(?:normal|natural|right|real|better))\b"
    r"|\b(?:looks?|is|are|seem|seems)\s+(?:weird|wrong|off|messed\s+up|deformed|creepy|strange|bad|broken|"
    r"distorted|mangled|ugly|fake|unnatural|janky|cursed)\b|\b(?:too\s+many|extra|six|6|seven|missing)\s+fingers\b")


def _color_only(low: str) -> bool:
    named = [w for m in _COLOR_PHRASE.finditer(low) for w in m.group(0).split() if w in COLORS]
    if named and all(n in COLOR_NOUNS for n in named) and not re.search(rf"\b(?:{_CARRIER})\b", low):
        return False                                   # "a juicy orange" is the fruit
    rest = _COLOR_PHRASE.sub(" ", low)
    rest = re.sub(rf"\b(?:a|an|the|in|some|one|ones|shade|hue|colou?r|tint|tone|of|{_CARRIER}|{_MOD})\b", " ", rest)
    return bool(_COLOR_PHRASE.search(low)) and not rest.strip(" ,.!?")


def parse_replace(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    for pattern in _REPLACE_PATTERNS:
        m = pattern.search(low)
        if not m:
            continue
        old_w = clause.slice(m.start("old"), m.end("old")).strip()
        new_w = clause.slice(m.start("new"), m.end("new")).strip()
        old_low = SCAFFOLD.sub(" ", old_w.low).strip(" ,.")
        if not old_low or not new_w.low or _color_only(new_w.low) or _color_only(old_low) \
                or re.search(r"\d+\s*[:x]\s*\d+", new_w.low) \
                or re.match(r"(?:the\s+)?colou?rs?\s+of\b", old_low):
            continue
        if old_low in ("it", "this", "that", "the image", "the photo", "the picture", "this image", "this photo",
                       "the whole thing", "everything") and not (ctx.has_selection and old_low in ("it", "this")):
            continue
        new = name_new_thing(new_w)
        if not new:
            continue
        if is_selection(old_low):
            return pronoun_step("replace", ctx, f"replacing {{it}} with {new}", prompt=new)
        target = parse_target(old_w, clause)
        if target is None or target.target in IMAGE_WORDS:
            continue
        return edit_on(target, "replace", f"replacing {target.describe()} with {new}", prompt=new)
    return None


# ---- recolour -------------------------------------------------------------------------------------


def _pick_color(low: str) -> tuple[int, int] | None:
    """Where the colour being asked for is — not one that describes the thing ('the red car')."""
    candidates = []
    for m in _COLOR_PHRASE.finditer(low):
        start, end = m.start(), m.end()
        before = low[:start].rstrip()
        words = m.group(0).split()
        if len(words) > 1 and re.search(r"\b(?:the|his|her|their|my|its)$", before) and words[-2] not in ("and", "&"):
            start = m.start() + m.group(0).rfind(words[-1])          # "color the sky blue"
            before = low[:start].rstrip()
        follow = low[end:].lstrip()
        if _BW.match(" ".join(low[start:end].split())) or re.search(
                r"\b(?:instead\s+of|rather\s+than|not|from|than)(?:\s+(?:the|a|an|this|that|its))?$", before):
            continue
        predicate = bool(_PREDICATE_FOLLOW.match(follow)) or bool(_COLOR_PHRASE.match(follow))
        strong = bool(re.match(rf"(?:{_CARRIER})\b", follow)) or bool(
            re.search(r"\b(?:to|into|in|with|as|be|is|are|become|shades?\s+of|hues?\s+of|tones?\s+of)"
                      r"(?:\s+(?:a|an|some|\w+))?$", before))
        lead = not before or bool(re.match(r"^(?:let\s+)?$", before))
        if predicate or strong or (lead and re.match(r"^(?:shall|should|is|for|must|will)\b", follow)):
            candidates.append((strong or lead, start, end))
    if not candidates:
        return None
    strong = [c for c in candidates if c[0]]
    _, start, end = (strong or candidates)[-1]
    return start, end


def parse_recolor(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    if REMOVE_LEAD.match(low) or re.match(rf"^{phrase_re(ADD_VERBS)}\b", low):
        return None
    if re.search(rf"\b(?:less|too|not\s+so)\s+{_COLOR}", low):
        return None                                    # "less yellow" is a white-balance change
    span = _pick_color(low)
    verb = _COLOR_VERB.search(low) if span is None else None
    if span is None and verb is None:
        return None
    if not _RECOLOR_CUE.search(low) and verb is None:
        return None
    if span is not None:
        start, end = span
        color = " ".join(_COMPARATIVE.get(w, w) for w in low[start:end].split()
                         if w not in ("snowy", "lush", "rich", "vivid", "pure"))
        pre = re.search(r"(?:\b(?:to|into|in|with|as)\s+)?(?:\b(?:a|an|some)\s+(?:[a-z]+\s+)?)?"
                        r"(?:(?:shades?|hues?|tones?|tints?)\s+of\s+)?$", low[:start])
        if pre:
            start = pre.start()
        post = re.match(rf"\s*(?:(?:in\s+)?(?:colou?r|{_CARRIER})s?\b)?", low[end:])
        end += post.end() if post else 0
        rest = clause.blank(start, end)
    else:
        color = {"blacken": "black", "whiten": "white", "redden": "red", "yellowen": "yellow",
                 "gild": "gold"}[verb.group("v")]
        rest = clause.blank(verb.start(), verb.end())
    dress = re.search(r"\b(?:dress|cloth)\w*\s+(?P<who>.+?)\s*$", rest.low.strip())
    rest = rest.blank(0, 0)
    for sm in list(_RECOLOR_SCAFFOLD.finditer(rest.low)):
        rest = rest.blank(sm.start(), sm.end())
    rest = rest.squeeze().strip()
    if not rest.low:
        return pronoun_step("recolor", ctx, f"making {{it}} {color}", prompt=color, color=color)
    if _COLOR_PHRASE.fullmatch(re.sub(r"^(?:the|his|her|their|my)\s+", "", rest.low)):
        words = re.sub(r"^(?:the|his|her|their|my)\s+", "", rest.low)
        target = Target(target=words[:200], display=rest.find_orig(words))
    else:
        target = parse_target(rest, clause)
    if target is None:
        return None
    if target.pronoun or target.target in IMAGE_WORDS:
        if target.target in ("it", "this", "selection") or is_selection(target.target):
            return pronoun_step("recolor", ctx, f"making {{it}} {color}", prompt=color, color=color)
        return None
    if dress:
        target = Target("clothes", f"{target.display}'s clothes", phrase=f"{target.display}'s clothes")
    name = target.phrase or target.display or target.target
    return edit_on(target, "recolor", f"making {target.describe()} {color}", prompt=f"{color} {name}",
                   color=color[:100])


# ---- fix ----------------------------------------------------------------------------------------------


_FIX_STOP = frozenset({"fix", "repair", "correct", "redo", "improve", "up", "clean", "restore", "regenerate",
                       "touch", "retouch", "sort", "out", "the", "a", "an", "his", "her", "their", "my", "its",
                       "our", "your", "please", "can", "you", "and", "of", "make", "fixing", "both", "all"})


def parse_fix(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    part = _FIX_PARTS.search(low)
    if not part or not _FIX_VERB.search(low):
        return None
    begin = part.start()
    for token in reversed(low[:part.start()].split()):
        if token in _FIX_STOP or len(low[:part.start()]) - begin > 30:
            break
        begin = low.rfind(token, 0, begin)
    tail = re.split(r"\s+(?:look|looks|is|are|seem|seems|has|have|so|to|and|with|please)\b", low[part.start():])[0]
    target = parse_target(clause.slice(begin, part.start() + len(tail)), clause)
    if target is None or target.pronoun or target.target in ("it", "this", "that", "they"):
        return None
    noun = "eye" if "red" in target.target and "eye" in target.target else target.target.split()[-1]
    prompt = FIX_PROMPTS.get(noun, f"a natural {noun}, correct anatomy")
    if target.all and noun in ("hand", "eye", "foot"):
        prompt = prompt.replace("a natural hand", "natural hands").replace("a natural foot", "natural feet")
    if "red" in low and "eye" in noun:
        target = Target("eye", "eyes", all=True)
    return edit_on(target, "fix", f"fixing {target.describe()}", prompt=prompt)
