"""The scoreboard shows who left the branch during the year, and when (issue 9 §2), at 80×24
and on a wide terminal."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data.membership import record_event
from orglife_tui.domain import MemberEventKind
from orglife_tui.tui.screens.points.scoreboard import ScoreboardScreen
from tests.tui.conftest import TODAY, screen_text

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])
LEFT = {"en": "out", "zh": "转出"}
DIED = {"en": "died", "zh": "去世"}


@pytest.fixture
def departures(sqlite_store, branch):
    """刘洋 (004) transferred out on 1 March 2026; 李娜 (003) died in 2025."""
    sqlite_store.today = lambda: TODAY
    out = MemberEventKind.transfer_out
    record_event(sqlite_store, branch.id, "004", out, date(2026, 3, 1), place="某区机关党委")
    record_event(sqlite_store, branch.id, "003", MemberEventKind.deceased, date(2025, 12, 2))
    return branch


def _line(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


@LANGS
async def test_a_member_who_left_this_year_is_marked_one_who_left_before_is_gone(
    make_app, departures, lang
):
    app = make_app(departures, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ScoreboardScreen)
        assert sorted(r.member_no for r in screen.rows) == ["001", "002", "004", "005"]
        text = screen_text(app)
        assert LEFT[lang] in _line(text, "刘洋")
        assert "李娜" not in text  # left in 2025: not on the 2026 scoreboard
        await pilot.press("left_square_bracket")  # 2025: 李娜 died in December
        await pilot.pause()
        assert screen.year == 2025
        text = screen_text(app)
        assert DIED[lang] in _line(text, "李娜")
        assert LEFT[lang] not in _line(text, "刘洋")  # in 2025 he was still here


@LANGS
async def test_a_wide_terminal_shows_the_day_a_member_left(make_app, departures, lang):
    app = make_app(departures, lang)
    async with app.run_test(size=(110, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        line = _line(screen_text(app), "刘洋")
        assert LEFT[lang] in line and "03-01" in line
        assert "03-01" not in _line(screen_text(app), "王芳")
