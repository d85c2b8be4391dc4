"""The annual plan screen: items held or not, per-type summary, add, edit, remove, years."""

from __future__ import annotations

import pytest

from orglife_tui.data import plans
from orglife_tui.data.plans import PlanInput
from orglife_tui.domain import MeetingType
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.meetings.plan import PlanScreen
from orglife_tui.tui.screens.meetings.plan_form import PlanFormScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture
def planned(branch, sqlite_store):
    """Three items of 2026: the March committee meeting (held on 03-12), a general meeting
    some time in the year (held on 02-20) and a January group meeting (never held)."""
    for item in (
        PlanInput(2026, MeetingType.committee_meeting, "三月支委会", month=3),
        PlanInput(2026, MeetingType.general_meeting, "党员大会"),
        PlanInput(2026, MeetingType.group_meeting, "一月小组学习", month=1),
    ):
        plans.add_plan_item(sqlite_store, branch.id, item)
    return branch


async def open_plan(app, pilot) -> PlanScreen:
    await pilot.press("p")
    await wait_until(pilot, lambda: isinstance(app.screen, PlanScreen))
    await pilot.pause()
    return app.screen


@LANGS
async def test_items_show_the_meeting_that_held_them(make_app, planned, lang):
    app = make_app(planned, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot)
        by_topic = {row.topic: row for row in screen.rows}
        assert by_topic["三月支委会"].held_date.isoformat() == "2026-03-12"
        assert by_topic["党员大会"].held_date.isoformat() == "2026-02-20"
        assert by_topic["一月小组学习"].held_date is None
        text = screen_text(app)
        assert "03-12" in text and "02-20" in text
        assert ("not yet held" if lang == "en" else "尚未召开") in text
        assert (
            "Plan for 2026: 3 item(s), 2 held" if lang == "en" else "2026年计划：3 项，已落实 2 项"
        ) in text
        # The per-type line: held of planned.
        assert ("committee meeting 1/1" if lang == "en" else "支部委员会 1/1") in text
        assert ("group meeting 0/1" if lang == "en" else "党小组会 0/1") in text
        assert ("Dec" if lang == "en" else "12月") not in text


@ONLY_ZH
async def test_add_an_item_through_the_form(make_app, planned, sqlite_store, lang):
    app = make_app(planned, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanFormScreen))
        form = app.screen
        await pilot.press("ctrl+s")  # type and topic are required
        await pilot.pause()
        assert app.screen is form
        assert form.fields["meeting_type"].has_class("-invalid")
        assert form.fields["topic"].has_class("-invalid")
        assert len(plans.list_plan(sqlite_store, planned.id, 2026)) == 3

        form.fields["meeting_type"].value = MeetingType.party_lecture.value
        form.fields["month"].value = "6"
        form.fields["topic"].value = "七一党课"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        stored = [
            r for r in plans.list_plan(sqlite_store, planned.id, 2026) if r.topic == "七一党课"
        ]
        assert len(stored) == 1
        assert (stored[0].month, stored[0].meeting_type) == (6, MeetingType.party_lecture)
        assert screen.highlighted().topic == "七一党课"  # the cursor is on the new item
        assert "七一党课" in screen_text(app)


async def test_edit_an_item(make_app, planned, sqlite_store):
    app = make_app(planned, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot)
        index = next(i for i, r in enumerate(screen.rows) if r.topic == "一月小组学习")
        screen.table.move_cursor(row=index)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanFormScreen))
        form = app.screen
        assert form.fields["month"].value == "1"
        form.fields["topic"].value = "一月小组学习（补）"
        form.fields["month"].value = "4"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        row = next(r for r in plans.list_plan(sqlite_store, planned.id, 2026) if r.month == 4)
        assert row.topic == "一月小组学习（补）"


@ONLY_EN
async def test_remove_asks_first(make_app, planned, sqlite_store, lang):
    app = make_app(planned, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot)
        doomed = screen.highlighted()
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert doomed.topic in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen)
        assert len(plans.list_plan(sqlite_store, planned.id, 2026)) == 3

        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: app.screen is screen)
        left = plans.list_plan(sqlite_store, planned.id, 2026)
        assert len(left) == 2 and doomed.id not in {r.id for r in left}
        assert len(screen.rows) == 2


@ONLY_ZH
async def test_years_and_the_empty_year(make_app, planned, sqlite_store, lang):
    plans.add_plan_item(sqlite_store, planned.id, PlanInput(2025, MeetingType.themed_day, "旧计划"))
    app = make_app(planned, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_plan(app, pilot)
        await pilot.press("shift+left")
        await pilot.pause()
        assert [r.topic for r in screen.rows] == ["旧计划"]
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.year == 2027 and screen.rows == []
        text = screen_text(app)
        assert ("Nothing planned for 2027" if lang == "en" else "2027年还没有计划") in text
        assert ("Press a to add the first item" if lang == "en" else "按 a 新增第一项") in text
