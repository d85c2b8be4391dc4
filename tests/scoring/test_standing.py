"""Where a year's points stand (issue 12 §4): before its last day no band, unless
provisional bands are asked for; a past year stands closed."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.scoring.standing import Standing

YEAR = 2026


@pytest.mark.parametrize(
    ("as_of", "provisional", "closed", "shows", "marked"),
    [
        (date(YEAR, 6, 30), False, False, False, False),  # mid-year: points to date only
        (date(YEAR, 12, 30), False, False, False, False),  # even the day before the end
        (date(YEAR, 6, 30), True, False, True, True),  # provisional: shown, and marked
        (date(YEAR, 12, 31), False, True, True, False),  # the last day: final
        (date(YEAR + 1, 2, 1), True, True, True, False),  # after it: never provisional
    ],
)
def test_bands_are_shown_once_the_year_closed_or_provisionally(
    as_of, provisional, closed, shows, marked
):
    standing = Standing(YEAR, as_of, provisional)
    assert (standing.closed, standing.shows_bands, standing.marked_provisional) == (
        closed,
        shows,
        marked,
    )


def test_the_day_defaults_to_today_but_never_past_the_years_end():
    assert Standing.of(YEAR, date(YEAR, 3, 18)).as_of == date(YEAR, 3, 18)
    assert Standing.of(YEAR - 1, date(YEAR, 3, 18)).as_of == date(YEAR - 1, 12, 31)
    assert Standing.of(YEAR, date(YEAR, 3, 18), as_of=date(YEAR, 1, 31)).as_of == date(YEAR, 1, 31)
    assert Standing.of(YEAR + 1, date(YEAR, 3, 18)).closed is False  # a year not begun
    assert Standing.of(YEAR, date(YEAR, 3, 18)).day == "03-18"
