from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest

from pmoladder import cache
from pmoladder.ladder import Ladder, builtin_path, load_ladder

ROOT_ONLY = pytest.mark.skipif(
    not hasattr(os, "getuid") or os.getuid() != 0, reason="needs root to own files as another user"
)


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / ".cache").glob("ladder-*"))


def test_a_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    first = load_ladder(None)
    assert len(entries(tmp_path)) == 1

    def no_parsing(*args):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("pmoladder.yamlfile.parse", no_parsing)
    second = load_ladder(None)
    assert isinstance(second, Ladder) and second is not first
    assert list(second.roles) == list(first.roles)
    assert second.roles["pm"].skills == first.roles["pm"].skills
    assert second.roles["pm"].next == first.roles["pm"].next
    assert second.skills["leadership"].levels == first.skills["leadership"].levels


def test_an_edited_file_misses(tmp_path, write):
    text = builtin_path().read_text(encoding="utf-8")
    path = write("ladder.yaml", text)
    load_ladder(path)
    Path(path).write_text(text.replace("name: PMO Career Ladder", "name: Edited"), "utf-8")
    assert load_ladder(path).name == "Edited"
    assert len(entries(tmp_path)) == 2


def test_changed_code_misses(tmp_path, monkeypatch):
    """A patched checkout must not be served ladders checked by the code before the patch."""
    load_ladder(None)
    code = tmp_path / "code"
    shutil.copytree(Path(cache.__file__).parent, code)
    with open(code / "models.py", "a", encoding="utf-8") as handle:
        handle.write("\n# patched\n")
    monkeypatch.setattr(cache, "__file__", str(code / "cache.py"))
    load_ladder(None)
    assert len(entries(tmp_path)) == 2


def test_a_corrupt_entry_is_rebuilt(tmp_path):
    load_ladder(None)
    (entry,) = entries(tmp_path)
    entry.write_bytes(b"not json")
    assert load_ladder(None).name == "PMO Career Ladder"
    assert entry.read_bytes() != b"not json"


class _Planted:
    def __reduce__(self):
        return (os.system, ("touch planted",))


def test_a_planted_pickle_runs_nothing(tmp_path):
    load_ladder(None)
    for entry in entries(tmp_path):
        entry.write_bytes(pickle.dumps(_Planted()))
    assert load_ladder(None).name == "PMO Career Ladder"
    assert not (tmp_path / "planted").exists()


def test_a_well_formed_entry_with_broken_references_is_not_used(tmp_path):
    load_ladder(None)
    (entry,) = entries(tmp_path)
    data = json.loads(entry.read_text("utf-8"))
    data["roles"][0]["next"] = ["nowhere"]
    data["name"] = "Forged"
    entry.write_text(json.dumps(data), "utf-8")
    assert load_ladder(None).name == "PMO Career Ladder"


def test_an_empty_setting_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", "")
    load_ladder(None)
    assert cache.cache_dir() is None and entries(tmp_path) == []


def test_a_relative_folder_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", "cache")
    load_ladder(None)
    assert not (tmp_path / "cache").exists()
    assert "absolute" in capsys.readouterr().err


def test_an_unwritable_folder_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", str(blocker / "cache"))
    assert load_ladder(None).name == "PMO Career Ladder"


def test_the_folder_is_private_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        load_ladder(None)
    finally:
        os.umask(old)
    assert (tmp_path / ".cache").stat().st_mode & 0o777 == 0o700
    (entry,) = entries(tmp_path)
    assert entry.stat().st_mode & 0o077 == 0


def forge(tmp_path: Path) -> Path:
    """Load once, then turn the entry into a forged ladder that a valid load would not give."""
    load_ladder(None)
    (entry,) = entries(tmp_path)
    data = json.loads(entry.read_text("utf-8"))
    data["name"] = "Forged"
    entry.write_text(json.dumps(data), "utf-8")
    assert load_ladder(None).name == "Forged"  # the forgery alone would be served
    return entry


def test_a_folder_others_can_write_is_not_used(tmp_path, capsys):
    forge(tmp_path)
    (tmp_path / ".cache").chmod(0o777)
    assert load_ladder(None).name == "PMO Career Ladder"
    assert load_ladder(None).name == "PMO Career Ladder"
    assert capsys.readouterr().err.count("writable by other users") == 1


def test_an_entry_others_can_write_is_not_used(tmp_path):
    forge(tmp_path).chmod(0o666)
    assert load_ladder(None).name == "PMO Career Ladder"


def test_a_symlinked_entry_is_not_followed(tmp_path):
    entry = forge(tmp_path)
    target = tmp_path / "elsewhere.json"
    entry.rename(target)
    entry.symlink_to(target)
    assert load_ladder(None).name == "PMO Career Ladder"


@ROOT_ONLY
def test_an_entry_of_another_user_is_not_used(tmp_path):
    os.chown(forge(tmp_path), 4242, 4242)
    assert load_ladder(None).name == "PMO Career Ladder"


@ROOT_ONLY
def test_a_folder_of_another_user_is_not_used(tmp_path):
    forge(tmp_path)
    os.chown(tmp_path / ".cache", 4242, 4242)
    assert load_ladder(None).name == "PMO Career Ladder"


def test_old_entries_are_pruned(tmp_path, builtin):
    for i in range(cache.MAX_ENTRIES + 3):
        cache.put(f"ladder {i}".encode(), builtin)
        os.utime(entries(tmp_path)[0], None)
    assert len(entries(tmp_path)) == cache.MAX_ENTRIES
