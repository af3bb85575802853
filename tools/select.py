"""Words → pixels: find candidates by name, pick among them by position/order/size, make the mask.

Finding is a backend (`Finder`: MediaPipe's shipped models, or Grounding DINO + SAM). Picking is
ours and deterministic (`tools.spatial`), because detectors ignore "on the left". The result is a
`Selection`: the mask plus which candidates were chosen, for the journal and the chat's overlay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

import numpy as np
from PIL import Image

from retouch.tools.ambiguity import ambiguity, is_qualified, policy_kwargs
from retouch.tools.candidates import Box, Candidate
from retouch.tools.errors import NothingFound, NotSeen
from retouch.tools.masks import Mask, bounding_box, empty_mask, from_bool, invert
from retouch.tools.spatial import pick as pick_among

NOT_SEEN_HINT = "Name something else, or mark its area (a box or a mask)."
MAIN_SUBJECT_LABEL = "main subject"
MAIN_SUBJECT_GROW = 0.005
"""The main subject's outline grows by this share of the short side: GrabCut's edge runs just inside fur."""
MAIN_SUBJECT_NOTE = ("I found no person, so I kept the photo's main subject (told apart by its colours and place in "
                     "the frame) in front; click or name it if that isn't it.")
"""Said when everything but the default subject — the people — is asked for ('blur the background') and the photo
has no one in it."""
"""The way out of a thing the finder did not see, in no front end's terms; each front end gives its own
(`tools.errors.NotSeen.with_hint`)."""

__all__ = ["Box", "Candidate", "Finder", "Selection", "candidate_mask", "select"]


@runtime_checkable
class Finder(Protocol):
    """A backend that finds things by name in an image."""

    name: str

    def find(self, image: Image.Image, target: str, phrase: str | None = None) -> list[Candidate]:
        """Every instance of `target` it can see (the phrase ranks them when the backend can read it)."""
        ...

    def inventory(self, image: Image.Image) -> dict[str, int]:
        """What it can see in the image, label → count — for "I couldn't find X; I can see: …"."""
        ...


@dataclass
class Selection:
    mask: Mask
    chosen: list[Candidate] = field(default_factory=list)
    finder: str = ""
    found: int = 0
    """How many candidates the finder returned before the pick."""
    others: list[Candidate] = field(default_factory=list)
    """The candidates found but not picked (the other people): a fill must not copy from them."""
    note: str = ""
    """What the user should know about how the selection was made (the main subject kept when no one was found)."""

    def to_record(self) -> dict[str, object]:
        return {"finder": self.finder, "found": self.found, "chosen": [c.to_record() for c in self.chosen]}


def candidate_mask(candidate: Candidate, size: tuple[int, int]) -> Mask:
    if candidate.mask is not None:
        return np.asarray(candidate.mask, dtype=np.uint8)
    mask = empty_mask(size)
    x0, y0, x1, y1 = candidate.box
    mask[y0:y1, x0:x1] = 255
    return mask


def union_mask(candidates: list[Candidate], size: tuple[int, int]) -> Mask | None:
    """255 where any candidate's mask is above 127 (its box where it has none); None when that is
    no pixel. Only the pixels in the candidates' boxes are ever written: a person's mask on a 4096²
    photo occupies the memory of their box, not 16 MiB (the rest stays untouched zero pages)."""
    width, height = size
    union = np.zeros((height, width), np.uint8)
    found = False
    for candidate in candidates:
        selected = candidate_mask(candidate, size)
        box = bounding_box(selected)
        if box is None:
            continue
        x0, y0, x1, y1 = box
        window = union[y0:y1, x0:x1]
        window[selected[y0:y1, x0:x1] > 127] = 255
        found = found or bool(window.any())
    return union if found else None


def select(image: Image.Image, finder: Finder, *, target: str, phrase: str | None = None,
           position: str | None = None, ordinal: int | None = None, size: str | None = None,
           count: int | None = None, all: bool = False, exclude: bool = False,
           pick: str | None = None, name: str | None = None, own_side: str | None = None) -> Selection:
    """Find `target`, pick the wanted ones, return their union (or its inverse for `exclude`).

    `target` is a canonical label ("person", "hand") or a thing's name; the caller turns words into labels (the
    planner's vocabulary, `agent.planner.finder_words`) — this tool reads no words. The phrase ("man in the blue
    shirt") goes to the finder whole, so a finder that reads it ranks the candidates by it; `name` is the word a
    label stands for ("girl" for "person"): the finder may rank by it, but unlike a phrase it says nothing about
    which one. `own_side` ("left"/"right") ranks a body part of that side of its owner first. Position, order,
    size and count are picked here (`tools.spatial`).
    When the request names one thing, several match and nothing above says which, the `pick`
    policy decides (largest, all, first = the best match); with no policy it is a question:
    `AmbiguousTarget`, never a guess.
    """
    candidates = finder.find(image, target, phrase or name)
    note = ""
    if not candidates and exclude and target == "person" and not phrase:
        candidates = _main_subject(image)            # "blur the background" of a rabbit: keep the rabbit, not no one
        note = MAIN_SUBJECT_NOTE if candidates else ""
    if own_side is not None:                          # "her left hand": her own left ranks first
        for candidate in candidates:
            if candidate.attributes.get("side") not in (None, own_side):
                candidate.score *= 0.5
    if not candidates:
        raise NotSeen(_not_found_message(target, finder, image),
                           NOT_SEEN_HINT)
    if exclude and position is None and ordinal is None and size is None and count is None:
        all = True  # "everything except the people", "the background": every one of them stays out
    qualifiers = dict(position=position, ordinal=ordinal, size=size, count=count, all=all)
    if len(candidates) > 1 and own_side is None and not is_qualified(target=target, phrase=phrase, **qualifiers):
        if pick is None:
            raise ambiguity(candidates, image.size, candidates[0].label)
        qualifiers.update(policy_kwargs(pick))
    elif pick is not None:
        policy_kwargs(pick)  # an unknown policy is a mistake even when nothing needed it
    chosen = pick_among(candidates, image.size, **qualifiers)
    mask = union_mask(chosen, image.size)
    if mask is None:
        raise NothingFound(f"the {target} I found covers no pixels", "Try naming it differently.")
    if exclude:
        mask = invert(mask)
    others = [candidate for candidate in candidates if not any(candidate is picked for picked in chosen)]
    return Selection(mask=mask, chosen=chosen, finder=finder.name, found=len(candidates), others=others, note=note)


def _main_subject(image: Image.Image) -> list[Candidate]:
    """The photo's main subject as `tools.subject` estimates it with no model (GrabCut seeded by how photos are
    framed), outlined tightly (no halo, no drop: here it is what stays in front, not what a fill must not copy);
    [] when nothing stands out."""
    from retouch.tools.subject import likely_subject

    outline = likely_subject(np.asarray(image.convert("RGB")), grow=MAIN_SUBJECT_GROW, drop=0.0)
    box = bounding_box(outline)
    if box is None:
        return []
    return [Candidate(MAIN_SUBJECT_LABEL, box, mask=from_bool(outline))]


def _not_found_message(target: str, finder: Finder, image: Image.Image) -> str:
    """"I couldn't find the bench. I can see: sky" — "the", which reads right for things counted or not
    ("a grass", "a snow" did not), as the user named them."""
    seen = finder.inventory(image)
    if not seen:
        return f"I couldn't find the {target.strip()}, and I can't make out anything else here"
    listing = ", ".join(f"{label} ({count})" if count > 1 else label for label, count in seen.items())
    return f"I couldn't find the {target.strip()}. I can see: {listing}"


def with_article(noun: str) -> str:
    noun = noun.strip()
    return f"an {noun}" if noun[:1].lower() in "aeiou" else f"a {noun}"
