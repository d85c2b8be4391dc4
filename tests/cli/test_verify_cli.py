"""`orglife-tui verify --expect`: the heads printed by verify and on every sheet check the
chains later; a truncated ledger or a deleted audit event fails against them (issue 10 §4).
On SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests.cli_run import invoke_cli
from tests.data.test_ledger import _tamper

ANCHOR = re.compile(r"verify --expect ([0-9a-f]{64},[0-9a-f]{64})")


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def demo(db_url, monkeypatch) -> str:
    monkeypatch.setenv("ORGLIFE_TODAY", "2026-06-30")
    result = run("--db", db_url, "demo", "--members", "5")
    assert result.exit_code == 0, result.output
    return db_url


def anchor_of(text: str) -> str:
    (found,) = set(ANCHOR.findall(text))
    return found


def test_verify_prints_the_anchor_it_accepts(demo):
    first = run("--db", demo, "verify")
    assert first.exit_code == 0, first.output
    anchor = anchor_of(first.stdout)
    ledger_head, audit_head = anchor.split(",")
    assert f"Ledger head of 示范党支部: {ledger_head}" in first.stdout
    assert f"Audit log head: {audit_head}" in first.stdout
    added = run("--db", demo, "ledger", "add", "001", "community_report_in")
    assert added.exit_code == 0, added.output
    later = run("--db", demo, "verify", "--expect", anchor)
    assert later.exit_code == 0, later.output
    assert f"Expected ledger head {ledger_head}: present in the ledger of 示范党支部; " in (
        later.stdout
    )
    assert "1 entries were added after it." in later.stdout
    assert "1 events were logged after it." in later.stdout
    # shortened as a sheet may print it, either part alone, in Chinese
    short = run("--db", demo, "verify", "--expect", f"{ledger_head[:12]},{audit_head[:16]}")
    assert short.exit_code == 0, short.output
    zh = run("--db", demo, "verify", "--expect", f",{audit_head[:12]}", lang="zh")
    assert zh.exit_code == 0 and "在操作日志中；其后又记录 1 条操作" in zh.stdout


@pytest.mark.parametrize(
    ("anchor", "message"),
    [
        ("abc123", "too short; give at least the first 12 characters"),
        ("0123456789xyz", "is not a hash"),
        ("0123456789ab,0123456789ab,0123456789ab", "give at most two heads"),
    ],
)
def test_a_mistyped_anchor_is_refused_before_anything_is_read(sqlite_url, anchor, message):
    result = run("--db", sqlite_url, "verify", "--expect", anchor)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_deleted_last_audit_event_fails_against_the_anchor(demo):
    anchor = anchor_of(run("--db", demo, "verify").stdout)
    audit_head = anchor.split(",")[1]
    _tamper(demo, [f"DELETE FROM audit_log WHERE hash = '{audit_head}'"])
    plain = run("--db", demo, "verify")
    assert plain.exit_code == 0  # what is left still follows link by link
    result = run("--db", demo, "verify", "--expect", anchor)
    assert result.exit_code == 1
    assert f"Expected audit head {audit_head} is NOT in the audit log" in result.stderr
    assert "Verification FAILED" in result.stderr


def test_a_truncated_ledger_fails_against_the_head_on_a_publicity_sheet(demo, tmp_path):
    sheet = run("--db", demo, "export", "publicity")
    assert sheet.exit_code == 0, sheet.output
    anchor = anchor_of(sheet.stdout)
    ledger_head = anchor.split(",")[0]
    assert f"Ledger head hash: {ledger_head}" in sheet.stdout
    assert run("--db", demo, "verify", "--expect", anchor).exit_code == 0
    _tamper(
        demo,
        [
            "DELETE FROM ledger_entry WHERE id IN "
            "(SELECT id FROM ledger_entry ORDER BY id DESC LIMIT 3)"
        ],
    )
    result = run("--db", demo, "verify", "--expect", anchor)
    assert result.exit_code == 1
    assert f"Expected ledger head {ledger_head} is NOT in any ledger" in result.stderr
    # the workbook of the same record carries the same anchor
    path = tmp_path / "publicity.xlsx"
    written = run("--db", demo, "export", "publicity", "--id", "1", "-f", "xlsx", "-o", str(path))
    assert written.exit_code == 0, written.output
    cells = [
        str(v) for ws in load_workbook(path).worksheets for row in ws.iter_rows(values_only=True)
        for v in row if v is not None
    ]  # fmt: skip
    assert anchor in "\n".join(cells)


def test_the_year_end_report_prints_the_heads_it_was_made_from(demo, tmp_path):
    before = anchor_of(run("--db", demo, "verify").stdout)
    md = run("--db", demo, "export", "report")
    assert md.exit_code == 0, md.output
    assert anchor_of(md.stdout) == before
    assert f"**Ledger head hash**: {before.split(',')[0]}" in md.stdout
    path = tmp_path / "report.xlsx"
    written = run("--db", demo, "export", "report", "-f", "xlsx", "-o", str(path))
    assert written.exit_code == 0, written.output
    summary = load_workbook(path).worksheets[0]
    values = [str(v) for row in summary.iter_rows(values_only=True) for v in row if v]
    assert f"orglife-tui verify --expect {before}" in values
    assert run("--db", demo, "verify", "--expect", anchor_of("\n".join(values))).exit_code == 0


def test_points_or_hours_with_more_than_two_decimals_are_refused(demo):
    count = len(run("--db", demo, "ledger", "list", "--format", "csv").stdout.splitlines())
    for args, message in (
        (("community_report_in", "--points", "1.005"), "Points 1.005: at most two decimals"),
        (("volunteer_service", "--hours", "2.125"), "Hours 2.125: at most two decimals"),
    ):
        result = run("--db", demo, "ledger", "add", "001", *args)
        assert result.exit_code == 1
        assert message in result.stderr
    zh = run(
        "--db", demo, "ledger", "add", "001", "community_report_in", "--points", "1.005", lang="zh"
    )
    assert "积分 1.005：最多保留两位小数" in zh.stderr
    assert len(run("--db", demo, "ledger", "list", "--format", "csv").stdout.splitlines()) == count
    ok = run("--db", demo, "ledger", "add", "001", "volunteer_service", "--hours", "2.25")
    assert ok.exit_code == 0, ok.output


def test_a_thousandth_of_a_point_edited_behind_the_programs_back_is_named(demo):
    victim = 12
    _tamper(demo, [f"UPDATE ledger_entry SET points = points + 0.001 WHERE id = {victim}"])
    result = run("--db", demo, "verify")
    assert result.exit_code == 1
    assert f"ledger entry {victim}: its contents do not match its hash" in result.stderr
