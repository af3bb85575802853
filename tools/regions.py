"""Explicit geometry as masks: boxes, sides of the picture, and places next to a selection.

No model is involved, so these always work — "the left half", "the bottom 64 pixels",
"the box (20, 20, 100, 100)", or "to the left of the man" once the man is selected.
"""

from __future__ import annotations

import numpy as np

from retouch.tools.errors import RetouchError
from retouch.tools.masks import Mask, binary, bounding_box, empty_mask

Box = tuple[int, int, int, int]


def clamp_box(box: Box, size: tuple[int, int]) -> Box:
    """Clip a box to the image; a box wholly outside it is the user's mistake."""
    width, height = size
    x0, y0, x1, y1 = box
    clipped = (max(0, x0), max(0, y0), min(width, x1), min(height, y1))
    if clipped[2] <= clipped[0] or clipped[3] <= clipped[1]:
        raise RetouchError(
            f"the box ({x0}, {y0}, {x1}, {y1}) lies outside the {width}×{height} image",
            "Give x0, y0, x1, y1 inside the picture.")
    return clipped


def union_box(*boxes: Box) -> Box:
    """The smallest box that holds every one of `boxes` (at least one)."""
    return (min(box[0] for box in boxes), min(box[1] for box in boxes), max(box[2] for box in boxes),
            max(box[3] for box in boxes))


def box_mask(box: Box, size: tuple[int, int]) -> Mask:
    x0, y0, x1, y1 = clamp_box(box, size)
    mask = empty_mask(size)
    mask[y0:y1, x0:x1] = 255
    return mask


def side_box(side: str, size: tuple[int, int], *, fraction: float | None = None,
             pixels: int | None = None) -> Box:
    """The strip along a side ("left half" = fraction 0.5, "bottom 64 pixels" = pixels 64).

    `center` is the middle part with the given share of each dimension.
    """
    width, height = size
    if fraction is None and pixels is None:
        fraction = 0.5 if side != "center" else 1 / 3
    if side == "center":
        share = fraction if fraction is not None else min(1.0, pixels / min(width, height))
        w, h = max(1, round(width * share)), max(1, round(height * share))
        x0, y0 = (width - w) // 2, (height - h) // 2
        return x0, y0, x0 + w, y0 + h
    span = width if side in ("left", "right") else height
    depth = round(span * fraction) if fraction is not None else int(pixels)
    if depth <= 0:
        raise RetouchError(f"the {side} strip would be empty", "Ask for a larger share or more pixels.")
    depth = min(depth, span)
    if side == "left":
        return 0, 0, depth, height
    if side == "right":
        return width - depth, 0, width, height
    if side == "top":
        return 0, 0, width, depth
    if side == "bottom":
        return 0, height - depth, width, height
    raise RetouchError(f"unknown side {side!r}", "Use left, right, top, bottom or center.")


def corner_box(corner: str, size: tuple[int, int], *, fraction: float | None = None) -> Box:
    """A corner of the picture ("the top-left corner"): `fraction` of the width by `fraction` of the height, a third
    each way when unset — so a planner that does not know the picture's size can still name just the corner."""
    vertical, _, horizontal = corner.partition("-")
    if vertical not in ("top", "bottom") or horizontal not in ("left", "right"):
        raise RetouchError(f"unknown corner {corner!r}", "Use top-left, top-right, bottom-left or bottom-right.")
    width, height = size
    share = 1 / 3 if fraction is None else fraction
    w, h = max(1, min(width, round(width * share))), max(1, min(height, round(height * share)))
    x0 = 0 if horizontal == "left" else width - w
    y0 = 0 if vertical == "top" else height - h
    return x0, y0, x0 + w, y0 + h


def relation_box(anchor: Mask, relation: str, size: tuple[int, int], scale: float = 0.8) -> Box:
    """Where a new object goes relative to an anchor selection ("a dog to the left of the bird").

    The new box is about the anchor's size (times `scale`), placed beside it on the named side,
    sitting on the same ground line for left/right so a placed object does not float.
    """
    box = bounding_box(anchor) if binary(anchor).any() else None
    if box is None:
        raise RetouchError("there is nothing selected to place it next to",
                           "Name the object it should go next to, e.g. 'to the left of the man'.")
    width, height = size
    ax0, ay0, ax1, ay1 = box
    aw, ah = ax1 - ax0, ay1 - ay0
    nw, nh = max(8, round(aw * scale)), max(8, round(ah * scale))
    gap = max(2, round(0.05 * aw))
    if relation == "left_of":
        x1 = ax0 - gap
        candidate = (x1 - nw, ay1 - nh, x1, ay1)
    elif relation == "right_of":
        x0 = ax1 + gap
        candidate = (x0, ay1 - nh, x0 + nw, ay1)
    elif relation == "above":
        y1 = ay0 - gap
        cx = (ax0 + ax1) // 2
        candidate = (cx - nw // 2, y1 - nh, cx + nw // 2, y1)
    elif relation == "below":
        y0 = ay1 + gap
        cx = (ax0 + ax1) // 2
        candidate = (cx - nw // 2, y0, cx + nw // 2, y0 + nh)
    elif relation == "on":
        # On top of the anchor: the upper part of it, e.g. a hat on a man.
        sw, sh = max(8, round(aw * 0.6)), max(8, round(ah * 0.35))
        cx = (ax0 + ax1) // 2
        candidate = (cx - sw // 2, ay0 - sh // 3, cx + sw // 2, ay0 + 2 * sh // 3)
    elif relation == "around":
        pad = max(4, round(0.15 * max(aw, ah)))
        candidate = (ax0 - pad, ay0 - pad, ax1 + pad, ay1 + pad)
    else:
        raise RetouchError(f"unknown relation {relation!r}",
                           "Use left_of, right_of, above, below, on or around.")
    x0, y0, x1, y1 = candidate
    if x1 <= 0 or y1 <= 0 or x0 >= width or y0 >= height:
        raise RetouchError(f"there is no room {relation.replace('_', ' ')} the selection inside the picture",
                           "Pick another side, or extend the canvas first.")
    return clamp_box(candidate, size)
