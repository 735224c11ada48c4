from __future__ import annotations

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
