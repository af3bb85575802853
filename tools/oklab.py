"""OKLab (Björn Ottosson, 2020): a perceptual colour space whose hue stays put as chroma changes.

Why not CIELAB: CIELAB's lines of constant hue bend — a blue losing chroma drifts to violet, the
very drift that turned a recoloured sky purple — and OpenCV's 8-bit CIELAB rounds the channels.
OKLab keeps a hue's colours on a straight line through grey, so a colour can be made paler, moved
part of the way, or brought back into sRGB by lowering its chroma alone, without its hue moving.

Lightness L runs 0 (black) to 1 (white); a and b are the green–red and blue–yellow axes (a colour
of sRGB has chroma √(a² + b²) up to ~0.32). Arrays are float32 (…, 3); sRGB is 0–255.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_LINEAR_TO_LMS = np.array([[0.4122214708, 0.5363325363, 0.0514459929],
                           [0.2119034982, 0.6806995451, 0.1073969566],
                           [0.0883024619, 0.2817188376, 0.6299787005]], np.float32)
_LMS_TO_LAB = np.array([[0.2104542553, 0.7936177850, -0.0040720468],
                        [1.9779984951, -2.4285922050, 0.4505937099],
                        [0.0259040371, 0.7827717662, -0.8086757660]], np.float32)
_LAB_TO_LMS = np.linalg.inv(_LMS_TO_LAB.astype(np.float64)).astype(np.float32)
_LMS_TO_LINEAR = np.linalg.inv(_LINEAR_TO_LMS.astype(np.float64)).astype(np.float32)


def _times(matrix: np.ndarray, colours: np.ndarray) -> np.ndarray:
    """matrix × each colour (…, 3), as three scaled sums: a 3×3 product through BLAS cost up to ten times more on
    a busy machine (its threads wait on each other) and varied tenfold from call to call."""
    return (colours[..., 0:1] * matrix[:, 0] + colours[..., 1:2] * matrix[:, 1]
            + colours[..., 2:3] * matrix[:, 2]).astype(np.float32, copy=False)

GAMUT_TOLERANCE = 2e-6
"""How far outside 0–1 a linear sRGB channel may stray and still count as in gamut (float rounding)."""
_GAMUT_STEPS = 16
"""Halvings of the chroma scale when bringing a colour back into sRGB: 2⁻¹⁶ of its chroma, far below a level."""


def _decode_table() -> np.ndarray:
    levels = np.arange(256, dtype=np.float64) / 255.0
    return np.where(levels <= 0.04045, levels / 12.92, ((levels + 0.055) / 1.055) ** 2.4).astype(np.float32)


_SRGB_TO_LINEAR = _decode_table()


def srgb_to_oklab(rgb: np.ndarray) -> np.ndarray:
    """uint8 sRGB (…, 3) → OKLab float32 (…, 3)."""
    linear = _SRGB_TO_LINEAR[np.asarray(rgb, np.uint8)]
    return linear_to_oklab(linear)


def linear_to_oklab(linear: np.ndarray) -> np.ndarray:
    lms = np.cbrt(_times(_LINEAR_TO_LMS, linear))
    return _times(_LMS_TO_LAB, lms)


def oklab_to_linear(lab: np.ndarray) -> np.ndarray:
    """OKLab → linear sRGB, unclipped: a channel outside 0–1 means the colour is out of sRGB's gamut."""
    lms = _times(_LAB_TO_LMS, np.asarray(lab, np.float32))
    return _times(_LMS_TO_LINEAR, lms * lms * lms)


_ENCODE_LEVELS = 16384
"""Linear levels of the sRGB encoding table: a step of 1/16383 is under half an 8-bit level even in the darks."""


def _encode_table() -> np.ndarray:
    linear = np.arange(_ENCODE_LEVELS, dtype=np.float64) / (_ENCODE_LEVELS - 1)
    encoded = np.where(linear <= 0.0031308, 12.92 * linear, 1.055 * np.power(linear, 1 / 2.4) - 0.055)
    return np.clip(encoded * 255.0 + 0.5, 0, 255).astype(np.uint8)


_LINEAR_TO_SRGB = _encode_table()


def linear_to_srgb(linear: np.ndarray) -> np.ndarray:
    """Linear sRGB → uint8 sRGB (a table look-up); the channels are clipped only against float rounding."""
    index = (np.clip(linear, 0.0, 1.0) * (_ENCODE_LEVELS - 1) + 0.5).astype(np.int32)
    return _LINEAR_TO_SRGB[index]


def in_gamut(lab: np.ndarray) -> np.ndarray:
    """Which OKLab colours sRGB can show (…,) bool."""
    return _fits(oklab_to_linear(lab))


def _fits(linear: np.ndarray) -> np.ndarray:
    return ((linear >= -GAMUT_TOLERANCE) & (linear <= 1 + GAMUT_TOLERANCE)).all(axis=-1)


def into_gamut(lab: np.ndarray) -> np.ndarray:
    """Each colour sRGB cannot show, brought in by lowering its chroma at its own lightness and hue.

    Clipping the channels instead moves the hue (a light blue clipped loses red last and turns
    violet); here the hue and lightness stay and only the chroma gives way, to the most that fits
    (read from `_chroma_table`, then halved towards it where the table's interpolation overshoots).
    Lightness is first held to 0–1, where grey (chroma 0) always fits."""
    return _mapped(lab)[0]


def oklab_to_srgb(lab: np.ndarray) -> np.ndarray:
    """OKLab → uint8 sRGB, out-of-gamut colours mapped in by chroma (`into_gamut`), never by channel clipping."""
    return linear_to_srgb(_mapped(lab)[1])


def _mapped(lab: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`into_gamut` and its linear sRGB, each colour converted once (twice where its chroma had to give way)."""
    lab = np.array(lab, np.float32, copy=True)
    lab[..., 0] = np.clip(lab[..., 0], 0.0, 1.0)
    linear = oklab_to_linear(lab)
    outside = ~_fits(linear)
    if not outside.any():
        return lab, linear
    colours = lab[outside]
    lightness, chroma, hue = to_lch(colours)
    reach = TABLE_MARGIN * _table_chroma(lightness, hue)
    scale = np.minimum(1.0, reach / np.maximum(chroma, 1e-9)).astype(np.float32)
    colours[:, 1:] *= scale[:, None]
    still = ~in_gamut(colours)
    if still.any():
        colours[still] = _bisect_chroma(colours[still])
    lab[outside] = colours
    linear[outside] = oklab_to_linear(colours)
    return lab, linear


def _bisect_chroma(colours: np.ndarray) -> np.ndarray:
    """(N, 3) colours outside sRGB with lightness in 0–1 → the most of their chroma that fits, to 2⁻¹⁶."""
    low = np.zeros(len(colours), np.float32)   # a chroma scale that fits
    high = np.ones(len(colours), np.float32)   # one that does not
    for _ in range(_GAMUT_STEPS):
        middle = (low + high) / 2
        trial = colours.copy()
        trial[:, 1:] *= middle[:, None]
        fits = in_gamut(trial)
        low = np.where(fits, middle, low)
        high = np.where(fits, high, middle)
    colours = colours.copy()
    colours[:, 1:] *= low[:, None]
    return colours


TABLE_MARGIN = 0.998
"""The share of the table's chroma a colour is brought to: between the table's points the most that fits can dip
under the interpolation (at 1.0, 4 in 10 of a recoloured photo's mapped colours overshot and needed halving; at
0.998 none did), and 0.2 % of a chroma is far below what an eye or an 8-bit level tells apart."""
_TABLE_LEVELS, _TABLE_HUES = 257, 361
"""The chroma table's grid: lightness in steps of 1/256, hue in steps of 1°."""


@lru_cache(maxsize=1)
def _chroma_table() -> np.ndarray:
    """The most chroma sRGB holds, per lightness (rows, 0–1) and hue (columns, −π–π): built once, ~0.1 s of CPU,
    so that bringing a megapixel into gamut is a table look-up rather than sixteen conversions of each colour."""
    lightness, hue = np.meshgrid(np.linspace(0, 1, _TABLE_LEVELS, dtype=np.float32),
                                 np.linspace(-np.pi, np.pi, _TABLE_HUES, dtype=np.float32), indexing="ij")
    probe = np.stack([lightness, 0.5 * np.cos(hue), 0.5 * np.sin(hue)], axis=-1).reshape(-1, 3)
    fitted = _bisect_chroma(probe)  # chroma 0.5 lies outside sRGB at every lightness
    return np.hypot(fitted[:, 1], fitted[:, 2]).reshape(_TABLE_LEVELS, _TABLE_HUES)


def _table_chroma(lightness: np.ndarray, hue: np.ndarray) -> np.ndarray:
    """`_chroma_table` read between its points (bilinear): near the most chroma that fits, a little over or under."""
    table = _chroma_table()
    row = np.clip(lightness, 0, 1) * (_TABLE_LEVELS - 1)
    column = (hue + np.pi) / (2 * np.pi) * (_TABLE_HUES - 1)
    r0 = np.clip(np.floor(row).astype(np.int32), 0, _TABLE_LEVELS - 2)
    c0 = np.clip(np.floor(column).astype(np.int32), 0, _TABLE_HUES - 2)
    dr, dc = row - r0, column - c0
    return ((table[r0, c0] * (1 - dc) + table[r0, c0 + 1] * dc) * (1 - dr)
            + (table[r0 + 1, c0] * (1 - dc) + table[r0 + 1, c0 + 1] * dc) * dr)


def most_chroma(lightness: np.ndarray | float, hue: float) -> np.ndarray:
    """The most chroma sRGB holds at each lightness for the hue (radians): where a colour of that hue can go."""
    lightness = np.atleast_1d(np.asarray(lightness, np.float32))
    probe = np.zeros(lightness.shape + (3,), np.float32)
    probe[..., 0] = lightness
    probe[..., 1] = 0.5 * np.cos(hue)  # chroma 0.5 lies outside sRGB at every lightness
    probe[..., 2] = 0.5 * np.sin(hue)
    fitted = _bisect_chroma(probe.reshape(-1, 3)).reshape(probe.shape)
    return np.hypot(fitted[..., 1], fitted[..., 2])


def to_lch(lab: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """OKLab → (lightness, chroma, hue in radians)."""
    return lab[..., 0], np.hypot(lab[..., 1], lab[..., 2]), np.arctan2(lab[..., 2], lab[..., 1])
