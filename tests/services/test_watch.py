"""The compliance watch on a hand-built year (tests/compliance_year.py documents it)."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data.store import Store
from orglife_tui.scoring.policy import LadderAction, Severity
from orglife_tui.services import watch
from tests import compliance_year as year_fixture
from tests.tally_passwords import PASSWORDS, PIN

YEAR = year_fixture.YEAR


@pytest.fixture
def built(db_url, prebuilt, request):
    branch = prebuilt(db_url, year_fixture.build, lambda url: Store.open(url, operator="tester"))
    return request.getfixturevalue("store"), branch  # opened on the filled database


def _keys(findings):
    return {(f.rule, f.period, f.subject) for f in findings}


def test_the_hand_built_year_yields_exactly_its_four_flaws_and_no_others(built):
    store, branch_id = built
    findings = watch.check(store, branch_id, YEAR, date(YEAR, 12, 31))
    assert _keys(findings) == year_fixture.EXPECTED
    streak = next(f for f in findings if f.rule == "absence_streak")
    assert streak.severity is Severity.violation
    assert streak.params["count"] == 6
    assert streak.params["action"] is LadderAction.general_meeting_case
    assert "2025-01–2025-06" in streak.message


def test_findings_come_in_rule_order(built):
    store, branch_id = built
    rules = [f.rule for f in watch.check(store, branch_id, YEAR, date(YEAR, 12, 31))]
    assert rules == [
        "general_meeting_frequency",
        "committee_meeting_frequency",
        "absence_streak",
    ]


@pytest.mark.parametrize(
    ("as_of", "months", "action"),
    [
        (date(YEAR, 2, 28), None, None),
        (date(YEAR, 3, 7), None, None),  # his first March meeting is on the 8th
        (date(YEAR, 3, 8), 3, LadderAction.reminder_talk),
        (date(YEAR, 3, 31), 3, LadderAction.reminder_talk),
        (date(YEAR, 4, 30), 4, LadderAction.reminder_talk),
        (date(YEAR, 5, 31), 5, LadderAction.warning_notice),
        (date(YEAR, 6, 30), 6, LadderAction.general_meeting_case),
    ],
)
def test_the_absent_member_climbs_the_ladder_month_by_month(built, as_of, months, action):
    store, branch_id = built
    streaks = [f for f in watch.check(store, branch_id, YEAR, as_of) if f.rule == "absence_streak"]
    if months is None:
        assert streaks == []
        return
    (finding,) = streaks
    assert finding.subject == year_fixture.ABSENT_MEMBER
    assert finding.params["action"] is action
    assert finding.key == "compliance.finding.absence_ongoing"


def test_periods_not_yet_ended_are_not_judged(built):
    store, branch_id = built
    findings = watch.check(store, branch_id, YEAR, date(YEAR, 3, 30))
    assert ("committee_meeting_frequency", "2025-03", year_fixture.BRANCH) not in _keys(findings)
    assert not [f for f in findings if f.rule == "general_meeting_frequency"]


def test_the_absence_watch_lists_the_current_streak_with_its_step(built):
    store, branch_id = built
    (row,) = watch.absence_watch(store, branch_id, date(YEAR, 5, 31))
    assert row.member_no == year_fixture.ABSENT_MEMBER
    assert row.months == ("2025-01", "2025-02", "2025-03", "2025-04", "2025-05")
    assert row.step.action is LadderAction.warning_notice
    assert watch.absence_watch(store, branch_id, date(YEAR, 12, 31)) == []


def test_the_calendar_shows_held_missing_and_not_yet_due(built):
    store, branch_id = built
    rows = {r.rule: r for r in watch.calendar(store, branch_id, YEAR, date(YEAR, 7, 15))}
    committee = [c.state for c in rows["committee_meeting_frequency"].cells]
    assert committee[:3] == ["held", "held", "missing"]
    assert committee[6] == "held"  # July's meeting was on the 3rd
    assert committee[7:] == ["not_due"] * 5
    general = [c.state for c in rows["general_meeting_frequency"].cells]
    assert general[:6] == ["held"] * 3 + ["missing"] * 3
    assert general[6:] == ["not_due"] * 6  # Q3: none yet by 15 July, quarter still open
    life = rows["life_meeting_yearly"].cells
    assert {c.state for c in life} == {"not_due"}


def test_without_talks_every_member_is_a_talk_coverage_finding(store):
    branch = store.resolve_branch(year_fixture.BRANCH)
    store.add_members(branch.id, year_fixture.members())
    store.add_meetings(branch.id, [m for m, _ in year_fixture.meetings()])
    store.import_attendance(branch.id, year_fixture.attendance())
    findings = watch.check(store, branch.id, YEAR, date(YEAR, 12, 31))
    talks = {f.subject for f in findings if f.rule == "talk_coverage"}
    assert talks == {m.member_no for m in year_fixture.members()}
    # … but only once the year is over
    during = watch.check(store, branch.id, YEAR, date(YEAR, 12, 30))
    assert not [f for f in during if f.rule == "talk_coverage"]


def test_check_window_defaults_and_refusals():
    from orglife_tui.data.errors import StoreError

    today = date(2026, 11, 26)
    assert watch.check_window(None, None, today) == (2026, today)
    assert watch.check_window(2025, None, today) == (2025, date(2025, 12, 31))
    assert watch.check_window(None, date(2026, 3, 1), today) == (2026, date(2026, 3, 1))
    for year, as_of in ((None, date(2026, 12, 1)), (2027, None), (2026, date(2025, 12, 31))):
        with pytest.raises(StoreError):
            watch.check_window(year, as_of, today)


def test_a_closed_appraisal_session_counts_as_the_years_appraisal(store):
    """``appraisal_yearly`` is met by a meeting of type appraisal or by a session held in the
    system (finished or published), counted for the year it appraises."""
    from dataclasses import replace

    from orglife_tui.data import appraisal
    from orglife_tui.domain import MeetingType
    from orglife_tui.scoring.scheme import default_scheme

    branch = store.resolve_branch(year_fixture.BRANCH)
    store.add_members(branch.id, year_fixture.members())
    without_appraisal = [
        replace(m, types=tuple(t for t in m.types if t is not MeetingType.appraisal))
        for m, _ in year_fixture.meetings()
    ]
    store.add_meetings(branch.id, without_appraisal)

    def appraisal_findings() -> set:
        findings = watch.check(store, branch.id, YEAR, date(YEAR, 12, 31))
        return {f.period for f in findings if f.rule == "appraisal_yearly"}

    assert appraisal_findings() == {str(YEAR)}
    session = appraisal.new_session(store, branch.id, YEAR)
    appraisal.start_session(store, branch.id, session.id, PIN, default_scheme(), **PASSWORDS)
    assert appraisal_findings() == {str(YEAR)}  # a poll still open is not yet held
    candidates = [c.member_no for c in appraisal.candidates(store, session.id)]
    for voter in appraisal.voters(store, session.id):
        appraisal.cast_ballot(store, session.id, voter.member_no, dict.fromkeys(candidates))
    appraisal.close_session(store, branch.id, session.id, PIN, **PASSWORDS)
    assert appraisal_findings() == set()
    # … for its own year only
    later = watch.check(store, branch.id, YEAR + 1, date(YEAR + 1, 12, 31))
    assert [f.period for f in later if f.rule == "appraisal_yearly"] == [str(YEAR + 1)]
