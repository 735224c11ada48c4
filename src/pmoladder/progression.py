"""Moving up: the path between two roles, the next rungs, and the best fit on the ladder."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from pmoladder.gap import Gap, Standing, compute_gap
from pmoladder.ladder import Ladder
from pmoladder.models import Role


@dataclass(frozen=True)
class Change:
    """A skill whose required level differs from one role to the next."""

    skill: str
    name: str
    before: int
    after: int

    @property
    def kind(self) -> str:
        """`new` (not required before), `dropped` (no longer required), `raised`, `lowered`."""
        if self.before == 0:
            return "new"
        if self.after == 0:
            return "dropped"
        return "raised" if self.after > self.before else "lowered"


@dataclass(frozen=True)
class Rung:
    role: Role
    changes: list[Change]
    new_required: list[str]
    new_required_any: list[list[str]]
    new_recommended: list[str]
    gap: Gap | None  # with a profile: the person's gap to this rung


@dataclass(frozen=True)
class Route:
    start: Role
    end: Role
    rungs: list[Rung]


MAX_ROUTES = 20  # a ladder with many parallel tracks could have thousands of equal routes


@dataclass(frozen=True)
class Routes:
    """Every shortest route from `start` to `end` (through `via` when given), up to
    MAX_ROUTES of them; `more` says that some were left out."""

    start: Role
    end: Role
    via: Role | None
    paths: list[Route]
    more: bool


def shortest_paths(ladder: Ladder, start: Role, end: Role) -> Iterator[list[Role]]:
    """Every route with the fewest moves along `next`, in the order the ladder lists its
    next moves, so the first one is stable and the others follow in a fixed order."""
    depth = {start.id: 0}
    parents: dict[str, list[str]] = {start.id: []}
    queue = deque([start.id])
    while queue:
        current = queue.popleft()
        for nxt in ladder.roles[current].next:
            if nxt not in depth:
                depth[nxt], parents[nxt] = depth[current] + 1, [current]
                queue.append(nxt)
            elif depth[nxt] == depth[current] + 1 and current not in parents[nxt]:
                parents[nxt].append(current)

    def back(node: str) -> Iterator[list[str]]:
        if node == start.id:
            yield [node]
        for parent in parents[node]:
            for route in back(parent):
                yield [*route, node]

    if end.id in depth:
        for route in back(end.id):
            yield [ladder.roles[r] for r in route]


def changes_between(ladder: Ladder, before: Role | None, after: Role) -> list[Change]:
    """Every skill whose required level differs, decreases included, in ladder order."""
    old = {} if before is None else {s: r.level for s, r in before.skills.items()}
    new = {s: r.level for s, r in after.skills.items()}
    return [
        Change(sid, ladder.skills[sid].name, old.get(sid, 0), new.get(sid, 0))
        for sid in sorted(old.keys() | new.keys(), key=ladder.skill_order.__getitem__)
        if old.get(sid, 0) != new.get(sid, 0)
    ]


def routes(
    ladder: Ladder, start: Role, end: Role, standing: Standing | None, via: Role | None = None
) -> Routes:
    """Every shortest route, or with `via` every shortest route to it followed by every
    shortest route from it: the shortest journeys that pass through that role."""
    if via is None:
        found: Iterator[list[Role]] = shortest_paths(ladder, start, end)
    else:
        found = (
            [*first, *second[1:]]
            for first in shortest_paths(ladder, start, via)
            for second in shortest_paths(ladder, via, end)
        )
    chosen = list(islice(found, MAX_ROUTES + 1))
    paths = [_route(ladder, roles, standing) for roles in chosen[:MAX_ROUTES]]
    return Routes(start, end, via, paths, more=len(chosen) > MAX_ROUTES)


def _route(ladder: Ladder, roles: list[Role], standing: Standing | None) -> Route:
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
    return Route(roles[0], roles[-1], rungs)


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
