"""The same batch on the local process pool and on Ray actors gives byte-identical results.

Ray is the optional extra `retouch[ray]`; CI installs it (`make test` installs `.[test,ray]`).
Ray starts inside the test on this machine — two CPUs, loopback only, no dashboard, no usage
reporting — and is shut down afterwards.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from testkit.photos import make_variants

ray = pytest.importorskip("ray", reason="Ray is the optional extra retouch[ray]: pip install -e '.[ray]'")


@pytest.fixture
def ray_two_cpus(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, _node_ip_address="127.0.0.1", log_to_driver=False)
    try:
        yield
    finally:
        ray.shutdown()


def _png_files(root: Path) -> dict[Path, bytes]:
    return {path.relative_to(root): path.read_bytes() for path in sorted(root.rglob("*.png"))}


def test_local_pool_and_ray_give_the_same_bytes(tmp_path: Path, run_cli, ray_two_cpus: None) -> None:
    make_variants(tmp_path / "in", 12)
    script = tmp_path / "edits.txt"
    script.write_text("remove the left third\nmake it warmer\n", encoding="utf-8")

    code, local_stdout, stderr = run_cli("batch", script, tmp_path / "in", "-o", tmp_path / "local", "--workers", "2")
    assert code == 0, stderr
    code, ray_stdout, stderr = run_cli("batch", script, tmp_path / "in", "-o", tmp_path / "ray", "--ray", "auto")
    assert code == 0, stderr

    assert local_stdout == ray_stdout == "done 12 · skipped 0 · failed 0\n"
    assert ray.is_initialized()  # a cluster the caller started is left running for the caller
    local, on_ray = (_png_files(tmp_path / "local"), _png_files(tmp_path / "ray"))
    assert len([name for name in local if len(name.parts) == 1]) == 12
    assert local == on_ray  # results and every session version and mask, byte for byte
    original = {path.name: path.read_bytes() for path in (tmp_path / "in").iterdir()}
    assert all(local[Path(name)] != data for name, data in original.items())  # and they are edits
    report = [json.loads(line) for line in (tmp_path / "ray" / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {entry["status"] for entry in report} == {"done"} and len(report) == 12
