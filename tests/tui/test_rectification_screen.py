"""The rectification list: items with deadline, status and owner; overdue marked; status."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import rectification
from orglife_tui.data.rectification import RectificationInput
from orglife_tui.domain import RectificationStatus
from orglife_tui.tui.screens.rectification.rectification import RectificationScreen
from orglife_tui.tui.screens.rectification.rectification_form import (
    RectificationFormScreen,
    StatusFormScreen,
)
from tests.tui.conftest import ONLY_EN, ONLY_ZH, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture
def listed(branch, sqlite_store):
    """Two items of 2026: one past its deadline (2026-03-01), one due at the end of June."""
    late = rectification.add_item(
        sqlite_store,
        branch.id,
        RectificationInput(2026, "学习制度落实不到位", "张伟", date(2026, 3, 1), "建立学习台账"),
    )
    rectification.add_item(
        sqlite_store,
        branch.id,
        RectificationInput(2026, "党费收缴不及时", "王芳", date(2026, 6, 30)),
    )
    return branch, late


async def open_list(app, pilot) -> RectificationScreen:
    await pilot.press("r")
    await wait_until(pilot, lambda: isinstance(app.screen, RectificationScreen))
    await pilot.pause()
    return app.screen


@LANGS
async def test_items_with_overdue_marked(make_app, listed, lang):
    branch, late = listed
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        assert [r.problem for r in screen.rows] == ["学习制度落实不到位", "党费收缴不及时"]
        text = screen_text(app)
        assert "2026-03-01 !" in text and "2026-06-30 !" not in text
        late_cells, due_cells = (screen.cells(row) for row in screen.rows)
        assert late_cells[1].style == "bold red" and late_cells[2].style == "bold red"
        assert due_cells[1].style == ""
        assert (
            "2 listed, 2 open, 1 overdue" if lang == "en" else "共 2 项，未完成 2 项，逾期 1 项"
        ) in text
        # The highlighted item's measure, in full, under the list.
        assert "建立学习台账" in text


@ONLY_ZH
async def test_done_needs_a_closing_note(make_app, listed, sqlite_store, lang):
    branch, late = listed
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        assert screen.highlighted().id == late.id
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, StatusFormScreen))
        form = app.screen
        form.fields["status"].value = RectificationStatus.done.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: no note
        assert form.fields["closing_note"].has_class("-invalid")
        assert (
            "required to mark it done" if lang == "en" else "标记为已完成时必填"
        ) in screen_text(app)
        item = rectification.get_item(sqlite_store, branch.id, late.id)
        assert item.status is RectificationStatus.open

        form.fields["closing_note"].text = "已建立学习台账并执行"
        form.fields["closed_on"].value = "2026-03-15"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        item = rectification.get_item(sqlite_store, branch.id, late.id)
        assert item.status is RectificationStatus.done
        assert (item.closed_on, item.closing_note) == (date(2026, 3, 15), "已建立学习台账并执行")
        # Still shown (just changed), no longer overdue; the filter hides it on the next look.
        assert screen.highlighted().id == late.id
        assert "2026-03-01 !" not in screen_text(app)
        await pilot.press("o", "o")
        await pilot.pause()
        assert [r.id for r in screen.rows] != [] and late.id not in {r.id for r in screen.rows}
        await pilot.press("o")  # all items
        await pilot.pause()
        assert late.id in {r.id for r in screen.rows}


async def test_move_to_in_progress_and_reopen(make_app, listed, sqlite_store):
    branch, late = listed
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, StatusFormScreen))
        form = app.screen
        # The next status along is offered first.
        assert form.fields["status"].value == RectificationStatus.in_progress.value
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        item = rectification.get_item(sqlite_store, branch.id, late.id)
        assert item.status is RectificationStatus.in_progress


@ONLY_EN
async def test_add_an_item_through_the_form(make_app, listed, sqlite_store, lang):
    branch, _ = listed
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_list(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, RectificationFormScreen))
        form = app.screen
        assert form.fields["year"].value == "2026"
        form.fields["problem"].text = "组织生活形式单一"
        form.fields["deadline"].value = "2026-13-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["deadline"].has_class("-invalid")
        assert form.fields["owner"].has_class("-invalid")  # required
        assert len(rectification.list_items(sqlite_store, branch.id)) == 2

        form.fields["deadline"].value = "2026-09-30"
        form.fields["owner"].value = "李娜"
        form.fields["measure"].text = "每季度开展一次主题党日"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        items = rectification.list_items(sqlite_store, branch.id)
        new = next(r for r in items if r.problem == "组织生活形式单一")
        assert (new.owner, new.deadline, new.status) == (
            "李娜",
            date(2026, 9, 30),
            RectificationStatus.open,
        )
        assert screen.highlighted().id == new.id
        assert "组织生活形式单一" in screen_text(app)


async def test_unknown_meeting_is_refused_in_the_form(make_app, listed, sqlite_store):
    branch, late = listed
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, RectificationFormScreen))
        form = app.screen
        assert form.fields["owner"].value == "张伟"
        form.fields["meeting_no"].value = "2026-999"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["meeting_no"].has_class("-invalid")
        assert rectification.get_item(sqlite_store, branch.id, late.id).meeting_no is None


@ONLY_ZH
async def test_empty_list_tells_how_to_add(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        text = screen_text(app)
        assert (
            "Press a to add a problem" if lang == "en" else "按 a 新增组织生活会上查摆出的问题"
        ) in text
        assert ("^p Commands" if lang == "en" else "^p 命令") in text.splitlines()[-1]
