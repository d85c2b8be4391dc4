"""`orglife-tui overview`: every branch one line; md, json and xlsx for the committee's
report; bad requests refused clearly. On the report year of tests/report_year.py."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from orglife_tui.data.store import Store
from tests import report_year
from tests.cli.test_lazy_cli import loaded_heavy
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    return invoke_cli(["--lang", lang, *args], catch_exceptions=False)


@pytest.fixture
def db(db_url, prebuilt) -> str:
    prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    return db_url


def test_the_table_has_a_line_per_branch(db):
    result = run("--db", db, "overview", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "1 branch(es), 2025 as of 2025-12-31:" in result.stdout
    line = next(x for x in result.stdout.splitlines() if "测试党支部" in x)
    # nine members, seven talked with, two periods missed, no appraisal, two items overdue
    assert line.split() == ["测试党支部", "9", "7/9", "2", "—", "—", "0", "2", "0"]


def test_json_keeps_keys_and_the_calendar(db):
    result = run("--db", db, "overview", "--year", "2025", "--as-of", "2025-06-30", "-f", "json")
    assert result.exit_code == 0, result.output
    (branch,) = json.loads(result.stdout)["branches"]
    assert branch["branch"] == "测试党支部" and branch["overdue_rectifications"] == 1
    assert branch["calendar"]["committee_meeting_frequency"][2] == "missing"  # March


def test_markdown_in_chinese_for_the_report(db):
    result = run("--db", db, "overview", "--year", "2025", "-f", "md", lang="zh")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# 2025年各党支部组织生活情况")
    assert "| 测试党支部 | 9 | 7 | 2 | — |" in result.stdout
    assert "已公布的民主评议结果合计：优秀0人" in result.stdout


def test_xlsx_has_the_overview_and_the_matrix(db, tmp_path):
    out = tmp_path / "overview.xlsx"
    result = run("--db", db, "overview", "--year", "2025", "-f", "xlsx", "-o", str(out), lang="zh")
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["支部总览", "组织生活落实", "metadata"]
    rows = list(wb["支部总览"].values)
    assert rows[0][:3] == ("党支部", "党员人数", "已谈心人数")
    assert rows[1][:4] == ("测试党支部", 9, 7, 2)
    matrix = list(wb["组织生活落实"].values)
    committee = next(r for r in matrix if r[1] == "支委会")
    assert committee[2 + 2] == "缺开"  # March


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-f", "xlsx"), "-o FILE"),
        (("-f", "csv"), "csv"),
        (("--as-of", "2999-01-01"), "lies in the future"),
        (("--as-of", "yesterday"), "--as-of"),
    ],
)
def test_bad_requests_are_refused(db, args, message):
    result = run("--db", db, "overview", *args)
    assert result.exit_code != 0
    assert message in result.output


def test_overview_loads_no_terminal_ui(sqlite_url):
    Store.open(sqlite_url, operator="tester").resolve_branch("第一党支部")
    path = sqlite_url.removeprefix("sqlite:///")
    loaded = loaded_heavy("--db", path, "overview", heavy=("textual", "orglife_tui.tui"))
    assert loaded == []


def test_a_database_without_branches_says_none_is_visible(sqlite_url):
    Store.open(sqlite_url, operator="tester").close()  # migrated, no branch
    result = run("--db", sqlite_url, "overview")
    assert result.exit_code == 0, result.output
    assert "No branches visible" in result.stdout and "administrator" in result.stdout
