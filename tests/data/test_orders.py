"""Members' orders (点单/接单): placed by a member, taken into the plan, declined, done —
their refusals and the trace they leave, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from orglife_tui.data import orders, plans
from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.membership import record_event
from orglife_tui.data.models import order_t, plan_t
from orglife_tui.data.orders import OrderInput
from orglife_tui.data.plans import PlanInput
from orglife_tui.domain import MeetingType, MemberEventKind, MemberStatus, OrderKind, OrderStatus
from orglife_tui.domain.records import MeetingInput, MemberInput

TODAY = date(2026, 3, 18)


@pytest.fixture
def people(store, branch):
    """Two members of the branch (ids by number) and the store's clock on 2026-03-18."""
    store.today = lambda: TODAY
    store.add_members(
        branch.id,
        [
            MemberInput("001", "张伟", MemberStatus.full),
            MemberInput("002", "王芳", MemberStatus.full),
        ],
    )
    return {m.member_no: m.id for m in store.list_members(branch.id)}


def last_audit(store, branch) -> tuple[str, dict]:
    entry = store.audit_entries(branch.id, limit=1)[0]
    return entry["action"], json.loads(entry["detail"])


def state(store) -> tuple[list, list, int]:
    """Every order and plan row, and the number of audit entries."""
    with store.read_connection() as conn:
        o = [tuple(r) for r in conn.execute(select(order_t).order_by(order_t.c.id))]
        p = [tuple(r) for r in conn.execute(select(plan_t).order_by(plan_t.c.id))]
    return o, p, len(store.audit_entries(limit=1_000_000))


def place(store, branch, member_id, title="参观红色教育基地", **kw) -> orders.OrderRow:
    item = OrderInput(kw.pop("kind", OrderKind.activity), title, **kw)
    return orders.place_order(store, branch.id, member_id, item)


def test_a_member_places_an_order_and_it_is_audited(store, branch, people):
    row = place(
        store,
        branch,
        people["002"],
        "  参观红色教育基地 ",
        detail="希望五月",
        wanted_month="2026年5月",
    )
    assert (row.member_no, row.name, row.kind, row.title, row.detail, row.wanted_month) == (
        "002",
        "王芳",
        OrderKind.activity,
        "参观红色教育基地",
        "希望五月",
        "2026-05",
    )
    assert row.status is OrderStatus.ordered and row.plan_item_id is None
    assert row.operator == "tester" and row.answered_at is None
    action, detail = last_audit(store, branch)
    assert action == "order.place"
    assert detail["id"] == row.id and detail["member_id"] == people["002"]
    assert detail["title"] == "参观红色教育基地" and detail["wanted_month"] == "2026-05"


@pytest.mark.parametrize(
    ("item", "key"),
    [
        (OrderInput(OrderKind.topic, "   "), "orders.title_empty"),
        (OrderInput(OrderKind.topic, "x" * 201), "orders.too_long"),
        (OrderInput(OrderKind.topic, "学习\x1b[31m"), "text.control_chars"),
        (OrderInput(OrderKind.topic, "学习", detail="\u202e反转"), "text.control_chars"),
        (OrderInput(OrderKind.topic, "学习", wanted_month="五月"), "problem.bad_month"),
        (OrderInput("party", "学习"), "orders.kind_unknown"),  # type: ignore[arg-type]  # a bad kind on purpose
    ],
)
def test_a_bad_order_is_refused_and_nothing_is_written(store, branch, people, item, key):
    before = state(store)
    with pytest.raises(StoreError) as err:
        orders.place_order(store, branch.id, people["001"], item)
    assert err.value.key == key
    assert state(store) == before


def test_an_order_for_a_member_of_another_branch_or_one_who_left_is_refused(store, branch, people):
    other = store.create_branch("第二党支部")
    with pytest.raises(NotFound):
        place(store, other, people["001"])
    record_event(store, branch.id, "001", MemberEventKind.transfer_out, date(2026, 3, 1))
    with pytest.raises(StoreError) as err:
        place(store, branch, people["001"])
    assert err.value.key == "orders.member_left"


def test_taking_an_order_adds_the_plan_item_in_the_same_transaction(store, branch, people):
    order = place(store, branch, people["002"], wanted_month="2026-05")
    prefill = orders.plan_prefill(order, TODAY)
    assert prefill == PlanInput(2026, MeetingType.themed_day, "参观红色教育基地", 5, None)
    taken = orders.take_order(store, branch.id, order.id, prefill, note="五月主题党日安排")
    assert taken.status is OrderStatus.taken and taken.answer == "五月主题党日安排"
    assert taken.answered_by == "tester" and taken.answered_at is not None
    item = plans.get_plan_item(store, branch.id, taken.plan_item_id)
    assert (item.year, item.month, item.meeting_type, item.topic) == (
        2026,
        5,
        MeetingType.themed_day,
        "参观红色教育基地",
    )
    actions = [e["action"] for e in store.audit_entries(branch.id, limit=2)]
    assert actions == ["order.take", "plan.add"]
    # The plan item came from the order: it is not removed behind the member's back.
    with pytest.raises(StoreError) as err:
        plans.remove_plan_item(store, branch.id, item.id)
    assert err.value.key == "orders.plan_item_taken"


def test_a_refused_plan_item_leaves_the_order_as_it_was(store, branch, people):
    order = place(store, branch, people["002"])
    before = state(store)
    bad = PlanInput(2026, MeetingType.themed_day, "参观", month=13)
    with pytest.raises(StoreError) as err:
        orders.take_order(store, branch.id, order.id, bad)
    assert err.value.key == "plan.month_out_of_range"
    assert state(store) == before


def test_a_taken_order_reads_done_once_its_meeting_is_held(store, branch, people):
    order = place(store, branch, people["001"], kind=OrderKind.topic, title="学习新党章")
    plan = PlanInput(2026, MeetingType.party_lecture, "学习新党章", month=3)
    orders.take_order(store, branch.id, order.id, plan)
    assert orders.get_order(store, branch.id, order.id).status is OrderStatus.taken
    store.add_meeting(
        branch.id, MeetingInput(date(2026, 3, 10), (MeetingType.party_lecture,), "党课")
    )
    done = orders.get_order(store, branch.id, order.id)
    assert done.status is OrderStatus.done and done.stored_status is OrderStatus.taken
    assert done.held_date == date(2026, 3, 10)
    assert [r.id for r in orders.list_orders(store, branch.id, OrderStatus.done)] == [order.id]
    assert orders.list_orders(store, branch.id, OrderStatus.taken) == []


def test_declining_needs_a_reason_and_the_member_reads_it(store, branch, people):
    order = place(store, branch, people["002"])
    before = state(store)
    for blank in ("", "   "):
        with pytest.raises(StoreError) as err:
            orders.decline_order(store, branch.id, order.id, blank)
        assert err.value.key == "orders.reason_required"
    assert state(store) == before
    declined = orders.decline_order(store, branch.id, order.id, "本年度经费不足")
    assert declined.status is OrderStatus.declined and declined.answer == "本年度经费不足"
    action, detail = last_audit(store, branch)
    assert action == "order.decline" and detail["old_status"] == "ordered"
    # declined, it can no longer be declined or marked done, but it can still be taken
    for op in (
        lambda: orders.decline_order(store, branch.id, order.id, "再次"),
        lambda: orders.mark_done(store, branch.id, order.id),
    ):
        with pytest.raises(StoreError) as err:
            op()
        assert err.value.key.startswith("orders.cannot_")
    plan = orders.plan_prefill(declined, TODAY)
    assert orders.take_order(store, branch.id, order.id, plan).status is OrderStatus.taken


def test_done_by_hand_and_nothing_after_it(store, branch, people):
    order = place(store, branch, people["002"])
    done = orders.mark_done(store, branch.id, order.id, "已由工会组织")
    assert done.status is OrderStatus.done and done.answer == "已由工会组织"
    assert last_audit(store, branch)[0] == "order.done"
    before = state(store)
    with pytest.raises(StoreError) as err:
        orders.take_order(store, branch.id, order.id, orders.plan_prefill(done, TODAY))
    assert err.value.key == "orders.cannot_taken"
    assert state(store) == before


def test_a_member_reads_only_their_own_orders(store, branch, people):
    mine = place(store, branch, people["001"], "我的点单")
    theirs = place(store, branch, people["002"], "别人的点单")
    assert [r.title for r in orders.list_orders(store, branch.id, member_id=people["001"])] == [
        "我的点单"
    ]
    assert [r.id for r in orders.list_orders(store, branch.id)] == [theirs.id, mine.id]
    with pytest.raises(NotFound):
        orders.get_order(store, branch.id, theirs.id, member_id=people["001"])
    other = store.create_branch("第二党支部")
    assert orders.list_orders(store, other.id) == []
    with pytest.raises(NotFound):
        orders.decline_order(store, other.id, mine.id, "不是本支部的")
    assert orders.open_count(store, branch.id) == 2
