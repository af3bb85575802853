"""Reading real-world files: orientation, colour profiles, odd modes, size limits, atomic writes."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageCms

from retouch.tools.errors import RetouchError
from retouch.tools.imageio import MAX_PIXELS, load_image, load_mask, save_image
from tests.support import DATA


def _gradient(width: int = 40, height: int = 24) -> Image.Image:
    x = np.linspace(0, 255, width, dtype=np.uint8)[None, :].repeat(height, 0)
    y = np.linspace(0, 255, height, dtype=np.uint8)[:, None].repeat(width, 1)
    return Image.fromarray(np.dstack([x, y, 255 - x]), "RGB")


def test_exif_orientation_is_applied(tmp_path: Path) -> None:
    upright = _gradient()
    # Orientation 6 means "rotate 90° clockwise to display": store the image turned the other way.
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    path = tmp_path / "rotated.jpg"
    stored.save(path, exif=exif, quality=100, subsampling=0)
    loaded = load_image(path)
    assert loaded.size == upright.size
    assert np.abs(np.asarray(loaded, np.int16) - np.asarray(upright, np.int16)).mean() < 4


def test_rgba_keeps_alpha(person_photo: Path) -> None:
    image = load_image(person_photo)
    assert image.mode == "RGBA"
    with Image.open(person_photo) as raw:
        assert np.array_equal(np.asarray(image.getchannel("A")), np.asarray(raw.getchannel("A")))


@pytest.mark.parametrize("mode,expected", [("P", "RGB"), ("L", "RGB"), ("LA", "RGBA"), ("1", "RGB"),
                                           ("CMYK", "RGB"), ("I;16", "RGB"), ("I", "RGB")])
def test_modes_are_normalised(tmp_path: Path, mode: str, expected: str) -> None:
    base = _gradient()
    if mode == "I;16":
        values = (np.asarray(base.convert("L"), np.uint16) * 257)
        image = Image.fromarray(values)
        path = tmp_path / "sixteen.png"
    else:
        image = base.convert(mode)
        path = tmp_path / ("img.tif" if mode in ("CMYK", "I") else "img.png")
    image.save(path)
    loaded = load_image(path)
    assert loaded.mode == expected
    assert loaded.size == base.size
    if mode in ("L", "I;16", "I"):
        grey = np.asarray(base.convert("L"), np.int16)
        assert np.abs(np.asarray(loaded, np.int16)[..., 0] - grey).max() <= 1


def test_palette_with_transparency_becomes_rgba(tmp_path: Path) -> None:
    image = _gradient().convert("P")
    image.info["transparency"] = 0
    path = tmp_path / "p.png"
    image.save(path, transparency=0)
    assert load_image(path).mode == "RGBA"


def test_icc_profile_is_converted_to_srgb() -> None:
    path = DATA / "icc_profile_test.jpg"
    loaded = np.asarray(load_image(path), np.int16)
    with Image.open(path) as raw:
        naive = np.asarray(raw.convert("RGB"), np.int16)
        profile = ImageCms.ImageCmsProfile(io.BytesIO(raw.info["icc_profile"]))
        expected = ImageCms.profileToProfile(raw.convert("RGB"), profile, ImageCms.createProfile("sRGB"),
                                             renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB")
    assert np.abs(loaded - naive).mean() > 1.0, "the embedded profile must change the colours"
    assert np.abs(loaded - np.asarray(expected, np.int16)).max() <= 1


def test_huge_image_is_refused_before_decoding(tmp_path: Path) -> None:
    side = int(MAX_PIXELS ** 0.5) + 2
    path = tmp_path / "huge.png"
    Image.new("1", (side, side)).save(path)
    with pytest.raises(RetouchError, match="MP"):
        load_image(path)


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n" + b"\0" * 40])
def test_unreadable_file_is_one_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.png"
    path.write_bytes(content)
    with pytest.raises(RetouchError, match="can't read"):
        load_image(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(RetouchError, match="does not exist"):
        load_image(tmp_path / "nope.png")
    with pytest.raises(RetouchError, match="folder"):
        load_image(tmp_path)


def test_save_is_atomic_and_does_not_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "out.png"
    save_image(_gradient(), out)
    first = out.read_bytes()
    with pytest.raises(RetouchError, match="already exists"):
        save_image(_gradient(8, 8), out)
    assert out.read_bytes() == first
    save_image(_gradient(8, 8), out, overwrite=True)
    assert Image.open(out).size == (8, 8)
    assert [p.name for p in tmp_path.iterdir()] == ["out.png"], "no temp files may be left behind"


def test_jpeg_output_flattens_alpha_onto_white(tmp_path: Path) -> None:
    image = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    out = save_image(image, tmp_path / "flat.jpg")
    assert np.asarray(Image.open(out)).min() >= 250


def test_unknown_output_extension(tmp_path: Path) -> None:
    with pytest.raises(RetouchError, match="can't write .xyz"):
        save_image(_gradient(), tmp_path / "out.xyz")


def test_mask_size_must_match(person_mask: Path) -> None:
    assert load_mask(person_mask, (256, 256)).shape == (256, 256)
    with pytest.raises(RetouchError, match="256×256 but the image is 100×100"):
        load_mask(person_mask, (100, 100))


def test_mask_drawn_on_transparent_layer(tmp_path: Path) -> None:
    layer = Image.new("RGBA", (20, 20), (0, 0, 0, 0))
    layer.paste((255, 0, 0, 255), (5, 5, 10, 10))
    path = tmp_path / "strokes.png"
    layer.save(path)
    mask = load_mask(path, (20, 20))
    assert mask[7, 7] == 255 and mask[0, 0] == 0 and (mask > 0).sum() == 25
