"""Enhance: measured corrections, checked on pixels — and the words, the contract and the replay around them.

Photos are real (scikit-image's bundled ones, tests/data); degradations are applied in linear light so the
truth is known. The no-harm bound (2.5 ΔE00) and the angle bound (0.5°) are the issue's goals.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw
from pydantic import ValidationError

from retouch.agent.executor import Executor
from retouch.agent.plan import EnhanceArgs, EnhanceCall, validate_plan
from retouch.agent.planner.rules import RulesPlanner
from retouch.tools import geometry
from retouch.tools.enhance import enhance, measure_tilt
from retouch.tools.enhance.colour import TO_LINEAR_LUT, to_srgb8
from retouch.tools.errors import RetouchError
from tests.support import DATA, pixels

NO_HARM = 2.5
"""Mean CIEDE2000 an untouched photo may move by (the issue's goal)."""
PLANNER = RulesPlanner()


def _delta_e(a: np.ndarray, b: np.ndarray) -> float:
    from skimage.color import deltaE_ciede2000, rgb2lab

    return float(deltaE_ciede2000(rgb2lab(a), rgb2lab(b)).mean())


def _photo(name: str) -> np.ndarray:
    from skimage import data

    if name == "dog":
        return np.asarray(Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB"))
    if name == "red cat":
        return np.asarray(Image.open(DATA / "cat.png").convert("RGB"))
    if name == "retina":                                               # 1411²: the size the benchmark uses
        return cv2.resize(data.retina(), (512, 512), interpolation=cv2.INTER_AREA)
    return getattr(data, name)()


def _cast(rgb: np.ndarray, gains: tuple[float, float, float]) -> np.ndarray:
    return to_srgb8(TO_LINEAR_LUT[rgb] * np.array(gains, np.float32))


def _run(image: Image.Image, **args: object) -> tuple[Image.Image, list[str], dict]:
    result = Executor().run([EnhanceCall(args=EnhanceArgs(**args))], image)
    return result.images[0], result.notes, result.records[0]


# ---- pixels -------------------------------------------------------------------------------------


def test_a_warm_cast_comes_back_with_its_grey_card_neutral():
    rgb = _photo("coffee").copy()
    rgb[20:80, 20:80] = 128                                            # a grey card in the corner
    warm = _cast(rgb, (1.25, 1.0, 0.75))
    from skimage.color import rgb2lab

    def card_chroma(picture: np.ndarray) -> float:
        lab = rgb2lab(picture[30:70, 30:70])
        return float(np.hypot(lab[..., 1], lab[..., 2]).mean())

    assert card_chroma(warm) > 10                                      # the cast is plain to see
    balanced = np.asarray(enhance(Image.fromarray(warm), parts=["white_balance"]).image)
    assert card_chroma(balanced) < 4.0, card_chroma(balanced)                   # from over 10
    auto = enhance(Image.fromarray(warm))
    assert card_chroma(np.asarray(auto.image)) < 4.0                  # a camera's cast is taken out whole
    assert any("balanced the colour (it was warm" in said for said in auto.done)


def test_a_selection_s_own_colour_is_no_cast_but_the_photo_s_light_is():
    """'balance the colour of her skin': the light is read on the whole photo, not on the selection — read on
    a skin-coloured patch it took the skin's warmth for a cast and turned the patch grey. Under a real warm
    light the same selection is cooled, and nothing outside it changes."""
    from skimage.color import rgb2lab

    rgb = _photo("coffee").copy()
    rgb[20:80, 20:80] = 128                                            # a grey card
    rgb[100:220, 300:420] = (224, 172, 140)                            # a warm, skin-coloured patch
    mask = np.zeros(rgb.shape[:2], np.uint8)
    mask[100:220, 300:420] = 255

    def patch_chroma(picture: np.ndarray) -> float:
        lab = rgb2lab(picture[110:210, 310:410])
        return float(np.hypot(lab[..., 1], lab[..., 2]).mean())

    kept = np.asarray(enhance(Image.fromarray(rgb), parts=["white_balance"], mask=mask).image)
    assert abs(patch_chroma(kept) - patch_chroma(rgb)) < 2.0, (patch_chroma(rgb), patch_chroma(kept))
    warm = _cast(rgb, (1.25, 1.0, 0.75))
    cooled = np.asarray(enhance(Image.fromarray(warm), parts=["white_balance"], mask=mask).image)
    assert patch_chroma(cooled) < patch_chroma(warm) - 5.0
    assert cooled[110:210, 310:410, 2].mean() > warm[110:210, 310:410, 2].mean() + 10     # bluer: the light's warmth out
    assert np.array_equal(cooled[20:80, 20:80], warm[20:80, 20:80])    # outside the selection: untouched


def _card_chroma(picture: np.ndarray) -> float:
    from skimage.color import rgb2lab

    lab = rgb2lab(picture[30:70, 30:70])
    return float(np.hypot(lab[..., 1], lab[..., 2]).mean())


def test_a_strong_tungsten_cast_is_corrected_when_named_and_auto_says_why_it_left_it():
    rgb = _photo("coffee").copy()
    rgb[20:80, 20:80] = 128
    tungsten = _cast(rgb, (1.45, 1.0, 0.62))                            # daylight white balance under a bulb: 18°
    assert _card_chroma(tungsten) > 17
    named = np.asarray(enhance(Image.fromarray(tungsten), parts=["white_balance"]).image)
    assert _card_chroma(named) < _card_chroma(tungsten) / 2
    assert _delta_e(named, rgb) < _delta_e(tungsten, rgb) * 0.7
    auto = enhance(Image.fromarray(tungsten))                           # that strong, it may be the scene's colour
    assert np.array_equal(np.asarray(auto.image), tungsten)
    assert any("looks like the scene's own colour" in note and "white balance" in note for note in auto.notes)


def test_lights_are_not_red_but_red_things_read_red():
    from retouch.tools.enhance import colour

    for light in ((1.2, 1.0, 0.78), (0.8, 1.0, 1.22), (1.845, 0.826, 0.233), (0.88, 1.12, 0.88), (1.1, 0.85, 1.1)):
        assert colour.redness(np.array(light)) < 0.02, light     # warm, shade, a 2856 K bulb, fluorescent, a tint error
    tabby = colour.illuminant(TO_LINEAR_LUT[_photo("chelsea")])
    assert colour.redness(tabby) > 0.1                                # her fur, not the light
    slightly_cool_tabby = _cast(_photo("chelsea"), (0.9, 1.0, 1.1))
    assert "gain_r" not in enhance(Image.fromarray(slightly_cool_tabby)).applied


def test_a_hazy_photo_under_a_cool_cast_gets_both_the_veil_and_the_cast_taken_out():
    rgb = _photo("dog")
    hazy = to_srgb8(TO_LINEAR_LUT[rgb] * 0.65 + 0.35 * 0.8)
    cool_haze = _cast(hazy, (0.8, 1.0, 1.22))                            # the camera's cast tints the veil too
    result = enhance(Image.fromarray(cool_haze))
    fixed = np.asarray(result.image)
    assert _delta_e(fixed, rgb) < _delta_e(cool_haze, rgb) / 3
    assert result.applied["black_b"] > result.applied["black_r"] * 1.3   # the veil was taken out in its colour
    assert any("balanced the colour (it was cool" in said for said in result.done)


def test_black_bars_are_left_out_of_the_measurements_and_stay_black():
    plain = _photo("coffee")
    boxed = plain.copy()
    boxed[:50] = 0
    boxed[-50:] = 0
    dark_plain, dark_boxed = (_cast(picture, (0.45, 0.45, 0.45)) for picture in (plain, boxed))
    plain_result, boxed_result = (enhance(Image.fromarray(picture)) for picture in (dark_plain, dark_boxed))
    # the bars would read as a quarter of the photo being black: the median, the lift, the colour all move
    assert boxed_result.measured["median_luminance"] == pytest.approx(plain_result.measured["median_luminance"],
                                                                      rel=0.05)
    assert boxed_result.applied["exposure_ev"] == pytest.approx(plain_result.applied["exposure_ev"], abs=0.05)
    out = np.asarray(boxed_result.image)
    assert out[:45].max() <= 2 and out[-45:].max() <= 2
    untouched = enhance(Image.fromarray(boxed))
    assert not untouched.done, untouched.done


def test_a_letterbox_is_found_under_noise_and_a_night_sky_is_not_a_letterbox():
    from retouch.tools.enhance.frame import picture_mask

    boxed = _photo("coffee").copy()
    boxed[:50] = 0
    boxed[-50:] = 0
    noisy = np.clip(boxed + np.random.default_rng(3).normal(0, 10, boxed.shape) + 0.5, 0, 255).astype(np.uint8)
    inside = picture_mask(noisy)
    assert inside is not None
    assert not inside[:50].any() and not inside[-50:].any() and inside[100:300].all()
    assert picture_mask(_photo("rocket")) is None                        # dark, but part of the photo
    assert picture_mask(_photo("astronaut")) is None


def test_a_white_background_is_not_over_exposure_even_with_noise():
    page = np.full((600, 800, 3), 243, np.uint8)                       # a slide or a sheet of paper, not clipped
    page[100:500, 100:700] = _photo("coffee")[:, :600]
    for sigma in (0, 10):
        picture = np.clip(page + np.random.default_rng(0).normal(0, sigma, page.shape) + 0.5, 0, 255)
        result = enhance(Image.fromarray(picture.astype(np.uint8)))
        assert "exposure_ev" not in result.applied, result.done
    bright = _cast(_photo("dog"), (2.0, 2.0, 2.0))                      # +1 EV: whole areas blown
    result = enhance(Image.fromarray(bright))
    assert result.applied["exposure_ev"] < -0.5
    assert _delta_e(np.asarray(result.image), _photo("dog")) < _delta_e(bright, _photo("dog")) / 1.5


@pytest.mark.parametrize("name", ["astronaut", "coffee", "dog", "rocket", "chelsea", "retina", "red cat"])
def test_an_untouched_photo_changes_less_than_the_no_harm_bound(name):
    rgb = _photo(name)
    result = enhance(Image.fromarray(rgb))
    assert _delta_e(np.asarray(result.image.convert("RGB")), rgb) < NO_HARM, result.done


def test_a_photo_that_is_fine_comes_back_unchanged_and_says_so():
    rgb = _photo("astronaut")
    out, notes, record = _run(Image.fromarray(rgb))
    assert np.array_equal(np.asarray(out.convert("RGB")), rgb)
    assert notes[0] == "It already looks well exposed and balanced — I changed almost nothing."
    assert record["changes_image"] is True                       # a version is made, so `-o` writes the file


def test_an_underexposed_photo_is_lifted_and_the_reply_says_by_how_much():
    rgb = _photo("dog")
    dark = _cast(rgb, (0.45, 0.45, 0.45))
    out, notes, record = _run(Image.fromarray(dark))
    fixed = np.asarray(out.convert("RGB"))
    assert _delta_e(fixed, rgb) < _delta_e(dark, rgb) / 3
    assert "lifted the exposure by" in notes[0].lower() and "EV" in notes[0]
    assert record["enhance"]["applied"]["exposure_ev"] > 0.8


def _mean_lightness(rgb: np.ndarray) -> float:
    from skimage.color import rgb2lab

    return float(rgb2lab(rgb)[..., 0].mean())


@pytest.mark.parametrize("felt, sign", [(["too_dark"], 1), (["too_bright"], -1)])
def test_a_felt_exposure_moves_a_photo_that_measures_fine_the_users_way_and_says_so(felt, sign):
    rgb = _photo("dog")                                  # measures well exposed: asked plainly, nothing moves
    plain = enhance(Image.fromarray(rgb), parts=["exposure"])
    assert np.array_equal(np.asarray(plain.image.convert("RGB")), rgb) and plain.fine == ["exposure"]
    out, notes, record = _run(Image.fromarray(rgb), parts=["exposure"], felt=felt)
    moved = _mean_lightness(np.asarray(out.convert("RGB"))) - _mean_lightness(rgb)
    assert 2.0 < sign * moved < 8.0, moved               # about what "brighter" does, not a measured correction
    assert record["enhance"]["applied"]["exposure_ev"] == pytest.approx(sign * 0.33)
    assert "as you asked (it measured well exposed)" in notes[0]


def test_a_felt_exposure_never_moves_the_other_way():
    rgb = _photo("dog")
    dark = _cast(rgb, (0.45, 0.45, 0.45))                # measures under-exposed by about a stop
    result = enhance(Image.fromarray(dark), parts=["exposure"], felt=["too_bright"])
    assert _mean_lightness(np.asarray(result.image.convert("RGB"))) < _mean_lightness(dark)
    assert result.done == ["brought the exposure down by 0.3 EV as you asked (it measured dark already)"]
    lifted = enhance(Image.fromarray(dark), parts=["exposure"], felt=["too_dark"])    # the measure's own amount
    assert lifted.applied["exposure_ev"] > 0.8 and "as you asked" not in lifted.done[0]
    half = enhance(Image.fromarray(rgb), parts=["exposure"], felt=["too_dark"], strength=0.5)
    assert half.applied["exposure_ev"] == pytest.approx(0.165)      # "a bit too dark": half the step


def test_a_small_lift_leaves_white_white_and_the_highlights_apart():
    """The dog photo with a white card in it, called too dark: the card stays 255 (the roll-off reached
    white only at infinity, and a third of a stop greyed it to 251), the highlights stay distinct codes,
    and nothing below the knee changes from a plain gain."""
    from retouch.tools.enhance.tone import SHOULDER_KNEE, ToneCurve

    rgb = _photo("dog").copy()
    rgb[20:60, 20:100] = 255
    result = enhance(Image.fromarray(rgb), parts=["exposure"], felt=["too_dark"])
    out = np.asarray(result.image.convert("RGB"))
    assert result.applied["exposure_ev"] == pytest.approx(0.33)
    assert (out[20:60, 20:100] == 255).all()
    table = ToneCurve(exposure=2 ** 0.33).table()[:, 0, 0].astype(int)
    assert table[-1] == 255 and (np.diff(table) >= 0).all()
    assert len(set(table[230:])) >= 10, "the top codes are not squeezed into a few"
    below_knee = TO_LINEAR_LUT * 2 ** 0.33 < SHOULDER_KNEE
    plain_gain = np.clip(to_srgb8(np.minimum(TO_LINEAR_LUT * 2 ** 0.33, 1.0)).astype(int), 0, 255)
    assert np.abs(table[below_knee] - plain_gain[below_knee]).max() <= 1


def _mean_lab(rgb: np.ndarray) -> np.ndarray:
    from skimage.color import rgb2lab

    return rgb2lab(rgb).reshape(-1, 3).mean(axis=0)


@pytest.mark.parametrize("felt, axis, sign", [
    (["too_warm"], 2, -1), (["too_cool"], 2, 1),         # b*: yellow (+) – blue (−)
    (["too_green"], 1, 1), (["too_magenta"], 1, -1),     # a*: magenta (+) – green (−)
])
def test_a_named_lean_on_a_photo_that_measures_neutral_is_stepped_away_from(felt, axis, sign):
    rgb = _photo("dog")
    out, notes, record = _run(Image.fromarray(rgb), parts=["white_balance"], felt=felt)
    moved = _mean_lab(np.asarray(out.convert("RGB")))[axis] - _mean_lab(rgb)[axis]
    assert 1.0 < sign * moved < 10.0, moved
    assert "a little as you asked (it measured neutral)" in notes[0]


def test_a_named_lean_the_light_agrees_with_is_balanced_whole_and_the_other_way_only_stepped():
    rgb = _photo("dog")
    orange = _cast(rgb, (1.35, 1.0, 0.6))
    balanced = enhance(Image.fromarray(orange), parts=["white_balance"], felt=["too_warm"])
    assert balanced.done[0].startswith("balanced the colour (it was warm")
    assert _delta_e(np.asarray(balanced.image.convert("RGB")), rgb) < _delta_e(orange, rgb) / 3
    blue = enhance(Image.fromarray(orange), parts=["white_balance"], felt=["too_cool"])    # the user's way: warmer
    assert _mean_lab(np.asarray(blue.image.convert("RGB")))[2] > _mean_lab(orange)[2]
    assert blue.done[0].startswith("warmed the colour a little as you asked (it measured warm")


def test_a_hazy_veil_comes_off():
    rgb = _photo("astronaut")
    hazy = to_srgb8(TO_LINEAR_LUT[rgb] * 0.65 + 0.35 * 0.8)
    fixed = np.asarray(enhance(Image.fromarray(hazy)).image)
    assert _delta_e(fixed, rgb) < _delta_e(hazy, rgb) / 3


def test_denoise_takes_the_noise_down_by_the_measured_sigma():
    rgb = _photo("chelsea")
    noisy = np.clip(rgb + np.random.default_rng(0).normal(0, 15, rgb.shape) + 0.5, 0, 255).astype(np.uint8)

    def psnr(a: np.ndarray) -> float:
        return 10 * math.log10(255 ** 2 / float(np.mean((a.astype(float) - rgb) ** 2)))

    result = enhance(Image.fromarray(noisy), parts=["denoise"])
    assert 7 < result.measured["noise_sigma"] < 20                        # (fur reads a little low)
    assert psnr(np.asarray(result.image)) > psnr(noisy) + 3
    bgr = cv2.cvtColor(noisy, cv2.COLOR_RGB2BGR)
    opencv = cv2.cvtColor(cv2.fastNlMeansDenoisingColored(bgr, None, 10, 10, 7, 21), cv2.COLOR_BGR2RGB)
    assert psnr(np.asarray(result.image)) > psnr(opencv) + 1              # OpenCV's own values for σ 15


def test_denoise_keeps_the_colours_where_they_were():
    rgb = _photo("coffee")
    from retouch.tools.enhance.detail import Noise, denoise

    cleaned = denoise(rgb, Noise(10.0, 10.0), h_per_sigma=1.0, h_color_per_sigma=1.0).astype(float)
    assert np.abs(cleaned.mean(axis=(0, 1)) - rgb.mean(axis=(0, 1))).max() < 0.3   # 8-bit Lab lost 1.5 of blue


def test_grain_without_colour_noise_keeps_its_colour_detail():
    rgb = _photo("chelsea")
    grain = np.random.default_rng(2).normal(0, 10, rgb.shape[:2])[..., None]      # the same in every channel
    grainy = np.clip(rgb + grain + 0.5, 0, 255).astype(np.uint8)
    result = enhance(Image.fromarray(grainy), parts=["denoise"])
    assert result.measured["colour_noise_sigma"] < result.measured["noise_sigma"] / 2


def test_the_blur_measure_is_the_one_scikit_image_computes():
    from skimage.measure import blur_effect as reference

    from retouch.tools.enhance.detail import blur_effect

    grey = cv2.cvtColor(_photo("coffee"), cv2.COLOR_RGB2GRAY)
    for picture in (grey, cv2.GaussianBlur(grey, (0, 0), 1.6), np.full((40, 40), 7, np.uint8)):
        assert blur_effect(picture) == pytest.approx(reference(picture), abs=1e-4)


def test_sharpening_adds_detail_without_halos():
    rgb = _photo("coffee")
    soft = cv2.GaussianBlur(rgb, (0, 0), 1.6)
    result = enhance(Image.fromarray(soft), parts=["sharpen"])
    sharp = np.asarray(result.image)
    grey = [cv2.cvtColor(p, cv2.COLOR_RGB2GRAY).astype(int) for p in (soft, sharp)]
    assert np.abs(cv2.Laplacian(grey[1].astype(np.float32), -1)).mean() > \
        np.abs(cv2.Laplacian(grey[0].astype(np.float32), -1)).mean() * 1.3
    kernel = np.ones((3, 3), np.uint8)
    top = cv2.dilate(grey[0].astype(np.uint8), kernel).astype(int)
    bottom = cv2.erode(grey[0].astype(np.uint8), kernel).astype(int)
    overshoot = np.maximum(grey[1] - top, bottom - grey[1])
    assert overshoot.max() <= 10                                       # halo clamp (6 levels + colour round trip)
    assert any("motion blur" in note for note in result.notes)


def test_a_masked_enhance_changes_only_the_selection():
    rgb = _cast(_photo("dog"), (0.4, 0.4, 0.4))
    mask = np.zeros(rgb.shape[:2], np.uint8)
    mask[:, : rgb.shape[1] // 2] = 255
    out = np.asarray(enhance(Image.fromarray(rgb), parts=["exposure"], mask=mask).image)
    assert np.array_equal(out[:, rgb.shape[1] // 2:], rgb[:, rgb.shape[1] // 2:])
    assert out[:, : rgb.shape[1] // 2].mean() > rgb[:, : rgb.shape[1] // 2].mean() + 20


def test_a_black_and_white_photo_is_never_coloured_in():
    grey = cv2.cvtColor(cv2.cvtColor(_photo("coffee"), cv2.COLOR_RGB2GRAY), cv2.COLOR_GRAY2RGB)
    out = np.asarray(enhance(Image.fromarray(grey)).image).astype(int)
    assert np.abs(out[..., 0] - out[..., 2]).max() <= 2


def test_alpha_is_kept():
    rgba = Image.open(DATA / "image.png").convert("RGBA")
    assert enhance(rgba, parts=["exposure"]).image.getchannel("A").tobytes() == rgba.getchannel("A").tobytes()


# ---- straighten ---------------------------------------------------------------------------------


def _horizon(size: tuple[int, int] = (640, 420)) -> Image.Image:
    """Sky over sea: a level horizon, a few level wave lines, a textured foreground."""
    width, height = size
    rng = np.random.default_rng(1)
    sky = np.linspace(200, 140, height // 2)[:, None, None] * np.array([0.75, 0.85, 1.0])
    sea = np.linspace(90, 40, height - height // 2)[:, None, None] * np.array([0.3, 0.55, 0.7])
    rgb = np.concatenate([np.repeat(sky, width, 1), np.repeat(sea, width, 1)]) + rng.normal(0, 3, (height, width, 3))
    picture = Image.fromarray(np.clip(rgb, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(picture)
    for y in (height // 2 + 40, height // 2 + 90, height // 2 + 150):
        draw.line([(0, y), (width, y)], fill=(150, 170, 180), width=2)
    return picture


@pytest.mark.parametrize("tilt", [5.0, -5.0, 2.5])
def test_a_tilted_horizon_is_straightened_within_half_a_degree(tilt):
    tilted = geometry.rotate(_horizon(), tilt)
    assert abs(measure_tilt(tilted).degrees - tilt) < 0.5
    out, notes, record = _run(tilted, parts=["straighten"])
    assert record["tilt"]["reliable"]
    left = measure_tilt(out)
    assert left.reliable and abs(left.degrees) < 0.5, left
    assert "straightened it by" in notes[0].lower() and "cropped" in notes[0]


def test_no_reliable_line_asks_for_degrees_and_turns_nothing():
    rng = np.random.default_rng(2)
    clouds = cv2.GaussianBlur(rng.uniform(0, 255, (300, 400, 3)).astype(np.uint8), (0, 0), 6)
    with pytest.raises(RetouchError, match="reliable horizon") as asked:
        _run(Image.fromarray(clouds), parts=["straighten"])
    assert "degrees" in str(asked.value)
    out, notes, _ = _run(Image.fromarray(clouds), parts=["straighten", "exposure"])
    assert out.size == (400, 300) and any("didn't turn it" in note for note in notes)


def test_straighten_without_cropping_keeps_every_original_pixel():
    tilted = geometry.rotate(_horizon((480, 320)), 5.0)
    original = np.asarray(tilted)
    out, notes, record = _run(tilted, parts=["straighten"], keep_all=True)
    turn = -record["tilt"]["degrees"]
    expected = np.asarray(tilted.rotate(-turn, resample=Image.Resampling.BICUBIC, expand=True))
    inside = np.asarray(Image.new("L", tilted.size, 255).rotate(-turn, expand=True)) == 255
    inside = cv2.erode(inside.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    result = np.asarray(out)
    assert result.shape[0] >= expected.shape[0] and result.shape[1] >= expected.shape[1]
    y0 = (result.shape[0] - expected.shape[0]) // 2
    x0 = (result.shape[1] - expected.shape[1]) // 2
    window = result[y0:y0 + expected.shape[0], x0:x0 + expected.shape[1]].astype(int)
    assert np.abs(window - expected.astype(int))[inside].mean() < 4       # all of the original, only turned
    assert inside.sum() >= 0.97 * original.shape[0] * original.shape[1]
    assert "nothing is cut" in notes[0]


# ---- the contract and hostile values --------------------------------------------------------------


@pytest.mark.parametrize("args, problem", [
    ({"strength": 1e9}, "less than or equal to 2"), ({"strength": 0}, "greater than 0"),
    ({"strength": float("nan")}, None), ({"strength": -1}, "greater than 0"),
    ({"parts": ["bogus"]}, None), ({"parts": []}, None), ({"parts": ["exposure", "exposure"]}, "once"),
    ({"keep_all": True}, "straighten"), ({"parts": ["straighten"], "masked": True}, "masked"),
    ({"parts": ["exposure"], "colour": 1}, "extra"),
    ({"felt": ["too_green", "too_orange"]}, None), ({"parts": ["white_balance"], "felt": ["too_dark"]}, "exposure"),
    ({"parts": ["exposure"], "felt": ["too_warm"]}, "white balance"), ({"felt": []}, None),
    ({"felt": ["too_dark", "too_bright"]}, "opposites"), ({"felt": ["too_warm", "too_warm"]}, "differ"),
])
def test_the_contract_refuses_hostile_arguments(args, problem):
    with pytest.raises(ValidationError, match=problem):
        EnhanceArgs(**args)


def test_the_tool_refuses_what_the_contract_would():
    photo = Image.fromarray(_photo("coffee"))
    for strength in (0.0, -1.0, float("nan"), 1e9):
        with pytest.raises(RetouchError, match="strength"):
            enhance(photo, strength=strength)
    with pytest.raises(RetouchError, match="no part"):
        enhance(photo, parts=["\x1b[31mred"])
    with pytest.raises(RetouchError, match="empty"):
        enhance(photo, mask=np.zeros((400, 600), np.uint8))
    with pytest.raises(RetouchError, match="reading of the photo"):
        enhance(photo, felt=["\x1b[31mdark"])
    with pytest.raises(RetouchError, match="both ways"):
        enhance(photo, felt=["too_cool", "too_warm"])
    with pytest.raises(RetouchError, match="no selection"):
        _run(photo, masked=True)


def test_tiny_and_flat_pictures_do_not_break_it():
    for picture in (Image.new("RGB", (1, 1), (10, 200, 30)), Image.new("RGB", (3, 500), (0, 0, 0)),
                    Image.new("RGB", (64, 64), (255, 255, 255))):
        out, _, _ = _run(picture)
        assert out.size == picture.size


def test_hostile_pictures_for_the_bar_finder_and_the_measurements():
    salt = (np.random.default_rng(4).random((128, 128, 3)) > 0.5).astype(np.uint8) * 255
    nearly_all_bars = np.zeros((300, 200, 3), np.uint8)
    nearly_all_bars[145:155] = 180                                   # a thin strip of picture between bars
    speck = np.zeros((256, 256, 3), np.uint8)
    speck[128, 128] = 255                                            # one star
    for rgb in (np.zeros((200, 300, 3), np.uint8), salt, nearly_all_bars, speck, np.zeros((16, 16, 3), np.uint8)):
        result = enhance(Image.fromarray(rgb))
        out = np.asarray(result.image)
        assert out.shape == rgb.shape
        assert all(np.isfinite(value) for value in result.measured.values())
    black = enhance(Image.fromarray(np.zeros((200, 300, 3), np.uint8)))
    assert not np.asarray(black.image).any() and not black.done, black.done       # nothing to lift or bring out


# ---- words ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, parts, strength", [
    ("enhance this photo", None, None),
    ("make my picture look more professional please", None, None),
    ("just a little touch-up", None, 0.5),
    ("a quick touch-up please", None, 0.5),
    ("improve the picture of my grandparents", None, None),
    ("enhance it a lot", None, 1.5),
    ("enhance it as much as possible", None, 2.0),
    ("enhance by 30%", None, 0.3),
    ("colour correct this shot", ["white_balance", "exposure", "contrast", "vibrance"], None),
    ("the snapshot came out dark and orange", ["white_balance", "exposure"], None),
    ("it is way too blue", ["white_balance"], None),
    ("there's a green cast over everything", ["white_balance"], None),
    ("sort out the lighting", ["exposure"], None),
    ("this is badly underexposed", ["exposure"], None),
    ("make the colours pop", ["contrast", "local_contrast", "vibrance"], None),
    ("give it an hdr effect", ["contrast", "local_contrast", "vibrance"], None),
    ("it is very grainy, can you clean the grain", ["denoise"], None),
    ("improve the focus", ["sharpen"], None),
    ("the view is foggy, remove the fog", ["dehaze"], None),
    ("straighten the picture", ["straighten"], None),
    ("my horizon is crooked", ["straighten"], None),
])
def test_plans_for_quality_requests(text, parts, strength):
    plan = PLANNER.plan(text)
    assert plan.tools() == ["enhance"], plan.reply
    args = plan.calls[0].args
    assert args.parts == parts and args.strength == strength


@pytest.mark.parametrize("text, felt", [
    ("the picture is too dark", ["too_dark"]),
    ("this came out a bit dark, fix the colours too", ["too_dark"]),
    ("it's underexposed", ["too_dark"]),
    ("the faces are too dark", ["too_dark"]),
    ("the sky came out too bright", ["too_bright"]),
    ("it looks overexposed", ["too_bright"]),
    ("face to bright", ["too_bright"]),
    ("sort out the lighting", None),                     # no direction said: the measure alone decides
    ("it is badly lit", None),
    ("too dark in the shade and blown out on the snow", None),    # both: no one direction
    ("colour correct it without making it too bright", None),      # a limit, not the photo as it is
    ("touch it up to look bright and clean", None),      # a look wished
    ("it is way too blue", ["too_cool"]),
    ("my holiday snap came out yellowish", ["too_warm"]),
    ("get rid of the green tint", ["too_green"]),
    ("the whole thing looks pinkish", ["too_magenta"]),
    ("it came out dark and orange", ["too_dark", "too_warm"]),
    ("take out the blueness", ["too_cool"]),
])
def test_a_diagnosis_of_the_exposure_carries_its_direction(text, felt):
    plan = PLANNER.plan(text)
    enhances = [call for call in plan.calls if isinstance(call, EnhanceCall)]
    assert enhances, plan.reply
    assert enhances[-1].args.felt == felt


def test_every_cast_a_user_can_name_leans_one_way():
    from retouch.agent.planner import rules_vocab as vocab

    leans = [set(vocab.FELT_WARM), set(vocab.FELT_COOL), set(vocab.FELT_GREEN), set(vocab.FELT_MAGENTA)]
    for word in (*vocab.CAST_COLOURS, *vocab.CAST_NESS):
        assert sum(word in lean for lean in leans) == 1, word


def test_a_blur_described_is_sharpened_by_a_named_amount():
    """Blur is a defect whose fix has a direction (the labelling guide): an adjust, not a measured enhance."""
    plan = PLANNER.plan("my shot is blurry")
    assert plan.tools() == ["adjust"], plan.reply
    assert plan.calls[0].args.sharpness == 0.25 and not plan.calls[0].args.masked


def test_a_named_thing_is_enhanced_through_a_selection():
    plan = PLANNER.plan("fix the colour of his face")
    assert plan.tools() == ["select", "enhance"]
    assert plan.calls[0].args.target == "face" and plan.calls[1].args.masked
    plan = PLANNER.plan("her skin is too orange")
    assert plan.tools() == ["select", "enhance"] and plan.calls[1].args.parts == ["white_balance"]


def test_straighten_without_cutting_grows_the_canvas():
    args = PLANNER.plan("straighten it without cutting off his feet").calls[0].args
    assert args.parts == ["straighten"] and args.keep_all


@pytest.mark.parametrize("text, still", [
    ("make it brighter", "adjust"), ("more contrast please", "adjust"), ("warmer", "adjust"),
    ("improve his hand", "inpaint"), ("give the banana a green tint", "inpaint"),
    ("enhance the brightness", "adjust"), ("remove the man and clean up the photo", "inpaint"),
])
def test_directions_and_other_edits_stay_what_they_were(text, still):
    assert still in PLANNER.plan(text).tools()


@pytest.mark.parametrize("text, limit", [("enhance by 1e9", "200"), ("enhance it by -5", "200"),
                                         ("straighten by 720 degrees", "45")])
def test_hostile_amounts_are_asked_about(text, limit):
    plan = PLANNER.plan(text)
    assert plan.calls == [] and limit in plan.reply and "?" in plan.reply


def test_an_llm_plan_that_straightens_unasked_is_refused():
    from retouch.agent.planner.word_check import unasked

    plan = validate_plan({"calls": [{"tool": "enhance", "args": {"parts": ["straighten", "exposure"]}}]})
    assert "straightens" in unasked(plan, "make it look better")
    assert unasked(plan, "it's tilted and too dark") is None
    assert unasked(validate_plan({"calls": [{"tool": "enhance", "args": {}}]}), "make it look better") is None


# ---- the whole path: session, journal, replay ---------------------------------------------------------


def test_replaying_the_journal_gives_the_same_pixels(tmp_path: Path):
    import retouch

    photo = tmp_path / "dark.png"
    Image.fromarray(_cast(_photo("dog"), (0.5, 0.45, 0.35))).save(photo)
    editor = retouch.open(photo, session=tmp_path / "s")
    made = editor.edit("it came out dark and orange")
    assert made.version == 1 and "lifted the exposure" in " ".join(made.notes)
    entry = [json.loads(line) for line in (tmp_path / "s" / "journal.jsonl").read_text().splitlines()][-1]
    plan = validate_plan(entry["resolved"])
    assert plan.calls[0].args.strength == 1.0                       # the policy's value, recorded
    assert entry["calls"][0]["enhance"]["measured"]["cast_degrees"] > 3
    again = Executor().run(plan.calls, Image.open(photo).convert("RGB")).images[0]
    assert np.array_equal(np.asarray(again.convert("RGB")), pixels(made.path)[..., :3])
