"""Gap semantics: where someone stands against a role, as the contract defines it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pmoladder.ladder import Ladder
from pmoladder.models import Role
from pmoladder.numbers import Number

if TYPE_CHECKING:
    from pmoladder.freshness import Freshness


@dataclass(frozen=True)
class Standing:
    """What a gap is measured from: a person's profile, or another role's requirements."""

    role: Role | None
    levels: Mapping[str, int]
    certifications: frozenset[str]
    years: Number | None


@dataclass(slots=True)
class SkillGap:
    """A skill against a role's requirement. Not frozen: a team of thousands builds a
    score of these per person, and a frozen dataclass sets each field through a call."""

    id: str
    name: str
    current: int
    required: int
    weight: Number
    # Levels below the requirement; stored, not derived on each use: team views ask millions.
    shortfall: int = field(init=False)

    def __post_init__(self) -> None:
        self.shortfall = self.required - self.current if self.required > self.current else 0


@dataclass(frozen=True)
class Gap:
    target: Role
    current_role: Role | None
    readiness: float
    skills: list[SkillGap]
    missing_required: list[str]
    missing_recommended: list[str]
    missing_required_any: list[list[str]]  # groups of equivalents none of which is held
    years: Number | None
    required_years: Number

    @property
    def years_to_go(self) -> Number | None:
        return None if self.years is None else max(0, self.required_years - self.years)

    @property
    def ready(self) -> bool:
        return (
            all(s.shortfall == 0 for s in self.skills)
            and not self.missing_required
            and not self.missing_required_any
            and not self.years_to_go
        )

    def short_skills(self) -> list[SkillGap]:
        return [s for s in self.skills if s.shortfall > 0]

    def blockers(self) -> list[Blocker]:
        """Why the role is not ready, beyond a percentage that can round to 100%: skills
        below the bar, each required certification or group missing, years to go."""
        found = []
        below = len(self.short_skills())
        if below:
            found.append(Blocker("skills", amount=below))
        found += [Blocker("certification", (c,)) for c in self.missing_required]
        found += [Blocker("certification_any", tuple(g)) for g in self.missing_required_any]
        if self.years_to_go:
            found.append(Blocker("years", amount=self.years_to_go))
        return found


@dataclass(frozen=True)
class GapReport:
    """A gap as the `gap` command reports it: for a person, with how fresh their profile is
    (stale ratings, lapsed certifications); for a role standing in for one, without."""

    gap: Gap
    freshness: Freshness | None = None


@dataclass(frozen=True)
class Blocker:
    """One reason a role is not ready: `skills` (amount below), `certification` (one id),
    `certification_any` (a group of ids, any one of which would do) or `years` (to go)."""

    kind: str
    ids: tuple[str, ...] = ()
    amount: Number = 0


def standing_of_role(ladder: Ladder, role: Role) -> Standing:
    """`--from ROLE`: the role's required levels, certifications and years stand in for a
    person; of each group of equivalents, the role counts as holding the first."""
    return Standing(
        role=role,
        levels={sid: req.level for sid, req in role.skills.items()},
        certifications=frozenset(role.certifications.held_by_role()),
        years=role.min_years,
    )


def compute_gap(ladder: Ladder, standing: Standing, target: Role) -> Gap:
    levels = standing.levels
    skills = [
        SkillGap(skill.id, skill.name, levels.get(skill.id, 0), level, weight)
        for skill, level, weight in ladder.requirements(target)
    ]
    total = sum(s.weight * s.required for s in skills)
    met = sum(s.weight * (s.required - s.shortfall) for s in skills)
    skills.sort(key=_weighted_shortfall)  # stable: ties keep the ladder's order
    held = standing.certifications
    return Gap(
        target=target,
        current_role=standing.role,
        readiness=met / total if total else 1.0,
        skills=skills,
        missing_required=[c for c in target.certifications.required if c not in held],
        missing_recommended=[c for c in target.certifications.recommended if c not in held],
        missing_required_any=[
            list(group) for group in target.certifications.required_any if held.isdisjoint(group)
        ],
        years=standing.years,
        required_years=target.min_years,
    )


def _weighted_shortfall(s: SkillGap) -> Number:
    return -s.weight * s.shortfall
