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
from retouch.tools.continuation import CONTINUED_BLOCKS, BorderSources
from retouch.tools.outpaint import outpaint
from retouch.tools.texture import block_size
from retouch.tools.subject import Subject, estimate_subject, likely_subject


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


def _no_subject(rgb: np.ndarray) -> Subject:
    return Subject(np.zeros(rgb.shape[:2], bool), {})


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
    monkeypatch.setattr(outpaint_module, "_subject",
                        lambda rgb, exclude: (_no_subject(rgb), np.zeros(rgb.shape[:2], bool)))
    plain = np.asarray(outpaint(Image.fromarray(pixels), right=160, seed=3).image)[:, 256:]
    assert _pinkish(plain).mean() > 0.02


def test_a_given_exclusion_is_avoided_too(monkeypatch) -> None:
    pixels, thing = _scene()
    monkeypatch.setattr("retouch.tools.subject.estimate_subject", _no_subject)
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


def test_a_subject_the_frame_cuts_goes_on_beyond_it(monkeypatch) -> None:
    """The astronaut's orange suit runs into the bottom edge: grown downwards, the suit goes on
    below it — not the flag's stripes from the other end of that edge."""
    photo = skdata.astronaut()
    given, truth = photo[:384], photo[384:].astype(int)
    subject = estimate_subject(given)
    columns = np.flatnonzero(subject.cut["bottom"])
    assert columns.size > 60 and not any(subject.cut[side].any() for side in ("left", "right", "top"))
    grown = np.asarray(outpaint(Image.fromarray(given), bottom=128, seed=7).image)[384:].astype(int)
    error = np.abs(grown[:, columns] - truth[:, columns]).mean()
    # The bar can fail: with the subject avoided everywhere, the quilt fetches the flag instead.
    estimate = outpaint_module._subject
    monkeypatch.setattr(outpaint_module, "_subject",
                        lambda rgb, exclude: (Subject(estimate(rgb, exclude)[0].mask, {}), estimate(rgb, exclude)[1]))
    avoided = np.asarray(outpaint(Image.fromarray(given), bottom=128, seed=7).image)[384:].astype(int)
    assert error < 0.75 * np.abs(avoided[:, columns] - truth[:, columns]).mean()


def test_the_patchmatch_path_continues_a_subject_the_frame_cuts_too(monkeypatch) -> None:
    """With PatchMatch as the built-in method, the astronaut's suit goes on below the bottom edge
    as it does with quilting. The PatchMatch path used to avoid the whole subject: it filled those
    columns with the flag and the wall (mean |Δ| from the truth 105, no orange; now 28, orange as
    the suit is)."""
    monkeypatch.setattr(outpaint_module, "BUILTIN_METHOD", "patchmatch")
    photo = skdata.astronaut()
    given, truth = photo[:384], photo[384:].astype(int)
    columns = np.flatnonzero(estimate_subject(given).cut["bottom"])
    grown = np.asarray(outpaint(Image.fromarray(given), bottom=128, seed=7).image)[384:, columns].astype(int)
    assert np.abs(grown - truth[:, columns]).mean() < 50
    orange = (grown[..., 0] - grown[..., 2] > 80) & (grown[..., 1] > 60)
    assert orange.mean() > 0.5


def test_what_the_caller_excluded_stays_excluded_where_the_frame_cuts_it() -> None:
    photo = skdata.astronaut()[:384]
    subject = estimate_subject(photo)
    exclude = np.where(subject.mask, 255, 0).astype(np.uint8)
    grown = np.asarray(outpaint(Image.fromarray(photo), bottom=128, seed=7, exclude=exclude).image)[384:]
    columns = np.flatnonzero(subject.cut["bottom"])
    orange = grown[:, columns].astype(int)
    assert ((orange[..., 0] - orange[..., 2] > 80) & (orange[..., 1] > 60)).mean() < 0.2


def test_only_a_cut_a_block_long_is_continued_and_only_near_its_edge() -> None:
    """The subject stands on the bottom edge of a 256 px photo (the block is 32 px there)."""
    canvas = np.zeros((384, 256, 3), np.uint8)
    avoid = np.zeros((384, 256), bool)
    avoid[100:256, 64:192] = True
    along = np.zeros(256, bool)
    along[64:192] = True
    sources = BorderSources.of(canvas, (0, 0, 256, 256), avoid, cut={"bottom": along})
    free = sources.work_avoid & ~sources.avoid_for("bottom")
    rows = np.flatnonzero(free.any(axis=1))
    assert rows.min() == 256 - round(CONTINUED_BLOCKS * block_size(256, 256)) and rows.max() == 255
    assert np.array_equal(np.flatnonzero(free.any(axis=0)), np.arange(64, 192))
    assert np.array_equal(sources.avoid_for("right"), sources.work_avoid), "only the side that cuts it"
    grazing = np.zeros(256, bool)
    grazing[120:140] = True  # 20 px: the subject grazes the frame
    assert np.array_equal(BorderSources.of(canvas, (0, 0, 256, 256), avoid, cut={"bottom": grazing})
                          .avoid_for("bottom"), avoid[:256])
    fixed = np.zeros((256, 256), bool)
    fixed[200:256, 64:128] = True  # what the caller excluded stays excluded
    kept = BorderSources.of(canvas, (0, 0, 256, 256), avoid, cut={"bottom": along}, fixed=fixed).avoid_for("bottom")
    assert kept[200:256, 64:128].all() and not kept[200:256, 128:192].any()


def _gradient(pixels: np.ndarray) -> np.ndarray:
    grey = np.asarray(pixels, np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    gy, gx = np.gradient(grey)
    return np.hypot(gx, gy)


def test_a_band_the_subject_fills_is_fed_from_across_the_photo() -> None:
    """The bunny with a quarter cut off its right side, grown back: the rabbit fills the band
    beside that edge from its ears down, and the old search, moving only along the edge, copied
    the out-of-focus grass above it all the way down (a smooth green blur, 0.17 of the truth's
    gradient below the ears). Drawing from the whole width, with no source block copied twice
    near itself, the lower strip has most of the truth's detail (0.65 now; the bar 0.5) and no
    lattice of repeated blocks (duplicate share 0.012; the deeper band without the rule, 0.17)."""
    from testkit.uncrop_measures import duplicate_share

    with Image.open(DATA / "bunny.jpeg") as opened:
        photo = opened.convert("RGB")
    photo.thumbnail((512, 512), Image.Resampling.LANCZOS)
    truth = np.asarray(photo)
    height, width = truth.shape[:2]
    cut = round(width / 4)
    result = outpaint(Image.fromarray(np.ascontiguousarray(truth[:, :width - cut])), right=cut, seed=7)
    grown = np.asarray(result.image.convert("RGB"))
    assert grown.shape == truth.shape
    lower = (slice(height // 3, height), slice(width - cut, width))
    ratio = _gradient(grown)[lower].mean() / _gradient(truth)[lower].mean()
    assert ratio > 0.5
    assert duplicate_share(grown, result.original_box) < 0.05


def test_a_starved_band_feeds_from_across_only_when_the_same_background_lies_behind() -> None:
    """`_feed_across` on a 128 × 256 planning copy, edge on the right, band 96 deep, block 32: a
    subject filling the band's lower half, green grass at the edge and beyond the subject → feed
    from across; the same with pinkish cushions beyond (the edge shows more subject, not what is
    behind it) → no; a band with a block of clear pixels at every line → no."""
    from retouch.tools.continuation import _feed_across

    rng = np.random.default_rng(0)
    grass = np.clip(rng.normal((60, 140, 40), 12, (128, 256, 3)), 0, 255).astype(np.uint8)
    avoid = np.zeros((128, 256), bool)
    avoid[64:, 100:250] = True  # 6 px of clear grass left at the edge on those lines
    assert _feed_across(grass, avoid, 96, 32)
    cushions = grass.copy()
    cushions[:, :100] = (200, 170, 175)
    assert not _feed_across(cushions, avoid, 96, 32)
    clear_edge = avoid.copy()
    clear_edge[:, 200:] = False
    assert not _feed_across(grass, clear_edge, 96, 32)
