"""Parts of a face — eyes, irises, eyebrows, lips, the mouth, teeth, the nose — as masks, from the
478 landmarks of MediaPipe's face mesh (the model with attention, which adds the irises and refines
the lips and eyes). Pure geometry over numpy arrays: the embedded finder runs the model on a crop
around each face it found and hands the landmarks, in photo pixels, to `face_parts`.

The mesh's landmarks are anatomical: its "left eye" is the person's own left, whichever side of the
picture it is on, so eyes, irises and eyebrows carry their owner's side as hands do ("her left eye").

Teeth are the *bright, low-saturation* pixels of the mouth opening, not the whole opening: what
people do to teeth is whiten them, and the opening also holds the tongue, the gums and the dark
gaps between the teeth, which a recolour to white would paint over. A mouth shut (no such pixels)
has no teeth to find, and "I couldn't find a tooth" is then the true answer.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

# ---- the mesh's contours (indices into its 478 landmarks, each walked in order round the shape) ----

EYE_OUTLINES = {
    "right": (33, 246, 161, 160, 159, 158, 157, 173, 133, 155, 154, 153, 145, 144, 163, 7),
    "left": (263, 466, 388, 387, 386, 385, 384, 398, 362, 382, 381, 380, 374, 373, 390, 249),
}
"""The rim of each eye's opening (the lids' edges), by the owner's side."""
IRIS_POINTS = {"right": (468, 469, 470, 471, 472), "left": (473, 474, 475, 476, 477)}
"""Each iris: its centre, then four points on its rim (only in the mesh with attention)."""
EYEBROW_OUTLINES = {
    "right": (70, 63, 105, 66, 107, 55, 65, 52, 53, 46),
    "left": (300, 293, 334, 296, 336, 285, 295, 282, 283, 276),
}
"""Each eyebrow: its upper edge from the temple inwards, then its lower edge back out."""
LIPS_OUTER = (61, 185, 40, 39, 37, 0, 267, 269, 270, 409, 291, 375, 321, 405, 314, 17, 84, 181, 91, 146)
"""The outer edge of both lips, from the right corner over the top lip and back under the bottom one."""
LIPS_INNER = (78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308, 324, 318, 402, 317, 14, 87, 178, 88, 95)
"""The inner edge of the lips: the mouth opening, where the teeth show."""
NOSE_POINTS = (168, 6, 197, 195, 5, 4, 1, 19, 94, 2, 97, 98, 64, 48, 115, 220, 45, 326, 327, 294, 278, 344,
               440, 275, 129, 358, 49, 279, 102, 331)
"""Points on the bridge, tip, wings and nostrils; the nose is their convex hull."""
MESH_SIZE = 478


TOOTH_MAX_SATURATION = 0.45
"""A tooth pixel's HSV saturation at most this: teeth are white to ivory; the tongue and gums are red."""
TOOTH_MIN_SHARE = 0.04
"""Teeth are found when the bright, pale pixels are at least this share of the mouth opening (a
shut mouth's opening is a sliver of lip shadow); below that, there are none."""
IRIS_ON_LIDS = 0.15
"""The iris disc is kept inside the eye's opening grown by this share of the iris radius: the lids
hide the top and bottom of it, and the mesh's lid line runs a pixel or two inside the real edge."""


@dataclass
class FacePart:
    """One part of one face: its label, the owner's side (None for the mouth, lips, teeth, nose) and its mask."""

    label: str
    side: str | None
    mask: np.ndarray


def face_parts(points: np.ndarray, rgb: np.ndarray) -> list[FacePart]:
    """Every part of one face. `points`: the mesh's landmarks in photo pixels (478 × 2, x then y);
    `rgb`: the photo (teeth are told apart by their colour). Parts outside the photo come out empty
    and are left out."""
    if points.shape != (MESH_SIZE, 2):
        raise ValueError(f"face_parts needs the {MESH_SIZE} landmarks of the mesh with irises, not {points.shape}")
    shape = rgb.shape[:2]
    parts: list[FacePart] = []
    for side in ("right", "left"):
        eye = polygon_mask(points[list(EYE_OUTLINES[side])], shape)
        parts.append(FacePart("eye", side, eye))
        parts.append(FacePart("iris", side, iris_mask(points[list(IRIS_POINTS[side])], eye, shape)))
        parts.append(FacePart("eyebrow", side, polygon_mask(points[list(EYEBROW_OUTLINES[side])], shape)))
    outer = polygon_mask(points[list(LIPS_OUTER)], shape)
    opening = polygon_mask(points[list(LIPS_INNER)], shape)
    parts.append(FacePart("lip", None, outer & ~opening))
    parts.append(FacePart("mouth", None, outer))
    parts.append(FacePart("tooth", None, teeth_mask(rgb, opening, outer & ~opening)))
    parts.append(FacePart("nose", None, hull_mask(points[list(NOSE_POINTS)], shape)))
    return [part for part in parts if part.mask.any()]


def polygon_mask(outline: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The inside of a closed outline (x, y rows, in order; pixel i spans i to i + 1, as the mesh's
    coordinates do), drawn at 1/16 px so an eye a dozen pixels wide keeps its shape."""
    mask = np.zeros(shape, np.uint8)
    centred = np.asarray(outline, np.float64) - 0.5  # OpenCV puts pixel i's centre at i
    cv2.fillPoly(mask, [np.round(centred * 16).astype(np.int32)], 1,
                 lineType=cv2.LINE_8, shift=4)
    return mask > 0


def hull_mask(points: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The convex hull of `points`, filled."""
    hull = cv2.convexHull(np.asarray(points, np.float32)).reshape(-1, 2)
    return polygon_mask(hull, shape)


def iris_mask(iris: np.ndarray, eye: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """The iris disc (centre and radius from its five landmarks), cut to the eye's opening."""
    center = iris[0]
    radius = float(np.mean(np.hypot(*(iris[1:] - center).T)))
    if radius <= 0:
        return np.zeros(shape, bool)
    disc = np.zeros(shape, np.uint8)
    cv2.circle(disc, tuple(int(round((v - 0.5) * 16)) for v in center), int(round(radius * 16)), 1, -1,
               lineType=cv2.LINE_8, shift=4)
    grow = max(1, int(round(IRIS_ON_LIDS * radius)))
    opening = cv2.dilate(eye.astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * grow + 1,) * 2))
    return (disc > 0) & (opening > 0)


def teeth_mask(rgb: np.ndarray, opening: np.ndarray, lips: np.ndarray) -> np.ndarray:
    """The teeth inside the mouth's `opening`: its pixels paler than TOOTH_MAX_SATURATION and
    brighter than the lips around them, tidied of specks; empty when they are too few to be teeth."""
    if not opening.any():
        return opening
    ys, xs = np.nonzero(opening | lips)
    rows, cols = slice(ys.min(), ys.max() + 1), slice(xs.min(), xs.max() + 1)
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb[rows, cols]), cv2.COLOR_RGB2HSV).astype(np.float32)
    saturation, value = hsv[..., 1] / 255.0, hsv[..., 2] / 255.0
    inside, ring = opening[rows, cols], lips[rows, cols]
    lip_value = float(np.median(value[ring])) if ring.any() else 0.5
    pale = inside & (saturation <= TOOTH_MAX_SATURATION) & (value > lip_value)
    pale = (cv2.morphologyEx(pale.astype(np.uint8), cv2.MORPH_OPEN,
                             cv2.getStructuringElement(cv2.MORPH_CROSS, (3, 3))) > 0) & inside
    out = np.zeros(opening.shape, bool)
    if pale.sum() >= max(4, TOOTH_MIN_SHARE * inside.sum()):
        out[rows, cols] = pale
    return out
