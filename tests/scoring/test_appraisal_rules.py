"""The appraisal's pure rules: counts and shares, the ballot score, the combined figure, the
proposed grade, the one-third warning and the unqualified-votes flag."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from orglife_tui.domain import MemberStatus
from orglife_tui.scoring import appraisal as rules
from orglife_tui.scoring.appraisal import GRADES, Counts, parse_grade
from orglife_tui.scoring.model import AppraisalInput, Grade, Normalization
from tests.points_helpers import make_scheme

FULL = MemberStatus.full
PROBATIONARY = MemberStatus.probationary
E, Q, B, U = GRADES


def scheme(**appraisal):
    return make_scheme(appraisal=AppraisalInput(**appraisal))


# ---------------------------------------------------------------------------- counts


def test_counts_total_includes_abstentions_and_shares_are_of_all_ballots():
    c = Counts(excellent=2, qualified=5, basically_qualified=1, unqualified=0, abstain=2)
    assert c.total == 10
    assert c.votes == 8
    assert c.share(Grade.excellent) == pytest.approx(0.2)
    assert c.share(None) == pytest.approx(0.2)
    assert c.share(Grade.unqualified) == 0
    assert Counts().share(Grade.excellent) == 0


def test_a_hand_count_of_a_list_of_ratings():
    assert Counts.of([E, E, Q, None, U, B, None]) == Counts(2, 1, 1, 1, 2)


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        ("excellent", E),
        ("Basically-Qualified", B),
        ("basically qualified", B),
        ("基本合格", B),
        ("不合格", U),
        ("合格", Q),
        (" 1 ", E),
        ("4", U),
    ],
)
def test_parse_grade_accepts_keys_chinese_names_and_numbers(text, grade):
    assert parse_grade(text) is grade


@pytest.mark.parametrize("text", ["", "great", "5", "0", "abstain", "优"])
def test_parse_grade_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_grade(text)


# ---------------------------------------------------------------------------- scores


def test_ballot_score_is_the_mean_of_the_ballot_values_over_non_abstaining_votes():
    s = scheme()
    # default values 1.0 / 0.8 / 0.6 / 0.0
    assert rules.ballot_score(Counts(excellent=1, qualified=1, abstain=5), s) == pytest.approx(0.9)
    assert rules.ballot_score(Counts(unqualified=3), s) == 0
    assert rules.ballot_score(Counts(abstain=4), s) is None
    assert rules.ballot_score(Counts(), s) is None


def test_combined_score_mixes_points_and_ballots_by_weight_on_the_points_scale():
    s = scheme(points_weight=0.4)  # ceiling 100
    # points 80 → 0.8; ballots all qualified → 0.8; 0.4·0.8 + 0.6·0.8 = 0.8 → 80
    assert rules.combined_score(s, 80, Counts(qualified=3)) == 80
    # points 100 → 1; ballots 0 → 0.4 → 40
    assert rules.combined_score(s, 100, Counts(unqualified=2)) == 40
    # one input alone when the other is missing
    assert rules.combined_score(s, 70, Counts(abstain=3)) == 70
    assert rules.combined_score(s, None, Counts(excellent=1)) == 100
    assert rules.combined_score(s, None, Counts()) is None


def test_combined_score_maps_back_through_the_range_normalization():
    s = replace(
        make_scheme(floor=20.0, ceiling=120.0),
        appraisal=AppraisalInput(normalization=Normalization.range, points_weight=1.0),
    )
    assert rules.combined_score(s, 70, Counts(excellent=3)) == 70  # weight 1: the points alone


def test_proposed_grade_applies_the_status_cutoffs_to_the_combined_score():
    s = scheme(points_weight=0.5)  # full ≥90/80/60
    assert rules.proposed_grade(s, FULL, 100, False, Counts(excellent=4)) is E
    assert rules.proposed_grade(s, FULL, 80, False, Counts(qualified=4)) is Q
    assert rules.proposed_grade(s, FULL, 70, False, Counts(basically_qualified=4)) is B
    assert rules.proposed_grade(s, FULL, 40, False, Counts(unqualified=4)) is U


def test_a_veto_makes_the_proposal_unqualified_whatever_the_votes():
    s = scheme()
    assert rules.proposed_grade(s, FULL, 100, True, Counts(excellent=9)) is U


def test_probationary_members_are_never_graded():
    s = make_scheme(graded_statuses=frozenset({FULL, PROBATIONARY}))
    assert rules.proposed_grade(s, PROBATIONARY, 100, False, Counts(excellent=5)) is None
    assert not rules.is_graded(s, PROBATIONARY)
    assert rules.is_graded(s, FULL)


def test_nothing_to_go_on_gives_no_proposal():
    assert rules.proposed_grade(scheme(), FULL, None, False, Counts(abstain=3)) is None


# ---------------------------------------------------------------------------- warnings


def test_exactly_one_third_excellent_is_allowed_by_the_default_limit():
    s = scheme()
    assert not rules.excellent_over_share(s, [E, Q, Q])
    assert not rules.excellent_over_share(s, [E, E, Q, Q, B, U])
    assert rules.excellent_over_share(s, [E, E, Q, Q, B])
    assert not rules.excellent_over_share(s, [])
    # ungraded members (None) do not count
    assert not rules.excellent_over_share(s, [E, Q, Q, None, None])


def test_the_unqualified_vote_flag_is_off_by_default():
    assert not rules.unqualified_flag(scheme(), Counts(unqualified=10))


def test_the_unqualified_vote_flag_fires_above_its_share_of_ballots():
    s = scheme(unqualified_vote_flag=0.5)
    assert not rules.unqualified_flag(s, Counts(unqualified=2, qualified=2))  # exactly half
    assert rules.unqualified_flag(s, Counts(unqualified=3, qualified=2))
    assert not rules.unqualified_flag(s, Counts(unqualified=2, abstain=3))  # 2 of 5 ballots
    assert not rules.unqualified_flag(s, Counts())


# ---------------------------------------------------------------------------- properties

counts = st.builds(
    Counts,
    excellent=st.integers(0, 60),
    qualified=st.integers(0, 60),
    basically_qualified=st.integers(0, 60),
    unqualified=st.integers(0, 60),
    abstain=st.integers(0, 60),
)
points = st.one_of(st.none(), st.floats(min_value=0, max_value=100, allow_nan=False))
weights = st.floats(min_value=0, max_value=1, allow_nan=False)
RANK = {E: 3, Q: 2, B: 1, U: 0}


@given(counts)
def test_the_shares_of_the_grades_and_abstentions_sum_to_one(c):
    shares = [c.share(g) for g in (*GRADES, None)]
    assert all(0 <= x <= 1 for x in shares)
    if c.total:
        assert sum(shares) == pytest.approx(1.0)
    else:
        assert sum(shares) == 0


def _better(c: Counts, from_grade: Grade | None, to_grade: Grade) -> Counts:
    key = "abstain" if from_grade is None else from_grade.value
    return replace(c, **{key: getattr(c, key) - 1, to_grade.value: getattr(c, to_grade.value) + 1})


@given(counts, points, weights, st.sampled_from(range(4)), st.sampled_from(range(4)))
def test_the_proposal_is_monotone_in_the_votes(c, total, weight, i, j):
    """A vote moved to a better grade never lowers the proposal; one more excellent vote
    never lowers it, one more unqualified vote never raises it."""
    s = scheme(points_weight=weight)
    worse, better = GRADES[max(i, j)], GRADES[min(i, j)]
    before = rules.proposed_grade(s, FULL, total, False, c)
    if worse is not better and getattr(c, worse.value) > 0:
        after = rules.proposed_grade(s, FULL, total, False, _better(c, worse, better))
        assert (before is None) == (after is None)
        if before is not None:
            assert RANK[after] >= RANK[before]
    more_e = rules.proposed_grade(s, FULL, total, False, replace(c, excellent=c.excellent + 1))
    more_u = rules.proposed_grade(s, FULL, total, False, replace(c, unqualified=c.unqualified + 1))
    if before is not None:
        assert RANK[more_e] >= RANK[before]
        assert RANK[more_u] <= RANK[before]


@given(counts, points, weights)
def test_the_combined_score_stays_within_floor_and_ceiling(c, total, weight):
    s = scheme(points_weight=weight)
    combined = rules.combined_score(s, total, c)
    if combined is not None:
        assert s.floor <= combined <= s.ceiling
