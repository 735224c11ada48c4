"""Commands about the ladder itself and the settings: `pmoladder ladder ...`, `config`.

Kept apart from cli.py, which holds the commands about people; registered at its end.
"""

import sys
from typing import Annotated, Optional

import typer

from pmoladder.cli import (
    FORMAT,
    LadderPath,
    NoColor,
    ProfilePath,
    StaleAfter,
    _emit,
    _Group,
    _ladder,
    app,
    validate,
)
from pmoladder.formats import ConfigFormat, LadderDiffFormat, LadderShowFormat, ValidateFormat

ladder_app = typer.Typer(
    name="ladder",
    cls=_Group,
    no_args_is_help=True,
    help="Look after a ladder file: show it resolved, lint it, compare two versions.",
)
app.add_typer(ladder_app, name="ladder")

LadderArg = Annotated[
    Optional[str],
    typer.Argument(
        metavar="[LADDER]",
        show_default=False,
        help="A ladder file; default the one in use (--ladder, $PMOLADDER_LADDER, "
        ".pmoladder.yaml).",
    ),
]


def _ladder_file(path: Optional[str], flag: Optional[str]) -> str:
    from pmoladder.ladder import ladder_path

    return path or ladder_path(flag)


@ladder_app.command()
def show(
    path: LadderArg = None,
    fmt: Annotated[LadderShowFormat, FORMAT] = "yaml",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Print the ladder resolved: its bases merged in, as one standalone ladder file.

    ```
    pmoladder ladder show > full-ladder.yaml
    pmoladder ladder show ladders/acme.yaml --format json
    ```
    """
    from pmoladder.export import as_json, as_yaml
    from pmoladder.ladder import checked
    from pmoladder.yamlfile import load

    model, _ = checked(load(_ladder_file(path, ladder_file)))
    sys.stdout.write(as_json(model) if fmt == "json" else as_yaml(model))


@ladder_app.command()
def lint(
    path: LadderArg = None,
    ignore: Annotated[
        Optional[list[str]],
        typer.Option("--ignore", metavar="RULE", help="Skip this rule (repeatable)."),
    ] = None,
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Check a valid ladder for what is probably a mistake, one finding per line as
    PATH:LINE:COL: RULE: message. Exits 1 when there is any finding.

    Rules: orphan-role, unused-skill, unused-certification, unused-tool, idle-step,
    level-drop, years-drop (both silenced for moves into a role marked `x-sideways: true`),
    missing-descriptor.

    ```
    pmoladder ladder lint ladders/acme.yaml
    pmoladder ladder lint --ignore unused-tool --ignore orphan-role
    ```
    """
    from pmoladder.errors import PmoError, did_you_mean
    from pmoladder.ladder import checked
    from pmoladder.lint import RULES
    from pmoladder.lint import lint as find
    from pmoladder.yamlfile import load

    ignore = ignore or []
    for rule in ignore:
        if rule not in RULES:
            hint = did_you_mean(rule, list(RULES)) or f" (rules: {', '.join(RULES)})"
            raise PmoError(f"--ignore: unknown rule '{rule}'{hint}")
    model, doc = checked(load(_ladder_file(path, ladder_file)))
    findings = find(model, doc, frozenset(ignore))
    for finding in findings:
        sys.stdout.write(f"{finding}\n")
    if findings:
        raise typer.Exit(1)


@ladder_app.command(name="validate")
def validate_ladder(
    files: Annotated[list[str], typer.Argument(metavar="LADDER", help="Ladder files.")],
    fmt: Annotated[ValidateFormat, FORMAT] = "text",
    no_color: NoColor = False,
) -> None:
    """Check ladder files, bases included, and report every problem. Exits 1 when any
    is invalid; the same as `pmoladder validate --kind ladder`.

    ```
    pmoladder ladder validate ladders/acme.yaml
    ```
    """
    validate(files, "ladder", fmt, "builtin")


@ladder_app.command(name="diff")
def diff_ladders(
    old: Annotated[str, typer.Argument(help="The ladder before: a file, or REV:PATH.")],
    new: Annotated[str, typer.Argument(help="The ladder after: a file, or REV:PATH.")],
    fmt: Annotated[LadderDiffFormat, FORMAT] = "table",
    no_color: NoColor = False,
) -> None:
    """What changed between two versions of a ladder: roles, skills and certifications
    added, removed or renamed (through `replaces`), and for each role in both, every
    changed required level, weight, required certification and min_years.

    ```
    pmoladder ladder diff main:ladders/acme.yaml ladders/acme.yaml
    pmoladder ladder diff old.yaml new.yaml --format markdown >> review.md
    ```
    """
    from pmoladder.ladder_diff import diff, read

    _emit("ladder diff", fmt, diff(read(old), read(new)))


@app.command()
def migrate(
    profiles: Annotated[list[str], typer.Argument(metavar="PROFILE", help="Profiles to update.")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if any file would change.")
    ] = False,
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Rewrite the old skill and role ids in profiles as the ladder's current ones (from
    its `replaces`), keeping comments and key order; where an old and a new id rate one
    skill, the higher level stays. Prints each change.

    ```
    pmoladder migrate people/*.yaml
    pmoladder migrate --check people/*.yaml    # in CI: exit 1 when a profile is behind
    ```
    """
    from pmoladder.files import write_atomic
    from pmoladder.migrate import migrations

    pending = []
    for found in migrations(_ladder(ladder_file), profiles):
        for change in found.changes:
            sys.stdout.write(f"{found.name}: {change}\n")
        if found.changes:
            pending.append(found)
    if check:
        if pending:
            raise typer.Exit(1)
        return
    for found in pending:
        write_atomic(found.path, found.text, force=True)


@app.command()
def config(
    ladder_file: LadderPath = None,
    profile: ProfilePath = None,
    stale_after: StaleAfter = None,
    fmt: Annotated[ConfigFormat, FORMAT] = "table",
    no_color: NoColor = False,
) -> None:
    """Show each setting's effective value and where it comes from: a flag, the
    environment, the project's .pmoladder.yaml, your config file, or the default.

    ```
    pmoladder config
    pmoladder config --format json | jq -r .ladder.value
    ```
    """
    from pmoladder.settings import effective

    flags = {"ladder": ladder_file, "profile": profile, "stale_after_months": stale_after}
    _emit("config", fmt, effective(flags))
