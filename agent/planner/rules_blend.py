"""Two pictures blended into one: 'blend these two photos together', 'merge the cat into my birthday card'.

Real posts ask for a blend of two pictures and got "I'm not sure what to change" (issue 20, gier27). The planner sees
one picture, so no tool can bring the other in: the honest answer is a decline that says what can be done instead —
a new background, a thing described in words, or a pasted-in part's colour and exposure corrected ('make the dog
blend in', read by the enhance handler). A blend inside this photo is not this: 'blend her in with the ocean' after a
removal, 'make him blend in better', 'blend the background' are read by their own handlers.
"""

from __future__ import annotations

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step, refusal
from retouch.agent.planner.rules_text import Settings, Words

_JOIN_VERB = rx(r"\b(?:{PICTURES_JOINED_VERBS})\b")
_TWO_PICTURES = rx(r"\b(?:{PICTURES_JOINED_VERBS})\s+(?:(?:these|those|the|my|our|both|two|2|of)\s+)+"
                   r"(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS})s\b")
"""'blend *these two photos*', 'merge *both pictures*', 'combine my pics' — pictures, more than one."""
_INTO_A_PICTURE = rx(r"\b(?:{PICTURES_JOINED_VERBS})\s+(?!(?:in|out|away|better|well|more|nicely|seamlessly)\b)"
                     r"(?:[\w'-]+\s+){1,5}?(?:in\s+)?(?:into|onto|in\s+to|with)\s+"
                     r"(?:(?:this|that|the|my|our|a|an|his|her|their)\s+)*(?:[\w'-]+\s+){0,2}?"
                     r"(?:{JOINED_INTO_PLACES}|(?:another|other|second|different)\s+(?:{PICTURE_NOUNS}))\b")
"""'fold *my cat into the birthday card*', 'merge my face with the group photo', 'combine her with another
picture': a thing from another picture put into this one (not 'blend the leaf better with the photo', this photo)."""
BLEND_NOTE = ("I can't blend two pictures into one — I only see this one, so nothing from another picture can come in (a "
              "composite). I can change the background (“change the background to a snowy street”), add a thing "
              "described in words (“add a dog on the left”), or correct the colour and light of a part already pasted "
              "in (“make the dog blend in”).")


def pictures_joined(low: str) -> bool:
    """Whether the words ask two pictures made one: two photos blended, or a thing blended into another picture."""
    return bool(_JOIN_VERB.search(low)) and bool(_TWO_PICTURES.search(low) or _INTO_A_PICTURE.search(low))


def parse_pictures_joined(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The blend of two pictures declined, with what can be done instead."""
    return [refusal(BLEND_NOTE)] if pictures_joined(clause.low) else []
