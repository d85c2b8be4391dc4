"""The organizational life meeting (组织生活会), participant by participant: the 对照检查
(problems found in oneself), the criticism received and the criticism given, and the
rectification items (整改清单) that put a participant's problems right.

The participants are the members marked at the meeting (any mark) and whoever has a record
or a rectification item there. A record is kept per (meeting, member) and may be
corrected: every change is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from orglife_tui.data.errors import Conflict, NotFound, refuse_unsafe_text
from orglife_tui.data.models import (
    attendance_t,
    life_record_t,
    meeting_t,
    member_t,
    mtype_t,
    rect_t,
)
from orglife_tui.data.store import Store
from orglife_tui.domain import (
    AttendanceStatus,
    MeetingForm,
    MeetingType,
    RectificationStatus,
    stripped_or_none,
)

TEXTS = ("self_check", "criticism_received", "criticism_given")


@dataclass(frozen=True)
class LifeRecordInput:
    member_no: str
    self_check: str | None = None  # 对照检查: problems found in oneself
    criticism_received: str | None = None
    criticism_given: str | None = None


@dataclass(frozen=True)
class LinkedItem:
    id: int
    problem: str
    status: RectificationStatus
    deadline: date


@dataclass(frozen=True)
class LifeRecordRow:
    member_id: int
    member_no: str
    name: str
    attendance: AttendanceStatus | None  # the mark at the meeting; None: not marked
    self_check: str | None
    criticism_received: str | None
    criticism_given: str | None
    items: tuple[LinkedItem, ...] = ()

    def as_input(self) -> LifeRecordInput:
        return LifeRecordInput(
            self.member_no, self.self_check, self.criticism_received, self.criticism_given
        )


def _life_meeting(conn: Connection, branch_id: int, meeting_id: int):
    """The live life meeting ``meeting_id`` of the branch: NotFound, or Conflict when it is
    voided or does not count as a life meeting."""
    row = conn.execute(
        select(
            meeting_t.c.id, meeting_t.c.meeting_no, meeting_t.c.date, meeting_t.c.voided_at
        ).where(meeting_t.c.id == meeting_id, meeting_t.c.branch_id == branch_id)
    ).first()
    if row is None:
        raise NotFound("meeting_not_found", meeting_no=str(meeting_id))
    if row.voided_at is not None:
        raise Conflict("life.meeting_voided", meeting_no=row.meeting_no)
    is_life = conn.scalar(
        select(mtype_t.c.meeting_id).where(
            mtype_t.c.meeting_id == meeting_id, mtype_t.c.type == MeetingType.life_meeting.value
        )
    )
    if is_life is None:
        raise Conflict("life.not_a_life_meeting", meeting_no=row.meeting_no)
    return row


def _member(conn: Connection, branch_id: int, member_no: str):
    number = (member_no or "").strip()
    row = conn.execute(
        select(member_t.c.id, member_t.c.member_no, member_t.c.name).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == number
        )
    ).first()
    if row is None:
        raise NotFound("member_not_found", member_no=number)
    return row


def life_records(store: Store, branch_id: int, meeting_id: int) -> list[LifeRecordRow]:
    """The meeting's participants with their records and linked items, in roster order."""
    with store.read_connection() as conn:
        _life_meeting(conn, branch_id, meeting_id)
        marked = select(attendance_t.c.member_id).where(attendance_t.c.meeting_id == meeting_id)
        recorded = select(life_record_t.c.member_id).where(life_record_t.c.meeting_id == meeting_id)
        rows = conn.execute(
            select(
                member_t.c.id,
                member_t.c.member_no,
                member_t.c.name,
                attendance_t.c.status,
                *(life_record_t.c[k] for k in TEXTS),
            )
            .select_from(
                member_t.outerjoin(
                    attendance_t,
                    and_(
                        attendance_t.c.member_id == member_t.c.id,
                        attendance_t.c.meeting_id == meeting_id,
                    ),
                ).outerjoin(
                    life_record_t,
                    and_(
                        life_record_t.c.member_id == member_t.c.id,
                        life_record_t.c.meeting_id == meeting_id,
                    ),
                )
            )
            .where(
                member_t.c.branch_id == branch_id,
                or_(
                    member_t.c.id.in_(marked),
                    member_t.c.id.in_(recorded),
                    member_t.c.id.in_(
                        select(rect_t.c.member_id).where(rect_t.c.meeting_id == meeting_id)
                    ),
                ),
            )
            .order_by(member_t.c.sort_key, member_t.c.member_no)
        ).all()
        items: dict[int, list[LinkedItem]] = {}
        for r in conn.execute(
            select(
                rect_t.c.id,
                rect_t.c.member_id,
                rect_t.c.problem,
                rect_t.c.status,
                rect_t.c.deadline,
            )
            .where(rect_t.c.meeting_id == meeting_id, rect_t.c.member_id.is_not(None))
            .order_by(rect_t.c.id)
        ):
            items.setdefault(r.member_id, []).append(
                LinkedItem(r.id, r.problem, RectificationStatus(r.status), r.deadline)
            )
    return [
        LifeRecordRow(
            member_id=r.id,
            member_no=r.member_no,
            name=r.name,
            attendance=AttendanceStatus(r.status) if r.status else None,
            self_check=r.self_check,
            criticism_received=r.criticism_received,
            criticism_given=r.criticism_given,
            items=tuple(items.get(r.id, ())),
        )
        for r in rows
    ]


def set_life_record(
    store: Store, branch_id: int, meeting_id: int, record: LifeRecordInput
) -> LifeRecordRow:
    """Write (or correct) one participant's record at a life meeting; audited with what
    changed. Refused for a meeting that is no live life meeting, an unknown member, and
    text carrying control characters."""
    values = {k: stripped_or_none(getattr(record, k)) for k in TEXTS}
    for key, value in values.items():
        refuse_unsafe_text(f"field.{key}", value, multiline=True)
    with store.write_transaction() as conn:
        meeting = _life_meeting(conn, branch_id, meeting_id)
        member = _member(conn, branch_id, record.member_no)
        old = (
            conn.execute(
                select(life_record_t).where(
                    life_record_t.c.meeting_id == meeting_id,
                    life_record_t.c.member_id == member.id,
                )
            )
            .mappings()
            .first()
        )
        stamp = {"operator": store.operator, "updated_at": datetime.now(timezone.utc)}
        if old is None:
            if any(values.values()):
                conn.execute(
                    insert(life_record_t).values(
                        meeting_id=meeting_id, member_id=member.id, **values, **stamp
                    )
                )
                store.audit(
                    conn,
                    branch_id,
                    "life.record",
                    meeting_no=meeting.meeting_no,
                    member_no=member.member_no,
                    changes={k: {"old": None, "new": v} for k, v in values.items() if v},
                )
        else:
            changes = {k: {"old": old[k], "new": v} for k, v in values.items() if old[k] != v}
            if changes:
                conn.execute(
                    update(life_record_t)
                    .where(
                        life_record_t.c.meeting_id == meeting_id,
                        life_record_t.c.member_id == member.id,
                    )
                    .values(**values, **stamp)
                )
                store.audit(
                    conn,
                    branch_id,
                    "life.record",
                    meeting_no=meeting.meeting_no,
                    member_no=member.member_no,
                    changes=changes,
                )
    return next(
        r for r in life_records(store, branch_id, meeting_id) if r.member_no == member.member_no
    )


def add_problem(
    store: Store,
    branch_id: int,
    meeting_id: int,
    member_no: str,
    problem: str,
    deadline: date,
    measure: str | None = None,
) -> int:
    """A participant's problem put on the rectification list (整改清单): an item of the
    meeting's year, owned by the participant, linked to the meeting and to him or her.
    Returns the item's id."""
    from orglife_tui.data.rectification import RectificationInput, add_item

    with store.read_connection() as conn:
        meeting = _life_meeting(conn, branch_id, meeting_id)
        member = _member(conn, branch_id, member_no)
    item = add_item(
        store,
        branch_id,
        RectificationInput(
            meeting.date.year, problem, member.name, deadline, measure, meeting.meeting_no
        ),
    )
    link_item(store, branch_id, item.id, meeting_id, member.member_no)
    return item.id


def link_item(
    store: Store, branch_id: int, item_id: int, meeting_id: int, member_no: str | None
) -> None:
    """Link a rectification item to a participant of a life meeting (``member_no`` None:
    to the meeting only). Audited."""
    with store.write_transaction() as conn:
        meeting = _life_meeting(conn, branch_id, meeting_id)
        member = _member(conn, branch_id, member_no) if member_no else None
        found = conn.scalar(
            select(rect_t.c.id).where(rect_t.c.id == item_id, rect_t.c.branch_id == branch_id)
        )
        if found is None:
            raise NotFound("rectification.not_found", id=item_id)
        conn.execute(
            update(rect_t)
            .where(rect_t.c.id == item_id)
            .values(meeting_id=meeting_id, member_id=member.id if member else None)
        )
        store.audit(
            conn,
            branch_id,
            "life.link",
            id=item_id,
            meeting_no=meeting.meeting_no,
            member_no=member.member_no if member else None,
        )


def latest_life_meeting(store: Store, branch_id: int, on: date) -> int | None:
    """The id of the branch's latest live life meeting on or before ``on``."""
    with store.read_connection() as conn:
        return conn.scalar(
            select(meeting_t.c.id)
            .where(
                meeting_t.c.branch_id == branch_id,
                meeting_t.c.voided_at.is_(None),
                meeting_t.c.date <= on,
                meeting_t.c.id.in_(
                    select(mtype_t.c.meeting_id).where(
                        mtype_t.c.type == MeetingType.life_meeting.value
                    )
                ),
            )
            .order_by(meeting_t.c.date.desc(), meeting_t.c.id.desc())
            .limit(1)
        )


@dataclass(frozen=True)
class LifeYear:
    """A year of the life meeting and the people in it, counted for the year-end report."""

    by_form: dict[MeetingForm | None, int]  # the year's live meetings by form (None: not said)
    life_meetings: int
    self_checks: int  # participants' records with a 对照检查
    linked_items: int  # rectification items linked to a participant
    roster_lectures: int  # Party lectures given by a lecturer from the roster


def year_summary(store: Store, branch_id: int, first: date, last: date) -> LifeYear:
    """``LifeYear`` of the meetings dated from ``first`` to ``last``, counted in SQL."""
    live = and_(
        meeting_t.c.branch_id == branch_id,
        meeting_t.c.voided_at.is_(None),
        meeting_t.c.date >= first,
        meeting_t.c.date <= last,
    )

    def of_type(kind: MeetingType):
        return meeting_t.c.id.in_(select(mtype_t.c.meeting_id).where(mtype_t.c.type == kind.value))

    with store.read_connection() as conn:
        by_form: dict[MeetingForm | None, int] = {}
        for form, n in conn.execute(
            select(meeting_t.c.form, func.count()).where(live).group_by(meeting_t.c.form)
        ):
            by_form[MeetingForm(form) if form else None] = int(n)
        life = select(meeting_t.c.id).where(live, of_type(MeetingType.life_meeting))

        def count(stmt) -> int:
            return int(conn.scalar(select(func.count()).select_from(stmt.subquery())) or 0)

        return LifeYear(
            by_form={f: by_form[f] for f in (*MeetingForm, None) if f in by_form},
            life_meetings=count(life),
            self_checks=count(
                select(life_record_t.c.member_id).where(
                    life_record_t.c.meeting_id.in_(life), life_record_t.c.self_check.is_not(None)
                )
            ),
            linked_items=count(
                select(rect_t.c.id).where(
                    rect_t.c.meeting_id.in_(life), rect_t.c.member_id.is_not(None)
                )
            ),
            roster_lectures=count(
                select(meeting_t.c.id).where(
                    live, of_type(MeetingType.party_lecture), meeting_t.c.lecturer_id.is_not(None)
                )
            ),
        )


__all__ = [
    "LifeYear",
    "LifeRecordInput",
    "LifeRecordRow",
    "LinkedItem",
    "add_problem",
    "latest_life_meeting",
    "life_records",
    "link_item",
    "set_life_record",
    "year_summary",
]
