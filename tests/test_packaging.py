"""What gets installed: one `retouch` namespace, every subpackage in it, no generic top-level names.

The repo keeps `agent/`, `tools/` and `tui/` at its top level; pyproject maps them under `retouch.`.
These tests read the built wheel and the sources, so a new subpackage missing from the mapping, or
a stray `from tools import …` that only works inside the repo, fails here rather than on a user's
machine.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCE_FOLDERS = ("agent", "tools", "tui")


def _subpackages_on_disk() -> set[str]:
    found = {"retouch"}
    for folder in SOURCE_FOLDERS:
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT).as_posix().replace("/", ".")
            found.add(f"retouch.{relative}")
    return found


def test_every_subpackage_is_declared_in_pyproject() -> None:
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    assert declared == _subpackages_on_disk()


def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
            for requirement in requirements}


def test_every_imported_third_party_module_is_declared() -> None:
    """Product code may import only what pyproject declares (core, or an extra for optional
    features), so a user's fresh install never meets a ModuleNotFoundError that CI's happened to hide."""
    import ast
    from importlib import metadata

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = _requirement_names(project["dependencies"])
    for extra in ("llm", "sam", "mcp", "ray"):
        declared |= _requirement_names(project["optional-dependencies"][extra])
    providers = metadata.packages_distributions()
    # Optional extras that need not be installed here (llama-cpp-python builds from source).
    providers.setdefault("llama_cpp", ["llama-cpp-python"])
    providers.setdefault("segment_anything", ["segment-anything"])
    undeclared = set()
    for folder in (*SOURCE_FOLDERS, "retouch"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                         else [node.module] if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                         else [])
                for name in names:
                    top = name.split(".")[0]
                    if top in sys.stdlib_module_names or top in ("retouch", "__future__"):
                        continue
                    distributions = {d.lower().replace("_", "-") for d in providers.get(top, [top])}
                    if not distributions & declared:
                        undeclared.add(f"{top} ({path.relative_to(ROOT)})")
    assert sorted(undeclared) == []


def test_sources_import_only_through_the_retouch_namespace() -> None:
    bare = re.compile(r"^\s*(from|import)\s+(agent|tools|tui)(\.|\s|$)", re.M)
    offenders = []
    for folder in (*SOURCE_FOLDERS, "retouch", "tests", "benchmarks", "testkit"):
        for path in (ROOT / folder).rglob("*.py"):
            if bare.search(path.read_text(encoding="utf-8")):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def _imports(path: Path) -> set[str]:
    """Every module `path` imports (absolute imports, anywhere in the file)."""
    import ast

    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_layers_import_only_downward() -> None:
    """tui → agent → tools, and the public API beside tui: tools import neither agent nor tui,
    agent imports neither tui nor the public `retouch` package (its version comes from metadata)."""
    forbidden = {"tools": ("retouch.agent", "retouch.tui"), "agent": ("retouch.tui",)}
    offenders = []
    for folder, above in forbidden.items():
        for path in (ROOT / folder).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(above) or name in ("retouch", "retouch.__version__"):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_benchmarks_and_tests_share_only_testkit() -> None:
    """The benchmarks don't import the tests (their shared helpers live in testkit/), and nothing in
    the product imports testkit."""
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "benchmarks").rglob("*.py")
                 if any(name == "tests" or name.startswith("tests.") for name in _imports(path))]
    offenders += [str(path.relative_to(ROOT)) for folder in (*SOURCE_FOLDERS, "retouch")
                  for path in (ROOT / folder).rglob("*.py")
                  if any(name.split(".")[0] == "testkit" for name in _imports(path))]
    assert offenders == []


def test_the_mcp_server_uses_only_the_public_api() -> None:
    """`retouch mcp` stands on `import retouch` like any library user: no retouch.agent / tools."""
    names = _imports(ROOT / "tui" / "mcp_server.py")
    assert {name for name in names if name.startswith(("retouch.agent", "retouch.tools"))} == set()
    assert "retouch" in names


def test_agents_and_backends_are_built_in_one_place() -> None:
    """`agent/builder.py` builds every configured Agent and Backends (by name and config file); the
    only other constructions are the argument-less defaults (`Backends()`: builtin, auto finder)."""
    import ast

    built = []
    for folder in (*SOURCE_FOLDERS, "retouch"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ("Agent", "Backends") and (node.args or node.keywords)):
                    built.append(f"{path.relative_to(ROOT)}: {node.func.id}")
    assert sorted(built) == ["agent/builder.py: Agent", "agent/builder.py: Backends"]


def test_every_requirement_is_listed_once() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = [re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower() for requirement in project["dependencies"]]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(folder), str(ROOT)], check=True, capture_output=True)
    return next(folder.glob("retouch-*.whl"))


def test_wheel_installs_only_the_retouch_namespace(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {name.split("/")[0] for name in names}
    assert {t for t in top_level if not t.endswith(".dist-info")} == {"retouch"}
    for package in _subpackages_on_disk():
        assert package.replace(".", "/") + "/__init__.py" in names
    # Data files travel with their packages: the sample photo, its licence, the chat's stylesheet.
    assert "retouch/tui/samples/person-by-fence.png" in names
    assert "retouch/tui/samples/LICENSE-IOPaint" in names
    assert "retouch/tui/chat/chat.tcss" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "retouch = retouch.tui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_readme_api_example_runs_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    """The README's library example, run against the wheel alone (not the repo's folders)."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, capture_output=True)
    example = re.search(r"### As a library.*?```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S).group(1)
    probe = ("import retouch, sys\n"
             f"assert retouch.__file__.startswith({str(target)!r}), retouch.__file__\n"
             "for generic in ('agent', 'tools', 'tui'):\n"
             "    try:\n"
             "        __import__(generic)\n"
             "    except ModuleNotFoundError:\n"
             "        continue\n"
             "    raise SystemExit(f'{generic} is importable')\n" + example)
    elsewhere = tmp_path / "elsewhere"  # not the repo, whose folders would shadow the wheel
    (elsewhere / "tests" / "data").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "data" / "image.png", elsewhere / "tests" / "data" / "image.png")
    env = {**os.environ, "PYTHONPATH": str(target), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=elsewhere, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Clearing the box (20, 20, 100, 100). 1 ") and lines[0].endswith("v001.png")
    assert lines[2] == "left" and lines[3].startswith("selected the person")
