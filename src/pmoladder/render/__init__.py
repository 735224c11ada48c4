"""Renderers behind one interface.

Each format is a module (`table`, `json`, `markdown`, `csv`, `svg`, `html`) with one function per
result kind (`gap`, `roles`, ...). A function returns either text, written to stdout as
it is, or a Rich renderable, printed through a console that never interprets markup.
Which formats a command offers is simply which modules define its result kind.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

FORMATS = ("table", "json", "markdown", "csv", "svg", "html")
MIN_WIDTH = 40  # below this (COLUMNS=0, a tiny pane) tables could not show an id whole


def formats_for(kind: str) -> list[str]:
    """The formats that can render `kind`, for the CLI's choices."""
    return [fmt for fmt in FORMATS if hasattr(_module(fmt), kind)]


def _module(fmt: str) -> Any:
    return importlib.import_module(f"pmoladder.render.{fmt}")


def emit(kind: str, fmt: str, *args: Any, no_color: bool = False) -> None:
    out = getattr(_module(fmt), kind)(*args)
    if isinstance(out, str):
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    else:
        terminal = console(no_color)
        fit(out, terminal)
        if sys.stdout.isatty():
            terminal.print(out)
        else:  # piped: the same text without the padding that fills each line
            with terminal.capture() as captured:
                terminal.print(out)
            sys.stdout.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


# Columns a narrow terminal may lose so that the others keep every word whole.
DROPPABLE = ("Description", "What the target level looks like", "", "Biggest gaps")


def fit(renderable: Any, terminal: Any) -> None:
    """Never cut a word (an id, a level name) in a table: where a column would be narrower
    than its longest word, the less important columns go; what still cannot fit folds
    onto the next line instead of ending in an ellipsis."""
    from rich.console import Group
    from rich.table import Table

    if isinstance(renderable, Group):
        for part in renderable.renderables:
            fit(part, terminal)
        return
    if not isinstance(renderable, Table):
        return
    for name in DROPPABLE:
        if not _cuts_a_word(renderable, terminal):
            break
        renderable.columns = [c for c in renderable.columns if str(c.header) != name]
    for column in renderable.columns:
        column.overflow = "fold"


def _cuts_a_word(table: Any, terminal: Any) -> bool:
    widths = table._calculate_column_widths(terminal, terminal.options)
    last = len(widths) - 1
    for i, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
        longest = max((len(w) for cell in column.cells for w in str(cell).split()), default=0)
        padding = (i > 0) + (i < last)  # one space inside each inner edge of a cell
        if longest + padding > width:
            return True
    return False


def console(no_color: bool = False) -> Any:
    """A stdout console: no markup, emoji or highlighting, and no escapes unless wanted."""
    from rich.console import Console

    plain = no_color or bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    out = Console(
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if plain else "auto",
    )
    out.width = max(out.width, MIN_WIDTH)
    return out
