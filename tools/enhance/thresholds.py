"""The choices of the auto enhancer, as data: one table, documented in docs/enhance.md.

Every decision `tools.enhance` takes — is this photo dark, is that cast worth correcting, how much
noise is noise — compares a measurement with a number here and nowhere else. "auto" numbers are for
`enhance` with no parts named (do no harm: only what is clearly off); "asked" numbers are for a part
the user named ("fix the white balance"), where the words already say something is off.

The values were tuned on the tuning split of benchmarks/enhance_quality.py (astronaut, coffee, chelsea,
rocket, dog) and reported on the other photos, which were never used to choose them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Thresholds:
    analysis_side: int = 512
    """Long side of the reduced copy every global measurement is taken on (a phone's "auto" works the same way)."""
    crop_side: int = 384
    """Side of the full-resolution crops that noise and blur are measured on (downscaling hides both)."""

    # ---- colour cast (white balance, in linear light) ----
    cast_dead_zone_auto: float = 2.5
    """Degrees between the estimated illuminant and neutral grey left alone by auto (photos are rarely exactly
    neutral)."""
    cast_dead_zone_asked: float = 0.5
    cast_scene_auto: float = 10.0
    """A "cast" stronger than this is more likely the scene's own colour (fur, sunset, foliage, candlelight)
    than a wrong white balance: auto leaves it and says so; naming the colour ("too orange", "fix the white
    balance") corrects it."""
    cast_share: float = 0.9
    """Share of the cast beyond the dead zone that auto corrects (a trace of the light's colour keeps the mood);
    a named white balance corrects all of it."""
    max_cast_gain: float = 2.0
    """The largest per-channel gain a colour correction may use (a stronger "cast" is the scene's own colour)."""

    # ---- exposure and tone ----
    highlight_target: float = 0.90
    """Where the bright end (the 99.5th percentile of each pixel's brightest channel, linear) of a well exposed
    photo sits."""
    ev_dead_zone_auto: float = 0.3
    """Exposure changes smaller than this (EV) are left alone by auto."""
    ev_dead_zone_asked: float = 0.05
    max_ev_up: float = 2.5
    max_ev_down: float = 1.5
    bright_key: float = 0.33
    """Median linear luminance above which a photo with some clipped highlights reads as over-exposed (L* ≈ 64)."""
    clipped_share: float = 0.005
    """Share of (nearly) clipped pixels that, with a bright median, says over-exposed."""
    clipped_alone: float = 0.10
    """Share of clipped pixels that says over-exposed whatever the median."""
    mid_target: float = 0.20
    """Median linear luminance (L* ≈ 52) a correction moves toward: a lift never raises the median past it, and an
    over-exposed photo's median is brought down to it."""
    dark_key: float = 0.035
    """A photo whose median linear luminance is below this (L* ≈ 22) has its shadows lifted, even when lights
    in it are already white (a night scene is allowed to be dark: only the deep shadows move)."""
    shadow_lift: float = 0.35
    """How far (as a share of the way to `dark_key`) the deep shadows of such a photo are lifted."""

    # ---- contrast: black point, flatness ----
    black_point_auto: float = 0.012
    """Linear value of the 0.5th percentile of each pixel's darkest channel above which the blacks are
    lifted (a flat or hazy photo); a crisp photo's is near 0."""
    black_point_asked: float = 0.002
    black_point_share: float = 1.0
    """Share of the raised black point taken back out."""
    flat_spread: float = 0.30
    """A photo whose L* spread (95th − 5th percentile, 0…1) is below this gets a gentle S-curve."""
    s_curve: float = 0.18
    """Strength of that S-curve at strength 1."""

    # ---- local contrast and colour ----
    local_contrast_auto: float = 0.020
    """Mean local detail of L (0…1) below which auto adds local contrast."""
    local_contrast_clip: float = 1.6
    """CLAHE clip limit for local contrast."""
    local_contrast_mix: float = 0.45
    """How much of the CLAHE result is blended in at strength 1."""
    vibrance_auto: float = 0.06
    """Mean chroma (C*ab / 100) below which auto adds vibrance — unless the photo is nearly grey on purpose."""
    grey_chroma: float = 0.025
    """Mean chroma below which a photo is black and white (or close): never coloured in."""
    vibrance_amount: float = 0.35

    # ---- noise and blur (full-resolution crops) ----
    noise_auto: float = 4.0
    """Estimated noise σ (0…255 units) above which auto denoises."""
    noise_asked: float = 1.0
    denoise_h: float = 0.95
    """Non-local means filter strength per unit of σ (luminance); chroma gets `denoise_h_color` × σ."""
    denoise_h_color: float = 1.1
    blur_auto: float = 0.50
    """Blur effect (scikit-image's Crété-Roffet measure, 0 sharp … 1 blurred) above which auto sharpens."""
    sharpen_amount: float = 0.9
    """Unsharp-mask amount at strength 1 when asked (auto scales it by how blurred the photo measures)."""
    sharpen_radius: float = 1.6
    halo_allowance: float = 6.0
    """How far (0…255) a sharpened pixel may overshoot its neighbours' range: the halo control."""

    # ---- haze (dark channel prior) ----
    haze_auto: float = 0.40
    """Median of the dark channel (linear, 15-px patches) above which auto dehazes locally; a lighter, even veil
    is taken off by the black point alone, which undoes it exactly where the dark channel prior overshoots."""
    haze_keep: float = 0.1
    """Share of the haze kept (ω = 1 − this): distance should still read as distance."""
    min_transmission: float = 0.25

    # ---- straighten ----
    max_tilt: float = 15.0
    """Lines further than this from level or plumb are not read as a tilted horizon or wall."""
    min_tilt: float = 0.2
    """A tilt below this (degrees) is already straight."""
    line_support: float = 0.6
    """Total length of the lines agreeing with the tilt (within 0.5°), as a share of the image's width,
    needed before the angle is trusted."""
    line_agreement: float = 0.35
    """Share of all near-level/plumb line length that must agree with the chosen angle."""


THRESHOLDS = Thresholds()
