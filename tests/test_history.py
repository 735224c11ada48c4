from __future__ import annotations

import pytest

from pmoladder.errors import PmoError
from pmoladder.history import contents, read_spec, versions


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
    with pytest.raises(PmoError, match="git show"):
        read_spec("HEAD:missing.yaml")
