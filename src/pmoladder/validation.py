"""Checking files without stopping at the first problem: every error, in every file."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmoladder.errors import FileError, FileErrors
from pmoladder.ladder import Ladder, ladder_from
from pmoladder.profile import person_from
from pmoladder.yamlfile import Document, load

LADDER_KEYS = {"scale", "roles"}


@dataclass
class Report:
    path: str
    kind: str | None  # None when the file could not be read or parsed
    problems: list[FileError] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


def detect_kind(doc: Document) -> str:
    """A ladder has a scale or roles; anything else is taken for a profile."""
    return "ladder" if LADDER_KEYS & doc.data.keys() else "profile"


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
