"""The dues screen at 80×24 in English and Chinese: paid-until and arrears per member, the
payment and standard forms, a member's payments and voiding one, reached by key, palette
and F1. Today is 18 March 2026 (``tests.tui.conftest``); the branch's records start on
1 January 2025."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import update

from orglife_tui.data import dues, ledger
from orglife_tui.data.dues import PaymentInput
from orglife_tui.data.models import branch_t
from orglife_tui.services.points import after_dues_change
from orglife_tui.tui.screens.common.help import HelpScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.dues.dues import DuesPaymentsScreen, DuesScreen
from orglife_tui.tui.screens.dues.dues_form import DuesPaymentForm, DuesStandardForm, DuesVoidForm
from tests.tui.conftest import ONLY_EN, ONLY_ZH, TODAY, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture
def dues_branch(branch, sqlite_store):
    """001 pays 12.50 from 2025-10 and has paid nothing (five months behind on 18 March);
    002 pays 20.00 from 2026-01 and paid January–March on 5 January; 005 pays 2.00 from
    2025-10 and is behind too; 003 and 004 have no standard."""
    sqlite_store.today = lambda: TODAY
    with sqlite_store.write_transaction() as conn:
        conn.execute(
            update(branch_t)
            .where(branch_t.c.id == branch.id)
            .values(records_start=date(2025, 1, 1))
        )
    dues.set_standard(sqlite_store, branch.id, "001", "2025-10", 1250)
    dues.set_standard(sqlite_store, branch.id, "002", "2026-01", 2000)
    dues.set_standard(sqlite_store, branch.id, "005", "2025-10", 200)
    dues.record_payment(
        sqlite_store, branch.id, PaymentInput("002", date(2026, 1, 5), "2026-01", "2026-03", 6000)
    )
    after_dues_change(sqlite_store, branch.id)  # October–December are late for 001 and 005
    return branch


async def open_dues(app, pilot) -> DuesScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("d")
    await wait_until(pilot, lambda: isinstance(app.screen, DuesScreen))
    await pilot.pause()
    return app.screen


def select(screen, member_no: str) -> None:
    screen.table.move_cursor(row=[r.member_no for r in screen.rows].index(member_no))


@LANGS
async def test_every_member_with_paid_until_and_arrears(make_app, dues_branch, lang):
    app = make_app(dues_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dues(app, pilot)
        states = {r.member_no: r.state for r in screen.rows}
        assert list(states) == ["001", "002", "003", "004", "005"]
        assert states["001"].arrears == ("2025-10", "2025-11", "2025-12", "2026-01", "2026-02")
        assert states["002"].paid_until == "2026-03" and states["002"].arrears == ()
        text = screen_text(app)
        if lang == "en":
            assert "As of 2026-03-18: 5 member(s), 2 in arrears, 72.50 yuan owed" in text
            assert "Paid until" in text and "since 2025-10" in text and "no standard set" in text
        else:
            assert "截至 2026-03-18：党员 5 名，欠缴 2 名，欠缴金额 72.50 元" in text
            assert "交至" in text and "自 2025-10 起" in text and "未设标准" in text
        zhang = next(line for line in text.splitlines() if "001" in line)
        assert "12.50" in zhang and "62.50" in zhang and " 5 " in zhang
        assert all(len(line) <= 80 for line in text.splitlines())


@ONLY_ZH
async def test_a_payment_through_the_form(make_app, dues_branch, sqlite_store, lang):
    app = make_app(dues_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dues(app, pilot)
        select(screen, "001")
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, DuesPaymentForm))
        form = app.screen
        # offered: from the first month in arrears to this month, at the standard
        values = form.values()
        assert (values["from_month"], values["to_month"], values["amount"]) == (
            "2025-10",
            "2026-03",
            "75.00",
        )
        assert values["paid_on"] == "2026-03-18"
        assert "001 张伟" in screen_text(app)

        form.fields["paid_on"].value = "2026-03-19"  # tomorrow
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["paid_on"].has_class("-invalid")
        form.fields["paid_on"].value = "2026-03-18"
        form.fields["amount"].value = "75.001"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["amount"].has_class("-invalid")
        assert dues.list_payments(sqlite_store, dues_branch.id, "001") == []

        form.fields["amount"].value = "75"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        zhang = next(r for r in screen.rows if r.member_no == "001")
        assert zhang.state.paid_until == "2026-03" and zhang.state.arrears == ()
        assert screen.highlighted().member_no == "001"
        # October–December were paid late: their points stay; January–March were in time
        late = [
            e
            for e in ledger.iter_entries(sqlite_store, dues_branch.id)
            if e.source == "dues" and e.member_no == "001"
        ]
        assert sorted(e.note for e in late) == ["2025-10", "2025-11", "2025-12"]
        assert sum(e.points for e in late) == -3


@ONLY_EN
async def test_a_standard_through_the_form(make_app, dues_branch, sqlite_store, lang):
    app = make_app(dues_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dues(app, pilot)
        select(screen, "003")
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, DuesStandardForm))
        form = app.screen
        assert form.values() == {"from_month": "2026-03", "standard": ""}
        form.fields["standard"].value = "-3"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["standard"].has_class("-invalid")
        form.fields["standard"].value = "8"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        li = next(r for r in screen.rows if r.member_no == "003")
        assert li.state.standard == 800 and li.state.has_record
        assert "8.00" in screen_text(app)


@ONLY_ZH
async def test_payments_of_a_member_and_voiding_one(make_app, dues_branch, sqlite_store, lang):
    app = make_app(dues_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_dues(app, pilot)
        select(screen, "002")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DuesPaymentsScreen))
        payments = app.screen
        assert [p.from_month for p in payments.rows] == ["2026-01"]
        assert "60.00" in screen_text(app) and "2026-01..2026-03" in screen_text(app)

        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(app.screen, DuesVoidForm))
        form = app.screen
        await pilot.press("ctrl+s")  # a reason is required
        await pilot.pause()
        assert app.screen is form and form.fields["reason"].has_class("-invalid")
        form.fields["reason"].value = "重复登记"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is payments)
        assert payments.rows[0].voided
        text = screen_text(app)
        assert ("VOIDED: 重复登记" if lang == "en" else "已作废：重复登记") in text

        await pilot.press("x")  # already voided: nothing opens
        await pilot.pause()
        assert app.screen is payments
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        wang = next(r for r in screen.rows if r.member_no == "002")
        assert wang.state.arrears == ("2026-01", "2026-02")
        assert dues.list_payments(sqlite_store, dues_branch.id, "002")[0].void_reason == "重复登记"


@ONLY_EN
async def test_the_palette_and_help_reach_the_dues(make_app, dues_branch, lang):
    from textual.command import CommandPalette

    from tests.tui.conftest import palette_has_matches

    app = make_app(dues_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert ("d / 9", "Dues" if lang == "en" else "党费") in app.screen.key_rows()
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*("dues" if lang == "en" else "党费"))
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DuesScreen))
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        assert ("Article 38" if lang == "en" else "党章第三十八条") in text
