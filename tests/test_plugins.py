"""Backends from other packages: a tiny plugin distribution is built and installed by the test.

The plugin registers an inpainter that inverts the masked pixels — trivially checkable — through
the `retouch.backends` entry-point group, exactly as a real third-party package (say an ONNX
inpainter) would. The built-ins load through the same `register_backends` hook.
"""

from __future__ import annotations

import json
import os
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


@pytest.fixture
def fresh_registry():
    registry.reload()
    yield
    registry.reload()


def _put_on_path(monkeypatch: pytest.MonkeyPatch, root: Path, name: str, entry: str, source: str) -> None:
    """A distribution as importlib.metadata sees it: a module plus a .dist-info folder on sys.path."""
    (root / f"{name}.py").write_text(source)
    info = root / f"{name}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(f"[retouch.backends]\n{entry} = {name}\n")
    monkeypatch.syspath_prepend(str(root))


def test_a_broken_plugin_is_reported_and_the_rest_still_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              fresh_registry) -> None:
    _put_on_path(monkeypatch, tmp_path, "retouch_broken", "broken", "import no_such_module_anywhere\n")
    _put_on_path(monkeypatch, tmp_path, "retouch_thief", "thief",
                 "def register_backends(register):\n"
                 "    register('inpainter', 'builtin', lambda **o: None, 'takes over a built-in name')\n")
    failed = {f.plugin: f.error for f in registry.failures()}
    assert failed["broken"].startswith("ModuleNotFoundError: No module named 'no_such_module_anywhere'")
    assert "already registered by builtin" in failed["thief"]
    assert registry.backends("inpainter")[0].plugin == "builtin"  # the built-in was not replaced
    assert type(registry.load("inpainter", "builtin")).__name__ == "BuiltinInpainter"
    with pytest.raises(Exception) as raised:
        registry.load("inpainter", "onnx")
    assert "broken (ModuleNotFoundError" in str(raised.value)


def test_builtins_register_through_the_same_hook(fresh_registry) -> None:
    from retouch.agent import builtin_backends

    seen: list[tuple[str, str]] = []
    builtin_backends.register_backends(lambda role, name, factory, description="": seen.append((role, name)))
    assert sorted(seen) == sorted((b.role, b.name) for role in registry.ROLES for b in registry.backends(role))
