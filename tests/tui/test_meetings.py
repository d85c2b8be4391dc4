"""The meetings screen: month stepping, a new meeting, and the attendance sheet."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import SelectionList

from orglife_tui.domain import AttendanceStatus, MeetingType
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.meetings.attendance import AttendanceScreen
from orglife_tui.tui.screens.meetings.leave_reason import LeaveReasonScreen
from orglife_tui.tui.screens.meetings.meeting_form import MeetingFormScreen
from orglife_tui.tui.screens.meetings.meetings import MeetingsScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, WORDS, drawn, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


async def open_meetings(app, pilot) -> MeetingsScreen:
    await pilot.press("g")
    await pilot.pause()
    assert isinstance(app.screen, MeetingsScreen)
    await drawn(app, pilot)
    return app.screen


def marks(store, branch, meeting_id):
    return {
        line.member_no: (line.status, line.reason)
        for line in store.attendance_sheet(branch.id, meeting_id)
    }


@LANGS
async def test_step_through_months(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meetings(app, pilot)
        text = screen_text(app)
        assert WORDS[lang]["march"] in text
        assert "学习党章" in text and "三月支委会" in text
        await pilot.press("left_square_bracket")
        await pilot.pause()
        text = screen_text(app)
        assert WORDS[lang]["february"] in text
        assert "二月党员大会" in text and "学习党章" not in text
        await pilot.press("shift+right", "right_square_bracket")
        await pilot.pause()
        assert (screen.year, screen.month) == (2026, 4)
        text = screen_text(app)
        assert WORDS[lang]["april_empty"] in text
        assert "2026-03, 2026-02" in text or "2026-03、2026-02" in text
        await pilot.press("shift+left", "shift+left", "shift+left", "shift+left")
        await pilot.pause()
        assert (screen.year, screen.month) == (2025, 12)
        await pilot.press("t")
        await pilot.pause()
        assert (screen.year, screen.month) == (2026, 3)


@ONLY_ZH
async def test_new_meeting_refused_then_saved(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meetings(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        assert form.fields["date"].value == "2026-03-18"  # today, in the month on view
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["type"].has_class("-invalid")
        assert form.fields["title"].has_class("-invalid")
        assert WORDS[lang]["required"] in screen_text(app)

        # the first field refused has the focus: tick "party lecture" and "themed day"
        types = form.fields["type"]
        assert isinstance(types, SelectionList) and types.has_focus
        await pilot.press("down", "down", "down", "space", "down", "space")
        assert set(types.selected) == {"party_lecture", "themed_day"}
        form.fields["title"].value = "学习新党章"
        form.fields["group"].value = "第一党小组"
        form.fields["host"].value = "张伟"
        form.fields["minutes"].text = "一、学习党章。\n二、讨论。"
        form.fields["date"].value = "2026-03-32"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.fields["date"].has_class("-invalid")
        assert not form.fields["title"].has_class("-invalid")
        form.fields["date"].value = "2026年3月16日"  # not after today (18 March)
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is screen
        saved = [m for m in sqlite_store.list_meetings(branch.id) if m.title == "学习新党章"]
        assert len(saved) == 1
        m = saved[0]
        assert m.date == date(2026, 3, 16)
        assert m.types == (MeetingType.party_lecture, MeetingType.themed_day)
        assert m.group == "第一党小组" and m.host == "张伟"
        assert m.minutes == "一、学习党章。\n二、讨论。"
        assert screen.highlighted().id == m.id
        assert "学习新党章" in screen_text(app)


async def test_new_meeting_in_another_month_defaults_to_that_month(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        await pilot.press("left_square_bracket", "n")
        await pilot.pause()
        assert app.screen.fields["date"].value == "2026-02-18"


async def test_edit_meeting(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_meetings(app, pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        assert form.fields["title"].value == "三月支委会"
        assert list(form.fields["type"].selected) == ["committee_meeting"]
        form.fields["place"].value = "党员活动室"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        m = screen.highlighted()
        assert m.title == "三月支委会"
        assert sqlite_store.get_meeting(branch.id, m.id).place == "党员活动室"


@ONLY_EN
async def test_attendance_marking_with_single_keys(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        meetings = await open_meetings(app, pilot)
        meeting = meetings.highlighted()
        await pilot.press("enter")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, AttendanceScreen)
        text = screen_text(app)
        assert WORDS[lang]["attendance"] in text and "学习党章" in text
        assert ("Unmarked 5" if lang == "en" else "未登记 5") in text

        await pilot.press("p", "a")  # 001 present, 002 absent; the cursor moves on
        await pilot.pause()
        assert marks(sqlite_store, branch, meeting.id)["001"] == (AttendanceStatus.present, None)
        assert marks(sqlite_store, branch, meeting.id)["002"] == (AttendanceStatus.absent, None)

        await pilot.press("l")  # 003 on leave: the reason is asked
        await pilot.pause()
        assert isinstance(app.screen, LeaveReasonScreen)
        await pilot.press("enter")  # empty: refused in place
        await pilot.pause()
        assert isinstance(app.screen, LeaveReasonScreen)
        assert ("Leave needs a reason" if lang == "en" else "请假须填写原因") in screen_text(app)
        await pilot.press(*"trip")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is sheet
        assert marks(sqlite_store, branch, meeting.id)["003"] == (AttendanceStatus.leave, "trip")

        await pilot.press("l", "escape")  # 004: Escape changes nothing
        await pilot.pause()
        assert app.screen is sheet
        assert marks(sqlite_store, branch, meeting.id)["004"] == (None, None)

        text = screen_text(app)
        assert WORDS[lang]["present"] in text and WORDS[lang]["absent"] in text
        assert "trip" in text
        assert (
            "Present 1 · Leave 1 · Absent 1 · Unmarked 2"
            if lang == "en"
            else "出席 1　请假 1　缺席 1　未登记 2"
        ) in text

        await pilot.press("up", "up")  # from 004 back to 002, and clear the mark
        await pilot.press("x")
        await pilot.pause()
        assert marks(sqlite_store, branch, meeting.id)["002"] == (None, None)
        await pilot.press(
            "up", "up", "delete"
        )  # the cursor moved on to 003; 001: delete clears too
        await pilot.pause()
        assert marks(sqlite_store, branch, meeting.id)["001"] == (None, None)

        audit = [e["action"] for e in sqlite_store.audit_entries(branch.id)]
        assert audit.count("attendance.set") == 5

        await pilot.press("escape")  # back to the meetings, counts refreshed
        await pilot.pause()
        assert app.screen is meetings
        assert meetings.highlighted().id == meeting.id
        assert meetings.highlighted().leave == 1
        assert "0/1/0" in screen_text(app)


async def test_mark_everyone_unmarked_present(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        meetings = await open_meetings(app, pilot)
        meeting = meetings.highlighted()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "a")  # 002 absent
        await pilot.press("P")  # what a terminal sends for shift+p
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Mark the 4 unmarked member(s) present?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert marks(sqlite_store, branch, meeting.id)["001"] == (None, None)
        await pilot.press("shift+p")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        got = marks(sqlite_store, branch, meeting.id)
        assert got["002"] == (AttendanceStatus.absent, None)
        assert {got[n][0] for n in ("001", "003", "004", "005")} == {AttendanceStatus.present}
        assert "Unmarked 0" in screen_text(app)


async def test_group_meeting_sheet_lists_the_group(make_app, branch, sqlite_store):
    from orglife_tui.domain.records import MeetingInput

    sqlite_store.add_meeting(
        branch.id,
        MeetingInput(
            date(2026, 3, 1), (MeetingType.group_meeting,), "小组学习", group="第一党小组"
        ),
    )
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        await pilot.press("enter")  # the 1 March group meeting is first
        await pilot.pause()
        sheet = app.screen
        assert [line.name for line in sheet.lines] == ["张伟", "王芳"]


async def test_keys_typed_ahead_arrive_in_order(make_app, branch, sqlite_store):
    """Over a slow link the keys come in one packet: p p l reason Enter p P y must all count."""
    from textual import events

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        meetings = await open_meetings(app, pilot)
        meeting = meetings.highlighted()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        # Post the keys to the app the way the terminal driver does, all at once.
        for key in ["p", "a", "l", "s", "i", "c", "k", "enter", "p", "P", "y"]:
            character = key if len(key) == 1 else None
            app.post_message(events.Key(key, character))
        expected = {
            "001": (AttendanceStatus.present, None),
            "002": (AttendanceStatus.absent, None),
            "003": (AttendanceStatus.leave, "sick"),
            "004": (AttendanceStatus.present, None),
            "005": (AttendanceStatus.present, None),
        }
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, AttendanceScreen)
                and marks(sqlite_store, branch, meeting.id) == expected
            ),
        )
        assert marks(sqlite_store, branch, meeting.id) == {
            "001": (AttendanceStatus.present, None),
            "002": (AttendanceStatus.absent, None),
            "003": (AttendanceStatus.leave, "sick"),
            "004": (AttendanceStatus.present, None),
            "005": (AttendanceStatus.present, None),
        }
        assert isinstance(app.screen, AttendanceScreen)


async def test_long_sheet_is_shown_page_by_page(make_app, empty_branch, sqlite_store):
    from orglife_tui.domain import MemberStatus
    from orglife_tui.domain.records import MeetingInput, MemberInput
    from orglife_tui.tui.widgets.table import FIRST_PAGE

    sqlite_store.add_members(
        empty_branch.id,
        [MemberInput(f"{i:04d}", f"党员{i}", MemberStatus.full) for i in range(1, 651)],
    )
    m = sqlite_store.add_meeting(
        empty_branch.id, MeetingInput(date(2026, 3, 2), (MeetingType.general_meeting,), "大会")
    )
    app = make_app(empty_branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        sheet = app.screen
        assert isinstance(sheet, AttendanceScreen)
        assert sheet.table.row_count == FIRST_PAGE  # the rest follows the cursor
        assert "Unmarked 650 (of 650)" in screen_text(app)
        await pilot.press("end")
        await pilot.pause()
        assert sheet.table.row_count == 650
        await pilot.press("a")
        await pilot.pause()
        assert marks(sqlite_store, empty_branch, m.id)["0650"] == (AttendanceStatus.absent, None)
        assert "Absent 1" in screen_text(app)


async def test_group_meeting_names_an_existing_group(make_app, branch, sqlite_store):
    from textual.widgets import Select

    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        group = form.fields["group"]
        assert isinstance(group, Select) and group.is_blank()  # the whole branch
        assert "（全支部）" in screen_text(app)
        form.fields["type"].select("group_meeting")
        form.fields["title"].value = "小组学习"
        group.focus()
        await pilot.press("enter", "down", "down", "enter")  # the list: 第一党小组, 第二党小组
        await pilot.pause()
        assert group.value == "第二党小组"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        saved = [m for m in sqlite_store.list_meetings(branch.id) if m.title == "小组学习"]
        assert [m.group for m in saved] == ["第二党小组"]


async def test_changing_a_meetings_type_moves_its_points(make_app, branch, sqlite_store):
    """A committee meeting re-typed as a general meeting earns the general meeting's points."""
    from orglife_tui.data import ledger
    from orglife_tui.domain import AttendanceStatus

    meeting = next(m for m in sqlite_store.list_meetings(branch.id) if m.title == "三月支委会")
    secretary = sqlite_store.get_member(branch.id, "001")
    sqlite_store.set_attendance(branch.id, meeting.id, secretary.id, AttendanceStatus.present)

    def derived_items() -> list[str]:
        return sorted(
            e.item_code
            for e in ledger.list_entries(sqlite_store, branch.id, member_no="001")
            if e.meeting_no == meeting.meeting_no
            and e.reversed_by is None
            and e.reverses_id is None
        )

    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_meetings(app, pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MeetingFormScreen)
        form.fields["type"].deselect_all()
        form.fields["type"].select("general_meeting")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert derived_items() == ["attend_general_meeting"]


async def test_sheet_with_a_member_away_and_unmarked_shows_the_tally(
    make_app, branch, sqlite_store
):
    """A member away (流动) on the meeting's day and not marked is neither expected nor
    counted: the sheet opens with the tally (it once failed on the unmarked status)."""
    from orglife_tui.data.membership import record_event
    from orglife_tui.domain import MemberEventKind

    record_event(
        sqlite_store,
        branch.id,
        "003",
        MemberEventKind.away,
        date(2026, 3, 1),
        end=date(2026, 3, 31),
        place="广州",
    )
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        meetings = await open_meetings(app, pilot)
        assert meetings.highlighted().date.month == 3
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        text = screen_text(app)
        assert "away" in text
        assert "Present 0 · Leave 0 · Absent 0 · Unmarked 4 (of 5)" in text
