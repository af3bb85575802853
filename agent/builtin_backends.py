"""The backends that ship with Retouch: a plugin like any other (simonw/llm's habit).

The registry calls `register_backends(register)` first, before the entry-point plugins; every
factory imports its heavy libraries only when a backend is actually loaded. Each backend declares
what it is (`tools.capabilities`) as it registers, as a third-party plugin does.
"""

from __future__ import annotations

from typing import Any, Callable


def _rules_planner(**_: Any) -> Any:
    from retouch.agent.planner.rules import RulesPlanner

    return RulesPlanner()


def _builtin_inpainter(**_: Any) -> Any:
    from retouch.tools.builtin_inpainter import BuiltinInpainter

    return BuiltinInpainter()


class _NoFinder:
    """Stands in when no finder can be loaded, so selection by name fails with a clear line."""

    name = "none"

    def find(self, image: Any, target: str, phrase: str | None = None) -> list:
        return []

    def inventory(self, image: Any) -> dict[str, int]:
        return {}


def _no_finder(**_: Any) -> Any:
    return _NoFinder()


def register_backends(register: Callable[..., None]) -> None:
    from retouch.tools.capabilities import Capabilities, InpainterCapabilities
    from retouch.tools.diffusion.capabilities import DIFFUSERS
    from retouch.tools.finders import EMBEDDED_OPTIONS, GROUNDED_SAM_OPTIONS

    cpu = Capabilities(device="cpu")
    register("planner", "rules", _rules_planner, "built-in rules: instant, deterministic, no model", capabilities=cpu)
    # Content-aware fill takes no fill mode; it never copies from what the finder found; new canvas
    # is Retouch's own texture continuation (tools.outpaint), not painted by this backend.
    register("inpainter", "builtin", _builtin_inpainter,
             "built-in content-aware fill, recolour and background: no weights",
             capabilities=InpainterCapabilities(device="cpu", excludes_sources=True))
    register("finder", "none", _no_finder, "finds nothing: explicit regions and mask files only", capabilities=cpu)
    # --- finders (grounding: tools/finders) ---
    def _embedded_finder(**options: Any) -> Any:
        from retouch.tools.finders import make_embedded

        return make_embedded(**options)

    def _grounded_sam_finder(**options: Any) -> Any:
        from retouch.tools.finders import make_grounded_sam

        return make_grounded_sam(**options)

    register("finder", "embedded", _embedded_finder,
             "MediaPipe's shipped models: people, faces, heads, hands, feet, arms, legs; no downloads",
             capabilities=Capabilities(device="cpu", options=EMBEDDED_OPTIONS))
    register("finder", "grounded-sam", _grounded_sam_finder,
             "Grounding DINO + SAM (transformers): anything with a name; weights from the local cache",
             capabilities=Capabilities(device="gpu-preferred", options=tuple(sorted(GROUNDED_SAM_OPTIONS))))
    # --- inpainters (diffusion: tools/diffusion) ---
    def _diffusers_inpainter(**options: Any) -> Any:
        # model, device, dtype, offload, soft, controlnet, control, … (tools.diffusion.backend);
        # nothing is imported or loaded until the first edit that needs it.
        from retouch.tools.diffusion.backend import DiffusersInpainter

        return DiffusersInpainter(**options)

    register("inpainter", "diffusers", _diffusers_inpainter,
             "diffusers: SD 1.5/2, SDXL inpainting, FLUX.1 Fill, any local diffusers inpaint folder",
             capabilities=DIFFUSERS)
    # --- planners (LLM backends: agent/planner) ---
    # `llm`: [backends.llm] gguf = "model.gguf" runs the file in process (llama-cpp-python);
    # url = "http://127.0.0.1:8080/v1" asks an OpenAI-compatible server. `auto`: the rules, and the
    # LLM (its own [backends.auto] options, else [backends.llm]'s) only where the rules are unsure.
    # A server does its own scheduling; a GGUF file runs on this process's CPU threads.
    llm = Capabilities(device="cpu", options=tuple(dict.fromkeys(_LLM_HTTP_OPTIONS + _LLM_GGUF_OPTIONS)))
    register("planner", "llm", _llm_planner,
             "local LLM: a GGUF file (llama-cpp-python) or an OpenAI-compatible server; rules on failure",
             capabilities=llm)
    register("planner", "auto", _auto_planner, "rules when they are sure, the configured LLM for the rest",
             capabilities=llm)


_LLM_HTTP_OPTIONS = ("url", "model", "api_key", "timeout", "temperature", "max_tokens", "response_format", "strict")
_LLM_GGUF_OPTIONS = ("gguf", "n_ctx", "n_threads", "temperature", "max_tokens", "strict")
_LLM_HOWTO = ('In the config file, add [backends.llm] with url = "http://127.0.0.1:11434/v1" and '
              'model = "qwen2.5-coder:1.5b" (a local server), or gguf = "/path/to/model.gguf".')


def _llm_planner(**options: Any) -> Any:
    from retouch.tools.errors import RetouchError

    if options.get("gguf") and options.get("url"):
        raise RetouchError("the llm planner has both gguf and url set", "Keep one in [backends.llm].")
    allowed = _LLM_GGUF_OPTIONS if options.get("gguf") else _LLM_HTTP_OPTIONS
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise RetouchError(f"the llm planner has no option {unknown[0]!r}", f"Known: {', '.join(allowed)}.")
    if options.get("gguf"):
        from retouch.agent.planner.llm_gguf import GGUFPlanner

        gguf = dict(options)
        return GGUFPlanner(gguf.pop("gguf"), **gguf)
    if options.get("url"):
        from retouch.agent.planner.llm_http import OpenAICompatiblePlanner

        http = dict(options)
        return OpenAICompatiblePlanner(http.pop("url"), **http)
    raise RetouchError("the llm planner is not configured", _LLM_HOWTO)


def _auto_planner(**options: Any) -> Any:
    from retouch.agent.planner.auto import AutoPlanner

    if not options:
        from retouch.agent.config import load_config

        options = load_config().backend_options.get("llm", {})
    return AutoPlanner(_llm_planner(**options) if options else None)
