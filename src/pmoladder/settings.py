"""Settings and where each comes from: flag, environment, project file, user file, default.

A repository of profiles names its ladder once, in `.pmoladder.yaml` at its top; a person
may keep their own defaults in `$XDG_CONFIG_HOME/pmoladder/config.yaml`. `--ladder`,
`$PMOLADDER_LADDER` and those files are one mechanism, read here and nowhere else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pmoladder.errors import PmoError, did_you_mean
from pmoladder.places import project_file, user_file

ENV = {
    "ladder": "PMOLADDER_LADDER",
    "profile": "PMOLADDER_PROFILE",
    "stale_after_months": "PMOLADDER_STALE_AFTER_MONTHS",
}
DEFAULTS: dict[str, Any] = {
    "ladder": "builtin",
    "profile": "profile.yaml",
    "stale_after_months": 12,
}
PATHS = ("ladder", "profile")  # relative to the file that names them


@dataclass(frozen=True)
class Setting:
    value: Any
    source: str  # flag, env, project, user or default
    path: str | None = None  # the file it was read from, where one applies

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "path": self.path}


def _shown(path: Path) -> str:
    """A path as short as it can be said from here."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return relative if len(relative) < len(str(path)) else str(path)


def read_file(path: Path) -> dict[str, Any]:
    """A settings file's values, each checked and located; paths made relative to here."""
    from pmoladder.yamlfile import load

    doc = load(_shown(path))
    values: dict[str, Any] = {}
    for key, value in doc.data.items():
        if key not in DEFAULTS:
            hint = did_you_mean(str(key), list(DEFAULTS)) or f" (known: {', '.join(DEFAULTS)})"
            raise doc.error((key,), f"unknown setting '{key}'{hint}", at_key=True)
        try:
            values[key] = _checked(key, value)
        except ValueError as exc:
            raise doc.error((key,), str(exc)) from None
        if key in PATHS and values[key] != "builtin":
            values[key] = _shown(path.parent / values[key])
    return values


def _checked(key: str, value: Any) -> Any:
    if key in PATHS:
        if not isinstance(value, str) or not value.strip():
            raise ValueError("expected a file path")
        return value
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"expected a whole number, 1 or more, got {value!r}")
    return value


def _from_env(key: str) -> Any:
    raw = os.environ.get(ENV[key])
    if not raw:
        return None
    if key in PATHS:
        return raw
    try:
        return _checked(key, int(raw))
    except ValueError:
        raise PmoError(f"${ENV[key]}: expected a whole number, 1 or more, got {raw!r}") from None


def _file(kind: str) -> tuple[Path, dict[str, Any]] | None:
    """The project or user file and its values; small enough to read at each look-up."""
    found = project_file() if kind == "project" else user_file()
    if found is None or not os.path.isfile(found):
        return None
    return Path(found), read_file(Path(found))


def setting(key: str, flag: Any = None) -> Setting:
    """The effective value of one setting, highest source first."""
    if flag is not None:
        return Setting(flag, "flag")
    from_env = _from_env(key)
    if from_env is not None:
        return Setting(from_env, "env")
    for kind in ("project", "user"):
        found = _file(kind)
        if found is not None and key in found[1]:
            return Setting(found[1][key], kind, _shown(found[0]))
    if key == "ladder":
        from pmoladder.ladder import builtin_path

        return Setting(DEFAULTS[key], "default", str(builtin_path()))
    return Setting(DEFAULTS[key], "default")


def value(key: str, flag: Any = None) -> Any:
    return setting(key, flag).value


def effective(flags: dict[str, Any]) -> dict[str, Setting]:
    return {key: setting(key, flags.get(key)) for key in DEFAULTS}
