"""A member's own records (self-service): each read gives the member's rows and nobody
else's, talks come without their texts, an appraisal result only once published — on
SQLite and PostgreSQL, on the small published appraisal of tests/export/appraisal_session."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import orders, talks
from orglife_tui.data.dues import PaymentInput, record_payment, set_standard
from orglife_tui.data.errors import NotFound, StoreError
from orglife_tui.data.orders import OrderInput
from orglife_tui.data.schemes import ensure_active
from orglife_tui.data.store import Store
from orglife_tui.domain import OrderKind, OrderStatus, TalkType
from orglife_tui.domain.talks import TalkerInput, TalkInput
from orglife_tui.scoring.model import Grade
from orglife_tui.services import points
from orglife_tui.services import self_service as me
from tests.export import appraisal_session as session

TODAY = date(2026, 3, 18)


@pytest.fixture
def published(db_url, prebuilt, request) -> tuple[Store, int]:
    """The store (today 2026-03-18, records from 2025) and the branch of the session."""
    prebuilt(db_url, session.build, lambda url: Store.open(url, operator="tester"))
    return _opened(request)


def _opened(request) -> tuple[Store, int]:
    store = request.getfixturevalue("store")  # opened after the copy was made
    store.today = lambda: TODAY
    branch_id = store.resolve_branch(session.BRANCH).id
    store.set_records_start(branch_id, date(2025, 1, 1))
    return store, branch_id


def member_id(store, branch_id: int, member_no: str) -> int:
    return store.get_member(branch_id, member_no).id


def test_the_appraisal_result_is_the_members_own_published_line(published):
    store, branch_id = published
    [result] = me.my_appraisals(store, branch_id, member_id(store, branch_id, "004"))
    assert (result.year, result.graded, result.final) == (2025, True, Grade.unqualified)
    [probationary] = me.my_appraisals(store, branch_id, member_id(store, branch_id, "006"))
    assert (probationary.graded, probationary.final) == (False, None)


def _unpublished(store: Store) -> int:
    return session.build(store, publish=False)


def test_an_unpublished_appraisal_shows_nothing(db_url, prebuilt, request):
    prebuilt(db_url, _unpublished, lambda url: Store.open(url, operator="tester"))
    store, branch_id = _opened(request)
    assert me.my_appraisals(store, branch_id, member_id(store, branch_id, "004")) == []


def test_talks_come_with_their_texts_unless_confidential_and_only_the_members(published):
    store, branch_id = published
    secretary = TalkerInput(member_no="001")
    for member_no, confidential in (("003", True), ("003", False), ("004", False)):
        talks.add_talk(
            store,
            branch_id,
            TalkInput(
                date=date(2026, 3, 2),
                member_no=member_no,
                type=TalkType.routine,
                talkers=(secretary,),
                content="谈话内容",
                confidential=confidential,
            ),
        )
    mine = me.my_talks(store, branch_id, member_id(store, branch_id, "003"))
    assert [(t.confidential, t.talkers, t.type) for t in mine] == [
        (False, ("朱海波",), TalkType.routine),
        (True, ("朱海波",), TalkType.routine),
    ]
    assert [t.content for t in mine] == ["谈话内容", None]  # the confidential one unread


def test_points_dues_and_commitments_are_the_members_own(published):
    store, branch_id = published
    info, scheme = ensure_active(store, branch_id)
    for member_no in ("003", "004"):
        points.add_manual_entry(
            store, branch_id, scheme, info.id, member_no, "community_report_in",
            entry_date=date(2026, 3, 1),
        )  # fmt: skip
    set_standard(store, branch_id, "003", "2026-01", 500)
    record_payment(
        store, branch_id, PaymentInput("003", date(2026, 1, 5), "2026-01", "2026-01", 500)
    )
    mine = member_id(store, branch_id, "003")
    got = me.my_points(store, branch_id, mine, 2026, TODAY)
    assert [e.member_no for e in got.entries] == ["003"]
    assert got.score is not None and got.score.member_no == "003" and got.score.bonus == 1
    assert got.standing.day == "03-18" and not got.standing.shows_bands
    dues = me.my_dues(store, branch_id, mine, TODAY)
    assert dues.state.paid_until == "2026-01" and dues.state.arrears == ("2026-02",)
    assert [p.member_no for p in dues.payments] == ["003"]
    row = me.add_my_commitment(store, branch_id, mine, 2026, "每月参加社区服务")
    assert row.member_no == "003"
    me.add_my_commitment(store, branch_id, member_id(store, branch_id, "004"), 2026, "别人的")
    assert [c.text for c in me.my_commitments(store, branch_id, mine)] == ["每月参加社区服务"]
    with pytest.raises(StoreError):
        me.add_my_commitment(store, branch_id, mine, 2026, "  ")


def test_orders_placed_by_the_member_and_answered_by_the_branch(published):
    store, branch_id = published
    mine = member_id(store, branch_id, "003")
    order = me.place_my_order(store, branch_id, mine, OrderInput(OrderKind.topic, "学习新党章"))
    me.place_my_order(
        store, branch_id, member_id(store, branch_id, "004"), OrderInput(OrderKind.activity, "x")
    )
    orders.take_order(store, branch_id, order.id, orders.plan_prefill(order, TODAY))
    [seen] = me.my_orders(store, branch_id, mine)
    assert (seen.title, seen.status) == ("学习新党章", OrderStatus.taken)


def test_a_member_of_another_branch_reads_nothing_here(published):
    store, branch_id = published
    other = store.create_branch("第二党支部")
    stranger = member_id(store, branch_id, "003")
    for read in (me.my_talks, me.my_commitments, me.my_orders, me.my_appraisals):
        with pytest.raises(NotFound):
            read(store, other.id, stranger)
    everything = me.my_records(store, branch_id, stranger, TODAY)
    assert everything.member.member_no == "003" and everything.points.standing.year == 2026
