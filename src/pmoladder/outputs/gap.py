"""`pmoladder gap --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out
from pmoladder.outputs.common import Dated, Experience, Ref, SkillGap


class GapSkill(SkillGap):
    assessed: str | None
    stale: bool


class GapCertifications(Out):
    missing_required: list[str]
    missing_required_any: list[list[str]]
    missing_recommended: list[str]
    expired: list[Dated]
    expiring: list[Dated]


class Gap(Out):
    target: Ref
    current_role: Ref | None
    readiness: float
    ready: bool
    skills: list[GapSkill]
    certifications: GapCertifications
    experience: Experience


OUTPUT = Gap
