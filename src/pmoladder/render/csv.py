"""CSV for spreadsheets: one header row, one record per line, no decoration."""

from __future__ import annotations

import csv
import io
import re
from typing import TYPE_CHECKING

from pmoladder.errors import printable

if TYPE_CHECKING:
    from pmoladder.gap import GapReport
    from pmoladder.ladder import Ladder
    from pmoladder.ladder_diff import LadderDiff
    from pmoladder.team import Team


# A cell starting with one of these is a formula to a spreadsheet, even in a CSV file.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: object) -> str:
    """A cell as inert text: control characters escaped, and a leading formula character
    quoted with an apostrophe, so that a name like `=HYPERLINK(...)` is shown, not run.
    Numbers (`-1`, `+0.5`) stay numbers: a spreadsheet reads them as values, not formulas."""
    text = printable(str(value))
    if not text.startswith(_FORMULA_START) or _NUMBER.fullmatch(text):
        return text
    return "'" + text


_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def _write(header: list[str], rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([neutral(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def gap(ladder: Ladder, report: GapReport) -> str:
    return _write(
        ["skill", "name", "current", "required", "gap", "weight"],
        [
            [s.id, s.name, s.current, s.required, s.shortfall, f"{s.weight:g}"]
            for s in report.gap.skills
        ],
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
    """Tidy: one row per person and skill of their target, for pivot tables and plots."""
    who = ["person"] if result.anonymous else ["person", "path"]
    rows = []
    for placed in result.people:
        member = placed.member
        ident = [result.label(member)] + ([] if result.anonymous else [member.path])
        for s in sorted(placed.gap.skills, key=lambda s: ladder.skill_order[s.id]):
            rows.append(
                [
                    *ident,
                    placed.gap.target.id,
                    f"{placed.gap.readiness:.3f}",
                    s.id,
                    s.required,
                    s.current,
                    s.shortfall,
                    f"{s.weight:g}",
                    s.id in member.stale,
                ]
            )
    return _write(
        [*who, "target", "readiness", "skill", "required", "current", "gap", "weight", "stale"],
        rows,
    )


def ladder_diff(result: LadderDiff) -> str:
    from pmoladder.ladder_diff import shown

    rows: list[list[object]] = []
    for section, entry in result.sections.items():
        rows += [["added", section, i, "", "", "", ""] for i in entry.added]
        rows += [["removed", section, i, "", "", "", ""] for i in entry.removed]
        rows += [["renamed", section, new, "", "", old, new] for old, new in entry.renamed or []]
    for c in result.changed:
        rows.append(
            ["changed", "roles", c.role, c.field, c.skill or "", shown(c.before), shown(c.after)]
        )
    return _write(["kind", "section", "id", "field", "skill", "from", "to"], rows)
