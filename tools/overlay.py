"""A quick look at a selection: the photo with the mask tinted over it and its edge drawn.

Used by `retouch mask --overlay` and by the chat's preview. A soft mask tints in proportion (a
feathered edge shows as a fading tint), and the outline follows the hard selection so a thin
mask stays visible on a busy photo.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

from retouch.tools.masks import Mask, binary

DEFAULT_COLOR = (255, 48, 96)


def overlay(image: Image.Image, mask: Mask, *, color: tuple[int, int, int] = DEFAULT_COLOR,
            opacity: float = 0.45, outline: int = 2) -> Image.Image:
    """The image (RGB) with `mask` tinted in `color` at `opacity` and outlined `outline` px wide."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32)
    soft = np.asarray(mask, dtype=np.float32) / 255.0
    if soft.shape != rgb.shape[:2]:
        raise ValueError(f"mask is {soft.shape[1]}×{soft.shape[0]} but the image is {image.width}×{image.height}")
    alpha = (np.clip(opacity, 0.0, 1.0) * soft)[..., None]
    tint = np.asarray(color, dtype=np.float32)[None, None, :]
    out = rgb * (1.0 - alpha) + tint * alpha
    if outline > 0:
        hard = binary(mask).astype(np.uint8)
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * outline + 1, 2 * outline + 1))
        edge = (cv2.dilate(hard, kernel) > 0) & ~(cv2.erode(hard, kernel) > 0) & (hard > 0)
        out[edge] = tint[0, 0]
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "RGB")
