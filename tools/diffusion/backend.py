"""The diffusers inpainter: SD 1.5/2, SDXL and FLUX.1 Fill behind the `Inpainter` protocol.

An edit reads top to bottom: soften the mask, pick the work area (the mask's box, padded and
widened to the model's aspect — "inpaint at full resolution"), scale it to the model's size, paint
it once per variation (seed, seed + 1, …), scale back, correct the seam colour, and paste through
the soft mask with `tools.inpaint.composite` — so outside the mask every pixel is the original's.

A removal is two passes. Stable Diffusion asked to fill a hole tends to paint a new object into it
(Grounded-SAM #455, IOPaint #457), so the hole is first filled by the built-in content-aware fill,
and the model only cleans that fill up at a low strength (`cleanup_strength`, 0.35 by default) with
a prompt about the surroundings — never the removed object, which goes in the negative prompt.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np
from PIL import Image

from retouch.tools.diffusion.colour import match_seam_colour
from retouch.tools.diffusion.crop import Box, mask_bbox, work_area
from retouch.tools.diffusion.capabilities import FILLS, OPTIONS
from retouch.tools.diffusion.loader import LoadedPipeline, load_pipeline
from retouch.tools.diffusion.paint import PaintSettings, model_guidance, paint, schedule, steps_for
from retouch.tools.errors import Cancelled, RetouchError
from retouch.tools.fill import content_aware_fill
from retouch.tools.inpaint import InpaintRequest, InpaintResult, ProgressCallback, composite, compositing_mask, hard_region
from retouch.tools.masks import Mask

DEFAULT_MODEL = "stable-diffusion-v1-5/stable-diffusion-inpainting"

REMOVAL_PROMPT = "background, seamless, natural continuation of the surroundings, consistent lighting and texture"
REMOVAL_NEGATIVE = ("person, people, object, animal, text, watermark, logo, signature, frame, border, "
                    "duplicate, blurry, artifacts")


class DiffusersInpainter:
    """Loads its pipeline on the first edit; the process's model cache keeps it for the next."""

    name = "diffusers"

    def __init__(self, model: str | None = None, device: str | None = None, dtype: str | None = None,
                 offload: bool = False, soft: bool = False, controlnet: str | None = None, control: str = "canny",
                 control_scale: float = 1.0, depth_model: str | None = None, colour_correction: bool = True,
                 resolution: int | None = None, **unknown: Any) -> None:
        if unknown:
            name = sorted(unknown)[0]
            raise RetouchError(f"the diffusers inpainter has no option {name!r}", f"Known: {', '.join(OPTIONS)}.")
        self.model = model or DEFAULT_MODEL
        self.device = None if device in (None, "", "auto") else device
        self.dtype = None if dtype in (None, "", "auto") else dtype
        self.offload = bool(offload)
        self.soft = bool(soft)
        self.controlnet = controlnet or None
        self.control = control
        self.control_scale = float(control_scale)
        self.depth_model = depth_model
        self.colour_correction = bool(colour_correction)
        self.resolution = int(resolution) if resolution else None

    def supports(self, request: InpaintRequest) -> bool:
        return True

    def loaded(self) -> LoadedPipeline:
        """The pipeline, from the process's model cache (loaded on the first edit; held by the cache,
        not by this backend, so dropping the cache frees it)."""
        return load_pipeline(self.model, device=self.device, dtype=self.dtype, offload=self.offload,
                             controlnet=self.controlnet, resolution=self.resolution)

    def inpaint(self, image: Image.Image, mask: Mask, request: InpaintRequest, *,
                progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None) -> InpaintResult:
        started = time.perf_counter()
        _check_cancel(cancel)
        soft_mask = soft_edit_mask(mask, request.mask_blur)
        if not soft_mask.any():
            raise RetouchError("the selection is empty, so there is nothing to change",
                               "Select something first, or give a --mask with white where to edit.")
        if request.fill not in FILLS:
            raise RetouchError(f"unknown fill {request.fill!r}", f"Use one of: {', '.join(FILLS)}.")
        count = max(1, request.variations)
        if request.strength <= 0:
            return InpaintResult(images=[image.copy() for _ in range(count)],
                                 info={"backend": self.name, "task": request.task, "strength": 0.0,
                                       "note": "strength 0 leaves the image as it was"})
        if request.task == "background" and (request.background or "blur") != "generate":
            from retouch.tools.builtin_inpainter import BuiltinInpainter

            return BuiltinInpainter().inpaint(image, mask, request, progress=progress, cancel=cancel)

        loaded = self.loaded()
        load_seconds = time.perf_counter() - started
        _check_cancel(cancel)
        info: dict[str, Any] = {"backend": self.name, **loaded.describe(), "task": request.task}

        # Everything from here on works inside the work area: the cost follows the crop, not the photo.
        area = work_area(soft_mask, full_resolution=request.full_resolution, padding=request.padding,
                         native=loaded.native, multiple=loaded.multiple)
        box = area.box
        box_size = (box[2] - box[0], box[3] - box[1])
        original = image.crop(box).convert("RGB")
        edit_mask = soft_mask[box[1]:box[3], box[0]:box[2]]
        if request.task == "remove":
            fill_started = time.perf_counter()
            base = _filled(image, soft_mask, box, seed=request.seed)
            settings = PaintSettings(prompt=removal_prompt(request), negative_prompt=removal_negative(request),
                                     strength=request.cleanup_strength, fill="original", steps=request.steps,
                                     guidance=request.guidance, seed=request.seed, soft=self.soft)
            info.update(passes=["content_aware_fill", "diffusion_cleanup"], cleanup_strength=request.cleanup_strength,
                        fill_seconds=round(time.perf_counter() - fill_started, 4))
            if settings.strength <= 0:
                result = paste_through(image, base, edit_mask, box)
                info.update(passes=["content_aware_fill"], seed=request.seed)
                return InpaintResult(images=[result.copy() for _ in range(count)], info=info)
            what = "removing: clean-up"
        else:
            base = original
            settings = PaintSettings(prompt=request.prompt or request.color or "",
                                     negative_prompt=request.negative_prompt, strength=request.strength,
                                     fill=request.fill, steps=request.steps, guidance=request.guidance,
                                     seed=request.seed, soft=self.soft)
            what = "inpainting"

        crop = base.resize(area.size, Image.Resampling.LANCZOS)
        crop_mask = Image.fromarray(edit_mask, "L").resize(area.size, Image.Resampling.BILINEAR)
        if self.controlnet:
            from retouch.tools.diffusion.control import control_image

            settings = _replace(settings, control_image=control_image(crop, self.control, depth_model=self.depth_model,
                                                                      device=loaded.device),
                                control_scale=self.control_scale)

        steps_run = _scheduled_steps(loaded, steps_for(settings.steps, settings.strength), settings.strength,
                                     area.size)
        reporter = _Progress(progress, cancel, count, steps_run, what)
        reporter.start()
        images, seeds, seconds = [], [], []
        for index in range(count):
            seed = (request.seed + index) % 2**32
            run_started = time.perf_counter()
            painted = paint(loaded, crop, crop_mask, _replace(settings, seed=seed), on_step=reporter.step)
            _check_cancel(cancel)
            reporter.finished_run()
            back = painted.convert("RGB").resize(box_size, Image.Resampling.LANCZOS)
            if self.colour_correction:
                back = Image.fromarray(match_seam_colour(np.asarray(back), np.asarray(original), edit_mask,
                                                         ring_width=max(4, request.mask_blur)), "RGB")
            images.append(paste_through(image, back, edit_mask, box))
            seeds.append(seed)
            seconds.append(round(time.perf_counter() - run_started, 4))

        info.update(
            seed=seeds[0], seeds=seeds, steps=settings.steps, steps_run=reporter.per_run,
            guidance=settings.guidance, strength=settings.strength, fill=settings.fill, soft=self.soft,
            prompt=settings.prompt, negative_prompt=settings.negative_prompt,
            full_resolution=request.full_resolution, painting_size=list(area.size),
            colour_correction=self.colour_correction,
            timings={"load_seconds": round(load_seconds, 4), "paint_seconds": seconds,
                     "total_seconds": round(time.perf_counter() - started, 4)})
        if loaded.family == "flux-fill":
            info["model_guidance"] = model_guidance(loaded.family, settings.guidance)
        if request.full_resolution:
            info["crop_box"] = list(box)
        if self.controlnet:
            info.update(control=self.control, control_scale=self.control_scale)
        return InpaintResult(images=images, info=info)


def soft_edit_mask(mask: Mask, mask_blur: int) -> Mask:
    """`compositing_mask` computed only around the selection (a 2048² photo with a small mask
    shouldn't pay for a distance transform of all of it); zeros elsewhere."""
    values = np.asarray(mask, dtype=np.uint8)
    bbox = mask_bbox(values)
    out = np.zeros(values.shape, np.uint8)
    if bbox is None:
        return out
    margin = max(0, mask_blur) + 2
    x0, y0 = max(0, bbox[0] - margin), max(0, bbox[1] - margin)
    x1, y1 = min(values.shape[1], bbox[2] + margin), min(values.shape[0], bbox[3] + margin)
    out[y0:y1, x0:x1] = compositing_mask(values[y0:y1, x0:x1], mask_blur)
    return out


def paste_through(image: Image.Image, generated: Image.Image, mask: Mask, box: Box) -> Image.Image:
    """`image` with `generated` blended in over `box` through `mask` (the box's part of the soft
    mask) by `tools.inpaint.composite`: outside the mask, and everywhere outside the box, every
    pixel is the original's."""
    out = image.copy() if image.mode in ("RGB", "RGBA") else image.convert("RGB")
    out.paste(composite(out.crop(box), generated, mask), box[:2])
    return out


def _filled(image: Image.Image, soft_mask: Mask, box: Box, *, seed: int) -> Image.Image:
    """The work area with the hole filled by the built-in content-aware fill (the removal's first
    pass), which gets half a box of extra context on every side to draw texture from."""
    width, height = image.size
    reach = max(box[2] - box[0], box[3] - box[1]) // 2
    context = (max(0, box[0] - reach), max(0, box[1] - reach), min(width, box[2] + reach),
               min(height, box[3] + reach))
    pixels = np.asarray(image.crop(context).convert("RGB"))
    hole = hard_region(soft_mask[context[1]:context[3], context[0]:context[2]])
    filled = content_aware_fill(pixels, hole, seed=seed)
    left, top = box[0] - context[0], box[1] - context[1]
    return Image.fromarray(np.ascontiguousarray(filled[top:top + box[3] - box[1], left:left + box[2] - box[0]]),
                           "RGB")


def removal_prompt(request: InpaintRequest) -> str:
    """What should be where the object was: the surroundings. A prompt the planner wrote for a
    removal describes the background (docs/DESIGN.md §3), so it is kept; the object's name never is."""
    return f"{REMOVAL_PROMPT}, {request.prompt}" if request.prompt else REMOVAL_PROMPT


def removal_negative(request: InpaintRequest) -> str:
    removed = request.extra.get("target") or request.extra.get("removed")
    parts = [REMOVAL_NEGATIVE, *(part for part in (removed, request.negative_prompt) if part)]
    return ", ".join(parts)


def _replace(settings: PaintSettings, **changes: Any) -> PaintSettings:
    from dataclasses import replace

    return replace(settings, **changes)


def _scheduled_steps(loaded: LoadedPipeline, steps: int, strength: float, size: tuple[int, int]) -> int:
    """How many step callbacks one run makes (some schedulers run a step twice, e.g. PNDM's first)."""
    if loaded.family == "other":
        return min(int(steps * strength), steps)
    return len(schedule(loaded, steps, strength, size))


def _check_cancel(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


class _Progress:
    """Turns per-run steps into one progress bar over all variations; stops between steps."""

    def __init__(self, progress: ProgressCallback | None, cancel: threading.Event | None, runs: int,
                 per_run: int, what: str) -> None:
        self.progress, self.cancel, self.runs, self.per_run, self.what = progress, cancel, runs, per_run, what
        self.done_runs = 0

    def start(self) -> None:
        if self.progress:
            self.progress(0, self.runs * self.per_run, self.what)

    def step(self, done: int, total: int) -> None:
        _check_cancel(self.cancel)
        self.per_run = total
        if self.progress:
            label = self.what if self.runs == 1 else f"{self.what} ({self.done_runs + 1}/{self.runs})"
            self.progress(self.done_runs * total + done, self.runs * total, label)

    def finished_run(self) -> None:
        self.done_runs += 1
