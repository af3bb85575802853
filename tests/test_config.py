"""The config file: standing defaults under the words, flags over everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from retouch.agent.config import Settings, load_config
from retouch.agent.plan import validate_plan
from retouch.tools.errors import RetouchError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    config = load_config(tmp_path / "none.toml")
    assert (config.planner, config.finder, config.inpainter) == ("rules", "auto", "builtin")


def test_file_values_and_backend_options(tmp_path: Path) -> None:
    config = load_config(_write(tmp_path, 'inpainter = "diffusers"\n[inpaint]\nsteps = 12\n'
                                          '[backends.diffusers]\nmodel = "/models/sd"\n'))
    assert config.inpainter == "diffusers"
    assert config.settings.defaults["inpaint"] == {"steps": 12}
    assert config.backend_options["diffusers"] == {"model": "/models/sd"}


@pytest.mark.parametrize("text,needle", [
    ("[inpaint]\nstepz = 3\n", "no setting 'stepz'"),
    ("[inpaint]\nstrength = 3\n", "strength = 3 is not allowed"),
    ("planner = 3\n", "planner must be a name"),
    ("colour = 'red'\n", "unknown setting 'colour'"),
    ("[inpaint\n", "not valid TOML"),
])
def test_mistakes_are_one_clear_line(tmp_path: Path, text: str, needle: str) -> None:
    with pytest.raises(RetouchError, match=needle):
        load_config(_write(tmp_path, text))


def test_precedence_flags_over_words_over_config() -> None:
    plan = validate_plan({"calls": [{"tool": "inpaint", "args": {"task": "remove", "strength": 0.4}}]})
    settings = Settings(defaults={"inpaint": {"strength": 0.9, "steps": 12}}, overrides={"inpaint": {"guidance": 3.0}})
    args = settings.apply(plan).calls[0].args
    assert args.strength == 0.4, "the words win over the config file"
    assert args.steps == 12 and args.guidance == 3.0
    forced = Settings(overrides={"inpaint": {"strength": 0.2}}).apply(plan).calls[0].args
    assert forced.strength == 0.2, "a flag wins over the words"


def test_cli_reads_the_config_file(run_cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("RETOUCH_CONFIG", str(_write(tmp_path, 'planner = "nonesuch"\n')))
    code, _, err = run_cli("plan", "remove the dog")
    assert code == 1 and "no planner called 'nonesuch'" in err
