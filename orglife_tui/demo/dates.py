"""Date arithmetic of the demo generator: years, working days, anniversaries (months are
``orglife_tui.domain.dates``)."""

from __future__ import annotations

import random
from datetime import date, timedelta


def add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28) + timedelta(days=1)


def weekday_in(rng: random.Random, year: int, month: int, first: int, last: int) -> date:
    """A working day between the given days of the month (inclusive)."""
    days = [
        date(year, month, d)
        for d in range(first, last + 1)
        if _valid_day(year, month, d) and date(year, month, d).weekday() < 5
    ]
    if not days:  # impossible for ranges of a week or more
        return date(year, month, first)
    return rng.choice(days)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def fixed_working_day(year: int, month: int, day: int) -> date:
    """The fixed day of the month, moved to the Monday after when it falls on a weekend."""
    d = date(year, month, day)
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


def anniversary_in(joined: date, year: int) -> date:
    try:
        return joined.replace(year=year)
    except ValueError:  # joined on 29 February
        return date(year, 3, 1)
