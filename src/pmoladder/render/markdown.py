"""Markdown for sharing: a 1:1, a pull request, a file committed beside the profile."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pmoladder.errors import one_line
from pmoladder.plan import kpi_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from pmoladder.freshness import Freshness
    from pmoladder.gap import Gap, GapReport
    from pmoladder.ladder import Ladder
    from pmoladder.ladder_diff import LadderDiff
    from pmoladder.models import Role
    from pmoladder.plan import CertificationItem, Plan
    from pmoladder.team import Team


class Markdown(str):
    """Text that is already Markdown (our own structure, or text `cell` escaped once)."""


NONE = Markdown("-")  # an empty cell, as our own dash rather than a file's


# Characters that start Markdown or HTML wherever they stand: code, emphasis, strikethrough,
# links and images, tags and autolinks, table pipes, headings, backslash escapes; an
# ampersand only where it would begin an entity; the `:` of `https://` and the dot of
# `www.`, which a git host would otherwise turn into links.
_INLINE = re.compile(r"[\\`*_~\[\]<|#]|&(?=#?[0-9A-Za-z]+;)|:(?=//)|(?<=[Ww]{3})\.")
# What only matters at the start of a line: a quote, a list item, an ordered list's number.
_LEADING = re.compile(r"^(?:\d{1,9}(?=[.)])|(?=[>+-]))")


def cell(value: object) -> Markdown:
    """Text from a file made inert in Markdown, in a table cell as in running text: every
    character a renderer would interpret is backslash-escaped, so it shows as itself."""
    if isinstance(value, Markdown):
        return value
    text = _INLINE.sub(lambda m: "\\" + m.group(), one_line(str(value)).strip())
    return Markdown(_LEADING.sub(r"\g<0>\\", text))


def table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def listing(values: Iterable[object], sep: str = ", ", empty: str = "none") -> Markdown:
    """Values from files, each escaped, joined in our own words."""
    return Markdown(sep.join(cell(v) for v in values) or empty)


def names(lookup: Mapping[str, Any], ids: list[str], sep: str = ", ") -> Markdown:
    return listing((lookup[i].name if i in lookup else i for i in ids), sep)


def any_of(certs: Mapping[str, Any], groups: list[list[str]], label: str) -> list[str]:
    """One list item per group of equivalent certifications."""
    return [f"- {label}: {names(certs, group, ' or ')}" for group in groups]


def gap(ladder: Ladder, report: GapReport) -> str:
    result = report.gap
    src = f" from {cell(result.current_role.name)}" if result.current_role else ""
    lines = [
        f"# Gap to {cell(result.target.name)}{src}",
        "",
        f"**Readiness: {round(result.readiness * 100)}%** "
        f"({'ready' if result.ready else 'not ready yet'})",
        "",
    ]
    lines += table(
        ["Skill", "Current", "Required", "Gap", "Weight"],
        [
            [
                s.name,
                f"{s.current} {ladder.level_name(s.current)}",
                f"{s.required} {ladder.level_name(s.required)}",
                s.shortfall,
                f"{s.weight:g}",
            ]
            for s in result.skills
        ],
    )
    certs = ladder.certifications
    lines += [
        "",
        f"- Missing required certifications: {names(certs, result.missing_required)}",
        *any_of(certs, result.missing_required_any, "Missing one of"),
        f"- Missing recommended certifications: {names(certs, result.missing_recommended)}",
        f"- Experience: {_experience(ladder, result)}",
        *_freshness(ladder, report.freshness),
    ]
    return "\n".join(lines) + "\n"


def _freshness(ladder: Ladder, fresh: Freshness | None) -> list[str]:
    if fresh is None:
        return []
    lines = [
        f"- Stale rating, worth re-assessing: {cell(ladder.skills[s].name)} (assessed {day})"
        for s, day in fresh.stale.items()
    ]
    lines += [
        f"- Expired: {names(ladder.certifications, [c])} on {day}"
        for c, day in fresh.expired.items()
    ]
    lines += [
        f"- Expiring within 90 days: {names(ladder.certifications, [c])} on {day}"
        for c, day in fresh.expiring.items()
    ]
    return lines


def _experience(ladder: Ladder, result: Gap) -> str:
    years = cell(ladder.years)
    if result.years is None:
        return f"{result.required_years:g} {years} expected (no years given)"
    still = result.years_to_go
    return f"{result.years:g} of {result.required_years:g} {years} expected" + (
        f", {still:g} to go" if still else ""
    )


def role(ladder: Ladder, result: Role) -> str:
    lines = [f"# {cell(result.name)} (`{result.id}`)", ""]
    if result.summary:
        lines += [cell(result.summary.strip()), ""]
    lines.append(f"Usual experience: {result.min_years:g}+ {cell(ladder.years)}")
    if result.responsibilities:
        lines += ["", "## Responsibilities", ""]
        lines += [f"- {cell(item)}" for item in result.responsibilities]
    lines += ["", "## Required skills", ""]
    lines += table(
        ["Skill", "ID", "Level", "Weight"],
        [
            [s.name, Markdown(f"`{s.id}`"), f"{level} {ladder.level_name(level)}", f"{weight:g}"]
            for s, level, weight in ladder.requirements(result)
        ],
    )
    lines += [
        "",
        "## Certifications and tools",
        "",
        f"- Required: {names(ladder.certifications, result.certifications.required)}",
        *any_of(ladder.certifications, result.certifications.required_any, "Required, one of"),
        f"- Recommended: {names(ladder.certifications, result.certifications.recommended)}",
        f"- Tools: {names(ladder.tools, result.tools)}",
        *(
            [f"- Measured by: {names({k.id: k for k in ladder.kpis}, result.kpis)}"]
            if result.kpis
            else []
        ),
        f"- Next rungs: {names(ladder.roles, result.next)}",
    ]
    return "\n".join(lines) + "\n"


def plan(ladder: Ladder, result: Plan) -> str:
    """A plan to commit beside the profile: headings and GitHub task lists to tick off."""
    gap = result.gap
    lines = [
        f"# Development plan: {cell(gap.target.name)}",
        "",
        f"Readiness **{round(gap.readiness * 100)}%**"
        f" ({'ready' if gap.ready else 'not ready yet'}).",
    ]
    if result.skills:
        lines += ["", "## Skills", ""]
        for item in result.skills:
            s = item.skill
            aim = f": {cell(item.descriptor)}" if item.descriptor else ""
            if result.freshness and s.id in result.freshness.stale:
                aim += f" (stale: assessed {result.freshness.stale[s.id]}, re-assess first)"
            lines.append(
                f"- [ ] **{cell(s.name)}** ({item.kind}) from "
                f"{s.current} {cell(ladder.level_name(s.current))} to "
                f"{s.required} {cell(ladder.level_name(s.required))}{aim}"
            )
    if result.steps:
        lines += ["", "## Steps", ""]
        for ranked in result.steps:
            skills = listing(s.name for s in ranked.skills)
            step = ranked.step
            lines += [f"### {cell(step.name)}", "", f"Score {ranked.score:g}: {skills}.", ""]
            if step.description:
                lines += [cell(step.description.strip()), ""]
            lines += [f"- [ ] {cell(action)}" for action in step.actions]
            lines.append("")
        lines.pop()
    if result.certifications or result.required_any:
        lines += ["", "## Certifications", ""]
        required = [c for c in result.certifications if c.required]
        lines += [f"- [ ] {_plan_certification(c)}" for c in required]
        for group in result.required_any:
            lines.append("- [ ] Required, any one of:")
            lines += [f"  - {_plan_certification(c)}" for c in group]
        rest = result.certifications[len(required) :]
        lines += [f"- [ ] {_plan_certification(c)}" for c in rest]
    if not (result.skills or result.certifications or result.required_any):
        lines += ["", f"You meet every skill and certification {cell(gap.target.name)} needs."]
    met = gap.years is not None and not gap.years_to_go  # a met item is ticked
    lines += ["", "## Experience", "", f"- [{'x' if met else ' '}] {_experience(ladder, gap)}"]
    renew = _freshness(ladder, result.freshness)
    if renew:
        lines += ["", "## Keep it current", ""] + [f"- [ ] {line[2:]}" for line in renew]
    if result.challenges:
        lines += ["", "## Challenges you will meet", ""]
        for c in result.challenges:
            about = f": {cell(c.description.strip())}" if c.description else ""
            lines.append(f"- **{cell(c.name)}**{about}")
            lines += [f"  - {cell(s)}" for s in c.strategies]
    if result.kpis:
        lines += ["", "## How you will be measured", ""]
        lines += [f"- **{cell(k.name)}**: {cell(kpi_text(k))}" for k in result.kpis]
        lines += [
            f"- **{cell(f.name)}** (feedback): {cell(f.description or '')}" for f in result.feedback
        ]
    return "\n".join(lines) + "\n"


def _plan_certification(item: CertificationItem) -> str:
    cert = item.certification
    fact = f": {cell(cert.eligibility)}" if cert.eligibility else ""
    return f"{cell(cert.name)} ({cell(item.note)}){fact}"


def _people(n: int) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def team(ladder: Ladder, result: Team) -> str:
    from pmoladder.team import NO_STEPS, NOBODY_SHORT

    label = result.label
    lines: list[str] = []
    if result.target is not None:
        reqs = ladder.requirements(result.target)
        column = {skill.id: str(i) for i, (skill, _, _) in enumerate(reqs, 1)}
        lines += [f"# Gap to {cell(result.target.name)}: {_people(len(result.people))}", ""]
        rows: list[list[object]] = []
        for placed in result.people:
            gaps = {s.id: s.shortfall for s in placed.gap.skills}
            stale = placed.member.stale
            rows.append(
                [
                    label(placed.member),
                    f"{round(placed.gap.readiness * 100)}%",
                    *[
                        Markdown(f"{gaps[s.id] or '·'}{'*' if s.id in stale else ''}")
                        for s, _, _ in reqs
                    ],
                ]
            )
        totals = [result.shortage(s.id) for s, _, _ in reqs]
        rows.append(
            [Markdown("**Team total**"), "", *[f"{t.weighted_gap:g}" if t else "·" for t in totals]]
        )
        lines += table(["Person", "Readiness", *column.values()], rows)
        lines += [
            "",
            "Each cell is the gap in levels (· none; * a stale rating); the last row is the "
            "team's total weighted gap per skill.",
            "",
            "## Skill cover, thinnest first",
            "",
        ]
        header = ["#", "Skill", "Required", "Meeting it"]
        if not result.anonymous:
            header.append("Only one or nobody")
        cover = []
        for c in result.coverage:
            row: list[object] = [
                column[c.skill.id],
                c.skill.name,
                f"{c.required} {ladder.level_name(c.required)}",
                f"{c.meeting} of {c.people}",
            ]
            if not result.anonymous:
                row.append(
                    ""
                    if c.who is None
                    else listing((result.labels[p] for p in c.who), empty="nobody")
                )
            cover.append(row)
        lines += table(header, cover)
    else:
        lines += [f"# Readiness for each person's own target: {_people(len(result.people))}", ""]
        lines += table(
            ["Person", "Target", "Readiness", "Biggest gap"],
            [
                [
                    label(p.member),
                    p.gap.target.name,
                    f"{round(p.gap.readiness * 100)}%",
                    Markdown(
                        f"{cell(p.gap.short_skills()[0].name)} +{p.gap.short_skills()[0].shortfall}"
                    )
                    if p.gap.short_skills()
                    else NONE,
                ]
                for p in result.people
            ],
        )
        if result.no_target:
            who = listing(label(m) for m in result.no_target)
            lines += ["", f"No target (no target_role, and no --target): {who}"]
    lines += _team_notes(ladder, result)
    if result.show_shortages and not result.shortages:
        lines += ["", "## Shortages", "", NOBODY_SHORT]
    elif result.show_shortages:
        lines += ["", "## Shortages, largest first", ""]
        lines += table(
            ["Skill", "Weighted gap", "People short"],
            [[s.skill.name, f"{s.weighted_gap:g}", s.short] for s in result.shortages],
        )
        lines += ["", "## Steps that help the most people at once", ""]
        lines += (
            [NO_STEPS]
            if not result.steps
            else table(
                ["Step", "Helps", "Skills it develops"],
                [
                    [
                        h.step.name,
                        _people(h.people),
                        listing(ladder.skills[i].name for i in h.skills),
                    ]
                    for h in result.steps
                ],
            )
        )
    if result.bench is not None:
        lines += ["", "## Bench: who could step into each role", ""]
        rows = []
        for b in result.bench:
            if result.anonymous:
                rows.append([b.role.name, len(b.ready_now), len(b.ready_soon)])
            else:
                now = listing((label(p.member) for p in b.ready_now), empty=NONE)
                rows.append(
                    [
                        b.role.name,
                        now,
                        listing((label(p.member) for p in b.ready_soon), empty=NONE),
                    ]
                )
        lines += table(["Role", "Ready now", f"Ready soon ({round(result.within * 100)}%+)"], rows)
    if result.skipped:
        lines += ["", f"Skipped {len(result.skipped)} file(s) that could not be read."]
    return "\n".join(lines) + "\n"


def _team_notes(ladder: Ladder, result: Team) -> list[str]:
    notes = result.to_refresh(
        lambda ids: listing(ladder.skills[s].name for s in ids),
        lambda dated: ", ".join(
            f"{names(ladder.certifications, [c])} on {day}" for c, day in dated.items()
        ),
    )
    lines = [f"- {cell(result.label(member))}: {said}" for member, said in notes]
    return ["", "## To refresh", "", *lines] if lines else []


def ladder_diff(result: LadderDiff) -> str:
    """For a pull request: one list item per change, as code, ids being ids."""
    found = result.lines()
    if not found:
        return "No changes.\n"
    return "\n".join(f"- `{line}`" for line in found) + "\n"
