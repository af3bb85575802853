"""Measure the photo, then make the smallest correction that fixes what is off — never a recipe.

`enhance(image, parts=None)` works on a reduced copy to decide: each step is measured on the copy
as the steps before it left it (so the exposure is judged after the colour is balanced), applied to
the copy, and remembered; then the remembered steps run once on the full photo in the same order —
denoise, dehaze, one lookup table for colour and tone, local contrast, vibrance, sharpen. Noise and
blur are measured on full-resolution crops, where they live. A part that measures fine does
nothing, and the result says so; a photo that is fine comes back unchanged.

`parts=None` is auto: every part except straighten (turning and cropping changes the framing, which
a one-tap "auto" should not do unasked). A named part uses the "asked" thresholds of
`thresholds.THRESHOLDS`: the words already say it is off, so smaller errors are corrected too.
Straightening is measured here (`find_tilt`) and done by the caller, which owns canvas growth.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable, get_args

import cv2
import numpy as np
from PIL import Image

from retouch.tools.enhance import colour, detail, evening
from retouch.tools.enhance.backdrop import backdrop_mask
from retouch.tools.enhance.dehaze import dark_channel, dehaze
from retouch.tools.enhance.frame import picture_mask
from retouch.tools.enhance.highlights import clip_shape
from retouch.tools.enhance.straighten import Tilt, find_tilt
from retouch.tools.enhance.thresholds import THRESHOLDS, Thresholds
from retouch.tools.enhance.tone import ToneCurve
from retouch.tools.errors import RetouchError
from retouch.tools.settings import EXPOSURE_FELT, OPPOSITE_FELT, EnhancePart, Felt

PARTS: tuple[str, ...] = get_args(EnhancePart)
AUTO_PARTS: tuple[str, ...] = tuple(part for part in PARTS if part not in ("straighten", "even_skin"))
"""What "enhance" with no parts named looks at: everything but the framing, and but evening the colour of a
selection (asked for by name, on the skin: auto would even a red scarf with the face)."""
FELT: tuple[str, ...] = get_args(Felt)
"""The user's own readings of the photo ("it's too dark", "it came out orange"): the exposure and the colour never
move towards them, and move away by `Thresholds.felt_step_ev` / `felt_cast_step` where they measure fine."""
FLAT = 1e-3
"""Local detail (0…1) below which a picture is flat: there is no local contrast to bring out."""
BLACK = 1e-3
"""Bright end (linear) below which a picture is black: there is nothing to expose."""
BACKDROP_KEPT = 254
"""Code every channel of a white backdrop must still reach after the corrections for the reply to say it was left
white (the top code, one below for rounding)."""
MOTION_BLUR_NOTE = ("Sharpening restores softness and slight focus blur; real motion blur can't be undone "
                    "this way, so a shaken photo will only look a little crisper.")


@dataclass
class EnhanceResult:
    image: Image.Image
    done: list[str] = field(default_factory=list)
    """What was changed, as reply phrases: "balanced the colour (it was warm)"."""
    fine: list[str] = field(default_factory=list)
    """Parts that measured fine and were left alone: "exposure"."""
    measured: dict[str, float] = field(default_factory=dict)
    applied: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.done)

    def record(self) -> dict:
        """For the journal: what was measured and what was applied (numbers rounded)."""
        return {"measured": {k: round(float(v), 4) for k, v in self.measured.items()},
                "applied": {k: round(float(v), 4) for k, v in self.applied.items()}, "done": list(self.done)}


def enhance(image: Image.Image, *, parts: Iterable[str] | None = None, strength: float = 1.0,
            mask: np.ndarray | None = None, felt: Iterable[str] | None = None,
            limits: Thresholds = THRESHOLDS) -> EnhanceResult:
    """The photo with what measures off corrected (`parts`, default auto), scaled by `strength`
    (1 = the measured correction). With `mask` (uint8, white = inside) only the masked area is
    measured and changed, blended through the mask's soft edge — but the light's colour, which falls on
    everything, is read on the whole picture. `felt` (FELT: "too_dark", "too_warm" …) is the
    user's reading of the photo, which sets the direction of the exposure and the colour. Alpha is kept as it is."""
    wanted, asked = _parts(parts)
    if not 0.0 < strength <= 2.0 or not np.isfinite(strength):
        raise RetouchError(f"an enhance strength of {strength:g} is outside 0…2",
                           "Use 1 for the measured correction, 0.5 for a little, 1.5 for a lot.")
    felt = list(felt or [])
    unknown = [reading for reading in felt if reading not in FELT]
    if unknown:
        raise RetouchError(f"{unknown[0]!r} is not a reading of the photo I know", f"Use one of: {', '.join(FELT)}.")
    if any(OPPOSITE_FELT.get(a) == b for a in felt for b in felt):
        raise RetouchError("a photo can't read both ways at once", "Say which: too dark or too bright, too warm or "
                           "too cool, too green or too magenta.")
    alpha = image.getchannel("A") if image.mode == "RGBA" else None
    original = np.asarray(image.convert("RGB"))
    keep_full = None if mask is None else np.asarray(mask) > 127
    if keep_full is not None and not keep_full.any():
        raise RetouchError("the selection is empty, so there is nothing to enhance", "Select something first.")
    if "even_skin" in wanted and mask is None:
        raise RetouchError("evening the skin's colour needs the skin selected", "Say whose skin ('even out her "
                           "skin tone'), or select it first.")
    small, selected = _reduced(original, keep_full, limits.analysis_side)
    result = EnhanceResult(image=image)
    steps: list[Callable[[np.ndarray], np.ndarray]] = []
    decide = _Decisions(limits, asked, strength, result, selected, felt)

    crops_from = original if keep_full is None else _masked_crop(original, keep_full)
    if "denoise" in wanted:
        noise = detail.noise_sigma(crops_from, limits.crop_side)
        step = decide.denoise(noise)
        if step:
            steps.append(step)
            scale = min(small.shape[:2]) / min(original.shape[:2])
            if noise.luma * scale > limits.noise_left:    # a small photo is its own reduced copy: clean it first
                left = detail.Noise(noise.luma * scale, noise.chroma * scale)
                small = detail.denoise(small, left, h_per_sigma=limits.denoise_h,
                                       h_color_per_sigma=limits.denoise_h_color)
    decide.keep = _without_bars(small, selected)     # found on the cleaned copy: noise can hide a black bar
    decide.keep = decide.without_backdrop(small)
    decide.light_keep = decide.keep if selected is None else _without_bars(small, None)
    blur = detail.blur_measure(crops_from, limits.crop_side) if "sharpen" in wanted else 0.0
    if "dehaze" in wanted:
        step = decide.dehaze(small)
        if step:
            steps.append(step)
            small = step(small)
    curve = decide.tone(small, wanted, _codes_at(original, small))
    if not curve.is_identity:
        steps.append(curve.apply)
        small = curve.apply(small)
    if "local_contrast" in wanted:
        step = decide.local_contrast(small)
        if step:
            steps.append(step)
            small = step(small)
    if "vibrance" in wanted:
        step = decide.vibrance(small)
        if step:
            steps.append(step)
            small = step(small)
    if "even_skin" in wanted:
        step = decide.even_skin(original, np.asarray(mask))
        if step:
            steps.append(step)
    decide.say_backdrop(small)
    if "sharpen" in wanted:
        step = decide.sharpen(blur)
        if step:
            steps.append(step)

    out = original
    for step in steps:
        out = step(out)
    if keep_full is not None and steps:
        weight = (np.asarray(mask, np.float32) / 255.0)[..., None]
        out = np.clip(out * weight + original * (1.0 - weight) + 0.5, 0, 255).astype(np.uint8)
    picture = Image.fromarray(out, "RGB") if steps else image.copy()
    if alpha is not None and steps:
        picture.putalpha(alpha)
    result.image = picture
    return result


def sentence(done: list[str], fine: list[str]) -> str:
    """The reply's account of an enhance: "Balanced the colour (it was warm), lifted the exposure by 0.6 EV
    and added a little local contrast." — or, when nothing was off, that it was left (nearly) alone."""
    if not done:
        return ("It already looks well exposed and balanced — I changed almost nothing." if fine
                else "I changed nothing.")
    text = done[0] if len(done) == 1 else ", ".join(done[:-1]) + " and " + done[-1]
    return text[0].upper() + text[1:] + "."


def measure_tilt(image: Image.Image, limits: Thresholds = THRESHOLDS) -> Tilt:
    return find_tilt(np.asarray(image.convert("RGB")), max_tilt=limits.max_tilt, min_support=limits.line_support,
                     min_agreement=limits.line_agreement)


def _parts(parts: Iterable[str] | None) -> tuple[set[str], bool]:
    if parts is None:
        return set(AUTO_PARTS), False
    named = set(parts)
    unknown = named - set(PARTS)
    if unknown:
        raise RetouchError(f"enhance has no part {sorted(unknown)[0]!r}", "Parts: " + ", ".join(PARTS) + ".")
    return named - {"straighten"}, True


def _reduced(rgb8: np.ndarray, keep: np.ndarray | None, side: int) -> tuple[np.ndarray, np.ndarray | None]:
    return _reduce(rgb8, keep, side)


def _codes_at(original: np.ndarray, small: np.ndarray) -> np.ndarray:
    """The photo at the reduced copy's size with every pixel one of its own (nearest neighbour): averaging
    blurs a pile of clipped codes into the band below it. A photo that is its own reduced copy is `small`
    itself (cleaned of noise when it was noisy)."""
    if original.shape[:2] == small.shape[:2]:
        return small
    return cv2.resize(original, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_NEAREST)


def _without_bars(small: np.ndarray, keep: np.ndarray | None) -> np.ndarray | None:
    """The pixels to measure: the selection (if any) less black bars and surrounds (`frame`)."""
    picture = picture_mask(small)
    if picture is None:
        return keep
    if keep is None:
        return picture
    both = keep & picture
    return both if both.sum() >= 64 else keep


def _reduce(rgb8: np.ndarray, keep: np.ndarray | None, side: int) -> tuple[np.ndarray, np.ndarray | None]:
    scale = min(1.0, side / max(rgb8.shape[:2]))
    if scale >= 1.0:
        return rgb8, keep
    size = (max(1, round(rgb8.shape[1] * scale)), max(1, round(rgb8.shape[0] * scale)))
    small = cv2.resize(rgb8, size, interpolation=cv2.INTER_AREA)
    small_keep = None if keep is None else cv2.resize(keep.astype(np.uint8), size, interpolation=cv2.INTER_NEAREST) > 0
    if small_keep is not None and not small_keep.any():
        small_keep = None
    return small, small_keep


def veil_colour(pixels: np.ndarray, most: float, share: float = 0.005) -> np.ndarray | None:
    """The colour (mean 1) of a veil of haze or flare: the colour of the darkest `share` of the pixels
    (per-channel median), since where nothing in the scene reflects only the veil is left — and under a
    wrong white balance the veil has the light's colour too. None when that colour is more than `most`
    degrees from grey: then the darkest things are coloured objects (a dark red fundus), not a veil."""
    luma = pixels @ colour.LUMA
    count = max(1, int(len(luma) * share))
    darkest = np.median(pixels[np.argpartition(luma, count - 1)[:count]], axis=0)
    if darkest.min() <= 0 or colour.cast_angle(darkest) > most:
        return None
    return (darkest / darkest.mean()).astype(np.float32)


def clipped_areas(rgb8: np.ndarray) -> np.ndarray:
    """Where the capture ran out of range: a channel at the top code together with all its neighbours.
    A bright white (paper, a lab slide, snow) stays below the top code and is not clipped; noise on a
    white only touches it here and there, while over-exposure blows whole areas."""
    top = np.ascontiguousarray(rgb8.max(axis=2))
    return cv2.erode(top, np.ones((3, 3), np.uint8)) >= 254


def _masked_crop(rgb8: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The selection's bounding box: where noise and blur are measured for a masked enhance."""
    ys, xs = np.nonzero(keep)
    return rgb8[ys.min():ys.max() + 1, xs.min():xs.max() + 1]


class _Decisions:
    """Each method measures one part on the reduced copy, says what it found in `result`, and returns
    the step to apply (or None when the part is fine)."""

    def __init__(self, limits: Thresholds, asked: bool, strength: float, result: EnhanceResult,
                 keep: np.ndarray | None, felt: list[str] | None = None) -> None:
        self.limits, self.asked, self.strength, self.result, self.keep = limits, asked, strength, result, keep
        self.felt = next((reading for reading in felt or [] if reading in EXPOSURE_FELT), None)
        self.felt_casts = [reading for reading in felt or [] if reading not in EXPOSURE_FELT]
        self.backdrop: np.ndarray | None = None
        self.light_keep: np.ndarray | None = keep
        """Where the light's colour is read: the whole picture (less black bars) even when a selection is
        enhanced — the light falls on everything, and a selection's own colour is no cast: read on a face the
        white balance turned the skin grey, on a sky grey-blue."""

    def without_backdrop(self, small: np.ndarray) -> np.ndarray | None:
        """The pixels to measure less a white backdrop (`backdrop`), which is said in `result`. A selection of
        the backdrop alone ("enhance the background") is measured as it is: there is nothing else to read."""
        white = backdrop_mask(small, self.limits.backdrop_border, self.limits.backdrop_subject)
        if white is None:
            return self.keep
        keep = ~white if self.keep is None else self.keep & ~white
        if keep.sum() < max(64.0, self.limits.backdrop_subject * (keep.size if self.keep is None
                                                                    else self.keep.sum())):
            return self.keep
        self.result.measured["backdrop_share"] = float(white.mean())
        self.backdrop = white & (np.sort(small, axis=-1)[..., 1] >= BACKDROP_KEPT)    # its pixels at white as taken
        return keep

    def say_backdrop(self, small: np.ndarray) -> None:
        """The reply's note on a white backdrop, as the reduced copy came out of the steps: left white (every
        channel at the top code on nearly all of its pixels that were white as taken — its soft edge into the
        subject may move), or changed with the photo (a cast taken out of a backdrop clipped in two channels
        tints it)."""
        if self.backdrop is None or not self.backdrop.any():
            return
        white = float(np.mean(small[self.backdrop].min(axis=-1) >= BACKDROP_KEPT))
        self.result.measured["backdrop_kept"] = white
        self.result.notes.append("I measured the subject on its own, and the white backdrop was left as it is."
                                 if white >= 0.99 else
                                 "I measured the subject on its own, not its white backdrop, but the backdrop "
                                 "changed with the correction.")

    def _pixels(self, values: np.ndarray) -> np.ndarray:
        return values.reshape(-1, *values.shape[2:]) if self.keep is None else values[self.keep]

    def denoise(self, noise: detail.Noise) -> Callable[[np.ndarray], np.ndarray] | None:
        limits = self.limits
        self.result.measured.update(noise_sigma=noise.luma, colour_noise_sigma=noise.chroma)
        if noise.luma < (limits.noise_asked if self.asked else limits.noise_auto):
            self.result.fine.append("noise")
            return None
        used = detail.Noise(noise.luma * self.strength, noise.chroma * self.strength)
        self.result.applied.update(denoise_sigma=used.luma, denoise_colour_sigma=used.chroma)
        self.result.done.append(f"removed noise (σ ≈ {noise.luma:.0f})")
        return lambda rgb8: detail.denoise(rgb8, used, h_per_sigma=limits.denoise_h,
                                           h_color_per_sigma=limits.denoise_h_color)

    def dehaze(self, small: np.ndarray) -> Callable[[np.ndarray], np.ndarray] | None:
        limits = self.limits
        linear = colour.to_linear(small)
        haze = float(np.median(self._pixels(dark_channel(linear))))
        self.result.measured["haze"] = haze
        if not self.asked and haze < limits.haze_auto:
            self.result.fine.append("haze")
            return None
        amount = min(1.0, self.strength)
        self.result.applied["dehaze"] = amount

        def step(rgb8: np.ndarray) -> np.ndarray:
            reduced = _reduce(rgb8, None, limits.analysis_side)[0]
            return dehaze(rgb8, colour.to_linear(reduced), keep=limits.haze_keep, floor=limits.min_transmission,
                          amount=amount)
        self.result.done.append("cleared the haze")
        return step

    def tone(self, small: np.ndarray, wanted: set[str], codes: np.ndarray) -> ToneCurve:
        """The colour and tone curve for the reduced copy `small`; `codes` is the photo at that size with its
        codes as captured (no averaging), where the shape of the clip is read."""
        limits, strength, result = self.limits, self.strength, self.result
        curve = ToneCurve()
        linear = colour.to_linear(small)
        self._clipped_share = float(np.mean(self._pixels(clipped_areas(small))))
        self._clip = clip_shape(codes, self.keep)
        veil_light = None
        if "contrast" in wanted:
            black = float(np.percentile(self._pixels(linear.min(axis=2)), 0.5))
            result.measured["black_point"] = black
            threshold = limits.black_point_asked if self.asked else limits.black_point_auto
            if black > threshold:
                veil_light = veil_colour(self._pixels(linear), limits.veil_cast)
                veil = black * (np.ones(3, np.float32) if veil_light is None else veil_light / veil_light.min())
                curve.black = np.minimum(0.5, veil * limits.black_point_share * strength).astype(np.float32)
                result.applied.update({f"black_{c}": b for c, b in zip("rgb", curve.black)})
                result.done.append("deepened the blacks (it was flat)")
                linear = ToneCurve(black=curve.black).linear(linear)
        if "white_balance" in wanted:
            # a veil is lit by the scene's light and balanced like it, so its colour is the light's colour,
            # whatever the colours of the things in the scene — the surest reading there is
            light = colour.illuminant(linear, self.light_keep) if veil_light is None else veil_light
            angle = colour.cast_angle(light)
            result.measured["cast_degrees"] = angle
            stepped = self._felt_cast(light, angle)
            if stepped is not None:
                curve.gains = stepped
            else:
                self._balance(curve, light, angle)
            linear = ToneCurve(gains=curve.gains).linear(linear)
        if "exposure" in wanted:
            self._exposure(curve, linear)
            linear = ToneCurve(exposure=curve.exposure, gamma=curve.gamma, shadows=curve.shadows,
                               clipped_white=curve.clipped_white).linear(linear)
        if "contrast" in wanted:
            y = self._pixels(colour.luminance(linear))
            low, high = colour.lightness(np.percentile(y, [5, 95])) / 100.0
            spread = float(high - low)
            result.measured["tonal_spread"] = spread
            flat = spread < limits.flat_spread and low >= limits.flat_floor
            if self.asked and (flat or not curve.black.any()):
                curve.s_curve = limits.s_curve * strength * (1.0 if flat else 0.5)
                result.applied["s_curve"] = curve.s_curve
                if not curve.black.any():
                    result.done.append("added contrast (it was flat)" if flat else "added a little contrast")
            elif not curve.black.any():
                result.fine.append("contrast")
        return curve

    def _balance(self, curve: ToneCurve, light: np.ndarray, angle: float) -> None:
        """The measured cast taken out: whole when the words named it (a part asked, or a lean the user named
        that the light agrees with), else as much as auto trusts it (`colour.cast_fraction`)."""
        limits, strength, result = self.limits, self.strength, self.result
        if self.asked or self.felt_casts:
            fraction = 1.0 if angle > limits.cast_dead_zone_asked else 0.0
        else:
            fraction = colour.cast_fraction(light, dead_zone=limits.cast_dead_zone_auto,
                                            full_from=limits.cast_full_auto, scene_from=limits.cast_scene_auto,
                                            scene_at=limits.cast_scene_only, red_from=limits.cast_red_auto,
                                            red_at=limits.cast_red_only)
            result.measured["cast_redness"] = colour.redness(light)
            if angle > limits.cast_dead_zone_auto and fraction < 1.0 and (
                    angle > limits.cast_scene_auto or colour.redness(light) > limits.cast_red_auto):
                result.notes.append(f"The colour leans {colour.cast_name(light)}, which looks like the scene's "
                                    f"own colour, so I {'left it' if fraction == 0 else 'only softened it'}; "
                                    "say “fix the white balance” to neutralise it.")
        gains = colour.balance_gains(light, fraction, limits.max_cast_gain)
        if fraction > 0 and not np.allclose(gains, 1.0):
            gains = np.power(gains, strength)
            curve.gains = (gains / float(gains @ colour.LUMA)).astype(np.float32)
            result.applied.update({f"gain_{c}": g for c, g in zip("rgb", curve.gains)})
            result.done.append(f"balanced the colour (it was {colour.cast_name(light)})")
        else:
            result.fine.append("colour")

    def _felt_cast(self, light: np.ndarray, angle: float) -> np.ndarray | None:
        """Gains that step away from the lean the user named ("it came out orange") when the light leans that way
        by less than `felt_cast_step`, not at all, or the other way — said in the reply; None when it leans that
        way by more (or nothing was named), and the measured cast is taken out whole instead."""
        if not self.felt_casts:
            return None
        limits, result = self.limits, self.result
        direction = sum(colour.FELT_CASTS[reading] for reading in self.felt_casts)
        direction = direction / np.linalg.norm(direction)
        along = colour.leaning(light, direction)
        result.measured["felt_cast_lean"] = along
        if along >= limits.felt_cast_step:
            return None
        gains = np.exp(-limits.felt_cast_step * self.strength * direction)
        gains = (gains / float(gains @ colour.LUMA)).astype(np.float32)
        result.applied.update({f"gain_{c}": g for c, g in zip("rgb", gains)})
        measured = ("it measured neutral" if angle <= limits.cast_dead_zone_auto
                    else f"it measured {colour.cast_name(light)}")
        said = " and ".join(colour.FELT_SAY[reading] for reading in self.felt_casts)
        result.done.append(f"{said} a little as you asked ({measured})")
        return gains

    def _exposure(self, curve: ToneCurve, linear: np.ndarray) -> None:
        limits, strength, result = self.limits, self.strength, self.result
        y = self._pixels(colour.luminance(linear))
        bright_end = float(np.percentile(self._pixels(linear.max(axis=2)), 99.5))
        median = float(np.median(y))
        clipped = self._clipped_share
        result.measured.update(highlights=bright_end, median_luminance=median, clipped_share=clipped)
        dead = limits.ev_dead_zone_asked if self.asked else limits.ev_dead_zone_auto
        ev_white = float(np.log2(limits.highlight_target / max(bright_end, 1e-4)))
        ev_middle = float(np.log2(limits.lift_median_cap / max(median, 1e-4)))
        ev = min(ev_white, ev_middle, limits.max_ev_up)
        lift = ev > dead and bright_end > BLACK               # all black: no gain would change a pixel
        if lift and self.felt == "too_bright":
            self._felt_step(curve, "it measured dark already")
            return
        if lift and self.felt == "too_dark" and ev < limits.felt_step_ev:
            self._felt_step(curve, "it measured only a little dark")
            return
        if lift:
            ev *= strength
            curve.exposure = float(2.0 ** ev)
            result.applied["exposure_ev"] = ev
            result.done.append(f"lifted the exposure by {ev:.1f} EV")
            return
        clip = self._clip
        result.measured.update(clip_pile=clip.pile, clip_steepness=clip.steepness,
                               clip_ev=min(clip.ev, 99.0))
        pushed = clip.pile > limits.clip_pile and clip.steepness > limits.clip_steepness
        over = pushed or clipped > limits.clipped_alone or (median > limits.bright_key and clipped > limits.clipped_share)
        if over and self.felt == "too_dark":
            self._felt_step(curve, "it measured bright already")
            return
        if over:
            # a bright scene's median says how far; tones pushed into the clip say at least how far, and that
            # is all a dark scene (a night launch, a portrait on black) has to say
            ev_down = float(np.log2(max(median, 1e-4) / limits.mid_target))
            if pushed:
                ev_down = max(ev_down, clip.ev)
            ev_down = min(ev_down, limits.max_ev_down) * strength
            if ev_down > dead and self.felt == "too_bright" and ev_down < limits.felt_step_ev * strength:
                self._felt_step(curve, "it measured only a little bright")
                return
            if ev_down > dead:
                curve.exposure = float(2.0 ** -ev_down)
                curve.clipped_white = (limits.clipped_white_backdrop if "backdrop_share" in result.measured
                                       else limits.clipped_white)
                result.applied["exposure_ev"] = -ev_down
                result.done.append(f"brought the exposure down by {ev_down:.1f} EV (it was over-exposed)")
                return
        if self.asked and median < limits.dark_key and self.felt != "too_bright":
            curve.shadows = limits.shadow_lift * strength * (limits.dark_key / max(median, 1e-4) - 1.0)
            curve.shadows = min(curve.shadows, 4.0)
            result.applied["shadows"] = curve.shadows
            result.done.append("lifted the shadows")
            return
        if self.felt is not None and bright_end > BLACK:
            self._felt_step(curve, "it measured well exposed")
            return
        result.fine.append("exposure")

    def _felt_step(self, curve: ToneCurve, measured: str) -> None:
        """The user's direction kept where the measure asks less than `felt_step_ev` (times the strength) their way,
        nothing, or the opposite: that step their way, and the note says what was `measured`."""
        limits, result = self.limits, self.result
        step = limits.felt_step_ev * self.strength
        result.measured["felt_step"] = 1.0
        if self.felt == "too_dark":
            curve.exposure = float(2.0 ** step)
            result.applied["exposure_ev"] = step
            result.done.append(f"lifted the exposure by {step:.1f} EV as you asked ({measured})")
        else:
            curve.exposure = float(2.0 ** -step)
            curve.clipped_white = (limits.clipped_white_backdrop if "backdrop_share" in result.measured
                                   else limits.clipped_white)
            result.applied["exposure_ev"] = -step
            result.done.append(f"brought the exposure down by {step:.1f} EV as you asked ({measured})")

    def local_contrast(self, small: np.ndarray) -> Callable[[np.ndarray], np.ndarray] | None:
        limits = self.limits
        amount = detail.local_detail(small, self.keep)
        self.result.measured["local_detail"] = amount
        if amount < FLAT or (not self.asked and amount >= limits.local_contrast_auto):
            self.result.fine.append("local contrast")         # a flat picture has nothing to bring out
            return None
        mix = min(1.0, limits.local_contrast_mix * self.strength)
        self.result.applied["local_contrast"] = mix
        self.result.done.append("added a little local contrast" if mix < 0.5 else "added local contrast")
        return lambda rgb8: detail.local_contrast(rgb8, mix, limits.local_contrast_clip)

    def vibrance(self, small: np.ndarray) -> Callable[[np.ndarray], np.ndarray] | None:
        limits = self.limits
        chroma = colour.mean_chroma(small, self.keep)
        self.result.measured["chroma"] = chroma
        if chroma < limits.grey_chroma:
            self.result.fine.append("colour intensity (it is black and white)")
            return None
        if not self.asked and chroma >= limits.vibrance_auto:
            self.result.fine.append("colour intensity")
            return None
        amount = limits.vibrance_amount * self.strength
        self.result.applied["vibrance"] = amount
        self.result.done.append("gave the colours more life")
        return lambda rgb8: colour.vibrance(rgb8, amount)

    def even_skin(self, original: np.ndarray, mask: np.ndarray) -> Callable[[np.ndarray], np.ndarray] | None:
        """Blotches, redness and sallow patches in the selection's colour pulled towards the skin's smooth colour
        (`evening`), measured on the full photo: a blotch is a few pixels of a face that the reduced copy blurs."""
        limits = self.limits
        found = evening.measure_evenness(original, mask, low_scale=limits.even_low_scale,
                                         band_scale=limits.even_band_scale)
        self.result.measured["colour_patches"] = found.patches
        if found.patches < limits.even_fine:
            self.result.fine.append("evenness of the colour")
            return None
        pull = min(1.0, limits.even_pull * self.strength)
        self.result.applied["even_pull"] = pull
        self.result.done.append("evened out the colour (blotches and red or sallow patches toned down, the "
                                "shading and texture kept)")
        return lambda rgb8: evening.even_colour(rgb8, mask, pull=pull, low_scale=limits.even_low_scale,
                                                band_scale=limits.even_band_scale, feather=limits.even_feather)

    def sharpen(self, blur: float) -> Callable[[np.ndarray], np.ndarray] | None:
        limits = self.limits
        self.result.measured["blur"] = blur
        if not self.asked and blur < limits.blur_auto:
            self.result.fine.append("sharpness")
            return None
        softness = max(0.0, (blur - 0.3) / 0.4)
        amount = limits.sharpen_amount * self.strength * (max(0.6, min(1.6, softness)) if self.asked
                                                           else min(1.6, softness))
        self.result.applied["sharpen"] = amount
        self.result.done.append("sharpened it")
        self.result.notes.append(MOTION_BLUR_NOTE)
        return lambda rgb8: detail.sharpen(rgb8, amount, limits.sharpen_radius, limits.halo_allowance)
