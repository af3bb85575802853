"""Evening the skin's colour (`tools.enhance.evening`, the enhance part 'even_skin'), and the words that plan it.

The pixel tests draw their own "cheek": a skin-coloured disc with grain in its lightness, a light falling off
from one side, a red patch, a sallow patch and a few freckles, on a blue-grey ground. The end-to-end test puts a
red patch on scikit-image's astronaut (a NASA portrait, public domain) and asks in words.
"""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from tests.planner_kinds import actions, first_target
from tests.support import DATA, pixels
from retouch.agent.plan import EnhanceArgs
from retouch.tools.enhance import AUTO_PARTS, enhance
from retouch.tools.errors import NothingFound, RetouchError
from retouch.tools.oklab import oklab_to_srgb, srgb_to_oklab

SIZE = 240
CENTRE = (120, 120)
RADIUS = 100
RED = ((85, 95), 16, (0.05, 0.012))
"""A red patch: centre (x, y), radius, the shift of its chromaticity (a/L, b/L)."""
SALLOW = ((150, 150), 18, (-0.01, 0.05))
FRECKLES = ((110, 60), (140, 70), (165, 100), (70, 140), (120, 185))


def disc(centre: tuple[int, int], radius: float, soft: float = 0.0) -> np.ndarray:
    ys, xs = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    distance = np.hypot(xs - centre[0], ys - centre[1])
    if not soft:
        return (distance <= radius).astype(np.float32)
    return np.clip((radius - distance) / soft + 0.5, 0.0, 1.0)


def with_shift(lab: np.ndarray, weight: np.ndarray, shift: tuple[float, float], light: float = 1.0) -> np.ndarray:
    out = lab.copy()
    out[..., 0] *= 1.0 + (light - 1.0) * weight
    out[..., 1] += shift[0] * weight * out[..., 0]
    out[..., 2] += shift[1] * weight * out[..., 0]
    return out


@pytest.fixture(scope="module")
def cheek() -> dict[str, np.ndarray]:
    """The drawn cheek: 'clean' (freckled, no patches), 'blotched', its mask and where the patches are."""
    rng = np.random.default_rng(7)
    lab = np.zeros((SIZE, SIZE, 3), np.float32)
    falloff = np.linspace(0.78, 0.62, SIZE, dtype=np.float32)[None, :]           # lit from the left
    grain = cv2.GaussianBlur(rng.normal(0, 0.012, (SIZE, SIZE)).astype(np.float32), (0, 0), 0.8)
    lab[..., 0] = falloff + grain
    lab[..., 1] = 0.035 * lab[..., 0] / 0.7
    lab[..., 2] = 0.045 * lab[..., 0] / 0.7
    skin = disc(CENTRE, RADIUS)
    ground = np.array([0.55, -0.01, -0.03], np.float32)
    lab = lab * skin[..., None] + ground * (1 - skin[..., None])
    for centre in FRECKLES:
        lab = with_shift(lab, disc(centre, 2.0, 1.0), (0.02, 0.045), light=0.86)
    clean = oklab_to_srgb(lab)
    for centre, radius, shift in (RED, SALLOW):
        lab = with_shift(lab, disc(centre, radius, 6.0), shift)
    return {"clean": clean, "blotched": oklab_to_srgb(lab), "mask": (skin * 255).astype(np.uint8),
            "patches": np.maximum(disc(*RED[:2]), disc(*SALLOW[:2])) > 0}


def evened(rgb: np.ndarray, mask: np.ndarray, **options) -> np.ndarray:
    return np.asarray(enhance(Image.fromarray(rgb), parts=["even_skin"], mask=mask, **options).image)


def chroma_error(rgb: np.ndarray, truth: np.ndarray, where: np.ndarray) -> float:
    lab, true = srgb_to_oklab(rgb), srgb_to_oklab(truth)
    return float(np.hypot(*np.moveaxis(lab[..., 1:] - true[..., 1:], -1, 0))[where].mean())


def test_a_red_patch_and_a_sallow_one_lose_most_of_their_colour_difference(cheek) -> None:
    before = chroma_error(cheek["blotched"], cheek["clean"], cheek["patches"])
    after = chroma_error(evened(cheek["blotched"], cheek["mask"]), cheek["clean"], cheek["patches"])
    assert before > 0.025, "the drawn patches stand out"
    assert after < 0.25 * before, (before, after)      # 0.17 measured


def test_nothing_outside_the_skin_changes(cheek) -> None:
    out = evened(cheek["blotched"], cheek["mask"])
    outside = cheek["mask"] == 0
    assert np.array_equal(out[outside], cheek["blotched"][outside])
    assert not np.array_equal(out[~outside], cheek["blotched"][~outside]), "and inside it does"


def test_the_lightness_its_grain_and_its_shading_stay(cheek) -> None:
    before, after = srgb_to_oklab(cheek["blotched"]), srgb_to_oklab(evened(cheek["blotched"], cheek["mask"]))
    inside = cv2.erode(cheek["mask"], np.ones((5, 5), np.uint8)) > 0
    assert np.abs(after[..., 0] - before[..., 0])[inside].max() < 0.01, "L moves by rounding at most"
    def detail(lab: np.ndarray) -> float:
        return float(np.sum((lab[..., 0] - cv2.GaussianBlur(lab[..., 0], (0, 0), 1.5))[inside] ** 2))
    assert detail(after) == pytest.approx(detail(before), rel=0.03)
    left, right = after[120, 40:60, 0].mean(), after[120, 180:200, 0].mean()
    assert left - right > 0.08, "the light still falls off across the cheek"


def test_freckles_keep_most_of_their_colour_and_all_their_darkness(cheek) -> None:
    before, after = srgb_to_oklab(cheek["clean"]), srgb_to_oklab(evened(cheek["clean"], cheek["mask"]))
    for centre in FRECKLES:
        dot = disc(centre, 1.5) > 0
        ring = (disc(centre, 6) > 0) & ~(disc(centre, 3) > 0)
        contrast = lambda lab: np.hypot(*(lab[dot][:, 1:].mean(0) - lab[ring][:, 1:].mean(0)))  # noqa: E731
        darker = lambda lab: lab[ring][:, 0].mean() - lab[dot][:, 0].mean()  # noqa: E731
        assert contrast(after) > 0.75 * contrast(before), centre
        assert darker(after) == pytest.approx(darker(before), abs=0.004), centre


def test_a_little_evens_less_and_an_even_colour_is_left_as_it_is(cheek) -> None:
    full = chroma_error(evened(cheek["blotched"], cheek["mask"]), cheek["clean"], cheek["patches"])
    little = chroma_error(evened(cheek["blotched"], cheek["mask"], strength=0.5), cheek["clean"], cheek["patches"])
    assert full < little < chroma_error(cheek["blotched"], cheek["clean"], cheek["patches"])
    flat = np.zeros((SIZE, SIZE, 3), np.uint8)
    flat[:] = (214, 170, 150)
    result = enhance(Image.fromarray(flat), parts=["even_skin"], mask=cheek["mask"])
    assert not result.changed and "evenness of the colour" in result.fine
    assert np.array_equal(np.asarray(result.image), flat)


def test_evening_needs_a_selection_and_is_no_part_of_auto(cheek) -> None:
    with pytest.raises(RetouchError, match="needs the skin selected"):
        enhance(Image.fromarray(cheek["blotched"]), parts=["even_skin"])
    with pytest.raises(ValueError, match="even_skin .* needs masked"):
        EnhanceArgs(parts=["even_skin"])
    assert EnhanceArgs(parts=["even_skin"], masked=True).parts == ["even_skin"]
    assert "even_skin" not in AUTO_PARTS


@pytest.mark.parametrize("text", [
    "even out my skin tone",
    "my skin looks blotchy",
    "the redness on his cheeks",
    "please soften the redness across my forehead",
    "her cheeks look blotchy in this one",
    "make my complexion more even",
    "evenly tone her face please",
])
def test_the_words_select_the_skin_and_even_it(text) -> None:
    got, plan, _ = actions(text)
    assert got == ["enhance"] and first_target(plan) == "skin", (text, plan.reply)
    (enhance_call,) = [call for call in plan.calls if call.tool == "enhance"]
    assert enhance_call.args.parts == ["even_skin"] and enhance_call.args.masked, text


@pytest.mark.parametrize("text,parts", [
    ("fix the skin tones", ["white_balance"]),       # the skin's colour is off, not uneven
    ("reduce the redness", ["white_balance"]),       # the whole photo leans red
])
def test_a_cast_is_still_a_white_balance(text, parts) -> None:
    _, plan, _ = actions(text)
    (enhance_call,) = [call for call in plan.calls if call.tool == "enhance"]
    assert enhance_call.args.parts == parts, (text, plan.reply)


def test_her_red_cheek_is_evened_in_words_and_the_rest_of_the_photo_kept(tmp_path, run_cli, embedded_finder,
                                                                          astronaut) -> None:
    """The astronaut with a red patch painted on her cheek (x 250, y 130, beside her nose): 'even out her skin
    tone' takes most of it out — 0.35 of its chroma error is left, part of which is the cheek's own colour evened
    too, which the comparison with the clean photo counts — and nothing outside the skin the finder selects
    changes."""
    photo = np.asarray(astronaut)
    lab = srgb_to_oklab(photo)
    ys, xs = np.mgrid[0:512, 0:512].astype(np.float32)
    patch = np.clip((12 - np.hypot(xs - 250, ys - 130)) / 4 + 0.5, 0, 1)
    blotched = oklab_to_srgb(with_shift(lab, patch, (0.05, 0.01)))
    source, out = tmp_path / "astronaut.png", tmp_path / "evened.png"
    Image.fromarray(blotched).save(source)
    code, said, _ = run_cli("edit", source, "even out her skin tone", "-o", out)
    assert code == 0, said
    result = pixels(out)
    where = patch > 0.5
    assert chroma_error(result, photo, where) < 0.45 * chroma_error(blotched, photo, where)
    (skin,) = embedded_finder.find(Image.fromarray(blotched), "skin")
    outside = np.asarray(skin.mask) == 0
    assert np.array_equal(result[outside], blotched[outside])


def test_a_photo_with_no_face_says_so_in_one_line(run_cli, tmp_path) -> None:
    code, _, err = run_cli("edit", DATA / "bunny.jpeg", "even out my skin tone", "-o", tmp_path / "out.png")
    assert code != 0 and not (tmp_path / "out.png").exists()
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "couldn't find the skin" in lines[0], err
