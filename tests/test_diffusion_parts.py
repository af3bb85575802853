"""The diffusion engine's pieces that need no model: work-area geometry, seam colour, fills,
the soft-inpainting schedule, the pull command's file selection and the inpainting flags."""

from __future__ import annotations

import argparse

import numpy as np
import pytest

from retouch.tools.diffusion.colour import match_seam_colour, seam_ring
from retouch.tools.diffusion.crop import mask_bbox, painting_size, work_area
from retouch.tools.diffusion.fills import blur_fill
from retouch.tools.errors import RetouchError

# ------------------------------------------------------------------------------- work area


def _mask(size: tuple[int, int], box: tuple[int, int, int, int]) -> np.ndarray:
    mask = np.zeros((size[1], size[0]), np.uint8)
    mask[box[1]:box[3], box[0]:box[2]] = 255
    return mask


@pytest.mark.parametrize("size, box, padding", [
    ((301, 203), (120, 80, 170, 110), 32),     # small mask in the middle
    ((301, 203), (0, 0, 30, 12), 16),          # touching the corner
    ((2048, 2048), (1500, 300, 1560, 420), 32),
    ((203, 301), (10, 250, 190, 290), 8),      # wide mask near the bottom of a tall image
])
def test_work_area_contains_mask_and_padding_with_model_aspect(size, box, padding) -> None:
    mask = _mask(size, box)
    area = work_area(mask, full_resolution=True, padding=padding, native=(512, 512), multiple=8)
    x0, y0, x1, y1 = area.box
    want = (max(0, box[0] - padding), max(0, box[1] - padding),
            min(size[0], box[2] + padding), min(size[1], box[3] + padding))
    assert x0 <= want[0] and y0 <= want[1] and x1 >= want[2] and y1 >= want[3]
    assert 0 <= x0 < x1 <= size[0] and 0 <= y0 < y1 <= size[1]
    assert x1 - x0 == y1 - y0, "square like the model"
    assert area.size == (512, 512)


def test_work_area_that_cannot_be_square_keeps_the_pixel_budget() -> None:
    mask = _mask((301, 203), (5, 90, 296, 100))
    area = work_area(mask, full_resolution=True, padding=32, native=(1024, 1024), multiple=16)
    assert area.box == (0, 0, 301, 203)
    width, height = area.size
    assert width % 16 == 0 and height % 16 == 0
    assert abs(width / height - 301 / 203) < 0.05 and abs(width * height - 1024 * 1024) / 1024**2 < 0.05


def test_no_full_resolution_paints_the_whole_image() -> None:
    area = work_area(_mask((640, 480), (10, 10, 20, 20)), full_resolution=False, padding=32, native=(512, 512),
                     multiple=8)
    assert area.box == (0, 0, 640, 480)
    assert area.size[0] % 8 == 0 and area.size[1] % 8 == 0 and area.size[0] > area.size[1]


def test_painting_size_and_bbox() -> None:
    assert painting_size((0, 0, 100, 100), (64, 64), 2) == (64, 64)
    assert mask_bbox(np.zeros((5, 5), np.uint8)) is None
    assert mask_bbox(_mask((10, 8), (2, 3, 5, 7))) == (2, 3, 5, 7)


# ------------------------------------------------------------------------- seam colour, fills


def test_seam_colour_correction_undoes_a_colour_cast() -> None:
    rng = np.random.default_rng(0)
    original = np.clip(rng.normal(120, 20, (64, 64, 3)), 0, 255).astype(np.uint8)
    mask = _mask((64, 64), (20, 20, 44, 44))
    cast = np.clip(original.astype(int) + (18, -10, 6), 0, 255).astype(np.uint8)  # the VAE's drift
    fixed = match_seam_colour(cast, original, mask, ring_width=8)
    ring = seam_ring(mask, 8)
    before = np.abs(cast[ring].astype(int) - original[ring]).mean()
    after = np.abs(fixed[ring].astype(int) - original[ring]).mean()
    assert after < before / 3


def test_seam_colour_correction_skips_a_mask_with_no_ring() -> None:
    image = np.full((16, 16, 3), 90, np.uint8)
    assert match_seam_colour(image, image + 1, np.full((16, 16), 255, np.uint8)) is image


def test_blur_fill_changes_only_the_masked_area() -> None:
    rng = np.random.default_rng(1)
    image = rng.integers(0, 255, (50, 70, 3), dtype=np.uint8)
    mask = _mask((70, 50), (20, 10, 50, 40))
    filled = blur_fill(image, mask)
    assert np.array_equal(filled[mask == 0], image[mask == 0])
    assert filled[mask > 0].std() < image[mask > 0].std() / 3, "the hole is a soft blur"


# ------------------------------------------------------------------------- soft inpainting


def test_soft_schedule_frees_each_pixel_for_its_share_of_the_steps() -> None:
    import torch

    from retouch.tools.diffusion.soft import LatentAnchor

    change = torch.tensor([[[[0.0, 0.25, 0.5, 1.0]]]])
    original = torch.zeros_like(change)
    anchor = LatentAnchor(original=original, noise=torch.zeros_like(change), change=change, graded=True,
                          renoise=lambda x, n, done: x)
    held = [anchor.held(done, 4).flatten().tolist() for done in range(1, 5)]
    # strength s: reset (to the original at the current noise level) until (1 - s) of the steps are
    # done, then free for the last s of them — img2img at strength s, per pixel.
    assert held == [[1, 1, 1, 0], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0]]
    latents = torch.ones_like(change)
    assert anchor(latents, 4, 4).flatten().tolist() == [0.0, 1.0, 1.0, 1.0]
    hard = LatentAnchor(original=original, noise=original, change=change, graded=False, renoise=lambda x, n, d: x)
    assert hard.held(1, 4).flatten().tolist() == [1, 1, 0, 0]


def test_steps_are_raised_so_one_runs_at_low_strength() -> None:
    from retouch.tools.diffusion.paint import steps_for

    assert steps_for(30, 1.0) == 30
    for steps, strength in ((2, 0.35), (1, 0.1), (3, 0.3)):
        assert int(steps_for(steps, strength) * strength) >= 1


# ------------------------------------------------------------------------------------ pull


def test_pull_fetches_only_safetensors_pipeline_files(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from huggingface_hub.utils import filter_repo_objects

    from retouch.tools.diffusion import pull as pulling

    listing = ["model_index.json", "512-inpainting-ema.ckpt", "512-inpainting-ema.safetensors",
               "unet/config.json", "unet/diffusion_pytorch_model.safetensors", "unet/diffusion_pytorch_model.bin",
               "unet/diffusion_pytorch_model.fp16.safetensors", "tokenizer/vocab.json", "tokenizer/merges.txt",
               "text_encoder/model.safetensors", "vae/diffusion_pytorch_model.fp16.safetensors", "README.md"]
    kept = set(filter_repo_objects(listing, allow_patterns=pulling.allow_patterns(True),
                                   ignore_patterns=pulling.ignore_patterns(None)))
    assert kept == {"model_index.json", "unet/config.json", "unet/diffusion_pytorch_model.safetensors",
                    "tokenizer/vocab.json", "tokenizer/merges.txt", "text_encoder/model.safetensors"}
    half = set(filter_repo_objects(listing, allow_patterns=pulling.allow_patterns(True),
                                   ignore_patterns=pulling.ignore_patterns("fp16")))
    assert "unet/diffusion_pytorch_model.fp16.safetensors" in half
    assert "unet/diffusion_pytorch_model.safetensors" not in half

    calls = []
    (tmp_path / "unet").mkdir()
    (tmp_path / "unet" / "diffusion_pytorch_model.safetensors").write_bytes(b"")

    def fake_download(repo_id, **kwargs):
        calls.append((repo_id, kwargs))
        return str(tmp_path)

    import huggingface_hub
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(huggingface_hub, "snapshot_download", fake_download)
    assert pulling.pull("sdxl-inpaint") == tmp_path
    repo, options = calls[0]
    assert repo == "diffusers/stable-diffusion-xl-1.0-inpainting-0.1"
    assert "*.bin" in options["ignore_patterns"] and "*/*.safetensors" in options["allow_patterns"]


def test_pull_refuses_offline_and_unknown_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from retouch.tools.diffusion.pull import pull

    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    with pytest.raises(RetouchError, match="HF_HUB_OFFLINE"):
        pull("sd15-inpaint")
    with pytest.raises(RetouchError, match="sd15-inpaint"):
        pull("stable diffusion")


def test_pull_parser_hook() -> None:
    from retouch.tui.commands.models_pull import add_pull_parser, run_pull

    parser = argparse.ArgumentParser()
    models = parser.add_subparsers(dest="action")
    add_pull_parser(models)
    args = parser.parse_args(["pull", "flux-fill", "--variant", "fp16"])
    assert args.handler is run_pull and args.name == "flux-fill" and args.variant == "fp16"


# ------------------------------------------------------------------------------- flags


def _parse(*argv: str) -> argparse.Namespace:
    from retouch.tui.commands.common import add_backend_options

    parser = argparse.ArgumentParser()
    add_backend_options(parser)
    return parser.parse_args(list(argv))


def test_flags_become_forced_settings_and_backend_options() -> None:
    from retouch.agent.config import Config
    from retouch.tui.commands.inpaint_options import apply_inpaint_options

    config = Config()
    args = _parse("--model", "some/model", "--steps", "12", "--guidance", "5", "--strength", "0.6", "--fill",
                  "latent_nothing", "--no-full-res", "--padding", "48", "--mask-blur", "4", "--variations", "3",
                  "--soft", "--device", "cpu", "--dtype", "float32", "--offload", "--cleanup-strength", "0.2")
    apply_inpaint_options(args, config)
    assert config.settings.overrides["inpaint"] == {
        "steps": 12, "guidance": 5.0, "strength": 0.6, "fill": "latent_nothing", "full_resolution": False,
        "padding": 48, "mask_blur": 4, "variations": 3, "cleanup_strength": 0.2}
    assert config.inpainter == "diffusers", "--model implies the diffusers backend"
    assert config.backend_options["diffusers"] == {"model": "some/model", "soft": True, "device": "cpu",
                                                   "dtype": "float32", "offload": True}


def test_no_flags_change_nothing_and_bad_values_are_one_line() -> None:
    from retouch.agent.config import Config
    from retouch.tui.commands.inpaint_options import apply_inpaint_options

    config = Config()
    apply_inpaint_options(_parse(), config)
    assert config.settings.overrides == {} and config.backend_options == {} and config.inpainter == "builtin"
    with pytest.raises(RetouchError, match="--strength 1.5"):
        apply_inpaint_options(_parse("--strength", "1.5"), Config())
