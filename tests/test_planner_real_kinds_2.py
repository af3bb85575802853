"""More kinds of request real people write that the rules missed (issue 20, second round), each in sentences
written here for the purpose — none is taken from the real-request corpus, whose texts carry no licence.

Each row: the request, the actions the plan must take in order (the task of each inpaint, or the tool), and
optionally what the first select must find and what the reply must say. A kind is a shape, not a sentence:
every kind has several sentences.
"""

from __future__ import annotations

import pytest

from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    # a general wish whose object is the photo, whatever purpose or description follows it
    "a wish on the photo": [
        ("could you make this look nice for my online store? I shot it in a hurry", ["enhance"], None, None),
        ("just make it better pls, nobody has edited it yet", ["enhance"], None, None),
        ("restore this for my grandparents' 50th anniversary, I want to frame it", ["enhance"], None, None),
        ("please clean up this blurry phone snapshot", ["enhance"], None, None),
        ("would someone tidy up the portrait I shot of my aunt", ["enhance"], None, None),
        ("improve my future profile picture", ["enhance"], None, None),
        ("hoping somebody will kindly touch it up so that it's a bit more polished", ["enhance"], None, None),
        ("is there any way someone could edit the fisherman out of this photo?", ["remove"], "fisherman", None),
        ("photoshop it so he looks taller", [], None, None),
        ("edit the photo so that it looks like it was shot at night", ["adjust"], None, "night look"),   # a look by tone (#20 tone)
        ("put two ducks on the pond to enhance the scene", ["add"], None, None),
        ("Just make it Perfect", ["enhance"], None, None),
    ],
    # a vague quality wish: an aesthetic word, a wish with no verb of its own, a question whether it can be saved
    "vague quality wishes": [
        ("can you make the picture a little more striking", ["enhance"], None, None),
        ("make it look clean and professional please", ["enhance"], None, None),
        ("make it awsome!!", ["enhance"], None, None),
        ("do what you can with it", ["enhance"], None, None),
        ("make the best of this one please", ["enhance"], None, None),
        ("whatever you like, have fun with it", ["enhance"], None, None),
        ("I'd love a classy, instagram worthy edit", ["enhance"], None, None),
        ("is this fixable?", ["enhance"], None, None),
        ("can this old photo of my grandad be saved?", ["enhance"], None, None),
        ("is this snapshot beyond repair?", ["enhance"], None, None),
        ("can anything be done about the graininess?", ["enhance"], None, "noise"),
        ("any way to salvage the photo?", ["enhance"], None, None),
        ("could someone freshen it up for my mum", ["enhance"], None, None),
        ("make this a bit more HD", ["enhance"], None, None),
        ("make this photo a bit cooler", ["adjust"], None, "Cooling"),
        ("make it colourful and pretty", ["adjust"], None, "colours"),
    ],
    # a request said as a name: a misspelt name, a noun after its thing, two names joined by "and"
    "requests as names": [
        ("Enhancment please", ["enhance"], None, "as “enhancement”"),
        ("RRetouchup pls", ["enhance"], None, "as “retouchup”"),
        ("Despeckle the photo", ["enhance"], None, "noise"),
        ("background removal", ["background"], None, "transparent"),
        ("colour correction and background removal", ["enhance", "background"], None, None),
        ("red eye removal please", ["fix"], "eye", "Fixing the eyes"),
        ("Simple clean-up", ["enhance"], None, None),
        ("I love this removal", [], None, None),
    ],
    # colourising can't be done, but the restoring asked beside it can
    # a colour cast asked away is a white balance (over one thing when one is named), not a thing to remove
    "a cast asked away": [
        ("please remove the purple tint", ["enhance"], None, "colour cast"),
        ("can anybody take the greenish cast out of this photo?", ["enhance"], None, "colour cast"),
        ("get rid of this awful yellow colouring", ["enhance"], None, "colour cast"),
        ("remove the blue tint from the snow", ["enhance"], "snow", "colour cast of the snow"),
        ("remove the vase and the red colour of the table", ["remove", "remove"], "vase", None),
    ],
    # a condition of one thing: corrected on that thing; of the picture: over the picture
    "a condition asked away": [
        ("remove the haze in the bottom left corner of the picture", ["enhance"], None, "haze"),
        ("sort out how grainy his shirt is", ["enhance"], "shirt", "noise"),
        ("could you make her hand less blurry", ["adjust"], "hand", "Sharpening"),
        ("remove the cat and fix her blurry shoe", ["remove", "adjust"], "cat", "sharpening the shoe"),
        ("the photo is too blurry", ["adjust"], None, "Sharpening"),
        ("his face is too grainy, can you fix it?", ["enhance"], "face", "noise"),
    ],
    # a tone change on a thing named without an article, with 'this', or before a description of the photo
    "masked tone": [
        ("darken grass a bit", ["adjust"], "grass", "Darkening the grass"),
        ("lighten up faces please", ["adjust"], "face", None),
        ("help me make the palm trees a bit less dark", ["adjust"], "palm tree", None),
        ("SMOOTH SAND", ["adjust"], "sand", "Softening the SAND"),
        ("brighten this face", ["adjust"], "face", None),
        ("lighten shadows", ["adjust"], None, "Brightening the image"),
        ("brighten photo please", ["adjust"], None, "Brightening the image"),
    ],
    # one tone change over several things, a verb given once: each thing its own change
    "several tone changes": [
        ("make the sky darker and the grass greener", ["adjust", "recolor"], "sky", "making the grass green"),
        ("brighten the sky and the trees a bit darker", ["adjust", "adjust"], "sky", "darkening all the trees"),
        ("I'd like her hair desaturated and the skin a bit paler", ["adjust", "adjust"], "hair", "brightening the skin"),
    ],
    # a person or a face moved into another picture is a composite; a made-up face put in place of one is a replace
    "composites and faces": [
        ("select the boy, cut him out and put him on the poster in the background", [], None, "composite"),
        ("please place this man on a picture of my cousins", [], None, "composite"),   # people shown there
        ("please place this man on a picture of the moon", ["background"], "man", "moon"),   # a scene shown (scenes18)
        ("could you add a photo of my late grandma next to me", [], None, "composite"),
        ("grab his face and stick it on the statue", [], None, "swap faces"),
        ("cut out the man's face and put a lion face on top", ["replace"], "face", "lion face"),
        ("put a hat on him", ["add"], "person", None),
        ("put me on a beach", ["background"], None, None),
    ],
    # asking to be taught another app is no edit
    "instructions": [
        ("can someone explain how to brighten his face in Lightroom?", [], None, "teach"),
        ("how do I get rid of the glare in photoshop?", [], None, "teach"),
        ("what filter is this?", [], None, "teach"),
        ("how do I make it brighter", ["adjust"], None, None),
    ],
    # a new background with nothing named: a neutral backdrop, said (and the rules unsure); livelier is not new
    "a new background, none named": [
        ("replace background", ["background"], None, "neutral studio backdrop"),
        ("can you change the background of this one", ["background"], None, "neutral studio backdrop"),
        ("make the background pop a bit", ["enhance"], None, "stand out"),
        ("the background", [], None, "What should the new background be?"),
    ],
    # a cut-out said without the word background, or a thing cut out and then put on one
    "cut-outs": [
        ("make behind her transparent", ["background"], "person", "transparent"),
        ("just the bike as a png please", ["background"], "bike", "transparent"),
        ("could I get a cut-out of the cat?", ["background"], "cat", "transparent"),
        ("cut out the horse on the left and set it on a white background", ["background"], "horse", "white"),
        ("can you cut me out of this photo? I need a transparent background for my CV", ["background"], "person",
         "transparent"),
        ("put the teapot on a grey background", ["background"], "teapot", "background gr"),
        ("cut me out of this picture", ["background"], "person", "transparent"),     # the asker cut out is kept (leftovers24)
    ],
    # a format said only as what the photo is for, beside other edits, reshapes nothing (and the reply says how)
    "a format as a purpose": [
        ("remove the scooters, I'd like it for my desktop wallpaper", ["remove"], "scooter", "kept the photo's shape"),
        ("erase the sign, we want to use it as our profile picture", ["remove"], "sign", "kept the photo's shape"),
        ("make it my phone wallpaper", ["outpaint"], None, None),
    ],
    # a flaw made less is a flaw taken out
    "a flaw made less": [
        ("could you lessen the reflection in the shop window", ["remove"], "reflection", None),
        ("reduce the glare on his glasses please", ["remove"], "glare", None),
        ("fix the creases and the tears", ["remove", "remove"], "crease", None),
        ("tone down the lens flare", ["remove"], "lens flare", None),
        ("fix his hand", ["fix"], "hand", None),
        ("lighten the shadows", ["adjust"], None, "Brightening the image"),
        ("reduce the contrast", ["adjust"], None, None),
    ],
    # the photo with its purpose after a general verb, a phrasal verb around the photo, a long name for the photo
    "more wishes on the photo": [
        ("could anyone give this a quick touch-up so it looks a real photo rather than a scan", ["enhance"], None,
         None),
        ("can you do a small touch up to our team's group shot", ["enhance"], None, None),
        ("please clean this old picture up", ["enhance"], None, None),
        ("make this photo we took at the lake last summer look better", ["enhance"], None, None),
        ("would someone shop this so it looks nicer", ["enhance"], None, None),
        ("can the quality of this scan be improved?", ["enhance"], None, None),
        ("photoshop it out please", [], None, "Which part"),
    ],
    # grooming and regenerating a part of a person is a fix; the verb said once for fix, enhance and the rest
    "fixing a part": [
        ("could someone tidy up his eyebrows", ["fix"], "eyebrow", None),
        ("neaten her brows and make them look even", ["fix"], "brow", None),
        ("clean up the hands please", ["fix"], "hand", None),
        ("redo his smile", ["fix"], "smile", None),
        ("redo", ["history"], None, None),
        ("improve the hand on the left", ["fix"], "hand", None),
        ("clean up the rubbish bins", ["remove"], "bin", None),
    ],
    # a quoted name keeps its quotes whole
    "quoted names": [
        ('remove the text "sold', ["remove"], "text", 'text "sold"'),
        ("remove the word 'SOLD", ["remove"], "word", "'SOLD'"),
        ("remove the kids' bikes", ["remove"], "bike", "kids' bikes"),
    ],
    # a tone of the skin is the skin
    "skin tones": [
        ("even out her skin tone", ["enhance"], "skin", "blotchy colour of the skin"),
        ("make the boy's skin tone more even", ["enhance"], "skin", "the boy's skin"),
    ],
    # colours inverted or swapped: no tool; two things each their colour: two recolours
    "swapped colours": [
        ("invert the colours please", [], None, "can't invert"),
        ("swap the colours of the two cars", [], None, "can't invert or swap"),
        ("make the blue yellow and the yellow blue", [], None, "can't invert or swap"),
        ("make the car red and the house blue", ["recolor", "recolor"], "car", "making the house blue"),
        ("paint the car and the house red", ["recolor", "recolor"], "car", "making the house red"),
    ],
    # 'anything else' after an edit is a general enhance; comparatives after an enhance say how it should look
    "and anything else": [
        ("brighten her face a little and anything else you think it needs", ["adjust", "enhance"], "face", None),
        ("remove the sign and any other changes that would improve it", ["remove", "enhance"], "sign", None),
        ("can you make this look nicer? like, brighter? less grainy?", ["enhance"], None, None),
        ("enhance it. brighter please", ["enhance", "adjust"], None, None),
    ],
    # a crop to a thing: select it, crop to it with a margin; a bare crop or zoom-in crops in around the subject
    "crops to a thing": [
        ("crop it tight around the lighthouse", ["crop"], "lighthouse", "Cropping to the lighthouse"),
        ("zoom in on the bride please", ["crop"], "bride", None),
        ("Crop it and zoom in on this person", ["crop"], "person", None),
        ("crop it", ["crop"], None, "around the main subject"),
        ("zoom in", ["crop"], None, "Nothing named to zoom in on"),     # geometry round 19: the bare crop
        ("zoom out a bit", ["outpaint"], None, None),
    ],
    # where the thing is, said with 'from/out of the background' or a trailing 'behind'
    "from the background": [
        ("remove the cyclist from the background of this holiday snap", ["remove"], "cyclist", None),
        ("Remove the woman behind", ["remove"], "woman", None),
        ("there are people in the back. Please remove them from the backdrop.", ["remove"], "person", None),
        ("what a shot... but those tourists! remove them please", ["remove"], "person", None),
    ],
    # eyes the flash spoilt are fixed, however the request says it
    "red eyes": [
        ("remove the red eye please", ["fix"], "eye", "Fixing the eyes"),
        ("get rid of the glowing eyes and the lamp", ["fix", "remove"], "eye", None),
        ("remove the glare on his glasses", ["remove"], "glare", None),
    ],
    # the lighting made nicer is an exposure correction; a cleaner picture, a better version: an enhance
    "nicer lighting": [
        ("make the lighting nicer please", ["enhance"], None, "exposure"),
        ("I'd just like a cleaner picture", ["enhance"], None, None),
        ("can I get a better version of this photo", ["enhance"], None, None),
        ("he moved too much to get a nice photo, remove the bin", ["remove"], "bin", None),
    ],
    # several things enhanced at once; a thing named before a description of the photo
    "several things": [
        ("please enhance the lake and the mountains", ["enhance"], "lake", "the lake and all the mountains"),
        ("make the door less bright in the photo of my aunt and my cat", ["adjust"], "door", "Darkening the door ("),
        ("make the boat brighter and more beautiful", ["adjust"], "boat", "Brightening the boat ("),
        ("remove the background, then remove the vase after removing the background", ["background", "remove"],
         None, None),
    ],
    # quality as a noun, the photo named before its verb, a typo in 'background', colourise declared as a verb
    "quality and the photo first": [
        ("could someone increase the overall quality of this scan", ["enhance"], None, None),
        ("Poor quality", ["enhance"], None, None),
        ("need my grandad's photo restored for the funeral", ["enhance"], None, None),
        ("this picture needs to be fixed", ["enhance"], None, None),
        ("bring this old photo back to life please", ["enhance"], None, None),
        ("could somebody adjust the photo so I'm able to print it", ["enhance"], None, None),
        ("need a white backgroud for my passport photo", ["background"], None, "white"),
        ("please clean this up and colourise it", ["enhance"], None, "can't colourise"),
        ("could the right half of the picture be fixed so it matches the rest", [], None, None),
    ],
    # a cast named by itself, a flaw reduced in the -ing form, colour or life brought in
    "casts, flaws and life": [
        ("could someone reduce the yellowness in this photo", ["enhance"], None, "colour cast"),
        ("take out the blue tint along with the scratches", ["enhance", "remove"], None, None),
        ("I need help minimising the glare on her glasses", ["remove"], "glare", None),
        ("would anyone clear up my face a little", ["fix"], "face", None),
        ("get rid of the pixelation please", ["enhance"], None, "noise"),
        ("please bring some colour to this", ["adjust"], None, "colours"),
        ("add some life to it", ["enhance"], None, None),
        ("make face bright and put in enough light", ["adjust", "adjust"], "face", None),
    ],
    "colourise and restore": [
        ("could someone restore/colourise this photo of my dad", ["enhance"], None, "can't colourise"),
        ("please colourize this old wedding photo", [], None, "can't colourise"),
    ],
}
ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize("kind, text, want, target, says", ROWS, ids=IDS)
def test_real_request_kinds(kind, text, want, target, says):
    check_row(text, want, target, says)
