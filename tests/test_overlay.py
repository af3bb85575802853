"""`overlay` computes only the mask's box; the picture must be exactly the whole-image formula's."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image

from retouch.tools.masks import binary
from retouch.tools.overlay import DEFAULT_COLOR, overlay
from tests.support import DATA


def _whole_image(image: Image.Image, mask: np.ndarray, outline: int, opacity: float = 0.45) -> np.ndarray:
    """The overlay computed over every pixel (the code before it was cropped): what it must match."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32)
    alpha = (np.clip(opacity, 0.0, 1.0) * (mask.astype(np.float32) / 255.0))[..., None]
    tint = np.asarray(DEFAULT_COLOR, dtype=np.float32)[None, None, :]
    out = rgb * (1.0 - alpha) + tint * alpha
    if outline > 0:
        hard = binary(mask).astype(np.uint8)
        kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * outline + 1, 2 * outline + 1))
        edge = (cv2.dilate(hard, kernel) > 0) & ~(cv2.erode(hard, kernel) > 0) & (hard > 0)
        out[edge] = tint[0, 0]
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _masks(shape: tuple[int, int]) -> dict[str, np.ndarray]:
    height, width = shape
    inside = np.zeros(shape, np.uint8)
    inside[40:90, 60:130] = 255
    soft = cv2.GaussianBlur(inside, (0, 0), 6)
    corner = np.zeros(shape, np.uint8)
    corner[: height // 3, : width // 2] = 255          # touches the top and left borders
    rim = np.zeros(shape, np.uint8)
    rim[:, width - 5:] = 255                            # a strip along the right border
    rim[height - 3:, :] = 128                           # a faint one along the bottom
    person = np.asarray(Image.open(DATA / "mask.png").convert("L").resize((width, height)))
    return {"inside": inside, "soft": soft, "corner": corner, "rim": rim, "person": person,
            "everything": np.full(shape, 255, np.uint8), "one pixel": np.pad(np.full((1, 1), 255, np.uint8),
                                                                           ((7, height - 8), (9, width - 10)))}


@pytest.mark.parametrize("outline", [0, 1, 2, 5])
@pytest.mark.parametrize("mode", ["RGB", "RGBA"])
def test_the_cropped_overlay_is_the_whole_image_overlay(outline: int, mode: str) -> None:
    image = Image.open(DATA / "image.png").convert(mode).resize((200, 150))
    for name, mask in _masks((150, 200)).items():
        got = overlay(image, mask, outline=outline)
        assert got.mode == "RGB" and got.size == image.size
        assert np.array_equal(np.asarray(got), _whole_image(image, mask, outline)), name


def test_an_empty_mask_gives_the_photo_and_never_the_same_object() -> None:
    image = Image.open(DATA / "image.png").convert("RGB")
    got = overlay(image, np.zeros((256, 256), np.uint8))
    assert got is not image and got.tobytes() == image.tobytes()
    got.putpixel((0, 0), (1, 2, 3))
    assert image.getpixel((0, 0)) != (1, 2, 3)


def test_a_mask_of_the_wrong_size_is_refused() -> None:
    with pytest.raises(ValueError, match="mask is 10×10 but the image is 256×256"):
        overlay(Image.open(DATA / "image.png"), np.zeros((10, 10), np.uint8))
