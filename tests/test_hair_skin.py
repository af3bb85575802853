"""A person's hair and skin from the embedded finder, with no model for either (`tools.finders.hair_skin`).

The truth masks were drawn for Retouch (tests/data/hair_skin_truth, see tests/data/README.md) on
scikit-image's `astronaut` (a NASA portrait, public domain: short wavy hair over the forehead, an orange suit).
Points read off the photo by eye at 4×: her cheeks near (200, 125) and (250, 125), her forehead (225, 86), the
crown of her hair (230, 35), the backdrop (60, 60) and (400, 30), the suit (100, 400) and (330, 320).
tests/data/grace_hopper.jpg (a US Navy portrait, public domain, from matplotlib's sample data) wears a cap.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA
from retouch.agent.planner.finder_words import finder_query
from retouch.tools.errors import NothingFound
from retouch.tools.select import select

TRUTH = DATA / "hair_skin_truth"
CHEEKS = ((125, 200), (125, 250))
FOREHEAD = (86, 225)
CROWN = (35, 230)
BACKDROP = ((60, 60), (30, 400))
SUIT = ((400, 100), (320, 330))


def truth(name: str) -> np.ndarray:
    return np.asarray(Image.open(TRUTH / f"{name}.png").convert("L")) > 127


def only(embedded_finder, photo: Image.Image, label: str) -> np.ndarray:
    (found,) = embedded_finder.find(photo, label)
    return found.mask > 127


def union(embedded_finder, photo: Image.Image, label: str) -> np.ndarray:
    masks = [c.mask > 127 for c in embedded_finder.find(photo, label)]
    return np.logical_or.reduce(masks) if masks else np.zeros(photo.size[::-1], bool)


def test_her_hair_lies_above_her_eyes_outside_her_face_and_covers_the_drawn_hair(embedded_finder, astronaut) -> None:
    hair = only(embedded_finder, astronaut, "hair")
    eyes = union(embedded_finder, astronaut, "eye")
    drawn = truth("astronaut_hair")
    assert (hair & eyes).sum() == 0
    assert np.nonzero(hair)[0].mean() < np.nonzero(eyes)[0].mean() - 20, "the hair sits above the eyes"
    assert (hair & drawn).sum() >= 0.9 * drawn.sum(), "most of the drawn hair is found"
    assert (hair & drawn).sum() >= 0.9 * hair.sum(), "and little else"
    assert hair[CROWN]
    for point in (*CHEEKS, FOREHEAD, *BACKDROP, *SUIT):
        assert not hair[point], point


def test_her_skin_is_her_cheeks_and_forehead_not_her_eyes_lips_hair_or_suit(embedded_finder, astronaut) -> None:
    skin = only(embedded_finder, astronaut, "skin")
    for point in (*CHEEKS, FOREHEAD):
        assert skin[point], point
    for part in ("eye", "iris", "lip", "hair"):
        assert (skin & union(embedded_finder, astronaut, part)).sum() == 0, part
    pixels = np.asarray(astronaut).astype(int)
    orange = (pixels[..., 0] > 180) & (pixels[..., 0] - pixels[..., 2] > 120)
    orange[:200] = False
    assert orange.sum() > 40000 and (skin & orange).sum() == 0, "the orange suit is not skin"
    # (the pale beige cord down the suit is near the skin's colour, and a few hundred of its pixels are taken)
    drawn = truth("astronaut_skin")
    assert (skin & drawn).sum() / (skin | drawn).sum() >= 0.65


def test_a_black_and_white_photo_s_skin_is_the_face_alone(embedded_finder, astronaut) -> None:
    """Grey cheeks teach no skin colour: a grey coat would match them, so only the face is taken."""
    grey = astronaut.convert("L").convert("RGB")
    skin = only(embedded_finder, grey, "skin")
    face = only(embedded_finder, grey, "face")
    rows = np.nonzero(skin)[0]
    assert skin[CHEEKS[0]] and skin[FOREHEAD]
    assert rows.max() <= np.nonzero(face)[0].max() + 5, "nothing below the chin: no neck or suit by colour"


def test_a_bald_head_has_no_hair_and_says_so(embedded_finder, astronaut) -> None:
    """Her hair painted over with her own cheek's colour (a little grain kept): the band above the hairline is
    skin-coloured, so there is no hair to find — and the line says what can be seen."""
    pixels = np.asarray(astronaut).astype(np.float64)
    drawn = truth("astronaut_hair")
    cheek = pixels[120:130, 195:205].reshape(-1, 3).mean(axis=0)
    grain = np.random.default_rng(3).normal(0, 3, (int(drawn.sum()), 3))
    pixels[drawn] = cheek * 0.95 + grain
    bald = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    assert embedded_finder.find(bald, "skin"), "the face is still found"
    assert embedded_finder.find(bald, "hair") == []
    with pytest.raises(NothingFound, match="^I couldn't find the hair. I can see: person, face"):
        select(bald, embedded_finder, target="hair")


def test_a_face_too_small_to_read_gives_no_hair_rather_than_the_wrong_thing(embedded_finder, astronaut) -> None:
    """The bundled night portrait's face is 25 px wide: its hair was the jacket's shoulder (IoU 0.13 with the drawn
    hair), so it says none; the same astronaut shrunk until her face is 29 px wide says none too, while her face and
    skin are still found."""
    from retouch.tools.finders.hair_skin import MIN_FACE_WIDTH

    night = Image.open(DATA / "image.png").convert("RGB")
    assert embedded_finder.find(night, "face") and embedded_finder.find(night, "hair") == []
    with pytest.raises(NothingFound, match="^I couldn't find the hair. I can see: person, face"):
        select(night, embedded_finder, target="hair")
    small = astronaut.resize((128, 128), Image.Resampling.LANCZOS)
    (face,) = embedded_finder.find(small, "face")
    assert face.box[2] - face.box[0] < MIN_FACE_WIDTH
    assert embedded_finder.find(small, "hair") == [] and embedded_finder.find(small, "skin")


def test_a_cap_is_taken_for_the_hair_above_the_face(embedded_finder, hopper) -> None:
    """What a colour model can't tell: Grace Hopper's cap sits where hair would, in no skin colour, so it is
    found as the hair — above her eyes and out of her face (docs/DESIGN.md says so)."""
    hair = only(embedded_finder, hopper, "hair")
    eyes = union(embedded_finder, hopper, "eye")
    assert (hair & eyes).sum() == 0
    assert hair[60:120, 230:330].mean() > 0.8, "the cap's crown"
    assert not hair[250, 260], "her cheek"


@pytest.mark.parametrize("name", ["bunny.jpeg", "overture-creations-5sI6fQgYIuo.png"])
def test_no_person_says_the_same_one_line(embedded_finder, name) -> None:
    """No face, no hair or skin: the line a missing hand gets, word for word but the thing's name."""
    photo = Image.open(DATA / name).convert("RGB")
    said = {}
    for target in ("hair", "skin", "blemish", "hand"):
        with pytest.raises(NothingFound) as caught:
            select(photo, embedded_finder, target=target)
        said[target] = str(caught.value)
    assert said["hair"].startswith("I couldn't find the hair")
    for target in ("hair", "skin", "blemish"):
        assert said[target].replace(f"the {target}", "the hand") == said["hand"] and "\n" not in said[target]


@pytest.mark.parametrize("words,label", [("hair", "hair"), ("her hairdo", "hair"), ("his haircut", "hair"),
                                         ("skin", "skin"), ("her complexion", "skin"), ("the pimples", "blemish"),
                                         ("his zits", "blemish"), ("a mole", "blemish"), ("blemishes", "blemish")])
def test_the_planner_s_names_reach_hair_and_skin(embedded_finder, words, label) -> None:
    assert finder_query(words).target == label
    assert label in embedded_finder.labels


def test_browning_her_hair_changes_pixels_only_in_and_near_her_hair(tmp_path: Path, astronaut) -> None:
    import cv2

    import retouch

    source = tmp_path / "portrait.png"
    astronaut.save(source)
    result = retouch.open(source, session=tmp_path / "s").edit("make her hair brown", seed=1)
    assert result.changed and result.plan.calls[0].args.target == "hair"
    before = np.asarray(astronaut).astype(int)
    after = np.asarray(Image.open(result.path).convert("RGB")).astype(int)
    changed = np.abs(after - before).max(axis=-1) > 2
    drawn = truth("astronaut_hair")
    assert changed[drawn].mean() >= 0.95, "the hair changed"
    # a hair's recolour edge (policy.RECOLOUR_EDGE["hair"]: 1 px grown, 3 px soft), round a drawn truth that is
    # itself a pixel or two off; the recolor row's 4 and 6 px ringed her hair with colour on the backdrop
    near = cv2.dilate(drawn.astype(np.uint8), np.ones((13, 13), np.uint8)) > 0
    assert changed[~near].sum() == 0, "nothing away from the hair changed"
    for point in (*CHEEKS, *SUIT):   # the forehead, a fringe's width below the hair, takes the soft edge
        assert not changed[point], point
    assert np.abs(after[drawn] - before[drawn]).mean() > 10, "and the hair's colour moved"


SPOTS = ((120, 205, 2, (150, 80, 70)), (130, 245, 3, (200, 90, 90)), (110, 260, 2, (140, 90, 80)))
"""Three spots painted on her cheeks for the blemish tests: (row, column, radius, colour) — a dark-red fleck under
her right eye, a red pimple on her left cheek, a brown mole by her left temple."""


@pytest.fixture(scope="module")
def spotted(astronaut) -> Image.Image:
    import cv2

    pixels = np.asarray(astronaut).copy()
    for row, column, radius, colour in SPOTS:
        cv2.circle(pixels, (column, row), radius, colour, -1)
    return Image.fromarray(pixels)


def test_spots_on_her_cheeks_are_blemishes_each_its_own(embedded_finder, astronaut, spotted) -> None:
    found = [c.mask > 127 for c in embedded_finder.find(spotted, "blemish")]
    for row, column, radius, _ in SPOTS:
        disc = np.zeros_like(found[0])
        disc[row - radius:row + radius + 1, column - radius:column + radius + 1] = True
        assert sum(bool((spot & disc).any()) for spot in found) == 1, (row, column)
    eyes, lips = union(embedded_finder, spotted, "eye"), union(embedded_finder, spotted, "lip")
    for spot in found:
        assert spot.sum() <= 40 and not (spot & (eyes | lips)).any()
    assert embedded_finder.find(astronaut, "blemish") == [], \
        "her own skin has none: the folds of her smile are lines, not spots"


def test_removing_the_blemishes_fills_only_the_spots_with_skin(tmp_path: Path, astronaut, spotted) -> None:
    import cv2

    import retouch

    source = tmp_path / "spotted.png"
    spotted.save(source)
    result = retouch.open(source, session=tmp_path / "s").edit("remove the blemishes on her skin", seed=1)
    assert result.changed
    before, after = np.asarray(spotted).astype(int), np.asarray(Image.open(result.path).convert("RGB")).astype(int)
    clean = np.asarray(astronaut).astype(int)
    painted = np.zeros(before.shape[:2], np.uint8)
    for row, column, radius, _ in SPOTS:
        cv2.circle(painted, (column, row), radius, 1, -1)
    painted = painted > 0
    assert np.abs(after[painted] - clean[painted]).mean() < 20 < np.abs(before[painted] - clean[painted]).mean()
    changed = np.abs(after - before).max(axis=-1) > 2
    near = cv2.dilate(painted.astype(np.uint8), np.ones((13, 13), np.uint8)) > 0
    assert changed[~near].sum() == 0, "only the spots and a few pixels round them are filled"


def test_a_spot_s_removal_keeps_a_small_edge_and_asks_about_no_leftovers() -> None:
    from retouch.agent.planner.rules import RulesPlanner
    from retouch.agent.policy import resolve_plan

    def settings(words: str) -> tuple[int, int, str]:
        plan, _ = resolve_plan(RulesPlanner().plan(words))
        refine = next(call.args for call in plan.calls if call.tool == "refine_mask")
        inpaint = next(call.args for call in plan.calls if call.tool == "inpaint")
        return refine.grow, refine.blur, inpaint.leftovers

    assert settings("remove the blemishes on her skin") == settings("get rid of the pimples") == (2, 2, "none")
    assert settings("remove the dog") == (14, 8, "ask")


def test_each_person_beside_another_gets_their_own_hair(embedded_finder, astronaut, hopper) -> None:
    """Two portraits side by side, Grace Hopper's cap navy like her jacket and the flag beside her: one hair for
    each face, above it, and neither running on down past the chin into clothes or flag (MAX_HAIR_FACES)."""
    hopper = hopper.resize((256, 300))
    pair = Image.new("RGB", (512 + 256, 512))
    pair.paste(astronaut, (0, 0))
    pair.paste(hopper, (512, 100))
    faces = [c.box for c in embedded_finder.find(pair, "face")]
    hairs = [c.mask > 127 for c in embedded_finder.find(pair, "hair")]
    assert len(faces) == len(hairs) == 2
    for x0, y0, x1, y1 in faces:
        (hair,) = [h for h in hairs if x0 <= np.nonzero(h)[1].mean() <= x1]
        rows = np.nonzero(hair)[0]
        assert rows.mean() < y0 + 0.3 * (y1 - y0), "the hair sits on top of its face"
        assert rows.max() <= y1 + 0.25 * (y1 - y0), "and stops near the chin"
