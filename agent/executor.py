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
from typing import TYPE_CHECKING, Any, Callable

import numpy as np
from PIL import Image

from retouch.agent.plan import (
    ADJUST_AMOUNTS, AdjustCall, CropCall, EnhanceCall, InpaintCall, OutpaintCall, RefineMaskArgs, RefineMaskCall, RegionCall,
    SelectArgs, SelectCall, ToolCall,
)
from retouch.tools import masks as mask_ops
from retouch.tools.errors import AmbiguousTarget, Cancelled, RetouchError
from retouch.tools.masks import Mask

if TYPE_CHECKING:
    from retouch.tools.capabilities import InpainterCapabilities

ProgressCallback = Callable[[int, int, str], None]


@dataclass
class Backends:
    """The backends a run may use, loaded on first need. `options` maps a backend's name to the
    keyword options its factory gets (the config file's `[backends.NAME]` tables). Made by
    `agent.builder.build_backends`; what a backend can do is asked of its registration."""

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

    def inpainter_capabilities(self) -> InpainterCapabilities:
        """What the inpainter declared it is (`tools.capabilities.InpainterCapabilities`), known
        without loading it."""
        from retouch.agent import registry

        return registry.capabilities("inpainter", self.inpainter_name)


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
            progress: ProgressCallback | None = None, cancel: threading.Event | None = None,
            outlined: bool = False) -> RunResult:
        """Run `calls` (already resolved by the policy) in order on `image`.

        `outlined`: `mask` is an outline something guessed (a click's), not exact geometry (a mask
        file, a box), so a removal looks for parts of the thing it missed (`tools.leftovers`).

        Neither `image` nor `mask` is copied: every tool returns new pixels and never writes into
        its inputs, and a copy of a 4096² photo is 48–64 MiB more at the run's peak."""
        check_sizes(calls, image.size)
        check_fills(calls, self.backends)
        images = [image]
        state = _RunState(images=images, mask=mask, selection=selection,
                          base_dir=base_dir or Path.cwd(), progress=progress, cancel=cancel,
                          backends=self.backends, outlined=outlined and mask is not None)
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


def check_sizes(calls: list[ToolCall], size: tuple[int, int]) -> None:
    """Numbers checked before the first tool runs, whoever wrote the plan (rules, an LLM, a plan
    file): an outpaint too large for the limits, a strip deeper than the picture. A bad number
    late in a plan must not fail after minutes of inpainting, and is never quietly clipped.

    Sizes are followed through outpaints; after a crop the rest is checked when it runs."""
    current: tuple[int, int] | None = size
    for call in calls:
        if current is None:
            return
        args = call.args
        if isinstance(call, OutpaintCall):
            from retouch.tools.outpaint import plan_layout  # (scipy with it: only when outpainting)

            current = plan_layout(current, left=args.left, right=args.right, top=args.top, bottom=args.bottom,
                                  aspect=args.aspect, zoom=args.zoom, size=args.size, sides=args.sides).size
        elif isinstance(call, RegionCall) and args.side in ("left", "right", "top", "bottom") and args.pixels:
            span = current[0] if args.side in ("left", "right") else current[1]
            if args.pixels > span:
                raise RetouchError(f"the {args.side} strip of {args.pixels} px is deeper than the picture "
                                   f"({current[0]}×{current[1]})", f"Ask for at most {span} px, or 'the whole image'.")
        elif isinstance(call, CropCall) or (isinstance(call, EnhanceCall) and "straighten" in (args.parts or ())):
            current = None


def check_fills(calls: list[ToolCall], backends: Backends) -> None:
    """A fill the chosen inpainter doesn't offer is refused before anything runs (the plan schema
    already refused a fill no installed inpainter offers). An inpainter that takes no fill ignores
    the setting, as it ignores the other settings of a model it isn't."""
    fills = [call.args.fill for call in calls if isinstance(call, InpaintCall) and call.args.fill is not None]
    if not fills:
        return
    offered = backends.inpainter_capabilities().fills
    for fill in fills:
        if offered and fill not in offered:
            raise RetouchError(f"the {backends.inpainter_name} inpainter has no fill {fill!r}",
                               f"Its fills: {', '.join(offered)} (or leave the fill unset).")


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
    found: Mask | None = None
    """Everything the last select's finder saw, picked or not: what a fill must not copy from."""
    found_target: SelectArgs | None = None
    """What that select looked for, so a removal can look again at its result."""
    outlined: bool = False
    """The selection is a guessed outline (a finder's, a click's), not exact geometry: a removal
    looks for the parts it missed."""
    outline: Mask | None = None
    """The selection as it stood before the first refine_mask grew it: the thing's own outline."""
    refine: RefineMaskArgs | None = None
    """How that refine_mask grew and feathered it, for parts added to it later."""
    kept: Mask | None = None
    """What a `subtract` select took out, grown by KEEP_MARGIN: no later grow, leftover or second
    fill may reach back into it ("remove everyone except the boy" leaves every pixel of the boy)."""

    @property
    def image(self) -> Image.Image:
        return self.images[0]


KEEP_MARGIN = 0.01
"""A thing taken out of the selection is grown by this share of the picture's shorter side (at
least KEEP_MARGIN_MIN_PX) first: a finder's outline misses hair and edge pixels, and those must not be filled."""
KEEP_MARGIN_MIN_PX = 3


def keep_margin_px(size: tuple[int, int]) -> int:
    """How far beyond its outline a kept thing is protected, in px, for a picture of `size`."""
    return max(KEEP_MARGIN_MIN_PX, round(KEEP_MARGIN * min(size)))


def _combine(state: _RunState, new_mask: Mask, add: bool) -> None:
    if add and state.mask is not None:
        state.mask = np.maximum(state.mask, new_mask)
    else:
        state.mask = new_mask
        state.kept = None


def _without_kept(state: _RunState) -> None:
    """The selection minus what a `subtract` select kept (see `_RunState.kept`)."""
    if state.kept is not None and state.mask is not None:
        state.mask = np.where(state.kept > 0, 0, np.asarray(state.mask)).astype(np.uint8)


def _subtract(state: _RunState, args: SelectArgs, taken: Mask, record: dict[str, Any]) -> None:
    """Take what a select found out of the current selection, grown by the keep margin."""
    margin = keep_margin_px(state.image.size)
    grown = mask_ops.grow(np.asarray(taken, np.uint8), margin)
    state.kept = grown if state.kept is None else np.maximum(state.kept, grown)
    _without_kept(state)
    record["kept_margin_px"] = margin
    if not np.asarray(state.mask).any():
        raise RetouchError(f"keeping the {args.phrase or args.target} leaves nothing else selected",
                           "Select more first (e.g. 'everyone'), or keep someone else.")


def _run_select(state: _RunState, call: SelectCall, record: dict[str, Any]) -> None:
    from retouch.agent.planner.finder_words import finder_query
    from retouch.tools import recheck
    from retouch.tools.select import select

    args = call.args
    if args.subtract and (state.mask is None or not np.asarray(state.mask).any()):
        raise RetouchError(f"there is nothing selected to take the {args.phrase or args.target} out of",
                           "Select first what to edit (e.g. 'everyone'), then say whom to keep.")
    finder = state.backends.finder()
    query = finder_query(args.target, args.phrase)         # words → a label the finder knows ("girl" → person)
    try:
        selection = select(state.image, finder, target=query.target, phrase=args.phrase, position=args.position,
                           ordinal=args.ordinal, size=args.size, count=args.count, all=args.all,
                           exclude=args.exclude, pick=args.pick, name=query.name, own_side=query.own_side)
    except AmbiguousTarget as asked:
        asked.call_index = len(state.records)  # this call's place in the plan, for the answer
        raise
    if args.subtract:          # the selection, what the finder saw and looked for stay those of what is edited
        record["selection"] = selection.to_record()
        state.notes.extend(picked_note(args, selection))
        _subtract(state, args, selection.mask, record)
        return
    _combine(state, selection.mask, args.add)
    state.selection = args
    state.outlined = not args.exclude  # "everything but her" is no outline of a thing
    record["selection"] = selection.to_record()
    state.notes.extend(picked_note(args, selection))
    state.notes.extend([selection.note] if selection.note else [])
    # Nothing else found: what the finder saw is the selection itself (the same pixels; one 16 MiB
    # mask fewer at 4096²). Tools never write into a mask they are given, so it can be shared.
    found = selection.mask if not selection.others and not args.exclude else \
        recheck.found_mask(selection.chosen + selection.others, state.image.size)
    state.found = found if not args.add or state.found is None else np.maximum(state.found, found)
    state.found_target = args


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
        path = Path(args.mask_path).expanduser()  # as `agent.workspace.resolved` reads it
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
    elif args.corner is not None:
        box = regions.corner_box(args.corner, size, fraction=args.fraction)
        new_mask = regions.box_mask(box, size)
        record["box"] = list(box)
    elif args.side is not None:
        box = regions.side_box(args.side, size, fraction=args.fraction, pixels=args.pixels)
        new_mask = regions.box_mask(box, size)
        record["box"] = list(box)
    else:
        raise RetouchError("a region needs a box, a side, a corner, a relation or a mask file",
                           "For example: the left half, the box (20, 20, 100, 100).")
    _combine(state, new_mask, args.add)
    state.outlined = state.outlined and args.add  # exact geometry: nothing was missed


def _run_refine(state: _RunState, call: RefineMaskCall, record: dict[str, Any]) -> None:
    if state.mask is None:
        raise RetouchError("there is no selection to refine", "Select something first.")
    args = call.args
    if state.outline is None and state.outlined:
        state.outline, state.refine = state.mask, args
    state.mask = mask_ops.refine(state.mask, grow_px=args.grow or 0, shrink_px=args.shrink or 0,
                                 blur_px=args.blur or 0, invert_mask=args.invert, fill=bool(args.fill_holes))
    if args.invert:            # inverted, the kept thing is part of what is selected now
        state.kept = None
    _without_kept(state)


def _run_inpaint(state: _RunState, call: InpaintCall, record: dict[str, Any]) -> None:
    from retouch.tools.inpaint import InpaintRequest
    from retouch.tools.settings import InpaintSettings, values_of

    args = call.args
    if state.mask is None or not np.asarray(state.mask).any():
        raise RetouchError("nothing is selected, so I don't know where to edit",
                           "Name the object, describe an area (e.g. 'the left half'), or pass --mask.")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    excludes = args.task in ("remove", "cleanup") and state.backends.inpainter_capabilities().excludes_sources
    request = InpaintRequest(**{**values_of(args, InpaintSettings), "seed": seed}, task=args.task, flaw=args.flaw,
                             exclude=state.found if excludes else None)
    if args.task == "remove" and state.outlined:
        _take_leftovers(state, args.leftovers or "none", record)
        _without_kept(state)
    inpainter = state.backends.inpainter()
    before = state.image
    result = inpainter.inpaint(before, state.mask, request, progress=state.progress, cancel=state.cancel)
    state.images = list(result.images)
    record["seed"] = seed
    record["backend"] = result.info
    record["changes_image"] = True
    if "note" in result.info:
        state.notes.append(result.info["note"])
    if args.task == "remove" and state.found_target is not None and not state.found_target.exclude:
        _look_again(state, before, request, record)


def _take_leftovers(state: _RunState, mode: str, record: dict[str, Any]) -> None:
    """Before a removal fills: look beside the selection for parts of the thing it missed (the
    tail below the bench, its shadow) and add the sure ones to the mask, grown and feathered as
    the selection was — saying so. Unsure ones make the removal stop and ask (`LeftoverQuestion`),
    unless the plan says what to do with them (`inpaint.leftovers`)."""
    from retouch.tools import leftovers

    if mode == "none":
        return
    outline = state.outline if state.outline is not None else state.mask
    kept = None if state.found is None else np.where(np.asarray(outline) > 127, 0, state.found).astype(np.uint8)
    found = leftovers.find_leftovers(state.image, outline, kept=kept)
    if state.cancel is not None and state.cancel.is_set():
        raise Cancelled()
    taken, asked = leftovers.decide(found, mode)
    record["leftovers"] = {"mode": mode, "found": [part.to_record() for part in found], "taken": len(taken)}
    if asked:
        question = leftovers.LeftoverQuestion(asked)
        question.call_index = len(state.records)  # this call's place in the plan, for the answer
        raise question
    if not taken:
        return
    size = state.image.size
    added = np.zeros((size[1], size[0]), np.uint8)
    for part in taken:
        x0, y0, x1, y1 = part.box
        added[y0:y1, x0:x1][part.mask] = 255
    grow = state.refine
    added = mask_ops.refine(added, grow_px=(grow.grow or 0) if grow else 0, blur_px=(grow.blur or 0) if grow else 0)
    state.mask = np.maximum(np.asarray(state.mask, np.uint8), added)
    state.notes.append(leftovers.taken_note(taken))


def _look_again(state: _RunState, before: Image.Image, request: Any, record: dict[str, Any]) -> None:
    """Check the removal: ask the finder for the same thing in the result. If it still sees it in
    or next to the filled area (a leftover arm, a shadow in her shape), grow the selection over it
    and fill again from the original — once — and say so."""
    from retouch.agent.planner.finder_words import finder_query
    from retouch.tools import recheck
    from retouch.tools.select import with_article

    target, size = state.found_target, state.image.size
    finder = state.backends.finder()
    query = finder_query(target.target, target.phrase)
    box = recheck.check_box(state.mask, size)
    if box is None:
        return
    reach = recheck.grow_px(size)

    def seen() -> list[Any]:
        """What the finder still sees of the thing in or beside the filled area. It looks at a box
        around it (at most LOOK_SIDE px), and at the whole picture only when something it sees
        there runs out of the box."""
        nonlocal box
        if state.cancel is not None and state.cancel.is_set():
            raise Cancelled()
        x0, y0, x1, y1 = box
        kept = None if state.found is None else np.where(np.asarray(state.mask)[y0:y1, x0:x1] > 0, 0,
                                                          state.found[y0:y1, x0:x1]).astype(np.uint8)
        view, scale = recheck.look_at(state.image, box)
        found = recheck.at_full_size(finder.find(view, query.target, target.phrase or query.name), scale, (x1 - x0, y1 - y0))
        left = recheck.left_over(found, np.asarray(state.mask)[y0:y1, x0:x1], kept, (x1 - x0, y1 - y0), reach=reach)
        if any(recheck.runs_out(candidate, box, size) for candidate in left):
            box = (0, 0, *size)
            return seen()
        return left

    left = seen()
    record["check"] = {"found_again": len(left)}
    if not left:
        return
    if state.cancel is not None and state.cancel.is_set():
        raise Cancelled()
    state.mask = recheck.grown_over(state.mask, left, size, request.mask_blur, box=box)
    _without_kept(state)
    result = state.backends.inpainter().inpaint(before, state.mask, request, progress=state.progress,
                                               cancel=state.cancel)
    state.images = list(result.images)
    still = seen()
    record["check"].update(filled_again=True, found_after=len(still), backend=result.info)
    note = (f"Looking at the result I could still make out {with_article(target.target)} where I removed it, "
            f"so I grew the area over it and filled again")
    state.notes.append(note + ("; a trace may remain — select a larger area to remove it." if still else "."))


def _run_outpaint(state: _RunState, call: OutpaintCall, record: dict[str, Any]) -> None:
    from retouch.tools.outpaint import outpaint

    args = call.args
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**32)
    result = outpaint(state.image, left=args.left, right=args.right, top=args.top, bottom=args.bottom,
                      aspect=args.aspect, zoom=args.zoom, size=args.size, sides=args.sides, prompt=args.prompt,
                      step=args.step, overlap=args.overlap, seed=seed,
                      inpainter=_outpainter(state.backends), exclude=state.found, progress=state.progress,
                      cancel=state.cancel)
    state.images = [result.image]
    state.mask = None  # the old selection no longer lines up with the new canvas
    state.found = state.found_target = None
    record["seed"] = seed
    record["stages"] = result.stages
    record["size"] = list(result.image.size)
    record["original_box"] = list(result.original_box)
    record["scale"] = round(result.scale, 6)
    record["changes_image"] = True
    state.notes.extend(result.notes)


def _outpainter(backends: Backends) -> Any:
    """The inpainter when it paints outpaint stages itself (its capabilities say so); None hands
    the new canvas to the built-in texture continuation."""
    return backends.inpainter() if backends.inpainter_capabilities().outpaints else None


def _run_adjust(state: _RunState, call: AdjustCall, record: dict[str, Any]) -> None:
    from retouch.tools.adjust import adjust

    args = call.args
    if args.masked and state.mask is None:
        raise RetouchError("there is no selection to adjust", "Select something first, or drop 'only the …'.")
    values = {name: getattr(args, name) or 0.0
              for name in ADJUST_AMOUNTS}
    state.images = [adjust(image, **values, mask=state.mask if args.masked else None) for image in state.images]
    record["changes_image"] = any(values.values())


def _run_crop(state: _RunState, call: CropCall, record: dict[str, Any]) -> None:
    from retouch.tools import geometry

    args = call.args
    images = state.images
    if args.aspect is not None and args.keep_selection:
        images = _crop_keeping_selection(state, args.aspect, record)
    elif args.keep_selection:
        images = _crop_to_selection(state, record)
    elif args.center_on_selection:
        images = _crop_centred_on_selection(state, record)
    elif args.subject:
        images = _crop_to_subject(state, args.aspect, record)
    elif args.box is not None or args.aspect is not None:
        images = [geometry.crop(image, box=args.box, aspect=args.aspect) for image in images]
    elif args.trim:
        images = _trim_border(state, record, args.border)
    elif args.cut:
        box = args.cut_box(state.image.size)
        record["box"] = list(box)
        images = [image.crop(box) for image in images]
    if args.rotate:
        images = [geometry.rotate(image, args.rotate) for image in images]
    if args.flip:
        images = [geometry.flip(image, args.flip) for image in images]
    if (args.trim or args.center_on_selection or args.subject) and images is state.images:  # nothing cut, turned or flipped
        record["changes_image"] = False
        return
    state.images = images
    state.mask = None  # the old selection no longer lines up with the new canvas
    record["size"] = list(images[0].size)
    record["changes_image"] = True


def _trim_border(state: _RunState, record: dict[str, Any], asked: str | None) -> list[Image.Image]:
    """"Trim the white border": the border measured on the current picture (tools.trim) and cropped
    from every variation; with none found — or only one of another colour than the user named — the
    pictures stay as they are and the reply says so."""
    from retouch.tools.trim import NO_BORDER, find_border

    found = find_border(state.image)
    if found is None or asked is not None and found.colour != asked:
        state.notes.append(NO_BORDER if found is None else
                           f"I found a {found.colour} border, not a {asked} one, so nothing was cropped; say "
                           f"“trim the border” to take it off.")
        record["trimmed"] = None
        return state.images
    record["box"] = list(found.box)
    record["trimmed"] = found.removed
    state.notes.append(found.sentence())
    return [image.crop(found.box) for image in state.images]


CROP_MARGIN = 0.1
"""'Crop to the dog': the selection's box grown by this share of its width and height on each side (inside the
picture), so the thing is not cut at its very edge."""


def _crop_to_selection(state: _RunState, record: dict[str, Any]) -> list[Image.Image]:
    """"Crop to the dog", "zoom in on her": the selection's bounding box with a margin, clamped to the picture."""
    keep = mask_ops.bounding_box(mask_ops.from_bool(mask_ops.binary(state.mask))) if state.mask is not None else None
    if keep is None:
        raise RetouchError("there is nothing selected to crop to",
                           "Name what to crop to, e.g. 'crop to the dog', or select it first.")
    width, height = state.image.size
    x0, y0, x1, y1 = keep
    dx, dy = round((x1 - x0) * CROP_MARGIN), round((y1 - y0) * CROP_MARGIN)
    box = (max(0, x0 - dx), max(0, y0 - dy), min(width, x1 + dx), min(height, y1 + dy))
    record["box"] = list(box)
    return [image.crop(box) for image in state.images]


def _crop_centred_on_selection(state: _RunState, record: dict[str, Any]) -> list[Image.Image]:
    """"Centre him in the photo": the largest box centred on the selection (tools.geometry.box_centred_on); a
    selection already in the middle leaves the picture as it is, and the reply says so."""
    from retouch.tools import geometry

    keep = mask_ops.bounding_box(mask_ops.from_bool(mask_ops.binary(state.mask))) if state.mask is not None else None
    if keep is None:
        raise RetouchError("there is nothing selected to centre",
                           "Name what goes in the middle, e.g. 'centre the dog', or select it first.")
    box = geometry.box_centred_on(state.image.size, keep)
    record["box"] = list(box)
    if box == (0, 0, *state.image.size):
        state.notes.append("It already sits in the middle, so nothing was cropped.")
        return state.images
    return [image.crop(box) for image in state.images]


def _crop_to_subject(state: _RunState, aspect: str | None, record: dict[str, Any]) -> list[Image.Image]:
    """"Crop it better": in around the main subject (tools.subject_crop) — the people the finder sees and the
    photo's own subject estimate — at the photo's shape or `aspect`; nothing standing out, or a subject that fills
    the frame, leaves the pictures as they are, and the reply says so."""
    from retouch.tools import geometry
    from retouch.tools.subject_crop import subject_crop

    people = [found.box for found in state.backends.finder().find(state.image, "person")]
    found = subject_crop(np.asarray(state.image.convert("RGB")), people,
                         geometry.parse_aspect(aspect) if aspect else None, aspect)
    state.notes.append(found.sentence)
    record["box"] = list(found.box) if found.box else None
    if found.box is None:
        return state.images
    return [image.crop(found.box) for image in state.images]


def _crop_keeping_selection(state: _RunState, aspect: str, record: dict[str, Any]) -> list[Image.Image]:
    """"Crop it to 4:5 but keep both people": the largest box of that shape that holds the
    selection; when none inside the picture can, grow the canvas to the shape instead, so nothing
    selected is ever cut (and say so)."""
    from retouch.tools import geometry

    keep = mask_ops.bounding_box(mask_ops.from_bool(mask_ops.binary(state.mask))) if state.mask is not None else None
    if keep is None:
        raise RetouchError("there is nothing selected to keep inside the crop",
                           "Name what must stay, e.g. 'crop it to 4:5 but keep both people'.")
    box = geometry.aspect_box_around(state.image.size, geometry.parse_aspect(aspect), keep)
    if box is not None:
        record["box"] = list(box)
        return [image.crop(box) for image in state.images]
    from retouch.tools.outpaint import outpaint

    grown = outpaint(state.image, aspect=aspect, seed=0, inpainter=_outpainter(state.backends),
                     progress=state.progress, cancel=state.cancel)
    record["grew_to"] = aspect
    state.notes.append(f"No {aspect} crop of the picture holds everything selected, so I grew the canvas "
                       f"to {aspect} instead of cutting any of it.")
    return [grown.image]


def _run_enhance(state: _RunState, call: EnhanceCall, record: dict[str, Any]) -> None:
    """Measure and correct (tools.enhance); the reply's note says what was measured and done. Straighten
    turns the picture by the tilt its lines show — cropped to the largest upright rectangle, or with
    keep_all on a canvas grown first (the built-in outpainter, seed 0, so a replay gives the same pixels)."""
    from retouch.tools.enhance import enhance, sentence

    args = call.args
    if args.masked and (state.mask is None or not np.asarray(state.mask).any()):
        raise RetouchError("there is no selection to enhance", "Select something first, or drop 'only the …'.")
    strength = args.strength if args.strength is not None else 1.0
    tonal = None if args.parts is None else [part for part in args.parts if part != "straighten"]
    done: list[str] = []
    fine: list[str] = []
    notes: list[str] = []
    if tonal is None or tonal:
        results = [enhance(image, parts=tonal, strength=strength, mask=state.mask if args.masked else None,
                           felt=args.felt) for image in state.images]
        state.images = [result.image for result in results]
        record["enhance"] = results[0].record()
        done, fine, notes = list(results[0].done), list(results[0].fine), list(results[0].notes)
    if args.parts is not None and "straighten" in args.parts:
        done.extend(_straighten(state, args.keep_all, alone=not tonal, record=record, notes=notes))
    if done or fine:
        notes.insert(0, sentence(done, fine))
    state.notes.extend(notes)
    record["changes_image"] = True


def _straighten(state: _RunState, keep_all: bool, *, alone: bool, record: dict[str, Any],
                notes: list[str]) -> list[str]:
    from retouch.tools import geometry
    from retouch.tools.enhance import measure_tilt
    from retouch.tools.enhance.thresholds import THRESHOLDS

    tilt = measure_tilt(state.image)
    record["tilt"] = tilt.record()
    if not tilt.reliable:
        message = "I couldn't find a reliable horizon or upright line to straighten it by"
        hint = "Say by how many degrees, e.g. 'straighten by 2 degrees counter-clockwise'."
        if alone:
            raise RetouchError(message, hint)
        notes.append(f"{message}, so I didn't turn it. {hint}")
        return []
    if abs(tilt.degrees) < THRESHOLDS.min_tilt:
        notes.append(f"It is already level (within {THRESHOLDS.min_tilt:g}°), so I didn't turn it.")
        return []
    turn = -tilt.degrees                                     # clockwise degrees that undo the tilt
    images = state.images
    if keep_all:
        from retouch.tools.outpaint import outpaint

        zoom = geometry.zoom_to_keep_all(state.image.size, turn)
        grown = outpaint(state.image, zoom=zoom, seed=0, inpainter=state.backends.inpainter(),
                         progress=state.progress, cancel=state.cancel)
        images = [grown.image]
        record["grew"] = zoom
    state.images = [geometry.rotate(image, turn) for image in images]
    state.mask = None                 # the old selection no longer lines up with the turned canvas
    state.found = state.found_target = None
    record["size"] = list(state.images[0].size)
    way = "clockwise" if turn > 0 else "counter-clockwise"
    said = f"straightened it by {abs(turn):.1f}° {way}"
    return [said + (" (the canvas grew first, so nothing is cut; the new corners are filled in)" if keep_all
                    else " (cropped to the largest upright rectangle)")]


_HANDLERS: dict[type, Callable[[_RunState, Any, dict[str, Any]], None]] = {
    SelectCall: _run_select, RegionCall: _run_region, RefineMaskCall: _run_refine,
    InpaintCall: _run_inpaint, OutpaintCall: _run_outpaint, AdjustCall: _run_adjust, CropCall: _run_crop,
    EnhanceCall: _run_enhance,
}
