"""`pmoladder ladder diff --format json`."""

from __future__ import annotations

from typing import Union

from pydantic import Field

from pmoladder.numbers import Number
from pmoladder.outputs import Out

# What a changed field held: a level, a weight or years, certification ids, or groups of them.
Value = Union[Number, list[str], list[list[str]], None]


class Rename(Out):
    from_: str = Field(alias="from")
    to: str


class SectionChanges(Out):
    added: list[str]
    removed: list[str]
    renamed: list[Rename] | None = Field(
        default=None, description="Present for the sections whose entries can be renamed"
    )


class RoleChange(Out):
    role: str
    field: str = Field(
        description="level, weight, certifications.required, certifications.required_any "
        "or min_years"
    )
    skill: str | None = Field(default=None, description="Present for level and weight")
    from_: Value = Field(alias="from")
    to: Value


class LadderDiff(Out):
    roles: SectionChanges
    skills: SectionChanges
    certifications: SectionChanges
    changed: list[RoleChange]


OUTPUT = LadderDiff
