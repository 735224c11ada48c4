"""The installed `pmoladder` entry point, and running it with its own cost measured.

The command under test is the one this interpreter's environment installed, never whatever
`pmoladder` comes first on PATH. Its cost is read from the kernel's account of that one
process (CPU seconds and peak memory), so a busy machine makes a run slower, not red.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import sysconfig
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

EXE = str(Path(sysconfig.get_path("scripts")) / "pmoladder")
installed = pytest.mark.skipif(
    not os.access(EXE, os.X_OK), reason="pmoladder is not installed in this environment"
)

# A process's peak memory starts at that of the process it was forked from, and a test run
# grows to hundreds of megabytes. So a small interpreter forks the command and reaps it with
# wait4, which gives that one child's usage: its peak is the command's own (or the small
# interpreter's, a few megabytes), whatever the test run holds.
_REAPER = """
import json, os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as out:
    json.dump([os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime,
               usage.ru_maxrss], out)
"""


@dataclass
class Measured:
    returncode: int
    stdout: bytes
    stderr: bytes
    cpu_seconds: float  # user + system time of the command's process
    max_rss_kb: int  # its peak resident memory


def run_measured(*args: str, cwd: str | Path, input: bytes = b"", timeout: float = 60) -> Measured:
    """Run the installed command in `cwd` with `input` on its standard input."""
    with tempfile.TemporaryDirectory() as tmp:
        usage = Path(tmp) / "usage.json"
        proc = subprocess.Popen(
            [sys.executable, "-I", "-S", "-c", _REAPER, str(usage), EXE, *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            start_new_session=True,  # a timeout ends the command with its reaper
        )
        try:
            out, err = proc.communicate(input, timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise
        assert proc.returncode == 0, err
        returncode, cpu, rss = json.loads(usage.read_text())
        return Measured(returncode, out, err, cpu, rss)
