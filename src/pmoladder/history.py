"""A profile's history, read from git: its versions commit by commit, or one `REV:PATH`."""

from __future__ import annotations

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
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True)
    except FileNotFoundError:
        raise PmoError("git is not installed, and profile history needs it") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PmoError(f"git {args[0]}: {message[-1] if message else 'failed'}")
    return done.stdout


def repository_of(path: str) -> Path:
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise PmoError(f"{path}: no such file")
    try:
        top = _git(["rev-parse", "--show-toplevel"], folder)
    except PmoError:
        raise PmoError(f"{path} is not in a git repository") from None
    return Path(top.decode().strip())


def versions(path: str) -> tuple[Path, list[Version]]:
    """Every commit that touched the file, following renames, oldest first."""
    top = repository_of(path)
    rel = Path(path).resolve().relative_to(top).as_posix()
    out = _git(["log", "--follow", "--format=%x1e%H%x00%cI", "--name-only", "--", rel], top)
    found = []
    for record in out.decode("utf-8", "replace").split("\x1e")[1:]:
        head, _, names = record.partition("\n")
        commit, _, date = head.partition("\x00")
        name = next((n for n in names.splitlines() if n.strip()), rel)
        found.append(Version(commit, date, name))
    if not found:
        raise PmoError(f"{path}: no commit touches this file yet (commit it first)")
    return top, found[::-1]


def since(top: Path, found: list[Version], start: str) -> tuple[Version | None, list[Version]]:
    """Split history at `start`: a revision, or else a date git understands.

    Returns the version in force at `start` (the baseline), and the versions after it.
    """
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{start}^{{commit}}"], top)
    except PmoError:
        cutoff = (
            _git(["log", "-1", f"--before={start}", "--format=%H", *[v.commit for v in found]], top)
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


def contents(top: Path, wanted: list[Version]) -> list[bytes | None]:
    """The file's bytes at each version, in one `git cat-file --batch` call."""
    if not wanted:
        return []
    specs = "".join(f"{v.commit}:{v.path}\n" for v in wanted).encode()
    out = _git(["cat-file", "--batch"], top, stdin=specs)
    blobs: list[bytes | None] = []
    at = 0
    for _ in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        if len(header) < 3 or header[1] != b"blob":
            blobs.append(None)
            at = end + 1
            continue
        size = int(header[2])
        blobs.append(out[end + 1 : end + 1 + size])
        at = end + 1 + size + 1
    return blobs


def show(spec: str) -> bytes:
    """`REV:PATH`, read as `git show` reads it, from the current folder."""
    return _git(["show", spec], Path.cwd())


def read_spec(spec: str) -> tuple[str, str]:
    """A profile named by path, `-`, or `REV:PATH`: its display name and text."""
    from pmoladder.yamlfile import decode, read_text

    if spec == "-" or Path(spec).exists() or ":" not in spec:
        return read_text(spec)
    return spec, decode(spec, show(spec))
