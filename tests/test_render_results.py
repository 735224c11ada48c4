"""Renderers on results built by hand: each number and name lands where a reader looks,
whatever the ladder, without a profile or a command in between."""

from __future__ import annotations

import json

import pytest

from pmoladder.gap import Gap, GapReport, SkillGap
from pmoladder.ladder_diff import LadderDiff, RoleChange, SectionChanges
from pmoladder.render import csv, markdown, table
from pmoladder.render import json as json_out


@pytest.fixture
def result(mini) -> Gap:
    return Gap(
        target=mini.roles["lead"],
        current_role=mini.roles["starter"],
        readiness=0.25,
        skills=[
            SkillGap("people", "People | all", 1, 3, 2),
            SkillGap("planning", "=Planning", 2, 2, 1.5),
        ],
        missing_required=["cert-a"],
        missing_recommended=[],
        missing_required_any=[["cert-a", "cert-b"]],
        years=1.5,
        required_years=4,
    )


def test_csv_has_a_row_per_skill_with_its_numbers_and_inert_names(mini, result):
    assert csv.gap(mini, GapReport(result)).splitlines() == [
        "skill,name,current,required,gap,weight",
        "people,People | all,1,3,2,2",
        "planning,'=Planning,2,2,0,1.5",
    ]


def test_markdown_states_readiness_and_every_missing_piece(mini, result):
    text = markdown.gap(mini, GapReport(result))
    assert text.startswith("# Gap to Team Lead from Starter\n")
    assert "**Readiness: 25%** (not ready yet)" in text
    assert "| People \\| all | 1 Basic | 3 Strong | 2 | 2 |" in text
    assert "- Missing required certifications: Cert A\n" in text
    assert "- Missing one of: Cert A or Cert B\n" in text
    assert "- Experience: 1.5 of 4 years expected, 2.5 to go" in text


def test_markdown_says_ready_when_nothing_is_missing(mini, result):
    ready = Gap(
        target=result.target,
        current_role=None,
        readiness=1.0,
        skills=[SkillGap("planning", "Planning", 3, 2, 1)],
        missing_required=[],
        missing_recommended=["cert-b"],
        missing_required_any=[],
        years=None,
        required_years=0,
    )
    text = markdown.gap(mini, GapReport(ready))
    assert text.startswith("# Gap to Team Lead\n") and "**Readiness: 100%** (ready)" in text


def test_json_carries_the_numbers_as_numbers(mini, result):
    data = json.loads(json_out.gap(mini, GapReport(result)))
    assert data["readiness"] == 0.25 and data["ready"] is False
    assert [(s["id"], s["gap"], s["weight"]) for s in data["skills"]] == [
        ("people", 2, 2),
        ("planning", 0, 1.5),
    ]
    assert data["certifications"]["missing_required_any"] == [["cert-a", "cert-b"]]
    assert data["experience"] == {"years": 1.5, "required": 4, "gap": 2.5}


@pytest.fixture
def ladder_change() -> LadderDiff:
    return LadderDiff(
        sections={
            "roles": SectionChanges(added=["coach"], removed=[], renamed=[]),
            "skills": SectionChanges(added=[], removed=["fax"], renamed=[("plan", "planning")]),
            "certifications": SectionChanges(added=[], removed=[], renamed=None),
        },
        changed=[
            RoleChange("lead", "weight", 2, 1.5, skill="people"),
            RoleChange("lead", "certifications.required_any", [], [["a", "b"]]),
        ],
    )


def test_a_ladder_change_reads_as_one_marked_line_per_change(ladder_change):
    assert ladder_change.lines() == [
        "+ role coach",
        "- skill fax",
        "~ skill plan -> planning",
        "~ role lead: weight of people: 2 -> 1.5",
        "~ role lead: certifications.required_any: [] -> [[a, b]]",
    ]
    assert markdown.ladder_diff(ladder_change).splitlines()[2] == "- `~ skill plan -> planning`"
    assert table.ladder_diff(LadderDiff({}, [])) == "no changes\n"


def test_a_ladder_change_as_csv_has_a_row_per_change(ladder_change):
    assert csv.ladder_diff(ladder_change).splitlines() == [
        "kind,section,id,field,skill,from,to",
        "added,roles,coach,,,,",
        "removed,skills,fax,,,,",
        "renamed,skills,planning,,,plan,planning",
        "changed,roles,lead,weight,people,2,1.5",
        'changed,roles,lead,certifications.required_any,,[],"[[a, b]]"',
    ]


def test_a_ladder_change_as_json_keeps_renamed_and_skill_only_where_they_apply(ladder_change):
    data = json.loads(json_out.ladder_diff(ladder_change))
    assert data["skills"]["renamed"] == [{"from": "plan", "to": "planning"}]
    assert "renamed" not in data["certifications"]
    assert data["changed"][0] == {
        "role": "lead",
        "field": "weight",
        "skill": "people",
        "from": 2,
        "to": 1.5,
    }
    assert "skill" not in data["changed"][1] and data["changed"][1]["to"] == [["a", "b"]]


def test_a_persons_report_shows_what_is_stale_or_lapsed_and_a_roles_does_not(mini, result):
    import datetime as dt

    from pmoladder.freshness import Freshness

    day = dt.date(2025, 1, 31)
    fresh = Freshness(
        as_of=dt.date(2026, 11, 26),
        stale_after_months=12,
        assessed={"people": day},
        stale={"people": day},
        expired={"cert-b": day},
    )
    person = markdown.gap(mini, GapReport(result, fresh))
    assert "- Stale rating, worth re-assessing: People (assessed 2025-01-31)\n" in person
    assert "- Expired: Cert B on 2025-01-31" in person
    role = markdown.gap(mini, GapReport(result))  # a role standing in has no freshness
    assert "Stale" not in role and "Expired" not in role
    data = json.loads(json_out.gap(mini, GapReport(result, fresh)))
    assert [(s["id"], s["stale"], s["assessed"]) for s in data["skills"]] == [
        ("people", True, "2025-01-31"),
        ("planning", False, None),
    ]
    assert data["certifications"]["expired"] == [{"id": "cert-b", "on": "2025-01-31"}]
