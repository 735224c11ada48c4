"""Writing files so that an interruption never leaves half of one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pmoladder.errors import PmoError


def write_atomic(path: str | Path, text: str, force: bool = False) -> None:
    """Write `text` to a temporary file beside `path`, fsync it, then rename it into place.

    Without `force`, an existing file is an error rather than something to overwrite.
    """
    target = Path(path)
    if target.is_dir():
        raise PmoError(f"{target} is a directory")
    if target.exists() and not force:
        raise PmoError(f"{target} already exists (use --force to overwrite it)")
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PmoError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(temp, target.stat().st_mode & 0o777)
        else:
            os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
