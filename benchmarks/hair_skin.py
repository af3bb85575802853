"""How well does the weight-free hair and skin finder outline them?

Runs the embedded finder's "hair" and "skin" (`EmbeddedFinder.find(photo, label)`: `tools.finders.hair_skin`
over the person's mask and the face mesh) on licensed photos of people with truth masks drawn for Retouch
(`tests/data/hair_skin_truth/`, see tests/data/README.md):

- scikit-image's `astronaut` (short wavy hair over the forehead; hair and skin truth),
- tests/data/image.png, "night" (long hair falling past a black jacket, a face 20 px wide; hair truth),
- scikit-image's `camera` (a man in profile, black and white; hair truth) — held out.

The thresholds in `tools/finders/hair_skin.py` were set looking at TUNE only (the held-out photo's overlay was
seen once while the first version was written, before any figure was measured). Run the held-out split once, at
the end, and report it whichever way it goes:

    .venv/bin/python benchmarks/hair_skin.py                   # the tune split
    .venv/bin/python benchmarks/hair_skin.py --split held-out

Per photo and label: IoU with the truth, precision (the share of what was found that is hair / skin: a
recolour reaches what was found), recall. Cost: CPU seconds per person of the hair and the skin on top of the
finder's usual scene (people, faces, the face mesh) — median of 5 runs. Writes
benchmarks/results/hair_skin_<split>.json and a contact sheet benchmarks/results/hair_skin_<split>.png
(magenta: hair found, green: skin found, yellow line: the truth's outline). Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from testkit.photos import named_photo  # noqa: E402

DATA = ROOT / "tests" / "data"
TRUTH = DATA / "hair_skin_truth"
RESULTS = ROOT / "benchmarks" / "results"

TUNE = ("astronaut", "night")
"""Looked at while the thresholds were set."""
HELD_OUT = ("camera",)
"""Run once, at the end."""
LABELS = ("hair", "skin")
COLOURS = {"hair": (255, 0, 255), "skin": (0, 220, 0)}


def truth(name: str, label: str) -> np.ndarray | None:
    path = TRUTH / f"{name}_{label}.png"
    return np.asarray(Image.open(path).convert("L")) > 127 if path.exists() else None


def scores(found: np.ndarray, true: np.ndarray) -> dict[str, float]:
    overlap = float((found & true).sum())
    union = float((found | true).sum())
    return {"iou": round(overlap / union, 3) if union else 1.0,
            "precision": round(overlap / found.sum(), 3) if found.any() else 0.0,
            "recall": round(overlap / true.sum(), 3) if true.any() else 0.0}


def cost(finder, photo: Image.Image) -> dict[str, float]:
    """CPU seconds per person of the hair and of the skin, the scene (people, faces, mesh) already built."""
    from retouch.tools.finders import hair_skin

    scene = finder.scene(photo)
    pairs = [(person, scene._mesh_points(face)) for face, person in scene._faces_with_people()]
    pairs = [(person, points) for person, points in pairs if points is not None]
    out = {}
    for label in LABELS:
        runs = []
        for _ in range(5):
            started = time.process_time()
            for person, points in pairs:
                head = hair_skin.Head(points)
                hair = hair_skin.find_hair(scene.rgb, person, scene.probability, head)
                if label == "skin":
                    hair_skin.find_skin(scene.rgb, person, head, hair)
            runs.append((time.process_time() - started) / max(1, len(pairs)))
        out[f"{label}_cpu_s"] = round(float(np.median(runs)), 4)
    return out


def overlay(photo: Image.Image, found: dict[str, np.ndarray], truths: dict[str, np.ndarray]) -> Image.Image:
    import cv2

    rgb = np.asarray(photo).astype(np.float32)
    for label, mask in found.items():
        rgb[mask] = 0.45 * rgb[mask] + 0.55 * np.array(COLOURS[label])
    out = rgb.astype(np.uint8)
    for mask in truths.values():
        contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_LIST, cv2.CHAIN_APPROX_NONE)
        cv2.drawContours(out, contours, -1, (255, 255, 0), 1)
    image = Image.fromarray(out)
    return image.resize((image.width * 2, image.height * 2), Image.Resampling.NEAREST) if image.width < 400 else image


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tune", "held-out"), default="tune")
    args = parser.parse_args()
    from retouch.tools.finders.embedded import EmbeddedFinder

    finder = EmbeddedFinder()
    names = TUNE if args.split == "tune" else HELD_OUT
    rows, tiles = [], []
    for name in names:
        photo = named_photo(name)
        found = {}
        row: dict = {"photo": name}
        for label in LABELS:
            candidates = finder.find(photo, label)
            mask = np.zeros((photo.height, photo.width), bool)
            for candidate in candidates:
                mask |= candidate.mask > 127
            found[label] = mask
            true = truth(name, label)
            row[label] = {"found": len(candidates), **(scores(mask, true) if true is not None else {})}
        row.update(cost(finder, photo))
        rows.append(row)
        truths = {label: t for label in LABELS if (t := truth(name, label)) is not None}
        tiles.append(overlay(photo, found, truths))
        print(json.dumps(row))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"hair_skin_{args.split}.json").write_text(json.dumps(rows, indent=1) + "\n")
    height = max(t.height for t in tiles)
    sheet = Image.new("RGB", (sum(t.width for t in tiles), height), "white")
    x = 0
    for tile in tiles:
        sheet.paste(tile, (x, 0))
        x += tile.width
    sheet.save(RESULTS / f"hair_skin_{args.split}.png")


if __name__ == "__main__":
    main()
