"""What changed between two versions of a ladder, for reviewing a ladder change: entries
added, removed and renamed (through `replaces`), and each role's changed requirements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmoladder.ladder import Ladder

SECTIONS = ("roles", "skills", "certifications")


@dataclass(frozen=True)
class SectionChanges:
    added: list[str]
    removed: list[str]
    renamed: list[tuple[str, str]] | None  # (old id, new id); None where ids never move


@dataclass(frozen=True)
class RoleChange:
    """One changed requirement of a role present in both versions."""

    role: str
    field: str  # level, weight, certifications.required, ...required_any or min_years
    before: Any
    after: Any
    skill: str | None = None  # for level and weight


@dataclass(frozen=True)
class LadderDiff:
    sections: dict[str, SectionChanges]  # in SECTIONS order
    changed: list[RoleChange]

    def lines(self) -> list[str]:
        """One line per change, `+`, `-` or `~` first, as a review reads them."""
        out = []
        for section, entry in self.sections.items():
            out += [f"+ {section[:-1]} {i}" for i in entry.added]
            out += [f"- {section[:-1]} {i}" for i in entry.removed]
            out += [f"~ {section[:-1]} {o} -> {n}" for o, n in entry.renamed or []]
        for c in self.changed:
            what = f"{c.field} of {c.skill}" if c.skill else c.field
            out.append(f"~ role {c.role}: {what}: {shown(c.before)} -> {shown(c.after)}")
        return out


def read(spec: str) -> Ladder:
    """A ladder named by path or `REV:PATH` (its relative bases read at that revision)."""
    from pathlib import Path

    from pmoladder.history import read_spec
    from pmoladder.ladder import ladder_from
    from pmoladder.overlay import GitSource
    from pmoladder.yamlfile import parse

    name, text = read_spec(spec)
    from_git = spec != "-" and not Path(spec).exists() and ":" in spec
    return ladder_from(parse(name, text), GitSource() if from_git else None)


def diff(old: Ladder, new: Ladder) -> LadderDiff:
    renames = {"roles": new.role_renames, "skills": new.skill_renames}
    sections = {}
    for section in SECTIONS:
        before, after = getattr(old, section), getattr(new, section)
        moved = {
            o: n for o, n in renames.get(section, {}).items() if o in before and o not in after
        }
        sections[section] = SectionChanges(
            added=[i for i in after if i not in before and i not in moved.values()],
            removed=[i for i in before if i not in after and i not in moved],
            renamed=list(moved.items()) if section in renames else None,
        )
    return LadderDiff(sections, _changed(old, new))


def _changed(old: Ladder, new: Ladder) -> list[RoleChange]:
    changes: list[RoleChange] = []
    for role in new.roles.values():
        was = old.roles.get(role.id) or next(
            (old.roles[o] for o in role.replaces if o in old.roles), None
        )
        if was is None:
            continue
        before = {new.skill_renames.get(s, s): r for s, r in was.skills.items()}
        for skill in dict.fromkeys([*before, *role.skills]):
            a, b = before.get(skill), role.skills.get(skill)
            for field in ("level", "weight"):
                x = getattr(a, field) if a else (0 if field == "level" else None)
                y = getattr(b, field) if b else (0 if field == "level" else None)
                if x != y and not (field == "weight" and (a is None or b is None)):
                    changes.append(RoleChange(role.id, field, x, y, skill))
        for field, x, y in (
            ("certifications.required", was.certifications.required, role.certifications.required),
            (
                "certifications.required_any",
                was.certifications.required_any,
                role.certifications.required_any,
            ),
            ("min_years", was.min_years, role.min_years),
        ):
            if x != y:
                changes.append(RoleChange(role.id, field, x, y))
    return changes


def shown(value: Any) -> str:
    """A changed value in a line of text: lists bracketed, nothing as `none`."""
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    return "none" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
