"""Stable, deterministic JSON for scripts: same inputs, same bytes."""

from __future__ import annotations

import json
from typing import Any

from pmoladder.gap import Gap
from pmoladder.ladder import Ladder
from pmoladder.models import Role, Skill


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def ref(entry: Any) -> dict[str, str] | None:
    return None if entry is None else {"id": entry.id, "name": entry.name}


def gap_data(gap: Gap) -> dict[str, Any]:
    return {
        "target": ref(gap.target),
        "current_role": ref(gap.current_role),
        "readiness": round(gap.readiness, 3),
        "ready": gap.ready,
        "skills": [
            {
                "id": s.id,
                "name": s.name,
                "current": s.current,
                "required": s.required,
                "gap": s.gap,
                "weight": float(s.weight),
            }
            for s in gap.skills
        ],
        "certifications": {
            "missing_required": gap.missing_required,
            "missing_recommended": gap.missing_recommended,
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
    return dumps({
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
    })


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
            {"id": skill.id, "name": skill.name, "level": level,
             "level_name": ladder.level_name(level), "weight": float(weight)}
            for skill, level, weight in ladder.requirements(role)
        ],
        "certifications": {
            "required": [ref(ladder.certifications[c]) for c in role.certifications.required],
            "recommended": [ref(ladder.certifications[c])
                            for c in role.certifications.recommended],
        },
        "tools": [ref(ladder.tools[t]) for t in role.tools],
        "next": [ref(ladder.roles[r]) for r in role.next],
    }


def role(ladder: Ladder, result: Role) -> str:
    return dumps(role_data(ladder, result))


def skills(ladder: Ladder) -> str:
    return dumps({
        "skills": [
            {"id": s.id, "name": s.name, "category": s.category, "description": s.description}
            for s in ladder.skills.values()
        ],
    })


def skill(ladder: Ladder, result: Skill) -> str:
    return dumps({
        "id": result.id,
        "name": result.name,
        "category": result.category,
        "description": result.description,
        "levels": [
            {"level": s.level, "name": s.name, "descriptor": result.levels.get(s.level)}
            for s in ladder.scale if s.level > 0
        ],
        "roles": [
            {"id": r.id, "name": r.name, "level": r.skills[result.id].level,
             "weight": float(r.skills[result.id].weight)}
            for r in ladder.roles.values() if result.id in r.skills
        ],
    })
