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
