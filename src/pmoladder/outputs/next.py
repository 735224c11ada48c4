"""`pmoladder next --format json`."""

from __future__ import annotations

from pmoladder.outputs import Out
from pmoladder.outputs.common import SkillGap, Verdict


class NextRung(Verdict):
    gaps: list[SkillGap]


class Next(Out):
    current: str
    next: list[NextRung]


OUTPUT = Next
