"""How plausible is the new canvas the outpainter adds, and how does its time grow with the area?

There is no ground truth beyond the frame, so we score what a viewer would notice:

* seam — mean |Δ| across the join between the original and the new strip, divided by the median
  of the same step between neighbouring lines inside the original near it (1.0 = the join steps
  like the picture itself; see `tools.outpaint.seam_score`); `seam` is the worst original edge,
  `inner` the worst join between two stages of the same side;
* texture of the new area against the original's border band (the same depth, next to it):
  `detail` = std of the high-pass (image − Gaussian σ 3) new ÷ band — a flat fill scores ≈ 0;
  `grad` = mean |gradient along the growth direction| new ÷ band — a smear (edge pixels
  stretched outward) scores ≈ 0; `hist` = Bhattacharyya distance of 8×8×8 colour histograms
  (0 = same colours, 1 = disjoint);
* time, and ms per 1000 px² of added area for growing sizes (should stay flat: linear time).

Methods: the chosen inpainter (default `builtin`: image quilting + Poisson stitching) and two
floors run through the same stage loop — `start` (the edge extension + blur + noise every stage
starts from, i.e. a backend that does nothing; its noise fools `detail`/`grad`, its seam does
not) and `fill` (`tools.fill.content_aware_fill` on each stage's crop — whatever that module does
at the time of the run).

    .venv/bin/python benchmarks/outpaint_quality.py [--quick] [--inpainter NAME] [--no-floors]
                                                    [--json PATH] [--images DIR]

Before/after PNGs go to benchmarks/results/outpaint/. Reads only tests/data and scikit-image's
bundled photos.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image
from skimage import data as skdata

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.inpaint import InpaintRequest, InpaintResult  # noqa: E402
from retouch.tools.outpaint import outpaint, seam_score  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "outpaint_quality.json"
DEFAULT_IMAGES = ROOT / "benchmarks" / "results" / "outpaint"
MAX_SIDE = 512

CASES: list[tuple[str, str, dict[str, Any]]] = [
    # (case name, photo, outpaint arguments)
    ("bunny-right-256", "bunny.jpeg", {"right": 256}),
    ("bunny-left-200", "bunny.jpeg", {"left": 200}),
    ("bunny-9x16", "bunny.jpeg", {"aspect": "9:16"}),
    ("dog-16x9", "overture-creations-5sI6fQgYIuo.png", {"aspect": "16:9"}),
    ("dog-sky-top-200", "overture-creations-5sI6fQgYIuo.png", {"top": 200}),
    ("dog-cover-820x312", "overture-creations-5sI6fQgYIuo.png", {"size": (820, 312)}),
    ("fence-zoom-1.5", "image.png", {"zoom": 1.5}),
    ("cat-rgba-right-192", "cat.png", {"right": 192}),
    ("car-square", "png_parameter_test.png", {"aspect": "1:1"}),
    ("grass-right-256", "sk:grass", {"right": 256}),
    ("brick-bottom-192", "sk:brick", {"bottom": 192}),
    ("gravel-left-160", "sk:gravel", {"left": 160}),
    ("rocket-sky-top-160", "sk:rocket", {"top": 160}),
    ("coffee-zoom-1.3", "sk:coffee", {"zoom": 1.3}),
    ("chelsea-4x3", "sk:chelsea", {"aspect": "4:3"}),
]
QUICK = ("bunny-right-256", "dog-16x9", "dog-sky-top-200", "grass-right-256", "brick-bottom-192")
SCALING_AMOUNTS = (64, 128, 256, 512, 1024)
SEED = 7


# --------------------------------------------------------------------------------------- inputs

def load_photo(name: str) -> Image.Image:
    if name.startswith("sk:"):
        array = getattr(skdata, name[3:])()
        image = Image.fromarray(array).convert("RGB") if array.ndim == 2 else Image.fromarray(array)
    else:
        with Image.open(DATA / name) as opened:
            image = opened.copy()
            image.load()
    if max(image.size) > MAX_SIDE:
        factor = MAX_SIDE / max(image.size)
        image = image.resize((round(image.width * factor), round(image.height * factor)), Image.Resampling.LANCZOS)
    return image


class StartOnly:
    """A backend that changes nothing: what every stage starts from (edge extension + noise)."""

    name = "start"

    def supports(self, request: InpaintRequest) -> bool:
        return True

    def inpaint(self, image, mask, request, *, progress=None, cancel=None) -> InpaintResult:
        return InpaintResult(images=[image.copy()], info={"backend": self.name})


class FillOnCrop:
    """tools.fill.content_aware_fill on each stage's crop — the remover's fill used outward."""

    name = "fill"

    def supports(self, request: InpaintRequest) -> bool:
        return True

    def inpaint(self, image, mask, request, *, progress=None, cancel=None) -> InpaintResult:
        from retouch.tools.fill import content_aware_fill

        pixels = np.asarray(image.convert("RGB"))
        filled = content_aware_fill(pixels, np.asarray(mask) > 0, seed=request.seed)
        return InpaintResult(images=[Image.fromarray(filled)], info={"backend": self.name})


def load_inpainter(name: str) -> Any:
    if name == "start":
        return StartOnly()
    if name == "fill":
        return FillOnCrop()
    from retouch.agent import registry

    return registry.load("inpainter", name)


# --------------------------------------------------------------------------------------- metrics

def strip_and_band(pixels: np.ndarray, original_box: tuple[int, int, int, int], side: str,
                   depth: int) -> tuple[np.ndarray, np.ndarray]:
    """The new area on `side` (all of it) and the original's band of the same depth next to it,
    both oriented so growth runs along axis 1."""
    x0, y0, x1, y1 = original_box
    if side == "left":
        new, band = pixels[y0:y1, :x0], pixels[y0:y1, x0:x0 + depth]
    elif side == "right":
        new, band = pixels[y0:y1, x1:], pixels[y0:y1, x1 - depth:x1]
    elif side == "top":
        new, band = pixels[:y0, x0:x1], pixels[y0:y0 + depth, x0:x1]
        new, band = new.transpose(1, 0, 2), band.transpose(1, 0, 2)
    else:
        new, band = pixels[y1:, x0:x1], pixels[y1 - depth:y1, x0:x1]
        new, band = new.transpose(1, 0, 2), band.transpose(1, 0, 2)
    return new, band


def detail(pixels: np.ndarray) -> float:
    values = pixels.astype(np.float32)
    return float((values - cv2.GaussianBlur(values, (0, 0), 3)).std())


def growth_gradient(pixels: np.ndarray) -> float:
    values = pixels.astype(np.float32)
    return float(np.abs(np.diff(values, axis=1)).mean()) if values.shape[1] > 1 else 0.0


def hist_distance(a: np.ndarray, b: np.ndarray) -> float:
    def hist(pixels: np.ndarray) -> np.ndarray:
        h = cv2.calcHist([np.ascontiguousarray(pixels)], [0, 1, 2], None, [8, 8, 8], [0, 256] * 3)
        return cv2.normalize(h, h, 1.0, 0.0, cv2.NORM_L1)
    return float(cv2.compareHist(hist(a), hist(b), cv2.HISTCMP_BHATTACHARYYA))


def inner_seams(pixels: np.ndarray, stages: list[dict[str, Any]], original_box) -> list[float]:
    """Seam scores where one stage meets the previous stage's strip on the same side."""
    scores = []
    previous: dict[str, tuple[int, int, int, int]] = {}
    for stage in stages:
        side, box = stage["side"], tuple(stage["box"])
        if side in previous:
            # Score the join as if the earlier strips plus the original were "the original".
            known = _known_box(original_box, previous[side], side)
            scores.append(seam_score(pixels, known, side))
        previous[side] = box
    return scores


def _known_box(original_box, last_box, side):
    x0, y0, x1, y1 = original_box
    if side == "left":
        return last_box[0], last_box[1], x1, last_box[3]
    if side == "right":
        return x0, last_box[1], last_box[2], last_box[3]
    if side == "top":
        return last_box[0], last_box[1], last_box[2], y1
    return last_box[0], y0, last_box[2], last_box[3]


def score(after: Image.Image, original_box, stages: list[dict[str, Any]]) -> dict[str, Any]:
    pixels = np.asarray(after.convert("RGB"))
    sides = [side for side in ("left", "right", "top", "bottom") if any(s["side"] == side for s in stages)]
    seams, details, grads, hists = [], [], [], []
    for side in sides:
        seams.append(seam_score(pixels, original_box, side))
        depth = sum((s["box"][2] - s["box"][0]) if side in ("left", "right") else (s["box"][3] - s["box"][1])
                    for s in stages if s["side"] == side)
        inner = original_box[2] - original_box[0] if side in ("left", "right") else original_box[3] - original_box[1]
        new, band = strip_and_band(pixels, original_box, side, min(depth, inner))
        details.append(detail(new) / max(detail(band), 1e-6))
        grads.append(growth_gradient(new) / max(growth_gradient(band), 1e-6))
        hists.append(hist_distance(new, band))
    inner = inner_seams(pixels, stages, original_box)
    return {"seam": max(seams), "seams": dict(zip(sides, seams)), "inner": max(inner) if inner else None,
            "detail": min(details), "grad": min(grads), "hist": max(hists)}


# --------------------------------------------------------------------------------------- runs

def run_case(name: str, photo: str, args: dict[str, Any], inpainter: Any, images_dir: Path | None,
             method: str) -> dict[str, Any]:
    before = load_photo(photo)
    started = time.perf_counter()
    result = outpaint(before, **args, seed=SEED, inpainter=inpainter)
    seconds = time.perf_counter() - started
    added = result.image.width * result.image.height - (result.original_box[2] - result.original_box[0]) * (
        result.original_box[3] - result.original_box[1])
    metrics = score(result.image, result.original_box, result.stages)
    if images_dir is not None:
        images_dir.mkdir(parents=True, exist_ok=True)
        before.save(images_dir / f"{name}-before.png")
        result.image.save(images_dir / f"{name}-{method}.png")
    return {"case": name, "method": method, "photo": photo, "args": {k: list(v) if isinstance(v, tuple) else v
                                                                     for k, v in args.items()},
            "before": list(before.size), "after": list(result.image.size), "stages": len(result.stages),
            "seconds": round(seconds, 3), "ms_per_kpx2": round(1000 * seconds / max(1, added) * 1000, 3),
            **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in metrics.items() if k != "seams"},
            "seams": {k: round(v, 3) for k, v in metrics["seams"].items()}}


def run_scaling(inpainter: Any, method: str) -> list[dict[str, Any]]:
    before = load_photo("bunny.jpeg")
    rows = []
    for amount in SCALING_AMOUNTS:
        started = time.perf_counter()
        result = outpaint(before, right=amount, seed=SEED, inpainter=inpainter)
        seconds = time.perf_counter() - started
        added = amount * before.height
        rows.append({"method": method, "amount": amount, "added_px": added, "seconds": round(seconds, 3),
                     "ms_per_kpx2": round(1000 * seconds / added * 1000, 3), "stages": len(result.stages)})
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    header = f"{'case':<22} {'method':<8} {'size':>11} {'stg':>3} {'seam':>5} {'inner':>5} {'detail':>6} " \
             f"{'grad':>5} {'hist':>5} {'sec':>6} {'ms/kpx²':>8}"
    print(header)
    print("-" * len(header))
    for row in rows:
        inner = "—" if row["inner"] is None else f"{row['inner']:.2f}"
        size = f"{row['after'][0]}×{row['after'][1]}"
        print(f"{row['case']:<22} {row['method']:<8} {size:>11} {row['stages']:>3} {row['seam']:>5.2f} {inner:>5} "
              f"{row['detail']:>6.2f} {row['grad']:>5.2f} {row['hist']:>5.2f} {row['seconds']:>6.2f} "
              f"{row['ms_per_kpx2']:>8.2f}")


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    summary: dict[str, dict[str, float]] = {}
    for method in dict.fromkeys(row["method"] for row in rows):
        mine = [row for row in rows if row["method"] == method]
        summary[method] = {
            "seam_median": round(float(np.median([r["seam"] for r in mine])), 3),
            "seam_max": round(float(max(r["seam"] for r in mine)), 3),
            "detail_median": round(float(np.median([r["detail"] for r in mine])), 3),
            "grad_median": round(float(np.median([r["grad"] for r in mine])), 3),
            "hist_median": round(float(np.median([r["hist"] for r in mine])), 3),
            "seconds_total": round(float(sum(r["seconds"] for r in mine)), 2),
        }
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="five cases only")
    parser.add_argument("--inpainter", default="builtin", help="backend to score (default: builtin)")
    parser.add_argument("--no-floors", action="store_true", help="skip the start and fill floors")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--images", type=Path, default=DEFAULT_IMAGES)
    args = parser.parse_args(argv)

    methods = [args.inpainter] + ([] if args.no_floors else ["start", "fill"])
    cases = [case for case in CASES if not args.quick or case[0] in QUICK]
    rows = []
    for method in methods:
        inpainter = load_inpainter(method)
        for name, photo, case_args in cases:
            rows.append(run_case(name, photo, case_args, inpainter, args.images, method))
    print_table(rows)
    scaling = run_scaling(load_inpainter(args.inpainter), args.inpainter)
    print()
    print(f"time against added area ({args.inpainter}, bunny 448×394, right side):")
    for row in scaling:
        print(f"  +{row['amount']:>5} px  {row['added_px']:>8} px²  {row['stages']:>2} stages  "
              f"{row['seconds']:>6.2f} s  {row['ms_per_kpx2']:>6.2f} ms/kpx²")
    summary = summarise(rows)
    print()
    for method, values in summary.items():
        print(f"{method:<8} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "seed": SEED, "max_side": MAX_SIDE, "summary": summary, "cases": rows, "scaling": scaling,
    }, indent=2) + "\n")
    print(f"\nwrote {args.json.relative_to(ROOT) if args.json.is_relative_to(ROOT) else args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
