"""The commands: parse arguments, call the core, hand the result to a renderer.

Only typer is imported at start-up; everything else is imported inside the command that
needs it, because shell completion and every script call pay for what is loaded here.
Annotations stay real objects (no `from __future__ import annotations`): typer reads them
on every run, and evaluating them from strings costs about 4% of a run.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal, NoReturn, Optional, get_args, get_origin

import typer
from typer.core import TyperGroup

from pmoladder import __version__
from pmoladder.formats import FILE_KINDS, RESULTS, SCHEMA_KINDS

# `--format`'s choices for each result kind, straight from the format table.
Fmt: dict[str, Any] = {kind: Literal[formats] for kind, formats in RESULTS.items()}


_CLICK_ERRORS = {c.__name__: c for c in typer.BadParameter.__mro__}


class _Group(TyperGroup):
    """Every failure ends as one line on stderr and a known exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _CLICK_ERRORS["UsageError"] as exc:
            # The parser leaves out which command failed when an option lacks its value.
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if name and exc.ctx is None else None
            if command is not None:
                exc.ctx = command.context_class(command, parent=ctx, info_name=name)
            raise

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        from pmoladder.errors import PmoError, one_line

        try:
            code = super().main(*args, standalone_mode=False, **kwargs) or 0
            if code == 130:  # Typer turns Ctrl-C into a silent exit 130
                sys.stderr.write("pmoladder: interrupted\n")
        except PmoError as exc:
            sys.stderr.write(exc.report() + "\n")
            code = exc.exit_code
        except _CLICK_ERRORS["UsageError"] as exc:
            message = one_line(_usage_message(exc.format_message())) + _choices_of(exc)
            if message:  # an empty one follows the help shown for a bare `pmoladder`
                where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
                sys.stderr.write(f"pmoladder: error: {message}{where}\n")
            code = 2
        except _CLICK_ERRORS["ClickException"] as exc:
            sys.stderr.write(f"pmoladder: error: {one_line(exc.format_message())}\n")
            code = exc.exit_code
        except KeyboardInterrupt:
            sys.stderr.write("pmoladder: interrupted\n")
            code = 130
        except BrokenPipeError:  # the reader went away (`| head -1`): nothing to say
            code = 1
        except OSError as exc:  # writing the output failed: a full disk, a quota
            sys.stderr.write(
                f"pmoladder: error: cannot write the output: {one_line(exc.strerror or str(exc))}\n"
            )
            code = 2
        except Exception as exc:  # a bug: still one line
            if os.environ.get("PMOLADDER_DEBUG"):
                raise
            sys.stderr.write(
                f"pmoladder: internal error: {type(exc).__name__}: "
                f"{one_line(str(exc))} (set PMOLADDER_DEBUG=1 for details)\n"
            )
            code = 2
        if standalone_mode:
            sys.exit(code)
        return code


_USAGE_REWRITES = [  # Click's usage errors, said in our words
    (r"Missing argument '(.+?)'\. Choose from:\s*(.+)", "{0} is missing: give one of {1}"),
    (r"Missing argument '(.+?)'\.?", "{0} is missing"),
    (r"Invalid value for (.+?): '(.*)' is not one of (.+?)\.?", "{0}: '{1}' is not one of {2}"),
    (
        r"Invalid value for (.+?): Input should be greater than or equal to (\S+)",
        "{0}: expected a whole number of {1} or more",
    ),
    (r"Invalid value for (.+?): Input should be a valid integer.*", "{0}: expected a whole number"),
    (r"Option '(.+?)' requires an argument\.", "{0} needs a value"),
    (r"Option '(.+?)' does not take a value\.", "{0} takes no value"),
    (r"No such option: (\S+) \(Possible options: (.+)\)", "no option {0}; did you mean {1}?"),
    (r"No such option: (\S+)", "no option {0}"),
    (r"No such command '(.+?)'\. Did you mean '(.+?)'\?", "no command {0}; did you mean {1}?"),
    (r"No such command '(.+?)'\.", "no command {0}"),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.+)\)", "unexpected argument: {0}"),
]


def _choices_of(exc: Any) -> str:
    """For an option given without its value: the values it takes, where they are few."""
    import inspect

    name = getattr(exc, "option_name", None)
    callback = getattr(exc.ctx.command, "callback", None) if exc.ctx is not None else None
    if callback is None:
        return ""
    for param in inspect.signature(callback).parameters.values():
        choices = get_args(param.annotation) if get_origin(param.annotation) is Literal else ()
        if choices and name in (getattr(param.default, "param_decls", None) or ()):
            return f": give one of {', '.join(choices)}"
    return ""


def _usage_message(message: str) -> str:
    import re

    message = message.replace("Value error, ", "")
    for pattern, template in _USAGE_REWRITES:
        found = re.fullmatch(pattern, message.strip(), re.S)
        if found:
            parts = [re.sub(r"[',\s]+", " ", g).strip().replace(" ", ", ") for g in found.groups()]
            parts = [p.replace(", /, ", " / ") for p in parts]
            return template.format(*parts)
    return message


app = typer.Typer(
    name="pmoladder",
    cls=_Group,
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _complete_role(ctx: typer.Context, incomplete: str) -> list[str]:
    """Role ids and aliases for shell completion; silent when the ladder cannot be read."""
    from pmoladder.errors import PmoError
    from pmoladder.ladder import load_ladder

    try:
        kb = load_ladder(ctx.params.get("ladder"))
    except PmoError:
        return []
    return [key for key in kb.role_keys() if key.startswith(incomplete)]


LadderOpt = typer.Option(
    None,
    "--ladder",
    metavar="PATH",
    help="Ladder file; default $PMOLADDER_LADDER, then .pmoladder.yaml, then the built-in one.",
    show_default=False,
)
ProfileOpt = typer.Option(
    None,
    "--profile",
    "-p",
    metavar="PATH",
    show_default=False,
    help="Profile file ('-' for stdin); default $PMOLADDER_PROFILE, then ./profile.yaml.",
)
FromOpt = typer.Option(
    None,
    "--from",
    metavar="ROLE",
    show_default=False,
    autocompletion=_complete_role,
    help="Stand in a role's shoes instead of a profile: its levels, certifications, years.",
)
TargetOpt = typer.Option(
    None,
    "--target",
    "-t",
    metavar="ROLE",
    show_default=False,
    autocompletion=_complete_role,
    help="The role to measure against; default the profile's target_role.",
)
StaleOpt = typer.Option(
    None,
    "--stale-after",
    metavar="MONTHS",
    min=1,
    show_default=False,
    help="Mark self-ratings assessed longer ago than this as stale (default 12).",
)
NoColorOpt = typer.Option(False, "--no-color", help="No colour or styling, even on a terminal.")


def _role_opt(flag: str, help_text: str) -> Any:
    return typer.Option(
        None,
        flag,
        metavar="ROLE",
        show_default=False,
        autocompletion=_complete_role,
        help=help_text,
    )


def _format_opt(kind: str) -> Any:
    """`--format`, offering what the format table lists for `kind`, its first the default."""
    return typer.Option(RESULTS[kind][0], "--format", "-f", help="Output format.")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pmoladder {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Show the version."
    ),
    no_color: bool = NoColorOpt,
) -> None:
    """Plan a project-management career: the ladder from Project Coordinator to Chief
    Project Officer, the skills each rung needs, and your gap to the one you want.

    ```
    pmoladder roles
    pmoladder gap --target director --profile profile.yaml
    pmoladder gap --from pm --target program-manager --format json
    ```

    Exit codes: 0 done, 1 the answer is "no" (gap --check not ready), 2 bad usage or input.
    """
    if no_color:
        os.environ["NO_COLOR"] = "1"


def _emit(kind: str, fmt: str, *args: Any, no_color: bool = False) -> None:
    from pmoladder.render import emit

    emit(kind, fmt, *args, no_color=no_color)


def _ladder(path: Optional[str]) -> Any:
    from pmoladder.ladder import load_ladder

    with _path_from_settings("ladder", path):
        return load_ladder(path)


@contextmanager
def _path_from_settings(key: str, flag: Optional[str]) -> Iterator[None]:
    """A file that cannot be opened says where its path came from (a variable or a
    settings file), which the user may have set long ago and forgotten."""
    from pmoladder.errors import FileError
    from pmoladder.settings import ENV, setting

    try:
        yield
    except FileError as exc:
        chosen = setting(key, flag)
        if exc.line is None and chosen.source != "flag" and exc.path == chosen.value:
            where = f"${ENV[key]}" if chosen.source == "env" else chosen.path
            exc.message += f" (the path comes from {where})"
        raise


def _warn(warnings: list[Any]) -> None:
    for warning in warnings:
        sys.stderr.write(f"{warning}\n")


@app.command()
def roles(
    fmt: Fmt["roles"] = _format_opt("roles"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """List the roles of the ladder, grouped by tier, lowest rung first.

    ```
    pmoladder roles
    pmoladder roles --format json | jq -r '.roles[].id'
    ```
    """
    _emit("roles", fmt, _ladder(ladder), no_color=no_color)


@app.command()
def role(
    role_id: str = typer.Argument(
        ..., metavar="ROLE", help="Role id, alias or name.", autocompletion=_complete_role
    ),
    fmt: Fmt["role"] = _format_opt("role"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Show one role in full: summary, responsibilities, skills, certifications, tools, next rungs.

    ```
    pmoladder role director
    pmoladder role "Program Manager" --format markdown > program-manager.md
    ```
    """
    kb = _ladder(ladder)
    _emit("role", fmt, kb, kb.role(role_id), no_color=no_color)


@app.command()
def skills(
    skill_id: Optional[str] = typer.Argument(
        None, metavar="[SKILL]", help="Show this skill's levels and the roles that need it."
    ),
    fmt: Fmt["skills"] = _format_opt("skills"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """List the skills by category, or show one skill's level descriptors and who needs it.

    ```
    pmoladder skills
    pmoladder skills stakeholder-management
    ```
    """
    kb = _ladder(ladder)
    if skill_id is None:
        _emit("skills", fmt, kb, no_color=no_color)
    elif fmt == "csv":
        _usage("--format csv lists skills; it is not available for one skill")
    else:
        _emit("skill", fmt, kb, kb.skill(skill_id), no_color=no_color)


@app.command()
def gap(
    target: Optional[str] = TargetOpt,
    profile: Optional[str] = ProfileOpt,
    from_role: Optional[str] = FromOpt,
    check: bool = typer.Option(False, "--check", help="Exit 1 when not ready."),
    stale_after: Optional[int] = StaleOpt,
    fmt: Fmt["gap"] = _format_opt("gap"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Measure the gap between you (or a role) and a target role: skills, readiness,
    certifications and experience.

    ```
    pmoladder gap --target director --profile profile.yaml
    pmoladder gap --from pm --target program-manager
    pmoladder gap --check --format json > gap.json || echo "not ready yet"
    pmoladder gap --format svg > gap.svg
    ```
    """
    from pmoladder.gap import compute_gap

    kb, standing, person = _standing(profile, from_role, ladder)
    result = _fresh(kb, person, compute_gap(kb, standing, _target(kb, target, person)), stale_after)
    _emit("gap", fmt, kb, result, no_color=no_color)
    if check and not result.ready:
        raise typer.Exit(1)


@app.command()
def path(
    to: Optional[str] = _role_opt("--to", "Where to go; default the profile's target_role."),
    from_role: Optional[str] = _role_opt(
        "--from", "Where to start; default the profile's current_role."
    ),
    via: Optional[str] = _role_opt("--via", "Only routes that pass through this role."),
    profile: Optional[str] = ProfileOpt,
    fmt: Fmt["path"] = _format_opt("path"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Every shortest route from one role to another along the ladder's next moves, and
    what changes at each rung: skill levels, certifications, years. With a profile, your
    readiness per rung.

    ```
    pmoladder path --from coordinator --to cpo
    pmoladder path --from coordinator --to cpo --via program-manager
    pmoladder path --to director --profile profile.yaml --format json
    ```

    Exits 1 when no sequence of next moves leads there.
    """
    from pmoladder.progression import routes

    kb = _ladder(ladder)
    person = _person(profile, kb, required=from_role is None or to is None)
    start = kb.role(from_role) if from_role else _current(person)
    end = kb.role(to) if to else _target(kb, None, person)
    stop = kb.role(via) if via else None
    result = routes(kb, start, end, person.standing() if person else None, stop)
    if not result.paths:
        through = f" through {stop.id}" if stop else ""
        sys.stderr.write(
            f"pmoladder: no path from {start.id} to {end.id}{through} along next moves\n"
        )
        raise typer.Exit(1)
    _emit("path", fmt, kb, result, no_color=no_color)


@app.command(name="next")
def next_(
    profile: Optional[str] = ProfileOpt,
    from_role: Optional[str] = FromOpt,
    fmt: Fmt["next"] = _format_opt("next"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Your next rungs from your current role: readiness for each and its biggest gaps.

    ```
    pmoladder next --profile profile.yaml
    pmoladder next --from pm --format json
    ```
    """
    from pmoladder.progression import next_rungs

    kb, standing, _ = _standing(profile, from_role, ladder)
    current = standing.role
    if current is None:
        _usage("the profile names no current_role: set it, or pass --from ROLE")
    _emit("next", fmt, kb, current, next_rungs(kb, standing, current), no_color=no_color)


@app.command()
def match(
    profile: Optional[str] = ProfileOpt,
    from_role: Optional[str] = FromOpt,
    fmt: Fmt["match"] = _format_opt("match"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Your readiness for every role of the ladder, and the highest one you are ready for.

    ```
    pmoladder match --profile profile.yaml
    pmoladder match --format json | jq -r .highest_ready
    ```
    """
    from pmoladder.progression import match as best_fit

    kb, standing, _ = _standing(profile, from_role, ladder)
    _emit("match", fmt, kb, best_fit(kb, standing), no_color=no_color)


@app.command()
def plan(
    target: Optional[str] = TargetOpt,
    profile: Optional[str] = ProfileOpt,
    from_role: Optional[str] = FromOpt,
    stale_after: Optional[int] = StaleOpt,
    fmt: Fmt["plan"] = _format_opt("plan"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """A development plan to close your gap: steps ranked by how much gap they address,
    skills to top up or develop, certifications, experience, and the challenges ahead.

    ```
    pmoladder plan --profile profile.yaml
    pmoladder plan --target pmo-manager --format markdown > PLAN.md
    pmoladder plan --from pm --target director
    ```
    """
    from pmoladder.gap import compute_gap
    from pmoladder.plan import make_plan

    kb, standing, person = _standing(profile, from_role, ladder)
    result = compute_gap(kb, standing, _target(kb, target, person))
    fresh = _fresh(kb, person, result, stale_after)
    _emit("plan", fmt, kb, make_plan(kb, fresh), no_color=no_color)


@app.command()
def team(
    paths: list[str] = typer.Argument(
        ..., metavar="PATH", help="Profiles, or folders of them (read recursively)."
    ),
    target: Optional[str] = typer.Option(
        None,
        "--target",
        "-t",
        metavar="ROLE",
        show_default=False,
        autocompletion=_complete_role,
        help="Measure everyone against this role; default each person's target_role.",
    ),
    bench: bool = typer.Option(
        False, "--bench", help="Succession: who is ready for each role now, and who soon."
    ),
    within: float = typer.Option(
        0.8,
        "--within",
        min=0.0,
        max=1.0,
        metavar="FRACTION",
        help="With --bench: the readiness from which a person is ready soon.",
    ),
    shortages: bool = typer.Option(
        False,
        "--shortages",
        help="Skills by the team's total weighted gap, and the steps that help most people.",
    ),
    anonymous: bool = typer.Option(
        False,
        "--anonymous",
        help="Name nobody: people become #1, #2, ...; lists of people become counts.",
    ),
    min_group: int = typer.Option(
        5,
        "--min-group",
        min=1,
        metavar="N",
        help="With --anonymous: refuse a team of fewer people than this.",
    ),
    jobs: Optional[int] = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        metavar="N",
        show_default=False,
        help="Processes reading the profiles; default one per core for large teams.",
    ),
    stale_after: Optional[int] = StaleOpt,
    fmt: Fmt["team"] = _format_opt("team"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """A team at a glance: with --target, a heatmap of everyone's gap per skill of that
    role and how many meet each skill (one or nobody: a single point of failure);
    without it, each person against their own target_role. Stale ratings and lapsed
    certificates are listed per person.

    ```
    pmoladder team people/ --target pmo-manager
    pmoladder team people/ --bench --shortages
    pmoladder team people/ --target director --anonymous --format markdown > team.md
    pmoladder team people/ --format jsonl | jq -c 'select(.ready)'
    ```

    A profile that cannot be read is reported on stderr and left out; the exit code is
    then 2, after the report on the rest.
    """
    from pmoladder.freshness import today
    from pmoladder.roster import Ticker, profile_files, read_profiles
    from pmoladder.team import Skipped

    kind = fmt
    if kind == "jsonl" and (bench or shortages or anonymous):
        _usage(
            "--format jsonl streams one person at a time: --bench, --shortages and "
            "--anonymous need the whole team (use --format json)"
        )
    if kind in ("csv", "svg", "jsonl") and (bench or shortages):
        _usage(f"--bench and --shortages are shown in table, markdown, html and json, not {kind}")
    if kind == "svg" and target is None:
        _usage("--format svg draws the heatmap for one role: pass --target ROLE")
    kb = _ladder(ladder)
    role = kb.role(target) if target else None
    files = list(profile_files(paths))
    skipped = []

    def reads() -> Any:
        """Each file as it is read, its problems reported on stderr on the way."""
        ticker = Ticker(len(files))
        try:
            for item, warnings in read_profiles(kb, files, today(), _months(stale_after), jobs):
                ticker.advance()
                if isinstance(item, Skipped):
                    sys.stderr.write(item.error + "\n")
                    skipped.append(item)
                _warn(warnings)
                yield item
        finally:
            ticker.close()

    if kind == "jsonl":
        write = _team_stream(kb, role)
        for item in reads():
            write(item)
    else:
        from pmoladder.team import team_view

        result = team_view(
            kb,
            reads(),
            role,
            bench=bench,
            within=within,
            anonymous=anonymous,
            show_shortages=shortages,
        )
        read = len(result.people) + len(result.no_target)
        if anonymous and read < min_group:
            _usage(
                f"--anonymous needs a team of at least {min_group} people read, to name "
                f"nobody; this one has {read} (see --min-group)"
            )
        if not read and not skipped:
            _usage("no profiles found: give profile files, or folders holding *.yaml files")
        _emit("team", fmt, kb, result, no_color=no_color)
    if skipped:
        raise typer.Exit(2)


def _team_stream(kb: Any, role: Any) -> Any:
    """`--format jsonl`: write each person (or skipped file) as soon as it is read."""
    from pmoladder.render.json import person_model, skipped_model, team_line
    from pmoladder.team import Skipped, place

    def write(item: Any) -> None:
        if isinstance(item, Skipped):
            data = skipped_model(item)
        else:
            own = role or (kb.roles[item.target_role] if item.target_role else None)
            data = person_model(kb, item, place(kb, item, own).gap if own else None)
        sys.stdout.write(team_line(data) + "\n")

    return write


@app.command()
def site(
    outdir: str = typer.Argument(..., metavar="OUTDIR", help="Folder for the site."),
    profiles: Optional[list[str]] = typer.Option(
        None,
        "--profile",
        "-p",
        metavar="PATH",
        show_default=False,
        help="Add a page with this person's gap and plan; a folder adds everyone in it. "
        "Repeatable. Without it the site holds nothing personal.",
    ),
    stale_after: Optional[int] = StaleOpt,
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Build the ladder as a static website: the ladder drawn, the skills matrix, a page
    per role and per skill, and the steps, challenges, KPIs and feedback.

    ```
    pmoladder site public/
    pmoladder site public/ --ladder our-ladder.yaml
    pmoladder site team-site/ --profile people/
    ```

    Pages need no server, script or network: open OUTDIR/index.html, or publish the
    folder on any static host. OUTDIR must be new, empty, or a site built before.
    """
    from pmoladder.errors import PmoError
    from pmoladder.freshness import freshness, today
    from pmoladder.profile import load_profile
    from pmoladder.roster import profile_files
    from pmoladder.team import Skipped
    from pmoladder.web.site import build, person_page

    kb = _ladder(ladder)
    pages, taken = [], set()
    for path in profile_files(profiles or []):
        if isinstance(path, Skipped):
            raise PmoError(path.error.removeprefix("pmoladder: error: "))
        person = load_profile(path, kb)
        _warn(person.warnings)
        fresh = freshness(kb, person, today(), _months(stale_after))
        pages.append(person_page(kb, path, person, fresh, taken))
    count = build(kb, outdir, pages)
    sys.stderr.write(f"wrote {count} pages to {outdir}; open {outdir}/index.html\n")


@app.command()
def init(
    path: str = typer.Argument("profile.yaml", help="Where to write the profile."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    schema_ref: str = typer.Option(
        "profile.schema.json",
        "--schema",
        metavar="REF",
        help="Schema path or URL for the editor modeline; a relative path that does not "
        "exist yet is written too.",
    ),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Write a starter profile listing every skill of the ladder, with comments on each
    field and a schema modeline so that editors complete and check it.

    ```
    pmoladder init
    pmoladder init people/alex.yaml --schema ../profile.schema.json
    ```
    """
    from pathlib import Path

    from pmoladder.files import write_atomic
    from pmoladder.schema import schema_text
    from pmoladder.starter import starter_profile

    if path == "-":
        _usage("init writes a new profile file: give its path (default profile.yaml), not '-'")
    text = starter_profile(_ladder(ladder), schema_ref)
    write_atomic(path, text, force=force)
    written = [path]
    schema_path = Path(path).parent / schema_ref
    if "://" not in schema_ref and not os.path.lexists(schema_path):
        write_atomic(schema_path, schema_text("profile"))
        written.append(str(schema_path))
    sys.stderr.write(f"wrote {' and '.join(written)}; next: edit it, then 'pmoladder gap'\n")


@app.command()
def progress(
    profile: Optional[str] = ProfileOpt,
    target: Optional[str] = TargetOpt,
    since_rev: Optional[str] = typer.Option(
        None,
        "--since",
        metavar="REV",
        show_default=False,
        help="Start at this revision (or date, such as 2026-07-01) instead of the first commit.",
    ),
    fmt: Fmt["progress"] = _format_opt("progress"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Your readiness over time, from the git history of your profile: each commit's date,
    readiness and what changed, ending with a sparkline.

    ```
    pmoladder progress
    pmoladder progress --since v2026-q2 --target director --format json
    pmoladder progress --since 2026-07-01
    ```

    A commit where the profile does not parse is reported on stderr and skipped.
    """
    from pmoladder.profile import profile_path
    from pmoladder.progress import track

    kb = _ladder(ladder)
    result = track(kb, profile_path(profile), target, since_rev)
    for version, problem in result.skipped:
        sys.stderr.write(
            f"pmoladder: warning: skipped commit {version.commit[:7]} "
            f"({version.date[:10]}): {problem}\n"
        )
    _emit("progress", fmt, kb, result, no_color=no_color)


@app.command()
def diff(
    old: str = typer.Argument(..., help="A profile file, '-', or REV:PATH as git show takes it."),
    new: str = typer.Argument(..., help="Likewise."),
    target: Optional[str] = typer.Option(
        None,
        "--target",
        "-t",
        metavar="ROLE",
        show_default=False,
        help="Also show the readiness change for this role.",
    ),
    fmt: Fmt["diff"] = _format_opt("diff"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Compare two versions of a profile: skill levels, certifications, years, and the
    readiness change for a target.

    ```
    pmoladder diff HEAD~1:profile.yaml profile.yaml
    pmoladder diff alex-2025.yaml alex-2026.yaml --target director
    ```
    """
    from pmoladder.compare import Diff, compare
    from pmoladder.gap import compute_gap
    from pmoladder.history import read_spec
    from pmoladder.profile import person_from
    from pmoladder.yamlfile import parse

    kb = _ladder(ladder)
    people = []
    for spec in (old, new):
        person = person_from(parse(*read_spec(spec)), kb)
        _warn(person.warnings)
        people.append(person)
    role = kb.role(target) if target else None
    gaps = [None, None] if role is None else [compute_gap(kb, p.standing(), role) for p in people]
    result = Diff(people[0].source, people[1].source, compare(kb, *people), *gaps)
    _emit("diff", fmt, kb, result, no_color=no_color)


@app.command()
def assess(
    profile: Optional[str] = ProfileOpt,
    target: Optional[str] = TargetOpt,
    every: bool = typer.Option(False, "--all", help="Ask about every skill of the ladder."),
    only: Optional[list[str]] = typer.Option(
        None,
        "--skill",
        "-s",
        metavar="SKILL",
        show_default=False,
        help="Ask about this skill only (id or name); repeat for more.",
    ),
    evidence: bool = typer.Option(
        True, "--evidence/--no-evidence", help="Also ask for evidence after each level."
    ),
    blind: bool = typer.Option(
        False, "--blind", help="Hide the level the target needs, so it cannot anchor you."
    ),
    force: bool = typer.Option(False, "--force", help="Rewrite the profile even if read-only."),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Rate yourself skill by skill, seeing what each level looks like, and update the
    profile in place: comments, key order and anchors are kept, and each answer is dated.

    Press Enter to keep what the profile has: the entry stays exactly as it was. Answers
    can be piped, one line each: a level (number or name), then the evidence unless
    --no-evidence. If input ends early, an answer is not valid, or you press Ctrl-C,
    the answers given so far are saved.

    ```
    pmoladder assess --target director
    pmoladder assess -s risk-management -s "Agile and Scrum"
    pmoladder assess --target pm --no-evidence < answers.txt
    ```
    """
    from functools import partial

    from pmoladder.assessment import Asker, Interview, ProfileText, run, skills_to_assess
    from pmoladder.freshness import today
    from pmoladder.profile import profile_path

    kb = _ladder(ladder)
    path = profile_path(profile)
    if path == "-":
        _usage("assess updates the profile in place: give it a file, not '-'")
    text = ProfileText.open(path, force)
    person = text.person(kb)
    _warn(person.warnings)
    role = None if every else (kb.role(target) if target else person.target_role)
    skills = skills_to_assess(kb, role, only or [])
    interview = Interview(len(skills))
    ask = partial(interview.ask, kb, skills, person, None if blind else role, Asker(), evidence)
    done = run(text, interview, today(), force, ask)
    sys.stderr.write(f"{done}; next: 'pmoladder gap'\n")


@app.command()
def validate(
    files: list[str] = typer.Argument(..., metavar="FILE", help="Profiles or ladders."),
    kind: Literal[("auto", *FILE_KINDS)] = typer.Option(
        "auto",
        "--kind",
        help="What the files are; auto tells a ladder from a profile by its content.",
    ),
    fmt: Fmt["validate"] = _format_opt("validate"),
    ladder: Optional[str] = LadderOpt,
    no_color: bool = NoColorOpt,
) -> None:
    """Check profiles and ladders and report every problem in every file, as
    PATH:LINE:COL: key.path: message. Exits 1 when any file is invalid.

    The kind of each file is told from its content: a ladder has a scale, roles or a
    list of skills; anything else is checked as a profile.
    Profiles are checked against the ladder given by --ladder, or the built-in one.

    ```
    pmoladder validate profile.yaml
    pmoladder validate --kind profile people/*.yaml --format json
    ```
    """
    from pmoladder.validation import check

    kb = _ladder(ladder)
    reports = [check(path, kb, None if kind == "auto" else kind) for path in files]
    if fmt == "json":
        _emit("validate", fmt, reports)
    else:
        from pmoladder.errors import one_line

        for report in reports:
            for problem in report.problems:
                sys.stderr.write(f"{problem}\n")
            if report.valid:
                sys.stdout.write(f"{one_line(report.path)}: valid {report.kind}\n")
    if not all(r.valid for r in reports):
        raise typer.Exit(1)


@app.command()
def schema(
    kind: Literal[SCHEMA_KINDS] = typer.Argument(..., help="A file kind or a result kind."),
    no_color: bool = NoColorOpt,
) -> None:
    """Print the JSON Schema (draft 2020-12) of a file kind, for editors and CI, or of a
    command's --format json output, for scripts.

    ```
    pmoladder schema profile > profile.schema.json
    pmoladder schema gap > gap.schema.json
    ```

    Then start the profile with the line
    `# yaml-language-server: $schema=profile.schema.json`.
    """
    from pmoladder.schema import schema_text

    sys.stdout.write(schema_text(kind))


def _standing(profile: Optional[str], from_role: Optional[str], ladder: Optional[str]) -> Any:
    """The ladder, where the person stands (`--from ROLE` or the profile), and the person."""
    from pmoladder.gap import standing_of_role

    kb = _ladder(ladder)
    if from_role is not None:
        if profile is not None:
            _usage("give --profile or --from, not both")
        return kb, standing_of_role(kb, kb.role(from_role)), None
    person = _person(profile, kb)
    return kb, person.standing(), person


def _fresh(kb: Any, person: Any, result: Any, months: Optional[int]) -> Any:
    """The gap with the person's stale ratings and lapsed certifications, as of today."""
    if person is None:
        return result
    from dataclasses import replace

    from pmoladder.freshness import freshness, today

    return replace(result, freshness=freshness(kb, person, today(), _months(months)))


def _months(flag: Optional[int]) -> int:
    """How old a rating may be before it is stale: the flag, else the settings."""
    from pmoladder.settings import value

    return value("stale_after_months", flag)


def _current(person: Any) -> Any:
    if person.current_role is None:
        _usage("no starting role: pass --from ROLE or set current_role in the profile")
    return person.current_role


def _person(profile: Optional[str], kb: Any, required: bool = True) -> Any:
    """The person's resolved profile; None when it is optional and there is none."""
    from pmoladder.profile import find_profile, load_profile, profile_path

    path = profile_path(profile) if required else find_profile(profile)
    if path is None:
        return None
    with _path_from_settings("profile", profile):
        person = load_profile(path, kb)
    _warn(person.warnings)
    return person


def _target(kb: Any, target: Optional[str], person: Any) -> Any:
    if target is not None:
        return kb.role(target)
    if person is None:
        _usage("--from needs --target")
    if person.target_role is None:
        _usage("no target: pass --target ROLE or set target_role in the profile")
    return person.target_role


def _usage(message: str) -> NoReturn:
    from pmoladder.errors import PmoError

    raise PmoError(message)


# The commands about the ladder itself and the settings register themselves on `app`.
from pmoladder import cli_ladder  # noqa: E402, F401
