"""Over-exposure: the mid-tones come back down, blown areas land between the lowered value and white, and a
dark scene with blown highlights is recognised from the shape of its clip (tools/enhance/highlights.py)."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from retouch.tools.enhance import enhance
from retouch.tools.enhance.colour import LUMA, TO_LINEAR_LUT, to_srgb8
from retouch.tools.enhance.highlights import clip_shape
from tests.support import DATA
from tests.test_enhance import NO_HARM, _delta_e, _photo


def _over(rgb: np.ndarray, ev: float = 1.0) -> np.ndarray:
    """A camera's over-exposure: a gain in linear light, then the sensor's clip."""
    return to_srgb8(TO_LINEAR_LUT[rgb] * np.float32(2.0 ** ev))


def _luminance(rgb: np.ndarray) -> np.ndarray:
    return TO_LINEAR_LUT[rgb] @ LUMA


@pytest.mark.parametrize("ev, within", [(0.5, 0.1), (1.0, 0.1), (1.5, 0.2), (2.0, 0.2)])
def test_the_clip_shape_reads_the_gain_of_a_ramp(ev, within):
    ramp = np.repeat(np.linspace(0.0, 1.0, 4096, dtype=np.float32)[None, :], 8, axis=0)   # even density up to white
    grey = to_srgb8(np.repeat(ramp[..., None], 3, axis=2))
    assert clip_shape(grey).ev == pytest.approx(0.0, abs=0.02)
    clip = clip_shape(_over(grey, ev))
    assert clip.ev == pytest.approx(ev, abs=within)
    assert clip.pile == pytest.approx(1 - 2.0 ** -ev, abs=0.02)
    assert clip.steepness > 1.0


def test_the_clip_shape_of_hostile_pictures_is_finite_or_says_so():
    assert clip_shape(np.zeros((0, 0, 3), np.uint8)) == clip_shape(np.zeros((4, 4, 3), np.uint8))
    assert clip_shape(np.zeros((4, 4, 3), np.uint8)).ev == 0.0
    white = clip_shape(np.full((8, 8, 3), 255, np.uint8))                 # nothing below the clip to carry on
    assert white.pile == 1.0 and white.ev == float("inf")
    result = enhance(Image.fromarray(np.full((32, 32, 3), 255, np.uint8)))
    assert all(np.isfinite(value) for value in result.measured.values())


def test_an_over_exposed_photo_has_its_mid_tones_brought_down_and_its_blown_areas_below_white():
    rgb = _photo("astronaut")
    bright = _over(rgb)
    result = enhance(Image.fromarray(bright))
    fixed = np.asarray(result.image)
    assert result.applied["exposure_ev"] < -0.7
    mid = TO_LINEAR_LUT[rgb].max(axis=2) < 0.4                       # never clipped: these can come all the way back
    before = np.log2(np.median(_luminance(bright)[mid]) / np.median(_luminance(rgb)[mid]))
    after = np.log2(np.median(_luminance(fixed)[mid]) / np.median(_luminance(rgb)[mid]))
    assert before > 0.9 and abs(after) < 0.25, (before, after)
    assert _delta_e(fixed[mid], rgb[mid]) < _delta_e(bright[mid], rgb[mid]) / 3
    blown = bright.min(axis=2) == 255                                  # what the clip took: somewhere in between
    lowered = fixed[blown].astype(int)
    assert 200 < np.median(lowered) < 250, np.median(lowered)
    assert _delta_e(fixed, rgb) < _delta_e(bright, rgb) / 2.5


@pytest.mark.parametrize("name", ["rocket", "red cat"])
def test_a_dark_scene_with_blown_highlights_is_brought_down(name):
    rgb = _photo(name)                                                  # a night launch, a portrait on black
    bright = _over(rgb)
    assert np.median(_luminance(bright)) < 0.1                          # its median says nothing is wrong
    result = enhance(Image.fromarray(bright))
    assert -1.2 < result.applied["exposure_ev"] < -0.4, result.done       # at least part of the stop, never more
    assert any("over-exposed" in said for said in result.done)
    assert _delta_e(np.asarray(result.image), rgb) < _delta_e(bright, rgb) / 2


@pytest.mark.parametrize("name", ["rocket", "red cat", "astronaut", "car", "hubble", "dog"])
def test_an_untouched_photo_is_not_read_as_over_exposed(name):
    from skimage import data

    rgb = {"car": lambda: np.asarray(Image.open(DATA / "png_parameter_test.png").convert("RGB")),
           "hubble": data.hubble_deep_field}.get(name, lambda: _photo(name))()
    result = enhance(Image.fromarray(rgb))
    assert result.applied.get("exposure_ev", 0.0) >= 0.0, result.done
    assert _delta_e(np.asarray(result.image.convert("RGB")), rgb) < NO_HARM
