"""The llm planner over HTTP: any OpenAI-compatible chat server on this machine or the network.

Ollama, llama.cpp's `llama-server`, `python -m llama_cpp.server` and vLLM all speak
`POST {base_url}/chat/completions`. We ask for JSON constrained by the plan schema
(`response_format: {"type": "json_schema", …}`); a server that turns that down (HTTP 400/422, or
any error naming response_format — `llama_cpp.server` 0.3 answers 500 "Input should be 'text' or
'json_object'") is asked again with `{"type": "json_object", "schema": …}` — which llama.cpp's servers still
constrain by the schema and others treat as "JSON only" — and that choice is kept for the life of
the planner. Only the standard library is used (urllib): no new dependency.

`timeout` is a deadline for the whole plan — every request it takes (a repair, a second format) and
every byte of each answer — not for each socket read: a server that trickles one byte a second is
cut off when it runs out (the exchange runs in a worker thread whose sockets are shut at the
deadline, see `tools.deadline`), and an answer over `MAX_ANSWER_BYTES` is refused unread.

When the server is down, slow or answers with an error, the plan comes from the built-in rules and
the reply says so (see `ChatPlanner`); with `strict=True` it is a RetouchError instead, for scripts
that must not silently get a different planner. Requests to a loopback address skip any HTTP proxy
set in the environment: a local server is never reached through a proxy.
"""

from __future__ import annotations

import http.client
import ipaddress
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from typing import Any, Callable, Literal
from urllib.parse import urlsplit

from retouch.agent.planner.llm_prompt import ChatPlanner, ModelUnavailable, constrained_schema
from retouch.tools.deadline import DeadlineExceeded, call_within
from retouch.tools.errors import RetouchError

ResponseFormat = Literal["json_schema", "json_object", "none"]
_FORMATS = ("json_schema", "json_object", "none")
MAX_ANSWER_BYTES = 8 << 20
"""A plan is a few KB; a bigger answer is a misbehaving server, refused without reading it all."""


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
        self.model = str(model)
        self.api_key = None if api_key is None else str(api_key)
        self.timeout = _number("timeout", timeout, float, 0.1, 3600)
        self.temperature = _number("temperature", temperature, float, 0, 2)
        self.max_tokens = _number("max_tokens", max_tokens, int, 1, 32768)
        self.response_format: ResponseFormat = response_format
        self._loopback = _is_loopback(parts.hostname)
        self._deadline = threading.local()

    @property
    def where(self) -> str:
        return f"at {self.base_url}"

    def plan_detailed(self, text: str, context: Any = None) -> Any:
        """As `ChatPlanner.plan_detailed`, with `timeout` as the deadline for all of it."""
        self._deadline.at = time.monotonic() + self.timeout
        try:
            return super().plan_detailed(text, context)
        finally:
            self._deadline.at = None

    def _seconds_left(self) -> float:
        at = getattr(self._deadline, "at", None)
        return self.timeout if at is None else max(0.0, at - time.monotonic())

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
            raw = self._exchange(request)
        except _HTTPFailure as failure:
            if response_format is not None and response_format["type"] == "json_schema" and \
                    (failure.code in (400, 422) or "response_format" in failure.detail
                     or "json_schema" in failure.detail):
                raise _Rejected(failure.detail) from None
            raise ModelUnavailable(f"HTTP {failure.code}{': ' + failure.detail if failure.detail else ''}") from None
        except DeadlineExceeded:
            raise ModelUnavailable(f"no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise ModelUnavailable(f"no answer within {self.timeout:g} s") from None
            raise ModelUnavailable(str(getattr(reason, "strerror", None) or reason).lower()) from None
        except (TimeoutError, socket.timeout):
            raise ModelUnavailable(f"no answer within {self.timeout:g} s") from None
        except (ConnectionError, OSError, http.client.HTTPException) as exc:
            raise ModelUnavailable(str(exc) or type(exc).__name__) from None
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):  # not JSON, not UTF-8, an int over 4300 digits, nested too deep
            raise ModelUnavailable("the server's answer is not JSON") from None

    def _exchange(self, request: urllib.request.Request) -> bytes:
        """Send `request` and read the whole answer within `self.timeout` seconds.

        The exchange runs in a worker thread; at the deadline its connections are shut down, which
        wakes the blocked read so the thread ends instead of trickling on."""
        opened: list[http.client.HTTPConnection] = []
        handlers: list[urllib.request.BaseHandler] = [_TrackingHTTPHandler(opened.append),
                                                      _TrackingHTTPSHandler(opened.append)]
        if self._loopback:
            handlers.insert(0, urllib.request.ProxyHandler({}))  # a local server is never behind a proxy
        opener = urllib.request.build_opener(*handlers)

        seconds = self._seconds_left()

        def exchange() -> bytes:
            try:
                with opener.open(request, timeout=max(seconds, 0.001)) as response:
                    return _read_capped(response)
            except urllib.error.HTTPError as exc:
                raise _HTTPFailure(exc.code, _error_detail(exc)) from None

        return call_within(seconds, exchange, on_expiry=lambda: _shut(opened), name="retouch-llm-http")


class _HTTPFailure(Exception):
    """An HTTP error status, with the error body already read (inside the deadline)."""

    def __init__(self, code: int, detail: str) -> None:
        super().__init__(code, detail)
        self.code, self.detail = code, detail


class _Tracking:
    """Mixin for urllib's HTTP(S) handlers: reports every connection it opens, so a deadline can
    shut its socket."""

    def __init__(self, track: Callable[[http.client.HTTPConnection], None]) -> None:
        super().__init__()
        self._track = track

    def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
        def connect(host: str, **options: Any) -> http.client.HTTPConnection:
            connection = http_class(host, **options)
            self._track(connection)
            return connection

        return super().do_open(connect, req, **kwargs)  # type: ignore[misc]


class _TrackingHTTPHandler(_Tracking, urllib.request.HTTPHandler):
    pass


class _TrackingHTTPSHandler(_Tracking, urllib.request.HTTPSHandler):
    pass


def _shut(connections: list[http.client.HTTPConnection]) -> None:
    for connection in connections:
        sock = connection.sock
        if sock is None:
            continue
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        connection.close()


def _read_capped(response: Any) -> bytes:
    data = response.read(MAX_ANSWER_BYTES + 1)
    if len(data) > MAX_ANSWER_BYTES:
        raise ModelUnavailable(f"the server's answer is larger than {MAX_ANSWER_BYTES >> 20} MB")
    return data


def _number(name: str, value: Any, kind: type, low: float, high: float) -> Any:
    """An option from the config file as a number in range, or one line naming it."""
    try:
        number = kind(value)
    except (TypeError, ValueError, OverflowError):
        number = None
    if isinstance(value, bool) or number is None or not low <= number <= high:
        raise RetouchError(f"the llm planner's {name} = {value!r} is not a number from {low:g} to {high:g}",
                           f"Fix {name} in [backends.llm] of the config file.")
    return number


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
    except (ValueError, AttributeError, RecursionError):
        pass
    printable = "".join(ch if ch.isprintable() else " " for ch in str(text))  # no escapes from a server
    return " ".join(printable.split())[:200]
