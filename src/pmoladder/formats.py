"""The one table of result kinds and the formats each can be written in.

The CLI's `--format` choices and their default, `pmoladder schema`'s choices, the renderer
that `render.emit` calls and the tests all come from here, so a new result kind or format
is a row here plus its renderer functions. Standard library only: the CLI reads this
table at start-up.
"""

from __future__ import annotations

from typing import Literal, get_args

# Each result kind's formats, the default first. They are types because the CLI's
# `--format` takes them as its choices, and a type checker then checks every format
# a command passes on.
RolesFormat = Literal["table", "json", "csv"]
RoleFormat = Literal["table", "json", "markdown"]
SkillsFormat = Literal["table", "json", "csv"]
SkillFormat = Literal["table", "json"]
GapFormat = Literal["table", "json", "markdown", "csv", "svg", "html"]
PlanFormat = Literal["table", "json", "markdown", "html"]
PathFormat = Literal["table", "json"]
NextFormat = Literal["table", "json"]
MatchFormat = Literal["table", "json"]
ProgressFormat = Literal["table", "json"]
DiffFormat = Literal["table", "json"]
TeamFormat = Literal["table", "json", "markdown", "csv", "svg", "html", "jsonl"]
ValidateFormat = Literal["text", "json"]
ConfigFormat = Literal["table", "json"]
LadderShowFormat = Literal["yaml", "json"]
LadderDiffFormat = Literal["table", "json", "markdown", "csv"]

# Result kind: its formats. Every format but those in `BY_COMMAND` is a module of
# `pmoladder.render` holding one function per kind, named after the kind unless
# `FUNCTIONS` says otherwise.
RESULTS: dict[str, tuple[str, ...]] = {
    "roles": get_args(RolesFormat),
    "role": get_args(RoleFormat),
    "skills": get_args(SkillsFormat),
    "skill": get_args(SkillFormat),
    "gap": get_args(GapFormat),
    "plan": get_args(PlanFormat),
    "path": get_args(PathFormat),
    "next": get_args(NextFormat),
    "match": get_args(MatchFormat),
    "progress": get_args(ProgressFormat),
    "diff": get_args(DiffFormat),
    "team": get_args(TeamFormat),
    "validate": get_args(ValidateFormat),
    "config": get_args(ConfigFormat),
    "ladder show": get_args(LadderShowFormat),
    "ladder diff": get_args(LadderDiffFormat),
}

FUNCTIONS = {"next": "next_rungs", "ladder diff": "ladder_diff"}  # no builtin is shadowed

# Written by the command itself: `jsonl` one person at a time as profiles are read,
# `validate`'s text as problems on stderr and verdicts on stdout, and the resolved ladder
# as the file it is (its schema is the ladder file's).
BY_COMMAND = {
    ("team", "jsonl"),
    ("validate", "text"),
    ("ladder show", "yaml"),
    ("ladder show", "json"),
}

# The two kinds of file pmoladder reads; `pmoladder schema` describes these and every
# result kind whose JSON is a typed output, a space in its name written as a hyphen
# (tests hold `SchemaKind` to that rule).
FileKind = Literal["ladder", "profile"]
FILE_KINDS: tuple[str, ...] = get_args(FileKind)
SchemaKind = Literal[
    "ladder",
    "profile",
    "roles",
    "role",
    "skills",
    "skill",
    "gap",
    "plan",
    "path",
    "next",
    "match",
    "progress",
    "diff",
    "team",
    "validate",
    "config",
    "ladder-diff",
]
SCHEMA_KINDS: tuple[str, ...] = get_args(SchemaKind)


def renderer(kind: str, fmt: str) -> tuple[str, str]:
    """The module and function that render `kind` as `fmt`."""
    if fmt not in RESULTS[kind] or (kind, fmt) in BY_COMMAND:
        raise KeyError(f"no renderer for {kind} as {fmt}")
    return f"pmoladder.render.{fmt}", FUNCTIONS.get(kind, kind)
