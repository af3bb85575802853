"""Texture continuation without weights: where each new pixel is copied from, by image quilting
outward from an edge.

The built-in outpainter needs new canvas that looks like more of the same — more sky, grass, wall
— rather than a smear of the border colour or a flat fill. Image quilting (Efros & Freeman 2001)
copies real blocks of the picture: each new block is the one whose overlap with what is already
there (the edge, the blocks placed before it) matches best, drawn at random among the near-best
with a seeded generator and joined along the minimum-error boundary cut. The first column of
blocks overlaps the edge deeper, and its last line counts most, because that join can't be
hidden by a cut.

Priors keep it plausible at the scale of the scene: blocks come from about the same height when
growing sideways (sky stays at the top, the ground at the bottom); their blurred colour and
texture busyness should match the edge stretched outward — more so the farther from the edge, so
one odd block can't grow into a copied object; a block that touches `avoid` (the subject) is
taken only when every candidate does. **Nothing is copied twice** if it can be helped: a ledger
(`used`) counts how often each source pixel was copied — in this strip and in every strip
before it — and a block that shares more than REUSE_FREE of its detail with earlier copies costs
more, the more distinctive it is. A block copied twice at the same spacing is what the eye reads
as a pattern (a lattice of straws, a row of identical trees). The detail expected of a block is
the edge's at that height (a photo's sharpness changes with the focus plane), so out-of-focus
background does not creep into sharp grass. Where every block near its height touches the
subject, the search widens along the edge, doubling until one does not. Which pixels may be
copied at all is the caller's choice (`source`): the outpainter passes a band of the original
next to the side, so what touches the edge is what continues.

Two more things keep a quilt from reading as a pattern: a block may be taken mirrored (left to
right in the picture, never upside down — `mirror_axis`), which doubles what the band offers,
and each column of blocks is staggered by a random part of a step, so blocks do not line up in
rows and whatever sits in the middle of each does not form a lattice.

Cost: each block searches a window of fixed size (REACH_BLOCKS along the edge, compared on a
~16 px grid, refined on at most EXACT_PIXELS overlap pixels), so time follows the number of
blocks, and so the added area. A `cancel` event is polled before every block.

The result is a source map, not pixels: `tools.gradient_stitch` turns it into pixels without
steps between blocks, at whatever resolution the caller quilted for (`tools.continuation`).
Everything is written for one direction (add columns on the right); `to_right` / `from_right`
turn the other sides into that case by flipping and transposing. The edge is only ever read.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np
from scipy.ndimage import gaussian_filter1d

from retouch.tools.detail_level import fine_detail
from retouch.tools.errors import Cancelled

SideName = Literal["left", "right", "top", "bottom"]

GUIDE_WEIGHT = 3.0
"""How much the guide (the edge's blurred colour and busyness, stretched outward) counts against
the overlap match; both are mean squared differences."""
GUIDE_RAMP = 1.0
"""Growth of the guide's weight per block of distance from the edge."""
ENERGY_WEIGHT = 4.0
"""Weight of texture busyness (blurred gradient magnitude) beside blurred colour in the guide."""
HEIGHT_PRIOR = 0.05
"""Cost per (block-heights of displacement along the edge)², in units of the typical block error."""
GUIDE_FADE_BLOCKS = 1.5
"""How far (in blocks) from the edge the guide turns from the edge's look into the band's."""
DETAIL_WEIGHT = 0.5
"""Cost per (natural log of the ratio of a block's fine detail to the edge's at that height)², in
units of the typical block error. Matching pixels favours smooth blocks (a blurred patch differs
less from any texture than another patch of that texture does), so without it out-of-focus
background creeps into sharp grass."""
DETAIL_FLOOR = 0.05
"""Added to both detail energies (in units of the band's mean) so flat sky against flat sky is
not a ratio of noise."""
REUSE_FREE = 0.3
"""Share of a block's detail that may have been copied before at no cost: a block beside an
earlier one overlaps its source by the cut (a quarter of the block), which is one larger copy,
not a repeat."""
REUSE_FLAT = 0.05
"""Every pixel's weight in the used share is its fine detail plus this much of the band's mean
detail, so in a flat sky the share is simply the share of pixels."""
REUSE_PENALTY = 3.0
"""Cost of copying again, in units of the typical block error: this times log(1 + the share of
earlier copies beyond REUSE_FREE) times how distinctive the block is (its fine detail against
the band's mean). Logarithmic, because a linear cost pushed an exhausted band's search onto the
wrong content (field blocks in the sky) and a capped one let the best block by the edge be
copied thirty times."""
TOLERANCE = 0.15
"""Candidates within this fraction of the best cost are equally good; one is drawn at random."""
EDGE_TOLERANCE = 0.05
"""The same for the first column of blocks, where a poorer match shows as a seam."""
EDGE_OVERLAP = 0.5
"""How deep (in blocks) the first column of blocks overlaps the edge."""
EDGE_EMPHASIS = 4.0
"""Extra weight of the edge's last line in that overlap's match (fading quadratically inwards)."""
CANDIDATES = 16
"""Coarse-search winners refined at full resolution."""
MAX_BLOCK = 64
COARSE_BLOCK = 16
"""Block size of the coarse search (texture detail below 1/f of the block is not compared there)."""
REACH_BLOCKS = 4
"""How far along the edge (in blocks, each way) a block's source may lie. A bound, not a share of
the edge's length, so each block costs the same on any photo and time grows with the added area."""
EXACT_PIXELS = 1500
"""The full-resolution refinement compares at most about this many overlap pixels per candidate."""
NEARBY_BLOCKS = 3
"""How near (in blocks, each way on the new canvas) an earlier copy of the same source block rules
it out: where the clear source is scarce (a subject filling the band) the ledger's soft cost lets
the few clear blocks be copied again and again, side by side — a lattice of the same dark spots."""
NEARBY_PENALTY = 1e3
"""Cost of such a copy, in units of the typical block error: far above any look or prior, far
below touching the subject — so the subject stays the very last resort."""
AVOID_PENALTY = 1e6
"""Cost per avoided pixel share in a source block, in units of the typical block error: a block
that touches the subject is taken only when every candidate does, and then the one touching least."""


def quilt_right(edge: np.ndarray, amount: int, *, seed: int, source: np.ndarray, offset: int = 0,
                block: int | None = None, along_prior: float = HEIGHT_PRIOR, avoid: np.ndarray | None = None,
                used: np.ndarray | None = None, mirror_axis: int | None = None, spread_copies: bool = False,
                cancel: threading.Event | None = None) -> "QuiltPlan | None":
    """Where each of `amount` new columns continuing `edge` (H×W×3 uint8) to the right is copied
    from in `source` (Hs×Ws×3). None when the edge or source is too small to quilt (a block
    under 6 px, an edge one column deep).

    `offset` is where `source` starts along the edge relative to `edge`; `along_prior` the cost of
    taking a block from elsewhere along the edge; `avoid` (bool, like `source`) marks pixels to
    copy only as a last resort; `used` (float32, like `source`) is the ledger of earlier copies,
    read and then updated in place; `mirror_axis` (0 or 1) lets a block be taken mirrored along that
    axis too; `spread_copies` rules out (NEARBY_PENALTY) a source block copied within NEARBY_BLOCKS
    before — for a source the subject leaves little clear, where the ledger's soft cost is not
    enough. Raises Cancelled when `cancel` is set."""
    edge = np.ascontiguousarray(edge, dtype=np.uint8)
    source = np.ascontiguousarray(source, dtype=np.uint8)
    height, width = edge.shape[:2]
    block = min(block or block_size(*source.shape[:2]), height, *source.shape[:2])
    if amount <= 0 or block < 6 or width < 2:
        return None
    cut = max(2, block // 4)
    # The first column of blocks overlaps the edge deeper than blocks overlap each other: the
    # join with what exists can't be hidden by a cut, so lines crossing it must line up.
    lead = min(width - 1, block - 1, max(cut, round(block * EDGE_OVERLAP)))
    room = max(amount, block - lead)  # a strip thinner than one block is quilted whole, then cropped
    quilt = _Quilt(edge, lead, source, offset, room, block, cut, np.random.default_rng(seed), along_prior,
                   avoid, used, mirror_axis, spread_copies)
    step = block - cut
    for x0 in _starts(0, lead + room, block, cut, first_step=block - lead):
        # Each column of blocks is staggered by a random part of a step, like bricks: rows of
        # blocks that line up repeat whatever sits in the middle of each block as a lattice.
        stagger = int(quilt.rng.integers(max(1, step // 3), step + 1))
        for y0 in _starts(0, height, block, cut, first_step=stagger):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            quilt.place(x0, y0)
    new = slice(lead, lead + amount)
    return QuiltPlan(quilt.src_y[:, new], quilt.src_x[:, new], quilt.step_y[:, new], quilt.step_x[:, new])


@dataclass(frozen=True)
class QuiltPlan:
    """Where each new pixel (H×A) is copied from in the source, and which way the source runs
    there (+1, or −1 inside a block taken mirrored): the pixel one step right of (y, x) in the new
    area comes from (src_y, src_x + step_x) when both are in the same block."""

    src_y: np.ndarray
    src_x: np.ndarray
    step_y: np.ndarray
    step_x: np.ndarray



class _Quilt:
    """The canvas being quilted (the edge's last columns, then the new ones), where each new pixel
    was copied from, and the search state."""

    def __init__(self, edge: np.ndarray, lead: int, source: np.ndarray, offset: int, amount: int, block: int,
                 cut: int, rng: np.random.Generator, along_prior: float, avoid: np.ndarray | None,
                 used: np.ndarray | None, mirror_axis: int | None, spread_copies: bool = False) -> None:
        height = edge.shape[0]
        self.mirror_axis = mirror_axis
        self.spread_copies = spread_copies
        self.block, self.rng, self.protect, self.along_prior = block, rng, lead, along_prior
        self.offset = offset
        self.reach = max(2 * block, min(height // 4, REACH_BLOCKS * block))
        self.canvas = np.zeros((height, lead + amount, 3), np.float32)
        self.canvas[:, :lead] = edge[:, edge.shape[1] - lead:]
        self.filled = np.zeros((height, lead + amount), bool)
        self.filled[:, :lead] = True
        self.src_y = np.zeros((height, lead + amount), np.int32)
        self.src_x = np.zeros((height, lead + amount), np.int32)
        self.step_y = np.ones((height, lead + amount), np.int8)
        self.step_x = np.ones((height, lead + amount), np.int8)
        self.source = source.astype(np.float32)
        sigma = max(1.0, block / 4)
        self.source_low = _appearance(self.source, sigma)
        clean = np.ones(source.shape[:2], bool) if avoid is None else ~np.asarray(avoid, bool)
        self.guide = _edge_guide(_appearance(edge.astype(np.float32), sigma)[:, edge.shape[1] - lead:],
                                 lead + amount, sigma, _band_profile(self.source_low[:, -block:], clean[:, -block:], offset, height),
                                 fade=GUIDE_FADE_BLOCKS * block)
        self.typical = _typical_error(self.source, block)
        # The coarse search compares blocks of about COARSE_BLOCK px: 1/f² of the positions and pixels.
        self.factor = max(1, block // COARSE_BLOCK)
        f = self.factor
        source_h, source_w = source.shape[:2]
        coarse = (max(1, source_w // f), max(1, source_h // f))
        self.source_c = cv2.resize(self.source, coarse, interpolation=cv2.INTER_AREA)
        self.low_c = cv2.resize(self.source_low, coarse, interpolation=cv2.INTER_AREA)
        origins = (source_h - block + 1, source_w - block + 1)
        self.touching = _block_share(avoid, block, origins) if avoid is not None and avoid.any() else None
        # How distinctive each source block is: its fine detail's energy against the band's mean.
        # Copying a patch of sky twice is invisible; a straw twice is a pattern.
        energy = _detail_energy(self.source)
        mean_energy = max(float(energy[clean].mean()) if clean.any() else float(energy.mean()), 1.0)
        self.block_energy = _block_share(energy, block, origins) / mean_energy
        # What counts as copied before is the block's *detail*: a small red galaxy lies in many
        # blocks, each mostly black; sharing it, they share most of what is seen in them. So each
        # pixel weighs by its detail (plus a little, so a flat block still counts its pixels).
        self.detail_weight = (energy + REUSE_FLAT * mean_energy).astype(np.float32)
        self.block_weight = _block_share(self.detail_weight, block, origins)
        self.used = np.zeros((source_h, source_w), np.float32) if used is None else used
        self.usage = _block_share(self.used * self.detail_weight, block, origins) / self.block_weight
        self.distinct = self.block_energy
        self.placed: list[tuple[int, int, int, int]] = []
        """(canvas y, canvas x, source y, source x) of every block placed so far."""
        # The detail the new blocks should have at each height: the edge's (a photo's sharpness
        # changes with height — the focus plane — not along the growth direction).
        along = gaussian_filter1d(_detail_energy(edge.astype(np.float32)).mean(axis=1), block / 2, mode="nearest")
        self.edge_energy = np.convolve(along / mean_energy, np.ones(block) / block, mode="valid")

    def place(self, x0: int, y0: int) -> None:
        """Choose the block for canvas[y0:y0+block, x0:x0+block] — as it is in the source or
        mirrored — and paste it along a min-error cut."""
        block, f = self.block, self.factor
        source_h, source_w = self.source.shape[:2]
        ys, xs = slice(y0, y0 + block), slice(x0, x0 + block)
        target, known, guide = self.canvas[ys, xs], self.filled[ys, xs], self.guide[ys, xs]
        # Coarse search over source blocks from about the same height; far-off rows are never
        # considered (the window always holds at least one block) unless every block near it
        # touches the subject: then the window doubles along the edge until one does not.
        size = (max(1, block // f),) * 2
        rows_c, columns_c = self.source_c.shape[:2]
        here = y0 - self.offset
        grid_x = np.minimum(np.arange(columns_c - size[0] + 1) * f, source_w - block)
        reach = self.reach
        while True:
            top = min(max(0, here - reach) // f, rows_c - size[1])
            bottom = max(top + size[1], min(source_h, here + block + reach) // f)
            grid_y = np.minimum((np.arange(bottom - top - size[1] + 1) + top) * f, source_h - block)
            if (self.touching is None or (self.touching[np.ix_(grid_y, grid_x)] == 0).any()
                    or (top == 0 and bottom >= rows_c)):
                break
            reach *= 2
        weight = self._overlap_weight(known, x0)
        known_c = cv2.resize(known.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0.999
        weight_c = np.where(known_c, cv2.resize(weight, size, interpolation=cv2.INTER_AREA), 0).astype(np.float32)
        # Near the edge, continuity with what is there decides; farther out, looking like the edge
        # counts more, so one odd block can't grow into a whole copied object.
        guide_weight = GUIDE_WEIGHT * (1 + GUIDE_RAMP * max(0, x0 - self.protect) / block)
        target_c = cv2.resize(target, size, interpolation=cv2.INTER_AREA)
        guide_block_c = cv2.resize(guide, size, interpolation=cv2.INTER_AREA)
        priors = self._priors(grid_y[:, None], grid_x[None, :], y0, x0)
        # A mirrored source block matched against the target is the block matched against the
        # mirrored target: one more search over the same window, with flipped templates.
        flips = [False] if self.mirror_axis is None else [False, True]
        coarse, guide_costs = [], []
        for flipped in flips:
            overlap_c, guide_c = self._coarse_costs(top, bottom, *(self._flip(a, flipped) for a in
                                                                   (target_c, guide_block_c, weight_c)), guide_weight)
            coarse.append(overlap_c + guide_c + priors)
            guide_costs.append(guide_c)
        cost, guide_all = np.stack(coarse), np.stack(guide_costs)
        count = min(cost.size, CANDIDATES)
        flat = np.argpartition(cost.ravel(), count - 1)[:count]
        variant, cell = np.divmod(flat, cost.shape[1] * cost.shape[2])
        cy, cx = np.divmod(cell, cost.shape[2])
        # Refine the coarse winners at full resolution (every other offset inside a coarse cell
        # once cells are 4 px or wider), then draw among the near-best.
        dy, dx = np.divmod(np.arange(f * f), f)
        step = max(1, f // 2)
        keep = (dy % step == 0) & (dx % step == 0)
        dy, dx = dy[keep], dx[keep]
        sy = np.clip((cy[:, None] + top) * f + dy[None, :], 0, source_h - block).ravel()
        sx = np.clip(cx[:, None] * f + dx[None, :], 0, source_w - block).ravel()
        mirrored = np.repeat(variant, len(dy)).astype(bool)
        guide_cost = np.repeat(guide_all.ravel()[flat], len(dy))
        exact = np.empty(len(sy))
        for flipped in flips:
            group = mirrored == flipped
            exact[group] = self._exact_costs(sy[group], sx[group], self._flip(target, flipped),
                                             self._flip(weight, flipped), guide_cost[group], y0, x0)
        # Along the original's edge the join must be as good as it gets; farther out, variety.
        tolerance = EDGE_TOLERANCE if x0 < self.protect else TOLERANCE
        exact = np.where(np.isfinite(exact), exact, np.inf)  # a degenerate match is never the best
        best = float(exact.min())
        # (|best|: on a flat picture the squared differences come out a rounding error below 0)
        near = np.flatnonzero(exact <= best + tolerance * abs(best) + 1e-6) if np.isfinite(best) else np.arange(len(exact))
        choice = int(near[self.rng.integers(len(near))])
        py, px, flipped = int(sy[choice]), int(sx[choice]), bool(mirrored[choice])
        patch = self._flip(self.source[py:py + block, px:px + block], flipped)
        take = _cut_mask(patch, target, known)
        take[:, : max(0, self.protect - x0)] = False  # the original edge is never written
        target[take] = patch[take]
        rows, cols = np.nonzero(take)
        along_rows = flipped and self.mirror_axis == 0
        along_cols = flipped and self.mirror_axis == 1
        self.src_y[y0 + rows, x0 + cols] = py + (block - 1 - rows if along_rows else rows)
        self.src_x[y0 + rows, x0 + cols] = px + (block - 1 - cols if along_cols else cols)
        self.step_y[y0 + rows, x0 + cols] = -1 if along_rows else 1
        self.step_x[y0 + rows, x0 + cols] = -1 if along_cols else 1
        known |= take
        self._mark_used(py, px)
        self.placed.append((y0, x0, py, px))

    def _flip(self, array: np.ndarray, flipped: bool) -> np.ndarray:
        return np.ascontiguousarray(np.flip(array, axis=self.mirror_axis)) if flipped else array

    def _mark_used(self, py: int, px: int) -> None:
        """Enter the block at (py, px) in the ledger and renew the used share of every origin
        whose block overlaps it."""
        block = self.block
        self.used[py:py + block, px:px + block] += 1
        rows, cols = self.usage.shape
        y0, x0 = max(0, py - block + 1), max(0, px - block + 1)
        y1, x1 = min(rows, py + block), min(cols, px + block)
        region = (slice(y0, y1 + block - 1), slice(x0, x1 + block - 1))
        weighted = _block_share(self.used[region] * self.detail_weight[region], block, (y1 - y0, x1 - x0))
        self.usage[y0:y1, x0:x1] = weighted / self.block_weight[y0:y1, x0:x1]

    def _overlap_weight(self, known: np.ndarray, x0: int) -> np.ndarray:
        """How much each known pixel of the block counts in the match: the original's last few
        columns count most, since there the join can't be hidden by a cut."""
        weight = known.astype(np.float32)
        edge = self.protect - x0
        if edge > 0:
            closeness = (np.arange(edge, dtype=np.float32) + 1) / edge
            weight[:, :edge] *= 1 + EDGE_EMPHASIS * closeness[None, :] ** 2
        return weight

    def _coarse_costs(self, top: int, bottom: int, target: np.ndarray, guide: np.ndarray,
                      weight: np.ndarray, guide_weight: float) -> tuple[np.ndarray, np.ndarray]:
        """Coarse overlap error and guide error (both mean squared per value) at every position."""
        region, region_low = self.source_c[top:bottom], self.low_c[top:bottom]
        shape = (region.shape[0] - target.shape[0] + 1, region.shape[1] - target.shape[1] + 1)
        overlap = np.zeros(shape, np.float32)
        guided = np.zeros(shape, np.float32)
        known = weight > 0
        if known.any():
            # matchTemplate weighs (template − image) by the mask before squaring: pass √weight.
            overlap = cv2.matchTemplate(region, target, cv2.TM_SQDIFF, mask=np.sqrt(weight)) / (weight.sum() * 3)
        unknown = ~known
        if unknown.any():
            guided = guide_weight * cv2.matchTemplate(region_low, guide, cv2.TM_SQDIFF,
                                                      mask=unknown.astype(np.float32)) / (unknown.sum() * 4)
        return overlap, guided

    def _priors(self, sy: np.ndarray, sx: np.ndarray, y0: int, x0: int) -> np.ndarray:
        """Cost of taking the block at (sy, sx) for the block at height y0, beyond how it looks:
        moving along the edge, having been copied before, having been copied nearby (at x0),
        touching the subject."""
        along = self.along_prior * ((sy + self.offset - y0) / self.block) ** 2
        reused = REUSE_PENALTY * np.log1p(np.maximum(0.0, self.usage[sy, sx] - REUSE_FREE)) * self.distinct[sy, sx]
        wanted = self.edge_energy[min(y0, len(self.edge_energy) - 1)]
        detail = DETAIL_WEIGHT * np.log((self.block_energy[sy, sx] + DETAIL_FLOOR) / (wanted + DETAIL_FLOOR)) ** 2
        avoided = 0.0 if self.touching is None else AVOID_PENALTY * self.touching[sy, sx]
        nearby = NEARBY_PENALTY * self._copied_nearby(sy, sx, y0, x0) if self.spread_copies else 0.0
        return self.typical * (along + reused + detail + avoided + nearby)

    def _copied_nearby(self, sy: np.ndarray, sx: np.ndarray, y0: int, x0: int) -> np.ndarray:
        """1 where the source block at (sy, sx) overlaps by more than half each way the source of a
        block placed within NEARBY_BLOCKS of (y0, x0) on the canvas, else 0."""
        block = self.block
        reach = NEARBY_BLOCKS * block
        nearby = [(py, px) for cy, cx, py, px in self.placed if abs(cy - y0) <= reach and abs(cx - x0) <= reach]
        hit = np.zeros(np.broadcast(sy, sx).shape, bool)
        for py, px in nearby:
            hit |= (np.abs(sy - py) < block // 2) & (np.abs(sx - px) < block // 2)
        return hit

    def _exact_costs(self, sy: np.ndarray, sx: np.ndarray, target: np.ndarray, weight: np.ndarray,
                     guide_cost: np.ndarray, y0: int, x0: int) -> np.ndarray:
        """Full-resolution weighted overlap error at each (sy, sx), plus the coarse guide cost of
        the cell it came from and the priors."""
        width = self.source.shape[1]
        ky, kx = np.nonzero(weight)
        stride = max(1, len(ky) // EXACT_PIXELS)  # an even sample of the overlap is enough to rank
        ky, kx = ky[::stride], kx[::stride]
        cost = np.array(guide_cost, np.float64)
        if len(ky):
            flat = self.source.reshape(-1, 3)
            index = (sy[:, None] + ky[None, :]) * width + sx[:, None] + kx[None, :]
            w = weight[ky, kx]
            cost += ((flat[index] - target[ky, kx][None]) ** 2).sum(axis=2) @ w / (3 * w.sum())
        return cost + self._priors(sy, sx, y0, x0)


def _block_share(values: np.ndarray, block: int, shape: tuple[int, int]) -> np.ndarray:
    """Per block origin, the mean of `values` (a mask or counts) over the block's pixels."""
    share = cv2.boxFilter(np.asarray(values, np.float32), -1, (block, block), anchor=(0, 0), normalize=True,
                          borderType=cv2.BORDER_CONSTANT)
    return np.ascontiguousarray(share[:shape[0], :shape[1]])


def _cut_mask(patch: np.ndarray, target: np.ndarray, known: np.ndarray) -> np.ndarray:
    """Which pixels of the block take the new patch: everything unknown, plus the part of the
    overlap beyond the minimum-error boundary (vertical cut on the left, horizontal on top)."""
    block = patch.shape[0]
    error = ((patch - target) ** 2).sum(axis=2)
    left = _leading(known[-1, :])
    upper = _leading(known[:, -1])
    take_left = np.ones((block, block), bool)
    take_upper = np.ones((block, block), bool)
    if left:
        path = _min_path(error[:, :left])
        take_left = np.arange(block)[None, :] > path[:, None]
    if upper:
        path = _min_path(error[:upper, :].T)
        take_upper = np.arange(block)[:, None] > path[None, :]
    return ~known | (take_left & take_upper)


def _min_path(error: np.ndarray) -> np.ndarray:
    """Column index per row of the cheapest 8-connected top-to-bottom path through `error` (h×w)."""
    rows, cols = error.shape
    total = error.astype(np.float64).copy()
    for row in range(1, rows):
        previous = total[row - 1]
        left = np.concatenate(([np.inf], previous[:-1]))
        right = np.concatenate((previous[1:], [np.inf]))
        total[row] += np.minimum(previous, np.minimum(left, right))
    path = np.empty(rows, np.int64)
    path[-1] = int(np.argmin(total[-1]))
    for row in range(rows - 2, -1, -1):
        col = path[row + 1]
        lo, hi = max(0, col - 1), min(cols, col + 2)
        path[row] = lo + int(np.argmin(total[row, lo:hi]))
    return path


def _leading(values: np.ndarray) -> int:
    """How many leading entries are True."""
    return len(values) if values.all() else int(np.argmin(values))


def _starts(first: int, end: int, block: int, cut: int, first_step: int | None = None) -> list[int]:
    """Block origins from `first`, stepping block − cut (the first step may differ), the last
    one flush with `end`; a block never reaches past `end`."""
    starts = [first]
    position = first + (block - cut if first_step is None else first_step)
    while position + block < end:
        starts.append(position)
        position += block - cut
    if starts[-1] + block < end:
        starts.append(end - block)
    return starts


def block_size(height: int, width: int) -> int:
    """About a sixth of the source's short side up to 32 px at 512 px, then growing with the photo
    up to 64 px: big enough to carry structure, small enough to fit between the subject and the
    frame (48 px lost on the uncrop benchmark: texture error, repetition and low-pass SSIM), and
    the same share of the scene on a big photo — which also keeps the number of blocks, and so
    the time, in proportion to the added area."""
    short = min(height, width)
    return int(min(max(8, round(short / 6)), round(32 * max(1.0, short / 512)), MAX_BLOCK, short))


def _typical_error(source: np.ndarray, block: int) -> float:
    """A scale for the priors: the mean squared difference between pixels half a block apart."""
    step = max(1, block // 2)
    horizontal = source[:, step:] - source[:, :-step]
    return float(max(1.0, (horizontal ** 2).mean())) if horizontal.size else 1.0


def _appearance(source: np.ndarray, sigma: float) -> np.ndarray:
    """What the guide compares: blurred colour plus how busy the texture is there (blurred
    gradient magnitude), so a field is continued by field and not by the bench standing in it."""
    gray = cv2.cvtColor(source, cv2.COLOR_RGB2GRAY)
    gx = cv2.Sobel(gray, cv2.CV_32F, 1, 0, ksize=3, scale=0.125)
    gy = cv2.Sobel(gray, cv2.CV_32F, 0, 1, ksize=3, scale=0.125)
    stacked = np.dstack([source, ENERGY_WEIGHT * np.sqrt(gx * gx + gy * gy)]).astype(np.float32)
    # A wide blur is as good on a copy shrunk by a third of its sigma, and far cheaper there.
    height, width = source.shape[:2]
    shrink = max(1, int(sigma // 3))
    if shrink > 1 and min(height, width) >= 4 * shrink:
        small = cv2.resize(stacked, (max(1, width // shrink), max(1, height // shrink)), interpolation=cv2.INTER_AREA)
        blurred = cv2.resize(cv2.GaussianBlur(small, (0, 0), sigma / shrink), (width, height),
                             interpolation=cv2.INTER_LINEAR)
    else:
        blurred = cv2.GaussianBlur(stacked, (0, 0), sigma)
    return np.ascontiguousarray(blurred.reshape(height, width, 4), dtype=np.float32)


def _edge_guide(appearance: np.ndarray, total: int, sigma: float, typical: np.ndarray, *, fade: float) -> np.ndarray:
    """The appearance of the last columns stretched to the right, turning within `fade` px into
    the typical appearance of the band's outermost block at that height (`typical`, H×4, widely
    smoothed along the edge): what touches the edge is continued, but a straw or a trunk at the
    edge is not drawn out into a row of them. (The band's whole depth would be wrong growing
    upwards: it crosses from sky into the trees.)"""
    height, width, channels = appearance.shape
    edge = appearance[:, max(0, width - 4):].mean(axis=1)
    guide = np.empty((height, total, channels), np.float32)
    guide[:, :width] = appearance
    near = gaussian_filter1d(edge, sigma, axis=0, mode="nearest")
    far = gaussian_filter1d(typical, 4 * sigma, axis=0, mode="nearest")
    steps = np.minimum(1.0, np.arange(1, total - width + 1, dtype=np.float32) / max(1.0, fade))
    guide[:, width:] = near[:, None] * (1 - steps)[None, :, None] + far[:, None] * steps[None, :, None]
    return guide


def _band_profile(appearance: np.ndarray, clean: np.ndarray, offset: int, height: int) -> np.ndarray:
    """The source band's mean appearance per row over its `clean` pixels (not the subject), in
    the edge's rows (`offset` apart; rows past either end, or with nothing clean, take the
    nearest row that has)."""
    weight = clean.astype(np.float32)
    count = weight.sum(axis=1)
    profile = (appearance * weight[..., None]).sum(axis=1) / np.maximum(count, 1)[:, None]
    known = np.flatnonzero(count > 0)
    if len(known) == 0:
        profile = np.broadcast_to(appearance.reshape(-1, appearance.shape[2]).mean(axis=0), profile.shape)
    else:
        nearest = known[np.clip(np.searchsorted(known, np.arange(len(count))), 0, len(known) - 1)]
        profile = profile[nearest]
    rows = np.clip(np.arange(height) - offset, 0, len(profile) - 1)
    return np.ascontiguousarray(profile[rows])


def _detail_energy(pixels: np.ndarray) -> np.ndarray:
    """Per pixel, the squared fine detail of the grey image (what blur takes away) — the detail
    `detail_level` measures and scales, so a block's distinctiveness and the new area's detail
    are one measure."""
    return fine_detail(pixels) ** 2


def to_right(band: np.ndarray, side: SideName) -> np.ndarray:
    """Orient a band so the edge it grows from on `side` is its last column (growth to the right)."""
    if side == "right":
        return band
    if side == "left":
        return band[:, ::-1]
    if side == "bottom":
        return band.transpose(1, 0, 2)
    return band.transpose(1, 0, 2)[:, ::-1]


def from_right(new: np.ndarray, side: SideName) -> np.ndarray:
    """Undo `to_right`."""
    if side == "right":
        return new
    if side == "left":
        return new[:, ::-1]
    if side == "bottom":
        return new.transpose(1, 0, 2)
    return new[:, ::-1].transpose(1, 0, 2)
