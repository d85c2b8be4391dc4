"""The terminal UI over a busy or read-only database (issue 10 §5): it tells that it
waits for another writer, shows the timeout in the form (nothing stored, no crash), and
shows what opening the database found."""

from __future__ import annotations

import os

import pytest

from orglife_tui.data.store import Store
from orglife_tui.tui.screens.members.member_form import MemberFormScreen
from tests.data.test_write_wait import holder
from tests.tui.conftest import TODAY, screen_text


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_save_behind_another_writer_waits_says_so_and_ends_in_the_form(
    make_app, branch, sqlite_store, sqlite_url, lang
):
    sqlite_store.lock_timeout = 2
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MemberFormScreen)
        form.fields["member_no"].value = "006"
        form.fields["name"].value = "赵六"
        with holder(sqlite_url):
            await pilot.press("ctrl+s")
            await pilot.pause()
        await pilot.pause()
        assert app.screen is form  # still open, the values kept
        text = screen_text(app)
        if lang == "en":
            assert "Another user kept the database busy for 2 s" in text
            assert any("Waiting for another writer" in n for n in notes(app))
        else:
            assert "另一用户占用数据库已超过 2 秒" in text
            assert any("正在等待另一个写入操作完成" in n for n in notes(app))
        assert sqlite_store.count_members(branch.id) == 5
        await pilot.press("ctrl+s")  # the other writer is gone: saved now
        await pilot.pause()
        assert sqlite_store.count_members(branch.id) == 6


async def test_a_read_only_database_is_said_on_start_and_refuses_a_save(tmp_path):
    from orglife_tui.tui.app import OrglifeApp

    path = tmp_path / "ro.db"
    store = Store.open(f"sqlite:///{path}", operator="t")
    branch = store.resolve_branch("第一党支部")
    store.close()
    os.chmod(path, 0o400)
    store = Store.open(f"sqlite:///{path}", operator="t")
    try:
        app = OrglifeApp(store=store, branch=branch, lang="en", today=TODAY)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert any("is read-only (the file is not writable)" in n for n in notes(app))
            await pilot.press("m")
            await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            form = app.screen
            form.fields["member_no"].value = "001"
            form.fields["name"].value = "张伟"
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert "The database is read-only" in screen_text(app)
    finally:
        store.close()
