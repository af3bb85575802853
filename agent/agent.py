"""The agent API that the CLI and the chat both call: words in, a new version out.

`Agent.handle("remove the person on the left")` plans (rules or LLM), fills unset settings from
the policy, runs the edit, and commits the result to the session — or raises `RetouchError`
with nothing written. Because the CLI, `retouch run` and the chat all go through here, the same
words with the same seed and models give the same pixels everywhere.
"""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

import numpy as np
from PIL import Image
from pydantic import ValidationError

from retouch.agent.config import Settings
from retouch.agent.executor import Backends, Executor, ProgressCallback
from retouch.agent.plan import (
    HistoryCall, Plan, RegionCall, SaveCall, SelectArgs, SelectCall, ToolCall, validate_plan,
)
from retouch.agent.planner.base import Planner, PlanningContext
from retouch.agent.policy import resolve_plan
from retouch.agent.session import Session
from retouch.agent.workspace import Workspace
from retouch.tools.errors import AmbiguousTarget, Cancelled, RetouchError
from retouch.tools.masks import Mask
from retouch.tools.settings import check_seed

if TYPE_CHECKING:
    from retouch.tools.gestures import BoxGesture, Gestures, PointGesture
    from retouch.tools.point_select import PointPick


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


@dataclass
class PendingRequest:
    """A request that stopped to ask which one ("I see 2 people — …"), waiting for `Agent.answer`."""

    words: str
    plan: Plan
    """The calls still to run, starting with the edit that asked."""
    question: AmbiguousTarget
    seed: int | None = None
    base_dir: Path | None = None


class Agent:
    """One request at a time holds the session (`Session.transaction`) from planning to commit, so
    a request made while another is running — in this process or another — waits for it and then
    builds on its result. `on_wait` hears about such a wait (the CLI prints it)."""

    def __init__(self, session: Session, planner: Planner | None = None, backends: Backends | None = None,
                 *, settings: Settings | None = None, overwrite_saves: bool = False,
                 on_wait: Callable[[str], None] | None = None, current_image: Image.Image | None = None,
                 load_planner: Callable[[], Planner] | None = None, workspace: Workspace | None = None) -> None:
        """Build one with `agent.builder.build_agent` (backends and settings by name and config
        file). `load_planner` makes the planner when it is first needed (default: the rules).
        `workspace`: every file a plan names (a save, a region's mask file) must lie inside it."""
        self.session = session
        self.workspace = workspace
        self._planner = planner
        self._load_planner = load_planner
        self.executor = Executor(backends or Backends())
        self.settings = settings or Settings()
        self.overwrite_saves = overwrite_saves
        self.on_wait = on_wait
        self.mask: Mask | None = None
        self.selection: SelectArgs | None = None
        self._selection_steps: list[dict[str, Any]] = []
        """Selection-only steps since the last edit, for the next version's provenance."""
        self._pointing: list[PointPick] = []
        self._before_pointing: tuple[Mask | None, SelectArgs | None, list[dict[str, Any]]] = (None, None, [])
        """The selection before the first gesture, for undoing that gesture."""
        self.pending: PendingRequest | None = None
        """The request waiting for an answer to its question; a new request or a history move drops it."""
        self._notes: list[str] = []
        self._decoded: tuple[Path, Image.Image] | None = (
            None if current_image is None else (session.version_path(), current_image))
        self._restore_selection()

    # ------------------------------------------------------------ planning

    @property
    def planner(self) -> Planner:
        if self._planner is None:
            if self._load_planner is None:
                from retouch.agent.builder import build_planner

                self._load_planner = lambda: build_planner("rules")
            self._planner = self._load_planner()
        return self._planner

    def context(self) -> PlanningContext:
        image_size = None
        try:
            with Image.open(self.session.version_path()) as current:
                image_size = current.size
        except OSError:
            pass  # a damaged version file: `current_image` says so, in one line, when the edit reads it
        last = self.session.last_edit()
        last_plan = None
        if last is not None and last.get("resolved"):
            try:
                last_plan = validate_plan(last["resolved"], "journal")
            except RetouchError:
                last_plan = None
        has_selection = self.mask is not None and bool(self.mask.any())
        return PlanningContext(image_size=image_size, has_selection=has_selection,
                               fresh_selection=has_selection and bool(self._selection_steps),
                               last_selection=self.selection, last_plan=last_plan, version=self.session.head,
                               version_count=len(self.session.state.versions))

    def plan(self, words: str) -> Plan:
        return _without_pick_policy(self.planner.plan(words, self.context()))

    # ------------------------------------------------------------ doing

    def set_mask(self, mask: Mask | None) -> None:
        """Make a user's mask (e.g. `--mask FILE`) the current selection."""
        self.mask = None if mask is None else np.asarray(mask, dtype=np.uint8).copy()
        self.selection = None
        self._pointing = []
        self._selection_steps = [] if mask is None else [{"kind": "mask", "source": "mask file"}]

    def select_at(self, x: int, y: int) -> StepOutcome:
        """Select the thing at pixel (x, y) of the current version — a new selection from one click —
        so "remove this" or "make this navy" acts on it."""
        from retouch.tools.gestures import Gestures

        return self.select_gestures(Gestures.click(x, y))

    def select_gestures(self, gestures: "Gestures") -> StepOutcome:
        """A new selection from gestures — clicks that add, clicks that take away, a box
        (`--point`, `--minus-point`, `--box`; a replayed history). It is journaled like "select the
        dog" (a mask file, no new version) and recorded in the next version's history as a point step."""
        return self._point(gestures, fresh=True)

    def gesture(self, gesture: "PointGesture | BoxGesture") -> StepOutcome:
        """One more gesture on the selection being pointed at (a click, a right-click, a drag in the
        chat): it joins the gestures made since the last edit, or starts a new selection."""
        from retouch.tools.gestures import Gestures

        if not self.pointing:
            return self._point(Gestures.of(gesture), fresh=True)
        return self._point(self.pointing[-1].gestures.plus(gesture), fresh=False)

    @property
    def pointing(self) -> list["PointPick"]:
        """The selection being built by gestures, one state per gesture (empty once an edit, words or
        a history move have taken over)."""
        return self._pointing

    def undo_gesture(self) -> StepOutcome:
        """Step back one gesture of the selection being pointed at: the selection before it (the
        one before the first gesture, when that was the only one)."""
        if not self.pointing:
            raise RetouchError("no selection is being pointed at", "Use /undo to step back a version.")
        self.pending = None
        with self.holding_session():
            self._pointing.pop()
            if self._pointing:
                pick = self._pointing[-1]
                self._commit_pick(pick, f"(undo a gesture: {pick.gestures.describe()})")
                reply = f"Stepped back one gesture: {pick.describe()}."
            else:
                self.mask, self.selection, self._selection_steps = self._before_pointing
                reply = "Stepped back the only gesture: " + (
                    "the selection is the one before it." if self.mask is not None and self.mask.any()
                    else "nothing is selected.")
        return StepOutcome(words="(undo a gesture)", plan=Plan(reply=reply), reply=reply, version=self.session.head,
                           selected=True)

    def _point(self, gestures: "Gestures", *, fresh: bool) -> StepOutcome:
        from retouch.tools.point_select import select_with_gestures

        self.pending = None
        with self.holding_session():
            pick = select_with_gestures(self.current_image(), gestures, self.executor.backends.finder())
            if fresh or not self._pointing:
                self._before_pointing = (self.mask, self.selection, list(self._selection_steps))
                self._pointing = []
            self._pointing.append(pick)
            self._commit_pick(pick, f"(point {gestures.where()})")
        reply = f"Selected {pick.describe()}. Say what to do with it, e.g. 'remove this'."
        return StepOutcome(words=f"(point {gestures.where()})", plan=Plan(reply=reply), reply=reply,
                           version=self.session.head, selected=True)

    def _commit_pick(self, pick: "PointPick", words: str) -> None:
        """Journal a pointed selection and make it the current one (its history: one point step)."""
        self.session.commit_selection(mask_png=_png(pick.mask),
                                      record={"words": words, "point_selection": pick.to_record()})
        self.mask, self.selection = pick.mask, None
        self._selection_steps = [pick.gestures.to_step()]

    def handle(self, words: str, *, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None, seed: int | None = None) -> StepOutcome:
        """Plan the words and apply the plan. An empty plan is a reply, not an error."""
        if seed is not None:
            check_seed(seed)
        with self.holding_session():
            plan = self.plan(words)
            return self.apply(plan, words=words, progress=progress, cancel=cancel, seed=seed)

    def apply(self, plan: Plan, *, words: str = "", progress: ProgressCallback | None = None,
              cancel: threading.Event | None = None, seed: int | None = None,
              base_dir: Path | None = None) -> StepOutcome:
        """Run a plan: history moves and saves act on the session; edit calls make one new version.

        Every save target is checked before anything runs, so a bad one fails with nothing done.
        A selection that matches several things when the words name one raises `AmbiguousTarget`;
        the rest of the plan is kept as `pending` until `answer` says which."""
        self.pending = None
        if seed is not None:
            check_seed(seed)
        with self.holding_session():
            for call in plan.calls:
                if isinstance(call, SaveCall):
                    self.check_save_target(call.args.path, overwrite=self.overwrite_saves)
                elif isinstance(call, RegionCall) and call.args.mask_path and self.workspace is not None:
                    self.workspace.inside(call.args.mask_path, "the mask file", base=base_dir)
            outcome = StepOutcome(words=words, plan=plan, reply=plan.reply, version=self.session.head)
            segments = _segments(plan.calls)
            for index, (kind, calls) in enumerate(segments):
                if kind == "history":
                    for call in calls:
                        self._move(call)
                elif kind == "save":
                    for call in calls:
                        outcome.saved.append(self.save(Path(call.args.path), overwrite=self.overwrite_saves))
                else:
                    try:
                        self._edit(plan, calls, words, outcome, progress=progress, cancel=cancel, seed=seed,
                                   base_dir=base_dir)
                    except AmbiguousTarget as asked:
                        rest = [call for _, later in segments[index:] for call in later]
                        self.pending = PendingRequest(words=words, plan=Plan(calls=rest, reply=plan.reply),
                                                      question=asked, seed=seed, base_dir=base_dir)
                        raise
                    except RetouchError as failed:
                        failed.planned = failed.planned or plan.reply
                        raise
            outcome.version = self.session.head
            outcome.notes[:0], self._notes = self._notes, []
            return outcome

    @contextmanager
    def holding_session(self) -> Iterator[None]:
        """The session's transaction, noting what changed while this agent was not looking: edits
        made elsewhere (the selection is re-read from the journal) and leftovers cleaned."""
        def waiting() -> None:
            if self.on_wait is not None:
                self.on_wait(f"waiting for another edit of the session in {self.session.root} to finish …")

        with self.session.transaction(on_wait=waiting) as added:
            if added:
                self._restore_selection()
                self._notes.append(f"the session had moved on to v{self.session.head:03d} elsewhere; "
                                   "this request starts from there")
            if self.session.cleaned:
                self._notes.append("removed what an interrupted step had left: " + ", ".join(self.session.cleaned))
                self.session.cleaned = []
            yield

    def answer(self, text: str, *, progress: ProgressCallback | None = None,
               cancel: threading.Event | None = None) -> StepOutcome:
        """Finish the pending request with the thing(s) the user chose: "the left one", "both",
        "the second", "the bigger one", "never mind".

        The choice becomes an ordinary qualifier in the plan (position, ordinal, size, all), so the
        journal says exactly what was done and `retouch apply` replays it. A reply that is a new
        request runs as one (and drops the question); anything else repeats the choices."""
        from retouch.agent.planner.answers import read_answer
        from retouch.tools.ambiguity import no_choice

        pending = self.pending
        if pending is None:
            raise RetouchError("there is no question to answer", "Say what to change, e.g. 'remove the person'.")
        reading = read_answer(text, pending.question, pending.words)
        if reading is None:
            plan = self.plan(text)
            if not plan.calls:
                raise no_choice(pending.question, text)
            return self.apply(plan, words=text, progress=progress, cancel=cancel)
        if reading.cancel:
            self.pending = None
            reply = "OK — I left the picture as it is."
            return StepOutcome(words=text, plan=Plan(reply=reply), reply=reply, version=self.session.head)
        plan = _answered(pending, reading.updates)
        outcome = self.apply(plan, words=f"{pending.words} ({reading.said})", progress=progress, cancel=cancel,
                             seed=pending.seed, base_dir=pending.base_dir)
        outcome.reply = f"{plan.reply.rstrip('.')} — {reading.said}." if plan.reply else f"Done — {reading.said}."
        return outcome

    def _edit(self, plan: Plan, calls: list[ToolCall], words: str, outcome: StepOutcome, *,
              progress: ProgressCallback | None, cancel: threading.Event | None, seed: int | None,
              base_dir: Path | None) -> None:
        segment = self.settings.apply(Plan(calls=calls, reply=plan.reply))
        if seed is not None:
            segment = _with_seed(segment, seed)
        inpaints = any(call.tool == "inpaint" for call in segment.calls)
        resolved, filled = resolve_plan(segment,
                                        inpainter=self.executor.backends.inpainter_capabilities() if inpaints else None)
        started = time.perf_counter()
        input_version = self.session.head
        image = self.current_image()
        result = self.executor.run(resolved.calls, image, self.mask, selection=self.selection,
                                   base_dir=base_dir, progress=progress, cancel=cancel,
                                   outlined=self._outlined())
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
        step = {"kind": "edit" if result.changed_image else "select", "words": words,
                "plan": record["resolved"], "backends": self._backend_record(result.records)}
        if result.changed_image:
            del image
            self._decoded = None  # the version it was made from is not needed to write the new one (64 MiB at 4096²)
            history = self.provenance(extra_steps=[*self._selection_steps, step])
            mask_png = _png(result.mask) if result.mask is not None else None
            number = self.session.commit_edit(images=[_png(image, history) for image in result.images],
                                              mask_png=mask_png, record=record, input_version=input_version)
            self._decoded = (self.session.version_path(number), _as_decoded(result.images[0]))
            self._selection_steps = []
            outcome.new_versions.append(number)
            outcome.variation_paths = [self.session.version_path(number), *self.session.state.versions[number].variations]
        elif result.mask is not None:
            self.session.commit_selection(mask_png=_png(result.mask), record=record)
            self._selection_steps.append(step)
            outcome.selected = True
        outcome.selected = outcome.selected or any(r["tool"] in ("select", "region") for r in result.records)
        outcome.notes.extend(result.notes)
        self.mask = result.mask
        self.selection = result.selection
        self._pointing = []  # the next gesture starts a new selection

    def _outlined(self) -> bool:
        """Whether the current selection is an outline something guessed — pointed at, or found by
        words in an earlier request — rather than exact geometry (a mask file, a box, "the left
        half"): a removal then looks for the parts of the thing it missed."""
        def guessed(step: dict[str, Any]) -> bool:
            if step.get("kind") == "mask":
                return False
            if step.get("kind") == "select":
                tools = [call.get("tool") for call in (step.get("plan") or {}).get("calls", []) if isinstance(call, dict)]
                return "select" in tools and "region" not in tools
            return True  # a click or another pointing gesture

        return bool(self._selection_steps) and all(guessed(step) for step in self._selection_steps)

    def replay(self, metadata: dict[str, Any], *, source: str = "image", base_dir: Path | None = None,
               progress: ProgressCallback | None = None, max_steps: int | None = None) -> StepOutcome:
        """Redo, step by step, what a Retouch PNG says it went through (`retouch apply OUT.png`).

        Every step is checked before the first one runs (`agent.history`: at most `max_steps` of
        them, default `bounds.MAX_STEPS`; plans valid against the schema, with the seeds they were
        made with, so the same models give the same pixels; mask files only from beside the PNG,
        `base_dir`). Saves and history moves inside a step are skipped. A step that started from a
        mask file needs that mask as the current selection (the PNG does not store it)."""
        from retouch.agent.history import read_history

        steps = read_history(metadata, source=source, base_dir=base_dir, max_steps=max_steps)
        outcome: StepOutcome | None = None
        used_mask = False
        for step in steps:
            if step.kind == "point":
                assert step.gestures is not None
                outcome = self.select_gestures(step.gestures)
            elif step.kind == "mask":
                if self.mask is None or used_mask:
                    raise RetouchError(f"step {step.number} of {source} started from a mask file, which the PNG "
                                       "doesn't store", "Pass that mask with --mask to replay it.")
                used_mask = True
            else:
                assert step.plan is not None
                outcome = self.apply(step.plan, words=step.words, base_dir=base_dir, progress=progress)
        if outcome is None:
            raise RetouchError(f"{source} records no steps to replay but mask files",
                               "Pass --mask and a request instead: retouch edit IMG \"...\" --mask MASK.")
        return outcome

    def provenance(self, extra_steps: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """How the current version was made — every step from the original, as the PNG chunk
        carries it — plus `extra_steps`. Each version's file holds its whole history, so a new
        version's is its parent's plus what happened since (undo and branches come out right)."""
        from retouch.tools.provenance import FORMAT_VERSION, read_provenance, retouch_version

        opened = self.session.entries[0]
        steps: list[dict[str, Any]] = []
        if self.session.head != 0:  # v000 is the user's own file: no history before it
            carried = read_provenance(self.session.version_path())
            steps = list(carried["steps"]) if carried else [{"kind": "unknown", "version": self.session.head}]
        return {"format": FORMAT_VERSION, "retouch": retouch_version(),
                "source": {"name": Path(opened.get("source", opened["file"])).name, "sha256": opened.get("sha256")},
                "steps": [*steps, *(extra_steps or [])]}

    def _backend_record(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """Which planner, and which backend (model, device, dtype) each generating call ran on."""
        used: dict[str, Any] = {"planner": getattr(self._planner, "name", None) or "rules"}
        for record in records:
            if isinstance(record.get("backend"), dict):  # timings stay in the journal: a replay must match
                used[record["tool"]] = {k: v for k, v in record["backend"].items() if k not in ("seconds", "timings")}
        return used

    def _move(self, call: HistoryCall) -> None:
        self.pending = None
        args = call.args
        if args.action == "undo":
            self.session.undo(args.steps)
        elif args.action == "redo":
            self.session.redo(args.steps)
        else:
            self.session.revert(args.version if args.version is not None else 0)
        self._restore_selection()

    def undo(self, steps: int = 1) -> int:
        self.pending = None
        with self.holding_session():
            number = self.session.undo(steps)
            self._restore_selection()
        return number

    def redo(self, steps: int = 1) -> int:
        self.pending = None
        with self.holding_session():
            number = self.session.redo(steps)
            self._restore_selection()
        return number

    def revert(self, number: int) -> int:
        self.pending = None
        with self.holding_session():
            number = self.session.revert(number)
            self._restore_selection()
        return number

    def pick(self, index: int) -> int:
        self.pending = None
        with self.holding_session():
            return self.session.pick_variation(index)

    def check_save_target(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Refuse a save target before any work: an unknown extension, a folder, a system folder,
        an existing file without overwrite — and, even with overwrite, the input photo and the
        session's own files. Returns the path with `~` expanded."""
        from retouch.agent.session import refuse_session_file
        from retouch.tools.imageio import check_output_path

        if self.workspace is not None:  # first: a refusal outside must not say whether the file exists
            self.workspace.inside(path, "the file to save")
        target = check_output_path(path, overwrite=overwrite, protected=self.session.protected_paths())
        refuse_session_file(target)
        return target

    def save(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write the current version to `path` in the format its extension names; returns where."""
        from retouch.tools.imageio import export_file

        with self.holding_session():
            target = self.check_save_target(path, overwrite=overwrite)
            return export_file(self.session.version_path(), target, overwrite=overwrite)

    def current_image(self) -> Image.Image:
        """The current version, decoded. The last one decoded or made is kept, so a chat or a script
        doesn't decode the version it just wrote (0.4 s at 4096²); tools never write into it."""
        from retouch.tools.imageio import load_image

        path = self.session.version_path()
        if self._decoded is None or self._decoded[0] != path:
            self._decoded = (path, load_image(path))
        return self._decoded[1]

    def _restore_selection(self) -> None:
        """After undo/redo or on resume, the selection is the one the current version was made with."""
        from retouch.tools.imageio import load_mask

        self.mask, self.selection = None, None
        self._selection_steps = []
        self._pointing = []
        entry = self.session.last_edit()
        if entry is None or not entry.get("mask"):
            return
        try:
            with Image.open(self.session.version_path()) as current:
                size = current.size
            self.mask = load_mask(self.session.root / entry["mask"], size)
        except (RetouchError, OSError):
            self.mask = None  # a missing, damaged or other-sized mask: start with no selection
        resolved = entry.get("resolved")
        calls = resolved.get("calls") if isinstance(resolved, dict) else None
        for call in reversed(calls if isinstance(calls, list) else []):
            if isinstance(call, dict) and call.get("tool") == "select":
                try:
                    self.selection = SelectArgs.model_validate(call.get("args"))
                except ValidationError:
                    pass  # a hand-edited journal line: no remembered selection
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


def _without_pick_policy(plan: Plan) -> Plan:
    """A pick policy is the user's standing choice (--pick, the config file), never read into the
    words: a planner (an LLM) that set one would turn the question back into a silent guess."""
    if not any(isinstance(call, SelectCall) and call.args.pick is not None for call in plan.calls):
        return plan
    copy = plan.model_copy(deep=True)
    for call in copy.calls:
        if isinstance(call, SelectCall):
            call.args.pick = None
    return copy


def _answered(pending: PendingRequest, updates: dict[str, Any]) -> Plan:
    """The pending plan with the user's choice written into the call that asked (the selection for
    "which one?", the removal for "remove that too?")."""
    plan = pending.plan.model_copy(deep=True)
    index = pending.question.call_index or 0
    call = plan.calls[index] if index < len(plan.calls) else None
    if call is None or any(name not in type(call.args).model_fields for name in updates):
        raise RetouchError("the question no longer matches the request", "Say the request again with the choice.")
    call.args = call.args.model_copy(update=updates)
    return plan


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


def _png(image: Image.Image | Mask, metadata: dict[str, Any] | None = None) -> memoryview:
    """The PNG's bytes (`tools.imageio.encode_png`: fast filters, level 1, the history in its chunk)."""
    from retouch.tools.imageio import encode_png

    return encode_png(image, metadata)


def _as_decoded(image: Image.Image) -> Image.Image:
    """What `load_image` would return for the PNG just written from `image` (RGB or RGBA)."""
    return image if image.mode in ("RGB", "RGBA") else image.convert("RGBA" if "A" in image.mode else "RGB")
