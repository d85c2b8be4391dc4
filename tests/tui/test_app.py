"""The app shell: dashboard, F1 help, the command palette, Escape and quitting, in both languages."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from orglife_tui.tui.screens.common.help import HelpScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.meetings.meetings import MeetingsScreen
from orglife_tui.tui.screens.members.members import MembersScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, WORDS, palette_has_matches, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@LANGS
async def test_dashboard_shows_the_branch_and_this_month(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        text = screen_text(app)
        assert "第一党支部" in text
        assert WORDS[lang]["counts"] in text
        assert WORDS[lang]["dashboard"] in text
        assert "学习党章" in text and "三月支委会" in text
        assert "二月党员大会" not in text  # last month's meeting is not this month's
        assert ("Meetings in 2026: 3" if lang == "en" else "2026年已开会议：3 次") in text
        # Footer keys in the chosen language
        assert ("m Members" if lang == "en" else "m 党员") in text


async def test_enter_on_a_meeting_of_this_month_opens_its_attendance(make_app, branch):
    from orglife_tui.tui.screens.meetings.attendance import AttendanceScreen

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert app.screen.meeting.title == "三月支委会"
        await pilot.press("p")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "1/0/0" in screen_text(app)


@ONLY_ZH
async def test_empty_branch_tells_a_new_user_what_to_do(make_app, empty_branch, lang):
    app = make_app(empty_branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert ("No members yet" if lang == "en" else "还没有党员") in text
        assert "orglife-tui" not in text  # no command line: the palette imports
        assert ("command palette (Ctrl+P)" if lang == "en" else "命令面板（Ctrl+P）") in text
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        text = screen_text(app)
        assert (
            "Press n to add the first member" if lang == "en" else "按 n 新增第一名党员"
        ) in text


@ONLY_EN
async def test_keys_go_to_screens_and_escape_comes_back(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")  # nothing below the dashboard: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.is_running
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)
        assert WORDS[lang]["members"] in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("escape")
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        assert len(app.screen_stack) == 2


@LANGS
async def test_f1_lists_the_keys_of_the_screen_and_closes(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert WORDS[lang]["help"] in text
        # the meetings screen's own keys, in the user's language
        assert ("[ / shift+←" in text) or ("[ / shift+left" in text)
        assert ("This month" if lang == "en" else "本月") in text
        assert ("Attendance" if lang == "en" else "出勤") in text
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)


@ONLY_ZH
async def test_command_palette_goes_to_a_screen(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*("members" if lang == "en" else "名册"))
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MembersScreen)


async def test_command_palette_new_member_opens_the_form(make_app, branch):
    from orglife_tui.tui.screens.members.member_form import MemberFormScreen

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"new member")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MemberFormScreen)
        assert isinstance(app.screen_stack[-2], MembersScreen)


async def test_q_quits_without_asking(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_nothing_blinks_or_ticks_while_idle(make_app, branch):
    """No clock, no animation, no blinking cursor: an idle app sends nothing over SSH."""
    from textual.widgets import Input

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.animation_level == "none"
        await pilot.press("m", "slash")
        await pilot.pause()
        search = app.screen.query_one("#search", Input)
        assert search.has_focus and search.cursor_blink is False
        assert not app.screen.query("HeaderClock")


async def test_help_lists_each_key_once(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "f1")
        await pilot.pause()
        rows = app.screen.key_rows()
        keys = [k for keys, _ in rows for k in keys.split(" / ")]
        assert len(keys) == len(set(keys)), rows
        assert ("/", "Search") in rows
        assert ("e / ⏎", "Edit") in rows


async def test_command_palette_opens_the_help(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"help")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert isinstance(app.screen.for_screen, MembersScreen)
