"""The pure points rules: caps, clamping, grades, competition ranks, the appraisal input."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.domain import MemberStatus
from orglife_tui.scoring import rules
from orglife_tui.scoring.model import (
    AppraisalInput,
    Category,
    Grade,
    Item,
    Normalization,
)
from tests.points_helpers import make_scheme

FULL = MemberStatus.full
PROBATIONARY = MemberStatus.probationary

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
caps = st.floats(min_value=0, max_value=1e5, allow_nan=False, allow_infinity=False)


def item(cap):
    return Item("x", "某项", "Something", Category.bonus, 1.0, cap=cap)


# ---------------------------------------------------------------------------- capped


@pytest.mark.parametrize(
    ("cap", "raw", "expected"),
    [
        (10, 4, 4),
        (10, 10, 10),
        (10, 12.5, 10),
        (10, -12.5, -10),
        (10, -3, -3),
        (None, 1234.5, 1234.5),
        (None, -99, -99),
        (0, 5, 0),
    ],
)
def test_capped_limits_the_absolute_sum_and_keeps_the_sign(cap, raw, expected):
    assert rules.capped(item(cap), raw) == expected


@given(raw=finite, cap=caps)
def test_capped_never_exceeds_the_cap_and_keeps_the_sign(raw, cap):
    out = rules.capped(item(cap), raw)
    assert abs(out) <= cap
    assert out == 0 or (out > 0) == (raw > 0)
    if abs(raw) <= cap:
        assert out == raw


@given(raw=finite)
def test_no_cap_leaves_the_sum_alone(raw):
    assert rules.capped(item(None), raw) == raw


# ---------------------------------------------------------------------------- clamp


def test_clamp_holds_the_total_between_floor_and_ceiling():
    scheme = make_scheme(floor=0.0, ceiling=100.0)
    assert rules.clamp(scheme, -7) == 0
    assert rules.clamp(scheme, 0) == 0
    assert rules.clamp(scheme, 73.5) == 73.5
    assert rules.clamp(scheme, 100) == 100
    assert rules.clamp(scheme, 112) == 100


@given(total=finite, floor=st.integers(-100, 100), span=st.integers(0, 200))
def test_clamp_is_always_within_bounds(total, floor, span):
    scheme = make_scheme(floor=float(floor), ceiling=float(floor + span))
    out = rules.clamp(scheme, total)
    assert scheme.floor <= out <= scheme.ceiling
    if scheme.floor <= total <= scheme.ceiling:
        assert out == total


# ---------------------------------------------------------------------------- grade


@pytest.mark.parametrize(
    ("total", "expected"),
    [
        (100, Grade.excellent),
        (90, Grade.excellent),
        (89.99, Grade.qualified),
        (80, Grade.qualified),
        (79.5, Grade.basically_qualified),
        (60, Grade.basically_qualified),
        (59.99, Grade.unqualified),
        (0, Grade.unqualified),
    ],
)
def test_full_members_are_graded_by_the_full_cutoffs(total, expected):
    scheme = make_scheme()
    assert rules.grade(scheme, FULL, total, vetoed=False) is expected


def test_probationary_cutoffs_are_stricter_when_probationary_members_are_graded():
    scheme = make_scheme(graded_statuses=frozenset({FULL, PROBATIONARY}))
    assert rules.grade(scheme, FULL, 92, False) is Grade.excellent
    assert rules.grade(scheme, PROBATIONARY, 92, False) is Grade.qualified
    assert rules.grade(scheme, PROBATIONARY, 84, False) is Grade.basically_qualified
    assert rules.grade(scheme, PROBATIONARY, 65, False) is Grade.unqualified


def test_a_status_the_scheme_does_not_grade_gets_no_grade_even_when_vetoed():
    scheme = make_scheme()  # probationary members are scored, not graded
    assert rules.grade(scheme, PROBATIONARY, 99, vetoed=False) is None
    assert rules.grade(scheme, PROBATIONARY, 99, vetoed=True) is None


def test_a_veto_makes_a_graded_member_unqualified_whatever_the_total():
    scheme = make_scheme()
    assert rules.grade(scheme, FULL, 100, vetoed=True) is Grade.unqualified


def test_a_sum_of_tenths_reaching_a_cutoff_is_not_missed_by_float_error():
    scheme = make_scheme()
    total = sum([0.1] * 10) + 79  # 79.99999999999999 in binary floating point
    assert rules.grade(scheme, FULL, total, False) is Grade.qualified


def test_a_status_without_cutoffs_of_its_own_uses_the_full_members_cutoffs():
    scheme = make_scheme(
        cutoffs={FULL: make_scheme().cutoffs[FULL]},
        graded_statuses=frozenset({FULL, PROBATIONARY}),
    )
    assert rules.grade(scheme, PROBATIONARY, 91, False) is Grade.excellent


@given(a=finite, b=finite)
def test_a_higher_total_never_gets_a_lower_grade(a, b):
    scheme = make_scheme()
    order = [Grade.unqualified, Grade.basically_qualified, Grade.qualified, Grade.excellent]
    lo, hi = sorted((a, b))
    assert order.index(rules.grade(scheme, FULL, lo, False)) <= order.index(
        rules.grade(scheme, FULL, hi, False)
    )


# ---------------------------------------------------------------------------- ranks


def test_ranks_are_competition_ranks_in_the_order_given():
    assert rules.ranks([]) == []
    assert rules.ranks([80]) == [1]
    assert rules.ranks([90, 85, 85, 70]) == [1, 2, 2, 4]
    assert rules.ranks([70, 85, 90, 85]) == [4, 2, 1, 2]
    assert rules.ranks([60, 60, 60]) == [1, 1, 1]


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), max_size=60))
def test_rank_order_is_consistent_with_the_totals(totals):
    r = rules.ranks(totals)
    assert len(r) == len(totals)
    for i, ti in enumerate(totals):
        # competition ranking: one more than the number of strictly higher totals
        assert r[i] == 1 + sum(tj > ti for tj in totals)
        for j, tj in enumerate(totals):
            if ti > tj:
                assert r[i] < r[j]
            elif ti == tj:
                assert r[i] == r[j]


# ---------------------------------------------------------------------------- appraisal input


def test_ceiling_normalization_divides_by_the_ceiling():
    scheme = make_scheme(appraisal=AppraisalInput(Normalization.ceiling, 0.4))
    assert rules.appraisal_input(scheme, 85) == pytest.approx(0.85)
    assert rules.appraisal_input(scheme, 100) == 1.0
    assert rules.appraisal_input(scheme, 0) == 0.0


def test_range_normalization_maps_floor_to_0_and_ceiling_to_1():
    scheme = make_scheme(
        floor=40.0, ceiling=120.0, appraisal=AppraisalInput(Normalization.range, 0.3)
    )
    assert rules.appraisal_input(scheme, 40) == 0.0
    assert rules.appraisal_input(scheme, 80) == pytest.approx(0.5)
    assert rules.appraisal_input(scheme, 120) == 1.0


def test_degenerate_schemes_give_zero_not_a_division_error():
    assert rules.appraisal_input(make_scheme(floor=0.0, ceiling=0.0), 10) == 0.0
    flat = make_scheme(floor=50.0, ceiling=50.0, appraisal=AppraisalInput(Normalization.range))
    assert rules.appraisal_input(flat, 50) == 0.0


@given(
    total=finite,
    floor=st.integers(-50, 50),
    span=st.integers(1, 200),
    norm=st.sampled_from(list(Normalization)),
)
def test_the_appraisal_input_is_always_between_0_and_1(total, floor, span, norm):
    scheme = make_scheme(
        floor=float(floor), ceiling=float(floor + span), appraisal=AppraisalInput(norm)
    )
    assert 0.0 <= rules.appraisal_input(scheme, total) <= 1.0


def test_points_rounds_to_two_decimals_and_drops_negative_zero():
    assert rules.points(79.99999999999999) == 80.0
    assert rules.points(12.344) == 12.34
    assert str(rules.points(-0.0)) == "0.0"
