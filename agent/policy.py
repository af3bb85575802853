"""The settings policy: one table that fills whatever the planner left unset.

Values come from the domain guide's denoise table and the anchors (A1111, Fooocus, IOPaint): a
removal regenerates fully and grows the mask well past the object's edge; a recolor keeps the
structure (low strength, "original" fill, tight mask); an added object gets latent noise and room.
Words such as "subtly" or "strength 0.4" arrive as explicit values and are never overridden here.

`resolve_plan` returns a new plan in which every optional setting has a value, plus the list of
fields it filled — that resolved plan is what runs and what the journal records. The settings
themselves, and the defaults of those a row leaves out, are declared once in `tools.settings`.
The plan's classes are imported when a plan is resolved, so the command line can read the table
(for its help) without pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from retouch.tools.finders.vocabulary import BLEMISH_LABEL, FACE_PART_LABELS, HAIR_LABEL, SKY_LABEL
from retouch.tools.settings import InpaintSettings, OutpaintSettings, declared

if TYPE_CHECKING:
    from retouch.agent.plan import Plan, Task
    from retouch.tools.capabilities import InpainterCapabilities


@dataclass(kw_only=True)
class TaskSettings(InpaintSettings):
    """A task's row: every inpaint setting (`tools.settings.InpaintSettings`, whose defaults fill
    what the row leaves out) plus how much the selection grows before the edit."""

    grow: int
    shrink: int = 0


def _row(strength: float, fill: str, grow: int, mask_blur: int, full_resolution: bool, **others: Any) -> TaskSettings:
    return TaskSettings(strength=strength, fill=fill, grow=grow, mask_blur=mask_blur,
                        full_resolution=full_resolution, **others)


SETTINGS: dict[str, TaskSettings] = {
    #                 strength  fill             grow blur full-res
    "remove":     _row(1.0,  "latent_noise",   14,  8,  True, cleanup_strength=0.35),
    "replace":    _row(0.85, "original_blur",  16,  8,  True),
    "recolor":    _row(0.55, "original",        4,  6,  True),
    "add":        _row(0.95, "latent_noise",    0,  8,  True),
    "fix":        _row(0.7,  "original",       24,  8,  True, variations=4),
    "background": _row(0.9,  "latent_noise",    0,  8,  False),
    "refine":     _row(0.4,  "original",        4,  4,  True),
    "cleanup":    _row(0.3,  "original",        4,  4,  True),
}
"""One row per task (docs/DESIGN.md §3). `fix` uses 0.7 for hands; faces get 0.6 (see FACE_FIX_STRENGTH).
The fill is the task's preferred one: an inpainter that doesn't offer it gets its own default."""

FLAW_GROW: dict[str, tuple[int, int]] = {"red_eye": (3, 3)}
"""A fix of a named flaw (`InpaintArgs.flaw`) → the selection's grow and soft edge in px, instead of the fix
row's 24 and 8: the red-eye correction takes the red out of what is selected, and eyes grown by 24 px
reach the eyebrows and the hair, whose browns are as red as a flash's pupils by their channels. One result, not
the fix row's 4 variations: the correction is measured, so every variation would be the same (the built-in backend
said so in a note nobody asked for)."""
FACE_PART_RECOLOUR_EDGE = (1, 2)
"""A recolour of a face's part (`tools.finders.vocabulary.FACE_PART_LABELS`: eyes, lips, teeth …) → the selection's
grow and soft edge in px, instead of the recolor row's 4 and 6: those are half an eye's height in a portrait, and
the colour spilt onto the skin around (green eye sockets, white lips round whitened teeth)."""
RECOLOUR_EDGE: dict[str, tuple[int, int]] = {
    **{part: FACE_PART_RECOLOUR_EDGE for part in FACE_PART_LABELS},
    "iris": (0, 1),
    HAIR_LABEL: (1, 3),
    SKY_LABEL: (0, 2),
}
"""A recolour of what a finder outlines closely (its label, `tools.finders.vocabulary`) → the selection's grow and
soft edge in px, instead of the recolor row's 4 and 6, which are for a loose outline. Measured, each on its photo:
- an iris: a portrait's iris is a few pixels across, and even 1 px grown and 2 px soft ringed it with the new
  colour on the lids and the whites (the astronaut);
- hair, whose edge a guided filter has already laid on the photo's own edges: 4 and 6 ringed the astronaut's hair
  with a band of the new colour on the pale backdrop — pixels changed by more than 8 levels over 2 px outside her
  drawn hair 3,120 → 507, the hair itself changed 99.8 % → 98.6 %;
- the sky, cut round roofs and heads by GrabCut and a guided filter: grown 4 px it reached over the dog's head
  ("make the sky blue" tinted its fur blue): pixels of the dog's drawn outline changed by more than 8 levels
  805 → 278, of everything outside the drawn sky 10,061 → 6,295, the sky itself changed 100 % → 99.8 %."""
REMOVE_EDGE: dict[str, tuple[int, int]] = {BLEMISH_LABEL: (2, 2)}
"""A removal of what a finder outlines as a spot a few pixels across → grow and soft edge, not the remove row's 14
and 8 px: grown so, three spots on the astronaut's cheeks were one hole across her face, filled with hair and
backdrop. Such a removal also looks for no leftovers (`inpaint.leftovers` none): a spot is found whole, and the
lips or brows of its colour beside it are no missed part of it (the check asked "remove that too?" about the lips
after "remove the blemishes")."""
SPOT_LABELS = tuple(REMOVE_EDGE)
FACE_FIX_STRENGTH = 0.6
FACE_WORDS = ("face", "eyes", "eye", "mouth", "nose", "teeth", "smile", "head")

ENHANCE_STRENGTH = 1.0
"""enhance: the measured correction, neither more nor less ("a little" is 0.5, "a lot" 1.5 — rules_enhance)."""
SELECTION_ONLY_GROW = 2
"""A select with no edit after it (e.g. `retouch mask`) still gets a tiny grow to cover edge pixels."""


def settings_for(task: Task, target: str | None = None, flaw: str | None = None,
                 selected: str | None = None) -> TaskSettings:
    """The row for `task`, adjusted for what was selected: `target` the select's words (its phrase, else its
    target), `selected` its target alone ("blemish" where the phrase is "blemishes on her skin")."""
    row = SETTINGS[task]
    label = _label(selected or target) if selected or target else None
    edge = {"remove": REMOVE_EDGE, "recolor": RECOLOUR_EDGE}.get(task, {}).get(label or "")
    if edge:
        row = replace(row, grow=edge[0], mask_blur=edge[1])
    if task == "fix" and flaw in FLAW_GROW:
        grow, blur = FLAW_GROW[flaw]
        row = replace(row, grow=grow, mask_blur=blur, variations=1)
    if task == "fix" and target and any(word in target.lower() for word in FACE_WORDS):
        return replace(row, strength=FACE_FIX_STRENGTH)
    return row


def _label(target: str) -> str:
    """What the finder is asked for ("the pimples" → blemish, "her pupils" → iris, "the sky" → sky): the label, not
    the words, picks an edge."""
    from retouch.agent.planner.finder_words import finder_query

    return finder_query(target).target.strip().lower()


def varies_by_task(name: str) -> bool:
    """Whether the policy gives the setting `name` different values for different tasks (the
    command line's help then says "per task" instead of one default)."""
    return len({getattr(row, name) for row in SETTINGS.values()}) > 1


def resolve_plan(plan: Plan, *, inpainter: InpainterCapabilities | None = None) -> tuple[Plan, list[str]]:
    """Fill every unset setting from the table; return the new plan and the paths it filled.

    `inpainter`: what the backend that will run the plan offers. A task's preferred fill it
    doesn't offer becomes its own default fill (without it, the table's fill as it is)."""
    from retouch.agent.plan import EnhanceCall, InpaintCall, OutpaintCall, RefineMaskCall, SelectCall

    resolved = plan.model_copy(deep=True)
    filled: list[str] = []
    last_target: str | None = None
    selected: str | None = None
    for index, call in enumerate(resolved.calls):
        if isinstance(call, SelectCall):
            last_target = call.args.phrase or call.args.target
            selected = call.args.target
        elif isinstance(call, RefineMaskCall):
            following = _next_inpaint(resolved, index)
            task = following.task if following else None
            row = settings_for(task, last_target, following.flaw, selected) if following else None
            _fill(call.args, "grow", row.grow if row else SELECTION_ONLY_GROW, f"calls[{index}].grow", filled)
            _fill(call.args, "shrink", row.shrink if row else 0, f"calls[{index}].shrink", filled)
            _fill(call.args, "blur", row.mask_blur if row else 0, f"calls[{index}].blur", filled)
            _fill(call.args, "fill_holes", task in ("remove", "replace", "fix"), f"calls[{index}].fill_holes",
                  filled)
        elif isinstance(call, InpaintCall):
            args = call.args
            row = settings_for(args.task, last_target, args.flaw, selected)
            if args.keep_colors and args.strength is None:
                row = replace(row, strength=min(row.strength, 0.45))
            if inpainter is not None:
                row = replace(row, fill=inpainter.default_fill(row.fill))
            for item, _, about in declared(InpaintSettings):
                if about.policy:
                    _fill(args, item.name, getattr(row, item.name), f"calls[{index}].{item.name}", filled)
            if args.task == "remove":
                whole = selected is not None and _label(selected) in SPOT_LABELS
                _fill(args, "leftovers", "none" if whole else "ask", f"calls[{index}].leftovers", filled)
            if args.task == "background":
                _fill(args, "background", "generate" if args.prompt else "blur", f"calls[{index}].background",
                      filled)
        elif isinstance(call, OutpaintCall):
            for item, _, about in declared(OutpaintSettings):
                if about.policy:
                    _fill(call.args, item.name, item.default, f"calls[{index}].{item.name}", filled)
        elif isinstance(call, EnhanceCall):
            _fill(call.args, "strength", ENHANCE_STRENGTH, f"calls[{index}].strength", filled)
    return resolved, filled


def _next_inpaint(plan: Plan, index: int) -> Any:
    """The arguments of the first inpaint after a refine_mask: its task (and flaw) decide how generous the
    mask is."""
    from retouch.agent.plan import InpaintCall, RegionCall, SelectCall

    for call in plan.calls[index + 1:]:
        if isinstance(call, InpaintCall):
            return call.args
        if isinstance(call, (SelectCall, RegionCall)):
            return None
    return None


def _fill(args: object, name: str, value: object, path: str, filled: list[str]) -> None:
    if getattr(args, name) is None and value is not None:
        setattr(args, name, value)
        filled.append(path)
