"""Restoration of the whole picture: haze, blur, noise, rain, falling snow, low light.

Haze, noise and low light become an `enhance` of that part — dehaze, denoise, exposure — by the measured
amount; blur, a defect whose fix has a direction ("less blurry", "out of focus", "remove the blur"), is
sharpened (`adjust` sharpness, +0.25 unless the words say how much — the labelling guide's reading); rain
streaks and falling snow get an honest "can't" (no tool removes them; a blur would be a silent
guess). "Remove the snow from the roof" names an object, not a condition, and is left to removal.
"""

from __future__ import annotations

import re

from retouch.agent.plan import EnhanceArgs, EnhanceCall

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_clauses import split_list
from retouch.agent.planner.rules_remove import removal_np, removal_steps
from retouch.agent.planner.rules_enhance import COLOUR_PARTS, PART_SAY, enhance_step, felt_readings, with_felt
from retouch.agent.planner.rules_steps import Step, adjust, refusal, select
from retouch.agent.planner.rules_region import parse_region, place_only
from retouch.agent.planner.rules_target import parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_target import Target
from retouch.agent.planner.rules_tone import amount_said, parse_adjust
from retouch.agent.planner.rules_vocab import CONDITION_TARGETS, CONDITION_VAGUE_NOUNS, IMAGE_WORDS, LOOK_WORDS, SIDES, TOPIC_PARTS

_HAZE = rx(r"\b{HAZE_WORDS}\b")
_BLUR = rx(r"\b(?:{BLUR_WORDS}|blur(?!\s+{BLUR_OBJECTS}\b)|{SMUDGE_NOUNS}(?=(?:\s+and\s+blurs?)?\s+(?:from|on|in|of|across)"
           r"\s+(?:the|this|my)\s+(?:whole\s+|entire\s+)?(?:{PICTURE_NOUNS})\b))\b")
_NOISE = rx(r"\b{NOISE_WORDS}\b")
_RAIN = rx(r"\b{RAIN_WORDS}\b")
_SNOW = rx(r"\b{SNOW_WORDS}\b")
_LOWLIGHT = rx(r"\b{LOW_LIGHT_WORDS}\b")
_FADE = rx(r"\b{FADING_WORDS}\b")
_DARK_TITLE = rx(r"^(?:(?:a|an|my|our|this|the|very|really|super|so|quite)\s+)*(?P<dark>dark|dim|darkish)(?:\s*,\s*|\s+and\s+|\s+)"
                 r"(?!(?:{COLORS})\b)(?P<rest>(?:(?!(?:{DETERMINERS}|it|them)\b)[a-z'-]+(?:\s*,\s*|\s+and\s+|\s+)){1,3}?(?:{PICTURE_NOUNS})s?\b)")
"""'Dark, water-damaged photo of my dad', 'dark blurry snapshot of my gran': a post titled by its faults, the darkness
first — a darkness said of the photo, measured up like a 'dark photo', never the verb 'darken' (issue 20, asides29);
'dark blue photo frame' is a colour."""
_MOODS = frozenset(word for word, look in LOOK_WORDS.items() if look not in ("vintage",))
"""'dark and moody photo', 'dark, gritty shot': a mood beside the darkness is a look the photo has, maybe wanted — not
a fault to measure away (the old print's looks, 'faded', are faults)."""
_OVEREXPOSED = rx(r"\b{EXPOSURE_CONDITIONS}\b")
_CONDITION_ONLY = rx(r"^(?:(?:the|this|that|all|any|some|its|of|a\s+lot)\s+)*(?P<what>{HAZE_WORDS}|{NOISE_WORDS}|{FADING_WORDS})$")
_PLACE_TAIL = rx(r"\b(?:{HAZE_WORDS}|{NOISE_WORDS})\s+(?:in|on|at|across|along|over)\s+(?P<place>.+?)"
                r"(?:\s+(?:is|are|looks?|seems?|feels?)\b.*)?\s*[.!?]*$")
"""'the haze *in the top half*': what follows the condition, read as a strip of the photo — also when a state closes
the clause ('the fog in the lower left is too thick', tone26)."""
_EXPOSURE_OF = (rx(r"\b{EXPOSURE_CONDITIONS}\s+(?:of|on|in)\s+(?P<np>(?:the|his|her|their|my|our)\s+[a-z' -]+?)"
                   r"(?=\s*(?:$|[,.;!?]|\b(?:{REMOVED_WORDS}|{REDUCING_VERBS}|please|pls|a\s+bit|a\s+little)\b))"),
                rx(r"\b(?P<np>[a-z-]+)(?:'s)?\s+{EXPOSURE_CONDITIONS}\b"))
"""'*sun* overexposure reduced', 'the overexposure *of the sky*': what the fault of the light is said of."""
_NO_THING = rx(r"{RESTORE_CUES}|{REDUCING_VERBS}|{REMOVE_VERBS}|{CONDITION_DEGREES}|\w+ly|the|this|an?|its")
_TOPIC_PART = rx(r"^(?:(?:the|its|some|all|any|my|our|this)\s+)*(?P<topic>{MEASURED_TOPICS})"
                 r"(?:\s+(?:in|of|on|from)\s+(?:the|this|my|our)\s+(?:{PICTURE_NOUNS}))?\s*[.!?]*$")
"""'clean up *the colours* and the fading': a topic of the photo in a list of its conditions — measured with them,
never a thing called 'colours' to remove."""
_RESTORE_CUE = rx(r"\b{RESTORE_CUES}\b|\b{UNDOING_PREFIXES}|-free\b|(?:^(?!.*\b(?:{TONE_WORDS})\b).*?|\b(?:{TONE_COMPARATIVES})"
                  r"\s*(?:,|and|&)\s*)\bnot\s+"
                  r"(?:(?:so|as|too|be|look|looking)\s+)?(?:{NOISE_WORDS}|{BLUR_WORDS}|{HAZE_WORDS})|\b(?:{DIAGNOSIS_LEADS}|{STATE_LEADS})\s+"
                  r"(?:(?:a\s+)?(?:bit|little|tad|touch|lot)\s+|\w+\s+)?"
                  r"(?:{NOISE_WORDS}|{BLUR_WORDS}|{HAZE_WORDS})"
                  r"|^(?:(?:a|an|my|our|this|the|old|slightly|very|really|quite|kind\s+of|a\s+bit|a\s+little|super|so)\s+){0,3}"
                  r"(?:{NOISE_WORDS}|{BLUR_WORDS}|{HAZE_WORDS})\s+(?:[\w'-]+\s+){0,3}?(?:{PICTURE_NOUNS})s?\b")
"""Words that ask a condition away — 'reduce the haze', 'it's too blurry', 'the shot was a bit blurry', 'de-noise', 'make it
*not blurry*' (with no tone said, which would read it: 'sharp and not blurry'; or right after a comparative, 'brighter
and not grainy': both, by `_tone_beside`) — or name
the photo by it: a
'*blurry wedding photo*' is posted to be made sharp."""
_MEANS = rx(r"\b{MEANS_WORDS}\s+(?:\w+\s+){0,2}?(?:{MEANS_VERBS}|de-?\w+ing)?\s*(?:the\s+)?\w+")
_CONDITION = r"(?:{BLUR_WORDS}|{NOISE_WORDS}|{HAZE_WORDS})"
_OWNED = r"(?:the|{POSSESSIVES})\s+"
_THING_WITH_IT = (
    rx(r"\bhow\s+(?:\w+\s+)?" + _CONDITION + r"\s+(?P<np>" + _OWNED + r".+?)\s+(?:is|are|looks?|seems?|was|were)\b"),
    rx(r"\b(?:make|get|want|need)\s+(?P<np>(?:all\s+)?" + _OWNED + r".+?)\s+(?:to\s+be\s+)?(?:(?:{CLEAR_WISHED})\s*(?:,|and|but)?\s+)?"
       r"(?:less|not\s+so|not\s+as|not)\s+" + _CONDITION),
    rx(r"(?:^|\b(?:and|but|so)\s+)(?P<np>" + _OWNED + r"[a-z' -]+?)\s+(?:is|are|looks?|seems?)\s+(?:\w+\s+)?"
       + _CONDITION),
    rx(r"\b(?:{UNDOING_PREFIXES})[a-z]*\s+(?P<np>" + _OWNED + r"[a-z' -]+?)\s*(?=$|[,.;:!?]|\b(?:please|pls|a\s+bit|a\s+little|so|and|for|if)\b)"),
    rx(r"\b(?P<owner>" + _OWNED + r")" + _CONDITION
       + r"\s+(?P<noun>[a-z'-]+(?:\s+(?!(?:it|this|that|them|everything)\b)[a-z'-]+)?)\s*$"),
)
"""'how blurry her foot is', 'make her face less grainy', 'I want the dials crisp and not blurry', 'her foot is blurry',
'fix her blurry foot', 'unblur the licence plate', 'unfog the hills' (any undoing verb, `UNDOING_PREFIXES`): the
condition of one thing, corrected there (select it, enhance masked) — not 'the haze ruins
it', a verb and its object."""
_CONDITION_SAID = rx(r"(?:\b(?:less|not(?:\s+(?:so|as|too))?|no\s+longer|no|without)\s+)?\b" + _CONDITION
                     + r"(?:\s+looking)?\b")
_TONE_WISHED = rx(r"\b(?:{TONE_COMPARATIVES}|more\s+(?:{TONE_WORDS}))\b")
"""'make it brighter and *less grainy*', 'less foggy and *more colourful*': a tone change asked in the same breath as
the condition — a comparative, a way to move (not 'keep the details', which is what to spare)."""
_CONDITION_FIRST = rx(r"^(?:(?:some|any|all|most|much|a\s+lot|lots|a\s+bit)\s+(?:of\s+)?)?(?:the\s+|this\s+|that\s+|its\s+)?"
                     r"(?:{BLUR_WORDS}|{NOISE_WORDS}|{HAZE_WORDS}|blur)\b(?!\s+(?:of|on|in)\s+(?:the|his|her|my|their)\s+"
                     r"(?!(?:{PICTURE_NOUNS})\b))(?=\s*(?:$|[,.;:!?]|(?:from|in|on|off|out|of|throughout|across|please|pls)\b))")
"""'a bit of *the blur* in this shot of our horse': the condition is what is taken out, whatever the photo is of (not
'the blur on her foot': a thing's; not 'the blurry person': a thing)."""
_BLUR_WISHED = rx(r"^unfocus\b|\bunfocus\s+(?:the|this|my|his|her|their|our|it)\b"
                  r"|\b(?:make|making|get|want|wanted|like|need)\s+(?![^,.;!?]*\b(?:less|not|no\s+longer|too|un-?blur\w*)\b)"
                  r"(?:[\w']+\s+){0,4}?(?:(?:super|really|very|extra|more|much|a\s+bit|a\s+little|slightly|nicely|quite)\s+)*"
                  r"(?:blurr(?:y|ed|ier)|out\s+of\s+focus)\b")
"""'unfocus the background', 'make the background super blurry': a blur wished for, not one to take away (left to
the background and tone handlers)."""
_KINDS = (("noise", _NOISE), ("rain", _RAIN), ("snow", _SNOW), ("haze", _HAZE), ("blur", _BLUR), ("fade", _FADE),
          ("exposure", _OVEREXPOSED))
_KIND_PARTS = {"noise": ["denoise"], "haze": ["dehaze"], "blur": ["sharpen"], "fade": COLOUR_PARTS,
               "exposure": ["exposure"]}
"""What the enhance corrects for each condition, when several are named in one list ('the grain and the fading')."""
_RESTORE_NOTE = ("I can't remove {what} across the whole picture yet — that needs a restoration model. "
                 + "I can remove a named object, denoise, dehaze, sharpen, or adjust the tone.")


def condition_kind(low: str) -> str | None:
    """noise, rain, snow, haze or blur: the first condition the words name."""
    return next((kind for kind, pattern in _KINDS if pattern.search(low)), None)


def _on_a_thing(clause: Words) -> Target | None:
    """The thing whose blur, noise or haze is named ('how blurry her foot is'); None for the picture itself."""
    for pattern in _THING_WITH_IT:
        m = pattern.search(clause.low)
        if not m:
            continue
        if "noun" in m.groupdict() and m.group("noun"):
            np = clause.slice(m.start("owner"), m.end("owner")).join("", clause.slice(m.start("noun"), m.end("noun")))
        else:
            np = clause.slice(m.start("np"), m.end("np"))
        target = parse_target(np, clause)
        if target is not None and not target.pronoun and target.target not in IMAGE_WORDS \
                and target.target not in CONDITION_TARGETS and not condition_kind(target.target):
            return target
    return None


def _things_and_conditions(clause: Words, np: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'remove this guy's elbow and the other noise': a list naming things and conditions is each, in order — the
    things removed, the condition measured and corrected — never only the condition. [] for a list of one kind."""
    parts = split_list(np)
    kinds = [condition_kind(part.low) for part in parts]
    if len(parts) > 1 and any(kind in ("fade", "exposure") for kind in kinds) \
            and all(kind or _TOPIC_PART.match(part.low) for part, kind in zip(parts, kinds)):
        return [_conditions_measured(parts, kinds)]  # "the colours and the fading": one measured correction
    first_condition = next(index for index, kind in enumerate(kinds + ["end"]) if kind)
    light_first = len(parts) > 1 and kinds[0] in ("fade", "exposure") and not all(kinds)
    if not light_first and (len(parts) < 2 or not 0 < first_condition < len(parts) or not all(kinds[first_condition:])):
        return []                                     # things first, then conditions: "the neck and ears" is no list
    #                                                   (a fault of the light or colour first: "the sun's overexposure
    #                                                   and the flares" — a fault no thing is named by)
    steps: list[Step] = []
    for part, kind in zip(parts, kinds):
        found = parse_condition(Words.of("remove ").join("", part), ctx, settings) if kind else \
            removal_steps(clause, part, ctx)
        if not found or not all(step.calls for step in found):
            return []                                 # "the sign and rain gutter": the gutter is a thing after all
        steps += found
    return steps


def condition_named(low: str) -> Step | None:
    """'the cloudy look', 'all the grain': words that name only a condition of the photo — its measured correction as a
    step (read by the removal, so a complaint about it, 'the cloudy look spoils it', never selects a thing called
    'cloudy'); None for anything else."""
    m = _CONDITION_ONLY.match(low.strip(" ,.!?"))
    kind = condition_kind(m.group("what")) if m else None
    if kind not in ("noise", "haze", "fade"):
        return None
    return enhance_step(_KIND_PARTS[kind], "correcting " + _listed(_KIND_PARTS[kind]) + " by what I measure")


def _listed(parts: list[str]) -> str:
    said = list(dict.fromkeys(PART_SAY[part] for part in parts))
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def _condition_place(low: str, ctx: PlanningContext) -> tuple[dict, str] | None:
    """Where in the photo a condition is said to be ('the fog *at the bottom left*', 'the haze *in the top half*'): a
    strip of the photo as RegionArgs fields and its description; None when no place of the photo is said."""
    found = place_only(low, ctx.image_size)
    if found is not None:
        return found[0], found[1]
    tail = _PLACE_TAIL.search(low)
    area = parse_region(Words.of(tail.group("place")), ctx.image_size) if tail else None
    if tail and area is None:                       # "the fog in the lower left is too thick": a place said bare
        found = place_only(f"in {tail.group('place')}", ctx.image_size)
        area = (found[0], found[1]) if found else None
    return area if area and "problem" not in area[0] else None


def _place_as_thing(thing: Target, ctx: PlanningContext) -> tuple[dict, str] | None:
    """A 'thing' that is only a place of the photo ('the lower left is hazy': the target reader makes it an unnamed
    one placed bottom-left), as the RegionArgs fields of that place and its description; None for a thing named."""
    if thing.target != "object" or not thing.position or "-" not in thing.position and thing.position not in SIDES:
        return None
    found = place_only(f"at the {thing.position.replace('-', ' ')}", ctx.image_size)
    return (found[0], found[1]) if found else None


def _exposure_measured(clause: Words) -> Step:
    """An over- or underexposure asked away: the exposure measured — on the thing it is said of ('the sun's overexposure',
    'the overexposure of the sky'), read the way the words say it is off."""
    said = _OVEREXPOSED.search(clause.low)
    felt = "too_bright" if "over" in said.group(0) else "too_dark"
    thing = None
    for pattern in _EXPOSURE_OF:
        of = pattern.search(clause.low)
        if of and not _NO_THING.fullmatch(of.group("np").split()[-1]):
            thing = parse_target(clause.slice(of.start("np"), of.end("np")), clause)
            if thing is not None and (thing.pronoun or thing.target in IMAGE_WORDS or condition_kind(thing.target)):
                thing = None
            break
    step = enhance_step(["exposure"], "correcting the exposure" + (f" of {thing.describe()}" if thing else "")
                        + " by what I measure", masked=thing is not None, target=thing)
    call = step.calls[-1]
    step.calls[-1] = EnhanceCall(args=EnhanceArgs(**{**call.args.model_dump(), "felt": [felt]}))
    return step


def _conditions_measured(parts: list[Words], kinds: list[str | None]) -> Step:
    """Conditions and topics of the whole photo named in one list: one enhance of every part they need."""
    wanted: list[str] = []
    for part, kind in zip(parts, kinds):
        topic = _TOPIC_PART.match(part.low)
        wanted += _KIND_PARTS[kind] if kind else list(TOPIC_PARTS[topic.group("topic")])
    return enhance_step(list(dict.fromkeys(wanted)), f"correcting {_listed(wanted)} by what I measure")


def parse_condition(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    dark = _DARK_TITLE.match(clause.low)
    if dark and _MOODS.isdisjoint(re.findall(r"[a-z'-]+", dark.group("rest"))):
        return _dark_title(clause.slice(dark.start("rest"), len(clause.low)), ctx, settings)
    steps = _parse_condition(clause, ctx, settings)
    kind = condition_kind(clause.low) if len(steps) == 1 else None
    if kind not in ("noise", "haze", "blur") or len(steps[0].calls) != 1:
        return steps                                  # only a condition of the whole photo takes a tone beside it
    beside = _tone_beside(clause, ctx, settings)
    if beside is None:
        return steps
    tone, tone_first = beside
    return [tone, steps[0]] if tone_first else [steps[0], tone]


def _dark_title(rest: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A photo titled dark beside its other faults: the exposure measured up, with the other faults this module reads
    ('dark, grainy photo' is one enhance of both; 'dark blurry photo' is the exposure, then the sharpening)."""
    exposure = with_felt(enhance_step(["exposure"], "correcting the exposure by what I measure"), ["too_dark"])
    others = parse_condition(rest, ctx, settings)
    if len(others) == 1 and len(others[0].calls) == 1 and isinstance(others[0].calls[0], EnhanceCall) \
            and not others[0].calls[0].args.masked and others[0].calls[0].args.parts:
        parts = ["exposure", *others[0].calls[0].args.parts]
        return [with_felt(enhance_step(parts, f"correcting {_listed(parts)} by what I measure"), ["too_dark"])]
    return [exposure, *(step for step in others if step.calls)]


def _tone_beside(clause: Words, ctx: PlanningContext, settings: Settings) -> tuple[Step, bool] | None:
    """A whole-photo tone change said beside the condition ('make the photo brighter and less grainy'), read from the
    clause with the condition left out, and whether it was said first; None when no comparative asks one, or it is
    of one thing (a thing and its condition are read together elsewhere)."""
    said = _CONDITION_SAID.search(clause.low)
    wished = _TONE_WISHED.search(clause.low)
    if said is None or wished is None or said.start() <= wished.start() < said.end():
        return None
    toned = parse_adjust(clause.blank(said.start(), said.end()), ctx, settings)
    if len(toned) != 1 or toned[0].action != "adjust" or len(toned[0].calls) != 1:
        return None
    return toned[0], wished.start() < said.start()


def _parse_condition(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    kind = condition_kind(low)
    if kind == "blur" and _BLUR_WISHED.search(low):
        return []
    thing = _on_a_thing(clause) if kind in ("noise", "haze", "blur") else None
    place = _place_as_thing(thing, ctx) if thing is not None and kind in ("noise", "haze") else None
    if place is not None:                           # "make the lower left less hazy": that part of the photo (tone26)
        part, how = {"noise": ("denoise", "removing the noise in"), "haze": ("dehaze", "clearing the haze in")}[kind]
        return [enhance_step([part], f"{how} {place[1]}", masked=True, area=place[0])]
    if thing is not None and kind == "blur":
        return [_sharpened(low, thing)]
    if thing is not None:
        part, how = {"noise": ("denoise", "removing the noise of"), "haze": ("dehaze", "clearing the haze over")}[kind]
        return [enhance_step([part], f"{how} {thing.describe()}", masked=True, target=thing)]
    if kind is None:
        if _LOWLIGHT.search(low):                  # "photoshop request: too dark!" — read the way the user sees it
            return [with_felt(enhance_step(["exposure"], "correcting the exposure by what I measure"), felt_readings(low))]
        return []
    np = removal_np(clause)
    mixed = _things_and_conditions(clause, np, ctx, settings) if np is not None else []
    if mixed:
        return mixed
    means = _MEANS.search(low)
    taken_out = np is not None and bool(_CONDITION_FIRST.match(np.low))
    if taken_out:                                     # "take out a bit of the blur in this shot of our horse"
        np = None
    if np is not None and not (means and condition_kind(means.group(0))):
        target = parse_target(np, clause)
        head = target.target.split()[-1] if target else ""
        if target is not None and target.target not in CONDITION_TARGETS and head not in CONDITION_VAGUE_NOUNS \
                and not condition_kind(head) and condition_kind(np.low) not in ("fade", "exposure"):
            return []                                 # ("the washed out look": the fading, whatever its head)
    elif np is None and not taken_out and (kind in ("rain", "snow") or not _RESTORE_CUE.search(low)):
        return []                                     # "change the background to a snowy forest"
    place = _condition_place(low, ctx) if kind in ("noise", "haze") else None
    if place is not None:                             # "remove the fog at the bottom left": that part of the photo
        part, how = {"noise": ("denoise", "removing the noise in"), "haze": ("dehaze", "clearing the haze in")}[kind]
        return [enhance_step([part], f"{how} {place[1]}", masked=True, area=place[0])]
    if kind == "noise":
        return [enhance_step(["denoise"], "removing the noise by what I measure")]
    if kind in ("rain", "snow"):
        return [refusal(_RESTORE_NOTE.format(what="falling rain" if kind == "rain" else "falling snow"))]
    if kind == "haze":
        return [enhance_step(["dehaze"], "clearing the haze")]
    if kind == "fade":
        return [enhance_step(COLOUR_PARTS, "bringing back the faded colours — correcting the colour and tone by what I "
                                           "measure")]
    if kind == "exposure":                           # only said as a removal ("take the overexposure away"): "fix
        return [_exposure_measured(clause)] if np is not None else []    # the overexposure" has a direction (tone's)
    return [_sharpened(low)]


def _sharpened(low: str, thing: Target | None = None) -> Step:
    """The blur asked away: the sharpness turned up, by as much as the words say (on the thing when one is named)."""
    amount = amount_said(low)
    if thing is None:
        return Step("adjust", [adjust({"sharpness": amount})], f"sharpening it against the blur ({amount:+g})")
    return Step("adjust", [select(thing), adjust({"sharpness": amount}, masked=True)],
                f"sharpening {thing.describe()} against the blur ({amount:+g})", on_selection=thing.pointed)
