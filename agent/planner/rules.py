"""The rules planner: words → `Plan` with no model, well under 5 ms per request.

It is the planner that is always there (docs/DESIGN.md §1, §5). Stages, each its own module (the map of
where a new phrasing goes is docs/planner.md):

1. `rules_text` — clean (escape sequences and control characters go whole), set aside setting words
   ("seed 42", "strength 0.4", "4 variations"), strip manners ("can someone please …, thanks!");
2. `rules_clauses` — cut into clauses, one edit each: sentences, connectors, "and" + a verb, run-on
   lines with no punctuation ("Zoom out Swap the sky for a sunset" → two);
3. `rules_handlers` — each clause goes to the handlers of one table, in the order of their explicit
   priorities (history, save, keep-only, select, enhance, restoration, background, removal-shaped, can't-do, geometry,
   canvas, replace, recolour, fix, add, tone, removal, follow-ups); the first that reads it wins;
4. here — the steps' calls are joined in order and one reply says what will happen, what was
   adjusted (a setting out of range) and what was left out; and the rules say whether they are sure.

The words live in `rules_vocab` (data, one place), every pattern is compiled from its named lists
(`rules_lexicon`), and every number is held to the bounds of the plan contract (`rules_numbers`).

Decisions worth knowing (see each module's docstring for more):
- Settings stay `None` unless the words set them; `agent.policy` fills the rest. "subtly" gives
  0.6 × the task's default strength (not for removals), "completely" 1.0.
- "remove the watermark / the shadow" are object removals: both are things a detector can find.
- "Make it look better", "colour correct this", "too dark and orange" → an `enhance` that measures the
  photo (rules_enhance); restoration words too: blur → sharpen, haze → dehaze, noise → denoise, low
  light → exposure. Rain streaks and falling snow have no tool, so they get an honest empty plan.
- "everything except the dog" → exclude; "remove everything except the dog" → a cut-out
  (transparent background); "remove everyone except the boy" → every person, the boy subtracted, the rest
  inpainted away (`rules_keep_only`); "everyone except me" keeps the largest person, said and unsure.
- Restyling, face swaps, writing text, colourising and moving/resizing objects get an empty plan
  whose reply says what is possible instead.

Nothing here raises: any text, of any length, gives a valid plan.
"""

from __future__ import annotations

import copy
from dataclasses import replace

import re

from retouch.agent.plan import ADJUST_AMOUNTS, AdjustCall, InpaintCall, OutpaintCall, Plan, RefineMaskArgs, RefineMaskCall, SelectCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_clauses import FALLBACK_LEAD, has_command, split_clauses
from retouch.agent.planner.rules_followup import mask_size_step, parse_followup
from retouch.agent.planner.rules_geometry import find_format, zoom_and_crop
from retouch.agent.planner.rules_id_photo import id_photo_as_a_purpose
from retouch.agent.planner.rules_edits import replaced_in_place
from retouch.agent.planner.rules_enhance import exposure_said_once, liveliness_said_once
from retouch.agent.planner.rules_handlers import dispatch
from retouch.agent.planner.rules_keep_only import WISHED_ALONE_DOUBT, join_keep_only
from retouch.agent.planner.rules_remove import COMPLAINT_DOUBT
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import CAPABILITIES, Step, ask, inpaint
from retouch.agent.planner.rules_story import (
    Mention, complained_of, is_help, is_self_account, is_story, mentions, split_story, tells_a_loss, title_mention, with_antecedent,
    blur_told_once, tells_of_blur, tells_of_it, who_is_who, with_afterthoughts_whole, without_told_tail,
)
from retouch.agent.planner.rules_story import without_junk_lead  # a capitalised lead before the wish (#20, wish24)
from retouch.agent.planner.rules_text import (
    Settings, Words, clean, extract_settings, is_social, read_first_verb, read_spelled_numbers, social_kind,
    strip_politeness,
)
from retouch.agent.planner.rules_target import unseen_names  # a name the finder may not know (#20, heads23)
from retouch.agent.planner.rules_region import place_said_apart  # a place said on its own (#20, place25)
from retouch.agent.planner.rules_tone import describe_amounts
from retouch.agent.planner.rules_unsupported import COMPOSITE_NOTE, FACE_SWAP_NOTE, colourise_said_once
from retouch.agent.planner.rules_unsupported import LAYOUT_NOTE  # a layout declined (issue 20, drops27)
from retouch.agent.planner.rules_remove import rest_stays, wanted_gone  # told after a removal (issue 20, cutout28)
from retouch.agent.planner.rules_steps import refine  # two cut-outs joined (issue 20, cutout28)
from retouch.agent.planner.rules_target import singularize  # a held-out part cut out with its thing (cutout28)
from retouch.agent.planner.rules_wishes import invitation_beside_an_edit, open_invitation  # (issue 20, wishes28)
from retouch.agent.policy import settings_for
from retouch.agent.planner.rules_vocab import IMAGE_WORDS, PEOPLE_PRONOUNS, PERSON_WORDS
from retouch.agent.planner.rules_vocab import ONLY_LEADS  # noqa: F401  (read by _LEFT_AFTER; #20, second22)

MAX_CALLS = 64
_SUBTLE = rx(r"\b(?:{SUBTLE_WORDS}|a\s+little(?=\s+(?:bit|more|less|touch|[a-z]+er)\b|\s*$))\b")
_COMPLETE = rx(r"\b{COMPLETE_WORDS}(?!\w)")
_BARE_REMOVAL = rx(r"^(?!(?:{ENHANCE_VERBS})\s*[?.!]*$)(?:{REMOVE_VERBS})\s*[?.!]*$")
"""'remove?' with nothing named: what the story before it named last — but a removal verb that said of the photo is
an enhance ('my aunt passed soon after this. can someone clean up?') works on the photo, never on the one named."""
_QUESTION = rx(r"^{QUESTION_WORDS}\b|\?\s*$")
_HELP = rx(r"^{HELP_WORDS}\b")
_EDIT_WORD = rx(r"\b{SPLIT_VERBS}\b")
_UNDOING = re.compile(r"\b(?:undo|redo|back)\b")
_DESCRIBED = rx(r"^(?P<np>(?:the|my|his|her|their|this|that)\s+[a-z' -]+?)\s+(?:is|are|was|were|looks?|seems?|feels?)\b"
               r"|^(?P<it>it)(?:'s|\s+(?:is|looks|seems))\s")
"""'the sky is too dark', 'it's crooked': something described; a 'fix it' after it asks for that edit, said once."""
_IT = re.compile(r"(?<=\s)(?:it|them)\b")
_PICTURE_NAMED = rx(r"\b(?:{PICTURE_NOUNS})\b")
_VERB_FIRST = rx(r"^{IMPERATIVE_VERBS}\b")
_COMMAND_NAME = rx(r"{IMPERATIVE_VERBS}")
_THING_VERB = rx(r"{NOUN_LIKE_VERBS}")
_AS_PURPOSE = rx(r"\b(?:for|as|use\s+(?:it|this|that)\s+as|to\s+use\s+as)\s+(?:(?:a|an|my|our|the|his|her|their|its)\s+)?"
                 r"(?:\w+\s+)?$")
_PURPOSE_AFTER_LOOK = rx(r"\b(?:[a-z]{3,}er|better)\s+(?P<why>for\s+(?:this|that|my|our|his|her|their|a|an|the)\s+"
                        r"(?:[\w'-]+\s+){0,3}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{TIME_WORDS})s?)\s*[.!?]*$")
"""'make the lawn greener and fuller *for our garden club's page*': what the look is for, after the words that say it —
no thing to edit (a format there, '… for a wallpaper', is kept for the canvas)."""
_FORMAT_AFTER_LOOK = re.compile(r"\b(?:[a-z]{3,}er|better)\s+(?P<why>for\s+(?:this|that|my|our|his|her|their|a|an|the)\s+"
                                r"(?:[\w'-]+\s+){0,3}?[\w'-]+)\s*[.!?]*$")
"""'… sharper *for my desktop background*': a format as what the look is for, however it is named."""
_SEEN_AFTER_TONE = rx(r"^(?:{TONE_VERBS})(?:\s+(?:up|it|this|that|(?:the|this|my)\s+(?:{PICTURE_NOUNS})))*"
                      r"(?:\s+(?:a\s+)?(?:bit|little|lot|touch|tad|more|slightly))*"
                      r"(?P<why>\s+so\s+(?:that\s+)?(?:you|we|i|u|one|people|everyone)\s+(?:can|could|will|would|are\s+able\s+to)\s+"
                      r"(?:{SEE_VERBS})\b.*)$")
"""'lighten the photo *so you can see the trail*': a tone verb on the whole picture and what it is for — the tone, the
purpose read (not 'the photo see the trail' as a thing, nor the verb as one)."""
_LIMIT_AFTER = rx(r"(?:\s*,)?(?:\s+but)?\s+(?P<said>without\s+(?:(?:it|them|this|that|everything|(?:the|this|my)\s+"
                  r"(?:{PICTURE_NOUNS}))\s+)?(?:{LIMIT_VERBS})\s+.*)$")
"""'brighten it up, but *without it looking too bright*': a limit on the edit before it, noted — never read as a second
wish ('too bright' a diagnosis) nor as part of the thing ('it up')."""
_LEFT_AFTER = rx(r"\s*,?\s+so\s+(?:that\s+)?(?P<left>(?:{ONLY_LEADS}|its\s+(?:just|only)|only|just|there(?:'s|\s+is|\s+are|\s+will\s+be)"
                 r"\s+(?:just|only))\s+.+)$")
"""'erase the lady in green *so it's just my aunt and her cat*', '… *so that there are only* bushes behind': what a
removal leaves, told after it — the people and things named there stay, never a second removal (the cat) nor part of
the name ('lady in green so it's just my aunt'); '… *so only* the bride is left' is the same (cutout28)."""
_RESHAPING = rx(r"\b(?:{RESHAPE_VERBS}|resiz\w*|scal\w*|format\w*)\b")
_CUT_OUT = re.compile(r"\bcut\s+(?:\w+\s+){0,4}?out\b|\bcut\s*-?\s*out\b|\bcutout\b|\bisolate\b")
_CROPPED_OUT = re.compile(r"\bcrop(?:ped)?\s+(?:\w+\s+){0,4}?out\b")
"""'crop the boy out', 'my aunt has to be cropped out': a cut-out, as 'cut X out' is, when a new background follows —
unless the thing has a place ('crop out the girl at the left' picks one of several to go)."""
_OUT_OF_A_PLACE = rx(r"\bout\s+of\s+(?:my|the|this|that|our|his|her|their)\s+(?:[a-z'-]+\s+)?"
                     r"(?!(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{BACKGROUND_NOUNS})\b)[a-z'-]+(?=\s*(?:$|[,.;!?]|\s+and\b))")
"""'photoshop me out of my messy room', 'get the dog out of the yard': taken out of a place, not out of the picture —
a cut-out, as 'cut X out' is, when a new background follows (the room is what goes, the one named stays)."""
_FACE = rx(r"\b{FACE_WORDS}\b")
_INSTRUCTIONS = rx(r"\b{INSTRUCTION_ASKS}\b|\bhow\s+(?:do|can|would|should|to)\b.*\b(?:in|with|using)\s+{OTHER_APPS}\b")
"""Asking to be taught ('teach me how', 'how do I … in lightroom'), not for the edit."""
_AGAIN = re.compile(r"\b(?:again|once\s+more|twice|another\s+time|repeat)\b")
_PREPARES = rx(r"^(?:{PREPARING_VERBS})\b(?!\s+(?:(?:the|this|my|whole|entire)\s+)*(?:{PICTURE_NOUNS})\b)"
               r"|^(?:put|place|stick|paste|drop)\s+(?:it|them|him|her)\s+(?:in|into|on|onto|inside|over)\b")
"""'select her', 'flip it' before a composite prepare it, and 'put it in the sink' places what it took: they go with
the declined composite; 'mirror the image' is an edit of its own, kept."""
_LOOK_FIXED = rx(r"^(?:make|get)\s+(?:it|them|this|these|those)\s+(?:look\s+)?(?:\w+\s+)?{NATURAL_LOOKS}\b")
"""'fix her fringe *and have it look tidy*': how the fix should look, not a second edit."""
_ELABORATION = rx(r"^(?P<lead>like|maybe|so|i\s+mean|e\.?g\.?|for\s+example|especially|mostly)?[\s,]*(?:(?:a\s+)?(?:bit|little|lot)\s+)?"
                  r"(?:(?:more|less)\s+[a-z]+|[a-z]+er)(?:\s*(?:,|and|or)\s*(?:(?:more|less)\s+[a-z]+|[a-z]+er))*[\s?!.]*$")
"""'improve this one? *So, crisper? Less dark?*': comparatives with no verb after an enhance say what it
should reach, not a second edit."""
_VERBLESS = rx(r"^(?:the|his|her|their|my|its|our)\s+[a-z'-]+(?:\s+[a-z'-]+)?(?:/[a-z'-]+)?\s+(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much"
              r"|slightly|way|even)\s+)*(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}|(?:{COLOR_MODIFIERS}\s+)?{COLORS})\b")
"""'make the sky darker *and the grass greener*': a clause of a thing and a comparative takes the verb before it (a
thing named two ways with a slash, '… and the lawn/turf yellow', too)."""
_FIX_IT = rx(r"^(?:{ENHANCE_VERBS}|sort\s+out|deal\s+with)\s+(?:it|that|this|them)(?:\s+up)?(?:\s+(?:please|pls))?$"
             r"|^sort\s+(?:it|that|this|them)\s+out(?:\s+(?:please|pls))?$")
"""'… is too dark. Can you fix it?': the description already asked for the edit."""
_ASKED_OF_IT = rx(r"^(?:{ASKING_MODALS}|is|does)\s+(?:it|this|that)\b")
"""A question about the edit just asked for ('remove the bin, *could it look natural?*'), not a new enhance."""
_ALTERNATIVE = re.compile(r"^(?:or\b[\s,]*(?:at\s+least\b[\s,]*)?|" + FALLBACK_LEAD + ")")
"""A second way offered for the same edit ("…, or at the very least make him harder to see", "…, if that's too hard,
just crop him out"): the first is done."""
_NEGATED = rx(r"^(?:(?:and|but|also|please|just)\s+)*(?:(?:{DO_NOT}|never)\s+(?!(?:want|need|like|wanna)\b)"
              r"|(?:{INSTEAD_OF})\s+[a-z]+ing\b)")
"""What not to do is no edit: 'don't make the photo darker', 'do not touch the colours', and the edit a contrast sets
aside — '*instead of brightening it*, darken it' (issue 20, tone21: it brightened)."""
_EXAMPLES = "e.g. “remove the person on the left”, “make it brighter” or “blur the background”"


class RulesPlanner:
    """Deterministic, dependency-free planner backend (name "rules").

    No warm-up: its patterns compile on first use (`rules_lexicon.LazyPattern`), so a first request pays for the
    ~130 it reads (~0.18 s CPU) where planning twenty warm-up requests cost ~0.4 s on every start, `retouch plan`
    included."""

    name = "rules"

    def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
        return self.plan_with_confidence(text, context)[0]

    def plan_with_confidence(self, text: str, context: PlanningContext | None = None) -> tuple[Plan, bool]:
        """The plan, and whether the rules understood the whole request. Not confident: a clause
        with an edit word went unrecognised ("I didn't understand …"), nothing was recognised at
        all ("I'm not sure what to change …"), or a step is doubtful (a name that reads like a
        second request) — the requests `auto` hands to an LLM. A deliberate refusal, a question
        back, a greeting or help are confident answers."""
        try:
            text, ctx = text if isinstance(text, str) else str(text), context or PlanningContext()
            plan, sure = _plan(text, ctx)
            rest = without_junk_lead(text, asked_nothing=not plan.calls and not sure)
            if rest is not None:                       # "SKIPPED All that's needed is …": the wish after it
                again, sure_again = _plan(rest, ctx)
                if again.calls and again.calls != plan.calls:
                    lead = text[:len(text) - len(rest)].strip()
                    return again.model_copy(update={"reply": f"{again.reply} (I left out “{lead}” before it.)"}), sure_again
            return plan, sure
        except Exception:                              # never let a planner bug reach the user as a crash
            return Plan(calls=[], reply=f"Sorry — I couldn't work out an edit from that. {CAPABILITIES}"), False


def _whole_photo(step: Step) -> bool:
    """'select the entire image': a selection of the whole photo, which a later 'it' needs no pointing at."""
    return all(isinstance(call, SelectCall) and call.args.target in IMAGE_WORDS for call in step.calls)


def _plan(text: str, ctx: PlanningContext) -> tuple[Plan, bool]:
    words = clean(text)
    if not words.low.strip(" .!?,;"):
        return Plan(calls=[], reply=f"Tell me what to change, {_EXAMPLES}."), True
    if _INSTRUCTIONS.search(words.low):                    # "explain how to fix his face in PS"
        return Plan(calls=[], reply="I make the edit rather than teach how to make it in another app — say what to "
                                    f"change here, {_EXAMPLES}, and I'll do it."), True
    undoing = bool(_UNDOING.search(words.low))
    words, spelled = read_spelled_numbers(words)
    words, settings = extract_settings(words, undoing)
    settings.notes[:0] = spelled
    if settings.problem:
        return Plan(calls=[], reply=settings.problem), True
    steps: list[Step] = []
    unknown: list[str] = []
    described: tuple[Words, list[Step]] | None = None      # "the sky is too dark" (then: "brighten it")
    earlier: list[Mention] = []                             # what the story named ("my friend …, photoshop her out")
    helps: list[Words] = []                                 # "help please" — an enhance unless a complaint says what
    elaborating = False                                     # the last clause said how an enhance should look
    purposes: set[int] = set()                              # canvas steps read from "… for a wallpaper" alone
    cut_outs: set[int] = set()                              # removals said as "cut X out" (a cut-out, if a background follows)
    held_parts: set[int] = set()                            # … of a part held out ("cut out the dog and its raised paw")
    blur_told: set[int] = set()                             # steps read from blur told ("he came out blurry"), not asked
    bare_removals: list[Step] = []                          # "remove?" naming nothing: what to ask if no complaint names it
    invited: set[int] = set()                               # enhances read from "have fun with it" alone
    title: Mention | None = None                            # "Mountains - make them stand out": what "them" is
    for clause in join_keep_only(with_afterthoughts_whole(split_clauses(words))):
        story, clause = split_story(clause)
        if story is not None:
            earlier.extend(mentions(story))
        if is_help(clause.low):                             # "Can anyone help?": read last, after any complaint
            helps.append(clause)
            continue
        clause, typo = read_first_verb(strip_politeness(clause))
        if typo:
            settings.notes.append(typo)
        if is_social(clause.low):
            steps.append(Step("social", note=social_kind(clause.low)))
            continue
        other = _ALTERNATIVE.match(clause.low)
        if other and any(step.calls for step in steps):     # "remove him, or at the very least make him harder to see"
            steps.append(Step("noted", note=f"(You also offered “{_short(clause.orig[other.end():], 50)}”; say it if "
                                           "you'd rather have that.)"))
            continue
        if other:
            clause = clause.slice(other.end(), len(clause.low)).strip()
        if any(step.calls for step in steps) and (rest_stays(clause.low) or wanted_gone(clause.low)
                                                  and any(step.action == "remove" for step in steps)):
            continue                                        # "… Everything else can stay", "… my boss wants it gone"
        if _NEGATED.match(clause.low):                      # "but please don't make the picture any darker"
            steps.append(Step("noted", note=f"(Noted: “{_short(clause.orig, 50)}”.)"))
            continue
        if is_self_account(clause.low) or tells_a_loss(clause.low) or who_is_who(clause) \
                or steps and tells_of_it(clause.low):        # "I'm hopeless at photoshop", "the negative was lost in a
            described = None                                # flood", "she's the one in red", "(…,) my son put it up":
            steps.append(Step("story", note=clause.orig))   # tells, asks nothing
            continue
        if is_help(clause.low):                             # "Help, please!": read last, after any complaint
            helps.append(clause)
            continue
        if described and (any(step.calls for step in described[1]) or _declined(described[1])) \
                and _FIX_IT.match(clause.low) \
                or steps and steps[-1].action == "fix" and _LOOK_FIXED.match(clause.low) \
                or steps and steps[-1].action == "enhance" and _ELABORATION.match(clause.low) \
                and (elaborating or _ELABORATION.match(clause.low).group("lead")):
            elaborating = True                              # "her face is grainy, can you fix it": said once
            continue
        elaborating = False
        limit = _LIMIT_AFTER.search(clause.low)
        if limit and limit.start() > 0:                    # "brighten it, but without it looking too bright"
            settings.notes.append(f"(Noted: “{_short(clause.orig[limit.start('said'):], 50)}”.)")
            clause = clause.slice(0, limit.start()).strip()
        clause, told = without_told_tail(clause)
        if told is not None:                                # "… so I can frame it", "…, my son put it up there"
            steps.append(Step("story", note=told.orig))
            if not clause.low:
                continue
        clause, shaped_for = _look_and_purpose(clause)
        clause = _removal_before_what_is_left(clause, ctx, settings)
        in_place = replaced_in_place(clause, steps, dispatch, ctx, settings)
        if in_place is not None:                            # "remove the lamp and replace it with a vase"
            steps = in_place
            continue
        said = _said_of(clause, described)
        found = dispatch(said, ctx, settings) if said is not None else []
        if found and not any(step.calls for step in found) and \
                [step.note for step in found] == [step.note for step in described[1]]:
            continue                                        # "his tie is crooked, straighten it": declined once
        if found and any(step.calls for step in found):
            for step in described[1]:                       # the description was no request of its own, or
                if not step.calls or step.action == found[0].action:     # the same one, said better
                    steps.remove(step)
            if described[0].orig in unknown:
                unknown.remove(described[0].orig)
        else:
            found = dispatch(clause, ctx, settings)
        if found and all(step.action == "enhance" for step in found) and _ASKED_OF_IT.match(clause.low) \
                and any(step.calls and step.action != "enhance" for step in steps):
            steps.append(Step("noted", note=f"(Noted: “{_short(clause.orig, 50)}”.)"))
            continue                                        # "remove the bin, could it look natural?": of the edit
        if earlier and _BARE_REMOVAL.match(clause.low):     # "… a man walked into our shot. Remove?"
            named = next(m for m in earlier if m.said == earlier[-1].said)     # the first of the last sentence's
            again = dispatch(clause.join(" ", Words.of(f"the {named.name}")), ctx, settings)
            if any(step.calls for step in again):
                found = again
                unknown = [u for u in unknown if u != named.said]          # the story said what to remove
        if _BARE_REMOVAL.match(clause.low) and not any(step.calls for step in found):
            bare_removals.extend(found)                     # "… photobombed the toast, remove?": a complaint
            continue                                        # may name it (asked only if nothing does)
        if not found and steps and steps[-1].calls and _VERBLESS.match(clause.low):
            found = dispatch(Words.of("make ").join("", clause), ctx, settings)    # "… and the grass greener"
        pointed_back = False
        if title is not None and found and _THEM.search(clause.low) and (all(step.pointing for step in found) or
                not any(isinstance(call, SelectCall) and not _them_as_people(call, clause.low)
                        for step in found for call in step.calls)):
            them = _THEM.search(clause.low)                 # "Mountains - make them stand out": the mountains
            named = clause.slice(0, them.start()).join("", Words.of(f"the {title.name}")) \
                .join("", clause.slice(them.end(), len(clause.low)))
            again = dispatch(named, ctx, settings)
            if any(isinstance(call, SelectCall) for step in again for call in step.calls):
                found, pointed_back = again, True
                unknown = [u for u in unknown if u != title.said]
            title = None
        if not pointed_back and found and all(step.pointing for step in found) and steps \
                and steps[-1].doubt == COMPLAINT_DOUBT:
            continue                                        # "the bin stole the show. Remove it?": removed already
        if not pointed_back and found and all(step.pointing for step in found):   # "… a bin next to me. Remove it?"
            resolved = with_antecedent(clause, earlier)
            again = dispatch(resolved[0], ctx, settings) if resolved is not None else []
            if any(step.calls for step in again):
                found = again
                unknown = [u for u in unknown if u != resolved[1].said]   # the complaint named what to remove
        if found and not _AGAIN.search(clause.low):       # "… after removing the background", said again
            found = [step for step in found if not _said_before(step, steps)]
            if not found:
                continue
        if shaped_for is not None and not any(step.calls for step in found):
            found = dispatch(clause.join(" ", shaped_for), ctx, settings)    # the look read nothing: as said
        elif shaped_for is not None:                        # "brighter for a phone wallpaper": the look, and the
            for step in dispatch(shaped_for, ctx, settings):     # format as what it is for (its shape kept, said)
                if step.action in ("outpaint", "crop"):
                    purposes.add(id(step))
                    found.append(step)
        if found:
            shape_as_purpose = _format_as_purpose(clause.low)
            for step in found:
                step.prepares = bool(step.calls) and bool(_PREPARES.match(clause.low))
                if shape_as_purpose and step.action in ("outpaint", "crop"):
                    purposes.add(id(step))
                if step.action == "remove" and (_CUT_OUT.search(clause.low) or _OUT_OF_A_PLACE.search(clause.low)
                                                or _CROPPED_OUT.search(clause.low)
                                                and step.calls and isinstance(step.calls[0], SelectCall)
                                                and step.calls[0].args.position is None):
                    cut_outs.add(id(step))
                    if _held_part(step, clause.low):
                        held_parts.add(id(step))
                if ctx.fresh_selection and step.on_selection and step.calls and isinstance(step.calls[0], SelectCall):
                    step.calls = step.calls[1:]                 # "remove this dog" with the dog just pointed at
                _apply_clause_words(step, clause.low, settings)
                step.doubt = step.doubt or _doubt(step)
            if tells_of_blur(clause.low):
                blur_told.update(id(step) for step in found)
            if open_invitation(clause.low):
                invited.update(id(step) for step in found if step.action == "enhance")
            steps.extend(found)
            if all(step.action == "select" and step.calls and not _whole_photo(step) for step in found):
                ctx = replace(ctx, has_selection=True, fresh_selection=True)     # "select the kite and make it red"
        elif is_story(clause.low):
            steps.append(Step("story", note=clause.orig))
        else:
            unknown.append(clause.orig)
            title = title_mention(clause) if not steps and len(unknown) == 1 else None
        if not any(step.calls for step in found):
            earlier.extend(mentions(clause))
        subject = _DESCRIBED.match(clause.low)
        described = (clause.slice(0, subject.end("np" if subject.group("np") else "it")), found) if subject else None
    steps = zoom_and_crop(steps, ctx)                                     # "zoom in, and crop it": in closer
    if any(step.action == "crop" and _cuts(step) for step in steps):       # "crop and zoom in on that person"
        steps = [step for step in steps if not (step.vague and not step.calls and step.action == "refuse")]
    steps = _kept_among_removed(steps)                                  # "erase the vans … every van but the white one"
    steps = _cut_out_onto(_cut_outs_joined(_faces_replaced(_shape_only_as_a_purpose(steps, purposes)), cut_outs,
                                           held_parts), cut_outs)
    steps = exposure_said_once(_wish_after_a_removal(steps), words.low)   # "too dark, lighten it": the lighten alone
    steps = blur_told_once(steps, blur_told)                              # "he came out blurry, fix this": the fix alone
    steps = invitation_beside_an_edit(steps, invited)                     # "remove the bin, have fun with it": no enhance
    steps = liveliness_said_once(steps, words.low)                       # "make it pop. the colours are too flat"
    steps = colourise_said_once(steps)                                    # "from b&w, and add colour": declined once
    steps = _asked_when_alone(steps)                                     # "Filters", "colour change": which way?
    steps = id_photo_as_a_purpose(steps)                                 # "… white background. It's for my ID": noted
    if any(step.note in (COMPOSITE_NOTE, FACE_SWAP_NOTE, LAYOUT_NOTE) for step in steps):   # "… cut her out and put her in …"
        steps = [step for step in steps if not step.prepares]
    if not any(s.calls or s.action in ("refuse", "ask") for s in steps) and settings.new_seed:
        steps.extend(parse_followup(Words("again", "again"), ctx, settings))
    if not any(s.calls or s.action in ("refuse", "ask") for s in steps):
        steps.extend(_mask_settings(settings, ctx))         # "grow it by 10 px" after an edit or with a selection
    named_by_complaint = False
    if not any(s.calls or s.action in ("refuse", "ask") for s in steps):    # "a man walked into my shot. Help!"
        before = len(steps)
        steps, unknown = _complaint(steps, unknown, ctx, settings)
        named_by_complaint = len(steps) > before
    if bare_removals and not named_by_complaint:
        steps.extend(bare_removals)                         # "remove?" that nothing named: asked, never dropped
    if helps and not any(s.calls or s.action in ("refuse", "ask") for s in steps):
        steps.extend(step for clause in helps for step in dispatch(clause, ctx, settings))
    elif helps:
        steps.append(Step("story", note=helps[0].orig))
    if not any(s.calls or s.action in ("refuse", "ask", "social") for s in steps):
        unknown = [s.note for s in steps if s.action == "story"] + unknown     # a story and no ask: not sure
    steps, unknown = _placed_apart(steps, unknown)
    settings.notes.extend(filter(None, [unseen_names(
        [call.args.target for step in steps for call in step.calls if isinstance(call, SelectCall)], text)]))
    return _assemble(steps, unknown, settings, words.low), _confident(steps, unknown)


_THEM = re.compile(r"\bthem\b")


def _them_as_people(call: SelectCall, low: str) -> bool:
    """'brighten them' selects people for the bare pronoun — after a title that names many things ('Boats: could
    you brighten them?') the title is what 'them' points at."""
    return call.args.target == "person" and not call.args.position and not any(
        word in PERSON_WORDS and word not in PEOPLE_PRONOUNS for word in re.findall(r"[a-z]+", low))


def _removed_targets(step: Step) -> list[str]:
    """The things a removal step selects, by their finder name ('the two women' and 'all the women' are both woman)."""
    return [call.args.target for call in step.calls if isinstance(call, SelectCall)]


def _said_before(step: Step, steps: list[Step]) -> bool:
    """The same edit, with the same calls, already planned ('remove the background … after removing the
    background'): done once."""
    if not step.calls:
        return False
    if step.vague and step.action == "remove":              # "… re-add the grass while removing the men": the men
        named = _removed_targets(step)                      # an earlier clause removed, said again in passing
        if any(earlier.action == "remove" and _removed_targets(earlier) == named for earlier in steps):
            return True
    dumped = [call.model_dump() for call in step.calls]
    return any(earlier.calls and [call.model_dump() for call in earlier.calls] == dumped for earlier in steps)


def _look_and_purpose(clause: Words) -> tuple[Words, Words | None]:
    """The clause without a purpose said after its look ('… brighter and sharper for my sister's birthday'), and that
    purpose when it names a format ('brighter *for a phone wallpaper*': read by the canvas handler as a purpose)."""
    seeing = _SEEN_AFTER_TONE.match(clause.low)
    if seeing:                                              # "lighten it so you can see the trail": the tone
        return clause.slice(0, seeing.start("why")).strip(), None
    m = _PURPOSE_AFTER_LOOK.search(clause.low)
    if m is None:
        m = _FORMAT_AFTER_LOOK.search(clause.low)
        if m is None or not find_format(m.group("why")):
            return clause, None
    look = clause.slice(0, m.start("why")).strip()
    return look, clause.slice(m.start("why"), m.end("why")) if find_format(m.group("why")) else None


def _removal_before_what_is_left(clause: Words, ctx: PlanningContext, settings: Settings) -> Words:
    """The removal alone when what it should leave is told after it ('remove the van so it's just the barn and the
    fields' removes the van; the barn and the fields stay), noted in the reply. Only a clause whose words before the
    'so' plan a removal by themselves is cut: a background taken away ('… so it's just the dog') keeps what is left,
    a crop ('crop it so it's just the boat') goes in to it, 'remove everyone else so …' asks who stays, and 'remove
    the stuff behind so it's just her on white' is a background change, read whole. The outcome restates the removal,
    so nothing is said of it."""
    m = _LEFT_AFTER.search(clause.low)
    if m is None or m.start() == 0:
        return clause
    head = clause.slice(0, m.start()).strip()
    if not all(_removals_only(dispatch(said, ctx, copy.deepcopy(settings))) for said in (head, clause)):
        return clause
    return head


def _removals_only(steps: list[Step]) -> bool:
    return bool(steps) and all(step.action == "remove" and step.calls for step in steps)


def _format_as_purpose(low: str) -> bool:
    """'… for a wallpaper', 'I want this as my profile picture': a format said as what the photo is for, with no
    word that reshapes it ('make it my wallpaper', 'crop it for a cover' do)."""
    found = find_format(low)
    return bool(found) and bool(_AS_PURPOSE.search(low[:found[0].start()])) and not _RESHAPING.search(low)


def _shape_only_as_a_purpose(steps: list[Step], purposes: set[int]) -> list[Step]:
    """A format said only as the purpose of other edits ('remove the cars, I want it for a wallpaper') reshapes
    nothing: the other edits are done and the reply says how to ask for the shape."""
    if not purposes or not any(step.calls and id(step) not in purposes for step in steps):
        return steps
    kept = [step for step in steps if id(step) not in purposes]
    kept.append(Step("noted", note="(I kept the photo's shape; say “make it a wallpaper” or “crop it for a cover” to "
                                   "crop or extend it.)"))
    return kept


def _cut_out_onto(steps: list[Step], cut_outs: set[int]) -> list[Step]:
    """'cut the giraffe out and set it on a white backdrop', 'get myself cut out, I need a transparent background':
    what is cut out is kept, on the background said after it — one background step around it, no removal."""
    out: list[Step] = []
    for index, step in enumerate(steps):
        later = next((s for s in steps[index + 1:] if s.action == "background" and s.calls), None)
        if later is not None and _transparent_cut_out(step) and _on_default_subject(later):
            kept = step.calls[0].args                       # "isolate the cat and turn the background white"
            later.calls[0].args = later.calls[0].args.model_copy(update={
                "target": kept.target, "phrase": kept.phrase, "position": kept.position})
            later.calls[1:1] = step.calls[1:-2]             # "isolate the bed and the cats …": each one kept
            names = " and the ".join(call.args.phrase or call.args.target for call in step.calls[:-2])
            later.say = later.say.replace("the background", f"the background behind the {names}", 1)
            continue
        if later is not None and _transparent_cut_out(step) and _around_same_subject(step, later):
            name = step.calls[0].args.phrase or step.calls[0].args.target   # "remove everything but the cat, …"
            if "behind" not in later.say:                                    # "… put a beach behind the cat"
                later.say = later.say.replace("the background", f"the background behind the {name}", 1)
            continue
        if id(step) in cut_outs and later is not None and step.calls and isinstance(step.calls[0], SelectCall):
            kept = step.calls[0].args
            select_call = later.calls[0]
            if isinstance(select_call, SelectCall) and select_call.args.exclude:
                who = kept.target if kept.target not in ("me", "myself", "us", "ourselves") else "person"
                select_call.args = select_call.args.model_copy(update={"target": who, "phrase": kept.phrase,
                                                                       "position": kept.position})
                if who != "person":                       # "cut the cat out and make it a png": the cat, said
                    name = kept.phrase or who
                    later.say = later.say.replace("the subject", f"the {name}", 1) if "the subject" in later.say \
                        else later.say.replace("the background", f"the background behind the {name}", 1)
                continue
        if out and step.calls and [c.model_dump() for c in step.calls] == [c.model_dump() for c in out[-1].calls]:
            continue                                  # "cut me out … I need a transparent background": said twice
        if out and _transparent_cut_out(out[-1]) and _transparent_on_default_subject(step):
            continue                                  # "… leaving just the scooter, make the background transparent"
        out.append(step)
    return out


_HELD_PART = rx(r"\b(?:(?:its|his|her|their)\s+(?:(?:{HELD_OUT_POSES})\s+)?|(?:{HELD_OUT_POSES})\s+)"
                r"(?P<part>{SOILED_PARTS})\b")
"""'cut out the chicken, also cut out *its raised leg*', '… and *the outstretched wing*': a part of the thing just
named, owned or held out."""


def _held_part(step: Step, low: str) -> bool:
    """The removal's thing is a part said as the named thing's own or as held out ('its tail', 'the raised paw')."""
    first = step.calls[0] if step.calls else None
    return isinstance(first, SelectCall) and any(
        singularize(m.group("part"))[0] == first.args.target for m in _HELD_PART.finditer(low))


def _kept_among_removed(steps: list[Step]) -> list[Step]:
    """A removal of every thing of a kind, then a removal of the same kind that keeps some of them ('take the vans out
    of this shot …, then erase every van but the white one'): the later one says which stay, so the first — which
    would take those too — goes."""
    kept_from = [step.calls[0].args for step in steps if step.action == "remove" and len(step.calls) > 3
                 and isinstance(step.calls[0], SelectCall) and isinstance(step.calls[1], SelectCall)
                 and step.calls[0].args.all and step.calls[1].args.subtract]
    return [step for step in steps if not (step.action == "remove" and len(step.calls) == 3 and any(
        isinstance(step.calls[0], SelectCall) and step.calls[0].args == args for args in kept_from))]


def _cut_outs_joined(steps: list[Step], cut_outs: set[int], held_parts: set[int]) -> list[Step]:
    """Two cut-outs said one after the other are one cut-out keeping both — 'cut out the chicken, also cut out its
    raised leg', 'cut out the dog and the raised paw' (a part of it, held out), 'isolate the kite, cut-out the boy too':
    two removals of a thing and its own part make no sense, and a second cut-out run after the first would erase what
    the first kept. A part not said as the thing's ('cut out the toilet and the hand') stays a removal."""
    out: list[Step] = []
    for step in steps:
        before = out[-1] if out else None
        if before is not None and _cut_out_kept(before, cut_outs) and (
                id(step) in held_parts or _transparent_cut_out(step) and not _transparent_on_default_subject(step)):
            out[-1] = _joined_cut_out(before, step)
            continue
        out.append(step)
    return out


def _cut_out_kept(step: Step, cut_outs: set[int]) -> bool:
    """A step that keeps or cuts out a named thing: 'cut X out' (a removal until something says it is kept) or a
    transparent cut-out."""
    return bool(step.calls) and isinstance(step.calls[0], SelectCall) and (
        id(step) in cut_outs and step.action == "remove" or _transparent_cut_out(step))


def _joined_cut_out(first: Step, second: Step) -> Step:
    """One transparent cut-out keeping every thing the two steps select, in the order said."""
    kept = [call.args for call in (*first.calls, *second.calls) if isinstance(call, SelectCall)]
    kept = [args for index, args in enumerate(kept)
            if (args.target, args.phrase) not in [(a.target, a.phrase) for a in kept[:index]]]
    selects = [SelectCall(args=args.model_copy(update={"exclude": index == 0, "subtract": index > 0}))
               for index, args in enumerate(kept)]
    names = " and ".join(f"the {args.phrase or args.target}" for args in kept)
    return Step("background", [*selects, refine(), inpaint("background", "", background="transparent")],
                f"cutting out {names} (transparent background)")


def _transparent_cut_out(step: Step) -> bool:
    """A background step that keeps a thing on nothing ('isolate the dog', 'cut the cat out as a png')."""
    return step.action == "background" and len(step.calls) >= 3 \
        and all(isinstance(call, SelectCall) for call in step.calls[:-2]) \
        and isinstance(step.calls[-1], InpaintCall) and step.calls[-1].args.background == "transparent"


def _transparent_on_default_subject(step: Step) -> bool:
    """'make the background transparent' with no one named: after a cut-out of a named thing, the same cut-out said
    again (not a second one around the person the planner would assume)."""
    first = step.calls[0] if step.action == "background" and step.calls else None
    return _transparent_cut_out(step) and isinstance(first, SelectCall) and first.args.target == "person" \
        and first.args.phrase in (None, "", "subject")


def _around_same_subject(cut_out: Step, later: Step) -> bool:
    """A new background said later around the very thing a cut-out kept: the cut-out is only its first half (what is
    behind it goes, then the new one is put there), so the later step alone does both."""
    kept, first = cut_out.calls[0], later.calls[0]
    return len(cut_out.calls) == 3 and isinstance(kept, SelectCall) and isinstance(first, SelectCall) \
        and first.args.exclude and first.args.target == kept.args.target


def _on_default_subject(step: Step) -> bool:
    """A background step around the subject it assumed (no subject was named in its own words)."""
    first = step.calls[0]
    return isinstance(first, SelectCall) and first.args.exclude and first.args.target == "person" \
        and first.args.phrase in (None, "", "subject") and not _transparent_cut_out(step)


def _faces_replaced(steps: list[Step]) -> list[Step]:
    """'crop out the guy's face, put a cat's face on top': a face taken out and a made-up face put in its place are
    one replace of that face."""
    out: list[Step] = []
    for step in steps:
        prev = out[-1] if out else None
        added = next((c.args.prompt for c in step.calls if isinstance(c, InpaintCall) and c.args.task == "add"), "")
        if prev is not None and prev.action == "remove" and _FACE.search(added) and prev.calls and \
                isinstance(prev.calls[0], SelectCall) and _FACE.search(prev.calls[0].args.target):
            calls = [prev.calls[0], *(c for c in prev.calls[1:] if not isinstance(c, InpaintCall))]
            calls.append(inpaint("replace", added))
            out[-1] = Step("replace", calls, prev.say.replace("removing", "replacing", 1) + f" with {added}")
            continue
        out.append(step)
    return out


def _complaint(steps: list[Step], unknown: list[str], ctx: PlanningContext,
               settings: Settings) -> tuple[list[Step], list[str]]:
    """A request that only complains about a thing and asks for help ("strangers wandered into my shot — help!")
    asks for it to go: the removal is planned, said, and marked doubtful (auto may ask an LLM)."""
    for said in unknown + [s.note for s in steps if s.action == "story"]:
        thing = complained_of(Words.of(said))
        if thing is None:
            continue
        found = dispatch(Words.of("remove ").join("", thing), ctx, settings)
        if not any(step.calls for step in found):
            continue
        found[0].note = " ".join(filter(None, [found[0].note, f"(I read “{_short(said, 50)}” as asking to remove it.)"]))
        found[0].doubt = COMPLAINT_DOUBT
        return steps + found, [u for u in unknown if u != said]
    return steps, unknown


def _mask_settings(settings: Settings, ctx: PlanningContext) -> list[Step]:
    """Only mask settings ("grow it by 10 px", "shrink the mask by 4", "feather the edges by 3"): the last generated
    edit redone with its mask changed by exactly that, or else the active selection changed by it."""
    change = settings.grow if settings.grow is not None else -settings.shrink if settings.shrink is not None else None
    if change is not None and settings.feather is None and not ctx.has_selection:
        step = mask_size_step(change, ctx)
        if step is not None:
            settings.grow = settings.shrink = None            # the redo holds the sum; nothing else overrides it
            return [step]
    if not ctx.has_selection or change is None and settings.feather is None:
        return []
    said = [f"{verb} the selection by {value} px" for verb, value in (
        ("growing", settings.grow), ("shrinking", settings.shrink), ("feathering", settings.feather)) if value is not None]
    call = RefineMaskCall(args=RefineMaskArgs(grow=settings.grow, shrink=settings.shrink, blur=settings.feather))
    settings.grow = settings.shrink = settings.feather = None
    return [Step("refine", [call], " and ".join(said))]


def _placed_apart(steps: list[Step], unknown: list[str]) -> tuple[list[Step], list[str]]:
    """'remove my cousin from this photo? (guy on the right)': a place said apart, left unread, is where the one thing
    the request selects stands — only when exactly one select names no place (issue 20, place25)."""
    selects = [(step, call) for step in steps for call in step.calls if isinstance(call, SelectCall)]
    if len(selects) != 1 or selects[0][1].args.position or selects[0][1].args.all or selects[0][1].args.exclude:
        return steps, unknown
    for said in unknown:
        position = place_said_apart(said)
        if position:
            step, call = selects[0]
            call.args.position = position
            step.say = f"{step.say} (the one on the {position.replace('-', ' ')})" if step.say else step.say
            return steps, [u for u in unknown if u != said]
    return steps, unknown


def _declined(steps: list[Step]) -> bool:
    """The description was answered with a refusal ("his tie is crooked": no tool straightens one thing): a "fix it"
    after it asks for that same thing, declined already."""
    return bool(steps) and all(step.action == "refuse" and not step.vague for step in steps)


def _said_of(clause: Words, described: tuple[Words, list[Step]] | None) -> Words | None:
    """"the background is too busy, blur it": the clause with "it" read as the thing just described."""
    if described is None or _PICTURE_NAMED.search(described[0].low):
        return None                                     # "the one shot we have got spoilt by …": "it" is the flaw
    m = _IT.search(clause.low)
    if not m or not _VERB_FIRST.match(clause.low):
        return None
    return clause.slice(0, m.start()).join("", described[0]).join("", clause.slice(m.end(), len(clause.low)))


def _doubt(step: Step) -> str:
    """Why a step the handlers made is not to be trusted: a name that swallowed a second request, or
    that is a command word itself ("remove the add")."""
    for call in step.calls:
        if isinstance(call, SelectCall):
            named = (call.args.phrase or call.args.target).lower()
            target = call.args.target.lower()
            if has_command(f"x {named}") or _COMMAND_NAME.fullmatch(target) and not _THING_VERB.fullmatch(target):
                return f"the name “{named}” reads like another request"
    return ""


def _confident(steps: list[Step], unknown: list[str]) -> bool:
    """Nothing silent: a doubtful step, or any clause that is neither an edit, a question, a greeting nor a
    story, makes the rules unsure."""
    if any(step.doubt for step in steps):
        return False
    if any(_EDIT_WORD.search(u.lower()) for u in unknown):
        return False
    understood = any(s.calls or s.action in ("refuse", "ask", "social") for s in steps)
    if unknown and any(s.calls or s.action in ("refuse", "ask") for s in steps):
        return False
    return understood or not unknown or bool(_HELP.search(unknown[0].lower().strip()) or
                                             _QUESTION.search(unknown[0].lower().strip()))


def _apply_clause_words(step: Step, low: str, settings: Settings) -> None:
    """'subtly' / 'completely' in this clause set the strength of this clause's inpaints."""
    if settings.strength is not None:
        return
    target = next((c.args.phrase or c.args.target for c in step.calls if isinstance(c, SelectCall)), None)
    for call in step.calls:
        if not isinstance(call, InpaintCall) or call.args.strength is not None or step.action == "history":
            continue
        task = call.args.task
        if _SUBTLE.search(low) and task != "remove":
            call.args.strength = round(settings_for(task, target).strength * 0.6, 2)
        elif _COMPLETE.search(low) and settings_for(task, target).strength < 1.0:
            call.args.strength = 1.0


def _apply_settings(calls: list, settings: Settings) -> None:
    for call in calls:
        if isinstance(call, InpaintCall):
            args = call.args
            for name in ("seed", "strength", "variations", "steps", "guidance"):
                value = getattr(settings, name)
                if value is not None:
                    setattr(args, name, value)
            if settings.keep_colors:
                args.keep_colors = True
        elif isinstance(call, OutpaintCall) and settings.seed is not None:
            call.args.seed = settings.seed
        elif isinstance(call, RefineMaskCall):
            for name, field in (("grow", "grow"), ("shrink", "shrink"), ("feather", "blur")):
                value = getattr(settings, name)
                if value is not None:
                    setattr(call.args, field, value)


def _assemble(steps: list[Step], unknown: list[str], settings: Settings, low: str) -> Plan:
    calls: list = []
    done: list[Step] = []
    notes: list[str] = []
    dropped = 0
    for step in steps:
        if done and (_merge_adjust(done[-1], step) or _merge_outpaint(done[-1], step, calls)
                     or _merge_enhance(done[-1], step)):
            continue
        if step.action in ("social", "refuse", "ask") or not step.calls:
            if step.note and step.action not in ("social", "story"):
                notes.append(step.note)
            continue
        if len(calls) + len(step.calls) > MAX_CALLS:
            dropped += 1
            continue
        calls.extend(step.calls)
        done.append(step)
        if step.note:
            notes.append(step.note)
    _apply_settings(calls, settings)
    if calls:
        notes.extend(settings.notes)
    if dropped:
        notes.append(f"That was a lot at once — I left out the last {dropped} edit(s); ask for them next.")
    if unknown and (done or notes):
        left = "”, “".join(_short(u, 40) for u in unknown[:3]) + ("”, …" if len(unknown) > 3 else "”")
        notes.append(f"I didn't understand “{left}, so I left {'it' if len(unknown) == 1 else 'them'} out.")
    if done:
        says = [s.say for s in done if s.say]
        sentence = ", then ".join(says) if says else "running the edit"
        reply = sentence[0].upper() + sentence[1:] + "."
        extra = _settings_text(settings)
        if extra:
            reply = reply[:-1] + f" ({extra})."
        return Plan(calls=calls, reply=_cap(" ".join([reply, *notes])))
    if notes:
        return Plan(calls=[], reply=_cap(" ".join(dict.fromkeys(notes))))
    social = [s.note for s in steps if s.action == "social"]
    if social and not unknown:
        if "thanks" in social:
            return Plan(calls=[], reply="You're welcome! Anything else to change?")
        return Plan(calls=[], reply=f"Hi! Tell me what to change, {_EXAMPLES}.")
    text = unknown[0] if unknown else low
    if not text.strip(" .,!?;:"):                        # only setting words: "seed 42", "grow the mask by 4 px"
        said = " ".join([_settings_text(settings), *settings.notes]).strip() or "settings"
        return Plan(calls=[], reply=_cap(f"I read only settings ({said}) — say what to edit with them, e.g. "
                                         "“remove the dog, seed 42”."))
    # Nothing here names an edit, so the reply asks one back (a question mark the user and the scorer can read),
    # rather than only listing what can be done: a title, a back-story or a bare "help" is a request still unsaid.
    if _HELP.search(text.lower().strip()):
        return Plan(calls=[], reply=CAPABILITIES + f" What should I change? Just say it, {_EXAMPLES}.")
    if _QUESTION.search(text.lower().strip()):
        return Plan(calls=[], reply=_cap(f"I edit pictures rather than answer questions about them — what should I "
                                         f"change? For example {_EXAMPLES[5:]}."))
    return Plan(calls=[], reply=_cap(f"I'm not sure what to change in “{_short(text)}” — what should I do? "
                                     f"{CAPABILITIES} Try {_EXAMPLES[5:]}."))


def _merge_adjust(prev: Step, step: Step) -> bool:
    """'brighter? it's too dark' says one thing twice: a whole-image adjust right after another joins it."""
    if not (prev.action == step.action == "adjust" and len(prev.calls) == len(step.calls) == 1):
        return False
    a, b = prev.calls[0], step.calls[0]
    if not (isinstance(a, AdjustCall) and isinstance(b, AdjustCall)) or a.args.masked or b.args.masked:
        return False
    amounts = {}
    for name in ADJUST_AMOUNTS:
        old, new = getattr(a.args, name), getattr(b.args, name)
        if new is not None and (old is None or abs(new) > abs(old)):
            setattr(a.args, name, new)
        if getattr(a.args, name) is not None:
            amounts[name] = getattr(a.args, name)
    prev.say = describe_amounts(amounts)
    prev.note = " ".join(n for n in (prev.note, step.note) if n)
    return True


def _merge_enhance(prev: Step, step: Step) -> bool:
    """'it's grainy, can you clean the grain' asks for one enhance: a whole-picture enhance right after another
    joins it (auto wins over parts; the stronger strength is kept)."""
    if not (prev.action == step.action == "enhance" and len(prev.calls) == len(step.calls) == 1):
        return False
    a, b = prev.calls[0].args, step.calls[0].args
    if a.masked or b.masked or ("straighten" in (a.parts or ())) != ("straighten" in (b.parts or ())):
        return False                                # a turn is no part of auto: "straighten it, fix the colours" is two
    a.parts = None if a.parts is None or b.parts is None else list(dict.fromkeys(a.parts + b.parts))
    a.keep_all = a.keep_all or b.keep_all
    a.strength = max((s for s in (a.strength, b.strength) if s is not None), default=None)
    if b.parts is None and step.say:
        prev.say = step.say
    prev.note = " ".join(n for n in (prev.note, step.note) if n)
    return True


def _cuts(step: Step) -> bool:
    """A crop step that cuts the picture (a box, a ratio, around a thing, a border) — not only a flip or a turn: "crop it
    and flip" still asks how to crop."""
    return any(call.tool == "crop" and (call.args.box or call.args.aspect or call.args.keep_selection or call.args.trim
                                       or call.args.center_on_selection)
               for call in step.calls)


def _wish_after_a_removal(steps: list[Step]) -> list[Step]:
    """'get the man out, I want a picture of only us': the outcome says why the removal was asked — it is noted, not
    a second removal of everyone but the largest people."""
    if not any(step.action == "remove" and step.calls and step.doubt != WISHED_ALONE_DOUBT for step in steps):
        return steps
    return [Step("noted", note="(I took the outcome you describe as the reason for the removal.)")
            if step.doubt == WISHED_ALONE_DOUBT else step for step in steps]


def _merge_outpaint(prev: Step, step: Step, calls: list) -> bool:
    """'Can someone extend this photo? Feet are cut off' asks for one canvas growth: a vague "extend
    it" next to a specific one (a side, a ratio) is the specific one."""
    if not (prev.action == step.action == "outpaint" and len(prev.calls) == len(step.calls) == 1):
        return False
    if prev.vague and not step.vague and calls and calls[-1] is prev.calls[0]:
        calls[-1] = step.calls[0]
        prev.calls, prev.say, prev.note, prev.vague = step.calls, step.say, step.note, False
        return True
    return step.vague and not prev.vague


def _settings_text(settings: Settings) -> str:
    parts = []
    if settings.seed is not None:
        parts.append(f"seed {settings.seed}")
    if settings.strength is not None:
        parts.append(f"strength {settings.strength:g}")
    if settings.variations:
        parts.append(f"{settings.variations} variations")
    if settings.steps:
        parts.append(f"{settings.steps} steps")
    if settings.keep_colors:
        parts.append("keeping the colours")
    for name, value in (("mask grown", settings.grow), ("mask shrunk", settings.shrink),
                        ("mask feathered", settings.feather)):
        if value is not None:
            parts.append(f"{name} by {value} px")
    return ", ".join(parts)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _cap(reply: str) -> str:
    return reply if len(reply) <= 2000 else reply[:1999] + "…"


def _asked_when_alone(steps: list[Step]) -> list[Step]:
    """A step whose words name a topic and no way ('Filters', 'lighting change') is its question when it is the
    request's only edit (`Step.alone_question`): beside another edit the measured correction stays."""
    edits = [step for step in steps if step.calls]
    if len(edits) != 1 or not edits[0].alone_question:
        return steps
    return [ask(edits[0].alone_question) if step is edits[0] else step for step in steps]
