"""A profile's history, read from git: its versions commit by commit, or one `REV:PATH`."""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

from pmoladder.errors import PmoError


@dataclass(frozen=True)
class Version:
    commit: str
    date: str  # ISO 8601, the committer date
    path: str  # the file's path at that commit, from the top of the repository


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run git with paths left unquoted; arguments that come from the user must follow
    `--end-of-options` (or travel on stdin), so that none can be read as an option."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, input=stdin, capture_output=True
        )
    except FileNotFoundError:
        raise PmoError("git is not installed, and profile history needs it") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or ["failed"]
        reason = next((line for line in lines if line.startswith("fatal:")), lines[-1])
        raise PmoError(f"git {args[0]}: {reason}")
    return done.stdout


def repository_of(path: str) -> Path:
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise PmoError(f"{path}: no such file")
    try:
        top = _git(["rev-parse", "--show-toplevel"], folder)
    except PmoError as exc:
        if "dubious ownership" in str(exc):
            raise PmoError(
                f"{path}: git refuses to read this repository because another user owns it; "
                "if you trust it, run: git config --global --add safe.directory "
                f"{shlex.quote(str(folder))}"
            ) from None
        raise PmoError(f"{path} is not in a git repository") from None
    return Path(os.fsdecode(top.rstrip(b"\n")))


def versions(path: str) -> tuple[Path, list[Version]]:
    """Every commit that touched the file, following renames, oldest first."""
    top = repository_of(path)
    rel = Path(path).resolve().relative_to(top).as_posix()
    out = _git(["log", "-z", "--follow", "--format=%x1e%H%x00%cI", "--name-only", "--", rel], top)
    found = []
    for record in out.split(b"\x1e")[1:]:
        commit, date, names = (record.split(b"\x00", 2) + [b"", b""])[:3]
        name = next((n.strip(b"\n") for n in names.split(b"\x00") if n.strip(b"\n")), None)
        found.append(Version(commit.decode(), date.decode(), os.fsdecode(name) if name else rel))
    if not found:
        raise PmoError(f"{path}: no commit touches this file yet (commit it first)")
    return top, found[::-1]


def since(top: Path, found: list[Version], start: str) -> tuple[Version | None, list[Version]]:
    """Split history at `start`: a revision, or else a date written YYYY-MM-DD.

    Returns the version in force at `start` (the baseline), and the versions after it.
    git reads almost any text as some date, so a typo would silently mean "now"; the
    date is checked here instead.
    """
    try:
        commit = _git(
            ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{start}^{{commit}}"], top
        )
    except PmoError:
        cutoff = (
            _git(["log", "-1", f"--before={_date(start)}", "--format=%H", *_commits(found)], top)
            .decode()
            .strip()
        )
        reachable = {cutoff} if cutoff else set()
        if cutoff:
            reachable |= set(_git(["rev-list", cutoff], top).decode().split())
    else:
        reachable = set(_git(["rev-list", commit.decode().strip()], top).decode().split())
    before = [v for v in found if v.commit in reachable]
    after = [v for v in found if v.commit not in reachable]
    return (before[-1] if before else None), after


def _commits(found: list[Version]) -> list[str]:
    """Commit ids as git printed them; checked anyway, since they end up as arguments."""
    return [v.commit for v in found if re.fullmatch("[0-9a-f]{4,64}", v.commit)]


def _date(start: str) -> str:
    """`start` as a day git reads exactly, or an error naming what is wrong with it."""
    from pmoladder.freshness import today

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", start.strip()):
        raise PmoError(
            f"--since: '{start}' is neither a revision of this repository "
            "nor a date written YYYY-MM-DD"
        )
    try:
        day = dt.date.fromisoformat(start.strip())
    except ValueError:
        raise PmoError(f"--since: '{start}' is not a real date") from None
    if day > today():
        raise PmoError(f"--since: {day} is in the future (today is {today()})")
    return f"{day.isoformat()} 00:00:00"


def _sizes(top: Path, specs: list[bytes]) -> list[tuple[bytes, int]]:
    """(type, size) of each `REV:PATH`, asked on stdin, where nothing is an option."""
    out = _git(["cat-file", "--batch-check"], top, stdin=b"".join(s + b"\n" for s in specs))
    found = []
    for line in out.splitlines():
        parts = line.rsplit(b" ", 2)
        found.append((parts[1], int(parts[2])) if len(parts) == 3 else (b"missing", 0))
    return found


def _blobs(top: Path, specs: list[bytes]) -> list[bytes | str]:
    """The bytes of each `REV:PATH`, or why it cannot be read: absent, not a file, or
    over the size limit (checked before the blob is loaded)."""
    from pmoladder.inputs import MAX_BYTES

    found: list[bytes | str] = []
    wanted = []
    for spec, (kind, size) in zip(specs, _sizes(top, specs), strict=True):
        if kind == b"missing":
            found.append("not found in git")
        elif kind != b"blob":
            found.append(f"is a {kind.decode()} in git, not a file (name one as REV:PATH)")
        elif size > MAX_BYTES:
            found.append(f"file is larger than the {MAX_BYTES // (1024 * 1024)} MiB limit")
        else:
            found.append(b"")
            wanted.append(spec)
    out = _git(["cat-file", "--batch"], top, stdin=b"".join(s + b"\n" for s in wanted))
    at = 0
    for i, item in enumerate(found):
        if isinstance(item, str):
            continue
        end = out.index(b"\n", at)
        size = int(out[at:end].rsplit(b" ", 1)[1])
        found[i] = out[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
    return found


def contents(top: Path, wanted: list[Version]) -> list[bytes | str]:
    """The file's bytes at each version (or why they cannot be read), in two git calls."""
    if not wanted:
        return []
    return _blobs(top, [f"{v.commit}:".encode() + os.fsencode(v.path) for v in wanted])


def show(spec: str) -> bytes:
    """`REV:PATH`, read as `git show` reads it, from the current folder, and only if it
    names a file: a tree listing or a commit message is not a profile."""
    if "\n" in spec:
        raise PmoError(f"{spec}: a revision cannot span lines")
    (found,) = _blobs(Path.cwd(), [os.fsencode(spec)])
    if isinstance(found, str):
        raise PmoError(f"{spec}: {found}")
    return found


def read_spec(spec: str) -> tuple[str, str]:
    """A profile named by path, `-`, or `REV:PATH`: its display name and text."""
    from pmoladder.inputs import decode, read_text

    if spec == "-" or Path(spec).exists() or ":" not in spec:
        return read_text(spec)
    return spec, decode(spec, show(spec))
