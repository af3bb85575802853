"""The real-request corpus (/work/corpus/real.jsonl, rebuilt by ../shared/tools/real_requests.py):
reading it, and the classes its GIER rows fall into by what the human editor did.

The corpus texts have no licence: they are read here at run time and never written into the repo.
`benchmarks/real_labels_draw.py` draws the labelled sample from it and `benchmarks/real_set.py`
scores a planner against that sample; both take the corpus path and share this module so the
strata mean the same thing in both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from retouch.tools.errors import RetouchError

BUILD_HINT = ("rebuild it with ../shared/tools/real_requests.py SNAPSHOTS OUT.jsonl (DEVELOPERS.md says how to "
              "get the snapshots) and pass --corpus OUT.jsonl")

TONE_OPS = frozenset({"brightness", "contrast", "saturation", "lightness", "hue", "tint", "sharpness", "exposure",
                      "denoise", "dehaze", "black&white"})
"""The editor operations that change only tone or colour: a request answered with these alone is an
adjust / enhance request."""
GEOMETRY_OPS = frozenset({"crop", "rotate", "flip"})
BLUR_OPS = frozenset({"gaussain_blur", "radial_blur", "facet_blur"})     # "gaussain" is GIER's own spelling

EDITOR_CLASSES = ("tone", "inpaint_obj", "color_bg", "geometry", "blur", "other")
"""The class of a GIER row's `editor_did`, first match wins in this order:
inpaint_obj (contains it), color_bg, geometry (crop/rotate/flip), blur (any blur kind), tone (only
TONE_OPS), other (deform_obj, rotate_obj, flip_obj, edge, nothing)."""
STRATA = tuple(f"gier:{name}" for name in EDITOR_CLASSES) + ("ier",)
"""The strata of the random sample, drawn in proportion (with a floor)."""
CANVAS_SUPPLEMENT = "supp:canvas"
"""A supplement drawn apart from the random sample: requests that may be about the canvas. Canvas
growth is under 1 % of real requests, so a random sample of 656 holds about one; the supplement is
what makes outpaint recall and sides measurable. It is never mixed into the sample's figures."""
CANVAS_WORDS = re.compile(
    r"\b(extend\w*|expand\w*|uncrop\w*|zoom(?:ed|ing)? out|wider|widen\w*|more (?:room|space|sky|background)|"
    r"fill (?:in )?(?:the )?(?:sides|edges|corners)|cut off|wallpaper|banner|cover (?:photo|pic)|aspect|landscape|"
    r"portrait|orientation|dimensions?|\d{3,4} ?x ?\d{3,4}|\d+ ?: ?\d+|scale|canvas|format)\b", re.I)
"""The words that put a request into the canvas supplement's pool: shapes, sizes, formats, growth,
and the places a shape is wanted for. Broad on purpose: the pool holds look-alikes (a wallpaper to
recolour, a portrait to brighten) that a planner must not answer with an outpaint."""


def editor_class(editor_did: list[str] | None) -> str:
    """Which of EDITOR_CLASSES a GIER row's operations fall into (the order is the precedence)."""
    did = set(editor_did or ())
    if "inpaint_obj" in did:
        return "inpaint_obj"
    if "color_bg" in did:
        return "color_bg"
    if did & GEOMETRY_OPS:
        return "geometry"
    if did & BLUR_OPS:
        return "blur"
    if did and did <= TONE_OPS:
        return "tone"
    return "other"


def stratum(row: dict) -> str:
    """A corpus row's stratum: `gier:<editor class>` or `ier`."""
    if row["source"].startswith("gier"):
        return f"gier:{editor_class(row.get('editor_did'))}"
    return "ier"


def normalized(text: str) -> str:
    """The text as the corpus builder compares texts: lowercase, whitespace collapsed."""
    return re.sub(r"\s+", " ", text.strip().lower())


def load_corpus(path: str | Path) -> list[dict]:
    """Every corpus row, in file order; a missing or unreadable file is one RetouchError that says
    how to build it."""
    path = Path(path)
    if not path.is_file():
        raise RetouchError(f"no real-request corpus at {path}", BUILD_HINT)
    rows = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if not isinstance(row, dict) or not {"source", "id", "text"} <= row.keys():
                    raise ValueError(f"line {number} is not a corpus row (source, id, text)")
                rows.append(row)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise RetouchError(f"can't read the real-request corpus {path}: {exc}", BUILD_HINT) from exc
    return rows
