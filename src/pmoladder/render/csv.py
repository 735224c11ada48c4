"""CSV for spreadsheets: one header row, one record per line, no decoration."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from pmoladder.errors import printable

if TYPE_CHECKING:
    from pmoladder.gap import Gap
    from pmoladder.ladder import Ladder
    from pmoladder.team import Team


def _write(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([printable(str(cell)) for cell in row] for row in rows)
    return buffer.getvalue()


def gap(ladder: Ladder, result: Gap) -> str:
    return _write(
        ["skill", "name", "current", "required", "gap", "weight"],
        [[s.id, s.name, s.current, s.required, s.gap, f"{s.weight:g}"] for s in result.skills],
    )


def roles(ladder: Ladder) -> str:
    return _write(
        ["id", "name", "tier", "min_years", "next"],
        [
            [r.id, r.name, r.tier or "", f"{r.min_years:g}", " ".join(r.next)]
            for r in ladder.roles.values()
        ],
    )


def skills(ladder: Ladder) -> str:
    return _write(
        ["id", "name", "category", "description"],
        [[s.id, s.name, s.category or "", s.description or ""] for s in ladder.skills.values()],
    )


def team(ladder: Ladder, result: Team) -> str:
    """One row a person, one column a skill of the target: a matrix for a spreadsheet."""
    skills = [
        c.skill for c in sorted(result.coverage, key=lambda c: ladder.skill_order[c.skill.id])
    ]
    return _write(
        ["person", "path", "readiness", "ready", *[s.id for s in skills]],
        [
            [
                m.label,
                m.path,
                f"{m.gap.readiness:.3f}",
                m.gap.ready,
                *[m.person.level(s.id) for s in skills],
            ]
            for m in result.members
        ],
    )
