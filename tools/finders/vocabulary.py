"""Which words the embedded finder understands, and the everyday objects an open-vocabulary
detector is asked about when listing what it can see.

The embedded models find people and body parts only; every word for a person ("the guy", "my
ex", "the kids") maps to `person`, and a few near-misses map to the part that contains them
("the shoes" → the feet, "the fingers" → the hands). Anything else is for a detector that
reads names (Grounding DINO).
"""

from __future__ import annotations

import re

EMBEDDED_LABELS = ("person", "face", "head", "hand", "foot", "arm", "leg")
"""What MediaPipe's shipped models let us find: selfie segmentation (people), face detection
(faces, heads), pose landmarks and the hand model (hands, feet, arms, legs)."""

INVENTORY_LABELS = ("person", "face", "hand", "foot")
"""What "I can see: …" lists for the embedded finder (heads, arms and legs follow from these)."""

_PERSON_WORDS = """
person people persons man men woman women boy boys girl girls kid kids child children guy guys lady
ladies gentleman gentlemen someone somebody anyone anybody everyone everybody human humans figure
individual stranger strangers tourist tourists photobomber photobombers bystander bystanders passerby
passersby pedestrian pedestrians ex husband wife boyfriend girlfriend partner spouse friend friends
buddy baby babies toddler toddlers teen teens teenager teenagers adult adults bride groom player players
worker workers subject model dude dudes bloke fella fellow chap gal mom mum mother dad father brother
sister son daughter cousin uncle aunt grandma grandpa grandmother grandfather coworker roommate folk
folks body bodies me myself him her them he she they us kiddo officer policeman policewoman
""".split()

_PART_WORDS = {
    "face": "face", "faces": "face", "visage": "face",
    "head": "head", "heads": "head",
    "hand": "hand", "hands": "hand", "fist": "hand", "fists": "hand", "palm": "hand", "palms": "hand",
    "finger": "hand", "fingers": "hand",
    "foot": "foot", "feet": "foot", "shoe": "foot", "shoes": "foot", "sneaker": "foot", "sneakers": "foot",
    "boot": "foot", "boots": "foot", "toe": "foot", "toes": "foot",
    "arm": "arm", "arms": "arm",
    "leg": "leg", "legs": "leg",
}

_SYNONYMS: dict[str, str] = {**{word: "person" for word in _PERSON_WORDS}, **_PART_WORDS}

_SIDE = re.compile(r"\b(left|right)\b")

COMMON_OBJECTS = (
    "person", "face", "hand", "dog", "cat", "bird", "horse", "car", "bicycle", "motorcycle", "bus",
    "truck", "boat", "airplane", "tree", "flower", "plant", "building", "window", "door", "chair",
    "table", "bench", "sofa", "bed", "bottle", "cup", "bag", "umbrella", "phone", "laptop", "book",
    "sign", "pole", "fence", "lamp",
)
"""The short list Grounding DINO is asked about for "I can see: …" (its text input holds ~256 tokens)."""


def embedded_label(target: str) -> str | None:
    """The embedded label for a target word ("the little girls" → "person"); None if it can't find it."""
    words = re.findall(r"[a-z][a-z'-]*", target.lower())
    words = [w.removesuffix("'s").removesuffix("s'") if w.endswith(("'s", "s'")) else w for w in words]
    for word in reversed(words):  # the head noun is last: "little girl", "left hand"
        if word in _SYNONYMS:
            return _SYNONYMS[word]
    return None


def own_side(phrase: str | None) -> str | None:
    """"left hand" → "left": the person's own side, for hands, feet, arms and legs."""
    if not phrase:
        return None
    match = _SIDE.search(phrase.lower())
    return match.group(1) if match else None
