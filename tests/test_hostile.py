"""Hostile and broken files, through the installed command: one line, exit 2, bounded cost.

Each case is a profile (or ladder) someone could hand-edit, merge badly, paste or craft.
Whatever the file, the answer is one located line on stderr and exit 2, in well under a
second of CPU and 200 MB, with no traceback and nothing executed.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path
from xml.dom import minidom

import pytest
from installed import EXE, Measured, installed, run_measured

pytestmark = installed
# CPU seconds of the command's own process, so a loaded machine cannot turn it red; a typical
# answer takes a fifth of that.
MAX_CPU_SECONDS = 2.0
MAX_RSS_KB = 200 * 1024


def bomb(where: str) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]")
    anchors = "\n".join("x-" + line for line in lines)
    return anchors + "\n" + where + "\n"


def random_bytes() -> bytes:
    return random.Random(7).randbytes(4096)


# (id, file content, text expected in the error, whether a line:col is expected)
CASES = [
    ("bomb-in-skills", bomb("skills: {leadership: *a11}"), "expands to more than", True),
    ("bomb-in-extension-key", bomb("x-notes: *a11"), "expands to more than", True),
    ("bomb-in-certifications", bomb("certifications: *a11"), "expands to more than", True),
    ("recursive-alias", "skills: &s {leadership: *s}\n", "contains it", True),
    ("deep-flow-lists", "[" * 50_000 + "]" * 50_000, "nesting", True),
    ("deep-flow-maps", "{a: " * 50_000 + "}" * 50_000, "nesting", True),
    (
        "deep-block-maps",
        "".join(" " * i + "a:\n" for i in range(1000)) + " " * 1000 + "b\n",
        "nesting",
        True,
    ),
    ("20mb-single-line", "name: " + "x" * 20_000_000 + "\n", "MiB limit", False),
    ("random-bytes", random_bytes(), "", True),
    ("invalid-utf8", b"name: caf\xe9\n", "not valid UTF-8", True),
    ("nul-byte", b"name: a\x00b\n", "#x0000 is not allowed", True),
    ("empty", "", "empty", True),
    ("top-level-list", "- pmp\n- capm\n", "found a list", True),
    ("top-level-scalar", "hello\n", "found a single value", True),
    (
        "python-tag",
        "name: !!python/object/apply:os.system ['touch pwned']\n",
        "tag not allowed",
        True,
    ),
    ("python-name-tag", "name: !!python/name:os.system\n", "tag not allowed", True),
    ("duplicate-keys", "skills:\n  leadership: 2\n  leadership: 4\n", "duplicate key", True),
    ("tab-indent", "skills:\n\tleadership: 2\n", "tabs cannot indent YAML; use spaces", True),
    (
        "tab-among-spaces",
        "skills:\n  leadership: 2\n\t\n  risk: 1\n",
        "tabs cannot indent YAML; use spaces",
        True,
    ),
    ("unterminated-string", 'name: "Alex\nskills: {}\n', "end of stream", True),
    ("unknown-top-key", "skils: {leadership: 2}\n", "did you mean 'skills'", True),
    ("unknown-nested-key", "skills:\n  leadership: {levle: 2}\n", "did you mean 'level'", True),
    ("unknown-skill", "skills: {leadrship: 2}\n", "did you mean 'leadership'", True),
    ("level-out-of-range", "skills: {leadership: 6}\n", "outside the scale", True),
    ("level-negative", "skills: {leadership: -1}\n", "outside the scale", True),
    ("level-fraction", "skills: {leadership: 2.5}\n", "expected a level", True),
    ("level-boolean", "skills: {leadership: yes}\n", "expected a level", True),
    ("level-unknown-name", "skills: {leadership: guru}\n", "unknown level name", True),
    ("years-negative", "years_experience: -3\n", "0 or more", True),
    ("years-text", "years_experience: ten\n", "0 or more", True),
    ("role-unknown", "current_role: directr\n", "did you mean 'director'", True),
    (
        "skills-not-a-map",
        "current_role: pm\nskills: [leadership]\n",
        "skills: expected a mapping of keys, got a list",
        True,
    ),
    ("role-read-as-boolean", "current_role: No\n", "got false (YAML reads yes, no", True),
    ("name-read-as-date", "name: 2026-01-01\n", "expected text, got the date 2026-01-01", True),
    ("tools-not-a-list", "tools: {jira: 1}\n", "tools: expected a list, got a mapping", True),
    (
        "assessed-day-past-month-end",
        "skills:\n  leadership: {level: 2, assessed: 2026-02-30}\n",
        "skills.leadership.assessed: 2026-02-30 is not a date: February 2026 has 28 days",
        True,
    ),
    (
        "earned-leap-day-in-common-year",
        "certifications:\n  - {id: pmp, earned: 2023-02-29}\n",
        "certifications.0.earned: 2023-02-29 is not a date",
        True,
    ),
    (
        "expires-month-13",
        "certifications:\n  - {id: pmp, expires: 2026-13-45}\n",
        "certifications.0.expires: 2026-13-45 is not a date: there is no month 13",
        True,
    ),
    (
        "quoted-impossible-date",
        'certifications:\n  - {id: pmp, earned: "2026-04-31"}\n',
        "April 2026 has 30 days",
        True,
    ),
    ("year-zero", "certifications:\n  - {id: pmp, earned: 0000-01-01}\n", "years start", True),
]


def run(*args: str, cwd: Path, input: bytes = b"", max_cpu: float = MAX_CPU_SECONDS) -> Measured:
    """Run the installed command; every hostile file is answered within the time and memory."""
    result = run_measured(*args, cwd=cwd, input=input)
    assert result.cpu_seconds < max_cpu, (result.cpu_seconds, args)
    assert result.max_rss_kb < MAX_RSS_KB, (result.max_rss_kb, args)
    return result


def check_one_line(result: Measured, path: str, expected: str, located: bool) -> str:
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    assert err.startswith(path + (":" if located else "")), err
    if located:
        line, column = err[len(path) + 1 :].split(":")[:2]
        assert line.isdigit() and column.isdigit(), err
    assert expected in err, err
    assert "\x1b" not in err and "\x00" not in err
    return err


@pytest.mark.parametrize(
    ("content", "expected", "located"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_profile(tmp_path, content, expected, located):
    path = tmp_path / "profile.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run("gap", "--profile", str(path), "--target", "pm", "--format", "json", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == b""
    check_one_line(result, str(path), expected, located)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize(
    ("content", "expected", "located"),
    [c[1:] for c in CASES if c[0].startswith(("bomb", "deep", "python"))],
    ids=[c[0] for c in CASES if c[0].startswith(("bomb", "deep", "python"))],
)
def test_hostile_ladder(tmp_path, content, expected, located):
    path = tmp_path / "ladder.yaml"
    path.write_bytes(content.encode("utf-8"))
    result = run("roles", "--ladder", str(path), cwd=tmp_path)
    assert result.returncode == 2
    check_one_line(result, str(path), expected, located)


@pytest.mark.parametrize("kind", ["directory", "missing"])
def test_unreadable_profile_paths(tmp_path, kind):
    path = tmp_path if kind == "directory" else tmp_path / "nope.yaml"
    result = run("gap", "--profile", str(path), "--target", "pm", cwd=tmp_path)
    assert result.returncode == 2
    check_one_line(
        result, str(path), "directory" if kind == "directory" else "no such file", located=False
    )


def test_escape_sequences_in_errors_are_neutralised(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text('current_role: "\\e]0;owned\\a\\e[31mred"\n')
    result = run("gap", "--profile", str(path), "--target", "pm", cwd=tmp_path)
    err = result.stderr.decode()
    assert result.returncode == 2 and "\x1b" not in err and "\x07" not in err
    assert "\\x1b]0;owned" in err


def test_billion_laughs_would_really_explode_without_the_guard():
    """The guard is what saves us: the same document, expanded, is astronomically large."""
    import yaml

    data = yaml.safe_load(bomb("x: 1").replace("x-a", "a"))  # aliases are shared: cheap
    size, layer = 1, data["a11"]
    for _ in range(11):
        size, layer = size * len(layer), layer[0]
    assert size * len(layer) == 10**12


@pytest.mark.parametrize(
    ("content", "expected", "located"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_hostile_files_through_validate_exit_1(tmp_path, content, expected, located):
    path = tmp_path / "profile.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = run("validate", "--kind", "profile", str(path), cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == b""
    check_one_line(result, str(path), expected, located)


LADDER_HEAD = """\
schema_version: 1
name: L
scale: [{level: 0, name: Zero}, {level: 1, name: One}]
skills: [{id: a, name: A}]
roles:
"""

# Files with thousands of mistakes: (id, kind, content, the first error). Errors are located
# in one pass, suggestions are worked out for the first few only, and a report stops at 100
# problems and a count of the rest. The largest stays just under the node limit, and reading
# its 90,000 nodes alone takes about a second of CPU, so these have a bound of their own:
# wide enough for a loaded machine, far below what work growing with the square would take.
MANY_MAX_CPU_SECONDS = 4.0
MANY_CASES = [
    (
        "45000-unknown-keys",
        "profile",
        "target_role: pm\n" + "".join(f"k{i}: 1\n" for i in range(45_000)),
        "unknown key 'k0'",
    ),
    (
        "45000-unknown-skills",
        "profile",
        "skills:\n" + "".join(f"  unknown-{i}: 2\n" for i in range(45_000)),
        "unknown skill 'unknown-0'",
    ),
    (
        "3000-roles-of-unknown-next",
        "ladder",
        LADDER_HEAD
        + "".join(
            f"  - {{id: role-{i}, name: R{i}, skills: {{a: 1}}, next: [nowhere-{i}]}}\n"
            for i in range(3000)
        ),
        "unknown role 'nowhere-0'",
    ),
]


@pytest.mark.parametrize(
    ("kind", "content", "expected"), [c[1:] for c in MANY_CASES], ids=[c[0] for c in MANY_CASES]
)
def test_many_errors_are_answered_fast_and_capped(tmp_path, kind, content, expected):
    path = tmp_path / f"{kind}.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("validate", "--kind", kind, str(path), cwd=tmp_path, max_cpu=MANY_MAX_CPU_SECONDS)
    lines = result.stderr.decode("utf-8").splitlines()
    assert result.returncode == 1 and len(lines) == 101, lines[-3:]
    assert expected in lines[0] and lines[-1].endswith("more problems, not shown")
    command = ["gap", "--target", "pm", "--profile"] if kind == "profile" else ["roles", "--ladder"]
    result = run(*command, str(path), cwd=tmp_path, max_cpu=MANY_MAX_CPU_SECONDS)
    assert result.returncode == 2
    check_one_line(result, str(path), expected, located=True)


def alias_strings(levels: int) -> str:
    """Long text repeated through nested aliases: small on disk, megabytes expanded."""
    lines = ['x-a0: &a0 ["' + "l" * 900 + '"]']
    for i in range(1, levels + 1):
        lines.append(f"x-a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


MINI = str(Path(__file__).parent / "fixtures" / "mini-ladder.yaml")
LEAD = "target_role: lead\n"

# Profiles that load, but that a writer could mangle: (id, profile, answers piped to
# `assess --no-evidence` unless the answers hold evidence, what each skill reads back as).
# An expected None means the answers are refused: exit 2, file unchanged.
ASSESS_CASES = [
    (
        "aliases-of-long-text",
        LEAD + alias_strings(4) + "skills: {planning: 1}\n",
        "2\n\n\n",
        {"planning": {"level": 2}, "people": None},
    ),
    (
        "two-skills-share-an-anchor",
        LEAD + "x-mid: &mid {level: 2}\nskills:\n  planning: *mid\n  people: *mid\n",
        "3\n\n\n",
        {"planning": {"level": 3}, "people": {"level": 2}},
    ),
    (
        "a-skill-holds-the-anchor",
        LEAD + "skills:\n  planning: &mid {level: 2}\n  people: *mid\n",
        "3\n\n\n",
        {"planning": {"level": 3}, "people": {"level": 2}},
    ),
    (
        "a-merge-key",
        LEAD + "x-base: &b {level: 1, evidence: old}\nskills:\n  planning: {<<: *b}\n",
        "2\n\n\n",
        {"planning": {"level": 2, "evidence": "old"}},
    ),
    (
        "a-scalar-anchor-on-evidence",
        LEAD + "x-e: &ev Led it\nskills:\n  planning: {level: 1, evidence: *ev}\n"
        "  people: {level: 1, evidence: *ev}\n",
        "\n\n2\n\n\n\n",
        {
            "planning": {"level": 1, "evidence": "Led it"},
            "people": {"level": 2, "evidence": "Led it"},
        },
    ),
    (
        "evidence-that-reads-as-other-types",
        LEAD,
        "1\nyes\n1\n1:30\n1\non\n",
        {
            "planning": {"evidence": "yes"},
            "people": {"evidence": "1:30"},
            "money": {"evidence": "on"},
        },
    ),
    ("level-superscript-two", LEAD, "\u00b2\n", None),
    ("level-arabic-indic-digit", LEAD, "\u0663\n", None),
    ("level-of-5000-digits", LEAD, "9" * 5000 + "\n", None),
]


@pytest.mark.parametrize(
    ("profile", "answers", "expected"),
    [c[1:] for c in ASSESS_CASES],
    ids=[c[0] for c in ASSESS_CASES],
)
def test_hostile_profiles_through_assess(tmp_path, profile, answers, expected):
    import yaml

    path = tmp_path / "profile.yaml"
    path.write_text(profile)
    args = ["assess", "-p", str(path), "--ladder", MINI]
    if answers.count("\n") == 3:
        args.append("--no-evidence")
    result = run(*args, cwd=tmp_path, input=answers.encode())
    err = result.stderr.decode()
    assert "Traceback" not in err and "internal error" not in err, err
    if expected is None:
        assert result.returncode == 2 and "is not a level of this ladder" in err
        assert path.read_text() == profile
        return
    assert result.returncode == 0, err
    assert len(path.read_bytes()) < len(profile) + 200  # anchors stay anchors
    assert subprocess.run([EXE, "validate", "--ladder", MINI, str(path)]).returncode == 0
    skills = yaml.safe_load(path.read_text())["skills"]
    for skill_id, entry in expected.items():
        if entry is None:
            assert skill_id not in skills
        else:
            assert {k: skills[skill_id][k] for k in entry} == entry


def test_assess_prompts_never_print_escapes_from_the_profile(tmp_path):
    path = tmp_path / "profile.yaml"
    path.write_text(
        LEAD + 'skills:\n  planning: {level: 1, evidence: "\\e]0;pwn\\a\\e[2J\\u202egnp\\x9b1m"}\n'
    )
    result = subprocess.run(
        [EXE, "assess", "-p", str(path), "--ladder", MINI],
        input=b"\n" * 6,
        capture_output=True,
        timeout=60,
    )
    err = result.stderr.decode()
    assert result.returncode == 0 and "Evidence [\\x1b]0;pwn" in err
    assert not any(ch in err for ch in "\x1b\x07\u202e\x9b")


# --- names that Markdown, HTML or XML would act on: (id, name) ----------------------------
OUTPUT_CASES = [
    (
        "image-and-link",
        "<img src=https://evil.example/t.png> [Renew now](https://evil.example/login)",
    ),
    ("autolinks", "<https://evil.example/a> https://evil.example/b www.evil.example/c"),
    ("emphasis-code-strikethrough", "**loud** _soft_ `code` ~~gone~~"),
    ("raw-html-and-comment", "<b>bold</b><!-- hidden --><script>alert(1)</script>"),
    ("entities", "&#60;script&#62; &amp; &copy;"),
    ("table-pipe-and-backslash", "a | b \\| c \\"),
    ("list-marker", "- item"),
    ("ordered-marker", "1. item"),
    ("quote-marker", "> quote"),
    ("heading-marker", "# heading #"),
    ("xml-noncharacters", "bad\ufffe\uffff end"),
    ("xml-controls", "bad\x00\x01\x0b end"),
]


@pytest.mark.parametrize("name", [c[1] for c in OUTPUT_CASES], ids=[c[0] for c in OUTPUT_CASES])
def test_hostile_names_stay_text_in_markdown_svg_and_html(tmp_path, name):
    import yaml
    from markdown_it import MarkdownIt
    from pages import parse

    from pmoladder.errors import one_line

    def plan_markdown(text: str) -> str:
        ladder = yaml.safe_load(Path(MINI).read_text(encoding="utf-8"))
        ladder["certifications"][0]["name"] = text
        ladder["skills"][0]["name"] = text
        ladder["roles"][1]["name"] = text
        ladder["steps"][0]["description"] = text  # a paragraph of its own
        (tmp_path / "ladder.yaml").write_text(yaml.safe_dump(ladder), encoding="utf-8")
        result = run("plan", *common, "markdown", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        return result.stdout.decode()

    (tmp_path / "p.yaml").write_text(LEAD + "skills: {planning: 1}\n", encoding="utf-8")
    common = ["--ladder", "ladder.yaml", "-p", "p.yaml", "--target", "lead", "--format"]
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    plain = md.parse(plan_markdown("Plain name"))
    tokens = md.parse(plan_markdown(name))
    assert [t.type for t in tokens] == [t.type for t in plain]  # the same headings, lists...
    kinds = {t.type for block in tokens for t in [block, *(block.children or [])]}
    assert not kinds & {"html_inline", "link_open", "image", "em_open", "s_open", "code_inline"}
    shown = "".join(parse(md.renderer.render(tokens, md.options, {})).text)
    assert one_line(name) in shown  # every character shows as itself (controls as escapes)

    svg = run("gap", *common, "svg", cwd=tmp_path)
    assert svg.returncode == 0, svg.stderr
    minidom.parseString(svg.stdout)  # well-formed XML, whatever the name holds

    html = run("plan", *common, "html", cwd=tmp_path)
    assert html.returncode == 0, html.stderr
    tags = [t for t, _ in parse(html.stdout.decode()).tags]
    assert not {"img", "a", "b", "script"} & set(tags)
