"""Checking files without stopping at the first problem: every error, in every file."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmoladder.errors import FileError, FileErrors
from pmoladder.ladder import Ladder, ladder_from
from pmoladder.models import LadderFile, ProfileFile
from pmoladder.profile import person_from
from pmoladder.yamlfile import Document, load

# Keys only a ladder has: one of them, or skills written as a list, makes a ladder.
LADDER_KEYS = {"extends"} | (
    LadderFile.model_fields.keys() - ProfileFile.model_fields.keys() - {"description"}
)
PROFILE_KEYS = ProfileFile.model_fields.keys() - LadderFile.model_fields.keys()


@dataclass
class Report:
    path: str
    kind: str | None  # None when the file could not be read or parsed
    problems: list[FileError] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def detect_kind(doc: Document) -> str:
    """A ladder has a key no profile has (scale, roles, ...); a profile has one no ladder
    has (current_role, ...); otherwise a list of skills makes a ladder, and anything else
    is taken for a profile, whose errors then say what does not fit."""
    keys = {k for k in doc.data if isinstance(k, str)}
    if LADDER_KEYS & keys:
        return "ladder"
    if PROFILE_KEYS & keys:
        return "profile"
    return "ladder" if isinstance(doc.data.get("skills"), list) else "profile"


def check(path: str, ladder: Ladder, kind: str | None = None) -> Report:
    try:
        doc = load(path)
    except FileError as exc:
        return Report(path, None, [exc])
    kind = kind or detect_kind(doc)
    report = Report(doc.path, kind)
    try:
        if kind == "ladder":
            ladder_from(doc)
        else:
            report.problems += person_from(doc, ladder).warnings
    except FileErrors as exc:
        report.problems += exc.errors
    return report
