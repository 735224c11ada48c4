"""The console script: process-level concerns around the Typer app in `cli`."""

from __future__ import annotations

import os
import sys
from typing import NoReturn


def main() -> NoReturn:
    import gc

    # A short-lived process: cycle collection during the imports and the load costs more
    # than it could ever free.
    gc.disable()
    # Pydantic looks for plugins (observability hooks) by scanning every installed
    # package's metadata the first time it builds a validator; nothing here uses them.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        from pmoladder.cli import app

        code = app(standalone_mode=False)
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
        sys.stdout.flush()
    except BrokenPipeError:
        code = code or 1
    try:
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    os._exit(code)
