"""Deterministic picks on synthetic detections: every position × ordinal × size × count × all ×
exclude combination against rankings worked out by hand for one layout."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from PIL import Image

from retouch.tools.errors import AmbiguousTarget, NothingFound, RetouchError
from retouch.tools.select import Candidate, select
from retouch.tools.spatial import POSITIONS, in_part, nearness, pick, plural

SIZE = (400, 300)

# Five things in a 400×300 picture (boxes x0, y0, x1, y1), with their centres, areas and scores:
#   A top-left      (35, 35)   2500  0.5
#   B top-right     (360, 60)  4800  0.9
#   C centre        (210, 155) 9000  0.7
#   D bottom-left   (60, 245)  7200  0.6
#   E bottom-right  (320, 240) 1600  0.8
BOXES = {"A": (10, 10, 60, 60), "B": (330, 20, 390, 100), "C": (160, 110, 260, 200), "D": (20, 200, 100, 290),
         "E": (300, 220, 340, 260)}
SCORES = {"A": 0.5, "B": 0.9, "C": 0.7, "D": 0.6, "E": 0.8}
AREAS = {"A": 2500, "B": 4800, "C": 9000, "D": 7200, "E": 1600}

# Rankings from each position, worked out by hand (corners and centre: distance in image-relative
# coordinates; foreground: nearness = 0.6·bottom/height + 0.4·√(box area / image area)).
RANK = {
    "left": "ADCEB", "right": "BECDA", "top": "ABCED", "bottom": "DECBA", "center": "CEDBA",
    "top-left": "ACDBE", "top-right": "BCEAD", "bottom-left": "DCEAB", "bottom-right": "ECBDA",
    "foreground": "DECBA", "background": "ABCED", "behind": "ABCED",  # nothing overlaps: behind = background
}
# Who is "in" each part of the picture (halves; the centre's middle third; depth split at the middle).
PART = {
    "left": "AD", "right": "BEC", "top": "AB", "bottom": "DEC", "center": "C", "top-left": "A", "top-right": "B",
    "bottom-left": "D", "bottom-right": "EC", "foreground": "DEC", "background": "AB", "behind": "AB",
}
LEFT_TO_RIGHT = "ADCEB"
BY_SCORE = "BECDA"


def candidates() -> list[Candidate]:
    found = []
    for name, box in BOXES.items():
        mask = np.zeros((SIZE[1], SIZE[0]), np.uint8)
        x0, y0, x1, y1 = box
        mask[y0:y1, x0:x1] = 255
        found.append(Candidate(label="thing", box=box, score=SCORES[name], mask=mask, attributes={"name": name}))
    return found


def names(chosen: list[Candidate]) -> str:
    return "".join(c.attributes["name"] for c in chosen)


def expected(position, ordinal, size, count, all_) -> str | None:
    """The hand-made answer; None where the request asks for more than there is."""
    if all_:
        return LEFT_TO_RIGHT if position is None else PART[position]
    if size is not None:
        pool = PART[position] if position else LEFT_TO_RIGHT
        order = "".join(sorted(pool, key=lambda n: -AREAS[n] if size == "largest" else AREAS[n]))
    elif position is not None:
        order = RANK[position]
    elif ordinal is not None:
        order = LEFT_TO_RIGHT
    else:
        order = BY_SCORE
    start, wanted = (ordinal or 1) - 1, count or 1
    if start + wanted > len(order):
        return None
    return order[start:start + wanted]


def test_hand_worked_rankings_match_the_layout() -> None:
    """The tables above are the geometry, not a copy of the code: check two of them from first principles."""
    near = {c.attributes["name"]: nearness(c, SIZE) for c in candidates()}
    assert "".join(sorted(near, key=lambda n: -near[n])) == RANK["foreground"]
    centres = {c.attributes["name"]: c.center for c in candidates()}
    assert "".join(sorted(centres, key=lambda n: centres[n][0])) == RANK["left"]


@pytest.mark.parametrize("all_", [False, True])
@pytest.mark.parametrize("size", [None, "largest", "smallest"])
@pytest.mark.parametrize("position", [None, *POSITIONS])
def test_every_combination(position, size, all_) -> None:
    image = Image.new("RGB", SIZE)
    for ordinal, count, exclude in itertools.product([None, 1, 2, 3, 5, 6], [None, 1, 2, 3, 5, 6], [False, True]):
        case = dict(position=position, ordinal=ordinal, size=size, count=count, all=all_)
        # select() reads a bare "everything except the things" as all of them
        bare_exclude = exclude and position is None and ordinal is None and size is None and count is None
        want = expected(position, ordinal, size, count, all_ or bare_exclude)
        if want is None:
            with pytest.raises(NothingFound) as caught:
                pick(candidates(), SIZE, **case)
            assert "I can only see" in str(caught.value), case
            with pytest.raises(NothingFound):
                select(image, _Finder(), target="thing", exclude=exclude, **case)
            continue
        if not bare_exclude:
            assert names(pick(candidates(), SIZE, **case)) == want, case
        if not exclude and not all_ and position is ordinal is size is count is None:
            # "the thing" with five of them: a question, never the best-scoring guess
            with pytest.raises(AmbiguousTarget) as asked:
                select(image, _Finder(), target="thing", **case)
            assert asked.value.choices[-1] == "all 5" and len(asked.value.choices) == 6
            want = BY_SCORE[0]
            assert names(select(image, _Finder(), target="thing", pick="first", **case).chosen) == want
            continue
        selection = select(image, _Finder(), target="thing", exclude=exclude, **case)
        union = np.zeros((SIZE[1], SIZE[0]), bool)
        for name in want:
            x0, y0, x1, y1 = BOXES[name]
            union[y0:y1, x0:x1] = True
        assert np.array_equal(selection.mask == 255, ~union if exclude else union), (case, exclude)
        assert set(np.unique(selection.mask)) <= {0, 255}
        assert names(selection.chosen) == want and selection.found == 5


class _Finder:
    name = "synthetic"

    def find(self, image, target, phrase=None):
        return candidates() if target == "thing" else []

    def inventory(self, image):
        return {"thing": 5}


def test_in_part_never_comes_back_empty() -> None:
    """Nothing lies in the left half → the ones nearer the left than the group's middle."""
    right_only = [c for c in candidates() if c.attributes["name"] in "BE"]
    assert names(in_part(right_only, "left", SIZE)) == "E"
    assert names(pick(right_only, SIZE, position="left", all=True)) == "E"
    assert names(pick(right_only, SIZE, position="left", size="largest")) == "E"


def test_ordinal_past_the_end_is_nothing_found_with_the_count() -> None:
    two = [Candidate("person", (0, 0, 10, 10)), Candidate("person", (50, 0, 60, 10))]
    with pytest.raises(NothingFound) as caught:
        pick(two, (100, 100), position="left", ordinal=3)
    message = str(caught.value)
    assert "2 people" in message and "third" in message and "from the left" in message
    with pytest.raises(NothingFound, match="not 3"):
        pick(two, (100, 100), count=3)


def test_one_candidate_answers_any_position() -> None:
    only = [Candidate("dog", (300, 10, 390, 90))]
    for position in POSITIONS:
        assert pick(only, SIZE, position=position) == only


def test_behind_means_overlapping_a_nearer_one() -> None:
    # F stands in front (big, low); G stands behind it (small, higher, overlapping); H is off on its own
    found = [Candidate("person", (100, 100, 220, 300), attributes={"name": "F"}),
             Candidate("person", (180, 60, 240, 180), attributes={"name": "G"}),
             Candidate("person", (10, 40, 50, 120), attributes={"name": "H"})]
    assert names(pick(found, SIZE, position="behind")) == "G"
    assert names(pick(found, SIZE, position="behind", all=True)) == "G"
    assert names(pick(found, SIZE, position="background")) == "H"  # the farthest, overlapping or not
    assert names(pick(found, SIZE, position="foreground")) == "F"
    assert names(pick(found, SIZE, position="behind", ordinal=2)) == "H"


def test_ties_break_left_to_right_then_by_score() -> None:
    twins = [Candidate("cup", (200, 0, 210, 10), 0.4, attributes={"name": "R"}),
             Candidate("cup", (100, 0, 110, 10), 0.4, attributes={"name": "L"})]
    assert names(pick(twins, SIZE)) == "L"
    assert names(pick(twins, SIZE, size="largest")) == "L"
    assert names(pick(twins, SIZE, position="top", count=2)) == "LR"


def test_unknown_position_or_size_is_a_clear_error() -> None:
    with pytest.raises(RetouchError, match="position 'upstairs'"):
        pick(candidates(), SIZE, position="upstairs")
    with pytest.raises(RetouchError, match="size 'medium'"):
        pick(candidates(), SIZE, size="medium")


@pytest.mark.parametrize("word, n, want", [("person", 2, "people"), ("foot", 3, "feet"), ("box", 2, "boxes"),
                                           ("butterfly", 2, "butterflies"), ("toy", 2, "toys"), ("dog", 1, "dog"),
                                           ("red car", 2, "red cars")])
def test_plurals_in_messages(word, n, want) -> None:
    assert plural(word, n) == want


def test_picking_and_selecting_import_without_a_cycle() -> None:
    """select → ambiguity → spatial → candidates, never back: every import in the files (those inside
    functions and under TYPE_CHECKING too) points down this chain."""
    import ast
    from pathlib import Path

    import retouch.tools.select as select_module

    order = ["candidates", "spatial", "ambiguity", "select"]
    folder = Path(select_module.__file__).parent
    for rank, name in enumerate(order):
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module.rsplit(".", 1)[-1] for node in ast.walk(tree)
                    if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("retouch.tools.")}
        assert not imported & set(order[rank:]), f"tools/{name}.py imports {imported & set(order[rank:])}"
