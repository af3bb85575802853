"""Trimming a found mask to the thing's own edge, where the colour changes.

A finder's mask is drawn at the finder's resolution (MediaPipe's selfie model sees 256²) and
upsampled, and a model trained on people is unsure where a dog ends: its soft edge runs on over
whatever dark lies against the thing — the end of a bench's back rest behind the dog's shoulder,
the seat under its paws. `trim_to_edge` lets GrabCut decide again only a band along the mask's
edge: the mask's core is the thing (sure), the band inside the edge may be the thing, the band
outside may be the background, and beyond is surely background; its colour models are learnt
from those, so a spill that has the background's colour and not the thing's goes. It only ever
takes away (the result lies inside the mask), keeps only the pieces that hold the core, and gives
the mask back unchanged when the trim would take much of it (the colours of thing and
background were too alike to say).

Measured on benchmarks/removal_leftovers.py (the dev cases; a click on the dog composites is the
finder's instance): docs/DESIGN.md §5.1.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from retouch.tools.masks import Mask, bounding_box, from_bool


@dataclass(frozen=True)
class TrimRule:
    """Every threshold of the trim, in one place (lengths are shares of the square root of the
    mask's area, so the trim does not depend on the photo's size)."""

    work_side: int = 256
    """GrabCut works on a window around the mask scaled so its longer side is at most this."""
    band: float = 0.1
    """How deep the band GrabCut decides again reaches, inside and outside the edge (the spill of
    the dog's mask over the bench's end is about this wide). On the dev dogs, 0.12 took 3.6 % of
    the dog's body on gravel (0.1: 0.4 %)."""
    sure_depth: float = 1.0
    """The mask deeper than this many bands is surely the thing. So a spill wider than the band
    stays (it reaches the sure part and teaches the thing's colour model its colour); 1.5 let
    GrabCut take 10–13 % of the dog's body on grass and paving (dev)."""
    context: float = 0.6
    """How far beyond the band the window reaches: sure background the colour model learns from."""
    iterations: int = 4
    most: float = 0.25
    """A trim that would take more than this share of the mask is no trim: the mask stays."""


RULE = TrimRule()


def trim_to_edge(image: np.ndarray, mask: Mask, rule: TrimRule = RULE) -> Mask:
    """`mask` (0/255) less what along its edge has the background's colours and not the thing's.

    image: uint8 (H, W, 3) RGB; mask: (H, W), > 127 = the thing. Returns a 0/255 mask inside it."""
    import cv2

    selected = np.asarray(mask) > 127
    box = bounding_box(from_bool(selected))
    if box is None:
        return from_bool(selected)
    area = float(selected.sum())
    reach = np.sqrt(area)
    band_px = max(2.0, rule.band * reach)
    pad = int(np.ceil(band_px + rule.context * reach))
    height, width = selected.shape
    x0, y0 = max(0, box[0] - pad), max(0, box[1] - pad)
    x1, y1 = min(width, box[2] + pad), min(height, box[3] + pad)
    scale = min(1.0, rule.work_side / max(x1 - x0, y1 - y0))
    size = (max(1, round((x1 - x0) * scale)), max(1, round((y1 - y0) * scale)))
    window = np.ascontiguousarray(np.asarray(image)[y0:y1, x0:x1, :3])
    inside = selected[y0:y1, x0:x1]
    if scale < 1.0:
        window = cv2.resize(window, size, interpolation=cv2.INTER_AREA)
        inside = cv2.resize(inside.astype(np.uint8) * 255, size, interpolation=cv2.INTER_AREA) > 127
    band = band_px * scale
    depth_in = cv2.distanceTransform(np.pad(inside, 1).astype(np.uint8), cv2.DIST_L2, 5)[1:-1, 1:-1]
    depth_out = cv2.distanceTransform((~inside).astype(np.uint8), cv2.DIST_L2, 5)
    core = depth_in > rule.sure_depth * band
    if core.sum() < 16:
        return from_bool(selected)  # too thin to have a core to learn the thing's colours from
    seeds = np.full(inside.shape, cv2.GC_BGD, np.uint8)
    seeds[~inside & (depth_out <= band)] = cv2.GC_PR_BGD
    seeds[inside] = cv2.GC_PR_FGD
    seeds[core] = cv2.GC_FGD
    background, foreground = np.zeros((1, 65)), np.zeros((1, 65))
    cv2.setRNGSeed(0)  # GrabCut's colour models start from k-means: the same mask, the same trim
    cv2.grabCut(cv2.cvtColor(window, cv2.COLOR_RGB2BGR), seeds, None, background, foreground,
                rule.iterations, cv2.GC_INIT_WITH_MASK)
    bgr = cv2.cvtColor(window, cv2.COLOR_RGB2BGR)
    # GrabCut's smoothness cuts thin things in the band whatever their colour (a raised arm, a lock
    # of hair): a pixel goes only when its own colour is the background's more than the thing's.
    likelier_ground = _likelihood(bgr, background) > _likelihood(bgr, foreground)
    kept = inside & (((seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)) | ~likelier_ground)
    count, labels = cv2.connectedComponents(kept.astype(np.uint8), connectivity=8)
    holding = np.unique(labels[core & kept])
    kept = np.isin(labels, holding[holding > 0])
    if scale < 1.0:
        kept = cv2.resize(kept.astype(np.uint8) * 255, (x1 - x0, y1 - y0), interpolation=cv2.INTER_LINEAR) > 127
    out = selected.copy()
    out[y0:y1, x0:x1] &= kept
    if out.sum() < (1.0 - rule.most) * area:
        return from_bool(selected)
    return from_bool(out)


def _likelihood(pixels: np.ndarray, model: np.ndarray, components: int = 5) -> np.ndarray:
    """Each pixel's likelihood under one of GrabCut's colour models (OpenCV's layout: the
    components' weights, then their means, then their 3×3 covariances), on the same BGR values."""
    flat = np.asarray(model, np.float64).ravel()
    weights = flat[:components]
    means = flat[components:4 * components].reshape(components, 3)
    covariances = flat[4 * components:].reshape(components, 3, 3)
    values = pixels.reshape(-1, 3).astype(np.float64)
    total = np.zeros(values.shape[0])
    for weight, mean, covariance in zip(weights, means, covariances):
        if weight <= 0:
            continue
        determinant = float(np.linalg.det(covariance))
        if determinant <= 0:
            continue
        offset = values - mean
        distance = np.einsum("ij,jk,ik->i", offset, np.linalg.inv(covariance), offset)
        total += weight * np.exp(-0.5 * distance) / np.sqrt(determinant)
    return total.reshape(pixels.shape[:2])
