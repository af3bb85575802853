"""Haze: the dark channel prior (He, Sun & Tang 2009), on a reduced copy, applied at full size.

In a haze-free outdoor photo almost every 15-px patch has some pixel that is nearly black in one
channel; haze (airlight A mixed in by a transmission t) lifts that "dark channel". So
t = 1 − ω · dark(I / A), refined by a guided filter so it follows edges, and the scene is
J = (I − A) / max(t, t₀) + A, in linear light. The transmission is smooth, so it is computed on the
reduced copy and scaled up; only the last step touches every pixel.
"""

from __future__ import annotations

import cv2
import numpy as np

from retouch.tools.enhance.colour import TO_LINEAR_LUT, to_srgb8

PATCH = 15


def dark_channel(linear: np.ndarray, patch: int = PATCH) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (patch, patch))
    return cv2.erode(linear.min(axis=2).astype(np.float32), kernel)


def airlight(linear: np.ndarray, dark: np.ndarray) -> np.ndarray:
    """The haze's colour: the brightest pixels among the 0.1 % with the haziest dark channel."""
    count = max(1, dark.size // 1000)
    haziest = np.argpartition(dark.ravel(), -count)[-count:]
    candidates = linear.reshape(-1, 3)[haziest]
    return np.maximum(candidates[np.argsort(candidates.sum(axis=1))[-max(1, count // 10):]].mean(axis=0), 0.05)


def transmission(small_linear: np.ndarray, *, keep: float, floor: float) -> tuple[np.ndarray, np.ndarray]:
    """(transmission map of the reduced copy, airlight)."""
    dark = dark_channel(small_linear)
    light = airlight(small_linear, dark)
    raw = 1.0 - (1.0 - keep) * dark_channel(small_linear / light)
    guide = cv2.cvtColor(small_linear.astype(np.float32), cv2.COLOR_RGB2GRAY)
    refined = cv2.ximgproc.guidedFilter(guide, raw.astype(np.float32), 24, 1e-3)
    return np.clip(refined, floor, 1.0), light.astype(np.float32)


def dehaze(rgb8: np.ndarray, small_linear: np.ndarray, *, keep: float, floor: float, amount: float) -> np.ndarray:
    """The full-size photo with the haze taken out; `amount` (0…1+) scales how much of it goes."""
    t_small, light = transmission(small_linear, keep=keep, floor=floor)
    t_small = 1.0 - amount * (1.0 - t_small)
    height, width = rgb8.shape[:2]
    t = cv2.resize(t_small, (width, height), interpolation=cv2.INTER_LINEAR)[..., None]
    linear = TO_LINEAR_LUT[rgb8]
    linear -= light
    linear /= np.maximum(t, floor)
    linear += light
    return to_srgb8(linear)
