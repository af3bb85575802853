"""Freed picture-sized buffers go back to the system.

glibc's malloc serves a request of at least its "mmap threshold" with pages of its own and
returns them when freed; smaller ones come from heaps that only shrink from the top. The
threshold starts at 128 KiB and rises to the size of each mmapped block freed, up to 32 MiB — so
after a 4096² photo's first few arrays are freed, the next 4–32 MiB masks, windows and PIL blocks
land in the heaps, and a freed one in the middle keeps its pages: on "remove the person" at
4096² that was 30–50 MiB of peak memory that held nothing (benchmarks/scaling.py). A fixed
threshold keeps every such buffer returnable. The price is page faults: a buffer that is freed
and allocated again (PatchMatch's, every iteration) is faulted in afresh each time — about 0.1 s
of system time on a big removal.

Process-wide, so only the command line and its workers set it (`retouch.open` in someone else's
program leaves their allocator alone). Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import sys

MMAP_THRESHOLD = 4 << 20
"""Buffers of this many bytes or more get pages of their own (a 1024² mask is 1 MiB, a 4096² one 16 MiB)."""
_M_MMAP_THRESHOLD = -3
"""mallopt's parameter number for the threshold (malloc.h)."""


def return_freed_buffers() -> bool:
    """Fix glibc's mmap threshold at MMAP_THRESHOLD; whether it was set (False off glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):  # musl and others: no mallopt, nothing to do
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
