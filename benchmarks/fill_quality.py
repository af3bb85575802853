"""How well does the built-in remover fill a hole, against plain PatchMatch and OpenCV's fills?

Holes are cut into real photos, so the truth inside each hole is known. Every method fills the
same damaged picture (the hole's pixels zeroed) and is scored inside the hole only — pixels
outside are the original by contract:

* PSNR over the hole's pixels; SSIM: the SSIM map of the hole's box (plus a margin) averaged over
  the hole (both reward blur: a fill that invents plausible texture scores lower than a smear);
* texture error: |1 − G(fill) / G(truth)| inside the hole, G = mean gradient magnitude (Sobel on
  grey): 0 when the fill is as detailed as what was there, 1 for a flat fill;
* ring ratio: G inside the hole ÷ G in the 12-px ring just outside it — ~1 where the texture
  continues, low for a smear (the truth's own value is printed beside it);
* leak (object cases): the share of hole pixels coloured like the subject and unlike the rest
  (the truth there is background, so this is what was copied or smeared from the subject);
* ms per fill.

Cases: 12 real photos × 3 hole sizes (≈2/8/22 %) × 3 shapes (rectangle, blob, brush stroke),
seeded by name; plus object-shaped holes next to a subject (the subject's own outline moved
beside it; the subject is the region a method may exclude); plus the fence photo with the person
masked (no truth: ring ratio only — the goal is 0.8–1.4).

    .venv/bin/python benchmarks/fill_quality.py [--quick] [--methods a,b] [--json PATH] [--sheet PATH]

Writes the JSON and a contact sheet (rows = cases, columns = methods; a crop around each hole) to
benchmarks/results/. Reads only tests/data and the photos bundled with scikit-image.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import cv2
import numpy as np
from PIL import Image, ImageDraw
from skimage import data as skdata
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.fill import content_aware_fill  # noqa: E402
from retouch.tools.subject import likely_subject  # noqa: E402

DATA = ROOT / "tests" / "data"
RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_JSON = RESULTS / "fill_quality.json"
DEFAULT_SHEET = RESULTS / "fill_quality_sheet.png"

SIZES = {"small": 0.02, "medium": 0.08, "large": 0.22}
SHAPES = ("rect", "blob", "stroke")
MAX_SIDE = 512
"""Photos are scaled down to this longest side."""
RING = 12

PHOTOS = ("image.png", "overture-creations-5sI6fQgYIuo.png", "bunny.jpeg", "png_parameter_test.png",
          "sk:astronaut", "sk:coffee", "sk:chelsea", "sk:rocket", "sk:camera", "sk:stereo_motorcycle",
          "sk:brick", "sk:gravel")
QUICK_PHOTOS = ("overture-creations-5sI6fQgYIuo.png", "bunny.jpeg", "sk:astronaut", "sk:brick")
SUBJECTS = {
    # photo: where its subject's outline comes from (a bundled mask, or tools.subject's estimate)
    "image.png": "mask.png",
    "overture-creations-5sI6fQgYIuo.png": "overture-creations-5sI6fQgYIuo_mask.png",
    "bunny.jpeg": "estimate",
    "sk:coffee": "estimate",
    "sk:chelsea": "estimate",
}
FENCE = ("image.png", "mask.png", 14)
"""The demo's case: the person in front of the chain-link fence, her mask grown as refine does."""

Method = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]
"""(damaged image, hole, excluded) → filled image; a method that can't exclude ignores it."""


def _patchmatch(image: np.ndarray, hole: np.ndarray, excluded: np.ndarray) -> np.ndarray:
    import patchmatch

    patchmatch.set_random_seed(0)
    out = image.copy()
    out[hole] = patchmatch.inpaint(image, hole.astype(np.uint8), patch_size=3)[hole]
    return out


def _opencv(flag: int) -> Method:
    def fill(image: np.ndarray, hole: np.ndarray, excluded: np.ndarray) -> np.ndarray:
        out = image.copy()
        out[hole] = cv2.inpaint(image, hole.astype(np.uint8), 5, flag)[hole]
        return out
    return fill


def _shiftmap(image: np.ndarray, hole: np.ndarray, excluded: np.ndarray) -> np.ndarray:
    lab = cv2.cvtColor(image, cv2.COLOR_RGB2Lab)  # xphoto wants intensity first
    result = np.zeros_like(lab)
    cv2.xphoto.inpaint(lab, np.where(hole, 0, 255).astype(np.uint8), result, cv2.xphoto.INPAINT_SHIFTMAP)
    out = image.copy()
    out[hole] = cv2.cvtColor(result, cv2.COLOR_Lab2RGB)[hole]
    return out


METHODS: dict[str, Method] = {
    "ours": lambda image, hole, excluded: content_aware_fill(image, hole, seed=0, exclude=excluded),
    "patchmatch": _patchmatch,
    "telea": _opencv(cv2.INPAINT_TELEA),
    "ns": _opencv(cv2.INPAINT_NS),
    "shiftmap": _shiftmap,
}


# --------------------------------------------------------------------------------------- photos

def load_photo(name: str) -> np.ndarray:
    """A photo as uint8 RGB, longest side at most MAX_SIDE ('sk:NAME' = scikit-image's)."""
    if name.startswith("sk:"):
        rgb = getattr(skdata, name[3:])()
        if isinstance(rgb, tuple):  # a stereo pair: its left view
            rgb = rgb[0]
        if rgb.ndim == 2:
            rgb = np.dstack([rgb] * 3)
    else:
        with Image.open(DATA / name) as opened:
            rgb = np.asarray(opened.convert("RGB"))
    return _fit(np.ascontiguousarray(rgb[..., :3]))


def _fit(rgb: np.ndarray, side: int = MAX_SIDE, interpolation: int = cv2.INTER_AREA) -> np.ndarray:
    height, width = rgb.shape[:2]
    scale = side / max(height, width)
    if scale >= 1:
        return rgb
    return cv2.resize(rgb, (round(width * scale), round(height * scale)), interpolation=interpolation)


def subject_mask(photo: str, rgb: np.ndarray) -> np.ndarray:
    source = SUBJECTS[photo]
    if source == "estimate":
        return likely_subject(rgb, grow=0.0, drop=0.0)  # the outline, as tight as a finder's mask
    with Image.open(DATA / source) as opened:
        mask = np.asarray(opened.convert("L"))
    return cv2.resize(mask, rgb.shape[1::-1], interpolation=cv2.INTER_NEAREST) > 127


# ---------------------------------------------------------------------------------------- holes

def make_hole(shape: tuple[int, int], kind: str, fraction: float, rng: np.random.Generator) -> np.ndarray:
    """A bool hole of about `fraction` of the image, of the given kind, a few pixels off the border."""
    height, width = shape
    area = fraction * height * width
    if kind == "rect":
        aspect = rng.uniform(0.6, 1.6)
        rh = int(min(height - 8, round(np.sqrt(area / aspect))))
        rw = int(min(width - 8, round(area / max(rh, 1))))
        top = int(rng.integers(4, height - rh - 3))
        left = int(rng.integers(4, width - rw - 3))
        hole = np.zeros(shape, bool)
        hole[top:top + rh, left:left + rw] = True
        return hole
    if kind == "blob":
        return _grow_to(_blob_seed(shape, rng), area)
    if kind == "stroke":
        return _grow_to(_stroke_seed(shape, rng, area), area)
    raise ValueError(kind)


def _blob_seed(shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """A smooth random field whose top values, around a random centre, make an organic blob."""
    height, width = shape
    noise = cv2.GaussianBlur(rng.standard_normal(shape).astype(np.float32), (0, 0), min(shape) / 14)
    noise /= noise.std() + 1e-6
    cy, cx = rng.uniform(0.3, 0.7) * height, rng.uniform(0.3, 0.7) * width
    yy, xx = np.mgrid[0:height, 0:width]
    radial = ((yy - cy) / height) ** 2 + ((xx - cx) / width) ** 2
    return noise - 12.0 * radial


def _stroke_seed(shape: tuple[int, int], rng: np.random.Generator, area: float) -> np.ndarray:
    """A brush stroke: a thick wandering polyline, as a user would paint over a wire or a person."""
    height, width = shape
    thickness = max(3, int(np.sqrt(area) / 4))
    points = [np.array([rng.uniform(0.25, 0.75) * width, rng.uniform(0.25, 0.75) * height])]
    heading = rng.uniform(0, 2 * np.pi)
    canvas = np.zeros(shape, np.uint8)
    for _ in range(40):
        heading += rng.normal(0, 0.5)
        step = np.array([np.cos(heading), np.sin(heading)]) * thickness
        nxt = np.clip(points[-1] + step, [thickness, thickness], [width - thickness, height - thickness])
        cv2.line(canvas, tuple(int(v) for v in points[-1]), tuple(int(v) for v in nxt), 255, thickness)
        points.append(nxt)
        if np.count_nonzero(canvas) >= area:
            break
    return -cv2.distanceTransform((canvas == 0).astype(np.uint8), cv2.DIST_L2, 3)


def _grow_to(score: np.ndarray, area: float) -> np.ndarray:
    """Threshold a score map so that the hole covers `area` pixels, keeping a 4-px frame free."""
    frame = np.zeros(score.shape, bool)
    frame[4:-4, 4:-4] = True
    values = np.where(frame, score, -np.inf)
    threshold = np.partition(values.ravel(), -int(area))[-int(area)]
    return values >= threshold


def beside(subject: np.ndarray, gap: int = 2, share: float = 0.06) -> np.ndarray:
    """A hole shaped like the subject, scaled to about `share` of the frame and set right beside
    it (`gap` px away), level with its lower part, on the side with more room: where a remover's
    fill would most like to copy the subject from."""
    height, width = subject.shape
    ys, xs = np.nonzero(subject)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    outline = subject[y0:y1, x0:x1].astype(np.uint8)
    scale = min(1.0, float(np.sqrt(share * height * width / max(1, outline.sum()))))
    small = cv2.resize(outline, (max(1, round((x1 - x0) * scale)), max(1, round((y1 - y0) * scale))),
                       interpolation=cv2.INTER_NEAREST)
    sh, sw = small.shape
    top = int(min(max(4, y1 - sh), height - sh - 4))
    grown = cv2.dilate(subject.astype(np.uint8), np.ones((2 * gap + 1,) * 2, np.uint8)).astype(bool)
    left_room, right_room = x0, width - x1
    if right_room >= left_room:
        columns = range(min(x1 + gap, width - sw - 4), 3, -1)  # nearest to the subject first
    else:
        columns = range(max(x0 - gap - sw, 4), width - sw - 3)
    best, best_area = None, 0
    for left in list(columns)[: width]:
        hole = np.zeros_like(subject)
        hole[top:top + sh, left:left + sw] = small > 0
        hole &= ~grown
        area = int(hole.sum())
        if area > best_area:
            best, best_area = hole, area
        if area >= 0.9 * int((small > 0).sum()):
            return hole
    if best is None:
        raise ValueError("no room beside the subject")
    return best


@dataclass
class Case:
    name: str
    photo: str
    kind: str
    """small / medium / large / object / fence"""
    hole: np.ndarray
    subject: np.ndarray
    truth: bool = True


def cases(photos: dict[str, np.ndarray], shapes: tuple[str, ...] = SHAPES) -> list[Case]:
    out = []
    empty = {name: np.zeros(rgb.shape[:2], bool) for name, rgb in photos.items()}
    for name, rgb in photos.items():
        for size, fraction in SIZES.items():
            for shape in shapes:
                rng = np.random.default_rng(zlib.crc32(f"{name}/{size}/{shape}".encode()))
                out.append(Case(f"{_short(name)}/{size}/{shape}", name, size,
                                make_hole(rgb.shape[:2], shape, fraction, rng), empty[name]))
    for name in SUBJECTS:
        if name in photos:
            subject = subject_mask(name, photos[name])
            out.append(Case(f"{_short(name)}/beside-subject", name, "object", beside(subject), subject))
    photo, mask_name, grow = FENCE
    if photo in photos:
        with Image.open(DATA / mask_name) as opened:
            mask = cv2.resize(np.asarray(opened.convert("L")), photos[photo].shape[1::-1],
                              interpolation=cv2.INTER_NEAREST)
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * grow + 1,) * 2)
        hole = cv2.dilate((mask > 0).astype(np.uint8), kernel).astype(bool)
        out.append(Case("fence/person", photo, "fence", hole, empty[photo], truth=False))
    return out


def _short(name: str) -> str:
    return Path(name.removeprefix("sk:")).stem[:14]


# -------------------------------------------------------------------------------------- scoring

def gradient_magnitude(rgb: np.ndarray) -> np.ndarray:
    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32)
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3) / 8
    return np.sqrt(gx * gx + gy * gy)


def ring_of(hole: np.ndarray, width: int = RING) -> np.ndarray:
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * width + 1,) * 2)
    return cv2.dilate(hole.astype(np.uint8), kernel).astype(bool) & ~hole


def ring_ratio(rgb: np.ndarray, hole: np.ndarray) -> float:
    """Mean gradient magnitude inside the hole ÷ in the ring just outside it."""
    magnitude = gradient_magnitude(rgb)
    return float(magnitude[hole].mean() / max(magnitude[ring_of(hole)].mean(), 1e-6))


def texture_error(truth: np.ndarray, filled: np.ndarray, hole: np.ndarray) -> float:
    ours, real = gradient_magnitude(filled)[hole].mean(), gradient_magnitude(truth)[hole].mean()
    return float(abs(1.0 - ours / max(real, 1e-6)))


def psnr_ssim(truth: np.ndarray, filled: np.ndarray, hole: np.ndarray) -> tuple[float, float]:
    psnr = peak_signal_noise_ratio(truth[hole], filled[hole], data_range=255)
    ys, xs = np.nonzero(hole)
    margin = 8
    top, bottom = max(ys.min() - margin, 0), min(ys.max() + margin + 1, hole.shape[0])
    left, right = max(xs.min() - margin, 0), min(xs.max() + margin + 1, hole.shape[1])
    _, ssim_map = structural_similarity(truth[top:bottom, left:right], filled[top:bottom, left:right],
                                        channel_axis=2, data_range=255, full=True)
    ssim = float(ssim_map.mean(axis=2)[hole[top:bottom, left:right]].mean())
    return float(min(psnr, 99.0)), ssim


def leak(truth: np.ndarray, filled: np.ndarray, hole: np.ndarray, subject: np.ndarray, bins: int = 16) -> float:
    """Share of the hole's pixels whose colour says 'subject': a colour bin (16³) is the
    subject's when ≥ 90 % of the known pixels in it belong to the subject. The truth inside these
    holes is background, so a clean fill scores near 0 and every subject-coloured pixel in it
    was copied (or smeared) from the subject."""
    def index(pixels: np.ndarray) -> np.ndarray:
        quantised = (pixels // (256 // bins)).astype(np.int64)
        return quantised[..., 0] * bins * bins + quantised[..., 1] * bins + quantised[..., 2]

    known = ~hole
    ours = np.bincount(index(truth[subject & known]), minlength=bins ** 3).astype(np.float64)
    theirs = np.bincount(index(truth[~subject & known]), minlength=bins ** 3).astype(np.float64)
    ours, theirs = ours / max(ours.sum(), 1), theirs / max(theirs.sum(), 1)
    telling = ours / np.maximum(ours + theirs, 1e-12) >= 0.9
    return float(telling[index(filled[hole])].mean())


# -------------------------------------------------------------------------------------- running

def run(photos: dict[str, np.ndarray], methods: dict[str, Method], all_cases: list[Case],
        verbose: bool = False) -> tuple[list[dict], dict[tuple[str, str], np.ndarray]]:
    rows, results = [], {}
    for case in all_cases:
        truth = photos[case.photo]
        damaged = truth.copy()
        damaged[case.hole] = 0  # nothing of the truth may leak into a method
        for method, fill in methods.items():
            started = time.perf_counter()
            filled = fill(damaged, case.hole, case.subject)
            elapsed = time.perf_counter() - started
            if not np.array_equal(filled[~case.hole], truth[~case.hole]):
                raise AssertionError(f"{method} changed pixels outside the hole on {case.name}")
            row = {"case": case.name, "photo": case.photo, "kind": case.kind, "method": method,
                   "hole_fraction": round(float(case.hole.mean()), 4), "ms": round(elapsed * 1000, 1),
                   "ring_ratio": round(ring_ratio(filled, case.hole), 3)}
            if case.truth:
                psnr, ssim = psnr_ssim(truth, filled, case.hole)
                row.update(psnr=round(psnr, 3), ssim=round(ssim, 4),
                           texture_error=round(texture_error(truth, filled, case.hole), 3),
                           truth_ring_ratio=round(ring_ratio(truth, case.hole), 3))
            if case.kind == "object":
                row["leak"] = round(leak(truth, filled, case.hole, case.subject), 4)
                row["truth_leak"] = round(leak(truth, truth, case.hole, case.subject), 4)
            rows.append(row)
            results[(case.name, method)] = filled
            if verbose:
                print("  " + "  ".join(f"{k}={v}" for k, v in row.items() if k not in ("photo",)), flush=True)
    return rows, results


def summarise(rows: list[dict], methods: list[str]) -> tuple[str, dict]:
    """Per method and case kind: means of PSNR, SSIM, texture error, ring ratio (median), ms."""
    kinds = [kind for kind in ("small", "medium", "large", "object", "fence") if any(r["kind"] == kind for r in rows)]
    header = (f"{'method':>10} {'holes':>7} {'n':>4} {'PSNR dB':>8} {'SSIM':>7} {'tex err':>8} "
              f"{'ring':>6} {'truth':>6} {'leak':>6} {'ms':>8}")
    lines = [header, "-" * len(header)]
    table: dict = {}
    for kind in kinds:
        for method in methods:
            sel = [r for r in rows if r["method"] == method and r["kind"] == kind]
            if not sel:
                continue
            stats = {"n": len(sel), "ms": float(np.mean([r["ms"] for r in sel])),
                     "ring_ratio": float(np.median([r["ring_ratio"] for r in sel]))}
            for key in ("psnr", "ssim", "texture_error", "leak"):
                values = [r[key] for r in sel if key in r]
                if values:
                    stats[key] = float(np.mean(values))
            truths = [r["truth_ring_ratio"] for r in sel if "truth_ring_ratio" in r]
            stats["truth_ring_ratio"] = float(np.median(truths)) if truths else None
            table.setdefault(method, {})[kind] = stats
            lines.append(f"{method:>10} {kind:>7} {stats['n']:>4} {_f(stats.get('psnr'), 8, 2)} "
                         f"{_f(stats.get('ssim'), 7, 4)} {_f(stats.get('texture_error'), 8, 3)} "
                         f"{stats['ring_ratio']:6.2f} {_f(stats['truth_ring_ratio'], 6, 2)} "
                         f"{_f(stats.get('leak'), 6, 3)} {stats['ms']:8.0f}")
        lines.append("")
    return "\n".join(lines), table


def _f(value: float | None, width: int, digits: int) -> str:
    return f"{value:{width}.{digits}f}" if value is not None else f"{'—':>{width}}"


# ----------------------------------------------------------------------------------- the sheet

def contact_sheet(photos: dict[str, np.ndarray], all_cases: list[Case], results: dict, methods: list[str],
                  path: Path, cell: int = 200) -> None:
    """Rows = cases (one large blob per photo, the object cases, the fence), columns = the damaged
    crop (hole in magenta), the truth, then each method; every cell is the hole's box plus a margin."""
    chosen = [c for c in all_cases if c.kind in ("object", "fence") or c.name.endswith("/large/blob")
              or c.name.endswith("/medium/rect")]
    columns = ["hole", "truth", *methods]
    label_h = 18
    sheet = Image.new("RGB", (cell * len(columns) + 150, label_h + cell * len(chosen)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, name in enumerate(columns):
        draw.text((150 + index * cell + 4, 3), name, fill="black")
    for row, case in enumerate(chosen):
        truth = photos[case.photo]
        top, bottom, left, right = _view(case.hole)
        damaged = truth.copy()
        damaged[case.hole] = (255, 0, 255)
        if case.subject.any():
            edge = case.subject & ~cv2.erode(case.subject.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
            damaged[edge] = (0, 255, 255)
        cells = [damaged, truth if case.truth else np.full_like(truth, 255)] + [results[(case.name, m)] for m in methods]
        y = label_h + row * cell
        draw.text((4, y + cell // 2 - 6), case.name, fill="black")
        for column, pixels in enumerate(cells):
            view = Image.fromarray(np.ascontiguousarray(pixels[top:bottom, left:right]))
            view.thumbnail((cell - 4, cell - 4), Image.Resampling.LANCZOS)
            sheet.paste(view, (150 + column * cell + 2, y + 2))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)


def _view(hole: np.ndarray, margin: float = 0.35) -> tuple[int, int, int, int]:
    ys, xs = np.nonzero(hole)
    height, width = hole.shape
    pad_y, pad_x = int((ys.max() - ys.min()) * margin) + 12, int((xs.max() - xs.min()) * margin) + 12
    return (max(0, ys.min() - pad_y), min(height, ys.max() + pad_y + 1),
            max(0, xs.min() - pad_x), min(width, xs.max() + pad_x + 1))


# ---------------------------------------------------------------------------- removal success

PEOPLE = ("image.png", "sk:astronaut", "sk:camera")
"""The benchmark's photos with a person in them."""


def removal_success(fills: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray] | None],
                    check: dict[str, bool]) -> list[dict]:
    """'remove the person' through the executor (plan resolved as the agent does, embedded
    finder) on each people photo, then whether the finder still sees a person where she was, and
    its mean person probability over the removed area (`ghost`: how much of her it still senses).

    `fills` maps a variant's name to the fill the built-in backend should use (None: today's);
    `check` says whether the variant looks again and refills (the executor's check-your-work)."""
    from retouch.agent import executor as executor_module
    from retouch.agent.executor import Backends, Executor
    from retouch.agent.plan import InpaintArgs, InpaintCall, Plan, RefineMaskArgs, RefineMaskCall, SelectArgs, SelectCall
    from retouch.agent.policy import resolve_plan
    from retouch.tools import builtin_inpainter, recheck
    from retouch.tools.finders.embedded import EmbeddedFinder

    plan, _ = resolve_plan(Plan(calls=[SelectCall(args=SelectArgs(target="person")), RefineMaskCall(args=RefineMaskArgs()),
                                       InpaintCall(args=InpaintArgs(task="remove", seed=0))]))
    finder = EmbeddedFinder()
    rows = []
    for photo in PEOPLE:
        image = Image.fromarray(load_photo(photo))
        for variant, fill in fills.items():
            real_fill, real_check = builtin_inpainter.fill_window, executor_module._look_again
            if fill is not None:
                builtin_inpainter.fill_window = lambda pixels, hole, seed=0, exclude=None, f=fill: (
                    (0, hole.shape[0], 0, hole.shape[1]), f(np.asarray(pixels.convert("RGB")), hole))
            if not check[variant]:
                executor_module._look_again = lambda *args, **kwargs: None
            try:
                started = time.perf_counter()
                result = Executor(Backends(_finder=finder, _inpainter=builtin_inpainter.BuiltinInpainter())).run(
                    plan.calls, image)
                seconds = time.perf_counter() - started
            finally:
                builtin_inpainter.fill_window, executor_module._look_again = real_fill, real_check
            seen = recheck.left_over(finder.find(result.images[0], "person"), result.mask, None, image.size)
            ghost = float(finder.scene(result.images[0]).probability[np.asarray(result.mask) > 127].mean())
            rows.append({"photo": photo, "variant": variant, "removed": not seen, "ghost": round(ghost, 4),
                         "refilled": bool(
                result.records[-1].get("check", {}).get("filled_again")), "seconds": round(seconds, 2)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="four photos, rectangles and blobs, no shift-map")
    parser.add_argument("--methods", help=f"comma-separated subset of {', '.join(METHODS)}")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--sheet", type=Path, default=DEFAULT_SHEET)
    parser.add_argument("--verbose", action="store_true", help="print every case as it runs")
    parser.add_argument("--removal", action="store_true",
                        help="only the removal success rate on the people photos (needs mediapipe)")
    args = parser.parse_args(argv)
    if args.removal:
        return _report_removal(args.json.with_name("removal_success.json"))

    names = QUICK_PHOTOS if args.quick else PHOTOS
    photos = {name: load_photo(name) for name in dict.fromkeys((*names, FENCE[0]))}
    shapes = ("rect", "blob") if args.quick else SHAPES
    chosen = args.methods.split(",") if args.methods else [m for m in METHODS if not (args.quick and m == "shiftmap")]
    methods = {name: METHODS[name] for name in chosen}
    cv2.setNumThreads(1)  # comparable timings on a shared machine
    all_cases = cases(photos, shapes)
    rows, results = run(photos, methods, all_cases, verbose=args.verbose)
    text, table = summarise(rows, list(methods))
    print(f"{len(photos)} photos, {len(all_cases)} cases, one OpenCV thread; ring = median, others = mean")
    print(text)
    contact_sheet(photos, all_cases, results, list(methods), args.sheet)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "quick": args.quick, "photos": {k: list(v.shape) for k, v in photos.items()}, "sizes": SIZES,
        "shapes": list(shapes), "machine": platform.platform(), "summary": table, "cases": rows}, indent=1))
    for path in (args.json, args.sheet):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


REMOVAL_VARIANTS: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray] | None] = {"ours": None}
"""Fills to compare in --removal; a caller may add one (e.g. an older fill) under another name."""


def _report_removal(path: Path) -> int:
    fills = dict(REMOVAL_VARIANTS)
    check = {name: True for name in fills}
    fills["ours, no check"], check["ours, no check"] = None, False
    rows = removal_success(fills, check)
    for variant in fills:
        mine = [row for row in rows if row["variant"] == variant]
        removed = sum(row["removed"] for row in mine)
        detail = ", ".join(f"{_short(r['photo'])} {'gone' if r['removed'] else 'still seen'} (p {r['ghost']:.3f})"
                           f"{' (refilled)' if r['refilled'] else ''}" for r in mine)
        print(f"{variant:>16}: {removed}/{len(mine)} removed — {detail}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, indent=1))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
