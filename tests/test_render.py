"""The renderers behind one interface: each format offered on the command line exists."""

from __future__ import annotations

import importlib
import typing

import pytest
import typer
from hypothesis import given, settings
from hypothesis import strategies as st

from pmoladder import cli
from pmoladder.formats import BY_COMMAND, FUNCTIONS, RESULTS, renderer
from pmoladder.render import _text_range
from pmoladder.render.table import sparkline

FORMAT_MODULES = ("table", "json", "markdown", "csv", "svg", "html")


@pytest.mark.parametrize("kind", RESULTS)
def test_the_format_table_and_the_renderers_agree(kind):
    """Each format the table lists for a kind has its renderer, and no renderer is unlisted."""
    for fmt in FORMAT_MODULES:
        function = FUNCTIONS.get(kind, kind)
        exists = hasattr(importlib.import_module(f"pmoladder.render.{fmt}"), function)
        assert exists == (fmt in RESULTS[kind] and (kind, fmt) not in BY_COMMAND), (kind, fmt)


def test_formats_a_command_writes_itself_have_no_renderer():
    for kind, fmt in BY_COMMAND:
        assert fmt in RESULTS[kind]
        with pytest.raises(KeyError):
            renderer(kind, fmt)


def command_formats() -> dict[str, list[str]]:
    """What each command's --format accepts, read from the app itself (`ladder show`...)."""
    found = {}

    def walk(group: typer.core.TyperGroup, prefix: str) -> None:
        for name, command in group.commands.items():
            if hasattr(command, "commands"):
                walk(command, f"{prefix}{name} ")
            for param in getattr(command, "params", []):
                if param.name == "fmt":
                    annotation = param.type_descriptor.annotation
                    found[prefix + name] = list(typing.get_args(annotation))

    walk(typer.main.get_command(cli.app), "")
    return found


# Commands whose --format is that of another kind: `skills SKILL` refuses csv, and
# `ladder validate` is `validate --kind ladder`.
KIND_OF = {"ladder validate": "validate"}


def test_every_command_offers_what_the_table_lists():
    commands = command_formats()
    assert {name: choices for name, choices in commands.items()} == {
        name: list(RESULTS[KIND_OF.get(name, name)]) for name in commands
    }
    assert set(commands) | {"skill"} == set(RESULTS) | set(KIND_OF)


def test_sparkline_uses_a_fixed_scale():
    assert sparkline([0.0, 0.5, 0.99, 1.0]) == "▁▅██"


@settings(max_examples=300, deadline=None)
@given(st.text(), st.integers(min_value=1, max_value=200))
def test_a_text_is_measured_as_rich_measures_it(plain, width):
    """Tables measure their Text cells without Rich's machinery; the answer must not change."""
    from rich.console import Console
    from rich.measure import Measurement
    from rich.text import Text

    console = Console(width=width, markup=False, emoji=False, highlight=False)
    expected = Measurement.get(console, console.options, Text(plain))
    assert _text_range(Text(plain).plain, width) == tuple(expected)


def test_a_table_rich_widens_itself_keeps_its_widths_unless_it_must_narrow():
    """Widths that fit are left to an expanding table; a table too wide is narrowed."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from pmoladder.render import fit

    def table() -> Table:
        found = Table(expand=True)
        found.add_column("Name")
        found.add_column("Note")
        found.add_row(Text("coordinator"), Text("plans and tracks " * 6))
        return found

    wide = fit(table(), Console(width=200))
    assert [c.width for c in wide.columns] == [None, None]
    narrow = fit(table(), Console(width=40))
    assert all(c.width is not None for c in narrow.columns)
    assert sum(c.width for c in narrow.columns) <= 40
