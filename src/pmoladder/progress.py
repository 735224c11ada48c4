"""A person's progress over time, from the git history of their profile."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmoladder.compare import ProfileChanges, compare
from pmoladder.errors import FileError, FileErrors, PmoError
from pmoladder.gap import Gap, compute_gap
from pmoladder.history import Version, contents, since, versions
from pmoladder.inputs import decode
from pmoladder.ladder import Ladder
from pmoladder.models import Role
from pmoladder.profile import Person, person_from
from pmoladder.yamlfile import parse


@dataclass(frozen=True)
class Point:
    version: Version
    person: Person
    gap: Gap
    changes: ProfileChanges


@dataclass
class Progress:
    target: Role
    points: list[Point]
    skipped: list[tuple[Version, str]] = field(default_factory=list)


def _person_at(ladder: Ladder, version: Version, raw: bytes | str) -> Person:
    name = f"{version.commit[:7]}:{version.path}"
    if isinstance(raw, str):
        raise FileError(name, raw)
    return person_from(parse(name, decode(name, raw)), ladder)


def track(ladder: Ladder, path: str, target: str | None, start: str | None) -> Progress:
    top, found = versions(path)
    baseline, shown = (None, found) if start is None else since(top, found, start)
    wanted = ([baseline] if baseline else []) + shown
    people: list[tuple[Version, Person]] = []
    skipped: list[tuple[Version, str]] = []
    for version, raw in zip(wanted, contents(top, wanted), strict=True):
        try:
            people.append((version, _person_at(ladder, version, raw)))
        except (FileError, FileErrors) as exc:
            skipped.append((version, str(exc)))
    if not people:
        raise PmoError(f"{path}: no version in the history could be read")
    role = ladder.role(target) if target else people[-1][1].target_role
    if role is None:
        raise PmoError("no target: pass --target ROLE or set target_role in the profile")
    points, previous = [], None
    for version, person in people:
        # the first version is where the story starts: nothing has changed yet
        changes = compare(ladder, previous or person, person)
        points.append(Point(version, person, compute_gap(ladder, person.standing(), role), changes))
        previous = person
    return Progress(role, points, skipped)
