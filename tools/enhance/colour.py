"""sRGB ↔ linear light, and the colour measurements and corrections that belong in linear light.

A colour cast is a different gain per channel of the *light*, so it is estimated and undone on
linear values, never on gamma-encoded ones (where a gain also bends the tone curve).
"""

from __future__ import annotations

import cv2
import numpy as np

LUMA = np.array([0.2126, 0.7152, 0.0722], np.float32)
"""Rec. 709 / sRGB luminance weights of linear R, G, B."""
_CODES = np.arange(256, dtype=np.float64) / 255.0
TO_LINEAR_LUT = np.where(_CODES <= 0.04045, _CODES / 12.92, ((_CODES + 0.055) / 1.055) ** 2.4).astype(np.float32)
"""8-bit sRGB code → linear value (0…1)."""


def to_linear(rgb8: np.ndarray) -> np.ndarray:
    return TO_LINEAR_LUT[rgb8]


def to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear (any float array, clipped to 0…1) → sRGB in 0…1."""
    x = np.clip(linear, 0.0, 1.0)
    return np.where(x <= 0.0031308, x * 12.92, 1.055 * np.power(x, 1 / 2.4) - 0.055)


_FROM_LINEAR_STEPS = 65535
_FROM_LINEAR_LUT = np.clip(to_srgb(np.arange(_FROM_LINEAR_STEPS + 1) / _FROM_LINEAR_STEPS) * 255.0 + 0.5, 0,
                           255).astype(np.uint8)


def to_srgb8(linear: np.ndarray) -> np.ndarray:
    """Linear → 8-bit sRGB through a 16-bit table (a power per pixel costs 20× more at 4096²)."""
    index = np.clip(linear, 0.0, 1.0) * _FROM_LINEAR_STEPS + 0.5
    return _FROM_LINEAR_LUT[index.astype(np.uint16)]


def luminance(linear: np.ndarray) -> np.ndarray:
    return linear @ LUMA


def lightness(y: np.ndarray | float) -> np.ndarray:
    """CIE L* (0…100) of a linear luminance."""
    y = np.asarray(y, np.float64)
    return np.where(y > 216 / 24389, 116 * np.cbrt(y) - 16, y * 24389 / 27)


# ---- the light's colour ----------------------------------------------------------------------------

def illuminant(linear: np.ndarray, keep: np.ndarray | None = None) -> np.ndarray:
    """The colour of the light (linear RGB, mean 1), as the median, per log-chromaticity, of three
    classic estimators that fail in different places: shades of grey (p = 6), grey edge (1st order,
    p = 6) and robust max-RGB (99.5th percentile). Where they disagree the median is the cautious one.
    `keep` (bool, same height and width) restricts the estimate to part of the picture."""
    pixels = linear.reshape(-1, 3) if keep is None else linear[keep]
    if len(pixels) < 64:
        return np.ones(3, np.float32)
    shades = np.power(np.mean(np.power(pixels, 6.0), axis=0), 1 / 6)
    blurred = cv2.GaussianBlur(linear.astype(np.float32), (0, 0), 1.0)
    gx = cv2.Sobel(blurred, cv2.CV_32F, 1, 0)
    gy = cv2.Sobel(blurred, cv2.CV_32F, 0, 1)
    gradient = np.sqrt(gx * gx + gy * gy)
    inner = None if keep is None else cv2.erode(keep.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    edges = gradient.reshape(-1, 3) if inner is None or inner.sum() < 64 else gradient[inner]
    grey_edge = np.power(np.mean(np.power(edges, 6.0), axis=0), 1 / 6)
    brightest = np.percentile(pixels, 99.5, axis=0)
    logs = np.log(np.maximum(np.stack([shades, grey_edge, brightest]), 1e-6))
    logs -= logs.mean(axis=1, keepdims=True)
    estimate = np.exp(np.median(logs, axis=0))
    return (estimate / estimate.mean()).astype(np.float32)


def cast_angle(light: np.ndarray) -> float:
    """Degrees between a light colour and neutral grey."""
    unit = light / np.linalg.norm(light)
    return float(np.degrees(np.arccos(np.clip(unit.sum() / np.sqrt(3.0), -1.0, 1.0))))


_TUNGSTEN = np.log([1.845, 0.826, 0.233])
"""CIE illuminant A (a 2856 K bulb) in linear sRGB relative to D65 white, as log RGB."""
LOCUS = (_TUNGSTEN - _TUNGSTEN.mean()) / np.linalg.norm(_TUNGSTEN - _TUNGSTEN.mean())
"""The direction, in log-chromaticity (log RGB less its mean), from daylight towards a bulb: where the colours
of lights lie (cooler: shade, sky; warmer: sunset, tungsten, candle)."""
TINT = np.cross(np.ones(3) / np.sqrt(3.0), LOCUS)
TINT = TINT if TINT[1] > 0 else -TINT
"""Across the locus, green positive: fluorescent and some LED light sits on the green side; nothing that
lights a scene sits far on the magenta side."""


FELT_CASTS = {"too_warm": LOCUS, "too_cool": -LOCUS, "too_green": TINT, "too_magenta": -TINT}
"""The direction, in log-chromaticity, of each colour a user can say a photo leans to (`tools.settings.Felt`)."""
FELT_SAY = {"too_warm": "cooled the colour", "too_cool": "warmed the colour", "too_green": "took green out of the colour",
            "too_magenta": "took magenta out of the colour"}
"""What moving away from each such lean is called in the reply."""


def leaning(light: np.ndarray, direction: np.ndarray) -> float:
    """How far (log-chromaticity units) the light's colour leans along `direction` (a unit vector)."""
    logs = np.log(np.maximum(light, 1e-6))
    return float((logs - logs.mean()) @ direction)


def redness(light: np.ndarray) -> float:
    """How red (warm *and* magenta at once, in log-chromaticity units) a light colour reads. Lights are not
    red: a warm bulb reads warm and a little green, a fluorescent tube green; a reading that is warm and
    magenta together is red things in the scene — fur, skin, brick, a red car, a fundus."""
    logs = np.log(np.maximum(light, 1e-6))
    logs = logs - logs.mean()
    return float(min(logs @ LOCUS, -(logs @ TINT)))


def cast_name(light: np.ndarray) -> str:
    """"warm", "cool", "green", "magenta" or a pair ("warm and green") — for the reply."""
    r, g, b = np.log(np.maximum(light, 1e-6))
    names = []
    warm, green = r - b, g - (r + b) / 2
    if abs(warm) > 0.04:
        names.append("warm" if warm > 0 else "cool")
    if abs(green) > 0.04:
        names.append("green" if green > 0 else "magenta")
    if len(names) == 2 and abs(green) > 2 * abs(warm):
        names.reverse()
    return " and ".join(names[:2]) or "slightly off"


def cast_fraction(light: np.ndarray, *, dead_zone: float, full_from: float, scene_from: float,
                  scene_at: float, red_from: float, red_at: float) -> float:
    """How much of a measured cast (the light's colour `light`) to take out, 0…1. Nothing inside the dead
    zone (no photo is exactly neutral); more and more of it up to all of it at `full_from` degrees — a
    camera's white-balance error is a gain of the light, and taking out part of it leaves part of the
    error; then less again from `scene_from`, down to none at `scene_at`: a colour that strong is far more
    often the scene's own (fur, a fundus, a sunset, stage light) than a camera's mistake. And less from a
    `redness` of `red_from`, none at `red_at`: a red reading is red things, not a light."""
    angle = cast_angle(light)
    if angle <= dead_zone:
        return 0.0
    fraction = min(1.0, (angle - dead_zone) / max(full_from - dead_zone, 1e-6))
    fraction *= _falling(angle, scene_from, scene_at) * _falling(redness(light), red_from, red_at)
    return fraction


def _falling(value: float, start: float, end: float) -> float:
    """1 up to `start`, 0 from `end`, a straight line between."""
    return float(np.clip((end - value) / max(end - start, 1e-6), 0.0, 1.0))


def balance_gains(light: np.ndarray, fraction: float, max_gain: float) -> np.ndarray:
    """Per-channel linear gains that take the light `fraction` of the way to neutral (in log space);
    luminance is kept (the gains average to 1 in luminance)."""
    gains = np.exp(-fraction * np.log(light))
    gains = np.clip(gains, 1 / max_gain, max_gain)
    return (gains / float(gains @ LUMA)).astype(np.float32)


# ---- chroma and vibrance -----------------------------------------------------------------------------

LIT = 15.0
"""L* below which a pixel's colour is not counted in how colourful a photo is: near-black has no colour
to speak of, and a night sky or a black backdrop would make a vivid photo read as dull."""


def mean_chroma(rgb8: np.ndarray, keep: np.ndarray | None = None) -> float:
    """Mean C*ab / 100 of the lit pixels (L* ≥ `LIT`) of an 8-bit RGB picture (of all, when few are lit)."""
    lab = cv2.cvtColor(rgb8.astype(np.float32) / 255.0, cv2.COLOR_RGB2Lab)
    chroma = np.hypot(lab[..., 1], lab[..., 2])
    lit = lab[..., 0] >= LIT
    if keep is not None:
        chroma, lit = chroma[keep], lit[keep]
    counted = chroma[lit] if lit.mean() >= 0.01 else chroma
    return float(counted.mean() / 100.0)


def vibrance(rgb8: np.ndarray, amount: float) -> np.ndarray:
    """More colour where there is little (skies, dull foliage), almost none where there is already
    a lot (skin, a red car): each pixel moves away from its own grey by a factor that falls with its
    saturation."""
    pixels = rgb8.astype(np.float32)
    grey = pixels @ (LUMA / LUMA.sum())
    top, bottom = pixels.max(axis=2), pixels.min(axis=2)
    saturation = (top - bottom) / np.maximum(top, 1.0)
    factor = 1.0 + amount * (1.0 - saturation) ** 2
    out = grey[..., None] + (pixels - grey[..., None]) * factor[..., None]
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)
