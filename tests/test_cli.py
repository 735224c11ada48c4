"""The command line through typer's CliRunner: exit codes, streams and formats."""

from __future__ import annotations

import json
import re
import shlex

import pytest
import typer.main
from conftest import FIXTURES, golden
from typer.testing import CliRunner

from pmoladder import __version__
from pmoladder.cli import app, narrowed

EXAMPLE = str(FIXTURES.parent.parent / "examples" / "profile.yaml")
MINI = str(FIXTURES / "mini-ladder.yaml")


def run(*args: str, input: str | None = None, **env: str):
    return CliRunner().invoke(app, list(args), input=input, env=env or None)


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout == f"pmoladder {__version__}\n"


GROUP = typer.main.get_command(app)


def leaves(group, prefix: tuple[str, ...] = ()):
    """Every command the app runs, as the words that name it (`ladder lint`)."""
    for name, command in sorted(group.commands.items()):
        if hasattr(command, "commands"):
            yield from leaves(command, (*prefix, name))
        else:
            yield (*prefix, name), command


LEAVES = dict(leaves(GROUP))
COMMANDS = [" ".join(words) for words in LEAVES]


def test_the_readme_table_lists_every_command_once():
    """Each row names a command (`pmoladder gap`), or a group's (`pmoladder ladder show\\|lint`)."""
    readme = (FIXTURES.parent.parent / "README.md").read_text(encoding="utf-8")
    listed = []
    for row in re.findall(r"^\| `pmoladder ([^`]+)` \|", readme, flags=re.M):
        words = row.split()
        if hasattr(GROUP.commands.get(words[0]), "commands"):
            listed += [(words[0], sub) for sub in words[1].split("\\|")]
        else:
            listed.append((words[0],))
    assert sorted(listed) == sorted(LEAVES)


def examples(command: str) -> list[str]:
    """The example lines of a command's help: the lines that run it, past the usage line."""
    help_text = LEAVES[tuple(command.split())].help or ""
    return [
        line.strip()
        for line in help_text.splitlines()
        if line.strip().startswith(f"pmoladder {command}")
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_examples_that_parse(command):
    result = run(*command.split(), "--help")
    assert result.exit_code == 0
    shown = [line.strip() for line in result.stdout.splitlines()]
    lines = examples(command)
    assert lines and all(line in shown for line in lines)
    for line in lines:
        # The command's own words, before any shell pipe or redirection.
        words = shlex.split(re.split(r"\s(?:\|\|?|>>?|<|&&|2>)\s", line)[0])
        LEAVES[tuple(command.split())].make_context(command, words[1 + len(command.split()) :])


def test_roles_json_lists_the_ladder_in_order():
    data = json.loads(run("roles", "--format", "json").stdout)
    assert [r["id"] for r in data["roles"]][:4] == ["coordinator", "junior-pm", "pmo-analyst", "pm"]
    assert data["roles"][3]["next"] == ["program-manager", "pmo-manager"]


def test_role_accepts_aliases_and_names():
    a = run("role", "director-of-pmo", "-f", "json")
    b = run("role", "Director of PMO", "-f", "json")
    assert a.exit_code == b.exit_code == 0 and a.stdout == b.stdout
    data = json.loads(a.stdout)
    assert data["skills"][0] == {
        "id": "predictive-delivery",
        "name": "Predictive (Waterfall) Delivery",
        "level": 4,
        "level_name": "Proficient",
        "weight": 1.0,
    }
    assert data["next"] == [{"id": "cpo", "name": "Chief Project Officer"}]


@pytest.mark.parametrize("columns", ["40", "200"])
def test_role_and_skill_tables_show_the_ids_people_type(columns):
    role = run("role", "director", COLUMNS=columns).stdout
    assert "(predictive-delivery)" in role and "(cpo)" in role
    assert "(director)" in run("skills", "leadership", COLUMNS=columns).stdout


def test_years_are_named_in_the_ladders_words(write):
    ladder = write(
        "l.yaml", f"schema_version: 1\nextends: {MINI}\nexperience_label: years in software\n"
    )
    gap = ["gap", "--from", "starter", "-t", "lead", "--ladder", ladder]
    assert "Experience: 0 of 4 years in software expected, 4 to go" in run(*gap).stdout
    assert "0 of 4 years in software expected" in run(*gap, "-f", "markdown").stdout
    assert "4+ years in software" in run("role", "lead", "--ladder", ladder).stdout
    assert (
        "4 of 4 years expected"
        in run("gap", "--from", "lead", "-t", "lead", "--ladder", MINI).stdout
    )


def test_unknown_role_is_one_line_and_exit_2():
    result = run("role", "directr")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == "pmoladder: error: unknown role 'directr' (did you mean 'director'?)\n"


def test_skill_detail_lists_roles_that_need_it():
    data = json.loads(run("skills", "leadership", "-f", "json").stdout)
    assert [lvl["level"] for lvl in data["levels"]] == [1, 2, 3, 4, 5]
    assert {"id": "director", "name": "Director of PMO", "level": 5, "weight": 2.0} in data["roles"]


def test_gap_json_matches_the_contract_on_another_ladder(write):
    profile = write(
        "p.yaml",
        "current_role: starter\nyears_experience: 2\n"
        "skills: {planning: 3, people: good}\ncertifications: [cert-b]\n",
    )
    result = run(
        "gap", "--ladder", MINI, "--profile", profile, "--target", "team-lead", "-f", "json"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for skill in data["skills"]:  # extra keys are welcome; these two say how fresh a rating is
        assert (skill.pop("assessed"), skill.pop("stale")) == (None, False)
    assert data["certifications"].pop("expired") == data["certifications"].pop("expiring") == []
    assert data == {
        "target": {"id": "lead", "name": "Team Lead"},
        "current_role": {"id": "starter", "name": "Starter"},
        "readiness": 0.667,
        "ready": False,
        "skills": [
            {
                "id": "people",
                "name": "People",
                "current": 2,
                "required": 3,
                "gap": 1,
                "weight": 2.0,
            },
            {"id": "money", "name": "Money", "current": 0, "required": 1, "gap": 1, "weight": 1.0},
            {
                "id": "planning",
                "name": "Planning",
                "current": 3,
                "required": 2,
                "gap": 0,
                "weight": 1.0,
            },
        ],
        "certifications": {
            "missing_required": ["cert-a"],
            "missing_required_any": [],
            "missing_recommended": [],
        },
        "experience": {"years": 2, "required": 4, "gap": 2},
    }


def test_gap_json_is_deterministic():
    first = run("gap", "-p", EXAMPLE, "-f", "json").stdout
    assert first == run("gap", "-p", EXAMPLE, "-f", "json").stdout
    assert json.loads(first)["target"]["id"] == "director"  # from the profile's target_role


def test_gap_from_role_has_that_role_as_current():
    data = json.loads(
        run("gap", "--from", "pm", "--target", "program-manager", "-f", "json").stdout
    )
    assert data["current_role"] == {"id": "pm", "name": "Project Manager"}
    assert data["experience"] == {"years": 3, "required": 7, "gap": 4}


def test_gap_reads_the_profile_from_the_environment_or_stdin(monkeypatch):
    monkeypatch.setenv("PMOLADDER_PROFILE", EXAMPLE)
    from_env = run("gap", "-f", "json").stdout
    with open(EXAMPLE, encoding="utf-8") as handle:
        from_stdin = run("gap", "--profile", "-", "-f", "json", input=handle.read()).stdout
    assert from_env == from_stdin and json.loads(from_env)["target"]["id"] == "director"


def test_gap_check_exits_1_when_not_ready_and_0_when_ready():
    assert run("gap", "-p", EXAMPLE, "--check", "-f", "json").exit_code == 1
    assert run("gap", "--from", "director", "--target", "program-manager", "--check").exit_code == 0


def test_gap_without_profile_says_how_to_make_one():
    result = run("gap", "--target", "pm")
    assert result.exit_code == 2 and "pmoladder init" in result.stderr


def test_gap_without_target_says_so(write):
    result = run("gap", "--profile", write("p.yaml", "skills: {}\n"))
    assert result.exit_code == 2 and "--target" in result.stderr


def test_bad_profile_is_located_on_one_line(write):
    path = write("p.yaml", "skills:\n  leadershp: 3\n")
    result = run("gap", "--profile", path, "--target", "pm")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"{path}:2:3: skills.leadershp: unknown skill 'leadershp' (did you mean 'leadership'?)\n"
    )


def test_warnings_go_to_stderr_and_do_not_change_the_exit_code(write):
    path = write("p.yaml", "certifications: [pmp, safe-agilist]\n")
    result = run("gap", "--profile", path, "--target", "pm", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert "warning: unknown certification 'safe-agilist'" in result.stderr


def test_ladder_from_the_environment(monkeypatch):
    monkeypatch.setenv("PMOLADDER_LADDER", MINI)
    assert json.loads(run("roles", "-f", "json").stdout)["ladder"] == "Mini Ladder"


def test_format_not_offered_is_a_usage_error():
    result = run("role", "pm", "--format", "csv")
    assert result.exit_code == 2 and result.stderr.count("\n") == 1


def test_markup_in_files_is_printed_literally(write):
    ladder = (
        open(MINI, encoding="utf-8")
        .read()
        .replace("name: Team Lead", 'name: "[bold red]Lead[/] [link=https://x.test]here"')
    )
    result = run("roles", "--ladder", write("l.yaml", ladder))
    assert result.exit_code == 0
    assert "[bold red]Lead[/] [link=https://x.test]here" in result.stdout.replace("\n", "")


def test_control_characters_from_files_never_reach_the_terminal(write):
    ladder = (
        open(MINI, encoding="utf-8")
        .read()
        .replace("name: Team Lead", 'name: "Lead\\e]0;pwned\\a\\e[2J"')
    )
    result = run("roles", "--ladder", write("l.yaml", ladder), "--no-color")
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Lead\\x1b]0;pwned\\x07\\x1b[2J" in result.stdout


# --- golden files for what people read ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("gap.txt", ["gap", "-p", EXAMPLE]),
        ("gap.md", ["gap", "-p", EXAMPLE, "-f", "markdown"]),
        ("gap.csv", ["gap", "-p", EXAMPLE, "-f", "csv"]),
        ("gap.json", ["gap", "-p", EXAMPLE, "-f", "json"]),
        ("roles.txt", ["roles"]),
        ("role-pm.md", ["role", "pm", "-f", "markdown"]),
        ("skill-leadership.txt", ["skills", "leadership"]),
    ],
)
def test_golden(name, args):
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


# --- moving up: path, next, match, plan, and the picture ---------------------------------


def test_path_json_shape():
    data = json.loads(run("path", "--from", "coordinator", "--to", "cpo", "-f", "json").stdout)
    assert (data["from"], data["to"], data["moves"]) == ("coordinator", "cpo", 4)
    assert [r["id"] for r in data["rungs"]][0] == "coordinator"
    assert data["rungs"][0]["changes"] == [] and data["rungs"][0]["readiness"] is None
    director = data["rungs"][-2]
    assert {"skill": "strategic-thinking", "from": 3, "to": 5, "change": "raised"} in director[
        "changes"
    ]


def test_path_says_which_requirements_are_new_and_which_are_no_longer_required():
    table = run("path", "--from", "starter", "--to", "head", "--ladder", MINI).stdout
    assert "Money: newly required, 1 Basic" in table
    assert "Planning: 1 Basic -> 2 Good (up)" in table
    assert "No longer required: Planning, People, Money" in table and "-> 0" not in table
    data = json.loads(
        run("path", "--from", "lead", "--to", "head", "-f", "json", "--ladder", MINI).stdout
    )
    assert {c["skill"]: (c["to"], c["change"]) for c in data["rungs"][1]["changes"]} == {
        "planning": (0, "dropped"),
        "people": (0, "dropped"),
        "money": (0, "dropped"),
    }


def test_path_lists_every_shortest_route_and_takes_via():
    data = json.loads(run("path", "--from", "pm", "--to", "director", "-f", "json").stdout)
    assert [[r["id"] for r in route] for route in data["routes"]] == [
        ["pm", "program-manager", "director"],
        ["pm", "pmo-manager", "director"],
    ]
    assert data["rungs"] == data["routes"][0] and data["via"] is None and not data["more_routes"]
    table = run("path", "--from", "pm", "--to", "director").stdout
    assert "2 moves, 2 routes" in table and "Route 2: pm -> pmo-manager -> director" in table
    via = json.loads(
        run("path", "--from", "pm", "--to", "director", "--via", "head-of-pmo", "-f", "json").stdout
    )
    assert via["via"] == "pmo-manager" and len(via["routes"]) == 1
    result = run("path", "--from", "pm", "--to", "director", "--via", "coordinator")
    assert result.exit_code == 1 and result.stdout == ""
    assert "no path from pm to director through coordinator" in result.stderr


def test_path_with_profile_uses_its_roles_and_shows_readiness():
    data = json.loads(run("path", "-p", EXAMPLE, "-f", "json").stdout)
    assert (data["from"], data["to"]) == ("pm", "director")
    assert all(isinstance(r["readiness"], float) for r in data["rungs"])


def test_no_path_is_exit_1_with_a_message():
    result = run("path", "--from", "cpo", "--to", "coordinator")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "pmoladder: no path from cpo to coordinator along next moves\n"


def test_next_json_shape():
    data = json.loads(run("next", "-p", EXAMPLE, "-f", "json").stdout)
    assert data["current"] == "pm"
    assert [n["id"] for n in data["next"]] == ["program-manager", "pmo-manager"]
    assert all(set(n) >= {"id", "readiness", "ready"} and len(n["gaps"]) <= 3 for n in data["next"])


def test_next_needs_a_current_role(write):
    result = run("next", "-p", write("p.yaml", "skills: {}\n"))
    assert result.exit_code == 2 and "current_role" in result.stderr


def test_match_json_shape():
    data = json.loads(run("match", "--from", "program-manager", "-f", "json").stdout)
    ladder = json.loads(run("roles", "-f", "json").stdout)["roles"]
    assert [r["id"] for r in data["roles"]] == [r["id"] for r in ladder]  # in ladder order
    assert data["highest_ready"] == "program-manager"


def test_plan_json_shape():
    data = json.loads(run("plan", "-p", EXAMPLE, "-f", "json").stdout)
    assert data["target"]["id"] == "director"
    assert set(data) >= {"target", "readiness", "steps", "skills", "certifications", "experience"}
    assert set(data["steps"][0]) >= {"id", "name", "score", "skills", "actions"}
    assert {s["kind"] for s in data["skills"]} == {"top-up", "develop"}


def test_gap_svg_is_a_well_formed_radar():
    from xml.etree import ElementTree

    out = run("gap", "-p", EXAMPLE, "-f", "svg").stdout
    root = ElementTree.fromstring(out)
    ns = "{http://www.w3.org/2000/svg}"
    polygons = {p.get("class"): p for p in root.iter(f"{ns}polygon")}
    axes = [line for line in root.iter(f"{ns}line")]
    skills = json.loads(run("gap", "-p", EXAMPLE, "-f", "json").stdout)["skills"]
    assert len(axes) == len(skills) == 20
    for kind in ("current", "required"):
        assert len(polygons[kind].get("points").split()) == len(skills)
    assert "Readiness 70%" in out


def test_svg_escapes_text_from_files(write):
    ladder = (
        open(MINI, encoding="utf-8")
        .read()
        .replace("name: Planning", 'name: "<script>alert(1)</script> & \\e"')
    )
    out = run(
        "gap",
        "--ladder",
        write("l.yaml", ladder),
        "--from",
        "starter",
        "--target",
        "lead",
        "-f",
        "svg",
    ).stdout
    from xml.etree import ElementTree

    ElementTree.fromstring(out)  # still well-formed
    assert "<script>" not in out and "&lt;script&gt;" in out


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("plan.md", ["plan", "-p", EXAMPLE, "-f", "markdown"]),
        ("plan.txt", ["plan", "-p", EXAMPLE]),
        ("path.txt", ["path", "-p", EXAMPLE]),
        ("match.txt", ["match", "-p", EXAMPLE]),
        ("next.txt", ["next", "-p", EXAMPLE]),
        ("gap.svg", ["gap", "-p", EXAMPLE, "-f", "svg"]),
    ],
)
def test_golden_progression(name, args):
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)


# --- profiles in git: init, validate, schema ---------------------------------------------


def test_init_writes_profile_and_schema_and_never_overwrites(tmp_path):
    result = run("init")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "profile.yaml").exists() and (tmp_path / "profile.schema.json").exists()
    before = (tmp_path / "profile.yaml").read_text()
    again = run("init")
    assert again.exit_code == 2 and "already exists" in again.stderr
    assert (tmp_path / "profile.yaml").read_text() == before
    assert run("init", "--force").exit_code == 0
    assert run("gap", "-f", "json").exit_code == 0  # the starter profile is usable at once


def test_validate_reports_every_error_in_every_file(write):
    bad = write("bad.yaml", "skills:\n  leadrship: 3\n  leadership: 9\nnmae: x\n")
    result = run("validate", bad, EXAMPLE, MINI)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{bad}:2:3", f"{bad}:3:15", f"{bad}:4:1"]
    assert result.stdout.splitlines() == [f"{EXAMPLE}: valid profile", f"{MINI}: valid ladder"]


def test_validate_json_for_ci_annotations(write):
    bad = write("bad.yaml", "skills: {leadership: 9}\n")
    data = json.loads(run("validate", bad, "-f", "json").stdout)
    message = "level 9 is outside the scale 0..5 (0 Unaware, 1 Aware, 2 Practised, 3 Competent, 4 Proficient, 5 Expert)"
    assert data == [
        {
            "path": bad,
            "line": 1,
            "column": 22,
            "key": "skills.leadership",
            "severity": "error",
            "message": message,
        }
    ]
    assert run("validate", bad).stderr == f"{bad}:1:22: skills.leadership: {message}\n"


def test_validate_kind_can_be_forced(write):
    ladder_as_profile = run("validate", "--kind", "profile", MINI)
    assert ladder_as_profile.exit_code == 1 and "unknown key 'scale'" in ladder_as_profile.stderr


def test_validate_unreadable_file_is_exit_1(tmp_path):
    result = run("validate", str(tmp_path / "missing.yaml"))
    assert result.exit_code == 1 and "no such file" in result.stderr


def test_schema_command_prints_json_schema():
    data = json.loads(run("schema", "ladder").stdout)
    assert data["title"] == "pmoladder ladder" and "roles" in data["else"]["required"]


# --- history: progress and diff -------------------------------------------------------------


def test_progress_json_shape(repo):
    repo("target_role: pm\nskills: {leadership: 1}\n", "one", "2026-02-01")
    repo("target_role: pm\nskills: {leadership: 3}\ncertifications: [pmp]\n", "two", "2026-06-01")
    result = run("progress", "-f", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["target"] == "pm" and len(data["points"]) == 2
    assert set(data["points"][0]) == {"commit", "date", "readiness", "ready", "changes"}
    assert data["points"][1]["changes"] == [
        {"type": "skill", "id": "leadership", "from": 1, "to": 3},
        {"type": "certification", "id": "pmp", "change": "gained"},
    ]


def test_progress_table_ends_with_a_sparkline(repo):
    repo("target_role: pm\nskills: {leadership: 1}\n", "one", "2026-02-01")
    repo("target_role: pm\nskills: {leadership: 3}\n", "two", "2026-06-01")
    out = run("progress").stdout
    assert "Readiness over time: " in out and out.rstrip().endswith("%")


def test_progress_outside_git_is_exit_2(write):
    result = run("progress", "-p", write("p.yaml", "target_role: pm\n"))
    assert result.exit_code == 2 and "not in a git repository" in result.stderr


def test_diff_files_and_revisions(repo, write):
    repo("skills: {leadership: 1}\nyears_experience: 2\n", "one", "2026-02-01")
    repo("skills: {leadership: 3}\nyears_experience: 3\n", "two", "2026-06-01")
    result = run("diff", "HEAD~1:profile.yaml", "profile.yaml", "--target", "pm", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "old": "HEAD~1:profile.yaml",
        "new": "profile.yaml",
        "changes": [
            {"type": "years_experience", "from": 2, "to": 3},
            {"type": "skill", "id": "leadership", "from": 1, "to": 3},
        ],
        "readiness": {"target": "pm", "from": 0.018, "to": 0.055},
    }


PROMOTED = (
    "current_role: program-manager\ntarget_role: director\ntools: [ms-project]\n"
    "skills: {leadership: {level: 3, evidence: Led nine}}\n"
)
BEFORE_PROMOTION = (
    "current_role: pm\ntarget_role: program-manager\ntools: [jira]\n"
    "skills: {leadership: {level: 3, evidence: Led four}}\n"
)


def test_diff_reports_roles_tools_and_evidence(write):
    old, new = write("old.yaml", BEFORE_PROMOTION), write("new.yaml", PROMOTED)
    result = run("diff", old, new, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["changes"] == [
        {"type": "current_role", "from": "pm", "to": "program-manager"},
        {"type": "target_role", "from": "program-manager", "to": "director"},
        {"type": "evidence", "id": "leadership", "from": "Led four", "to": "Led nine"},
        {"type": "tool", "id": "ms-project", "change": "gained"},
        {"type": "tool", "id": "jira", "change": "lost"},
    ]
    table = run("diff", old, new).stdout
    assert "No changes" not in table
    assert "Current role: Project Manager (pm) -> Program Manager (program-manager)" in table
    assert "Tools gained: Microsoft Project (ms-project)" in table


def test_progress_shows_a_promotion(repo):
    repo(BEFORE_PROMOTION, "one", "2026-02-01")
    repo(PROMOTED, "promoted", "2026-06-01")
    out = run("progress", "-f", "json").stdout
    assert json.loads(out)["points"][1]["changes"][0] == {
        "type": "current_role",
        "from": "pm",
        "to": "program-manager",
    }
    assert "role pm -> program-manager" in run("progress", COLUMNS="200").stdout


def test_diff_of_a_missing_revision_is_exit_2(repo):
    repo("skills: {}\n", "one", "2026-02-01")
    result = run("diff", "nope:profile.yaml", "profile.yaml")
    assert result.exit_code == 2
    assert result.stderr == "pmoladder: error: nope:profile.yaml: not found in git\n"


def test_gap_json_marks_stale_ratings_and_lapsed_certifications(write):
    path = write(
        "p.yaml",
        "target_role: pm\nskills: {leadership: {level: 2, assessed: 2024-01-01}}\n"
        "certifications: [{id: pmp, earned: 2023-01-01}]\n",
    )
    data = json.loads(run("gap", "-p", path, "-f", "json").stdout)
    leadership = next(s for s in data["skills"] if s["id"] == "leadership")
    assert leadership["stale"] and leadership["assessed"] == "2024-01-01"
    assert data["certifications"]["expired"] == [{"id": "pmp", "on": "2026-01-01"}]
    fresh = json.loads(run("gap", "-p", path, "-f", "json", "--stale-after", "48").stdout)
    assert not next(s for s in fresh["skills"] if s["id"] == "leadership")["stale"]


def test_assess_from_piped_answers_updates_the_profile_in_place(write):
    path = write("p.yaml", "# mine\ntarget_role: lead\nskills:\n  planning: 1  # note\n")
    result = run("assess", "-p", path, "--ladder", MINI, "--no-evidence", input="2\n\nstrong\n")
    assert result.exit_code == 0, result.stderr
    assert open(path).read() == (
        "# mine\ntarget_role: lead\nskills:\n"
        "  planning: {level: 2, assessed: 2026-11-26} # note\n"
        "  money: {level: 3, assessed: 2026-11-26}\n"
    )


def test_assess_without_answers_refuses_and_changes_nothing(write):
    path = write("p.yaml", "target_role: lead\n")
    result = run("assess", "-p", path, "--ladder", MINI, input="")
    assert result.exit_code == 2 and "no answer on standard input" in result.stderr
    assert open(path).read() == "target_role: lead\n"


def test_assess_rejects_a_bad_piped_level(write):
    path = write("p.yaml", "target_role: lead\n")
    result = run("assess", "-p", path, "--ladder", MINI, "--no-evidence", input="9\n")
    assert result.exit_code == 2 and "not a level of this ladder" in result.stderr
    assert open(path).read() == "target_role: lead\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_no_color_is_accepted_everywhere(command):
    result = run(*command.split(), "--no-color", "--help")
    assert result.exit_code == 0
    assert run("--no-color", *command.split(), "--help").exit_code == 0


# Commands whose output has styling to take off, with what they need to run.
STYLED = [
    ("roles",),
    ("role", "pm"),
    ("skills",),
    ("gap", "--from", "pm", "--target", "director"),
    ("plan", "--from", "pm", "--target", "director"),
    ("next", "--from", "pm"),
    ("match", "--from", "pm"),
    ("path", "--from", "coordinator", "--to", "cpo"),
    ("config",),
]


@pytest.mark.parametrize("words", STYLED, ids=" ".join)
def test_no_color_takes_the_styling_off_wherever_it_is_given(words):
    assert "\x1b[" in run(*words, FORCE_COLOR="1").stdout
    for args in ([*words, "--no-color"], ["--no-color", *words]):
        plain = run(*args, FORCE_COLOR="1")
        assert plain.exit_code == 0 and plain.stdout and "\x1b" not in plain.stdout


ROLE_OPTIONS = [
    (name, param.opts[0])
    for name, command in LEAVES.items()
    for param in command.params
    if param.metavar == "ROLE"
]


def test_every_role_option_is_found():
    found = {(" ".join(words), flag) for words, flag in ROLE_OPTIONS}
    assert {("diff", "--target"), ("team", "--target"), ("path", "--via")} <= found
    assert {name for name, flag in found if flag == "--target"} == {
        name for name in COMMANDS if "--target" in run(*name.split(), "--help").stdout
    }


@pytest.mark.parametrize("words, flag", ROLE_OPTIONS)
def test_every_role_option_completes_the_ladders_roles(words, flag):
    command = LEAVES[words]
    context = command.make_context(" ".join(words), [], resilient_parsing=True)
    param = next(p for p in command.params if flag in p.opts)
    assert "director" in [item.value for item in param.shell_complete(context, "dir")]


def test_every_format_default_is_the_first_the_table_lists():
    from pmoladder.formats import RESULTS

    for words, command in LEAVES.items():
        for param in command.params:
            if param.name == "fmt":
                kind = "validate" if words == ("ladder", "validate") else " ".join(words)
                assert param.default == RESULTS[kind][0], words


def test_empty_collections_in_yaml_mean_none(write):
    path = write("p.yaml", "target_role: pm\nskills:\ncertifications:\ntools:\n")
    assert run("gap", "-p", path, "-f", "json").exit_code == 0


def test_json_and_csv_keep_control_characters_inert(write):
    ladder = (
        open(MINI, encoding="utf-8")
        .read()
        .replace("name: Team Lead", 'name: "Lead\\e[2J\\x9b31m\\u202e"')
    )
    path = write("l.yaml", ladder)
    out = run("roles", "--ladder", path, "-f", "json").stdout
    assert not any(ch in out for ch in "\x1b\x9b\u202e")
    assert json.loads(out)["roles"][1]["name"] == "Lead\x1b[2J\x9b31m\u202e"
    csv_out = run("roles", "--ladder", path, "-f", "csv").stdout
    assert not any(ch in csv_out for ch in "\x1b\x9b\u202e") and "Lead\\x1b[2J" in csv_out


def test_team_json_and_a_broken_profile(write):
    a = write("a.yaml", "name: A\ncurrent_role: starter\nskills: {planning: 2, people: 3}\n")
    b = write("b.yaml", "skills: {planning: 3}\n")
    bad = write("bad.yaml", "skills: {plan: 1}\n")
    result = run("team", a, b, bad, "--ladder", MINI, "--target", "lead", "-f", "json")
    assert result.exit_code == 2 and result.stderr.startswith(f"{bad}:1:10: ")
    data = json.loads(result.stdout)
    assert data["target"] == {"id": "lead", "name": "Team Lead"}
    assert [(p["name"], p["ready"]) for p in data["people"]] == [("A", False), (None, False)]
    assert data["skills"][0] == {
        "id": "money",
        "name": "Money",
        "required": 1,
        "average": 0.0,
        "meeting": 0,
        "below": 2,
        "who": [],
    }


@pytest.mark.parametrize("command", ["gap", "plan"])
def test_from_needs_a_target(command):
    result = run(command, "--from", "pm")
    assert result.exit_code == 2 and result.stderr == "pmoladder: error: --from needs --target\n"


def test_plan_from_a_role():
    data = json.loads(
        run("plan", "--from", "pm", "--target", "program-manager", "-f", "json").stdout
    )
    assert data["current_role"]["id"] == "pm"
    assert [c["id"] for c in data["required_any"][0]][:2] == ["pmp", "pgmp"]  # newly required


def test_assess_blind_hides_the_required_level(write):
    path = write("p.yaml", "target_role: lead\n")
    seen = run("assess", "-p", path, "--ladder", MINI, "--no-evidence", input="1\n1\n1\n")
    blind = run(
        "assess", "-p", path, "--ladder", MINI, "--no-evidence", "--blind", input="1\n1\n1\n"
    )
    assert "Team Lead needs 3 Strong" in seen.stderr
    assert blind.exit_code == 0 and "needs" not in blind.stderr


def test_team_reports_a_profile_with_an_impossible_date_and_leaves_it_out(write):
    a = write("a.yaml", "name: A\nskills: {planning: 2}\n")
    bad = write("bad.yaml", "name: B\ncertifications:\n  - {id: pmp, earned: 2023-02-29}\n")
    result = run("team", a, bad, "--ladder", MINI, "--target", "lead", "-f", "json")
    assert result.exit_code == 2
    assert result.stderr == (
        f"{bad}:3:23: certifications.0.earned: 2023-02-29 is not a date: "
        "February 2023 has 28 days\n"
    )
    assert [p["name"] for p in json.loads(result.stdout)["people"]] == ["A"]


@pytest.mark.parametrize(
    ("today", "args"),
    [
        ("0001-01-01", []),
        ("9999-12-31", []),
        ("2026-11-26", ["--stale-after", "100000"]),
    ],
)
def test_dates_at_the_ends_of_the_calendar_work(write, today, args):
    path = write(
        "p.yaml",
        "skills: {leadership: {level: 2, assessed: 9999-06-01}}\n"
        "certifications: [{id: pmp, earned: 9999-06-01}, {id: capm, earned: 0001-01-01}]\n",
    )
    result = run("gap", "-p", path, "-t", "pm", "-f", "json", *args, PMOLADDER_TODAY=today)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assessed = {s["id"]: s["assessed"] for s in data["skills"]}
    assert assessed["leadership"] == "9999-06-01"
    expiring = {e["id"] for e in data["certifications"]["expiring"]}
    expired = {e["id"] for e in data["certifications"]["expired"]}
    assert ("capm" in expired) == (today != "0001-01-01")
    assert ("pmp" in expiring) == (today == "9999-12-31")


@pytest.mark.parametrize("columns", ["0", "1", "-3"])
def test_a_tiny_or_zero_width_still_prints_whole_ids(columns):
    result = run("roles", COLUMNS=columns)
    assert result.exit_code == 0 and "Chief" in result.stdout and " cpo " in result.stdout


def test_validate_escapes_controls_and_bidi_in_every_output(write):
    path = write("e.yaml", 'name: x\n"bad\\u202ekey\\e[31m": 1\n')
    out = run("validate", path, "-f", "json")
    assert out.exit_code == 1
    assert "\u202e" not in out.stdout and "\x1b" not in out.stdout
    assert json.loads(out.stdout)[0]["key"] == "bad\u202ekey\x1b[31m"  # the same value
    odd = write("odd\u202e.yaml", "name: x\n")
    good = run("validate", odd)
    assert good.exit_code == 0 and good.stdout.endswith("odd\\u202e.yaml: valid profile\n")


def test_validate_kind_auto_is_the_default_and_can_be_named(write):
    ladder = str(FIXTURES / "mini-ladder.yaml")
    profile = write("alex.yaml", "skills: {leadership: 2}\n")
    result = run("validate", "--kind", "auto", ladder, profile)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"{ladder}: valid ladder", f"{profile}: valid profile"]
    assert run("validate", "--kind", "profile", ladder).exit_code == 1


def test_init_dash_is_an_error_not_a_file():
    result = run("init", "-")
    assert result.exit_code == 2 and "not '-'" in result.stderr
    from pathlib import Path

    assert not Path("-").exists()


def _all_skills_at_top(years: int) -> str:
    from pmoladder.ladder import load_ladder

    levels = ", ".join(f"{skill}: 5" for skill in load_ladder().skills)
    return f"current_role: pm\nyears_experience: {years}\nskills: {{{levels}}}\n"


def test_match_and_next_say_why_a_full_score_is_not_ready(write):
    from pmoladder.ladder import load_ladder

    path = write("p.yaml", _all_skills_at_top(3))
    data = json.loads(run("match", "-p", path, "-f", "json").stdout)
    program = next(r for r in data["roles"] if r["id"] == "program-manager")
    assert (program["readiness"], program["ready"]) == (1.0, False)
    (group,) = load_ladder().roles["program-manager"].certifications.required_any
    assert program["not_ready_because"] == [
        {"type": "certification_any", "ids": group},
        {"type": "years", "to_go": 4},
    ]
    assert next(r for r in data["roles"] if r["id"] == "pm")["not_ready_because"] == []
    table = run("match", "-p", path, COLUMNS="200").stdout
    assert f"needs one of {len(group)} certifications" in table and "Each █ is 5%" in table
    nxt = json.loads(run("next", "-p", path, "-f", "json").stdout)["next"][0]
    assert nxt["not_ready_because"] == program["not_ready_because"]
    assert ", 4 years to go" in run("next", "-p", path, COLUMNS="200").stdout


def test_next_shows_the_weight_that_orders_the_gaps():
    out = run("next", "--from", "pm", COLUMNS="200").stdout
    assert "Benefits Management +1 (weight 2)" in out


def test_plan_markdown_ticks_met_experience(write):
    path = write("p.yaml", "target_role: pm\nyears_experience: 9\n")
    out = run("plan", "-p", path, "-f", "markdown").stdout
    assert "- [x] 9 of " in out and "- [ ] 9 of" not in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["schema"], "pmoladder: error: kind is missing: give one of ladder, profile"),
        (["validate", "--kind", "foo", "x"], "--kind: 'foo' is not one of auto, ladder, profile"),
        (["roles", "-f", "xml"], "--format / -f: 'xml' is not one of table, json, csv"),
        (["gap", "--stale-after", "0"], "--stale-after: expected a whole number of 1 or more"),
        (["gap", "--stale-after", "x"], "--stale-after: expected a whole number ("),
        (["validate", "--kind"], "error: --kind needs a value: give one of auto, ladder, profile"),
        (["gap", "-f"], "error: -f needs a value: give one of table, json, markdown, csv, svg"),
        (["gap", "--tagret", "pm"], "error: no option --tagret; did you mean --target?"),
        (["path", "pm", "cpo"], "error: unexpected argument: pm, cpo (see 'pmoladder path"),
        (["gapp"], "error: no command gapp; did you mean gap?"),
        (["gap", "--no-color=3"], "error: --no-color takes no value"),
    ],
)
def test_usage_errors_in_our_words(args, expected):
    result = run(*args)
    assert result.exit_code == 2 and expected in result.stderr
    assert "\\n" not in result.stderr and "Input should" not in result.stderr
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("variable", "args"),
    [("PMOLADDER_PROFILE", ["gap", "-t", "pm"]), ("PMOLADDER_LADDER", ["roles"])],
)
def test_a_bad_path_from_the_environment_names_the_variable(variable, args):
    result = run(*args, **{variable: "nope.yaml"})
    assert result.exit_code == 2
    assert result.stderr == f"nope.yaml: no such file (the path comes from ${variable})\n"


@pytest.mark.parametrize(
    ("columns", "args", "whole"),
    [
        ("80", ["skills"], ["predictive-delivery", "stakeholder-management"]),
        ("60", ["gap", "--from", "pm", "-t", "director"], ["Practitioner", "Proficient"]),
        ("60", ["plan", "--from", "pm", "-t", "director"], ["Practitioner", "develop"]),
        ("50", ["match", "--from", "pm"], ["(program-manager)", "(pmo-manager)"]),
        ("48", ["next", "--from", "pm"], ["(program-manager)"]),
        ("40", ["next", "--from", "pm"], ["(program-manager)", "(pmo-manager)"]),
        ("40", ["match", "--from", "pm"], ["(program-manager)", "(coordinator)", "(pmo-analyst)"]),
        ("40", ["gap", "--from", "pm", "-t", "director"], ["Proficient", "Competent"]),
        ("40", ["roles"], ["program-manager", "Coordinator"]),
        ("40", ["skills"], ["predictive-delivery", "stakeholder-management", "(Waterfall)"]),
        ("40", ["plan", "--from", "pm", "-t", "director"], ["Practitioner", "lessons-learned"]),
    ],
)
def test_narrow_terminals_never_cut_ids_or_level_names(columns, args, whole):
    out = run(*args, COLUMNS=columns).stdout
    assert "…" not in out
    assert all(word in out for word in whole), out
    assert all(line == line.rstrip() for line in out.splitlines())  # piped: no padding
    assert max(map(len, out.splitlines())) <= int(columns)


def test_a_level_keeps_its_number_and_name_on_one_line_while_the_table_fits():
    ladder = str(FIXTURES.parents[1] / "examples" / "software-ladder.yaml")
    args = ("gap", "--ladder", ladder, "--from", "senior-engineer", "-t", "staff-engineer")
    out = run(*args, COLUMNS="60").stdout
    assert "│ 2 Independent │ 2 Independent │" in out, out
    assert all(len(line) <= 60 for line in out.splitlines())


def test_gap_explains_its_bar_glyphs():
    out = run("gap", "--from", "pm", "-t", "director").stdout
    assert "█ met, ░ missing, ▒ above the need, · unused" in out


@pytest.mark.parametrize(
    ("args", "legend"),
    [(["gap", "-t", "director"], "Bars, one cell"), (["match"], "Each █ is")],
)
def test_a_legend_goes_with_the_bars_it_explains(args, legend):
    wide, narrow = (run(*args, "--from", "pm", COLUMNS=c).stdout for c in ("120", "40"))
    assert legend in wide and "█" in wide
    assert "█" not in narrow and legend not in narrow


PLAN = ["plan", "--from", "pm", "-t", "director"]


@pytest.mark.parametrize(
    ("args", "start", "stop", "indent"),
    [
        (PLAN, "Steps, most useful first", "Certifications", r"\d+\. |   "),
        (PLAN, "Certifications", "Experience:", r"- |  "),
        (PLAN, "Challenges you will meet", "How you will", r"- |   "),
        (["role", "pm"], "Responsibilities", "Required skills", "  "),
        (["path", "--from", "pm", "--to", "director"], "Route 1", "Route 2", r"\d+\. |   "),
        (["diff", EXAMPLE, "-"], "<stdin>", "Readiness", "  "),
    ],
)
def test_paragraphs_outside_tables_wrap_under_their_indent(args, start, stop, indent):
    """Every line of an indented or numbered paragraph starts indented, however narrow."""
    import re

    stdin = "current_role: director\nyears_experience: 12\nskills: {leadership: 1}\n"
    out = run(*args, input=stdin, COLUMNS="44").stdout
    body = [line for line in out.split(start, 1)[1].split(stop, 1)[0].splitlines()[1:] if line]
    assert len(body) > 5, out  # the paragraphs are long enough to wrap at this width
    assert all(re.match(indent, line) for line in body), out


def test_diff_says_none_for_years_taken_out(write):
    old = write("old.yaml", "years_experience: 6\n")
    new = write("new.yaml", "skills: {}\n")
    out = run("diff", old, new).stdout
    assert "Years of experience: 6 -> none" in out and "None" not in out


# --- one command built, not all ---------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("tail", [["--help"], ["--no-such-option"]])
def test_the_narrowed_app_answers_as_the_whole_app(command, tail):
    args = ["--no-color", *command.split(), *tail]
    whole = CliRunner().invoke(app, args, env={"COLUMNS": "100"})
    one = CliRunner().invoke(narrowed(args), args, env={"COLUMNS": "100"})
    assert (one.exit_code, one.stdout, one.stderr) == (whole.exit_code, whole.stdout, whole.stderr)


@pytest.mark.parametrize(
    "args, kept",
    [
        (["gap", "--target", "director"], ["gap"]),
        (["--no-color", "roles"], ["roles"]),
        (["ladder", "lint"], ["ladder"]),
        (["gpa"], None),  # a typo: the whole app suggests the command meant
        (["-h", "gap"], None),  # the root's help lists every command
        (["--version"], None),
        ([], None),
    ],
)
def test_only_the_command_run_is_built(args, kept):
    group = typer.main.get_command(narrowed(args))
    assert sorted(group.commands) == (kept or sorted(GROUP.commands))
