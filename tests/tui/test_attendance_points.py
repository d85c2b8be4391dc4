"""The points follow the attendance sheet: each mark and "all present" sync the ledger."""

from __future__ import annotations

from orglife_tui.data import ledger
from orglife_tui.tui.screens.meetings.attendance import AttendanceScreen
from orglife_tui.tui.screens.meetings.meetings import MeetingsScreen


def live(store, branch) -> set[tuple[str, str]]:
    return {
        (e.member_no, e.item_code)
        for e in ledger.iter_entries(store, branch.id)
        if e.reverses_id is None and e.reversed_by is None
    }


async def test_marks_on_the_sheet_move_the_points(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        await pilot.press("enter")  # the themed day that is also a Party lecture
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)

        await pilot.press("p", "a")  # 001 present, 002 absent
        await pilot.pause()
        assert live(sqlite_store, branch) == {
            ("001", "attend_themed_day"),
            ("001", "attend_party_lecture"),
            ("002", "unexcused_absence"),
        }
        await pilot.press("up", "p")  # 002 was present after all: the deduction is reversed
        await pilot.pause()
        reversal = [e for e in ledger.iter_entries(sqlite_store, branch.id) if e.reverses_id]
        assert [(e.member_no, e.item_code, e.points) for e in reversal] == [
            ("002", "unexcused_absence", 2.0)
        ]
        await pilot.press("P", "y")  # everyone else present
        await pilot.pause()
        assert len(live(sqlite_store, branch)) == 10
        assert ledger.verify(sqlite_store).ok
