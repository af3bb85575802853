"""Each side grows the way the photo's own outer strip, hidden and regrown, says continues it
(`tools.side_trial`): by reflection where the photo mirrors itself there, by quilting where it
does not, never by a reflection that would mirror the subject."""

from __future__ import annotations

import json

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from retouch.tools.outpaint import outpaint
from retouch.tools.side_trial import (QUILT, REFLECTION, TRIAL_SHARE, reflect_index, reflect_into, strip_box,
                                      try_side)
from retouch.tools.subject import Subject


def _grass(height: int = 192, width: int = 160) -> np.ndarray:
    """A patch of scikit-image's grass, tinted green (no subject stands out in it)."""
    grey = skdata.grass()[100:100 + height, 50:50 + width].astype(np.float32)
    return np.dstack([grey * 0.55, grey * 0.85, grey * 0.35]).astype(np.uint8)


def _mirrored_on_the_right(depth: int) -> np.ndarray:
    """Grass whose last `depth` columns are the columns before them reflected: hidden and regrown
    by reflection, that strip comes back exactly; quilted, it cannot."""
    return np.pad(_grass(), ((0, 0), (0, depth), (0, 0)), mode="reflect")


def _no_subject(rgb: np.ndarray) -> Subject:
    return Subject(np.zeros(rgb.shape[:2], bool), {})


@pytest.fixture(autouse=True)
def _plain_frame(monkeypatch) -> None:
    """No GrabCut guess in these pictures unless a test places a subject itself."""
    monkeypatch.setattr("retouch.tools.subject.estimate_subject", _no_subject)


def test_a_side_that_mirrors_itself_grows_by_reflection() -> None:
    photo = _mirrored_on_the_right(48)
    result = outpaint(Image.fromarray(photo), right=48, seed=1)
    trial = result.stages[0]["trial"]
    assert trial["method"] == REFLECTION
    assert trial["scores"][REFLECTION] < 0.01 < trial["scores"][QUILT]
    new = np.asarray(result.image)[:, photo.shape[1]:].astype(int)
    expected = np.pad(photo, ((0, 0), (0, 48), (0, 0)), mode="reflect")[:, photo.shape[1]:].astype(int)
    assert np.abs(new - expected).mean() < 2.0, "the photo reflected about its edge (light as it falls off)"


def test_plain_grass_grows_by_quilting() -> None:
    """The bar above can fail: the same grass, not mirrored, is continued by the quilt — a
    reflection of it scores worse against its own hidden strip."""
    photo = _grass(192, 208)
    result = outpaint(Image.fromarray(photo), right=48, seed=1)
    trial = result.stages[0]["trial"]
    assert set(trial["scores"]) == {QUILT, REFLECTION}
    assert trial["method"] == QUILT and trial["scores"][QUILT] < trial["scores"][REFLECTION]
    assert result.stages[0]["method"] == "quilting"


def _pinkish(pixels: np.ndarray) -> np.ndarray:
    values = pixels.astype(int)
    return ((values[..., 0] - values[..., 1]) > 40) & ((values[..., 2] - values[..., 1]) > 40)


def test_a_subject_in_the_band_is_never_reflected(monkeypatch) -> None:
    """The mirrored grass with a magenta post standing in the band beside the right edge: a
    reflection would grow a second post, so it is no candidate, and the quilt keeps clear of it."""
    photo = _mirrored_on_the_right(48)
    thing = np.zeros(photo.shape[:2], bool)
    thing[40:150, 180:196] = True
    photo[thing] = (200, 40, 190)
    monkeypatch.setattr("retouch.tools.subject.estimate_subject", lambda rgb, **_: Subject(thing.copy(), {}))
    result = outpaint(Image.fromarray(photo), right=48, seed=1)
    trial = result.stages[0]["trial"]
    assert REFLECTION not in trial["scores"] and trial["method"] == QUILT
    assert not _pinkish(np.asarray(result.image)[:, photo.shape[1]:]).any(), "no second post"


def test_the_trial_is_recorded_and_no_deeper_than_the_growth_or_its_share() -> None:
    photo = _grass(192, 160)
    shallow = outpaint(Image.fromarray(photo), left=24, seed=2)
    deep = outpaint(Image.fromarray(photo), left=300, seed=2)
    assert shallow.stages[0]["trial"]["depth"] == 24
    assert deep.stages[0]["trial"]["depth"] == round(TRIAL_SHARE * 160)
    assert all(stage["trial"] == deep.stages[0]["trial"] for stage in deep.stages), "one trial per side"
    json.dumps(deep.stages)


def test_the_trial_answers_the_same_for_the_same_seed() -> None:
    photo = _grass(160, 160)
    avoid = np.zeros(photo.shape[:2], bool)
    first = try_side(photo, avoid, "top", 40, seed=5, overlap=96)
    again = try_side(photo, avoid, "top", 40, seed=5, overlap=96)
    assert first == again and first.depth == 40


@pytest.mark.parametrize("side", ["left", "right", "top", "bottom"])
@pytest.mark.parametrize("depth", [5, 23])
def test_reflection_is_numpys_reflect_padding_even_deeper_than_the_source(side: str, depth: int) -> None:
    rng = np.random.default_rng(3)
    source = rng.integers(0, 256, (9, 7, 3), dtype=np.uint8)
    pads = {"left": ((0, 0), (depth, 0)), "right": ((0, 0), (0, depth)),
            "top": ((depth, 0), (0, 0)), "bottom": ((0, depth), (0, 0))}[side]
    expected = np.pad(source, pads + ((0, 0),), mode="reflect")
    canvas = np.zeros_like(expected)
    height, width = source.shape[:2]
    x0, y0 = pads[1][0], pads[0][0]
    canvas[y0:y0 + height, x0:x0 + width] = source
    box = strip_box((expected.shape[1], expected.shape[0]), side, depth)[0]
    reflect_into(canvas, box, (x0, y0, x0 + width, y0 + height), side)
    assert np.array_equal(canvas, expected)


def test_reflected_lines_take_the_light_of_their_new_place() -> None:
    canvas = np.zeros((4, 20, 3), np.uint8)
    canvas[:, 10:] = 200
    reflect_into(canvas, (0, 0, 10, 4), (10, 0, 20, 4), "left", gain=lambda at: np.exp(-np.abs(at - 15) / 20))
    gain = np.exp(-np.abs(np.arange(10) - 15) / 20)
    mirrored = np.exp(-np.abs(10 + reflect_index(10 - np.arange(10), 10) - 15) / 20)
    assert np.allclose(canvas[0, :10, 0], 200 * gain / mirrored, atol=0.6)
    assert canvas[0, 0, 0] < canvas[0, 9, 0], "darker the farther out"
