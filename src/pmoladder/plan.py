"""A development plan: what to work on, in what order, to close a gap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pmoladder.gap import Gap, GapReport, SkillGap
from pmoladder.ladder import Ladder
from pmoladder.models import Certification, Challenge, Feedback, Kpi, Step

if TYPE_CHECKING:
    from pmoladder.freshness import Freshness


@dataclass(frozen=True)
class StepItem:
    step: Step
    score: float
    skills: list[SkillGap]


@dataclass(frozen=True)
class SkillItem:
    skill: SkillGap
    descriptor: str | None

    @property
    def kind(self) -> str:
        """The APM assessors' banding: one level short is a top-up, more is development."""
        return "top-up" if self.skill.shortfall == 1 else "develop"


@dataclass(frozen=True)
class CertificationItem:
    certification: Certification
    required: bool
    any_of: bool = False  # one of a group of equivalents, any of which meets the target

    @property
    def note(self) -> str:
        """`PMI, required`: who issues it and whether the target demands it."""
        kind = "one of" if self.any_of else "required" if self.required else "recommended"
        return f"{self.certification.issuer}, {kind}" if self.certification.issuer else kind


@dataclass(frozen=True)
class Plan:
    """What to do about a gap; it keeps the gap, and how fresh the profile is, to show."""

    gap: Gap
    freshness: Freshness | None
    steps: list[StepItem]
    skills: list[SkillItem]
    certifications: list[CertificationItem]
    required_any: list[list[CertificationItem]]  # groups still to meet, any one of each
    challenges: list[Challenge]
    kpis: list[Kpi]
    feedback: list[Feedback]


def kpi_text(kpi: Kpi) -> str:
    measure = f" Measured as: {kpi.measure}" if kpi.measure else ""
    return f"{kpi.description or ''}{measure}".strip()


def make_plan(ladder: Ladder, report: GapReport) -> Plan:
    gap = report.gap
    short = gap.short_skills()
    by_id = {s.id: s for s in short}
    steps = []
    for step in ladder.steps:
        addressed = [s for s in short if s.id in step.develops]
        score = sum(s.weight * s.shortfall for s in addressed)
        if score > 0:
            steps.append(StepItem(step, score, addressed))
    steps.sort(key=lambda item: -item.score)  # stable: ties keep the ladder's order
    certs = [CertificationItem(ladder.certifications[c], True) for c in gap.missing_required]
    certs += [CertificationItem(ladder.certifications[c], False) for c in gap.missing_recommended]
    groups = [
        [CertificationItem(ladder.certifications[c], True, any_of=True) for c in group]
        for group in gap.missing_required_any
    ]
    top_tier = bool(ladder.tiers) and gap.target.tier == list(ladder.tiers)[-1]
    challenges = [c for c in ladder.challenges if top_tier or by_id.keys() & set(c.skills)]
    # The target's own KPIs; a ladder that ties none to roles shows all of them to the top tier.
    kpis = [k for k in ladder.kpis if k.id in gap.target.kpis]
    if not any(role.kpis for role in ladder.roles.values()):
        kpis = list(ladder.kpis) if top_tier else []
    return Plan(
        gap=gap,
        freshness=report.freshness,
        steps=steps,
        skills=[SkillItem(s, ladder.descriptor(s.id, s.required)) for s in short],
        certifications=certs,
        required_any=groups,
        challenges=challenges,
        kpis=kpis,
        feedback=list(ladder.feedback) if kpis else [],
    )
