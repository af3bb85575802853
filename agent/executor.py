"""Runs the image-changing calls of a resolved plan, one tool after another.

The executor holds no session state: it gets the current image and selection, returns the new
image(s), the final selection and a record per call (resolved settings, seeds, backend, timings)
for the journal. History moves and saving belong to the session and are handled by `agent.Agent`.
"""

from __future__ import annotations

import random
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
from PIL import Image

from retouch.agent.plan import (
    AdjustCall, CropCall, InpaintCall, OutpaintCall, RefineMaskCall, RegionCall, SelectArgs, SelectCall,
    ToolCall,
)
from retouch.tools import masks as mask_ops
from retouch.tools.errors import AmbiguousTarget, Cancelled, RetouchError
from retouch.tools.masks import Mask

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class Backends:
    """The backends a run may use, loaded on first need. `options` maps a backend's name to the
    keyword options its factory gets (the config file's `[backends.NAME]` tables)."""

    finder_name: str = "auto"
    inpainter_name: str = "builtin"
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    _finder: Any = None
    _inpainter: Any = None

    def finder(self) -> Any:
        if self._finder is None:
            from retouch.agent import registry

            name = self.finder_name
            if name == "auto":
                from retouch.tools.finders import resolve_auto_finder

                name = resolve_auto_finder(self.options.get("grounded-sam", {}))
            self._finder = registry.load("finder", name, **self.options.get(name, {}))
        return self._finder

    def inpainter(self) -> Any:
        if self._inpainter is None:
            from retouch.agent import registry

            name = self.inpainter_name
            self._inpainter = registry.load("inpainter", name, **self.options.get(name, {}))
        return self._inpainter


@dataclass
class RunResult:
    images: list[Image.Image]
    """The new image first, then any further variations."""
    mask: Mask | None
    selection: SelectArgs | None
    records: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)

    @property
    def changed_image(self) -> bool:
        return any(record.get("changes_image") for record in self.records)


class Executor:
    def __init__(self, backends: Backends | None = None) -> None:
        self.backends = backends or Backends()

    def run(self, calls: list[ToolCall], image: Image.Image, mask: Mask | None = None, *,
            selection: SelectArgs | None = None, base_dir: Path | None = None,
            progress: ProgressCallback | None = None, cancel: threading.Event | None = None) -> RunResult:
        """Run `calls` (already resolved by the policy) in order on `image`.

        Neither `image` nor `mask` is copied: every tool returns new pixels and never writes into
        its inputs, and a copy of a 4096² photo is 48–64 MiB more at the run's peak."""
        images = [image]
        state = _RunState(images=images, mask=mask, selection=selection,
                          base_dir=base_dir or Path.cwd(), progress=progress, cancel=cancel,
                          backends=self.backends)
        for index, call in enumerate(calls):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            started = time.perf_counter()
            record: dict[str, Any] = {"tool": call.tool, "args": call.args.model_dump()}
            handler = _HANDLERS.get(type(call))
            if handler is None:
                raise RetouchError(f"the tool {call.tool!r} can't run inside an edit",
                                   "History and save steps run on their own.")
            handler(state, call, record)
            record["seconds"] = round(time.perf_counter() - started, 4)
            state.records.append(record)
        return RunResult(images=state.images, mask=state.mask, selection=state.selection,
                         records=state.records, notes=state.notes)


@dataclass
class _RunState:
    images: list[Image.Image]
    mask: Mask | None
    selection: SelectArgs | None
    base_dir: Path
    progress: ProgressCallback | None
    cancel: threading.Event | None
    backends: Backends = field(default_factory=Backends)
    records: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def image(self) -> Image.Image:
        return self.images[0]


def _combine(state: _RunState, new_mask: Mask, add: bool) -> None:
    if add and state.mask is not None:
        state.mask = np.maximum(state.mask, new_mask)
    else:
        state.mask = new_mask


def _run_select(state: _RunState, call: SelectCall, record: dict[str, Any]) -> None:
    from retouch.tools.select import select

    args = call.args
    finder = state.backends.finder()
    try:
        selection = select(state.image, finder, target=args.target, phrase=args.phrase, position=args.position,
                           ordinal=args.ordinal, size=args.size, count=args.count, all=args.all,
                           exclude=args.exclude, pick=args.pick)
    except AmbiguousTarget as asked:
        asked.call_index = len(state.records)  # this call's place in the plan, for the answer
        raise
    _combine(state, selection.mask, args.add)
    state.selection = args
    record["selection"] = selection.to_record()
    state.notes.extend(picked_note(args, selection))


def picked_note(args: SelectArgs, selection: Any) -> list[str]:
    """A note when the pick policy, not the words, chose among several matches (else none)."""
    from retouch.tools.ambiguity import is_qualified, policy_note

    if args.pick is None or selection.found < 2 or not selection.chosen or is_qualified(
            target=args.target, phrase=args.phrase, position=args.position, ordinal=args.ordinal,
            size=args.size, count=args.count, all=args.all or args.exclude):
        return []
    return [policy_note(args.pick, selection.found, selection.chosen[0].label)]


def _run_region(state: _RunState, call: RegionCall, record: dict[str, Any]) -> None:
    from retouch.tools import regions
    from retouch.tools.imageio import load_mask

    args = call.args
    size = state.image.size
    if args.mask_path is not None:
        path = Path(args.mask_path)
        new_mask = load_mask(path if path.is_absolute() else state.base_dir / path, size)
    elif args.relation is not None:
        if state.mask is None:
            raise RetouchError("there is nothing selected to place it next to",
                               "Name the object it should go next to.")
        box = regions.relation_box(state.mask, args.relation, size)
        new_mask = regions.box_mask(box, size)
        record["box"] = list(box)
        args = args.model_copy(update={"add": False})
    elif args.box is not None:
        new_mask = regions.box_mask(args.box, size)
    elif args.side is not None:
        box = regions.side_box(args.side, size, fraction=args.fraction, pixels=args.pixels)
        new_mask = regions.box_mask(box, size)
        record["box"] = list(box)
    else:
        raise RetouchError("a region needs a box, a side, a relation or a mask file",
                           "For example: the left half, the box (20, 20, 100, 100).")
    _combine(state, new_mask, args.add)


def _run_refine(state: _RunState, call: RefineMaskCall, record: dict[str, Any]) -> None:
    if state.mask is None:
        raise RetouchError("there is no selection to refine", "Select something first.")
    args = call.args
    state.mask = mask_ops.refine(state.mask, grow_px=args.grow or 0, shrink_px=args.shrink or 0,
                                 blur_px=args.blur or 0, invert_mask=args.invert, fill=bool(args.fill_holes))


def _run_inpaint(state: _RunState, call: InpaintCall, record: dict[str, Any]) -> None:
    from retouch.tools.inpaint import InpaintRequest

    args = call.args
    if state.mask is None or not np.asarray(state.mask).any():
        raise RetouchError("nothing is selected, so I don't know where to edit",
                           "Name the object, describe an area (e.g. 'the left half'), or pass --mask.")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    request = InpaintRequest(
        task=args.task, prompt=args.prompt, negative_prompt=args.negative_prompt, strength=args.strength,
        fill=args.fill, full_resolution=args.full_resolution, padding=args.padding, mask_blur=args.mask_blur,
        steps=args.steps, guidance=args.guidance, seed=seed, variations=args.variations,
        cleanup_strength=args.cleanup_strength, background=args.background, color=args.color)
    inpainter = state.backends.inpainter()
    result = inpainter.inpaint(state.image, state.mask, request, progress=state.progress, cancel=state.cancel)
    state.images = list(result.images)
    record["seed"] = seed
    record["backend"] = result.info
    record["changes_image"] = True
    if "note" in result.info:
        state.notes.append(result.info["note"])


def _run_outpaint(state: _RunState, call: OutpaintCall, record: dict[str, Any]) -> None:
    from retouch.tools.outpaint import outpaint

    args = call.args
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    result = outpaint(state.image, left=args.left, right=args.right, top=args.top, bottom=args.bottom,
                      aspect=args.aspect, zoom=args.zoom, size=args.size, sides=args.sides, prompt=args.prompt,
                      step=args.step, overlap=args.overlap, seed=seed,
                      inpainter=state.backends.inpainter(), progress=state.progress,
                      cancel=state.cancel)
    state.images = [result.image]
    state.mask = None  # the old selection no longer lines up with the new canvas
    record["seed"] = seed
    record["stages"] = result.stages
    record["size"] = list(result.image.size)
    record["original_box"] = list(result.original_box)
    record["scale"] = round(result.scale, 6)
    record["changes_image"] = True
    state.notes.extend(result.notes)


def _run_adjust(state: _RunState, call: AdjustCall, record: dict[str, Any]) -> None:
    from retouch.tools.adjust import adjust

    args = call.args
    if args.masked and state.mask is None:
        raise RetouchError("there is no selection to adjust", "Select something first, or drop 'only the …'.")
    values = {name: getattr(args, name) or 0.0
              for name in ("brightness", "contrast", "saturation", "sharpness", "warmth")}
    state.images = [adjust(image, **values, mask=state.mask if args.masked else None) for image in state.images]
    record["changes_image"] = any(values.values())


def _run_crop(state: _RunState, call: CropCall, record: dict[str, Any]) -> None:
    from retouch.tools import geometry

    args = call.args
    images = state.images
    if args.box is not None or args.aspect is not None:
        images = [geometry.crop(image, box=args.box, aspect=args.aspect) for image in images]
    if args.rotate:
        images = [geometry.rotate(image, args.rotate) for image in images]
    if args.flip:
        images = [geometry.flip(image, args.flip) for image in images]
    state.images = images
    state.mask = None  # the old selection no longer lines up with the new canvas
    record["size"] = list(images[0].size)
    record["changes_image"] = True


_HANDLERS: dict[type, Callable[[_RunState, Any, dict[str, Any]], None]] = {
    SelectCall: _run_select, RegionCall: _run_region, RefineMaskCall: _run_refine,
    InpaintCall: _run_inpaint, OutpaintCall: _run_outpaint, AdjustCall: _run_adjust, CropCall: _run_crop,
}
