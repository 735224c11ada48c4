"""The commands: parse arguments, call the core, hand the result to a renderer.

Only typer is imported at start-up; everything else is imported inside the command that
needs it, because shell completion and every script call pay for what is loaded here.
Annotations stay real objects (no `from __future__ import annotations`): typer reads them
on every run, and evaluating them from strings costs about 4% of a run.
"""

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, Optional, get_args, get_origin

import typer
from typer.core import TyperGroup

from pmoladder import __version__
from pmoladder.formats import (
    DiffFormat,
    FileKind,
    GapFormat,
    MatchFormat,
    NextFormat,
    PathFormat,
    PlanFormat,
    ProgressFormat,
    RoleFormat,
    RolesFormat,
    SchemaKind,
    SkillsFormat,
    TeamFormat,
    ValidateFormat,
)

if TYPE_CHECKING:
    from pmoladder.ladder import Ladder
    from pmoladder.profile import Person
    from pmoladder.subject import Subject


if TYPE_CHECKING:
    from typer._click.exceptions import ClickException, UsageError
else:  # found through typer's public BadParameter, wherever typer keeps Click
    _CLICK_ERRORS = {c.__name__: c for c in typer.BadParameter.__mro__}
    ClickException, UsageError = _CLICK_ERRORS["ClickException"], _CLICK_ERRORS["UsageError"]


class _Group(TyperGroup):
    """Every failure ends as one line on stderr and a known exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as exc:
            # The parser leaves out which command failed when an option lacks its value.
            name = ctx.invoked_subcommand
            command = self.get_command(ctx, name) if name and exc.ctx is None else None
            if command is not None:
                exc.ctx = command.context_class(command, parent=ctx, info_name=name)
            raise

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from pmoladder.errors import PmoError, one_line

        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
            code = code or 0
            if code == 130:  # Typer turns Ctrl-C into a silent exit 130
                sys.stderr.write("pmoladder: interrupted\n")
        except PmoError as exc:
            sys.stderr.write(exc.report() + "\n")
            code = exc.exit_code
        except UsageError as exc:
            message = one_line(_usage_message(exc.format_message())) + _choices_of(exc)
            if message:  # an empty one follows the help shown for a bare `pmoladder`
                where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
                sys.stderr.write(f"pmoladder: error: {message}{where}\n")
            code = 2
        except ClickException as exc:
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
    (r"Invalid value for (.+?): Input should be a valid number.*", "{0}: expected a number"),
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
    name = getattr(exc, "option_name", None)
    for param in exc.ctx.command.params if exc.ctx is not None else ():
        annotation = param.type_descriptor.annotation
        choices = get_args(annotation) if get_origin(annotation) is Literal else ()
        if choices and name in param.opts:
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
    return [key for key in _completable(ctx, "roles") if key.startswith(incomplete)]


def _complete_skill(ctx: typer.Context, incomplete: str) -> list[str]:
    """Skill ids for shell completion; silent when the ladder cannot be read."""
    return [key for key in _completable(ctx, "skills") if key.startswith(incomplete)]


def _completable(ctx: typer.Context, kind: str) -> list[str]:
    """What `pmoladder.completion` offers from its index when it can, in the same order."""
    from pmoladder.errors import PmoError
    from pmoladder.ladder import load_ladder

    try:
        ladder = load_ladder(ctx.params.get("ladder_file"))
    except PmoError:
        return []
    return ladder.role_keys() if kind == "roles" else list(ladder.skills)


def _no_color(value: bool) -> None:
    """`--no-color`, wherever it is given: everything that styles output reads NO_COLOR."""
    if value:
        os.environ["NO_COLOR"] = "1"


def _role_option(*flags: str, help: str) -> Any:
    """An option naming a role: one of the ladder's ids, aliases or names, completed."""
    return typer.Option(
        *flags, metavar="ROLE", show_default=False, autocompletion=_complete_role, help=help
    )


# The options many commands share, declared once.
LadderPath = Annotated[
    Optional[str],
    typer.Option(
        "--ladder",
        metavar="PATH",
        show_default=False,
        help="Ladder file; default $PMOLADDER_LADDER, then .pmoladder.yaml, then the built-in one.",
    ),
]
ProfilePath = Annotated[
    Optional[str],
    typer.Option(
        "--profile",
        "-p",
        metavar="PATH",
        show_default=False,
        help="Profile file ('-' for stdin); default $PMOLADDER_PROFILE, then ./profile.yaml.",
    ),
]
FromRole = Annotated[
    Optional[str],
    _role_option(
        "--from",
        help="Stand in a role's shoes instead of a profile: its levels, certifications, years.",
    ),
]
TargetRole = Annotated[
    Optional[str],
    _role_option(
        "--target", "-t", help="The role to measure against; default the profile's target_role."
    ),
]
StaleAfter = Annotated[
    Optional[int],
    typer.Option(
        "--stale-after",
        metavar="MONTHS",
        min=1,
        show_default=False,
        help="Mark self-ratings assessed longer ago than this as stale (default 12).",
    ),
]
# Handled by its callback, so a command never looks at it.
NoColor = Annotated[
    bool,
    typer.Option(
        "--no-color", callback=_no_color, help="No colour or styling, even on a terminal."
    ),
]
# `--format`: its choices are the type it annotates (one of `formats`), its default the
# command's, which tests hold to the first of those choices.
FORMAT = typer.Option("--format", "-f", help="Output format.")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"pmoladder {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
    no_color: NoColor = False,
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


def _emit(kind: str, fmt: str, *args: Any) -> None:
    from pmoladder.render import emit

    emit(kind, fmt, *args)


def _ladder(flag: Optional[str]) -> "Ladder":
    from pmoladder.subject import ladder_in_use

    return ladder_in_use(flag)


def _warn(warnings: list[Any]) -> None:
    for warning in warnings:
        sys.stderr.write(f"{warning}\n")


def _subject(ladder: "Ladder", profile: Optional[str], from_role: Optional[str]) -> "Subject":
    """Where the person stands (`--from ROLE` or the profile), its warnings shown."""
    from pmoladder.subject import subject

    found = subject(ladder, profile, from_role)
    _warn(found.warnings)
    return found


def _usage(message: str) -> NoReturn:
    from pmoladder.errors import PmoError

    raise PmoError(message)


@app.command()
def roles(
    fmt: Annotated[RolesFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """List the roles of the ladder, grouped by tier, lowest rung first.

    ```
    pmoladder roles
    pmoladder roles --format json | jq -r '.roles[].id'
    ```
    """
    _emit("roles", fmt, _ladder(ladder_file))


@app.command()
def role(
    role_id: Annotated[
        str,
        typer.Argument(
            metavar="ROLE", help="Role id, alias or name.", autocompletion=_complete_role
        ),
    ],
    fmt: Annotated[RoleFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Show one role in full: summary, responsibilities, skills, certifications, tools, next rungs.

    ```
    pmoladder role director
    pmoladder role "Program Manager" --format markdown > program-manager.md
    ```
    """
    ladder = _ladder(ladder_file)
    _emit("role", fmt, ladder, ladder.role(role_id))


@app.command()
def skills(
    skill_id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="[SKILL]",
            help="Show this skill's levels and the roles that need it.",
            autocompletion=_complete_skill,
        ),
    ] = None,
    fmt: Annotated[SkillsFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """List the skills by category, or show one skill's level descriptors and who needs it.

    ```
    pmoladder skills
    pmoladder skills stakeholder-management
    ```
    """
    ladder = _ladder(ladder_file)
    if skill_id is None:
        _emit("skills", fmt, ladder)
    elif fmt == "csv":
        _usage("--format csv lists skills; it is not available for one skill")
    else:
        _emit("skill", fmt, ladder, ladder.skill(skill_id))


@app.command()
def gap(
    target: TargetRole = None,
    profile: ProfilePath = None,
    from_role: FromRole = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when not ready.")] = False,
    stale_after: StaleAfter = None,
    fmt: Annotated[GapFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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
    from pmoladder import subject

    ladder = _ladder(ladder_file)
    who = _subject(ladder, profile, from_role)
    result = subject.report(ladder, who, subject.target(ladder, target, who.person), stale_after)
    _emit("gap", fmt, ladder, result)
    if check and not result.gap.ready:
        raise typer.Exit(1)


@app.command()
def path(
    to: Annotated[
        Optional[str],
        _role_option("--to", help="Where to go; default the profile's target_role."),
    ] = None,
    from_role: Annotated[
        Optional[str],
        _role_option("--from", help="Where to start; default the profile's current_role."),
    ] = None,
    via: Annotated[
        Optional[str], _role_option("--via", help="Only routes that pass through this role.")
    ] = None,
    profile: ProfilePath = None,
    fmt: Annotated[PathFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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
    from pmoladder import subject
    from pmoladder.progression import routes

    ladder = _ladder(ladder_file)
    person: Person | None
    if from_role is None or to is None:
        person = subject.person(ladder, profile)
    else:
        person = subject.person_if_any(ladder, profile)
    _warn(person.warnings if person else [])
    start = ladder.role(from_role) if from_role else subject.current_role(person)
    end = ladder.role(to) if to else subject.target(ladder, None, person)
    stop = ladder.role(via) if via else None
    result = routes(ladder, start, end, person.standing() if person else None, stop)
    if not result.paths:
        through = f" through {stop.id}" if stop else ""
        sys.stderr.write(
            f"pmoladder: no path from {start.id} to {end.id}{through} along next moves\n"
        )
        raise typer.Exit(1)
    _emit("path", fmt, ladder, result)


@app.command(name="next")
def next_(
    profile: ProfilePath = None,
    from_role: FromRole = None,
    fmt: Annotated[NextFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Your next rungs from your current role: readiness for each and its biggest gaps.

    ```
    pmoladder next --profile profile.yaml
    pmoladder next --from pm --format json
    ```
    """
    from pmoladder.progression import next_rungs

    ladder = _ladder(ladder_file)
    standing = _subject(ladder, profile, from_role).standing
    current = standing.role
    if current is None:
        _usage("the profile names no current_role: set it, or pass --from ROLE")
    _emit("next", fmt, ladder, current, next_rungs(ladder, standing, current))


@app.command()
def match(
    profile: ProfilePath = None,
    from_role: FromRole = None,
    fmt: Annotated[MatchFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Your readiness for every role of the ladder, and the highest one you are ready for.

    ```
    pmoladder match --profile profile.yaml
    pmoladder match --format json | jq -r .highest_ready
    ```
    """
    from pmoladder.progression import match as best_fit

    ladder = _ladder(ladder_file)
    _emit("match", fmt, ladder, best_fit(ladder, _subject(ladder, profile, from_role).standing))


@app.command()
def plan(
    target: TargetRole = None,
    profile: ProfilePath = None,
    from_role: FromRole = None,
    stale_after: StaleAfter = None,
    fmt: Annotated[PlanFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """A development plan to close your gap: steps ranked by how much gap they address,
    skills to top up or develop, certifications, experience, and the challenges ahead.

    ```
    pmoladder plan --profile profile.yaml
    pmoladder plan --target pmo-manager --format markdown > PLAN.md
    pmoladder plan --from pm --target director
    ```
    """
    from pmoladder import subject
    from pmoladder.plan import make_plan

    ladder = _ladder(ladder_file)
    who = _subject(ladder, profile, from_role)
    result = subject.report(ladder, who, subject.target(ladder, target, who.person), stale_after)
    _emit("plan", fmt, ladder, make_plan(ladder, result))


@app.command()
def team(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Profiles, or folders of them (read recursively)."),
    ],
    target: Annotated[
        Optional[str],
        _role_option(
            "--target",
            "-t",
            help="Measure everyone against this role; default each person's target_role.",
        ),
    ] = None,
    bench: Annotated[
        bool,
        typer.Option("--bench", help="Succession: who is ready for each role now, and who soon."),
    ] = False,
    within: Annotated[
        float,
        typer.Option(
            "--within",
            metavar="FRACTION",
            help="With --bench: the readiness from which a person is ready soon, 0 to 1.",
        ),
    ] = 0.8,
    shortages: Annotated[
        bool,
        typer.Option(
            "--shortages",
            help="Skills by the team's total weighted gap, and the steps that help most people.",
        ),
    ] = False,
    anonymous: Annotated[
        bool,
        typer.Option(
            "--anonymous",
            help="Name nobody: people become #1, #2, ...; lists of people become counts.",
        ),
    ] = False,
    min_group: Annotated[
        int,
        typer.Option(
            "--min-group",
            min=1,
            metavar="N",
            help="With --anonymous: refuse a team of fewer people than this.",
        ),
    ] = 5,
    jobs: Annotated[
        Optional[int],
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            show_default=False,
            help="Processes reading the profiles; default one per core for large teams.",
        ),
    ] = None,
    stale_after: StaleAfter = None,
    fmt: Annotated[TeamFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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
    from pmoladder.subject import stale_after_months
    from pmoladder.team import Member, Skipped

    kind = fmt
    if not 0 <= within <= 1:
        _usage(f"--within: expected a fraction from 0 to 1, such as 0.8 for 80%, not {within:g}")
    if kind == "jsonl" and (bench or shortages or anonymous):
        _usage(
            "--format jsonl streams one person at a time: --bench, --shortages and "
            "--anonymous need the whole team (use --format json)"
        )
    if kind in ("csv", "svg", "jsonl") and (bench or shortages):
        _usage(f"--bench and --shortages are shown in table, markdown, html and json, not {kind}")
    if kind == "svg" and target is None:
        _usage("--format svg draws the heatmap for one role: pass --target ROLE")
    ladder = _ladder(ladder_file)
    role = ladder.role(target) if target else None
    files = list(profile_files(paths))
    skipped: list[Skipped] = []

    def reads() -> Iterator[Member | Skipped]:
        """Each file as it is read, its problems reported on stderr on the way."""
        ticker = Ticker(len(files))
        try:
            months = stale_after_months(stale_after)
            for item, warnings in read_profiles(ladder, files, today(), months, jobs):
                ticker.advance()
                if isinstance(item, Skipped):
                    sys.stderr.write(item.error + "\n")
                    skipped.append(item)
                _warn(warnings)
                yield item
        finally:
            ticker.close()

    if kind == "jsonl":
        from pmoladder.render.json import team_stream

        line = team_stream(ladder, role)
        for item in reads():
            sys.stdout.write(line(item) + "\n")
    else:
        from pmoladder.team import team_view

        result = team_view(
            ladder,
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
        _emit("team", fmt, ladder, result)
    if skipped:
        raise typer.Exit(2)


@app.command()
def site(
    outdir: Annotated[str, typer.Argument(metavar="OUTDIR", help="Folder for the site.")],
    profiles: Annotated[
        Optional[list[str]],
        typer.Option(
            "--profile",
            "-p",
            metavar="PATH",
            show_default=False,
            help="Add a page with this person's gap and plan; a folder adds everyone in it. "
            "Repeatable. Without it the site holds nothing personal.",
        ),
    ] = None,
    stale_after: StaleAfter = None,
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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
    from pmoladder.subject import stale_after_months
    from pmoladder.team import Skipped
    from pmoladder.web.site import Page, build, person_page

    ladder = _ladder(ladder_file)
    pages: list[Page] = []
    taken: set[str] = set()
    for path in profile_files(profiles or []):
        if isinstance(path, Skipped):
            raise PmoError(path.error.removeprefix("pmoladder: error: "))
        person = load_profile(path, ladder)
        _warn(person.warnings)
        fresh = freshness(ladder, person, today(), stale_after_months(stale_after))
        pages.append(person_page(ladder, path, person, fresh, taken))
    count = build(ladder, outdir, pages)
    sys.stderr.write(f"wrote {count} pages to {outdir}; open {outdir}/index.html\n")


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="Where to write the profile.")] = "profile.yaml",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    schema_ref: Annotated[
        str,
        typer.Option(
            "--schema",
            metavar="REF",
            help="Schema path or URL for the editor modeline; a relative path that does not "
            "exist yet is written too.",
        ),
    ] = "profile.schema.json",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Write a starter profile listing every skill of the ladder, with comments on each
    field and a schema modeline so that editors complete and check it.

    ```
    pmoladder init
    pmoladder init people/alex.yaml --schema ../profile.schema.json
    ```
    """
    from pmoladder.starter import write_starter

    if path == "-":
        _usage("init writes a new profile file: give its path (default profile.yaml), not '-'")
    written = write_starter(_ladder(ladder_file), path, schema_ref, force)
    sys.stderr.write(f"wrote {' and '.join(written)}; next: edit it, then 'pmoladder gap'\n")


@app.command()
def progress(
    profile: ProfilePath = None,
    target: TargetRole = None,
    since_rev: Annotated[
        Optional[str],
        typer.Option(
            "--since",
            metavar="REV",
            show_default=False,
            help="Start at this revision (or date, such as 2026-07-01) instead of the "
            "first commit.",
        ),
    ] = None,
    fmt: Annotated[ProgressFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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

    ladder = _ladder(ladder_file)
    result = track(ladder, profile_path(profile), target, since_rev)
    for version, problem in result.skipped:
        sys.stderr.write(
            f"pmoladder: warning: skipped commit {version.commit[:7]} "
            f"({version.date[:10]}): {problem}\n"
        )
    _emit("progress", fmt, ladder, result)


@app.command()
def diff(
    old: Annotated[
        str, typer.Argument(help="A profile file, '-', or REV:PATH as git show takes it.")
    ],
    new: Annotated[str, typer.Argument(help="Likewise.")],
    target: Annotated[
        Optional[str],
        _role_option("--target", "-t", help="Also show the readiness change for this role."),
    ] = None,
    fmt: Annotated[DiffFormat, FORMAT] = "table",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
) -> None:
    """Compare two versions of a profile: skill levels, certifications, years, and the
    readiness change for a target.

    ```
    pmoladder diff HEAD~1:profile.yaml profile.yaml
    pmoladder diff alex-2025.yaml alex-2026.yaml --target director
    ```
    """
    from pmoladder.compare import profile_diff
    from pmoladder.history import read_spec
    from pmoladder.profile import person_from
    from pmoladder.yamlfile import parse

    ladder = _ladder(ladder_file)
    people = []
    for spec in (old, new):
        person = person_from(parse(*read_spec(spec)), ladder)
        _warn(person.warnings)
        people.append(person)
    role = ladder.role(target) if target else None
    _emit("diff", fmt, ladder, profile_diff(ladder, people[0], people[1], role))


@app.command()
def assess(
    profile: ProfilePath = None,
    target: TargetRole = None,
    every: Annotated[
        bool, typer.Option("--all", help="Ask about every skill of the ladder.")
    ] = False,
    only: Annotated[
        Optional[list[str]],
        typer.Option(
            "--skill",
            "-s",
            metavar="SKILL",
            show_default=False,
            autocompletion=_complete_skill,
            help="Ask about this skill only (id or name); repeat for more.",
        ),
    ] = None,
    evidence: Annotated[
        bool,
        typer.Option("--evidence/--no-evidence", help="Also ask for evidence after each level."),
    ] = True,
    blind: Annotated[
        bool,
        typer.Option("--blind", help="Hide the level the target needs, so it cannot anchor you."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Rewrite the profile even if read-only.")
    ] = False,
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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

    ladder = _ladder(ladder_file)
    path = profile_path(profile)
    if path == "-":
        _usage("assess updates the profile in place: give it a file, not '-'")
    text = ProfileText.open(path, force)
    person = text.person(ladder)
    _warn(person.warnings)
    role = None if every else (ladder.role(target) if target else person.target_role)
    skills = skills_to_assess(ladder, role, only or [])
    interview = Interview(len(skills))
    shown = None if blind else role
    ask = partial(interview.ask, ladder, skills, person, shown, Asker(), evidence)
    done = run(text, interview, today(), force, ask)
    sys.stderr.write(f"{done}; next: 'pmoladder gap'\n")


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(metavar="FILE", help="Profiles or ladders.")],
    kind: Annotated[
        Literal["auto", FileKind],
        typer.Option(
            "--kind", help="What the files are; auto tells a ladder from a profile by its content."
        ),
    ] = "auto",
    fmt: Annotated[ValidateFormat, FORMAT] = "text",
    ladder_file: LadderPath = None,
    no_color: NoColor = False,
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

    ladder = _ladder(ladder_file)
    reports = [check(path, ladder, None if kind == "auto" else kind) for path in files]
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
    kind: Annotated[SchemaKind, typer.Argument(help="A file kind or a result kind.")],
    no_color: NoColor = False,
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


# The commands about the ladder itself and the settings register themselves on `app`.
from pmoladder import cli_ladder  # noqa: E402, F401


def narrowed(args: Sequence[str]) -> typer.Typer:
    """`app` holding only the command that `args` run, when they name one.

    Typer builds every command's parser before it reads the arguments, and a run needs
    one: the others cost about 5% of it. Anything else (help, a typo, no command at all)
    gets the whole app, which lists or suggests commands."""
    import copy

    from typer.main import get_command_name

    given = [a for a in args if a != "--no-color"]  # the root's one option that goes on
    if not given or given[0].startswith("-"):
        return app
    commands = [
        c
        for c in app.registered_commands
        if c.callback and (c.name or get_command_name(c.callback.__name__)) == given[0]
    ]
    groups = [g for g in app.registered_groups if g.name == given[0]]
    if not commands and not groups:
        return app
    one = copy.copy(app)
    one.registered_commands, one.registered_groups = commands, groups
    return one
