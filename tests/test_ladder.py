from __future__ import annotations

from collections import deque

import pytest

from pmoladder.errors import FileErrors, PmoError
from pmoladder.ladder import Ladder, load_ladder

ROLE_IDS = [
    "coordinator",
    "junior-pm",
    "pmo-analyst",
    "pm",
    "program-manager",
    "pmo-manager",
    "director",
    "cpo",
]


# --- the built-in knowledge base --------------------------------------------------------


def test_roles_are_the_ladder_in_order(builtin: Ladder):
    assert list(builtin.roles) == ROLE_IDS
    assert {r.tier for r in builtin.roles.values()} == {"entry", "mid", "senior"}


def test_every_role_is_described(builtin: Ladder):
    for role in builtin.roles.values():
        assert role.summary and len(role.responsibilities) >= 3, role.id
        assert role.skills and role.tools, role.id


def test_cpo_is_reachable_from_coordinator_and_every_role_is_on_a_path(builtin: Ladder):
    seen, queue = {"coordinator"}, deque(["coordinator"])
    while queue:
        for nxt in builtin.roles[queue.popleft()].next:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    assert seen == set(ROLE_IDS)


def test_pm_can_move_to_programme_or_pmo(builtin: Ladder):
    assert set(builtin.roles["pm"].next) == {"program-manager", "pmo-manager"}


def test_tiers_never_go_down_and_years_grow_along_next(builtin: Ladder):
    rank = list(builtin.tiers).index
    for role in builtin.roles.values():
        for nxt in map(builtin.roles.get, role.next):
            assert rank(nxt.tier) >= rank(role.tier), (role.id, nxt.id)
            assert nxt.min_years > role.min_years, (role.id, nxt.id)


def test_the_pmo_track_leads_through_the_pmo_manager(builtin: Ladder):
    assert builtin.roles["coordinator"].next == ["junior-pm", "pmo-analyst"]
    assert builtin.roles["pmo-analyst"].next == ["pmo-manager"]


def test_requirements_grow_overall_up_the_main_line(builtin: Ladder):
    def total(role_id: str) -> int:
        return sum(level for _, level, _ in builtin.requirements(builtin.roles[role_id]))

    line = ["coordinator", "junior-pm", "pm", "program-manager", "director", "cpo"]
    totals = [total(r) for r in line]
    assert totals == sorted(totals) and len(set(totals)) == len(totals)


def test_scale_is_apm_like_zero_to_five(builtin: Ladder):
    assert [s.level for s in builtin.scale] == [0, 1, 2, 3, 4, 5]
    assert builtin.level_of("practised") == 2 and builtin.level_of("Expert") == 5
    assert builtin.level_of("practitioner") is None  # a certificate's name, not a level


def test_skills_cover_the_five_areas_and_describe_every_level(builtin: Ladder):
    assert 12 <= len(builtin.skills) <= 20
    assert set(builtin.categories) == {"ways-of-working", "power-skills", "business-acumen"}
    for skill in builtin.skills.values():
        assert sorted(skill.levels) == [1, 2, 3, 4, 5], skill.id
        assert any(skill.id in r.skills for r in builtin.roles.values()), skill.id
    for expected in (
        "agile-delivery",
        "predictive-delivery",
        "hybrid-delivery",
        "strategic-thinking",
        "stakeholder-management",
        "change-management",
        "data-driven-decisions",
        "risk-management",
        "cost-management",
        "quality-management",
        "resource-management",
        "pmo-services",
    ):
        assert expected in builtin.skills


def test_certifications_carry_issuer_and_eligibility(builtin: Ladder):
    for cert_id in (
        "capm",
        "pmp",
        "pgmp",
        "pfmp",
        "pmi-acp",
        "prince2-foundation",
        "prince2-practitioner",
        "csm",
        "p3o-practitioner",
        "msp-practitioner",
    ):
        cert = builtin.certifications[cert_id]
        assert cert.issuer and cert.eligibility, cert_id
    assert builtin.certifications["pmp"].renews_every_years == 3


def test_steps_challenges_kpis_tools(builtin: Ladder):
    assert len(builtin.steps) == 6 and all(s.develops and s.actions for s in builtin.steps)
    assert {c.id for c in builtin.challenges} >= {
        "resistance-to-change",
        "standardization-vs-flexibility",
        "stakeholder-buy-in",
    }
    assert {k.id for k in builtin.kpis} >= {
        "project-completion-rate",
        "budget-adherence",
        "stakeholder-satisfaction",
        "business-impact",
    }
    assert {"ms-project", "asana", "jira"} <= set(builtin.tools)


@pytest.mark.parametrize(
    "query", ["director", "Director of PMO", "DIRECTOR-OF-PMO", "pmo-director", " director "]
)
def test_role_lookup_by_id_alias_or_name(builtin: Ladder, query: str):
    assert builtin.role(query).id == "director"


def test_unknown_role_suggests_close_matches(builtin: Ladder):
    with pytest.raises(PmoError, match="did you mean 'director'"):
        builtin.role("directr")


# --- invalid ladders ---------------------------------------------------------------------

MINIMAL = """\
schema_version: 1
name: L
scale: [{level: 0, name: Zero}, {level: 1, name: One}]
skills: [{id: a, name: A}]
roles:
  - id: r
    name: R
    skills: {a: 1}
"""


def errors_of(write, text: str) -> list[str]:
    with pytest.raises(FileErrors) as info:
        load_ladder(write("ladder.yaml", text))
    return [str(e) for e in info.value.errors]


def test_minimal_ladder_loads(write):
    ladder = load_ladder(write("ladder.yaml", MINIMAL))
    assert ladder.max_level == 1 and ladder.roles["r"].min_years == 0


def test_any_tier_is_fine_when_none_are_declared(write):
    ladder = load_ladder(write("ladder.yaml", MINIMAL.replace("name: R", "name: R\n    tier: x")))
    assert ladder.roles["r"].tier == "x"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("skills: {a: 1}", "skills: {b: 1}"), ":8:14: roles.0.skills.b: unknown skill 'b'"),
        (("skills: {a: 1}", "skills: {a: 2}"), "level 2 is outside the scale 0..1"),
        (("skills: {a: 1}", "skills: {a: 1}\n    next: [x]"), "roles.0.next.0: unknown role 'x'"),
        (("{level: 1, name: One}", "{level: 2, name: Two}"), "scale: levels must run 0, 1, 2"),
        (
            ("skills: [{id: a, name: A}]", "skills: [{id: a, name: A}, {id: a, name: B}]"),
            "id 'a' is used twice in skills",
        ),
        (("skills: {a: 1}", "skills: {a: yes}"), "expected a whole number, got true"),
        (("skills: {a: 1}", "skills: {a: 1.5}"), "expected a whole number, got 1.5"),
        (("skills: {a: 1}", "skills: {a: {level: 1, weight: 0}}"), "greater than 0"),
        (("name: R", "nmae: R"), "unknown key 'nmae' (did you mean 'name'?)"),
        (("schema_version: 1", "schema_version: 2"), "expected 1"),
        (("- id: r", "- id: R"), "not a valid id"),
        (
            ("name: R", "name: R\n    certifications: {required: [pmp]}"),
            "unknown certification 'pmp'",
        ),
    ],
)
def test_invalid_ladders_are_located(write, change, expected):
    path = write("ladder.yaml", MINIMAL.replace(*change))
    with pytest.raises(FileErrors) as info:
        load_ladder(path)
    first = str(info.value.errors[0])
    assert first.startswith(path + ":") and expected in first, first


def test_yaml_booleans_as_names_are_caught(write):
    errors = errors_of(write, MINIMAL.replace("name: Zero", "name: No"))
    assert errors[0].endswith(
        ":3:26: scale.0.name: expected text, got false "
        "(YAML reads yes, no, on and off so: quote the word)"
    )


def test_unknown_tier_when_tiers_are_declared(write):
    text = MINIMAL + "tiers: [{id: low, name: Low}]\n"
    errors = errors_of(write, text.replace("name: R", "name: R\n    tier: lowe"))
    assert any("unknown tier 'lowe' (did you mean 'low'?)" in e for e in errors)


def test_aliases_must_be_unique_across_roles(write):
    text = MINIMAL + "  - {id: s, name: S, aliases: [r]}\n"
    assert any("'r' already names role 'r'" in e for e in errors_of(write, text))


def test_next_may_name_an_alias_and_is_normalised(write):
    text = MINIMAL.replace("skills: {a: 1}", "skills: {a: 1}\n    next: [big]")
    text += "  - {id: s, name: S, aliases: [big]}\n"
    assert load_ladder(write("ladder.yaml", text)).roles["r"].next == ["s"]


def test_groups_keep_the_declared_order_name_each_group_and_drop_empty_ones(write):
    path = write(
        "l.yaml",
        "schema_version: 1\nname: L\nscale: [{level: 0, name: None}, {level: 1, name: Some}]\n"
        "categories: [{id: empty, name: Empty}, {id: core, name: Core Skills}]\n"
        "skills:\n  - {id: a, name: A}\n  - {id: b, name: B, category: core}\n"
        "  - {id: c, name: C, category: core}\n"
        "roles: [{id: r, name: R, skills: {a: 1}}]\n",
    )
    ladder = load_ladder(path)
    named = [(name, [s.id for s in members]) for name, members in ladder.skills_by_category()]
    assert named == [("Core Skills", ["b", "c"]), (None, ["a"])]
    assert [(name, [r.id for r in members]) for name, members in ladder.roles_by_tier()] == [
        (None, ["r"])
    ]
