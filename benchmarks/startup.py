"""What each command costs against its floor: the least any program doing its job must pay.

The floor of most commands is the bare import of pmoladder's dependencies. A command that
reads a large ladder has that plus a libyaml parse of it; `progress` has that plus one
Python process running the same git calls and parsing the same versions. The data is made
here: a generated ladder of about 500 KB and a profile with a 2,000-commit git history.

Two ways to measure:

- wall and CPU time (default): each command as a whole process, interleaved with its
  floor so that machine noise hits both alike; medians. Needs a quiet machine.
- instructions (`--instructions`): each process once under valgrind's callgrind, which
  counts the instructions it runs; a busy machine does not change the count. Child
  processes (git) are not counted, for the command or for its floor.

The ladder cache is warm after the first run, as it is for anyone who has run pmoladder
once; "no cache" rows show a first run. `progress` rendering is the share of its run that
goes away when the table is not rendered.

    python benchmarks/startup.py                   # 20 rounds of wall time
    python benchmarks/startup.py --instructions    # one counted run each (slow: minutes)
    python benchmarks/startup.py --only progress   # the rows whose name has this
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROFILE = str(ROOT / "examples" / "profile.yaml")
DEPS = "import typer, rich.table, yaml; from pydantic import BaseModel"
COMMITS = 2000

# The floor of a command reading a large ladder: the imports plus a libyaml parse of it.
PARSE = DEPS + "\nyaml.load(open({path!r}, 'rb').read(), Loader=yaml.CSafeLoader)"

# The floor of `progress`: the same git calls (as pmoladder.history makes them), and a
# libyaml parse of every version read.
HISTORY = (
    DEPS
    + """
import subprocess
def git(*args, stdin=None):
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd={top!r},
                          input=stdin, capture_output=True, check=True).stdout
git("rev-parse", "--show-toplevel")
out = git("log", "-z", "--follow", "--format=%x1e%H%x00%cI", "--name-only", "--",
          "profile.yaml")
specs = b"".join(r.split(b"\\0", 1)[0] + b":profile.yaml\\n" for r in out.split(b"\\x1e")[1:])
sizes = git("cat-file", "--batch-check", stdin=specs)
blobs, at = git("cat-file", "--batch", stdin=specs), 0
while at < len(blobs):
    end = blobs.index(b"\\n", at)
    size = int(blobs[at:end].rsplit(b" ", 1)[1])
    yaml.load(blobs[end + 1 : end + 1 + size], Loader=yaml.CSafeLoader)
    at = end + 1 + size + 1
"""
)

# What Typer itself costs a command: an app that parses the options `gap` takes (typer
# builds a validator for each) and prints "{}". Not a floor any row is measured against:
# it shows how near a Typer program can come to the bare imports.
TYPER_APP = (
    DEPS
    + """
import os
from typing import Annotated, Literal, Optional
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
app = typer.Typer()
@app.callback()
def main() -> None:
    pass
@app.command()
def gap(
    target: Annotated[Optional[str], typer.Option("--target", "-t")] = None,
    profile: Annotated[Optional[str], typer.Option("--profile", "-p")] = None,
    from_role: Annotated[Optional[str], typer.Option("--from")] = None,
    check: Annotated[bool, typer.Option("--check")] = False,
    stale_after: Annotated[Optional[int], typer.Option("--stale-after", min=1)] = None,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", "-f")] = "table",
    ladder_file: Annotated[Optional[str], typer.Option("--ladder")] = None,
    no_color: Annotated[bool, typer.Option("--no-color")] = False,
) -> None:
    print("{}")
app()
"""
)

# Runs the console script in this process; with "skip", results are not rendered, so
# that the difference is what rendering costs.
DRIVER = """
import sys
mode, *sys.argv = sys.argv[1:]
if mode == "skip":
    import pmoladder.render
    pmoladder.render.emit = lambda *args, **kwargs: None
from pmoladder.console import main
main()
"""


@dataclass
class Row:
    name: str
    argv: list[str]
    floor: str  # the name of the row it is measured against
    goal: str = ""
    env: dict[str, str] = field(default_factory=dict)
    share: bool = False  # the figure is 1 - this / floor: the share the floor saves


def rows(data: Path) -> list[Row]:
    exe = shutil.which("pmoladder")
    if exe is None:
        sys.exit("pmoladder is not on PATH: install the project first (pip install .)")
    py = sys.executable
    big, history = str(data / "big-ladder.yaml"), str(data / "history" / "profile.yaml")
    cold = {"PMOLADDER_CACHE_DIR": ""}
    complete = {
        "_PMOLADDER_COMPLETE": "complete_bash",
        "COMP_WORDS": "pmoladder gap --target d",
        "COMP_CWORD": "3",
    }
    gap = ["gap", "--profile", PROFILE]
    tables = {
        "roles": ["roles"],
        "gap": gap,
        "next": ["next", "--profile", PROFILE],
        "match": ["match", "--profile", PROFILE],
        "plan": ["plan", "--profile", PROFILE],
        "path": ["path", "--profile", PROFILE],
    }
    progress = ["progress", "--profile", history, "--target", "director"]
    found = [
        Row("floor: imports", [py, "-c", DEPS], ""),
        Row(
            "a Typer app: gap's options, no work",
            [py, "-c", TYPER_APP, *gap, "-f", "json"],
            "floor: imports",
        ),
        Row("roles --format json", [exe, "roles", "-f", "json"], "floor: imports", "1.05"),
        Row(
            "roles --format json, no cache",
            [exe, "roles", "-f", "json"],
            "floor: imports",
            "1.10",
            cold,
        ),
        Row("gap --format json", [exe, *gap, "-f", "json"], "floor: imports", "1.05"),
        Row(
            "gap --format json, no cache", [exe, *gap, "-f", "json"], "floor: imports", "1.10", cold
        ),
    ]
    for name, args in tables.items():
        found.append(Row(f"{name} (table)", [exe, *args], "floor: imports", "1.10"))
    for name, args in tables.items():
        found.append(Row(f"{name} (table), no cache", [exe, *args], "floor: imports", "1.15", cold))
    found += [
        Row("completion: gap --target d<TAB>", [exe], "floor: imports", "0.30", complete),
        Row("floor: imports + parse 500 KB", [py, "-c", PARSE.format(path=big)], ""),
        Row("validate 500 KB ladder", [exe, "validate", big], "floor: imports + parse 500 KB",
            "1.10"),
        Row("roles --ladder 500 KB, no cache", [exe, "roles", "--ladder", big],
            "floor: imports + parse 500 KB", "1.10", cold),
        Row("floor: git + parse 2,000 versions",
            [py, "-c", HISTORY.format(top=str(data / "history"))], ""),
        Row("progress -f json, 2,000 commits", [exe, *progress, "-f", "json"],
            "floor: git + parse 2,000 versions", "1.30"),
        Row("progress (table), not rendered", [py, "-c", DRIVER, "skip", "pmoladder",
            *progress], ""),
        Row("progress (table): rendering share", [py, "-c", DRIVER, "run", "pmoladder",
            *progress], "progress (table), not rendered", "10%", share=True),
    ]  # fmt: skip
    return found


def make_data(folder: Path) -> None:
    """The large ladder and the profile's history."""
    import yaml

    (folder / "big-ladder.yaml").write_text(
        yaml.safe_dump(big_ladder(), sort_keys=False, default_flow_style=None, width=100)
    )
    repo = folder / "history"
    repo.mkdir()
    git = ["git", "-c", "init.defaultBranch=main"]
    subprocess.run([*git, "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "fast-import", "--quiet"], cwd=repo, input=history_stream(), check=True)
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)


def big_ladder() -> dict:
    """A ladder of about 500 KB: 400 skills described at every level, 40 roles."""
    words = "plans leads reviews agrees reports tracks escalates coaches measures".split()

    def sentence(n: int) -> str:
        return " ".join(words[(n * k) % len(words)] for k in range(1, 14)).capitalize() + "."

    skills = [
        {
            "id": f"skill-{i:03d}",
            "name": f"Skill {i:03d}",
            "category": f"area-{i % 8}",
            "description": sentence(i),
            "levels": {n: f"{sentence(i + n)} {sentence(i * n)}" for n in range(1, 5)},
        }
        for i in range(400)
    ]
    roles = []
    for r in range(40):
        roles.append(
            {
                "id": f"role-{r:02d}",
                "name": f"Role {r:02d}",
                "aliases": [f"r{r:02d}"],
                "summary": sentence(r),
                "responsibilities": [sentence(r + k) for k in range(5)],
                "min_years": r // 4,
                "next": [f"role-{r + 1:02d}"] if r < 39 else [],
                "skills": {f"skill-{(r * 7 + k) % 400:03d}": 1 + (r + k) % 4 for k in range(60)},
                "tools": [f"tool-{(r * 3 + t) % 200:03d}" for t in range(12)],
            }
        )
    return {
        "schema_version": 1,
        "name": "A generated ladder",
        "scale": [{"level": n, "name": f"Level {n}"} for n in range(5)],
        "categories": [{"id": f"area-{n}", "name": f"Area {n}"} for n in range(8)],
        "skills": skills,
        "tools": [{"id": f"tool-{t:03d}", "name": f"Tool {t:03d}"} for t in range(200)],
        "roles": roles,
    }


def history_stream() -> bytes:
    """A `git fast-import` stream: the example profile, one rating changed per commit."""
    base = Path(PROFILE).read_text()
    skills = re.findall(r"^  ([a-z-]+): \d\s*$", base, re.M)
    out = []
    for n in range(COMMITS):
        skill = skills[n % len(skills)]
        text = re.sub(rf"^  {skill}: \d", f"  {skill}: {1 + n % 4}", base, flags=re.M)
        blob = text.encode()
        stamp = 1_700_000_000 + n * 3600
        message = f"rate {skill}".encode()
        out += [
            b"commit refs/heads/main\n",
            f"committer A <a@example.org> {stamp} +0000\n".encode(),
            f"data {len(message)}\n".encode() + message + b"\n",
            f"M 644 inline profile.yaml\ndata {len(blob)}\n".encode() + blob + b"\n",
        ]
    return b"".join(out)


def environment(row: Row, home: Path) -> dict[str, str]:
    """Each run alike: a terminal 100 columns wide, the cache in a folder of our own."""
    cache = home / "cache"
    cache.mkdir(mode=0o700, exist_ok=True)
    return {
        **os.environ,
        "COLUMNS": "100",
        "PMOLADDER_CACHE_DIR": str(cache),
        "PYTHONHASHSEED": "0",
        **row.env,
    }


def timed(row: Row, home: Path) -> tuple[float, float]:
    """Wall and CPU (user + system, the command's own and its children's) seconds."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        row.argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=environment(row, home),
    )
    stderr = proc.stderr.read()  # type: ignore[union-attr]
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    _check(row, os.waitstatus_to_exitcode(status), stderr)
    return wall, usage.ru_utime + usage.ru_stime


def counted(row: Row, home: Path) -> float:
    """The instructions one run executes, as callgrind counts them."""
    argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *row.argv]
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment(row, home)
    )
    _check(row, done.returncode, done.stderr)
    found = re.search(rb"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"{row.name}: no count in valgrind's output")
    return float(found.group(1))


def _check(row: Row, code: int, stderr: bytes) -> None:
    if code != 0:
        sys.exit(f"{row.name} failed ({code}): {stderr.decode(errors='replace')[-2000:]}")


def measure(
    chosen: list[Row], home: Path, rounds: int, instructions: bool, jobs: int
) -> dict[str, dict[str, float]]:
    """Per row, each measure: its instruction count, or its median wall and CPU time."""
    for row in chosen:  # fill the ladder cache and the file cache
        timed(row, home)
    if instructions:
        with ThreadPoolExecutor(jobs) as pool:
            counts = pool.map(lambda r: counted(r, home), chosen)
            return {r.name: {"M instr": n / 1e6} for r, n in zip(chosen, counts, strict=True)}
    samples: dict[str, list[tuple[float, float]]] = {row.name: [] for row in chosen}
    for _ in range(rounds):
        for row in chosen:
            samples[row.name].append(timed(row, home))
    return {
        name: {
            "wall ms": statistics.median(w for w, _ in runs) * 1000,
            "cpu ms": statistics.median(c for _, c in runs) * 1000,
        }
        for name, runs in samples.items()
    }


def report(chosen: list[Row], figures: dict[str, dict[str, float]]) -> None:
    """One table: each measure and its ratio to the row's floor, and the goal."""
    measures = list(figures[chosen[0].name])
    print(f"{'command':<38}" + "".join(f" {m:>9} {'x floor':>7}" for m in measures) + "   goal")
    for row in chosen:
        line = f"{row.name:<38}"
        for m in measures:
            figure, floor = figures[row.name][m], figures.get(row.floor, {}).get(m)
            if floor is None:
                ratio = ""
            elif row.share:
                ratio = f"{1 - floor / figure:.0%}"
            else:
                ratio = f"{figure / floor:.2f}"
            line += f" {figure:>9,.1f} {ratio:>7}"
        print(f"{line} {row.goal:>6}")


def compiled() -> None:
    """Bytecode for pmoladder's modules, as a wheel's install writes it. Without it (an
    editable install run under PYTHONDONTWRITEBYTECODE) every run would compile every
    module it imports, and measure that instead."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("pmoladder")
    if spec is None or spec.origin is None:
        sys.exit("pmoladder is not installed: install the project first (pip install .)")
    compileall.compile_dir(os.path.dirname(spec.origin), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="wall-time rounds")
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    parser.add_argument("--jobs", type=int, default=1, help="counted runs at once")
    parser.add_argument("--only", default="", help="only rows whose name has this (and floors)")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind")
    compiled()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        make_data(home)
        every = rows(home)
        wanted = {r.name for r in every if args.only in r.name}
        wanted |= {r.floor for r in every if r.name in wanted and r.floor}
        chosen = [r for r in every if r.name in wanted]
        figures = measure(chosen, home, args.rounds, args.instructions, args.jobs)
    report(chosen, figures)


if __name__ == "__main__":
    main()
