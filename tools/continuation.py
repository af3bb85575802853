"""The built-in outpainter's continuation of a border, one stage at a time: which band of the photo
is copied, at what resolution the copying is planned, and how the copies become pixels.

For each stage (a strip beside what exists, `tools.outpaint.Stage`):

1. **Sources from the photo's own neighbourhood.** Blocks are copied only from a band of the
   *original* along the side — real pixels, never copies of earlier strips — at least
   SOURCE_BLOCKS blocks deep and SOURCE_GROWTH times as deep as the side has grown so far (so
   there is enough unused material for the strip), never deeper than SOURCE_SHARE of the photo.
   The subject (`BorderSources.work_avoid`) is copied only when nothing else is there — except
   where the frame on the side being grown cuts it (`tools.subject`): there it goes on beyond the
   picture, so the part of it within CONTINUED_BLOCKS of that edge may be copied (the suit
   continues below the astronaut, not the flag from the other end of the edge); deeper parts of
   it (a face, a badge) and whatever the caller excluded never are.
2. **Nothing copied twice.** One ledger per call (`BorderSources.used`) counts what every stage
   copied, so no stage repeats what an earlier one took (`tools.texture`).
3. **Light laid out as the edge says, texture as copied.** The stitch (`tools.gradient_stitch`)
   takes lightness above a fraction of a block (LIGHT_REACH_BLOCKS) from a smooth prediction —
   the edge stretched outward, blurred more the farther out — and everything finer, and all
   colour, from the copied blocks. Where the shade of a lawn darkens towards a hedge, the
   extension goes on darkening instead of starting over at the brightness of whatever block came
   first (it won low-pass SSIM on the uncrop benchmark without costing texture).
4. **Light keeps falling off** (`tools.edge_falloff`): copies are made at the brightness of the
   photo's centre and then given the brightness of their new place, so a vignetted photo's
   extension darkens outwards as the photo does.
5. **Detail as the edge has it** (`tools.detail_level`): the stitched strip's fine detail is
   scaled to that of the strip just inside the edge (half a block deep) at each height — the
   quilt and the stitch both smooth (the new areas had a median 0.86 of the truth's gradient on
   the uncrop benchmark; the bunny's, where only out-of-focus grass was left to copy, 0.4–0.8),
   and what lies just beyond the frame is most like what lies just inside it.
6. **Planned small, copied large.** On a big photo the quilt (where each block comes from) is
   planned on a copy whose short side is about WORK_SHORT px; the plan is scaled up and the
   full-resolution pixels are copied and stitched. Blocks keep the same share of the scene at
   every size, and the search costs the same on a 4096² photo as on a 512² one: time follows
   the added area (the stitch, at full resolution, is linear in it).

A `cancel` event is polled before every block (`tools.texture`) and between the steps.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Any, Mapping

import cv2
import numpy as np

from retouch.tools import detail_level, edge_falloff, texture
from retouch.tools.errors import Cancelled
from retouch.tools.gradient_stitch import stitch
from retouch.tools.texture import SideName

Box = tuple[int, int, int, int]

WORK_SHORT = 512
"""The quilt is planned on a copy of the photo scaled by a whole factor so its short side is
about this long (photos up to ~1.5× this are planned at full size)."""
SOURCE_BLOCKS = 3.0
"""The source band is at least this many blocks deep…"""
SOURCE_GROWTH = 2.0
"""…and at least this many times as deep as the side has grown, this stage included…"""
SOURCE_SHARE = 0.5
"""…but never deeper than this share of the photo across the side: the neighbourhood of the
edge, not the other side of the picture."""
STARVED_SHARE = 0.25
"""A band is starved when over this share of its lines along the edge have less than a block of
clear (not subject) pixels across: the subject fills the band at those heights, and its search
can only move along the edge — on the bunny, copying the out-of-focus grass above the rabbit all
the way down, a smooth green blur (0.17 of the truth's gradient there). A starved stage growing
sideways draws on the whole photo across instead, when what lies beyond the subject matches the
edge (SAME_BEHIND_DELTA): clear blocks from the same heights on the subject's far side. The
quilt's rule against copies nearby (`texture.NEARBY_BLOCKS`) keeps the few clear blocks there
from forming a lattice of dark spots (the deeper band alone scored a duplicate share of 0.17)."""
SAME_BEHIND_DELTA = 15.0
"""CIELAB distance between the clear pixels at the edge and those beyond the subject (means per
line, median over the starved lines) up to which they are one background. On the tuned photos:
the bunny's grass 6–14; a cat's cheek against the cushions behind it 18, the dog's field against
its sky 41 (there the far side would paste background through the subject's continuation)."""
CONTINUED_BLOCKS = 2.0
"""How deep (in blocks) from an edge that cuts the subject its pixels may be copied outward."""
MIN_CUT_BLOCKS = 1.0
"""A cut shorter than this (in blocks, along the edge) is the subject grazing the frame, not
running out of it: continuing it copies less than a block of subject, again and mirrored — a
slab of fur beside the bunny's flank, a second head of hair above the woman at the fence (uncrop
benchmark, bunny-side-right and fence-side-top)."""
LIGHT_REACH_BLOCKS = 0.25
"""Above this scale (in blocks) the new pixels' lightness follows the predicted light; below it,
the copied texture's. (A difference in lightness at a join is smoothed over about as far.)
Tuned on the uncrop benchmark: 2 blocks gave low-pass SSIM 0.844, 0.5 → 0.851, 0.25 → 0.854,
with texture error no worse."""

LIGHT_STRIP_BLOCKS = 0.5
LIGHT_STRIP_QUANTILE = 0.75
"""The light the edge's last columns give is held, per height and channel, between these
quantiles (1 − q, q) of the strip LIGHT_STRIP_BLOCKS deep beside the edge. A 3 px white line at
the edge of dark grass took the last columns' mean with it and turned a 96 px extension pale
(red 179 where the grass is 60); held, 76. A quarter of the strip may be such a line; an edge
that brightens smoothly towards the frame loses at most the step across the last columns.
On the uncrop tune photos (70 cases) no median moved by more than 0.004 (texture error 0.133,
low-pass SSIM 0.859 → 0.860, repetition 0.115 → 0.111)."""


@dataclass
class BorderSources:
    """What the built-in continuation may copy, for one outpaint call: the original's box on the
    canvas, what it must avoid, and the ledger of what was copied — all at the planning scale."""

    original: Box
    scale: int
    """Full-resolution pixels per planning pixel (1 for photos up to ~1.5 × WORK_SHORT)."""
    work: np.ndarray
    """The original at the planning scale (uint8, its size floor(size / scale))."""
    work_avoid: np.ndarray
    """bool, shaped like `work`: the subject and whatever the caller excluded (not to copy)."""
    used: np.ndarray
    """How often each planning pixel of the original was copied (float32, shaped like `work`)."""
    continued: dict[SideName, np.ndarray] = field(default_factory=dict)
    """Per side, the planning pixels of `work_avoid` that a stage growing that side may copy after
    all: the subject where the frame on that side cuts it, within CONTINUED_BLOCKS of the edge
    (never what the caller excluded)."""
    _falloff: edge_falloff.Falloff | None = None

    @classmethod
    def of(cls, canvas: np.ndarray, original: Box, avoid: np.ndarray, *,
           cut: Mapping[SideName, np.ndarray] | None = None, fixed: np.ndarray | None = None) -> "BorderSources":
        """Sources for the original placed at `original` on `canvas` (before any stage ran).

        `avoid` (canvas-sized bool) is what not to copy; `cut` says, per side, where along it the
        subject runs into the frame (bool along the original's side, `tools.subject.Subject.cut`),
        and `fixed` (original-sized bool) is the part of `avoid` that stays avoided even there
        (what the caller excluded)."""
        x0, y0, x1, y1 = original
        width, height = x1 - x0, y1 - y0
        scale = max(1, round(min(width, height) / WORK_SHORT))
        size = (max(1, width // scale), max(1, height // scale))
        pixels = canvas[y0:y0 + size[1] * scale, x0:x0 + size[0] * scale]
        subject = avoid[y0:y0 + size[1] * scale, x0:x0 + size[0] * scale]
        kept = np.zeros(subject.shape, bool) if fixed is None else fixed[:size[1] * scale, :size[0] * scale]
        if scale > 1:
            pixels = cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)
            subject = cv2.resize(subject.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0
            kept = cv2.resize(kept.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0
        continued = _continued(subject & ~kept, cut or {}, texture.block_size(*subject.shape))
        return cls(original=original, scale=scale, work=np.ascontiguousarray(pixels),
                   work_avoid=np.ascontiguousarray(subject), used=np.zeros(subject.shape, np.float32),
                   continued=continued)

    def avoid_for(self, side: SideName) -> np.ndarray:
        """What a stage growing `side` must not copy (planning scale)."""
        continued = self.continued.get(side)
        return self.work_avoid if continued is None else self.work_avoid & ~continued

    def avoid_on_canvas(self, side: SideName, shape: tuple[int, int]) -> np.ndarray:
        """`avoid_for(side)` at full resolution on a canvas of `shape` (H, W): what a stage
        growing `side` must not copy, wherever it reads the original (the PatchMatch path,
        which sees the canvas rather than the planning copy)."""
        x0, y0, x1, y1 = self.original
        mask = self.avoid_for(side).astype(np.uint8)
        canvas = np.zeros(shape, bool)
        if mask.shape != (y1 - y0, x1 - x0):
            mask = cv2.resize(mask, (x1 - x0, y1 - y0), interpolation=cv2.INTER_NEAREST)
        canvas[y0:y1, x0:x1] = mask > 0
        return canvas

    @property
    def block(self) -> int:
        """The quilt's block at the planning scale."""
        return texture.block_size(*self.work.shape[:2])

    @property
    def falloff(self) -> edge_falloff.Falloff:
        """The photo's light falloff towards its edges (fitted once, on the planning copy)."""
        if self._falloff is None:
            self._falloff = edge_falloff.Falloff(edge_falloff.measure(self.work, avoid=self.work_avoid),
                                                 self.original)
        return self._falloff


def _continued(subject: np.ndarray, cut: Mapping[SideName, np.ndarray], block: int) -> dict[SideName, np.ndarray]:
    """Per side, the pixels of `subject` (planning scale) within CONTINUED_BLOCKS of that edge, in
    the stretch where the frame cuts it over at least MIN_CUT_BLOCKS. `cut` comes from GrabCut's
    outline, `subject` is grown (`tools.subject.GROW`): the stretch is widened by half a block
    each way so the grown halo beside the cut goes along with it."""
    height, width = subject.shape
    depth = max(1, round(CONTINUED_BLOCKS * block))
    continued: dict[SideName, np.ndarray] = {}
    for side, along in cut.items():
        length = height if side in ("left", "right") else width
        stretch = cv2.resize(np.asarray(along, np.uint8)[:, None], (1, length), interpolation=cv2.INTER_NEAREST)[:, 0]
        if np.count_nonzero(stretch) < MIN_CUT_BLOCKS * block:
            continue
        stretch = cv2.dilate(stretch[:, None], np.ones((max(1, block // 2) * 2 + 1, 1), np.uint8))[:, 0] > 0
        zone = np.zeros((height, width), bool)
        if side == "left":
            zone[:, :depth] = stretch[:, None]
        elif side == "right":
            zone[:, width - depth:] = stretch[:, None]
        elif side == "top":
            zone[:depth] = stretch[None, :]
        else:
            zone[height - depth:] = stretch[None, :]
        continued[side] = subject & zone
    return continued


def continue_stage(canvas: np.ndarray, side: SideName, box: Box, known: Box, seed: int, sources: BorderSources, *,
                   overlap: int, cancel: threading.Event | None = None) -> dict[str, Any]:
    """Fill `box` on `canvas` (the strip on `side` of `known`, what exists) by quilting from the
    original's band along that side, in place; the stage's record (source band, avoided pixels)."""
    scale, block = sources.scale, sources.block
    x0, y0, x1, y1 = box
    ox0, oy0, ox1, oy1 = sources.original
    sideways = side in ("left", "right")
    amount = (x1 - x0) if sideways else (y1 - y0)
    grown = _grown(sources.original, known, side)  # how far the side reached before this stage
    # The source band, on the planning copy and (exactly `scale` times it) on the canvas.
    work_h, work_w = sources.work.shape[:2]
    across = work_w if sideways else work_h
    depth = min(max(round(SOURCE_BLOCKS * block), math.ceil(SOURCE_GROWTH * (grown + amount) / scale)),
                max(block, round(SOURCE_SHARE * across)), across)
    work_band = band((0, 0, work_w, work_h), side, depth)
    # Sideways only: a photo is layered by height (sky, trees, ground), so the same rows beyond
    # the subject hold what the band would; growing up or down, the photo across is other layers.
    starved = sideways and depth < across and _feed_across(texture.to_right(sources.work, side),
                                                           _oriented_mask(sources.avoid_for(side), side), depth, block)
    if starved:
        depth = across
        work_band = band((0, 0, work_w, work_h), side, depth)
    full_band = _offset(tuple(scale * value for value in work_band), ox0, oy0)
    # The edge the strip must join: what exists next to it, at least a block deep.
    edge_box = band(known, side, max(overlap, block * scale))
    along_shift = (oy0 - known[1]) if sideways else (ox0 - known[0])  # source start − edge start
    full_edge = texture.to_right(_crop(canvas, edge_box), side)
    falloff = sources.falloff
    edge_gain = falloff.oriented_gain(edge_box, side)
    if cancel is not None and cancel.is_set():
        raise Cancelled()

    # The quilt is planned at the centre's brightness: sources and edge with the falloff undone.
    work_source = texture.to_right(_crop(sources.work, work_band), side)
    work_source = _levelled(work_source, 1.0 / falloff.oriented_gain(full_band, side, shape=work_source.shape[:2],
                                                                     scale=scale))
    work_edge = _levelled(full_edge, 1.0 / edge_gain)
    if scale > 1:
        work_edge = cv2.resize(work_edge, (math.ceil(work_edge.shape[1] / scale),
                                           math.ceil(work_edge.shape[0] / scale)), interpolation=cv2.INTER_AREA)
    plan = texture.quilt_right(work_edge, math.ceil(amount / scale), seed=seed, source=work_source,
                               offset=round(along_shift / scale), block=block,
                               along_prior=texture.HEIGHT_PRIOR if sideways else texture.HEIGHT_PRIOR / 10,
                               avoid=_oriented_mask(_crop(sources.avoid_for(side), work_band), side),
                               used=texture.to_right(_crop(sources.used, work_band)[..., None], side)[..., 0],
                               mirror_axis=1 if sideways else 0, spread_copies=starved, cancel=cancel)
    if cancel is not None and cancel.is_set():
        raise Cancelled()
    if plan is None:  # too small to quilt: reflect the edge outward
        new = np.pad(full_edge, ((0, 0), (0, amount), (0, 0)), mode="symmetric")[:, full_edge.shape[1]:]
    else:
        boundary = full_edge[:, -1].astype(np.float32) / edge_gain[:, -1]
        light = _predicted_light(full_edge / edge_gain, amount, block=block * scale)
        flat = _copy_and_stitch(canvas, full_band, side, plan, scale, (full_edge.shape[0], amount), falloff,
                                boundary, reach=LIGHT_REACH_BLOCKS * block * scale, light=light)
        wanted = detail_level.edge_energy(full_edge / edge_gain, smooth=block * scale / 2,
                                          depth=round(detail_level.EDGE_DEPTH_BLOCKS * block * scale))
        flat = detail_level.match_detail(flat, wanted, smooth=block * scale / 2)
        new = np.clip(flat * falloff.oriented_gain(box, side) + 0.5, 0, 255).astype(np.uint8)
    canvas[y0:y1, x0:x1] = texture.from_right(new, side)
    avoided = int(np.count_nonzero(_crop(sources.avoid_for(side), work_band))) * scale * scale
    return {"backend": "builtin", "method": "quilting", "source": list(full_band), "avoided_px": avoided,
            **({"scale": scale} if scale > 1 else {})}


def _copy_and_stitch(canvas: np.ndarray, full_band: Box, side: SideName, plan: texture.QuiltPlan,
                     scale: int, shape: tuple[int, int], falloff: edge_falloff.Falloff, boundary: np.ndarray, *,
                     reach: float, light: np.ndarray | None = None) -> np.ndarray:
    """The strip's pixels at the centre's brightness (H×A×3 float): the plan scaled up, the
    full-resolution source copied with the falloff undone, stitched to `boundary`."""
    length, amount = shape
    rows, columns = np.arange(length)[:, None], np.arange(amount)[None, :]
    cell = rows // scale, columns // scale
    step_y, step_x = plan.step_y[cell], plan.step_x[cell]
    # Inside a planning pixel, full-resolution pixels run the way the source runs there.
    sub_y = np.where(step_y > 0, rows % scale, scale - 1 - rows % scale)
    sub_x = np.where(step_x > 0, columns % scale, scale - 1 - columns % scale)
    source = np.ascontiguousarray(texture.to_right(_crop(canvas, full_band), side))
    source_h, source_w = source.shape[:2]
    pixels = source.reshape(-1, 3)
    src_y = np.minimum(scale * plan.src_y[cell] + sub_y, source_h - 1)
    src_x = np.minimum(scale * plan.src_x[cell] + sub_x, source_w - 1)
    row_gain, column_gain = falloff.oriented_factors(full_band, side)

    def sample(ys: np.ndarray, xs: np.ndarray) -> np.ndarray:
        inside = (xs >= 0) & (xs < source_w) & (ys >= 0) & (ys < source_h)
        ys, xs = np.clip(ys, 0, source_h - 1), np.clip(xs, 0, source_w - 1)
        values = pixels[ys * source_w + xs].astype(np.float32)
        values /= (row_gain[ys] * column_gain[xs])[..., None]
        values[~inside] = np.nan
        return values

    return stitch(sample, texture.QuiltPlan(src_y, src_x, step_y, step_x), boundary, reach=reach, light=light)


def _predicted_light(edge: np.ndarray, amount: int, *, block: int) -> np.ndarray:
    """The edge's last columns stretched outward, blurred along the edge the more the farther out
    (as far again as the distance): where light and shade lie beyond the edge, smoothly. A
    running median over a block first, so a star or a lamp on the edge does not become a glow,
    and the last columns held within the middle of the strip beside them (LIGHT_STRIP_QUANTILE),
    so a pale line running along the edge does not become a pale haze."""
    from scipy.ndimage import gaussian_filter1d, median_filter

    pixels = np.asarray(edge, np.float32)
    line = pixels[:, -min(4, edge.shape[1]):].mean(axis=1)
    # A thin line along the edge (a pole, a door frame, a mortar joint) is structure, not light:
    # at each height the last columns' light is held within the spread of the strip beside them.
    strip = pixels[:, -min(edge.shape[1], max(4, round(LIGHT_STRIP_BLOCKS * block))):]
    line = np.clip(line, np.quantile(strip, 1 - LIGHT_STRIP_QUANTILE, axis=1),
                   np.quantile(strip, LIGHT_STRIP_QUANTILE, axis=1))
    line = median_filter(line, size=(max(1, block) | 1, 1), mode="nearest")
    levels = sorted({int(2 ** k) for k in range(0, max(1, int(np.log2(max(2, amount)))) + 2)})
    blurred = [gaussian_filter1d(line, level, axis=0, mode="nearest") for level in levels]
    light = np.empty((edge.shape[0], amount, 3), np.float32)
    for column in range(amount):
        light[:, column] = blurred[min(len(levels) - 1, int(np.searchsorted(levels, column + 1)))]
    return light


def _levelled(pixels: np.ndarray, gain: np.ndarray) -> np.ndarray:
    return np.clip(pixels.astype(np.float32) * gain + 0.5, 0, 255).astype(np.uint8)


def _feed_across(work: np.ndarray, avoid: np.ndarray, depth: int, block: int) -> bool:
    """Whether a stage should draw on the whole photo across (`work` and `avoid` oriented so the
    edge is the last column, the band its last `depth` columns): over STARVED_SHARE of the band's
    lines have less than a block of clear pixels, and on those lines the clear pixels within a
    block of the edge have about the colour of the clear pixels beyond the band (CIELAB distance
    of the two means, median over the lines, at most SAME_BEHIND_DELTA) — what shows at the edge
    is what lies behind the subject, not more of the subject (a cat's cheek whose fur the
    estimate left out beside a face that fills the frame)."""
    clear = ~np.asarray(avoid, bool)
    width = clear.shape[1]
    starved = clear[:, width - depth:].sum(axis=1) < block
    if np.mean(starved) <= STARVED_SHARE:
        return False
    near, far = clear.copy(), clear.copy()
    near[:, :width - block] = False
    far[:, width - depth:] = False
    lines = starved & near.any(axis=1) & far.any(axis=1)
    if not lines.any():
        return False
    lab = cv2.cvtColor(np.asarray(work, np.float32) / 255, cv2.COLOR_RGB2LAB)[lines]
    near, far = near[lines, :, None], far[lines, :, None]
    near_mean = (lab * near).sum(axis=1) / near.sum(axis=1)
    far_mean = (lab * far).sum(axis=1) / far.sum(axis=1)
    return bool(np.median(np.linalg.norm(near_mean - far_mean, axis=1)) <= SAME_BEHIND_DELTA)


def _grown(original: Box, known: Box, side: SideName) -> int:
    """How far `known` already reaches beyond the original on `side`."""
    index = {"left": 0, "top": 1, "right": 2, "bottom": 3}[side]
    return abs(known[index] - original[index])


def band(box: Box, side: SideName, depth: int) -> Box:
    """The part of `box` within `depth` px of its `side`."""
    x0, y0, x1, y1 = box
    return {"left": (x0, y0, min(x1, x0 + depth), y1), "right": (max(x0, x1 - depth), y0, x1, y1),
            "top": (x0, y0, x1, min(y1, y0 + depth)), "bottom": (x0, max(y0, y1 - depth), x1, y1)}[side]


def _crop(array: np.ndarray, box: Box) -> np.ndarray:
    x0, y0, x1, y1 = box
    return array[y0:y1, x0:x1]


def _offset(box: tuple[int, ...], dx: int, dy: int) -> Box:
    x0, y0, x1, y1 = box
    return x0 + dx, y0 + dy, x1 + dx, y1 + dy


def _oriented_mask(mask: np.ndarray, side: SideName) -> np.ndarray:
    return texture.to_right(np.asarray(mask, bool)[..., None], side)[..., 0]
