"""Loading: every pipeline family through the product's loader (tiny random SDXL and FLUX.1 Fill
built here), the class detection, safetensors only, and the offline error for a missing model."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.tools.diffusion.backend import DiffusersInpainter
from retouch.tools.diffusion.loader import load_pipeline, pipeline_class_name
from retouch.tools.errors import ModelMissing, RetouchError
from retouch.tools.inpaint import InpaintRequest, compositing_mask

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture(scope="session")
def models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.getbasetemp() / "diffusion-models"


@pytest.fixture(scope="session")
def tiny_sdxl(models_dir: Path) -> Path:
    from testkit.tiny_models.diffusion import build_tiny_sdxl

    return build_tiny_sdxl(models_dir / "sdxl")


@pytest.fixture(scope="session")
def tiny_flux(models_dir: Path) -> Path:
    from testkit.tiny_models.diffusion import build_tiny_flux_fill

    return build_tiny_flux_fill(models_dir / "flux-fill")


@pytest.fixture
def scene() -> tuple[Image.Image, np.ndarray]:
    rng = np.random.default_rng(5)
    base = np.clip(rng.normal(128, 30, (90, 131, 3)), 0, 255).astype(np.uint8)
    mask = np.zeros((90, 131), np.uint8)
    mask[30:60, 50:90] = 255
    return Image.fromarray(base, "RGB"), mask


def _unchanged_outside(result: Image.Image, image: Image.Image, mask: np.ndarray, blur: int) -> bool:
    outside = compositing_mask(mask, blur) == 0
    return np.array_equal(np.asarray(result)[outside], np.asarray(image)[outside])


def test_class_detection_reads_model_index(tiny_sdxl: Path, tiny_flux: Path, tmp_path: Path) -> None:
    assert pipeline_class_name(tiny_sdxl) == "StableDiffusionXLInpaintPipeline"
    assert pipeline_class_name(tiny_flux) == "FluxFillPipeline"
    with pytest.raises(RetouchError, match="model_index.json"):
        pipeline_class_name(tmp_path)
    (tmp_path / "model_index.json").write_text("{}")
    with pytest.raises(RetouchError, match="not a valid"):
        pipeline_class_name(tmp_path)


def test_sdxl_inpainting(tiny_sdxl: Path, scene) -> None:
    image, mask = scene
    inpainter = DiffusersInpainter(model=str(tiny_sdxl), device="cpu")
    request = InpaintRequest(task="add", prompt="a lamp", strength=0.9, fill="latent_noise", steps=2, seed=4,
                             padding=8, mask_blur=4)
    result = inpainter.inpaint(image, mask, request)
    assert result.info["family"] == "sdxl" and result.info["pipeline"] == "StableDiffusionXLInpaintPipeline"
    assert _unchanged_outside(result.images[0], image, mask, 4)
    again = inpainter.inpaint(image, mask, request)
    assert again.images[0].tobytes() == result.images[0].tobytes()


def test_flux_fill_is_loaded_as_fill_not_flux_inpaint(tiny_flux: Path, scene) -> None:
    image, mask = scene
    inpainter = DiffusersInpainter(model=str(tiny_flux), device="cpu", resolution=64, soft=True)
    request = InpaintRequest(task="replace", prompt="a cat", strength=0.6, fill="latent_nothing", steps=4, seed=2,
                             padding=8, mask_blur=4, guidance=7.5)
    calls: list[int] = []
    result = inpainter.inpaint(image, mask, request, progress=lambda done, total, what: calls.append(done))
    info = result.info
    assert info["family"] == "flux-fill" and info["pipeline"] == "FluxFillPipeline"
    assert info["model_guidance"] == 30.0, "SD's 7.5 maps to FLUX Fill's recommended 30"
    assert info["painting_size"] == [64, 64] and calls[1:] == list(range(1, info["steps_run"] + 1))
    assert _unchanged_outside(result.images[0], image, mask, 4)
    other = inpainter.inpaint(image, mask, InpaintRequest(**{**request.as_record(), "fill": "original"}))
    assert other.images[0].tobytes() != result.images[0].tobytes()


def test_pipelines_load_once_per_model_device_and_dtype(tiny_sdxl: Path) -> None:
    first = load_pipeline(str(tiny_sdxl), device="cpu")
    assert load_pipeline(str(tiny_sdxl), device="cpu", dtype="float32") is first
    assert first.describe()["dtype"] == "float32" and first.native == (64, 64)


def test_only_safetensors_weights_are_loaded(tiny_sdxl: Path, tmp_path: Path) -> None:
    import diffusers

    pipe = diffusers.StableDiffusionXLInpaintPipeline.from_pretrained(tiny_sdxl, local_files_only=True)
    pickled = tmp_path / "pickled"
    pipe.save_pretrained(pickled, safe_serialization=False)
    assert list((pickled / "unet").glob("*.bin")) and not list((pickled / "unet").glob("*.safetensors"))
    with pytest.raises(RetouchError, match="safetensors"):
        load_pipeline(str(pickled), device="cpu")


def test_a_model_not_on_this_machine_names_the_pull_command(scene) -> None:
    image, mask = scene
    inpainter = DiffusersInpainter(model="retouch-tests/no-such-inpainting-model", device="cpu")
    with pytest.raises(ModelMissing) as caught:
        inpainter.inpaint(image, mask, InpaintRequest(task="replace", prompt="a cat", steps=2))
    assert "retouch models pull" in str(caught.value)


def test_unknown_backend_option_is_a_clear_error() -> None:
    with pytest.raises(RetouchError, match="no option 'modle'"):
        DiffusersInpainter(modle="x")


def test_registered_in_the_registry(tiny_sdxl: Path) -> None:
    from retouch.agent import registry

    assert "diffusers" in registry.names("inpainter")
    backend = registry.load("inpainter", "diffusers", model=str(tiny_sdxl), device="cpu")
    assert isinstance(backend, DiffusersInpainter) and backend.model == str(tiny_sdxl)
    assert json.loads(json.dumps(backend.loaded().describe()))["family"] == "sdxl"
