"""The members screen: list, search, add and edit, with bad values refused in place."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import DataTable, Input, Select

from orglife_tui.domain import CommitteePost, Gender
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.members.member_form import MemberFormScreen
from orglife_tui.tui.screens.members.members import MembersScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, WORDS, drawn, screen_text

LANGS = pytest.mark.parametrize("lang", ["en", "zh"])


async def open_members(app, pilot):
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, MembersScreen)
    await drawn(app, pilot)
    return app.screen


@LANGS
async def test_list_and_search(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        text = screen_text(app)
        for name in ("张伟", "王芳", "李娜", "刘洋", "陈静"):
            assert name in text
        assert WORDS[lang]["count5"] in text
        assert WORDS[lang]["full"] in text
        assert ("secretary" if lang == "en" else "书记") in text

        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"0000002")  # a phone number fragment
        await pilot.pause()
        assert [m.name for m in screen.rows] == ["王芳"]
        text = screen_text(app)
        assert "王芳" in text and "张伟" not in text
        assert ("1 of 5 members match" if lang == "en" else "找到 1 名（共 5 名）") in text

        await pilot.press("escape")  # clears the search, back to the list
        await pilot.pause()
        assert screen.query_one("#search", Input).value == ""
        assert screen.query_one("#members", DataTable).has_focus
        assert len(screen.rows) == 5

        await pilot.press("slash", *"nobody")
        await pilot.pause()
        assert screen.rows == []
        assert ("No member matches" if lang == "en" else "没有与“nobody”匹配的党员") in screen_text(
            app
        )
        await pilot.press("enter")  # back to the list, filter kept
        await pilot.press("escape")  # clears the filter
        await pilot.pause()
        assert len(screen.rows) == 5
        assert isinstance(app.screen, MembersScreen)
        await pilot.press("escape")  # and now back to the dashboard
        await pilot.pause()
        assert not isinstance(app.screen, MembersScreen)


@ONLY_ZH
async def test_add_member_bad_value_refused_in_place_then_saved(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormScreen)
        assert form.fields["member_no"].has_focus
        await pilot.press(*"006", "enter")
        assert form.fields["name"].has_focus
        form.fields["name"].value = "赵六"
        form.fields["birth_date"].value = "1990-13-01"
        form.fields["phone"].value = "call me"
        form.fields["group"].value = "第三党小组"
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.screen is form  # still open, nothing stored, values kept
        assert form.fields["birth_date"].value == "1990-13-01"
        assert sqlite_store.count_members(branch.id) == 5
        assert form.fields["birth_date"].has_class("-invalid")
        assert form.fields["phone"].has_class("-invalid")
        text = screen_text(app)
        assert "1990-13-01" in text
        assert ("there is no date" if lang == "en" else "不存在") in text
        assert ("Not saved" if lang == "en" else "未保存") in text

        form.fields["birth_date"].value = "1990-01-20"
        form.fields["phone"].value = "13900000006"
        form.fields["gender"].value = Gender.male.value
        form.fields["post"].value = CommitteePost.publicity.value
        form.fields["dues_paid_until"].value = "2026/2"
        await pilot.press("ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, MembersScreen)
        saved = sqlite_store.get_member(branch.id, "006")
        assert saved.name == "赵六"
        assert saved.birth_date == date(1990, 1, 20)
        assert saved.gender is Gender.male
        assert saved.post is CommitteePost.publicity
        assert saved.group == "第三党小组"
        assert saved.dues_paid_until == "2026-02"
        screen = app.screen
        assert screen.highlighted().member_no == "006"  # the cursor is on the new member
        assert "赵六" in screen_text(app)


@ONLY_EN
async def test_required_fields_and_duplicate_number_are_shown_in_the_form(
    make_app, branch, sqlite_store, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert form.fields["member_no"].has_class("-invalid")
        assert form.fields["name"].has_class("-invalid")
        assert WORDS[lang]["required"] in screen_text(app)

        form.fields["member_no"].value = "002"  # taken by 王芳
        form.fields["name"].value = "重号"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        text = screen_text(app)
        assert ("already in the branch" if lang == "en" else "在本支部已存在") in text
        assert form.fields["member_no"].has_class("-invalid")
        assert sqlite_store.get_member(branch.id, "002").name == "王芳"


async def test_probationary_with_full_date_is_marked_at_the_full_date(make_app, branch):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_members(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.fields["member_no"].value = "007"
        form.fields["name"].value = "孙七"
        form.fields["status"].value = "probationary"
        form.fields["full_date"].value = "2025-01-01"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert form.fields["full_date"].has_class("-invalid")
        assert "a probationary member has no full-member date" in screen_text(app)


@ONLY_ZH
async def test_edit_the_highlighted_member(make_app, branch, sqlite_store, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pilot.press("down")  # 王芳
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormScreen)
        assert form.fields["name"].value == "王芳"
        assert "王芳" in screen_text(app)
        form.fields["phone"].value = "13911112222"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert sqlite_store.get_member(branch.id, "002").phone == "13911112222"
        assert "13911112222" in screen_text(app)
        assert screen.highlighted().member_no == "002"

        await pilot.press("e")  # e edits too
        await pilot.pause()
        assert isinstance(app.screen, MemberFormScreen)
        select = app.screen.fields["status"]
        assert isinstance(select, Select) and select.value == "full"


async def test_escape_asks_before_discarding_changes(make_app, branch, sqlite_store):
    app = make_app(branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await pilot.press("escape")  # nothing typed: leaves at once
        await pilot.pause()
        assert app.screen is screen

        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await pilot.press(*"008")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is form and form.fields["member_no"].value == "008"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert sqlite_store.count_members(branch.id) == 5


async def test_long_roster_is_paged(make_app, empty_branch, sqlite_store):
    from orglife_tui.domain import MemberStatus
    from orglife_tui.domain.records import MemberInput
    from orglife_tui.tui.screens.members import members as members_module

    sqlite_store.add_members(
        empty_branch.id,
        [MemberInput(f"{i:05d}", f"党员{i}", MemberStatus.full) for i in range(1, 1201)],
    )
    app = make_app(empty_branch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_members(app, pilot)
        assert len(screen.rows) == members_module.PAGE
        assert "1200 members" in screen_text(app)
        await pilot.press("end")  # the cursor near the end fetches the next page
        await pilot.pause()
        assert len(screen.rows) >= 2 * members_module.PAGE
        await pilot.press("slash", *"01150")
        await pilot.pause()
        assert [m.member_no for m in screen.rows] == ["01150"]
