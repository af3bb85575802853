"""The parts of a face from the embedded finder (MediaPipe's shipped face mesh) on real photos.

scikit-image's `astronaut` (a NASA portrait, public domain: a smiling woman facing the camera, teeth
showing) and tests/data/grace_hopper.jpg (a US Navy portrait, public domain, from matplotlib's sample data: an older
woman in glasses, mouth shut), and tests/data/image.png (Apache-2.0, from IOPaint:
a face about 20 px wide, so its eyes are a few pixels each). Where the parts are was read off both photos
by eye at 4× (benchmarks/face_parts.py draws them): the astronaut's eyes near (205, 102) and
(247, 104), her mouth near (225, 148); Grace Hopper's eyes near (223, 192) and (307, 189).
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from tests.support import DATA
from retouch.agent.planner.finder_words import finder_query
from retouch.tools.errors import NothingFound
from retouch.tools.select import select


def masks(embedded_finder, photo: Image.Image, label: str) -> list[np.ndarray]:
    return [c.mask > 127 for c in embedded_finder.find(photo, label)]


def centre(mask: np.ndarray) -> tuple[float, float]:
    ys, xs = np.nonzero(mask)
    return float(xs.mean()), float(ys.mean())


@pytest.mark.parametrize("which", ["astronaut", "hopper", "night"])
def test_two_eyes_inside_the_face_each_a_small_share_of_it(embedded_finder, which, request) -> None:
    photo = request.getfixturevalue(which)
    (face,) = masks(embedded_finder, photo, "face")
    eyes = embedded_finder.find(photo, "eye")
    assert len(eyes) == 2
    for eye in eyes:
        inside = eye.mask > 127
        assert (inside & face).sum() == inside.sum(), "an eye lies inside its face"
        assert 0.003 < inside.sum() / face.sum() < 0.05, inside.sum() / face.sum()
    # facing the camera, the person's own right eye is on the viewer's left
    by_side = {eye.attributes["side"]: centre(eye.mask > 127) for eye in eyes}
    assert by_side["right"][0] < by_side["left"][0]


def test_the_astronaut_s_parts_are_where_her_face_has_them(embedded_finder, astronaut) -> None:
    eyes = {c.attributes["side"]: c.mask > 127 for c in embedded_finder.find(astronaut, "eye")}
    assert eyes["right"][102, 205] and eyes["left"][104, 247]
    brows = {c.attributes["side"]: c.mask > 127 for c in embedded_finder.find(astronaut, "eyebrow")}
    for side in ("left", "right"):
        assert centre(brows[side])[1] < centre(eyes[side])[1] - 3, "an eyebrow sits above its eye"
    irises = {c.attributes["side"]: c.mask > 127 for c in embedded_finder.find(astronaut, "iris")}
    for side in ("left", "right"):
        assert (irises[side] & eyes[side]).sum() >= 0.8 * irises[side].sum(), "an iris shows inside its eye"
        assert irises[side].sum() < eyes[side].sum()
    (nose,), (lips,), (mouth,) = (masks(embedded_finder, astronaut, label) for label in ("nose", "lip", "mouth"))
    assert centre(lips)[1] > centre(nose)[1] + 10, "the lips are below the nose"
    assert (lips & ~mouth).sum() == 0 and mouth.sum() > lips.sum(), "the mouth is the lips and the opening"
    assert mouth[148, 225]


def test_teeth_are_the_pale_pixels_of_the_open_mouth(embedded_finder, astronaut) -> None:
    (mouth,), (lips,), (teeth,) = (masks(embedded_finder, astronaut, label) for label in ("mouth", "lip", "tooth"))
    opening = mouth & ~lips
    assert (teeth & ~opening).sum() == 0, "teeth lie inside the mouth's opening"
    assert teeth.sum() >= 0.3 * opening.sum()
    pixels = np.asarray(astronaut, dtype=float)
    assert pixels[teeth].mean() > pixels[lips].mean() + 30, "teeth are brighter than the lips"


def test_a_shut_mouth_has_no_teeth(embedded_finder, hopper) -> None:
    assert finder_query("teeth").target == "tooth"
    assert masks(embedded_finder, hopper, "mouth") and masks(embedded_finder, hopper, "tooth") == []
    with pytest.raises(NothingFound, match="^I couldn't find the tooth. I can see: person, face"):
        select(hopper, embedded_finder, target="tooth")


def test_her_left_eye_is_her_own_left(embedded_finder, astronaut) -> None:
    query = finder_query("eye", "her left eye")
    assert (query.target, query.own_side) == ("eye", "left")
    chosen = select(astronaut, embedded_finder, target=query.target, own_side=query.own_side).mask > 127
    assert chosen[104, 247] and not chosen[102, 205], "her left eye is the one on the viewer's right"


def test_every_face_gets_its_own_parts(embedded_finder, astronaut, hopper) -> None:
    """Two portraits side by side: each face's eyes come back inside that face, in the photo's pixels."""
    small = hopper.resize((256, 300))
    pair = Image.new("RGB", (512 + 256, 512))
    pair.paste(astronaut, (0, 0))
    pair.paste(small, (512, 100))
    faces = masks(embedded_finder, pair, "face")
    eyes = masks(embedded_finder, pair, "eye")
    assert len(faces) == 2 and len(eyes) == 4
    for face in faces:
        assert sum(bool((eye & face).sum() == eye.sum()) for eye in eyes) == 2
    assert select(pair, embedded_finder, target="eye", all=True, position="right").found == 4


@pytest.mark.parametrize("words,label", [("her eyes", "eye"), ("his pupils", "iris"), ("the irises", "iris"),
                                         ("her lips", "lip"), ("his mouth", "mouth"), ("the brows", "eyebrow"),
                                         ("her eyebrows", "eyebrow"), ("his nose", "nose"), ("her teeth", "tooth")])
def test_the_planner_s_names_reach_the_face_labels(embedded_finder, words, label) -> None:
    assert finder_query(words).target == label
    assert label in embedded_finder.labels


@pytest.mark.parametrize("name", ["bunny.jpeg", "cat.png"])
def test_no_face_says_the_same_one_line(embedded_finder, name) -> None:
    """No face, no eyes: the line a missing hand gets, word for word but the thing's name."""
    photo = Image.open(DATA / name).convert("RGB")
    said = {}
    for target in ("eye", "hand"):
        with pytest.raises(NothingFound) as caught:
            select(photo, embedded_finder, target=target)
        said[target] = str(caught.value)
    assert said["eye"].startswith("I couldn't find the eye, and I can't make out anything else here.")
    assert said["eye"].replace("the eye", "the hand") == said["hand"] and "\n" not in said["eye"]


def test_a_face_part_s_recolour_keeps_to_the_part() -> None:
    """The recolor row's 4 px grow and 6 px soft edge are half an eye's height in a portrait."""
    from retouch.agent.planner.rules import RulesPlanner
    from retouch.agent.policy import resolve_plan

    def edge(words: str) -> tuple[int, int]:
        plan, _ = resolve_plan(RulesPlanner().plan(words))
        refine = next(call.args for call in plan.calls if call.tool == "refine_mask")
        return refine.grow, refine.blur

    assert edge("give her purple lips") == edge("paint her teeth white") == (1, 2)
    assert edge("turn his eyes blue") == edge("make her irises grey") == (0, 1)    # an eye's colour is its iris's
    assert edge("make her pupils grey") == (0, 1)          # found as irises: the label picks the edge, not the word
    assert edge("turn the car blue") == (4, 6)


def test_whitened_teeth_change_only_the_teeth(run_cli, tmp_path, embedded_finder, astronaut) -> None:
    path, out = tmp_path / "smile.png", tmp_path / "whiter.png"
    astronaut.save(path)
    code, _, err = run_cli("edit", path, "whiten her teeth", "-o", out, "--session", tmp_path / "session",
                           "--finder", "embedded", "--inpainter", "builtin")
    assert code == 0, err
    from scipy.ndimage import distance_transform_edt

    (teeth,), (lips,) = masks(embedded_finder, astronaut, "tooth"), masks(embedded_finder, astronaut, "lip")
    before = np.asarray(astronaut, dtype=int)
    after = np.asarray(Image.open(out), dtype=int)
    changed = np.abs(after - before).max(axis=2) > 0
    assert not (changed & (distance_transform_edt(~teeth) > 1 + 2 + 1)).any(), "only the teeth and their edge"
    assert after[teeth].mean() > before[teeth].mean() + 10, "the teeth are lighter"
    assert np.abs(after[lips] - before[lips]).mean() < 0.25 * np.abs(after[teeth] - before[teeth]).mean()


# ---- an eye's colour is its iris's (the lead's merge) ---------------------------------------------------------


@pytest.mark.parametrize("text", ["make her eyes green", "give him brown eyes", "green eyes please"])
def test_a_colour_given_to_the_eyes_colours_the_irises(text):
    from retouch.agent.planner.rules import RulesPlanner

    plan = RulesPlanner().plan(text)
    assert [call.args.target for call in plan.calls if call.tool == "select"] == ["iris"], plan.reply


@pytest.mark.parametrize("text", ["whiten her eyes", "make his eyes whiter"])
def test_eyes_made_white_are_asked_about_never_irises_painted_white(text):
    from retouch.agent.planner.rules import RulesPlanner

    plan = RulesPlanner().plan(text)
    assert plan.calls == [] and "whites of the eyes" in plan.reply, plan.reply
