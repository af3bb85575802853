"""Which way to continue a side, as the photo itself answers it: hide the photo's own outer strip,
regrow it each way, and grow the real side the way that came closer to what was hidden.

The uncrop benchmark (`benchmarks/outpaint_quality.py`) kept showing one split. On soft, natural
or grey photos the quilt (`tools.continuation`) continues the border best; on the held-out photos
with regular or man-made structure — a brick wall, a rocket's gantry, a helmet against a flag —
mirror padding came closer to the truth's texture (median texture error 0.178 against the
quilt's 0.247), because a reflection carries the band beside the cut on whole, mortar lines and
girders included, where the quilt breaks them into blocks. Tuning the quilt on photos of the
first kind never moved the second. So instead of one more constant, each side asks the photo:

1. hide the outer strip of the photo on that side, as deep as the side will grow (at most
   TRIAL_SHARE of the photo across, at least MIN_TRIAL px), on the planning copy;
2. regrow it from the rest by quilting (the same stage the real growth runs) and by reflecting
   the rest about the new edge;
3. score each against the hidden strip with the benchmark's own measures — texture error
   |1 − G(new)/G(truth)| (G: mean gradient magnitude) plus 1 − low-pass SSIM (σ LOWPASS_SHARE
   of the diagonal: where light, shade and colour lie);
4. grow the real side by reflection only when it scored lower by at least REFLECT_MARGIN and the
   band it would reflect holds (almost) none of the subject (REFLECT_SUBJECT_SHARE): a reflected
   subject is a clone, which outpainting never makes.

Cost: one more quilted strip per side, at most as deep as the growth and planned at the planning
scale, plus a reflection and two scores on a band as deep: linear in the added area (at most
doubling the quilt's share of it), and bounded on a big photo by the planning copy's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping

import cv2
import numpy as np

from retouch.tools.texture import SideName

Box = tuple[int, int, int, int]

TRIAL_SHARE = 0.25
"""The hidden strip is at most this share of the photo across the side: the rest must still hold
the band the quilt copies from (SOURCE_GROWTH × the strip's depth) and something to reflect."""
MIN_TRIAL = 8
"""A side growing less than this (planning px) is quilted without a trial: too thin to score."""
LOWPASS_SHARE = 0.01
"""σ of the blur before SSIM, as a share of the photo's diagonal (the benchmark's SSIM_BLUR)."""
REFLECT_MARGIN = 0.0
"""How much lower (in score units) the reflection must score than the quilt to be chosen."""
REFLECT_SUBJECT_SHARE = 0.01
"""A reflection is no candidate where more than this share of the band it would mirror (as deep
as the growth) is subject that the side may not copy (`BorderSources.avoid_for`)."""
QUILT, REFLECTION = "quilting", "reflection"


@dataclass(frozen=True)
class SideTrial:
    """What the trial on one side found (planning scale)."""

    side: SideName
    depth: int
    """How deep the hidden strip was (planning px; 0: no trial was run)."""
    scores: dict[str, float]
    """Per method, texture error + (1 − low-pass SSIM) on the hidden strip (lower is closer)."""
    method: str
    """The way the real side grows: QUILT or REFLECTION."""

    def record(self) -> dict[str, object]:
        """JSON for the stage record (the journal says why a side was reflected)."""
        return {"method": self.method, "depth": self.depth,
                "scores": {name: round(value, 4) for name, value in self.scores.items()}}


def strip_box(size: tuple[int, int], side: SideName, depth: int) -> tuple[Box, Box]:
    """The outer strip `depth` deep on `side` of a picture of `size` (W, H), and the rest."""
    width, height = size
    return {"left": ((0, 0, depth, height), (depth, 0, width, height)),
            "right": ((width - depth, 0, width, height), (0, 0, width - depth, height)),
            "top": ((0, 0, width, depth), (0, depth, width, height)),
            "bottom": ((0, height - depth, width, height), (0, 0, width, height - depth))}[side]


def reflected_band_share(avoid: np.ndarray, side: SideName, depth: int) -> float:
    """Share of the band `depth` deep beside `side` of `avoid` (bool) that is True: how much of
    what a reflection of that depth would mirror outward is subject."""
    height, width = avoid.shape
    across = width if side in ("left", "right") else height
    depth = max(1, min(depth, across))
    x0, y0, x1, y1 = strip_box((width, height), side, depth)[0]
    return float(avoid[y0:y1, x0:x1].mean())


def reflect_index(distance: np.ndarray, extent: int) -> np.ndarray:
    """For pixels `distance` (≥ 1) beyond an edge, the index (0 = the edge line) of the line they
    mirror in a run of `extent` lines — numpy's 'reflect' padding (the edge line not doubled),
    bouncing back and forth when the growth is deeper than the run."""
    if extent <= 1:
        return np.zeros_like(distance)
    period = 2 * (extent - 1)
    position = np.asarray(distance) % period
    return np.where(position >= extent, period - position, position)


def reflect_into(canvas: np.ndarray, box: Box, source: Box, side: SideName, *,
                 gain: Callable[[np.ndarray], np.ndarray] | None = None) -> None:
    """Fill `box` (beside `source` on `side`, or farther out on that side) on `canvas` in place
    with `source` reflected about its `side` edge. `gain(positions)` (optional) is the light
    falloff along the growth axis at canvas positions: each copied line is brought from its
    source's falloff to its new place's, so a vignette keeps darkening instead of mirroring back."""
    x0, y0, x1, y1 = box
    sx0, sy0, sx1, sy1 = source
    if side in ("left", "right"):
        positions = np.arange(x0, x1)
        distance = (sx0 - positions) if side == "left" else (positions - (sx1 - 1))
        index = reflect_index(distance, sx1 - sx0)
        lines = sx0 + index if side == "left" else sx1 - 1 - index
        pixels = canvas[y0:y1][:, lines].astype(np.float32)
        if gain is not None:
            pixels *= (gain(positions) / gain(lines))[None, :, None]
    else:
        positions = np.arange(y0, y1)
        distance = (sy0 - positions) if side == "top" else (positions - (sy1 - 1))
        index = reflect_index(distance, sy1 - sy0)
        lines = sy0 + index if side == "top" else sy1 - 1 - index
        pixels = canvas[lines][:, x0:x1].astype(np.float32)
        if gain is not None:
            pixels *= (gain(positions) / gain(lines))[:, None, None]
    canvas[y0:y1, x0:x1] = np.clip(pixels + 0.5, 0, 255).astype(np.uint8)


def score(candidate: np.ndarray, truth: np.ndarray, strip: Box, side: SideName, *, sigma: float) -> float:
    """Texture error plus 1 − low-pass SSIM of `candidate` against `truth` (both whole pictures,
    uint8, alike outside `strip`) over `strip`, on a band beside `side` as deep as the strip plus
    the blur's reach (so the cost follows the strip's area, not the photo's)."""
    height, width = truth.shape[:2]
    x0, y0, x1, y1 = strip
    reach = int(np.ceil(4 * sigma)) + 8
    window = strip_box((width, height), side, min(width if side in ("left", "right") else height,
                                                  (x1 - x0 if side in ("left", "right") else y1 - y0) + reach))[0]
    wx0, wy0, wx1, wy1 = window
    inside = np.zeros((wy1 - wy0, wx1 - wx0), bool)
    inside[y0 - wy0:y1 - wy0, x0 - wx0:x1 - wx0] = True
    ours, real = candidate[wy0:wy1, wx0:wx1], truth[wy0:wy1, wx0:wx1]
    texture = abs(1.0 - _gradient(ours)[inside].mean() / max(float(_gradient(real)[inside].mean()), 1e-6))
    return float(texture + 1.0 - _lowpass_ssim(ours, real, sigma)[inside].mean())


def _gradient(rgb: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY).astype(np.float32)
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3) / 8
    return np.sqrt(gx * gx + gy * gy)


def _lowpass_ssim(a: np.ndarray, b: np.ndarray, sigma: float) -> np.ndarray:
    """Per pixel SSIM (mean over channels; Gaussian window σ 1.5, as skimage's with
    gaussian_weights) of the two pictures blurred by `sigma`."""
    x = cv2.GaussianBlur(a.astype(np.float32), (0, 0), sigma)
    y = cv2.GaussianBlur(b.astype(np.float32), (0, 0), sigma)

    def window(values: np.ndarray) -> np.ndarray:
        return cv2.GaussianBlur(values, (0, 0), 1.5)

    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = window(x), window(y)
    vx, vy, cov = window(x * x) - mx * mx, window(y * y) - my * my, window(x * y) - mx * my
    ssim = ((2 * mx * my + c1) * (2 * cov + c2)) / ((mx * mx + my * my + c1) * (vx + vy + c2))
    return ssim.mean(axis=2)


def try_side(work: np.ndarray, avoid: np.ndarray, side: SideName, growth: int, *, seed: int, overlap: int,
             cut: Mapping[SideName, np.ndarray] | None = None) -> SideTrial:
    """The trial for growing `side` of `work` (the planning copy, uint8 RGB) by `growth` planning
    px; `avoid` (bool, like `work`) is what that side may not copy (`BorderSources.avoid_for`)."""
    from retouch.tools.continuation import BorderSources, continue_stage

    height, width = work.shape[:2]
    across = width if side in ("left", "right") else height
    depth = min(growth, round(TRIAL_SHARE * across))
    if depth < MIN_TRIAL:
        return SideTrial(side, 0, {}, QUILT)
    strip, rest = strip_box((width, height), side, depth)
    sigma = LOWPASS_SHARE * float(np.hypot(height, width))
    scores: dict[str, float] = {}

    quilted = np.array(work, copy=True)
    sources = BorderSources.of(quilted, rest, avoid, cut={side: cut[side]} if cut and side in cut else None)
    continue_stage(quilted, side, strip, rest, seed, sources, overlap=overlap)
    scores[QUILT] = score(quilted, work, strip, side, sigma=sigma)

    if reflected_band_share(avoid, side, growth) <= REFLECT_SUBJECT_SHARE:
        reflected = np.array(work, copy=True)
        axis = "x" if side in ("left", "right") else "y"
        falloff = sources.falloff
        reflect_into(reflected, strip, rest, side, gain=lambda at: falloff.axis_gain(at, axis))
        scores[REFLECTION] = score(reflected, work, strip, side, sigma=sigma)
    reflect = REFLECTION in scores and scores[REFLECTION] + REFLECT_MARGIN < scores[QUILT]
    return SideTrial(side, depth, scores, REFLECTION if reflect else QUILT)
