"""The choices of the auto enhancer, as data: one table, documented in docs/enhance.md.

Every decision `tools.enhance` takes — is this photo dark, is that cast worth correcting, how much
noise is noise — compares a measurement with a number here and nowhere else. "auto" numbers are for
`enhance` with no parts named (do no harm: only what is clearly off); "asked" numbers are for a part
the user named ("fix the white balance"), where the words already say something is off.

The values were tuned on the tuning split of benchmarks/enhance_quality.py (astronaut, coffee, chelsea,
rocket, dog, retina, red cat, car, hubble, coffee letterbox) and reported on the held-out photos, which
were never used to choose them.
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
    cast_dead_zone_auto: float = 3.0
    """Degrees between the estimated light and neutral grey left alone by auto (photos are rarely exactly
    neutral, and the estimate itself is off by about this much on a well balanced photo)."""
    cast_dead_zone_asked: float = 0.5
    cast_full_auto: float = 7.0
    """From this many degrees auto takes the whole cast out (between the dead zone and here, a growing share):
    a camera's white-balance error is a gain of the light, and half a correction leaves half the error."""
    cast_scene_auto: float = 10.0
    """Beyond this many degrees a "cast" is more and more likely the scene's own colour (fur, foliage, a fundus,
    candlelight, a sunset) than a wrong white balance: auto takes out less and less of it, and says so;
    naming the colour ("too orange", "fix the white balance") corrects all of it."""
    cast_scene_only: float = 12.0
    """From this many degrees auto leaves the colour entirely: a camera's white balance is seldom that far off."""
    cast_red_auto: float = 0.05
    """Redness (`colour.redness`: warm and magenta at once, log-chromaticity units) from which auto takes out less
    and less of a cast: lights lie on the blue–white–amber locus, give or take a green tint, so a red reading is
    red things in the scene (a tabby's fur reads 0.16, a red cat portrait 0.19; a camera's warm, cool, green or
    magenta cast on an ordinary scene below 0)."""
    cast_red_only: float = 0.10
    """Redness from which auto leaves the colour entirely."""
    max_cast_gain: float = 2.0
    """The largest per-channel gain a colour correction may use (a stronger "cast" is the scene's own colour)."""

    # ---- exposure and tone ----
    highlight_target: float = 0.95
    """Where the bright end (the 99.5th percentile of each pixel's brightest channel, linear) of a well exposed
    photo sits (0.93–1.0 on the tuning photos that have something white in them)."""
    ev_dead_zone_auto: float = 0.5
    """Exposure changes smaller than this (EV) are left alone by auto: half a stop is within what a photographer
    chooses on purpose (low key, high key), and a photo whose brightest part is small (stars, a lamp) reads its
    bright end unreliably."""
    ev_dead_zone_asked: float = 0.05
    max_ev_up: float = 2.5
    max_ev_down: float = 1.5
    bright_key: float = 0.33
    """Median linear luminance above which a photo with some clipped highlights reads as over-exposed (L* ≈ 64)."""
    clipped_share: float = 0.005
    """Share of the picture in clipped areas (a channel at the top code with all its 3×3 neighbours) that, with a
    bright median, says over-exposed. A white page or lab slide sits below the top code and is not clipped."""
    clipped_alone: float = 0.10
    """Share of the picture in clipped areas that says over-exposed whatever the median."""
    clip_pile: float = 0.002
    """Share of the picture whose middle channel is at the top code (`highlights.clip_shape`) from which the clip's
    shape is read as over-exposure, whatever the median: a night scene's blown flame or a lamp is that big."""
    clip_steepness: float = 0.8
    """That pile over the share just below it (middle channel at codes 224–253) above which tones were pushed into
    the clip: a well exposed photo thins out towards white (0.3 at most on the tuning photos, untouched or under
    a cast, which clips one channel only, bar one 0.9 of a few flame pixels under the `clip_pile`); +1 EV reads
    0.9–4.8, but for a tabby whose fur has nothing white in it (0.01; her median says it instead)."""
    clipped_white: float = 0.5
    """Where a lowered exposure puts the clipped areas, between the gain's value (0) and white (1): their truth
    lies somewhere in there, so the middle (blown highlights come out light grey-white, not white, not grey)."""
    clipped_white_backdrop: float = 1.0
    """`clipped_white` when the photo has a white backdrop (`backdrop_border`): white — the backdrop was chosen
    to be white, and a lowered exposure should not turn it grey."""
    mid_target: float = 0.20
    """Median linear luminance (L* ≈ 52) an over-exposed photo's median is brought down to (the tuning photos'
    medians: 0.15–0.25 for the ones in daylight)."""
    lift_median_cap: float = 0.23
    """A lift never raises the median linear luminance past this (L* ≈ 55): a photo with nothing white in it (a
    tabby cat filling the frame) is lifted until its middle tones look right, not until something is white;
    a bright scene (a white dog on a lawn) may sit a little above `mid_target`."""
    dark_key: float = 0.035
    """Asked for exposure ("it's too dark"), a photo whose median linear luminance is below this (L* ≈ 22) and
    whose lights are already white has its deep shadows lifted. Auto leaves it: a night scene, a portrait on
    black, a star field is meant to be dark."""
    shadow_lift: float = 0.35
    """How far (as a share of the way to `dark_key`) the deep shadows of such a photo are lifted."""
    felt_cast_step: float = 0.19
    """How far (log-chromaticity units along the lean, times the strength) the colour moves away from a lean the user
    named ("it came out orange") at least: about what "cooler" does (`adjust` warmth −0.25 moves the light 0.19
    along the warm–cool locus). A light measured leaning that way by more is balanced whole, by the measure; less,
    not at all, or the other way: this step away from the named lean, and the reply says what was measured."""
    felt_step_ev: float = 0.33
    """How far (EV, times the strength) the exposure moves the way the user said ("it's too dark") when it
    measures fine, or measures the other way: the user sees the photo on their screen and in their use, which the
    statistics don't, so their direction is kept — by about what "brighter" does (`adjust` brightness +0.25,
    ×1.25 ≈ 0.32 EV), and the note says it measured fine."""

    backdrop_border: float = 0.5
    """Share of the frame's edge that flat white regions (two channels or three at the top code) touching it must
    cover together to be read as a backdrop, left out of every measurement (`backdrop`): a product shot's white
    runs round the subject (1.0 on the dog and the bunny cut out on white, over-exposed too), a blown suit, sky
    or window touches a part of the edge (0.32 at most on the tuning photos at +1 EV)."""
    backdrop_subject: float = 0.05
    """Share of the picture that must be left besides such a backdrop for it to be one: less is a white frame
    or a scene blown almost everywhere, and there is no subject to measure instead."""

    # ---- contrast: black point, flatness ----
    black_point_auto: float = 0.02
    """Linear value (sRGB code ≈ 39) of the 0.5th percentile of each pixel's darkest channel above which the blacks
    are lifted (a flat or hazy photo); a crisp photo's is near 0, and a scene with no black in it (a fundus, a
    face filling the frame) stays below this."""
    black_point_asked: float = 0.002
    veil_cast: float = 15.0
    """Degrees from grey the darkest pixels' colour may be and still be read as the colour of a veil (haze lit by
    a light the camera balanced wrongly); beyond it the darkest things are coloured objects and the veil taken
    out is grey."""
    black_point_share: float = 1.0
    """Share of the raised black point taken back out."""
    flat_spread: float = 0.30
    """A photo whose L* spread (95th − 5th percentile, 0…1) is below this, with its darkest tones off the floor
    (`flat_floor`), is flat: asked for contrast, it gets the full S-curve (otherwise half). Auto never adds an
    S-curve — its "contrast" is the veil taken out: a scene with a narrow range of tones and real blacks is
    what it is (fog, a fundus, a snowfield), and a curve is a matter of taste."""
    flat_floor: float = 0.10
    """The 5th percentile L* (0…1) a flat photo's tones sit above: one that reaches black is not flat, it is
    mostly dark (a night sky, a star field) and an S-curve would only crush it."""
    s_curve: float = 0.18
    """Strength of that S-curve at strength 1."""

    # ---- local contrast and colour ----
    local_contrast_auto: float = 0.012
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
    """Estimated σ of the noise in lightness (0…255 units) above which auto denoises."""
    noise_asked: float = 1.0
    noise_left: float = 1.5
    """σ (0…255) still left on the reduced copy above which that copy is cleaned too before the other parts are
    measured on it (a photo no bigger than the copy keeps all its noise, which would read as lifted blacks,
    clipped whites and colour)."""
    denoise_h: float = 1.05
    """Non-local means filter strength per unit of the luma σ; colour gets `denoise_h_color` × its own σ
    (camera grain has little colour noise, so colour detail is kept)."""
    denoise_h_color: float = 0.9
    blur_auto: float = 0.50
    """Blur effect (Crété-Roffet's measure, `detail.blur_effect`: 0 sharp … 1 blurred) above which auto sharpens."""
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

    # ---- even skin (`evening`: the selection's colour evened at the blotches' scale) ----
    even_pull: float = 0.9
    """Share of a blotch's colour difference taken out at strength 1 (strength 2: all of it). Tuned on the tune
    split of benchmarks/skin_evening.py (with a Gaussian band, before the median): 0.8 → 0.9 → 1.0 took the
    astronaut's blotch error 1.33 → 1.27 → 1.21 for a change to a face with nothing to even of 0.67 → 0.69 → 0.76
    (its own rosy cheeks flattened)."""
    even_low_scale: float = 0.5
    """σ of the skin's smooth colour, as a share of `evening.selection_reach` (half the selection's width): at 0.35
    a large patch is much of its own reference (night's blotch error 1.39, 1.17 at 0.5); at 0.8 the face's own
    colour regions (a rosy nose) go too (the astronaut's clean face changed 0.85, 0.76 at 0.5)."""
    even_band_scale: float = 0.09
    """The blotches' σ, as a share of the same reach, which sets the median's window (`evening.MEDIAN_SIZE` at
    `WORK_BAND_PX`): at 0.06 a freckle keeps 0.88 of its colour contrast, at 0.09 0.96 (its darkness, in L, is
    never touched); at 0.12 the patches' error grows (1.16, 1.11 at 0.09)."""
    even_feather: float = 0.08
    """Width of the ramp in from the selection's edge, as a share of the same reach."""
    even_fine: float = 0.006
    """Patches (`Evenness.patches`, OKLab chroma) below which the colour already measures even and is left."""

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
