"""Values more than one result kind holds."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from pmoladder.numbers import Number
from pmoladder.outputs import Out


class Ref(Out):
    id: str
    name: str


class Dated(Out):
    id: str
    on: str = Field(description="ISO date")


class SkillGap(Out):
    id: str
    name: str
    current: int
    required: int
    gap: int
    weight: float


class Experience(Out):
    years: Number | None
    required: Number
    gap: Number | None = Field(description="null when the years are not known")


class Blocker(Out):
    """Why a role is not ready: `skills` (below), `certification` (id), `certification_any`
    (ids, one of which is needed) or `years` (to_go)."""

    type: Literal["skills", "certification", "certification_any", "years"]
    below: int | None = None
    id: str | None = None
    ids: list[str] | None = None
    to_go: Number | None = None


class Change(Out):
    """One difference between two versions of a profile."""

    type: Literal[
        "current_role",
        "target_role",
        "years_experience",
        "skill",
        "evidence",
        "certification",
        "tool",
    ]
    id: str | None = None
    from_: str | int | float | None = Field(default=None, alias="from")
    to: str | int | float | None = None
    change: Literal["gained", "lost"] | None = None


class Verdict(Out):
    """A role's readiness and, when it is not ready, why."""

    id: str
    name: str
    readiness: float
    ready: bool
    not_ready_because: list[Blocker]
