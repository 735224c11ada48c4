"""The installed `pmoladder` command, run as a user or a script would run it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from installed import EXE, installed

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "profile.yaml")

pytestmark = installed


def pmoladder(
    *args: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [EXE, *args],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


def test_built_in_ladder_ships_inside_the_package(tmp_path):
    result = pmoladder("roles", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["roles"][-1]["id"] == "cpo"


def test_python_dash_m_runs_the_same_app():
    result = subprocess.run(
        [sys.executable, "-m", "pmoladder", "--version"], capture_output=True, text=True, timeout=30
    )
    assert result.returncode == 0 and result.stdout.startswith("pmoladder ")


def test_quick_start_gap_runs_on_the_example_profile():
    result = pmoladder("gap", "--profile", EXAMPLE)
    assert result.returncode == 0 and "Readiness" in result.stdout and result.stderr == ""


def test_errors_are_one_line_with_exit_2_and_no_traceback(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("skills:\n  leadership: yes\n")
    result = pmoladder("gap", "--profile", str(bad), "--target", "pm")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith(f"{bad}:2:15: ")
    assert "Traceback" not in result.stderr


def test_usage_errors_are_one_line_with_exit_2():
    result = pmoladder("gap", "--nope")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "no option --nope" in result.stderr


@pytest.mark.parametrize(
    ("args", "env"),
    [(["--no-color"], {"FORCE_COLOR": "1"}), ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}), ([], {})],
)
def test_no_escapes_when_asked_or_piped(args, env):
    result = pmoladder("gap", "--profile", EXAMPLE, *args, env=env)
    assert result.returncode == 0 and "\x1b" not in result.stdout


def test_colour_when_forced_proves_the_check_above_can_fail():
    result = pmoladder("gap", "--profile", EXAMPLE, env={"FORCE_COLOR": "1"})
    assert "\x1b[" in result.stdout


def test_closed_pipe_exits_quietly():
    shell = f"'{EXE}' roles --format csv | head -1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, timeout=30)
    assert result.stdout == "id,name,tier,min_years,next\n"
    assert result.stderr == "" and result.returncode in (0, 1)


def test_interrupt_is_one_line_and_exit_130():
    proc = subprocess.Popen(
        [EXE, "gap", "--profile", "-", "--target", "pm"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    _wait_until_reading_a_pipe(proc.pid)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err == "pmoladder: interrupted\n"


def _wait_until_reading_a_pipe(pid: int) -> None:
    """Until the command blocks on standard input: a signal sent while Python is still
    starting up would test the interpreter, not the command. Without /proc, a pause."""
    wchan = Path(f"/proc/{pid}/wchan")
    if not wchan.exists():
        time.sleep(1.0)
        return
    deadline = time.monotonic() + 60
    while not wchan.read_text().endswith("pipe_read") and time.monotonic() < deadline:
        time.sleep(0.02)


def test_shell_completion_offers_role_ids():
    env = {
        "COMP_WORDS": "pmoladder gap --target dir",
        "COMP_CWORD": "3",
        "_PMOLADDER_COMPLETE": "complete_bash",
    }
    result = pmoladder(env=env)
    assert result.returncode == 0 and "director" in result.stdout.split()


# Streams and encodings the command cannot choose: (id, shell line, exit code, on stderr).
STREAM_CASES = [
    ("full-disk-table", "pmoladder roles > /dev/full", 2, "cannot write the output"),
    ("full-disk-json", "pmoladder roles -f json > /dev/full", 2, "cannot write the output"),
    ("stdout-closed", "pmoladder roles >&-", 2, "standard output is closed"),
    ("stderr-closed-on-error", "pmoladder gap --check -p nowhere.yaml -t pm 2>&-", 2, ""),
    ("ascii-terminal", "COLUMNS=60 PYTHONIOENCODING=ascii pmoladder skills > /dev/null", 0, ""),
    ("latin-1-terminal", "COLUMNS=60 PYTHONIOENCODING=latin-1 pmoladder skills > /dev/null", 0, ""),
    (
        "name-not-utf-8-in-team",
        "printf 'target_role: pm\\n' > \"$(printf 'caf\\351.yaml')\"; pmoladder team . > /dev/null",
        0,
        "",
    ),
    (
        "name-not-utf-8",
        "printf 'skills: {leadership: 9}\\n' > \"$(printf 'caf\\351.yaml')\"; "
        "pmoladder validate caf*.yaml",
        1,
        "caf\\udce9.yaml:1:22: skills.leadership: level 9 is outside",
    ),
]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("line", "code", "expected"), [c[1:] for c in STREAM_CASES], ids=[c[0] for c in STREAM_CASES]
)
def test_streams_and_encodings_get_a_clear_answer(tmp_path, line, code, expected):
    env = {**os.environ, "PATH": f"{Path(EXE).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", line], cwd=tmp_path, capture_output=True, env=env, timeout=60
    )
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == code, err
    assert "Traceback" not in err and err.count("\n") <= 1
    assert expected in err
