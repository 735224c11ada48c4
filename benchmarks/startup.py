"""Start-up cost of pmoladder against the bare import of its dependencies.

Runs each command as a whole process, interleaved with the baseline so that machine
noise hits both alike, and prints the median wall time of each and their ratio.

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
        "gap (table)": [exe, "gap", "--profile", profile],
        "--help": [exe, "--help"],
    }


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        env={**os.environ, "COLUMNS": "100"},
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    cmds = commands()
    samples: dict[str, list[float]] = {"baseline": [], **{name: [] for name in cmds}}
    for argv in [BASELINE, *cmds.values()]:  # warm the file cache
        timed(argv)
    for _ in range(args.rounds):
        samples["baseline"].append(timed(BASELINE))
        for name, argv in cmds.items():
            samples[name].append(timed(argv))
    base = statistics.median(samples["baseline"])
    print(f"{'command':<22} {'median ms':>10} {'x baseline':>11}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:<22} {median * 1000:>10.1f} {median / base:>11.2f}")


if __name__ == "__main__":
    main()
