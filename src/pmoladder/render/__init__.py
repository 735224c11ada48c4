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
        console(no_color).print(out)


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
