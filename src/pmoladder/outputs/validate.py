"""`pmoladder validate --format json`: every problem of every file."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, RootModel

from pmoladder.outputs import Out


class Problem(Out):
    path: str
    line: int | None
    column: int | None
    key: str | None
    severity: Literal["error", "warning"]
    message: str


class Validate(RootModel[list[Problem]]):
    model_config = ConfigDict(defer_build=True)


OUTPUT = Validate
