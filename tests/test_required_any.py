"""`required_any`: groups of equivalent certifications, any one of which meets the group."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.errors import FileErrors
from pmoladder.gap import GapReport, Standing, compute_gap, standing_of_role
from pmoladder.ladder import load_ladder
from pmoladder.plan import make_plan
from pmoladder.progression import routes

LADDER = """\
schema_version: 1
name: Equivalents
scale: [{level: 0, name: Zero}, {level: 1, name: One}]
skills: [{id: a, name: A}]
certifications:
  - {id: pmp, name: PMP, issuer: PMI}
  - {id: ipma-c, name: IPMA C}
  - {id: msp, name: MSP}
  - {id: pgmp, name: PgMP}
  - {id: p3o, name: P3O}
roles:
  - id: lead
    name: Lead
    next: [head]
    skills: {a: 1}
    certifications:
      required_any: [[pmp, ipma-c]]
  - id: head
    name: Head
    skills: {a: 1}
    certifications:
      required: [p3o]
      required_any: [[msp, pgmp], [pmp, ipma-c]]
      recommended: [pgmp]
"""


@pytest.fixture
def ladder(write):
    return load_ladder(write("ladder.yaml", LADDER))


def holding(*certs: str) -> Standing:
    return Standing(role=None, levels={"a": 1}, certifications=frozenset(certs), years=None)


def test_missing_groups_are_listed_as_the_role_lists_them(ladder):
    gap = compute_gap(ladder, holding("p3o"), ladder.roles["head"])
    assert gap.missing_required_any == [["msp", "pgmp"], ["pmp", "ipma-c"]]
    assert not gap.ready


def test_any_member_of_a_group_meets_it(ladder):
    gap = compute_gap(ladder, holding("p3o", "ipma-c"), ladder.roles["head"])
    assert gap.missing_required_any == [["msp", "pgmp"]] and not gap.ready
    gap = compute_gap(ladder, holding("p3o", "ipma-c", "pgmp"), ladder.roles["head"])
    assert gap.missing_required_any == [] and gap.missing_required == [] and gap.ready


def test_from_role_holds_the_first_of_each_of_its_groups(ladder):
    gap = compute_gap(ladder, standing_of_role(ladder, ladder.roles["lead"]), ladder.roles["head"])
    assert gap.missing_required_any == [["msp", "pgmp"]]
    assert gap.missing_required == ["p3o"] and gap.missing_recommended == ["pgmp"]


def test_path_names_only_the_groups_the_previous_rung_does_not_meet(ladder):
    rungs = routes(ladder, ladder.roles["lead"], ladder.roles["head"], None).paths[0].rungs
    assert rungs[1].new_required == ["p3o"]
    assert rungs[1].new_required_any == [["msp", "pgmp"]]


def test_plan_lists_each_missing_group(ladder):
    gap = compute_gap(ladder, holding("p3o", "pmp"), ladder.roles["head"])
    plan = make_plan(ladder, GapReport(gap))
    assert [[item.certification.id for item in g] for g in plan.required_any] == [["msp", "pgmp"]]
    assert [item.note for item in plan.required_any[0]] == ["one of", "one of"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("[[pmp, ipma-c]]", None),
        ("[[pmp, ipma]]", "roles.0.certifications.required_any.0.1: unknown certification 'ipma'"),
        ("[[pmp], []]", "roles.0.certifications.required_any.1: expected at least one entry"),
        ("[pmp]", "roles.0.certifications.required_any.0: expected a list, got 'pmp'"),
    ],
)
def test_groups_must_name_declared_certifications(write, change, expected):
    path = write(
        "ladder.yaml", LADDER.replace("required_any: [[pmp, ipma-c]]", f"required_any: {change}")
    )
    if expected is None:
        load_ladder(path)
        return
    with pytest.raises(FileErrors) as info:
        load_ladder(path)
    first = str(info.value.errors[0])
    assert first.startswith(f"{path}:") and expected in first, first


# --- through the command line -------------------------------------------------------------


def run(write, *args: str):
    """A command on the ladder above; those that read a profile get one holding p3o, ipma-c."""
    args = (*args, "--ladder", write("ladder.yaml", LADDER))
    if args[0] != "role":
        profile = write("p.yaml", "skills: {a: 1}\ncertifications: [p3o, ipma-c]\n")
        args = (*args, "--profile", profile)
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_gap_json_and_check(write):
    data = json.loads(run(write, "gap", "-t", "head", "-f", "json"))
    assert data["certifications"]["missing_required_any"] == [["msp", "pgmp"]]
    assert data["ready"] is False


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_gap_for_people_names_the_choices(write, fmt):
    out = run(write, "gap", "-t", "head", "-f", fmt)
    assert "Missing one of: MSP" in out and " or PgMP" in out
    assert "IPMA C" not in out  # a met group is not reported missing


def test_role_shows_its_groups(write):
    data = json.loads(run(write, "role", "head", "-f", "json"))
    assert data["certifications"]["required_any"][0] == [
        {"id": "msp", "name": "MSP"},
        {"id": "pgmp", "name": "PgMP"},
    ]
    assert "Certifications required, one of: MSP (msp) or PgMP (pgmp)" in run(write, "role", "head")
    assert "- Required, one of: MSP or PgMP" in run(write, "role", "head", "-f", "markdown")


@pytest.mark.parametrize("fmt", ["table", "markdown", "json"])
def test_plan_lists_the_choices(write, fmt):
    out = run(write, "plan", "-t", "head", "-f", fmt)
    if fmt == "json":
        groups = json.loads(out)["required_any"]
        assert [[c["id"] for c in g] for g in groups] == [["msp", "pgmp"]]
    else:
        assert "Required, any one of:" in out and "MSP (one of)" in out


def test_path_json_and_table(write):
    path = write("ladder.yaml", LADDER)
    args = ["path", "--from", "lead", "--to", "head", "--ladder", path]
    result = CliRunner().invoke(app, [*args, "-f", "json"])
    rung = json.loads(result.stdout)["rungs"][1]
    assert rung["certifications"]["new_required_any"] == [["msp", "pgmp"]]
    assert (
        "Newly required, one of: MSP (msp) or PgMP (pgmp)" in CliRunner().invoke(app, args).stdout
    )


def test_match_is_not_ready_while_a_group_is_missing(write):
    data = json.loads(run(write, "match", "-f", "json"))
    assert [(r["id"], r["ready"]) for r in data["roles"]] == [("lead", True), ("head", False)]


def test_bench_leaves_out_who_misses_a_group_even_when_close(write, tmp_path):
    ladder = write("ladder.yaml", LADDER)
    write("a.yaml", "skills: {a: 1}\ncertifications: [p3o, pmp]\n")
    args = ["team", str(tmp_path / "a.yaml"), "--bench", "--within", "0", "-f", "json"]
    bench = json.loads(CliRunner().invoke(app, [*args, "--ladder", ladder]).stdout)["bench"]
    assert {b["role"]["id"]: b["ready_soon"] for b in bench}["head"] == []


@pytest.mark.parametrize("command", ["gap", "plan"])
def test_html_reports_name_the_choices(write, command):
    out = run(write, command, "-t", "head", "-f", "html")
    assert out.count("Missing one of: MSP or PgMP</li>") == 1  # each unmet group once
    if command == "plan":
        assert "Required, any one of:" in out
