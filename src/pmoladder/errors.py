"""Errors that reach the user as one line on stderr, and the text hygiene they need."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, and the bidirectional and
# invisible format characters that can make a line read differently from what it is.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """Text from a file, made safe to show on a terminal: control characters become escapes."""
    return _UNSAFE.sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with the control and bidi characters that json.dumps leaves raw escaped
    as \\uXXXX: still the same JSON value, but inert if printed to a terminal."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def one_line(text: str) -> str:
    """`printable`, with newlines and tabs escaped too, for single-line messages."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


class PmoError(Exception):
    """A user-facing failure: bad input or bad usage. The CLI prints it and exits 2."""

    exit_code = 2

    def __str__(self) -> str:
        return one_line(self.args[0] if self.args else "")

    def report(self) -> str:
        """The line for stderr."""
        return f"pmoladder: error: {self}"


class FileError(PmoError):
    """A problem in a file, located as precisely as the file allows."""

    def __init__(
        self,
        path: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
        severity: str = "error",
    ) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.line = line
        self.column = column
        self.key = key
        self.severity = severity

    def location(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"

    def __str__(self) -> str:
        parts = [self.location()]
        if self.key:
            parts.append(self.key)
        if self.severity != "error":
            parts.append(self.severity)
        parts.append(self.message)
        return one_line(": ".join(parts))

    def report(self) -> str:
        return str(self)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "key": self.key,
            "severity": self.severity,
            "message": self.message,
        }


class FileErrors(PmoError):
    """Every problem found in one file, in file order; single-error commands show the
    first error, so the line a person reads is the first one to fix."""

    def __init__(self, errors: list[FileError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.line or 0, e.column or 0))
        super().__init__(str(self))

    def __str__(self) -> str:
        first = next((e for e in self.errors if e.severity == "error"), self.errors[0])
        return str(first)

    def report(self) -> str:
        return str(self)


def close_matches(word: str, choices: list[str], n: int = 3) -> list[str]:
    from difflib import get_close_matches

    return get_close_matches(word.lower(), choices, n=n, cutoff=0.6)


def suggest(matches: list[str]) -> str:
    """` (did you mean 'a', 'b'?)`, or nothing when there is nothing to suggest."""
    if not matches:
        return ""
    return " (did you mean " + ", ".join(f"'{m}'" for m in matches) + "?)"


def did_you_mean(word: str, choices: list[str]) -> str:
    return suggest(close_matches(word, choices))
