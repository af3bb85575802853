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
    density of the brightest channel just below the clip, carried on past white, to hold that channel's pile."""


def clip_shape(rgb8: np.ndarray, keep: np.ndarray | None = None) -> Clip:
    """The clip of an 8-bit RGB picture (`keep`: only those pixels): whether tones were pushed into it is read
    on the middle channel (one channel alone at the top is a cast or a saturated colour), how far on the
    brightest (the first to reach the clip, so the one whose tones run into it).

    The EV: the density of the brightest channel in the band just below the clip (linear 0.75–0.99), carried
    on past white, holds its pile once it reaches the gain g — pile = density × (g − 1). Tones thin out
    towards white in a photo, so the density carried on flat is more than the truth and g is a lower bound:
    the exposure comes down at least this far, never further than the capture says."""
    pixels = rgb8.reshape(-1, 3) if keep is None else rgb8[keep]
    if len(pixels) == 0:
        return Clip(0.0, 0.0, 0.0)
    ordered = np.sort(pixels, axis=1)
    pile, below = _pile_and_band(ordered[:, 1])
    steepness = pile / max(below, 1.0 / len(pixels))
    top_pile, top_below = _pile_and_band(ordered[:, 2])
    if top_pile == 0.0:
        return Clip(pile, steepness, 0.0)
    if top_below == 0.0:
        return Clip(pile, steepness, float("inf"))
    band = float(TO_LINEAR_LUT[TOP_CODE] - TO_LINEAR_LUT[BAND_FROM])
    return Clip(pile, steepness, float(np.log2(1.0 + top_pile / (top_below / band))))


def _pile_and_band(channel: np.ndarray) -> tuple[float, float]:
    """(share at the top code, share in the band just below it) of one channel's codes."""
    return float(np.mean(channel >= TOP_CODE)), float(np.mean((channel >= BAND_FROM) & (channel < TOP_CODE)))
