"""Moving up: the path between two roles, the next rungs, and the best fit on the ladder."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from pmoladder.gap import Gap, Standing, compute_gap
from pmoladder.ladder import Ladder
from pmoladder.models import Role


@dataclass(frozen=True)
class Change:
    skill: str
    name: str
    before: int
    after: int


@dataclass(frozen=True)
class Rung:
    role: Role
    changes: list[Change]
    new_required: list[str]
    new_required_any: list[list[str]]
    new_recommended: list[str]
    gap: Gap | None  # with a profile: the person's gap to this rung


@dataclass(frozen=True)
class Path:
    start: Role
    end: Role
    rungs: list[Rung]


def shortest_path(ladder: Ladder, start: Role, end: Role) -> list[Role] | None:
    """Fewest moves along `next`, exploring in the ladder's listed order, so ties are stable."""
    previous: dict[str, str | None] = {start.id: None}
    queue = deque([start.id])
    while queue:
        current = queue.popleft()
        if current == end.id:
            chain = []
            node: str | None = current
            while node is not None:
                chain.append(ladder.roles[node])
                node = previous[node]
            return chain[::-1]
        for nxt in ladder.roles[current].next:
            if nxt not in previous:
                previous[nxt] = current
                queue.append(nxt)
    return None


def changes_between(ladder: Ladder, before: Role | None, after: Role) -> list[Change]:
    """Every skill whose required level differs, decreases included, in ladder order."""
    old = {} if before is None else {s: r.level for s, r in before.skills.items()}
    new = {s: r.level for s, r in after.skills.items()}
    return [
        Change(sid, ladder.skills[sid].name, old.get(sid, 0), new.get(sid, 0))
        for sid in sorted(old.keys() | new.keys(), key=ladder.skill_order.__getitem__)
        if old.get(sid, 0) != new.get(sid, 0)
    ]


def walk(ladder: Ladder, start: Role, end: Role, standing: Standing | None) -> Path | None:
    roles = shortest_path(ladder, start, end)
    if roles is None:
        return None
    rungs = []
    for before, role in zip([None, *roles], roles, strict=False):
        if before is None:
            changes, required, groups, recommended = [], [], [], []
        else:
            changes = changes_between(ladder, before, role)
            held = set(before.certifications.held_by_role())
            required = [c for c in role.certifications.required if c not in held]
            groups = [g for g in role.certifications.required_any if held.isdisjoint(g)]
            held |= set(before.certifications.recommended)
            recommended = [c for c in role.certifications.recommended if c not in held]
        gap = None if standing is None else compute_gap(ladder, standing, role)
        rungs.append(Rung(role, changes, required, groups, recommended, gap))
    return Path(start, end, rungs)


def next_rungs(ladder: Ladder, standing: Standing, current: Role) -> list[Gap]:
    return [compute_gap(ladder, standing, ladder.roles[r]) for r in current.next]


@dataclass(frozen=True)
class Match:
    gaps: list[Gap]

    @property
    def highest_ready(self) -> Role | None:
        ready = [g.target for g in self.gaps if g.ready]
        return ready[-1] if ready else None


def match(ladder: Ladder, standing: Standing) -> Match:
    return Match([compute_gap(ladder, standing, role) for role in ladder.roles.values()])
