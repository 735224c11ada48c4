"""Rewriting a profile's old ids (from the ladder's `replaces`) as the current ones, with
its comments, key order and quoting kept."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pmoladder.errors import FileError
from pmoladder.ladder import Ladder


@dataclass(frozen=True)
class Migration:
    path: str  # as given
    name: str  # as shown in messages
    text: str  # the new text; the old one when nothing changes
    changes: list[str]


def migrations(ladder: Ladder, paths: Iterable[str]) -> Iterator[Migration]:
    """Each profile with its old ids replaced, checked to load back before it is offered:
    what could not be read again is never written."""
    from pmoladder.inputs import read_text
    from pmoladder.profile import person_from
    from pmoladder.yamlfile import parse

    for path in paths:
        name, text = read_text(path)
        person_from(parse(name, text), ladder)  # errors located in the file as it stands
        updated, changes = migrate_text(name, text, ladder)
        if changes:
            person_from(parse(name, updated), ladder)
        yield Migration(path, name, updated, changes)


def migrate_text(name: str, text: str, ladder: Ladder) -> tuple[str, list[str]]:
    """The profile with old ids replaced, and one line per change; the text unchanged
    (and no lines) when there is nothing to do."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML()
    yaml.width = 4096
    yaml.preserve_quotes = True
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise FileError(name, exc.problem or "invalid YAML", line, column) from None
    if not isinstance(data, dict):
        return text, []
    changes = _roles(data, ladder) + _skills(data, ladder)
    if not changes:
        return text, []
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue(), changes


def _roles(data: Any, ladder: Ladder) -> list[str]:
    changes = []
    for key in ("current_role", "target_role"):
        value = data.get(key)
        if not isinstance(value, str):
            continue
        new = ladder.renamed_role(value)
        if new is not None:
            data[key] = new
            changes.append(f"{key}: {value} -> {new}")
    return changes


def _skills(data: Any, ladder: Ladder) -> list[str]:
    skills = data.get("skills")
    if not hasattr(skills, "insert"):
        return []
    changes = []
    for old in [k for k in skills if k not in ladder.skills and k in ladder.skill_renames]:
        new = ladder.skill_renames[old]
        value = skills[old]
        if new in skills:
            kept = _level(ladder, value) > _level(ladder, skills[new])
            if kept:
                skills[new] = value
            del skills[old]
            which = old if kept else new
            changes.append(f"skills.{old} -> {new} (merged: kept the higher level, from {which})")
            continue
        position = list(skills).index(old)
        comment = skills.ca.items.pop(old, None)
        del skills[old]
        skills.insert(position, new, value)
        if comment is not None:
            skills.ca.items[new] = comment
        changes.append(f"skills.{old} -> {new}")
    return changes


def _level(ladder: Ladder, value: Any) -> int:
    raw = value.get("level") if hasattr(value, "get") else value
    if isinstance(raw, bool) or not isinstance(raw, (int, str)):
        return -1
    found = ladder.level_of(raw)
    return -1 if found is None else found
