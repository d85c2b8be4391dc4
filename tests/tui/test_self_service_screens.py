"""Member self-service and 点单/接单 at 80×24: a member's own records in the member's app,
the branch's orders screen, and an order's whole way (placed → taken → in the plan → the
member sees it taken)."""

from __future__ import annotations

from datetime import date

from orglife_tui.data import commitments, orders, plans, talks
from orglife_tui.data.orders import OrderInput
from orglife_tui.domain import MeetingType, OrderKind, OrderStatus, TalkType
from orglife_tui.domain.talks import TalkerInput, TalkInput
from orglife_tui.tui.member_app import MemberApp
from orglife_tui.tui.screens.common.help import HelpScreen
from orglife_tui.tui.screens.orders.orders import OrdersScreen
from orglife_tui.tui.screens.orders.orders_forms import (
    DeclineOrderScreen,
    OrderFormScreen,
    TakeOrderScreen,
)
from orglife_tui.tui.screens.self_service.my_forms import MyCommitmentForm
from orglife_tui.tui.screens.self_service.my_records import MyRecordsScreen
from tests.tui.conftest import LANGS, ONLY_EN, ONLY_ZH, TODAY, screen_text, wait_until


def member_app(store, branch, member_no: str, lang: str) -> MemberApp:
    member_id = store.get_member(branch.id, member_no).id
    return MemberApp(store=store, branch=branch, member_id=member_id, lang=lang, today=TODAY)


async def records(app, pilot) -> MyRecordsScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, MyRecordsScreen))
    await pilot.pause()
    return app.screen


def place(store, branch, member_no: str, title: str, **kw) -> orders.OrderRow:
    member_id = store.get_member(branch.id, member_no).id
    item = OrderInput(kw.pop("kind", OrderKind.activity), title, **kw)
    return orders.place_order(store, branch.id, member_id, item)


@ONLY_ZH
async def test_an_order_placed_taken_into_the_plan_and_seen_taken(
    make_app, branch, sqlite_store, lang
):
    # The member orders through their own screen.
    app = member_app(sqlite_store, branch, "002", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await records(app, pilot)
        await pilot.press("6")
        await pilot.pause()
        assert "暂无点单" in screen_text(app)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, OrderFormScreen))
        form = app.screen
        form.fields["title"].value = "参观红色教育基地"
        form.fields["wanted_month"].value = "2026-05"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        assert "参观红色教育基地" in screen_text(app) and "已点单" in screen_text(app)
    [order] = orders.list_orders(sqlite_store, branch.id)
    assert (order.member_no, order.wanted_month) == ("002", "2026-05")

    # The secretary takes it into the plan from the orders screen (k on the dashboard).
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        await wait_until(pilot, lambda: isinstance(app.screen, OrdersScreen))
        await pilot.pause()
        assert "王芳" in screen_text(app) and "待答复：1 条" in screen_text(app)
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, TakeOrderScreen))
        form = app.screen
        # filled in from the order: May, a themed day, the title as the topic
        assert form.fields["month"].value == "5"
        assert form.fields["meeting_type"].value == MeetingType.themed_day.value
        assert form.fields["topic"].value == "参观红色教育基地"
        form.fields["answer"].value = "列入五月主题党日"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, OrdersScreen))
        await pilot.pause()
        assert "已接单" in screen_text(app)
    [item] = plans.list_plan(sqlite_store, branch.id, 2026)
    assert (item.month, item.meeting_type, item.topic) == (
        5,
        MeetingType.themed_day,
        "参观红色教育基地",
    )

    # The member sees it taken, with the branch's answer.
    app = member_app(sqlite_store, branch, "002", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await records(app, pilot)
        await pilot.press("6")
        await pilot.pause()
        text = screen_text(app)
        assert "已接单" in text and "列入五月主题党日" in text


@ONLY_EN
async def test_declining_asks_for_a_reason_and_the_status_filter(
    make_app, branch, sqlite_store, lang
):
    place(sqlite_store, branch, "003", "Study session")
    place(sqlite_store, branch, "004", "Volunteer day")
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        await wait_until(pilot, lambda: isinstance(app.screen, OrdersScreen))
        screen = app.screen
        await pilot.pause()
        assert screen.highlighted().title == "Volunteer day"  # newest first
        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(app.screen, DeclineOrderScreen))
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["reason"].has_class("-invalid")
        form.fields["reason"].value = "No budget this year"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert "answer: No budget this year" in screen_text(app)
        await pilot.press("s")  # ordered only
        await pilot.pause()
        assert [r.title for r in screen.rows] == ["Study session"]
        await pilot.press("s", "s")  # declined only
        await pilot.pause()
        assert [r.title for r in screen.rows] == ["Volunteer day"]
        # a declined order cannot be marked done or declined again: said, no dialog
        for key in ("f", "x"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen
        said = [str(n.message) for n in app._notifications]
        assert any("only an order not yet answered can be declined" in m for m in said)
        assert orders.get_order(sqlite_store, branch.id, screen.rows[0].id).status is (
            OrderStatus.declined
        )


@LANGS
async def test_every_section_fits_and_says_when_it_is_empty(branch, sqlite_store, lang):
    app = member_app(sqlite_store, branch, "005", lang)
    empty = {
        "en": ["No points entries", "No talks", "No appraisal result", "No dues standard"],
        "zh": ["暂无本年度积分记录", "暂无谈心谈话记录", "暂无已公布", "尚未设置您的党费标准"],
    }[lang]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await records(app, pilot)
        assert ("陈静" in screen_text(app)) and ("005" in screen_text(app))
        seen = []
        for key in "123456":
            await pilot.press(key)
            await pilot.pause()
            seen.append(screen_text(app))
        for words, text in zip(empty, seen, strict=False):
            assert words in text
        assert screen.section == "orders"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.section == "points"


@ONLY_ZH
async def test_the_member_sees_only_their_own_and_no_confidential_text(branch, sqlite_store, lang):
    secretary = TalkerInput(member_no="001")
    for member_no, day, content, confidential in (
        ("003", date(2026, 3, 2), "谈话的具体内容", True),
        ("004", date(2026, 3, 2), "别人的谈话", False),
        ("003", date(2026, 3, 9), "交流学习体会", False),
    ):
        talks.add_talk(
            sqlite_store,
            branch.id,
            TalkInput(
                date=day,
                member_no=member_no,
                type=TalkType.routine,
                talkers=(secretary,),
                content=content,
                confidential=confidential,
            ),
        )
    place(sqlite_store, branch, "004", "别人的点单")
    app = member_app(sqlite_store, branch, "003", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await records(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        text = screen_text(app)
        assert "2026-03-02" in text and "张伟" in text and "保密" in text
        assert "谈话内容：交流学习体会" in text  # the open talk, highlighted (newest)
        assert "别人的谈话" not in text
        assert len(screen.rows) == 2
        await pilot.press("down")  # the confidential one: said so, its text never shown
        await pilot.pause()
        text = screen_text(app)
        assert "保密谈话" in text and "谈话的具体内容" not in text
        await pilot.press("6")
        await pilot.pause()
        assert "别人的点单" not in screen_text(app) and screen.rows == []


@ONLY_EN
async def test_a_commitment_of_ones_own(branch, sqlite_store, lang):
    app = member_app(sqlite_store, branch, "003", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await records(app, pilot)
        await pilot.press("a")  # nothing to add to one's points
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("5", "a")
        await wait_until(pilot, lambda: isinstance(app.screen, MyCommitmentForm))
        app.screen.fields["commitment"].text = "Help two neighbours every month"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert "Help two neighbours" in screen_text(app)
    [row] = commitments.list_commitments(sqlite_store, branch.id)
    assert (row.member_no, row.year) == ("003", 2026)


@ONLY_EN
async def test_no_other_screen_is_reachable(branch, sqlite_store, lang):
    app = member_app(sqlite_store, branch, "003", lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await records(app, pilot)
        for key in ("ctrl+p", "escape", "m", "g", "k", "p"):
            await pilot.press(key)
            await pilot.pause()
            assert app.screen is screen, key
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.press("q")
        await wait_until(pilot, lambda: not app.is_running)


@ONLY_EN
async def test_a_plan_item_taken_from_an_order_is_not_removed(make_app, branch, sqlite_store, lang):
    from orglife_tui.tui.screens.common.confirm import ConfirmScreen
    from orglife_tui.tui.screens.meetings.plan import PlanScreen

    order = place(sqlite_store, branch, "003", "Study session")
    orders.take_order(sqlite_store, branch.id, order.id, orders.plan_prefill(order, TODAY))
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
        screen = app.screen
        await pilot.pause()
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen)
        said = [str(n.message) for n in app._notifications]
        assert any("came from a member's order" in m for m in said)
        assert len(plans.list_plan(sqlite_store, branch.id, 2026)) == 1
