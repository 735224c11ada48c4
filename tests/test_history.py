from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.errors import PmoError
from pmoladder.history import contents, read_spec, versions


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_versions_and_contents(repo):
    first = repo("a: 1\n", "one", "2026-01-01")
    repo("a: 2\n", "two", "2026-02-01")
    top, found = versions("profile.yaml")
    assert [v.commit for v in found][0] == first
    assert contents(top, found) == [b"a: 1\n", b"a: 2\n"]


def test_read_spec_takes_files_and_revisions(repo, write):
    repo("a: 1\n", "one", "2026-01-01")
    write("profile.yaml", "a: 3\n")
    assert read_spec("profile.yaml") == ("profile.yaml", "a: 3\n")
    assert read_spec("HEAD:profile.yaml") == ("HEAD:profile.yaml", "a: 1\n")
    with pytest.raises(PmoError, match="not found in git"):
        read_spec("HEAD:missing.yaml")


# --- hostile revisions and repositories: (id, diff's first argument, expected message) ----
REVISION_CASES = [
    ("tree-listing", "HEAD:", "is a tree in git, not a file"),
    ("commit-message", ":/one", "is a commit in git, not a file"),
    ("option-as-revision", "--output=notes:2026.txt", "not found in git"),
    ("missing-path", "HEAD:nowhere.yaml", "not found in git"),
    ("newline", "HEAD:profile.yaml\nHEAD:", "cannot span lines"),
]


@pytest.mark.parametrize(
    "spec, expected", [c[1:] for c in REVISION_CASES], ids=[c[0] for c in REVISION_CASES]
)
def test_diff_reads_only_files_from_git(repo, tmp_path, spec, expected):
    repo("years_experience: 1\n", "one", "2026-01-01")
    notes = tmp_path / "notes:2026.txt"
    notes.write_text("keep me\n")
    result = run("diff", "--", spec, "profile.yaml")
    assert result.exit_code == 2, result.stdout
    assert expected in result.stderr and result.stderr.count("\n") == 1
    assert notes.read_text() == "keep me\n"


SINCE_CASES = [
    ("typo", "v9-typo", "neither a revision of this repository nor a date"),
    ("future", "2099-01-01", "is in the future"),
    ("impossible-date", "2026-02-30", "not a real date"),
    ("option", "--output=notes.txt", "neither a revision"),
]


@pytest.mark.parametrize(
    "start, expected", [c[1:] for c in SINCE_CASES], ids=[c[0] for c in SINCE_CASES]
)
def test_since_refuses_what_is_neither_revision_nor_date(repo, tmp_path, start, expected):
    repo("target_role: pm\nyears_experience: 1\n", "one", "2026-01-01")
    result = run("progress", f"--since={start}")
    assert result.exit_code == 2
    assert expected in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "notes.txt").exists()


def test_since_a_date_still_works(repo):
    repo("target_role: pm\nyears_experience: 1\n", "one", "2026-01-01")
    repo("target_role: pm\nyears_experience: 2\n", "two", "2026-03-01")
    result = run("progress", "--since", "2026-02-01", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["points"]) == 2


def test_history_of_a_non_ascii_path_across_a_rename(repo, tmp_path):
    import subprocess

    (tmp_path / "people").mkdir()
    repo("target_role: pm\nyears_experience: 1\n", "one", "2026-01-01", "people/josé.yaml")
    subprocess.run(["git", "mv", "people/josé.yaml", "people/jo sé.yaml"], check=True)
    repo("target_role: pm\nyears_experience: 1\n", "two", "2026-02-01", "people/jo sé.yaml")
    top, found = versions("people/jo sé.yaml")
    assert [v.path for v in found] == ["people/josé.yaml", "people/jo sé.yaml"]
    assert contents(top, found)[0] == b"target_role: pm\nyears_experience: 1\n"


def test_a_blob_over_the_limit_is_refused_before_it_is_loaded(repo, monkeypatch):
    from pmoladder import history

    repo("a: 1\n", "one", "2026-01-01")
    repo("x: '" + "y" * (3 * 1024 * 1024) + "'\n", "big", "2026-02-01")
    top, found = versions("profile.yaml")
    real, asked = history._git, []

    def spy(args, cwd, stdin=None):
        out = real(args, cwd, stdin)
        asked.append((args, len(out)))
        return out

    monkeypatch.setattr(history, "_git", spy)
    assert contents(top, found) == [b"a: 1\n", "file is larger than the 2 MiB limit"]
    assert max(size for _, size in asked) < 1024 * 1024
    with pytest.raises(PmoError, match="larger than the 2 MiB limit"):
        read_spec("HEAD:profile.yaml")


ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to own files as another user"
)


@ROOT_ONLY
def test_a_repository_of_another_user_is_named_as_such(repo, tmp_path, monkeypatch):
    repo("target_role: pm\n", "one", "2026-01-01")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # no safe.directory from the real one
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    os.chown(tmp_path, 4242, 4242)
    os.chown(tmp_path / ".git", 4242, 4242)
    result = run("progress")
    assert result.exit_code == 2
    assert "another user owns it" in result.stderr and "safe.directory" in result.stderr
