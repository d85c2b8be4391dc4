"""Member events on the members screen at 80×24 (issue 9 §2): the event keys and their
menu, each form with the data layer's checks shown in place, the archived view, a
member's history with voiding, the conversion watch and a member transferred in."""

from __future__ import annotations

import json
from datetime import date

import pytest

from orglife_tui.data.membership import member_events, record_event
from orglife_tui.data.store import STANDING_ARCHIVED
from orglife_tui.domain import MemberEventKind, MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.tui.screens.common.help import HelpScreen
from orglife_tui.tui.screens.members.member_events import (
    EventMenuScreen,
    MemberEventFormScreen,
    TransferInFormScreen,
    VoidEventFormScreen,
)
from orglife_tui.tui.screens.members.member_history import MemberHistoryScreen
from orglife_tui.tui.screens.members.members import MembersScreen
from orglife_tui.tui.screens.members.probation_watch import ProbationWatchScreen
from tests.tui.conftest import (
    ONLY_EN,
    ONLY_ZH,
    TODAY,
    drawn,
    palette_has_matches,
    screen_text,
    wait_until,
)

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture
def due(sqlite_store, branch):
    """Two more probationary members: 006's year ended on 2026-03-01 (17 days overdue on
    2026-03-18), 007's ends on 2026-04-10 (23 days left)."""
    sqlite_store.today = lambda: TODAY
    sqlite_store.add_members(
        branch.id,
        [
            MemberInput("006", "周敏", MemberStatus.probationary, join_date=date(2025, 3, 1)),
            MemberInput("007", "吴昊", MemberStatus.probationary, join_date=date(2025, 4, 10)),
        ],
    )
    return branch


async def open_members(app, pilot) -> MembersScreen:
    await pilot.press("m")
    await wait_until(pilot, lambda: isinstance(app.screen, MembersScreen))
    await drawn(app, pilot)
    return app.screen


async def pick(app, pilot, member_no: str) -> None:
    """Put the cursor on a member of the list."""
    screen = app.screen
    index = screen.table.find(lambda m: m.member_no == member_no)
    assert index is not None, member_no
    screen.table.move_cursor(row=index, animate=False)
    await pilot.pause()


async def open_form(app, pilot, key: str):
    await pilot.press(key)
    await wait_until(pilot, lambda: not isinstance(app.screen, MembersScreen | EventMenuScreen))
    return app.screen


def last_audit(store) -> tuple[str, str, dict]:
    entry = store.audit_entries(limit=1)[0]
    return entry["action"], entry["operator"], json.loads(entry["detail"])


@LANGS
async def test_the_footer_fits_and_f1_lists_every_event_key(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        assert ("r Event" if lang == "en" else "r 变动") in footer
        assert ("v Archived" if lang == "en" else "v 历史党员") in footer
        assert ("^p Commands" if lang == "en" else "^p 命令") in footer  # the whole line fits
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        rows = dict(app.screen.key_rows())
        expected = {
            "o": ("Transfer out (组织关系转出)", "组织关系转出"),
            "c": ("Convert to full member (转正)", "预备党员转正"),
            "t": ("Extend the probation", "延长预备期"),
            "a": ("Away (流动党员)", "流动外出"),
            "b": ("Back from away", "流动返回"),
            "d": ("Deceased (去世)", "去世"),
            "x": ("Removed (除名/出党)", "除名/出党/停止党籍"),
            "h": ("History of the member", "变动记录"),
            "i": ("New member transferred in", "组织关系转入（新党员）"),
            "w": ("Conversion watch", "转正提醒"),
        }
        for key, (en, zh) in expected.items():
            assert rows[key] == (en if lang == "en" else zh)
        assert rows["v"] == ("Archived" if lang == "en" else "历史党员")
        assert rows["r"] == ("Event" if lang == "en" else "变动")


@ONLY_EN
async def test_transfer_out_moves_the_member_to_the_archived_view(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pick(app, pilot, "002")
        form = await open_form(app, pilot, "o")
        assert isinstance(form, MemberEventFormScreen) and form.action == "transfer_out"
        assert form.fields["date"].value == TODAY.isoformat()  # today, to be corrected
        assert form.fields["date"].has_focus
        text = screen_text(app)
        assert "王芳" in text and ("out on" if lang == "en" else "转出日期") in text
        form.fields["date"].value = "2026-03-10"
        form.fields["place"].value = "市委党校党支部"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)

        assert "002" not in [m.member_no for m in screen.rows]
        row = sqlite_store.get_member(branch.id, "002")
        assert (row.left_on, row.left_kind) == (date(2026, 3, 10), "transfer_out")
        assert last_audit(sqlite_store)[:2] == ("member.transfer_out", "tester")
        assert ("4 members" if lang == "en" else "共 4 名党员") in screen_text(app)

        await pilot.press("v")
        await pilot.pause()
        assert screen.standing == STANDING_ARCHIVED
        assert [m.member_no for m in screen.rows] == ["002"]
        text = screen_text(app)
        assert "2026-03-10" in text
        assert ("transfer out" if lang == "en" else "组织关系转出") in text
        assert ("1 archived members" if lang == "en" else "历史党员 1 名") in text
        await pilot.press("v")
        await pilot.pause()
        assert len(screen.rows) == 4


@ONLY_ZH
async def test_a_refused_event_is_shown_in_the_form_and_nothing_is_saved(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        await pick(app, pilot, "002")
        form = await open_form(app, pilot, "d")
        form.fields["date"].value = "2026-03-19"  # tomorrow
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["date"].has_class("-invalid")
        text = screen_text(app)
        assert ("is in the future" if lang == "en" else "尚未到来") in text
        form.fields["date"].value = "2010-05-31"  # before 王芳 joined (2010-06-01)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert ("only joined the Party on 2010-06-01" if lang == "en" else "才入党") in screen_text(
            app
        )
        form.fields["date"].value = "2026-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert ("there is no date" if lang == "en" else "不存在") in screen_text(app)
        assert member_events(sqlite_store, branch.id, "002") == []
        assert sqlite_store.get_member(branch.id, "002").left_on is None


@ONLY_EN
async def test_converting_a_full_member_is_refused_in_the_form(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        await pick(app, pilot, "001")
        form = await open_form(app, pilot, "c")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert ("not a probationary member" if lang == "en" else "不是预备党员") in screen_text(app)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("o", "transfer_out"),
        ("c", "conversion"),
        ("t", "probation_extended"),
        ("a", "away"),
        ("b", "back"),
        ("d", "deceased"),
        ("x", "removed"),
        ("h", MemberHistoryScreen),
        ("w", ProbationWatchScreen),
        ("i", TransferInFormScreen),
    ],
)
async def test_the_event_menu_opens_each_event(make_app, branch, key, expected):
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pick(app, pilot, "005")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, EventMenuScreen))
        text = screen_text(app)
        assert "陈静（005）的变动" in text and "o  组织关系转出" in text and "w  转正提醒" in text
        target = await open_form(app, pilot, key)
        if isinstance(expected, str):
            assert isinstance(target, MemberEventFormScreen) and target.action == expected
            assert "陈静（005）" in screen_text(app)
        else:
            assert isinstance(target, expected)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)


async def test_the_menu_is_left_with_escape_and_chosen_with_enter(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, EventMenuScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, EventMenuScreen))
        await pilot.press("down", "enter")  # the second choice: conversion
        await wait_until(pilot, lambda: isinstance(app.screen, MemberEventFormScreen))
        assert app.screen.action == "conversion"


@ONLY_ZH
async def test_the_conversion_watch_converts_and_extends(make_app, due, sqlite_store, lang):
    app = make_app(due, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, ProbationWatchScreen))
        watch = app.screen
        assert [p.member_no for p in watch.rows] == ["006", "007"]  # 005 ends in September
        await drawn(app, pilot)
        text = screen_text(app)
        assert ("17 days overdue" if lang == "en" else "已超期 17 天") in text
        assert ("23 days left" if lang == "en" else "还有 23 天") in text
        footer = text.splitlines()[-1]
        assert ("c Convert" if lang == "en" else "c 转正") in footer
        assert ("^p Commands" if lang == "en" else "^p 命令") in footer

        await pilot.press("c")  # on 006, overdue: the form proposes the day the year ended
        await wait_until(pilot, lambda: isinstance(app.screen, MemberEventFormScreen))
        form = app.screen
        assert form.fields["date"].value == "2026-03-01"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is watch)
        assert [p.member_no for p in watch.rows] == ["007"]
        row = sqlite_store.get_member(due.id, "006")
        assert (row.status, row.full_date) == (MemberStatus.full, date(2026, 3, 1))

        await pilot.press("t")  # extend 007's probation
        await wait_until(pilot, lambda: isinstance(app.screen, MemberEventFormScreen))
        form = app.screen
        form.fields["until"].value = "2027-05-01"  # beyond a year's extension
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["until"].has_class("-invalid")
        assert ("at most one year" if lang == "en" else "不能超过一年") in screen_text(app)
        form.fields["until"].value = "2026-10-10"
        form.fields["reason"].value = "需继续考察"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is watch)
        assert watch.rows == []
        assert ("No probationary member" if lang == "en" else "没有在 30 天内期满") in screen_text(
            app
        )
        (event,) = member_events(sqlite_store, due.id, "007")
        assert (event.kind, event.end_date, event.reason) == (
            MemberEventKind.probation_extended,
            date(2026, 10, 10),
            "需继续考察",
        )


async def test_the_conversion_watch_from_the_command_palette(make_app, due):
    app = make_app(due, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"conversion")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ProbationWatchScreen))
        assert "周敏" in screen_text(app)


async def test_archived_members_from_the_command_palette(make_app, branch, sqlite_store):
    sqlite_store.today = lambda: TODAY
    record_event(sqlite_store, branch.id, "004", MemberEventKind.deceased, date(2026, 2, 1))
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"历史党员")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MembersScreen))
        await pilot.pause()
        assert [m.member_no for m in app.screen.rows] == ["004"]
        assert "去世" in screen_text(app)


@ONLY_EN
async def test_away_then_back(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pick(app, pilot, "003")
        form = await open_form(app, pilot, "a")
        form.fields["date"].value = "2026-01-05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.fields["place"].has_class("-invalid")  # where is required
        form.fields["place"].value = "深圳市某社区党委"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        assert "003" in [m.member_no for m in screen.rows]  # away is not leaving

        form = await open_form(app, pilot, "a")  # a second, overlapping period
        form.fields["date"].value = "2026-02-01"
        form.fields["place"].value = "广州"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert ("already recorded as away" if lang == "en" else "已有流动外出记录") in screen_text(
            app
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard the typed values
        await wait_until(pilot, lambda: app.screen is screen)

        form = await open_form(app, pilot, "b")
        form.fields["date"].value = "2026-03-02"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        (event,) = member_events(sqlite_store, branch.id, "003")
        assert (event.date, event.end_date, event.place) == (
            date(2026, 1, 5),
            date(2026, 3, 1),
            "深圳市某社区党委",
        )
        assert last_audit(sqlite_store)[:2] == ("member.back", "tester")


async def test_removal_needs_a_reason(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pick(app, pilot, "004")
        form = await open_form(app, pilot, "x")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["reason"].has_class("-invalid")
        assert sqlite_store.get_member(branch.id, "004").left_on is None
        form.fields["reason"].value = "支部大会决定除名"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        row = sqlite_store.get_member(branch.id, "004")
        assert (row.left_on, row.left_kind) == (TODAY, "removed")
        assert last_audit(sqlite_store)[2]["reason"] == "支部大会决定除名"


@LANGS
async def test_history_shows_the_events_and_voids_one(make_app, branch, sqlite_store, lang):
    sqlite_store.today = lambda: TODAY
    record_event(
        sqlite_store,
        branch.id,
        "003",
        MemberEventKind.away,
        date(2026, 1, 5),
        end=date(2026, 1, 31),
        place="广州",
    )
    record_event(
        sqlite_store, branch.id, "003", MemberEventKind.transfer_out, date(2026, 3, 1), place="错登"
    )
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert [m.member_no for m in screen.rows] == ["003"]
        await pilot.press("h")
        await wait_until(pilot, lambda: isinstance(app.screen, MemberHistoryScreen))
        history = app.screen
        assert [e.kind for e in history.rows] == [
            MemberEventKind.away,
            MemberEventKind.transfer_out,
        ]
        text = screen_text(app)
        assert "广州" in text and "错登" in text and "tester" in text
        assert ("left on 2026-03-01" if lang == "en" else "2026-03-01 组织关系转出") in text
        assert ("x Void" if lang == "en" else "x 作废") in text.splitlines()[-1]

        await pilot.press("end")  # the transfer out
        await pilot.press("x")
        await wait_until(pilot, lambda: isinstance(app.screen, VoidEventFormScreen))
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["reason"].has_class("-invalid")
        form.fields["reason"].value = "登记错了人"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is history)
        assert history.rows[-1].voided
        assert ("Void: 登记错了人" if lang == "en" else "已作废：登记错了人") in screen_text(app)
        assert sqlite_store.get_member(branch.id, "003").left_on is None
        assert last_audit(sqlite_store)[:2] == ("member.void_event", "tester")

        await pilot.press("x")  # a voided event cannot be voided again
        await pilot.pause()
        assert app.screen is history
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen)
        assert screen.rows == []  # nobody has left any more
        await pilot.press("v")
        await pilot.pause()
        assert "003" in [m.member_no for m in screen.rows]


@ONLY_ZH
async def test_a_member_transferred_in_through_the_form(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        form = await open_form(app, pilot, "i")
        assert isinstance(form, TransferInFormScreen)
        form.fields["member_no"].value = "010"
        form.fields["name"].value = "周强"
        form.fields["join_date"].value = "2026-03-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # where from is required; the date came before joining
        assert form.fields["place"].has_class("-invalid")
        form.fields["place"].value = "区教育局党支部"
        form.fields["date"].value = "2026-02-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["join_date"].has_class("-invalid")
        assert sqlite_store.count_members(branch.id) == 5
        form.fields["join_date"].value = "2005-07-01"
        form.fields["full_date"].value = "2006-07-01"
        form.fields["group"].value = "第二党小组"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        row = sqlite_store.get_member(branch.id, "010")
        assert (row.entered_on, row.join_date, row.group) == (
            date(2026, 2, 1),
            date(2005, 7, 1),
            "第二党小组",
        )
        assert "010" in [m.member_no for m in screen.rows]
        assert last_audit(sqlite_store)[:2] == ("member.transfer_in", "tester")
