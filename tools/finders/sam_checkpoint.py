"""Meta's official SAM checkpoints (`sam_vit_b_01ec64.pth`, `sam_vit_l_0b3195.pth`,
`sam_vit_h_4b8939.pth`) loaded into transformers' `SamModel`.

The `segment-anything` package would read them directly, but it imports torchvision, which can't
live beside transformers here; the weights are the same tensors under other names, so they are
renamed (the mapping transformers' own conversion script uses) and the architecture is read off
the tensor shapes. The file is read with `torch.load(weights_only=True)`: tensors only, no code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from retouch.tools.errors import RetouchError

_RENAMES = (
    ("iou_prediction_head.layers.0", "iou_prediction_head.proj_in"),
    ("iou_prediction_head.layers.1", "iou_prediction_head.layers.0"),
    ("iou_prediction_head.layers.2", "iou_prediction_head.proj_out"),
    ("mask_decoder.output_upscaling.0", "mask_decoder.upscale_conv1"),
    ("mask_decoder.output_upscaling.1", "mask_decoder.upscale_layer_norm"),
    ("mask_decoder.output_upscaling.3", "mask_decoder.upscale_conv2"),
    ("mask_downscaling.0", "mask_embed.conv1"),
    ("mask_downscaling.1", "mask_embed.layer_norm1"),
    ("mask_downscaling.3", "mask_embed.conv2"),
    ("mask_downscaling.4", "mask_embed.layer_norm2"),
    ("mask_downscaling.6", "mask_embed.conv3"),
    ("point_embeddings", "point_embed"),
    ("pe_layer.positional_encoding_gaussian_matrix", "shared_embedding.positional_embedding"),
    ("image_encoder", "vision_encoder"),
    ("neck.0", "neck.conv1"),
    ("neck.1", "neck.layer_norm1"),
    ("neck.2", "neck.conv2"),
    ("neck.3", "neck.layer_norm2"),
    ("patch_embed.proj", "patch_embed.projection"),
    (".norm", ".layer_norm"),
    ("blocks", "layers"),
)
_HYPERNETWORK = re.compile(r".*\.output_hypernetworks_mlps\.\d+\.layers\.(\d)\..*")


def rename(official: dict[str, Any]) -> dict[str, Any]:
    """Official tensor names → transformers' `SamModel` names."""
    renamed: dict[str, Any] = {}
    for key, value in official.items():
        if key in ("pixel_mean", "pixel_std"):
            continue
        for old, new in _RENAMES:
            if old in key:
                key = key.replace(old, new)
        match = _HYPERNETWORK.match(key)
        if match:
            layer = int(match.group(1))
            key = key.replace(f"layers.{layer}", {0: "proj_in", 1: "layers.0", 2: "proj_out"}[layer])
        renamed[key] = value
    shared = renamed.get("prompt_encoder.shared_embedding.positional_embedding")
    if shared is not None:
        renamed["shared_image_embedding.positional_embedding"] = shared
    return renamed


def config_from(state: dict[str, Any], decoder_heads: int = 8) -> Any:
    """The `SamConfig` whose shapes match an official state dict (vit_b, vit_l, vit_h, or any
    other size built the same way). The prompt decoder's head count can't be read off shapes;
    every official SAM uses 8."""
    from transformers import SamConfig

    def shape(name: str) -> tuple[int, ...]:
        if name not in state:
            raise RetouchError("this .pth file is not an official SAM checkpoint (it has no "
                               f"{name})", "Use sam_vit_b/l/h .pth files from Meta, or a transformers SAM folder.")
        return tuple(state[name].shape)

    hidden, _, patch, _ = shape("image_encoder.patch_embed.proj.weight")
    grid = shape("image_encoder.pos_embed")[1]
    blocks = sorted({int(m.group(1)) for k in state for m in [re.match(r"image_encoder\.blocks\.(\d+)\.", k)] if m})
    rel = [shape(f"image_encoder.blocks.{i}.attn.rel_pos_h") for i in blocks]
    head_dim = rel[0][1]
    global_layers = [i for i, r in zip(blocks, rel) if r[0] == 2 * grid - 1]
    windowed = [r[0] for r in rel if r[0] != 2 * grid - 1]
    window = (windowed[0] + 1) // 2 if windowed else 14
    points = sorted({int(m.group(1)) for k in state
                     for m in [re.match(r"prompt_encoder\.point_embeddings\.(\d+)\.", k)] if m})
    decoder_hidden = shape("mask_decoder.iou_token.weight")[1]
    decoder_layers = sorted({int(m.group(1)) for k in state
                             for m in [re.match(r"mask_decoder\.transformer\.layers\.(\d+)\.", k)] if m})
    iou_layers = sorted({int(m.group(1)) for k in state
                         for m in [re.match(r"mask_decoder\.iou_prediction_head\.layers\.(\d+)\.", k)] if m})
    downsample = decoder_hidden // shape("mask_decoder.transformer.layers.0.cross_attn_token_to_image.q_proj.weight")[0]
    return SamConfig(
        vision_config=dict(
            hidden_size=hidden, num_hidden_layers=len(blocks), num_attention_heads=hidden // head_dim,
            mlp_dim=shape("image_encoder.blocks.0.mlp.lin1.weight")[0], image_size=grid * patch, patch_size=patch,
            output_channels=shape("image_encoder.neck.0.weight")[0], window_size=window,
            global_attn_indexes=global_layers, num_pos_feats=shape("prompt_encoder.pe_layer.positional_encoding_gaussian_matrix")[1]),
        prompt_encoder_config=dict(
            hidden_size=shape("prompt_encoder.no_mask_embed.weight")[1], image_size=grid * patch, patch_size=patch,
            mask_input_channels=shape("prompt_encoder.mask_downscaling.3.weight")[0], image_embedding_size=grid,
            num_point_embeddings=len(points)),
        mask_decoder_config=dict(
            hidden_size=decoder_hidden, num_hidden_layers=len(decoder_layers), num_attention_heads=decoder_heads,
            mlp_dim=shape("mask_decoder.transformer.layers.0.mlp.lin1.weight")[0],
            num_multimask_outputs=shape("mask_decoder.mask_tokens.weight")[0] - 1,
            iou_head_depth=len(iou_layers), iou_head_hidden_dim=shape("mask_decoder.iou_prediction_head.layers.0.weight")[0],
            attention_downsample_rate=downsample),
    )


def load_official(path: Path) -> tuple[Any, Any]:
    """(SamModel, SamProcessor) from an official checkpoint file, on the CPU in float32."""
    import torch
    from transformers import SamModel

    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            state = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:  # a pickle with code in it, or not a checkpoint at all
        raise RetouchError(f"{path.name} can't be read as plain tensors ({type(exc).__name__})",
                           "Use Meta's official sam_vit_*.pth files, or a transformers SAM folder.") from None
    if isinstance(state, dict) and "model" in state and isinstance(state["model"], dict):
        state = state["model"]
    if not isinstance(state, dict):
        raise RetouchError(f"{path.name} is not a SAM checkpoint", "Use Meta's official sam_vit_*.pth files.")
    config = config_from(state)
    model = SamModel(config)
    missing, unexpected = model.load_state_dict(rename(state), strict=False)
    if missing or unexpected:
        raise RetouchError(f"{path.name} does not match SAM's layout ({len(missing)} weights missing, "
                           f"{len(unexpected)} unexpected)", "Use Meta's official sam_vit_*.pth files.")
    image_side = config.vision_config.image_size
    processor = _processor(image_side)
    return model.eval(), processor


def _processor(image_side: int) -> Any:
    from transformers import SamProcessor

    try:
        from transformers import SamImageProcessorPil as ImageProcessor
    except ImportError:  # pragma: no cover - older transformers
        from transformers import SamImageProcessor as ImageProcessor
    return SamProcessor(image_processor=ImageProcessor(size={"longest_edge": image_side},
                                                       pad_size={"height": image_side, "width": image_side}))
