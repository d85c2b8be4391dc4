"""The talks screen: list, filters, the talk form, follow-ups and confidential talks."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete
from textual.widgets import Checkbox, Input, SelectionList

from orglife_tui.data import talks
from orglife_tui.data.models import talk_text_t
from orglife_tui.data.talks import TalkerInput, TalkInput
from orglife_tui.domain import TalkForm, TalkType
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.help import HelpScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.talks.talk_form import FollowUpScreen, TalkFormScreen
from orglife_tui.tui.screens.talks.talks import TalksScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, drawn, screen_text, wait_until

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


def a_talk(member_no: str = "002", **changes) -> TalkInput:
    values = {
        "date": date(2026, 3, 10),
        "member_no": member_no,
        "type": TalkType.routine,
        "talkers": (TalkerInput(member_no="001"),),
        "content": "谈学习情况",
    }
    values.update(changes)
    return TalkInput(**values)


async def open_talks(app, pilot) -> TalksScreen:
    await pilot.press("t")
    await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
    await drawn(app, pilot)
    return app.screen


async def open_form(app, pilot) -> TalkFormScreen:
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, TalkFormScreen))
    await drawn(app, pilot)
    return app.screen


@ONLY_EN
async def test_empty_list_tells_how_to_add_the_first_talk(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        text = screen_text(app)
        assert (
            "Press a to record the first talk" if lang == "en" else "按 a 记录第一次谈话"
        ) in text
        # Every key of the Footer fits on the line, the app's last.
        assert ("^p Commands" if lang == "en" else "^p 命令") in text.splitlines()[-1]


@ONLY_ZH
async def test_add_a_talk_through_the_form_lists_and_stores_it(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_talks(app, pilot)
        form = await open_form(app, pilot)
        assert form.fields["member_no"].has_focus
        await pilot.press(*"002")
        await pilot.pause()
        # The line under the member field names the member found.
        assert ("→ 王芳 (002)" if lang == "en" else "→ 王芳（002）") in screen_text(app)
        form.fields["date"].value = "2026-03-16"
        form.fields["type"].value = TalkType.care.value
        form.fields["form"].value = TalkForm.online.value
        talkers = form.fields["talkers"]
        assert isinstance(talkers, SelectionList)
        talkers.select("001")  # the secretary, the one committee member
        form.fields["other_talkers"].value = "李明/上级党委"
        form.fields["place"].value = "党员活动室"
        form.fields["content"].text = "了解家庭困难"
        form.fields["follow_up_date"].value = "2026-04-01"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)

        stored = talks.list_talks(sqlite_store, branch.id)
        assert len(stored) == 1
        talk = stored[0]
        assert (talk.member_no, talk.date, talk.type, talk.form) == (
            "002",
            date(2026, 3, 16),
            TalkType.care,
            TalkForm.online,
        )
        assert [(k.name, k.post) for k in talk.talkers] == [
            ("张伟", "secretary"),
            ("李明", "上级党委"),
        ]
        assert talk.content == "了解家庭困难"
        assert talk.follow_up_date == date(2026, 4, 1)

        assert [k.id for k in screen.rows] == [talk.id]
        text = screen_text(app)
        assert "03-16" in text and "王芳" in text and "了解家庭困难" in text
        assert ("care" if lang == "en" else "关怀帮扶") in text
        assert ("1 talk(s)" if lang == "en" else "1 次谈话") in text


async def test_member_typed_by_name_and_unknown_member_refused(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        form = await open_form(app, pilot)
        form.fields["member_no"].value = "099"
        form.fields["talkers"].select("001")
        await pilot.pause()
        assert "no member numbered or named “099”" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["member_no"].has_class("-invalid")
        assert talks.count_talks(sqlite_store, branch.id) == 0

        form.fields["member_no"].value = "李娜"  # a unique name does as well as the number
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        assert talks.list_talks(sqlite_store, branch.id)[0].member_no == "003"


@ONLY_EN
async def test_bad_follow_up_date_is_marked_and_nothing_is_stored(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        form = await open_form(app, pilot)
        form.fields["member_no"].value = "002"
        form.fields["talkers"].select("001")
        form.fields["date"].value = "2026-03-10"
        form.fields["follow_up_date"].value = "2026-03-01"  # before the talk
        form.fields["action_deadline"].value = "2026-02-30"  # no such day
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form  # still open, values kept, nothing stored
        assert form.fields["follow_up_date"].value == "2026-03-01"
        assert form.fields["follow_up_date"].has_class("-invalid")
        assert form.fields["action_deadline"].has_class("-invalid")
        assert not form.fields["date"].has_class("-invalid")
        assert talks.count_talks(sqlite_store, branch.id) == 0
        assert ("Not saved" if lang == "en" else "未保存") in screen_text(app)

        form.fields["follow_up_date"].value = "2026-03-20"
        form.fields["action_deadline"].value = ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        assert talks.count_talks(sqlite_store, branch.id) == 1


async def test_no_talker_is_marked_under_the_talkers(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        form = await open_form(app, pilot)
        form.fields["member_no"].value = "002"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["talkers"].has_class("-invalid")
        form.fields["other_talkers"].value = "/上级党委"  # a post without a name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.fields["other_talkers"].has_class("-invalid")
        assert talks.count_talks(sqlite_store, branch.id) == 0


async def test_escape_asks_before_discarding_a_half_filled_talk(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_talks(app, pilot)
        form = await open_form(app, pilot)
        await pilot.press("escape")  # nothing typed: leaves at once
        await wait_until(pilot, lambda: app.screen is screen)
        form = await open_form(app, pilot)
        await pilot.press(*"002")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is form)
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: app.screen is screen)
        assert talks.count_talks(sqlite_store, branch.id) == 0


@LANGS
async def test_confidential_talk_is_listed_without_its_content(
    make_app, branch, sqlite_store, lang
):
    talks.add_talk(
        sqlite_store,
        branch.id,
        a_talk("004", content="家庭矛盾的细节", problems="不宜公开", confidential=True),
    )
    talks.add_talk(sqlite_store, branch.id, a_talk("003", content="公开的内容"))
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_talks(app, pilot)
        text = screen_text(app)
        assert "公开的内容" in text
        assert "家庭矛盾" not in text and "不宜公开" not in text
        assert ("confidential" if lang == "en" else "保密") in text
        assert all(k.redacted for k in screen.rows if k.confidential)

        # A search does not reveal what the confidential texts say.
        await pilot.press("slash", *"家庭")
        await pilot.pause()
        assert screen.rows == []
        await pilot.press("escape")
        await pilot.pause()

        # Opening it asks first; "no" opens nothing and leaves no trace.
        screen.table.move_cursor(row=next(i for i, k in enumerate(screen.rows) if k.confidential))
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen)
        reads = [
            e
            for e in sqlite_store.audit_entries(branch.id)
            if e["action"] == "talk.confidential_read"
        ]
        assert reads == []

        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, TalkFormScreen))
        form = app.screen
        assert form.fields["content"].text == "家庭矛盾的细节"
        assert form.fields["confidential"].value is True
        reads = [
            e
            for e in sqlite_store.audit_entries(branch.id)
            if e["action"] == "talk.confidential_read"
        ]
        assert len(reads) == 1


@LANGS
async def test_a_talk_whose_texts_are_not_visible_says_who_can_read_them(
    make_app, branch, sqlite_store, lang
):
    hidden = talks.add_talk(sqlite_store, branch.id, a_talk("004", content="看不见的内容"))
    # What PostgreSQL's row-level security does for a reader not allowed the texts.
    with sqlite_store.write_transaction() as conn:
        conn.execute(delete(talk_text_t).where(talk_text_t.c.talk_id == hidden.id))
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_talks(app, pilot)
        await wait_until(pilot, lambda: bool(screen.rows))
        text = screen_text(app)
        assert "看不见的内容" not in text
        assert ("Confidential: onl" if lang == "en" else "保密内容：") in text
        # It is not opened (saving the form would overwrite texts never shown).
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen
        message = (
            "Confidential: only the talkers and the branch secretary can read it"
            if lang == "en"
            else "保密内容：仅谈话人和支部书记可见"
        )
        assert any(message == str(n.message) for n in app._notifications)
        # Nor is its follow-up recorded: the result belongs to the texts.
        await pilot.press("f")
        await pilot.pause()
        assert app.screen is screen


async def test_confidential_box_is_stored(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        form = await open_form(app, pilot)
        form.fields["member_no"].value = "002"
        form.fields["talkers"].select("001")
        form.fields["content"].text = "个人隐私"
        box = form.fields["confidential"]
        assert isinstance(box, Checkbox)
        box.value = True
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        assert "个人隐私" not in screen_text(app)
        talk = talks.list_talks(sqlite_store, branch.id, include_confidential=True)[0]
        assert talk.confidential and talk.content == "个人隐私"


@ONLY_ZH
async def test_record_the_follow_up(make_app, branch, sqlite_store, lang):
    talks.add_talk(
        sqlite_store,
        branch.id,
        a_talk(actions="每周交流一次", follow_up_date=date(2026, 3, 15)),
    )
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_talks(app, pilot)
        assert "03-15 !" in screen_text(app)  # due three days ago, not recorded
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(app.screen, FollowUpScreen))
        form = app.screen
        assert "每周交流一次" in screen_text(app)  # the agreed actions, to check against
        assert form.fields["follow_up_date"].value == "2026-03-15"
        form.fields["follow_up_date"].value = "2026-03-01"  # before the talk
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["follow_up_date"].has_class("-invalid")
        assert form.fields["follow_up_result"].has_class("-invalid")  # required

        form.fields["follow_up_date"].value = "2026-03-17"
        form.fields["follow_up_result"].text = "情况已好转"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen)
        talk = talks.list_talks(sqlite_store, branch.id)[0]
        assert (talk.follow_up_date, talk.follow_up_result) == (date(2026, 3, 17), "情况已好转")
        assert "03-17 ✓" in screen_text(app)

        await pilot.press("f")  # recorded once; a correction goes through the talk itself
        await pilot.pause()
        assert app.screen is screen


async def test_filters_year_type_and_search(make_app, branch, sqlite_store):
    sqlite_store.set_records_start(branch.id, date(2025, 1, 1))  # a talk of 2025 too
    talks.add_talk(sqlite_store, branch.id, a_talk("002", type=TalkType.care))
    talks.add_talk(sqlite_store, branch.id, a_talk("003", date=date(2026, 1, 5)))
    talks.add_talk(sqlite_store, branch.id, a_talk("004", date=date(2025, 6, 1)))
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_talks(app, pilot)
        assert [k.member_no for k in screen.rows] == ["002", "003"]  # newest first
        await pilot.press("shift+left")
        await pilot.pause()
        assert [k.member_no for k in screen.rows] == ["004"]
        assert "2025" in screen_text(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.year == 2026

        await pilot.press("t")  # routine
        await pilot.pause()
        assert [k.member_no for k in screen.rows] == ["003"]
        assert "type: routine (t)" in screen_text(app)
        await pilot.press("t")  # pre-life-meeting talks: none
        await pilot.pause()
        assert screen.rows == []
        assert "No talks of this kind in 2026" in screen_text(app)
        for _ in range(len(TalkType) - 1):
            await pilot.press("t")
        await pilot.pause()
        assert screen.type is None and len(screen.rows) == 2

        await pilot.press("slash", *"李娜")
        await pilot.pause()
        assert [k.member_no for k in screen.rows] == ["003"]
        await pilot.press("enter")  # back to the list
        assert screen.table.has_focus


async def test_prefilled_form_records_the_answer_to_an_absence_case(make_app, branch, sqlite_store):
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        prefill = {
            "member_no": "004",
            "type": TalkType.reminder,
            "absence_from": "2025-12",
            "absence_step": "reminder_talk",
            "trigger": "连续三个月未参加组织生活",
        }
        form = TalkFormScreen(app.session, prefill=prefill)
        await app.push_screen(form)
        await pilot.pause()
        assert form.fields["member_no"].value == "004 刘洋"
        assert form.fields["type"].value == TalkType.reminder.value
        assert form.fields["absence_from"].value == "2025-12"
        assert form.fields["absence_step"].value == "reminder_talk"
        assert "谈话提醒" in screen_text(app)
        form.fields["talkers"].select("001")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is not form)
        talk = talks.list_talks(sqlite_store, branch.id)[0]
        assert (talk.member_no, talk.type, talk.absence_from, talk.absence_step) == (
            "004",
            TalkType.reminder,
            "2025-12",
            "reminder_talk",
        )
        assert talk.trigger == "连续三个月未参加组织生活"


async def test_edit_a_talk_keeps_its_talkers(make_app, branch, sqlite_store):
    talks.add_talk(
        sqlite_store,
        branch.id,
        a_talk(talkers=(TalkerInput(member_no="001"), TalkerInput(name="李明", post="上级党委"))),
    )
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TalkFormScreen))
        form = app.screen
        assert form.fields["talkers"].selected == ["001"]
        assert form.fields["other_talkers"].value == "李明/上级党委"
        form.fields["place"].value = "会议室"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        talk = talks.list_talks(sqlite_store, branch.id)[0]
        assert talk.place == "会议室"
        assert [k.name for k in talk.talkers] == ["张伟", "李明"]


@ONLY_EN
async def test_f1_and_escape(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = screen_text(app)
        assert ("coverage" if lang == "en" else "覆盖") in text
        keys = dict(app.screen.key_rows())
        assert {"a / n", "e", "f", "c", "t", "/"} <= set(keys)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TalksScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))


async def test_form_fields_reach_the_bottom_at_80_by_24(make_app, branch):
    app = make_app(branch, "zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_talks(app, pilot)
        form = await open_form(app, pilot)
        last = form.fields["absence_step"]
        last.focus()
        # The body scrolls: the last field comes into view, with the buttons below it.
        await wait_until(pilot, lambda: last.region.height == 1 and 0 < last.region.y < 22)
        assert "Ctrl+S" in screen_text(app)
        assert isinstance(form.fields["member_no"], Input)


@pytest.mark.parametrize(
    ("typed", "screen_class"),
    [
        ("new talk", TalkFormScreen),
        ("talk coverage", "CoverageScreen"),
        ("annual plan", "PlanScreen"),
        ("rectification", "RectificationScreen"),
        ("谈心谈话", TalksScreen),
    ],
)
async def test_command_palette_reaches_the_records_screens(make_app, branch, typed, screen_class):
    from textual.command import CommandPalette

    from tests.tui.conftest import palette_has_matches

    app = make_app(branch, "zh" if typed == "谈心谈话" else "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*typed)
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        name = screen_class if isinstance(screen_class, str) else screen_class.__name__
        await wait_until(pilot, lambda: type(app.screen).__name__ == name)
