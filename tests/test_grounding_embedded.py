"""The embedded finder (MediaPipe's shipped models) on real photos.

`tests/data/image.png` is a woman by a fence with a hand-drawn mask of her (see tests/data). The
points below were read off the photo by eye: her face is around (160, 80), her raised right hand
(holding a cigarette, on the viewer's left) around (131, 108), her left hand at her waist around
(167, 157); her feet are cut off by the black band at the bottom.
"""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA
from retouch.agent.planner.finder_words import finder_query
from retouch.tools.errors import NothingFound
from retouch.tools.select import select

FACE = (160, 80)
RIGHT_HAND = (131, 108)
LEFT_HAND = (167, 157)


@pytest.fixture(scope="module")
def finder():
    from retouch.tools.finders.embedded import EmbeddedFinder

    return EmbeddedFinder()


@pytest.fixture(scope="module")
def photo() -> Image.Image:
    return Image.open(DATA / "image.png").convert("RGB")


@pytest.fixture(scope="module")
def truth() -> np.ndarray:
    return np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


def side_by_side(photo: Image.Image) -> Image.Image:
    pair = Image.new("RGB", (photo.width * 2, photo.height))
    pair.paste(photo, (0, 0))
    pair.paste(photo, (photo.width, 0))
    return pair


def test_the_person_matches_the_hand_drawn_mask(finder, photo, truth) -> None:
    selection = select(photo, finder, target="person")
    assert selection.finder == "embedded" and selection.found == 1
    assert iou(selection.mask > 127, truth) >= 0.75  # measured 0.83


def test_words_for_people_all_mean_person(finder, photo) -> None:
    """The finder takes a label; the planner's vocabulary turns every word for a person into it."""
    for word in ("woman", "girl", "guy", "kids", "my ex", "someone", "little girl", "lady"):
        query = finder_query(word)
        assert query.target == "person" and query.name == word, word
        assert [c.label for c in finder.find(photo, query.target)] == ["person"], word
    assert finder.find(photo, "girl") == [], "a word is no label: the tool reads none"


def test_the_person_on_the_left_of_two(finder, photo, truth) -> None:
    pair = side_by_side(photo)
    width = photo.width
    left = select(pair, finder, target="person", position="left").mask > 127
    assert not left[:, width:].any(), "nothing selected on the right copy"
    assert iou(left[:, :width], truth) >= 0.75
    right = select(pair, finder, target="person", position="right").mask > 127
    assert not right[:, :width].any() and iou(right[:, width:], truth) >= 0.75
    both = select(pair, finder, target="person", all=True).mask > 127
    assert np.array_equal(both, left | right)
    assert finder.inventory(pair) == {"person": 2, "face": 2, "hand": 4}
    with pytest.raises(NothingFound, match="I can only see 2 people, so there is no third one from the left"):
        select(pair, finder, target="person", position="left", ordinal=3)


def test_touching_people_are_split_by_their_faces(finder, photo, truth) -> None:
    """Her copy pasted 60 px to the right, in front: one blob for the selfie model, two people for us."""
    shift = 60
    scene = Image.new("RGB", (photo.width + shift, photo.height))
    scene.paste(photo, (0, 0))
    scene.paste(photo, (shift, 0), Image.fromarray((truth * 255).astype(np.uint8)))
    front = np.zeros((photo.height, photo.width + shift), bool)
    front[:, shift:] = truth
    back = np.zeros_like(front)
    back[:, :photo.width] = truth
    back &= ~front
    people = finder.find(scene, "person")
    assert len(people) == 2
    left, right = (select(scene, finder, target="person", position=p).mask > 127 for p in ("left", "right"))
    assert not (left & right).any()
    assert iou(right, front) >= 0.6 and (left & back).sum() >= 0.6 * left.sum()


def test_faces_and_heads(finder, photo) -> None:
    faces = finder.find(photo, "face")
    assert len(faces) == 1
    face = faces[0].mask > 127
    assert face[FACE[1], FACE[0]]
    assert 0.005 < face.mean() < 0.03  # a face, not the whole person
    head = finder.find(photo, "head")[0].mask > 127
    assert (head & face).sum() >= 0.9 * face.sum(), "the head holds the face"
    assert head.sum() > 1.3 * face.sum() and np.nonzero(head)[0].min() < np.nonzero(face)[0].min(), "and the hair above it"


def test_hands_where_visible_and_her_own_left_and_right(finder, photo) -> None:
    hands = finder.find(photo, "hand")
    assert len(hands) == 2
    by_side = {hand.attributes["side"]: hand.mask > 127 for hand in hands}
    assert by_side["right"][RIGHT_HAND[1], RIGHT_HAND[0]] and by_side["left"][LEFT_HAND[1], LEFT_HAND[0]]
    for mask in by_side.values():
        assert 0.001 < mask.mean() < 0.02
    query = finder_query("hand", "right hand")
    right = select(photo, finder, target=query.target, own_side=query.own_side).mask > 127
    assert right[RIGHT_HAND[1], RIGHT_HAND[0]] and not right[LEFT_HAND[1], LEFT_HAND[0]]
    on_the_left = select(photo, finder, target="hand", position="left").mask > 127
    assert np.array_equal(on_the_left, right), "her right hand is the one on the viewer's left"
    arms = finder.find(photo, "arm")
    assert {arm.attributes["side"] for arm in arms} == {"left", "right"}


def test_feet_cut_off_by_the_frame_are_not_invented(finder, photo) -> None:
    assert finder_query("shoes").target == "foot" and finder.find(photo, "foot") == []
    with pytest.raises(NothingFound) as caught:
        select(photo, finder, target="foot")
    assert str(caught.value).startswith("I couldn't find the foot. I can see: person, face, hand (2)")


def test_nothing_found_names_what_was_seen(finder, photo) -> None:
    with pytest.raises(NothingFound) as caught:
        select(photo, finder, target="giraffe")
    message = str(caught.value)
    assert message.startswith("I couldn't find the giraffe. I can see: person, face, hand (2).")
    assert "\n" not in message


def test_another_photo_astronaut(finder) -> None:
    from skimage import data

    astronaut = Image.fromarray(data.astronaut())
    people = finder.find(astronaut, "person")
    faces = finder.find(astronaut, "face")
    assert len(people) == 1 and len(faces) == 1
    cx, cy = faces[0].center
    assert 190 < cx < 260 and 100 < cy < 160  # her face, in the upper middle of the 512² photo
    assert (people[0].mask > 127)[int(cy), int(cx)]


@pytest.mark.parametrize("name", ["cat.png", "overture-creations-5sI6fQgYIuo.png", "bunny.jpeg", "chelsea", "coffee"])
def test_animals_and_things_are_not_people(finder, name) -> None:
    """The selfie model marks any foreground subject as a person (the cat fills 95 % of its photo,
    the dog on the bench even gets a 'face'); only what the pose model confirms counts."""
    from skimage import data

    photo = Image.open(DATA / name) if "." in name else Image.fromarray(getattr(data, name)())
    assert finder.find(photo, "person") == [] and finder.find(photo, "face") == []
    seen = finder.inventory(photo)
    assert set(seen) <= {"sky"}, "no person, face, hand or foot is listed"  # the dog sits under a sky
    expected = "I can see: sky" if seen else "and I can't make out anything else here"
    with pytest.raises(NothingFound, match=f"I couldn't find the person[.,] {expected}"):
        select(photo, finder, target="person")


def test_a_photo_is_analysed_once(finder, photo) -> None:
    scene = finder.scene(photo)
    finder.find(photo, "hand")
    timings = dict(scene.timings)
    for target in ("person", "face", "hand", "arm", "leg", "foot"):
        finder.find(photo.copy(), target)
    assert finder.scene(photo.copy()) is scene and scene.timings == timings


def test_nothing_heavy_is_imported_at_cli_start() -> None:
    code = ("import sys, retouch.tui.cli; retouch.tui.cli.build_parser(); "
            "print(sorted(m for m in ('mediapipe', 'torch', 'transformers', 'cv2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
