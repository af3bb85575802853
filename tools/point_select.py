"""A point → the thing under it: click to pick in the chat, `--point X,Y` on the command line.

Nobody has to name what they point at, and no weights are needed. Three ways, tried in order:

1. **A found instance** — the finder already knows whole things (a person, a face); the smallest
   one whose mask holds the point is what the pointer is on (a click on a face is the face, on the
   shirt the person).
2. **A SAM point prompt** — when the finder can segment from a point (grounded-sam's SAM), its
   mask for the point, if it holds the point.
3. **GrabCut seeded by the point** (OpenCV, no weights) — a probable-foreground window around the
   point, the image border as sure background; the connected part under the point is kept and its
   holes filled. On the bundled dog photo a click on the chest outlines the dog's body (IoU ≈ 0.67
   with the hand mask; the tail below the bench is a separate region).

cv2 is imported on first use: the chat imports this module on its start path.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import numpy as np
from PIL import Image

from retouch.tools.errors import NothingFound, RetouchError

Mask = np.ndarray
"""uint8, 0/255, image-sized (as `tools.masks.Mask`; that module imports cv2, so it is imported late)."""
Point = tuple[int, int]

INSTANCE_LABELS = ("face", "person")
"""What a finder is asked for around a click: whole things it can outline by itself."""

GRABCUT_SIDE = 256
"""GrabCut works on the image scaled to this longest side (≈0.4 s on one core; larger was no
better on the dog: IoU 0.61 at 384 against 0.65 at 256 over 24 clicks on its body)."""
GRABCUT_WINDOW = 0.15
"""Side of the probable-foreground square around the click, as a share of the image's shorter
side. Measured over 24 clicks on the dog's body: 0.10 → mean IoU 0.39, 0.15 → 0.65 (22 of 24
clicks ≥ 0.6), 0.20 → 0.62, 0.30 → 0.56 (the bench joins in), 0.40 → 0.48."""
GRABCUT_BORDER = 0.03
"""Width of the sure-background frame along the image border, as a share of the shorter side."""
GRABCUT_ITERATIONS = 4


@dataclass
class PointPick:
    """What a point selected: the mask, how it was found, and what it is when that is known."""

    mask: Mask
    point: Point
    method: str
    """"instance" (the finder's own find), "sam-point" or "grabcut"."""
    label: str = "thing"
    finder: str = ""
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return {"point": list(self.point), "method": self.method, "label": self.label, "finder": self.finder,
                "seconds": round(self.seconds, 4), **self.details}

    def describe(self) -> str:
        """"the person" / "the thing" with how it was found, for a reply or a CLI line."""
        how = {"instance": f"found by {self.finder}", "sam-point": "SAM point prompt",
               "grabcut": "outlined from the click"}[self.method]
        return f"the {self.label} at ({self.point[0]}, {self.point[1]}) ({how})"


@runtime_checkable
class PointSegmenter(Protocol):
    """A finder that can outline whatever is at a point (SAM's point prompt)."""

    def segment_point(self, image: Image.Image, point: Point) -> tuple[Mask, float]:
        ...


def parse_point(text: str) -> Point:
    """"120,80" (or "120 80", "(120, 80)") → (120, 80): what `--point` accepts."""
    cleaned = text.strip().strip("()[]").replace(",", " ").split()
    if len(cleaned) != 2 or not all(part.lstrip("-").isdigit() and len(part) < 10 for part in cleaned):
        raise RetouchError(f"{text!r} is not a point", "Give it as X,Y in pixels, e.g. --point 120,80.")
    return int(cleaned[0]), int(cleaned[1])


def check_point(point: Point, size: tuple[int, int]) -> Point:
    """The point as ints, or a clear error when it lies outside the image."""
    x, y = int(point[0]), int(point[1])
    width, height = size
    if not (0 <= x < width and 0 <= y < height):
        raise RetouchError(f"the point ({x}, {y}) lies outside the {width}×{height} image",
                           f"X goes from 0 to {width - 1}, Y from 0 to {height - 1}.")
    return x, y


def select_at_point(image: Image.Image, point: Point, finder: Any | None = None) -> PointPick:
    """The thing under `point`: a found instance, else a SAM point mask, else a GrabCut outline."""
    started = time.perf_counter()
    x, y = check_point(point, image.size)
    pick = None
    if finder is not None:
        pick = _instance_at(image, (x, y), finder)
        if pick is None and isinstance(finder, PointSegmenter):
            pick = _sam_at(image, (x, y), finder)
    if pick is None:
        pick = PointPick(mask=grabcut_at(image, (x, y)), point=(x, y), method="grabcut")
    if not pick.mask[y, x]:
        raise NothingFound(f"nothing stands out at ({x}, {y})",
                           "Click nearer the middle of the thing, or describe it in words.")
    pick.seconds = time.perf_counter() - started
    return pick


def _instance_at(image: Image.Image, point: Point, finder: Any) -> PointPick | None:
    """The smallest thing the finder finds by itself whose mask holds the point."""
    from retouch.tools.masks import from_bool
    from retouch.tools.select import candidate_mask

    x, y = point
    best: tuple[int, str, Mask, float] | None = None
    for label in INSTANCE_LABELS:
        for candidate in finder.find(image, label):
            mask = candidate_mask(candidate, image.size)
            if mask[y, x] > 127 and (best is None or candidate.area < best[0]):
                best = (candidate.area, label, mask, candidate.score)
    if best is None:
        return None
    _, label, mask, score = best
    return PointPick(mask=from_bool(mask > 127), point=point, method="instance", label=label,
                     finder=getattr(finder, "name", ""), details={"score": round(float(score), 4)})


def _sam_at(image: Image.Image, point: Point, finder: PointSegmenter) -> PointPick | None:
    """SAM's mask for the point — kept only when it holds the point (else GrabCut gets a go)."""
    from retouch.tools.masks import from_bool

    mask, score = finder.segment_point(image, point)
    mask = np.asarray(mask)
    if mask.shape != (image.height, image.width) or not mask[point[1], point[0]]:
        return None
    return PointPick(mask=from_bool(mask > 127), point=point, method="sam-point",
                     finder=getattr(finder, "name", ""), details={"score": round(float(score), 4)})


def grabcut_at(image: Image.Image, point: Point) -> Mask:
    """GrabCut seeded by one point: the connected region under it, holes filled (uint8 0/255)."""
    import cv2

    from retouch.tools.masks import fill_holes, from_bool

    rgb = np.asarray(image.convert("RGB"))
    height, width = rgb.shape[:2]
    scale = min(1.0, GRABCUT_SIDE / max(width, height))
    small = cv2.resize(rgb, (max(1, round(width * scale)), max(1, round(height * scale))),
                       interpolation=cv2.INTER_AREA) if scale < 1.0 else rgb
    h, w = small.shape[:2]
    x = min(w - 1, int(point[0] * scale))
    y = min(h - 1, int(point[1] * scale))
    seeds = np.full((h, w), cv2.GC_PR_BGD, np.uint8)
    border = max(1, int(GRABCUT_BORDER * min(h, w)))
    seeds[:border, :] = seeds[-border:, :] = cv2.GC_BGD
    seeds[:, :border] = seeds[:, -border:] = cv2.GC_BGD
    radius = max(3, int(GRABCUT_WINDOW * min(h, w) / 2))
    seeds[max(0, y - radius):y + radius, max(0, x - radius):x + radius] = cv2.GC_PR_FGD
    seeds[max(0, y - 1):y + 2, max(0, x - 1):x + 2] = cv2.GC_FGD
    if min(h, w) < 8 or not (seeds == cv2.GC_PR_BGD).any():
        raise RetouchError(f"the {width}×{height} image is too small to outline anything in",
                           "Select by a box or a mask file instead.")
    background, foreground = np.zeros((1, 65)), np.zeros((1, 65))
    cv2.setRNGSeed(0)  # GrabCut's colour models start from k-means: same click, same mask
    cv2.grabCut(cv2.cvtColor(small, cv2.COLOR_RGB2BGR), seeds, None, background, foreground,
                GRABCUT_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    chosen = ((seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)).astype(np.uint8)
    _, labels = cv2.connectedComponents(chosen, connectivity=8)
    under = labels == labels[y, x] if chosen[y, x] else np.zeros((h, w), dtype=bool)
    if scale < 1.0:
        under = cv2.resize(under.astype(np.uint8) * 255, (width, height), interpolation=cv2.INTER_LINEAR) > 127
    return fill_holes(from_bool(under))
