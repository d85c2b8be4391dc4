"""点单/接单: activities and topics members order for the branch, and the branch's answer.

A member places an order (``place_order``): an activity or a topic, a title, optionally a
detail and the month wanted. The branch answers it: takes it into the annual plan
(``take_order``: a plan item is added through ``data.plans`` in the same transaction and
linked), declines it with a reason (``decline_order``), or marks it done by hand
(``mark_done``). An order taken whose plan item a held meeting carried out reads as done
(``OrderRow.status``) without a write: the plan's own matching says so.

Every read and write names the branch; the member's reads name the member as well
(``member_id``): on PostgreSQL row-level security hides other members' rows anyway, on
SQLite the filter here is the only one. Every write runs in one transaction with its
audit row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Connection, func, insert, select, update

from orglife_tui.data import plans
from orglife_tui.data.errors import NotFound, StoreError, refuse_unsafe_text
from orglife_tui.data.models import inserted_id, member_t, order_t, plan_t
from orglife_tui.data.plans import PlanInput
from orglife_tui.data.rows import with_member
from orglife_tui.data.store import Store
from orglife_tui.domain import (
    InputError,
    MeetingType,
    OrderKind,
    OrderStatus,
    parse_month,
    split_month_key,
    stripped_or_none,
)

TITLE_MAX = 200
TEXT_MAX = 2000  # the detail, a reason, an answer

# The meeting type a taken order is first offered as; the secretary picks the one it is.
SUGGESTED_TYPE = {
    OrderKind.activity: MeetingType.themed_day,
    OrderKind.topic: MeetingType.party_lecture,
}

# Which answers an order in each stored status can still get.
TAKABLE = {OrderStatus.ordered, OrderStatus.declined}
DECLINABLE = {OrderStatus.ordered}
DONE_FROM = {OrderStatus.ordered, OrderStatus.taken}


@dataclass(frozen=True)
class OrderInput:
    kind: OrderKind
    title: str
    detail: str | None = None
    wanted_month: str | None = None  # as typed: YYYY-MM, YYYY/MM or YYYY年M月


@dataclass(frozen=True)
class OrderRow:
    id: int
    member_id: int
    member_no: str
    name: str
    kind: OrderKind
    title: str
    detail: str | None
    wanted_month: str | None  # YYYY-MM
    stored_status: OrderStatus
    plan_item_id: int | None
    held_meeting_no: str | None  # the meeting that carried out the plan item, if any
    held_date: date | None
    answer: str | None
    created_at: datetime
    operator: str
    answered_at: datetime | None
    answered_by: str | None

    @property
    def status(self) -> OrderStatus:
        """As the member and the branch see it: a taken order whose meeting was held is done."""
        if self.stored_status is OrderStatus.taken and self.held_meeting_no is not None:
            return OrderStatus.done
        return self.stored_status


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------------------- validation


def order_problems(item: OrderInput) -> list[tuple[str, str, dict[str, object]]]:
    """Why an order cannot be placed: (field, catalog key, params) for each problem."""
    problems: list[tuple[str, str, dict[str, object]]] = []
    if not isinstance(item.kind, OrderKind):
        problems.append(("kind", "orders.kind_unknown", {"kind": item.kind}))
    title = (item.title or "").strip()
    if not title:
        problems.append(("title", "orders.title_empty", {}))
    elif len(title) > TITLE_MAX:
        problems.append(
            ("title", "orders.too_long", {"field": _field("title"), "limit": TITLE_MAX})
        )
    detail = stripped_or_none(item.detail)
    if detail is not None and len(detail) > TEXT_MAX:
        problems.append(
            ("detail", "orders.too_long", {"field": _field("detail"), "limit": TEXT_MAX})
        )
    for name, text, multiline in (("title", title, False), ("detail", detail, True)):
        try:
            refuse_unsafe_text(_FIELD_KEYS[name], text, multiline=multiline)
        except StoreError as exc:
            problems.append((name, exc.key, exc.params))
    raw_month = stripped_or_none(item.wanted_month)
    if raw_month is not None:
        try:
            parse_month(raw_month)
        except InputError as exc:
            problems.append(("wanted_month", exc.key, {"value": raw_month}))
    return problems


_FIELD_KEYS = {
    "title": "field.title",
    "detail": "orders.field.detail",
    "reason": "field.reason",
    "answer": "orders.field.answer",
}


def _field(name: str) -> str:
    from orglife_tui.locale import t

    return t(_FIELD_KEYS[name])


def _answer_text(name: str, value: str | None, required: bool) -> str | None:
    text = stripped_or_none(value)
    if text is None:
        if required:
            raise StoreError("orders.reason_required")
        return None
    if len(text) > TEXT_MAX:
        raise StoreError("orders.too_long", field=_field(name), limit=TEXT_MAX)
    refuse_unsafe_text(_FIELD_KEYS[name], text, multiline=True)
    return text


# ---------------------------------------------------------------------------- writes


def place_order(store: Store, branch_id: int, member_id: int, item: OrderInput) -> OrderRow:
    """A member's order for the branch (点单), ordered until the branch answers it. The
    member must be one of the branch's, in it today."""
    problems = order_problems(item)
    with store.write_transaction() as conn:
        if problems:
            _, key, params = problems[0]
            raise StoreError(key, **params)
        _check_member(conn, branch_id, member_id, store.today())
        raw_month = stripped_or_none(item.wanted_month)
        values = {
            "member_id": member_id,
            "kind": item.kind.value,
            "title": item.title.strip(),
            "detail": stripped_or_none(item.detail),
            "wanted_month": parse_month(raw_month) if raw_month else None,
        }
        order_id = inserted_id(
            conn.execute(
                insert(order_t).values(
                    branch_id=branch_id,
                    status=OrderStatus.ordered.value,
                    created_at=_now(),
                    operator=store.operator,
                    **values,
                )
            )
        )
        store.audit(conn, branch_id, "order.place", id=order_id, **values)
    return get_order(store, branch_id, order_id)


def _check_member(conn: Connection, branch_id: int, member_id: int, today: date) -> None:
    member = conn.execute(
        select(member_t.c.member_no, member_t.c.left_on).where(
            member_t.c.id == member_id, member_t.c.branch_id == branch_id
        )
    ).first()
    if member is None:
        raise NotFound("orders.member_not_found", id=member_id)
    if member.left_on is not None and member.left_on <= today:
        raise StoreError("orders.member_left", member_no=member.member_no)


def _stored(conn: Connection, branch_id: int, order_id: int):
    row = (
        conn.execute(
            select(order_t).where(order_t.c.id == order_id, order_t.c.branch_id == branch_id)
        )
        .mappings()
        .first()
    )
    if row is None:
        raise NotFound("orders.not_found", id=order_id)
    return row


def _must_be(old, status: OrderStatus, allowed: set[OrderStatus]) -> OrderStatus:
    """Refuse to move an order to ``status`` unless it stands in one of ``allowed``."""
    was = OrderStatus(old["status"])
    if was not in allowed:
        from orglife_tui.domain import label
        from orglife_tui.locale import get_language

        raise StoreError(
            f"orders.cannot_{status.value}", id=old["id"], status=label(was, get_language())
        )
    return was


def _answer(
    store: Store,
    conn: Connection,
    branch_id: int,
    old,
    status: OrderStatus,
    allowed: set[OrderStatus],
    action: str,
    **values: object,
) -> None:
    """Move an order to ``status`` from one of ``allowed``, with ``values``; audited."""
    was = _must_be(old, status, allowed)
    conn.execute(
        update(order_t)
        .where(order_t.c.id == old["id"])
        .values(status=status.value, answered_at=_now(), answered_by=store.operator, **values)
    )
    store.audit(conn, branch_id, action, id=old["id"], old_status=was.value, **values)


def take_order(
    store: Store, branch_id: int, order_id: int, plan: PlanInput, note: str | None = None
) -> OrderRow:
    """Take an order into the annual plan (接单): ``plan`` is added as a plan item (checked
    as ``data.plans`` checks every item) and linked to the order, in one transaction."""
    with store.write_transaction() as conn:
        old = _stored(conn, branch_id, order_id)
        _must_be(old, OrderStatus.taken, TAKABLE)
        answer = _answer_text("answer", note, required=False)
        item_id = plans.add_plan_item_in(store, conn, branch_id, plan)
        _answer(
            store,
            conn,
            branch_id,
            old,
            OrderStatus.taken,
            TAKABLE,
            "order.take",
            plan_item_id=item_id,
            answer=answer,
        )
    return get_order(store, branch_id, order_id)


def decline_order(store: Store, branch_id: int, order_id: int, reason: str) -> OrderRow:
    """Decline an order, saying why: the member reads the reason."""
    with store.write_transaction() as conn:
        old = _stored(conn, branch_id, order_id)
        answer = _answer_text("reason", reason, required=True)
        _answer(
            store,
            conn,
            branch_id,
            old,
            OrderStatus.declined,
            DECLINABLE,
            "order.decline",
            answer=answer,
        )
    return get_order(store, branch_id, order_id)


def mark_done(store: Store, branch_id: int, order_id: int, note: str | None = None) -> OrderRow:
    """Mark an order done by hand (an order taken reads as done by itself once its plan
    item's meeting is held); a note replaces the answer when given."""
    with store.write_transaction() as conn:
        old = _stored(conn, branch_id, order_id)
        answer = _answer_text("answer", note, required=False)
        values: dict[str, object] = {} if answer is None else {"answer": answer}
        _answer(store, conn, branch_id, old, OrderStatus.done, DONE_FROM, "order.done", **values)
    return get_order(store, branch_id, order_id)


# ---------------------------------------------------------------------------- reads


def get_order(
    store: Store, branch_id: int, order_id: int, member_id: int | None = None
) -> OrderRow:
    """One order; with ``member_id``, only if it is that member's."""
    rows = list_orders(store, branch_id, member_id=member_id, order_id=order_id)
    if not rows:
        raise NotFound("orders.not_found", id=order_id)
    return rows[0]


def list_orders(
    store: Store,
    branch_id: int,
    status: OrderStatus | None = None,
    member_id: int | None = None,
    *,
    order_id: int | None = None,
) -> list[OrderRow]:
    """The branch's orders (one member's with ``member_id``), newest first; ``status`` as
    ``OrderRow.status`` reads it (a taken order whose meeting was held is done)."""
    cond = [order_t.c.branch_id == branch_id]
    if member_id is not None:
        cond.append(order_t.c.member_id == member_id)
    if order_id is not None:
        cond.append(order_t.c.id == order_id)
    with store.read_connection() as conn:
        found = conn.execute(
            with_member(order_t)
            .where(*cond)
            .order_by(order_t.c.created_at.desc(), order_t.c.id.desc())
        ).all()
    held = _held_items(store, branch_id, [r.plan_item_id for r in found if r.plan_item_id])
    rows = [_row(r, held.get(r.plan_item_id)) for r in found]
    if status is not None:
        rows = [r for r in rows if r.status is OrderStatus(status)]
    return rows


def _held_items(store: Store, branch_id: int, item_ids: list[int]) -> dict[int, tuple[str, date]]:
    """Plan item id → (meeting number, date) of the meeting that carried it out, for the
    given items that were (matched one-to-one as the plan screen matches them)."""
    if not item_ids:
        return {}
    with store.read_connection() as conn:
        years = sorted(
            set(
                conn.scalars(
                    select(plan_t.c.year).where(
                        plan_t.c.branch_id == branch_id, plan_t.c.id.in_(item_ids)
                    )
                )
            )
        )
    out: dict[int, tuple[str, date]] = {}
    wanted = set(item_ids)
    for year in years:
        for item in plans.list_plan(store, branch_id, year):
            if item.id in wanted and item.held_meeting_no is not None and item.held_date:
                out[item.id] = (item.held_meeting_no, item.held_date)
    return out


def _row(r, held: tuple[str, date] | None) -> OrderRow:
    return OrderRow(
        id=r.id,
        member_id=r.member_id,
        member_no=r.member_no,
        name=r.name,
        kind=OrderKind(r.kind),
        title=r.title,
        detail=r.detail,
        wanted_month=r.wanted_month,
        stored_status=OrderStatus(r.status),
        plan_item_id=r.plan_item_id,
        held_meeting_no=held[0] if held else None,
        held_date=held[1] if held else None,
        answer=r.answer,
        created_at=r.created_at,
        operator=r.operator,
        answered_at=r.answered_at,
        answered_by=r.answered_by,
    )


def plan_prefill(order: OrderRow, today: date) -> PlanInput:
    """The plan item a taken order is first offered as: the month wanted (else some time
    in this year), the suggested meeting type, the title as the topic, the detail as the
    note."""
    if order.wanted_month:
        year, month = split_month_key(order.wanted_month)
        return PlanInput(year, SUGGESTED_TYPE[order.kind], order.title, month, order.detail)
    return PlanInput(today.year, SUGGESTED_TYPE[order.kind], order.title, None, order.detail)


def open_count(store: Store, branch_id: int) -> int:
    """How many orders wait for an answer."""
    with store.read_connection() as conn:
        return int(
            conn.scalar(
                select(func.count())
                .select_from(order_t)
                .where(
                    order_t.c.branch_id == branch_id,
                    order_t.c.status == OrderStatus.ordered.value,
                )
            )
            or 0
        )


__all__ = [
    "DECLINABLE",
    "DONE_FROM",
    "SUGGESTED_TYPE",
    "TAKABLE",
    "OrderInput",
    "OrderRow",
    "decline_order",
    "get_order",
    "list_orders",
    "mark_done",
    "open_count",
    "order_problems",
    "place_order",
    "plan_prefill",
    "take_order",
]
