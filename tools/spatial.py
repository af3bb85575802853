"""Deterministic picks among candidates: "the one on the left", "the second from the right",
"the largest", "the two on the right", "all of them on the left", "the one in the background".

Detectors such as Grounding DINO ignore position words, so the picking is ours, on boxes, and the
same boxes always give the same answer.

How the qualifiers combine:
- nothing but the name: the best match (highest score; ties go left to right);
- `position`: candidates ranked from that side (corners and the centre by distance; foreground and
  background by nearness, see `nearness`); `ordinal` counts along that ranking, `count` takes that
  many from its start. An ordinal with no position counts from the left;
- `size`: ranked by area instead; with a position, only among those in that part of the picture;
- `all`: every candidate, or with a position every one in that part of the picture.
Asking for more than there is (the third of two, three of two) is a `NothingFound` that says how
many there are.
"""

from __future__ import annotations

from typing import Callable, Sequence

from retouch.tools.candidates import Candidate
from retouch.tools.errors import NothingFound, RetouchError

SIDES = ("left", "right", "top", "bottom")
CORNERS = ("top-left", "top-right", "bottom-left", "bottom-right")
DEPTHS = ("foreground", "background", "behind")
POSITIONS = (*SIDES, "center", *CORNERS, *DEPTHS)

_ORDINAL_NAMES = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", 6: "sixth", 7: "seventh",
                  8: "eighth", 9: "ninth", 10: "tenth"}
_IRREGULAR = {"person": "people", "foot": "feet", "man": "men", "woman": "women", "child": "children",
              "mouse": "mice", "tooth": "teeth", "goose": "geese", "sheep": "sheep", "fish": "fish"}


def pick(candidates: Sequence[Candidate], image_size: tuple[int, int], *, position: str | None = None,
         ordinal: int | None = None, size: str | None = None, count: int | None = None,
         all: bool = False) -> list[Candidate]:
    """Choose among `candidates` (boxes in an image of `image_size` = (width, height))."""
    if position is not None and position not in POSITIONS:
        raise RetouchError(f"I don't know the position {position!r}", f"Use one of: {', '.join(POSITIONS)}.")
    if size is not None and size not in ("largest", "smallest"):
        raise RetouchError(f"I don't know the size {size!r}", "Use largest or smallest.")
    pool = list(candidates)
    if not pool:
        raise NothingFound("there is nothing to choose from")
    label = pool[0].label
    if all:
        if position is None:
            return sorted(pool, key=_tiebreak(pool, lambda c: 0.0))
        return sorted(in_part(pool, position, image_size), key=rank_key(pool, position, image_size))
    if size is not None:
        if position is not None:
            pool = in_part(pool, position, image_size)
        order = sorted(pool, key=_tiebreak(pool, lambda c: -c.area if size == "largest" else c.area))
    elif position is not None:
        order = sorted(pool, key=rank_key(pool, position, image_size))
    elif ordinal is not None:
        order = sorted(pool, key=rank_key(pool, "left", image_size))
    else:
        order = sorted(pool, key=_tiebreak(pool, lambda c: -float(c.score)))
    start = (ordinal or 1) - 1
    wanted = count or 1
    if start >= len(order):
        raise NothingFound(f"I can only see {_counted(len(order), label)}{_where(position, size, len(pool), len(candidates))}, "
                           f"so there is no {ordinal_word(ordinal or 1)} one{_from(position, size)}",
                           "Ask for a smaller number, or for all of them.")
    if start + wanted > len(order):
        raise NothingFound(f"I can only see {_counted(len(order), label)}{_where(position, size, len(pool), len(candidates))}, "
                           f"not {wanted}{' from the ' + ordinal_word(ordinal) if ordinal else ''}",
                           "Ask for fewer, or for all of them.")
    return order[start:start + wanted]


# ---- ranking ----------------------------------------------------------------------------------


def rank_key(candidates: Sequence[Candidate], position: str, image_size: tuple[int, int]) -> Callable:
    """Sort key: the candidate that best fits `position` first."""
    width, height = (max(1, int(v)) for v in image_size)
    if position in DEPTHS:
        near = {id(c): nearness(c, image_size) for c in candidates}
        if position == "foreground":
            return _tiebreak(candidates, lambda c: -near[id(c)])
        if position == "background":
            return _tiebreak(candidates, lambda c: near[id(c)])
        hidden = occluded(candidates, image_size)
        return _tiebreak(candidates, lambda c: (0 if id(c) in hidden else 1, near[id(c)]))

    def by(candidate: Candidate) -> float:
        cx, cy = candidate.center
        x, y = cx / width, cy / height
        if position == "left":
            return x
        if position == "right":
            return -x
        if position == "top":
            return y
        if position == "bottom":
            return -y
        if position == "center":
            return (x - 0.5) ** 2 + (y - 0.5) ** 2
        corner_x = 0.0 if position.endswith("left") else 1.0
        corner_y = 0.0 if position.startswith("top") else 1.0
        return (x - corner_x) ** 2 + (y - corner_y) ** 2

    return _tiebreak(candidates, by)


def _tiebreak(candidates: Sequence[Candidate], primary: Callable) -> Callable:
    """Equal keys fall back to left-to-right, top-to-bottom, score, then the finder's order."""
    order = {id(c): index for index, c in enumerate(candidates)}

    def key(candidate: Candidate) -> tuple:
        cx, cy = candidate.center
        return (primary(candidate), round(cx, 3), round(cy, 3), -float(candidate.score), order.get(id(candidate), 0))

    return key


def nearness(candidate: Candidate, image_size: tuple[int, int]) -> float:
    """How close to the camera a thing looks, 0–1: things nearer stand lower in the frame (their
    bottom edge) and look bigger (their box), the two cues a single photo reliably gives."""
    width, height = (max(1, int(v)) for v in image_size)
    x0, y0, x1, y1 = candidate.box
    box_area = max(0, x1 - x0) * max(0, y1 - y0)
    return 0.6 * min(1.0, y1 / height) + 0.4 * min(1.0, (box_area / (width * height)) ** 0.5)


def occluded(candidates: Sequence[Candidate], image_size: tuple[int, int]) -> set[int]:
    """ids of candidates that overlap a nearer one — the ones standing behind something."""
    near = {id(c): nearness(c, image_size) for c in candidates}
    hidden: set[int] = set()
    for back in candidates:
        bx0, by0, bx1, by1 = back.box
        own = max(1, (bx1 - bx0) * (by1 - by0))
        for front in candidates:
            if front is back or near[id(front)] <= near[id(back)]:
                continue
            fx0, fy0, fx1, fy1 = front.box
            overlap = max(0, min(bx1, fx1) - max(bx0, fx0)) * max(0, min(by1, fy1) - max(by0, fy0))
            if overlap >= 0.05 * own:
                hidden.add(id(back))
                break
    return hidden


# ---- parts of the picture ---------------------------------------------------------------------


def in_part(candidates: Sequence[Candidate], position: str, image_size: tuple[int, int]) -> list[Candidate]:
    """The candidates in the part of the picture `position` names ("all the people on the left").

    Sides and corners are halves of the image, the centre its middle third; when none lies
    there, the ones nearer that side than the group's middle are taken, so the answer is never
    empty. Depth words split the group by nearness ("behind": those overlapping a nearer one).
    """
    pool = list(candidates)
    if len(pool) <= 1:
        return pool
    width, height = (max(1, int(v)) for v in image_size)
    if position in DEPTHS:
        if position == "behind":
            hidden = occluded(pool, image_size)
            if hidden:
                return [c for c in pool if id(c) in hidden]
            position = "background"
        near = [nearness(c, image_size) for c in pool]
        middle = (min(near) + max(near)) / 2
        keep = [c for c, n in zip(pool, near) if (n >= middle if position == "foreground" else n <= middle)]
        return keep

    def inside(candidate: Candidate) -> bool:
        cx, cy = candidate.center
        x, y = cx / width, cy / height
        if position == "center":
            return abs(x - 0.5) <= 1 / 6 and abs(y - 0.5) <= 1 / 6
        ok = True
        if "left" in position:
            ok &= x < 0.5
        if "right" in position:
            ok &= x > 0.5
        if "top" in position:
            ok &= y < 0.5
        if "bottom" in position:
            ok &= y > 0.5
        return ok

    keep = [c for c in pool if inside(c)]
    if keep:
        return keep
    key = rank_key(pool, position, image_size)
    values = [key(c)[0] for c in pool]
    middle = (min(values) + max(values)) / 2
    return [c for c, v in zip(pool, values) if v <= middle]


# ---- words ------------------------------------------------------------------------------------


def plural(label: str, n: int = 2) -> str:
    if n == 1:
        return label
    words = label.split()
    last = words[-1] if words else label
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last += "es"
    elif last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def _counted(n: int, label: str) -> str:
    return f"{n} {plural(label, n)}" if n != 1 else f"one {label}"


def ordinal_word(n: int) -> str:
    """2 → "second", 23 → "23rd"."""
    if n in _ORDINAL_NAMES:
        return _ORDINAL_NAMES[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _from(position: str | None, size: str | None) -> str:
    if size is not None:
        return f" by size ({size} first)"
    if position in SIDES or position in CORNERS:
        return f" from the {position}"
    if position == "center":
        return " from the centre"
    if position in DEPTHS:
        return f" in the {position}" if position != "behind" else " behind"
    return ""


def _where(position: str | None, size: str | None, pool: int, total: int) -> str:
    if size is not None and position is not None and pool < total:
        return f" on the {position}" if position in SIDES else f" in the {position}"
    return ""
