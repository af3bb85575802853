"""Cutting a message into clauses, one edit each — a stage of its own, tested on its own.

"erase the people in the background, then brighten it" is two edits; so is "remove the
dog, then crop it square"; a list of names ("the trash can, the sign and the car") is one edit on
several things. The cuts, in order:

1. sentences: ".", "!", "?", ";" and line breaks;
2. connectors that always start a new edit ("then", "after that", "finally");
3. "and" / "but" / a comma / a slash, when an edit verb follows ("… and make it brighter", "sharpen a bit /
   fix the white balance");
4. a clause that only constrains a crop or a turn is glued back to it ("crop it square, make sure
   the cat stays in", "rotate by 10 degrees and extend the edges instead of cropping");
5. run-on lines with no punctuation at all: a command verb after an edit starts a new one when it
   reads as a command — capitalised ("Zoom out Swap the sky"), or followed by what a command takes
   ("remove the watermark add *a* border", "… make *it* brighter", "rotate *90* degrees") — and not
   when it is a noun or an infinitive ("remove *the* paint stains", "I want *to* add a hat"); the verb
   that opened the line said again ("paint the bench green *paint* the fence blue") and "use"/"show"
   before a name ("… *use a* vintage filter") start one too;
6. a clause that starts with a place ("on the left, remove …") is glued back to the next one.

`split_list` then cuts the names inside one clause. Each stage is a pure function of `Words`.
"""

from __future__ import annotations

import re

from retouch.agent.planner.rules_lexicon import expand, inflect, phrase_re, rx
from retouch.agent.planner.rules_text import Words
from retouch.agent.planner.rules_verbs import IMPERATIVE_VERBS, VERBS, action_of, gerund
from retouch.agent.planner.rules_vocab import (COLOR_COMPARATIVES, CONNECTOR_SUBJECTS, EDIT_OPENERS, FELT_FIXES,
                                               STATE_FIX_VERBS, TONE_COMPARATIVES)

MAX_CLAUSES = 12
MAX_CLAUSE_CHARS = 240
"""One edit is a sentence; a longer run without a break is cut at a word boundary."""

_SENTENCE = re.compile(r"(?<=[!?])\s*|;+\s*|(?<=[^\d\s.])\.+(?=\s|$)\s*|\s,\s*\.+(?=\s|$)\s*|(?<=[a-z])\.{2,}(?=[a-z])(?!(?:png|jpe?g|tiff?|webp|bmp|gif)\b)"
                       r"|(?<=[a-z\])])\s+[-–]\s+(?=[a-z\[])")
"""Sentences: after . ! ? ; at dots glued between two words ("remove the van..it spoils the view"), after an aside
in brackets that ends one ("… behind us (we're on the right). Could you …"), and around a spaced dash between words
("wedding photo - remove the van")."""
_OPENED_VERB = expand(r"(?:{CLAUSE_OPENERS}\s+)?{SPLIT_VERBS}\b")
_LAST_WORD_THING = expand(r"{PERSON_VERBS}\s*[.!?]*$")
"""'… the bride *and groom*': a verb that is also a person, ending the request, is the person, not a new edit."""
_SIZE = (r"(?:(?:in|at|as)\s+)?(?:a\s+)?(?:\d+\s*(?:x|by)\s*\d+(?:\s*(?:px|pixels))?|\d+\s*:\s*\d+|square"
         r"|\d+\s*(?:px|pixels)?\s+(?:wide|tall|high))(?:\s+(?:please|pls|thanks))?\s*[.!?]*$")
"""A size or a shape said bare at the end: '…, 1080x1080', '… and 4:5', '…, square', '…, 1080 wide'."""
_BARE_SIZE = re.compile("^" + _SIZE)
_SIZE_READ = re.compile(r"^(?:(?:in|at|as)\s+)?(?:a\s+)?(?:\d+\s*(?:x|by)\s*\d+|\d+\s*:\s*\d+|square)\b")
"""The bare sizes a 'make it …' reads (a width alone has no shape)."""
_COMPARATIVE_AMOUNTS = r"(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*"
"""How much more a comparative is said: 'a lot', 'a little bit', 'much', 'way' (none, one, or several)."""
_COMPARATIVE_FIRST = (r"(?:(?:a|an|some)\s+)?(?:(?:{STRONGER_AMOUNTS})\s+)?(?P<comp>{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})\s+"
                      r"(?P<np>(?!(?:{NOUN_OPENERS}|and|or|but|than|to|please|pls|too|as|in|on|for|with)\b)[a-z'-]+"
                      r"(?:\s+(?!(?:and|or|but|than|to|please|pls|too|as|in|on|for|with)\b)[a-z'-]+)?)")
"""'…, *warmer skin*', '…, *brighter eyes*': a comparative before its thing, after an edit — its own edit, read as
'make the skin warmer' (never the thing named by the edit before it, never the whole photo)."""
_COMPARATIVE_CLAUSE = rx("^" + _COMPARATIVE_FIRST + r"(?:\s+{PLEASE})?\s*[.!?]*$")
_CONNECT_STARTS = r"[\s,/:\u2013-]|\b(?:{CONNECTORS}|or)\b"
"""Where a cut can begin: at a space or a separator, or at a connector or an 'or' said with no space before it. Every
alternative of `_CONNECT` begins there (`tests/test_planner_clauses.py` reads the pattern to check it), so the
pattern looks at this first: the ~20 alternatives are tried only where one of them can match, not at every letter —
the same cuts in 40 % of the time (15 µs a request instead of 40, the corpus's sentences)."""
_NOT_AFTER_A_SUBJECT = "".join(rf"(?<!\b{who})(?<!\b{who} )" for who in CONNECTOR_SUBJECTS)
"""A connector is no cut right after a person said as its subject ('I finally caught …': `CONNECTOR_SUBJECTS`) — one
lookbehind a word, with and without the space, as a lookbehind has one width."""
_CONNECT = rx(
    r"(?=" + _CONNECT_STARTS + r")(?:"
    + _NOT_AFTER_A_SUBJECT + r"\s*,?\s*\b{CONNECTORS}\b\s*,?\s+"
    r"|(?:(?:\s*,\s*(?:{COMMA_GLUE}\s+)?|\s+{CLAUSE_GLUE}\s+)"
    rf"(?!{_LAST_WORD_THING})|\s*/\s*(?![\w-]*[./\\])"  # a slash not in a path: "as /etc/a.png"
    rf"(?!{{COLOUR_TOPICS}}\s*(?:$|[.!?,/&]|(?:and|{{CORRECTION_NOUNS}}|{{TOPIC_LIST_FRAMES}}|as\s+well)\b)))"
    rf"(?={_OPENED_VERB})"  # "light/colour improvements": a topic, no verb
    r"|\s*,\s*(?=(?:{ASKING_MODALS}|is|does)\s+(?:it|this|that|you|anyone|anybody|someone|somebody)\b)"  # ", can it …?"
    r"|\s*:\s+(?=[^.!?;]*\bthem\b)(?=" + _OPENED_VERB + r")"   # "Boats: could you brighten them?" (rules_story.title_mention)
    r"|\s+(?:also|after|before|once)\s+(?={SPLIT_VERBS}\b)"
    r"|(?<!\bna)\s+(?:{FORM_PLACEHOLDERS})\s+(?={SPLIT_VERBS}\b)"   # "remove the left half NA remove the border" (runon23)
    r"|\s*(?:,\s*(?:(?:{COMMA_GLUE}|then)\s+)?|,?\s+(?:{AND_GLUE}|then)\s+)(?={RUN_ON_LEAD_VERBS}\s+(?:{NOUN_OPENERS}|all)\s)"
    r"|\s*(?:,|:|--?|–)\s*(?=(?:i\s+|we\s+)?(?:need|want)\s+(?:some\s+)?help\s+(?:(?:to|with|in)\s+)?{SPLIT_VERBS}\b)"
    r"|(?=\s*,?\s*\bor\b\s*,?\s*(?:at\s+least\s*,?\s*)?(?:{CLAUSE_OPENERS}\s+)?(?:{IMPERATIVE_VERBS})\b)"
    r"|\s*(?:,\s*|\s+(?:and|but)\s+)(?:and\s+|but\s+)?(?=(?:please\s+)?(?:{DO_NOT}|never)\s+(?!(?:want|need|like)\b))"
    r"|\s*,?\s+(?:{AND_GLUE})\s+(?=(?:(?:also|{HEDGE_WORDS})\s+)?(?:(?:an?|the|some)\s+)?" + _COMPARATIVE_AMOUNTS
    + r"{TONE_COMPARATIVES}\b)"   # "… and a lot brighter": the amount is how much, never a thing (edits26)
    r"|\s*,?\s+(?:{AND_GLUE})\s+(?=(?:the|his|her|their|my|its|our)\s+[a-z'-]+(?:\s+[a-z'-]+)?\s+"
    r"(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})\b)"
    r"|\s*,\s*(?:and\s+|&\s+)?(?!(?:{AND_GLUE})\s)(?=(?:(?:{NOUN_OPENERS})\s+)?[a-z'-]+(?:\s+[a-z'-]+)?\s+(?:{BE_WISHED}\s+)?"
    r"(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})\b"
    r"(?!\s+{COLORS}\b))"
    r"|\s+(?:{AND_GLUE})\s+(?=[a-z'-]+\s+{BE_WISHED}\s+"
    r"(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})\b)"
    r"|\s*,?\s+(?:{AND_GLUE})\s+(?=(?:[a-z'-]+\s+){1,3}?{NOUN_REQUESTS}\s*$)"
    r"|\s*,?\s+(?:and|&|\+|plus)\s+(?=(?:(?:also|{HEDGE_WORDS})\s+)?(?:anything|whatever|everything)\s+else\b"
    r"|(?:(?:also|{HEDGE_WORDS})\s+)?any\s+other\s+(?:changes|edits|improvements|adjustments|fixes|touch)\w*"
    r"|(?:(?:general|overall|some|basic|light|a\s+few|{STRENGTH_SMALL})\s+)*{TOUCH_UP_NAMES}\s*[.!?]*$)"
    r"|\s*,?\s+(?:{AND_GLUE})\s+(?=(?:the|its|their|her|his|my)\s+(?:{BACKGROUND_NOUNS})\s+(?:(?:all|completely|plain|"
    r"a\s+bit|more)\s+)?(?:{COLORS}|{TONE_COMPARATIVES}|blurr\w*|transparent)\b)"
    r"|\s*,\s*(?:and\s+|&\s+)?(?=(?:the|its|their|her|his|my)\s+(?:{BACKGROUND_NOUNS})\s+(?:{BE_WISHED}\s+)?"   # ", the bg can be …"
    r"(?:(?:all|completely|plain|a\s+bit|more)\s+)?(?:{COLORS}|{TONE_COMPARATIVES}|blurr\w*|transparent)\b)"
    r"|\s*,?\s+(?:{AND_GLUE})\s+(?=(?:the|its|their|her|his|my)\s+(?:{BACKGROUND_NOUNS})\s+(?:should|must|could|can|would|"
    r"needs?\s+to|has\s+to|to)\s+(?:be|become|look\s+like)\s)"     # "… and the backdrop should be a harbour"
    r"|\s*,\s*(?=(?:it\s+)?(?:needs|need|wants)\s+(?:a\s+)?(?:(?:plain|solid|clean)\s+)?(?:{COLORS}|transparent)\s+"
    r"(?:{BACKGROUND_NOUNS})\b)"                              # "brighten it, needs a white backdrop"
    r"|(?:(?<=square)|(?<=\d))\s*,?\s+(?:{AND_GLUE})\s+(?=(?:(?:a\s+)?(?:bit|little|lot|much)\s+)?(?:less|more|not\s+so)\s+"
    r"[a-z'-]+\s*(?:{PLEASE})?\s*[.!?]*$)"             # "crop it square and less grainy": the shape, then the tone
    r"|(?<!\d)\s*(?:,\s*(?:and\s+)?|\s+(?:{AND_GLUE})\s+)(?=" + _SIZE + r")"
    r"|\s*(?:,\s*(?:and\s+)?|,?\s+(?:{AND_GLUE})\s+)(?=" + _COMPARATIVE_FIRST + r"(?:\s+{PLEASE})?\s*(?:[,.!?]|$))"
    r"|\s*,?\s+(?:{AND_GLUE})\s+(?={OUT_VERBS}\s+(?:{NOUN_OPENERS}|these|those|him|them|me|us)\b(?:\s+[a-z'-]+){0,5}?"
    r"\s+(?:out|off|away)\b)"
    r"|(?:\s*,\s*\(?|\s+\()\s*(?=(?:(?:{HEDGE_WORDS})\s+)?(?:[a-z'-]+\s+){1,3}?instead\s+of\s+(?:{NOUN_OPENERS})\s))")
"""… and the verb left out: 'make the colours brighter *and the background white*'; '… *and take the bin out*' (a
removal verb that is no verb alone, around its thing); '…, (maybe) grass instead of the sand' and the same in brackets: a swap
said with no verb (leftovers24). The comma, glue and slash share one look for the verb ahead
(one copy of the verb list, not three: the pattern compiled in half the time); they could share it only because no
two of the alternatives they were moved past can match at the same place (a comma, a glue word, a slash, 'also'… each
needs a different first character after the spaces), so which alternative matches where is unchanged."""
_BARE_COMPARATIVE = rx("^" + _COMPARATIVE_AMOUNTS + r"(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})(?:\s+{PLEASE})?\s*[.!?]*$")
"""'… *and brighter*': a comparative alone after the cut, with no thing of its own."""
_AMOUNT_NAMES = r"(?:a|little|bit|lot|touch|tad|much|slightly|way|even)\b"
_MADE_THING = rx(r"^(?:{CLAUSE_OPENERS}\s+)?(?P<make>(?:make|get|turn|paint|colou?r|dye|(?:(?:i|we)\s+)?(?:want|need|would\s+like)|(?:i|we)'d\s+like)\s+)?(?P<np>(?:the|her|his|their|my|our|its)\s+[a-z'-]+"
                 r"(?:\s+(?!" + _AMOUNT_NAMES + r"|(?:{BE_WISHED})\b)[a-z'-]+)?)\s+(?(make)|(?:{BE_WISHED})\s+)"
                 r"(?:(?P<amount>" + _COMPARATIVE_AMOUNTS + r")(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})"
                 r"|(?:{COLOR_MODIFIERS}\s+)?{COLORS})\s*$")
"""'make the sky much bluer', 'the leaves could be greener', 'I want the lake brighter': a thing made (or wished) more of something — a comparative
said after it ('… and brighter') is of the same thing, by the same amount, not of the whole photo ('make the sky much bluer and brighter' brightens the sky a lot).
So is a thing given a colour: 'make the shed white and a lot brighter' brightens the shed (edits26)."""


_FOCUS_KEPT = rx(r"^(?P<edit>.*?\b(?:{SPLIT_VERBS})\b.*?)\s*,?\s+(?:and|with|but)\s+(?:keep\s+)?(?:the\s+|a\s+)?(?:main\s+)?"
                r"focus\s+(?:on|around)\s+(?P<np>(?:{NOUN_OPENERS})\s+[a-z'-]+(?:\s+[a-z'-]+){0,2}?)\s*(?:{PLEASE})?\s*[.!?]*$")
"""'make it clearer *with the focus on the kite*', '… and the focus around the lantern': after an edit of the photo, the
focus said around one thing is the background blurred behind it — its own edit, never folded into the whole photo's
sharpening (parts24)."""


def _focus_kept(piece: Words) -> list[Words]:
    """The edit, then 'blur the background behind <thing>' when the piece ends by putting the focus on one thing;
    else the piece alone."""
    m = _FOCUS_KEPT.match(piece.low) if "focus" in piece.low else None
    if m is None:
        return [piece]
    behind = Words.of("blur the background behind ").join("", piece.slice(m.start("np"), m.end("np")))
    return [piece.slice(0, m.end("edit")).strip(), behind]


def _of_the_thing_before(before: Words, piece: Words) -> Words:
    """'… and brighter' after 'make the sky bluer': 'make the sky brighter' — the thing the edit before was made more
    of, when the piece is a comparative alone; else the piece as it was."""
    if not _BARE_COMPARATIVE.match(piece.low):
        return piece
    made = _MADE_THING.match(before.low)
    if made is None:
        return piece
    if not re.match(_COMPARATIVE_AMOUNTS + r"\S", piece.low).group(0)[:-1] and made.group("amount"):
        piece = before.slice(made.start("amount"), made.end("amount")).strip().join(" ", piece)
    return Words.of("make ").join("", before.slice(made.start("np"), made.end("np"))).join(" ", piece)


_TOPIC_END = rx(r"(?:^|\s)(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})$")
_TOPIC_REQUEST = rx(r"^(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})\s+{CORRECTION_NOUNS}\s*[.!?]*$")
"""'a colour *and* light correction': two topics of one correction — the cut before the last one, undone."""
_BARE_OR = re.compile(r"^or(?:[\s,]+at\s+least)?$")
_LEADING_PLACE = rx(r"^{PLACE_PREPOSITIONS}\b")
_LEADING_PURPOSE = rx(r"^for\b")
"""'for the flyer, the sky should be lighter': a purpose before the edit is said after it, where a handler reads it."""
_COMMAND = rx(r"(?<![\w'-]){IMPERATIVE_VERBS}(?![\w'-])")
_RUN_ON_COMMAND = rx(r"(?<![\w'-])(?:{IMPERATIVE_VERBS}|{NO_TOOL_RUN_ON_VERBS}|{RUN_ON_LEAD_VERBS})(?![\w'-])")
"""Where a run-on line may be cut: a command, a verb no tool does (`NO_TOOL_RUN_ON_VERBS`), said left out on its
own, or a verb that leads a command only before a name (`RUN_ON_LEAD_VERBS`)."""
_LEAD_VERB = rx(r"^(?:{RUN_ON_LEAD_VERBS})$")
_NAME_AHEAD = rx(r"\s+(?:{NOUN_OPENERS}|all)\s+[a-z0-9]")
"""'… *use a* fisheye filter', '… *show the* hill': a lead verb before a name starts a command (runon23)."""
_LEAD_BLOCKED = rx(r"(?<![\w'-]){RUN_ON_BLOCKERS}\s+(?:(?:only|just|also|better|still|really|clearly)\s+)?$")
"""'crop it *to only* show the sign': a lead verb after a blocker, an adverb between or not, leads nothing."""
_IMPERATIVE_SET = frozenset(IMPERATIVE_VERBS)
_COMMAND_AHEAD = rx(r"\s+(?:{RUN_ON_FOLLOWERS}\b|[-+]?\d)")
_PARTICLE_AHEAD = rx(r"\s+{RUN_ON_PARTICLES}\b")
_PARTICLE_COMMAND = rx(r"\s+{RUN_ON_PARTICLES}\s+{RUN_ON_FOLLOWERS}\b")
_COLOURED_THING_AHEAD = rx(r"\s+{COLORS}\s+(?!(?:and|or|to|in|on|with)\b)[a-z]")
"""'… in white *add black sunglasses*': an add verb before a colour and a thing is a new command."""
_VERB_PARTICLE_AHEAD = rx(r"\s+{VERB_ONLY_PARTICLES}\b")
_VERB_PARTICLE_COMMAND = rx(r"\s+{VERB_ONLY_PARTICLES}\s+{RUN_ON_FOLLOWERS}\b")
"""'… bump *up the* brightness': a particle and a command's words make even a thing-verb a command."""
_TO_A_COLOUR = rx(r"\s+(?:to|into)\s+(?:a|an)\s+(?:[a-z]+[\s-]+)?{COLORS}\b")
"""'… his jacket color *to a dark green*', '*to a glossy teal*': after a thing-verb, the new colour with its article
(and a word of its own), not a command."""
_COLOUR_BEFORE = rx(r"(?<![\w'-])(?:{COLORS}|{CAST_COLOURS})\s+$")
_CARRIER_VERB = rx(r"^(?:{COLOR_CARRIERS})$")
"""'add blue *colour* to her eyes', 'a green *tint*', 'a warm *tone*' (a cast's colour, `CAST_COLOURS`): a colour's own noun right after a colour is no command ('… to
black *change* the sky' still cuts)."""
_TAKEN_OUT = (r"(?<![\w'-]){OUT_VERBS}\s+(?:(?:{NOUN_OPENERS}|all|these|those|him|them|me|us)\s+)?"
              r"(?:[a-z'-]+\s+){0,3}?(?:{OUT_PARTICLES})(?![\w'-])")
_TAKEN_OUT_BEFORE = rx(_TAKEN_OUT + r"\s+$")
"""'get the two vans *out* crop …': a removal said around its thing, closed by its particle — an edit done, so the
run-on's next verb starts a new one (the verb's first word alone, 'take', is no edit)."""
_EDIT_BEFORE = rx(r"(?<![\w'-])(?:{IMPERATIVE_VERBS}|{REMOVED_WORDS}|{NO_TOOL_RUN_ON_VERBS})(?![\w'-])|" + _TAKEN_OUT)
_BLOCKER = rx(r"(?<![\w'-]){RUN_ON_BLOCKERS}\s+$")

_WRITTEN_BEFORE = rx(r"(?<![\w'-])(?:{TEXT_CARRIED}|{WRITTEN_PARTICIPLES}|says|reads)\s+$")
"""'add a sign *saying* add more': the words after it are what is written, never a command (runon23)."""
_NOUN_OPENER = rx(r"(?<![\w'-]){NOUN_OPENERS}\s+$")
_NOUN_LIKE = rx(r"{NOUN_LIKE_VERBS}$")
_DONE_ON_A_THING = rx(r"(?<![\w'-])(?!{RESULT_VERBS}\s)(?:{IMPERATIVE_VERBS}|{NO_TOOL_RUN_ON_VERBS})(?:\s+{DONE_VERB_PARTICLES})?\s+"
                      r"(?:(?:{NOUN_OPENERS}|all)\s+)?(?:[a-z'-]{3,}\s+){1,3}"
                      r"(?:{DONE_THING_PLACES}\s+(?:(?:{NOUN_OPENERS}|{WHOLE_WORDS})\s+)?[a-z'-]{3,}\s+)?$")
"""'remove (the) person *add* lightning', 'remove faint dust specks *add* …' (a name of up to three words; runon23), 'crop
the photo around the baby *add* …', 'darken up the sky *remove* …', 'erase the kid from the shot *add* …': an edit
already done on its thing (its particle and where said too), then a verb that is no noun — a new edit ('make this nail
*polish* blue': a 'make' waits for what its thing becomes)."""
_RESULT_REACHED = rx(r"(?<![\w'-])(?:{IMPERATIVE_VERBS})\s+(?:[a-z'-]+\s+){1,3}?(?:(?:{STRONGER_AMOUNTS}|a\s+bit|a\s+little|"
                     r"slightly|much|way|even)\s+)?(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})\s+$")
"""'lighten the lamp a lot *make* the lake much greener': an edit that already reached its comparative, then a verb — a new
edit, however plain the words after it."""
_COMPARATIVE_LAST_WORDS = frozenset(words.split()[-1] for words in (*TONE_COMPARATIVES, *COLOR_COMPARATIVES))
"""The last word of every comparative: a run-on whose words before the verb end in none of them skips the search."""
_NAMED_AS_A_THING = rx(r"(?<![\w'-])(?:a|an|another|some)\s+(?:[a-z]+\s+){0,2}$")
"""'give it *a quick* clean up': a verb after an article (and an adjective or two) is a noun, unless a command's
words follow it."""
_PROPERTY_NAMED_AHEAD = rx(r"\s+(?:colou?r\s+)?(?:{ADJUST_PROPERTY_WORDS})\b")
"""'increase colour *saturation*', 'boost color *contrast*': a thing-verb right before a tone property names which one —
a noun, never a new command; any other verb before one ('… the stain *increase* saturation') starts a tone change."""
_COLOUR_NOUN = re.compile(r"colou?rs?")
"""The thing-verb that is a noun before a tone property ('colour saturation')."""
_QUANTIFIED = rx(r"(?<![\w'-])(?:more|less|extra|add|adding|a\s+(?:bit|little|touch|lot)\s+of|a\s+little|lots\s+of)\s+$")
"""'add *more* colour to the sky', '*add* colour to the flowers': a thing-verb after a quantity, or right after
"add", is the thing added, never a new command."""
_RESULT_AWAITED = rx(r"(?<![\w'-]){RESULT_VERBS}\s+(?:{NOUN_OPENERS}|all)\s+"
                     r"(?!(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}|{COLORS})$)[a-z'-]+$")
_NAMED_NEXT = rx(r"^(?:{NOUN_OPENERS}|all)\s")
"""'make the wall *and the door darker*': a 'make' with only its thing waits for what it becomes — the next thing and
its comparative are the same edit on both, not a second edit ('brighten the wall and the door darker' is two)."""
_CONSTRAINT = rx(r"^(?:{CONSTRAINT_OPENERS}|{KEEP_EDGES_WORDS})\b")
_GEOMETRY = rx(r"\b{GEOMETRY_WORDS}")
_VERB_START = rx(r"\b{SPLIT_VERBS}\b")


def cut(words: Words, pattern: re.Pattern[str]) -> list[Words]:
    """The pieces between the matches of `pattern`, stripped, empty ones dropped."""
    parts, start = [], 0
    for m in pattern.finditer(words.low):
        if m.end() == m.start() and m.start() in (0, len(words.low)):
            continue
        parts.append(words.slice(start, m.start()))
        start = m.end()
    parts.append(words.slice(start, len(words.low)))
    return [p for p in (p.strip() for p in parts) if p.low]


_LIST_MARKER = re.compile(r"(?<![\w.(/])(?:(?:and/or|&/or|and|or|&|then)\s+)?"
                          r"(?P<marker>\((?P<paren>[1-9])\)|(?P<close>[1-9])\)|(?P<dot>[1-9])\.)(?=\s*[a-z(])")
"""A step's number in a numbered list: '(1) … (2) …', '1) … 2) …', '1. … 2. …' (with the 'and/or' said before it)."""
_MARKER_CUE = re.compile(r"[1-9][.)]")
"""A step's number can be there at all (most requests hold none: the marker search is skipped)."""
_LEAD_CLOSED = re.compile(r"[:.!?;]\s*$")
"""'two things: 1. …': the words before the first number are a sentence of their own, not the first step's lead."""


def _numbered_steps(words: Words) -> list[Words]:
    """'would you (1) take out the cup and/or (2) lighten it', '1. remove the bin 2. crop it square': a list numbered
    from 1 on, in one style, is one ask per number — the numbers cut the steps and go (never '+2' read as an amount,
    never a thing called '(2)'). Only a run 1, 2, 3 … counts: a lone '2.' ends a sentence ('brighten it by 2. Remove
    …'), and 'crop it 4:5, 2) …' with no 1 before it is no list."""
    if not _MARKER_CUE.search(words.low):
        return [words]
    runs: dict[str, list[re.Match[str]]] = {"paren": [], "close": [], "dot": []}
    for m in _LIST_MARKER.finditer(words.low):
        style = next(style for style in runs if m.group(style) is not None)
        if int(m.group(style)) == len(runs[style]) + 1:
            runs[style].append(m)
    for run in runs.values():
        if len(run) >= 2:
            steps = [words.slice(m.end(), after.start() if after else len(words.low)).strip()
                     for m, after in zip(run, [*run[1:], None])]
            lead = words.slice(0, run[0].start()).strip()
            if lead.low and not _LEAD_CLOSED.search(words.low[:run[0].start()]):
                steps[0] = lead.join(" ", steps[0])         # 'would somebody mind (1) …': the ask leads step 1
            elif lead.low:
                steps.insert(0, lead)
            return [step for step in steps if step.low]
    return [words]


def sentences(words: Words) -> list[Words]:
    return [sentence for step in _numbered_steps(words) for sentence in cut(step, _SENTENCE)]


def has_command(text: str) -> bool:
    """Whether lowercase `text` has a command inside it ("the guy make it black and white"): a name
    that swallowed a second request. A verb after "to", "can" … is none ("the image to bring it to life")."""
    return any(_COMMAND_AHEAD.match(text, m.end()) and not _BLOCKER.search(text[:m.start()])
               for m in _COMMAND.finditer(text) if m.start() > 0)


def _pieces_from(piece: Words, starts: list[int]) -> list[Words]:
    """`piece` cut where each new command starts (`starts`, ascending), stripped, empty pieces dropped: how each run-on
    cutter below (`run_ons`, `_verb_said_again`, `wishes`) splits a line once it has found where."""
    bounds = [0, *starts, len(piece.low)]
    return [part for part in (piece.slice(a, b).strip() for a, b in zip(bounds, bounds[1:])) if part.low]


def run_ons(piece: Words) -> list[Words]:
    """Cut a run-on line at each command verb that starts a new edit (stage 4 above)."""
    starts: list[int] = []
    start = 0
    for m in _RUN_ON_COMMAND.finditer(piece.low):
        before = piece.low[start:m.start()]
        if not before.strip() or not _EDIT_BEFORE.search(before):
            continue
        capital = piece.orig[m.start()].isupper() and not piece.orig[start:m.start()].strip().isupper()
        noun_like = bool(_NOUN_LIKE.match(m.group(0)))
        ahead = bool(_COMMAND_AHEAD.match(piece.low, m.end()) or _PARTICLE_COMMAND.match(piece.low, m.end())
                     or _COLOURED_THING_AHEAD.match(piece.low, m.end()) and action_of(m.group(0)) == "add"
                     or not noun_like and _VERB_PARTICLE_COMMAND.match(piece.low, m.end())) \
            and not (noun_like and _TO_A_COLOUR.match(piece.low, m.end()))
        particle = bool(_PARTICLE_AHEAD.match(piece.low, m.end()) or _VERB_PARTICLE_AHEAD.match(piece.low, m.end()))
        at_end = not piece.low[m.end():].strip(" ,.!?")
        if _LEAD_VERB.match(m.group(0)):          # "crop it closer use a fisheye filter", never "you use the" (runon23)
            cut_here = bool(_NAME_AHEAD.match(piece.low, m.end())) and not _LEAD_BLOCKED.search(before) \
                and not _NOUN_OPENER.search(before) and not _RESULT_AWAITED.search(before.rstrip())
            # ("make the sky show a rainbow": a 'make' with only its thing waits for what it does)
        elif capital and not (noun_like and at_end):    # "Remove the trash can Blur the background" ("… it Perfect")
            cut_here = True
        elif _BLOCKER.search(before) or _WRITTEN_BEFORE.search(before):   # "I want to add", "so I can add", "a
            # sign saying add more" (what is written, runon23)
            cut_here = False
        elif _PROPERTY_NAMED_AHEAD.match(piece.low, m.end()):    # "… the stain *increase* saturation", not "*color* saturation"
            cut_here = not _COLOUR_NOUN.fullmatch(m.group(0))
        elif noun_like and (_QUANTIFIED.search(before)                  # "add more colour to the sky",
                            or _COLOUR_BEFORE.search(before) and _CARRIER_VERB.match(m.group(0))):   # "blue colour"
            cut_here = False
        elif _NOUN_OPENER.search(before):         # "the paint stains" vs "the make it pop"
            cut_here = ahead and not noun_like
        elif _NAMED_AS_A_THING.search(before) and not ahead:    # "give it a quick clean up"
            cut_here = False
        else:                                     # "his shirt color to black" vs "crop to 4:5"; "… undo"
            cut_here = ahead or " " in m.group(0) or (particle or at_end or _DONE_ON_A_THING.search(before)
                                                      or _TAKEN_OUT_BEFORE.search(before)
                                                      or before.split()[-1] in _COMPARATIVE_LAST_WORDS
                                                      and _RESULT_REACHED.search(before)) and not noun_like
        if cut_here:
            starts.append(m.start())
            start = m.start()
    return _pieces_from(piece, starts)


_OPENING_VERB = rx(r"^(?:(?:{CLAUSE_OPENERS})\s+)?(?P<verb>{IMPERATIVE_VERBS}|{OUT_VERBS})(?![\w'-])")
"""The verb a piece opens with — a command's, or the first word of a removal said around its thing ('take … out')."""
_AGAIN_AHEAD = rx(r"\s+(?!(?:{LIST_GLUE}|or|of|on|in|with|from|at|for|to|that|which|is|are|was|were)\b)[a-z0-9]")
"""After the verb said again, the start of a command's words — not a list's, a place's or a clause's word ('paint the
door with red paint *and* …', '… the same colour *on* …')."""


def _next_word(low: str, at: int) -> str:
    """The word that starts after position `at` ('' at the end)."""
    ahead = low[at:].split(None, 1)
    return ahead[0] if ahead else ""


def _command_again(low: str, verb: re.Match[str], before: str, particle: str) -> bool:
    """Whether the verb said again at `verb` reads as a command: its own word again ('color in … color in'), or —
    for a verb that is also a thing — a command's words after it ('… paint *the* rug'), or a colour that ended the
    command before and no verb right after ('… red paint the rug', '… to gold change background colour'; 'tan colour
    Add …' is the colour's noun); any other verb before the start of a command's words."""
    ahead = _next_word(low, verb.end())
    if ahead == particle:
        return True
    if not _NOUN_LIKE.match(verb.group(0)):
        return bool(_AGAIN_AHEAD.match(low, verb.end()))
    return bool(_COMMAND_AHEAD.match(low, verb.end())
                or _COLOUR_BEFORE.search(before) and _AGAIN_AHEAD.match(low, verb.end())
                and not _RUN_ON_COMMAND.fullmatch(ahead))


def _verb_said_again(piece: Words) -> list[Words]:
    """Cut a run-on line where the verb that opened it is said again ('paint the chairs red paint the rug green', 'take
    the boat out take the people out', 'tint the border silver tint the backdrop grey'): a second command of the same
    kind, even where the word before makes the verb read as a noun elsewhere ('red *paint*', 'silver *tint*') — the
    first command is complete when its verb comes back. Not after an article, 'to', a quantity or a word that says
    what is written, not before a list or a place ('remove the paint with paint thinner', 'paint the wall with the
    paint on the door') unless the verb's own word came after it the first time too ('color in … color in …'), and a removal said around its thing only once its particle closed it."""
    opening = _OPENING_VERB.match(piece.low)
    if not opening or piece.low.count(opening.group("verb")) < 2:
        return [piece]
    verb = opening.group("verb")
    around = verb not in _IMPERATIVE_SET                    # 'take', 'get': a removal only with its particle
    particle = _next_word(piece.low, opening.end())         # 'color in … color in …': the verb and its word again
    starts: list[int] = []
    start = 0
    for m in re.finditer(rf"(?<![\w'-]){re.escape(verb)}(?![\w'-])", piece.low):
        if m.start() < opening.end():
            continue
        before = piece.low[start:m.start()]
        if len(before.split()) < 2 or _BLOCKER.search(before) or _NOUN_OPENER.search(before) \
                or _QUANTIFIED.search(before) or _WRITTEN_BEFORE.search(before) \
                or not _command_again(piece.low, m, before, particle) or around and not _TAKEN_OUT_BEFORE.search(before):
            continue
        starts.append(m.start())
        start = m.start()
    return _pieces_from(piece, starts) if starts else [piece]


_ASKERS = ("i", "i'd", "id", "we", "we'd")
_WISH_LEAD = rx(r"(?<![\w'-])" + phrase_re(o for o in EDIT_OPENERS if o.split()[0] in _ASKERS)
                + r"\s+(?=(?:you|someone|somebody|it|them|{NOUN_OPENERS}|(?:to\s+)?(?:{IMPERATIVE_VERBS}|{NO_TOOL_RUN_ON_VERBS}))\b)")
"""'fix the sky *i'd love the* roses to pop': the asker's wish (`EDIT_OPENERS` said by 'i' or 'we') and what a wish
takes — an edit, not a purpose ('… my cousins I'd like to *develop*': the prints, no new edit)."""
_WISH_BLOCKED = rx(r"(?<![\w'-]){WISH_LEAD_BLOCKERS}\s+$")


def wishes(piece: Words) -> list[Words]:
    """Cut a run-on line where the asker starts a new wish after an edit: 'fix the sky i would love the roses to pop
    more' is two edits; 'crop it the way i want it' is one (`WISH_LEAD_BLOCKERS`)."""
    starts: list[int] = []
    start = 0
    for m in _WISH_LEAD.finditer(piece.low):
        before = piece.low[start:m.start()]
        if m.start() > start and _EDIT_BEFORE.search(before) and not _WISH_BLOCKED.search(before):
            starts.append(m.start())
            start = m.start()
    return _pieces_from(piece, starts) if starts else [piece]


_TWO_COLOURS = rx(r"^(?P<a>.+?\b(?:{COLORS}|(?:{BACKGROUND_NOUNS})\s+transparent)(?:\s+(?:on|in)\s+(?:this|it)"
                 r"(?:\s+(?:{PICTURE_NOUNS}))?)?)\s+(?:and|&)\s+(?P<b>(?:the|his|her|my|their|its|our)\s+[a-z'-]+(?:\s+[a-z'-]+)?(?:/[a-z'-]+)?\s+"
                 r"(?:{COLOR_MODIFIERS}\s+)?{COLORS})(?:\s+(?:please|pls|plz|thanks|thank\s+you|too))?\s*[.!?]*$")
_SWAPPED = rx(r"\b(?:the\s+)?(?P<x>{COLORS})\s+(?P<y>{COLORS})\s+(?:and|&)\s+(?:the\s+)?(?P=y)\s+(?P=x)\b")
"""'make the dark parts white and the white parts dark' is one request (a swap, which rules_unsupported declines)."""


_BARE_SECOND_PAIR = rx(r"^(?P<a>.+?\b(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}|more\s+{COLORS}))\s*,?\s+(?:and|&)\s+"
                      r"(?P<b>(?!(?:{NOUN_OPENERS}|{STRONGER_AMOUNTS}|a|an|more|less|not|so|too|it|them|this|that|"
                      r"everything|also|then)\b)[a-z'-]+(?:\s+[a-z'-]+)?\s+" + _COMPARATIVE_AMOUNTS
                      + r"(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}|more\s+{COLORS})(?:\s+{PLEASE})?\s*[.!?]*)$")
"""'make the sky bluer *and grass greener*', 'her lips redder & eyes brighter': a thing and its comparative after an
edit that reached its own, named bare — a second edit of that thing ('the grass greener'), never the first thing
given the second colour (pairs28). With an article ('… and the grass greener') `_CONNECT` cuts it already."""


def _bare_second_pair(piece: Words) -> list[Words]:
    """The first edit, then the bare second pair read with its article (`_BARE_SECOND_PAIR`); else the piece."""
    m = _BARE_SECOND_PAIR.match(piece.low) if " and " in piece.low or "&" in piece.low else None
    if m is None:
        return [piece]
    return [piece.slice(m.start("a"), m.end("a")), Words.of("the ").join("", piece.slice(m.start("b"), m.end("b")))]


_SKY_WEATHER = rx(r"^(?P<a>(?P<lead>.*?\bthe\s+sky(?:\s+in\s+(?:this|the|my)\s+(?:{PICTURE_NOUNS}))?)\b"
                  r"(?:\s+(?:look|looks|appear|seem))?"
                  r"(?:\s+(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way)\s+)*"
                  r"(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}|(?:more\s+)?(?P<colour>{COLORS})))?)"
                  r"(?:\s*,?\s+(?:and|&))?\s+(?P<less>less\s+|not\s+(?:so\s+|as\s+)?)?(?:more\s+)?(?P<state>{CLOUDED_WORDS})"
                  r"(?:\s+(?:please|pls|plz|too))?\s*[.!?]*$")
"""'make the sky darker and *less cloudy*', 'make the sky grey and *cloudy*', 'make the sky less cloudy' (issue 20,
tone29): the sky's weather said as its state, alone or after its tone — the clouds removed when fewer are asked,
a cloudy sky drawn in when more (first, so the tone said is kept; a colour said goes into the sky drawn: 'a grey cloudy
sky'); never a second thing called 'cloudy'."""


def _sky_weather(piece: Words) -> list[Words]:
    """The sky's tone (when one is said), then its weather as the edit that gives it (`_SKY_WEATHER`); else the piece."""
    m = _SKY_WEATHER.match(piece.low) if "sky" in piece.low else None
    if m is None:
        return [piece]
    toned = [piece.slice(0, m.end("a"))] if m.end("a") > m.end("lead") else []
    if m.group("less"):
        return [*toned, Words.of("remove the clouds")]
    if m.group("colour"):
        return [Words.of(f"replace the sky with a {m.group('colour')} cloudy sky")]
    return [Words.of("replace the sky with a cloudy sky"), *toned]


_MADE_MORE = r"(?:made|got|gotten)\s+(?:(?:a\s+)?(?:bit|little|lot|touch|tad|much)\s+)?(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES})"
"""A tone said done with 'made': 'the sisters *made brighter*', 'the sea *made a bit bluer*'."""
_TWO_PASSIVES = rx(r"^(?P<a>.+?\b(?:{REMOVED_WORDS}|{TONE_PARTICIPLES}|{COLOR_PARTICIPLES})\b.*?)\s*(?:,?\s+(?:and|&)\s+|[,;]\s*)"
                   r"(?P<b>(?:(?:the|his|her|their|my|its|our)\s+)?(?:\d+\s+)?[a-z'-]+(?:\s+[a-z'-]+)?\s+"
                   r"(?:{REMOVED_WORDS}|{TONE_PARTICIPLES}|{COLOR_PARTICIPLES}|" + _MADE_MORE + r")\b.*)$")


_RANGE_AMOUNT = r"(?P<{name}amt>(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*)"
_DARKER, _BRIGHTER = r"(?:darker|deeper|blacker)", r"(?:brighter|lighter|whiter)"
_DARKEN, _BRIGHTEN = r"(?:darken|deepen|tone\s+down)", r"(?:brighten|lighten|lift)(?:\s+up)?"


def _range_end(name: str, ranges: str, comparative: str, verb: str) -> str:
    """One end of the tones moved: 'the darks (a bit) darker' or 'darken the shadows', its range in group `name`."""
    return (r"(?:(?:make|get)\s+)?(?:the\s+)?(?P<" + name + r">" + ranges + r")\s+" + _RANGE_AMOUNT.format(name=name)
            + comparative + r"|" + verb + r"\s+(?:the\s+)?(?P<" + name + r"2>" + ranges + r")")


_PAIR_END = r"(?=\s*(?:$|[,.;!?]|(?:and|then|please|pls|too|also)\b))"
_RANGES_PULLED_APART = rx(r"(?P<pair>(?:" + _range_end("dark", "{DARK_RANGES}", _DARKER, _DARKEN) + r")\s*,?\s+(?:and|&)\s+"
                          r"(?:" + _range_end("light", "{LIGHT_RANGES}", _BRIGHTER, _BRIGHTEN) + r"))" + _PAIR_END)
"""'make the darks darker and the highlights brighter', 'darken the shadows and brighten the colours' (issue 20,
tone29): the two ends of the tones pulled apart — the contrast, and the colours livelier when they are the bright end;
cut in two, each end read alone darkens or brightens the whole photo and the second undoes the first."""
_RANGES_PUSHED_TOGETHER = rx(r"(?P<pair>(?:" + _range_end("dark", "{DARK_RANGES}", _BRIGHTER, _BRIGHTEN)
                             + r")\s*,?\s+(?:and|&)\s+(?:"
                             + _range_end("light", "(?!colou?rs\b){LIGHT_RANGES}", _DARKER, _DARKEN) + r"))" + _PAIR_END)
"""'lift the shadows and tone down the highlights': the two ends brought together — less contrast (tone29)."""
_SMALL_RANGE_AMOUNT = re.compile(r"\b(?:little|bit|touch|tad|slightly)\b")
_LARGE_RANGE_AMOUNT = re.compile(r"\b(?:lot|much|way)\b")


def _ranges_pulled_apart(sentence: Words) -> Words:
    """The sentence with a pair of tonal ranges moved apart or together (`_RANGES_PULLED_APART`,
    `_RANGES_PUSHED_TOGETHER`) said as the contrast it asks, as strong as the pair says."""
    if " and " not in sentence.low and "&" not in sentence.low:
        return sentence
    apart = _RANGES_PULLED_APART.search(sentence.low)
    m = apart or _RANGES_PUSHED_TOGETHER.search(sentence.low)
    if m is None:
        return sentence
    amounts = (m.group("darkamt") or "") + (m.group("lightamt") or "")
    amount = " a little" if _SMALL_RANGE_AMOUNT.search(amounts) else " a lot of" if _LARGE_RANGE_AMOUNT.search(amounts) \
        else ""
    light = m.group("light") or m.group("light2")
    said = (f"add{amount} contrast" if apart else f"reduce the contrast{amount.replace(' of', '')}") \
        + (" and make the colours more vivid" if light.startswith("colo") else "")
    return sentence.slice(0, m.start("pair")).join("", Words.of(said)).join("", sentence.slice(m.end("pair"),
                                                                                             len(sentence.low)))


_NAMED_FIRST = re.compile(r"(?:the|his|her|their|my|its|our)\s")


_TONE_AFTER_GONE = rx(r"^(?P<a>.+?\b(?:{REMOVED_WORDS})(?:\s+(?:{OUT_PARTICLES}))?)\s*,\s*"
                     r"(?P<b>(?!blur)(?:{TONE_PARTICIPLES}|{COLOR_PARTICIPLES}))\s*(?:(?:,\s*(?:and\s+)?|\s+and\s+)(?P<rest>\S.*))?$")
"""'shadow taken away, brightened, eyes whitened': a tone said done with no thing of its own, after a thing said gone —
the photo's tone (the thing gone has none left); after a thing toned ('sky darkened, sharpened') it shares that thing."""


def _two_passives(piece: Words) -> list[Words]:
    """'I want the bin removed & the sky brightened' is two edits, each said as done ('the bin and the sky
    brightened' is one); so is a list of them, 'shadow taken away, eyes brightened, teeth whitened' (a thing with
    no word of its own, 'the bin, the sign taken away', shares the last one). A thing named bare ('& sky
    brightened') is read as 'the sky', as it is meant; a tone with no thing after a thing gone is the photo's
    (`_TONE_AFTER_GONE`)."""
    gone = _TONE_AFTER_GONE.match(piece.low)
    if gone:
        toned = Words.of("the image ").join("", piece.slice(gone.start("b"), gone.end("b")))
        rest = _two_passives(piece.slice(gone.start("rest"), gone.end("rest"))) if gone.group("rest") else []
        return [*_two_passives(piece.slice(0, gone.end("a"))), toned, *rest]
    m = _TWO_PASSIVES.match(piece.low)
    if not m:
        return [piece]
    second = piece.slice(m.start("b"), m.end("b"))
    if not _NAMED_FIRST.match(second.low):
        second = Words.of("the ").join("", second)
    return [piece.slice(m.start("a"), m.end("a")), *_two_passives(second)]


def _two_colours(piece: Words) -> list[Words]:
    """'make the car red and the house blue' is two recolours ('paint the car and the house red' is one); so is 'make
    the background transparent (in this photo) and the tree black', a cut-out and a recolour. The second thing may be
    named two ways with a slash ('… and the lawn/turf yellow'), one thing as a recolour alone reads it (edits26)."""
    m = _TWO_COLOURS.match(piece.low)
    if not m or _SWAPPED.search(piece.low):
        return [piece]
    return [piece.slice(m.start("a"), m.end("a")), piece.slice(m.start("b"), m.end("b"))]


_TWO_VERBS_ONE_THING = rx(r"(?<![\w'-])(?P<a>{IMPERATIVE_VERBS})(?P<mid>(?:\s*/\s*{IMPERATIVE_VERBS}(?=\s*/))*)"
                          r"\s*(?:/|\s(?:and/)?or\s)\s*"
                          r"(?P<b>{IMPERATIVE_VERBS}(?:\s+(?:{OUT_PARTICLES}))?)\s+"
                          r"(?P<rest>(?:{NOUN_OPENERS}|all|every)\b[^,;]*)")
"""'remove/crop the cyclist', 'remove or crop the bin', 'erase or blur away the backdrop', 'blur/darken/remove the mug':
two verbs or more offered for one thing (the last with its particle)."""
_SLASHED_GERUNDS = re.compile(r"(?<![\w'-])[a-z]+ing(?:(?:\s*/\s*|\s+or\s+)[a-z]+ing)+(?=\s)")
"""'blurring/darkening/removing the mug', 'blurring or removing the backdrop': ways offered as gerunds, read as their
verbs when each is a declared one (never 'blurring' alone, read as a complaint about blur)."""
_GERUND_SEPARATOR = re.compile(r"\s*/\s*|\s+or\s+")
_GERUNDS_OBJECT = rx(r"\s+(?:{NOUN_OPENERS}|all|every)\b")
"""What two gerunds joined by 'or' must act on to be offered ways: 'blurring or removing *the* backdrop' — not a title
naming the topic ('removing or changing background request', `rules_background`)."""


def _gerunds_as_verbs(sentence: Words) -> Words:
    """'(would you mind) blurring/removing the mug' → 'blur/remove the mug': a slash or an 'or' between gerunds of
    declared verbs (`_VERB_OF_GERUND`, derived from `rules_verbs`) offers those verbs, so they are read as the verbs
    themselves."""
    for m in _SLASHED_GERUNDS.finditer(sentence.low):
        said = _GERUND_SEPARATOR.split(m.group(0))
        glue = "/" if "/" in m.group(0) else " or "
        if glue == " or " and not _GERUNDS_OBJECT.match(sentence.low, m.end()):
            continue
        if all(word in _VERB_OF_GERUND for word in said):
            verbs = Words.of(glue.join(_VERB_OF_GERUND[word][0] for word in said))
            return sentence.slice(0, m.start()).join("", verbs).join("", sentence.slice(m.end(), len(sentence.low)))
    return sentence


def _shared_thing(sentence: Words) -> Words:
    """'remove/crop the cyclist' → 'remove the cyclist or crop': the first verb is done on the thing, every other is a
    way offered (said, not done). Tone verbs with a slash, all of one kind ('brighten/sharpen it'), are all wanted."""
    if "/" not in sentence.low and " or " not in sentence.low:
        return sentence                         # (the costly search only where a second verb can be offered)
    sentence = _gerunds_as_verbs(sentence) if "ing" in sentence.low else sentence
    m = _TWO_VERBS_ONE_THING.search(sentence.low)
    if not m or m.group("a") == m.group("b"):
        return sentence
    offered = [verb.strip() for verb in m.group("mid").split("/") if verb.strip()] + [m.group("b")]
    slash = "/" in sentence.low[m.end("a"):m.start("b")]
    if slash and all(action_of(verb.split()[0]) == action_of(m.group("a")) for verb in offered):
        return sentence                         # 'brighten/sharpen the photo': all of one kind, all done
    part = sentence.slice
    said = part(0, m.end("a")).join(" ", part(m.start("rest"), m.end("rest")))
    for at, verb in enumerate(offered):
        said = said.join(" or ", part(m.start("b"), m.end("b")) if at == len(offered) - 1 else Words.of(verb))
    return said.join("", part(m.end("rest"), len(sentence.low)))


_TOPIC_AND_THING = rx(r"^(?P<verb>(?:(?:{CLAUSE_OPENERS})\s+)?(?:{EXPOSURE_FIX_VERBS})\s+)(?:the\s+|its\s+)?(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})"
                      r"(?P<glue>\s+(?:{AND_GLUE})\s+(?:(?:maybe|also|possibly|perhaps)\s+)?)(?P<thing>(?:the|his|her|their|my|our)\s+"
                      r"(?!(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})\b)[a-z'-]+(?:\s+[a-z'-]+)?)\s*[.!?]*$")
"""'fix the exposure *and her eyes*', 'fix the lighting *and the eyes*': a topic of the photo, then a thing — two fixes,
one verb (a second topic, 'the lighting and the colours', is the same correction)."""
_PHOTO_OWNER = r"(?:\s+(?:of|in|on)\s+(?:the|this|that|my|our|your)\s+(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}))"
"""'… of this picture': the photo said as the topic's owner — the photo's own colour, nothing narrower."""
_THING_AND_TOPIC = rx(r"^(?P<verb>(?:(?:{CLAUSE_OPENERS})\s+)?(?:[\w']+\s+){0,3}?(?:{EXPOSURE_FIX_VERBS})\s+)(?:the|his|her|their|my|our)\s+"
                      r"(?!(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})\b)[a-z'-]+"
                      r"(?:\s+[a-z'-]+)?(?P<glue>\s+(?:{AND_GLUE})\s+(?:(?:maybe|also|possibly|perhaps)\s+)?|\s*/\s*)(?P<thing>(?:the\s+|its\s+)?"
                      r"(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})(?:\s*/\s*(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS}))*" + _PHOTO_OWNER
                      + r"?(?:\s+(?:as\s+well|too))?)\s*[.!?]*$")
"""'fix her teeth *and perhaps the light/colours*': the same two fixes the other way round — and a fault and the photo's
topic said as a slash pair, 'fix the flare/colour (of my scan)' (issue 20, second24)."""
_OWNED_TOPIC = rx(r"^(?:the\s+|its\s+)?(?:{EXPOSURE_WORDS}|{COLOUR_TOPICS})" + _PHOTO_OWNER + r"\s*[.!?]*$")
"""'colour of my scan', cut off from 'fix the flare and colour of my scan' by the verb 'colour' can be: the
photo's topic, fixed by the verb before it (a bare 'colour' is read as it is)."""


def _topic_and_thing(piece: Words) -> list[Words]:
    """'fix the exposure and her eyes' → 'fix the exposure', 'fix her eyes' (the verb said once serves both)."""
    m = _TOPIC_AND_THING.match(piece.low) or _THING_AND_TOPIC.match(piece.low)
    if not m:
        return [piece]
    return [piece.slice(0, m.start("glue")),
            piece.slice(m.start("verb"), m.end("verb")).join("", piece.slice(m.start("thing"), len(piece.low)))]


_ADD_THEN_TEXT = rx(r"^(?P<a>(?:.*?\s)?{ADD_VERBS_INFLECTED}\s+(?!(?:(?:the|some|a|an|more)\s+)?(?:{TEXT_NAMES}|{ADJUST_PROPERTY_WORDS}|"
                   r"{COLOUR_TOPICS}|{EXPOSURE_WORDS})s?\b)[^,]+?)"
                   r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?P<b>(?:(?:the|some|a|an)\s+)?(?:{TEXT_NAMES})\b.*)$")
"""'add some balloons and the words Happy Birthday', 'add stickers and text to the photo': things to paint in, then
written words — two asks ('add hues and text', 'add contrast and a caption': a tone first, which the handlers read)."""
_SHARED_PLACE = rx(r"\s+(?:to|in|on|into|onto|at|across|along)\s+(?:the|this|my|our)\s+[a-z'-]+(?:\s+[a-z'-]+)?\s*[.!?]*$")
_BARE_TEXT = rx(r"(?:(?:the|some|a|an)\s+)?(?:{TEXT_NAMES})$")
"""Where a list added at the end goes, said once after its last item — when that item is text named bare ('… and text
to the sky'); text with its words ('… and the text Happy Birthday across the top') keeps its place to itself."""


def _text_beside_an_add(piece: Words) -> list[Words]:
    """'add fireworks, and the text …' → 'add fireworks', 'add the text …': the things are added and the words said
    left out where text is declined — never the whole list declined for its last item."""
    if "add" not in piece.low:
        return [piece]
    m = _ADD_THEN_TEXT.match(piece.low)
    if not m:
        return [piece]
    things = piece.slice(0, m.end("a"))
    place = _SHARED_PLACE.search(piece.low, m.start("b"))
    if place and _BARE_TEXT.match(piece.low, m.start("b"), place.start()) and not _SHARED_PLACE.search(things.low):
        things = things.join("", piece.slice(place.start(), place.end()))   # 'add fire and text to the sky': both there
    return [things, Words.of("add ").join("", piece.slice(m.start("b"), len(piece.low)))]


def _result_awaited(parts: list[Words]) -> list[Words]:
    """'make the wall' + 'the door darker' → 'make the wall and the door darker' (`_RESULT_AWAITED`)."""
    joined: list[Words] = []
    for part in parts:
        if joined and _RESULT_AWAITED.search(joined[-1].low) and _NAMED_NEXT.match(part.low):
            joined[-1] = joined[-1].join(" and ", part)
        else:
            joined.append(part)
    return joined


FALLBACK_LEAD = (r"if\s+(?:it|that|this)(?:'s|s|\s+is|\s+was)?\s+(?:too\s+(?:hard|difficult|complicated)|"
                 r"not\s+(?:possible|doable)|impossible)(?:\s+or\s+[^,]*?(?=,|\s+(?:then|just)\b))?"
                 r"(?:\s*,\s*|\s+(?=(?:then|just)\s))(?:then\s+)?(?:just\s+)?(?=[a-z])")
"""'…, if that's too hard, just crop him out', 'If it's not possible then blur it': a fallback — another way offered
for the same wish, never a second step (rules.py says it as offered)."""
_FALLBACK = re.compile(r"(?:^|[\s,]+(?:(?:and|but)\s+)?)(?=" + FALLBACK_LEAD + ")")


def edits_in(sentence: Words) -> list[Words]:
    """One sentence → its edits: cut at connectors and at glue followed by a verb, then at run-on
    command verbs, then glue a leading place ("on the left,") back onto the edit it belongs to. A fallback
    (`FALLBACK_LEAD`) is one clause to the end, however many edits it names: all of it is the other way."""
    if "if " in sentence.low:
        fallback = _FALLBACK.search(sentence.low)
        if fallback and fallback.start() == 0:
            return [sentence]
        if fallback:
            return [*edits_in(sentence.slice(0, fallback.start())),
                    sentence.slice(fallback.end(), len(sentence.low)).strip()]
    sentence = _ranges_pulled_apart(_shared_thing(sentence))
    merged: list[Words] = []
    pieces = [focused for part in _result_awaited(cut(sentence, _CONNECT)) for said in wishes(part)
              for again in _verb_said_again(said) for run in run_ons(again) for done in _two_passives(run)
              for both in _two_colours(done) for paired in _bare_second_pair(both)
              for weather in _sky_weather(paired)
              for topic in _topic_and_thing(weather) for pair in _text_beside_an_add(topic)
              for focused in _focus_kept(pair)]
    for piece in pieces:
        if (merged or len(pieces) > 1) and _COMPARATIVE_CLAUSE.match(piece.low):   # "…, warmer skin" → "make the
            # skin warmer"; "whiter teeth and brighter eyes": the first of two such wishes too
            m = _COMPARATIVE_CLAUSE.match(piece.low)
            piece = Words.of("make the ").join("", piece.slice(m.start("np"), m.end("np"))).join(
                " ", piece.slice(m.start("comp"), m.end("comp")))
        elif merged:
            piece = _of_the_thing_before(merged[-1], piece)
        joined = including_joined(merged[-1], piece) if merged else None
        if joined is not None:
            merged[-1] = joined
        elif merged and _TOPIC_END.search(merged[-1].low) and _TOPIC_REQUEST.match(piece.low):
            merged[-1] = merged[-1].join(" and ", piece)       # "a colour and light correction": one correction
        elif merged and _OWNED_TOPIC.match(piece.low) and len(_topic_and_thing(merged[-1].join(" and ", piece))) == 2:
            merged[-1:] = _topic_and_thing(merged[-1].join(" and ", piece))    # "fix the flare/colour of my scan"
        elif merged and _OWNED_TOPIC.match(piece.low) and _TOPIC_END.search(merged[-1].low):
            merged[-1] = merged[-1].join(" and ", piece)       # "fix the colours/tone of this image": one correction
        elif merged and _BARE_OR.match(merged[-1].low):        # "…, or, at least, make him harder to spot"
            merged[-1] = merged[-1].join(" ", piece)
        elif merged and _LEADING_PLACE.match(merged[-1].low) and not _VERB_START.search(merged[-1].low):
            merged[-1] = merged[-1].join(", ", piece)
        elif merged and _LEADING_PURPOSE.match(merged[-1].low) and not _VERB_START.search(merged[-1].low):
            merged[-1] = piece.join(", ", merged[-1])           # "for the card, the sky lighter" → "…, for the card"
        elif merged and _CONSTRAINT.match(piece.low) and _GEOMETRY.search(merged[-1].low):
            merged[-1] = merged[-1].join(", ", piece)
        elif merged and _BARE_SIZE.match(piece.low):     # "new background, 1080x1080": the size is an edit too
            if _GEOMETRY.search(merged[-1].low) or re.search(r"\d", merged[-1].low):
                merged[-1] = merged[-1].join(", ", piece)      # "crop it to 4:5, 1080x1350": the same one
            else:
                merged.append(Words.of("make it ").join("", piece) if _SIZE_READ.match(piece.low) else piece)
        else:
            merged.append(piece)
    return merged


_ONE_ADDED = rx(r"\b{ADD_VERBS_INFLECTED}\s+(?:a|an)\s+(?:(?:{ONE_QUALITIES})\s+){0,2}(?P<one>one)\b")
_BACKGROUND_NAMED = rx(r"\b{BACKGROUND_NOUNS}\b")


def _one_named_before(before: Words, clause: Words) -> Words:
    """'take the backdrop away and put in *a nicer one*': the 'one' added is the background the clause before
    named — a new background, never a thing called 'one' painted in the middle."""
    if "one" not in clause.low or not _BACKGROUND_NAMED.search(before.low):
        return clause
    m = _ONE_ADDED.search(clause.low)
    if not m:
        return clause
    return clause.slice(0, m.start("one")).join("", Words.of("background")).join(
        "", clause.slice(m.end("one"), len(clause.low)))


_BACKGROUND_LAST = rx(r"^(?:(?:please|pls|then|also|and)\s+)*(?P<verb>[a-z]+)(?:\s+(?:up|out|off))?\s+"
                      r"(?:the|my|this|that|our)\s+{BACKGROUND_NOUNS}(?:\s+(?:up|out|off))?\s*[.!,]*$")
_IT_COLOURED = rx(r"^(?:(?:and|then|also|please)\s+)*(?:make|turn|paint|colou?r)\s+(?P<it>it)\s+(?:(?:all|completely|plain)\s+)?"
                  r"(?:(?:{COLOR_MODIFIERS})\s+)?(?:{COLORS})\s*[.!]*$")
_MADE_ANEW = rx(r"^(?:{TIDYING_VERBS}|{REMOVE_VERBS}|chang|replac|swap|switch)\w*$")
"""The background's edits that a colour said next makes whole: cleaned, taken away or changed, then given a colour, is
the background made that colour — one step, not a studio backdrop (or a clean-up) painted over at once."""


def _background_is_it(before: Words, clause: Words) -> tuple[Words, bool]:
    """'tidy up the backdrop and *turn it ivory*': the 'it' given a colour is the background the clause before acted on
    as its object (bgthings26) — not a recolour asking which part; with whether it takes the place of that clause
    (`_MADE_ANEW`; 'blur the backdrop, then turn it grey' keeps the blur). 'erase the cyclist in the backdrop, then
    turn it cream' leaves 'it' as said (the cyclist's place, or the photo)."""
    last = _BACKGROUND_LAST.match(before.low)
    m = _IT_COLOURED.match(clause.low) if last else None
    if last is None or m is None:
        return clause, False
    return clause.slice(0, m.start("it")).join("", Words.of("the background")).join(
        "", clause.slice(m.end("it"), len(clause.low))), bool(_MADE_ANEW.match(last.group("verb")))


_MORE_THING = rx(r"^(?P<lead>(?:(?:{MORE_THING_LEADS})[\s,]+)*)"
                 r"(?P<thing>(?:(?:{MORE_THING_SHARES})\s+)?(?:{MORE_THING_OPENERS})\s+[a-z'-]+(?:\s+[a-z'-]+){0,6}?)"
                 r"(?:[\s,]+(?:{MORE_THING_TAILS}))*(?:\s+{PLEASE})?\s*[.!?)]*$")
_BACKGROUND_REMOVED = rx(r"\b(?:{REMOVE_VERBS})\s+(?:(?:the|its|my|this|that|all|whole|entire)\s+)*{BACKGROUND_NOUNS}\b")
"""'remove the background, and the shadow': a cut-out, whose list is who stays — no removal list to widen."""
_MORE_THING_NOT = rx(r"\b(?:{SPLIT_VERBS}|{STATE_SAID}|be|been|has|have|had|{TONE_COMPARATIVES}|"
                     r"{COLOR_COMPARATIVES}|{BACKGROUND_NOUNS})\b|\d")
"""A thing with no verb, no state and no tone ('the sky bluer' takes the verb before it in the handlers)."""


def _more_of_the_removal(before: Words, clause: Words, same_sentence: bool) -> Words | None:
    """'remove the people, and also the buoy', 'remove the car. And possibly the vans?': a thing named with no verb
    after a removal is one more thing to remove — a clause of its own, 'remove the buoy' (never added to the list before,
    whose last item may be a place: 'take the boats off the horizon … also the logo'), never "I left out the buoy". In a
    sentence of its own it must say it is one more ('also', 'and', 'maybe', '… too'); a name alone there ('(The Bin
    Man)') says who the one before is. None when `clause` is no such thing."""
    m = _MORE_THING.match(clause.low)
    if not m or _MORE_THING_NOT.search(m.group("thing")) or not _REMOVAL_BEFORE.search(before.low) \
            or _BACKGROUND_REMOVED.search(before.low):
        return None
    said_more = bool(m.group("lead")) or m.end("thing") < len(clause.low.rstrip(" .!?)"))
    if not same_sentence and not said_more:
        return None
    return Words.of("remove ").join("", clause.slice(m.start("thing"), m.end("thing")))


_FIX_ASKED = r"^(?:(?:{ASKING_MODALS})\s+(?:{ASKED_WHO})\s+)?(?:(?:{PLEASE}|just|help(?:\s+me)?)\s+)*"
_IT_FIXED = rx(_FIX_ASKED + r"(?:{REDUCING_VERBS}|{REMOVE_VERBS}|get\s+rid\s+of)\s+(?:it|them|that|this|those)"
               r"(?:\s+(?:{PLEASE}|for\s+me))?\s*[.!?:()]*$")
"""'… can someone please fix it?', 'get rid of them please': a pronoun that a fix or a removal is done to."""
_DEFECT_NAMED = rx(r"(?<![\w'-])(?P<np>(?:(?:a|an|some|the|these|those|this|that|my|his|her|their|our)\s+)?"
                   r"(?:(?!(?:{STATE_SAID}|have|has|had|there|with|of)\s)[a-z'-]+\s+)?(?:{DEFECT_WORDS})(?:\s+(?:on|across|in|under|over|around|near|along|by)\s+"
                   r"(?:(?:the|my|his|her|their|our|its|this)\s+)?[a-z'-]+)?)(?![\w'-])")
_DETERMINER = re.compile(r"^(?:a|an|some|these|those|this|that)\s+")
_ASKS_ITSELF = rx(r"\b(?:{SPLIT_VERBS})\b")


def _defect_fixed(before: Words, clause: Words) -> Words | None:
    """'there's a tear across his sleeve. can you fix it?', 'I've got stray hairs everywhere! fix them': the
    pronoun is the defect named before, which a fix takes out — 'remove the tear across his sleeve', never an enhance
    of the whole photo. None when `clause` fixes no pronoun or the clause before names no defect (or asks its own
    edit: then the pronoun is the handlers' to read)."""
    if not _IT_FIXED.match(clause.low) or _ASKS_ITSELF.search(before.low):
        return None
    m = _DEFECT_NAMED.search(before.low)
    if not m:
        return None
    named = before.slice(m.start("np"), m.end("np"))
    lead = _DETERMINER.match(named.low)
    return Words.of("remove the ").join("", named.slice(lead.end(), len(named.low)) if lead else named)


_STATE_IT_FIXED = rx(_FIX_ASKED + r"(?:{STATE_FIX_VERBS})(?:\s+(?:it|them|that|this|those))?(?:\s+(?:up|out))?"
                     r"(?:\s+(?:{PLEASE}|for\s+me|too|as\s+well))?\s*[.!?:()]*$")
_STATE_FIXED_FORMS = phrase_re(inflect(STATE_FIX_VERBS))
_STATE_IT_FIXED_PASSIVELY = re.compile(r"^(?:(?:can|could|would|will|might)\s+)?(?:it|that|this|they|these|those)\s+"
                                       r"(?:be\s+)?(?:" + _STATE_FIXED_FORMS + r")(?:\s+(?:please|pls))?\s*[.!?]*$")
"""'… can it be fixed?', 'could that be repaired': the fix asked of what was just described, said passively."""
_NEEDS_FIXING = (r"(?:it\s+|they\s+)?(?:needs?|could\s+use|requires?)\s+(?:to\s+be\s+)?(?:" + _STATE_FIXED_FORMS +
                 r")(?:\s+(?:please|pls))?\s*[.!?]*$")
_STATE_NEEDS_FIXING = re.compile(r"\s+(?:and|but)\s+" + _NEEDS_FIXING)
"""'the gate is broken and needs fixing', '… and needs to be repaired': the state and its fix in one clause."""
_NEEDS_FIXING_ALONE = re.compile(r"^(?:(?:and|but)\s+)?" + _NEEDS_FIXING)
"""'… and needs fixing' cut from the state before it: the fix of what was described."""
_STATE_SAID_OF = rx(r"^(?P<det>the|my|his|her|their|our|this|that|these|those|[a-z]+'s)\s+(?P<rest>[a-z' -]+?)\s+"
                    r"(?:is|are|was|were|looks?|seems?|got|has\s+been|have\s+been|came\s+out)\s+"
                    r"(?:(?:a\s+(?:bit|little)|slightly|very|so|really|kind\s+of|all|totally|completely)\s+)*"
                    r"(?:(?P<damaged>{DAMAGED_THING_WORDS})|(?P<tilted>{TILTED_WORDS})|(?P<rumpled>{RUMPLED_WORDS}))\b"
                    r"(?P<tail>(?:\s+(?:at|on|in|near|by|along|around)\s+[a-z' -]+?)?)"
                    r"(?:\s+(?:weird|weirdly|funny|oddly|strangely|again|now))?\s*[.!?]*$")
_HELD_BY_THE_PICTURE = rx(r"\b(?:{PICTURE_NOUNS}|{PRINT_NOUNS}|{LEVEL_LINES})$")
_WORN_HEAD = rx(r"\b(?:{WORN_THINGS_FIXED})$")


def _state_fixed(before: Words, clause: Words) -> Words | None:
    """'the railing at the back is bent, could you fix that', 'his tie is crooked, fix it', 'her collar is all
    crumpled, sort it out', '… can it be fixed?', '… and needs fixing': a thing's state said, then a fix of 'it' (or
    of nothing, 'please fix') — the fix of that thing, read as if said at once
    ('fix the bent railing at the back', 'straighten his tie', 'fix her collar'), never the photo's enhance. The photo
    or the print said bent, torn or creased is damage to the print ('repair the damage on the photo'); a horizon or a
    building said crooked stays the photo's straightening, which the handlers read from the state alone; anything else
    said rumpled is repaired, unsure ('the tablecloth is wrinkled' — never 'remove the wrinkled'). None when
    `clause` is no such fix or `before` no such state."""
    if not (_STATE_IT_FIXED.match(clause.low) or _STATE_IT_FIXED_PASSIVELY.match(clause.low)
            or _NEEDS_FIXING_ALONE.match(clause.low)):
        return None
    m = _STATE_SAID_OF.match(before.low)
    if m is None:
        return None
    named = before.slice(m.start("det"), m.end("rest"))
    if _HELD_BY_THE_PICTURE.search(m.group("rest")):
        if m.group("tilted"):
            return None
        return Words.of("repair the damage on the photo")
    where = before.slice(m.start("tail"), m.end("tail")) if m.group("tail") else None
    if m.group("damaged"):
        det = before.slice(m.start("det"), m.end("det"))
        fixed = Words.of("fix ").join("", det).join(" ", before.slice(m.start("damaged"), m.end("damaged"))) \
            .join(" ", before.slice(m.start("rest"), m.end("rest")))
    elif m.group("tilted"):
        fixed = Words.of("straighten ").join("", named)
    elif _WORN_HEAD.search(m.group("rest")):
        fixed = Words.of("fix ").join("", named)
    else:                                           # 'the tablecloth is wrinkled': drawn whole, what is wrong asked
        fixed = Words.of("repair ").join("", named)
    return fixed.join("", where) if where is not None else fixed


def _state_needs_fixing(clause: Words) -> Words | None:
    """'the gate is broken and needs fixing': the state and the fix it needs in one clause, read as the two clauses
    `_state_fixed` reads ('the gate is broken', 'fix it'); None when `clause` is no such thing."""
    m = _STATE_NEEDS_FIXING.search(clause.low)
    return _state_fixed(clause.slice(0, m.start()), Words.of("fix it")) if m else None


_FAULT_SAID = r"(?:{DEFECT_WORDS}|{EYE_FLAWS}|{FAULTS_ON_A_FACE})"
_FAULT_STATED = rx(r"^(?:(?:and|but|also|plus|oh|btw)\s+)*(?:(?P<holder>(?:(?:the|my|our|his|her|their|this|that)\s+)?"
                   r"(?:[a-z'-]+\s+)?(?:{PERSON_WORDS}|{PICTURE_NOUNS}|{PRINT_NOUNS}|he|she|they|it|this)|(?:{PERSON_WORDS}))\s+"
                   r"(?:(?:also|still|now)\s+)?(?:{FAULT_HOLDERS})|there(?:'s|s|\s+is|\s+are))\s+"
                   r"(?:(?:a|an|some|this|these|that|those|two|three|few|a\s+few|lots\s+of|a\s+lot\s+of)\s+)?"
                   r"(?P<np>(?:(?!(?:{STATE_SAID}|and|or|but|with)\s)[a-z'-]+\s+)?" + _FAULT_SAID +
                   r"(?:\s+(?:on|across|in|under|over|around|near|along|by)\s+(?:(?:the|my|his|her|their|our|its|this)\s+)?"
                   r"[a-z'-]+(?:\s+[a-z'-]+)?){0,2})\s*[.!?]*$")
"""'the dad has a black eye', 'there's a scratch on the lens', 'Father has black eye', 'my son has a scratch on his cheek
under his eye' (two places, the second narrowing the first): a fault said of a person, the picture or the scene, with
no verb of its own."""


def stated_fault(clause: Words) -> Words | None:
    """A clause that only states a fault (`_FAULT_STATED`) is the fix of it — 'fix the black eye', whose fix verb the
    handlers read as they read 'fix the scratch on her face' (a flaw taken out, an eye's flaw painted right) — never
    'I left out …' for a fault the asker plainly wants gone. The one it belongs to is kept where said with 'on'
    ('… on the lens'); a holder is said only as a person ('the dad'), read by the finder from the fault's place. None when
    `clause` is no such statement."""
    if "ha" not in clause.low and "there" not in clause.low and "got" not in clause.low:
        return None
    m = _FAULT_STATED.match(clause.low)
    if not m:
        return None
    return Words.of("fix the ").join("", clause.slice(m.start("np"), m.end("np")))


_THING_FIXED = rx(_FIX_ASKED + r"(?:fix|correct|sort\s+out|help\s+with)\s+"
                  r"(?P<thing>(?!(?:it|them|that|this|those|(?:the|its|his|her|their|my|our)\s+(?:{PICTURE_NOUNS}|{EXPOSURE_WORDS}|"
                  r"{COLOUR_TOPICS}))\b)[a-z'&-]+(?:\s+[a-z'&-]+){0,4}?)"
                  r"(?:\s+(?:{PLEASE}|for\s+me))?\s*[.!?:()]*$")
_FELT = {verb: rx(r"(?:(?:\b(?:{PICTURE_NOUNS})|(?<![\w'-])(?:it|this|everything))\s+(?:{STATE_SAID})|(?<![\w'-])it'?s)\s+"
                  r"(?:(?:{DEGREE_WORDS})\s+)*"
                  r"(?:" + phrase_re(felt) + r")\b") for verb, felt in FELT_FIXES.items()}


def _fault_carried(before: Words, clause: Words) -> Words | None:
    """'the shot is backlit. can you fix the kids?': a clause that only says 'fix X' borrows the fault the clause before
    named — the kids brightened ('brighten the kids'), not a fix no handler reads. Only the photo's exposure said to be the
    fault ('the shot is backlit', 'it came out too bright': `FELT_FIXES` after `STATE_SAID`; 'the sky is too bright'
    says nothing of the trees) with no edit of its own before; a topic fixed ('… dark, fix the colours too') is the
    handlers' measured correction, never a brightening."""
    m = _THING_FIXED.match(clause.low)
    if not m or _ASKS_ITSELF.search(before.low):
        return None
    verb = next((verb for verb, felt in _FELT.items() if felt.search(before.low)), None)
    if verb is None:
        return None
    return Words.of(f"{verb} ").join("", clause.slice(m.start("thing"), m.end("thing")))


_VERB_OF_GERUND: dict[str, tuple[str, bool]] = {gerund(verb): (verb.words, verb.thing) for verb in reversed(VERBS)
                                               if " " not in verb.words}
"""'smoothing' → ('smooth', a thing too): the -ing form of each declared one-word verb (derived, never listed)."""
_GERUND_OPENING = rx(r"^(?P<lead>(?:(?:and|also|plus|just|maybe|then)\s+)*)(?P<g>[a-z]+ing)(?P<of>\s+of)?"
                     r"(?P<object>\s+(?:{MORE_THING_OPENERS})\b)?(?=\s)")

_GERUND_AS_SUBJECT = rx(r"\b(?:{STATE_SAID}|does|doesn'?t|do|don'?t|would|will|can|could|should|might|feel|makes?)\b")
"""'cropping it just doesn't feel right', 'colouring this would …': the gerund is what a sentence is about, no wish."""
_INCLUDING_GERUND = rx(r"^{INCLUDING_LEADS}$")
"""'(including the moon)': an aside that widens the edit before it (`including_joined`), never an 'include'."""


def _gerund_read(clause: Words) -> Words:
    """'smoothing of the skin', 'Recolouring the car to blue': a clause that names its wish as a gerund of a declared
    verb (`rules_verbs.gerund`, never a list of its own) is that verb's command — 'smooth the skin', 'recolour the car
    to blue' ('of' after it goes too). A gerund of a verb that is also a thing ('lighting', 'blurring': `Verb.thing`)
    is read so only before what it acts on ('blurring of the background'; 'lighting is off' stays); a gerund a sentence
    is about stays too ('cropping it doesn't feel right')."""
    m = _GERUND_OPENING.match(clause.low)
    if not m or m.group("g") not in _VERB_OF_GERUND or _GERUND_AS_SUBJECT.search(clause.low, m.end()) \
            or _INCLUDING_GERUND.match(m.group("g")):
        return clause
    verb, thing = _VERB_OF_GERUND[m.group("g")]
    if not thing or not m.group("object"):
        return clause                           # the other gerunds the handlers read as written ('enhancing the glow')
    return clause.slice(0, m.end("lead")).join("", Words.of(verb)).join("", clause.slice(m.end("of") if m.group("of")
                                                                                     else m.end("g"), len(clause.low)))


_MADE_ARRIVING = rx(r"^(?P<lead>(?:(?:{CLAUSE_OPENERS}|and|just)\s+)*)(?P<verb>make|create)\s+(?=(?:a|an|some|two|three|a\s+few)\s+"
                    r"(?:[a-z'-]+\s+){1,8}?(?:{ARRIVING_WORDS})\b"
                    r"(?!.*\b(?:{GOING_WORDS}|look|looks|seem|{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}|{COLORS})\b))")


def _made_arriving(clause: Words) -> Words:
    """'make a sea serpent rising out of the lake' → 'add a sea serpent rising out of the lake': a 'make' whose thing is
    new (an article) and is doing something (`ARRIVING_WORDS`) paints it in, as 'add' does; 'make a dog sitting there
    disappear' (a result after it) stays as said."""
    if not clause.low.startswith(("make", "create")) and " make " not in clause.low and " create " not in clause.low:
        return clause
    m = _MADE_ARRIVING.match(clause.low)
    if not m:
        return clause
    return clause.slice(0, m.start("verb")).join("", Words.of("add")).join("", clause.slice(m.end("verb"), len(clause.low)))


_INSTRUCTION_LEAD = rx(r"^(?:(?:so|now|and|then|next|okay|ok|after\s+that)[\s,]+)*"
                      r"(?:(?:the\s+)?(?:{STEP_ORDINALS})\s+(?:thing|step)\s+(?:(?:{INSTRUCTION_LEADS}|i\s+would|i'?d|to)\s+do\s+)?"
                      r"(?:is|would\s+be)\s+(?:to\s+)?|(?:{INSTRUCTION_LEADS})\s+)(?=(?:{SPLIT_VERBS})\b)")


def _instruction_read(clause: Words) -> Words:
    """'then you're going to remove the towel', 'the first thing is to tilt it …' → 'remove the towel', 'tilt it …': a
    request written as a tutorial's steps (`INSTRUCTION_LEADS`, `STEP_ORDINALS`) asks the edit each step names."""
    if "you" not in clause.low and "thing" not in clause.low and "step" not in clause.low and "let" not in clause.low \
            and "we" not in clause.low:
        return clause
    m = _INSTRUCTION_LEAD.match(clause.low)
    if not m:
        return clause
    return clause.slice(m.end(), len(clause.low))


_BACKGROUND_BUT = rx(r"(?<![\w'-])(?P<verb>{REMOVE_VERBS})\s+(?:all\s+(?:of\s+)?)?(?:(?:the|this|that|my|its)\s+)?(?:(?:whole|entire)\s+)?(?:{BACKGROUND_NOUNS})"
                    r"\s+(?!but\b)(?:{KEPT_EXCEPT_WORDS})\s+(?=\S)")
"""'remove the backdrop except for the dog', 'erase all of the background apart from the logo': everything but what
follows goes — the cut-out 'remove everything except …' ('… but keep …' is read where it stands)."""
_BACKGROUND_BLURRED_BUT = rx(r"(?<![\w'-])(?P<lead>blur\w*\s+(?:out\s+)?)(?:all\s+(?:of\s+)?)?(?:(?:the|this|that|my|its)\s+)?"
                            r"(?:(?:whole|entire)\s+)?(?:{BACKGROUND_NOUNS})\s+(?!but\b)(?:{KEPT_EXCEPT_WORDS})\s+"
                            r"(?=(?:{NOUN_OPENERS}|these|those|{PEOPLE_OBJECT_PRONOUNS})\b)")
"""'blur the background except the flowers': everything but them is blurred — 'blur everything except the flowers'
(it softened a thing called 'except'). A thing must follow: 'except below the knees' names a part of the frame."""
_BACKGROUND_BUT_SAID = rx(r"^(?P<lead>(?:(?:the|this|that|my|its)\s+)?(?:{BACKGROUND_NOUNS}))\s+(?!but\b)"
                         r"(?P<except>{KEPT_EXCEPT_WORDS})\s+(?=(?:[a-z'-]+\s+){1,5}?(?:{MODAL_VERBS}|is|are|be|needs|wants)\s)")
_SAID_GONE_AFTER = rx(r"\s(?:{MODAL_VERBS}|is|are|needs|wants)\s+(?:be\s+|get\s+)?(?:{REMOVED_WORDS}|removing|erasing|deleting)\b")
"""'the background other than the boy needs to be removed', '… apart from the dog needs removing': the background said
first, then what stays, then what becomes of it — the cut-out when it goes, else the background behind who stays
('the backdrop besides my aunt needs to be a beach')."""
_EVERYTHING_BEHIND = rx(r"(?<![\w'-])(?P<verb>{REMOVE_VERBS})\s+everything\s+(?:(?:in|from)\s+(?:the\s+)?(?:{BACKGROUND_NOUNS})\s+)?"
                        r"(?=behind\s+(?:{NOUN_OPENERS}|these|those|{PEOPLE_OBJECT_PRONOUNS})\b)")
"""'remove everything behind the twins', 'erase everything in the backdrop behind her': the background behind them
goes ('remove the background behind …')."""
_EVERYTHING_OUT = rx(r"(?<![\w'-])(?:{OUT_VERBS})\s+everything\s+(?:{OUT_PARTICLES})\s+"
                     r"(?:(?:of|from)\s+(?:the|this|my)\s+(?:{PICTURE_NOUNS})\s+)?(?=(?:{KEPT_EXCEPT_WORDS})\s)")
"""'take everything out of the picture except for the boy': said around 'everything', the cut-out 'remove everything
except …'."""
_EVERYTHING_AROUND = rx(r"(?<![\w'-])(?P<verb>{REMOVE_VERBS})\s+everything\s+(?:else\s+)?(?:around|surrounding)\s+"
                        r"(?=(?:{NOUN_OPENERS}|these|those|{PEOPLE_OBJECT_PRONOUNS})\b)")
"""'take away everything around the vase', 'erase everything surrounding him': what the rest surrounds stays — the
cut-out 'remove everything except …' (not 'the clutter around the sink', a thing named)."""
_EVERYTHING_AROUND_OUT = rx(r"(?<![\w'-])(?:{OUT_VERBS})\s+everything\s+(?:else\s+)?(?:around|surrounding)\s+"
                            r"(?P<kept>(?:{NOUN_OPENERS}|{PEOPLE_OBJECT_PRONOUNS})(?:\s+[a-z'-]+){0,3}?)\s+(?:{OUT_PARTICLES})\b")
"""'cut everything around her out', 'take everything surrounding the lamp away': the same cut-out, said around it."""
_EVERYTHING_BLURRED_AROUND = rx(r"(?<![\w'-])(?P<lead>{BLUR_CUES}\s+(?:out\s+)?everything\s+(?:else\s+)?)(?:around|surrounding)\s+"
                  r"(?=(?:{NOUN_OPENERS}|these|those|{PEOPLE_OBJECT_PRONOUNS})\b)")
"""'blur everything around the bride': all but her is blurred — the background blur 'blur everything except …'."""
_BLUR_KEEPING_SHARP = rx(r"(?<![\w'-])blur\w*\s+(?:out\s+)?(?:(?:it|this|everything(?:\s+else)?|(?:the|this)\s+(?:{PICTURE_NOUNS}|front|"
                         r"foreground|rest|{BACKGROUND_NOUNS}))\s*)?,?\s*(?:(?:and|but|while|whilst)\s+)?(?:{KEEP_VERBS}|leave|leaving)\s+"
                         r"(?P<kept>(?:{NOUN_OPENERS}|{PEOPLE_OBJECT_PRONOUNS})(?:\s+[a-z'-]+){0,3}?)\s+"
                         r"(?:sharp|crisp|clear|in\s+focus|focused)\b")
"""'blur the front and keep the bride sharp', 'blur it but keep the car in focus': the blur is everywhere but what is
kept sharp — the background blur 'blur everything except …' (not a sharpen, nor a thing called 'sharp'). Only a blur of
the whole, the front or the background: 'blur the skin, keep the eyes sharp' is not read here."""
_RENDERED = rx(r"(?<![\w'-])(?:render\s+(?:out\s+|off\s+)?(?=(?:the|its|this)\s+(?:{BACKGROUND_NOUNS})\b)"
               r"|(?:turn|make|convert)\s+(?:this|it|the\s+(?:{PICTURE_NOUNS}))\s+into\s+a\s+render\b)")
"""'render out the backdrop', 'turn this into a render': a render is a cut-out on nothing — the background goes."""


_EVERYTHING_ELSE_GONE = rx(r"^(?:(?:{KEEP_VERBS}|leave)\s+)?(?P<kept>(?:{NOUN_OPENERS})\s+.+?)[\s,]+(?:and\s+|but\s+)?"
                           r"(?:everything|all)\s+else\s+(?:(?:{MODAL_VERBS}|is|are|needs)\s+)?(?:be\s+|get\s+|being\s+)?"
                           r"(?:{REMOVED_WORDS})\s*$")
"""'keep the kite, everything else should be deleted', 'the owl is circled in red, everything else should be
deleted': what is named first stays and the rest goes — the cut-out 'remove everything except the kite' (not a removal
of the kite)."""
_SWITCHED_OFF = rx(r"(?<![\w'-])(?:turn|switch|shut)\s+(?:(?P<off>off)\s+)?(?:(?:the|this|that|my|its)\s+)?"
                  r"(?:{BACKGROUND_NOUNS})(?(off)|\s+off)\b")
"""'turn the background off', 'switch off the backdrop': the background goes, as a layer switched off does."""


def _said_instead(clause: Words, start: int, end: int, said: str, kept: tuple[int, int] | None = None) -> Words:
    """`clause` with its words from `start` to `end` said as `said` — followed by the span `kept` of the clause when
    given (what stays: 'cut everything around *her* out' → 'remove everything except her'): the one splice of
    `_background_said_otherwise`'s rewrites."""
    said_words = Words.of(said) if kept is None else Words.of(said).join("", clause.slice(*kept))
    return clause.slice(0, start).join("", said_words).join("", clause.slice(end, len(clause.low)))


_SAID_INSTEAD = (
    (_BACKGROUND_BUT, "remove everything except ", False, False),
    (_EVERYTHING_OUT, "remove everything ", False, False),
    (_EVERYTHING_BEHIND, "remove the background ", False, False),
    (_EVERYTHING_AROUND, "remove everything except ", False, False),
    (_EVERYTHING_AROUND_OUT, "remove everything except ", False, True),
    (_BACKGROUND_BLURRED_BUT, "everything except ", True, False),
    (_BLUR_KEEPING_SHARP, "blur everything except ", False, True),
    (_EVERYTHING_BLURRED_AROUND, "except ", True, False),
)
"""`_background_said_otherwise`'s plain rewrites, tried in this order: (pattern, the words said instead, whether the
words kept run from the end of its `lead` group rather than its start, whether its `kept` span follows them)."""


def _background_said_otherwise(clause: Words) -> Words:
    """The background's removal said in words its handlers don't read, rewritten into the words they do: 'remove the
    backdrop except the dog' and 'take everything out except the dog' → 'remove everything except the dog' (the
    cut-out); 'remove everything behind the twins' → 'remove the background behind the twins'; 'the background other
    than the dog needs removing' → the cut-out, '… needs to be a beach' → 'the background behind the dog …'; 'render off
    the background', 'turn this into a render', 'turn the background off' → 'remove the background'; 'keep the kite,
    everything else should go' → 'remove everything except the kite'. Any other clause
    is returned as it is."""
    low = clause.low
    if "everything" not in low and "render" not in low and "blur" not in low and not _BACKGROUND_NAMED.search(low):
        return clause
    part = clause.slice
    for pattern, said, after_lead, kept in _SAID_INSTEAD:
        m = pattern.search(low)
        if m:
            return _said_instead(clause, m.end("lead") if after_lead else m.start(), m.end(), said,
                                 kept=m.span("kept") if kept else None)
    m = _BACKGROUND_BUT_SAID.match(low)
    if m:
        kept = part(m.end(), len(low))
        gone = _SAID_GONE_AFTER.search(low, m.end())
        if gone:
            return Words.of("remove everything except ").join("", part(m.end(), gone.start()))
        return part(0, m.end("lead")).join(" behind ", kept)
    m = _EVERYTHING_ELSE_GONE.match(low)
    if m:
        return Words.of("remove everything except ").join("", part(m.start("kept"), m.end("kept")))
    m = _SWITCHED_OFF.search(low)
    if m:
        return _said_instead(clause, m.start(), m.end(), "remove the background")
    m = _RENDERED.search(low)
    if m:
        return _said_instead(clause, m.start(), m.end(), "remove the background" if "into" in m.group(0) else "remove ")
    return clause


def split_clauses(words: Words) -> list[Words]:
    """Sentences, then edits inside a sentence ("remove X, then brighten" → two clauses)."""
    clauses: list[Words] = []
    for sentence in sentences(words):
        for at, clause in enumerate(edits_in(sentence)):
            clause = _one_named_before(clauses[-1], clause) if clauses else clause
            clause, made_anew = _background_is_it(clauses[-1], clause) if clauses else (clause, False)
            if made_anew:                       # "tidy the backdrop and turn it white": the white background
                clauses[-1] = clause
                continue
            clause = (_more_of_the_removal(clauses[-1], clause, at > 0) if clauses else None) or clause
            carried = (_state_fixed(clauses[-1], clause) or _defect_fixed(clauses[-1], clause)
                       or _fault_carried(clauses[-1], clause)) if clauses else None
            if carried is not None:             # the description said what the fix is: one clause, the fix
                clauses[-1] = carried
                continue
            if clauses and _CONSTRAINT.match(clause.low) and _GEOMETRY.search(clauses[-1].low):
                clauses[-1] = clauses[-1].join(". ", clause)
            else:
                clauses.append(clause)
        if len(clauses) >= MAX_CLAUSES:
            break
    return [_bounded(_background_said_otherwise(_made_arriving(_gerund_read(stated_fault(c) or _state_needs_fixing(c)
                                                                            or _instruction_read(c)))))
            for c in clauses[:MAX_CLAUSES]]


def _bounded(words: Words) -> Words:
    if len(words.low) <= MAX_CLAUSE_CHARS:
        return words
    cut_at = words.low.rfind(" ", 0, MAX_CLAUSE_CHARS)
    return words.slice(0, cut_at if cut_at > 40 else MAX_CLAUSE_CHARS).strip()


# ---- the names inside one clause --------------------------------------------------------------------

_REMOVAL_BEFORE = rx(r"(?<![\w'-])(?:{REMOVE_VERBS})(?![\w'-])|(?<![\w'-]){OUT_VERBS}\s.*\b(?:out|off|away)\b")
_BACKGROUND_BEFORE = rx(r"\b{BACKGROUND_NOUNS}\b")
_INCLUDING = rx(r"^(?:(?:{HEDGE_WORDS}|preferably|also)\s+)?{INCLUDING_LEADS}\s+(?P<rest>.+?)(?:\s+{INCLUDED_TAILS})?\s*[.!?]*$")


def including_joined(before: Words, piece: Words) -> Words | None:
    """'remove the chairs, *including the cushions*': an aside that widens the removal before it is joined to it as
    one more thing ('… and the cushions'); None when `piece` is no such aside or no removal comes before."""
    m = _INCLUDING.match(piece.low)
    if not m:
        return None
    if not _REMOVAL_BEFORE.search(before.low) or _BACKGROUND_BEFORE.search(before.low):
        return None                 # 'brighten it, including the sky', a cut-out: no list to widen (said left out)
    return before.join(" and ", piece.slice(m.start("rest"), m.end("rest")))


_LIST_SPLIT = rx(r"\s*,\s*(?:{LIST_GLUE}\s+)?|\s+{LIST_GLUE}\s+")
_NOT_A_THING = rx(r"(?:^|\s){LIST_ATTRIBUTES}$")
_WORN_COLOUR_THEN_A_THING = rx(r"\b(?:in|wearing|dressed\s+in)\s+(?:the\s+)?{LIST_ATTRIBUTES}$")
_OWN_OPENER = rx(r"^(?:{SCAFFOLD_DETERMINERS}|{POSSESSIVES})\s+(?!(?:{QUANTITY_NOUNS})\b)[a-z]")
"""'the guy in red and *the* girl', 'the lady in the pink and *her* son': a colour worn ends a name, and after 'and' an
article or an owner opens a thing of its own ('the woman in blue and white' is one woman; heads25)."""


def _attribute_of_the_next(before: str, part: str) -> bool:
    """Whether the list item `before` ends in a word that describes the next item ('the red and blue shirt'), so the
    two are one name — not when a colour worn ends a name and the next opens its own ('the man in green and the boy')."""
    return bool(_NOT_A_THING.search(before)) and not (_WORN_COLOUR_THEN_A_THING.search(before)
                                                      and _OWN_OPENER.match(part))


_ASIDE = rx(r"^(?!(?:that|this)\s+(?!(?:is|was|are|were|one|ones|has|had|looks?)\b)[a-z])(?:{ASIDE_STARTS})\b|^\W*$"
            r"|^the\s+(?:[a-z]+\s+){0,2}ones?$")
"""An item that belongs to the one before ('the man, *that is* on the left') — but 'that sticker', 'this bin' name a
thing of their own."""


_ITS_TYPED_IT_IS = re.compile(r"^it'?s\s+(?P<w>[a-z-]+)$")


def _its_typed_as_it_is(part: str) -> bool:
    """'the tractor, *it's drivers* and …': a possessive typed as "it's" before one word that names a person, a body
    part or a plural thing — a list item of its own (the tractor's), not an aside about the item before ("it's blurry",
    "it's on the left" stay asides)."""
    from retouch.agent.planner.rules_target import singularize
    from retouch.agent.planner.rules_vocab import PART_LABELS, PERSON_WORDS

    m = _ITS_TYPED_IT_IS.match(part)
    if not m:
        return False
    word = m.group("w")
    single, plural = singularize(word)
    return single in PERSON_WORDS or single in PART_LABELS or plural and not word.endswith(("ous", "ss", "us", "is"))


_AND_I = re.compile(r"^i\b(?!')(?!\s+(?:am|was|want|need|would|will|think|have|had|can|could|do)\b)")
"""'behind my wife *and I*': the owner, said with the one before — never a thing of its own to remove."""


_AT_A_PLACE = re.compile(r"\b(?:of|in|on|at|from|near)\s+(?:the\s+|this\s+|a\s+)?[a-z'-]+(?:\s+[a-z'-]+)?$")
_PLACE_NAME = re.compile(r"^[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2}$")
"""'… this shot of the harbour*, Portugal*': a name said after a place is where that place is — no thing of its own."""
_OWNER_SAID = re.compile(r"^(?:me|us|myself|ourselves)$")
_ON_A_PART = rx(r"\b(?:from|off|on|in|around|across|over|under)\s+(?:(?:his|her|their|my|our|your|its|the|[a-z]+'s)\s+)?"
                r"(?:[a-z'-]+\s+)?(?:{SOILED_PARTS})$")
_ONE_MORE_PLACE = rx(r"^(?:(?:his|her|their|my|our|your|its)\s+)?(?:{SOILED_PARTS})$")
"""'the dirt *from his hands* and *face*': a part with no 'the' after a stuff's place on a part is one more place of that
stuff, not one more thing ('… from his hands and the dog' is still two)."""
_STUFF_ON_A_PLACE = rx(r"(?<![\w'-])(?:{DEFECT_WORDS})\s+(?:from|off|on|in|across|over)\s+(?:(?:his|her|their|my|our|your|its|the|"
                      r"both|[a-z]+'s)\s+)?(?:[a-z'-]+\s+)?(?:{SOILED_PARTS}|{GARMENT_NOUNS}|{WORN_THINGS_FIXED})$")
_ANOTHER_PLACE = rx(r"^(?:(?:the|his|her|their|my|our|your|its)\s+)?(?:[a-z'-]+\s+)?(?:{SOILED_PARTS}|{GARMENT_NOUNS}|"
                    r"{WORN_THINGS_FIXED})$")
"""'remove the stains from the shirt *and the trousers*': a flaw (`DEFECT_WORDS`) on something worn or on a body part,
then another such place, even with 'the' — one removal of the flaw from both, never the trousers painted out ('the
bag from her shoulder and the jacket' names no flaw: two things)."""
_OWNER_KEPT = rx(r"\b(?:leaving|keeping|except|besides|but|{KEPT_EXCEPT_WORDS})\s+(?:me|us)$")
"""'the girl (me)', 'leaving me, the one in the foreground': the asker said beside a thing is that thing, once ('remove
me and the dog' is two)."""


def _names_the_one_before(before: Words, part: Words, closed: bool) -> bool:
    """Whether `part`, after a comma, only names where or who the list item `before` is: a place's name after a place
    ('… of the harbour, Portugal'), or the asker beside a thing and closed by a comma or the end ('the girl (me)', an
    aside in brackets read as one between commas) — read, and no thing of its own ('the dog and me', 'the girl, me
    and the dog' name each)."""
    return bool(_AT_A_PLACE.search(before.low) and _PLACE_NAME.match(part.orig.strip())
                or closed and _OWNER_SAID.match(part.low) and not _OWNER_SAID.match(before.low))


def _after_a_comma(words: Words) -> dict[str, bool]:
    """The list items of `words` (as `cut` strips them) that follow a bare comma, not a list word, each with whether a
    comma or the end closes it."""
    cuts = list(_LIST_SPLIT.finditer(words.low))
    return {words.low[m.end():after.start() if after else len(words.low)].strip():
            after is None or after.group(0).strip() == ","
            for m, after in zip(cuts, [*cuts[1:], None]) if m.group(0).strip() == ","}


def split_list(words: Words) -> list[Words]:
    """'the trash can, the sign and the car' → three names; 'the red and blue shirt' stays one."""
    from retouch.agent.planner.rules_target import says_where_the_one_before_is    # late, as in _two_bare_things
    from retouch.agent.planner.rules_story import describes_the_one_before      # late: 'my uncle (man with the hat)' (second22)
    merged: list[Words] = []
    commas = _after_a_comma(words) if "," in words.low else {}
    for part in cut(words, _LIST_SPLIT):
        if merged and part.low in commas and (_names_the_one_before(merged[-1], part, commas[part.low])
                                              or commas[part.low] and describes_the_one_before(merged[-1], part)):
            continue                                    # 'my uncle (man with the hat)': the uncle, once (second22)
        if _its_typed_as_it_is(part.low):
            part = Words.of("its " + part.orig.split(None, 1)[1])     # read as typed meant: 'its drivers'
        aside = bool(_ASIDE.match(part.low)) or bool(merged) and bool(_OWNER_KEPT.search(merged[-1].low)) \
            and part.low.startswith("the ") \
            or commas.get(part.low, False) and says_where_the_one_before_is(part.low)
        # "leaving me, the one in front": who 'me' is; "my ex, guy on the right": where the ex is (heads21)
        if merged and (_attribute_of_the_next(merged[-1].low, part.low) or aside or _AND_I.match(part.low)
                       or _ONE_MORE_PLACE.match(part.low) and _ON_A_PART.search(merged[-1].low)
                       or _ANOTHER_PLACE.match(part.low) and _STUFF_ON_A_PLACE.search(merged[-1].low)):
            merged[-1] = merged[-1].join(", " if aside else " and ", part)
        else:
            merged.append(part)
    if len(merged) > 1:
        merged = [item for part in merged for item in _two_bare_things(part)]
    return merged or [words]


_TWO_BARE = re.compile(r"^(?P<lead>(?:(?:the|all|any|those|these|some|his|her|their|my|our|your|its|[a-z]+'s)\s+)*)"
                       r"(?P<a>[a-z][a-z-]{2,}s)\s+(?P<b>[a-z][a-z-]{2,})$")


def _two_bare_things(part: Words) -> list[Words]:
    """'remove the straps netting and helmet': a list item of a plural and a stuff named in -ing (`ING_NOUNS`: tubing,
    wiring, netting) with no comma between them is two things; so are two parts of a body ('her eyes cheeks and mouth',
    `SOILED_PARTS`: heads23), which never make one name. Only these: two plain nouns side by side are as often one name
    ('the trees branches') or an owner typed without its apostrophe ('the dogs collar'), and removing the dogs for their
    collar is worse than leaving a list item whole."""
    from retouch.agent.planner.rules_target import singularize
    from retouch.agent.planner.rules_vocab import (COMPOUND_NOUNS, ING_NOUNS, PERSON_WORDS, PLURAL_ONLY, SOILED_PARTS,
                                                   VAGUE_THINGS)

    m = _TWO_BARE.match(part.low.strip(" .,!?"))
    if not m:
        return [part]
    a, b = m.group("a"), m.group("b")
    single_a, plural = singularize(a)
    two_parts = a in SOILED_PARTS and b in SOILED_PARTS
    if not plural or a in PLURAL_ONLY or single_a in PERSON_WORDS or b not in ING_NOUNS and not two_parts \
            or b in VAGUE_THINGS or b.endswith("thing") or f"{a} {b}" in COMPOUND_NOUNS \
            or f"{single_a} {b}" in COMPOUND_NOUNS:
        return [part]
    return [part.slice(0, m.end("a")), part.slice(m.start("b"), m.end("b"))]
