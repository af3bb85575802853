"""Extending the canvas: more of the scene on any side, to an aspect, a zoom-out or an exact size.

The domain guide's recipe (and A1111's outpainting mk2, ComfyUI's ImagePadForOutpaint): grow in
stages of 128–256 px rather than all at once, each stage seeing 64–128 px of what is already
there, one side at a time — left, right, top, bottom, so the top and bottom strips span the
already widened canvas and corners come last — with a fresh seed per stage and a prompt that
describes the whole scene. Each new strip starts as the edge stretched outward, blurred and
lightly noised, so a generating backend never starts from a blank.

Backends: a diffusion inpainter gets each stage as its own full-resolution crop (strip + context)
with the strip masked; the built-in backend continues the texture of the band next to the strip
by image quilting (`tools.texture`), never copying from the subject — estimated by
`tools.subject`, plus whatever the caller excludes (what the finder found) — while anything else
is there, so "zoom out" does not grow a second row of paws. Quilting beat PatchMatch on the strip
on seams and time (4× faster) when the method was chosen, so it is BUILTIN_METHOD;
benchmarks/outpaint_quality.py now scores the whole outpainter against plain PatchMatch on the
grown canvas, mirror padding and TELEA (an uncrop with the cut-off truth). Either way
the original's pixels are copied into the result bit for bit and never handed out for rewriting.

`aspect` adds the least canvas that reaches the ratio (within a pixel), split evenly between
opposite sides unless `sides` names which may grow; `zoom` grows each dimension by the factor;
pixels per side, zoom and aspect combine in that order. `size` (an exact final width × height,
e.g. a 820×312 cover) shrinks the original uniformly when it doesn't fit — never enlarges it,
which would only invent blur — and outpaints the rest; then the *scaled* original appears bit
for bit. A request that adds nothing (an aspect already met, the size it already has) is a
RetouchError rather than a silent copy, and so is a result over 100 MP.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Literal

import cv2
import numpy as np
from PIL import Image
from scipy.ndimage import gaussian_filter1d

from retouch.tools import texture
from retouch.tools.continuation import SOURCE_BLOCKS, BorderSources, band, continue_stage
from retouch.tools.errors import Cancelled, RetouchError
from retouch.tools.geometry import parse_aspect
from retouch.tools.inpaint import InpaintRequest
from retouch.tools.masks import feather
from retouch.tools.regions import Box, union_box
from retouch.tools.settings import OUTPAINT_DEFAULTS

if TYPE_CHECKING:
    from retouch.tools.subject import Subject

SideName = Literal["left", "right", "top", "bottom"]
ProgressCallback = Callable[[int, int, str], None]

SIDES: tuple[SideName, ...] = ("left", "right", "top", "bottom")
DEFAULT_STEP = OUTPAINT_DEFAULTS.step
DEFAULT_OVERLAP = OUTPAINT_DEFAULTS.overlap
"""Declared in tools.settings (the policy fills a plan's from there too): used when called directly."""
FEATHER = 32
"""How far a generating backend's strip blends into the previous stage's new content (never into
the original)."""
SIDE_SHARE = 0.25
"""A side named with no amount ("more sky on top") grows by this share of the image's size."""
MAX_PIXELS = 100_000_000
MAX_GROWTH = 8
GROWTH_ALLOWANCE = 2048
"""The canvas may grow on each axis to MAX_GROWTH times the picture (the zoom-out limit) or by
GROWTH_ALLOWANCE px, whichever is more: "extend 16384 px" on a 256 px photo is a slip, not a
picture, and would quilt 86 strips for minutes; a tiny image still grows to any ordinary size."""
MIN_CONTEXT = 8
"""A smaller overlap is raised to this: a strip that sees nothing of the picture has nothing to
continue (the guide: zero overlap gives disconnected results)."""
BUILTIN_METHOD = "quilting"
"""How the built-in backend continues a border: "quilting" (`tools.texture`) or "patchmatch"
(`tools.fill` on the strip plus the band next to it); see benchmarks/outpaint_quality.py."""


@dataclass(frozen=True)
class Layout:
    """Where the (possibly scaled) original sits on the final canvas."""

    left: int
    right: int
    top: int
    bottom: int
    inner: tuple[int, int]
    """Width and height of the original as placed (smaller than the input only for `size`)."""

    @property
    def size(self) -> tuple[int, int]:
        return self.left + self.inner[0] + self.right, self.top + self.inner[1] + self.bottom

    @property
    def original_box(self) -> Box:
        return self.left, self.top, self.left + self.inner[0], self.top + self.inner[1]

    def amount(self, side: SideName) -> int:
        return getattr(self, side)


@dataclass(frozen=True)
class Stage:
    side: SideName
    box: Box
    """The new strip, in final-canvas coordinates."""
    context: Box
    """The existing content next to it that the backend sees."""
    seed: int
    known: Box
    """Everything that existed before this stage (the original plus earlier strips)."""


@dataclass
class OutpaintResult:
    image: Image.Image
    stages: list[dict[str, Any]]
    """One JSON-able record per stage: side, box, context, seed, backend, seconds."""
    original_box: Box
    scale: float = 1.0
    notes: list[str] = field(default_factory=list)


def outpaint(image: Image.Image, *, left: int | None = None, right: int | None = None, top: int | None = None,
             bottom: int | None = None, aspect: str | None = None, zoom: float | None = None,
             size: tuple[int, int] | None = None, sides: Iterable[str] | None = None, prompt: str = "",
             step: int | None = None, overlap: int | None = None, seed: int = 0, inpainter: Any = None,
             exclude: np.ndarray | None = None, progress: ProgressCallback | None = None,
             cancel: threading.Event | None = None) -> OutpaintResult:
    """Extend `image` by pixels per side, to an aspect, by a zoom-out factor or to an exact size.

    `sides` limits which sides grow for aspect / zoom / size (default: split evenly between
    opposite sides). `exclude` (bool or a 0/255 mask the size of `image`) marks what the built-in
    continuation must not copy, on top of the subject it estimates itself (`tools.subject`).
    `inpainter`: a backend that paints the stages itself (one whose capabilities say it outpaints);
    None: the built-in texture continuation.
    Raises RetouchError for requests that add nothing or are absurdly large.
    """
    step = DEFAULT_STEP if step is None else step
    overlap = DEFAULT_OVERLAP if overlap is None else overlap
    if step < 1 or overlap < 0:
        raise RetouchError("the outpaint step must be at least 1 px and the overlap not negative",
                           "Leave step and overlap unset to use 192 and 96.")
    overlap = max(overlap, MIN_CONTEXT)
    layout = plan_layout(image.size, left=left, right=right, top=top, bottom=bottom, aspect=aspect, zoom=zoom,
                         size=size, sides=sides)
    stages = plan_stages(layout, step=step, overlap=overlap, seed=seed)
    scale = layout.inner[0] / image.width
    if layout.inner != image.size:
        image = image.resize(layout.inner, Image.Resampling.LANCZOS)
    rgb, alpha, output_mode = _split_modes(image)

    width, height = layout.size
    canvas = np.zeros((height, width, 3), np.uint8)
    x0, y0, x1, y1 = layout.original_box
    canvas[y0:y1, x0:x1] = np.asarray(rgb)
    protected = np.zeros((height, width), bool)
    protected[y0:y1, x0:x1] = True

    records: list[dict[str, Any]] = []
    notes: list[str] = []
    use_builtin = inpainter is None  # the caller hands over only a backend that paints stages itself
    avoid, borders = None, None
    if use_builtin or not _can_outpaint(inpainter):
        avoid = np.zeros((height, width), bool)
        subject, excluded = _subject(np.asarray(rgb), exclude)
        avoid[y0:y1, x0:x1] = subject.mask | excluded
        borders = BorderSources.of(canvas, layout.original_box, avoid, cut=subject.cut, fixed=excluded)
    if progress and stages:
        progress(0, len(stages), f"outpaint {stages[0].side}")
    for index, stage in enumerate(stages):
        if cancel is not None and cancel.is_set():
            raise Cancelled()
        started = time.perf_counter()
        if not use_builtin:  # a generating backend starts from the edge stretched out; quilting never reads it
            _initial_fill(canvas, stage, np.random.default_rng(stage.seed))
        if use_builtin and BUILTIN_METHOD == "patchmatch":
            record = _fill_patchmatch(canvas, stage, layout.original_box, overlap=overlap,
                                      avoid=borders.avoid_on_canvas(stage.side, canvas.shape[:2]))
        elif use_builtin:
            record = _fill_builtin(canvas, stage, borders, overlap=overlap, cancel=cancel)
        else:
            record = _fill_with(inpainter, canvas, protected, stage, layout.original_box, prompt=prompt,
                                cancel=cancel, notes=notes, borders=borders)
        record = {"side": stage.side, "box": list(stage.box), "context": list(stage.context), "seed": stage.seed,
                  **record, "seconds": round(time.perf_counter() - started, 4)}
        records.append(record)
        if progress:
            progress(index + 1, len(stages), f"outpaint {stage.side}")

    canvas[y0:y1, x0:x1] = np.asarray(rgb)  # the invariant, whatever a backend did
    result = Image.fromarray(canvas, "RGB")
    if alpha is not None:
        full = np.full((height, width), 255, np.uint8)
        full[y0:y1, x0:x1] = np.asarray(alpha)
        result.putalpha(Image.fromarray(full, "L"))
    if output_mode != result.mode:
        result = result.convert(output_mode)
    return OutpaintResult(image=result, stages=records, original_box=layout.original_box, scale=scale,
                          notes=notes)


# ---------------------------------------------------------------- geometry


def plan_layout(image_size: tuple[int, int], *, left: int | None = None, right: int | None = None,
                top: int | None = None, bottom: int | None = None, aspect: str | None = None,
                zoom: float | None = None, size: tuple[int, int] | None = None,
                sides: Iterable[str] | None = None) -> Layout:
    """How many pixels each side grows (and the original's placed size, for `size`)."""
    width, height = image_size
    named = _check_sides(sides)
    explicit = {"left": left or 0, "right": right or 0, "top": top or 0, "bottom": bottom or 0}
    if any(value < 0 for value in explicit.values()):
        raise RetouchError("an outpaint amount is negative", "To make the picture smaller, crop it instead.")
    if size is not None:
        if any(explicit.values()) or aspect is not None or zoom is not None:
            raise RetouchError("an exact size can't be combined with pixels, an aspect or a zoom",
                               "Ask for the size alone, e.g. 820×312.")
        return _layout_for_size(image_size, size, named)

    added = dict(explicit)
    if zoom is not None:
        if not 1 < zoom <= 8:
            raise RetouchError(f"a zoom-out of {zoom:g}× is outside 1–8×", "Try 1.5 or 2.")
        for axis, length in (("horizontal", width), ("vertical", height)):
            _grow(added, axis, round(length * zoom) - length, named, required=False)
    if aspect is not None:
        ratio = parse_aspect(aspect)
        current_w = width + added["left"] + added["right"]
        current_h = height + added["top"] + added["bottom"]
        wider = round(current_h * ratio) - current_w
        taller = round(current_w / ratio) - current_h
        if wider > 0:
            _grow(added, "horizontal", wider, named, required=True, why=f"to reach {aspect}")
        elif taller > 0:
            _grow(added, "vertical", taller, named, required=True, why=f"to reach {aspect}")
        elif not any(added.values()):
            raise RetouchError(f"the image is already {aspect} ({width}×{height})",
                               "Name a side and an amount instead, e.g. 'extend 256 px to the right'.")
    if not any(added.values()) and named and zoom is None and aspect is None:
        for side in named:
            length = width if side in ("left", "right") else height
            added[side] = max(1, round(length * SIDE_SHARE))
    if not any(added.values()):
        raise RetouchError("nothing to add: no side, amount, aspect, zoom or size was given",
                           "For example: 'extend 256 px to the right', 'make it 16:9', 'zoom out 1.5x'.")
    layout = Layout(inner=(width, height), **added)
    _check_total(layout.size)
    _check_growth(layout)
    return layout


def _layout_for_size(image_size: tuple[int, int], size: tuple[int, int], named: list[SideName]) -> Layout:
    width, height = image_size
    target_w, target_h = size
    if target_w < 1 or target_h < 1:
        raise RetouchError(f"the size {target_w}×{target_h} has a zero side", "Give a width and height in pixels.")
    _check_total((target_w, target_h))
    if (target_w, target_h) == (width, height):
        raise RetouchError(f"the image is already {width}×{height}", "Ask for a different size or aspect.")
    scale = min(1.0, target_w / width, target_h / height)
    inner_w = min(target_w, max(1, round(width * scale))) if scale < 1 else width
    inner_h = min(target_h, max(1, round(height * scale))) if scale < 1 else height
    added = {"left": 0, "right": 0, "top": 0, "bottom": 0}
    _grow(added, "horizontal", target_w - inner_w, named, required=True, why=f"to reach {target_w}×{target_h}")
    _grow(added, "vertical", target_h - inner_h, named, required=True, why=f"to reach {target_w}×{target_h}")
    layout = Layout(inner=(inner_w, inner_h), **added)
    _check_growth(layout)
    return layout


def _grow(added: dict[str, int], axis: str, amount: int, named: list[SideName], *, required: bool,
          why: str = "") -> None:
    """Share `amount` between the named sides on `axis` (both, evenly, when none is named)."""
    if amount <= 0:
        return
    pair: tuple[SideName, SideName] = ("left", "right") if axis == "horizontal" else ("top", "bottom")
    chosen = [side for side in pair if side in named] if named else list(pair)
    if not chosen:
        if not required:
            return
        raise RetouchError(
            f"the picture has to grow {'wider' if axis == 'horizontal' else 'taller'} {why}, "
            f"but only {' and '.join(named)} may grow",
            f"Allow the {pair[0]} or {pair[1]} side too, or leave the sides out.")
    first = amount // len(chosen)
    added[chosen[0]] += first
    if len(chosen) == 2:
        added[chosen[1]] += amount - first


def _check_sides(sides: Iterable[str] | None) -> list[SideName]:
    named = list(dict.fromkeys(sides or []))
    unknown = [side for side in named if side not in SIDES]
    if unknown:
        raise RetouchError(f"{unknown[0]!r} is not a side", "Use left, right, top or bottom.")
    return named  # type: ignore[return-value]


def _check_total(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise RetouchError(f"the result would be {width}×{height} ({width * height / 1e6:.0f} MP), "
                           f"more than the {MAX_PIXELS // 1_000_000} MP limit",
                           "Ask for a smaller extension, or downscale the picture first.")


def _check_growth(layout: Layout) -> None:
    """Refuse, before any work, a canvas past the growth limit on either axis (see MAX_GROWTH)."""
    (inner_w, inner_h), (width, height) = layout.inner, layout.size
    for axis, before, after in (("wide", inner_w, width), ("tall", inner_h, height)):
        limit = max(MAX_GROWTH * before, before + GROWTH_ALLOWANCE)
        if after > limit:
            raise RetouchError(
                f"the result would be {width}×{height}, {after / before:.0f}× as {axis} as the "
                f"{inner_w}×{inner_h} picture; it can grow by at most {limit - before} px that way",
                "Ask for less, or extend in a few separate steps to check each one.")


def plan_stages(layout: Layout, *, step: int, overlap: int, seed: int) -> list[Stage]:
    """The strips in order left, right, top, bottom; each ≤ step and sized evenly within a side."""
    x0, y0, x1, y1 = layout.original_box
    stages: list[Stage] = []
    for side in SIDES:
        amount = layout.amount(side)
        if amount <= 0:
            continue
        count = math.ceil(amount / step)
        for part in _split(amount, count):
            known = (x0, y0, x1, y1)
            if side == "left":
                box, context = (x0 - part, y0, x0, y1), (x0, y0, min(x1, x0 + overlap), y1)
                x0 -= part
            elif side == "right":
                box, context = (x1, y0, x1 + part, y1), (max(x0, x1 - overlap), y0, x1, y1)
                x1 += part
            elif side == "top":
                box, context = (x0, y0 - part, x1, y0), (x0, y0, x1, min(y1, y0 + overlap))
                y0 -= part
            else:
                box, context = (x0, y1, x1, y1 + part), (x0, max(y0, y1 - overlap), x1, y1)
                y1 += part
            stages.append(Stage(side=side, box=box, context=context, seed=stage_seed(seed, len(stages)),
                                known=known))
    return stages


def stage_seed(seed: int, index: int) -> int:
    """A different, reproducible seed per stage (the guide: a new seed for every extension)."""
    return int(np.random.SeedSequence([seed, index]).generate_state(1)[0])


def _split(amount: int, count: int) -> list[int]:
    base, extra = divmod(amount, count)
    return [base + (1 if index < extra else 0) for index in range(count)]


# ---------------------------------------------------------------- filling a stage


def _initial_fill(canvas: np.ndarray, stage: Stage, rng: np.random.Generator) -> None:
    """Edge extension, blurred more the farther out, plus seeded noise at the border's own level."""
    x0, y0, x1, y1 = stage.box
    cx0, cy0, cx1, cy1 = stage.context
    band = canvas[cy0:cy1, cx0:cx1].astype(np.float32)
    oriented = texture.to_right(band, stage.side)  # the edge is the last column, growth to the right
    edge = oriented[:, -min(4, oriented.shape[1]):].mean(axis=1)
    depth = (x1 - x0) if stage.side in ("left", "right") else (y1 - y0)
    sigma = max(2.0, depth / 8)
    smooth = gaussian_filter1d(edge, sigma, axis=0, mode="nearest")
    steps = (np.arange(depth, dtype=np.float32) + 1) / depth
    strip = edge[:, None] * (1 - steps)[None, :, None] + smooth[:, None] * steps[None, :, None]
    # Noise at the border's own fine-detail level, mostly in brightness (as photo grain is).
    level = max(1.0, float(np.std(oriented - cv2.GaussianBlur(oriented, (0, 0), 2)))) if oriented.size else 1.0
    grain = rng.normal(0.0, level, strip.shape[:2] + (1,)) + rng.normal(0.0, level / 4, strip.shape)
    strip += grain.astype(np.float32)
    canvas[y0:y1, x0:x1] = np.clip(texture.from_right(strip, stage.side) + 0.5, 0, 255).astype(np.uint8)


def _subject(rgb: np.ndarray, exclude: np.ndarray | None) -> "tuple[Subject, np.ndarray]":
    """What the built-in continuation must not copy: the estimated subject (which a side whose
    frame cuts it may continue, `tools.continuation`) and `exclude` resized to the photo as a bool
    mask (never copied)."""
    from retouch.tools.subject import estimate_subject

    subject = estimate_subject(rgb)
    given = np.zeros(rgb.shape[:2], bool)
    if exclude is not None:
        given = np.asarray(exclude) > 0
        if given.shape != rgb.shape[:2]:
            given = cv2.resize(given.astype(np.uint8), rgb.shape[1::-1], interpolation=cv2.INTER_NEAREST) > 0
    return subject, given


def _can_outpaint(inpainter: Any) -> bool:
    probe = InpaintRequest(task="outpaint")
    return not hasattr(inpainter, "supports") or bool(inpainter.supports(probe))


def _fill_builtin(canvas: np.ndarray, stage: Stage, borders: BorderSources, *, overlap: int,
                  cancel: threading.Event | None = None) -> dict[str, Any]:
    """Quilt the strip from a band of the *original* along its side (`tools.continuation`): real
    pixels, never copies of earlier strips, never the subject while anything else is there, and
    nothing any stage copied already."""
    return continue_stage(canvas, stage.side, stage.box, stage.known, stage.seed, borders, overlap=overlap,
                          cancel=cancel)


def _fill_patchmatch(canvas: np.ndarray, stage: Stage, original: Box, *, overlap: int,
                     avoid: np.ndarray | None) -> dict[str, Any]:
    """PatchMatch on the strip plus the band of what exists next to it (as deep as quilting's
    source band), the subject excluded as a source — except, as for quilting, where the frame on
    this side cuts it (`avoid`: `BorderSources.avoid_on_canvas`)."""
    from retouch.tools.fill import fill_crop

    ox0, oy0, ox1, oy1 = original
    depth = max(overlap, round(SOURCE_BLOCKS * texture.block_size(oy1 - oy0, ox1 - ox0)))
    cx0, cy0, cx1, cy1 = union_box(stage.box, band(stage.known, stage.side, depth))
    hole = np.zeros((cy1 - cy0, cx1 - cx0), bool)
    x0, y0, x1, y1 = stage.box
    hole[y0 - cy0:y1 - cy0, x0 - cx0:x1 - cx0] = True
    exclude = np.zeros_like(hole) if avoid is None else avoid[cy0:cy1, cx0:cx1] & ~hole
    if not (~hole & ~exclude).any():
        exclude[...] = False  # all subject: continuing it beats having nothing to continue
    filled = fill_crop(canvas[cy0:cy1, cx0:cx1], hole, exclude, seed=stage.seed)
    canvas[y0:y1, x0:x1] = filled[y0 - cy0:y1 - cy0, x0 - cx0:x1 - cx0]
    return {"backend": "builtin", "method": "patchmatch", "crop": [cx0, cy0, cx1, cy1],
            "avoided_px": int(np.count_nonzero(exclude))}


def _fill_with(inpainter: Any, canvas: np.ndarray, protected: np.ndarray, stage: Stage, original: Box, *,
               prompt: str, cancel: threading.Event | None, notes: list[str],
               borders: BorderSources | None) -> dict[str, Any]:
    """Hand a generating backend the stage's crop (strip + context) with the strip masked.

    The crop *is* the work area (full_resolution off: paint the whole image given, at the
    model's pixel budget), so the model always sees the context next to the strip."""
    crop = union_box(stage.box, stage.context)
    cx0, cy0, cx1, cy1 = crop
    mask = np.zeros((cy1 - cy0, cx1 - cx0), np.uint8)
    x0, y0, x1, y1 = stage.box
    mask[y0 - cy0:y1 - cy0, x0 - cx0:x1 - cx0] = 255
    # Blend into the previous stage's new pixels so stages meet softly; the original stays out.
    mask = feather(mask, FEATHER)
    mask[protected[cy0:cy1, cx0:cx1]] = 0
    request = InpaintRequest(task="outpaint", prompt=prompt, strength=1.0, fill="original", full_resolution=False,
                             padding=0, mask_blur=0, seed=stage.seed, variations=1,
                             extra={"side": stage.side, "box": list(stage.box), "context": list(stage.context)})
    if hasattr(inpainter, "supports") and not inpainter.supports(request):
        notes.append(f"the {getattr(inpainter, 'name', 'chosen')} inpainter can't outpaint, "
                     "so the built-in texture continuation filled the new area")
        if borders is None:  # it said it could outpaint, then refused this request: nothing to avoid known
            borders = BorderSources.of(canvas, original, np.zeros(canvas.shape[:2], bool))
        return _fill_builtin(canvas, stage, borders, overlap=DEFAULT_OVERLAP, cancel=cancel)
    image = Image.fromarray(np.ascontiguousarray(canvas[cy0:cy1, cx0:cx1]), "RGB")
    result = inpainter.inpaint(image, mask, request, cancel=cancel)
    generated = result.images[0].convert("RGB")
    if generated.size != image.size:
        generated = generated.resize(image.size, Image.Resampling.LANCZOS)
    region = canvas[cy0:cy1, cx0:cx1]
    writable = (mask > 0) & ~protected[cy0:cy1, cx0:cx1]
    region[writable] = np.asarray(generated)[writable]
    info = dict(getattr(result, "info", {}) or {})
    return {"backend": info.pop("backend", getattr(inpainter, "name", "inpainter")), "crop": list(crop),
            **({"info": _jsonable(info)} if info else {})}


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, np.generic):
        return value.item()
    return str(value)


def _split_modes(image: Image.Image) -> tuple[Image.Image, Image.Image | None, str]:
    """RGB pixels, the alpha channel if any, and the mode to hand back."""
    mode = image.mode
    if mode == "RGBA":
        return image.convert("RGB"), image.getchannel("A"), "RGBA"
    if mode == "LA":
        return image.convert("RGB"), image.getchannel("A"), "LA"
    if mode == "L":
        return image.convert("RGB"), None, "L"
    if mode == "RGB":
        return image, None, "RGB"
    if mode == "P" and "transparency" in image.info or mode in ("PA", "RGBa", "La"):
        converted = image.convert("RGBA")
        return converted.convert("RGB"), converted.getchannel("A"), "RGBA"
    return image.convert("RGB"), None, "RGB"
