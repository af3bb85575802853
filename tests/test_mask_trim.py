"""Trimming a found mask to the thing's own edge (tools/mask_trim.py).

Own pictures: a cream thing on textured green ground with a dark grey bar behind one side of it
(a bench's end behind a dog), and a mask that runs on over the bar the way a coarse finder mask
does; the truth is exact because the picture is drawn here.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from retouch.tools.candidates import Candidate
from retouch.tools.gestures import Gestures
from retouch.tools.mask_trim import trim_to_edge
from retouch.tools.masks import from_bool
from retouch.tools.point_select import select_with_gestures

CREAM = np.array([228, 212, 186], np.float32)


def scene(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(RGB 256×256, the thing, the mask a coarse finder gives: the thing and a spill over the bar)."""
    rng = np.random.default_rng(seed)
    size = 256
    grain = cv2.GaussianBlur(rng.normal(0, 1, (size, size)).astype(np.float32), (0, 0), 1.2)
    picture = np.array([92, 124, 58], np.float32) * (1 + 0.2 * grain)[..., None]
    picture[40:200, 150:176] = np.array([58, 60, 66], np.float32) * (1 + 0.06 * grain[40:200, 150:176, None])
    thing = np.zeros((size, size), np.uint8)
    cv2.ellipse(thing, (118, 128), (40, 70), 0, 0, 360, 1, -1)
    thing = thing > 0
    picture[thing] = CREAM * (1 + 0.05 * grain[thing, None])
    spill = np.zeros((size, size), bool)
    spill[70:190, 150:158] = True  # the coarse edge runs on over the bar beside the thing, a little
    spill &= ~thing
    return np.clip(picture, 0, 255).astype(np.uint8), thing, thing | spill


def test_the_spill_over_the_dark_bar_is_trimmed_and_the_thing_kept() -> None:
    image, thing, coarse = scene()
    spill = coarse & ~thing
    trimmed = trim_to_edge(image, from_bool(coarse)) > 127
    assert (trimmed & spill).sum() <= 0.1 * spill.sum()
    assert (trimmed & thing).sum() >= 0.97 * thing.sum()


def test_the_trim_only_takes_away() -> None:
    image, thing, coarse = scene(seed=3)
    trimmed = trim_to_edge(image, from_bool(coarse)) > 127
    assert not (trimmed & ~coarse).any()


def test_a_mask_whose_colours_are_the_grounds_stays_as_it_is() -> None:
    """A thing as grey as the ground around it has no edge to trim to: the mask is given back, not cut."""
    grey = np.full((128, 128, 3), 128, np.uint8)
    mask = np.zeros((128, 128), bool)
    mask[30:90, 40:100] = True
    assert np.array_equal(trim_to_edge(grey, from_bool(mask)), from_bool(mask))


def test_an_empty_mask_stays_empty() -> None:
    image, _, _ = scene()
    assert not trim_to_edge(image, np.zeros((256, 256), np.uint8)).any()


class _CoarseFinder:
    """A finder that knows one thing, with the coarse mask of the scene (as a person finder drew a dog)."""

    name = "coarse"

    def __init__(self, mask: np.ndarray) -> None:
        self.mask = mask

    def find(self, image: Image.Image, label: str) -> list[Candidate]:
        if label != "person":
            return []
        ys, xs = np.nonzero(self.mask)
        return [Candidate("person", (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1),
                          0.9, from_bool(self.mask))]


@pytest.mark.parametrize("seed", [0, 1])
def test_a_click_on_a_found_thing_is_trimmed_to_its_edge(seed: int) -> None:
    image, thing, coarse = scene(seed)
    pick = select_with_gestures(Image.fromarray(image), Gestures.click(118, 128), _CoarseFinder(coarse))
    selected = pick.mask > 127
    assert pick.method == "instance"
    assert (selected & ~thing).sum() <= 0.1 * (coarse & ~thing).sum()
    assert (selected & thing).sum() >= 0.97 * thing.sum()
