# Over 600 lines (just): the SQL clauses of standing on a date and the event writer that keeps them
# true belong together.
"""Membership as a history (docs/architecture.md §5): who is in the branch, and in what
standing, on a given date.

``member_event`` holds the dated events; the member row keeps ``entered_on``, ``left_on``
and ``left_kind`` derived from them, so that every rule, sheet, ballot, score and report can
ask "in the branch on D" with one SQL condition instead of replaying events. The clauses
below are the one place that condition is written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import Connection, Row, and_, case, exists, func, insert, or_, select, update
from sqlalchemy.sql.elements import ColumnElement

from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.members import _group_ids
from orglife_tui.data.models import event_t, inserted_id, member_t
from orglife_tui.data.rows import with_member
from orglife_tui.data.store import MemberRow, Store, member_values
from orglife_tui.domain import DEPARTURES, MemberEventKind, MemberStatus, stripped_or_none
from orglife_tui.domain.records import MemberInput


def in_branch_on(on: date | ColumnElement[date]) -> ColumnElement[bool]:
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


def away_on(on: date | ColumnElement[date]) -> ColumnElement[bool]:
    """The member is away (流动党员, organizational life elsewhere) on ``on``."""
    return exists().where(
        event_t.c.member_id == member_t.c.id,
        event_t.c.kind == MemberEventKind.away.value,
        event_t.c.voided_at.is_(None),
        event_t.c.date <= on,
        or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
    )


PROBATION_YEARS = 1
"""预备期一年 (Party Constitution Art. 7): a probationary member is due for conversion then."""
MAX_EXTENSION_YEARS = 1
"""延长预备期不能超过一年: an extension ends at most this long after the ordinary year."""
PROBATION_WATCH_DAYS = 30
"""The conversion watch lists probationary members whose year ends within this many days."""


def add_years(d: date, years: int) -> date:
    """The same day ``years`` later; 29 February becomes 28 February in a common year."""
    try:
        return d.replace(year=d.year + years)
    except ValueError:
        return d.replace(year=d.year + years, day=28)


@dataclass(frozen=True)
class MemberEventRow:
    id: int
    member_no: str
    name: str
    kind: MemberEventKind
    date: date
    end_date: dt.date | None  # `date` is the field above in here
    place: str | None
    reason: str | None
    note: str | None
    voided: bool
    operator: str
    void_reason: str | None = None


@dataclass(frozen=True)
class ProbationRow:
    """A probationary member on the conversion watch."""

    member_no: str
    name: str
    join_date: date | None
    ends_on: date | None  # None: the join date is not recorded, so the year is unknown
    extended: bool  # ends_on is an extended probation's until-date
    days_left: int | None  # negative: overdue by that many days


def _member(conn: Connection, branch_id: int, member_no: str) -> Row[Any]:
    row = conn.execute(
        select(member_t).where(member_t.c.branch_id == branch_id, member_t.c.member_no == member_no)
    ).first()
    if row is None:
        raise NotFound("member_not_found", member_no=member_no)
    return row


def _live(member_id: int, *kinds: MemberEventKind) -> ColumnElement[bool]:
    """The member's events of these kinds that were not voided."""
    return and_(
        event_t.c.member_id == member_id,
        event_t.c.kind.in_([k.value for k in kinds]),
        event_t.c.voided_at.is_(None),
    )


def _probation_end(conn: Connection, member: Row[Any]) -> tuple[date | None, bool]:
    """When the member's probation ends (and whether that is an extension's until-date):
    the latest extension that stands, else a year after joining, else unknown."""
    until = conn.scalar(
        select(func.max(event_t.c.end_date)).where(
            _live(member.id, MemberEventKind.probation_extended)
        )
    )
    if until is not None:
        return until, True
    if member.join_date is None:
        return None, False
    return add_years(member.join_date, PROBATION_YEARS), False


def _check_event(
    conn: Connection,
    member: Row[Any],
    kind: MemberEventKind,
    on: date,
    end: date | None,
    reason: str | None,
    today: date,
) -> None:
    """Refuse an event that cannot have happened (each refusal names its catalog key)."""
    no = member.member_no
    if on > today:
        raise StoreError("event_in_future", date=on.isoformat())
    if end is not None and end < on:
        raise StoreError("event_end_before_start", date=on.isoformat(), end=end.isoformat())
    if kind not in (MemberEventKind.away, MemberEventKind.probation_extended) and end is not None:
        raise StoreError("event_end_only_away")
    if kind is MemberEventKind.probation_extended and end is None:
        raise StoreError("membership.extend_needs_until")
    if kind is MemberEventKind.removed and not reason:
        raise StoreError("membership.remove_needs_reason")
    if member.left_on is not None and (
        kind in DEPARTURES
        or kind is MemberEventKind.transfer_in
        or on >= member.left_on
        or (end is not None and end >= member.left_on)
    ):
        # Events before the departure may still be filled in; nothing on or after it.
        raise StoreError("member_already_left", member_no=no, date=member.left_on.isoformat())
    if member.join_date is not None and on < member.join_date:
        raise StoreError("event_before_joined", member_no=no, date=member.join_date.isoformat())
    if kind is MemberEventKind.transfer_in:
        if member.entered_on is not None:
            raise StoreError(
                "membership.already_entered", member_no=no, date=member.entered_on.isoformat()
            )
        return
    if member.entered_on is not None and on < member.entered_on:
        raise StoreError("event_before_entered", member_no=no, date=member.entered_on.isoformat())
    if kind in (MemberEventKind.conversion, MemberEventKind.probation_extended):
        if member.status != MemberStatus.probationary.value or member.full_date is not None:
            raise StoreError("member_not_probationary", member_no=no)
        ends, _ = _probation_end(conn, member)
        if kind is MemberEventKind.conversion and ends is not None and on < ends:
            raise StoreError("membership.convert_before_end", member_no=no, date=ends.isoformat())
        if kind is MemberEventKind.probation_extended:
            assert end is not None
            if ends is not None and end <= ends:
                raise StoreError("membership.extend_not_later", member_no=no, date=ends.isoformat())
            if member.join_date is not None:
                limit = add_years(member.join_date, PROBATION_YEARS + MAX_EXTENSION_YEARS)
                if end > limit:
                    raise StoreError(
                        "membership.extend_too_long", member_no=no, date=limit.isoformat()
                    )
    if kind is MemberEventKind.away:
        last = end or date.max
        overlap = conn.scalar(
            select(event_t.c.id).where(
                _live(member.id, MemberEventKind.away),
                event_t.c.date <= last,
                or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
            )
        )
        if overlap is not None:
            raise StoreError("away_overlaps", member_no=no)


def _insert_event(
    conn: Connection,
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
    **detail: object,
) -> int:
    """Check and record one event inside the caller's write transaction, keep the member
    row's derived columns and audit it (``detail`` joins the audit line). Returns its id."""
    place, reason, note = stripped_or_none(place), stripped_or_none(reason), stripped_or_none(note)
    member = _member(conn, branch_id, member_no)
    _check_event(conn, member, kind, on, end, reason, store.today())
    event_id = inserted_id(
        conn.execute(
            insert(event_t).values(
                branch_id=branch_id,
                member_id=member.id,
                kind=kind.value,
                date=on,
                end_date=end,
                place=place,
                reason=reason,
                note=note,
                operator=store.operator,
                created_at=datetime.now(timezone.utc),
            )
        )
    )
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
        event_id=event_id,
        date=on.isoformat(),
        end=end.isoformat() if end else None,
        place=place,
        reason=reason,
        **detail,
    )
    return int(event_id)


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
    transaction. Nothing is deleted: a departed member stays, with ``left_on``.

    ``end`` is the last day away for ``away`` (None: still away) and the new end of
    probation for ``probation_extended``; ``removed`` needs a ``reason``."""
    refuse_unsafe_text("field.place", place)
    refuse_unsafe_text("field.reason", reason, multiline=True)
    refuse_unsafe_text("field.note", note, multiline=True)
    with store.write_transaction() as conn:
        event_id = _insert_event(
            conn,
            store,
            branch_id,
            member_no,
            kind,
            on,
            end=end,
            place=place,
            reason=reason,
            note=note,
        )
    return get_event(store, branch_id, event_id)


def transfer_in_member(
    store: Store,
    branch_id: int,
    member: MemberInput,
    on: date,
    *,
    place: str,
    note: str | None = None,
) -> MemberRow:
    """A member who comes from another branch (组织关系转入): the member row (their
    original join and full-member dates kept) and the transfer_in event dated ``on`` with
    the previous branch in ``place``, in one transaction, audited once."""
    if not stripped_or_none(place):
        raise StoreError("membership.transfer_in_needs_from")
    refuse_unsafe_text("field.transfer_in_from", place)
    refuse_unsafe_text("field.note", note, multiline=True)
    with store.write_transaction() as conn:
        taken = conn.scalar(
            select(member_t.c.id).where(
                member_t.c.branch_id == branch_id, member_t.c.member_no == member.member_no
            )
        )
        if taken is not None:
            raise Conflict("member_no_taken", member_no=member.member_no)
        group_ids = _group_ids(store, conn, branch_id, [member.group])
        conn.execute(
            insert(member_t).values(branch_id=branch_id, **member_values(member, group_ids))
        )
        _insert_event(
            conn,
            store,
            branch_id,
            member.member_no,
            MemberEventKind.transfer_in,
            on,
            place=place,
            note=note,
            name=member.name,
            new_member=True,
        )
    return store.get_member(branch_id, member.member_no)


def back_from_away(store: Store, branch_id: int, member_no: str, on: date) -> MemberEventRow:
    """The member is back on ``on`` (the day they take part here again): the period away
    open on that day ends the day before. The old end is kept in the audit line."""
    with store.write_transaction() as conn:
        member = _member(conn, branch_id, member_no)
        if on > store.today():
            raise StoreError("event_in_future", date=on.isoformat())
        if member.left_on is not None and on > member.left_on:
            raise StoreError(
                "member_already_left", member_no=member_no, date=member.left_on.isoformat()
            )
        period = conn.execute(
            select(event_t.c.id, event_t.c.date, event_t.c.end_date)
            .where(
                _live(member.id, MemberEventKind.away),
                event_t.c.date < on,
                or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
            )
            .order_by(event_t.c.date.desc())
        ).first()
        if period is None:
            raise StoreError("membership.not_away", member_no=member_no, date=on.isoformat())
        last_day = on - timedelta(days=1)
        conn.execute(update(event_t).where(event_t.c.id == period.id).values(end_date=last_day))
        store.audit(
            conn,
            branch_id,
            "member.back",
            member_no=member_no,
            event_id=period.id,
            date=on.isoformat(),
            old_end=period.end_date.isoformat() if period.end_date else None,
            new_end=last_day.isoformat(),
        )
    return get_event(store, branch_id, period.id)


def _derived(conn: Connection, member: Row[Any], voided_kind: MemberEventKind) -> dict[str, Any]:
    """The member's derived columns as the events that still stand give them."""
    live = select(event_t.c.kind, event_t.c.date).where(
        event_t.c.member_id == member.id, event_t.c.voided_at.is_(None)
    )
    events = [
        (MemberEventKind(r.kind), r.date) for r in conn.execute(live.order_by(event_t.c.date))
    ]
    entered = [d for k, d in events if k is MemberEventKind.transfer_in]
    departures = [(d, k) for k, d in events if k in DEPARTURES]
    conversions = [d for k, d in events if k is MemberEventKind.conversion]
    values: dict[str, Any] = {
        "entered_on": entered[-1] if entered else None,
        "left_on": departures[0][0] if departures else None,
        "left_kind": departures[0][1].value if departures else None,
    }
    if conversions:
        values.update(status=MemberStatus.full.value, full_date=conversions[-1])
    elif voided_kind is MemberEventKind.conversion:
        # The conversion was the only source of full membership: the member is
        # probationary again. Statuses from the roster (no event) are left alone.
        values.update(status=MemberStatus.probationary.value, full_date=None)
    return values


def void_event(store: Store, branch_id: int, event_id: int, reason: str) -> MemberEventRow:
    """Void an event recorded by mistake (kept, with the reason; no longer counted) and
    recompute the member's entered/left dates, status and full-member date from the events
    that remain; the changed columns go into the audit line."""
    reason_text = stripped_or_none(reason)
    if not reason_text:
        raise StoreError("membership.void_needs_reason")
    with store.write_transaction() as conn:
        event = conn.execute(
            select(event_t).where(event_t.c.id == event_id, event_t.c.branch_id == branch_id)
        ).first()
        if event is None:
            raise NotFound("membership.event_not_found", id=event_id)
        if event.voided_at is not None:
            raise StoreError("membership.event_already_voided", id=event_id)
        member = conn.execute(select(member_t).where(member_t.c.id == event.member_id)).one()
        conn.execute(
            update(event_t)
            .where(event_t.c.id == event_id)
            .values(voided_at=datetime.now(timezone.utc), void_reason=reason_text)
        )
        values = _derived(conn, member, MemberEventKind(event.kind))
        changes = {
            k: {"old": getattr(member, k), "new": v}
            for k, v in values.items()
            if getattr(member, k) != v
        }
        if changes:
            conn.execute(update(member_t).where(member_t.c.id == member.id).values(**values))
        store.audit(
            conn,
            branch_id,
            "member.void_event",
            member_no=member.member_no,
            event_id=event_id,
            kind=event.kind,
            date=event.date.isoformat(),
            reason=reason_text,
            changes=changes,
        )
    return get_event(store, branch_id, event_id)


def _event_row(r: Row[Any]) -> MemberEventRow:
    return MemberEventRow(
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
        void_reason=r.void_reason,
    )


def get_event(store: Store, branch_id: int, event_id: int) -> MemberEventRow:
    with store.read_connection() as conn:
        r = conn.execute(
            with_member(event_t).where(event_t.c.id == event_id, event_t.c.branch_id == branch_id)
        ).first()
    if r is None:
        raise NotFound("membership.event_not_found", id=event_id)
    return _event_row(r)


def member_events(
    store: Store, branch_id: int, member_no: str | None = None
) -> list[MemberEventRow]:
    """The events of one member (or of the whole branch), oldest first, voided ones included.
    An unknown member is refused (``member_not_found``)."""
    cond = [event_t.c.branch_id == branch_id]
    if member_no is not None:
        cond.append(member_t.c.member_no == member_no)
    stmt = with_member(event_t).where(*cond).order_by(event_t.c.date, event_t.c.id)
    with store.read_connection() as conn:
        if member_no is not None:
            _member(conn, branch_id, member_no)
        return [_event_row(r) for r in conn.execute(stmt)]


def probation_end(store: Store, branch_id: int, member_no: str) -> date | None:
    """When the member's probation ends: a year after joining or an extension's until-date
    (None: not recorded). For forms that offer the date."""
    with store.read_connection() as conn:
        return _probation_end(conn, _member(conn, branch_id, member_no))[0]


def probation_watch(
    store: Store, branch_id: int, within_days: int = PROBATION_WATCH_DAYS
) -> list[ProbationRow]:
    """The conversion watch: probationary members in the branch today whose probation
    (a year after joining, or the extended until-date) ends within ``within_days`` days or
    has passed, soonest first; those without a join date come last (their year is unknown)."""
    today = store.today()
    until = (
        select(event_t.c.member_id, func.max(event_t.c.end_date).label("until"))
        .where(
            event_t.c.branch_id == branch_id,
            event_t.c.kind == MemberEventKind.probation_extended.value,
            event_t.c.voided_at.is_(None),
        )
        .group_by(event_t.c.member_id)
        .subquery()
    )
    stmt = (
        select(member_t.c.member_no, member_t.c.name, member_t.c.join_date, until.c.until)
        .select_from(member_t.outerjoin(until, until.c.member_id == member_t.c.id))
        .where(
            member_t.c.branch_id == branch_id,
            member_t.c.status == MemberStatus.probationary.value,
            member_t.c.full_date.is_(None),
            in_branch_on(today),
        )
        .order_by(member_t.c.sort_key, member_t.c.member_no)
    )
    horizon = today + timedelta(days=within_days)
    rows: list[ProbationRow] = []
    with store.read_connection() as conn:
        for r in conn.execute(stmt):
            ends = r.until or (add_years(r.join_date, PROBATION_YEARS) if r.join_date else None)
            if ends is not None and ends > horizon:
                continue
            rows.append(
                ProbationRow(
                    member_no=r.member_no,
                    name=r.name,
                    join_date=r.join_date,
                    ends_on=ends,
                    extended=r.until is not None,
                    days_left=None if ends is None else (ends - today).days,
                )
            )
    rows.sort(key=lambda p: (p.ends_on is None, p.ends_on or date.max))
    return rows


__all__ = [
    "MAX_EXTENSION_YEARS",
    "PROBATION_WATCH_DAYS",
    "PROBATION_YEARS",
    "MemberEventRow",
    "ProbationRow",
    "add_years",
    "away_on",
    "back_from_away",
    "get_event",
    "in_branch_during",
    "in_branch_on",
    "member_events",
    "probation_end",
    "probation_watch",
    "record_event",
    "status_on",
    "transfer_in_member",
    "void_event",
]


# ---------------------------------------------------------------------------- dated reads
#
# The clauses above take a date; sheets and rules also ask them of a date held in a column
# (each attendance mark's meeting date): the same comparisons, made per row.


def in_branch_at(on: ColumnElement[date]) -> ColumnElement[bool]:
    """``in_branch_on`` of the date in a column (e.g. each mark's meeting date)."""
    return in_branch_on(on)


def away_at(on: ColumnElement[date]) -> ColumnElement[bool]:
    """``away_on`` of the date in a column (e.g. each mark's meeting date)."""
    return away_on(on)


def member_away(member_id: ColumnElement[int], on: ColumnElement[date]) -> ColumnElement[bool]:
    """The member in ``member_id`` (any column, e.g. a mark's) is away on the date in ``on``."""
    return exists().where(
        event_t.c.member_id == member_id,
        event_t.c.kind == MemberEventKind.away.value,
        event_t.c.voided_at.is_(None),
        event_t.c.date <= on,
        or_(event_t.c.end_date.is_(None), event_t.c.end_date >= on),
    )


__all__ += ["away_at", "in_branch_at", "member_away"]
