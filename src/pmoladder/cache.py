"""A cache of checked ladders, so that a run reading an unchanged ladder skips the YAML
parse (the slowest part of loading one).

An entry is plain JSON, read back through the same models and reference checks as the
YAML it stands for, so whatever the folder holds it can at worst miss: nothing in it is
ever run. Entries are keyed by the ladder's bytes and by the code that checks a ladder,
so an edited file, an upgrade or a patched checkout simply misses (the code is known by
its modules' times and sizes, which costs a stat, not a read, per module). The folder is
created private (0700); a folder or an entry that another user owns or may write is not
used, because such a user could otherwise choose the ladder every command sees.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from pmoladder.errors import FileError

TYPE_CHECKING = False  # typing is not imported: tab completion reads entries too
if TYPE_CHECKING:
    from typing import Any

CACHE_ENV = "PMOLADDER_CACHE_DIR"
MAX_ENTRIES = 16  # a ladder being edited leaves one entry per saved version
MAX_ENTRY_BYTES = 8 * 1024 * 1024  # a checked ladder is at most a few times its 2 MiB file
FORMAT = 1  # bump when an entry's layout changes
# the modules whose change makes a ladder differ
_CODE = ("cache.py", "ladder.py", "models.py", "overlay.py")
_warned: set[str] = set()


def cache_dir() -> Path | None:
    """$PMOLADDER_CACHE_DIR (empty turns the cache off), else the XDG cache folder.

    A relative folder is refused: it would depend on where the command runs, and a
    repository could ship one.
    """
    explicit = os.environ.get(CACHE_ENV)
    if explicit is not None:
        if explicit and not os.path.isabs(explicit):
            _warn(f"${CACHE_ENV} must be an absolute path; running without the cache")
            return None
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pmoladder" if os.path.isabs(base) else None


def _warn(message: str) -> None:
    """One line on stderr, once per run: a cache problem never stops a command."""
    if message not in _warned:
        _warned.add(message)
        sys.stderr.write(f"pmoladder: warning: {message}\n")


def _trusted(info: os.stat_result) -> bool:
    """Owned by whoever runs pmoladder, and writable by no one else."""
    mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return mine and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _folder(create: bool) -> Path | None:
    """The cache folder when it is safe to use (made private first when `create`)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None  # absent, or cannot be made: a read-only home runs without it
    if not stat.S_ISDIR(info.st_mode):
        return None
    if not _trusted(info):
        _warn(
            f"cache folder {folder} is writable by other users or not yours; "
            "running without the cache (make it yours with mode 0700)"
        )
        return None
    return folder


def code_stamp(modules: tuple[str, ...]) -> str:
    """The version, and each module's modification time and size: an upgrade, an edit or
    a patched checkout changes it, and it costs a stat per module, not a read."""
    from pmoladder import __version__

    here = os.path.dirname(__file__)
    parts = [__version__]
    for module in modules:
        info = os.stat(os.path.join(here, module))
        parts.append(f"{module}:{info.st_mtime_ns}:{info.st_size}")
    return "\0".join(parts)


def entry_name(kind: str, stamp: str, raw: bytes = b"") -> str:
    """An entry's file name: its kind, then a digest of all it depends on."""
    import hashlib

    return f"{kind}-{hashlib.sha256(stamp.encode() + raw).hexdigest()[:32]}.json"


def _name(raw: bytes) -> str:
    from pydantic import VERSION

    return entry_name("ladder", f"{FORMAT}\0{VERSION}\0{code_stamp(_CODE)}\0", raw)


def _read(entry: Path) -> bytes | None:
    """The entry's bytes if it is a regular file we own that no one else may write."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _trusted(info):
            return None
        data = handle.read(MAX_ENTRY_BYTES + 1)
    return data if len(data) <= MAX_ENTRY_BYTES else None


def read_entry(name: str) -> bytes | None:
    """The bytes of the entry `name`, or None: absent, or not to trust."""
    folder = _folder(create=False)
    return None if folder is None else _read(folder / name)


def get(raw: bytes) -> Any | None:
    """The checked ladder for these bytes, or None: a miss, or an entry not to trust."""
    data = read_entry(_name(raw))
    if data is None:
        return None
    from pydantic import ValidationError

    from pmoladder.ladder import Ladder, check_references
    from pmoladder.models import LadderFile

    try:
        # JSON keys are strings, so levels keyed by number need the lax mode back.
        model = LadderFile.model_validate_json(data, strict=False)
    except ValidationError:
        return None
    if check_references(model, _Unlocated()):
        return None
    return Ladder(model)


class _Unlocated:
    """A stand-in Document for entries: any error only means the entry is not used."""

    def error(self, loc: tuple[Any, ...], message: str, at_key: bool = False) -> FileError:
        return FileError("", message)


def put(raw: bytes, ladder: Any) -> None:
    """Store a checked ladder; best effort, silent when the folder cannot be written."""
    import json

    data = json.dumps(ladder.model.model_dump(mode="json"), separators=(",", ":"))
    write_entry(_name(raw), data.encode())


def write_entry(name: str, data: bytes) -> None:
    """Store an entry whole or not at all, then prune the oldest of its kind; best effort,
    silent when the folder cannot be written."""
    import tempfile

    folder = _folder(create=True)
    if folder is None:
        return
    kind = name.split("-", 1)[0]
    try:
        fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, folder / name)
        except BaseException:
            os.unlink(temp)
            raise
        entries = sorted(folder.glob(f"{kind}-*.json"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a full disk must not stop the command
