"""What changed between two versions of a profile."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from pmoladder.gap import Gap, compute_gap
from pmoladder.ladder import Ladder
from pmoladder.models import Role
from pmoladder.profile import Person


@dataclass(frozen=True)
class SkillChange:
    id: str
    name: str
    before: int | None  # None: not rated in that version
    after: int | None


@dataclass(frozen=True)
class EvidenceChange:
    """New evidence for a skill rated in both versions."""

    id: str
    name: str
    before: str | None
    after: str | None


Move = tuple[Any, Any]  # (before, after) of one profile field; None in a change when unchanged


@dataclass(frozen=True)
class ProfileChanges:
    skills: list[SkillChange]
    gained: list[str]  # certifications
    lost: list[str]
    years: Move | None
    current_role: Move | None = None  # role ids; a promotion shows here
    target_role: Move | None = None
    tools_gained: list[str] = field(default_factory=list)
    tools_lost: list[str] = field(default_factory=list)
    evidence: list[EvidenceChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))


def compare(ladder: Ladder, old: Person | None, new: Person) -> ProfileChanges:
    base = old or Person(source=new.source)
    before, after = base.skills, new.skills
    order = sorted(before.keys() | after.keys(), key=ladder.skill_order.__getitem__)
    skills = [
        SkillChange(sid, ladder.skills[sid].name, _level(before, sid), _level(after, sid))
        for sid in order
        if _level(before, sid) != _level(after, sid)
    ]
    evidence = [
        EvidenceChange(sid, ladder.skills[sid].name, before[sid].evidence, after[sid].evidence)
        for sid in order
        if sid in before and sid in after and before[sid].evidence != after[sid].evidence
    ]
    return ProfileChanges(
        skills=skills,
        gained=_added(base.certifications, new.certifications),
        lost=_added(new.certifications, base.certifications),
        years=_move(base.years, new.years),
        current_role=_move(_role_id(base.current_role), _role_id(new.current_role)),
        target_role=_move(_role_id(base.target_role), _role_id(new.target_role)),
        tools_gained=_added(base.tools, new.tools),
        tools_lost=_added(new.tools, base.tools),
        evidence=evidence,
    )


def _level(skills: dict[str, Any], skill_id: str) -> int | None:
    return skills[skill_id].level if skill_id in skills else None


def _added(before: Iterable[str], after: Iterable[str]) -> list[str]:
    """What `after` has that `before` has not, in `after`'s order."""
    had = set(before)
    return [item for item in after if item not in had]


def _move(before: Any, after: Any) -> Move | None:
    return None if before == after else (before, after)


def _role_id(role: Role | None) -> str | None:
    return None if role is None else role.id


@dataclass(frozen=True)
class Diff:
    old: str
    new: str
    changes: ProfileChanges
    old_gap: Gap | None
    new_gap: Gap | None


def profile_diff(ladder: Ladder, old: Person, new: Person, target: Role | None) -> Diff:
    """The changes between two versions of a profile, and with a target the gap of each."""
    if target is None:
        return Diff(old.source, new.source, compare(ladder, old, new), None, None)
    old_gap, new_gap = (compute_gap(ladder, p.standing(), target) for p in (old, new))
    return Diff(old.source, new.source, compare(ladder, old, new), old_gap, new_gap)
