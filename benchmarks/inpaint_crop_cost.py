"""Does the cost of a diffusion edit follow the mask's crop rather than the photo's size?

"Inpaint at full resolution" paints the mask's padded box at the model's native size and pastes it
back, so a 64 px mask on a 2048² photo should cost about what it costs on a 512² photo. This times
the same small edit (replace, and remove = content-aware fill + diffusion clean-up) on growing
photos and splits the time into the model's painting and everything else (mask, crop, fill,
colour correction, paste-back). With --naive it also times the plain pipeline painting the whole
photo at its own size — what cropping saves (slow on a CPU; sizes ≤ 1024 only).

    .venv/bin/python benchmarks/inpaint_crop_cost.py [--model DIR] [--steps 10] [--runs 3] [--naive]

Without --model a tiny random SD-1.5-style inpainting model (native 64²) is built in a temp folder.
Writes benchmarks/results/inpaint_crop_cost.json. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = (512, 1024, 2048, 4096)
MASK = 64


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a diffusers inpainting folder or pulled hub id (default: tiny random)")
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--device", default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--naive", action="store_true", help="also time painting the whole photo (≤ 1024²)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "inpaint_crop_cost.json")
    args = parser.parse_args(argv)

    import torch

    from retouch.tools.diffusion.backend import DiffusersInpainter
    from retouch.tools.inpaint import InpaintRequest

    if args.threads:
        torch.set_num_threads(args.threads)
    photo = Image.open(ROOT / "tests" / "data" / "overture-creations-5sI6fQgYIuo.png").convert("RGB")
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        model = args.model or str(_tiny_model(Path(scratch)))
        engine = DiffusersInpainter(model=model, device=args.device)
        loaded = engine.loaded()
        for size in SIZES:
            image = photo.resize((size, size), Image.Resampling.BICUBIC)
            mask = np.zeros((size, size), np.uint8)
            at = size // 2 - MASK // 2
            mask[at:at + MASK, at:at + MASK] = 255
            for task in ("replace", "remove"):
                request = InpaintRequest(task=task, prompt="a red ball" if task == "replace" else "",
                                         strength=0.75, fill="original", steps=args.steps, seed=0,
                                         cleanup_strength=0.35, padding=32, mask_blur=8)
                engine.inpaint(image, mask, request)  # warm-up
                totals, paints, info = [], [], {}
                for _ in range(args.runs):
                    started = time.perf_counter()
                    info = engine.inpaint(image, mask, request).info
                    totals.append(time.perf_counter() - started)
                    paints.append(sum(info["timings"]["paint_seconds"]))
                total, paint = statistics.median(totals), statistics.median(paints)
                row = {"image": f"{size}x{size}", "task": task, "crop_box": info["crop_box"],
                       "painting_size": info["painting_size"], "total_s": round(total, 4),
                       "paint_s": round(paint, 4), "other_s": round(total - paint, 4)}
                if args.naive and size <= 1024 and task == "replace":
                    row["whole_photo_s"] = round(_naive(loaded, image, mask, args.steps), 4)
                rows.append(row)

    base = {row["task"]: row["total_s"] for row in rows if row["image"] == f"{SIZES[0]}x{SIZES[0]}"}
    print(f"model: {args.model or 'tiny random SD-1.5-style (native 64², built here)'}  device: {loaded.device}  "
          f"mask: {MASK}x{MASK} px  steps: {args.steps}  runs: {args.runs} (median)")
    header = f"{'image':<11}{'task':<9}{'crop box':<24}{'paints at':<11}{'total s':>9}{'paint s':>9}{'other s':>9}"
    header += f"{'vs 512²':>9}" + (f"{'whole photo s':>15}" if args.naive else "")
    print(header)
    for row in rows:
        line = (f"{row['image']:<11}{row['task']:<9}{str(row['crop_box']):<24}"
                f"{'x'.join(map(str, row['painting_size'])):<11}{row['total_s']:>9.3f}{row['paint_s']:>9.3f}"
                f"{row['other_s']:>9.3f}{row['total_s'] / base[row['task']]:>8.2f}x")
        if args.naive:
            line += f"{row['whole_photo_s']:>15.3f}" if "whole_photo_s" in row else f"{'—':>15}"
        print(line)
    result = {"benchmark": "inpaint_crop_cost", "model": args.model or "tiny-random-sd15", "device": loaded.device,
              "mask_px": MASK, "steps": args.steps, "runs": args.runs, "rows": rows,
              "torch_threads": torch.get_num_threads(), "python": platform.python_version()}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


def _naive(loaded, image: Image.Image, mask: np.ndarray, steps: int) -> float:
    """The plain pipeline painting the whole photo at its own size (no crop, no scaling)."""
    import torch

    started = time.perf_counter()
    loaded.pipe(prompt="a red ball", image=image, mask_image=Image.fromarray(mask, "L"), height=image.height,
                width=image.width, strength=0.75, num_inference_steps=steps,
                generator=torch.Generator("cpu").manual_seed(0))
    return time.perf_counter() - started


def _tiny_model(folder: Path) -> Path:
    from testkit.tiny_models.diffusion import build_tiny_sd

    return build_tiny_sd(folder / "tiny-sd")


if __name__ == "__main__":
    raise SystemExit(main())
