"""Kinds of tone and quality request real people write that the rules only asked about (issue 20, the tone
round): quality said in words the rules didn't know, edit words misspelt, a property said to be too low or too
high, … — each in sentences written here for the purpose; none is taken from the real-request corpus, whose
texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). A kind is a
shape, not a sentence: every kind has several sentences, and rows that must stay as they were.
"""

from __future__ import annotations

import pytest

from retouch.agent.planner.rules_text import clean
from retouch.agent.planner.rules_verbs import VERB_BASES
from retouch.agent.planner.rules_vocab import MISSPELLINGS
from tests.planner_kinds import check_row, rows_of

KINDS = {
    # a common misspelling of an edit word is read as the word meant (MISSPELLINGS)
    "an edit word misspelt": [
        ("the shot is overesposed", ["enhance"], None, "exposure"),
        ("please fix the colour and exposer", ["enhance"], None, "exposure"),
        ("make my headshot look profesional", ["enhance"], None, None),
        ("can someone enchance my holiday picture", ["enhance"], None, None),
        ("blurr the background please", ["background"], None, "blurring the background"),
        ("the britness is too low", ["adjust"], None, "brightening the image"),
        ("whithe background please", ["background"], None, "white"),
        ("please fix her skintone to match her arms", ["enhance"], "skin", "colour cast"),
        ("pls get the blue ting taken off and the date stamp as wel", ["enhance", "remove"], None, "colour cast"),
    ],
    # a quality wish in words the rules didn't know: HD as a verb, refine, fancy up, a bare 'photo'
    "a quality wish in new words": [
        ("can you HD my holiday snap", ["enhance"], None, None),
        ("need help refining this shot", ["enhance"], None, None),
        ("fancy up this picture of my nan", ["enhance"], None, None),
        ("make picture clear", ["enhance"], None, None),
        ("would love it to look more professional", ["enhance"], None, None),
        ("remove the hd logo", ["remove"], "logo", None),
    ],
    # which photo it is ('a prom photo', 'a scanned photo') or a title before the wish is no thing to enhance
    "the photo described before the wish": [
        ("Prom photo (needs retouching, the quality is bad)", ["enhance"], None, None),
        ("beach sunset, would like it to look hd", ["enhance"], None, None),
        ("wedding snap, help me make it pop", ["enhance"], None, "contrast"),
        ("help 'touch up' a scanned photo", ["enhance"], None, None),
        ("need grainy photo fixed", ["enhance"], None, None),
        ("make the dog in the photo look better", ["enhance"], "dog", None),
    ],
    # a property said to be too low / too high: the whole photo, that way — 'low' is no thing
    "a property too low or too high": [
        ("the brightness is too low", ["adjust"], None, "brightening the image"),
        ("the contrast is too high", ["adjust"], None, "reducing the contrast of the image"),
        ("the saturation is a bit too strong", ["adjust"], None, "muting the colours of the image"),
        ("brighten the high windows", ["adjust"], "window", None),
    ],
    # the background as it is, made better: enhanced there (a new one is asked for with 'change' / 'replace')
    "the background made better": [
        ("could somebody correct the background", ["enhance"], "person", "to put a new background in"),
        ("fix background only!", ["enhance"], "person", None),
        ("make the backdrop look a bit nicer", ["enhance"], "person", None),
        ("improve the background slightly", ["enhance"], "person", "(a little)"),
        ("change the background into a forest", ["background"], None, None),
        ("blur the background", ["background"], None, None),
    ],
    # light and colour matched to the rest: the thing's own colour cast and exposure, measured, with the honest note
    "a thing matched to the scene": [
        ("match the lighting on the sticker with the background", ["enhance"], "sticker", "can't match"),
        ("make my brother's face look like it really belongs in the photo", ["enhance"], "face", "can't match"),
        ("make the lamp fit the scene", ["enhance"], "lamp", None),
        ("make him blend in better", ["enhance"], "person", None),
        ("colour match the lighting please", ["enhance"], None, "colour cast and the exposure"),
        ("match my socks", [], None, None),
        ("match all the line colours and edges so it reads as one hand-drawn scroll", ["enhance"], None, None),
    ],
    # 'tone it down' with no property: the colours and the contrast, muted (by the size words)
    "toned down": [
        ("tone it down", ["adjust"], None, "muting the colours"),
        ("could you tone this picture down a little", ["adjust"], None, "(-0.15)"),
        ("tone down the contrast", ["adjust"], None, "reducing the contrast"),
    ],
    # colourising said with 'colour' alone: the honest refusal, not a question (a colour named is a recolour)
    "colourising said with colour": [
        ("could somebody colour this for my nan?", [], None, "can't colourise"),
        ("hoping to get this picture coloured in", [], None, "can't colourise"),
        ("she always wished it was in colour", [], None, "can't colourise"),
        ("colour it for me please, it's my grandad", [], None, "can't colourise"),
        ("colour the boat green", ["recolor"], "boat", None),
        ("can someone put some colour in this please", ["adjust"], None, "boosting the colours"),
    ],
    # a shadow on a person is light: the part brightened there (an adjust since parts20, as the labels read it), even
    # when said as a removal
    "a shadow on a person lifted": [
        ("remove the shadow from her face", ["adjust"], "face", "lift the shadow"),
        ("shadows away from our faces please", ["adjust"], "face", "brightening"),
        ("can anybody get rid of the dark shadows under my eyes", ["adjust"], "eye", None),
        ("need help reducing the shadow on the bride's face", ["adjust"], "face", None),
        ("remove the shadow on the wall", ["remove"], "shadow", None),
        ("remove the shadow on her face and the bin behind her", ["remove", "remove"], None, None),
        ("add a shadow under his chin", ["add"], None, None),
    ],
    # shine or glare on skin is light too: the exposure there (glare on glasses is a thing, removed)
    "shine on skin tamed": [
        ("remove the shine on her forehead", ["enhance"], "forehead", "taming the shine"),
        ("get rid of the oily sheen on his face", ["enhance"], "face", None),
        ("remove the glare on his glasses", ["remove"], "glare", None),
        ("fix the glow in her eyes", ["fix"], "eye", None),
        ("take the harsh sun off my son's cheek", ["enhance"], "cheek", "shine"),
    ],
    # a colour on skin taken away ('the red from my ears'): its cast corrected there, not a thing painted out
    "a colour on skin": [
        ("remove the red from his ears", ["enhance"], "ear", "colour cast"),
        ("get rid of the redness on his cheeks", ["enhance"], "skin", "blotchy colour of the skin"),
        ("remove the red car parked on the road", ["remove"], "car", None),
    ],
    # the photo's shadows made less, a condition taken out of a photo described after it, the photo asked about
    "the photo's own light and condition": [
        ("can you reduce some of the shadows?", ["enhance"], None, "lifting the shadows"),
        ("soften the harsh shadows in this picture", ["enhance"], None, None),
        ("remove the shadow of the tree", ["remove"], "shadow", None),
        ("please take out a bit of the blur in this snap of our old pony", ["adjust"], None, "sharpening"),
        ("can these old film photos be saved?", ["enhance"], None, None),
        ("please remove the blurry man on the right", ["remove"], "man", None),
        ("hoping this can be cleaned up and the lamp post taken out", ["enhance", "remove"], None, "lamp post"),
    ],
    # skin made flawless or smooth, or 'skin smoothing' as a title: the skin softened there
    "skin made smooth": [
        ("make her skin flawless", ["adjust"], "skin", "blemishes"),
        ("I'd like my face to be smooth", ["adjust"], "face", None),
        ("skin smoothing please", ["adjust"], "skin", None),
        ("face airbrushing", ["adjust"], "face", None),
        ("smooth her skin", ["adjust"], "skin", None),
    ],
    # a quality look given to the photo ('give the photo a clean editorial look'): simply better
    "a quality look given": [
        ("give the photo a clean editorial look", ["enhance"], None, None),
        ("could you give this picture a more professional finish", ["enhance"], None, None),
        ("put a hat on the dog", ["add"], "dog", None),
    ],
    # a cast asked for is a warmth that way (it was read as a cast to correct, the opposite); one no warmth gives asks
    "a cast asked for": [
        ("make it a red tint", ["adjust"], None, "warming"),
        ("give the whole thing a slight blue overtone", ["adjust"], None, "(-0.15)"),
        ("give the photo a green tint", ["recolor"], None, "washing the whole photo with green"),
        ("remove the yellow tint", ["enhance"], None, "colour cast"),
        ("turn the pinkish filter into a normal one", ["enhance"], None, "colour cast"),
        ("give the banana a green tint", ["recolor"], "banana", None),
        ("apply a blue hue to the kite", ["recolor"], "kite", None),
    ],
    # a look by tone alone (night, vintage, eerie, autumn …): its adjust amounts, with the note that tone is all
    "a look by tone alone": [
        ("edit the picture so it looks as if it was shot in the 80s", ["adjust"], None, "vintage look"),
        ("make it look like it's night time", ["adjust"], None, "darkening"),
        ("make the cabin look as spooky as possible", ["adjust"], None, "tone only"),
        ("give it a warm autumn feel", ["adjust"], None, "autumn"),
        ("it looks so gloomy, brighten it", ["adjust"], None, "brightening the image (+0.25)."),
        ("change the background to a night sky", ["background"], None, None),
        ("make it look like a watercolour painting", [], None, "can't restyle"),
    ],
    # a wish with its purpose or a free hand after it ('posting on instagram', 'have fun'), or said as 'like to look …'
    "a wish with a purpose after it": [
        ("some retouching needed, putting it on instagram.", ["enhance"], None, None),
        ("basic retouching, have fun, go with whatever you think's best", ["enhance"], None, "(a little)"),
        ("harbour at sunset, want it to look hd quality", ["enhance"], None, None),
        ("change skin tones", ["enhance"], "skin", "colour cast"),
        ("just a more rich picture please", ["adjust"], None, "boosting the colours"),
        ("hope somebody can make the pic look better! any ideas welcome", ["enhance"], None, None),
        ("your call", ["enhance"], None, None),
        ("do whatever you like with it", ["enhance"], None, None),
        ("can the shaking in this picture be fixed?", ["enhance"], None, None),
    ],
    # fit for a showcase ('national geographic worthy', '"prom picture" ready'): simply better
    "worthy of somewhere": [
        ("make it national geo worthy", ["enhance"], None, None),
        ('can you make this shot "yearbook photo" worthy', ["enhance"], None, None),
        ("graduation picture ready please", ["enhance"], None, None),
    ],
    # a thing to look better, named bare or with a word between ('look even more awesome'): enhanced there
    "a thing to look better": [
        ("make the dog look even more awesome", ["enhance"], "dog", "enhancing the dog"),
        ("make pizza look more delicious", ["enhance"], "pizza", None),
        ("make the cupcakes seem tastier", ["enhance"], None, None),
        ("make his hand look better", ["fix"], "hand", None),
        ("can anyone make the picture of my uncle look clearer", ["enhance"], None, "enhancing the photo"),
        ("make the lawn look a little nicer, we are selling the house", ["enhance"], "lawn", None),
    ],
    # a thing that can't be seen: made visible there
    "a thing that can't be seen": [
        ("i cant see my face", ["enhance"], "face", None),
        ("it's hard to see the dog", ["enhance"], "dog", None),
        ("we can barely see the lighthouse at all", ["enhance"], "lighthouse", None),
        ("we must be able to see the boy's face so people know him", ["enhance"], "face", None),
    ],
    # a colour made even: on a face or the skin, the skin evened (even_skin); on the photo, its cast
    "a colour made even": [
        ("make face colour uniform", ["enhance"], "skin", "blotchy colour"),
        ("make her skin tone more even", ["enhance"], "skin", "blotchy colour"),
        ("make the colour more even", ["enhance"], None, "colour cast"),
        ("make face leas blotchy and do a few basic touch ups", ["enhance"], "skin", "blotchy colour of the skin by"),
        ("make the sky and the sea look nicer", ["enhance"], "sky", "the sky and the sea"),
    ],
    # quality said as a title or in slang: touching, clear view, osm, airy, clarified
    "quality as a title or slang": [
        ("a little touching to the photo", ["enhance"], None, "(a little)"),
        ("clear view", ["enhance"], None, None),
        ("pls make this pic more osm", ["enhance"], None, None),
        ("bright and airy edit", ["adjust"], None, "brightening"),
        ("sharpened/clarified", ["adjust"], None, "sharpening"),
        ("manipulate this photo", ["enhance"], None, None),
    ],
    # a general clean-up of the photo said around a long name, or asked as 'can this be cleaned up?'
    "a clean-up of the photo": [
        ("can someone clean my aunt's old tractor picture up? it dates from 1968", ["enhance"], None, None),
        ("my brother and I in 1985, no idea if it can be cleaned up", ["enhance"], None, None),
        ("my aunt passed away. hoping to get this restored as a gift for my cousins", ["enhance"], None, None),
        ("I'd love to give my dad a cleaned up version", ["enhance"], None, None),
        ("clean up the bins", ["remove"], "bin", None),
        ("could someone clean up the scratches and stains", ["remove", "remove"], None, None),
    ],
    # 'too' written 'to' in a verbless diagnosis: the exposure of the thing named
    "too written to": [
        ("face to bright", ["enhance"], "face", "exposure"),
        ("the pic is to dark", ["enhance"], None, "exposure"),
        ("her dress looks to bright", ["enhance"], "dress", None),
        ("turn the screen to dark", ["adjust"], "screen", None),
    ],
    # an accent or emphasis added to a thing is its contrast and colours, not a new thing ('an accent chair' is one)
    "an accent added": [
        ("add some more accent to the autumn leaves", ["enhance"], "leaf", "contrast"),
        ("add a bit of emphasis to the roses", ["enhance"], "rose", None),
        ("add some drama to the sky", ["enhance"], "sky", None),
        ("add an accent chair by the window", ["add"], None, None),
    ],
    "an aesthetic look": [
        ("make the picture look more esthetic", ["enhance"], None, None),
        ("make it look aesthetic for my feed", ["enhance"], None, None),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind,text,want,target,says", ROWS, ids=IDS)
def test_tone_kind(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_a_misspelling_changes_only_the_word():
    """The word meant replaces the misspelling, whatever its letter case; the rest keeps the user's own words, and a
    word that only contains a misspelling is left alone."""
    assert clean("Pic is OVERESPOSED, says Bob").orig == "Pic is overexposed, says Bob"
    assert clean("the exposers of the scandal").low == "the exposers of the scandal"


def test_a_misspelling_is_never_a_word_the_table_also_corrects():
    """One reading per word: no misspelling maps to another misspelling, and none is a word the planner declares."""
    assert not set(MISSPELLINGS.values()) & set(MISSPELLINGS)
    assert not set(MISSPELLINGS) & set(VERB_BASES)
