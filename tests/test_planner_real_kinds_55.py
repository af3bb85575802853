"""Lists, run-ons, the background and the canvas said the way people say them (issue 20, clauses21).

- a line of a list joined to the next with a gap of spaces, the next line opening with a word and its thing that no
  edit verb lists ('… green  create the backdrop darker'): the second line was swallowed by the first;
- the background switched off ('turn the background off'): it asked what the new background should be;
- '…, and the backdrop should be a harbour' after another edit: one clause, the second wish lost;
- 'keep the kite, everything else should be deleted': read as removing the kite;
- a fallback ('if that's too hard, just crop him out'): planned as a second step;
- a shape then a tone ('crop it square and less grainy'): the shape lost;
- a background wished after a comma ('…, needs a white backdrop'): read as removing the background;
- an excess of a property taken off ('remove excess brightness'): painted out as a thing called 'brightness';
- an add 'around' its anchor ('wings around the boy'): drawn beside it;
- a thing resized ('make the kettle bigger', 'enlarge the man on the right'): declined as the photo, not at all, or
  as a canvas grown to one side — now declined naming the thing, with what can be done for it;
- a corner with no photo size ('darken the top left'): widened to the whole top third.

Every sentence is written here for the purpose — none is taken from the real-request corpus, whose texts carry no
licence. Each row: the request, the actions in order, the first select's target (None: not checked) and words the
reply must hold (None: not checked). Rows marked "unchanged" planned the same before: the near-misses.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from retouch.agent.plan import validate_plan
from retouch.agent.planner.base import PlanningContext
from retouch.tools import regions
from tests.planner_kinds import actions, check_row, rows_of

KINDS = {
    "a line gap before a word and its thing": [
        ("make her scarf green  create the backdrop in a darker shade", ["recolor", "adjust"], "scarf", None),
        ("turn the photo sepia  take the rips out of it", ["adjust", "remove"], None, "removing all the rips"),
        ("Lighten photo  Use the blur tool on the edges", ["adjust"], None, None),
        ("put a crown  on the cat", ["add"], "cat", "on the cat"),                            # unchanged: a place
        ("darken  the sky", ["adjust"], "sky", None),                                         # unchanged: an opener
        ("make the sea  and the sky bluer", ["recolor", "recolor"], "sea", None),             # unchanged: glue
    ],
    "the background switched off": [
        ("turn the backdrop off", ["background"], None, "removing the background"),
        ("please switch off the background", ["background"], None, "transparent"),
        ("turn off the bg and brighten the dog", ["background", "adjust"], None, "brightening the dog"),
        ("turn the lights off", [], None, None),                                              # unchanged
        ("turn the background blue", ["background"], None, "blue"),                           # unchanged
    ],
    "the background wished after another edit": [
        ("make the sky orange and the bg needs to become a pine forest", ["recolor", "background"], "sky", "pine forest"),
        ("sharpen the boat, and the backdrop should be a harbour at dusk", ["adjust", "background"], None,
         "harbour at dusk"),
        ("erase everything behind the girl, and the backdrop should be a city at night", ["background"], "girl",
         "behind the girl with city at night"),
        ("remove the man and the background can be whatever you like", ["remove"], "man", None),
        ("brighten the boat and the background is fine", ["adjust"], None, None),             # unchanged: no wish
    ],
    "what is named stays, everything else goes": [
        ("keep the kite, everything else should be deleted", ["background"], "kite", "everything except the kite"),
        ("the owl is ringed in red everything else should be erased and the backdrop must be a plain grey",
         ["background"], "owl", "behind the owl gray"),
        ("remove everything else", [], None, "doesn't name a thing"),                         # unchanged
    ],
    "a fallback is no second step": [
        ("remove the man, if that's too hard just crop him out", ["remove"], "man", "you also offered “crop him out”"),
        ("erase the lamp post. If it's not possible, then blur it", ["remove"], "lamp post", "offered “blur it”"),
        ("brighten the room and if its too hard or you are busy just darken the window", ["adjust"], "room",
         "offered “darken the window”"),
        ("if that's too difficult, just crop it square", ["crop"], None, "1:1"),
        ("remove the wires, if it is possible", ["remove"], "wire", None),                    # unchanged: a hope
        ("remove the post. I get it if it's not possible.", ["remove"], "post", None),        # unchanged: nothing after
        ("remove the dog, I hope it's not too much trouble", ["remove"], "dog", None),        # unchanged
    ],
    "a shape then a tone": [
        ("make the photo square and less blurry", ["outpaint", "adjust"], None, "sharpening"),
        ("crop it square and less dark", ["crop", "adjust"], None, "brightening"),
        ("crop it to 4:5 and a bit more vivid", ["crop", "adjust"], None, "boosting the colours"),
        ("make it square and brighter", ["outpaint", "adjust"], None, None),                  # unchanged
        ("make the square tile less dark", ["adjust"], "tile", None),                         # unchanged: a thing
    ],
    "a background needed after a comma": [
        ("brighten it, needs a plain grey backdrop", ["adjust", "background"], None, "background gray"),
        ("add contrast, needs white background", ["adjust", "background"], None, "background white"),
        ("it needs a plain white background", ["background"], None, "white"),                 # unchanged
    ],
    "an excess of a property taken off": [
        ("remove excess brightness", ["adjust"], None, "darkening the image"),
        ("get rid of the excess saturation", ["adjust"], None, "muting the colours of the image"),
        ("add contrast, remove the excess brightness, needs a grey backdrop", ["adjust", "background"], None,
         "background gray"),
        ("remove the excess glue", ["remove"], "glue", None),                                 # unchanged: a thing
    ],
    "an add around its anchor": [
        ("add a glowing ring around the lamp", ["add"], "lamp", "around the lamp"),
        ("put feathers around the girl", ["add"], "girl", "around the girl"),
        ("add a scarf around the dog's neck", ["add"], "neck", "around the dog's neck"),
        ("add a bench next to the tree", ["add"], "tree", "to the right of the tree"),        # unchanged
        ("add steam coming out of the cup", ["add"], "cup", "coming out of the cup"),         # unchanged
    ],
    "a thing resized": [
        ("make the kettle bigger", [], None, "remove the kettle"),
        ("make this van smaller, and swap the sky for a sunset", ["replace"], "sky", "add a van on the left"),
        ("enlarge the man on the right", [], None, "remove the man"),
        ("enlarge the swimmer who is diving off the rock", [], None, "resize the swimmer"),
        ("make the toddler look smaller", [], None, "remove the toddler"),
        ("make the girl's head smaller and the boy's hands bigger", [], None, "can't make the girl's head bigger"),
        ("make her eyes bigger", [], None, "warps part of a photo"),
        ("make it bigger", [], None, "extend the canvas"),                                    # unchanged: the photo
        ("make the picture bigger", ["outpaint"], None, None),                                # unchanged
        ("make my brother taller", [], None, "reshape a person"),                             # unchanged
    ],
}

ROWS, IDS = rows_of(KINDS)


@pytest.mark.parametrize(("kind", "text", "want", "target", "says"), ROWS, ids=IDS)
def test_kind(kind: str, text: str, want: list[str], target: str | None, says: str | None) -> None:
    check_row(text, want, target, says)


@pytest.mark.parametrize(("text", "corner"), [("darken the top left", "top-left"),
                                              ("repair the lower right corner", "bottom-right"),
                                              ("fill in the top right corner", "top-right")])
def test_a_corner_with_no_photo_size_names_the_corner(text: str, corner: str) -> None:
    """With no photo size the region is the corner (`RegionArgs.corner`), never the strip it ends."""
    _, plan, _ = actions(text, PlanningContext())
    region = plan.calls[0]
    assert region.tool == "region" and region.args.corner == corner and region.args.side is None
    assert corner in plan.reply


def test_a_corner_with_a_photo_size_is_still_a_box() -> None:
    """Unchanged: the size known, the planner boxes the corner itself."""
    _, plan, _ = actions("darken the top left")
    assert plan.calls[0].args.box == (0, 0, 400, 266) and plan.calls[0].args.corner is None


@pytest.mark.parametrize(("corner", "fraction", "box"), [("top-left", None, (0, 0, 100, 67)),
                                                         ("bottom-right", None, (200, 133, 300, 200)),
                                                         ("top-right", 0.5, (150, 0, 300, 100)),
                                                         ("bottom-left", 1.0, (0, 0, 300, 200))])
def test_corner_box(corner: str, fraction: float | None, box: tuple) -> None:
    assert regions.corner_box(corner, (300, 200), fraction=fraction) == box


def test_an_unknown_corner_is_refused() -> None:
    from retouch.tools.errors import RetouchError
    with pytest.raises(RetouchError):
        regions.corner_box("middle-left", (300, 200))
    with pytest.raises(Exception):
        validate_plan({"calls": [{"tool": "region", "args": {"corner": "middle-left"}}], "reply": "x"})


def test_the_executor_darkens_only_the_corner(tmp_path) -> None:
    """A plan with a corner region and a masked adjust changes the top-left third each way and nothing else."""
    import retouch
    from tests.support import pixels

    photo = tmp_path / "grey.png"
    Image.fromarray(np.full((60, 90, 3), 160, np.uint8)).save(photo)
    editor = retouch.open(photo, session=tmp_path / "s")
    plan = {"calls": [{"tool": "region", "args": {"corner": "top-left"}},
                      {"tool": "adjust", "args": {"brightness": -0.5, "masked": True}}], "reply": "ok"}
    result = pixels(editor.apply(plan).path).astype(int)
    assert result[:20, :30].mean() < 150, "the corner is darker"
    assert np.all(result[25:, :] == 160) and np.all(result[:, 35:] == 160), "the rest is untouched"
