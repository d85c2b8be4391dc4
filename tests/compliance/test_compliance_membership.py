"""The compliance watch follows each member's time in the branch (issue 9 §2): an absence
streak stays within it and ends at departure, months away (流动) are neutral, a member who
has left is no case of the branch's; talk coverage asks of the members in the branch at the
year's end. First the rules over plain facts, then the two years of tests/membership_year.py
on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.compliance.facts import BranchFacts, MemberFacts, MonthMarks, RectificationFact
from orglife_tui.compliance.rules import judge, member_streaks, talk_due
from orglife_tui.scoring.policy import (
    LadderAction,
    Policy,
    Severity,
    SimpleRule,
    TalkRule,
)
from orglife_tui.services import watch
from tests import membership_year as my

P, A, W = MonthMarks(present=1), MonthMarks(absent=1), MonthMarks(away=1)
ABSENCE_ONLY = Policy(
    frequencies=(),
    yearly=(),
    talks=TalkRule(enabled=False),
    rectification=SimpleRule(enabled=False),
)
TALKS_ONLY = Policy(frequencies=(), yearly=(), rectification=SimpleRule(enabled=False))
FIRST, END = date(2024, 1, 1), date(2025, 12, 31)


PUT_RIGHT = tuple(
    RectificationFact(n, "问题", "张", date(y, 6, 30), "done", date(y, 6, 1), y)
    for n, y in enumerate((2024, 2025), 1)
)


def facts(*members: MemberFacts) -> BranchFacts:
    return BranchFacts(
        branch="支部",
        first=FIRST,
        last=END,
        record_start=date(2024, 1, 5),
        groups=(),
        committee_size=3,
        members=members,
        rectification_history=PUT_RIGHT,  # a problem put right each year: not what is tested
    )


def member(months=None, talks=None, entered=None, left=None) -> MemberFacts:
    return MemberFacts(
        "009",
        "某某",
        None,
        date(2000, 1, 1),
        months or {},
        talks or {},
        entered_on=entered,
        left_on=left,
    )


def _absences(*members: MemberFacts, as_of: date = END):
    return judge(facts(*members), 2025, as_of, ABSENCE_ONLY)


# ---------------------------------------------------------------------------- pure rules


def test_months_away_neither_break_nor_continue_a_streak():
    m = member({"2025-01": A, "2025-02": W, "2025-03": W, "2025-04": A, "2025-05": A})
    (streak,) = member_streaks(m, FIRST, date(2025, 5, 31))
    assert streak.months == ("2025-01", "2025-04", "2025-05") and streak.ongoing


def test_months_before_the_member_entered_the_branch_do_not_count():
    m = member({"2025-01": A, "2025-02": A, "2025-03": A, "2025-04": A}, entered=date(2025, 3, 3))
    (streak,) = member_streaks(m, FIRST, date(2025, 4, 30))
    assert streak.months == ("2025-03", "2025-04")


def test_a_streak_ends_at_departure():
    m = member({"2025-01": A, "2025-02": A, "2025-03": A, "2025-04": A}, left=date(2025, 3, 1))
    (streak,) = member_streaks(m, FIRST, END)
    assert streak.months == ("2025-01", "2025-02")  # marks after leaving count for nothing
    assert not streak.ongoing


def test_a_departed_members_case_is_reported_until_the_departure_only():
    months = {"2025-03": A, "2025-04": A, "2025-05": A}
    m = member(months, left=date(2025, 6, 15))
    (before,) = _absences(m, as_of=date(2025, 6, 14))
    assert (before.subject, before.period, before.params["count"]) == ("009", "2025-05", 3)
    assert before.key == "compliance.finding.absence_ongoing"
    assert _absences(m, as_of=date(2025, 6, 15)) == []
    assert _absences(m) == []


def test_talk_coverage_asks_of_the_members_in_the_branch_at_the_years_end():
    done = {2025: 1}
    left = member(left=date(2025, 6, 15))
    left_after = MemberFacts("010", "乙", None, date(2000, 1, 1), left_on=date(2026, 2, 1))
    came_late = MemberFacts("011", "丙", None, date(2000, 1, 1), entered_on=date(2025, 11, 3))
    came_early = MemberFacts("012", "丁", None, date(2000, 1, 1), {}, done, date(2025, 9, 1))
    found = judge(facts(left, left_after, came_late, came_early), 2025, END, TALKS_ONLY)
    assert [(f.rule, f.subject) for f in found] == [("talk_coverage", "010")]


def test_who_is_due_a_talk():
    assert talk_due(2025, 3, END, date(2000, 1, 1), None, None)
    assert not talk_due(2025, 3, END, date(2000, 1, 1), None, date(2025, 12, 31))  # left that day
    assert talk_due(2025, 3, END, date(2000, 1, 1), date(2025, 9, 30), None)
    assert not talk_due(2025, 3, END, date(2000, 1, 1), date(2025, 10, 1), None)  # grace
    assert not talk_due(2025, 3, END, date(2025, 10, 1), None, None)  # joined the Party late
    assert not talk_due(2025, 3, END, date(2000, 1, 1), date(2026, 1, 5), None)  # came later


# ---------------------------------------------------------------------------- the two years


@pytest.fixture
def built(db_url, prebuilt):
    branch = prebuilt(db_url, my.build, my.open_store)
    store = my.open_store(db_url)
    try:
        yield store, branch
    finally:
        store.close()


def _member_findings(store, branch, year: int, as_of: date):
    return [
        f
        for f in watch.check(store, branch.id, year, as_of)
        if f.rule in ("absence_streak", "talk_coverage")
    ]


def test_before_the_transfer_the_streak_is_a_case_after_it_no_longer(built):
    store, branch = built
    (may,) = _member_findings(store, branch, 2026, date(2026, 5, 31))
    assert (may.rule, may.subject, may.period) == ("absence_streak", my.TRANSFERRED, "2026-05")
    assert may.params["months"] == ("2026-03", "2026-04", "2026-05")
    assert may.params["action"] is LadderAction.reminder_talk
    assert may.key == "compliance.finding.absence_ongoing"
    assert not any(
        f.subject == my.TRANSFERRED for f in _member_findings(store, branch, 2026, my.TODAY)
    )


def test_the_year_finds_the_streak_around_the_months_away_and_one_talk_gap(built):
    store, branch = built
    found = {(f.rule, f.subject): f for f in _member_findings(store, branch, 2026, my.TODAY)}
    assert set(found) == {("absence_streak", my.AWAY), ("talk_coverage", my.AWAY)}
    streak = found[("absence_streak", my.AWAY)]
    assert streak.params["months"] == ("2026-03", "2026-04", "2026-09")  # not May–August
    assert streak.severity is Severity.warning  # a reminder talk, not a case for the meeting
    assert streak.key == "compliance.finding.absence"  # ended: present from October


def test_the_previous_year_finds_nothing_about_members(built):
    store, branch = built
    assert _member_findings(store, branch, 2025, date(2025, 12, 31)) == []


def test_the_absence_watch_lists_current_streaks_of_members_in_the_branch(built):
    store, branch = built
    may = watch.absence_watch(store, branch.id, date(2026, 5, 31))
    assert [(r.member_no, r.length) for r in may] == [(my.TRANSFERRED, 3), (my.AWAY, 2)]
    july = watch.absence_watch(store, branch.id, date(2026, 7, 31))
    assert [(r.member_no, r.length) for r in july] == [(my.AWAY, 2)]  # 004 left; away is neutral
    # 008's absences before he came count for nothing: November and December only
    year_end = watch.absence_watch(store, branch.id, my.TODAY)
    assert [(r.member_no, r.months) for r in year_end] == [(my.ARRIVED, ("2026-11", "2026-12"))]


def test_political_birthdays_are_those_of_the_members_in_the_branch(built):
    store, branch = built
    found = watch.political_birthdays(store, branch.id, date(2026, 6, 20))
    # every member but 005 joined on 1 July; 004 left on 15 June, 008 comes in November
    assert [b.member_no for b in found] == ["001", "002", "003", "006", "007"]
