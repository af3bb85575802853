"""Mask arithmetic: grow, shrink, feather, invert, clean up.

A mask is a `uint8` array of shape (height, width): 255 = selected (regenerate), 0 = keep, values
between are a soft edge. Pure functions; OpenCV does the morphology because it is fast and exact.
"""

from __future__ import annotations

import cv2
import numpy as np

Mask = np.ndarray
"""uint8 (H, W), 0–255, white = selected."""


def empty_mask(size: tuple[int, int]) -> Mask:
    width, height = size
    return np.zeros((height, width), dtype=np.uint8)


def binary(mask: Mask, threshold: int = 127) -> np.ndarray:
    """The hard selection as booleans."""
    return np.asarray(mask) > threshold


def from_bool(selected: np.ndarray) -> Mask:
    """255 where selected. Built as uint8 throughout: `np.where(selected, 255, 0)` makes an int64
    array first, 128 MiB for a 4096² photo, once per candidate a finder returns."""
    return np.asarray(selected, dtype=bool).astype(np.uint8) * np.uint8(255)


def resized(mask: Mask, size: tuple[int, int]) -> Mask:
    """A hard mask (0/255) at another size (width, height): bilinear, then cut at half, so a mask
    found on a reduced copy of a photo comes back with smooth edges rather than stair steps."""
    out = cv2.resize(np.ascontiguousarray(mask, dtype=np.uint8), size, interpolation=cv2.INTER_LINEAR)
    cv2.threshold(out, 127, 255, cv2.THRESH_BINARY, dst=out)
    return out


def _disk(radius: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))


def grow(mask: Mask, pixels: int) -> Mask:
    """Dilate by a disk so the edit covers a halo around the object (its edge pixels, soft shadow)."""
    if pixels <= 0:
        return mask.copy()
    return cv2.dilate(mask, _disk(pixels))


def shrink(mask: Mask, pixels: int) -> Mask:
    if pixels <= 0:
        return mask.copy()
    return cv2.erode(mask, _disk(pixels))


def feather(mask: Mask, radius: int) -> Mask:
    """Soften the edge *outwards*, reaching exactly `radius` px beyond the selection.

    A plain Gaussian would drop the mask to 50 % right on the object's edge and leave a faint ghost
    of it after removal, and its tail reaches further than the number the user gave. A smoothstep
    over the distance to the selection keeps the core at 100 % and nothing beyond the radius.
    """
    if radius <= 0:
        return mask.copy()
    outside = (~binary(mask)).astype(np.uint8)
    if not outside.any() or outside.all():
        return mask.copy()
    distance = cv2.distanceTransform(outside, cv2.DIST_L2, cv2.DIST_MASK_PRECISE)
    t = np.clip(1.0 - distance / float(radius), 0.0, 1.0)
    ramp = (t * t * (3.0 - 2.0 * t) * 255.0 + 0.5).astype(np.uint8)
    return np.maximum(ramp, mask)


def invert(mask: Mask) -> Mask:
    return (255 - np.asarray(mask, dtype=np.uint8)).astype(np.uint8)


def fill_holes(mask: Mask) -> Mask:
    """Fill enclosed background pockets (a gap between an arm and a body stays if it reaches out)."""
    hard = binary(mask).astype(np.uint8)
    height, width = hard.shape
    flood = np.zeros((height + 2, width + 2), np.uint8)
    flood[1:-1, 1:-1] = hard
    reach = flood.copy()
    cv2.floodFill(reach, None, (0, 0), 1)
    holes = (reach[1:-1, 1:-1] == 0)
    out = mask.copy()
    out[holes] = 255
    return out


def remove_specks(mask: Mask, min_area: float) -> Mask:
    """Drop selected islands smaller than `min_area` pixels (detector noise, stray SAM bits)."""
    hard = binary(mask).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(hard, connectivity=8)
    out = mask.copy()
    for label in range(1, count):
        if stats[label, cv2.CC_STAT_AREA] < min_area:
            out[labels == label] = 0
    return out


def refine(mask: Mask, *, grow_px: int = 0, shrink_px: int = 0, blur_px: int = 0,
           invert_mask: bool = False, fill: bool = False) -> Mask:
    """The `refine_mask` tool: in the order a person would do it by hand.

    The work is done on a crop around the selection, padded by as far as growing and feathering
    can reach, so a small selection on a 4096² photo costs what it costs on a small one; every
    step gives the same pixels as on the whole image because nothing outside the padded box can
    change (`tests/test_masks.py` checks this against the whole-image computation). Inverting
    selects nearly everything, so it runs on the whole image."""
    mask = np.asarray(mask, dtype=np.uint8)
    box = None if invert_mask else bounding_box(mask)
    if box is None:
        return refine_whole(mask, grow_px=grow_px, shrink_px=shrink_px, blur_px=blur_px,
                            invert_mask=invert_mask, fill=fill)
    reach = max(grow_px, 0) + max(blur_px, 0) + 2
    height, width = mask.shape
    x0, y0 = max(0, box[0] - reach), max(0, box[1] - reach)
    x1, y1 = min(width, box[2] + reach), min(height, box[3] + reach)
    out = np.zeros(mask.shape, np.uint8)  # calloc: the pages far from the selection are never touched
    out[y0:y1, x0:x1] = refine_whole(mask[y0:y1, x0:x1], grow_px=grow_px, shrink_px=shrink_px,
                                     blur_px=blur_px, fill=fill)
    return out


def refine_whole(mask: Mask, *, grow_px: int = 0, shrink_px: int = 0, blur_px: int = 0,
                 invert_mask: bool = False, fill: bool = False) -> Mask:
    """`refine` over every pixel: the reference the cropped path must match, and the invert path."""
    out = np.asarray(mask, dtype=np.uint8).copy()
    if fill:
        out = fill_holes(out)
    if shrink_px:
        out = shrink(out, shrink_px)
    if grow_px:
        out = grow(out, grow_px)
    if invert_mask:
        out = invert(out)
    if blur_px:
        out = feather(out, blur_px)
    return out


def bounding_box(mask: Mask) -> tuple[int, int, int, int] | None:
    """x0, y0, x1, y1 (exclusive) of everything non-zero; None for an empty mask."""
    x, y, w, h = cv2.boundingRect(np.ascontiguousarray(mask, dtype=np.uint8))  # C speed on big masks
    if w == 0 or h == 0:
        return None
    return int(x), int(y), int(x + w), int(y + h)


def coverage(mask: Mask) -> float:
    """Share of the image that is selected (hard threshold)."""
    return float(binary(mask).mean()) if np.asarray(mask).size else 0.0
