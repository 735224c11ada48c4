"""`pmoladder role ROLE --format json`."""

from __future__ import annotations

from pmoladder.numbers import Number
from pmoladder.outputs import Out
from pmoladder.outputs.common import Ref


class RoleSkill(Out):
    id: str
    name: str
    level: int
    level_name: str
    weight: float


class RoleCertifications(Out):
    required: list[Ref]
    required_any: list[list[Ref]]
    recommended: list[Ref]


class Role(Out):
    id: str
    name: str
    tier: str | None
    aliases: list[str]
    summary: str | None
    responsibilities: list[str]
    min_years: Number
    skills: list[RoleSkill]
    certifications: RoleCertifications
    tools: list[Ref]
    kpis: list[Ref]
    next: list[Ref]


OUTPUT = Role
