"""What changed between two versions of a profile."""

from __future__ import annotations

from dataclasses import dataclass

from pmoladder.gap import Gap
from pmoladder.ladder import Ladder
from pmoladder.profile import Person

Number = int | float


@dataclass(frozen=True)
class SkillChange:
    id: str
    name: str
    before: int | None  # None: not rated in that version
    after: int | None


@dataclass(frozen=True)
class ProfileChanges:
    skills: list[SkillChange]
    gained: list[str]
    lost: list[str]
    years: tuple[Number | None, Number | None] | None  # None when unchanged

    def __bool__(self) -> bool:
        return bool(self.skills or self.gained or self.lost or self.years)


def compare(ladder: Ladder, old: Person | None, new: Person) -> ProfileChanges:
    before = {} if old is None else {s: r.level for s, r in old.skills.items()}
    after = {s: r.level for s, r in new.skills.items()}
    skills = [
        SkillChange(sid, ladder.skills[sid].name, before.get(sid), after.get(sid))
        for sid in sorted(before.keys() | after.keys(), key=ladder.skill_order.__getitem__)
        if before.get(sid) != after.get(sid)
    ]
    old_certs = [] if old is None else list(old.certifications)
    years_before = None if old is None else old.years
    return ProfileChanges(
        skills=skills,
        gained=[c for c in new.certifications if c not in old_certs],
        lost=[c for c in old_certs if c not in new.certifications],
        years=None if years_before == new.years else (years_before, new.years),
    )


@dataclass(frozen=True)
class Diff:
    old: str
    new: str
    changes: ProfileChanges
    old_gap: Gap | None
    new_gap: Gap | None
