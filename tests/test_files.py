from __future__ import annotations

import os
from pathlib import Path

import pytest

from pmoladder.errors import PmoError
from pmoladder.files import rewrite, write_atomic


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


SIGNAL_DURING_WRITE = """
import os, signal, sys
from pmoladder import files

real = os.fsync

def fsync(fd):
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    real(fd)

os.fsync = fsync
files.write_atomic(sys.argv[1], "new\\n", force=True)
print("finished")
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGINT", "SIGHUP"])
def test_a_signal_during_a_write_leaves_a_whole_file_and_no_temporary(tmp_path: Path, name):
    import subprocess
    import sys

    target = tmp_path / "p.yaml"
    target.write_text("old\n")
    done = subprocess.run(
        [sys.executable, "-c", SIGNAL_DURING_WRITE, str(target), name],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode != 0 and "finished" not in done.stdout  # the signal still stops it
    assert target.read_text() == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"]


def test_rewrite_refuses_a_file_changed_since_it_was_read(tmp_path: Path):
    target = tmp_path / "p.yaml"
    target.write_bytes(b"edited\n")
    with pytest.raises(PmoError, match="changed since it was read"):
        rewrite(target, b"mine\n", read=b"original\n")
    assert target.read_bytes() == b"edited\n"
    rewrite(target, b"mine\n", read=b"edited\n")
    assert target.read_bytes() == b"mine\n"


def test_rewrite_refuses_a_file_removed_since_it_was_read(tmp_path: Path):
    with pytest.raises(PmoError, match="was removed since it was read"):
        rewrite(tmp_path / "gone.yaml", b"x\n", read=b"y\n")
    assert not (tmp_path / "gone.yaml").exists()


def test_rewrite_writes_through_links_and_refuses_read_only_files(tmp_path: Path):
    real = tmp_path / "real.yaml"
    real.write_bytes(b"a\n")
    real.chmod(0o444)
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    with pytest.raises(PmoError, match="is read-only"):
        rewrite(link, b"b\n", read=b"a\n")
    rewrite(link, b"b\n", read=b"a\n", force=True)
    assert link.is_symlink() and real.read_bytes() == b"b\n"
    assert real.stat().st_mode & 0o777 == 0o444


def test_write_atomic_writes_through_an_existing_link_when_forced(tmp_path: Path):
    real = tmp_path / "real.yaml"
    real.write_text("a\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    with pytest.raises(PmoError, match="already exists"):
        write_atomic(link, "b\n")
    write_atomic(link, "b\n", force=True)
    assert link.is_symlink() and real.read_text() == "b\n"


def test_only_a_regular_file_is_updated_in_place(tmp_path: Path):
    from pmoladder.files import check_writable

    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(PmoError, match="is not a regular file"):
        check_writable(fifo, force=True)
