"""Importing an appraisal session's self-assessments (个人自评) from the TUI at 80×24 (issue 12
§1): ``i`` on the session's steps screen opens the import screens for that session (file,
preview with every problem, confirmation, all rows or none), and the steps list the new
self-assessments when the import closes. The dashboard's import offers them too, after a
choice among the sessions that still take them. Nothing is written before the
confirmation, nor from a file with problems or one saved again after its preview.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from orglife_tui.data import appraisal
from orglife_tui.importing.preview import preview_file
from orglife_tui.tui.screens.appraisal.steps import AppraisalStepsScreen
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.importing.file_chooser import ImportFileScreen
from orglife_tui.tui.screens.importing.kinds import ImportScreen
from orglife_tui.tui.screens.importing.preview import ImportPreviewScreen
from orglife_tui.tui.screens.importing.sessions import ImportSessionScreen
from tests.importing.import_helpers import write_csv
from tests.tui.conftest import LANGS, ONLY_EN, ONLY_ZH, screen_text, wait_until
from tests.tui.test_appraisal_steps_tui import open_steps
from tests.tui.test_import_screen import SIZE, import_it, outcome, preview

GOOD = [
    ["编号", "姓名", "个人自评", "日期"],
    ["001", "张伟", "一、认真学习。\n二、联系群众不够。", "2026-03-10"],
    ["002", "王芳", "按时参加组织生活。", ""],
]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The working directory, where the file chooser starts."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def session_id(sqlite_store, branch) -> int:
    return appraisal.new_session(sqlite_store, branch.id, 2026).id


def given(store, branch, session_id: int) -> dict[str, str]:
    """member_no -> self-assessment text, as stored."""
    own = appraisal.self_assessments(store, branch.id, session_id)
    return {no: s.text for no, s in own.items()}


async def open_import(app, pilot) -> AppraisalStepsScreen:
    """The session's steps, then ``i``: the file chooser of its self-assessments."""
    steps = await open_steps(app, pilot)
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
    return steps


@LANGS
async def test_a_good_file_is_previewed_then_imported_and_the_steps_show_it(
    make_app, branch, sqlite_store, folder, session_id, lang
):
    write_csv(folder / "zp.csv", GOOD)
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        steps = await open_steps(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        assert {"en": "i Import", "zh": "i 导入"}[lang] in footer
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        assert (
            app.screen.sub_title
            == {
                "en": "Import Self-assessments: choose a file",
                "zh": "导入个人自评：选择文件",
            }[lang]
        )
        await preview(pilot, app, "zp.csv")
        screen = app.screen
        assert screen.preview.ok
        text = screen_text(app)
        heading = {"en": "self-assessment", "zh": "个人自评"}[lang]
        assert "张伟" in text and heading in text  # the columns understood, the rows
        would = {"en": "2 self-assessment", "zh": "2 份个人自评"}[lang]
        assert would in outcome(app), outcome(app)
        assert all(len(line) <= 80 for line in text.splitlines())
        assert given(sqlite_store, branch, session_id) == {}  # a preview writes nothing
        await import_it(pilot, app)
        assert would in outcome(app)
        # its list is the steps it was opened from: "o" (or Escape) goes back to them
        await pilot.press({"en": "o", "zh": "escape"}[lang])
        await wait_until(pilot, lambda: app.screen is steps)
        await wait_until(pilot, lambda: sum(p.self_assessed for p in steps.rows) == 2)
        heading = {"en": "Self-assessments: 2 of 5", "zh": "个人自评：2 / 5 人"}[lang]
        assert heading in screen_text(app)
    assert given(sqlite_store, branch, session_id) == {
        "001": "一、认真学习。\n二、联系群众不够。",
        "002": "按时参加组织生活。",
    }


@ONLY_ZH
async def test_a_file_with_problems_lists_them_as_the_command_line_and_writes_nothing(
    make_app, branch, sqlite_store, folder, session_id, lang
):
    path = write_csv(
        folder / "zp.csv",
        [
            ["编号", "姓名", "个人自评", "日期"],
            ["001", "李娜", "一", ""],  # another member's name
            ["099", "某", "二", ""],  # not in the appraisal
            ["002", "王芳", "", "2999-01-01"],  # no text, a day after today
        ],
    )
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(app, pilot)
        await preview(pilot, app, "zp.csv")
        assert not app.screen.preview.ok
        said = outcome(app)
        cli = preview_file(sqlite_store, branch.id, "self_assessments", path, session_id=session_id)
        assert len(cli.problems) >= 4
        assert f"发现 {len(cli.problems)} 个问题" in said
        for problem in cli.problems:
            assert f"第 {problem.row} 行：{problem.reason()}" in said
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ImportPreviewScreen)  # no confirmation offered
        # corrected and read again: now it can be imported
        write_csv(path, GOOD)
        await pilot.press("r")
        await wait_until(pilot, lambda: app.screen.preview.ok)
        assert given(sqlite_store, branch, session_id) == {}


@ONLY_EN
async def test_escape_goes_back_to_the_steps_writing_nothing(
    make_app, branch, sqlite_store, folder, session_id, lang
):
    write_csv(folder / "zp.csv", GOOD)
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        steps = await open_import(app, pilot)
        await preview(pilot, app, "zp.csv")
        await pilot.press("i")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("escape")  # the confirmation: no
        await wait_until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        assert app.screen.query_one("#path", Input).value == "zp.csv"
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is steps)
    assert given(sqlite_store, branch, session_id) == {}


@ONLY_EN
async def test_a_file_changed_after_its_preview_is_read_again_not_imported(
    make_app, branch, sqlite_store, folder, session_id, lang
):
    path = write_csv(folder / "zp.csv", GOOD)
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_import(app, pilot)
        await preview(pilot, app, "zp.csv")
        assert app.screen.preview.ok
        write_csv(path, [*GOOD, ["099", "某", "三", ""]])
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
        assert "Row 4: " in outcome(app)
    assert given(sqlite_store, branch, session_id) == {}


@ONLY_EN
async def test_the_footer_fits_with_every_key_of_the_steps(
    make_app, branch, sqlite_store, session_id, lang
):
    appraisal.add_peer_comment(sqlite_store, branch.id, session_id, "001", "带头作用明显。")
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        await open_steps(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "x Take back" in footer and "i Import" in footer and "^p Commands" in footer


@ONLY_ZH
async def test_a_published_session_takes_no_import(make_app, branch, sqlite_store, lang):
    from tests.tui.test_published_appraisal import _published

    session_id, _ = _published(sqlite_store, branch)
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        steps = AppraisalStepsScreen(app.session, session_id)
        await app.push_screen(steps)
        await wait_until(pilot, lambda: steps.row is not None)
        assert "i 导入" not in screen_text(app).splitlines()[-1]
        await pilot.press("i")
        await pilot.pause()
        assert app.screen is steps


# ---------------------------------------------------------------------------- from the kinds


async def choose_self_assessments(pilot, app) -> None:
    """From the dashboard: ``i``, then the last kind (self-assessments)."""
    await pilot.press("i")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportScreen))
    await pilot.press("end", "enter")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportSessionScreen))


@LANGS
async def test_the_dashboard_import_asks_for_the_session_first(
    make_app, branch, sqlite_store, folder, lang
):
    from tests.tui.test_published_appraisal import _published

    published, _ = _published(sqlite_store, branch)  # takes none: not offered
    open_id = appraisal.new_session(sqlite_store, branch.id, 2027).id
    kept = given(sqlite_store, branch, published)
    write_csv(folder / "zp.csv", GOOD)
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_self_assessments(pilot, app)
        text = screen_text(app)
        assert {"en": "Appraisal 2027", "zh": "2027 年度民主评议"}[lang] in text
        assert "2026" not in text.replace("2026-", "")  # the published one is left out
        assert all(len(line) <= 80 for line in text.splitlines())
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        assert app.screen.appraisal_id == open_id
        await preview(pilot, app, "zp.csv")
        assert app.screen.preview.ok
        await import_it(pilot, app)
        await pilot.press("o")  # the session's steps, over the dashboard
        await wait_until(pilot, lambda: isinstance(app.screen, AppraisalStepsScreen))
        steps = app.screen
        assert steps.session_id == open_id and len(app.screen_stack) == 2
        await wait_until(pilot, lambda: sum(p.self_assessed for p in steps.rows) == 2)
    assert set(given(sqlite_store, branch, open_id)) == {"001", "002"}
    assert given(sqlite_store, branch, published) == kept


@ONLY_EN
async def test_without_a_session_the_import_says_what_to_do(make_app, branch, lang):
    app = make_app(branch, lang)
    async with app.run_test(size=SIZE) as pilot:
        await choose_self_assessments(pilot, app)
        said = " ".join(screen_text(app).split())  # as wrapped on the screen
        assert "create the year's appraisal first (v on the dashboard)" in said
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportSessionScreen)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportScreen))
