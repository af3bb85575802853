"""How a person pointed at something: clicks that add, clicks that take away, and a box.

A selection by pointing is built from gestures — in the chat a click, a right- or ctrl-click, a
drag; on the command line `--point X,Y`, `--minus-point X,Y`, `--box X0,Y0,X1,Y1`. `Gestures` is
their one validated shape: `tools.point_select` turns it into a mask, the journal and the PNG
history record it (`to_step`), and `retouch apply` reads it back (`from_step`, which also reads the
single click older histories recorded). The order is kept (the chat's /undo steps back one
gesture); the mask does not depend on it — all gestures form one prompt.

A selection holds at most one box (GrabCut's rectangle, SAM's box prompt): a new box replaces the
old one. Pydantic only: this module is imported on the chat's and the CLI's start paths.
"""

from __future__ import annotations

import operator
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from retouch.tools.errors import RetouchError

Point = tuple[int, int]
Box = tuple[int, int, int, int]

MAX_COORD = 100_000
"""Largest pixel coordinate a gesture may name: far past any image Retouch opens (as the plan's)."""
MAX_POINTS = 64
"""The most clicks one selection takes. GrabCut and SAM get worse, not better, with dozens of seeds;
a longer list is a script gone wrong, refused before any work."""
STEP_SCHEMA = 2
"""The point step's shape in the PNG history: 2 = a list of gestures. Version 1 (no `schema` key)
recorded one click as {"kind": "point", "point": [x, y]} and is still read."""

Coord = Annotated[int, Field(ge=0, le=MAX_COORD, strict=True)]
"""Whole pixels only: a float, a bool or a numeric string is refused, never rounded."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PointGesture(_Strict):
    """A click: `add` takes in the thing under it, `subtract` takes it out."""

    kind: Literal["add", "subtract"]
    point: tuple[Coord, Coord]


class BoxGesture(_Strict):
    """A drag (or `--box`): the thing is inside this rectangle, x0, y0, x1, y1 in pixels."""

    kind: Literal["box"] = "box"
    box: tuple[Coord, Coord, Coord, Coord]

    @model_validator(mode="after")
    def _ordered(self) -> "BoxGesture":
        x0, y0, x1, y1 = self.box
        if x1 <= x0 or y1 <= y0:
            raise ValueError(f"the box {x0},{y0},{x1},{y1} must be x0,y0,x1,y1 with x1 > x0 and y1 > y0")
        return self


Gesture = Annotated[Union[PointGesture, BoxGesture], Field(discriminator="kind")]


class Gestures(_Strict):
    """The gestures one selection was built from, in the order they were made."""

    gestures: tuple[Gesture, ...] = Field(min_length=1, max_length=MAX_POINTS + 1)

    @model_validator(mode="after")
    def _makes_a_selection(self) -> "Gestures":
        boxes = sum(isinstance(g, BoxGesture) for g in self.gestures)
        if boxes > 1:
            raise ValueError("a selection takes one box")
        if len(self.gestures) - boxes > MAX_POINTS:
            raise ValueError(f"a selection takes at most {MAX_POINTS} points")
        if not self.positives and self.box is None:
            raise ValueError("a point taken away needs something to take it from: "
                             "add a point or a box as well")
        return self

    # -- what the segmenters need

    @property
    def positives(self) -> list[Point]:
        return [g.point for g in self.gestures if isinstance(g, PointGesture) and g.kind == "add"]

    @property
    def negatives(self) -> list[Point]:
        return [g.point for g in self.gestures if isinstance(g, PointGesture) and g.kind == "subtract"]

    @property
    def box(self) -> Box | None:
        return next((g.box for g in self.gestures if isinstance(g, BoxGesture)), None)

    # -- building, one gesture at a time (the chat)

    @classmethod
    def of(cls, *gestures: PointGesture | BoxGesture) -> "Gestures":
        """Validated gestures; a problem is one `RetouchError` line."""
        return _validated(lambda: cls(gestures=gestures))

    @classmethod
    def click(cls, x: int, y: int) -> "Gestures":
        return cls.of(add(x, y))

    def plus(self, gesture: PointGesture | BoxGesture) -> "Gestures":
        """These gestures and one more; a box replaces the box there was."""
        kept = [g for g in self.gestures if not (isinstance(gesture, BoxGesture) and isinstance(g, BoxGesture))]
        return Gestures.of(*kept, gesture)

    def check(self, size: tuple[int, int]) -> "Gestures":
        """These gestures, or a `RetouchError` naming the first that lies outside a width × height image."""
        for gesture in self.gestures:
            if isinstance(gesture, PointGesture):
                check_point(gesture.point, size)
            else:
                check_box(gesture.box, size)
        return self

    def describe(self) -> str:
        """"2 points, 1 taken away, a box" — for a reply or a CLI line."""
        added, taken = len(self.positives), len(self.negatives)
        box = [f"the box {_text(self.box)}"] if self.box is not None else []
        if not added:  # "the box …, 1 point taken away": nothing to count the taken-away points against
            return ", ".join(box + ([f"{taken} point{'s' * (taken != 1)} taken away"] if taken else []))
        parts = [f"{added} point{'s' * (added != 1)}"]
        if taken:
            parts.append(f"{taken} taken away")
        return ", ".join(parts + box)

    def outlined_from(self) -> str:
        """"the click", "the clicks", "the box" or "the box and the clicks": what an outline started from."""
        clicks = len(self.positives) + len(self.negatives)
        said = "the click" if clicks == 1 else "the clicks" if clicks else ""
        if self.box is None:
            return said
        return "the box" + (f" and {said}" if said else "")

    def where(self) -> str:
        """"at (252, 262)" for one click, "from 2 points, 1 taken away" for more."""
        if len(self.gestures) == 1 and self.positives:
            x, y = self.positives[0]
            return f"at ({x}, {y})"
        return f"from {self.describe()}"

    # -- the record (journal, PNG history)

    def to_step(self) -> dict[str, Any]:
        """The point step of the PNG history (and the journal's `gestures`)."""
        return {"kind": "point", "schema": STEP_SCHEMA, "gestures": [g.model_dump(mode="json") for g in self.gestures]}

    @classmethod
    def from_step(cls, step: dict[str, Any], source: str = "history") -> "Gestures":
        """The gestures a point step recorded: this shape, or the one click of schema 1."""
        schema = step.get("schema", 1)
        if schema == 1 and "gestures" not in step:
            point = step.get("point")
            if not (isinstance(point, list) and len(point) == 2 and all(type(v) is int for v in point)):
                raise RetouchError(f"{source} is damaged (its point is not two whole numbers)",
                                   "It was not written by Retouch, or was changed since.")
            return _validated(lambda: cls(gestures=(PointGesture(kind="add", point=tuple(point)),)), source)
        if schema != STEP_SCHEMA:
            raise RetouchError(f"{source}: the point step has schema {schema!r}, which this Retouch doesn't know",
                               "It was written by a newer Retouch; replay it with that.")
        return _validated(lambda: cls.model_validate({"gestures": step.get("gestures")}), source)


def add(x: int, y: int) -> PointGesture:
    return _validated(lambda: PointGesture(kind="add", point=(_pixel(x), _pixel(y))))


def subtract(x: int, y: int) -> PointGesture:
    return _validated(lambda: PointGesture(kind="subtract", point=(_pixel(x), _pixel(y))))


def box(x0: int, y0: int, x1: int, y1: int) -> BoxGesture:
    return _validated(lambda: BoxGesture(box=(_pixel(x0), _pixel(y0), _pixel(x1), _pixel(y1))))


def _pixel(value: Any) -> Any:
    """A numpy integer as a Python int (what a script computing clicks has); anything else as it
    is, for the model to accept or refuse (a float, a bool or a string is refused)."""
    if isinstance(value, bool):
        return value
    try:
        return operator.index(value)
    except TypeError:
        return value


def check_point(point: Point, size: tuple[int, int]) -> Point:
    """The point as ints, or a clear error when it lies outside a width × height image."""
    x, y = int(point[0]), int(point[1])
    width, height = size
    if not (0 <= x < width and 0 <= y < height):
        raise RetouchError(f"the point ({x}, {y}) lies outside the {width}×{height} image",
                           f"X goes from 0 to {width - 1}, Y from 0 to {height - 1}.")
    return x, y


def check_box(box: Box, size: tuple[int, int]) -> Box:
    """The box as ints, or a clear error when it is not left-top → right-bottom or reaches outside
    the image (x1 and y1 are exclusive: a box may end at the image's width and height)."""
    x0, y0, x1, y1 = (int(v) for v in box)
    width, height = size
    if x1 <= x0 or y1 <= y0:
        raise RetouchError(f"the box {x0},{y0},{x1},{y1} is not left,top,right,bottom",
                           "Give X0,Y0,X1,Y1 with X1 > X0 and Y1 > Y0, e.g. --box 40,60,300,420.")
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
        raise RetouchError(f"the box {x0},{y0},{x1},{y1} reaches outside the {width}×{height} image",
                           f"X goes from 0 to {width}, Y from 0 to {height}.")
    return x0, y0, x1, y1


# ---- text from the command line ---------------------------------------------------------------


def parse_point(text: str) -> Point:
    """"120,80" (or "120 80", "(120, 80)") → (120, 80): what `--point` and `--minus-point` accept."""
    numbers = _integers(text, 2)
    if numbers is None:
        raise RetouchError(f"{text!r} is not a point", "Give it as X,Y in pixels, e.g. --point 120,80.")
    return numbers[0], numbers[1]


def parse_box(text: str) -> Box:
    """"10,20,200,180" → (10, 20, 200, 180): what `--box` accepts (left, top, right, bottom)."""
    numbers = _integers(text, 4)
    if numbers is None:
        raise RetouchError(f"{text!r} is not a box", "Give it as X0,Y0,X1,Y1 in pixels, e.g. --box 40,60,300,420.")
    return numbers[0], numbers[1], numbers[2], numbers[3]


def _integers(text: str, count: int) -> list[int] | None:
    """`count` whole numbers (a leading minus allowed, so the message can say "outside"), or None."""
    parts = text.strip().strip("()[]").replace(",", " ").split()
    if len(parts) != count or not all(part.lstrip("-").isdigit() and len(part) < 10 for part in parts):
        return None
    return [int(part) for part in parts]


def _text(box: Box) -> str:
    return ",".join(str(v) for v in box)


def _validated(make: Any, source: str = "") -> Any:
    """Build a gesture model; pydantic's complaint becomes one line that says what to do."""
    try:
        return make()
    except ValidationError as exc:
        first = exc.errors()[0]
        message = str(first.get("ctx", {}).get("error") or first["msg"]).removeprefix("Value error, ")
        where = ".".join(str(part) for part in first["loc"])
        bound = first.get("ctx", {}).get("ge", first.get("ctx", {}).get("le"))
        if first["type"] in ("greater_than_equal", "less_than_equal") and bound is not None:
            message = f"a coordinate is {first['input']!r}; coordinates go from 0 to {MAX_COORD}"
        elif first["type"] == "too_long":
            message = f"a selection takes at most {MAX_POINTS} points"
        elif first["type"] == "too_short":
            message = "a selection needs at least one point or a box"
        elif where and first["type"] not in ("value_error",):
            message = f"{where}: {message}"
        prefix = f"{source}: " if source else ""
        raise RetouchError(prefix + message, "Give points as X,Y and a box as X0,Y0,X1,Y1 in pixels.") from None




def from_flags(flags: list[tuple[str, str]], size: tuple[int, int]) -> Gestures:
    """The command line's `--point`, `--minus-point` and `--box` (kind, text) in the order given,
    each read and checked against a width × height image: a bad one is named in one line."""
    points = sum(kind != "box" for kind, _ in flags)
    if points > MAX_POINTS:
        raise RetouchError(f"{points} points given; a selection takes at most {MAX_POINTS}",
                           "Click the thing itself and a few places that show its extent, or draw a --box.")
    made: list[PointGesture | BoxGesture] = []
    for kind, text in flags:
        if kind == "box":
            made.append(box(*check_box(parse_box(text), size)))
        else:
            x, y = check_point(parse_point(text), size)
            made.append(add(x, y) if kind == "add" else subtract(x, y))
    return Gestures.of(*made)
