"""`orglife-tui plan add|list|edit|remove|import`, on SQLite and PostgreSQL.

Bad input exits non-zero with one clear line on stderr and leaves the plan table and the
audit log exactly as they were.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from orglife_tui.data.models import plan_t
from tests.cli_run import invoke_cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


def ok(*args: str, lang: str = "en"):
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return result


def tables(db: str) -> tuple[list, list, int]:
    """The plan rows, the branches and the number of audit entries of the database."""
    from orglife_tui.data.store import Store

    store = Store.open(db, operator="tester")
    try:
        with store.read_connection() as conn:
            rows = [tuple(r) for r in conn.execute(select(plan_t).order_by(plan_t.c.id))]
        return rows, store.branches(), len(store.audit_entries(limit=1_000_000))
    finally:
        store.close()


def plan(db: str, year: str = "2026") -> list[dict]:
    return json.loads(ok("--db", db, "plan", "list", "--year", year, "--format", "json").stdout)


def write_csv(path: Path, rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return str(path)


ADD = ("plan", "add", "--year", "2026", "--type", "党课", "--topic", "学习党章")


@pytest.fixture
def sample_db(db_url):
    """The sample branch: members and the six meetings of January–March 2026."""
    ok("--db", db_url, "branch", "add", "第一党支部")
    for kind in ("members", "meetings"):
        ok("--db", db_url, "import", kind, str(SAMPLES / f"{kind}.csv"))
    return db_url


# ---------------------------------------------------------------------------- no branch


def test_a_plan_for_a_database_without_a_branch_is_refused(tmp_path):
    missing = tmp_path / "new.db"
    result = run("--db", str(missing), "plan", "add", "--year", "2026", "--type", "党课",
                 "--topic", "学习党章")  # fmt: skip
    assert result.exit_code == 1
    assert "no branch yet" in result.stderr and "orglife-tui branch add" in result.stderr
    assert not missing.exists(), "refusing created the database file"


@pytest.mark.parametrize(
    "args",
    [
        ADD,
        ("plan", "list", "--year", "2026"),
        ("plan", "import", str(SAMPLES / "plan.csv")),
        ("--branch", "第一党支部", *ADD),
    ],
)
def test_no_plan_command_creates_a_branch(db_url, args):
    ok("--db", db_url, "branch", "list")  # an empty database with its schema
    before = tables(db_url)
    result = run("--db", db_url, *args)
    assert result.exit_code == 1
    assert "no branch yet" in result.stderr
    assert tables(db_url) == before
    assert before[1] == []


def test_the_refusal_speaks_chinese(tmp_path):
    result = run("--db", str(tmp_path / "x.db"), "plan", "list", lang="zh")
    assert result.exit_code == 1 and "尚无党支部" in result.stderr


# ---------------------------------------------------------------------------- operations


def test_add_list_edit_remove(sample_db):
    added = ok("--db", sample_db, "plan", "add", "--year", "2026", "--month", "3",
               "--type", "主题党日", "--topic", "学雷锋志愿服务", "--note", "进社区")  # fmt: skip
    assert "Plan item 1 added: 2026-03, themed day: 学雷锋志愿服务." in added.stdout
    ok("--db", sample_db, "plan", "add", "--year", "2026", "--type", "committee_meeting",
       "--topic", "研究工作")  # fmt: skip
    items = plan(sample_db)
    assert [(i["id"], i["month"], i["meeting_type"], i["held_meeting_no"]) for i in items] == [
        (1, 3, "themed_day", "2026-005"),
        (2, None, "committee_meeting", "2026-001"),
    ]
    assert items[0] == {
        "id": 1,
        "year": 2026,
        "month": 3,
        "meeting_type": "themed_day",
        "topic": "学雷锋志愿服务",
        "note": "进社区",
        "held": True,
        "held_meeting_no": "2026-005",
        "held_date": "2026-03-05",
    }

    edited = ok("--db", sample_db, "plan", "edit", "1", "--month", "4", "--note", "")
    assert "Plan item 1 is now: 2026-04, themed day" in edited.stdout
    item = plan(sample_db)[0]
    assert (item["month"], item["note"], item["held"]) == (4, None, False)
    ok("--db", sample_db, "plan", "edit", "1", "--whole-year", "--type", "党课")
    item = next(i for i in plan(sample_db) if i["id"] == 1)
    assert (item["month"], item["meeting_type"], item["held_meeting_no"]) == (
        None,
        "party_lecture",
        "2026-002",
    )

    removed = ok("--db", sample_db, "plan", "remove", "2")
    assert "Plan item 2 removed" in removed.stdout
    assert [i["id"] for i in plan(sample_db)] == [1]


def test_the_table_shows_what_was_held_in_the_ui_language(sample_db):
    ok("--db", sample_db, "plan", "import", str(SAMPLES / "plan.csv"))
    table = ok("--db", sample_db, "plan", "list", "--year", "2026", lang="zh").stdout
    assert "落实情况" in table and "2026-005（2026-03-05）" in table and "未落实" in table
    assert "2026 年度：计划 11 项，已落实 7 项。" in table
    english = ok("--db", sample_db, "plan", "list", "--year", "2026").stdout
    assert "2026: 11 planned, 7 held." in english and "not yet" in english
    as_csv = ok("--db", sample_db, "plan", "list", "--year", "2026", "--format", "csv").stdout
    header, first = as_csv.splitlines()[:2]
    assert header == "id,year,month,meeting_type,topic,note,held,held_meeting_no,held_date"
    assert first.startswith("2,2026,1,general_meeting,")
    empty = ok("--db", sample_db, "plan", "list", "--year", "2030").stdout
    assert "No plan items for 2030." in empty


# ---------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("add", "--year", "2026", "--type", "茶话会", "--topic", "t"), 2, "Unknown meeting type"),
        (
            ("add", "--year", "2026", "--month", "13", "--type", "党课", "--topic", "t"),
            1,
            "The month 13 is not a month",
        ),
        (
            ("add", "--year", "2026", "--month", "0", "--type", "党课", "--topic", "t"),
            1,
            "The month 0 is not a month",
        ),
        (("add", "--year", "1899", "--type", "党课", "--topic", "t"), 1, "outside 1900–2999"),
        (("add", "--year", "2026", "--type", "党课", "--topic", "  "), 1, "needs a topic"),
        (("add", "--year", "2026", "--type", "党课"), 2, "--topic"),
        (("edit", "1", "--topic", ""), 1, "needs a topic"),
        (("edit", "1", "--month", "2", "--whole-year"), 2, "not both"),
        (("edit", "99", "--topic", "x"), 1, "No plan item 99."),
        (("remove", "99"), 1, "No plan item 99."),
        (("list", "--format", "xml"), 2, "Unknown format"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(sample_db, args, code, message):
    ok("--db", sample_db, "plan", "add", "--year", "2026", "--type", "党课", "--topic", "学习党章")
    before = tables(sample_db)
    result = run("--db", sample_db, "plan", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stdout == ""
    assert tables(sample_db) == before


# ---------------------------------------------------------------------------- import


def test_the_sample_plan_imports(sample_db):
    result = ok("--db", sample_db, "plan", "import", str(SAMPLES / "plan.csv"))
    assert "plan items added: 11" in result.stdout
    items = plan(sample_db)
    assert len(items) == 11
    assert sum(i["held"] for i in items) == 7
    # year-wide lecture: 2026-002 is taken by January's lecture, so it gets 2026-005
    lecture = next(i for i in items if i["topic"] == "党的创新理论专题党课")
    assert (lecture["month"], lecture["held_meeting_no"]) == (None, "2026-005")


def test_english_headers_month_spellings_and_an_xlsx(sample_db, tmp_path):
    from openpyxl import Workbook

    path = write_csv(
        tmp_path / "p.csv",
        [
            ["year", "Month", "*type", "topic(主题)"],
            ["2026年", "3月", "party_lecture", "三月党课"],
            ["2026", "2026-04", "党课", "四月党课"],
            ["2026", "", "其他", "七一慰问"],
        ],
    )
    ok("--db", sample_db, "plan", "import", path)
    book = Workbook()
    sheet = book.active
    sheet.append(["序号", "年度", "月份", "会议类型", "计划内容", "说明"])
    sheet.append([1, 2026, 5, "支委会", "五月支委会", "xlsx"])
    book.save(tmp_path / "p.xlsx")
    ok("--db", sample_db, "plan", "import", str(tmp_path / "p.xlsx"))
    got = [(i["month"], i["meeting_type"], i["topic"], i["note"]) for i in plan(sample_db)]
    assert got == [
        (3, "party_lecture", "三月党课", None),
        (4, "party_lecture", "四月党课", None),
        (5, "committee_meeting", "五月支委会", "xlsx"),
        (None, "other", "七一慰问", None),
    ]


def test_an_import_with_bad_rows_writes_nothing_and_names_every_row(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        [
            ["年度", "月份", "类型", "主题", "备注"],
            ["2026", "1", "支部委员会", "好的一行", ""],
            ["2026", "13", "党课", "月份不对", ""],
            ["", "2", "党课", "没有年度", ""],
            ["2026", "3", "茶话会", "类型不对", ""],
            ["2026", "4", "党课", "", ""],
            ["1800", "", "党课", "年度太早", ""],
            ["2026", "2025-05", "党课", "别的年份", ""],
            ["2026", "5", "主题党日;党课", "两种类型", ""],
        ],
    )
    before = tables(sample_db)
    result = run("--db", sample_db, "plan", "import", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines == [
        f"{path}:3: The month 13 is not a month (1–12).",
        f"{path}:4: year: required",
        f"{path}:5: type: unknown meeting type in '茶话会'",
        f"{path}:6: topic: required",
        f"{path}:7: The year 1800 is outside 1900–2999.",
        f"{path}:8: month: '2025-05' is not in the year 2026",
        f"{path}:9: type: one meeting type per row, not '主题党日;党课'; write one row for each type",
        f"Nothing was imported; problems in {path}: 7.",
    ]
    assert tables(sample_db) == before


def test_a_bad_file_is_refused_before_the_database_is_opened(tmp_path):
    missing_db = tmp_path / "never.db"
    path = write_csv(tmp_path / "p.csv", [["年度", "类型"], ["2026", "党课"]])
    result = run("--db", str(missing_db), "plan", "import", path)
    assert result.exit_code == 1
    assert "Missing required column topic(主题)" in result.stderr
    assert not missing_db.exists()


def test_import_messages_in_chinese(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "p.csv", [["年度", "月份", "类型", "主题"], ["2026", "x", "党课", "t"]]
    )
    result = run("--db", sample_db, "plan", "import", path, lang="zh")
    assert result.exit_code == 1
    assert f"{path}:2: 月份：无法识别月份“x”" in result.stderr
