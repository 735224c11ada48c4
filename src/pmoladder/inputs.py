"""Reading an input file: its display name and bytes or text, `-` for standard input.

Bounded in size and decoded as UTF-8 here, apart from parsing: a run that finds a ladder
in the cache reads its bytes but has no YAML to parse, and so never imports a parser.
"""

from __future__ import annotations

import sys

from pmoladder.errors import FileError

MAX_BYTES = 2 * 1024 * 1024


def read_bytes(path: str) -> tuple[str, bytes]:
    """The display name and raw bytes of `path` (`-` is standard input), within the limit."""
    if path == "-":
        return "<stdin>", sys.stdin.buffer.read(MAX_BYTES + 1)
    try:
        with open(path, "rb") as handle:
            return path, handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise FileError(path, "is a directory, not a file") from None
    except FileNotFoundError:
        raise FileError(path, "no such file") from None
    except OSError as exc:
        raise FileError(path, f"cannot read: {exc.strerror or exc}") from None


def read_text(path: str) -> tuple[str, str]:
    """The display name and decoded text of `path` (`-` is standard input)."""
    name, raw = read_bytes(path)
    return name, decode(name, raw)


def decode(name: str, raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is fine), within the size limit."""
    if len(raw) > MAX_BYTES:
        raise FileError(name, f"file is larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise FileError(name, "not valid UTF-8 text", line, column) from None
    return text
