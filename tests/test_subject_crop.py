"""A crop with no shape said ('crop it better'): in around the main subject at the photo's shape, never through it;
nothing cropped, and said, when nothing stands out or the subject already fills the frame (tools/subject_crop.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pydantic import ValidationError

from retouch.agent.plan import CropArgs
from retouch.tools.geometry import smallest_aspect_box_around
from retouch.tools.subject_crop import subject_crop

DATA = Path(__file__).parent / "data"


def _rabbit_in_a_field(width: int = 900, height: int = 600, at: tuple[int, int] = (520, 230)) -> tuple[np.ndarray,
                                                                                                       np.ndarray]:
    """A drawn field under a sky with the real rabbit (tests/data/bunny.jpeg, cut out by its truth mask) standing in
    it: the picture and where the rabbit is."""
    rows = np.linspace(0, 1, height)[:, None, None]
    sky = np.array([150, 190, 235]) * (1 - rows) + np.array([215, 225, 240]) * rows
    ground = np.array([120, 140, 90]) + np.random.default_rng(3).normal(0, 6, (height, width, 3))
    picture = np.where(np.arange(height)[:, None, None] > height * 0.55, ground, sky).clip(0, 255).astype(np.uint8)
    rabbit = np.asarray(Image.open(DATA / "bunny.jpeg").convert("RGB"))
    mask = np.asarray(Image.open(DATA / "bunny_mask.png")) > 127
    ys, xs = np.nonzero(mask)
    rabbit, mask = (part[ys.min():ys.max() + 1, xs.min():xs.max() + 1] for part in (rabbit, mask))
    truth = np.zeros((height, width), bool)
    x0, y0 = at
    picture[y0:y0 + mask.shape[0], x0:x0 + mask.shape[1]][mask] = rabbit[mask]
    truth[y0:y0 + mask.shape[0], x0:x0 + mask.shape[1]] = mask
    return picture, truth


def _holds(box: tuple[int, int, int, int], truth: np.ndarray) -> bool:
    ys, xs = np.nonzero(truth)
    return box[0] <= xs.min() and box[1] <= ys.min() and box[2] > xs.max() and box[3] > ys.max()


def _ratio(box: tuple[int, int, int, int]) -> float:
    return (box[2] - box[0]) / (box[3] - box[1])


def test_the_rabbit_in_a_wide_field_is_cropped_to_whole_and_the_shape_kept() -> None:
    picture, truth = _rabbit_in_a_field()
    found = subject_crop(picture)
    assert found.box is not None and _holds(found.box, truth)
    width, height = found.box[2] - found.box[0], found.box[3] - found.box[1]
    assert width * height < 0.7 * 900 * 600
    assert abs(_ratio(found.box) / 1.5 - 1) < 0.01
    assert found.sentence.startswith("Cropped to the main subject, keeping 3:2")


def test_a_shape_said_is_the_shape_the_crop_takes_around_the_rabbit() -> None:
    picture, truth = _rabbit_in_a_field()
    found = subject_crop(picture, aspect=4 / 5, aspect_name="4:5")
    assert found.box is not None and _holds(found.box, truth)
    assert abs(_ratio(found.box) / 0.8 - 1) < 0.01 and "keeping 4:5" in found.sentence


def test_the_woman_at_night_is_cropped_around_the_person_the_finder_sees() -> None:
    from retouch.agent import registry

    photo = Image.open(DATA / "image.png").convert("RGB")
    people = [found.box for found in registry.load("finder", "embedded").find(photo, "person")]
    assert people, "the embedded finder sees the woman"
    found = subject_crop(np.asarray(photo), people)
    truth = np.asarray(Image.open(DATA / "mask.png").convert("L")) > 127
    assert found.box is not None and _holds(found.box, truth)
    assert (found.box[2] - found.box[0]) < 256 and abs(_ratio(found.box) - 1) < 0.01


def _camera_field() -> np.ndarray:
    from skimage import data

    return np.stack([data.camera()[:330, 330:]] * 3, axis=-1)          # sky, far buildings, a lawn: no one in it


def _drawn_landscape() -> np.ndarray:
    rows = np.linspace(0, 1, 300)[:, None, None]
    sky = np.array([150, 190, 235]) * (1 - rows) + np.array([215, 225, 240]) * rows
    ground = np.array([120, 140, 90]) + np.random.default_rng(3).normal(0, 6, (300, 450, 3))
    return np.where(np.arange(300)[:, None, None] > 165, ground, sky).clip(0, 255).astype(np.uint8)


def _grass() -> np.ndarray:
    from skimage import data

    return np.stack([data.grass()] * 3, axis=-1)


@pytest.mark.parametrize("picture", [_camera_field, _drawn_landscape, _grass,
                                     lambda: np.full((200, 300, 3), 128, np.uint8)],
                         ids=["a lawn under the sky (real)", "drawn landscape", "grass texture", "flat grey"])
def test_nothing_standing_out_is_nothing_cropped_and_said(picture) -> None:
    found = subject_crop(picture())
    assert found.box is None and found.sentence.startswith("No subject stands out")


def test_a_subject_filling_the_frame_is_not_cropped_and_said() -> None:
    from skimage import data

    found = subject_crop(data.astronaut(), people=[(0, 15, 512, 512)])
    assert found.box is None and found.sentence.startswith("The subject already fills the frame")


@pytest.mark.parametrize("keep", [(100, 100, 200, 150), (0, 0, 50, 400), (550, 10, 600, 60)])
def test_the_smallest_box_of_a_shape_holds_what_it_keeps(keep: tuple[int, int, int, int]) -> None:
    box = smallest_aspect_box_around((600, 400), 1.5, keep)
    assert box is not None and box[0] <= keep[0] and box[1] <= keep[1] and box[2] >= keep[2] and box[3] >= keep[3]
    assert 0 <= box[0] and 0 <= box[1] and box[2] <= 600 and box[3] <= 400 and abs(_ratio(box) / 1.5 - 1) < 0.02


def test_a_shape_too_narrow_for_what_it_keeps_is_none() -> None:
    assert smallest_aspect_box_around((600, 400), 0.2, (0, 0, 500, 100)) is None


@pytest.mark.parametrize("args", [{"subject": True, "box": [0, 0, 10, 10]}, {"subject": True, "keep_selection": True},
                                  {"subject": True, "trim": True}, {"subject": True, "center_on_selection": True}])
def test_the_subject_crop_is_refused_with_a_box_a_selection_or_a_trim(args: dict) -> None:
    with pytest.raises(ValidationError):
        CropArgs(**args)


def test_the_session_crops_the_rabbit_or_keeps_the_landscape_and_says_so(tmp_path: Path) -> None:
    import retouch

    picture, _ = _rabbit_in_a_field()
    Image.fromarray(picture).save(tmp_path / "field.png")
    editor = retouch.open(tmp_path / "field.png", session=tmp_path / "s")
    made = editor.apply({"calls": [{"tool": "crop", "args": {"subject": True}}]})
    assert made.version == 1 and Image.open(made.path).size[0] < 900
    assert any(note.startswith("Cropped to the main subject, keeping 3:2") for note in made.notes), made.notes
    Image.fromarray(_drawn_landscape()).save(tmp_path / "land.png")
    land = retouch.open(tmp_path / "land.png", session=tmp_path / "t")
    kept = land.apply({"calls": [{"tool": "crop", "args": {"subject": True}}]})
    assert kept.version == 0 and any(note.startswith("No subject stands out") for note in kept.notes), kept.notes
