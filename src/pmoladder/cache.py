"""A cache of checked ladders, so that a run reading an unchanged ladder skips the YAML
parse and the validation (about a third of pmoladder's own start-up work).

Entries are keyed by the file's bytes and the versions of pmoladder and pydantic, so an
edited file or an upgrade simply misses. The cache is best effort: a missing, unreadable
or corrupt entry is rebuilt, and a cache folder that cannot be written is ignored.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

CACHE_ENV = "PMOLADDER_CACHE_DIR"
MAX_ENTRIES = 16  # a ladder being edited leaves one entry per saved version


def cache_dir() -> Path | None:
    """$PMOLADDER_CACHE_DIR (empty turns the cache off), else the XDG cache folder."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "pmoladder"


def _entry(raw: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    from pydantic import VERSION

    from pmoladder import __version__

    digest = hashlib.sha256(f"{__version__}\0{VERSION}\0".encode() + raw).hexdigest()
    return folder / f"ladder-{digest[:32]}.pickle"


def get(raw: bytes) -> Any | None:
    entry = _entry(raw)
    if entry is None:
        return None
    try:
        with open(entry, "rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, unreadable or stale: rebuild it
        return None


def put(raw: bytes, value: Any) -> None:
    entry = _entry(raw)
    if entry is None:
        return
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, entry)
        entries = sorted(entry.parent.glob("ladder-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-MAX_ENTRIES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home or a full disk must not stop the command
