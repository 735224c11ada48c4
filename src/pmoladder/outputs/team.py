"""`pmoladder team --format json`; each line of `--format jsonl` is a `Person` or a
`Skipped`."""

from __future__ import annotations

from pydantic import Field

from pmoladder.outputs import Out
from pmoladder.outputs.common import Dated, Ref


class Person(Out):
    """One person of a team: `path` and `name`, or only `person` (#1, #2, ...) when the
    report is anonymous."""

    person: str | None = Field(default=None, description="Anonymous reports only")
    path: str | None = Field(default=None, description="Named reports only")
    name: str | None = Field(default=None, description="Named reports only")
    current_role: Ref | None
    target: Ref | None
    readiness: float | None
    ready: bool | None
    gaps: dict[str, int]
    missing_required: list[str]
    missing_required_any: list[list[str]]
    stale: list[Dated]
    expired: list[Dated]
    expiring: list[Dated]


class Cover(Out):
    id: str
    name: str
    required: int
    average: float
    meeting: int
    below: int
    who: list[str] | None = Field(default=None, description="Named reports only")


class Shortage(Out):
    id: str
    name: str
    weighted_gap: float
    short: int


class TeamStep(Out):
    id: str
    name: str
    people: int
    skills: list[str]
    weighted_gap: float


class Bench(Out):
    role: Ref
    ready_now: list[str] | int = Field(description="Paths, or a count when anonymous")
    ready_soon: list[str] | int = Field(description="Paths, or a count when anonymous")


class Skipped(Out):
    path: str
    error: str


class Team(Out):
    target: Ref | None
    people: list[Person]
    no_target: list[Person]
    skills: list[Cover] | None = Field(default=None, description="With a target only")
    shortages: list[Shortage]
    steps: list[TeamStep]
    bench: list[Bench] | None = Field(default=None, description="With --bench only")
    skipped: list[Skipped] | int = Field(description="Files left out, or a count when anonymous")


OUTPUT = Team
