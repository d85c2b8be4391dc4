"""Importing from the TUI at 80×24 (issue 12 §1): the kind, the file, the preview, the import.

Every kind the command line imports (roster, meetings, attendance, dues, the plan) is
imported here start to finish from the sample files: the preview says how the file was
read and what importing it would write, writing nothing; confirmed, the import writes
every row, and the points follow attendance and dues. A file with problems lists them all
and cannot be imported; a missing path or a folder is said in place; Escape goes back at
every step, keeping what was typed; a file saved again after its preview is read again
instead of imported.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from orglife_tui.data.dues import list_payments
from orglife_tui.data.plans import list_plan
from orglife_tui.importing import import_table, read_table
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.importing.file_chooser import ImportFileScreen
from orglife_tui.tui.screens.importing.kinds import ImportScreen
from orglife_tui.tui.screens.importing.preview import ImportPreviewScreen
from orglife_tui.tui.screens.importing.steps import KINDS
from tests.importing.import_helpers import snapshot, write_csv
from tests.tui.conftest import BRANCH, LANGS, ONLY_EN, ONLY_ZH, screen_text, wait_until

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TODAY = date(2026, 11, 26)  # the sample files' meetings are all held by then
SIZE = (80, 24)

# What a kind's import needs in the branch first (imported from the samples).
BEFORE = {
    "members": (),
    "meetings": ("members",),
    "attendance": ("members", "meetings"),
    "dues": ("members",),
    "plan": (),
}


@pytest.fixture
def files(tmp_path, monkeypatch):
    """The sample files in the working directory (where the file chooser starts), and a
    dues file for the sample roster."""
    folder = tmp_path / "files"
    folder.mkdir()
    names = ("members.csv", "members.xlsx", "meetings.csv", "attendance.csv", "plan.csv")
    for name in (*names, "roster-gbk.csv"):
        shutil.copy(SAMPLES / name, folder)
    write_csv(
        folder / "dues.csv",
        [
            ["编号", "姓名", "缴纳日期", "起始月份", "截止月份", "金额"],
            ["001", "张建国", "2026-11-20", "2026-11", "2026-12", "60"],
            ["002", "李秀英", "2026-11-21", "2026-11", "", "30"],
        ],
    )
    monkeypatch.chdir(folder)
    return folder


@pytest.fixture
def app_for(sqlite_store):
    """``make(lang, *kinds)``: the app on a branch holding the sample files of ``kinds``."""
    from orglife_tui.tui.app import OrglifeApp

    def make(lang: str = "en", *kinds: str):
        branch = sqlite_store.resolve_branch(BRANCH)
        sqlite_store.today = lambda: TODAY
        for kind in kinds:
            import_table(sqlite_store, branch.id, read_table(SAMPLES / f"{kind}.csv", kind))
        return OrglifeApp(store=sqlite_store, branch=branch, lang=lang, today=TODAY)

    return make


def outcome(app) -> str:
    return str(app.screen.query_one("#outcome", Static).content)


async def choose_kind(pilot, app, kind: str) -> None:
    """From the dashboard: ``i``, then the kind."""
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportScreen))
    for _ in range(KINDS.index(kind)):
        await pilot.press("down")
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportFileScreen))


async def preview(pilot, app, typed: str) -> None:
    """Type a path into the chooser and wait for the preview."""
    app.screen.query_one("#path", Input).value = ""
    await pilot.press(*typed, "enter")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen))


async def import_it(pilot, app) -> None:
    """``i``, ``y`` on the preview, and wait for the result."""
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("y")
    await wait_until(
        pilot, lambda: isinstance(app.screen, ImportPreviewScreen) and app.screen.done is not None
    )


# ---------------------------------------------------------------------------- reaching it


@LANGS
async def test_the_dashboard_key_opens_the_kinds_of_file(app_for, files, lang):
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportScreen))
        text = screen_text(app)
        words = {
            "en": ["Roster", "Meetings", "Attendance", "Dues payments", "Annual plan"]
            + ["Self-assessments"],
            "zh": ["花名册", "会议", "出勤", "党费", "年度计划", "个人自评"],
        }[lang]
        assert all(word in text for word in words), text
        assert all(len(line) <= 80 for line in text.splitlines())


@pytest.mark.parametrize(("lang", "typed"), [("en", "import"), ("zh", "导入")])
async def test_the_command_palette_opens_the_import(app_for, files, lang, typed):
    from textual.command import CommandPalette

    from tests.tui.conftest import palette_has_matches

    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*typed)
        await wait_until(pilot, lambda: palette_has_matches(app))
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportScreen))


# ---------------------------------------------------------------------------- each kind


def _count(store, branch_id: int, kind: str) -> int:
    if kind == "members":
        return len(store.list_members(branch_id))
    if kind == "meetings":
        return len(store.list_meetings(branch_id))
    if kind == "attendance":
        meetings = store.list_meetings(branch_id)
        return sum(
            1
            for m in meetings
            for line in store.attendance_sheet(branch_id, m.id)
            if line.status is not None
        )
    if kind == "dues":
        return len(list_payments(store, branch_id))
    return len(list_plan(store, branch_id, 2026))


@pytest.mark.parametrize(
    ("kind", "lang", "count", "would"),
    [
        ("members", "en", 12, "members added: 12, updated: 0, unchanged: 0"),
        ("meetings", "zh", 6, "2026-001 … 2026-006"),
        ("attendance", "en", 52, "52"),
        ("dues", "zh", 2, "2"),
        ("plan", "en", 11, "plan items added: 11"),
    ],
)
async def test_each_kind_is_previewed_then_imported_whole(
    app_for, files, sqlite_store, kind, lang, count, would
):
    app = app_for(lang, *BEFORE[kind])
    branch_id = app.session.branch.id
    before = _count(sqlite_store, branch_id, kind)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, kind)
        await preview(pilot, app, f"{kind}.csv")
        screen = app.screen
        assert screen.preview.ok
        assert would in outcome(app)
        assert _count(sqlite_store, branch_id, kind) == before  # a preview writes nothing
        assert all(len(line) <= 80 for line in screen_text(app).splitlines())
        await import_it(pilot, app)
        assert _count(sqlite_store, branch_id, kind) == before + count
        assert would in outcome(app)
        if kind in ("attendance", "dues"):  # the points follow, as after the CLI's import
            assert screen.done.points is not None and screen.done.points_error is None
        # "o" opens the list of what was imported, read again
        await pilot.press("o")
        lists = {
            "members": "MembersScreen",
            "meetings": "MeetingsScreen",
            "attendance": "MeetingsScreen",
            "dues": "DuesScreen",
            "plan": "PlanScreen",
        }
        await wait_until(pilot, lambda: type(app.screen).__name__ == lists[kind])
        assert len(app.screen_stack) == 2  # over the dashboard, the import screens closed


@ONLY_ZH
async def test_a_gbk_roster_with_a_title_and_serial_numbers(app_for, files, sqlite_store, lang):
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        await preview(pilot, app, "roster-gbk.csv")
        text = screen_text(app)
        assert "GBK" in text and "表头在第 3 行" in text and "共 12 行" in text
        assert "序号" in text and "姓名" in text and "张建国" in text  # mapped, in Chinese
        assert "身份证号" in text  # named as skipped, its values never shown
        assert "3301021968" not in text
        await import_it(pilot, app)
        members = sqlite_store.list_members(app.session.branch.id)
        assert [m.member_no for m in members][:2] == ["001", "002"]
        assert members[0].name == "张建国"


@ONLY_EN
async def test_a_workbook_is_read_as_a_csv_is(app_for, files, sqlite_store, lang):
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        await preview(pilot, app, "members.xlsx")
        assert "members.xlsx · XLSX · header on row" in screen_text(app)
        await import_it(pilot, app)
    assert len(sqlite_store.list_members(app.session.branch.id)) == 12


# ---------------------------------------------------------------------------- refused


@ONLY_EN
async def test_a_file_with_problems_lists_them_all_and_cannot_be_imported(
    app_for, files, sqlite_store, lang
):
    app = app_for(lang)
    rows = [["编号", "姓名", "类别"], ["001", "", "正式党员"]]
    rows += [[f"{n:03}", "某", "干部"] for n in range(2, 30)]
    write_csv(files / "bad.csv", rows)
    before = snapshot(sqlite_store, app.session.branch.id)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        await preview(pilot, app, "bad.csv")
        said = outcome(app)
        assert "29 problem(s)" in said
        assert "Row 2: name: required" in said
        assert "Row 30: status: unknown status '干部'" in said  # every one, to the last
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportPreviewScreen)  # no confirmation offered
        assert "Import" not in screen_text(app).splitlines()[-1]
        # corrected and read again: now it can be imported
        write_csv(files / "bad.csv", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
        await pilot.press("r")
        await wait_until(pilot, lambda: app.screen.preview.ok)
        assert "members added: 1" in outcome(app)
    assert snapshot(sqlite_store, app.session.branch.id) == before


@ONLY_ZH
async def test_problems_are_the_command_lines(app_for, files, lang):
    """The same reasons as ``orglife-tui import`` prints, row by row."""
    from orglife_tui.importing.preview import preview_file

    app = app_for(lang, "members")
    path = write_csv(
        files / "a.csv",
        [["会议编号", "编号", "出勤"], ["2026-001", "099", "出席"], ["2026-009", "001", "出席"]],
    )
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "attendance")
        await preview(pilot, app, "a.csv")
        said = outcome(app)
        cli = preview_file(app.session.store, app.session.branch.id, "attendance", path)
        assert len(cli.problems) >= 2
        for problem in cli.problems:
            assert f"第 {problem.row} 行：{problem.reason()}" in said


@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_a_missing_path_or_a_folder_is_said_in_place(app_for, files, sqlite_store, lang):
    app = app_for(lang)
    (files / "folder.csv").mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        for typed, words in (
            ("nothere.csv", {"en": "No such file", "zh": "文件不存在"}),
            ("folder.csv", {"en": "directory", "zh": "目录"}),
            ("", {"en": "Type a file", "zh": "请输入"}),
        ):
            message = app.screen.query_one("#message", Static)
            message.update("")
            app.screen.query_one("#path", Input).value = ""
            await pilot.press(*typed, "enter")
            await wait_until(pilot, lambda m=message: str(m.content) != "" and not app.screen.busy)
            assert isinstance(app.screen, ImportFileScreen)
            assert words[lang] in str(message.content), str(message.content)
    assert sqlite_store.list_members(app.session.branch.id) == []


@ONLY_EN
async def test_a_tilde_is_the_home_folder(app_for, files, tmp_path, monkeypatch, lang):
    monkeypatch.setenv("HOME", str(files))
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "plan")
        app.screen.query_one("#path", Input).value = "~/plan.csv"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen))
        assert app.screen.preview.path == files / "plan.csv"


@ONLY_EN
async def test_a_file_picked_in_the_tree_is_previewed(app_for, files, lang):
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "plan")
        tree = app.screen.query_one("#tree")
        await wait_until(pilot, lambda: tree.root.children)
        names = [node.label.plain for node in tree.root.children]
        assert "plan.csv" in names and "members.csv" in names
        await pilot.press("tab")
        assert tree.has_focus
        await pilot.press("down")  # from the folder to its first file
        while tree.cursor_node.label.plain != "plan.csv":
            await pilot.press("down")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen))
        assert app.screen.preview.path == files / "plan.csv"


@ONLY_EN
async def test_the_tree_shows_folders_and_spreadsheets_only(app_for, files, lang):
    (files / "notes.txt").write_text("x", encoding="utf-8")
    (files / ".hidden.csv").write_text("x", encoding="utf-8")
    (files / "sub").mkdir()
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        tree = app.screen.query_one("#tree")
        await wait_until(pilot, lambda: tree.root.children)
        names = {node.label.plain for node in tree.root.children}
        assert "sub" in names and "members.csv" in names
        assert "notes.txt" not in names and ".hidden.csv" not in names


# ---------------------------------------------------------------------------- going back


@ONLY_ZH
async def test_escape_goes_back_a_step_at_a_time_keeping_the_path(
    app_for, files, sqlite_store, lang
):
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        await preview(pilot, app, "members.csv")
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")  # the confirmation: no
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen))
        assert app.screen.done is None
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        assert app.screen.query_one("#path", Input).value == "members.csv"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")
    assert sqlite_store.list_members(app.session.branch.id) == []


@ONLY_EN
async def test_escape_after_the_import_closes_it(app_for, files, lang):
    app = app_for(lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "plan")
        await preview(pilot, app, "plan.csv")
        await import_it(pilot, app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")


# ---------------------------------------------------------------------------- changed file


@ONLY_EN
async def test_a_file_changed_after_its_preview_is_read_again_not_imported(
    app_for, files, sqlite_store, lang
):
    app = app_for(lang)
    write_csv(files / "m.csv", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
    before = snapshot(sqlite_store, app.session.branch.id)
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        await preview(pilot, app, "m.csv")
        assert app.screen.preview.ok
        write_csv(files / "m.csv", [["编号", "姓名", "类别"], ["001", "张伟", "干部"]])
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, ImportPreviewScreen)
                and not app.screen.busy
                and not app.screen.preview.ok
            ),
        )
        assert app.screen.done is None
        assert "Row 2: status" in outcome(app)
    assert snapshot(sqlite_store, app.session.branch.id) == before


@ONLY_EN
async def test_a_refusal_at_import_time_is_shown_and_nothing_written(
    app_for, files, sqlite_store, lang
):
    """The branch changed between preview and import (here: the same rows imported
    meanwhile): the import is refused whole and its problems replace the preview."""
    app = app_for(lang, "members")
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "meetings")
        await preview(pilot, app, "meetings.csv")
        branch_id = app.session.branch.id
        import_table(sqlite_store, branch_id, read_table(files / "meetings.csv", "meetings"))
        before = snapshot(sqlite_store, branch_id)
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await wait_until(
            pilot,
            lambda: (
                isinstance(app.screen, ImportPreviewScreen)
                and not app.screen.busy
                and not app.screen.preview.ok
            ),
        )
        assert "problem(s)" in outcome(app)
        assert snapshot(sqlite_store, branch_id) == before


# ---------------------------------------------------------------------------- stored text


@ONLY_EN
async def test_names_with_bidi_marks_are_shown_as_symbols(app_for, files, lang):
    app = app_for(lang)
    write_csv(files / "m.csv", [["编号", "姓名", "类别"], ["001", "王\u202e五", "正式党员"]])
    async with app.run_test(size=SIZE) as pilot:
        await choose_kind(pilot, app, "members")
        await preview(pilot, app, "m.csv")
        text = screen_text(app)
        assert "\u202e" not in text
        assert "U+202E" in text
