"""`pmoladder team` at scale, against the floor of merely parsing the same files.

Generates N valid, varied profiles for the built-in ladder in nested folders, then times
`pmoladder team DIR --target director --format json` against one Python process that
only parses every file with libyaml's CSafeLoader. The two are run as whole processes,
interleaved, so machine noise hits both alike; the medians are reported, with their
ratio. Peak memory (max RSS) of `--format jsonl` is reported too: it should not grow
with N.

Wall time needs a quiet machine; the load average is printed before and after. On a busy
one, `--instructions` counts instead what each process executes under valgrind's
callgrind (one run each, `--jobs 1` so that the count is the work, not how it is spread
over cores): the totals, and per profile the difference between the two largest sizes.

    python benchmarks/team.py                    # N = 1,000 and 10,000, 7 rounds
    python benchmarks/team.py --sizes 1000 --rounds 15
    python benchmarks/team.py --instructions --sizes 1000 2000
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR = """
import os, sys, yaml
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        with open(os.path.join(folder, name), "rb") as handle:
            yaml.load(handle.read().decode("utf-8"), Loader=yaml.CSafeLoader)
"""
PER_FOLDER = 250


def ladder_ids() -> dict[str, list[str]]:
    import yaml

    data = yaml.load((ROOT / "data" / "ladder.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader)
    return {
        key: [entry["id"] for entry in data.get(key, [])]
        for key in ("skills", "certifications", "tools", "roles")
    } | {"levels": [entry["name"] for entry in data["scale"]]}


def profile(rng: random.Random, ids: dict[str, list[str]], n: int) -> str:
    """One plausible profile: a random share of the skills, in the forms people write."""
    lines = ["schema_version: 1", f"name: Person {n}"]
    roles = ids["roles"]
    current = rng.randrange(len(roles) - 1)
    lines.append(f"current_role: {roles[current]}")
    if rng.random() < 0.9:
        lines.append(f"target_role: {roles[rng.randrange(current + 1, len(roles))]}")
    years = rng.choice([rng.randint(0, 25), round(rng.random() * 20, 1)])
    lines.append(f"years_experience: {years}")
    lines.append("skills:")
    skills = ids["skills"]
    for skill in rng.sample(skills, rng.randint(len(skills) // 2, len(skills))):
        level = rng.randint(0, len(ids["levels"]) - 1)
        form = rng.random()
        if form < 0.6:
            lines.append(f"  {skill}: {level}")
        elif form < 0.75:
            lines.append(f"  {skill}: {ids['levels'][level].lower()}")
        else:
            day = f"20{rng.randint(22, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            lines.append(
                f'  {skill}: {{level: {level}, evidence: "Did thing {rng.randint(1, 999)}", '
                f"assessed: {day}}}"
            )
    lines.append("certifications:")
    for cert in rng.sample(ids["certifications"], rng.randint(0, 4)):
        if rng.random() < 0.5:
            lines.append(f"  - {cert}")
        else:
            earned = f"20{rng.randint(15, 26)}-0{rng.randint(1, 9)}-15"
            lines.append(f"  - {{id: {cert}, earned: {earned}}}")
    lines.append(f"tools: [{', '.join(rng.sample(ids['tools'], rng.randint(0, 3)))}]")
    return "\n".join(lines) + "\n"


def generate(folder: Path, count: int, seed: int = 12) -> None:
    rng = random.Random(seed)
    ids = ladder_ids()
    for n in range(count):
        sub = folder / f"unit-{n // PER_FOLDER:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"person-{n:05d}.yaml").write_text(profile(rng, ids, n), encoding="utf-8")


def timed(argv: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, reading processes included) and peak RSS
    (KiB, of the largest process) of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def counted(argv: list[str]) -> int:
    """The instructions one run executes, as callgrind counts them."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or found is None:
        sys.exit(f"failed: {' '.join(argv)}")
    return int(found.group(1))


def instructions(runs: dict[int, dict[str, list[str]]]) -> None:
    print(f"{'N':>6} {'floor G':>8} {'team G':>8} {'x floor':>8}")
    counts = {}
    for size, argvs in runs.items():
        floor, team = counted(argvs["floor"]), counted(argvs["team"] + ["--jobs", "1"])
        counts[size] = floor, team
        print(f"{size:>6} {floor / 1e9:>8.2f} {team / 1e9:>8.2f} {team / floor:>8.2f}", flush=True)
    if len(counts) > 1:
        small, large = sorted(counts)[-2:]
        extra = large - small
        floor = (counts[large][0] - counts[small][0]) / extra
        team = (counts[large][1] - counts[small][1]) / extra
        print(
            f"per profile: floor {floor / 1e6:.2f} M, team {team / 1e6:.2f} M, {team / floor:.2f}"
        )


def _median(samples: list[tuple[float, float, int]], field: int) -> float:
    return statistics.median(sample[field] for sample in samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    args = parser.parse_args()
    exe = shutil.which("pmoladder")
    if exe is None:
        sys.exit("pmoladder is not on PATH: install the project first (pip install .)")
    if args.instructions:
        with tempfile.TemporaryDirectory() as tmp:
            runs = {}
            for size in args.sizes:
                generate(Path(tmp) / str(size), size)
                runs[size] = _argvs(exe, Path(tmp) / str(size))
            instructions(runs)
        return
    print(f"load average {_load()}")
    print(
        f"{'N':>6} {'floor s':>8} {'team s':>8} {'x floor':>8} "
        f"{'floor cpu':>10} {'team cpu':>9} {'x floor':>8} {'jsonl MiB':>10}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            folder = Path(tmp) / str(size)
            generate(folder, size)
            runs = _argvs(exe, folder)
            for argv in runs.values():  # warm the file cache
                timed(argv)
            samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in runs}
            for _ in range(args.rounds):
                for name, argv in runs.items():
                    samples[name].append(timed(argv))

            floor, team = _median(samples["floor"], 0), _median(samples["team"], 0)
            floor_cpu, team_cpu = _median(samples["floor"], 1), _median(samples["team"], 1)
            print(
                f"{size:>6} {floor:>8.2f} {team:>8.2f} {team / floor:>8.2f} "
                f"{floor_cpu:>10.2f} {team_cpu:>9.2f} {team_cpu / floor_cpu:>8.2f} "
                f"{_median(samples['jsonl'], 2) / 1024:>10.1f}",
                flush=True,
            )
    print(f"load average {_load()}")


def _argvs(exe: str, folder: Path) -> dict[str, list[str]]:
    return {
        "floor": [sys.executable, "-c", FLOOR, str(folder)],
        "team": [exe, "team", str(folder), "--target", "director", "--format", "json"],
        "jsonl": [exe, "team", str(folder), "--format", "jsonl"],
    }


def _load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


if __name__ == "__main__":
    main()
