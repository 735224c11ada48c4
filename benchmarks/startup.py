"""Start-up cost of pmoladder against the bare import of its dependencies.

Runs each command as a whole process, interleaved with the baseline so that machine noise
hits both alike, and prints the median wall time and CPU time (user + system) of each,
with their ratio to the baseline. The ladder cache is warm after the first run, as it is
for anyone who has run pmoladder once; the "no cache" row shows a first run.

    python benchmarks/startup.py            # 30 rounds
    python benchmarks/startup.py --rounds 60
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import typer, rich.table, yaml; from pydantic import BaseModel"]


def commands() -> dict[str, list[str]]:
    exe = shutil.which("pmoladder")
    if exe is None:
        sys.exit("pmoladder is not on PATH: install the project first (pip install .)")
    profile = str(ROOT / "examples" / "profile.yaml")
    return {
        "roles --format json": [exe, "roles", "--format", "json"],
        "gap --format json": [exe, "gap", "--profile", profile, "--format", "json"],
        "gap --format json, no cache": [
            "env",
            "PMOLADDER_CACHE_DIR=",
            exe,
            "gap",
            "--profile",
            profile,
            "--format",
            "json",
        ],
        "gap (table)": [exe, "gap", "--profile", profile],
        "--help": [exe, "--help"],
    }


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "100"},
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    cmds = commands()
    samples: dict[str, list[tuple[float, float]]] = {"baseline": [], **{n: [] for n in cmds}}
    for argv in [BASELINE, *cmds.values()]:  # warm the file cache
        timed(argv)
    for _ in range(args.rounds):
        samples["baseline"].append(timed(BASELINE))
        for name, argv in cmds.items():
            samples[name].append(timed(argv))

    def medians(name: str) -> tuple[float, float]:
        return tuple(statistics.median(v[i] for v in samples[name]) for i in (0, 1))

    base_wall, base_cpu = medians("baseline")
    print(f"{'command':<28} {'wall ms':>8} {'x base':>7} {'cpu ms':>8} {'x base':>7}")
    for name in samples:
        wall, cpu = medians(name)
        print(
            f"{name:<28} {wall * 1000:>8.1f} {wall / base_wall:>7.2f} "
            f"{cpu * 1000:>8.1f} {cpu / base_cpu:>7.2f}"
        )


if __name__ == "__main__":
    main()
