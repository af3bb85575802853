"""What does Retouch's diffusion engine cost on top of the diffusers pipeline it drives?

The same model, image size, steps, strength and seed go through
- `raw`: one plain `pipe(prompt, image=…, mask_image=…, …)` call, and
- `engine`: `DiffusersInpainter.inpaint` — soft mask, work area, resize, the per-step callback
  (progress, cancellation), seam colour correction and the pixel-space paste-back.
The image is the model's native size and the mask's padded box covers all of it, so both paint the
same pixels at the same size; the difference is the engine's own work. Runs alternate (raw, engine,
raw, …) so a busy machine slows both alike; the table shows medians.

Rows: `original` is the like-for-like comparison (diffusers' own start); `latent_noise` and
`soft` add the engine's own start latents / per-step latent reset (still against the plain call).

    .venv/bin/python benchmarks/inpaint_overhead.py [--model DIR] [--steps 20] [--runs 7] [--device cpu]

Without --model a tiny random SD-1.5-style inpainting model is built in a temp folder (no hub).
Writes benchmarks/results/inpaint_overhead.json. Not a test: nothing asserts on time.
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

TARGET = 1.10
PROMPT = "a red ball on the grass"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="a diffusers inpainting folder or pulled hub id (default: tiny random)")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--strength", type=float, default=0.75)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--device", default=None)
    parser.add_argument("--dtype", default=None)
    parser.add_argument("--threads", type=int, default=None, help="torch CPU threads (default: torch's)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "inpaint_overhead.json")
    args = parser.parse_args(argv)

    import torch

    from retouch.tools.diffusion.backend import DiffusersInpainter
    from retouch.tools.inpaint import InpaintRequest

    if args.threads:
        torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as scratch:
        model = args.model or str(_tiny_model(Path(scratch)))
        engines = {name: DiffusersInpainter(model=model, device=args.device, dtype=args.dtype, soft=(name == "soft"))
                   for name in ("original", "latent_noise", "soft")}
        loaded = engines["original"].loaded()
        width, height = loaded.native
        image = Image.open(ROOT / "tests" / "data" / "overture-creations-5sI6fQgYIuo.png").convert("RGB")
        image = image.resize((width, height), Image.Resampling.LANCZOS)
        mask = np.zeros((height, width), np.uint8)
        mask[height // 4: 3 * height // 4, width // 4: 3 * width // 4] = 255
        mask_image = Image.fromarray(mask, "L")

        def raw() -> None:
            loaded.pipe(prompt=PROMPT, image=image, mask_image=mask_image, height=height, width=width,
                        strength=args.strength, num_inference_steps=args.steps, guidance_scale=7.5,
                        generator=torch.Generator("cpu").manual_seed(0))

        def engine(name: str) -> None:
            fill = "latent_noise" if name == "latent_noise" else "original"
            request = InpaintRequest(task="replace", prompt=PROMPT, strength=args.strength, fill=fill,
                                     steps=args.steps, guidance=7.5, seed=0, padding=max(width, height),
                                     mask_blur=0, full_resolution=True)
            engines[name].inpaint(image, mask, request)

        rows = []
        for name in engines:
            raw(), engine(name)  # warm-up: first calls allocate
            raw_times, engine_times = [], []
            for _ in range(args.runs):
                raw_times.append(_timed(raw))
                engine_times.append(_timed(lambda: engine(name)))
            raw_median, engine_median = statistics.median(raw_times), statistics.median(engine_times)
            rows.append({"mode": name, "raw_s": round(raw_median, 4), "engine_s": round(engine_median, 4),
                         "ratio": round(engine_median / raw_median, 3),
                         "raw_all_s": [round(t, 4) for t in raw_times],
                         "engine_all_s": [round(t, 4) for t in engine_times]})

    print(f"model: {args.model or 'tiny random SD-1.5-style (built here)'}  device: {loaded.device}  "
          f"dtype: {loaded.describe()['dtype']}  size: {width}x{height}  steps: {args.steps}  "
          f"strength: {args.strength}  runs: {args.runs} (median)")
    print(f"{'mode':<14}{'raw s':>10}{'engine s':>11}{'ratio':>8}")
    for row in rows:
        print(f"{row['mode']:<14}{row['raw_s']:>10.4f}{row['engine_s']:>11.4f}{row['ratio']:>8.3f}")
    verdict = "within" if rows[0]["ratio"] <= TARGET else "OVER"
    print(f"like-for-like (original): {rows[0]['ratio']:.3f} — {verdict} the {TARGET:.2f} target")
    result = {"benchmark": "inpaint_overhead", "model": args.model or "tiny-random-sd15", "device": loaded.device,
              "dtype": loaded.describe()["dtype"], "size": [width, height], "steps": args.steps,
              "strength": args.strength, "runs": args.runs, "target_ratio": TARGET, "rows": rows,
              "torch_threads": torch.get_num_threads(), "python": platform.python_version(),
              "machine": platform.machine()}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def _tiny_model(folder: Path) -> Path:
    from testkit.tiny_models.diffusion import build_tiny_sd

    return build_tiny_sd(folder / "tiny-sd")


if __name__ == "__main__":
    raise SystemExit(main())
