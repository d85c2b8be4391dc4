"""The findings list at 80×24: a year's findings of the compliance watch, the whole text
of the highlighted one, stepping through years, Enter on an absence finding.

On the branch of ``compliance_branch`` seen on TODAY (2026-03-18).
"""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.services import watch
from orglife_tui.tui.screens.common.help import HelpScreen
from orglife_tui.tui.screens.compliance.absence import AbsenceScreen
from orglife_tui.tui.screens.compliance.compliance_view import Detail
from orglife_tui.tui.screens.compliance.findings import FindingsScreen
from tests.tui import compliance_branch
from tests.tui.conftest import TODAY, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


@pytest.fixture
def cbranch(sqlite_store):
    return compliance_branch.build(sqlite_store)


async def open_findings(app, pilot) -> FindingsScreen:
    await pilot.press("f")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, FindingsScreen)
    await wait_until(pilot, lambda: screen.loaded)
    return screen


def detail(screen) -> str:
    return screen.query_one("#detail", Detail).text.plain


@LANGS
async def test_this_years_findings_as_of_today(make_app, cbranch, lang):
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_findings(app, pilot)
        assert [(f.rule, f.period, f.subject) for f in screen.findings] == [
            ("committee_meeting_frequency", "2026-02", compliance_branch.BRANCH),
            ("absence_streak", "2026-03", compliance_branch.ABSENT),
        ]
        text = screen_text(app)
        if lang == "en":
            assert "2026 as of 2026-03-18: 1 violation(s), 1 warning(s)" in text
            assert "2026-02  第三党支部  violation  2026-02: committee meeting held 0" in text
            assert "2026-03  004         warning    刘洋 (004) has missed" in text
        else:
            assert "2026年（截至 2026-03-18）：违规 1 项，提醒 1 项" in text
            assert "2026-02  第三党支部  违规  2026年2月支部委员会召开 0 次，应召开 1 次" in text
            assert "2026-03  004         提醒  刘洋（004）已连续 4 个月" in text


async def test_the_highlighted_findings_whole_text_is_shown_below(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_findings(app, pilot)
        assert detail(screen) == screen.findings[0].message
        await pilot.press("down")
        await pilot.pause()
        absence = screen.findings[1]
        assert detail(screen) == absence.message
        # The message cut in the list is whole on the screen below it.
        flat = " ".join(screen_text(app).split())
        assert "step reached (3 months): a reminder talk" in flat
        assert "2025-12–2026-03" in flat


async def test_enter_on_an_absence_finding_opens_the_watch_on_the_member(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_findings(app, pilot)
        await pilot.press("enter")  # the committee finding: nothing to open
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)
        await pilot.press("down", "enter")
        await pilot.pause()
        watch_screen = app.screen
        assert isinstance(watch_screen, AbsenceScreen)
        await wait_until(pilot, lambda: watch_screen.loaded)
        assert watch_screen.highlighted().member_no == compliance_branch.ABSENT
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FindingsScreen)


async def test_years_step_back_judged_as_of_31_december_and_not_into_the_future(
    make_app, cbranch, sqlite_store
):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_findings(app, pilot)
        await pilot.press("shift+left")
        await wait_until(pilot, lambda: screen.loaded)
        assert screen.year == 2025
        assert screen.as_of == date(2025, 12, 31)
        expected = watch.check(sqlite_store, cbranch.id, 2025, date(2025, 12, 31))
        assert [f.as_dict() for f in screen.findings] == [f.as_dict() for f in expected]
        assert "2025 as of 2025-12-31" in screen_text(app)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: screen.loaded)
        assert (screen.year, screen.as_of) == (2026, TODAY)
        await pilot.press("shift+right")  # 2027 has not begun: refused, 2026 stays
        await pilot.pause()
        assert screen.year == 2026
        assert any("2027 has not begun yet" in n.message for n in app._notifications)


async def test_a_year_without_findings_says_so(make_app, empty_branch):
    app = make_app(empty_branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_findings(app, pilot)
        assert screen.findings == []
        assert "No findings for 2026 as of 2026-03-18" in screen_text(app)


async def test_f1_explains_the_list(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_findings(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Every finding of the compliance watch" in text
        assert "Absence watch" in text
