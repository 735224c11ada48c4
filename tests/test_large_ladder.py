"""A framework-sized ladder: 164 skills, 549 tools, a 0-4 scale whose level 0 means
"None or not applicable", three roles requiring 11 to 67 skills. Every command works on it."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from pmoladder.cli import app


def large_ladder() -> dict:
    skills = [
        {"id": f"skill-{i:03d}", "name": f"Skill {i:03d}", "category": f"area-{i % 6}"}
        for i in range(164)
    ]
    for skill in skills[::5]:
        skill["levels"] = {n: f"What level {n} looks like." for n in range(1, 5)}
    sizes = {"analyst": 11, "specialist": 38, "principal": 67}
    roles = []
    for r, (rid, size) in enumerate(sizes.items()):
        roles.append(
            {
                "id": rid,
                "name": rid.title(),
                "min_years": 3 * r,
                "next": [list(sizes)[r + 1]] if r < 2 else [],
                "skills": {f"skill-{i:03d}": min(4, 1 + r + i % 2) for i in range(size)},
                "tools": [f"tool-{t:03d}" for t in range(r * 100, r * 100 + 120)],
            }
        )
    return {
        "schema_version": 1,
        "name": "A Large Framework",
        "scale": [
            {"level": 0, "name": "None or not applicable"},
            *({"level": n, "name": f"Level {n}"} for n in range(1, 5)),
        ],
        "categories": [{"id": f"area-{n}", "name": f"Area {n}"} for n in range(6)],
        "skills": skills,
        "tools": [{"id": f"tool-{t:03d}", "name": f"Tool {t:03d}"} for t in range(549)],
        "roles": roles,
    }


@pytest.fixture
def large(write):
    ladder = write("large.yaml", yaml.safe_dump(large_ladder(), sort_keys=False))
    profile = {
        "current_role": "analyst",
        "target_role": "principal",
        "years_experience": 4,
        "skills": {f"skill-{i:03d}": i % 5 for i in range(0, 164, 2)},
        "tools": ["tool-001", "tool-548"],
    }
    write("profile.yaml", yaml.safe_dump(profile))
    return ladder


COMMANDS = [
    ["roles"],
    ["role", "specialist"],
    ["skills"],
    ["skills", "skill-010"],
    ["skills", "Skill 011"],
    ["gap", "-f", "json"],
    ["gap", "--from", "analyst", "-t", "principal"],
    ["next"],
    ["match"],
    ["path", "--from", "analyst", "--to", "principal"],
    ["plan"],
    ["validate", "profile.yaml"],
    ["ladder", "show", "-f", "json"],
    ["ladder", "validate", "large.yaml"],
    ["team", "profile.yaml", "--target", "specialist"],
    ["diff", "profile.yaml", "profile.yaml", "-t", "principal"],
    ["site", "site"],
    ["ladder", "diff", "large.yaml", "large.yaml"],
    ["config"],
]
# The commands not run above, and why: each is tried on the large ladder below, or does
# not read a ladder's content at all.
ELSEWHERE = {
    "ladder lint": "below",
    "init": "below",
    "assess": "below",
    "progress": "reads git history; test_progress covers it",
    "schema": "reads no ladder",
    "migrate": "rewrites only the ids a ladder's `replaces` names; test_migrate covers it",
}


def test_every_command_of_the_app_is_run_here_or_said_why_not():
    from typer.main import get_command

    def leaves(group, prefix=()):
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                yield from leaves(command, (*prefix, name))
            else:
                yield " ".join((*prefix, name))

    run_here = {" ".join(c[:2]) if c[0] == "ladder" else c[0] for c in COMMANDS}
    assert not run_here & set(ELSEWHERE)
    assert run_here | set(ELSEWHERE) == set(leaves(get_command(app)))


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_command_works_on_a_large_ladder(large, args):
    result = CliRunner().invoke(
        app, [*args, "--ladder", large] if args[0] != "ladder" or args[1] == "show" else args
    )
    assert result.exit_code == 0, result.output
    assert result.stdout or (args[0] == "site" and result.stderr.startswith("wrote "))


def test_the_large_ladder_gap_counts_every_requirement(large):
    result = CliRunner().invoke(app, ["gap", "-f", "json", "--ladder", large])
    data = json.loads(result.stdout)
    assert len(data["skills"]) == 67 and data["target"]["id"] == "principal"


def test_lint_and_init_on_a_large_ladder(large, tmp_path):
    lint = CliRunner().invoke(app, ["ladder", "lint", large])
    assert lint.exit_code == 1 and "unused-skill" in lint.stdout
    init = CliRunner().invoke(app, ["init", "new.yaml", "--ladder", large])
    assert init.exit_code == 0, init.output
    assert "skill-163" in (tmp_path / "new.yaml").read_text()
    answers = "3\n" * 67
    assess = ["assess", "-p", "new.yaml", "-t", "principal", "--no-evidence", "--ladder", large]
    result = CliRunner().invoke(app, assess, input=answers)
    assert result.exit_code == 0, result.output
    assert "saved the answers to 67 of 67 skills" in result.stderr
