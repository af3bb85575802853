"""Global or masked tone changes: brightness, contrast, saturation, sharpness, warmth.

Amounts are signed and centred on zero ("a bit brighter" = +0.15, "much less contrast" = -0.4), so
an LLM and a person mean the same thing by them. PIL's enhancers do the work; alpha is untouched.
"""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageEnhance

from retouch.tools.masks import Mask


def adjust(image: Image.Image, *, brightness: float = 0.0, contrast: float = 0.0,
           saturation: float = 0.0, sharpness: float = 0.0, warmth: float = 0.0,
           mask: Mask | None = None) -> Image.Image:
    """Apply the tone changes in a fixed, photographic order; with `mask`, only where it is white."""
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    rgb = image.convert("RGB")
    out = rgb
    for enhancer, amount in ((ImageEnhance.Brightness, brightness), (ImageEnhance.Contrast, contrast),
                             (ImageEnhance.Color, saturation), (ImageEnhance.Sharpness, sharpness)):
        if amount:
            out = enhancer(out).enhance(max(0.0, 1.0 + amount))
    if warmth:
        out = _warm(out, warmth)
    if mask is not None:
        weight = (np.asarray(mask, dtype=np.float32) / 255.0)[..., None]
        blended = np.asarray(out, np.float32) * weight + np.asarray(rgb, np.float32) * (1.0 - weight)
        out = Image.fromarray(np.clip(blended + 0.5, 0, 255).astype(np.uint8), "RGB")
    if alpha is not None:
        out.putalpha(alpha)
    return out


def _warm(image: Image.Image, amount: float) -> Image.Image:
    """Shift white balance: positive = warmer (more red, less blue), as a photo app's slider does."""
    pixels = np.asarray(image, dtype=np.float32)
    gain = 0.25 * amount
    pixels = pixels * np.array([1.0 + gain, 1.0 + gain * 0.3, 1.0 - gain], dtype=np.float32)
    return Image.fromarray(np.clip(pixels + 0.5, 0, 255).astype(np.uint8), "RGB")
