"""The counts of the year-end report that nothing else gathers, by SQL ``GROUP BY``.

Attendance marks per meeting type and for the branch as a whole, meetings held per type
and party group, talks held per type, the roster with join dates and the party groups;
and whether a year holds any record at all. Everything here counts the window from
``first`` to ``last`` (the report's 1 January to its as-of date), both days included.

Membership is read on those dates, never "now": the roster is the members in the branch on
some day of the window, the groups those of the members in the branch on ``last``; so a
past year's report does not change when later events (a transfer, a death) are recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, and_, exists, func, select

from orglife_tui.data.membership import in_branch_during, in_branch_on
from orglife_tui.data.models import (
    attendance_t,
    group_t,
    meeting_t,
    member_t,
    mtype_t,
    plan_t,
    rect_t,
    talk_t,
)
from orglife_tui.data.rows import MEMBERSHIP_COLUMNS
from orglife_tui.data.store import Store, live_meeting
from orglife_tui.domain import AttendanceStatus, MeetingType, TalkType


@dataclass(frozen=True)
class MarkCounts:
    """Attendance marks: present, on leave (excused) and absent without leave."""

    present: int = 0
    leave: int = 0
    absent: int = 0

    @property
    def total(self) -> int:
        return self.present + self.leave + self.absent

    @property
    def rate(self) -> float | None:
        """Present ÷ all marks; None when there are no marks."""
        return self.present / self.total if self.total else None

    def plus(self, status: str, n: int) -> MarkCounts:
        if status == AttendanceStatus.present.value:
            return MarkCounts(self.present + n, self.leave, self.absent)
        if status == AttendanceStatus.leave.value:
            return MarkCounts(self.present, self.leave + n, self.absent)
        if status == AttendanceStatus.absent.value:
            return MarkCounts(self.present, self.leave, self.absent + n)
        return self


@dataclass(frozen=True)
class RosterMember:
    member_no: str
    name: str
    group: str | None
    join_date: date | None
    entered_on: date | None = None  # transferred into the branch; None: there from the start
    left_on: date | None = None  # the first day no longer in the branch


@dataclass(frozen=True)
class YearTallies:
    # a meeting of several types counts once for each of them
    attendance_by_type: dict[MeetingType, MarkCounts]
    attendance: MarkCounts  # every mark once
    meetings: dict[tuple[MeetingType, str | None], int]  # (type, group of a group meeting)
    talks_by_type: dict[TalkType, int]
    roster: tuple[RosterMember, ...]  # in the branch during the window, by member number
    groups: tuple[str, ...]  # party groups that have members on ``last``, in the order made


def _in_window(branch_id: int, first: date, last: date):
    return and_(
        meeting_t.c.branch_id == branch_id,
        live_meeting(),  # a voided meeting counts nowhere
        meeting_t.c.date >= first,
        meeting_t.c.date <= last,
    )


def _attendance(
    conn: Connection, branch_id: int, first: date, last: date
) -> tuple[dict[MeetingType, MarkCounts], MarkCounts]:
    marks = attendance_t.join(meeting_t, meeting_t.c.id == attendance_t.c.meeting_id)
    by_type: dict[MeetingType, MarkCounts] = {}
    for r in conn.execute(
        select(mtype_t.c.type, attendance_t.c.status, func.count().label("n"))
        .select_from(marks.join(mtype_t, mtype_t.c.meeting_id == meeting_t.c.id))
        .where(_in_window(branch_id, first, last))
        .group_by(mtype_t.c.type, attendance_t.c.status)
    ):
        mtype = MeetingType(r.type)
        by_type[mtype] = by_type.get(mtype, MarkCounts()).plus(r.status, int(r.n))
    overall = MarkCounts()
    for r in conn.execute(
        select(attendance_t.c.status, func.count().label("n"))
        .select_from(marks)
        .where(_in_window(branch_id, first, last))
        .group_by(attendance_t.c.status)
    ):
        overall = overall.plus(r.status, int(r.n))
    return by_type, overall


def _meetings(
    conn: Connection, branch_id: int, first: date, last: date
) -> dict[tuple[MeetingType, str | None], int]:
    rows = conn.execute(
        select(mtype_t.c.type, group_t.c.name.label("group"), func.count().label("n"))
        .select_from(
            meeting_t.join(mtype_t, mtype_t.c.meeting_id == meeting_t.c.id).outerjoin(
                group_t, group_t.c.id == meeting_t.c.group_id
            )
        )
        .where(_in_window(branch_id, first, last))
        .group_by(mtype_t.c.type, group_t.c.name)
    )
    return {(MeetingType(r.type), r.group): int(r.n) for r in rows}


def _talks(conn: Connection, branch_id: int, first: date, last: date) -> dict[TalkType, int]:
    rows = conn.execute(
        select(talk_t.c.type, func.count().label("n"))
        .where(talk_t.c.branch_id == branch_id, talk_t.c.date >= first, talk_t.c.date <= last)
        .group_by(talk_t.c.type)
    )
    return {TalkType(r.type): int(r.n) for r in rows}


def _roster(conn: Connection, branch_id: int, first: date, last: date) -> tuple[RosterMember, ...]:
    rows = conn.execute(
        select(
            *MEMBERSHIP_COLUMNS,
            group_t.c.name.label("group"),
        )
        .select_from(member_t.outerjoin(group_t, group_t.c.id == member_t.c.group_id))
        .where(member_t.c.branch_id == branch_id, in_branch_during(first, last))
        .order_by(member_t.c.sort_key, member_t.c.member_no)
    )
    return tuple(
        RosterMember(r.member_no, r.name, r.group, r.join_date, r.entered_on, r.left_on)
        for r in rows
    )


def _groups(conn: Connection, branch_id: int, on: date) -> tuple[str, ...]:
    return tuple(
        conn.scalars(
            select(group_t.c.name)
            .where(
                group_t.c.branch_id == branch_id,
                exists().where(member_t.c.group_id == group_t.c.id, in_branch_on(on)),
            )
            .order_by(group_t.c.id)
        )
    )


def year_tallies(store: Store, branch_id: int, first: date, last: date) -> YearTallies:
    """The report's counts between ``first`` and ``last``, read in one connection."""
    with store.read_connection() as conn:
        by_type, overall = _attendance(conn, branch_id, first, last)
        return YearTallies(
            attendance_by_type=by_type,
            attendance=overall,
            meetings=_meetings(conn, branch_id, first, last),
            talks_by_type=_talks(conn, branch_id, first, last),
            roster=_roster(conn, branch_id, first, last),
            groups=_groups(conn, branch_id, last),
        )


def has_records(store: Store, branch_id: int, year: int) -> bool:
    """Whether ``year`` holds any meeting, plan item, talk or rectification item."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    checks = (
        exists().where(_in_window(branch_id, first, last)),
        exists().where(plan_t.c.branch_id == branch_id, plan_t.c.year == year),
        exists().where(talk_t.c.branch_id == branch_id, talk_t.c.date.between(first, last)),
        exists().where(rect_t.c.branch_id == branch_id, rect_t.c.year == year),
    )
    with store.read_connection() as conn:
        return any(conn.scalar(select(c)) for c in checks)


__all__ = ["MarkCounts", "RosterMember", "YearTallies", "has_records", "year_tallies"]
