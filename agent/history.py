"""A PNG's history, read for `retouch apply FILE.png`: every step checked before the first one runs.

The history comes from wherever the file did, so it is data to check, never instructions to
follow: its length is capped (`agent.bounds`: a 3,500-step history would write versions until the
disk is full), each step must have a shape Retouch writes (a point step's gestures pass
`tools.gestures`, a plan passes the plan schema), saves and history moves inside a plan are dropped (a file must never
make Retouch write elsewhere), and a mask file a plan names must lie beside the PNG. A damaged
step is one line naming it — before any version is written, not after forty of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from retouch.agent.bounds import check_steps
from retouch.agent.plan import HistoryCall, Plan, RegionCall, SaveCall, validate_plan
from retouch.agent.workspace import Workspace
from retouch.tools.errors import RetouchError

if TYPE_CHECKING:
    from retouch.tools.gestures import Gestures

StepKind = Literal["edit", "select", "point", "mask"]
MAX_WORDS = 2000
"""The words a replayed step is journaled with are cut to this (a history is not a novel)."""


@dataclass(frozen=True)
class HistoryStep:
    """One step to replay: a plan to apply, gestures to select with (clicks, a box), or a mask file to
    take from --mask."""

    number: int
    kind: StepKind
    words: str = ""
    plan: Plan | None = None
    gestures: Gestures | None = None


def read_history(metadata: dict[str, Any], *, source: str, base_dir: Path | None = None,
                 max_steps: int | None = None) -> list[HistoryStep]:
    """Every step of `metadata` (what `tools.provenance.read_provenance` returns), checked; any
    problem is one RetouchError naming the step. `base_dir`: the PNG's folder, where a plan's mask
    files must lie (default: the working folder)."""
    steps = metadata.get("steps")
    if not isinstance(steps, list) or not steps:
        raise RetouchError(f"{source} records no steps, so there is nothing to replay")
    check_steps(len(steps), f"the history of {source}", max_steps)
    folder = (base_dir or Path.cwd()).resolve()
    beside = Workspace([folder], described=f"the folder of {source} ({folder})",
                       hint="A history reads mask files only from beside its PNG: copy the mask there "
                            "to replay it.")
    return [_step(number, step, source, folder, beside) for number, step in enumerate(steps, start=1)]


def _step(number: int, step: object, source: str, folder: Path, beside: Workspace) -> HistoryStep:
    where = f"step {number} of {source}"
    if not isinstance(step, dict):
        raise RetouchError(f"{where} is damaged (not a step)", "It was not written by Retouch, or was changed since.")
    kind = step.get("kind")
    if kind == "point":
        from retouch.tools.gestures import Gestures

        return HistoryStep(number, "point", gestures=Gestures.from_step(step, where))
    if kind == "mask":
        return HistoryStep(number, "mask")
    if kind not in ("edit", "select"):
        raise RetouchError(f"{where} can't be replayed (its history was not recorded)")
    plan = validate_plan(step.get("plan"), f"{source} step {number}")
    # Only the edits are replayed: a file must never make Retouch write elsewhere or move history.
    calls = [call for call in plan.calls if not isinstance(call, (SaveCall, HistoryCall))]
    for call in calls:
        if isinstance(call, RegionCall) and call.args.mask_path:
            beside.inside(call.args.mask_path, f"{where}: the mask file", base=folder)
    words = step.get("words", "")
    return HistoryStep(number, kind, words=(words if isinstance(words, str) else "")[:MAX_WORDS],
                       plan=plan.model_copy(update={"calls": calls}))

