"""`pmoladder diff --format json`."""

from __future__ import annotations

from pydantic import Field

from pmoladder.outputs import Out
from pmoladder.outputs.common import Change


class ReadinessMove(Out):
    target: str
    from_: float = Field(alias="from")
    to: float


class Diff(Out):
    old: str
    new: str
    changes: list[Change]
    readiness: ReadinessMove | None = Field(
        default=None, description="Present when both versions have a target"
    )


OUTPUT = Diff
