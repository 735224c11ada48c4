"""Reading dates people write by hand, and saying plainly what is wrong with one."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_SHAPE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date; a ValueError in our words when it is not one, or not a real day."""
    found = _SHAPE.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"expected a date written YYYY-MM-DD, not '{text}'")
    year, month, day = (int(part) for part in found.groups())
    if year < dt.MINYEAR:
        raise ValueError(f"{text} is not a date: years start at 0001")
    if not 1 <= month <= 12:
        raise ValueError(f"{text} is not a date: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"{text} is not a date: {calendar.month_name[month]} {year} has {last} days"
        )
    return dt.date(year, month, day)
