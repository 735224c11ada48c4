"""The console script: process-level concerns around the Typer app in `cli`."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # typing itself is not imported: a key press pays for every import
if TYPE_CHECKING:
    from typing import NoReturn


def main() -> NoReturn:
    import gc

    # A short-lived process: cycle collection during the imports and the load costs more
    # than it could ever free.
    gc.disable()
    # Pydantic looks for plugins (observability hooks) by scanning every installed
    # package's metadata the first time it builds a validator; nothing here uses them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if sys.stderr is None:  # `2>&-`: errors go nowhere, but the exit code still tells
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - kept for the whole run
    if sys.stdout is None:  # `>&-`: there is nowhere to put the results
        sys.stderr.write("pmoladder: error: standard output is closed\n")
        _exit(2)
    # A character the terminal's encoding cannot show (PYTHONIOENCODING=ascii, a file name
    # that is not UTF-8) is shown as an escape instead of failing the command.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    if "_PMOLADDER_COMPLETE" in os.environ and os.path.basename(sys.argv[0]) == "pmoladder":
        from pmoladder.completion import quick_answer

        answer = quick_answer(os.environ)  # a key press, answered without the app if it can
        if answer is not None:
            sys.stdout.write(answer[0])
            _exit(answer[1])
    try:
        from pmoladder.cli import narrowed

        code = narrowed(sys.argv[1:])(standalone_mode=False)
    except KeyboardInterrupt:  # before the app could catch it, during the imports
        sys.stderr.write("pmoladder: interrupted\n")
        code = 130
    except SystemExit as exc:  # shell completion and the app's own exit
        code = exc.code if isinstance(exc.code, int) else 0
    _exit(code)


def _exit(code: int) -> NoReturn:
    """Flush and leave without interpreter teardown, which costs more than most commands.

    A reader that went away (`| head -1`) ends us quietly with 1. Nothing needs teardown:
    every file the commands write is closed before they return.
    """
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        code = code or 1
    except OSError as exc:  # a full disk, a quota, an I/O error
        sys.stderr.write(f"pmoladder: error: cannot write the output: {exc.strerror or exc}\n")
        code = 2
    try:
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
