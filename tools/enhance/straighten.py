"""How far a photo is tilted, from its dominant near-level and near-plumb lines.

OpenCV's line segment detector (LSD) finds straight segments on a reduced grey copy; each segment
within `max_tilt` of level or plumb votes with its length for its deviation, and the votes are
smoothed into a histogram. The peak is the tilt when enough line length agrees with it — a horizon,
a table edge, a door frame — otherwise there is no reliable line and the caller asks for degrees
instead of guessing (fur, foliage and faces have no straight lines to trust).

Sign: a positive tilt means the content is turned clockwise, so it is straightened by turning it
counter-clockwise by that much.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

ANALYSIS_SIDE = 1024
"""Lines are found on a copy this long: a segment across it pins the angle to about 0.05°."""
MIN_SEGMENT = 0.04
"""Segments shorter than this share of the long side are texture, not lines."""


@dataclass(frozen=True)
class Tilt:
    degrees: float
    """Clockwise tilt of the content (0 when level); meaningful only when `reliable`."""
    reliable: bool
    support: float
    """Length of the lines that agree with it, as a share of the image's long side."""
    agreement: float
    """Share of all near-level/plumb line length that agrees with it."""
    lines: int

    def record(self) -> dict:
        return {"degrees": round(self.degrees, 3), "reliable": self.reliable, "support": round(self.support, 3),
                "agreement": round(self.agreement, 3), "lines": self.lines}


def find_tilt(rgb8: np.ndarray, *, max_tilt: float, min_support: float, min_agreement: float) -> Tilt:
    grey = cv2.cvtColor(np.ascontiguousarray(rgb8), cv2.COLOR_RGB2GRAY)
    scale = min(1.0, ANALYSIS_SIDE / max(grey.shape))
    if scale < 1.0:
        grey = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    side = max(grey.shape)
    found = cv2.createLineSegmentDetector(cv2.LSD_REFINE_STD).detect(grey)[0]
    if found is None:
        return Tilt(0.0, False, 0.0, 0.0, 0)
    x1, y1, x2, y2 = found.reshape(-1, 4).T.astype(np.float64)
    length = np.hypot(x2 - x1, y2 - y1)
    angle = np.degrees(np.arctan2(y2 - y1, x2 - x1))
    angle = (angle + 90.0) % 180.0 - 90.0                       # direction-free: (-90, 90]
    plumb = np.abs(angle) > 45.0
    deviation = np.where(plumb, angle - np.sign(angle) * 90.0, angle)
    keep = (np.abs(deviation) <= max_tilt) & (length >= MIN_SEGMENT * side)
    if not keep.any():
        return Tilt(0.0, False, 0.0, 0.0, 0)
    deviation, length, plumb = deviation[keep], length[keep], plumb[keep]
    weight = length * np.where(plumb, 0.7, 1.0)                  # verticals lean with perspective
    grid = np.arange(-max_tilt, max_tilt + 1e-9, 0.05)
    votes = (weight[None, :] * np.exp(-0.5 * ((grid[:, None] - deviation[None, :]) / 0.25) ** 2)).sum(axis=1)
    peak = grid[int(np.argmax(votes))]
    near = np.abs(deviation - peak) <= 0.5
    degrees = float(np.average(deviation[near], weights=weight[near]))
    support = float(length[near].sum() / side)
    agreement = float(weight[near].sum() / weight.sum())
    reliable = support >= min_support and agreement >= min_agreement
    return Tilt(degrees, reliable, support, agreement, int(near.sum()))
