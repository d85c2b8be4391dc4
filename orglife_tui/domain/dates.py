"""Dates as users write them (``1980-3-8``, ``1985年5月5日``, Excel serial numbers,
months), the consistency of a member's dates, and month arithmetic.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, timedelta

from orglife_tui.domain.enums import MemberStatus
from orglife_tui.domain.parsing import InputError

_DATE_FORMS = (
    re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$", re.ASCII),  # 1980-3-8, 1972.05.16
    re.compile(r"^(\d{4})(年)(\d{1,2})月(\d{1,2})[日号]?$", re.ASCII),  # 1985年5月5日
    re.compile(r"^(\d{4})()(\d{2})(\d{2})$", re.ASCII),  # 19800308
)
_MONTH_FORMS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})$", re.ASCII),  # 1985-05, 1985.5
    re.compile(r"^(\d{4})年(\d{1,2})月?$", re.ASCII),  # 1985年5月
    re.compile(r"^(\d{4})(\d{2})$", re.ASCII),  # 198505
)
# A time of midnight that spreadsheets and exports append to a date.
_MIDNIGHT = re.compile(r"[ T]0?0:00(:00(\.0+)?)?$")


def parse_date(text: str, *, month_only: bool = False) -> date:
    """A date as people write it in forms and rosters: ``1980-03-08``, ``1980-3-8``,
    ``1980/3/8``, ``1972.05.16``, ``19800308``, ``1985年5月5日`` (full-width digits and
    spaces do not matter; a time of 00:00:00 after the date is read past).

    A month without a day (``1985年5月``, ``1985.05``, ``198505``) is refused with its own
    key, unless ``month_only``: then it is the first of that month. Only a birth date
    (出生年月, by its nature a month) is read that way; a join or conversion date without its
    day would move the political birthday and the end of probation.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    raw = _MIDNIGHT.sub("", raw)
    raw = "".join(raw.split())
    for pattern in _DATE_FORMS:
        m = pattern.match(raw)
        if m:
            y, _, mo, d = m.groups()
            try:
                return date(int(y), int(mo), int(d))
            except ValueError as exc:
                raise InputError(f"no such date {text.strip()!r}", "problem.no_such_date") from exc
    for pattern in _MONTH_FORMS:
        m = pattern.match(raw)
        if m:
            y, mo = (int(g) for g in m.groups())
            if not month_only:
                raise InputError(f"no day in {text.strip()!r}", "roster.day_missing")
            try:
                return date(y, mo, 1)
            except ValueError as exc:
                raise InputError(f"no such month {text.strip()!r}", "problem.no_such_date") from exc
    raise InputError(f"bad date {text.strip()!r} (use YYYY-MM-DD)", "problem.bad_date")


# Excel counts days from 1899-12-30 (its 1900 leap-year bug makes the offset 30, not 31).
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_SERIAL = re.compile(r"^\d{5}(\.0+)?$", re.ASCII)


def excel_serial_date(text: str) -> date | None:
    """The date an Excel serial number stands for (``29299`` → 1980-03-18), or None.

    Only five-digit serials (1927-05-18 … 2173-10-13) are read: a four-digit number is a
    year, eight digits are ``YYYYMMDD``. Callers use it for cells of a date column only; a
    number anywhere else is a number.
    """
    raw = text.strip()
    if not _EXCEL_SERIAL.match(raw):
        return None
    return _EXCEL_EPOCH + timedelta(days=int(float(raw)))


def parse_month(text: str) -> str:
    """A month written YYYY-MM (or YYYY/MM, YYYY年M月), normalised to YYYY-MM."""
    raw = text.strip()
    m = re.match(r"^(\d{4})[-/年](\d{1,2})月?$", raw)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise InputError(f"bad month {raw!r} (use YYYY-MM)", "problem.bad_month")
    return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"


# ---------------------------------------------------------------------------- months
# A month is a (year, month) pair or its key ``YYYY-MM`` (the form stored, compared and
# printed: keys sort as the months do). Every month addition, range and month end in the
# package goes through these functions.


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The month ``delta`` months after (before, if negative) ``year``-``month``."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def month_key_of(d: date) -> str:
    """The key of the month ``d`` falls in."""
    return month_key(d.year, d.month)


def split_month_key(key: str) -> tuple[int, int]:
    """``2026-03`` → ``(2026, 3)``."""
    return int(key[:4]), int(key[5:7])


def add_months_to_key(key: str, delta: int) -> str:
    return month_key(*add_months(*split_month_key(key), delta))


def months_between(first: str, last: str) -> list[str]:
    """Every month key from ``first`` to ``last`` inclusive (none if ``first`` is later)."""
    out = []
    key = first
    while key <= last:
        out.append(key)
        key = add_months_to_key(key, 1)
    return out


def month_count(first: str, last: str) -> int:
    """How many months ``first`` to ``last`` spans, both included."""
    (y1, m1), (y2, m2) = split_month_key(first), split_month_key(last)
    return (y2 - y1) * 12 + m2 - m1 + 1


def month_end(year: int, month: int) -> date:
    """The last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and the last day of the month."""
    return date(year, month, 1), month_end(year, month)


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (Monday to Friday) after ``start``; public holidays
    are not known here, so a window that crosses one is lengthened by hand."""
    d = start
    left = days
    while left > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            left -= 1
    return d


def day_in_month(year: int, month: int, day: int) -> date:
    """That day of the month, or the month's last day when the month is shorter."""
    return date(year, month, min(day, month_end(year, month).day))


def member_date_problems(
    birth_date: date | None,
    join_date: date | None,
    full_date: date | None,
    status: MemberStatus,
    today: date | None = None,
) -> list[tuple[str, str]]:
    """Consistency of a member's dates: (the field at fault, a short key for the catalog)."""
    today = today or date.today()
    problems: list[tuple[str, str]] = []
    dated = (("birth_date", birth_date), ("join_date", join_date), ("full_date", full_date))
    for fieldname, d in dated:
        if d is not None and d > today:
            problems.append((fieldname, "date_in_future"))
    if birth_date and join_date and _years_between(birth_date, join_date) < 18:
        problems.append(("join_date", "joined_under_18"))
    if join_date and full_date and full_date < join_date:
        problems.append(("full_date", "full_before_join"))
    if status is MemberStatus.probationary and full_date is not None:
        problems.append(("full_date", "probationary_with_full_date"))
    return problems


def _years_between(earlier: date, later: date) -> int:
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years
