"""Bulk loading of a year's entries (the demo and the benchmarks): chained in chunks,
month by month."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from sqlalchemy import (
    exists,
    func,
    select,
)

from orglife_tui.data.errors import Conflict, NotFound
from orglife_tui.data.ledger.attendance import _desired_select, _not_a_reversal
from orglife_tui.data.ledger.common import (
    ATTENDANCE,
    CHUNK_ROWS,
    MANUAL,
    LoadResult,
    NewEntry,
    Progress,
)
from orglife_tui.data.ledger.entries import _entry_points, _reversal_of
from orglife_tui.data.ledger.links import _as_date, _Chain
from orglife_tui.data.models import ledger_t, meeting_t, member_t
from orglife_tui.data.store import Store
from orglife_tui.domain import add_months
from orglife_tui.scoring.model import Scheme


def _month_starts(first: date, last: date) -> Iterator[tuple[date, date]]:
    """The first day of each month from ``first``'s to ``last``'s, with the next month's."""
    y, m = first.year, first.month
    while date(y, m, 1) <= last:
        ny, nm = add_months(y, m, 1)
        yield date(y, m, 1), date(ny, nm, 1)
        y, m = ny, nm


def bulk_load(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    entries: Iterable[NewEntry] = (),
    *,
    progress: Progress | None = None,
    action: str = "ledger.load",
) -> LoadResult:
    """Fill a branch's ledger at once: the entries its attendance is worth, and ``entries``.

    For a loader (the demo, a migration from another system) on a branch whose ledger has
    no attendance entries yet: the derived entries and the manual ones are merged by date
    (``entries`` must come in date order) month by month, hashed in Python and written in
    chunks, all in one transaction with one audit row. Entries with a ``reverse_reason``
    are reversed at the end with that reason. Refuses with ``Conflict`` when the branch
    already has attendance-derived entries (``sync_attendance`` is the tool then).
    """
    codes = {it.code: it for it in scheme.items}
    manual_iter = iter(entries)
    to_reverse: list[tuple[NewEntry, int]] = []
    derived_count = manual_count = 0
    with store.write_transaction() as conn:
        chain = _Chain(store, conn, branch_id)
        booked = conn.scalar(
            select(ledger_t.c.id)
            .where(ledger_t.c.branch_id == branch_id, ledger_t.c.source == ATTENDANCE)
            .limit(1)
        )
        if booked is not None:
            raise Conflict("ledger.load_not_empty")
        member_ids = {
            r.member_no: r.id
            for r in conn.execute(
                select(member_t.c.id, member_t.c.member_no).where(member_t.c.branch_id == branch_id)
            )
        }

        def manual_rows(batch: list[NewEntry]) -> list[tuple]:
            out = []
            for e in batch:
                item = codes.get(e.item_code)
                if item is None:
                    raise NotFound("ledger.unknown_item", item=e.item_code, known="")
                member_id = member_ids.get(e.member_no)
                if member_id is None:
                    raise NotFound("member_not_found", member_no=e.member_no)
                value, hours = _entry_points(item, e.points, e.hours)
                row = {
                    "member_id": member_id,
                    "item_code": item.code,
                    "points": value,
                    "hours": hours,
                    "entry_date": e.entry_date,
                    "note": e.note,
                    "source": MANUAL,
                    "scheme_version_id": scheme_version_id,
                }
                out.append(((e.entry_date, 1, member_id, item.code), row, e))
            return out

        pending: NewEntry | None = next(manual_iter, None)

        def take(end: date | None) -> list[NewEntry]:
            """The next manual entries dated before ``end`` (a chunk of them when None)."""
            nonlocal pending
            batch: list[NewEntry] = []
            while pending is not None and (
                pending.entry_date < end if end is not None else len(batch) < CHUNK_ROWS
            ):
                batch.append(pending)
                pending = next(manual_iter, None)
            return batch

        def write(keyed: list[tuple]) -> None:
            keyed.sort(key=_key)
            rows = []
            for _, row, entry in keyed:
                rows.append(row)
                if entry is not None and entry.reverse_reason:
                    to_reverse.append((entry, row["member_id"]))
            chain.append_many(rows, progress)

        span = conn.execute(
            select(func.min(meeting_t.c.date), func.max(meeting_t.c.date)).where(
                meeting_t.c.branch_id == branch_id
            )
        ).first()
        windows = list(_month_starts(span[0], span[1])) if span and span[0] else []
        for start, end in windows:
            keyed = manual_rows(take(end))
            manual_count += len(keyed)
            desired = _desired_select(branch_id, scheme, start=start, end=end)
            if desired is not None:
                for r in conn.execute(desired).mappings():
                    when = _as_date(r["entry_date"])
                    row = {
                        "member_id": r["member_id"],
                        "item_code": r["item_code"],
                        "points": float(r["points"]),
                        "hours": None,
                        "entry_date": when,
                        "source": ATTENDANCE,
                        "meeting_id": r["meeting_id"],
                        "scheme_version_id": scheme_version_id,
                    }
                    key = (when, 0, r["meeting_id"], r["member_id"], r["item_code"])
                    keyed.append((key, row, None))
                    derived_count += 1
            write(keyed)
        while pending is not None:  # manual entries after the last meeting, or no meetings
            keyed = manual_rows(take(None))
            manual_count += len(keyed)
            write(keyed)

        reversals: list[dict[str, object]] = []
        for entry, member_id in to_reverse:
            original = (
                conn.execute(
                    select(ledger_t)
                    .where(
                        ledger_t.c.branch_id == branch_id,
                        ledger_t.c.member_id == member_id,
                        ledger_t.c.item_code == entry.item_code,
                        ledger_t.c.entry_date == entry.entry_date,
                        ledger_t.c.source == MANUAL,
                        _not_a_reversal(ledger_t),
                        ~exists().where(ledger_t.alias("r").c.reverses_id == ledger_t.c.id),
                    )
                    .order_by(ledger_t.c.id)
                )
                .mappings()
                .all()
            )
            taken = {r["reverses_id"] for r in reversals}
            for o in original:
                if o["id"] not in taken and o["note"] == entry.note:
                    reversals.append(_reversal_of(o, entry.reverse_reason))  # type: ignore[arg-type]  # set: see to_reverse
                    break
        chain.append_many(reversals, progress)
        result = LoadResult(derived=derived_count, manual=manual_count, reversed=len(reversals))
        store.audit(
            conn,
            branch_id,
            action,
            derived=result.derived,
            manual=result.manual,
            reversed=result.reversed,
            scheme_version=scheme_version_id,
        )
    return result


def _key(entry: tuple) -> tuple:
    return entry[0]
