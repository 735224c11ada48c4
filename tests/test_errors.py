from __future__ import annotations

import json

from pmoladder.errors import (
    MAX_ERRORS,
    MAX_HINTS,
    FileError,
    FileErrors,
    PmoError,
    did_you_mean,
    json_safe,
    one_line,
    printable,
)


def test_printable_escapes_controls_and_bidi_but_keeps_text():
    assert printable("a\x1b[31mb\x07\u202ec\té\n") == "a\\x1b[31mb\\x07\\u202ec\té\n"
    assert one_line("a\nb\tc") == "a\\nb\\tc"


def test_json_safe_keeps_the_value():
    raw = json.dumps({"k": "x\x9by\u2066z\x7f"}, ensure_ascii=False)
    safe = json_safe(raw)
    assert "\x9b" not in safe and json.loads(safe) == json.loads(raw)


def test_file_error_lines():
    assert str(FileError("p.yaml", "bad", 3, 7, "skills.x")) == "p.yaml:3:7: skills.x: bad"
    assert str(FileError("p.yaml", "no such file")) == "p.yaml: no such file"
    warning = FileError("p.yaml", "odd", 1, 2, "tools.0", severity="warning")
    assert str(warning) == "p.yaml:1:2: tools.0: warning: odd"
    assert FileErrors([FileError("a", "first", 1, 1), FileError("a", "second", 2, 1)]).report() == (
        "a:1:1: first"
    )


def test_messages_are_one_line_even_with_newlines_from_files():
    assert "\n" not in str(FileError("p.yaml", "unknown role 'a\nb'", 1, 1))
    assert PmoError("x\ny").report() == "pmoladder: error: x\\ny"


def test_did_you_mean():
    assert (
        did_you_mean("leadrship", ["leadership", "governance"]) == " (did you mean 'leadership'?)"
    )
    assert did_you_mean("zzz", ["leadership"]) == ""


def test_suggestions_prefer_a_shared_word():
    choices = ["people-management", "risk", "planning"]
    assert did_you_mean("risk-management", choices) == " (did you mean 'risk'?)"
    assert (
        did_you_mean("leadrship", ["leadership", "governance"]) == " (did you mean 'leadership'?)"
    )


def test_suggestions_stop_after_the_first_errors_of_a_file():
    assert did_you_mean("leadrship", ["leadership"], so_far=MAX_HINTS - 1)
    assert did_you_mean("leadrship", ["leadership"], so_far=MAX_HINTS) == ""
    many = [f"role-{i}" for i in range(5000)] + ["leadership"]
    assert did_you_mean("leadrship", many, so_far=2)
    assert did_you_mean("leadrship", many, so_far=3) == ""


def test_a_file_of_many_errors_reports_the_first_hundred_and_a_count():
    errors = [FileError("p.yaml", f"bad {i}", i + 1, 1) for i in range(250)][::-1]
    found = FileErrors(errors).errors
    assert [e.line for e in found[:MAX_ERRORS]] == list(range(1, MAX_ERRORS + 1))
    assert str(found[-1]) == "p.yaml: and 150 more problems, not shown"
    again = FileErrors(found + [FileError("p.yaml", "late", 1, 2)]).errors
    assert str(again[-1]) == "p.yaml: and 151 more problems, not shown"
