"""The starter profile that `pmoladder init` writes: every field explained in a comment."""

from __future__ import annotations

import textwrap

from pmoladder.ladder import Ladder

SCHEMA_FILE = "profile.schema.json"


def _wrap(label: str, words: list[str]) -> list[str]:
    return textwrap.wrap(
        ", ".join(words),
        width=90,
        initial_indent=f"# {label}",
        subsequent_indent="#   ",
        break_on_hyphens=False,
    )


def starter_profile(ladder: Ladder, schema_ref: str = SCHEMA_FILE) -> str:
    scale = ", ".join(f"{s.level} {s.name}" for s in ladder.scale)
    roles = list(ladder.roles)
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# A pmoladder profile: where you stand today. Keep it in git and update it as you",
        "# grow; `pmoladder progress` reads its history. Check it with `pmoladder validate`.",
        "schema_version: 1",
        "",
        "# name: Your Name",
        "",
        "# Your current role and the one you aim for (ids, aliases or names). The target is",
        "# what `pmoladder gap` and `pmoladder plan` measure against when you give no --target.",
        *_wrap("Roles: ", roles),
        f"current_role: {roles[0]}",
        f"target_role: {roles[min(1, len(roles) - 1)]}",
        "",
        "# Years of project experience (a number, decimals allowed).",
        "years_experience: 0",
        "",
        f"# Your level in each skill: {scale}.",
        "# Give a number or a level name. To record why, write",
        '#   skill-id: {level: 3, evidence: "what you did", assessed: 2026-01-31}',
        "# `pmoladder skills SKILL` shows what each level looks like.",
        "skills:",
    ]
    width = max(len(sid) for sid in ladder.skills) + 4
    groups: dict[str | None, list[str]] = {c: [] for c in ladder.categories}
    for skill in ladder.skills.values():
        groups.setdefault(skill.category, []).append(skill.id)
    for category, members in groups.items():
        if not members:
            continue
        if category is not None:
            name = ladder.categories[category].name if category in ladder.categories else category
            lines.append(f"  # {name}")
        for sid in members:
            lines.append(f"  {(sid + ': 0').ljust(width)}# {ladder.skills[sid].name}")
    lines += [
        "",
        "# Certifications you hold: ids, or {id: pmp, earned: 2024-05-01} so that renewal",
        "# dates can be checked. Certifications the ladder does not list are kept, with a warning.",
        *_wrap("Known: ", list(ladder.certifications)),
        "certifications: []",
        "",
        "# Tools you use.",
        *_wrap("Known: ", list(ladder.tools)),
        "tools: []",
    ]
    return "\n".join(lines) + "\n"


def write_starter(ladder: Ladder, path: str, schema_ref: str, force: bool) -> list[str]:
    """Write the starter profile, and its schema where the modeline names a local file
    that does not exist yet; the paths written."""
    import os
    from pathlib import Path

    from pmoladder.files import write_atomic
    from pmoladder.schema import schema_text

    write_atomic(path, starter_profile(ladder, schema_ref), force=force)
    written = [path]
    schema_path = Path(path).parent / schema_ref
    if "://" not in schema_ref and not os.path.lexists(schema_path):
        write_atomic(schema_path, schema_text("profile"))
        written.append(str(schema_path))
    return written
