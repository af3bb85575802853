"""`retouch batch EDITS.txt IMAGES… -o OUTDIR`: one instruction file over many images.

The file is planned once; each image gets its own session under OUTDIR/sessions/ and its result
in OUTDIR; workers are local processes, or Ray actors with --ray. Rerunning the same command
resumes: finished images are skipped. The work itself lives in `retouch.agent.batch`; this module
turns flags into a run and shows its progress.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

from retouch.tui.commands.common import add_backend_options, add_max_steps_option, allow_steps, print_err

EXIT_FAILED = 1
EXIT_CANCELLED = 130


def add_parsers(commands: Any) -> None:
    batch = commands.add_parser("batch",
                                help="apply one instruction file to many images, on every core or a Ray cluster")
    batch.add_argument("script", help="text file: one request per line, # comments; planned once for every image")
    batch.add_argument("images", nargs="+",
                       help="image files, folders (searched recursively) and quoted globs such as 'shots/**/*.jpg'")
    batch.add_argument("-o", "--output", dest="outdir", required=True, metavar="OUTDIR",
                       help="results, sessions, manifest.json and report.jsonl go here; rerun to resume")
    batch.add_argument("--workers", type=int, metavar="N",
                       help="worker processes or Ray actors (default: one per core; one per GPU for diffusion)")
    batch.add_argument("--ray", metavar="auto|ADDRESS",
                       help="run the workers as Ray actors: auto joins this machine's cluster or starts Ray here; "
                            "ADDRESS joins that cluster (needs retouch[ray]; inputs and OUTDIR on a shared folder)")
    batch.add_argument("--format", default="png", metavar="EXT",
                       help="the results' format: png, jpg, webp, tif, bmp (default png)")
    add_backend_options(batch)
    add_max_steps_option(batch)
    batch.set_defaults(handler=run_batch, seed=0)


def run_batch(args: argparse.Namespace) -> int:
    from retouch.agent.batch.inputs import expand_inputs, name_jobs
    from retouch.agent.batch.manifest import prepare_run
    from retouch.agent.instructions import read_requests
    from retouch.agent.batch.resources import check_workers
    from retouch.agent.batch.runner import run_jobs
    from retouch.agent.batch.spec import BatchSpec
    from retouch.tools.imageio import output_format
    from retouch.tui.commands.batch_progress import progress_display

    check_workers(args.workers)
    if args.ray:
        from retouch.agent.batch.ray_pool import check_address

        check_address(args.ray)
    script = Path(args.script)
    requests = read_requests(script)
    allow_steps(len(requests), script.name, args.max_steps, noun="requests")
    suffix = "." + str(args.format).lower().lstrip(".")
    output_format(Path(f"result{suffix}"))
    outdir = Path(args.outdir)
    jobs = name_jobs(expand_inputs(args.images, exclude=outdir))
    recipe, planner_name, config = _recipe(args)
    with _run_folder(outdir) as layout:
        steps = prepare_run(layout, script=script, planner_name=planner_name, recipe=recipe, suffix=suffix,
                            plan=lambda: _plan(planner_name, config, requests, script.name))
        spec = BatchSpec(outdir=str(outdir.resolve()), steps=tuple(steps), recipe=recipe, suffix=suffix,
                         base_dir=str(script.resolve().parent))
        with progress_display(sys.stderr) as progress:
            summary = run_jobs(jobs, spec, lambda: _start_pool(args, spec), progress)
    print(summary.line(), flush=True)
    if summary.stopped and not summary.interrupted:
        print_err(f"retouch: {summary.stopped}")
    print_err(f"report: {layout.report}")
    if summary.interrupted:
        return EXIT_CANCELLED
    return EXIT_FAILED if summary.failed or summary.stopped else 0


def _recipe(args: argparse.Namespace) -> tuple[Any, str, Any]:
    """Flags over the config file, resolved here once so every worker — on any node — uses the same."""
    from retouch.agent.batch.spec import Recipe
    from retouch.agent.config import load_config
    from retouch.tui.commands.inpaint_options import apply_inpaint_options

    from retouch.agent import registry

    config = load_config()
    apply_inpaint_options(args, config)
    # Workers get only the finders' and inpainters' options: the planner's (an API key, say) stay
    # in the driver, out of the manifest and off the cluster.
    worker_backends = {*registry.names("finder"), *registry.names("inpainter")}
    recipe = Recipe(finder=args.finder or config.finder, inpainter=args.inpainter or config.inpainter,
                    backend_options={name: options for name, options in config.backend_options.items()
                                     if name in worker_backends},
                    defaults=config.settings.defaults,
                    overrides=config.settings.overrides, seed=args.seed)
    return recipe, args.planner or config.planner, config


def _plan(planner_name: str, config: Any, requests: list[tuple[int, str]], source: str) -> list[Any]:
    from retouch.agent.batch.plans import plan_requests
    from retouch.agent.builder import build_planner

    return plan_requests(build_planner(planner_name, config), requests, source=source)


def _start_pool(args: argparse.Namespace, spec: Any) -> Any:
    """The workers, sized to this machine or the Ray cluster; started only when there is work."""
    from retouch.agent.batch.resources import local_capacity, size_pool, wants_gpu

    diffusion = wants_gpu(spec.recipe.inpainter, spec.recipe.backend_options)
    if args.ray:
        from retouch.agent.batch.ray_pool import RayPool, connect

        cluster = connect(args.ray, cpus=args.workers)
        sizing = size_pool(cluster.capacity, requested=args.workers, diffusion=diffusion)
        return RayPool(cluster, replace(spec, threads=sizing.threads, gpu_share=sizing.gpu_share), sizing.workers)
    from retouch.agent.batch.local_pool import LocalPool

    capacity = local_capacity(diffusion=diffusion)
    sizing = size_pool(capacity, requested=args.workers, diffusion=diffusion)
    return LocalPool(replace(spec, threads=sizing.threads, gpu_share=sizing.gpu_share), sizing.workers,
                     gpus=capacity.gpus if sizing.gpu_share else 0)


@contextmanager
def _run_folder(outdir: Path) -> Iterator[Any]:
    """OUTDIR made and locked for this run; removed again if the run fails before it records anything."""
    from retouch.agent.batch.layout import RunLayout

    from retouch.tools.errors import RetouchError

    if outdir.exists() and not outdir.is_dir():
        raise RetouchError(f"{outdir} is a file", "Give -o a folder; it is made if it does not exist.")
    created = not outdir.exists()
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RetouchError(f"can't make the folder {outdir} ({exc.strerror})",
                           "Pick a folder you can write to.") from None
    layout = RunLayout(outdir)
    try:
        with layout.run_lock():
            yield layout
    except BaseException:
        if created and not layout.manifest.exists():
            shutil.rmtree(outdir, ignore_errors=True)
        raise
