from __future__ import annotations

from pmoladder.gap import Standing, standing_of_role
from pmoladder.progression import (
    MAX_ROUTES,
    changes_between,
    match,
    next_rungs,
    routes,
    shortest_paths,
)


def ids(roles):
    return [r.id for r in roles]


def shortest_path(ladder, start, end):
    """The first of the shortest routes, the one `path` shows first."""
    return next(shortest_paths(ladder, start, end), None)


def test_shortest_path_by_moves_and_in_ladder_order(builtin):
    roles = builtin.roles
    assert ids(shortest_path(builtin, roles["coordinator"], roles["cpo"])) == [
        "coordinator",
        "pmo-analyst",
        "pmo-manager",
        "director",
        "cpo",
    ]
    assert ids(shortest_path(builtin, roles["pm"], roles["pmo-manager"])) == ["pm", "pmo-manager"]
    assert ids(shortest_path(builtin, roles["pm"], roles["pm"])) == ["pm"]


def test_no_path_downwards(builtin):
    assert shortest_path(builtin, builtin.roles["cpo"], builtin.roles["coordinator"]) is None


def test_ties_follow_the_order_of_next(builtin):
    # two routes of two moves; pm lists program-manager before pmo-manager (not alphabetical)
    roles = builtin.roles
    assert ids(shortest_path(builtin, roles["pm"], roles["director"])) == [
        "pm",
        "program-manager",
        "director",
    ]


def test_changes_include_decreases_and_skills_that_appear_or_vanish(builtin):
    changes = changes_between(
        builtin, builtin.roles["program-manager"], builtin.roles["pmo-manager"]
    )
    assert ("risk-management", 4, 3) in [(c.skill, c.before, c.after) for c in changes]
    changes = changes_between(builtin, builtin.roles["coordinator"], builtin.roles["junior-pm"])
    assert ("hybrid-delivery", 0, 1) in [(c.skill, c.before, c.after) for c in changes]


def test_a_route_reports_new_certifications_and_readiness(mini):
    person = Standing(role=None, levels={"planning": 2}, certifications=frozenset(), years=1)
    path = routes(mini, mini.roles["starter"], mini.roles["head"], person).paths[0]
    first, lead, head = path.rungs
    assert first.changes == [] and first.gap.readiness == 0.5
    assert lead.new_required == ["cert-a"] and lead.new_recommended == ["cert-b"]
    assert [(c.skill, c.before, c.after) for c in head.changes] == [
        ("planning", 2, 0),
        ("people", 3, 0),
        ("money", 1, 0),
    ]
    assert head.gap.readiness == 1.0 and not head.gap.ready  # 8.5 years expected


def test_a_route_without_a_profile_has_no_readiness(mini):
    path = routes(mini, mini.roles["starter"], mini.roles["lead"], None).paths[0]
    assert [r.gap for r in path.rungs] == [None, None]


def test_next_and_match(builtin):
    standing = standing_of_role(builtin, builtin.roles["pm"])
    assert [g.target.id for g in next_rungs(builtin, standing, builtin.roles["pm"])] == [
        "program-manager",
        "pmo-manager",
    ]
    result = match(builtin, standing)
    assert [g.target.id for g in result.gaps] == list(builtin.roles)
    assert result.highest_ready.id == "pm"


def test_match_with_nothing_ready(mini):
    nobody = Standing(role=None, levels={}, certifications=frozenset(), years=0)
    assert match(mini, nobody).highest_ready is None


def test_every_shortest_route_in_the_order_of_next(builtin):
    roles = builtin.roles
    found = [ids(r) for r in shortest_paths(builtin, roles["pm"], roles["director"])]
    assert found == [["pm", "program-manager", "director"], ["pm", "pmo-manager", "director"]]


def test_via_keeps_only_routes_through_that_role(builtin):
    roles = builtin.roles
    result = routes(builtin, roles["coordinator"], roles["cpo"], None, via=roles["pm"])
    assert [[r.role.id for r in p.rungs] for p in result.paths] == [
        ["coordinator", "junior-pm", "pm", "program-manager", "director", "cpo"],
        ["coordinator", "junior-pm", "pm", "pmo-manager", "director", "cpo"],
    ]
    assert not result.more
    assert routes(builtin, roles["pm"], roles["cpo"], None, via=roles["coordinator"]).paths == []


def test_routes_are_capped_and_say_so(write):
    from pmoladder.ladder import load_ladder

    layers = [[f"r{i}a", f"r{i}b"] for i in range(6)]  # 2 ** 5 = 32 equal routes
    lines = ["schema_version: 1", "name: Wide", "scale: [{level: 0, name: Zero}]"]
    lines += [
        "skills: [{id: s, name: S}]",
        "roles:",
        "  - {id: start, name: Start, next: [r0a, r0b]}",
    ]
    for i, layer in enumerate(layers):
        nxt = layers[i + 1] if i + 1 < len(layers) else []
        lines += [f"  - {{id: {r}, name: {r}, next: [{', '.join(nxt)}]}}" for r in layer]
    ladder = load_ladder(write("wide.yaml", "\n".join(lines) + "\n"))
    result = routes(ladder, ladder.roles["start"], ladder.roles["r5a"], None)
    assert len(result.paths) == MAX_ROUTES and result.more
