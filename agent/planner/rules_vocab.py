"""Words the rules planner knows: nouns, colours, verbs, formats.

Kept apart from the parsing code so the lists can grow (a new removal verb, a new social-media
format) without touching any regex logic. Everything is lowercase; multi-word entries are matched
as whole phrases. Lists are ordered only where a comment says so.
"""

from __future__ import annotations

from itertools import product
from typing import NamedTuple


def _each(*slots: str) -> tuple[str, ...]:
    """Every phrase that picks one choice per slot: _each("to|at", "the left") → to the left, at the left.
    An empty choice ("|hand") makes a slot optional. Only for writing lists down; the result is data."""
    return tuple(" ".join(w for w in words if w) for words in product(*(slot.split("|") for slot in slots)))

# ---- nouns -------------------------------------------------------------------------------------

IRREGULAR_PLURALS: dict[str, str] = {
    "people": "person", "persons": "person", "men": "man", "women": "woman", "children": "child",
    "kids": "kid", "feet": "foot", "teeth": "tooth", "geese": "goose", "mice": "mouse",
    "oxen": "ox", "knives": "knife", "leaves": "leaf", "wives": "wife", "lives": "life",
    "wolves": "wolf", "calves": "calf", "halves": "half", "shelves": "shelf", "loaves": "loaf",
    "scarves": "scarf", "elves": "elf", "thieves": "thief", "policemen": "policeman",
    "firemen": "fireman", "gentlemen": "gentleman", "fishermen": "fisherman", "cacti": "cactus",
    "fungi": "fungus", "folks": "person", "sheeps": "sheep", "strawberrys": "strawberry",
    "peachs": "peach", "tomatoes": "tomato", "potatoes": "potato", "heroes": "hero",
    "buses": "bus", "boxes": "box", "dice": "die", "lice": "louse", "selfies": "selfie", "hoodies": "hoodie",
    "cookies": "cookie", "movies": "movie", "beanies": "beanie", "zombies": "zombie", "brownies": "brownie",
    "goalies": "goalie", "veggies": "veggie", "pixies": "pixie", "smoothies": "smoothie", "onesies": "onesie",
    "passers-by": "passer-by", "passersby": "passerby",
    "mothers-in-law": "mother-in-law", "fathers-in-law": "father-in-law", "sisters-in-law": "sister-in-law",
    "brothers-in-law": "brother-in-law",                                            # the plural inside (heads27)
    "irises": "iris",
    "groomsmen": "groomsman", "grandchildren": "grandchild", "stepchildren": "stepchild",     # people23
}
"""Plural → singular where the regular rules would go wrong."""

UNCOUNTED = frozenset({
    # -s words that are not plurals, or plural-only words that name one thing
    "glasses", "sunglasses", "eyeglasses", "goggles", "scissors", "pants", "trousers", "jeans",
    "shorts", "leggings", "tights", "pajamas", "pyjamas", "headphones", "earphones", "binoculars",
    "tongs", "pliers", "clothes", "overalls", "news", "series", "species", "chess", "gas", "bus",
    "lens", "atlas", "canvas", "iris", "cactus", "octopus", "hippopotamus", "bonus", "campus",
    "virus", "walrus", "asparagus", "hummus", "citrus", "mattress", "dress", "glass",
    "grass", "moss", "boss", "cross", "class", "compass", "brass", "bass", "lotus", "status",
    "circus", "abacus", "cosmos", "chaos", "christmas", "mathematics", "physics", "athletics",
    "electronics", "stairs", "surroundings", "whiskers", "dreadlocks", "bangs", "braces",
    "cattle", "sheep", "fish", "deer", "moose", "aircraft", "police", "swiss", "tennis",
    "this", "its", "his", "hers", "yes", "kiss", "bliss", "dais", "plus", "analysis", "axis",
    "lettuce", "business", "princess", "goddess", "actress", "waitress", "fortress",
    "witness", "harness", "wilderness", "address", "press", "chorus", "genius", "fetus",
})

PLURAL_ONLY = frozenset({"cattle", "police", "people", "folks", "clothes", "stairs", "surroundings"})
"""Words that are always plural (select all of them)."""

COMPOUND_NOUNS = frozenset({
    "fire hydrant", "stop sign", "parking meter", "sports ball", "baseball bat", "baseball glove",
    "tennis racket", "tennis racquet", "wine glass", "hot dog", "potted plant", "dining table",
    "cell phone", "mobile phone", "teddy bear", "hair drier", "hair dryer", "traffic light",
    "traffic cone", "street sign", "road sign", "street light", "street lamp", "lamp post",
    "power line", "power lines", "telephone pole", "utility pole", "light pole", "trash can",
    "garbage can", "beer can", "soda can", "spray can", "paint can", "counter top", "trash bin", "recycling bin", "christmas tree", "palm tree", "pine tree",
    "apple tree", "oak tree", "coconut tree", "t-shirt", "t shirt", "tee shirt", "ice cream",
    "soccer ball", "tennis ball", "golf ball", "beach ball", "baseball cap", "bow tie",
    "coffee cup", "coffee mug", "water bottle", "wine bottle", "beer bottle", "car seat",
    "door handle", "tennis player", "baseball player", "football player", "soccer player",
    "basketball player", "polar bear", "brown bear", "black bear", "grizzly bear", "license plate",
    "licence plate", "number plate", "price tag", "name tag", "speech bubble", "lens flare",
    "sun glare", "hot air balloon", "air conditioner", "ceiling fan", "picture frame",
    "photo frame", "laptop computer", "computer mouse", "remote control",
    "cherry tomato", "snow mountain", "setting sun", "sea surface", "lake surface",
    "football field", "baseball field", "soccer field", "bedside lamp", "shoe rack",
    "bus stop", "phone booth", "swimming pool", "dust spot", "dust spots", "red eye",
    "double chin", "baby bump", "hair tie", "food truck", "fire truck", "police car",
    "street vendor", "construction crane", "bird droppings",
    "facial feature",
    "date stamp", "time stamp",
    "pock mark", "pock marks",      # heads25: also written together, 'pockmarks' (rules_target `_COMPOUNDS_JOINED`)
})
"""Two-word names whose first word is part of the name, not an attribute (a teddy bear is no bear)."""

QUANTITY_NOUNS = frozenset({
    "group", "bunch", "pile", "pair", "couple", "set", "stack", "crowd", "flock", "herd", "row",
    "line", "piece", "pieces", "bits", "bit", "lot", "lots", "ton", "tons", "handful", "cluster",
    "collection", "swarm", "school", "pack", "bundle", "heap", "load", "mass", "most", "few", "half", "several",
    "rest", "majority", "remainder", "strand", "wisp", "tuft",
})
"""In "a group of people" the head is "people", not "group" (and in "the strands of hair", "hair")."""

TARGET_SYNONYMS: dict[str, str] = {
    "streaking": "streak", "waterstain": "stain",            # cond16: the defect by its name ('fix the streaking')
    "guy": "man", "dude": "man", "bloke": "man", "fella": "man", "fellow": "man", "chap": "man",
    "gentleman": "man", "gent": "man", "gal": "woman", "ex": "person", "husband": "person",
    "wife": "person", "boyfriend": "person", "girlfriend": "person", "bf": "person",
    "gf": "person", "partner": "person", "spouse": "person", "fiance": "person",
    "fiancee": "person", "friend": "person", "buddy": "person", "stranger": "person",
    "photobomber": "person", "tourist": "person", "bystander": "person", "passerby": "person",
    "passer-by": "person", "individual": "person", "human": "person", "someone": "person",
    "somebody": "person", "anyone": "person", "anybody": "person", "everyone": "person",
    "everybody": "person", "me": "person", "myself": "person", "us": "person", "him": "person",
    "her": "person", "them": "person", "he": "person", "she": "person", "they": "person",
    "mom": "person", "mum": "person", "mother": "person", "dad": "person", "father": "person",
    "brother": "person", "sister": "person", "cousin": "person", "uncle": "person",
    "aunt": "person", "grandma": "person", "grandpa": "person", "coworker": "person",
    "roommate": "person", "folk": "person", "figure": "person", "silhouette": "shadow",
    "shading": "shadow", "shade": "shadow", "shadowing": "shadow", "aeroplane": "airplane",
    "kiddo": "kid", "doggo": "dog", "pupper": "dog", "puppy": "dog", "kitty": "cat",
    "kitten": "cat", "tshirt": "t-shirt", "tee": "t-shirt", "bomber": "person", "photobomb": "person",
    "trashcan": "trash can", "motorbike": "motorcycle", "automobile": "car", "cellphone": "phone", "smartphone": "phone",
    "rubbish": "trash", "garbage": "trash", "litter": "trash", "wording": "text", "lettering": "text", "writing": "text",
    "facial feature": "face",
    "date stamp": "timestamp", "time stamp": "timestamp", "datestamp": "timestamp",   # heads16: a stamp of digits
}
"""Words a detector handles badly, mapped to one it knows. Relatives become "person" (a "photo bomber" too)."""

_PERSON_NOUNS = frozenset({
    "person", "man", "woman", "boy", "girl", "kid", "child", "lady", "baby", "toddler", "teen", "teenager", "adult",
    "bride", "groom", "player", "worker", "pedestrian", "officer", "policeman", "policewoman", "son", "daughter",
    "grandmother", "grandfather", "granddaughter", "grandson", "nephew", "niece", "photographer", "model", "subject",
    "guest", "people", "skier", "snowboarder", "cyclist", "biker", "runner", "jogger", "hiker", "surfer", "swimmer",
    "kayaker", "boater", "fisherman", "passenger", "onlooker", "spectator", "waiter", "waitress", "student",
    "classmate", "teacher", "umpire", "referee", "drinker", "sunbather", "actor", "actress", "dj", "officiant",
    "priest", "cameraman", "photo-bomber", "rando", "grandad", "granny", "nana", "parent", "grandparent",
    "mother-in-law", "father-in-law", "sister-in-law", "brother-in-law", "in-law", "ex-husband", "ex-wife",
    "ex-boyfriend", "ex-girlfriend", "stepmom", "stepdad", "bridesmaid", "groomsman", "bestie", "neighbor",
    "neighbour", "colleague", "visitor", "shopper", "lifeguard", "blonde", "brunette", "redhead", "female", "male",
    "family", "crowd", "crew", "self", "nurse", "vet", "guard", "cop", "soldier", "infant", "granddad", "lad", "lass",
    "singer", "dancer", "musician", "drummer", "guitarist", "bartender", "goalie", "athlete", "clown", "member",
    "couple", "group", "prince", "princess", "queen",
    # people23: people named by an insult, a step- or nickname relation, or a job — the finder looks for a person and
    # the reply keeps the word ('remove that idiot', 'my stepbrother', 'the firefighter'). A word that is also a
    # thing stays out: fan, coach, chick, pitcher, fighter, date, mate, model car
    "idiot", "jerk", "weirdo", "creep", "moron", "douche", "douchebag", "asshole", "jackass", "dumbass", "dork",
    "stepmother", "stepfather", "stepmum", "stepbrother", "stepsister", "stepson", "stepdaughter", "stepchild",
    "stepkid", "half-brother", "half-sister", "sibling", "hubby", "wifey", "bro", "sis", "bff", "aunty", "auntie",
    "gramps", "grandkid", "grandchild", "newborn", "firefighter", "fireman", "rider", "chef", "employee", "boss",
    "manager", "mechanic",
    # people24: a passer-by cut short or spelt as a possessive ('the passer's by'), and insults no thing shares
    "passer", "numskull", "numbskull", "nitwit", "dimwit", "halfwit", "knucklehead", "bonehead", "doofus", "dweeb",
    "nincompoop", "buffoon",
})
"""Words for a person; with every synonym TARGET_SYNONYMS maps to one of them, PERSON_WORDS."""
PERSON_WORDS = _PERSON_NOUNS | {word for word, name in TARGET_SYNONYMS.items() if name in _PERSON_NOUNS}
"""Every word that names a person ("my ex", "the guy", "grandma"): what "him"/"her" can point back to, and what a
finder that knows only people is asked for as "person"."""
PEOPLE_ONLY_DOINGS = frozenset({
    "judging", "gawking", "gawping", "ogling", "smirking", "sneering", "scowling", "mocking", "heckling", "gossiping",
    "flirting", "eavesdropping",
})
"""What only a person does, said right after a name no list holds: 'remove the nose-picker *smirking* at us', 'the
lurker *gawking* at the bride' name a person, whatever the word (people24). Staring, posing, walking or photobombing
are not here, nor chatting: a cat stares, a dog poses or photobombs, a parrot chats, and 'the portrait staring down'
is a thing."""
TIME_WORDS = frozenset({
    "time", "day", "week", "year", "month", "morning", "evening", "night", "weekend", "moment", "today", "yesterday",
    "while", "hour", "minute", "summer", "winter", "spring", "autumn", "christmas", "birthday", "wedding", "party",
    "trip", "holiday", "vacation", "festival", "concert", "funeral", "service", "graduation", "event", "ceremony",
    "anniversary", "reunion", "interview",
    "lot", "bit", "way", "help", "thing", "favor", "favour", "chance", "idea", "quality", "resolution",
})
"""Nouns a story uses that no edit points back at ("last *week*", "a *favour*")."""
GIVEN_NAME_WORDS = frozenset({
    "grace", "rose", "will", "bill", "mark", "jack", "hope", "faith", "joy", "may", "june", "april", "dawn", "summer",
    "autumn", "amber", "ruby", "pearl", "ivy", "lily", "holly", "daisy", "violet", "iris", "heather", "olive", "hazel",
    "frank", "drew", "pat", "sue", "gene", "art", "max", "ray", "rob", "chase", "grant", "miles", "victor", "dean",
    "cliff", "dale", "rusty", "sandy", "earl", "duke", "crystal", "penny", "robin", "skye", "river", "sage", "angel",
})
"""Given names that are words too: 'remove *Grace* Delacroix' names a person (rules_target reads two capitalised words
as a person's name only when neither is a word the vocabulary declares — except these, as the first)."""
PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them", "him", "her", "he", "she",
                      "they", "one", "ones", "thing", "stuff", "selection", "selected"})

POINTING_WORDS = ("it", "this", "that", "them", "these", "those")
POINTED_PARTS = ("one", "ones", "part", "parts", "area", "bit", "region", "spot", "section", "thing")
"""'this', 'that part', 'the thing': words that point at the current selection rather than name a thing."""
SELECTION_WORDS = ("selection", "selected area", "selected part", "selected region", "masked area",
                   "masked part", "masked region", "mask", "marked area", "highlighted area",
                   "area i selected", "area i marked", "area i painted", "painted area")

PICTURE_NOUNS = ("image", "picture", "photo", "photograph", "pic", "shot", "scene", "frame", "graphic", "snapshot",
                 "selfie", "self-portrait", "screenshot", "img", "screen", "panorama", "pano")
"""What the picture itself is called: "from the *photo*", "the left half of the *image*"."""
_PICTURE_NOUNS_ALSO_THINGS = ("screen", "graphic")
"""A picture noun that is also a thing in the picture ('brighten the phone *screen*', 'remove the *graphic* on his shirt'):
the picture only after 'the left half of the …' and the like, never as a target on its own."""
IMAGE_WORDS = frozenset({
    *(noun for noun in PICTURE_NOUNS if noun not in _PICTURE_NOUNS_ALSO_THINGS), "pict", "composition", "view", "it", "this", "canvas",
    "everything", "setting", "scenery", "visual", "visuals", "one", "whole thing",
})
"""What names the whole picture where a thing could stand ('brighten *the photo*', 'crop *it*'): the picture nouns, a
pronoun, and words for the scene as a whole."""

HUNG_PICTURES = ("photos", "pictures", "frames", "photographs", "images", "pics", "portraits", "prints")
"""A picture word said in the plural, as a thing of its own in a removal ('take out *the frames* on the wall and the
lamp', 'the pictures behind him'): things in the scene, removed — never the user's photo, which is one."""

BODY_PARTS = frozenset({
    "hand", "hands", "arm", "arms", "leg", "legs", "foot", "feet", "eye", "eyes", "ear", "ears",
    "shoe", "shoes", "side", "cheek", "shoulder", "knee", "glove", "sleeve", "wing", "paw",
})
"""After "left"/"right" these are the thing's own left, not a place in the picture."""

# ---- colours -----------------------------------------------------------------------------------

COLORS = (
    "red", "orange", "yellow", "green", "blue", "purple", "violet", "pink", "magenta", "cyan",
    "teal", "turquoise", "brown", "black", "white", "gray", "grey", "silver", "gold", "golden",
    "beige", "tan", "navy", "maroon", "burgundy", "lavender", "lilac", "mint", "olive", "khaki",
    "cream", "ivory", "coral", "crimson", "scarlet", "emerald", "indigo", "blonde", "blond",
    "brunette", "platinum", "auburn", "copper", "bronze", "charcoal", "mustard", "ruby", "jade",
    "aqua", "azure", "fuchsia", "amber", "chocolate", "rust", "sand", "lime", "peach", "salmon",
    "rose", "plum", "wine", "cherry", "sky blue", "royal blue", "navy blue", "baby blue", "forest green",
    "blood red", "midnight blue", "pitch black", "jet black",
    "hot pink", "off-white", "off white", "reddish", "bluish", "greenish", "yellowish",
    "pinkish", "purplish", "brownish", "grayish", "greyish", "bluer", "redder", "greener", "whiter", "yellower",
    "pinker", "blacker", "browner",
    "orangey", "orangy", "orangish", "yellowy", "blueish", "purpley",     # a colour's '-y', '-ish' (tones25)
    "aquamarine", "taupe", "mauve", "cobalt", "cognac", "chrome",
)
COLOR_NOUNS = frozenset({
    "orange", "peach", "cherry", "lime", "rose", "salmon", "plum", "wine", "chocolate", "sand", "rust", "amber",
    "ruby", "jade", "emerald", "mint", "olive", "cream", "ivory", "coral", "lavender", "lilac", "mustard",
    "copper", "bronze", "charcoal", "gold", "silver", "platinum", "tan", "navy", "chrome",
})
"""Colour names that are also things: "replace the cat with an orange" means the fruit."""
GROUND_COLOURS = frozenset({"sand", "rust", "chocolate", "wine", "coral", "charcoal"})
"""Colour names that are also a stuff a place or a thing is made of: last after a thing's word ('the dune *sand*',
'the hull rust') they are the thing, never its colour."""

_COLORS_DOC = """Colour names. Those that are also things (orange, peach, rose, lime …) count as a colour only
where a sentence uses them as one ("paint it orange"), never as the thing being edited."""

COLOR_MODIFIERS = frozenset({
    "light", "dark", "deep", "bright", "pale", "pastel", "neon", "hot", "royal", "jet", "matte", "metallic",
    "vivid", "rich", "soft", "dusty", "muted", "electric", "snowy", "pure", "lush", "more",
    "darker", "lighter", "brighter", "deeper", "paler",
})

COLOR_LIKENESSES = ("fire engine", "fire truck", "candy apple", "lipstick", "bubblegum", "bubble gum", "baby",
                    "brick", "lemon", "tomato", "bottle", "racing", "canary", "cherry blossom", "ocean", "sea",
                    "army", "police", "postbox", "pillar box", "school bus", "traffic cone", "barbie", "tiffany",
                    "ferrari", "cobalt", "powder", "slate", "stone", "sunshine", "john deere")
"""A thing that names a shade with the colour after it: 'make my van *fire engine* red' asks for a red, of the van.
Read so only right after the thing being coloured ('paint the fire engine red' colours the fire engine)."""

COLOR_CARRIERS = ("colour", "color", "colors", "colours", "hue", "tint", "shade", "pigment", "tone",
                  "paint", "coat", "finish", "appearance", "look", "attire", "outfit")

# ---- verbs: each declared once, with its action -------------------------------------------------------------

class Verb(NamedTuple):
    """A verb that asks for an edit, declared once. Every list the parser needs is computed from these
    declarations (`rules_verbs`): the verbs of each action (REMOVE_VERBS, ADD_VERBS, COLOR_VERBS …), the
    words that start a new clause after "and" or a comma (SPLIT_VERBS), the verbs that start one in a
    run-on line (IMPERATIVE_VERBS), the verbs that are also things (NOUN_LIKE_VERBS) and the passive forms
    ("I want the sign *removed*": REMOVED_WORDS). tests/test_planner_verbs.py walks every verb through every
    clause shape, so a new verb is one line here.

    A section declares its verbs as a module-level tuple of `Verb`; every such tuple is read."""

    words: str
    """The base form, lowercase: "obliterate", "get rid of", "photoshop out"."""
    action: str
    """remove, add, replace, recolor, fix, adjust, crop, outpaint, save, history, select — or edit for a
    verb that asks for any of them ("make", "change"): the rest of the clause says which."""
    thing: bool = False
    """Also a noun or an adjective ("the paint on the wall", "a mirror", "cool"): it starts a new edit only
    when a command's words follow it ("and paint *it* red", "and mirror *it*")."""
    needs_object: bool = False
    """A verb only right before what it acts on: "clear *the* sign" (not "make it clear")."""
    participle: str = ""
    """The passive form where the regular one is wrong: "hidden", "taken out"."""
    means: str = ""
    """What the verb itself says beyond its action: the colour of "whiten"."""
    example: str = ""
    """What the verb acts on in the generated test, when the action's usual object doesn't fit it."""
    photo: str = ""
    """What the verb asks for when what it acts on is the photo itself, where that is not `action`: 'clean up *the
    bins*' is a removal, 'clean up *this photo*' an enhance; 'fix his hand' a fix, 'fix *this photo*' an enhance."""
    part: str = ""
    """What the verb asks for when it acts on a part of a person, where that is not `action`: 'improve *his hand*',
    'tidy up *the eyebrows*', 'redo *her smile*' are fixes."""


VERB_ACTIONS = ("remove", "add", "replace", "recolor", "fix", "adjust", "enhance", "crop", "outpaint", "save",
                "history", "select", "edit")
"""What a verb can ask for; "edit" is any of them, decided by the rest of the clause ("make", "change")."""


def _verbs(action: str, *words: str) -> tuple[Verb, ...]:
    """Plain verbs of one action (no flags); only for writing the table down."""
    return tuple(Verb(word, action) for word in words)


VERBS: tuple[Verb, ...] = (
    # remove
    *_verbs("remove", "remove", "erase", "delete", "eliminate", "get rid of", "take away", "take off", "wipe out",
            "wipe away", "wipe off", "clean out", "clear away", "clear out", "strip away",
            "strip out", "strip off", "scrub out", "scrub off", "scrub away", "cover up", "do away with",
            "clone out", "crop out", "photoshop out", "ps out", "shop out", "photoshop away", "shop away",
            "edit away", "airbrush out", "blot out",
            "brush out", "rub out", "eradicate", "expunge", "expel", "banish", "purge", "oust", "obliterate",
            "efface", "nullify", "negate", "abolish", "annihilate", "exterminate", "liquidate", "dispel",
            "dissipate", "dissolve", "vanish", "exclude", "disregard", "discard", "cleanse", "scrub", "wipe",
            "rid", "abrogate", "annul", "evict", "dismiss", "lose", "hide", "nix", "zap", "vanquish",
            "unclutter", "declutter", "sweep away", "sweep out", "fill in", "wipe clean", "get out", "blend out"),
    Verb("clear", "remove", needs_object=True),
    Verb("clean up", "remove", photo="enhance", part="fix"),
    Verb("clear up", "remove", photo="enhance", part="fix"),
    Verb("take out", "remove", participle="taken out"),
    Verb("edit out", "remove", participle="edited out"),
    Verb("cut out", "remove", participle="cut out"),
    Verb("paint out", "remove", participle="painted out"),
    Verb("omit", "remove", participle="omitted"),
    Verb("withdraw", "remove", participle="withdrawn"),
    Verb("abandon", "remove", participle="abandoned"),
    Verb("extract", "remove", thing=True),
    Verb("void", "remove", thing=True),
    Verb("ditch", "remove", thing=True),
    Verb("fill", "remove", thing=True),
    # add
    *_verbs("add", "add", "introduce", "include", "incorporate", "integrate", "attach", "affix", "install", "embed",
            "tuck", "sprinkle", "scatter", "arrange", "invite", "bring", "situate", "throw in", "toss in",
            "slip in", "squeeze in", "paste in", "superimpose", "add in"),
    Verb("put", "add", participle="put"),
    Verb("place", "add", thing=True),
    Verb("insert", "add", thing=True),
    Verb("position", "add", thing=True),
    Verb("set", "add", thing=True, participle="set"),
    Verb("drop", "add", thing=True),
    Verb("stick", "add", thing=True, participle="stuck"),
    Verb("draw", "add", thing=True, participle="drawn"),
    Verb("paste", "add", thing=True),
    Verb("station", "add", thing=True),
    Verb("mount", "add", thing=True),
    # replace
    *_verbs("replace", "replace", "substitute", "exchange"),
    Verb("swap", "replace", thing=True),
    Verb("switch", "replace", thing=True),
    Verb("trade", "replace", thing=True),
    # recolour
    *_verbs("recolor", "recolor", "recolour"),
    Verb("dye", "recolor", thing=True),
    Verb("tint", "recolor", thing=True),
    Verb("color", "recolor", thing=True),
    Verb("colour", "recolor", thing=True),
    Verb("paint", "recolor", thing=True),
    Verb("blacken", "recolor", means="black"),
    Verb("whiten", "recolor", means="white"),
    Verb("blackout", "recolor", means="black"),     # typed as one word: 'blackout the backdrop', 'blackout the windows'
    Verb("whiteout", "recolor", means="white"),
    Verb("redden", "recolor", means="red"),
    Verb("yellowen", "recolor", means="yellow"),
    Verb("gild", "recolor", means="gold"),
    # fix
    Verb("fix", "fix", thing=True, photo="enhance"),
    Verb("repair", "fix", thing=True, photo="enhance"),
    Verb("mend", "fix", photo="enhance"),         # edits20: 'mend the torn flag'; 'mend this photo' enhances it
    Verb("correct", "fix", thing=True, photo="enhance", example="his hand"),
    *_verbs("fix", "regenerate", "reshape", "neaten"),
    Verb("groom", "fix", thing=True, example="his beard"),    # also the man beside the bride
    Verb("normalise", "fix", photo="enhance"),
    Verb("normalize", "fix", photo="enhance"),
    Verb("sort out", "fix", photo="enhance"),
    # tone
    *_verbs("adjust", "brighten", "darken", "lighten", "saturate", "desaturate", "sharpen", "soften"),
    Verb("deblur", "adjust"),      # blur is a defect with a direction: sharper (the labelling guide), as 'sharpen'
    # measured corrections (the enhance tool): a verb that names its part `means` it; the others measure everything
    Verb("dehaze", "enhance", means="dehaze"),
    Verb("denoise", "enhance", means="denoise"),
    Verb("lift", "enhance", thing=True, example="the shadows on the porch"),   # a measured lift; also a ski lift
    *_verbs("enhance", "enhance", "polish", "polish up", "spruce up", "fix up", "beautify", "optimise", "optimize",
            "salvage", "freshen up", "rejuvenate", "revive", "remaster", "spice up", "liven up", "jazz up",
            "fancy up", "glam up", "refine"),
    Verb("hd", "enhance", thing=True),
    Verb("improve", "enhance", part="fix"),
    Verb("touch up", "enhance", part="fix"),
    Verb("retouch", "enhance", part="fix"),
    Verb("tidy up", "enhance", part="fix"),
    Verb("perfect", "enhance", thing=True),
    Verb("balance", "enhance", thing=True),     # 'balance the dull sky', '… and balance the colours'
    Verb("colour correct", "enhance", means="colour"),
    Verb("color correct", "enhance", means="colour"),
    Verb("tone down", "adjust", example="the colours"),
    Verb("smooth", "adjust", thing=True),
    Verb("smoothen", "adjust"),
    Verb("blur", "adjust", thing=True),
    Verb("warm", "adjust", thing=True),
    Verb("cool", "adjust", thing=True),
    # crop, rotate, flip
    Verb("crop", "crop", example="it square"),
    *_verbs("crop", "rotate", "straighten"),
    Verb("flip", "crop", thing=True, example="it"),
    Verb("mirror", "crop", thing=True, example="it"),
    Verb("level", "crop", thing=True),
    Verb("tilt", "crop", thing=True),             # clauses18: 'tilt it a couple of degrees' ('the tilt' is a thing)
    Verb("focus in", "crop", example="on the dog"),   # clauses18: 'focus in on her face', as 'zoom in on'
    *(Verb(word, "crop", thing=True, means="centre", example="the dog")
      for word in ("centre", "center", "centralise", "centralize", "recentre", "recenter")),
    # canvas
    *_verbs("outpaint", "extend", "expand", "widen", "uncrop", "outpaint"),
    Verb("zoom", "outpaint", example="out"),
    Verb("enlarge", "outpaint", example="it at the bottom"),
    # saving, history, selecting
    Verb("save", "save", thing=True),
    Verb("export", "save"),
    *_verbs("history", "undo", "revert", "go back"),
    Verb("redo", "history", part="fix"),
    Verb("select", "select", thing=True),
    # any edit: the rest of the clause says which
    Verb("make", "edit", example="it brighter"),
    Verb("give", "edit", example="it more contrast"),
    Verb("convert", "edit", example="it to black and white"),
    *(Verb(word, "edit", example="this old photo") for word in ("colorize", "colourise", "colorise", "colourize")),
    Verb("transform", "edit", example="the dog into a cat"),
    Verb("adjust", "edit", example="the brightness", photo="enhance"),
    Verb("reduce", "edit", example="the saturation"),
    Verb("raise", "edit", example="the brightness"),
    Verb("restore", "edit", example="the original", photo="enhance", part="fix"),
    Verb("change", "edit", thing=True, example="the car to red"),
    Verb("turn", "edit", thing=True, example="the car red"),
    Verb("clean", "edit", thing=True, example="the sign off"),
    Verb("edit", "edit", thing=True, example="the sign out", photo="enhance"),
    Verb("photoshop", "edit", thing=True, example="the sign out", photo="enhance"),
    Verb("manipulate", "edit", example="the colours", photo="enhance"),
    Verb("shop", "edit", thing=True, example="the sign out", photo="enhance"),
    Verb("cut", "edit", thing=True, participle="cut", example="the sign out"),
    Verb("bump", "edit", thing=True, example="up the brightness"),
    Verb("boost", "edit", thing=True, example="the contrast"),
    Verb("increase", "edit", thing=True, example="the saturation"),
    Verb("decrease", "edit", thing=True, example="the contrast"),
    Verb("lower", "edit", thing=True, example="the brightness"),
    Verb("tone", "edit", thing=True, example="down the colours"),
    Verb("intensify", "edit", example="the colours"),
    Verb("apply", "edit", example="a vintage filter"),
)

PLACEMENT_VERBS = ("perch", "lay", "rest", "sit", "stand", "hang", "glide", "spawn", "align", "nestle")
"""Verbs that say where a new thing sits rather than ask for it ("a cat *sitting* on the sofa"): read by the add
shapes with the add verbs, never a request of their own."""
VERB_FORMS: dict[str, tuple[str, str]] = {
    "take": ("taken", "taking"), "get": ("gotten", "getting"), "hide": ("hidden", "hiding"), "lose": ("lost", "losing"),
    "rid": ("rid", "ridding"), "sweep": ("swept", "sweeping"), "do": ("done", "doing"), "bring": ("brought", "bringing"),
    "throw": ("thrown", "throwing"), "make": ("made", "making"), "give": ("given", "giving"), "go": ("gone", "going"),
    "lay": ("laid", "laying"), "sit": ("sat", "sitting"), "stand": ("stood", "standing"), "hang": ("hung", "hanging"),
    "slip": ("slipped", "slipping"), "strip": ("stripped", "stripping"), "scrub": ("scrubbed", "scrubbing"),
    "zap": ("zapped", "zapping"), "nix": ("nixed", "nixing"), "expel": ("expelled", "expelling"),
    "dispel": ("dispelled", "dispelling"), "annul": ("annulled", "annulling"), "rub": ("rubbed", "rubbing"),
    "blot": ("blotted", "blotting"), "dye": ("dyed", "dyeing"), "edit": ("edited", "editing"),
    "cut": ("cut", "cutting"), "redo": ("redone", "redoing"), "photoshop": ("photoshopped", "photoshopping"), "ps": ("ps'd", "ps'ing"), "put": ("put", "putting"), "set": ("set", "setting"), "swap": ("swapped", "swapping"),
    "drop": ("dropped", "dropping"), "flip": ("flipped", "flipping"), "crop": ("cropped", "cropping"),
    "ditch": ("ditched", "ditching"), "clone": ("cloned", "cloning"),
}
"""The verbs whose passive and -ing forms the regular rules get wrong (the first word of a phrase)."""
GOING_WORDS = ("gone", "go", "go away", "went away", "disappear", "disappeared", "vanish")
"""'the sign has to *go*': a thing that leaves by itself, read with the passive forms of the removal verbs."""
ABSENCE_ADJECTIVES = ("devoid",)
"""'make it *devoid* of people': read with the removal verbs."""
_TOLD_EDIT_OPENERS = ("you're going to", "youre going to", "you are going to", "you're gonna", "youre gonna",
                     "you are gonna", "you will", "you'll", "youll", "you need to", "you have to", "you must",
                     "you will need to", "you'll need to", "you'll want to", "you will want to", "you're gonna want to",
                     "youre gonna want to")
"""'… and *you're going to* remove the towel': a duty or a plan told to the editor starts a new edit after 'and' / ','
as a verb does (one of `EDIT_OPENERS`)."""
INSTRUCTION_LEADS = (*_TOLD_EDIT_OPENERS, "you want to", "you should", "you can", "we're going to", "we are going to",
                     "let's", "lets")
"""'then *you're going to* remove the towel', '*let's* crop it': a step told to the editor, as a tutorial tells it — the
edit after it is the ask (rules_text strips the lead before an imperative; rules_clauses cuts a told list at each lead,
with `STEP_ORDINALS`). The softer leads ('and you can see the sea', 'and let's say …') start no edit after 'and'."""
EDIT_OPENERS = ("can you", "could you", "can someone", "could someone", "can anyone", "could anyone",
                "would someone", "would you", "please", "also", "i want", "i'd like", "id like", "i would like",
                "i need", "we want", "we need",
                "i'd love", "id love", "i would love", "we'd love", "we would love", "i'd also like", "i would also like",
                *_TOLD_EDIT_OPENERS)
"""Words that start a new edit after 'and' / ',' as a verb does ("… and *could you* make it brighter"); those said by
the asker ('i …', 'we …') start one in a run-on line too ("fix the sky *i'd love* the roses brighter": rules_clauses)."""
WISH_LEAD_BLOCKERS = ("so", "because", "cause", "cuz", "as", "since", "if", "that", "when", "how", "what", "way",
                      "like", "than", "until", "whether", "where", "which", "who", "and", "but", "or", "to", "thing",
                      "things", "stuff", "everything", "anything", "one", "ones", "all", "only", "just")
"""After one of these an asker's wish is part of the clause before ('crop it the way *i want*', 'remove the things *i
need* gone', 'make it look as *i'd like*') — no run-on cut."""

ENRICH_VERBS = ("grace", "adorn", "enrich", "enliven", "decorate", "infuse", "fill", "populate",
                "arrange", "liven up", "spruce up", "embellish", "furnish", "complement")
"""'Grace the grass with three cows': the new thing follows 'with'."""

# ---- places, scenes, formats -------------------------------------------------------------------

SLANG_EDIT_VERBS = ("photoshop", "shop", "ps")
"""The editors' slang for editing, which says by itself only that something is to change: before a new thing ('a', 'an',
'some') it adds it — '*photoshop* a ghost into the doorway' reads 'add' (rules_text); before 'the' or 'my' it stays what
it was ('photoshop the bin out' removes); it also sends a person into a scene (`SCENE_SENDING_VERBS`) or another
picture (`COMPOSITE_VERBS`)."""
EDIT_SCENE_VERBS = ("edit", "photoshop")
"""The verbs that, with only a scene after them ('edit sunset'), ask for the photo of that scene to be improved."""
DARK_GARMENT_WORDS = ("black", "dark")
"""'my *black* clothing': a garment whose detail a photo loses in the shadows."""
GARMENT_NOUNS = ("clothing", "clothes", "outfit", "outfits", "suit", "suits", "dress", "jacket", "shirt", "coat",
                 "top", "jeans", "trousers", "hoodie", "jumper", "sweater", "tux", "tuxedo", "gown", "uniform")
"""What 'fix my black …' names as clothing: its detail lifted, never the garment recoloured or darkened."""
AREA_WORDS = ("area", "part", "stuff")
"""Before 'around' or 'behind', the background of what follows ('the area around the girl'), unless a word says what
the part is ('the metal part behind her shoulder')."""
SCENE_PARTS = ("sky", "clouds")
"""Scene words that name a part of the photo, not the photo: 'edit the sky' is no wish for the whole photo."""
BACKGROUND_NOUNS = ("background wall", "background", "backdrop", "back ground", "bg", "surroundings", "scenery",
                    "environment", "setting", "green screen",
                    "greenscreen", "blue screen", "bluescreen")

SCENE_WORDS = (
    "snow", "snowy", "desert", "beach", "jungle", "meadow", "glacier", "forest", "woods", "city",
    "cityscape", "skyline", "space", "outer space", "mountain", "mountains", "ocean", "sea",
    "underwater", "sunset", "sunrise", "night sky", "studio", "park", "garden", "field", "farm",
    "countryside", "lake", "river", "waterfall", "island", "tropical", "winter", "autumn",
    "fall", "spring", "summer", "office", "library", "street", "moon", "mars", "volcano",
    "savanna", "savannah", "prairie", "canyon", "cave", "castle", "paris", "new york", "tokyo",
    "landscape", "vista", "scene", "terrain", "scenery", "sky", "clouds",
)

STYLE_WORDS = (
    "oil painting", "watercolor", "watercolour", "painting style", "painted style", "cartoon",
    "anime", "manga", "sketch", "pencil drawing", "charcoal", "van gogh", "picasso", "monet",
    "ghibli", "pixar", "disney", "cyberpunk", "vaporwave", "steampunk", "pop art", "comic",
    "impressionis", "cubis", "surrealis", "renaissance", "pixel art", "lego", "claymation",
    "3d render", "low poly", "ukiyo", "art deco", "art nouveau", "pastel drawing", "mosaic",
    "stained glass", "vintage style", "retro style", "in the style of", "painterly",
    "brushstroke", "brush stroke", "artistic style", "art style", "style transfer", "caricature",
    "simpsons", "studio ghibli", "cel shad", "8-bit", "8 bit", "synthwave", "graffiti",
    "woodcut", "engraving", "etching", "ink drawing", "line art", "chibi", "vector art",
    "oil paint", "acrylic", "gouache", "fresco", "baroque", "gothic style", "noir style",
    "dreamy style", "fantasy style", "sci-fi style", "futuristic style", "dystopia",
)

FORMATS: tuple[tuple[str, str], ...] = (
    # (words, aspect): the first match wins, so longer names come first
    ("facebook cover", "820:312"), ("fb cover", "820:312"), ("facebook banner", "820:312"),
    ("facebook post", "1.91:1"), ("facebook profile", "1:1"), ("twitter profile", "1:1"), ("linkedin profile", "1:1"),
    ("discord profile", "1:1"), ("display picture", "1:1"),
    *((f"{app} {kind}", "1:1") for app in ("whatsapp", "whats app", "watsapp", "whatsap", "watsap")   # wish24: the
      for kind in ("profile", "dp", "pic", "picture", "photo", "pfp")),     # messaging app's picture is its profile's
    ("profile picture", "1:1"), ("profile pic", "1:1"),
    ("profile photo", "1:1"), ("profile image", "1:1"), ("pfp", "1:1"), ("avatar", "1:1"), ("cover photo", "820:312"),
    ("passport photo", "35:45"),
    ("instagram story", "9:16"), ("insta story", "9:16"), ("ig story", "9:16"),
    ("instagram reel", "9:16"), ("instagram portrait", "4:5"), ("instagram post", "1:1"),
    ("instagram", "1:1"), ("tiktok", "9:16"), ("snapchat", "9:16"), ("reels", "9:16"),
    ("youtube thumbnail", "16:9"), ("youtube banner", "16:9"), ("yt thumbnail", "16:9"),
    ("youtube", "16:9"), ("twitter header", "3:1"), ("twitter banner", "3:1"), ("x header", "3:1"),
    ("twitter post", "16:9"), ("linkedin banner", "4:1"), ("linkedin cover", "4:1"),
    ("linkedin background", "4:1"), ("pinterest pin", "2:3"), ("pinterest", "2:3"),
    ("phone wallpaper", "9:16"), ("phone background", "9:16"), ("iphone wallpaper", "9:16"),
    ("lock screen", "9:16"), ("lockscreen", "9:16"), ("mobile wallpaper", "9:16"), ("phone screen", "9:16"),
    ("iphone screen", "9:16"), ("home screen", "9:16"), ("laptop wallpaper", "16:9"), ("ipad wallpaper", "4:3"),
    ("desktop wallpaper", "16:9"), ("desktop background", "16:9"), ("computer wallpaper", "16:9"),
    ("wallpaper", "16:9"), ("web banner", "3:1"), ("banner", "3:1"), ("a4 landscape", "1.414:1"), ("a4 portrait", "1:1.414"), ("a4", "1:1.414"),
    ("letter size", "8.5:11"), ("4x6 print", "3:2"), ("8x10 print", "4:5"),
    ("widescreen", "16:9"), ("ultrawide", "21:9"), ("ultra wide", "21:9"), ("panorama", "3:1"),
    ("panoramic", "3:1"), ("cinemascope", "2.39:1"),
)

PHONE_NAMES = ("phone", "cell phone", "cellphone", "mobile", "mobile phone", "smartphone", "iphone", "android",
               "android phone", "galaxy", "samsung", "samsung galaxy", "galaxy note", "pixel phone")
"""'make it fit *my phone*', 'a wallpaper for a *galaxy note*': a phone's screen (the 'phone screen' format) when
said right after fit / for — 'taken with my phone' names no shape."""
PHONE_THINGS = ("case", "cases", "cover", "covers", "charger", "stand", "holder", "skin", "app", "ad", "number")
"""'for an iphone *case*': a thing for a phone, not its screen's shape."""
PHONE_FORMAT = "phone screen"
GENERIC_FORMATS = ("wallpaper",)
"""A format whose shape a phone named with it overrides: 'a wallpaper for my phone' is the phone's."""

ASPECT_WORDS: dict[str, str] = {"square": "1:1", "landscape": "16:9", "portrait": "4:5"}
ASPECT_NAMES = tuple(ASPECT_WORDS)
"""The shape words as a list a pattern names: 'from *landscape* to portrait'."""

# ---- numbers -----------------------------------------------------------------------------------

CARDINALS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
"""Numbers as words, the one table every number word is read from (rules_numbers): with TENS and the scales
of BIG_NUMBER_WORDS they make any whole number ("forty-five", "three hundred and twenty")."""
TENS: dict[str, int] = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
                        "seventy": 70, "eighty": 80, "ninety": 90}
APPROXIMATE_COUNTS: dict[str, int] = {"couple": 2, "few": 3, "several": 4}
"""Counts that are not exact: 'a *couple* of hundred px' is read as 200 and the reply says so."""
NUMBER_WORDS: dict[str, int] = {"a": 1, "an": 1, "single": 1, "both": 2, "pair": 2, "dozen": 12, "twice": 2,
                                "thrice": 3}
"""Other words that count: 'a *dozen* variations', 'undo *twice*'."""
NUMBER_UNITS = ("px", "pixel", "pixels", "%", "percent", "per cent", "degree", "degrees", "deg", "times", "x",
                "fold", "steps", "step", "variations", "versions", "stops")
"""A number word right before one of these is an amount ('forty five *degrees*', 'two *times*') and is read as
digits; elsewhere 'one' and 'two' stay words ('the one on the left')."""
SETTING_LEADS = ("seed", "strength", "guidance")
"""A number after one of these is a setting's value, read as digits even when it is 'a million' ('seed one
billion'), which elsewhere is hyperbole quoted as written."""
NUMBER_LEADS = ("by", "of", "at", *SETTING_LEADS)
"""A number word right after one of these is an amount too ('brighten *by* twenty')."""

ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}

FRACTION_WORDS: dict[str, float] = {
    "half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "sixth": 1 / 6,
    "eighth": 0.125, "tenth": 0.1, "two thirds": 2 / 3, "three quarters": 0.75,
}

# ---- fix prompts ------------------------------------------------------------------------------

FIX_PROMPTS: dict[str, str] = {
    "hand": "a natural hand with five fingers, correct anatomy",
    "finger": "a natural hand with five fingers, correct anatomy",
    "face": "a natural, symmetrical face with realistic features",
    "eye": "natural matching eyes with clear pupils",
    "teeth": "natural, even teeth",
    "tooth": "natural, even teeth",
    "mouth": "a natural mouth and lips",
    "foot": "a natural foot with five toes, correct anatomy",
    "arm": "a natural arm with correct anatomy",
    "leg": "a natural leg with correct anatomy",
    "ear": "a natural ear",
    "nose": "a natural nose",
    "hair": "natural, neat hair",
    "eyebrow": "natural, neat eyebrows",
    "brow": "natural, neat eyebrows",
}
EYE_FLAWS = ("red eye", "red eyes", "red-eye", "red-eyes", "redeye", "glowing eye", "glowing eyes", "demon eye",
             "demon eyes", "white eye", "white eyes")
"""Eyes the flash spoilt: taking the flaw out is painting natural eyes back — a fix, however it is asked."""
EYE_FLAW = "red_eye"
"""The inpaint call's `flaw` for every fix of EYE_FLAWS: the built-in backend corrects red pupils with no model."""
EYE_FLAWS_ALSO_COLOURS = ("red eye", "red eyes")
"""Flaws that also read as a colour wished for the eyes: said bare ("red eyes please"), with no word of taking
them out, they are asked about (the red-eye fix, or eyes painted red?). White eyes are a pet's flash shine."""
EYE_FLAW_NOUNS = ("removal", "removed", "fix", "fixed", "correction", "corrected", "reduction", "reduced", "gone",
                  "taken out", "taken away")
"""'*redeye removal* then more warmth', 'the demon eyes fixed': an eye flaw named with what is to be done to it, or
alone — the fix, with no verb before it."""

# ---- manners: greetings, politeness, thanks (rules_text) ----------------------------------------

ASKED_WHO = ("you", "u", "someone", "somebody", "anyone", "anybody", "any1", "some1", "any of you", "anyone here",
             "ya", "y'all", "one of you", "you guys",
             "you all", "the community",
             "some one", "any one", "some body", "any body")          # gierq29: the asker spelled apart
"""Who a request is addressed to: "can *someone* remove …"; spelled apart too ("could *some one* darken the sky"),
or the two words were read as a thing ('one') and the request lost its place, or as a question."""
ADDRESSEES = ("wizard", "wizards", "soul", "souls", "expert", "experts", "guru", "gurus", "master", "masters",
              "hero", "heroes", "genius", "geniuses", "talent", "pro", "pros", "lovelies", "redditor", "redditors",
              "photoshopper", "photoshoppers", "editor", "editors", "artist", "artists", "god", "gods", "people",
              "folks", "guys", "lot", "ones", "person")
"""Who a post speaks to besides "you": "could *a kind photoshop wizard* …", "hello *experts*"."""
ADDRESSEE_KINDS = ("kind", "talented", "lovely", "generous", "skilled", "photoshop", "ps", "reddit", "fellow")
"""What comes before an addressee: "a *kind photoshop* wizard"."""
GREETINGS = ("hi", "hey", "hello", "hiya", "yo", "greetings", "good morning", "good afternoon", "good evening")
GREETED = ("all", "guys", "everyone", "there", "folks", "team", "friends", "reddit", "people", "photoshop*", *ADDRESSEES)
"""Who is greeted: "hi *all*", "hey *photoshoppers*"."""
HEDGE_WORDS = ("maybe", "perhaps", "possibly",
               "preferably")
"""A doubt said before a thing in a list: 'remove the pram, *possibly* the bench' — the thing is named all the same; before an ask it opens it ('*possibly* reduce the glare')."""
OPENING_FILLERS = ("so", "ok", "okay", "alright", "well", "um", "umm", "ummm", "uh", "uhh", "and", "but", "now",
                   "next", "first", "firstly", "then", "finally", "lastly", "just", *HEDGE_WORDS, "basically",
                   "actually", "honestly", "yeah", "yes", "oh", "also", "secondly", "thirdly", "hmm", "hmmm", "hm",
                   "wait", "oops", "ugh")
"""Words that open a sentence without meaning anything for the edit."""
ACKNOWLEDGEMENTS = ("no", "nope", "nah", "not that one", "wrong one", "great", "perfect", "nice", "cool", "good",
                    "awesome", "thanks", "thank you", "thx", "ok", "okay")
"""Openers followed by punctuation: "perfect, now remove the dog"."""
PLEASE = ("please", "pls", "plz", "kindly")
ASKING_MODALS = ("can", "could", "would", "will", "might")
HOW_MODALS = ("do", "can", "would", "should", "could")
HOW_WHO = ("i", "you", "we", "one")
ASKING_SOFTENERS = ("please", "pls", "kindly", "possibly", "maybe", "just", "quickly", "help me out", "help us out",
                    "help out", "help me", "help us", "help", "be willing to", "be able to", "be kind enough to",
                    "try and", "try to")
"""Between "can you" and the verb: "can you *possibly just* remove …"."""
IS_IT_POSSIBLE = ("is it possible", "is there way", "is there any way", "is there anyway", "is there a way",
                  "would it be possible",
                  "would that be possible", "is there any chance", "is there a chance", "any chance", "any way")
I_WOULD = ("i'd", "id", "i would", "we'd", "wed", "we would")
LIKING = ("like", "love", "appreciate it if", "appreciate if", "be grateful if", "be thankful if", "love it if",
          "like it if")
I_WE = ("i", "we")
WANTING = ("want", "need", "wanna", "wish")
I_AM = ("i'm", "im", "i am", "we're", "were")
HOPED_WHO = ("someone", "somebody", "you")
"""I'm hoping *someone* can …"""
ASK_HELPERS = ("be able to", "be willing to", "help me", "help us", "help", "possibly", "please", "kindly", "maybe",
               "just", "quickly", "try and", "try to", "pretty please")
"""Between the ask and the verb: "if someone could *possibly help me* remove …"."""
STORY_ENDS = ("not sure if possible", "not sure if this is possible", "not sure if it's possible", "if possible",
              "hoping", "wondering", "grateful", "appreciate it", "appreciated", "love it", "like it", "great",
              "awesome", "amazing", "thankful", "so")
"""What a back-story says just before its ask, where the ask is "if someone could …"."""
LEAD_PHRASES = ("let's", "lets", "let us", "we should", "we need to", "you should", "it's time to", "its time to",
                "time to", "try to", "help me", "need to", "need someone to", "someone please", "somebody please",
                "request:", "edit request:", "task:", "go ahead and", "i'll need you to", "ill need you to",
                "mind if you", "could we", "can we",
                "do me a favor and", "do me a favour and", "pretty please")
"""Openers that carry no edit: "let's …", "how do I …", "request: …"."""
FORUM_TAGS = ("specific", "random", "request", "paid", "nsfw", "serious", "urgent", "urgent request")
"""A request forum's tags: '… [Specific]' at the end of a post names no edit."""
HEDGE_OPENERS = ("not sure if", "not sure whether", "not even sure if", "not even sure whether", "unsure if", "unsure whether", "don't know if", "dont know if",
                 "do not know if", "don't know whether", "no idea if", "no idea whether",
                 "not sure how much", "no idea how much", "don't know how much", "dont know how much")
HEDGE_DOUBTS = ("possible", "doable", "feasible", "fixable", "can be done", "could be done", "can be fixed",
                "hard to do", "difficult to do", "too hard", "too difficult", "easy to do",
                "is something you can do", "anything can be done", "something can be done", "even possible",
                "hope there is", "hope there's", "hope is left", "can be saved")
"""A doubt before the ask: '*no idea if* it is *doable*, but …', '*unsure whether* it *can be fixed*; …', '*no idea how
much hope is left*, but …' — manners, not a negated edit."""
THANKS = tuple(f"{thank}{you}{much}" for thank in ("thank", "thanks") for you in ("", " you")
               for much in ("", " so much", " very much"))
"""thank, thanks, thank you, thanks so much, thank you very much …"""
HEDGE_CONDITIONS = ("if possible", "if at all possible", "if it is possible", "if it's possible", "if its possible",
                    "if that's possible", "if thats possible", "if that is possible", "if it can be done", "if you can",
                    "if you could",
                    "if you can help", "if you could help", "if anyone can help", "if anyone could help",
                    "if someone can help", "if someone could help", "if you like", "if you'd like", "if you want",
                    "if you wish", "if you prefer")
"""A condition that only softens the ask: 'remove the bucket *if possible*', '*if you can*, sharpen it', 'take the bin out *if you like*', or said alone
('Remove the dog. If possible.') — manners, never a clause to understand."""
_JOKE_PURPOSES = _each("|it's|it is|this is|that's|its", "|just|only|all", "for a laugh|for laughs|for fun|as a joke|"
                      "for the lulz|for lulz|for giggles|for kicks|for the memes")
"""What an edit is for when it is a joke ('put a crown on my dog *for a laugh*', '…, *it's just for fun*'): a purpose,
closing the clause like manners — never part of a name ('the dog for fun') or a prompt ('replacing the dog with laugh').
(Issue 20, story23.)"""
TRAILING_POLITENESS = (
    *_JOKE_PURPOSES,
    *(f"{thanks}{advance}{who}" for thanks in THANKS for advance in ("", " in advance")
      for who in ("", " guys", " all")),
    "please", "pls", "plz", "thx", "ty", "tia", "cheers", "for me", "xx", "xxx", "xoxo", *HEDGE_CONDITIONS, "somehow",
    "many thanks", "many thx",
    "if applicable", "if present", "if any", "asap", "thank u", "lol", "haha",
    "my bad", "my mistake", "oops", "whoops",   # people24: an apology closing the ask ('…, my mistake') names nothing
    "appreciated", "much appreciated", "so appreciated", "really appreciated", "very appreciated", "in advance", "you guys rock", "would be great", "would be awesome",
    "would be appreciated", "would be amazing", "that would be great", "that would be awesome",
    "that would be amazing", *_each("would be|are|is|are also|are very|would also be", "welcome", "|as well|too"),
    *_each("that's|thats|that is", "it|all"))      # a list's end said, never a thing (issue 20, second24)
"""Closing words: "… thanks in advance guys!", "… if possible", "… asap", "… are welcome too", "… and that's it"."""
PRAISE_TONE = ("cool", "bright", "warm", "dark", "light")
"""Tone words that are praise or description after these or before a picture noun: 'a *cool* picture', 'silly and
serious *is cool*' — no tone change."""
PRAISE_LEADS = ("is", "are", "was", "'s", "so", "super", "really", "very", "pretty", "how", "a", "an", "that's",
                "thats", "looks", "look", "kinda", "quite")
EFFECT_NOUNS = ("filter", "effect", "glow", "tint", "vignette", "look", "feel", "vibe", "mood", "tone", "contrast",
                "brightness", "saturation", "warmth", "hue")
"""What 'add a … that makes the colours pop' adds: a tone, not a thing ('add a filter', 'add some glow')."""
LOOK_NOUNS = frozenset({"effect", "filter"})
"""A look laid over the picture, never a thing a finder could find: 'make *the effect* black and white', 'the
black and white *filter*' name no thing (the whole picture is meant). With a word that can name a thing before it,
the name is that thing's ('the shading effect', 'the snapchat filter')."""
PRAISE_WORDS = ("appreciated", "great", "awesome", "amazing", "nice", "lovely", "wonderful", "perfect", "fantastic",
                "helpful", "cool", "brilliant", "grateful", "thankful", "gratefully received")
"""'… *it would be much appreciated*', '… I'd be so *grateful*': a closing wish."""
PRAISE_AMOUNTS = ("much", "so", "very", "really", "greatly", "super", "truly", "forever", "most", "extremely",
                  "eternally", "incredibly", "immensely", "hugely", "deeply", "ever so")
SOCIAL_WORDS = (
    *(f"{thanks}{lot}" for thanks in THANKS for lot in ("", " a lot")),
    "hi", "hey", "hello", "hiya", "yo", "greetings", "good morning", "good afternoon", "good evening",
    "good night", "thx", "ty", "cheers", "great", "awesome", "perfect", "nice", "cool", "ok", "okay", "got it",
    "lol", "haha", "wow", "amazing", "love it", "looks great", "looks good", "looks amazing", "that's great",
    "thats great", "that's perfect", "thats perfect", "that's awesome", "thats awesome", "that's better",
    "thats better", "that's it", "thats it", "good job", "well done", "bye", "goodbye", "see you",
    "much appreciated", "appreciated", "much obliged", "obliged", "you're the best", "you are the best", "you're awesome", "you are awesome",
    "you're amazing", "you are amazing", "no", "yes", "yep", "nope", "sure", "fine", "there", "all", "guys",
    "everyone", "folks", "in advance", "a lot", "so much", "man", "mate", "buddy", "friend", "team",
    "heaps", "a bunch", "in advanced", "tia", "for your time", "for your help", "for the help", "for looking",
    "for having a look", "for even having a look", "any help", "any help is", "greatly", "urgent", "emergency", "also", "too",
    "try", "give it a try", "give it a go", "give it a shot", "thnx", "love you all", "love you guys",
    "you guys are awesome", "you guys rock", "you guys are the best", "sorry for the quality",
    "sorry for the bad quality", "sorry about the quality", "would really appreciate it",
    *_each("i'll|i will|will|i can|happy to|offering||i'm offering", "give|award|pay|offer|tip", "|you", "|in",
           "|reddit", "gold"),
    "reddit gold", "gold", *_each("|reddit ", "gold ", "for|to", "the best|the best one|the best edit|the winner|"
                                  "one of you|whoever does it|my favorite|my favourite|favorite|favourite"),
    *_each("to|for", "the best one|the best edit|the winner|one of you|whoever does it|my favorite|my favourite"),
    *_each("|and", "happy holidays|merry christmas|merry xmas|happy new year|happy easter|happy thanksgiving",
           "|and|to all|to everyone|to you all|everyone|all"))
"""A message made only of these has nothing to edit: greetings, thanks, acknowledgements, a season's greeting ('…
*and happy holidays to everyone*': issue 20, story23), and a reward offered ('will give gold', 'reddit gold for the best
one') — 'gold' there is a thank-you, never a colour."""
REWARD_WORDS = ("gold", "reddit gold")
"""What a reward offered names ('I'll award *gold* to whoever does it'): a list part of social words holding one is manners."""
THANKS_CUES = ("thank*", "thx", "ty", "cheers", "appreciat*", "oblig*", "great*", "awesome*", "perfect*", "love*", "nice*",
               "good*", "amazing*", "well done")

# ---- misspellings (rules_text) -----------------------------------------------------------------------

MISSPELLINGS: dict[str, str] = {
    "recrop": "re-crop", "recropped": "re-cropped", "recropping": "re-cropping",    # wish24: the prefix glued on
    "look.like": "look like", "looks.like": "looks like", "look,like": "look like",   # a stray dot or comma in a look
    "overesposed": "overexposed", "overexposured": "overexposed", "underesposed": "underexposed",
    "exposer": "exposure", "exposre": "exposure", "expossure": "exposure",
    "britness": "brightness", "brithness": "brightness", "brightess": "brightness", "brigthness": "brightness",
    "profesional": "professional", "proffessional": "professional", "proffesional": "professional",
    "proffesonial": "professional", "proffessiona": "professional", "professinal": "professional",
    "istead": "instead", "insted": "instead", "instaed": "instead", "insead": "instead", "intead": "instead",
    "instergram": "instagram", "instagam": "instagram", "instragram": "instagram", "osm": "awesome",
    "blury": "blurry", "blured": "blurred", "blurr": "blur",
    "sharepen": "sharpen", "sharopen": "sharpen",
    "enchance": "enhance", "enhace": "enhance", "inhance": "enhance", "enhanse": "enhance",
    "collor": "colour", "colur": "colour", "colr": "color", "whithe": "white", "ting": "tint", "wel": "well",
    "skintone": "skin tone", "skintones": "skin tones", "skin-tone": "skin tone", "leas": "less",
    "saturaion": "saturation", "saturatoin": "saturation", "contrasst": "contrast",
    "photshop": "photoshop", "pleasee": "please",
    **{typo: "background" for typo in ("backgroud", "backround", "bakground", "backgound", "backgrond", "backgrnd",
                                       "backgorund", "bakcground", "backgroung", "backgruond", "bckground")},
    **{typo: "backgrounds" for typo in ("backgrouds", "backrounds", "backgounds", "backgronds")},
    "phot": "photo", "phto": "photo", "pictue": "picture",          # the picture misspelt in a terse title (verbs18)
    "wallaper": "wallpaper", "walpaper": "wallpaper", "wallpapper": "wallpaper",    # a format misspelt (canvas20)
    # 'get rid of' clipped or misspelt mid-ask, where no first-verb reading reaches it (issue 20, second24)
    **{typo: "get rid of" for typo in ("get of", "get ride of", "get red of", "get rif of", "get rod of", "get rida of")},
    # a thing's own name misspelt, each into a word the vocabulary declares (issue 20, heads25; kinds_75)
    "bycicle": "bicycle", "bicyle": "bicycle", "bycycle": "bicycle", "bicylce": "bicycle", "tresh": "trash",
    "skine": "skin", "letuce": "lettuce", "forground": "foreground", "foregound": "foreground",
    "wrinkels": "wrinkles", "wrinkel": "wrinkle", "teath": "teeth", "sholders": "shoulders", "glases": "glasses",
    "neice": "niece", "neices": "nieces",

    # a colour name misspelt, only asked about before (issue 20, tones25); 'blueish' is `COLORS`' own
    "yelow": "yellow", "yellw": "yellow", "yelllow": "yellow", "purpel": "purple", "purpal": "purple",
    "blakc": "black", "balck": "black", "oragne": "orange", "ornage": "orange",
    # a colour's tinge typed with a hyphen ('purple-ish', 'blue-ish'): the '-ish' was cut off and looked for (heads27)
    **{f"{colour}-ish": tinged for colour in COLORS for tinged in COLORS
       if tinged.endswith("ish") and (tinged in (f"{colour}ish", f"{colour}{colour[-1]}ish")
                                      or colour.endswith("e") and tinged == f"{colour[:-1]}ish")},
    # the noun written for the verb before what it cuts out ('cutout the kite'): read as 'cut-out' is (issue 20,
    # drops27: the clause was left out); 'a cutout of my dog' keeps its noun
    **{f"cutout {opener}": f"cut-out {opener}" for opener in ("the", "my", "this", "that", "these", "those", "his",
                                                             "her", "our", "their", "him", "them", "me", "us")},
}
"""Common misspellings of edit words, read as the word meant before anything else ('the pic is *overesposed*'): a
word here is never a word of its own, so reading it needs no guess (a verb misspelt at the start of the ask is read by
`read_first_verb`)."""

JOINED_WORDS: dict[str, str] = {
    "back ground": "background", "back grounds": "backgrounds", "fore ground": "foreground",
    "sun glasses": "sunglasses", "eye brow": "eyebrow", "eye brows": "eyebrows", "sky line": "skyline",
    "bill board": "billboard", "bill boards": "billboards", "eye lashes": "eyelashes", "sun burn": "sunburn",
    # a compound head said in two words (issue 20, heads18; tests/test_planner_real_kinds_39.py)
    "water mark": "watermark", "water marks": "watermarks", "lap top": "laptop", "lap tops": "laptops",
    "band aid": "band-aid", "band aids": "band-aids", "pony tail": "ponytail", "fly aways": "flyaways",
    "light saber": "lightsaber", "light sabers": "lightsabers",
    # heads25: one word written apart (they were COMPOUND_NOUNS, whose one-word forms are now read as the two words)
    "skate board": "skateboard", "skate boards": "skateboards", "tooth brush": "toothbrush", "tooth brushes": "toothbrushes",
    # heads27: a relative by marriage written with spaces ('my sister in law's bag'): 'in' ended the name at the
    # relative, who was removed for her bag; 'in laws' is also her possessive typed without its apostrophe
    **{kin: kin.replace(" ", "-") for relative in _PERSON_NOUNS if relative.endswith("-in-law") and relative != "in-law"
       for kin in (relative.replace("-", " "), relative.replace("-", " ") + "s", relative.replace("-in-", "s in "))},
    # story27: 'un blur this photo' was read as 'blur this photo' — softened, where it asks to sharpen
    "un blur": "unblur", "un-blur": "unblur",
}
"""One word split in two by a typo, read as the word ('darken the *back ground*'): the two halves never mean something
else in an edit request ('photo shop' is `rules_text._PHOTO_SHOP`)."""

# ---- stories: what a request tells rather than asks (rules_story) ------------------------------------

PURPOSE_VERBS = ("surprise", "frame", "print", "hang", "use", "show", "send", "post", "share", "upload", "gift",
                 "present", "mail")
"""What the photo is for, said as a clause of its own: '*surprise* her with it', '*frame* it for my parents', '*use*
this on our cards' — told, not asked (rules_story), when no handler reads an edit in it."""
STORY_SUBJECTS = ("i", "i'm", "im", "i've", "ive", "i'd", "we", "we're", "we've", "my", "our", "this", "that", "it",
                  "it's", "its", "he", "she", "they", "he's", "she's", "they're", "his", "her", "their", "there",
                  "these", "those", "me", "us", "here", "here's", "when", "after", "last", "yesterday", "today",
                  "took", "just", "recently", "unfortunately", "sadly", "so", "because", "since", "as", "although",
                  "though", "while", "the", "a", "an", "one", "both", "everyone", "nobody", "only", "found", "decided",
                  "thought", "finally", "went", "bought", "met", "spent")
"""How a sentence that tells begins: 'my dad passed away', 'we took this in Rome', 'this is the only photo' — with its
subject left out too: '*found* this in the attic', '*decided* to update my profile picture'."""
LOSS_TELLERS = ("has", "have", "had", "'ve", "was", "were", "been", "got", "i", "we", "he", "she", "they", "who", "just",
                "recently", "sadly", "tragically", "suddenly", "unexpectedly", "finally")
"""Words before 'lost' that make it told — 'my husband *has* lost two brothers to the war', 'the negative *was* lost in a flood',
'*we* lost him in May' — never the passive of a removal ('the bin lost'): a death or a loss in the story (rules_story)."""
STORY_VERBS = ("is", "was", "are", "were", "am", "be", "been", "has", "have", "had", "got", "get", "gets", "took",
               "take", "did", "does", "do", "went", "go", "made", "came", "come", "love", "like", "think", "thought",
               "know", "knew", "feel", "felt", "look", "looks", "seem", "seems", "can", "could", "will", "would",
               "should", "must", "might", "may", "need", "needs", "want", "wants", "mean", "means", "sent", "saw",
               "found", "lost", "died", "passed", "use", "used", "hope", "hoping", "wish", "met", "bought", "spent")
"""Verbs a story states with ('my dad *passed* away', 'this *is* our only photo'), besides any -ed form."""
MOTION_PASTS = ("ran", "stood", "sat", "fell", "flew", "swam", "drove", "rode", "snuck", "hung", "lay", "threw",
                "caught", "held", "stuck", "crept", "slid", "strode", "wandered", "popped", "appeared", "showed")
"""How a thing that got into the shot is told ('a dog *ran* into the shot'): where its name ends."""
PHOTOBOMB_WORDS = ("photobomb*", "photo bomb*", "photo-bomb*")
"""Someone who got into the shot uninvited: 'my uncle *photobombed* us' names who; 'our kiss got *photobombed*',
'*photobomb* at the beach' name no one — the photobomber is what should go."""
ATTENTION_THIEVES = ("stole the focus", "steals the focus", "stole the show", "steals the show", "stole the spotlight",
                     "steals the spotlight", "stole the attention", "steals the attention", "steals all the attention",
                     "stole all the attention", "takes the focus away", "took the focus away", "takes all the focus",
                     "draws the eye away", "pulls the eye away", "takes attention away", "took attention away")
"""'the port-a-loo *stole the focus*': a thing complained of for taking the eye — removed (never a sharpening, though
'focus' is a tone word)."""
COMPLAINT_WORDS = ("distracting", "ruin*", "annoying", "ugly", "awful", "terrible", "horrible", "messy", "in the way",
                   "blocking", "blocks", *PHOTOBOMB_WORDS, "spoil*", "unwanted", "hate", "can't stand",
                   "doesn't belong", "shouldn't be there", *ATTENTION_THIEVES)
"""A story that complains about a thing asks for something: 'the bin is so *distracting*'."""
SELF_ACCOUNTS = ("bad at", "terrible at", "awful at", "hopeless at", "useless at", "rubbish at", "no good at",
                 "not good at", "not great at", "suck at", "new to", "a beginner at", "a beginner with", "a noob at",
                 "tried with", "tried using", "attempted with", "attempted using")
"""A sentence about the writer's own skill or attempt ('I'm hopeless at photoshop', 'tried with the clone tool'): a
story, whatever tool or quality word it names — never an enhance or a removal of its own."""
HELP_ONLY = ("help", "help please", "please help", "help me", "help me out", "help us", "help us out", "any help",
             "need help", "i need help", "we need help", "can anyone help", "can someone help", "can you help",
             "could someone help", "could anyone help", "could you help", "is it possible", "is this possible",
             "possible", "do what you can", "any ideas", "any suggestions", "many thanks", "much love",
             "it means the world to us", "it means a lot", "it would mean a lot", "i understand if it's not possible",
             "not sure if possible", "not sure if this is possible", "thanks in advance", "if you can",
             "is there any chance", "is there a chance", "any chance", "is there any way", "any way",
             "would it be possible")
"""Clauses that ask for help without saying what: read as part of the story."""
HEADER_WORDS = ("request", "requests", "help", "task", "job", "commission", "favor", "favour", "question", "please")
"""The last word of a post's title that names no edit: 'editing *request*', 'photoshop *help*'."""

# ---- clauses (rules_clauses) --------------------------------------------------------------------

CONNECTORS = ("and then", "then", "after that", "afterwards", "and also", "and finally", "finally", "lastly",
              "and after that", "once done", "when done")
"""Words that always start a new edit: "remove the dog, *then* brighten it" — unless a person is their subject
(`CONNECTOR_SUBJECTS`)."""
CONNECTOR_SUBJECTS = ("i", "we", "he", "she", "they")
"""Who, said right before a connector, makes it an adverb of a story ('I *finally* caught my cat sneezing', 'we *then*
drove home'), not the start of a new edit: cut there, 'I' was left out as a clause of its own. 'it' is not among them
('brighten it then crop it' is two edits)."""
NOUN_REQUESTS: dict[str, str] = {
    "removal": "remove", "remover": "remove", "deletion": "delete", "erasure": "erase", "replacement": "replace",
    "change": "change", "swap": "swap", "blur": "blur", "blurring": "blur", "fix": "fix", "fixing": "fix",
    "repair": "repair", "enhancement": "enhance", "enhancements": "enhance", "cleanup": "clean up",
    "clean up": "clean up", "clean-up": "clean up", "sharpening": "sharpen", "brightening": "brighten",
}
"""A request said as a noun after its thing — 'background removal', 'sky replacement', 'glare fix' — is the verb
before it ('remove the background'); a clause 'A and B removal' is two requests."""
CLAUSE_GLUE = ("and", "but", "&", "+", "plus")
"""Words that start a new edit only when a verb follows: "remove the dog *and* make it brighter"."""
AND_GLUE = ("and", "&", "+", "plus")
"""The words that add one more wish the way 'and' does: 'brighten it *plus* the sky bluer', '… *plus* take the bin out'."""
COMMA_GLUE = ("and", "but", "or")
BE_WISHED = ("be", "is", "was", "to be", "should be", "must be", "could be", "can be", "needs to be", "need to be")
"""How a change wished for a thing is said after an ask: 'remove the pole, *the background be* darker', '… and sky
*should be* bluer' — a second edit (rules_clauses)."""
MANNER_ADVERBS = ("evenly", "gently", "subtly", "carefully", "lightly", "softly", "slightly")
"""How an edit is to be done, said before its verb: '…, *evenly* tone my face' (the verb still starts the clause)."""
CLAUSE_OPENERS = ("also", "please", "then", *HEDGE_WORDS, "try", "try to", "try and", *MANNER_ADVERBS)
"""Between the glue and the verb: "… and *also* make it brighter"."""
PLACE_PREPOSITIONS = ("to", "on", "at", "in", "into", "beneath", "below", "under", "underneath", "atop", "above",
                      "behind", "next to", "beside", "near", "in front of", "on top of", "inside", "within", "onto",
                      "over", "across", "along", "around")
"""A clause that starts with one of these is a place, not an edit ("on the left, remove …")."""
LIST_GLUE = ("and", "as well as", "&", "+", "plus", "along with", "together with")
"""Joins the names in a list: "the trash can, the sign *and* the car"."""
ONE_QUALITIES = ("new", "better", "nicer", "different", "cooler", "prettier", "plain", "simple", "nice", "good",
                 "other", "more interesting", "fresh")
"""'add *a better* one' after a background named: what the new one is wished to be (rules_clauses)."""
INCLUDING_LEADS = ("including", "incl", "inclusive of")
"""An aside that widens the edit before it: 'remove the chairs, *including* the cushions', 'cut us out (*including*
the kite)' — the things named are in the same edit, never something to add."""
INCLUDED_TAILS = ("too", "as well", "also")
"""Said after what an 'including' aside names: '… including the lake *too*'."""
LIST_ATTRIBUTES = ("red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "gray",
                   "grey", "dark", "light", "big", "small", "old", "young", "little", "tall")
"""A list item ending in one of these is an attribute of the next ("the red and blue shirt")."""
ASIDE_STARTS = ("he", "she", "they", "it", "who", "which", "that", "this", "the one", "the ones", "on", "in", "at", "with",
                "behind", "under", "above", "holding", "carrying", "dressed",
                "wearing", "from", "without", "not", "near", "next", "closest", "nearest", "furthest", "far", "left",
                "right", "middle", "center", "centre", "top", "bottom", *ORDINAL_WORDS, "last")
"""A list item starting with one of these belongs to the one before ("my ex, he's on the left")."""

# ---- setting words (rules_text) -------------------------------------------------------------------

COUNT_WORDS = (*CARDINALS, "a few", "a couple", "a couple of", "several")
VARIATION_NOUNS = ("variation", "variations", "option", "options", "versions", "alternative", "alternatives",
                   "takes", "tries", "results", "candidates", "choices", "variant", "variants", "output",
                   "outputs")
VARIATION_ASKS = ("give me", "show me", "make", "generate", "try")
NEW_SEED_WORDS = ("another", "different", "new", "random", "other", "fresh")
DENOISE_WORDS = ("denoise", "denoising", "denoise strength", "denoising strength", "strength")
STEP_KINDS = ("sampling", "denoising", "inference", "diffusion")
GUIDANCE_WORDS = ("guidance", "cfg")
KEEP_WORDS = ("keep", "preserve", "maintain", "retain", "don't change", "dont change", "do not change", "same")
GROW_VERBS = ("grow", "expand", "dilate", "enlarge", "widen")
SHRINK_VERBS = ("shrink", "erode", "contract", "tighten")
MASK_GROW_VERBS = ("grow", "dilate")
MASK_SHRINK_VERBS = ("shrink", "erode")
"""Verbs that act on the selection even before 'it' ('grow it by 10 px'): 'expand it' or 'enlarge it' grows the
canvas."""
FEATHER_VERBS = ("feather", "soften", "blur")

# ---- naming things: noun phrases and where-words (rules_target, rules_region) -------------------------

ARTICLES = ("the", "a", "an")
POSSESSIVES = ("my", "our", "your", "his", "her", "their", "its")
OBJECT_POSSESSIVES = {"him": "his", "her": "her", "them": "their", "me": "my", "myself": "my", "us": "our"}
"""'dress *him* in red': whose clothes, said as the reply says it."""
DETERMINERS = ("the", "a", "an", "this", "that", "these", "those", "my", "our", "your", "his", "her", "their", "its",
               "some", "any", "all", "every", "each", "of", "certain", "said", "such", "one of the",
               "some of the", "both")
"""Words that open a noun phrase and are not part of the name."""
SCAFFOLD_DETERMINERS = ("the", "this", "my", "our", "that", "your", "a", "an")
SCAFFOLD_PREPOSITIONS = ("from", "off", "out of", "in", "on", "of", "within", "inside", "into")
PICTURE_ADJECTIVES = ("whole", "entire", "original", "attached", "above", "following")
PICTURE_MENTIONS = ("composition", "view", "visual", "images", "photos", "pictures", "wallpaper", "portrait", "pics",
                    "scan", "scans", "headshot", "headshots", "polaroid", "photo scan",
                    "shots", "selfie")
PHOTO_TAKERS = ("i", "we", "i've", "we've", "you")
TAKING_VERBS = ("took", "taken", "shot", "snapped", "captured", "made", "have", "had", "got")
"""'the man from this picture *I took*', 'the tones of this shot *we took of the harbour*': the picture told about, no
part of any name (SCAFFOLD)."""
TAKEN_TAILS = ("of", "in", "at", "on", "during", "with", "while", "from", "last", "yesterday", "today", "when")
"""'… this shot we took *in* Lisbon', '… we took *of* the harbour': how the picture's own story goes on."""
TOLD_OPENERS = ("i", "i'm", "im", "i've", "ive", "i'd", "we", "we're", "we've", "we'd", "he's", "she's", "they're",
                "was", "were", "is", "if", "would", "could", "hoping", "wondering")
"""Words that open a told clause, never a thing's name: a 'name' that begins with one is told words ('*I* shot this in
Lisbon', '*was* hoping you could touch the water up') whose thing, if any, follows a verb ('the water'); after a comma
or 'so' inside a name they end it ('my cousin*, he's* spoiling the shot', 'the card *so I* can print it')."""
AWAY_FROM = ("from", "out of", "off")
OUT_OF_SIGHT = ("it", "this", "here", "there", "that", "view")
POINTER_FOLLOWERS = ("and", "or", "but", "so", "please", "pls", "plz", "too", "as", "if", "for", "to", "then",
                     "thanks", "thank", "because", "while", "with", "without", "asap", "now", "also", "somehow", "i", "we")
"""What may follow 'from *this*' when 'this' is the photo ('get him out of this, please'); any other word makes it a
determiner — 'the panda from this *poster*' names the panda, never the poster."""
IF_THERE = ("if present", "if applicable", "if any", "if possible", "if there is one", "if visible",
            "if there are any")
RELATIVES = ("that", "which", "who")
MAYBE_MODALS = ("may", "might", "could", "can")
PRESENT_WORDS = ("present", "visible", "there", "seen")
SHOWN_WORDS = ("depicted", "visible", "present", "featured", "shown", "appearing")
TRACE_WORDS = ("traces", "trace", "instances", "instance", "signs", "remnants", "remains", "evidence", "elements")
EXISTENCE_WORDS = ("presence", "essence", "existence")
NAME_FILLERS = ("from view", "please", "as well", "too", "also", "as much as possible", "as much as you can",
                "if possible at all", "together")
"""Scaffolding around a name that is not the name: "*all traces of* the logo *from the image*, *please*"."""

SIDES = ("left", "right")
ENDS = ("top", "bottom")
VERTICALS = ("top", "upper", "bottom", "lower")
CENTER_WORDS = ("center", "centre", "middle")
COUNTING_RELATIONS = ("from", "on", "at", "to", "in", "counting from")
"""'second *from* the left'."""
PLACE_LEADS = ("in", "at", "on", "from", "near", "to", "toward", "towards")
SIDE_LEADS = ("on", "to", "at", "in", "from", "toward", "towards", "near", "over")
END_LEADS = ("on", "at", "in", "near", "along", "across", "from", "toward", "towards", "up", "down")
# ---- depth said instead of a side (rules_target; issue 20, body28) ----------------------------------------------------
FARTHEST_WORDS = ("furthest", "farthest", "further", "farther")
NEAREST_WORDS = ("closest", "nearest", "closer", "nearer")
_DEPTH_VIEWERS = ("camera", "the camera", "us", "me", "the viewer", "viewer", "the lens", "lens", "the photographer",
                 "photographer")
"""Who a depth is measured from: 'the tree furthest *from the camera*', 'the car closest to *us*'."""
FAR_FROM_VIEWER = tuple(f"{far} {way}" for far in FARTHEST_WORDS
                        for way in ("away", "back", "off", *(f"from {viewer}" for viewer in _DEPTH_VIEWERS)))
"""'the tree *furthest away*', 'the man *farther back*', 'the boat *furthest from us*': the thing in the background —
'furthest' had been looked for as a thing."""
NEAR_CAMERA = ("up front", *(f"{near} {to}{viewer}" for near in NEAREST_WORDS for to in ("", "to ")
                             for viewer in (*_DEPTH_VIEWERS, "the front")))
"""'the girl *closest to the camera*', 'the car *nearest us*', 'the chair *closer to the front*': in the foreground."""
EXTREMITY = ("very", "far", "extreme")
ALL_THE_WAY = ("all the way", "way", "right", "just", "somewhere", *FARTHEST_WORDS)
"""Said before a place, part of it: 'the man *all the way* on the left', 'the sign *right* at the top', 'the kid
*furthest* to the left' (never part of the name: it was looked for as a 'kid furthest')."""
RIGHT_AS_JUST = ("here", "there", "now", "away", "where", *PLACE_PREPOSITIONS)
"""After these 'right' is 'just', no side (issue 20, place25): 'the man *right here*', 'the guy *right next to* me', the
officiant standing *right beside* her' — each had been looked for on the right."""
CORNER_PARTS = ("corner", "side", "part", "area", "section", "quadrant", "edge")
SIDE_PARTS = ("side", "edge", "part", "end", "half", "corner")
END_PARTS = ("edge", "part", "half", "side", "area", "section", "corner")
LEFTMOST = ("leftmost", "left-most", "furthest left", "far-left", "far left")
RIGHTMOST = ("rightmost", "right-most", "furthest right", "far-right", "far right")
TOPMOST = ("topmost", "top-most", "uppermost", "upper-most", "highest")
BOTTOMMOST = ("bottommost", "bottom-most", "lowermost", "lower-most", "lowest")
CENTERMOST = ("middlemost", "middle-most", "central")
BACK_WORDS = ("background", "back ground", "back drop", "back", "distance", "backdrop", "rear")
FRONT_WORDS = ("foreground", "front", "first plan", "first plane")
"""'in the *first plan*' is 'foreground' said in a translation (premier plan, primer plano)."""
PEOPLE_OBJECT_PRONOUNS = ("me", "us", "him", "her", "them")
"""A person said as the object of a verb or a preposition: who stays in front of a background ('behind *her*'), who is
sent into a scene ('put *me* on a beach')."""
LARGEST_WORDS = ("largest", "biggest", "tallest")
LARGE_ONES = ("big", "larger", "bigger", "huge")
"""Size words that pick only before 'one(s)': "the big one"."""
SMALLEST_WORDS = ("smallest", "tiniest", "shortest")
SMALL_ONES = ("small", "smaller", "tiny")
EVERYONE_WORDS = ("everyone", "everybody", "every one", "every person", "all the people", "all of the people",
                  "all the persons", "all of the persons", "all people", "anyone", "anybody")
ALL_WORDS = ("all", "every", "each", "any")
ALL_OF = ("the", "those", "these", "my", "his", "her", "their", "its")
COUNT_NUMBERS = (*(word for word, n in CARDINALS.items() if n >= 2), "both", "both of", "couple of", "pair of")
EXCLUDE_ALL = ("everything", "anything", "all", "the rest", "whatever")
EXCEPT_WORDS = ("except", "except for", "but", "other than", "apart from", "besides", "save for", "aside from",
                "excluding", "outside", "outside of")
KEPT_EXCEPT_WORDS = tuple(word for word in EXCEPT_WORDS if not word.startswith("outside"))
"""'remove everyone *but* the boy': what is kept follows (not 'everyone *outside* the shop': a place)."""
KEEP_ONLY_LEADS = ("keep only", "only keep", "just keep", "keep just", "leave only", "only leave", "leave just",
                   "just", "only")
"""'*keep only* the car, …', '*just* the two of us, …': what stays, said before what goes."""
OTHER_PEOPLE = ("everyone else", "everybody else", "all the others", "the others", "all the other people",
                "the other people", "all other people", "other people", "the rest of the people", "the rest of them",
                "all the rest", "the rest", "the people", "people", "all the persons")
"""Who goes when some people stay: '…, remove *the others*', 'remove *the people* apart from her'."""
ALL_THE_REST = ("everything else", "all else", "anything else", "everything")
"""What goes when one thing stays ('keep only the car, remove *everything else*'): a cut-out, not a removal."""
OWN_PEOPLE = ("me", "us", "myself", "ourselves", "i", "we", "of us")
"""The photo's owner ('everyone but *me*', 'just *the two of us*'): no finder knows who that is."""
UNNAMED_ONES = ("one", "ones")
"""'everyone except *the one* on the left': among people, an unnamed one is a person."""
PEOPLE_PAIRS = ("couple", "pair", "twins")
"""'everyone except *the couple* kissing': among people, two people."""
OWN_GROUP = ("us", "we", "ourselves", "of us")
"""The owner among others ('everyone but *us*'): two people kept, or the number said ('the three of us')."""
OWNER_STATEMENTS = ("we are", "we're", "i am", "i'm", "that's me", "that's us", "this is me", "those are us",
                    "that is me", "that is us")
"""'photoshop out the people walking past *(we're the pair on the right)*': who the owner is, said inside a removal — no
thing to remove, and it ends the list."""
ALONE_WORDS = ("alone", "all alone", "on our own", "on my own", "by ourselves", "by myself", "the only ones there",
               "the only one there", "the only people there", "the only person there")
"""'make it look as if I was *alone*': an outcome that removes everyone else."""
LOOKS_AS_IF = ("look like", "looks like", "seem like", "seems like", "look as if", "looks as if", "seem as if",
               "seems as if", "look as though", "looks as though", "appear as if", "appear that", "feel like")
NO_OTHER_PEOPLE = ("other people", "other persons", "other tourists", "one else", "body else", "other guests",
                   "strangers", "other folks")
"""'so that no *other people* are in it', 'with no *one else* in the shot': everyone else goes."""
NONE_LEFT_LEADS = ("there aren't any", "there are not any", "there aren't", "there are no", "there is no",
                   "there isn't any", "there's no", "there were no", "there was no", "there won't be any",
                   "without any", "without", "with no", "no")
"""What comes before NO_OTHER_PEOPLE in an outcome ('so *there aren't any* other people')."""
ONLY_LEADS = ("it's just", "it is just", "it was just", "it to be just", "it be just", "it's only", "it is only",
              "it to be only", "it only shows", "it just shows", "of just", "of only", "with just", "with only",
              "make it just", "make it only", "just make it", "make this just", "make this only", "just make this")
"""'edit it so *it's just* the kids and me', 'a photo *of just* us': who is left; everyone else goes."""
PERSONAL_PRONOUNS = ("he", "she", "they", "it", "who", "which", "that", "this")
BE_FORMS = ("'s", "'re", " is", " are", " was", " were")
WHO_NOUNS = ("one", "ones", "guy", "girl", "man", "woman", "person", "kid", "lady", "dude")
"""'…, she's *the one*' — the tail that points back at the name."""
HEAD_BOUNDARY = frozenset({
    "with", "in", "on", "off", "out", "wearing", "holding", "carrying", "who", "that", "which", "near", "next", "by",
    "behind", "under", "beside", "at", "from", "of", "sitting", "standing", "walking", "riding",
    "looking", "having", "has", "without", "dressed", "covered", "like", "to", "into", "onto", "over",
    "above", "below", "for", "between", "among", "around", "against", "along", "across", "inside",
    "outside", "whose", "where", "while", "whom", "in front", "leaning", "lying", "laying", "eating",
    "drinking", "playing", "using", "through", "via", "thru", "is", "are", "was", "were", "being", "should",
    "must", "shall", "needs", "ought", "had", "could", "would", "does", "did", "caused", "located", "placed",
    "seen", "taken", "made", "parked", "cast", "casting", "outta", "w", "w/", "away", "going",
    "everywhere",
})
"""The first of these after a noun ends the name: "man *in* blue", "dog *sitting* on the sofa", "the cracks
*everywhere*" (where they are, never the thing looked for)."""
ING_NOUNS = frozenset({
    "ceiling", "building", "painting", "clothing", "earring", "ring", "king", "wing", "string", "thing",
    "something", "sling", "swing", "spring", "railing", "icing", "stuffing", "pudding", "wedding", "evening",
    "morning", "awning", "siding", "drawing", "sibling", "darling", "dumpling", "duckling", "seedling", "sapling",
    "lightning", "lighting", "bedding", "carving", "sting", "wiring", "parking", "packaging", "crossing",
    "landing", "marking", "markings", "opening", "frosting", "topping", "everything", "anything", "nothing",
    "shading", "stocking", "stockings", "piping", "herring", "bling", "viking", "ping",
    "tubing", "netting", "fencing", "scaffolding", "flooring", "decking", "tiling",   # heads16: stuffs named in -ing
})
"""-ing words that are things, not verbs: they don't end a name."""
PART_NOUNS = frozenset({"surface", "top", "side", "edge", "front", "back", "corner", "middle", "center",
                        "inside", "bottom", "tip", "end", "area"})
"""'the table's *surface*' is the table."""
# -- heads16 (issue 20, target heads): words that hand the head to another word, or are no colour --
OWNED_COVERINGS = frozenset({"fur", "paint", "paintwork", "bodywork", "feathers", "plumage", "fleece"})
"""'my dog's *fur*', 'the van's *paint*': what covers a thing all over is looked for as the thing (a finder sees the
dog, not its fur; the words stay the phrase). Only after an owner said as one ('s, or an -s typed without the
apostrophe: 'my dogs fur'), never a person. Not 'coat': a dog's coat may be one it wears, as a man's is."""
FLAW_SHAPES = frozenset({"line", "spot", "mark", "streak", "patch", "dot"})
SHAPED_FLAWS = frozenset({"glare", "reflection", "flare", "shine", "crease", "fold", "tear", "rip", "crack", "scratch",
                          "shadow", "wrinkle"})
"""'the fold *line*', 'the glare *spots*', 'the crease *marks*': the shape (`FLAW_SHAPES`) a flaw of light or of the
paper leaves, said after it — the flaw is the head, what a finder looks for; its shape stays in the phrase. Dirt is
named by its marks ('the dust marks', 'the sweat marks' are marks; 'dust spot' is a declared name)."""
REQUEST_NOUNS = frozenset({"request", "favour", "favor", "ask"})
"""'I've got a *request* for brightening the hedges': the asking itself, never the thing asked about — what follows it is."""
REWARD_GIVERS = ("give", "gives", "giving", "award", "awarding", "offer", "offering", "tip", "pay", "get", "earn",
                 "win")
REWARD_TAILS = ("in return", "to the best", "for the best", "to whoever", "for whoever", "to my favo*", "to favo*",
                "for my favo*", "for favo*", "to the winner", "to help", "for help", "for the help")
"""'will *give* gold to whoever …', 'gold *in return*', '*get* some gold': gold (`REWARD_WORDS`) offered as a reward, said
with a giver before it or a tail after it — a thank-you, never the colour a thing is to be painted."""
PART_OF_WORDS = frozenset({"top", "side", "back", "front", "bottom", "end", "tip", "edge", "area", "part", "portion", "left", "right",
                           "middle", "centre", "center",
                           "section", "region", "inside", "corner"})
"""'the *back of* the scarf', 'the *top of* the tree': the thing whose part it is (the whole words stay the phrase)."""
SURFACE_AREAS = frozenset({"area", "part", "portion", "section", "region", "bit", "patches"})
"""'the grey *area on* the wetsuit': a vague stretch named by what it lies on ('the spot on the wall' is a
spot)."""
OWN_QUALITIES = frozenset({"tone", "tones", "colour", "color", "colours", "colors", "texture", "shade"})
"""'the *skin tone*', 'the car colour': what a thing has; the thing is the head ('the tone' alone stays)."""
NOT_HEAD_WORDS = frozenset({"little", "big", "small", "old", "young", "tall", "short", "large", "tiny", "huge",
                            "fat", "thin", "weird", "ugly", "random", "annoying", "other", "same", "whole",
                            "entire", "new", "extra", "unwanted", "nice", "lovely", "pretty"})
"""Adjectives (besides colours) that are never the thing itself, even at the end: 'the man, the tall', 'the lawn
nice and green'."""
NEVER_THINGS = frozenset({"many", "few", "several", "much", "easy", "difficult", "hard", "possible", "impossible",
                          "untouched", "unchanged", "up", "down", "else", "etc", "so", "generally", "significantly",
                          "additionally", "especially", "anyway", "otherwise", "both", "either", "neither",
                          "overall", "excess", "extra"})
"""Words that name no thing on their own: a name made only of these and function words ('there aren't *many*', 'leave
me *untouched*', 'and *generally* touch it up') is no thing to select."""
VAGUE_THINGS = frozenset({"thing", "things", "thingy", "stuff", "bit", "bits"})
"""'that ship *thing*': a word for any thing; the word before it, when it can name one, is the head."""
MATERIAL_WORDS = frozenset({"steel", "metal", "metallic", "iron", "plastic", "wooden", "wood", "glass", "concrete",
                            "rubber", "cardboard", "fabric", "leather", "stone", "brick", "aluminium", "aluminum"})
"""'the *metal* thing': what a vague thing is made of says which, it names no thing — the head stays 'thing'."""
NAME_ENDS = frozenset({
    "so", "here", "there", "i", "i'm", "im", "i've", "ive", "we", "we're", "you", "look",
    "looks", "be", "have", "seem", "seems", "appear", "appears", "much", "more", "less", "slightly", "somewhat", "bit",
    "very", "really", "too", "just", "only", "still", "even", "also", "enough", "maybe", "please", "now", "not",
    "completely", "entirely", "totally", "all", "instead", "anymore", "again", "though", "thanks", "thx", "pls", "plz",
    "etc", "left",
    "yesterday", "today", "tonight",
})
"""After a word that can name the thing, these start something else — a clause ('the photo *I* took', 'the water
*look* better'), a degree ('the sky *much* brighter'), a place ('the chin *here*') — so the name ends before them.
Tone and colour comparatives ('the hair *darker* red') end it too; a word of these never is the head."""
NARROWING_WORDS = ("especially", "particularly", "mainly", "mostly", "primarily", "chiefly", "notably", "specifically",
                   "in particular", "above all")
"""'remove the glare, *mostly* from his glasses': after a thing to remove, where it is worst — no second thing
(rules_remove joins the place to the name before it)."""
LY_NOUNS = frozenset({"belly", "family", "fly", "butterfly", "dragonfly", "firefly", "lily", "jelly", "dolly", "holly",
                      "gully", "pulley", "bully", "ally", "rally", "assembly", "reply", "supply", "anomaly", "telly",
                      "brolly", "lolly", "trolly", "doily", "tally", "july"})
"""Things whose name ends in -ly: any other word in -ly closing a name is how the edit is done ('the bin *quickly*', 'the
glow effect *easily*'), never the thing (rules_target)."""
NEW_THING_TAILS = ("comfortably", "gracefully", "gently", "delicately", "carefully", "nicely", "somewhere",
                   "please", "as well", "too", "here", "there")
"""Where the name of a thing to add ends: "a dog *comfortably* lying on the sofa"."""

# ---- explicit regions (rules_region) ----------------------------------------------------------------

DIRECTIONS = ("left", "right", "top", "bottom")
BOX_WORDS = ("box", "rect", "rectangle", "region", "area", "bbox", "coordinates", "coords", "crop")
REGION_SIDES = ("left", "right", "top", "bottom", "upper", "lower", "middle", "center", "centre")
STRIP_WORDS = ("side", "edge", "strip", "border", "margin", "part")
"""'the left *strip*', 'the bottom *edge*'."""
PLACE_ADJECTIVES: dict[str, str] = {"upper": "top", "lower": "bottom"}
"""Before a strip word (`STRIP_WORDS`, `FRACTION_WORDS`) these name a place, the side they stand for: 'brighten the
*lower* half', 'more light on the *upper* part' — never 'lower' the verb or a thing called 'half'."""
REGION_FILLERS = ("everything", "anything", "all", "stuff", "thing", "things", "the", "a", "an", "area", "region",
                  "part", "portion", "section", "in", "on", "at", "of", "from", "within", "inside", "whatever",
                  "that's", "thats", "that is", "is", "there", "this", "it", "image", "photo", "picture", "pic",
                  "frame", "box", "strip", "of the image", "whole", "entire", "pixel", "pixels", "px")
"""Words around a region that still leave it a region: "*everything in* the left half *of the image*"."""

# ---- removal (rules_remove) ---------------------------------------------------------------------

REMOVAL_NOUNS = ("removal", "removing", "deletion", "erasure", "erasing", "elimination", "getting rid")
"""'*removal of* the red eye', 'help with *removal of* the lines': a removal said as a noun."""
SOMETHING_ABOUT = ("do something about", "do something with", "something be done about", "something done about",
                   "anything be done about", "do anything about", "anything you can do about", "take care of",
                   "deal with")
"""'*do something about* the man on the left', 'can you *deal with* the glare': a thing named as a problem, read as
asking for it to go (said, and doubtful); a property ('the lighting') or a body part ('her face') is no removal."""
REMOVE_LEAD_VERBS = ("photoshop", "edit", "cut", "crop out", "take", "get", "trim the")
"""Sentence openers that make a clause removal-shaped even before the object ("photoshop the dog out")."""
OUT_PARTICLES = ("out", "off", "away", "up")
RID_VERBS = ("rid", "cleanse", "clear", "purge", "strip", "scrub", "trim", "free", "purify", "clean",
             "decontaminate", "detoxify", "liberate", "wipe", "void", "devoid")
"""'*rid* the image of …': the object follows 'of'."""
ABSENCE_MODALS = ("should", "must", "shall", "can", "may", "need to", "needs to")
"""'there *should* be no cars'."""
DO_NOT = ("don't", "dont", "do not")
PICTURE_OWNERS = ("the", "this", "my", "our")
CHECKING_VERBS = ("ensure", "make sure", "verify", "confirm", "check")
THERE_IS = ("there's", "there is", "there are")
CONTAINING_VERBS = ("feature", "contain", "have", "show", "include")
WANTING_WITHOUT = ("i want", "i'd like", "id like", "give me")
PASSIVE_MODALS = ("should", "must", "ought to", "need to", "needs to", "has to", "have to", "is to", "are to",
                  "will", "shall", "has", "have", "is", "are", "get", "gets", "got", "can")
WISH_CONDITIONS = ("if", "whether", "any way", "anyway", "love for", "like for")
WISH_MODALS = ("could", "would", "might", "may", "can", "to")
"""'… if the bin *could* be removed': the modal after the thing is no part of its name."""
"""'I'd love it *if* the man in the water could be edited out', 'she'd *love for* the lamp *to* be taken out': the
passive's thing follows the condition."""
OCCLUDED_WORDS = ("blocked", "covered", "hidden", "obscured", "obstructed", "overlapped")
"""'so the lamp isn't *blocked* by his arm': what stands in front goes."""
PASSIVE_TAILS = ("from", "out of", "of", "off", "in", "on", "at", "please", "pls", "too", "as well", "and", "asap", "if",
                 "for me", "thanks", "thank", "completely", "entirely", "top", "bottom", "upper", "lower", "far")
"""What may follow a passive with no modal: 'I want the sign removed *from* the wall'."""
GONE_WORDS = ("disappear", "vanish", "go away", "gone")
MAKING_VERBS = ("make", "get", "have", "want", "need")
VERB_TAIL_PREPOSITIONS = ("from", "in", "out of", "off")
BEFORE_VERB_MODALS = ("should", "must", "ought", "need", "needs", "has", "have", "is", "are", "will", "shall", "to")
"""'the sign *should* go': where the name before a removal verb ends."""
REMOVAL_VAGUE_NOUNS = frozenset({
    "area", "part", "portion", "section", "element", "detail", "streak", "particle", "drop", "overlay", "effect",
    "atmosphere", "ambiance", "ambience", "mood", "feel", "presence", "influence", "interference", "backdrop",
    "setting", "aura", "look", "appearance", "veil", "layer", "view", "shroud", "obstruction", "distortion",
    "weather", "spot", "bit", "flake", "trace", "edge", "region", "outline", "cast", "seal", "stamp",
    "insignia", "icon", "emblem", "badge", "figure", "motif", "mark", "design", "signature", "pattern", "symbol",
    "graphic", "impression", "imprint", "representation", "thing", "object", "stuff", "splatter", "shadow",
    "logo", "text", "watermark", "person",
})
"""Words that say "some thing" rather than which: "the watermark *stamp*" is sharpened to the watermark."""
UNNAMED_FLAWS = frozenset({"imperfection", "flaw", "problem", "issue", "distraction", "disturbance", "disruption",
                           "mistake", "error", "unwanted", "bad"})
"""'remove the flaws' names nothing a detector can find: ask which."""
CROPPED_OFF_SIDES = ("left", "right", "top-left", "top-right", "bottom-left", "bottom-right")
"""Where a thing stands that 'crop the lady on the right' takes out of the picture (a removal, said)."""
SMALL_FLAWS = frozenset({"imperfection", "flaw"})
"""Unnamed flaws that, said of the photo itself ('the flaws in this photo'), are its small ones — spots, specks,
blemishes; 'the distractions in this photo' are bigger things and still asked about."""
SKIN_PLACES = ("skin", "face", "faces", "complexion", "cheek", "cheeks", "forehead", "chin", "nose")
"""'erase the imperfections *on his cheeks*': on skin, unnamed flaws are blemishes (a detector finds those)."""
PICTURE_LIKE_ADJECTIVES = ("new", "old", "current", "edited", "final", "full", "same", "other", "second", "first",
                           "last", "previous", "background", "main", "whole", "entire", "original")
"""'the *original* image' is the picture itself; 'the duck image' is a picture of a fish inside it."""
# target heads written other ways (rules_target, rules_damage; issue 20, heads25)
STRAY_HAIR_WORDS = ("flyaway", "fly-away")
"""'tame the *flyaways*', 'edit out her fly-aways': a few stray strands of hair, named by what they do — the finder looks
for the hair and is told the user's word (as 'the stray hairs' is), never for a thing called 'flyaway'."""
DEFECT_WORDS = ("glare*", "reflection*", "flare*", "lens flare*", "stain", "stains", "scratch*", "crease*", "fold",
                "streak", "streaks", "streaking", "stray hair", "stray hairs", "chin hair", "chin hairs",
                *(f"{word}*" for word in STRAY_HAIR_WORDS),      # heads25: 'fix her flyaways'
                "date stamp*", "time stamp*", "timestamp*",      # cond16: defects that are things ('fix the streaks')
                "folds", "tear", "tears", "rip", "rips", "crack", "cracks", "spot", "spots", "blemish*", "hot spot*",
                "shine", "shininess", "dust", "speck*", "scuff*", "mark", "marks", "marking", "markings", "acne",
                "pimple*", "zit", "zits", "wrinkle*", "smear*", "fingerprint*", "sweat", "shadow*", "dot", "dots",
                "scar", "scars", "scarring", "bruise*", "blotch*", "splotch*")
"""Flaws on a photo or a face, not things in the scene: '*reduce* the glare', '*fix* the creases' take them out.
A short word is listed with its own forms, not as a stem ('spot*' read 'fix the spotlight' as a spot to take out,
'mark*' a marker, 'fold*' a folder, 'sweat*' a sweater, 'scar*' a scarf)."""
REDUCING_VERBS = ("reduc*", "decreas*", "lessen*", "minimi*", "tone down", "toning down", "soften*", "fix*", "correct*", "repair*",
                  "deal with", "dealing with", "sort out", "sorting out", "handle", "handling", "tackle", "tackling",
                  "diminish*", "cut down", "fade", "fading", "clean", "cleaning", "clear", "clearing", "lower*")
"""Verbs that make a flaw less ('*lessen* the window reflection'): with a flaw named, a removal."""
BLEMISHES = ("watermark", "logo", "shadow", "caption", "timestamp", "date stamp", "text", "signature")
"""Things a vague removal is sharpened to when the words mention them."""
SHADOW_WORDS = ("shadow", "shadows", "shadowy", "shadowing", "shading", "shaded", "shade", "darkened",
                "overshadow*", "silhouette")
EVERYTHING_THERE = ("everything", "anything", "all")
THERE_PREPOSITIONS = ("on", "in", "at", "from", "near", "around", "inside")

# ---- replace, recolour, fix (rules_edits) -------------------------------------------------------------

COLOR_COMPARATIVES: dict[str, str] = {"whiter": "white", "redder": "red", "bluer": "blue", "greener": "green",
                                      "yellower": "yellow", "pinker": "pink", "blacker": "black",
                                      "browner": "brown"}
UNNAMED_COLOURS = ("a colour", "a color", "one colour", "one color", "a single colour", "a single color",
                   "a plain colour", "a plain color", "a solid colour", "a solid color", "a flat colour",
                   "a flat color", "some colour", "some color", "one solid colour", "one solid color")
"""'cover everything except the dogs *with a colour*': a plain colour, none named (white, said, and unsure)."""
UNNAMED_COLOUR_DEFAULT = "white"
"""The plain colour used when none is named; the reply says so and how to name another."""
COLOUR_KEEPERS = ("keep", "keeping", "but keep", "leave", "leaving", "but leave", "except", "except for",
                  "apart from", "other than", "but not", "save for", "excluding")
"""'black and white *but keep* the bus in colour': the thing named keeps its colour, the rest goes grey."""
COLOUR_DRAIN_VERBS = ("drain", "strip", "suck", "take", "pull", "wash")
"""'*drain* the colour from the sky', '*take* the colour out of her dress' (beside the removal verbs): that thing's
colour taken away — it goes grey, it is not removed."""
SOMETHING_LEADS = ("something", "somewhere", "anything", "something like", "something with", "something more",
                   "maybe something", "perhaps something", "ideally something", "preferably something")
"""'do a nice background*, something* outdoorsy': the new background, said after a comma."""
TOUCHED_TO_COLOUR_VERBS = ("touch", "tweak", "edit", "fix", "brush", "punch", "jazz")
"""'*touch* the lake up to make it bluer': the thing between the verb and 'up' is what is recoloured."""
COMPARATIVE_COLOUR_SHARE = 0.5
"""'make her lips *redder*', 'the sea more blue': a colour made stronger, not given — the recolour moves this share of
the way to the named colour (`InpaintArgs.color_share`); a colour given ('make her lips red') goes all the way."""
STRONGER_AMOUNT_SHARES: dict[str, float] = {"a little": 0.3, "a bit": 0.3, "a little bit": 0.25, "a touch": 0.25,
                                            "a tad": 0.25, "slightly": 0.3, "bit": 0.3, "little": 0.3, "tad": 0.25,
                                            "a lot": 0.8, "much": 0.8, "way": 0.8, "lot": 0.8}
"""'the lawn *a little* greener': how much stronger a colour is wanted, as the share of the way to it ('*a bit*
redder' 0.3, '*much* bluer' 0.8) in place of `COMPARATIVE_COLOUR_SHARE`."""
STRONGER_AMOUNTS = tuple(STRONGER_AMOUNT_SHARES)
COLOR_FOLLOWERS = ("in", "on", "to", "with", "for", "and", "or", "please", "instead", "too", "as", "like", "then",
                   "now", "but", "the", "a", "an", "his", "her", "their", "my", "its", "so", "one", "ones", "if",
                   "shade", "all", "again", "color", "colour", "here", "there", "only")
"""A colour followed by one of these is what the thing should become: 'make it red *and* …'."""
RECOLOR_CUES = ("dye*", "paint*", "tint*", "tinge*", "recolor*", "recolour*", "color*", "colour*", "coat*", "spray*",
                "dress*", "cloth*", "change*", "make", "made", "turn*", "render*", "get", "let", "ensure", "should",
                "shall", "must", "ought", "is", "are", "be", "become*", "adorn*", "grace", "cover*", "choose",
                "opt", "pick", "give", "apply", "transform*", "alter*", "switch*", "set", "darken", "lighten",
                "bleach", "brown", "want", "need", "look", "into", "to", "in", "for", "edit", "replac*", "swap*")
"""Words that make a colour a request rather than a description: '*paint* the door green'."""
COLOUR_CHANGE_VERBS = ("change*", "alter*", "switch*", "modify*")
"""'*change* the colour of the frog': a colour change asked with no colour — which colour is asked (rules_edits)."""
COLOUR_PARTICIPLES = ("painted", "coloured", "colored", "dyed", "tinted", "sprayed", "changed", "turned", "converted",
                      "switched")
"""A thing's new colour said after it, as done to it: 'the car *changed* to red', 'get the door *painted* green'."""
RECOLOR_FILLERS = (
    "change", "alter", "switch", "transform", "turn", "modify", "adjust", "set", "make", "render", "get", "give", "edit",
    "photoshop",
    "apply", "coat", "cover", "paint", "dye", "tint", "tinge", "color", "colour", "recolor", "recolour", "spray",
    "blacken", "whiten", "redden", "darken", "lighten", "bleach", "choose", "opt for", "pick", "go with", "use",
    "let", "ensure", "make sure", "adorn", "grace", "should", "shall", "must", "ought to", "need to", "needs to",
    "could", "can", "would",
    "will", "be", "become", "is", "are", "take on", "adopt", "have", "has", "shine", "gleam", "glow", "look",
    "appear", "adorned", *COLOUR_PARTICIPLES, "convert", "altered", "transformed", "modified", "for", "to", "into", "in", "with", "hue",
    "shade", "pigment", "tone", "appearance", "i want", "i need", "want", "need", "all over",
    "completely", "entirely", "totally", "please", "just", "only", "fully", "swap", "exchange", "replace",
    "subtly", "slightly", "gently", "lightly", "softly", "really", "very", "a bit", "a little", "a touch", "a tad",
    "bit", "more")
"""Everything in a recolour request that is not the thing: 'please *change the colour of* the car *to* red'."""
COLOR_ONLY_FILLERS = ("a", "an", "the", "in", "some", "one", "ones", "shade", "hue", "color", "colour", "tint",
                      "tone", "of", "be")
SWAP_VERBS = ("swap", "swapping", "swapped", "swaping", "swaped", "switch", "switching", "switched", "exchange",
              "exchanging",
              "exchanged", "trade", "trading", "traded")
TRANSFORM_VERBS = ("turn*", "change*", "transform*", "convert*", "morph*", "make*")
"""'*turn* the jaguar into a lizard'."""
INSTEAD_OF = ("instead of", "in place of", "in lieu of", "rather than")
NEW_THING_LEADS = ("put", "place", "add", "use", "have", "i want", "give me", "can i have", "i'd like", "id like",
                   "want", "get", "draw", "insert", "can i get", "could i get", "could i have", "can we get", "can we have",
                   "could we have", "could we get")
"""'*put* a vase where the lamp is', '*I want* a cat instead of the dog'."""
PUT_VERBS = ("put", "place", "add", "draw", "insert")
WHERE_PHRASES = ("where", "in the spot where", "in the place where")
STANDING_WORDS = ("is", "was", "are", "were", "stands", "sits", "used to be")
ARROWS = ("->", "=>", "-->", "→")
AMOUNT_NOUNS = ("bit", "little", "lot", "touch", "tad")
"""'make it *a bit* …' is an amount, not a new thing."""
MUST_BE = ("should", "shall", "must", "needs to")
IN_PLACE_VERBS = ("replace", "replacing", "substitute", "swap", "switch")
"""'remove the lamp and *replace it with* a vase', '… and *replace with* a wall': the thing the edit before took out
(or the background it took away), with the new thing in its place — one replace (rules_edits.replaced_in_place)."""
WHOLE_PICTURE = ("it", "this", "that", "the image", "the photo", "the picture", "this image", "this photo",
                 "the whole thing", "everything")
FIXABLE_PARTS = ("hand", "hands", "finger", "fingers", "face", "faces", "eye", "eyes", "teeth", "tooth", "smile",
                 "feet", "foot", "arm", "arms", "leg", "legs", "ear", "ears", "nose", "mouth", "lips", "hair",
                 "red eye", "red eyes", "red-eye", "red-eyes", "eyebrow", "eyebrows", "brow", "brows", "beard",
                 "moustache", "mustache", "lip")
PART_PROPERTIES = {"lighting": "exposure", "light": "exposure", "exposure": "exposure", "brightness": "exposure",
                   "colour": "white_balance", "color": "white_balance", "colours": "white_balance",
                   "colors": "white_balance", "colouring": "white_balance", "coloring": "white_balance",
                   "tone": "white_balance", "tones": "white_balance", "contrast": "contrast",
                   "sharpness": "sharpen", "focus": "sharpen", "noise": "denoise", "grain": "denoise",
                   "saturation": "vibrance", "vibrance": "vibrance", "warmth": "white_balance"}
"""What a part *has* rather than is, and the enhance that measures and corrects it: 'the lighting on her face is bad'
is the face's exposure, never the face redrawn; 'the saturation is weird' the photo's vibrance, never a thing called
'weird' made more colourful."""
LOOKING_VERBS = ("look", "looks", "is", "are", "seem", "seems")
WRONG_LOOKS = ("weird", "wrong", "off", "messed up", "deformed", "creepy", "strange", "bad", "broken", "distorted",
               "mangled", "ugly", "fake", "unnatural", "janky", "cursed",
               "odd", "wonky")
NATURAL_LOOKS = ("normal", "natural", "right", "real", "better", "neat", "neater", "tidy", "tidier", "even", "symmetrical",
                 "straight", "nice", "nicer", "good")
FINGER_TROUBLE = ("too many", "extra", "six", "6", "seven", "missing")
FIX_STOP_WORDS = frozenset({"fix", "repair", "correct", "redo", "improve", "up", "clean", "restore", "regenerate",
                            "touch", "retouch", "sort", "out", "the", "a", "an", "his", "her", "their", "my", "its",
                            "tidy", "neaten", "groom", "reshape",
                            "our", "your", "please", "can", "you", "and", "of", "make", "fixing", "both", "all"})
FIX_TAIL_WORDS = ("look", "looks", "is", "are", "seem", "seems", "has", "have", "so", "to", "and", "with", "please", "a",
                  "slightly", "bit", "little", "up")
"""Where the name of the part to fix ends: 'his hand *looks* weird'."""
NOT_THE_COLOR = ("instead of", "rather than", "not", "from", "than")
"""'blue *instead of* grey': grey is the old colour, not the new one."""
GIVEN_COLOUR_PARTS = ("hair", "eyes", "eye", "skin", "lips", "beard", "moustache", "mustache", "eyebrows", "brows", "nails", "fur",
                      "sky", "feathers", "mane")
"""'give her *red hair*', 'give him blue *eyes*', 'give it a stormy grey *sky*': a colour given to what the thing already
has is its recolour (a new thing given — 'give the dog a red collar' — is not). Said alone ('*green eyes* please'), the
same: that part recoloured (`rules_edits._BARE_COLOURED_PART`)."""
COLOR_TARGETS = ("to", "into", "in", "with", "as", "be", "is", "are", "become", "shade of", "shades of", "hue of",
                 "hues of", "tone of", "tones of")
"""'change it *to* red': a strong sign the colour is the new one."""
MODAL_VERBS = ("can", "could", "should", "would", "must", "will", "shall", "may", "might", "needs to", "has to",
               "ought to")
"""'the background *can* be white': after a noun, a modal starts what is said of it — never a thing ('the can')."""
MODAL_FOLLOWERS = ("shall", "should", "is", "for", "must", "will")
TONE_DOWN = ("less", "too", "not so", "decrease", "decrease the")
"""'*less* yellow' is a white-balance change, not a recolour."""

# ---- the background (rules_background) ----------------------------------------------------------------

PRINT_SIZES = ("3x5", "4x6", "5x7", "8x10", "8x12", "8.5x11", "11x14", "11x17", "12x18", "16x20", "20x30", "24x36")
"""The photo print sizes people name without a unit ('a size of about *8x10*', 'print it as a *5 x 7*'): inches, so
a print's shape — cropped to, as a named format is, never read as a canvas to grow (bg16: crop shapes)."""
STAYING_VERBS = ("remain", "remains", "stay", "stays", "is", "are", "left", "shows", "show", "stands", "stand")
"""'remove the background so only the parrot *remains*': what the kept thing does, never part of its name (bg16)."""
RUN_ON_TELLERS = ("i", "i'm", "im", "i've", "i'd", "we", "we're")
"""'blur background *I'm* on insta so …': after the background with no stop, the asker starting a sentence of their own
— the background's edit ends there (bg16: background wordings)."""
BACKGROUND_FOLLOWERS = ("to", "into", "with", "for", "of", "so", "and", "but", "then", "please", "behind", "around",
                        "more", "less", "a", "an", "the", "look", "be", "is", "are", "in", "on", "at", "as", "color",
                        "colour", "entirely", "completely", "totally", "only", "instead", "image", "photo", "from",
                        "by", "it", "dark*", "light*", "bright*", "blur*", "white", "black", "transparent", "plain",
                        "not", "too", "part", "where", *RUN_ON_TELLERS,
                        "simple", "solid", "removed", "gone", "replaced", "changed", "needs", "should",
                        "looks", "all", "just", "pure", "full", "out", "away", "off", "stuff", "pop", "pops", "stand",
                        "leaving", "super", "really", "very", "extra", "slightly", "nicely", "quite", "much",
                        "here", "little", "bit", *_each("over|across", "the|this|my", "whole|full|entire"))
"""After 'background' these keep it the background itself ('the background *to* a beach'), unlike
'the background people'; 'add a grey background *over the full* photo' is the background too (issue 20, damage28)."""
ISOLATE_VERBS = ("isolate", "cut-out", "cut - out")
"""'*isolate* the bike', '*cut-out* my aunt': the thing kept on nothing (a cutout), not removed ('cut
out the bin' removes it)."""
CUT_AWAY_VERBS = ("cut", "crop", "isolate", "extract", "separate", "lift")
"""Verbs (any ending) that take a thing away from its background: 'cut the kite from the background', 'isolate the dog
and the ball' — a cut-out of what they name."""
TRANSPARENT_CUES = ("transparen*", "no background", "png", "cut out", "cutout", "isolat*", "knock out")
CUTOUT_FILE_CUES = ("png", ".png", "transparen*", "cutout", "cut-out", "sticker", "silhouette")
"""Said with 'cut X out', a file or a look of a cut-out: 'cut my dog out *into a png*' keeps the dog (a cut-out)."""
CUTOUT_PLACING = ("put", "place", "paste", "use", "fit", "move", "drop", "stick", "print")
"""'cut him out *so he would fit* on a t-shirt', '… so I can *put* him anywhere': the thing goes elsewhere — a
cut-out, not a removal."""
WANTED_ALONE_LEADS = ("i want", "i need", "i'd like", "i would like", "we want", "we need", "send me", "give me",
                      "can i have", "can i get", "could i have", "could i get", "may i have", "i just want")
"""'*I want* only the motorbike', '*send me* just the guitar': one thing wanted on its own (a cut-out, unsure)."""
BLUR_CUES = ("blur*", "bokeh", "out of focus", "defocus*", "unfocus", "soft", "soften", "softer", "depth of field",
             "portrait mode", "fuzzy")
PORTRAIT_LOOKS = ("portrait mode", "bokeh", "depth of field", "depth-of-field", "shallow focus", "dslr effect",
                  "dslr look", "dslr style", "dslr-like", "like a dslr", "like dslr", "with a dslr", "slr effect",
                  "slr look", "dof", "lens blur", "like a camera", "like a real camera", "like a pro camera",
                  "like a proper camera", "like a camera click", "like a pro click")
"""'give it *depth of field*', 'the *dslr look* please', 'a slight *dof* effect', 'blur the backdrop *like a real camera*':
the look of a background out of focus behind the subject — said with no background named, the background blurred."""
IN_FOCUS_WORDS = ("in focus", "sharp", "crisp", "focused", "clear", "in sharp focus")
"""'the car *in focus* but the background blurred': the subject the blurred background stands behind."""
DARKER_CUES = ("dark", "darker", "darken*", "dim", "dimm", "dimmer", "dimer", "less bright")
LIGHTER_CUES = ("light", "lighter", "lighten*", "bright", "brighter", "brighten*", "fade", "faded", "fade out")
"""'*fade* the background': lighter, so the subject stands in front of it."""
DEST_PREPOSITIONS = ("to", "into", "with", "for", "as", "by")
DEST_VERBS = ("be", "look like", "depict", "show", "showcase", "reflect", "resemble", "portray", "illustrate",
              "evoke", "capture", "convey", "simulate", "represent", "feature", "have", "something like", "one with",
              "like")
"""'change the background to *look like* a beach'."""
SUBJECT_LEADS = ("behind", "around", "except", "but keep", "keep", "besides", "of", "from",
                 *_each("so|so that|leaving|just leaving|only leaving", "|it's|its|it is|there's|there is", "only|just"),
                 *_each("leave|leaving|keep|keeping", "|only|just"))
"""'blur the background *behind* the dog': the subject follows; so does what is left — 'remove the background *so
only* my cat is left', '*leaving just* the trophy', '… and *leave only* the badge', '*keeping just* the face' (bg23)."""
SUBJECT_OWNERS = ("the", "my", "this", "that", "these", "those", "our", "his", "her", "their", "your")
NOT_A_SUBJECT = frozenset({"a", "an", "the", "this", "it", "view", "photo", "picture", "image", "focus", "entire", "whole",
                           "and", "or", "but", "then"})
"""'strip out all of the *whole* backdrop': what is left around the background word names no subject; nor does the
glue after it ('get rid of the backdrop *and* keep just the face': the face, after 'keep', is)."""
SUBJECT_WORD = "subject"
"""'crop to the (main) *subject*': the photo's main subject, found from the picture (a crop with no shape)."""
SUBJECT_PEOPLE = frozenset({"me", "us", "him", "her", "them", "myself", "subject", "model", "people"})
"""'behind *me*': the subject is a person."""
SCENE_VERBS = ("transform*", "turn*", "change*", "convert*", "make*", "modify*", "alter*", "adapt*", "reimagine*",
               "rearrange*", "set*", "put*", "place*", "move*", "take*", "transport*")
"""'*transform* this image into a snowy scene' is a new background."""
SEND_VERBS = ("put", "place", "move", "take", "transport", "send")
"""'*put* me on a beach'."""
ONTO = ("on", "in", "at", "into", "onto", "to")
SETTING_NOUNS = ("backdrop", "background", "setting", "ambiance", "ambience", "atmosphere", "environment",
                 "surroundings", "vibe", "backgrounds", "backdrops")
DEST_LEAD_FILLERS = ("a", "an", "the", "some", "something", "like", "be", "to", "look", "looks", "of", "this", "that",
                     "one", "with", "full", "kind", "sort")
DEST_TAIL_FILLERS = ("instead", "please", "background", "pic", "photo", "image", "picture", "photograph")
KEEPING_VERBS = ("keep", "leave", "make", "let")
DEST_ENDS = ("for", "so", "because", "since", "to make", "to match", "to use", "like in", "which", "that is",
             "that will")
"""Where the description of a new background ends: 'a beach *for* my profile'."""
VAGUE_SCENE_WORDS = ("different", "new", "other", "another", "nicer", "better", "cool", "cooler", "good", "nice",
                     "better looking", "more interesting", "different one", "new one", "something else", "something",
                     # gierq29: the choice left to the editor — no scene named either
                     "any", "anything", "any kind", "whatever", "anything you like", "anything you want",
                     "whatever you like", "whatever you want", "anything really")
"""'add *a different* background', 'put *any* background behind her', '… to *whatever you like*': no scene
named — the neutral studio backdrop, said (`rules_background.DEFAULT_BACKDROP`), or asked when nothing wants one."""
GENERIC_SETTINGS = ("setting", "environment", "scenery", "surroundings")
LIFTED_FROM_BACKGROUND = ("her", "him", "me", "us", "myself", "head", "his head", "her head", "my head")
"""Who is taken *from* the background as a cut-out ('remove *her* from the background'): the person kept, the
background gone — any other thing named there is removed from it ('remove *them* from the background' points back
at people named before, who go)."""
IN_THE_BACK_LEADS = ("in", "at", "into", "of", "from", "toward", "towards")
"""'the people *in the* background': a position, not the background."""
PARTS_OF = ("color", "colour", "rest", "part", "area", "type", "kind", "sort", "style")
"""'the *colour of the* background' is the background again."""
PLAIN_WORDS = ("plain", "solid", "pure", "simple")
BLACK_AND_WHITE = ("black and white", "black & white", "black n white", "black&white", "blackandwhite",
                   "black-and-white", "b&w", "b & w", "b/w", "bnw", "grayscale", "greyscale", "gray scale",
                   "grey scale", "monochrom*", "desaturat*", "de-saturat*")


# ---- adding things (rules_add) ------------------------------------------------------------------------

RELATION_PHRASES: tuple[tuple[tuple[str, ...], str, bool], ...] = (
    # (phrases, relation, strong): a strong phrase beats a weak one ("on", "in", "to") anywhere in the clause;
    # among the same strength the first in the sentence wins. Relations the contract lacks go to the nearest.
    (_each("to|on|at|in|inside", "the", "inside|middle|center|centre|interior", "of") + ("inside of",), "on", True),
    (_each("to|on|at|toward|towards", "the", "left|left hand|left-hand", "|side", "of", "|to") + ("left of",),
     "left_of", True),
    (_each("to|on|at|toward|towards", "the", "right|right hand|right-hand", "|side", "of", "|to") + ("right of",),
     "right_of", True),
    (_each("on|to|at", "|the", "|very", "top of") + ("atop", "on the upper part of"), "on", True),
    (_each("on|to|at", "the bottom of") + ("below", "beneath", "underneath", "under"), "below", True),
    (("in front of", "to the front of", "at the front of"), "below", True),
    (("behind", "to the back of", "at the back of", "in back of"), "above", True),
    (("above", "over", "higher than"), "above", True),
    (("next to", "beside", "alongside", "by the side of", "close to", "near", "nearby", "in the vicinity of"),
     "right_of", True),
    (_each("coming|rising|pouring|flowing|flying|billowing|emerging|spraying|shooting|blowing|bursting|sticking|"
           "streaming|spilling|drifting|leaking|growing", "out of|from|off") + ("puffing out of", "around", "surrounding"),
     "around", True),
    (("resting on", "perched on", "sitting on", "onto", "upon", "on", "inside", "inside of", "into", "within", "in",
      "amidst", "amid", "amongst", "among", "throughout", "across", "by"), "on", False),
    (("to",), "on", False),
)
"""Where a new thing goes relative to its anchor. "in front of" → below (front things sit lower in a photo),
"behind" → above, "next to" → right of (the reply says where); "steam *coming out of* the kettle", "wings *around* the
boy" → around it (issue 20, clauses21: 'around' was read as 'next to' and drew the new thing beside its anchor)."""
RELATION_SAID = ("in", "into", "inside", "within", "onto", "upon", "atop", "amid", "amidst", "among", "amongst",
                 "across", "throughout", "on top of")
"""'on' relations whose own words the reply repeats ("adding a cat *into* the basket"); an 'around' relation's own
words are always repeated ("adding steam *coming out of* the kettle")."""
ENRICH_PREFIXES = ("the presence of", "the essence of", "the addition of", "a gathering of")
BEEN_WORDS = ("has been", "have been", "should be", "is", "was", "needs to be", "need to be", "must be", "is to be",
              "will be", "to be")
PLACED_WORDS = ("added", "placed", "put", "positioned", "included", "set", "situated", "integrated", "introduced",
                "inserted")
"""'a box should be *placed* on the horse'."""
JOIN_VERBS = ("join", "enter", "appear", "appear in")
ADJUST_PROPERTY_WORDS = ("brightness", "contrast", "saturation", "exposure", "warmth", "sharpness", "temperature",
                         "vibrance", "highlights", "shadows", "levels", "gamma", "hue", "clarity", "focus", "detail",
                         "details")
"""'add more contrast' is a tone change, not a new thing."""
PROPERTY_NOUNS = (*(word for word in ADJUST_PROPERTY_WORDS if word not in ("shadows", "highlights", "detail", "details",
                                                                          "focus")),
                  "color", "colors", "colour", "colours", "coloring", "colouring", "lighting", "tone", "tones")
"""What a photo has rather than shows: '*clean up* the exposure and colours' is an enhance, 'remove the contrast' a
tone change — never a thing painted out (the shadows, the highlights on a forehead are things)."""
PLACE_NAMES = ("left", "right", "top", "bottom", "middle", "center", "centre", "corner", "foreground", "background", "back",
               *_each("top|bottom|upper|lower", "left|right"), *(f"{v}-{h}" for v in ("top", "bottom", "upper", "lower")
                                                                  for h in ("left", "right")))
PLACE_PARTS = ("side", "corner", "half", "part", "edge", "area")
SCENERY_WORDS = ("image", "picture", "photo", "photograph", "pic", "scene", "frame", "composition", "scenery",
                 "setting", "canvas", "it", "this", "view", "landscape")
"""An anchor that is the whole picture ('add a bird to the scene') means no anchor."""
BRING_PARTICLES = ("out", "up", "back", "down")
"""'bring *out* the colours' adds nothing."""
BODY_PLACES = ("head", "shoulder", "lap", "hand")
SMALL_COUNTS = ("a", "an", "some", "two", "three", "four", "five")
NOT_NEW_THINGS = frozenset({"it", "them", "this", "that", "him", "her"})
PARTICULAR_OWNERS = ("my", "our", "his", "her", "their", "your")
"""Before a person to add, a particular one: 'add *my* dad to this photo' needs his picture (rules_add declines it)."""
PUT_IDIOM_ENDS = ("up", "down", "to sleep", "to rest", "away")
"""'put the photo *up* in our hall', 'we had to put our cat *down*', 'put her *to sleep*': 'put' with one of these after
its object tells (a photo hung, a pet's death) and adds nothing — unless a place for a new thing follows ('put a
lamp up on the shelf')."""
NEED_WORDS = ("needs", "need", "could use", "could do with", "is missing", "lacks")
"""'the baby *needs* a rattle in its hand', 'the shelf *could use* some books': a thing wished into the photo, said as
what something there lacks — an add, on or in that something."""
ADDED_BY_REPLACING = frozenset({"sky"})
"""A new thing that is a region the photo already has: 'add a stormy sky', said with no place and no 'the',
replaces the sky there rather than painting a second one in the middle ('add the sky', to a scene being built, stays
an add)."""
TONE_NOUNS = ("contrast", "brightness", "saturation", "light", "lighting", "warmth", "sharpness", "some")

# ---- history and saving (rules_history) -----------------------------------------------------------

GO_BACK_VERBS = ("go back", "going back", "revert*", "return", "reset", "restore", "roll back", "rollback",
                 "jump back", "switch back", "back", "undo")
ORIGINAL_WORDS = ("original", "start", "beginning", "first version", "initial", "unedited", "raw", "source",
                  "very first")
START_OVER = ("start over", "start again", "start from scratch", "start fresh")
UNDO_ALL = ("undo everything", "undo all", *_each("undo all", "the|my", "edits|changes"), "undo all edits",
            "undo all changes")
SHOW_VERSION_VERBS = ("go back", "going back", "revert*", "return", "restore", "roll back", "rollback", "jump back",
                      "switch back", "back", "show", "show me", "use", "load")
VERSION_WORDS = ("version", "v", "step", "edit", "number", "#")
UNDO_VERBS = ("undo", "ctrl z", "ctrl+z", "ctrl + z", "cmd z", "cmd+z", "cmd + z", "go back", "step back",
              "take that back", "take it back", "revert", "roll back", "rollback", "back", "un-do")
REDO_VERBS = ("redo", "re-do", "ctrl y", "ctrl+y", "ctrl + y", "ctrl shift z", "ctrl+shift+z", "ctrl + shift + z")
HISTORY_COUNTS = (*(word for word, n in CARDINALS.items() if n >= 1), "twice", "thrice")
SAVE_VERBS = ("save*", "export*", "write*", "download*", "store*", "output*")
SAVED_THINGS = ("image", "result", "picture", "photo", "edit", "file", "output")
IMAGE_EXTENSIONS = ("png", "jpg", "jpeg", "webp", "tif", "tiff", "bmp", "gif")
KEEP_NOT_SAVE = ("colors", "colours", "color", "colour", "details", "detail", "face", "person", "him", "her")
"""'*save* the colours' keeps something; it writes no file."""

# ---- restoration: haze, blur, noise, rain, snow, low light (rules_restore) --------------------------------

HAZE_WORDS = ("haze", "hazy", "haziness", "dehaz*", "de-haz*", "fog", "foggy", "fogginess", "defog*", "unfog*",
              "cloudiness", "murk", "murkiness", "cloudy look", "cloudy appearance", "smoky look", "smokiness",
              "murky look",                          # cond16: a cloudy or murky look of the whole photo is its haze
              "mist", "misty", "mistiness", "smog*", "uncloud*", "atmospheric blur", "atmospheric haze",
              "atmospheric interference", "atmospheric distortion", "atmospheric obstruction", "visibility")
BLUR_WORDS = ("blurr*", "deblur*", "de-blur*", "unblur*", "fuzz*", "out of focus", "out-of-focus", "unfocused",
              "soft focus", "soft-focus", "softness", "smudged", "smudgy", "smudging", "smeared", "smeary", "smearing",
              "motion blur", "camera shake", "shaky",
              "shakey", "shaken", "shaked", "shaking", "shakiness",
              "distortion", "distortions")
BLUR_OBJECTS = ("the", "out", "it", "this", "his", "her", "their", "my", "everything", "that", "him", "them", "all",
                *BACKGROUND_NOUNS)
"""'blur *the* face', 'blur *background*' (no article, in a list) are edits, not the blur of a shaky photo."""
SMUDGE_NOUNS = ("smudge", "smudges", "smear", "smears")
"""A smudge or smear is a thing on the photo to take out ('take away the smudges', 'the smear on the window') — the
photo's blur only when said of the whole picture ('remove the smudges *from the picture*'); 'smudged', 'smearing'
(in BLUR_WORDS) are the blur."""
NOISE_WORDS = ("noise", "noisy", "denois*", "de-nois*", "grain", "grainy", "graininess", "speckl*", "despeckl*",
               "pixelation", "pixelated", "pixelization", "pixelisation", "pixellated", "pixelized", "pixelised",
               "jpg artifact",
               "jpg artifacts", "jpeg artifact", "jpeg artifacts", "compression artifact", "compression artifacts",
               "static",
               "dead pixel", "dead pixels", "hot pixel", "hot pixels", "stuck pixel", "stuck pixels")
# cond16 (issue 20, kinds_31): conditions of the whole photo that a removal can't select
FADING_WORDS = ("fading", "fadedness", "discolouration", "discoloration", "washed out look", "washed-out look",
                "washed out appearance", "washed-out appearance")
"""'clean up the colours and *the fading*': the photo's faded colours, measured back (colour and tone parts), never a
thing called 'fading' to paint out."""
EXPOSURE_CONDITIONS = ("overexposure", "over-exposure", "over exposure", "underexposure", "under-exposure",
                       "under exposure")
"""'the sun's *overexposure* reduced': a fault of the light, measured where it is — never a thing to remove."""
CONDITION_DEGREES = ("heavy", "bad", "severe", "slight", "strong", "harsh", "extreme", "massive", "huge", "major",
                     "minor", "little", "big", "general", "overall", "obvious", "terrible", "awful", "horrible", "bit",
                     "some", "much", "more", "less", "any", "all", "total", "whole", "entire", "clear", "apparent")
"""'the *heavy* overexposure': how bad a fault is, never the thing it is said of."""
DEFECT_KIND_HEADS = ("mark", "marks", "marking", "markings", "spot", "spots", "dot", "dots", "line", "lines")
"""After another defect word these name its kind of mark, one thing: 'scratch *marks*', 'dust *spots*' — never a second
defect in a run-on list ('the tear waterstain' is two)."""
SCAN_WORDS = ("scanned", "scanned-in", "scanned in")
"""'clean up this *scanned* book cover': what was scanned is the photo itself — cleaning it up is an enhance, never a
removal of the cover."""
QUALITY_CONDITIONS = ("quality", "image quality", "picture quality", "photo quality")
"""'clean up this grainy phone quality': the photo's quality cleaned up — a general enhance, never a thing called
'quality' removed."""
PRAISE_ONLY_CASTS = ("cool",)
"""'edit it so it looks *cool*', 'make this look really cool': after a look verb, praise — a general enhance, never a cold
cast to correct ('so it looks warm' still asks the warmth; 'it looks *too* cool' is the cast)."""
UNDONE_STYLES = (*STYLE_WORDS, "cartoonish", "cartoony", "cartooned", "painted", "painter", "painting", "drawn",
                 "drawing", "filter")
"""'clear the *cartoon* effect', 'remove the *painted* look', 'remove *filter* effect': a style laid over the whole photo.
No tool turns it back into a photo — said so, never a thing called 'effect' painted out."""
STYLE_LAYERS = ("effect", "effects", "look", "style", "appearance", "finish", "filter", "filters")
"""What a style laid over the photo is called ('the cartoon *effect*', 'the painted *look*')."""
RAIN_WORDS = ("rain", "rains", "rainy", "raindrop", "raindrops", "rainfall", "rainwater", "rain streak",
              "rain streaks", "drizzl*", "precipitation", "wetness",
              *_each("wet", "weather|atmosphere|element|influence|backdrop|setting|aura|look"),
              "watery", "water droplet", "water droplets", "droplet", "droplets", "downpour")
SNOW_WORDS = ("snow", "snowy", "snowfall", "snowflake", "snowflakes", "snowstorm", "snow covered", "snow-covered",
              "blizzard", "sleet")
LOW_LIGHT_WORDS = ("too dark", "underexposed", "under-exposed", "low light", "low-light", "lowlight", "dimly lit",
                   "not bright enough", "night shot", "dark photo")
RESTORE_CUES = ("reduc*", "less", "lower*", "minimi*", "fix*", "correct", "lift", "improve", "restore",
                "enhance", "clarify", "cleanse", "purify", "decontaminate", "detoxify", "liberate", "polish",
                "fight", "combat", "cut", "tackle", "handle", "deal with", "counter", "free", "too", "free of",
                "without", "no", "clean", "clear", "sharpen", "unveil", "uncover", "dissipate", "dissolve", "banish",
                "resurrect", "unmask", "bring", "deveil", "sweep", "extract", "optimise", "optimize", "better",
                "remove*", "eliminat*", "erase", "get rid", "done about", "do about", "do something about", "done with",
                "do with", "anything with",
                "anything about", "help with", "salvage", "save",
                "sort out", "sorting out", "sort", "tidy up", "get out")
"""Words that ask for a condition to go: '*reduce* the haze', 'the photo is *too* blurry'."""
UNDOING_PREFIXES = ("dehaz", "de-haz", "deblur", "de-blur", "denois", "de-nois", "defog", "de-fog", "unfog", "unblur",
                    "uncloud", "despeckl", "de-speckl", "degrain", "de-grain")
MEANS_WORDS = ("through", "by", "via", "using", "with")
MEANS_VERBS = ("removing", "eliminating", "reducing", "clearing", "cleaning")
CONDITION_TARGETS = frozenset({"snow", "snowfall", "snowflake", "rain", "raindrop", "rainfall", "drizzle",
                               "cloudiness", "murk", "murkiness", "fading", "fadedness", "overexposure",
                               "underexposure",                     # cond16: conditions, never things
                               "precipitation", "wetness", "droplet", "noise", "grain", "haze", "fog", "mist",
                               "smog", "blur", "blurriness", "fuzziness", "fuzz", "haziness", "mistiness",
                               "rainwater", "snowstorm", "blizzard", "graininess", "softness", "smudge", "smear"})
CONDITION_VAGUE_NOUNS = frozenset({
    "area", "part", "portion", "section", "element", "detail", "streak", "particle", "drop", "overlay", "effect",
    "atmosphere", "ambiance", "ambience", "mood", "feel", "presence", "influence", "interference", "backdrop",
    "setting", "aura", "look", "appearance", "veil", "layer", "view", "shroud", "obstruction", "distortion",
    "weather", "spot", "bit", "flake", "trace", "edge", "region", "splatter", "shadow", "background", "image",
    "picture", "photo", "scene", "it", "this", "thing", "stuff", "elements", "object", "sections", "disturbance",
    "artifact", "quality", "visibility", "clarity", "focus", "sharpness", "palette", "distraction", "disruption",
    "imperfection", "content", "feature", "beauty", "removal"})
"""'remove the rain *streaks*': a condition named vaguely is still the condition, not an object."""

# ---- what the tools can't do (rules_unsupported) -----------------------------------------------------

COLORIZE_WORDS = ("coloris*", "coloriz*", "colouris*", "colouriz*")
OLD_PHOTO_WORDS = ("black and white", "black & white", "black&white", "b&w", "b & w", "b/w", "grayscale",
                   "greyscale", "monochrome")
MOVE_VERBS = ("move", "shift", "reposition", "drag", "slide")
COMPOSITE_VERBS = ("put", "place", "paste", "insert", "move", "drop", "stick", *SLANG_EDIT_VERBS, "add",
                   "superimpose", "transplant", "copy", "edit", "position")
COMPOSITED_WHO = ("her", "him", "them", "me", "us", "it", "myself", "himself", "herself", "this woman", "this man",
                  "this girl", "this guy", "this person", "the woman", "the man", "the girl", "the guy", "the person",
                  "person", "my son", "my daughter", "my friend", "my dog", "my cat")
COMPOSITE_PLACES = ("picture", "photo", "image", "pic", "billboard", "poster", "screen", "tv", "television", "painting",
                    "magazine", "magazine cover", "album cover", "movie", "film", "scene from", "frame", "meme",
                    "another", "other picture", "other photo", "different picture", "different photo", "game",
                    "video game", "game world", "cartoon world")
"""'put her *in the billboard*', 'set this man *on a picture* of …', 'put my son into a *video game*': a person or a
face taken into another picture or world — a composite, which no tool makes."""
# ---- clothing taken off someone (undressing; refused) ----------------------------------------------------------
WORN_CLOSEST = ("clothes", "clothing", "bikini", "bikini top", "swimsuit", "bathing suit", "swimwear", "bra", "underwear",
                "lingerie", "panties", "knickers", "boxers", "briefs")
"""Worn things no one leaves lying in a photo: 'remove the clothes' needs no 'her' to be taken off someone."""
WORN_COVERINGS = (*WORN_CLOSEST, "outfit", "shirt", "t-shirt", "tshirt", "top", "blouse", "dress", "pants", "trousers",
                  "jeans", "shorts", "skirt", "leggings", "tights")
"""What someone wears over the body: taken off them ('remove her shirt', 'take his trousers off'), the fill would show
a body that was never photographed — an undressing, which Retouch declines (`undressing.undresses`). A hat, glasses, a
jacket over a shirt or a scarf leave nothing of the body to invent, and stay removals."""
WEARERS = ("my", "our", "your", "his", "her", "their")
"""Whose a worn thing or a body is ('*her* dress', 'widen *his* shoulders'): a person's — never 'its', a thing's ('its
top' is the box's)."""
UNDRESSED_WORDS = ("naked", "topless", "undressed", "unclothed", "in the nude", "in their underwear",
                   "in her underwear", "in his underwear")
"""How a person is said to be left with nothing on: 'make her naked', 'show him topless' ('nude' is also a colour —
'nude lipstick' — and is only read after 'make … look')."""
# ---- scenes said in other ways (rules_background, rules_edits; issue 20, scenes18) --------------------------------
SCENE_SENDING_VERBS = tuple(verb for verb in COMPOSITE_VERBS if verb not in (*SEND_VERBS, "add", "copy", "position"))
"""'*edit* my niece into a snowy forest', '*paste* the cut-out onto a picture of a thunderstorm': with 'into' / 'onto'
and a scene (or a picture of one) after who is sent, that scene behind them — a new background. The verbs that put
someone into another picture (`COMPOSITE_VERBS`) but those `SEND_VERBS` read already ('put me on a beach') and those
that name no sending by themselves ('add', 'copy', 'position')."""
SCENE_PICTURE_LEADS = ("of", "with", "showing")
"""'onto a picture *of* a thunderstorm': what the other picture shows is the new background's prompt (a person shown
there, 'a picture of my family', keeps it a composite)."""
SHOWN_NO_SCENE = ("photoshoot", "photo shoot", "shoot", "session", "album")
"""'into a photo of *our last photoshoot*': another picture named by when it was taken shows no scene to paint — a
composite still."""
CUT_OUT_PARTICIPLES = ("cropped", "cut out", "cut-out", "cutout", "isolated", "extracted")
"""'insert the *cropped* toddler onto a sunset': how who is sent was made ready, no part of who it is."""
BACKDROP_THINGS = ("curtain", "curtains", "drape", "drapes", "drapery", "wall", "brick wall", "bricks", "sheet",
                   "cloth", "fabric", "wallpaper", "tapestry")
"""What hangs or stands behind a subject: 'put a red curtain behind her', 'a brick wall back there' — a new background
of that, never a thing added in the middle of the picture (a scene word, 'a beach behind us', is one too)."""
BACKDROP_PLACES = (*(f"behind {who}" for who in PEOPLE_OBJECT_PRONOUNS), "behind the subject", "behind the people", "back here",
                   "back there", "in the back")
"""Where a backdrop goes with no background word: behind who the photo is of ('behind *her*': `PEOPLE_OBJECT_PRONOUNS`)."""
FULL_OF_THINGS_LOOKS = ("noisy", "crowded")
"""Beside `BUSY_LOOKS`, a background asked away for being full of things — 'remove the *noisy* background behind my
son' (the other kids and the toys), 'get rid of the *cluttered* background': the background cleared, never the sensor
noise removed nor a thing called 'cluttered' found. Said as a state ('the background is busy') it is blurred."""
FRAME_THINGS = ("frame", "frames", "picture frame", "photo frame", "frame border")
"""'make *the frame* gold', 'turn the photo frame white': a frame given a colour is the frame in the photo recoloured,
never the whole picture warmed for a gold tone ('frame' alone is also the picture: `PICTURE_NOUNS`)."""
BACKGROUND_PURPOSE_VERBS = ("help", "hide", "mask", "cover", "emphasise", "emphasize", "highlight", "draw", "bring out",
                            "focus", "match", "give", "get rid of")
"""After a background edit and 'to', why it is asked — 'blur the background to hide the mess', 'darken the backdrop to
make the bride stand out' — said back as noted, never read as the new background ('to make it look like autumn' is
one)."""
STAND_IN_TAILS = ("anything", "something", "whatever")
"""'… swap her for a shrub, *anything* plain': a stand-in offered as an example — the removal done,
the stand-in named in the reply as what to ask for instead, never a second step."""
FACE_WORDS = ("face", "faces", "head", "heads")
MADE_UP_FACES = ("cat", "cats", "dog", "dogs", "lion", "tiger", "bear", "monkey", "horse", "pig", "cow", "fox", "wolf",
                 "owl", "frog", "duck", "bird", "rabbit", "bunny", "panda", "goat", "sheep", "shark", "alien", "robot",
                 "zombie", "skull", "pug", "kitten", "puppy", "clown", "cartoon", "emoji", "smiley")
"""'put *a cat's* face on him': a face no one in a photo has can be painted in (a replace), not swapped."""
PREPARING_VERBS = ("select", "cut", "cut out", "crop", "crop out", "copy", "take", "grab", "isolate", "extract",
                   "rotate", "turn", "flip", "mirror", "resize", "scale", "shrink", "enlarge")
"""Before a composite ('select the girl, cut her out, then put her in the poster'), these only prepare it: the
composite is refused and they go with it."""
"""'take his *face* and put it …', 'paste my *head* onto …': a face moved is a face swap."""
RESIZED_WORDS = ("bigger", "smaller", "larger", "taller", "shorter", "thinner", "fatter", "slimmer")
MOVED_WHO = ("the", "him", "her", "his", "my", "them")
BODY_SHAPE_WORDS = ("slimmer", "slim", "skinnier", "skinny", "thinner", "thin", "leaner", "lean", "fatter", "chubbier",
                    "taller", "shorter", "broader", "more muscular", "muscular", "buff", "buffer", "curvier",
                    "less fat", "less chubby", "lose weight", "lost weight", "weigh less")
"""'make me look *slimmer*', 'shop us *skinny*', 'make my friend a little *taller*': a person reshaped — a warp no tool
here makes (rules_unsupported says so, and what it can do instead)."""
RESHAPED_WHO = ("me", "him", "her", "us", "them", "myself", "my", "the", "our", "his", "this", "that")
"""Who a body reshape is asked for: a pronoun, or a name after one of these that reads as a person."""
PERSPECTIVE_WORDS = ("perspective", "keystone", "keystoning", "converging lines", "distortion of the lens",
                     "lens distortion", "fisheye", "fish-eye", "fish eye")
"""'fix the *perspective*', 'correct the *keystone*': a geometric warp — there is no perspective tool (said)."""
TEXT_NAMES = ("text", "word", "words", "writing", "caption", "lettering", "quote", "title", "headline")
"""Names of written words: 'the *words* happy birthday' is text, whatever it says (rules_target)."""
TEXT_WORDS = TEXT_NAMES + ("font", "typo", "spelling", "says", "letter")
TEXT_VERBS = ("change", "edit", "replace", "fix", "write", "add", "say", "put", "correct", "translate", "rewrite",
              "spell", "type", "make it say", "insert", "switch", "swap", "enter", "shrink")
UPSCALE_WORDS = ("upscal*", "up-scal*", "super resolution", "super-resolution", "superresolution", "4k", "8k",
                 "more pixels", "enlarge the image", "enlarge image", "enlarge photo*", "enlarge picture", "enlarge pic",
                 "enlarge the whole", "enlarge the entire", "enlarge entire", "enlarge whole", "enlarge this whole",
                 "enlarge the pic",
                 "enlarge the photo", "enlarge the picture", "double the size", "enlarging the", "enlarging this",
                 "enlarging my", "enlarging picture", "enlarging photo", "enlarging image", "enlarge this", "enlarge it",
                 "blow up this pic*", "blow up the pic*", "blow up this photo*", "blow up the photo*",
                 "blow up this image", "blow up the image", "blow it up", "blow this up", "larger resolution",
                 "bigger resolution")
RESIZE_WORDS = ("resiz*", "downscal*", "downsiz*", "scale it", "scale the image", "scale the photo", "scale down",
                "scale up", "shrink the image", "shrink the photo", "shrink the picture", "compress*",
                "reduce the file size", "change size", "change the size", "stretch this", "stretch the image",
                "stretch the photo", "stretch the picture", "stretch it")
DECLINED_ASK_LEADS = ("help", "with", "me", "us", "to", "i", "we", "want", "need", "would", "like", "please", "is", "it",
                      "possible", "how", "about", "the", "this", "a", "an", "and", "so", "just", "simple", "thing",
                      "request", "quick", "make", "get", "have", "give", "do", "can", "could", "you", "someone",
                      "anyone", "somebody", "anybody", "looking", "trying", "i'm", "am", "version", "of", "large",
                      "big", "be", "should", "my", "our", "image", "photo", "picture", "pic", "for")
"""Words a request may say before the resize it asks for ('can someone help with …', 'is it possible to …'); anything
else before it ('turn her scarf red stretch the photo') is another ask the refusal didn't read — it is then unsure."""
RESOLUTION_WORDS = ("resolution", "res", "pixels", "pixel count")
"""'improve the *resolution*', 'make the *pixel count* higher': the photo's size in pixels, which nothing here can grow."""
BETTER_WORDS = ("improve", "enhance", "better", "increase", "higher", "raise", "boost")
ANOTHER_PHOTO_WORDS = ("a photo of", "a picture of", "an image of", "a pic of", "photos of", "pictures of")
"""'add *a photo of* our drummer': a second picture to put in — no tool has it."""
ART_WORDS = ("painting", "drawing", "sketch", "cartoon", "illustration", "comic", "anime", "masterpiece")

# ---- crop, rotate, flip (rules_geometry) ----------------------------------------------------------------

RESHAPE_VERBS = ("make*", "turn*", "convert*", "change*", "switch*", "crop*", "cut*", "extend*", "expand*",
                 "outpaint*", "reformat*", "fit*", "pad*")
"""'*make* it square': the verbs that give a bare shape word ('square', 'portrait') its meaning."""
SHAPE_NOUNS = ("format", "orientation", "ratio", "shape", "aspect", "crop")
CROP_OBJECTS = ("it", "this", "that", "the", "to", "into", "in", "down", "off", "away", "out", "square", "tight",
                "closer", "for")
CLOSER_CROPS = ("closer", "tighter", "tight", "more tightly", "in closer", "in tighter", "in close", "in more",
                "so there's not much background", "so theres not much background", "so there is less background",
                "so there's less background", "with less background",
                "excess background", "the excess background", "to remove excess background", "to remove the excess background",
                "to remove extra background", "to get rid of excess background")
"""'crop it *closer*', 'crop so there's less background': in around the subject, none named."""
CROP_MANNERS = ("better", "nicely", "nicer", "properly", "well", "neatly", "correctly", "appropriately",
                "professionally", "artistically", "aesthetically", "nice")
"""'crop it *better*', 'crop this *nicely*': how well, not where — in around the subject at the photo's shape."""
BARE_CROP_WORDS = ("crop*", "zoom*", "cut", "trim*", "it", "this", "that", "one", "me", "i", "you", "someone",
                   "somebody", "anyone", "anybody", "need*", "want*", "like", "help", "get", "make", "pls", "plz",
                   "bit", "little", "up", "down", "out", "off", "away", "more", "much", "slightly", "nicely")
"""The words a crop with no shape is said with ('can someone crop this one up a bit'), beside `FUNCTION_WORDS`,
`PICTURE_NOUNS`, `CROP_MANNERS`, `CLOSER_CROPS` and `EXCESS_WORDS`: any other word of that clause ('crop it better
*zebra*') is said to be left out, and the plan is unsure. A word just before a picture noun says what kind of
picture it is ('this *flyer* photo') and counts as read."""
NO_SUBJECT_CROP_WORDS = ("here", "there", "half", "corner", "if", "without", "not", "never", "going to", "had to",
                         "will be", "i'm", "im", "i am", "i'll", "just", "only")
"""A bare crop with one of these points at a place ('crop it *here*'), halves the picture, is only allowed ('crop *if*
it helps'), declined ('*without* cropping') or told ('I'm *going to* crop it'): asked about, not cropped to the
subject."""
EXCESS_WORDS = ("excess", "extra", "empty space", "dead space", "wasted space", "unneeded", "unnecessary",
                "unnecessary space", "unused space", "negative space")
"""'crop out the *excess*': the slack around the subject, cropped away at the photo's shape."""
EXCESS_NOUNS = ("space", "stuff", "bit", "bits", "part", "parts", "area", "areas", "room")
"""'crop out the excess *stuff*': the slack named as a noun — any other noun ('the extra *people*') is a thing."""
CROP_JUDGED = ("doesn't", "doesnt", "does not", "won't", "wont", "wouldn't", "wouldnt", "isn't", "isnt", "is not",
               "ruins", "ruin", "loses", "lose", "cuts off", "feels", "looks", "is no good", "not an option")
"""'cropping it *doesn't* look right': a crop judged, which asks for none."""
FOCUS_WORDS = ("focus", "focus in", "concentrate", "center", "centre")
FOCUS_AMOUNTS = ("mainly", "mostly", "more", "only", "just", "purely", "entirely")
"""'crop it to *focus mainly* on the boat': a crop to the thing named after it."""
FILLS_THE_FRAME = ("fill*", "take* up")
"""'crop it so she *fills* the frame': in around the one named."""
HEADSHOT_WORDS = ("headshot", "headshots", "head shot", "head-shot", "head and shoulders", "head & shoulders",
                  "from the chest up", "from chest up", "chest up", "from the shoulders up", "shoulders up",
                  "from the neck up", "neck up")
"""'make me a *headshot* from this', 'crop her *from the shoulders up*': in close around a face."""
PEOPLE_PRONOUNS = ("he", "she", "they", "i", "we", *PEOPLE_OBJECT_PRONOUNS)
"""'crop it so *she* fills the frame': a person (the finder asks which when there are several)."""
NOT_A_CROP_TARGET = ("edge", "edges", "side", "sides", "border", "borders", "margin", "margins", "corner", "corners",
                     "background", "bg", "outline", "top", "bottom", "left", "right", "size", "fit", "scale",
                     "shape", "print", "standard", "proportion", "proportions")
"""'crop the edges' trims the picture, 'crop to size' fits it; neither is a thing to crop to."""
TRIM_VERBS = ("trim*", "crop*", "cut off", "cut away", "cut out", "remove*", "get rid of", "getting rid of",
              "lose", "delete*", "take off", "take away", "take out", "eliminate*", "strip*")
"""'*trim* the white border', '*get rid of* the black bars': verbs that take a plain border off the canvas."""
BORDER_NOUNS = ("border", "borders", "margin", "margins", "letterbox*", "pillarbox*", "whitespace", "white space",
                "blank space", "empty space", "padding")
"""'trim the *border*': always the photo's own plain edge — unless a thing is named after it ('of the rug')."""
BORDER_AREA_NOUNS = ("area", "areas", "space", "part", "parts", "bits", "portion", "portions")
"""'erase the black *area* around the picture': the photo's border only with a colour before it *and* the photo after it."""
BORDER_LIKE_NOUNS = ("frame", "bars", "bar", "edges", "edge", "lines", "strips", "stripes", "banding", "bands")
"""'remove the black *bars*': the photo's border only with a colour said before it or 'around the photo' after
it — 'remove the picture frame on the wall' is a thing in the scene."""
BORDER_COLOURS = ("white", "black", "plain", "blank", "empty", "solid", "flat", "grey", "gray", "coloured", "colored",
                  "thin", "thick", "ugly", "annoying", "extra", "big", "wide", "scan*", "letterbox")
"""'the *white* border', 'the *ugly black* bars' (one or two of them)."""
BORDER_PLACES = (*_each("around|round|surrounding|from around|all around|of|on|from|in|at|along|framing", "|the|this|my|our|both|all",
                        "image|picture|photo|photograph|pic|scan|screenshot|print|top|bottom|side|sides|edge|edges"
                        "|left|right|top and bottom|left and right|outside|video|still|frame|it"),
                 *_each("around|round|surrounding|framing", "it|this"), "off", "out", "away", "please", "pls",
                 "too", "as well", "for me", "if possible")
"""Words after the border that keep it the photo's own: 'around the photo', 'at the top and bottom', 'off'."""
BORDER_PHOTO_WORDS = ("image", "photo", "photograph", "pic", "scan", "screenshot", "video", "still", "it", "this")
"""'the frame around the *photo*' is its border; 'the frame around the picture' may be a framed picture in the
scene (a painting on the wall), so a frame, bars or edges with no colour need one of these after them."""
ROTATE_DIRECTIONS = ("upside down", "sideways", "clockwise", "counter clockwise", "counter-clockwise",
                     "counterclockwise", "anti clockwise", "anti-clockwise", "anticlockwise", "90", "180")
STRAIGHTEN_WORDS = ("straighten*", "deskew", "untilt", "fix the tilt", "correct the tilt", "tilt it",
                    *_each("tilt|level", "the|this", "image|photo|picture|pic"), "level it",
                    *_each("tilt", "image|photo|picture|pic"))      # clauses18: 'crop and tilt photo', terse
TILTED_WORDS = ("tilted", "crooked", "skewed", "wonky", "slanted", "askew", "lopsided", "on a slant", "not level",
                "not straight", "isn't straight", "isnt straight")
"""'the horizon is *wonky*', 'it's *on a slant*': said of the photo or its horizon, a tilt to straighten."""
SLIGHT_TURNS = ("slightly", "a bit", "a little", "a little bit", "a touch", "a tad", "just a bit", "just a little",
                "a few degrees", "a couple of degrees", "a small amount", "gently")
"""'rotate it *slightly* to the right': a turn too small to be a quarter turn, with no angle — the photo
straightened by the tilt its lines show (a quarter turn was read before)."""
STRAIGHTENED_RESULTS = ("straight", "straighter", "level", "even", "aligned", "lined up")
"""'rotate it so they're standing *straight*': a turn whose wished result is a level photo — a straightening."""
STRAIGHT_LOOKS = ("look straight", "looks straight", "be straight", "is straight", "straight")
"""'make the photo *look straight*': said of the photo or its horizon (not of a bow tie), a straightening."""
MIDDLE_WORDS = ("middle", "centre", "center")
"""'put him *in the middle*', 'centre the dog *in the centre of the frame*': where a centring crop puts the thing."""
OFF_CENTRE_WORDS = ("off centre", "off-centre", "off center", "off-center", "not centred", "not centered",
                    "isn't centred", "isn't centered", "isnt centred", "isnt centered", "uncentred", "uncentered")
"""'the dog is *off-centre*, fix it': a thing said not to be in the middle, a centring crop."""
LEVEL_LINES = ("horizon", "skyline", "sea", "ocean", "lake", "water", "shoreline", "coastline", "building",
               "buildings", "wall", "walls", "house", "tower", "church", "bridge", "street", "road", "lines",
               "camera", "angle", "everything", "whole thing")
"""What is tilted when the photo is: 'the horizon is wonky', 'the buildings lean' — straightening the photo levels
these. Anything else said to be crooked ('his tie', 'my glasses') is a thing's own tilt, which no tool reshapes."""
FLIP_OBJECTS = ("it", "this", "the image", "the photo", "the picture", "the whole")
VERTICAL_FLIPS = ("vertical*", "upside down", "upside-down", "top to bottom", "top-to-bottom", "up and down",
                  "up-and-down")
KEEP_EDGES_WORDS = (*_each("don't|dont|do not", "cut off|cut|lose|crop", "the", "corners|edges|sides"),
                    *_each("without", "cropping|cutting|losing", "|the|any", "|corners|edges|sides|anything"),
                    *_each("keep|keeping", "the", "whole|entire", "picture|image|photo|frame|thing"),
                    *_each("keep|keeping", "the", "corners|edges|sides"), "keep everything", "keeping everything",
                    *_each("fill|fill in", "the", "|empty|blank|missing", "corners|edges"),
                    *_each("generate|extend|paint", "the", "|empty|blank|missing", "corners|edges"),
                    "instead of cropping", "rather than cropping", "don't crop", "dont crop", "do not crop",
                    "no cropping", "don't lose anything", "dont lose anything", "without losing anything")
"""A rotation with one of these keeps the whole picture: the canvas grows first, then the turn crops only what
was added ('straighten by 3 degrees *but don't cut off the corners*')."""
KEEP_VERBS = ("keep", "keeping", "keeps")
CUT_VERBS = ("cut", "cutting", "crop", "cropping", "lose", "losing", "chop", "chopping")
STAYING = ("stay", "stays", "remain", "remains", "is", "are")
IN_FRAME = ("in", "inside", "within", "in frame", "in the frame", "in the shot", "in the picture", "in the photo",
            "in the crop", "in the image", "in shot")
WHOLE_WORDS = ("whole", "entire", "full")
"""'zoom in on the *whole* picture': words before the picture that leave it the picture."""
WHOLE_THING = frozenset({"everything", "anything", "the whole thing", "it all", "all of it", "the whole picture",
                         "the whole image", "the whole photo", "the edges", "the sides", "the corners"})
COUNTER_CLOCKWISE = ("counter clockwise", "counter-clockwise", "counterclockwise", "anti clockwise",
                     "anti-clockwise", "anticlockwise", "ccw", "to the left", "left", "leftward", "leftwards")
TURN_WAYS = (*COUNTER_CLOCKWISE, "clockwise", "cw", "right", "rightward", "rightwards", "upright", "right side up",
             "rightside up", "sideways", "on its side", "portrait", "landscape", "vertical", "horizontal")
"""Words that say which way to turn; a turn with none of them and no angle is a quarter turn clockwise, said."""

# ---- the whole request (rules) --------------------------------------------------------------------------

SUBTLE_WORDS = ("subtle", "subtly", "slightly", "gently", "lightly", "softly", "barely", "minimal", "minimally",
                "a bit", "a touch", "a tad", "light touch")
"""Strength words: 0.6 × the task's default strength ('subtly make his shirt red')."""
COMPLETE_WORDS = ("completely", "totally", "entirely", "fully", "100%", "100 %", "all the way")
QUESTION_WORDS = ("what", "who", "where", "why", "how", "which", "when", "whats", "what's", "is", "are", "does", "do",
                  "did", "was", "were", "should", "would", "will", "can", "could", "have", "has")
COLOUR_SWAPS = ("invert*", "inverse", "negative", *_each("reverse|swap|switch|flip|exchange|trade", "the|their|its|all the",
                                                    "colo*|colo* scheme|colo* palette"),
                *_each("swap|switch|exchange|trade", "colo*", "between|of"))
"""'invert the colours', 'swap the colours of the two shirts': no tool exchanges or inverts colours."""
OTHER_APPS = ("photoshop", "ps", "lightroom", "gimp", "snapseed", "picsart", "affinity", "paint.net", "canva",
              "illustrator", "facetune", "pixlr", "photopea", "capture one")
INSTRUCTION_ASKS = ("explain how", "explain me how", "teach me", "teach us", "show me how", "show us how", "tutorial",
                    "tutorials", "tips on how", "tips for how", "walk me through", "step by step", "what settings",
                    "which settings", "what filter", "which filter", "what app", "which app", "what preset",
                    "which preset", "how to do this", "how was this done", "how did they")
"""'explain how to fix his face in PS', 'what filter is this?': asking to be taught, not for an edit."""
HELP_WORDS = ("help", "what can you do", "commands", "options", "usage", "how does this work", "what do you do")

# ---- tone (rules_tone) ---------------------------------------------------------------------------------

_COLOURS = "color|colors|colour|colours"
TONE_PROPERTIES: tuple[tuple[tuple[str, ...], str, int], ...] = (
    # (words, property, direction); first match claims its words. direction 0: from the verb around it
    # ("boost the luminosity" up, "tone down the contrast" down). "bw" is saturation -1, "sepia" a preset.
    (BLACK_AND_WHITE + ("black-n-white", "colorless", "colourless") + _each("no", _COLOURS)
     + _each("remove", "|the|all|all the|all of the", _COLOURS), "bw", -1),
    (("sepia",), "sepia", 1),
    (("brighter", "brighten*", "lighten*", "lighter", "illuminat*", "too dark", "underexpos*", "under-expos*", "airy",
      "more light", "enough light", "enlighten*", "paler", "more pale", "less dark"), "brightness", 1),
    (("darker", "darken*", "dimmer", "too bright", "overexpos*", "over-expos*", "less bright", "moodier", "dark"),
     "brightness", -1),
    (("brightness", "bright", "luminosity", "luminance", "luminous*", "radiance", "radiant", "brilliance", "glow*",
      "light level", "light levels", "lighting", "exposure", "light", "lightness"), "brightness", 0),
    (("contrast*", "punchier", "punchy"), "contrast", 0),
    (("flat", "washed out", "washed-out", "dull"), "contrast", 1),
    (("washed out", "washed-out") + _each("dull", _COLOURS)
     + _each("boost|enhance|pump up|bring out|deepen|intensify", "|the|all the", _COLOURS), "saturation", 1),
    (_each("amplify|oversaturate|over saturate|over-saturate", "|the|all the", _COLOURS)
     + _each(_COLOURS, "amplified|more intense|intensified|are amplified|are more intense"), "saturation", 1),
    (_each("wash out|desaturate", "|the|all the", _COLOURS) + _each(_COLOURS, "less intense"),
     "saturation", -1),
    (("oversaturated", "over-saturated", "too saturated", "too colorful", "too colourful", "muted", "less colorful",
      "less colourful"), "saturation", -1),
    (_each("tone down|mute|dull|dial down|soften", "|the|its|all the", _COLOURS), "saturation", -1),
    (("saturat*", "vibran*", "vivid*", "colorful", "colourful", "richer", "more rich") + _each("more|richer|some|a bit of|a little|add|adding", _COLOURS)
     + ("color intensity", "colour intensity") + _each(_COLOURS, "pop|out")
     + _each("intensity of|concentration of", "|the|all the", _COLOURS) + _each("color|colour", "concentration")
     + _each("increase|heighten", "|the|all the|its", "colors|colours")
     + _each("increase|heighten|intensify|amplify|boost", "whole image|the whole image|the image's|the photo's",
             "colors|colours"),
     "saturation", 0),   # 'increase the colours', 'intensify whole image colours': more colour (tones25); plural
                         # only — 'increase the colour brightness' is the brightness
    (("soft focus", "softer focus", "soft-focus"), "sharpness", -1),
    (("out of focus", "out-of-focus", "unfocused", "defocus*", "more blurry", "more blurred"),
     "sharpness", -1),   # wished: 'make the grass out of focus', 'make the lake more blurry'
    (("sharpen*", "sharper", "crisper", "sharpness", "sharp", "sharping", "crisp*", "clarity", "clarif*", "clearer", "more clear", "definition",
      "defined", "detail", "details", "detailed", "in focus", "into focus", "focus", "acuity", "deblur*", "unblur*"),
     "sharpness", 0),
    (("soft focus", "softer focus", "soften", "softer", "smooth", "smoother", "smoothen", "airbrush*", "blur", "blurrier",
      "pixelate", "censor"), "sharpness", -1),
    (("warmer", "golden", "cozier") + _each("warm|warmen|warming", "|up"), "warmth", 1),
    (("cooler", "cool", "cool down", "cool it down", "colder", "cold", "icier"), "warmth", -1),
    (("warmth", "temperature", "white balance"), "warmth", 0),
    (_each("less|too", "yellow|orange|warm|red|yellowish|yellowy|orangeish|orangish|orangey|orangy|warmish|redish"), "warmth", -1),
    (_each("less|too", "blue|cold|cool|blueish|coldish|coolish"), "warmth", 1),
    (_each("more|everything|all", "yellow|yellowish|yellowy|orange|orangey|orangy|orangish|golden|amber"), "warmth", 1),
    (_each("more|everything|all", "blue|bluish|blueish"), "warmth", -1),
)
"""Tone words → the adjust property they move and which way."""
TONE_WORDS = tuple(dict.fromkeys(word for words, _, _ in TONE_PROPERTIES for word in words))
"""Every tone word, from TONE_PROPERTIES: a sentence with one asks for something."""
TONE_COMPARATIVES = tuple(word for word in TONE_WORDS if not word.endswith("*") and " " not in word.replace(
    "more ", "").replace("less ", "") and (word.endswith("er") or word.startswith(("more ", "less "))))
"""'brighter', 'cooler', 'more contrast': after 'and' they start a tone change of their own ('remove the lamp and a
*brighter* sky')."""
DOWN_WORDS = ("reduce*", "decreas*", "lower*", "lessen*", "less", "tone down", "dial down", "turn down", "cut",
              "drop", "weaken*", "minimis*", "minimiz*", "diminish*", "dim", "soften", "remove", "too much",
              "too high", "too strong", "take down", "bring down", "pull down", "mute", "fewer", "tone it down",
              "not so")
"""Verbs that turn a property down: '*reduce* the contrast'."""
UP_WORDS = ("more", "increas*", "boost*", "raise", "raising", "higher", "up", "enhanc*", "stronger", "add", "adding",
            "pump up", "crank up", "bump up", "turn up", "dial up", "maximis*", "maximiz*", "sharpen*", "sharper",
            "crisper", "clearer", "intensif*")
"""Words that turn a property up: '*more* contrast', '*boost* the saturation'. The rules read an undirected
property as up anyway; the LLM plan's direction check (`direction_check`) holds a plan to a direction only
when the words state one."""
SMALL_AMOUNTS = ("a bit", "a little bit", "slightly", "a little", "a touch", "a tad", "somewhat", "subtle",
                 "subtly", "gently", "bit", "mildly", "marginally", "lightly", "a smidge", "little")
LARGE_AMOUNTS = ("much", "a lot", "way", "very", "really", "significantly", "noticeably", "visibly", "super", "lots", "considerably",
                 "dramatically", "heavily", "strongly", "extremely", "massively", "seriously", "hugely", "a ton",
                 "drastically", "greatly", "maximis*", "maximiz*", "maximum", "max", "substantially", "tons",
                 "so much", "far more", "far less", "far too")
"""How much, said large. 'far' only in 'far more / less / too': alone it is mostly a place ('the far wall', 'on the far
left', 'as far as I can see'), which read as an amount doubled a tone."""
TONE_NOISE = ("make", "made", "making", "turn", "get", "set", "add", "adding", "give", "giving", "a bit", "a little bit", "a little", "a lot", "a touch",
              "a tad", "bit", "more", "less", "much", "way", "very", "really", "slightly", "somewhat", "please",
              "just", "too", "up", "down", "increase*", "decrease*", "boost*", "raise", "reduce*", "lower",
              "enhanc*", "improv*", "bump*", "push", "crank*", "dial", "tone", "so", "even", "again", "some", "by",
              "to", "than", "should", "be", "is", "need", "needs", "could use", "could do with", "want", "would", "like", "could", "can", "you",
              "i", "me", "notch", "stop", "stops", "bring*", "out", "not")
"""Words around a tone change that are not a thing: 'make it *a bit more* …'."""
TONE_FILLERS = (
    "make", "made", "making", "turn", "get", "give", "set", "it", "this", "that", "the", "a", "an", "bit", "little",
    "lot", "tad", "touch", "more", "less", "much", "way", "very", "really", "slightly", "somewhat", "please", "just",
    "too", "up", "down", "increase*", "decrease*", "boost*", "raise", "reduce*", "lower", "enhanc*", "improv*",
    "intensif*", "heighten*", "elevat*", "strengthen*", "augment*", "amplif*", "magnif*", "enrich*", "accentuat*",
    "reinforc*", "advanc*", "perfect*", "refin*", "polish*", "optimis*", "optimiz*", "fine-tun*", "finetun*",
    "amp*", "add", "adding", "bring", "with", "precision", "finesse", "quality", "quotient", "visual", "appeal",
    "overall", "level", "levels", "image", "photo", "picture", "pic", "scene", "look", "tone", "tones", "of", "and",
    "to", "by", "in", "on", "for", "some", "bump*", "push", "pull", "crank*", "dial", "so", "is", "be", "should",
    "need", "needs", "whole", "entire", "everything", "again", "even", "than", "vibe", "mood", "feel", "aesthetic",
    "visibility", "sharper", "clearer", "color", "colors", "colour", "colours", "tint", "hue", "shade", "want", "i",
    "like", "would", "could", "can", "you", "me", "degree", "amount", "percent", "slight", "notch", "stop",
    "stops", "liveli*", "enliven*", "fix", "correct", "adjust*", "change", "changing", "alter", "modify", "tweak",
    "nicer", "better", "prettier", "beautiful", "good", "great", "nice", "pretty", "not", "looks", "looked", "seems",
    "seemed", "appears", "feels", "felt", "are", "was", "were", "low", "high", "strong", "weak", "enough", "turned",
    "both", "higher", "we", "colouring", "coloring")
"""Words of a tone request that name no thing; what is left over names the thing ('brighten *his face*', not 'the
photo *looks*' in 'the photo looks so dull')."""
OWNER_WORDS = ("the", "his", "her", "their", "my", "its", "our", "your", "all", "everything", "everyone", "this", "that",
               "these", "those")
HIDE_WORDS = ("blur", "pixelate", "obscure", "censor")

LOOK_PRESETS: dict[str, dict[str, float]] = {
    "night": {"brightness": -0.4, "warmth": -0.3},
    "vintage": {"saturation": -0.3, "warmth": 0.3, "contrast": -0.15},
    "eerie": {"brightness": -0.25, "saturation": -0.4, "contrast": 0.25},
    "autumn": {"warmth": 0.4, "saturation": 0.15},
    "winter": {"warmth": -0.3, "saturation": -0.15},
    "summer": {"brightness": 0.15, "warmth": 0.2, "saturation": 0.2},
    "dreamy": {"brightness": 0.2, "contrast": -0.2, "sharpness": -0.2},
    "cinematic": {"contrast": 0.25, "saturation": -0.15},
    "festive": {"warmth": 0.2, "saturation": 0.2, "brightness": 0.1},
    "edgy": {"contrast": 0.3, "saturation": -0.25, "brightness": -0.1},
    "spring": {"saturation": 0.3, "brightness": 0.1},
    "daylight": {"brightness": 0.3, "warmth": 0.1},
}
"""A look given by tone alone ('make it look like night', 'a vintage feel'): the adjust amounts of each — the direction
editors take; the reply says that tone is all it changes."""
LOOK_WORDS: dict[str, str] = {
    **dict.fromkeys(("night", "nighttime", "night-time", "night time", "midnight", "dusk", "starless night",
                     "dark night", "evening"), "night"),
    **dict.fromkeys(("vintage", "retro", "70s", "1970s", "80s", "1980s", "seventies", "eighties", "old-fashioned",
                     "old fashioned", "old timey", "old-timey", "rustic", "faded", "antique", "indie"), "vintage"),
    **dict.fromkeys(("creepy", "ominous", "spooky", "eerie", "horror", "horror movie", "scary", "sinister", "gloomy",
                     "haunted", "moody", "dark and moody"), "eerie"),
    **dict.fromkeys(("edgy", "edgier", "gritty", "grittier", "grungy", "grunge", "emo"), "edgy"),
    **dict.fromkeys(("autumn", "autumnal", "fall", "golden hour"), "autumn"),
    **dict.fromkeys(("winter", "wintry", "wintery", "icy"), "winter"),
    **dict.fromkeys(("summer", "summery", "sunny", "sunnier"), "summer"),
    **dict.fromkeys(("dreamy", "ethereal"), "dreamy"),
    **dict.fromkeys(("cinematic", "movie-like", "film look", "movie poster", "film noir"), "cinematic"),
    **dict.fromkeys(("festive", "christmassy", "christmasy", "xmassy"), "festive"),
    **dict.fromkeys(("spring", "springtime", "spring time", "spring-time", "springlike", "spring-like", "springy"),
                    "spring"),
    **dict.fromkeys(("daytime", "day time", "day-time", "daylight", "broad daylight", "sunny day", "bright day"),
                    "daylight"),
}
"""The words of each look in `LOOK_PRESETS`."""
LOOK_FRAMES = ("look", "feel", "vibe", "edit", "effect", "filter", "style", "theme", "tone", "tones", "colours", "colors",
               "aesthetic", "mood", "atmosphere", "grade", "grading")
"""'a vintage *feel*', 'a moody *edit*': what a look word before them names."""

FLAWLESS_WORDS = ("flawless", "smooth", "smoother", "spotless", "blemish-free", "blemish free", "airbrushed",
                  "porcelain", "silky")
"""'make her skin *flawless*', 'my cheeks should look *smooth*': the skin softened (a light smoothing, masked to it)."""
SMOOTHING_NAMES = ("smoothing", "smoothed", "softening", "airbrushing", "airbrush", "retouching", "retouch")
"""'skin *smoothing*', 'face *airbrushing*': the same softening, said as a name."""

# ---- canvas: outpainting (rules_canvas) --------------------------------------------------------------

CANVAS_VERBS = ("extend*", "expand*", "widen*", "lengthen*", "outpaint*", "out-paint*", "uncrop*", "un-crop*",
                "zoom out", "zoomed out", "zooming out", "pull back", "bigger canvas", "larger canvas",
                "enlarge the canvas", *_each("fill", "|in", "the", "sides|edges|borders|corners"), "show more",
                "see more", "reveal more", *_each("more", "room|space|canvas|headroom"),
                *_each("more of the", "scene|background|surroundings|room|landscape|picture|image|area"),
                "wider", "taller", "longer")
"""Words that grow the canvas by themselves."""
CANVAS_NOUNS = ("canvas", "frame", "image", "picture", "photo", "pic", "photograph", "shot")
"""'make *the canvas* bigger', 'give *the image* a wider frame'."""
GROWN_WORDS = ("bigger", "larger", "wider", "taller", "longer")
ROOM_WORDS = ("room", "space", "breathing room", "breathing space", "headroom", "padding", "margin", "margins",
              "border", "borders")
"""'more *room* around her', 'add a *margin*': canvas to grow, with nothing new named in it."""
ROOM_AMOUNTS = ("more", "some", "a bit of", "a bit more", "a little", "a little more", "a little bit of", "extra",
                "a", "an", "enough")
PAD_VERBS = ("pad", "pads", "padded", "padding")
"""'*pad* the icon with a white margin'."""
CONTINUE_VERBS = ("continue", "carry on", "keep going with")
"""'*continue* the landscape to the left'."""
REST_SHOWN_VERBS = ("show", "reveal", "finish", "complete", "extend", "continue")
REST_SHOWN_PARTS = ("rest", "other half", "other side", "missing part", "missing side", "cut off part",
                    "cut-off part", "cut off side", "cut-off side", "cut off bit", "cut-off bit", "cropped part")
"""'*show the rest* of the car', '*finish the cut-off side*', '*complete the right side* of the van': what the frame
cut, drawn on a grown canvas (a side named is where)."""
CUT_OFF_WORDS = (*_each("is|are|was|were|got|gets|get|getting|being|'s|'re", "cut off|cut-off|chopped off|cropped off|"
                                                                          "cut|cropped"),
                 "out of frame", "out of the frame", "nothing cut off", "cut off at the", "cropped out at the")
"""'his feet are *cut off*': the canvas should grow on that side."""
KEEP_ALL_WORDS = ("without losing anything", "without losing the edges", "without losing", "without cutting",
                  "without cutting anything", "without cropping", "without cropping anything", "without trimming",
                  "don't crop", "dont crop", "do not crop", "don't cut", "dont cut", "do not cut", "no cropping",
                  "not cropped", "nothing cut off", "nothing cut", "keep everything", "keeping everything",
                  "keep the whole thing", "keeping the whole thing", "keep all of it", "the whole thing",
                  "don't lose anything", "dont lose anything")
"""A ratio with one of these is a canvas to grow, not a crop: 'make it 4:5 *without losing* the edges'."""
FIT_WORDS = ("fit", "fits", "make", "turn", "convert", "change", "format", "for", "as", "into", "reformat", "adapt",
             "to", "ratio", "aspect", "extend", "expand", "outpaint", "work as", "use as")
"""With a ratio or format these ask for the canvas to take that shape: 'make it *fit* a Facebook cover'."""
ZOOM_OUT_AMOUNTS: dict[str, float] = {"a bit": 1.25, "a little": 1.25, "a little bit": 1.25, "a touch": 1.25,
                                      "a tad": 1.25, "slightly": 1.25, "just a little": 1.25, "just a bit": 1.25,
                                      "a lot": 2.0, "much": 2.0, "way": 2.0, "twice": 2.0, "double": 2.0}
ZOOM_OUT_PHRASES = ("uncrop", "un-crop", "pull back", *_each("show more of the", "scene|surroundings|picture|area"))
"""Zoom out by the default factor."""
MORE_OF = ("sky", "ground", "floor", "grass", "water", "sea", "ocean", "beach", "road", "ceiling", "wall", "headroom",
           "foreground", "scenery", "space", "room", "background")
"""'more *sky*': a side and what to fill it with."""
SCENE_FILLERS = ("space", "room", "background", "scenery", "scene", "picture", "image", "photo", "canvas", "frame",
                 "rest", "edges", "edge", "sides", "side", "border", "borders", "left", "right", "top", "bottom",
                 "whole", "thing", "it", "this", "pic", "shot", "photograph", "view")
"""Words after 'extend the …' / 'more of the …' that name no scene content for the prompt."""
MORE_ASKS = ("add", "more", "show", "give", "want", "need", "get", "see")
SMALL_GROWTH = ("a bit", "a little", "a touch", "a tad", "slightly", "some", "breathing", "border", "borders",
                "margin", "margins", "padding", "pad", "just a little", "little")
"""All-round growth that should stay small: a margin, a border, 'a touch'."""
CANVAS_DIRECTIONS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    # (words, sides): explicit sides; a row naming several sides wins alone
    (("all sides", "all four sides", "all around", "every side", "each side", "all directions", "everywhere",
      "all edges", "around"), ("left", "right", "top", "bottom")),
    (("both sides", "the sides", "sideways", "horizontal", "horizontally", "left and right", "right and left",
      "on the sides"), ("left", "right")),
    (("vertical", "vertically", "top and bottom", "bottom and top", "up and down"), ("top", "bottom")),
    (("left", "leftwards"), ("left",)),
    (("right", "rightwards"), ("right",)),
    (("top", "up", "upward", "upwards", "above", "upper", "sky", "headroom", "ceiling", "over his head",
      "over her head", "over their head", "above his head", "above her head"), ("top",)),
    (("bottom", "down", "downward", "downwards", "below", "lower", "ground", "floor", "foreground", "grass", "road"),
     ("bottom",)),
)
"""Which sides a canvas request names outright."""
RIGHT_AS_CORRECT = ("get it right", "get this right", *_each("the|my", "size|ratio|shape|dimensions|format|crop|aspect",
                                                               "right"), "looks right",
                    "look right", "just right", "all right", "right now", "right away", "not right", "isn't right",
                    "right size", "right shape", "right ratio", "right dimensions", "right format", "right way")
"""'I can't get the size *right*': 'right' meaning correct, no side of the canvas."""
CANVAS_DIMENSIONS = ("height", "width", "length")
"""'increase the *height*': the dimensions a canvas grows along (IMPLIED_SIDES says which sides)."""
IMPLIED_SIDES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("wider", "widen*", "panoram*", "width"), ("left", "right")),
    (("taller", "longer", "lengthen*", "height", "length"), ("top", "bottom")),
    (("feet", "foot", "legs", "shoes", "toes"), ("bottom",)),
    (("head", "heads", "hat", "hair", "ears", "forehead"), ("top",)),
)
"""Sides a request implies when it names none: 'make it wider', 'his feet are cut off'."""
LENGTH_UNITS = ("px", "pixel", "pixels", "%", "percent")
SIDE_LINKS = ("to", "on", "at", "from", "onto", "off", "of")
FORMAT_FILLERS = ("please", "pls", "thanks", "thank", "a", "an", "the", "for", "it", "this", "size", "format",
                  "ratio", "aspect", "version", "one", "square")
"""A bare format request ('instagram story version please') is these words around the format."""
SIZE_JOINTS = ("and", "&", "that has", "that is", "which has", "plus", "then", "also")
"""'make it 1920x1080 *and* clear it up', 'a 112x112 png *that has* a clear background': what joins a size to another
edit said in the same clause (rules_canvas.parse_size_beside; not 'with': '1280x720 with the kite in the centre' says how
to crop)."""
FORMAT_PRAISE = ("nice", "good", "great", "cool", "better", "beautiful", "awesome", "stunning")
"""'turn this into a *good* laptop wallpaper': a format wished good, not only shaped — the shape, then an enhance (a
size or a device said alone is only the shape, as the editors of real requests read it)."""
EDGE_FILL = ("around the edges", "around the edge", "at the edges", "the edges", "the borders", "the corners",
             "the sides")
"""'fill in the rest of the scene *around the edges*' grows the canvas; 'fill the hole' does not."""

# ---- follow-ups (rules_followup) ------------------------------------------------------------------------

TRY_AGAIN_PHRASES = (*_each("try", "|it|that", "again"), "again",
                     *_each("another", "one|variation|version|take|try|attempt|go|option|result|seed"),
                     "one more", "one more time", "one more try", "reroll", "re-roll", "regenerate", "re-generate",
                     "regen", *_each("redo|re-do", "it|that"), *_each("do", "it|that", "again|over"),
                     *_each("different", "result|version|variation|seed"), *_each("new", "variation|version|seed"),
                     "not quite", *_each("give it another", "go|shot|try"))
OTHER_NOUNS = ("one", "ones", "side", "guy", "person", "kid", "girl", "boy", "man", "woman", "dog", "cat", "car")
"""'the other *guy*'."""
FOLLOWUP_POSITIONS = ("left", "right", "middle", "center", "centre", "top", "bottom", "front", "back", "background",
                      "foreground")
ONE_WORDS = ("one", "ones", "guy", "person", "too")
"""'the right *one*'."""
ADDITIVE_WORDS = ("too", "also", "as well", "and", "plus")
"""'now the right one *too*' adds to the selection; without them it is a correction."""
CORRECTION_WORDS = ("not", "instead", "wrong")
SAME_LINKS = ("for", "to", "with", "on")
NOW_WORDS = ("now", "and", "also")
POINTING_OWNERS = ("the", "his", "her", "my", "their", "that", "this")
BIGGER_WORDS = ("bigger", "larger", "grow it", "grow the mask", "grow the selection", "more area", "wider mask")
SMALLER_WORDS = ("smaller", "tighter", "shrink it", "shrink the mask", "shrink the selection")
MORE_OPENERS = ("even", "a bit", "a little", "a lot", "much")
STRONGER_WORDS = ("more", "stronger", "harder", "further", "intensify", "increase it", "not enough", "more please",
                  "bit more")
WEAKER_WORDS = ("weaker", "too much", "too strong", "tone it down", "subtler", "more subtle", "dial it back",
                "overdone", "too intense", "less")

# ---- selection on its own (rules_select) -------------------------------------------------------------------

SELECT_VERBS = ("select", "mask", "highlight", "outline", "find", "locate", "pick out", "pick", "segment", "detect",
                "show me", "point out", "mark")
ABSTRACT_NOUNS = ("beauty", "contrast", "color", "colors", "colour", "colours", "detail", "details", "mood",
                  "simplicity", "complexity", "essence", "feel")
"""'highlight the *beauty* of …' is a wish about the look, not a selection."""
EVERYTHING_ELSE = ("background", "back ground", "backdrop", "surroundings", "everything else")

# ---- an LLM's plan against the words (word_check) ---------------------------------------------------------

ASKED_FOR_TOOL: dict[str, tuple[str, ...]] = {
    # a plan that crops, grows the canvas, moves in history or saves needs one of these words in the request
    "crop": ("crop*", "cut*", "trim*", "rotat*", "turn*", "flip*", "mirror*", "square*", "aspect*", "ratio*",
             "portrait*", "landscape*", "straight*", "tilt*", "degree*", "upside*", "level*", "center*",
             "centre*", "centrali*", "middle"),
    "outpaint": ("extend*", "expand*", "widen*", "wider", "taller", "longer", "uncrop*", "un-crop*", "outpaint*",
                 "zoom*", "room", "canvas*", "panoram*", "border*", "bigger", "larger", "enlarge*", "margin*",
                 "pad", "padding", "padded", "space", "headroom", "breathing", "pull back", "show more", "see more",
                 "reveal*", "fit*", "cut off", "cropped"),
    "history": ("undo*", "redo*", "revert*", "back", "original", "previous", "before", "scrap*", "restore*",
                "reset*", "again", "version"),
    "save": ("save*", "export*", "write*", "store*", "download*"),
}
"""Geometry, history and saving change what the user sees without a named object; the words must ask."""
EXCLUDE_CUES = ("except", "but", "other than", "everything", "apart from", "background", "backdrop", "behind",
                "around", "surrounding", "rest")
"""'select everything *except* the dog': the words must say so before an LLM's plan selects the rest."""
SUBTRACT_CUES = ("except", "but", "other than", "apart from", "besides", "save for", "aside from", "excluding", "keep",
                 "keeping", "only", "just", "else", "others", "rest", "leave", "leaving", "other people", "alone",
                 "on our own", "on my own", "by ourselves", "by myself")
"""'remove everyone *except* the boy', 'make it look as if I was *alone*': the words must say someone stays before an
LLM's plan subtracts them."""

# ---- run-on requests (rules_clauses) ----------------------------------------------------------------------

RUN_ON_FOLLOWERS = ("the", "a", "an", "it", "this", "that", "these", "those", "them", "him", "her", "his", "my",
                    "entire", "whole",
                    "its", "their", "our", "your", "me", "us", "everything", "everyone", "all", "both", "each",
                    "any", "another", "some", "more", "less", "left", "right", "horizontally", "vertically",
                    "clockwise", "counterclockwise", "counter-clockwise", "anticlockwise", "slightly", "brightness",
                    "contrast", "saturation", "sharpness", "warmth", "exposure", "colors", "colours", "temperature",
                    "vibrance", "image", "photo", "picture", "pic", "photograph")
"""A verb followed by one of these (or a number) reads as a new command: '… *make it* brighter', '… *sharpen image*'
(the picture named bare, as terse lists do)."""
RUN_ON_PARTICLES = ("up", "down", "out", "off", "away", "back", "to", "by", "over")
"""These after a verb make a command too ('crop *to* 4:5', 'straighten *by* 3 degrees') — but not after a verb
that is also a thing ('his shirt color *to* black')."""
VERB_ONLY_PARTICLES = ("in",)
"""These after a verb that is no thing make a command too ('rotate it 90 degrees *zoom in*', '… *add in* the moon') —
after a thing-verb they are a place ('the red colour *in* the image')."""
RUN_ON_BLOCKERS = ("to", "can", "could", "will", "would", "should", "must", "might", "may", "i", "you", "we",
                   "they", "he", "she", "don't", "dont", "not", "of", "skin", "otherwise")
"""A verb right after one of these is not a new command: 'I want *to* add', 'so I *can* add', 'an *otherwise* perfect
picture'."""
NOUN_OPENERS = ("the", "a", "an", "my", "his", "her", "its", "their", "this", "that", "your", "our", "some", "any")
"""After one of these a command verb is a new command only if nothing follows it but a command's words: 'remove the
add banner' is one edit; 'remove the make it pop' is two (and the first names nothing)."""
RESULT_VERBS = ("make", "makes", "get", "have", "let", "turn")
"""Verbs whose thing is followed by what it becomes — 'make this nail polish blue', 'turn the car red': a verb after
their thing is what it becomes, never an edit of its own (rules_clauses)."""
BECOMING_VERBS = ("is", "are", "become", "becomes", "turn", "turns")
"""What a thing does to be what is wished: 'so that the scooter *is* purple', '… *turns* green' (rules_enhance)."""
# ---- numbers (rules_numbers) ------------------------------------------------------------------------------

PRINT_UNITS = ("in", "inch", "inches", "cm", "mm", "centimeter", "centimeters", "centimetre", "centimetres")
"""The units of a print size ('8x10 *inches*', '25x25cm'): rules_geometry.PRINT_SIZE."""
CLIPPED_TAILS = ("'s", "'re", "'ll", "'ve", "'d", "'m")
"""What a word said with it is still that word ("the boat's", "they're"): `word_check.unread_words`."""
WORD_ENDINGS = ("s", "es", "ed", "d", "ing", "er", "ers", "ment", "ments")
"""Endings a declared word may be said with ('formatted', 'showing'): `word_check.unread_words` reads it as the word."""

BIG_NUMBER_WORDS: dict[str, float] = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                                      "trillion": 1e12, "zillion": 1e15, "gazillion": 1e15, "bajillion": 1e15}
"""'a *million* times brighter': read so it can be refused, never skipped over."""

# ---- names that name nothing (rules_target) ------------------------------------------------------------------

FUNCTION_WORDS = frozenset({
    "the", "a", "an", "some", "any", "every", "each", "my", "our", "your", "his", "its", "their",
    "and", "or", "but", "nor", "so", "because", "if", "then", "than", "while", "though", "although", "since",
    "unless", "whether", "of", "with", "from", "to", "in", "on", "at", "by", "for", "into", "onto", "about", "over",
    "under", "around", "between", "through", "without", "within", "very", "really", "just", "also", "too", "quite",
    "rather", "even", "still", "only", "again", "maybe", "please", "now", "here", "there", "which", "who", "whom",
    "whose", "where", "when", "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "has", "have",
    "had", "can", "could", "will", "would", "should", "shall", "may", "might", "must", "not", "no", "as",
})
FUNCTION_NOUNS = frozenset({"can"})
"""Function words that are things after an article: 'remove the bin, *the can* and the sign'."""
"""Words that never name a thing: a name made only of these ("the", "the and", "the very") names nothing, and
the planner asks what was meant instead of selecting the words. (it, this, them, her … point at the selection.)"""

# ---- constraints on a crop or a turn (rules_clauses, rules_geometry) --------------------------------------

CONSTRAINT_OPENERS = ("make sure", "keep", "keeping", "don't", "dont", "do not", "without", "but keep",
                      "but don't", "but dont", "but do not", "and keep", "and don't", "and dont")
"""A clause that only says what a crop or a turn must keep belongs to it: 'crop it square, *make sure* the cat stays
in' is one edit."""
GEOMETRY_WORDS = ("crop*", "rotat*", "straighten*", "tilt*", "level*", "turn it", "deskew")
DANGLING_WORDS = frozenset({"the", "a", "an", "and", "or", "but", "of", "with", "from", "to", "in", "on", "at", "by",
                            "for", "very", "really", "just", "also", "too", "so", "then", "because", "if", "which",
                            "who", "that"})
"""Words a name never ends on: 'the dog and' names the dog. (Not 'can', 'will' …: 'the trash can'.)"""

# ---- what a finder is asked for (finder_words) --------------------------------------------------------

SKY_REGION_NAMES = ("cloud", "sunset", "sunrise")
"""Things that are the sky's region for a tone edit: 'brighten the clouds', 'make the sunset more vivid' select the sky
with these words as its phrase — a finder that reads words looks for the clouds, the one with no model finds the sky
(tools/finders/sky.py: clouds and a sunset glow are in its colours). Not the sea or a lake: they are no sky, and the
finder says it can't find them. Never for a removal or a recolour: the whole sky is no cloud to paint out."""

PART_LABELS: dict[str, str] = {
    "face": "face", "visage": "face", "head": "head", "hand": "hand", "fist": "hand", "palm": "hand",
    "finger": "hand", "foot": "foot", "shoe": "foot", "sneaker": "foot", "boot": "foot", "toe": "foot",
    "arm": "arm", "leg": "leg",
    "eye": "eye", "eyeball": "eye", "iris": "iris", "pupil": "iris",
    "eyebrow": "eyebrow", "brow": "eyebrow", "lip": "lip", "mouth": "mouth", "tooth": "tooth", "nose": "nose",
    "hair": "hair", "hairdo": "hair", "haircut": "hair", "hairstyle": "hair", "skin": "skin", "complexion": "skin",
    "blemish": "blemish", "pimple": "blemish", "zit": "blemish", "mole": "blemish",
}
"""A body part as a finder that knows only parts names it: "the shoes" are the feet, "her fingers" the hands,
"his pupils" the irises (the face mesh places the iris; a pupil's size changes with the light), "her hairdo" the
hair, "his complexion" the skin, "the pimples" the blemishes (small spots on the skin)."""
OWN_SIDE_PARTS = ("hand", "foot", "arm", "leg",
                  "eye", "iris", "eyebrow")
"""Parts that have an owner's left and right: "her *left hand*" is her own left, not the picture's."""

# ---- answers to "which one?" (answers) -----------------------------------------------------------------

ANSWER_SIDES: dict[str, str] = {
    "left": "left", "leftmost": "left", "right": "right", "rightmost": "right",
    "top": "top", "upper": "top", "topmost": "top", "higher": "top", "highest": "top",
    "bottom": "bottom", "lower": "bottom", "lowest": "bottom", "bottommost": "bottom",
    "middle": "center", "center": "center", "centre": "center", "central": "center",
    "front": "foreground", "foreground": "foreground", "nearest": "foreground", "closest": "foreground",
    "nearer": "foreground", "closer": "foreground",
    "back": "background", "background": "background", "farthest": "background", "furthest": "background",
    "farther": "background", "further": "background", "rear": "background", "behind": "behind",
}
"""A word of an answer → the place it picks ("the left one", "the one at the back")."""
ANSWER_SIZES: dict[str, str] = {
    "bigger": "largest", "biggest": "largest", "larger": "largest", "largest": "largest", "taller": "largest",
    "tallest": "largest", "big": "largest", "large": "largest", "tall": "largest", "huge": "largest",
    "smaller": "smallest", "smallest": "smallest", "shorter": "smallest", "shortest": "smallest",
    "small": "smallest", "little": "smallest", "tiny": "smallest",
}
ANSWER_ALL = ("both", "all", "everyone", "everybody", "each", "every")
ANSWER_CANCEL = ("none", "neither", "cancel", "nevermind", "nothing", "nope", "no", "forget", "mind", "never", "stop",
                 "abort")
ANSWER_FILLERS = (
    "the", "one", "ones", "on", "in", "at", "from", "of", "to", "please", "i", "mean", "meant", "want", "just", "only",
    "that", "this", "a", "an", "and", "side", "hand", "counting", "them", "it", "him", "her", "those", "these", "yes",
    "ok", "okay", "oh", "um", "sorry", "pick", "choose", "take", "select", "go", "with", "most", "number", "thing",
    "guy", "person", "people", "end", "edge", "picture", "photo", "image", "is", "its", "it's", "which", "who", "s",
    "part", "half", "corner", "hmm", "well", "then")
"""Words an answer may carry that choose nothing ("I mean *the* left *one*")."""
ANSWER_LAST = ("last",)
ANSWER_NUMBERED = ("number", "no", "#")
"""'number 4': a number after these is a place in the order, not a count."""
ANSWER_YES = ("yes", "yeah", "yep", "yup", "sure", "ok", "okay", "please", "do", "take", "remove", "too", "also",
              "both", "all", "it", "them", "that", "those", "y")
"""A reply to "remove that too?" that takes the parts as well."""
ANSWER_NO = ("no", "nope", "not", "leave", "keep", "just", "only", "n")
"""A reply to "remove that too?" that leaves them ("no", "just the dog")."""
ANSWER_YES_NO_FILLERS = ("the", "a", "an", "and", "as", "well", "thanks", "thank", "you", "go", "ahead", "i", "mean",
                         "of", "course", "is", "its", "s", "part", "tail", "shadow", "everything", "one", "ones",
                         "here", "there")
ANSWER_YES_NO_LEADS = ("yes", "yeah", "yep", "sure", "ok", "okay", "no", "nope", "just", "only")
"""A reply that starts with one of these is an answer even when new words follow ("yes, and the leash")."""

# ---- enhance: measured corrections (rules_enhance) ------------------------------------------------------

WORK_ON_PHOTO = ("do something with", "work on", "work your magic on", "work their magic on", "work some magic on",
                 "work a little magic on", "work magic on", "do some magic on", "do anything with", "do anything to",
                 "do anything for", "anything done to", "anything done with", "do the best you can with", "the best you can with",
                 "do your best with", "any work done to", "any work done on", "any work on", "help", "auto enhance",
                 "auto-enhance",
                 "autoenhance", "auto correct", "auto-correct", "autocorrect", "auto fix", "auto-fix")
"""Asking for work on the photo without an edit verb ('*work your magic on* this', 'auto enhance it'): with the
verbs whose `photo` meaning is an enhance they make `ENHANCE_VERBS` (rules_verbs)."""
ENHANCE_NOUNS = ("quality", "look", "looks", "overall look", "image quality", "photo quality", "picture quality",
                 "it", "this", "that", "this one", "basics", "the basics", "everything", "colors and lighting",
                 "colours and lighting", "lighting and colors", "lighting and colours")
"""What a general enhance acts on besides the picture itself: '*improve the quality*', 'touch *it* up'."""
PRO_TAKEN = ("taken by a pro", "taken by a professional", "taken by a professional photographer",
             "a professional took it", "a pro took it", "professional photographer took", "pro photographer took",
             "professionally taken",
             "professionally shot", "highest quality", "best quality", "top quality", "best possible quality",
             "highest possible quality", "taken in a studio", "studio quality", "studio-quality", "studio look",
             "shot in a studio", "taken at a studio", "shot at a studio", "done in a studio")
"""'make it look as if it was *taken by a pro*', 'give it the *best possible quality*': simply better."""
VISIBLE_LOOKS = ("visible", "more visible", "clearly visible", "easier to see", "easy to see", "easier to make out",
                 "legible", "more legible", "readable", "more readable", "easier to read", "easy to read",
                 "more easily read", "easily read", "easily readable", "recognisable", "recognizable",
                 "more recognisable", "more recognizable")
"""A photo or a thing to be seen better: 'make *me visible*', 'make the engraving *easier to read*' — how much is
measured (a general enhance, on the thing when one is named), as it is for 'clearer'."""
SEE_VERBS = ("see", "make out", "recognise", "recognize")
SEEN_WORDS = ("be seen", "be made out", "be recognised", "be recognized")
SEEN_BETTER = ("better", "more clearly", "clearer", "clearly", "properly", "a bit better", "a little better")
"""'so we can *see* the kids *better*', 'so that my niece can *be seen*': the thing between is what to make visible, as
`VISIBLE_LOOKS` are."""
# an old photo wished new (rules_enhance; issue 20, tone18)
AGE_UNDONE_LOOKS = ("newer", "more recent", "less old", "less dated", "less aged", "less old-fashioned", "more modern",
                    "more up to date", "more up-to-date", "as good as new", "brand new")
"""'make it look *less old*', 'make this print look *more modern*': an old photo wished to look new — a general enhance
(one of `QUALITY_LOOKS`), also beside a tone said with it: 'make it look sharper and *newer*' sharpens, then enhances."""
QUALITY_LOOKS = (*VISIBLE_LOOKS, "better", "nicer", "good", "great", "professional", "more professional", "amazing", "pro", "beautiful",
                 "cool",                                # cond16: 'make it look cool' — praise, not a cold cast
                 "perfect", "prettier", "cleaner", "clearer", "crisper", "nice", "best", "awesome", "stunning",
                 "more natural", "natural", "polished", "more polished", "high quality", "higher quality", "new",
                 "less amateur", "less amateurish", "like a professional photo", "like a pro", "recent", "recently",
                 "flawless", "attractive", "more attractive", "lovely", "gorgeous", "fresh", "fresher", "clean",
                 "awsome", "cool looking", "cool-looking", "real", "more real", "realistic", "more realistic", "lush",
                 "classy", "incredible", "dramatic", "more dramatic", "interesting", "more interesting", "majestic",
                 "striking", "epic", "badass", "hd", "more hd", "hd quality", "high def", "sharp and clear",
                 "its best", "presentable", "more presentable", "decent", "more decent", "vibrant and clean",
                 "professionally done", "professionally edited", "edited", "retouched", "proper", "a proper photo",
                 "a real photo", "memorable", "alive", "back to life", "to life", "be better", "better quality", "clear", "more clear",
                 "worthy", "impressive", "more impressive", "delicious", "more delicious", "tasty", "appetizing", "tastier", "aesthetic",
                 "more aesthetic", "esthetic", "more esthetic",
                 "appetising",
                 "cuter", "even cuter", "more adorable", "sweeter",
                 *AGE_UNDONE_LOOKS)
"""How a photo looks when it is simply better: after 'look' ('make it look *polished*') a general enhance, and what
keeps 'so it looks …' a wish rather than a particular look ('so it looks *new*' vs 'so it looks like night')."""
CREATIVE_FREE_HAND = ("let your creativity run wild", "let your imagination run wild", "be creative", "get creative",
                      "creative freedom", "creative licence", "creative license", "show your creative skills",
                      "show your creativity", "show us your creativity", "show off your skills", "creative and natural",
                      "creative but natural")
"""'*get creative*', 'let your imagination run wild': a free hand, whatever the story around it (rules_wishes; kept
out of `FREE_HAND_WORDS`, whose phrases feed the enhance handler's cue stems — 'get', 'let', 'show' would wake its costly
patterns on most clauses)."""
FREE_HAND_WORDS = ("your choice", "your call", "up to you")
"""'it's *up to you*': the choice handed over — a general enhance alone, and no thing to remove at the end of a list
('remove the bin, the rest is your call')."""
OPEN_INVITATIONS = ("whatever you think", "whatever you like", "whatever you want", "have fun with",
                    "open to anything", "open for anything", "open to ideas", "open to suggestions", "anything goes",
                    *FREE_HAND_WORDS, "do what you like", "do what you want", "do whatever you like", "do whatever you want")
"""'*have fun with it*', 'I'm *open to suggestions*', 'do *whatever you think*': the choice handed over. Alone, a general
enhance (in `LOOK_BETTER`); beside an edit it names, no enhance of its own (`rules_wishes.open_invitation`, wishes28) —
unlike 'any other improvements', which asks for more."""
INVITATION_WORDS = ("feel", "free", "i'm", "im", "we're", "you", "totally", "completely", "it", "this", "that", "them")
"""Words an invitation is wrapped in ('*feel free to* have fun with *it*', '*I'm totally* open to suggestions'): with
`FUNCTION_WORDS`, nothing that names an edit."""
LOOK_BETTER = (*_each("look|looks|appear|seem", "|".join(QUALITY_LOOKS)), *VISIBLE_LOOKS,
               "better", "nicer", "more professional", "pop", "pops", "stand out", "instagrammable",
               "instagram worthy", "insta worthy", "instagram ready", "insta ready", "instagram-worthy",
               "insta-worthy", "better quality", "higher quality", "good quality", "good", "great", "amazing",
               "perfect", "presentable", "look its best", "a bit better", "a little better", "better looking",
               "more appealing", "more aesthetically pleasing", "aesthetically pleasing", "nice", "pretty", "beautiful",
               "clean and clear", "crisp and clear", "clear and crisp", "clean and crisp", "brand new", "like new",
               "more attractive", "more dramatic", "more interesting", "more realistic", "more hd", "hd quality",
               "awesome", "awsome", "incredible", "the best", "the most", "a better version", "any improvements",
               "any other changes", "any changes", "any edits", "anything better", "do your magic", "do what you can",
               "what you can do", "your magic", "freshen up", "freshen it up", "freshen this up", "anything else",
               "whatever else", "any other improvements", "any other edits", "back to life", "could be better",
               "some life", "more life", "add life", "life to it", "life into it", *OPEN_INVITATIONS,
               "instagram worth", "insta worth")
"""'make it *look better*', 'make this *pop*', 'make it *instagram worthy*', 'make the best of it', 'any other
changes you think would improve it': a general enhance."""
SALVAGE_QUESTIONS = ("fixable", "salvageable", "salvagable", "savable", "saveable", "repairable", "restorable",
                     "beyond repair", "beyond saving", "too far gone", "a lost cause", "be saved", "be fixed",
                     "be salvaged", "be improved", "be restored", "be repaired", "be cleaned up", "be enhanced",
                     "anything be done", "anything that can be done", "anything to be done", "anything you can do",
                     "be done with", "be done to", "any hope for")
"""'is this *fixable*?', 'can this photo *be saved*?': asking whether the photo can be made better is asking for it."""
ENHANCE_NAMES = ("auto enhance", "auto-enhance", "enhancement", "enhancements", "touch up", "touch-up", "touchup",
                 "touch ups", "touch-ups", "touchups", "retouchup", "retouch up", "fixing up", "colour adjustment",
                 "color adjustment", "colour adjustments", "color adjustments", "colour and tone adjustment",
                 "color and tone adjustment", "tone adjustment", "photo fix", "photo fixing", "photo restoration",
                 "restoration", "a better version", "better version", "bad quality", "poor quality", "low quality",
                 "terrible quality", "awful quality", "crappy quality", "the quality", "quality", "qaulity", "quailty",
                 "retouch", "retouching", "basic edit", "basic edits", "basic retouching", "quick edit", "cleanup",
                 "processing", "post processing", "post-processing", "basic processing",
                 "clean up", "clean-up", "enhance", "enhancing", "colour correction", "color correction",
                 "colour correcting", "color correcting", "hdr", "hdr effect", "professional photo", "professional look",
                 "professional photography", "professional edit", "aesthetic look", "aesthetic edit", "aesthetic feel",
                 "magazine look", "magazine quality", "touching", "clear view", "improvement", "improvements",
                 *_each("cleaned up|cleaned-up|restored|enhanced|improved|retouched|touched up|touched-up|fixed up",
                        "version|copy"))
"""A request that is only a name: 'Retouching', 'Enhance', 'Color correction please'."""
CORRECTION_NOUNS = ("correction", "corrections", "adjustment", "adjustments")
"""'a colour and light *correction*': the noun that makes two topics one correction (`rules_clauses`)."""
WHITE_BALANCE_WORDS = ("colo* corrected", "colo* balanced",
                       "white balance", "white-balance", "colour balance", "color balance", "colour cast",
                       "color cast", "colour correct*", "color correct*", "correct the colo*", "fix the colo*",
                       "fix colo*", "fix its colo*", "natural colo*", "true colo*", "real colo*", "colo* look off",
                       "colo* are off", "colo* is off", "colo* look wrong", "colo* are wrong", "colo* look weird",
                       "colo* are weird", "colo* look strange", "skin tone", "skin tones", "skin colo*",
                       "colo* temperature", "normal colo*", "weird colo*", "strange colo*", "odd colo*", "faded",
                       "fading", "colo* faded", "restore the colo*", "restore its colo*", "colo* have faded",
                       "original colo*", "restore the original colo*", "restore its original colo*", "right colo*", "correct colo*",
                       "proper colo*", "accurate colo*", "fix the hue", "fix the tint", "correct the hue", "correct the tint",
                       "blotchy", "blotchiness", "splotchy", "blotches",
                       *_each("colo*|skin colo*|skin tone*", "uniform|more uniform|even|more even|consistent"),
                       *_each("uniform|even|consistent", "colo*|skin colo*|skin tone*"),
                       *_each("colo*", "natural|more natural|real|more real|realistic|more realistic|normal"))
"""The light's colour is off: 'colour correct this', 'fix the white balance', 'the skin tones look off'."""
CAST_COLOURS = ("orange", "orangey", "orangy", "orangish", "yellow", "yellowish", "yellowy", "blue", "bluish",
                "blueish", "green", "greenish", "magenta", "pink", "pinkish", "purple", "purplish", "red", "reddish",
                "warm", "cold", "cool", "amber", "brown", "brownish")
"""Colours a whole photo can lean: 'it came out *orange*', 'too *blue*'."""
WARM_CASTS = ("orange", "orangey", "orangy", "orangish", "yellow", "yellowish", "yellowy", "red", "reddish", "warm", "amber",
              "brown", "brownish", "golden", "gold")
COOL_CASTS = ("blue", "bluish", "blueish", "cold", "cool")
"""A cast asked for ('give it a *red* tint', 'make it a *blue* overtone'): a warmth, up or down — not a cast to correct
(a cast no warmth gives, 'a green tint', is asked about)."""
COLOURED_BY = {"eye": "iris"}
"""A whole whose colour is one part's: 'make her eyes green' colours the irises — an eye's whites and lids keep theirs
(the embedded finder finds each)."""
OWN_COLOUR_PARTS = {"eye": ("white", "whiter", "whitest", "off-white", "ivory")}
"""Colours that are another part's own: an eye made white means its whites, which no finder tells from the iris yet —
asked, never the iris painted white."""
WHOLE_PHOTO_TINTS = tuple(colour for colour in COLORS if colour not in (
    "black", "white", "gray", "grey", "silver", "charcoal", "ivory", "cream", "blonde", "blond", "brunette",
    "platinum", "auburn", "sand", "chocolate", "khaki", "beige", "tan", "off-white", "off white", "pitch black", "jet black",
    "grayish", "greyish", "bluer", "redder", "greener", "whiter", "yellower", "pinker", "blacker", "browner"))
"""Colours the whole photo can be turned ('turn it all purple', 'change the colour scheme to a dark blue'): a tint —
warmth when it is a warm or cool one (`WARM_CASTS`, `COOL_CASTS`, gold a warm one), else said to be out of reach; the
neutrals are black and white or a plain ground, read elsewhere."""
CAST_NESS = ("redness", "yellowness", "blueness", "greenness", "pinkness", "orangeness", "purpleness")
"""'reduce the *redness*': a cast named by itself."""
LOOK_WISH_LEADS = ("to", "2", "make", "makes", "making", "without", "want", "wants", "wanted", "keep", "keeping", "give",
                   "gives", "giving", "add", "adding", "apply", "applying", "increase", "increasing", "boost", "boosting",
                   "more")
"""Up to four words before a darkness or a colour, a look wished or kept from, not the user's reading of the photo as it
is ('… *to* look bright', '*make* the objects very dark', '*give* it a green tint', '*increase* the yellowness'): no
`felt` (`rules_enhance.felt_readings`)."""
TOO_LEADS = ("too", "to", "overly")
"""'it looks cool' is praise; 'it looks *too* cool' a reading of its colour."""
LIMIT_VERBS = ("looking", "being", "getting", "becoming", "going", "turning", "ending up")
"""'… without it *looking* too bright', '… without it *getting* orange': a limit on the edit before it (`rules._LIMIT_AFTER`)."""
FELT_WARM = WARM_CASTS + ("redness", "yellowness", "orangeness")
FELT_COOL = COOL_CASTS + ("blueness",)
FELT_GREEN = ("green", "greenish", "greenness")
FELT_MAGENTA = ("magenta", "pink", "pinkish", "purple", "purplish", "pinkness", "purpleness")
"""Which way a cast the user says the photo has leans ('it came out *orange*', 'the *greenness*'): the enhance's
`felt` (too_warm, too_cool, too_green, too_magenta), so the colour moves away from it whatever it measures. Every
CAST_COLOURS and CAST_NESS word is in one of the four."""
CAST_NOUNS = ("cast", "tint", "tinge", "hue", "colour cast", "color cast", "coloration", "colouration", "colouring",
              "coloring", "color", "colour", "tone", "tones", "lighting", "glow", "haze", "shade", "filter", "overtone",
              "undertone", "overtones", "undertones", "caste", "overlay", "colour overlay", "color overlay")
"""'the *orange cast*', 'a blue *tint*' over the whole photo: a white balance to correct (on a named thing it is
a recolour: 'give the banana a green tint'); 'caste' is the cast misspelt, read so only after a colour (tone27); a
coloured 'overlay' is a tint laid over the photo ('a pale yellow overlay', pairs28)."""
CAST_LIGHTS = ("light",)
"""'lose the blue *light*': a cast only over the whole photo — 'the red light *on the car*' is a thing."""
DIAGNOSIS_LEADS = ("too", "came out", "comes out", "coming out", "turned out", "looks", "look", "is", "it's", "its",
                   "is so", "so", "very", "really", "quite", "kind of", "kinda", "all", "way too", "a bit too",
                   "a little too", "overly", "very very", "super", "feels", "feel", "seems", "seem", "appears")
"""Words before a colour or a darkness that make it a diagnosis of the photo: 'it *came out* dark', 'it *feels*
really dark'."""
PHOTO_SUBJECTS = ("it's", "its", "it is", "this is", "it looks", "this looks", "it came out", "everything is",
                  "everything looks", "everything's", "the photo is", "the picture is", "the photo looks",
                  "the picture looks")
"""What says a diagnosis is of the whole photo: '*it's* so orange' is a cast to correct, never 'make it orange'."""
STATE_SAID = ("is", "are", "was", "were", "looks", "look", "seems", "seem", "came out", "got", "gets", "feels", "feel",
              "appears", "appear")
"""The verbs that say what state a thing is in, before a fault or a diagnosis ('it *came out* backlit', 'the kid *is*
too dark', 'the colours *look* dull') — not a thing described ('her dark hair'). The clause stage's borrowed fault and
the critique reader both read it."""
STATE_LEADS = ("are", "was", "were")
"""Before a darkness or a condition (not a colour: 'the shoes *are* red' describes), a diagnosis too: 'the faces *are*
dark', 'the shot *was* blurry'."""
EXPOSURE_WORDS = ("exposure", "lighting", "light", "lights", "brightness", "light levels", "levels",
                  "shadows", "highlights", "dynamic range", "lightness")
"""What 'fix the …' or 'correct the …' measures and sets: the exposure and tone."""
EXPOSURE_FIX_VERBS = ("fix*", "correct*", "adjust*", "balanc*", "improv*", "sort out", "sorting out", "even out",
                      "evening out", "repair*", "lift", "lifting", "recover", "recovering", "open up", "bring up",
                      "bring back", "tame", "taming", "rescue", "rescuing")
"""'fix the lighting', '*lift* the shadows', '*recover* the highlights': the exposure, measured (a direction — 'brighten
the shadows' — is an adjust)."""
FELT_DARK = ("underexposed", "under-exposed", "under exposed", "too dark", "too dim", "dark", "dim", "low light",
             "backlit", "back-lit", "back lit", "not enough light")
"""A diagnosis that says the photo (or the thing) reads too dark: the enhance's exposure goes up only (`felt`)."""
FELT_BRIGHT = ("overexposed", "over-exposed", "over exposed", "blown out", "blown-out", "too bright", "too light",
               "bright", "overblown", "over-blown", "washed out by the flash")
"""A diagnosis that says it reads too bright: the exposure goes down only."""
EXPOSURE_DIAGNOSES = FELT_DARK + FELT_BRIGHT + ("badly lit", "poorly lit", "bad lighting", "poor lighting")
"""Every diagnosis of the exposure ('badly lit' says no direction: the measure alone decides)."""
FAULT_TONES: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("dark", "dim", "shadowy", "gloomy", "underexposed", "under-exposed", "overexposed", "over-exposed",
                     "blown", "blown out", "blown-out", "overblown", "burnt out", "burned out"), ("exposure",)),
    **dict.fromkeys(("washed out", "washed-out", "faded", "dull", "flat", "muddy", "murky"), ("contrast", "vibrance")),
}
"""A tone word that names the fault of the thing after it, under a verb that corrects ('fix the *dark* sky', 'improve the
*washed-out* colours', 'sort out the *blown* sky'): the parts that correct it, measured there — never the fault made
worse (a darker sky)."""
LIGHTING_COMPLAINTS = _each("lighting is|lighting was|light is|light was|lighting's|lighting looks",
                            "off|bad|weird|terrible|awful|horrible|poor|harsh|not good|not great|wrong|strange")
"""'the lighting is harsh': the exposure, measured and corrected."""
ADDED_LOOKS = ("life", "pop", "depth", "drama", "punch", "cheer", "sparkle", "oomph", "zing", "wow factor", "wow", "accent",
               "emphasis", "shine", "sheen", "gloss", "boost", "kick", "mood")
"""'add some *life* to it', 'add a little holiday *cheer*': a look added to the photo, no thing — the contrast, local
contrast and colours, measured ('the hair needs more *shine*': on the hair; 'add some *mood* to the clouds': on the
clouds, tone29)."""
FLASH_COMPLAINTS = ("de-flash", "deflash", "bad flash", "harsh flash", "too much flash", "flash was on",
                    "used flash", "used a flash", "used the flash", "flash washed", "flash ruined")
"""'they *used a flash*', 'can someone *de-flash* it': a photo lit by the flash — the exposure of the whole photo,
measured and corrected ('remove the flash glare' names a thing and is still a removal)."""
COLOUR_TOPICS = ("colour", "colours", "color", "colors", "tone", "tones", "colour grading", "color grading",
                 "grading",
                 "colouring", "coloring")
"""The photo's colour named as a topic with no direction ('light and colours', 'help with the colours'): the colour
parts of a measured correction (a direction — 'more colour' — stays an adjust; 'colour this' asks to colourise)."""
TOPIC_FRAMES = ("help", "help me", "with", "the", "its", "my", "our", "photo's", "picture's", "please", "pls",
                "problem", "problems", "issue", "issues", "trouble", "troubles", "fix", "fixing", "work on", "etc",
                "just", "only", "some", "general", "overall", "a", "an", "full", "complete", "few", *CORRECTION_NOUNS)
"""What may stand around a topic that names only the light or the colour: '*help with the* lighting', 'colour
*problems*'."""
TOPIC_TAILS = ("change", "changes", "quality", "adjustment", "adjustments",
               "levels")
"""Nouns after a topic that still name no way to move it: 'some colour *changes*', 'the colour *quality*' (before the
topic 'change' is the verb — 'change the colours' wants new colours, and asks which). A topic changed is measured only
beside another edit: said alone, 'colour change' asks which way (rules_wishes, `Step.alone_question`)."""
LOCAL_CONTRAST_WORDS = ("local contrast", "hdr", "hdr effect", "more depth", "micro contrast", "microcontrast")
SHARPNESS_NOUNS = ("sharpness", "focus", "crispness", "acuity", "visual acuity", "clarity", "definition",
                   "focus issues", "blurriness", "softness")
"""What '*improve* the …', '*restore* the …' measures and corrects: 'improve the focus' is an enhance (sharpen);
'make it sharper' says the direction and stays an adjust."""
TOPIC_PARTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(EXPOSURE_WORDS, ("exposure",)), **dict.fromkeys(COLOUR_TOPICS, ("white_balance", "vibrance")),
    **dict.fromkeys(("white balance", "colour balance", "color balance"), ("white_balance",)),
    "contrast": ("contrast",), "saturation": ("vibrance",), **dict.fromkeys(SHARPNESS_NOUNS, ("sharpen",)),
}
"""Each topic of a list said to be corrected ('fix the exposure and the colours', 'colour/contrast correction') → the
parts of the measured correction it asks for; every topic of the list counts."""
MEASURED_TOPICS = (*COLOUR_TOPICS, "lighting", "light", "exposure", "levels", "white balance", "colour balance",
                   "color balance")
"""A list of topics with one of these is corrected by measure ('edit the colour, contrast and lighting'); a list of
adjust properties alone ('adjust the brightness and contrast') stays an adjust."""
TOPIC_LIST_FRAMES = ("edit*", "tweak*", "work on", "help with", "improvement*", "enhancement*", "fixes", "fix")
"""Words beside a list of topics that ask for it to be corrected, besides `EXPOSURE_FIX_VERBS` and `CORRECTION_NOUNS`:
'*edit* colour/contrast/lighting', 'a colour and contrast *improvement*' ('alter the contrast and white balance' stays
an adjust)."""
STRENGTH_SMALL = ("a little", "a little bit", "a bit", "a touch", "a tad", "slightly", "subtle", "subtly", "gently",
                  "lightly", "mildly", "small", "quick", "minor", "just a bit", "just a little", "a little touch",
                  "basic", "simple", "minimal", "minimally", "barely")
"""'*a little* touch-up': half the measured correction."""
STRENGTH_LARGE = ("a lot", "lots", "strongly", "heavily", "much more", "dramatically", "significantly", "a ton",
                  "drastically", "seriously", "hugely", "strong", "heavy", "big", "major", "dramatic")
"""'enhance it *a lot*': one and a half times the measured correction."""
STRENGTH_MOST = ("as much as possible", "as much as you can", "max", "maximum", "maximise", "maximize", "fully",
                 "all the way", "to the max", "completely", "extremely")
"""'enhance it *as much as possible*': twice the measured correction (the contract's limit)."""
ENHANCE_FILLERS = (
    "the", "a", "an", "this", "that", "it", "its", "my", "our", "his", "her", "their", "of", "in", "on", "for", "to",
    "and", "or", "with", "some", "more", "bit", "little", "please", "just", "so", "up", "overall", "general",
    "whole", "entire", "image", "photo", "picture", "pic", "pict", "shot", "photograph", "snap", "snapshot", "img",
    "selfie", "one", "make", "made", "get", "give", "can", "could", "would", "you", "someone", "anyone", "somebody",
    "i", "me", "we", "us", "want", "need", "like", "be", "is", "are", "was", "look", "looks", "looking", "too",
    "very", "really", "quite", "all", "also", "again", "then", "now", "possible", "if", "help", "try", "use", "any", "other", "kind",
    "sort", "type", "such", "why", "thing", "stuff", "way", "well", "much", "lot", "few", "tad", "touch", "nice", "good", "do", "does", "did",
    "have", "has", "had", "by", "at", "as", "how", "what", "there", "here", "these", "those", "them", "out", "came",
    "come", "comes", "coming", "turned", "colors", "colours", "color", "colour", "colouring", "coloring", "tones", "tone", "quality",
    "lighting", "light", "exposure", "edit", "edits", "version", "copy", "amazing", "great", "better", "best",
    "professional", "pro", "natural", "naturally", "clean", "clear", "clearer", "cleaner", "basic", "basics", "standard", "quick", "simple",
    "small", "minor", "major", "strong", "heavy", "slightly", "subtly", "gently", "old", "new", "newer", "family",
    "wedding", "portrait", "landscape", "vacation", "holiday", "trip", "instagram", "insta", "facebook", "profile",
    "print", "printing", "worthy", "ready", "instagrammable", "pop", "pops", "stand", "appealing", "aesthetically",
    "pleasing", "presentable", "beautiful", "pretty", "perfect", "effect", "hdr", "depth", "clarity", "definition",
    "levels", "balance", "white", "cast", "tint", "tinted", "temperature", "correct", "correction", "correcting",
    "fix", "fixed", "fixing", "adjust", "adjusted", "improve", "improved", "enhance", "enhanced", "enhancing",
    "enhancement", "enhancements", "retouch", "retouching", "retouched", "touched", "touching", "polish", "polished",
    "tidy", "spruce", "cleanup", "restore", "restored", "restoring", "auto", "optimise", "optimize", "photoshop",
    "beautify", "wrong", "off", "weird", "strange", "bad", "badly", "poorly", "lit", "poor", "range", "dynamic",
    "shadows", "highlights", "amateur", "amateurish", "stunning", "awesome", "higher", "high", "work", "magic",
    "your", "something", "everything", "than", "should", "must", "will", "nicer", "less", "able", "anybody",
    "everyone", "guys", "thanks", "thank", "over", "across", "everywhere", "there's", "theres", "not", "vsco",
    "lightroom", "preset", "presets", "filter", "filters", "enough", "think", "thinks", "feel", "feels", "whatever", "from", "even",
    "evener", "equable", "uniform", "consistent", "balanced", "needs", "needed", "somehow", "trying", "they",
    "increase", "raise", "boost", "bring", "back", "life", "curious", "love", "loved", "kindly", "am", "etc", "but",
    "slight", "cosmetic", "fun", "go", "think's")
"""Words of a general enhance request that name no thing; a word left over names what to enhance
('fix the colour of *her face*') — or says the request is something else ('improve *the hand*' is a fix)."""
NOT_ENHANCE = ("remove*", "removing", "removal", "erase*", "erasing", "delete*", "deleting", "get rid of", "setting",
               "scenery", "surroundings",
               "getting rid of", "take out", "edit out", "photoshop out", "cut out",
               "replace*", "swap*", "add", "adding", "background", "backdrop", "crop*", "rotat*", "extend*", "hand",
               "hands", "finger*", "teeth", "coloris*", "coloriz*", "colouris*", "colouriz*", "black and white",
               "b&w", "sepia", "transparent", "cartoon", "painting", "drawing", "sketch", "anime", "effects")
"""Words that make a request something other than an enhance, whatever else it says: 'clean up this photo
and *remove* the bin' is a removal first; 'what *effects* would spice it up' asks for a look no measurement gives."""
PHOTO_PRONOUN_FOLLOWERS = ("for", "so", "please", "pls", "up", "to", "as", "and", "if", "because", "since", "with",
                           "in", "on", "at", "by", "a", "slightly", "more", "too", "even", "at all", "somehow",
                           "into", "like", "some", "any", "but", "or", "thanks", "thank", "real", "quickly", "look", "looks",
                           "appear", "seem")
"""After a general verb, 'it'/'this' is the photo when one of these (or the end) follows: 'restore *this for* my
parents', 'fix *this please*' — not 'fix this hand'."""
PURPOSE_LEADS = ("for", "so", "so that", "because", "since", "as", "to make", "in order to", "to use", "to print",
                 "to frame", "to post",
                 "to send", "to give", "to put", "to hang", "to share", "in time for", "before", "which", "posting",
                 "going on", "going up on", "goes on", "without ruining", "without destroying", "without changing",
                 "without losing", "without making", "without altering", "without overdoing", "without going")
"""After a general wish on the photo, a purpose, a description or a care: 'make it look nice *for* my shop', 'touch it
up *so* I can frame it', 'improve it *without ruining* it' — no thing to enhance."""
PHOTO_KIND_STOPS = ("in", "on", "of", "from", "at", "with", "by", "to", "into", "the", "this", "that", "these",
                    "those", "my", "our", "your", "his", "her", "their", "its", "a", "an", "and", "or", "whole",
                    "entire", "make", "get", "fix", "enhance", "improve", "edit", "retouch", "restore", "need", "want")
"""Words before 'photo' that never say which photo it is: 'the sky *in this* photo' names the sky."""
PICTURE_TAILS = ("of", "for", "from", "with", "taken", "at", "in", "on", "that", "which", "where", "when", "as",
                 "so", "because", "since", "to")
"""After 'this photo' these start a description of it, not a thing to enhance: 'touch up this photo *of* my dad'."""
BACKGROUND_BETTER_VERBS = ("fix", "fixed", "correct", "corrected", "improve", "improved", "enhance", "enhanced",
                           "touch up", "touched up", "retouch", "retouched", "polish", "beautify", "optimise",
                           "optimize", "adjust")
"""'*correct* the background', '*improve* the background': the background as it is, made better — measured there (a new
one is asked for with 'change' or 'replace'; 'clean up the background' takes things out of it)."""
BLEND_WORDS = ("blend in", "blends in", "blend into", "blend in better", "blend better", "blends better", "blend with",
               "blends with", "fit in", "fits in", "fit into", "fit the scene",
               "fit the picture", "fit the photo", "fit the background", "belong", "belongs", "belong there",
               "belongs there", "belong in", "belongs in", "match the rest", "match the scene", "match the background")
"""'make him *blend in*', 'make the face look like it *belongs* in the picture': a thing whose light and colour don't sit
with the rest — its colour cast and exposure, measured in it (nothing moves it to the rest's exactly; the reply says
so)."""
MATCHED_QUALITIES = ("lighting", "light", "exposure", "brightness", "colour", "colours", "color", "colors", "tone",
                     "tones", "skin tone", "skin tones", "colour grading", "color grading", "contrast")
"""'match *the lighting* of the overlay …': what a match is asked of, not a thing to select."""
OTHER_PHOTO_LEADS = ("the other", "another", "my other", "a second", "the second", "the old", "the older", "two old",
                     "the previous", "the first", "a reference", "the reference", "my old", "our other", "an older",
                     "the rest of the", "the others in the", "the two old")
"""'… to match *the other* photo', '*another* picture's colours': a photo beside this one, which the planner never sees."""
MATCHED_SURROUNDINGS = ("background", "backdrop", "scene", "rest", "rest of the photo", "rest of the picture",
                        "rest of the image", "surroundings", "others", "everything else", "everyone else", "photo",
                        "picture", "image", "room")
"""'… *with the background*', '… *to the rest of the photo*': what it is matched to — no thing of its own."""
SHINE_WORDS = ("shine", "shiny", "shininess", "sheen", "glare", "glares", "oily shine", "oiliness", "hotspot",
               "hotspots", "hot spot", "hot spots", "flash glare", "reflection", "reflections", "harsh sun", "sunlight",
               "harsh light", "harsh sunlight", "bright spot", "bright spots", "overexposure")
"""'remove the *shine* on her forehead': too much light on skin (`SKIN_PLACES`) — its exposure, measured there, as a
shadow's is (a glow or glare in the eyes is a fix)."""
SHADOWED_PARTS = (*SKIN_PLACES, "eye", "eyes", "neck", "necks", "head", "heads", "ear", "ears")
"""'remove the shadow *on her face*', 'shadows away from our *faces*': a shadow on a person is light, not a thing — the
exposure of the part, measured and lifted there (editors answer it with tone, never by painting)."""
SOILED_PARTS = tuple(sorted({*BODY_PARTS, *FIXABLE_PARTS, *SHADOWED_PARTS, "neck", "necks", "shoulders", "back", "chest",
                            "tail", "paws", "knees", "fingers", "toes"}))
"""Parts of a body (and what is worn on one) that a stuff sits on: 'remove the dirt from his hands *and face*' lists
two places of the one removal — never a second thing to paint out (rules_clauses.split_list)."""
UNSEEN_LEADS = ("can't", "cant", "cannot", "can not", "can barely", "can hardly", "hard to", "difficult to", "unable to",
                "be able to", "need to be able to")
"""'I *can't* see my face', 'we must *be able to* see the boy's face': the thing after 'see' is to be made visible, as
`VISIBLE_LOOKS` are."""
WORTHY_WORDS = ("worthy", "ready")
"""'make it *national geographic worthy*', '*senior picture ready*': fit for a showcase — simply better."""
FILTER_NOUNS = ("filter", "filters", "effect", "effects", "special effects", "special effect", "fx")
FILTER_QUALITIES = ("nice", "good", "cool", "special", "unique", "natural", "great", "beautiful", "best", "awesome",
                    "pretty", "creative", "interesting", "fun", "amazing", "professional", "pro", "subtle", "soft",
                    "some", "any", "few", "lovely", "fancy", "stylish", "better", "different", "new", "gentle",
                    "dramatic", "artistic", "wow")
"""'a nice *filter* on top', 'edit it with good *effects*', 'Filters': a general look asked for with no look named — no
tool has named filters, so it is a general enhance and the reply says how to name a look ('a vintage filter' is the
vintage look: rules_tone)."""
THING_BETTER = ("better", "nicer", "prettier", "more beautiful", "more delicious", "more appealing", "tastier",
                "more appetising", "more appetizing", "more tasty")
"""'make the reflection *better*': how one thing is wished better, with no edit word."""
NOT_A_PLAIN_FILTER = ("remove*", "removing", "erase*", "get rid of", "take off", "take away", "undo", "without",
                      "what", "which", "how", "teach", "explain", "tutorial", "snapchat", "dog filter", "face filter",
                      "polarizing", "polarising", "nd", "uv")
"""'remove the filter', 'what filter is this', 'a snapchat dog filter', 'a polarising filter': another edit, a question,
a sticker or a lens — not a wish for a nicer look."""
KEPT_CHANGES = ("losing", "changing", "ruining", "touching", "affecting", "altering", "darkening", "brightening",
                "removing", "blowing out")
"""'brighten the faces without *changing* the background': what must not happen to the background."""
CLEAR_WISHED = ("clear", "clearer", "more clear", "clearly visible", "sharp", "sharper", "crisp", "crisper")
"""'we'd like to *be clear* here', 'the letters should *become clearer*', 'make *clear* or better my son': a
thing, or the photo, wished clearer — a general enhance (how much is measured)."""
OUT_OF_SHADE_VERBS = ("take", "bring", "get", "pull", "lift", "drag", "rescue")
SHADE_PLACES = ("shadows", "shadow", "shade", "dark", "darkness", "gloom")
"""'bring her out of the *shadows*', 'get us out of the *shade*': a person or a thing lifted out of the dark — brightened
there (a local tone), never removed though 'take … out' reads like a removal."""
CLEARER_WORDS = ("clearer", "more clear")
"""'make it *clearer*': a quality wished, not a direction — the labelling guide's enhance (by measure), even though the
tone words read it as sharpness; 'sharper' names the direction and stays an adjust."""
VISIBILITY_WORDS = ("visibility", "better visibility", "more visibility")
"""'Visibility' said alone as the whole request: the photo made easier to see."""
SEE_ASIDES = ("comment", "comments", "my comment", "the comments", "below", "above", "attached", "link", "links",
              "description", "edit", "edits", "if", "how", "what", "whether", "more", "original", "example",
              "examples", "reference", "pic", "picture", "photo", "image", "second", "other")
"""'see my comment', 'see below', 'see the original': a pointer to more words, not a wish to see a thing better."""
FILTER_TONES = ("sepia", "monochrome", "grayscale", "greyscale", "mono", "warm", "warmer", "cool", "cooler", "cold",
                "colder", "desaturated", "black-n-white",
                "bright", "brighter", "dark", "darker")
"""'a sepia filter', 'a warm filter': a tone said as a filter (with `LOOK_WORDS` and `BLACK_AND_WHITE`) — that tone."""
PALE_WORDS = ("pale", "paler", "pasty", "ghostly", "ashen")
"""'make me look *less pale*': the skin given a little more colour and warmth, masked to it (a tone change said)."""
TAN_WORDS = ("tan", "tanned", "tanner", "sun-kissed", "sun kissed", "sunkissed", "suntan", "sun tan", "suntanned",
             "sun-tanned")
"""'give him a bit more *tan*', 'skin that looks *sun-kissed*': the same gentle warmth and colour as 'less pale' — a
tone change on the skin, never a darker skin."""
EVEN_SKIN_WORDS = ("even out", "even up", "make even",
                   "evenly tone", "even tone", "even-tone")
"""'*even out* her skin': the skin's colour evened where it stands out in patches (the enhance's even_skin)."""
UNEVEN_SKIN_WORDS = ("blotchy", "blotchiness", "splotchy", "blotches", "splotches", "uneven", "unevenly", "patchy",
                     "redness", "red patches", "more even", "evenly", "evened", "even skin", "equable",
                     "skin colo* even", "skin tone* even", "uniform", "consistent", *EVEN_SKIN_WORDS)
"""'my skin looks *blotchy*', '*even out* his skin tone', 'the *redness* of her face': said of the skin or a face's part,
the skin's colour evened where it stands out in patches — the enhance's even_skin on the skin (a spot is a blemish, a
removal's)."""
WHITENING_VERBS = ("whiten", "whitening", "bleach", "bleaching")
"""'*whiten* my face': a lighter skin asked with a verb — read as `LIGHTER_SKIN_WORDS` are."""
LIGHTER_SKIN_WORDS = ("fair", "fairer", "light-skinned", "light skinned", "lighter-skinned", "lighter skinned",
                      "fairer skin", "fair skin", "fair-skinned", "fair skinned")
SKIN_LIGHTER_COLOURS = ("white", "whiter")
"""'make her skin *whiter*': said of a skin place, a lighter skin asked for by its colour — read as `LIGHTER_SKIN_WORDS`
('lighter' is already a brightness: rules_tone)."""
"""'make her face *fair*', 'make him *light-skinned*': no one's skin colour is changed — a brighter exposure on the face
is what an editor would do, and the reply says so."""
PRINT_WISHES = ("large print", "big print", "large prints", "big prints", "bigger print", "larger print",
                "print it large", "print it big", "print it bigger", "print it larger", "print it as large",
                "print it as big", "print this large", "print this big", "poster size", "poster-size", "pixel count",
                "higher pixel count", "high resolution", "high-resolution", "high res", "high-res", "hi res", "hi-res",
                "higher resolution", "higher-resolution", "higher res", "higher-res", "hires", "better resolution",
                "more resolution", "look high res", "look hi-res", "a higher quality version", "high quality version",
                "higher quality version", "hd version")
"""'a high resolution version for a large print': quality wished for at size — there is no upscaler, so it is a sharpen
whose reply says it cannot add pixels ('upscale to 4k', 'more pixels' ask for a size: refused, rules_unsupported)."""
ENHANCE_PART_CUES: dict[str, tuple[str, ...]] = {
    "straighten": ("straight*", "tilt*", "level*", "crooked*", "skew*", "deskew*", "horizon*", "lean*", "slant*",
                   "upright", "wonky", "askew"),
}
"""An LLM's enhance plan that turns the picture (the straighten part) needs one of these words in the request."""

# ---- wishes said in shapes that got only a question (rules_wishes; issue 20, ask round 12) ---------------

FLAW_LOOKS: dict[str, str] = {
    **dict.fromkeys(("obnoxious", "obvious", "noticeable", "noticable", "distracting", "prominent", "intrusive",
                     "glaring", "harsh", "overpowering", "annoying", "intense", "strong", "bad"), "prominent"),
    **dict.fromkeys(("shiny", "greasy", "oily", "sweaty", "glossy"), "shiny"),
    **dict.fromkeys(("photoshopped", "shopped", "fake", "edited", "processed", "artificial", "overdone", "over-edited",
                     "overedited", "over edited", "over-processed", "overprocessed", "plastic", "unnatural",
                     "filtered"), "unnatural"),
    **dict.fromkeys(("ashy", "grey-looking", "chalky", "sallow"), "ashy"),
}
"""'make the lamp glare less *obnoxious*', 'his nose less *shiny*', 'make it look less *photoshopped*': a flaw
asked down with 'less'. What it is decides the answer: a shine or a glare (`SHINE_WORDS`, or any thing 'less shiny') is
its exposure measured there, harsh light or shadows the photo's exposure and contrast measured, an unnatural look of
the photo a general enhance, skin gone ashy its colour measured there ('make her hands less ashy', 'edit his arm so it
isn't ashy'); a plain thing 'less noticeable' stays a question (nothing says how)."""
HAIR_COLOUR_NOUNS: dict[str, str] = {
    "redhead": "red", "redheaded": "red", "red-headed": "red", "red headed": "red", "ginger": "red",
    "blonde": "blonde", "blond": "blonde", "brunette": "brunette", "platinum blonde": "platinum blonde",
}
"""'make my uncle *redheaded*', 'make her a *blonde*': a person wished a hair colour — the hair recoloured to it."""
OPENED_EYES = ("open", "opened", "wide open", "fully open", "open up")
"""'make my cousin's eyes *open*', '*open* her eyes': closed eyes painted open — the eye fix (natural eyes), as 'fix
his closed eyes' is."""
# ---- damage to an old print or a scan (rules_damage) --------------------------------------------------

PRINT_DAMAGE_WORDS = ("tear", "tears", "rip", "rips", "scratch*", "crease*", "fold", "folds", "fold line*",
                      "waterstain*",                          # cond16: the joined spelling of 'water stain'
                      "crack*", "spot", "spots", "dust spot*", "speck*", "dust", "scuff*", "stain*", "blotch*",
                      "smudge*", "mould", "mold", "mildew", "foxing", "defect*", "damaged area*", "damaged part*",
                      "damaged spot*", "marks", "scuff mark*", "water mark*", "water stain*", "hole", "holes",
                      "pinhole*", "torn corner*", "torn edge*", "torn part*", "ripped corner*", "ripped edge*")
"""What damages a print or a scan: 'touch up the *rips and specks* on this old print', 'tidy the *scuffs* from a scan'
— each taken out where the finder sees it. Read only with `OLD_PRINT_WORDS` or a `DAMAGE_KINDS` near: 'the tears on
her cheeks' are crying, not damage."""
OLD_PRINT_WORDS = ("scan", "scans", "scanned", "vintage", "antique", "print", "prints", "printed", "album",
                   "polaroid", "negative", "film", "damaged", "faded", "aged", "ancient", "heirloom", "1800s",
                   "1900s")
"""What makes the photo an old print: 'dust on the *scan*', 'a *faded* snapshot' (and 'old' before a picture noun: 'the
spots on this *old* picture')."""
DAMAGE_KINDS = ("water damage", "water-damage", "water damaged", "water-damaged", "fire damage", "fire-damaged",
                "fire damaged", "flood damage", "sun damage", "mould damage", "mold damage")
"""A kind of damage named whole ('*water damage* from the flood'): its marks taken out."""
UNNAMED_DAMAGE = ("damage", "damages", "damaged bits", "damaged areas", "damaged parts")
"""cond16: damage with no defect or kind named ('repair *the damage*', 'remove the *damage* and the numbers'): the photo
restored by what an enhance measures, as the labelling guide reads it — nothing named for a finder to find."""
DAMAGE_MENDING_VERBS = ("repair", "repairing", "mend", "mending", "patch", "patch up", "patching", "touch up",
                        "touching up", "fix", "fixing", "restore", "restoring", "retouch")
"""Verbs that mend a print: with one of these, damage named alone is damage even with no old print said ('*mend* the
tear', '*patch* the holes', '*touch up* the scratches') — only its marks taken out, no tone cleaned up."""
DAMAGE_FIX_VERBS = ("touch up", "touching up", "touch-up", "tidy", "tidy up", "tidying", "tidying up", "clean up",
                    "cleaning up", "clean", "fix", "fixing", "repair", "repairing", "restore", "restoring", "remove",
                    "removing", "get rid of", "take out", "erase", "mend", "patch", "patch up", "retouch")
"""Verbs that take damage out ('*touch up* the tears on this old print'); a verbless title ('water damage from a flood')
is read the same."""
# ---- a tone on a named thing (rules_tone, rules_region; issue 20, tone16) ------------------------------

DOWN_PARTICIPLES = ("turned down", "toned down", "brought down", "taken down", "dialled down", "dialed down",
                    "pulled down", "knocked down", "lessened")
"""A tone said lowered in the passive: 'the contrast on her dress needs to be *toned down*' — the way down, as 'tone
down the contrast' is (`DOWN_WORDS`)."""
BEHIND_THE_SUBJECT = ("behind her", "behind him", "behind them", "behind us", "behind me", "behind it",
                      "behind the subject", "behind the people", "in back", "back", "at back", "in the back",
                      "at the back", "distant part", "distant area", "back part", "back area", "in the distance",
                      "distance")
"""The space behind the people named with no thing: 'darken *behind her*', 'less light *in the back* of this
shot' — the background, for a tone (the words are what is left once the tone and its fillers are read)."""
PORTRAIT_WORDS = ("portrait", "portraits")
"""'more contrast on *the portrait area*': the person a portrait shows, when its area is what a tone is on."""
TONED_PATCHES = ("patch", "patches", "spot", "spots", "streak", "streaks", "blotch", "blotches")
"""A stretch of light or colour a tone is asked on, named by what it lies on: 'tone down the bright *patch* on his
cheek' is a tone on the cheek (with a removal verb, 'the spot' stays a thing to take out — rules_remove reads it
first)."""
ALSO_JOINERS = ("as well as", "along with", "together with")
"""Words that add one more thing to a list a tone is on, as 'and' does: 'darken the sky *as well as* the sea'."""
BRIGHT_PATCH_WORDS = ("white", "whiteness", "bright bit", "bright part")
"""A bright patch named by its colour on a thing: 'the *white* on his face should be less' — asked down, a darker tone
on the thing (rules_tone.bright_patch_down), not a recolour to white."""

# ---- adds said as giving or dressing (rules_add; issue 20, adds16) --------------------------------------

GIVING_VERBS = ("give", "giving", "gimme")
"""'*give* him a halo and a cape': the thing given is added on whoever gets it."""
GIVEN_TO = ("him", "her", "them")
"""Who is given a thing, said as a pronoun ('give *her* a crown'); 'give me' asks for a file, advice or a background
as often as a thing on me, so it is no add ('give me a png of the logo')."""
NOT_GIVEN_THINGS = ("look", "looks", "touch", "touch-up", "boost", "laugh", "try", "go", "shot", "makeover", "chance",
                    "break", "hand", "copy", "copies", "gift", "present", "surprise", "advice", "insight", "idea",
                    "ideas", "tip", "tips", "feedback", "version", "edit", "fix", "treatment", "style", "vibe", "feel",
                    "glow", "finish", "favour", "favor", "hug", "kiss", "lift", "refresh", "cleanup", "clean-up",
                    "background", "backdrop", "bg", "tan", "smile", "expression", "quality", "resolution")
"""What is given that is no new thing: 'give her a touch-up', 'give him a good laugh', 'give it a boost', 'give her a
new background' (the background handler's), 'give him a smile' (a face, not a thing drawn on him)."""
DRESSING_VERBS = ("dress", "dressing", "clothe")
"""'*dress* me in a tux', 'dress him up as a pirate': the clothes added on the one dressed."""
SUITED_UP = {"suit": "a suit", "kit": "an outfit", "gear": "an outfit"}
"""'*suit* me up', '*kit* him out': dressed with the clothes unnamed — what is added for each verb."""
DRESSED_AS_NOUN = "costume"
"""'dress him as a pirate': the clothes of a pirate, said as the thing added ('a pirate costume')."""
FAMOUS_ROLES = ("the president", "the pope", "the prime minister", "the queen", "the king", "the royal family",
                "famous person", "famous actor", "famous actress", "famous singer", "famous footballer", "celebrity",
                "celebrities")
"""A real person named by a role or fame ('add *the president*', 'put *a celebrity's* face on him'): no fill draws a
real person faithfully, so it is declined like a name (rules_add)."""
DRAWN_CHARACTERS = ("santa claus", "father christmas", "easter bunny", "tooth fairy")
"""Capitalised two-word names that are characters a fill can draw, never a real person to decline: 'add Santa Claus'."""
TEXT_CARRIED = ("that says", "which says", "that reads", "which reads", "saying", "reading", "that said", "to read",
                "to say",
                "with the words", "with the word", "with the text", "with the letters")
"""'a hat *that says* HELLO', 'a banner *saying* …', 'a jumper with MUM printed on it': words on a thing added —
the thing is added, the words are said to be left out (no tool writes text)."""
WRITTEN_PARTICIPLES = ("written", "printed", "spelled", "spelt", "lettered")
"""'a cap with CHAMP *written* across it'."""

# ---- wishes no tool has (rules_unsupported, handler `no tool`; issue 20, adds16) --------------------------

FACING_SUBJECTS = ("i'm", "im", "i am", "he's", "hes", "he is", "she's", "shes", "she is", "they're", "theyre",
                   "they are", "we're", "we are", "it's", "its", "it is", "he", "she", "it", "they", "we", "i")
"""'… so *I'm* facing the dolphin', 'turn the head so *it's* facing down': who is to be turned."""
FACING_WAYS = ("forward", "forwards", "the camera", "the other way", "the other side", "each other", "the front",
               "the left", "the right", "away", "toward", "towards", "straight on")
"""'make them *face forward*', 'have us face *the other way*': a subject turned, which no tool does."""
POSE_MOVES = ("move", "moving", "moved", "bring", "bringing", "photoshop", "shop", "put", "get", "make", "have",
              "pull", "push", "orient", "rotate", "turn")
"""Verbs that move a subject: '*bring* us back together', '*photoshop* him closer to the others'."""
BROUGHT_TOGETHER = ("us", "them", "the two", "the two groups", "the groups", "both groups", "both of us", "everyone",
                    "the people", "the couple", "the two of us", "the band")
"""Who is brought together ('bring *the two groups* together'); never pictures ('get some pictures together')."""
SHRUNK_IN_PLACE_VERBS = ("shrink", "shrinking", "shrunk", "downsize")
"""'*shrink* my car', 'shrink the size of the baby': a thing made smaller in place — no tool resizes part of a photo."""
LIGHT_SOURCES = ("lamp", "laptop", "screen", "phone", "monitor", "tv", "candle", "candles", "fire", "fireplace",
                 "campfire", "torch", "flashlight", "lantern", "computer", "neon sign", "streetlight", "street lamp")
"""'as if the glow came *from the monitor*': a relight from a source no tool can cast light from."""
TURNED_INTO_WORDS = ("turn", "turned", "turning", "change", "changed", "changing", "transform", "transformed",
                     "transforming", "convert", "converted", "morph", "morphed")
"""'*turn* him into a ghost', '*change* her into a cartoon': a person made into something else."""
NOT_A_CREATURE = ("png", "transparent", "cutout", "cut out", "cut-out", "sticker", "silhouette", "headshot",
                  "black and white", "b&w", "greyscale", "grayscale", "different", "another", "other", "new",
                  "someone", "somebody", "something")
"""What a person is 'turned into' that is an edit of the photo or another person, not a creature ('turn her into a
png', 'change the toddler to another one' is the replace's)."""
WRITTEN_WISH_VERBS = ("say", "says", "read", "reads", "spell", "spells")
"""'make it *say* OPEN', 'the sign should *read* CLOSED instead of OPEN': text rewritten, which no tool writes."""
NOT_WRITTEN_AFTER = ("goodbye", "bye", "hello", "hi", "thanks", "thank", "sorry", "no", "yes", "it", "this", "that",
                     "the", "more", "properly", "clearly", "better", "easily", "what", "whatever", "anything",
                     "something", "a lot", "much", "cheese")
"""After 'to say' / 'to read', words that write nothing: 'I had to say *goodbye*', 'so I can read *the* note'."""
HOLDING_WORDS = ("holding", "grabbing", "hugging", "carrying", "petting", "cuddling", "feeding", "kissing", "stroking")
"""'add a woman *holding* the cat': the one added is the woman, drawn around the cat she holds (rules_add)."""

# ---- composites and drawings no tool makes (rules_unsupported; issue 20, notool round 16) --------------------------
FACE_COPIED_ONTO = ("everyone", "every one", "everybody", "every body", "each of", "all of", "the others",
                    "all the others", "the rest", "all the rest", "everyone else", "every one else", "the other")
"""'put the groom's face *on everyone else*': one face copied onto the others — a face swap, never a removal."""
FACE_SWAP_VERBS = ("change", "swap", "switch", "replace", "turn", "make")
"""'*change* his face to <a name>': a face made a particular person's (rules_unsupported reads the name)."""
FETCH_VERBS = ("find", "get", "grab", "use", "search for", "look for", "look up")
"""'*look for* a photo of a tiara and put it on my cat': a thing fetched from another picture — a composite ('take a
picture of …' is photographing, not fetching)."""
DRAW_VERBS = ("draw", "draws", "drawing", "sketch", "trace")
DRAWN_SHAPES = ("outline", "outlines", "circle", "circles", "rectangle", "rectangles", "box", "boxes", "line", "lines",
                "arrow", "arrows", "square", "shape", "shapes")
"""'*draw* a rectangular *outline* in light grey': a shape drawn on the photo — no tool draws lines (an add would paint
a thing called 'outline'). A border or a frame is the crop tool's ('add a white border')."""
OTHER_PICTURE_ORDINALS = ("other", "another", "second", "first", "next", "2nd", "1st", "different", "separate")
"""'the sky *in the other shot*', 'the sky from my *second* photo': a part of another picture brought in."""

# ---- critiques, complaints and soft amounts (rules_tone, rules_enhance; issue 20, critique round 17) ---------------
GENTLE_LIMITS = ("nothing drastic", "nothing too drastic", "nothing major", "nothing too major", "nothing crazy",
                 "nothing too crazy", "nothing extreme", "nothing too extreme", "nothing dramatic",
                 "nothing too dramatic", "nothing over the top", "nothing too much", "not too much", "not too strong",
                 "not overboard", "not too heavy", "don't overdo it", "dont overdo it", "without overdoing it",
                 "not over the top", "nothing heavy", "nothing too heavy", "keep it subtle", "just a hint",
                 "just a smidge", "ever so slightly")
"""A limit said as a large amount denied ('brighten it, *nothing drastic*', 'warm it up, *not too much*'): the small
amount, said in the reply — read before `LARGE_AMOUNTS`, whose 'much' and 'drastically' sit inside some of them."""
AMOUNT_TAIL_ENDS = ("so", "and", "to", "but", "please", "pls", "plz", "if", "as", "for", "because", "thanks",
                    "thank", "then", "while", "without")
"""Where an amount said after the thing ends ('lighten this picture *a lot so* it looks sunny', 'darken the sky
*slightly please*'): the amount is the tone word's, read across the thing between."""
BUSY_LOOKS = ("busy", "cluttered", "distracting", "messy", "chaotic")
"""A background said too full ('the background behind her *less busy*', 'the background is *cluttered*'): blurred,
never a new background by that name."""
FAULT_FIXES = {
    **{felt: "brighten {}" for felt in FELT_DARK}, "gloomy": "brighten {}", "murky": "brighten {}", "shadowy": "brighten {}",
    **{felt: "darken {}" for felt in FELT_BRIGHT}, "light": "darken {}",
    "dull": "make {} more vivid", "muted": "make {} more vivid", "flat": "make {} more vivid",
    "lifeless": "make {} more vivid", "bland": "make {} more vivid", "washed out": "make {} more vivid",
    "washed-out": "make {} more vivid", "faded": "make {} more vivid", "drab": "make {} more vivid",
    **{look: "blur {}" for look in BUSY_LOOKS},
    "blurry": "sharpen {}", "blurred": "sharpen {}", "out of focus": "sharpen {}", "soft": "sharpen {}",
    "saturated": "make {} less vivid", "oversaturated": "make {} less vivid", "over-saturated": "make {} less vivid",
    "harsh": "make {} softer", "contrasty": "make {} softer", "muddy": "make {} more vivid",
}
"""A fault said of a thing in a critique that lists several ('the subject is too dark, the background is busy and the
colours are dull'): the edit that corrects it, said as a command on the thing ({}), each planned as that command
would be (rules_enhance.several_faults) — in the order said."""
DEGREE_WORDS = tuple(dict.fromkeys((*SMALL_AMOUNTS, *LARGE_AMOUNTS, "too", "so", "overly", "pretty", "quite", "rather",
                                     "kinda", "kind of", "all", "terribly", "badly")))
"""How much a fault is said, any number of them before it ('*way too* dark', '*a bit* flat', '*pretty* dull', 'it is
*really* backlit'): the amounts, and intensifiers that say no amount of their own; 'too' marks a fault said with no verb
('faces too dark'). Read by the critique reader and the clause stage's borrowed fault."""
FAULTS_NOT_ENOUGH = {
    "bright": "brighten {}", "vibrant": "make {} more vivid", "vivid": "make {} more vivid",
    "colourful": "make {} more vivid", "colorful": "make {} more vivid", "sharp": "sharpen {}", "clear": "sharpen {}",
    "warm": "warm {} up", "saturated": "make {} more vivid",
}
"""The same, said as a quality that falls short ('the colours are not vibrant enough')."""
FAULT_PRONOUNS = {"she": "her", "he": "him", "they": "them", "i": "me", "we": "us", "it": "it", "this": "it",
                  "everything": "it", "everyone": "everyone", "i'm": "me", "it's": "it", "its": "it"}
"""Who a fault is said of, as the command names them ('she is too dark' → 'brighten her')."""
LACKED_PROPERTIES = ("colour", "color", "colours", "colors", "contrast", "light", "saturation", "brightness")
"""A property said missing, with no verb ('lacks colour', 'lacking contrast'): more of it."""

# ---- what the clause stage carries across clauses (rules_clauses; issue 20, clauses17) ----------------------------
DONE_VERB_PARTICLES = ("up", "down", "out", "off", "away")
"""'darken *up* the sky remove …': the particle of an edit already done on its thing, before the run-on's next verb."""
DONE_THING_PLACES = ("around", "on", "in", "at", "to", "near", "behind", "of", "from", "off", "for")
"""'erase the kid *from* the shot add …', 'shift the tint *for* the entire scan remove …': where the edit before a
run-on's next verb was done."""
MORE_THING_LEADS = ("and", "also", "plus", "oh", "oh and", "if possible", "if you can", "maybe", "perhaps", "possibly",
                    "preferably", "ideally")
"""'remove the bin. *Also* the sign?', '… *and possibly* the vans': one more thing for the removal before, said with no
verb of its own."""
PARTIAL_SHARES = ("some of", "a few of", "most of", "many of", "several of")
"""'remove *most of* the wrinkles', '*some of* the marks': a part of the things named is wished — the name is the noun,
and since no finder picks which ones, every one found is taken and the reply says so (rules_target `Target.share`;
issue 20, runon23)."""
MORE_THING_SHARES = (*PARTIAL_SHARES, "any of", "all of", "one of", "both of")
"""'… and also maybe *some of* the cars': how much of the thing goes — the thing is still named."""
MORE_THING_TAILS = ("too", "also", "as well", "if possible", "if you can")
"""'… (maybe the streak *also*)', 'and the pram *too*': said after the one more thing."""
MORE_THING_OPENERS = ("the", "his", "her", "their", "my", "its", "our", "that", "this", "those", "these")
"""A thing already there, to go as well ('also *the* sign'); 'maybe *a* brick wall behind us?' wishes a new one."""
FELT_FIXES: dict[str, tuple[str, ...]] = {"brighten": FELT_DARK, "darken": FELT_BRIGHT}
"""'the shot is backlit. can you fix the kids?': a fix said of a thing after the photo's exposure was named the fault is
that fault taken away there — the thing lifted out of the dark, or brought down from the glare."""

# ---- replace, recolour and add said the way people say them (rules_edits, rules_add; issue 20, edits17) -----------
METAL_COLOURS = frozenset({"gold", "golden", "silver", "copper", "bronze", "platinum", "chrome"})
"""A metal said as what a thing becomes is its colour ('change the handles to copper', 'make the frame chrome'), never a
new thing called 'gold' painted in — though each is also a thing (`COLOR_NOUNS`: 'remove the gold on her wrist')."""
COLOUR_DEGREES = ("very", "really", "super", "so", "extra", "quite", "completely", "totally", "fully", "entirely",
                  "properly", "proper", "truly", "pure", "bright", "vibrant", "deeper", "much more", "way more")
"""How strongly a colour is asked for on a thing, between the thing and the colour: 'make the sea *really* blue', 'make
his jacket look *very* red' — a recolour, never the photo's cast measured."""
COLOUR_LOOK_VERBS = ("look", "appear", "seem")
"""'make his scarf *look* purple': the colour the thing is to have, said through how it looks."""
ALTERNATIVE_LEADS = ("or", "or maybe", "or perhaps", "or possibly", "or even", "or else", "either that or")
"""'add a hat *or* a crown', 'give him glasses *or maybe* a hat': a second thing offered instead of the first — the first
is added and the other said, never both."""
NO_ALTERNATIVE_THINGS = ("two", "three", "more", "so", "something", "anything", "whatever", "similar", "other",
                         "others", "both", "not", "none", "nothing", "something similar", "something like that",
                         "something else", "anything else", "whatever you like", "whatever you think")
"""After 'or', words that offer no second thing: 'add a bird *or two*', '… a hat *or something*' — the add as said."""
DAMAGED_THING_WORDS = ("broken", "cracked", "torn", "ripped", "dented", "chipped", "bent", "smashed", "shattered",
                       "damaged", "scratched", "scuffed", "snapped", "busted", "wrecked", "peeling", "rusty", "rusted")
"""'fix the *broken* fence', 'repair her *cracked* phone screen': a thing in the scene said damaged — its repair (a fix
of that thing, drawn whole), never the photo's tone or a question."""
THING_DEFECTS = ("dent", "dents", "crack", "cracks", "chip", "chips", "scratch", "scratches", "scuff", "scuffs", "rip",
                 "rips", "tear", "tears", "hole", "holes", "stain", "stains", "rust", "mark", "marks")
"""'fix *the dent* in the car door': a defect named on a thing — the defect removed (the fill repairs it)."""
DAMAGE_AREA_WORDS = ("area", "areas", "part", "parts", "bit", "bits", "spot", "spots", "section", "sections", "corner",
                     "corners", "edge", "edges", "side", "sides")
"""'fix the damaged *areas*': damage of the photo itself (rules_damage), not a damaged thing to repair."""
WORN_THINGS_FIXED = ("tie", "bowtie", "bow tie", "collar", "shirt", "dress", "jacket", "scarf", "hat", "cap", "veil",
                     "sleeve", "sleeves", "necklace", "strap", "straps", "hem", "buttons", "zip", "zipper", "lapel")
"""'fix my tie', 'fix the unbuttoned shirt on him': what someone wears, put right — a fix drawn neat (never the photo's
tone, nor a question)."""

# ---- slang verbs, terse titles, meta words, lettering (issue 20, verbs18) ----------------------------------------

LETTERING_CHANGE_VERBS = ("change", "changing", "replace", "switch", "swap", "turn", "make")
"""'*change* the 7 on his shirt to 9', '*replace* ABC with ABD': a verb that rewrites lettering when what it changes and
what it makes are numbers or capitals (rules_unsupported)."""
LETTERING_NAMES = ("number", "numbers", "digit", "digits", "letters", "initials", "numeral", "numerals")
"""'change the jersey *number* to 12': a written mark named by what it is, before the number it becomes."""
FILTERED_PICTURES = ("photo", "image", "picture", "pic")
"""'*filter photo* lighter', 'filter the picture to clear the spots': 'filter' before the photo is its edit verb, read
as 'edit' (rules_text) — never a verb elsewhere ('put a green filter over the picture' is a look, 'filter out the yellow')."""
NEW_THING_PLACERS = ("into", "onto")
"""'photoshop green flames *into* this pic', 'shop headphones *onto* the man': a bare thing put somewhere is new."""
NEW_THING_OPENERS = ("a", "an", "some")
"""What opens a new thing after a slang verb; 'a bit', 'a picture of us' (`AMOUNT_NOUNS`, `PICTURE_NOUNS`) open none."""
POSE_STANCES = ("standing", "stand", "facing", "face", "sitting", "sit", "posed", "posing", "turned", "leaning",
                "lean")
"""'edit me so I'm *turned* towards the others', '… so I'm *looking at* the lens': a subject re-posed, which no
tool does (rules_unsupported)."""
GAZE_WAYS = ("at", "towards", "toward", "forward", "forwards", "away", "straight", "into", "the same way",
             "the other way")
"""'… so I'm *looking at* the camera', '… so we all look *the same way*': a gaze turned ('so I look thinner' is none)."""
MONEY_UNITS = ("dollars", "dollar", "bucks", "usd", "quid", "euros", "euro")
"""'*$10 bucks* to the best edit', '*5 dollars* to whoever does it': a reward offered, never a thing to edit (rules_text)."""
PAYMENT_APPS = ("paypal", "venmo", "cashapp", "cash app", "zelle", "btc", "bitcoin")
REWARDED_ONES = ("the best edit", "the best one", "the best response", "the best answer", "the best result",
                 "the best attempt", "the winner", "whoever does it", "whoever does it best", "the help",
                 "your help", "your time")
"""Who a reward goes to: '$10 to *the best edit*' — said with the amount, all of it manners."""
POINTER_LEADS = ("details", "detail", "more details", "info", "more info", "information", "more information",
                 "explanation", "more explanation", "instructions", "more instructions", "specifics", "more")
POINTED_PLACES = ("comments", "comment", "first comment", "description", "post", "caption", "thread", "op")
"""'*Details in* the *description*', '(more info in comments)': the request points to words we are not given — manners,
never 'detail' read as sharpening nor 'more' as a comparison (rules_text)."""
WHITE_FORMS = ("whiten", "whiter", "whites", "whitest", "whitened", "whitening", "whitish", "whiteness", "whitewash",
               "whiteboard", "whiteout")
"""Words that begin 'white' and are words: after 'black and', any other ending is a stray word glued on ('black and
whiteok' is black and white; rules_text)."""
GROWN_PHOTO_WORDS = ("bigger", "larger")
KEPT_QUALITY_WORDS = ("high quality", "good quality", "the same quality", "full quality", "hd", "high res",
                      "high resolution", "good resolution")
"""'make it *larger, still in high quality*': the photo made larger with its quality kept — an upscale, which no tool does,
never an enhance of the photo as it is (rules_unsupported)."""

# ---- the GIER tone gap and local tone (rules_tone, rules_enhance; issue 20, tone18) -----------------------------

SUN_SHINING = ("shine", "shining", "come out", "out", "be out")
"""'make the *sun shine*', 'make the sun *come out*': sunshine wished for the whole photo — the summer look by tone
(`LOOK_PRESETS`), not a thing called 'shine'."""
SUNNY_PLACES = ("sky", "day", "weather", "scene", "afternoon", "morning")
"""'make the *sky* sunny', 'make the *day* sunnier': what a sunny look is said of when it is the whole photo's light —
the summer look, never a new sky."""
SHINE_SOURCES = ("flash", "flashes", "sun", "lamp", "lamps", "lights", "light", "window", "windows", "camera",
                 "spotlight", "spotlights", "bulb", "bulbs")
"""'tone down the glare *from the flash*', 'the shine of the lamps': where a shine comes from — no place to mask it to,
so the photo's exposure is measured."""
TINT_PARTICIPLES = ("toned", "tinted", "tinged", "coloured", "colored", "hued")
"""'add a red *toned* filter', 'a blue *tinted* overlay': how a tint asked for is said between its colour and the filter —
the same cast asked for as 'a red filter'."""
FRIZZ_WORDS = ("frizz", "frizzes", "frizziness", "frizzy", "frizzy bits")
"""'remove the *frizz* in her hair', 'make his hair less *frizzy*': a texture of the hair, not a thing — the hair softened
there (a light smoothing), never painted out (stray strands, 'flyaways', are removed)."""
FRIZZ_TAMING_VERBS = ("take", "tame", "taming", "calm", "calming", "smooth", "smoothing", "smooth out", "soften",
                      "softening", "reduce", "reducing", "lessen", "less", "fix", "fixing")
"""'*tame* the frizz', 'make it *less* frizzy', '*take* the frizz out': what asks the frizz down, beside every removal verb."""
FRIZZ_HOLDERS = ("hair", "fur", "beard", "mane")
"""What frizz is said to be in ('the frizz in *his beard*'): the thing softened; with none named (or curls, a fringe), the
hair."""

# ---- a fault stated in a clause of its own (rules_clauses; issue 20, clauses18) -------------------------------------
FAULTS_ON_A_FACE = ("black eye", "black eyes")
"""'the dad has *a black eye*': a fault on a face said with no verb — the fix of it, as `DEFECT_WORDS` and `EYE_FLAWS`
are (rules_clauses.stated_fault)."""
FAULT_HOLDERS = ("has", "have", "had", "has got", "have got", "'s got", "got")
"""'the dad *has* a black eye', 'the print *has got* a crease': the verb that says a thing carries a fault."""
PRINT_NOUNS = ("print", "prints", "scan", "negative", "original", "copy", "lens", "camera")
"""What a photo's fault can be said to be on besides the picture itself: '*the print* has a crease', '*the lens* has
dust on it' — a fault of the photo, to fix."""

# ---- a new thing said with 'make' and what it is doing (rules_clauses; issue 20, clauses18) --------------------------
ARRIVING_WORDS = ("coming", "rising", "emerging", "jumping", "leaping", "popping", "flying", "peeking", "peeping",
                  "crawling", "climbing", "swimming", "sticking", "poking", "bursting", "breaking", "sitting", "standing",
                  "hanging", "lying", "floating", "hovering", "walking", "running", "looming", "landing", "diving")
"""'make *a sea serpent rising* out of the lake': a thing named with an article, then what it is doing — a new thing
painted in, so the 'make' is an add (never an edit of the photo)."""

# ---- verbs no tool does, in a run-on line (rules_clauses; issue 20, clauses18) -------------------------------------
WARP_VERBS = ("distort", "warp", "squish", "liquify", "liquefy")
"""'*distort* the image', '*warp* his face so it looks funny', '*squish* the photo up': the pixels bent — no tool here
warps a picture or a part of it, so the wish is declined with what can be done (rules_unsupported); they start a command in a run-on
line as the resizing verbs do (issue 20, refuse22)."""
NO_TOOL_RUN_ON_VERBS = ("resize", "shrink", "downsize", "upscale", "rescale", "scale down", "scale up", *WARP_VERBS)
"""'remove the box *shrink* the image add a cat': a verb no tool does still starts (and ends) a command in a run-on
line, so the edits beside it are cut apart and planned, and it is said left out (rules_unsupported reads it) — never
glued to the words of the next edit."""

# ---- a request written as steps of a tutorial (rules_clauses; issue 20, clauses18) ----------------------------------
STEP_ORDINALS = ("first", "next", "last", "final", "second", "third")
"""'*the first thing* is to tilt it …', '*the last thing* you're gonna do is …': which step of a told list this is."""

# ---- an amount said right after a name (rules_target; issue 20, garble19) -------------------------------------------
CLOSING_DEGREES = ("far", "a lot", *(amount for amount in SMALL_AMOUNTS if amount != "bit"))
"""'make it *far* brighter', 'the sky far more blue', 'dim the reflection *a little*', 'her cheeks *little* rosier': how much,
closing a name after a word that can name the thing — never part of the name ('the far wall' has it first). The small
amounts (`SMALL_AMOUNTS`) but 'bit' alone, which ends a name ('the drill bit'), and 'far' and 'a lot'."""
CLOSING_PARTICLES = ("out", "-out", "up", "to")
"""'make my freckles pop *out more*', 'the lantern pop-out a little more': what a look verb read elsewhere leaves of
itself before a closing 'more' or amount."""

# ---- the blur and background round 19 (issue 20, blurbg19) -------------------------------------------------------

STAND_OUT_VERBS = ("stand", "stands", "standing", "pop", "pops", "popping")
"""'edit the groom so he can *stand out*', 'edit the kite to *pop out*': the out is the standing's, no removal's particle."""

# ---- a sunburn on a person (rules_enhance; issue 20, parts20) -------------------------------------------------------
SUNBURN_WORDS = ("sunburn*", "sun-burn*")
"""'fix his *sunburnt* face', 'take down the *sunburn* on her nose': skin gone red from the sun — the part cooled, a tone
(`rules_enhance._sunburn_cooled`), never a fill that repaints the face or a thing called 'sunburn' painted out."""

# ---- a size for a phone said by its model (rules_geometry; issue 20, canvas20) ------------------------------------
SCREEN_PHONES = tuple(name for name in PHONE_NAMES if name != "galaxy")
"""Phones whose name before a screen word names a phone's screen ('my *samsung* wallpaper', an *iphone* xr background'
once the model is taken off): every phone name but a bare 'galaxy', whose background is a starry sky."""
PHONE_LINES_ALSO_WORDS = ("galaxy", "note", "pixel")
"""Phone lines whose bare name is also an everyday word — a starry sky, a message, a dot: a phone only where a model
number or its screen is said ('the pixel 6 on the desk', 'the screen of my note 4')."""
MODEL_ONLY_PHONES = tuple(name for name in PHONE_LINES_ALSO_WORDS if name not in PHONE_NAMES)
"""Phone lines people name by model alone ('the screen of *a note 4*', 'the screen of *my pixel* 3'): a phone only where
the words say its screen, as 'a note' is otherwise a message and 'a pixel' a dot."""
SCREEN_THINGS = ("wallpaper", "wallpapers", "background", "backgrounds", "screen", "lock screen", "lockscreen",
                 "home screen", "resolution", "display")
"""What of a phone has its screen's shape: 'make it an iphone 5 *wallpaper*', 'convert it to galaxy s8 *resolution*'."""

# ---- a part the frame cuts, brought into view (rules_canvas; issue 20, canvas20) -----------------------------------
EDGE_PARTS = tuple(word for words, sides in IMPLIED_SIDES if len(sides) == 1 for word in words)
"""The parts of a person that only one edge of the frame cuts ('his *head*', 'her *feet*'): which side grows when the
frame is moved to show them (IMPLIED_SIDES says which)."""
SHOW_UP_VERBS = ("show", "shows", "showing")
"""'make the book cover *show up*', 'get the stars to *show up* more': the up is the showing's — no removal's particle
('cover … up'), and the thing is to be made more visible (`VISIBLE_LOOKS`, rules_wishes)."""
IN_VIEW_WORDS = (*SHOW_UP_VERBS, "in frame", "in the frame", "in the picture", "in the shot", "in view",
                 "fits", "fit", "can be seen", *SHOWN_WORDS)
"""'move the picture up so his head *shows*', '… until her feet are *in frame*': a part of the person said to come into
view (the words that tell a thing is shown, SHOWN_WORDS, among them)."""

# ---- target heads garbled by the words around them (issue 20, heads20) ------------------------------------------

FORM_PLACEHOLDERS = ("na", "n/a", "n.a.", "n.a")
"""What a form's empty field leaves before a request ('NA brighten her face', 'n/a take out the bin'): no word of the
edit. Only before a command verb (`rules_text._LEAD`), so the verb opens the clause and reads as it does alone."""
COLOUR_QUALIFIERS = ("real", "true", "natural", "original", "actual", "exact", "same", "different", "overall",
                     "current", "normal", "usual", "proper", "correct", "wrong")
"""Words that say which colour, not whose ('the *real* colour of her coat', 'the *same* colour of the sky'): never the
part a colour belongs to in 'the X colour of the Y' (`rules_target.owned_colour_part`)."""
TINGED_COLOURS = tuple(colour for colour in COLORS if colour.endswith("ish"))
"""A colour with a tinge ('reddish', 'greenish'): before another colour it is that colour's shade ('a *greenish* blonde',
'*bluish* grey'), one colour asked for, not two."""
ONE_ALONE_LEADS = ("no", "any", "every", "each", "some", "which", "someone", "anyone", "everyone", "no-one", *POINTING_WORDS)
"""Words after which 'one' is a word of its own ('no one', 'every one', 'that one'), never a stand-in for the thing's
name in a new thing's words ('a partly cloudy *one*': `rules_target.one_named`)."""

# ---- replace, recolour, fix and add said the way people say them (issue 20, edits20) ---------------------------------
CLOSED_STATES = ("closed", "shut", "close")
"""'make their mouths *closed*', 'her eyes *shut*': a part of a face wished closed — that part's fix, painted closed
(rules_wishes), never a thing called 'closed'. 'open' is `OPENED_EYES`."""
STATE_PARTS = ("eyes", "eye", "mouth", "mouths", "lips")
"""The parts of a face that open and close: 'close his *mouth*', 'make her *eyes* look shut'."""
CLOSED_PART_PROMPTS: dict[str, str] = {
    "eye": "naturally closed eyes, relaxed eyelids",
    "mouth": "a naturally closed mouth, lips together",
    "lip": "a naturally closed mouth, lips together",
}
"""What a part wished closed is painted as (the fix prompt, beside `FIX_PROMPTS`' natural parts)."""
CREATION_VERBS = ("show", "have")
"""'*show* smoke rising from the chimney', '*have* a rainbow over the hill': a verb that makes a new thing be there when
a new thing and where it is (or what it is doing) follow — an add, as 'add' says it; 'show the dog better', 'have a
look at it' are not."""
CREATED_PLACES = (*(place for place in PLACE_PREPOSITIONS if place not in ("to", "at")), "from", "out of")
"""Where a thing made to be there by a `CREATION_VERBS` verb is said to be ('… *over* the hill', '… *from* the volcano'):
the places of `PLACE_PREPOSITIONS` and where it comes from — not 'to' or 'at' ('have a go *at* it')."""

# ---- target heads (rules_target; issue 20, heads21) ----------------------------------------------------------------
REASON_LEADS = ("because", "cuz", "coz", "bc", "since", "although", "though", "unless")
"""A reason or a condition said after a name ('remove the bottle *because* it looks messy', 'the bins *since* they
spoil the view'): told words that end the name, never part of what the finder looks for."""

# ---- tone beside what to avoid, a condition, or a place of the picture (rules_tone; issue 20, tone21) ------------
HOLDS_NO_TONE = WHOLE_WORDS + ("all", "everything", "general", "overall", "it", "this", "that", "these", "those",
                               "them", "there", "here", "a", "an", "some", "any", "most", "many", "several", "few",
                               "on", "in", "order")
"""Words that can follow 'brightness on' / 'contrast of' and name no thing that holds the tone — the whole picture
('contrast *on entire* image'), no place ('light *in general*', 'in order to') or only how many ('in *most* areas') — so a
holder said without an article ('reduce brightness on forehead') is read only past them (rules_tone `_HELD_BY`)."""

# ---- a person described in an aside after a person (rules_story; issue 20, second22) ------------------------------
DESCRIBING_WORDS = ("with", "in", "wearing", "holding", "carrying", "taking", "doing", "dressed")
"""What follows a person said again in an aside and marks them out ('man *with* the cap', 'lady *holding* a cup',
'guy *taking* the selfie'): the aside describes the one before it (`rules_story.describes_the_one_before`)."""

# ---- wishes no tool grants, said honestly (rules_unsupported, rules_edits, rules_wishes; issue 20, refuse22) -------
RESOLUTION_QUALITY_CUES = (*CLEAR_WISHED, *SHARPNESS_NOUNS, *QUALITY_CONDITIONS, "hd", "look", "looks", "blurry",
                           "blurred", "pixelated", "pixely", "grainy", "noise", "noisy", "detail", "details", "improve*",
                           "enhance*", "better")
"""Beside a resolution wish, what a tool can do something about ('sharper resolution', 'make it look high res', 'less
pixelated, higher res'), or the resolution wished better rather than bigger ('improve the resolution', 'make the
resolution better': how sharp it looks): the noise and sharpness corrected, with a note that no pixels are added. More
resolution wished alone ('redo it at a higher resolution', 'raise the pixel count') is an upscale, refused."""
LENS_WARPS = ("barrel distortion", "pincushion", "pincushion distortion", "lens correction", "lens warp", "undistort*",
              "un-distort*")
"""'correct the *barrel distortion*', '*undistort* it': the lens's own bend, which no tool straightens — read with
`PERSPECTIVE_WORDS` (a 'distortion' alone is read as blur)."""

# ---- replacing said without the word 'replace' (rules_add, rules_edits; issue 20, replace23) -----------------------
_GROWN_OR_FLAWED_PARTS = ("hair", "beard", "moustache", "mustache", "red eye", "red eyes", "red-eye", "red-eyes")
"""Parts of a person that not everyone has ('give him a beard' adds one) or that name a flaw, not a part."""
HAD_PARTS = tuple(dict.fromkeys((*FACE_WORDS, *(part for part in FIXABLE_PARTS if part not in _GROWN_OR_FLAWED_PARTS),
                                 "body")))
"""Parts every person already has: a new one given or put on someone ('give her a fox face', 'put a clown nose on him')
replaces theirs (rules_add `_part_given`), where a thing they lack ('give her a hat', 'a beard') is added on them."""
SHOWING_VERBS = ("show", "shows", "showing", "feature", "features", "featuring", "depict", "depicts", "depicting",
                 "display", "displays", "displaying", "portray", "portrays")
"""'change the poster *to show* a horse', 'make the mug *feature* a fox': what a thing is to show is the new thing that
replaces it, never a verb in the prompt (rules_edits `_SHOWING_LEAD`)."""
CHANGED_ASPECTS = ("size", "shape", "style", "design", "theme", "angle", "position", "layout", "pose", "expression",
                   "direction", "orientation", "format", "order", "date", "time", "season", "weather", "font", "texture")
"""What 'change the …' can name that is an aspect of a thing or the scene, not a thing to put another in place of: a
bare 'change the size' is no replace to ask about (rules_edits `parse_changed_bare`)."""

# ---- commands run together with no punctuation (rules_clauses; issue 20, runon23) ---------------------------------
RUN_ON_LEAD_VERBS = ("use", "show")
"""Verbs that are no edit of their own but start a new command in a run-on line when a name follows them ('crop it
closer to the faces *use a* fisheye filter', 'remove the cables *show the* hill behind'): the command before keeps its
thing, and the new one is read (or said left out) on its own — never after 'to', 'you', an article ('to use the',
'you use the', 'the use of')."""

# ---- the background said around a kept thing, and background words that edit nothing (issue 20, bg23) ------------
AS_IT_IS_WORDS = ("intact", "untouched", "unchanged", "unaltered", "unedited", "as is", "as-is", "as it is",
                  "as it was", "the way it is", "how it is", "the same", "alone", "original", "in place")
"""How a thing is left when it is to stay as it is ('keep the background *untouched*', 'leave the backdrop *as is*'):
said of the background beside an edit, an instruction about how to do that edit — never a background edit."""
LEAVING_VERBS = (*KEEP_VERBS, "leave", "leaves", "leaving", "retain", "retaining", "preserve", "preserving")
"""'*leave* the background', '*keep* the backdrop behind him as is': what stays, said with the verb that keeps it."""
UNSAID_SCENE_LEADS = (*VAGUE_SCENE_WORDS, "random", "various", "funny", "fun", "crazy", "silly", "weird", "strange",
                      "interesting", "exotic", "famous", "all sorts of", "all kinds of", "lots of", "a bunch of",
                      "a few")
"""'edit my aunt into *random* scenes', 'put him into *different* places': where someone is sent, with no place
named — a new background whose content is not said."""
UNSAID_SCENE_NOUNS = ("things", "places", "locations", "settings", "scenes", "scenarios", "situations", "spots",
                      "stuff")
"""The nouns of places left unsaid ('random *things*', 'different *locations*'); one place ('put the cat in a different
*place*') is a move within the photo, not a new background."""

# ---- stories, captions and purposes read as edits (rules_damage, rules_wishes, rules_unsupported; issue 20, story23) --
CLEANED_PHOTO_KINDS = ("print", "prints", "polaroids", "tintype", "tintypes", "daguerreotype", "daguerreotypes",
                       "negative", "negatives", "photographs", "portraits", "snap", "snaps")
"""What an old photo is called besides `PICTURE_NOUNS` and `PICTURE_MENTIONS`: 'clean up this *tintype* of my great-aunt',
'tidy this old *print* up' — the photo itself, restored, never a thing in it taken out."""
TROUBLE_NOUNS = ("problem", "problems", "issue", "issues", "imperfection", "imperfections", "flaw", "flaws", "defect",
                 "defects")
"""Unnamed trouble said beside named damage ('it has a few marks *and problems*'): covered by the marks taken out and the
clean-up asked, never a thing of its own."""
FEELING_NOUNS = ("shame", "glory", "fame", "embarrassment", "humiliation", "honour", "honor", "justice", "karma",
                 "revenge", "respect", "dignity", "pride", "joy", "happiness", "misery")
"""What a joke or a purpose wishes on someone ('bring him great *shame*', 'give my cousin some *glory*'): a feeling no
tool paints — asked what to change, never an add of the words."""
STANDING_LOOKS = ("famous", "important", "rich", "wealthy", "powerful", "legendary", "popular", "successful",
                  "influential", "notorious", "like a celebrity", "like a legend", "like a big shot", "like a boss")
"""How someone should come across, with no look a tool makes ('make him look *famous*', 'make my aunt seem *important*'):
a creative wish with no concrete edit — asked what to change, and said why."""
NEARER_WORDS = ("closer", "nearer")
"""'make the crowd look *nearer* to the stage', 'photoshop him *closer* to the others': a subject moved, which no tool does."""
SKILL_LEVELS = ("best", "good", "great", "bad", "terrible", "awful", "novice", "beginner", "newbie", "noob", "expert",
                "pro", "skilled", "experienced", "handy", "amateur")
"""How good someone is said to be at editing ('she isn't *the best* at photoshop', 'I'm *a novice* at best with GIMP'):
a skill told, no edit (`rules_story.is_self_account`)."""

# ---- named leftovers (rules_remove, rules_target, rules_edits, rules_add; issue 20, leftovers24) ----------------------
COLLECTIVE_NOUNS = ("crowd", "audience", "traffic", "group", "team", "crew", "gang", "mob", "flock", "herd", "queue",
                    "clutter", "litter", "debris", "rubbish", "trash", "garbage")
"""One word for many people or things ('remove *some of the crowd*', 'most of the *traffic*'): a share said before it is a
share of many, as before a plural — every one found is taken and the reply says so (`Target.share`)."""
OWNING_PRONOUNS = ("mine", "yours", "his", "hers", "ours", "theirs")
"""'swap my face with *his*', 'replace her head with *mine*': someone's own face, said by a pronoun — a face swap, as
'with my sister's face' is (rules_edits `_face_swapped`)."""
THERE_PARTICLES = ("up", "down")
"""'erase the kite and put a gull *up there*', '… a bench *down there*': the place just named, pointed at with its
direction — where the thing taken out was (rules_edits `_PUT_IN_ITS_PLACE`); 'over there' points somewhere else."""

# Plain wishes answered "not sure" (issue 20, wish24): a part wished defined, most of the background faded, a colour
# given to a side of the photo.
DEFINING_VERBS = ("define", "redefine", "better define")
"""'*define* the hand', '*redefine* his jawline': the part made crisper — a sharpen there (as 'crisp up' is)."""
MOST_SHARES = ("most of", "the majority of", "majority of", "the bulk of", "much of", "almost all of", "nearly all of",
               "the greater part of")
"""'wash *the bulk of* the backdrop out': the background edit, done to all of it (no finder tells which part
to spare) and said so."""
COLOUR_GIVEN_AMOUNTS = ("some", "more", "extra", "a bit of", "a bit more", "a little", "a little more", "a little bit of",
                        "a touch of", "a touch more", "a hint of", "a tad of", "a tad more", "a splash of", "a dash of")
"""'add *a bit of* orange at the top', '*more* pink in the top left corner': how much of a colour is given to a side of
the photo — a tint there, never a thing called 'orange' painted in."""
WISHING_TO = ("looking to", "hoping to", "wanting to", "trying to", "wishing to", "i'm looking to", "im looking to",
              "i am looking to", "we're looking to", "i'm hoping to", "im hoping to", "i am hoping to")
"""'*hoping to* alter a few of the colours': a wish told of a change, the change itself the ask."""
SIZED_VERSION_NOUNS = ("version", "versions", "render", "rendering", "copy", "copies", "edit", "rendition", "print")
"""'could you produce a *2048x2048 version* of it?': a copy of the photo at a size is that size asked for (its shape)."""

# ---- an edit meant for one thing done to the whole picture (rules_enhance; issue 20, parts24) ------------------------
CLEANED_SURFACES = (*SCENE_PARTS, "skies", "water", "sea", "ocean", "lake", "river", "pond", "grass", "lawn", "field",
                    "hills", "mountains", "roof", "wall", "walls")
"""A broad stretch of the scene asked clean ('clean up the sky a little', 'tidy the lawn up', 'clean our chapel's roof'):
made to look clean there — an enhance of it, never the sky or the roof painted out as a thing to remove (things on it,
'clean up the bins', 'clean up the leaves', are still removed)."""

# ---- the background said in ways not read (rules_background; issue 20, bg25) -----------------------------------------
TIDYING_VERBS = ("clean", "tidy", "declutter", "unclutter", "neaten")
"""'*tidy up* the background behind my niece', '*declutter* the backdrop': the background cleaned of its clutter — the
same kind of scene, uncluttered — never taken away to transparency as 'remove the background' is."""
ELSEWHERE_WORDS = ("somewhere else", "somewhere new", "somewhere different", "someplace else", "elsewhere")
"""'set her *somewhere else*': the one in the photo in another place — a new background, which one unsaid."""
ONE_PLACE_NOUNS = tuple(noun[:-1] for noun in UNSAID_SCENE_NOUNS if noun not in ("things", "stuff"))
"""'put her in *a different location*', 'set me in a new *spot*': one place, unsaid, for who is there — a new background
(a thing said so, 'put the cat in a different place', is moved: `UNSAID_SCENE_NOUNS`)."""
SCENE_EXAMPLE_LEADS = ("like", "such as", "maybe", "perhaps", "say", "e.g.", "eg", "for example", "for instance",
                       "ideally", "preferably")
"""'a new setting*, like* a beach', '… *maybe* a forest': a vague new background, then the scene it is to be."""
MENDING_VERBS = ("repair", "mend", "patch up")
"""'*repair* the shed behind them', '*mend* the gate': verbs that only ever mean a repair — a thing in the scene drawn
whole again even when no damage is said ('fix' does so only for a thing placed in the background, `BEHIND_PLACES`)."""
BEHIND_PLACES = ("in the background", "in the back", "at the back", "in the distance", "in the far background",
                 "in the backdrop", "in the bg")
"""'fix the mailbox *in the background*': where a thing asked fixed stands — a thing of the scene, to repair."""
PAINT_COATS = ("paint", "paintwork", "varnish")
"""'fix the *paint* on the mailbox': the coat of a thing asked mended — the thing drawn with its coat intact, never the
paint removed."""
REMOVED_BACKDROPS = (*BACKDROP_THINGS, "window", "windows", "blinds")
"""'remove the curtain *behind her*', 'erase the window behind my son': what fills the frame behind someone, taken away —
a new background there, never one thing painted out of a space it fills (`BACKDROP_THINGS`, and a window)."""

# ---- a thing made to look dead, dry, rusty, autumnal or old (rules_wishes; issue 20, acts25) --------------------------
THING_STATE_LOOKS: dict[str, str] = {
    **dict.fromkeys(("dead", "dry", "dried", "dried out", "dried-out", "dried up", "dried-up", "wilted", "wilting",
                     "withered", "dying", "parched", "sun-scorched", "scorched"), "dried"),
    **dict.fromkeys(("rusty", "rusted", "rust-covered", "corroded"), "rusted"),
    **dict.fromkeys(("autumnal", "autumny", "autumn-coloured", "autumn coloured", "autumn-colored", "autumn colored",
                     "fall-coloured", "fall coloured", "fall-colored", "fall colored"), "autumn"),
    **dict.fromkeys(("old", "older", "aged", "weathered", "worn", "worn out", "worn-out", "ancient", "timeworn"),
                    "aged"),
}
"""'make the lawn look *dead*', 'the railing *rusty*', 'make the hedge look *autumnal*', 'make the shed look *old*': a
thing in the scene given the look of a state — no tool changes what a thing is, but the look is mostly its colour, so
each state names how it is made (`THING_STATE_COLOURS`, or the aged tone)."""
THING_STATE_COLOURS: dict[str, str] = {"dried": "yellowish brown", "rusted": "rust", "autumn": "orange"}
"""The colour a state is made by — a recolour of the thing; a state not here ('aged') is made by the vintage look's
tone, masked to the thing."""

# ---- someone put into another scene of the same kind (rules_unsupported; issue 20, acts25) -----------------------------
SCENES_SENT_TO = (*SCENE_WORDS, "water", "pool", "swimming pool", "pond", "stream", "creek", "waves", "surf", "bay",
                  "harbour", "harbor", "room", "living room", "bedroom", "kitchen", "stadium", "stage", "backyard", "yard",
                  "road", "bar", "restaurant")
"""Where someone is put 'into *other water*', 'into a different *pool*', 'onto another *beach*': a setting of the same
kind as theirs, drawn new behind them — a background change, never a composite of two pictures ('another *photo*')
nor a new garment ('a different *shirt*')."""

# ---- tone and colour words read as another edit (rules_tone, rules_edits; issue 20, tones25) -------------------------
SPLASH_NAMES = ("colour splash", "color splash", "colour-splash", "color-splash", "splash of colour", "splash of color",
                "selective colour", "selective color", "selective colouring", "selective coloring", "spot colour",
                "spot color")
"""The colour splash by name ('a colour splash on the umbrella', 'selective colour'): one thing kept in colour, the rest
made black and white — never a recolour or a thing called 'splash' added."""

# ---- things in and of the background still misread (rules_background, rules_clauses; issue 20, bgthings26) -----------
BACKGROUND_CORRECTED_TOPICS = (*MEASURED_TOPICS, "contrast", *NOISE_WORDS, *HAZE_WORDS)
"""What a measured correction fixes, said of the background ('fix the *lighting* in the background', 'correct the
*exposure* of the backdrop', 'clean up the *noise* in the background'): corrected there by measure — never a select of
a thing called 'fix' brightened, nor the whole photo's correction."""

# ---- a body slimmed down, a worn thing straightened (rules_unsupported, rules_edits; issue 20, edits26) --------------
SLIMMED_PARTS = (*HAD_PARTS, "waist", "waistline", "stomach", "belly", "tummy", "hip", "hips", "thigh", "thighs", "figure",
                 "chin", "chins", "cheek", "cheeks", "neck")
"""What 'slim down …' reshapes when it is no person named: a part of someone's body ('slim down his waist', 'slim the
face') — declined as a person reshaped, never a question about what to change."""

# ---- regional and whole-photo tone said in ways misread (rules_enhance, rules_tone; issue 20, tone26) ------------------
GREY_TINTS = ("grey", "gray", "greyish", "grayish")
"""A grey wished for the whole photo ('turn it all grey', 'make everything more grey'): the colours taken out — a grey
has no hue for a wash or a warmth to give."""
WHOLE_PHOTO_WASH = {"side": "top", "fraction": 1.0}
"""The side wash stretched over the whole photo: a tint in a colour neither warm nor cool ('give it a green tint')
washes all of it, part of the way, as a side's tint washes that side."""
TINT_SHARE = 0.25
"""How far the whole photo's own colours move towards a tint asked for it ('a magenta tint', 'a purple filter'): a
quarter of the way, a cast the photo's colours still read through. At the comparative's half (`COMPARATIVE_COLOUR_SHARE`)
a cup of coffee on a wooden table came out a mauve recolour, the crema grey-pink (looked at side by side, lead)."""

# ---- the thing looked for is not the thing named (rules_target; issue 20, heads27) ------------------------------------
_APPROXIMATE_WORDS = ("close", "near", "similar", *NEARER_WORDS)
_APPROXIMATE_LEADS = ("something", "anything", "a colour", "a color", "a shade", "a tone", "one")
APPROXIMATE_TAILS = (*_APPROXIMATE_WORDS, *(f"{lead} {word}" for lead in _APPROXIMATE_LEADS for word in _APPROXIMATE_WORDS))
"""'make the flamingos close to #303d4d', 'the sofa something near teal': how near the colour that follows is, left at
the end of the name when a reader cut it at 'to' — never the thing looked for (a select of 'close' or 'near')."""
# ---- an ID photo wished for, two pictures blended (rules_id_photo, rules_blend; issue 20, gier27) --------------------
ID_DOCUMENTS = ("passport", "passports", "visa", "id card", "identity card", "id photo", "id picture", "id pic",
                "id badge", "work id", "job id", "student id", "school id", "staff id", "employee id", "company id",
                "driver's license", "drivers license", "driving licence", "driver's licence", "drivers licence")
"""What an ID photo is for ('a *passport* photo', 'a photo for my *ID card*', 'for my *work ID*'): a plain light
background and a passport-shaped crop around the face — what the editors of such requests did. 'ID' alone is a typed
'I'd' too ('Id like the kid gone'), so it is listed only in a phrase that makes it a document."""
_ID_WISH_FILLERS = ("i", "we", "he", "she", "they", "you", "it", "this", "that", "these", "the", "a", "an", "one",
                    "need", "needs", "needed", "want", "wants", "would", "like", "look", "looks", "make", "turn",
                    "edit", "fix", "prepare", "get", "convert", "change", "do", "use", "help", "have", "into", "in",
                    "to", "be", "for", "as", "of", "suitable", "ready", "style", "type", "size", "sized", "format",
                    "proper", "new", "school", "work", "job", "form", "application", "renewal", "today", "asap",
                    "urgent", "please", "pls", "can", "could", "so", "is", "me", "him", "her", "them", "us", "up")
"""The words a wish for an ID photo is said in besides the document, the photo and whose it is ('*I need a* passport
photo *for school*', '*make* my nephew's picture *suitable for a* passport'): with nothing else in the clause, no edit is
named and the ID photo is made; any other word ('crop', 'white', 'slimmer') is an edit said, read by its own handler."""
ID_WISH_WORDS = frozenset(_ID_WISH_FILLERS) | frozenset(PICTURE_NOUNS) | frozenset(POSSESSIVES) | PERSON_WORDS
PICTURES_JOINED_VERBS = ("blend", "blends", "blended", "blending", "merge", "merges", "merged", "merging", "combine",
                         "combines", "combined", "combining", "fuse", "fusing", "splice", "splicing", "join", "joining")
"""'*blend* these two photos', '*merge* the dog into this card': two pictures made one — a composite, which no tool
here makes (the planner sees one picture)."""
JOINED_INTO_PLACES = (*(place for place in COMPOSITE_PLACES if place not in PICTURE_NOUNS), "card", "christmas card",
                      "birthday card", "postcard", "collage", "flyer", "cover", "group photo", "group picture",
                      "family photo", "family picture", "class photo", "team photo")
"""What a thing from elsewhere is blended into ('blend the dog into *this card*', 'merge my face with *the group
photo*'): another picture or a printed thing — not this photo said bare ('make the lamp blend better with *the picture*',
a pasted part corrected) nor a part of it ('blend her in with *the ocean*')."""
# ---- telling read as asking: who is who, purposes, blur told (rules_story, rules_keep_only; issue 20, story27) --------
WHO_SAID_IS = ("i'm", "im", "i am", "he's", "he is", "she's", "she is", "we're", "we are", "they're", "they are")
"""Someone said to be one of the people in the photo ('*she's* the one in the yellow coat', '*I'm* the tall guy with the
cap'): who is who, told — which people a keep-only keeps, never an edit of its own (`rules_story.who_is_who`)."""
# ---- clauses lost or read as another edit: angles, the picture's size, layouts (rules_geometry, rules_unsupported;
# issue 20, drops27) ----------------------------------------------------------------------------------------------------
ANGLE_SETTING_VERBS = ("change", "set", "make", "put", "switch", "adjust")
"""Verbs that set the photo to an angle said in degrees ('change it to 90 degrees', 'set the picture at 45°'): a turn
of the photo, as 'rotate it 90°' is — only with the degrees said and the photo (or nothing) as the object."""
SIZE_CHANGE_VERBS = ("increase", "reduce", "decrease", "lower", "raise", "minimize", "minimise", "maximize", "maximise")
"""Verbs that change a size said as a noun ('*lower* the size of my photo', '*increase* the image size'): the photo
resized, or a thing in it when one is named after 'size of'."""
LAYOUT_VERBS = ("arrange", "rearrange", "re-arrange", "line", "lay")
"""Verbs that lay things out anew ('*arrange* the heads in a row', '*line* them up side by side'; 'line' and 'lay' only
with a layout's shape after them): a layout, which no tool makes — declined with what can be done, never a removal of
what was cut out for it."""
LAYOUT_SHAPES = (*_each("in|into|as", "a|one", "row|line|column|grid|circle|stack|pile|collage|pattern"), "vertically",
                 "horizontally", "side by side", "next to each other", "on top of each other", "in rows", "in columns")
"""How a layout is to be arranged: 'in a row', 'vertically', 'side by side'."""
COLLAGE_WORDS = ("collage", "photo collage", "picture collage", "photo grid", "mosaic")
"""A layout named by what it makes: 'make a *collage* of the faces'."""

# ---- bodies reshaped and things placed by depth (rules_unsupported, rules_target, rules_region; issue 20, body28) ------
LEANED_WAYS = (*PLACE_PREPOSITIONS, *FACING_WAYS, *SIDES, "against", "back", "backward", "backwards", "forward", "forwards", "out")
"""After 'lean', where to: 'make him lean *against* the wall', 'have her lean *forward*' is a pose, never a body made
lean ('make my body lean')."""
# ---- colour and tone said in pairs, tints put on a thing (rules_edits, rules_clauses; issue 20, pairs28) -------------
TINT_NOUNS = ("tint", "tints", "tinge", "hue", "hues", "tone", "tones", "cast", "wash", "glow", "overlay")
"""A colour said as a cast laid over a thing ('an orange *hue* on his face', 'a pink *tinge* to the clouds'): the thing
washed with it part of the way (`TINT_SHARE`), its own colours still read through — not a colour given all the way,
as 'red *colour*', 'red *paint*' or 'a red *shade*' are (those are colours named, not casts; see `CAST_NOUNS` for the
casts a whole photo is corrected of)."""
TINT_SIZES = ("slight", "subtle", "faint", "gentle")
"""'a *slight* blue tint on the water': a tint said small, before its colour — how much, never the colour's shade
(no colour is 'slight'; 'soft' is left out: before a colour it is a shade, `COLOR_MODIFIERS`)."""
CAST_LOWERING_VERBS = tuple(word for word in DOWN_WORDS if word.endswith(("*", " down")) and " it " not in word)
"""'*reduce* the yellow in the image', '*tone down* the red on her cheeks': the verbs of `DOWN_WORDS` that take a colour
as their object — a cast taken out of the photo or the thing (the measured correction), never a thing made that colour."""
# ---- cut-outs, keep-onlies and removals said with extra words (issue 20, cutout28) ---------------------------------
THE_REST_WORDS = (*(words for words in ALL_THE_REST if words != "everything"), "the rest", "all the rest",
                  "the rest of it")
"""What is left beside an edit, said to stay ('…, *everything else* can stay', 'leave *the rest* as it is'): it only
confirms the edit's scope — never a thing to remove, nor a request not understood."""
HELD_OUT_POSES = ("raised", "lifted", "outstretched", "stretched", "extended", "held up", "sticking")
"""A part of a body said by how it is held out ('the *raised* paw', 'its *outstretched* wing'): the part of the thing
just named — cut out with it, since a cut-out may lose what sticks out."""
WANTED_GONE_LEADS = ("would like", "'d like", "asked for", "asked me to have", "asked to have", "is asking for")
"""Someone who wants a thing removed, said after its removal ('…, my boss *would like* it gone'), beside `WANTING`'s
verbs: who asks, never a thing to remove."""
# ---- a thing's state said, then 'fix it'; asides inside a name (rules_clauses, rules_text; issue 20, damage28) --------
RUMPLED_WORDS = ("folded", "crumpled", "creased", "wrinkled", "rumpled", "untucked", "messed up", "messy", "twisted",
                 "flipped up", "sticking up", "undone", "unbuttoned", "inside out")
"""Said of what someone wears ('his collar is *flipped up*', 'her scarf is all *twisted*'), then 'fix it': the worn
thing redrawn neat (`WORN_THINGS_FIXED`); of the photo itself ('the print is *creased*') it is damage to the print."""
STATE_FIX_VERBS = ("fix", "repair", "mend", "sort out", "sort", "correct", "straighten")
"""Verbs that put right a thing whose state was just said ('the gate is broken, *mend* it'): never a removal ('… get rid
of it' takes the thing away) nor the photo's enhance."""
# ---- lively wishes, invitations beside an edit, tints by any colour name (rules_enhance, rules_wishes; issue 20,
# wishes28) ----------------------------------------------------------------------------------------------------------
LOOK_GIVING_VERBS = ("give", "bring", "breathe", "inject", "pump")
"""Verbs that give the photo a look as 'add' does ('*give* it more oomph', '*breathe* some life into it', '*bring*
life to this', '*give* the colours a boost'): the contrast, local contrast and colours, measured — the look is no thing
to paint in (`ADDED_LOOKS`)."""
LIVENING_VERBS = ("wake", "liven", "perk", "pep", "jazz", "spice")
"""Verbs that wake the colours, with their 'up' before or after them ('*wake* the colours up', '*perk up* the colours'):
the colours given life, as 'make the colours pop' — not a general enhance, and no thing called 'colours'."""
CONDITION_STRENGTHS = ("thick", "strong", "heavy", "intense", "dense", "harsh", "bad", "much", "overpowering")
"""How strong a condition is said to be, after a degree ('the fog is *really thick*', 'the glare is *so strong*'): too
much of it — the haze cleared, the noise removed, the shine's exposure measured (`rules_wishes._condition_too_strong`)."""
# ---- tonal ranges pulled apart (rules_clauses; issue 20, tone29) -----------------------------------------------------
DARK_RANGES = ("darks", "dark", "shadows", "blacks", "dark parts", "dark areas", "dark tones", "lowlights")
LIGHT_RANGES = ("lights", "highlights", "whites", "brights", "light parts", "bright parts", "light areas", "bright areas",
                "light tones", "bright tones", "colours", "colors")
"""The two ends of the photo's tones: 'make the *darks* darker and the *highlights* brighter', 'deepen the *shadows* and
brighten the *colours*' pulls them apart — more contrast (and livelier colours when the colours are the bright end),
never the whole photo darkened and brightened at once (`rules_clauses._ranges_pulled_apart`)."""
CLOUDED_WORDS = ("cloudy", "cloudier", "overcast", "clouded")
"""The sky's weather said as its state ('make the sky darker and *less cloudy*', 'the sky grey and *cloudy*'): fewer
clouds are the clouds removed, more a cloudy sky drawn in — never a thing called 'cloudy'
(`rules_clauses._sky_weather`, tone29)."""
