from __future__ import annotations

import datetime as dt

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from pmoladder.assessment import (
    Answer,
    ProfileText,
    apply_answers,
    first_difference,
    level_card,
    read_level,
    skills_to_assess,
)
from pmoladder.errors import PmoError, printable
from pmoladder.ladder import Ladder

PROFILE = """\
# yaml-language-server: $schema=profile.schema.json
name: Alex   # keep me
skills:
  planning: 1     # a trailing comment
  people: {level: 2, evidence: "Ran the offsite"}
x-team: blue
certifications: [cert-a]
"""


def test_answers_keep_comments_order_and_unrelated_content():
    out = apply_answers(
        PROFILE,
        {
            "planning": Answer(2, None),
            "people": Answer(3, "Led a team"),
            "money": Answer(1, "Budget owner"),
        },
        dt.date(2026, 11, 26),
    )
    assert out.splitlines() == [
        "# yaml-language-server: $schema=profile.schema.json",
        "name: Alex   # keep me",
        "skills:",
        "  planning: {level: 2, assessed: 2026-11-26} # a trailing comment",
        '  people: {level: 3, evidence: "Led a team", assessed: 2026-11-26}',
        "  money: {level: 1, evidence: Budget owner, assessed: 2026-11-26}",
        "x-team: blue",
        "certifications: [cert-a]",
    ]


def test_a_profile_without_skills_gets_them():
    out = apply_answers("name: A\n", {"planning": Answer(1, None)}, dt.date(2026, 1, 2))
    assert out == "name: A\nskills:\n  planning: {level: 1, assessed: 2026-01-02}\n"


def test_read_level(mini: Ladder):
    assert read_level(mini, " 3 ") == 3
    assert read_level(mini, "good") == 2 and read_level(mini, "GOOD") == 2
    assert read_level(mini, "4") is None and read_level(mini, "great") is None
    assert read_level(mini, "") is None


@pytest.mark.parametrize("typed", ["\u00b2", "\u0663", "9" * 5000, "1.0", "-1", "+2", "0x1"])
def test_levels_that_are_no_number_of_the_scale_are_refused(mini: Ladder, typed):
    assert read_level(mini, typed) is None


def test_skills_to_assess(mini: Ladder):
    assert [s.id for s in skills_to_assess(mini, mini.roles["lead"])] == [
        "planning",
        "people",
        "money",
    ]
    assert [s.id for s in skills_to_assess(mini, None)] == ["planning", "people", "money", "unused"]
    chosen = skills_to_assess(mini, mini.roles["lead"], ["money", "Planning", "money"])
    assert [s.id for s in chosen] == ["money", "planning"]
    with pytest.raises(PmoError, match="unknown skill 'plannin' \\(did you mean 'planning'"):
        skills_to_assess(mini, None, ["plannin"])


def test_level_card_shows_every_level_and_the_requirement(mini: Ladder):
    card = level_card(mini, mini.skills["people"], mini.roles["lead"], "Skill 2 of 3")
    assert card.splitlines()[1:] == [
        "Skill 2 of 3: People (people), Team Lead needs 3\u00a0Strong",
        "  0 None:",
        "  1 Basic:",
        "  2 Good:",
        "  3 Strong:",
    ]


def load(text: str):
    return yaml.safe_load(text)


def test_an_entry_shared_through_an_anchor_changes_only_where_answered():
    text = "x-mid: &mid {level: 2}\nskills:\n  planning: *mid\n  people: *mid\n"
    out = apply_answers(text, {"planning": Answer(3, None)}, dt.date(2026, 1, 2))
    assert out == (
        "x-mid: &mid {level: 2}\nskills:\n"
        "  planning: {level: 3, assessed: 2026-01-02}\n  people: *mid\n"
    )


def test_answering_the_entry_that_holds_the_anchor_leaves_its_aliases_alone():
    text = "skills:\n  planning: &mid {level: 2}\n  people: *mid\n"
    out = load(apply_answers(text, {"planning": Answer(3, "x")}, dt.date(2026, 1, 2)))
    assert out["skills"]["people"] == {"level": 2}
    assert out["skills"]["planning"] == {
        "level": 3,
        "evidence": "x",
        "assessed": dt.date(2026, 1, 2),
    }


def test_a_shared_skills_map_is_copied_before_it_changes():
    text = "skills: &s {planning: {level: 1}}\nx-old: *s\n"
    out = load(apply_answers(text, {"planning": Answer(2, None)}, dt.date(2026, 1, 2)))
    assert out["x-old"] == {"planning": {"level": 1}}
    assert out["skills"]["planning"]["level"] == 2


def test_anchors_stay_anchors_and_dates_are_not_aliased():
    text = "x-a: &a [long, text]\nx-b: [*a, *a, *a]\nskills: {}\n"
    answers = {"planning": Answer(1, None), "people": Answer(2, None)}
    out = apply_answers(text, answers, dt.date(2026, 1, 2))
    assert out.startswith("x-a: &a [long, text]\nx-b: [*a, *a, *a]\n")
    assert "&id" not in out and out.count("2026-01-02") == 2


def test_keeping_the_level_with_new_evidence_keeps_the_level_as_written():
    text = "skills:\n  planning: good  # as a name\n"
    out = apply_answers(text, {"planning": Answer(None, "Ran it")}, dt.date(2026, 1, 2))
    assert out.splitlines()[1] == (
        "  planning: {level: good, evidence: Ran it, assessed: 2026-01-02} # as a name"
    )


TRICKY_EVIDENCE = """\
yes
no
on
off
y
n
true
NULL
~
1:30
190:20:30
0x1F
0o17
017
1_000
1e3
.inf
-.nan
2026-01-01
2026-01-01 10:00:00
=
<<
- item
? q
#hash
a: b
a #b
'single'
"double"
[x]
{y: 1}
&anchor
*alias
!tag
%directive
@at
`tick
|
>
---
...
é ü \u4e2d
back\\slash
tab\there
\u2028 line separator""".split("\n")


@pytest.mark.parametrize("evidence", TRICKY_EVIDENCE)
def test_evidence_reads_back_as_exactly_what_was_typed(evidence):
    out = apply_answers("skills: {}\n", {"planning": Answer(1, evidence)}, dt.date(2026, 1, 2))
    assert load(out)["skills"]["planning"]["evidence"] == evidence


@given(st.text(min_size=1).map(str.strip).filter(lambda t: t and printable(t) == t))
def test_any_printable_evidence_round_trips(evidence):
    out = apply_answers("skills: {}\n", {"planning": Answer(1, evidence)}, dt.date(2026, 1, 2))
    assert load(out)["skills"]["planning"]["evidence"] == evidence


def test_first_difference_names_the_path_and_respects_types():
    assert first_difference({"a": [1, {"b": "yes"}]}, {"a": [1, {"b": "yes"}]}) is None
    assert first_difference({"a": [1, {"b": "yes"}]}, {"a": [1, {"b": True}]}) == ("a", 1, "b")
    assert first_difference({"a": 1}, {"a": True}) == ("a",)
    assert first_difference({"a": 1}, {"a": 1, "b": 2}) == ("b",)
    assert first_difference({"a": [1]}, {"a": [1, 2]}) == ("a",)


def test_a_profile_that_would_outgrow_the_read_limit_is_not_written(tmp_path, monkeypatch):
    path = tmp_path / "p.yaml"
    path.write_text("x-a: &a [" + "x" * 1000 + "]\n")
    text = ProfileText.open(str(path))
    monkeypatch.setattr("pmoladder.assessment.MAX_BYTES", 1500)
    with pytest.raises(PmoError, match="larger than the 0 MiB"):
        text.render({"planning": Answer(1, "y" * 600)}, dt.date(2026, 1, 2))


def test_crlf_and_a_byte_order_mark_are_kept(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"\xef\xbb\xbfname: A\r\nskills:\r\n  planning: 1 # c\r\n")
    out = ProfileText.open(str(path)).render({"people": Answer(2, None)}, dt.date(2026, 1, 2))
    assert out == (
        b"\xef\xbb\xbfname: A\r\nskills:\r\n  planning: 1 # c\r\n"
        b"  people: {level: 2, assessed: 2026-01-02}\r\n"
    )


def test_wrap_keeps_ids_whole_and_indents_continuations():
    from pmoladder.assessment import wrap

    text = (
        "Skill 1 of 9: Delivery (predictive-delivery), Lead needs 2\n  1 Aware: can name the phases"
    )
    assert wrap(text, 40).split("\n") == [
        "Skill 1 of 9: Delivery",
        "  (predictive-delivery), Lead needs 2",
        "  1 Aware: can name the phases",
    ]
    assert wrap("  0 None:\n\n", 40) == "  0 None:\n\n"


def test_ctrl_c_at_a_prompt_ends_the_prompt_line():
    import io

    from pmoladder.assessment import Asker

    class Keyboard(io.StringIO):
        def readline(self, *_):
            raise KeyboardInterrupt

    err = io.StringIO()
    with pytest.raises(KeyboardInterrupt):
        Asker(Keyboard(), err)("Level [0 None]: ")
    assert err.getvalue() == "Level [0 None]: \n"


@given(typed=st.text() | st.text(st.characters(categories=("Nd", "No")), max_size=5000))
def test_any_typed_level_is_a_level_of_the_scale_or_none(mini: Ladder, typed):
    level = read_level(mini, typed)  # mini is session-wide, so hypothesis may reuse it
    assert level is None or 0 <= level <= mini.max_level
