"""Rich tables for people at a terminal. Every string from a file goes through `text`."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from pmoladder.errors import printable

if TYPE_CHECKING:
    from pmoladder.compare import Diff, ProfileChanges
    from pmoladder.freshness import Freshness
    from pmoladder.gap import Gap, GapReport, SkillGap
    from pmoladder.ladder import Ladder
    from pmoladder.ladder_diff import LadderDiff
    from pmoladder.models import Role, Skill
    from pmoladder.plan import CertificationItem, Plan
    from pmoladder.progress import Progress
    from pmoladder.progression import Change, Match, Route, Routes
    from pmoladder.settings import Setting
    from pmoladder.team import Team


def text(value: Any, style: str = "") -> Text:
    """File text as a Text object: never parsed as markup, control characters escaped."""
    return Text(printable("" if value is None else str(value)), style=style)


class Paragraph:
    """Running text whose wrapped lines start under its words, not at the margin: under the
    text after its indent and list marker (`   - `, `3. `)."""

    LEAD = re.compile(r" *(?:- |\d+\. )?")

    def __init__(self, body: Text) -> None:
        self.body = body

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        found = self.LEAD.match(self.body.plain)  # it matches any text, if only emptily
        lead = found.end() if found else 0
        width = max(options.max_width - lead, 1)
        lines = console.render_lines(self.body[lead:], options.update_width(width), pad=False)
        marker = list(self.body[:lead].render(console, end=""))
        for i, line in enumerate(lines):
            yield from marker if i == 0 else [Segment(" " * lead)]
            yield from line
            yield Segment.line()


def para(value: Any, style: str = "") -> Paragraph:
    return Paragraph(text(value, style))


def number(value: float) -> str:
    return f"{value:g}"


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)}%"


def level_cell(ladder: Ladder, level: int) -> Text:
    return text(f"{level} {ladder.level_name(level)}")


def bar(current: int, required: int, top: int) -> Text:
    """One cell per level: met (green), still missing (red), beyond what is required (dim)."""
    out = Text()
    for level in range(1, top + 1):
        if level <= min(current, required):
            out.append("█", "green")
        elif level <= required:
            out.append("░", "red")
        elif level <= current:
            out.append("▒", "dim")
        else:
            out.append("·", "dim")
    return out


def grid(
    *columns: str,
    right: frozenset[str] | set[str] = frozenset(),
    legend: Text | None = None,
    **options: Any,
) -> Table:
    """A borderless table; the columns named in `right` are right-aligned (numbers). The
    `legend` below it explains the glyphs of its unnamed column, and goes where that does."""
    table = Table(
        show_edge=False, pad_edge=False, caption=legend, caption_justify="left", **options
    )
    for name in columns:
        table.add_column(name, justify="right" if name in right else "left", no_wrap=not name)
    return table


def title(value: str) -> Text:
    return text(value, "bold")


def _names(table: Mapping[str, Any], ids: list[str], sep: str = ", ") -> str:
    return sep.join(f"{table[i].name} ({i})" if i in table else i for i in ids) or "none"


def _by_id(entries: list[Any]) -> dict[str, Any]:
    return {e.id: e for e in entries}


def _any_of(certs: Mapping[str, Any], groups: list[list[str]], label: str) -> list[Paragraph]:
    """One line per group of equivalent certifications: `label`, then the choices."""
    return [para(f"{label}: {_names(certs, group, ' or ')}") for group in groups]


def gap(ladder: Ladder, report: GapReport) -> Group:
    result, fresh = report.gap, report.freshness
    head = Text()
    head.append_text(title(f"Gap to {result.target.name} ({result.target.id})"))
    if result.current_role is not None:
        head.append_text(text(f" from {result.current_role.name}"))
    verdict = Text()
    verdict.append("Readiness ")
    verdict.append(percent(result.readiness), "bold")
    verdict.append(
        " - ready" if result.ready else " - not ready yet", "green" if result.ready else "yellow"
    )

    legend = text("Bars, one cell per level: █ met, ░ missing, ▒ above the need, · unused", "dim")
    table = grid(
        "Skill", "Current", "Required", "Gap", "Weight", "", right={"Gap", "Weight"}, legend=legend
    )
    stale = fresh.stale if fresh else {}
    for s in result.skills:
        name = text(s.name)
        if s.id in stale:
            name.append(" (stale)", "yellow")
        table.add_row(
            name,
            level_cell(ladder, s.current),
            level_cell(ladder, s.required),
            text(s.shortfall, "red" if s.shortfall else "green"),
            number(s.weight),
            bar(s.current, s.required, ladder.max_level),
        )
    footer = _gap_footer(ladder, result) + _freshness_lines(ladder, fresh)
    return Group(head, verdict, Text(), table, Text(), *footer)


def _freshness_lines(ladder: Ladder, fresh: Freshness | None) -> list[Text]:
    if fresh is None:
        return []
    lines = []
    if fresh.stale:
        lines.append(
            text(
                f"Stale: assessed over {fresh.stale_after_months} months ago, worth "
                "re-assessing: "
                + ", ".join(f"{ladder.skills[s].name} ({day})" for s, day in fresh.stale.items()),
                "yellow",
            )
        )
    for label, entries in (("Expired", fresh.expired), ("Expiring within 90 days", fresh.expiring)):
        if entries:
            names = ", ".join(
                f"{_names(ladder.certifications, [c])} on {day}" for c, day in entries.items()
            )
            lines.append(text(f"{label}: {names}", "yellow"))
    return lines


def _gap_footer(ladder: Ladder, result: Gap) -> list[Text | Paragraph]:
    certs = ladder.certifications
    return [
        text(f"Missing required certifications: {_names(certs, result.missing_required)}"),
        *_any_of(certs, result.missing_required_any, "Missing one of"),
        text(f"Missing recommended certifications: {_names(certs, result.missing_recommended)}"),
        *_experience_lines(ladder, result),
    ]


def _experience_lines(ladder: Ladder, result: Gap) -> list[Text]:
    lines = []
    if result.years is None:
        lines.append(
            text(
                f"Experience: {number(result.required_years)} {ladder.years} expected; "
                "the profile gives no years_experience"
            )
        )
    else:
        still = result.years_to_go
        rest = f", {number(still)} to go" if still else ""
        lines.append(
            text(
                f"Experience: {number(result.years)} of "
                f"{number(result.required_years)} {ladder.years} expected{rest}"
            )
        )
    return lines


def roles(ladder: Ladder) -> Table:
    table = grid(
        "Tier", "Role", "ID", "Years", "Next", title=printable(ladder.name), right={"Years"}
    )
    for tier_name, members in ladder.roles_by_tier():
        if table.row_count:
            table.add_section()
        for i, r in enumerate(members):
            table.add_row(
                text(tier_name if i == 0 else ""),
                text(r.name),
                text(r.id),
                number(r.min_years),
                text(", ".join(r.next) or "-"),
            )
    return table


def role(ladder: Ladder, result: Role) -> Group:
    parts: list[Any] = [title(f"{result.name} ({result.id})")]
    facts = []
    if result.tier:
        facts.append(ladder.tiers[result.tier].name if result.tier in ladder.tiers else result.tier)
    facts.append(f"{number(result.min_years)}+ {ladder.years}")
    if result.aliases:
        facts.append("also: " + ", ".join(result.aliases))
    parts.append(text(" | ".join(facts), "dim"))
    if result.summary:
        parts += [Text(), text(result.summary.strip())]
    if result.responsibilities:
        parts += [Text(), title("Responsibilities")]
        parts += [para(f"  - {item}") for item in result.responsibilities]
    table = grid("Skill", "Level", "Weight", right={"Weight"})
    for skill, level, weight in ladder.requirements(result):
        table.add_row(text(f"{skill.name} ({skill.id})"), level_cell(ladder, level), number(weight))
    parts += [Text(), title("Required skills"), table, Text()]
    certs = ladder.certifications
    parts.append(text(f"Certifications required: {_names(certs, result.certifications.required)}"))
    parts += _any_of(certs, result.certifications.required_any, "Certifications required, one of")
    parts.append(
        text(f"Certifications recommended: {_names(certs, result.certifications.recommended)}")
    )
    parts.append(text(f"Tools: {_names(ladder.tools, result.tools)}"))
    if result.kpis:
        parts.append(text(f"Measured by: {_names(_by_id(ladder.kpis), result.kpis)}"))
    parts.append(text(f"Next rungs: {_names(ladder.roles, result.next)}"))
    return Group(*parts)


def skills(ladder: Ladder) -> Table:
    table = grid("Category", "Skill", "ID", "Description")
    for name, members in ladder.skills_by_category():
        if table.row_count:
            table.add_section()
        for i, s in enumerate(members):
            table.add_row(
                text(name if i == 0 else ""), text(s.name), text(s.id), text(s.description)
            )
    return table


def skill(ladder: Ladder, result: Skill) -> Group:
    parts: list[Any] = [title(f"{result.name} ({result.id})")]
    if result.category:
        category = ladder.categories.get(result.category)
        parts.append(text(category.name if category else result.category, "dim"))
    if result.description:
        parts += [Text(), text(result.description)]
    levels = grid("Level", "What it looks like")
    for s in ladder.scale:
        if s.level > 0:
            descriptor = ladder.descriptor(result.id, s.level)
            levels.add_row(level_cell(ladder, s.level), text(descriptor))
    needed = grid("Role", "Level", "Weight", right={"Weight"})
    for r in ladder.roles.values():
        if result.id in r.skills:
            req = r.skills[result.id]
            needed.add_row(
                text(f"{r.name} ({r.id})"), level_cell(ladder, req.level), number(req.weight)
            )
    required_by: Any = needed if needed.row_count else text("No role requires it.")
    return Group(*parts, Text(), levels, Text(), title("Required by"), required_by)


def _readiness_cell(result: Gap | None) -> Text:
    if result is None:
        return text("-")
    return text(
        f"{percent(result.readiness)}{' ready' if result.ready else ''}",
        "green" if result.ready else "",
    )


def path(ladder: Ladder, result: Routes) -> Group:
    moves = len(result.paths[0].rungs) - 1
    head = f"{result.start.name} to {result.end.name}"
    if result.via is not None:
        head += f" via {result.via.name}"
    head += f": {moves} move{'s' if moves != 1 else ''}"
    count = len(result.paths)
    if count > 1:
        head += f", {count}{' or more' if result.more else ''} routes"
    parts: list[Any] = [title(head)]
    for n, route in enumerate(result.paths, 1):
        if count > 1:
            ids = " -> ".join(rung.role.id for rung in route.rungs)
            parts += [Text(), text(f"Route {n}: {ids}", "bold underline")]
        parts += _route(ladder, route)
    return Group(*parts)


def _route(ladder: Ladder, result: Route) -> list[Any]:
    parts: list[Any] = []
    for i, rung in enumerate(result.rungs):
        head = Text()
        head.append_text(text(f"{i}. {rung.role.name} ({rung.role.id})", "bold"))
        head.append_text(text(f"  {number(rung.role.min_years)}+ {ladder.years}", "dim"))
        if rung.gap is not None:
            head.append("  readiness ")
            head.append_text(_readiness_cell(rung.gap))
        parts += [Text(), Paragraph(head)]
        dropped = [c.name for c in rung.changes if c.kind == "dropped"]
        for c in rung.changes:
            if c.kind != "dropped":
                parts.append(para(f"   {c.name}: {_change(ladder, c)}", _CHANGE_STYLE[c.kind]))
        if dropped:
            parts.append(para(f"   No longer required: {', '.join(dropped)}", "dim"))
        certs = ladder.certifications
        if rung.new_required:
            parts.append(para(f"   Newly required: {_names(certs, rung.new_required)}"))
        parts += _any_of(certs, rung.new_required_any, "   Newly required, one of")
        if rung.new_recommended:
            parts.append(para(f"   Newly recommended: {_names(certs, rung.new_recommended)}"))
    return parts


_CHANGE_STYLE = {"new": "", "raised": "", "lowered": "dim"}


def _change(ladder: Ladder, c: Change) -> str:
    """A requirement's move, in words: `newly required, 3 Competent` or
    `2 Practised -> 3 Competent (up)`."""
    after = f"{c.after} {ladder.level_name(c.after)}"
    if c.kind == "new":
        return f"newly required, {after}"
    before = f"{c.before} {ladder.level_name(c.before)}"
    return f"{before} -> {after} ({'up' if c.kind == 'raised' else 'down'})"


def _why_not(gap: Gap) -> str:
    """The blockers in a few words: `2 skills below, needs pmp, 4 years to go`."""
    words = []
    for b in gap.blockers():
        if b.kind == "skills":
            words.append(f"{b.amount} skill{'s' if b.amount != 1 else ''} below")
        elif b.kind == "certification":
            words.append(f"needs {b.ids[0]}")
        elif b.kind == "certification_any":
            many = f"{len(b.ids)} certifications"  # `gap` names them all
            words.append(f"needs one of {' / '.join(b.ids) if len(b.ids) <= 3 else many}")
        else:
            words.append(f"{b.amount:g} year{'s' if b.amount != 1 else ''} to go")
    return ", ".join(words)


def _gap_with_weight(s: SkillGap) -> str:
    """`Benefits Management +2 (weight 2)`: the weight, where it ranks a gap above a larger one."""
    return f"{s.name} +{s.shortfall}" + (f" (weight {s.weight:g})" if s.weight != 1 else "")


def next_rungs(ladder: Ladder, current: Role, gaps: list[Gap]) -> Any:
    if not gaps:
        return text(f"{current.name} is the top of its ladder: no next rung.")
    table = grid(
        "Role",
        "Readiness",
        "Biggest gaps",
        "Not ready because",
        title=printable(f"Next rungs from {current.name}"),
        right={"Readiness"},
    )
    for g in gaps:
        biggest = ", ".join(_gap_with_weight(s) for s in g.short_skills()[:3]) or "none"
        table.add_row(
            text(f"{g.target.name} ({g.target.id})"),
            _readiness_cell(g),
            text(biggest),
            text(_why_not(g) or "-"),
        )
    return table


def match(ladder: Ladder, result: Match) -> Group:
    legend = text("Each █ is 5% of readiness reached, each ░ 5% still to go.", "dim")
    table = grid("Role", "Readiness", "", "Not ready because", right={"Readiness"}, legend=legend)
    for g in result.gaps:
        filled = round(g.readiness * 20)
        meter = Text("█" * filled, "green" if g.ready else "")
        meter.append("░" * (20 - filled), "dim")
        table.add_row(
            text(f"{g.target.name} ({g.target.id})"),
            _readiness_cell(g),
            meter,
            text(_why_not(g) or "-"),
        )
    best = result.highest_ready
    verdict = (
        text(f"Highest role you are ready for: {best.name} ({best.id})", "bold")
        if best
        else text("Not yet ready for any role of this ladder.", "bold")
    )
    return Group(table, Text(), verdict)


def plan(ladder: Ladder, result: Plan) -> Group:
    from pmoladder.plan import kpi_text  # here: every other table would pay for its import

    gap = result.gap
    head = title(f"Development plan: {gap.target.name} ({gap.target.id})")
    parts: list[Any] = [
        head,
        text(f"Readiness {percent(gap.readiness)}{' - ready' if gap.ready else ''}"),
    ]
    if result.skills:
        table = grid(
            "Skill",
            "From -> to",
            "Kind",
            "What the target level looks like",
            title="Skills",
            title_justify="left",
        )
        for item in result.skills:
            s = item.skill
            name = text(s.name)
            if result.freshness and s.id in result.freshness.stale:
                name.append(" (stale)", "yellow")
            table.add_row(
                name,
                text(f"{s.current} -> {s.required}"),
                text(item.kind),
                text(item.descriptor or ""),
            )
        parts += [Text(), table]
    if result.steps:
        parts += [Text(), title("Steps, most useful first")]
        for i, ranked in enumerate(result.steps, 1):
            skills = ", ".join(s.name for s in ranked.skills)
            step = ranked.step
            parts.append(para(f"{i}. {step.name} (score {number(ranked.score)}: {skills})"))
            if step.description:
                parts.append(para(f"   {step.description.strip()}", "dim"))
            parts += [para(f"   - {action}") for action in step.actions]
    if result.certifications or result.required_any:
        parts += [Text(), title("Certifications")]
        required = [c for c in result.certifications if c.required]
        parts += [para(f"- {_plan_certification(c)}") for c in required]
        for group in result.required_any:
            parts.append(para("- Required, any one of:"))
            parts += [para(f"   - {_plan_certification(c)}") for c in group]
        rest = result.certifications[len(required) :]
        parts += [para(f"- {_plan_certification(c)}") for c in rest]
    if not (result.skills or result.certifications or result.required_any):
        parts += [Text(), text(f"You meet every skill and certification {gap.target.name} needs.")]
    parts += [Text(), *_experience_lines(ladder, gap), *_freshness_lines(ladder, result.freshness)]
    if result.challenges:
        parts += [Text(), title("Challenges you will meet")]
        for c in result.challenges:
            parts.append(para(f"- {c.name}", "bold"))
            if c.description:
                parts.append(para(f"   {c.description.strip()}", "dim"))
            parts += [para(f"   - {s}") for s in c.strategies]
    if result.kpis:
        parts += [Text(), title("How you will be measured")]
        parts += [para(f"- {k.name}: {kpi_text(k)}") for k in result.kpis]
        parts += [para(f"- {f.name} (feedback): {f.description or ''}") for f in result.feedback]
    return Group(*parts)


def _plan_certification(item: CertificationItem) -> str:
    fact = f": {item.certification.eligibility}" if item.certification.eligibility else ""
    return f"{item.certification.name} ({item.note}){fact}"


SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """One block per value, on a fixed 0..1 scale so that lines compare across people."""
    return "".join(SPARKS[min(len(SPARKS) - 1, int(v * len(SPARKS)))] for v in values)


def _years(value: float | None) -> str:
    return "none" if value is None else number(value)


def _change_text(ladder: Ladder, changes: ProfileChanges) -> str:
    parts = []
    for label, move in (("role", changes.current_role), ("target", changes.target_role)):
        if move:
            parts.append(f"{label} {move[0] or 'none'} -> {move[1] or 'none'}")
    for c in changes.skills:
        if c.before is None or c.after is None:
            parts.append(f"{c.name} {'rated' if c.before is None else 'unrated'}")
        else:
            parts.append(f"{c.name} {'+' if c.after > c.before else '-'}{abs(c.after - c.before)}")
    parts += [f"{c.name} evidence" for c in changes.evidence]
    parts += [f"+{cert}" for cert in changes.gained]
    parts += [f"-{cert}" for cert in changes.lost]
    parts += [f"+tool {tool}" for tool in changes.tools_gained]
    parts += [f"-tool {tool}" for tool in changes.tools_lost]
    if changes.years:
        parts.append(f"years {_years(changes.years[0])} -> {_years(changes.years[1])}")
    return ", ".join(parts)


def progress(ladder: Ladder, result: Progress) -> Group:
    table = grid(
        "Commit",
        "Date",
        "Readiness",
        "Changes",
        title=printable(f"Progress towards {result.target.name}"),
        right={"Readiness"},
    )
    for p in result.points:
        table.add_row(
            text(p.version.commit[:7]),
            text(p.version.date[:10]),
            _readiness_cell(p.gap),
            text(_change_text(ladder, p.changes) or "-"),
        )
    values = [p.gap.readiness for p in result.points]
    trend = Text("Readiness over time: ")
    trend.append(sparkline(values), "green")
    trend.append(f" {percent(values[0])} -> {percent(values[-1])}")
    return Group(table, Text(), trend)


def diff(ladder: Ladder, result: Diff) -> Group:
    parts: list[Any] = [title(f"{result.old} -> {result.new}")]
    changes = result.changes
    if not changes:
        parts.append(text("No changes."))
    for label, move in (
        ("Current role", changes.current_role),
        ("Target role", changes.target_role),
    ):
        if move:
            before, after = (_role_label(ladder, r) for r in move)
            parts.append(para(f"  {label}: {before} -> {after}"))
    for c in changes.skills:
        before = "-" if c.before is None else f"{c.before} {ladder.level_name(c.before)}"
        after = "-" if c.after is None else f"{c.after} {ladder.level_name(c.after)}"
        parts.append(para(f"  {c.name}: {before} -> {after}"))
    certs = ladder.certifications
    if changes.gained:
        parts.append(para(f"  Certifications gained: {_names(certs, changes.gained)}"))
    if changes.lost:
        parts.append(para(f"  Certifications lost: {_names(certs, changes.lost)}"))
    for e in changes.evidence:
        parts.append(para(f"  Evidence for {e.name}: {e.before or 'none'} -> {e.after or 'none'}"))
    if changes.tools_gained:
        parts.append(para(f"  Tools gained: {_names(ladder.tools, changes.tools_gained)}"))
    if changes.tools_lost:
        parts.append(para(f"  Tools lost: {_names(ladder.tools, changes.tools_lost)}"))
    if changes.years:
        before, after = (_years(y) for y in changes.years)
        parts.append(para(f"  Years of experience: {before} -> {after}"))
    if result.old_gap is not None and result.new_gap is not None:
        parts.append(
            text(
                f"Readiness for {result.new_gap.target.name}: "
                f"{percent(result.old_gap.readiness)} -> "
                f"{percent(result.new_gap.readiness)}",
                "bold",
            )
        )
    return Group(*parts)


def _role_label(ladder: Ladder, role_id: str | None) -> str:
    return "none" if role_id is None else _names(ladder.roles, [role_id])


def heat(gap: int) -> str:
    """A heatmap cell's colour by the size of the gap; the number says it without colour."""
    if gap <= 0:
        return "green"
    return ("black on yellow", "black on dark_orange")[gap - 1] if gap < 3 else "white on red"


class Heatmap:
    """People as rows and numbered skills as columns, split into panels of columns when
    the terminal is too narrow for all of them: each panel repeats the person and their
    readiness, so that no cell, number or name is ever cut."""

    LEAD = ("Person", "Ready")

    def __init__(
        self,
        title: str,
        columns: list[str],
        rows: list[tuple[Text, Text, list[Text]]],
        totals: list[Text],
    ) -> None:
        self.title, self.columns, self.rows, self.totals = title, columns, rows, totals

    def _table(self, first: bool, person: int, columns: range) -> Table:
        table = Table(
            title=self.title if first else None,
            box=None,
            padding=(0, 0, 0, 1),
            pad_edge=False,
            header_style="bold",
        )
        table.add_column(self.LEAD[0], width=person, overflow="fold")
        table.add_column(self.LEAD[1], justify="right", no_wrap=True)
        for i in columns:
            table.add_column(self.columns[i], justify="right", no_wrap=True)
        for label, ready, cells in self.rows:
            table.add_row(label, ready, *(cells[i] for i in columns))
        table.add_section()
        table.add_row(text("Team total", "bold"), "", *(self.totals[i] for i in columns))
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Any]:
        width = options.max_width
        total = len("Team total")
        person = min(max([total] + [label.cell_len for label, _, _ in self.rows]), width // 2)
        ready = 1 + max([len(self.LEAD[1])] + [r.cell_len for _, r, _ in self.rows])
        sizes = [
            1 + max([len(head), self.totals[i].cell_len] + [r[2][i].cell_len for r in self.rows])
            for i, head in enumerate(self.columns)
        ]
        room, start, panels = width - person - ready, 0, []
        while start < len(sizes):
            end, used = start + 1, sizes[start]
            while end < len(sizes) and used + sizes[end] <= room:
                used += sizes[end]
                end += 1
            panels.append(range(start, end))
            start = end
        for n, columns in enumerate(panels or [range(0)]):
            if n:
                yield Text()
            yield self._table(n == 0, person, columns)


def team(ladder: Ladder, result: Team) -> Group:
    parts: list[Any] = []
    if result.target is not None:
        parts += _heatmap(ladder, result)
    else:
        parts += _people(ladder, result)
    parts += _team_notes(ladder, result)
    if result.bench is not None:
        parts += [Text(), _bench(result)]
    if result.skipped:
        parts += [
            Text(),
            text(
                f"Skipped {_count(len(result.skipped), 'file')} that could not be read.", "yellow"
            ),
        ]
    return Group(*parts)


def _count(n: int, noun: str) -> str:
    plural = "people" if noun == "person" else f"{noun}s"
    return f"{n} {noun if n == 1 else plural}"


def _heatmap(ladder: Ladder, result: Team) -> list[Any]:
    """People as rows, the target's skills as numbered columns, each cell the gap."""
    target = result.target
    assert target is not None
    reqs = ladder.requirements(target)
    column = {skill.id: str(i) for i, (skill, _, _) in enumerate(reqs, 1)}
    rows = []
    for placed in result.people:
        gaps = {s.id: s.shortfall for s in placed.gap.skills}
        cells = []
        for skill, _, _ in reqs:
            gap = gaps[skill.id]
            mark = "*" if skill.id in placed.member.stale else ""
            cells.append(text(f"{gap if gap else '·'}{mark}", heat(gap)))
        rows.append((text(result.label(placed.member)), _readiness_cell(placed.gap), cells))
    totals = [result.shortage(skill.id) for skill, _, _ in reqs]
    heatmap = Heatmap(
        printable(
            f"Gap to {target.name} per person and skill ({_count(len(result.people), 'person')})"
        ),
        list(column.values()),
        rows,
        [text(number(round(t.weighted_gap, 2)) if t else "·", "bold") for t in totals],
    )
    cover = grid(
        "#",
        "Skill",
        "Required",
        "Meeting it",
        "" if result.anonymous else "Only one or nobody",
        title="Skill cover, thinnest first",
        right={"#", "Meeting it"},
    )
    for c in result.coverage:
        style = "red" if c.meeting == 0 else ("yellow" if c.meeting == 1 else "")
        who = (
            ""
            if result.anonymous or c.who is None
            else ", ".join(result.labels[p] for p in c.who) or "nobody"
        )
        cover.add_row(
            column[c.skill.id],
            text(c.skill.name),
            level_cell(ladder, c.required),
            text(f"{c.meeting} of {c.people}", style),
            text(who, style),
        )
    legend = text(
        "Cells: the gap in levels (· none), * when the rating is stale; "
        "last row: the team's total weighted gap.",
        "dim",
    )
    return [heatmap, legend, Text(), cover, *_shortages(ladder, result)]


def _people(ladder: Ladder, result: Team) -> list[Any]:
    """Without a common target: each person against their own."""
    people = grid(
        "Person",
        "Target",
        "Readiness",
        "Biggest gap",
        title=f"Readiness for each person's own target ({_count(len(result.people), 'person')})",
        right={"Readiness"},
    )
    for placed in result.people:
        short = placed.gap.short_skills()
        biggest = f"{short[0].name} +{short[0].shortfall}" if short else "-"
        people.add_row(
            text(result.label(placed.member)),
            text(placed.gap.target.name),
            _readiness_cell(placed.gap),
            text(biggest),
        )
    parts: list[Any] = [people]
    if result.no_target:
        names = ", ".join(result.label(m) for m in result.no_target)
        parts += [Text(), text(f"No target (no target_role, and no --target): {names}", "yellow")]
    return parts + _shortages(ladder, result)


def _shortages(ladder: Ladder, result: Team) -> list[Any]:
    from pmoladder.team import NO_STEPS, NOBODY_SHORT

    if not result.show_shortages:
        return []
    short = grid(
        "Skill",
        "Weighted gap",
        "People short",
        title="Shortages, largest first",
        right={"Weighted gap", "People short"},
    )
    for s in result.shortages:
        short.add_row(text(s.skill.name), number(round(s.weighted_gap, 2)), str(s.short))
    steps = grid(
        "Step",
        "Helps",
        "Skills it develops",
        title="Steps that help the most people at once",
        right={"Helps"},
    )
    for h in result.steps:
        steps.add_row(
            text(h.step.name),
            str(h.people),
            text(", ".join(ladder.skills[sid].name for sid in h.skills)),
        )
    if not result.shortages:
        return [Text(), text(NOBODY_SHORT)]
    return [Text(), short, Text(), steps if result.steps else text(NO_STEPS)]


def _team_notes(ladder: Ladder, result: Team) -> list[Any]:
    """Per person: ratings assessed long ago, certificates lapsed or about to."""
    notes = result.to_refresh(
        lambda ids: ", ".join(ladder.skills[s].name for s in ids),
        lambda dated: ", ".join(
            f"{_names(ladder.certifications, [c])} on {day}" for c, day in dated.items()
        ),
    )
    lines = [text(f"{result.label(member)}: {said}", "yellow") for member, said in notes]
    return [Text(), title("To refresh"), *lines] if lines else []


def _bench(result: Team) -> Table:
    table = grid(
        "Role",
        "Ready now",
        f"Ready soon ({percent(result.within)}+)",
        title="Bench: who could step into each role",
    )
    for b in result.bench or []:
        if result.anonymous:
            now, soon = str(len(b.ready_now)), str(len(b.ready_soon))
        else:
            now = ", ".join(result.label(p.member) for p in b.ready_now) or "-"
            soon = ", ".join(result.label(p.member) for p in b.ready_soon) or "-"
        table.add_row(text(b.role.name), text(now), text(soon))
    return table


def config(found: dict[str, Setting]) -> Table:
    table = grid("Setting", "Value", "Source")
    for key, s in found.items():
        source = f"{s.source} ({s.path})" if s.path else s.source
        table.add_row(text(key), text(s.value), text(source))
    return table


def ladder_diff(result: LadderDiff) -> str:
    """A line per change, as `diff` marks them: plain text that greps and pipes."""
    found = result.lines()
    return "\n".join(found) + "\n" if found else "no changes\n"
