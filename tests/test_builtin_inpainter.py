"""The built-in backend works on a crop around the edit (fill, feather, composite) and pastes it
back: the same pixels as doing it over the whole photo, nothing outside the box touched, and an
exclusion on the request reaches the fill."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image
from skimage import data as skdata

from retouch.tools.builtin_inpainter import BuiltinInpainter, edit_box, recolour
from retouch.tools.fill import content_aware_fill
from retouch.tools.inpaint import InpaintRequest, composite, compositing_mask, hard_region


def _photo(mode: str = "RGB") -> Image.Image:
    image = Image.fromarray(skdata.astronaut()[::2, ::2])  # 256×256
    if mode == "RGBA":
        image = image.convert("RGBA")
        alpha = np.full((256, 256), 255, np.uint8)
        alpha[:, :40] = 90
        image.putalpha(Image.fromarray(alpha))
    return image.convert(mode) if mode not in ("RGB", "RGBA") else image


def _mask(soft: bool = False) -> np.ndarray:
    mask = np.zeros((256, 256), np.uint8)
    mask[100:150, 30:90] = 255
    if soft:
        mask[95:100, 30:90] = 128
    return mask


def _whole_image(image: Image.Image, mask: np.ndarray, request: InpaintRequest) -> Image.Image:
    """What the backend did before it cropped: every step over the whole photo."""
    soft = compositing_mask(mask, request.mask_blur)
    rgb = image.convert("RGB")
    if request.task == "recolor":
        return composite(image, recolour(rgb, soft, (0, 128, 0)), soft)
    filled = content_aware_fill(np.asarray(rgb), hard_region(soft), seed=request.seed)
    return composite(image, Image.fromarray(filled), soft)


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L"])
@pytest.mark.parametrize("task", ["remove", "recolor"])
@pytest.mark.parametrize("soft", [False, True])
def test_the_crop_gives_the_same_pixels_as_the_whole_photo(mode: str, task: str, soft: bool) -> None:
    image, mask = _photo(mode), _mask(soft)
    request = InpaintRequest(task=task, color="green", mask_blur=6, seed=5)
    result = BuiltinInpainter().inpaint(image, mask, request)
    expected = _whole_image(image, mask, request)
    assert result.images[0].mode == expected.mode
    assert np.array_equal(np.asarray(result.images[0]), np.asarray(expected))
    x0, y0, x1, y1 = result.info["box"]
    assert (x0, y0, x1, y1) == edit_box(mask, 6)
    outside = np.ones(mask.shape, bool)
    outside[y0:y1, x0:x1] = False
    before = np.asarray(image.convert(expected.mode))
    assert np.array_equal(np.asarray(result.images[0])[outside], before[outside])


def test_the_box_covers_the_feather_and_stays_in_the_frame() -> None:
    mask = np.zeros((50, 80), np.uint8)
    mask[0:10, 70:80] = 255
    assert edit_box(mask, 8) == (61, 0, 80, 19)
    assert edit_box(np.zeros((5, 5), np.uint8), 8) is None


def test_an_empty_selection_is_a_user_error_and_a_wrong_size_a_programming_error() -> None:
    from retouch.tools.errors import RetouchError

    image = _photo()
    with pytest.raises(RetouchError):
        BuiltinInpainter().inpaint(image, np.zeros((256, 256), np.uint8), InpaintRequest(task="remove"))
    with pytest.raises(ValueError):
        BuiltinInpainter().inpaint(image, np.zeros((255, 256), np.uint8), InpaintRequest(task="remove"))


def test_the_request_exclusion_reaches_the_fill() -> None:
    pixels = np.dstack([skdata.grass()[:160, :160]] * 3).copy()
    pixels[30:130, 100:140] = (255, 0, 255)
    image = Image.fromarray(pixels)
    mask = np.zeros((160, 160), np.uint8)
    mask[40:120, 50:100] = 255
    exclude = np.zeros_like(mask)
    exclude[30:130, 100:140] = 255
    result = BuiltinInpainter().inpaint(image, mask, InpaintRequest(task="remove", mask_blur=0, seed=1,
                                                                    exclude=exclude))
    out = np.asarray(result.images[0]).astype(int)[mask > 0]
    assert not (((out[:, 0] - out[:, 1]) > 40) & ((out[:, 2] - out[:, 1]) > 40)).any()
    assert result.info["excluded_pixels"] == 4000
    plain = BuiltinInpainter().inpaint(image, mask, InpaintRequest(task="remove", mask_blur=0, seed=1))
    out = np.asarray(plain.images[0]).astype(int)[mask > 0]
    assert (((out[:, 0] - out[:, 1]) > 40) & ((out[:, 2] - out[:, 1]) > 40)).any()


def test_the_request_record_keeps_the_exclusion_out_of_the_journal() -> None:
    import json

    exclude = np.zeros((10, 10), np.uint8)
    exclude[:3] = 255
    record = InpaintRequest(task="remove", exclude=exclude).as_record()
    assert record["exclude"] == 30
    json.dumps(record)


def test_a_blurred_background_takes_no_glow_from_the_subject() -> None:
    """A white subject on a dark ground: the ground beside it, blurred, stays the ground's colour. A blur of the whole
    photo carried the subject's white out into a glow around it, which the composite showed."""
    pixels = np.full((200, 200, 3), 20, np.uint8)
    pixels[60:140, 70:130] = 250
    pixels[::8, :, 1] = 60                                   # some ground texture to blur away
    background = np.full((200, 200), 255, np.uint8)
    background[60:140, 70:130] = 0
    request = InpaintRequest(task="background", background="blur", mask_blur=0)
    out = np.asarray(BuiltinInpainter().inpaint(Image.fromarray(pixels), background, request).images[0]).astype(int)
    ring = np.zeros((200, 200), bool)
    ring[54:146, 64:136] = True
    ring[60:140, 70:130] = False                             # 1-6 px outside the subject
    assert out[ring].max() <= 45, "the subject's white reached the blurred ground"
    assert np.array_equal(out[60:140, 70:130], pixels[60:140, 70:130]), "the subject itself stays as it was"
    assert out[ring][:, 1].std() < pixels[ring][:, 1].std() / 2, "the ground was blurred"
