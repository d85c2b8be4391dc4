"""The bulk loader: a whole branch in one transaction, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from orglife_tui.data.bulk import BranchNotEmpty, ensure_empty, load_branch
from orglife_tui.data.errors import Conflict, NotFound, StoreError
from orglife_tui.data.models import attendance_t, group_t, meeting_t, member_t, mtype_t
from orglife_tui.demo import generate
from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput

# Its module-scoped fixtures are built once: the whole file runs on one xdist worker.
pytestmark = pytest.mark.xdist_group("test_bulk")

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo():
    return generate(members=25, years=1, seed=4, today=TODAY)


def _load(store, branch_id, demo, **kwargs):
    return load_branch(
        store,
        branch_id,
        groups=demo.groups,
        members=demo.members,
        meetings=demo.meetings,
        attendance=demo.attendance_rows(),
        **kwargs,
    )


def _counts(store, branch_id=None):
    def count(table):
        stmt = select(func.count()).select_from(table)
        if branch_id is not None and "branch_id" in table.c:
            stmt = stmt.where(table.c.branch_id == branch_id)
        with store.engine.connect() as conn:
            return conn.scalar(stmt)

    return {
        "groups": count(group_t),
        "members": count(member_t),
        "meetings": count(meeting_t),
        "types": count(mtype_t),
        "attendance": count(attendance_t),
    }


def test_loads_the_whole_branch_and_reads_back_through_the_store(store, branch, demo):
    rows = list(demo.attendance_rows())
    seen: list[int] = []
    counts = _load(store, branch.id, demo, progress=seen.append, chunk_rows=100)
    assert counts.members == 25
    assert counts.groups == len(demo.groups)
    assert counts.meetings == len(demo.meetings)
    assert counts.meeting_types == sum(len(m.types) for m in demo.meetings)
    assert counts.attendance == len(rows)
    assert sum(seen) == demo.row_count()
    assert max(seen) <= 100 and len(seen) > 10
    assert _counts(store) == {
        "groups": counts.groups,
        "members": 25,
        "meetings": counts.meetings,
        "types": counts.meeting_types,
        "attendance": len(rows),
    }

    members = store.list_members(branch.id)
    assert [m.as_input() for m in sorted(members, key=lambda m: m.member_no)] == list(demo.members)
    assert store.groups(branch.id) == sorted(demo.groups)

    meetings = store.list_meetings(branch.id)
    # a lecturer from the roster (by number, or by a name no one else bears) reads back as
    # the member's number; a lecturer from outside as the name given
    names = Counter(m.name for m in demo.members)
    roster = {m.member_no: m.member_no for m in demo.members} | {
        m.name: m.member_no for m in demo.members if names[m.name] == 1
    }
    assert [m.as_input() for m in meetings] == [
        MeetingInput(
            **{
                **vars(m),
                "types": tuple(sorted(m.types, key=list(MeetingType).index)),
                "lecturer": roster.get(m.lecturer or "", m.lecturer),
            }
        )
        for m in demo.meetings
    ]
    expected = Counter((r[0], r[2]) for r in rows)
    for m in meetings:
        assert m.present == expected[(m.meeting_no, "present")]
        assert m.leave == expected[(m.meeting_no, "leave")]
        assert m.absent == expected[(m.meeting_no, "absent")]

    group_meeting = next(m for m in meetings if m.group)
    sheet = store.attendance_sheet(branch.id, group_meeting.id)
    wanted = {(r[1], r[2], r[3]) for r in rows if r[0] == group_meeting.meeting_no}
    marked = {(line.member_no, line.status.value, line.reason) for line in sheet if line.status}
    assert marked == wanted
    # the sheet also lists, unmarked, group members who joined the Party after the meeting
    for line in sheet:
        if line.status is None:
            assert demo.member(line.member_no).join_date > group_meeting.date


def test_writes_one_audit_row_with_the_counts(store, branch, demo):
    before = len(store.audit_entries(branch.id))
    counts = _load(store, branch.id, demo, detail={"seed": 4})
    entries = store.audit_entries(branch.id)
    assert len(entries) == before + 1
    entry = entries[0]
    assert entry["action"] == "demo.load"
    assert entry["operator"] == "tester"
    assert json.loads(entry["detail"]) == {
        "groups": counts.groups,
        "members": 25,
        "meetings": counts.meetings,
        "attendance": counts.attendance,
        # no start given: the first day of the earliest meeting's month
        "records_start": min(m.date for m in demo.meetings).replace(day=1).isoformat(),
        "seed": 4,
    }
    assert store.records_start(branch.id) == min(m.date for m in demo.meetings).replace(day=1)


def test_refuses_a_branch_that_has_members_and_writes_nothing(store, branch, demo):
    store.add_members(branch.id, [MemberInput("900", "王建国", MemberStatus.full)])
    before = _counts(store)
    audit_before = len(store.audit_entries(branch.id))
    with pytest.raises(BranchNotEmpty) as caught:
        ensure_empty(store, branch.id)
    assert (caught.value.members, caught.value.meetings) == (1, 0)
    with pytest.raises(BranchNotEmpty) as caught:
        _load(store, branch.id, demo)
    assert caught.value.branch == branch.name
    assert "already holds 1 members" in str(caught.value)
    assert isinstance(caught.value, StoreError)
    assert _counts(store) == before
    assert len(store.audit_entries(branch.id)) == audit_before


def test_refuses_a_branch_that_has_meetings(store, branch, demo):
    store.add_meeting(branch.id, MeetingInput(date(2026, 1, 5), (MeetingType.themed_day,), "学习"))
    with pytest.raises(BranchNotEmpty) as caught:
        _load(store, branch.id, demo)
    assert (caught.value.members, caught.value.meetings) == (0, 1)


def test_a_second_load_is_refused_and_duplicates_nothing(store, branch, demo):
    _load(store, branch.id, demo)
    after_first = _counts(store)
    with pytest.raises(BranchNotEmpty):
        _load(store, branch.id, demo)
    assert _counts(store) == after_first


def test_another_branch_of_the_same_database_can_take_its_own_demo(store, branch, demo):
    _load(store, branch.id, demo)
    other = store.create_branch("第二党支部")
    ensure_empty(store, other.id)
    counts = _load(store, other.id, demo)
    assert counts.members == 25
    assert len(store.list_members(other.id)) == 25
    assert len(store.list_members(branch.id)) == 25


def _bad_rows(demo, bad):
    rows = list(demo.attendance_rows())
    return [*rows[:-1], bad]  # the bad row comes last: everything before it was written


@pytest.mark.parametrize(
    "bad, error, key",
    [
        (("1999-001", "001", "present", None), NotFound, "meeting_not_found"),
        (("MEETING", "999", "present", None), NotFound, "member_not_found"),
        (("MEETING", "001", "leave", None), StoreError, "leave_needs_reason"),
        (("MEETING", "001", "late", None), StoreError, "bulk_bad_status"),
    ],
)
def test_a_bad_attendance_row_rolls_back_everything(store, branch, demo, bad, error, key):
    if bad[0] == "MEETING":
        bad = (demo.meetings[0].meeting_no, *bad[1:])
    before = _counts(store)
    with pytest.raises(error) as caught:
        load_branch(
            store,
            branch.id,
            groups=demo.groups,
            members=demo.members,
            meetings=demo.meetings,
            attendance=_bad_rows(demo, bad),
            chunk_rows=50,
        )
    assert caught.value.key == key
    assert _counts(store) == before
    ensure_empty(store, branch.id)


def test_duplicate_numbers_are_refused_before_writing(store, branch, demo):
    members = [*demo.members, demo.members[3]]
    with pytest.raises(Conflict) as caught:
        load_branch(store, branch.id, groups=(), members=members, meetings=(), attendance=iter(()))
    assert caught.value.key == "member_no_duplicate"
    assert caught.value.params == {"member_no": demo.members[3].member_no}
    meetings = [demo.meetings[0], demo.meetings[0]]
    with pytest.raises(Conflict):
        load_branch(store, branch.id, groups=(), members=(), meetings=meetings, attendance=())
    unnumbered = [MeetingInput(date(2026, 1, 5), (MeetingType.other,), "x")]
    with pytest.raises(StoreError) as caught:
        load_branch(store, branch.id, groups=(), members=(), meetings=unnumbered, attendance=())
    assert caught.value.key == "bulk_meeting_no_missing"
    ensure_empty(store, branch.id)


def test_present_marks_never_keep_a_reason(store, branch):
    members = [MemberInput("001", "李明", MemberStatus.full, group="第一党小组")]
    meetings = [MeetingInput(date(2026, 3, 5), (MeetingType.themed_day,), "学习", "2026-001")]
    load_branch(
        store,
        branch.id,
        groups=["第一党小组", "第二党小组"],
        members=members,
        meetings=meetings,
        attendance=[("2026-001", "001", "present", "来了")],
    )
    (line,) = store.attendance_sheet(branch.id, store.list_meetings(branch.id)[0].id)
    assert (line.status, line.reason) == (AttendanceStatus.present, None)
    assert store.groups(branch.id) == ["第一党小组", "第二党小组"]


def test_a_larger_branch_in_chunks(store, branch):
    big = generate(members=400, years=1, seed=8, today=TODAY)
    counts = _load(store, branch.id, big, chunk_rows=3000)
    assert counts.attendance == big.attendance_count() > 10_000
    assert _counts(store)["attendance"] == counts.attendance
