"""The ladder as a static website: a home page with the ladder and the skills matrix, a
page per role and per skill, pages for the rest of the knowledge base, and, only when
profiles are given, a page per person with their gap and plan.

The site is built in a fresh folder beside OUTDIR and moved into place at the end, so an
interruption leaves the previous site whole. OUTDIR may be new, empty, or a site this
command built before (it leaves a marker file); anything else is refused, not overwritten.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pmoladder.errors import PmoError

if TYPE_CHECKING:
    from pmoladder.freshness import Freshness
    from pmoladder.ladder import Ladder
    from pmoladder.plan import Plan
    from pmoladder.profile import Person

MARKER = ".pmoladder-site"
SECTIONS = {  # page name -> ladder attribute, title, what it is
    "steps": ("steps", "Development steps", "Ways to grow, and the skills each one develops."),
    "challenges": ("challenges", "Challenges", "What people meet on the way up, and what helps."),
    "kpis": ("kpis", "KPIs", "The measures senior roles are judged by."),
    "feedback": ("feedback", "Feedback", "Ways of gathering feedback on delivery."),
}


@dataclass(frozen=True)
class Page:
    """One person's page: their plan, which holds their gap, or None without a target."""

    slug: str
    name: str
    plan: Plan | None


def person_page(
    ladder: Ladder, path: str, person: Person, fresh: Freshness, taken: set[str]
) -> Page:
    from pmoladder.gap import GapReport, compute_gap
    from pmoladder.plan import make_plan

    name = person.name or Path(path).stem
    slug = _slug(name, taken)
    if person.target_role is None:
        return Page(slug, name, None)
    result = compute_gap(ladder, person.standing(), person.target_role)
    return Page(slug, name, make_plan(ladder, GapReport(result, fresh)))


def _slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40] or "person"
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def build(ladder: Ladder, outdir: str, people: list[Page]) -> int:
    """Write the site; returns how many pages it has."""
    target = Path(outdir)
    _check_target(target)
    parent = target.parent if str(target.parent) else Path(".")
    try:
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    except OSError as exc:
        raise PmoError(f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        pages = _pages(ladder, people)
        for name, html in pages.items():
            path = fresh / name
            path.parent.mkdir(exist_ok=True)
            path.write_text(html, encoding="utf-8", newline="\n")
        (fresh / MARKER).write_text("Built by pmoladder site; rebuilt in place.\n")
        os.chmod(fresh, 0o777 & ~_umask())
        _swap(fresh, target)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    return len(pages)


def _check_target(target: Path) -> None:
    if not target.exists():
        return
    if not target.is_dir():
        raise PmoError(f"{target} is a file, not a folder for the site")
    if any(target.iterdir()) and not (target / MARKER).exists():
        raise PmoError(
            f"{target} is not empty and holds no site built by pmoladder: "
            "choose a new or empty folder"
        )


def _swap(fresh: Path, target: Path) -> None:
    """Replace the old site with the new one; the old one is removed only once replaced."""
    if not target.exists():
        os.replace(fresh, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=fresh.parent))
    os.replace(target, old / "site")
    try:
        os.replace(fresh, target)
    except OSError:
        os.replace(old / "site", target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _pages(ladder: Ladder, people: list[Page]) -> dict[str, str]:
    from pmoladder import web
    from pmoladder.plan import kpi_text
    from pmoladder.progression import changes_between
    from pmoladder.render import svg
    from pmoladder.web.picture import picture

    env = web.environment()
    common = {"site": ladder, "ladder": ladder, "kpi_text": kpi_text, "people": people}

    def page(template: str, root: str = "", **context: Any) -> str:
        return str(env.get_template(template).render(root=root, **common, **context))

    needs: dict[str, list[tuple[Any, int]]] = {s: [] for s in ladder.skills}
    for role in ladder.roles.values():
        for skill, level, _ in ladder.requirements(role):
            needs[skill.id].append((role, level))
    pages = {
        "index.html": page(
            "index.html",
            picture=web.markup(picture(ladder)),
            matrix={s: {role.id: level for role, level in needs[s]} for s in needs},
        ),
        "certifications.html": page("certifications.html", required_by=_required_by(ladder)),
    }
    for name, (attr, title, about) in SECTIONS.items():
        entries = getattr(ladder, attr)
        pages[f"{name}.html"] = page("entries.html", entries=entries, title=title, about=about)
    for role in ladder.roles.values():
        moves = [
            (ladder.roles[n], changes_between(ladder, role, ladder.roles[n])) for n in role.next
        ]
        pages[f"roles/{role.id}.html"] = page("role.html", "../", role=role, moves=moves)
    for skill in ladder.skills.values():
        pages[f"skills/{skill.id}.html"] = page(
            "skill.html", "../", skill=skill, needs=needs[skill.id]
        )
    for person in people:
        chart = web.markup(svg.gap_chart(ladder, person.plan.gap)) if person.plan else None
        pages[f"people/{person.slug}.html"] = page("person.html", "../", person=person, chart=chart)
    return pages


def _required_by(ladder: Ladder) -> dict[str, list[Any]]:
    """The roles that require each certification, alone or as one of equivalents."""
    found: dict[str, list[Any]] = {c: [] for c in ladder.certifications}
    for role in ladder.roles.values():
        wanted = {
            *role.certifications.required,
            *(c for g in role.certifications.required_any for c in g),
        }
        for cid in wanted:
            found[cid].append(role)
    return found
