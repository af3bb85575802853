"""Global tone and colour as one lookup table: white balance, black point, exposure, highlights,
shadows and an S-curve.

Each of these is a per-channel curve, so they compose into one 256-entry table per channel and the
whole photo is changed by a single `cv2.LUT` pass — a 4096² photo in tens of milliseconds, with no
rounding between the steps. Curves work on linear light (gains, black point, exposure) or on the
gamma-encoded value (the S-curve, which is about how contrast looks).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import math

import cv2

import numpy as np

from retouch.tools.enhance.colour import LUMA, TO_LINEAR_LUT, to_srgb

WHITE_KEEP = 48.0
"""Exponent of the part of a lowered exposure that lifts what was clipped: x → e·x + (1 − e)·w·x^48 lowers
everything by the gain e but the last few codes below white, which go to e + (1 − e)·w (`clipped_white` w)."""
SHOULDER_KNEE = 0.75
"""Above this (linear) a raised exposure rolls off smoothly to white instead of clipping."""


@dataclass
class ToneCurve:
    """What the lookup table does, in order: a black point taken out per channel (a veil of haze or
    flare comes off before the light's colour is judged; under a wrong white balance the veil has the
    light's colour too, so each channel has its own black), per-channel gains (white balance), an exposure gain (up:
    with a soft shoulder; down: blown areas part of the way, `clipped_white`), a gamma,
    a shadow lift, and an S-curve on the encoded value."""

    gains: np.ndarray = field(default_factory=lambda: np.ones(3, np.float32))
    black: np.ndarray = field(default_factory=lambda: np.zeros(3, np.float32))
    exposure: float = 1.0
    gamma: float = 1.0
    shadows: float = 0.0
    s_curve: float = 0.0
    clipped_white: float = 1.0
    """Where a lowered exposure puts what was clipped, between the gain's own value (0) and white (1): the truth
    of a blown area lies somewhere in there — it was at least as bright as the clip, by how much is lost."""

    @property
    def is_identity(self) -> bool:
        return (np.allclose(self.gains, 1.0) and not self.black.any() and self.exposure == 1.0 and self.gamma == 1.0
                and self.shadows == 0.0 and self.s_curve == 0.0)

    def linear(self, linear: np.ndarray) -> np.ndarray:
        """The linear-light part of the curve, on any array whose last axis is RGB."""
        x = linear
        if self.black.any():                # one divisor for all channels: the veil's colour is not a gain
            x = (x - self.black) / (1.0 - float(self.black @ LUMA))
        x = x * self.gains
        x = np.maximum(x, 0.0)
        if self.exposure > 1.0:
            x = shoulder(x * self.exposure, top=self.exposure * self._white_after_gains())
        elif self.exposure < 1.0:                    # darker; a blown area goes part of the way down with it
            x = np.minimum(x, 1.0)
            x = self.exposure * x + (1.0 - self.exposure) * self.clipped_white * np.power(x, WHITE_KEEP)
        if self.gamma != 1.0:
            x = np.power(np.minimum(x, 1.0), self.gamma)
        if self.shadows:
            x = x + self.shadows * x * np.power(1.0 - np.minimum(x, 1.0), 8)
        return np.clip(x, 0.0, 1.0)

    def _white_after_gains(self) -> float:
        """The brightest channel of a pure white pixel after the black point and the gains: what the
        exposure's roll-off has to bring to white, and no further."""
        white = np.ones(3, np.float32)
        if self.black.any():
            white = (white - self.black) / (1.0 - float(self.black @ LUMA))
        return float(np.max(white * self.gains))

    def encoded(self, linear: np.ndarray) -> np.ndarray:
        """The whole curve, linear in → sRGB (0…1) out."""
        out = to_srgb(self.linear(linear))
        if self.s_curve:
            out = s_curve(out, self.s_curve)
        return out

    def table(self) -> np.ndarray:
        """The 256×1×3 uint8 table cv2.LUT takes."""
        codes = np.repeat(TO_LINEAR_LUT[:, None], 3, axis=1).astype(np.float64)
        return np.clip(self.encoded(codes) * 255.0 + 0.5, 0, 255).astype(np.uint8).reshape(256, 1, 3)

    def apply(self, rgb8: np.ndarray) -> np.ndarray:
        if self.is_identity:
            return rgb8
        return cv2.LUT(np.ascontiguousarray(rgb8), self.table())


def shoulder(x: np.ndarray, top: float = math.inf) -> np.ndarray:
    """Identity below SHOULDER_KNEE; above it an exponential roll-off, so a brightened highlight keeps
    its detail instead of clipping flat. The roll-off reaches white exactly at `top` (the brightest
    value the gain gives: white times the exposure), so a small lift leaves a white wall white —
    a roll-off that reached white only at infinity put white at code 251 after a third of a stop.
    Its slope at the knee is 1, so nothing below the knee moves."""
    k = SHOULDER_KNEE
    if top <= 1.0:                                  # nothing can pass white: no roll-off needed
        return x
    over = np.maximum(x - k, 0.0)
    if not math.isfinite(top):
        return np.where(x < k, x, k + (1.0 - k) * (1.0 - np.exp(-over / (1.0 - k))))
    rate = _roll_off_rate((top - k) / (1.0 - k))
    t = np.minimum(over / (top - k), 1.0)
    rolled = k + (1.0 - k) * (-np.expm1(-rate * t)) / (-math.expm1(-rate))
    return np.where(x < k, x, rolled)


def _roll_off_rate(slope: float) -> float:
    """The rate a of g(t) = (1 − e^(−a·t)) / (1 − e^(−a)), which runs from 0 to 1 as t does, such that its
    slope at 0, a / (1 − e^(−a)), is `slope` (≥ 1): the roll-off then meets the identity smoothly at
    the knee. Solved by bisection (the left side grows with a)."""
    if slope <= 1.0 + 1e-9:
        return 1e-9
    low, high = 1e-9, slope + 1.0                   # a / (1 − e^(−a)) > a, so a < slope
    for _ in range(60):
        mid = 0.5 * (low + high)
        if mid / -math.expm1(-mid) < slope:
            low = mid
        else:
            high = mid
    return 0.5 * (low + high)


def s_curve(encoded: np.ndarray, amount: float) -> np.ndarray:
    """A symmetric contrast curve around mid-grey that keeps black and white in place."""
    x = np.clip(encoded, 0.0, 1.0)
    curved = 0.5 - 0.5 * np.cos(np.pi * x)          # smooth, steeper in the middle, flat at the ends
    return x + amount * (curved - x)
