"""Text from files stays text in every Markdown, HTML and SVG output, however it is written.

Each hostile string below is something Markdown, HTML or XML would otherwise act on: an
image and a link, raw tags, autolinks, emphasis, code, strikethrough, table pipes, block
markers at the start of a line, entities, and characters XML forbids. They are put in every
place a ladder or profile can put text, and the outputs are read back with real parsers.
"""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.dom import minidom
from xml.etree import ElementTree

import pytest
import yaml
from markdown_it import MarkdownIt
from pages import parse
from typer.testing import CliRunner

from pmoladder.cli import app

HOSTILE = [
    "<img src=https://evil.example/t.png> [Renew now](https://evil.example/login)",
    "**loud** _soft_ `code` ~~gone~~ <b>raw</b> <!-- hidden -->",
    "<https://evil.example/a> https://evil.example/b www.evil.example/c",
    "# not a heading | a pipe \\| and a backslash \\",
    "&amp; &#60;script&#62; &copy; ![pic](https://evil.example/p.png) [x]: https://evil.example",
    "- a list item",
    "1. an ordered item",
    "> a quote",
    "+ plus",
    "    four spaces",
    "Ops & Co. (ordinary) - punctuation.",
]
XML_FORBIDDEN = "bad\ufffe\uffff\x00\x01\x08\x0bend"  # characters XML 1.0 has no place for


def hostile(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)]


def ladder_data() -> dict:
    """A small ladder with hostile text in every field a report shows."""
    n = iter(range(1000))
    text = lambda: hostile(next(n))  # noqa: E731
    skills = ["plan", "lead", "money"]
    return {
        "schema_version": 1,
        "name": text(),
        "description": text(),
        "scale": [{"level": lv, "name": text()} for lv in range(4)],
        "skills": [
            {"id": s, "name": text(), "levels": {1: text(), 2: text(), 3: text()}} for s in skills
        ],
        "certifications": [
            {"id": c, "name": text(), "eligibility": text(), "renews_every_years": 1}
            for c in ("cert-a", "cert-b", "cert-c", "cert-d")
        ],
        "tools": [{"id": "board", "name": text()}],
        "roles": [
            {"id": "start", "name": text(), "next": ["top"], "skills": {"plan": 1}},
            {
                "id": "top",
                "name": text(),
                "summary": text(),
                "responsibilities": [text(), text(), text()],
                "min_years": 3,
                "skills": {"plan": 3, "lead": {"level": 2, "weight": 2}, "money": 1},
                "certifications": {
                    "required": ["cert-a"],
                    "required_any": [["cert-b", "cert-c"]],
                    "recommended": ["cert-d"],
                },
                "tools": ["board"],
                "kpis": ["k1"],
            },
        ],
        "steps": [
            {
                "id": "s1",
                "name": text(),
                "description": text(),
                "develops": skills,
                "actions": [text(), text()],
            },
        ],
        "challenges": [
            {
                "id": "c1",
                "name": text(),
                "description": text(),
                "strategies": [text(), text()],
                "skills": skills,
            },
        ],
        "kpis": [{"id": "k1", "name": text(), "description": text(), "measure": text()}],
        "feedback": [{"id": "f1", "name": text(), "description": text()}],
    }


def profile_data(name: str) -> dict:
    return {
        "name": name,
        "current_role": "start",
        "target_role": "top",
        "years_experience": 1,
        "skills": {
            "plan": {"level": 1, "assessed": "2020-01-01", "evidence": hostile(2)},
            "lead": 1,
        },
        "certifications": [
            {"id": "cert-d", "earned": "2020-01-01", "expires": "2021-01-01"},
            {"id": hostile(0), "earned": "2020-01-01", "expires": "2021-01-01"},
        ],
    }


@pytest.fixture
def files(tmp_path):
    ladder = tmp_path / "ladder.yaml"
    ladder.write_text(yaml.safe_dump(ladder_data()), encoding="utf-8")
    people = tmp_path / "people"
    people.mkdir()
    for i in range(4):
        (people / f"p{i}.yaml").write_text(yaml.safe_dump(profile_data(hostile(i))), "utf-8")
    (people / "x.yaml").write_text(yaml.safe_dump(profile_data(XML_FORBIDDEN)), "utf-8")
    return str(ladder), str(people), str(people / "p0.yaml")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def outputs(files, fmt: str) -> dict[str, str]:
    ladder, people, profile = files
    out = {
        "gap": run("gap", "--ladder", ladder, "-p", profile, "-f", fmt),
        **(
            {"plan": run("plan", "--ladder", ladder, "-p", profile, "-f", fmt)}
            if fmt != "svg"
            else {}
        ),
        "team": run(
            "team",
            people,
            "--ladder",
            ladder,
            "-t",
            "top",
            "-f",
            fmt,
            *(["--bench", "--shortages"] if fmt != "svg" else []),
        ),
    }
    if fmt == "markdown":
        out["role"] = run("role", "top", "--ladder", ladder, "-f", fmt)
        out["team-own"] = run("team", people, "--ladder", ladder, "-f", fmt, "--bench")
    return out


def markdown_parser() -> MarkdownIt:
    """CommonMark with the tables and strikethrough of the git hosts, raw HTML allowed."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def inline_tokens(tokens):
    for token in tokens:
        yield token
        yield from inline_tokens(token.children or [])


class Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []

    def handle_data(self, data):
        self.text.append(data)


OURS_IN_BOLD = re.compile(r"Readiness: \d+%|\d+%|Team total")


def shown(html: str) -> str:
    page = Text()
    page.feed(html)
    return "".join(page.text)


def test_markdown_shows_hostile_text_as_text_and_keeps_its_own_structure(files):
    md = markdown_parser()
    everything = ""
    for name, text in outputs(files, "markdown").items():
        tokens = md.parse(text)
        kinds = {t.type for t in inline_tokens(tokens)}
        forbidden = {"html_inline", "html_block", "link_open", "image", "s_open", "em_open"}
        forbidden |= {"blockquote_open", "ordered_list_open", "code_block", "hr"}
        assert not kinds & forbidden, (name, kinds & forbidden)
        for token in inline_tokens(tokens):
            if token.type == "code_inline":  # our own: the role's id and its skills' ids
                assert token.content in ("top", "plan", "lead", "money"), name
        html = md.render(text)
        assert not re.search(r"<(?:img|a|b|em|del|s|script)\b", html), name
        # Bold is ours: figures, a total, or a whole name we chose to stress.
        for bold in re.findall(r"<strong>(.*?)</strong>", html):
            assert OURS_IN_BOLD.fullmatch(bold) or shown(bold) in STRIPPED, (name, bold)
        # Our structure: one top heading, and tables or lists below it.
        assert sum(t.type == "heading_open" and t.tag == "h1" for t in tokens) == 1, name
        assert any(t.type in ("table_open", "bullet_list_open") for t in tokens), name
        everything += shown(html)
    for string in STRIPPED:  # each hostile string is shown exactly as written
        assert string in everything, string


STRIPPED = {h.strip() for h in HOSTILE}


def test_plan_markdown_keeps_headings_tables_and_task_lists(files):
    text = outputs(files, "markdown")["plan"]
    tokens = markdown_parser().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("Development plan: ")
    assert {"Skills", "Steps", "Certifications", "Experience"} <= set(headings)
    items = [t.content for t in tokens if t.type == "inline" and t.content.startswith("[ ] ")]
    assert len(items) >= 5  # the task list's checkboxes survive


def test_every_svg_is_well_formed_and_shows_names_as_text(files):
    for name, text in outputs(files, "svg").items():
        root = ElementTree.fromstring(text)
        minidom.parseString(text)
        words = "".join(root.itertext())
        assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("img", "a", "b", "script")]
        assert "\ufffe" not in text and "\x00" not in text
        assert any(h in words for h in HOSTILE), name


def test_the_team_svg_keeps_a_name_that_xml_forbids_readable(files):
    root = ElementTree.fromstring(outputs(files, "svg")["team"])
    assert "bad\\ufffe\\uffff\\x00\\x01\\x08\\x0bend" in "".join(root.itertext())


@pytest.mark.parametrize("fmt", ["markdown", "svg", "html"])
def test_a_file_name_that_is_not_utf8_is_shown_escaped(files, fmt):
    """Such a name reaches Python as a lone surrogate, which neither UTF-8 nor XML allows."""
    _, people, _ = files
    unnamed = yaml.safe_dump({**profile_data(""), "name": None})
    (Path(people) / os.fsdecode(b"z\xff.yaml")).write_text(unnamed, "utf-8")
    text = outputs(files, fmt)["team"]
    assert "z\\udcff" in (shown(markdown_parser().render(text)) if fmt == "markdown" else text)
    if fmt == "svg":
        minidom.parseString(text)


def test_html_reports_show_hostile_names_as_text(files):
    everything = ""
    for name, page in outputs(files, "html").items():
        tags = parse(page)
        bad = [
            t
            for t, a in tags.tags
            if t in ("script", "img", "b", "a") or any(k.startswith("on") for k in a)
        ]
        assert not bad, (name, bad)
        assert "\ufffe" not in page and "\x00" not in page
        everything += "".join(tags.text)
    for string in STRIPPED:
        assert string in everything, string


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("https://evil.example/b", "https\\://evil.example/b"),  # a git host's bare-URL links
        ("www.evil.example", "www\\.evil.example"),
        ("Ops & Co. (ordinary) - punctuation.", "Ops & Co. (ordinary) - punctuation."),
        ("AT&T &amp;", "AT&T \\&amp;"),
        ("2024. A year", "2024\\. A year"),
        ("snake_case", "snake\\_case"),
    ],
)
def test_markdown_escapes_what_a_git_host_would_link_and_nothing_ordinary(text, escaped):
    from pmoladder.render.markdown import cell

    assert cell(text) == escaped
