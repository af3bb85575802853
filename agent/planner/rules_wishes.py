"""Quality wishes said without an edit word, each turned into the tone edit an editor would make — and said so.

Real requests often name what they want the photo to be, not how to get there: "a nice filter on it", "we'd like
to be clearer here", "Visibility", "make me less pale", "make her face fair", "a hi-res copy for a big print". The enhance and tone
handlers read edit words; this one reads these wishes:

- a filter or effects with no look named → a general enhance; the reply says how to ask for a particular look
  (a named look, "a vintage filter", stays a look: rules_tone); a bare filter that is the whole request ("Filters",
  "add a filter") asks which look instead, and so does the light or the colour changed with no way ("colour change",
  "change the exposure"; `Step.alone_question`) — beside another edit the measured correction stays;
- a person or the photo wished clearer, or "visibility" alone → a general enhance;
- skin "less pale" → a little more colour and warmth, masked to the skin; skin "evened out" → its cast and
  exposure measured and corrected there;
- skin wished "fair" or "light-skinned" → never a change of anyone's skin colour: a brighter exposure on the face,
  which is what an editor does, and the reply says exactly that;
- a resolution or print-size wish → there is no upscaler: the noise and sharpness corrected, and the reply says it
  cannot add pixels ("upscale to 4k" asks for a size and is refused: rules_unsupported);
- one thing wished nicer with no edit word ("make the reflection nicer") → an enhance masked to it;
- a free hand ("get creative") → a general enhance, unless another edit is named;
- a look by tone alone ("make it look retro") → that look (rules_tone), read here before the replace and add
  handlers take "… on an old print" for a thing;
- dark clothing "fixed" ("fix my black clothing") → its exposure and local contrast measured and lifted, masked to
  the clothing — the detail a photo loses in black cloth, never a darker or recoloured garment;
- "edit" and a bare scene with no other word ("edit lake", "edit the sunset") → the scene is the photo: a general
  enhance, said to be a guess (unsure, so `auto` asks the LLM) — a bare thing ("edit the sign") still asks;
- a flaw asked down with "less" ("make the lamp glare less obnoxious", "make it look less photoshopped") → what the
  flaw is decides: a shine's exposure there, harsh light's exposure, an unnatural look's general enhance;
- the photo turned into a look ("edit this photo into a retro poster") → that look (rules_tone), before a general
  enhance takes "edit this photo" for the whole ask;
- a hair colour wished of a person ("make my uncle redheaded"), a colour and a small part alone ("green eyes please"),
  closed eyes wished open, a part wished "more even" → the recolour or the fix those words mean;
- plain wishes once answered "not sure" (wish24): the owner left with who they name ("make it me and the beagle") → the
  keep-only path; most of the background faded → the background edit on all of it, said; a part "defined" → a sharpen
  there; a colour given to a side of the photo ("some violet along the bottom") → a tint there; colour changes held back
  ("nothing drastic") → the measured correction, unsure.
"""

from __future__ import annotations

import re

from retouch.agent.planner.base import PlanningContext
from retouch.agent.planner.rules_edits import parse_fix, parse_recolor
from retouch.agent.planner.rules_enhance import PART_SAY, colour_washed, enhance_step, parse_enhance, said_enhanced
from retouch.agent.planner.rules_lexicon import rx
from retouch.agent.planner.rules_steps import Step, adjust, ask, left_out, refusal, select
from retouch.agent.planner.rules_target import Target, parse_target
from retouch.agent.planner.rules_text import Settings, Words
from retouch.agent.planner.rules_vocab import (
    BACKGROUND_NOUNS, TONE_WORDS, COLOUR_TOPICS, EXPOSURE_WORDS, FLAW_LOOKS, HAIR_COLOUR_NOUNS, OBJECT_POSSESSIVES, OPENED_EYES, SHADOW_WORDS, SHINE_WORDS,
    CLEAR_WISHED, CREATIVE_FREE_HAND, DARK_GARMENT_WORDS, EDIT_SCENE_VERBS, FAULT_TONES, FILTER_NOUNS, FIXABLE_PARTS, FUNCTION_WORDS, IMAGE_WORDS, LIGHTER_SKIN_WORDS,
    CLOSED_PART_PROMPTS, CLOSED_STATES, SHOW_UP_VERBS, STATE_PARTS,
    PALE_WORDS, PERSON_WORDS, PRINT_WISHES, SEE_VERBS, SKIN_PLACES, TAN_WORDS, THING_BETTER, VISIBILITY_WORDS,
    WHITENING_VERBS,
)
from retouch.agent.planner.rules_vocab import (  # a topic changed with no way, a bare filter (issue 20, people23)
    COLOUR_CHANGE_VERBS, PICTURE_MENTIONS, PICTURE_NOUNS, TOPIC_FRAMES,
)
from retouch.agent.planner.rules_vocab import FEELING_NOUNS, PEOPLE_OBJECT_PRONOUNS, STANDING_LOOKS  # story23
from retouch.agent.planner.rules_vocab import (  # issue 20, wishes28
    CONDITION_STRENGTHS, DEGREE_WORDS, HAZE_WORDS, INVITATION_WORDS, NOISE_WORDS, OPEN_INVITATIONS,
)
from retouch.agent.planner.rules_vocab import (  # a shine toned down, frizz smoothed (issue 20, tone18)
    DOWN_WORDS, FRIZZ_HOLDERS, FRIZZ_TAMING_VERBS, FRIZZ_WORDS, SHINE_SOURCES,
)
from retouch.agent.planner.rules_vocab import (  # plain wishes answered "not sure" (issue 20, wish24)
    COLORS, COLOUR_GIVEN_AMOUNTS, COMPARATIVE_COLOUR_SHARE, GENTLE_LIMITS, PARTIAL_SHARES, WISHING_TO, COOL_CASTS, DEFINING_VERBS, MOST_SHARES, OWN_PEOPLE, WARM_CASTS,
)
from retouch.agent.planner.rules_vocab import (  # a thing made to look dead, rusty or old (issue 20, acts25)
    LOOK_PRESETS, SCENE_WORDS, THING_STATE_COLOURS, THING_STATE_LOOKS,
)
from retouch.agent.planner.rules_keep_only import parse_keep_only
from retouch.agent.planner.rules_region import parse_region, place_only
from retouch.agent.planner.rules_steps import inpaint, refine, region
from retouch.agent.planner.rules_verbs import REMOVE_VERBS
from retouch.agent.plan import InpaintCall, SelectCall
from retouch.agent.planner.rules_tone import (
    DEFAULT_AMOUNT, amount_said, describe_amounts, look_of, parse_adjust, turned_into_look,
)

GENERAL_SAY = "enhancing the photo — measuring it and correcting only what is off"
FILTER_NOTE = ("(I have no named filters or effects, so I corrected what I measured; for a particular look name it — "
               "“a vintage look”, “moody”, “warmer”, “black and white”.)")
PRINT_NOTE = ("(I can't add pixels — there is no upscaler here — so I cleaned up the noise and sharpened the detail "
              "that is there.)")
SCENE_NOTE = ("(You named only the scene, so I corrected what I measured over the whole photo; say what should change — "
              "“warmer”, “a bluer sky”, “remove the boat” — for anything else.)")
SCENE_DOUBT = "only a scene named after 'edit': what to change is a guess"
SKIN_LIGHT_NOTE = "(Exposure only: I brightened the light there. I don't change the colour of anyone's skin.)"
PALE_AMOUNTS = {"warmth": 0.15, "saturation": 0.15}
"""'less pale': a little more colour and warmth in the skin — the gentle step of `tools.adjust`'s scale."""
LIGHTER_FACE_AMOUNTS = {"brightness": 0.15}
"""'make her face fair': a gentle brighter exposure on the face, nothing else."""

FILTER_QUESTION = ("Which look should the filter give? I have no named filters, but I can give it a look by tone — "
                   "“a vintage look”, “moody”, “warmer”, “black and white” — or correct it by what I measure "
                   "(“enhance it”).")
COLOURS_CHANGED_QUESTION = ("You'd like the colours changed — which way? I can warm or cool them (“warmer”), make them "
                            "more vivid or muted, make it black and white, correct them by what I measure (“colour "
                            "correct it”), or recolour one thing (“make the sky purple”).")
LIGHT_CHANGED_QUESTION = ("You'd like the lighting changed — which way? I can brighten or darken it, add or soften "
                          "contrast, warm or cool it, or correct the exposure by what I measure (“fix the lighting”).")
_MANNERS_END = r"(?:\s+(?:please|pls|plz))?[\s.!?:)(]*$"
_TOPIC_CHANGED = rx(r"^(?:(?:{TOPIC_FRAMES})\s+)*(?P<topic>{EXPOSURE_WORDS}|{COLOUR_TOPICS})\s+(?:{COLOUR_CHANGE_VERBS})"
                    + _MANNERS_END +
                    r"|^(?:please\s+)?(?:(?:{WISHING_TO})\s+)?(?P<verb>{COLOUR_CHANGE_VERBS})\s+(?:up\s+)?(?:(?:{PARTIAL_SHARES})\s+)?"
                    r"(?:the\s+|its\s+|my\s+|our\s+)?(?P<topic2>{EXPOSURE_WORDS}|{COLOUR_TOPICS})(?:\s+up)?"
                    r"(?:\s+for\s+(?:a|an|my|our|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+){0,2})?" + _MANNERS_END)
"""'colour change', 'a lighting change please', 'change the lighting': the light or the colour changed, and no way
said — which way is asked when it is the whole request ('change the colours' always: it wants new colours; so does
'change some of the colours for a birthday card', the purpose no way either)."""
_BARE_FILTER = rx(r"^(?:(?:please|pls|and|also|then)\s+)*(?:(?:add|apply|put|use|put\s+on)\s+)?(?:(?:a|an|some|any)\s+)?"
                  r"(?:(?:image|photo|picture)\s+)?(?:{FILTER_NOUNS})(?:\s+(?:to|on|onto|over)\s+(?:the\s+|this\s+)?"
                  r"(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|it))?" + _MANNERS_END)
"""'Filters', 'add a filter', 'apply some effects to the photo': a filter with no look and no quality wished ('a nice
filter' wishes it nicer: the general enhance) — which look is asked when it is the whole request."""

_FILTER = rx(r"^\W*(?:{FILTER_NOUNS})\W*$|\b(?:{FILTER_QUALITIES})(?:\s*(?:,|and|&)?\s*(?:{FILTER_QUALITIES}))?\s+"
             r"(?:{FILTER_NOUNS})\b"
             r"|^(?:(?:please|pls|and|also|then)\s+)*(?:add|apply|put|use|put\s+on)\s+(?:(?:a|an|some)\s+)?(?:(?:image|photo|picture)\s+)?"
             r"(?:{FILTER_NOUNS})(?:\s+(?:to|on|onto|over|all\s+over|across)\s+(?:the\s+|this\s+)?(?:entire\s+|whole\s+)?"
             r"(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|it|everything))?(?:\s+(?:please|pls|plz))?\W*$")
_NOT_A_PLAIN_FILTER = rx(r"\b(?:{LOOK_WORDS}|{TONE_WORDS}|{BLUR_CUES}|{STYLE_WORDS}|{ART_WORDS}|{COLORS}"
                         r"|{NOT_A_PLAIN_FILTER})\b")
"""'put a filter over this shot' (no look named: the third shape) is a plain filter wish too.
'a vintage filter', 'a warm filter', 'a blur effect', 'a cartoon effect', 'a green filter', 'remove the filter', 'what
filter is this': a look, a tone, a blur, a restyle, a colour, another edit or a question — not a plain filter wish."""
_TONE_FILTER = rx(r"\b(?P<tone>{LOOK_WORDS}|{BLACK_AND_WHITE}|{FILTER_TONES})\s+(?:{FILTER_NOUNS})\b"
                  r"|\b(?:{FILTER_NOUNS})\s+(?:to|into)\s+(?:(?:a|an)\s+)?(?P<tone2>{LOOK_WORDS}|{BLACK_AND_WHITE}|{FILTER_TONES})"
                  r"(?:\s+(?:please|pls|plz))?\W*$")
"""'a vintage filter', 'a black and white filter', 'change the filter to vintage': the look or tone named, which rules_tone
gives."""
_CLEAR = rx(r"\b(?:want|like|need|wish)\s+(?:(?:me|us|him|her|them|it|this)\s+)?to\s+(?:be|look|become)\s+"
            r"(?:more\s+|a\s+bit\s+|a\s+little\s+)?(?:{CLEAR_WISHED})\b"
            r"|\b(?:become|becomes|should\s+be|must\s+be|needs?\s+to\s+be)\s+(?:more\s+|a\s+bit\s+|a\s+little\s+)?"
            r"(?:{CLEAR_WISHED})\b"
            r"(?!\s+(?:of|from|that|about)\b)"
            r"|\bmake\s+(?:{CLEAR_WISHED})(?:\s+(?:or|and|&)\s+(?:better|nicer|{CLEAR_WISHED}))?\s+"
            r"(?:my|our|his|her|the|this)\b"
            r"|^(?:to\s+)?(?:be|look|become)\s+(?:more\s+|a\s+bit\s+|a\s+little\s+)?(?:{CLEAR_WISHED})\b"
            r"|^\W*(?:{VISIBILITY_WORDS})\W*(?:please|pls)?\W*$")
"""'we'd like to be clearer here', 'the writing should become clearer', 'make clear or better my son', 'Visibility'."""
_SEE_WISH = rx(r"^(?:help\s+(?:me\s+|us\s+)?|so\s+(?:we|i|you)\s+can\s+)?(?:{SEE_VERBS})\s+"
               r"(?!(?:(?:the|my|our|your|this|that)\s+)?(?:{SEE_ASIDES})\b)\w")
"""'help me see the kids at the back': the photo made easier to see (with 'better' after it, 'see the kids better',
rules_enhance enhances the kids)."""
_SEEN_BETTER = rx(r"\b(?:{SEEN_BETTER})\b")
_BETTER_THING = rx(r"^(?:(?:please|pls)\s+)?(?:make|get)\s+"
                   r"(?P<np>(?:(?:the|this|that|my|our|his|her|their)\s+)?[a-z'-]+(?:\s+[a-z'-]+)?"
                   r"(?:\s+(?:on|in|of)\s+(?:the\s+)?[a-z'-]+)?)\s+(?:(?:look|looks|seem|seems|appear|appears)\s+)?"
                   r"(?:a\s+bit\s+|a\s+little\s+|much\s+)?(?:{THING_BETTER})\W*(?:(?:please|pls)\W*)?$")
"""'make the reflection on the lake better', 'make cake seem more delicious': one thing to look better — a general
enhance masked to it (a part of a person to look better is a fix: 'make his hand better')."""
_A_QUALITY = rx(r"^(?:(?:the|its|this|my|our|his|her|their)\s+)?(?:overall\s+)?"
                r"(?:{ENHANCE_NOUNS}|{ENHANCE_NAMES}|{ABSTRACT_NOUNS}|{EXPOSURE_WORDS}|{COLOUR_TOPICS}|{BACKGROUND_NOUNS})\b")
"""'make the quality better', 'make the colours better', 'make look better': a quality of the photo, not a thing; 'make
the backdrop nicer' is rules_enhance's, with its own note."""
_EDIT_A_SCENE = rx(r"^(?:{EDIT_SCENE_VERBS})\s+(?:(?:the|my|our|this|that|a)\s+)?(?!(?:{SCENE_PARTS})\b)(?:{SCENE_WORDS})"
                   r"(?:\s+(?:please|pls|plz))?\W*$")
"""'edit sunset', 'edit the lake please': a scene and nothing else — the photo is of the scene (not 'edit the sign')."""
_DARK_GARMENT_FIXED = rx(r"^(?:(?:please|pls)\s+)?(?:{EXPOSURE_FIX_VERBS})\s+"
                         r"(?P<np>(?:(?:my|his|her|their|our|the|your|this)\s+)?(?:{DARK_GARMENT_WORDS})\s+"
                         r"(?:{GARMENT_NOUNS}))(?:\s+(?:please|pls|plz))?\W*$")
"""'fix my black clothing', 'correct his dark suit': the detail lost in dark cloth — not a darker suit."""
_FAULT_FIXED = rx(r"^(?:(?:please|pls|help(?:\s+me)?|also|maybe|possibly|and)\s+)*(?:{EXPOSURE_FIX_VERBS})\s+"
                  r"(?P<det>(?:(?:my|his|her|their|our|the|your|this|that|these|those|its|all\s+the)\s+)?)"
                  r"(?:(?:very|really|so|too|slightly|a\s+bit|quite|rather)\s+)?(?P<fault>{FAULT_TONES})\s+"
                  r"(?P<head>(?!(?:and|or|with|please|pls|in|on|of)\b)[a-z'-]+(?:\s+(?!(?:and|or|with|please|pls)\b)[a-z'-]+){0,3}?)"
                  r"(?:\s+(?:in|of|on)\s+(?:the|this|my|our|that|your)\s+(?:[a-z'-]+\s+){0,2}?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}))?"
                  r"(?:\s+(?:please|pls|plz|a\s+bit|a\s+little|if\s+possible|as\s+well|too))*\W*$")
"""'fix the dark sky', 'improve the gloomy lighting', 'sort out the washed-out colours': the fault named before its thing
is what the correcting verb takes away — measured there (over the whole photo when the thing is its light or colour)."""
_PHOTO_TOPIC = rx(r"^(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|{EXPOSURE_WORDS}|{COLOUR_TOPICS}|areas?|parts?|spots?)s?$")
"""What a fault may be of that is the photo itself or its light: 'the dark *photo*', 'the dark *lighting*', 'the
washed-out *colours*' ('the dark *areas*' are the dark tones everywhere)."""
_OUT_OF_SHADE = rx(r"\b(?:{OUT_OF_SHADE_VERBS})\s+(?P<np>(?!(?:it|this|that)\b)[a-z'&-]+(?:\s+[a-z'&-]+){0,4}?)\s+out\s+of\s+"
                   r"(?:the\s+|all\s+the\s+|that\s+)?(?:{SHADE_PLACES})\b")
"""'take my dad and me out of the shadows': who or what is brightened."""
_PEOPLE_NAMED = re.compile(r"\b(?P<who>me|us|him|her|them|myself|ourselves)\b")
OUT_OF_SHADE_AMOUNTS = {"brightness": DEFAULT_AMOUNT}
RESOLUTION = rx(r"\b(?:{RESOLUTION_WORDS})\b")
"""'the resolution', 'the pixel count': the photo's size in pixels — read here and by rules_unsupported."""
_CREATIVE = rx(r"\b(?:{CREATIVE_FREE_HAND})\b")
_OTHER_EDIT = rx(r"\b(?:{BACKGROUND_NOUNS}|{ADD_VERBS_INFLECTED}|replace\w*|swap\w*)\b")
"""'put me on a beach, get creative': another edit, with a free hand in how."""
_SKIN_OF = r"(?P<np>(?:(?:his|her|their|my|our|the|your|[a-z]+'s)\s+)?(?:{SKIN_PLACES}))"
_WHO = r"(?P<who>me|him|her|us|them|myself)"
_PALE = rx(r"\b(?:" + _SKIN_OF + r"|" + _WHO + r"|(?<=make\s)(?:[\w'-]+\s+){0,2}?[\w'-]+)\s+"
           r"(?:(?:look|looks|appear|seem|be)\s+)?(?:a\s+(?:bit|little)\s+)?(?:less|not\s+so|not\s+as)\s+(?:[a-z]+\s+)?(?:{PALE_WORDS})\b")
_EVEN = rx(r"\b(?:{EVEN_SKIN_WORDS})\s+(?:the\s+)?(?:colou?r\s+of\s+|tone\s+of\s+)?" + _SKIN_OF
           + r"(?:\s+(?:tone|colou?r))?\b"
           r"|\b" + _SKIN_OF.replace("?P<np>", "?P<np2>") + r"(?:\s+(?:tone|colou?r))?\s+(?:(?:look|looks|be|to\s+be)\s+)?"
           r"(?:more\s+)?even(?:ed\s+out)?\b"
           r"|\btone\s+" + _SKIN_OF.replace("?P<np>", "?P<np3>") + r"\s+(?:more\s+)?evenly\b")
_LIGHTER_SKIN = rx(r"\b(?:make|making|get|turn)\s+(?:" + _SKIN_OF + r"|" + _WHO + r"|[a-z]+(?:\s+[a-z.]+){0,3}?)\s+"
                   r"(?:(?:look|be|as|so)\s+)*(?:more\s+)?(?:{LIGHTER_SKIN_WORDS})\b")
_SKIN_WHITENED = rx(r"\b(?:{WHITENING_VERBS})\s+" + _SKIN_OF + r"\b"
                   r"|\b(?:make|making|get|turn)\s+" + _SKIN_OF.replace("?P<np>", "?P<np2>")
                   + r"\s+(?:(?:look|be)\s+)?(?:(?:a\s+bit|a\s+little|slightly|much)\s+)?(?:more\s+)?(?:{SKIN_LIGHTER_COLOURS})\b")
"""'whiten my face', 'make her skin whiter': a lighter skin asked for — the same exposure-only answer as 'fair'."""
_TAN = rx(r"\b(?:" + _SKIN_OF + r"|" + _WHO + r")\s+(?:(?:look|looks|appear|seem|be)\s+)?"
          r"(?:(?:a\s+bit|a\s+little|slightly)\s+)?(?:more\s+)?(?:{TAN_WORDS})\b"
          r"|(?<=make\s)(?:[\w'-]+\s+){0,2}?[\w'-]+\s+(?:look\s+|looks\s+|(?:a\s+bit\s+|a\s+little\s+)?more\s+)(?:{TAN_WORDS})\b"
          r"|\bgive\s+(?:(?:(?:the|my|his|her|our|their|your|this|that|[a-z]+'s)\s+)?(?:[\w'-]+\s+)?(?:{PERSON_WORDS})"
          r"|me|him|her|us|them|(?!(?:the|a|an|this|that|these|those|my|his|her|our|their|your|it)\b)[a-z'-]+)\s+"
          r"(?:a\s+)?(?:(?:bit|little)\s+(?:of\s+)?(?:a\s+)?)?(?:{TAN_WORDS})\s*(?:$|[,.!?]|and\b)")
"""'make him a bit more tanned', 'make my skin look sun-kissed', 'make grandad look tanned', 'give the singer a suntan', 'give Tom a tan' —
not 'the tan sofa', not 'give the armchair a tan' (a thing given a tan is its colour) (a person said pale or given a tan is the person: issue 20, tone16)."""
_AND_TOUCH_UP = rx(r"[^,;.]*?\s+(?:and|&|plus)\s+(?:(?:do|give\s+it|get|add)\s+)?(?:(?:some|a\s+few|a|any)\s+)?"
                   r"(?:[a-z]+\s+){0,3}?(?:{ENHANCE_NAMES}|{ENHANCE_VERBS})\b")
"""'… and do some minor touch-ups', '… and tidy it up a little': a general enhance asked after the skin wish."""
_AND_MORE = re.compile(r"\s(?:and|&|plus|then)\s+(?!(?:natural|still|keep|keeping)\b)[a-z]")
"""'… *and eyes brighter*': more is asked after the skin wish."""
_AND_PART_TONED = rx(r"\s+(?:and|&|plus)\s+(?P<owner>(?:the|his|her|their|my|our|your)\s+)?"
                     r"(?P<rest>[a-z'-]+(?:\s+[a-z'-]+)?\s+"
                     r"(?:(?:a\s+)?(?:little|bit|lot|touch|tad|much|slightly|way|even)\s+)*"
                     r"(?:{TONE_COMPARATIVES}|{COLOR_COMPARATIVES}))\s*[.!?]*$")
"""'make him slightly more tanned *and teeth whiter*' (tone27): a second thing and its comparative after the skin
wish, the thing said bare — the clause split waits for an article ('and the eyes brighter'), so the pair is read here
as its own change ('make the eyes brighter'), never the whole clause brightened."""
_SKIN_TONE_SAID = re.compile(r"\bskin\s*-?\s*(?:tones?|colou?rs?)\b")
"""'even out her skin tone': the skin tone said — rules_enhance reads it, with whose skin it is."""
_TONE_KEEPING = rx(r"^(?P<edit>(?:{TONE_VERBS})\b.*?)\s+without\s+(?:\w+\s+)?(?:{KEPT_CHANGES})\s+"
                   r"(?:(?:the|my|our|its)\s+)?(?:{BACKGROUND_NOUNS})\b")
"""'brighten my sister and me without losing the background': the tone change, with the background kept — not the
background handler's (it read 'losing the background' as a cut-out, or brightened the background itself)."""
_UPSCALE_SIZE = rx(r"\b{UPSCALE_WORDS}\b")
_PRINT = rx(r"\b{PRINT_WISHES}\b")
_AS_HIGH_AS = re.compile(r"\bas\s+(?:high|hi)[\s-]+(?:a\s+)?(?:resolution|res)\s+as\b")
"""'… as a png, as high resolution as possible': how the file is to be delivered, not an edit of its own."""
_ELSEWHERE = rx(r"\b{REMOVE_VERBS}\b|\bwithout\b|\bget\s+rid\b")
"""'a higher resolution version without the text', 'get rid of them (to be clear, …)': a removal first — not this
handler's to drop."""


def parse_look_or_thing(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """Read after the enhance handler (which takes "make this photo from last summer look better" and "make the clouds
    look a bit nicer", strength and all) and before the replace and add handlers would take "… on a print" for a
    thing: a look by tone alone ("make it look scratched and retro on a print"), or one thing wished better in words
    rules_enhance doesn't read ("make reflection on water better", "make cake seems more delicious")."""
    low = clause.low
    look, better = look_of(low), _BETTER_THING.match(low)
    if not (look or better) or _ELSEWHERE.search(low):
        return []
    if look:
        from retouch.agent.planner.rules_unsupported import STYLE     # that module imports this one

        if STYLE.search(low):                       # "the gritty look of cyberpunk", "ethereal watercolour": a style
            return []                               # no tone makes — refused, with what is possible, by unsupported
        return parse_adjust(clause, ctx, settings)
    if better and RESOLUTION.search(better.group("np")):     # "make the resolution better": no pixels to add
        return [print_size_step(low)]
    if better:
        target = parse_target(clause.slice(better.start("np"), better.end("np")), clause)
        if target is None or target.pronoun or target.target in IMAGE_WORDS or _A_QUALITY.match(better.group("np")) \
                or target.target.split()[-1] in FIXABLE_PARTS or target.target in PERSON_WORDS:
            return []                               # the photo or a quality of it: rules_enhance; a person: a fix
        return [enhance_step(None, f"enhancing {target.describe()} — measuring it and correcting only what is off",
                             masked=True, target=target)]
    return []


def _cue_words(*lists: tuple[str, ...]) -> frozenset[str]:
    """Every word of the wishes' phrases that says something (not 'the', 'make', 'your' …): a clause with none of them
    is none of these wishes, so the patterns run only on the few that have one (the rules' speed budget)."""
    words = {word for phrases in lists for phrase in phrases for word in re.findall(r"[a-z]+", phrase)}
    return frozenset(words - FUNCTION_WORDS - {"make", "get", "let", "your", "show", "run", "look", "more", "it", "up",
                                                "out", "off", "us", "this", "skinned"})


_CUES = _cue_words(FILTER_NOUNS, CLEAR_WISHED, VISIBILITY_WORDS, PALE_WORDS, TAN_WORDS, LIGHTER_SKIN_WORDS, WHITENING_VERBS, PRINT_WISHES,
                   THING_BETTER, CREATIVE_FREE_HAND, SEE_VERBS, SKIN_PLACES)


_BACKGROUND_PROPERTY = rx(r"\b(?:{BACKGROUND_NOUNS})(?:'s)?\s+(?:{PROPERTY_NOUNS})\b|\b(?:{PROPERTY_NOUNS})\s+(?:of|on|in|to|for)\s+"
                         r"(?:the\s+|my\s+|this\s+)?(?:{BACKGROUND_NOUNS})\b")
"""'increase contrast in background', 'reduce the background brightness': a property of the background, moved there."""
_NEW_BACKGROUND = rx(r"\b(?:{COLORS}|{REMOVE_VERBS}|replace\w*|swap\w*|change\w*|transparent|match\w*|blend\w*)\b"
                     r"|\b(?:{BACKGROUND_NOUNS})\s+(?:\w+\s+)?(?:to|into|with)\b")
"""A new or removed background, a colour said, or something matched to the background's light ('match the overlay with
the background lighting'): another handler's, never a tone moved there."""


def _background_toned(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'increase contrast in background', 'reduce the background brightness', 'brighten up the background colours': the
    tone change masked to the background (selected as such) — never the whole photo, never asked what the new
    background should be. [] when a new background, a colour or a removal is said."""
    if _BACKGROUND_PROPERTY.search(clause.low) is None or _NEW_BACKGROUND.search(clause.low):
        return []
    steps = parse_adjust(clause, ctx, settings)
    if len(steps) != 1 or [call.tool for call in steps[0].calls] not in (["adjust"], ["select", "adjust"]):
        return []
    *chosen, call = steps[0].calls
    if chosen and chosen[0].args.target not in BACKGROUND_NOUNS and not chosen[0].args.exclude:
        return []                                   # "the contrast of the boat against the background": the boat's
    amounts = {name: value for name, value in call.args.model_dump().items() if name != "masked" and value is not None}
    background = Target("background", "background")
    return [Step("adjust", [select(background), adjust(amounts, masked=True)], describe_amounts(amounts, "the background"))]


# ---- a joke or a purpose wished as an edit, a change wished in the passive (issue 20, story23) -----------------

_SOMEONE = r"(?P<who>(?:{PEOPLE_OBJECT_PRONOUNS})|(?:my|our|his|her|their|the|this|that)\s+(?:[\w'-]+\s+){0,2}?[\w'-]+)"
_CLOSE = r"(?:\s+(?:please|pls|plz|again|too))*\s*[.!?]*$"
_FEELING_WISHED = rx(r"\b(?:bring|give|cause|earn|win)\s+" + _SOMEONE + r"\s+(?:(?:some|great|eternal|endless|so\s+much|much"
                     r"|a\s+lot\s+of|lots\s+of|all\s+the|the|a\s+little|maximum|ultimate|everlasting)\s+)*"
                     r"(?P<what>{FEELING_NOUNS})" + _CLOSE)
"""'bring him great shame', 'give my cousin some glory': a feeling wished on someone — what the joke is for, not an edit."""
_STANDING_WISHED = rx(r"\b(?:make|get)\s+" + _SOMEONE + r"\s+(?:(?:look|seem|appear|feel|be)\s+)?"
                      r"(?:(?:more|really|super|very|so|a\s+bit|truly|extra)\s+)*(?P<what>{STANDING_LOOKS})" + _CLOSE)
"""'make him look famous', 'make my aunt seem important': how someone should come across, with no look a tool makes."""
_CREATIVE_CUES = frozenset(word for phrase in (*FEELING_NOUNS, *STANDING_LOOKS) for word in phrase.split()) - {"like", "a"}
CREATIVE_ASK = ("“{what}” says how it should come across, not what to change, so I made no edit — tell me the edit: add "
                "something (“add a crown on him”), put them somewhere else (“put him on a red carpet”), or remove or "
                "recolour a thing.")
_MADE_PASSIVE = rx(r"^(?:if\s+)?(?P<np>(?:the|my|our|his|her|their|this|that|these|those|its)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+)\s+"
                   r"(?:{ASKING_MODALS}|should)\s+(?:(?:somehow|possibly|please|also|maybe|ever)\s+)?(?:be|get)\s+made\s+"
                   r"(?:to\s+)?(?P<how>[a-z].*)$")
"""'if the lilies could be made to look fresh again', 'the sky can be made bluer': a change wished in the passive —
read as the 'make …' it means (what the thing becomes is read by the handlers that read 'make the sky bluer')."""


def _creative_wish(clause: Words, words: frozenset[str]) -> list[Step]:
    """A joke or a purpose said as the edit ('bring him great shame', 'make my uncle look famous'): no plan built from
    the words — asked what to change, saying why. [] for anything else, or when what it is wished of is the photo or a
    quality of it ('make the colours look rich' is a tone)."""
    if _CREATIVE_CUES.isdisjoint(words):
        return []
    m = _FEELING_WISHED.search(clause.low) or _STANDING_WISHED.search(clause.low)
    if m is None:
        return []
    who = m.group("who")
    if who not in PEOPLE_OBJECT_PRONOUNS:
        target = parse_target(clause.slice(m.start("who"), m.end("who")), clause)
        if target is None or target.pronoun or target.target in IMAGE_WORDS or _A_QUALITY.match(m.group("who")):
            return []                               # "make the colours look rich": a tone, the handlers' own
    return [ask(CREATIVE_ASK.format(what=" ".join(clause.slice(m.start("what"), m.end("what")).orig.split())))]


def _made_passive(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A change wished in the passive, planned as the 'make …' it means; [] for any other shape."""
    m = _MADE_PASSIVE.match(clause.low) if " made " in clause.low else None
    if m is None:
        return []
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    return dispatch(Words.of("make ").join("", clause.slice(m.start("np"), m.end("np"))).join(
        " ", clause.slice(m.start("how"), m.end("how"))), ctx, settings)


def parse_quality_wish(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    low = clause.low
    words = frozenset(re.findall(r"[a-z]+", low))
    told = _creative_wish(clause, words) or _made_passive(clause, ctx, settings) \
        or _plain_wish(clause, words, ctx, settings)
    if told:
        return told
    toned = _background_toned(clause, ctx, settings) if "back" in low or "bg" in low or "scen" in low else []
    if toned:
        return toned
    kept = _TONE_KEEPING.match(low) if "without" in low else None
    if kept:                                        # "brighten the faces without changing the background"
        from retouch.agent.planner.rules_background import off_the_background   # late: it reads this module's table

        return off_the_background(parse_adjust(clause.slice(0, kept.end("edit")), ctx, settings))
    dark_garment = _DARK_GARMENT_FIXED.match(low) if any(word in low for word in DARK_GARMENT_WORDS) else None
    if dark_garment:
        target = parse_target(clause.slice(dark_garment.start("np"), dark_garment.end("np")), clause)
        if target is not None:
            return [enhance_step(["exposure", "local_contrast"],
                                 f"lifting the detail in {target.describe()} — its exposure and local contrast, by what "
                                 "I measure", masked=True, target=target)]
    shaded = _OUT_OF_SHADE.search(low) if " out of " in low else None
    if shaded:
        return _out_of_shade(clause, shaded)
    faulted = _FAULT_FIXED.match(low) if any(word in low for word in _FAULT_CUES) else None
    if faulted:
        return _fault_corrected(clause, faulted)
    changed = _TOPIC_CHANGED.match(low) if "chang" in low or "alter" in low or "switch" in low or "modif" in low else None
    if changed:
        return _topic_changed(clause, changed, ctx, settings)
    held_back = _HELD_BACK_CHANGE.match(low) if "nothing" in words or "not" in words or "subtle" in words else None
    if held_back and _TOPIC_CHANGED.match(held_back.group("change")):
        return _measured_gently(clause, _TOPIC_CHANGED.match(held_back.group("change")), ctx, settings)
    said = said_enhanced(clause, ctx) or _flaw_made_less(clause, words) or _frizz_smoothed(clause, words) \
        or _colour_wished(clause, words, ctx, settings) or _thing_state_wished(clause, words, ctx, settings) \
        or _part_state_wished(clause, ctx, settings) or _shown_up(clause, ctx, settings) \
        or _part_made_natural(clause, ctx, settings) or _condition_too_strong(clause, words)
    if said:
        return said
    if not _INTO_CUES.isdisjoint(words) and turned_into_look(low):    # "edit this photo into a retro poster"
        return parse_look_or_thing(clause, ctx, settings)
    if _EDIT_A_SCENE.match(low):
        step = enhance_step(None, GENERAL_SAY, note=SCENE_NOTE)
        step.doubt = SCENE_DOUBT
        return [step]
    if _CUES.isdisjoint(words) or _ELSEWHERE.search(low):
        return []
    if _PRINT.search(low) and not _UPSCALE_SIZE.search(low) and not _AS_HIGH_AS.search(low):
        return [print_size_step(low)]
    wished = _FILTER.search(low)
    if wished and not _NOT_A_PLAIN_FILTER.search(low[:wished.start()] + " " + low[wished.end():]):
        step = enhance_step(None, GENERAL_SAY, note=FILTER_NOTE)
        step.alone_question = FILTER_QUESTION if _BARE_FILTER.match(low) else ""
        return [step]
    toned = _TONE_FILTER.search(low)
    if toned:                                       # "put on the sepia effect": that tone, not a thing to add
        said = " ".join((toned.group("tone") or toned.group("tone2")).split())
        said = f"{said}er" if f"{said}er" in TONE_WORDS else said      # "a bright filter": brighter
        return parse_adjust(Words.of(f"give it a {said} look"), ctx, settings)
    lighter = _LIGHTER_SKIN.search(low) or _SKIN_WHITENED.search(low)
    if lighter:
        return _and_touch_up([_on_face(clause, lighter, "face", LIGHTER_FACE_AMOUNTS, SKIN_LIGHT_NOTE)], low, lighter)
    pale = _PALE.search(low) or _TAN.search(low)
    if pale:
        return _and_touch_up([_on_face(clause, pale, "person", PALE_AMOUNTS)], low, pale,    # "make me less pale": me
                             ctx, settings)
    even = _EVEN.search(low) if not _SKIN_TONE_SAID.search(low) else None
    if even:
        target = _skin_target(clause, even, "skin")
        target = target if target.target == "skin" else Target("skin", "skin")   # a face's eyes and lips are no blotch
        return _and_touch_up([enhance_step(["even_skin"], f"evening out the colour of {target.describe()} — "
                                           "blotches and red patches toned down", masked=True, target=target)], low, even)
    if _CREATIVE.search(low) and not _OTHER_EDIT.search(low):
        return [enhance_step(None, GENERAL_SAY)]
    if _CLEAR.search(low) or _SEE_WISH.search(low) and not _SEEN_BETTER.search(low) and not look_of(low):
        return [enhance_step(None, GENERAL_SAY)]
    return []


def _topic_changed(clause: Words, m: re.Match[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'colour change', 'change the lighting': the light or the colour changed with no way said. Alone it is asked
    which way, naming what was understood; beside another edit the light or colour is measured (the enhance row's
    reading of a bare topic). 'change the colours' is asked either way: new colours, none named."""
    topic = m.group("topic") or m.group("topic2")
    colour = topic in COLOUR_TOPICS
    if colour and m.group("verb"):
        return [ask(COLOURS_CHANGED_QUESTION)]
    measured = parse_enhance(Words.of(topic), ctx, settings) if colour else \
        [enhance_step(["exposure"], "correcting the exposure by what I measure")]
    for step in measured:
        step.alone_question = COLOURS_CHANGED_QUESTION if colour else LIGHT_CHANGED_QUESTION
    return measured


_HELD_BACK_CHANGE = rx(r"^(?:(?:i|we)\s+)?(?:(?:need|want|would\s+like|'d\s+like)\s+)?(?P<change>.+?)\s*[,;:-]?\s*(?:but\s+)?"
                       r"(?:{GENTLE_LIMITS})" + _MANNERS_END)
"""'need some colour changes, nothing drastic': the colour or the light changed, held back — the change wished is
the measured correction (what is off, put right), said to be a guess; never asked which way."""
GENTLE_CHANGE_DOUBT = "a change with no way said, held back: the measured correction is a guess"


def _measured_gently(clause: Words, m: re.Match[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The colour or light changed, 'nothing drastic': the measured correction of it, unsure (`_HELD_BACK_CHANGE`)."""
    steps = _topic_changed(clause, m, ctx, settings)
    if any(not step.calls for step in steps):      # 'change the colours, nothing drastic': new colours, none named
        topic = m.group("topic") or m.group("topic2")
        steps = parse_enhance(Words.of(topic), ctx, settings)
    for step in steps:
        step.alone_question = ""
        step.doubt = GENTLE_CHANGE_DOUBT
    return steps


_INTO_CUES = frozenset({"into", "to", "a", "an"})
"""A photo is turned into a look only with one of these ('… into daytime', 'make this picture a spooky scene')."""
_FAULT_CUES = frozenset(word.split()[0].split("-")[0] for word in FAULT_TONES)
"""The first word of every fault tone: a clause with none skips the pattern."""


def _out_of_shade(clause: Words, m: re.Match[str]) -> list[Step]:
    """'bring her out of the shadows': the person (all of them for 'us', 'them', or more than one named) or the thing
    named, brightened there."""
    named = m.group("np")
    who = _PEOPLE_NAMED.search(named)
    if who:
        plural = who.group("who") in ("us", "them", "ourselves") or bool(re.search(r"\b(?:and|&)\b", named))
        target = Target("person", "people" if plural else "person", all=plural)
    else:
        target = parse_target(clause.slice(m.start("np"), m.end("np")), clause)
        if target is None or target.pronoun or target.target in IMAGE_WORDS:
            return []
    return [Step("adjust", [select(target), adjust(OUT_OF_SHADE_AMOUNTS, masked=True)],
                 describe_amounts(OUT_OF_SHADE_AMOUNTS, target.describe()) + " — out of the shadow",
                 on_selection=target.pointed)]


def _fault_corrected(clause: Words, m: re.Match[str]) -> list[Step]:
    """'fix the dark sky': the parts that correct the fault, measured on the thing (the whole photo for its light)."""
    parts = list(FAULT_TONES[" ".join(m.group("fault").split())])
    fault = " ".join(clause.slice(m.start("fault"), m.end("fault")).orig.split())
    listed = " and ".join(PART_SAY[part] for part in parts)
    if _PHOTO_TOPIC.match(m.group("head")):
        return [enhance_step(parts, f"correcting {listed} by what I measure (the {m.group('head')}: {fault})")]
    named = clause.slice(m.start("det"), m.end("head"))
    target = parse_target(named.blank(m.start("fault") - m.start("det"), m.end("fault") - m.start("det")).squeeze(),
                          clause)
    if target is None or target.pronoun:
        return []
    if target.target in IMAGE_WORDS:
        return [enhance_step(parts, f"correcting {listed} by what I measure (the photo: {fault})")]
    return [enhance_step(parts, f"correcting {listed} of {target.describe()} by what I measure (said to be {fault})",
                         masked=True, target=target)]


def _and_touch_up(steps: list[Step], low: str, m: re.Match[str], ctx: PlanningContext | None = None,
                  settings: Settings | None = None) -> list[Step]:
    """The skin step, and a general enhance when the words after it ask for one too ('whiten her cheeks *and do a few
    touch-ups*'), or a second thing's tone or colour ('make him more tanned *and teeth whiter*': `_AND_PART_TONED`);
    [] when they ask for something else, left to the handlers that read it — the clause is not cut there, and nothing
    it asks may be dropped."""
    if _AND_TOUCH_UP.match(low, m.end()):
        return [*steps, enhance_step(None, GENERAL_SAY)]
    pair = _AND_PART_TONED.match(low, m.end()) if ctx is not None and settings is not None else None
    if pair:
        from retouch.agent.planner.rules_handlers import dispatch    # late: the table imports this module
        said = f"make {pair.group('owner') or 'the '}{pair.group('rest')}"
        toned = dispatch(Words.of(said), ctx, settings)
        if toned and all(step.calls for step in toned):
            return [*steps, *toned]
    return [] if _AND_MORE.search(low, m.end()) else steps


def print_size_step(low: str) -> Step:
    """A resolution or print-size wish. Said beside a quality a tool can mend ('sharper / better resolution', 'look high
    res'), the noise and the sharpness corrected by what is measured, the reply saying that no pixels are added; said
    alone it is an upscale, which no tool makes: declined with what can be done (the labels' convention, issue 20 —
    a sharpen nobody asked for is some other edit)."""
    if not _RESOLUTION_MENDABLE.search(low):
        from retouch.agent.planner.rules_unsupported import RESOLUTION_NOTE    # that module imports this one

        return refusal(RESOLUTION_NOTE)
    return enhance_step(["denoise", "sharpen"], "correcting the noise and the sharpness by what I measure",
                        note=PRINT_NOTE)


_RESOLUTION_MENDABLE = rx(r"\b(?:{RESOLUTION_QUALITY_CUES})\b")


def _skin_target(clause: Words, m: re.Match[str], default: str) -> Target:
    """The skin place the words name ('her face', 'my skin'), else the `default` part of whoever is meant."""
    group = next((name for name in ("np", "np2", "np3") if m.groupdict().get(name)), None)
    if group:
        target = parse_target(clause.slice(m.start(group), m.end(group)), clause)
        if target is not None and not target.pronoun:
            return target
    return Target(default, default)


def _on_face(clause: Words, m: re.Match[str], default: str, amounts: dict[str, float], note: str = "") -> Step:
    """The tone change `amounts`, masked to the skin place named (else the `default` part)."""
    target = _skin_target(clause, m, default)
    return Step("adjust", [select(target), adjust(amounts, masked=True)], describe_amounts(amounts, target.describe()),
                note, on_selection=target.pointed)


# ---- a flaw asked down, a colour wished for a part (issue 20, ask round 12) ---------------------------------------

_LESS_FLAW = rx(r"\b(?:make|making|get|getting)\s+(?P<np>[\w'-]+(?:\s+[\w'-]+){0,5}?)\s+"
                r"(?:(?:look|looks|appear|appears|seem|seems|be)\s+)?(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|much\s+|slightly\s+"
                r"|way\s+)?less\s+[\"'“]?(?P<flaw>{FLAW_LOOKS})\b")
"""'make the window glare less obvious', 'make his brow less shiny', 'make my edit look less photoshopped'."""
_FLAW_NOT = rx(r"\b(?:make|get|edit|fix|photoshop|change)\s+(?P<np>[\w'-]+(?:\s+[\w'-]+){0,5}?)\s+so\s+(?:that\s+)?"
               r"(?:it|they|he|she|this)\s+(?:isn't|aren't|is\s+not|are\s+not|doesn't\s+look|don't\s+look|looks?\s+less"
               r"|isnt|arent)\s+(?:so\s+|super\s+|as\s+|too\s+|that\s+)?[\"'“]?(?P<flaw>{FLAW_LOOKS})\b"
               r"(?:\s+(?:and|&)\s+(?P<more>[a-z'-]+)(?=\s*[.!?]*$))?")
"""'edit her arm so it isn't so ashy': the same flaw, asked away with a negation ('… ashy and flaky': the second
word is said to be left out, and the plan is unsure)."""
_PHOTO_ITSELF = rx(r"^(?:(?:it|this|that|me|us|him|her|them|everything)|(?:(?:the|this|that|my|our|his|her|their)\s+)?"
                   r"(?:[\w'-]+\s+)?(?:{PICTURE_NOUNS}|{PICTURE_MENTIONS}|work|edit|edits|editing|retouch|retouching))$")
"""What a look is wished of that is the photo (or the people in it, for a look): 'make *it* less fake', 'make *my
edit* less photoshopped', 'make *me* look less edited'."""
_SHINY_THING = rx(r"\b(?:{SHINE_WORDS}|flash)\b")
_SHADOWS = rx(r"^(?:the\s+)?(?:{SHADOW_WORDS})$")
_LIGHT = rx(r"^(?:the\s+)?(?:{EXPOSURE_WORDS})$")
_COLOURS = rx(r"^(?:the\s+)?(?:{COLOUR_TOPICS})$")
SOFTER_COLOURS = {"saturation": -DEFAULT_AMOUNT}
"""'make the colours less harsh': the colours muted by the plain step of `tools.adjust`'s scale."""
_HAIR_COLOUR = rx(r"\b(?:make|making|turn|get)\s+(?P<who>me|him|her|them|us|myself"
                  r"|(?:my|his|her|our|their|the)\s+(?!hair\b)[a-z'-]+(?:\s+(?!(?:hair|a|an|look|looks|into|more)\b)[a-z'-]+)?)\s+"
                  r"(?:(?:a|an|look|looks|into|more)\s+)*(?P<hair>{HAIR_COLOUR_NOUNS})\b(?!\s+hair\b)")
"""'make my uncle redheaded', 'make my sister a blonde': the hair of whoever is named, recoloured."""
_FLAW_CUES = frozenset(word for phrase in FLAW_LOOKS for word in re.findall(r"[a-z]+", phrase))
_HAIR_CUES = frozenset(word for phrase in HAIR_COLOUR_NOUNS for word in re.findall(r"[a-z]+", phrase))


_DOWN_PHRASES = "|".join(re.escape(word) for word in DOWN_WORDS if word.endswith(" down") and " it " not in word)
_SHINE_TONED_DOWN = rx(r"\b(?:" + _DOWN_PHRASES + r")\s+(?:(?:the|that|this|any|all\s+the|some\s+of\s+the)\s+)?"
                       r"(?:[\w'-]+\s+){0,2}?(?:{SHINE_WORDS})\b"
                       r"(?:\s+(?:from|of)\s+(?:the\s+)?(?:[\w'-]+\s+)?(?:{SHINE_SOURCES}))?"
                       r"(?:\s+(?:on|in|across|over|off)\s+(?P<np>[^,;.!?]+?))?\s*(?:$|[,;.!?]|(?:and|please|pls)\b)")
"""'tone down the glare', 'dial down the shine on the window': a shine asked down with a tone verb (the '… down'
phrases of `DOWN_WORDS`) — its exposure measured, on the thing it lies on when one is named ('the glare *from the
flash*' says where it comes from, no place: `SHINE_SOURCES`), never the glare painted out (a removal verb still
removes it: 'remove the glare')."""


def _shine_toned_down(clause: Words) -> list[Step]:
    """A shine asked down with a tone verb: the photo's exposure measured, or the thing's it lies on."""
    m = _SHINE_TONED_DOWN.search(clause.low)
    if m is None:
        return []
    target = parse_target(clause.slice(m.start("np"), m.end("np")), clause) if m.group("np") else None
    if target is None or target.pronoun or target.target in IMAGE_WORDS:
        return [enhance_step(["exposure"], "taming the shine — correcting the exposure by what I measure")]
    return [enhance_step(["exposure"], f"taming the shine on {target.describe()} — correcting the exposure there by what "
                                       "I measure", masked=True, target=target)]


_FRIZZ_TAMED = rx(r"\b(?:{REMOVE_VERBS}|{FRIZZ_TAMING_VERBS})\b(?:\s+[\w'-]+){0,4}?\s+(?:{FRIZZ_WORDS})\b")
_FRIZZ_CUES = frozenset(word for phrase in FRIZZ_WORDS for word in re.findall(r"[a-z]+", phrase))
_HAIR_NAMED = rx(r"\b(?:(?:the|his|her|their|my|our|your|[a-z]+'s)\s+)?(?:{FRIZZ_HOLDERS})\b")
FRIZZ_SMOOTHING = {"sharpness": -DEFAULT_AMOUNT}
"""Frizz smoothed: the hair softened by the plain step of `tools.adjust`'s scale, as skin smoothing is."""


_CONDITION_TOO_STRONG = rx(
    r"^(?:(?:the|this|that|all\s+the|its|his|her|my|our)\s+)?(?:[\w'-]+\s+)?"
    r"(?:(?P<haze>{HAZE_WORDS})|(?P<noise>{NOISE_WORDS})|(?P<shine>{SHINE_WORDS}))"
    r"(?:\s+(?:on|in|over|across|off)\s+(?P<np>[^,;.!?]+?))?"
    r"\s+(?:is|are|was|were|looks?|seems?)\s+(?:(?:{DEGREE_WORDS})\s+)+(?:{CONDITION_STRENGTHS})\s*[.!?]*$")
"""'the fog is *really thick*', 'the glare on the window is *so strong*', 'the grain is way too heavy': a condition
said too strong with an intensifier rather than 'too' — asked away as 'reduce the fog' is (wishes28)."""


_STRENGTH_CUES = frozenset(CONDITION_STRENGTHS)


def _condition_too_strong(clause: Words, words: frozenset[str]) -> list[Step]:
    """A condition said too strong: the haze cleared, the noise removed, or a shine's exposure measured (on the thing it
    lies on when one is named, as a shine toned down is). Haze said over a thing is cleared over the whole photo, as
    'remove the mist over the lake' is (tone29); haze in a part of the photo and noise said of one thing are left to
    the rows after."""
    m = _CONDITION_TOO_STRONG.match(clause.low) if not _STRENGTH_CUES.isdisjoint(words) else None
    if m is None:
        return []
    if m.group("shine"):
        target = parse_target(clause.slice(m.start("np"), m.end("np")), clause) if m.group("np") else None
        if target is None or target.pronoun or target.target in IMAGE_WORDS:
            return [enhance_step(["exposure"], "taming the shine — correcting the exposure by what I measure")]
        return [enhance_step(["exposure"], f"taming the shine on {target.describe()} — correcting the exposure there "
                                           "by what I measure", masked=True, target=target)]
    place = m.group("np") and (place_only("in " + m.group("np"), None)
                               or parse_region(clause.slice(m.start("np"), m.end("np")), None))
    if m.group("haze") and not place:                  # "the mist over the lake is so thick": cleared as "remove the
        return [enhance_step(["dehaze"], "clearing the haze")]     # mist over the lake" is, over the whole photo
    if m.group("np"):                                  # "the fog in the upper right …": that part, read after
        return []
    return [enhance_step(["denoise"], "removing the noise by what I measure")]


def _frizz_smoothed(clause: Words, words: frozenset[str]) -> list[Step]:
    """'take the frizz out of her curls', 'tame the frizz', 'make his hair less frizzy': the hair softened (masked to
    the hair named, else to the hair), never the frizz painted out as a thing."""
    if _FRIZZ_CUES.isdisjoint(words) or not _FRIZZ_TAMED.search(clause.low):
        return []
    hair = _HAIR_NAMED.search(clause.low)
    target = parse_target(clause.slice(*hair.span()), clause) if hair else None
    target = target if target is not None and not target.pronoun else Target("hair", "hair")
    return [Step("adjust", [select(target), adjust(FRIZZ_SMOOTHING, masked=True)],
                 f"smoothing the frizz in {target.describe()} ({FRIZZ_SMOOTHING['sharpness']:+g})",
                 on_selection=target.pointed)]


def _flaw_made_less(clause: Words, words: frozenset[str]) -> list[Step]:
    """A flaw asked down with 'less' (`FLAW_LOOKS`): a shine or glare is its exposure measured there, harsh light or
    shadows the photo's exposure (and contrast), harsh colours muted, an unnatural look of the photo a general enhance,
    skin gone ashy its colour measured there. [] for a plain thing made 'less noticeable' — nothing says how, so it
    stays a question."""
    low = clause.low
    m = None
    if not _FLAW_CUES.isdisjoint(words):
        m = _LESS_FLAW.search(low) if "less" in words else None
        m = m or (_FLAW_NOT.search(low) if "so" in words else None)
    if m is None and "down" in words:
        return _shine_toned_down(clause)
    if m is None or _AND_MORE.search(low, m.end()):
        return []
    steps = _flaw_steps(clause, m)
    more = m.groupdict().get("more")
    return [left_out(steps[0], more), *steps[1:]] if steps and more else steps


def _flaw_steps(clause: Words, m: re.Match[str]) -> list[Step]:
    """The steps of the flaw `m` names, by what kind of flaw it is (`FLAW_LOOKS`)."""
    kind, named = FLAW_LOOKS[m.group("flaw")], m.group("np")
    if kind == "unnatural":
        if _PHOTO_ITSELF.match(named):
            return [enhance_step(None, GENERAL_SAY)]
        return _on_thing(clause, m, None, "enhancing {} — measuring it and correcting only what is off")
    if kind == "ashy":                              # skin gone grey: its colour, measured there
        return _on_thing(clause, m, ["white_balance", "vibrance"], "evening out the ashy look of {} — correcting the "
                                                                   "colour there by what I measure")
    if kind == "shiny" or _SHINY_THING.search(named):
        if _PHOTO_ITSELF.match(named):
            return [enhance_step(["exposure"], "taming the shine — correcting the exposure by what I measure")]
        return _on_thing(clause, m, ["exposure"], "taming the shine on {} — correcting the exposure there by what I "
                                                  "measure")
    if _SHADOWS.match(named):
        return [enhance_step(["exposure"], "lifting the shadows — correcting the exposure by what I measure")]
    if _LIGHT.match(named):
        return [enhance_step(["exposure", "contrast"], "softening the light — correcting the exposure and contrast by "
                                                       "what I measure")]
    if _COLOURS.match(named):
        return [Step("adjust", [adjust(SOFTER_COLOURS)], describe_amounts(SOFTER_COLOURS))]
    return []


def _on_thing(clause: Words, m: re.Match[str], parts: list[str] | None, say: str) -> list[Step]:
    """The enhance `parts` masked to the thing `m` names; [] when it names none."""
    target = parse_target(clause.slice(m.start("np"), m.end("np")), clause)
    if target is None or target.pronoun:
        return []
    return [enhance_step(parts, say.format(target.describe()), masked=True, target=target)]


def _colour_wished(clause: Words, words: frozenset[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A hair colour wished of a person ('make my uncle redheaded'): read as the recolour it is ('make his hair red') by
    the recolour handler. A colour and a part said alone ('green eyes please') is the recolour handler's own
    (`rules_edits._BARE_COLOURED_PART`)."""
    low = clause.low
    hair = _HAIR_COLOUR.search(low) if not _HAIR_CUES.isdisjoint(words) else None
    if hair:
        who = hair.group("who")
        if who.split()[-1] in FIXABLE_PARTS or who.split()[-1] in SKIN_PLACES:
            return []                               # "make her eyebrows blonde": the part's own colour, recolour's
        owner = OBJECT_POSSESSIVES.get(who) or (who if who.split()[-1].endswith("'s") else f"{who}'s")
        if owner.startswith("the ") and owner.endswith("'s") and len(owner.split()) == 1:
            owner = "the"
        return parse_recolor(Words.of(f"make {owner} hair {HAIR_COLOUR_NOUNS[hair.group('hair')]}"), ctx, settings)
    return []


_OWNER = (r"(?P<owner>(?:my|his|her|their|our|the|your)\s+(?:(?!(?:{STATE_PARTS})\b)[a-z'-]+\s+)?|[a-z'-]+'s\s+"
          r"|(?:the|my|our)\s+(?:[a-z'-]+\s+){1,4}?[a-z'-]+'s\s+)?")
_STATE = r"(?P<state>{OPENED_EYES}|{CLOSED_STATES})"
_PART_STATE = rx(r"\b(?:make|get|have|want|need)\s+" + _OWNER + r"(?P<part>{STATE_PARTS})\s+"
                 r"(?:(?:to\s+)?(?:be|look|appear|seem)\s+)?" + _STATE + r"\b"
                 r"|\b(?P<verb>open(?:\s+up)?|close|shut)\s+" + _OWNER.replace("owner", "owner2") + r"(?P<part2>{STATE_PARTS})\b"
                 r"|^(?:(?:please|pls|plz)\s+)?" + _OWNER.replace("owner", "owner3") + r"(?P<part3>{STATE_PARTS})\s+"
                 + _STATE.replace("state", "state3") + r"(?:\s+(?:please|pls|plz))?\W*$")
"""'make my cousin's eyes open', 'open her eyes', 'eyes opened please', 'make their mouths appear closed', 'close his
mouth', 'the man on the left's eyes shut please': a part of a face wished open or closed."""
_PART_STATE_CUES = frozenset(STATE_PARTS)


def _part_state_wished(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A part of a face wished open or closed: its fix, on whoever's part is named — eyes opened are natural eyes painted
    in ('fix his eyes'), a part closed is painted closed (`CLOSED_PART_PROMPTS`). A mouth wished open is not read."""
    low = clause.low
    m = _PART_STATE.search(low) if not _PART_STATE_CUES.isdisjoint(re.findall(r"[a-z]+", low)) else None
    if m is None or _AND_MORE.search(low, m.end()):
        return []
    owner = (m.group("owner") or m.group("owner2") or m.group("owner3") or "").strip()
    part = m.group("part") or m.group("part2") or m.group("part3")
    state = m.group("state") or m.group("state3") or ("closed" if m.group("verb") in ("close", "shut") else "open")
    if owner and owner.split()[-1].isalpha() and owner not in ("my", "his", "her", "their", "our", "the", "your") \
            and len(owner.split()) == 2:
        owner = (owner[:-1] if owner.endswith("s") else owner) + "'s"     # "my cousins eyes": the cousin's
    noun = "eye" if part.startswith("eye") else "lip" if part == "lips" else "mouth"
    if noun == "eye" and state not in CLOSED_STATES:
        return parse_fix(Words.of(f"fix {owner or 'the'} eyes"), ctx, settings)
    if state not in CLOSED_STATES:
        return []
    named = {"eye": "eyes", "mouth": "mouth", "lip": "lips"}[noun]        # "their mouths": a mouth, on every one
    steps = parse_fix(Words.of(f"fix {owner or 'the'} {named}"), ctx, settings)
    if len(steps) != 1 or steps[0].action != "fix":
        return []
    for call in steps[0].calls:
        if isinstance(call, InpaintCall):
            call.args = call.args.model_copy(update={"prompt": CLOSED_PART_PROMPTS[noun]})
        elif isinstance(call, SelectCall) and part == "mouths":          # "their mouths": every mouth
            call.args = call.args.model_copy(update={"all": True})
    steps[0].say = "closing all the mouths" if part == "mouths" else steps[0].say.replace("fixing", "closing", 1)
    return steps


_SHOWN_UP = rx(r"^(?:make|get|help)\s+(?P<np>(?!(?:it|this|that|them)\b)[a-z'-]+(?:\s+[a-z'-]+){0,4}?)\s+(?:to\s+)?"
               r"(?:{SHOW_UP_VERBS})\s+up(?:\s+(?:more|better|clearer|more\s+clearly|clearly|properly|a\s+(?:bit|little)\s+more))?"
               r"(?:\s+without\s+[^,;]+?)?(?:\s+(?:please|pls|plz))?\s*[.!?]*$")
"""'make the book cover show up', 'get the stars to show up more': the thing to be seen better, as 'more visible' says
('… without touching the sky' is kept by the mask, which holds only the thing)."""


def _shown_up(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A thing wished to show up: read as 'make … more visible' (the enhance row measures it there), never a removal
    of a thing called 'show' ('cover … up')."""
    m = _SHOWN_UP.match(clause.low) if " up" in clause.low else None
    if m is None:
        return []
    from retouch.agent.planner.rules_handlers import dispatch      # late: the handler table imports this module

    return dispatch(Words.of("make ").join("", clause.slice(m.start("np"), m.end("np"))).join(" ", Words.of("more visible")),
                    ctx, settings)


_PART_MORE_NATURAL = rx(r"^(?:(?:please|pls|help\s+me)\s+)?(?:make|get)\s+(?P<np>(?:(?:my|his|her|their|our|the|your|[a-z]+'s)\s+)?"
                        r"(?:[a-z'-]+\s+)?(?:{FIXABLE_PARTS}))\s+(?:look\s+)?"
                        r"(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|slightly\s+|much\s+)?more\s+(?:{NATURAL_LOOKS})"
                        r"(?:\s+(?:please|pls|plz))?\W*$")
"""'make his lower teeth more even', 'make her hand more natural': a part wished the way its fix paints it (the
fix handler reads it with 'look': 'make my teeth look even')."""


def _part_made_natural(clause: Words, ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A part of a person wished 'more even', 'more natural' …: its fix ('fix my front teeth')."""
    m = _PART_MORE_NATURAL.match(clause.low) if " more " in clause.low else None
    if m is None:
        return []
    return parse_fix(Words.of("fix ").join("", clause.slice(m.start("np"), m.end("np"))), ctx, settings)


_OWNER_LEFT = rx(r"^(?:make|have)\s+(?:it|this|(?:the|this)\s+(?:{PICTURE_NOUNS}))\s+"
                 r"(?=(?:the\s+[a-z]+\s+of\s+us|(?!(?:i|we|of\s+us)\b)(?:{OWN_PEOPLE}))\b)")
"""'make it me and the beagle' (a leading 'just' is taken as manners): the photo wished to hold only the owner and who
follows — everyone else goes, as 'make it just me and the beagle' says (rules_keep_only)."""
_DEFINED_PART = rx(r"^(?:{DEFINING_VERBS})\s+(?P<part>(?!(?:it|this|that|what|how|why)\b)[a-z'-]+.*)$")
"""'define hand', 'redefine his jawline a bit': the part made crisper — a sharpen there."""
_MOST_OF_BACKGROUND = rx(r"\b(?:{MOST_SHARES})\s+(?=(?:the|my|this|our|his|her|their)\s+(?:{BACKGROUND_NOUNS})\b)")
MOST_OF_BACKGROUND_NOTE = "(All of the background: I can't tell which part of it you'd keep as it is.)"
_COLOUR_ON_A_SIDE = rx(r"^(?P<verb>(?:{ADD_VERBS}|apply|put|give|bring\s+in|bring\s+out)\s+)?"
                       r"(?P<more>(?:(?:{COLOUR_GIVEN_AMOUNTS})\s+)*)(?P<c>{COLORS})"
                       r"(?:\s+(?:colou?r|tint|tone|hue|cast|shade))?\s+"
                       r"(?P<place>(?:to|on|onto|into|in|at|over|across|along|around)\s+.+?)\s*[.!?]*$")
"""'put some violet along the bottom of the shot', 'a touch of amber in the upper right corner': a colour given to a side of the
photo — a tint there (warmth when the colour is a warm or cool one, else that colour washed over the side)."""


def _plain_wish(clause: Words, words: frozenset[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """The plain wishes that were once answered 'not sure': the owner left with who they name, a part defined, most of
    the background edited, a colour given to a side of the photo; [] for any other clause."""
    low = clause.low
    left = _OWNER_LEFT.match(low) if "make" in words or "have" in words else None
    if left:
        read = clause.slice(0, left.end()).join("just ", clause.slice(left.end(), len(low)))
        steps = parse_keep_only(read, ctx, settings)
        said, read_as = " ".join(clause.orig.split()).rstrip(" .!?"), " ".join(read.orig.split()).rstrip(" .!?")
        for step in steps:                          # the reply quotes what was said, not the 'just' read into it
            step.note = step.note.replace(read_as, said)
        return steps
    defined = _DEFINED_PART.match(low) if not _DEFINING_WORDS.isdisjoint(words) else None
    if defined:
        return parse_adjust(Words.of("sharpen ").join("", clause.slice(defined.start("part"), len(low))), ctx, settings)
    most = _MOST_OF_BACKGROUND.search(low) if "of" in words else None
    if most:
        return _most_of_background(clause, most, ctx, settings)
    given = _COLOUR_ON_A_SIDE.match(low) if not _COLOUR_WORDS.isdisjoint(words) else None
    if given and (given.group("verb") or given.group("more").strip()):
        return _colour_on_a_side(clause, given, ctx)
    return []


_DEFINING_WORDS = frozenset(phrase.split()[0] for phrase in DEFINING_VERBS)
_COLOUR_WORDS = frozenset(word for phrase in COLORS for word in re.findall(r"[a-z]+", phrase))


def _most_of_background(clause: Words, most: re.Match[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """'wash the bulk of the backdrop out': the background edit said without the share, done to all of it and
    said so; [] when that reads as no background edit."""
    from retouch.agent.planner.rules_background import parse_background     # late: it imports this module
    whole = clause.slice(0, most.start()).join("", clause.slice(most.end(), len(clause.low)))
    steps = parse_background(whole, ctx, settings)
    if not steps or not all(step.calls for step in steps):
        return []
    steps[-1].note = " ".join(filter(None, (steps[-1].note, MOST_OF_BACKGROUND_NOTE)))
    return steps


def _colour_on_a_side(clause: Words, given: re.Match[str], ctx: PlanningContext) -> list[Step]:
    """A colour given to a side or corner of the photo: warmth there for a warm or cool colour, the colour washed over
    it part of the way for any other ('some violet along the bottom'); [] when the place is a thing ('… to the flowers at the
    top' is that thing's recolour, rules_edits)."""
    place = given.group("place")
    found = place_only(place, ctx.image_size)
    if found is None or found[2] != 0:
        return []
    fields, where, _ = found
    return [colour_washed(fields, where, given.group("c"), amount_said(given.group("more") or ""))]


# ---- a thing made to look dead, dry, rusty, autumnal or old (issue 20, acts25) ------------------------------------------

_STATE_SAID = r"(?:{THING_STATE_LOOKS})"
_THING_STATE = rx(r"^(?:make|get|turn|have)\s+(?P<np>(?!(?:{PEOPLE_OBJECT_PRONOUNS})\b)[\w'-]+(?:\s+[\w'-]+){0,4}?)\s+"
                  r"(?:(?:look|looks|appear|seem|become|go|be)\s+)?(?:(?:a\s+)?(?:bit|little|lot|tad)\s+|more\s+|really\s+"
                  r"|very\s+|slightly\s+|much\s+|all\s+)*(?:like\s+(?:it'?s|it\s+is|they'?re|they\s+are)\s+)?"
                  r"(?P<state>" + _STATE_SAID + r")(?:\s*(?:,|and|&)\s*(?P<state2>" + _STATE_SAID + r"))?" + _CLOSE)
"""'make the lawn look dead', 'make the gate rusty', 'make the shed look old and weathered': a thing and the state it is
to look in — the whole clause, so 'make the old fence brighter' (a thing called old) never matches."""
_NOT_IN_STATE = re.compile(r"\b(?:not|never|no|less)$")
_THING_STATE_CUES = frozenset(word for phrase in THING_STATE_LOOKS for word in re.findall(r"[a-z]+", phrase))
_AGED_TONE = {**LOOK_PRESETS["vintage"]}
"""An aged look is the vintage look's tone: muted, warmer colours and softer contrast."""


def _thing_state_wished(clause: Words, words: frozenset[str], ctx: PlanningContext, settings: Settings) -> list[Step]:
    """A thing made to look dead, dry, rusty, autumnal or old: no tool changes what a thing is, but an editor makes the
    look with its colour — dry grass and wilted leaves brown, a rusty gate rust, a hedge orange for autumn — or with
    the vintage tone for an old look (the photo itself, 'make it look old', gets that look whole). Said so, with what
    is not done. A person made to look old or dead is no recolour: [] (refused or asked elsewhere)."""
    found = _THING_STATE.match(clause.low) if not _THING_STATE_CUES.isdisjoint(words) else None
    if not found or _NOT_IN_STATE.search(found.group("np")):
        return []                                   # 'make it not look old': the look wished away, not given
    state_said = " ".join(found.group("state").split())
    state = THING_STATE_LOOKS[state_said]
    second = THING_STATE_LOOKS[" ".join(found.group("state2").split())] if found.group("state2") else state
    target = parse_target(clause.slice(found.start("np"), found.end("np")), clause)
    if target is None or second != state and "aged" not in (state, second):
        return []                                   # two looks that pull apart ('dead and autumnal'): asked
    if state == "aged" and second != "aged":        # 'old and rusty': the colour said carries the age
        state, state_said = second, " ".join(found.group("state2").split())
    photo = target.pronoun or target.target in IMAGE_WORDS
    if target.target in PERSON_WORDS or target.target == "person" or target.target.split()[-1] in SKIN_PLACES \
            or target.target.split()[-1] in FIXABLE_PARTS:
        return []                                   # 'make me look older', 'his hair look dead': no such tool
    if photo or target.target in SCENE_WORDS:
        if state != "aged" or not photo:
            return []                               # 'make the beach look autumnal' is the photo's look (rules_tone)
        return parse_adjust(Words.of("give it a vintage look"), ctx, settings)   # its reply says: tone only
    colour = THING_STATE_COLOURS.get(state)
    if colour is None:                              # aged: the vintage tone, masked to the thing
        return [Step("adjust", [select(target), adjust(_AGED_TONE, masked=True)],
                     f"giving {target.describe()} an aged look: {describe_amounts(_AGED_TONE, 'it')}",
                     "(An old look made by tone: faded, warmer colours — I can't add cracks, peeling or wear.)",
                     on_selection=target.pointed)]
    name = clause.orig[found.start("np"):found.end("np")]
    steps = parse_recolor(Words.of(f"make {name} {colour}"), ctx, settings)
    for step in steps:
        if step.action == "recolor":
            step.note = " ".join(filter(None, [step.note, f"(“{state_said}” made by its colour, {colour} — I can't change "
                                                          "its shape or texture.)"]))
    return steps



_INVITATION = rx(r"\b(?:{OPEN_INVITATIONS}|{CREATIVE_FREE_HAND})\b")
_INVITATION_WRAP = frozenset(FUNCTION_WORDS) | frozenset(INVITATION_WORDS)


def open_invitation(low: str) -> bool:
    """A clause that only hands the choice over ('have fun with it', 'I'm open to suggestions', 'feel free to get
    creative'): nothing is left once the invitation and the words it is wrapped in are taken out. 'Any other
    improvements' or 'make it look better' ask for more and are no invitation."""
    if not _INVITATION.search(low):
        return False
    rest = re.findall(r"[a-z']+", _INVITATION.sub(" ", low))
    return all(word in _INVITATION_WRAP for word in rest)


def invitation_beside_an_edit(steps: list[Step], invited: set[int]) -> list[Step]:
    """An open invitation beside an edit the request names ('remove the bin, have fun with it', 'open to suggestions.
    Want the clouds more detailed') hands over how that edit is done — the labels want no general enhance added for it.
    Alone, the invitation stays the enhance it reads as ('please have fun with it')."""
    if not invited or not any(step.calls and id(step) not in invited for step in steps):
        return steps
    return [step for step in steps if id(step) not in invited]
