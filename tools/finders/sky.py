"""The sky, without a model: the smooth, sky-coloured region that hangs from the top edge of the frame.

The classic weight-free recipe (gradient-energy sky detection, as in Shen & Wang 2013, then a
colour model and a matting-style refinement), on a small copy of the photo:

1. **where it could be sky** — pixels whose local gradient energy is low (no texture), whose
   colour is in the sky's family (blue of any depth, grey to white, or a bright sunset orange) and
   that are not near-black;
2. **hanging from the top** — only the parts of that connected to the top edge: a smooth wall or
   a blue shirt in mid-frame is not sky;
3. **cut cleanly** — GrabCut (Rother et al. 2004) seeded with the sure core of that region and the
   textured rest, so the gaps between branches and the outline of rooftops follow the colours;
   then the mask is brought back to the photo's size through a guided filter (He et al. 2010)
   steered by the photo itself, so its edge lands on the photo's edges, not on the small copy's
   pixels;
4. **said honestly** — a region that fails any of the checks below is no sky: too small, not
   spanning enough of the top edge, reaching the bottom edge (a white backdrop or a page), grey
   but no lighter than most of the photo (a table, a ceiling), warm but only a patch of the top
   (a lamp's glow).

What it cannot tell is a studio backdrop from a sky (a smooth blue behind a portrait); the
embedded finder gives none in a close-up, where a person or a face fills much of the frame
(`embedded.CLOSE_UP_PERSON`). Precision before recall: a wall taken for the sky and turned blue
is a worse answer than "I couldn't find a sky".
"""

from __future__ import annotations

import cv2
import numpy as np

WORK_SIDE = 320
"""The longest side the sky is looked for at: the sky is a large region, and GrabCut and the
gradient energy at this size cost about a tenth of a second of CPU whatever the photo's size
(benchmarks/sky_finder.py). The guided filter puts the edge back at full detail."""
SMOOTH_MAX = 1.6
"""A sky pixel's local gradient energy (CIELAB lightness per pixel of the work copy, averaged
over ENERGY_SIGMA) is at most this: the cameraman's and the dog photo's skies measure ~0.1 (median)
at 320 px, the dog's dry field 3.8, brick 2.4, grass and gravel over 7. Set on the tune photos."""
ENERGY_SIGMA = 2.0
"""The gradient magnitude is averaged over a Gaussian this wide (work pixels), so one twig in
a gap does not make the gap textured and a smooth wall's single edge does not make it sky."""
GREY_CHROMA = 12.0
"""CIELAB chroma at most this is grey to white: an overcast sky, haze, a pale horizon."""
BLUE_HUE = (190.0, 300.0)
"""The hue angle range (degrees in CIELAB's a-b plane) of a blue sky, from the cyan near the
horizon to the violet-blue of the zenith at dusk."""
WARM_HUE = (25.0, 95.0)
"""The hue range of a sunset's orange to yellow glow…"""
WARM_MIN_LIGHTNESS = 60.0
"""…when at least this light: a brown roof, wooden panelling or a face are warm too, but darker…"""
WARM_MIN_CHROMA = 25.0
"""…and at least this colourful: a beige or cream wall is warm and light, but pale."""
MIN_LIGHTNESS = 8.0
"""No sky pixel is darker than this (CIELAB L): below it is black — a night sky with nothing to
edit, a black border."""
GREY_MIN_LIGHTNESS = 45.0
"""A grey sky is at least this light: an overcast sky is the brightest thing outdoors, and a
dark grey smooth top is a ceiling, a shadowed wall or a night. A dark sky must be blue (dusk)."""
TOP_BAND = 0.02
"""A region is hanging from the top when it touches the top rows within this share of the height."""
MIN_SHARE = 0.03
"""A sky smaller than this share of the photo is a glimpse between things, too small to trust."""
MIN_TOP_COVER = 0.25
"""The sky covers at least this share of the top row: a sky spans the top of the frame, a
smooth patch in a corner is more often a wall or a blurred background."""
MAX_BOTTOM_TOUCH = 0.10
"""At most this share of the bottom row may be 'sky': a sky ends at a horizon, while a studio
backdrop, a page or the moon's grey surface runs on to the bottom edge."""
GREY_SKY_MIN_LIGHTNESS = 70.0
"""A grey sky's median lightness is at least this: an overcast sky exposed for the ground is near
white (82 and 92 on the tune photos); a grey ceiling or wall in room light is usually darker."""
GREY_MIN_RANK = 0.8
"""A grey sky's median lightness is above at least this share of the rest of the photo's pixels:
an overcast sky is the brightest thing outdoors (0.98 and 1.0 on the tune photos), while a grey
band of a table, a ceiling or a shadowed wall sits in the middle of the photo's tones (0.63 for
the coins' table)."""
WARM_MIN_TOP_COVER = 0.6
"""A sky whose colour is warm (a sunset) spans at least this share of the top row: a sunset
glows across the frame, while a warm lamp, a spotlight on a stage or a wooden wall is a patch."""
MAX_SHARE = 0.92
"""A 'sky' covering more than this is the whole photo (a plain backdrop, fog, a wall close up)."""
GRABCUT_ITERATIONS = 4
CORE_ERODE = 2
"""The region eroded by this many work pixels is GrabCut's certain sky; its rim is only probable."""
GUIDE_RADIUS = 0.008
"""The guided filter's window radius, as a share of the photo's longer side (about 8 px at 1000)."""
GUIDE_EPS = 1e-3
"""The guided filter's regularisation: lower follows the photo's edges more closely."""


def find_sky(rgb: np.ndarray) -> np.ndarray | None:
    """bool (H, W) at the photo's size: where the sky is, or None when there is no sky to find.

    `rgb`: uint8 (H, W, 3). Deterministic (GrabCut's colour models start from k-means with
    OpenCV's fixed seed)."""
    rgb = np.ascontiguousarray(np.asarray(rgb)[..., :3])
    height, width = rgb.shape[:2]
    if min(height, width) < 16:
        return None
    small = _work_copy(rgb)
    lab = cv2.cvtColor(small.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)
    candidate = sky_coloured(lab) & smooth(lab[..., 0])
    region = hanging_from_top(candidate)
    if not region.any():
        return None
    region = _grabcut(small, region, candidate)
    if not plausible_sky(region, lab):
        return None
    return _full_size(region, rgb)


def sky_coloured(lab: np.ndarray) -> np.ndarray:
    """bool: pixels in the sky's colour family (see BLUE_HUE, GREY_CHROMA, WARM_HUE) and not black."""
    lightness, a, b = lab[..., 0], lab[..., 1], lab[..., 2]
    chroma = np.hypot(a, b)
    hue = np.degrees(np.arctan2(b, a)) % 360.0
    grey = (chroma <= GREY_CHROMA) & (lightness >= GREY_MIN_LIGHTNESS)
    blue = (chroma > GREY_CHROMA) & (hue >= BLUE_HUE[0]) & (hue <= BLUE_HUE[1])
    warm = ((chroma >= WARM_MIN_CHROMA) & (hue >= WARM_HUE[0]) & (hue <= WARM_HUE[1])
            & (lightness >= WARM_MIN_LIGHTNESS))
    return (grey | blue | warm) & (lightness >= MIN_LIGHTNESS)


def gradient_energy(lightness: np.ndarray) -> np.ndarray:
    """The local gradient magnitude of the lightness, averaged over ENERGY_SIGMA (units of L per pixel)."""
    gx = cv2.Sobel(lightness, cv2.CV_32F, 1, 0, ksize=3) / 8.0
    gy = cv2.Sobel(lightness, cv2.CV_32F, 0, 1, ksize=3) / 8.0
    return cv2.GaussianBlur(np.sqrt(gx * gx + gy * gy), (0, 0), ENERGY_SIGMA)


def smooth(lightness: np.ndarray) -> np.ndarray:
    """bool: pixels with no texture around them (gradient energy at most SMOOTH_MAX)."""
    return gradient_energy(lightness) <= SMOOTH_MAX


def hanging_from_top(candidate: np.ndarray) -> np.ndarray:
    """bool: the parts of `candidate` (8-connected) that touch the top band of the photo."""
    count, labels = cv2.connectedComponents(candidate.astype(np.uint8), connectivity=8)
    band = max(1, int(round(TOP_BAND * candidate.shape[0])))
    touching = np.unique(labels[:band][candidate[:band]])
    return np.isin(labels, touching[touching > 0])


def plausible_sky(region: np.ndarray, lab: np.ndarray) -> bool:
    """Whether `region` (work size) is a sky and not a wall, a ceiling, a backdrop or the night."""
    share = float(region.mean())
    if not MIN_SHARE <= share <= MAX_SHARE:
        return False
    if region[0].mean() < MIN_TOP_COVER or region[-1].mean() > MAX_BOTTOM_TOUCH:
        return False
    lightness, a, b = lab[..., 0], lab[..., 1], lab[..., 2]
    median_a, median_b = float(np.median(a[region])), float(np.median(b[region]))
    if np.hypot(median_a, median_b) <= GREY_CHROMA:
        median = float(np.median(lightness[region]))
        rank = float((lightness[~region] < median).mean())
        return median >= GREY_SKY_MIN_LIGHTNESS and rank >= GREY_MIN_RANK
    hue = float(np.degrees(np.arctan2(median_b, median_a)) % 360.0)
    if WARM_HUE[0] <= hue <= WARM_HUE[1]:
        return float(region[0].mean()) >= WARM_MIN_TOP_COVER
    return True


def _work_copy(rgb: np.ndarray) -> np.ndarray:
    height, width = rgb.shape[:2]
    scale = min(1.0, WORK_SIDE / max(height, width))
    if scale >= 1.0:
        return rgb
    size = (max(8, round(width * scale)), max(8, round(height * scale)))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA)


def _grabcut(small: np.ndarray, region: np.ndarray, candidate: np.ndarray) -> np.ndarray:
    """The region re-cut by GrabCut: its eroded core certain sky, its rim and the other sky-like
    smooth pixels above its lowest row probable sky, everything else probable ground, and the rows
    below the region's lowest reach certain ground."""
    seeds = np.full(region.shape, cv2.GC_PR_BGD, np.uint8)
    rows = np.flatnonzero(region.any(axis=1))
    lowest = int(rows[-1])
    above = np.zeros_like(region)
    above[: lowest + 1] = True
    seeds[candidate & above] = cv2.GC_PR_FGD
    seeds[region] = cv2.GC_PR_FGD
    core = cv2.erode(region.astype(np.uint8), cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * CORE_ERODE + 1,) * 2))
    seeds[core > 0] = cv2.GC_FGD
    seeds[lowest + 1:] = cv2.GC_BGD
    if not (seeds == cv2.GC_FGD).any() or not np.isin(seeds, (cv2.GC_BGD, cv2.GC_PR_BGD)).any():
        return region
    background, foreground = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    cv2.setRNGSeed(0)
    cv2.grabCut(cv2.cvtColor(small, cv2.COLOR_RGB2BGR), seeds, None, background, foreground,
                GRABCUT_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    cut = (seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)
    return hanging_from_top(cut)


def _full_size(region: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    """The work-size region at the photo's size, its edge moved onto the photo's own edges by a
    guided filter on the photo's lightness."""
    height, width = rgb.shape[:2]
    soft = cv2.resize(region.astype(np.float32), (width, height), interpolation=cv2.INTER_LINEAR)
    guide = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY).astype(np.float32) / 255.0
    radius = max(2, int(round(GUIDE_RADIUS * max(height, width))))
    return guided_filter(guide, soft, radius, GUIDE_EPS) > 0.5


def guided_filter(guide: np.ndarray, source: np.ndarray, radius: int, eps: float) -> np.ndarray:
    """He, Sun & Tang's guided filter (grey guide): `source` smoothed while keeping `guide`'s edges."""
    window = (2 * radius + 1,) * 2

    def mean(x: np.ndarray) -> np.ndarray:
        return cv2.boxFilter(x, cv2.CV_32F, window, borderType=cv2.BORDER_REFLECT)

    mean_guide, mean_source = mean(guide), mean(source)
    covariance = mean(guide * source) - mean_guide * mean_source
    variance = mean(guide * guide) - mean_guide * mean_guide
    a = covariance / (variance + eps)
    b = mean_source - a * mean_guide
    return mean(a) * guide + mean(b)
