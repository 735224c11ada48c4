"""`pmoladder path --format json`."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pmoladder.numbers import Number
from pmoladder.outputs import Out


class LevelChange(Out):
    skill: str
    from_: int = Field(alias="from")
    to: int
    change: Literal["new", "raised", "lowered", "dropped"] = Field(
        description="new: not required before; dropped: no longer required (to is 0)"
    )


class NewCertifications(Out):
    new_required: list[str]
    new_required_any: list[list[str]]
    new_recommended: list[str]


class Rung(Out):
    id: str
    name: str
    min_years: Number
    changes: list[LevelChange]
    certifications: NewCertifications
    readiness: float | None
    ready: bool | None


class Routes(Out):
    """`rungs` is the first route, as before routes were listed; `routes` holds them all."""

    from_: str = Field(alias="from")
    to: str
    via: str | None
    moves: int
    rungs: list[Rung]
    routes: list[list[Rung]]
    more_routes: bool


OUTPUT = Routes
