"""Tiny random inpainting pipelines, saved as real diffusers folders.

What diffusers' own tests call `get_dummy_components()`: every component is a real model class with
a few thousand weights, so a pipeline runs two steps on a 64² image in well under a second on a
CPU. The tests and the benchmarks build them here, save them with `save_pretrained` (safetensors),
and load them back through the product's own loader — no hub, no downloads. The tokenizers are
built offline from a vocabulary written here.

Nothing in the product imports this module; it exists so a test and a benchmark build the *same*
tiny model.
"""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

_LETTERS = string.ascii_lowercase + string.digits + ",.!?'-"


def clip_tokenizer() -> Any:
    """A CLIP BPE tokenizer over single characters (vocab.json + merges.txt written here)."""
    import tempfile

    from transformers import CLIPTokenizer

    with tempfile.TemporaryDirectory() as scratch:
        return _clip_tokenizer(Path(scratch), CLIPTokenizer)


def _clip_tokenizer(folder: Path, tokenizer_class: Any) -> Any:
    tokens = ["<|startoftext|>", "<|endoftext|>", "!"]
    for char in _LETTERS:
        tokens += [char, f"{char}</w>"]
    merges = ["#version: 0.2", "t h", "th e</w>", "a n", "an d</w>", "o n", "o f</w>"]
    tokens += ["th", "the</w>", "an", "and</w>", "on", "of</w>"]
    vocab = {token: index for index, token in enumerate(dict.fromkeys(tokens))}
    (folder / "vocab.json").write_text(json.dumps(vocab), encoding="utf-8")
    (folder / "merges.txt").write_text("\n".join(merges) + "\n", encoding="utf-8")
    return tokenizer_class(vocab=str(folder / "vocab.json"), merges=str(folder / "merges.txt"),
                           model_max_length=77)


def t5_tokenizer() -> Any:
    """A unigram T5 tokenizer over single characters (FLUX's second tokenizer)."""
    from transformers import T5TokenizerFast

    pieces = [("<pad>", 0.0), ("</s>", 0.0), ("<unk>", 0.0), ("▁", -2.0)]
    pieces += [(f"▁{char}", -3.0) for char in _LETTERS] + [(char, -4.0) for char in _LETTERS]
    return T5TokenizerFast(vocab=pieces, extra_ids=0)


def _clip_config(**extra: Any) -> Any:
    from transformers import CLIPTextConfig

    return CLIPTextConfig(bos_token_id=0, eos_token_id=1, pad_token_id=1, hidden_size=32, intermediate_size=37,
                          layer_norm_eps=1e-05, num_attention_heads=4, num_hidden_layers=2, vocab_size=1000,
                          **extra)


def _vae(**extra: Any) -> Any:
    from diffusers import AutoencoderKL

    return AutoencoderKL(block_out_channels=[32, 64], in_channels=3, out_channels=3,
                         down_block_types=["DownEncoderBlock2D", "DownEncoderBlock2D"],
                         up_block_types=["UpDecoderBlock2D", "UpDecoderBlock2D"], latent_channels=4,
                         sample_size=64, norm_num_groups=32, **extra)


def build_tiny_sd(folder: Path, *, in_channels: int = 9, seed: int = 0) -> Path:
    """A tiny SD 1.5-style inpainting pipeline (native size 64²) saved to `folder`."""
    import torch
    from diffusers import PNDMScheduler, StableDiffusionInpaintPipeline, UNet2DConditionModel
    from transformers import CLIPTextModel

    if (folder / "model_index.json").exists():
        return folder
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(block_out_channels=(32, 64), layers_per_block=2, sample_size=32,
                                in_channels=in_channels, out_channels=4,
                                down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), cross_attention_dim=32)
    vae = _vae()
    text_encoder = CLIPTextModel(_clip_config())
    tokenizer = clip_tokenizer()
    scheduler = PNDMScheduler(skip_prk_steps=True, steps_offset=1)
    pipe = StableDiffusionInpaintPipeline(vae=vae, text_encoder=text_encoder, tokenizer=tokenizer, unet=unet,
                                          scheduler=scheduler, safety_checker=None, feature_extractor=None,
                                          requires_safety_checker=False)
    pipe.save_pretrained(folder, safe_serialization=True)
    return folder


def build_tiny_sdxl(folder: Path, *, seed: int = 0) -> Path:
    """A tiny SDXL inpainting pipeline (two text encoders, native size 64²) saved to `folder`."""
    import torch
    from diffusers import EulerDiscreteScheduler, StableDiffusionXLInpaintPipeline, UNet2DConditionModel
    from transformers import CLIPTextModel, CLIPTextModelWithProjection

    if (folder / "model_index.json").exists():
        return folder
    torch.manual_seed(seed)
    unet = UNet2DConditionModel(block_out_channels=(32, 64), layers_per_block=2, sample_size=32, in_channels=9,
                                out_channels=4, down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
                                up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"), attention_head_dim=(2, 4),
                                use_linear_projection=True, addition_embed_type="text_time",
                                addition_time_embed_dim=8, transformer_layers_per_block=(1, 2),
                                projection_class_embeddings_input_dim=6 * 8 + 32, cross_attention_dim=64)
    scheduler = EulerDiscreteScheduler(beta_start=0.00085, beta_end=0.012, steps_offset=1,
                                       beta_schedule="scaled_linear", timestep_spacing="leading")
    vae = _vae()
    text_encoder = CLIPTextModel(_clip_config(hidden_act="gelu", projection_dim=32))
    text_encoder_2 = CLIPTextModelWithProjection(_clip_config(hidden_act="gelu", projection_dim=32))
    tokenizer = clip_tokenizer()
    pipe = StableDiffusionXLInpaintPipeline(vae=vae, text_encoder=text_encoder, text_encoder_2=text_encoder_2,
                                            tokenizer=tokenizer, tokenizer_2=tokenizer, unet=unet,
                                            scheduler=scheduler, requires_aesthetics_score=False,
                                            force_zeros_for_empty_prompt=True)
    pipe.save_pretrained(folder, safe_serialization=True)
    return folder


def build_tiny_flux_fill(folder: Path, *, seed: int = 0) -> Path:
    """A tiny FLUX.1 Fill pipeline (one double and one single block) saved to `folder`."""
    import torch
    from diffusers import (
        AutoencoderKL, FlowMatchEulerDiscreteScheduler, FluxFillPipeline, FluxTransformer2DModel,
    )
    from transformers import CLIPTextModel, T5Config, T5EncoderModel

    if (folder / "model_index.json").exists():
        return folder
    torch.manual_seed(seed)
    latent_channels, scale = 4, 2  # two VAE blocks: 2× down
    transformer = FluxTransformer2DModel(
        patch_size=1, in_channels=8 * latent_channels + 4 * scale * scale, out_channels=4 * latent_channels,
        num_layers=1, num_single_layers=1, attention_head_dim=16, num_attention_heads=2, joint_attention_dim=32,
        pooled_projection_dim=32, axes_dims_rope=[4, 4, 8], guidance_embeds=True)
    text_encoder = CLIPTextModel(_clip_config(hidden_act="gelu", projection_dim=32))
    text_encoder_2 = T5EncoderModel(T5Config(vocab_size=1000, d_model=32, d_kv=8, d_ff=37, num_layers=2,
                                             num_heads=4, decoder_start_token_id=0, pad_token_id=0,
                                             eos_token_id=1))
    vae = AutoencoderKL(block_out_channels=[32, 64], in_channels=3, out_channels=3,
                        down_block_types=["DownEncoderBlock2D", "DownEncoderBlock2D"],
                        up_block_types=["UpDecoderBlock2D", "UpDecoderBlock2D"], latent_channels=latent_channels,
                        sample_size=64, norm_num_groups=32, use_quant_conv=False, use_post_quant_conv=False,
                        shift_factor=0.0609, scaling_factor=1.5035)
    pipe = FluxFillPipeline(scheduler=FlowMatchEulerDiscreteScheduler(), vae=vae, text_encoder=text_encoder,
                            tokenizer=clip_tokenizer(), text_encoder_2=text_encoder_2,
                            tokenizer_2=t5_tokenizer(), transformer=transformer)
    pipe.save_pretrained(folder, safe_serialization=True)
    return folder


def build_tiny_controlnet(folder: Path, *, seed: int = 0) -> Path:
    """A tiny ControlNetModel that matches `build_tiny_sd`'s UNet, saved to `folder`."""
    import torch
    from diffusers import ControlNetModel

    if (folder / "config.json").exists():
        return folder
    torch.manual_seed(seed)
    controlnet = ControlNetModel(block_out_channels=(32, 64), layers_per_block=2, in_channels=4,
                                 down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"), cross_attention_dim=32,
                                 conditioning_embedding_out_channels=(16, 32), norm_num_groups=32)
    # A fresh ControlNet's output convolutions are zero (it starts as a no-op); give them weights
    # so a test can see the control image change the result.
    for block in [*controlnet.controlnet_down_blocks, controlnet.controlnet_mid_block]:
        torch.nn.init.normal_(block.weight, std=0.05)
        torch.nn.init.normal_(block.bias, std=0.05)
    controlnet.save_pretrained(folder, safe_serialization=True)
    return folder
