"""A person's hair and skin, without a model for either: built from what the shipped models give — the
person's mask (selfie segmentation) and the face mesh's 478 landmarks — and a colour model learnt from the
photo itself, as `tools.finders.sky` builds the sky.

**Hair** is the head's part the face does not cover: inside the person's mask, around and above the
face-mesh oval. The oval's top edge runs along the hairline, so a band just above it seeds the hair's
colour, and the face below the brows seeds the skin's; GrabCut (Rother et al. 2004) on a small copy of
the head's window then follows those colours, so the forehead, the ears and the neck stay out and long
hair falling past the shoulders comes in; a guided filter (He et al. 2010) on the photo's grey brings the
edge back to the photo's own edges. What it cannot tell:

- a **bald head**: the band above the hairline has the face's colour (within BALD_DELTA_E of the
  cheeks), and the person has no hair to find — "I couldn't find the hair" is the true answer;
- a **small face** (under MIN_FACE_WIDTH): too few pixels above the hairline to learn the hair's colour
  from, so none is found rather than the wrong thing;
- a **hat**: the band above the hairline is the hat, and a hat is not skin-coloured, so the hat is taken as
  the hair (with the hair that shows under it where its colour matches). Without a model of hats this is
  what a colour model sees; a recolour then paints the hat too.

**Skin** is the face-mesh oval less the eyes, the brows and the mouth (grown a little, so lashes and lip
lines stay out), less the hair (a fringe over the forehead), and — by a colour model learnt from the
cheeks (a Gaussian in CIELAB's a-b plane, with a broad band of lightness for shading) — the person's
exposed skin elsewhere inside their mask: the neck, arms, hands, legs. Clothes and hair of other colours
stay out; clothes the colour of the skin (a nude top) come in, as they would for anyone judging by colour.

Pure functions over numpy arrays; the embedded finder runs the models and hands the landmarks in.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from retouch.tools.finders.face_parts import EYE_OUTLINES, EYEBROW_OUTLINES, LIPS_OUTER, polygon_mask
from retouch.tools.finders.sky import guided_filter
from retouch.tools.masks import binary, bounding_box, from_bool, remove_specks

FACE_OVAL = (10, 338, 297, 332, 284, 251, 389, 356, 454, 323, 361, 288, 397, 365, 379, 378, 400, 377, 152,
             148, 176, 149, 150, 136, 172, 58, 132, 93, 234, 127, 162, 21, 54, 103, 67, 109)
"""The face mesh's outline of the face, walked round from the top of the forehead (MediaPipe's
FACEMESH_FACE_OVAL): the hairline on top, the jaw below."""
BROW_LINE = (105, 334)

"""A point on the middle of each eyebrow: the face below this line is sure skin."""

GRABCUT_SIDE = 192
"""The head's window is cut at most this many pixels on its longer side: a head's hair is a region a few
dozen pixels across at that size, and GrabCut costs ~30 ms there whatever the photo's size."""
GRABCUT_ITERATIONS = 5
HEAD_WIDE = 0.9
"""The head's window reaches this many face widths beyond each side of the face oval (hair worn wide)."""
HEAD_ABOVE = 0.9
"""…this many face heights above the oval's top (a bun, curls piled up)…"""
HEAD_BELOW = 2.5
"""…and this many face heights below its top: long hair falls to the chest (the fence portrait's to the
elbows, but there it lies on a black jacket, which colour cannot tell from dark hair)."""
FACE_INSET = 0.08
"""The face's sure skin is the oval below the brows shrunk by this share of the face's width: the mesh's
outline can stray a few pixels onto the hair at the temples and cheeks, and what is sure teaches the colours."""
SEED_BAND = (0.04, 0.22)
"""The sure hair: the band this many face heights above the oval's top, over the middle of the face's
width (SEED_SPAN), inside the person's mask."""
SEED_SPAN = 0.6
CROWN = (0.75, 0.95)
"""Probable hair: an ellipse round the head, its half-width this share of the face's width… and its
half-height this share of the face's height, centred a third of the way up the face."""
HANG_WIDE = 0.9
"""Probable hair also hangs beside the face: within this many face widths of its sides…"""
HANG_BELOW = 1.5
"""…down to this many face heights below the chin (past it, what is beside the face is the shoulders' clothes)."""
NECK_BELOW = 0.25
NECK_HALF_WIDTH = 0.3
"""Below the chin by this many face heights, the middle of the person (this many face widths each side of
the face's centre) is the neck and chest: sure not hair (hair hangs at the sides, seldom down the middle)."""
PERSON_SURE = 0.7
"""Selfie probability of the sure hair seed (the crown is inside the person, not the backdrop)."""
BACKGROUND_SURE = 0.15
"""Selfie probability below which a pixel is surely not the person (the backdrop)."""
PERSON_EDGE = 0.3
"""Hair is kept where the selfie map gives the person at least this: the map tells hair from a dark
backdrop better than colour does; the guided filter then follows the strands' edge."""
BACKDROP_PAINT = (0, 255, 0)
"""The flat colour the backdrop is painted before GrabCut (a pure green no hair or skin has)."""
BALD_DELTA_E = 12.0
"""The hair seed's median colour this close (CIELAB ΔE76) to the cheeks' is skin: a bald head."""
MAX_HAIR_FACES = 3.5
"""Hair found over more than this many times the face oval's area (measured on the cut's copy) has run on into
clothes or a backdrop of the seed's colours — a navy cap's into a navy jacket and the flag beside it (Grace
Hopper set beside the astronaut: 3.8 faces) — and is kept to the crown's ellipse. The astronaut's hair is 1.2
faces, the cameraman's 2.9 (with his collar), the fence portrait's elbow-long hair 2.9: hair longer still, to
the waist, is kept to the crown too — a recolour short of the tips rather than one that paints the jacket."""
MIN_FACE_WIDTH = 40
"""A face narrower than this (px, in the finder's working copy) gives no hair: the band above its hairline is a
few pixels, and the colour model learnt from it can't tell dark hair from a dark jacket — on the bundled night
portrait by the fence (a face 25 px wide) the jacket's shoulder was taken and her long lit hair missed (IoU 0.13),
so "make her hair red" painted the jacket. The faces it outlines well are 87 px (the cameraman, IoU 0.82) and 113
px (the astronaut, 0.94) wide. Said as none ("I couldn't find the hair"), which is better than a wrong edit."""
MIN_HAIR_SHARE = 0.08
"""Hair smaller than this share of the face's area is a few strands — too little to edit, said as none."""
GUIDE_RADIUS = 0.04
"""The guided filter's radius, as a share of the face's height."""
GUIDE_EPS = 2e-3

SKIN_PART_GROW = 0.02
"""Eyes, brows and lips are grown by this share of the face's height before they are taken out of the skin:
lashes, brow hairs and the lip line are not skin."""
SKIN_SIGMAS = 2.5
"""A pixel is skin when its a-b colour lies within this many standard deviations (Mahalanobis) of the cheeks'."""
SKIN_LIGHTNESS = (0.45, 1.35)
"""…and its lightness between these multiples of the cheeks' median (shade on a neck, light on a forearm)."""
SKIN_MIN_SPREAD = 2.0
"""The a-b spread of the cheeks' colour is taken to be at least this (CIELAB units), so an evenly lit
face does not make the model so narrow that its own neck falls out."""
SKIN_MIN_CHROMA = 4.0
"""Cheeks greyer than this (CIELAB chroma) are a black-and-white photo's: colour tells no skin from a grey
coat there, and the skin is the face's alone."""
SKIN_MIN_PIECE = 0.02
"""A piece of skin away from the face smaller than this share of the face's area is a speck (noise in a
pattern of the clothes, not an arm), and is dropped."""


@dataclass
class Head:
    """One face's geometry at the working size: the mesh's landmarks and the outline they draw."""

    points: np.ndarray
    """The mesh's 478 landmarks in photo pixels (x, y)."""

    @property
    def oval(self) -> np.ndarray:
        return self.points[list(FACE_OVAL)]

    @property
    def box(self) -> tuple[float, float, float, float]:
        oval = self.oval
        return float(oval[:, 0].min()), float(oval[:, 1].min()), float(oval[:, 0].max()), float(oval[:, 1].max())


def find_hair(rgb: np.ndarray, person: np.ndarray, probability: np.ndarray, head: Head) -> np.ndarray | None:
    """bool (H, W): one person's hair, or None when there is none to find (bald, or too little).

    `rgb`: uint8 (H, W, 3); `person`: bool, the person's mask; `probability`: the selfie model's map (float,
    0-1); `head`: their face's landmarks. Works in a window around the head, so a big photo costs what the
    head does. Deterministic (OpenCV's fixed seed)."""
    height, width = rgb.shape[:2]
    x0, y0, x1, y1 = head.box
    face_w, face_h = max(1.0, x1 - x0), max(1.0, y1 - y0)
    if face_w < MIN_FACE_WIDTH:
        return None  # too small a face to read its hair's colour from
    rows = slice(max(0, int(y0 - HEAD_ABOVE * face_h)), min(height, int(np.ceil(y0 + HEAD_BELOW * face_h))))
    cols = slice(max(0, int(x0 - HEAD_WIDE * face_w)), min(width, int(np.ceil(x1 + HEAD_WIDE * face_w))))
    if rows.stop - rows.start < 8 or cols.stop - cols.start < 8:
        return None
    offset = np.array([cols.start, rows.start], np.float64)
    scale = min(1.0, GRABCUT_SIDE / max(rows.stop - rows.start, cols.stop - cols.start))
    small_size = (max(8, round((cols.stop - cols.start) * scale)), max(8, round((rows.stop - rows.start) * scale)))
    crop = np.ascontiguousarray(rgb[rows, cols])
    small = cv2.resize(crop, small_size, interpolation=cv2.INTER_AREA) if scale < 1.0 else crop
    shape = small.shape[:2]
    points = (head.points - offset) * np.array([small_size[0] / crop.shape[1], small_size[1] / crop.shape[0]])
    sx0, sy0 = points[list(FACE_OVAL)].min(axis=0)
    sx1, sy1 = points[list(FACE_OVAL)].max(axis=0)
    sw, sh = sx1 - sx0, sy1 - sy0

    def small_of(mask: np.ndarray) -> np.ndarray:
        return cv2.resize(np.ascontiguousarray(mask[rows, cols]).astype(np.float32), small_size,
                          interpolation=cv2.INTER_AREA)

    is_person = small_of(person) >= 0.5
    chance = small_of(probability)
    oval = polygon_mask(points[list(FACE_OVAL)], shape)
    lab = cv2.cvtColor(small.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    yy, xx = np.mgrid[0:shape[0], 0:shape[1]]
    cx = (sx0 + sx1) / 2
    band = ((yy >= sy0 - SEED_BAND[1] * sh) & (yy <= sy0 - SEED_BAND[0] * sh)
            & (np.abs(xx - cx) <= SEED_SPAN * sw / 2))
    seed = band & ~oval & (chance >= PERSON_SURE)
    brow_y = float(np.mean(points[list(BROW_LINE), 1]))
    inset = max(1, int(round(FACE_INSET * sw)))
    face_below_brows = cv2.erode(oval.astype(np.uint8), np.ones((2 * inset + 1,) * 2, np.uint8)) > 0
    face_below_brows &= yy >= brow_y
    if seed.sum() < 4 or face_below_brows.sum() < 4:
        return None
    skin_colour = np.median(lab[face_below_brows], axis=0)
    if float(np.linalg.norm(np.median(lab[seed], axis=0) - skin_colour)) <= BALD_DELTA_E:
        return None  # the band above the hairline is the face's colour: a bald head
    crown = ((xx - cx) / (CROWN[0] * sw)) ** 2 + ((yy - (sy0 + sh / 3)) / (CROWN[1] * sh)) ** 2 <= 1.0
    hanging = (np.abs(xx - cx) <= (0.5 + HANG_WIDE) * sw) & (yy <= sy1 + HANG_BELOW * sh)
    chest = (yy >= sy1 + NECK_BELOW * sh) & (np.abs(xx - cx) <= NECK_HALF_WIDTH * sw)
    seeds = np.full(shape, cv2.GC_PR_BGD, np.uint8)
    seeds[(crown | hanging) & is_person & ~oval & ~chest] = cv2.GC_PR_FGD
    seeds[seed] = cv2.GC_FGD
    seeds[face_below_brows | chest] = cv2.GC_BGD
    seeds[chance < BACKGROUND_SURE] = cv2.GC_BGD
    background, foreground = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.setRNGSeed(0)
    # the backdrop is told from the hair by the selfie map, not by colour: painted one flat colour, it takes
    # one of the background model's components and leaves the rest to the skin and the clothes (a dark
    # fence behind dark hair would otherwise explain the hair's colour as background)
    shown = small.copy()
    shown[chance < PERSON_EDGE] = BACKDROP_PAINT
    cv2.grabCut(cv2.cvtColor(shown, cv2.COLOR_RGB2BGR), seeds, None, background, foreground,
                GRABCUT_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    cut = ((seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)) & ~face_below_brows & (chance >= PERSON_EDGE)
    cut = _connected_to(cut, seed)
    if cut.sum() > MAX_HAIR_FACES * oval.sum():
        cut = _connected_to(cut & crown, seed)  # ran into clothes or a backdrop of its colours: the crown only
    if cut.sum() < MIN_HAIR_SHARE * oval.sum():
        return None
    soft = cv2.resize(cut.astype(np.float32), (crop.shape[1], crop.shape[0]), interpolation=cv2.INTER_LINEAR)
    guide = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255.0
    radius = max(1, int(round(GUIDE_RADIUS * face_h)))
    window = guided_filter(guide, soft, radius, GUIDE_EPS) > 0.5
    window &= cv2.dilate(person[rows, cols].astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    face = polygon_mask(head.oval - offset, crop.shape[:2])
    face[: max(0, int(np.ceil(float(np.mean(head.points[list(BROW_LINE), 1])))) - rows.start)] = False
    window &= ~face  # the face below the brows is never hair, whatever the filter smoothed into it
    out = np.zeros((height, width), bool)
    out[rows, cols] = window
    return out if out.any() else None


def find_skin(rgb: np.ndarray, person: np.ndarray, head: Head, hair: np.ndarray | None) -> np.ndarray | None:
    """bool (H, W): one person's skin — the face less its eyes, brows and mouth, and the skin-coloured rest
    of the person (neck, arms, hands) — or None when the face shows too little skin to learn its colour.

    `hair`: the person's hair (None when none was found), kept out of the skin."""
    height, width = rgb.shape[:2]
    shape = (height, width)
    _, y0, _, y1 = head.box
    grow = max(1, int(round(SKIN_PART_GROW * (y1 - y0))))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * grow + 1,) * 2)
    parts = np.zeros(shape, np.uint8)
    for outline in (*EYE_OUTLINES.values(), *EYEBROW_OUTLINES.values(), LIPS_OUTER):
        parts |= polygon_mask(head.points[list(outline)], shape).astype(np.uint8)
    parts = cv2.dilate(parts, kernel) > 0
    face = polygon_mask(head.oval, shape) & ~parts
    if hair is not None:
        face &= ~hair
    if face.sum() < 16:
        return None
    box = bounding_box(person | face)
    rows, cols = slice(box[1], box[3]), slice(box[0], box[2])
    lab = cv2.cvtColor(np.ascontiguousarray(rgb[rows, cols]).astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    local_face = face[rows, cols]
    samples = lab[local_face]
    lightness = float(np.median(samples[:, 0]))
    chroma = samples[:, 1:]
    mean = chroma.mean(axis=0)
    covariance = np.cov(chroma.T) + np.eye(2) * SKIN_MIN_SPREAD ** 2
    inverse = np.linalg.inv(covariance)
    delta = lab[..., 1:] - mean
    distance = np.einsum("...i,ij,...j->...", delta, inverse, delta)
    coloured = ((distance <= SKIN_SIGMAS ** 2) & (lab[..., 0] >= SKIN_LIGHTNESS[0] * lightness)
                & (lab[..., 0] <= SKIN_LIGHTNESS[1] * lightness))
    if float(np.hypot(*mean)) < SKIN_MIN_CHROMA:
        return face  # a black-and-white photo: every grey is the skin's colour, so only the face is sure
    local_person = person[rows, cols]
    elsewhere = coloured & local_person & ~polygon_mask(head.oval - np.array([cols.start, rows.start]), coloured.shape)
    if hair is not None:
        elsewhere &= ~hair[rows, cols]
    elsewhere = cv2.morphologyEx(elsewhere.astype(np.uint8), cv2.MORPH_OPEN,
                                 cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (3, 3))) > 0
    elsewhere = binary(remove_specks(from_bool(elsewhere), SKIN_MIN_PIECE * face.sum()))
    out = face.copy()
    out[rows, cols] |= elsewhere
    return out


def _connected_to(mask: np.ndarray, seed: np.ndarray) -> np.ndarray:
    """The parts of `mask` (8-connected) that hold a pixel of `seed`."""
    count, labels = cv2.connectedComponents(mask.astype(np.uint8), connectivity=8)
    kept = np.unique(labels[seed & mask])
    return np.isin(labels, kept[kept > 0])
