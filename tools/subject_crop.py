"""A crop with no shape said ("crop it better", "a tighter crop"): in around the photo's main subject, at the
photo's own shape, never through the subject — or no crop at all, said, when nothing stands out.

What the subject is, without a model of "subject": the people the finder sees (given by the caller), and
`tools.subject`'s estimate (GrabCut seeded the way photos are framed, the stand-in outpainting uses). Neither is a
full outline — GrabCut keeps a cat's eyes and loses its ears, misses a man's head against a pale sky — so the crop
holds every cue at once: the people, the estimate and, without people, the box that holds most of the picture's
spectral-residual saliency (OpenCV contrib, Hou & Zhang 2007). A crop that holds all three rarely cuts anything that
matters; a photo where they disagree ends up hardly cropped, and then it is not cropped at all (`NOTHING_TO_GAIN`).
The estimate decides whether anything stands out: a landscape, a texture, a flat scene give it nothing (or a thin
band along the horizon), and the picture is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from retouch.tools.regions import Box, clamp_box, union_box

MARGIN = 0.15
"""The subject's box grows by this share of its own width and height on each side before the crop is fitted: room
around it, so the crop doesn't end at its very edge."""
MIN_SUBJECT_SIDE = 0.1
"""A subject estimate narrower or lower than this share of the picture's side is no subject — a band along the
horizon, a stray patch."""
PEOPLE_SHARE = 0.4
"""People count as the subject when at least this share of the tallest person's height: not a passer-by far
behind."""
NOTHING_TO_GAIN = 0.85
"""A crop that would keep this share of the picture's area or more is not made: the subject already fills the
frame."""
SALIENT_MASS = (0.05, 0.95)
"""The saliency box runs between these quantiles of the saliency above its median, along each axis."""
SALIENCY_SIDE = 256
"""Saliency is measured on a copy this wide (its scale: the whole subject, not its texture)."""
NAMED_SHAPES = {Fraction(1, 1): "1:1", Fraction(4, 3): "4:3", Fraction(3, 2): "3:2", Fraction(16, 9): "16:9",
                Fraction(5, 4): "5:4", Fraction(2, 1): "2:1", Fraction(3, 4): "3:4", Fraction(2, 3): "2:3",
                Fraction(9, 16): "9:16", Fraction(4, 5): "4:5", Fraction(1, 2): "1:2"}
"""The shapes a reply names by their ratio; a photo within SHAPE_CLOSE of one is said to have it."""
SHAPE_CLOSE = 0.01


@dataclass(frozen=True)
class SubjectCrop:
    """Where to crop ('box', None: nowhere) and the sentence that says what was done."""

    box: Box | None
    sentence: str


def subject_crop(rgb: np.ndarray, people: Sequence[Box] = (), aspect: float | None = None,
                 aspect_name: str | None = None) -> SubjectCrop:
    """The crop around the main subject of `rgb` (H, W, 3) at `aspect` (width/height; None: the photo's own), with
    `people` the boxes of the people a finder saw in it."""
    height, width = rgb.shape[:2]
    ratio = aspect if aspect is not None else width / height
    shape = aspect_name or shape_name(width, height)
    subject = subject_box(rgb, people)
    if subject is None:
        return SubjectCrop(None, "No subject stands out from the rest of the picture, so I cropped nothing; say a "
                                 "shape (\"crop it to 4:5\") or a side (\"crop the left 10%\") to crop it.")
    from retouch.tools.geometry import aspect_box_around, smallest_aspect_box_around

    box = smallest_aspect_box_around((width, height), ratio, with_margin(subject, (width, height)))
    box = box or aspect_box_around((width, height), ratio, subject)     # no room for the margin: as much as fits
    if box is None:
        return SubjectCrop(None, f"No {shape} crop holds the whole subject, so I cropped nothing; say \"extend it "
                                 f"to {shape}\" to grow the canvas to that shape instead.")
    kept = (box[2] - box[0]) * (box[3] - box[1]) / (width * height)
    if kept >= NOTHING_TO_GAIN and aspect is None:
        return SubjectCrop(None, "The subject already fills the frame, so I cropped nothing; say a shape (\"crop it "
                                 "to 4:5\") or a side (\"crop the left 10%\") to crop it anyway.")
    return SubjectCrop(box, f"Cropped to the main subject, keeping {shape} ({kept:.0%} of the picture); say a shape "
                            "or a side to crop differently.")


def subject_box(rgb: np.ndarray, people: Sequence[Box] = ()) -> Box | None:
    """The box that holds everything the cues take for the subject; None when nothing stands out (no people, and
    `tools.subject`'s estimate finds none or only a sliver)."""
    from retouch.tools.masks import bounding_box
    from retouch.tools.subject import estimate_subject

    height, width = rgb.shape[:2]
    estimate = bounding_box(estimate_subject(rgb, grow=0.0, drop=0.0).mask)
    if estimate is not None and (estimate[2] - estimate[0] < MIN_SUBJECT_SIDE * width
                                 or estimate[3] - estimate[1] < MIN_SUBJECT_SIDE * height):
        estimate = None
    tallest = max((box[3] - box[1] for box in people), default=0)
    standing = [box for box in people if box[3] - box[1] >= PEOPLE_SHARE * tallest]
    if standing:
        return union_box(*standing, *([estimate] if estimate else []))
    if estimate is None:
        return None
    return union_box(estimate, salient_box(rgb))


def salient_box(rgb: np.ndarray) -> Box:
    """The box holding most of the picture's spectral-residual saliency above its median (`SALIENT_MASS`)."""
    import cv2

    height, width = rgb.shape[:2]
    scale = min(1.0, SALIENCY_SIDE / width)
    small_size = (max(8, round(width * scale)), max(8, round(height * scale)))
    small = cv2.resize(np.ascontiguousarray(rgb[..., :3]), small_size, interpolation=cv2.INTER_AREA)
    found, saliency = cv2.saliency.StaticSaliencySpectralResidual_create().computeSaliency(
        cv2.cvtColor(small, cv2.COLOR_RGB2BGR))
    saliency = cv2.GaussianBlur(np.asarray(saliency, np.float32), (0, 0), 3)
    above = np.maximum(saliency - np.median(saliency), 0)
    if not found or above.sum() <= 0:
        return 0, 0, width, height
    low, high = SALIENT_MASS
    columns, rows = np.cumsum(above.sum(0)) / above.sum(), np.cumsum(above.sum(1)) / above.sum()
    fx, fy = width / small.shape[1], height / small.shape[0]
    return (int(np.searchsorted(columns, low) * fx), int(np.searchsorted(rows, low) * fy),
            min(width, round((np.searchsorted(columns, high) + 1) * fx)),
            min(height, round((np.searchsorted(rows, high) + 1) * fy)))


def with_margin(box: Box, size: tuple[int, int]) -> Box:
    """`box` grown by MARGIN of its own sides, inside the picture."""
    dx, dy = round((box[2] - box[0]) * MARGIN), round((box[3] - box[1]) * MARGIN)
    return clamp_box((box[0] - dx, box[1] - dy, box[2] + dx, box[3] + dy), size)


def shape_name(width: int, height: int) -> str:
    """'3:2' for a 3000×2000 photo (a named shape within SHAPE_CLOSE), else its size ('451×300')."""
    ratio = width / height
    for shape, name in NAMED_SHAPES.items():
        if abs(ratio / float(shape) - 1) <= SHAPE_CLOSE:
            return name
    return f"its shape ({width}×{height})"
