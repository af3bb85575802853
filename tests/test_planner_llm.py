"""The llm planner: prompt, validation, one repair, the rules fallback — against a real HTTP server.

`CassetteServer` is a real `http.server` on 127.0.0.1 that answers chat-completion requests from
recorded exchanges (tests/data/llm_cassettes/*.json, see the README there), matched on the last
user message; it keeps every request it receives so the tests can check what the planner sent.
Most cassettes are real answers of Qwen2.5-Coder-0.5B-Instruct (Q4_K_M) served by
`python -m llama_cpp.server`; the few marked "synthetic" are hand-written failures that a
grammar-constrained model cannot produce (an unknown tool, broken JSON).

The GGUF backend runs for real only where llama-cpp-python is installed and RETOUCH_TEST_GGUF
names a model file; CI has no llama.cpp build, so that one test says so and skips.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from retouch.agent import registry
from retouch.agent.plan import Plan, SelectArgs, plan_schema, validate_plan
from retouch.agent.planner.base import Planner, PlanningContext
from retouch.agent.planner.llm_http import OpenAICompatiblePlanner
from retouch.agent.planner.llm_prompt import (
    FALLBACK_NOTES, FEW_SHOT_REQUESTS, ChatPlanner, answer_to_plan, build_messages, constrained_schema,
    few_shot_messages, system_prompt, tool_reference, user_message,
)
from retouch.tools.errors import RetouchError

CASSETTES = Path(__file__).parent / "data" / "llm_cassettes"


def last_user(body: dict) -> str:
    return next(m["content"] for m in reversed(body.get("messages", [])) if m.get("role") == "user")


class CassetteServer:
    """Replays recorded chat completions on a loopback port; `requests` holds what came in."""

    def __init__(self, *names: str, reject_json_schema: bool = False, status: int | None = None) -> None:
        self.answers: dict[str, list[dict]] = {}
        self.rejection = {"error": {"message": "response_format json_schema not supported"}}
        self.rejection_status = 400
        for path in sorted(CASSETTES.glob("*.json")) if not names else [CASSETTES / f"{n}.json" for n in names]:
            for item in json.loads(path.read_text(encoding="utf-8"))["interactions"]:
                if item.get("status", 200) == 200:
                    self.answers.setdefault(item["request"]["last_user"], []).append(item)
                elif item["request"].get("response_format") == "json_schema":
                    self.rejection = item["response"]            # a real server's refusal of json_schema
                    self.rejection_status = item["status"]
        self.requests: list[dict] = []
        self.reject_json_schema = reject_json_schema
        self.status = status
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:                               # noqa: N802 (http.server's name)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append({"path": self.path, "body": body, "headers": dict(self.headers)})
                if server.status is not None:
                    return self._send(server.status, {"error": {"message": "model is loading"}})
                if server.reject_json_schema and body.get("response_format", {}).get("type") == "json_schema":
                    return self._send(server.rejection_status, server.rejection)
                found = server.answers.get(last_user(body))
                if not found or self.path != "/v1/chat/completions":
                    return self._send(500, {"error": {"message": "no cassette for this request"}})
                item = found[0] if len(found) == 1 else found.pop(0)
                self._send(item.get("status", 200), item["response"])

            def _send(self, status: int, payload: dict) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "CassetteServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def interactions(self, name: str) -> list[dict]:
        return json.loads((CASSETTES / f"{name}.json").read_text(encoding="utf-8"))["interactions"]


def recorded_requests(name: str) -> list[str]:
    """The requests a cassette holds (first user message of each exchange, i.e. not repairs)."""
    return [item["request"]["text"] for item in CassetteServer().interactions(name) if item["request"].get("text")]


@pytest.fixture
def server():
    with CassetteServer() as running:
        yield running


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---- the prompt ------------------------------------------------------------------------------------


def test_the_prompt_lists_every_tool_from_the_schema():
    reference = tool_reference()
    for tool in ("select", "region", "refine_mask", "inpaint", "outpaint", "adjust", "crop", "history", "save"):
        assert f"- {tool}:" in reference
    assert "target: string" in reference and "position?:" in reference    # required vs optional
    assert "Never add an edit" in system_prompt()


def test_few_shot_examples_are_valid_plans_and_not_from_the_eval_set():
    shots = few_shot_messages()
    assert len(shots) == 2 * len(FEW_SHOT_REQUESTS)
    eval_texts = set()
    for path in (Path(__file__).parent / "data" / "i2ebench").glob("*.json"):
        for item in json.loads(path.read_text()).values():
            eval_texts |= {str(item.get("ori_exp", "")).lower(), str(item.get("div_exp", "")).lower()}
    for (text, _), answer in zip(FEW_SHOT_REQUESTS, shots[1::2]):
        assert text.lower() not in eval_texts
        plan = validate_plan(json.loads(answer["content"]))
        assert plan.reply
    assert any(not json.loads(a["content"])["calls"] for a in shots[1::2]), "one example refuses"


def test_the_user_message_carries_the_context():
    context = PlanningContext(image_size=(640, 480), has_selection=True,
                              last_selection=SelectArgs(target="man", position="left"))
    message = user_message("now the right one", context)
    assert "640x480" in message and "A selection is active" in message and '"position": "left"' in message
    assert message.endswith("Request: now the right one")
    assert "No selection." in user_message("remove the dog")


def test_constrained_schema_is_the_plan_schema_made_easy_to_compile():
    schema = constrained_schema()
    assert schema["$defs"]["SelectCall"]["required"] == ["tool", "args"]
    assert schema["required"] == ["calls", "reply"]
    text = json.dumps(schema)
    for keyword in ('"title"', '"pattern"', '"maxLength"', '"oneOf"', '"discriminator"'):
        assert keyword not in text
    assert set(schema["$defs"]) == set(plan_schema()["$defs"])
    # whatever the loosened schema lets through is still checked by the contract afterwards
    with pytest.raises(RetouchError, match="reply"):
        answer_to_plan(json.dumps({"calls": [], "reply": "x" * 2001}), "")


@pytest.mark.parametrize("answer, fragment", [
    ("", "empty"),
    ("I would remove the dog.", "not JSON"),
    ('{"calls": [{"tool": "paint", "args": {}}], "reply": "x"}', "does not match"),
    ('{"calls": [{"args": {"target": "dog"}}], "reply": "x"}', 'no "tool"'),
    ('{"calls": [{"tool": "select", "args": {"target": "dog", "colour": "red"}}], "reply": "x"}', "does not match"),
    ('{"calls": [{"tool": "save", "args": {"path": "/etc/passwd"}}], "reply": "x"}', "does not name"),
    ('{"calls": [{"tool": "region", "args": {"mask_path": "/secret.png"}}], "reply": "x"}', "does not name"),
])
def test_answers_are_validated_never_trusted(answer, fragment):
    with pytest.raises(RetouchError, match=fragment):
        answer_to_plan(answer, "remove the dog")


def test_editing_with_nothing_selected_goes_back_for_repair():
    answer = '{"calls": [{"tool": "inpaint", "args": {"task": "remove"}}], "reply": "Removing it."}'
    with pytest.raises(RetouchError, match="nothing selected"):
        answer_to_plan(answer, "remove it")
    assert answer_to_plan(answer, "remove it", PlanningContext(has_selection=True)).tools() == ["inpaint"]
    masked = '{"calls": [{"tool": "adjust", "args": {"brightness": 0.2, "masked": true}}], "reply": "x"}'
    with pytest.raises(RetouchError, match="nothing selected"):
        answer_to_plan(masked, "brighten it")
    beside = '{"calls": [{"tool": "region", "args": {"relation": "left_of"}}], "reply": "x"}'   # recorded, 0.5B
    with pytest.raises(RetouchError, match="region call has nothing selected"):
        answer_to_plan(beside, "to the left of a photo next to the girls")
    strip = ('{"calls": [{"tool": "region", "args": {"side": "top", "fraction": 0.2}}, '
             '{"tool": "inpaint", "args": {"task": "remove"}}]}')
    assert answer_to_plan(strip, "remove the top fifth").tools() == ["region", "inpaint"]


class Scripted(ChatPlanner):
    """The llm planner's own code path with answers written here instead of a model's: every message
    it sends is kept, so the repair and the cleaned words can be checked."""

    def __init__(self, *answers: str) -> None:
        super().__init__()
        self.answers = list(answers)
        self.sent: list[list[dict]] = []

    def _complete(self, messages: list[dict]) -> str:
        self.sent.append(messages)
        return self.answers.pop(0)


REVERT = '{"calls": [{"tool": "history", "args": {"action": "revert", "version": 0}}], "reply": "Reverting."}'
BRIGHTER = '{"calls": [{"tool": "adjust", "args": {"brightness": 0.3}}], "reply": "Brightening."}'


def test_the_llm_planner_never_runs_a_revert_for_make_it_brighter():
    """issue 15: planner = "llm" executed a revert for "make it brighter"."""
    planner = Scripted(REVERT, REVERT)
    result = planner.plan_detailed("make it brighter")
    assert result.status == "invalid"
    assert "history" not in result.plan.tools() and result.plan.tools() == ["adjust"]   # the rules' plan
    assert "undoes or reverts" in planner.sent[1][-1]["content"]                          # the repair said why
    repaired = Scripted(REVERT, BRIGHTER).plan_detailed("make it brighter")
    assert repaired.status == "repaired" and repaired.plan.tools() == ["adjust"]


@pytest.mark.parametrize("answer, text", [
    ('{"calls": [{"tool": "crop", "args": {"aspect": "16:9"}}], "reply": "x"}', "absorb the raindrops"),
    ('{"calls": [{"tool": "save", "args": {"path": "out.png"}}], "reply": "x"}', "make it warmer (out.png)"),
    ('{"calls": [{"tool": "outpaint", "args": {"zoom": 2}}], "reply": "x"}', "remove the dog"),
    ('{"calls": [{"tool": "select", "args": {"target": "power line", "exclude": true}}, '
     '{"tool": "refine_mask", "args": {}}, {"tool": "inpaint", "args": {"task": "remove"}}], "reply": "x"}',
     "remove the power lines"),
    ('{"calls": [{"tool": "select", "args": {"target": "person"}}, {"tool": "refine_mask", "args": {}}, '
     '{"tool": "inpaint", "args": {"task": "remove"}}], "reply": "x"}', "purify the visual content"),
])
def test_llm_plans_are_word_checked(answer, text):
    with pytest.raises(RetouchError, match="the request"):
        answer_to_plan(answer, text)


def test_llm_plans_the_words_ask_for_pass_the_word_check():
    assert answer_to_plan(REVERT, "go back to the original").tools() == ["history"]
    person = ('{"calls": [{"tool": "select", "args": {"target": "person"}}, {"tool": "refine_mask", "args": {}}, '
              '{"tool": "inpaint", "args": {"task": "remove"}}], "reply": "x"}')
    assert answer_to_plan(person, "remove my ex").tools()[0] == "select"          # a synonym the rules know


def test_escape_sequences_never_reach_the_model_or_the_plan():
    """issue 15: a request with escape sequences could plan from the digits inside them."""
    text = "\x1b[31mextend 20 px to the right\x1b[0m \x1b]0;title 77\x07"
    planner = Scripted('{"calls": [{"tool": "outpaint", "args": {"right": 20}}], "reply": "x"}')
    result = planner.plan_detailed(text)
    sent = planner.sent[0][-1]["content"]
    assert "\x1b" not in sent and "[31m" not in sent and "77" not in sent and "extend 20 px to the right" in sent
    assert result.plan.calls[0].args.right == 20


def test_answers_in_a_code_fence_or_with_chatter_are_read():
    plan = answer_to_plan('```json\n{"calls": [], "reply": "No."}\n```', "x")
    assert plan.reply == "No."
    plan = answer_to_plan('Here you go: {"calls": [], "reply": "No."} Bye', "x")
    assert plan.calls == []
    assert answer_to_plan('{"calls": [{"tool": "save", "args": {"path": "out.png"}}]}', "save as out.png").calls


# ---- over HTTP, against recorded answers -----------------------------------------------------------


def test_is_a_planner_backend(server):
    planner = OpenAICompatiblePlanner(server.url)
    assert isinstance(planner, Planner) and planner.name == "llm"


def test_recorded_answers_come_through_as_valid_plans(server):
    planner = OpenAICompatiblePlanner(server.url, model="qwen2.5-coder-0.5b")
    texts = recorded_requests("qwen0.5b_llama_cpp_server")
    assert len(texts) >= 6
    for text in texts:
        result = planner.plan_detailed(text)
        assert result.status in ("ok", "repaired"), (text, result.error)
        validate_plan(result.plan.model_dump())
        assert result.plan.reply
        assert "built-in rules" not in result.plan.reply


def test_the_request_asks_for_the_plan_schema(server):
    planner = OpenAICompatiblePlanner(server.url, model="qwen2.5-coder-0.5b", api_key="sk-local")
    text = recorded_requests("qwen0.5b_llama_cpp_server")[0]
    planner.plan(text)
    sent = server.requests[-1]
    assert sent["path"] == "/v1/chat/completions"
    body = sent["body"]
    assert body["model"] == "qwen2.5-coder-0.5b" and body["temperature"] == 0 and body["stream"] is False
    assert body["response_format"] == {"type": "json_schema",
                                       "json_schema": {"name": "plan", "schema": constrained_schema()}}
    assert body["messages"] == build_messages(text)
    assert body["messages"][0]["role"] == "system"
    assert sent["headers"]["Authorization"] == "Bearer sk-local"


def test_a_recorded_answer_picks_the_object_and_action():
    with CassetteServer("qwen0.5b_llama_cpp_server") as server:
        plan = OpenAICompatiblePlanner(server.url).plan("remove the man on the left")
    select = next(c.args for c in plan.calls if c.tool == "select")
    inpaint = next(c.args for c in plan.calls if c.tool == "inpaint")
    assert (select.target, select.position, inpaint.task) == ("man", "left", "remove")


def test_an_invalid_answer_gets_exactly_one_repair_then_the_rules(server):
    planner = OpenAICompatiblePlanner(server.url)
    result = planner.plan_detailed("remove the lamp post")            # synthetic: an unknown tool, twice
    assert result.status == "invalid"
    assert len(server.requests) == 2, "one request, one repair, no more"
    repair = server.requests[1]["body"]["messages"]
    assert repair[-2] == {"role": "assistant", "content": result.answers[0]}
    assert "not a valid plan" in repair[-1]["content"] and "calls.0" in repair[-1]["content"]
    assert result.plan.tools() == ["select", "refine_mask", "inpaint"]   # the rules' plan …
    assert result.plan.reply.endswith(FALLBACK_NOTES["invalid"])         # … and the reason
    validate_plan(result.plan.model_dump())


def test_a_real_repair_round(server):
    """Recorded: the model blurred the background without selecting anything; told so, it answered
    with an empty plan — a valid answer, used as it is."""
    result = OpenAICompatiblePlanner(server.url).plan_detailed("blur the background behind the woman")
    assert result.status == "repaired" and len(server.requests) == 2
    assert "nothing selected" in server.requests[1]["body"]["messages"][-1]["content"]
    assert result.plan.calls == [] and result.plan.reply


def test_a_repaired_answer_is_used(server):
    result = OpenAICompatiblePlanner(server.url).plan_detailed("delete the red car")  # synthetic: bad JSON, then good
    assert result.status == "repaired" and len(server.requests) == 2
    assert "not JSON" in server.requests[1]["body"]["messages"][-1]["content"]
    assert result.plan.tools() == ["select", "refine_mask", "inpaint"]
    assert "built-in rules" not in result.plan.reply


def test_a_server_without_json_schema_is_asked_with_json_object():
    text = recorded_requests("qwen0.5b_llama_cpp_server")[0]
    with CassetteServer(reject_json_schema=True) as server:
        planner = OpenAICompatiblePlanner(server.url)
        assert planner.plan_detailed(text).status == "ok"
        planner.plan(text)
    formats = [r["body"]["response_format"]["type"] for r in server.requests]
    assert formats == ["json_schema", "json_object", "json_object"]     # asked once, then remembered
    assert server.requests[1]["body"]["response_format"]["schema"] == constrained_schema()


def test_a_server_that_is_down_falls_back_to_the_rules_with_a_note():
    url = f"http://127.0.0.1:{free_port()}/v1"
    result = OpenAICompatiblePlanner(url, timeout=5).plan_detailed("remove the dog")
    assert result.status == "error"
    assert result.plan.tools() == ["select", "refine_mask", "inpaint"]
    assert url in result.plan.reply and "built-in rules" in result.plan.reply
    assert "refused" in result.plan.reply


def test_a_server_error_falls_back_and_strict_makes_it_an_error():
    with CassetteServer(status=503) as server:
        plan = OpenAICompatiblePlanner(server.url).plan("remove the dog")
        assert "HTTP 503: model is loading" in plan.reply
        with pytest.raises(RetouchError, match="did not answer: HTTP 503"):
            OpenAICompatiblePlanner(server.url, strict=True).plan("remove the dog")


def test_a_slow_server_times_out_into_the_fallback():
    with socket.socket() as listener:                       # accepts, never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
        result = OpenAICompatiblePlanner(url, timeout=0.5).plan_detailed("remove the dog")
    assert result.status == "error" and "no answer within 0.5 s" in result.plan.reply


def test_loopback_requests_skip_an_environment_proxy(server, monkeypatch):
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:9")       # nothing listens there
    text = recorded_requests("qwen0.5b_llama_cpp_server")[0]
    assert OpenAICompatiblePlanner(server.url).plan_detailed(text).status == "ok"


def test_bad_urls_and_options_are_one_clear_line():
    with pytest.raises(RetouchError, match="not an http"):
        OpenAICompatiblePlanner("127.0.0.1:8080")
    with pytest.raises(RetouchError, match="response_format"):
        OpenAICompatiblePlanner("http://127.0.0.1:8080/v1", response_format="yaml")   # type: ignore[arg-type]


# ---- registry and CLI ------------------------------------------------------------------------------


def test_registry_picks_the_backend_from_the_options(server):
    assert isinstance(registry.load("planner", "llm", url=server.url), OpenAICompatiblePlanner)
    with pytest.raises(RetouchError, match=r"not configured.*\[backends\.llm\]"):
        registry.load("planner", "llm")
    with pytest.raises(RetouchError, match="no option 'modle'"):
        registry.load("planner", "llm", url=server.url, modle="x")
    with pytest.raises(RetouchError, match="both gguf and url"):
        registry.load("planner", "llm", url=server.url, gguf="x.gguf")


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("RETOUCH_CONFIG", str(path))


def test_cli_plan_with_the_llm_from_the_config_file(server, run_cli, tmp_path, monkeypatch):
    _config(tmp_path, monkeypatch, f'[backends.llm]\nurl = "{server.url}"\nmodel = "qwen2.5-coder-0.5b"\n')
    code, out, err = run_cli("plan", "--planner", "llm", "remove the man on the left", "--json")
    assert code == 0, err
    plan = validate_plan(json.loads(out))
    assert plan.tools() == ["select", "refine_mask", "inpaint"]
    assert "built-in rules" not in plan.reply
    assert server.requests[-1]["body"]["model"] == "qwen2.5-coder-0.5b"


def test_cli_plan_shows_the_fallback_note(run_cli, tmp_path, monkeypatch):
    url = f"http://127.0.0.1:{free_port()}/v1"
    _config(tmp_path, monkeypatch, f'planner = "llm"\n[backends.llm]\nurl = "{url}"\ntimeout = 5\n')
    code, out, err = run_cli("plan", "remove the dog")
    assert code == 0, err
    assert "did not answer" in out and url in out and "built-in rules" in out
    assert "select(target=dog)" in out


def test_cli_plan_llm_without_configuration_is_one_line(run_cli, tmp_path, monkeypatch):
    _config(tmp_path, monkeypatch, "")
    code, out, err = run_cli("plan", "--planner", "llm", "remove the dog")
    assert code != 0
    lines = [line for line in err.strip().splitlines() if line]
    assert len(lines) == 1 and "[backends.llm]" in lines[0], err


# ---- the GGUF backend ------------------------------------------------------------------------------


def test_missing_llama_cpp_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "llama_cpp", None)            # import llama_cpp → ImportError
    from retouch.agent.planner.llm_gguf import GGUFPlanner

    with pytest.raises(RetouchError) as caught:
        GGUFPlanner(tmp_path / "model.gguf")
    line = str(caught.value)
    assert "\n" not in line
    assert line == ("the llm planner with a GGUF file needs llama-cpp-python. "
                    "pip install 'retouch[llm]' (builds from source, ~10 min)")


def test_missing_gguf_file_is_one_clear_line(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "llama_cpp", type(sys)("llama_cpp"))    # pretend it is installed
    from retouch.agent.planner.llm_gguf import GGUFPlanner

    with pytest.raises(RetouchError, match="model.gguf does not exist"):
        GGUFPlanner(tmp_path / "model.gguf")


def test_gguf_planner_for_real():
    """Runs a real GGUF model. CI has no llama.cpp build (llama-cpp-python compiles for ~10 min),
    so this needs `pip install 'retouch[llm]'` and RETOUCH_TEST_GGUF=/path/to/model.gguf."""
    try:
        import llama_cpp  # noqa: F401
    except ImportError:
        pytest.skip("llama-cpp-python is not installed (CI has no llama.cpp build): "
                    "pip install 'retouch[llm]' and set RETOUCH_TEST_GGUF to run the GGUF planner for real")
    model = os.environ.get("RETOUCH_TEST_GGUF")
    if not model:
        pytest.skip("set RETOUCH_TEST_GGUF=/path/to/instruct.gguf to run the GGUF planner for real")
    from retouch.agent.planner.llm_gguf import GGUFPlanner

    planner = GGUFPlanner(model, n_ctx=4096)
    for text in ("remove the man on the left", "make it brighter"):
        result = planner.plan_detailed(text)
        assert result.status in ("ok", "repaired", "invalid"), result.error
        assert isinstance(result.plan, Plan)
        validate_plan(result.plan.model_dump())
        assert result.answers, "the model was asked"
    assert planner.plan_detailed("remove the man on the left").status in ("ok", "repaired")
