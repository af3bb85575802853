"""The plan contract: what a planner produces and the executor runs.

One set of pydantic models is the whole surface. The same schema constrains an LLM's output, is
printed by `retouch plan --schema`, is written to the journal and is read back by
`retouch apply`. A field left `None` means "the planner had no opinion": the settings policy
(`agent.policy`) fills it from the task before anything runs, and the journal records the
resolved value.

Tool names are fixed by docs/DESIGN.md §2; fields may be added, never renamed.

Every number has its bounds here, in the field, and nowhere else: a plan file, an LLM's answer and
the rules planner are held to the same limits (`field_bounds` reads them back, so the rules can say
"at most 16384 px" instead of quietly clamping). The inpaint and outpaint settings are declared once
in `tools.settings` (with their bounds) and become fields here; a fill must be one that an
installed inpainter offers (its capabilities), so a plugin can add fill modes.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any, Literal, Optional, Union, get_args

from pydantic import (
    BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, create_model, field_validator, model_validator,
)

from retouch.tools.errors import RetouchError
from retouch.tools.settings import (  # noqa: F401
    EXPOSURE_FELT, OPPOSITE_FELT, BackgroundStyle, EnhancePart, Felt, Flaw, InpaintSettings, OutpaintSettings,
    declared,
)

Position = Literal[
    "left", "right", "top", "bottom", "center",
    "top-left", "top-right", "bottom-left", "bottom-right",
    "foreground", "background", "behind",
]
Task = Literal["remove", "replace", "recolor", "add", "fix", "background", "refine", "cleanup"]
Side = Literal["left", "right", "top", "bottom", "center"]
Relation = Literal["left_of", "right_of", "above", "below", "on", "around"]
Corner = Literal["top-left", "top-right", "bottom-left", "bottom-right"]
Leftovers = Literal["ask", "sure", "all", "none"]

MAX_COORD = 100_000
"""Largest pixel coordinate in a box: far past any image Retouch opens (100 MP)."""
Coord = Annotated[int, Field(ge=0, le=MAX_COORD)]
Box = tuple[Coord, Coord, Coord, Coord]
MAX_ASPECT = 20.0
"""The longest side of an aspect ratio is at most this many times the shortest (20:1 … 1:20)."""
_ASPECT_SHAPE = r"^\d{1,5}(\.\d+)?:\d{1,5}(\.\d+)?$"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _check_aspect(aspect: str | None) -> str | None:
    """Both sides above zero and a ratio within 1:20 … 20:1 (the pattern has checked the shape)."""
    if aspect is None:
        return None
    width, height = (float(part) for part in aspect.split(":"))
    if width <= 0 or height <= 0:
        raise ValueError("both sides of an aspect must be above zero, e.g. 16:9")
    if max(width / height, height / width) > MAX_ASPECT:
        raise ValueError(f"an aspect can be at most {MAX_ASPECT:g}:1 either way")
    return aspect


def _check_box(box: tuple[int, int, int, int] | None) -> tuple[int, int, int, int] | None:
    if box is not None and (box[2] <= box[0] or box[3] <= box[1]):
        raise ValueError("box must be x0, y0, x1, y1 with x1 > x0 and y1 > y0")
    return box


def field_bounds(model: type[BaseModel], name: str) -> tuple[float | None, float | None]:
    """(lowest, highest) a numeric field of `model` accepts — for messages that state the limit."""
    low = high = None
    for item in model.model_fields[name].metadata:      # pydantic keeps ge/gt/le/lt as small constraint objects
        low = next((getattr(item, key) for key in ("ge", "gt") if getattr(item, key, None) is not None), low)
        high = next((getattr(item, key) for key in ("le", "lt") if getattr(item, key, None) is not None), high)
    return low, high


class _Args(BaseModel):
    """Strict argument models: an unknown key is a mistake, not something to ignore silently."""

    model_config = ConfigDict(extra="forbid")


class SelectArgs(_Args):
    """Find things by name and pick among them by position, order, size or count."""

    target: str = Field(min_length=1, max_length=200, description="What to find, e.g. 'person'.")
    phrase: str | None = Field(
        None, max_length=500,
        description="The whole attribute phrase for grounding, e.g. 'man in the blue shirt'.")
    position: Position | None = Field(None, description="Where in the picture the wanted one is.")
    ordinal: int | None = Field(
        None, ge=1, le=100, description="1 = first counted from `position` (default: from the left).")
    size: Literal["largest", "smallest"] | None = None
    count: int | None = Field(None, ge=1, le=100, description="How many to select, e.g. 'the two men'.")
    all: bool = Field(False, description="Select every match.")
    exclude: bool = Field(False, description="Select everything except the matches.")
    add: bool = Field(False, description="Add to the current selection instead of replacing it.")
    subtract: bool = Field(
        False, description="Take the matches (grown a few px) out of the current selection, e.g. the one person "
                           "kept in 'remove everyone except the boy'.")
    pick: Literal["largest", "all", "first"] | None = Field(
        None, description="When several match and nothing above says which: take the largest, all of them, "
                          "or the best match (first). None: ask which one.")

    @model_validator(mode="after")
    def _one_way_to_combine(self) -> "SelectArgs":
        """A selection is added to, taken from, or replaced — one at a time; and what is taken out is a
        thing, not everything but it."""
        if self.subtract and self.add:
            raise ValueError("a select can add to the selection or subtract from it, not both")
        if self.subtract and self.exclude:
            raise ValueError("a select can't subtract 'everything except' a thing; subtract the thing itself")
        return self


class RegionArgs(_Args):
    """Explicit geometry, no model needed: a box, a side of the picture, a mask file, or a place
    next to the current selection (for adding an object beside an anchor)."""

    box: Box | None = Field(None, description="x0, y0, x1, y1 in pixels.")
    side: Side | None = None
    fraction: float | None = Field(None, gt=0, le=1, description="Share of the side, e.g. 0.5.")
    pixels: int | None = Field(None, gt=0, le=100_000, description="Depth of the side strip in px.")
    mask_path: str | None = Field(None, max_length=4096)
    relation: Relation | None = Field(None, description="Place relative to the current selection.")
    corner: Corner | None = Field(None, description="A corner of the picture; fraction is its share of each side "
                                                    "(a third when unset).")
    add: bool = Field(False, description="Add to the current selection instead of replacing it.")

    _box_is_ordered = field_validator("box")(_check_box)


class RefineMaskArgs(_Args):
    grow: int | None = Field(None, ge=0, le=512)
    shrink: int | None = Field(None, ge=0, le=512)
    blur: int | None = Field(None, ge=0, le=256)
    invert: bool = False
    fill_holes: bool | None = None


def _settings_fields(settings: type, **extra: dict[str, Any]) -> dict[str, Any]:
    """Each setting declared in `tools.settings` as a plan field: the same type, bounds and
    description; unset (None) until the policy fills it — except text, which starts empty.
    `extra` adds pydantic `Field` arguments by setting name."""
    fields: dict[str, Any] = {}
    for item, kind, about in declared(settings):
        bounds = {"ge": about.low, "le": about.high, "max_length": about.max_length, "pattern": about.pattern}
        bounds = {key: value for key, value in bounds.items() if value is not None}
        text = item.default == ""
        fields[item.name] = (kind if text else Optional[kind],
                             Field("" if text else None, description=about.description, **bounds,
                                   **extra.get(item.name, {})))
    return fields


def known_fills() -> list[str]:
    """Every fill mode an installed inpainter offers (the registry asks their capabilities)."""
    from retouch.agent import registry

    return registry.fills()


def _fills_in_schema(schema: dict[str, Any]) -> None:
    """The schema lists the installed fills, so a constrained LLM picks among them."""
    for option in schema.get("anyOf", [schema]):
        if option.get("type") == "string":
            option["enum"] = known_fills()


def _known_fill(fill: str | None) -> str | None:
    if fill is not None and fill not in known_fills():
        raise ValueError(f"unknown fill {fill!r}; the installed inpainters offer {', '.join(known_fills())}")
    return fill


class _InpaintArgs(_Args):
    _fill_is_known = field_validator("fill", mode="before", check_fields=False)(_known_fill)


InpaintArgs = create_model(
    "InpaintArgs", __base__=_InpaintArgs, __module__=__name__,
    __doc__="Regenerate the selected area for a task; every setting is declared in tools.settings.",
    task=(Task, ...),
    **_settings_fields(InpaintSettings, fill={"json_schema_extra": _fills_in_schema}),
    keep_colors=(bool, Field(False, description="Keep the original colours (recolor off, low strength).")),
    flaw=(Optional[Flaw], Field(None, description="For task 'fix': the flaw named, when classical processing corrects "
                                                   "it ('red_eye': pupils a flash turned red).")),
    leftovers=(Optional[Leftovers], Field(
        None, description="For task 'remove' of a found or pointed-at thing: parts beside the selection that look "
                          "like more of it (a tail below a bench) or like its shadow. 'ask': take the sure ones, "
                          "ask about the rest; 'sure': take the sure ones only; 'all': take every one; 'none': "
                          "don't look.")))


MAX_EXTEND_PX = 16384
"""The most pixels a side can grow by in one outpaint."""
MIN_SIZE_PX, MAX_SIZE_PX = 16, 16384
SizePx = Annotated[int, Field(ge=MIN_SIZE_PX, le=MAX_SIZE_PX)]


class _OutpaintArgs(_Args):
    """Where and how much the canvas grows; the settings (step, overlap, …) follow from tools.settings."""

    left: int | None = Field(None, ge=0, le=MAX_EXTEND_PX)
    right: int | None = Field(None, ge=0, le=MAX_EXTEND_PX)
    top: int | None = Field(None, ge=0, le=MAX_EXTEND_PX)
    bottom: int | None = Field(None, ge=0, le=MAX_EXTEND_PX)
    aspect: str | None = Field(None, pattern=_ASPECT_SHAPE)
    zoom: float | None = Field(None, gt=1, le=8, description="Zoom out: the canvas grows this many times.")
    size: tuple[SizePx, SizePx] | None = Field(None, description="Exact final width, height.")
    sides: list[Literal["left", "right", "top", "bottom"]] | None = Field(
        None, max_length=4,
        description="Grow only these sides to reach the aspect, zoom or size (default: both opposite "
                    "sides evenly), e.g. ['top'] for 'more sky on top'. Named alone, each grows by a "
                    "quarter of the image.")

    _aspect_ok = field_validator("aspect")(_check_aspect)

    @field_validator("sides")
    @classmethod
    def _sides_once(cls, sides: list[str] | None) -> list[str] | None:
        if sides is not None and len(set(sides)) != len(sides):
            raise ValueError("each side may be named once")
        return sides


OutpaintArgs = create_model("OutpaintArgs", __base__=_OutpaintArgs, __module__=__name__,
                            __doc__=_OutpaintArgs.__doc__, **_settings_fields(OutpaintSettings))


class AdjustArgs(_Args):
    """Signed amounts: 0 leaves the image alone, +0.2 is "a bit more", -0.2 "a bit less"."""

    brightness: float | None = Field(None, ge=-1, le=3)
    contrast: float | None = Field(None, ge=-1, le=3)
    saturation: float | None = Field(None, ge=-1, le=3)
    sharpness: float | None = Field(None, ge=-1, le=3)
    warmth: float | None = Field(None, ge=-1, le=1)
    masked: bool = Field(False, description="Only inside the current selection.")


ADJUST_AMOUNTS: tuple[str, ...] = tuple(name for name in AdjustArgs.model_fields if name != "masked")
"""The amounts an adjust carries, in its fields' order: the one list every reader of an adjust walks."""


class CropArgs(_Args):
    box: Box | None = None
    aspect: str | None = Field(None, pattern=_ASPECT_SHAPE)
    rotate: float | None = Field(None, ge=-360, le=360, description="Degrees clockwise.")
    flip: Literal["horizontal", "vertical"] | None = None
    keep_selection: bool = Field(
        False, description="With aspect: place the crop so the current selection stays inside it (e.g. 'crop "
                           "to 4:5 but keep both people'); when no box of that aspect can hold it, grow the "
                           "canvas to the aspect instead, so nothing selected is cut. Without aspect: crop to "
                           "the selection with a margin around it ('crop to the dog', 'zoom in on her').")
    center_on_selection: bool = Field(
        False, description="Crop to the largest box whose centre is the current selection's centre, so the "
                           "selection ends up in the middle and stays whole ('centre him in the photo', 'put the "
                           "dog in the middle'); an axis where it is already in the middle is left whole.")
    subject: bool = Field(
        False, description="Crop in around the photo's main subject with a margin, at the photo's shape (or "
                           "`aspect`'s), never through it ('crop it better', 'crop the photo', 'a tighter crop'); "
                           "when nothing stands out or it already fills the frame, nothing is cropped, and the reply "
                           "says so.")
    trim: bool = Field(
        False, description="Crop away a plain border found by measuring — a white frame, black bars, plain "
                           "margins ('trim the white border', 'remove the black bars'); each side on its own, "
                           "at most 45 % of the picture a side. Nothing plain: nothing is cropped, and the reply "
                           "says so.")
    border: Literal["white", "black"] | None = Field(
        None, description="With trim: the border's colour as the user named it ('trim the white border'); a "
                          "border of another colour is then left as it is, and the reply says what was found.")

    cut: dict[Literal["left", "right", "top", "bottom"], float] | None = Field(
        None, description="The share of the width (left, right) or height (top, bottom) cut off each side named, for "
                          "a side cropped when the photo's size is not known ('crop the bottom a little' → "
                          "{'bottom': 0.1}, 'crop off the top quarter' → {'top': 0.25}); each share above 0, and "
                          "what stays between two opposite sides above 0.")

    _box_is_ordered = field_validator("box")(_check_box)
    _aspect_ok = field_validator("aspect")(_check_aspect)

    @field_validator("cut")
    @classmethod
    def _cut_leaves_some(cls, cut: dict[str, float] | None) -> dict[str, float] | None:
        if cut is None:
            return None
        if not cut or any(not 0 < share < 1 for share in cut.values()):
            raise ValueError("each side's cut share must be above 0 and below 1")
        if cut.get("left", 0) + cut.get("right", 0) >= 1 or cut.get("top", 0) + cut.get("bottom", 0) >= 1:
            raise ValueError("the cuts from two opposite sides must leave some of the picture")
        return cut

    def cut_box(self, size: tuple[int, int]) -> tuple[int, int, int, int]:
        """The box `cut` leaves on a picture of `size`: each named side loses its share of the width or height, rounded
        to whole pixels, and at least one pixel stays each way. One reading of the field, for the planner (when it knows
        the size) and the executor alike."""
        cut = self.cut or {}
        width, height = size
        left, right = round(width * cut.get("left", 0.0)), round(width * cut.get("right", 0.0))
        top, bottom = round(height * cut.get("top", 0.0)), round(height * cut.get("bottom", 0.0))
        x0, y0 = min(left, width - 1), min(top, height - 1)
        return x0, y0, max(x0 + 1, width - right), max(y0 + 1, height - bottom)

    @model_validator(mode="after")
    def _trim_alone(self) -> "CropArgs":
        if self.cut is not None and (self.box is not None or self.aspect is not None or self.keep_selection
                                     or self.center_on_selection or self.subject or self.trim):
            raise ValueError("cut names the strips to crop off; it can't be combined with box, aspect, "
                             "keep_selection, center_on_selection, subject or trim")
        if self.trim and (self.box is not None or self.aspect is not None or self.keep_selection):
            raise ValueError("trim measures where to crop; it can't be combined with box, aspect or keep_selection")
        if self.center_on_selection and (self.box is not None or self.aspect is not None or self.keep_selection
                                         or self.trim):
            raise ValueError("center_on_selection finds the crop from the selection; it can't be combined with box, "
                             "aspect, keep_selection or trim")
        if self.subject and (self.box is not None or self.keep_selection or self.center_on_selection or self.trim):
            raise ValueError("subject finds the crop from the photo; it can't be combined with box, keep_selection, "
                             "center_on_selection or trim")
        if self.border is not None and not self.trim:
            raise ValueError("border names the colour of a border to trim; it needs trim")
        return self


MAX_ENHANCE_STRENGTH = 2.0


class EnhanceArgs(_Args):
    """Measure the picture and correct what is off — colour cast, exposure, contrast, noise, blur,
    haze, tilt — by the measured amount (docs/enhance.md). A part that measures fine is left alone."""

    parts: list[EnhancePart] | None = Field(
        None, min_length=1, max_length=len(get_args(EnhancePart)),
        description="Which corrections to consider; None = auto (all but straighten, which changes the framing, "
                    "and even_skin, which evens the colour of a selection: needs masked).")
    strength: float | None = Field(
        None, gt=0, le=MAX_ENHANCE_STRENGTH,
        description="1 = the measured correction; 0.5 'a little', 1.5 'a lot'.")
    keep_all: bool = Field(
        False, description="With straighten: grow the canvas and fill the corners instead of cropping, so "
                           "nothing of the picture is lost.")
    masked: bool = Field(False, description="Measure and correct only inside the current selection.")
    felt: list[Felt] | None = Field(
        None, min_length=1, max_length=2,
        description="The user's own reading of the photo ('it's too dark' → too_dark, 'it came out orange' → "
                    "too_warm): the exposure or colour moves only away from it, a little where it measures fine. "
                    "Needs the exposure part for too_dark/too_bright, white_balance for the colours (or auto).")

    @field_validator("parts")
    @classmethod
    def _parts_once(cls, parts: list[str] | None) -> list[str] | None:
        if parts is not None and len(set(parts)) != len(parts):
            raise ValueError("each part may be named once")
        return parts

    @model_validator(mode="after")
    def _straighten_fits(self) -> "EnhanceArgs":
        straighten = self.parts is not None and "straighten" in self.parts
        if self.keep_all and not straighten:
            raise ValueError("keep_all is for straighten: name the straighten part")
        if self.masked and straighten:
            raise ValueError("straighten turns the whole picture; it can't be masked")
        if self.parts is not None and "even_skin" in self.parts and not self.masked:
            raise ValueError("even_skin evens the colour inside a selection (the skin): it needs masked")
        for reading in self.felt or []:
            part = "exposure" if reading in EXPOSURE_FELT else "white_balance"
            if self.parts is not None and part not in self.parts:
                raise ValueError(f"felt {reading} is a reading of the {part.replace('_', ' ')}: name that part, "
                                 "or leave parts to auto")
        if self.felt and (len(set(self.felt)) != len(self.felt)
                          or any(OPPOSITE_FELT.get(a) == b or OPPOSITE_FELT.get(b) == a
                                 for a in self.felt for b in self.felt)):
            raise ValueError("felt readings must differ and can't be opposites (too_dark with too_bright)")
        return self


class HistoryArgs(_Args):
    action: Literal["undo", "redo", "revert"]
    steps: int = Field(1, ge=1, le=1000)
    version: int | None = Field(None, ge=0, le=100_000, description="For revert: the version to go back to.")


class SaveArgs(_Args):
    path: str = Field(min_length=1, max_length=4096,
                      description="As the user wrote it (a leading ~ is kept; the saver expands it).")

    @field_validator("path")
    @classmethod
    def _printable(cls, path: str) -> str:
        if _CONTROL.search(path) or not path.strip():
            raise ValueError("a file path can't contain control characters or be blank")
        return path


class _Call(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SelectCall(_Call):
    tool: Literal["select"] = "select"
    args: SelectArgs


class RegionCall(_Call):
    tool: Literal["region"] = "region"
    args: RegionArgs


class RefineMaskCall(_Call):
    tool: Literal["refine_mask"] = "refine_mask"
    args: RefineMaskArgs = Field(default_factory=RefineMaskArgs)


class InpaintCall(_Call):
    tool: Literal["inpaint"] = "inpaint"
    args: InpaintArgs


class OutpaintCall(_Call):
    tool: Literal["outpaint"] = "outpaint"
    args: OutpaintArgs = Field(default_factory=OutpaintArgs)


class AdjustCall(_Call):
    tool: Literal["adjust"] = "adjust"
    args: AdjustArgs = Field(default_factory=AdjustArgs)


class CropCall(_Call):
    tool: Literal["crop"] = "crop"
    args: CropArgs = Field(default_factory=CropArgs)


class EnhanceCall(_Call):
    tool: Literal["enhance"] = "enhance"
    args: EnhanceArgs = Field(default_factory=EnhanceArgs)


class HistoryCall(_Call):
    tool: Literal["history"] = "history"
    args: HistoryArgs


class SaveCall(_Call):
    tool: Literal["save"] = "save"
    args: SaveArgs


ToolCall = Annotated[
    Union[SelectCall, RegionCall, RefineMaskCall, InpaintCall, OutpaintCall,
          AdjustCall, CropCall, HistoryCall, SaveCall, EnhanceCall],
    Field(discriminator="tool"),
]


class Plan(BaseModel):
    """An ordered list of tool calls and the one-sentence reply shown to the user."""

    model_config = ConfigDict(extra="forbid")

    calls: list[ToolCall] = Field(default_factory=list, max_length=64)
    reply: str = Field("", max_length=2000)

    @property
    def edits_image(self) -> bool:
        """True when running the plan makes a new version (history and save moves do not)."""
        return any(call.tool not in ("history", "save") for call in self.calls)

    def tools(self) -> list[str]:
        return [call.tool for call in self.calls]


_PLAN_ADAPTER = TypeAdapter(Plan)


def plan_schema() -> dict:
    """The JSON schema every plan obeys — for `retouch plan --schema` and for LLM constraints."""
    return Plan.model_json_schema()


def parse_plan(text: str, source: str = "plan") -> Plan:
    """Read and validate a plan from JSON text; any problem is one readable RetouchError."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RetouchError(
            f"{source} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
            "Check the file, or print a valid example with: retouch plan \"remove the person\" --json",
        ) from None
    except (ValueError, RecursionError):  # nested thousands deep, or a number of 4,300+ digits
        raise RetouchError(f"{source} is not a plan (nested too deeply, or a number too long)",
                           "Check the file, or print a valid example with: retouch plan \"remove the person\" --json",
                           ) from None
    return validate_plan(data, source)


def validate_plan(data: object, source: str = "plan") -> Plan:
    """Validate plain data (e.g. an LLM's JSON) against the plan schema."""
    try:
        return _PLAN_ADAPTER.validate_python(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])[:120] or "top level"
        raise RetouchError(
            f"{source} does not match the plan schema at {where}: {first['msg']}",
            "See the schema with: retouch plan --schema",
        ) from None
