"""Reading and writing images the way a user expects, whatever the file holds.

Everything inside Retouch works on 8-bit sRGB `RGB` or `RGBA` PIL images. This module is the one
place that turns real files into that: EXIF orientation applied, embedded ICC profiles converted
to sRGB, palette/greyscale/16-bit/CMYK modes normalised, alpha kept. Writes are atomic (temp file
in the same folder, then rename) so a crash never leaves half a file, and an existing file is
never replaced unless the caller says so.
"""

from __future__ import annotations

import io
import os
import tempfile
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from retouch.tools.errors import RetouchError

MAX_PIXELS = 100_000_000
"""Anything larger is refused before decoding: 100 MP of RGBA is 400 MB per copy in memory."""

# We check the size ourselves (with a clear message), so PIL's own bomb guard must not fire first.
Image.MAX_IMAGE_PIXELS = None

WRITABLE_FORMATS = {
    ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP",
    ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP",
}
_SRGB_PROFILE = ImageCms.createProfile("sRGB")


def load_image(path: str | os.PathLike[str]) -> Image.Image:
    """Open any image a user might have and return it upright, sRGB, as RGB or RGBA."""
    path = Path(path)
    if not path.exists():
        raise RetouchError(f"{path} does not exist", "Check the path and try again.")
    if path.is_dir():
        raise RetouchError(f"{path} is a folder, not an image", "Give the path of an image file.")
    try:
        with Image.open(path) as opened:
            _refuse_huge(opened.size, path)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                opened.load()
            return normalise_image(opened)
    except RetouchError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise RetouchError(
            f"can't read {path} as an image ({_short(exc)})",
            "Use a PNG, JPEG, WebP, TIFF or BMP file.",
        ) from None


def load_image_bytes(data: bytes, name: str = "image") -> Image.Image:
    """Same as `load_image` for bytes already in memory (tests, pasted images)."""
    try:
        with Image.open(io.BytesIO(data)) as opened:
            _refuse_huge(opened.size, Path(name))
            opened.load()
            return normalise_image(opened)
    except RetouchError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise RetouchError(f"can't read {name} as an image ({_short(exc)})") from None


def normalise_image(image: Image.Image) -> Image.Image:
    """Orientation, colour profile and mode: the three things that make an edit look wrong later."""
    icc = image.info.get("icc_profile")
    image = ImageOps.exif_transpose(image) or image
    image = _to_rgb_or_rgba(image)
    if icc:
        image = _convert_to_srgb(image, icc)
    image.info.pop("icc_profile", None)
    return image


def _to_rgb_or_rgba(image: Image.Image) -> Image.Image:
    mode = image.mode
    if mode in ("RGB", "RGBA"):
        return image.copy()
    if mode == "P":
        has_alpha = "transparency" in image.info or image.palette.mode == "RGBA"
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode in ("LA", "PA", "La", "RGBa"):
        return image.convert("RGBA")
    if mode.startswith("I;16") or mode in ("I", "F"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if mode.startswith("I;16") or values.max() > 255 else 255.0
        eight_bit = np.clip(values / top * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(eight_bit, "L").convert("RGB")
    if mode == "CMYK":
        # CMYK without a profile: PIL's naive conversion; with one, _convert_to_srgb corrects it.
        return image if "icc_profile" in image.info else image.convert("RGB")
    return image.convert("RGB")


def _convert_to_srgb(image: Image.Image, icc: bytes) -> Image.Image:
    """Apply the embedded profile so colours match what other viewers show."""
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    except (OSError, ImageCms.PyCMSError):
        return image if image.mode in ("RGB", "RGBA") else image.convert("RGB")
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    colour = image.convert("RGB") if image.mode == "RGBA" else image
    try:
        converted = ImageCms.profileToProfile(
            colour, source, _SRGB_PROFILE, renderingIntent=ImageCms.Intent.PERCEPTUAL,
            outputMode="RGB")
    except (ImageCms.PyCMSError, OSError, ValueError):
        converted = colour.convert("RGB")
    if alpha is not None:
        converted.putalpha(alpha)
    return converted


def _refuse_huge(size: tuple[int, int], path: Path) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise RetouchError(
            f"{path.name} is {width}×{height} ({width * height / 1e6:.0f} MP); "
            f"Retouch edits images up to {MAX_PIXELS // 1_000_000} MP",
            "Downscale it first, e.g. to half its size.",
        )


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]


def output_format(path: str | os.PathLike[str]) -> str:
    """The PIL format for an output path, from its extension; an unknown one is the user's to fix."""
    suffix = Path(path).suffix.lower()
    if suffix not in WRITABLE_FORMATS:
        known = ", ".join(sorted(WRITABLE_FORMATS))
        raise RetouchError(f"can't write {suffix or 'a file without an extension'}",
                           f"Use one of: {known}.")
    return WRITABLE_FORMATS[suffix]


def save_image(image: Image.Image, path: str | os.PathLike[str], *, overwrite: bool = False,
               metadata: dict[str, object] | None = None) -> Path:
    """Write atomically in the format the extension names; refuse to replace a file by default.
    `metadata` (how the image was made) goes into a PNG's `retouch` chunk; other formats drop it."""
    path = Path(path)
    fmt = output_format(path)
    if path.exists() and not overwrite:
        raise RetouchError(f"{path} already exists", "Pass --force to overwrite it, or pick another name.")
    if not path.parent.exists():
        raise RetouchError(f"the folder {path.parent} does not exist", "Create it first.")
    to_write = image
    if fmt in ("JPEG", "BMP") and image.mode == "RGBA":
        # These formats have no alpha: flatten onto white, as most viewers show transparency.
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        to_write = background
    options: dict[str, object] = {}
    if fmt == "JPEG":
        options = {"quality": 95, "subsampling": 0}
    elif fmt == "WEBP":
        options = {"quality": 95}
    elif fmt == "PNG" and metadata is not None:
        from retouch.tools.provenance import png_info

        options = {"pnginfo": png_info(metadata)}
    buffer = io.BytesIO()
    to_write.save(buffer, format=fmt, **options)
    write_bytes_atomic(path, buffer.getvalue(), overwrite=overwrite)
    return path


def write_bytes_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Temp file in the target folder, fsync, rename: readers see the old file or the new, never half."""
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(temp_name, path)
        else:
            # link() fails if the target appeared meanwhile, so a racing writer can't be clobbered.
            try:
                os.link(temp_name, path)
            except FileExistsError:
                raise RetouchError(f"{path} already exists", "Pass --force to overwrite it.") from None
            finally:
                os.unlink(temp_name)
    except BaseException:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
        raise


def load_mask(path: str | os.PathLike[str], size: tuple[int, int]) -> np.ndarray:
    """A user's mask file as uint8 0–255 (white = selected); its size must match the image."""
    path = Path(path)
    if not path.exists():
        raise RetouchError(f"mask {path} does not exist", "Check the path and try again.")
    try:
        with Image.open(path) as opened:
            opened.load()
            image = ImageOps.exif_transpose(opened) or opened
            rgba = image.convert("RGBA")
            grey = np.asarray(rgba.convert("L"), dtype=np.uint16)
            alpha = np.asarray(rgba.getchannel("A"), dtype=np.uint16)
            painted = grey[alpha > 0]
            if alpha.min() == 255:
                mask = grey
            elif painted.size and painted.min() == painted.max():
                mask = alpha  # strokes of one colour on a transparent layer: the strokes are the mask
            else:
                mask = grey * alpha // 255
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise RetouchError(f"can't read mask {path} ({_short(exc)})", "Use a black-and-white PNG.") from None
    if (mask.shape[1], mask.shape[0]) != tuple(size):
        raise RetouchError(
            f"mask {path.name} is {mask.shape[1]}×{mask.shape[0]} but the image is {size[0]}×{size[1]}",
            "Make the mask the same size as the image.",
        )
    return np.ascontiguousarray(mask, dtype=np.uint8)


def mask_to_image(mask: np.ndarray) -> Image.Image:
    return Image.fromarray(np.asarray(mask, dtype=np.uint8), "L")
