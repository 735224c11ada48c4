"""Markdown for sharing: a 1:1, a pull request, a file committed beside the profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmoladder.errors import one_line
from pmoladder.plan import kpi_text

if TYPE_CHECKING:
    from pmoladder.gap import Gap
    from pmoladder.ladder import Ladder
    from pmoladder.models import Role
    from pmoladder.plan import CertificationItem, Plan


def cell(value: object) -> str:
    return one_line(str(value)).replace("|", "\\|")


def table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return lines


def names(lookup: dict, ids: list[str], sep: str = ", ") -> str:
    return sep.join(cell(lookup[i].name) if i in lookup else cell(i) for i in ids) or "none"


def any_of(certs: dict, groups: list[list[str]], label: str) -> list[str]:
    """One list item per group of equivalent certifications."""
    return [f"- {label}: {names(certs, group, ' or ')}" for group in groups]


def gap(ladder: Ladder, result: Gap) -> str:
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
                s.gap,
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
        f"- Experience: {_experience(result)}",
        *_freshness(ladder, result),
    ]
    return "\n".join(lines) + "\n"


def _freshness(ladder: Ladder, result: Gap) -> list[str]:
    fresh = result.freshness
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


def _experience(result: Gap) -> str:
    if result.years is None:
        return f"{result.required_years:g} years expected (no years given)"
    still = result.experience_gap
    return f"{result.years:g} of {result.required_years:g} years expected" + (
        f", {still:g} to go" if still else ""
    )


def role(ladder: Ladder, result: Role) -> str:
    lines = [f"# {cell(result.name)} (`{result.id}`)", ""]
    if result.summary:
        lines += [cell(result.summary.strip()), ""]
    lines.append(f"Usual experience: {result.min_years:g}+ years")
    if result.responsibilities:
        lines += ["", "## Responsibilities", ""]
        lines += [f"- {cell(item)}" for item in result.responsibilities]
    lines += ["", "## Required skills", ""]
    lines += table(
        ["Skill", "Level", "Weight"],
        [
            [s.name, f"{level} {ladder.level_name(level)}", f"{weight:g}"]
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
            if gap.freshness and s.id in gap.freshness.stale:
                aim += f" (stale: assessed {gap.freshness.stale[s.id]}, re-assess first)"
            lines.append(
                f"- [ ] **{cell(s.name)}** ({item.kind}) from "
                f"{s.current} {cell(ladder.level_name(s.current))} to "
                f"{s.required} {cell(ladder.level_name(s.required))}{aim}"
            )
    if result.steps:
        lines += ["", "## Steps", ""]
        for item in result.steps:
            skills = ", ".join(cell(s.name) for s in item.skills)
            lines += [f"### {cell(item.step.name)}", "", f"Score {item.score:g}: {skills}.", ""]
            if item.step.description:
                lines += [cell(item.step.description.strip()), ""]
            lines += [f"- [ ] {cell(action)}" for action in item.step.actions]
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
    lines += ["", "## Experience", "", f"- [ ] {_experience(gap)}"]
    renew = _freshness(ladder, gap)
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
