"""Kinds of tone and quality wish real people write that got only a question (issue 20, the tone round over the GIER
requests whose editor only changed tone or colour), each in sentences written here for the purpose — none is taken
from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), what the
first select must find (None: no select is checked) and what the reply must say (None: not checked). The photo is
1200×800 (`tests/planner_kinds.CONTEXT`).
"""

from __future__ import annotations

import pytest

from retouch.agent.plan import AdjustCall, EnhanceCall
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a filter or effects with no look named: a general enhance, and the reply says how to name a look; a look named
    # with it is that look, and a filter that is a thing, a question or a removal is not a wish for one
    "a filter or effects": [
        ("could you put a soft, nice filter over it", ["enhance"], None, "no named filters"),
        ("give it some special effects please", ["enhance"], None, "a vintage look"),
        ("edit my selfie with cool effects", ["enhance"], None, "no named filters"),
        ("Filters", [], None, "which look should the filter give?"),     # people23: alone, which look is asked
        ("a unique filter on it, please — it's for the hallway wall", ["enhance"], None, "no named filters"),
        ("a subtle natural filter on top would be great", ["enhance"], None, None),
        ("a vintage filter please", ["adjust"], None, "vintage look"),
        ("put a black and white filter on it", ["adjust"], None, "black and white"),
        ("remove the filter", [], None, "doesn't name a thing"),  # not a filter wish: an applied filter isn't a thing to paint out
        ("what filter did they use here?", [], None, None),
        ("add the most dramatic effects you can, no text please", ["enhance"], None, "no named filters"),
    ],
    # a person, a thing or the photo wished clearer or easier to see: a general enhance
    "clear or visible": [
        ("we'd like to be clearer in this shot", ["enhance"], None, None),
        ("could you make clear or better my grandson", ["enhance"], None, None),
        ("the letters on the sign should become clearer", ["enhance"], None, None),
        ("help me see the kids and the boat at the back", ["enhance"], None, None),
        ("Visibility", ["enhance"], None, None),
        ("better visibility please", ["enhance"], None, None),
    ],
    # skin: 'less pale' is a little more colour, 'evened out' its blotches evened (even_skin), both masked (a person
    # said pale or tanned is the person, the skin only when the skin is said: issue 20, tone16); 'fair' or
    # 'light-skinned' changes no one's skin colour — a brighter exposure on the face, said
    "skin tone": [
        ("could someone make my aunt look less pale, but keep it natural", ["adjust"], "person", "warming the person"),
        ("make me a bit less pasty", ["adjust"], "person", None),
        ("please even out the skin on her face", ["enhance"], "skin", "evening out the colour of the skin"),
        ("can you make her face fair", ["adjust"], "face", "don't change the colour of anyone's skin"),
        ("make the singer light-skinned please", ["adjust"], "face", "exposure only"),
        ("whiten my face and do a couple of small touch-ups?", ["adjust", "enhance"], "face", "don't change the colour"),
        ("make her skin a bit whiter", ["adjust"], "skin", "exposure only"),
        ("make grandad look a little more tanned", ["adjust"], "person", "warming the person"),
        ("make the tan sofa darker", ["adjust"], "sofa", "darkening"),                 # a tan sofa is no skin
        ("make the wall whiter", ["recolor"], "wall", None),                         # a wall is no skin
    ],
    # tones asked for the whole picture, said of a wallpaper: a warmth, not a wallpaper's shape
    "tones for a wallpaper": [
        ("please make my wallpaper have some blue tones, not orange ones", ["adjust"], None, "cooling"),
        ("can you make the wallpaper have warm tones", ["adjust"], None, "warming"),
    ],
    # a tone change that must keep the background: the change, never the background cut out or changed itself
    "keeping the background": [
        ("brighten the faces without changing the background", ["adjust"], "face", "brightening"),
        ("could you darken the sky a bit without ruining the background?", ["adjust"], "sky", "darkening"),
    ],
    # a mood for the whole photo: a look by tone alone, and the reply says tone is all it changes
    "a mood": [
        ("please make my nephew's picture more festive", ["adjust"], None, "festive look"),
        ("I'd like the lawn and hedges looking more like springtime", ["adjust"], None, "spring look"),
        ("make the garden look a bit more springlike", ["adjust"], None, "tone only"),
        ("make the picture look scratched and retro on an instant print", ["adjust"], None, "vintage look"),
        ("can someone make this more grungy and gritty, it's for a band poster", ["adjust"], None, "edgy look"),
        ("give it the gritty, edgy feel of cyberpunk", [], None, "can't restyle"),   # a named style: refused, not a tone
        ("soak the picture in the dreamy, ethereal colours of a watercolour", [], None, "can't restyle"),
    ],
    # more resolution or a print size wished for alone: no upscaler, so it is declined with what can be done (refuse22:
    # the labels' convention — a sharpen nobody asked for was some other edit); the resolution wished better, or beside
    # a look or a quality a tool can mend, has the noise and sharpness corrected and the reply says no pixels are added;
    # a size ('upscale to 4k') is refused
    "a print size": [
        ("I'd love a hi-res copy of the dog photo for a big print", [], None, "can't add resolution"),
        ("is there a way for it to look hi-res?", ["enhance"], None, "no upscaler"),
        ("we're having it printed poster size", [], None, "can't add resolution"),
        ("please upscale it to 4k", [], None, "can't upscale"),
        ("and make the resolution better if you can", ["enhance"], None, "can't add pixels"),
        ("a crisper, hi-res copy of the dog photo for a big print", ["enhance"], None, "can't add pixels"),
        ("just the dog on a transparent background, as high res as possible", ["background"], None, None),
    ],
    # 'instagram worth' misspelt is 'instagram worthy': simply better, not a square crop
    "worthy of a feed": [
        ("Make it instergram worth!", ["enhance"], None, None),
    ],
    # one thing wished better with no edit word: an enhance masked to it (a part of a person is a fix, not this)
    "a thing to look better": [
        ("make the puddle reflection nicer please", ["enhance"], "reflection", "enhancing the"),
        ("make pudding seems more tasty", ["enhance"], "pudding", None),
        ("make the lighthouse look a bit prettier", ["enhance"], "lighthouse", None),
    ],
    # a look put on a thing ('put more accent on …') adds no thing: its contrast and colours, measured there
    "a look put on a thing": [
        ("Please put a bit more accent on the red maple leaves.", ["enhance"], "leaf", "contrast"),
        ("put a hat on him", ["add"], None, None),
    ],
    # the choice handed over, a studio or magazine finish, an 'aesthetic look': a general enhance
    "a free hand or a finish": [
        ("I need a new avatar, let your imagination run wild, I have none", ["enhance"], None, None),
        ("get creative with it!", ["enhance"], None, None),
        ("Go on, show off your skills", ["enhance"], None, None),
        ("I want it to look like it was taken in a studio, it's for my CV", ["enhance"], None, None),
        ("an aesthetic look please", ["enhance"], None, None),
        ("creative but natural please", ["enhance"], None, None),
        ("professional photography type edit", ["enhance"], None, None),
        ("why such poor quality?", ["enhance"], None, None),               # a complaint, not a question to answer
        ("put me on a beach, get creative", ["background"], None, None),     # another edit, a free hand in how
    ],
    # a title with no wish at all stays a question — nothing is guessed
    "a bare title": [
        ("Fox in the snow", [], None, None),
        ("Grandad and me at the lake", [], None, None),
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_tone_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)


def test_less_pale_warms_and_adds_colour_to_the_skin_only():
    _, plan, _ = actions("make me look less pale")
    change = next(call for call in plan.calls if isinstance(call, AdjustCall)).args
    assert change.masked and change.warmth > 0 and change.saturation > 0
    assert not change.brightness                           # no lighter skin: colour and warmth, gently


def test_a_lighter_skin_wish_is_exposure_alone_on_the_face():
    _, plan, _ = actions("make his face fairer")
    change = next(call for call in plan.calls if isinstance(call, AdjustCall)).args
    assert change.masked and change.brightness > 0
    assert not change.warmth and not change.saturation    # no colour change, only the light


def test_a_print_wish_corrects_noise_and_sharpness_only():
    _, plan, _ = actions("I need a sharper, higher resolution copy for a big print")
    parts = next(call for call in plan.calls if isinstance(call, EnhanceCall)).args.parts
    assert parts == ["denoise", "sharpen"]
