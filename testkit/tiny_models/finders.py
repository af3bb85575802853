"""Tiny random Grounding DINO and SAM, saved as real transformers folders.

Every part is the real model class with a few hundred thousand random weights, so a detection or
a segmentation runs in tens of milliseconds on a CPU. Tests and benchmarks build them here, save
them with `save_pretrained` (safetensors) and load them back through the product's own loaders —
no hub, no downloads. Grounding DINO needs a BERT WordPiece tokenizer and none ships offline, so
one is trained here in-process with the `tokenizers` library and wrapped as a `BertTokenizerFast`.

Nothing in the product imports this module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

WORDS = ("a an the of in on with and person people man woman child dog cat car tree face hand foot head "
         "shirt blue red green white black left right giraffe umbrella sky grass fence bird horse chair "
         "table bottle cup bag phone book sign pole lamp window door building flower plant bus truck boat "
         "airplane bicycle motorcycle bench sofa bed laptop").split()


def bert_tokenizer() -> Any:
    """A lower-casing WordPiece tokenizer over `WORDS`, trained here, as a BertTokenizerFast."""
    from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertTokenizerFast

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=400, special_tokens=specials, show_progress=False)
    tokenizer.train_from_iterator([" ".join(WORDS) + " . , ?"] * 4, trainer)
    cls, sep = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", cls), ("[SEP]", sep)])
    tokenizer.decoder = decoders.WordPiece()
    return BertTokenizerFast(tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                             sep_token="[SEP]", mask_token="[MASK]", do_lower_case=True)


def save_tiny_grounding_dino(folder: Path | str, *, seed: int = 0, image_side: int = 128) -> Path:
    """A random Grounding DINO (Swin backbone, BERT text encoder) and its processor, saved to `folder`."""
    import torch
    from transformers import (
        BertConfig, GroundingDinoConfig, GroundingDinoForObjectDetection, GroundingDinoProcessor, SwinConfig,
    )
    from transformers import GroundingDinoImageProcessorPil

    folder = Path(folder)
    tokenizer = bert_tokenizer()
    config = GroundingDinoConfig(
        d_model=32, encoder_layers=1, decoder_layers=2, encoder_attention_heads=2, decoder_attention_heads=2,
        encoder_ffn_dim=32, decoder_ffn_dim=32, num_queries=16, num_feature_levels=4, encoder_n_points=2,
        decoder_n_points=2, text_enhancer_dim_feedforward=32, fusion_dim_feedforward=32, max_text_len=256,
        backbone_config=SwinConfig(embed_dim=8, depths=[1, 1, 1, 1], num_heads=[1, 1, 1, 1], window_size=7,
                                   image_size=224, out_features=["stage2", "stage3", "stage4"]),
        text_config=BertConfig(vocab_size=tokenizer.vocab_size, hidden_size=32, num_hidden_layers=1,
                               num_attention_heads=2, intermediate_size=37, max_position_embeddings=256),
    )
    torch.manual_seed(seed)
    model = GroundingDinoForObjectDetection(config).eval()
    image_processor = GroundingDinoImageProcessorPil(size={"shortest_edge": image_side, "longest_edge": image_side})
    processor = GroundingDinoProcessor(image_processor=image_processor, tokenizer=tokenizer)
    model.save_pretrained(folder, safe_serialization=True)
    processor.save_pretrained(folder)
    return folder


def tiny_sam_config(*, image_side: int = 128, hidden: int = 32, layers: int = 2) -> Any:
    from transformers import SamConfig

    patches = image_side // 16
    return SamConfig(
        vision_config=dict(hidden_size=hidden, num_hidden_layers=layers, num_attention_heads=2,
                           intermediate_size=2 * hidden, image_size=image_side, patch_size=16, output_channels=16,
                           window_size=4, global_attn_indexes=[layers - 1], mlp_dim=2 * hidden, num_pos_feats=8),
        prompt_encoder_config=dict(hidden_size=16, image_size=image_side, patch_size=16, mask_input_channels=4,
                                   image_embedding_size=patches),
        mask_decoder_config=dict(hidden_size=16, num_hidden_layers=2, num_attention_heads=2, mlp_dim=32,
                                 iou_head_hidden_dim=16),
    )


def save_tiny_sam(folder: Path | str, *, seed: int = 0, image_side: int = 128, hidden: int = 32,
                  layers: int = 2) -> Path:
    """A random SAM and its processor (longest side `image_side`), saved to `folder`.

    `hidden` and `layers` size the image encoder: the benchmark makes it heavier than the prompt
    decoder, as in the real models, so reusing the embedding shows what it saves."""
    import torch
    from transformers import SamImageProcessorPil, SamModel, SamProcessor

    folder = Path(folder)
    torch.manual_seed(seed)
    model = SamModel(tiny_sam_config(image_side=image_side, hidden=hidden, layers=layers)).eval()
    processor = SamProcessor(image_processor=SamImageProcessorPil(
        size={"longest_edge": image_side}, pad_size={"height": image_side, "width": image_side}))
    model.save_pretrained(folder, safe_serialization=True)
    processor.save_pretrained(folder)
    return folder


def save_narrow_sam(folder: Path | str, *, seed: int = 0, hidden: int = 192, layers: int = 4) -> Path:
    """A random SAM with the real models' geometry — 1024² input, 16-px patches, 14-px windows,
    the full-size prompt encoder and mask decoder — but a narrow, shallow image encoder (ViT-B has
    768 × 12). For timing the embedding cache: a prompt costs what it costs with real weights, the
    encoding a fraction of it, so the measured speed-up is a lower bound."""
    import torch
    from transformers import SamConfig, SamImageProcessorPil, SamModel, SamProcessor

    folder = Path(folder)
    torch.manual_seed(seed)
    config = SamConfig(vision_config=dict(hidden_size=hidden, num_hidden_layers=layers,
                                          num_attention_heads=max(1, hidden // 64), mlp_dim=4 * hidden,
                                          global_attn_indexes=[layers - 1]))
    SamModel(config).eval().save_pretrained(folder, safe_serialization=True)
    SamProcessor(image_processor=SamImageProcessorPil()).save_pretrained(folder)
    return folder
