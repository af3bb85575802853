"""Seam colour correction: the painted patch takes the colour statistics of its surroundings.

A latent diffusion model hands back every pixel through the VAE, and the round trip shifts colours
a little (ComfyUI #1973); a model may also drift toward its prompt's idea of the lighting. Outside
the mask the original is pasted back exactly, so any drift shows as a seam. The ring just outside
the mask is where both images should agree: the generated pixels there are the model's copy of
pixels we know, so their difference in mean and spread (per CIELAB channel) measures the drift,
and undoing it on the whole patch removes the seam without touching the new content's structure.
"""

from __future__ import annotations

import cv2
import numpy as np

MIN_RING_PIXELS = 32
MAX_GAIN = 1.25
"""Spread is matched within 1/1.25…1.25: a ring of flat sky must not blow up the patch's contrast."""


def seam_ring(mask: np.ndarray, width: int) -> np.ndarray:
    """The pixels within `width` px outside the edit (mask == 0 there), as booleans."""
    touched = (np.asarray(mask) > 0).astype(np.uint8)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width + 1, 2 * width + 1))
    return (cv2.dilate(touched, kernel) > 0) & (touched == 0)


def match_seam_colour(generated: np.ndarray, original: np.ndarray, mask: np.ndarray, *,
                      ring_width: int = 8) -> np.ndarray:
    """`generated` (RGB uint8) with the colour drift measured on the seam ring undone.

    Returns `generated` unchanged when the ring is too small to measure (the mask covers nearly
    everything)."""
    ring = seam_ring(mask, ring_width)
    if int(ring.sum()) < MIN_RING_PIXELS:
        return generated
    lab_new = cv2.cvtColor(generated, cv2.COLOR_RGB2LAB).astype(np.float32)
    lab_old = cv2.cvtColor(original, cv2.COLOR_RGB2LAB).astype(np.float32)
    new_ring, old_ring = lab_new[ring], lab_old[ring]
    new_mean, old_mean = new_ring.mean(axis=0), old_ring.mean(axis=0)
    new_std, old_std = new_ring.std(axis=0), old_ring.std(axis=0)
    gain = np.clip((old_std + 1.0) / (new_std + 1.0), 1.0 / MAX_GAIN, MAX_GAIN)
    corrected = (lab_new - new_mean) * gain + old_mean
    return cv2.cvtColor(np.clip(corrected + 0.5, 0, 255).astype(np.uint8), cv2.COLOR_LAB2RGB)
