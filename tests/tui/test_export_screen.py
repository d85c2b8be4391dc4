"""The export screen at 80×24: every export of the CLI written from the TUI to a file that
opens with its rows; the file name offered in the working folder, an existing file replaced
only after a yes, a path that cannot be written said in place. Today is 18 March 2026
(``tests.tui.conftest``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.dashboard.dashboard import DashboardScreen
from orglife_tui.tui.screens.jobs.export import ExportScreen, default_name, target_path
from tests.tui.conftest import (
    ONLY_EN,
    ONLY_ZH,
    drawn,
    palette_has_matches,
    screen_text,
    wait_until,
)


async def open_export(app, pilot) -> ExportScreen:
    await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
    await pilot.press("e")
    await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
    await drawn(app, pilot)
    return app.screen


async def choose(pilot, screen: ExportScreen, **values: str | bool) -> None:
    """Set the form's fields as a user would pick them (a Select's value, a tick, text)."""
    for name, value in values.items():
        screen.fields[name].value = value
        await pilot.pause()


async def export_to(pilot, screen: ExportScreen, path: Path, **values: str | bool) -> str:
    """Choose, name the file, press Ctrl+S and wait for the line saying where it went."""
    await choose(pilot, screen, **values)
    await choose(pilot, screen, path=str(path))
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: screen.written == path or "-invalid" in _classes(screen))
    return str(screen.query_one("#summary").render())


def _classes(screen: ExportScreen) -> set[str]:
    return {c for w in screen.fields.values() for c in w.classes}


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


@ONLY_ZH
async def test_scores_xlsx_under_a_chinese_name_in_the_working_folder(
    make_app, branch, tmp_path, lang, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        path = screen.fields["path"]
        assert path.value == "2026年积分表.xlsx"
        await choose(pilot, screen, format="csv")
        assert path.value == "2026年积分表.csv"
        await choose(pilot, screen, format="xlsx", year="2025")
        assert path.value == "2025年积分表.xlsx"
        await choose(pilot, screen, kind="ledger", year="")
        assert path.value == "积分台账.xlsx"  # every year
        await choose(pilot, screen, kind="scores", year="2026")
        assert path.value == "2026年积分表.xlsx"
        text = screen_text(app)
        assert "导出内容" in text and "积分表" in text and "文件" in text
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: screen.written is not None)
        written = tmp_path / "2026年积分表.xlsx"
        assert screen.written == written
        summary = str(screen.query_one("#summary").render())
        assert str(written) in summary and "已写入" in summary
    from openpyxl import load_workbook

    rows = list(load_workbook(written).worksheets[0].iter_rows(values_only=True))
    assert any("张伟" in [str(v) for v in row] for row in rows)


@ONLY_EN
async def test_each_export_writes_its_file_with_its_rows(make_app, branch, tmp_path, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        said = await export_to(pilot, screen, tmp_path / "scores.csv", kind="scores", format="csv")
        assert "Wrote 5 row(s)" in said
        rows = read_csv(tmp_path / "scores.csv")
        assert any("张伟" in row for row in rows)

        await export_to(pilot, screen, tmp_path / "ledger.json", kind="ledger", format="json")
        assert json.loads((tmp_path / "ledger.json").read_text(encoding="utf-8"))

        said = await export_to(pilot, screen, tmp_path / "notice.md", kind="publicity", format="md")
        assert "Recorded as publicity no. 1" in said
        assert "张伟" in (tmp_path / "notice.md").read_text(encoding="utf-8")

        await export_to(pilot, screen, tmp_path / "talks.csv", kind="talks", format="csv")
        assert (tmp_path / "talks.csv").exists()

        said = await export_to(pilot, screen, tmp_path / "report.md", kind="report", format="md")
        assert "report" in said
        assert "第一党支部" in (tmp_path / "report.md").read_text(encoding="utf-8")

        await export_to(pilot, screen, tmp_path / "dues.csv", kind="dues", format="csv")
        dues_rows = read_csv(tmp_path / "dues.csv")
        assert any("张伟" in row for row in dues_rows)


@ONLY_EN
async def test_a_recorded_notice_is_written_again_as_recorded(make_app, branch, tmp_path, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await export_to(pilot, screen, tmp_path / "first.md", kind="publicity", format="md")
        await pilot.press("escape")
        screen = await open_export(app, pilot)
        await choose(pilot, screen, kind="publicity", notice="1", format="md")
        assert not screen.query_one("#row-year").display  # a recorded notice has its year
        said = await export_to(pilot, screen, tmp_path / "again.md")
        assert "Recorded" not in said
        first = (tmp_path / "first.md").read_text(encoding="utf-8")
        assert (tmp_path / "again.md").read_text(encoding="utf-8") == first


@ONLY_EN
async def test_an_existing_file_is_replaced_only_after_a_yes(make_app, branch, tmp_path, lang):
    target = tmp_path / "scores.csv"
    target.write_text("keep me", encoding="utf-8")
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await choose(pilot, screen, format="csv", path=str(target))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.pause()
        assert "scores.csv exists" in screen_text(app).replace("\n", "")
        await pilot.press("n")
        await wait_until(pilot, lambda: app.screen is screen)
        assert target.read_text(encoding="utf-8") == "keep me"
        assert "Nothing written" in str(screen.query_one("#summary").render())
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(pilot, lambda: screen.written == target)
    assert any("张伟" in row for row in read_csv(target))


@ONLY_ZH
async def test_a_path_that_cannot_be_written_is_said_under_the_field(
    make_app, branch, tmp_path, lang
):
    out = tmp_path / "out"
    out.mkdir()
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        missing = out / "没有这个目录" / "积分表.csv"
        await export_to(pilot, screen, missing)
        error = str(screen.query_one("#error-path").render())
        assert "没有这个目录" in error
        assert screen.written is None and not missing.parent.exists()
        await export_to(pilot, screen, out)  # a folder, not a file
        assert str(out) in str(screen.query_one("#error-path").render())
        await choose(pilot, screen, year="二〇二六")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "请输入年份" in str(screen.query_one("#error-year").render())
        assert "--" not in screen_text(app)  # no CLI option in a TUI message
    assert list(out.iterdir()) == []  # nothing half-written


@ONLY_EN
async def test_an_unknown_member_of_a_ledger_is_said_at_the_member(
    make_app, branch, tmp_path, lang
):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await export_to(pilot, screen, tmp_path / "l.csv", kind="ledger", member="999")
        assert "999" in str(screen.query_one("#error-member").render())
        assert not (tmp_path / "l.csv").exists()


@ONLY_EN
async def test_the_palette_opens_the_dues_register_export(make_app, branch, tmp_path, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        await pilot.press("ctrl+p")
        await pilot.press(*"dues register")
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportScreen))
        screen = app.screen
        assert screen.kind == "dues"
        assert screen.fields["path"].value == "dues-2026.xlsx"
        await export_to(pilot, screen, tmp_path / "dues.xlsx")
        assert (tmp_path / "dues.xlsx").stat().st_size > 0


def test_file_names_and_paths(tmp_path):
    assert default_name("ledger", "csv", None) == "ledger.csv"
    assert default_name("appraisal", "md", 2025, feedback=True) == "appraisal-feedback-2025.md"
    assert target_path("a/b.csv", tmp_path) == tmp_path / "a" / "b.csv"
    assert target_path("~/x.csv", tmp_path) == Path.home() / "x.csv"
    assert target_path(str(tmp_path / ".." / "y.md"), tmp_path) == tmp_path.parent / "y.md"


@pytest.mark.parametrize("lang", ["en"])
async def test_appraisal_needs_a_closed_session(make_app, branch, tmp_path, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await export_to(pilot, screen, tmp_path / "a.md", kind="appraisal")
        assert "No appraisal session" in str(screen.query_one("#error-session").render())
        assert not (tmp_path / "a.md").exists()


@ONLY_ZH
async def test_a_closed_appraisal_and_its_feedback(make_app, sqlite_store, tmp_path, lang):
    from tests.export import appraisal_session

    session_id = appraisal_session.build(sqlite_store)
    branch = sqlite_store.resolve_branch(appraisal_session.BRANCH)
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        await choose(pilot, screen, kind="appraisal", format="md")
        assert screen.fields["session"].value == str(session_id)
        assert screen.fields["path"].value == "2025年民主评议汇总.md"
        said = await export_to(pilot, screen, tmp_path / "汇总.md")
        assert f"第 {session_id} 号民主评议情况汇总" in said
        assert "朱海波" in (tmp_path / "汇总.md").read_text(encoding="utf-8")
        said = await export_to(pilot, screen, tmp_path / "反馈.json", format="json", feedback=True)
        assert "反馈意见" in said
        assert json.loads((tmp_path / "反馈.json").read_text(encoding="utf-8"))


@ONLY_EN
async def test_confidential_talk_texts_go_to_a_private_file(make_app, branch, tmp_path, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_export(app, pilot)
        target = tmp_path / "talks.json"
        await export_to(pilot, screen, target, kind="talks", format="json", confidential=True)
        assert screen.written == target
    assert target.stat().st_mode & 0o777 == 0o600
