"""An import's dry run (``importing.preview``): the import itself, rehearsed.

It tells the problems and the counts the import would tell, and leaves the database as it
was (members, meetings, marks, the audit log); a preview also says how the file was read.
Run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from orglife_tui.importing import ImportFailed, import_table, read_table
from orglife_tui.importing.preview import column_title, dry_run, preview_file
from orglife_tui.locale import set_language
from tests.importing.import_helpers import snapshot, write_csv, write_xlsx

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
TODAY = date(2026, 11, 26)


@pytest.fixture
def seeded_today(seeded):
    store, branch = seeded
    store.today = lambda: TODAY
    return store, branch


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("members", "members added: 12, updated: 0, unchanged: 0"),
        ("plan", "plan items added: 11"),
    ],
)
def test_a_dry_run_tells_what_the_import_then_does_and_writes_nothing(store, branch, kind, message):
    set_language("en")
    store.today = lambda: TODAY
    table = read_table(SAMPLES / f"{kind}.csv", kind)
    before = snapshot(store, branch.id)
    rehearsed = dry_run(store, branch.id, table)
    assert message in rehearsed.message()
    assert snapshot(store, branch.id) == before
    done = import_table(store, branch.id, table)
    assert done.message() == rehearsed.message()
    assert snapshot(store, branch.id) != before


def test_a_dry_run_of_meetings_and_attendance_counts_as_the_import(store, branch):
    store.today = lambda: TODAY
    import_table(store, branch.id, read_table(SAMPLES / "members.csv", "members"))
    meetings = read_table(SAMPLES / "meetings.csv", "meetings")
    before = snapshot(store, branch.id)
    assert dry_run(store, branch.id, meetings).numbers == (
        "2026-001",
        "2026-002",
        "2026-003",
        "2026-004",
        "2026-005",
        "2026-006",
    )
    assert snapshot(store, branch.id) == before
    import_table(store, branch.id, meetings)
    attendance = read_table(SAMPLES / "attendance.csv", "attendance")
    before = snapshot(store, branch.id)
    assert dry_run(store, branch.id, attendance).added == 52
    assert snapshot(store, branch.id) == before


def test_a_dry_run_of_a_roster_update_names_the_changes(seeded_today, tmp_path):
    store, branch = seeded_today
    set_language("en")
    path = write_csv(
        tmp_path / "r.csv",
        [["编号", "姓名", "类别", "联系电话"], ["001", "张伟", "正式党员", "13900000009"]],
    )
    before = snapshot(store, branch.id)
    summary = dry_run(store, branch.id, read_table(path, "members"))
    assert summary.updated == 1
    assert any("13900000009" in line for line in summary.details())
    assert snapshot(store, branch.id) == before


def test_a_dry_run_refuses_a_file_with_the_problems_of_the_import(seeded_today, tmp_path):
    store, branch = seeded_today
    path = write_csv(
        tmp_path / "a.csv",
        [["会议编号", "编号", "出勤"], ["2026-001", "009", "出席"], ["2026-001", "001", "迟到"]],
    )
    table = read_table(path, "attendance")
    with pytest.raises(ImportFailed) as rehearsed:
        dry_run(store, branch.id, table)
    with pytest.raises(ImportFailed) as done:
        import_table(store, branch.id, table)
    assert rehearsed.value.lines() == done.value.lines()
    assert [p.row for p in rehearsed.value.problems] == [2, 3]


def test_a_dry_run_of_dues_writes_nothing(seeded_today, tmp_path):
    store, branch = seeded_today
    path = write_csv(
        tmp_path / "dues.csv",
        [
            ["编号", "姓名", "缴纳日期", "起始月份", "金额"],
            ["001", "张伟", "2026-03-01", "2026-01", "30"],
        ],
    )
    before = snapshot(store, branch.id)
    summary = dry_run(store, branch.id, read_table(path, "dues"))
    assert summary.added == 1
    assert snapshot(store, branch.id) == before


# ---------------------------------------------------------------------------- preview


def test_a_preview_of_a_gbk_roster_says_how_it_was_read(store, branch):
    set_language("zh")
    store.today = lambda: TODAY
    before = snapshot(store, branch.id)
    preview = preview_file(store, branch.id, "members", SAMPLES / "roster-gbk.csv")
    assert preview.ok
    assert preview.encoding == "GB18030"
    assert preview.header_row == 3  # below the title and the date line
    assert preview.columns()[:2] == [("_serial", "序号"), ("name", "姓名")]
    assert "身份证号" in preview.summary.skipped
    assert preview.row_count == 12
    assert [r.values["name"] for r in preview.first_rows(2)] == ["张建国", "李秀英"]
    assert not preview.changed()
    assert snapshot(store, branch.id) == before


def test_a_preview_of_a_workbook(store, branch, tmp_path):
    set_language("en")
    path = write_xlsx(tmp_path / "r.xlsx", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
    preview = preview_file(store, branch.id, "members", path)
    assert preview.ok and preview.encoding == "XLSX"
    assert [title for _, title in preview.columns()] == [
        column_title("members", "member_no"),
        column_title("members", "name"),
        column_title("members", "status"),
    ]
    assert column_title("members", "member_no") != "编号"  # English under en


def test_a_preview_of_a_file_with_problems_lists_them_all(seeded_today, tmp_path):
    store, branch = seeded_today
    path = write_csv(
        tmp_path / "m.csv",
        [["编号", "姓名", "类别"], ["004", "", "正式党员"], ["005", "赵六", "干部"]],
    )
    preview = preview_file(store, branch.id, "members", path, display="m.csv")
    assert not preview.ok and preview.summary is None
    assert [p.row for p in preview.problems] == [2, 3]
    assert all(p.line().startswith("m.csv:") for p in preview.problems)
    assert preview.row_count == 2  # the rows are still shown


@pytest.mark.parametrize("make", ["missing", "directory", "header"])
def test_a_preview_of_what_cannot_be_read_is_one_problem(store, branch, tmp_path, make):
    if make == "missing":
        path = tmp_path / "nowhere.csv"
    elif make == "directory":
        path = tmp_path / "dir.csv"
        path.mkdir()
    else:
        path = write_csv(tmp_path / "h.csv", [["编号", "颜色"], ["001", "红"]])
    preview = preview_file(store, branch.id, "attendance", path)
    assert not preview.ok and preview.problems
    assert preview.table is None


def test_a_file_saved_again_after_its_preview_is_changed(store, branch, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
    preview = preview_file(store, branch.id, "members", path)
    assert not preview.changed()
    write_csv(path, [["编号", "姓名", "类别"], ["001", "张伟", "预备党员"]])
    assert preview.changed()
    path.unlink()
    assert preview.changed()


def test_a_path_with_a_tilde_is_read_from_home(store, branch, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    write_csv(tmp_path / "m.csv", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
    preview = preview_file(store, branch.id, "members", "~/m.csv")
    assert preview.ok
    assert preview.path == tmp_path / "m.csv"
