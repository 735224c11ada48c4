"""Writing files so that nothing is lost: never half a file, never over someone else's edit.

A file is written to a temporary file beside it, synced, and renamed into place, with the
signals that would stop the process held meanwhile, so an interruption leaves either the
old file or the new one and no temporary file. A symlink is written through to its
target, and a replaced file keeps its mode and, where the process may keep it, its owner.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from pmoladder.errors import PmoError

_HELD_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT")


def write_atomic(path: str | Path, text: str, force: bool = False) -> None:
    """Write `text` to `path`. Without `force`, an existing file (or a link, even to a
    missing file) is an error rather than something to overwrite."""
    name = Path(path)
    if name.is_dir():
        raise PmoError(f"{name} is a directory")
    if os.path.lexists(name) and not force:
        if not name.exists():
            raise PmoError(
                f"{name} is a link to a missing file, {os.readlink(name)} "
                "(use --force to write there)"
            )
        raise PmoError(f"{name} already exists (use --force to overwrite it)")
    target = Path(os.path.realpath(name))
    _replace(name, target, text.encode("utf-8"), _stat(target))


def rewrite(path: str | Path, data: bytes, read: bytes, force: bool = False) -> None:
    """Replace the file `path` names (through any symlink) with `data`, provided it still
    holds `read`, the bytes the new content was made from.

    The check and the rename happen under an exclusive lock on the file, so two runs
    cannot both pass the check; an editor, which takes no lock, is still caught by the
    content check unless it saves in the same instant.
    """
    name = Path(path)
    target = Path(os.path.realpath(name))
    with _locked(name, target) as (current, info):
        if current != read:
            raise PmoError(
                f"{name} changed since it was read (edited, or updated by another run); "
                "nothing was written"
            )
        check_writable(name, force, info)
        _replace(name, target, data, info)


def check_writable(path: str | Path, force: bool, info: os.stat_result | None = None) -> None:
    """Refuse what cannot be updated in place (a pipe, a device), and a read-only file
    unless forced: someone protected it on purpose."""
    info = info or os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        raise PmoError(f"{path} is not a regular file, so it cannot be updated in place")
    if force:
        return
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise PmoError(f"{path} is read-only (use --force to rewrite it anyway)")


def _stat(target: Path) -> os.stat_result | None:
    try:
        return os.stat(target)
    except FileNotFoundError:
        return None


@contextmanager
def _locked(name: Path, target: Path) -> Iterator[tuple[bytes, os.stat_result]]:
    """The file's bytes and status, read under an exclusive lock held until the block ends.

    A run that waited for the lock may hold it on a file that has since been replaced;
    it then locks the file now at the path instead.
    """
    locks: ModuleType | None
    try:
        import fcntl as locks
    except ImportError:  # no advisory locks here: the content check still applies
        locks = None
    while True:
        try:
            fd = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a pipe: no wait
        except FileNotFoundError:
            raise PmoError(f"{name} was removed since it was read; nothing was written") from None
        try:
            info = os.fstat(fd)
            if locks is not None and stat.S_ISREG(info.st_mode):
                try:
                    locks.flock(fd, locks.LOCK_EX)
                except OSError:  # a file system without locks: the content check remains
                    pass
            now = _stat(target)
            if now is not None and (now.st_dev, now.st_ino) != (info.st_dev, info.st_ino):
                continue
            check_writable(name, True, info)
            with os.fdopen(os.dup(fd), "rb") as handle:
                current = handle.read()
            yield current, info
            return
        finally:
            os.close(fd)


def _replace(name: Path, target: Path, data: bytes, old: os.stat_result | None) -> None:
    """Put `data` at `target` through a synced temporary file, signals held meanwhile."""
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise PmoError(f"{name} is not a regular file")
    folder = target.parent
    with _signals_held():
        try:
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        except OSError as exc:
            raise PmoError(f"cannot write {name}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if old is None:
                os.chmod(temp, 0o666 & ~_umask())
            else:
                _keep_owner(temp, old)
                os.chmod(temp, stat.S_IMODE(old.st_mode) & 0o777)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
        _sync_folder(folder)


def _keep_owner(temp: str, old: os.stat_result) -> None:
    """Give the new file the old one's owner and group, or as much of that as allowed."""
    for uid in (old.st_uid, -1):
        try:
            os.chown(temp, uid, old.st_gid)
            return
        except (OSError, AttributeError):
            continue


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder for this."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C, SIGTERM and the like while a file is replaced; they are delivered
    right after, when there is no temporary file left to clean up."""
    import signal

    wanted = {getattr(signal, n) for n in _HELD_SIGNALS if hasattr(signal, n)}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, wanted)
    except (AttributeError, OSError, ValueError):  # not on this system or thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
