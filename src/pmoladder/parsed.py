"""A profile's parsed data, kept between runs beside the checked ladders (see `cache`).

A command about one person reads a small YAML file, and importing a YAML parser costs it
more than all it then does with the data. So the data of a file that parsed is kept as
JSON, keyed by the file's bytes and by the code that parses, and an unchanged file is
read back without a parser. Its lines and columns are not kept: the file is parsed again
the first time an error or a warning must name its place. Only what JSON carries
faithfully is kept (text keys; text, numbers, booleans, null, dates, lists and mappings);
a file holding anything else is parsed every time.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from pmoladder import cache
from pmoladder.inputs import decode, read_bytes

if TYPE_CHECKING:
    from pmoladder.errors import FileError
    from pmoladder.yamlfile import Document

FORMAT = 1  # bump when an entry's layout changes
_CODE = ("inputs.py", "parsed.py", "yamlfile.py")  # the modules whose change makes data differ
_DATE = "\0date"  # a date is {_DATE: "YYYY-MM-DD"}: no YAML file can hold a NUL character


def load(path: str) -> Document | Parsed:
    """The file parsed, or its data from an earlier run when its bytes are unchanged."""
    name, raw = read_bytes(path)
    entry = _entry(raw)
    kept = cache.read_entry(entry)
    if kept is not None:
        data = _decoded(kept)
        if isinstance(data, dict):
            return Parsed(name, raw, data)
    from pmoladder.yamlfile import parse

    doc = parse(name, decode(name, raw))
    text = encoded(doc.data)
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
            from pmoladder.yamlfile import parse

            self._doc = parse(self.path, decode(self.path, self._raw))
        return self._doc.error(loc, message, at_key)


def _entry(raw: bytes) -> str:
    import hashlib

    stamp = f"{FORMAT}\0{cache.code_stamp(_CODE)}\0"
    return f"parsed-{hashlib.sha256(stamp.encode() + raw).hexdigest()[:32]}.json"


def encoded(data: Any) -> str | None:
    """`data` as JSON, or None when JSON could not give it back exactly as it is."""
    import json

    def plain(value: Any) -> Any:
        kind = type(value)
        if kind is dict:
            if not all(type(k) is str for k in value):
                raise _NotKept
            return {k: plain(v) for k, v in value.items()}
        if kind is list:
            return [plain(v) for v in value]
        if kind is dt.date:
            return {_DATE: value.isoformat()}
        if kind in (str, int, float, bool) or value is None:
            return value
        raise _NotKept  # a time of day, bytes, a set: rare enough to parse each time

    try:
        return json.dumps(plain(data), separators=(",", ":"))
    except _NotKept:
        return None


def _decoded(kept: bytes) -> Any:
    """The data an entry holds, or None when it cannot be read back."""
    import json

    def dated(pairs: dict[str, Any]) -> Any:
        return dt.date.fromisoformat(pairs[_DATE]) if _DATE in pairs else pairs

    try:
        return json.loads(kept, object_hook=dated)
    except (ValueError, TypeError, KeyError):
        return None


class _NotKept(Exception):
    pass
