"""A gap as a standalone SVG chart: a radar up to about two dozen skills, sorted bars beyond.

It is a handful of polygons, rectangles and labels, so it is written directly rather than
through a plotting library. The requirement is an outline over a translucent current
level, so neither hides the other; rings and ticks carry level numbers, and the headline
says "ready" or "not ready" in words, so nothing depends on colour alone. The canvas grows
to fit every label; a name too long for three lines is shortened on the chart and kept
whole in a tooltip. Every element has a class, so a web page can restyle it (dark mode).
"""

from __future__ import annotations

import math
import textwrap
import unicodedata
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from pmoladder.errors import one_line

if TYPE_CHECKING:
    from pmoladder.gap import Gap, GapReport, SkillGap
    from pmoladder.ladder import Ladder
    from pmoladder.team import Team


RADAR_MAX = 24  # past this many axes, labels crowd each other: bars read better
RADIUS = 210
FONT = 13
LINE = 16
MARGIN = 24
REQUIRED = "#1f5fbf"
CURRENT = "#e07b00"
INK = "#222222"
GRID = "#c8c8c8"
MUTED = "#555555"
# The web pages' dark palette, for a chart opened on its own or shown by a git host in
# dark mode; a page that embeds the chart styles it with its own, more specific rules.
DARK = (
    "<style>@media (prefers-color-scheme: dark) { .bg { fill: #15171c } "
    "text { fill: #ececec } text.ring { fill: #b8b8b8; stroke: #15171c } "
    ".grid { stroke: #4a4f59 } .current { fill: #ffab40; stroke: #ffab40 } "
    ".required { stroke: #8ab4f8 } text.cell { fill: #1a1a1a } "
    "text.cell.on-dark { fill: #ffffff } }</style>"
)


def _text(value: object) -> str:
    """Text for an element: `one_line` turns what XML forbids (controls, U+FFFE, lone
    surrogates) into escapes, and `escape` keeps `<` and `&` from starting markup."""
    return escape(one_line(str(value)))


def text_width(text: str, size: float = FONT) -> float:
    """A generous estimate of rendered width, so labels are placed inside the canvas."""
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text)
    return (len(text) - wide) * size * 0.62 + wide * size * 1.05


def wrap(text: str, width: int, lines: int = 3) -> list[str]:
    """At most `lines` lines of about `width` characters; an ellipsis marks what is left out."""
    out = textwrap.wrap(one_line(text), width, break_long_words=True) or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out


class _Canvas:
    """Elements in free coordinates plus the box they cover; the SVG is sized to that box."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.x0 = self.y0 = math.inf
        self.x1 = self.y1 = -math.inf

    def cover(self, x0: float, y0: float, x1: float, y1: float) -> None:
        self.x0, self.y0 = min(self.x0, x0), min(self.y0, y0)
        self.x1, self.y1 = max(self.x1, x1), max(self.y1, y1)

    def add(self, part: str) -> None:
        self.parts.append(part)

    def text(
        self,
        x: float,
        y: float,
        lines: list[str],
        anchor: str = "start",
        cls: str = "label",
        size: float = FONT,
        tooltip: str | None = None,
        extra: str = "",
    ) -> None:
        """Lines of text with their first baseline at y; the covered box follows the anchor."""
        width = max(text_width(line, size) for line in lines)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        self.cover(left, y - size, left + width, y + (len(lines) - 1) * LINE + size * 0.3)
        spans = "".join(
            f'<tspan x="{x:.1f}"{f" dy={quoteattr(str(LINE))}" if i else ""}>{_text(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        title = f"<title>{_text(tooltip)}</title>" if tooltip else ""
        self.add(
            f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" '
            f'font-size="{size:g}" fill="{MUTED if cls == "ring" else INK}"{extra}>'
            f"{title}{spans}</text>"
        )

    def svg(self, title: str) -> str:
        x0, y0 = math.floor(self.x0 - MARGIN), math.floor(self.y0 - MARGIN)
        w, h = math.ceil(self.x1 + MARGIN) - x0, math.ceil(self.y1 + MARGIN) - y0
        return (
            "\n".join(
                [
                    f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
                    f'width="{w}" height="{h}" viewBox="{x0} {y0} {w} {h}" '
                    f'font-family="Helvetica, Arial, sans-serif" font-size="{FONT}">',
                    f"<title>{_text(title)}</title>",
                    DARK,
                    f'<rect class="bg" x="{x0}" y="{y0}" width="{w}" height="{h}" fill="#ffffff"/>',
                    *self.parts,
                    "</svg>",
                ]
            )
            + "\n"
        )


def verdict(result: Gap) -> str:
    """The headline in words: `Readiness 69%: not ready`."""
    return f"Readiness {round(result.readiness * 100)}%: {'ready' if result.ready else 'not ready'}"


def gap(ladder: Ladder, report: GapReport) -> str:
    """The chart as a file of its own."""
    return gap_chart(ladder, report.gap)


def gap_chart(ladder: Ladder, result: Gap) -> str:
    """The levels against the target's, as a file or in a web page."""
    c = _Canvas()
    if len(result.skills) > RADAR_MAX:
        _bars(c, ladder, result.skills)
    else:
        skills = sorted(result.skills, key=lambda s: ladder.skill_order[s.id])
        _radar(c, ladder, skills)
    _legend(c, result)
    _heading(c, result)
    title = f"Gap to {result.target.name}. {verdict(result)}."
    return c.svg(title)


def _heading(c: _Canvas, result: Gap) -> None:
    """Title and verdict above whatever was drawn, left-aligned with it."""
    top = c.y0 - 18
    heading = wrap(f"Gap to {result.target.name}", 70, 2)
    c.text(
        c.x0, top - 26 - (len(heading) - 1) * LINE, heading, size=18, extra=' font-weight="bold"'
    )
    c.text(c.x0, top, [verdict(result)], size=14)


def _legend(c: _Canvas, result: Gap) -> None:
    y = c.y1 + 28
    x = c.x0
    c.cover(x, y, x + 14, y + 14)
    c.add(
        f'<rect class="current" x="{x:.1f}" y="{y:.1f}" width="14" height="14" '
        f'fill="{CURRENT}" fill-opacity="0.35" stroke="{CURRENT}"/>'
    )
    c.text(x + 20, y + 12, ["Current level (filled)"])
    x += 20 + text_width("Current level (filled)") + 24
    c.cover(x, y, x + 14, y + 14)
    c.add(
        f'<rect class="required" x="{x:.1f}" y="{y:.1f}" width="14" height="14" fill="none" '
        f'stroke="{REQUIRED}" stroke-width="2" stroke-dasharray="4 2"/>'
    )
    c.text(x + 20, y + 12, wrap(f"Required for {result.target.name} (dashed outline)", 60))


# --- radar -----------------------------------------------------------------------------


def _point(axis: int, axes: int, level: float, top: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * axis / axes
    r = RADIUS * level / top if top else 0
    return r * math.cos(angle), r * math.sin(angle)


def _points(levels: list[int], top: int) -> str:
    return " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (_point(i, len(levels), lv, top) for i, lv in enumerate(levels))
    )


def _radar(c: _Canvas, ladder: Ladder, skills: list[SkillGap]) -> None:
    top, n = ladder.max_level, len(skills)
    c.cover(-RADIUS, -RADIUS, RADIUS, RADIUS)
    if not n:
        return
    c.add(f'<g class="grid" fill="none" stroke="{GRID}">')
    for level in range(1, top + 1):
        c.add(f'<polygon points="{_points([level] * n, top)}"/>')
    for i in range(n):
        x, y = _point(i, n, top, top)
        c.add(f'<line x1="0" y1="0" x2="{x:.1f}" y2="{y:.1f}"/>')
    c.add("</g>")
    current = [min(s.current, top) for s in skills]
    c.add(
        f'<polygon class="current" points="{_points(current, top)}" '
        f'fill="{CURRENT}" fill-opacity="0.35" stroke="{CURRENT}" stroke-width="2"/>'
    )
    c.add(
        f'<polygon class="required" points="{_points([s.required for s in skills], top)}"'
        f' fill="none" stroke="{REQUIRED}" stroke-width="2.5" stroke-dasharray="7 4"/>'
    )
    for level in range(1, top + 1):  # ring labels just right of the top axis
        c.text(
            5,
            -RADIUS * level / top - 3,
            [f"{level} {ladder.level_name(level)}"],
            cls="ring",
            size=11,
            extra=' paint-order="stroke" stroke="#ffffff" stroke-width="3"',
        )
    placed: list[tuple[float, float, float, float]] = []
    for i in sorted(range(n), key=lambda i: abs(_point(i, n, 1, 1)[1])):  # middle rows first
        s = skills[i]
        x, y = _point(i, n, top * 1.08, top)
        anchor = "middle" if abs(x) < 20 else ("start" if x > 0 else "end")
        lines = [*wrap(s.name, 22), f"{s.current} of {s.required}"]
        height = (len(lines) - 1) * LINE
        if y < -RADIUS / 3:  # upper labels grow upwards, lower ones downwards
            first = y - height
        elif y > RADIUS / 3:
            first = y + FONT * 0.7
        else:
            first = y + FONT * 0.35 - height / 2
        width = max(text_width(line) for line in lines)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
        box = (left, first - FONT, left + width, first + height + 4)
        while True:  # move away from the centre until clear of the labels placed so far
            hit = next((o for o in placed if _overlap(box, o)), None)
            if hit is None:
                break
            shift = hit[3] - box[1] if y > 0 else hit[1] - box[3]
            first += shift
            box = (box[0], box[1] + shift, box[2], box[3] + shift)
        placed.append(box)
        c.text(x, first, lines, anchor=anchor, tooltip=s.name)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- bars ------------------------------------------------------------------------------

BAR_WIDTH = 360
LABEL_CHARS = 34


def _bars(c: _Canvas, ladder: Ladder, skills: list[SkillGap]) -> None:
    """One row per skill in the gap's order (biggest weighted gap first)."""
    top = max(ladder.max_level, 1)
    unit = BAR_WIDTH / top
    rows = [wrap(s.name, LABEL_CHARS, 2) for s in skills]
    label_w = max(text_width(line) for lines in rows for line in lines)
    x0 = label_w + 12
    y = 0.0
    for level in range(top + 1):  # the scale as ticks above the bars
        c.text(x0 + level * unit, -8, [str(level)], anchor="middle", cls="ring", size=11)
    heights = [max(26, len(lines) * LINE + 8) for lines in rows]
    total = sum(heights)
    c.add(f'<g class="grid" stroke="{GRID}">')
    for level in range(top + 1):
        x = x0 + level * unit
        c.add(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{total:.1f}"/>')
    c.add("</g>")
    for s, lines, h in zip(skills, rows, heights, strict=True):
        mid = y + h / 2
        first = mid - (len(lines) - 1) * LINE / 2 + FONT * 0.35
        c.text(label_w, first, lines, anchor="end", tooltip=s.name)
        if s.current:
            c.add(
                f'<rect class="current" x="{x0:.1f}" y="{mid - 8:.1f}" '
                f'width="{min(s.current, top) * unit:.1f}" height="16" '
                f'fill="{CURRENT}" fill-opacity="0.35" stroke="{CURRENT}"/>'
            )
        c.add(
            f'<rect class="required" x="{x0:.1f}" y="{mid - 11:.1f}" '
            f'width="{s.required * unit:.1f}" height="22" fill="none" stroke="{REQUIRED}" '
            'stroke-width="2" stroke-dasharray="6 3"/>'
        )
        note = f"{s.current} of {s.required}" + (
            f", {s.shortfall} short" if s.shortfall else ", met"
        )
        c.text(x0 + BAR_WIDTH + 10, mid + FONT * 0.35, [note])
        y += h
    c.cover(0, -20, x0 + BAR_WIDTH, total)
    scale = ", ".join(f"{s.level} {s.name}" for s in ladder.scale)
    c.text(0, total + 22, wrap(f"Levels: {scale}", 90, 4), cls="ring", size=11)


HEAT = ("#e3f2e1", "#fde68a", "#f6a04d", "#d9412b")  # no gap, 1, 2, 3 or more levels
CELL_W, CELL_H = 44, 26
SLANT = math.radians(50)  # skill names rise to the right above their columns
HEAT_LEGEND = ("no gap", "1 level", "2 levels", "3 or more")


def _heat(gap: float) -> int:
    return min(3, max(0, math.ceil(gap)))


def team(ladder: Ladder, result: Team) -> str:
    """The heatmap: people down, the target's skills across, each cell coloured by the gap
    and labelled with it. The canvas grows to fit the longest name and skill."""
    assert result.target is not None  # the command asks for --target with svg
    reqs = ladder.requirements(result.target)
    c = _Canvas()
    labels = [result.label(p.member) for p in result.people]
    names = max(text_width(label) for label in [*labels, "Team total"])
    ready = names + 12  # the readiness column, then one column per skill
    x0 = ready + CELL_W
    c.text(ready + CELL_W / 2, -8, ["Ready"], anchor="middle")
    for i, (skill, level, _) in enumerate(reqs):
        x, name = x0 + CELL_W * i + CELL_W / 2, f"{skill.name} ({level})"
        rise = text_width(name)
        c.cover(x, -8 - rise * math.sin(SLANT) - FONT, x + rise * math.cos(SLANT) + FONT, 0)
        c.add(
            f'<text class="label" x="{x:.0f}" y="-8" transform="rotate({-math.degrees(SLANT):g} '
            f'{x:.0f} -8)" fill="{INK}">{_text(name)}</text>'
        )
    for r, (placed, label) in enumerate(zip(result.people, labels, strict=True)):
        y = CELL_H * r
        c.text(names, y + 17, [label], anchor="end")
        c.text(
            ready + CELL_W / 2, y + 17, [f"{round(placed.gap.readiness * 100)}%"], anchor="middle"
        )
        gaps = {s.id: s.shortfall for s in placed.gap.skills}
        for i, (skill, _, _) in enumerate(reqs):
            mark = "*" if skill.id in placed.member.stale else ""
            _cell(c, x0 + CELL_W * i, y, gaps[skill.id], f"{gaps[skill.id] or ''}{mark}")
    below = CELL_H * len(result.people) + 23
    bold = ' font-weight="bold"'
    c.text(names, below, ["Team total"], anchor="end", extra=bold)
    for i, (skill, _, _) in enumerate(reqs):
        found = result.shortage(skill.id)
        total = round(found.weighted_gap, 2) if found else 0
        c.text(x0 + CELL_W * i + CELL_W / 2, below, [f"{total:g}"], anchor="middle", extra=bold)
    x, legend = c.x0, c.y1 + 28
    for i, label in enumerate(HEAT_LEGEND):
        c.add(
            f'<rect class="heat h{i}" x="{x:.1f}" y="{legend:.1f}" width="14" height="14" '
            f'fill="{HEAT[i]}" stroke="#999999"/>'
        )
        c.text(x + 20, legend + 12, [label])
        x += 20 + text_width(label) + 24
    c.text(x, legend + 12, ["* stale rating; last row: the team's total weighted gap"])
    count = len(result.people)
    head = f"Gap to {result.target.name}: {count} {'person' if count == 1 else 'people'}"
    c.text(c.x0, c.y0 - 18, wrap(head, 70, 2), size=18, extra=bold)
    return c.svg(head)


def _cell(c: _Canvas, x: float, y: float, gap: int, label: str) -> None:
    """One cell; its number is dark on the light colours and white on the darkest one,
    in both colour schemes, since the cells keep their colours."""
    heat = _heat(gap)
    on = ("cell on-dark", "#ffffff") if heat == 3 else ("cell", INK)
    c.cover(x, y, x + CELL_W - 2, y + CELL_H - 2)
    c.add(
        f'<rect class="heat h{heat}" x="{x:.1f}" y="{y}" width="{CELL_W - 2}" '
        f'height="{CELL_H - 2}" fill="{HEAT[heat]}"/>'
    )
    c.add(
        f'<text class="{on[0]}" x="{x + CELL_W / 2 - 1:.1f}" y="{y + 17}" text-anchor="middle" '
        f'fill="{on[1]}">{_text(label)}</text>'
    )
