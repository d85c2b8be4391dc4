"""`orglife-tui export report`: Markdown and XLSX that open, and counts that match `check`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from orglife_tui.config import operator as login_user
from orglife_tui.data import schemes
from orglife_tui.data.store import Store
from tests import report_year
from tests.cli_run import invoke_cli

YEAR = str(report_year.YEAR)
SHEETS = [
    "Summary",
    "Findings by rule",
    "Plan",
    "Plan items",
    "Meetings",
    "Group meetings",
    "Attendance",
    "Absence cases",
    "Talks",
    "Talks missing",
    "Rectification",
    "Findings",
    "Points",
    "Appraisal",
    "Notice",
    "Objections",
    "Follow-ups by measure",
    "Commendations",
    "Life meeting",
]


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def db(db_url, prebuilt) -> str:
    prebuilt(db_url, report_year.build, lambda url: Store.open(url, operator="tester"))
    return db_url


def check_counts(db: str, *args: str) -> Counter:
    result = run("--db", db, "check", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return Counter(f["rule"] for f in json.loads(result.stdout))


def sheet_rows(ws) -> list[tuple]:
    """The data rows of a report sheet: below the header, up to the first blank row."""
    rows = []
    for row in ws.iter_rows(min_row=2, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(row)
    return rows


def test_markdown_on_stdout_has_every_section_and_the_checks_totals(db):
    result = run("--db", db, "export", "report", "--year", YEAR)
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith(f"# 测试党支部: year-end report on organizational life, {YEAR}\n")
    assert "- **As of**: 2025-12-31" in md
    for n, heading in enumerate(
        [
            "Summary",
            "Plan against what was held",
            "Meetings against the policy",
            "Attendance",
            "Absence cases and what was done",
            "Heart-to-heart talks",
            "Rectification items",
            "Findings",
            "Points summary",
            "Democratic appraisal",
        ],
        start=1,
    ):
        assert f"\n## {n}. {heading}\n" in md
    for rule, n in check_counts(db, "--year", YEAR).items():
        assert f"| {n} | {rule} |" in md
    assert "| Total | 6 |  |" in md
    assert "| 006 | 孙六 | 2025-01–2025-06 | 6 |" in md
    assert "2025-03-20 reminder by 赵一" in md  # the talk that answered the case
    assert "No points scheme is active" in md
    assert f"No democratic appraisal was held for {YEAR}." in md


def test_chinese_markdown_to_a_file(db, tmp_path: Path):
    out = tmp_path / "报告.md"
    result = run("--db", db, "export", "report", "--year", YEAR, "-o", str(out), lang="zh")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "（发现问题 6 项）" in result.stderr
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# 测试党支部2025年度组织生活落实情况报告\n")
    assert "- **统计截至**：2025年12月31日" in md
    assert "## 一、总体情况" in md and "## 九、党员积分情况" in md
    assert "| 支部党员大会 | 19 | 1 | 1 | 21 | 90.5% |" in md
    assert "2025年第二季度支部党员大会召开 0 次，应召开 1 次" in md


def test_xlsx_has_a_sheet_per_table_with_frozen_headers_and_the_checks_counts(db, tmp_path):
    out = tmp_path / "report.xlsx"
    result = run("--db", db, "export", "report", "--year", YEAR, "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.column_dimensions["A"].width >= 8, ws.title
    summary = dict(sheet_rows(wb["Summary"]))
    assert summary["Branch"] == report_year.BRANCH
    assert summary["Year"] == int(YEAR)
    assert summary["Prepared by"] == login_user()  # the operator of the exporting session
    assert summary["Findings"] == 6

    expected = check_counts(db, "--year", YEAR)
    totals = {rule: n for _, n, rule in sheet_rows(wb["Findings by rule"]) if rule}
    assert {r: n for r, n in totals.items() if n} == expected
    findings = sheet_rows(wb["Findings"])
    assert [c.value for c in wb["Findings"][1]] == [
        "Rule",
        "Period",
        "Subject",
        "Severity",
        "Finding",
        "Rule id",
    ]
    assert Counter(row[5] for row in findings) == expected

    attendance = {row[0]: row[1:] for row in sheet_rows(wb["Attendance"])}
    present, leave, absent, marks, rate = attendance["general meeting"]
    assert (present, leave, absent, marks) == (19, 1, 1, 21)
    assert rate == pytest.approx(19 / 21)
    assert wb["Attendance"]["F2"].number_format == "0.0%"
    gaps = sheet_rows(wb["Talks missing"])
    assert [row[0] for row in gaps] == [report_year.UNCOVERED]


def test_xlsx_is_never_written_to_the_terminal(db):
    result = run("--db", db, "export", "report", "--year", YEAR, "--format", "xlsx")
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_a_database_without_a_branch_is_refused_and_not_created(tmp_path: Path):
    path = tmp_path / "none.db"
    result = run("--db", f"sqlite:///{path}", "export", "report", "--year", YEAR)
    assert result.exit_code == 1
    assert "no branch" in result.stderr
    assert not path.exists()


def test_a_year_without_records_is_refused_clearly(db, tmp_path: Path):
    out = tmp_path / "r.md"
    result = run("--db", db, "export", "report", "--year", "2019", "-o", str(out))
    assert result.exit_code == 1
    assert "测试党支部 has no records for 2019" in result.stderr
    assert not out.exists()


def test_the_report_never_activates_a_scheme(db):
    assert run("--db", db, "export", "report", "--year", YEAR).exit_code == 0
    store = Store.open(db, operator="tester")
    try:
        (branch,) = store.branches()
        assert schemes.active(store, branch.id) is None
    finally:
        store.close()


def test_the_demo_years_report_opens_in_both_formats_and_matches_check(sqlite_url, tmp_path):
    assert run("--db", sqlite_url, "demo").exit_code == 0
    expected = check_counts(sqlite_url)
    md = run("--db", sqlite_url, "export", "report")
    assert md.exit_code == 0, md.output
    for rule, n in expected.items():
        assert f"| {n} | {rule} |" in md.stdout
    assert f"| Total | {sum(expected.values())} |  |" in md.stdout
    out = tmp_path / "demo.xlsx"
    assert run("--db", sqlite_url, "export", "report", "-f", "xlsx", "-o", str(out)).exit_code == 0
    wb = load_workbook(out)
    findings = sheet_rows(wb["Findings"])
    assert Counter(row[5] for row in findings) == expected
    points = dict(sheet_rows(wb["Points"]))
    assert points["Members scored"] > 0  # the demo scores its members under a scheme
