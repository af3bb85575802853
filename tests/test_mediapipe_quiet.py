"""MediaPipe's native threads log while a graph opens; none of it may reach the user's terminal."""

from __future__ import annotations

import subprocess
import sys


def test_building_every_embedded_model_prints_nothing() -> None:
    probe = ("import time\n"
             "from retouch.tools.finders.mediapipe_models import SOLUTION_MODULES, model\n"
             "for name in SOLUTION_MODULES:\n"
             "    model(name)\n"
             "time.sleep(1.0)  # a graph thread still opening would log now, with descriptor 2 restored\n"
             "print('built', sorted(SOLUTION_MODULES))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("built"), done.stdout
    assert done.stderr == "", done.stderr
