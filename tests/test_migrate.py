"""Renames: old ids keep working with a warning, and migrate rewrites them in place."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES
from typer.testing import CliRunner

from pmoladder.cli import app


def renamed_ladder() -> str:
    """The mini ladder after a reorganisation: planning is now scheduling, lead is
    team-leader, and people absorbed money."""
    text = (FIXTURES / "mini-ladder.yaml").read_text(encoding="utf-8")
    text = text.replace("planning", "scheduling").replace("next: [lead]", "next: [team-leader]")
    text = text.replace(
        "{id: scheduling, name: Planning}", "{id: scheduling, name: Planning, replaces: [planning]}"
    )
    text = text.replace(
        "{id: people, name: People}", "{id: people, name: People, replaces: [money]}"
    )
    text = text.replace("  - {id: money, name: Money}\n", "")
    text = text.replace(", money: 0}", "}").replace("      money: 1\n", "")
    return text.replace("  - id: lead\n", "  - id: team-leader\n    replaces: [lead]\n")


PROFILE = """\
# Sam's profile, written for last year's ladder
current_role: lead   # promoted in March
skills:
  planning: 2        # the sprint planning work
  people: 1
  money: {level: 3, evidence: "Ran the budget"}
"""


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_an_old_profile_loads_with_one_warning_per_old_id(write):
    ladder = write("ladder.yaml", renamed_ladder())
    profile = write("sam.yaml", PROFILE)
    result = run("gap", "-p", profile, "-t", "team-leader", "-f", "json", "--ladder", ladder)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"{profile}:2:15: current_role: now 'team-leader' (run pmoladder migrate)",
        f"{profile}:4:3: skills.planning: now 'scheduling' (run pmoladder migrate)",
        f"{profile}:6:3: skills.money: now 'people' (run pmoladder migrate)",
    ]
    data = json.loads(result.stdout)
    assert data["current_role"]["id"] == "team-leader"
    levels = {row["id"]: row["current"] for row in data["skills"]}
    assert levels == {"scheduling": 2, "people": 3}  # the higher of people and money


def test_migrate_rewrites_in_place_keeping_comments_and_check_says_so(write):
    ladder = write("ladder.yaml", renamed_ladder())
    profile = write("sam.yaml", PROFILE)
    before = run("migrate", "--check", profile, "--ladder", ladder)
    assert before.exit_code == 1
    assert open(profile).read() == PROFILE
    done = run("migrate", profile, "--ladder", ladder)
    assert done.exit_code == 0, done.output
    assert done.stdout.splitlines() == [
        f"{profile}: current_role: lead -> team-leader",
        f"{profile}: skills.planning -> scheduling",
        f"{profile}: skills.money -> people (merged: kept the higher level, from money)",
    ]
    assert open(profile).read() == (
        "# Sam's profile, written for last year's ladder\n"
        "current_role: team-leader # promoted in March\n"
        "skills:\n"
        "  scheduling: 2      # the sprint planning work\n"
        '  people: {level: 3, evidence: "Ran the budget"}\n'
    )
    after = run("migrate", "--check", profile, "--ladder", ladder)
    assert after.exit_code == 0 and after.stdout == ""
    gap = run("gap", "-p", profile, "-t", "team-leader", "--ladder", ladder)
    assert gap.exit_code == 0 and gap.stderr == ""


def test_an_old_id_that_is_still_current_is_an_error(write):
    text = renamed_ladder().replace("replaces: [money]", "replaces: [scheduling]")
    ladder = write("ladder.yaml", text)
    result = run("roles", "--ladder", ladder)
    assert result.exit_code == 2
    assert "skills.1.replaces.0: 'scheduling' is still a current id or alias" in result.stderr


def test_progress_is_continuous_across_a_rename(repo, write):
    ladder = write("ladder.yaml", renamed_ladder())
    before = PROFILE.replace("level: 3", "level: 2")
    repo(before, "as written last year", "2026-01-10")
    after = before.replace("planning: 2", "scheduling: 3").replace("people: 1", "people: 3")
    repo(after, "after the rename", "2026-06-10")
    result = run(
        "progress", "-p", "profile.yaml", "-t", "team-leader", "-f", "json", "--ladder", ladder
    )
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)["points"]
    assert len(points) == 2 and "skipped" not in result.stderr
    assert points[0]["readiness"] < points[1]["readiness"]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (PROFILE + "  peeple: 2\n", ":7:3: skills.peeple: unknown skill"),  # after a merged line
        (PROFILE.replace("  people: 1\n", "  people: [1\n"), ":6:"),
        (PROFILE.replace("  people: 1\n", "  people: 1\n  people: 2\n"), ":6:3: duplicate key"),
        (PROFILE.replace("lead ", "leed "), ":2:15: current_role: unknown role 'leed'"),
        (PROFILE.replace("people: 1", "people: 9"), ":5:11: skills.people: level 9"),
    ],
    ids=["unknown-skill", "broken-yaml", "duplicate-key", "unknown-role", "bad-level"],
)
def test_every_error_in_a_profile_to_migrate_is_one_located_line(write, text, where):
    ladder = write("ladder.yaml", renamed_ladder())
    good, bad = write("good.yaml", PROFILE), write("bad.yaml", text)
    for args in (["--check"], []):
        result = run("migrate", *args, good, bad, "--ladder", ladder)
        assert result.exit_code == 2, result.output
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{bad}{where}"), line
    assert open(good).read() == PROFILE and open(bad).read() == text  # nothing written
