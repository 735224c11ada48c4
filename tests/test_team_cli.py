"""`pmoladder team` through the CLI: folders, formats, bench, shortages, privacy, streaming."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import FIXTURES, golden
from typer.testing import CliRunner

from pmoladder.cli import app

MINI = str(FIXTURES / "mini-ladder.yaml")
NAMES = ["Ana Silva", "Ben Okafor", "Chen Li", "Dana | Ortiz"]


def run(*args: str, **env: str):
    return CliRunner().invoke(app, ["team", *args], env=env or None)


@pytest.fixture
def team_dir(tmp_path):
    """The fixture team copied under the test's folder, named by a relative path."""
    shutil.copytree(FIXTURES / "team", tmp_path / "team")
    return "team"


def test_a_folder_each_person_against_their_own_target(team_dir):
    result = run(team_dir, "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["target"] is None and "skills" not in data
    people = [(p["name"], p["target"]["id"], p["readiness"]) for p in data["people"]]
    assert people == [
        ("Ana Silva", "director", 0.933),
        ("Ben Okafor", "program-manager", 0.377),
        ("Dana | Ortiz", "director", 0.367),
    ]
    assert [p["path"] for p in data["no_target"]] == ["team/delivery/chen.yaml"]
    assert data["no_target"][0]["target"] is None and data["skipped"] == []


def test_json_people_carry_gaps_and_freshness(team_dir):
    data = json.loads(run(team_dir, "--target", "director", "-f", "json").stdout)
    ana = data["people"][0]
    assert ana["path"] == "team/ana.yaml" and ana["ready"] is False
    assert ana["gaps"] == {
        "leadership": 1,
        "governance": 1,
        "pm-tools": 1,
        "strategic-thinking": 1,
        "benefits-realisation": 1,
    }
    assert ana["stale"] == [{"id": "leadership", "on": "2025-01-10"}]
    assert ana["expiring"] == [{"id": "pgmp", "on": "2026-12-31"}]
    ben = next(p for p in data["people"] if p["name"] == "Ben Okafor")
    assert ben["expired"] == [{"id": "pmp", "on": "2024-06-01"}]
    chen = next(p for p in data["people"] if p["name"] == "Chen Li")
    assert chen["missing_required"] == [] and chen["missing_required_any"][0][0] == "pmp"


def test_json_skills_with_who_for_single_points_of_failure(team_dir):
    skills = json.loads(run(team_dir, "--target", "director", "-f", "json").stdout)["skills"]
    first = skills[0]
    assert first == {
        "id": "leadership",
        "name": "Team Leadership",
        "required": 5,
        "average": 2.75,
        "meeting": 0,
        "below": 4,
        "who": [],
    }
    governance = next(s for s in skills if s["id"] == "governance")
    assert (governance["meeting"], governance["who"]) == (1, ["team/delivery/dana.yaml"])
    assert all(s["who"] is None for s in skills if s["meeting"] > 1)
    assert [s["meeting"] for s in skills] == sorted(s["meeting"] for s in skills)


def test_a_broken_profile_is_skipped_after_the_full_report(team_dir, tmp_path):
    (tmp_path / "team" / "zed.yaml").write_text("skills: {plan: 1}\n", encoding="utf-8")
    result = run(team_dir, "--target", "director", "-f", "json")
    assert result.exit_code == 2
    assert result.stderr.startswith("team/zed.yaml:1:10: skills.plan: unknown skill 'plan'")
    data = json.loads(result.stdout)
    assert len(data["people"]) == 4
    assert data["skipped"] == [{"path": "team/zed.yaml", "error": result.stderr.strip()}]


def test_a_missing_path_is_skipped_too(team_dir):
    result = run(team_dir, "nowhere.yaml", "-f", "json")
    assert result.exit_code == 2 and "nowhere.yaml: no such file" in result.stderr
    assert json.loads(result.stdout)["skipped"][0]["path"] == "nowhere.yaml"


def test_no_profiles_at_all_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("empty")
    assert result.exit_code == 2 and "no profiles found" in result.stderr


def test_bench_lists_paths_for_every_role(team_dir, builtin):
    data = json.loads(run(team_dir, "--bench", "--within", "0.75", "-f", "json").stdout)
    bench = {b["role"]["id"]: b for b in data["bench"]}
    assert list(bench) == list(builtin.roles)  # every role, lowest first
    assert bench["director"] == {
        "role": {"id": "director", "name": "Director of PMO"},
        "ready_now": [],
        "ready_soon": ["team/ana.yaml"],
    }
    assert bench["pm"]["ready_now"] == ["team/ana.yaml"]
    strict = json.loads(run(team_dir, "--bench", "--within", "0.95", "-f", "json").stdout)
    strict_bench = {b["role"]["id"]: b for b in strict["bench"]}
    assert strict_bench["director"]["ready_soon"] == []


def test_shortages_in_json(team_dir):
    data = json.loads(run(team_dir, "--target", "director", "-f", "json").stdout)
    top = data["shortages"][0]
    assert top == {"id": "leadership", "name": "Team Leadership", "weighted_gap": 18, "short": 4}
    gaps = [s["weighted_gap"] for s in data["shortages"]]
    assert gaps == sorted(gaps, reverse=True)
    assert data["steps"][0]["people"] == 4


def test_anonymous_names_nobody_anywhere(team_dir, tmp_path):
    for n in range(2):
        (tmp_path / "team" / f"extra{n}.yaml").write_text(
            f"name: Extra Person {n}\ntarget_role: pm\n", encoding="utf-8"
        )
    for fmt in ("json", "table", "markdown", "csv", "svg"):
        args = [team_dir, "--anonymous", "-f", fmt, "--target", "director"]
        result = run(*args, *(["--bench", "--shortages"] if fmt != "csv" and fmt != "svg" else []))
        assert result.exit_code == 0, (fmt, result.stderr)
        for secret in [*NAMES, "Extra Person", "team/", ".yaml", "Dana"]:
            assert secret not in result.stdout, (fmt, secret)
    data = json.loads(run(team_dir, "--anonymous", "--bench", "-f", "json").stdout)
    assert [p["person"] for p in data["people"] + data["no_target"]] == [
        "#1",
        "#2",
        "#3",
        "#4",
        "#5",
        "#6",
    ]
    assert all(isinstance(b["ready_now"], int) for b in data["bench"])
    director = json.loads(run(team_dir, "--anonymous", "--target", "director", "-f", "json").stdout)
    assert all("who" not in s for s in director["skills"])


def test_anonymous_refuses_a_small_team(team_dir):
    result = run(team_dir, "--anonymous", "-f", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "at least 5 people" in result.stderr and "has 4" in result.stderr
    assert run(team_dir, "--anonymous", "--min-group", "4").exit_code == 0


def test_anonymous_counts_skipped_files_without_naming_them(team_dir, tmp_path):
    (tmp_path / "team" / "zed.yaml").write_text("skills: {plan: 1}\n", encoding="utf-8")
    result = run(team_dir, "--anonymous", "--min-group", "3", "-f", "json")
    assert result.exit_code == 2 and json.loads(result.stdout)["skipped"] == 1


def test_jsonl_streams_one_person_per_line(team_dir, tmp_path):
    (tmp_path / "team" / "zed.yaml").write_text("skills: {plan: 1}\n", encoding="utf-8")
    result = run(team_dir, "-f", "jsonl")
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("name") for line in lines] == [*NAMES[:2], "Chen Li", "Dana | Ortiz", None]
    assert lines[2]["target"] is None and lines[1]["target"]["id"] == "program-manager"
    assert lines[4] == {"path": "team/zed.yaml", "error": result.stderr.strip()}
    assert all("\n" not in line for line in result.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "jsonl", "--bench"], "need the whole team"),
        (["-f", "jsonl", "--anonymous"], "need the whole team"),
        (["-f", "csv", "--shortages"], "not csv"),
        (["-f", "svg"], "pass --target ROLE"),
    ],
)
def test_formats_that_cannot_show_an_option_say_so(team_dir, args, message):
    result = run(team_dir, *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_csv_is_tidy_and_inert(tmp_path):
    (tmp_path / "p.yaml").write_text(
        'name: "=HYPERLINK(\\"x\\")"\nskills: {planning: {level: 2, assessed: 2020-01-01}}\n',
        encoding="utf-8",
    )
    out = run("p.yaml", "--ladder", MINI, "--target", "lead", "-f", "csv").stdout
    assert out.splitlines() == [
        "person,path,target,readiness,skill,required,current,gap,weight,stale",
        '"\'=HYPERLINK(""x"")",p.yaml,lead,0.222,planning,2,2,0,1,True',
        '"\'=HYPERLINK(""x"")",p.yaml,lead,0.222,people,3,0,3,2,False',
        '"\'=HYPERLINK(""x"")",p.yaml,lead,0.222,money,1,0,1,1,False',
    ]


def test_markdown_and_svg_escape_names(tmp_path):
    (tmp_path / "p.yaml").write_text('name: "<b>x</b> | y"\n', encoding="utf-8")
    md = run("p.yaml", "--ladder", MINI, "--target", "lead", "-f", "markdown").stdout
    assert "| \\<b>x\\</b> \\| y |" in md  # a backslash keeps each character literal
    svg = run("p.yaml", "--ladder", MINI, "--target", "lead", "-f", "svg").stdout
    assert "<b>" not in svg and "&lt;b&gt;x&lt;/b&gt; | y" in svg


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("team-heatmap.txt", ["--target", "director", "--no-color"]),
        ("team-own.txt", ["--bench", "--shortages", "--no-color"]),
        ("team-heatmap.md", ["--target", "director", "-f", "markdown", "--shortages"]),
        ("team-heatmap.svg", ["--target", "director", "-f", "svg"]),
    ],
)
def test_golden(team_dir, name, args):
    result = run(team_dir, *args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


@pytest.mark.parametrize("columns", [40, 60, 200])
def test_a_narrow_heatmap_splits_into_panels_and_cuts_nothing(team_dir, builtin, columns):
    """Every skill column, every person's name and readiness, and every total stay whole:
    what does not fit beside the names goes to a further panel that repeats them."""
    out = run(team_dir, "--target", "director", "--shortages", COLUMNS=str(columns)).stdout
    lines = out.splitlines()
    assert max(map(len, lines)) <= columns and "…" not in out
    heads = [line.split() for line in lines if line.startswith("Person ")]
    assert all(head[:2] == ["Person", "Ready"] for head in heads)
    assert (len(heads) > 1) == (columns < 80)
    report = json.loads(run(team_dir, "--target", "director", "-f", "json").stdout)
    total = {s["id"]: f"{s['weighted_gap']:g}" for s in report["shortages"]}
    reqs = builtin.requirements(builtin.role("director"))
    totals = [line.split()[2:] for line in lines if line.startswith("Team total")]
    assert [t for row in totals for t in row] == [total.get(s.id, "·") for s, _, _ in reqs]
    assert [n for head in heads for n in head[2:]] == [str(n) for n in range(1, len(reqs) + 1)]
    for person in report["people"]:
        ready = f"{round(person['readiness'] * 100)}%"
        assert sum(f"{person['name']} " in line and ready in line for line in lines) == len(heads)
    cover = out[out.index("Skill cover") : out.index("Shortages")]
    assert "Ana" in cover and "nobody" in cover  # who is a single point of failure
    for word in ("Communication", "Cross-Functional", "Leadership"):
        assert word in out


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_shortages_say_so_when_nobody_is_short_or_no_step_helps(tmp_path, fmt):
    from pmoladder.team import NO_STEPS, NOBODY_SHORT

    (tmp_path / "a.yaml").write_text("skills: {planning: 2, people: 3}\n", encoding="utf-8")
    args = ["a.yaml", "--ladder", MINI, "--shortages", "-f", fmt]
    only_money = run(*args, "--target", "lead", COLUMNS="200").stdout  # no step for money
    assert NO_STEPS in only_money and "Money" in only_money and NOBODY_SHORT not in only_money
    met = run(*args, "--target", "starter", COLUMNS="200").stdout
    assert NOBODY_SHORT in met and NO_STEPS not in met and "Steps that help" not in met


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("80", "--within: expected a fraction from 0 to 1, such as 0.8 for 80%, not 80"),
        ("-0.1", "--within: expected a fraction from 0 to 1, such as 0.8 for 80%, not -0.1"),
        ("lots", "--within: expected a number (see"),
    ],
)
def test_within_out_of_range_is_said_in_our_words(team_dir, value, message):
    result = run(team_dir, "--bench", "--within", value)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""
    assert "Input should" not in result.stderr


def test_heatmap_cells_are_coloured_on_a_terminal(team_dir):
    from pmoladder.render.table import heat

    assert heat(0) == "green" and heat(1) != heat(2) != heat(3) and heat(3) == heat(5)
    result = run(team_dir, "--target", "director", FORCE_COLOR="1", TERM="xterm-256color")
    assert "\x1b[" in result.stdout


# Cells a spreadsheet would run: (id, cell, as written). Numbers stay numbers.
CSV_CELLS = [
    ("hyperlink", '=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
    ("dde", "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("at-sum", "@SUM(1+1)", "'@SUM(1+1)"),
    ("plus", "+1+2", "'+1+2"),
    ("minus-formula", "-2+3.yaml", "'-2+3.yaml"),
    ("tab", "\t=1", "'\t=1"),
    ("carriage-return", "\r=1", "\\x0d=1"),
    ("negative-number", "-2", "-2"),
    ("signed-decimal", "+0.5", "+0.5"),
    ("exponent", "-1e3", "-1e3"),
    ("plain", "Alex", "Alex"),
]


@pytest.mark.parametrize(
    ("cell", "expected"), [c[1:] for c in CSV_CELLS], ids=[c[0] for c in CSV_CELLS]
)
def test_csv_cells_never_start_a_formula(cell, expected):
    from pmoladder.render.csv import neutral

    assert neutral(cell) == expected


def test_a_file_named_like_a_formula_is_inert_in_csv(tmp_path):
    (tmp_path / "-2+3.yaml").write_text("skills: {planning: 2}\n", encoding="utf-8")
    (tmp_path / "@x.yaml").write_text("name: '@SUM(1)'\nskills: {}\n", encoding="utf-8")
    args = ("--ladder", MINI, "--target", "lead", "-f", "csv", "--", "-2+3.yaml", "@x.yaml")
    rows = [line.split(",") for line in run(*args).stdout.splitlines()[1:]]
    assert {row[1] for row in rows} == {"'-2+3.yaml", "'@x.yaml"}
    assert {row[0] for row in rows} == {"'-2+3.yaml", "'@SUM(1)"}
