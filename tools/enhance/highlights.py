"""Over-exposure read from the shape of the clip: how much of the picture piled up at the top code, and how
far the exposure must come down for the scene's own tones to account for that pile.

A gain g in linear light followed by the sensor's clip moves every tone up by g and stacks whatever went past
white into one pile at the top code. Two things follow that a photo's median cannot tell on a dark scene (a
night launch with its flame blown, a portrait on black): the pile is large next to the tones just below it —
a well exposed photo thins out towards white, a few specular points aside — and its size says how far the
tones were pushed, at least, once the density just below the clip is carried on past it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from retouch.tools.enhance.colour import TO_LINEAR_LUT

TOP_CODE = 254
"""Codes at or above this are the pile (the top code, and one below it for rounding and compression)."""
BAND_FROM = 224
"""The band just below the pile starts here: codes 224–253 (linear 0.75–0.99), where the density of tones
is read and the pile's steepness is measured against."""


@dataclass(frozen=True)
class Clip:
    pile: float
    """Share of the pixels whose middle channel is at the top code: white or near it in all but one channel,
    as over-exposure leaves bright things (a strong cast or a saturated colour clips a single channel)."""
    steepness: float
    """That pile over the share of pixels whose middle channel is in the band just below it (codes 224–253):
    near 0 on a well exposed photo, above 1 where tones were pushed into the clip."""
    ev: float
    """How far down (EV, ≥ 0; inf when nothing is just below the clip) the exposure must at least go for the
    density of the brightest channel just below the clip, carried on past white, to hold the pile."""


def clip_shape(rgb8: np.ndarray, keep: np.ndarray | None = None) -> Clip:
    """The clip of an 8-bit RGB picture (`keep`: only those pixels)."""
    pixels = rgb8.reshape(-1, 3) if keep is None else rgb8[keep]
    if len(pixels) == 0:
        return Clip(0.0, 0.0, 0.0)
    middle = np.sort(pixels, axis=1)[:, 1]
    pile = float(np.mean(middle >= TOP_CODE))
    below = float(np.mean((middle >= BAND_FROM) & (middle < TOP_CODE)))
    steepness = pile / max(below, 1.0 / len(pixels))
    return Clip(pile, steepness, _ev_to_hold(pixels.max(axis=1)))


def _ev_to_hold(brightest: np.ndarray) -> float:
    """The gain g that carries the density of the brightest channel just below the clip (codes 224–253, linear
    0.75–0.99) on past white until it holds the pile: pile = density × (g − 1). Tones thin out towards white
    in a photo, so the density carried on flat is more than the truth and g is a lower bound: the exposure
    comes down at least this far, never further than the capture says."""
    lo, top = float(TO_LINEAR_LUT[BAND_FROM]), float(TO_LINEAR_LUT[TOP_CODE])
    count = len(brightest)
    pile = np.count_nonzero(brightest >= TOP_CODE) / count
    if pile == 0.0:
        return 0.0
    density = np.count_nonzero((brightest >= BAND_FROM) & (brightest < TOP_CODE)) / count / (top - lo)
    if density <= 0.0:
        return float("inf")
    return float(np.log2(1.0 + pile / density))
