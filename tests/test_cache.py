from __future__ import annotations

import os
from pathlib import Path

from pmoladder import cache
from pmoladder.ladder import Ladder, builtin_path, load_ladder


def entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / ".cache").glob("ladder-*.pickle"))


def test_a_second_load_comes_from_the_cache(tmp_path, monkeypatch):
    first = load_ladder(None)
    assert len(entries(tmp_path)) == 1

    def no_parsing(*args):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr("pmoladder.ladder.parse", no_parsing)
    second = load_ladder(None)
    assert isinstance(second, Ladder) and second is not first
    assert list(second.roles) == list(first.roles)
    assert second.roles["pm"].skills == first.roles["pm"].skills


def test_an_edited_file_misses(tmp_path, write):
    text = builtin_path().read_text(encoding="utf-8")
    path = write("ladder.yaml", text)
    load_ladder(path)
    Path(path).write_text(text.replace("name: PMO Career Ladder", "name: Edited"), "utf-8")
    assert load_ladder(path).name == "Edited"
    assert len(entries(tmp_path)) == 2


def test_a_corrupt_entry_is_rebuilt(tmp_path):
    load_ladder(None)
    (entry,) = entries(tmp_path)
    entry.write_bytes(b"not a pickle")
    assert load_ladder(None).name == "PMO Career Ladder"
    assert entry.read_bytes() != b"not a pickle"


def test_an_empty_setting_turns_it_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", "")
    load_ladder(None)
    assert cache.cache_dir() is None and entries(tmp_path) == []


def test_an_unwritable_folder_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", str(blocker / "cache"))
    assert load_ladder(None).name == "PMO Career Ladder"


def test_old_entries_are_pruned(tmp_path):
    for i in range(cache.MAX_ENTRIES + 3):
        cache.put(f"ladder {i}".encode(), {"i": i})
        os.utime(entries(tmp_path)[0], None)
    assert len(entries(tmp_path)) == cache.MAX_ENTRIES
