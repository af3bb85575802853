"""Clothing taken off someone, or someone shown undressed: declined, whoever plans it.

Removing what a person wears over the body asks the fill to show a body the photo never had — with a diffusion
backend, a made-up nude of a real person. No other edit here depends on it, and a user who wants another look can
change the garment instead ("make her shirt blue", "replace his shirt with a suit"). The rules planner refuses it
(`rules_unsupported.parse_undressing`), and the word check every LLM plan passes (`word_check.unasked`) rejects a
plan that inpaints when the words ask it, so neither planner can produce it. Its own module, so the word check reads
one pattern without importing the rules planner.

A worn thing is one said to be someone's ('her dress', 'the bride's top'), taken off someone ('the shirt off him'),
or wished away ('without his shirt'); a thing lying about ('the shirt on the chair', 'the stain on her shirt', 'the
logo on his top') is not.
"""

from __future__ import annotations

from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_vocab import UNDRESSED_WORDS, WORN_COVERINGS

_WORN = r"(?:{WORN_COVERINGS})(?:s|es)?"
_HEAD_ENDS = r"(?=\s*$|\s*[.,!?;:)]|\s+(?:and|off|from|so|too|please|pls|completely|entirely|fully|as\s+well|for\s+me)\b)"
_OWNER = r"(?:(?:{WEARERS})|(?:the|this|that)\s+[\w-]+'s|[\w-]+'s)"

UNDRESSING = rx(
    r"\b(?:{REMOVE_VERBS})\s+(?:all\s+(?:of\s+)?)?" + _OWNER + r"\s+(?:[\w'-]+\s+){0,2}?" + _WORN + _HEAD_ENDS
    + r"|\b(?:take|get|pull|rip|tear|strip)\s+" + _OWNER + r"\s+(?:[\w'-]+\s+){0,2}?" + _WORN + r"\s+off\b"
    + r"|\b(?:{REMOVE_VERBS}|take|get|pull|rip|tear|strip)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?" + _WORN
    + r"\s+(?:off|from)\s+(?:of\s+)?(?:{PEOPLE_OBJECT_PRONOUNS}|the\s+(?:{PERSON_WORDS}))\b"
    + r"|\b(?:without|with\s+no|minus)\s+(?:any\s+|(?:{WEARERS})\s+)?" + _WORN + _HEAD_ENDS
    + r"|\b(?:{REMOVE_VERBS})\s+(?:all\s+(?:of\s+)?)?(?:the\s+)?(?:{WORN_CLOSEST})(?=\s*$|\s*[.!?]|\s+(?:please|pls)\b)"
    + r"|\b(?:undress|unclothe|disrobe)\w*|\b(?:{UNDRESSED_WORDS})\b(?!\s+eyes?\b)"
    + r"|\b(?:make|get|have|leave|show|turn)\s+(?:{PEOPLE_OBJECT_PRONOUNS}|the\s+(?:{PERSON_WORDS}))\s+"
      r"(?:look\s+|appear\s+|seem\s+)?(?:completely\s+|totally\s+|fully\s+)?nude\b"
    + r"|\bsee\s+(?:through|under)\s+(?:{WEARERS})\s+" + _WORN
    + r"|\bstrip\s+(?:{PEOPLE_OBJECT_PRONOUNS}|the\s+(?:{PERSON_WORDS}))\b(?!\s+of\b)"
)
"""'remove her shirt', 'take his trousers off', 'erase the clothes off him', 'her without her top', 'undress him',
'make her look nude', 'strip them', 'remove the underwear' (`WORN_CLOSEST` needs no owner when it is all that is
named) — never 'remove the clothes from the grass', 'remove the clothes and shoes', 'remove the shirt on the chair',
'remove the stain from her shirt' (the head is the stain), 'strip the paint off the wall' or 'make the lips nude'."""

_CUE_WORDS = frozenset({phrase.split()[-1][:4] for phrase in (*WORN_COVERINGS, *UNDRESSED_WORDS)}
                       | {"strip", "undress", "unclothe", "disrob", "nude"})
"""A stem of every word the pattern needs one of (the last word of each phrase, cut to four letters)."""

UNDRESSING_NOTE = ("I won't take off clothes someone is wearing or show anyone undressed; I can change what they wear "
                   "(“make her shirt blue”, “replace his shirt with a suit”), remove a thing, or fix the light.")


def undresses(low: str) -> bool:
    """Whether the lowercase words ask for clothing to be taken off someone (a substring cue first: most requests
    name no garment, and the pattern is long)."""
    return any(word in low for word in _CUE_WORDS) and UNDRESSING.search(low) is not None
