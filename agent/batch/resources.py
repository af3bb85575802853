"""How many workers, how many threads each, and whether they hold a GPU.

Local default: one worker per core for an inpainter that runs on the CPU (the built-in remover, a
CPU fill plugin: single-image CPU work), one per GPU for one that prefers a GPU (a worker holds a
model on its GPU), one worker with every core for that kind without a GPU (torch parallelises one
image better than processes share the cores). Which kind an inpainter is, its registration says
(`tools.capabilities`).
Ray uses the same rule over the cluster's CPUs, GPUs and nodes.

Threads are fixed per worker and set before a worker imports numpy, OpenCV or torch (their pools
read the environment once), the same way in a local process and a Ray actor, so both paths run
the same arithmetic.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any

from retouch.tools.errors import RetouchError

MAX_WORKERS = 1024
_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass(frozen=True)
class Capacity:
    """What the workers may use: this machine, or a Ray cluster's total."""

    cpus: int
    gpus: int = 0
    nodes: int = 1


@dataclass(frozen=True)
class Sizing:
    workers: int
    threads: int
    gpu_share: float = 0.0
    """GPUs per worker: 1 when there are enough, a fraction when workers share them, 0 on CPUs."""


def check_workers(requested: int | None) -> None:
    if requested is not None and not 1 <= requested <= MAX_WORKERS:
        raise RetouchError(f"--workers {requested} is out of range", f"Give 1 to {MAX_WORKERS}.")


def size_pool(capacity: Capacity, *, requested: int | None, diffusion: bool) -> Sizing:
    check_workers(requested)
    cpus = max(1, capacity.cpus)
    if diffusion and capacity.gpus > 0:
        workers = requested or capacity.gpus
        return Sizing(workers, max(1, cpus // workers), min(1.0, capacity.gpus / workers))
    workers = requested or (max(1, capacity.nodes) if diffusion else cpus)
    return Sizing(workers, max(1, cpus // workers))


def wants_gpu(inpainter: str, backend_options: dict[str, dict[str, Any]]) -> bool:
    """Whether the inpainter's workers should hold a GPU: its registration says it prefers one
    (a diffusion model; a CPU fill plugin says `cpu`), and its options don't say `device = "cpu"`."""
    from retouch.agent import registry

    return (registry.capabilities("inpainter", inpainter).device == "gpu-preferred"
            and str(backend_options.get(inpainter, {}).get("device", "auto")) != "cpu")


def local_capacity(*, diffusion: bool) -> Capacity:
    """This machine's cores, and its CUDA GPUs when diffusion will want them (torch is imported only then)."""
    gpus = 0
    if diffusion:
        import torch

        gpus = torch.cuda.device_count() if torch.cuda.is_available() else 0
    return Capacity(cpus=cores(), gpus=gpus)


def cores() -> int:
    """The cores this process may use (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def limit_threads(threads: int) -> None:
    """This worker's share of the cores, for every library that keeps a thread pool."""
    for variable in _VARIABLES:
        os.environ[variable] = str(threads)
    import cv2

    cv2.setNumThreads(threads)
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)
