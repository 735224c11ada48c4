"""The starter profile that `pmoladder init` writes: every field explained in a comment,
in the ladder's own words."""

from __future__ import annotations

import textwrap

from pmoladder.errors import one_line
from pmoladder.ladder import Ladder

SCHEMA_FILE = "profile.schema.json"
LISTED = 15  # ids a comment lists before it says how many more there are


def _wrap(label: str, items: list[str], end: str = "") -> list[str]:
    """A comment of comma-separated items, wrapped between items only."""
    glued = ", ".join(one_line(item).replace(" ", "\0") for item in items) + end
    lines = textwrap.wrap(
        glued,
        width=100,
        initial_indent=f"# {label}",
        subsequent_indent="#   ",
        break_on_hyphens=False,
        break_long_words=False,
    )
    return [line.replace("\0", " ") for line in lines]


def _known(label: str, ids: list[str], where: str) -> list[str]:
    """A comment listing ids, the first LISTED of a long list and a count of the rest."""
    rest = f", and {len(ids) - LISTED} more ({where})" if len(ids) > LISTED else ""
    return _wrap(label, ids[:LISTED], rest) if ids else []


def starter_profile(ladder: Ladder, schema_ref: str = SCHEMA_FILE) -> str:
    first = next(iter(ladder.roles.values()))
    more = f"`pmoladder roles` lists them all; {schema_ref} completes them in an editor"
    target = f"target_role: {first.next[0]}" if first.next else "# target_role: ROLE"
    years = one_line(ladder.experience_label or "years of experience")
    cert = next(iter(ladder.certifications), "CERT")
    lines = [
        f"# yaml-language-server: $schema={schema_ref}",
        "# A pmoladder profile: where you stand today. Keep it in git and update it as you",
        "# grow; `pmoladder progress` reads its history. Check it with `pmoladder validate`.",
        "schema_version: 1",
        "",
        "# name: Your Name",
        "",
        "# Your current role and the one you aim for (ids, aliases or names). The target is",
        "# what `pmoladder gap` and `pmoladder plan` measure against when you give no --target;",
        "# `pmoladder next` shows the usual next moves from a role.",
        *_known("Roles: ", list(ladder.roles), more),
        f"current_role: {first.id}",
        target,
        "",
        f"# {years[:1].upper()}{years[1:]} (a number, decimals allowed).",
        "years_experience: 0",
        "",
        *_wrap("Your level in each skill: ", [f"{s.level} {s.name}" for s in ladder.scale], "."),
        "# Give a number or a level name. To record why, write",
        '#   skill-id: {level: 3, evidence: "what you did", assessed: 2026-01-31}',
        "# `pmoladder skills SKILL` shows what each level looks like.",
        "skills:",
    ]
    width = max(len(sid) for sid in ladder.skills) + 4
    for category, members in ladder.skills_by_category():
        if category is not None:
            lines.append(f"  # {one_line(category)}")
        for skill in members:
            lines.append(f"  {(skill.id + ': 0').ljust(width)}# {one_line(skill.name)}")
    listed = f"`pmoladder ladder show` lists them all; {schema_ref} completes them in an editor"
    lines += [
        "",
        f"# Certifications you hold: ids, or {{id: {cert}, earned: 2024-05-01}} so that renewal",
        "# dates can be checked. Certifications the ladder does not list are kept, with a warning.",
        *_known("Known: ", list(ladder.certifications), listed),
        "certifications: []",
        "",
        "# Tools you use.",
        *_known("Known: ", list(ladder.tools), listed),
        "tools: []",
    ]
    return "\n".join(lines) + "\n"


def write_starter(ladder: Ladder, path: str, schema_ref: str, force: bool) -> list[str]:
    """Write the starter profile, and its schema where the modeline names a local file
    that does not exist yet; the paths written."""
    import os
    from pathlib import Path

    from pmoladder.files import write_atomic
    from pmoladder.schema import profile_schema_text

    write_atomic(path, starter_profile(ladder, schema_ref), force=force)
    written = [path]
    schema_path = Path(path).parent / schema_ref
    if "://" not in schema_ref and not os.path.lexists(schema_path):
        write_atomic(schema_path, profile_schema_text(ladder))
        written.append(str(schema_path))
    return written
