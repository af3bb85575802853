"""Edits on the whole picture: tone, restoration, canvas, geometry, history, saving, refusals.

These handlers need no object name. Tone words ("a bit brighter", "much less saturated") become
signed `adjust` amounts; restoration requests become an adjust where one helps (blur → sharpness,
haze → contrast and saturation, low light → brightness) and an honest "can't" where none does
(noise, rain, falling snow); canvas words become `outpaint` (sizes, ratios, named formats such as
"a Facebook cover"); and what the tools cannot do at all — restyling, face swaps, writing text —
gets a plan with no calls and a reply saying what is possible instead.
"""

from __future__ import annotations

import re

from retouch.agent.plan import CropArgs, CropCall, HistoryArgs, HistoryCall, SaveArgs, SaveCall
from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_remove import REMOVE_VERB, removal_np
from retouch.agent.planner.rules_steps import Step, adjust, refusal
from retouch.agent.planner.rules_region import parse_region
from retouch.agent.planner.rules_target import parse_target
from retouch.agent.planner.rules_text import Words, number, phrase_re
from retouch.agent.planner.rules_vocab import ASPECT_WORDS, FORMATS, STYLE_WORDS

CAPABILITIES = ("I can remove, replace, recolour or add objects, fix hands and faces, change or blur the "
                "background, extend the canvas, crop/rotate/flip, and adjust brightness, contrast, "
                "saturation, sharpness and warmth.")

# ---- history and saving -------------------------------------------------------------------------

_COUNT = r"(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|twice|thrice)"
_REVERT_ORIGINAL = re.compile(
    r"\b(?:go(?:ing)?\s+back|revert\w*|return|reset|restore|roll\s*back|jump\s+back|switch\s+back|back|undo)\s+"
    r"(?:all\s+the\s+way\s+)?(?:to\s+)?(?:the\s+|my\s+)?(?:original|start|beginning|first\s+version|initial|"
    r"unedited|raw|source|very\s+first)\b|\bstart\s+(?:over|again|from\s+scratch|fresh)\b|^reset\b"
    r"|\bundo\s+(?:everything|all(?:\s+(?:the|my)\s+)?(?:edits|changes)?)\b|\bshow\s+(?:me\s+)?the\s+original\b")
_REVERT_N = re.compile(
    r"\b(?:go(?:ing)?\s+back|revert\w*|return|restore|roll\s*back|jump\s+back|switch\s+back|back|show(?:\s+me)?|"
    r"use|load)\s+(?:to\s+)?(?:version|v|step|edit|number|#)\s*#?\s*(?P<n>\d{1,4})\b"
    r"|\b(?:go\s+back|revert|jump\s+back|roll\s*back)\s+to\s+(?P<m>\d{1,4})\b")
_UNDO = re.compile(
    r"^(?:undo|ctrl\s*\+?\s*z|cmd\s*\+?\s*z|go\s+back|step\s+back|take\s+(?:that|it)\s+back|revert|roll\s*back|"
    r"back|un-?do)\b(?P<rest>.*)$|\b(?:undo|revert)\s+(?:that|it|this|the\s+last\b.*)$|^that'?s\s+(?:worse|wrong)")
_REDO = re.compile(r"^(?:redo|re-do|ctrl\s*\+?\s*(?:y|shift\s*\+?\s*z))\b(?P<rest>.*)$")
_SAVE = re.compile(
    r"\b(?:save|export|write|download|store|output)\w*\b(?:\s+(?:it|this|that|the\s+(?:image|result|picture|photo|"
    r"edit|file|output)))?(?:\s+(?:as|to|in|into|under))?(?:\s+(?:a\s+)?(?:file\s+)?(?:called|named))?\s*"
    r"(?P<path>[\"']?[\w~./\\-]+\.(?:png|jpe?g|webp|tiff?|bmp|gif)[\"']?)?")

_NAMED_PATH = re.compile(r"(?P<path>[\"']?[\w~./\\-]*[~./\\][^\s\"']*[\"']?)")
"""Where `_SAVE` stopped: any path-like word (one with a slash, dot or tilde) it left out."""


def _count(rest: str) -> int:
    m = re.search(_COUNT + r"(?:\s+(?:times|steps|edits|changes|more))?", rest)
    if not m:
        return 1
    word = m.group("n")
    value = {"twice": 2, "thrice": 3}.get(word) or number(word) or 1
    return int(min(1000, max(1, value)))


def parse_history(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low.strip(" .!")
    if _REVERT_ORIGINAL.search(low):
        return Step("history", [HistoryCall(args=HistoryArgs(action="revert", version=0))],
                    "going back to the original")
    m = _REVERT_N.search(low)
    if m:
        version = int(m.group("n") or m.group("m"))
        return Step("history", [HistoryCall(args=HistoryArgs(action="revert", version=version))],
                    f"going back to version {version}")
    m = _REDO.match(low)
    if m:
        steps = _count(m.group("rest"))
        return Step("history", [HistoryCall(args=HistoryArgs(action="redo", steps=steps))],
                    "redoing the last undone edit" if steps == 1 else f"redoing {steps} edits")
    m = _UNDO.search(low)
    if m and not re.search(r"\b(?:and|then)\b", m.group("rest") or ""):
        rest = m.group("rest") or ""
        if re.search(r"\b(?:to|version)\b", rest):
            return None
        steps = _count(rest)
        return Step("history", [HistoryCall(args=HistoryArgs(action="undo", steps=steps))],
                    "undoing the last edit" if steps == 1 else f"undoing the last {steps} edits")
    return None


def parse_save(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    m = _SAVE.search(low)
    if not m or not (m.group("path") or re.match(r"^(?:save|export|download)\b", low.strip())):
        return None
    if re.search(r"\b(?:save|keep)\s+(?:the\s+)?(?:colou?rs?|details?|face|person|him|her)\b", low):
        return None
    named = None if m.group("path") else _NAMED_PATH.match(low, m.end())
    if m.group("path"):
        path = clause.orig[m.start("path"):m.end("path")].strip("\"'")
    elif named:
        # A path the user named but we can't write (/etc/passwd, notes.txt, ~/Desktop) goes to the
        # save as given, so it is refused with the reason — never swapped for ./edited.png.
        path = clause.orig[named.start("path"):named.end("path")].strip("\"'").rstrip(".,;!?")
    else:
        fmt = re.search(r"\b(png|jpe?g|webp|tiff?)\b", low)
        path = f"edited.{fmt.group(1) if fmt else 'png'}"
    return Step("save", [SaveCall(args=SaveArgs(path=path[:4096]))], f"saving the result as {path}")


# ---- restoration --------------------------------------------------------------------------------

_HAZE = re.compile(r"\b(?:haze|hazy|haziness|dehaz\w*|de-haz\w*|fog|foggy|fogginess|defog\w*|unfog\w*|mist|misty|"
                   r"mistiness|smog\w*|uncloud\w*|atmospheric\s+(?:blur|haze|interference|distortion|obstruction)|"
                   r"visibility)\b")
_BLUR = re.compile(r"\b(?:blurr\w*|deblur\w*|de-blur\w*|unblur\w*|fuzz\w*|out[\s-]of[\s-]focus|unfocused|"
                   r"soft[\s-]focus|softness|smudg\w*|smear\w*|motion\s+blur|camera\s+shake|shaky|"
                   r"distortions?|blur(?!\s+(?:the|out|it|this|his|her|their|my|everything|that|him|them|all)\b))\b")
_NOISE = re.compile(r"\b(?:noise|noisy|denois\w*|de-nois\w*|grain|grainy|graininess|speckl\w*|"
                    r"(?:jpe?g|compression)\s+artifacts?|static)\b")
_RAIN = re.compile(r"\b(?:rain|rains|rainy|raindrops?|rainfall|rainwater|rain\s+streaks?|drizzl\w*|precipitation|"
                   r"wetness|wet\s+(?:weather|atmosphere|element|influence|backdrop|setting|aura|look)|watery|"
                   r"water\s+droplets?|droplets?|downpour)\b")
_SNOW = re.compile(r"\b(?:snow|snowy|snowfall|snowflakes?|snowstorm|snow[\s-]covered|blizzard|sleet)\b")
_LOWLIGHT = re.compile(r"\b(?:too\s+dark|underexposed|under-exposed|low[\s-]?light|dimly\s+lit|not\s+bright\s+enough|"
                       r"night\s+shot|dark\s+photo)\b")
_RESTORE_CUE = re.compile(
    r"\b(?:reduce|less|lower|minimi[sz]e|fix|correct|lift|improve|restore|enhance|clarify|cleanse|purify|"
    r"decontaminate|detoxify|liberate|polish|fight|combat|cut|tackle|handle|deal\s+with|counter|free|"
    r"too|-free|free\s+of|without|no|clean|clear|sharpen|unveil|uncover|dissipate|dissolve|lift|banish|"
    r"resurrect|unmask|bring|deveil|sweep|extract|optimi[sz]e|better|remove\w*|eliminat\w*|erase|get\s+rid)\b"
    r"|\bde-?(?:haz|blur|nois|fog)|\bun(?:fog|blur|cloud)|-free\b")
_CONDITION_TARGETS = frozenset({"snow", "snowfall", "snowflake", "rain", "raindrop", "rainfall", "drizzle",
                                "precipitation", "wetness", "droplet", "noise", "grain", "haze", "fog", "mist",
                                "smog", "blur", "blurriness", "fuzziness", "fuzz", "haziness", "mistiness",
                                "rainwater", "snowstorm", "blizzard", "graininess", "smudge", "softness"})
_GENERIC = frozenset({"area", "part", "portion", "section", "element", "detail", "streak", "particle", "drop",
                      "overlay", "effect", "atmosphere", "ambiance", "ambience", "mood", "feel", "presence",
                      "influence", "interference", "backdrop", "setting", "aura", "look", "appearance", "veil",
                      "layer", "view", "shroud", "obstruction", "distortion", "weather", "spot", "bit", "flake",
                      "trace", "edge", "region", "splatter", "shadow", "background", "image", "picture", "photo",
                      "scene", "it", "this", "thing", "stuff", "elements", "object", "sections", "disturbance",
                      "artifact", "quality", "visibility", "clarity", "focus", "sharpness", "palette",
                      "distraction", "disruption", "imperfection", "content", "feature", "beauty", "removal"})
_RESTORE_NOTE = ("I can't remove {what} across the whole picture yet — that needs a restoration model. "
                 + "I can remove a named object, or adjust brightness, contrast, saturation and sharpness.")


def _condition_kind(low: str) -> str | None:
    for kind, pattern in (("noise", _NOISE), ("rain", _RAIN), ("snow", _SNOW), ("haze", _HAZE), ("blur", _BLUR)):
        if pattern.search(low):
            return kind
    return None


def parse_condition(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    kind = _condition_kind(low)
    if kind is None:
        if _LOWLIGHT.search(low):
            return Step("adjust", [adjust({"brightness": 0.35})], "brightening the image (+0.35)")
        return None
    np = removal_np(clause)
    means = re.search(r"\b(?:through|by|via|using|with)\s+(?:\w+\s+){0,2}?(?:removing|eliminating|reducing|"
                      r"clearing|cleaning|de-?\w+ing)?\s*(?:the\s+)?\w+", low)
    if np is not None and not (means and _condition_kind(means.group(0))):
        target = parse_target(np, clause)
        head = target.target.split()[-1] if target else ""
        if target is not None and target.target not in _CONDITION_TARGETS and head not in _GENERIC \
                and not _condition_kind(head):
            return None
    elif np is None and (kind in ("rain", "snow") or not _RESTORE_CUE.search(low)):
        return None                                   # "change the background to a snowy forest"
    if kind == "noise":
        return refusal(_RESTORE_NOTE.format(what="noise or grain"))
    if kind in ("rain", "snow"):
        return refusal(_RESTORE_NOTE.format(what="falling rain" if kind == "rain" else "falling snow"))
    if kind == "haze":
        return Step("adjust", [adjust({"contrast": 0.3, "saturation": 0.15})],
                    "reducing the haze with more contrast (+0.3) and saturation (+0.15)")
    return Step("adjust", [adjust({"sharpness": 0.5})], "sharpening the image (+0.5) against the blur")


# ---- things the tools cannot do ----------------------------------------------------------------------

_STYLE = re.compile(phrase_re(STYLE_WORDS) + r"|\b(?:into|like|as)\s+(?:a|an)\s+(?:\w+\s+)?(?:painting|drawing|sketch|"
                    r"cartoon|illustration|comic|anime|masterpiece)\b|\b(?:painting|drawing|sketch)\s+style\b")
_COLORIZE = re.compile(r"\bcolou?ri[sz]\w*|\bcolou?r\s+(?:in\s+)?(?:this|the|my|an?)\s+(?:old\s+)?(?:black\s*(?:and|&)\s*"
                       r"white|b\s*&\s*w|b/w|gr[ae]yscale|monochrome)\b|\badd\s+colou?rs?\s+to\s+(?:this|the|my)\s+"
                       r"(?:old\s+)?(?:black|b&w|photo)")
_MOVE = re.compile(r"^(?:move|shift|reposition|drag|slide)\b|\b(?:make|get)\s+(?:the|him|her|his|my|them)\s*\w*\s+"
                   r"(?:bigger|smaller|larger|taller|shorter|thinner|fatter|slimmer)\b")
_FACE_SWAP = re.compile(r"\bface\s*-?\s*swap|\bswap\s+(?:the\s+|their\s+|our\s+|his\s+|her\s+)?faces\b|"
                        r"\bput\s+(?:my|his|her|their|this)\s+face\s+on\b|\bswap\s+(?:my|his|her|their|the|our)\s+"
                        r"face\s+(?:with|for)\b|\breplace\s+(?:his|her|the|my|their)\s+"
                        r"face\s+with\b|\bhead\s*swap\b")
_TEXT = re.compile(r"\b(?:text|words?|writing|caption|lettering|font|typo|spelling|says|quote|title|headline)\b")
_TEXT_VERB = re.compile(r"\b(?:change|edit|replace|fix|write|add|say|put|correct|translate|rewrite|spell|type|"
                        r"make\s+it\s+say|insert)\b")
_UPSCALE = re.compile(r"\b(?:upscal\w*|up-scal\w*|super[\s-]?resolution|4k|8k|hd\s+version|higher[\s-]res\w*|"
                      r"hi-?res|more\s+pixels|enlarge\s+the\s+(?:image|photo|picture)|double\s+the\s+size)\b")
_RESIZE = re.compile(r"\b(?:resiz\w*|downscal\w*|downsiz\w*|scale\s+(?:it|the\s+(?:image|photo)|down|up)|"
                     r"shrink\s+the\s+(?:image|photo|picture)|compress\w*|reduce\s+the\s+file\s+size)\b")
_RESOLUTION = re.compile(r"\b(?:resolution|res)\b")


def parse_unsupported(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    if _COLORIZE.search(low):
        return refusal("I can't colourise a black-and-white photo; I can adjust its brightness, contrast and "
                       "warmth, or remove scratches and spots you name.")
    if _MOVE.search(low):
        return refusal("I can't move or resize things yet; I can remove it and add a new one where you want "
                       "(\"remove the dog\", then \"add a dog on the left\").")
    if _FACE_SWAP.search(low):
        return refusal("I can't swap faces; I can fix a face, remove a person, or change the background.")
    if _STYLE.search(low) and not REMOVE_VERB.match(low):
        return refusal("I can't restyle the whole picture (painting, cartoon or artist styles). " + CAPABILITIES)
    if _TEXT.search(low) and _TEXT_VERB.search(low) and not REMOVE_VERB.search(low) \
            and not re.search(r"\b(?:text|word)\s+(?:on|from)\b.*\b(?:remove|erase|delete)", low):
        return refusal("I can't write or change text reliably; I can remove it (say \"remove the text on the "
                       "sign\") so you can add new text in another app.")
    if _UPSCALE.search(low):
        return refusal("I can't upscale or add resolution; I can sharpen (\"sharpen it a bit\") or extend the "
                       "canvas (\"extend 256 px to the right\").")
    if _RESIZE.search(low) and not re.search(r"\d{2,5}\s*[x×*]\s*\d{2,5}", low) and not _aspect_of(low):
        return refusal("I can't resize or compress images yet; I can crop to a ratio (\"crop to 16:9\") or "
                       "extend the canvas to one (\"make it 16:9\").")
    if _RESOLUTION.search(low) and re.search(r"\b(?:improve|enhance|better|increase|higher|raise|boost)\b", low):
        return Step("adjust", [adjust({"sharpness": 0.4})], "sharpening the image (+0.4)",
                    "I can't add real resolution, so I'm sharpening instead.")
    return None


# ---- crop, rotate, flip ---------------------------------------------------------------------------

_ASPECT = re.compile(r"\b(?P<a>\d{1,2}(?:\.\d{1,3})?)\s*(?::|\s+by\s+|/|x|\s+to\s+)\s*(?P<b>\d{1,2}(?:\.\d{1,3})?)\b"
                     r"(?!\s*(?:px|pixels|%))")
_SIZE = re.compile(r"\b(?P<w>\d{3,5})\s*(?:x|\*|by|×)\s*(?P<h>\d{3,5})\b")
_FORMAT = re.compile("|".join("(?P<f%d>\\b%s\\b)" % (i, r"[\s-]*".join(map(re.escape, name.split())))
                              for i, (name, _) in enumerate(FORMATS)))
_CROP = re.compile(r"^(?:crop|trim|cut\s+down)\w*\b|\bcrop(?:ped|ping)?\s+(?:it|this|that|the|to|into|in|down|"
                   r"off|away|out|square|tight|closer)\b|\b(?:square|tight|tighter)\s+crop\b")
_ROTATE = re.compile(r"\brotat\w*\b|\bturn\s+(?:it|this|the\s+(?:image|photo|picture))?\s*(?:by\s+)?"
                     r"(?:\d+\s*degrees?|upside\s+down|sideways|(?:counter[\s-]?|anti[\s-]?)?clockwise|90|180)")
_STRAIGHTEN = re.compile(r"\bstraighten\w*|\blevel\s+(?:the\s+|out\s+the\s+)?horizon|\bhorizon\s+is\s+"
                         r"(?:tilted|crooked|not\s+level)|\b(?:it'?s|is)\s+(?:tilted|crooked|skewed)\b|\bdeskew\b")
_FLIP = re.compile(r"^(?:flip|mirror)\w*\b|\b(?:flip|mirror)\w*\s+(?:it|this|the\s+(?:image|photo|picture|whole))\b|"
                   r"\b(?:flip|mirror)\w*\s+(?:horizontal|vertical)|\bmirror\s+image\b")
_DEGREES = re.compile(r"(?P<sign>[-+])?\s*(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:degrees?|deg|°)?")
_CCW = re.compile(r"\b(?:counter[\s-]?clockwise|anti[\s-]?clockwise|ccw|to\s+the\s+left|left(?:wards)?)\b")


def _aspect_of(low: str) -> str | None:
    m = _ASPECT.search(low)
    if m and 0 < float(m.group("a")) <= 40 and 0 < float(m.group("b")) <= 40 and not re.match(
            r"\s*(?:print|photo)", low[m.end():]):
        return f"{m.group('a')}:{m.group('b')}"
    m = _FORMAT.search(low)
    if m:
        return FORMATS[int(m.lastgroup[1:])][1]
    for word, aspect in ASPECT_WORDS.items():
        if re.search(rf"\b(?:make|turn|convert|change|switch|crop|cut|extend|expand|outpaint|reformat)\w*\s+"
                     rf"(?:it|this|that|the\s+(?:image|photo|picture|pic))?\s*(?:(?:in)?to\s+)?(?:a\s+)?{word}\b"
                     rf"|\b(?:in|to|into)\s+(?:a\s+)?{word}\s+(?:format|orientation|ratio|shape|aspect|crop|image)\b"
                     rf"|\b{word}\s+(?:format|orientation|aspect|crop|ratio|shape)\b|^{word}$", low):
            return aspect
    return None


def parse_geometry(clause: Words, ctx: PlanningContext) -> Step | None:
    low = clause.low
    if _FLIP.search(low):
        vertical = re.search(r"\bvertical\w*|upside[\s-]down|top[\s-]to[\s-]bottom|up[\s-]and[\s-]down", low)
        flip = "vertical" if vertical else "horizontal"
        return Step("crop", [CropCall(args=CropArgs(flip=flip))], f"flipping the image {flip}ly")
    if _ROTATE.search(low) or (re.search(r"\bupside\s+down\b", low) and re.search(r"\bturn|\bput", low)):
        m = _DEGREES.search(low[_ROTATE.search(low).end():] if _ROTATE.search(low) else "")
        degrees = float(m.group("n")) if m and m.group("n") else 90.0
        if re.search(r"\bupside\s+down\b", low):
            degrees = 180.0
        if (_CCW.search(low) or (m and m.group("sign") == "-")) and degrees != 180:
            degrees = -degrees
        degrees = max(-360.0, min(360.0, degrees))
        text = f"{abs(degrees):g}° {'counter-clockwise' if degrees < 0 else 'clockwise'}"
        return Step("crop", [CropCall(args=CropArgs(rotate=degrees))], f"rotating the image {text}")
    if _STRAIGHTEN.search(low):
        m = re.search(r"(?P<sign>[-+])?(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:degrees?|deg|°)", low)
        if not m:
            return refusal("By how many degrees should I straighten it? For example \"straighten by 2 degrees "
                           "counter-clockwise\".")
        degrees = float(m.group("n")) * (-1 if _CCW.search(low) or m.group("sign") == "-" else 1)
        return Step("crop", [CropCall(args=CropArgs(rotate=degrees))],
                    f"straightening the image by {abs(degrees):g}° "
                    f"{'counter-clockwise' if degrees < 0 else 'clockwise'}")
    if not _CROP.search(low):
        return None
    if re.search(r"\bcrop(?:ped)?\s+(?:top|tops)\b", low):
        return None
    aspect = _aspect_of(low)
    if aspect:
        return Step("crop", [CropCall(args=CropArgs(aspect=aspect))], f"cropping to {aspect}")
    found = parse_region(Words.of(re.sub(r"^.*?\bcrop\w*\s*(?:off|away|out|to|the)?\s*", "", low)), ctx.image_size)
    if found is None:
        m = re.search(r"\bcrop\w*\s+(?:out|away)\s+(?P<np>.+)", low)
        if m:
            return None                                   # "crop out the guy" is a removal
        if re.search(r"\bcrop\w*\s+(?:it\s+)?(?:to|around|on)\s+(?:the|my|his|her)\s+\w+", low):
            return refusal("I can't crop to an object yet; give a ratio (\"crop to 4:5\") or a box "
                           "(\"crop to box 0,0,800,600\").")
        return refusal("How should I crop it? Give a ratio (\"crop to 16:9\", \"crop it square\") or a box.")
    fields, name = found
    if "box" in fields:
        return Step("crop", [CropCall(args=CropArgs(box=fields["box"]))], f"cropping to {name}")
    if ctx.image_size is None:
        return refusal("I need the image size to crop a strip; give a box instead (\"crop to box 0,0,800,600\").")
    box = _strip_box(fields, ctx.image_size, keep=bool(re.search(r"\bcrop\w*\s+(?:it\s+)?to\b", low)))
    if box is None:
        return refusal("That crop would leave nothing of the picture.")
    keep = re.search(r"\bto\b", low)
    return Step("crop", [CropCall(args=CropArgs(box=box))], f"cropping {'to' if keep else 'off'} {name}")


def _strip_box(fields: dict, size: tuple[int, int], keep: bool) -> tuple[int, int, int, int] | None:
    w, h = size
    side = fields.get("side")
    span = w if side in ("left", "right") else h
    depth = fields.get("pixels") or round(span * (fields.get("fraction") or 0.5))
    if side == "center":
        return None
    if keep:
        boxes = {"left": (0, 0, depth, h), "right": (w - depth, 0, w, h), "top": (0, 0, w, depth),
                 "bottom": (0, h - depth, w, h)}
    else:
        boxes = {"left": (depth, 0, w, h), "right": (0, 0, w - depth, h), "top": (0, depth, w, h),
                 "bottom": (0, 0, w, h - depth)}
    box = boxes[side]
    return box if box[2] > box[0] and box[3] > box[1] else None
