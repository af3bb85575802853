"""The llm planner over HTTP: any OpenAI-compatible chat server on this machine or the network.

Ollama, llama.cpp's `llama-server`, `python -m llama_cpp.server` and vLLM all speak
`POST {base_url}/chat/completions`. We ask for JSON constrained by the plan schema
(`response_format: {"type": "json_schema", …}`); a server that turns that down (HTTP 400/422, or
any error naming response_format — `llama_cpp.server` 0.3 answers 500 "Input should be 'text' or
'json_object'") is asked again with `{"type": "json_object", "schema": …}` — which llama.cpp's servers still
constrain by the schema and others treat as "JSON only" — and that choice is kept for the life of
the planner. Only the standard library is used (urllib): no new dependency.

When the server is down, slow or answers with an error, the plan comes from the built-in rules and
the reply says so (see `ChatPlanner`); with `strict=True` it is a RetouchError instead, for scripts
that must not silently get a different planner. Requests to a loopback address skip any HTTP proxy
set in the environment: a local server is never reached through a proxy.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import urllib.error
import urllib.request
from typing import Any, Literal
from urllib.parse import urlsplit

from retouch.agent.planner.llm_prompt import ChatPlanner, ModelUnavailable, constrained_schema
from retouch.tools.errors import RetouchError

ResponseFormat = Literal["json_schema", "json_object", "none"]
_FORMATS = ("json_schema", "json_object", "none")


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class OpenAICompatiblePlanner(ChatPlanner):
    """Planner backend "llm" with `url` set: a chat-completions server with JSON-schema output."""

    name = "llm"

    def __init__(self, base_url: str, model: str = "local", api_key: str | None = None, timeout: float = 60,
                 temperature: float = 0.0, max_tokens: int = 512,
                 response_format: ResponseFormat = "json_schema", strict: bool = False) -> None:
        super().__init__(strict=strict)
        parts = urlsplit(str(base_url))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise RetouchError(f"the llm planner's url {base_url!r} is not an http(s) address",
                               'Set it in the config file, e.g. [backends.llm] url = "http://127.0.0.1:8080/v1".')
        if response_format not in _FORMATS:
            raise RetouchError(f"response_format must be one of {', '.join(_FORMATS)}, not {response_format!r}")
        self.base_url = str(base_url).rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = float(timeout)
        self.temperature = float(temperature)
        self.max_tokens = int(max_tokens)
        self.response_format: ResponseFormat = response_format
        handlers = [urllib.request.ProxyHandler({})] if _is_loopback(parts.hostname) else []
        self._opener = urllib.request.build_opener(*handlers)

    @property
    def where(self) -> str:
        return f"at {self.base_url}"

    def _format(self) -> dict | None:
        if self.response_format == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "plan", "schema": constrained_schema()}}
        if self.response_format == "json_object":
            return {"type": "json_object", "schema": constrained_schema()}
        return None

    def _complete(self, messages: list[dict]) -> str:
        try:
            reply = self._post(messages)
        except _Rejected:
            if self.response_format != "json_schema":
                raise ModelUnavailable("the server rejected the request") from None
            self.response_format = "json_object"        # this server has no json_schema: say it the older way
            reply = self._post(messages)
        try:
            content = reply["choices"][0]["message"].get("content")
        except (KeyError, IndexError, TypeError, AttributeError):
            raise ModelUnavailable("the server's answer has no choices[0].message") from None
        return content if isinstance(content, str) else ""

    def _post(self, messages: list[dict]) -> dict:
        body: dict[str, Any] = {"model": self.model, "messages": messages, "temperature": self.temperature,
                                "max_tokens": self.max_tokens, "stream": False}
        response_format = self._format()
        if response_format is not None:
            body["response_format"] = response_format
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(f"{self.base_url}/chat/completions", data=json.dumps(body).encode(),
                                         headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            if response_format is not None and response_format["type"] == "json_schema" and \
                    (exc.code in (400, 422) or "response_format" in detail or "json_schema" in detail):
                raise _Rejected(detail) from None
            raise ModelUnavailable(f"HTTP {exc.code}{': ' + detail if detail else ''}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise ModelUnavailable(f"no answer within {self.timeout:g} s") from None
            raise ModelUnavailable(str(getattr(reason, "strerror", None) or reason).lower()) from None
        except (TimeoutError, socket.timeout):
            raise ModelUnavailable(f"no answer within {self.timeout:g} s") from None
        except (ConnectionError, OSError) as exc:
            raise ModelUnavailable(str(exc) or type(exc).__name__) from None
        try:
            return json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise ModelUnavailable("the server's answer is not JSON") from None


class _Rejected(Exception):
    """The server turned down the json_schema response format."""


def _error_detail(exc: urllib.error.HTTPError) -> str:
    try:
        text = exc.read(2000).decode("utf-8", "replace")
    except Exception:                                   # a broken error body must not hide the status
        return ""
    try:
        data = json.loads(text)
        error = data.get("error", data) if isinstance(data, dict) else data
        text = error.get("message", text) if isinstance(error, dict) else str(error)
    except (json.JSONDecodeError, AttributeError):
        pass
    return " ".join(str(text).split())[:200]
