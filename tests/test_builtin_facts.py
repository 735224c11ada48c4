"""The facts of the built-in ladder that matter most to someone who signs it off.

Certification rules come from the issuers (checked November 2026); if an issuer changes a
rule, change the ladder and this test together.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.gap import Standing, compute_gap
from pmoladder.ladder import Ladder, builtin_path

PEOPLECERT = [
    "prince2-foundation",
    "prince2-practitioner",
    "prince2-agile-practitioner",
    "msp-foundation",
    "msp-practitioner",
    "p3o-foundation",
    "p3o-practitioner",
    "mop-foundation",
    "mop-practitioner",
]
PMI = ["capm", "pmp", "pgmp", "pfmp", "pmi-acp", "pmi-rmp", "pmi-pmocp"]
GATED = ["program-manager", "pmo-manager", "director", "cpo"]


def named(role) -> set[str]:
    held = role.certifications
    return {*held.required, *held.recommended, *(c for g in held.required_any for c in g)}


@pytest.mark.parametrize("cert_id", PEOPLECERT)
def test_peoplecert_certificates_have_a_three_year_renew_by_date(builtin: Ladder, cert_id):
    cert = builtin.certifications[cert_id]
    assert cert.renews_every_years == 3 and cert.issuer.startswith("PeopleCert")
    assert "PeopleCert's 3-year renew-by rule" in cert.description
    assert "20 CPD points a year" in cert.description


@pytest.mark.parametrize("cert_id", PMI)
def test_pmi_credentials_renew_every_three_years(builtin: Ladder, cert_id):
    cert = builtin.certifications[cert_id]
    assert cert.renews_every_years == 3 and cert.issuer == "PMI"
    assert "PMI's 3-year cycle" in cert.description


def test_scrum_renewal_rules(builtin: Ladder):
    assert builtin.certifications["csm"].renews_every_years == 2
    assert builtin.certifications["psm-i"].renews_every_years is None


def test_every_certification_says_which_renewal_rule_it_follows(builtin: Ladder):
    for cert in builtin.certifications.values():
        assert "rule" in cert.description or "cycle" in cert.description, cert.id


def test_eligibility_routes(builtin: Ladder):
    pmp = " ".join(builtin.certifications["pmp"].eligibility.split())
    for route in ("36 months", "GAC-accredited programme and 24 months", "60 months", "35 hours"):
        assert route in pmp
    prince2 = builtin.certifications["prince2-practitioner"].eligibility
    for accepted in ("PRINCE2 Foundation", "PMP", "CAPM", "A, B, C or D", "PMQ", "PPQ"):
        assert accepted in prince2
    assert "February 2025" in builtin.certifications["pmi-pmocp"].description


def test_every_certification_is_used_and_every_one_used_is_defined(builtin: Ladder):
    used = set().union(*(named(role) for role in builtin.roles.values()))
    assert used == set(builtin.certifications)
    assert {"pmi-pmocp", "apm-pmq", "apm-ppq", "apm-chpp", "prince2-agile-practitioner"} <= used


def test_gates_accept_equivalents_and_nothing_is_required_alone(builtin: Ladder):
    for role in builtin.roles.values():
        assert role.certifications.required == [], role.id
        assert bool(role.certifications.required_any) == (role.id in GATED), role.id
    for role_id in GATED:
        (group,) = builtin.roles[role_id].certifications.required_any
        assert {"pmp", "prince2-practitioner", "apm-ppq", "apm-chpp", "ipma-b"} <= set(group)
    assert "msp-practitioner" in builtin.roles["program-manager"].certifications.required_any[0]
    assert "p3o-practitioner" in builtin.roles["pmo-manager"].certifications.required_any[0]
    assert "pmi-pmocp" in builtin.roles["pmo-manager"].certifications.required_any[0]


@pytest.mark.parametrize("role_id", GATED)
@pytest.mark.parametrize("cert_id", ["pmp", "apm-chpp", "prince2-practitioner"])
def test_a_chartered_or_prince2_professional_can_be_ready(builtin: Ladder, role_id, cert_id):
    role = builtin.roles[role_id]
    levels = {sid: req.level for sid, req in role.skills.items()}
    person = Standing(None, levels, frozenset({cert_id}), role.min_years)
    assert compute_gap(builtin, person, role).ready
    assert not compute_gap(builtin, Standing(None, levels, frozenset(), None), role).ready


def test_years_grow_along_every_next_move(builtin: Ladder):
    for role in builtin.roles.values():
        for nxt in role.next:
            assert builtin.roles[nxt].min_years > role.min_years, (role.id, nxt)


def test_the_built_in_ladder_passes_its_own_lint():
    result = CliRunner().invoke(app, ["ladder", "lint", str(builtin_path())])
    assert (result.exit_code, result.stdout) == (0, "")


def test_the_one_sideways_move_is_marked(builtin: Ladder):
    """Program manager to PMO manager lowers four skills; the ladder must say it means to."""
    text = builtin_path().read_text(encoding="utf-8")
    block = text.split("  - id: pmo-manager\n", 1)[1].split("  - id: ", 1)[0]
    assert "x-sideways: true" in block


def test_levels_fit_the_roles_own_responsibilities(builtin: Ladder):
    def level(role_id: str, skill_id: str) -> int:
        req = builtin.roles[role_id].skills.get(skill_id)
        return req.level if req else 0

    for skill_id in ("executive-influence", "strategic-thinking", "benefits-realisation"):
        assert level("pm", skill_id) >= 3, skill_id
    for skill_id in ("risk-management", "cost-management", "quality-management"):
        assert level("coordinator", skill_id) >= 2, skill_id
    assert level("program-manager", "strategic-thinking") > level("pm", "strategic-thinking")
    top = max(level(r, "planning-scheduling") for r in builtin.roles)
    assert level("cpo", "planning-scheduling") == top


def test_level_two_is_not_named_like_a_certificate(builtin: Ladder):
    assert builtin.level_name(2) == "Practised"
    names = {s.name.casefold() for s in builtin.scale}
    assert not any(n in c.name.casefold() for c in builtin.certifications.values() for n in names)


def test_kpis_are_tied_to_roles_and_the_pmo_measures_itself(builtin: Ladder):
    used = set().union(*(role.kpis for role in builtin.roles.values()))
    assert used == {k.id for k in builtin.kpis}
    assert all(role.kpis for role in builtin.roles.values())
    assert "pmo-service-performance" in builtin.roles["pmo-manager"].kpis


def test_feedback_and_actions_the_source_asks_for(builtin: Ladder):
    feedback = " ".join(f.description for f in builtin.feedback)
    assert "project managers" in feedback and "team members" in feedback
    actions = " ".join(a for step in builtin.steps for a in step.actions)
    for wanted in ("formal training", "feedback", "Stay current", "Involve the people affected"):
        assert wanted in actions, wanted
