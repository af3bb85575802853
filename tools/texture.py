"""Texture continuation without weights: image quilting outward from an edge, stitched in the
gradient domain.

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
one odd block can't grow into a copied object; a source spot that was used already costs a
little more; and a block that touches `avoid` (the subject) is taken only when every candidate
does — where every block near its height does, the search widens to the whole edge (a deeper
band was tried: it reached the out-of-focus background and pasted blur). Which pixels may be copied at all is the caller's choice (`source`): the outpainter passes
a band of the original next to the side, so what touches the edge is what continues.

Cost: each block searches a window of fixed size (REACH_BLOCKS along the edge, compared on a
~24 px grid, refined on at most EXACT_PIXELS overlap pixels), and blocks grow with the photo
(`block_size`), so time follows the added area, not the photo's height.

Copied blocks still differ a little in level, which shows as steps in smooth areas (banding in a
sky) and as a line along the edge. So the quilt is only the *gradient* field: the final pixels
solve a screened Poisson equation (Pérez et al. 2003; Agarwala et al. 2004, "Photomontage") —
the copied texture's own gradients, the edge column as the fixed boundary, a weak pull towards
the quilt's colours so nothing drifts far out. On a rectangle that is exact and fast: a DCT along
the edge and one tridiagonal solve per frequency across it.

Everything is written for one direction (add columns on the right); `extend` turns the other
sides into that case by flipping and transposing. The edge is only ever read.
"""

from __future__ import annotations

from typing import Literal

import cv2
import numpy as np
from scipy.fft import dct, idct
from scipy.ndimage import gaussian_filter1d

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
REPEAT_PRIOR = 0.15
"""Cost per earlier use of (an overlapping) source block, same units. Much more and the search is
pushed off the good texture onto whatever else the band holds."""
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
MAX_BLOCK = 96
COARSE_BLOCK = 24
"""Block size of the coarse search (texture detail below 1/f of the block is not compared there)."""
REACH_BLOCKS = 4
"""How far along the edge (in blocks, each way) a block's source may lie. A bound, not a share of
the edge's length, so each block costs the same on any photo and time grows with the added area."""
EXACT_PIXELS = 1500
"""The full-resolution refinement compares at most about this many overlap pixels per candidate."""
AVOID_PENALTY = 1e6
"""Cost per avoided pixel share in a source block, in units of the typical block error: a block
that touches the subject is taken only when every candidate does, and then the one touching least."""


def extend(edge: np.ndarray, side: SideName, amount: int, *, seed: int, source: np.ndarray | None = None,
           offset: int = 0, block: int | None = None, avoid: np.ndarray | None = None) -> np.ndarray:
    """New pixels continuing `edge` outward across its `side`.

    `edge` (H×W×3 uint8) is the existing content that touches the new area on `side` — its
    outermost line is the boundary the new pixels must join. Blocks are copied from `source`
    (default: `edge` itself), e.g. the original's band while `edge` is an earlier strip, so
    later stages copy real pixels rather than copies of copies; `offset` is where `source`
    starts along the edge relative to `edge` (for top/bottom: its x minus edge's x).
    `avoid` (bool, shaped like `source`) marks pixels no block may be copied from, when any other
    choice exists: the subject, so it is not repeated in the new canvas.
    The result is H×amount×3 for left/right and amount×W×3 for top/bottom.
    """
    edge = to_right(np.asarray(edge), side)
    source = edge if source is None else to_right(np.asarray(source), side)
    avoid = None if avoid is None else to_right(np.asarray(avoid, bool)[..., None], side)[..., 0]
    # Sky stays above ground when growing sideways; growing up or down, where along the edge a
    # block came from matters much less than what it looks like.
    sideways = side in ("left", "right")
    new = extend_right(edge, amount, seed=seed, source=source, offset=offset, block=block,
                       along_prior=HEIGHT_PRIOR if sideways else HEIGHT_PRIOR / 10, avoid=avoid)
    return from_right(new, side)


def extend_right(edge: np.ndarray, amount: int, *, seed: int, source: np.ndarray | None = None, offset: int = 0,
                 block: int | None = None, along_prior: float | None = None,
                 avoid: np.ndarray | None = None) -> np.ndarray:
    """`amount` new columns continuing `edge` (H×W×3 uint8) to the right, quilted from `source`.

    `along_prior` (default HEIGHT_PRIOR) is the cost of taking a block from elsewhere along the
    edge, within REACH_BLOCKS of it; `avoid` marks source pixels to copy only as a last resort."""
    edge = np.ascontiguousarray(edge, dtype=np.uint8)
    source = edge if source is None else np.ascontiguousarray(source, dtype=np.uint8)
    height, width = edge.shape[:2]
    if amount <= 0:
        return np.zeros((height, 0, 3), np.uint8)
    block = min(block or block_size(*source.shape[:2]), height, *source.shape[:2])
    if block < 6 or width < 2:
        return _mirror_right(edge, amount)
    cut = max(2, block // 4)
    # The first column of blocks overlaps the edge deeper than blocks overlap each other: the
    # join with what exists can't be hidden by a cut, so lines crossing it must line up.
    lead = min(width - 1, block - 1, max(cut, round(block * EDGE_OVERLAP)))
    room = max(amount, block - lead)  # a strip thinner than one block is quilted whole, then cropped
    quilt = _Quilt(edge, lead, source, offset, room, block, cut, np.random.default_rng(seed),
                   HEIGHT_PRIOR if along_prior is None else along_prior, avoid)
    for x0 in _starts(0, lead + room, block, cut, first_step=block - lead):
        for y0 in _starts(0, height, block, cut):
            quilt.place(x0, y0)
    stitched = stitch(quilt.source, quilt.src_y[:, lead:], quilt.src_x[:, lead:], edge[:, -1].astype(np.float32),
                      screening=1.0 / (2 * block) ** 2)
    return np.clip(stitched[:, :amount] + 0.5, 0, 255).astype(np.uint8)


class _Quilt:
    """The canvas being quilted (the edge's last columns, then the new ones), where each new pixel
    was copied from, and the search state."""

    def __init__(self, edge: np.ndarray, lead: int, source: np.ndarray, offset: int, amount: int, block: int,
                 cut: int, rng: np.random.Generator, along_prior: float, avoid: np.ndarray | None) -> None:
        height = edge.shape[0]
        self.block, self.rng, self.protect, self.along_prior = block, rng, lead, along_prior
        self.offset = offset
        self.reach = max(2 * block, min(height // 4, REACH_BLOCKS * block))
        self.canvas = np.zeros((height, lead + amount, 3), np.float32)
        self.canvas[:, :lead] = edge[:, edge.shape[1] - lead:]
        self.filled = np.zeros((height, lead + amount), bool)
        self.filled[:, :lead] = True
        self.src_y = np.zeros((height, lead + amount), np.int32)
        self.src_x = np.zeros((height, lead + amount), np.int32)
        self.source = source.astype(np.float32)
        sigma = max(1.0, block / 4)
        self.source_low = _appearance(self.source, sigma)
        self.guide = _edge_guide(_appearance(edge.astype(np.float32), sigma)[:, edge.shape[1] - lead:],
                                 lead + amount, sigma)
        self.typical = _typical_error(self.source, block)
        # The coarse search compares blocks of about COARSE_BLOCK px: 1/f² of the positions and pixels.
        self.factor = max(1, block // COARSE_BLOCK)
        f = self.factor
        source_h, source_w = source.shape[:2]
        coarse = (max(1, source_w // f), max(1, source_h // f))
        self.source_c = cv2.resize(self.source, coarse, interpolation=cv2.INTER_AREA)
        self.low_c = cv2.resize(self.source_low, coarse, interpolation=cv2.INTER_AREA)
        self.usage = np.zeros((source_h - block + 1, source_w - block + 1), np.float32)
        self.touching = _avoided_share(avoid, block, self.usage.shape)

    def place(self, x0: int, y0: int) -> None:
        """Choose the block for canvas[y0:y0+block, x0:x0+block] and paste it along a min-error cut."""
        block, f = self.block, self.factor
        source_h, source_w = self.source.shape[:2]
        ys, xs = slice(y0, y0 + block), slice(x0, x0 + block)
        target, known, guide = self.canvas[ys, xs], self.filled[ys, xs], self.guide[ys, xs]
        # Coarse search over source blocks from about the same height; far-off rows are never
        # considered (the window always holds at least one block).
        size = (max(1, block // f),) * 2
        rows_c = self.source_c.shape[0]
        here = y0 - self.offset
        top = min(max(0, here - self.reach) // f, rows_c - size[1])
        bottom = max(top + size[1], min(source_h, here + block + self.reach) // f)
        weight = self._overlap_weight(known, x0)
        known_c = cv2.resize(known.astype(np.float32), size, interpolation=cv2.INTER_AREA) > 0.999
        weight_c = np.where(known_c, cv2.resize(weight, size, interpolation=cv2.INTER_AREA), 0).astype(np.float32)
        # Near the edge, continuity with what is there decides; farther out, looking like the edge
        # counts more, so one odd block can't grow into a whole copied object.
        guide_weight = GUIDE_WEIGHT * (1 + GUIDE_RAMP * max(0, x0 - self.protect) / block)
        target_c = cv2.resize(target, size, interpolation=cv2.INTER_AREA)
        guide_block_c = cv2.resize(guide, size, interpolation=cv2.INTER_AREA)
        overlap_c, guide_c = self._coarse_costs(top, bottom, target_c, guide_block_c, weight_c, guide_weight)
        grid_y = np.minimum((np.arange(overlap_c.shape[0]) + top) * f, source_h - block)
        grid_x = np.minimum(np.arange(overlap_c.shape[1]) * f, source_w - block)
        if self.touching is not None and not (self.touching[np.ix_(grid_y, grid_x)] == 0).any():
            # Every block near this height touches the subject: look along the whole edge instead.
            top, bottom = 0, rows_c
            overlap_c, guide_c = self._coarse_costs(top, bottom, target_c, guide_block_c, weight_c, guide_weight)
            grid_y = np.minimum((np.arange(overlap_c.shape[0]) + top) * f, source_h - block)
        cost = overlap_c + guide_c + self._priors(grid_y[:, None], grid_x[None, :], y0)
        count = min(cost.size, CANDIDATES)
        flat = np.argpartition(cost.ravel(), count - 1)[:count]
        cy, cx = np.divmod(flat, cost.shape[1])
        # Refine the coarse winners at full resolution (every other offset inside a coarse cell
        # once cells are 4 px or wider), then draw among the near-best.
        dy, dx = np.divmod(np.arange(f * f), f)
        step = max(1, f // 2)
        keep = (dy % step == 0) & (dx % step == 0)
        dy, dx = dy[keep], dx[keep]
        sy = np.clip((cy[:, None] + top) * f + dy[None, :], 0, source_h - block).ravel()
        sx = np.clip(cx[:, None] * f + dx[None, :], 0, source_w - block).ravel()
        exact = self._exact_costs(sy, sx, target, weight, np.repeat(guide_c.ravel()[flat], len(dy)), y0)
        # Along the original's edge the join must be as good as it gets; farther out, variety.
        tolerance = EDGE_TOLERANCE if x0 < self.protect else TOLERANCE
        exact = np.where(np.isfinite(exact), exact, np.inf)  # a degenerate match is never the best
        best = float(exact.min())
        near = np.flatnonzero(exact <= best * (1 + tolerance) + 1e-6) if np.isfinite(best) else np.arange(len(exact))
        choice = int(near[self.rng.integers(len(near))])
        py, px = int(sy[choice]), int(sx[choice])
        patch = self.source[py:py + block, px:px + block]
        take = _cut_mask(patch, target, known)
        take[:, : max(0, self.protect - x0)] = False  # the original edge is never written
        target[take] = patch[take]
        rows, cols = np.nonzero(take)
        self.src_y[y0 + rows, x0 + cols] = py + rows
        self.src_x[y0 + rows, x0 + cols] = px + cols
        known |= take
        half = block // 2
        self.usage[max(0, py - half):py + half + 1, max(0, px - half):px + half + 1] += 1

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

    def _priors(self, sy: np.ndarray, sx: np.ndarray, y0: int) -> np.ndarray:
        """Cost of taking the block at (sy, sx) for the block at height y0, beyond how it looks:
        moving along the edge, having been used already."""
        along = self.along_prior * ((sy + self.offset - y0) / self.block) ** 2
        avoided = 0.0 if self.touching is None else AVOID_PENALTY * self.touching[sy, sx]
        return self.typical * (along + REPEAT_PRIOR * self.usage[sy, sx] + avoided)

    def _exact_costs(self, sy: np.ndarray, sx: np.ndarray, target: np.ndarray, weight: np.ndarray,
                     guide_cost: np.ndarray, y0: int) -> np.ndarray:
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
        return cost + self._priors(sy, sx, y0)


def _avoided_share(avoid: np.ndarray | None, block: int, shape: tuple[int, int]) -> np.ndarray | None:
    """Per block origin, the share of the block's pixels that are avoided (None when none are)."""
    if avoid is None or not avoid.any():
        return None
    share = cv2.boxFilter(avoid.astype(np.float32), -1, (block, block), anchor=(0, 0), normalize=True,
                          borderType=cv2.BORDER_CONSTANT)
    return np.ascontiguousarray(share[:shape[0], :shape[1]])


def stitch(source: np.ndarray, src_y: np.ndarray, src_x: np.ndarray, boundary: np.ndarray, *,
           screening: float) -> np.ndarray:
    """The new columns as the screened Poisson solution of the quilt's gradients.

    `source` is where blocks were copied from (Hs×Ws×3 float); (src_y, src_x) say where each new
    pixel (H×A) came from. The gradient between two neighbours is the average of the natural
    gradients their source pixels have there — exact inside a block, a plausible blend across a
    cut. `boundary` (H×3) is the existing edge column, fixed on the left; Neumann elsewhere.
    """
    height, width = source.shape[:2]
    quilt = source[src_y, src_x]
    # Horizontal gradients: edge j joins column j-1 (j=0: the original's last column) to column j.
    right_of = _gather(source, src_y, src_x + 1, width, height)      # S[src(p) + (0, 1)]
    left_of = _gather(source, src_y, src_x - 1, width, height)       # S[src(p) - (0, 1)]
    forward = np.where(np.isnan(right_of), np.nan, right_of - quilt)  # from p towards its right
    backward = np.where(np.isnan(left_of), np.nan, quilt - left_of)   # from its left towards p
    gx = np.empty_like(quilt)
    gx[:, 1:] = _mean_of(forward[:, :-1], backward[:, 1:])
    gx[:, 0] = np.nan_to_num(backward[:, 0])
    below = _gather(source, src_y + 1, src_x, width, height)
    above = _gather(source, src_y - 1, src_x, width, height)
    down = np.where(np.isnan(below), np.nan, below - quilt)
    up = np.where(np.isnan(above), np.nan, quilt - above)
    gy = _mean_of(down[:-1], up[1:])  # edge between row i and i+1
    # Right-hand side: incoming minus outgoing guidance, the fixed edge, the screening pull.
    rhs = screening * quilt
    rhs += gx
    rhs[:, :-1] -= gx[:, 1:]
    rhs[1:] += gy
    rhs[:-1] -= gy
    rhs[:, 0] += boundary
    return _solve(rhs, screening)


def _solve(rhs: np.ndarray, screening: float) -> np.ndarray:
    """Solve (L + screening) u = rhs on an H×A grid: Neumann rows, Dirichlet left, Neumann right."""
    height, columns = rhs.shape[:2]
    spectrum = dct(rhs, type=2, axis=0, norm="ortho")
    eigen = (2 - 2 * np.cos(np.pi * np.arange(height) / height))[:, None] + screening
    diagonal = np.full(columns, 2.0)
    diagonal[-1] = 1.0  # the outer edge has one neighbour (it is 2 at column 0: neighbour + boundary)
    if columns == 1:
        diagonal[0] = 1.0
    # Thomas algorithm, vectorised over frequencies and channels.
    c_prime = np.empty((height, columns))
    d_prime = np.empty_like(spectrum)
    denominator = diagonal[0] + eigen
    c_prime[:, 0] = -1.0 / denominator[:, 0]
    d_prime[:, 0] = spectrum[:, 0] / denominator
    for j in range(1, columns):
        denominator = diagonal[j] + eigen[:, 0] + c_prime[:, j - 1]
        c_prime[:, j] = -1.0 / denominator
        d_prime[:, j] = (spectrum[:, j] + d_prime[:, j - 1]) / denominator[:, None]
    solution = np.empty_like(spectrum)
    solution[:, -1] = d_prime[:, -1]
    for j in range(columns - 2, -1, -1):
        solution[:, j] = d_prime[:, j] - c_prime[:, j][:, None] * solution[:, j + 1]
    return idct(solution, type=2, axis=0, norm="ortho")


def _gather(source: np.ndarray, ys: np.ndarray, xs: np.ndarray, width: int, height: int) -> np.ndarray:
    """source[ys, xs], NaN where the coordinate falls outside."""
    inside = (xs >= 0) & (xs < width) & (ys >= 0) & (ys < height)
    values = source[np.clip(ys, 0, height - 1), np.clip(xs, 0, width - 1)]
    values[~inside] = np.nan
    return values


def _mean_of(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Mean of the two where both exist, the one that exists otherwise, 0 where neither does."""
    both = np.stack([a, b])
    count = (~np.isnan(both)).sum(axis=0)
    return np.where(count > 0, np.nansum(both, axis=0) / np.maximum(count, 1), 0.0)


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
    """About a sixth of the source's short side up to 48 px at 512 px, then growing with the photo
    up to 96 px: big enough to carry structure, and the same share of the scene on a big photo —
    which also keeps the number of blocks, and so the time, in proportion to the added area."""
    short = min(height, width)
    return int(min(max(8, round(short / 6)), round(48 * max(1.0, short / 512)), MAX_BLOCK, short))


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


def _edge_guide(appearance: np.ndarray, total: int, sigma: float) -> np.ndarray:
    """The appearance of the last columns stretched to the right, smoothing more the farther out."""
    height, width, channels = appearance.shape
    edge = appearance[:, max(0, width - 4):].mean(axis=1)
    guide = np.empty((height, total, channels), np.float32)
    guide[:, :width] = appearance
    near = gaussian_filter1d(edge, sigma, axis=0, mode="nearest")
    far = gaussian_filter1d(edge, 4 * sigma, axis=0, mode="nearest")
    steps = np.arange(total - width, dtype=np.float32) / max(1.0, (total - width))
    guide[:, width:] = near[:, None] * (1 - steps)[None, :, None] + far[:, None] * steps[None, :, None]
    return guide


def _mirror_right(known: np.ndarray, amount: int) -> np.ndarray:
    """For slivers too small to quilt: reflect the edge outward."""
    reflected = np.pad(known, ((0, 0), (0, amount), (0, 0)), mode="symmetric")
    return reflected[:, known.shape[1]:]


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
