from __future__ import annotations

import datetime as dt

import pytest

from pmoladder.errors import FileErrors, PmoError
from pmoladder.profile import load_profile, profile_path


def errors_of(write, mini, text: str) -> list[str]:
    with pytest.raises(FileErrors) as info:
        load_profile(write("p.yaml", text), mini)
    return [str(e) for e in info.value.errors]


def test_levels_by_number_or_name_in_any_case(write, mini):
    person = load_profile(
        write(
            "p.yaml",
            """\
current_role: Team Lead
skills:
  planning: 2
  people: {level: STRONG, evidence: "Ran the offsite", assessed: 2026-01-31}
  money: {level: "basic", assessed: "2025-12-01"}
""",
        ),
        mini,
    )
    assert person.current_role.id == "lead"
    assert person.standing().levels == {"planning": 2, "people": 3, "money": 1}
    assert person.skills["people"].evidence == "Ran the offsite"
    assert person.skills["money"].assessed == dt.date(2025, 12, 1)


def test_unknown_skill_suggests_the_right_id(write, mini):
    (err,) = errors_of(write, mini, "skills:\n  planing: 2\n")
    assert err.endswith(":2:3: skills.planing: unknown skill 'planing' (did you mean 'planning'?)")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4", "level 4 is outside the scale 0..3"),
        ("-1", "level -1 is outside"),
        ("2.5", "expected a level"),
        ("yes", "expected a level"),
        ("great", "unknown level name"),
        ("goood", "did you mean 'good'"),
        ('"2"', "quoted text: write the number without quotes"),
    ],
)
def test_bad_levels_are_errors_not_coercions(write, mini, value, expected):
    (err,) = errors_of(write, mini, f"skills:\n  planning: {value}\n")
    assert ":2:13: skills.planning" in err and expected in err


def test_every_error_in_the_file_is_reported(write, mini):
    errs = errors_of(write, mini, "current_role: lede\nskills: {nope: 1, people: 9}\n")
    assert len(errs) == 3
    assert "unknown role 'lede' (did you mean 'lead'?)" in errs[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("years_experience: -1\n", "expected a number 0 or more"),
        ("years_experience: ten\n", "expected a number 0 or more"),
        ("years_experience: .nan\n", "expected a number 0 or more"),
        ("skills: [planning]\n", "expected a mapping of keys, got a list"),
        ("nmae: Alex\n", "unknown key 'nmae' (did you mean 'name'?)"),
        ("skills:\n  planning: {levl: 2}\n", "unknown key 'levl' (did you mean 'level'?)"),
        ("certifications:\n  - {id: cert-a, earned: last year}\n", "YYYY-MM-DD"),
    ],
)
def test_structural_errors(write, mini, text, expected):
    assert any(expected in e for e in errors_of(write, mini, text))


def test_unknown_certifications_and_tools_are_warnings(write, mini):
    person = load_profile(
        write("p.yaml", "certifications: [cert-a, cert-z, {id: pmp}]\ntools: [bord]\n"), mini
    )
    assert set(person.certifications) == {"cert-a", "cert-z", "pmp"}
    warnings = [str(w) for w in person.warnings]
    assert len(warnings) == 3
    assert warnings[0].endswith(
        ":1:26: certifications.1: warning: unknown certification "
        "'cert-z' (did you mean 'cert-a', 'cert-b'?)"
    )
    assert "unknown tool 'bord' (did you mean 'board'?)" in warnings[2]


def test_extension_keys_are_ignored(write, mini):
    person = load_profile(write("p.yaml", "x-team: blue\nskills: {planning: 1, x-old: 9}\n"), mini)
    assert person.standing().levels == {"planning": 1}


def test_profile_path_precedence(monkeypatch, tmp_path):
    with pytest.raises(PmoError, match="pmoladder init"):
        profile_path(None)
    (tmp_path / "profile.yaml").write_text("{}")
    assert profile_path(None) == "profile.yaml"
    monkeypatch.setenv("PMOLADDER_PROFILE", "from-env.yaml")
    assert profile_path(None) == "from-env.yaml"
    assert profile_path("given.yaml") == "given.yaml"


@pytest.mark.parametrize("text", ["?\n", "1: 2\n", "? [a]\n: b\n"])
def test_keys_that_are_not_strings_are_one_error(write, mini, text):
    with pytest.raises(PmoError) as info:
        load_profile(write("p.yaml", text), mini)
    assert str(info.value).count("\n") == 0 and ":1:" in str(info.value)
