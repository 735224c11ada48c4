"""The ladder drawn as a picture: one box per role, rows by steps from the first rung,
arrows for the `next` moves, so a fork shows as two boxes side by side.

Rows come from a breadth-first walk along `next`, starting at the roles no move leads
to, so the drawing is the same for every run and copes with loops and unreachable roles.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from pmoladder.render.svg import LINE, _text, wrap

if TYPE_CHECKING:
    from pmoladder.ladder import Ladder

BOX_W, GAP_X, GAP_Y, PAD = 220, 36, 44, 12
CHARS = 26  # about what fits on one line of a box


def rows(ladder: Ladder) -> list[list[str]]:
    """Role ids by row: a role sits one row below the first role that leads to it."""
    led_to = {n for role in ladder.roles.values() for n in role.next}
    starts = [r for r in ladder.roles if r not in led_to] or list(ladder.roles)[:1]
    depth: dict[str, int] = {}
    for start in [*starts, *ladder.roles]:  # then whatever no start reaches
        if start in depth:
            continue
        depth[start] = 0 if start in starts else max(depth.values(), default=-1) + 1
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for nxt in ladder.roles[current].next:
                if nxt not in depth:
                    depth[nxt] = depth[current] + 1
                    queue.append(nxt)
    out: list[list[str]] = [[] for _ in range(max(depth.values()) + 1)]
    for role_id in ladder.roles:  # within a row, the ladder's order
        out[depth[role_id]].append(role_id)
    return [row for row in out if row]


def picture(ladder: Ladder, href: str = "roles/{}.html") -> str:
    layout = rows(ladder)
    width = max(len(row) for row in layout) * (BOX_W + GAP_X) - GAP_X + 2 * PAD
    boxes: dict[str, tuple[float, float, float]] = {}  # id -> x, y, height
    parts: list[str] = []
    y = PAD
    for row in layout:
        texts = {rid: _lines(ladder, rid) for rid in row}
        height = max(len(lines) for lines, _ in texts.values()) * LINE + LINE + 2 * 10
        left = (width - (len(row) * (BOX_W + GAP_X) - GAP_X)) / 2
        for i, rid in enumerate(row):
            x = left + i * (BOX_W + GAP_X)
            boxes[rid] = (x, y, height)
            lines, tier = texts[rid]
            role = ladder.roles[rid]
            spans = "".join(
                f'<tspan x="{x + BOX_W / 2:.1f}" dy="{LINE if j else 0}">{_text(line)}</tspan>'
                for j, line in enumerate(lines)
            )
            parts.append(
                f'<a href="{href.format(rid)}"><title>{_text(role.name)}</title>'
                f'<rect class="box" x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{height}" '
                'rx="6" fill="#eef1f5" stroke="#4d4d4d"/>'
                f'<text x="{x + BOX_W / 2:.1f}" y="{y + 24:.1f}" text-anchor="middle" '
                f'font-weight="bold" fill="#1a1a1a">{spans}</text>'
                f'<text class="tier" x="{x + BOX_W / 2:.1f}" y="{y + height - 12:.1f}" '
                f'text-anchor="middle" font-size="12" fill="#4d4d4d">{_text(tier)}</text></a>'
            )
        y += height + GAP_Y
    edges = [_edge(boxes[r.id], boxes[n]) for r in ladder.roles.values() for n in r.next]
    height = y - GAP_Y + PAD
    return "\n".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="ladder" width="{width}" '
            f'height="{height:.0f}" viewBox="0 0 {width} {height:.0f}" '
            'font-family="Helvetica, Arial, sans-serif" font-size="14">',
            f"<title>{_text(f'The roles of {ladder.name} and the moves between them')}</title>",
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
            'markerHeight="8" orient="auto-start-reverse"><path class="arrow" '
            'd="M0,0 L10,5 L0,10 z" fill="#4d4d4d"/></marker></defs>',
            *edges,
            *parts,
            "</svg>",
        ]
    )


def _lines(ladder: Ladder, role_id: str) -> tuple[list[str], str]:
    role = ladder.roles[role_id]
    tier = ladder.tiers[role.tier].name if role.tier in ladder.tiers else ""
    return wrap(role.name, CHARS, 3), wrap(tier, CHARS + 6, 1)[0]


def _edge(a: tuple[float, float, float], b: tuple[float, float, float]) -> str:
    """A straight arrow between two boxes: down to a lower row, across within one, else up."""
    ax, ay, ah = a
    bx, by, bh = b
    if by > ay:
        x1, y1, x2, y2 = ax + BOX_W / 2, ay + ah, bx + BOX_W / 2, by
    elif by == ay:
        right = bx > ax
        x1, x2 = (ax + BOX_W, bx) if right else (ax, bx + BOX_W)
        y1 = y2 = ay + ah / 2
    else:  # from the top of one box to the bottom of the other, each on the side facing
        # the other, so the arrow does not run along the downward arrows at their middles
        lean = 0.0 if bx == ax else (BOX_W / 2 - 20) * (1 if bx > ax else -1)
        x1, y1 = ax + BOX_W / 2 + (lean or 20), ay
        x2, y2 = bx + BOX_W / 2 - (lean or -20), by + bh
    return (
        f'<line class="edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        'stroke="#4d4d4d" stroke-width="1.5" marker-end="url(#arrow)"/>'
    )
