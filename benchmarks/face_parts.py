"""How well the embedded finder outlines the parts of a face, and what a face costs.

The truth is hand-drawn: outlines of each eye's opening (the lids' edges) and of the lips (outer edge
minus the mouth's opening) were read off gridded, magnified crops of two public-domain portraits —
scikit-image's `astronaut` (512², a smiling face about 95 px wide, teeth showing) and matplotlib's
`grace_hopper.jpg` (512×600, an older face about 190 px wide behind glasses, mouth shut, thin lips:
the eye and lip edges there are soft at this resolution, so its truth is rougher). The astronaut is
also measured enlarged 4× (2048²: the finder then works on its 1024 copy, WORK_SIDE).

For each case: the IoU of the finder's eye (by the owner's side) and lip masks with the truth, and the
CPU cost of a face's parts — the face mesh on its crop and the masks drawn from it — the median of
`--repeat` runs on a fresh scene (people and faces are found first and not counted).

    .venv/bin/python benchmarks/face_parts.py [--repeat 10] [--sheet benchmarks/results/face_parts.png]

Prints a table; writes benchmarks/results/face_parts.json and a contact sheet (the finder's masks
filled, the hand-drawn truth outlined in white). Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "results"

Outline = list[tuple[float, float]]

ASTRONAUT_TRUTH: dict[str, list[Outline]] = {
    "eye right": [[(193.5, 101), (195, 99.5), (197, 98.3), (200, 97.3), (204, 97), (207, 97.5), (210, 98.5),
                   (212, 100), (213.5, 101.8), (211, 103.3), (208, 104.2), (204, 104.6), (200, 104.2),
                   (197, 103.3), (195, 102.2)]],
    "eye left": [[(236, 104), (238, 102.5), (240, 101.5), (243, 100.5), (247, 99.8), (251, 100), (254, 100.6),
                  (257, 101.5), (259.5, 103), (257, 104.6), (253, 105.5), (249, 106), (245, 106), (241, 105.6),
                  (238, 105)]],
    "lips": [[(205, 140.3), (208, 140.3), (212, 140.2), (216, 140), (220, 139.9), (224, 139.9), (228, 140),
              (232, 140.3), (236, 140.6), (240, 141), (243.5, 141.5), (241, 143.5), (238, 146.5), (235, 149.5),
              (231, 152.5), (226, 153.8), (221, 154), (216, 153.3), (212, 151.5), (209, 148.5), (206.5, 144.5),
              (205.5, 142)],
             [(206.5, 141.5), (210, 142.5), (214, 143.2), (218, 143.6), (222, 143.8), (226, 143.6), (230, 143.2),
              (234, 142.8), (238, 142.3), (241.5, 142), (239, 144.5), (236, 146.5), (232, 147.5), (227, 147.8),
              (222, 147.6), (216, 147.3), (212, 146.8), (209, 145.5), (207.5, 143.5)]],
}
"""The astronaut's eyes and lips, in photo pixels; the lips are the first outline less the second (the opening)."""
HOPPER_TRUTH: dict[str, list[Outline]] = {
    "eye right": [[(207, 190.5), (210, 188), (214, 186), (218, 184.8), (222, 184.5), (226, 184.8), (230, 185.8),
                   (234, 187.5), (238, 190.5), (234, 192.5), (230, 193.3), (226, 193.8), (222, 194), (218, 193.8),
                   (214, 193), (210, 192)]],
    "eye left": [[(289, 189), (292, 186.5), (296, 184.5), (300, 183.5), (305, 183.2), (310, 183.8), (315, 185),
                  (319, 186.5), (322, 188.5), (318, 190.3), (314, 191.3), (309, 192.2), (304, 192.5), (299, 192.2),
                  (295, 191.3), (291, 190.3)]],
    "lips": [[(228, 280), (235, 277.5), (240, 276), (250, 274), (260, 272.5), (270, 272.3), (280, 273), (290, 274),
              (300, 276.5), (305, 279.5), (300, 282), (290, 285), (280, 287), (270, 287.5), (260, 287.5),
              (250, 286), (240, 283.5), (233, 281.5)],
             [(229, 280), (240, 279), (260, 279.2), (280, 279), (300, 278.8), (304, 279.5), (280, 280.6),
              (260, 281), (240, 280.8)]],
}
"""Grace Hopper's eyes and lips (her mouth is shut: the opening is the dark line between the lips)."""


def _astronaut() -> Image.Image:
    from skimage import data

    return Image.fromarray(data.astronaut())


def _hopper() -> Image.Image:
    from matplotlib import cbook

    with cbook.get_sample_data("grace_hopper.jpg") as file:
        return Image.open(file).convert("RGB")


def cases() -> list[tuple[str, Image.Image, dict[str, list[Outline]], float]]:
    """(name, photo, truth, the truth's scale)."""
    astronaut = _astronaut()
    return [("astronaut", astronaut, ASTRONAUT_TRUTH, 1.0),
            ("astronaut 4× (2048²)", astronaut.resize((2048, 2048), Image.Resampling.BICUBIC), ASTRONAUT_TRUTH, 4.0),
            ("grace_hopper", _hopper(), HOPPER_TRUTH, 1.0)]


def truth_mask(outlines: list[Outline], size: tuple[int, int], scale: float) -> np.ndarray:
    from retouch.tools.finders.face_parts import polygon_mask

    shape = (size[1], size[0])
    mask = polygon_mask(np.array(outlines[0]) * scale, shape)
    for hole in outlines[1:]:
        mask &= ~polygon_mask(np.array(hole) * scale, shape)
    return mask


def iou(a: np.ndarray, b: np.ndarray) -> float:
    return float((a & b).sum() / max(1, (a | b).sum()))


def found_masks(finder, photo: Image.Image) -> dict[str, np.ndarray]:
    out = {f"eye {c.attributes['side']}": c.mask > 127 for c in finder.find(photo, "eye")}
    lips = finder.find(photo, "lip")
    if lips:
        out["lips"] = lips[0].mask > 127
    return out


def cost_per_face(photo: Image.Image, repeat: int) -> float:
    """Seconds of CPU for one face's parts (mesh + masks), the median over fresh scenes."""
    from retouch.tools.finders.embedded import Scene, working_copy

    seconds = []
    for _ in range(repeat):
        scene = Scene(working_copy(photo), size=photo.size)
        started = time.process_time()
        scene._face_parts()
        seconds.append((time.process_time() - started) / max(1, len(scene.faces)))
    return statistics.median(seconds)


def sheet(tiles: list[Image.Image], path: Path) -> None:
    width = sum(tile.width for tile in tiles) + 8 * (len(tiles) - 1)
    out = Image.new("RGB", (width, max(tile.height for tile in tiles)), (255, 255, 255))
    x = 0
    for tile in tiles:
        out.paste(tile, (x, 0))
        x += tile.width + 8
    path.parent.mkdir(parents=True, exist_ok=True)
    out.save(path)


def overlay(photo: Image.Image, found: dict[str, np.ndarray], truth: dict[str, list[Outline]], scale: float,
            face_box: tuple[int, int, int, int], zoom: int) -> Image.Image:
    """The face, magnified: the finder's eyes green and lips magenta, filled; the truth outlined in white."""
    pixels = np.asarray(photo.convert("RGB"), dtype=np.float32).copy()
    for name, mask in found.items():
        colour = np.array((40, 220, 40) if name.startswith("eye") else (230, 30, 200), np.float32)
        pixels[mask] = 0.55 * pixels[mask] + 0.45 * colour
    x0, y0, x1, y1 = face_box
    crop = Image.fromarray(pixels.astype(np.uint8)).crop(face_box)
    crop = crop.resize((crop.width * zoom, crop.height * zoom), Image.Resampling.NEAREST)
    draw = ImageDraw.Draw(crop)
    for outlines in truth.values():
        for outline in outlines:
            points = [((x * scale - x0) * zoom, (y * scale - y0) * zoom) for x, y in outline]
            draw.line(points + points[:1], fill=(255, 255, 255), width=2)
    return crop


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--sheet", type=Path, default=RESULTS / "face_parts.png")
    parser.add_argument("--json", type=Path, default=RESULTS / "face_parts.json")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be 1 or more, not {args.repeat}")

    from retouch.tools.finders.embedded import EmbeddedFinder

    finder = EmbeddedFinder()
    rows, tiles = [], []
    print(f"{'case':24} {'eye right':>9} {'eye left':>9} {'lips':>6} {'ms/face':>8}")
    for name, photo, truth, scale in cases():
        found = found_masks(finder, photo)
        scores = {part: (iou(found[part], truth_mask(outlines, photo.size, scale)) if part in found else 0.0)
                  for part, outlines in truth.items()}
        cost = cost_per_face(photo, args.repeat)
        rows.append({"case": name, "iou": scores, "ms_per_face": round(cost * 1000, 1)})
        print(f"{name:24} {scores['eye right']:9.3f} {scores['eye left']:9.3f} {scores['lips']:6.3f} "
              f"{cost * 1000:8.1f}")
        if scale == 1.0:
            face = finder.find(photo, "face")[0].box
            tiles.append(overlay(photo, found, truth, scale, face, zoom=max(2, 720 // (face[3] - face[1]))))
    means = {part: round(statistics.mean(row["iou"][part] for row in rows), 3) for part in rows[0]["iou"]}
    print(f"{'mean':24} {means['eye right']:9.3f} {means['eye left']:9.3f} {means['lips']:6.3f}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"cases": rows, "mean_iou": means}, indent=2))
    sheet(tiles, args.sheet)
    print(f"wrote {args.json} and {args.sheet}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
