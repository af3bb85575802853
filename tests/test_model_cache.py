"""One cache holds every loaded model of the process: it loads each once, counts the bytes of their
weights, and drops them on request — and the backends hold keys, not models, so a drop frees them."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import retouch
from retouch.agent import registry
from retouch.tools.models.cache import MODELS, ModelCache, torch_bytes


def test_a_model_loads_once_even_when_threads_ask_together() -> None:
    cache = ModelCache()
    loads: list[int] = []

    def load() -> object:
        loads.append(1)
        time.sleep(0.05)
        return object()

    seen: list[object] = []
    threads = [threading.Thread(target=lambda: seen.append(cache.get("kind", "key", load))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(loads) == 1 and len({id(value) for value in seen}) == 1


def test_it_counts_torch_weights_and_drops_by_kind() -> None:
    torch = pytest.importorskip("torch")
    cache = ModelCache()
    linear = cache.get("net", "a", lambda: torch.nn.Linear(100, 10))            # 100·10 + 10 floats
    shared = torch.nn.Linear(10, 10)
    holder = type("Holder", (), {})()
    holder.first, holder.second = shared, shared                                # counted once
    cache.get("net", "b", lambda: holder)
    cache.get("file", "c", lambda: "weights", size=lambda _: 1234)
    assert torch_bytes(linear) == 1010 * 4
    assert {(m.kind, m.name, m.bytes) for m in cache.loaded()} == {
        ("net", "a", 4040), ("net", "b", 110 * 4), ("file", "c", 1234)}
    assert cache.bytes_held() == 4040 + 440 + 1234
    assert cache.drop("net") == 4040 + 440
    assert [m.name for m in cache.loaded()] == ["c"]
    again = cache.get("net", "a", lambda: torch.nn.Linear(100, 10))
    assert again is not linear, "after a drop the next use loads afresh"
    assert cache.drop() == 4040 + 1234 and cache.loaded() == []


def test_a_failed_load_is_not_kept() -> None:
    cache = ModelCache()

    def broken() -> object:
        raise RuntimeError("no weights")

    with pytest.raises(RuntimeError):
        cache.get("kind", "key", broken)
    assert cache.loaded() == [] and cache.get("kind", "key", lambda: 7) == 7


def test_the_registry_keeps_backend_instances_in_the_cache_per_options() -> None:
    fresh = registry.Registry(cache=ModelCache())
    made: list[dict] = []

    def factory(**options: object) -> object:
        made.append(options)
        return object()

    fresh.register("inpainter", "probe", factory, plugin="test")
    first = fresh.load("inpainter", "probe", radius=3)
    assert fresh.load("inpainter", "probe", radius=3) is first
    assert fresh.load("inpainter", "probe", radius=4) is not first
    assert made == [{"radius": 3}, {"radius": 4}]
    assert fresh.capabilities("inpainter", "probe").device == "gpu-preferred", "undeclared: the heavy kind"
    assert fresh.capabilities("inpainter", "probe").fills == ()


def test_the_embedded_models_are_in_the_process_cache_and_come_back_after_a_drop() -> None:
    from retouch.tools.finders.mediapipe_models import model

    selfie, lock = model("selfie")
    assert model("selfie")[0] is selfie
    entry = next(m for m in retouch.loaded_models() if m.kind == "mediapipe" and m.name == "selfie")
    assert entry.bytes > 100_000, "its weight file is counted"
    assert retouch.drop_models("mediapipe") >= entry.bytes
    assert not any(m.kind == "mediapipe" for m in retouch.loaded_models())
    again, _ = model("selfie")
    assert again is not selfie
    pixels = np.zeros((64, 64, 3), np.uint8)
    with _:
        assert again.process(pixels).segmentation_mask.shape == (64, 64)


def test_the_diffusers_backend_holds_no_pipeline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its pipeline lives in the cache: dropping the cache frees it, the next edit loads it again."""
    from retouch.tools.diffusion import loader
    from retouch.tools.diffusion.backend import DiffusersInpainter

    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "model_index.json").write_text(json.dumps({"_class_name": "StableDiffusionInpaintPipeline"}))
    loads: list[str] = []

    def fake_load(model: str, path: Path, *rest: object) -> object:
        loads.append(model)
        return object()

    monkeypatch.setattr(loader, "_load", fake_load)
    backend = DiffusersInpainter(model=str(folder), device="cpu", dtype="float32")
    first = backend.loaded()
    assert backend.loaded() is first and len(loads) == 1
    assert not any(value is first for value in vars(backend).values())
    MODELS.drop("diffusion pipeline")
    assert backend.loaded() is not first and len(loads) == 2
    MODELS.drop("diffusion pipeline")
