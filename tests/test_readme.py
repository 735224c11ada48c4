"""The README shows real output: each marked block is what its command prints today."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.formats import RESULTS

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
BLOCK = re.compile(r"<!-- output: (?P<command>.+?) -->\n```text\n(?P<body>.*?)```\n", re.S)


def output_of(command: str) -> str:
    args = shlex.split(command)
    assert args[0] == "pmoladder"
    result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "92"})
    text = result.stdout + result.stderr  # validate reports its findings on stderr
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def blocks() -> list[tuple[str, str]]:
    return [(m["command"], m["body"]) for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]


def test_the_readme_has_output_blocks():
    assert len(blocks()) >= 4


@pytest.mark.parametrize(("command", "body"), blocks(), ids=[c for c, _ in blocks()])
def test_readme_output_is_current(command, body, monkeypatch):
    monkeypatch.chdir(ROOT)
    actual = output_of(command)
    if os.environ.get("UPDATE_GOLDEN"):
        text = README.read_text(encoding="utf-8")
        README.write_text(
            text.replace(f"```text\n{body}```", f"```text\n{actual}```", 1), encoding="utf-8"
        )
        return
    assert actual == body


def test_readme_chart_is_current(monkeypatch):
    monkeypatch.chdir(ROOT)
    svg = CliRunner().invoke(app, ["gap", "--profile", "examples/profile.yaml", "-f", "svg"]).stdout
    path = ROOT / "docs" / "gap.svg"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(svg, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == svg


def test_readme_quick_start_is_the_two_commands_ci_runs():
    text = README.read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in (
        "pip install . && pmoladder gap --profile examples/profile.yaml",
        "pip install '.[test]' && pytest",
    ):
        assert command in text and command in ci


def test_pre_commit_hook_runs_validate_on_profiles_and_ladders():
    import re as regex

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "pmoladder-validate" and hook["entry"] == "pmoladder validate"
    pattern = regex.compile(hook["files"])
    assert pattern.search("people/profile-alex.yaml") and pattern.search("ladder.yml")
    assert pattern.search("people/alex.yaml") and pattern.search("org/people/jo.yml")
    assert hook["types"] == ["yaml"]
    assert not pattern.search("docker-compose.yaml")


def test_the_format_reference_lists_every_format_of_every_command():
    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    section = text.split("## Every format", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z ]+)` \| ([a-z, ]+) \|$", section, re.MULTILINE)
    assert {kind: tuple(fmts.split(", ")) for kind, fmts in rows} == RESULTS


def development_layout() -> str:
    text = README.read_text(encoding="utf-8")
    return text[text.index("## Development") :]


def test_the_development_layout_names_every_module_and_no_other():
    package = ROOT / "src" / "pmoladder"
    modules = {
        str(path.relative_to(package)) for path in package.rglob("*.py") if path.parent == package
    }
    folders = {
        f"{path.name}/"
        for path in package.iterdir()
        if path.is_dir() and (path / "__init__.py").exists()
    }
    named = set(re.findall(r"`(\w+\.py|\w+/)`", development_layout()))
    assert modules | folders <= named, f"not described: {sorted((modules | folders) - named)}"
    # Besides the package's own modules it names those of its folders and two tests.
    inside = {path.name for path in package.rglob("*.py") if path.parent != package}
    gone = (
        {n for n in named if n.endswith(".py")}
        - modules
        - inside
        - {"test_outputs.py", "test_readme.py"}
    )
    assert not gone, f"named but not there: {sorted(gone)}"
