"""What must fit 80×24 (issue 12 §2): a notification never hides a table's rows or a dialog's
buttons, every main screen's English footer fits 80 columns, and no message the TUI shows
sends the user to the command line."""

from __future__ import annotations

import pytest
from textual.widgets import Button, DataTable, Footer
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast

from orglife_tui.tui.app import SCREENS
from orglife_tui.tui.compat import screen_lines
from tests.tui.conftest import LANGS, ONLY_EN, wait_until

LONG = (
    "A long message that goes on and on to see what a notification does when it is "
    "wider than the terminal: it must still leave the table and the buttons alone. "
) * 2


def _toast_regions(app):
    """Where the notifications are laid out (one is drawn; its place holds two rows)."""
    return [toast.region for toast in app.screen.query(Toast) if toast.region.height]


def _overlap(a, b) -> bool:
    return a.overlaps(b)


def _toast_rows(app) -> list[int]:
    """The terminal rows that show a notification's text."""
    lines = screen_lines(app.screen)
    return [y for y, line in enumerate(lines) if "long message" in line or "terminal: it" in line]


@LANGS
async def test_a_notification_leaves_the_selected_row_visible(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("m")
        await wait_until(pilot, lambda: bool(app.screen.query(DataTable)))
        table = app.screen.query_one(DataTable)
        await wait_until(pilot, lambda: table.row_count == 5)
        app.notify(LONG, severity="warning")
        await pilot.pause()
        app.notify(LONG, severity="warning")  # a second one replaces the first
        app.notify(LONG)  # … also when they come at once
        for key in ("up", "down", "down", "down", "down", "down"):  # every row, the last too
            await pilot.press(key)
            await pilot.pause()
            rows = _toast_rows(app)
            assert rows, "the notification is shown"
            assert max(rows) <= 1, rows  # over the Header and the column headings at most
            row = table.cursor_coordinate.row
            y = table.region.y + 1 + row - table.scroll_offset.y  # the column headings first
            name = table.get_row_at(row)[1]
            assert y > max(rows) and str(name) in screen_lines(app.screen)[y], (key, y)


@ONLY_EN
async def test_a_notification_leaves_a_dialogs_buttons_visible(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("m")
        await wait_until(pilot, lambda: bool(app.screen.query(DataTable)))
        await pilot.press("n")  # the new-member form
        await wait_until(pilot, lambda: bool(app.screen.query(Button)))
        app.notify(LONG, severity="error")
        await pilot.pause()
        toasts = _toast_regions(app)
        assert toasts
        buttons = [b.region for b in app.screen.query(Button) if b.region.height]
        assert buttons
        assert not any(_overlap(t, b) for t in toasts for b in buttons)


MAIN_SCREENS = sorted(SCREENS)


@ONLY_EN
async def test_the_english_footer_fits_80_columns(make_app, branch, lang):
    """Every registered screen, one after another in one app (each shown as the user
    reaches it, over the dashboard)."""
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        for name in MAIN_SCREENS:
            screen = app.go(name)
            await wait_until(
                pilot, lambda shown=screen: app.screen is shown and bool(shown.query(Footer))
            )
            await pilot.pause()
            keys = [k for k in screen.query(FooterKey) if k.display]
            assert keys, name
            # Laid out one after another: the last key's right edge is the footer's width.
            widest = max(k.region.right for k in keys)
            assert widest <= 80, (name, widest, [str(k.description) for k in keys])
            assert all(k.region.width > 0 for k in keys), name


@pytest.mark.parametrize("lang", ["zh"])
async def test_a_chinese_notification_is_drawn_whole_over_the_header(make_app, branch, lang):
    """Wide characters at odd and even columns: none is lost where the Header's parts meet."""
    app = make_app(branch, lang)
    message = "按 q 或 Ctrl+Q 退出。" + "a或" * 8
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify(message)
        await pilot.pause()
        top = screen_lines(app.screen)[0]
        assert message in top, top
