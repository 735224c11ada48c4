"""`pmoladder roles --format json`."""

from __future__ import annotations

from pmoladder.numbers import Number
from pmoladder.outputs import Out


class RoleEntry(Out):
    id: str
    name: str
    tier: str | None
    aliases: list[str]
    min_years: Number
    next: list[str]


class Roles(Out):
    ladder: str
    roles: list[RoleEntry]


OUTPUT = Roles
