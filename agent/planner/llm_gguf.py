"""The llm planner in process: a local GGUF file run by llama-cpp-python.

llama-cpp-python is an optional extra (`pip install 'retouch[llm]'`): it has no binary wheel on
PyPI and builds from source, about ten minutes on two cores, so the core install never pulls it.
Output is constrained by a grammar that llama.cpp compiles from the plan schema
(`response_format={"type": "json_object", "schema": …}`), then validated like any model's answer.

The model loads on the first request, once per process and file, into the process's model cache,
and is shared by every planner on that file; calls into it are serialised (a llama.cpp context is not thread-safe). Because the
system prompt and the examples are the same for every request, llama.cpp reuses their evaluated
prefix, so after the first request only the new message is read.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

from retouch.agent.planner.llm_prompt import ChatPlanner, ModelUnavailable, constrained_schema
from retouch.tools.errors import RetouchError
from retouch.tools.models.cache import MODELS, file_bytes

MISSING_LLAMA = RetouchError("the llm planner with a GGUF file needs llama-cpp-python",
                             "pip install 'retouch[llm]' (builds from source, ~10 min)")



def _import_llama() -> Any:
    try:
        import llama_cpp
    except ImportError:
        raise RetouchError(MISSING_LLAMA.message, MISSING_LLAMA.hint) from None
    return llama_cpp


class GGUFPlanner(ChatPlanner):
    """Planner backend "llm" with `gguf` set: an instruct GGUF model in this process."""

    name = "llm"

    def __init__(self, model_path: str | os.PathLike[str], n_ctx: int = 4096, n_threads: int | None = None,
                 temperature: float = 0.0, max_tokens: int = 512, strict: bool = False) -> None:
        super().__init__(strict=strict)
        self._llama_cpp = _import_llama()
        path = Path(model_path).expanduser()
        if not path.is_file():
            raise RetouchError(f"the GGUF file {path} does not exist",
                               'Set [backends.llm] gguf = "/path/to/model.gguf" in the config file.')
        self.model_path = path.resolve()
        self.n_ctx = int(n_ctx)
        self.n_threads = int(n_threads) if n_threads else max(1, os.cpu_count() or 1)
        self.temperature = float(temperature)
        self.max_tokens = int(max_tokens)

    @property
    def where(self) -> str:
        return f"in {self.model_path.name}"

    def _key(self) -> tuple[str, int, int]:
        return str(self.model_path), self.n_ctx, self.n_threads

    def _model(self) -> tuple[Any, threading.Lock]:
        """The loaded model and its lock, from the process's model cache (counted as the file's size:
        llama.cpp maps the weights from it)."""
        return MODELS.get("gguf", self._key(), self._load, name=str(self.model_path),
                          size=lambda _: file_bytes(self.model_path))

    def _load(self) -> tuple[Any, threading.Lock]:
        try:
            llama = self._llama_cpp.Llama(model_path=str(self.model_path), n_ctx=self.n_ctx, n_threads=self.n_threads,
                                          verbose=False)
        except Exception as exc:          # llama.cpp reports a bad file as ValueError/RuntimeError
            raise ModelUnavailable(f"could not load it ({exc})") from None
        return llama, threading.Lock()

    def _complete(self, messages: list[dict]) -> str:
        model, lock = self._model()
        with lock:
            try:
                out = model.create_chat_completion(
                    messages=messages, temperature=self.temperature, max_tokens=self.max_tokens,
                    response_format={"type": "json_object", "schema": constrained_schema()})
            except Exception as exc:              # e.g. the prompt no longer fits n_ctx
                raise ModelUnavailable(f"llama.cpp failed ({' '.join(str(exc).split())[:200]})") from None
        try:
            content = out["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            return ""
        return content if isinstance(content, str) else ""
