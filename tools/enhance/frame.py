"""Which pixels are the photo: black bars and black surrounds are not.

A letterboxed frame (a film still, a phone video's grab), a pillarboxed scan, the round field of a
microscope or a fundus camera all carry large areas of flat black that the camera never exposed.
Counted as picture they drag the median down (the photo reads as under-exposed and gets lifted),
pin the black point at zero, add their sharp edge to the colour estimate and their flat blocks to
the noise estimate. So every global measurement is taken on the rest.

A bar is found as what it is: whole rows at the top or bottom, or whole columns at the sides, that
are black (the channels' 5×5 medians average at most `BLACK_CODE`, so noise on it does not hide it); a
surround is a black region that reaches all four corners (a round field). Either must cover at least
`MIN_SHARE` of the picture. A black backdrop in the scene — the night sky above a street, a dark
studio wall behind a face — is neither: it is part of the photo and stays in the measurements.
"""

from __future__ import annotations

import cv2
import numpy as np

BLACK_CODE = 10
"""8-bit code (the mean of the channels' 5×5 medians) at or below which a pixel may belong to a bar."""
MIN_SHARE = 0.03
"""Smallest share of the picture a border-touching black region needs to count as a bar or surround."""
FULL_LINE = 0.97
"""Share of a row or column that must be black for it to be part of a bar."""
MARGIN = 3
"""Pixels the excluded region is grown by, so its edge (a step from black to the picture) is excluded too."""
MIN_LEFT = 0.2
"""Bars that would leave less than this share of the picture are not bars: it is a dark photo."""


def picture_mask(rgb8: np.ndarray) -> np.ndarray | None:
    """True where the photo is; None when there are no bars or surround (the whole picture counts),
    or when they would leave too little to measure."""
    height, width = rgb8.shape[:2]
    if min(height, width) < 16:
        return None
    black = cv2.medianBlur(np.ascontiguousarray(rgb8), 5).mean(axis=2) <= BLACK_CODE
    outside = np.zeros((height, width), bool)
    top, bottom, left, right = plain_runs(black)
    outside[:top] = True
    outside[height - bottom:] = True
    outside[:, :left] = True
    outside[:, width - right:] = True
    count, labels = cv2.connectedComponents(black.astype(np.uint8), connectivity=4)
    corners = {labels[0, 0], labels[0, -1], labels[-1, 0], labels[-1, -1]}
    if len(corners) == 1 and 0 not in corners and black[0, 0]:
        outside |= labels == corners.pop()
    if outside.mean() < MIN_SHARE:
        return None
    outside = cv2.dilate(outside.astype(np.uint8), np.ones((2 * MARGIN + 1, 2 * MARGIN + 1), np.uint8)) > 0
    inside = ~outside
    return inside if inside.mean() >= MIN_LEFT else None


def plain_runs(plain: np.ndarray) -> tuple[int, int, int, int]:
    """How many whole rows from the top and bottom, and columns from the left and right, are plain
    (at least `FULL_LINE` of each line True in `plain`): the bars of `picture_mask`, and the border
    `tools.trim` crops away."""
    rows, columns = plain.mean(axis=1) >= FULL_LINE, plain.mean(axis=0) >= FULL_LINE
    return _run(rows), _run(rows[::-1]), _run(columns), _run(columns[::-1])


def _run(lines: np.ndarray) -> int:
    """How many of `lines`, from the first, are all True in a row."""
    return len(lines) if lines.all() else int(np.argmin(lines))
