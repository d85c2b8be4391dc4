"""The year-end report's operation on the hand-built year (tests/report_year.py documents it)."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from orglife_tui.data import schemes
from orglife_tui.data.errors import StoreError
from orglife_tui.data.scores import scoreboard
from orglife_tui.data.store import Store
from orglife_tui.domain import (
    AttendanceStatus,
    MeetingType,
    MemberStatus,
    RectificationStatus,
    TalkType,
)
from orglife_tui.domain.records import MemberInput
from orglife_tui.scoring.policy import LadderAction, Severity
from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme
from orglife_tui.services import watch
from orglife_tui.services.year_report import plan_item_due, year_report
from tests import compliance_year as base
from tests import report_year

YEAR = report_year.YEAR
END = date(YEAR, 12, 31)
TODAY = date(YEAR + 1, 2, 10)


@pytest.fixture
def built(db_url, prebuilt, request):
    ids = prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    return request.getfixturevalue("store"), ids  # opened on the filled database


@pytest.fixture
def report(built):
    store, ids = built
    return year_report(store, ids["branch"], YEAR, today=TODAY)


def _keys(findings):
    return {(f.rule, f.period, f.subject) for f in findings}


def test_a_past_year_is_reported_as_of_its_last_day_with_its_header(built, report):
    store, _ = built
    assert (report.branch, report.year, report.as_of) == (report_year.BRANCH, YEAR, END)
    assert report.generated == TODAY
    assert report.operator == "tester"
    assert report.scheme is None and report.points is None


def test_the_findings_are_exactly_the_checks_and_the_totals_count_them(built, report):
    store, ids = built
    check = watch.check(store, ids["branch"].id, YEAR, END)
    assert list(report.findings) == check
    assert _keys(report.findings) == report_year.EXPECTED
    totals = report.totals()
    assert {r: n for r, n in totals.items() if n} == Counter(f.rule for f in check)
    assert totals["themed_day_frequency"] == 0  # a checked rule with nothing found is shown
    assert sum(totals.values()) == len(check)


def test_the_plan_is_set_against_what_was_held(report):
    lines = {p.meeting_type: (p.planned, p.held, p.not_held) for p in report.plan}
    assert lines == {
        MeetingType.general_meeting: (1, 0, 1),
        MeetingType.committee_meeting: (1, 1, 0),
        MeetingType.party_lecture: (1, 1, 0),
    }
    held = {i.topic: i.held_meeting_no for i in report.plan_items}
    assert held["二季度党员大会"] is None
    assert held["一月支委会"] == f"{YEAR}-001"
    lecture = next(i for i in report.plan_items if i.topic == "书记讲党课")
    assert lecture.held_date == date(YEAR, 1, 25)


def test_each_meeting_rule_counts_meetings_and_periods_as_the_findings_do(report):
    rules = {r.rule: r for r in report.rules}
    general = rules["general_meeting_frequency"]
    assert (general.held, general.judged, general.met, general.missed) == (3, 4, 3, 1)
    committee = rules["committee_meeting_frequency"]
    assert (committee.held, committee.judged, committee.met, committee.missed) == (11, 12, 11, 1)
    for rule in ("party_lecture_frequency", "themed_day_frequency", "life_meeting_yearly"):
        assert rules[rule].missed == 0 and rules[rule].not_due == 0
    assert rules["appraisal_yearly"].held == 1  # the life meeting counted as the appraisal too
    found = Counter(f.rule for f in report.findings)
    for line in report.rules:
        if line.rule != "group_meeting_frequency":
            assert line.missed == found[line.rule], line.rule


def test_the_group_meeting_rule_is_shown_per_group(report):
    (group,) = report.groups
    assert (group.group, group.held, group.judged, group.met, group.missed) == (
        base.GROUP,
        12,
        12,
        12,
        0,
    )


def _marks(pred) -> Counter:
    statuses = {}
    for meeting, _ in base.meetings():
        statuses[meeting.meeting_no] = meeting.types
    return Counter(m.status for m in base.attendance() if pred(statuses[m.meeting_no]))


def test_attendance_rates_per_type_and_for_the_branch(report):
    by_type = {a.meeting_type: a.marks for a in report.attendance}
    general = by_type[MeetingType.general_meeting]
    # February: 孙六 absent, 周七 on leave; August and November: everyone present
    assert (general.present, general.leave, general.absent) == (19, 1, 1)
    assert general.rate == pytest.approx(19 / 21)
    for mtype, marks in by_type.items():
        expected = _marks(lambda types, mtype=mtype: mtype in types)
        assert marks.present == expected[AttendanceStatus.present], mtype
        assert marks.absent == expected[AttendanceStatus.absent], mtype
    everything = _marks(lambda types: True)
    total = report.attendance_total
    assert (total.present, total.leave, total.absent) == (
        everything[AttendanceStatus.present],
        everything[AttendanceStatus.leave],
        everything[AttendanceStatus.absent],
    )
    assert total.total == len(base.attendance())  # each mark once, however many types


def test_the_absence_case_comes_with_the_talk_that_answered_it(built, report):
    _, ids = built
    (case,) = report.absences
    assert case.member_no == base.ABSENT_MEMBER and case.name == "孙六"
    assert case.months == tuple(f"{YEAR}-{m:02d}" for m in range(1, 7))
    assert case.step.action is LadderAction.general_meeting_case
    assert case.step.severity is Severity.violation
    assert not case.ongoing  # back from July on
    assert [t.id for t in case.answered] == [ids["answer"]]  # not the 2024 case's talk


def test_talk_coverage_once_the_year_is_over_equals_the_findings(report):
    talks = report.talks
    assert talks.final and talks.required == 1
    assert talks.due == 8  # seven members and 吴八; 郑九 joined within the grace months
    assert talks.covered == 7
    assert [g.member_no for g in talks.gaps] == [report_year.UNCOVERED]
    found = {f.subject for f in report.findings if f.rule == "talk_coverage"}
    assert {g.member_no for g in talks.gaps} == found
    assert talks.by_type == {TalkType.routine: 7, TalkType.reminder: 1}  # 2024's not counted


def test_rectification_lists_the_years_items_and_older_overdue_ones(built, report):
    _, ids = built
    listed = {r.item.id: r for r in report.rectification}
    assert set(listed) == {ids["done"], ids["open"], ids["late"]}  # not 2024's closed item
    assert {i for i, r in listed.items() if r.overdue} == {ids["open"], ids["late"]}
    overdue = {f.params["id"] for f in report.findings if f.rule == "rectification_overdue"}
    assert overdue == {ids["open"], ids["late"]}
    assert listed[ids["done"]].item.status is RectificationStatus.done
    assert listed[ids["done"]].item.closing_note == "已补齐"
    assert [r.item.deadline for r in report.rectification] == sorted(
        r.item.deadline for r in report.rectification
    )


def test_during_the_year_it_counts_up_to_the_as_of_date(built):
    store, ids = built
    as_of = date(YEAR, 7, 15)
    report = year_report(store, ids["branch"], YEAR, as_of, today=TODAY)
    assert list(report.findings) == watch.check(store, ids["branch"].id, YEAR, as_of)
    general = next(r for r in report.rules if r.rule == "general_meeting_frequency")
    assert (general.held, general.met, general.missed, general.not_due) == (1, 1, 1, 2)
    assert not report.talks.final
    # the routine talks are in September: by July only 孙六 had one (the reminder)
    assert [g.member_no for g in report.talks.gaps] == [
        "001",
        "002",
        "003",
        "004",
        "005",
        "007",
        "008",
    ]
    assert not [f for f in report.findings if f.rule == "talk_coverage"]
    (case,) = report.absences
    assert case.step.action is LadderAction.general_meeting_case


def test_the_points_summary_comes_from_the_active_scheme_only(built):
    store, ids = built
    branch = ids["branch"]
    assert year_report(store, branch, YEAR, today=TODAY).points is None
    assert schemes.active(store, branch.id) is None  # the report activated nothing
    source = default_scheme_text()
    scheme = parse_scheme(source, "default")
    schemes.activate(store, branch.id, source, scheme)
    report = year_report(store, branch, YEAR, today=TODAY)
    rows = scoreboard(store, branch.id, YEAR, scheme)
    points = report.points
    assert report.scheme is not None and report.scheme.name == scheme.name
    assert points.scored == len(rows) > 0
    assert points.minimum == min(r.total for r in rows)
    assert points.maximum == max(r.total for r in rows)
    assert points.average == pytest.approx(sum(r.total for r in rows) / len(rows), abs=0.01)
    assert sum(points.grades.values()) == points.scored
    assert points.grades == {g: n for g, n in Counter(r.grade for r in rows).items()}


def test_before_the_year_ends_the_points_summary_gives_no_band(built):
    """A band judges a whole year: a report as of July counts the points, not the bands."""
    store, ids = built
    branch = ids["branch"]
    source = default_scheme_text()
    schemes.activate(store, branch.id, source, parse_scheme(source, "default"))
    points = year_report(store, branch, YEAR, date(YEAR, 7, 15), today=TODAY).points
    assert points is not None and points.scored > 0 and points.maximum is not None
    assert points.grades == {}
    assert points.to_date is not None and points.to_date.day == "07-15"
    final = year_report(store, branch, YEAR, today=TODAY).points
    assert final is not None and final.to_date is None
    assert sum(final.grades.values()) == final.scored


def test_a_year_without_records_or_in_the_future_is_refused(built):
    store, ids = built
    with pytest.raises(StoreError) as exc:
        year_report(store, ids["branch"], 2019, today=TODAY)
    assert exc.value.key == "report.no_records"
    assert "2019" in str(exc.value)
    with pytest.raises(StoreError):
        year_report(store, ids["branch"], YEAR + 2, today=TODAY)


def test_a_group_that_never_met_misses_every_period_and_each_is_a_finding(built):
    store, ids = built
    branch = ids["branch"]
    store.add_members(
        branch.id, [MemberInput("010", "冯十", MemberStatus.full, group="第二党小组")]
    )
    report = year_report(store, branch, YEAR, today=TODAY)
    groups = {g.group: (g.held, g.judged, g.met, g.missed) for g in report.groups}
    assert groups == {base.GROUP: (12, 12, 12, 0), "第二党小组": (0, 12, 0, 12)}
    rule = next(r for r in report.rules if r.rule == "group_meeting_frequency")
    assert (rule.met, rule.missed) == (0, 12)  # no month in which every group met
    group_findings = [f for f in report.findings if f.rule == "group_meeting_frequency"]
    assert {f.subject for f in group_findings} == {"第二党小组"}
    assert sum(g.missed for g in report.groups) == len(group_findings)


def test_plan_items_whose_month_is_not_over_are_not_yet_due(built):
    store, ids = built
    report = year_report(store, ids["branch"], YEAR, date(YEAR, 4, 15), today=TODAY)
    lines = {p.meeting_type: (p.held, p.not_held, p.not_due) for p in report.plan}
    assert lines[MeetingType.general_meeting] == (0, 0, 1)  # planned for May
    assert lines[MeetingType.party_lecture] == (1, 0, 0)  # year-wide, held in January
    may = next(i for i in report.plan_items if i.month == 5)
    assert not plan_item_due(may, date(YEAR, 5, 30)) and plan_item_due(may, date(YEAR, 5, 31))
