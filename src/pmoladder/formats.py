"""The one table of result kinds and the formats each can be written in.

The CLI's `--format` choices and their default, `pmoladder schema`'s choices, the renderer
that `render.emit` calls and the tests all come from here, so a new result kind or format
is a row here plus its renderer functions. Standard library only: the CLI reads this
table at start-up.
"""

from __future__ import annotations

# Result kind: its formats, the default first. Every format but those in `BY_COMMAND` is
# a module of `pmoladder.render` holding one function per kind, named after the kind
# unless `FUNCTIONS` says otherwise.
RESULTS: dict[str, tuple[str, ...]] = {
    "roles": ("table", "json", "csv"),
    "role": ("table", "json", "markdown"),
    "skills": ("table", "json", "csv"),
    "skill": ("table", "json"),
    "gap": ("table", "json", "markdown", "csv", "svg", "html"),
    "plan": ("table", "json", "markdown", "html"),
    "path": ("table", "json"),
    "next": ("table", "json"),
    "match": ("table", "json"),
    "progress": ("table", "json"),
    "diff": ("table", "json"),
    "team": ("table", "json", "markdown", "csv", "svg", "html", "jsonl"),
    "validate": ("text", "json"),
    "config": ("table", "json"),
    "ladder show": ("yaml", "json"),
    "ladder diff": ("table", "json", "markdown", "csv"),
}

FUNCTIONS = {"next": "next_rungs"}  # no renderer shadows a builtin

# Written by the command itself: `jsonl` one person at a time as profiles are read,
# `validate`'s text as problems on stderr and verdicts on stdout, and the resolved ladder
# as the file it is (its schema is the ladder file's), and `ladder diff` (its own module).
BY_COMMAND = {
    ("team", "jsonl"),
    ("validate", "text"),
    ("ladder show", "yaml"),
    ("ladder show", "json"),
    ("ladder diff", "table"),
    ("ladder diff", "json"),
    ("ladder diff", "markdown"),
    ("ladder diff", "csv"),
}

# The two kinds of file pmoladder reads; `pmoladder schema` describes these and every
# result kind that has JSON.
FILE_KINDS = ("ladder", "profile")
SCHEMA_KINDS = FILE_KINDS + tuple(
    kind
    for kind, formats in RESULTS.items()
    if "json" in formats and (kind, "json") not in BY_COMMAND
)


def renderer(kind: str, fmt: str) -> tuple[str, str]:
    """The module and function that render `kind` as `fmt`."""
    if fmt not in RESULTS[kind] or (kind, fmt) in BY_COMMAND:
        raise KeyError(f"no renderer for {kind} as {fmt}")
    return f"pmoladder.render.{fmt}", FUNCTIONS.get(kind, kind)
