"""Product shots: a subject on a flat white (or black) backdrop is measured on its own (tools/enhance/backdrop.py).

The shots are built here from licensed photos cut out with their masks (tests/data: the dog with its mask, the
bunny with its mask) and pasted on exactly 255 white and on 0 black, as a shop photo or a studio shot is.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from retouch.agent.executor import Executor
from retouch.agent.plan import EnhanceArgs, EnhanceCall
from retouch.tools.enhance import enhance
from retouch.tools.enhance.backdrop import backdrop_mask
from retouch.tools.enhance.colour import LUMA, TO_LINEAR_LUT, to_srgb8
from retouch.tools.enhance.thresholds import THRESHOLDS
from tests.support import DATA
from tests.test_enhance import NO_HARM, _delta_e, _photo
from tests.test_enhance_highlights import _over

CUTOUTS = {"dog": ("overture-creations-5sI6fQgYIuo.png", "overture-creations-5sI6fQgYIuo_mask_with_tail.png"),
           "bunny": ("bunny.jpeg", "bunny_mask.png")}


def _product(name: str, backdrop: int) -> tuple[np.ndarray, np.ndarray]:
    """The cut-out pasted on a flat backdrop of code `backdrop` (through the mask's soft edge), and where the
    backdrop is exactly (the mask at 0)."""
    photo_file, mask_file = CUTOUTS[name]
    rgb = np.asarray(Image.open(DATA / photo_file).convert("RGB"), np.float32)
    mask = np.asarray(Image.open(DATA / mask_file).convert("L"), np.float32)[..., None] / 255.0
    shot = np.clip(rgb * mask + backdrop * (1.0 - mask) + 0.5, 0, 255).astype(np.uint8)
    return shot, mask[..., 0] == 0.0


def _away_from(outside: np.ndarray, pixels: int = 4) -> np.ndarray:
    """The backdrop less a ring round the subject (a denoise may soften the subject's edge into it)."""
    return cv2.erode(outside.astype(np.uint8), np.ones((2 * pixels + 1, 2 * pixels + 1), np.uint8)) > 0


def _backdrop_mask(rgb: np.ndarray) -> np.ndarray | None:
    return backdrop_mask(rgb, THRESHOLDS.backdrop_border, THRESHOLDS.backdrop_subject)


@pytest.mark.parametrize("name", sorted(CUTOUTS))
@pytest.mark.parametrize("backdrop", [255, 0])
def test_a_product_shot_on_a_flat_backdrop_is_left_nearly_as_it_is(name, backdrop):
    shot, outside = _product(name, backdrop)
    result = enhance(Image.fromarray(shot))
    out = np.asarray(result.image)
    assert _delta_e(out, shot) <= NO_HARM, result.done
    assert _delta_e(out[~outside], shot[~outside]) <= NO_HARM, result.done       # the subject too, not only the white
    assert (out[outside] == backdrop).all(), result.done
    assert "exposure_ev" not in result.applied, result.applied


def test_the_white_backdrop_is_found_and_the_reply_says_it_was_left():
    shot, outside = _product("dog", 255)
    found = _backdrop_mask(shot)
    assert found is not None
    assert found[outside].mean() > 0.99
    assert found[~outside].mean() < 0.05                  # the subject's soft edge into white at most
    result = Executor().run([EnhanceCall(args=EnhanceArgs())], Image.fromarray(shot))
    assert any("the white backdrop was left as it is" in note for note in result.notes), result.notes
    assert result.records[0]["enhance"]["measured"]["backdrop_share"] == pytest.approx(outside.mean(), abs=0.02)


def test_an_over_exposed_product_shot_is_still_brought_down_and_its_backdrop_stays_white():
    shot, outside = _product("dog", 255)
    bright = _over(shot)                                          # mid-tones +1 EV; the backdrop stays at 255
    result = enhance(Image.fromarray(bright))
    fixed = np.asarray(result.image)
    assert result.applied["exposure_ev"] < -0.7, result.applied
    assert (fixed[_away_from(outside)] == 255).all()
    assert any("the white backdrop was left as it is" in note for note in result.notes), result.notes
    subject = ~outside & (TO_LINEAR_LUT[shot].max(axis=2) < 0.4)    # never clipped: these can come back
    luminance = [np.median(TO_LINEAR_LUT[picture][subject] @ LUMA) for picture in (shot, bright, fixed)]
    assert abs(np.log2(luminance[2] / luminance[0])) < np.log2(luminance[1] / luminance[0]) / 2, luminance
    assert _delta_e(fixed[subject], shot[subject]) < _delta_e(bright[subject], shot[subject]) / 2
    # the whole subject gains less: a white dog's median is read against a scene's middle grey (1.5 EV down for
    # a 1 EV over-exposure), and its own blown fur stays white with the backdrop
    assert _delta_e(fixed[~outside], shot[~outside]) < _delta_e(bright[~outside], shot[~outside]) * 0.8


def test_an_over_exposed_product_shot_on_black_is_still_brought_down():
    shot, outside = _product("dog", 0)
    bright = _over(shot)
    result = enhance(Image.fromarray(bright))
    fixed = np.asarray(result.image)
    assert result.applied["exposure_ev"] < -0.5, result.applied
    assert (fixed[_away_from(outside)] == 0).all()
    assert _delta_e(fixed[~outside], shot[~outside]) < _delta_e(bright[~outside], shot[~outside]) / 2


def test_a_product_shot_under_a_warm_cast_keeps_its_backdrop_out_and_is_balanced_not_darkened():
    """The cast lowers the backdrop's blue; red and green stay at the top code, where the clip's pile counts it."""
    shot, outside = _product("dog", 255)
    warm = to_srgb8(TO_LINEAR_LUT[shot] * np.array([1.2, 1.0, 0.78], np.float32))
    result = enhance(Image.fromarray(warm))
    assert result.measured["backdrop_share"] > 0.85
    assert any("the backdrop changed with the correction" in note for note in result.notes), result.notes
    assert "exposure_ev" not in result.applied and result.applied["gain_b"] > 1.1, result.applied
    assert _delta_e(np.asarray(result.image), shot) < _delta_e(warm, shot) * 0.6


@pytest.mark.parametrize("name", ["astronaut", "dog", "coffee"])
def test_a_scene_blown_by_over_exposure_has_no_backdrop(name):
    """Its clip is scene content touching a part of the frame's edge (a suit, a sky, a window), not a field
    that runs round a subject: the picture is measured whole and brought down as before."""
    assert _backdrop_mask(_over(_photo(name))) is None
    assert _backdrop_mask(_photo(name)) is None


def test_a_white_frame_round_a_photo_is_a_backdrop_but_an_all_white_picture_is_not():
    framed = np.full((300, 300, 3), 255, np.uint8)
    framed[30:270, 30:270] = _photo("astronaut")[::2, ::2][:240, :240]
    found = _backdrop_mask(framed)
    assert found is not None and found[:30].all() and not found[40:260, 40:260].any()
    assert _backdrop_mask(np.full((300, 300, 3), 255, np.uint8)) is None              # nothing left to measure
    speck = np.full((300, 300, 3), 255, np.uint8)
    speck[140:160, 140:160] = 90                                                      # 0.4 % of the picture
    assert _backdrop_mask(speck) is None
    half = np.full((300, 300, 3), 255, np.uint8)
    half[100:] = 90                                            # white along the top edge only: 42 % of the edge
    assert _backdrop_mask(half) is None


@pytest.mark.parametrize("shape", [(0, 0, 3), (1, 1, 3), (8, 4000, 3), (15, 15, 3)])
def test_hostile_sizes_have_no_backdrop(shape):
    assert _backdrop_mask(np.full(shape, 255, np.uint8)) is None


def test_a_selection_of_the_backdrop_alone_is_measured_as_it_is():
    shot, outside = _product("dog", 255)
    mask = np.where(outside, 255, 0).astype(np.uint8)
    result = enhance(Image.fromarray(shot), mask=mask)
    assert "backdrop_share" not in result.measured
    assert (np.asarray(result.image)[~outside] == shot[~outside]).all()              # outside the selection: untouched
