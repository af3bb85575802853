"""Record chat-completion exchanges of the llm planner with a real server, as test cassettes.

    # a real server, e.g.  python -m llama_cpp.server --model qwen.gguf --host 127.0.0.1 --port 8765
    python tests/data/llm_cassettes/record.py record --upstream http://127.0.0.1:8765/v1 \\
        --name qwen0.5b_llama_cpp_server --model qwen2.5-coder-0.5b "remove the man on the left" …
    python tests/data/llm_cassettes/record.py synthetic      # the hand-written failure cassettes

`record` puts a forwarding proxy on 127.0.0.1 between `OpenAICompatiblePlanner` and the server
and keeps each request's last user message (what the replay server matches on) with the server's
full answer. Requests are not stored whole: the prompt is rebuilt by the code under test.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from retouch.agent.planner.llm_http import OpenAICompatiblePlanner  # noqa: E402
from retouch.agent.planner.llm_prompt import answer_to_plan, repair_message, user_message  # noqa: E402
from retouch.tools.errors import RetouchError  # noqa: E402


def _request_summary(body: dict) -> dict:
    last = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
    summary = {"last_user": last, "response_format": (body.get("response_format") or {}).get("type"),
               "messages": len(body["messages"])}
    if "\nRequest: " in last and last.startswith("Image:"):
        summary["text"] = last.split("\nRequest: ", 1)[1]
    return summary


def record(upstream: str, name: str, model: str, texts: list[str], note: str) -> Path:
    interactions: list[dict] = []

    class Proxy(BaseHTTPRequestHandler):
        def do_POST(self) -> None:                                   # noqa: N802
            data = self.rfile.read(int(self.headers["Content-Length"]))
            body = json.loads(data)
            forward = urllib.request.Request(upstream.rstrip("/") + self.path.removeprefix("/v1"), data=data,
                                             headers={"Content-Type": "application/json"}, method="POST")
            started = time.perf_counter()
            try:
                with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(forward, timeout=600) as r:
                    status, answer = r.status, r.read()
            except urllib.error.HTTPError as exc:
                status, answer = exc.code, exc.read()
            interactions.append({"request": _request_summary(body), "status": status,
                                 "seconds": round(time.perf_counter() - started, 2),
                                 "response": json.loads(answer)})
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    planner = OpenAICompatiblePlanner(f"http://127.0.0.1:{httpd.server_address[1]}/v1", model=model, timeout=600)
    outcomes = []
    for text in texts:
        result = planner.plan_detailed(text)
        outcomes.append({"text": text, "status": result.status, "tools": result.plan.tools()})
        print(f"{result.status:9} {result.seconds:6.1f}s {text!r} → {result.plan.tools()}", flush=True)
    httpd.shutdown()
    path = HERE / f"{name}.json"
    path.write_text(json.dumps({"recorded": time.strftime("%Y-%m-%d"), "model": model, "server": upstream,
                                "note": note, "outcomes": outcomes, "interactions": interactions},
                               indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def _completion(content: str) -> dict:
    """An answer shaped like llama_cpp.server's (see the recorded cassettes)."""
    return {"id": "chatcmpl-synthetic", "object": "chat.completion", "created": 0, "model": "synthetic",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "logprobs": None,
                         "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}


def _error(answer: str, text: str) -> str:
    try:
        answer_to_plan(answer, text)
    except RetouchError as exc:
        return exc.message
    raise AssertionError(f"{answer!r} is valid")


def synthetic() -> Path:
    """Failures a grammar-constrained model can't produce, written by hand, for the repair path."""
    interactions = []
    unknown_tool = '{"calls": [{"tool": "erase", "args": {"target": "lamp post"}}], "reply": "Erasing the lamp post."}'
    for text, answers in (
        ("remove the lamp post", [unknown_tool, unknown_tool]),
        ("delete the red car", ['{"calls": [{"tool": "select", "args": {"target": "car"',
                                '{"calls": [{"tool": "select", "args": {"target": "car", "phrase": "red car"}}, '
                                '{"tool": "refine_mask", "args": {}}, {"tool": "inpaint", "args": {"task": "remove"}}],'
                                ' "reply": "Removing the red car."}']),
    ):
        last = user_message(text)
        for index, answer in enumerate(answers):
            request = {"last_user": last, "response_format": "json_schema"}
            if index == 0:
                request["text"] = text
            interactions.append({"request": request, "status": 200, "response": _completion(answer)})
            if index + 1 < len(answers):
                last = repair_message(_error(answer, text))
    path = HERE / "synthetic_failures.json"
    path.write_text(json.dumps({"synthetic": True, "note": "hand-written invalid answers for the repair path; "
                                "a grammar-constrained model does not produce these",
                                "interactions": interactions}, indent=1) + "\n", encoding="utf-8")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("--upstream", required=True)
    rec.add_argument("--name", required=True)
    rec.add_argument("--model", default="local")
    rec.add_argument("--note", default="")
    rec.add_argument("texts", nargs="+")
    sub.add_parser("synthetic")
    args = parser.parse_args()
    path = record(args.upstream, args.name, args.model, args.texts, args.note) if args.command == "record" \
        else synthetic()
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
