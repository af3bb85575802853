"""Weight-free tools: explicit regions, tone adjustments, crop/rotate/flip."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from retouch.tools import regions
from retouch.tools.adjust import adjust
from retouch.tools.errors import RetouchError
from retouch.tools.geometry import crop, flip, rotate
from tests.support import DATA


@pytest.fixture
def photo() -> Image.Image:
    return Image.open(DATA / "overture-creations-5sI6fQgYIuo.png").convert("RGB")


@pytest.mark.parametrize("side,fraction,pixels,box", [
    ("left", 0.5, None, (0, 0, 150, 200)),
    ("right", 0.25, None, (225, 0, 300, 200)),
    ("top", 1 / 3, None, (0, 0, 300, 67)),
    ("bottom", None, 64, (0, 136, 300, 200)),
    ("center", 0.5, None, (75, 50, 225, 150)),
])
def test_side_boxes(side: str, fraction: float | None, pixels: int | None, box: tuple) -> None:
    assert regions.side_box(side, (300, 200), fraction=fraction, pixels=pixels) == box


def test_box_is_clamped_and_outside_box_refused() -> None:
    mask = regions.box_mask((-10, -10, 20, 30), (50, 40))
    assert mask[:30, :20].all() and mask.sum() == 20 * 30 * 255
    with pytest.raises(RetouchError, match="outside"):
        regions.box_mask((60, 60, 90, 90), (50, 40))


@pytest.mark.parametrize("relation,check", [
    ("left_of", lambda b: b[2] <= 100),
    ("right_of", lambda b: b[0] >= 140),
    ("above", lambda b: b[3] <= 80),
    ("below", lambda b: b[1] >= 160),
])
def test_relation_boxes_sit_beside_the_anchor(relation: str, check) -> None:
    anchor = regions.box_mask((100, 80, 140, 160), (400, 300))
    box = regions.relation_box(anchor, relation, (400, 300))
    assert check(box), box
    if relation in ("left_of", "right_of"):
        assert box[3] == 160, "objects placed beside stand on the same ground line"


def test_relation_without_room_is_refused() -> None:
    anchor = regions.box_mask((0, 10, 30, 50), (100, 100))
    with pytest.raises(RetouchError, match="no room"):
        regions.relation_box(anchor, "left_of", (100, 100))


def test_brightness_contrast_saturation(photo: Image.Image) -> None:
    base = np.asarray(photo, np.float32)
    brighter = np.asarray(adjust(photo, brightness=0.2), np.float32)
    assert brighter.mean() > base.mean() * 1.1
    contrasty = np.asarray(adjust(photo, contrast=0.4), np.float32)
    assert contrasty.std() > base.std() * 1.15
    grey = np.asarray(adjust(photo, saturation=-1.0), np.int16)
    assert np.abs(grey[..., 0] - grey[..., 2]).max() <= 1


def test_warmth_shifts_red_against_blue(photo: Image.Image) -> None:
    warm = np.asarray(adjust(photo, warmth=0.5), np.float32)
    base = np.asarray(photo, np.float32)
    assert warm[..., 0].mean() > base[..., 0].mean() and warm[..., 2].mean() < base[..., 2].mean()


def test_masked_adjust_leaves_the_rest_untouched(photo: Image.Image) -> None:
    mask = regions.box_mask((0, 0, 100, 100), photo.size)
    out = np.asarray(adjust(photo, brightness=0.5, mask=mask))
    base = np.asarray(photo)
    assert np.array_equal(out[100:, :], base[100:, :])
    assert out[:100, :100].mean() > base[:100, :100].mean()


def test_adjust_keeps_alpha() -> None:
    image = Image.open(DATA / "image.png")
    assert np.array_equal(np.asarray(adjust(image, brightness=0.3).getchannel("A")),
                          np.asarray(image.getchannel("A")))


def test_quarter_turns_are_lossless_and_clockwise() -> None:
    image = Image.new("RGB", (30, 20), (0, 0, 0))
    image.putpixel((0, 0), (255, 0, 0))  # top-left
    turned = rotate(image, 90)
    assert turned.size == (20, 30)
    assert turned.getpixel((19, 0)) == (255, 0, 0), "clockwise: top-left goes to top-right"
    assert np.array_equal(np.asarray(rotate(rotate(turned, 90), 180)), np.asarray(image))
    assert rotate(image, -90).getpixel((0, 29)) == (255, 0, 0)


def test_straighten_has_no_empty_corners(photo: Image.Image) -> None:
    straightened = rotate(photo, 3)
    corners = np.asarray(straightened)[[0, 0, -1, -1], [0, -1, 0, -1]]
    assert straightened.width < photo.width and corners.max() > 0
    assert (np.asarray(straightened).reshape(-1, 3).max(axis=1) == 0).mean() < 0.001


def test_crop_to_aspect_and_box(photo: Image.Image) -> None:
    wide = crop(photo, aspect="16:9")
    assert abs(wide.width / wide.height - 16 / 9) < 0.01 and wide.width == photo.width
    assert crop(photo, box=(10, 20, 110, 70)).size == (100, 50)
    assert np.array_equal(np.asarray(flip(photo, "horizontal"))[:, 0], np.asarray(photo)[:, -1])


def test_aspect_box_around_holds_what_must_stay() -> None:
    from retouch.tools.geometry import aspect_box_around

    # 400×200 picture, 1:1 → a 200×200 box; the kept span sits near the right edge.
    assert aspect_box_around((400, 200), 1.0, (300, 50, 390, 150)) == (200, 0, 400, 200)
    # Centred on the kept span when there is room.
    assert aspect_box_around((400, 200), 1.0, (150, 20, 250, 180)) == (100, 0, 300, 200)
    # Too wide for any square inside the picture: None (the caller grows the canvas instead).
    assert aspect_box_around((400, 200), 1.0, (50, 0, 350, 200)) is None


def test_crop_to_a_ratio_keeping_the_people(tmp_path) -> None:
    """"crop it to 1:1 but keep both people" on a 512×256 photo of two: no square inside holds
    both, so the canvas grows to 1:1 with every original pixel kept; keeping one of them crops."""
    import retouch
    from tests.support import pixels, two_people

    photo = two_people(tmp_path)
    editor = retouch.open(photo, session=tmp_path / "s")
    plan = {"calls": [{"tool": "select", "args": {"target": "person", "all": True}},
                      {"tool": "crop", "args": {"aspect": "1:1", "keep_selection": True}}], "reply": "ok"}
    grown = editor.apply(plan)
    assert Image.open(grown.path).size == (512, 512) and grown.notes and "grew the canvas" in grown.notes[-1]
    result = pixels(grown.path)
    original = pixels(photo)
    rows = [y for y in range(512) if np.array_equal(result[y], original[128])]  # a row through both people
    assert len(rows) == 1, "the original appears once, unchanged, inside the grown canvas"
    top = rows[0] - 128
    assert np.array_equal(result[top:top + 256], original)

    editor.revert(0)
    plan = {"calls": [{"tool": "select", "args": {"target": "person", "position": "right"}},
                      {"tool": "crop", "args": {"aspect": "1:1", "keep_selection": True}}], "reply": "ok"}
    cropped = editor.apply(plan)
    assert Image.open(cropped.path).size == (256, 256)
    assert np.array_equal(pixels(cropped.path), original[:, 256:]), "the square holding the right person"


def test_crop_to_the_selection_keeps_it_with_a_margin(tmp_path) -> None:
    """"crop to the dog", "zoom in on her": keep_selection with no aspect crops to the selection's box grown by
    CROP_MARGIN of its size on each side, inside the picture, and changes no pixel of what it keeps."""
    import retouch
    from retouch.agent.executor import CROP_MARGIN
    from tests.support import pixels, two_people

    photo = two_people(tmp_path)
    editor = retouch.open(photo, session=tmp_path / "s")
    plan = {"calls": [{"tool": "region", "args": {"box": [300, 60, 400, 160]}},
                      {"tool": "crop", "args": {"keep_selection": True}}], "reply": "ok"}
    cropped = editor.apply(plan)
    margin = round(100 * CROP_MARGIN)
    assert Image.open(cropped.path).size == (100 + 2 * margin, 100 + 2 * margin)
    assert np.array_equal(pixels(cropped.path), pixels(photo)[60 - margin:160 + margin, 300 - margin:400 + margin])

    editor.revert(0)
    plan = {"calls": [{"tool": "region", "args": {"box": [0, 0, 100, 256]}},
                      {"tool": "crop", "args": {"keep_selection": True}}], "reply": "ok"}
    edge = editor.apply(plan)
    assert Image.open(edge.path).size == (100 + margin, 256), "the margin stops at the picture's edge"


def test_box_centred_on_puts_the_thing_in_the_middle() -> None:
    from retouch.tools.geometry import box_centred_on

    # 400×200 picture, a thing at x 300–390: its centre (345) is 55 px from the right edge, so the box is 290–400;
    # vertically it is already in the middle, so the whole height stays.
    assert box_centred_on((400, 200), (300, 50, 390, 150)) == (290, 0, 400, 200)
    # Low and to the left: both axes are cut, and the thing is inside the box.
    assert box_centred_on((400, 200), (40, 120, 80, 180)) == (0, 100, 120, 200)
    # Already in the middle on both axes (within CENTRED_WITHIN): the whole picture.
    assert box_centred_on((400, 200), (150, 20, 250, 180)) == (0, 0, 400, 200)


def test_crop_centred_on_the_selection(tmp_path) -> None:
    """"centre her in the photo": the crop's middle is the selection's middle, every kept pixel is the original's,
    and a selection already in the middle makes no new version (the reply says why)."""
    import retouch
    from tests.support import pixels, two_people

    photo = two_people(tmp_path)
    editor = retouch.open(photo, session=tmp_path / "s")
    plan = {"calls": [{"tool": "region", "args": {"box": [340, 40, 420, 120]}},
                      {"tool": "crop", "args": {"center_on_selection": True}}], "reply": "ok"}
    made = editor.apply(plan)
    # centre (380, 80) in 512×256: 132 px to the right edge, 80 px to the top → box 248–512 × 0–160
    assert made.version == 1 and Image.open(made.path).size == (264, 160)
    assert np.array_equal(pixels(made.path), pixels(photo)[0:160, 248:512])

    middle = {"calls": [{"tool": "region", "args": {"box": [98, 60, 166, 100]}},
                        {"tool": "crop", "args": {"center_on_selection": True}}], "reply": "ok"}
    still = editor.apply(middle)                  # (132, 80) is the middle of the 264×160 picture
    assert still.version == 1 and any("already sits in the middle" in note for note in still.notes), still.notes


def test_center_on_selection_goes_alone() -> None:
    from pydantic import ValidationError

    from retouch.agent.plan import CropArgs

    for clash in ({"aspect": "1:1"}, {"keep_selection": True}, {"trim": True}, {"box": [0, 0, 10, 10]}):
        with pytest.raises(ValidationError, match="center_on_selection"):
            CropArgs(center_on_selection=True, **clash)
    assert CropArgs(center_on_selection=True, flip="horizontal").flip == "horizontal"
