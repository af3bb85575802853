"""How long `retouch chat` takes to show the picture, measured in a real terminal (tmux).

Starts the chat in a detached tmux session and polls `capture-pane` until the preview's caption
("v000 · W×H") is on screen; the time from launching the process to that moment is the first
frame with the image. Prints a table and writes JSON.

    .venv/bin/python benchmarks/chat_first_frame.py [--runs 5] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RETOUCH = Path(sys.executable).parent / "retouch"


def one_run(image: Path, timeout: float = 20.0) -> tuple[float, float]:
    """(seconds to the picture, seconds until the agent is ready — the status bar names the planner)."""
    folder = Path(tempfile.mkdtemp())
    name = f"retouch-bench-{time.monotonic_ns()}"
    command = f"{RETOUCH} chat {image} --session {folder / 's'}"
    started = time.perf_counter()
    subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "140", "-y", "40", command], check=True)
    first = ready = float("nan")
    try:
        while time.perf_counter() - started < timeout:
            screen = subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True,
                                    text=True).stdout
            now = time.perf_counter() - started
            if first != first and "v000 ·" in screen:
                first = now
            if "planner rules" in screen:
                ready = now
                break
            time.sleep(0.02)
    finally:
        subprocess.run(["tmux", "send-keys", "-t", name, "C-q"], capture_output=True)
        time.sleep(0.3)
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
    return first, ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--image", type=Path, default=ROOT / "tui" / "samples" / "person-by-fence.png")
    parser.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "results" / "chat_first_frame.json")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is needed for this benchmark (apt-get install tmux)", file=sys.stderr)
        return 1
    one_run(args.image)  # warm the file cache; not counted
    runs = [one_run(args.image) for _ in range(args.runs)]
    firsts = [r[0] for r in runs]
    readies = [r[1] for r in runs]
    print(f"{'run':>4} {'picture s':>10} {'agent ready s':>14}")
    for index, (first, ready) in enumerate(runs, start=1):
        print(f"{index:>4} {first:>10.3f} {ready:>14.3f}")
    print(f"{'med':>4} {statistics.median(firsts):>10.3f} {statistics.median(readies):>14.3f}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps({"image": str(args.image), "runs": [
        {"first_frame_s": f, "agent_ready_s": r} for f, r in runs],
        "median_first_frame_s": statistics.median(firsts),
        "median_agent_ready_s": statistics.median(readies)}, indent=2))
    print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
