"""Months, quarters and years as the compliance watch names them: ``YYYY-MM``, ``YYYY-Qn``,
``YYYY``."""

from __future__ import annotations

from datetime import date

from orglife_tui.domain import month_bounds, month_end, month_key, month_key_of, months_between
from orglife_tui.scoring.policy import Period


def periods_of(year: int, period: Period) -> list[tuple[str, date, date]]:
    """``(label, first day, last day)`` of every period of ``year``."""
    if period is Period.year:
        return [(f"{year:04d}", date(year, 1, 1), date(year, 12, 31))]
    if period is Period.quarter:
        return [
            (f"{year:04d}-Q{q}", date(year, 3 * q - 2, 1), month_end(year, 3 * q))
            for q in range(1, 5)
        ]
    return [(month_key(year, m), *month_bounds(year, m)) for m in range(1, 13)]


def months_in(first: date, last: date) -> list[str]:
    """The keys of the months from the one ``first`` falls in to the one of ``last``."""
    return months_between(month_key_of(first), month_key_of(last))


def period_text(period: str, lang: str) -> str:
    """``2026-Q1`` → ``2026年第一季度`` in Chinese; English keeps the stable form."""
    if lang != "zh":
        return period
    if len(period) == 4:
        return f"{period}年"
    if "-Q" in period:
        return f"{period[:4]}年第{'一二三四'[int(period[-1]) - 1]}季度"
    return f"{period[:4]}年{int(period[5:7])}月"
