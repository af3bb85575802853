"""Reading and writing images the way a user expects, whatever the file holds.

Everything inside Retouch works on 8-bit sRGB `RGB` or `RGBA` PIL images. This module is the one
place that turns real files into that: EXIF orientation applied, embedded ICC profiles converted
to sRGB, palette/greyscale/16-bit/CMYK modes normalised, alpha kept. Writes are atomic (temp file
in the same folder, then rename) so a crash never leaves half a file, and an existing file is
never replaced unless the caller says so.

One input policy covers every image Retouch reads — the photo, a `--mask`, a plan's `mask_path`,
the chat's `/open`: a regular file, at most `MAX_FILE_BYTES` on disk and `MAX_PIXELS` as declared
in its header (checked before a single pixel is decoded), a still image, and whatever the decoder
trips over becomes one `RetouchError`. PIL's own decompression-bomb guard stays on as a second
line, set to the same limit.
"""

from __future__ import annotations

import errno
import io
import os
import re
import secrets
import shutil
import stat
import sys
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

import numpy as np
from PIL import Image, ImageCms, ImageOps

from retouch.tools.errors import RetouchError, file_error

MAX_PIXELS = 100_000_000
"""Anything larger is refused before decoding: 100 MP of RGBA is 400 MB per copy in memory."""
MAX_FILE_BYTES = 1 << 30
"""A bigger file is refused before it is opened (an uncompressed 16-bit 100 MP TIFF is 600 MB)."""

# PIL's bomb guard stays on (it warns above the limit and raises at twice it); our own check
# comes first with a clearer message, and the guard catches any path that skips it.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

WRITABLE_FORMATS = {
    ".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP",
    ".tif": "TIFF", ".tiff": "TIFF", ".bmp": "BMP",
}
_ANIMATED_FORMATS = ("GIF", "PNG", "WEBP")
"""Formats whose extra frames are animation (a camera's MPO, whose extra frames are previews, is not)."""
_PAGED_FORMATS = ("TIFF",)
"""Formats whose extra frames are pages of their own: editing page 1 would drop the rest unsaid."""
_SYSTEM_FOLDERS = tuple(Path(p) for p in (
    "/bin", "/boot", "/dev", "/etc", "/lib", "/lib32", "/lib64", "/libx32", "/proc", "/sbin", "/sys", "/usr",
    "/var/lib", "/var/log", "/System", "/Library", "/private/etc", "/private/var/db",
    *(os.environ[name] for name in ("SystemRoot", "ProgramFiles", "ProgramFiles(x86)") if os.environ.get(name)),
))
"""Where an image is never written, whatever the user has permission for (root can write /etc)."""
_SRGB_PROFILE = ImageCms.createProfile("sRGB")


def load_image(path: str | os.PathLike[str]) -> Image.Image:
    """Open any image a user might have and return it upright, sRGB, as RGB or RGBA."""
    path = Path(path)
    with _decoding(path, "image"):
        with _open_checked(path, "image") as opened:
            opened.load()
            return normalise_image(opened, owned=True)


@contextmanager
def opened_image(path: Path, what: str = "image") -> Iterator[Image.Image]:
    """The file opened under the input policy, nothing decoded yet: for readers that want only what
    the header holds (the provenance chunk of `retouch info` and `retouch apply FILE.png`), so
    they refuse what `load_image` refuses, with the same line."""
    with _decoding(path, what):
        with _open_checked(path, what) as opened:
            yield opened


@contextmanager
def _open_checked(source: Path | io.BytesIO, what: str, *, name: Path | None = None,
                  expected_size: tuple[int, int] | None = None) -> Iterator[Image.Image]:
    """The input policy: checks on the file, then on the header, before anything is decoded."""
    if name is None:
        name = source if isinstance(source, Path) else Path(what)
    label = f"{what} {name}" if what != "image" else str(name)
    if isinstance(source, Path):
        try:
            info = source.stat()
        except FileNotFoundError:
            raise RetouchError(f"{label} does not exist", "Check the path and try again.") from None
        except OSError as exc:
            raise file_error(exc, source, "read") from None
        if stat.S_ISDIR(info.st_mode):
            raise RetouchError(f"{label} is a folder, not an image", "Give the path of an image file.")
        if not stat.S_ISREG(info.st_mode):
            raise RetouchError(f"{label} is not a regular file (a device, pipe or socket)",
                               "Give the path of an image file.")
        if info.st_size > MAX_FILE_BYTES:
            raise RetouchError(f"{label} is {info.st_size / 2**20:.0f} MB on disk, more than the "
                               f"{MAX_FILE_BYTES // 2**20} MB Retouch reads", "Downscale or re-encode it first.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bomb and truncation warnings: we check the size ourselves
        try:
            opened = Image.open(source)
        except Image.DecompressionBombError as exc:  # PIL's guard, at twice our limit
            declared = re.search(r"\((\d+) pixels\)", str(exc))
            raise _too_big(name, int(declared.group(1)) if declared else 2 * MAX_PIXELS) from None
        with opened:
            _refuse_huge(opened.size, name)
            if expected_size is not None and opened.size not in (expected_size, expected_size[::-1]):
                _refuse_mask_size(name, opened.size, expected_size)
            if opened.format in _ANIMATED_FORMATS and getattr(opened, "is_animated", False):
                raise RetouchError(f"{name} is animated; Retouch edits still images, and would keep only "
                                   "its first frame", "Export the frame you want as a PNG first.")
            pages = getattr(opened, "n_frames", 1) if opened.format in _PAGED_FORMATS else 1
            if pages > 1:
                raise RetouchError(f"{name} has {pages} pages; Retouch edits one image, and would keep only "
                                   "the first page", "Save the page you want as a file of its own (PNG) first.")
            yield opened


@contextmanager
def _decoding(path: Path, what: str) -> Iterator[None]:
    """Whatever a decoder raises on a hostile or damaged file is the file's fault: one clear line.

    The file's bytes are untrusted input to a large C library, so every exception type is possible
    (struct errors, EOF, index and zero-division errors, MemoryError on a crafted size)."""
    try:
        yield
    except RetouchError:
        raise
    except MemoryError:
        raise RetouchError(f"ran out of memory reading {path}",
                           "Downscale the image first, or close other programs.") from None
    except Exception as exc:  # noqa: BLE001 - see the docstring
        label = f"{what} {path}" if what != "image" else str(path)
        raise RetouchError(f"can't read {label} as an image ({_short(exc)})",
                           "Use a PNG, JPEG, WebP, TIFF or BMP file.") from None


def normalise_image(image: Image.Image, *, owned: bool = False) -> Image.Image:
    """Orientation, colour profile and mode: the three things that make an edit look wrong later.

    `owned`: the image was just decoded and nobody else holds it, so it is turned in place and not
    copied (a 4096² photo is 48–64 MiB a copy)."""
    icc = image.info.get("icc_profile")
    if owned:
        ImageOps.exif_transpose(image, in_place=True)
    else:
        image = ImageOps.exif_transpose(image) or image
    image = _to_rgb_or_rgba(image, copy=not owned)
    if icc:
        image = _convert_to_srgb(image, icc)
    image.info.pop("icc_profile", None)
    return image


def _to_rgb_or_rgba(image: Image.Image, *, copy: bool = True) -> Image.Image:
    mode = image.mode
    if mode in ("RGB", "RGBA"):
        return image.copy() if copy else image
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
        raise _too_big(path, width * height, f"{width}×{height}")


def _too_big(path: Path, pixels: int, shape: str = "") -> RetouchError:
    size = f"{shape} ({pixels / 1e6:.0f} MP)" if shape else f"{pixels / 1e6:.0f} MP"
    return RetouchError(f"{path.name} is {size}; Retouch edits images up to {MAX_PIXELS // 1_000_000} MP",
                        "Downscale it first, e.g. to half its size.")


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:160]


def output_format(path: str | os.PathLike[str]) -> str:
    """The PIL format for an output path, from its extension; an unknown one is the user's to fix."""
    suffix = Path(path).suffix.lower()
    if suffix not in WRITABLE_FORMATS:
        known = ", ".join(sorted(WRITABLE_FORMATS))
        raise RetouchError(f"can't write {suffix or 'a file without an extension'} ({Path(path).name})",
                           f"Give the file one of these extensions: {known}.")
    return WRITABLE_FORMATS[suffix]


def check_output_path(path: str | os.PathLike[str], *, overwrite: bool = False,
                      protected: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Refuse a bad output path before any work is done; returns it with `~` expanded.

    Refused whatever `overwrite` says: an unknown extension, a folder, a system folder, a missing
    parent folder, and any of the `protected` files (the input photo, a session's own files).
    An existing file is refused unless `overwrite`.
    """
    path = Path(os.path.expanduser(os.fspath(path)))
    output_format(path)
    resolved = path.resolve()
    for folder in _SYSTEM_FOLDERS:
        if resolved == folder or resolved.is_relative_to(folder):
            raise RetouchError(f"{path} is in the system folder {folder}; Retouch does not write there",
                               "Save it in your own folders, e.g. ~/Pictures.")
    if path.is_dir():
        raise RetouchError(f"{path} is a folder", "Give a file name, e.g. result.png.")
    for keep in protected:
        if _same_file(resolved, Path(keep)):
            raise RetouchError(f"{path} is {_describe_protected(keep)}, which Retouch never overwrites",
                               "Write the result to a new file.")
    if path.exists() and not overwrite:
        raise RetouchError(f"{path} already exists", "Pass --force to overwrite it, or pick another name.")
    if not path.parent.is_dir():
        raise RetouchError(f"the folder {path.parent} does not exist", "Create it first.")
    return path


def _same_file(resolved: Path, other: Path) -> bool:
    try:
        return resolved == other.resolve() or (resolved.exists() and os.path.samefile(resolved, other))
    except OSError:
        return False


def _describe_protected(path: str | os.PathLike[str]) -> str:
    name = Path(path).name
    return "the original in its session" if name.startswith("v000") else \
        "a file of the session" if name[:1] == "v" or name == "journal.jsonl" else "the input image"


def save_image(image: Image.Image, path: str | os.PathLike[str], *, overwrite: bool = False,
               protected: Iterable[str | os.PathLike[str]] = (), metadata: dict[str, object] | None = None) -> Path:
    """Write atomically in the format the extension names; refuse to replace a file by default.

    Returns the path written (with `~` expanded); the new file's permissions follow the umask,
    an overwritten file keeps its own. `metadata` (how the image was made) goes into a PNG's
    `retouch` chunk; other formats drop it."""
    path = check_output_path(path, overwrite=overwrite, protected=protected)
    fmt = output_format(path)
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


def export_file(source: str | os.PathLike[str], target: str | os.PathLike[str], *, overwrite: bool = False,
                protected: Iterable[str | os.PathLike[str]] = ()) -> Path:
    """Write the image file `source` to `target`, in the format `target`'s extension names.

    When the formats match, the bytes are copied: nothing is decoded or encoded again (a 4096²
    PNG costs a copy, not seconds of compression), a JPEG loses nothing more, and a Retouch PNG
    keeps its metadata chunk. Otherwise the image is decoded once and encoded once; a PNG target
    still gets the source's metadata."""
    path = check_output_path(target, overwrite=overwrite, protected=protected)
    source = Path(source)
    if WRITABLE_FORMATS.get(source.suffix.lower()) == output_format(path):
        with open(source, "rb") as handle:
            _write_atomic(path, lambda target: shutil.copyfileobj(handle, target), overwrite=overwrite)
        return path
    from retouch.tools.provenance import read_provenance

    return save_image(load_image(source), path, overwrite=overwrite, protected=protected,
                      metadata=read_provenance(source))


TEMP_SUFFIX = ".part"


def temp_path_for(path: Path) -> Path:
    """A fresh hidden name beside `path` (`.NAME.RANDOM.part`): what `Session` cleans on open."""
    return path.with_name(f".{path.name[:100]}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def write_bytes_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Temp file in the target folder, fsync, rename: readers see the old file or the new, never half.

    The temp file is created like any new file (mode 0666 less the umask); replacing a file keeps
    that file's permissions. Any OS failure (disk full, read-only folder) is a RetouchError naming
    the path, and the temp file is gone."""
    _write_atomic(Path(path), lambda handle: handle.write(data), overwrite=overwrite)


def _write_atomic(path: Path, fill: Callable[[BinaryIO], object], *, overwrite: bool) -> None:
    """`write_bytes_atomic`, the temp file's content written by `fill(handle)`."""
    temp = temp_path_for(path)
    try:
        descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as exc:
        raise file_error(exc, path) from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            _keep_mode_of(path, temp)
            os.replace(temp, path)
        else:
            _publish_new(temp, path)
    except BaseException as exc:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise file_error(exc, path) from None
        raise


def _keep_mode_of(path: Path, temp: Path) -> None:
    try:
        os.chmod(temp, stat.S_IMODE(os.stat(path).st_mode))
    except FileNotFoundError:
        pass


def _publish_new(temp: Path, path: Path) -> None:
    """Move `temp` to `path` only if nothing is there, so a racing writer can't be clobbered."""
    try:
        os.link(temp, path)  # fails if the target appeared meanwhile
    except FileExistsError:
        raise RetouchError(f"{path} already exists", "Pass --force to overwrite it.") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK) \
                and not sys.platform.startswith("win"):
            raise
        # No hard links here (FAT, some network shares): claim the name, then move over it.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            raise RetouchError(f"{path} already exists", "Pass --force to overwrite it.") from None
        os.replace(temp, path)
        return
    os.unlink(temp)


def load_mask(path: str | os.PathLike[str], size: tuple[int, int]) -> np.ndarray:
    """A user's mask file as uint8 0–255 (white = selected); its size must match the image.

    Read under the same input policy as an image, and a mask of the wrong size is refused from
    its header, before it is decoded."""
    path = Path(os.path.expanduser(os.fspath(path)))
    with _decoding(path, "mask"):
        with _open_checked(path, "mask", expected_size=tuple(size)) as opened:
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
    if (mask.shape[1], mask.shape[0]) != tuple(size):
        _refuse_mask_size(path, (mask.shape[1], mask.shape[0]), tuple(size))
    return np.ascontiguousarray(mask, dtype=np.uint8)


def _refuse_mask_size(path: Path, found: tuple[int, int], wanted: tuple[int, int]) -> None:
    raise RetouchError(f"mask {path.name} is {found[0]}×{found[1]} but the image is {wanted[0]}×{wanted[1]}",
                       "Make the mask the same size as the image.")


PNG_LEVEL = 1
"""zlib level of the PNGs Retouch writes for itself (session versions and masks, and so `-o` PNGs,
which copy them): level 1 is 4× faster than PIL's default 6 on a 4096² photo, for files about
20–25 % larger."""


def encode_png(image: Image.Image | np.ndarray, metadata: dict[str, object] | None = None) -> memoryview:
    """A lossless PNG of `image` (a PIL image, or a uint8 (H, W) mask or (H, W, 3|4) RGB(A) array),
    carrying `metadata` in Retouch's text chunk (`tools.provenance`) before the pixels.

    OpenCV's libpng writes it with one filter for every row ("up") and zlib's run-length strategy:
    PIL tries four filters on every row, which at level 1 costs more than the compression (a
    4096² photo: 0.34 s instead of 0.68 s of CPU, the file within a few per cent, smaller on grainy
    photos). A PIL image is handed over a band of rows at a time; modes OpenCV has no order for
    (palette, 16-bit, …) go through PIL."""
    pixels = _opencv_order(image)
    if pixels is None:
        from retouch.tools.provenance import png_info

        buffer = io.BytesIO()
        image.save(buffer, format="PNG", pnginfo=png_info(metadata), compress_level=PNG_LEVEL)
        return buffer.getbuffer()
    import cv2

    options = [cv2.IMWRITE_PNG_COMPRESSION, PNG_LEVEL, cv2.IMWRITE_PNG_STRATEGY, cv2.IMWRITE_PNG_STRATEGY_RLE]
    if hasattr(cv2, "IMWRITE_PNG_FILTER"):  # OpenCV ≥ 4.10; earlier ones keep libpng's own choice
        options += [cv2.IMWRITE_PNG_FILTER, cv2.IMWRITE_PNG_FILTER_UP]
    ok, encoded = cv2.imencode(".png", pixels, options)
    del pixels
    if not ok:  # pragma: no cover - libpng refuses only what _opencv_order never hands it
        raise RetouchError("the image could not be encoded as PNG", "Save it in another format.")
    data = memoryview(encoded).cast("B")  # the encoder's own buffer: no copy of a 10–30 MB file
    if metadata is None:
        return data
    from PIL.PngImagePlugin import putchunk

    from retouch.tools.provenance import png_info

    chunks = io.BytesIO()
    for cid, payload, *_ in png_info(metadata).chunks:
        putchunk(chunks, cid, payload)
    header = _PNG_SIGNATURE_AND_HEADER  # the text goes right after IHDR, where `retouch info` reads it without decoding
    return memoryview(b"".join((data[:header], chunks.getbuffer(), data[header:])))


_PNG_SIGNATURE_AND_HEADER = 8 + 4 + 4 + 13 + 4
"""Bytes of the PNG signature and the IHDR chunk (length, type, 13 bytes of data, CRC)."""
_OPENCV_CONVERSIONS = {"RGB": (3, "COLOR_RGB2BGR"), "RGBA": (4, "COLOR_RGBA2BGRA")}


def _opencv_order(image: Image.Image | np.ndarray) -> np.ndarray | None:
    """The pixels in OpenCV's channel order (BGR, BGRA, or one channel), or None for a mode it can't
    take. A PIL image is converted a band of rows at a time: no RGB copy of the whole photo."""
    import cv2

    if isinstance(image, np.ndarray):
        array = np.ascontiguousarray(image, dtype=np.uint8)
        if array.ndim == 2:
            return array
        if array.ndim == 3 and array.shape[2] in (3, 4):
            return cv2.cvtColor(array, cv2.COLOR_RGB2BGR if array.shape[2] == 3 else cv2.COLOR_RGBA2BGRA)
        raise ValueError(f"expected an (H, W), (H, W, 3) or (H, W, 4) array, got {array.shape}")
    if image.mode == "L":
        return np.asarray(image)
    if image.mode not in _OPENCV_CONVERSIONS:
        return None
    channels, conversion = _OPENCV_CONVERSIONS[image.mode]
    width, height = image.size
    out = np.empty((height, width, channels), np.uint8)
    for top in range(0, height, WINDOW_BAND_ROWS):
        band = np.asarray(image.crop((0, top, width, min(height, top + WINDOW_BAND_ROWS))))
        cv2.cvtColor(band, getattr(cv2, conversion), dst=out[top:top + band.shape[0]])
    return out


WINDOW_BAND_ROWS = 256
"""`rgb_window` copies a PIL image this many rows at a time."""


def rgb_window(image: Image.Image | np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The pixels of `box` (x0, y0, x1, y1) as a contiguous uint8 (H, W, 3) RGB array of its own,
    from an RGB array or a PIL image of any mode. A PIL image is read a band of rows at a time:
    `np.asarray(image.crop(box))` would hold the crop twice at once (PIL keeps RGB in 4 bytes a
    pixel, then hands numpy a copy of its bytes) — 90 MiB for a person's window at 4096²."""
    x0, y0, x1, y1 = box
    if not isinstance(image, Image.Image):
        return np.ascontiguousarray(np.asarray(image)[y0:y1, x0:x1, :3])
    out = np.empty((max(0, y1 - y0), max(0, x1 - x0), 3), np.uint8)
    for top in range(y0, y1, WINDOW_BAND_ROWS):
        band = image.crop((x0, top, x1, min(y1, top + WINDOW_BAND_ROWS)))
        out[top - y0:top - y0 + band.height] = np.asarray(band if band.mode == "RGB" else band.convert("RGB"))
    return out


def mask_to_image(mask: np.ndarray) -> Image.Image:
    return Image.fromarray(np.asarray(mask, dtype=np.uint8), "L")
