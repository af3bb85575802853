"""Sample photos shipped with Retouch, so the first run needs no file of your own.

`person-by-fence.png` comes from the IOPaint test folder
(repository Sanster/IOPaint, commit 61a759f, iopaint/tests/image.png),
licensed Apache-2.0 — see LICENSE-IOPaint beside them.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent


def sample_image() -> Path:
    return _HERE / "person-by-fence.png"
