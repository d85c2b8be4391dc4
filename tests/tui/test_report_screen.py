"""The year-end report in the TUI at 80×24: the export's Markdown to scroll through, the
year before and after, and from there the export screen with the report chosen."""

from __future__ import annotations

from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.jobs.export import ExportScreen
from orglife_tui.tui.screens.jobs.report import ReportScreen
from tests.tui.conftest import ONLY_EN, ONLY_ZH, palette_has_matches, screen_text, wait_until


async def open_report(app, pilot) -> ReportScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("n")
    await wait_until(pilot, lambda: isinstance(app.screen, ReportScreen))
    screen = app.screen
    await wait_until(pilot, lambda: screen.result is not None)
    return screen


@ONLY_ZH
async def test_the_report_of_this_year_is_the_exported_markdown(make_app, branch, lang, tmp_path):
    from orglife_tui.export.year_report import markdown
    from orglife_tui.services.exports import year_report_of

    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_report(app, pilot)
        expected = markdown(year_report_of(app.session.store, branch, 2026, None))
        assert screen.result == expected
        text = screen_text(app)
        assert "2026年度报告" in text
        assert expected.splitlines()[0][:20] in text
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press("p")  # 2025 holds no records: said, not a traceback
        await wait_until(pilot, lambda: screen.result is not None)
        assert screen.year == 2025
        assert "2025" in str(screen.query_one("#text").render())
        await pilot.press("n", "e")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        export = app.screen
        assert export.kind == "report"
        assert export.fields["path"].value == "2026年度报告.xlsx"


@ONLY_EN
async def test_the_palette_opens_the_report(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+p")
        await pilot.press(*"year-end report")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReportScreen))
        await wait_until(pilot, lambda: app.screen.result is not None)
        assert "Year-end report 2026" in screen_text(app)
