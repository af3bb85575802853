"""The background: replace it, blur it, make it white / darker / transparent.

The subject (default "person", or the thing named: "blur the background behind the dog") is
selected with exclude=True and inpaint(background) regenerates the rest. "Change the background to
snow" → generate with prompt "snow"; "transform this image into a snowy scene" and "put us in
Paris" → generate too. "The people in the background" is a position, not the background.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_edits import _COLOR, _COLOR_PHRASE
from retouch.agent.planner.rules_remove import REMOVE_VERB
from retouch.agent.planner.rules_steps import Step, adjust, background_step, refusal, select
from retouch.agent.planner.rules_target import SCAFFOLD, Target, parse_target
from retouch.agent.planner.rules_lexicon import inflect, phrase_re
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_vocab import (
    ADD_VERBS, BACKGROUND_NOUNS, IMAGE_WORDS, REMOVE_VERBS, SCENE_WORDS, STYLE_WORDS,
)

_IMAGE = r"(?:image|picture|photo|photograph|pic|shot|scene|frame|graphic|snapshot|selfie|screenshot|img)"
_BG_NOUN = re.compile(rf"\b{phrase_re(BACKGROUND_NOUNS)}\b")
_BG_FOLLOW_OK = re.compile(
    rf"^(?:$|[,.;!?]|(?:to|into|with|for|of|so|and|but|then|please|behind|around|more|less|a|an|the|look|be|is|are|"
    rf"in|on|at|as|color|colou?r|entirely|completely|totally|only|instead|image|photo|from|by|it|into|{_COLOR}|"
    r"dark\w*|light\w*|bright\w*|blur\w*|white|black|transparent|plain|simple|solid|darker|lighter|"
    r"removed|gone|replaced|changed|needs|should|looks?|behind)\b)")
_BG_TRANSPARENT = re.compile(
    r"\btransparen\w*|\bno\s+background\b|\bpng\b|\bcut\s*out\b|\bisolat\w*|\bknock\s+out\b|\bcutout\b|"
    rf"\b(?:{phrase_re(REMOVE_VERBS)})\b")
_BG_BLUR = re.compile(r"\bblur\w*|\bbokeh\b|\bout\s+of\s+focus\b|\bdefocus\w*|\bsoft(?:en|er)?\b|\bdepth\s+of\s+field\b|"
                      r"\bportrait\s+mode\b|\bfuzzy\b|\bblurr\w*")
_BG_DARK = re.compile(r"\bdark(?:er|en\w*)?\b|\bdimm?(?:er)?\b|\bless\s+bright\b")
_BG_LIGHT = re.compile(r"\blight(?:er|en\w*)?\b|\bbright(?:er|en\w*)?\b")
_BG_DEST = re.compile(
    r"\b(?:to|into|with|for|as|by|:)\s+(?:be\s+|look\s+like\s+|depict\s+|show(?:case)?\s+|reflect\s+|resemble\s+|"
    r"portray\s+|illustrate\s+|evoke\s+|capture\s+|convey\s+|simulate\s+|represent\s+|feature\s+|have\s+|"
    r"something\s+like\s+|one\s+with\s+|like\s+)?(?P<dest>.+)$")
_BG_PRE = re.compile(rf"\b(?:a|an|some|new)\s+(?P<dest>[a-z][a-z' -]*?)\s+{phrase_re(BACKGROUND_NOUNS)}\b")
_BG_MAKE = re.compile(rf"\bmake\s+(?:the\s+|my\s+|its\s+|this\s+)?{phrase_re(BACKGROUND_NOUNS)}\s+(?P<dest>.+)$")
_BG_SUBJECT = re.compile(
    r"\b(?:behind|around|except|but\s+keep|keep|besides|of|from)\s+(?:the\s+|my\s+|this\s+|that\s+|our\s+|his\s+|"
    r"her\s+)?(?P<s>[a-z]+(?:\s+[a-z]+)?)")
_SCENE = re.compile(rf"\b{phrase_re(SCENE_WORDS)}\b")
_STYLE = re.compile(phrase_re(STYLE_WORDS))
_INTO_SCENE = re.compile(
    r"\b(?:transform|turn|change|convert|make|modify|alter|adapt|reimagine|rearrange|set|put|place|move|take|"
    r"transport)\w*\s+(?:this|the|my|our)?\s*(?:whole\s+)?(?:image|photo|picture|scene|pic|photograph|it|this|"
    r"elements(?:\s+in\s+this\s+\w+)?)\s+(?:in)?to\s+(?:look\s+like\s+)?(?P<dest>.+)")
_PUT_SUBJECT = re.compile(
    r"\b(?:put|place|move|take|transport|send)\s+(?P<s>me|us|him|her|them|my\s+\w+|the\s+\w+|this\s+\w+)\s+"
    r"(?:on|in|at|into|onto|to)\s+(?P<dest>.+)")
_DEST_GENERIC = re.compile(
    r"\s+(?:backdrop|background|setting|ambiance|ambience|atmosphere|environment|surroundings|vibe|backgrounds|"
    r"backdrops)\s*$")
_DEST_FILLER = re.compile(
    r"^(?:(?:a|an|the|some|something|like|be|to|look|looks|of|this|that|one|with|full|kind|sort)\s+)+|"
    r"\s+(?:instead|please|background|pic|photo|image|picture|photograph)\s*$")


def _bg_noun(low: str) -> re.Match[str] | None:
    """A background word that means the background itself, not 'the people in the background'."""
    for m in _BG_NOUN.finditer(low):
        before = low[:m.start()]
        if re.search(r"(?:image|photo|picture|pic)'s\s+$", before):
            continue
        if re.search(r"\b(?:in|at|into|of|from|towards?)\s+(?:the\s+)?(?:far\s+|very\s+)?$", before) and \
                not re.search(r"\b(?:colou?r|rest|part|area)\s+(?:of|in)\s+(?:the\s+)?$", before):
            continue
        if not _BG_FOLLOW_OK.match(low[m.end():].lstrip()):
            continue
        return m
    return None


def _subject(low: str) -> tuple[str, str]:
    for m in _BG_SUBJECT.finditer(low):
        word = m.group("s").split()[0]
        if word in IMAGE_WORDS or _BG_NOUN.match(word) or word in ("a", "an", "the", "this", "it", "view",
                                                                      "photo", "picture", "image", "focus"):
            continue
        if word in ("me", "us", "him", "her", "them", "myself", "subject", "model", "people"):
            return "person", "subject"
        target = parse_target(Words.of(m.group("s")))
        if target and target.target not in IMAGE_WORDS and not _SCENE.fullmatch(target.target):
            return target.target, target.display
    return "person", "subject"


def _dest(text: str) -> str:
    text = SCAFFOLD.sub(" ", text)
    text = re.split(r"\s+(?:and|but|while|so that)\s+(?:keep|leave|make|let)\b", text)[0]
    text = re.split(r"(?<=\w)\s+(?:for|so|because|since|to\s+(?:make|match|use)|like\s+in|which|that\s+(?:is|will))\b",
                    text)[0]
    text = _DEST_FILLER.sub("", " ".join(text.split()).strip(" ,.!?\"'"))
    text = _DEST_FILLER.sub("", text).strip(" ,.")
    if _DEST_GENERIC.search(" " + text) and len(text.split()) > 1:
        text = _DEST_GENERIC.sub(" scene", " " + text).strip()
    return text


_ADD_LEAD = re.compile(rf"^(?:[a-z]+ly\s+)?(?:{phrase_re(inflect(ADD_VERBS))})\b")
_GENERIC_BG = re.compile(r"\b(?:setting|environment|scenery|surroundings)\b")


def parse_background(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    noun = _bg_noun(low)
    if noun is not None and _ADD_LEAD.match(low) and not re.search(
            rf"\b(?:a|an|new)\s+(?:[a-z-]+\s+){{0,2}}{re.escape(noun.group(0))}", low):
        noun = None                                    # "place a boy on the sofa to enrich the setting"
    if noun is not None and _STYLE.search(low) and _GENERIC_BG.fullmatch(noun.group(0)):
        return None                                    # "into a cyberpunk-inspired setting" is a restyle
    if noun is None:
        if re.search(r"\bportrait\s+mode\b|\bbokeh\b", low):
            return background_step("person", "subject", "blur", "", say="blurring the background")
        m = _PUT_SUBJECT.search(low)
        if m and _SCENE.search(m.group("dest")) and not _STYLE.search(low):
            subject, display = _subject("of " + m.group("s"))
            prompt = _dest(clause.find_orig(m.group("dest")))
            return background_step(subject, display, "generate", prompt,
                                    say=f"putting the {display} in front of {prompt}")
        m = _INTO_SCENE.search(low)
        if m and _SCENE.search(m.group("dest")) and not _STYLE.search(low):
            prompt = _dest(clause.find_orig(m.group("dest")))
            return background_step("person", "subject", "generate", prompt,
                                    say=f"replacing the background with {prompt}")
        return None
    subject, display = _subject(low[:noun.start()] + " " + low[noun.end():])
    after = low[noun.end():]
    if re.search(r"\bblack\s*(?:and|&|n)\s*white\b|\bgr[ae]y\s*scale\b|\bmonochrome\b|\bdesaturat", low):
        return Step("adjust", [select(Target(subject, display, exclude=True)), adjust({"saturation": -1.0},
                                                                                         masked=True)],
                    "making the background black and white")
    removal = REMOVE_VERB.search(low)
    if removal and removal.start() < noun.start() or _BG_TRANSPARENT.search(low) and not _BG_DEST.search(after):
        return background_step(subject, display, "transparent", "",
                                say="removing the background (transparent)")
    dest = None
    for pattern, text in ((_BG_MAKE, low), (_BG_DEST, after), (_BG_PRE, low)):
        m = pattern.search(text)
        if m:
            offset = 0 if text is low else noun.end()
            dest = _dest(clause.orig[offset + m.start("dest"): offset + m.end("dest")])
            if dest:
                break
    dest_low = (dest or "").lower()
    for word, style in (("white", "white"), ("black", "black"), ("gray", "gray"), ("grey", "gray"),
                        ("transparent", "transparent")):
        if re.fullmatch(rf"(?:plain\s+|solid\s+|pure\s+|simple\s+)?{word}(?:\s+colou?r)?", dest_low):
            return background_step(subject, display, style, "", say=f"making the background {style}")
    if _BG_BLUR.search(low) and not dest_low or re.match(r"(?:more\s+)?(?:blurr?\w*|out of focus|bokeh)", dest_low):
        return background_step(subject, display, "blur", "", say="blurring the background")
    if not dest_low or re.fullmatch(r"(?:a\s+)?(?:bit\s+|little\s+|lot\s+|much\s+)?(?:dark\w*|dim\w*|light\w*|"
                                    r"bright\w*)", dest_low):
        if _BG_DARK.search(low):
            return background_step(subject, display, "darker", "", say="darkening the background")
        if _BG_LIGHT.search(low):
            return background_step(subject, display, "lighter", "", say="brightening the background")
    if not dest_low:
        if _BG_BLUR.search(low):
            return background_step(subject, display, "blur", "", say="blurring the background")
        return refusal("What should the new background be? For example \"change the background to a beach\", "
                       "\"blur the background\" or \"make the background white\".")
    if _COLOR_PHRASE.fullmatch(dest_low):
        dest = f"plain {dest} background"
    return background_step(subject, display, "generate", dest[:2000],
                            say=f"replacing the background with {dest}")
