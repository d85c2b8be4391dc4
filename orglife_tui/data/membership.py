"""Membership as a history (DESIGN.md §5): who is in the branch, and in what standing, on a
given date.

``member_event`` holds the dated events; the member row keeps ``entered_on``, ``left_on``
and ``left_kind`` derived from them, so that every rule, sheet, ballot, score and report can
ask "in the branch on D" with one SQL condition instead of replaying events. The clauses
below are the one place that condition is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, and_, case, exists, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.models import MemberEvent
from orglife_tui.data.store import Store, member_t
from orglife_tui.domain import DEPARTURES, MemberEventKind, MemberStatus

event_t = MemberEvent.__table__


def in_branch_on(on: date) -> ColumnElement[bool]:
    """The member belongs to the branch on ``on`` (entered by then, not yet left)."""
    return and_(
        or_(member_t.c.entered_on.is_(None), member_t.c.entered_on <= on),
        or_(member_t.c.left_on.is_(None), member_t.c.left_on > on),
    )


def in_branch_during(first: date, last: date) -> ColumnElement[bool]:
    """The member belongs to the branch on at least one day of ``first``..``last``."""
    return and_(
        or_(member_t.c.entered_on.is_(None), member_t.c.entered_on <= last),
        or_(member_t.c.left_on.is_(None), member_t.c.left_on > first),
    )


def status_on(on: date) -> ColumnElement[str]:
    """The member's status on ``on``: a member with a conversion date was probationary
    before it and full from it; without one, the status recorded on the member."""
    return case(
        (member_t.c.full_date.is_(None), member_t.c.status),
        (member_t.c.full_date <= on, MemberStatus.full.value),
        else_=MemberStatus.probationary.value,
    )


def away_on(on: date) -> ColumnElement[bool]:
    """The member is away (流动党员, organizational life elsewhere) on ``on``."""
    return exists().where(
        event_t.c.member_id == member_t.c.id,
        event_t.c.kind == MemberEventKind.away.value,
        event_t.c.voided_at.is_(None),
        event_t.c.date <= on,
        or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
    )


@dataclass(frozen=True)
class MemberEventRow:
    id: int
    member_no: str
    name: str
    kind: MemberEventKind
    date: date
    end_date: date | None
    place: str | None
    reason: str | None
    note: str | None
    voided: bool
    operator: str


def _member(conn: Connection, branch_id: int, member_no: str):
    row = conn.execute(
        select(member_t).where(member_t.c.branch_id == branch_id, member_t.c.member_no == member_no)
    ).first()
    if row is None:
        raise NotFound("member_not_found", member_no=member_no)
    return row


def _check_event(
    conn: Connection,
    member,
    kind: MemberEventKind,
    on: date,
    end: date | None,
    today: date,
) -> None:
    """Refuse an event that cannot have happened (each refusal names its catalog key)."""
    if on > today:
        raise StoreError("event_in_future", date=on.isoformat())
    if end is not None and end < on:
        raise StoreError("event_end_before_start", date=on.isoformat(), end=end.isoformat())
    if kind is not MemberEventKind.away and end is not None:
        raise StoreError("event_end_only_away")
    if member.left_on is not None:
        raise StoreError(
            "member_already_left", member_no=member.member_no, date=member.left_on.isoformat()
        )
    if kind is MemberEventKind.transfer_in:
        return
    if member.entered_on is not None and on < member.entered_on:
        raise StoreError(
            "event_before_entered", member_no=member.member_no, date=member.entered_on.isoformat()
        )
    if member.join_date is not None and on < member.join_date:
        raise StoreError(
            "event_before_joined", member_no=member.member_no, date=member.join_date.isoformat()
        )
    probation = (MemberEventKind.conversion, MemberEventKind.probation_extended)
    if kind in probation and member.status != MemberStatus.probationary.value:
        raise StoreError("member_not_probationary", member_no=member.member_no)
    if kind is MemberEventKind.away:
        last = end or date.max
        overlap = conn.scalar(
            select(event_t.c.id).where(
                event_t.c.member_id == member.id,
                event_t.c.kind == MemberEventKind.away.value,
                event_t.c.voided_at.is_(None),
                event_t.c.date <= last,
                or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
            )
        )
        if overlap is not None:
            raise StoreError("away_overlaps", member_no=member.member_no)


def record_event(
    store: Store,
    branch_id: int,
    member_no: str,
    kind: MemberEventKind,
    on: date,
    *,
    end: date | None = None,
    place: str | None = None,
    reason: str | None = None,
    note: str | None = None,
) -> MemberEventRow:
    """Record a dated event in a member's history, keep the member row's derived columns
    (entered_on, left_on/left_kind, status/full_date on conversion) and audit it, in one
    transaction. Nothing is deleted: a departed member stays, with ``left_on``."""
    with store.write_transaction() as conn:
        member = _member(conn, branch_id, member_no)
        _check_event(conn, member, kind, on, end, store.today())
        now = datetime.now(timezone.utc)
        event_id = conn.execute(
            insert(event_t).values(
                branch_id=branch_id,
                member_id=member.id,
                kind=kind.value,
                date=on,
                end_date=end,
                place=(place or "").strip() or None,
                reason=(reason or "").strip() or None,
                note=(note or "").strip() or None,
                operator=store.operator,
                created_at=now,
            )
        ).inserted_primary_key[0]
        values: dict[str, object] = {}
        if kind in DEPARTURES:
            values = {"left_on": on, "left_kind": kind.value}
        elif kind is MemberEventKind.transfer_in:
            values = {"entered_on": on}
        elif kind is MemberEventKind.conversion:
            values = {"status": MemberStatus.full.value, "full_date": on}
        if values:
            conn.execute(update(member_t).where(member_t.c.id == member.id).values(**values))
        store.audit(
            conn,
            branch_id,
            f"member.{kind.value}",
            member_no=member_no,
            date=on.isoformat(),
            end=end.isoformat() if end else None,
            place=place,
            reason=reason,
        )
    return next(e for e in member_events(store, branch_id, member_no) if e.id == event_id)


def member_events(
    store: Store, branch_id: int, member_no: str | None = None
) -> list[MemberEventRow]:
    """The events of one member (or of the whole branch), oldest first, voided ones included."""
    cond = [event_t.c.branch_id == branch_id]
    if member_no is not None:
        cond.append(member_t.c.member_no == member_no)
    stmt = (
        select(event_t, member_t.c.member_no, member_t.c.name)
        .select_from(event_t.join(member_t, member_t.c.id == event_t.c.member_id))
        .where(*cond)
        .order_by(event_t.c.date, event_t.c.id)
    )
    with store.read_connection() as conn:
        return [
            MemberEventRow(
                id=r.id,
                member_no=r.member_no,
                name=r.name,
                kind=MemberEventKind(r.kind),
                date=r.date,
                end_date=r.end_date,
                place=r.place,
                reason=r.reason,
                note=r.note,
                voided=r.voided_at is not None,
                operator=r.operator,
            )
            for r in conn.execute(stmt)
        ]


__all__ = [
    "MemberEventRow",
    "away_on",
    "event_t",
    "in_branch_during",
    "in_branch_on",
    "member_events",
    "record_event",
    "status_on",
]


# ---------------------------------------------------------------------------- dated reads
#
# The clauses above take a date; sheets and rules also ask them of a date held in a column
# (each attendance mark's meeting date): the same comparisons, made per row.


def in_branch_at(on: ColumnElement[date]) -> ColumnElement[bool]:
    """``in_branch_on`` of the date in a column (e.g. each mark's meeting date)."""
    return in_branch_on(on)  # type: ignore[arg-type]


def away_at(on: ColumnElement[date]) -> ColumnElement[bool]:
    """``away_on`` of the date in a column (e.g. each mark's meeting date)."""
    return away_on(on)  # type: ignore[arg-type]


__all__ += ["away_at", "in_branch_at"]
