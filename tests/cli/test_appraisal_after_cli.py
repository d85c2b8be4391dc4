"""`orglife-tui appraisal publish --notice-from/--notice-to`, `appraisal objection
add|answer|list`, `appraisal follow-up add|done|list` and `appraisal commendation list|set`
(issue 12 §3), the dates from ``ORGLIFE_TODAY``."""

from __future__ import annotations

import json

import pytest

from tests import appraisal_after as my
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en", today: str = "2025-12-10"):
    import os

    os.environ["ORGLIFE_TODAY"] = today
    try:
        return invoke_cli(["--lang", lang, *args], catch_exceptions=False)
    finally:
        del os.environ["ORGLIFE_TODAY"]


@pytest.fixture
def db(db_url, prebuilt):
    prebuilt(db_url, my.build, my.open_store)
    return db_url


def test_the_whole_way_from_publication_to_follow_up(db):
    refused = run(
        "--db",
        db,
        "appraisal",
        "publish",
        "1",
        "--notice-from",
        "2025-12-12",
        "--notice-to",
        "2025-12-11",
    )
    assert refused.exit_code == 1 and "before it starts" in refused.stderr
    published = run("--db", db, "appraisal", "publish", "1", lang="zh")
    assert published.exit_code == 0, published.output
    assert "公示期 2025-12-10 至 2025-12-17：公示中" in published.stdout
    added = run(
        "--db",
        db,
        "appraisal",
        "objection",
        "add",
        "1",
        "004",
        "--content",
        "请假未计入",
        "--date",
        "2025-12-11",
        today="2025-12-11",
    )
    assert added.exit_code == 0, added.output
    early = run(
        "--db",
        db,
        "appraisal",
        "follow-up",
        "add",
        "1",
        "004",
        "--measure",
        "限期改正",
        "--deadline",
        "2026-03-31",
        today="2025-12-18",
    )
    assert early.exit_code == 1 and "1 objection(s) still to be answered" in early.stderr
    sessions = run("--db", db, "appraisal", "list", lang="zh", today="2025-12-18")
    assert "已公布·待答复异议" in sessions.stdout
    listed = run("--db", db, "appraisal", "objection", "list", "1", lang="zh", today="2025-12-18")
    assert "待答复异议" in listed.stdout and "匿名" in listed.stdout
    answered = run(
        "--db",
        db,
        "appraisal",
        "objection",
        "answer",
        "1",
        "--answer",
        "经核实维持",
        "--outcome",
        "维持",
        today="2025-12-18",
    )
    assert answered.exit_code == 0, answered.output
    assert "Notice window 2025-12-10 to 2025-12-17: final" in answered.stdout
    rows = json.loads(run("--db", db, "appraisal", "objection", "list", "1", "-f", "json").stdout)
    assert [(r["member_no"], r["outcome"], r["raised_by"]) for r in rows] == [
        ("004", "maintained", None)
    ]
    added = run(
        "--db",
        db,
        "appraisal",
        "follow-up",
        "add",
        "1",
        "004",
        "--measure",
        "限期改正",
        "--deadline",
        "2026-03-31",
        today="2025-12-18",
    )
    assert added.exit_code == 0, added.output
    overdue = run(
        "--db", db, "appraisal", "follow-up", "list", "--overdue", "-f", "json", today="2026-04-01"
    )
    assert [(r["member_no"], r["measure"], r["status"]) for r in json.loads(overdue.stdout)] == [
        ("004", "rectify", "overdue")
    ]
    done = run(
        "--db", db, "appraisal", "follow-up", "done", "1", "--note", "已改正", today="2026-04-02"
    )
    assert done.exit_code == 0, done.output
    table = run("--db", db, "appraisal", "follow-up", "list", lang="zh", today="2026-04-02")
    assert "限期改正" in table.stdout and "已完成" in table.stdout


def test_a_removal_from_the_command_line_is_a_member_event(db):
    run("--db", db, "appraisal", "publish", "1")
    result = run(
        "--db",
        db,
        "appraisal",
        "follow-up",
        "add",
        "1",
        "004",
        "--measure",
        "disposal",
        "--decision",
        "除名",
        "--effective",
        "2026-01-05",
        today="2026-01-06",
    )
    assert result.exit_code == 0, result.output
    assert "leaves the branch on 2026-01-05" in result.stdout
    history = run("--db", db, "members", "history", "004", "-f", "json", today="2026-01-06")
    kinds = [e["kind"] for e in json.loads(history.stdout)]
    assert kinds == ["removed"]
    bad = run("--db", db, "appraisal", "follow-up", "add", "1", "004", "--measure", "处分")
    assert bad.exit_code == 2 and "Unknown measure" in bad.stderr


def test_the_commendation_register_lists_the_excellent_of_a_final_result(db):
    run("--db", db, "appraisal", "publish", "1")
    empty = run("--db", db, "appraisal", "commendation", "list", "--year", "2025")
    assert "No member graded" in empty.stdout
    saved = run(
        "--db",
        db,
        "appraisal",
        "commendation",
        "set",
        "2025",
        "001",
        "--award",
        "优秀共产党员",
        today="2025-12-20",
    )
    assert saved.exit_code == 0, saved.output
    rows = json.loads(
        run(
            "--db",
            db,
            "appraisal",
            "commendation",
            "list",
            "--year",
            "2025",
            "-f",
            "json",
            today="2025-12-20",
        ).stdout
    )
    assert [(r["member_no"], r["award"]) for r in rows] == [("001", "优秀共产党员"), ("002", None)]


def test_the_commendation_register_exports_in_the_users_language_and_never_as_formulas(
    db, tmp_path
):
    from openpyxl import load_workbook

    run("--db", db, "appraisal", "publish", "1")
    run(
        "--db",
        db,
        "appraisal",
        "commendation",
        "set",
        "2025",
        "001",
        "--award",
        "=1+1",
        today="2025-12-20",
    )
    csv_zh = run(
        "--db", db, "export", "commendations", "--year", "2025", lang="zh", today="2025-12-20"
    )
    assert csv_zh.exit_code == 0, csv_zh.output
    lines = csv_zh.stdout.lstrip("\ufeff").splitlines()
    assert lines[0] == "年度,评议编号,党员编号,姓名,表彰名称,备注"
    assert lines[1] == "2025,1,001,朱海波,'=1+1,"
    rows = json.loads(
        run(
            "--db",
            db,
            "export",
            "commendations",
            "--year",
            "2025",
            "-f",
            "json",
            today="2025-12-20",
        ).stdout
    )["rows"]
    assert rows[0] == {
        "year": 2025,
        "session": 1,
        "member_no": "001",
        "name": "朱海波",
        "award": "=1+1",
        "note": None,
    }
    target = tmp_path / "c.xlsx"
    written = run(
        "--db",
        db,
        "export",
        "commendations",
        "--year",
        "2025",
        "-f",
        "xlsx",
        "-o",
        str(target),
        lang="zh",
        today="2025-12-20",
    )
    assert written.exit_code == 0, written.output
    ws = load_workbook(target)["commendations"]
    assert ws.freeze_panes == "A3"
    assert [c.value for c in ws[2]] == ["年度", "评议编号", "党员编号", "姓名", "表彰名称", "备注"]
    assert ws["E3"].value == "=1+1" and ws["E3"].data_type == "s"
    assert ws["A3"].value == 2025
    refused = run("--db", db, "export", "commendations", "-f", "xlsx")
    assert refused.exit_code == 2
