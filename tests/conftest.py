from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmoladder.ladder import Ladder, builtin_path, ladder_from
from pmoladder.yamlfile import load

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's own profile, ladder or terminal settings."""
    for name in (
        "PMOLADDER_PROFILE",
        "PMOLADDER_LADDER",
        "PMOLADDER_STALE_AFTER_MONTHS",
        "NO_COLOR",
        "FORCE_COLOR",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / ".config"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("PMOLADDER_TODAY", "2026-11-26")  # stale ratings depend on the date
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", str(tmp_path / ".cache"))
    monkeypatch.chdir(tmp_path)


# Session-wide ladders are set up before the isolation above, so they bypass the cache.
@pytest.fixture(scope="session")
def builtin() -> Ladder:
    return ladder_from(load(str(builtin_path())))


@pytest.fixture(scope="session")
def mini() -> Ladder:
    return ladder_from(load(str(FIXTURES / "mini-ladder.yaml")))


@pytest.fixture
def write(tmp_path: Path):
    """Write a file under the test's folder and return its path as a string."""

    def _write(name: str, text: str | bytes) -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    return _write


@pytest.fixture
def repo(tmp_path: Path):
    """A fresh git repository in the test's folder, and a way to commit a profile to it."""
    import subprocess

    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=tmp_path, capture_output=True, text=True, check=True
        )
        return done.stdout

    git("init", "-q")
    git("config", "user.email", "test@example.test")
    git("config", "user.name", "Test")
    git("config", "commit.gpgsign", "false")

    def commit(text: str, message: str, date: str, name: str = "profile.yaml") -> str:
        (tmp_path / name).write_text(text, encoding="utf-8")
        git("add", name)
        env_date = f"{date}T12:00:00+00:00"
        subprocess.run(
            ["git", "commit", "-q", "-m", message, "--date", env_date],
            cwd=tmp_path,
            check=True,
            env={**os.environ, "GIT_COMMITTER_DATE": env_date},
        )
        return git("rev-parse", "HEAD").strip()

    commit.git = git
    return commit


def golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; UPDATE_GOLDEN=1 rewrites it."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")
