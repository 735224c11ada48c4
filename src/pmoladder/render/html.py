"""One self-contained HTML file per report, to open in a browser, mail or print to PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmoladder.render import svg

if TYPE_CHECKING:
    from pmoladder.freshness import Freshness
    from pmoladder.gap import Gap, GapReport
    from pmoladder.ladder import Ladder
    from pmoladder.plan import Plan
    from pmoladder.team import Team


def gap(ladder: Ladder, report: GapReport) -> str:
    title = f"Gap to {report.gap.target.name}"
    return _report(ladder, report.gap, report.freshness, None, title)


def plan(ladder: Ladder, result: Plan) -> str:
    title = f"Development plan: {result.gap.target.name}"
    return _report(ladder, result.gap, result.freshness, result, title)


def _report(
    ladder: Ladder, gap: Gap, fresh: Freshness | None, the_plan: Plan | None, title: str
) -> str:
    from pmoladder import web
    from pmoladder.plan import kpi_text

    return web.render(
        "report.html",
        site=None,
        ladder=ladder,
        kpi_text=kpi_text,
        title=title,
        gap=gap,
        freshness=fresh,
        chart=web.markup(svg.gap_chart(ladder, gap)),
        plan=the_plan,
    )


def team(ladder: Ladder, result: Team) -> str:
    from pmoladder import web
    from pmoladder.team import NO_STEPS, NOBODY_SHORT

    people = f"{len(result.people)} {'person' if len(result.people) == 1 else 'people'}"
    if result.target is not None:
        title = f"Gap to {result.target.name}: {people}"
    else:
        title = f"Readiness for each person's own target: {people}"
    chart = web.markup(svg.team(ladder, result)) if result.target and result.people else None
    return web.render(
        "team.html",
        site=None,
        ladder=ladder,
        title=title,
        team=result,
        chart=chart,
        nobody_short=NOBODY_SHORT,
        no_steps=NO_STEPS,
    )
