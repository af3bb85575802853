"""Photos where the whole object is known — for measuring what a removal leaves behind.

Two kinds of case, both built from licensed pictures only (tests/data, scikit-image's photos):

* **Real** — a photo with a hand-made whole-object mask: the dog on the bench with its tail
  (tests/data/overture-creations-5sI6fQgYIuo_mask_with_tail.png) and the rabbit with its ears
  and paws (tests/data/bunny_mask.png), each clicked where a user would (held out); and, dev, the
  red cat of tests/data/cat.png (`RED_CAT_OUTLINE`), cut off by the frame, clicked on its flank
  and on its chest.
* **Composites** — the truth is exact because the picture is built around it: a cut-out object
  (the dog or the rabbit through those masks, or the astronaut through MediaPipe's person mask)
  is pasted onto a background, and either
  - a **cast shadow** is laid on the ground first (its silhouette flattened and sheared away from
    the light, blurred, darkening the ground by 35–55 %), or a **drop shadow** on the wall behind
    a portrait — truth: the object plus every pixel the shadow darkens by 15 % or more; or
  - an **occluder** is put in front (a plank across the dog like the bench seat, a post in front
    of the rabbit), splitting the object into pieces — truth: the visible object pixels.
  Backgrounds: scikit-image's grass, gravel and brick textures tinted to plausible colours, the
  wood of `coffee`, the field of the dog photo left of the bench, and concrete paving drawn here
  (smooth slabs, dark joints). One more rabbit stands behind a wider post, on gravel; four more
  stand alone (grass, gravel, paving, the field) and are clicked on the back, as in
  rabbit-back-click, and four more fill most of the picture on those grounds (rabbit-close-*: as
  in a photo taken of the animal, little ground outside a window around its back), clicked so too.
* **Drawn** — a cat lying on its side, drawn here from shapes (no photo): a striped tabby coat on
  its back, tail and crown, a plain cream one on its chest, belly, legs and face, on grass and on
  the field; clicked on its back. A second animal whose clicked coat is not the rest of it, so
  the rabbit's back click is not the only case of a click that outlines a patch of the thing.
  And a standing calf, white with black patches, on gravel and paving, clicked on the black patch
  on its flank (added after the click's second pass in tools/point_select.py was chosen).

Every case is seeded by its name, so a rebuild gives the same pixels. `split` is "dev" (the
confidence rule in tools/leftovers.py was chosen on these) or "held-out" (never looked at while
choosing it: the brick and wood backgrounds, the real photos).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
DOG = DATA / "overture-creations-5sI6fQgYIuo.png"
DOG_MASK = DATA / "overture-creations-5sI6fQgYIuo_mask_with_tail.png"
BUNNY = DATA / "bunny.jpeg"
BUNNY_MASK = DATA / "bunny_mask.png"
SIDE = 512
SHADOW_TRUTH = 0.15
"""A pixel belongs to the shadow when the shadow darkens it by at least this share."""


@dataclass
class Case:
    name: str
    image: np.ndarray
    """uint8 (H, W, 3) RGB."""
    truth: np.ndarray
    """bool (H, W): the whole object — every visible piece, its tail, its shadow."""
    click: tuple[int, int]
    """Where a user clicks: the point deepest inside the largest visible piece."""
    split: str
    kind: str
    """"real", "shadow", "occluded" or "plain"."""
    words: str = "remove this"
    """What the user says: "remove this" after the click, or "remove the person" (the finder's selection)."""
    parts: dict[str, np.ndarray] = field(default_factory=dict)
    """Named pieces of the truth (body, shadow, cut-off piece), for the report."""


def _rgb(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def _mask(path: Path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("L")) > 127


def deepest_point(mask: np.ndarray) -> tuple[int, int]:
    """(x, y) of the pixel farthest from the edge of the largest piece of `mask`."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    inside = np.pad(labels == largest, 1).astype(np.uint8)
    distance = cv2.distanceTransform(inside, cv2.DIST_L2, 5)[1:-1, 1:-1]
    y, x = np.unravel_index(int(np.argmax(distance)), distance.shape)
    return int(x), int(y)


# ---- backgrounds ------------------------------------------------------------------------------------


def _tinted(grey: np.ndarray, low: tuple[int, int, int], high: tuple[int, int, int]) -> np.ndarray:
    """A grey texture mapped between two colours (dark → low, light → high)."""
    t = cv2.resize(grey, (SIDE, SIDE), interpolation=cv2.INTER_AREA).astype(np.float32)[..., None] / 255.0
    return np.clip(np.array(low, np.float32) * (1 - t) + np.array(high, np.float32) * t, 0, 255).astype(np.uint8)


def _mirrored(strip: np.ndarray) -> np.ndarray:
    """A SIDE-tall strip repeated, every other copy mirrored, to a SIDE² square."""
    tiles = [strip if k % 2 == 0 else strip[:, ::-1] for k in range(SIDE // strip.shape[1] + 1)]
    return np.ascontiguousarray(np.concatenate(tiles, axis=1)[:SIDE, :SIDE])


@lru_cache(maxsize=None)
def background(name: str) -> np.ndarray:
    from skimage import data as skdata

    if name == "grass":
        return _tinted(skdata.grass(), (38, 62, 20), (150, 176, 96))
    if name == "gravel":
        return _tinted(skdata.gravel(), (70, 62, 54), (196, 188, 176))
    if name == "brick":
        return _tinted(skdata.brick(), (92, 44, 34), (196, 128, 104))
    if name == "wood":
        strip = skdata.coffee()[:, 490:]  # the table top right of the saucer
        return _mirrored(cv2.resize(strip, (strip.shape[1] * SIDE // strip.shape[0], SIDE)))
    if name == "field":
        return _mirrored(_rgb(DOG)[:, :168])  # the field and sky left of the bench
    if name == "paving":
        return _paving()
    raise KeyError(name)


def _paving() -> np.ndarray:
    """Square concrete slabs with dark joints, drawn here (no photo): a smooth ground whose grain is
    fine and faint, crossed by dark lines — where a shadow's soft edge, not the ground, makes most
    of the local contrast."""
    rng = np.random.default_rng(zlib.crc32(b"paving"))
    slab, joint = 72, 4
    tones = rng.normal(0, 7, (SIDE // slab + 2, SIDE // slab + 2))
    ys, xs = np.mgrid[0:SIDE, 0:SIDE]
    rows, columns = (ys + 20) // slab, (xs + 11) // slab
    grain = cv2.GaussianBlur(rng.normal(0, 6, (SIDE, SIDE)).astype(np.float32), (0, 0), 0.8)
    grey = 168 + tones[rows, columns] + grain
    in_joint = ((ys + 20) % slab < joint) | ((xs + 11) % slab < joint)
    grey = np.where(in_joint, 92 + rng.normal(0, 5, (SIDE, SIDE)), grey)
    grey = cv2.GaussianBlur(grey.astype(np.float32), (0, 0), 0.6)
    return np.stack([grey * 1.02, grey, grey * 0.93], axis=-1).clip(0, 255).astype(np.uint8)


# ---- cut-outs -------------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def cutout(name: str) -> tuple[np.ndarray, np.ndarray]:
    """(RGB, bool mask) of an object, cropped to its box."""
    if name == "dog":
        rgb, mask = _rgb(DOG), _mask(DOG_MASK)
    elif name == "rabbit":
        rgb, mask = _rgb(BUNNY), _mask(BUNNY_MASK)
    elif name == "astronaut":
        from skimage import data as skdata

        rgb = skdata.astronaut()
        mask = _person_mask(rgb)
    else:
        raise KeyError(name)
    ys, xs = np.nonzero(mask)
    box = np.s_[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    return np.ascontiguousarray(rgb[box]), np.ascontiguousarray(mask[box])


def _person_mask(rgb: np.ndarray) -> np.ndarray:
    """The astronaut as MediaPipe's person finder outlines her (so the cut-out is a person to it)."""
    from retouch.tools.finders.embedded import EmbeddedFinder
    from retouch.tools.select import candidate_mask

    found = EmbeddedFinder().find(Image.fromarray(rgb), "person")
    if not found:
        raise RuntimeError("the embedded finder found no person in skimage's astronaut")
    return candidate_mask(found[0], (rgb.shape[1], rgb.shape[0])) > 127


def _placed(name: str, height: int, left: int, bottom: int) -> tuple[np.ndarray, np.ndarray]:
    """The cut-out scaled to `height` px with its bottom-left at (left, bottom), as canvas-sized
    RGB and bool mask (clipped at the canvas edge)."""
    rgb, mask = cutout(name)
    scale = height / mask.shape[0]
    width = max(1, round(mask.shape[1] * scale))
    small = cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA)
    small_mask = cv2.resize(mask.astype(np.uint8) * 255, (width, height), interpolation=cv2.INTER_AREA) > 127
    canvas = np.zeros((SIDE, SIDE, 3), np.uint8)
    placed = np.zeros((SIDE, SIDE), bool)
    top = bottom - height
    y0, x0 = max(0, top), max(0, left)
    y1, x1 = min(SIDE, top + height), min(SIDE, left + width)
    canvas[y0:y1, x0:x1] = small[y0 - top:y1 - top, x0 - left:x1 - left]
    placed[y0:y1, x0:x1] = small_mask[y0 - top:y1 - top, x0 - left:x1 - left]
    return canvas, placed


def _paste(image: np.ndarray, rgb: np.ndarray, mask: np.ndarray) -> np.ndarray:
    out = image.copy()
    out[mask] = rgb[mask]
    return out


# ---- shadows and occluders --------------------------------------------------------------------------


def cast_shadow(mask: np.ndarray, lean: float, depth: float, blur: float) -> np.ndarray:
    """Shadow strength in [0, 1] of an object standing on flat ground, the light behind it on one
    side: a silhouette pixel h px above the object's lowest point lands `lean`·h px sideways and
    `depth`·h px below that point (a shadow lying on the ground towards the viewer, meeting the
    object where it stands)."""
    ys, xs = np.nonzero(mask)
    base = ys.max()
    shadow = np.zeros(mask.shape, np.float32)
    for step in np.linspace(0.0, 1.0, 4, endpoint=False):  # sub-pixel rows: no gaps where it stretches
        rise = (base - ys + step).astype(np.float32)
        sx = np.round(xs + lean * rise).astype(int)
        sy = np.round(base + depth * rise).astype(int)
        keep = (sx >= 0) & (sx < SIDE) & (sy >= 0) & (sy < SIDE)
        shadow[sy[keep], sx[keep]] = 1.0
    shadow = cv2.morphologyEx(shadow, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    return np.clip(cv2.GaussianBlur(shadow, (0, 0), blur), 0.0, 1.0)


def drop_shadow(mask: np.ndarray, dx: int, dy: int, blur: float) -> np.ndarray:
    """Shadow strength of a portrait on a wall close behind it: the silhouette shifted and blurred."""
    moved = np.zeros(mask.shape, np.float32)
    src = mask.astype(np.float32)
    ys = slice(max(0, dy), SIDE + min(0, dy))
    xs = slice(max(0, dx), SIDE + min(0, dx))
    moved[ys, xs] = src[max(0, -dy):SIDE - max(0, dy), max(0, -dx):SIDE - max(0, dx)]
    return np.clip(cv2.GaussianBlur(moved, (0, 0), blur), 0.0, 1.0)


def darkened(image: np.ndarray, strength: np.ndarray, opacity: float) -> tuple[np.ndarray, np.ndarray]:
    """The image under the shadow, and where the shadow counts as truth."""
    factor = 1.0 - opacity * strength
    out = np.clip(image.astype(np.float32) * factor[..., None] + 0.5, 0, 255).astype(np.uint8)
    return out, opacity * strength >= SHADOW_TRUTH


def plank(image: np.ndarray, rows: slice, rng: np.random.Generator) -> np.ndarray:
    """A weathered grey plank across the whole picture at `rows` (like the bench seat)."""
    out = image.copy()
    height = rows.stop - rows.start
    grain = rng.normal(0, 9, (height, 1)) + rng.normal(0, 4, (height, SIDE))
    shade = np.linspace(-14, 10, height)[:, None]
    grey = np.clip(84 + grain + shade, 20, 200)
    out[rows] = np.stack([grey, grey * 1.02, grey * 1.06], axis=-1).clip(0, 255).astype(np.uint8)
    return out


def post(image: np.ndarray, columns: slice, rng: np.random.Generator) -> np.ndarray:
    """A dark wooden post from top to bottom at `columns`."""
    out = image.copy()
    width = columns.stop - columns.start
    grain = rng.normal(0, 6, (1, width)) + rng.normal(0, 3, (SIDE, width))
    shade = np.linspace(-18, 12, width)[None, :]
    red = np.clip(70 + grain + shade, 10, 200)
    out[:, columns] = np.stack([red, red * 0.8, red * 0.62], axis=-1).clip(0, 255).astype(np.uint8)
    return out


# ---- the cases --------------------------------------------------------------------------------------

HELD_OUT_BACKGROUNDS = ("brick", "wood")


def _rng(name: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(name.encode()))


def _shadow_case(obj: str, ground: str) -> Case:
    name = f"{obj}-shadow-{ground}"
    rng = _rng(name)
    height = int(rng.integers(260, 330))
    left = int(rng.integers(70, 160))
    bottom = int(rng.integers(400, 440))
    rgb, body = _placed(obj, height, left, bottom)
    strength = cast_shadow(body, lean=float(rng.uniform(0.3, 0.7)) * rng.choice([-1, 1]),
                           depth=float(rng.uniform(0.15, 0.3)), blur=float(rng.uniform(2.0, 4.0)))
    image, shadow = darkened(background(ground), strength, float(rng.uniform(0.35, 0.55)))
    image = _paste(image, rgb, body)
    shadow &= ~body
    return Case(name, image, body | shadow, deepest_point(body), _split(ground), "shadow",
                parts={"body": body, "shadow": shadow})


def _portrait_case(ground: str) -> Case:
    name = f"astronaut-shadow-{ground}"
    rng = _rng(name)
    rgb, body = _placed("astronaut", int(rng.integers(330, 380)), int(rng.integers(60, 120)), SIDE)
    strength = drop_shadow(body, dx=int(rng.integers(28, 48)) * int(rng.choice([-1, 1])),
                           dy=int(rng.integers(8, 20)), blur=float(rng.uniform(4.0, 7.0)))
    image, shadow = darkened(background(ground), strength, float(rng.uniform(0.35, 0.5)))
    image = _paste(image, rgb, body)
    shadow &= ~body
    return Case(name, image, body | shadow, deepest_point(body), _split(ground), "shadow",
                words="remove the person", parts={"body": body, "shadow": shadow})


def _occluded_case(obj: str, ground: str, post_width: tuple[int, int] = (14, 22), name: str = "") -> Case:
    """`post_width`: the range the rabbit's post is drawn from, in px."""
    name = name or f"{obj}-occluded-{ground}"
    rng = _rng(name)
    height = int(rng.integers(280, 340))
    rgb, body = _placed(obj, height, int(rng.integers(80, 180)), int(rng.integers(440, 490)))
    ys, xs = np.nonzero(body)
    if obj == "dog":  # a plank across the lower legs, like the bench seat: the tail hangs below it
        top = int(ys.min() + rng.uniform(0.68, 0.76) * (ys.max() - ys.min()))
        rows = slice(top, top + int(rng.integers(16, 26)))
        image = plank(_paste(background(ground), rgb, body), rows, rng)
        hidden = np.zeros(body.shape, bool)
        hidden[rows] = True
    else:  # a post in front of the rabbit's back
        left = int(xs.min() + rng.uniform(0.22, 0.32) * (xs.max() - xs.min()))
        columns = slice(left, left + int(rng.integers(*post_width)))
        image = post(_paste(background(ground), rgb, body), columns, rng)
        hidden = np.zeros(body.shape, bool)
        hidden[:, columns] = True
    visible = body & ~hidden
    count, labels, stats, _ = cv2.connectedComponentsWithStats(visible.astype(np.uint8), connectivity=8)
    largest = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    return Case(name, image, visible, deepest_point(visible), _split(ground), "occluded",
                parts={"body": labels == largest, "cut off": visible & (labels != largest)})


RABBIT_BACK = (130, 220)
"""Where a user clicks on the rabbit's back in bunny.jpeg (the held-out case rabbit-back-click)."""


def _back_click_case(ground: str, close: bool = False) -> Case:
    """The rabbit alone on `ground`, clicked on its back where the photo's back click lies: its
    darker, striped back fur is unlike its chest and face, so a click there outlines the back.
    `close`: the rabbit fills most of the picture (400–480 px tall of 512, its side near the frame),
    as an animal does in a photo taken of it — little ground lies outside a window around its back."""
    name = f"rabbit-{'close' if close else 'back'}-{ground}"
    rng = _rng(name)
    if close:
        height, left, bottom = int(rng.integers(400, 481)), int(rng.integers(0, 61)), int(rng.integers(480, 513))
    else:
        height, left, bottom = int(rng.integers(260, 330)), int(rng.integers(70, 160)), int(rng.integers(420, 480))
    rgb, body = _placed("rabbit", height, left, bottom)
    ys, xs = np.nonzero(_mask(BUNNY_MASK))
    scale = height / (ys.max() + 1 - ys.min())
    click = (round(left + (RABBIT_BACK[0] - xs.min()) * scale), round(bottom - height + (RABBIT_BACK[1] - ys.min()) * scale))
    return Case(name, _paste(background(ground), rgb, body), body, click, _split(ground), "plain",
                parts={"body": body})


def _tabby(height: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A cat lying on its side, drawn here (no photo), `height` px tall: (RGB, the whole cat, its
    back). The back, the top of the head and the tail wear a striped tabby coat — dark wavy bands
    on grey-brown — and the chest, belly, legs and face a plain cream one, as the rabbit's striped
    back is unlike its chest: a second animal whose clicked coat is not the rest of it."""
    unit = height / 100.0
    width = int(round(150 * unit))
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32) / unit
    body = ((xs - 64) / 46) ** 2 + ((ys - 64) / 32) ** 2 <= 1.0
    head = (xs - 118) ** 2 + (ys - 36) ** 2 <= 21 ** 2
    ears = np.zeros(body.shape, bool)
    for tip, base in (((105, 4), (98, 26)), ((130, 4), (136, 26))):
        triangle = np.array([tip, (base[0] - 8, base[1]), (base[0] + 8, base[1])], np.float32) * unit
        ears |= cv2.fillPoly(np.zeros(body.shape, np.uint8), [triangle.astype(np.int32)], 1) > 0
    legs = ((xs >= 92) & (xs <= 102) | (xs >= 106) & (xs <= 116)) & (ys >= 55) & (ys <= 97)
    tail = np.zeros(body.shape, np.uint8)
    curve = np.array([(22, 70), (9, 62), (6, 45), (12, 30)], np.float32) * unit
    cv2.polylines(tail, [curve.astype(np.int32)], False, 1, thickness=max(2, int(7 * unit)))
    cat = body | head | ears | legs | (tail > 0)
    line = 74 + 4 * np.sin(xs / 9.0)  # where the back's coat meets the belly's, waving
    back = (body & (ys < line) & (xs < 100)) | (tail > 0) | (head & (ys < 26)) | ears
    grain = cv2.GaussianBlur(rng.normal(0, 1, body.shape).astype(np.float32), (0, 0), 0.7 * unit)
    stripes = np.sin((xs + 3 * np.sin(ys / 5.0)) / 2.6) > 0.35
    tabby = np.where(stripes[..., None], (58, 48, 40), (122, 106, 88)) + 10 * grain[..., None]
    cream = np.array((232, 214, 186), np.float32) + 7 * grain[..., None]
    rgb = np.where(back[..., None], tabby, cream)
    face = head & ~back
    eyes = ((xs - 111) ** 2 + (ys - 36) ** 2 <= 9) | ((xs - 125) ** 2 + (ys - 36) ** 2 <= 9)
    rgb[face & eyes] = (70, 90, 40)
    return np.clip(rgb, 0, 255).astype(np.uint8), cat, back


def _tabby_case(ground: str) -> Case:
    """The drawn tabby on `ground`, clicked on the deepest point of its striped back."""
    name = f"tabby-back-{ground}"
    rng = _rng(name)
    rgb, cat, back = _tabby(int(rng.integers(250, 290)), rng)
    return _clicked_on_a_patch(name, ground, rng, rgb, cat, back, margin=20, bottoms=(420, 490))


def _clicked_on_a_patch(name: str, ground: str, rng: np.random.Generator, rgb: np.ndarray, animal: np.ndarray,
                        patch: np.ndarray, *, margin: int, bottoms: tuple[int, int]) -> Case:
    """A drawn animal (`rgb` where `animal`) stood on `ground` at a seeded place (`margin` from the sides, its feet
    within `bottoms`), clicked on the deepest point of `patch` — the coat that is not the rest of the animal."""
    left, bottom = int(rng.integers(margin, SIDE - margin - animal.shape[1])), int(rng.integers(*bottoms))
    top = bottom - animal.shape[0]
    image = background(ground).copy()
    truth = np.zeros((SIDE, SIDE), bool)
    region = np.s_[top:bottom, left:left + animal.shape[1]]
    image[region][animal] = rgb[animal]
    truth[region] = animal
    placed = np.zeros((SIDE, SIDE), bool)
    placed[region] = patch & animal
    return Case(name, image, truth, deepest_point(placed), _split(ground), "plain", parts={"body": truth})


def _piebald(height: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A standing calf drawn here (no photo), `height` px tall: (RGB, the whole calf, the black patch
    on its flank). A white coat with black patches — one large one on the flank, smaller ones on the
    neck and rump — so a click on the flank patch, like the rabbit's back and the tabby's, points at
    a coat that is not the rest of the animal; its build (a long body on four legs, a head held
    forward) is neither. Added after the click's second pass was chosen, not tuned on."""
    unit = height / 100.0
    width = int(round(160 * unit))
    ys, xs = np.mgrid[0:height, 0:width].astype(np.float32) / unit
    body = ((xs - 78) / 52) ** 2 + ((ys - 44) / 22) ** 2 <= 1.0
    head = ((xs - 140) / 14) ** 2 + ((ys - 30) / 11) ** 2 <= 1.0
    neck = (xs >= 118) & (xs <= 134) & (ys >= 26) & (ys <= 48)
    legs = np.zeros(body.shape, bool)
    for left in (36, 48, 104, 116):
        legs |= (xs >= left) & (xs <= left + 8) & (ys >= 56) & (ys <= 98)
    tail = np.zeros(body.shape, np.uint8)
    cv2.polylines(tail, [(np.array([(27, 38), (20, 52), (19, 70)], np.float32) * unit).astype(np.int32)], False, 1,
                  thickness=max(2, int(3 * unit)))
    calf = body | head | neck | legs | (tail > 0)
    flank = (((xs - 72) / 22) ** 2 + ((ys - 42) / 14) ** 2 + 0.25 * np.sin(xs / 3.0) <= 1.0) & body
    spots = (((xs - 124) / 8) ** 2 + ((ys - 34) / 7) ** 2 <= 1.0) | (((xs - 36) / 9) ** 2 + ((ys - 36) / 8) ** 2 <= 1.0)
    black = (flank | spots) & calf
    grain = cv2.GaussianBlur(rng.normal(0, 1, body.shape).astype(np.float32), (0, 0), 0.7 * unit)
    coat = np.where(black[..., None], (34, 32, 30), (236, 232, 224)) + 8 * grain[..., None]
    coat[head & (((xs - 146) ** 2 + (ys - 28) ** 2) <= 4)] = (20, 20, 20)  # an eye
    return np.clip(coat, 0, 255).astype(np.uint8), calf, flank


def _piebald_case(ground: str) -> Case:
    """The drawn calf on `ground`, clicked on the deepest point of the black patch on its flank."""
    name = f"calf-flank-{ground}"
    rng = _rng(name)
    rgb, calf, flank = _piebald(int(rng.integers(220, 260)), rng)
    return _clicked_on_a_patch(name, ground, rng, rgb, calf, flank, margin=10, bottoms=(440, 500))


def _split(ground: str) -> str:
    return "held-out" if ground in HELD_OUT_BACKGROUNDS else "dev"


RED_CAT = DATA / "cat.png"
RED_CAT_OUTLINE = ((119, 19), (93, 47), (73, 80), (63, 107), (40, 133), (20, 167), (3, 193), (0, 195), (0, 511),
                   (443, 511), (427, 467), (413, 413), (403, 373), (393, 320), (383, 267), (372, 213), (363, 167),
                   (363, 133), (373, 80), (385, 23), (347, 60), (303, 87), (267, 93), (220, 87), (180, 87),
                   (160, 60), (133, 27))
"""The red cat in tests/data/cat.png (IOPaint's, Apache-2.0) as a polygon drawn by hand and checked on
an overlay: ears, head, the fur of its flank and chest down to the frame, which cuts it off on the
left and at the bottom; its dark background is the rest."""


def _red_cat_case(name: str, click: tuple[int, int]) -> Case:
    """The red cat, a dev case: an animal cut off by the frame, clicked on a coat that is not the rest of it."""
    truth = cv2.fillPoly(np.zeros((512, 512), np.uint8), [np.array(RED_CAT_OUTLINE, np.int32)], 1) > 0
    return Case(name, _rgb(RED_CAT), truth, click, "dev", "real")


def real_cases() -> list[Case]:
    dog, dog_truth = _rgb(DOG), _mask(DOG_MASK)
    bunny, bunny_truth = _rgb(BUNNY), _mask(BUNNY_MASK)
    return [
        Case("dog-bench-click", dog, dog_truth, (250, 250), "held-out", "real"),
        Case("rabbit-chest-click", bunny, bunny_truth, (220, 260), "held-out", "real"),
        Case("rabbit-back-click", bunny, bunny_truth, (130, 220), "held-out", "real"),
        _red_cat_case("redcat-flank-click", (60, 333)),  # the striped red fur of its flank, beside the frame
        _red_cat_case("redcat-chest-click", (230, 420)),  # the grey-white fur of its chest
    ]


GROUNDS = ("grass", "gravel", "field", "paving", "brick", "wood")
WIDE_POST = (22, 28)
"""A post wider than the others (22–28 px of 512, the others 14–21): a quarter of the rabbit's
thickness and more."""


def composite_cases() -> list[Case]:
    cases: list[Case] = []
    for ground in GROUNDS:
        cases.append(_shadow_case("dog", ground))
        cases.append(_shadow_case("rabbit", ground))
        cases.append(_occluded_case("dog", ground))
        cases.append(_occluded_case("rabbit", ground))
        cases.append(_portrait_case(ground))
    cases.append(_occluded_case("rabbit", "gravel", WIDE_POST, name="rabbit-wide-post-gravel"))
    cases += [_back_click_case(ground) for ground in ("grass", "gravel", "paving")]
    cases += [_back_click_case("field")]
    cases += [_back_click_case(ground, close=True) for ground in ("grass", "gravel", "field", "paving")]
    cases += [_tabby_case(ground) for ground in ("grass", "field")]
    cases += [_piebald_case(ground) for ground in ("gravel", "paving")]
    return cases


def all_cases() -> list[Case]:
    return [*real_cases(), *composite_cases()]
