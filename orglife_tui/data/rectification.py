"""The rectification list (整改清单): problems found at the life meeting, each with an owner,
a deadline, a status and, once done, the date and a note saying how it was put right.

Every write runs in one transaction with its audit-log row; an edit records the old and the
new values. Reopening an item clears its closing date and note (the audit log keeps them).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, and_, insert, select, update

from orglife_tui.data.errors import NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import inserted_id, meeting_t, rect_t
from orglife_tui.data.store import Store, live_meeting
from orglife_tui.domain import RectificationStatus, stripped_or_none

MIN_YEAR = 1900
MAX_YEAR = 2999
OWNER_MAX = 100


@dataclass(frozen=True)
class RectificationInput:
    year: int  # the year of the life meeting that found the problem
    problem: str
    owner: str
    deadline: date
    measure: str | None = None
    meeting_no: str | None = None  # the meeting that listed the problem


@dataclass(frozen=True)
class RectificationRow:
    id: int
    year: int
    problem: str
    measure: str | None
    owner: str
    deadline: date
    status: RectificationStatus
    closed_on: date | None
    closing_note: str | None
    meeting_no: str | None

    def overdue(self, as_of: date) -> bool:
        """Past its deadline on ``as_of`` and not closed by then."""
        closed = (
            self.status is RectificationStatus.done
            and self.closed_on is not None
            and self.closed_on <= as_of
        )
        return self.deadline < as_of and not closed

    def as_input(self) -> RectificationInput:
        return RectificationInput(
            year=self.year,
            problem=self.problem,
            owner=self.owner,
            deadline=self.deadline,
            measure=self.measure,
            meeting_no=self.meeting_no,
        )


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _values(conn: Connection, branch_id: int, item: RectificationInput) -> dict[str, object]:
    """The columns for ``item``, refusing what cannot be stored (StoreError, nothing written)."""
    if not MIN_YEAR <= item.year <= MAX_YEAR:
        raise StoreError(
            "rectification.year_out_of_range", year=item.year, min=MIN_YEAR, max=MAX_YEAR
        )
    problem = stripped_or_none(item.problem)
    if problem is None:
        raise StoreError("rectification.problem_empty")
    owner = stripped_or_none(item.owner)
    if owner is None:
        raise StoreError("rectification.owner_empty")
    if len(owner) > OWNER_MAX:
        raise StoreError("rectification.owner_too_long", limit=OWNER_MAX)
    refuse_unsafe_text("field.problem", problem, multiline=True)
    refuse_unsafe_text("field.owner", owner)
    refuse_unsafe_text("field.measure", item.measure, multiline=True)
    if item.deadline < date(item.year, 1, 1):
        raise StoreError(
            "rectification.deadline_before_year",
            deadline=item.deadline.isoformat(),
            year=item.year,
        )
    meeting_id = None
    number = stripped_or_none(item.meeting_no)
    if number is not None:
        meeting_id = conn.scalar(
            select(meeting_t.c.id).where(
                meeting_t.c.branch_id == branch_id,
                meeting_t.c.meeting_no == number,
                live_meeting(),  # a voided meeting listed no problems
            )
        )
        if meeting_id is None:
            raise NotFound("rectification.meeting_not_found", meeting_no=number)
    return {
        "year": item.year,
        "problem": problem,
        "measure": stripped_or_none(item.measure),
        "owner": owner,
        "deadline": item.deadline,
        "meeting_id": meeting_id,
    }


def _select():
    return select(
        rect_t.c.id,
        rect_t.c.year,
        rect_t.c.problem,
        rect_t.c.measure,
        rect_t.c.owner,
        rect_t.c.deadline,
        rect_t.c.status,
        rect_t.c.closed_on,
        rect_t.c.closing_note,
        rect_t.c.meeting_id,
        meeting_t.c.meeting_no,
    ).select_from(rect_t.outerjoin(meeting_t, meeting_t.c.id == rect_t.c.meeting_id))


def _row(r) -> RectificationRow:
    return RectificationRow(
        id=r.id,
        year=r.year,
        problem=r.problem,
        measure=r.measure,
        owner=r.owner,
        deadline=r.deadline,
        status=RectificationStatus(r.status),
        closed_on=r.closed_on,
        closing_note=r.closing_note,
        meeting_no=r.meeting_no,
    )


def _get(conn: Connection, branch_id: int, item_id: int):
    r = conn.execute(
        _select().where(rect_t.c.id == item_id, rect_t.c.branch_id == branch_id)
    ).first()
    if r is None:
        raise NotFound("rectification.not_found", id=item_id)
    return r


def _audited(values: dict[str, object], meeting_no: str | None) -> dict[str, object]:
    """The values as the audit log shows them: the meeting by its number, not its id."""
    out = {k: v for k, v in values.items() if k != "meeting_id"}
    out["meeting_no"] = meeting_no
    return out


# ---------------------------------------------------------------------------- writes


def add_item(store: Store, branch_id: int, item: RectificationInput) -> RectificationRow:
    with store.write_transaction() as conn:
        values = _values(conn, branch_id, item)
        item_id = inserted_id(
            conn.execute(
                insert(rect_t).values(
                    branch_id=branch_id,
                    status=RectificationStatus.open.value,
                    operator=store.operator,
                    created_at=_now(),
                    **values,
                )
            )
        )
        store.audit(
            conn,
            branch_id,
            "rectification.add",
            id=item_id,
            **_audited(values, stripped_or_none(item.meeting_no)),
        )
        return _row(_get(conn, branch_id, item_id))


def update_item(
    store: Store, branch_id: int, item_id: int, item: RectificationInput
) -> RectificationRow:
    """Change what an item says (not its status: see ``set_status``)."""
    with store.write_transaction() as conn:
        old = _get(conn, branch_id, item_id)
        values = _values(conn, branch_id, item)
        new_audit = _audited(values, stripped_or_none(item.meeting_no))
        changes = {
            k: {"old": getattr(old, k), "new": v}
            for k, v in new_audit.items()
            if getattr(old, k) != v
        }
        if changes:
            conn.execute(update(rect_t).where(rect_t.c.id == item_id).values(**values))
            store.audit(conn, branch_id, "rectification.update", id=item_id, changes=changes)
        return _row(_get(conn, branch_id, item_id))


def set_status(
    store: Store,
    branch_id: int,
    item_id: int,
    status: RectificationStatus,
    note: str | None = None,
    on: date | None = None,
) -> RectificationRow:
    """Move an item to ``status``.

    ``done`` needs a closing note; it is closed ``on`` that date (default today), which may
    be neither in the future nor before the item's year. Reopening (``open`` or
    ``in_progress``) clears the closing date and note; ``note`` then goes to the audit log
    only (why it was reopened) and ``on`` is not used.
    """
    status = RectificationStatus(status)
    note = stripped_or_none(note)
    today = store.today()
    with store.write_transaction() as conn:
        old = _get(conn, branch_id, item_id)
        if status is RectificationStatus.done:
            if note is None:
                raise StoreError("rectification.done_needs_note")
            closed_on = on or today
            if closed_on > today:
                raise StoreError("rectification.closed_in_future", on=closed_on.isoformat())
            if closed_on < date(old.year, 1, 1):
                raise StoreError(
                    "rectification.closed_before_year", on=closed_on.isoformat(), year=old.year
                )
            values = {"status": status.value, "closed_on": closed_on, "closing_note": note}
        else:
            values = {"status": status.value, "closed_on": None, "closing_note": None}
        changes = {
            k: {"old": getattr(old, k), "new": v} for k, v in values.items() if getattr(old, k) != v
        }
        if changes:
            conn.execute(update(rect_t).where(rect_t.c.id == item_id).values(**values))
            detail: dict[str, object] = {"id": item_id, "changes": changes}
            if note is not None and status is not RectificationStatus.done:
                detail["note"] = note
            store.audit(conn, branch_id, "rectification.status", **detail)
        return _row(_get(conn, branch_id, item_id))


# ---------------------------------------------------------------------------- reads


def get_item(store: Store, branch_id: int, item_id: int) -> RectificationRow:
    with store.read_connection() as conn:
        return _row(_get(conn, branch_id, item_id))


def list_items(
    store: Store,
    branch_id: int,
    year: int | None = None,
    status: RectificationStatus | None = None,
) -> list[RectificationRow]:
    """The items, by year, then deadline, then id."""
    cond = [rect_t.c.branch_id == branch_id]
    if year is not None:
        cond.append(rect_t.c.year == year)
    if status is not None:
        cond.append(rect_t.c.status == RectificationStatus(status).value)
    stmt = _select().where(and_(*cond)).order_by(rect_t.c.year, rect_t.c.deadline, rect_t.c.id)
    with store.read_connection() as conn:
        return [_row(r) for r in conn.execute(stmt)]


__all__ = [
    "RectificationInput",
    "RectificationRow",
    "add_item",
    "get_item",
    "list_items",
    "set_status",
    "update_item",
]
