"""Stable, deterministic JSON for scripts: same inputs, same bytes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pmoladder.errors import json_safe

if TYPE_CHECKING:
    from pmoladder.compare import Diff, ProfileChanges
    from pmoladder.gap import Gap, SkillGap
    from pmoladder.ladder import Ladder
    from pmoladder.models import Role, Skill
    from pmoladder.plan import CertificationItem, Plan
    from pmoladder.progress import Progress
    from pmoladder.progression import Match, Route, Routes
    from pmoladder.team import Member, Placed, Skipped, Team


def dumps(data: Any) -> str:
    return json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"


def dumps_rows(data: dict[str, Any]) -> str:
    """As `dumps`, but each entry of a top-level list on a line of its own. A team of
    thousands is then written by json's C encoder (an indented dump runs in Python,
    several times slower), and the output reads and diffs as one person per line."""
    parts = []
    for key, value in data.items():
        name = json.dumps(key, ensure_ascii=False)
        if isinstance(value, list) and value:
            rows = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f"  {name}: [\n{rows}\n  ]")
        else:
            parts.append(f"  {name}: {json.dumps(value, ensure_ascii=False)}")
    return json_safe("{\n" + ",\n".join(parts) + "\n}") + "\n"


def ref(entry: Any) -> dict[str, str] | None:
    return None if entry is None else {"id": entry.id, "name": entry.name}


def _dated(entries: dict[str, Any]) -> list[dict[str, str]]:
    return [{"id": key, "on": day.isoformat()} for key, day in entries.items()]


def gap_data(gap: Gap) -> dict[str, Any]:
    fresh = gap.freshness
    skills = _skill_gaps(gap.skills)
    for entry in skills:
        assessed = fresh.assessed.get(entry["id"]) if fresh else None
        entry["assessed"] = assessed.isoformat() if assessed else None
        entry["stale"] = bool(fresh and entry["id"] in fresh.stale)
    return {
        "target": ref(gap.target),
        "current_role": ref(gap.current_role),
        "readiness": round(gap.readiness, 3),
        "ready": gap.ready,
        "skills": skills,
        "certifications": {
            "missing_required": gap.missing_required,
            "missing_required_any": gap.missing_required_any,
            "missing_recommended": gap.missing_recommended,
            "expired": _dated(fresh.expired) if fresh else [],
            "expiring": _dated(fresh.expiring) if fresh else [],
        },
        "experience": {
            "years": gap.years,
            "required": gap.required_years,
            "gap": gap.experience_gap,
        },
    }


def gap(ladder: Ladder, result: Gap) -> str:
    return dumps(gap_data(result))


def roles(ladder: Ladder) -> str:
    return dumps(
        {
            "ladder": ladder.name,
            "roles": [
                {
                    "id": role.id,
                    "name": role.name,
                    "tier": role.tier,
                    "aliases": role.aliases,
                    "min_years": role.min_years,
                    "next": role.next,
                }
                for role in ladder.roles.values()
            ],
        }
    )


def role_data(ladder: Ladder, role: Role) -> dict[str, Any]:
    return {
        "id": role.id,
        "name": role.name,
        "tier": role.tier,
        "aliases": role.aliases,
        "summary": role.summary,
        "responsibilities": role.responsibilities,
        "min_years": role.min_years,
        "skills": [
            {
                "id": skill.id,
                "name": skill.name,
                "level": level,
                "level_name": ladder.level_name(level),
                "weight": float(weight),
            }
            for skill, level, weight in ladder.requirements(role)
        ],
        "certifications": {
            "required": [ref(ladder.certifications[c]) for c in role.certifications.required],
            "required_any": [
                [ref(ladder.certifications[c]) for c in group]
                for group in role.certifications.required_any
            ],
            "recommended": [ref(ladder.certifications[c]) for c in role.certifications.recommended],
        },
        "tools": [ref(ladder.tools[t]) for t in role.tools],
        "kpis": [ref(k) for k in ladder.kpis if k.id in role.kpis],
        "next": [ref(ladder.roles[r]) for r in role.next],
    }


def role(ladder: Ladder, result: Role) -> str:
    return dumps(role_data(ladder, result))


def skills(ladder: Ladder) -> str:
    return dumps(
        {
            "skills": [
                {"id": s.id, "name": s.name, "category": s.category, "description": s.description}
                for s in ladder.skills.values()
            ],
        }
    )


def skill(ladder: Ladder, result: Skill) -> str:
    return dumps(
        {
            "id": result.id,
            "name": result.name,
            "category": result.category,
            "description": result.description,
            "levels": [
                {"level": s.level, "name": s.name, "descriptor": result.levels.get(s.level)}
                for s in ladder.scale
                if s.level > 0
            ],
            "roles": [
                {
                    "id": r.id,
                    "name": r.name,
                    "level": r.skills[result.id].level,
                    "weight": float(r.skills[result.id].weight),
                }
                for r in ladder.roles.values()
                if result.id in r.skills
            ],
        }
    )


def _readiness(result: Gap | None) -> float | None:
    return None if result is None else round(result.readiness, 3)


def _skill_gaps(skills: list[SkillGap]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "name": s.name,
            "current": s.current,
            "required": s.required,
            "gap": s.gap,
            "weight": float(s.weight),
        }
        for s in skills
    ]


def path(ladder: Ladder, result: Routes) -> str:
    """`rungs` is the first route, as before routes were listed; `routes` holds them all."""
    routes = [_rungs(p) for p in result.paths]
    return dumps(
        {
            "from": result.start.id,
            "to": result.end.id,
            "via": None if result.via is None else result.via.id,
            "moves": len(result.paths[0].rungs) - 1,
            "rungs": routes[0],
            "routes": routes,
            "more_routes": result.more,
        }
    )


def _rungs(result: Route) -> list[dict[str, Any]]:
    return [
        {
            "id": rung.role.id,
            "name": rung.role.name,
            "min_years": rung.role.min_years,
            "changes": [{"skill": c.skill, "from": c.before, "to": c.after} for c in rung.changes],
            "certifications": {
                "new_required": rung.new_required,
                "new_required_any": rung.new_required_any,
                "new_recommended": rung.new_recommended,
            },
            "readiness": _readiness(rung.gap),
            "ready": None if rung.gap is None else rung.gap.ready,
        }
        for rung in result.rungs
    ]


def _blockers(gap: Gap) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for b in gap.blockers():
        if b.kind == "skills":
            out.append({"type": "skills", "below": b.amount})
        elif b.kind == "certification":
            out.append({"type": "certification", "id": b.ids[0]})
        elif b.kind == "certification_any":
            out.append({"type": "certification_any", "ids": list(b.ids)})
        else:
            out.append({"type": "years", "to_go": b.amount})
    return out


def next_rungs(ladder: Ladder, current: Role, gaps: list[Gap]) -> str:
    return dumps(
        {
            "current": current.id,
            "next": [
                {
                    "id": g.target.id,
                    "name": g.target.name,
                    "readiness": _readiness(g),
                    "ready": g.ready,
                    "not_ready_because": _blockers(g),
                    "gaps": _skill_gaps(g.gapped()[:3]),
                }
                for g in gaps
            ],
        }
    )


def match(ladder: Ladder, result: Match) -> str:
    best = result.highest_ready
    return dumps(
        {
            "roles": [
                {
                    "id": g.target.id,
                    "name": g.target.name,
                    "readiness": _readiness(g),
                    "ready": g.ready,
                    "not_ready_because": _blockers(g),
                }
                for g in result.gaps
            ],
            "highest_ready": None if best is None else best.id,
        }
    )


def plan(ladder: Ladder, result: Plan) -> str:
    gap = result.gap
    return dumps(
        {
            "target": ref(gap.target),
            "current_role": ref(gap.current_role),
            "readiness": _readiness(gap),
            "ready": gap.ready,
            "steps": [
                {
                    "id": item.step.id,
                    "name": item.step.name,
                    "score": float(item.score),
                    "skills": [s.id for s in item.skills],
                    "actions": item.step.actions,
                }
                for item in result.steps
            ],
            "skills": [
                {
                    "id": item.skill.id,
                    "name": item.skill.name,
                    "current": item.skill.current,
                    "required": item.skill.required,
                    "gap": item.skill.gap,
                    "kind": item.kind,
                    "descriptor": item.descriptor,
                    "stale": bool(gap.freshness and item.skill.id in gap.freshness.stale),
                }
                for item in result.skills
            ],
            "certifications": [
                {**_plan_certification(item), "required": item.required}
                for item in result.certifications
            ],
            "required_any": [
                [_plan_certification(item) for item in group] for group in result.required_any
            ],
            "experience": gap_data(gap)["experience"],
            "challenges": [
                {"id": c.id, "name": c.name, "strategies": c.strategies} for c in result.challenges
            ],
            "kpis": [
                {"id": k.id, "name": k.name, "description": k.description, "measure": k.measure}
                for k in result.kpis
            ],
        }
    )


def _plan_certification(item: CertificationItem) -> dict[str, Any]:
    cert = item.certification
    return {
        "id": cert.id,
        "name": cert.name,
        "issuer": cert.issuer,
        "eligibility": cert.eligibility,
    }


def _changes(changes: ProfileChanges) -> list[dict[str, Any]]:
    moves = [
        ("current_role", changes.current_role),
        ("target_role", changes.target_role),
        ("years_experience", changes.years),
    ]
    out: list[dict[str, Any]] = [
        {"type": kind, "from": move[0], "to": move[1]} for kind, move in moves if move
    ]
    out += [{"type": "skill", "id": c.id, "from": c.before, "to": c.after} for c in changes.skills]
    out += [
        {"type": "evidence", "id": c.id, "from": c.before, "to": c.after} for c in changes.evidence
    ]
    for kind, gained, lost in (
        ("certification", changes.gained, changes.lost),
        ("tool", changes.tools_gained, changes.tools_lost),
    ):
        out += [{"type": kind, "id": i, "change": "gained"} for i in gained]
        out += [{"type": kind, "id": i, "change": "lost"} for i in lost]
    return out


def progress(ladder: Ladder, result: Progress) -> str:
    return dumps(
        {
            "target": result.target.id,
            "points": [
                {
                    "commit": p.version.commit,
                    "date": p.version.date,
                    "readiness": _readiness(p.gap),
                    "ready": p.gap.ready,
                    "changes": _changes(p.changes),
                }
                for p in result.points
            ],
        }
    )


def diff(ladder: Ladder, result: Diff) -> str:
    data: dict[str, Any] = {
        "old": result.old,
        "new": result.new,
        "changes": _changes(result.changes),
    }
    if result.new_gap is not None and result.old_gap is not None:
        data["readiness"] = {
            "target": result.new_gap.target.id,
            "from": _readiness(result.old_gap),
            "to": _readiness(result.new_gap),
        }
    return dumps(data)


def _member_data(team: Team | None, member: Member) -> dict[str, Any]:
    """Who a person is: path and name, or only a number in an anonymous report."""
    if team is not None and team.anonymous:
        return {"person": team.label(member)}
    return {"path": member.path, "name": member.name}


def _freshness_data(member: Member) -> dict[str, Any]:
    return {
        "stale": _dated(member.stale),
        "expired": _dated(member.expired),
        "expiring": _dated(member.expiring),
    }


def person_data(
    ladder: Ladder, member: Member, gap: Gap | None, team: Team | None = None
) -> dict[str, Any]:
    """One person of a team; `gap` is None for someone without a target."""
    return {
        **_member_data(team, member),
        "current_role": ref(ladder.roles.get(member.current_role or "")),
        "target": ref(gap.target) if gap else None,
        "readiness": _readiness(gap),
        "ready": gap.ready if gap else None,
        "gaps": {s.id: s.gap for s in gap.gapped()} if gap else {},
        "missing_required": gap.missing_required if gap else [],
        "missing_required_any": gap.missing_required_any if gap else [],
        **_freshness_data(member),
    }


def skipped_data(item: Skipped) -> dict[str, str]:
    return {"path": item.path, "error": item.error}


def team(ladder: Ladder, result: Team) -> str:
    anonymous = result.anonymous
    data: dict[str, Any] = {
        "target": ref(result.target),
        "people": [person_data(ladder, p.member, p.gap, result) for p in result.people],
        "no_target": [person_data(ladder, m, None, result) for m in result.no_target],
    }
    if result.target is not None:
        data["skills"] = [
            {
                "id": c.skill.id,
                "name": c.skill.name,
                "required": c.required,
                "average": round(c.average, 2),
                "meeting": c.meeting,
                "below": c.below,
                **({} if anonymous else {"who": c.who}),
            }
            for c in result.coverage
        ]
    data["shortages"] = [
        {
            "id": s.skill.id,
            "name": s.skill.name,
            "weighted_gap": round(s.weighted_gap, 3),
            "short": s.short,
        }
        for s in result.shortages
    ]
    data["steps"] = [
        {
            "id": h.step.id,
            "name": h.step.name,
            "people": h.people,
            "skills": h.skills,
            "weighted_gap": round(h.weighted_gap, 3),
        }
        for h in result.steps
    ]
    if result.bench is not None:

        def names(placed: list[Placed]) -> list[str] | int:
            return len(placed) if anonymous else [p.path for p in placed]

        data["bench"] = [
            {
                "role": ref(b.role),
                "ready_now": names(b.ready_now),
                "ready_soon": names(b.ready_soon),
            }
            for b in result.bench
        ]
    data["skipped"] = (
        len(result.skipped) if anonymous else [skipped_data(s) for s in result.skipped]
    )
    return dumps_rows(data)


def team_line(data: dict[str, Any]) -> str:
    """One JSON Lines record of `team --format jsonl`."""
    return json_safe(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
