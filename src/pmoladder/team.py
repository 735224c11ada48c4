"""A team's view: everyone's readiness for one role, and how well the team covers its skills."""

from __future__ import annotations

from dataclasses import dataclass

from pmoladder.gap import Gap, compute_gap
from pmoladder.ladder import Ladder
from pmoladder.models import Role, Skill
from pmoladder.profile import Person


@dataclass(frozen=True)
class Member:
    path: str
    person: Person
    gap: Gap

    @property
    def label(self) -> str:
        return self.person.name or self.path


@dataclass(frozen=True)
class Coverage:
    skill: Skill
    required: int
    levels: list[int]  # one per member, in member order

    @property
    def meeting(self) -> int:
        return sum(level >= self.required for level in self.levels)

    @property
    def average(self) -> float:
        return sum(self.levels) / len(self.levels) if self.levels else 0.0


@dataclass(frozen=True)
class Team:
    target: Role
    members: list[Member]
    coverage: list[Coverage]  # the target's skills, thinnest cover first


def team_view(ladder: Ladder, people: list[tuple[str, Person]], target: Role) -> Team:
    members = [Member(path, p, compute_gap(ladder, p.standing(), target)) for path, p in people]
    coverage = [
        Coverage(skill, level, [m.person.level(skill.id) for m in members])
        for skill, level, _ in ladder.requirements(target)
    ]
    coverage.sort(key=lambda c: (c.meeting, c.average - c.required))  # stable: ladder order
    return Team(target, members, coverage)
