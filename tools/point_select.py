"""Gestures → the thing they point at: clicks in the chat, `--point X,Y` on the command line.

Nobody has to name what they point at, and no weights are needed. A selection is built from
gestures (`tools.gestures`): clicks that add, clicks that take away, and at most one box, tried
three ways in order:

1. **Found instances** — the finder already knows whole things (a person, a face). When there is
   no box and every point lies on one, the smallest under each point is what the pointer is on (a
   click on a face is the face, on the shirt the person): the things under the added points, less
   the things under the points taken away (the person without her face); a person's trimmed to
   its own edge (`TRIMMED_LABELS`: the finder's coarse edge ran on over a bench's dark end behind
   the dog).
2. **A SAM prompt** — when the finder can segment from a prompt (grounded-sam's SAM): all gestures
   at once, the added points as foreground, the others as background, the box as SAM's box; kept
   if it holds every added point.
3. **GrabCut, one gesture at a time** (OpenCV, no weights). The first is outlined as one click
   always was — a probable-foreground window around the point, the image border as sure
   background, larger windows tried when GrabCut gives the window up, then taken on to the whole
   thing it is a patch of (`_whole_thing`: a second cut that learns the ground only outside a
   window around that outline, so a click on a rabbit's striped back takes the rabbit) — or, for
   a box, as GrabCut's rectangle (sure background outside it). Every click is also a sure spot: foreground where
   added, background where taken away (a click taken back by a later one beside it is dropped). A
   later added point keeps the selection as sure foreground, so GrabCut's colour model is the
   thing's own, and adds the part under it from one window: a larger one lets look-alike
   background in. A point taken away, or a box, lets GrabCut decide the selection's pixels again.
   The parts holding added points (and, with a box, the larger parts inside it) are kept, holes
   filled. So the mask follows the order of the gestures, and the same gestures give the same mask.
   Last, with no box, a thin strip of the outline that runs out to the picture's frame (a post in
   front of the thing, which the click's window took in) is handed to GrabCut as background, and
   with it, when the strip is straight and long, the band where its line crosses the thing in
   the strip's colour (`_crossing`); GrabCut decides once more, and the pieces the band cuts the thing into are kept
   (`RUNNER_WIDTH`; wider posts, when straight: `RUNNER_WIDER`).
   In a shallow-focus photo (`tools.focus_subject`: a pet portrait against blurred ground of its own
   colours, where the frame GrabCut takes as background is the animal's own fur) the first click's
   outline is joined by the in-focus thing under it (`_with_focus`).

On the dog photo (against the tight whole-dog mask) a click on the chest outlines the body, IoU
0.85; a second click on the tail, which has the colour of the grass behind it, adds part of it
(IoU 0.89); two more clicks on the tail take all of it (0.92). One click on the tail alone, or a
joint GrabCut over both windows, took the whole strip of grass under the bench instead.

cv2 is imported on first use: the chat imports this module on its start path.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

import numpy as np
from PIL import Image

from retouch.tools.errors import NothingFound, RetouchError
from retouch.tools.gestures import Box, Gestures, Point

Mask = np.ndarray
"""uint8, 0/255, image-sized (as `tools.masks.Mask`; that module imports cv2, so it is imported late)."""

INSTANCE_LABELS = ("face", "person")
"""What a finder is asked for around a click: whole things it can outline by itself."""
TRIMMED_LABELS = ("person",)
"""Found things whose mask is trimmed to their own edge (`tools.mask_trim`): a person finder's mask
is a segmentation drawn at its model's coarse size (MediaPipe's selfie model: 256²), whose edge ran
on over a bench's dark end behind a dog (13 % of the selection not the dog). A face's is drawn
from its landmarks, on the face's own outline: trimmed, it lost the hair at its sides."""

GRABCUT_SIDE = 256
"""GrabCut works on the image scaled to this longest side (≈0.4 s on one core; larger was no
better on the dog: IoU 0.61 at 384 against 0.65 at 256 over 24 clicks on its body)."""
GRABCUT_WINDOWS = (0.15, 0.2, 0.3)
"""Sides of the probable-foreground square around a click, as shares of the image's shorter
side, tried in turn until every click's part keeps enough of its window (`GRABCUT_ENOUGH`). One
window alone, measured over 24 clicks on the dog's body: 0.10 → mean IoU 0.39, 0.15 → 0.65,
0.20 → 0.62, 0.30 → 0.56 (the bench joins in), 0.40 → 0.48. 0.15 alone fails outright on some
clicks (GrabCut hands the whole window to the background); falling back to 0.2 and 0.3 there:
over 37 clicks mean IoU 0.57 → 0.64, clicks with IoU ≥ 0.6 from 81 % to 92 %."""
GRABCUT_ENOUGH = 0.2
"""A window's result counts when the part kept at its click is at least this share of its area."""
GRABCUT_BORDER = 0.03
"""Width of the sure-background frame along the image border, as a share of the shorter side."""
GRABCUT_SEED = 0.02
"""Radius of the sure spot at each click (foreground where added, background where taken away),
as a share of the working image's shorter side: 5 px of the 256 px GrabCut sees. On the dog, body
then tail (12 tail clicks): 0.01 → tail 20 % selected, 0.02 → 35 %, 0.03 → 65 % but single clicks
on the body lose (mean IoU 0.795 → 0.787); a click taken back by a later one within two spot
radii is dropped."""
SPOT_ONLY = 2.0
"""A click's part at most this many times its sure spot's area counts as nothing found there (on
a plain grey picture GrabCut keeps the spot alone)."""
GRABCUT_ITERATIONS = 4
FOCUS_HOLDS = 0.5
"""In a shallow-focus photo the in-focus thing under the first click joins its outline when it holds
at least this share of the outline (`_with_focus`): an outline mostly elsewhere is another thing."""
RUNNER_WIDTH = 0.15
"""A strip of the outline thinner than this share of the outline's own thickness that runs out to
the picture's sure-background frame is scenery GrabCut ran along — a post or a rail in front of
the thing, whose colour the background model never saw — and is dropped unless a click is on it.
A post in front of the rabbit (9 px of the 256 GrabCut sees, the rabbit 100 px thick) was selected
from the top of the picture to the bottom: 17–23 % of the outline was not the rabbit. Ears and
tails are as thin but end inside the picture. Not with a box: a box drawn tight around the thing
meets its tail, and GrabCut already knows everything outside the box as background."""
RUNNER_WIDER = (0.2, 0.25)
"""Wider openings tried after `RUNNER_WIDTH`, for a post wider than it (a post a sixth of the
rabbit's thickness was left in the outline from the top of the picture to the bottom: 26–30 % of
the outline not the rabbit). What only these find is a runner when it is also straight
(`CROSSING_STRAIGHT`): the tip of the rabbit's ear that reaches the frame is as wide, and short
(with no such check a click on its chest lost 3 % more of it). So a wide post whose run beyond
the thing is short stays (in a 320 px picture, 26 px of post above a 140 px thick oval)."""
RUNNER_LENGTH = 2.0
"""…and at least this many times the opening's width long (the corners an opening rounds off where
a thing is cut by the frame are short)."""
CROSSING_WIDTH = 95
"""The corridor a runner continues in: as wide as this percentile of its pixels' distances from its
fitted line (+1 px) on either side."""
CROSSING_COLOUR = 3.0
"""A pixel in the corridor is the post's when each of its Lab channels is within this many of the
runner's own spreads of the runner's mean colour…"""
CROSSING_SPREAD = 4.0
"""…the spread counted as at least this (a post of one flat colour has none)."""
CROSSING_STRAIGHT = 5.0
"""A runner's line is followed only when it is at least this many times as long as it is wide: the
posts of the benchmark's rabbits 6.4–13 (a stub below one 3.6, its upper end 13 on the same line);
the tip of the rabbit's ear in the photo, which reaches the frame, 3.8 — its line through the body
took 11 % of the rabbit away."""
WHOLE_WINDOW = 1.0
"""A click's first outline is taken on to the whole thing (`_whole_thing`) inside a window: the
outline's box grown by this many times its longer side on every side (as the leftover search's
window). The first outline's background model learns everything outside the click's window, and
on a big animal that is the rest of the animal: a click on a rabbit's striped back outlined the
back alone (a quarter of the rabbit), on a drawn tabby's back half of the cat. Here the ground is
only what lies outside this window. Half as wide left the rest of the rabbit outside it."""
WHOLE_STEPS = 3
"""How many windows are tried: while what the second pass takes reaches a side of its window
that lies inside the picture, the window grows around it (by `WHOLE_WINDOW` again). Still
reaching one after the last, it runs on into the ground, and nothing is added. Every dev case
closes within the first window."""
WHOLE_GROUND_NEAR = 1.5
"""The ground's model is learnt only from the ground outside the window that lies within this many
times the nearest such pixel's distance from the outline: the ground beside the thing, not a sky
far above it. A drawn tabby that fills most of the picture left only the frame outside its
window, and the frame's pale sky, nearer its cream coat than its stripes are, made the cream
ground (56 % of the tabby left out); at 1.5 and at 2 it is taken (3–5 % left out), at 2.5 and
beyond it is not. The cost: two rabbits clicked beside a post keep their first outline's 3–6 %
(which the removal's part search takes)."""
WHOLE_RETRY = 0.4
"""When the second pass keeps less than this share of the first outline though its cut reached at
least as much beyond it, it is tried once more, with more ground to learn from
(`WHOLE_GROUND_LEAST`) and the thing's colours learnt again from what the first cut reached, and
what adds more is kept (`_whole_thing`). An animal that fills most of the picture (a rabbit 360–480
px tall of 512, clicked on its back) leaves only a sliver of ground outside the window, and the
nearest of it a few dozen px at 256, often another ground than the one it stands on (the sky above
the field): the dry field, the colour of its fur, was taken for more of the rabbit, the cut ran
into the window's sides and nothing was added — 75–81 % of it left out. The rests the dev cases
take on the first try are 1.2–3.1 times the outline, so they do not retry; learning the thing's
colours again on every first try took the field beside the rabbit clicked on its back on the field
(65 % of it left out). On the dog photo, which the dog fills, nearly every click retries and the
retry adds nothing: it costs a second pass there (0.07 → 0.13 s median under load)."""
WHOLE_GROUND_LEAST = 2.0
"""The retry learns the ground from at least this many times the outline's area: the nearest pixels
outside the window, beyond `WHOLE_GROUND_NEAR` if need be (the thing's model learns from the
outline; the ground's from no fewer). Over 48 clicks on a rabbit's back (6 sizes × 4 grounds × 2
sides, `benchmarks/point_select.py`), clicks leaving ≤ 5 % of it out: 38 before the retry; with the
ground widened alone 44, the thing learnt again alone 38, both 47 at 1 and 48 at 2. Widened on the
first try (not as a retry), the drawn tabby on the field met the sky again (56 % left out)."""
WHOLE_OVERLAP = 0.45
"""A piece the second pass adds is kept only when its colours are unlike those of the ground just
around it (`tools.leftovers.colour_overlap` at most this): the rests of the dev animals 0.01–0.36,
a paving slab of another tone next to the dog 0.59–0.84. Nor is a piece that is the ground around
it dimmed (`tools.leftovers.looks_like_shade`): a rabbit's cast shadow on grass, dark green beside
lit green, overlaps only 0.15 — a shadow is the leftover search's to find and ask about, and a
click is a selection for any edit ("brighten this" would brighten the shadow)."""
WHOLE_SAID = 0.4
"""When the second pass adds at least this share of the first outline, the pick says so ("outlined
from the click, then the whole thing around it"). On the dev clicks: the rests of the animals
clicked on the back 1.2–3.1 times the clicked patch, the rabbit's far side beyond a post 0.5; what
it adds to a click that already outlined the thing 0.26 at most. What the in-focus thing adds
(`_with_focus`) is said from the same share: "then the sharp thing around it against its blurred
ground"."""
WHOLE_OPENING = 5
"""The added area is cut into pieces by an opening this many working px wide, so a thin join (a
paving joint, the edge of a shadow) does not carry ground in with the thing."""
BOX_KEEP = 0.1
"""With a box and no added point, the parts GrabCut finds in it are kept when at least this share
of the largest (a box around a dog keeps the dog, not the specks of grass beside it)."""


@dataclass
class PointPick:
    """What the gestures selected: the mask, how it was found, and what it is when that is known."""

    mask: Mask
    gestures: Gestures
    method: str
    """"instance" (the finder's own finds), "sam-point" (SAM's prompt) or "grabcut"."""
    label: str = "thing"
    finder: str = ""
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        return {"gestures": self.gestures.to_step()["gestures"], "method": self.method, "label": self.label,
                "finder": self.finder, "seconds": round(self.seconds, 4), **self.details}

    def describe(self) -> str:
        """"the person at (x, y) (…)" for one click, "the thing from 2 points, … (…)" for more."""
        how = {"instance": f"found by {self.finder}", "sam-point": "SAM prompt",
               "grabcut": f"outlined from {self.gestures.outlined_from()}"}[self.method]
        if self.details.get("whole_thing"):
            how += ", then the whole thing around it"
        if self.details.get("in_focus"):
            how += ", then the sharp thing around it against its blurred ground"
        return f"the {self.label} {self.gestures.where()} ({how})"


@runtime_checkable
class PromptSegmenter(Protocol):
    """A finder that can outline whatever a prompt points at (SAM's point and box prompt)."""

    def segment_prompt(self, image: Image.Image, positives: list[Point], negatives: list[Point],
                       box: Box | None) -> tuple[Mask, float]:
        ...


def select_with_gestures(image: Image.Image, gestures: Gestures, finder: Any | None = None) -> PointPick:
    """The thing the gestures point at: found instances, else a SAM prompt, else a GrabCut outline."""
    started = time.perf_counter()
    gestures.check(image.size)
    pick = None
    if finder is not None:
        pick = _instances_at(image, gestures, finder)
        if pick is None and isinstance(finder, PromptSegmenter):
            pick = _sam_at(image, gestures, finder)
    if pick is None:
        notes: dict[str, float] = {}
        pick = PointPick(mask=grabcut_gestures(image, gestures, notes), gestures=gestures, method="grabcut")
        if notes.get("whole_thing", 0.0) >= WHOLE_SAID:
            pick.details["whole_thing"] = round(notes["whole_thing"], 2)
        if notes.get("in_focus", 0.0) >= WHOLE_SAID:
            pick.details["in_focus"] = round(notes["in_focus"], 2)
    if not pick.mask.any():
        raise NothingFound(f"nothing stands out {gestures.where()}",
                           "Click nearer the middle of the thing, or describe it in words.")
    pick.seconds = time.perf_counter() - started
    return pick


def _instances_at(image: Image.Image, gestures: Gestures, finder: Any) -> PointPick | None:
    """With no box and every point on something the finder finds by itself: the smallest thing
    under each added point, less the smallest under each point taken away. Else None."""
    from retouch.tools.mask_trim import trim_to_edge
    from retouch.tools.masks import from_bool
    from retouch.tools.select import candidate_mask

    if gestures.box is not None:
        return None
    found = [(candidate.area, label, candidate_mask(candidate, image.size) > 127, float(candidate.score))
             for label in INSTANCE_LABELS for candidate in finder.find(image, label)]

    def smallest_at(point: Point) -> tuple[int, str, np.ndarray, float] | None:
        under = [item for item in found if item[2][point[1], point[0]]]
        return min(under, key=lambda item: item[0]) if under else None

    added = [smallest_at(point) for point in gestures.positives]
    taken = [smallest_at(point) for point in gestures.negatives]
    if any(item is None for item in added + taken):
        return None
    selected = np.zeros((image.height, image.width), dtype=bool)
    for item in added:
        selected |= item[2]  # type: ignore[index]
    for item in taken:
        selected &= ~item[2]  # type: ignore[index]
    labels = {item[1] for item in added}  # type: ignore[index]
    mask = from_bool(selected)
    if labels <= set(TRIMMED_LABELS):
        mask = trim_to_edge(np.asarray(image.convert("RGB")), mask)
    return PointPick(mask=mask, gestures=gestures, method="instance",
                     label=labels.pop() if len(labels) == 1 else "thing", finder=getattr(finder, "name", ""),
                     details={"score": round(min(item[3] for item in added), 4)})  # type: ignore[index]


def _sam_at(image: Image.Image, gestures: Gestures, finder: PromptSegmenter) -> PointPick | None:
    """SAM's mask for the whole prompt — kept only when it holds every added point (and, with a
    box alone, anything at all); else GrabCut gets a go."""
    from retouch.tools.masks import from_bool

    mask, score = finder.segment_prompt(image, gestures.positives, gestures.negatives, gestures.box)
    mask = np.asarray(mask) > 127
    if mask.shape != (image.height, image.width) or not mask.any():
        return None
    if not all(mask[y, x] for x, y in gestures.positives):
        return None
    return PointPick(mask=from_bool(mask), gestures=gestures, method="sam-point",
                     finder=getattr(finder, "name", ""), details={"score": round(float(score), 4)})


def grabcut_gestures(image: Image.Image, gestures: Gestures, notes: dict[str, float] | None = None) -> Mask:
    """GrabCut seeded by the gestures, one at a time: the parts they point at, holes filled
    (uint8 0/255, maybe empty). `notes`, when given, gets "whole_thing": what the first click's
    second pass added, as a share of its first outline (`_whole_thing`), and "in_focus": what the
    in-focus thing added (`_with_focus`), as a share of the outline, or of itself when there was none."""
    import cv2

    from retouch.tools.masks import fill_holes, from_bool

    rgb = np.asarray(image.convert("RGB"))
    height, width = rgb.shape[:2]
    if min(width, height) < 8:
        raise RetouchError(f"the {width}×{height} image is too small to outline anything in",
                           "Select by a box or a mask file instead.")
    scale = min(1.0, GRABCUT_SIDE / max(width, height))
    small = cv2.resize(rgb, (max(1, round(width * scale)), max(1, round(height * scale))),
                       interpolation=cv2.INTER_AREA) if scale < 1.0 else rgb
    bgr = cv2.cvtColor(small, cv2.COLOR_RGB2BGR)
    kept: np.ndarray | None = None
    for upto in range(1, len(gestures.gestures) + 1):
        prompt = _Scaled(gestures.gestures[:upto], scale, small.shape[1], small.shape[0])
        if prompt.positives or prompt.box is not None:
            kept = _refine(bgr, prompt, kept, notes)
    if kept is None:
        kept = np.zeros(small.shape[:2], dtype=bool)
    final = _Scaled(gestures.gestures, scale, small.shape[1], small.shape[0])
    runners = _runners(kept, final)
    if runners.any():  # GrabCut decides again, now knowing the strip's colour is background
        scenery = runners | _crossing(bgr, kept, runners)
        again = _grabcut_once(bgr, final, GRABCUT_WINDOWS[0], kept & ~scenery, scenery=scenery,
                              pieces_across=scenery & ~runners)[0]
        kept = again if all(again[y, x] for x, y in final.positives) else kept & ~scenery
    if scale < 1.0:
        kept = cv2.resize(kept.astype(np.uint8) * 255, (width, height), interpolation=cv2.INTER_LINEAR) > 127
    return fill_holes(from_bool(kept))


@dataclass(frozen=True)
class _Scaled:
    """Gestures in the working image's pixels, in order; the last is the one being applied."""

    points: list[tuple[str, Point]]
    """("add" or "subtract", point), in the order they were made."""
    box: Box | None
    newest: str
    """The last gesture's kind: "add", "subtract" or "box"."""

    def __init__(self, gestures: tuple[Any, ...], scale: float, width: int, height: int) -> None:
        from retouch.tools.gestures import BoxGesture

        box = next((g.box for g in gestures if isinstance(g, BoxGesture)), None)
        points = [(g.kind, (min(width - 1, int(g.point[0] * scale)), min(height - 1, int(g.point[1] * scale))))
                  for g in gestures if not isinstance(g, BoxGesture)]
        reach = 2 * _spot(width, height)
        object.__setattr__(self, "points", [  # a click taken back by a later one beside it is dropped
            (kind, p) for index, (kind, p) in enumerate(points)
            if kind == "subtract" or not any(later == "subtract" and math.dist(p, q) <= reach
                                             for later, q in points[index + 1:])])
        object.__setattr__(self, "box", None if box is None else (
            int(box[0] * scale), int(box[1] * scale),
            max(int(box[0] * scale) + 1, min(width, round(box[2] * scale))),
            max(int(box[1] * scale) + 1, min(height, round(box[3] * scale)))))
        object.__setattr__(self, "newest", gestures[-1].kind)

    @property
    def positives(self) -> list[Point]:
        return [point for kind, point in self.points if kind == "add"]


def _refine(bgr: np.ndarray, prompt: _Scaled, prior: np.ndarray | None,
            notes: dict[str, float] | None = None) -> np.ndarray:
    """Apply the newest gesture to the selection the earlier ones made (`prior`, None at first).

    The first gesture is outlined from its window, tried with growing windows (or from the box). An
    added point keeps what is selected — its inside is sure foreground, so GrabCut's colour model is
    the thing's own — and adds the part under the point, from one window: larger ones let a
    look-alike background in (the tail click took the whole strip of grass under the bench). A
    point taken away, or a box, lets GrabCut decide the selection's pixels again, with the point's
    spot as sure background or the box's outside."""
    if prior is None:
        kept = prior
        for share in GRABCUT_WINDOWS:
            kept, enough = _grabcut_once(bgr, prompt, share, None)
            if enough:
                break
        if prompt.box is None and kept.any():
            whole = _whole_thing(bgr, prompt, kept)
            if notes is not None:
                notes["whole_thing"] = float((whole & ~kept).sum()) / float(kept.sum())
            kept = whole
        if prompt.box is None and prompt.positives:
            outline = kept
            kept = _with_focus(bgr, prompt, kept)
            if notes is not None and kept.any():  # what focus added, as a share of the outline (all: none)
                notes["in_focus"] = float((kept & ~outline).sum()) / float(max(outline.sum(), kept.sum()))
        return kept
    kept = _grabcut_once(bgr, prompt, GRABCUT_WINDOWS[0], prior, hold=prompt.newest == "add")[0]
    return kept | prior if prompt.newest == "add" else kept


def _with_focus(bgr: np.ndarray, prompt: _Scaled, kept: np.ndarray) -> np.ndarray:
    """In a shallow-focus photo, the first click's outline joined by the in-focus thing under the
    click (`tools.focus_subject`) — when the outline found nothing, or lies mostly inside it."""
    from retouch.tools.focus_subject import in_focus_thing

    away = [point for kind, point in prompt.points if kind == "subtract"]
    thing = in_focus_thing(bgr, prompt.positives[0], _spot(bgr.shape[1], bgr.shape[0]), away)
    if thing is None or (kept.any() and float((thing & kept).sum()) < FOCUS_HOLDS * float(kept.sum())):
        return kept
    return kept | thing


def _grabcut_once(bgr: np.ndarray, prompt: _Scaled, share: float, prior: np.ndarray | None, *,
                  hold: bool = False, scenery: np.ndarray | None = None,
                  pieces_across: np.ndarray | None = None) -> tuple[np.ndarray, bool]:
    """One GrabCut run, with probable-foreground squares of side `share` × the shorter side around
    the added points outside the prior and the box. `hold`: the prior's inside is sure foreground
    (an added point keeps what is selected), else GrabCut decides it again; `scenery`: pixels known
    to be background; `pieces_across`: a band in front of the thing — the parts GrabCut finds
    touching it are pieces of the thing it cuts apart, kept like the clicked one when at least
    `BOX_KEEP` of its size. Returns the parts kept, and whether each windowed point's part holds
    enough of its window."""
    import cv2

    height, width = bgr.shape[:2]
    short = min(height, width)
    seeds = np.full((height, width), cv2.GC_PR_BGD, np.uint8)
    if prompt.box is not None:
        x0, y0, x1, y1 = prompt.box
        seeds[:] = cv2.GC_BGD
        seeds[y0:y1, x0:x1] = cv2.GC_PR_FGD
    else:
        border = max(1, int(GRABCUT_BORDER * short))
        seeds[:border, :] = seeds[-border:, :] = cv2.GC_BGD
        seeds[:, :border] = seeds[:, -border:] = cv2.GC_BGD
    if prior is not None:
        inside = prior & (seeds != cv2.GC_BGD)
        seeds[inside] = cv2.GC_PR_FGD
        if hold:
            seeds[cv2.erode(inside.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0] = cv2.GC_FGD
    radius = max(3, int(share * short / 2))
    windowed: list[tuple[Point, int]] = []
    for x, y in prompt.positives:
        if (prior is not None and prior[y, x]) or (prompt.box is not None and _inside((x, y), prompt.box)):
            continue  # the selection, or the box, already says where the thing is
        rows, columns = slice(max(0, y - radius), y + radius), slice(max(0, x - radius), x + radius)
        seeds[rows, columns] = np.where(seeds[rows, columns] == cv2.GC_FGD, cv2.GC_FGD, cv2.GC_PR_FGD)
        windowed.append(((x, y), (rows.stop - rows.start) * (columns.stop - columns.start)))
    if scenery is not None:
        seeds[scenery] = cv2.GC_BGD
    spot = _spot(width, height)
    for kind, (x, y) in prompt.points:  # in order: a later spot overrides an earlier one at the same place
        cv2.circle(seeds, (x, y), spot, int(cv2.GC_FGD if kind == "add" else cv2.GC_BGD), -1)
    background, foreground = np.zeros((1, 65)), np.zeros((1, 65))
    cv2.setRNGSeed(0)  # GrabCut's colour models start from k-means: same gestures, same mask
    cv2.grabCut(bgr, seeds, None, background, foreground, GRABCUT_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    chosen = ((seeds == cv2.GC_FGD) | (seeds == cv2.GC_PR_FGD)).astype(np.uint8)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(chosen, connectivity=8)
    keep = np.zeros(count, dtype=bool)
    spot_area = np.pi * (spot + 0.5) ** 2
    for x, y in prompt.positives:  # a part no bigger than its sure spot is GrabCut seeing nothing there
        label = labels[y, x]
        keep[label] = stats[label, cv2.CC_STAT_AREA] > SPOT_ONLY * spot_area or (
            prior is not None and bool(prior[labels == label].any()))
    enough = all(stats[labels[y, x], cv2.CC_STAT_AREA] >= GRABCUT_ENOUGH * area for (x, y), area in windowed)
    if prompt.box is not None and count > 1:
        areas = stats[1:, cv2.CC_STAT_AREA]
        keep[1:] |= areas >= BOX_KEEP * areas.max()
    if pieces_across is not None and keep.any():
        beside = cv2.dilate(pieces_across.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
        largest = stats[keep, cv2.CC_STAT_AREA].max()
        for label in np.unique(labels[beside & (chosen > 0)]):
            keep[label] |= bool(stats[label, cv2.CC_STAT_AREA] >= BOX_KEEP * largest)
    keep[0] = False
    return keep[labels], enough


def _whole_thing(bgr: np.ndarray, prompt: _Scaled, outline: np.ndarray) -> np.ndarray:
    """The first click's outline taken on to the whole thing it is a patch of (`_taken_on`); when that
    keeps little of what its cut reached (`WHOLE_RETRY`) — an animal that fills the picture leaves too
    little ground outside the window to learn from, and the cut runs on into the ground — once more,
    learning the ground from more of it and the thing from what the first cut reached. Whichever adds
    more is kept."""
    first, reached = _taken_on(bgr, prompt, outline)
    if (first & ~outline).sum() >= WHOLE_RETRY * outline.sum() or reached < WHOLE_RETRY * outline.sum():
        return first  # it took the rest, or there was no rest to take: the cut found little beyond the outline
    again = _taken_on(bgr, prompt, outline, ground_least=WHOLE_GROUND_LEAST, relearn=True)[0]
    return again if (again & ~outline).sum() > (first & ~outline).sum() else first


def _taken_on(bgr: np.ndarray, prompt: _Scaled, outline: np.ndarray, *, ground_least: float = 0.0,
              relearn: bool = False) -> tuple[np.ndarray, int]:
    """The first click's outline taken on to the whole thing it is a patch of.

    The first outline's background model is learnt from everything outside the click's small
    window — on a big animal, the rest of the animal — so a click on a rabbit's striped back
    outlines the back. A second pass learns the ground only outside a window around the outline
    (`WHOLE_WINDOW`), from the part of it beside the thing (`WHOLE_GROUND_NEAR`), and the thing
    from the outline, and lets one graph cut with those models frozen say what in the window is
    more of the thing. What it adds is taken when it closes within the window (else the window
    grows, `WHOLE_STEPS`; what still runs on is ground) and, piece by piece, when its colours are
    not those of the ground around it nor that ground dimmed (`WHOLE_OVERLAP`): taken, not asked
    about, because a click on an animal is a click on the animal — and the chat shows the tinted
    selection before anything is removed. `ground_least`: the ground is learnt from at least this many
    times the outline's area; `relearn`: the thing's colours are learnt again from what the first cut
    reached (connected to the click) and the cut made once more. Returns the outline with what is
    taken, and how many pixels beyond the outline the last cut reached (0 when no cut was made).
    ~0.03 s a pass at 256 px on a quiet machine."""
    import cv2

    from retouch.tools.leftovers import colour_models, colour_overlap, frozen_cut, looks_like_shade

    height, width = bgr.shape[:2]
    border = max(1, int(GRABCUT_BORDER * min(height, width)))
    body = outline & ~_runners(outline, prompt)  # a post the window took in runs out; the thing need not
    if not body.any():
        return outline, 0
    ys, xs = np.nonzero(body)
    spans_down = ys.min() <= border and ys.max() >= height - 1 - border
    spans_across = xs.min() <= border and xs.max() >= width - 1 - border
    if spans_down or spans_across:
        return outline, 0  # it spans the picture (a clicked post, a rail): no window around it leaves ground
    x, y = prompt.positives[0]
    current = outline
    for _ in range(WHOLE_STEPS):
        ys, xs = np.nonzero(current)
        pad = WHOLE_WINDOW * max(int(np.ptp(xs)) + 1, int(np.ptp(ys)) + 1)
        x0, y0 = max(0, int(xs.min() - pad)), max(0, int(ys.min() - pad))
        x1, y1 = min(width, int(xs.max() + 1 + pad)), min(height, int(ys.max() + 1 + pad))
        ground = np.ones((height, width), bool)
        ground[max(y0, border):min(y1, height - border), max(x0, border):min(x1, width - border)] = False
        if not ground.any():
            return outline, 0
        away = cv2.distanceTransform((~outline).astype(np.uint8), cv2.DIST_L2, 5)
        near_ground = _ground_beside(ground, away, int(ground_least * outline.sum()))
        chosen = frozen_cut(bgr, colour_models(bgr, near_ground, outline), ground, outline).astype(np.uint8)
        if relearn:  # the thing's colours from what the cut reached: the rest of it, unlike the clicked coat
            cut = cv2.connectedComponents(chosen, connectivity=8)[1]
            chosen = frozen_cut(bgr, colour_models(bgr, near_ground, cut == cut[y, x]), ground,
                                outline).astype(np.uint8)
        labels = cv2.connectedComponents(chosen, connectivity=8)[1]
        reached = labels == labels[y, x]
        ry, rx = np.nonzero(reached)
        runs_on = ((x0 > border and rx.min() <= x0) or (y0 > border and ry.min() <= y0)
                   or (x1 < width - border and rx.max() >= x1 - 1) or (y1 < height - border and ry.max() >= y1 - 1))
        if not runs_on:
            break
        current = reached
    else:
        return outline, int((reached & ~outline).sum())  # it runs on into the ground however far the window grows
    disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (WHOLE_OPENING, WHOLE_OPENING))
    added = cv2.morphologyEx((reached & ~outline).astype(np.uint8), cv2.MORPH_OPEN, disc)
    count, pieces = cv2.connectedComponents(added, connectivity=8)
    if count < 2:
        return outline, int((reached & ~outline).sum())
    lab = cv2.cvtColor(bgr, cv2.COLOR_BGR2LAB)
    beside = cv2.dilate(outline.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    whole = outline.copy()
    for label in range(1, count):
        piece = pieces == label
        ring = (cv2.dilate(piece.astype(np.uint8), np.ones((15, 15), np.uint8)) > 0) & ~piece & ~reached
        if ((piece & beside).any() and ring.sum() >= 10 and colour_overlap(lab, piece, ring) <= WHOLE_OVERLAP
                and not looks_like_shade(lab, piece, ring)):
            whole |= piece
    return whole, int((reached & ~outline).sum())


def _ground_beside(ground: np.ndarray, away: np.ndarray, least: int) -> np.ndarray:
    """What of `ground` the second pass learns from: within `WHOLE_GROUND_NEAR` times the nearest such
    pixel's distance from the outline (`away`), widened to the nearest `least` pixels when fewer."""
    near = ground & (away <= WHOLE_GROUND_NEAR * float(away[ground].min()))
    if int(near.sum()) >= least:
        return near
    distances = np.sort(away[ground])
    return ground & (away <= distances[min(distances.size - 1, least)])


def _runners(kept: np.ndarray, prompt: _Scaled) -> np.ndarray:
    """The thin strips of `kept` that run out to the picture's frame (`RUNNER_WIDTH`): the
    selection opened by a disc a share of its own thickness wide is its body; of what the opening
    removes, the pieces that are long, reach the sure background and hold no added point."""
    import cv2

    height, width = kept.shape
    runners = np.zeros((height, width), bool)
    if not kept.any() or prompt.box is not None:
        return runners
    thickness = 2.0 * float(cv2.distanceTransform(np.pad(kept, 1).astype(np.uint8), cv2.DIST_L2, 3).max())
    outside = np.ones((height, width), bool)
    border = max(1, int(GRABCUT_BORDER * min(height, width)))
    outside[border:-border, border:-border] = False
    reaching = cv2.dilate(outside.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0
    for share in (RUNNER_WIDTH, *RUNNER_WIDER):
        across = max(3, int(share * thickness) | 1)
        disc = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (across, across))
        body = cv2.morphologyEx(kept.astype(np.uint8), cv2.MORPH_OPEN, disc) > 0
        count, labels, stats, _ = cv2.connectedComponentsWithStats((kept & ~body).astype(np.uint8), connectivity=8)
        clicked = {int(labels[y, x]) for x, y in prompt.positives}
        for label in range(1, count):
            long = max(stats[label, cv2.CC_STAT_WIDTH], stats[label, cv2.CC_STAT_HEIGHT]) >= RUNNER_LENGTH * across
            piece = labels == label
            if (long and label not in clicked and (piece & reaching).any()
                    and (share == RUNNER_WIDTH or _straight_line(piece) is not None)):
                runners |= piece
    return runners


def _straight_line(piece: np.ndarray) -> tuple[float, float, float, float, float] | None:
    """(vx, vy, x0, y0, half width) of the straight line a strip runs along — None when it is not
    at least `CROSSING_STRAIGHT` times as long as it is wide (`CROSSING_WIDTH` sets the width)."""
    import cv2

    rows, columns = np.nonzero(piece)
    if rows.size < 5:
        return None
    vx, vy, x0, y0 = (float(v) for v in cv2.fitLine(np.column_stack([columns, rows]).astype(np.float32),
                                                      cv2.DIST_L2, 0, 0.01, 0.01).ravel())
    half = float(np.percentile(np.abs((columns - x0) * vy - (rows - y0) * vx), CROSSING_WIDTH)) + 1.0
    along = (columns - x0) * vx + (rows - y0) * vy
    if float(np.ptp(along)) < CROSSING_STRAIGHT * 2.0 * half:
        return None
    return vx, vy, x0, y0, half


def _crossing(bgr: np.ndarray, kept: np.ndarray, runners: np.ndarray) -> np.ndarray:
    """Where the post each runner is the end of crosses the thing: the pixels of `kept` in the
    runner's corridor — its straight line, as wide as it is (`CROSSING_WIDTH`) — that have its
    colour (`CROSSING_COLOUR`) and join it. GrabCut's first colour model took the post in as the
    thing's, so the runner alone leaves a band across the thing standing."""
    import cv2

    lab = cv2.cvtColor(bgr, cv2.COLOR_BGR2LAB).astype(np.float32)
    height, width = kept.shape
    ys, xs = np.mgrid[0:height, 0:width]
    band = np.zeros((height, width), bool)
    count, labels = cv2.connectedComponents(runners.astype(np.uint8), connectivity=8)
    for label in range(1, count):
        piece = labels == label
        line = _straight_line(piece)
        if line is None:
            continue  # no straight line to follow (the tip of an ear that reaches the frame)
        vx, vy, x0, y0, half = line
        across = np.abs((xs - x0) * vy - (ys - y0) * vx)
        colours = lab[piece]
        spread = np.maximum(colours.std(axis=0), CROSSING_SPREAD)
        alike = (np.abs(lab - colours.mean(axis=0)) <= CROSSING_COLOUR * spread).all(axis=-1)
        band |= kept & (across <= half) & alike
    if not band.any():
        return band
    joined, parts = cv2.connectedComponents((band | runners).astype(np.uint8), connectivity=8)
    ends = np.unique(parts[runners])
    return band & np.isin(parts, ends[ends > 0])


def _spot(width: int, height: int) -> int:
    return max(1, round(GRABCUT_SEED * min(width, height)))


def _inside(point: Point, box: Box) -> bool:
    return box[0] <= point[0] < box[2] and box[1] <= point[1] < box[3]
