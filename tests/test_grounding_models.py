"""Grounding DINO + SAM through the product's own loaders, with tiny random models built here.

The models are real transformers classes with random weights, saved with save_pretrained
(safetensors) to a temporary folder — or into a fake Hugging Face cache — and loaded back by
`tools.finders`. Random weights make the boxes meaningless, so the tests check the plumbing: shapes,
the path from words to a mask file, the embedding cache, the loaders' refusals.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from retouch.agent.planner.finder_words import finder_query
from retouch.tools.errors import ModelMissing, NothingFound, RetouchError

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="session")
def tiny_dino(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from testkit.tiny_models.finders import save_tiny_grounding_dino

    return save_tiny_grounding_dino(tmp_path_factory.mktemp("tiny-grounding-dino"))


@pytest.fixture(scope="session")
def tiny_sam(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from testkit.tiny_models.finders import save_tiny_sam

    return save_tiny_sam(tmp_path_factory.mktemp("tiny-sam"))


@pytest.fixture
def photo() -> Image.Image:
    from tests.support import DATA

    return Image.open(DATA / "image.png").convert("RGB")


def finder(dino: Path, sam: Path, **options):
    from retouch.tools.finders.grounded_sam import GroundedSamFinder

    # random weights score every box low; thresholds at 0 keep them all
    return GroundedSamFinder(detector=str(dino), segmenter=str(sam), device="cpu", box_threshold=0.0,
                             text_threshold=0.0, **options)


def test_detection_and_segmentation_give_image_sized_masks(tiny_dino, tiny_sam, photo) -> None:
    found = finder(tiny_dino, tiny_sam, fallback=None).find(photo, "dog", "a brown dog")
    assert found, "thresholds at 0 keep every box"
    for candidate in found:
        assert candidate.label == "dog"
        assert candidate.mask.shape == (photo.height, photo.width) and candidate.mask.dtype == np.uint8
        assert set(np.unique(candidate.mask)) <= {0, 255}
        x0, y0, x1, y1 = candidate.box
        ys, xs = np.nonzero(candidate.mask)
        assert (x0, y0, x1, y1) == (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1), "box is the mask's extent"
        assert 0.0 <= candidate.score <= 1.0


def test_select_end_to_end_picks_by_position(tiny_dino, tiny_sam, photo) -> None:
    from retouch.tools.select import select
    from retouch.tools.spatial import pick

    grounded = finder(tiny_dino, tiny_sam, fallback=None)
    found = grounded.find(photo, "umbrella")
    leftmost = pick(found, photo.size, position="left")[0]
    selection = select(photo, grounded, target="umbrella", position="left")
    assert selection.finder == "grounded-sam" and selection.found == len(found)
    assert np.array_equal(selection.mask, leftmost.mask)
    everything_else = select(photo, grounded, target="umbrella", position="left", exclude=True)
    assert np.array_equal(everything_else.mask, 255 - leftmost.mask)


def test_models_load_once_and_the_embedding_is_reused(tiny_dino, tiny_sam, photo) -> None:
    from retouch.tools.finders.detector import load_detector
    from retouch.tools.finders.segmenter import load_segmenter

    assert load_detector(str(tiny_dino), device="cpu") is load_detector(str(tiny_dino), device="cpu", dtype="float32")
    sam = load_segmenter(str(tiny_sam), device="cpu")
    assert load_segmenter(str(tiny_sam), device="cpu") is sam
    sam.embeddings.clear()
    before = sam.encodes
    first = sam.segment(photo, [(120, 60, 200, 215)])
    second = sam.segment(photo, [(10, 10, 60, 60), (120, 60, 200, 215)])
    third = sam.segment(photo.copy(), [(120, 60, 200, 215)])  # same pixels, another object
    assert sam.encodes == before + 1, "one image encoding for every prompt on the same pixels"
    assert np.array_equal(first[0][0], second[1][0]) and np.array_equal(first[0][0], third[0][0])
    edited = photo.copy()
    edited.putpixel((0, 0), (255, 0, 0))
    sam.segment(edited, [(120, 60, 200, 215)])
    assert sam.encodes == before + 2, "a changed image is a new version: encoded afresh"


def test_finder_through_the_registry_and_the_executor(tiny_dino, tiny_sam, photo) -> None:
    from retouch.agent.executor import Backends, Executor
    from retouch.agent.plan import SelectArgs, SelectCall

    backends = Backends(finder_name="grounded-sam",
                        options={"grounded-sam": {"detector": str(tiny_dino), "segmenter": str(tiny_sam), "device": "cpu",
                                            "box_threshold": 0.0, "text_threshold": 0.0, "fallback": None}})
    result = Executor(backends).run([SelectCall(args=SelectArgs(target="car", position="right"))], photo)
    record = result.records[0]["selection"]
    assert record["finder"] == "grounded-sam" and len(record["chosen"]) == 1
    assert result.mask.shape == (256, 256) and result.mask.any()


def test_nothing_found_names_what_the_detector_sees(tiny_dino, tiny_sam, photo) -> None:
    from retouch.tools.select import select

    strict = finder(tiny_dino, tiny_sam, fallback=None)
    strict.box_threshold = 1.01  # nothing can pass: the find comes back empty
    with pytest.raises(NothingFound) as caught:
        select(photo, strict, target="giraffe")
    assert str(caught.value).startswith("I couldn't find the giraffe")


def test_a_person_the_detector_misses_falls_back_to_the_embedded_models(tiny_dino, tiny_sam, photo) -> None:
    grounded = finder(tiny_dino, tiny_sam)
    grounded.box_threshold = 1.01
    query = finder_query("woman")              # the planner's words → the label; the detector still reads "woman"
    people = grounded.find(photo, query.target, query.name)
    assert len(people) == 1 and people[0].label == "person"  # MediaPipe's selfie segmentation found her
    assert grounded.find(photo, "giraffe") == []


def test_models_found_by_hub_id_in_the_local_cache_only(tiny_sam, tmp_path, monkeypatch, photo) -> None:
    import shutil

    from huggingface_hub import constants

    from retouch.tools.finders.segmenter import load_segmenter
    from retouch.tools.models import find_model, locate_model

    cache = tmp_path / "hub"
    snapshot = cache / "models--retouch-tests--tiny-sam" / "snapshots" / ("a" * 40)
    shutil.copytree(tiny_sam, snapshot)
    (cache / "models--retouch-tests--tiny-sam" / "refs").mkdir()
    (cache / "models--retouch-tests--tiny-sam" / "refs" / "main").write_text("a" * 40)
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(cache))
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)  # even online, nothing is fetched

    assert locate_model("retouch-tests/tiny-sam", "segmenter") == snapshot
    sam = load_segmenter("retouch-tests/tiny-sam", device="cpu")
    assert sam.segment(photo, [(0, 0, 50, 50)])[0][0].shape == (256, 256)
    assert find_model("retouch-tests/not-here") is None
    with pytest.raises(ModelMissing) as caught:
        locate_model("retouch-tests/not-here", "segmenter")
    assert "retouch models pull retouch-tests/not-here" in str(caught.value)
    with pytest.raises(ModelMissing, match="no segmenter model folder"):
        locate_model(str(tmp_path / "nowhere"), "segmenter")


def test_pickled_weights_are_refused(tiny_sam, tmp_path) -> None:
    import shutil

    from safetensors.torch import load_file

    from retouch.tools.finders.segmenter import load_segmenter

    pickled = tmp_path / "pickled-sam"
    pickled.mkdir()
    for name in ("config.json", "processor_config.json"):
        shutil.copy(tiny_sam / name, pickled / name)
    torch.save(load_file(tiny_sam / "model.safetensors"), pickled / "pytorch_model.bin")
    with pytest.raises(RetouchError, match="safetensors"):
        load_segmenter(str(pickled), device="cpu")


def test_a_missing_model_through_the_finder_is_one_clear_error(photo) -> None:
    from retouch.tools.finders.grounded_sam import GroundedSamFinder

    missing = GroundedSamFinder(detector="retouch-tests/no-such-detector", segmenter="retouch-tests/no-such-sam",
                                device="cpu")
    with pytest.raises(ModelMissing, match="retouch models pull retouch-tests/no-such-detector"):
        missing.find(photo, "dog")


# ---- Meta's official checkpoint format ---------------------------------------------------------


def _to_official(state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """transformers' SAM names → segment-anything's, written out by hand (the inverse of the loader)."""
    official = {}
    for key, value in state.items():
        if key.startswith("shared_image_embedding."):
            continue
        name = re.sub(r"^vision_encoder\.layers\.(\d+)\.layer_norm(\d)", r"image_encoder.blocks.\1.norm\2", key)
        name = re.sub(r"^vision_encoder\.layers\.", "image_encoder.blocks.", name)
        name = name.replace("vision_encoder.patch_embed.projection", "image_encoder.patch_embed.proj")
        for new, old in (("conv1", "0"), ("layer_norm1", "1"), ("conv2", "2"), ("layer_norm2", "3")):
            name = name.replace(f"vision_encoder.neck.{new}.", f"image_encoder.neck.{old}.")
        name = name.replace("vision_encoder.", "image_encoder.")
        name = name.replace("prompt_encoder.shared_embedding.positional_embedding",
                            "prompt_encoder.pe_layer.positional_encoding_gaussian_matrix")
        name = name.replace("prompt_encoder.point_embed.", "prompt_encoder.point_embeddings.")
        for new, old in (("conv1", "0"), ("layer_norm1", "1"), ("conv2", "3"), ("layer_norm2", "4"), ("conv3", "6")):
            name = name.replace(f"prompt_encoder.mask_embed.{new}.", f"prompt_encoder.mask_downscaling.{old}.")
        for new, old in (("upscale_conv1", "output_upscaling.0"), ("upscale_layer_norm", "output_upscaling.1"),
                         ("upscale_conv2", "output_upscaling.3")):
            name = name.replace(f"mask_decoder.{new}.", f"mask_decoder.{old}.")
        name = re.sub(r"(transformer\.layers\.\d+\.)layer_norm(\d)", r"\1norm\2", name)
        name = name.replace("transformer.layer_norm_final_attn", "transformer.norm_final_attn")
        head = r"(output_hypernetworks_mlps\.\d+|iou_prediction_head)"
        name = re.sub(head + r"\.layers\.0\.", r"\1.layers.1.", name)
        name = re.sub(head + r"\.proj_in\.", r"\1.layers.0.", name)
        name = re.sub(head + r"\.proj_out\.", r"\1.layers.2.", name)
        official[name] = value.clone()
    official["pixel_mean"] = torch.tensor([123.675, 116.28, 103.53]).view(-1, 1, 1)
    official["pixel_std"] = torch.tensor([58.395, 57.12, 57.375]).view(-1, 1, 1)
    return official


def test_official_pth_checkpoints_load_into_the_same_model(tmp_path, photo) -> None:
    from transformers import SamModel

    from retouch.tools.finders.segmenter import load_segmenter
    from testkit.tiny_models.finders import tiny_sam_config

    config = tiny_sam_config()
    config.mask_decoder_config.num_attention_heads = 8  # what every official SAM uses
    torch.manual_seed(1)
    reference = SamModel(config).eval()
    reference.save_pretrained(tmp_path / "hf", safe_serialization=True)
    from retouch.tools.finders.sam_checkpoint import _processor

    _processor(128).save_pretrained(tmp_path / "hf")
    torch.save(_to_official(reference.state_dict()), tmp_path / "sam_vit_t_test.pth")

    official = load_segmenter(str(tmp_path / "sam_vit_t_test.pth"), device="cpu")
    converted = load_segmenter(str(tmp_path / "hf"), device="cpu")
    boxes = [(120, 60, 200, 215), (0, 0, 90, 90)]
    for (mask_a, score_a), (mask_b, score_b) in zip(official.segment(photo, boxes), converted.segment(photo, boxes)):
        assert np.array_equal(mask_a, mask_b) and score_a == pytest.approx(score_b, abs=1e-5)


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")
def test_a_pickle_with_code_is_not_loaded(tmp_path) -> None:
    import pickle

    from retouch.tools.finders.segmenter import load_segmenter

    class Sneaky:
        def __reduce__(self):
            return (print, ("this must never run",))

    (tmp_path / "sam_vit_x.pth").write_bytes(pickle.dumps({"model": Sneaky()}))
    with pytest.raises(RetouchError, match="can't be read as plain tensors"):
        load_segmenter(str(tmp_path / "sam_vit_x.pth"), device="cpu")


# ---- device and dtype --------------------------------------------------------------------------


def test_device_and_dtype_choice() -> None:
    from retouch.tools.models import pick_device, pick_dtype

    auto = pick_device(None)
    assert auto in ("cuda", "mps", "cpu") and pick_device("auto") == auto
    assert pick_device("cpu") == "cpu"
    assert pick_dtype("cpu") is torch.float32 and pick_dtype("cuda") is torch.float16
    assert pick_dtype("cuda", "bf16") is torch.bfloat16 and pick_dtype("cpu", torch.float16) is torch.float16
    with pytest.raises(RetouchError, match="unknown dtype"):
        pick_dtype("cpu", "float8")
    with pytest.raises(RetouchError, match="unknown device"):
        pick_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(RetouchError, match="no CUDA GPU"):
            pick_device("cuda")


def test_auto_finder_resolution(tiny_dino, tiny_sam, monkeypatch) -> None:
    from retouch.tools.finders import availability, resolve_auto_finder

    assert resolve_auto_finder({"detector": str(tiny_dino), "segmenter": str(tiny_sam)}) == "grounded-sam"
    assert resolve_auto_finder({"detector": "retouch-tests/absent", "segmenter": str(tiny_sam)}) == "embedded"
    grounded = next(s for s in availability({"detector": "retouch-tests/absent"}) if s.name == "grounded-sam")
    assert not grounded.available and "retouch models pull retouch-tests/absent" in grounded.reason
    import retouch.tools.finders as finders

    monkeypatch.setattr(finders, "embedded_available", lambda: False)
    assert resolve_auto_finder({"detector": "retouch-tests/absent"}) == "none"


def test_the_cli_with_grounded_sam_from_the_config_file(tiny_dino, tiny_sam, tmp_path, monkeypatch, run_cli) -> None:
    import json

    from tests.support import DATA

    config = tmp_path / "config.toml"
    config.write_text(f'finder = "grounded-sam"\n\n[backends.grounded-sam]\ndetector = "{tiny_dino}"\n'
                      f'segmenter = "{tiny_sam}"\ndevice = "cpu"\nbox_threshold = 0.0\ntext_threshold = 0.0\n'
                      'fallback = "none"\n', encoding="utf-8")
    monkeypatch.setenv("RETOUCH_CONFIG", str(config))
    out = tmp_path / "dog.png"
    code, stdout, err = run_cli("mask", DATA / "image.png", "the dog on the right", "-o", out, "--json")
    assert code == 0, err
    step = json.loads(stdout)["steps"][0]
    assert step["selection"]["finder"] == "grounded-sam" and step["args"]["position"] == "right"
    with Image.open(out) as mask:
        assert mask.size == (256, 256) and np.asarray(mask).any()

    code, stdout, err = run_cli("models", "--json")
    roles = json.loads(stdout)["roles"]
    finders = {b["name"]: b for b in roles["finder"]["backends"]}
    assert finders["grounded-sam"]["available"] is True
    assert roles["detector"]["models"][0]["path"] == str(tiny_dino)
    assert roles["segmenter"]["models"][0] == {"name": str(tiny_sam), "found": True, "path": str(tiny_sam),
                                               "device": json.loads(stdout)["device"]["auto"],
                                               "dtype": json.loads(stdout)["device"]["dtype"]}
