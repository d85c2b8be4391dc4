"""Importing the self-assessments (个人自评) of an appraisal session: every row or none, and
whatever a file holds, the import writes every row or reports problems, never failing with
an exception of its own."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from import_helpers import snapshot
from test_import_properties import DB_SETTINGS, spreadsheets

from orglife_tui.data import appraisal, schemes
from orglife_tui.importing import ImportFailed, import_table, read_table
from orglife_tui.importing.preview import preview_file
from orglife_tui.importing.self_assessments import import_self_assessments
from orglife_tui.locale import set_language


def session_of(store, branch) -> int:
    """The branch's session (made, with its active scheme, on the first call)."""
    schemes.ensure_active(store, branch.id)
    sessions = appraisal.list_sessions(store, branch.id)
    return sessions[0].id if sessions else appraisal.new_session(store, branch.id, 2026).id


def run_import(store, branch, path):
    session_id = session_of(store, branch)
    table = read_table(path, "self_assessments")
    return import_self_assessments(store, branch.id, session_id, table)


def test_a_sheet_with_chinese_headers_keeps_the_text_as_written(seeded, tmp_path):
    store, branch = seeded
    path = tmp_path / "自评.csv"
    path.write_text(
        "序号,党员编号,党员姓名,自评内容,提交日期\n"
        '1,001,张伟,"一、认真学习，（全角标点）。\n二、不足。",2026-01-05\n'
        "2,003,王芳,预备期表现良好。,\n",
        encoding="utf-8",
    )
    summary = run_import(store, branch, path)
    assert (summary.added, summary.late) == (2, 0)
    stored = appraisal.self_assessments(store, branch.id, session_of(store, branch))
    assert stored["001"].text == "一、认真学习，（全角标点）。\n二、不足。"
    assert stored["001"].given_on.isoformat() == "2026-01-05"
    assert stored["003"].given_on == store.today()


def test_a_date_after_today_and_a_member_twice_are_refused_row_by_row(seeded, tmp_path):
    store, branch = seeded
    path = tmp_path / "zp.csv"
    path.write_text("编号,个人自评,日期\n001,一,2999-01-01\n002,二,\n002,三,\n", encoding="utf-8")
    session_of(store, branch)
    before = snapshot(store, branch.id)
    try:
        run_import(store, branch, path)
    except ImportFailed as exc:
        lines = exc.lines()
    else:
        raise AssertionError("imported")
    assert [line.split(": ", 1)[0] for line in lines] == [f"{path}:2", f"{path}:4"]
    assert "after today" in lines[0] and "row 3 already" in lines[1]
    assert snapshot(store, branch.id) == before
    assert appraisal.self_assessments(store, branch.id, session_of(store, branch)) == {}


def test_a_dry_run_tells_what_the_import_then_does_and_writes_nothing(seeded, tmp_path):
    """The TUI's preview of a session's self-assessments: the import rehearsed."""
    store, branch = seeded
    set_language("en")
    session_id = session_of(store, branch)
    path = tmp_path / "zp.csv"
    path.write_text("编号,姓名,个人自评\n001,张伟,一。\n002,李娜,二。\n", encoding="utf-8")
    before = snapshot(store, branch.id)
    preview = preview_file(store, branch.id, "self_assessments", path, session_id=session_id)
    assert preview.ok and preview.session_id == session_id
    # its columns named as its problems name them
    assert [title for _, title in preview.columns()] == ["member number", "name", "self-assessment"]
    assert preview.summary is not None and preview.summary.added == 2
    assert snapshot(store, branch.id) == before
    assert appraisal.self_assessments(store, branch.id, session_id) == {}
    done = import_table(
        store, branch.id, read_table(path, "self_assessments"), session_id=session_id
    )
    assert done.message() == preview.summary.message()
    assert set(appraisal.self_assessments(store, branch.id, session_id)) == {"001", "002"}


def test_a_dry_run_lists_the_problems_the_import_lists(seeded, tmp_path):
    store, branch = seeded
    session_id = session_of(store, branch)
    path = tmp_path / "zp.csv"
    path.write_text(
        "编号,姓名,个人自评,日期\n001,李娜,一,\n099,某,二,2999-01-01\n", encoding="utf-8"
    )
    preview = preview_file(store, branch.id, "self_assessments", path, session_id=session_id)
    assert not preview.ok
    try:
        run_import(store, branch, path)
    except ImportFailed as exc:
        assert [p.line() for p in preview.problems] == exc.lines()
    else:
        raise AssertionError("imported")
    assert appraisal.self_assessments(store, branch.id, session_id) == {}


def test_a_session_kind_needs_its_session(seeded, tmp_path):
    store, branch = seeded
    path = tmp_path / "zp.csv"
    path.write_text("编号,个人自评\n001,一\n", encoding="utf-8")
    with pytest.raises(ValueError, match="session"):
        import_table(store, branch.id, read_table(path, "self_assessments"))


@DB_SETTINGS
@given(data=st.data())
def test_any_csv_imports_or_yields_problems(seeded, tmp_path, data):
    store, branch = seeded
    session_id = session_of(store, branch)
    table = data.draw(spreadsheets("self_assessments"))
    buf = io.StringIO()
    csv.writer(buf).writerows(table)
    path = tmp_path / "any.csv"
    path.write_bytes(buf.getvalue().encode("utf-8", "surrogatepass"))
    before = appraisal.self_assessments(store, branch.id, session_id)
    try:
        summary = import_self_assessments(
            store, branch.id, session_id, read_table(path, "self_assessments")
        )
    except ImportFailed as exc:
        assert exc.problems
        for line in exc.lines():
            assert line.startswith(str(path))
        assert appraisal.self_assessments(store, branch.id, session_id) == before
    else:
        assert summary.rows >= 1
