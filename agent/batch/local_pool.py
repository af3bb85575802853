"""Workers as processes on this machine (the default).

Each process is started fresh (spawn: no half-copied threads or models from the driver), takes
its share of the cores, builds one `work.Worker` and keeps it, so every model loads once per
process. Workers ignore Ctrl-C and SIGTERM — the driver hears them and stops them through a shared flag — and
exit by themselves if the driver is killed, so a `kill -9` leaves no worker editing on.
"""

from __future__ import annotations

import concurrent.futures as futures
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from retouch.agent.batch.spec import BatchSpec, ImageResult, Job

_worker: Any = None
"""This process's `work.Worker`, made once by `_start_worker`."""


def _start_worker(spec: BatchSpec, cancel: Any, gpu_ids: Any) -> None:
    # Ctrl-C and SIGTERM reach the whole process group (a terminal, `kill -TERM -PGID`, a service
    # manager); the driver hears them and stops the workers through the shared flag, so an image
    # in progress is finished or removed — a worker killed mid-step would leave its .part folder.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if gpu_ids is not None:
        os.environ["CUDA_VISIBLE_DEVICES"] = str(gpu_ids.get())
    from retouch.agent.batch.resources import limit_threads
    from retouch.tools.memory import return_freed_buffers

    limit_threads(spec.threads)  # before the imports below start numpy's and OpenCV's pools
    return_freed_buffers()  # a worker edits photo after photo: freed picture buffers go back
    from retouch.agent.batch.work import Worker

    global _worker
    _worker = Worker(spec, cancel)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """An orphaned worker stops at once; its image is left unfinished, which the next run redoes."""
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _run(job: Job) -> ImageResult:
    return _worker.run(job)


class LocalPool:
    def __init__(self, spec: BatchSpec, workers: int, *, gpus: int = 0) -> None:
        self._spec, self._workers, self._gpus = spec, workers, gpus
        self._context = multiprocessing.get_context("spawn")
        self._cancel = self._context.Event()
        self._flight: dict[futures.Future[ImageResult], tuple[Job, futures.ProcessPoolExecutor]] = {}
        self.workers = workers
        self.capacity = 2 * workers
        self._executor = self._start()

    def _start(self) -> futures.ProcessPoolExecutor:
        gpu_ids = None
        if self._gpus:
            gpu_ids = self._context.Queue()
            for index in range(self._workers):
                gpu_ids.put(index % self._gpus)
        return futures.ProcessPoolExecutor(max_workers=self._workers, mp_context=self._context,
                                           initializer=_start_worker, initargs=(self._spec, self._cancel, gpu_ids))

    def submit(self, job: Job) -> None:
        self._flight[self._executor.submit(_run, job)] = (job, self._executor)

    def in_flight(self) -> int:
        return len(self._flight)

    def next_result(self, timeout: float) -> tuple[Job, ImageResult] | None:
        done, _ = futures.wait(self._flight, timeout=timeout, return_when=futures.FIRST_COMPLETED)
        if not done:
            return None
        future = next(iter(done))
        job, executor = self._flight.pop(future)
        try:
            return job, future.result()
        except BrokenProcessPool as exc:
            # A worker died (killed, out of memory, a crash in native code): every job it shared the
            # pool with fails too, so start a new pool and let the runner retry them.
            if executor is self._executor:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = self._start()
            return job, ImageResult(job.name, job.image, "failed", retry=True,
                                    error=f"a worker process died ({exc or 'no reason given'})")
        except futures.CancelledError:
            return job, ImageResult(job.name, job.image, "cancelled", error="stopped by the user")

    def cancel(self) -> None:
        self._cancel.set()

    def close(self, *, force: bool = False) -> list[Job]:
        abandoned = [job for job, _ in self._flight.values()] if force else []
        if force:
            # Python 3.11's executor has no public way to stop running workers; 3.14 adds kill_workers().
            for process in list(getattr(self._executor, "_processes", {}).values()):
                process.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._flight.clear()
        return abandoned
