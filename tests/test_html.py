"""One-file HTML reports: self-contained, escaped, printable."""

from __future__ import annotations

from pathlib import Path

import pytest
from pages import assert_self_contained, parse
from typer.testing import CliRunner

from pmoladder.cli import app

EXAMPLE = str(Path(__file__).parent.parent / "examples" / "profile.yaml")
HOSTILE = str(Path(__file__).parent / "fixtures" / "hostile-ladder.yaml")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("command", ["gap", "plan"])
def test_reports_are_one_self_contained_printable_file(command):
    page = run(command, "-p", EXAMPLE, "-f", "html")
    assert page.startswith("<!doctype html>")
    assert_self_contained(page)
    assert "@media print" in page and "prefers-color-scheme: dark" in page
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("svg") == 1  # the chart, inline
    assert "Readiness 70%: not ready for Director of PMO" in "".join(tags.text)


def test_the_plan_report_carries_the_plan():
    text = "".join(parse(run("plan", "-p", EXAMPLE, "-f", "html")).text)
    assert "Development plan" in text and "Skills to build" in text


@pytest.mark.parametrize("command", ["gap", "plan"])
def test_names_that_look_like_html_stay_text(command):
    page = run(command, "--ladder", HOSTILE, "--from", "start", "--target", "top", "-f", "html")
    tags = parse(page)
    assert all(t not in ("script", "img", "marquee", "b", "i") for t, _ in tags.tags)
    text = "".join(tags.text)
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text


@pytest.fixture
def team_folder(tmp_path):
    folder = tmp_path / "people"
    folder.mkdir()
    text = Path(EXAMPLE).read_text(encoding="utf-8")
    for n in range(1, 6):
        (folder / f"p{n}.yaml").write_text(text.replace("Alex Rivera", f"Person {n}"))
    (folder / "x.yaml").write_text('name: "<script>alert(9)</script>"\nskills: {leadership: 2}\n')
    return str(folder)


def test_the_team_report_is_one_page_with_the_heatmap_inline(team_folder):
    page = run("team", team_folder, "--target", "director", "--bench", "--shortages", "-f", "html")
    assert_self_contained(page)
    tags = parse(page)
    assert [t for t, _ in tags.tags].count("svg") == 1
    text = "".join(tags.text)
    assert "Gap to Director of PMO: 6 people" in text and "<script>alert(9)</script>" in text
    assert "Bench: who could step into each role" in text and "Shortages" in text
    assert "script" not in [t for t, _ in tags.tags]


def test_an_anonymous_team_report_names_nobody(team_folder):
    page = run("team", team_folder, "--target", "director", "--anonymous", "-f", "html")
    assert "Person 1" not in page and "alert(9)" not in page and "#1" in page


def test_a_team_without_target_lists_each_persons_own(team_folder):
    text = "".join(parse(run("team", team_folder, "-f", "html")).text)
    assert "Readiness for each person's own target: 5 people" in text
    assert "No target" in text
