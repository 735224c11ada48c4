from __future__ import annotations

from pmoladder.profile import load_profile
from pmoladder.team import team_view


def test_coverage_counts_who_meets_each_skill_thinnest_first(mini, write):
    people = [
        (name, load_profile(write(f"{name}.yaml", text), mini))
        for name, text in [
            ("a", "name: A\nskills: {planning: 2, people: 3}\n"),
            ("b", "skills: {planning: 3, people: 1, money: 1}\n"),
        ]
    ]
    team = team_view(mini, people, mini.roles["lead"])
    assert [m.label for m in team.members] == ["A", "b"]
    cover = {c.skill.id: (c.required, c.levels, c.meeting) for c in team.coverage}
    assert cover == {"planning": (2, [2, 3], 2), "people": (3, [3, 1], 1), "money": (1, [0, 1], 1)}
    assert [c.skill.id for c in team.coverage] == ["people", "money", "planning"]
    assert team.members[0].gap.readiness == (2 + 2 * 3) / 9
