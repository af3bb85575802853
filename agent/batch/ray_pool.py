"""Workers as Ray actors, for when one machine is not enough (`retouch batch --ray auto|ADDRESS`).

Each actor builds one `work.Worker` — one model load per actor — and runs the very same
`process_image` a local worker runs, so the results are the same bytes. Jobs carry paths, not
pixels: inputs and OUTDIR must be a folder every node can read and write (a shared mount).
Actors reserve `threads` CPUs each, and a GPU (or a share of one) when the inpainter runs on one.

Ray is the optional extra `retouch[ray]` — plain `ray`, not `ray[default]`, whose dashboard
dependencies upgrade protobuf past what MediaPipe accepts. This module is imported only for --ray.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from typing import Any

from retouch.agent.batch.resources import Capacity
from retouch.agent.batch.spec import BatchSpec, ImageResult, Job
from retouch.tools.errors import RetouchError

try:
    import ray
except ImportError:  # pragma: no cover - depends on the environment
    raise RetouchError("--ray needs Ray, which is not installed",
                       "Install it with: pip install 'retouch[ray]' (or run without --ray).") from None


@dataclass(frozen=True)
class RayCluster:
    capacity: Capacity
    started_here: bool
    """This run started Ray (no cluster was running), so it shuts it down at the end."""


def connect(address: str, *, cpus: int | None) -> RayCluster:
    """Join the cluster at ADDRESS; for `auto`, the one this machine belongs to (RAY_ADDRESS or a
    running `ray start`), else start Ray here — loopback only, no dashboard, no usage reporting."""
    started_here = False
    if not ray.is_initialized():
        quiet = {"log_to_driver": False, "logging_level": logging.ERROR}
        check_address(address)
        try:
            if address != "auto":
                ray.init(address=address, **quiet)
            else:
                try:
                    ray.init(address="auto", **quiet)
                except ConnectionError:
                    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
                    ray.init(num_cpus=cpus, include_dashboard=False, _node_ip_address="127.0.0.1", **quiet)
                    started_here = True
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise RetouchError(f"can't reach a Ray cluster at {address} ({_first_line(exc)})",
                               "Start one with `ray start --head`, or use --ray auto to run Ray here.") from None
    resources = ray.cluster_resources()
    nodes = sum(1 for node in ray.nodes() if node.get("Alive"))
    return RayCluster(Capacity(cpus=int(resources.get("CPU", 1)), gpus=int(resources.get("GPU", 0)),
                               nodes=max(1, nodes)), started_here)


def check_address(address: str) -> None:
    """Fail in seconds on a cluster address nobody answers at: Ray itself retries one for minutes."""
    named = address if address != "auto" else os.environ.get("RAY_ADDRESS")
    if named and named != "auto" and not ray.is_initialized():
        _check_reachable(named)


def _check_reachable(address: str, timeout: float = 5.0) -> None:
    """A plain TCP connect to the cluster's port."""
    client = address.startswith("ray://")
    hostport = address.removeprefix("ray://")
    host, _, port = hostport.rpartition(":")
    if not host:
        host, port = hostport, "10001" if client else "6379"
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            return
    except ValueError:
        raise RetouchError(f"{address!r} is not a Ray address",
                           "Give HOST:PORT (the head's GCS port, 6379 by default) or ray://HOST:10001.") from None
    except OSError as exc:
        raise RetouchError(f"can't reach a Ray cluster at {address} ({exc.strerror or exc})",
                           "Check the address and that `ray start --head` runs there, or use --ray auto.") from None


@ray.remote(concurrency_groups={"control": 1})
class ImageActor:
    """One worker: images run one at a time; `cancel` runs beside them in its own thread."""

    def __init__(self, spec: BatchSpec) -> None:
        from retouch.agent.batch.resources import limit_threads

        limit_threads(spec.threads)
        from retouch.agent.batch.work import Worker

        self._worker = Worker(spec)

    def run(self, job: Job) -> ImageResult:
        return self._worker.run(job)

    @ray.method(concurrency_group="control")
    def cancel(self) -> None:
        self._worker.cancel.set()


class RayPool:
    def __init__(self, cluster: RayCluster, spec: BatchSpec, workers: int) -> None:
        self._cluster = cluster
        self._spec = ray.put(spec)
        self._options = {"num_cpus": spec.threads, "num_gpus": spec.gpu_share, "max_restarts": 0}
        self._actors = [self._new_actor() for _ in range(workers)]
        self._flight: dict[Any, tuple[Job, Any]] = {}
        self.workers = workers
        self.capacity = 2 * workers

    def _new_actor(self) -> Any:
        return ImageActor.options(**self._options).remote(self._spec)

    def submit(self, job: Job) -> None:
        load = {id(actor): 0 for actor in self._actors}
        for _, actor in self._flight.values():
            if id(actor) in load:
                load[id(actor)] += 1
        actor = min(self._actors, key=lambda candidate: load[id(candidate)])
        self._flight[actor.run.remote(job)] = (job, actor)

    def in_flight(self) -> int:
        return len(self._flight)

    def next_result(self, timeout: float) -> tuple[Job, ImageResult] | None:
        ready, _ = ray.wait(list(self._flight), num_returns=1, timeout=timeout)
        if not ready:
            return None
        job, actor = self._flight.pop(ready[0])
        try:
            return job, ray.get(ready[0])
        except ray.exceptions.RayActorError as exc:
            for index, current in enumerate(self._actors):
                if current is actor:  # the actor died (its node was lost, it ran out of memory)
                    self._actors[index] = self._new_actor()
            return job, ImageResult(job.name, job.image, "failed", retry=True,
                                    error=f"a Ray worker died ({_first_line(exc)})")
        except ray.exceptions.RayError as exc:
            return job, ImageResult(job.name, job.image, "failed", retry=True, error=f"Ray: {_first_line(exc)}")

    def cancel(self) -> None:
        for actor in self._actors:
            actor.cancel.remote()

    def close(self, *, force: bool = False) -> list[Job]:
        abandoned = [job for job, _ in self._flight.values()] if force else []
        for actor in self._actors:
            ray.kill(actor)
        self._flight.clear()
        if self._cluster.started_here:
            ray.shutdown()
        return abandoned


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
