"""Attendance marks: the sheet of a meeting, setting marks, and importing marks in bulk.
``Store`` keeps these as methods (``store.set_attendance(...)``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Connection, and_, delete, insert, or_, select

from orglife_tui.data.errors import (
    Conflict,
    NotFound,
    StoreError,
)
from orglife_tui.data.models import attendance_t, group_t, meeting_t, member_t
from orglife_tui.data.rows import (
    MEMBERSHIP_COLUMNS,
    AttendanceLine,
    RowProblems,
    _opt_enum,
    membership_problem,
    voided_problem,
)
from orglife_tui.domain import (
    COMMITTEE_POSTS,
    AttendanceStatus,
    MeetingType,
    MemberStatus,
    attendance_reason,
)
from orglife_tui.domain.records import AttendanceInput

if TYPE_CHECKING:
    from orglife_tui.data.store import Store


def attendance_sheet(store: Store, branch_id: int, meeting_id: int) -> list[AttendanceLine]:
    """Who is expected at the meeting, with their marks.

    The members in the branch on the meeting's date (transferred in by then, not yet
    departed), with their status on that date; a group's meeting expects its group, a
    meeting that is only a committee meeting expects the committee; members who joined
    the Party later are left out. Members away (流动) that day are listed with ``away``
    set. Anyone already marked is listed too.
    """
    from orglife_tui.data.membership import away_on, in_branch_on, status_on

    meeting = store.get_meeting(branch_id, meeting_id)
    if meeting.voided:
        key, params = voided_problem(meeting)
        raise Conflict(key, **params)
    cond = [member_t.c.branch_id == branch_id, in_branch_on(meeting.date)]
    if meeting.group:
        cond.append(group_t.c.name == meeting.group)
    if meeting.types == (MeetingType.committee_meeting,):
        cond.append(member_t.c.post.in_([p.value for p in COMMITTEE_POSTS]))
    # Someone who joined after the meeting was not expected at it.
    cond.append(or_(member_t.c.join_date.is_(None), member_t.c.join_date <= meeting.date))
    stmt = (
        select(
            member_t.c.id,
            member_t.c.member_no,
            member_t.c.name,
            status_on(meeting.date).label("status"),
            group_t.c.name.label("group_name"),
            attendance_t.c.status.label("mark"),
            attendance_t.c.reason,
            away_on(meeting.date).label("away"),
        )
        .select_from(member_t)
        .outerjoin(group_t, group_t.c.id == member_t.c.group_id)
        .outerjoin(
            attendance_t,
            and_(
                attendance_t.c.member_id == member_t.c.id,
                attendance_t.c.meeting_id == meeting_id,
            ),
        )
        .where(
            member_t.c.branch_id == branch_id,
            or_(and_(*cond), attendance_t.c.meeting_id == meeting_id),
        )
        .order_by(member_t.c.sort_key, member_t.c.member_no)
    )
    with store.read_connection() as conn:
        return [
            AttendanceLine(
                member_id=r.id,
                member_no=r.member_no,
                name=r.name,
                group=r.group_name,
                member_status=MemberStatus(r.status),
                status=_opt_enum(AttendanceStatus, r.mark),
                reason=r.reason,
                away=bool(r.away),
            )
            for r in conn.execute(stmt)
        ]


def set_attendance(
    store: Store,
    branch_id: int,
    meeting_id: int,
    member_id: int,
    status: AttendanceStatus | None,
    reason: str | None = None,
) -> None:
    """Mark one member at one meeting; ``None`` clears the mark. Leave needs a reason.

    Refused on a voided meeting, on a meeting dated after today, and for a member who
    was not in the branch on the meeting's date (clearing a mark is always allowed on a
    live meeting: it puts a wrong mark right)."""
    reason = attendance_reason(status, reason)
    if status is AttendanceStatus.leave and not reason:
        raise StoreError("leave_needs_reason")
    with store.write_transaction() as conn:
        meeting = conn.execute(
            select(
                meeting_t.c.meeting_no,
                meeting_t.c.date,
                meeting_t.c.voided_at,
                meeting_t.c.void_reason,
            ).where(meeting_t.c.id == meeting_id, meeting_t.c.branch_id == branch_id)
        ).first()
        member = conn.execute(
            select(*MEMBERSHIP_COLUMNS).where(
                member_t.c.id == member_id, member_t.c.branch_id == branch_id
            )
        ).first()
        if meeting is None or member is None:
            raise NotFound("attendance_target_missing")
        problem = _mark_problem(store, meeting, member, clearing=status is None)
        if problem is not None:
            key, params = problem
            raise StoreError(key, **params)
        meeting_no, member_no = meeting.meeting_no, member.member_no
        old = conn.execute(
            select(attendance_t.c.status, attendance_t.c.reason).where(
                attendance_t.c.meeting_id == meeting_id, attendance_t.c.member_id == member_id
            )
        ).first()
        new = None if status is None else (status.value, reason)
        if (None if old is None else (old.status, old.reason)) == new:
            return
        conn.execute(
            delete(attendance_t).where(
                attendance_t.c.meeting_id == meeting_id, attendance_t.c.member_id == member_id
            )
        )
        if status is not None:
            conn.execute(
                insert(attendance_t).values(
                    meeting_id=meeting_id,
                    member_id=member_id,
                    status=status.value,
                    reason=reason,
                )
            )
        store.audit(
            conn,
            branch_id,
            "attendance.set",
            meeting_no=meeting_no,
            member_no=member_no,
            old=None if old is None else old.status,
            new=None if status is None else status.value,
            reason=reason,
        )


def _mark_problem(
    store: Store, meeting, member, clearing: bool = False
) -> tuple[str, dict[str, str]] | None:
    """Why a mark of ``member`` at ``meeting`` cannot be set (None: it can)."""
    if meeting.voided_at is not None:
        return voided_problem(meeting)
    if clearing:
        return None
    today = store.today()
    if meeting.date > today:
        return "corrections.attendance_in_future", {
            "meeting_no": meeting.meeting_no,
            "date": meeting.date.isoformat(),
            "today": today.isoformat(),
        }
    return membership_problem(member, meeting.date)


def _mark_targets(conn: Connection, branch_id: int, marks: Sequence[AttendanceInput]):
    """The meetings and members ``marks`` name, by number (unknown numbers left out)."""
    numbers = sorted({a.meeting_no for a in marks})
    meetings = {}
    for i in range(0, len(numbers), 500):
        for r in conn.execute(
            select(
                meeting_t.c.id,
                meeting_t.c.meeting_no,
                meeting_t.c.date,
                meeting_t.c.voided_at,
                meeting_t.c.void_reason,
            ).where(
                meeting_t.c.branch_id == branch_id,
                meeting_t.c.meeting_no.in_(numbers[i : i + 500]),
            )
        ):
            meetings[r.meeting_no] = r
    roster = {
        r.member_no: r
        for r in conn.execute(
            select(
                member_t.c.id,
                *MEMBERSHIP_COLUMNS,
            ).where(member_t.c.branch_id == branch_id)
        )
    }
    return meetings, roster


def _marks_problems(
    store: Store, meetings, roster, marks: Sequence[AttendanceInput]
) -> list[tuple[int, str, dict[str, str]]]:
    out = []
    for i, a in enumerate(marks):
        if a.meeting_no in meetings and a.member_no in roster:
            problem = _mark_problem(store, meetings[a.meeting_no], roster[a.member_no])
            if problem is not None:
                out.append((i, *problem))
    return out


def marks_problems(
    store: Store, branch_id: int, marks: Sequence[AttendanceInput]
) -> list[tuple[int, str, dict[str, str]]]:
    """What ``import_attendance`` would refuse about marks on known meetings and members
    (a voided meeting, one dated after today, a member not in the branch that day), by
    reading only."""
    with store.read_connection() as conn:
        meetings, roster = _mark_targets(conn, branch_id, marks)
    return _marks_problems(store, meetings, roster, marks)


def import_attendance(
    store: Store, branch_id: int, marks: Sequence[AttendanceInput], source: str | None = None
) -> int:
    """Set many marks in one transaction; unknown meetings or members refuse the lot.

    Raises ``RowProblems`` listing every (index, message key, params) that is refused.
    """
    problems: list[tuple[int, str, dict[str, str]]] = []
    seen: dict[tuple[str, str], int] = {}
    for i, a in enumerate(marks):
        key = (a.meeting_no, a.member_no)
        if key in seen:
            problems.append(
                (
                    i,
                    "attendance_duplicate",
                    {"meeting_no": a.meeting_no, "member_no": a.member_no},
                )
            )
        seen[key] = i
    with store.write_transaction() as conn:
        meetings, roster = _mark_targets(conn, branch_id, marks)
        meeting_ids = {no: r.id for no, r in meetings.items()}
        member_ids = {no: r.id for no, r in roster.items()}
        for i, a in enumerate(marks):
            if a.meeting_no not in meeting_ids:
                problems.append((i, "meeting_not_found", {"meeting_no": a.meeting_no}))
            if a.member_no not in member_ids:
                problems.append((i, "member_not_found", {"member_no": a.member_no}))
        problems += _marks_problems(store, meetings, roster, marks)
        if problems:
            raise RowProblems(sorted(problems, key=lambda p: p[0]))
        pairs = [(meeting_ids[a.meeting_no], member_ids[a.member_no]) for a in marks]
        by_meeting: dict[int, list[int]] = {}
        for meeting_id, member_id in pairs:
            by_meeting.setdefault(meeting_id, []).append(member_id)
        for meeting_id, members in by_meeting.items():
            for i in range(0, len(members), 500):
                conn.execute(
                    delete(attendance_t).where(
                        attendance_t.c.meeting_id == meeting_id,
                        attendance_t.c.member_id.in_(members[i : i + 500]),
                    )
                )
        if marks:
            conn.execute(
                insert(attendance_t),
                [
                    {
                        "meeting_id": mid,
                        "member_id": pid,
                        "status": a.status.value,
                        "reason": attendance_reason(a.status, a.reason),
                    }
                    for (mid, pid), a in zip(pairs, marks)
                ],
            )
            store.audit(conn, branch_id, "attendance.import", marks=len(marks), source=source)
    return len(marks)
