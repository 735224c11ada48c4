"""How fresh a profile is: self-ratings that are old, certifications that have lapsed."""

from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass, field

from pmoladder.dates import parse_date
from pmoladder.errors import PmoError
from pmoladder.ladder import Ladder
from pmoladder.profile import Person

EXPIRING_WITHIN_DAYS = 90
TODAY_ENV = "PMOLADDER_TODAY"


@dataclass(frozen=True)
class Freshness:
    as_of: dt.date
    stale_after_months: int
    assessed: dict[str, dt.date] = field(default_factory=dict)  # skill -> when assessed
    stale: dict[str, dt.date] = field(default_factory=dict)  # the old ones among them
    expired: dict[str, dt.date] = field(default_factory=dict)  # certification -> expiry
    expiring: dict[str, dt.date] = field(default_factory=dict)


def today() -> dt.date:
    """Today, or $PMOLADDER_TODAY (YYYY-MM-DD) for reproducible reports."""
    value = os.environ.get(TODAY_ENV)
    if not value:
        return dt.date.today()
    try:
        return parse_date(value)
    except ValueError as exc:
        raise PmoError(f"${TODAY_ENV}: {exc}") from None


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (later when negative), at the month's end if shorter;
    held to the calendar's first and last day, so no setting or file can overflow it."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    if year < dt.MINYEAR:
        return dt.date.min
    if year > dt.MAXYEAR:
        return dt.date.max
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: float) -> dt.date:
    return months_before(day, -round(years * 12))


def expiry(ladder: Ladder, person: Person, cert_id: str) -> dt.date | None:
    """The profile's own `expires`, else `earned` plus the ladder's renewal period."""
    held = person.certifications[cert_id]
    if held.expires is not None:
        return held.expires
    cert = ladder.certifications.get(cert_id)
    if held.earned is None or cert is None or cert.renews_every_years is None:
        return None
    return add_years(held.earned, cert.renews_every_years)


def freshness(ladder: Ladder, person: Person, as_of: dt.date, stale_after_months: int) -> Freshness:
    cutoff = months_before(as_of, stale_after_months)
    window = dt.timedelta(days=EXPIRING_WITHIN_DAYS)
    soon = min(as_of, dt.date.max - window) + window  # the calendar ends at 9999-12-31
    result = Freshness(as_of, stale_after_months)
    for skill_id, rating in person.skills.items():
        if rating.assessed is not None:
            result.assessed[skill_id] = rating.assessed
            if rating.assessed < cutoff:
                result.stale[skill_id] = rating.assessed
    for cert_id in person.certifications:
        ends = expiry(ladder, person, cert_id)
        if ends is None:
            continue
        if ends < as_of:
            result.expired[cert_id] = ends
        elif ends <= soon:
            result.expiring[cert_id] = ends
    return result
