"""Content-aware fill without weights: what the built-in remover paints into a hole.

Two layers, because a fill that looks right and a fill that is *close to what was there* want
different things:

* **Structure** — a membrane: the harmonic (Laplace) fill, solved coarse-to-fine so a few Jacobi
  sweeps per level converge. Each hole pixel becomes a smooth average of the boundary as seen
  from that pixel, which is the best cheap guess of the colour that was there. On its own it
  already beats OpenCV TELEA, whose straight streaks from the border are confidently wrong.
* **Texture** — a membrane alone is a smear. A multi-scale PatchMatch fill (Wexler et al. 2007;
  Newson et al. 2014) copies real 7×7 patches into the hole, so grass stays grass. Its search is
  guided by the membrane's colour and by how busy the surroundings are, so it picks sources that
  fit the place rather than the flattest patch in the picture. Only its fine detail (above
  TEXTURE_SIGMA) is added to the membrane, per pixel scaled by `texture_gain`: full strength
  where the surroundings agree (a lawn, gravel, a wall), nearly none where they disagree (the hole
  covers an object, regions meet), because there copied detail is a guess about which region
  continues and a wrong guess costs more than softness.

On benchmarks/fill_quality.py (10 photos, holes of ~2/8/22 %, rectangles, blobs and strokes) this
beats TELEA on mean PSNR inside the hole by about 1 dB at every size and on masked SSIM too; a
512×512 photo with a 25 % hole takes about 1 s on one core. The gain map is the knob between
metric and realism: raising MIN_GAIN or lowering SPREAD_WEIGHT gives more texture in mixed
regions, and costs SSIM there.

The patch search is vectorised over all hole patches at once: distances use a PCA projection of
each patch (computed with `cv2.filter2D`), propagation is a jump-flood over the four neighbours,
and every random-search candidate snaps to the nearest valid source. numpy + OpenCV only, and
deterministic for a given seed.
"""

from __future__ import annotations

import cv2
import numpy as np

from retouch.tools.errors import RetouchError

TEXTURE_SIGMA = 6.0
"""Gaussian sigma splitting the patch fill into coarse layout (dropped) and texture (kept)."""
MIN_GAIN = 0.05
"""Texture gain where the surroundings disagree (an object's outline, several regions meeting)."""
SPREAD_WEIGHT = 2.0
"""How strongly disagreement among the surrounding colours turns the texture down (see `texture_gain`)."""
SPREAD_SIGMA = 12.0
"""Blur of the colours compared around the hole: coarser than any texture, finer than the scene."""
PATCH_RADIUS = 3
"""Patches are (2r+1)² = 7×7: small enough for thin holes, big enough to carry texture."""
PCA_DIMS = 10
"""Patch features kept from the PCA; 10 of 147 hold nearly all of a natural patch's energy."""
COLOUR_GUIDE = 16.0
"""Weight of the membrane's blurred colour in the patch distance, in smooth surroundings…"""
BUSY_LEVEL = 16.0
"""…falling as BUSY_LEVEL / (contrast + BUSY_LEVEL) where the surroundings are busy, so a grey
membrane over gravel does not force the search onto the few flat stones."""
ENERGY_GUIDE = 6.0
"""Weight of the local-contrast guide: a hole in grass must be filled with something as busy."""
GUIDE_SIGMA = 3.0
"""Blur (pixels, at each pyramid level) of the colour and contrast guides."""
VOTE_SCALE = 0.5
"""Vote weights are exp(-d / (VOTE_SCALE · median d)): lower is sharper but noisier."""
MIN_SOURCES = 64
"""Fewer complete known patches than this and there is no texture worth copying: membrane only."""
COARSE_DEPTH = 4
"""The pyramid stops once the hole is this thin (pixels from its edge to its middle)…"""
MIN_SIDE = 24
"""…or once the image would get shorter than this, so coarse levels still have sources."""
EM_ITERATIONS = {"coarsest": 8, "middle": 3, "finest": 2}
"""Search-and-vote rounds per level; the coarsest starts from random matches, so it needs most."""
SEARCH_LIMIT = 400_000
"""Above this many hole patches a level only upsamples the coarser matches (keeps big photos fast)."""
CONTEXT = 1.0
"""Context kept around the hole, as a multiple of the hole's bounding-box size (plus 32 px)."""

_LAPLACE = np.array([[0, 0.25, 0], [0.25, 0, 0.25], [0, 0.25, 0]], np.float32)


def telea_fill(image: np.ndarray, hole: np.ndarray, radius: int = 5) -> np.ndarray:
    """The plain OpenCV baseline (for the benchmark and as a fallback)."""
    image, hole = _check(image, hole)
    if not hole.any():
        return image.copy()
    filled = cv2.inpaint(image, hole.astype(np.uint8), radius, cv2.INPAINT_TELEA)
    out = image.copy()
    out[hole] = filled[hole]
    return out


def content_aware_fill(image: np.ndarray, hole: np.ndarray, *, seed: int = 0) -> np.ndarray:
    """image: uint8 (H, W, 3) RGB; hole: bool (H, W), True = fill. Returns a new uint8 (H, W, 3)
    array where pixels outside `hole` are bit-identical to `image`."""
    image, hole = _check(image, hole)
    if not hole.any():
        return image.copy()
    if hole.all():
        raise RetouchError("the area to fill covers the whole image, so there is nothing to fill it from",
                           "Leave part of the picture unselected.")
    top, bottom, left, right = _context_box(hole)
    crop = image[top:bottom, left:right].astype(np.float32)
    crop_hole = hole[top:bottom, left:right]
    crop[crop_hole] = 0  # nothing of what was under the hole may leak into the fill
    filled = fill_layers(crop, crop_hole, np.random.default_rng(seed))[crop_hole]
    # Added detail may overshoot; a fill never gets brighter or darker than its surroundings.
    known = crop[~crop_hole]
    filled = np.clip(filled, known.min(axis=0), known.max(axis=0))
    out = image.copy()
    out[top:bottom, left:right][crop_hole] = (filled + 0.5).astype(np.uint8)
    return out


def fill_layers(image: np.ndarray, hole: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Membrane plus gained texture, float32; pixels outside `hole` are the input's."""
    structure = membrane(image, hole)
    texture = patch_fill(image, hole, structure, rng)
    if texture is None:
        return structure
    detail = texture - cv2.GaussianBlur(texture, (0, 0), TEXTURE_SIGMA, borderType=cv2.BORDER_REFLECT)
    return structure + texture_gain(image, hole)[..., None] * detail


def texture_gain(image: np.ndarray, hole: np.ndarray) -> np.ndarray:
    """Per pixel, how much copied texture to trust: MIN_GAIN … 1.

    Where everything around a hole pixel looks alike (a lawn, a wall, gravel), the patch fill is
    both plausible and safe, so its texture goes in at full strength. Where the surroundings
    disagree — the hole covers an object, or several regions meet — any copied detail is a guess
    about *which* region continues there, and a wrong guess costs more than a soft fill, so it
    fades to MIN_GAIN. "Disagree" is measured from the pixel's point of view: the harmonic
    (membrane) variance of the blurred surrounding colours, against the local contrast squared.
    """
    known = ~hole
    colour = _known_blur(image, known, SPREAD_SIGMA)
    spread = (membrane(colour * colour, hole) - membrane(colour, hole) ** 2).sum(axis=2)
    busy = membrane(_contrast(image, known, GUIDE_SIGMA), hole) ** 2
    trust = busy / (busy + SPREAD_WEIGHT * np.maximum(spread, 0) + 1.0)
    return (MIN_GAIN + (1.0 - MIN_GAIN) * trust).astype(np.float32)


def _check(image: np.ndarray, hole: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    image = np.asarray(image)
    hole = np.asarray(hole, dtype=bool)
    if image.dtype != np.uint8 or image.ndim != 3 or image.shape[2] != 3:
        raise ValueError(f"expected a uint8 (H, W, 3) RGB array, got {image.dtype} {image.shape}")
    if hole.shape != image.shape[:2]:
        raise ValueError(f"hole shape {hole.shape} does not match image shape {image.shape[:2]}")
    return np.ascontiguousarray(image), hole


def _context_box(hole: np.ndarray) -> tuple[int, int, int, int]:
    """The hole's bounding box grown by CONTEXT × its size: the fill only looks this far.

    Nearby pixels are the best predictors of what was under the hole, and a small hole in a big
    photo should not pay for searching the whole frame.
    """
    ys, xs = np.nonzero(hole)
    height, width = hole.shape
    margin_y = int(CONTEXT * (ys.max() - ys.min() + 1)) + 32
    margin_x = int(CONTEXT * (xs.max() - xs.min() + 1)) + 32
    return (max(ys.min() - margin_y, 0), min(ys.max() + margin_y + 1, height),
            max(xs.min() - margin_x, 0), min(xs.max() + margin_x + 1, width))


# ------------------------------------------------------------------------------------ structure

def membrane(image: np.ndarray, hole: np.ndarray, sweeps: int = 30) -> np.ndarray:
    """The harmonic fill: hole pixels solve Laplace's equation with the known pixels as boundary.

    Jacobi sweeps alone would need thousands of iterations for a big hole, so the problem is
    solved on a half-size image first (known pixels averaged, a coarse pixel is unknown only where
    no fine pixel is known) and that solution starts the sweeps here. float32 (H, W) or (H, W, C)
    in and out; channels are solved one plane at a time, which is ~10× faster in OpenCV/numpy.
    """
    if image.ndim == 3:
        return np.stack([membrane(image[..., c], hole, sweeps) for c in range(image.shape[2])], axis=2)
    out = image.astype(np.float32, copy=True)
    if not hole.any():
        return out
    known = ~hole
    if not known.any():
        out[...] = 0
        return out
    if min(hole.shape) > 4:
        small, small_hole = _half(out, hole)
        np.copyto(out, _resize(membrane(small, small_hole, sweeps), hole.shape), where=hole)
        return _relax(out, hole, sweeps)
    out[hole] = out[known].mean()
    return _relax(out, hole, 4 * sweeps)


def _relax(values: np.ndarray, hole: np.ndarray, sweeps: int) -> np.ndarray:
    """Jacobi sweeps over the hole's bounding box (plus the one-pixel ring they read), in place."""
    rows, cols = np.nonzero(hole.any(axis=1))[0], np.nonzero(hole.any(axis=0))[0]
    window = np.s_[max(rows[0] - 1, 0):rows[-1] + 2, max(cols[0] - 1, 0):cols[-1] + 2]
    part, part_hole = values[window], hole[window]
    for _ in range(sweeps):
        np.copyto(part, cv2.filter2D(part, -1, _LAPLACE, borderType=cv2.BORDER_REPLICATE), where=part_hole)
    return values


def _half(image: np.ndarray, hole: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Halve an image using known pixels only; the coarse hole is where no fine pixel is known."""
    height, width = hole.shape
    size = ((width + 1) // 2, (height + 1) // 2)
    weight = (~hole).astype(np.float32)
    total = cv2.resize(image * _channels(weight, image), size, interpolation=cv2.INTER_AREA)
    count = cv2.resize(weight, size, interpolation=cv2.INTER_AREA)
    small_hole = count < 1e-3
    small = total / _channels(np.maximum(count, 1e-6), total)
    small[small_hole] = 0
    return small, small_hole


def _channels(plane: np.ndarray, like: np.ndarray) -> np.ndarray:
    return plane[..., None] if like.ndim == 3 else plane


def _resize(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    out = cv2.resize(image, (shape[1], shape[0]), interpolation=cv2.INTER_LINEAR)
    return out.reshape(shape + image.shape[2:])


# -------------------------------------------------------------------------------------- texture

def patch_fill(image: np.ndarray, hole: np.ndarray, guide: np.ndarray,
               rng: np.random.Generator) -> np.ndarray | None:
    """Multi-scale PatchMatch fill of `hole`, guided by the smooth fill `guide`. float32 in and out.

    Coarse to fine: at each level every patch touching the hole finds its nearest known patch,
    hole pixels become the weighted vote of the patches covering them, and that repeats a few
    times; the matches are then upsampled to start the next level. Returns None when the picture
    has no complete known patch to copy from (tiny images, holes covering nearly everything).
    """
    levels = _pyramid(image, hole, guide)
    if not levels:
        return None
    basis = _patch_basis(image, hole, rng)
    estimate = matches = None
    for depth in range(len(levels) - 1, -1, -1):
        level = _Level(*levels[depth])
        if matches is None:
            rounds = EM_ITERATIONS["coarsest"]
            current = level.start_from(level.guide)
            nnf = level.random_matches(rng)
        else:
            rounds = EM_ITERATIONS["finest" if depth == 0 else "middle"]
            nnf = level.upsample(*matches)
            current = level.vote(level.start_from(_resize(estimate, level.shape)), nnf)
        if level.count > SEARCH_LIMIT:
            rounds = 0  # a huge level keeps its upsampled matches: they already carry full-res detail
        else:
            level.prepare_search(basis)
        for round_ in range(rounds):
            features = level.target_features(current)
            distance = level.distance(features, nnf)
            if matches is None and round_ == 0:
                level.search(features, nnf, distance, rng, jumps=(8, 4, 2, 1), radius=max(level.shape), repeats=3)
            else:
                radius = max(level.shape) // 4 if matches is None else 4
                level.search(features, nnf, distance, rng, jumps=(1,), radius=radius, repeats=1)
            current = level.vote(current, nnf, distance)
        estimate = current
        matches = (level.dense(nnf), level.shape)
    return estimate


def _pyramid(image: np.ndarray, hole: np.ndarray,
             guide: np.ndarray) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """(image, hole, guide) per level, finest first; empty when the finest has too few sources."""
    if np.count_nonzero(_valid_sources(hole)) < MIN_SOURCES:
        return []
    levels = [(image, hole, guide)]
    while True:
        image, hole, guide = levels[-1]
        depth = cv2.distanceTransform(hole.astype(np.uint8), cv2.DIST_L2, 3).max()
        if depth <= COARSE_DEPTH or min(hole.shape) // 2 < MIN_SIDE:
            return levels
        small, small_hole = _half_any(image, hole)
        if not _valid_sources(small_hole).any():
            return levels
        small_guide = cv2.resize(guide, small_hole.shape[::-1], interpolation=cv2.INTER_AREA)
        levels.append((small, small_hole, small_guide))


def _half_any(image: np.ndarray, hole: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Halve for the patch pyramid: a coarse pixel is unknown if *any* of its fine pixels is.

    Stricter than the membrane's rule, so coarse source patches never mix in zeros from the hole.
    """
    small, _ = _half(image, hole)
    height, width = hole.shape
    padded = np.pad(hole, ((0, height % 2), (0, width % 2)), mode="edge")
    small_hole = padded.reshape(padded.shape[0] // 2, 2, padded.shape[1] // 2, 2).any(axis=(1, 3))
    small[small_hole] = 0
    return small, small_hole


def _patch_basis(image: np.ndarray, hole: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """PCA of a sample of known patches, as (PCA_DIMS, 7, 7, 3) filter kernels.

    Distances then take PCA_DIMS numbers per patch instead of 147. One basis serves every pyramid
    level: the statistics of natural-image patches hardly change with scale.
    """
    r = PATCH_RADIUS
    width = hole.shape[1]
    sources = np.flatnonzero(_valid_sources(hole))
    pick = sources[rng.choice(len(sources), min(2000, len(sources)), replace=False)]
    offsets = np.arange(-r, r + 1)
    patches = image[(pick // width)[:, None, None] + offsets[None, :, None],
                    (pick % width)[:, None, None] + offsets[None, None, :]]
    samples = patches.reshape(len(pick), -1).astype(np.float32)
    samples -= samples.mean(axis=0)
    # OpenCV rather than numpy.linalg: on a busy machine OpenBLAS threads made this 100× slower.
    _, _, vectors = cv2.eigen(cv2.mulTransposed(samples, True, dtype=cv2.CV_64F))
    dims = min(PCA_DIMS, len(vectors))
    return vectors[:dims].reshape(dims, 2 * r + 1, 2 * r + 1, 3).astype(np.float32)


def _valid_sources(hole: np.ndarray) -> np.ndarray:
    """Patch centres whose whole patch is inside the image and known."""
    size = 2 * PATCH_RADIUS + 1
    known = (~hole).astype(np.uint8)
    return cv2.erode(known, np.ones((size, size), np.uint8), borderType=cv2.BORDER_CONSTANT,
                     borderValue=0).astype(bool)


def _known_blur(image: np.ndarray, known: np.ndarray, sigma: float) -> np.ndarray:
    """Gaussian blur that ignores unknown pixels (normalised convolution)."""
    weight = known.astype(np.float32)
    total = cv2.GaussianBlur(image * _channels(weight, image), (0, 0), sigma)
    count = cv2.GaussianBlur(weight, (0, 0), sigma)
    return total / _channels(np.maximum(count, 1e-4), total)


def _contrast(image: np.ndarray, known: np.ndarray, sigma: float) -> np.ndarray:
    """Local RMS deviation from the local mean: how busy the picture is around each pixel."""
    mean = _known_blur(image, known, sigma)
    variance = _known_blur((image - mean) ** 2, known, sigma).mean(axis=2)
    return np.sqrt(np.maximum(variance, 0))


class _Level:
    """One pyramid level: known sources, hole targets, their features, the search and the vote.

    Patches are addressed by the flat index (y · width + x) of their centre. Targets are the
    centres whose patch touches the hole; sources are the centres whose patch is fully known. A
    match field `nnf` gives each target (in `ty`/`tx` order) the flat index of its source.
    """

    def __init__(self, image: np.ndarray, hole: np.ndarray, guide: np.ndarray) -> None:
        self.image, self.hole, self.guide = image, hole, guide
        self.shape = hole.shape
        height, width = self.shape
        r = PATCH_RADIUS
        valid = _valid_sources(hole)
        vy, vx = np.nonzero(valid)
        self.sources = vy * width + vx
        # For every pixel, the nearest source: a candidate that lands off-source snaps to it.
        _, labels = cv2.distanceTransformWithLabels((~valid).astype(np.uint8), cv2.DIST_L2, 5,
                                                    labelType=cv2.DIST_LABEL_PIXEL)
        self.nearest = self.sources[labels.ravel() - 1]
        targets = cv2.dilate(hole.astype(np.uint8), np.ones((2 * r + 1, 2 * r + 1), np.uint8)).astype(bool)
        self.ty, self.tx = np.nonzero(targets)
        self.targets = self.ty * width + self.tx
        self.count = len(self.targets)
        # Target number per pixel (-1: none), padded by r so patch offsets never leave the array.
        self.index = np.full((height + 2 * r, width + 2 * r), -1, np.int64)
        self.index[self.ty + r, self.tx + r] = np.arange(self.count)
        self.hy, self.hx = np.nonzero(hole)

    def start_from(self, values: np.ndarray) -> np.ndarray:
        current = self.image.copy()
        current[self.hole] = values[self.hole]
        return current

    # -- features (only built for levels that search)

    def prepare_search(self, basis: np.ndarray) -> None:
        height, width = self.shape
        r = PATCH_RADIUS
        self.box = (max(self.ty.min() - r, 0), min(self.ty.max() + r + 1, height),
                    max(self.tx.min() - r, 0), min(self.tx.max() + r + 1, width))
        self.basis = basis
        self._guides()

    def _guides(self) -> None:
        """Per-pixel guide features appended to the patch features: blurred colour, local contrast.

        Sources get both from the photo. Targets get the membrane's colour and the surroundings'
        contrast diffused into the hole — so the smooth first guess inside the hole does not pull in
        the smoothest patches of the picture, and texture lands where its colour belongs.
        """
        known = ~self.hole
        source_colour = _known_blur(self.image, known, GUIDE_SIGMA)
        source_contrast = _contrast(self.image, known, GUIDE_SIGMA)
        target_colour = cv2.GaussianBlur(self.guide, (0, 0), GUIDE_SIGMA)
        target_contrast = membrane(source_contrast, self.hole, sweeps=10)
        source = np.concatenate([source_colour, ENERGY_GUIDE * source_contrast[..., None]], axis=2)
        target = np.concatenate([target_colour, ENERGY_GUIDE * target_contrast[..., None]], axis=2)
        self.target_guide = target.reshape(-1, 4)[self.targets].astype(np.float32)
        busy = target_contrast.reshape(-1)[self.targets]
        self.colour_weight = (COLOUR_GUIDE * BUSY_LEVEL / (busy + BUSY_LEVEL)) ** 2
        whole = (0, self.shape[0], 0, self.shape[1])
        self.source_features = np.concatenate([self._project(self.image, whole), source.reshape(-1, 4)],
                                              axis=1).astype(np.float32)

    def _project(self, image: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
        """PCA coefficients of the patch around every pixel of `box`, as a full-size (H·W, k) map."""
        top, bottom, left, right = box
        planes = [np.ascontiguousarray(image[top:bottom, left:right, c]) for c in range(3)]
        out = np.zeros(self.shape + (len(self.basis),), np.float32)
        for i, kernel in enumerate(self.basis):
            acc = cv2.filter2D(planes[0], -1, kernel[..., 0], borderType=cv2.BORDER_REFLECT)
            acc += cv2.filter2D(planes[1], -1, kernel[..., 1], borderType=cv2.BORDER_REFLECT)
            acc += cv2.filter2D(planes[2], -1, kernel[..., 2], borderType=cv2.BORDER_REFLECT)
            out[top:bottom, left:right, i] = acc
        return out.reshape(-1, len(self.basis))

    def target_features(self, current: np.ndarray) -> np.ndarray:
        return np.concatenate([self._project(current, self.box)[self.targets], self.target_guide], axis=1)

    def distance(self, features: np.ndarray, candidates: np.ndarray, which: np.ndarray | None = None) -> np.ndarray:
        """Squared feature distance; the colour guide is weighted per target (see COLOUR_GUIDE)."""
        diff = features - self.source_features[candidates]
        colour = diff[:, -4:-1]
        weight = self.colour_weight if which is None else self.colour_weight[which]
        return np.einsum("ij,ij->i", diff, diff) + (weight - 1) * np.einsum("ij,ij->i", colour, colour)

    # -- matching

    def random_matches(self, rng: np.random.Generator) -> np.ndarray:
        return self.sources[rng.integers(0, len(self.sources), self.count)]

    def upsample(self, coarse: np.ndarray, coarse_shape: tuple[int, int]) -> np.ndarray:
        """Each target inherits its parent's source, doubled, plus its own offset in the 2×2 block."""
        height, width = self.shape
        ch, cw = coarse_shape
        cy, cx = np.minimum(self.ty // 2, ch - 1), np.minimum(self.tx // 2, cw - 1)
        parent = coarse[cy * cw + cx]
        sy = np.clip(2 * (parent // cw) + (self.ty - 2 * cy), 0, height - 1)
        sx = np.clip(2 * (parent % cw) + (self.tx - 2 * cx), 0, width - 1)
        return self.nearest[sy * width + sx]

    def dense(self, nnf: np.ndarray) -> np.ndarray:
        """The match field for every pixel (identity outside the targets), for upsampling."""
        full = np.arange(self.shape[0] * self.shape[1], dtype=np.int64)
        full[self.targets] = nnf
        return full

    def search(self, features: np.ndarray, nnf: np.ndarray, distance: np.ndarray, rng: np.random.Generator, *,
               jumps: tuple[int, ...], radius: int, repeats: int) -> None:
        """PatchMatch for all targets at once, in place: propagate neighbours' matches (jump-flood
        steps first, so a good match crosses a big hole in a few passes), then random search in
        shrinking windows around the current match."""
        height, width = self.shape
        r = PATCH_RADIUS
        for repeat in range(repeats):
            for step in jumps if repeat == 0 else (1,):
                for dy, dx in ((0, step), (step, 0), (0, -step), (-step, 0)):
                    qy, qx = self.ty + dy, self.tx + dx
                    inside = (qy >= 0) & (qy < height) & (qx >= 0) & (qx < width)
                    other = self.index[np.clip(qy, -r, height + r - 1) + r, np.clip(qx, -r, width + r - 1) + r]
                    have = np.nonzero(inside & (other >= 0))[0]
                    shifted = nnf[other[have]]
                    sy = np.clip(shifted // width - dy, 0, height - 1)
                    sx = np.clip(shifted % width - dx, 0, width - 1)
                    self._try(features, nnf, distance, self.nearest[sy * width + sx], have)
            span = radius
            while span >= 1:
                sy = np.clip(nnf // width + rng.integers(-span, span + 1, self.count), 0, height - 1)
                sx = np.clip(nnf % width + rng.integers(-span, span + 1, self.count), 0, width - 1)
                self._try(features, nnf, distance, self.nearest[sy * width + sx], None)
                span //= 2

    def _try(self, features: np.ndarray, nnf: np.ndarray, distance: np.ndarray, candidates: np.ndarray,
             which: np.ndarray | None) -> None:
        """Keep each candidate that beats the current match (in place); `which`: the targets tried."""
        if which is None:
            new = self.distance(features, candidates)
            better = new < distance
            nnf[better] = candidates[better]
            distance[better] = new[better]
            return
        new = self.distance(features[which], candidates, which)
        better = new < distance[which]
        nnf[which[better]] = candidates[better]
        distance[which[better]] = new[better]

    # -- reconstruction

    def vote(self, current: np.ndarray, nnf: np.ndarray, distance: np.ndarray | None = None) -> np.ndarray:
        """Each hole pixel becomes the average of what the patches covering it copy there.

        Better matches count more: weight exp(-d / (VOTE_SCALE · median d)), floored so a pixel
        whose every patch matched badly still gets their plain average (Wexler et al. 2007).
        """
        height, width = self.shape
        r = PATCH_RADIUS
        flat = self.image.reshape(-1, 3)
        if distance is None:
            weight = np.ones(self.count, np.float32)
        else:
            scale = VOTE_SCALE * float(np.median(distance)) + 1e-6
            weight = np.maximum(np.exp(-distance / scale), 1e-3).astype(np.float32)
        total = np.zeros((len(self.hy), 3), np.float32)
        count = np.zeros(len(self.hy), np.float32)
        for dy in range(-r, r + 1):
            for dx in range(-r, r + 1):
                target = self.index[self.hy - dy + r, self.hx - dx + r]
                covers = target >= 0
                target = np.where(covers, target, 0)
                w = weight[target] * covers
                total += w[:, None] * flat[nnf[target] + dy * width + dx]
                count += w
        out = current.copy()
        out[self.hy, self.hx] = total / np.maximum(count, 1e-8)[:, None]
        return out
