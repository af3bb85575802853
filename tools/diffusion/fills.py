"""What the masked area starts from ("masked content", as A1111 calls it).

- `original`: the original latents, noised to the strength — small, faithful changes.
- `original_blur`: the masked area is first painted in pixel space with a heavy blur of the
  original and its surroundings, then encoded — keeps the palette and rough layout, loses the
  detail (a good start for replacing one object with another of similar size).
- `latent_noise`: the latents under the mask are replaced by fresh noise — the most freedom.
- `latent_nothing`: the latents under the mask are zero (a flat, neutral start) — calm results.

Strength works as in diffusers: the schedule starts `strength` of the way into the noise and only
that share of the steps runs.
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np

from retouch.tools.diffusion.capabilities import FILLS


def blur_fill(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """`image` (RGB uint8) with the masked area replaced by a heavy blur of everything around it.

    The blur's radius follows the hole (half its largest inscribed radius, at least 4 px), so a
    wide object turns into a soft blob of its own and its surroundings' colours while a thin one
    barely changes. Outside the mask the pixels are untouched; inside they blend through the mask."""
    hole = (np.asarray(mask) > 0).astype(np.uint8)
    if not hole.any():
        return image.copy()
    depth = cv2.distanceTransform(hole, cv2.DIST_L2, 5)
    sigma = max(4.0, float(depth.max()) / 2.0)
    blurred = cv2.GaussianBlur(image.astype(np.float32), (0, 0), sigmaX=sigma, borderType=cv2.BORDER_REFLECT)
    weight = (np.asarray(mask, dtype=np.float32) / 255.0)[..., None]
    return np.clip(blurred * weight + image.astype(np.float32) * (1.0 - weight) + 0.5, 0, 255).astype(np.uint8)


def fill_latents(latents: Any, mask: Any, fill: str, generator: Any) -> Any:
    """The starting latents for `fill` from the original's (or, for original_blur, the blurred
    image's) latents; `mask` is the soft mask at latent resolution (1 = regenerate)."""
    from diffusers.utils.torch_utils import randn_tensor

    if fill in ("original", "original_blur"):
        return latents
    if fill == "latent_noise":
        noise = randn_tensor(latents.shape, generator=generator, device=latents.device, dtype=latents.dtype)
        return latents * (1 - mask) + noise * mask
    if fill == "latent_nothing":
        return latents * (1 - mask)
    raise ValueError(f"unknown fill {fill!r}; expected one of {FILLS}")
