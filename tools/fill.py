"""Content-aware fill without weights: what the built-in remover paints into a hole.

The engine is PatchMatch (Barnes et al. 2009) as PyPatchMatch implements it (`import patchmatch`,
MIT, maintained by the InvokeAI project): coarse to fine over an image pyramid, every hole pixel
takes its colour from the known patch that best matches its neighbourhood, so a chain-link fence,
grass or a brick wall continue with their own texture instead of a smooth membrane over the hole.

Around the engine, what makes it a remover:

* **Sources** — `exclude` marks pixels that are never copied from: the other people the finder
  saw, the subject of an outpaint. They go to PyPatchMatch's `global_mask` *and* its hole mask,
  so they are neither sources at the finest level nor averaged into a coarse one, and keep their
  own pixels. PatchMatch copies whatever is near the hole; without this it pastes a piece of the
  rabbit's paw into a hole beside the rabbit.
* **Structure** — a thick hole is filled coarse to fine: first at half size, where 7×7 patches
  span twice as much, and that layout guides the full-size search through PyPatchMatch's
  regularity map, so a fence post or a table edge keeps going where the coarse fill put it.
  On benchmarks/fill_quality.py it raises hole SSIM by 0.02–0.03 over the plain fill.
* **A crop** — the fill sees the hole's bounding box grown by CONTEXT (more where exclusions eat
  the sources) and is pasted back, so pixels outside the hole are bit-identical and the cost
  follows the hole, not the photo. A crop above WORK_PIXELS is filled at a reduced scale and
  enlarged: the cost is bounded, the price is a softer fill in a hole that big. A removal's crop
  (`fill_window`) is reduced to SCALED_PIXELS and filled in one plain pass; `fill_crop` callers
  that want the old reduction (outpainting) keep it. Only the window is ever read or returned:
  no copy of the whole photo.
* **A seed** — PatchMatch's search is random; PyPatchMatch seeds it per call from a process-wide
  value, so the seed is set and the fill run under one lock: same input and seed, same bytes.

benchmarks/fill_quality.py compares it with plain PyPatchMatch, OpenCV's TELEA, Navier–Stokes and
xphoto's shift-map on real photos with the truth known.
"""

from __future__ import annotations

import threading

import cv2
import numpy as np
from PIL import Image

from retouch.tools.deadline import call_interruptibly
from retouch.tools.errors import RetouchError
from retouch.tools.imageio import rgb_window

PATCH_RADIUS = 3
"""PatchMatch compares (2r+1)² = 7×7 patches: wider ones follow larger structure but cost more."""
CONTEXT = 1.0
"""Context kept around the hole, as a multiple of its bounding-box size (plus MIN_MARGIN px)."""
MIN_MARGIN = 32
MIN_SOURCE_SHARE = 1.0
"""The crop grows until it holds at least this many usable source pixels per hole pixel."""
WORK_PIXELS = 1_200_000
"""Crops above this many pixels are filled at a reduced scale (PatchMatch's cost is linear in them)."""
SCALED_PIXELS = 750_000
"""…the size a removal's crop is reduced to, filled in one plain pass: reduced, every 7×7 patch
already spans what the coarse pass would give it, and on a 4096² photo the guided pass at
WORK_PIXELS cost 9.5 s of CPU and 140 MiB (a person removed: 3 s and ~60 MiB now)."""
TINY_SIDE = 2 * PATCH_RADIUS + 3
"""Below this, a crop has no whole patch to compare: each hole pixel takes its nearest known one."""
STRUCTURE_DEPTH = 12
"""Holes thicker than this (px from the edge to the middle) get the coarse-to-fine pass; a thin
stroke is continued well enough by the plain fill."""
GUIDE_WEIGHT = 0.02
"""Weight of the coarse layout against the patch distance (measured: 0.02 keeps the layout
without flattening the texture; 0.1 and above trade texture for smoothness)."""
GUIDE_SIGMA = 2.0
"""Blur of the coarse layout: its colours, not its pixels, guide the full-size search."""

_ENGINE_LOCK = threading.Lock()
"""PyPatchMatch keeps one seed for the process: setting it and filling must not interleave."""


def content_aware_fill(image: np.ndarray, hole: np.ndarray, *, seed: int = 0,
                       exclude: np.ndarray | None = None) -> np.ndarray:
    """image: uint8 (H, W, 3) RGB; hole: bool (H, W), True = fill; exclude: bool (H, W) or None,
    True = never copy from here. Returns a new uint8 (H, W, 3) array where pixels outside `hole`
    are bit-identical to `image`; the same arguments give the same bytes."""
    image, hole, exclude = _check(image, hole, exclude)
    if not hole.any():
        return image.copy()
    (top, bottom, left, right), filled = fill_window(image, hole, seed=seed, exclude=exclude)
    out = image.copy()
    crop_hole = hole[top:bottom, left:right]
    out[top:bottom, left:right][crop_hole] = filled[crop_hole]
    return out


def fill_window(image: np.ndarray | Image.Image, hole: np.ndarray, *, seed: int = 0,
                exclude: np.ndarray | None = None,
                cancel: threading.Event | None = None) -> tuple[tuple[int, int, int, int], np.ndarray]:
    """What `content_aware_fill` computes, without a copy of the whole picture: the window the
    fill saw (top, bottom, left, right) and that window filled (uint8, RGB). Only the window of
    `image` (an RGB array or a PIL image of any mode) is read; only the hole's pixels of the
    result are meant (excluded ones come back blanked). `exclude` may be any mask, non-zero =
    excluded (a 0/255 selection is not copied to booleans). A window above WORK_PIXELS is reduced
    and its full-size pixels let go before the engine runs, so a removal's fill holds a few small
    arrays while PatchMatch works, not the window (38 MiB for a person at 4096²)."""
    hole = np.asarray(hole, dtype=bool)
    exclude = None if exclude is None else np.asarray(exclude)
    if not hole.any():
        raise ValueError("fill_window needs a hole")
    box = context_box(hole, None, exclude=exclude)
    if _usable_count(box, hole, None, exclude) == 0:  # the window grew to the whole picture
        raise RetouchError("the area to fill covers the whole image, so there is nothing to fill it from",
                           "Leave part of the picture unselected.")
    top, bottom, left, right = box
    crop_hole = hole[top:bottom, left:right]
    crop_exclude = None if exclude is None else exclude[top:bottom, left:right]
    height, width = crop_hole.shape
    if height * width <= WORK_PIXELS:
        usable_exclude = np.zeros_like(crop_hole) if crop_exclude is None else (crop_exclude != 0) & ~crop_hole
        return box, _engine(rgb_window(image, (left, top, right, bottom)), crop_hole, usable_exclude, seed=seed,
                            cancel=cancel)
    size = _reduced_size(crop_hole.shape, SCALED_PIXELS)
    small = cv2.resize(rgb_window(image, (left, top, right, bottom)), size, interpolation=cv2.INTER_AREA)
    small_hole = any_under(crop_hole, size)
    small_exclude = np.zeros_like(small_hole) if crop_exclude is None else any_under(crop_exclude, size) & ~small_hole
    filled = _engine(small, small_hole, small_exclude, seed=seed, structure=False, cancel=cancel)
    return box, cv2.resize(filled, (width, height), interpolation=cv2.INTER_CUBIC)


def fill_crop(crop: np.ndarray, hole: np.ndarray, exclude: np.ndarray, *, seed: int,
              scaled_pixels: int | None = None, structure_when_scaled: bool = True,
              cancel: threading.Event | None = None) -> np.ndarray:
    """Fill `hole` in `crop` (the whole picture the engine sees), scaled down first if it is
    bigger than WORK_PIXELS: to `scaled_pixels` (default WORK_PIXELS), with the coarse-to-fine pass
    if `structure_when_scaled`."""
    height, width = hole.shape
    if height * width <= WORK_PIXELS:
        return _engine(crop, hole, exclude, seed=seed, cancel=cancel)
    filled = _engine(*_reduced(crop, hole, exclude, scaled_pixels or WORK_PIXELS), seed=seed,
                     structure=structure_when_scaled, cancel=cancel)
    return cv2.resize(filled, (width, height), interpolation=cv2.INTER_CUBIC)


def _reduced(crop: np.ndarray, hole: np.ndarray, exclude: np.ndarray,
             pixels: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The crop, its hole and its exclusions scaled to about `pixels` pixels (never enlarged)."""
    size = _reduced_size(hole.shape, pixels)
    small = cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
    small_hole = any_under(hole, size)
    return small, small_hole, any_under(exclude, size) & ~small_hole


def _reduced_size(shape: tuple[int, ...], pixels: int) -> tuple[int, int]:
    height, width = shape[:2]
    scale = min(1.0, float(np.sqrt(pixels / (height * width))))
    return max(1, round(width * scale)), max(1, round(height * scale))


ANY_UNDER_BAND_ROWS = 256


def any_under(mask: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Which pixels of `mask` reduced to `size` (width, height) have any of its non-zero pixels
    under them: `cv2.resize(mask.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0`.

    INTER_AREA weighs the columns and the rows of a small pixel's footprint separately, so the
    same footprint is found one axis at a time — the columns a band of rows at a time, then the
    rows — and no float copy of the whole mask is made (51 MiB for a person's window at 4096²).
    tests/test_removal_cost.py checks it against the one-call resize."""
    height, width = mask.shape
    columns = np.empty((height, size[0]), np.float32)
    for top in range(0, height, ANY_UNDER_BAND_ROWS):
        band = (np.asarray(mask[top:top + ANY_UNDER_BAND_ROWS]) != 0).astype(np.float32)
        columns[top:top + band.shape[0]] = cv2.resize(band, (size[0], band.shape[0]), interpolation=cv2.INTER_AREA)
    return cv2.resize(columns, size, interpolation=cv2.INTER_AREA) > 0


def _engine(crop: np.ndarray, hole: np.ndarray, exclude: np.ndarray, *, seed: int,
            structure: bool = True, cancel: threading.Event | None = None) -> np.ndarray:
    """One PatchMatch fill: hole pixels get copies of known, non-excluded pixels. A thick hole is
    filled coarse to fine: first at half size, where the same patches span twice as much of the
    scene, and that layout then guides the full-size search (`_layout_guide`)."""
    if min(hole.shape) < TINY_SIDE or not (~hole & ~exclude).any():
        return _tiny_fill(crop, hole, exclude)
    import patchmatch

    pixels = crop.copy()
    pixels[hole | exclude] = 0  # nothing under the hole or in an excluded region can leak in
    engine_hole = (hole | exclude).astype(np.uint8)
    options = {"patch_size": PATCH_RADIUS}
    if exclude.any():
        options["global_mask"] = exclude.astype(np.uint8)
    guide = _layout_guide(pixels, hole, exclude, seed, cancel) if structure and _is_thick(hole) else None

    def run() -> np.ndarray:
        with _ENGINE_LOCK:
            patchmatch.set_random_seed(seed % 2**32)
            if guide is None:
                return patchmatch.inpaint(pixels, engine_hole, **options)
            return patchmatch.inpaint_regularity(pixels, engine_hole, guide, guide_weight=GUIDE_WEIGHT, **options)

    return call_interruptibly(run, cancel=cancel, name="retouch-fill")  # Ctrl-C and Esc need not wait for it


def _is_thick(hole: np.ndarray) -> bool:
    """Whether some hole pixel lies further than STRUCTURE_DEPTH from the hole's edge."""
    if min(hole.shape) < 4 * TINY_SIDE:
        return False
    padded = np.pad(hole, 1).astype(np.uint8)  # the frame counts as an edge too
    return float(cv2.distanceTransform(padded, cv2.DIST_L2, 3).max()) > STRUCTURE_DEPTH


def _layout_guide(pixels: np.ndarray, hole: np.ndarray, exclude: np.ndarray, seed: int,
                  cancel: threading.Event | None = None) -> np.ndarray:
    """The coarse pass: fill at half size, enlarge, blur, and reduce to two colour features in
    [0, 0.5] — PyPatchMatch's regularity map, which adds their difference between a hole pixel and
    its candidate source to the patch distance, so the full-size search keeps the coarse layout
    (a fence post continues where the half-size fill put it) and only chooses the fine detail."""
    height, width = hole.shape
    size = (max(1, width // 2), max(1, height // 2))
    small = cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)
    small_hole = cv2.resize(hole.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0
    small_exclude = (cv2.resize(exclude.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0) & ~small_hole
    coarse = _engine(small, small_hole, small_exclude, seed=seed, structure=False, cancel=cancel)
    layout = pixels.copy()
    layout[hole] = cv2.resize(coarse, (width, height), interpolation=cv2.INTER_LINEAR)[hole]
    lab = cv2.cvtColor(cv2.GaussianBlur(layout, (0, 0), GUIDE_SIGMA), cv2.COLOR_RGB2Lab).reshape(-1, 3)
    lab = lab.astype(np.float32) - lab.mean(axis=0, dtype=np.float64).astype(np.float32)
    _, _, axes = np.linalg.svd(lab[::7], full_matrices=False)  # the two main colour directions
    features = lab @ axes[:2].T
    features = (features - features.min(axis=0)) / (np.ptp(features, axis=0) + 1e-6) * 0.5
    guide = np.zeros((height, width, 3), np.float32)
    guide[..., :2] = features.reshape(height, width, 2)
    return guide


def _tiny_fill(crop: np.ndarray, hole: np.ndarray, exclude: np.ndarray) -> np.ndarray:
    """For crops too small to hold a patch: each hole pixel copies its nearest usable pixel."""
    usable = ~hole & ~exclude
    pixels = crop.copy()
    if not usable.any():
        return pixels
    # Every usable pixel is a zero of the map and gets its own label (in scan order).
    _, labels = cv2.distanceTransformWithLabels((~usable).astype(np.uint8), cv2.DIST_L2, 5,
                                                labelType=cv2.DIST_LABEL_PIXEL)
    colours = np.zeros((int(labels.max()) + 1, 3), np.uint8)
    colours[labels[usable]] = crop[usable]
    pixels[hole] = colours[labels[hole]]
    return pixels


def context_box(hole: np.ndarray, usable: np.ndarray | None, *,
                exclude: np.ndarray | None = None) -> tuple[int, int, int, int]:
    """top, bottom, left, right of the crop the fill sees: the hole's bounding box grown by
    CONTEXT × its size, and further (doubling the margin) until the crop holds enough usable
    sources. Nearby pixels are the best predictors of what was under the hole, and a small hole
    in a big photo should not pay for searching the whole frame.

    `usable` (neither hole nor excluded) may be None: it is then counted from `hole` and
    `exclude` box by box, without a third picture-sized mask."""
    x, y, w, h = cv2.boundingRect(hole.view(np.uint8) if hole.dtype == bool else hole.astype(np.uint8))
    height, width = hole.shape
    y0, y1, x0, x1 = y, y + h, x, x + w
    margin_y = int(CONTEXT * (y1 - y0)) + MIN_MARGIN
    margin_x = int(CONTEXT * (x1 - x0)) + MIN_MARGIN
    needed = MIN_SOURCE_SHARE * int(np.count_nonzero(hole[y0:y1, x0:x1]))
    while True:
        box = (max(y0 - margin_y, 0), min(y1 + margin_y, height), max(x0 - margin_x, 0), min(x1 + margin_x, width))
        whole = box == (0, height, 0, width)
        if whole or _usable_count(box, hole, usable, exclude) >= needed:
            return box
        margin_y, margin_x = 2 * margin_y, 2 * margin_x


def _usable_count(box: tuple[int, int, int, int], hole: np.ndarray, usable: np.ndarray | None,
                  exclude: np.ndarray | None) -> int:
    window = np.s_[box[0]:box[1], box[2]:box[3]]
    if usable is not None:
        return int(np.count_nonzero(usable[window]))
    taken = hole[window] if exclude is None else hole[window] | (exclude[window] != 0)
    return int(taken.size - np.count_nonzero(taken))


def _check(image: np.ndarray, hole: np.ndarray,
           exclude: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    image = np.asarray(image)
    hole = np.asarray(hole, dtype=bool)
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected a uint8 (H, W, 3) RGB array, got {image.dtype} {image.shape}")
    if hole.shape != image.shape[:2]:
        raise ValueError(f"hole shape {hole.shape} does not match image shape {image.shape[:2]}")
    if exclude is None:
        exclude = np.zeros(hole.shape, bool)
    else:
        exclude = np.asarray(exclude, dtype=bool)
        if exclude.shape != hole.shape:
            raise ValueError(f"exclude shape {exclude.shape} does not match image shape {image.shape[:2]}")
    return np.ascontiguousarray(image), hole, exclude
