"""The annual organizational-life plan (年度组织生活计划): planned meetings and their topics.

A plan item names a meeting type, a topic and a month (or no month: some time in the year).
``list_plan`` tells for each item whether it was carried out: the year's meetings are read
with their types in one query, then matched one-to-one to the items in Python — items with a
month first, then the year-wide ones, each to the earliest unmatched meeting of its type in
its month (or in the year). A meeting that counts as two types (a themed day that is also a
Party lecture) can carry out one item of each.

Every write runs in one transaction with its audit-log row; an edit records the old and the
new values, a removal the values that were there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, delete, insert, select, update

from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.models import inserted_id, meeting_t, mtype_t, order_t, plan_t
from orglife_tui.data.store import RowProblems, Store, live_meeting
from orglife_tui.domain import MeetingType, stripped_or_none, unsafe_characters
from orglife_tui.locale import t

MIN_YEAR = 1900
MAX_YEAR = 2999
TOPIC_MAX = 300

_TYPE_ORDER = {t: i for i, t in enumerate(MeetingType)}


@dataclass(frozen=True)
class PlanInput:
    year: int
    meeting_type: MeetingType
    topic: str
    month: int | None = None  # 1–12; None: some time in the year
    note: str | None = None


@dataclass(frozen=True)
class PlanRow:
    id: int
    year: int
    month: int | None
    meeting_type: MeetingType
    topic: str
    note: str | None
    held_meeting_no: str | None  # the meeting that carried the item out, if any
    held_date: date | None

    @property
    def held(self) -> bool:
        return self.held_meeting_no is not None

    def as_input(self) -> PlanInput:
        return PlanInput(
            year=self.year,
            meeting_type=self.meeting_type,
            topic=self.topic,
            month=self.month,
            note=self.note,
        )


@dataclass(frozen=True)
class PlanSummary:
    """Per meeting type: items planned, and how many of them a held meeting carried out."""

    planned: int
    held: int


# ---------------------------------------------------------------------------- validation


def plan_problems(item: PlanInput) -> list[tuple[str, dict[str, object]]]:
    """Why an item cannot be stored: (catalog key, params) for each problem; [] when fine."""
    problems: list[tuple[str, dict[str, object]]] = []
    if not MIN_YEAR <= item.year <= MAX_YEAR:
        problems.append(
            ("plan.year_out_of_range", {"year": item.year, "min": MIN_YEAR, "max": MAX_YEAR})
        )
    if item.month is not None and not 1 <= item.month <= 12:
        problems.append(("plan.month_out_of_range", {"month": item.month}))
    if not isinstance(item.meeting_type, MeetingType):
        problems.append(("plan.type_unknown", {"type": item.meeting_type}))
    topic = (item.topic or "").strip()
    if not topic:
        problems.append(("plan.topic_empty", {}))
    elif len(topic) > TOPIC_MAX:
        problems.append(("plan.topic_too_long", {"limit": TOPIC_MAX}))
    for field, text in (("field.topic", topic), ("field.note", item.note)):
        found = unsafe_characters(text or "", multiline=field == "field.note")
        if found:
            problems.append(("text.control_chars", {"field": t(field), "chars": ", ".join(found)}))
    return problems


def _check(item: PlanInput) -> None:
    problems = plan_problems(item)
    if problems:
        key, params = problems[0]
        raise StoreError(key, **params)


def _values(item: PlanInput) -> dict[str, object]:
    return {
        "year": item.year,
        "month": item.month,
        "meeting_type": item.meeting_type.value,
        "topic": item.topic.strip(),
        "note": stripped_or_none(item.note),
    }


_FIELDS = ("year", "month", "meeting_type", "topic", "note")


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------------------- writes


def add_plan_item(store: Store, branch_id: int, item: PlanInput) -> PlanRow:
    with store.write_transaction() as conn:
        item_id = add_plan_item_in(store, conn, branch_id, item)
    return get_plan_item(store, branch_id, item_id)


def add_plan_item_in(store: Store, conn: Connection, branch_id: int, item: PlanInput) -> int:
    """``add_plan_item`` inside the caller's write transaction (an order taken into the
    plan: ``data.orders.take_order``); the new item's id."""
    _check(item)
    values = _values(item)
    item_id = inserted_id(
        conn.execute(
            insert(plan_t).values(
                branch_id=branch_id, operator=store.operator, created_at=_now(), **values
            )
        )
    )
    store.audit(conn, branch_id, "plan.add", id=item_id, **values)
    return item_id


def add_plan_items(
    store: Store, branch_id: int, items: Sequence[PlanInput], source: str | None = None
) -> list[int]:
    """Add many items in one transaction (an import): all of them or, when any is refused,
    none — ``RowProblems`` then lists (index, key, params) for every refused item."""
    problems = [
        (i, key, params) for i, item in enumerate(items) for key, params in plan_problems(item)
    ]
    with store.write_transaction() as conn:
        if problems:
            raise RowProblems(problems)
        if not items:
            return []
        created = _now()
        rows = [
            {
                "branch_id": branch_id,
                "operator": store.operator,
                "created_at": created,
                **_values(i),
            }
            for i in items
        ]
        ids = list(
            conn.scalars(insert(plan_t).returning(plan_t.c.id, sort_by_parameter_order=True), rows)
        )
        if ids:
            store.audit(conn, branch_id, "plan.import", added=len(ids), ids=ids, source=source)
    return ids


def update_plan_item(store: Store, branch_id: int, item_id: int, item: PlanInput) -> PlanRow:
    with store.write_transaction() as conn:
        old = _old(conn, branch_id, item_id)
        _check(item)
        values = _values(item)
        changes = {
            k: {"old": getattr(old, k), "new": v} for k, v in values.items() if getattr(old, k) != v
        }
        if changes:
            conn.execute(update(plan_t).where(plan_t.c.id == item_id).values(**values))
            store.audit(conn, branch_id, "plan.update", id=item_id, changes=changes)
    return get_plan_item(store, branch_id, item_id)


def remove_plan_item(store: Store, branch_id: int, item_id: int) -> None:
    """Remove an item; the audit entry keeps everything it held."""
    with store.write_transaction() as conn:
        old = _old(conn, branch_id, item_id)
        order_id = conn.scalar(select(order_t.c.id).where(order_t.c.plan_item_id == item_id))
        if order_id is not None:
            # a member's order was taken into the plan as this item: the member sees it
            raise StoreError("orders.plan_item_taken", id=item_id, order=order_id)
        conn.execute(delete(plan_t).where(plan_t.c.id == item_id))
        store.audit(
            conn,
            branch_id,
            "plan.remove",
            id=item_id,
            old={k: getattr(old, k) for k in (*_FIELDS, "operator", "created_at")},
        )


def _old(conn: Connection, branch_id: int, item_id: int):
    old = conn.execute(
        select(plan_t).where(plan_t.c.id == item_id, plan_t.c.branch_id == branch_id)
    ).first()
    if old is None:
        raise NotFound("plan.not_found", id=item_id)
    return old


# ---------------------------------------------------------------------------- reads


def get_plan_item(store: Store, branch_id: int, item_id: int) -> PlanRow:
    """One item, with the meeting that carried it out (matched as in ``list_plan``)."""
    with store.read_connection() as conn:
        year = conn.scalar(
            select(plan_t.c.year).where(plan_t.c.id == item_id, plan_t.c.branch_id == branch_id)
        )
    if year is None:
        raise NotFound("plan.not_found", id=item_id)
    return next(r for r in list_plan(store, branch_id, year) if r.id == item_id)


def list_plan(store: Store, branch_id: int, year: int) -> list[PlanRow]:
    """The year's plan, ordered by month (year-wide items last), then meeting type; each
    item with the held meeting matched to it one-to-one (None when not carried out)."""
    with store.read_connection() as conn:
        items = conn.execute(
            select(
                plan_t.c.id,
                plan_t.c.year,
                plan_t.c.month,
                plan_t.c.meeting_type,
                plan_t.c.topic,
                plan_t.c.note,
            ).where(plan_t.c.branch_id == branch_id, plan_t.c.year == year)
        ).all()
        meetings = _held_meetings(conn, branch_id, year) if items else []
    matched = match_items([(r.id, MeetingType(r.meeting_type), r.month) for r in items], meetings)
    rows = [
        PlanRow(
            id=r.id,
            year=r.year,
            month=r.month,
            meeting_type=MeetingType(r.meeting_type),
            topic=r.topic,
            note=r.note,
            held_meeting_no=matched[r.id][0] if r.id in matched else None,
            held_date=matched[r.id][1] if r.id in matched else None,
        )
        for r in items
    ]
    rows.sort(key=lambda p: (p.month is None, p.month or 0, _TYPE_ORDER[p.meeting_type], p.id))
    return rows


def plan_summary(store: Store, branch_id: int, year: int) -> dict[MeetingType, PlanSummary]:
    """Per meeting type with a plan item: how many were planned and how many were held."""
    counts: dict[MeetingType, list[int]] = {}
    for row in list_plan(store, branch_id, year):
        c = counts.setdefault(row.meeting_type, [0, 0])
        c[0] += 1
        c[1] += row.held
    return {
        t: PlanSummary(planned=p, held=h)
        for t, (p, h) in sorted(counts.items(), key=lambda kv: _TYPE_ORDER[kv[0]])
    }


# A held meeting of one type: (date, meeting number, meeting id).
HeldMeeting = tuple[date, str, int]


def _held_meetings(
    conn: Connection, branch_id: int, year: int
) -> list[tuple[MeetingType, HeldMeeting]]:
    """The year's meetings, one row per type they count as, oldest first."""
    stmt = (
        select(meeting_t.c.id, meeting_t.c.meeting_no, meeting_t.c.date, mtype_t.c.type)
        .select_from(meeting_t)
        .join(mtype_t, mtype_t.c.meeting_id == meeting_t.c.id)
        .where(
            meeting_t.c.branch_id == branch_id,
            live_meeting(),  # a voided meeting carried nothing out
            meeting_t.c.date >= date(year, 1, 1),
            meeting_t.c.date <= date(year, 12, 31),
        )
        .order_by(meeting_t.c.date, meeting_t.c.meeting_no)
    )
    return [(MeetingType(r.type), (r.date, r.meeting_no, r.id)) for r in conn.execute(stmt)]


def match_items(
    items: Sequence[tuple[int, MeetingType, int | None]],
    meetings: Sequence[tuple[MeetingType, HeldMeeting]],
) -> dict[int, tuple[str, date]]:
    """Match plan items (id, type, month) to held meetings one-to-one, greedily.

    Items with a month go first (by month, then id), each taking the earliest unmatched
    meeting of its type in its month; then the year-wide items (by id), each taking the
    earliest unmatched meeting of its type left in the year. Returns item id -> (meeting
    number, date) for the items that were carried out.
    """
    by_type: dict[MeetingType, list[HeldMeeting]] = {}
    for mtype, held in meetings:
        by_type.setdefault(mtype, []).append(held)
    for of_type in by_type.values():
        of_type.sort()
    used: set[tuple[MeetingType, int]] = set()
    out: dict[int, tuple[str, date]] = {}
    order = sorted(items, key=lambda i: (i[2] is None, i[2] or 0, i[0]))
    for item_id, mtype, month in order:
        for when, number, meeting_id in by_type.get(mtype, ()):
            if (mtype, meeting_id) in used or (month is not None and when.month != month):
                continue
            used.add((mtype, meeting_id))
            out[item_id] = (number, when)
            break
    return out


__all__ = [
    "PlanInput",
    "PlanRow",
    "PlanSummary",
    "add_plan_item",
    "add_plan_item_in",
    "add_plan_items",
    "get_plan_item",
    "list_plan",
    "match_items",
    "plan_problems",
    "plan_summary",
    "remove_plan_item",
    "update_plan_item",
]
