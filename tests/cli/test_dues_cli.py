"""`orglife-tui dues standard|standards|pay|void|list|status|import` and `export dues`, on
SQLite and PostgreSQL, with a fixed clock (``ORGLIFE_TODAY``).

Bad input exits non-zero with one clear line on stderr (a file: one ``FILE:ROW: reason``
line per problem) and leaves the dues tables, the ledger and the audit log as they were.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from orglife_tui.data.models import ledger_t, payment_t, standard_t
from tests.cli_run import invoke_cli

MEMBERS = [
    ["编号", "姓名", "类别", "入党日期", "党费交至"],
    ["001", "张伟", "正式党员", "1995-07-01", ""],
    ["002", "王芳", "正式党员", "2010-06-01", "2025-12"],
    ["003", "李娜", "正式党员", "2012-01-01", ""],
]


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


def ok(*args: str, lang: str = "en"):
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return result


def write_csv(path: Path, rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return str(path)


def state(db: str) -> tuple[list, list, int, int]:
    """The dues rows, the number of ledger entries and of audit entries of the database."""
    from orglife_tui.data.store import Store

    store = Store.open(db, operator="tester")
    try:
        with store.read_connection() as conn:
            standards = [tuple(r) for r in conn.execute(select(standard_t).order_by("id"))]
            payments = [tuple(r) for r in conn.execute(select(payment_t).order_by("id"))]
            entries = len(conn.execute(select(ledger_t.c.id)).all())
        return standards, payments, entries, len(store.audit_entries(limit=1_000_000))
    finally:
        store.close()


@pytest.fixture
def db(db_url, tmp_path, monkeypatch):
    """Three members of a branch whose records start on 1 January 2025; 001 and 002 pay
    12.50 a month from 2025-01 (002's roster says dues paid until 2025-12); 003 has no
    standard. Today is 1 July 2026."""
    monkeypatch.setenv("ORGLIFE_TODAY", "2025-01-10")
    ok("--db", db_url, "branch", "add", "第一党支部")
    ok("--db", db_url, "import", "members", write_csv(tmp_path / "members.csv", MEMBERS))
    monkeypatch.setenv("ORGLIFE_TODAY", "2026-07-01")
    ok("--db", db_url, "dues", "standard", "001", "12.50", "--from", "2025-01")
    ok("--db", db_url, "dues", "standard", "002", "12.5", "--from", "2025-01")
    return db_url


def status(db: str, *extra: str) -> dict[str, dict]:
    out = ok("--db", db, "dues", "status", "--format", "json", *extra).stdout
    return {r["member_no"]: r for r in json.loads(out)}


# ---------------------------------------------------------------------------- record


def test_a_payment_moves_paid_until_and_the_points_follow(db):
    before = status(db)
    assert before["001"]["paid_until"] == "" and before["001"]["arrears_months"] == 18
    assert before["002"]["paid_until"] == "2025-12" and before["002"]["arrears_months"] == 6
    assert before["003"]["arrears_months"] == "" and before["003"]["note"] == "no standard set"
    result = ok(
        "--db", db, "dues", "pay", "001", "--months", "2025-01..2026-06", "--amount", "225",
        "--on", "2026-06-20", "--note", "补交",
    )  # fmt: skip
    assert "Payment #1: 001 张伟 paid 225.00 yuan for 2025-01..2026-06 on 2026-06-20." in (
        result.stdout
    )
    assert "Points:" in result.stdout  # the late months stay late, April is undone
    after = status(db)["001"]
    assert (after["paid_until"], after["arrears_months"], after["owed"]) == ("2026-06", 0, "0.00")
    listed = json.loads(ok("--db", db, "dues", "list", "--format", "json").stdout)
    assert listed == [
        {
            "id": 1,
            "member_no": "001",
            "name": "张伟",
            "paid_on": "2026-06-20",
            "from_month": "2025-01",
            "to_month": "2026-06",
            "amount": "225.00",
            "note": "补交",
            "voided": False,
            "void_reason": None,
            "operator": listed[0]["operator"],
        }
    ]


def test_paying_today_is_the_default_and_a_different_amount_is_noted(db):
    result = ok("--db", db, "dues", "pay", "002", "--months", "2026-01..2026-03", "--amount", "30")
    assert "on 2026-07-01" in result.stdout
    assert "the standard for these months comes to 37.50 yuan; 30.00 was paid" in result.stderr


def test_a_voided_payment_is_listed_and_no_longer_counts(db):
    ok("--db", db, "dues", "pay", "002", "--months", "2026-01..2026-06", "--amount", "75")
    assert status(db)["002"]["arrears_months"] == 0
    result = ok("--db", db, "dues", "void", "1", "--reason", "登记重复")
    assert "Payment #1 (002 王芳, 75.00 yuan for 2026-01..2026-06) voided." in result.stdout
    assert status(db)["002"]["arrears_months"] == 6
    table = ok("--db", db, "dues", "list").stdout
    assert "VOIDED: 登记重复" in table and "0 payment(s), 0.00 yuan; 1 voided." in table
    again = run("--db", db, "dues", "void", "1", "--reason", "x")
    assert again.exit_code == 1 and "already voided" in again.stderr


def test_status_in_chinese_and_as_of_an_earlier_day(db):
    text = ok("--db", db, "dues", "status", lang="zh").stdout
    assert "第一党支部：党费交纳情况（截至 2026-07-01）" in text
    assert "欠缴党员 2 名" in text and "未设标准" in text
    earlier = status(db, "--as-of", "2026-01-31")
    assert earlier["002"]["arrears_months"] == 0  # January is not yet in arrears on the 31st
    refused = run("--db", db, "dues", "status", "--as-of", "2026-07-02")
    assert refused.exit_code == 2 and "in the future" in refused.stderr


def test_standards_are_listed(db):
    rows = json.loads(ok("--db", db, "dues", "standards", "--format", "json").stdout)
    assert [(r["member_no"], r["from_month"], r["amount"]) for r in rows] == [
        ("001", "2025-01", "12.50"),
        ("002", "2025-01", "12.50"),
    ]


# ---------------------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("pay", "001", "--months", "2026-07", "--amount", "12.5", "--on", "2026-07-02"), 1,
         "The payment date 2026-07-02 lies in the future."),
        (("pay", "099", "--months", "2026-01", "--amount", "12.5"), 1,
         "No member with number 099."),
        (("pay", "001", "--months", "2026-01", "--amount", "12.345"), 2,
         "--amount: '12.345': at most two decimals (fen)"),
        (("pay", "001", "--months", "2026-01", "--amount", "-5"), 2,
         "--amount: '-5': an amount cannot be negative"),
        (("pay", "001", "--months", "2026-01", "--amount", "十二元"), 2, "as an amount in yuan"),
        (("pay", "001", "--months", "2026-01", "--amount", "0"), 1, "more than 0 yuan"),
        (("pay", "001", "--months", "2026-13", "--amount", "12.5"), 2, "--months: cannot read"),
        (("pay", "001", "--months", "2026-03..2026-01", "--amount", "12.5"), 1,
         "run backwards"),
        (("pay", "001", "--months", "2026-01", "--amount", "12.5", "--on", "2026-02-30"), 2,
         "--on:"),
        (("standard", "001", "abc", "--from", "2026-01"), 2, "AMOUNT:"),
        (("standard", "001", "12", "--from", "2026/13"), 2, "--from:"),
        (("standard", "099", "12", "--from", "2026-01"), 1, "No member with number 099."),
        (("void", "99", "--reason", "x"), 1, "No dues payment #99"),
        (("list", "--member", "099"), 1, "No member with number 099."),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_one_line_and_writes_nothing(db, args, code, message):
    before = state(db)
    result = run("--db", db, "dues", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert state(db) == before


def test_a_month_already_paid_is_refused(db):
    ok("--db", db, "dues", "pay", "001", "--months", "2026-01..2026-03", "--amount", "37.5")
    before = state(db)
    result = run("--db", db, "dues", "pay", "001", "--months", "2026-03", "--amount", "12.5")
    assert result.exit_code == 1
    assert "001: 2026-03 is already paid (payment #1)" in result.stderr
    assert state(db) == before


def test_a_database_without_a_branch_is_refused(tmp_path):
    db = f"sqlite:///{tmp_path / 'none.db'}"
    result = run("--db", db, "dues", "status")
    assert result.exit_code == 1 and not (tmp_path / "none.db").exists()


def test_late_dues_cannot_be_added_by_hand(db):
    result = run("--db", db, "ledger", "add", "001", "late_dues")
    assert result.exit_code == 1 and "scored from the dues records" in result.stderr


# ---------------------------------------------------------------------------- import


def test_an_import_with_any_bad_row_writes_nothing_and_names_every_row(db, tmp_path):
    path = write_csv(
        tmp_path / "dues.csv",
        [
            ["序号", "编号", "姓名", "缴纳日期", "起始月份", "截止月份", "金额", "备注"],
            ["1", "001", "张伟", "2026-01-05", "2026-01", "2026-03", "37.50", ""],
            ["2", "002", "王芳", "2026-07-02", "2026-01", "2026-03", "37.50", ""],  # future
            ["3", "099", "无名", "2026-01-05", "2026-01", "", "12.50", ""],  # unknown member
            ["4", "001", "张伟", "2026-02-01", "2026-03", "2026-04", "25", ""],  # March twice
            ["5", "001", "李娜", "2026-04-01", "2026-05", "", "12.5", ""],  # name is 张伟's
            ["6", "001", "张伟", "2026/5/1", "2026年6月", "", "12.505", ""],  # three decimals
        ],
    )
    before = state(db)
    result = run("--db", db, "dues", "import", path)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith(f"{path}:3: ") and "2026-07-02 lies in the future" in lines[0]
    assert lines[1].startswith(f"{path}:4: ") and "099" in lines[1]
    assert lines[2].startswith(f"{path}:5: ") and "also paid in row 2" in lines[2]
    assert lines[3].startswith(f"{path}:6: ") and "李娜" in lines[3]
    assert lines[4].startswith(f"{path}:7: ") and "at most two decimals" in lines[4]
    assert lines[-1] == f"Nothing was imported; problems in {path}: 5."
    assert state(db) == before


def test_a_good_file_imports_with_aliases_and_the_points_follow(db, tmp_path):
    path = write_csv(
        tmp_path / "dues.csv",
        [
            ["党员编号", "党员姓名", "交纳日期", "所属月份", "缴至", "金额（元）", "说明"],
            ["001", "张 伟", "2026.01.05", "2025-01", "2025-12", "150", "补交2025年"],
            ["001", "张伟", "2026/3/31", "2026-01至2026-03", "", "37.50", ""],
            ["002", "王芳", "2026年6月30日", "2026-01", "2026-06", "75", ""],
        ],
    )
    result = ok("--db", db, "dues", "import", path)
    assert f"{path}: dues payments recorded: 3, 262.50 yuan in all." in result.stdout
    assert "Points:" in result.stdout
    rows = status(db)
    assert rows["001"]["paid_until"] == "2026-03" and rows["002"]["paid_until"] == "2026-06"
    again = run("--db", db, "dues", "import", path)  # every month already paid
    assert again.exit_code == 1 and again.stderr.count("already paid") == 3


def test_a_workbook_with_a_title_row_and_date_cells_imports(db, tmp_path):
    from datetime import datetime

    wb = Workbook()
    ws = wb.active
    ws.append(["第一党支部2026年党费交纳登记表"])
    ws.merge_cells("A1:F1")
    ws.append(["编号", "姓名", "缴纳日期", "起始月份", "截止月份", "金额"])
    ws.append(["001", "张伟", datetime(2026, 2, 3), datetime(2026, 1, 1), datetime(2026, 2, 1), 25])
    ws.append(["002", "王芳", datetime(2026, 2, 3), "2026-01", "2026-02", 25.0])
    path = tmp_path / "dues.xlsx"
    wb.save(path)
    ok("--db", db, "dues", "import", str(path))
    paid = json.loads(ok("--db", db, "dues", "list", "--format", "json").stdout)
    assert [(p["member_no"], p["from_month"], p["to_month"], p["amount"]) for p in paid] == [
        ("001", "2026-01", "2026-02", "25.00"),
        ("002", "2026-01", "2026-02", "25.00"),
    ]


def test_a_file_without_the_required_columns_is_refused_before_the_database(db, tmp_path):
    path = write_csv(tmp_path / "dues.csv", [["编号", "金额"], ["001", "12"]])
    before = state(db)
    result = run("--db", db, "dues", "import", path)
    assert result.exit_code == 1
    assert "paid_on(缴纳日期)" in result.stderr and "from_month(起始月份)" in result.stderr
    assert state(db) == before


# ---------------------------------------------------------------------------- compliance


def test_check_reports_the_dues_findings_on_their_days(db):
    def found(day: str) -> list[tuple[str, str, str]]:
        out = ok("--db", db, "check", "--as-of", day, "--format", "json").stdout
        return [
            (f["subject"], f["period"], f["severity"])
            for f in json.loads(out)
            if f["rule"] == "dues_arrears"
        ]

    ok("--db", db, "dues", "pay", "001", "--months", "2025-01..2025-12", "--amount", "150",
       "--on", "2025-12-20")  # fmt: skip
    assert found("2026-03-31") == []
    assert found("2026-04-01") == [("001", "2026-03", "warning"), ("002", "2026-03", "warning")]
    assert found("2026-06-30") == [("001", "2026-05", "warning"), ("002", "2026-05", "warning")]
    assert found("2026-07-01") == [
        ("001", "2026-06", "violation"),
        ("002", "2026-06", "violation"),
    ]
    zh = json.loads(
        ok("--db", db, "check", "--as-of", "2026-07-01", "-f", "json", lang="zh").stdout
    )
    case = next(f for f in zh if f["rule"] == "dues_arrears")
    assert "党章第三十八条" in case["message"]


# ---------------------------------------------------------------------------- export


def test_the_register_exports_as_csv_with_a_bom(db):
    # fifteen months at 12.50: the year's share is January–March
    ok("--db", db, "dues", "pay", "001", "--months", "2025-01..2026-03", "--amount", "187.5",
       "--on", "2026-03-01")  # fmt: skip
    result = ok("--db", db, "export", "dues", "--year", "2026")
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0])[:5] == ["member_no", "name", "standard", "m01", "m02"]
    zhang = rows[0]
    assert (zhang["m01"], zhang["m03"], zhang["m04"], zhang["total"]) == (
        "12.50",
        "12.50",
        "",
        "37.50",
    )
    assert (zhang["paid_until"], zhang["arrears_months"], zhang["owed"]) == (
        "2026-03",
        "3",
        "37.50",
    )
    assert zhang["arrears"] == "2026-04;2026-05;2026-06"
    assert rows[2]["standard"] == "" and rows[2]["arrears_months"] == ""  # 003: no standard


def test_a_past_years_register_counts_only_payments_made_that_year(db):
    ok("--db", db, "dues", "pay", "001", "--months", "2025-01..2025-12", "--amount", "150",
       "--on", "2026-01-10")  # fmt: skip
    doc = json.loads(ok("--db", db, "export", "dues", "--year", "2025", "-f", "json").stdout)
    assert doc["as_of"] == "2025-12-31"
    zhang = doc["rows"][0]
    assert zhang["months"] == {} and len(zhang["arrears"]) == 11  # as it stood that day
    now = json.loads(ok("--db", db, "export", "dues", "--year", "2026", "-f", "json").stdout)
    assert now["rows"][0]["paid_until"] == "2025-12"


def test_the_register_prints_in_chinese_and_goes_to_a_workbook(db, tmp_path):
    text = ok("--db", db, "export", "dues", "-f", "md", lang="zh").stdout
    assert text.startswith("# 第一党支部2026年党费收缴台账")
    assert "| 001 | 张伟 | 12.50 | 欠 |" in text and "未设标准" in text
    refused = run("--db", db, "export", "dues", "-f", "xlsx")
    assert refused.exit_code == 2
    out = tmp_path / "dues.xlsx"
    ok("--db", db, "export", "dues", "-f", "xlsx", "-o", str(out))
    wb = load_workbook(out)
    sheet = list(wb["dues"].iter_rows(values_only=True))
    assert sheet[0][:3] == ("member_no", "name", "standard") and sheet[1][2] == 12.5
    assert run("--db", db, "export", "dues", "--year", "2027").exit_code == 2


def test_the_register_in_chinese_has_chinese_headers_and_money_formats(db, tmp_path):
    out = tmp_path / "dues-zh.xlsx"
    ok("--db", db, "export", "dues", "-f", "xlsx", "-o", str(out), lang="zh")
    ws = load_workbook(out)["党费台账"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["编号", "姓名", "月交纳标准（元）"] and "1月" in header
    assert ws.cell(row=2, column=3).value == 12.5
    assert ws.cell(row=2, column=3).number_format == "0.00"
    assert ws.freeze_panes == "C2"
    csv_text = ok("--db", db, "export", "dues", "-f", "csv", lang="zh").stdout
    assert csv_text.lstrip("\ufeff").startswith("编号,姓名,月交纳标准（元）,1月")
