from __future__ import annotations

import pytest
from conftest import FIXTURES

from pmoladder.validation import check


def test_kind_is_detected_and_problems_sorted(builtin, write):
    report = check(write("p.yaml", "tools: [bord]\nskills:\n  leadrship: 1\nnmae: x\n"), builtin)
    assert report.kind == "profile" and not report.valid
    assert [(p.line, p.severity) for p in report.problems] == [
        (1, "warning"),
        (3, "error"),
        (4, "error"),
    ]


def test_a_ladder_is_checked_as_a_ladder(builtin):
    report = check(str(FIXTURES / "mini-ladder.yaml"), builtin)
    assert (report.kind, report.valid, report.problems) == ("ladder", True, [])


def test_warnings_alone_leave_a_file_valid(builtin, write):
    report = check(write("p.yaml", "certifications: [safe-agilist]\n"), builtin)
    assert report.valid and len(report.problems) == 1


def test_an_unparsable_file_has_no_kind(builtin, write):
    report = check(write("p.yaml", "a: [\n"), builtin)
    assert report.kind is None and not report.valid


BROKEN_LADDER = """\
schema_version: 1
name: Broken
descripton: a typo
scale:
  - {level: 1, name: Basic}
  - {level: 2, name: Good}
skills:
  - {id: planning, name: Planning}
roles:
  - id: starter
    name: Starter
    next: [lead]
    skills: {planning: 1, peple: 1}
  - id: middle
    nme: Middle
    next: [starter]
  - id: top
    name: Top
    next: [middle, nowhere]
"""


def test_every_ladder_error_in_one_run_in_file_order(builtin, write):
    report = check(write("ladder.yaml", BROKEN_LADDER), builtin)
    assert report.kind == "ladder"
    assert [(p.line, p.key, p.message.split(" (did you")[0]) for p in report.problems] == [
        (3, "descripton", "unknown key 'descripton'"),
        (
            5,
            "scale",
            "the scale starts at 1, but level 0 (none yet) must be declared too: "
            "add '- {level: 0, name: None}' as its first entry",
        ),
        (12, "roles.0.next.0", "unknown role 'lead'"),
        (13, "roles.0.skills.peple", "unknown skill 'peple'"),
        (15, "roles.1.nme", "unknown key 'nme'"),
        (19, "roles.2.next.1", "unknown role 'nowhere'"),  # not 'middle': its entry is broken
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("scale: []\n", "ladder"),
        ("roles: []\n", "ladder"),
        ("name: Org\nskills:\n  - {id: a, name: A}\n", "ladder"),
        ("steps: []\n", "ladder"),
        ("name: Alex\nskills: {leadership: 2}\n", "profile"),
        ("description: a profile with a stray key\n", "profile"),
        ("tools: [jira]\n", "profile"),
    ],
)
def test_kind_is_told_by_content(builtin, write, text, kind):
    assert check(write("any-name.yaml", text), builtin).kind == kind
