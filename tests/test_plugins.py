"""Backends from other packages: a tiny plugin distribution is built and installed by the test.

The plugin registers an inpainter that inverts the masked pixels — trivially checkable — through
the `retouch.backends` entry-point group, exactly as a real third-party package (say an ONNX
inpainter) would. The built-ins load through the same `register_backends` hook.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from retouch.agent import registry

PLUGIN_MODULE = '''
"""A third-party Retouch plugin: an inpainter that inverts the selection."""
import numpy as np
from PIL import Image

from retouch.tools.inpaint import InpaintResult, composite


class InvertInpainter:
    name = "invert"

    def supports(self, request):
        return True

    def inpaint(self, image, mask, request, *, progress=None, cancel=None):
        inverted = Image.fromarray(255 - np.asarray(image.convert("RGB")), "RGB")
        hard = (np.asarray(mask) > 0).astype(np.uint8) * 255
        return InpaintResult(images=[composite(image, inverted, hard)], info={"backend": self.name})


def register_backends(register):
    register("inpainter", "invert", lambda **options: InvertInpainter(), "inverts the selection (test plugin)")
'''


def _write_distribution(root: Path, name: str, module_source: str) -> Path:
    """A source tree for a one-module distribution declaring a `retouch.backends` entry point."""
    source = root / f"{name}-src"
    source.mkdir()
    (source / f"{name}.py").write_text(module_source)
    (source / "pyproject.toml").write_text(textwrap.dedent(f"""
        [build-system]
        requires = ["setuptools>=68"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "{name.replace('_', '-')}"
        version = "0.1.0"

        [tool.setuptools]
        py-modules = ["{name}"]

        [project.entry-points."retouch.backends"]
        {name.removeprefix('retouch_')} = "{name}"
    """))
    return source


@pytest.fixture(scope="module")
def installed_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The plugin built into a wheel and installed into its own folder (put on PYTHONPATH)."""
    root = tmp_path_factory.mktemp("plugin")
    source = _write_distribution(root, "retouch_invert", PLUGIN_MODULE)
    target = root / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(source)], check=True, capture_output=True)
    assert (target / "retouch_invert-0.1.0.dist-info" / "entry_points.txt").exists()
    return target


def _retouch(*args: str, pythonpath: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run([str(Path(sys.executable).parent / "retouch"), *args], capture_output=True,
                          text=True, env=env, cwd=cwd)


def test_installed_plugin_is_listed_and_used_by_an_edit(installed_plugin: Path, tmp_path: Path,
                                                        person_photo: Path) -> None:
    listed = json.loads(_retouch("plugins", "--json", pythonpath=installed_plugin, cwd=tmp_path).stdout)
    origins = {(b["role"], b["name"]): b["plugin"] for b in listed["backends"]}
    assert origins[("inpainter", "invert")] == "invert"
    assert origins[("inpainter", "builtin")] == "builtin" and listed["failed"] == []

    out = tmp_path / "inverted.png"
    done = _retouch("edit", str(person_photo), "remove the box (10, 20, 60, 90)", "--inpainter", "invert",
                    "-o", str(out), "--session", str(tmp_path / "s"), pythonpath=installed_plugin, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    before = np.asarray(Image.open(person_photo).convert("RGB")).astype(int)
    after = np.asarray(Image.open(out).convert("RGB")).astype(int)
    # The core of the box is inverted by the plugin; far outside it nothing changed.
    assert np.array_equal(after[40:70, 25:45], 255 - before[40:70, 25:45])
    assert np.array_equal(after[150:, 150:], before[150:, 150:])


def test_without_the_plugin_the_name_is_unknown(tmp_path: Path, person_photo: Path) -> None:
    done = _retouch("edit", str(person_photo), "remove the box (10, 20, 60, 90)", "--inpainter", "invert",
                    pythonpath=tmp_path, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "retouch: error: there is no inpainter called 'invert'. Choose one of: builtin, diffusers."]


def _put_on_path(monkeypatch: pytest.MonkeyPatch, root: Path, name: str, entry: str, source: str) -> None:
    """A distribution as importlib.metadata sees it: a module plus a .dist-info folder on sys.path."""
    (root / f"{name}.py").write_text(source)
    info = root / f"{name}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[retouch.backends]\n{entry} = {name}\n")
    monkeypatch.syspath_prepend(str(root))


def test_a_broken_plugin_is_reported_and_the_rest_still_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _put_on_path(monkeypatch, tmp_path, "retouch_broken", "broken", "import no_such_module_anywhere\n")
    _put_on_path(monkeypatch, tmp_path, "retouch_thief", "thief",
                 "def register_backends(register):\n"
                 "    register('inpainter', 'builtin', lambda **o: None, 'takes over a built-in name')\n")
    _put_on_path(monkeypatch, tmp_path, "retouch_liar", "liar",
                 "from retouch.tools.capabilities import Capabilities\n"
                 "def register_backends(register):\n"
                 "    register('inpainter', 'liar', lambda **o: None, 'no fills to declare',\n"
                 "             capabilities=Capabilities(device='cpu'))\n")
    fresh = registry.Registry()  # loads the plugins afresh, as a new process would
    failed = {f.plugin: f.error for f in fresh.failures()}
    assert failed["broken"].startswith("ModuleNotFoundError: No module named 'no_such_module_anywhere'")
    assert "already registered by builtin" in failed["thief"]
    assert "declares Capabilities; a inpainter declares InpainterCapabilities" in failed["liar"]
    assert fresh.backends("inpainter")[0].plugin == "builtin"  # the built-in was not replaced
    assert type(fresh.load("inpainter", "builtin")).__name__ == "BuiltinInpainter"
    with pytest.raises(Exception) as raised:
        fresh.load("inpainter", "onnx")
    assert "broken (ModuleNotFoundError" in str(raised.value)


def test_builtins_register_through_the_same_hook() -> None:
    from retouch.agent import builtin_backends

    seen: list[tuple[str, str, object]] = []
    builtin_backends.register_backends(
        lambda role, name, factory, description="", *, capabilities=None: seen.append((role, name, capabilities)))
    assert sorted((role, name) for role, name, _ in seen) == sorted(
        (b.role, b.name) for role in registry.ROLES for b in registry.backends(role))
    assert all(capabilities is not None for _, _, capabilities in seen), "every built-in says what it is"


# ------------------------------------------------------------------ capabilities: the worked example

EXAMPLE = Path(__file__).parent / "example_plugin"
"""docs/plugins.md's worked example: a CPU inpainter with fill modes of its own."""


@pytest.fixture(scope="module")
def example_plugin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/example_plugin built into a wheel and installed into a folder of its own."""
    root = tmp_path_factory.mktemp("example")
    source = shutil.copytree(EXAMPLE, root / "source")  # setuptools builds in the tree: not in ours
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(root / "wheel"), str(source)], check=True, capture_output=True)
    wheel = next((root / "wheel").glob("retouch_opencv_fill-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(root / "site"),
                    str(wheel)], check=True, capture_output=True)
    return root / "site"


def _cv2_fill(photo: Path, mask: Path, flag: int) -> tuple[np.ndarray, np.ndarray]:
    """OpenCV's own fill of the hole the edit used (its mask, as the session kept it), and the
    hole's core (where the soft mask is fully on)."""
    import cv2

    rgb = np.ascontiguousarray(np.asarray(Image.open(photo).convert("RGB")))
    soft = np.asarray(Image.open(mask).convert("L"))
    hole = np.where(soft > 0, 255, 0).astype(np.uint8)
    return cv2.inpaint(rgb, hole, 5, flag).astype(int), soft == 255


def test_the_example_plugin_says_what_it_is(example_plugin: Path, tmp_path: Path) -> None:
    listed = json.loads(_retouch("plugins", "--json", pythonpath=example_plugin, cwd=tmp_path).stdout)
    entry = next(b for b in listed["backends"] if b["name"] == "opencv-fill")
    assert entry["plugin"] == "opencv_fill" and entry["role"] == "inpainter"
    assert entry["capabilities"] == {"device": "cpu", "options": ["radius"], "fills": ["telea", "navier_stokes"],
                                     "outpaints": False, "excludes_sources": False}
    diffusers = next(b for b in listed["backends"] if b["name"] == "diffusers")["capabilities"]
    assert diffusers["device"] == "gpu-preferred" and diffusers["outpaints"] and "latent_noise" in diffusers["fills"]
    shown = _retouch("plugins", pythonpath=example_plugin, cwd=tmp_path).stdout
    assert "cpu · fills: telea, navier_stokes · options: radius" in shown


def test_its_fills_are_the_plan_s_and_the_task_gets_its_default(example_plugin: Path, tmp_path: Path,
                                                                 person_photo: Path) -> None:
    """A removal's preferred fill (latent_noise) is not the plugin's, so the policy gives it the
    plugin's own default (telea); --fill navier_stokes chooses the other; the pixels are OpenCV's."""
    import cv2

    for flag_args, fill, cv2_flag in (([], "telea", cv2.INPAINT_TELEA),
                                      (["--fill", "navier_stokes"], "navier_stokes", cv2.INPAINT_NS)):
        out, session = tmp_path / f"{fill}.png", tmp_path / f"s-{fill}"
        done = _retouch("edit", str(person_photo), "remove the box (60, 40, 110, 120)", "--inpainter", "opencv-fill",
                        *flag_args, "--seed", "0", "-o", str(out), "--session", str(session),
                        pythonpath=example_plugin, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        journal = [json.loads(line) for line in (session / "journal.jsonl").read_text().splitlines()]
        inpaint = journal[-1]["resolved"]["calls"][-1]["args"]
        assert inpaint["fill"] == fill
        assert journal[-1]["calls"][-1]["backend"] == {"backend": "opencv-fill", "fill": fill, "radius": 5}
        after = np.asarray(Image.open(out).convert("RGB")).astype(int)
        expected, core = _cv2_fill(person_photo, session / journal[-1]["mask"], cv2_flag)
        # Inside the hole the pixels are OpenCV's fill of it (the soft edge blends in the original).
        assert core[60:120, 60:110].all() and np.array_equal(after[core], expected[core])
        before = np.asarray(Image.open(person_photo).convert("RGB")).astype(int)
        assert np.array_equal(after[200:, 200:], before[200:, 200:])
    telea, ns = (np.asarray(Image.open(tmp_path / f"{f}.png")).astype(int) for f in ("telea", "navier_stokes"))
    assert np.abs(telea - ns).sum() > 0, "the two fills are different fills"


@pytest.mark.parametrize("fill,message", [
    ("latent_noise", "retouch: error: the opencv-fill inpainter has no fill 'latent_noise'. "
                     "Its fills: telea, navier_stokes (or leave the fill unset)."),
    ("mirror", "retouch: error: --fill mirror is not allowed (unknown fill 'mirror'; the installed inpainters offer "
               "original, original_blur, latent_noise, latent_nothing, telea, navier_stokes). See: retouch edit --help"),
])
def test_a_fill_the_chosen_inpainter_does_not_offer_is_one_line(example_plugin: Path, tmp_path: Path,
                                                               person_photo: Path, fill: str, message: str) -> None:
    done = _retouch("edit", str(person_photo), "remove the box (60, 40, 110, 120)", "--inpainter", "opencv-fill",
                    "--fill", fill, "--session", str(tmp_path / "s"), pythonpath=example_plugin, cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == message
    assert not (tmp_path / "s" / "v001.png").exists()


def test_it_is_not_handed_outpainting(example_plugin: Path, tmp_path: Path, person_photo: Path) -> None:
    """It doesn't outpaint, so new canvas is Retouch's texture continuation: the same bytes as with
    the built-in backend, and the plugin is never asked."""
    outputs = {}
    for inpainter in ("opencv-fill", "builtin"):
        out = tmp_path / f"{inpainter}.png"
        done = _retouch("edit", str(person_photo), "extend the canvas 40 px to the right", "--inpainter", inpainter,
                        "--seed", "2", "-o", str(out), "--session", str(tmp_path / inpainter),
                        pythonpath=example_plugin, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        outputs[inpainter] = np.asarray(Image.open(out).convert("RGB"))
        journal = [json.loads(line) for line in (tmp_path / inpainter / "journal.jsonl").read_text().splitlines()]
        assert {stage["method"] for stage in journal[-1]["calls"][-1]["stages"]} == {"quilting"}
    assert outputs["opencv-fill"].shape == (256, 296, 3)
    assert np.array_equal(outputs["opencv-fill"], outputs["builtin"])


def test_batch_runs_it_on_cpu_workers(example_plugin: Path, tmp_path: Path, person_photo: Path) -> None:
    """A CPU plugin gets one worker per core (a GPU-preferring backend would get one per GPU, or a
    single worker), and each worker uses it."""
    from retouch.agent.batch.resources import cores

    photos = tmp_path / "photos"
    photos.mkdir()
    for index in range(3):
        Image.open(person_photo).convert("RGB").rotate(90 * index).save(photos / f"p{index}.png")
    script = tmp_path / "edits.txt"
    script.write_text("remove the left third\n", encoding="utf-8")
    done = _retouch("batch", str(script), str(photos), "-o", str(tmp_path / "out"), "--inpainter", "opencv-fill",
                    pythonpath=example_plugin, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"batch: 3 to do, 0 already finished, {cores()} worker{'' if cores() == 1 else 's'}" in done.stderr
    for index in range(3):
        journal = [json.loads(line) for line in
                   (tmp_path / "out" / "sessions" / f"p{index}" / "journal.jsonl").read_text().splitlines()]
        assert journal[-1]["calls"][-1]["backend"]["backend"] == "opencv-fill"
        assert journal[-1]["resolved"]["calls"][-1]["args"]["fill"] == "telea"


def test_pool_sizing_asks_the_registration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The batch's sizing reads the device from what a backend declared, not from its name."""
    from retouch.agent.batch import resources
    from retouch.agent.batch.resources import Capacity, size_pool

    monkeypatch.syspath_prepend(str(EXAMPLE))
    example = importlib.import_module("retouch_opencv_fill")
    fresh = registry.Registry()
    example.register_backends(lambda *args, **kwargs: fresh.register(*args, **kwargs, plugin="example"))
    monkeypatch.setattr(registry, "capabilities", fresh.capabilities)
    four_cpus = Capacity(cpus=4)
    cpu = resources.wants_gpu("opencv-fill", {})
    gpu = resources.wants_gpu("diffusers", {})
    assert (cpu, gpu) == (False, True)
    assert resources.wants_gpu("diffusers", {"diffusers": {"device": "cpu"}}) is False
    assert size_pool(four_cpus, requested=None, diffusion=cpu).workers == 4
    assert size_pool(four_cpus, requested=None, diffusion=gpu).workers == 1
    assert size_pool(Capacity(cpus=4, gpus=2), requested=None, diffusion=gpu).workers == 2
