"""Selection on its own: "select the dog", "mask the person on the left", "highlight the faces".

A selection is a step in its own right — the chat tints it, `retouch mask` saves it, and the next
request ("remove it", "make it red") acts on it. Only an explicit selecting verb leads here, so
"the dog" alone is not mistaken for a request.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_steps import Step, ask, refusal, region, select
from retouch.agent.planner.rules_target import SCAFFOLD, Target, parse_target, slash_items
from retouch.agent.planner.rules_clauses import split_list
from retouch.agent.planner.rules_text import Settings, Words

_SELECT_LEAD = rx(r"^(?:please\s+)?{SELECT_VERBS}\s+(?:(?:only|just)\s+)?")
_ABSTRACT = rx(r"^(?:the\s+)?{ABSTRACT_NOUNS}\b")
_ALSO = re.compile(r"\b(?:too|as well|also)\s*$")
_BACKGROUND = rx(r"^(?:the\s+)?{EVERYTHING_ELSE}$")
_ANOTHER = re.compile(r"^(?:also|another)\b")
_WHOLE_PHOTO = rx(r"^(?:(?:the|this|my)\s+)?(?:(?:{WHOLE_WORDS})\s+(?:{IMAGE_WORDS})|everything)$")
"""'select the entire image', 'select everything': the whole photo is what every edit acts on when nothing is
selected — no thing for a finder to look for (it looked for a thing called 'image')."""
WHOLE_PHOTO_NOTE = "With nothing selected, every edit acts on the whole photo, so there is nothing to select."


def parse_select(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    lead = _SELECT_LEAD.match(clause.low)
    if lead is None:
        return []
    rest = clause.slice(lead.end(), len(clause.low)).strip()
    if _ABSTRACT.match(rest.low):  # "highlight the beauty of …" is a wish about the look, not a selection
        return []
    add = bool(_ALSO.search(rest.low)) or bool(_ANOTHER.match(rest.low))
    if not SCAFFOLD.sub(" ", rest.low).strip(" ,.!?"):
        return [refusal("What should I select? Name it, e.g. \"select the person on the left\".")]
    if _WHOLE_PHOTO.match(rest.low.strip(" ,.!?")) and not ctx.has_selection:
        return [Step("noted", note=WHOLE_PHOTO_NOTE)]
    if _BACKGROUND.match(rest.low.strip(" ,.!?")):
        # The background is whatever is not the subject; people are the subject we can always find.
        people = Target("person", "people", all=True, exclude=True)
        return [Step("select", [select(people, add=add)], "selecting the background")]
    found = parse_region(rest, ctx.image_size)
    if found:
        fields, name = found
        if "problem" in fields:
            return [ask(fields["problem"])]
        return [Step("select", [region(fields, add=add)], f"selecting {name}")]
    calls, names = [], []
    for index, part in enumerate(item for listed in split_list(rest) for item in slash_items(listed)):
        target = parse_target(part, clause)
        if target is None or target.pronoun:
            continue
        calls.append(select(target, add=add or index > 0))
        names.append(target.describe())
    if not calls:
        return []
    return [Step("select", calls, "selecting " + " and ".join(names))]
