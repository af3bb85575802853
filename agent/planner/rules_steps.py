"""The unit every rules handler returns: one understood edit, its tool calls and its words.

A `Step` is what one clause of the user's message became — "removing the person on the left" with
its select / refine_mask / inpaint calls — or, with no calls, a refusal that says why. The planner
strings steps together into one `Plan` and one reply sentence. The small builders here keep the
handlers free of pydantic boilerplate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from retouch.agent.plan import (
    AdjustArgs, AdjustCall, InpaintArgs, InpaintCall, RefineMaskCall, RegionArgs, RegionCall, SelectCall,
)
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_target import Target
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_vocab import BACKGROUND_NOUNS, SELECTION_WORDS

CAPABILITIES = ("I can remove, replace, recolour or add objects, fix hands and faces, change or blur the "
                "background, extend the canvas, crop/rotate/flip, enhance a photo (colour, exposure, noise, "
                "blur, haze, tilt — by what I measure), and adjust brightness, contrast, saturation, sharpness "
                "and warmth.")

_SELECTION_NAMED = rx(r"(?:^|(?:^|\s)(?:{NOUN_OPENERS}|current|same|whole|entire)\s+|[^a-z'\s-]\s*){SELECTION_WORDS}$")
"""'the mask', 'my selection', 'mask' — but a *face mask* or a *ski mask* is a thing."""
_POINTED = rx(r"(?:{POINTING_WORDS}|{POINTING_WORDS}\s+(?:{POINTED_PARTS})|the\s+thing)$")


@dataclass
class Step:
    """One edit (or one refusal) understood from one clause."""

    action: str
    """remove, replace, recolor, add, fix, background, adjust, outpaint, crop, history, save,
    refuse (nothing to do, `note` says why), social (greetings and thanks), story (a back-story, read as
    context: `note` holds its words) or noted (what not to do, or a second way offered: said, not done)."""
    calls: list = field(default_factory=list)
    say: str = ""
    """A gerund phrase for the reply: "removing the person on the left"."""
    note: str = ""
    """A full sentence added to the reply: a refusal, a substitution, a question back."""
    vague: bool = False
    """An edit asked for with no detail ("extend it") that a more specific one of the same kind in the
    same message replaces ("… feet are cut off" → the bottom)."""
    pointing: bool = False
    """A question back because "it"/"her" points at nothing (no selection): an earlier sentence may name it."""
    prepares: bool = False
    """Its clause only prepares another ('select the woman', 'cut her out', 'turn it upside down' before 'put her in
    the billboard'): when that other is refused as a composite, this goes with it."""
    on_selection: bool = False
    """The thing was named with 'this'/'that' ("remove this dog"): with a selection made since the last edit (pointed
    at, a mask file) the step acts on that selection instead of finding the thing."""
    doubt: str = ""
    """Why the rules are not sure of this step (a name with a verb in it, words left unread): `auto`
    asks an LLM about a request with any doubtful step."""
    alone_question: str = ""
    """The question to ask instead when this is the request's only edit: words that name a topic but no way to move
    it ('Filters', 'colour change'). Beside another edit the measured correction rounds that edit off; alone, any edit
    would be a guess made sure."""


def left_out(step: Step, words: str) -> Step:
    """`step` with `words` of its clause that nothing read: said ("I didn't understand “…”, so I left it out.") and
    the plan made unsure (`doubt`), never dropped silently. The clause-level twin, for whole clauses, is in
    `rules.py`'s reply."""
    said = " ".join(words.split())
    step.doubt = step.doubt or f"“{said}” left out"
    step.note = " ".join(filter(None, [step.note, f"I didn't understand “{said}”, so I left it out."]))
    return step


def whole_clause_read(steps: list[Step], low: str) -> list[Step]:
    """`steps` of a handler that takes its clause whole (a crop to 4:5, a canvas grown, a turn): when the clause has a
    word no declaration of the vocabulary knows and no call holds as its thing or prompt ('crop it to 4:5 zebra'), the
    first step that edits says it was left out (`left_out`) — a wish the handler can't see is never dropped sure."""
    from retouch.agent.planner.word_check import unread_words

    edits = [step for step in steps if step.calls]
    if not edits or any(step.doubt for step in edits):
        return steps                                # nothing done, or already said and unsure
    read = " ".join([*(call.model_dump_json() for step in edits for call in step.calls),
                     *(f"{step.say} {step.note}" for step in edits)]).lower()
    left = unread_words(low, read)
    if left:
        left_out(edits[0], " ".join(left))
    return steps


def refusal(note: str) -> Step:
    return Step("refuse", [], "", note)


def ask(question: str) -> Step:
    """A question back instead of a guess: a number out of range, a name that names nothing."""
    return Step("ask", [], "", question)


_BACKGROUND_SAID = frozenset(noun for noun in BACKGROUND_NOUNS if noun.startswith(("back", "bg")))
"""The background said as such ('the background', 'the backdrop', 'bg') — not the scenery or the setting, which a
landscape with no one in it is all of."""


def select(target: Target, add: bool = False) -> SelectCall:
    """Select `target`. The background named as a thing ('warm the background', 'enhance the backdrop') is selected
    as every edit of the background is — all but the people — since no finder looks for a thing called 'background'
    (the background handler names the subject kept in front when it is no person: `background_step`)."""
    if target.target in _BACKGROUND_SAID and not target.exclude:
        target = Target("person", target.display or "the background", exclude=True)
    return SelectCall(args=target.args(add=add))


def region(fields: dict, relation: str | None = None, add: bool = False) -> RegionCall:
    return RegionCall(args=RegionArgs(**fields, relation=relation, add=add))


def refine() -> RefineMaskCall:
    return RefineMaskCall()


def inpaint(task: str, prompt: str = "", **fields: object) -> InpaintCall:
    return InpaintCall(args=InpaintArgs(task=task, prompt=prompt[:2000], **fields))


def adjust(amounts: dict[str, float], masked: bool = False) -> AdjustCall:
    """Signed amounts, rounded to 3 places; the handlers have checked them against the contract (an
    amount out of range is a question to the user, never a quiet clamp)."""
    return AdjustCall(args=AdjustArgs(**{k: round(v, 3) for k, v in amounts.items()}, masked=masked))


def edit_on(target: Target, task: str, say: str, prompt: str = "", add: bool = False, **fields: object) -> Step:
    """select → refine_mask → inpaint, or just refine → inpaint when the target is "it"/"this"."""
    calls: list = [] if target.pronoun else [select(target, add=add)]
    calls += [refine(), inpaint(task, prompt, **fields)]
    return Step(task, calls, say, on_selection=target.pointed)


def region_refilled(fields: dict, say: str) -> Step:
    """A part of the picture said by place ('clear the top left corner', 'the corner fixed to match the rest'): that
    region repainted from what is around it. One builder, so both ways of asking make the same calls."""
    return Step("remove", [region(fields), refine(), inpaint("remove")], say)


def pronoun_step(task: str, ctx: PlanningContext, say: str, prompt: str = "", **fields: object) -> Step:
    """"remove this", "make it red": the current selection, or a question back when there is none."""
    if ctx.has_selection:
        return Step(task, [refine(), inpaint(task, prompt, **fields)], say.replace("{it}", "the selected area"))
    step = refusal(f"Which part should I {task}? There is no selection yet — name the object "
                   "(\"the man on the left\") or give a mask file.")
    step.pointing = True
    return step


@lru_cache(maxsize=256)
def is_selection(low: str) -> bool:
    """Words that point at the current mask rather than name a thing: "this", "that part", "the selection". Cached:
    target parsing asks it of the same words several times a clause."""
    return bool(_POINTED.match(low.strip()) or _SELECTION_NAMED.search(low.strip()))


_SCENE_OR_SCENE = rx(r"^(?P<first>[a-z][a-z' -]*?[a-z])\s*,?\s+"
                    r"(?:{ALTERNATIVE_LEADS})\s+(?P<alt>(?:(?:a|an|some|the)\s+)?[a-z][a-z' -]*?)\s*[.!?]*$")
_COLOUR_LAST = rx(r"\b(?:{COLORS}|{COLOR_MODIFIERS})$")
"""'a forest or a beach', 'a stream or maybe a lake': one scene, then another offered instead of it (not a colour
choice inside one name, 'a red or blue wall')."""


def background_step(subject: str, display: str, style: str, prompt: str, say: str = "") -> Step:
    """Everything but the subject → inpaint(background): a new scene, a blur, a colour, transparency. Two scenes
    offered with 'or' are never drawn as one: the first is drawn, the other said (as an added thing's are)."""
    target = Target(subject, display, exclude=True)
    offered = _SCENE_OR_SCENE.match(prompt.lower()) if style == "generate" and " or " in prompt.lower() else None
    note = ""
    if offered and not _COLOUR_LAST.search(offered.group("first")):
        first, alternative = prompt[:offered.end("first")], prompt[offered.start("alt"):offered.end("alt")]
        say = say.replace(prompt, first, 1)
        prompt = first
        note = f"(You offered “{alternative}” as another background; I used the first — ask for it by name.)"
    return Step("background", [select(target), refine(), inpaint("background", prompt, background=style)], say,
                note=note)
