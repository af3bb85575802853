"""Noise, blur and local contrast: measured on full-resolution crops, corrected edge-preservingly.

- Noise σ: Immerkær's fast estimator (one 3×3 kernel that cancels image structure up to second
  order, then the mean absolute response), on the flattest crops of the photo. scikit-image's
  `estimate_sigma` needs PyWavelets, which Retouch does not depend on, and is ~20× slower.
- Denoise: OpenCV's non-local means on colour (luminance and chroma filtered separately), its
  strength taken from the measured σ.
- Blur: scikit-image's `blur_effect` (Crété-Roffet: how much a further blur changes the picture).
- Sharpen: unsharp masking with a halo clamp — no pixel may overshoot the range of its 3×3
  neighbourhood by more than a few levels, which is what makes plain unsharp masking ring. It
  restores softness and slight focus blur; real motion blur needs deconvolution with a known path,
  which this is not.
- Local contrast: CLAHE on L*, blended in partly, so mid-scale detail gains without a tone shift.
"""

from __future__ import annotations

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


def noise_sigma(rgb8: np.ndarray, side: int) -> float:
    """Estimated σ of additive noise, in 0…255 units: the median over crops of Immerkær's estimate on
    the flattest half of each crop's 16×16 blocks (edges and texture would read as noise)."""
    estimates = []
    for crop in crops(rgb8, side):
        grey = cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2GRAY).astype(np.float32)
        if min(grey.shape) < 24:
            continue
        response = np.abs(cv2.filter2D(grey, -1, _IMMERKAER, borderType=cv2.BORDER_REFLECT))[1:-1, 1:-1]
        h, w = (s // 16 * 16 for s in response.shape)
        blocks = response[:h, :w].reshape(h // 16, 16, w // 16, 16).mean(axis=(1, 3)).ravel()
        flat = np.sort(blocks)[: max(1, len(blocks) // 2)]
        estimates.append(float(np.sqrt(np.pi / 2) / 6.0 * flat.mean()))
    return float(np.median(estimates)) if estimates else 0.0


def blur_measure(rgb8: np.ndarray, side: int) -> float:
    """scikit-image's blur effect (0 sharp … 1 blurred), the median over full-resolution crops."""
    from skimage.measure import blur_effect

    values = []
    for crop in crops(rgb8, side, count=3):
        grey = cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2GRAY)
        if min(grey.shape) >= 32:
            values.append(float(blur_effect(grey)))
    return float(np.median(values)) if values else 0.0


def denoise(rgb8: np.ndarray, sigma: float, *, h_per_sigma: float, h_color_per_sigma: float) -> np.ndarray:
    """Non-local means with its filter strength from the measured σ (edges and texture stay)."""
    h = max(1.0, h_per_sigma * sigma)
    h_color = max(1.0, h_color_per_sigma * sigma)
    bgr = cv2.cvtColor(np.ascontiguousarray(rgb8), cv2.COLOR_RGB2BGR)
    window = 21 if rgb8.shape[0] * rgb8.shape[1] <= 4_000_000 else 13     # big photos: a smaller search
    out = cv2.fastNlMeansDenoisingColored(bgr, None, h, h_color, 7, window)
    return cv2.cvtColor(out, cv2.COLOR_BGR2RGB)


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
