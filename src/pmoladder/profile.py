"""A person's profile: finding it, loading it, and resolving it against a ladder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from pmoladder.errors import FileError, FileErrors, PmoError, did_you_mean
from pmoladder.gap import Standing
from pmoladder.ladder import Ladder
from pmoladder.models import HeldCertification, ProfileFile, Role, validate_document

if TYPE_CHECKING:
    from typing import Protocol

    from pmoladder.ladder import Locator

    class Source(Locator, Protocol):
        """A parsed profile: a Document, or its data kept from an earlier run (`parsed`)."""

        path: str
        data: Any


DEFAULT_PROFILE = "profile.yaml"


@dataclass
class SkillRating:
    level: int
    evidence: str | None = None
    assessed: dt.date | None = None


@dataclass
class Person:
    """A profile with every level a number and every role a ladder role."""

    source: str
    name: str | None = None
    current_role: Role | None = None
    target_role: Role | None = None
    years: int | float | None = None
    skills: dict[str, SkillRating] = field(default_factory=dict)
    certifications: dict[str, HeldCertification] = field(default_factory=dict)
    tools: list[str] = field(default_factory=list)
    warnings: list[FileError] = field(default_factory=list)

    def level(self, skill_id: str) -> int:
        """The rated level, 0 when the profile does not rate the skill (as the gap counts it)."""
        rating = self.skills.get(skill_id)
        return 0 if rating is None else rating.level

    def standing(self) -> Standing:
        return Standing(
            role=self.current_role,
            levels={skill_id: rating.level for skill_id, rating in self.skills.items()},
            certifications=frozenset(self.certifications),
            years=self.years,
        )


def find_profile(explicit: str | None = None) -> str | None:
    """The profile to read: the option, else the settings ($PMOLADDER_PROFILE, then the
    project and user files), else ./profile.yaml if there is one."""
    from pmoladder.settings import setting

    chosen = setting("profile", explicit or None)
    if chosen.source != "default":
        return str(chosen.value)
    return DEFAULT_PROFILE if Path(DEFAULT_PROFILE).exists() else None


def profile_path(explicit: str | None = None) -> str:
    """As `find_profile`, but a profile is needed: say how to get one."""
    found = find_profile(explicit)
    if found is None:
        raise PmoError(
            "no profile: pass --profile PATH, set $PMOLADDER_PROFILE or 'profile:' in "
            ".pmoladder.yaml, or create "
            f"./{DEFAULT_PROFILE} with 'pmoladder init'"
        )
    return found


def load_profile(path: str, ladder: Ladder) -> Person:
    from pmoladder.yamlfile import load  # here: a run with no profile parses no YAML

    return person_from(load(path), ladder)


def person_from(doc: Source, ladder: Ladder) -> Person:
    """Resolve a profile against the ladder; every error in the file is collected."""
    errors: list[FileError] = []
    try:
        model: ProfileFile = validate_document(ProfileFile, doc)
    except FileErrors as exc:
        errors += exc.errors
        model = _valid_part(doc, exc.errors)
    person = Person(source=doc.path, name=model.name, years=model.years_experience)

    for key in ("current_role", "target_role"):
        query = getattr(model, key)
        if query is None:
            continue
        role = ladder.find_role(query)
        if role is None:
            errors.append(doc.error((key,), f"unknown role '{query}'{ladder.role_hint(query)}"))
        elif ladder.renamed_role(query):
            person.warnings.append(_renamed(doc, (key,), role.id))
        setattr(person, key, role)

    for skill_id, rating in model.skills.items():
        old_id, skill_id = skill_id, ladder.skill_renames.get(skill_id, skill_id)
        if old_id != skill_id and old_id not in ladder.skills:
            person.warnings.append(_renamed(doc, ("skills", old_id), skill_id))
        else:
            skill_id = old_id
        if skill_id not in ladder.skills:
            hint = did_you_mean(skill_id, ladder.skills, len(errors))
            errors.append(
                doc.error(("skills", skill_id), f"unknown skill '{skill_id}'{hint}", at_key=True)
            )
            continue
        level = ladder.level_of(rating.level)
        if level is None:
            errors.append(doc.error(("skills", old_id), _bad_level(rating.level, ladder)))
            continue
        had = person.skills.get(skill_id)
        if had is None or level > had.level:  # old and new ids of one skill: the highest
            person.skills[skill_id] = SkillRating(level, rating.evidence, rating.assessed)

    for i, held in enumerate(model.certifications):
        if held.id not in ladder.certifications:
            hint = (
                did_you_mean(held.id, ladder.certifications, len(person.warnings))
                or " (not in the ladder)"
            )
            person.warnings.append(
                doc.error(("certifications", i), f"unknown certification '{held.id}'{hint}")
            )
        person.certifications[held.id] = held
    for i, tool in enumerate(model.tools):
        if tool not in ladder.tools:
            hint = did_you_mean(tool, ladder.tools, len(person.warnings)) or " (not in the ladder)"
            person.warnings.append(doc.error(("tools", i), f"unknown tool '{tool}'{hint}"))
        person.tools.append(tool)
    for warning in person.warnings:
        warning.severity = "warning"
    if errors:
        raise FileErrors(errors + person.warnings)
    return person


def _renamed(doc: Source, loc: tuple[str, ...], current: str) -> FileError:
    """The warning for an old id: its message says what to do, so the line needs no label."""
    notice = doc.error(loc, f"now '{current}' (run pmoladder migrate)", at_key=len(loc) > 1)
    notice.labelled = False
    return notice


def _valid_part(doc: Source, errors: list[FileError]) -> ProfileFile:
    """What remains valid once the entries behind structural errors are set aside, so
    that the checks against the ladder still run on the rest of the file."""
    data = dict(doc.data)
    skills = dict(data["skills"]) if isinstance(data.get("skills"), dict) else None
    for error in errors:
        loc: tuple[Any, ...] = getattr(error, "loc", ())
        if len(loc) >= 2 and loc[0] == "skills" and skills is not None:
            skills.pop(loc[1], None)
        elif loc:
            data.pop(loc[0], None)
    if skills is not None and "skills" in data:
        data["skills"] = skills
    try:
        return ProfileFile.model_validate(data)
    except ValidationError:  # nothing sound is left to check further
        return ProfileFile()


def _bad_level(value: int | str, ladder: Ladder) -> str:
    names = ", ".join(f"{s.level} {s.name}" for s in ladder.scale)
    if isinstance(value, int):
        return f"level {value} is outside the scale 0..{ladder.max_level} ({names})"
    if value.strip().lstrip("-").isdigit():
        return f"level '{value}' is quoted text: write the number without quotes"
    hint = did_you_mean(value, [n.casefold() for n in ladder.level_names()])
    return f"unknown level name '{value}'{hint}; the scale is {names}"
