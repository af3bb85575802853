"""Noise, blur and local contrast: measured on full-resolution crops, corrected edge-preservingly.

- Noise σ: Immerkær's fast estimator (one 3×3 kernel that cancels image structure up to second
  order, then the mean absolute response), on the flattest blocks of the photo's crops, separately
  for luma and colour. scikit-image's
  `estimate_sigma` needs PyWavelets, which Retouch does not depend on, and is ~20× slower.
- Denoise: OpenCV's non-local means on luma and on colour (YCrCb), each strength taken from its
  measured σ.
- Blur: the blur effect of Crété-Roffet et al. (2007): how much a further blur changes the picture's
  gradients — the measure scikit-image's `blur_effect` computes, here in OpenCV (same numbers, a
  fraction of the time, and no scikit-image import on the command's path).
- Sharpen: unsharp masking with a halo clamp — no pixel may overshoot the range of its 3×3
  neighbourhood by more than a few levels, which is what makes plain unsharp masking ring. It
  restores softness and slight focus blur; real motion blur needs deconvolution with a known path,
  which this is not.
- Local contrast: CLAHE on L*, blended in partly, so mid-scale detail gains without a tone shift.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

_IMMERKAER = np.array([[1, -2, 1], [-2, 4, -2], [1, -2, 1]], np.float32)


def crops(rgb8: np.ndarray, side: int, count: int = 5) -> list[np.ndarray]:
    """Up to `count` full-resolution crops (centre and the four quarter centres) of at most side²."""
    height, width = rgb8.shape[:2]
    half = side // 2
    spots = [(width // 2, height // 2), (width // 4, height // 4), (3 * width // 4, height // 4),
             (width // 4, 3 * height // 4), (3 * width // 4, 3 * height // 4)][:count]
    out = []
    for cx, cy in spots:
        x0, y0 = max(0, cx - half), max(0, cy - half)
        out.append(rgb8[y0:y0 + side, x0:x0 + side])
    return out


CLIPPED_BLOCK = 0.05
"""A block with more than this share of its pixels at 0 or 255 is left out of the noise estimate: clipping
cuts the noise off (black bars, blown skies read as noise-free)."""


@dataclass(frozen=True)
class Noise:
    """Estimated σ of the noise (0…255 units) in luma and in colour (Y and Cr/Cb of 8-bit YCrCb, the channels
    `denoise` filters). Sensor grain after a camera's processing is mostly in luma; a photo with little colour
    noise keeps its colour detail."""

    luma: float
    chroma: float


def noise_sigma(rgb8: np.ndarray, side: int) -> Noise:
    """The median over crops of Immerkær's estimate on the flattest half (by lightness) of each crop's
    unclipped 16×16 blocks — edges and texture would read as noise."""
    lumas, chromas = [], []
    for crop in crops(rgb8, side):
        ycc = cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2YCrCb)
        if min(ycc.shape[:2]) < 24:
            continue
        h, w = ((size - 2) // 16 * 16 for size in ycc.shape[:2])
        clipped = (ycc[..., 0] == 0) | (ycc[..., 0] == 255)
        unclipped = _blocks(clipped[1:-1, 1:-1].astype(np.float32), h, w) <= CLIPPED_BLOCK
        light = _blocks(_immerkaer(ycc[..., 0]), h, w)[unclipped]
        if not len(light):
            continue
        flat = np.argsort(light)[: max(1, len(light) // 2)]
        lumas.append(_SCALE * float(light[flat].mean()))
        chromas.append(_SCALE * float(np.mean([_blocks(_immerkaer(ycc[..., i]), h, w)[unclipped][flat].mean()
                                                for i in (1, 2)])))
    if not lumas:
        return Noise(0.0, 0.0)
    return Noise(float(np.median(lumas)), float(np.median(chromas)))


_SCALE = float(np.sqrt(np.pi / 2) / 6.0)
"""Immerkær's factor from the mean absolute filter response to σ."""


def _immerkaer(channel: np.ndarray) -> np.ndarray:
    response = cv2.filter2D(channel.astype(np.float32), -1, _IMMERKAER, borderType=cv2.BORDER_REFLECT)
    return np.abs(response)[1:-1, 1:-1]


def _blocks(values: np.ndarray, h: int, w: int) -> np.ndarray:
    """Means of the 16×16 blocks of the top-left h×w of `values`, flattened."""
    return values[:h, :w].reshape(h // 16, 16, w // 16, 16).mean(axis=(1, 3)).ravel()


def blur_measure(rgb8: np.ndarray, side: int) -> float:
    """The blur effect (0 sharp … 1 blurred), the median over full-resolution crops."""
    values = []
    for crop in crops(rgb8, side, count=3):
        grey = cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2GRAY)
        if min(grey.shape) >= 32 and float(grey.std()) >= 1.0:      # a flat crop has no sharpness to measure
            values.append(blur_effect(grey))
    return float(np.median(values)) if values else 0.0


def blur_effect(grey8: np.ndarray, window: int = 11) -> float:
    """Crété-Roffet's no-reference blur measure: blur the picture along one axis with a `window`-long box
    and see how much of its gradient (Sobel, along that axis) survives; a sharp picture loses much, a
    blurred one little. The larger of the two axes, 0…1; the border rows are left out."""
    image = grey8.astype(np.float32) / 255.0
    effects = []
    for dx, dy, box in ((0, 1, (1, window)), (1, 0, (window, 1))):
        soft = cv2.blur(image, box, borderType=cv2.BORDER_REFLECT)
        sharp_gradient = np.abs(cv2.Sobel(image, cv2.CV_32F, dx, dy, ksize=3, borderType=cv2.BORDER_REFLECT))
        soft_gradient = np.abs(cv2.Sobel(soft, cv2.CV_32F, dx, dy, ksize=3, borderType=cv2.BORDER_REFLECT))
        sharp_gradient, soft_gradient = sharp_gradient[2:-1, 2:-1], soft_gradient[2:-1, 2:-1]
        total = float(np.maximum(sharp_gradient, 1e-10).sum())
        lost = float(np.maximum(sharp_gradient - soft_gradient, 0.0).sum())
        effects.append(abs(total - lost) / total)
    return max(effects)


def denoise(rgb8: np.ndarray, noise: Noise, *, h_per_sigma: float, h_color_per_sigma: float) -> np.ndarray:
    """Non-local means on luma and on colour (Cr, Cb together), each with its filter strength from its
    measured σ (edges and texture stay). Not `fastNlMeansDenoisingColored`: it filters in 8-bit Lab, and that
    round trip alone moves colours (blue down by 1.5 levels on average on the coffee photo) and costs about
    3 dB at σ 10–25 on the benchmark's photos; YCrCb goes there and back almost exactly."""
    h = max(1.0, h_per_sigma * noise.luma)
    h_color = max(1.0, h_color_per_sigma * noise.chroma)
    ycc = cv2.cvtColor(np.ascontiguousarray(rgb8), cv2.COLOR_RGB2YCrCb)
    window = 21 if rgb8.shape[0] * rgb8.shape[1] <= 4_000_000 else 13     # big photos: a smaller search
    luma = cv2.fastNlMeansDenoising(np.ascontiguousarray(ycc[..., 0]), None, h, 7, window)
    chroma = cv2.fastNlMeansDenoising(np.ascontiguousarray(ycc[..., 1:]), None, h_color, 7, window)
    return cv2.cvtColor(np.dstack([luma, chroma]), cv2.COLOR_YCrCb2RGB)


def sharpen(rgb8: np.ndarray, amount: float, radius: float, halo: float) -> np.ndarray:
    """Unsharp mask on luminance only (no colour fringes), clamped to each pixel's 3×3 range ± `halo`."""
    ycc = cv2.cvtColor(np.ascontiguousarray(rgb8), cv2.COLOR_RGB2YCrCb)
    luma = np.ascontiguousarray(ycc[..., 0])
    soft = cv2.GaussianBlur(luma, (0, 0), radius)
    sharp = cv2.addWeighted(luma, 1.0 + amount, soft, -amount, 0)             # saturating uint8, in OpenCV
    kernel = np.ones((3, 3), np.uint8)
    allowance = int(round(halo))
    top = cv2.add(cv2.dilate(luma, kernel), allowance)
    bottom = cv2.subtract(cv2.erode(luma, kernel), allowance)
    ycc[..., 0] = cv2.max(cv2.min(sharp, top), bottom)
    return cv2.cvtColor(ycc, cv2.COLOR_YCrCb2RGB)


def local_detail(rgb8_small: np.ndarray, keep: np.ndarray | None = None) -> float:
    """Mean absolute difference between L* and a blur of it at 2 % of the picture's size (0…1):
    how much mid-scale contrast the photo has."""
    lab = cv2.cvtColor(rgb8_small, cv2.COLOR_RGB2Lab)
    light = lab[..., 0].astype(np.float32) / 255.0
    base = cv2.GaussianBlur(light, (0, 0), max(2.0, 0.02 * max(light.shape)))
    detail = np.abs(light - base)
    return float((detail if keep is None else detail[keep]).mean())


def local_contrast(rgb8: np.ndarray, mix: float, clip: float) -> np.ndarray:
    """CLAHE on L* (tiles of about 1/8 of the picture), blended in by `mix`; colour is untouched."""
    lab = cv2.cvtColor(np.ascontiguousarray(rgb8), cv2.COLOR_RGB2Lab)
    light = lab[..., 0]
    equalised = cv2.createCLAHE(clipLimit=clip, tileGridSize=(8, 8)).apply(light)
    lab[..., 0] = cv2.addWeighted(light, 1.0 - mix, equalised, mix, 0)
    return cv2.cvtColor(lab, cv2.COLOR_Lab2RGB)
