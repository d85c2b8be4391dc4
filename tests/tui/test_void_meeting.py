"""Corrections in the terminal UI (issue 9 §3): void a meeting with a reason from the
meetings screen; a meeting or a mark dated after today is refused in place."""

from __future__ import annotations

from datetime import date

import pytest

from orglife_tui.data import ledger
from orglife_tui.domain import AttendanceStatus, MeetingType
from orglife_tui.domain.records import AttendanceInput, MeetingInput
from orglife_tui.services import points
from orglife_tui.tui.screens.meetings.attendance import AttendanceScreen
from orglife_tui.tui.screens.meetings.meeting_form import MeetingFormScreen, VoidMeetingScreen
from orglife_tui.tui.screens.meetings.meetings import MeetingsScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, drawn, screen_text

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


async def open_meetings(app, pilot) -> MeetingsScreen:
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, MeetingsScreen)
    await drawn(app, pilot)
    return app.screen


def messages(app) -> str:
    return "\n".join(n.message for n in app._notifications)


@pytest.fixture
def marked(sqlite_store, branch):
    """Everyone present at the March themed day (学习党章, also a Party lecture), points synced."""
    sqlite_store.import_attendance(
        branch.id,
        [
            AttendanceInput("2026-001", no, AttendanceStatus.present)
            for no in ("001", "002", "003", "004", "005")
        ],
    )
    points.sync_branch(sqlite_store, branch.id)
    return branch


def live(store, branch, meeting_no: str) -> list:
    return [
        e
        for e in ledger.iter_entries(store, branch.id)
        if e.meeting_no == meeting_no and not e.reverses_id and not e.reversed_by
    ]


@ONLY_ZH
async def test_void_a_meeting_with_a_reason(make_app, marked, sqlite_store, lang):
    assert len(live(sqlite_store, marked, "2026-001")) == 10
    app = make_app(marked, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meetings(app, pilot)
        assert screen.highlighted().title == "学习党章"
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, VoidMeetingScreen)
        text = screen_text(app)
        assert "2026-001" in text and "学习党章" in text
        assert ("5 present" if lang == "en" else "出席 5") in text
        form.fields["reason"].value = "wrong day"
        await pilot.press("enter")  # Enter in the one field voids
        await pilot.pause()
        assert app.screen is screen
        voided = sqlite_store.get_meeting_by_no(marked.id, "2026-001")
        assert voided.voided and voided.void_reason == "wrong day"
        assert [m.title for m in screen.rows] == ["三月支委会"]
        assert "学习党章" not in screen_text(app)
        said = messages(app)
        assert ("Voided meeting 2026-001" if lang == "en" else "已作废会议 2026-001") in said
        assert ("Points reversed: 10" if lang == "en" else "已冲正积分 10 条") in said
    assert live(sqlite_store, marked, "2026-001") == []
    assert ledger.verify(sqlite_store).ok


async def test_a_void_needs_a_reason_and_escape_changes_nothing(make_app, marked, sqlite_store):
    app = make_app(marked, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meetings(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["reason"].has_class("-invalid")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
    assert not sqlite_store.get_meeting_by_no(marked.id, "2026-001").voided
    assert len(live(sqlite_store, marked, "2026-001")) == 10


async def test_the_footer_offers_void(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        assert "v Void" in screen_text(app)


@ONLY_EN
async def test_a_meeting_dated_after_today_is_refused_under_its_date(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        form.fields["date"].value = "2026-03-19"  # the app's today is 18 March
        form.fields["type"].select("themed_day")
        form.fields["title"].value = "明天的主题党日"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["date"].has_class("-invalid")
        text = screen_text(app)
        assert ("after today" if lang == "en" else "晚于今天") in text
    assert "明天的主题党日" not in [m.title for m in sqlite_store.list_meetings(branch.id)]


async def test_a_mark_on_a_meeting_after_today_is_refused(make_app, branch, sqlite_store):
    sqlite_store.today = lambda: date(2026, 3, 31)
    sqlite_store.add_meeting(
        branch.id,
        MeetingInput(date(2026, 3, 25), (MeetingType.themed_day,), "月底主题党日", "F1"),
    )
    app = make_app(branch, "en")  # today is 18 March again
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meetings(app, pilot)
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, AttendanceScreen) and sheet.meeting.meeting_no == "F1"
        await pilot.press("p")
        await pilot.pause()
        assert "Meeting F1 is dated 2026-03-25, after today (2026-03-18)" in messages(app)
        assert sheet.lines[0].status is None
        assert screen is not None
    assert sqlite_store.get_meeting_by_no(branch.id, "F1").present == 0
