"""The facts the compliance watch judges, gathered with SQL ``GROUP BY``.

Everything here is counting: meetings per type, group and month; each member's months with
a presence, a leave or an unexcused absence at organizational life; talks per member;
rectification items. The judging itself is pure and lives in ``orglife_tui.compliance``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy import Connection, and_, case, exists, func, select

from orglife_tui.compliance.facts import (
    BranchFacts,
    FollowUpFact,
    MeetingCount,
    MemberFacts,
    MonthMarks,
    RectificationFact,
)
from orglife_tui.data.dues import dues_records
from orglife_tui.data.errors import NotFound
from orglife_tui.data.membership import away_at, in_branch_at, in_branch_during, in_branch_on
from orglife_tui.data.models import (
    attendance_t,
    branch_t,
    candidate_t,
    commitment_t,
    follow_up_t,
    group_t,
    meeting_t,
    member_t,
    mtype_t,
    rect_t,
    session_t,
    talk_t,
)
from orglife_tui.data.rows import MEMBERSHIP_COLUMNS
from orglife_tui.data.store import Store, live_meeting, records_start_of
from orglife_tui.domain import (
    COMMITTEE_POSTS,
    AttendanceStatus,
    CommitmentStatus,
    CommitteePost,
    MeetingType,
    RectificationStatus,
    SessionState,
)


def month_of(conn: Connection, column):
    """``YYYY-MM`` of a date column, on either database."""
    if conn.dialect.name == "postgresql":
        return func.to_char(column, "YYYY-MM")
    return func.strftime("%Y-%m", column)


_month_of = month_of


def branch_facts(
    store: Store,
    branch_id: int,
    first: date,
    last: date,
    organizational_life: Iterable[MeetingType],
    members: bool = True,
) -> BranchFacts:
    """What happened in the branch between ``first`` and ``last`` (inclusive).

    Attendance marks are gathered from ``first`` on; meeting counts and talks cover the
    whole window as well. ``last`` is the as-of date: nothing later counts. Voided meetings
    count nowhere; periods are judged from the branch's records start.

    Membership follows the dates: the members are those in the branch on some day of the
    window (with the dates they entered and left); a mark counts only if the member was in
    the branch on the meeting's date, and an absence while away (流动) is counted apart.
    The groups and the committee are those of the members in the branch on ``last``.
    """
    life = sorted(t.value for t in organizational_life)
    with store.read_connection() as conn:
        name = conn.scalar(select(branch_t.c.name).where(branch_t.c.id == branch_id))
        if name is None:
            raise NotFound("branch_not_found", name=str(branch_id), known="")
        in_window = and_(
            meeting_t.c.branch_id == branch_id,
            live_meeting(),
            meeting_t.c.date >= first,
            meeting_t.c.date <= last,
        )
        month = _month_of(conn, meeting_t.c.date)
        counts = [
            MeetingCount(MeetingType(r.type), r.group, r.month, int(r.n))
            for r in conn.execute(
                select(
                    mtype_t.c.type,
                    group_t.c.name.label("group"),
                    month.label("month"),
                    func.count().label("n"),
                )
                .select_from(
                    meeting_t.join(mtype_t, mtype_t.c.meeting_id == meeting_t.c.id).outerjoin(
                        group_t, group_t.c.id == meeting_t.c.group_id
                    )
                )
                .where(in_window)
                .group_by(mtype_t.c.type, group_t.c.name, month)
            )
        ]
        # Every period from the branch's records start is judged, meetings or none: a branch
        # that records nothing is not thereby compliant. (A database from before the records
        # start existed falls back on the first meeting.)
        record_start = records_start_of(conn, branch_id) or conn.scalar(
            select(func.min(meeting_t.c.date)).where(
                meeting_t.c.branch_id == branch_id, live_meeting()
            )
        )
        groups = list(
            conn.scalars(
                select(group_t.c.name)
                .where(
                    group_t.c.branch_id == branch_id,
                    exists().where(member_t.c.group_id == group_t.c.id, in_branch_on(last)),
                )
                .order_by(group_t.c.id)
            )
        )
        committee = int(
            conn.scalar(
                select(func.count())
                .select_from(member_t)
                .where(
                    member_t.c.branch_id == branch_id,
                    member_t.c.post.in_([p.value for p in COMMITTEE_POSTS]),
                    in_branch_on(last),
                )
            )
            or 0
        )
        appraisals = _appraisal_sessions(conn, branch_id, first, last)
        follow_ups = _follow_ups(conn, branch_id, last) if members else ()
        history = _rectification_history(conn, branch_id)
        # a branch without members (yet) has none of their facts, nor rectification items
        member_facts: list[MemberFacts] = []
        items: list[RectificationFact] = []
        if members:
            marks = _member_marks(conn, branch_id, in_window, life)
            talks = _talk_counts(conn, branch_id, first, last)
            dues = dues_records(conn, branch_id, last)
            life_present = _life_presence(conn, branch_id, in_window)
            lectures = _lectures_given(conn, branch_id, in_window)
            commitments = _commitments_made(conn, branch_id, first.year, last.year)
            member_facts = [
                MemberFacts(
                    member_no=r.member_no,
                    name=r.name,
                    group=r.group,
                    join_date=r.join_date,
                    months=marks.get(r.id, {}),
                    talks=talks.get(r.id, {}),
                    entered_on=r.entered_on,
                    left_on=r.left_on,
                    dues=dues.get(r.id),
                    leader=bool(r.leader),
                    post=CommitteePost(r.post) if r.post in _POSTS else None,
                    life_meetings=life_present.get(r.id, {}),
                    lectures=lectures.get(r.id, {}),
                    commitments=commitments.get(r.id, {}),
                )
                for r in conn.execute(
                    select(
                        member_t.c.id,
                        *MEMBERSHIP_COLUMNS,
                        group_t.c.name.label("group"),
                        member_t.c.leader,
                        member_t.c.post,
                    )
                    .select_from(member_t.outerjoin(group_t, group_t.c.id == member_t.c.group_id))
                    .where(member_t.c.branch_id == branch_id, in_branch_during(first, last))
                    .order_by(member_t.c.sort_key, member_t.c.member_no)
                )
            ]
            items = [
                RectificationFact(
                    id=r.id,
                    problem=r.problem,
                    owner=r.owner,
                    deadline=r.deadline,
                    status=r.status,
                    closed_on=r.closed_on,
                )
                for r in conn.execute(
                    select(
                        rect_t.c.id,
                        rect_t.c.problem,
                        rect_t.c.owner,
                        rect_t.c.deadline,
                        rect_t.c.status,
                        rect_t.c.closed_on,
                    )
                    .where(rect_t.c.branch_id == branch_id, rect_t.c.deadline <= last)
                    .order_by(rect_t.c.deadline, rect_t.c.id)
                )
            ]
    return BranchFacts(
        branch=name,
        first=first,
        last=last,
        record_start=record_start,
        groups=tuple(groups),
        committee_size=committee,
        meeting_counts=tuple(counts),
        members=tuple(member_facts),
        rectifications=tuple(items),
        appraisal_sessions=appraisals,
        follow_ups=follow_ups,
        rectification_history=history,
    )


def _follow_ups(conn: Connection, branch_id: int, last: date) -> tuple[FollowUpFact, ...]:
    """The appraisal's follow-ups due by ``last`` (the deadline, else a disposal's
    effective date), with the member as the session's roster shows them."""
    due = func.coalesce(follow_up_t.c.deadline, follow_up_t.c.effective_on)
    rows = conn.execute(
        select(
            follow_up_t.c.id,
            candidate_t.c.member_no,
            candidate_t.c.name,
            follow_up_t.c.measure,
            due.label("due"),
            follow_up_t.c.done_on,
        )
        .select_from(
            follow_up_t.join(
                candidate_t,
                (candidate_t.c.session_id == follow_up_t.c.session_id)
                & (candidate_t.c.member_id == follow_up_t.c.member_id),
            )
        )
        .where(follow_up_t.c.branch_id == branch_id, due.is_not(None), due <= last)
        .order_by(due, follow_up_t.c.id)
    )
    return tuple(FollowUpFact(r.id, r.member_no, r.name, r.measure, r.due, r.done_on) for r in rows)


_POSTS = frozenset(p.value for p in CommitteePost)


def _year_of(conn: Connection, column):
    """The year of a date column as text (``YYYY``), on either database."""
    if conn.dialect.name == "postgresql":
        return func.to_char(column, "YYYY")
    return func.strftime("%Y", column)


def _rectification_history(conn: Connection, branch_id: int) -> tuple[RectificationFact, ...]:
    """Every rectification item of the branch (a handful a year), oldest first."""
    return tuple(
        RectificationFact(
            id=r.id,
            problem=r.problem,
            owner=r.owner,
            deadline=r.deadline,
            status=r.status,
            closed_on=r.closed_on if r.status == RectificationStatus.done.value else None,
            year=r.year,
        )
        for r in conn.execute(
            select(
                rect_t.c.id,
                rect_t.c.problem,
                rect_t.c.owner,
                rect_t.c.deadline,
                rect_t.c.status,
                rect_t.c.closed_on,
                rect_t.c.year,
            )
            .where(rect_t.c.branch_id == branch_id)
            .order_by(rect_t.c.year, rect_t.c.id)
        )
    )


def _life_presence(conn: Connection, branch_id: int, in_window) -> dict[int, dict[int, int]]:
    """member id → year → life meetings (组织生活会) the member was present at."""
    year = _year_of(conn, meeting_t.c.date)
    rows = conn.execute(
        select(attendance_t.c.member_id, year.label("year"), func.count().label("n"))
        .select_from(attendance_t.join(meeting_t, meeting_t.c.id == attendance_t.c.meeting_id))
        .where(
            in_window,
            attendance_t.c.status == AttendanceStatus.present.value,
            exists().where(
                mtype_t.c.meeting_id == meeting_t.c.id,
                mtype_t.c.type == MeetingType.life_meeting.value,
            ),
        )
        .group_by(attendance_t.c.member_id, year)
    )
    out: dict[int, dict[int, int]] = {}
    for r in rows:
        out.setdefault(r.member_id, {})[int(r.year)] = int(r.n)
    return out


def _commitments_made(
    conn: Connection, branch_id: int, first_year: int, last_year: int
) -> dict[int, dict[int, tuple[int, int]]]:
    """member id → year → (commitments made, of them still planned or in progress)."""
    unevaluated = case(
        (
            commitment_t.c.status.in_(
                [CommitmentStatus.planned.value, CommitmentStatus.in_progress.value]
            ),
            1,
        ),
        else_=0,
    )
    rows = conn.execute(
        select(
            commitment_t.c.member_id,
            commitment_t.c.year,
            func.count().label("made"),
            func.sum(unevaluated).label("open"),
        )
        .where(
            commitment_t.c.branch_id == branch_id,
            commitment_t.c.year.between(first_year, last_year),
        )
        .group_by(commitment_t.c.member_id, commitment_t.c.year)
    )
    out: dict[int, dict[int, tuple[int, int]]] = {}
    for r in rows:
        out.setdefault(r.member_id, {})[int(r.year)] = (int(r.made), int(r.open or 0))
    return out


def _lectures_given(conn: Connection, branch_id: int, in_window) -> dict[int, dict[int, int]]:
    """member id → year → Party lectures the member gave (the lecturer from the roster)."""
    year = _year_of(conn, meeting_t.c.date)
    rows = conn.execute(
        select(meeting_t.c.lecturer_id, year.label("year"), func.count().label("n"))
        .where(
            in_window,
            meeting_t.c.lecturer_id.is_not(None),
            exists().where(
                mtype_t.c.meeting_id == meeting_t.c.id,
                mtype_t.c.type == MeetingType.party_lecture.value,
            ),
        )
        .group_by(meeting_t.c.lecturer_id, year)
    )
    out: dict[int, dict[int, int]] = {}
    for r in rows:
        out.setdefault(r.lecturer_id, {})[int(r.year)] = int(r.n)
    return out


def _appraisal_sessions(
    conn: Connection, branch_id: int, first: date, last: date
) -> dict[int, int]:
    """Appraisal sessions finished or published, counted per year appraised (the window's
    years); a session counts for its year whenever it was closed (often early the next)."""
    rows = conn.execute(
        select(session_t.c.year, func.count())
        .where(
            session_t.c.branch_id == branch_id,
            session_t.c.year.between(first.year, last.year),
            session_t.c.state.in_([SessionState.finished.value, SessionState.published.value]),
        )
        .group_by(session_t.c.year)
    )
    return {int(year): int(n) for year, n in rows}


def _member_marks(
    conn: Connection, branch_id: int, in_window, life: list[str]
) -> dict[int, dict[str, MonthMarks]]:
    """member id → month → which marks the member got at organizational life that month.

    Only marks at meetings held while the member was in the branch count; an absence at a
    meeting held while the member was away (流动) is counted as ``away``, not ``absent``.
    """
    month = _month_of(conn, meeting_t.c.date)
    status = attendance_t.c.status
    away = case(
        (and_(status == AttendanceStatus.absent.value, away_at(meeting_t.c.date)), 1), else_=0
    ).label("away")
    is_life = exists().where(mtype_t.c.meeting_id == meeting_t.c.id, mtype_t.c.type.in_(life))
    rows = conn.execute(
        select(
            attendance_t.c.member_id,
            month.label("month"),
            status,
            away,
            func.count().label("n"),
        )
        .select_from(
            attendance_t.join(meeting_t, meeting_t.c.id == attendance_t.c.meeting_id).join(
                member_t, member_t.c.id == attendance_t.c.member_id
            )
        )
        .where(in_window, is_life, in_branch_at(meeting_t.c.date))
        .group_by(attendance_t.c.member_id, month, status, away)
    )
    out: dict[int, dict[str, MonthMarks]] = {}
    for r in rows:
        months = out.setdefault(r.member_id, {})
        prev = months.get(r.month, MonthMarks())
        n = int(r.n)
        if r.away:
            prev = replace(prev, away=prev.away + n)
        elif r.status == AttendanceStatus.present.value:
            prev = replace(prev, present=prev.present + n)
        elif r.status == AttendanceStatus.leave.value:
            prev = replace(prev, leave=prev.leave + n)
        elif r.status == AttendanceStatus.absent.value:
            prev = replace(prev, absent=prev.absent + n)
        months[r.month] = prev
    return out


def _talk_counts(
    conn: Connection, branch_id: int, first: date, last: date
) -> dict[int, dict[int, int]]:
    """member id → year → talks with the member in that year (up to ``last``)."""
    if conn.dialect.name == "postgresql":
        year = func.to_char(talk_t.c.date, "YYYY")
    else:
        year = func.strftime("%Y", talk_t.c.date)
    out: dict[int, dict[int, int]] = {}
    for r in conn.execute(
        select(talk_t.c.member_id, year.label("year"), func.count().label("n"))
        .where(talk_t.c.branch_id == branch_id, talk_t.c.date >= first, talk_t.c.date <= last)
        .group_by(talk_t.c.member_id, year)
    ):
        out.setdefault(r.member_id, {})[int(r.year)] = int(r.n)
    return out


def join_dates(store: Store, branch_id: int, on: date | None = None) -> list[tuple[str, str, date]]:
    """``(member_no, name, join_date)`` of every member with a known join date (of those in
    the branch on ``on``, when given)."""
    cond = [member_t.c.branch_id == branch_id, member_t.c.join_date.is_not(None)]
    if on is not None:
        cond.append(in_branch_on(on))
    with store.read_connection() as conn:
        return [
            (r.member_no, r.name, r.join_date)
            for r in conn.execute(
                select(member_t.c.member_no, member_t.c.name, member_t.c.join_date)
                .where(*cond)
                .order_by(member_t.c.sort_key, member_t.c.member_no)
            )
        ]
