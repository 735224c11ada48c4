"""Where the settings files are: the project's, found upwards from here, and the user's.

Standard library `os` only: tab completion looks for these on every key press.
"""

from __future__ import annotations

import os

PROJECT_FILE = ".pmoladder.yaml"


def project_file() -> str | None:
    """`.pmoladder.yaml` in the current folder or the nearest folder above it."""
    folder = os.getcwd()
    while True:
        found = os.path.join(folder, PROJECT_FILE)
        if os.path.isfile(found):
            return found
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def user_file() -> str:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(base, "pmoladder", "config.yaml")
