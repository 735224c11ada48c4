"""What each command does not import: start-up cost is paid on every script call and key
press, so heavy modules load only for the commands that use them. Each command runs as the
installed script under `python -X importtime`, which lists every module it imports."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from installed import EXE, installed

ROOT = Path(__file__).resolve().parents[1]
PROFILE = str(ROOT / "examples" / "profile.yaml")

pytestmark = installed

COMPLETE_ROLE = {
    "_PMOLADDER_COMPLETE": "complete_bash",
    "COMP_WORDS": "pmoladder gap --target d",
    "COMP_CWORD": "3",
}
ANYTHING_HEAVY = {"typer", "pydantic", "rich", "yaml", "ruamel", "jinja2"}

CASES = [
    # (id, arguments, environment, modules it must not import)
    # a ladder found in the cache has no YAML to parse, and no profile to read
    ("roles-json", ["roles", "-f", "json"], {}, {"rich", "yaml", "pmoladder.profile"}),
    ("roles", ["roles"], {}, {"yaml", "pmoladder.profile", "pmoladder.plan"}),
    ("path-json", ["path", "--from", "pm", "--to", "cpo", "-f", "json"], {}, {"rich", "yaml"}),
    ("gap-json", ["gap", "-p", PROFILE, "-f", "json"], {}, {"rich", "jinja2", "ruamel"}),
    ("next-json", ["next", "-p", PROFILE, "-f", "json"], {}, {"rich"}),
    ("plan-json", ["plan", "-p", PROFILE, "-f", "json"], {}, {"rich", "jinja2"}),
    ("validate", ["validate", PROFILE], {}, {"rich", "ruamel", "jinja2"}),
    ("version", ["--version"], {}, ANYTHING_HEAVY - {"typer"}),
    ("complete-role", [], COMPLETE_ROLE, ANYTHING_HEAVY),
]


def imported(args: list[str], env: dict[str, str], cwd: Path) -> set[str]:
    """Every module the command imported, top-level package names included."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", EXE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, **env},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = set()
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            name = line.rsplit("|", 1)[1].strip()
            names |= {name, name.split(".")[0]}
    assert names, "no import was listed"
    return names


@pytest.mark.parametrize(
    ("args", "env", "banned"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_commands_import_only_what_they_need(args, env, banned, tmp_path):
    imported(["roles", "-f", "json"], {}, tmp_path)  # the ladder cache and completion index
    found = imported(args, env, tmp_path)
    assert "pmoladder" in found
    assert not banned & found, sorted(banned & found)


def test_the_check_sees_what_a_table_imports(tmp_path):
    """The same check on a table, which needs Rich: it would catch an import."""
    assert "rich" in imported(["roles"], {}, tmp_path)


def test_the_check_sees_a_ladder_parsed(tmp_path):
    """Without the cache the ladder is parsed: the check above would catch YAML imported."""
    assert "yaml" in imported(["roles", "-f", "json"], {"PMOLADDER_CACHE_DIR": ""}, tmp_path)


def test_completion_without_its_index_asks_the_app(tmp_path):
    found = imported([], {**COMPLETE_ROLE, "PMOLADDER_CACHE_DIR": ""}, tmp_path)
    assert {"typer", "pydantic"} <= found


def test_a_profile_read_before_is_not_parsed_again(tmp_path):
    gap = ["gap", "-p", PROFILE, "-f", "json"]
    assert "yaml" in imported(gap, {}, tmp_path)  # the first run parses it
    assert "yaml" not in imported(gap, {}, tmp_path)
