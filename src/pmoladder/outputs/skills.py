"""`pmoladder skills --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out


class SkillEntry(Out):
    id: str
    name: str
    category: str | None
    description: str | None


class Skills(Out):
    skills: list[SkillEntry]


OUTPUT = Skills
