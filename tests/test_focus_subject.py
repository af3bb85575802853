"""A click on an animal that fills a shallow-focus photo (`tools.focus_subject`, through `point_select`).

The red cat of tests/data/cat.png (a dev case of benchmarks/removal_leftovers.py, its outline drawn by
hand) sits in blurred red and black, cut off by the frame: a click on its flank selected nothing and
one on its chest a patch. A drawn scene checks the same without the photo: a striped animal, sharp,
against a blurred ground of its own colours.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from benchmarks.leftover_cases import real_cases
from retouch.tools.focus_subject import focus_map, in_focus_thing, sharp_side
from retouch.tools.gestures import Gestures
from retouch.tools.point_select import select_with_gestures


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


def drawn_portrait(size: int = 256) -> tuple[np.ndarray, np.ndarray]:
    """A red animal of fine strokes over the lower left, cut off by the frame on the left and at the
    bottom, in front of the same fur blurred (σ 8 px): the ground has the animal's colours and light,
    only not its detail — (RGB uint8, truth bool)."""
    rng = np.random.default_rng(3)
    truth = np.zeros((size, size), np.uint8)
    cv2.ellipse(truth, (size // 4, size), (size // 2, int(size * 0.8)), 0, 0, 360, 1, -1)
    strokes = cv2.GaussianBlur(rng.uniform(0, 1, (size, size)), (0, 0), 0.7)
    strokes = (strokes - strokes.mean()) / strokes.std()
    shade = cv2.GaussianBlur(rng.uniform(0, 1, (size // 16, size // 16)), (0, 0), 1)
    shade = cv2.resize(shade, (size, size), interpolation=cv2.INTER_CUBIC)
    shade = (shade - shade.min()) / (shade.max() - shade.min())
    fur = np.stack([150 + 45 * strokes, 45 + 20 * strokes, 35 + 15 * strokes], axis=-1) * (0.4 + 0.8 * shade[..., None])
    ground = cv2.GaussianBlur(fur.astype(np.float32), (0, 0), 8)
    image = np.where(truth[..., None] > 0, fur, ground)
    return np.clip(image, 0, 255).astype(np.uint8), truth > 0


def test_the_drawn_animal_is_taken_whole_from_a_click_beside_the_frame() -> None:
    image, truth = drawn_portrait()
    for click in ((20, 230), (60, 200), (100, 240)):
        picked = select_with_gestures(Image.fromarray(image), Gestures.click(*click), finder=None)
        assert iou(picked.mask > 127, truth) >= 0.9  # 0.996; by colour alone: 0.11 or nothing


def test_a_click_on_the_blurred_ground_is_not_the_animal() -> None:
    image, _ = drawn_portrait()
    bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
    assert sharp_side(focus_map(bgr)) is not None  # the photo is shallow …
    assert in_focus_thing(bgr, (230, 30), 5) is None  # … but the click is on its ground


def test_a_photo_sharp_everywhere_is_not_shallow() -> None:
    rng = np.random.default_rng(0)
    gravel = rng.integers(60, 200, (256, 256, 3), dtype=np.uint8)
    assert sharp_side(focus_map(gravel)) is None
    assert in_focus_thing(gravel, (128, 128), 5) is None


@pytest.mark.parametrize("name", ["redcat-flank-click", "redcat-chest-click"])
def test_a_click_on_the_red_cat_selects_the_cat(name: str) -> None:
    case = next(case for case in real_cases() if case.name == name)
    picked = select_with_gestures(Image.fromarray(case.image), Gestures.click(*case.click), finder=None)
    selected = picked.mask > 127
    assert iou(selected, case.truth) >= 0.9  # measured 0.95 for both; before: nothing, and a patch
    assert float((selected & ~case.truth).sum()) <= 0.05 * float(selected.sum())
    assert picked.describe().endswith("then the sharp thing around it against its blurred ground)")
