"""An ID photo wished for with no edit said: 'I need a passport photo', 'need a photo for my ID card', 'make this
passport-ready'.

Real posts ask for a passport or ID photo by what it is for and leave the edit to the editor (issue 20, gier27); the
editors of such posts gave the person a plain white backdrop. Here the wish is that background and a crop to
the passport shape (35:45) around the face, and the reply says both. Around the face, not the whole person: a
head-and-shoulders portrait fills its photo's width, so no 35:45 crop holds the whole person and a crop asked around
them was no crop at all (tried on the bundled portrait: 512×600 stayed 512×600, with a note); the largest 35:45 box that
holds the face always exists (`CropArgs.keep_selection`), and grows the canvas rather than cut the face. Only a clause that says nothing but the wish is
read so: 'make the background white for my passport', 'crop it for a passport' and 'make me slimmer for the passport'
name their edit and are read by its handler. Beside another edit in the same request ('change the background to white.
It is for an ID card.') the ID photo is what the edits are for: they are done, and the shape is offered, not forced.
"""

from __future__ import annotations

import re

from retouch.agent.plan import CropArgs, CropCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step, background_step, select
from retouch.agent.planner.rules_target import Target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import FORMATS, ID_WISH_WORDS

_ID_DOCUMENT = rx(r"\b(?:{ID_DOCUMENTS})\b|\bfor\s+(?:(?:a|an|my|the|his|her|our|their|new)\s+)*id\s*[.!?)]*$")
"""A passport, visa or ID document named — 'ID' alone only when it closes the clause after 'for my' ('a photo for my
ID'), never a typed 'I'd'."""
_WORD = re.compile(r"[a-z]+")
_TOLD_AFTER = re.compile(r"\s*[,;:(]\s*(?:(?:and|but|so)\s+)?(?:this|that|it|it's|which|because|as|since|there|i|i'm|we|he|"
                         r"she|they)\b")
"""Where what is told about the photo starts, after the wish ('a visa photo for work*, and it's the one good shot we
have*'): the wish is read up to there — not an edit said after a comma ('a passport photo, grey background')."""
PASSPORT_ASPECT = dict(FORMATS)["passport photo"]
ID_PHOTO_SAY = ("giving the person a plain white background and cropping around the face to a passport photo's "
                f"{PASSPORT_ASPECT} shape (an ID photo)")
ID_PHOTO_PURPOSE_NOTE = ("(Noted that it is for an ID photo; to have it cropped around the face to a passport's "
                         f"{PASSPORT_ASPECT} as well, say “crop it to a passport photo”.)")


def id_photo_cue(low: str) -> bool:
    """Whether the words name an ID document — the cheap test before the clause is read whole."""
    return bool(_ID_DOCUMENT.search(low))


def wishes_only_an_id_photo(low: str) -> bool:
    """Whether the clause is the wish for an ID photo and nothing else: the document named, and every other word one a
    wish is said in ('I need', 'the kid's photo', 'suitable for', '-ready') — an edit word makes it that edit's. What is
    told after a comma ('…, and it's the one shot we have') is no edit."""
    document = _ID_DOCUMENT.search(low)
    told = _TOLD_AFTER.search(low, document.end()) if document else None
    rest = _ID_DOCUMENT.sub(" ", low[:told.start()] if told else low)
    return all(word in ID_WISH_WORDS or word == "s" for word in _WORD.findall(rest))


def parse_id_photo(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The ID photo made: the person kept in front of a plain white background, then the largest 35:45 box that holds
    their face."""
    if not id_photo_cue(clause.low) or not wishes_only_an_id_photo(clause.low):
        return []
    step = background_step("person", "the person", "white", "", say=ID_PHOTO_SAY)
    step.calls += [select(Target("face", "face")), CropCall(args=CropArgs(aspect=PASSPORT_ASPECT, keep_selection=True))]
    return [step]


def id_photo_as_a_purpose(steps: list[Step]) -> list[Step]:
    """An ID photo wished beside other edits ('make the background grey. Need it for my work ID'): the edits said are
    what it is for — they are done, and the passport crop is offered in a note, not added."""
    wished = [step for step in steps if step.say == ID_PHOTO_SAY]
    if not wished or not any(step.calls and step.say != ID_PHOTO_SAY for step in steps):
        return steps
    return [step for step in steps if step.say != ID_PHOTO_SAY] + [Step("noted", note=ID_PHOTO_PURPOSE_NOTE)]
