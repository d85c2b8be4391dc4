"""Manual entries and corrections: adding an entry under a scheme item, and reversing one
(at most once, on the original's date)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import (
    RowMapping,
    select,
)

from orglife_tui.data.chain import is_hundredth
from orglife_tui.data.errors import Conflict, NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.ledger.common import MANUAL, LedgerRow
from orglife_tui.data.ledger.links import _amount, _Chain
from orglife_tui.data.ledger.queries import get_entry, manual_items
from orglife_tui.data.models import ledger_t, member_t
from orglife_tui.data.rows import MEMBERSHIP_COLUMNS
from orglife_tui.data.store import Store, date_problem, membership_problem, records_start_of
from orglife_tui.domain import stripped_or_none
from orglife_tui.scoring.model import Item, Scheme, Unit


def _check_amount(value: float, key: str, precise_key: str) -> float:
    """A number typed by hand: finite, and at most two decimals (the ledger keeps
    hundredths exactly; more would be rounded silently, so it is refused)."""
    if isinstance(value, bool) or not math.isfinite(float(value)):
        raise StoreError(key, value=value)
    if not is_hundredth(float(value)):
        raise StoreError(precise_key, value=repr(float(value)))
    return float(value)


def _entry_points(
    item: Item, points: float | None, hours: float | None
) -> tuple[float, float | None]:
    """The points and hours of a manual entry of ``item``, or a refusal naming the rule."""
    if hours is not None:
        hours = _check_amount(hours, "ledger.bad_hours", "chain.hours_too_precise")
        if item.unit is not Unit.hour:
            raise StoreError("ledger.hours_not_hourly", item=item.code)
        if hours <= 0:
            raise StoreError("ledger.bad_hours", value=hours)
    elif item.unit is Unit.hour and points is None:
        raise StoreError("ledger.hours_required", item=item.code)
    if points is None:
        value = item.points * (hours if item.unit is Unit.hour else 1)  # type: ignore[operator]  # hours is set: checked above
    else:
        value = _check_amount(points, "ledger.bad_points", "chain.points_too_precise")
        if (item.points > 0 and value < 0) or (item.points < 0 and value > 0):
            raise StoreError(
                "ledger.points_sign", item=item.code, points=_fmt(value), expected=_fmt(item.points)
            )
    return _amount(value), _amount(hours)


def _fmt(value: float) -> str:
    return f"{value:+g}"


def _item(scheme: Scheme, code: str) -> Item:
    item = scheme.item(code.strip())
    if item is None:
        raise NotFound(
            "ledger.unknown_item", item=code, known=", ".join(i.code for i in manual_items(scheme))
        )
    return item


def add_entry(
    store: Store,
    branch_id: int,
    scheme: Scheme,
    scheme_version_id: int | None,
    member_no: str,
    item_code: str,
    *,
    points: float | None = None,
    hours: float | None = None,
    entry_date: date | None = None,
    note: str | None = None,
) -> LedgerRow:
    """A manual entry. Points default to the item's points (per hour × hours for hour items).

    Refused (``StoreError``) for an unknown member or item, an item the scheme derives from
    attendance, hours on an item counted per occurrence, an hour item without hours, and
    points whose sign differs from the item's (a deduction stays a deduction).
    """
    item = _item(scheme, item_code)
    if item.derive is not None:
        raise StoreError("ledger.item_derived", item=item.code)
    if item.dues is not None:
        raise StoreError("dues.ledger.item_derived", item=item.code)
    value, hours = _entry_points(item, points, hours)
    when = entry_date or store.today()
    note = stripped_or_none(note)
    refuse_unsafe_text("field.note", note, multiline=True)
    with store.write_transaction() as conn:
        member = conn.execute(
            select(
                member_t.c.id,
                *MEMBERSHIP_COLUMNS,
            ).where(member_t.c.branch_id == branch_id, member_t.c.member_no == member_no.strip())
        ).first()
        if member is None:
            raise NotFound("member_not_found", member_no=member_no)
        # Points are booked once earned, within the branch's records, while the member
        # belongs to the branch.
        problem = date_problem(
            when,
            store.today(),
            records_start_of(conn, branch_id),
            "corrections.entry_date_in_future",
        ) or membership_problem(member, when)
        if problem is not None:
            key, params = problem
            raise StoreError(key, **params)
        chain = _Chain(store, conn, branch_id)
        entry_id, digest = chain.append(
            {
                "member_id": member.id,
                "item_code": item.code,
                "points": value,
                "hours": hours,
                "entry_date": when,
                "note": note,
                "source": MANUAL,
                "scheme_version_id": scheme_version_id,
            }
        )
        store.audit(
            conn,
            branch_id,
            "ledger.add",
            entry=entry_id,
            member_no=member.member_no,
            item=item.code,
            points=value,
            hours=hours,
            date=when.isoformat(),
        )
    return LedgerRow(
        id=entry_id,
        member_no=member.member_no,
        member_name=member.name,
        item_code=item.code,
        points=value,
        hours=hours,
        entry_date=when,
        note=note,
        source=MANUAL,
        meeting_no=None,
        reverses_id=None,
        reversed_by=None,
        operator=store.operator,
        hash=digest,
    )


def _reversal_of(original: RowMapping | Mapping[str, Any], reason: str) -> dict[str, object]:
    hours = original["hours"]
    return {
        "member_id": original["member_id"],
        "item_code": original["item_code"],
        "points": -float(original["points"]),
        "hours": None if hours is None else -float(hours),
        "entry_date": original["entry_date"],
        "note": reason,
        "source": original["source"],
        "meeting_id": original["meeting_id"],
        "reverses_id": original["id"],
        "scheme_version_id": original["scheme_version_id"],
    }


def reverse_entry(store: Store, branch_id: int, entry_id: int, reason: str) -> LedgerRow:
    """A linked reversing entry (negated points); refused for a reversal or a reversed entry."""
    reason = (reason or "").strip()
    if not reason:
        raise StoreError("ledger.reason_required")
    with store.write_transaction() as conn:
        chain = _Chain(store, conn, branch_id)  # lock first: no second reversal slips in
        original = conn.execute(
            select(ledger_t).where(ledger_t.c.id == entry_id, ledger_t.c.branch_id == branch_id)
        ).first()
        if original is None:
            raise NotFound("ledger.entry_not_found", id=entry_id)
        o = original._mapping
        if o["reverses_id"] is not None:
            raise Conflict("ledger.reverse_reversal", id=entry_id, original=o["reverses_id"])
        by = conn.scalar(select(ledger_t.c.id).where(ledger_t.c.reverses_id == entry_id))
        if by is not None:
            raise Conflict("ledger.already_reversed", id=entry_id, by=by)
        new_id, digest = chain.append(_reversal_of(o, reason))
        store.audit(
            conn,
            branch_id,
            "ledger.reverse",
            entry=new_id,
            reverses=entry_id,
            points=-float(o["points"]),
            reason=reason,
        )
    return get_entry(store, branch_id, new_id)
