from __future__ import annotations

import datetime as dt

from pmoladder.assessment import Answer, apply_answers, level_card, read_level, skills_to_assess
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
    assert read_level(mini, "", 2) == 2
    assert read_level(mini, " 3 ", 0) == 3
    assert read_level(mini, "good", 0) == 2
    assert read_level(mini, "4", 0) is None and read_level(mini, "great", 0) is None


def test_skills_to_assess(mini: Ladder):
    assert [s.id for s in skills_to_assess(mini, mini.roles["lead"])] == [
        "planning",
        "people",
        "money",
    ]
    assert [s.id for s in skills_to_assess(mini, None)] == ["planning", "people", "money", "unused"]


def test_level_card_shows_every_level_and_the_requirement(mini: Ladder):
    card = level_card(mini, mini.skills["people"], mini.roles["lead"])
    assert card.splitlines()[1:] == [
        "People (people): Team Lead needs 3 Strong",
        "  0 None: ",
        "  1 Basic: ",
        "  2 Good: ",
        "  3 Strong: ",
    ]
