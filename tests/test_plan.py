from __future__ import annotations

from pmoladder.gap import GapReport, Standing, compute_gap, standing_of_role
from pmoladder.plan import make_plan


def plan_for(ladder, levels, target, certs=(), years=None):
    standing = Standing(role=None, levels=levels, certifications=frozenset(certs), years=years)
    return make_plan(ladder, GapReport(compute_gap(ladder, standing, ladder.roles[target])))


def test_steps_are_scored_by_weight_times_gap_and_zero_scores_dropped(mini):
    plan = plan_for(mini, {"planning": 1}, "lead")
    (step,) = plan.steps  # the one step develops planning and people
    assert step.score == 1 * 1 + 2 * 3
    assert [s.id for s in step.skills] == ["people", "planning"]


def test_steps_scoring_nothing_are_left_out(mini):
    plan = plan_for(mini, {"planning": 2, "people": 3}, "lead")
    assert plan.steps == []


def test_steps_rank_by_score_with_ties_in_ladder_order(builtin):
    pm = standing_of_role(builtin, builtin.roles["pm"])
    plan = make_plan(builtin, GapReport(compute_gap(builtin, pm, builtin.roles["director"])))
    scores = [item.score for item in plan.steps]
    assert scores == sorted(scores, reverse=True) and all(scores)
    order = [s.id for s in builtin.steps]
    ties = [(a, b) for a, b in zip(plan.steps, plan.steps[1:], strict=False) if a.score == b.score]
    assert ties  # the check below has something to check
    for a, b in ties:
        assert order.index(a.step.id) < order.index(b.step.id)


def test_skills_are_banded_top_up_or_develop_with_the_target_descriptor(builtin):
    plan = plan_for(builtin, {"leadership": 4, "strategic-thinking": 2}, "director")
    kinds = {item.skill.id: item.kind for item in plan.skills}
    assert kinds["leadership"] == "top-up" and kinds["strategic-thinking"] == "develop"
    leadership = next(i for i in plan.skills if i.skill.id == "leadership")
    assert leadership.descriptor == builtin.skills["leadership"].levels[5]


def test_certifications_come_with_eligibility(builtin):
    plan = plan_for(builtin, {}, "director")
    assert [(c.certification.id, c.required) for c in plan.certifications][:1] == [("pfmp", False)]
    assert [c.certification.id for c in plan.required_any[0]][:2] == ["pmp", "pgmp"]
    assert plan.certifications[0].certification.eligibility
    assert all(c.certification.eligibility for c in plan.required_any[0])


def test_top_tier_targets_see_every_challenge_and_the_kpis(builtin):
    for target in ("pmo-manager", "director", "cpo"):
        plan = plan_for(builtin, {}, target)
        assert len(plan.challenges) == len(builtin.challenges) and plan.kpis, target


def test_lower_targets_see_only_challenges_touching_their_gaps(builtin):
    pm = builtin.roles["pm"]
    full = {sid: req.level for sid, req in pm.skills.items()}
    plan = plan_for(builtin, {**full, "governance": 1}, "pm")
    assert [c.id for c in plan.challenges] == ["standardization-vs-flexibility"]
    assert [k.id for k in plan.kpis] == sorted(pm.kpis, key=[k.id for k in builtin.kpis].index)
    assert plan_for(builtin, full, "pm").challenges == []


def test_a_skill_without_descriptors_is_described_by_the_scale(write):
    import yaml

    from pmoladder.ladder import load_ladder

    ladder = load_ladder(
        write(
            "l.yaml",
            yaml.safe_dump(
                {
                    "schema_version": 1,
                    "name": "Described by its scale",
                    "scale": [
                        {"level": 0, "name": "None or not applicable"},
                        {"level": 1, "name": "Aware", "description": "Knows it exists."},
                        {"level": 2, "name": "Able", "description": "Does it alone."},
                    ],
                    "skills": [
                        {"id": "plain", "name": "Plain"},
                        {"id": "own", "name": "Own", "levels": {2: "Runs the ward round."}},
                    ],
                    "roles": [{"id": "nurse", "name": "Nurse", "skills": {"plain": 2, "own": 2}}],
                }
            ),
        )
    )
    plan = plan_for(ladder, {}, "nurse")
    assert {item.skill.id: item.descriptor for item in plan.skills} == {
        "plain": "Does it alone.",
        "own": "Runs the ward round.",
    }
