"""Outpainting never repeats the subject: the built-in continuation copies from the border band,
but not from the subject (estimated by `tools.subject`, or given as `exclude`) while anything else
is there — no second row of paws, no second bench."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from tests.support import DATA
from retouch.tools import outpaint as outpaint_module
from retouch.tools.outpaint import outpaint
from retouch.tools.subject import likely_subject


def _pinkish(pixels: np.ndarray) -> np.ndarray:
    values = pixels.astype(int)
    return ((values[..., 0] - values[..., 1]) > 40) & ((values[..., 2] - values[..., 1]) > 40)


def _scene() -> tuple[np.ndarray, np.ndarray]:
    """Grass with a magenta, grass-textured object standing near the right edge."""
    grey = skdata.grass()[:256, :256].astype(np.float32)
    pixels = np.dstack([grey * 0.6, grey * 0.9, grey * 0.4]).astype(np.uint8)
    thing = np.zeros((256, 256), bool)
    thing[70:200, 175:249] = True
    pixels[thing] = np.dstack([grey * 0.5 + 120, grey * 0.2, grey * 0.5 + 120]).astype(np.uint8)[thing]
    return pixels, thing


def test_the_subject_estimate_finds_a_distinct_object_and_nothing_in_a_texture() -> None:
    pixels, thing = _scene()
    subject = likely_subject(pixels)
    assert subject[thing].mean() > 0.95, "it covers the object"
    assert subject[:, :100].mean() < 0.05, "and not the grass far from it"
    assert np.array_equal(subject, likely_subject(pixels)), "deterministic"
    for texture in ("grass", "gravel", "brick"):
        assert not likely_subject(np.dstack([getattr(skdata, texture)()[:200, :200]] * 3)).any(), texture


def test_the_subject_estimate_covers_the_rabbit_and_the_bench_with_its_legs() -> None:
    with Image.open(DATA / "overture-creations-5sI6fQgYIuo.png") as opened:
        dog = np.asarray(opened.convert("RGB"))
    subject = likely_subject(dog)
    assert subject[440:480, 45:60].mean() > 0.8, "the bench's left leg, which GrabCut leaves out"
    assert subject[:60].mean() < 0.1, "the sky is not the subject"
    with Image.open(DATA / "bunny.jpeg") as opened:
        bunny = np.asarray(opened.convert("RGB"))
    assert likely_subject(bunny)[340:370, 180:260].mean() > 0.9, "the paws"


@pytest.mark.parametrize("tiny", [(5, 5), (1, 40)])
def test_tiny_pictures_have_no_subject(tiny: tuple[int, int]) -> None:
    assert not likely_subject(np.zeros(tiny + (3,), np.uint8)).any()


def test_extending_beside_the_subject_does_not_repeat_it(monkeypatch) -> None:
    pixels, thing = _scene()
    result = outpaint(Image.fromarray(pixels), right=160, seed=3)
    new = np.asarray(result.image)[:, 256:]
    assert not _pinkish(new).any(), "nothing of the object in the new canvas"
    assert result.stages[0]["avoided_px"] > 0
    # The bar can fail: without the estimate, the quilt copies the object outwards.
    monkeypatch.setattr(outpaint_module, "_subject", lambda rgb, exclude: np.zeros(rgb.shape[:2], bool))
    plain = np.asarray(outpaint(Image.fromarray(pixels), right=160, seed=3).image)[:, 256:]
    assert _pinkish(plain).mean() > 0.02


def test_a_given_exclusion_is_avoided_too(monkeypatch) -> None:
    pixels, thing = _scene()
    monkeypatch.setattr("retouch.tools.subject.likely_subject", lambda rgb: np.zeros(rgb.shape[:2], bool))
    exclude = np.where(thing, 255, 0).astype(np.uint8)
    result = outpaint(Image.fromarray(pixels), right=160, seed=3, exclude=exclude)
    assert not _pinkish(np.asarray(result.image)[:, 256:]).any()
    x0, y0, x1, y1 = result.original_box
    assert np.array_equal(np.asarray(result.image)[y0:y1, x0:x1], pixels), "the original, bit for bit"


def test_a_subject_grown_over_most_of_the_frame_is_no_subject() -> None:
    """In a star field GrabCut finds some 'subject', and grown and extended downwards it covers
    three quarters of the frame: an outpainter avoiding it has one clean block left to repeat."""
    stars = skdata.hubble_deep_field()[:300, :300]
    assert not likely_subject(stars).any()
