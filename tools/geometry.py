"""Crop, rotate and flip: edits that change the canvas rather than its content."""

from __future__ import annotations

import math

from PIL import Image

from retouch.tools.errors import RetouchError
from retouch.tools.regions import Box, clamp_box


def parse_aspect(aspect: str) -> float:
    """'16:9' → 1.777…; the plan schema has already checked the shape of the text."""
    width_text, height_text = aspect.split(":")
    width, height = float(width_text), float(height_text)
    if width <= 0 or height <= 0:
        raise RetouchError(f"the aspect {aspect} has a zero side", "Use something like 16:9 or 1:1.")
    return width / height


def crop_to_aspect_box(size: tuple[int, int], ratio: float) -> Box:
    """The largest centred box with the given width/height ratio."""
    width, height = size
    if width / height > ratio:
        new_width = max(1, round(height * ratio))
        x0 = (width - new_width) // 2
        return x0, 0, x0 + new_width, height
    new_height = max(1, round(width / ratio))
    y0 = (height - new_height) // 2
    return 0, y0, width, y0 + new_height


def aspect_box_around(size: tuple[int, int], ratio: float, keep: Box) -> Box | None:
    """The largest box with the given ratio that holds `keep` (e.g. the people who must stay),
    centred on it as far as the picture allows; None when no box of that ratio inside the picture
    can hold it (then only growing the canvas keeps everything)."""
    x0, y0, x1, y1 = crop_to_aspect_box(size, ratio)
    box_w, box_h = x1 - x0, y1 - y0
    keep_w, keep_h = keep[2] - keep[0], keep[3] - keep[1]
    if keep_w > box_w or keep_h > box_h:
        return None
    left = _place(keep[0], keep[2], box_w, size[0])
    top = _place(keep[1], keep[3], box_h, size[1])
    return left, top, left + box_w, top + box_h


def smallest_aspect_box_around(size: tuple[int, int], ratio: float, keep: Box) -> Box | None:
    """The smallest box with the given width/height ratio that holds `keep`, centred on it as far as the picture
    allows ('crop it better': the subject and its margin, at the photo's own shape); None when no box of that ratio
    inside the picture can hold it."""
    width, height = size
    keep_w, keep_h = keep[2] - keep[0], keep[3] - keep[1]
    box_w = max(keep_w, math.ceil(keep_h * ratio))
    box_h = max(keep_h, math.ceil(box_w / ratio))
    box_w = max(box_w, round(box_h * ratio))
    if box_w > width or box_h > height:
        largest = crop_to_aspect_box(size, ratio)
        box_w, box_h = largest[2] - largest[0], largest[3] - largest[1]
        if keep_w > box_w or keep_h > box_h:
            return None
    left = _place(keep[0], keep[2], box_w, width)
    top = _place(keep[1], keep[3], box_h, height)
    return left, top, left + box_w, top + box_h


def _place(keep_start: int, keep_end: int, length: int, limit: int) -> int:
    """Where a span of `length` starts so it covers [keep_start, keep_end) and stays in [0, limit),
    centred on the kept span as far as that allows."""
    lowest, highest = max(0, keep_end - length), min(keep_start, limit - length)
    return min(max(round((keep_start + keep_end - length) / 2), lowest), highest)


CENTRED_WITHIN = 0.01
"""A thing whose centre is this share of the picture's side (or less) from the middle is already centred on that
axis: the crop leaves that axis whole rather than shave off a pixel or two."""


def box_centred_on(size: tuple[int, int], keep: Box) -> Box:
    """The largest box whose centre is the centre of `keep` ('centre him in the photo'): on each axis it reaches as
    far from that centre as the nearer edge of the picture allows. `keep` always stays whole inside it — its own
    centre is the box's and it lies inside the picture — and the thing ends up in the middle."""
    (x0, x1), (y0, y1) = _centred_span(keep[0], keep[2], size[0]), _centred_span(keep[1], keep[3], size[1])
    return x0, y0, x1, y1


def _centred_span(keep_start: int, keep_end: int, limit: int) -> tuple[int, int]:
    """The widest span of [0, limit) centred on the middle of [keep_start, keep_end); the whole axis when that middle
    is already within CENTRED_WITHIN of the picture's."""
    middle = (keep_start + keep_end) / 2
    if abs(middle - limit / 2) <= CENTRED_WITHIN * limit:
        return 0, limit
    reach = math.floor(min(middle, limit - middle))
    start = max(0, min(keep_start, math.ceil(middle - reach)))
    end = min(limit, max(keep_end, math.floor(middle + reach)))
    return start, end


def crop(image: Image.Image, *, box: Box | None = None, aspect: str | None = None) -> Image.Image:
    if box is not None:
        return image.crop(clamp_box(box, image.size))
    if aspect is not None:
        return image.crop(crop_to_aspect_box(image.size, parse_aspect(aspect)))
    return image.copy()


def rotate(image: Image.Image, degrees_clockwise: float) -> Image.Image:
    """Quarter turns are lossless; other angles ("straighten by 3 degrees") are cropped to the
    largest upright rectangle so no empty corners appear."""
    turns = degrees_clockwise % 360
    if turns == 0:
        return image.copy()
    lossless = {90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                270: Image.Transpose.ROTATE_90}
    if turns in lossless:
        return image.transpose(lossless[turns])
    rotated = image.rotate(-degrees_clockwise, resample=Image.Resampling.BICUBIC, expand=True)
    inner_w, inner_h = (max(1, int(side)) for side in
                        largest_inner_rectangle(image.size, math.radians(degrees_clockwise)))
    x0 = (rotated.width - inner_w) // 2
    y0 = (rotated.height - inner_h) // 2
    return rotated.crop((x0, y0, x0 + inner_w, y0 + inner_h))


def largest_inner_rectangle(size: tuple[int, int], angle: float) -> tuple[float, float]:
    """Largest axis-aligned rectangle inside a w×h rectangle rotated by `angle` radians (closed form).
    The planner uses it too, to work out how much canvas a turn that keeps every edge needs."""
    width, height = size
    sin_a, cos_a = abs(math.sin(angle)), abs(math.cos(angle))
    long_side, short_side = (width, height) if width >= height else (height, width)
    if short_side <= 2.0 * sin_a * cos_a * long_side or abs(sin_a - cos_a) < 1e-10:
        x = 0.5 * short_side
        wr, hr = (x / sin_a, x / cos_a) if width >= height else (x / cos_a, x / sin_a)
    else:
        cos_2a = cos_a * cos_a - sin_a * sin_a
        wr = (width * cos_a - height * sin_a) / cos_2a
        hr = (height * cos_a - width * sin_a) / cos_2a
    return wr, hr


def zoom_to_keep_all(size: tuple[int, int], degrees: float) -> float:
    """How many times the canvas must grow (an outpaint zoom) so that `rotate` by `degrees` keeps all of
    the original: the turned canvas's largest upright rectangle must hold the turned original's upright
    bounding box. Rounded up to the hundredth, plus a hundredth of margin for rounding."""
    width, height = size
    angle = math.radians(degrees)
    sin_a, cos_a = abs(math.sin(angle)), abs(math.cos(angle))
    if sin_a < 1e-9 or cos_a < 1e-9:
        return 1.0                                         # quarter turns lose nothing
    need_w, need_h = width * cos_a + height * sin_a, width * sin_a + height * cos_a
    inner_w, inner_h = largest_inner_rectangle(size, angle)
    return math.ceil(max(need_w / inner_w, need_h / inner_h) * 100) / 100 + 0.01


def flip(image: Image.Image, direction: str) -> Image.Image:
    if direction == "horizontal":
        return image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return image.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
