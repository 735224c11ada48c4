"""`pmoladder plan --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out
from pmoladder.outputs.common import Experience, Ref


class PlanStep(Out):
    id: str
    name: str
    score: float
    skills: list[str]
    actions: list[str]


class PlanSkill(Out):
    id: str
    name: str
    current: int
    required: int
    gap: int
    kind: str
    descriptor: str | None
    stale: bool


class PlanCertification(Out):
    id: str
    name: str
    issuer: str | None
    eligibility: str | None


class PlanRequiredCertification(PlanCertification):
    required: bool


class PlanChallenge(Out):
    id: str
    name: str
    strategies: list[str]


class PlanKpi(Out):
    id: str
    name: str
    description: str | None
    measure: str | None


class Plan(Out):
    target: Ref
    current_role: Ref | None
    readiness: float
    ready: bool
    steps: list[PlanStep]
    skills: list[PlanSkill]
    certifications: list[PlanRequiredCertification]
    required_any: list[list[PlanCertification]]
    experience: Experience
    challenges: list[PlanChallenge]
    kpis: list[PlanKpi]


OUTPUT = Plan
