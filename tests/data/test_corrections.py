"""Corrections and impossible dates, records start (issue 9 §3–§4), on SQLite and PostgreSQL.

- A meeting recorded by mistake is voided with a reason: nothing is deleted, it leaves every
  list, sheet, rule, count and report, its attendance-derived points are reversed by linked
  entries in the chain (``verify`` stays green), and the void is audited.
- Meetings, marks, talks and points entries dated after today, before the branch's records
  start, or for a member not in the branch that day are refused with a clear message.
- The records start: the first day of the month the branch was created, moved back by the
  branch's first meetings, moved by ``set_records_start``; every period from it is judged,
  so a branch with members and no meetings is not "all compliant".
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from orglife_tui.data import compliance as compliance_data
from orglife_tui.data import ledger, plans, talks
from orglife_tui.data.errors import Conflict, StoreError
from orglife_tui.data.membership import record_event
from orglife_tui.data.store import RowProblems
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.data.year_facts import year_tallies
from orglife_tui.domain import (
    AttendanceStatus,
    CommitteePost,
    MeetingType,
    MemberEventKind,
    MemberStatus,
    TalkType,
)
from orglife_tui.domain.records import AttendanceInput, MeetingInput, MemberInput
from orglife_tui.services import points, watch

TODAY = date(2026, 6, 15)
P, L, A = AttendanceStatus.present, AttendanceStatus.leave, AttendanceStatus.absent
TD, PL, CM = MeetingType.themed_day, MeetingType.party_lecture, MeetingType.committee_meeting


@pytest.fixture
def clocked(store):
    """The store with a fixed today (15 June 2026), and a branch created on it."""
    store.today = lambda: TODAY
    return store


@pytest.fixture
def branch(clocked):
    """Secretary 001 and organization member 002 (committee), 003 who joined the Party in
    March 2026, 004 a plain member; all in 第一党小组. Records start 2026-01-01."""
    b = clocked.resolve_branch("第一党支部")
    clocked.add_members(
        b.id,
        [
            MemberInput(
                "001", "张伟", MemberStatus.full, group="第一党小组", post=CommitteePost.secretary
            ),
            MemberInput(
                "002",
                "王芳",
                MemberStatus.full,
                group="第一党小组",
                post=CommitteePost.organization,
            ),
            MemberInput(
                "003",
                "李娜",
                MemberStatus.probationary,
                group="第一党小组",
                join_date=date(2026, 3, 1),
            ),
            MemberInput("004", "刘洋", MemberStatus.full, group="第一党小组"),
        ],
    )
    clocked.set_records_start(b.id, date(2026, 1, 1))
    return b


def add(store, branch, when: date, *types: MeetingType, no: str, title: str = "会议") -> int:
    return store.add_meeting(branch.id, MeetingInput(when, types, title, meeting_no=no)).id


def member_id(store, branch, no: str) -> int:
    return store.get_member(branch.id, no).id


def last_audit(store, branch) -> tuple[str, dict, str]:
    entry = store.audit_entries(branch.id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"]), entry["operator"]


@pytest.fixture
def marked(clocked, branch):
    """Two themed days (the March one also a Party lecture), everyone marked at both, and
    the points synced under the bundled default scheme."""
    march = add(clocked, branch, date(2026, 3, 5), TD, PL, no="M1", title="三月主题党日")
    april = add(clocked, branch, date(2026, 4, 5), TD, no="M2", title="四月主题党日")
    clocked.import_attendance(
        branch.id,
        [
            AttendanceInput("M1", "001", P),
            AttendanceInput("M1", "002", P),
            AttendanceInput("M1", "003", A),
            AttendanceInput("M1", "004", L, "出差"),
            AttendanceInput("M2", "001", P),
            AttendanceInput("M2", "002", A),
        ],
    )
    points.sync_branch(clocked, branch.id)
    return march, april


def live_entries(store, branch, meeting_no: str) -> list:
    return [
        e
        for e in ledger.iter_entries(store, branch.id)
        if e.meeting_no == meeting_no and not e.reverses_id and not e.reversed_by
    ]


# ---------------------------------------------------------------------------- void


def test_a_voided_meeting_leaves_lists_and_sheets_but_stays_recorded(clocked, branch, marked):
    march, _ = marked
    voided = clocked.void_meeting(branch.id, march, " 日期录错，重复登记 ")
    assert voided.voided and voided.void_reason == "日期录错，重复登记"
    assert [m.meeting_no for m in clocked.list_meetings(branch.id)] == ["M2"]
    assert [m.meeting_no for m in clocked.list_meetings(branch.id, voided=True)] == ["M1"]
    assert [m.meeting_no for m in clocked.list_meetings(branch.id, voided=None)] == ["M1", "M2"]
    assert clocked.meeting_months(branch.id) == ["2026-04"]
    assert (clocked.count_meetings(branch.id), clocked.count_meetings(branch.id, True)) == (1, 1)
    summary = clocked.summary(branch.id, today=date(2026, 3, 20))
    assert summary.meetings_this_month == [] and summary.meetings_this_year == 1
    # still there, with its marks: nothing is deleted
    kept = clocked.get_meeting_by_no(branch.id, "M1")
    assert (kept.present, kept.absent, kept.leave) == (2, 1, 1)
    with pytest.raises(Conflict) as refused:
        clocked.attendance_sheet(branch.id, march)
    assert refused.value.key == "corrections.meeting_voided"
    action, detail, operator = last_audit(clocked, branch)
    assert action == "meeting.void" and operator == "tester"
    assert detail["meeting_no"] == "M1" and detail["reason"] == "日期录错，重复登记"
    assert detail["marks"] == 4


def test_a_voided_meeting_takes_no_second_void_no_marks_and_no_edits(clocked, branch, marked):
    march, _ = marked
    with pytest.raises(StoreError) as no_reason:
        clocked.void_meeting(branch.id, march, "  ")
    assert no_reason.value.key == "corrections.void_reason_required"
    clocked.void_meeting(branch.id, march, "录入错误")
    audit_rows = len(clocked.audit_entries(branch.id, limit=10_000))
    with pytest.raises(Conflict) as twice:
        clocked.void_meeting(branch.id, march, "再次作废")
    assert twice.value.key == "corrections.meeting_already_voided"
    assert "录入错误" in str(twice.value)
    with pytest.raises(StoreError) as mark:
        clocked.set_attendance(branch.id, march, member_id(clocked, branch, "003"), P)
    assert mark.value.key == "corrections.meeting_voided"
    with pytest.raises(StoreError):  # not even to clear a mark
        clocked.set_attendance(branch.id, march, member_id(clocked, branch, "003"), None)
    with pytest.raises(RowProblems) as imported:
        clocked.import_attendance(branch.id, [AttendanceInput("M1", "003", P)])
    assert [p[1] for p in imported.value.problems] == ["corrections.meeting_voided"]
    old = clocked.get_meeting(branch.id, march)
    with pytest.raises(Conflict) as edit:
        clocked.update_meeting(branch.id, march, replace(old.as_input(), title="改"))
    assert edit.value.key == "corrections.meeting_voided"
    assert len(clocked.audit_entries(branch.id, limit=10_000)) == audit_rows
    assert clocked.get_meeting(branch.id, march).present == 2


def test_a_voided_meetings_points_are_reversed_in_the_chain(clocked, branch, marked):
    march, _ = marked
    booked = live_entries(clocked, branch, "M1")
    assert booked  # presence at a themed day and a lecture, the unexcused absence
    clocked.void_meeting(branch.id, march, "录入错误")
    result = points.after_meeting_change(clocked, branch.id, march)
    assert (result.added, result.reversed) == (0, len(booked))
    assert live_entries(clocked, branch, "M1") == []
    reversals = [e for e in ledger.iter_entries(clocked, branch.id) if e.reverses_id]
    assert sorted(e.reverses_id for e in reversals) == sorted(e.id for e in booked)
    assert {e.note for e in reversals} == {"meeting voided"}
    by_id = {e.id: e for e in booked}
    for e in reversals:  # each reversal negates its original, on the original's date
        assert e.points == -by_id[e.reverses_id].points
        assert e.entry_date == date(2026, 3, 5)
    assert ledger.verify(clocked).ok
    # the April meeting keeps its points; a second sync finds nothing to do
    assert live_entries(clocked, branch, "M2")
    assert points.after_meeting_change(clocked, branch.id, march) == ledger.SyncResult(0, 0)
    assert points.sync_branch(clocked, branch.id)[2] == ledger.SyncResult(0, 0)


def test_a_voided_meeting_counts_in_no_rule_count_or_report(clocked, branch, marked):
    march, _ = marked
    plans.add_plan_item(clocked, branch.id, plans.PlanInput(2026, PL, "三月党课", month=3))

    def facts():
        return compliance_data.branch_facts(clocked, branch.id, date(2026, 1, 1), TODAY, (TD, PL))

    before = facts()
    assert {c.month for c in before.meeting_counts} == {"2026-03", "2026-04"}
    assert "2026-03" in next(m for m in before.members if m.member_no == "003").months
    assert plans.list_plan(clocked, branch.id, 2026)[0].held_meeting_no == "M1"
    clocked.void_meeting(branch.id, march, "录入错误")
    after = facts()
    assert {c.month for c in after.meeting_counts} == {"2026-04"}
    assert all("2026-03" not in m.months for m in after.members)
    findings = watch.check(clocked, branch.id, 2026, TODAY)
    assert ("themed_day_frequency", "2026-03", branch.name) in {
        (f.rule, f.period, f.subject) for f in findings
    }
    tallies = year_tallies(clocked, branch.id, date(2026, 1, 1), TODAY)
    assert sum(tallies.meetings.values()) == 1  # the April themed day
    assert tallies.attendance.total == 2
    assert plans.list_plan(clocked, branch.id, 2026)[0].held_meeting_no is None


# ---------------------------------------------------------------------------- corrections


def test_a_corrected_date_and_type_re_derive_the_points(clocked, branch, marked):
    _, april = marked
    old = clocked.get_meeting(branch.id, april)
    before = live_entries(clocked, branch, "M2")
    clocked.update_meeting(
        branch.id, april, replace(old.as_input(), date=date(2026, 4, 9), types=(TD, PL))
    )
    result = points.after_meeting_change(clocked, branch.id, april)
    assert result.reversed == len(before)
    after = live_entries(clocked, branch, "M2")
    assert {e.entry_date for e in after} == {date(2026, 4, 9)}
    assert len(after) > len(before)  # 001 now also attended a Party lecture
    assert ledger.verify(clocked).ok
    action, detail, _ = last_audit(clocked, branch)
    assert action == "ledger.sync"
    audit = [e for e in clocked.audit_entries(branch.id) if e["action"] == "meeting.update"]
    assert "date" in json.loads(audit[0]["detail"])["changes"]


@pytest.mark.parametrize(
    ("new_date", "key"),
    [
        (date(2026, 6, 16), "corrections.meeting_in_future"),
        (date(2025, 12, 31), "corrections.before_start"),
        (date(2026, 2, 27), "corrections.member_not_joined"),  # 003 is marked, joined 1 March
    ],
)
def test_a_meeting_cannot_be_moved_to_an_impossible_date(clocked, branch, marked, new_date, key):
    march, _ = marked
    old = clocked.get_meeting(branch.id, march)
    with pytest.raises(StoreError) as refused:
        clocked.update_meeting(branch.id, march, replace(old.as_input(), date=new_date))
    assert refused.value.key == key
    assert clocked.get_meeting(branch.id, march).date == date(2026, 3, 5)


# ---------------------------------------------------------------------------- impossible dates


def test_a_meeting_after_today_is_refused_and_nothing_is_written(clocked, branch):
    with pytest.raises(Conflict) as refused:
        add(clocked, branch, date(2026, 6, 16), TD, no="F1")
    assert refused.value.key == "corrections.meeting_in_future"
    assert "2026-06-16" in str(refused.value) and "2026-06-15" in str(refused.value)
    with pytest.raises(RowProblems) as many:
        clocked.add_meetings(
            branch.id,
            [
                MeetingInput(date(2026, 6, 1), (TD,), "六月"),
                MeetingInput(date(2027, 1, 1), (TD,), "明年"),
            ],
        )
    assert [(i, key) for i, key, _ in many.value.problems] == [(1, "corrections.meeting_in_future")]
    assert clocked.list_meetings(branch.id) == []
    add(clocked, branch, TODAY, TD, no="T1")  # today itself is fine


def test_a_mark_on_a_meeting_after_today_is_refused(clocked, branch):
    clocked.today = lambda: date(2026, 7, 1)
    future = add(clocked, branch, date(2026, 6, 20), TD, no="F1")
    clocked.today = lambda: TODAY  # the meeting now lies after today
    with pytest.raises(StoreError) as refused:
        clocked.set_attendance(branch.id, future, member_id(clocked, branch, "001"), P)
    assert refused.value.key == "corrections.attendance_in_future"
    with pytest.raises(RowProblems) as imported:
        clocked.import_attendance(branch.id, [AttendanceInput("F1", "001", P)])
    assert imported.value.problems[0][1] == "corrections.attendance_in_future"
    assert clocked.get_meeting(branch.id, future).present == 0


def test_marks_are_refused_outside_the_members_time_in_the_branch(clocked, branch):
    february = add(clocked, branch, date(2026, 2, 10), TD, no="M0")
    may = add(clocked, branch, date(2026, 5, 10), TD, no="M5")
    june = add(clocked, branch, date(2026, 6, 10), TD, no="M6")
    record_event(clocked, branch.id, "004", MemberEventKind.transfer_out, date(2026, 6, 1))
    with pytest.raises(StoreError) as not_joined:
        clocked.set_attendance(branch.id, february, member_id(clocked, branch, "003"), P)
    assert not_joined.value.key == "corrections.member_not_joined"
    assert "2026-03-01" in str(not_joined.value)
    with pytest.raises(StoreError) as left:
        clocked.set_attendance(branch.id, june, member_id(clocked, branch, "004"), P)
    assert left.value.key == "corrections.member_left"
    clocked.set_attendance(branch.id, may, member_id(clocked, branch, "004"), P)  # still in
    with pytest.raises(RowProblems) as imported:
        clocked.import_attendance(
            branch.id,
            [
                AttendanceInput("M5", "003", P),
                AttendanceInput("M0", "003", A),
                AttendanceInput("M6", "004", A),
            ],
        )
    assert [(i, key) for i, key, _ in imported.value.problems] == [
        (1, "corrections.member_not_joined"),
        (2, "corrections.member_left"),
    ]
    assert clocked.get_meeting(branch.id, may).present == 1


def test_a_member_who_came_in_later_is_not_marked_before(clocked, branch):
    clocked.add_member(branch.id, MemberInput("005", "赵强", MemberStatus.full))
    record_event(clocked, branch.id, "005", MemberEventKind.transfer_in, date(2026, 4, 1))
    march = add(clocked, branch, date(2026, 3, 5), TD, no="M1")
    with pytest.raises(StoreError) as refused:
        clocked.set_attendance(branch.id, march, member_id(clocked, branch, "005"), P)
    assert refused.value.key == "corrections.member_not_entered"


def _talk(on: date, member_no: str = "004") -> TalkInput:
    return TalkInput(
        date=on,
        member_no=member_no,
        type=TalkType.routine,
        talkers=(TalkerInput(member_no="001"),),
    )


@pytest.mark.parametrize(
    ("on", "member_no", "key"),
    [
        (date(2026, 6, 16), "004", "talks.date_in_future"),
        (date(2025, 12, 31), "004", "corrections.before_start"),
        (date(2026, 2, 1), "003", "corrections.member_not_joined"),
    ],
)
def test_impossible_talks_are_refused(clocked, branch, on, member_no, key):
    with pytest.raises(StoreError) as refused:
        talks.add_talk(clocked, branch.id, _talk(on, member_no))
    assert refused.value.key == key
    assert talks.list_talks(clocked, branch.id) == []
    row = talks.add_talk(clocked, branch.id, _talk(TODAY))
    with pytest.raises(StoreError) as moved:
        talks.update_talk(clocked, branch.id, row.id, _talk(on, member_no))
    assert moved.value.key == key


def test_a_talk_after_the_member_left_is_refused(clocked, branch):
    record_event(clocked, branch.id, "004", MemberEventKind.transfer_out, date(2026, 5, 1))
    with pytest.raises(StoreError) as refused:
        talks.add_talk(clocked, branch.id, _talk(date(2026, 5, 2)))
    assert refused.value.key == "corrections.member_left"
    talks.add_talk(clocked, branch.id, _talk(date(2026, 4, 30)))


@pytest.mark.parametrize(
    ("on", "member_no", "key"),
    [
        (date(2026, 6, 16), "004", "corrections.entry_date_in_future"),
        (date(2025, 12, 31), "004", "corrections.before_start"),
        (date(2026, 2, 28), "003", "corrections.member_not_joined"),
    ],
)
def test_impossible_points_entries_are_refused(clocked, branch, on, member_no, key):
    info, scheme = points.active_scheme(clocked, branch.id)
    code = "volunteer_service"
    with pytest.raises(StoreError) as refused:
        ledger.add_entry(
            clocked, branch.id, scheme, info.id, member_no, code, hours=2, entry_date=on
        )
    assert refused.value.key == key
    assert ledger.count_entries(clocked, branch.id) == 0


def test_a_points_entry_defaults_to_the_stores_today(clocked, branch):
    info, scheme = points.active_scheme(clocked, branch.id)
    row = ledger.add_entry(clocked, branch.id, scheme, info.id, "004", "volunteer_service", hours=1)
    assert row.entry_date == TODAY
    record_event(clocked, branch.id, "004", MemberEventKind.transfer_out, date(2026, 6, 1))
    with pytest.raises(StoreError) as left:
        ledger.add_entry(clocked, branch.id, scheme, info.id, "004", "volunteer_service", hours=1)
    assert left.value.key == "corrections.member_left"


# ---------------------------------------------------------------------------- records start


def test_a_new_branch_starts_its_records_in_the_month_it_is_created(clocked):
    b = clocked.create_branch("新支部")
    assert clocked.records_start(b.id) == date(2026, 6, 1)


def test_the_first_meetings_move_the_start_back_and_later_ones_may_not_precede_it(clocked):
    b = clocked.create_branch("新支部")
    clocked.add_meetings(
        b.id,
        [
            MeetingInput(date(2025, 11, 20), (TD,), "十一月"),
            MeetingInput(date(2025, 9, 18), (TD,), "九月"),
        ],
        source="history.csv",
    )
    assert clocked.records_start(b.id) == date(2025, 9, 1)
    moved = [e for e in clocked.audit_entries(b.id) if e["action"] == "branch.records_start"]
    assert json.loads(moved[0]["detail"]) == {
        "old": "2026-06-01",
        "new": "2025-09-01",
        "why": "first_meetings",
    }
    with pytest.raises(Conflict) as refused:
        clocked.add_meeting(b.id, MeetingInput(date(2025, 8, 31), (TD,), "八月"))
    assert refused.value.key == "corrections.before_start"
    message = str(refused.value)
    assert "2025-09-01" in message and "records start back to 2025-08-01" in message
    clocked.set_records_start(b.id, date(2025, 8, 1))
    clocked.add_meeting(b.id, MeetingInput(date(2025, 8, 31), (TD,), "八月"))


def test_the_first_meetings_never_move_the_start_forward(clocked):
    b = clocked.create_branch("新支部")
    clocked.set_records_start(b.id, date(2026, 1, 1))
    clocked.add_meeting(b.id, MeetingInput(date(2026, 3, 3), (TD,), "三月"))
    assert clocked.records_start(b.id) == date(2026, 1, 1)


def test_setting_the_records_start_is_audited_and_checked(clocked, branch):
    clocked.set_records_start(branch.id, date(2025, 7, 1))
    action, detail, operator = last_audit(clocked, branch)
    assert (action, detail, operator) == (
        "branch.records_start",
        {"old": "2026-01-01", "new": "2025-07-01"},
        "tester",
    )
    with pytest.raises(StoreError) as future:
        clocked.set_records_start(branch.id, date(2026, 6, 16))
    assert future.value.key == "corrections.start_in_future"
    add(clocked, branch, date(2026, 2, 3), TD, no="M1")
    with pytest.raises(StoreError) as past_records:
        clocked.set_records_start(branch.id, date(2026, 3, 1))
    assert past_records.value.key == "corrections.start_after_records"
    assert "2026-02-03" in str(past_records.value)
    talks.add_talk(clocked, branch.id, _talk(date(2026, 1, 20)))
    with pytest.raises(StoreError):
        clocked.set_records_start(branch.id, date(2026, 2, 1))  # the talk is earlier
    clocked.set_records_start(branch.id, date(2026, 1, 20))
    assert clocked.records_start(branch.id) == date(2026, 1, 20)


def test_the_start_may_move_past_a_voided_meeting(clocked, branch):
    wrong = add(clocked, branch, date(2026, 1, 5), TD, no="W1")
    add(clocked, branch, date(2026, 3, 5), TD, no="M1")
    clocked.void_meeting(branch.id, wrong, "年份录错")
    clocked.set_records_start(branch.id, date(2026, 3, 1))
    assert clocked.records_start(branch.id) == date(2026, 3, 1)


def test_a_branch_with_members_and_no_meetings_is_not_compliant(store):
    """Created in June, checked on 1 August: June and July have come due without any
    committee meeting, themed Party day or group meeting."""
    store.today = lambda: date(2026, 6, 10)
    b = store.create_branch("新支部")
    store.add_members(
        b.id,
        [
            MemberInput(
                "001", "张伟", MemberStatus.full, group="一组", post=CommitteePost.secretary
            ),
            MemberInput(
                "002", "王芳", MemberStatus.full, group="一组", post=CommitteePost.publicity
            ),
            MemberInput("003", "李娜", MemberStatus.full, group="二组"),
        ],
    )
    store.today = lambda: date(2026, 8, 1)
    found = {
        (f.rule, f.period, f.subject) for f in watch.check(store, b.id, 2026, date(2026, 8, 1))
    }
    for month in ("2026-06", "2026-07"):
        assert ("committee_meeting_frequency", month, "新支部") in found
        assert ("themed_day_frequency", month, "新支部") in found
        assert ("group_meeting_frequency", month, "一组") in found
        assert ("group_meeting_frequency", month, "二组") in found
    assert not [p for _, p, _ in found if p < "2026-06"]  # nothing before the records start
    # Judged from the records start, not from a first meeting: one July meeting changes July.
    store.add_meeting(b.id, MeetingInput(date(2026, 7, 3), (TD,), "七月主题党日"))
    found = {(f.rule, f.period) for f in watch.check(store, b.id, 2026, date(2026, 8, 1))}
    assert ("themed_day_frequency", "2026-06") in found
    assert ("themed_day_frequency", "2026-07") not in found


def test_a_bulk_load_sets_the_records_start_it_is_given(clocked):
    from orglife_tui.data.bulk import load_branch

    b = clocked.create_branch("演示支部")
    load_branch(
        clocked,
        b.id,
        groups=(),
        members=[MemberInput("001", "张伟", MemberStatus.full)],
        meetings=[MeetingInput(date(2025, 3, 5), (TD,), "三月", meeting_no="D1")],
        attendance=[("D1", "001", "present", None)],
        records_start=date(2025, 1, 1),
    )
    assert clocked.records_start(b.id) == date(2025, 1, 1)
