"""The life meeting's screens at 80×24: the participants' records of a life meeting (from
the meetings list and the dashboard), a problem put on the rectification list, the meeting
form's lecturer and form, the leader flag, and the year's posts and commitments."""

from __future__ import annotations

from datetime import date

from orglife_tui.data import commitments, ledger, life_meeting, rectification
from orglife_tui.domain import AttendanceStatus, CommitmentStatus, MeetingForm, MeetingType
from orglife_tui.domain.records import MeetingInput
from orglife_tui.tui.screens.life.commitments import CommitmentsScreen
from orglife_tui.tui.screens.life.commitments_forms import (
    CommitmentFormScreen,
    CommitmentStatusScreen,
)
from orglife_tui.tui.screens.life.life_forms import LifeRecordFormScreen, ProblemFormScreen
from orglife_tui.tui.screens.life.life_meeting import LifeMeetingScreen
from orglife_tui.tui.screens.meetings.meeting_form import MeetingFormScreen
from orglife_tui.tui.screens.meetings.meetings import MeetingsScreen
from orglife_tui.tui.screens.members.member_form import MemberFormScreen
from orglife_tui.tui.screens.members.members import MembersScreen
from tests.tui.conftest import LANGS, ONLY_EN, ONLY_ZH, screen_text, wait_until


def with_life_meeting(store, branch) -> int:
    """A life meeting on 16 March 2026 with 001–003 present."""
    row = store.add_meeting(
        branch.id,
        MeetingInput(date(2026, 3, 16), (MeetingType.life_meeting,), "专题组织生活会"),
    )
    for member in store.list_members(branch.id)[:3]:
        store.set_attendance(branch.id, row.id, member.id, AttendanceStatus.present)
    return row.id


@LANGS
async def test_the_dashboard_opens_the_latest_life_meeting_and_a_record_is_saved(
    make_app, branch, sqlite_store, lang
):
    meeting_id = with_life_meeting(sqlite_store, branch)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LifeMeetingScreen))
        screen = app.screen
        await pilot.pause()
        assert [r.member_no for r in screen.rows] == ["001", "002", "003"]
        text = screen_text(app)
        assert "专题组织生活会" in text
        assert ("3 participant(s)" if lang == "en" else "参会 3 人") in text
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LifeRecordFormScreen))
        form = app.screen
        form.fields["self_check"].text = "理论学习不够深入"
        form.fields["criticism_received"].text = "联系群众不够"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        (saved,) = [
            r
            for r in life_meeting.life_records(sqlite_store, branch.id, meeting_id)
            if r.self_check
        ]
        assert (saved.member_no, saved.criticism_received) == ("002", "联系群众不够")
        text = screen_text(app)
        assert "理论学习不够深入" in text and "联系群众不够" in text  # list and detail


@ONLY_ZH
async def test_a_participants_problem_goes_on_the_rectification_list(
    make_app, branch, sqlite_store, lang
):
    with_life_meeting(sqlite_store, branch)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LifeMeetingScreen))
        screen = app.screen
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, ProblemFormScreen))
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # refused: no problem, no deadline
        assert form.fields["problem"].has_class("-invalid")
        form.fields["problem"].text = "批评与自我批评不够"
        form.fields["deadline"].value = "2026-06-30"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        (item,) = rectification.list_items(sqlite_store, branch.id)
        assert (item.problem, item.owner, item.year) == ("批评与自我批评不够", "张伟", 2026)
        assert screen.rows[0].items[0].id == item.id


@ONLY_EN
async def test_only_a_life_meeting_opens_from_the_meetings_list(
    make_app, branch, sqlite_store, lang
):
    with_life_meeting(sqlite_store, branch)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        screen = app.screen
        await pilot.pause()
        assert screen.highlighted().title == "学习党章"
        await pilot.press("l")
        await pilot.pause()
        assert app.screen is screen
        assert any("not a life meeting" in n.message for n in app._notifications)
        life_row = next(i for i, r in enumerate(screen.rows) if r.title == "专题组织生活会")
        screen.table.move_cursor(row=life_row)
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LifeMeetingScreen))


@ONLY_EN
async def test_without_a_life_meeting_the_dashboard_says_so(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert any("No life meeting recorded yet" in n.message for n in app._notifications)


@ONLY_ZH
async def test_the_meeting_form_takes_the_lecturer_from_the_roster_and_the_form(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingsScreen))
        screen = app.screen
        await pilot.pause()
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingFormScreen))
        form = app.screen
        form.fields["lecturer"].value = "001"
        form.fields["meeting_form"].value = MeetingForm.lecture.value
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        meeting = sqlite_store.get_meeting_by_no(branch.id, "2026-001")
        assert (meeting.lecturer_no, meeting.lecturer, meeting.form) == (
            "001",
            "张伟",
            MeetingForm.lecture,
        )
        lectures = [
            e
            for e in ledger.list_entries(sqlite_store, branch.id)
            if e.item_code == "give_party_lecture"
        ]
        assert [(e.member_no, e.points) for e in lectures] == [("001", 3.0)]


@LANGS
async def test_the_leader_flag_is_set_in_the_form_and_shown_in_the_roster(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await wait_until(pilot, lambda: isinstance(app.screen, MembersScreen))
        screen = app.screen
        await pilot.pause()
        await pilot.press("down", "e")
        await wait_until(pilot, lambda: isinstance(app.screen, MemberFormScreen))
        form = app.screen
        form.fields["leader"].value = "yes"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        assert [m.member_no for m in sqlite_store.list_members(branch.id) if m.leader] == ["002"]
        assert ("cadre" if lang == "en" else "领导") in screen_text(app)


@LANGS
async def test_posts_and_commitments_of_the_year(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, CommitmentsScreen))
        screen = app.screen
        await pilot.pause()
        assert ("No commitments in 2026" if lang == "en" else "2026年暂无承诺") in screen_text(app)
        await pilot.press("a")
        await wait_until(pilot, lambda: isinstance(app.screen, CommitmentFormScreen))
        form = app.screen
        form.fields["member_no"].value = "002"
        form.fields["commitment"].text = "结对帮扶困难群众一户"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, CommitmentStatusScreen))
        status = app.screen
        status.fields["status"].value = CommitmentStatus.fulfilled.value
        status.fields["evaluated_on"].value = "2026-03-10"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        (row,) = commitments.list_commitments(sqlite_store, branch.id, 2026)
        assert (row.status, row.evaluated_on) == (CommitmentStatus.fulfilled, date(2026, 3, 10))
        kept = [
            e
            for e in ledger.list_entries(sqlite_store, branch.id)
            if e.item_code == "commitment_kept"
        ]
        assert [(e.member_no, e.points) for e in kept] == [("002", 2.0)]
        assert "结对帮扶困难群众一户" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert screen.posts
        assert ("No posts in 2026" if lang == "en" else "2026年暂无岗位") in screen_text(app)
