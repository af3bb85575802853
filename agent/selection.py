"""Words → a mask, with nothing edited: `retouch mask`, `retouch.mask()` and the MCP `make_mask` tool.

The words go through the same planner and the same executor as an edit: the plan's `select` and
`region` calls (and a `refine_mask` with no edit after it) run exactly as they would inside
"remove the person on the left", so the mask returned here is the mask an edit would use. A plan
the planner only understands as an edit ("the person on the left" alone is not a request) is
read as "select …" and its edit dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from retouch.agent.plan import Plan
from retouch.tools.errors import RetouchError

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

    from retouch.agent.config import Config

_SELECT_VERBS = re.compile(r"^\s*(?:please\s+)?(?:select|mask|pick|choose|find|segment|outline|highlight|get)\b\s*",
                           re.IGNORECASE)


@dataclass(frozen=True)
class MaskResult:
    mask: "np.ndarray"
    """uint8, the image's height × width, 255 = selected (soft edges where the words asked to feather)."""
    summary: str
    """One line: what was selected and how much of the image, e.g. "selected the person: 21.4% …"."""
    plan: Plan
    """The selection steps that ran, settings resolved."""
    records: list[dict[str, Any]] = field(default_factory=list)
    """Per step: what the finder found and chose, boxes, seconds (what `retouch mask --json` shows)."""
    notes: list[str] = field(default_factory=list)
    """What the user should know, e.g. which of several matches a pick policy took."""

    @property
    def coverage(self) -> float:
        from retouch.tools.masks import coverage

        return coverage(self.mask)

    def save(self, path: str | Path, *, overwrite: bool = False) -> Path:
        """Write the mask as an image file (white = selected; format from the extension), atomically;
        an existing file is replaced only with `overwrite`. Returns where it went."""
        from retouch.agent.session import refuse_session_file
        from retouch.tools.imageio import check_output_path, mask_to_image, save_image

        target = check_output_path(path, overwrite=overwrite)
        refuse_session_file(target)  # a session's versions, masks and journal, as for any output
        return save_image(mask_to_image(self.mask), target, overwrite=overwrite)

    def tinted(self, image: "str | Path | Image.Image") -> "Image.Image":
        """`image` (the photo the mask was found in, or its path) with the selection tinted over it —
        what `retouch mask --overlay` writes."""
        from retouch.tools.imageio import load_image
        from retouch.tools.overlay import overlay

        photo = image if not isinstance(image, (str, Path)) else load_image(Path(image).expanduser())
        return overlay(photo, self.mask)


def find_mask(image: "Image.Image", words: str, *, finder: str | None = None, planner: str | None = None,
              config: "Config | None" = None, base_dir: Path | None = None) -> MaskResult:
    """Find what `words` describe in `image` ("the dog", "the person on the left", "the top third").

    Several matches for one named thing raise `AmbiguousTarget` unless the config's pick policy
    (`--pick`, or `pick =` in the config file) decides, exactly as in an edit."""
    from retouch.agent.builder import build_backends, build_planner
    from retouch.agent.config import load_config
    from retouch.agent.executor import Executor
    from retouch.agent.planner.base import PlanningContext

    words = words.strip()
    if not words:
        raise RetouchError("nothing to select", 'Say what to select, e.g. "the person on the left".')
    config = config or load_config()
    calls, reply = selection_calls(build_planner(planner, config), words, PlanningContext(image_size=image.size))
    calls = list(config.settings.apply(Plan(calls=calls)).calls)  # the pick policy, as an edit gets it
    result = Executor(build_backends(config, finder=finder)).run(calls, image, base_dir=base_dir or Path.cwd())
    mask = result.mask
    if mask is None or not mask.any():
        raise RetouchError(f"“{words}” selected nothing", "Name something in the photo, or describe an area.")
    from retouch.tools.masks import coverage

    return MaskResult(mask=mask, summary=describe(result.records, coverage(mask)),
                      plan=Plan(calls=calls, reply=reply), records=result.records, notes=list(result.notes))


def selection_calls(planner: Any, words: str, context: Any) -> tuple[list[Any], str]:
    """The select/region steps the planner makes of `words` (resolved by the policy), and its reply.

    Later selections add to earlier ones ("the dog and the cat" is one mask of both); a subtracted one ("everyone
    except the boy") is still taken out."""
    from retouch.agent.plan import RefineMaskCall, RegionCall, SelectCall
    from retouch.agent.policy import resolve_plan

    plan = planner.plan(words, context)
    if not plan.calls:
        plan = planner.plan("select " + _SELECT_VERBS.sub("", words), context)
    kept: list[Any] = []
    for index, call in enumerate(plan.calls):
        if isinstance(call, (SelectCall, RegionCall)):
            subtracts = isinstance(call, SelectCall) and call.args.subtract     # "… except the boy" stays taken out
            if kept and not subtracts and any(isinstance(c, (SelectCall, RegionCall)) for c in kept):
                call = call.model_copy(update={"args": call.args.model_copy(update={"add": True})})
            kept.append(call)
        elif isinstance(call, RefineMaskCall) and kept and not _edit_follows(plan.calls[index + 1:]):
            kept.append(call)
    if not kept:
        reason = plan.reply or "I don't know what to select"
        raise RetouchError(f"“{words}” doesn't name anything to select ({reason.rstrip('.')})",
                           "Name a thing (the person on the left, the dog) or an area (the left half).")
    resolved, _ = resolve_plan(Plan(calls=kept, reply=plan.reply))
    return list(resolved.calls), plan.reply


def pointing_refinements(planner: Any, words: str, context: Any) -> list[Any]:
    """What words said beside a selection made by pointing (`--point`, `--box`): nothing when they
    only point at it ("this", "it", "that one"), the `refine_mask` steps when they say how to change
    it ("grow it by 10 px"), resolved by the policy. Words that name something to select of their
    own ("the dog") are refused: the points already say what. `context` has `has_selection` set."""
    from retouch.agent.plan import RefineMaskCall, RegionCall, SelectCall
    from retouch.agent.policy import resolve_plan

    def names_a_thing(plan: Plan) -> bool:
        return any(isinstance(call, (SelectCall, RegionCall)) for call in plan.calls)

    plan = planner.plan(words, context)
    bare = _SELECT_VERBS.sub("", words)
    if names_a_thing(plan) or (not plan.calls and names_a_thing(planner.plan("select " + bare, context))
                               and names_a_thing(planner.plan("remove " + bare, context))):
        # "the dog" is read as something to find; "this one" only when asked to select it, not to remove it
        raise RetouchError(f"“{words}” names what to select, and so do the points",
                           "Point with --point/--box and say at most 'this', or name it without them.")
    kept = [call for index, call in enumerate(plan.calls)
            if isinstance(call, RefineMaskCall) and not _edit_follows(plan.calls[index + 1:])]
    return list(resolve_plan(Plan(calls=kept))[0].calls) if kept else []


def _edit_follows(calls: list[Any]) -> bool:
    from retouch.agent.plan import RegionCall, SelectCall

    for call in calls:
        if isinstance(call, (SelectCall, RegionCall)):
            return False
        if call.tool in ("inpaint", "outpaint", "adjust", "crop"):
            return True
    return False


def step_summaries(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{key: record[key] for key in ("tool", "args", "selection", "box", "seconds") if key in record}
            for record in records]


def describe(records: list[dict[str, Any]], share: float) -> str:
    """One line: what each step selected, and how much of the photo that is."""
    from retouch.tools.spatial import plural

    parts = []
    for record in records:
        if record["tool"] == "select":
            selection = record.get("selection", {})
            chosen = selection.get("chosen", [])
            found = selection.get("found", len(chosen))
            label = chosen[0]["label"] if chosen else record["args"]["target"]
            what = (f"all {found} {plural(label, found)}" if len(chosen) == found and found > 1
                    else f"{len(chosen)} of {found} {plural(label, found)}" if found > 1 else f"the {label}")
            if record["args"].get("exclude"):
                what = f"everything except {what}"
            if record["args"].get("subtract"):
                what = f"without {what}"
            parts.append(f"{what} ({selection.get('finder', '?')})")
        elif record["tool"] == "region":
            parts.append("a region" + (f" {record['box']}" if "box" in record else ""))
    return f"selected {', '.join(parts) or 'an area'}: {share:.1%} of the image"
