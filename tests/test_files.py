from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmoladder.errors import PmoError
from pmoladder.files import write_atomic


def test_writes_and_refuses_to_overwrite(tmp_path: Path):
    target = tmp_path / "p.yaml"
    write_atomic(target, "a: 1\n")
    with pytest.raises(PmoError, match="already exists"):
        write_atomic(target, "a: 2\n")
    assert target.read_text() == "a: 1\n"
    write_atomic(target, "a: 2\n", force=True)
    assert target.read_text() == "a: 2\n"


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch):
    target = tmp_path / "p.yaml"
    target.write_text("old\n")

    def boom(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n", force=True)
    assert target.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path):
    target = tmp_path / "p.yaml"
    target.write_text("x\n")
    target.chmod(0o600)
    write_atomic(target, "y\n", force=True)
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_missing_folder_is_a_clear_error(tmp_path: Path):
    with pytest.raises(PmoError, match="cannot write .*: No such file or directory"):
        write_atomic(tmp_path / "nope" / "p.yaml", "x\n")
