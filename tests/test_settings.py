"""Settings: flags over environment over the project file over the user file over defaults."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.errors import FileError, PmoError
from pmoladder.places import project_file
from pmoladder.settings import setting

MINI = str(Path(__file__).parent / "fixtures" / "mini-ladder.yaml")


def run(*args: str, **env: str):
    return CliRunner().invoke(app, list(args), env=env or None)


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    home = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    (home / "pmoladder").mkdir(parents=True)
    return home / "pmoladder"


def test_the_project_file_is_found_upwards_and_its_paths_are_relative_to_it(tmp_path, monkeypatch):
    (tmp_path / "ladders").mkdir()
    (tmp_path / "ladders" / "mini.yaml").write_text(Path(MINI).read_text())
    (tmp_path / ".pmoladder.yaml").write_text("ladder: ladders/mini.yaml\n")
    deep = tmp_path / "people" / "team-a"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert project_file() == str(tmp_path / ".pmoladder.yaml")
    found = setting("ladder")
    assert (found.source, found.path) == ("project", "../../.pmoladder.yaml")
    assert Path(found.value).resolve() == tmp_path / "ladders" / "mini.yaml"
    roles = json.loads(run("roles", "--format", "json").stdout)
    assert roles["ladder"] == "Mini Ladder"


def test_precedence_flag_env_project_user_default(tmp_path, user_dir, monkeypatch):
    assert setting("stale_after_months").source == "default"
    (user_dir / "config.yaml").write_text("stale_after_months: 3\nprofile: me.yaml\n")
    assert setting("stale_after_months").value == 3
    assert setting("profile").value == str(user_dir / "me.yaml").replace(str(tmp_path) + "/", "")
    (tmp_path / ".pmoladder.yaml").write_text("stale_after_months: 6\n")
    assert (setting("stale_after_months").value, setting("stale_after_months").source) == (
        6,
        "project",
    )
    monkeypatch.setenv("PMOLADDER_STALE_AFTER_MONTHS", "9")
    assert (setting("stale_after_months").value, setting("stale_after_months").source) == (9, "env")
    assert setting("stale_after_months", 2).value == 2
    assert setting("stale_after_months", 2).source == "flag"
    assert setting("profile").source == "user"


def test_config_prints_every_setting_and_its_source(tmp_path, monkeypatch):
    (tmp_path / ".pmoladder.yaml").write_text(f"ladder: {MINI}\n")
    monkeypatch.setenv("PMOLADDER_PROFILE", "alex.yaml")
    result = run("config", "--format", "json", "--stale-after", "4")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ladder"] == {"value": MINI, "source": "project", "path": ".pmoladder.yaml"}
    assert data["profile"] == {"value": "alex.yaml", "source": "env", "path": None}
    assert data["stale_after_months"] == {"value": 4, "source": "flag", "path": None}
    table = run("config").stdout
    assert "project (.pmoladder.yaml)" in table and "alex.yaml" in table
    assert all(line == line.rstrip() for line in table.splitlines())  # piped: no padding


def test_an_unknown_key_in_a_settings_file_is_a_located_error(tmp_path):
    (tmp_path / ".pmoladder.yaml").write_text("ladder: x.yaml\nstale_after: 3\n")
    with pytest.raises(FileError) as caught:
        setting("ladder")
    assert str(caught.value) == (
        ".pmoladder.yaml:2:1: stale_after: unknown setting 'stale_after' "
        "(did you mean 'stale_after_months'?)"
    )
    result = run("roles")
    assert result.exit_code == 2
    assert result.stderr.startswith(".pmoladder.yaml:2:1: stale_after: unknown setting")


def test_bad_values_are_errors(tmp_path, monkeypatch):
    (tmp_path / ".pmoladder.yaml").write_text("stale_after_months: soon\n")
    with pytest.raises(FileError, match="1:21: stale_after_months: expected a whole number"):
        setting("stale_after_months")
    monkeypatch.setenv("PMOLADDER_STALE_AFTER_MONTHS", "x")
    with pytest.raises(PmoError, match="PMOLADDER_STALE_AFTER_MONTHS: expected a whole number"):
        setting("stale_after_months")


def test_the_project_profile_is_the_default_profile(tmp_path):
    (tmp_path / "people").mkdir()
    (tmp_path / "people" / "alex.yaml").write_text("current_role: pm\ntarget_role: director\n")
    (tmp_path / ".pmoladder.yaml").write_text("profile: people/alex.yaml\n")
    result = run("gap", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["target"]["id"] == "director"


@pytest.mark.parametrize("key", ["ladder", "profile"])
def test_a_missing_file_named_by_a_settings_file_points_at_its_line(tmp_path, user_dir, key):
    (tmp_path / ".pmoladder.yaml").write_text(f"# team settings\n{key}: missing.yaml\n")
    result = run("gap", "--target", "pm")
    assert (result.exit_code, result.stderr) == (
        2,
        f".pmoladder.yaml:2:{len(key) + 3}: {key}: missing.yaml: no such file\n",
    )
    (tmp_path / ".pmoladder.yaml").unlink()
    (user_dir / "config.yaml").write_text(f"{key}: {tmp_path / 'gone.yaml'}\n")
    result = run("gap", "--target", "pm")
    assert result.exit_code == 2
    assert result.stderr.endswith(f"config.yaml:1:{len(key) + 3}: {key}: gone.yaml: no such file\n")
