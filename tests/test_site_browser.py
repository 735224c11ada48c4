"""The web pages in a real browser: headless Chromium driven by Playwright.

Checked on the built-in ladder and on a hostile test ladder, each with a personal page:
every link resolves, nothing is fetched from outside the folder, no console error, no
script runs, nothing scrolls sideways on a 390 px phone, labels stay inside their charts,
and axe-core finds no serious or critical accessibility problem, in light and dark.
Screenshots of the home page and a role page, phone and desktop, are written to
$PMOLADDER_SCREENSHOTS (default: a `pmoladder-screenshots` folder in the temp directory).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from typer.testing import CliRunner

from pmoladder.cli import app

CHROMIUM = os.environ.get("PMOLADDER_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
HOW = (
    "needs Chromium and Playwright for Python: apt-get install chromium, then "
    "pip install -e '.[test]' (no 'playwright install' needed)"
)
if not Path(CHROMIUM).exists():
    pytest.skip(f"no browser at {CHROMIUM}: {HOW}", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason=HOW)
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason=HOW)

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE, DESKTOP = 390, 1280
ROOT = Path(__file__).parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile-ladder.yaml"
HOSTILE_PROFILE = """name: "<script>alert('p')</script> Pat"
current_role: start
target_role: top
years_experience: 3
skills: {s1: 2, s2: 1, s3: 4, s5: 3}
"""


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=False,  # --headless is in ARGS: Debian's build takes it from there
            args=ARGS,
            viewport={"width": DESKTOP, "height": 900},
        )
        yield context
        context.close()


def _build(kind: str, folder: Path) -> Path:
    if kind == "builtin":
        args = ["--profile", str(ROOT / "examples" / "profile.yaml")]
    else:
        (folder / "people").mkdir()
        (folder / "people" / "pat.yaml").write_text(HOSTILE_PROFILE, encoding="utf-8")
        args = ["--ladder", str(HOSTILE), "--profile", str(folder / "people")]
    os.environ["PMOLADDER_TODAY"] = "2026-11-26"
    result = CliRunner().invoke(app, ["site", str(folder / "out"), *args])
    assert result.exit_code == 0, result.stderr
    return folder / "out"


@pytest.fixture(scope="module", params=["builtin", "hostile"])
def site(request, tmp_path_factory):
    return _build(request.param, tmp_path_factory.mktemp(request.param))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return _build("hostile", tmp_path_factory.mktemp("hostile-only"))


class Visit:
    """A page opened with everything it does recorded."""

    def __init__(self, browser, path: Path, width: int = DESKTOP, dark: bool = False):
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page = browser.new_page()
        self.page.set_viewport_size({"width": width, "height": 900})
        self.page.emulate_media(color_scheme="dark" if dark else "light")
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(path.as_uri())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.page.close()


def test_every_page_loads_clean_links_resolve_and_fits_a_phone(browser, site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        with Visit(browser, path, PHONE) as v:
            assert v.errors == [] and v.dialogs == [], path
            assert all(u.startswith(("file://", "data:")) for u in v.requests), v.requests
            width = v.page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE, (path, width)
            links = "els => els.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"
            for href in v.page.eval_on_selector_all("a[href]", links):
                url = urlparse(href)
                assert url.scheme == "file", (path, href)
                target = Path(unquote(url.path))
                assert target.is_file(), (path, href)
                if url.fragment and target == path:
                    assert v.page.query_selector(f"[id='{url.fragment}']"), (path, href)


def test_chart_labels_stay_inside_their_pictures(browser, site):
    for path in [site / "index.html", *sorted((site / "people").glob("*.html"))]:
        with Visit(browser, path) as v:
            outside = v.page.evaluate(
                """() => [...document.querySelectorAll('svg')].flatMap(svg => {
                    const box = svg.viewBox.baseVal;
                    return [...svg.querySelectorAll('text')].filter(t => {
                        const b = t.getBBox();
                        return b.x < box.x || b.y < box.y || b.x + b.width > box.x + box.width
                            || b.y + b.height > box.y + box.height;
                    }).map(t => t.textContent);
                })"""
            )
            assert outside == [], path


def test_names_that_look_like_html_are_shown_as_text(browser, hostile_site):
    site = hostile_site
    with Visit(browser, site / "roles" / "start.html") as v:
        assert v.page.inner_text("h1") == "<script>alert(1)</script>"
        assert v.page.query_selector("main img, main script") is None and v.dialogs == []
    with Visit(browser, site / "roles" / "left.html") as v:
        assert v.page.inner_text("h1") == "<img src=x onerror=alert(5)>" and v.dialogs == []


def _axe_pages(site: Path) -> list[Path]:
    roles = sorted((site / "roles").glob("*.html"))
    return [
        site / "index.html",
        *roles[:2],
        sorted((site / "skills").glob("*.html"))[0],
        *(site / f"{name}.html" for name in ("certifications", "steps", "challenges", "kpis")),
        *sorted((site / "people").glob("*.html")),
    ]


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_no_serious_accessibility_problem(browser, site, dark):
    axe = axe_module.Axe()
    for path in _axe_pages(site):
        with Visit(browser, path, dark=dark) as v:
            found = axe.run(v.page).response["violations"]
            bad = [
                f"{x['id']}: {x['help']} ({len(x['nodes'])})"
                for x in found
                if x["impact"] in ("serious", "critical")
            ]
            assert bad == [], (path, bad)


def test_screenshots_of_the_home_and_a_role_page(browser, site):
    folder = Path(
        os.environ.get("PMOLADDER_SCREENSHOTS")
        or Path(tempfile.gettempdir()) / "pmoladder-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    kind = "builtin" if site.parent.name.startswith("builtin") else "hostile"
    role = sorted((site / "roles").glob("*.html"))[0]
    for name, path in (("home", site / "index.html"), ("role", role)):
        for width in (PHONE, DESKTOP):
            with Visit(browser, path, width) as v:
                height = v.page.evaluate("document.documentElement.scrollHeight")
                v.page.set_viewport_size({"width": width, "height": min(height, 6000)})
                shot = folder / f"{kind}-{name}-{width}.png"
                v.page.screenshot(path=str(shot))
                assert shot.stat().st_size > 10_000


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """gap, plan and team as one-file HTML reports, on the built-in and the hostile ladder."""
    folder = tmp_path_factory.mktemp("reports")
    (folder / "pat.yaml").write_text(HOSTILE_PROFILE, encoding="utf-8")
    example = str(ROOT / "examples" / "profile.yaml")
    runs = {
        "gap": ["gap", "-p", example],
        "plan": ["plan", "-p", example],
        "team": ["team", example, str(folder / "pat.yaml"), "--bench", "--shortages"],
        "hostile-plan": ["plan", "--ladder", str(HOSTILE), "-p", str(folder / "pat.yaml")],
        "hostile-team": ["team", "--ladder", str(HOSTILE), str(folder / "pat.yaml"), "-t", "top"],
    }
    for name, args in runs.items():
        result = CliRunner().invoke(app, [*args, "--format", "html"])
        assert result.exit_code in (0, 2), result.stderr  # 2: a profile left out of a team
        (folder / f"{name}.html").write_text(result.stdout, encoding="utf-8")
    return sorted(folder.glob("*.html"))


def test_reports_fit_a_phone_load_clean_and_pass_axe(browser, reports):
    axe = axe_module.Axe()
    for path in reports:
        for dark in (False, True):
            with Visit(browser, path, PHONE, dark) as v:
                assert v.errors == [] and v.dialogs == [], path
                assert all(u.startswith(("file://", "data:")) for u in v.requests), v.requests
                assert v.page.evaluate("document.documentElement.scrollWidth") <= PHONE, path
                found = axe.run(v.page).response["violations"]
                bad = [x["id"] for x in found if x["impact"] in ("serious", "critical")]
                assert bad == [], (path, dark, bad)
