from __future__ import annotations

import datetime as dt

import pytest

from pmoladder.errors import PmoError
from pmoladder.freshness import add_years, freshness, months_before, today
from pmoladder.profile import load_profile

D = dt.date


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (D(2026, 11, 26), 12, D(2025, 11, 26)),
        (D(2026, 3, 31), 1, D(2026, 2, 28)),
        (D(2024, 3, 31), 1, D(2024, 2, 29)),
        (D(2026, 1, 15), 13, D(2024, 12, 15)),
        (D(2026, 1, 15), -25, D(2028, 2, 15)),
        (D(2026, 1, 15), 100_000, D.min),  # the calendar's ends hold, never overflow
        (D(1, 3, 1), 3, D.min),
        (D(9999, 6, 1), -36, D.max),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


def test_add_years_handles_leap_days():
    assert add_years(D(2024, 2, 29), 3) == D(2027, 2, 28)


def test_today_can_be_pinned(monkeypatch):
    assert today() == D(2026, 11, 26)  # pinned for every test in conftest
    monkeypatch.setenv("PMOLADDER_TODAY", "soon")
    with pytest.raises(PmoError, match="YYYY-MM-DD"):
        today()
    monkeypatch.setenv("PMOLADDER_TODAY", "2026-02-29")
    with pytest.raises(PmoError, match=r"^\$PMOLADDER_TODAY: 2026-02-29 is not a date"):
        today()


@pytest.mark.parametrize(
    ("earned", "as_of", "months"),
    [
        ("9999-06-01", "2026-11-26", 12),
        ("2020-01-01", "0001-01-01", 12),
        ("2020-01-01", "9999-12-31", 12),
        ("2020-01-01", "2026-11-26", 100_000),
    ],
)
def test_freshness_at_the_ends_of_the_calendar(builtin, write, earned, as_of, months):
    text = f"skills: {{leadership: {{level: 2, assessed: {earned}}}}}\n"
    text += f"certifications: [{{id: pmp, earned: {earned}}}]\n"
    person = load_profile(write("p.yaml", text), builtin)
    result = freshness(builtin, person, D.fromisoformat(as_of), months)
    assert result.as_of == D.fromisoformat(as_of) and "leadership" in result.assessed


def test_stale_ratings_and_certification_dates(builtin, write):
    person = load_profile(
        write(
            "p.yaml",
            """\
skills:
  leadership: {level: 3, assessed: 2025-11-25}
  governance: {level: 3, assessed: 2025-11-26}
  communication: 4
certifications:
  - {id: pmp, earned: 2023-11-25}
  - {id: csm, earned: 2025-02-24}
  - {id: capm, earned: 2020-01-01, expires: 2027-06-01}
  - prince2-foundation
  - {id: prince2-foundation-old, earned: 2001-01-01}
""",
        ),
        builtin,
    )
    fresh = freshness(builtin, person, D(2026, 11, 26), 12)
    assert fresh.stale == {"leadership": D(2025, 11, 25)}
    assert set(fresh.assessed) == {"leadership", "governance"}
    assert fresh.expired == {"pmp": D(2026, 11, 25)}
    assert fresh.expiring == {"csm": D(2027, 2, 24)}  # two-year renewal, 90 days away
