"""Web pages: the ladder as a static site, and gap and plan reports as one HTML file each.

Templates live beside this module and go through Jinja2 with autoescaping on, so text from
a ladder or profile always reaches the page as text. Pages carry their styles and charts
inline and link only by relative paths, so they work from a folder, a zip or any static host.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pmoladder.errors import printable

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template is HTML
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["clean"] = lambda value: "" if value is None else printable(str(value))
    env.filters["pct"] = lambda value: f"{round(value * 100)}%"
    env.filters["num"] = lambda value: f"{value:g}"
    return env


def render(template: str, **context: Any) -> str:
    return str(environment().get_template(template).render(**context))


def markup(svg_text: str) -> Any:
    """An SVG we drew ourselves (its text already escaped), to place as it is."""
    from markupsafe import Markup

    return Markup(svg_text)
