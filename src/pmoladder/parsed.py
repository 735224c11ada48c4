"""A profile's parsed data, kept between runs beside the checked ladders (see `cache`).

A command about one person reads a small YAML file, and importing a YAML parser costs it
more than all it then does with the data. So the data of a file that parsed is kept as
JSON, keyed by the file's bytes and by the code that parses, and an unchanged file is
read back without a parser. Its lines and columns are not kept: the file is parsed again
the first time an error or a warning must name its place. Only what JSON carries
faithfully is kept (text keys; text, numbers, booleans, null, dates, lists and mappings),
within the size of an entry; a file holding anything else is parsed every time.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

from pmoladder import cache
from pmoladder.inputs import decode, read_bytes

if TYPE_CHECKING:
    from pmoladder.errors import FileError
    from pmoladder.yamlfile import Document

FORMAT = 1  # bump when an entry's layout changes
_CODE = ("inputs.py", "parsed.py", "yamlfile.py")  # the modules whose change makes data differ
# A date is {_DATE: "YYYY-MM-DD"}. YAML can write a NUL ("\0"), so data with a key that
# starts with one is not kept, and such a mapping in an entry can only be a date.
_DATE = "\0date"


def load(path: str) -> Document | Parsed:
    """The file parsed, or its data from an earlier run when its bytes are unchanged.
    Standard input is only parsed: what is piped in passes through, and is not stored."""
    name, raw = read_bytes(path)
    entry = _entry(raw) if path != "-" else ""
    kept = cache.read_entry(entry) if entry else None
    if kept is not None:
        data = _decoded(kept)
        if isinstance(data, dict):
            return Parsed(name, raw, data)
    doc = _parse(name, raw)
    text = encoded(doc.data) if entry else None
    if text is not None:
        cache.write_entry(entry, text.encode())
    return doc


class Parsed:
    """A file's data from the cache, parsed for real only to say where something is."""

    def __init__(self, path: str, raw: bytes, data: dict[str, Any]) -> None:
        self.path, self.data = path, data
        self._raw = raw
        self._doc: Document | None = None

    def error(self, loc: tuple[Any, ...], message: str, at_key: bool = False) -> FileError:
        if self._doc is None:
            self._doc = _parse(self.path, self._raw)
        return self._doc.error(loc, message, at_key)


def _parse(name: str, raw: bytes) -> Document:
    from pmoladder.yamlfile import parse

    return parse(name, decode(name, raw))


def _entry(raw: bytes) -> str:
    import sys

    stamp = f"{FORMAT}\0{sys.version}\0{_parser_stamp()}\0{cache.code_stamp(_CODE)}\0"
    return cache.entry_name("parsed", stamp, raw)


def _parser_stamp() -> str:
    """The installed PyYAML, known by its files (importing it is what this module saves)."""
    import importlib.util

    spec = importlib.util.find_spec("yaml")
    if spec is None or spec.origin is None:
        return ""
    info = os.stat(spec.origin)
    return f"{spec.origin}:{info.st_mtime_ns}:{info.st_size}"


def encoded(data: Any) -> str | None:
    """`data` as JSON, or None when JSON could not give it back exactly as it is, or it
    would not fit in an entry (aliases can repeat one long text many times)."""
    import json

    room = cache.MAX_ENTRY_BYTES

    def plain(value: Any) -> Any:
        nonlocal room
        kind = type(value)
        room -= len(value) + 1 if kind is str else 1
        if room < 0:
            raise _NotKept
        if kind is dict:
            for key in value:
                if type(key) is not str or key.startswith("\0"):
                    raise _NotKept
                room -= len(key)
            return {k: plain(v) for k, v in value.items()}
        if kind is list:
            return [plain(v) for v in value]
        if kind is dt.date:
            return {_DATE: value.isoformat()}
        if kind in (str, int, float, bool) or value is None:
            return value
        raise _NotKept  # a time of day, bytes, a set: rare enough to parse each time

    try:
        text = json.dumps(plain(data), ensure_ascii=False, separators=(",", ":"))
        # UTF-8 refuses lone surrogates, which a JSON round trip could pair up.
        text.encode("utf-8")
    except (_NotKept, ValueError):  # ValueError: an integer too long to write out
        return None
    return text if len(text) <= cache.MAX_ENTRY_BYTES else None


def _decoded(kept: bytes) -> Any:
    """The data an entry holds, or None when it cannot be read back."""
    import json

    def dated(pairs: dict[str, Any]) -> Any:
        if _DATE not in pairs:
            return pairs
        if len(pairs) > 1:
            raise ValueError("not an entry this module wrote")
        return dt.date.fromisoformat(pairs[_DATE])

    try:
        return json.loads(kept, object_hook=dated)
    except (ValueError, TypeError, RecursionError):
        return None


class _NotKept(Exception):
    pass
