"""Errors that reach the user as one line on stderr, and the text hygiene they need."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

MAX_ERRORS = 100  # a file with more is reported by its first errors and a count
MAX_HINTS = 20  # "did you mean" is worked out for this many errors of a file at most,
MAX_COMPARISONS = 20_000  # and for fewer when each compares against many choices

# C0 controls except tab and newline, DEL, C1 controls, the bidirectional and invisible
# format characters that can make a line read differently from what it is, and what no
# encoder or XML parser accepts: lone surrogates (a file name that is not UTF-8), U+FFFE, U+FFFF.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
    "\ud800-\udfff\ufffe\uffff]"
)


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
        self.labelled = True  # False: the message says what it is (a rename's notice)

    def location(self) -> str:
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.column or 1}"

    def __str__(self) -> str:
        parts = [self.location()]
        if self.key:
            parts.append(self.key)
        if self.severity != "error" and self.labelled:
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
        held = [e for e in errors if not isinstance(e, _More)]
        ordered = sorted(held, key=lambda e: (e.line or 0, e.column or 0))
        self.errors = ordered[:MAX_ERRORS]
        more = len(ordered[MAX_ERRORS:]) + sum(e.count for e in errors if isinstance(e, _More))
        if more:
            self.errors.append(_More(errors[0].path, more))
        super().__init__(str(self))

    def __str__(self) -> str:
        first = next((e for e in self.errors if e.severity == "error"), self.errors[0])
        return str(first)

    def report(self) -> str:
        return str(self)


class _More(FileError):
    """Stands for the problems past MAX_ERRORS, so that a file of thousands of mistakes is
    reported in the time a few take, and still says how many there were."""

    def __init__(self, path: str, count: int) -> None:
        super().__init__(path, f"and {count:,} more problems, not shown")
        self.count = count


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[-_\s./]+", text.casefold()) if w}


def close_matches(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` choices close to `word`, in one pass over the choices.

    Choices that share whole words with `word` come first, the most of whose words are
    shared first (`risk-management` suggests `risk` before `people-management`); when
    none shares a word, the closest spellings (`leadrship`: `leadership`).
    """
    from difflib import SequenceMatcher

    query = word.casefold()
    wanted = _words(query)
    matcher = SequenceMatcher(b=query)
    sharing: list[tuple[float, float, str]] = []
    spelled: list[tuple[float, str]] = []
    for choice in choices:
        folded = choice.casefold()
        own = _words(folded)
        shared = len(wanted & own) / len(own) if own else 0.0
        matcher.set_seq1(folded)
        if shared or (matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6):
            ratio = matcher.ratio()
            if shared:
                sharing.append((shared, ratio, choice))
            elif ratio >= 0.6:
                spelled.append((ratio, choice))
    if sharing:
        best = max(score for score, _, _ in sharing)
        top = sorted((s for s in sharing if s[0] == best), key=lambda s: (-s[1], s[2]))
        return [choice for _, _, choice in top[:n]]
    return [choice for _, choice in sorted(spelled, key=lambda s: (-s[0], s[1]))[:n]]


def suggest(matches: list[str]) -> str:
    """` (did you mean 'a', 'b'?)`, or nothing when there is nothing to suggest."""
    if not matches:
        return ""
    return " (did you mean " + ", ".join(f"'{m}'" for m in matches) + "?)"


def did_you_mean(word: str, choices: Collection[str], so_far: int = 0) -> str:
    """A suggestion for the `so_far`-th error of a file. Only the first errors get one,
    fewer when there are many choices, so that a file of thousands of typos against a
    ladder of thousands of ids costs no more than a screenful."""
    if so_far >= min(MAX_HINTS, MAX_COMPARISONS // max(len(choices), 1)):
        return ""
    return suggest(close_matches(word, choices))
