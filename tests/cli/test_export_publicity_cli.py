"""`orglife-tui export publicity`: each notice is recorded with the heads it was made from,
listed with --list, and written again from its record with --id N — byte for byte, whatever
was entered since. On SQLite and PostgreSQL."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from orglife_tui.data import ledger, schemes
from orglife_tui.data.membership import record_event
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberEventKind, MemberStatus
from orglife_tui.domain.records import MemberInput
from tests.cli_run import invoke_cli

BRANCH = "第一党支部"
YEAR = 2025
SET_UP = date(2025, 1, 10)  # the branch's records start in January
TODAY = date(2025, 12, 20)
WINDOW = ("--window-start", "2025-12-22", "--window-end", "2025-12-28")


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def scored(db_url, monkeypatch):
    """Three members with points; commands run on 2025-12-20."""
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())
    clock = {"day": SET_UP}
    store = Store.open(db_url, operator="tester", today=lambda: clock["day"])
    try:
        b = store.resolve_branch(BRANCH)
        clock["day"] = TODAY  # the points are booked once earned
        store.add_members(
            b.id,
            [
                MemberInput("001", "张伟", MemberStatus.full, group="第一党小组"),
                MemberInput("002", "李娜", MemberStatus.probationary),
                MemberInput("010", "王芳", MemberStatus.full, group="第二党小组"),
            ],
        )
        info, scheme = schemes.ensure_active(store, b.id)
        for no, code, day in (
            ("001", "give_party_lecture", date(YEAR, 3, 1)),
            ("002", "commitment_broken", date(YEAR, 4, 1)),
            ("010", "give_party_lecture", date(YEAR, 5, 1)),
        ):
            ledger.add_entry(store, b.id, scheme, info.id, no, code, entry_date=day)
    finally:
        store.close()
    return db_url


def publicity(db: str, *args: str, lang: str = "en"):
    return run("--db", db, "export", "publicity", *args, lang=lang)


def _heads(db: str) -> tuple[str, str]:
    result = run("--db", db, "verify")
    assert result.exit_code == 0, result.output
    found = re.search(r"Ledger head of [^:]+: ([0-9a-f]{64})", result.stdout)
    audit = re.search(r"Audit log head: ([0-9a-f]{64})", result.stdout)
    assert found and audit, result.stdout
    return found.group(1), audit.group(1)


def _later_changes(db: str) -> None:
    store = Store.open(db, operator="tester", today=lambda: TODAY)
    try:
        b = store.resolve_branch(BRANCH)
        info, scheme = schemes.ensure_active(store, b.id)
        first = ledger.list_entries(store, b.id, member_no="001")[0]
        ledger.add_entry(
            store, b.id, scheme, info.id, "010", "give_party_lecture", entry_date=TODAY
        )
        ledger.reverse_entry(store, b.id, first.id, "录入有误")
        ledger.add_entry(
            store, b.id, scheme, info.id, "002", "commitment_broken", entry_date=date(YEAR, 2, 2)
        )
        record_event(store, b.id, "002", MemberEventKind.conversion, date(YEAR, 12, 1))
        record_event(store, b.id, "010", MemberEventKind.transfer_out, date(YEAR, 12, 15))
    finally:
        store.close()


def test_a_recorded_notice_is_written_again_byte_for_byte(scored, tmp_path: Path):
    md, book = tmp_path / "notice.md", tmp_path / "notice.xlsx"
    result = publicity(scored, "--year", str(YEAR), *WINDOW, "-o", str(md))
    assert result.exit_code == 0, result.output
    assert "Recorded as publicity no. 1" in result.stderr
    ledger_head, audit_head = _heads(scored)  # what verify says when it was recorded
    text = md.read_text(encoding="utf-8")
    assert "Publicity period: 2025-12-22 to 2025-12-28 (7 days)." in text
    assert "Publicity record no. 1, figures as of 2025-12-20." in text
    assert f"Ledger head hash: {ledger_head}" in text
    assert f"Audit log head hash: {audit_head}" in text
    assert "| 1 | 001 | 张伟 | 第一党小组 | 63 |" in text
    assert text.index("| 001 |") < text.index("| 010 |")

    again = publicity(scored, "--year", str(YEAR), *WINDOW, "-f", "xlsx", "-o", str(book))
    assert again.exit_code == 0, again.output
    assert "Same notice as the recorded publicity no. 1" in again.stderr
    meta = {r[0]: r[1] for r in load_workbook(book)["metadata"].iter_rows(values_only=True)}
    assert (meta["publication_id"], meta["ledger_head"], meta["audit_head"]) == (
        1,
        ledger_head,
        audit_head,
    )
    listed = publicity(scored, "--list")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.startswith(f"No. 1  {YEAR}  2025-12-22 – 2025-12-28  as of 2025-12-20")
    assert f"ledger head {ledger_head[:16]}…  by " in listed.stdout

    time.sleep(1.1)  # a workbook written a second later must not differ by its timestamps
    _later_changes(scored)
    assert _heads(scored)[0] != ledger_head

    by_id = publicity(scored, "--id", "1")
    assert by_id.exit_code == 0, by_id.output
    assert by_id.stdout_bytes == md.read_bytes()
    assert by_id.stderr == ""
    book2 = tmp_path / "again.xlsx"
    assert publicity(scored, "--id", "1", "-f", "xlsx", "-o", str(book2)).exit_code == 0
    assert book2.read_bytes() == book.read_bytes()

    # the same window today is a new notice: the numbers moved
    fresh = publicity(scored, "--year", str(YEAR), *WINDOW)
    assert "Recorded as publicity no. 2" in fresh.stderr
    assert fresh.stdout != by_id.stdout and "| 001 | 张伟 | 第一党小组 | 60 |" in fresh.stdout
    assert publicity(scored, "--list").stdout.startswith("No. 2 ")
    assert publicity(scored, "--list", "--year", "2024").stdout.startswith("No publicity")


def test_the_window_defaults_to_today_for_the_schemes_days(scored):
    result = publicity(scored)
    assert result.exit_code == 0, result.output
    assert "Publicity period: 2025-12-20 to 2025-12-26 (7 days)." in result.stdout
    five = publicity(scored, "--start", "2026-01-05", "--days", "5")
    assert "Publicity period: 2026-01-05 to 2026-01-09 (5 days)." in five.stdout
    assert "Recorded as publicity no. 2" in five.stderr


def test_the_sheet_in_chinese_prints_its_heads(scored):
    result = publicity(scored, "--year", str(YEAR), *WINDOW, lang="zh")
    assert result.exit_code == 0, result.output
    ledger_head, audit_head = _heads(scored)
    assert f"账本头哈希：{ledger_head}" in result.stdout
    assert f"日志头哈希：{audit_head}" in result.stdout
    assert "公示记录第 1 号，数据截至2025年12月20日。" in result.stdout
    assert "已登记为第 1 号公示" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--window-start", "2025-12-22", "--window-end", "2025-12-21"), "ends (2025-12-21)"),
        (("--window-end", "2025-12-28", "--days", "3"), "either --days or --window-end"),
        (("--window-start", "2025-12-01", "--window-end", "2026-06-01"), "at most 90 days"),
        (("--window-end", "2025-13-01"), "--window-end"),
        (("--id", "1", "--year", "2025"), "--id writes a recorded publicity"),
        (("--list", "--days", "3"), "--list takes only --year"),
    ],
)
def test_bad_windows_and_mixed_options_are_refused(sqlite_url, monkeypatch, args, message):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())
    Store.open(sqlite_url, operator="tester").close()
    result = publicity(sqlite_url, *args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr and result.stdout == ""


def test_an_unknown_record_is_refused(scored):
    result = publicity(scored, "--id", "7")
    assert result.exit_code == 1
    assert "No recorded publicity 7 in this branch" in result.stderr
    assert publicity(scored, "--list").stdout == "No publicity recorded yet.\n"
