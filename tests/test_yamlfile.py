from __future__ import annotations

import pytest

from pmoladder.errors import FileError
from pmoladder.inputs import MAX_BYTES
from pmoladder.yamlfile import load, parse


def error_of(text: str | bytes, write) -> FileError:
    path = write("f.yaml", text)
    with pytest.raises(FileError) as info:
        load(path)
    return info.value


def test_duplicate_key_is_an_error_at_the_second_key(write):
    err = error_of("a: 1\nb: 2\na: 3\n", write)
    assert (err.line, err.column) == (3, 1)
    assert "duplicate key 'a'" in err.message and "line 1" in err.message


def test_duplicate_key_in_a_nested_mapping(write):
    err = error_of("skills:\n  x: 1\n  x: 2\n", write)
    assert (err.line, err.column) == (3, 3)


def test_merge_keys_are_not_duplicates():
    doc = parse("t", "base: &b {x: 1}\nother:\n  <<: *b\n  x: 2\n")
    assert doc.data["other"] == {"x": 2}


def test_extension_keys_are_dropped_everywhere():
    doc = parse("t", "x-top: 1\na:\n  x-note: hi\n  b: [1, {x-c: 2, d: 3}]\n")
    assert doc.data == {"a": {"b": [1, {"d": 3}]}}


def test_alias_bomb_is_refused_before_expansion(write):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        refs = ",".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    err = error_of("\n".join(lines) + "\n", write)
    assert "expands to more than" in err.message
    assert err.line is not None


def test_recursive_alias_is_refused(write):
    err = error_of("a: &a [*a]\n", write)
    assert "contains it" in err.message


def test_deep_nesting_is_refused(write):
    err = error_of("[" * 5000 + "]" * 5000, write)
    assert "nesting" in err.message
    assert err.line == 1


def flow(levels: int) -> tuple[str, int, int]:
    """A root mapping holding lists `levels` deep in all, and where its last level starts."""
    return "a: " + "[" * (levels - 1) + "]" * (levels - 1) + "\n", 1, 3 + levels - 1


def block(levels: int) -> tuple[str, int, int]:
    """Mappings `levels` deep, one more indented per line, and where the last one starts."""
    text = "".join(" " * i + "a:\n" for i in range(levels - 1)) + " " * (levels - 1) + "b: 1\n"
    return text, levels, levels


# Past a thousand brackets the file is scanned before it is composed; below, the check that
# follows composing finds the same place.
SCANNED = "# " + "[" * 2000 + "\n"


@pytest.mark.parametrize("padding", ["", SCANNED], ids=["composed", "scanned"])
@pytest.mark.parametrize("nest", [flow, block])
def test_64_levels_are_read_and_the_65th_is_refused_where_it_starts(write, nest, padding):
    text, *_ = nest(64)
    assert parse("f.yaml", padding + text).data
    text, line, column = nest(65)
    err = error_of(padding + text, write)
    assert err.message == "nesting is deeper than 64 levels"
    assert (err.line, err.column) == (line + padding.count("\n"), column)


def test_python_tags_are_refused_and_never_run(write, tmp_path):
    marker = tmp_path / "ran"
    err = error_of(f"a: !!python/object/apply:os.system ['touch {marker}']\n", write)
    assert "tag not allowed" in err.message
    assert not marker.exists()


def test_tab_indentation_is_located(write):
    err = error_of("a:\n\tb: 1\n", write)
    assert err.line == 2


def test_unterminated_string_is_located(write):
    err = error_of('a: "open\nb: 2\n', write)
    assert err.line is not None and "end of stream" in err.message


def test_invalid_utf8_names_line_and_column(write):
    err = error_of(b"a: 1\nb: \xff\xfe\n", write)
    assert (err.line, err.column, err.message) == (2, 4, "not valid UTF-8 text")


def test_a_byte_order_mark_is_fine(write):
    assert load(write("f.yaml", "\ufeffa: 1\n".encode())).data == {"a": 1}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "empty"),
        ("# only a comment\n", "empty"),
        ("- a\n- b\n", "found a list"),
        ("just text\n", "found a single value"),
    ],
)
def test_top_level_must_be_a_mapping(write, text, expected):
    assert expected in error_of(text, write).message


def test_oversized_file_is_refused_without_parsing(write):
    err = error_of("a: " + "x" * MAX_BYTES + "\n", write)
    assert "MiB limit" in err.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(FileError, match="no such file"):
        load(str(tmp_path / "nope.yaml"))
    with pytest.raises(FileError, match="is a directory"):
        load(str(tmp_path))


def test_locate_follows_keys_and_indexes():
    doc = parse("t", "roles:\n  - id: a\n    skills:\n      lead: 3\n")
    assert doc.locate(("roles", 0, "skills", "lead")) == (4, 13, "roles.0.skills.lead")
    assert doc.locate(("roles", 0, "skills", "lead"), at_key=True)[:2] == (4, 7)
    # a path that leaves the document stops at the deepest node that exists
    assert doc.locate(("roles", 0, "skills", "lead", "level")) == (4, 13, "roles.0.skills.lead")
    assert doc.locate(("roles", 5)) == (2, 3, "roles")
