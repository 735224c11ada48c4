"""Who a command is about: the ladder in use, and a person's profile or a role standing in
for one (`--from ROLE`), found through the flags and the settings.

Nothing here prints: a person's warnings travel with the person for the command to show.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pmoladder.errors import FileError, PmoError
from pmoladder.ladder import Ladder, load_ladder
from pmoladder.settings import ENV, setting, value

if TYPE_CHECKING:  # imported where used: a command about the ladder alone needs none
    from pmoladder.gap import GapReport, Standing
    from pmoladder.models import Role
    from pmoladder.profile import Person


@dataclass(frozen=True)
class Subject:
    """Where someone stands, and the person when it comes from a profile."""

    standing: Standing
    person: Person | None

    @property
    def warnings(self) -> list[FileError]:
        return self.person.warnings if self.person else []


@contextmanager
def _blame_setting(key: str, flag: str | None) -> Iterator[None]:
    """A file that cannot be opened says where its path came from, which the user may
    have set long ago and forgotten: the variable, or the line of the settings file."""
    try:
        yield
    except FileError as exc:
        chosen = setting(key, flag)
        if exc.line is None and chosen.source != "flag" and exc.path == chosen.value:
            if chosen.source == "env":
                exc.message += f" (the path comes from ${ENV[key]})"
            elif chosen.path is not None:
                from pmoladder.yamlfile import load

                raise load(chosen.path).error((key,), f"{exc.path}: {exc.message}") from None
        raise


def ladder_in_use(flag: str | None) -> Ladder:
    with _blame_setting("ladder", flag):
        return load_ladder(flag)


def person(ladder: Ladder, flag: str | None) -> Person:
    """The person's resolved profile, which the command needs."""
    from pmoladder.profile import profile_path

    return _load(ladder, profile_path(flag), flag)


def person_if_any(ladder: Ladder, flag: str | None) -> Person | None:
    """The person's resolved profile, or None when none is given or found."""
    from pmoladder.profile import find_profile

    path = find_profile(flag)
    return None if path is None else _load(ladder, path, flag)


def _load(ladder: Ladder, path: str, flag: str | None) -> Person:
    from pmoladder import parsed
    from pmoladder.profile import person_from

    with _blame_setting("profile", flag):
        return person_from(parsed.load(path), ladder)


def subject(ladder: Ladder, profile: str | None, from_role: str | None) -> Subject:
    """`--from ROLE`, or the person's profile."""
    from pmoladder.gap import standing_of_role

    if from_role is not None:
        if profile is not None:
            raise PmoError("give --profile or --from, not both")
        return Subject(standing_of_role(ladder, ladder.role(from_role)), None)
    found = person(ladder, profile)
    return Subject(found.standing(), found)


def target(ladder: Ladder, flag: str | None, person: Person | None) -> Role:
    """`--target`, else the profile's target_role."""
    if flag is not None:
        return ladder.role(flag)
    if person is None:
        raise PmoError("--from needs --target")
    if person.target_role is None:
        raise PmoError("no target: pass --target ROLE or set target_role in the profile")
    return person.target_role


def current_role(person: Person | None) -> Role:
    if person is None or person.current_role is None:
        raise PmoError("no starting role: pass --from ROLE or set current_role in the profile")
    return person.current_role


def report(ladder: Ladder, who: Subject, target: Role, stale_after: int | None) -> GapReport:
    """The gap to `target`, with how fresh the person's ratings are as of today."""
    from pmoladder.freshness import freshness, today
    from pmoladder.gap import GapReport, compute_gap

    result = compute_gap(ladder, who.standing, target)
    if who.person is None:
        return GapReport(result)
    fresh = freshness(ladder, who.person, today(), stale_after_months(stale_after))
    return GapReport(result, fresh)


def stale_after_months(flag: int | None) -> int:
    """How old a rating may be before it is stale: the flag, else the settings."""
    months: int = value("stale_after_months", flag)
    return months
