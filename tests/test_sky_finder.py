"""The sky without weights (`tools.finders.sky`, the embedded finder's "sky").

Pictures drawn here (a sky over a field with a tree, a room, a night street) say what each rule is
for; the real photos with a truth mask drawn for Retouch (tests/data/sky_truth, see
tests/data/README.md) say how well it does: scikit-image's cameraman (an overcast sky over a
skyline) and the dog on the bench (a pale sky over bare trees).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA
from retouch.tools.errors import NothingFound
from retouch.tools.finders import sky
from retouch.tools.select import select

DOG = "overture-creations-5sI6fQgYIuo"


def _rng() -> np.random.Generator:
    return np.random.default_rng(7)


def field_with_a_tree(height: int = 240, width: int = 360) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A clear sky getting paler towards the horizon at row 140, a grassy field below, and a leafy
    tree (a trunk and a crown of noisy dark green) rising into the sky. Returns the picture, the
    sky's truth and the tree's pixels."""
    rng = _rng()
    rows = np.linspace(0.0, 1.0, 140)[:, None]
    picture = np.zeros((height, width, 3), np.float64)
    picture[:140] = (1 - rows)[..., None] * np.array([70, 130, 215]) + rows[..., None] * np.array([170, 200, 235])
    picture[140:] = np.array([70, 120, 40]) + rng.normal(0, 28, (height - 140, width, 3))
    yy, xx = np.mgrid[:height, :width]
    crown = (yy - 80) ** 2 / 45 ** 2 + (xx - 250) ** 2 / 38 ** 2 <= 1
    trunk = (xx >= 243) & (xx <= 257) & (yy >= 100) & (yy < 150)
    tree = crown | trunk
    picture[crown] = np.array([40, 80, 30]) + rng.normal(0, 30, (int(crown.sum()), 3))
    picture[trunk] = np.array([80, 60, 40]) + rng.normal(0, 20, (int(trunk.sum()), 3))
    truth = (yy < 140) & ~tree
    return np.clip(picture, 0, 255).astype(np.uint8), truth, tree


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


def photo_truth(name: str) -> np.ndarray:
    return np.asarray(Image.open(DATA / "sky_truth" / f"{name}.png").convert("L")) > 127


def test_the_sky_over_a_field_stays_off_the_tree_and_the_ground() -> None:
    picture, truth, tree = field_with_a_tree()
    found = sky.find_sky(picture)
    assert found is not None and found.shape == truth.shape
    assert iou(found, truth) >= 0.9
    assert (found & tree).sum() <= 0.03 * tree.sum()
    assert not found[150:].any(), "nothing below the horizon"


def test_white_clouds_are_part_of_the_sky() -> None:
    """Puffy clouds (noise at several scales, soft edges, shaded undersides) over the same sky:
    the clouds' edges are textured, but they hang in the sky and are found with it."""
    import cv2

    picture, truth, tree = field_with_a_tree()
    rng = _rng()
    noise = sum(cv2.resize(rng.normal(0, 1, (240 // step, 360 // step)).astype(np.float32), (360, 240),
                           interpolation=cv2.INTER_CUBIC) * step ** 0.8 for step in (4, 8, 16, 32))
    noise = (noise - noise.mean()) / noise.std()
    cover = np.clip((noise - 0.3) * 1.2, 0, 1) * truth
    shade = np.clip(240 - 25 * np.clip(noise - 1.2, 0, 3), 180, 245)
    cloudy = picture * (1 - cover[..., None]) + shade[..., None] * cover[..., None]
    clouds = cover > 0.5
    assert clouds.sum() > 0.15 * truth.sum()
    found = sky.find_sky(cloudy.astype(np.uint8))
    assert found is not None
    assert (found & clouds).sum() >= 0.9 * clouds.sum()
    assert iou(found, truth) >= 0.85
    assert (found & tree).sum() <= 0.03 * tree.sum()


def test_a_room_with_a_pale_wall_has_no_sky() -> None:
    """A cream wall filling the top half, a picture on it, a wooden floor: smooth and light at the
    top, but pale warm, not a sky's colour."""
    rng = _rng()
    room = np.zeros((240, 320, 3), np.float64)
    room[:150] = np.array([225, 210, 180]) + rng.normal(0, 1.5, (150, 320, 3))
    room[40:100, 120:200] = np.array([60, 90, 140]) + rng.normal(0, 25, (60, 80, 3))
    stripes = (np.arange(320) // 12 % 2)[None, :, None] * 30
    room[150:] = np.array([120, 80, 50]) + stripes + rng.normal(0, 15, (90, 320, 3))
    assert sky.find_sky(np.clip(room, 0, 255).astype(np.uint8)) is None


def test_a_grey_ceiling_darker_than_the_room_is_no_overcast_sky() -> None:
    """A smooth grey band across the top that is not the brightest thing in the photo."""
    rng = _rng()
    room = np.zeros((240, 320, 3), np.float64)
    room[:80] = 150 + rng.normal(0, 1.0, (80, 320, 1))
    room[80:] = 200 + rng.normal(0, 40, (160, 320, 1))
    assert sky.find_sky(np.clip(room, 0, 255).astype(np.uint8)) is None


def test_a_night_street_has_no_sky() -> None:
    """Black above with a few stars and lit windows below: nothing smooth and light hangs from the top."""
    rng = _rng()
    night = np.zeros((240, 320, 3), np.float64) + rng.normal(4, 2, (240, 320, 1))
    stars = rng.integers(0, 120, 30), rng.integers(0, 320, 30)
    night[stars] = 230
    night[120:] = np.array([50, 45, 40]) + rng.normal(0, 30, (120, 320, 3))
    assert sky.find_sky(np.clip(night, 0, 255).astype(np.uint8)) is None


def test_a_backdrop_running_to_the_bottom_edge_is_no_sky() -> None:
    """A product shot: a white sweep behind a dark object, white down to the bottom edge."""
    shot = np.full((240, 320, 3), 245, np.uint8)
    shot[90:200, 100:220] = 30
    assert sky.find_sky(shot) is None


def _skimage(name: str) -> Image.Image:
    from skimage import data

    return Image.fromarray(getattr(data, name)()).convert("RGB")


@pytest.mark.parametrize("name, expected_iou", [("camera", 0.9), (DOG, 0.88)])
def test_the_sky_of_a_real_photo_lies_at_the_top_and_covers_the_truth(embedded_finder, name, expected_iou) -> None:
    photo = _skimage(name) if name == "camera" else Image.open(DATA / f"{name}.png").convert("RGB")
    truth = photo_truth(name)
    selection = select(photo, embedded_finder, target="sky")
    found = selection.mask > 127
    assert selection.found == 1 and found.shape == truth.shape
    assert (found & truth).sum() >= 0.95 * truth.sum()  # measured 0.998 and 0.997
    assert iou(found, truth) >= expected_iou  # measured 0.939 and 0.908
    lowest_truth_row = int(np.flatnonzero(truth.any(axis=1))[-1])
    assert not found[lowest_truth_row + 12:].any(), "nothing below the skyline"


def test_the_cameraman_and_the_dog_are_not_sky(embedded_finder) -> None:
    dog = Image.open(DATA / f"{DOG}.png").convert("RGB")
    body = np.asarray(Image.open(DATA / f"{DOG}_mask_with_tail.png").convert("L")) > 127
    found = embedded_finder.find(dog, "sky")[0].mask > 127
    assert (found & body).sum() <= 0.01 * body.sum()
    camera = _skimage("camera")
    person = embedded_finder.find(camera, "person")[0].mask > 127
    found = embedded_finder.find(camera, "sky")[0].mask > 127
    assert (found & person).sum() <= 0.02 * person.sum()


@pytest.mark.parametrize("name", ["astronaut", "coffee", "brick"])
def test_a_photo_with_no_sky_says_so_in_one_line(embedded_finder, name) -> None:
    """The astronaut poses in front of a smooth grey-blue backdrop: a close-up, so no sky."""
    with pytest.raises(NothingFound) as caught:
        select(_skimage(name), embedded_finder, target="sky")
    message = str(caught.value)
    assert message.startswith("I couldn't find the sky") and "\n" not in message


def test_what_it_can_see_lists_the_sky_only_where_there_is_one(embedded_finder) -> None:
    """"I couldn't find the boat. I can see: …" names the sky over the dog, and nothing on a sky-less photo."""
    dog = Image.open(DATA / f"{DOG}.png").convert("RGB")
    with pytest.raises(NothingFound) as caught:
        select(dog, embedded_finder, target="boat")
    assert str(caught.value).startswith("I couldn't find the boat. I can see: sky.")
    assert "sky" not in embedded_finder.inventory(_skimage("astronaut"))
    assert embedded_finder.inventory(_skimage("camera"))["sky"] == 1


def test_make_the_sky_bluer_changes_only_the_sky(tmp_path: Path) -> None:
    import cv2

    import retouch

    source = DATA / f"{DOG}.png"
    truth = photo_truth(DOG)
    editor = retouch.open(source, session=tmp_path / "s")
    result = editor.edit("make the sky bluer", seed=1)
    assert result.changed and result.plan.calls[0].args.target == "sky"
    before = np.asarray(Image.open(source).convert("RGB")).astype(int)
    after = np.asarray(Image.open(result.path).convert("RGB")).astype(int)
    changed = np.abs(after - before).max(axis=-1) > 2
    assert changed[truth].mean() >= 0.95, "the sky changed"
    # the soft edge: the sky's own (policy.RECOLOUR_EDGE: not grown, 2 px soft) and the inpainter's mask blur,
    # whose Gaussian tails still tint white fur next to the sky a little
    edge = cv2.dilate(truth.astype(np.uint8), np.ones((61, 61), np.uint8)) > 0
    assert changed[~edge].sum() == 0, "nothing away from the sky changed"
    assert not changed[200:].any(), "the bench, the dog's body and the field are untouched"
    dog = np.asarray(Image.open(DATA / f"{DOG}_mask_with_tail.png").convert("L")) > 127
    tinted = np.abs(after - before).max(axis=-1) > 8
    assert tinted[dog].sum() <= 400, tinted[dog].sum()  # 278; grown 4 px and 6 px soft, 805: a blue cap of fur
    blue_before = (before[..., 2] - before[..., 0])[truth].mean()
    blue_after = (after[..., 2] - after[..., 0])[truth].mean()
    assert blue_after > blue_before + 20
