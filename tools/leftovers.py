"""Leftovers: the parts of a removed thing that its selection missed.

A click outlines the dog's body, not the tail hanging below the bench seat; a person finder
outlines the person, never her shadow. Removing only the selection leaves those hanging in the
picture. Before a removal fills, `find_leftovers` looks around the selection for two kinds of part
and `decide` sorts them into taken (sure) and asked about (unsure):

* **part** — a region of the selection's own colours that stands apart from what surrounds it:
  the tail below the seat, the rabbit's back beyond the post. A colour model of the selection
  (a Lab histogram with fine chroma bins: white fur and pale grass differ mostly in b) against one
  of the surroundings gives each pixel a probability of being "more of it"; regions seeded by sure
  pixels (≥ `RULE.part_seed`) and grown over likely ones (≥ `RULE.part_grow`) are the candidates.
  The surroundings' model is refitted without the regions already found, so a big missed part
  does not teach the model that its own colour is background.
* **shadow** — ground darker than the ground around it by a steady factor, keeping that ground's
  colour and grain (a cast shadow dims what it falls on; a dark object or a planed plank has its
  own colour and texture), touching the selection or a part just found. It is looked for in a
  window around both (the shadow at the feet of legs the click missed lies beyond the window
  around the body). On rough ground (soil, dry grass) the shade joins the dark of everything
  around it into one region that runs on; that region's deep core, cut loose from thin joins,
  is judged again on its own. On paving the dark joints join it into a net of lines; its thick
  part is judged on its own. The grain is measured on the RGB values without the ramp of the
  shadow's soft edge (`_grain`), so a shadow on smooth ground is not taken for a rough thing.

* **rest** (a part, always asked about) — what stands apart from the ground of the window's open
  sides and goes on from the selection, when it is large: the rest of a rabbit whose striped back
  was clicked (the back's colours are not the chest's, so the part search cannot see it).

* **enclosed** (a part, always asked about) — a pocket that the selection, the parts and the
  shadow close around, with the picture's edge where the thing is cut off by it, and that is not
  the ground seen through: a black helmet held against the astronaut's chest has neither her
  colours nor the ground's shade.

A candidate that runs out of the searched window into the rest of the picture (a plank, a field,
a wall) is background, not a part. The thresholds are data (`LeftoverRule`), chosen on the dev
half of benchmarks/removal_leftovers.py; docs/DESIGN.md §5.1 gives the figures.

Everything runs on a window around the selection scaled to `RULE.work_side`, so the cost does not
grow with the photo (a 4096² photo costs what a 512² one does).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal, Sequence

import cv2
import numpy as np
from PIL import Image

from retouch.tools.errors import AmbiguousTarget
from retouch.tools.imageio import rgb_window
from retouch.tools.masks import Mask, bounding_box
from retouch.tools.regions import union_box

Kind = Literal["part", "shadow"]
Mode = Literal["ask", "sure", "all", "none"]
"""What a removal does with what it finds (the plan's `inpaint.leftovers`): take the sure ones and
ask about the rest, take only the sure ones, take all, or don't look."""


@dataclass(frozen=True)
class LeftoverRule:
    """Every threshold of the search and of the decision, in one place (measured in
    benchmarks/removal_leftovers.py; shares are of the selection's area, distances of the square
    root of its area)."""

    work_side: int = 256
    """The window is scaled so its longer side is at most this many pixels."""
    window: float = 1.0
    """The window is the selection's box grown by this many times its longer side."""
    min_area: float = 0.01
    """A candidate smaller than this share of the selection is noise."""
    max_gap: float = 0.3
    """How far a part may lie from the selection (the bench seat between body and tail: 0.09; the
    plank and seat between the dev dog on the field and its tail, once its mask no longer spills
    onto the plank: 0.28)."""
    # part: colour
    part_seed: float = 0.8
    part_grow: float = 0.6
    part_seed_share: float = 0.1
    """A part needs at least this share of its pixels at `part_seed` or above."""
    min_thickness: float = 0.15
    """A part at least this thick, as a share of the selection's thickness: a rail or a wire of
    the thing's colour running past it is scenery (a fence rail beside the woman: 0.13; every true part
    of the benchmark: 0.17 or more)."""
    part_sure: float = 0.85
    """Mean probability of a part taken without asking when it touches the selection (at most
    `part_sure_gap` away)…"""
    part_sure_gap: float = 0.03
    part_sure_apart: float = 0.9
    """…or when it lies apart from it (across a plank, up to `max_gap`) with this probability…"""
    part_sure_area: float = 0.35
    """…and is no bigger than this share of it. Anything else that qualifies is asked about."""
    # shadow: light
    shadow_core: float = 0.78
    """Largest mean lightness ratio to the surrounding lit ground inside a shadow…"""
    shadow_edge: float = 0.88
    """…and at its edge (a shadow darkening the ground by 12 % still shows)."""
    shadow_colour: float = 7.0
    """Largest distance between a pixel's chroma per unit of lightness and the ground's (×100):
    a shadow dims the ground's colour with its light; a dark grey plank on tan grass differs."""
    shadow_steady: float = 0.2
    """Largest spread of the lightness ratio inside a shadow (a dark object or a bench varies more)."""
    shadow_texture: float = 1.7
    """Largest ratio of the ground's grain inside to around, the grain measured without the ramp of
    a soft edge (`_grain`): a shadow keeps the ground's texture (the dev cases' shadows 0.8–1.3;
    on paving the plain contrast of Lab lightness made them 7–17)."""
    shadow_smooth_ground: float = 0.02
    """On ground whose own grain (the median of `_grain` just around a region) is below this — smooth
    paving 0.008–0.020, the field 0.013–0.018, gravel 0.06, grass 0.08 — the grain ratio says little:
    the ground has almost none to keep, and a thin shadow's own soft ramps (the gaps between a dog's
    legs, 1–2 working px wide) make it 2.8 times rougher than the slabs. There a region that keeps
    the ground's colour per unit of light within `shadow_same_colour` is judged without the grain
    test — asked about, never taken unasked (`shadow_sure_texture` still holds for that)…"""
    shadow_same_colour: float = 1.5
    """…the colour bound: the shadows on the dev paving 0.52–0.59; the regions on the field that are
    no shadow (a bench's dark back, its legs and the ground under it) 2.7–6.5."""
    shadow_smoother: float = 0.75
    """Smallest ratio of plain local contrast (`_contrast`) inside to around for a region whose
    colour is not the ground's dimmed (beyond `shadow_sure_colour`): much smoother than the ground
    and of another colour, it is a thing of its own (a planed grey plank across brown gravel:
    0.60, colour 5.6; the shadows of the dev cases 0.9–1.3). Smoother alone says nothing: a shadow
    on paving leaves the slabs' joints out of its thick part (0.54, colour 0.5)…"""
    shadow_flat: float = 0.3
    """…but a region with almost none of the ground's grain left is no shadow whatever its colour
    (a plank painted the ground's colour, dimmed: 0.0)."""
    shadow_lines: float = 0.5
    """A region of which less than this share is left by an opening with the `shadow_deep_apart`
    disc is mostly lines (paving joints, mortar, cracks joined to the shade); its thick part is
    judged alone."""
    shadow_deep: float = 0.65
    """A region that runs on or varies too much is split: its pixels at most this lightness ratio
    (averaged over `shadow_deep_blur` working px) are the deep shade, judged again on their own…"""
    shadow_deep_blur: float = 4.0
    shadow_deep_apart: int = 7
    """…after an opening by a disc this many working px wide cuts thin joins (a bench leg)."""
    shadow_gap: float = 0.08
    shadow_sure_ratio: float = 0.72
    shadow_sure_steady: float = 0.15
    shadow_sure_colour: float = 4.2
    shadow_sure_texture: float = 1.3
    shadow_sure_area: float = 0.45
    # enclosed: a pocket the thing closes around
    enclosed_close: float = 0.04
    """Gaps in the thing, its parts and its shadow up to twice this share of the square root of its
    area are closed before looking for pockets (the helmet against the astronaut: 0.04 closes it in)…"""
    enclosed_colour: float = 6.0
    """…and a pocket is the ground seen through when its lightness is within `shadow_edge` of the
    ground's just around it and its mean a/b within this distance of the ground's."""
    # rest: the thing the selection is a patch of
    rest_frame: float = 0.03
    """The ground the rest of the thing is told apart from: a band this share of the window's
    longer side along its open sides (`_View.open_sides`)."""
    rest_share: float = 0.5
    """What stands apart from the ground, touches the selection and no other search found is
    offered when it is at least this share of the selection: the rest of a rabbit whose striped
    back was clicked is 2.3–2.5 times the back, of the drawn tabby 1.0 (dev); the other figures of
    the dev cases are bits of shadow, fur, paving joints and post beside the thing, 0.01–0.25
    (the post beside the rabbit) once what the other searches found is taken out."""
    rest_overlap: float = 0.6
    """…and when its colours are not those of what surrounds it: the overlap (Bhattacharyya, of the
    part search's Lab histograms) of the region with a ring 7 working px wide around it is at most
    this. The rests of the dev cases 0.01–0.31; a patch of the chain-link fence beside the woman in
    tests/data/image.png, dark like her jacket and as large as half of her, 0.92."""
    # colour model
    lightness_bins: int = 16
    chroma_bins: int = 24
    chroma_step: float = 2.0
    """Lab a/b units per chroma bin, around neutral; beyond ±chroma_bins·step/2 colours share the end bins."""
    smoothing: float = 0.6
    """Gaussian smoothing of the histograms, in bins."""
    refits: int = 3


RULE = LeftoverRule()


@dataclass
class Leftover:
    """One part the selection missed, as a mask over the window `box` of the full picture."""

    kind: Kind
    sure: bool
    box: tuple[int, int, int, int]
    """x0, y0, x1, y1 of the window in the picture."""
    mask: np.ndarray
    """bool, the window's size at full resolution."""
    share: float
    """Its area as a share of the selection's."""
    where: str
    """Where it lies from the selection: "below", "to the left" … ("beside" when around it)."""
    features: dict[str, float] = field(default_factory=dict)

    def full_mask(self, size: tuple[int, int]) -> Mask:
        """The part as a picture-sized 0/255 mask."""
        out = np.zeros((size[1], size[0]), np.uint8)
        x0, y0, x1, y1 = self.box
        out[y0:y1, x0:x1][self.mask] = 255
        return out

    def describe(self) -> str:
        """"what looks like its shadow to the right" / "what looks like more of it just below"."""
        if self.kind == "shadow":
            return f"what looks like its shadow {self.where}"
        return f"what looks like more of it {self.where}"

    def to_record(self) -> dict[str, object]:
        return {"kind": self.kind, "sure": self.sure, "box": list(self.box), "share": round(self.share, 4),
                "where": self.where, **{k: round(float(v), 4) for k, v in self.features.items()}}


def find_leftovers(image: Image.Image | np.ndarray, selection: Mask, *, kept: Mask | None = None,
                   rule: LeftoverRule = RULE) -> list[Leftover]:
    """The parts beside `selection` that look like more of it or like its shadow.

    image: a PIL image or uint8 (H, W, 3) RGB; selection: (H, W), > 127 = selected; kept: (H, W) or
    None, > 127 = something else that was found and stays (another person) — never offered as a
    leftover. Only windows around the selection are read (no copy of the whole photo)."""
    selection = np.asarray(selection)
    found_box = bounding_box(selection)
    if found_box is None:
        return []
    view = _View.around(image, selection, kept, found_box, rule)
    if view is None:
        return []
    found: list[tuple[Kind, _View, np.ndarray, dict[str, float]]] = []
    taken = np.zeros(view.small.shape, bool)
    for region, features in _parts(view.lab, view.small, view.blocked, view.blocked & ~view.small,
                                   view.distance(view.small), view.reach, view.open_sides, rule):
        found.append(("part", view, region, features))
        taken |= region
    # A shadow is cast by the whole thing: by the selection and by the parts just found, so it is
    # looked for around both (a click on the dog's back: its legs and the shadow at its feet lie
    # beyond the window around the back).
    shade_view = view
    if taken.any():
        whole_box = union_box(found_box, view.to_picture(bounding_box(taken.astype(np.uint8) * 255)))
        shade_view = _View.around(image, selection, kept, whole_box, rule) or view
        taken = shade_view.from_view(view, taken)
    inner_sides = shade_view.inner_sides  # a long shadow may leave the frame
    whole = shade_view.small | taken
    for region, features in _shadows(shade_view.lab, shade_view.rgb, shade_view.small, shade_view.blocked | taken,
                                     shade_view.distance(whole), shade_view.reach, inner_sides, rule):
        found.append(("shadow", shade_view, region, features))
        whole = whole | region
    for region, features in _enclosed(shade_view.lab, whole, shade_view.blocked, shade_view.reach,
                                      shade_view.open_sides, rule):
        found.append(("part", shade_view, region, features))
        whole = whole | region
    for region, features in _rest(shade_view, whole, rule):
        found.append(("part", shade_view, region, features))
    leftovers = []
    for kind, seen, region, features in found:
        share = float(region.sum()) / float(seen.small.sum())
        x0, y0, x1, y1 = seen.box
        full = cv2.resize(region.astype(np.uint8) * 255, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR) > 127
        full &= ~seen.selected
        if not full.any():
            continue
        leftovers.append(Leftover(kind=kind, sure=_is_sure(kind, share, features, rule), box=seen.box, mask=full,
                                  share=share, where=_where(region, seen.small), features=features))
    return leftovers


@dataclass
class _View:
    """A window of the picture around a box, scaled to `RULE.work_side`: its Lab pixels, the
    selection and what must not be offered (the selection, other found things) at that scale."""

    box: tuple[int, int, int, int]
    picture: tuple[int, int]
    scale: float
    selected: np.ndarray
    """bool, the selection over the window at full resolution."""
    small: np.ndarray
    blocked: np.ndarray
    lab: np.ndarray
    rgb: np.ndarray
    """The window's pixels at the working scale, uint8 RGB (the shadow's grain is measured on them)."""

    @classmethod
    def around(cls, image: Image.Image | np.ndarray, selection: np.ndarray, kept: Mask | None,
               box: tuple[int, int, int, int], rule: LeftoverRule) -> "_View | None":
        height, width = selection.shape
        window = _window(box, (width, height), rule.window)
        x0, y0, x1, y1 = window
        selected = selection[y0:y1, x0:x1] > 127
        if not selected.any():
            return None
        scale = min(1.0, rule.work_side / max(x1 - x0, y1 - y0))
        small = _shrink_mask(selected, scale)
        if small.sum() < 16:
            return None
        blocked = small | (_shrink_mask(np.asarray(kept)[y0:y1, x0:x1] > 127, scale) if kept is not None else False)
        rgb = np.ascontiguousarray(_shrink(rgb_window(image, window), scale))
        return cls(window, (width, height), scale, selected, small, blocked, cv2.cvtColor(rgb, cv2.COLOR_RGB2LAB), rgb)

    @property
    def reach(self) -> float:
        return float(np.sqrt(self.small.sum()))

    @property
    def inner_sides(self) -> tuple[bool, bool, bool, bool]:
        """Which sides of the window lie inside the picture (left, top, right, bottom)."""
        x0, y0, x1, y1 = self.box
        return x0 > 0, y0 > 0, x1 < self.picture[0], y1 < self.picture[1]

    @property
    def open_sides(self) -> tuple[bool, bool, bool, bool]:
        """A side of the window is open (a region reaching it goes on beyond the search) unless it
        is the picture's edge and the selection reaches that edge too (a thing cut off by the frame)."""
        ys, xs = np.nonzero(self.small)
        left, top, right, bottom = self.inner_sides
        return (left or xs.min() > 0, top or ys.min() > 0, right or xs.max() < self.small.shape[1] - 1,
                bottom or ys.max() < self.small.shape[0] - 1)

    def distance(self, mask: np.ndarray) -> np.ndarray:
        """Each working pixel's distance to `mask`."""
        return cv2.distanceTransform((~mask).astype(np.uint8), cv2.DIST_L2, 5)

    def to_picture(self, box: tuple[int, int, int, int] | None) -> tuple[int, int, int, int]:
        """A box in working pixels as a box in the picture's."""
        assert box is not None
        x0, y0 = self.box[:2]
        return (x0 + int(box[0] / self.scale), y0 + int(box[1] / self.scale),
                x0 + int(np.ceil(box[2] / self.scale)), y0 + int(np.ceil(box[3] / self.scale)))

    def from_view(self, other: "_View", mask: np.ndarray) -> np.ndarray:
        """A working mask of `other` (a window inside this one) in this window's working pixels."""
        ox0, oy0, ox1, oy1 = other.box
        full = cv2.resize(mask.astype(np.uint8) * 255, (ox1 - ox0, oy1 - oy0), interpolation=cv2.INTER_LINEAR) > 127
        x0, y0, x1, y1 = self.box
        canvas = np.zeros((y1 - y0, x1 - x0), bool)
        canvas[oy0 - y0:oy1 - y0, ox0 - x0:ox1 - x0] = full
        return _shrink_mask(canvas, self.scale)


# ---- parts: more of the same colours ---------------------------------------------------------------


def _parts(lab: np.ndarray, selected: np.ndarray, blocked: np.ndarray, kept: np.ndarray, distance: np.ndarray,
           reach: float, open_sides: tuple[bool, bool, bool, bool],
           rule: LeftoverRule) -> list[tuple[np.ndarray, dict[str, float]]]:
    bins = _bins(lab, rule)
    thickness = _thickness(selected)
    near_kept = cv2.dilate(kept.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    core = cv2.erode(selected.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    if core.sum() < 16:
        core = selected
    edge = cv2.dilate(selected.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    inside = _histogram(bins, core, rule)[bins]
    taken = np.zeros(selected.shape, bool)
    regions: list[tuple[np.ndarray, dict[str, float]]] = []
    for _ in range(max(1, rule.refits)):
        around = _histogram(bins, ~edge & ~taken, rule)[bins]
        probability = cv2.GaussianBlur((inside / (inside + around + 1e-12)).astype(np.float32), (0, 0), 1.0)
        regions = []
        count, labels, stats, _ = cv2.connectedComponentsWithStats(
            ((probability >= rule.part_grow) & ~blocked).astype(np.uint8), connectivity=8)
        for label in range(1, count):
            if stats[label, cv2.CC_STAT_AREA] < rule.min_area * selected.sum():
                continue
            region = labels == label
            gap = float(distance[region].min()) / reach
            seeds = float((probability[region] >= rule.part_seed).mean())
            thin = _thickness(region) / thickness
            if (gap > rule.max_gap or seeds < rule.part_seed_share or thin < rule.min_thickness
                    or (region & near_kept).any() or _runs_out(stats[label], region.shape, open_sides)):
                continue  # too far, too unsure, a wire or a rail, passing behind something else, or scenery
            regions.append((region, {"probability": float(probability[region].mean()), "gap": gap,
                                     "seed_share": seeds, "thickness": thin}))
        now = np.zeros(selected.shape, bool)
        for region, _ in regions:
            now |= region
        if (now == taken).all():
            break
        taken = now
    return regions


def _thickness(region: np.ndarray) -> float:
    """Twice the largest distance from inside the region to its edge: how thick its thickest part is."""
    inside = np.pad(region, 1).astype(np.uint8)
    return max(1.0, 2.0 * float(cv2.distanceTransform(inside, cv2.DIST_L2, 3).max()))


def _bins(lab: np.ndarray, rule: LeftoverRule) -> np.ndarray:
    """Each pixel's histogram bin: coarse in lightness, fine in chroma around neutral."""
    lab = lab.astype(np.int32)
    n = rule.chroma_bins
    lightness = np.clip(lab[..., 0] * rule.lightness_bins // 256, 0, rule.lightness_bins - 1)
    a = np.clip(((lab[..., 1] - 128) / rule.chroma_step + n / 2).astype(np.int32), 0, n - 1)
    b = np.clip(((lab[..., 2] - 128) / rule.chroma_step + n / 2).astype(np.int32), 0, n - 1)
    return (lightness * n + a) * n + b


def _histogram(bins: np.ndarray, where: np.ndarray, rule: LeftoverRule) -> np.ndarray:
    n = rule.chroma_bins
    counts = np.bincount(bins[where], minlength=rule.lightness_bins * n * n).astype(np.float64)
    counts = _smooth(counts.reshape(rule.lightness_bins, n, n), rule.smoothing)
    return (counts / max(float(counts.sum()), 1e-12)).ravel()


def _overlap(bins: np.ndarray, region: np.ndarray, ring: np.ndarray, rule: LeftoverRule) -> float:
    """The Bhattacharyya overlap of two regions' Lab histograms: 1 for the same colours, 0 for none shared."""
    return float(np.sqrt(_histogram(bins, region, rule) * _histogram(bins, ring, rule)).sum())


def colour_overlap(lab: np.ndarray, region: np.ndarray, ring: np.ndarray, rule: LeftoverRule = RULE) -> float:
    """How alike the colours of `region` and `ring` are (uint8 OpenCV Lab pixels, bool masks): the
    overlap of their histograms, the part search's fine chroma bins. Ground that a cut took for a
    thing has the colours of the ground around it (a patch of fence: 0.92); a thing does not (the
    rests of the benchmark's animals: 0.01–0.35). `tools.point_select` asks it too."""
    return _overlap(_bins(lab, rule), region, ring, rule)


def looks_like_shade(lab: np.ndarray, region: np.ndarray, ring: np.ndarray, rule: LeftoverRule = RULE) -> bool:
    """Whether `region` is the ground of `ring` dimmed (uint8 OpenCV Lab pixels, bool masks): darker
    than it beyond `shadow_edge`, with its colour per unit of light (`shadow_colour`) — a cast
    shadow, which is the shadow search's to find and say, not more of the thing."""
    inner, outer = lab[region].astype(np.float64).mean(axis=0), lab[ring].astype(np.float64).mean(axis=0)
    light_in, light_out = inner[0] + 1.0, outer[0] + 1.0
    tint = np.hypot((inner[1] - 128.0) / light_in - (outer[1] - 128.0) / light_out,
                    (inner[2] - 128.0) / light_in - (outer[2] - 128.0) / light_out) * 100.0
    return bool(light_in / light_out < rule.shadow_edge and tint <= rule.shadow_colour)


def colour_models(bgr: np.ndarray, ground: np.ndarray, thing: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """GrabCut's two colour models (ground, thing) learnt from those pixels alone — not from everything outside a
    box, which on a big animal is the rest of the animal. Seeded, since the models start from k-means: the same
    picture gives the same models."""
    samples = np.ascontiguousarray(np.concatenate([bgr[ground], bgr[thing]])[None])
    sides = np.concatenate([np.full(int(ground.sum()), cv2.GC_BGD, np.uint8),
                            np.full(int(thing.sum()), cv2.GC_FGD, np.uint8)])[None]
    background, foreground = np.zeros((1, 65)), np.zeros((1, 65))
    cv2.setRNGSeed(0)
    cv2.grabCut(samples, sides, None, background, foreground, 0, cv2.GC_INIT_WITH_MASK)
    return background, foreground


def frozen_cut(bgr: np.ndarray, models: tuple[np.ndarray, np.ndarray], ground: np.ndarray,
               thing: np.ndarray) -> np.ndarray:
    """One graph cut with `models` frozen: `ground` is ground, `thing`'s inside (eroded by a pixel) is the thing,
    its edge probably so, the rest probably ground; the thing's pixels after the cut. Used by the rest search
    here and by the click's second pass (`point_select`)."""
    background, foreground = models
    seeds = np.full(thing.shape, cv2.GC_PR_BGD, np.uint8)
    seeds[ground] = cv2.GC_BGD
    seeds[thing] = cv2.GC_PR_FGD
    seeds[cv2.erode(thing.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0] = cv2.GC_FGD
    cv2.grabCut(bgr, seeds, None, background, foreground, 1, cv2.GC_EVAL_FREEZE_MODEL)
    return (seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)


def _smooth(volume: np.ndarray, sigma: float) -> np.ndarray:
    """A 3-D Gaussian blur, one axis at a time, mirrored at the ends (as scipy's gaussian_filter,
    which a removal of a person should not have to import)."""
    size = 2 * int(4.0 * sigma + 0.5) + 1
    for axis in range(3):
        moved = np.moveaxis(volume, axis, -1)
        flat = np.ascontiguousarray(moved).reshape(-1, moved.shape[-1])
        blurred = cv2.GaussianBlur(flat, (size, 1), sigmaX=sigma, borderType=cv2.BORDER_REFLECT)
        volume = np.moveaxis(blurred.reshape(moved.shape), -1, axis)
    return volume


# ---- enclosed: what the thing closes around ----------------------------------------------------------


def _enclosed(lab: np.ndarray, whole: np.ndarray, blocked: np.ndarray, reach: float,
              open_sides: tuple[bool, bool, bool, bool],
              rule: LeftoverRule) -> list[tuple[np.ndarray, dict[str, float]]]:
    """Pockets that the thing, its parts and its shadow close around — with the picture's edge where
    the thing is cut off by it — and that are not the ground seen through a gap: a black helmet
    held against the astronaut's chest, between her and her shadow, has neither her colours nor
    the shade of the ground, and neither search offers it. Always asked about (`_is_sure`)."""
    across = 2 * max(1, int(round(rule.enclosed_close * reach))) + 1
    closed = cv2.morphologyEx(whole.astype(np.uint8), cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (across, across)))
    framed = np.pad(closed, 1)
    left, top, right, bottom = open_sides
    for is_open, edge in ((left, np.s_[:, 0]), (top, np.s_[0, :]), (right, np.s_[:, -1]), (bottom, np.s_[-1, :])):
        if not is_open:  # the thing is cut off by the picture's edge here: the edge closes it
            framed[edge] = 1
    count, labels = cv2.connectedComponents((framed == 0).astype(np.uint8), connectivity=4)
    reaching = np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))
    pockets = (framed == 0) & ~np.isin(labels, reaching)
    pockets = pockets[1:-1, 1:-1] & ~whole & ~blocked
    values = lab.astype(np.float32)
    around_all = ~(cv2.dilate(whole.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0) & ~blocked
    regions = []
    count, labels, stats, _ = cv2.connectedComponentsWithStats(pockets.astype(np.uint8), connectivity=8)
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_AREA] < rule.min_area * whole.sum():
            continue
        region = labels == label
        ring = (cv2.dilate(region.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0) & around_all & ~region
        if ring.sum() < 10:  # closed in all round: the ground of the whole window
            ring = around_all
        if not ring.any():
            continue
        inner, outer = values[region].mean(axis=0), values[ring].mean(axis=0)
        light = float((inner[0] + 1.0) / (outer[0] + 1.0))
        chroma = float(np.hypot(inner[1] - outer[1], inner[2] - outer[2]))
        if abs(light - 1.0) <= 1.0 - rule.shadow_edge and chroma <= rule.enclosed_colour:
            continue  # the ground seen between the thing and its shadow
        regions.append((region, {"enclosed": 1.0, "light": light, "chroma": chroma}))
    return regions


# ---- rest: the thing a clicked patch belongs to ----------------------------------------------------


def _rest(view: _View, whole: np.ndarray, rule: LeftoverRule) -> list[tuple[np.ndarray, dict[str, float]]]:
    """What stands apart from the ground and goes on from the selection: a click on a rabbit's
    striped back outlines the back — GrabCut's background model had learnt the rest of the rabbit
    (its pale chest, its face) from everything outside the click's window — and the rest has other
    colours, so the part search, which looks for the selection's colours, cannot see it. Here the
    ground is only the window's open sides: one graph cut (GrabCut with frozen colour models: the
    ground's from that band, the thing's from the selection) splits the window into ground and
    thing, and what the thing gains beyond the selection, the other searches' finds (`whole`) and
    anything else found is offered when it touches the selection, does not run out to the open
    sides (a post, a plank) and is large (`rest_share`). Always asked about (`_is_sure`): a bench
    behind a dog stands apart from the ground too."""
    small, blocked = view.small, view.blocked
    height, width = small.shape
    band = max(2, int(rule.rest_frame * max(height, width)))
    frame = np.zeros((height, width), bool)
    left, top, right, bottom = view.open_sides
    for is_open, edge in ((left, np.s_[:, :band]), (top, np.s_[:band, :]), (right, np.s_[:, -band:]),
                          (bottom, np.s_[-band:, :])):
        if is_open:
            frame[edge] = True
    frame &= ~blocked
    core = cv2.erode(small.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    if frame.sum() < 16 or core.sum() < 16:
        return []
    bgr = cv2.cvtColor(view.rgb, cv2.COLOR_RGB2BGR)
    thing = frozen_cut(bgr, colour_models(bgr, frame, small), frame, small)
    reaching = cv2.dilate(frame.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    near_blocked = cv2.dilate((blocked & ~small).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    distance = view.distance(small)
    reach = view.reach
    bins = _bins(view.lab, rule)
    regions = []
    count, labels, stats, _ = cv2.connectedComponentsWithStats((thing & ~whole & ~blocked).astype(np.uint8),
                                                               connectivity=8)
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_AREA] < rule.rest_share * small.sum():
            continue
        region = labels == label
        gap = float(distance[region].min()) / reach
        if gap > rule.part_sure_gap or (region & (reaching | near_blocked)).any():
            continue  # apart from the selection, running on out of the window, or behind something found
        ring = cv2.dilate(region.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0
        ring &= ~region & ~blocked & ~whole
        if ring.sum() < 10:
            continue
        overlap = _overlap(bins, region, ring, rule)
        if overlap > rule.rest_overlap:
            continue  # the colours of what surrounds it: ground the cut took for the thing
        regions.append((region, {"rest": 1.0, "gap": gap, "overlap": overlap}))
    return regions


# ---- shadows: the ground, dimmed -----------------------------------------------------------------


def _shadows(lab: np.ndarray, rgb: np.ndarray, selected: np.ndarray, blocked: np.ndarray, distance: np.ndarray, reach: float,
             inner_sides: tuple[bool, bool, bool, bool], rule: LeftoverRule) -> list[tuple[np.ndarray, dict[str, float]]]:
    values = lab.astype(np.float32)
    lightness = values[..., 0] + 1.0
    a, b = values[..., 1] - 128.0, values[..., 2] - 128.0
    side = float(max(selected.shape))
    free = ~(cv2.dilate(blocked.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0)
    first = _local_mean(lightness, free, 0.06 * side)
    ground = free & (lightness >= 0.85 * first)  # the lit ground: not in a shadow, not the thing
    lit = _local_mean(lightness, ground, 0.12 * side)
    ratio = lightness / np.maximum(lit, 1.0)
    # A shadow dims the ground's colour with its light: chroma per unit of lightness stays.
    tint = np.hypot(a / lightness - _local_mean(a, ground, 0.12 * side) / np.maximum(lit, 1.0),
                    b / lightness - _local_mean(b, ground, 0.12 * side) / np.maximum(lit, 1.0)) * 100.0
    smooth_ratio = cv2.GaussianBlur(ratio, (0, 0), 2.0)
    smooth_tint = cv2.GaussianBlur(tint, (0, 0), 2.0)
    likely = (smooth_ratio < rule.shadow_edge) & (smooth_tint < rule.shadow_colour) & free
    likely = cv2.morphologyEx(likely.astype(np.uint8), cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8)) > 0
    likely &= free
    grain, contrast = _grain(rgb), _contrast(lightness)
    deep = cv2.GaussianBlur(ratio, (0, 0), rule.shadow_deep_blur) < rule.shadow_deep
    apart = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (rule.shadow_deep_apart, rule.shadow_deep_apart))
    regions = []
    pending = [(likely, True)]
    while pending:
        candidates, may_split = pending.pop()
        count, labels, stats, _ = cv2.connectedComponentsWithStats(candidates.astype(np.uint8), connectivity=8)
        for label in range(1, count):
            if stats[label, cv2.CC_STAT_AREA] < rule.min_area * selected.sum():
                continue
            region = labels == label
            gap = float(distance[region].min()) / reach
            if gap > rule.shadow_gap:
                continue
            inner = ratio[region]
            features = {"ratio": float(inner.mean()), "steady": float(inner.std()),
                        "colour": float(tint[region].mean()), "texture": _texture(grain, region, ground),
                        "smooth": _texture(contrast, region, ground), "gap": gap,
                        "ground_grain": _ring_median(grain, region, ground)}
            spreads = features["steady"] > rule.shadow_steady or _runs_out(stats[label], region.shape, inner_sides)
            body = cv2.morphologyEx(region.astype(np.uint8), cv2.MORPH_OPEN, apart) > 0
            if may_split and body.sum() < rule.shadow_lines * region.sum():
                # Dark lines of the ground (the joints of paving, mortar) join the shade into a
                # net that spans the picture; what is thick in it, cut loose from the lines, is
                # judged on its own (and split again if it still runs on).
                pending.append((body, True))
                continue
            if spreads and may_split:
                # On rough ground the shade joins the dark of everything around it (a bench's legs,
                # dark soil) into one region that runs on or varies too much; its deep core, cut
                # loose from thin joins, may still stand alone — and is judged like any region.
                core = cv2.morphologyEx((region & deep).astype(np.uint8), cv2.MORPH_OPEN, apart) > 0
                pending.append((core, False))
                continue
            smoother = features["smooth"] < rule.shadow_flat or (
                features["smooth"] < rule.shadow_smoother and features["colour"] > rule.shadow_sure_colour)
            rougher = features["texture"] > rule.shadow_texture and not (
                features["ground_grain"] < rule.shadow_smooth_ground and features["colour"] <= rule.shadow_same_colour)
            if spreads or features["ratio"] > rule.shadow_core or smoother or rougher:
                continue
            regions.append((region, features))
    return regions


def _grain(rgb: np.ndarray) -> np.ndarray:
    """Each pixel's local contrast over its local brightness — the detail left after a 1 px blur
    is taken away, on the RGB values. A shadow scales the RGB values (in sRGB as in linear light),
    so this grain stays under it; Lab's lightness is no scale of the light (its offset makes the
    dark of a shadow look rougher). And the ramp of a shadow's soft edge is no detail: measured as
    the plain local contrast of Lab lightness, the shade on smooth paving was 7–17 times rougher
    than the slabs around it (2.8 measured here)."""
    value = rgb.astype(np.float32).mean(axis=-1) + 1.0
    detail = value - cv2.GaussianBlur(value, (0, 0), 1.0)
    return np.sqrt(np.maximum(cv2.blur(detail * detail, (5, 5)), 0.0)) / cv2.blur(value, (5, 5))


def _contrast(lightness: np.ndarray) -> np.ndarray:
    """Each pixel's plain local contrast over its local lightness (Lab): the coarse texture of
    gravel counts, so a planed plank across it shows as smooth."""
    mean = cv2.blur(lightness, (5, 5))
    return np.sqrt(np.maximum(cv2.blur(lightness * lightness, (5, 5)) - mean * mean, 0.0)) / mean


def _texture(grain: np.ndarray, region: np.ndarray, ground: np.ndarray) -> float:
    """The ground's grain (local contrast over local lightness) inside the region against just
    around it: a shadow dims the ground's texture with its light, so the ratio stays near 1; a
    plank or a bench brings its own."""
    core = cv2.erode(region.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    if core.sum() < 10:
        core = region
    ring = (cv2.dilate(region.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0) & ~region & ground
    if ring.sum() < 10:
        return float("inf")
    return float(np.median(grain[core]) / max(float(np.median(grain[ring])), 1e-6))


def _ring_median(grain: np.ndarray, region: np.ndarray, ground: np.ndarray) -> float:
    """The ground's own grain just around the region (the denominator of `_texture`)."""
    ring = (cv2.dilate(region.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0) & ~region & ground
    return float(np.median(grain[ring])) if ring.sum() >= 10 else float("inf")


def _local_mean(values: np.ndarray, where: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian-weighted mean of `values` over the pixels in `where` (normalised convolution)."""
    weight = where.astype(np.float32)
    total = cv2.GaussianBlur(values.astype(np.float32) * weight, (0, 0), sigma)
    return total / np.maximum(cv2.GaussianBlur(weight, (0, 0), sigma), 1e-6)


# ---- shared -------------------------------------------------------------------------------------------


def _is_sure(kind: Kind, share: float, features: dict[str, float], rule: LeftoverRule) -> bool:
    if "enclosed" in features or "rest" in features:
        return False  # neither its colours nor its shade: only its place says it is the thing's
    if kind == "part":
        likely = features["probability"] >= (rule.part_sure if features["gap"] <= rule.part_sure_gap
                                             else rule.part_sure_apart)
        return likely and share <= rule.part_sure_area
    return (features["ratio"] <= rule.shadow_sure_ratio and features["steady"] <= rule.shadow_sure_steady
            and features["colour"] <= rule.shadow_sure_colour and features["texture"] <= rule.shadow_sure_texture
            and share <= rule.shadow_sure_area)


def _runs_out(stats: np.ndarray, shape: tuple[int, int], open_sides: tuple[bool, bool, bool, bool]) -> bool:
    """Whether a region reaches a window side that lies inside the picture: it goes on beyond
    what was searched, so it is scenery (a plank, a field), not a part of the thing."""
    x, y, w, h = (int(v) for v in stats[:4])
    height, width = shape
    left, top, right, bottom = open_sides
    return (left and x == 0) or (top and y == 0) or (right and x + w >= width) or (bottom and y + h >= height)


def _where(region: np.ndarray, selected: np.ndarray) -> str:
    """The direction from the selection's centre to the region's, in words."""
    ry, rx = (float(v.mean()) for v in np.nonzero(region))
    sy, sx = (float(v.mean()) for v in np.nonzero(selected))
    ys, xs = np.nonzero(selected)
    dx = (rx - sx) / max(1.0, float(np.ptp(xs)) / 2)
    dy = (ry - sy) / max(1.0, float(np.ptp(ys)) / 2)
    vertical = "below" if dy > 0.5 else "above" if dy < -0.5 else ""
    horizontal = "to the right" if dx > 0.5 else "to the left" if dx < -0.5 else ""
    if vertical and horizontal:
        return f"{vertical} and {horizontal}"
    return vertical or horizontal or "beside it"


def _window(box: tuple[int, int, int, int], size: tuple[int, int], grow: float) -> tuple[int, int, int, int]:
    """The selection's box grown by `grow` times its longer side, inside the picture."""
    x0, y0, x1, y1 = box
    width, height = size
    pad = int(grow * max(x1 - x0, y1 - y0))
    return max(0, x0 - pad), max(0, y0 - pad), min(width, x1 + pad), min(height, y1 + pad)


def _shrink(pixels: np.ndarray, scale: float) -> np.ndarray:
    if scale >= 1.0:
        return np.ascontiguousarray(pixels[..., :3])
    size = (max(1, round(pixels.shape[1] * scale)), max(1, round(pixels.shape[0] * scale)))
    return cv2.resize(np.ascontiguousarray(pixels[..., :3]), size, interpolation=cv2.INTER_AREA)


def _shrink_mask(mask: np.ndarray, scale: float) -> np.ndarray:
    if scale >= 1.0:
        return np.asarray(mask, bool).copy()
    size = (max(1, round(mask.shape[1] * scale)), max(1, round(mask.shape[0] * scale)))
    return cv2.resize(np.asarray(mask, np.uint8) * 255, size, interpolation=cv2.INTER_AREA) > 127


# ---- deciding and asking ----------------------------------------------------------------------------


def decide(leftovers: Sequence[Leftover], mode: Mode) -> tuple[list[Leftover], list[Leftover]]:
    """(taken, asked about) under `mode`: the sure ones are taken unless nothing is ("none"); the
    unsure ones are taken with "all", asked about with "ask", left with "sure"."""
    if mode == "none":
        return [], []
    sure = [part for part in leftovers if part.sure]
    unsure = [part for part in leftovers if not part.sure]
    if mode == "all":
        return [*sure, *unsure], []
    return sure, unsure if mode == "ask" else []


def listing(parts: Sequence[Leftover]) -> str:
    """"what looks like more of it below and what looks like its shadow to the right"."""
    said = list(dict.fromkeys(part.describe() for part in parts))
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]


def taken_note(parts: Sequence[Leftover]) -> str:
    share = sum(part.share for part in parts)
    return (f"I also removed {listing(parts)} (about {share:.0%} of the selection's size); "
            "say 'undo' if it belonged to the picture.")


class LeftoverQuestion(AmbiguousTarget):
    """"I also see what looks like more of it below — remove that too?": a removal that found
    parts beside the selection it is unsure of stops and asks, the way "which one?" does. The
    answer becomes the plan's `leftovers` ("all" for yes, "sure" for no), so the journal says what
    was done and a replay does the same."""

    def __init__(self, parts: Sequence[Leftover]) -> None:
        those = "that" if len(parts) == 1 else "those"
        question = f"I also see {listing(parts)} — remove {those} too?"
        hint = (f"Answer yes or no in the chat, or run it again with --pick all to remove {those} too "
                f"(--pick first leaves {those}).")
        super().__init__(question, ["yes", "no"], hint, label="part")
        self.parts = list(parts)

    def decide(self, take: bool | None) -> Any:
        """The answer in canonical values (`tools.ambiguity.Answer`): take the parts too (True), leave
        them (False), or do nothing (None). Reading "yes" or "just the dog" is the planner's job
        (`agent.planner.answers`)."""
        from retouch.tools.ambiguity import Answer

        those = "that" if len(self.parts) == 1 else "those"
        if take is None:
            return Answer(cancel=True, said="nothing")
        if take:
            return Answer(updates={"leftovers": "all"}, said=f"{those} too")
        return Answer(updates={"leftovers": "sure"}, said=f"leaving {those}")
