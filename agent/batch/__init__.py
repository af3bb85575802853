"""Batch: one instruction file over many photos, on this machine's cores or on a Ray cluster.

The driver plans the instruction file once (`plans`), names the images so that no two outputs
collide (`inputs`), records the run (`manifest`) and hands one `Job` per image to a pool of
workers (`local_pool`, `ray_pool`). Every worker runs the same per-image function (`work`),
which edits the image in its own session and writes the result atomically, so a run can be
interrupted at any moment and resumed by running the same command again (`runner`).
"""

from retouch.agent.batch.spec import BatchSpec, ImageResult, Job, Recipe, Step

__all__ = ["BatchSpec", "ImageResult", "Job", "Recipe", "Step"]
