"""How well and how fast do words become masks?

* Quality of the embedded finder (MediaPipe's shipped models) against hand-drawn truth: the
  person in tests/data/image.png alone; one of two copies side by side ("the person on the left" /
  "on the right"); two copies overlapping (one blob for the selfie model, split by faces).
* Per-model timings (median of several runs): selfie segmentation, face detection (short and full
  range), pose landmarks, hands — on 256² and 512² inputs — and the whole embedded finder, cold
  (first question about a photo) and warm (the next question about the same photo).
* SAM's embedding reuse: the first prompt on an image pays for the image encoder, the second
  reuses the cached embedding. With a random SAM whose encoder is sized like a small real one
  (built here), and with real SAM weights when they are in the local Hugging Face cache.

    .venv/bin/python benchmarks/grounding.py [--quick] [--json PATH] [--threads N]

Prints a table; writes JSON (default benchmarks/results/grounding.json). Downloads nothing.
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
from typing import Any, Callable

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from retouch.tools.select import select  # noqa: E402

DATA = ROOT / "tests" / "data"
DEFAULT_JSON = ROOT / "benchmarks" / "results" / "grounding.json"


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


def median_ms(run: Callable[[], Any], repeats: int) -> float:
    run()  # warm-up: graph creation, first-call allocation
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return 1000 * statistics.median(times)


# ---- embedded quality ---------------------------------------------------------------------------


def embedded_quality() -> list[dict[str, Any]]:
    from retouch.tools.finders.embedded import EmbeddedFinder

    photo = Image.open(DATA / "image.png").convert("RGB")
    truth = np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127
    width, height = photo.size
    rows = []

    finder = EmbeddedFinder()
    mask = select(photo, finder, target="person").mask > 127
    rows.append({"case": "image.png: the person", "iou": iou(mask, truth)})

    pair = Image.new("RGB", (2 * width, height))
    pair.paste(photo, (0, 0))
    pair.paste(photo, (width, 0))
    for position, window in (("left", slice(0, width)), ("right", slice(width, 2 * width))):
        chosen = select(pair, finder, target="person", position=position).mask > 127
        wanted = np.zeros_like(chosen)
        wanted[:, window] = truth
        rows.append({"case": f"two side by side: the person on the {position}", "iou": iou(chosen, wanted),
                     "other_copy_pixels": int((chosen & ~wanted)[:, (slice(width, None) if position == "left"
                                                                        else slice(0, width))].sum())})

    shift = 60
    overlapped = Image.new("RGB", (width + shift, height))
    overlapped.paste(photo, (0, 0))
    overlapped.paste(photo, (shift, 0), Image.fromarray((truth * 255).astype(np.uint8)))
    front = np.zeros((height, width + shift), bool)
    front[:, shift:] = truth
    back = np.zeros_like(front)
    back[:, :width] = truth
    back &= ~front
    for position, wanted in (("right", front), ("left", back)):
        chosen = select(overlapped, finder, target="person", position=position).mask > 127
        rows.append({"case": f"two overlapping: the person on the {position} ({'front' if position == 'right' else 'behind'})",
                     "iou": iou(chosen, wanted)})
    return rows


# ---- embedded timings ---------------------------------------------------------------------------


def embedded_timings(repeats: int) -> list[dict[str, Any]]:
    from retouch.tools.finders.embedded import EmbeddedFinder
    from retouch.tools.finders.mediapipe_models import model, native_logs_silenced

    photo = np.asarray(Image.open(DATA / "image.png").convert("RGB"))
    big = np.asarray(Image.open(DATA / "image.png").convert("RGB").resize((512, 512), Image.Resampling.BICUBIC))
    rows = []
    for name in ("selfie", "face-short", "face-full", "pose", "hands"):
        solution, lock = model(name)
        for label, rgb in (("256²", photo), ("512²", big)):
            def run(rgb: np.ndarray = rgb) -> None:
                with lock, native_logs_silenced():
                    solution.process(np.ascontiguousarray(rgb))

            rows.append({"model": name, "input": label, "ms": median_ms(run, repeats)})

    image = Image.fromarray(big)
    for target in ("person", "hand"):
        cold = []
        for _ in range(max(1, repeats // 2)):
            finder = EmbeddedFinder()
            started = time.perf_counter()
            finder.find(image, target)
            cold.append(time.perf_counter() - started)
        warm = median_ms(lambda: finder.find(image, target), repeats)
        rows.append({"model": f"finder: {target} (cold photo)", "input": "512²", "ms": 1000 * statistics.median(cold)})
        rows.append({"model": f"finder: {target} (same photo again)", "input": "512²", "ms": warm})
    return rows


# ---- SAM embedding reuse ------------------------------------------------------------------------


def sam_reuse(repeats: int) -> list[dict[str, Any]]:
    from retouch.tools.finders.segmenter import DEFAULT_SEGMENTERS, load_segmenter
    from testkit.tiny_models.finders import save_narrow_sam
    from retouch.tools.models import find_model

    photo = Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB")
    boxes = [(150, 100, 380, 450)]
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        sources = [("random SAM: real geometry, 4×192 encoder", save_narrow_sam(Path(scratch) / "sam"))]
        sources += [(name, find_model(name)) for name in DEFAULT_SEGMENTERS if find_model(name) is not None]
        for label, source in sources:
            sam = load_segmenter(str(source), device="cpu")
            sam.segment(photo, boxes)  # warm-up: first-call allocations, not the cache
            firsts, seconds = [], []
            for index in range(repeats):
                image = photo.copy()
                image.putpixel((0, 0), (index % 256, 7, 7))  # a new version: nothing cached for it
                started = time.perf_counter()
                sam.segment(image, boxes)
                firsts.append(time.perf_counter() - started)
                started = time.perf_counter()
                sam.segment(image, [(20, 20, 200, 200)])
                seconds.append(time.perf_counter() - started)
            first, second = statistics.median(firsts), statistics.median(seconds)
            rows.append({"segmenter": label, "first_prompt_ms": 1000 * first, "second_prompt_ms": 1000 * second,
                         "speed_up": first / second})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    args = parser.parse_args()
    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    repeats = 3 if args.quick else 9

    quality = embedded_quality()
    timings = embedded_timings(repeats)
    reuse = sam_reuse(repeats)

    print("Embedded finder against hand-drawn truth (tests/data/image.png)")
    for row in quality:
        extra = f"   pixels on the other copy: {row['other_copy_pixels']}" if "other_copy_pixels" in row else ""
        print(f"  {row['case']:<58} IoU {row['iou']:.3f}{extra}")
    print("\nEmbedded model timings (median ms, CPU)")
    for row in timings:
        print(f"  {row['model']:<36} {row['input']:>5}  {row['ms']:8.1f}")
    print("\nSAM: first prompt on an image (encode + decode) vs the second (cached embedding)")
    for row in reuse:
        print(f"  {row['segmenter']:<40} first {row['first_prompt_ms']:8.1f} ms   second {row['second_prompt_ms']:7.1f} ms"
              f"   ×{row['speed_up']:.1f}")

    result = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                          "torch_threads": torch.get_num_threads()},
              "embedded_quality": quality, "embedded_timings_ms": timings, "sam_embedding_reuse": reuse}
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
