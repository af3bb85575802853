"""The in-focus thing a click lands on, in a photo with a shallow depth of field.

A pet portrait fills its frame against a blurred ground, often of its own colours: the red cat of
`tests/data/cat.png` sits in red bokeh and black, and the frame cuts it off on two sides. The click
outline (`tools.point_select`) learns the background from the picture's frame and from everything
outside the click's window — here, mostly the cat's own fur — so a click on its flank selected
nothing and a click on its chest a patch of the chest (the removal left 100 % and 80 % of the cat).
Colour can't tell this animal from its ground; focus can. In such a photo the thing is sharp and
the ground is not, so the fine detail (a Laplacian's magnitude, pooled) splits them.

`in_focus_thing` answers only for a photo that is shallow by that measure (`FOCUS_LOW_SHARE` of it
almost without detail) and only when the click lands on the sharp side, and returns GrabCut's cut
seeded by the split — the sharp side probable foreground, the rest probable background, the click a
sure spot — so colour still draws the edge. On the red cat (the truth drawn by hand,
`benchmarks/leftover_cases.py`) both clicks give IoU 0.95. Photos with detail everywhere (the dog on
its bench, the rabbits on grass, gravel, paving: 12–16 % of them under the level) are left to the
click's own outline.

cv2 is imported on first use.
"""

from __future__ import annotations

import numpy as np

from retouch.tools.gestures import Point

FOCUS_DETAIL_BLUR = 0.8
"""σ (px of the working image) of the blur before the Laplacian: sensor noise is not detail."""
FOCUS_POOL = 6.0
"""σ (px of the 256 px working image) over which the detail is pooled into a focus map: a cat's fur
is sharp in strokes, with smooth gaps between them, and one stroke's gap is not the ground."""
FOCUS_LOW_LEVEL = 0.1
"""A pixel is almost without detail under this share of the focus map's 99th percentile."""
FOCUS_LOW_SHARE = 0.3
"""A photo is shallow when at least this share of it is almost without detail: the red cat 0.42;
the dog on its bench 0.16, the rabbit on the lawn 0.12 (their grounds are as sharp as they are)."""
FOCUS_OWN = 0.5
"""The click is on the in-focus thing when at least this share of the cut's part under it was
seeded sharp: a click on the blurred ground keeps the click's own outline."""
FOCUS_MOST = 0.9
"""A cut that takes more than this share of the picture found no thing apart from a ground."""
FOCUS_ITERATIONS = 4


def focus_map(bgr: np.ndarray) -> np.ndarray:
    """Fine detail per pixel (float32, the image's size): the Laplacian's magnitude, pooled."""
    import cv2

    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY).astype(np.float32) / 255.0
    detail = np.abs(cv2.Laplacian(cv2.GaussianBlur(grey, (0, 0), FOCUS_DETAIL_BLUR), cv2.CV_32F))
    return cv2.GaussianBlur(detail, (0, 0), FOCUS_POOL)


def sharp_side(focus: np.ndarray) -> np.ndarray | None:
    """The sharp part of a shallow photo (bool), or None when the photo is not shallow.

    The split is Otsu's on the log of the focus map: detail spans orders of magnitude between a
    blurred ground and fur, and on the log the two form two humps."""
    import cv2

    reference = float(np.quantile(focus, 0.99))
    if reference <= 0.0 or float((focus < FOCUS_LOW_LEVEL * reference).mean()) < FOCUS_LOW_SHARE:
        return None
    log = np.log(focus + reference * 1e-3)
    scaled = cv2.normalize(log, None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    threshold, _ = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return scaled > threshold


def in_focus_thing(bgr: np.ndarray, click: Point, spot: int,
                   away: list[Point] | tuple[Point, ...] = ()) -> np.ndarray | None:
    """The in-focus thing under `click` (bool, the image's size), or None when the photo is not
    shallow or the click is not on its sharp side. `spot`: the radius of the click's sure spot;
    `away`: points taken away, sure background."""
    import cv2

    sharp = sharp_side(focus_map(bgr))
    if sharp is None:
        return None
    seeds = np.where(sharp, cv2.GC_PR_FGD, cv2.GC_PR_BGD).astype(np.uint8)
    for point in away:
        cv2.circle(seeds, point, spot, int(cv2.GC_BGD), -1)
    cv2.circle(seeds, click, spot, int(cv2.GC_FGD), -1)
    background, foreground = np.zeros((1, 65)), np.zeros((1, 65))
    cv2.setRNGSeed(0)  # GrabCut's colour models start from k-means: same click, same mask
    cv2.grabCut(bgr, seeds, None, background, foreground, FOCUS_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    cut = ((seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)).astype(np.uint8)
    _, labels = cv2.connectedComponents(cut, connectivity=8)
    part = labels == labels[click[1], click[0]]
    if float(part.mean()) > FOCUS_MOST or float(sharp[part].mean()) < FOCUS_OWN:
        return None
    return part
