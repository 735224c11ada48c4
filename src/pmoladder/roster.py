"""Finding a team's profiles in files and folders, and reading them: on every core when
there are enough files to repay starting the workers, and with a progress bar when a
run at a terminal takes a while.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any

from pmoladder.errors import PmoError
from pmoladder.ladder import Ladder
from pmoladder.team import Member, Skipped

SUFFIXES = (".yaml", ".yml")
SETTINGS_FILE = ".pmoladder.yaml"
FILES_PER_WORKER = 200  # below this, a worker costs more to start than it saves
PROGRESS_AFTER = 1.0  # seconds before a progress bar is worth showing

Read = tuple[Member | Skipped, list[str]]  # a member or why not, and the file's warnings


def profile_files(paths: Iterable[str]) -> Iterator[str | Skipped]:
    """Each path given, and for a folder every profile under it, in name order.

    Hidden folders (`.git`, `.github`) hold no profiles and are not entered; the
    settings file `.pmoladder.yaml` is not a profile either.
    """
    for path in paths:
        if os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _walk(folder: str) -> Iterator[str | Skipped]:
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as exc:
        yield Skipped(folder, f"{folder}: cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                yield from _walk(entry.path)
        elif entry.name.endswith(SUFFIXES) and entry.name != SETTINGS_FILE:
            yield entry.path


# What each reading process needs; set before the workers fork, so they inherit it.
_context: dict[str, Any] = {}


def _read(path: str | Skipped) -> Read:
    from pmoladder.freshness import freshness
    from pmoladder.profile import load_profile
    from pmoladder.team import member_of

    if isinstance(path, Skipped):
        return path, []
    ladder = _context["ladder"]
    try:
        person = load_profile(path, ladder)
    except PmoError as exc:
        return Skipped(path, exc.report()), []
    fresh = freshness(ladder, person, _context["as_of"], _context["stale_after"])
    return member_of(path, person, fresh), [str(w) for w in person.warnings]


def workers_for(files: int, jobs: int | None = None) -> int:
    """How many processes to read `files` with: `jobs`, else one per core the process
    may use, as long as each gets enough files to repay its start."""
    if jobs is not None:
        return max(1, jobs)
    if files < 2 * FILES_PER_WORKER or not hasattr(os, "fork"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cores or 1, files // FILES_PER_WORKER))


def read_profiles(
    ladder: Ladder,
    paths: list[str | Skipped],
    as_of: dt.date,
    stale_after: int,
    jobs: int | None = None,
) -> Iterator[Read]:
    """Read every path, in order, yielding each as soon as it is read."""
    _context.update(ladder=ladder, as_of=as_of, stale_after=stale_after)
    workers = workers_for(len(paths), jobs)
    if workers <= 1:
        yield from map(_read, paths)
        return
    import multiprocessing
    import signal

    # Forked workers share the loaded ladder and modules; Ctrl-C is the parent's to handle.
    pool = multiprocessing.get_context("fork").Pool(
        workers, initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN)
    )
    try:
        chunk = max(1, min(64, len(paths) // (workers * 8)))
        yield from pool.imap(_read, paths, chunksize=chunk)
    finally:
        pool.terminate()


class Ticker:
    """A progress bar on stderr that appears only once a run has taken a second, and
    only when stderr is a terminal: quick runs and logs stay clean."""

    def __init__(self, total: int, stream: Any = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.done = 0
        self.bar: Any = None
        self.live = _is_terminal(self.stream)

    def advance(self) -> None:
        self.done += 1
        if not self.live:
            return
        if self.bar is None:
            if time.monotonic() - self.started < PROGRESS_AFTER:
                return
            self.bar = self._start()
        self.bar.update(self.task, completed=self.done)

    def _start(self) -> Any:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        bar = Progress(
            TextColumn("reading profiles"),
            BarColumn(),
            MofNCompleteColumn(),
            console=Console(file=self.stream, markup=False, highlight=False),
            transient=True,
        )
        self.task = bar.add_task("read", total=self.total, completed=self.done)
        bar.start()
        return bar

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
