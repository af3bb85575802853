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
    inner_w, inner_h = _largest_inner_rectangle(image.size, math.radians(degrees_clockwise))
    x0 = (rotated.width - inner_w) // 2
    y0 = (rotated.height - inner_h) // 2
    return rotated.crop((x0, y0, x0 + inner_w, y0 + inner_h))


def _largest_inner_rectangle(size: tuple[int, int], angle: float) -> tuple[int, int]:
    """Largest axis-aligned rectangle inside a w×h rectangle rotated by `angle` (closed form)."""
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
    return max(1, int(wr)), max(1, int(hr))


def flip(image: Image.Image, direction: str) -> Image.Image:
    if direction == "horizontal":
        return image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return image.transpose(Image.Transpose.FLIP_TOP_BOTTOM)
