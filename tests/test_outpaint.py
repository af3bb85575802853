"""Outpainting with the built-in backend: geometry, staging and the no-seam / not-a-smear bar.

Real photos (tests/data and scikit-image), scaled small so the whole file runs in seconds. The
thresholds were measured with benchmarks/outpaint_quality.py and leave headroom; the floors they
must beat (a backend that leaves the edge-extension start as it is) are checked to fail them, so
the bars really separate texture from a smear.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from testkit.measures import seam_score
from tests.support import DATA
from retouch.tools.errors import Cancelled, RetouchError
from retouch.tools.inpaint import InpaintResult
from retouch.tools.outpaint import outpaint, plan_layout, stage_seed

SEAM_MAX = 1.8
"""Seam scores measured on these cases: 1.0–1.6 (benchmark median ≈ 1.2); for a strongly
structured photo the bar is the photo's own joins (see `own_joins`)."""
DETAIL_MIN = 0.35
GRADIENT_MIN = 0.35
"""New area vs the original's border band: high-pass std and gradient along the growth direction.
Quilting measures 0.55–1.1 on textured photos; the edge-extension start measures < 0.2."""


def photo(name: str, size: tuple[int, int] | None = None) -> Image.Image:
    """A test photo as RGB(A), optionally cropped from its centre to an exact (odd) size."""
    if name.startswith("sk:"):
        array = getattr(skdata, name[3:])()
        image = Image.fromarray(array).convert("RGB")
    else:
        with Image.open(DATA / name) as opened:
            image = opened.copy()
    if size is not None:
        scale = max(size[0] / image.width, size[1] / image.height)
        if scale < 1:
            image = image.resize((max(size[0], round(image.width * scale)), max(size[1], round(image.height * scale))),
                                 Image.Resampling.LANCZOS)
        left, top = (image.width - size[0]) // 2, (image.height - size[1]) // 2
        image = image.crop((left, top, left + size[0], top + size[1]))
    return image


def original_region(result, box=None) -> np.ndarray:
    x0, y0, x1, y1 = box or result.original_box
    return np.asarray(result.image)[y0:y1, x0:x1]


def strip_and_band(pixels: np.ndarray, box, side: str) -> tuple[np.ndarray, np.ndarray]:
    """The new area on `side` and the original's band of the same depth, growth along axis 1."""
    x0, y0, x1, y1 = box
    if side == "left":
        new = pixels[y0:y1, :x0]
        return new, pixels[y0:y1, x0:x0 + new.shape[1]]
    if side == "right":
        new = pixels[y0:y1, x1:]
        return new, pixels[y0:y1, x1 - new.shape[1]:x1]
    if side == "top":
        new = pixels[:y0, x0:x1]
        return new.transpose(1, 0, 2), pixels[y0:y0 + new.shape[0], x0:x1].transpose(1, 0, 2)
    new = pixels[y1:, x0:x1]
    return new.transpose(1, 0, 2), pixels[y1 - new.shape[0]:y1, x0:x1].transpose(1, 0, 2)


def own_joins(pixels: np.ndarray, side: str) -> float:
    """The 90th percentile of the seam score of the photo's *true* continuation, over cut lines
    across its middle third. On a brick wall a cut that lands on a mortar row scores 3+ even for
    the truth; a synthetic join may step as much as the picture's own joins do."""
    height, width = pixels.shape[:2]
    if side in ("left", "right"):
        scores = [seam_score(pixels, (0, 0, cut, height), "right") for cut in range(width // 3, 2 * width // 3, 5)]
    else:
        scores = [seam_score(pixels, (0, 0, width, cut), "bottom") for cut in range(height // 3, 2 * height // 3, 5)]
    return float(np.percentile(scores, 90))


def detail(pixels: np.ndarray) -> float:
    import cv2

    values = pixels.astype(np.float32)
    return float((values - cv2.GaussianBlur(values, (0, 0), 3)).std())


def growth_gradient(pixels: np.ndarray) -> float:
    return float(np.abs(np.diff(pixels.astype(np.float32), axis=1)).mean())


# ------------------------------------------------------------------ geometry and the invariant


@pytest.mark.parametrize("request_args,expected_size", [
    ({"right": 64}, (365, 203)),
    ({"left": 17, "top": 33}, (318, 236)),
    ({"left": 10, "right": 11, "top": 12, "bottom": 13}, (322, 228)),
    ({"zoom": 1.3}, (391, 264)),
    ({"size": (420, 250)}, (420, 250)),
    ({"size": (200, 200)}, (200, 200)),
])
def test_exact_size_and_original_bit_for_bit(request_args: dict, expected_size: tuple[int, int]) -> None:
    image = photo("sk:chelsea", (301, 203))
    result = outpaint(image, seed=3, **request_args)
    assert result.image.size == expected_size
    assert result.image.mode == "RGB"
    if result.scale == 1.0:
        assert np.array_equal(original_region(result), np.asarray(image))
    else:  # "size" smaller than the photo: the uniformly scaled photo, never enlarged
        x0, y0, x1, y1 = result.original_box
        scaled = image.resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
        assert np.array_equal(original_region(result), np.asarray(scaled))
        assert result.scale < 1 and (x1 - x0 == expected_size[0] or y1 - y0 == expected_size[1])


@pytest.mark.parametrize("aspect", ["16:9", "1:1", "9:16", "4:3", "21:9", "2.35:1"])
def test_aspect_is_met_within_a_pixel_with_the_least_canvas(aspect: str) -> None:
    image = photo("sk:chelsea", (301, 203))
    layout = plan_layout(image.size, aspect=aspect)
    w_ratio, h_ratio = (float(part) for part in aspect.split(":"))
    width, height = layout.size
    assert abs(width - height * w_ratio / h_ratio) <= 1
    assert width == 301 or height == 203, "only one dimension grows"
    # split evenly between opposite sides
    assert abs(layout.left - layout.right) <= 1 and abs(layout.top - layout.bottom) <= 1


def test_aspect_run_end_to_end_keeps_the_original() -> None:
    image = photo("sk:chelsea", (301, 203))
    result = outpaint(image, aspect="16:9", seed=1)
    assert result.image.size == (361, 203)
    assert [stage["side"] for stage in result.stages] == ["left", "right"]
    assert np.array_equal(original_region(result), np.asarray(image))


def test_named_side_takes_all_of_an_aspect_or_zoom() -> None:
    assert plan_layout((301, 203), aspect="16:9", sides=["right"]).right == 60
    layout = plan_layout((301, 203), aspect="9:16", sides=["top"])
    assert (layout.top, layout.bottom) == (332, 0)
    zoomed = plan_layout((301, 203), zoom=1.5, sides=["top", "left"])
    assert zoomed.left == 151 and zoomed.top == 101 and zoomed.right == zoomed.bottom == 0
    assert plan_layout((301, 203), sides=["top"]).top == 51, "a side named alone grows by a quarter"


@pytest.mark.parametrize("kwargs,needle", [
    ({}, "nothing to add"),
    ({"aspect": "301:203"}, "already 301:203"),
    ({"size": (301, 203)}, "already 301×203"),
    ({"aspect": "16:9", "sides": ["top"]}, "wider"),
    ({"size": (20000, 20000)}, "MP limit"),
    ({"right": 16384, "left": 16384, "top": 4000, "bottom": 4000}, "MP limit"),
    ({"size": (500, 300), "right": 5}, "can't be combined"),
    ({"sides": ["middle"]}, "not a side"),
    ({"right": -5}, "negative"),
])
def test_impossible_requests_are_one_clear_error(kwargs: dict, needle: str) -> None:
    with pytest.raises(RetouchError, match=needle) as caught:
        outpaint(photo("sk:chelsea", (301, 203)), **kwargs)
    assert caught.value.hint, "every refusal says what to do instead"


# ------------------------------------------------------------------ staging


def test_stages_run_left_right_top_bottom_within_step_with_overlap() -> None:
    image = photo("bunny.jpeg", (161, 121))
    result = outpaint(image, left=150, right=70, top=100, bottom=40, step=64, overlap=48, seed=5)
    sides = [stage["side"] for stage in result.stages]
    assert sides == ["left", "left", "left", "right", "right", "top", "top", "bottom"]
    for stage in result.stages:
        x0, y0, x1, y1 = stage["box"]
        cx0, cy0, cx1, cy1 = stage["context"]
        depth = x1 - x0 if stage["side"] in ("left", "right") else y1 - y0
        context = cx1 - cx0 if stage["side"] in ("left", "right") else cy1 - cy0
        assert 0 < depth <= 64
        assert context >= 48, "each stage sees at least `overlap` px of what exists"
        assert stage["backend"] == "builtin" and stage["seconds"] >= 0
    # corners last: top and bottom strips span the already widened canvas
    top = next(stage for stage in result.stages if stage["side"] == "top")
    assert top["box"][0] == 0 and top["box"][2] == result.image.width
    # the strips tile the new area exactly once
    covered = np.zeros(result.image.size[::-1], np.int32)
    for stage in result.stages:
        x0, y0, x1, y1 = stage["box"]
        covered[y0:y1, x0:x1] += 1
    x0, y0, x1, y1 = result.original_box
    covered[y0:y1, x0:x1] += 1
    assert (covered == 1).all()


def test_context_is_capped_by_what_exists() -> None:
    result = outpaint(photo("bunny.jpeg", (61, 41)), right=100, step=50, overlap=96, seed=1)
    first, second = result.stages
    assert first["context"] == [0, 0, 61, 41], "a small image gives all it has"
    assert second["context"][2] - second["context"][0] == 96


def test_a_new_seed_per_stage_and_determinism() -> None:
    image = photo("sk:coffee", (160, 107))
    one = outpaint(image, zoom=1.6, step=32, seed=11)
    seeds = [stage["seed"] for stage in one.stages]
    assert len(seeds) == len(set(seeds)) and len(seeds) >= 6
    assert seeds == [stage_seed(11, index) for index in range(len(seeds))]
    again = outpaint(image, zoom=1.6, step=32, seed=11)
    assert np.array_equal(np.asarray(one.image), np.asarray(again.image))
    other = outpaint(image, zoom=1.6, step=32, seed=12)
    assert not np.array_equal(np.asarray(one.image), np.asarray(other.image))


def test_progress_per_stage_and_cancel_between_stages() -> None:
    image = photo("sk:coffee", (120, 80))
    calls: list[tuple[int, int, str]] = []
    result = outpaint(image, left=40, right=40, step=32, seed=1, progress=lambda *a: calls.append(a))
    assert calls[0] == (0, 4, "outpaint left")
    assert calls[1:] == [(1, 4, "outpaint left"), (2, 4, "outpaint left"), (3, 4, "outpaint right"),
                         (4, 4, "outpaint right")]
    assert len(result.stages) == 4

    cancel = threading.Event()

    def cancel_after_second(done: int, total: int, what: str) -> None:
        if done == 2:
            cancel.set()

    with pytest.raises(Cancelled):
        outpaint(image, left=40, right=40, step=32, seed=1, progress=cancel_after_second, cancel=cancel)


def test_stage_records_are_json() -> None:
    import json

    result = outpaint(photo("sk:coffee", (120, 80)), top=30, seed=1)
    json.dumps(result.stages)
    assert set(result.stages[0]) >= {"side", "box", "context", "seed", "backend", "seconds"}


# ------------------------------------------------------------------ modes


def test_rgba_keeps_alpha_and_new_area_is_opaque() -> None:
    image = photo("image.png", (181, 151))  # RGBA
    assert image.mode == "RGBA"
    pixels = np.asarray(image).copy()
    pixels[:20, :20, 3] = 0  # make some of the original transparent
    image = Image.fromarray(pixels, "RGBA")
    result = outpaint(image, left=30, bottom=25, seed=2)
    assert result.image.mode == "RGBA" and result.image.size == (211, 176)
    out = np.asarray(result.image)
    x0, y0, x1, y1 = result.original_box
    assert np.array_equal(out[y0:y1, x0:x1], pixels), "colour and alpha of the original, bit for bit"
    new_area = np.ones(out.shape[:2], bool)
    new_area[y0:y1, x0:x1] = False
    assert (out[..., 3][new_area] == 255).all()


def test_grayscale_stays_grayscale() -> None:
    image = Image.fromarray(skdata.camera()).resize((160, 160))
    result = outpaint(image, right=40, seed=1)
    assert result.image.mode == "L" and result.image.size == (200, 160)
    assert np.array_equal(np.asarray(result.image)[:, :160], np.asarray(image))


# ------------------------------------------------------------------ quality bars


QUALITY_CASES = [
    ("bunny.jpeg", (224, 197), {"right": 128}),
    ("bunny.jpeg", (224, 197), {"left": 96, "bottom": 80}),
    ("sk:grass", (256, 256), {"right": 128}),
    ("sk:brick", (256, 256), {"bottom": 96}),
    ("sk:gravel", (256, 256), {"top": 96, "left": 64}),
    ("overture-creations-5sI6fQgYIuo.png", (256, 256), {"top": 96}),
    ("sk:chelsea", (301, 203), {"aspect": "16:9"}),
]


@pytest.mark.parametrize("name,size,kwargs", QUALITY_CASES, ids=[f"{c[0]}-{'-'.join(c[2])}" for c in QUALITY_CASES])
def test_no_visible_seam_and_real_texture(name: str, size: tuple[int, int], kwargs: dict) -> None:
    image = photo(name, size)
    result = outpaint(image, seed=7, **kwargs)
    pixels = np.asarray(result.image.convert("RGB"))
    for side in dict.fromkeys(stage["side"] for stage in result.stages):
        score = seam_score(pixels, result.original_box, side)
        limit = max(SEAM_MAX, own_joins(np.asarray(image.convert("RGB")), side))
        assert score <= limit, f"{side} seam {score:.2f} > {limit:.2f}"
        new, band = strip_and_band(pixels, result.original_box, side)
        if name == "overture-creations-5sI6fQgYIuo.png":
            continue  # sky above trees: smoother than the band it continues, rightly
        assert detail(new) >= DETAIL_MIN * detail(band), f"{side}: flat"
        assert growth_gradient(new) >= GRADIENT_MIN * growth_gradient(band), f"{side}: smeared"


class _Floor:
    """A backend that paints the strip itself: `smear` stretches the edge pixels outward, `flat`
    fills with the border's mean colour. Both are seamless; neither is texture."""

    def __init__(self, kind: str) -> None:
        self.name = kind

    def supports(self, request) -> bool:
        return True

    def inpaint(self, image, mask, request, *, progress=None, cancel=None) -> InpaintResult:
        pixels = np.asarray(image.convert("RGB")).copy()
        hole = np.asarray(mask) == 255
        columns = np.flatnonzero(hole.any(axis=0))
        side = request.extra["side"]
        if side in ("left", "right"):
            edge = columns[-1] + 1 if side == "left" else columns[0] - 1
            fill = np.repeat(pixels[:, edge:edge + 1], pixels.shape[1], axis=1)
        else:
            rows = np.flatnonzero(hole.any(axis=1))
            edge = rows[-1] + 1 if side == "top" else rows[0] - 1
            fill = np.repeat(pixels[edge:edge + 1], pixels.shape[0], axis=0)
        if self.name == "flat":
            fill[...] = pixels[~hole].mean(axis=0).astype(np.uint8)
        pixels[hole] = fill[hole]
        return InpaintResult(images=[Image.fromarray(pixels)], info={"backend": self.name})


@pytest.mark.parametrize("kind", ["smear", "flat"])
def test_the_bars_fail_a_smear_and_a_flat_fill(kind: str) -> None:
    """The texture bars must tell copied texture from a smear or a flat fill (and the seam bar
    must not be what catches them: both are seamless, or close)."""
    image = photo("sk:grass", (256, 256))
    result = outpaint(image, right=128, seed=7, inpainter=_Floor(kind))
    pixels = np.asarray(result.image.convert("RGB"))
    new, band = strip_and_band(pixels, result.original_box, "right")
    assert growth_gradient(new) < GRADIENT_MIN * growth_gradient(band)
    assert np.array_equal(original_region(result), np.asarray(image))
    if kind == "smear":
        assert seam_score(pixels, result.original_box, "right") <= SEAM_MAX
        assert detail(new) >= DETAIL_MIN * detail(band), "a smear keeps detail across rows: the gradient bar is needed"
    else:
        assert detail(new) < DETAIL_MIN * detail(band)


@pytest.mark.parametrize("size,kwargs", [
    ((1, 1), {"right": 5, "bottom": 3}),
    ((3, 200), {"aspect": "16:9"}),
    ((200, 4), {"zoom": 2.0, "step": 16}),
    ((17, 9), {"left": 40, "top": 40, "overlap": 0}),
    ((64, 48), {"size": (30, 70)}),
])
def test_small_and_odd_requests_still_hold_the_invariant(size: tuple[int, int], kwargs: dict) -> None:
    rng = np.random.default_rng(1)
    image = Image.fromarray(rng.integers(0, 256, (size[1], size[0], 4), dtype=np.uint8), "RGBA")
    result = outpaint(image, seed=1, **kwargs)
    x0, y0, x1, y1 = result.original_box
    placed = image if result.scale == 1 else image.resize((x1 - x0, y1 - y0), Image.Resampling.LANCZOS)
    assert np.array_equal(original_region(result), np.asarray(placed))
    for stage in result.stages:
        cx0, cy0, cx1, cy1 = stage["context"]
        assert cx1 > cx0 and cy1 > cy0, "every stage sees some of the picture, even at overlap 0"
