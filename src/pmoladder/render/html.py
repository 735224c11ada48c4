"""One self-contained HTML file per report, to open in a browser, mail or print to PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pmoladder.render import svg

if TYPE_CHECKING:
    from pmoladder.gap import Gap
    from pmoladder.ladder import Ladder
    from pmoladder.plan import Plan
    from pmoladder.team import Team


def gap(ladder: Ladder, result: Gap) -> str:
    return _report(ladder, result, None, f"Gap to {result.target.name}")


def plan(ladder: Ladder, result: Plan) -> str:
    return _report(ladder, result.gap, result, f"Development plan: {result.gap.target.name}")


def _report(ladder: Ladder, result: Gap, the_plan: Plan | None, title: str) -> str:
    from pmoladder import web
    from pmoladder.plan import kpi_text

    return web.render(
        "report.html",
        site=None,
        ladder=ladder,
        kpi_text=kpi_text,
        title=title,
        gap=result,
        chart=web.markup(svg.gap(ladder, result)),
        plan=the_plan,
    )


def team(ladder: Ladder, result: Team) -> str:
    from pmoladder import web

    people = f"{len(result.people)} {'person' if len(result.people) == 1 else 'people'}"
    if result.target is not None:
        title = f"Gap to {result.target.name}: {people}"
    else:
        title = f"Readiness for each person's own target: {people}"
    chart = web.markup(svg.team(ladder, result)) if result.target and result.people else None
    return web.render("team.html", site=None, ladder=ladder, title=title, team=result, chart=chart)
