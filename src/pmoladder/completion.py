"""Tab completion of role and skill ids without starting the app.

A key press should cost a fraction of a command, but the app imports typer, and loading a
ladder imports pydantic. So each load of the ladder in use leaves a small index beside the
ladder cache: the ids to offer, and the files they were read from. A completion request
is answered from it when the request is one this module understands (a role or skill value
of a known command) and every file the index names is unchanged; anything else is left to
the app, whose answer is the same (tests compare them).

The index is data only: lists of ids, each checked to be a plain id (lowercase letters,
digits, hyphens) before it is printed, read only from the cache folder under its ownership
rules. It is keyed by what chooses the ladder (the environment and the settings files, as
they stand on disk) and by the code, so that another ladder in use simply misses.
Standard library only, and little of it: this runs on every key press.
"""

from __future__ import annotations

import json
import os
import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Any

    from pmoladder.ladder import Ladder

FORMAT = 1  # bump when the index's layout changes
VARIABLE = "_PMOLADDER_COMPLETE"
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# the modules that decide which ladder is in use and what it offers
_CODE = ("completion.py", "settings.py", "ladder.py", "overlay.py", "models.py")

# What each command completes: its options (and, under "", its argument) naming a role or a
# skill. tests/test_completion.py holds this to the options the app completes.
COMMANDS: dict[str, dict[str, str]] = {
    "role": {"": "roles"},
    "skills": {"": "skills"},
    "gap": {"--target": "roles", "-t": "roles", "--from": "roles"},
    "plan": {"--target": "roles", "-t": "roles", "--from": "roles"},
    "next": {"--from": "roles"},
    "match": {"--from": "roles"},
    "path": {"--to": "roles", "--from": "roles", "--via": "roles"},
    "team": {"--target": "roles", "-t": "roles"},
    "progress": {"--target": "roles", "-t": "roles"},
    "diff": {"--target": "roles", "-t": "roles"},
    "assess": {"--target": "roles", "-t": "roles", "--skill": "skills", "-s": "skills"},
}


def quick_answer(environ: Mapping[str, str]) -> tuple[str, int] | None:
    """What to print and the exit code, for a request the index can answer; else None."""
    request = _request(environ)
    if request is None:
        return None
    shell, kind, incomplete = request
    try:
        offered = _offered(environ)
    except OSError:  # the current folder is gone, say: the app says so
        return None
    if offered is None:
        return None
    found = [value for value in offered[kind] if value.startswith(incomplete)]
    if shell == "bash":
        return "\n".join(found) + "\n", 0
    if shell == "zsh":
        listed = "\n".join(f'"{value}"' for value in found)
        return (f"_arguments '*: :(({listed}))'\n" if found else "_files\n"), 0
    if environ.get("_TYPER_COMPLETE_FISH_ACTION") == "is-args":
        return "", 0 if found else 1
    return "\n".join(found) + "\n", 0


def _request(environ: Mapping[str, str]) -> tuple[str, str, str] | None:
    """(shell, "roles" or "skills", the word typed so far) for a request this module can
    answer exactly as the app would; None for any other."""
    shell = environ.get(VARIABLE, "").removeprefix("complete_")
    if shell == "bash":
        try:
            words = _split(environ["COMP_WORDS"])
            current = int(environ["COMP_CWORD"])
        except (KeyError, ValueError):
            return None
        if current < 1:
            return None
        args = words[1:current]
        incomplete = words[current] if 0 <= current < len(words) else ""
    elif shell in ("zsh", "fish"):
        line = environ.get("_TYPER_COMPLETE_ARGS", "")
        args = _split(line)[1:]
        incomplete = args.pop() if args and not line.endswith(" ") else ""
    else:
        return None
    options = COMMANDS.get(args[0]) if args else None
    # An option name being typed, `--opt=value`, `--` and `--ladder` (a ladder other than
    # the index's) are the app's to answer.
    if options is None or incomplete.startswith("-") or "--" in args:
        return None
    if any(arg == "--ladder" or arg.startswith("--ladder=") for arg in args):
        return None
    if len(args) > 1 and args[-1] in options and args[-1]:
        return shell, options[args[-1]], incomplete
    if len(args) == 1 and "" in options:
        return shell, options[""], incomplete
    return None


def _split(line: str) -> list[str]:
    """Words as the shell split them, an unfinished quote or escape kept as typed."""
    import shlex

    lex = shlex.shlex(line, posix=True)
    lex.whitespace_split = True
    lex.commenters = ""
    words: list[str] = []
    try:
        words.extend(lex)
    except ValueError:
        words.append(lex.token)
    return words


def _offered(environ: Mapping[str, str]) -> dict[str, list[str]] | None:
    """The index's ids, if it is there, trusted, well formed and still current."""
    from pmoladder import cache

    data = cache.read_entry(_name(environ))
    if data is None:
        return None
    try:
        index = json.loads(data)
        files = index["files"]
        if not files or not all(isinstance(f, list) and isinstance(f[0], str) for f in files):
            return None
        if files != _stamps(files):
            return None  # a ladder file changed since: the app reads it afresh
        offered = {kind: index[kind] for kind in ("roles", "skills")}
    except (ValueError, KeyError, IndexError, TypeError, OSError):
        return None
    for values in offered.values():
        if not isinstance(values, list) or not all(
            isinstance(v, str) and _ID.fullmatch(v) for v in values
        ):
            return None
    return offered


def _stamps(files: list[list[Any]]) -> list[list[Any]]:
    """Each file as [path, mtime in ns, size], as it stands now."""
    stamped = []
    for path, *_ in files:
        info = os.stat(path)
        stamped.append([path, info.st_mtime_ns, info.st_size])
    return stamped


def _name(environ: Mapping[str, str]) -> str:
    """The index's name: what chooses the ladder (when no --ladder is given) and the code."""
    from pmoladder import cache
    from pmoladder.places import project_file, user_file

    parts: list[Any] = [FORMAT, cache.code_stamp(_CODE)]
    chosen = environ.get("PMOLADDER_LADDER", "")
    parts += [chosen, os.getcwd() if chosen and not os.path.isabs(chosen) else ""]
    for path in (project_file() or "", user_file()):
        try:
            info = os.stat(path)
            parts += [path, info.st_mtime_ns, info.st_size]
        except OSError:
            parts += [path, None]
    return cache.entry_name("complete", json.dumps(parts))


def remember(flag: str | None, files: list[tuple[str, bytes]], ladder: Ladder) -> None:
    """After a load of the ladder in use, keep its ids for completion: only when the
    settings chose it (no --ladder), and only when the index says otherwise already."""
    from pmoladder import cache

    if flag or not all(os.path.isfile(name) for name, _ in files):
        return  # given by --ladder, or read from standard input
    try:
        stamps = _stamps([[os.path.abspath(name)] for name, _ in files])
    except OSError:
        return
    if any(size != len(raw) for (_, _, size), (_, raw) in zip(stamps, files, strict=True)):
        return  # changed since it was read: the next load will tell
    index = {"files": stamps, "roles": ladder.role_keys(), "skills": list(ladder.skills)}
    data = json.dumps(index, separators=(",", ":")).encode()
    name = _name(os.environ)
    if cache.read_entry(name) != data:
        cache.write_entry(name, data)
