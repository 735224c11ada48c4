"""The gap chart: what it draws and how, whichever way the skills count goes."""

from __future__ import annotations

import math
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from pmoladder.gap import compute_gap, standing_of_role
from pmoladder.ladder import ladder_from
from pmoladder.render import svg
from pmoladder.yamlfile import load

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = Path(__file__).parent / "fixtures" / "hostile-ladder.yaml"


@pytest.fixture(scope="module")
def hostile():
    return ladder_from(load(str(HOSTILE)))


def chart(ladder, start, target):
    result = compute_gap(ladder, standing_of_role(ladder, ladder.role(start)), ladder.role(target))
    return result, ElementTree.fromstring(svg.gap_chart(ladder, result))


def texts(root):
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


def test_radar_outlines_the_requirement_over_the_current_level(builtin):
    result, root = chart(builtin, "pm", "director")
    shapes = [p for p in root.iter(f"{NS}polygon") if p.get("class")]
    assert [p.get("class") for p in shapes] == ["current", "required"]  # outline drawn last
    assert shapes[1].get("fill") == "none" and float(shapes[0].get("fill-opacity")) < 1
    words = texts(root)
    for level in range(1, builtin.max_level + 1):
        assert f"{level} {builtin.level_name(level)}" in words  # labelled rings
    assert any(w.endswith(": not ready") for w in words)


def test_a_ready_gap_says_so_in_words(builtin):
    _, root = chart(builtin, "director", "pm")
    assert "Readiness 100%: ready" in texts(root)


def test_past_two_dozen_skills_bars_replace_the_radar_sorted_by_gap(hostile):
    result, root = chart(hostile, "start", "top")
    assert len(result.skills) > svg.RADAR_MAX
    assert not [p for p in root.iter(f"{NS}polygon") if p.get("class")]
    required = [r for r in root.iter(f"{NS}rect") if r.get("class") == "required"]
    assert len(required) == len(result.skills) + 1  # one per skill, one in the legend
    notes = [t for t in texts(root) if re.fullmatch(r"\d of \d, (\d short|met)", t)]
    shorts = [0 if n.endswith("met") else int(n.split(", ")[1][0]) for n in notes]
    assert shorts == sorted(shorts, reverse=True) and len(notes) == len(result.skills)


@pytest.mark.parametrize(("start", "target"), [("pm", "director"), ("coordinator", "cpo")])
def test_every_label_fits_inside_the_canvas(builtin, start, target):
    _, root = chart(builtin, start, target)
    x0, y0, w, h = (float(v) for v in root.get("viewBox").split())
    for t in root.iter(f"{NS}text"):
        x, y, size = float(t.get("x")), float(t.get("y")), float(t.get("font-size"))
        lines = [span.text or "" for span in t.iter(f"{NS}tspan")]
        width = max(svg.text_width(line, size) for line in lines)
        left = {"start": x, "middle": x - width / 2, "end": x - width}[t.get("text-anchor")]
        assert x0 <= left and left + width <= x0 + w, lines
        assert y0 <= y - size and y + (len(lines) - 1) * svg.LINE <= y0 + h, lines


def test_long_names_wrap_and_keep_the_whole_name_as_a_tooltip(hostile):
    _, root = chart(hostile, "start", "top")
    long = next(
        t
        for t in root.iter(f"{NS}text")
        if t.find(f"{NS}title") is not None
        and t.find(f"{NS}title").text.startswith("A deliberately")
    )
    spans = [s.text for s in long.iter(f"{NS}tspan")]
    assert len(spans) == 2 and spans[-1].endswith("…")
    assert long.find(f"{NS}title").text.endswith("in one line")


def test_wrap_never_returns_more_lines_than_asked():
    assert svg.wrap("word " * 50, 10, 3)[-1].endswith("…")
    assert len(svg.wrap("word " * 50, 10, 3)) == 3
    assert svg.wrap("", 10) == [""]


def heatmap(ladder, names):
    """A team of one person per name, all with gaps of 0, 1, 2 and more, against the
    director."""
    from pmoladder.team import Member, team_view

    levels = {"predictive-delivery": 4, "agile-delivery": 3, "hybrid-delivery": 2}
    members = [
        Member(f"p{i}.yaml", name, "pm", None, 3, levels, frozenset())
        for i, name in enumerate(names)
    ]
    team = team_view(ladder, members, ladder.role("director"))
    return ElementTree.fromstring(svg.team(ladder, team))


def test_the_heatmap_fits_its_longest_names_and_skills(builtin):
    long = "Maximiliana Featherstonehaugh-Wolfeschlegelsteinhausen"
    root = heatmap(builtin, ["Al", long])
    x0, y0, w, _ = (float(v) for v in root.get("viewBox").split())
    texts = list(root.iter(f"{NS}text"))
    name = next(t for t in texts if "".join(t.itertext()) == long)
    assert float(name.get("x")) - svg.text_width(long) >= x0  # right-aligned, whole
    slanted = [t for t in texts if t.get("transform")]
    assert len(slanted) == len(builtin.requirements(builtin.role("director")))
    for t in slanted:
        rise = svg.text_width(t.text) * math.sin(svg.SLANT)
        run = svg.text_width(t.text) * math.cos(svg.SLANT)
        assert float(t.get("y")) - rise >= y0 and float(t.get("x")) + run <= x0 + w, t.text


def test_the_heatmap_has_a_dark_mode_and_readable_cells_in_both(builtin):
    root = heatmap(builtin, ["A", "B"])
    assert "prefers-color-scheme: dark" in root.find(f"{NS}style").text
    assert root.get("class") == "chart" and root.find(f"{NS}rect").get("class") == "bg"
    cells = [r for r in root.iter(f"{NS}rect") if "heat" in (r.get("class") or "")]
    assert {r.get("class") for r in cells} == {f"heat h{i}" for i in range(4)}  # with legend
    numbers = [t for t in root.iter(f"{NS}text") if "cell" in (t.get("class") or "")]
    on_red = {t.get("class") for t in numbers if t.text in ("3", "4", "5")}
    assert on_red == {"cell on-dark"} and {t.get("class") for t in numbers} >= {"cell"}
    style = root.find(f"{NS}style").text
    assert "text.cell { fill: #1a1a1a }" in style and "text.cell.on-dark { fill: #ffffff }" in style
