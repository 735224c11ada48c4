"""What changed between two versions of a ladder, for reviewing a ladder change: entries
added, removed and renamed (through `replaces`), and each role's changed requirements."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pmoladder.ladder import Ladder

SECTIONS = ("roles", "skills", "certifications")


def read(spec: str) -> Ladder:
    """A ladder named by path or `REV:PATH` (its relative bases read at that revision)."""
    from pathlib import Path

    from pmoladder.history import read_spec
    from pmoladder.ladder import ladder_from
    from pmoladder.overlay import GitSource
    from pmoladder.yamlfile import parse

    name, text = read_spec(spec)
    from_git = spec != "-" and not Path(spec).exists() and ":" in spec
    return ladder_from(parse(name, text), GitSource() if from_git else None)


def diff(old: Ladder, new: Ladder) -> dict[str, Any]:
    renames = {"roles": new.role_renames, "skills": new.skill_renames}
    out: dict[str, Any] = {}
    for section in SECTIONS:
        before, after = getattr(old, section), getattr(new, section)
        moved = {
            o: n for o, n in renames.get(section, {}).items() if o in before and o not in after
        }
        entry: dict[str, Any] = {
            "added": [i for i in after if i not in before and i not in moved.values()],
            "removed": [i for i in before if i not in after and i not in moved],
        }
        if section in renames:
            entry["renamed"] = [{"from": o, "to": n} for o, n in moved.items()]
        out[section] = entry
    out["changed"] = _changed(old, new)
    return out


def _changed(old: Ladder, new: Ladder) -> list[dict[str, Any]]:
    changes: list[dict[str, Any]] = []
    for role in new.roles.values():
        was = old.roles.get(role.id) or next(
            (old.roles[o] for o in role.replaces if o in old.roles), None
        )
        if was is None:
            continue
        before = {new.skill_renames.get(s, s): r for s, r in was.skills.items()}
        for skill in dict.fromkeys([*before, *role.skills]):
            a, b = before.get(skill), role.skills.get(skill)
            for field in ("level", "weight"):
                x = getattr(a, field) if a else (0 if field == "level" else None)
                y = getattr(b, field) if b else (0 if field == "level" else None)
                if x != y and not (field == "weight" and (a is None or b is None)):
                    changes.append(
                        {"role": role.id, "field": field, "skill": skill, "from": x, "to": y}
                    )
        for field, x, y in (
            ("certifications.required", was.certifications.required, role.certifications.required),
            (
                "certifications.required_any",
                was.certifications.required_any,
                role.certifications.required_any,
            ),
            ("min_years", was.min_years, role.min_years),
        ):
            if x != y:
                changes.append({"role": role.id, "field": field, "from": x, "to": y})
    return changes


def as_json(result: dict[str, Any]) -> str:
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


def lines(result: dict[str, Any]) -> list[str]:
    out = []
    for section in SECTIONS:
        entry = result[section]
        out += [f"+ {section[:-1]} {i}" for i in entry["added"]]
        out += [f"- {section[:-1]} {i}" for i in entry["removed"]]
        out += [f"~ {section[:-1]} {r['from']} -> {r['to']}" for r in entry.get("renamed", [])]
    for c in result["changed"]:
        what = f"{c['field']} of {c['skill']}" if "skill" in c else c["field"]
        out.append(f"~ role {c['role']}: {what}: {_shown(c['from'])} -> {_shown(c['to'])}")
    return out


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return "none" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def as_text(result: dict[str, Any]) -> str:
    found = lines(result)
    return "\n".join(found) + "\n" if found else "no changes\n"


def as_markdown(result: dict[str, Any]) -> str:
    found = lines(result)
    if not found:
        return "No changes.\n"
    return "\n".join(f"- `{line}`" for line in found) + "\n"


def as_csv(result: dict[str, Any]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kind", "section", "id", "field", "skill", "from", "to"])
    for section in SECTIONS:
        entry = result[section]
        for i in entry["added"]:
            writer.writerow(["added", section, i, "", "", "", ""])
        for i in entry["removed"]:
            writer.writerow(["removed", section, i, "", "", "", ""])
        for r in entry.get("renamed", []):
            writer.writerow(["renamed", section, r["to"], "", "", r["from"], r["to"]])
    for c in result["changed"]:
        writer.writerow(
            [
                "changed",
                "roles",
                c["role"],
                c["field"],
                c.get("skill", ""),
                _shown(c["from"]),
                _shown(c["to"]),
            ]
        )
    return buffer.getvalue()
