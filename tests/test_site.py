"""`pmoladder site`: what the site holds, that it links up, and how it treats OUTDIR."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag

import pytest
from pages import assert_self_contained, parse
from typer.testing import CliRunner

from pmoladder.cli import app
from pmoladder.web.picture import BOX_W, _edge, rows

EXAMPLE = str(Path(__file__).parent.parent / "examples" / "profile.yaml")
HOSTILE = str(Path(__file__).parent / "fixtures" / "hostile-ladder.yaml")


def build(*args: str, code: int = 0):
    result = CliRunner().invoke(app, ["site", *args])
    assert result.exit_code == code, result.stderr
    return result


def pages(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*.html")
    }


def test_the_site_has_a_page_for_everything_and_nothing_personal(tmp_path, builtin):
    build(str(tmp_path / "out"))
    found = pages(tmp_path / "out")
    expected = {"index.html", "certifications.html", "steps.html", "challenges.html"}
    expected |= {"kpis.html", "feedback.html"}
    expected |= {f"roles/{r}.html" for r in builtin.roles}
    expected |= {f"skills/{s}.html" for s in builtin.skills}
    assert set(found) == expected
    for page in found.values():
        assert_self_contained(page)


def test_profiles_add_a_page_per_person(tmp_path, builtin):
    result = build(str(tmp_path / "out"), "--profile", EXAMPLE)
    person = (tmp_path / "out" / "people" / "alex-rivera.html").read_text(encoding="utf-8")
    text = "".join(parse(person).text)
    assert "Readiness 70%: not ready for Director of PMO" in text and "Development plan" in text
    assert "people/alex-rivera.html" in (tmp_path / "out" / "index.html").read_text()
    assert f"wrote {len(builtin.roles) + len(builtin.skills) + 7} pages" in result.stderr


@pytest.mark.parametrize("ladder", [None, HOSTILE])
def test_every_internal_link_resolves(tmp_path, ladder):
    build(str(tmp_path / "out"), *(["--ladder", ladder] if ladder else []))
    root = tmp_path / "out"
    checked = 0
    for name, page in pages(root).items():
        ids = {a["id"] for _, a in parse(page).tags if "id" in a}
        for tag, attrs in parse(page).tags:
            href = attrs.get("href")
            if tag != "a" or not href:
                continue
            checked += 1
            path, fragment = urldefrag(href)
            assert not path.startswith("/") and "://" not in path, (name, href)
            target = (root / name).parent / path if path else root / name
            assert target.resolve().is_file(), (name, href)
            if fragment and not path:
                assert fragment in ids, (name, href)
    assert checked > 10 * len(pages(root))  # every page has its navigation and more


def test_names_that_look_like_html_stay_text_on_every_page(tmp_path):
    build(str(tmp_path / "out"), "--ladder", HOSTILE)
    found = pages(tmp_path / "out")
    for page in found.values():
        tags = [t for t, _ in parse(page).tags]
        assert not {"script", "img", "marquee", "b", "i", "u", "em"} & set(tags)
    role = "".join(parse(found["roles/start.html"]).text)
    assert "<script>alert(1)</script>" in role


def test_a_folder_that_is_not_a_site_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("keep")
    result = build(str(out), code=2)
    assert "not empty" in result.stderr and (out / "mine.txt").read_text() == "keep"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_site_is_rebuilt_in_place(tmp_path):
    out = tmp_path / "out"
    build(str(out), "--profile", EXAMPLE)
    build(str(out))
    assert not (out / "people").exists() and (out / "index.html").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_an_unreadable_profile_writes_nothing(tmp_path, write):
    bad = write("bad.yaml", "skills: [")
    result = build(str(tmp_path / "out"), "--profile", bad, code=2)
    assert result.stderr.count("\n") == 1 and "bad.yaml:" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_picture_puts_a_fork_side_by_side(builtin, hostile_ladder):
    assert rows(builtin)[1] == ["junior-pm", "pmo-analyst"]
    assert rows(hostile_ladder) == [["start", "loner"], ["left", "right"], ["top"]]


def test_an_upward_arrow_leaves_and_enters_on_the_facing_sides():
    """Program Manager (lower left) to PMO Manager (upper right): the arrow must not run
    down the middle of the PMO Manager's box, where its own arrow to the Director is."""
    line = parse(_edge((0, 200, 50), (BOX_W + 36, 100, 50))).tags[0][1]
    x1, y1, x2, y2 = (float(line[k]) for k in ("x1", "y1", "x2", "y2"))
    assert (y1, y2) == (200, 150)
    assert BOX_W / 2 < x1 <= BOX_W and BOX_W + 36 <= x2 < BOX_W + 36 + BOX_W / 2


@pytest.fixture
def hostile_ladder():
    from pmoladder.ladder import ladder_from
    from pmoladder.yamlfile import load

    return ladder_from(load(HOSTILE))


def test_equivalent_certifications_show_as_one_of(tmp_path, builtin):
    build(str(tmp_path / "out"))
    role = next(r for r in builtin.roles.values() if r.certifications.required_any)
    page = (tmp_path / "out" / "roles" / f"{role.id}.html").read_text(encoding="utf-8")
    first = builtin.certifications[role.certifications.required_any[0][0]]
    assert "One of these:" in page and f"#{first.id}" in page
    certs = (tmp_path / "out" / "certifications.html").read_text(encoding="utf-8")
    section = certs.split(f'id="{first.id}"')[1].split("<h2")[0]
    assert f"roles/{role.id}.html" in section.split("Required for:")[1].split("</li>")[0]


def test_a_role_page_says_what_the_next_rung_adds_and_no_longer_requires(tmp_path):
    mini = str(Path(__file__).parent / "fixtures" / "mini-ladder.yaml")
    build(str(tmp_path / "out"), "--ladder", mini)
    starter = "".join(parse((tmp_path / "out/roles/starter.html").read_text()).text)
    lead = "".join(parse((tmp_path / "out/roles/lead.html").read_text()).text)
    assert "Money: newly required, 1 Basic" in starter
    assert "Planning: no longer required (now 2 Good)" in lead and "to 0" not in lead
