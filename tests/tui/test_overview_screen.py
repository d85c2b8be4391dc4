"""The committee's overview at 80×24: a row per branch, the matrix of the highlighted one,
Enter into a branch read-only.

Two branches on TODAY (2026-03-18): 第三党支部 of ``compliance_branch`` (February's
committee meeting missed) and an empty 第九党支部.
"""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from orglife_tui.tui.screens.compliance.compliance_view import Detail
from orglife_tui.tui.screens.overview.branch_detail import BranchDetailScreen
from orglife_tui.tui.screens.overview.overview import OverviewScreen
from tests.tui import compliance_branch
from tests.tui.conftest import LANGS, ONLY_ZH, palette_has_matches, screen_text, wait_until
from tests.tui.test_export_screen import choose, export_to, open_export


@pytest.fixture
def cbranch(sqlite_store):
    found = compliance_branch.build(sqlite_store)
    sqlite_store.create_branch("第九党支部")
    return found


async def open_overview(app, pilot) -> OverviewScreen:
    await pilot.press("O")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, OverviewScreen)
    await wait_until(pilot, lambda: screen.seen is not None and screen.table.items)
    return screen


@LANGS
async def test_capital_o_lists_every_branch_with_its_figures(make_app, cbranch, lang):
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        assert [b.name for b in screen.seen.branches] == ["第三党支部", "第九党支部"]
        third = screen.seen.branches[0]
        assert (third.members, third.missing) == (4, 1)  # February's committee meeting
        text = screen_text(app)
        if lang == "en":
            assert "2026 as of 2026-03-18: 2 branch(es)" in text
        else:
            assert "2026年，截至2026-03-18：共2个党支部" in text
        row = [line for line in text.splitlines() if "第三党支部" in line][1]  # under the Header
        assert "4" in row and "—" in row  # four members, no appraisal session yet
        assert "第九党支部" in text


async def test_m_shows_the_matrix_of_the_highlighted_branch(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        detail = screen.query_one("#detail", Detail)
        assert "第三党支部: no appraisal this year yet" in detail.text.plain
        await pilot.press("m")
        await pilot.pause()
        text = screen_text(app)
        assert "Committee  ● ✗ ●" in text  # February's committee meeting missing
        assert "held" in text and "not yet due" in text  # the legend
        assert not detail.display
        await pilot.press("m")
        await pilot.pause()
        assert detail.display and "Committee  ● ✗" not in screen_text(app)


@ONLY_ZH
async def test_enter_opens_the_branch_read_only_and_escape_returns(make_app, cbranch, lang):
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, BranchDetailScreen)
        await wait_until(pilot, lambda: bool(detail.table.items))
        rules = [f.rule for f in detail.rows]
        assert rules == ["committee_meeting_frequency", "absence_streak"]
        text = screen_text(app)
        assert "支部详情：第三党支部（只读）" in text
        assert "支委会" in text  # the calendar's committee row
        assert app.session.branch.name == "第三党支部"  # the session's branch is not switched
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_the_command_palette_opens_the_overview(make_app, cbranch):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert CommandPalette.is_open(app)
        await pilot.press(*"committee overview")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


@ONLY_ZH
async def test_the_export_screen_writes_the_overview_of_every_branch(
    make_app, cbranch, tmp_path, lang
):
    app = make_app(cbranch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await choose(pilot, screen, kind="overview", format="md")
        assert screen.fields["path"].value == "2026年各支部总览.md"
        said = await export_to(pilot, screen, tmp_path / "overview.md", kind="overview")
        assert str(tmp_path / "overview.md") in said
    text = (tmp_path / "overview.md").read_text(encoding="utf-8")
    assert "# 2026年各党支部组织生活情况" in text
    assert "| 第三党支部 | 4 | 1 | 1 |" in text and "| 第九党支部 |" in text


async def test_coming_back_reads_again_only_after_a_write(make_app, cbranch, sqlite_store):
    app = make_app(cbranch, "en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        first = screen.seen
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BranchDetailScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert screen.seen is first  # nothing written: the rows as they were
        sqlite_store.create_branch("第五党支部")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, BranchDetailScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: screen.seen is not first and screen.seen is not None)
        assert "第五党支部" in [b.name for b in screen.seen.branches]
