"""The settings policy: one table that fills whatever the planner left unset.

Values come from the domain guide's denoise table and the anchors (A1111, Fooocus, IOPaint): a
removal regenerates fully and grows the mask well past the object's edge; a recolor keeps the
structure (low strength, "original" fill, tight mask); an added object gets latent noise and room.
Words such as "subtly" or "strength 0.4" arrive as explicit values and are never overridden here.

`resolve_plan` returns a new plan in which every optional setting has a value, plus the list of
fields it filled — that resolved plan is what runs and what the journal records.
"""

from __future__ import annotations

from dataclasses import dataclass

from retouch.agent.plan import (
    AdjustCall, InpaintCall, OutpaintCall, Plan, RefineMaskCall, RegionCall, SelectCall, Task,
)


@dataclass(frozen=True)
class TaskSettings:
    strength: float
    fill: str
    grow: int
    mask_blur: int
    full_resolution: bool
    padding: int = 32
    steps: int = 30
    guidance: float = 7.5
    variations: int = 1
    cleanup_strength: float = 0.0
    shrink: int = 0


SETTINGS: dict[str, TaskSettings] = {
    #                         strength  fill             grow blur full-res
    "remove":     TaskSettings(1.0,  "latent_noise",   14,  8,  True, cleanup_strength=0.35),
    "replace":    TaskSettings(0.85, "original_blur",  16,  8,  True),
    "recolor":    TaskSettings(0.55, "original",        4,  6,  True),
    "add":        TaskSettings(0.95, "latent_noise",    0,  8,  True),
    "fix":        TaskSettings(0.7,  "original",       24,  8,  True, variations=4),
    "background": TaskSettings(0.9,  "latent_noise",    0,  8,  False),
    "refine":     TaskSettings(0.4,  "original",        4,  4,  True),
    "cleanup":    TaskSettings(0.3,  "original",        4,  4,  True),
}
"""One row per task (docs/DESIGN.md §3). `fix` uses 0.7 for hands; faces get 0.6 (see FACE_FIX_STRENGTH)."""

FACE_FIX_STRENGTH = 0.6
FACE_WORDS = ("face", "eyes", "eye", "mouth", "nose", "teeth", "smile", "head")


@dataclass(frozen=True)
class OutpaintSettings:
    step: int = 192
    overlap: int = 96
    feather: int = 32


OUTPAINT = OutpaintSettings()
SELECTION_ONLY_GROW = 2
"""A select with no edit after it (e.g. `retouch mask`) still gets a tiny grow to cover edge pixels."""


def settings_for(task: Task, target: str | None = None) -> TaskSettings:
    row = SETTINGS[task]
    if task == "fix" and target and any(word in target.lower() for word in FACE_WORDS):
        return TaskSettings(**{**row.__dict__, "strength": FACE_FIX_STRENGTH})
    return row


def resolve_plan(plan: Plan) -> tuple[Plan, list[str]]:
    """Fill every unset setting from the table; return the new plan and the paths it filled."""
    resolved = plan.model_copy(deep=True)
    filled: list[str] = []
    last_target: str | None = None
    for index, call in enumerate(resolved.calls):
        if isinstance(call, SelectCall):
            last_target = call.args.phrase or call.args.target
        elif isinstance(call, RefineMaskCall):
            task = _next_task(resolved, index)
            row = settings_for(task, last_target) if task else None
            _fill(call.args, "grow", row.grow if row else SELECTION_ONLY_GROW, f"calls[{index}].grow", filled)
            _fill(call.args, "shrink", row.shrink if row else 0, f"calls[{index}].shrink", filled)
            _fill(call.args, "blur", row.mask_blur if row else 0, f"calls[{index}].blur", filled)
            _fill(call.args, "fill_holes", task in ("remove", "replace", "fix"), f"calls[{index}].fill_holes",
                  filled)
        elif isinstance(call, InpaintCall):
            args = call.args
            row = settings_for(args.task, last_target)
            strength = row.strength
            if args.keep_colors and args.strength is None:
                strength = min(strength, 0.45)
            for name, value in (("strength", strength), ("fill", row.fill),
                                ("full_resolution", row.full_resolution), ("padding", row.padding),
                                ("mask_blur", row.mask_blur), ("steps", row.steps),
                                ("guidance", row.guidance), ("variations", row.variations),
                                ("cleanup_strength", row.cleanup_strength)):
                _fill(args, name, value, f"calls[{index}].{name}", filled)
            if args.task == "remove":
                _fill(args, "leftovers", "ask", f"calls[{index}].leftovers", filled)
            if args.task == "background":
                _fill(args, "background", "generate" if args.prompt else "blur", f"calls[{index}].background",
                      filled)
        elif isinstance(call, OutpaintCall):
            _fill(call.args, "step", OUTPAINT.step, f"calls[{index}].step", filled)
            _fill(call.args, "overlap", OUTPAINT.overlap, f"calls[{index}].overlap", filled)
        elif isinstance(call, (AdjustCall, RegionCall)):
            continue
    return resolved, filled


def _next_task(plan: Plan, index: int) -> Task | None:
    """The task of the first inpaint after a refine_mask: it decides how generous the mask is."""
    for call in plan.calls[index + 1:]:
        if isinstance(call, InpaintCall):
            return call.args.task
        if isinstance(call, (SelectCall, RegionCall)):
            return None
    return None


def _fill(args: object, name: str, value: object, path: str, filled: list[str]) -> None:
    if getattr(args, name) is None:
        setattr(args, name, value)
        filled.append(path)
