"""The demo branch in a database: the compliance watch finds exactly what it was built with.

The planted violations are documented in ``orglife_tui.demo`` (module docstring): one
committee meeting and one group meeting not held, the drifting member's absence streak and
one overdue rectification item. ``DemoBranch.expected_findings`` names them per year and
as-of date; tests/test_demo_records.py pins them down for fixed days.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest

from orglife_tui.data import plans, rectification, talks
from orglife_tui.data.bulk import load_branch
from orglife_tui.demo import DEMO_BRANCH_NAME, generate
from orglife_tui.domain import MeetingType, TalkType
from orglife_tui.scoring.policy import LadderAction
from orglife_tui.services import watch


def _load(store, data) -> int:
    branch = store.resolve_branch(DEMO_BRANCH_NAME)
    counts = load_branch(
        store,
        branch.id,
        groups=data.groups,
        members=data.members,
        meetings=data.meetings,
        attendance=data.attendance_rows(),
        talks=data.talks(),
        plan=data.plan(),
        rectifications=data.rectifications(),
    )
    assert (counts.talks, counts.plan_items, counts.rectification_items) == (
        len(data.talks()),
        len(data.plan()),
        len(data.rectifications()),
    )
    return branch.id


def _keys(findings) -> set[tuple[str, str, str]]:
    return {(f.rule, f.period, f.subject) for f in findings}


def _month_end(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    y, m = index // 12, index % 12 + 1
    return date(y, m, calendar.monthrange(y, m)[1])


@pytest.mark.parametrize(
    ("today", "members", "years"),
    [
        (date(2026, 11, 26), 60, 2),
        (date(2026, 11, 26), 12, 1),
        (date(2026, 3, 18), 12, 1),
        (date(2026, 3, 18), 60, 2),
        (date(2026, 1, 5), 30, 1),
        (date(2026, 1, 5), 12, 2),
        (date(2025, 12, 31), 30, 2),
        (date(2025, 12, 31), 60, 1),
    ],
)
def test_each_year_checked_to_its_end_finds_exactly_the_planted_violations(
    store, today, members, years
):
    data = generate(members=members, years=years, seed=7, today=today)
    branch_id = _load(store, data)
    seen: set[tuple[str, str, str]] = set()
    for year in range(data.first_day.year, today.year + 1):
        as_of = min(today, date(year, 12, 31))
        found = _keys(watch.check(store, branch_id, year, as_of))
        assert found == set(data.expected_findings(year)), year
        seen |= found
    assert seen == set(data.planted)
    rules = {rule for rule, _, _ in seen}
    assert rules == {
        "committee_meeting_frequency",
        "group_meeting_frequency",
        "absence_streak",
        "rectification_overdue",
    }
    # the talks, the plan and the list read back through their own operations
    assert talks.count_talks(store, branch_id) == len(data.talks())
    due = talks.follow_ups_due(store, branch_id, today)
    assert sorted(t.follow_up_date - today for t in due) == [timedelta(4), timedelta(11)]
    items = rectification.list_items(store, branch_id)
    assert [i.problem for i in items if i.overdue(today)] == [
        r.problem for r in data.rectifications() if r.deadline < today and not r.closed_on
    ]


@pytest.mark.parametrize(
    ("today", "members", "years"),
    [(date(2026, 11, 26), 30, 1), (date(2026, 3, 18), 12, 1), (date(2025, 12, 31), 60, 2)],
)
def test_the_drifter_reaches_each_step_of_the_ladder_on_the_day_he_misses_it(
    store, today, members, years
):
    data = generate(members=members, years=years, seed=7, today=today)
    branch_id = _load(store, data)

    def step(as_of: date) -> LadderAction | None:
        # a streak is a finding of the year of its last missed month (December's, in early
        # January, is last year's)
        missed = data.drifter_months(as_of)
        year = int(missed[-1][:4]) if missed else as_of.year
        streaks = [
            f for f in watch.check(store, branch_id, year, as_of) if f.rule == "absence_streak"
        ]
        if not streaks:
            return None
        (finding,) = streaks
        assert finding.subject == data.drifter
        assert finding.params["months"] == data.drifter_months(as_of)
        return finding.params["action"]

    start = data.drift_start
    # month ends: two months missed is nothing yet; then reminder, warning, the general meeting
    assert step(_month_end(start, 1)) is None
    assert step(_month_end(start, 2)) is LadderAction.reminder_talk
    assert step(_month_end(start, 3)) is LadderAction.reminder_talk
    assert step(_month_end(start, 4)) is LadderAction.warning_notice
    assert step(_month_end(start, 5)) is LadderAction.general_meeting_case
    # the day before his first missed meeting of the third, fifth and sixth month, and that day
    dates = sorted(
        m.date
        for m in data.meetings
        if m.date >= start
        and (m.group is None or m.group == data.member(data.drifter).group)
        and MeetingType.committee_meeting not in m.types
    )
    months = data.drifter_months()
    for k, before, after in (
        (2, None, LadderAction.reminder_talk),
        (4, LadderAction.reminder_talk, LadderAction.warning_notice),
        (5, LadderAction.warning_notice, LadderAction.general_meeting_case),
    ):
        first = next(d for d in dates if f"{d.year:04d}-{d.month:02d}" == months[k])
        assert step(first - timedelta(days=1)) is before, k
        assert step(first) is after, k

    # the absence watch lists him alone, with the two talks that answered the streak
    (row,) = watch.absence_watch(store, branch_id, today)
    assert row.member_no == data.drifter and row.months == months
    assert [(t.type, t.absence_step) for t in row.answered] == [
        (TalkType.reminder, "reminder_talk"),
        (TalkType.warning, "warning_notice"),
    ]


def test_the_plan_shows_the_planted_misses_as_not_held(store):
    today = date(2026, 11, 26)
    data = generate(members=30, years=1, seed=7, today=today)
    branch_id = _load(store, data)
    rows = plans.list_plan(store, branch_id, 2026)
    assert len(rows) == len(data.plan())
    missed = {(r.month, r.meeting_type) for r in rows if not r.held and r.month < 11}
    assert missed == {(9, MeetingType.committee_meeting), (8, MeetingType.group_meeting)}
    summary = plans.plan_summary(store, branch_id, 2026)
    held = sum(1 for m in data.meetings for t in m.types if t is MeetingType.themed_day)
    assert summary[MeetingType.themed_day].held == held == 11
    assert summary[MeetingType.themed_day].planned == 12
