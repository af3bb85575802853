"""The inpainter that needs no weights: what Retouch does on a fresh machine.

It can remove things (content-aware fill), clean up seams, recolour a selection to a named colour
while keeping its shading, change a background to blur / a flat colour / transparency, and take
the red out of pupils a flash turned red (a fix the plan names as the flaw 'red_eye'). It cannot
paint something new — a cat, a hat, a new sky, a redrawn hand — and says so with the model to pull.
"""

from __future__ import annotations

import threading
import time

import cv2
import numpy as np
from PIL import Image, ImageColor

from retouch.tools.errors import ModelMissing, RetouchError
from retouch.tools.fill import fill_window
from retouch.tools.imageio import rgb_window
from retouch.tools.inpaint import InpaintRequest, InpaintResult, ProgressCallback, composite, compositing_mask, hard_region
from retouch.tools.masks import Mask, bounding_box
from retouch.tools.recolour import recolour

DEFAULT_DIFFUSION_MODEL = "stable-diffusion-v1-5/stable-diffusion-inpainting"
PULL_HINT = (f"Pull a diffusion model once with: retouch models pull sd15-inpaint "
             f"(downloads {DEFAULT_DIFFUSION_MODEL}), then add --inpainter diffusers.")

FILL_TASKS = ("remove", "cleanup", "refine")
"""Tasks the built-in backend does by content-aware fill."""

RED_EYE_RATIO = (1.5, 2.3)
"""Red over the mean of green and blue: at the first, a pixel starts to count as a flash's red; at the
second, it counts fully. Skin sits near 1.3–1.5, lips about 1.8, a red pupil 3 or more."""
RED_EYE_EXCESS = (20.0, 60.0)
"""The same, as red minus that mean (0–255): a dark pupil's few levels of red are no flaw."""
RED_EYE_ORANGE = (0.2, 0.35)
"""How far green stands above blue, as a share of red's lead over the lower of them: up to the first, the red
is a flash's (green and blue alike, 0 or below); from the second on it is orange — the browns of irises,
lashes and hair (0.5) and skin (0.4) — and kept."""
RED_EYE_MIN_PIXELS = 4
"""Fewer red pixels than this in the selection: no red eye to correct."""
NATURAL_COLOURS = {"blue": (0, 150, 255), "orange": (255, 128, 0), "brown": (101, 67, 33)}
"""Basic colour names whose CSS value is no natural colour of the name, with one that is: CSS blue is the display's
primary, whose OKLCH hue (264°) reads lavender once paled (a clear sky is 240–250°; this is 251°); CSS orange
(70°) is amber; CSS brown (26°) is red's hue, and an iris made 'brown' came out red; a saddle brown (139, 90, 43;
OKLCH lightness 0.51) still turned the astronaut's fair hair copper, where this medium brown (0.41) reads brown. Red, green, yellow, purple
and the rest keep their CSS values. Each colour is then fitted to the selection (`tools/recolour.py`)."""
BLUR_WORKING_SIGMA = 6.0
"""A background blur wider than this is taken on a shrunk copy (`blurred_behind`)."""
BLUR_REACH = 0.02
"""How much background (its weight under the blur's kernel) a pixel needs near it to take the background's blur;
below it the pixel is the subject's own and stays as it was."""
_FLAT_BACKGROUNDS = {"white": (255, 255, 255), "black": (0, 0, 0), "gray": (128, 128, 128)}


class BuiltinInpainter:
    """Classical image processing only; deterministic for a given seed."""

    name = "builtin"

    def supports(self, request: InpaintRequest) -> bool:
        return self._unsupported_reason(request) is None

    def _unsupported_reason(self, request: InpaintRequest) -> str | None:
        if request.task in FILL_TASKS:
            return None
        if request.task == "recolor":
            return None if _parse_colour(request.color or request.prompt) else \
                "recolouring to something other than a plain colour name"
        if request.task == "background":
            return None if request.background != "generate" else "generating a new background"
        if request.task == "fix" and request.flaw == "red_eye":
            return None
        return {"replace": "replacing an object with a new one", "add": "adding a new object",
                "fix": "redrawing hands or faces"}.get(request.task, f"the task {request.task!r}")

    def inpaint(self, image: Image.Image, mask: Mask, request: InpaintRequest, *,
                progress: ProgressCallback | None = None,
                cancel: threading.Event | None = None) -> InpaintResult:
        reason = self._unsupported_reason(request)
        if reason is not None:
            raise ModelMissing(f"{reason[0].upper()}{reason[1:]} needs a diffusion model, and none is set up",
                               PULL_HINT)
        started = time.perf_counter()
        mask = np.asarray(mask)
        if mask.shape != (image.height, image.width):
            raise ValueError(f"mask shape {mask.shape} does not match the image ({image.width}×{image.height})")
        box = edit_box(mask, request.mask_blur)
        if box is None:
            raise RetouchError("the selection is empty, so there is nothing to change",
                               "Select something first, or give a --mask with white where to edit.")
        if progress:
            progress(0, 1, request.task)
        if request.task == "background":
            soft = compositing_mask(mask, request.mask_blur)
            result = self._background(image, image.convert("RGB"), soft, request.background or "blur")
        else:
            result = self._edit_in_box(image, mask, request, box, cancel)
        if progress:
            progress(1, 1, request.task)
        info = {"backend": self.name, "task": request.task, "seed": request.seed, "box": list(box),
                "seconds": round(time.perf_counter() - started, 4)}
        if request.exclude is not None and request.task in FILL_TASKS:
            info["excluded_pixels"] = int(np.count_nonzero(request.exclude))
        if request.variations > 1:
            info["note"] = "the built-in inpainter is deterministic, so it made one result, not variations"
        return InpaintResult(images=[result], info=info)

    @staticmethod
    def _edit_in_box(image: Image.Image, mask: np.ndarray, request: InpaintRequest,
                     box: tuple[int, int, int, int], cancel: threading.Event | None = None) -> Image.Image:
        """Fill or recolour, feather and composite inside `box` only, then paste that into a copy:
        the cost follows the edit, not the photo, and everything outside the box is untouched."""
        x0, y0, x1, y1 = box
        soft = compositing_mask(mask[y0:y1, x0:x1], request.mask_blur)
        if request.task in FILL_TASKS:
            # The fill sees the whole picture (it crops its own context, which may reach further)
            # and hands back only the window it filled: no picture-sized copies.
            hole = np.zeros(mask.shape, bool)
            hole[y0:y1, x0:x1] = hard_region(soft)
            (top, bottom, left, right), filled = fill_window(image, hole, seed=request.seed, exclude=request.exclude,
                                                             cancel=cancel)
            pixels = rgb_window(image, box)
            inside = np.s_[max(y0, top) - y0:min(y1, bottom) - y0, max(x0, left) - x0:min(x1, right) - x0]
            window = np.s_[max(y0, top) - top:min(y1, bottom) - top, max(x0, left) - left:min(x1, right) - left]
            where = hole[y0:y1, x0:x1][inside]
            pixels[inside][where] = filled[window][where]
            del filled, hole  # the filled window (38 MiB for a person at 4096²) is not needed past here
            new = Image.fromarray(pixels)
            del pixels
        elif request.task == "fix":  # only the red-eye fix gets here (_unsupported_reason)
            new = without_red_eye(image.crop(box).convert("RGB"), soft)
        else:
            share = 1.0 if request.color_share is None else request.color_share
            new = recolour(image.crop(box).convert("RGB"), soft, _parse_colour(request.color or request.prompt), share)
        original = image.crop(box)
        patch = composite(original, new, soft)
        del new, original
        # The copy of the picture comes last, when the working arrays of the box are gone.
        result = image.copy() if image.mode == "RGBA" else image.convert("RGB")
        result.paste(patch, (x0, y0))
        return result

    @staticmethod
    def _background(image: Image.Image, rgb: Image.Image, soft: Mask, style: str) -> Image.Image:
        pixels = np.asarray(rgb)
        if style == "transparent":
            alpha = np.asarray(image.getchannel("A")) if image.mode == "RGBA" else np.full(soft.shape, 255, np.uint8)
            keep = (alpha.astype(np.uint16) * (255 - soft.astype(np.uint16)) // 255).astype(np.uint8)
            out = rgb.copy()
            out.putalpha(Image.fromarray(keep, "L"))
            return out
        if style == "blur":
            new = blurred_behind(pixels, soft, sigma=max(3, round(max(rgb.size) / 60)))
        elif style in _FLAT_BACKGROUNDS:
            new = np.empty_like(pixels)
            new[...] = _FLAT_BACKGROUNDS[style]
        elif style in ("darker", "lighter"):
            factor = 0.55 if style == "darker" else 1.35
            new = np.clip(pixels.astype(np.float32) * factor + 0.5, 0, 255).astype(np.uint8)
        else:
            raise RetouchError(f"unknown background style {style!r}",
                               "Use blur, white, black, gray, transparent, darker or lighter.")
        return composite(image, Image.fromarray(new, "RGB"), soft)


def blurred_behind(pixels: np.ndarray, soft: Mask, sigma: float) -> np.ndarray:
    """The background blurred from its own pixels only: a Gaussian of the pixels weighted by the background mask
    (`soft`, 255 = background), divided by the Gaussian of the weights. A plain blur of the whole photo carries
    the subject into the background beside it — a glow of the white shirt or the lit face around the person that
    the composite then shows. Where no background lies within reach (deep inside the subject, which the composite
    keeps anyway) the photo's own pixel stays. A wide blur is taken on a copy shrunk so that its sigma is
    `BLUR_WORKING_SIGMA` and scaled back up (what a wide Gaussian keeps, the shrunk copy holds), one channel at a
    time: a 4096² photo costs about what the plain blur did, not several float copies of the photo."""
    height, width = soft.shape
    factor = max(1.0, sigma / BLUR_WORKING_SIGMA)
    small = (max(1, round(width / factor)), max(1, round(height / factor)))

    def blurred(plane: np.ndarray) -> np.ndarray:
        if factor == 1.0:
            return cv2.GaussianBlur(plane, (0, 0), sigmaX=sigma, borderType=cv2.BORDER_REFLECT)
        shrunk = cv2.resize(plane, small, interpolation=cv2.INTER_AREA)
        shrunk = cv2.GaussianBlur(shrunk, (0, 0), sigmaX=sigma / factor, borderType=cv2.BORDER_REFLECT)
        return cv2.resize(shrunk, (width, height), interpolation=cv2.INTER_LINEAR)

    weight = np.asarray(soft, np.float32) / 255.0
    spread = blurred(weight)
    reached = spread > BLUR_REACH
    spread = np.maximum(spread, BLUR_REACH)
    out = np.empty_like(pixels)
    for channel in range(pixels.shape[2]):
        plane = blurred(pixels[..., channel].astype(np.float32) * weight)
        plane /= spread
        out[..., channel] = np.where(reached, np.clip(plane + 0.5, 0, 255), pixels[..., channel]).astype(np.uint8)
    return out


def edit_box(mask: np.ndarray, mask_blur: int) -> tuple[int, int, int, int] | None:
    """x0, y0, x1, y1 of every pixel the edit may touch: the mask's box grown by the feather
    `compositing_mask` may add (a mask that is already soft gets none, but a margin costs little)."""
    box = bounding_box(mask)
    if box is None:
        return None
    height, width = mask.shape
    reach = max(0, int(mask_blur)) + 1
    x0, y0, x1, y1 = box
    return max(0, x0 - reach), max(0, y0 - reach), min(width, x1 + reach), min(height, y1 + reach)


def _parse_colour(text: str | None) -> tuple[int, int, int] | None:
    """A colour name (`NATURAL_COLOURS`, else CSS) or hex from the request ("red", "navy blue" → navy, "#ff8800")."""
    if not text:
        return None
    words = text.lower().replace("-", " ").split()
    candidates = ["".join(words), *words]  # "light blue" → lightblue; "navy blue" → navy
    for candidate in candidates:
        if candidate in NATURAL_COLOURS:
            return NATURAL_COLOURS[candidate]
        try:
            return ImageColor.getrgb(candidate)[:3]
        except ValueError:
            continue
    return None


def without_red_eye(image: Image.Image, mask: Mask) -> Image.Image:
    """Pupils a flash turned red, made dark again: where red stands well above green and blue
    (RED_EYE_RATIO, RED_EYE_EXCESS) and they are alike (RED_EYE_ORANGE), red is lowered towards their mean, fully where it is
    plainly a flash's red and gradually at the pupil's edge. The catch-light (near white) and
    the skin (red only a little above the rest) keep their colour. One clear line when the
    selection holds no such red: white or green eye-shine, or eyes that need redrawing."""
    rgb = np.asarray(image.convert("RGB"), dtype=np.float32)
    red, rest = rgb[..., 0], (rgb[..., 1] + rgb[..., 2]) / 2
    ratio = red / (rest + 1.0)
    orange = (rgb[..., 1] - rgb[..., 2]) / np.maximum(red - np.minimum(rgb[..., 1], rgb[..., 2]), 1.0)
    weight = (np.clip((ratio - RED_EYE_RATIO[0]) / (RED_EYE_RATIO[1] - RED_EYE_RATIO[0]), 0, 1)
              * np.clip((red - rest - RED_EYE_EXCESS[0]) / (RED_EYE_EXCESS[1] - RED_EYE_EXCESS[0]), 0, 1)
              * np.clip((RED_EYE_ORANGE[1] - orange) / (RED_EYE_ORANGE[1] - RED_EYE_ORANGE[0]), 0, 1))
    weight[np.asarray(mask) == 0] = 0
    if int(np.count_nonzero(weight >= 0.5)) < RED_EYE_MIN_PIXELS:
        raise ModelMissing("I found no red in the selected eyes to take out; redrawing eyes needs a diffusion "
                           "model, and none is set up", PULL_HINT)
    out = rgb.copy()
    out[..., 0] = red - weight * (red - rest)
    return Image.fromarray(np.clip(out + 0.5, 0, 255).astype(np.uint8), "RGB")
