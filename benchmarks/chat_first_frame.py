"""How long `retouch chat` takes to show the picture, and what the first request costs, measured in
a real terminal (tmux).

Starts the chat in a detached tmux session and polls `capture-pane`:
- picture: the preview's caption ("v000 · W×H") is on screen — the first frame with the image;
  also the CPU seconds the chat process had used by then (user + system, all threads: what the
  wall time would be on an idle machine, give or take the terminal's own work);
- agent ready: the status bar names the planner;
- finder warm: the status bar names the finder without "(loading…)" — MediaPipe imported and its
  models built in the background;
- first request: "remove the person" sent, until its reply is on screen. Sent once the finder is
  warm (what a person typing sees) and, in separate runs, the moment the agent is ready (so it
  waits for the loading: what it cost before the finder was warmed).

Prints a table and writes JSON.

    .venv/bin/python benchmarks/chat_first_frame.py [--runs 5] [--nice N] [--json PATH]

On a machine shared with other work, `--nice -10` (root only) runs the chat ahead of it: closer to
what an idle machine shows. The table says which was used, and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RETOUCH = Path(sys.executable).parent / "retouch"
REQUEST = "remove the person"
REPLY = "Removing the person"
NAN = float("nan")


def _cpu_seconds(name: str) -> float:
    """User + system CPU seconds of the process running in the tmux pane (Linux /proc)."""
    pid = subprocess.run(["tmux", "display-message", "-p", "-t", name, "#{pane_pid}"], capture_output=True,
                         text=True).stdout.strip()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return NAN
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _screen(name: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout


def one_run(image: Path, *, send: str, nice: int = 0, timeout: float = 60.0) -> dict[str, float]:
    """Seconds from launch to each moment; `send` is "warm" or "ready": when the request goes."""
    folder = Path(tempfile.mkdtemp())
    name = f"retouch-bench-{time.monotonic_ns()}"
    command = f"{RETOUCH} chat {image} --session {folder / 's'} --renderer halfcell"
    if nice:
        command = f"nice -n {nice} {command}"
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "140", "-y", "40", command], check=True)
    times = {"first_frame_s": NAN, "first_frame_cpu_s": NAN, "agent_ready_s": NAN, "finder_warm_s": NAN,
             "request_s": NAN}
    sent_at = NAN
    try:
        while time.perf_counter() - started < timeout:
            screen = _screen(name)
            now = time.perf_counter() - started
            if times["first_frame_s"] != times["first_frame_s"] and "v000 ·" in screen:
                times["first_frame_s"] = now
                times["first_frame_cpu_s"] = _cpu_seconds(name)
            if times["agent_ready_s"] != times["agent_ready_s"] and "planner rules" in screen:
                times["agent_ready_s"] = now
            if times["finder_warm_s"] != times["finder_warm_s"] and "planner rules" in screen \
                    and "(loading…)" not in screen:
                times["finder_warm_s"] = now
            due = times["finder_warm_s" if send == "warm" else "agent_ready_s"]
            if sent_at != sent_at and due == due:
                subprocess.run(["tmux", "send-keys", "-t", name, "-l", REQUEST], check=True)
                subprocess.run(["tmux", "send-keys", "-t", name, "Enter"], check=True)
                sent_at = time.perf_counter() - started
            if sent_at == sent_at and REPLY in screen:
                times["request_s"] = now - sent_at
                break
            time.sleep(0.02)
    finally:
        subprocess.run(["tmux", "send-keys", "-t", name, "C-q"], capture_output=True)
        time.sleep(0.3)
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--image", type=Path, default=ROOT / "tui" / "samples" / "person-by-fence.png")
    parser.add_argument("--nice", type=int, default=0, help="niceness of the chat process (negative: root)")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "chat_first_frame.json")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed for this benchmark (apt-get install tmux)", file=sys.stderr)
        return 1
    one_run(args.image, send="warm", nice=args.nice)  # warm the file cache; not counted
    runs = [{"send": send, **one_run(args.image, send=send, nice=args.nice)}
            for _ in range(args.runs) for send in ("warm", "ready")]
    print(f"{'run':>4} {'request sent':>13} {'picture s':>10} {'(cpu s)':>8} {'agent ready s':>14} "
          f"{'finder warm s':>14} {'request s':>10}")
    for index, run in enumerate(runs, start=1):
        print(f"{index:>4} {'when warm' if run['send'] == 'warm' else 'when ready':>13} {run['first_frame_s']:>10.3f} "
              f"{run['first_frame_cpu_s']:>8.2f} {run['agent_ready_s']:>14.3f} {run['finder_warm_s']:>14.3f} "
              f"{run['request_s']:>10.3f}")

    def median(key: str, send: str | None = None) -> float:
        values = [run[key] for run in runs if send in (None, run["send"]) and run[key] == run[key]]
        return statistics.median(values) if values else NAN

    summary = {"median_first_frame_s": median("first_frame_s"), "median_first_frame_cpu_s": median("first_frame_cpu_s"),
               "median_agent_ready_s": median("agent_ready_s"),
               "median_finder_warm_s": median("finder_warm_s"),
               "median_request_after_warm_s": median("request_s", "warm"),
               "median_request_at_ready_s": median("request_s", "ready")}
    print(f"{'med':>4} {'':>13} {summary['median_first_frame_s']:>10.3f} {summary['median_first_frame_cpu_s']:>8.2f} "
          f"{summary['median_agent_ready_s']:>14.3f} {summary['median_finder_warm_s']:>14.3f}")
    print(f"first '{REQUEST}': {summary['median_request_after_warm_s']:.3f} s sent once warm, "
          f"{summary['median_request_at_ready_s']:.3f} s sent the moment the agent was ready")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else NAN
    print(f"load average (1 min) at the end: {load:.2f} on {os.cpu_count()} cores; chat niceness {args.nice}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"image": str(args.image), "request": REQUEST, "runs": runs, **summary,
                                     "load_average_1min": load, "cores": os.cpu_count(), "nice": args.nice},
                                    indent=2))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
