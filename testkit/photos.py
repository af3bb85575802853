"""Many small, different photos from the few real ones in tests/data: crops, mirror images and
resizes, drawn from a seeded generator. Used by the batch tests and benchmarks/batch_scaling.py."""

from __future__ import annotations

import random
from pathlib import Path

from PIL import Image, ImageOps

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
"""The real photos (with their licences) the tests and the benchmarks read."""

PHOTOS = ("image.png", "bunny.jpeg", "cat.png", "overture-creations-5sI6fQgYIuo.png",
          "icc_profile_test.jpg", "png_parameter_test.png")
"""The photos in tests/data (not the masks)."""
PERSON = "image.png"
SHORT_NAMES = {"night": "image.png", "grace_hopper": "grace_hopper.jpg"}
"""The benchmarks' short names for photos in tests/data; any other name is one of scikit-image's."""


def named_photo(name: str) -> Image.Image:
    """A photo by the benchmarks' short name, as RGB: tests/data's (`SHORT_NAMES`) or scikit-image's bundled one."""
    if name in SHORT_NAMES:
        with Image.open(DATA / SHORT_NAMES[name]) as opened:
            return opened.convert("RGB")
    from skimage import data

    return Image.fromarray(getattr(data, name)()).convert("RGB")


def make_variants(folder: Path, count: int, *, sources: tuple[str, ...] = PHOTOS, sizes: tuple[int, int] = (128, 192),
                  crop: tuple[float, float] = (0.6, 1.0), seed: int = 0, prefix: str = "photo") -> list[Path]:
    """`count` PNGs in `folder`: each a random crop (`crop` of each side) of one source photo,
    mirrored every other time, resized so its long side is within `sizes`."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        with Image.open(DATA / sources[index % len(sources)]) as opened:
            image = opened.convert("RGB")
        width, height = image.size
        crop_w, crop_h = int(width * rng.uniform(*crop)), int(height * rng.uniform(*crop))
        left, top = rng.randint(0, width - crop_w), rng.randint(0, height - crop_h)
        image = image.crop((left, top, left + crop_w, top + crop_h))
        if index % 2:
            image = ImageOps.mirror(image)
        long_side = rng.randint(*sizes)
        scale = long_side / max(image.size)
        image = image.resize((max(16, round(image.width * scale)), max(16, round(image.height * scale))),
                             Image.Resampling.LANCZOS)
        path = folder / f"{prefix}{index:03d}.png"
        image.save(path)
        paths.append(path)
    return paths
