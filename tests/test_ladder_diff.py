"""ladder diff: what a ladder change does, in every format, from files or git revisions."""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from pmoladder.cli import app

MINI = (FIXTURES / "mini-ladder.yaml").read_text(encoding="utf-8")


def changed() -> str:
    text = MINI.replace("planning", "scheduling").replace(
        "{id: scheduling, name: Planning}", "{id: scheduling, name: Planning, replaces: [planning]}"
    )
    text = text.replace("  - {id: cert-b, name: Cert B}\n", "  - {id: cert-c, name: Cert C}\n")
    text = text.replace("recommended: [cert-b]", "recommended: [cert-c]")
    text = text.replace("    min_years: 4\n", "    min_years: 5\n")
    return text.replace("      people: {level: 3, weight: 2}\n", "      people: 2\n")


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_ladder_diff_json(write):
    old, new = write("old.yaml", MINI), write("new.yaml", changed())
    result = run("ladder", "diff", old, new, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["skills"] == {
        "added": [],
        "removed": [],
        "renamed": [{"from": "planning", "to": "scheduling"}],
    }
    assert data["certifications"] == {"added": ["cert-c"], "removed": ["cert-b"]}
    assert data["roles"] == {"added": [], "removed": [], "renamed": []}
    assert data["changed"] == [
        {"role": "lead", "field": "level", "skill": "people", "from": 3, "to": 2},
        {"role": "lead", "field": "weight", "skill": "people", "from": 2, "to": 1},
        {"role": "lead", "field": "min_years", "from": 4, "to": 5},
    ]


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
def test_ladder_diff_other_formats(write, fmt):
    old, new = write("old.yaml", MINI), write("new.yaml", changed())
    result = run("ladder", "diff", old, new, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "scheduling" in result.stdout and "min_years" in result.stdout


def test_ladder_diff_between_revisions(write, tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.test")
    git("config", "user.name", "T")
    write("ladder.yaml", MINI)
    git("add", "ladder.yaml")
    git("commit", "-qm", "one")
    write("ladder.yaml", changed())
    result = run("ladder", "diff", "HEAD:ladder.yaml", "ladder.yaml", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["certifications"]["added"] == ["cert-c"]
