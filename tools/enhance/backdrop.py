"""A white backdrop is not the subject's exposure: a product shot on pure white is measured on the product.

A shop photo puts its product on a backdrop at the top code on purpose. Counted as picture, that backdrop is
everything the over-exposure rules look for — a pile at the top code, a clipped area, a median at white — and
the product would be darkened by the full cap, the backdrop turned grey. Over-exposure leaves its clip
elsewhere: on scene content (a sky, a white shirt, a lamp) that touches a part of the frame's edge at most,
with tones running up to it. A backdrop is one flat field at white that runs round the subject, along most of
the frame's edge. So the white regions that touch the edge, when together they cover at least
`backdrop_border` of it and leave at least `backdrop_subject` of the picture, are taken out of every global
measurement, as black bars are (`frame`): the exposure, the colour, the haze are read on the subject alone,
and an over-exposed product is still brought down by what its own tones say.

The mirror case, an object on pure black, needs nothing here: a black backdrop has no pile at the top code,
and one that reaches all four corners is already left out as a surround (`frame`).
"""

from __future__ import annotations

import cv2
import numpy as np

WHITE_CODE = 254
"""The middle of the channels' 5×5 medians must be at or above this for a pixel to belong to a white backdrop:
the top code (and one below for rounding and compression) in at least two channels — flat white as the clip's
pile sees it (`highlights`), and still white under a camera's cast, which lowers one channel of it; a backdrop
a few codes below white (paper, a light box) is not read as clipped and needs no care."""
MIN_SIDE = 16
"""Pictures with a shorter side than this have no backdrop to speak of."""


def backdrop_mask(rgb8: np.ndarray, border_share: float, subject_share: float) -> np.ndarray | None:
    """True on the white backdrop of a picture, None when it has none: the flat white regions (`WHITE_CODE`) that touch the
    frame's edge, when together they cover at least `border_share` of the edge's pixels (a blown sky or
    shirt touches a part of it) and leave at least `subject_share` of the picture (else there is no subject
    left to measure: a white frame, or a scene blown almost everywhere)."""
    height, width = rgb8.shape[:2]
    if min(height, width) < MIN_SIDE:
        return None
    white = np.sort(cv2.medianBlur(np.ascontiguousarray(rgb8), 5), axis=2)[..., 1] >= WHITE_CODE
    if not white.any():
        return None
    _, labels = cv2.connectedComponents(white.astype(np.uint8), connectivity=4)
    edge = np.concatenate([labels[0], labels[-1], labels[1:-1, 0], labels[1:-1, -1]])
    touching = np.unique(edge[edge > 0])
    if len(touching) == 0 or np.isin(edge, touching).mean() < border_share:
        return None
    backdrop = np.isin(labels, touching)
    return backdrop if 1.0 - backdrop.mean() >= subject_share else None
