"""Renderers behind one interface.

Each format is a module (`table`, `json`, `markdown`, `csv`, `svg`, `html`) with one function per
result kind (`gap`, `roles`, ...); `pmoladder.formats` is the table of which exist. A function
returns either text, written to stdout as it is, or a Rich renderable, printed through a
console that never interprets markup.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

from pmoladder.formats import renderer

MIN_WIDTH = 40  # below this (COLUMNS=0, a tiny pane) tables could not show an id whole
READABLE = 10  # the narrowest a column of running text gets before a table gives up


def emit(kind: str, fmt: str, *args: Any) -> None:
    module, function = renderer(kind, fmt)
    out = getattr(importlib.import_module(module), function)(*args)
    if isinstance(out, str):
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    else:
        show(out)


def show(renderable: Any) -> None:
    """Print a Rich renderable fitted to the terminal; piped, without the padding that
    fills each line."""
    terminal = console()
    out = fit(renderable, terminal)
    if sys.stdout.isatty():
        terminal.print(out)
    else:
        with terminal.capture() as captured:
            terminal.print(out)
        sys.stdout.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


# Columns a narrow terminal may lose, first to last, so that the others keep every word whole.
# The unnamed column holds glyphs (bars); the table's caption explains them and goes with it.
DROPPABLE = (
    "Description",
    "What the target level looks like",
    "",
    "Biggest gaps",
    "Biggest gap",
    "Weight",
    "Gap",
    "Category",
    "Tier",
    "Next",
    "Required",  # a team's cover keeps who is its single point of failure, not the level
    "Only one or nobody",
)
# Columns of levels ("3 Competent"): kept on one line while the table fits so, since a
# number above its name reads as two values; wrapped only before a column would be lost.
WHOLE = frozenset({"Current", "Required", "Level"})


def fit(renderable: Any, terminal: Any) -> Any:
    """Never cut a word (an id, a level name) in a table.

    Rich shrinks the widest columns first, down to any width, so it cuts long words even
    where they would fit. Here each column gets at least its longest word: the less
    important columns go while that cannot fit, and the room left is shared out from the
    widest column down. What still cannot fit folds instead of ending in an ellipsis."""
    from rich.console import Group
    from rich.table import Table

    if isinstance(renderable, Group):
        parts = renderable.renderables
        parts[:] = [fit(part, terminal) for part in parts]
        return renderable
    if not isinstance(renderable, Table):
        return renderable
    table = renderable
    for column in table.columns:
        column.overflow = "fold"
    for name in (None, *DROPPABLE):
        if name is not None:
            kept = [c for c in table.columns if str(c.header) != name]
            if len(kept) == len(table.columns):
                continue
            table = _with_columns(table, kept, caption=table.caption if name else None)
        room = terminal.width - _borders(table)
        ranges = _ranges(table, terminal, WHOLE)
        if sum(low for low, _ in ranges) > room:
            ranges = _ranges(table, terminal)
        if sum(low for low, _ in ranges) <= room:
            break
    else:  # even the essential columns cannot keep every word whole: the last ones fold
        ranges = _fold_from_the_right(table, ranges, room)
        if sum(low for low, _ in ranges) > room:
            return table
    widths = [high for _, high in ranges]
    squeezed = sum(widths) > room
    if squeezed:
        widths = _share(ranges, room)
    # Widths that fit are set too, so that Rich need not measure every cell again; but
    # not where Rich is to widen the table itself.
    spread = table.expand or any(column.ratio for column in table.columns)
    if squeezed or not spread:
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width - _padding(table, column)
    return table


def _with_columns(table: Any, columns: list[Any], caption: Any) -> Any:
    """A copy of `table` with only these columns, numbered afresh as Rich's constructor does
    (the first and last cells of a row lose their outer padding by that number)."""
    import inspect

    from rich.table import Table

    settings = {p: getattr(table, p) for p in inspect.signature(Table).parameters if p != "headers"}
    slim = Table(*columns, **{**settings, "caption": caption})
    slim.rows = table.rows
    return slim


def _borders(table: Any) -> int:
    if not table.box:
        return 0
    return len(table.columns) - 1 + (2 if table.show_edge else 0)


def _padding(table: Any, column: Any) -> int:
    from rich.padding import Padding

    _, right, _, left = Padding.unpack(table.padding)
    if not table.pad_edge:
        left = 0 if column is table.columns[0] else left
        right = 0 if column is table.columns[-1] else right
    return left + right


def _ranges(
    table: Any, terminal: Any, whole: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Each column's (narrowest, widest) width with its padding: its longest word (whole
    line where it must not wrap, or is named in `whole`) and its longest line."""
    from rich.measure import Measurement
    from rich.text import Text

    options = terminal.options
    ranges = []
    for column in table.columns:
        low = high = 0
        for cell in (column.header, *column.cells):
            if type(cell) is Text:  # most cells: measured here, as Rich would, but cheaper
                cell_low, cell_high = _text_range(cell.plain, options.max_width)
            else:
                cell_low, cell_high = Measurement.get(terminal, options, cell)
            low, high = max(low, cell_low), max(high, cell_high)
        if column.no_wrap or str(column.header) in whole:
            low = high
        pad = _padding(table, column)
        ranges.append((low + pad, high + pad))
    return ranges


def _text_range(plain: str, most: int) -> tuple[int, int]:
    """What `Measurement.get` gives for a `Text` holding `plain`: its longest word and its
    longest line, neither wider than `most`."""
    from rich.cells import cell_len

    lines = plain.splitlines()
    high = max(map(cell_len, lines)) if lines else 0
    words = plain.split()
    low = min(max(map(cell_len, words)) if words else high, high)
    low, high = min(low, most), min(high, most)
    return (0, 0) if high < 1 else (low, high)


def _fold_from_the_right(
    table: Any, ranges: list[tuple[int, int]], room: int
) -> list[tuple[int, int]]:
    """Lower the floors of the wrapping columns until the table fits, if it can: the
    first column, which says what a row is about, last; the others from the right, down to
    a readable width and then further."""
    ranges = list(ranges)
    others = range(len(ranges) - 1, 0, -1)
    steps = [(i, n) for n in (READABLE, 1) for i in others] + [(0, READABLE), (0, 1)]
    for i, narrowest in steps:
        excess = sum(low for low, _ in ranges) - room
        low, high = ranges[i]
        if excess > 0 and not table.columns[i].no_wrap:
            floor = min(low, narrowest + _padding(table, table.columns[i]))
            ranges[i] = (max(floor, low - excess), high)
    return ranges


def _share(ranges: list[tuple[int, int]], room: int) -> list[int]:
    """Widths within `room`: the widest columns are narrowed first, none below its floor."""
    cap = max(high for _, high in ranges)
    while cap > 0 and sum(max(low, min(high, cap)) for low, high in ranges) > room:
        cap -= 1
    widths = [max(low, min(high, cap)) for low, high in ranges]
    spare = room - sum(widths)
    for i, (_, high) in enumerate(ranges):  # what rounding left goes to the first ones
        if spare > 0 and widths[i] < high:
            widths[i] += 1
            spare -= 1
    return widths


def console() -> Any:
    """A stdout console: no markup, emoji or highlighting, and no escapes unless wanted
    (`--no-color` sets NO_COLOR)."""
    from rich.console import Console

    plain = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    out = Console(
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if plain else "auto",
    )
    out.width = max(out.width, MIN_WIDTH)
    return out
