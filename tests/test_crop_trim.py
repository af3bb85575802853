"""crop(trim): a plain border — a white frame with JPEG noise, black letterbox bars — measured and
cropped away to (±1 px) the photo inside; no border, a picture white everywhere, a 1×1 picture and a
photo white across the top by its content are left as they are, and the reply says so. Photos:
scikit-image's bundled astronaut and coffee (public domain / CC0, see tests/data/README.md)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydantic import ValidationError

from retouch.agent.executor import Executor
from retouch.agent.plan import CropArgs, validate_plan
from retouch.tools.trim import MAX_SHARE, NO_BORDER, find_border

TRIM = {"calls": [{"tool": "crop", "args": {"trim": True}}], "reply": "ok"}


def _photo(name: str = "astronaut") -> Image.Image:
    from skimage import data

    return Image.fromarray(getattr(data, name)()).convert("RGB")


def _framed(photo: Image.Image, colour: str, top: int, bottom: int, left: int, right: int) -> Image.Image:
    canvas = Image.new("RGB", (photo.width + left + right, photo.height + top + bottom), colour)
    canvas.paste(photo, (left, top))
    return canvas


def _jpeg(image: Image.Image, quality: int = 80) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


def _near(box: tuple[int, int, int, int], want: tuple[int, int, int, int]) -> bool:
    return all(abs(a - b) <= 1 for a, b in zip(box, want))


def test_a_white_frame_with_jpeg_noise_is_trimmed_back_to_the_photo() -> None:
    photo = _photo()
    framed = _jpeg(_framed(photo, "white", 24, 24, 31, 30))
    found = find_border(framed)
    assert found is not None and found.colour == "white"
    assert _near(found.box, (31, 24, 31 + 512, 24 + 512)), found.box
    assert set(found.removed) == {"top", "bottom", "left", "right"} and not found.capped
    inside = np.asarray(framed.crop(found.box), np.int16)
    assert inside.min(axis=(0, 1)).max() < 200, "what is kept is photo, not a white strip"
    for edge in (inside[0], inside[-1], inside[:, 0], inside[:, -1]):
        assert (edge.min(axis=1) > 235).mean() < 0.5, "no pale hairline of the frame is left on the photo"


def test_a_thin_grey_line_between_the_frame_and_the_photo_does_not_stop_the_trim() -> None:
    photo = _photo()
    lined = _framed(photo, (128, 128, 128), 1, 1, 1, 1)            # a one-pixel keyline around the photo
    framed = _jpeg(_framed(lined, "white", 40, 40, 40, 40))
    found = find_border(framed)
    assert found is not None and _near(found.box, (41, 41, 41 + 512, 41 + 512)), found and found.box


def test_black_letterbox_bars_are_trimmed_and_the_sides_stay() -> None:
    photo = _photo("coffee")                                         # 600×400
    barred = _jpeg(_framed(photo, "black", 70, 70, 0, 0))
    found = find_border(barred)
    assert found is not None and found.colour == "black"
    assert set(found.removed) == {"top", "bottom"}
    assert _near(found.box, (0, 70, 600, 470)), found.box
    assert found.sentence().startswith("Trimmed the black border: ") and "px top" in found.sentence()


@pytest.mark.parametrize("name", ["astronaut", "coffee", "chelsea", "rocket"])
def test_a_photo_with_no_border_is_not_trimmed(name: str) -> None:
    assert find_border(_photo(name)) is None


def test_a_sky_white_across_the_top_by_its_content_is_kept() -> None:
    """A border comes with a partner side of its colour: white only across the top (an overcast sky, snow) is the
    photo, and nothing is cropped."""
    photo = _photo()
    sky = _jpeg(_framed(photo, (250, 250, 252), 300, 0, 0, 0))
    assert find_border(sky) is None


def test_a_border_plain_further_than_the_limit_stops_at_the_limit_and_says_so() -> None:
    """White above the photo for 60 % of the height, and a white frame on the other sides: the top stops at
    MAX_SHARE, and the reply says it was plain further in."""
    photo = _photo().resize((200, 100))
    framed = _framed(photo, "white", 200, 10, 10, 10)               # height 310: the top is 65 % of it
    found = find_border(framed)
    assert found is not None
    assert found.removed["top"] == int(MAX_SHARE * 310) and found.capped == ("top",)
    assert found.removed["bottom"] == 10 and "stopped at 45 %" in found.sentence()


@pytest.mark.parametrize("image", [Image.new("RGB", (1, 1), "white"), Image.new("RGB", (300, 200), "white"),
                                   Image.new("RGB", (300, 200), "black"), Image.new("L", (15, 900), 255)],
                         ids=["1x1", "all white", "all black", "too narrow"])
def test_nothing_to_keep_inside_is_nothing_trimmed(image: Image.Image) -> None:
    assert find_border(image) is None


def test_the_session_trims_journals_and_replays_to_the_same_pixels(tmp_path: Path) -> None:
    import retouch
    from tests.support import pixels

    source = tmp_path / "framed.png"
    _jpeg(_framed(_photo(), "white", 20, 20, 20, 20)).save(source)
    editor = retouch.open(source, session=tmp_path / "s")
    made = editor.apply(TRIM)
    assert made.version == 1 and Image.open(made.path).size[0] in (511, 512, 513)
    assert any(note.startswith("Trimmed the white border: 20 px top") for note in made.notes), made.notes
    entry = [json.loads(line) for line in (tmp_path / "s" / "journal.jsonl").read_text().splitlines()][-1]
    assert entry["calls"][0]["trimmed"]["top"] == 20
    again = Executor().run(validate_plan(entry["resolved"]).calls, Image.open(source).convert("RGB")).images[0]
    assert np.array_equal(np.asarray(again.convert("RGB")), pixels(made.path)[..., :3])


def test_the_session_with_no_border_keeps_the_version_and_says_so(tmp_path: Path) -> None:
    import retouch

    source = tmp_path / "plain.png"
    _photo("coffee").save(source)
    editor = retouch.open(source, session=tmp_path / "s")
    kept = editor.apply(TRIM)
    assert kept.version == 0 and NO_BORDER in kept.notes


def test_a_border_of_another_colour_than_the_one_named_is_left_and_said(tmp_path: Path) -> None:
    import retouch

    source = tmp_path / "bars.png"
    _framed(_photo("coffee"), "black", 40, 40, 0, 0).save(source)
    editor = retouch.open(source, session=tmp_path / "s")
    kept = editor.apply({"calls": [{"tool": "crop", "args": {"trim": True, "border": "white"}}]})
    assert kept.version == 0 and any("black border, not a white one" in note for note in kept.notes), kept.notes
    made = editor.apply({"calls": [{"tool": "crop", "args": {"trim": True, "border": "black"}}]})
    assert made.version == 1 and Image.open(made.path).size == (600, 400)


@pytest.mark.parametrize("args", [{"trim": True, "box": [0, 0, 10, 10]}, {"trim": True, "aspect": "1:1"},
                                  {"trim": True, "keep_selection": True}, {"trim": "yes please"},
                                  {"border": "white"}, {"trim": True, "border": "red"}])
def test_trim_is_refused_with_a_box_an_aspect_or_a_selection(args: dict) -> None:
    with pytest.raises(ValidationError):
        CropArgs(**args)


def test_the_cli_trims_from_words_and_says_per_side_or_that_nothing_was_found(run_cli, tmp_path: Path) -> None:
    from tests.support import pixels

    framed = tmp_path / "framed.png"
    _framed(_photo("coffee"), "white", 16, 16, 24, 24).save(framed)
    code, out, err = run_cli("edit", framed, "get rid of the white frame around the photo", "-o", tmp_path / "out.png",
                             "--session", tmp_path / "s1")
    assert code == 0, err
    assert "Trimmed the white border: 16 px top, 16 px bottom, 24 px left, 24 px right." in out + err
    assert np.array_equal(pixels(tmp_path / "out.png")[..., :3], np.asarray(_photo("coffee")))

    plain = tmp_path / "plain.png"
    _photo("coffee").save(plain)
    code, out, err = run_cli("edit", plain, "remove the black bars", "-o", tmp_path / "none.png",
                             "--session", tmp_path / "s2")
    assert code != 0 and NO_BORDER in out + err and "leaves the picture as it was" in err
    assert not (tmp_path / "none.png").exists()


def test_a_transparent_picture_keeps_its_alpha_when_trimmed() -> None:
    framed = _framed(_photo(), "white", 12, 12, 12, 12).convert("RGBA")
    found = find_border(framed)
    assert found is not None and found.box == (12, 12, 524, 524)
    assert framed.crop(found.box).mode == "RGBA"
