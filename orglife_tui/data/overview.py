"""What the party committee's overview counts, for every branch at once (issue 13 §4).

A handful of ``GROUP BY branch_id`` queries, never a query per branch: the overview of
500 branches costs about what one branch's compliance check costs. Nothing here filters
by account: on PostgreSQL row-level security leaves a role only the branches it may see,
so a plain SELECT reads "every branch this login can see" (``branch_ids`` narrows it
further, for a drill-down or a test). Confidential talk text is never read: talks are
counted.

The facts here are those the compliance watch judges (``data.compliance``), gathered for
many branches: a branch's ``BranchFacts`` (without its members) give the same calendar
as ``services.watch.calendar``, and the overdue counts are those of the watch's
``rectification_overdue`` and ``follow_up_overdue`` findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, and_, exists, func, or_, select

from orglife_tui.compliance.dues import DuesRecord
from orglife_tui.compliance.facts import BranchFacts, MeetingCount
from orglife_tui.data.compliance import month_of
from orglife_tui.data.dues import dues_records_of
from orglife_tui.data.membership import in_branch_on
from orglife_tui.data.models import (
    branch_t,
    correction_t,
    decision_t,
    follow_up_t,
    group_t,
    meeting_t,
    member_t,
    mtype_t,
    rect_t,
    session_t,
    talk_t,
)
from orglife_tui.data.rows import live_meeting
from orglife_tui.data.store import Store
from orglife_tui.domain import COMMITTEE_POSTS, MeetingType, SessionState
from orglife_tui.scoring.model import Grade


@dataclass(frozen=True)
class BranchCounts:
    """One branch's figures for the overview's year, as of its as-of day."""

    branch_id: int
    name: str
    members: int  # in the branch on the as-of day
    talked: int  # of them, with at least one talk in the year up to the as-of day
    appraisal: SessionState | None  # the year's newest appraisal session; None: none yet
    # the final grades of that session once published (corrections applied); else empty
    grades: dict[Grade, int] = field(default_factory=dict)
    overdue_rectifications: int = 0
    overdue_follow_ups: int = 0

    @property
    def published(self) -> bool:
        return self.appraisal is SessionState.published


def _where_branch(column, branch_ids: Sequence[int] | None):
    """The branches named, or every branch the connection may see."""
    return column.in_(branch_ids) if branch_ids is not None else column.is_not(None)


def _by_branch(rows) -> dict[int, int]:
    return {int(r[0]): int(r[1] or 0) for r in rows}


def branch_counts(
    store: Store, year: int, as_of: date, branch_ids: Sequence[int] | None = None
) -> list[BranchCounts]:
    """Every visible branch's figures, by name."""
    with store.read_connection() as conn:
        names = list(
            conn.execute(
                select(branch_t.c.id, branch_t.c.name)
                .where(_where_branch(branch_t.c.id, branch_ids))
                .order_by(branch_t.c.name, branch_t.c.id)
            )
        )
        members, talked = _talk_coverage(conn, year, as_of, branch_ids)
        sessions = _newest_sessions(conn, year, branch_ids)
        grades = _grades(conn, [s for s, state in sessions.values() if state.published])
        rectifications = _overdue_rectifications(conn, year, as_of, branch_ids)
        follow_ups = _overdue_follow_ups(conn, year, as_of, branch_ids)
    out = []
    for branch_id, name in names:
        session = sessions.get(branch_id)
        out.append(
            BranchCounts(
                branch_id=branch_id,
                name=name,
                members=members.get(branch_id, 0),
                talked=talked.get(branch_id, 0),
                appraisal=session[1] if session else None,
                grades=grades.get(session[0], {}) if session else {},
                overdue_rectifications=rectifications.get(branch_id, 0),
                overdue_follow_ups=follow_ups.get(branch_id, 0),
            )
        )
    return out


def _talk_coverage(
    conn: Connection, year: int, as_of: date, branch_ids: Sequence[int] | None
) -> tuple[dict[int, int], dict[int, int]]:
    """branch id → members in the branch on ``as_of``; and → of them talked with in the
    year (by ``as_of``). Only the talk's date and member are read, never its text."""
    talked = exists().where(
        talk_t.c.member_id == member_t.c.id,
        talk_t.c.date >= date(year, 1, 1),
        talk_t.c.date <= as_of,
    )
    members: dict[int, int] = {}
    covered: dict[int, int] = {}
    for r in conn.execute(
        select(
            member_t.c.branch_id,
            func.count(),
            func.count().filter(talked),
        )
        .where(_where_branch(member_t.c.branch_id, branch_ids), in_branch_on(as_of))
        .group_by(member_t.c.branch_id)
    ):
        members[r[0]] = int(r[1])
        covered[r[0]] = int(r[2])
    return members, covered


def _newest_sessions(
    conn: Connection, year: int, branch_ids: Sequence[int] | None
) -> dict[int, tuple[int, SessionState]]:
    """branch id → (id, state) of the newest appraisal session of ``year``."""
    newest = (
        select(func.max(session_t.c.id))
        .where(session_t.c.year == year, _where_branch(session_t.c.branch_id, branch_ids))
        .group_by(session_t.c.branch_id)
    )
    return {
        r.branch_id: (r.id, SessionState(r.state))
        for r in conn.execute(
            select(session_t.c.id, session_t.c.branch_id, session_t.c.state).where(
                session_t.c.id.in_(newest.scalar_subquery())
            )
        )
    }


def _grades(conn: Connection, session_ids: list[int]) -> dict[int, dict[Grade, int]]:
    """session id → final grade → members, a grade as it stands (the committee's, or the
    newest correction of it after an objection: ``notice.final_grades``)."""
    if not session_ids:
        return {}
    newest = (
        select(
            correction_t.c.session_id,
            correction_t.c.member_id,
            func.max(correction_t.c.id).label("cid"),
        )
        .where(correction_t.c.session_id.in_(session_ids))
        .group_by(correction_t.c.session_id, correction_t.c.member_id)
        .subquery()
    )
    grade = func.coalesce(correction_t.c.final, decision_t.c.final)
    rows = conn.execute(
        select(decision_t.c.session_id, grade.label("grade"), func.count().label("n"))
        .select_from(
            decision_t.outerjoin(
                newest,
                and_(
                    newest.c.session_id == decision_t.c.session_id,
                    newest.c.member_id == decision_t.c.member_id,
                ),
            ).outerjoin(correction_t, correction_t.c.id == newest.c.cid)
        )
        .where(decision_t.c.session_id.in_(session_ids))
        .group_by(decision_t.c.session_id, grade)
    )
    out: dict[int, dict[Grade, int]] = {}
    for r in rows:
        out.setdefault(r.session_id, {})[Grade(r.grade)] = int(r.n)
    return out


def _overdue(deadline, closed_on, as_of: date):
    """SQL of ``compliance.rules.is_overdue``: past its day by ``as_of``, not closed by it."""
    return and_(deadline < as_of, or_(closed_on.is_(None), closed_on > as_of))


def _overdue_rectifications(
    conn: Connection, year: int, as_of: date, branch_ids: Sequence[int] | None
) -> dict[int, int]:
    """branch id → rectification items overdue on ``as_of`` whose deadline falls in
    ``year`` or before (the watch's ``rectification_overdue`` findings)."""
    return _by_branch(
        conn.execute(
            select(rect_t.c.branch_id, func.count())
            .where(
                _where_branch(rect_t.c.branch_id, branch_ids),
                rect_t.c.deadline < date(year + 1, 1, 1),
                _overdue(rect_t.c.deadline, rect_t.c.closed_on, as_of),
            )
            .group_by(rect_t.c.branch_id)
        )
    )


def _overdue_follow_ups(
    conn: Connection, year: int, as_of: date, branch_ids: Sequence[int] | None
) -> dict[int, int]:
    """branch id → the appraisal's follow-ups overdue on ``as_of`` due in ``year`` or
    before (the watch's ``follow_up_overdue`` findings)."""
    due = func.coalesce(follow_up_t.c.deadline, follow_up_t.c.effective_on)
    return _by_branch(
        conn.execute(
            select(follow_up_t.c.branch_id, func.count())
            .where(
                _where_branch(follow_up_t.c.branch_id, branch_ids),
                due < date(year + 1, 1, 1),
                _overdue(due, follow_up_t.c.done_on, as_of),
            )
            .group_by(follow_up_t.c.branch_id)
        )
    )


def meeting_facts(
    store: Store, year: int, as_of: date, branch_ids: Sequence[int] | None = None
) -> dict[int, BranchFacts]:
    """branch id → the facts its meeting calendar of ``year`` is judged on (``BranchFacts``
    without members, as ``data.compliance.branch_facts(..., members=False)`` gives them
    for one branch): meetings per type, group and month, the groups with members and the
    committee's size on ``as_of``, the records start and the appraisal sessions held."""
    first = date(year, 1, 1)
    with store.read_connection() as conn:
        branches = list(
            conn.execute(
                select(branch_t.c.id, branch_t.c.name, branch_t.c.records_start).where(
                    _where_branch(branch_t.c.id, branch_ids)
                )
            )
        )
        in_window = and_(
            _where_branch(meeting_t.c.branch_id, branch_ids),
            live_meeting(),
            meeting_t.c.date >= first,
            meeting_t.c.date <= as_of,
        )
        month = month_of(conn, meeting_t.c.date)
        counts: dict[int, list[MeetingCount]] = {}
        types = {t.value: t for t in MeetingType}
        for branch_id, mtype, group, month_key, n in conn.execute(
            select(
                meeting_t.c.branch_id,
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
            .group_by(meeting_t.c.branch_id, mtype_t.c.type, group_t.c.name, month)
        ):
            counts.setdefault(branch_id, []).append(
                MeetingCount(types[mtype], group, month_key, int(n))
            )
        # a database from before the records start existed falls back on the first meeting
        # (only of the branches without one: one query, whatever their number)
        undated = select(branch_t.c.id).where(
            _where_branch(branch_t.c.id, branch_ids), branch_t.c.records_start.is_(None)
        )
        first_meetings = _by_date(
            conn.execute(
                select(meeting_t.c.branch_id, func.min(meeting_t.c.date))
                .where(meeting_t.c.branch_id.in_(undated), live_meeting())
                .group_by(meeting_t.c.branch_id)
            )
        )
        groups: dict[int, list[str]] = {}
        for r in conn.execute(
            select(group_t.c.branch_id, group_t.c.name)
            .where(
                _where_branch(group_t.c.branch_id, branch_ids),
                exists().where(member_t.c.group_id == group_t.c.id, in_branch_on(as_of)),
            )
            .order_by(group_t.c.id)
        ):
            groups.setdefault(r.branch_id, []).append(r.name)
        committee = _by_branch(
            conn.execute(
                select(member_t.c.branch_id, func.count())
                .where(
                    _where_branch(member_t.c.branch_id, branch_ids),
                    member_t.c.post.in_([p.value for p in COMMITTEE_POSTS]),
                    in_branch_on(as_of),
                )
                .group_by(member_t.c.branch_id)
            )
        )
        appraisals = _by_branch(
            conn.execute(
                select(session_t.c.branch_id, func.count())
                .where(
                    _where_branch(session_t.c.branch_id, branch_ids),
                    session_t.c.year == year,
                    session_t.c.state.in_(
                        [SessionState.finished.value, SessionState.published.value]
                    ),
                )
                .group_by(session_t.c.branch_id)
            )
        )
    return {
        b.id: BranchFacts(
            branch=b.name,
            first=first,
            last=as_of,
            record_start=b.records_start or first_meetings.get(b.id),
            groups=tuple(groups.get(b.id, ())),
            committee_size=committee.get(b.id, 0),
            meeting_counts=tuple(counts.get(b.id, ())),
            appraisal_sessions={year: appraisals[b.id]} if b.id in appraisals else {},
        )
        for b in branches
    }


def _by_date(rows) -> dict[int, date]:
    return {int(r[0]): r[1] for r in rows if r[1] is not None}


def dues_in_branch(
    store: Store, as_of: date, branch_ids: Sequence[int] | None = None
) -> dict[int, list[DuesRecord]]:
    """branch id → the dues records of its members in the branch on ``as_of`` who may have
    dues in arrears that day (``dues_records_of(..., owing_only=True)``: records for the
    arrears of that day only; a member paid up is not listed)."""
    with store.read_connection() as conn:
        records = dues_records_of(conn, branch_ids, as_of, owing_only=True)
    return {
        branch_id: [
            r
            for r in by_member.values()
            if (r.entered_on is None or r.entered_on <= as_of)
            and (r.left_on is None or r.left_on > as_of)
        ]
        for branch_id, by_member in records.items()
    }


__all__ = ["BranchCounts", "branch_counts", "dues_in_branch", "meeting_facts"]
