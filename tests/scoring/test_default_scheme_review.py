"""The bundled default scheme, reviewed against an ordinary year (issue 12 §4; the reasoning
is in docs/scheme.md, "Reviewing the default").

A member who attends every meeting the compliance rules require of the branch in a year —
the policy's own minimums: 支部党员大会 each quarter, 支委会, 党小组会 and 主题党日 each month,
党课 each quarter, 组织生活会 and 民主评议 once — and has no deduction is 合格 on points at
the year's end; with that ordinary record, unanimous 优秀 ballots propose 优秀. The year is
built from the scheme's own rules (its policy says which meetings, its items what
attendance earns), not from a hand-typed total, so that changing either re-checks this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.scoring import rules
from orglife_tui.scoring.appraisal import Counts, proposed_grade
from orglife_tui.scoring.model import Grade, Scheme
from orglife_tui.scoring.policy import Period
from orglife_tui.scoring.scheme import default_scheme

PERIODS_IN_A_YEAR = {Period.month: 12, Period.quarter: 4, Period.year: 1}
VOTERS = 12


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    return default_scheme()


def required_meetings(scheme: Scheme) -> Iterator[MeetingType]:
    """One meeting type per meeting the policy requires in a year, at its minimum."""
    policy = scheme.policy
    for rule in (*policy.frequencies, *policy.yearly):
        if rule.enabled:
            for _ in range(rule.times * PERIODS_IN_A_YEAR[rule.period]):
                yield rule.meeting_type


def year_total(scheme: Scheme, marks: list[tuple[MeetingType, AttendanceStatus]]) -> float:
    """The points of a year of attendance marks under the scheme's derived items: each
    meeting one occurrence per item it matches, each item capped, the total clamped."""
    occurrences: Counter[str] = Counter()
    for meeting_type, status in marks:
        for item in scheme.derived_items:
            assert item.derive is not None
            if meeting_type in item.derive.meeting_types and status is item.derive.attendance:
                occurrences[item.code] += 1
    items = {it.code: it for it in scheme.items}
    earned = sum(rules.capped(items[c], n * items[c].points) for c, n in occurrences.items())
    return rules.points(rules.clamp(scheme, scheme.base_points + earned))


def full_attendance(scheme: Scheme) -> list[tuple[MeetingType, AttendanceStatus]]:
    return [(m, AttendanceStatus.present) for m in required_meetings(scheme)]


def test_the_policy_asks_for_the_usual_meetings(scheme):
    assert Counter(required_meetings(scheme)) == {
        MeetingType.general_meeting: 4,
        MeetingType.committee_meeting: 12,
        MeetingType.group_meeting: 12,
        MeetingType.party_lecture: 4,
        MeetingType.themed_day: 12,
        MeetingType.life_meeting: 1,
        MeetingType.appraisal: 1,
    }


@pytest.mark.parametrize("status", [MemberStatus.full, MemberStatus.probationary])
def test_full_attendance_and_no_deduction_is_qualified_at_the_years_end(scheme, status):
    total = year_total(scheme, full_attendance(scheme))
    assert rules.grade(scheme, status, total, vetoed=False) is Grade.qualified


def test_one_unexcused_absence_in_such_a_year_is_still_qualified(scheme):
    marks = full_attendance(scheme)
    first_themed_day = marks.index((MeetingType.themed_day, AttendanceStatus.present))
    marks[first_themed_day] = (MeetingType.themed_day, AttendanceStatus.absent)
    total = year_total(scheme, marks)
    assert total < year_total(scheme, full_attendance(scheme))  # it does cost points
    assert rules.grade(scheme, MemberStatus.full, total, vetoed=False) is Grade.qualified


def test_full_attendance_alone_does_not_make_the_points_band_excellent(scheme):
    """优秀 on points takes more than turning up: bonus items (a lecture given, service)."""
    total = year_total(scheme, full_attendance(scheme))
    assert total < scheme.cutoffs[MemberStatus.full].excellent


@pytest.mark.parametrize(
    ("votes", "proposal"),
    [
        (Counts(excellent=VOTERS), Grade.excellent),
        (Counts(qualified=VOTERS), Grade.qualified),
        (Counts(excellent=VOTERS - 1, abstain=1), Grade.excellent),
    ],
)
def test_unanimous_ballots_with_ordinary_points_propose_their_grade(scheme, votes, proposal):
    total = year_total(scheme, full_attendance(scheme))
    assert proposed_grade(scheme, MemberStatus.full, total, False, votes) is proposal
