"""Months, quarters and years as the compliance watch names them: ``YYYY-MM``, ``YYYY-Qn``,
``YYYY``."""

from __future__ import annotations

import calendar
from datetime import date

from orglife_tui.scoring.policy import Period


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(key: str, delta: int) -> str:
    year, month = int(key[:4]), int(key[5:7])
    index = year * 12 + month - 1 + delta
    return month_key(index // 12, index % 12 + 1)


def months_between(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    out = []
    key = first
    while key <= last:
        out.append(key)
        key = add_months(key, 1)
    return out


def periods_of(year: int, period: Period) -> list[tuple[str, date, date]]:
    """``(label, first day, last day)`` of every period of ``year``."""
    if period is Period.year:
        return [(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))]
    if period is Period.quarter:
        return [
            (
                f"{year:04d}-Q{q}",
                date(year, 3 * q - 2, 1),
                date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]),
            )
            for q in range(1, 5)
        ]
    return [
        (month_key(year, m), date(year, m, 1), date(year, m, calendar.monthrange(year, m)[1]))
        for m in range(1, 13)
    ]


def months_in(first: date, last: date) -> list[str]:
    return months_between(month_key(first.year, first.month), month_key(last.year, last.month))


def period_text(period: str, lang: str) -> str:
    """``2026-Q1`` → ``2026年第一季度`` in Chinese; English keeps the stable form."""
    if lang != "zh":
        return period
    if len(period) == 4:
        return f"{period}年"
    if "-Q" in period:
        return f"{period[:4]}年第{'一二三四'[int(period[-1]) - 1]}季度"
    return f"{period[:4]}年{int(period[5:7])}月"
