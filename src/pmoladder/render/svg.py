"""A radar chart of a gap as standalone SVG, readable on a white background.

It is a handful of polygons and labels, so it is written directly rather than through a
plotting library. Axes follow the ladder's skill order, so the shape is stable over time.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from pmoladder.errors import one_line

if TYPE_CHECKING:
    from pmoladder.gap import Gap
    from pmoladder.ladder import Ladder


WIDTH, HEIGHT = 1040, 720
CX, CY = WIDTH / 2, 380
RADIUS = 220
REQUIRED = "#1f5fbf"
CURRENT = "#e07b00"


def _text(value: object) -> str:
    return escape(one_line(str(value)))


def _point(axis: int, axes: int, level: float, top: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * axis / axes
    r = RADIUS * level / top if top else 0
    return CX + r * math.cos(angle), CY + r * math.sin(angle)


def _points(levels: list[int], top: int) -> str:
    return " ".join(
        f"{x:.1f},{y:.1f}"
        for x, y in (_point(i, len(levels), lv, top) for i, lv in enumerate(levels))
    )


def gap(ladder: Ladder, result: Gap) -> str:
    skills = sorted(result.skills, key=lambda s: ladder.skill_order[s.id])
    top = ladder.max_level
    n = len(skills)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="Helvetica, Arial, sans-serif" '
        'font-size="13">',
        f"<title>{_text(f'Gap to {result.target.name}')}</title>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{CX}" y="30" text-anchor="middle" font-size="18" font-weight="bold">'
        f"{_text(f'Gap to {result.target.name}')}</text>",
        f'<text x="{CX}" y="54" text-anchor="middle" font-size="14">'
        f"Readiness {round(result.readiness * 100)}%"
        f"{' (ready)' if result.ready else ''}</text>",
        '<g class="grid" fill="none" stroke="#c8c8c8">',
    ]
    if n:
        for level in range(1, top + 1):
            out.append(f'<polygon points="{_points([level] * n, top)}"/>')
        for i in range(n):
            x, y = _point(i, n, top, top)
            out.append(f'<line x1="{CX}" y1="{CY}" x2="{x:.1f}" y2="{y:.1f}"/>')
    out.append("</g>")
    if n:
        out.append(
            f'<polygon class="required" points="{_points([s.required for s in skills], top)}"'
            f' fill="{REQUIRED}" fill-opacity="0.12" stroke="{REQUIRED}" '
            'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        current = [min(s.current, top) for s in skills]
        out.append(
            f'<polygon class="current" points="{_points(current, top)}" '
            f'fill="{CURRENT}" fill-opacity="0.35" stroke="{CURRENT}" stroke-width="2"/>'
        )
    out.append('<g class="labels" fill="#222222">')
    for i, s in enumerate(skills):
        x, y = _point(i, n, top * 1.12, top)
        anchor = "middle" if abs(x - CX) < 20 else ("start" if x > CX else "end")
        label = f"{s.name} ({s.current}/{s.required})"
        out.append(
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor={quoteattr(anchor)}>'
            f"{_text(label)}</text>"
        )
    out.append("</g>")
    legend_y = HEIGHT - 40
    out += [
        f'<rect x="40" y="{legend_y}" width="14" height="14" fill="{CURRENT}" fill-opacity="0.35"'
        f' stroke="{CURRENT}"/>',
        f'<text x="60" y="{legend_y + 12}">Current level</text>',
        f'<rect x="180" y="{legend_y}" width="14" height="14" fill="{REQUIRED}" '
        f'fill-opacity="0.12" stroke="{REQUIRED}" stroke-dasharray="4 2"/>',
        f'<text x="200" y="{legend_y + 12}">{_text(f"Required for {result.target.name}")}</text>',
        "</svg>",
    ]
    return "\n".join(out) + "\n"
