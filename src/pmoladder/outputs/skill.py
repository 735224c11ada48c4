"""`pmoladder skills SKILL --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out


class SkillLevel(Out):
    level: int
    name: str
    descriptor: str | None


class SkillRole(Out):
    id: str
    name: str
    level: int
    weight: float


class Skill(Out):
    id: str
    name: str
    category: str | None
    description: str | None
    levels: list[SkillLevel]
    roles: list[SkillRole]


OUTPUT = Skill
