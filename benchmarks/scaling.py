"""Does an edit cost what the edit needs, or what the photo weighs? Whole-process cost by photo size.

Every case is one real `retouch …` process, exactly as a user runs it, so imports, decoding, the
session's files and `-o` all count: sizes 512², 1024², 2048², 4096² × six jobs:

    hole128     retouch edit IMG "remove the box (…)" -o OUT   a fixed 128×128 box, always the same size
    hole10      retouch edit IMG "remove the box (…)" -o OUT   a centred box covering 10 % of the photo
    person      retouch edit IMG "remove the person" -o OUT
    extend256   retouch edit IMG "extend the canvas 256 px to the right" -o OUT
    16:9        retouch edit IMG "make it 16:9" -o OUT
    mask        retouch mask IMG "the person" -o MASK           (finding and masking only, nothing edited)
    hole128c    retouch edit IMG "remove the box (…)" -o OUT   the fixed 128² box in the centre, where
                its fill's context is never cut by the frame (hole128's is, at 512²)

With --interrupt, every editing job is then sent Ctrl-C (SIGINT) at six moments of its run
(INTERRUPT_AT) and the seconds until it exits are tabled, with its exit status and whether the
session was left without a new version (issue 22: Ctrl-C honoured within 1 s in every stage).

For each case: CPU seconds (the child's ru_utime + ru_stime), wall seconds and peak resident memory
(the child's ru_maxrss), read with os.wait4, medians over --repeat runs; then, per job, the fitted
exponent of cost against pixels (a log-log least-squares line over the sizes; 1.0 = linear in the
photo, 0 = flat) and, for the outpainting jobs, against the area they add. Whole-process figures
include a fixed start-up (~1 s), which pulls a fitted exponent below the true growth of the work,
so the slope between the two largest sizes is given beside the fit.

The photos are tests/data/image.png (a person in front of a fence, 256²) resized with bicubic
resampling, so "remove the person" and "the person" find someone at every size. Upscaled, they are
smoother than a camera's photo of that size: PNG compresses them more and faster than real 4096²
photos; --grain adds seeded Gaussian noise (σ in grey levels) for photo-like files.

Backends are pinned (rules planner, embedded finder, built-in inpainter, seed 0) and no config
file is read, so the figures do not depend on the machine's settings. The 1-minute load average
is written beside every case: on a shared machine the figures are provisional.

    .venv/bin/python benchmarks/scaling.py [--sizes 512,1024] [--jobs hole128,mask] [--repeat 3]
        [--retouch "OTHER/.venv/bin/retouch"]   # another checkout, for a before/after

Writes benchmarks/results/scaling.json. Not a test: nothing asserts on time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
RETOUCH = Path(sys.executable).parent / "retouch"
PHOTO = ROOT / "tests" / "data" / "image.png"
SIZES = (512, 1024, 2048, 4096)
HOLE = 128
PINNED = ("--planner", "rules", "--finder", "embedded")


@dataclass(frozen=True)
class Job:
    name: str
    describe: str
    argv: Callable[[Path, int, Path], list[str]]
    """(photo, side, output file) → the arguments after `retouch`."""
    outpaints: bool = False


def _box_words(box: tuple[int, int, int, int]) -> str:
    return "remove the box ({}, {}, {}, {})".format(*box)


def _edit(words: Callable[[int], str]) -> Callable[[Path, int, Path], list[str]]:
    return lambda photo, side, out: ["edit", str(photo), words(side), "-o", str(out), "--seed", "0",
                                     "--inpainter", "builtin", *PINNED]


def hole128_box(side: int) -> tuple[int, int, int, int]:
    """A fixed 128×128 box a quarter of the way in, away from the person in the middle."""
    left = top = side // 4 - HOLE // 2
    return left, top, left + HOLE, top + HOLE


def hole10_box(side: int) -> tuple[int, int, int, int]:
    """A centred square covering 10 % of the photo (over the person)."""
    edge = round(side * math.sqrt(0.10))
    left = top = (side - edge) // 2
    return left, top, left + edge, top + edge


JOBS = {job.name: job for job in (
    Job("hole128", "remove a fixed 128² box", _edit(lambda side: _box_words(hole128_box(side)))),
    Job("hole10", "remove a centred box of 10 % of the photo", _edit(lambda side: _box_words(hole10_box(side)))),
    Job("person", "remove the person", _edit(lambda side: "remove the person")),
    Job("extend256", "extend 256 px to the right", _edit(lambda side: "extend the canvas 256 px to the right"),
        outpaints=True),
    Job("16:9", "make it 16:9", _edit(lambda side: "make it 16:9"), outpaints=True),
    Job("enhance", "enhance this photo (auto: measure, correct what is off)", _edit(lambda side: "enhance this photo")),
    Job("mask", "mask the person (nothing edited)",
        lambda photo, side, out: ["mask", str(photo), "the person", "-o", str(out), *PINNED]),
)}


# ---- removal on big photos (issue 22, item 6) ------------------------------------------------------


def hole128c_box(side: int) -> tuple[int, int, int, int]:
    """A fixed 128×128 box in the middle: at 512² the box a quarter of the way in has its fill's
    context cut by the frame (a 352² crop, 448² at every larger size), so hole128's 512² figure is
    cheaper than the same hole anywhere else; here the context is whole at every size."""
    left = top = side // 2 - HOLE // 2
    return left, top, left + HOLE, top + HOLE


JOBS["hole128c"] = Job("hole128c", "remove a fixed 128² box in the centre (its context never cut by the frame)",
                       _edit(lambda side: _box_words(hole128c_box(side))))
INTERRUPT_AT = (0.15, 0.3, 0.45, 0.6, 0.75, 0.9)
"""When Ctrl-C is sent, as shares of the job's uninterrupted wall time: through start-up, finding,
the leftovers search, the fill, the check and the writing."""


def interrupt_latencies(command: list[str], job: Job, side: int, photo: Path, scratch: Path,
                        env: dict[str, str], wall: float, timeout: float) -> list[dict]:
    """Ctrl-C (SIGINT) the job at each of INTERRUPT_AT × `wall`; how long it took to stop, its exit
    status, and whether the session was left as it was (no version, no edit in the journal)."""
    import signal

    found = []
    for share in INTERRUPT_AT:
        work = scratch / f"interrupt-{job.name.replace(':', 'x')}-{side}-{round(share * 100)}"
        work.mkdir()
        argv = [*job.argv(photo, side, work / "out.png"), "--session", str(work / "session")]
        # SIGINT as a terminal sends it: a benchmark started in the background (`… &`) hands its
        # children SIGINT ignored, and Python then never raises KeyboardInterrupt.
        process = subprocess.Popen([*command, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        time.sleep(share * wall)
        sent = time.perf_counter()
        finished_before = process.poll() is not None
        if not finished_before:
            process.send_signal(signal.SIGINT)
        try:
            _, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            _, err = process.communicate()
        latency = time.perf_counter() - sent
        journal = work / "session" / "journal.jsonl"
        edits = [line for line in journal.read_text(encoding="utf-8").splitlines() if '"kind":"edit"' in line] \
            if journal.exists() else []
        found.append({"job": job.name, "side": side, "at": share, "at_s": round(share * wall, 2),
                      "finished_before": finished_before, "returncode": process.returncode,
                      "stop_s": None if finished_before else round(latency, 3),
                      "consistent": finished_before or (not edits and not (work / "session" / "v001.png").exists()),
                      "said": err.decode("utf-8", "replace").strip().splitlines()[-1:]})
        shutil.rmtree(work, ignore_errors=True)
    return found


def print_interrupts(found: list[dict]) -> None:
    print()
    print("Ctrl-C during the edit: seconds from SIGINT to exit (goal ≤ 1 s), exit status, session unchanged")
    print(f"{'job':<10}{'side':>6}  " + "".join(f"{f'@{share:.0%}':>14}" for share in INTERRUPT_AT) + f"{'worst':>9}")
    for key in sorted({(f["job"], f["side"]) for f in found}, key=lambda k: (k[0], k[1])):
        cells, stops = [], []
        for f in (f for f in found if (f["job"], f["side"]) == key):
            if f["finished_before"]:
                cells.append("done")
            else:
                stops.append(f["stop_s"])
                cells.append(f"{f['stop_s']:.2f} {f['returncode']}{'' if f['consistent'] else ' !'}")
        print(f"{key[0]:<10}{key[1]:>6}  " + "".join(f"{cell:>14}" for cell in cells)
              + f"{max(stops) if stops else float('nan'):>9.2f}")


@dataclass
class Run:
    returncode: int
    cpu_s: float
    wall_s: float
    peak_mib: float
    timed_out: bool
    error: str


def run_once(command: list[str], argv: list[str], env: dict[str, str], timeout: float) -> Run:
    """One `retouch` process; its own CPU time and peak memory, read from the kernel at exit."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen([*command, *argv], stdout=subprocess.DEVNULL, stderr=err, env=env)
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        tail = err.read().decode("utf-8", "replace").strip().splitlines()
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    timed_out = process.returncode < 0 and wall >= timeout
    return Run(returncode=process.returncode, cpu_s=usage.ru_utime + usage.ru_stime, wall_s=wall,
               peak_mib=usage.ru_maxrss / scale, timed_out=timed_out,
               error="" if process.returncode == 0 else (tail[-1] if tail else f"exit {process.returncode}"))


def make_photo(side: int, folder: Path, grain: float) -> Path:
    photo = Image.open(PHOTO).convert("RGB").resize((side, side), Image.Resampling.BICUBIC)
    if grain > 0:
        pixels = np.asarray(photo, dtype=np.float32)
        noise = np.random.default_rng(side).normal(0.0, grain, pixels.shape)
        photo = Image.fromarray(np.clip(pixels + noise, 0, 255).round().astype(np.uint8))
    path = folder / f"photo-{side}.png"
    photo.save(path)
    return path


def added_area(photo: Path, out: Path) -> int | None:
    """Pixels the edit added to the canvas (outpainting), read from the files' headers."""
    if not out.exists():
        return None
    with Image.open(photo) as before, Image.open(out) as after:
        return after.width * after.height - before.width * before.height


def fit_exponent(xs: list[float], ys: list[float]) -> float | None:
    """Slope of log(y) against log(x): how cost grows with x (1 = linear)."""
    points = [(x, y) for x, y in zip(xs, ys) if x and y and x > 0 and y > 0]
    if len(points) < 2:
        return None
    logs = np.log(np.array(points, dtype=float))
    return float(np.polyfit(logs[:, 0], logs[:, 1], 1)[0])


def exponents(rows: list[dict], job: Job) -> dict:
    done = sorted((row for row in rows if row["job"] == job.name and row["ok"]), key=lambda row: row["side"])
    pixels = [row["side"] ** 2 for row in done]
    found: dict = {"job": job.name, "sizes": [row["side"] for row in done]}
    for measure in ("cpu_s", "wall_s", "peak_mib"):
        values = [row[measure] for row in done]
        found[f"{measure}_vs_pixels"] = fit_exponent(pixels, values)
        found[f"{measure}_vs_pixels_top2"] = fit_exponent(pixels[-2:], values[-2:])
        if job.outpaints:
            added = [row["added_px"] for row in done]
            found[f"{measure}_vs_added"] = fit_exponent(added, values)
            found[f"{measure}_vs_added_top2"] = fit_exponent(added[-2:], values[-2:])
    return found


def measure(command: list[str], job: Job, side: int, photo: Path, scratch: Path, env: dict[str, str],
            repeat: int, timeout: float, keep: Path | None) -> dict:
    runs: list[Run] = []
    loads: list[float] = []
    added = None
    steps: list[dict] = []
    for attempt in range(repeat):
        work = scratch / f"{job.name.replace(':', 'x')}-{side}-{attempt}"
        work.mkdir()
        out = work / ("mask.png" if job.name == "mask" else "out.png")
        argv = job.argv(photo, side, out)
        if job.name != "mask":
            argv += ["--session", str(work / "session")]
        loads.append(os.getloadavg()[0])
        run = run_once(command, argv, env, timeout)
        runs.append(run)
        if run.returncode == 0:
            added = added_area(photo, out) if job.outpaints else None
            steps = _journal_steps(work / "session")
            if keep is not None and attempt == 0:
                shutil.copyfile(out, keep / f"{work.name}.png")
        shutil.rmtree(work, ignore_errors=True)
        if run.returncode != 0:
            break  # a failure or a timeout repeats itself; don't spend the machine on it
    ok = all(run.returncode == 0 for run in runs)
    return {
        "job": job.name, "side": side, "ok": ok,
        "cpu_s": round(statistics.median(r.cpu_s for r in runs), 3),
        "wall_s": round(statistics.median(r.wall_s for r in runs), 3),
        "peak_mib": round(statistics.median(r.peak_mib for r in runs), 1),
        "added_px": added, "load_1min": round(statistics.median(loads), 2), "steps": steps,
        "runs": [vars(run) | {"cpu_s": round(run.cpu_s, 3), "wall_s": round(run.wall_s, 3),
                              "peak_mib": round(run.peak_mib, 1)} for run in runs],
        "error": next((run.error for run in runs if run.error), ""),
    }


def _journal_steps(session: Path) -> list[dict]:
    """Seconds per tool call of the edit, from the session's journal (empty for `retouch mask`)."""
    journal = session / "journal.jsonl"
    if not journal.exists():
        return []
    for line in reversed(journal.read_text(encoding="utf-8").splitlines()):
        entry = json.loads(line)
        if entry.get("calls"):
            return [{"tool": call.get("tool"), "seconds": call.get("seconds")} for call in entry["calls"]]
    return []


def print_table(rows: list[dict], fits: list[dict]) -> None:
    print(f"{'job':<10}{'side':>6}{'CPU s':>9}{'wall s':>9}{'peak MiB':>10}{'load':>7}  note")
    for row in rows:
        note = "" if row["ok"] else ("timed out" if any(r["timed_out"] for r in row["runs"]) else row["error"])
        print(f"{row['job']:<10}{row['side']:>6}{row['cpu_s']:>9.2f}{row['wall_s']:>9.2f}{row['peak_mib']:>10.0f}"
              f"{row['load_1min']:>7.2f}  {note}")
    print()
    print("fitted exponent of cost (log-log; 1 = linear, 0 = flat); in brackets: between the two largest sizes")
    print(f"{'job':<10}{'against':<9}{'CPU':>14}{'wall':>14}{'peak':>14}")
    for fit in fits:
        for against in ("pixels", "added") if "cpu_s_vs_added" in fit else ("pixels",):
            cells = [_exponent_cell(fit[f"{m}_vs_{against}"], fit[f"{m}_vs_{against}_top2"])
                     for m in ("cpu_s", "wall_s", "peak_mib")]
            print(f"{fit['job']:<10}{against:<9}" + "".join(f"{cell:>14}" for cell in cells))


def _exponent_cell(whole: float | None, top: float | None) -> str:
    if whole is None:
        return "—"
    return f"{whole:.2f} ({top:.2f})" if top is not None else f"{whole:.2f}"


def _sides(text: str) -> list[int]:
    try:
        sides = [int(side) for side in text.split(",") if side.strip()]
    except ValueError:
        sides = []
    if not sides or any(not 64 <= side <= 16384 for side in sides):
        raise SystemExit(f"scaling.py: --sizes takes sides from 64 to 16384, comma-separated (got {text!r})")
    return sides


def _names(text: str, known: list[str], what: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise SystemExit(f"scaling.py: unknown {what} {unknown or text!r}; known: {', '.join(known)}")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="photo sides, comma-separated")
    parser.add_argument("--jobs", default=",".join(JOBS), help=f"comma-separated, of: {', '.join(JOBS)}")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the table shows medians")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds before a case is killed")
    parser.add_argument("--grain", type=float, default=0.0, help="σ of Gaussian noise added to the photos")
    parser.add_argument("--keep", type=Path, default=None, help="copy each case's result here, to look at")
    parser.add_argument("--retouch", default=str(RETOUCH),
                        help="the command that runs retouch (default: this venv's), e.g. another checkout's")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "scaling.json")
    parser.add_argument("--interrupt", action="store_true",
                        help="then Ctrl-C every editing job at six moments of its run and time how fast it stops")
    args = parser.parse_args(argv)
    sides = _sides(args.sizes)
    jobs = [JOBS[name] for name in _names(args.jobs, list(JOBS), "job")]
    if args.repeat < 1 or not args.timeout > 0 or not args.grain >= 0:
        raise SystemExit("scaling.py: --repeat must be at least 1, --timeout above 0 and --grain 0 or more")
    command = shlex.split(args.retouch)
    if not command or shutil.which(command[0]) is None:
        raise SystemExit(f"scaling.py: can't run {args.retouch!r}; run with the project's .venv/bin/python")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)

    load_before = os.getloadavg()
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="retouch-scaling-") as folder:
        scratch = Path(folder)
        env = {**os.environ, "RETOUCH_CONFIG": os.devnull}
        for side in sides:
            photo = make_photo(side, scratch, args.grain)
            for job in jobs:
                row = measure(command, job, side, photo, scratch, env, args.repeat, args.timeout, args.keep)
                rows.append(row)
                print(f"  {job.name} {side}²: {row['cpu_s']:.2f} s CPU, {row['wall_s']:.2f} s wall, "
                      f"{row['peak_mib']:.0f} MiB" + ("" if row["ok"] else f" — {row['error']}"),
                      file=sys.stderr, flush=True)
        interrupts: list[dict] = []
        if args.interrupt:
            for row in rows:
                job = JOBS[row["job"]]
                if job.name != "mask" and row["ok"]:
                    photo = scratch / f"photo-{row['side']}.png"
                    interrupts += interrupt_latencies(command, job, row["side"], photo, scratch, env, row["wall_s"],
                                                      args.timeout)
    load_after = os.getloadavg()
    rows.sort(key=lambda row: (list(JOBS).index(row["job"]), row["side"]))
    fits = [exponents(rows, job) for job in jobs]
    print(f"load average (1/5/15 min): before {_load(load_before)}, after {_load(load_after)} on "
          f"{os.cpu_count()} CPUs — figures taken under load are provisional")
    print(f"runs per case: {args.repeat} (median)  photo: {PHOTO.name} resized (bicubic), grain σ={args.grain}")
    print()
    print_table(rows, fits)
    if interrupts:
        print_interrupts(interrupts)
    result = {
        "benchmark": "scaling", "retouch": args.retouch, "photo": PHOTO.name, "grain": args.grain, "repeat": args.repeat,
        "jobs": {job.name: job.describe for job in jobs}, "hole_px": HOLE,
        "load_before": list(load_before), "load_after": list(load_after), "cpus": os.cpu_count(),
        "python": platform.python_version(), "machine": platform.machine(),
        "rows": rows, "exponents": fits, "interrupts": interrupts,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")
    return 0


def _load(values: tuple[float, float, float]) -> str:
    return "/".join(f"{value:.2f}" for value in values)


if __name__ == "__main__":
    raise SystemExit(main())
