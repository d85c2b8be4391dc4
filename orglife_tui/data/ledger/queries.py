"""Reading the ledger: pages of entries, one entry, keyset iteration for exports, counts,
running totals, monthly points and the head hash."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import (
    Connection,
    extract,
    func,
    select,
)

from orglife_tui.data.errors import NotFound
from orglife_tui.data.ledger.common import CHUNK_ROWS, LedgerRow
from orglife_tui.data.ledger.links import _head
from orglife_tui.data.models import ledger_t, meeting_t, member_t
from orglife_tui.data.rows import member_join
from orglife_tui.data.store import Store
from orglife_tui.scoring.model import Item, Scheme


def _row_select():
    rev = ledger_t.alias("rev")
    return select(
        ledger_t.c.id,
        member_t.c.member_no,
        member_t.c.name.label("member_name"),
        ledger_t.c.item_code,
        ledger_t.c.points,
        ledger_t.c.hours,
        ledger_t.c.entry_date,
        ledger_t.c.note,
        ledger_t.c.source,
        meeting_t.c.meeting_no,
        ledger_t.c.reverses_id,
        rev.c.id.label("reversed_by"),
        ledger_t.c.operator,
        ledger_t.c.hash,
    ).select_from(
        member_join(ledger_t)
        .outerjoin(meeting_t, meeting_t.c.id == ledger_t.c.meeting_id)
        .outerjoin(rev, rev.c.reverses_id == ledger_t.c.id)
    )


def _ledger_row(r) -> LedgerRow:
    return LedgerRow(
        id=r.id,
        member_no=r.member_no,
        member_name=r.member_name,
        item_code=r.item_code,
        points=float(r.points),
        hours=None if r.hours is None else float(r.hours),
        entry_date=r.entry_date,
        note=r.note,
        source=r.source,
        meeting_no=r.meeting_no,
        reverses_id=r.reverses_id,
        reversed_by=r.reversed_by,
        operator=r.operator,
        hash=r.hash,
    )


def _member_id(conn: Connection, branch_id: int, member_no: str) -> int:
    member_id = conn.scalar(
        select(member_t.c.id).where(
            member_t.c.branch_id == branch_id, member_t.c.member_no == member_no.strip()
        )
    )
    if member_id is None:
        raise NotFound("member_not_found", member_no=member_no)
    return member_id


def _filters(conn: Connection, branch_id: int, member_no: str | None, year: int | None) -> list:
    if member_no is not None:
        # the member is the branch's (checked here); naming only the member lets SQLite take
        # the (member_id, entry_date, id) index instead of scanning the branch's year
        cond = [ledger_t.c.member_id == _member_id(conn, branch_id, member_no)]
    else:
        cond = [ledger_t.c.branch_id == branch_id]
    if year is not None:
        cond.append(ledger_t.c.entry_date >= date(year, 1, 1))
        cond.append(ledger_t.c.entry_date <= date(year, 12, 31))
    return cond


def list_entries(
    store: Store,
    branch_id: int,
    member_no: str | None = None,
    year: int | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[LedgerRow]:
    """Entries oldest first (in the order they were booked, i.e. by id), paged in SQL."""
    with store.read_connection() as conn:
        stmt = (
            _row_select()
            .where(*_filters(conn, branch_id, member_no, year))
            .order_by(ledger_t.c.id)
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_ledger_row(r) for r in conn.execute(stmt)]


def get_entry(store: Store, branch_id: int, entry_id: int) -> LedgerRow:
    with store.read_connection() as conn:
        r = conn.execute(
            _row_select().where(ledger_t.c.id == entry_id, ledger_t.c.branch_id == branch_id)
        ).first()
    if r is None:
        raise NotFound("ledger.entry_not_found", id=entry_id)
    return _ledger_row(r)


def iter_entries(
    store: Store,
    branch_id: int,
    member_no: str | None = None,
    year: int | None = None,
    chunk: int = CHUNK_ROWS,
) -> Iterator[LedgerRow]:
    """Every matching entry by id, fetched ``chunk`` at a time (keyset: ``id > last``).

    Memory stays flat whatever the size of the ledger; entries appended while the
    iteration runs are left out (it stops at the newest id it saw at the start).
    """
    with store.read_connection() as conn:
        cond = _filters(conn, branch_id, member_no, year)
        upto = conn.scalar(select(func.max(ledger_t.c.id)).where(*cond))
    if upto is None:
        return
    last = 0
    while True:
        with store.read_connection() as conn:
            rows = conn.execute(
                _row_select()
                .where(*cond, ledger_t.c.id > last, ledger_t.c.id <= upto)
                .order_by(ledger_t.c.id)
                .limit(chunk)
            ).all()
        if not rows:
            return
        for r in rows:
            yield _ledger_row(r)
        last = rows[-1].id
        if len(rows) < chunk:
            return


def count_entries(
    store: Store, branch_id: int, member_no: str | None = None, year: int | None = None
) -> int:
    with store.read_connection() as conn:
        stmt = select(func.count()).select_from(ledger_t)
        return int(conn.scalar(stmt.where(*_filters(conn, branch_id, member_no, year))) or 0)


def running_total_before(
    store: Store, branch_id: int, member_no: str, before_id: int, year: int | None = None
) -> float:
    """The member's points in entries booked before ``before_id`` (of ``year`` if given):
    the running total a paged ledger screen starts its page with."""
    with store.read_connection() as conn:
        cond = _filters(conn, branch_id, member_no, year)
        total = conn.scalar(
            select(func.coalesce(func.sum(ledger_t.c.points), 0.0)).where(
                *cond, ledger_t.c.id < before_id
            )
        )
    return round(float(total or 0.0), 2)


def monthly_points(store: Store, branch_id: int, member_no: str, year: int) -> list[float]:
    """Twelve sums, January to December (for the sparkline), by SQL GROUP BY."""
    with store.read_connection() as conn:
        month = extract("month", ledger_t.c.entry_date)
        rows = conn.execute(
            select(month.label("m"), func.sum(ledger_t.c.points))
            .where(*_filters(conn, branch_id, member_no, year))
            .group_by(month)
        ).all()
    out = [0.0] * 12
    for m, total in rows:
        out[int(m) - 1] = round(float(total or 0.0), 2)
    return out


def head_hash(store: Store, branch_id: int) -> str:
    """The hash of the branch's newest entry (``GENESIS`` while the ledger is empty)."""
    with store.read_connection() as conn:
        return _head(conn, branch_id)


def manual_items(scheme: Scheme) -> tuple[Item, ...]:
    """The items a secretary books by hand: those the scheme derives neither from attendance
    nor from the dues records."""
    return tuple(it for it in scheme.items if not it.automatic)
