"""`pmoladder config --format json`: each setting's value and where it comes from."""

from __future__ import annotations

from typing import Literal, Union

from pmoladder.outputs import Out


class Setting(Out):
    value: Union[str, int]
    source: Literal["flag", "env", "project", "user", "default"]
    path: str | None


class Config(Out):
    ladder: Setting
    profile: Setting
    stale_after_months: Setting


OUTPUT = Config
