"""A profile's parsed data kept between runs: given back exactly, or not kept at all."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmoladder import parsed
from pmoladder.yamlfile import Document, load, parse

SCALARS = (
    st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none() | st.dates()
)
DATA = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text().filter(lambda k: not k.startswith("\0")), inner, max_size=4)
    ),
    max_leaves=30,
)


def same(a, b) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0, nor True)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@given(DATA)
def test_what_is_kept_comes_back_exactly(data):
    assert same(parsed._decoded(parsed.encoded(data).encode()), data)


def test_infinities_and_not_a_number_come_back():
    back = parsed._decoded(parsed.encoded({"a": [math.inf, -math.inf, math.nan]}).encode())
    assert back["a"][:2] == [math.inf, -math.inf] and math.isnan(back["a"][2])


@pytest.mark.parametrize(
    "value",
    [
        {1: "a number as a key"},
        {"at": dt.datetime(2026, 1, 2, 3, 4)},
        {"raw": b"bytes"},
        {"set": {"a"}},
        {"pairs": ("a", "b")},
        {"\0date": "2024-01-01"},  # a YAML file can write a NUL: this is not a date
        {"big": int("f" * 4000, 16)},  # too long for Python to write out in decimal
        {"pair": "\ud83d\ude00"},  # lone surrogates, which a JSON round trip would pair up
        {"many": ["x" * 1_000_000] * 10},  # aliases can repeat one long text
    ],
    ids=[
        "int-key",
        "datetime",
        "bytes",
        "set",
        "tuple",
        "nul-key",
        "huge-int",
        "surrogates",
        "aliases",
    ],
)
def test_what_json_would_change_is_not_kept(value):
    assert parsed.encoded(value) is None


@pytest.mark.parametrize(
    "entry",
    [
        b"not json",
        b"[1,",
        b'{"d": {"\\u0000date": "2026-02-30"}}',
        b'{"d": {"\\u0000date": "2026-01-01", "other": 1}}',
        b'{"d": {"\\u0000date": 5}}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["text", "cut-short", "impossible-date", "date-and-more", "not-a-date", "deep"],
)
def test_an_entry_that_cannot_be_read_back_is_a_miss(entry):
    assert parsed._decoded(entry) is None


PROFILE = """\
name: Ada
current_role: pm
skills:
  leadership: 3
certifications:
  - id: pmp
    earned: 2024-05-01
tools: [no-such-tool]
"""


def test_an_unchanged_file_is_read_back_without_parsing(tmp_path: Path, monkeypatch):
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE)
    first = parsed.load(str(path))
    assert isinstance(first, Document)

    def no_parsing(*args):
        raise AssertionError("parsed although kept")

    monkeypatch.setattr("pmoladder.yamlfile.parse", no_parsing)
    second = parsed.load(str(path))
    assert isinstance(second, parsed.Parsed)
    assert same(second.data, first.data) and second.path == first.path


def test_a_changed_file_is_parsed_again(tmp_path: Path):
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE)
    parsed.load(str(path))
    path.write_text(PROFILE.replace("leadership: 3", "leadership: 4"))
    again = parsed.load(str(path))
    assert isinstance(again, Document) and again.data["skills"] == {"leadership": 4}


def test_standard_input_is_not_kept(tmp_path: Path, monkeypatch):
    import io

    for _ in range(2):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(PROFILE.encode())))
        assert isinstance(parsed.load("-"), Document)
    assert not list(tmp_path.glob(".cache/parsed-*.json"))


def test_nothing_is_kept_without_the_cache(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("PMOLADDER_CACHE_DIR", "")
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE)
    parsed.load(str(path))
    assert isinstance(parsed.load(str(path)), Document)


@pytest.mark.parametrize(
    ("loc", "at_key"),
    [
        (("tools", 0), False),
        (("skills", "leadership"), True),
        (("certifications", 0, "earned"), False),
    ],
)
def test_kept_data_names_the_same_places_as_the_file(tmp_path: Path, loc, at_key):
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE)
    parsed.load(str(path))
    kept = parsed.load(str(path))
    assert isinstance(kept, parsed.Parsed)
    expected = load(str(path)).error(loc, "message", at_key)
    found = kept.error(loc, "message", at_key)
    assert (found.path, found.line, found.column, found.key) == (
        expected.path,
        expected.line,
        expected.column,
        expected.key,
    )
    assert found.line is not None


def test_a_file_holding_a_time_of_day_is_parsed_every_time(tmp_path: Path):
    path = tmp_path / "profile.yaml"
    path.write_text(PROFILE + "x-seen: 2026-01-02 03:04:05\nupdated: 2026-01-02 03:04:05\n")
    parsed.load(str(path))
    assert isinstance(parsed.load(str(path)), Document)
    assert parse("p", PROFILE).data["certifications"][0]["earned"] == dt.date(2024, 5, 1)


KEPT = {"impossible-date", "bad-level", "unknown-key", "typo"}  # the others parse every time


@pytest.mark.parametrize(
    "text",
    [
        PROFILE.replace("2024-05-01", "2024-02-30"),  # an impossible date stays text
        PROFILE.replace("leadership: 3", "leadership: 9"),
        PROFILE + "colour: blue\n",
        PROFILE.replace("current_role: pm", "current_role: pmm"),
        PROFILE.replace("earned: 2024-05-01", 'earned: {"\\0date": "2024-05-01"}'),
        PROFILE + "junk: 0x" + "f" * 4000 + "\n",
        PROFILE + 'junk: &a "' + "x" * 100_000 + '"\nmore: [' + "*a, " * 100 + "*a]\n",
    ],
    ids=["impossible-date", "bad-level", "unknown-key", "typo", "fake-date", "huge-int", "aliases"],
)
def test_a_second_run_says_exactly_what_the_first_said(tmp_path: Path, text, request):
    from typer.testing import CliRunner

    from pmoladder.cli import app

    path = tmp_path / "profile.yaml"
    path.write_text(text)
    args = ["gap", "--profile", str(path), "--target", "director", "-f", "json"]
    first, second = (CliRunner().invoke(app, args) for _ in range(2))
    assert first.exit_code == 2 and first.stderr.startswith(f"{path}:")
    assert (second.exit_code, second.stdout, second.stderr) == (
        first.exit_code,
        first.stdout,
        first.stderr,
    )
    kept = bool(list(tmp_path.glob(".cache/parsed-*.json")))
    assert kept == (request.node.callspec.id in KEPT)
