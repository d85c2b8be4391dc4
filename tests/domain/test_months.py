"""Month arithmetic: the one set of functions every month addition, range and month end
in the package goes through (``orglife_tui.domain.dates``)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.domain import (
    add_months,
    add_months_to_key,
    day_in_month,
    month_bounds,
    month_count,
    month_end,
    month_key,
    month_key_of,
    months_between,
    split_month_key,
)

years = st.integers(min_value=1900, max_value=2200)
months = st.integers(min_value=1, max_value=12)
deltas = st.integers(min_value=-1200, max_value=1200)
keys = st.builds(month_key, years, months)


@pytest.mark.parametrize(
    ("year", "month", "delta", "expected"),
    [
        (2026, 1, 0, (2026, 1)),
        (2026, 1, -1, (2025, 12)),
        (2025, 12, 1, (2026, 1)),
        (2026, 3, 10, (2027, 1)),
        (2026, 3, -14, (2025, 1)),
        (2026, 12, 24, (2028, 12)),
    ],
)
def test_adding_months_crosses_years(year, month, delta, expected):
    assert add_months(year, month, delta) == expected


@given(years, months, deltas)
def test_adding_then_subtracting_gives_the_month_back(year, month, n):
    assert add_months(*add_months(year, month, n), -n) == (year, month)


@given(years, months, deltas, deltas)
def test_adding_twice_is_adding_the_sum(year, month, a, b):
    assert add_months(*add_months(year, month, a), b) == add_months(year, month, a + b)


@given(years, months, deltas)
def test_a_month_is_always_one_to_twelve(year, month, n):
    _, m = add_months(year, month, n)
    assert 1 <= m <= 12


def test_keys_are_zero_padded_and_split_back():
    assert month_key(2026, 3) == "2026-03"
    assert month_key_of(date(2026, 3, 31)) == "2026-03"
    assert split_month_key("2026-03") == (2026, 3)


@given(keys, deltas)
def test_keys_add_as_their_months_do(key, n):
    assert split_month_key(add_months_to_key(key, n)) == add_months(*split_month_key(key), n)


@given(keys, st.integers(min_value=0, max_value=60))
def test_keys_sort_as_the_months_do(key, n):
    later = add_months_to_key(key, n)
    assert (key <= later) and (n == 0) == (key == later)


def test_months_between_includes_both_ends_and_crosses_the_year():
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_between("2026-02", "2026-02") == ["2026-02"]
    assert months_between("2026-03", "2026-02") == []


@given(keys, st.integers(min_value=0, max_value=120))
def test_month_count_is_the_length_of_the_range(key, n):
    last = add_months_to_key(key, n)
    assert month_count(key, last) == len(months_between(key, last)) == n + 1


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [
        (2026, 1, date(2026, 1, 31)),
        (2026, 2, date(2026, 2, 28)),
        (2024, 2, date(2024, 2, 29)),
        (1900, 2, date(1900, 2, 28)),
        (2000, 2, date(2000, 2, 29)),
        (2026, 4, date(2026, 4, 30)),
        (2026, 12, date(2026, 12, 31)),
    ],
)
def test_the_month_end_knows_leap_years(year, month, last):
    assert month_end(year, month) == last
    assert month_bounds(year, month) == (date(year, month, 1), last)


@given(years, months)
def test_the_day_after_the_month_end_is_the_next_month_first(year, month):
    assert month_end(year, month) + timedelta(days=1) == date(*add_months(year, month, 1), 1)


@pytest.mark.parametrize(
    ("year", "month", "day", "expected"),
    [
        (2026, 3, 15, date(2026, 3, 15)),
        (2026, 2, 31, date(2026, 2, 28)),
        (2024, 2, 30, date(2024, 2, 29)),
        (2026, 4, 31, date(2026, 4, 30)),
    ],
)
def test_a_day_past_the_month_end_is_the_month_end(year, month, day, expected):
    assert day_in_month(year, month, day) == expected
