"""Where a diffusion model works: "inpaint at full resolution".

A model paints best at its native size (512² for SD 1.5/2, 1024² for SDXL and FLUX). A face of
120 px in a 4000 px photo, painted with the whole photo squeezed to 512², gets a dozen pixels of
attention; painted from a crop around the mask scaled up to 512², it gets all of them. So the work
area is the mask's bounding box plus padding, widened to the model's aspect, clipped to the image,
and scaled to the model's pixel budget — and the cost of an edit follows the crop, not the photo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Box = tuple[int, int, int, int]
"""x0, y0, x1, y1 in pixels, x1/y1 exclusive."""


@dataclass(frozen=True)
class WorkArea:
    box: Box
    """The part of the image the model sees (the whole image when not cropping)."""
    size: tuple[int, int]
    """The width and height the model paints at: the model's pixel budget at the box's aspect."""


def mask_bbox(mask: np.ndarray) -> Box | None:
    """The bounding box of every pixel the edit may touch (mask > 0), or None for an empty mask."""
    rows = np.flatnonzero(np.asarray(mask).any(axis=1))
    cols = np.flatnonzero(np.asarray(mask).any(axis=0))
    if rows.size == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def work_area(mask: np.ndarray, *, full_resolution: bool, padding: int, native: tuple[int, int],
              multiple: int) -> WorkArea:
    """The crop and painting size for an edit under `mask` (uint8, H×W, soft edge included)."""
    height, width = np.asarray(mask).shape[:2]
    box: Box = (0, 0, width, height)
    if full_resolution:
        bbox = mask_bbox(mask)
        if bbox is not None:
            box = _widen_to_aspect(_pad(bbox, padding, (width, height)), native[0] / native[1], (width, height))
    return WorkArea(box=box, size=painting_size(box, native, multiple))


def painting_size(box: Box, native: tuple[int, int], multiple: int) -> tuple[int, int]:
    """The native size when the box has the model's aspect; otherwise the same pixel count at the
    box's aspect. Both sides are multiples of `multiple` (the VAE's, and FLUX's packing, stride)."""
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    if box_w * native[1] == box_h * native[0]:
        return native
    area = native[0] * native[1]
    aspect = box_w / box_h
    width = math.sqrt(area * aspect)
    height = width / aspect
    return _round(width, multiple), _round(height, multiple)


def _round(value: float, multiple: int) -> int:
    return max(multiple, int(round(value / multiple)) * multiple)


def _pad(box: Box, padding: int, size: tuple[int, int]) -> Box:
    x0, y0, x1, y1 = box
    return max(0, x0 - padding), max(0, y0 - padding), min(size[0], x1 + padding), min(size[1], y1 + padding)


def _widen_to_aspect(box: Box, aspect: float, size: tuple[int, int]) -> Box:
    """Grow the short side of `box` until width/height == aspect, centred, shifted to stay inside
    the image; where the image is too small for that, the box takes the whole of that side."""
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        x0, x1 = _grow_span(x0, x1, math.ceil(height * aspect), size[0])
    elif width / height > aspect:
        y0, y1 = _grow_span(y0, y1, math.ceil(width / aspect), size[1])
    return x0, y0, x1, y1


def _grow_span(start: int, end: int, wanted: int, limit: int) -> tuple[int, int]:
    wanted = min(wanted, limit)
    extra = wanted - (end - start)
    start -= extra // 2
    end = start + wanted
    if start < 0:
        start, end = 0, wanted
    if end > limit:
        start, end = limit - wanted, limit
    return start, end
