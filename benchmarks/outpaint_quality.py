"""How plausible is the new canvas the outpainter adds, and how does its time grow with the area?

There is no ground truth beyond the frame, so we score what a viewer would notice:

* seam — mean |Δ| across the join between the original and the new strip, divided by the median
  of the same step between neighbouring lines inside the original near it (1.0 = the join steps
  like the picture itself; see `testkit.measures.seam_score`); `seam` is the worst original edge,
  `inner` the worst join between two stages of the same side;
* texture of the new area against the original's border band (the same depth, next to it):
  `detail` = std of the high-pass (image − Gaussian σ 3) new ÷ band — a flat fill scores ≈ 0;
  `grad` = mean |gradient along the growth direction| new ÷ band — a smear (edge pixels
  stretched outward) scores ≈ 0; `hist` = Bhattacharyya distance of 8×8×8 colour histograms
  (0 = same colours, 1 = disjoint);
* time, and ms per 1000 px² of added area for growing sizes (should stay flat: linear time).

Methods, through the same stage loop: the built-in backend's two ways to continue a border —
`quilting` (image quilting + Poisson stitching, `tools.texture`) and `patchmatch` (`tools.fill`
on the strip plus the band next to it) — both with the subject excluded as a source
(`tools.subject`); any other inpainter by name (`--inpainter`); and the floor `start` (the edge
extension + blur + noise every stage starts from, i.e. a backend that does nothing; its noise
fools `detail`/`grad`, its seam does not).

`--scaling` times the first method's "extend 256 px to the right" on a photo scaled to 512…4096
px tall and fits the exponent of time against the added area (1 = linear), and times "make it
16:9" on 2048².

    .venv/bin/python benchmarks/outpaint_quality.py [--quick] [--methods a,b] [--scaling]
                                                    [--json PATH] [--images DIR]

Before/after PNGs go to benchmarks/results/outpaint/, a contact sheet (rows = cases, columns =
before and each method) to benchmarks/results/outpaint_sheet.png. Reads only tests/data and
scikit-image's bundled photos.
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
from PIL import Image, ImageDraw
from skimage import data as skdata

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.inpaint import InpaintRequest, InpaintResult  # noqa: E402
from retouch.tools import outpaint as outpaint_module  # noqa: E402
from retouch.tools.outpaint import outpaint  # noqa: E402
from testkit.measures import seam_score  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "outpaint_quality.json"
DEFAULT_IMAGES = ROOT / "benchmarks" / "results" / "outpaint"
DEFAULT_SHEET = ROOT / "benchmarks" / "results" / "outpaint_sheet.png"
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


BUILTIN_METHODS = ("quilting", "patchmatch")


def run_outpaint(before: Image.Image, method: str, **kwargs: Any):
    """outpaint() with the built-in backend continuing borders by `method`, or another backend."""
    if method in BUILTIN_METHODS:
        previous = outpaint_module.BUILTIN_METHOD
        outpaint_module.BUILTIN_METHOD = method
        try:
            return outpaint(before, inpainter=None, **kwargs)
        finally:
            outpaint_module.BUILTIN_METHOD = previous
    if method == "start":
        return outpaint(before, inpainter=StartOnly(), **kwargs)
    from retouch.agent import registry

    return outpaint(before, inpainter=registry.load("inpainter", method), **kwargs)


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

def run_case(name: str, photo: str, args: dict[str, Any], images_dir: Path | None,
             method: str) -> tuple[dict[str, Any], Image.Image]:
    before = load_photo(photo)
    started = time.perf_counter()
    result = run_outpaint(before, method, **args, seed=SEED)
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
            "seams": {k: round(v, 3) for k, v in metrics["seams"].items()}}, result.image


SCALING_HEIGHTS = (512, 1024, 2048, 4096)
SCALING_EXTEND = 256


def run_scaling(method: str) -> dict[str, Any]:
    """'extend 256 px to the right' on the dog photo scaled to each height (square), then 'make it
    16:9' on 2048²: wall and CPU seconds, and the exponent of CPU time against the added area."""
    with Image.open(DATA / "overture-creations-5sI6fQgYIuo.png") as opened:
        photo = opened.convert("RGB")
    rows = []
    for height in SCALING_HEIGHTS:
        before = photo.resize((height, height), Image.Resampling.LANCZOS)
        rows.append(_timed(before, method, f"+{SCALING_EXTEND} right", right=SCALING_EXTEND))
    added = np.log([row["added_px"] for row in rows])
    exponent = float(np.polyfit(added, np.log([row["cpu_s"] for row in rows]), 1)[0])
    wide = _timed(photo.resize((2048, 2048), Image.Resampling.LANCZOS), method, "16:9", aspect="16:9")
    return {"method": method, "extend": rows, "exponent_cpu": round(exponent, 3), "aspect_16x9_2048": wide}


def _timed(before: Image.Image, method: str, what: str, **kwargs: Any) -> dict[str, Any]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = run_outpaint(before, method, seed=SEED, **kwargs)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    added = result.image.width * result.image.height - before.width * before.height
    return {"what": what, "before": list(before.size), "after": list(result.image.size), "added_px": added,
            "stages": len(result.stages), "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "ms_per_kpx2": round(1e6 * cpu / added, 3)}


def contact_sheet(rows: list[dict[str, Any]], images: dict[tuple[str, str], Image.Image], methods: list[str],
                  path: Path, cell: int = 300) -> None:
    """Rows = cases, columns = before and each method, each scaled into a cell."""
    cases = list(dict.fromkeys(row["case"] for row in rows))
    columns = ["before", *methods]
    sheet = Image.new("RGB", (150 + cell * len(columns), 18 + cell * len(cases)), "white")
    draw = ImageDraw.Draw(sheet)
    for index, name in enumerate(columns):
        draw.text((150 + index * cell + 4, 3), name, fill="black")
    for row, case in enumerate(cases):
        y = 18 + row * cell
        draw.text((4, y + cell // 2), case, fill="black")
        photo = next(r["photo"] for r in rows if r["case"] == case)
        for column, name in enumerate(columns):
            image = load_photo(photo) if name == "before" else images.get((case, name))
            if image is None:
                continue
            view = image.convert("RGB")
            view.thumbnail((cell - 6, cell - 6), Image.Resampling.LANCZOS)
            sheet.paste(view, (150 + column * cell + 3, y + 3))
    path.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(path)


def print_table(rows: list[dict[str, Any]]) -> None:
    header = f"{'case':<22} {'method':<10} {'size':>11} {'stg':>3} {'seam':>5} {'inner':>5} {'detail':>6} " \
             f"{'grad':>5} {'hist':>5} {'sec':>6} {'ms/kpx²':>8}"
    print(header)
    print("-" * len(header))
    for row in rows:
        inner = "—" if row["inner"] is None else f"{row['inner']:.2f}"
        size = f"{row['after'][0]}×{row['after'][1]}"
        print(f"{row['case']:<22} {row['method']:<10} {size:>11} {row['stages']:>3} {row['seam']:>5.2f} {inner:>5} "
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
    parser.add_argument("--methods", default="quilting,patchmatch,start",
                        help="built-in methods (quilting, patchmatch), start, or an inpainter's name")
    parser.add_argument("--scaling", action="store_true", help="also time growing heights and 16:9 on 2048²")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON)
    parser.add_argument("--images", type=Path, default=DEFAULT_IMAGES)
    parser.add_argument("--sheet", type=Path, default=DEFAULT_SHEET)
    args = parser.parse_args(argv)

    methods = args.methods.split(",")
    cases = [case for case in CASES if not args.quick or case[0] in QUICK]
    rows, images = [], {}
    for method in methods:
        for name, photo, case_args in cases:
            row, image = run_case(name, photo, case_args, args.images, method)
            rows.append(row)
            images[(name, method)] = image
    print_table(rows)
    contact_sheet(rows, images, methods, args.sheet)
    summary = summarise(rows)
    print()
    for method, values in summary.items():
        print(f"{method:<10} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    scaling = []
    if args.scaling:  # the first method only: the one a user gets
        for method in methods[:1]:
            scaling.append(run_scaling(method))
            result = scaling[-1]
            print(f"\ntime against added area ({method}, dog photo, CPU seconds):")
            for row in result["extend"]:
                print(f"  {row['before'][1]:>5} tall {row['what']:>11}  {row['added_px']:>9} px²  {row['stages']:>2} stages  "
                      f"{row['wall_s']:>7.2f} s wall  {row['cpu_s']:>7.2f} s CPU  {row['ms_per_kpx2']:>6.2f} ms/kpx²")
            wide = result["aspect_16x9_2048"]
            print(f"  exponent {result['exponent_cpu']:.3f};  16:9 on 2048²: {wide['wall_s']:.2f} s wall, "
                  f"{wide['cpu_s']:.2f} s CPU, {wide['stages']} stages")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "processor": platform.processor() or platform.machine()},
        "seed": SEED, "max_side": MAX_SIDE, "summary": summary, "cases": rows, "scaling": scaling,
    }, indent=2) + "\n")
    for path in (args.json, args.sheet):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
