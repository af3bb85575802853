"""Talking to a chat model about a plan: the prompt, reading its answer, one repair, the fallback.

Both LLM backends — a GGUF file through llama-cpp-python (`llm_gguf`) and an OpenAI-compatible
server (`llm_http`) — are a `ChatPlanner`: they differ only in how one chat completion is made
(`_complete`). Everything else lives here, once:

- The system prompt lists the tools with their arguments, generated from the plan schema (so it
  never drifts from the contract), how common requests map to calls, and the house rules: only the
  edits that were asked for; an empty plan and an honest reply when no tool can do it.
- Few-shot examples are the rules planner's own plans for a handful of requests (none of them from
  the evaluation sets), serialised compactly — the model sees exactly the shape we validate. A
  refusal keeps only its first sentence, so the model doesn't learn to recite the tool list.
- The user message carries the `PlanningContext` (image size, selection, last edit) and the words.
- The words are cleaned first: terminal escape sequences and control characters go, whole, so no
  digit inside one reaches the model.
- The model's answer is only ever parsed as JSON and validated against the plan schema; nothing in
  it is executed or evaluated. A plan that fails validation — or that saves to a path, or reads a
  mask file, the user never named, inpaints with nothing selected, or does what the words don't ask
  for (a revert for "make it brighter": `word_check`) — goes back once with the error ("repair"); if
  the second answer fails too, or the model can't be reached, the rules planner's plan is used and
  the reply says so.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from retouch.agent.plan import Plan, plan_schema, validate_plan
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_text import strip_escapes
from retouch.agent.planner.word_check import unasked
from retouch.tools.errors import RetouchError

Status = Literal["ok", "repaired", "invalid", "error"]

TOOL_PURPOSE = {
    "select": "find things by name and make them the current mask",
    "region": "explicit geometry as the mask: a box, a side strip, a corner, a mask file, or a place next to the "
              "current selection (relation) for adding something there",
    "refine_mask": "grow, shrink, blur or invert the current mask",
    "inpaint": "regenerate the masked area for a task",
    "outpaint": "extend the canvas (pixels per side, an aspect like \"16:9\", or a zoom factor)",
    "adjust": "tone of the whole image (or of the selection with masked=true)",
    "enhance": "measure the photo and correct what is off (colour cast, exposure, contrast, noise, blur, haze, "
               "tilt) by the measured amount; parts null = auto",
    "crop": "crop to a box or aspect, cut a share off named sides (cut, e.g. {'bottom': 0.1}), rotate, flip, trim "
            "a plain border found by measuring (trim true), or put the selection in the middle "
            "(center_on_selection true)",
    "history": "undo, redo, or revert to a version",
    "save": "write the current version to a file",
}

HOW_REQUESTS_MAP = """\
How requests map to calls:
- remove X: select X, refine_mask, inpaint task "remove".
- remove everyone except X: select "person" with all true, select X with subtract true, refine_mask, inpaint task \
"remove".
- replace X with Y: select X, refine_mask, inpaint task "replace" with prompt "Y".
- change the colour of X to C: select X, refine_mask, inpaint task "recolor" with color "C".
- change or blur the background: select the main subject with exclude true, refine_mask, inpaint task \
"background" (background "blur", "white", … or "generate" with a prompt describing the new scene).
- add Y next to/on X: select X, region with relation (left_of, right_of, above, below, on, around), \
inpaint task "add" with prompt "Y".
- fix a hand or a face: select it, refine_mask, inpaint task "fix".
- brighter, darker, more contrast, more colourful, sharper, warmer: one adjust call with signed amounts \
(+0.3 more, -0.3 less).
- make it look better, enhance, touch up, colour correct, fix the lighting, too dark, orange cast, noisy, grainy, \
blurry, hazy, crooked horizon: one enhance call — parts null for a general fix, else the parts named \
(exposure, white_balance, denoise, sharpen, dehaze, straighten …); "a little" strength 0.5, "a lot" 1.5.
- trim the white border, remove the black bars or margins around the photo: one crop call with trim true \
(the border is measured; a frame or bars in the scene are a removal).
- bigger canvas: outpaint. Crop, rotate, flip: crop. Undo, redo, go back: history. Save as a file: save.
- "it", "this", "that" mean the current selection: when a selection is active, skip select."""

HOUSE_RULES = """\
Rules:
- Plan only the edits the user asked for, in their order. Never add an edit that was not asked for.
- target is a short noun taken from the request ("man", "car"); set position, ordinal, size, all only \
when the words say so. Leave out every setting the words do not give: defaults fill them.
- When no tool can do it — restyling as a painting or cartoon, removing rain or snow, moving \
or resizing an object, questions — answer {"calls": [], "reply": "<why, and what you \
can do instead>"}. Never guess an edit.
- reply is one short sentence that says what will happen."""

FEW_SHOT_REQUESTS = (
    ("remove the man on the left", PlanningContext()),
    ("swap the dog for a cat", PlanningContext()),
    ("make her dress red", PlanningContext()),
    ("blur the background", PlanningContext()),
    ("put a hat on the man", PlanningContext()),
    ("a bit brighter and more contrast please", PlanningContext()),
    ("extend the picture 256 px to the right", PlanningContext(image_size=(640, 480))),
    ("make it look like a van gogh painting", PlanningContext()),
)
"""Requests whose rules plans become the few-shot examples — none is from tests/data/i2ebench."""

FALLBACK_NOTES = {
    "invalid": "(The local model's answer was not a valid plan, so I used the built-in rules.)",
    "error": "(The local model {where} did not answer — {why} — so I used the built-in rules.)",
}
MAX_ANSWER_CHARS = 20_000


class ModelUnavailable(Exception):
    """The model could not be asked (server down, timeout, load failure): not the model's fault."""


@dataclass
class LLMResult:
    """One planning round with a chat model, for callers that want more than the plan."""

    plan: Plan
    status: Status
    """ok: first answer valid · repaired: second answer valid · invalid: both failed, rules used ·
    error: the model couldn't be asked, rules used."""
    answers: list[str] = field(default_factory=list)
    """The model's raw answers, in order (at most two)."""
    error: str = ""
    seconds: float = 0.0

    @property
    def from_model(self) -> bool:
        return self.status in ("ok", "repaired")


# ---- the prompt ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def constrained_schema() -> dict:
    """The plan schema as sent to a model's constrained decoder: the contract's own schema, with
    `tool` required in every call (pydantic reads it as the discriminator), `oneOf` as the plainer
    `anyOf` (the tool name tells the calls apart), both `calls` and `reply` required, and the
    keywords that grammar compilers handle badly left to validation afterwards: llama.cpp unrolls
    `maxLength: 2000` into a 2000-deep rule and reads `\\d` in a `pattern` literally. Titles and
    the discriminator hint are dropped."""
    schema = json.loads(json.dumps(plan_schema()))

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("title", "discriminator", "pattern", "maxLength"):
                node.pop(key, None)
            if "oneOf" in node:
                node["anyOf"] = node.pop("oneOf")
            if node.get("type") == "array" and "prefixItems" not in node and node.get("maxItems", 0) > 8:
                node.pop("maxItems")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    schema["required"] = ["calls", "reply"]
    for name, definition in schema["$defs"].items():
        if name.endswith("Call"):
            definition["required"] = ["tool", "args"]
    return schema


def _type_text(prop: dict) -> str:
    options = [p for p in prop.get("anyOf", [prop]) if p.get("type") != "null"]
    texts = []
    for option in options:
        if "enum" in option:
            texts.append("|".join(str(v) for v in option["enum"]))
        elif "const" in option:
            texts.append(json.dumps(option["const"]))
        elif option.get("type") == "array" and "prefixItems" in option:
            texts.append("[" + ", ".join(p.get("type", "?") for p in option["prefixItems"]) + "]")
        elif option.get("type") == "array":
            texts.append("list of " + _type_text(option.get("items", {})))
        elif option.get("type") in ("integer", "number") and ("minimum" in option or "maximum" in option):
            low = option.get("minimum", option.get("exclusiveMinimum", ""))
            high = option.get("maximum", option.get("exclusiveMaximum", ""))
            texts.append(f"{option['type']} {low}..{high}")
        else:
            texts.append(str(option.get("type", "any")))
    return " or ".join(texts) or "any"


@lru_cache(maxsize=1)
def tool_reference() -> str:
    """One block per tool: what it does and its arguments, generated from the plan schema."""
    defs = plan_schema()["$defs"]
    lines = []
    for call_name, call in defs.items():
        if not call_name.endswith("Call"):
            continue
        tool = call["properties"]["tool"]["const"]
        args = defs[call["properties"]["args"]["$ref"].split("/")[-1]]
        required = set(args.get("required", []))
        parts = []
        for name, prop in args["properties"].items():
            text = f"{name}{'' if name in required else '?'}: {_type_text(prop)}"
            if prop.get("description"):
                text += f" ({prop['description'].rstrip('.')})"
            parts.append(text)
        lines.append(f"- {tool}: {TOOL_PURPOSE.get(tool, '')}. args: " + "; ".join(parts))
    order = {name: i for i, name in enumerate(TOOL_PURPOSE)}
    return "\n".join(sorted(lines, key=lambda line: order.get(line[2:].split(":")[0], 99)))


def system_prompt() -> str:
    return (
        "You turn one request to edit a picture into a JSON plan for Retouch, an image editor.\n"
        'Answer with one JSON object: {"calls": [...], "reply": "..."}. Each call is '
        '{"tool": NAME, "args": {...}}; a "?" marks an optional argument.\n\n'
        f"Tools:\n{tool_reference()}\n\n{HOW_REQUESTS_MAP}\n\n{HOUSE_RULES}"
    )


def compact_plan(plan: Plan) -> dict:
    """The plan with every argument at its default left out: what a model should write."""
    return {"calls": [{"tool": call.tool, "args": call.args.model_dump(mode="json", exclude_defaults=True)}
                      for call in plan.calls],
            "reply": plan.reply}


def plan_json(plan: Plan) -> str:
    return json.dumps(compact_plan(plan), ensure_ascii=False, separators=(", ", ": "))


def describe_context(context: PlanningContext) -> str:
    parts = [f"Image: {context.image_size[0]}x{context.image_size[1]} px." if context.image_size
             else "Image: size unknown."]
    if context.has_selection:
        last = context.last_selection
        if last is not None:
            picked = json.dumps(last.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False)
            parts.append(f"A selection is active (last select args: {picked}).")
        else:
            parts.append("A selection is active.")
    else:
        parts.append("No selection.")
    if context.last_plan is not None and context.last_plan.calls:
        last_plan = json.dumps(compact_plan(context.last_plan)["calls"], ensure_ascii=False)
        parts.append(f"Last edit: {last_plan[:600]}")
    if context.version_count > 1:
        parts.append(f"Showing version {context.version} of {context.version_count - 1}.")
    return " ".join(parts)


def user_message(text: str, context: PlanningContext | None = None) -> str:
    return f"{describe_context(context or PlanningContext())}\nRequest: {text}"


@lru_cache(maxsize=1)
def few_shot_messages() -> tuple[dict, ...]:
    from retouch.agent.planner.rules import RulesPlanner

    rules = RulesPlanner()
    messages: list[dict] = []
    for text, context in FEW_SHOT_REQUESTS:
        plan = rules.plan(text, context)
        if not plan.calls:                         # a refusal's first sentence: the rest lists the tools again
            plan = Plan(calls=[], reply=plan.reply.split(". ")[0].rstrip(".") + ".")
        messages.append({"role": "user", "content": user_message(text, context)})
        messages.append({"role": "assistant", "content": plan_json(plan)})
    return tuple(messages)


def build_messages(text: str, context: PlanningContext | None = None) -> list[dict]:
    """System prompt, the few-shot pairs, then this request (the system part is identical for every
    request, so servers that cache a prompt prefix evaluate it once)."""
    return [{"role": "system", "content": system_prompt()}, *few_shot_messages(),
            {"role": "user", "content": user_message(text, context)}]


def repair_message(error: str) -> str:
    return (f"That answer is not a valid plan: {error}. Answer again with one JSON object that matches "
            'the schema — {"calls": [...], "reply": "..."} — and nothing else.')


# ---- reading an answer ---------------------------------------------------------------------------

_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$", re.I)


def answer_to_plan(answer: str, text: str, context: PlanningContext | None = None) -> Plan:
    """Parse and validate one model answer; every problem is a RetouchError whose message is what
    the repair request tells the model."""
    stripped = _FENCE.sub("", answer or "").strip()
    if not stripped:
        raise RetouchError("the answer was empty")
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):  # ValueError: JSONDecodeError, or an int over 4300 digits
        start, end = stripped.find("{"), stripped.rfind("}")
        try:
            data = json.loads(stripped[start:end + 1]) if 0 <= start < end else None
        except (ValueError, RecursionError):
            data = None
        if data is None:
            raise RetouchError("the answer is not JSON") from None
    if isinstance(data, dict) and isinstance(data.get("calls"), list):
        for call in data["calls"]:                 # the schema's discriminator: name it, don't guess it
            if isinstance(call, dict) and "tool" not in call:
                raise RetouchError("a call has no \"tool\"")
    plan = validate_plan(data, "the answer")
    _check_named_paths(plan, text)
    _check_masks(plan, context or PlanningContext())
    reason = unasked(plan, text)
    if reason is not None:
        raise RetouchError(reason)
    return plan


def _check_named_paths(plan: Plan, text: str) -> None:
    """A model may only write to, or read from, a file the user named in the request."""
    for call in plan.calls:
        path = call.args.path if call.tool == "save" else call.args.mask_path if call.tool == "region" else None
        if path and path not in text:
            raise RetouchError(f"the {call.tool} call uses the path {path!r}, which the request does not name")


def _check_masks(plan: Plan, context: PlanningContext) -> None:
    """refine_mask, inpaint, a masked adjust and a region placed relative to the selection work on
    the current mask: something must have selected it, earlier in the plan or before it (the
    context says so)."""
    selected = context.has_selection or context.last_selection is not None
    for call in plan.calls:
        if call.tool == "select" or (call.tool == "region" and call.args.relation is None):
            selected = True
        elif not selected and (call.tool in ("refine_mask", "inpaint", "region") or
                               (call.tool in ("adjust", "enhance") and call.args.masked)):
            raise RetouchError(f"the {call.tool} call has nothing selected to work on: put a select (or region) "
                               "call before it, or answer with no calls")


def describe_calls(plan: Plan) -> str:
    """A reply for a valid plan that came without one."""
    if not plan.calls:
        return "I can't do that with the tools I have."
    steps = []
    for call in plan.calls:
        if call.tool == "inpaint":
            steps.append(f"{call.args.task} ({call.args.prompt or call.args.color or 'inpaint'})")
        elif call.tool == "select":
            steps.append(f"select {call.args.phrase or call.args.target}")
        elif call.tool != "refine_mask":
            steps.append(call.tool)
    return "Planned: " + ", then ".join(steps) + "."


def _with_note(plan: Plan, note: str) -> Plan:
    reply = f"{plan.reply} {note}".strip()
    return Plan(calls=plan.calls, reply=reply if len(reply) <= 2000 else reply[:1999] + "…")


# ---- the planner ---------------------------------------------------------------------------------

def rules_planner() -> Any:
    """The rules planner the registry keeps for the process (one, shared)."""
    from retouch.agent import registry

    return registry.load("planner", "rules")


class ChatPlanner:
    """A planner backed by a chat model; subclasses make one completion in `_complete`."""

    name = "llm"

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        """With strict, a model that can't be asked raises RetouchError instead of falling back."""

    @property
    def where(self) -> str:
        """Names the model for the user: "at http://127.0.0.1:8080/v1", "in model.gguf"."""
        return ""

    def _complete(self, messages: list[dict]) -> str:
        """One chat completion constrained to `constrained_schema()`; ModelUnavailable when the model
        can't be asked."""
        raise NotImplementedError

    def plan(self, text: str, context: PlanningContext | None = None) -> Plan:
        return self.plan_detailed(text, context).plan

    def plan_detailed(self, text: str, context: PlanningContext | None = None) -> LLMResult:
        text = " ".join(strip_escapes(text if isinstance(text, str) else str(text)).split())
        context = context or PlanningContext()
        messages = build_messages(text, context)
        answers: list[str] = []
        error = ""
        start = time.perf_counter()
        try:
            for attempt in range(2):
                answer = self._complete(messages)[:MAX_ANSWER_CHARS]
                answers.append(answer)
                try:
                    plan = answer_to_plan(answer, text, context)
                except RetouchError as exc:
                    error = exc.message
                    messages = [*messages, {"role": "assistant", "content": answer},
                                {"role": "user", "content": repair_message(error)}]
                    continue
                if not plan.reply.strip():
                    plan = Plan(calls=plan.calls, reply=describe_calls(plan))
                return LLMResult(plan, "ok" if attempt == 0 else "repaired", answers, "",
                                 time.perf_counter() - start)
        except ModelUnavailable as exc:
            if self.strict:
                raise RetouchError(f"the local model {self.where} did not answer: {exc}",
                                   "Start the server or fix [backends.llm] in the config file.") from None
            note = FALLBACK_NOTES["error"].format(where=self.where, why=exc).replace("  ", " ")
            return LLMResult(_with_note(rules_planner().plan(text, context), note), "error", answers, str(exc),
                             time.perf_counter() - start)
        return LLMResult(_with_note(rules_planner().plan(text, context), FALLBACK_NOTES["invalid"]), "invalid",
                         answers, error, time.perf_counter() - start)
