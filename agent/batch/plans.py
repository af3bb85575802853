"""Planning the instruction file once for every image.

Each line is planned in order, with a planning context that follows what the earlier lines will
have done ("select the person" makes "remove it" mean the selection), but without an image size:
the plan has to fit every photo. Lines that need one size (cropping a strip in pixels) get the
planner's own refusal, which stops the batch before any image is touched.
"""

from __future__ import annotations

from retouch.agent.batch.spec import Step
from retouch.agent.plan import Plan, SaveCall, SelectCall
from retouch.agent.planner.base import Planner, PlanningContext
from retouch.agent.policy import resolve_plan
from retouch.tools.errors import RetouchError

_SELECTING = ("select", "region", "refine_mask")


def plan_requests(planner: Planner, requests: list[tuple[int, str]], *, source: str) -> list[Step]:
    """Plan every line once; a line the planner cannot map, or one that saves, stops the batch here."""
    context = PlanningContext()
    steps = []
    changes = False
    for number, words in requests:
        plan = planner.plan(words, context)
        where = f"{source} line {number} ({words!r})"
        if not plan.calls:
            raise RetouchError(f"{where}: {plan.reply or 'I do not know how to do that'}",
                               "Every line is planned once for all images, without an image size; "
                               "rephrase it (a ratio or a share of the picture rather than pixels).")
        if any(isinstance(call, SaveCall) for call in plan.calls):
            raise RetouchError(f"{where} saves a file", "The batch writes each result into OUTDIR; drop that line.")
        steps.append(Step(line=number, words=words, plan=plan.model_dump(mode="json")))
        context = _after(context, plan)
        changes = changes or _changes_pixels(plan)
    if not changes:
        raise RetouchError(f"{source} only selects, so no image would change",
                           "Say what to do with the selection, e.g. 'remove it'.")
    return steps


def _changes_pixels(plan: Plan) -> bool:
    return any(call.tool not in (*_SELECTING, "history", "save") for call in plan.calls)


def _after(context: PlanningContext, plan: Plan) -> PlanningContext:
    """The context the next line will meet, as `Agent.context()` would derive it from the session."""
    edits = [call for call in plan.calls if call.tool not in ("history", "save")]
    if not edits:
        return context
    selects = [call.args for call in edits if isinstance(call, SelectCall)]
    changed = _changes_pixels(plan)
    has_selection = context.has_selection or any(call.tool in _SELECTING for call in edits)
    if edits[-1].tool == "outpaint":
        has_selection = False  # the old selection no longer lines up with the new canvas
    return PlanningContext(
        image_size=None, has_selection=has_selection, fresh_selection=has_selection and not changed,
        last_selection=selects[-1] if selects else context.last_selection,
        last_plan=resolve_plan(Plan(calls=edits, reply=plan.reply))[0] if changed else context.last_plan,
        version=context.version + changed, version_count=context.version_count + changed)
