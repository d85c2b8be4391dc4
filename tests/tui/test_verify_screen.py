"""The integrity check from the TUI at 80×24: the same check as ``orglife-tui verify``, in
the user's language; a database edited behind the program's back fails, naming the first
broken record, and no message names a command-line option."""

from __future__ import annotations

from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.jobs.verify import VerifyScreen
from tests.data.test_ledger import _tamper
from tests.tui.conftest import ONLY_EN, ONLY_ZH, palette_has_matches, screen_text, wait_until


async def open_verify(app, pilot) -> VerifyScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("y")
    await wait_until(pilot, lambda: isinstance(app.screen, VerifyScreen))
    screen = app.screen
    await wait_until(pilot, lambda: screen.result is not None)
    return screen


def view_text(screen: VerifyScreen) -> str:
    return str(screen.query_one("#text").render())


@ONLY_ZH
async def test_a_good_database_is_verified_in_chinese(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_verify(app, pilot)
        assert screen.result.ok
        text = view_text(screen)
        assert "数据库完整性：正常" in text
        assert "校验通过：哈希链完整" in text
        assert "请记下以便日后核验：" in text
        assert "--expect" not in text and "orglife-tui" not in text
        assert "校验数据" in screen_text(app)


@ONLY_EN
async def test_a_tampered_audit_log_fails_and_names_the_record(make_app, branch, sqlite_url, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_verify(app, pilot)
        assert screen.result.ok
        _tamper(sqlite_url, ["UPDATE audit_log SET operator = 'someone' WHERE id = 2"])
        await pilot.press("r")
        await wait_until(pilot, lambda: screen.result is not None)
        assert not screen.result.ok
        text = view_text(screen)
        assert "First broken entry: audit log entry 2" in text
        assert "Verification FAILED." in text
        assert "--" not in text


@ONLY_EN
async def test_the_palette_runs_the_check(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+p")
        await pilot.press(*"verify")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, VerifyScreen))
        await wait_until(pilot, lambda: app.screen.result is not None)
        assert "Verified" in view_text(app.screen)
