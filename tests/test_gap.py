from __future__ import annotations

import pytest

from pmoladder.gap import Standing, compute_gap, standing_of_role


def standing(levels, certs=(), years=None, role=None) -> Standing:
    return Standing(role=role, levels=levels, certifications=frozenset(certs), years=years)


def test_readiness_is_weighted_and_capped_at_the_requirement(mini):
    gap = compute_gap(mini, standing({"planning": 3, "people": 1}), mini.roles["lead"])
    # (1*min(3,2) + 2*min(1,3) + 1*min(0,1)) / (1*2 + 2*3 + 1*1)
    assert gap.readiness == pytest.approx(4 / 9)
    assert [(s.id, s.current, s.required, s.shortfall) for s in gap.skills] == [
        ("people", 1, 3, 2),
        ("money", 0, 1, 1),
        ("planning", 3, 2, 0),
    ]


def test_ties_keep_the_ladders_skill_order(mini):
    gap = compute_gap(mini, standing({"people": 2}), mini.roles["lead"])
    # planning 1 x 2 ties with people 2 x 1; the ladder lists planning first
    assert [(s.id, s.weight * s.shortfall) for s in gap.skills] == [
        ("planning", 2),
        ("people", 2),
        ("money", 1),
    ]


def test_level_zero_requirements_are_not_listed(mini):
    gap = compute_gap(mini, standing({}), mini.roles["starter"])
    assert [s.id for s in gap.skills] == ["planning", "people"]


def test_a_role_requiring_no_skill_is_fully_ready_on_skills(mini):
    gap = compute_gap(mini, standing({}, years=9), mini.roles["head"])
    assert gap.readiness == 1.0 and gap.skills == [] and gap.ready


def test_certifications_in_the_roles_order(mini):
    gap = compute_gap(mini, standing({}, certs={"cert-b"}), mini.roles["lead"])
    assert (gap.missing_required, gap.missing_recommended) == (["cert-a"], [])


@pytest.mark.parametrize(("years", "expected"), [(None, None), (2, 2), (4, 0), (10, 0), (1.5, 2.5)])
def test_experience_gap(mini, years, expected):
    assert compute_gap(mini, standing({}, years=years), mini.roles["lead"]).years_to_go == expected


def test_ready_needs_skills_required_certs_and_years(mini):
    full = {"planning": 2, "people": 3, "money": 1}
    lead = mini.roles["lead"]
    assert compute_gap(mini, standing(full, {"cert-a"}, 4), lead).ready
    assert compute_gap(mini, standing(full, {"cert-a"}, None), lead).ready  # unknown years
    assert not compute_gap(mini, standing(full, {"cert-b"}, 4), lead).ready
    assert not compute_gap(mini, standing(full, {"cert-a"}, 3), lead).ready
    assert not compute_gap(mini, standing({**full, "money": 0}, {"cert-a"}, 4), lead).ready


def test_from_role_uses_its_levels_certifications_and_years(mini):
    gap = compute_gap(mini, standing_of_role(mini, mini.roles["starter"]), mini.roles["lead"])
    assert gap.readiness == pytest.approx(3 / 9)
    assert gap.current_role.id == "starter"
    assert gap.missing_required == ["cert-a"] and gap.years == 0 and gap.years_to_go == 4
