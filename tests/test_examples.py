"""The worked examples stay valid: an organisation's overlay with its settings and
people, and a standalone ladder for another field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ACME = EXAMPLES / "acme"


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.mark.parametrize("person", ["jordan", "priya", "sam"])
def test_the_acme_people_measure_against_acme_s_ladder_named_once(person, monkeypatch):
    monkeypatch.chdir(ACME / "people")
    result = run("gap", "-p", f"{person}.yaml", "--format", "json")
    assert result.exit_code == 0 and result.stderr == "", result.output
    assert run("config", "-f", "json").stdout.count('"source": "project"') == 2
    roles = json.loads(run("roles", "-f", "json").stdout)
    assert roles["ladder"] == "Acme Logistics Delivery Ladder"
    assert "cpo" not in [r["id"] for r in roles["roles"]]


def test_the_acme_files_validate(monkeypatch):
    monkeypatch.chdir(ACME)
    files = ["acme-ladder.yaml", *(f"people/{p}.yaml" for p in ("jordan", "priya", "sam"))]
    result = run("validate", *files)
    assert result.exit_code == 0, result.output
    assert result.stdout.count(": valid ") == 4


def test_the_software_ladder_is_valid_lint_clean_and_forks():
    ladder = str(EXAMPLES / "software-ladder.yaml")
    assert run("ladder", "validate", ladder).exit_code == 0
    assert run("ladder", "lint", ladder).exit_code == 0
    result = run(
        "next", "-p", str(EXAMPLES / "software-profile.yaml"), "--ladder", ladder, "-f", "json"
    )
    assert result.exit_code == 0, result.output
    assert "staff-engineer" in result.stdout and "engineering-manager" in result.stdout
