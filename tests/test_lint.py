"""Ladder lint: each rule on a ladder made to break it, --ignore, and x-sideways."""

from __future__ import annotations

from typer.testing import CliRunner

from pmoladder.cli import app

LADDER = """\
schema_version: 1
name: Lint Me
scale:
  - {level: 0, name: None}
  - {level: 1, name: Some}
  - {level: 2, name: Much}
skills:
  - {id: a, name: A, levels: {1: Does a bit.}}
  - {id: b, name: B}
  - {id: spare, name: Spare}
certifications:
  - {id: c1, name: C1}
  - {id: c2, name: C2}
tools:
  - {id: t1, name: T1}
  - {id: t2, name: T2}
roles:
  - id: one
    name: One
    min_years: 3
    next: [two]
    skills: {a: 2, b: 1}
    certifications: {required_any: [[c1]]}
    tools: [t1]
  - id: two
    name: Two
    min_years: 2
    skills: {a: 1}
  - id: lost
    name: Lost
    skills: {b: 1}
steps:
  - {id: busy, name: Busy, develops: [a]}
  - {id: idle, name: Idle, develops: [spare]}
"""


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_every_rule_finds_its_case(write):
    path = write("ladder.yaml", LADDER)
    result = run("ladder", "lint", path)
    assert result.exit_code == 1
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert lines == [
        "orphan-role: no role's next leads to 'lost'",
        "unused-skill: no role requires 'spare'",
        "unused-certification: no role requires or recommends 'c2'",
        "unused-tool: no role lists 't2'",
        "idle-step: 'idle' develops no required skill",
        "level-drop: one -> two: a drops from 2 to 1",
        "level-drop: one -> two: b is not required",
        "years-drop: one -> two: min_years drops from 3 to 2",
        "missing-descriptor: 'one' requires level 2 of 'a', which has no descriptor for it",
    ]
    assert result.stdout.splitlines()[0].startswith(f"{path}:29:9: ")
    assert result.stdout.splitlines()[5].startswith(f"{path}:21:12: ")


def test_ignore_and_sideways(write):
    path = write(
        "ladder.yaml", LADDER.replace("  - id: two\n", "  - id: two\n    x-sideways: true\n")
    )
    ignored = ["orphan-role", "unused-skill", "unused-certification", "unused-tool", "idle-step"]
    args = [a for rule in ignored for a in ("--ignore", rule)]
    result = run("ladder", "lint", path, *args)
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == ["missing-descriptor"]
    clean = run("ladder", "lint", path, *args, "--ignore", "missing-descriptor")
    assert clean.exit_code == 0 and clean.stdout == ""


def test_sideways_in_an_overlay_counts(write):
    write("base.yaml", LADDER)
    top = write("top.yaml", "extends: base.yaml\nroles:\n  - id: two\n    x-sideways: true\n")
    result = run("ladder", "lint", top)
    assert "level-drop" not in result.stdout and "years-drop" not in result.stdout
    assert "orphan-role" in result.stdout and "base.yaml:29:9" in result.stdout


def test_an_unknown_rule_is_a_usage_error():
    result = run("ladder", "lint", "--ignore", "orphan-roles")
    assert result.exit_code == 2
    assert "unknown rule 'orphan-roles' (did you mean 'orphan-role'?)" in result.stderr
