"""Words the rules planner knows: nouns, colours, verbs, formats.

Kept apart from the parsing code so the lists can grow (a new removal verb, a new social-media
format) without touching any regex logic. Everything is lowercase; multi-word entries are matched
as whole phrases. Lists are ordered only where a comment says so.
"""

from __future__ import annotations

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
    "buses": "bus", "boxes": "box", "dice": "die", "lice": "louse",
}
"""Plural → singular where the regular rules would go wrong."""

UNCOUNTED = frozenset({
    # -s words that are not plurals, or plural-only words that name one thing
    "glasses", "sunglasses", "eyeglasses", "goggles", "scissors", "pants", "trousers", "jeans",
    "shorts", "leggings", "tights", "pajamas", "pyjamas", "headphones", "earphones", "binoculars",
    "tongs", "pliers", "clothes", "overalls", "news", "series", "species", "chess", "gas", "bus",
    "lens", "atlas", "canvas", "iris", "cactus", "octopus", "hippopotamus", "bonus", "campus",
    "virus", "walrus", "asparagus", "hummus", "citrus", "bus", "mattress", "dress", "glass",
    "grass", "moss", "boss", "cross", "class", "compass", "brass", "bass", "lotus", "status",
    "circus", "abacus", "cosmos", "chaos", "christmas", "mathematics", "physics", "athletics",
    "electronics", "stairs", "surroundings", "whiskers", "dreadlocks", "bangs", "braces",
    "cattle", "sheep", "fish", "deer", "moose", "series", "aircraft", "police", "swiss", "tennis",
    "this", "its", "his", "hers", "yes", "kiss", "bliss", "dais", "plus", "analysis", "axis",
    "tennis", "lettuce", "business", "princess", "goddess", "actress", "waitress", "fortress",
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
    "garbage can", "trash bin", "recycling bin", "christmas tree", "palm tree", "pine tree",
    "apple tree", "oak tree", "coconut tree", "t-shirt", "t shirt", "tee shirt", "ice cream",
    "soccer ball", "tennis ball", "golf ball", "beach ball", "baseball cap", "bow tie",
    "coffee cup", "coffee mug", "water bottle", "wine bottle", "beer bottle", "car seat",
    "door handle", "tennis player", "baseball player", "football player", "soccer player",
    "basketball player", "polar bear", "brown bear", "black bear", "grizzly bear", "license plate",
    "licence plate", "number plate", "price tag", "name tag", "speech bubble", "lens flare",
    "sun glare", "hot air balloon", "air conditioner", "ceiling fan", "picture frame",
    "photo frame", "laptop computer", "computer mouse", "remote control", "tooth brush",
    "cherry tomato", "snow mountain", "setting sun", "sea surface", "lake surface",
    "football field", "baseball field", "soccer field", "bedside lamp", "shoe rack",
    "bus stop", "phone booth", "swimming pool", "dust spot", "dust spots", "red eye",
    "double chin", "baby bump", "hair tie", "food truck", "fire truck", "police car",
    "street vendor", "construction crane", "bird droppings", "skate board",
})
"""Two-word names whose first word is part of the name, not an attribute (a teddy bear is no bear)."""

QUANTITY_NOUNS = frozenset({
    "group", "bunch", "pile", "pair", "couple", "set", "stack", "crowd", "flock", "herd", "row",
    "line", "piece", "pieces", "bits", "bit", "lot", "lots", "ton", "tons", "handful", "cluster",
    "collection", "swarm", "school", "pack", "bundle", "heap", "load", "mass",
})
"""In "a group of people" the head is "people", not "group"."""

TARGET_SYNONYMS: dict[str, str] = {
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
    "kitten": "cat", "tshirt": "t-shirt", "tee": "t-shirt",
}
"""Words a detector handles badly, mapped to one it knows. Relatives become "person"."""

PRONOUNS = frozenset({"it", "this", "that", "these", "those", "them", "him", "her", "he", "she",
                      "they", "one", "ones", "thing", "stuff", "selection", "selected"})

SELECTION_WORDS = ("selection", "selected area", "selected part", "selected region", "masked area",
                   "masked part", "masked region", "mask", "marked area", "highlighted area",
                   "area i selected", "area i marked", "area i painted", "painted area")

IMAGE_WORDS = frozenset({
    "image", "picture", "photo", "photograph", "pic", "pict", "shot", "frame", "scene", "graphic",
    "composition", "view", "screenshot", "selfie", "snapshot", "img", "it", "this", "canvas",
    "everything", "setting", "scenery", "visual", "visuals", "one", "whole thing",
})

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
)
COLOR_NOUNS = frozenset({
    "orange", "peach", "cherry", "lime", "rose", "salmon", "plum", "wine", "chocolate", "sand", "rust", "amber",
    "ruby", "jade", "emerald", "mint", "olive", "cream", "ivory", "coral", "lavender", "lilac", "mustard",
    "copper", "bronze", "charcoal", "gold", "silver", "platinum", "tan", "navy",
})
"""Colour names that are also things: "replace the cat with an orange" means the fruit."""

_COLORS_DOC = """Colour names. Those that are also things (orange, peach, rose, lime …) count as a colour only
where a sentence uses them as one ("paint it orange"), never as the thing being edited."""

COLOR_MODIFIERS = frozenset({
    "light", "dark", "deep", "bright", "pale", "pastel", "neon", "hot", "royal", "jet", "matte", "metallic",
    "vivid", "rich", "soft", "dusty", "muted", "electric", "snowy", "pure", "lush", "more",
})

COLOR_CARRIERS = ("colour", "color", "colors", "colours", "hue", "tint", "shade", "pigment", "tone",
                  "paint", "coat", "finish", "appearance", "look", "attire", "outfit")

# ---- verbs -------------------------------------------------------------------------------------

REMOVE_VERBS = (
    # multi-word first: the regex alternation tries them in this order
    "get rid of", "rid the image of", "take away", "take off", "wipe out", "wipe away",
    "wipe off", "wipe clean", "clean up", "clean out", "clear away", "clear out", "clear up",
    "clear the", "clear any", "clear all", "clear this", "clear that", "clear my", "clear every",
    "strip away", "strip out", "strip off", "scrub out", "scrub off", "scrub away", "cover up",
    "do away with", "paint out", "clone out", "edit out", "cut out", "crop out", "take out",
    "photoshop out", "remove", "removing", "erase", "erasing", "delete", "deleting",
    "eliminate", "eliminating", "eradicate", "expunge", "expel", "banish", "purge", "oust",
    "obliterate", "efface", "nullify", "negate", "abolish", "abandon", "annihilate",
    "exterminate", "liquidate", "dispel", "dissipate", "dissolve", "vanish", "omit", "exclude",
    "withdraw", "disregard", "discard", "cleanse", "scrub", "wipe", "rid", "extract",
    "abrogate", "annul", "void", "evict", "dismiss", "lose", "ditch", "hide", "nix", "zap", "devoid",
    "vanquish", "unclutter", "declutter", "sweep away", "sweep out", "fill in", "fill",
)

ADD_VERBS = (
    "add", "adding", "put", "place", "insert", "introduce", "include", "incorporate", "integrate",
    "position", "perch", "set", "lay", "rest", "attach", "affix", "install", "embed", "tuck",
    "nestle", "sprinkle", "scatter", "arrange", "invite", "bring", "drop", "stick", "draw",
    "paste", "sit", "stand", "hang", "glide", "spawn", "align",
    "situate", "station", "mount", "throw in", "toss in", "slip in", "squeeze in",
)

ENRICH_VERBS = ("grace", "adorn", "enrich", "enliven", "decorate", "infuse", "fill", "populate",
                "arrange", "liven up", "spruce up", "embellish", "furnish", "complement")
"""'Grace the grass with three cows': the new thing follows 'with'."""

SPLIT_VERBS = (
    "remove", "erase", "delete", "get rid", "take out", "add", "put", "place", "insert",
    "replace", "swap", "switch", "change", "make", "turn", "brighten", "darken", "lighten",
    "increase", "decrease", "boost", "reduce", "crop", "rotate", "flip", "mirror", "extend",
    "expand", "zoom", "blur", "sharpen", "fix", "save", "export", "undo", "redo", "dye",
    "recolor", "recolour", "give", "warm", "cool", "saturate", "desaturate", "straighten",
    "clean", "edit", "photoshop", "cut", "lose", "ditch", "outpaint", "enhance", "eliminate",
    "color", "colour", "paint", "convert", "transform", "revert", "go back", "bump", "lower",
    "raise", "tone", "denoise", "dehaze", "deblur", "increase", "adjust", "can you", "could you",
    "can someone", "could someone", "can anyone", "could anyone", "would someone", "would you",
    "please", "also", "widen", "uncrop", "hide",
)
"""Verbs that start a new edit after 'and' / ',' ("… and make it brighter")."""

# ---- places, scenes, formats -------------------------------------------------------------------

BACKGROUND_NOUNS = ("background", "backdrop", "back ground", "bg", "surroundings", "scenery",
                    "environment", "setting")

SCENE_WORDS = (
    "snow", "snowy", "desert", "beach", "jungle", "meadow", "glacier", "forest", "woods", "city",
    "cityscape", "skyline", "space", "outer space", "mountain", "mountains", "ocean", "sea",
    "underwater", "sunset", "sunrise", "night sky", "studio", "park", "garden", "field", "farm",
    "countryside", "lake", "river", "waterfall", "island", "tropical", "winter", "autumn",
    "fall", "spring", "summer", "office", "library", "street", "moon", "mars", "volcano",
    "savanna", "savannah", "prairie", "canyon", "cave", "castle", "paris", "new york", "tokyo",
    "landscape", "vista", "scene", "terrain", "scenery", "landscape", "sky", "clouds",
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
    ("facebook post", "1.91:1"), ("facebook profile", "1:1"),
    ("instagram story", "9:16"), ("insta story", "9:16"), ("ig story", "9:16"),
    ("instagram reel", "9:16"), ("instagram portrait", "4:5"), ("instagram post", "1:1"),
    ("instagram", "1:1"), ("tiktok", "9:16"), ("snapchat", "9:16"), ("reels", "9:16"),
    ("youtube thumbnail", "16:9"), ("youtube banner", "16:9"), ("yt thumbnail", "16:9"),
    ("youtube", "16:9"), ("twitter header", "3:1"), ("twitter banner", "3:1"), ("x header", "3:1"),
    ("twitter post", "16:9"), ("linkedin banner", "4:1"), ("linkedin cover", "4:1"),
    ("linkedin background", "4:1"), ("pinterest pin", "2:3"), ("pinterest", "2:3"),
    ("phone wallpaper", "9:16"), ("phone background", "9:16"), ("iphone wallpaper", "9:16"),
    ("lock screen", "9:16"), ("lockscreen", "9:16"), ("mobile wallpaper", "9:16"),
    ("desktop wallpaper", "16:9"), ("desktop background", "16:9"), ("computer wallpaper", "16:9"),
    ("wallpaper", "16:9"), ("a4 landscape", "1.414:1"), ("a4 portrait", "1:1.414"), ("a4", "1:1.414"),
    ("letter size", "8.5:11"), ("4x6 print", "3:2"), ("8x10 print", "4:5"),
    ("widescreen", "16:9"), ("ultrawide", "21:9"), ("ultra wide", "21:9"), ("panorama", "3:1"),
    ("panoramic", "3:1"), ("cinemascope", "2.39:1"),
)

ASPECT_WORDS: dict[str, str] = {"square": "1:1", "landscape": "16:9", "portrait": "4:5"}

# ---- numbers -----------------------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "both": 2, "pair": 2, "couple": 2,
    "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "dozen": 12, "few": 3, "several": 4, "twice": 2, "thrice": 3,
}

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
}
