"""The agent API that the CLI and the chat both call: words in, a new version out.

`Agent.handle("remove the person on the left")` plans (rules or LLM), fills unset settings from
the policy, runs the edit, and commits the result to the session — or raises `RetouchError`
with nothing written. Because the CLI, `retouch run` and the chat all go through here, the same
words with the same seed and models give the same pixels everywhere.
"""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from retouch.agent.config import Settings
from retouch.agent.executor import Backends, Executor, ProgressCallback
from retouch.agent.plan import HistoryCall, Plan, SaveCall, SelectArgs, ToolCall, validate_plan
from retouch.agent.planner.base import Planner, PlanningContext
from retouch.agent.policy import resolve_plan
from retouch.agent.session import Session
from retouch.tools.errors import Cancelled, RetouchError
from retouch.tools.masks import Mask


@dataclass
class StepOutcome:
    """What one request did, for the CLI to print and the chat to show."""

    words: str
    plan: Plan
    reply: str
    version: int
    """The current version after the step (unchanged when nothing was edited)."""
    new_versions: list[int] = field(default_factory=list)
    variation_paths: list[Path] = field(default_factory=list)
    saved: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    selected: bool = False
    """The step changed the selection (the chat shows the mask overlay)."""

    @property
    def changed(self) -> bool:
        return bool(self.new_versions)


class Agent:
    def __init__(self, session: Session, planner: Planner | None = None, backends: Backends | None = None,
                 *, settings: Settings | None = None, overwrite_saves: bool = False) -> None:
        self.session = session
        self._planner = planner
        self.executor = Executor(backends or Backends())
        self.settings = settings or Settings()
        self.overwrite_saves = overwrite_saves
        self.mask: Mask | None = None
        self.selection: SelectArgs | None = None
        self._restore_selection()

    # ------------------------------------------------------------ planning

    @property
    def planner(self) -> Planner:
        if self._planner is None:
            from retouch.agent import registry

            self._planner = registry.load("planner", "rules")
        return self._planner

    def context(self) -> PlanningContext:
        image_size = None
        with Image.open(self.session.version_path()) as current:
            image_size = current.size
        last = self.session.last_edit()
        last_plan = None
        if last is not None and last.get("resolved"):
            try:
                last_plan = validate_plan(last["resolved"], "journal")
            except RetouchError:
                last_plan = None
        return PlanningContext(image_size=image_size, has_selection=self.mask is not None and bool(self.mask.any()),
                               last_selection=self.selection, last_plan=last_plan, version=self.session.head,
                               version_count=len(self.session.state.versions))

    def plan(self, words: str) -> Plan:
        return self.planner.plan(words, self.context())

    # ------------------------------------------------------------ doing

    def set_mask(self, mask: Mask | None) -> None:
        """Make a user's mask (e.g. `--mask FILE`) the current selection."""
        self.mask = None if mask is None else np.asarray(mask, dtype=np.uint8).copy()
        self.selection = None

    def select_at(self, x: int, y: int) -> StepOutcome:
        """Select the thing at pixel (x, y) of the current version — a click in the chat, `--point`
        on the command line — so "remove this" or "make this navy" acts on it. The selection is
        journaled like "select the dog" (a mask file, no new version)."""
        from retouch.tools.point_select import select_at_point

        pick = select_at_point(self.current_image(), (x, y), self.executor.backends.finder())
        words = f"(point {pick.point[0]},{pick.point[1]})"
        self.session.commit_selection(mask_png=_png(Image.fromarray(pick.mask, "L")),
                                      record={"words": words, "point_selection": pick.to_record()})
        self.mask, self.selection = pick.mask, None
        reply = f"Selected {pick.describe()}. Say what to do with it, e.g. 'remove this'."
        return StepOutcome(words=words, plan=Plan(reply=reply), reply=reply, version=self.session.head,
                           selected=True)

    def handle(self, words: str, *, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None, seed: int | None = None) -> StepOutcome:
        """Plan the words and apply the plan. An empty plan is a reply, not an error."""
        plan = self.plan(words)
        return self.apply(plan, words=words, progress=progress, cancel=cancel, seed=seed)

    def apply(self, plan: Plan, *, words: str = "", progress: ProgressCallback | None = None,
              cancel: threading.Event | None = None, seed: int | None = None,
              base_dir: Path | None = None) -> StepOutcome:
        """Run a plan: history moves and saves act on the session; edit calls make one new version."""
        outcome = StepOutcome(words=words, plan=plan, reply=plan.reply, version=self.session.head)
        for kind, calls in _segments(plan.calls):
            if kind == "history":
                for call in calls:
                    self._move(call)
            elif kind == "save":
                for call in calls:
                    outcome.saved.append(self.save(Path(call.args.path), overwrite=self.overwrite_saves))
            else:
                self._edit(plan, calls, words, outcome, progress=progress, cancel=cancel, seed=seed,
                           base_dir=base_dir)
        outcome.version = self.session.head
        return outcome

    def _edit(self, plan: Plan, calls: list[ToolCall], words: str, outcome: StepOutcome, *,
              progress: ProgressCallback | None, cancel: threading.Event | None, seed: int | None,
              base_dir: Path | None) -> None:
        segment = self.settings.apply(Plan(calls=calls, reply=plan.reply))
        if seed is not None:
            segment = _with_seed(segment, seed)
        resolved, filled = resolve_plan(segment)
        started = time.perf_counter()
        image = self.current_image()
        result = self.executor.run(resolved.calls, image, self.mask, selection=self.selection,
                                   base_dir=base_dir, progress=progress, cancel=cancel)
        if cancel is not None and cancel.is_set():
            raise Cancelled()  # cancelled during the last tool: drop its result, commit nothing
        seconds = round(time.perf_counter() - started, 4)
        seeds = [r["seed"] for r in result.records if "seed" in r]
        resolved_with_seeds = _record_seeds(resolved, result.records)
        record: dict[str, Any] = {
            "words": words, "plan": segment.model_dump(mode="json"),
            "resolved": resolved_with_seeds.model_dump(mode="json"), "filled": filled,
            "calls": result.records, "seeds": seeds, "timings": {"total_seconds": seconds},
        }
        mask_png = _png(Image.fromarray(result.mask, "L")) if result.mask is not None else None
        if result.changed_image:
            number = self.session.commit_edit(images=[_png(image) for image in result.images],
                                              mask_png=mask_png, record=record)
            outcome.new_versions.append(number)
            outcome.variation_paths = [self.session.version_path(number), *self.session.state.versions[number].variations]
        elif mask_png is not None:
            self.session.commit_selection(mask_png=mask_png, record=record)
            outcome.selected = True
        outcome.selected = outcome.selected or any(r["tool"] in ("select", "region") for r in result.records)
        outcome.notes.extend(result.notes)
        self.mask = result.mask
        self.selection = result.selection

    def _move(self, call: HistoryCall) -> None:
        args = call.args
        if args.action == "undo":
            self.session.undo(args.steps)
        elif args.action == "redo":
            self.session.redo(args.steps)
        else:
            self.session.revert(args.version if args.version is not None else 0)
        self._restore_selection()

    def undo(self, steps: int = 1) -> int:
        number = self.session.undo(steps)
        self._restore_selection()
        return number

    def redo(self, steps: int = 1) -> int:
        number = self.session.redo(steps)
        self._restore_selection()
        return number

    def revert(self, number: int) -> int:
        number = self.session.revert(number)
        self._restore_selection()
        return number

    def pick(self, index: int) -> int:
        return self.session.pick_variation(index)

    def save(self, path: Path, *, overwrite: bool = False) -> Path:
        """Write the current version to `path` in the format its extension names."""
        from retouch.tools.imageio import load_image, save_image

        return save_image(load_image(self.session.version_path()), path, overwrite=overwrite)

    def current_image(self) -> Image.Image:
        from retouch.tools.imageio import load_image

        return load_image(self.session.version_path())

    def _restore_selection(self) -> None:
        """After undo/redo or on resume, the selection is the one the current version was made with."""
        self.mask, self.selection = None, None
        entry = self.session.last_edit()
        if entry is None or not entry.get("mask"):
            return
        mask_path = self.session.root / entry["mask"]
        if mask_path.exists():
            with Image.open(mask_path) as opened:
                mask = np.asarray(opened.convert("L")).copy()
            with Image.open(self.session.version_path()) as current:
                if current.size == (mask.shape[1], mask.shape[0]):
                    self.mask = mask
        for call in reversed((entry.get("resolved") or {}).get("calls", [])):
            if call.get("tool") == "select":
                self.selection = SelectArgs.model_validate(call["args"])
                break


def _segments(calls: list[ToolCall]) -> list[tuple[str, list[ToolCall]]]:
    """Split a plan into runs: history moves, saves, and edits (each edit run is one version)."""
    segments: list[tuple[str, list[ToolCall]]] = []
    for call in calls:
        kind = "history" if isinstance(call, HistoryCall) else "save" if isinstance(call, SaveCall) else "edit"
        if segments and segments[-1][0] == kind:
            segments[-1][1].append(call)
        else:
            segments.append((kind, [call]))
    return segments


def _with_seed(plan: Plan, seed: int) -> Plan:
    """A seed given on the command line applies to every generating call the words left unseeded."""
    copy = plan.model_copy(deep=True)
    for call in copy.calls:
        if call.tool in ("inpaint", "outpaint") and call.args.seed is None:
            call.args.seed = seed
    return copy


def _record_seeds(plan: Plan, records: list[dict[str, Any]]) -> Plan:
    """The resolved plan with the seeds actually used, so `retouch apply` reproduces the result."""
    copy = plan.model_copy(deep=True)
    for call, record in zip(copy.calls, records):
        if "seed" in record and hasattr(call.args, "seed"):
            call.args.seed = record["seed"]
    return copy


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()
