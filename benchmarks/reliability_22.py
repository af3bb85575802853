"""Issue 22's cases for benchmarks/reliability_cases.py: each one a real command (or an MCP client
session) against a `retouch` executable, judged "holds" or "BREAKS" by what a user would see and
what is left on disk. Run through reliability_cases.py (`--only 22.1 22.2 …`, `--compare`).

Groups: 22.1 the MCP workspace, 22.2 numbers and seeds, 22.3 bounded work, 22.4 batch resume after
a replaced photo, 22.5 the smaller breaks, 22.6 cost and Ctrl-C on 4096² photos (slow: about a
minute of CPU a run). The number cases (22.2 but the seeds) and 22.6 belong to other engineers'
parts of the issue; they are listed here so one table shows the whole issue. A planner case
holds when the plan does what the words say, or asks (no calls), or its reply names the number as
written (it says what it used instead); a number silently replaced breaks.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import struct
import subprocess
import time
import zlib
from pathlib import Path
from typing import Any, Callable

import numpy as np
from PIL import Image

Outcome = dict[str, str]
_MCP_TIMEOUT = 120


def verdict(holds: bool, detail: str) -> str:
    return f"{'holds' if holds else 'BREAKS'} | {detail}"


def _err_lines(done: subprocess.CompletedProcess) -> list[str]:
    return done.stderr.decode("utf-8", "replace").strip().splitlines() or [""]


def _one_clear_line(done: subprocess.CompletedProcess) -> bool:
    lines = _err_lines(done)
    return (done.returncode != 0 and len(lines) == 1 and lines[0].startswith("retouch: error: ")
            and "internal error" not in lines[0])


def _short(done: subprocess.CompletedProcess) -> str:
    return f"exit {done.returncode}: {_err_lines(done)[-1][:140]}"


def _run(bench: Any, *args: object, env: dict | None = None, timeout: float = 120,
         cwd: Path | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([bench.retouch, *map(str, args)], capture_output=True, env=env or bench.env,
                              timeout=timeout, cwd=cwd or bench.work)
    except subprocess.TimeoutExpired as expired:
        return subprocess.CompletedProcess(expired.cmd, "timeout", expired.stdout or b"",
                                           (expired.stderr or b"") + f"\nstill running after {timeout:g} s".encode())


def _small(bench: Any, name: str, size: tuple[int, int] = (64, 48)) -> Path:
    path = bench.work / name
    Image.open(bench.photo).convert("RGB").resize(size).save(path)
    return path


# ---------------------------------------------------------------------------------------- 22.1 MCP


def case_mcp(bench: Any) -> Outcome:
    try:
        from mcp import Client
        from mcp import types as mcp_types
        from mcp.client.stdio import StdioServerParameters
    except ImportError:
        return {"22.1 MCP workspace": "not run: the mcp package is not installed here"}
    root = bench.work / "mcp"
    allowed, outside, home = root / "allowed", root / "outside", root / "home"
    for folder in (allowed, outside, home):
        folder.mkdir(parents=True, exist_ok=True)
    photo = allowed / "photo.png"
    shutil.copy(_small(bench, "mcp-photo.png"), photo)
    secret = outside / "secret.png"
    shutil.copy(photo, secret)
    (allowed / "link.png").unlink(missing_ok=True)
    (allowed / "link.png").symlink_to(secret)
    env = {"XDG_DATA_HOME": str(root / "data"), "HF_HUB_OFFLINE": "1", "RETOUCH_CONFIG": os.devnull,
           "HOME": str(home), "PATH": os.environ.get("PATH", "")}

    def text(result: Any) -> str:
        return " ".join(" ".join(block.text for block in result.content if block.type == "text").split())

    async def conversation() -> dict[str, Any]:
        seen: dict[str, Any] = {}
        params = StdioServerParameters(command=bench.retouch, args=["mcp"], env=env, cwd=str(allowed))
        async with Client(params, read_timeout_seconds=_MCP_TIMEOUT) as client:
            call = client.call_tool
            seen["image"] = await call("edit_image", {"image": str(secret), "request": "make it brighter"})
            seen["missing"] = await call("edit_image", {"image": str(outside / "missing.png"), "request": "brighter"})
            seen["link"] = await call("edit_image", {"image": str(allowed / "link.png"), "request": "make it brighter"})
            seen["dotdot"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                       "output": "../outside/x.png"})
            seen["tilde"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                      "output": "~/x.png"})
            seen["words"] = await call("edit_image", {"image": str(photo),
                                                      "request": "make it brighter and save it as ~/y.png"})
            seen["session"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                        "session": str(outside / "s")})
            seen["own"] = await call("edit_image", {"image": str(photo), "request": "make it brighter",
                                                    "session": str(allowed / "s1")})
            seen["mask_into_session"] = await call("make_mask", {"image": str(photo), "target": "the left half",
                                                                 "output": str(allowed / "s1" / "v009.png")})
            seen["seed"] = await call("edit_image", {"image": str(photo), "request": "remove the box (2, 2, 20, 20)",
                                                     "seed": -1})
        declared = allowed

        async def roots(context: Any) -> Any:
            return mcp_types.ListRootsResult(roots=[mcp_types.Root(uri=declared.as_uri())])

        params = StdioServerParameters(command=bench.retouch, args=["mcp"], env=env, cwd=str(outside))
        async with Client(params, read_timeout_seconds=_MCP_TIMEOUT, list_roots_callback=roots) as client:
            seen["root_in"] = await client.call_tool("edit_image", {"image": str(photo), "request": "make it brighter"})
            seen["root_cwd"] = await client.call_tool("edit_image", {"image": str(secret),
                                                                     "request": "make it brighter"})
        return seen

    try:
        seen = asyncio.run(conversation())
    except Exception as exc:  # noqa: BLE001 - an old server may not start or answer
        return {"22.1 MCP workspace": verdict(False, f"the session failed: {type(exc).__name__}: {exc}"[:160])}
    outside_files = sorted(p.name for p in outside.rglob("*") if p.is_file() and p != secret)
    home_files = sorted(p.name for p in home.rglob("*") if p.is_file())

    def refused(name: str) -> str:
        result = seen[name]
        return verdict(bool(result.is_error), text(result)[:140])

    same = text(seen["image"]).replace("secret.png", "X") == text(seen["missing"]).replace("missing.png", "X")
    return {
        "22.1a MCP: an image outside the working folder": refused("image"),
        "22.1b MCP: the same line for an outside path that exists and one that doesn't":
            verdict(same, f"{text(seen['image'])[:70]} / {text(seen['missing'])[:70]}"),
        "22.1c MCP: a link inside pointing outside": refused("link"),
        "22.1d MCP: output '../outside/x.png'": refused("dotdot"),
        "22.1e MCP: output '~/x.png'": refused("tilde"),
        "22.1f MCP: 'save it as ~/y.png' in the words": refused("words"),
        "22.1g MCP: a session folder outside": refused("session"),
        "22.1h MCP: make_mask into a session's own v009.png": refused("mask_into_session"),
        "22.1i MCP: seed -1": refused("seed"),
        "22.1j MCP: the client's declared root is served, the server's cwd is not":
            verdict(not seen["root_in"].is_error and bool(seen["root_cwd"].is_error),
                    f"inside root: {'ok' if not seen['root_in'].is_error else text(seen['root_in'])[:60]}; "
                    f"cwd: {'refused' if seen['root_cwd'].is_error else 'served'}"),
        "22.1k MCP: nothing written outside the roots or in home":
            verdict(not outside_files and not home_files, f"outside: {outside_files}, home: {home_files}"),
        "22.1l MCP: the allowed edit still works": verdict(not seen["own"].is_error, text(seen["own"])[:100]),
    }


# ---------------------------------------------------------------------------------------- 22.2 numbers


NUMBER_CASES: list[tuple[str, str, Callable[[dict], bool], tuple[str, ...]]] = [
    ("rotate forty five degrees", "crop", lambda a: a.get("rotate") in (45, 45.0, -45, -45.0), ()),
    ("extend the canvas three hundred px to the right", "outpaint", lambda a: a.get("right") == 300, ()),
    ("zoom out two times", "outpaint", lambda a: a.get("zoom") == 2, ()),
    ("brighten by twenty percent", "adjust", lambda a: abs((a.get("brightness") or 0) - 0.2) < 1e-9, ()),
    ("remove the box (1, 1, 9, 9) with seed -5", "inpaint", lambda a: False, ("-5",)),
    ("rotate nan degrees", "crop", lambda a: False, ("nan",)),
    ("extend the canvas inf px to the right", "outpaint", lambda a: False, ("inf",)),
    ("make it -16:9", "outpaint", lambda a: False, ("-16:9",)),
    ("crop it to 4:5:6", "crop", lambda a: False, ("4:5:6",)),
    ("extend the canvas 1,5 px to the right", "outpaint", lambda a: False, ("1,5",)),
    ("remove the box (1, 2, 3, 4, 5)", "region", lambda a: False, ("(1, 2, 3, 4, 5)", "five")),
    ("make it brighter and save it as my photo.png", "save", lambda a: a.get("path") == "my photo.png", ()),
]


def case_numbers(bench: Any) -> Outcome:
    results: Outcome = {}
    for words, tool, right, named in NUMBER_CASES:
        done = _run(bench, "plan", words, "--json")
        try:
            plan = json.loads(done.stdout)
        except (ValueError, TypeError):
            results[f"22.2 “{words}”"] = verdict(False, _short(done))
            continue
        args = next((call["args"] for call in plan["calls"] if call["tool"] == tool), None)
        asked = not plan["calls"]
        said = any(token in plan["reply"] for token in named)
        holds = asked or said or (args is not None and right(args))
        shown = {k: v for k, v in (args or {}).items() if v not in (None, False, "", []) and k not in
                 ("step", "overlap", "strength", "fill", "full_resolution", "padding", "mask_blur", "steps",
                  "guidance", "variations", "cleanup_strength", "task")}
        results[f"22.2 “{words}”"] = verdict(holds, f"{'asks' if asked else shown} — {plan['reply'][:90]}")
    photo = _small(bench, "seed-photo.png")
    for seed in ("-1", "4294967296"):
        done = _run(bench, "edit", photo, "remove the box (2, 2, 20, 20)", "--seed", seed, "-o",
                    bench.work / f"seed{seed}.png")
        written = (bench.work / f"seed{seed}.png").exists()
        results[f"22.2 --seed {seed}"] = verdict(_one_clear_line(done) and not written,
                                                 f"{_short(done)} | written: {written}")
    return results


# ---------------------------------------------------------------------------------------- 22.3 bounds


def _history_png(source: Path, path: Path, steps: list) -> Path:
    """A PNG carrying `steps` as its retouch history (tEXt, as any tool could write it)."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt("retouch", json.dumps({"format": 1, "retouch": "0.1.0",
                                         "source": {"name": source.name, "sha256": None}, "steps": steps}), zip=True)
    Image.open(source).save(path, pnginfo=info)
    return path


def _versions(folder: Path) -> int:
    return len(list(folder.glob("v[0-9][0-9][0-9]*.png"))) if folder.exists() else 0


def case_bounds(bench: Any) -> Outcome:
    photo = _small(bench, "bounds.png")
    step = {"kind": "edit", "words": "brighter",
            "plan": {"calls": [{"tool": "adjust", "args": {"brightness": 0.01}}], "reply": ""}}
    history = _history_png(photo, bench.work / "long-history.png", [step] * 3500)
    script = bench.work / "long.txt"
    script.write_text("make it a bit brighter\n" * 10_000)
    results: Outcome = {}
    for name, args, session in (
            ("22.3a apply a 137 KB PNG whose history holds 3,500 steps (30 s)",
             ("apply", history, "--image", photo, "--session", bench.work / "B1"), bench.work / "B1"),
            ("22.3b run a 10,000-line instruction file (30 s)",
             ("run", script, "--image", photo, "--session", bench.work / "B2"), bench.work / "B2"),
            ("22.3c batch a 10,000-line instruction file (30 s)",
             ("batch", script, photo, "-o", bench.work / "B3", "--workers", "1"),
             bench.work / "B3" / "sessions" / ".bounds.part")):
        started = time.perf_counter()
        done = _run(bench, *args, timeout=30)
        seconds = time.perf_counter() - started
        made = _versions(session) + _versions(bench.work / "B3" / "sessions" / "bounds")
        results[name] = verdict(_one_clear_line(done) and made == 0,
                                f"{_short(done)} after {seconds:.1f} s | versions written: {made}")
    return results


# ---------------------------------------------------------------------------------------- 22.4 batch


def case_batch_replaced(bench: Any) -> Outcome:
    images, out = bench.work / "b4-in", bench.work / "b4-out"
    images.mkdir(exist_ok=True)
    first = Image.open(bench.photo).convert("RGB").resize((96, 96))
    first.save(images / "a.png")
    first.rotate(90).save(images / "b.png")
    script = bench.work / "b4.txt"
    script.write_text("make it a bit brighter\n")
    _run(bench, "batch", script, images, "-o", out, "--workers", "1")
    before = (out / "a.png").read_bytes() if (out / "a.png").exists() else b""
    first.rotate(180).save(images / "a.png")  # another photo under the same name
    done = _run(bench, "batch", script, images, "-o", out, "--workers", "1")
    after = (out / "a.png").read_bytes() if (out / "a.png").exists() else b""
    summary = done.stdout.decode().strip()
    return {"22.4 batch rerun after a photo was replaced under its name":
            verdict(summary.startswith("done 1") and after != before, f"{summary} | result redone: {after != before}")}


# ---------------------------------------------------------------------------------------- 22.5 smaller


def _header_png(path: Path, side: int) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    meta = chunk(b"tEXt", b'retouch\0{"steps": []}')
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)) + meta
                     + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b""))
    return path


def _plugin_env(bench: Any, name: str, source: str) -> dict:
    site = bench.work / f"site-{name}"
    site.mkdir(exist_ok=True)
    (site / f"retouch_{name}.py").write_text(source)
    info = site / f"retouch_{name}-0.1.0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: retouch-{name}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[retouch.backends]\n{name} = retouch_{name}\n")
    return dict(bench.env, PYTHONPATH=str(site))


def serve(respond: Callable[[Any], None]) -> Any:
    """A local HTTP server on a free port whose every POST is read whole and answered by `respond(handler)`."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            respond(self)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _llm_server(answer: dict) -> Any:
    """An OpenAI-compatible server that answers every request with `answer` as the plan."""
    body = json.dumps({"choices": [{"message": {"content": json.dumps(answer)}}]}).encode()

    def respond(handler: Any) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return serve(respond)


def _llm_env(bench: Any, port: int) -> dict:
    config = bench.work / f"llm22-{port}.toml"
    config.write_text(f'planner = "llm"\n[backends.llm]\nurl = "http://127.0.0.1:{port}/v1"\ntimeout = 10\n')
    return dict(bench.env, RETOUCH_CONFIG=str(config))


def _no_fake_lines(done: subprocess.CompletedProcess) -> bool:
    return done.returncode == 0 and not any(line.startswith(("wrote /tmp/evil", "retouch: error: fake"))
                                            for line in _err_lines(done))


def case_smaller(bench: Any) -> Outcome:
    photo = _small(bench, "small.png")
    results: Outcome = {}
    big = _header_png(bench.work / "big121.png", 11_000)
    for name, args in (("22.5a info on a 121 MP PNG", ("info", big)),
                       ("22.5b apply on a 121 MP PNG", ("apply", big, "--image", photo))):
        done = _run(bench, *args)
        results[name] = verdict(_one_clear_line(done) and "100 MP" in _err_lines(done)[0], _short(done))
    deep = bench.work / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    done = _run(bench, "apply", deep, "--image", photo)
    results["22.5c a plan file nested 100,000 deep"] = verdict(_one_clear_line(done), _short(done))
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_itxt("retouch", '{"steps": [' + "[" * 5000 + "]" * 5000 + "]}", zip=True)
    Image.open(photo).save(bench.work / "deep-history.png", pnginfo=info)
    done = _run(bench, "apply", bench.work / "deep-history.png", "--image", photo)
    results["22.5d a history nested 5,000 deep (apply)"] = verdict(_one_clear_line(done), _short(done))
    damaged = _history_png(photo, bench.work / "point.png", [{"kind": "point", "point": ["a", "b"]}])
    done = _run(bench, "apply", damaged, "--image", photo)
    results["22.5e a history with a malformed point step"] = verdict(_one_clear_line(done), _short(done))
    sub = bench.work / "elsewhere"
    sub.mkdir(exist_ok=True)
    Image.new("L", Image.open(photo).size, 255).save(bench.work / "outside-mask.png")
    history = _history_png(photo, sub / "evil.png", [{"kind": "edit", "words": "x", "plan": {"calls": [
        {"tool": "region", "args": {"mask_path": str(bench.work / "outside-mask.png")}},
        {"tool": "adjust", "args": {"brightness": 0.3, "masked": True}}], "reply": ""}}])
    done = _run(bench, "apply", history, "--image", photo)
    results["22.5f a PNG history naming a mask outside its folder"] = verdict(_one_clear_line(done), _short(done))
    strange = Path(os.fsdecode(os.fsencode(bench.work) + b"/caf\xe9.png"))
    shutil.copy(photo, strange)
    done = _run(bench, "edit", strange, "make it brighter")
    results["22.5g a file name that is not UTF-8"] = verdict(_one_clear_line(done), _short(done))
    failing = _plugin_env(bench, "boom", "class Boom:\n    def inpaint(self, *a, **k):\n"
                                         "        raise ValueError('onnx session not initialised')\n"
                                         "def register_backends(register):\n"
                                         "    register('inpainter', 'boom', lambda **o: Boom(), 'fails')\n")
    done = _run(bench, "edit", photo, "remove the box (2, 2, 20, 20)", "--inpainter", "boom", env=failing)
    named = _one_clear_line(done) and "plugin 'boom'" in _err_lines(done)[0]
    results["22.5h a failing plugin backend"] = verdict(named, _short(done))
    for name, source in (("sys.exit", "import sys\nsys.exit(3)\n"), ("KeyboardInterrupt", "raise KeyboardInterrupt\n")):
        done = _run(bench, "edit", photo, "make it brighter", env=_plugin_env(bench, name.lower().replace(".", ""),
                                                                             source))
        results[f"22.5i a plugin raising {name} on import, then an edit"] = verdict(done.returncode == 0, _short(done))
    plan = bench.work / "newlines.json"
    plan.write_text(json.dumps({"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}],
                                "reply": "Brightening.\nwrote /tmp/evil.png\nretouch: error: fake"}))
    done = _run(bench, "apply", plan, "--image", photo)
    results["22.5j line breaks in a plan file's reply"] = verdict(_no_fake_lines(done), " / ".join(_err_lines(done)[:3]))
    server = _llm_server({"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}],
                          "reply": "Brightening.\nwrote /tmp/evil.png\nretouch: error: fake"})
    try:
        done = _run(bench, "edit", photo, "make it brighter", env=_llm_env(bench, server.server_port))
    finally:
        server.shutdown()
    results["22.5k line breaks in an LLM's reply"] = verdict(_no_fake_lines(done), " / ".join(_err_lines(done)[:3]))
    first = Image.open(photo).convert("RGB")
    first.save(bench.work / "pages.tif", save_all=True, append_images=[first.rotate(90)])
    done = _run(bench, "edit", bench.work / "pages.tif", "make it brighter", "-o", bench.work / "pages-out.png")
    results["22.5l a two-page TIFF"] = verdict(_one_clear_line(done), _short(done))
    server = _llm_server({"calls": [{"tool": "adjust", "args": {"brightness": -1.0}}], "reply": "Brightening it."})
    try:
        out = bench.work / "llm-brighter.png"
        done = _run(bench, "edit", photo, "make it brighter", "-o", out, env=_llm_env(bench, server.server_port))
    finally:
        server.shutdown()
    before = float(np.asarray(Image.open(photo).convert("L")).mean())
    after = float(np.asarray(Image.open(out).convert("L")).mean()) if out.exists() else -1.0
    results["22.5m planner = llm, 'make it brighter' answered with brightness -1"] = verdict(
        after > before, f"mean grey {before:.0f} → {after:.0f}; {_err_lines(done)[0][:90]}")
    done = _run(bench, "edit", photo, "make it brighter", env=dict(bench.env, RETOUCH_CONFIG=str(bench.work / "typo.toml")))
    results["22.5n RETOUCH_CONFIG naming a missing file"] = verdict(_one_clear_line(done), _short(done))
    results.update(_sigterm_batch(bench))
    return results


def _sigterm_batch(bench: Any) -> Outcome:
    images, out = bench.work / "b5-in", bench.work / "b5-out"
    images.mkdir(exist_ok=True)
    for index in range(4):
        Image.open(bench.photo).convert("RGB").resize((768, 768)).rotate(90 * index).save(images / f"p{index}.png")
    script = bench.work / "b5.txt"
    script.write_text("remove the box (40, 40, 700, 700)\nmake it a bit brighter\n")
    batch = subprocess.Popen([bench.retouch, "batch", str(script), str(images), "-o", str(out), "--workers", "2"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=bench.env, cwd=bench.work,
                             start_new_session=True)
    deadline = time.monotonic() + 120
    while not list((out / "sessions").glob(".*.part")) and batch.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    try:
        os.killpg(batch.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    try:
        stdout, _ = batch.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(batch.pid, signal.SIGKILL)
        stdout, _ = batch.communicate()
    time.sleep(1.0)
    left = list((out / "sessions").glob(".*.part"))
    size = sum(path.stat().st_size for folder in left for path in folder.rglob("*") if path.is_file())
    return {"22.5o SIGTERM to a batch's process group": verdict(
        not left, f"exit {batch.returncode}: {stdout.decode().strip()[:60]} | .part left: {len(left)} "
                  f"({size / 2**20:.1f} MiB)")}


# ---------------------------------------------------------------------------------------- 22.6 cost


def _measured(bench: Any, args: list[str], *, interrupt_after: float | None = None) -> tuple[Any, float, float, float]:
    """(exit code, CPU seconds, peak MiB, seconds from SIGINT to exit) of one child process."""
    process = subprocess.Popen([bench.retouch, *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=bench.env, cwd=bench.work)
    stopped = 0.0
    if interrupt_after is not None:
        time.sleep(interrupt_after)
        if process.poll() is None:
            sent = time.perf_counter()
            process.send_signal(signal.SIGINT)
            _, status, usage = os.wait4(process.pid, 0)
            stopped = time.perf_counter() - sent
            process.returncode = os.waitstatus_to_exitcode(status)
            return process.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stopped
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, stopped


def case_cost(bench: Any) -> Outcome:
    big = bench.work / "photo-4096.png"
    Image.open(bench.photo).convert("RGB").resize((4096, 4096), Image.Resampling.BICUBIC).save(big)
    results: Outcome = {}
    code, cpu, peak, _ = _measured(bench, ["edit", str(big), "remove the person", "--seed", "0", "-o",
                                           str(bench.work / "p4096.png")])
    results["22.6a 'remove the person' on 4096² (≤ 8 s CPU, ≤ 500 MiB)"] = verdict(
        code == 0 and cpu <= 8 and peak <= 500, f"exit {code}, {cpu:.1f} s CPU, peak {peak:.0f} MiB")
    code, cpu, peak, _ = _measured(bench, ["edit", str(big), "make it 16:9", "--seed", "0", "-o",
                                           str(bench.work / "w4096.png")])
    results["22.6b 'make it 16:9' on 4096² (≤ 20 s CPU)"] = verdict(code == 0 and cpu <= 20,
                                                                    f"exit {code}, {cpu:.1f} s CPU, peak {peak:.0f} MiB")
    for name, words, after in (("22.6c Ctrl-C 4 s into 'remove the person' on 4096² (≤ 1 s)", "remove the person", 4.0),
                               ("22.6d Ctrl-C 4 s into 'make it 16:9' on 4096² (≤ 1 s)", "make it 16:9", 4.0)):
        code, _, _, stopped = _measured(bench, ["edit", str(big), words, "--seed", "0"], interrupt_after=after)
        results[name] = verdict(code == 130 and stopped <= 1.0, f"exit {code}, stopped {stopped:.1f} s after Ctrl-C")
    return results


CASES_22 = {"22.1": case_mcp, "22.2": case_numbers, "22.3": case_bounds, "22.4": case_batch_replaced,
            "22.5": case_smaller, "22.6": case_cost}


def compare(before: dict[str, str], after: dict[str, str]) -> str:
    """The "case | before | after" table, with the holds/breaks counts of each run."""
    def word(outcome: str | None) -> str:
        return "—" if outcome is None else outcome.split(" | ", 1)[0]

    names = [name for name in after if name.startswith("22.")] + [
        name for name in before if name.startswith("22.") and name not in after]
    lines = ["| case | before | after |", "|---|---|---|"]
    lines += [f"| {name} | {word(before.get(name))} | {word(after.get(name))} |" for name in names]
    counts = []
    for label, run in (("before", before), ("after", after)):
        words = [word(run.get(name)) for name in names]
        counts.append(f"{label}: {words.count('holds')} hold, {words.count('BREAKS')} break")
    return "\n".join(lines + ["", f"{len(names)} cases — " + "; ".join(counts)])

