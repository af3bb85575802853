"""Issue 15's and issue 22's hostile and clumsy cases, run against a `retouch` executable: what each one does.

Every case is a real command in a scratch folder; the result is what a user sees (exit code, the
last line on stderr) plus what is left on disk. Issue 22's cases (`reliability_22.py`: 22.1 MCP
workspace … 22.6 cost) are also judged "holds" or "BREAKS". Run it against two installs to get the
issue's "case → before → after" table:

    .venv/bin/python benchmarks/reliability_cases.py [--retouch PATH] [--json PATH] [--only 1 2 22.1 …]
    .venv/bin/python benchmarks/reliability_cases.py --compare BEFORE.json AFTER.json

Writes benchmarks/results/reliability_cases.json (or --json).
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import json
import os
import resource
import shutil
import stat
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "data" / "image.png"


class Bench:
    def __init__(self, retouch: str, work: Path) -> None:
        self.retouch, self.work = retouch, work
        self.env = dict(os.environ, RETOUCH_CONFIG=os.devnull, XDG_DATA_HOME=str(work / "xdg"),
                        HF_HUB_OFFLINE="1")
        self.photo = work / "p.png"
        Image.open(SAMPLE).convert("RGB").save(self.photo)

    def run(self, *args: object, env: dict | None = None, timeout: float = 60,
            limit_file_bytes: int | None = None) -> tuple[object, str, float]:
        """(exit code or 'timeout', the last stderr line with escapes shown as \\x1b, seconds)."""
        def limits() -> None:
            if limit_file_bytes:
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

        started = time.perf_counter()
        try:
            done = subprocess.run([self.retouch, *map(str, args)], capture_output=True, env=env or self.env,
                                  timeout=timeout, cwd=self.work, preexec_fn=limits)
        except subprocess.TimeoutExpired:
            return "timeout", "", round(time.perf_counter() - started, 1)
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [""]
        return done.returncode, lines[-1].encode("unicode_escape").decode()[:150], round(time.perf_counter() - started, 1)

    def sessions(self) -> set[Path]:
        return set((self.work / "xdg").rglob("journal.jsonl"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _bomb(path: Path, side: int = 50_000) -> Path:
    """A real 2.4 MB PNG of side×side zeros (2.5 GB decoded)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    squeeze, row = zlib.compressobj(9), b"\0" * (side + 1)
    data = b"".join(squeeze.compress(row) for _ in range(side)) + squeeze.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))
    return path


def _llm_env(bench: Bench, port: int, extra: str = "") -> dict:
    config = bench.work / f"llm-{port}.toml"
    config.write_text(f'planner = "llm"\n[backends.llm]\nurl = "http://127.0.0.1:{port}/v1"\ntimeout = 5\n{extra}')
    return dict(bench.env, RETOUCH_CONFIG=str(config))


HOSTILE = "ok \x1b[2J\x1b]0;pwned\x07 done"


def _shown(result: tuple) -> str:
    code, line, seconds = result
    return f"exit {code}, {seconds}s: {line}"


# ---------------------------------------------------------------------------------------------- cases


def case_1(bench: Bench) -> dict[str, str]:
    session = bench.work / "S1"
    bench.run("edit", bench.photo, "make it brighter", "--session", session)
    workers = [subprocess.Popen([bench.retouch, "edit", str(bench.photo), "extend the canvas 20 px to the right",
                                 "--session", str(session)], env=bench.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL) for _ in range(10)]
    codes = [worker.wait() for worker in workers]
    edits = [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]
    edits = [entry for entry in edits if entry["kind"] == "edit"]
    width = Image.open(session / edits[-1]["file"]).width
    honest = all(Image.open(session / e["file"]).width == Image.open(session / p["file"]).width + 20
                 for p, e in zip(edits, edits[1:]))
    return {"1 ten parallel 'extend 20 px' on one session":
            f"exits {sorted(set(codes))}; final width {width} (wanted {256 + 200}); journal honest: {honest}"}


def case_2(bench: Bench) -> dict[str, str]:
    bomb = _bomb(bench.work / "bomb.png")
    plan = bench.work / "bomb-plan.json"
    plan.write_text(json.dumps({"calls": [{"tool": "region", "args": {"mask_path": str(bomb)}},
                                          {"tool": "inpaint", "args": {"task": "remove"}}], "reply": ""}))
    return {
        "2a --mask: 2.4 MB PNG declaring 50,000²": _shown(bench.run("edit", bench.photo, "remove it", "--mask", bomb,
                                                                     timeout=90)),
        "2b a plan's mask_path: the same PNG": _shown(bench.run("apply", plan, "--image", bench.photo, timeout=90)),
        "2c the same PNG as the input": _shown(bench.run("edit", bomb, "make it brighter", timeout=90)),
    }


def case_3(bench: Bench) -> dict[str, str]:
    results = {}
    Image.open(bench.photo).save(bench.work / "q.jpg")
    before = bench.sessions()
    shown = _shown(bench.run("edit", bench.work / "q.jpg", "make it brighter and save it as q.jpg"))
    results["3a edit q.jpg 'make it brighter and save it as q.jpg'"] = \
        f"{shown} | sessions left: {len(bench.sessions() - before)}"
    script = bench.work / "script.txt"
    script.write_text("make it brighter\nfly me to the moon\n")
    before = bench.sessions()
    done = subprocess.run([bench.retouch, "run", str(script), "--image", str(bench.photo)], capture_output=True,
                          env=bench.env, cwd=bench.work)
    said = "kept v001 in the session" in done.stderr.decode()
    results["3b run: a script failing on line 2"] = (f"exit {done.returncode}; sessions left: "
                                                     f"{len(bench.sessions() - before)}; says which and where: {said}")
    (bench.work / "folder.png").mkdir(exist_ok=True)
    results["3c -o an existing folder --force"] = _shown(bench.run("edit", bench.photo, "make it brighter", "-o",
                                                                   bench.work / "folder.png", "--force"))
    results["3d 'save it as /proc/x.png'"] = _shown(bench.run("edit", bench.photo,
                                                              "make it brighter and save it as /proc/x.png"))
    before_files = {p for p in (bench.work / "xdg").rglob("*") if p.is_file()}
    # The JPEG input (~20 KB) is copied in as v000; the lossless v001 (~110 KB) no longer fits.
    shown = _shown(bench.run("edit", bench.work / "q.jpg", "make it brighter", "-o", bench.work / "full.png",
                             limit_file_bytes=60_000))
    left = {p for p in (bench.work / "xdg").rglob("*") if p.is_file()} - before_files
    results["3e a full disk (writes over 60 KB fail)"] = f"{shown} | files left: {len(left)}"
    return results


def _trickle(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.end_headers()
    for _ in range(120):
        try:
            handler.wfile.write(b" ")
            handler.wfile.flush()
        except OSError:
            return
        time.sleep(1)


def case_4(bench: Bench) -> dict[str, str]:
    server = serve(_trickle)
    started = time.perf_counter()
    try:
        done = subprocess.run([bench.retouch, "edit", str(bench.photo), "make it brighter"], capture_output=True,
                              env=_llm_env(bench, server.server_port), cwd=bench.work, timeout=90)
    except subprocess.TimeoutExpired:
        return {"4 an LLM server sending 1 byte/s (timeout = 5)": "still running after 90 s"}
    finally:
        server.shutdown()
    said = "no answer within 5 s" in done.stderr.decode()
    return {"4 an LLM server sending 1 byte/s (timeout = 5)":
            f"exit {done.returncode} after {time.perf_counter() - started:.1f}s; says the model did not answer "
            f"and used the rules: {said}"}


def _escapes(result: tuple) -> str:
    code, line, _ = result
    reached = "\\x1b" in line or "\\x07" in line
    return f"exit {code}; ESC reached the terminal: {reached}"


def case_5(bench: Bench) -> dict[str, str]:
    plan = bench.work / "evil.json"
    plan.write_text(json.dumps({"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}], "reply": HOSTILE}))
    answer = json.dumps({"choices": [{"message": {"content": json.dumps(
        {"calls": [{"tool": "adjust", "args": {"brightness": 0.2}}], "reply": HOSTILE})}}]}).encode()

    def reply(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(answer)))
        handler.end_headers()
        handler.wfile.write(answer)

    def error(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(500)
        handler.end_headers()
        handler.wfile.write(HOSTILE.encode())

    results = {"5a a plan file's reply": _escapes(_first_line_with_escape(bench, "apply", plan, "--image", bench.photo))}
    for name, respond, extra in (("5b an LLM's reply", reply, ""), ("5c an HTTP error body", error, "strict = true")):
        server = serve(respond)
        try:
            results[name] = _escapes(_first_line_with_escape(bench, "edit", bench.photo, "make it brighter",
                                                             env=_llm_env(bench, server.server_port, extra)))
        finally:
            server.shutdown()
    results["5d a file name in an error line"] = _escapes(_first_line_with_escape(bench, "edit", f"{HOSTILE}.png",
                                                                                  "make it brighter"))
    return results


def _first_line_with_escape(bench: Bench, *args: object, env: dict | None = None) -> tuple:
    done = subprocess.run([bench.retouch, *map(str, args)], capture_output=True, env=env or bench.env, cwd=bench.work)
    text = (done.stdout + done.stderr).decode("utf-8", "replace")
    escaped = [line for line in text.splitlines() if "\x1b" in line or "\x07" in line]
    return done.returncode, (escaped[0] if escaped else text.strip().splitlines()[-1]).encode("unicode_escape").decode(), 0


def case_6(bench: Bench) -> dict[str, str]:
    results = {}
    shown = _shown(bench.run("edit", bench.photo, "make it brighter and save it as /etc/passwd"))
    results["6a 'save it as /etc/passwd'"] = f"{shown} | ./edited.png written: {(bench.work / 'edited.png').exists()}"
    done = subprocess.run([bench.retouch, "edit", str(bench.photo), "make it brighter and save it as out6.png"],
                          capture_output=True, env=bench.env, cwd=bench.work)
    results["6b 'save it as out6.png' prints where"] = f"'wrote' line: {b'wrote' in done.stderr}"
    home = bench.work / "home"
    home.mkdir(exist_ok=True)
    shown = _shown(bench.run("edit", bench.photo, "make it brighter and save it as ~/t.png",
                             env=dict(bench.env, HOME=str(home))))
    results["6c 'save it as ~/t.png'"] = f"{shown} | ~ expanded: {(home / 't.png').exists()}"
    results["6d 'save it as notes.txt'"] = _shown(bench.run("edit", bench.photo,
                                                            "make it brighter and save it as notes.txt"))
    return results


def case_7(bench: Bench) -> dict[str, str]:
    results = {}
    source = bench.work / "in.png"
    shutil.copy(bench.photo, source)
    before = _sha(source)
    shown = _shown(bench.run("edit", source, "make it brighter", "-o", source, "--force"))
    results["7a -o INPUT --force"] = f"{shown} | input changed: {_sha(source) != before}"
    session = bench.work / "S7"
    bench.run("edit", bench.photo, "make it brighter", "--session", session)
    shown = _shown(bench.run("edit", bench.photo, "make it darker", "--session", session, "-o", session / "v000.png",
                             "--force"))
    bench.run("revert", "0", "--session", session)
    same = np.array_equal(np.asarray(Image.open(session / "v000.png").convert("RGB")),
                          np.asarray(Image.open(bench.photo).convert("RGB")))
    results["7b -o SESSION/v000.png --force, then revert 0"] = f"{shown} | revert 0 gives the original: {same}"
    old = os.umask(0o022)
    try:
        bench.run("edit", bench.photo, "make it brighter", "-o", bench.work / "m.png")
        Image.open(bench.photo).save(bench.work / "m2.png")
        os.chmod(bench.work / "m2.png", 0o644)
        bench.run("edit", bench.photo, "make it brighter", "-o", bench.work / "m2.png", "--force")
    finally:
        os.umask(old)
    results["7c output modes under umask 022 (new; --force on 0644)"] = \
        f"{oct(stat.S_IMODE((bench.work / 'm.png').stat().st_mode))}; " \
        f"{oct(stat.S_IMODE((bench.work / 'm2.png').stat().st_mode))}"
    for name, damage in (("a list", lambda j: j.write_text(j.read_text() + "[1,2,3]\n")),
                         ("an edit without keys", lambda j: j.write_text(j.read_text() + '{"kind":"edit"}\n')),
                         ("invalid UTF-8", lambda j: j.write_bytes(j.read_bytes() + b'{"kind":"\xff"}\n'))):
        damaged = bench.work / f"S7d-{len(results)}"
        bench.run("edit", bench.photo, "make it brighter", "--session", damaged)
        damage(damaged / "journal.jsonl")
        results[f"7d a journal line that is {name}"] = _shown(bench.run("edit", bench.photo, "make it darker",
                                                                        "--session", damaged))
    deleted = bench.work / "S7e"
    bench.run("edit", bench.photo, "make it brighter", "--session", deleted)
    (deleted / "v001.png").unlink()
    results["7d a deleted version file"] = _shown(bench.run("edit", bench.photo, "make it darker", "--session", deleted))
    (bench.work / "afile").write_text("x")
    results["7d a session path that is a file"] = _shown(bench.run("edit", bench.photo, "make it darker", "--session",
                                                                   bench.work / "afile"))
    killed = bench.work / "S7f"
    bench.run("edit", bench.photo, "make it brighter", "--session", killed)
    (killed / ".v002.png.x1.part").write_bytes(b"junk")
    Image.open(bench.photo).save(killed / "v005.png")
    bench.run("edit", bench.photo, "make it darker", "--session", killed)
    leftovers = sorted(p.name for p in killed.iterdir() if p.name.endswith(".part") or p.name == "v005.png")
    results["7e .part and orphan version left by kill -9, after the next edit"] = f"still there: {leftovers}"
    plan = bench.work / "big.json"
    plan.write_text(json.dumps({"calls": [{"tool": "outpaint", "args": {"right": 16384}}], "reply": ""}))
    results["7f outpaint 16384 px to the right (plan file)"] = _shown(bench.run("apply", plan, "--image", bench.photo,
                                                                               timeout=30))
    frames = [Image.new("RGB", (64, 64), (index * 60, 0, 0)) for index in range(4)]
    frames[0].save(bench.work / "anim.gif", save_all=True, append_images=frames[1:], duration=100, loop=0)
    results["7g an animated GIF"] = _shown(bench.run("edit", bench.work / "anim.gif", "make it brighter", "-o",
                                                     bench.work / "anim-out.png"))
    return results


CASES = {"1": case_1, "2": case_2, "3": case_3, "4": case_4, "5": case_5, "6": case_6, "7": case_7}

# Issue 22: cases judged holds / BREAKS (reliability_22.py), and the before → after table.
from reliability_22 import CASES_22, compare, serve  # noqa: E402  (a script beside this one)

CASES.update(CASES_22)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--retouch", default=str(Path(sys.executable).parent / "retouch"))
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "reliability_cases.json"))
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), default=sorted(CASES))
    parser.add_argument("--compare", nargs=2, metavar=("BEFORE", "AFTER"),
                        help="print issue 22's before → after table from two --json files, and exit")
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(Path(path).read_text())["cases"] for path in args.compare)
        print(compare(before, after))
        return 0
    work = Path(tempfile.mkdtemp(prefix="retouch-reliability-"))
    bench = Bench(args.retouch, work)
    results: dict[str, str] = {}
    try:
        for key in args.only:
            for case, outcome in CASES[key](bench).items():
                results[case] = outcome
                print(f"{case:<62} | {outcome}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"retouch": args.retouch, "cases": results}, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
