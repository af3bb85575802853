"""A quick look at a selection: the photo with the mask tinted over it and its edge drawn.

Used by `retouch mask --overlay` and by the chat's preview. A soft mask tints in proportion (a
feathered edge shows as a fading tint), and the outline follows the hard selection so a thin
mask stays visible on a busy photo.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from retouch.tools.masks import Mask, binary, bounding_box

DEFAULT_COLOR = (255, 48, 96)


def overlay(image: Image.Image, mask: Mask, *, color: tuple[int, int, int] = DEFAULT_COLOR,
            opacity: float = 0.45, outline: int = 2) -> Image.Image:
    """The image (RGB) with `mask` tinted in `color` at `opacity` and outlined `outline` px wide.

    Only the mask's bounding box is computed (in floats, ~50 bytes a pixel): outside it the tint
    is zero and the outline, drawn inside the selection, never reaches, so those pixels are the
    image's own — a small selection on a 4096² photo costs what it costs on a small one."""
    width, height = image.size
    values = np.asarray(mask)
    if values.shape != (height, width):
        raise ValueError(f"mask is {values.shape[1]}×{values.shape[0]} but the image is {width}×{height}")
    result = image.convert("RGB")
    box = bounding_box(values)
    if box is None:
        return result if result is not image else result.copy()
    x0, y0, x1, y1 = box
    crop = values[y0:y1, x0:x1]
    rgb = np.asarray(result.crop(box), dtype=np.float32)
    alpha = (np.clip(opacity, 0.0, 1.0) * (crop.astype(np.float32) / 255.0))[..., None]
    tint = np.asarray(color, dtype=np.float32)[None, None, :]
    out = rgb * (1.0 - alpha) + tint * alpha
    if outline > 0:
        # The edge is the selection minus its erosion. Beyond the box lies unselected photo, but
        # beyond the photo's own border erosion sees "selected" (OpenCV's default), so a mask that
        # reaches the border is not outlined along it: the padding says which is which.
        beyond = ((int(y0 == 0), int(y1 == height)), (int(x0 == 0), int(x1 == width)))
        hard = np.pad(binary(crop).astype(np.uint8), outline, constant_values=beyond)
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * outline + 1, 2 * outline + 1))
        edge = (hard > 0) & ~(cv2.erode(hard, kernel) > 0)
        out[edge[outline:-outline, outline:-outline]] = tint[0, 0]
    result = result if result is not image else result.copy()
    result.paste(Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "RGB"), (x0, y0))
    return result
