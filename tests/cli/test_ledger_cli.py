"""`orglife-tui ledger add|reverse|list|sync` and `orglife-tui verify`, on both databases."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

from tests.cli_run import invoke_cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


def entries(db: str, *args: str) -> list[dict]:
    result = run("--db", db, "ledger", "list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_demo_has_a_ledger_that_verifies(db_url):
    demo = run("--db", db_url, "demo", "--members", "12")
    assert demo.exit_code == 0, demo.output
    assert "Points ledger:" in demo.stdout and "2 reversals" in demo.stdout
    rows = entries(db_url)
    assert {r["source"] for r in rows} == {"attendance", "manual"}
    reversals = [r for r in rows if r["reverses_id"]]
    assert len(reversals) == 2 and all(r["note"] for r in reversals)
    synced = run("--db", db_url, "ledger", "sync")
    assert synced.exit_code == 0, synced.output
    assert "0 added, 0 reversed" in synced.stdout
    verified = run("--db", db_url, "verify")
    assert verified.exit_code == 0, verified.output
    assert f"Ledger entries: {len(rows):,}" in verified.stdout
    assert f"Ledger head of 示范党支部: {rows[-1]['hash']}" in verified.stdout
    assert "Verified" in verified.stdout


def test_add_list_reverse(db_url):
    assert run("--db", db_url, "demo", "--members", "5").exit_code == 0
    added = run(
        "--db", db_url, "ledger", "add", "001", "volunteer_service", "--hours", "3",
        "--date", "2026-06-01", "--note", "社区义诊",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert "+1.5 on 2026-06-01" in added.stdout
    entry = entries(db_url, "--member", "001")[-1]
    assert (entry["points"], entry["hours"], entry["note"]) == (1.5, 3.0, "社区义诊")
    assert f"Ledger head: {entry['hash']}" in added.stdout

    rev = run("--db", db_url, "ledger", "reverse", str(entry["id"]), "--reason", "重复登记")
    assert rev.exit_code == 0, rev.output
    assert f"reverses entry {entry['id']} (-1.5): 重复登记" in rev.stdout
    latest = entries(db_url, "--member", "001")[-2:]
    assert latest[0]["reversed_by"] == latest[1]["id"]

    again = run("--db", db_url, "ledger", "reverse", str(entry["id"]), "--reason", "再冲")
    assert again.exit_code == 1
    assert "already reversed" in again.stderr
    of_reversal = run("--db", db_url, "ledger", "reverse", str(latest[1]["id"]), "--reason", "x")
    assert of_reversal.exit_code == 1
    assert "itself a reversal" in of_reversal.stderr
    missing = run("--db", db_url, "ledger", "reverse", "999999", "--reason", "x")
    assert missing.exit_code == 1 and "No entry 999999" in missing.stderr
    no_reason = run("--db", db_url, "ledger", "reverse", str(entry["id"]))
    assert no_reason.exit_code == 2

    table = run("--db", db_url, "ledger", "list", "--member", "001", "--year", "2026")
    assert table.exit_code == 0
    assert "Total" in table.stdout and "社区义诊" in table.stdout
    assert f"reversed by {latest[1]['id']}" in table.stdout


def test_bad_entries_are_refused(sqlite_url):
    assert run("--db", sqlite_url, "demo", "--members", "5").exit_code == 0
    cases = [
        (("999", "community_report_in"), 1, "No member with number 999"),
        (("001", "nonesuch"), 1, "no item 'nonesuch'"),
        (("001", "attend_themed_day"), 1, "scored from attendance"),
        (("001", "volunteer_service"), 1, "give the hours"),
        (("001", "community_report_in", "--points", "-2"), 1, "wrong sign"),
        (("001", "give_party_lecture"), 1, "pick the lecturer of the Party lecture"),
        (("001", "commitment_broken"), 1, "mark the commitment not fulfilled"),
        (("001", "late_dues"), 1, "scored from the dues records"),
        (("001", "volunteer_service", "--points", "1", "--hours", "2"), 2, "not both"),
        (("001", "community_report_in", "--date", "2026-02-30"), 2, "2026-02-30"),
    ]
    before = len(entries(sqlite_url))
    for args, code, message in cases:
        result = run("--db", sqlite_url, "ledger", "add", *args)
        assert result.exit_code == code, (args, result.output)
        assert message in result.stderr, (args, result.stderr)
    assert len(entries(sqlite_url)) == before


def test_list_formats_and_limit(sqlite_url):
    assert run("--db", sqlite_url, "demo", "--members", "5").exit_code == 0
    out = run("--db", sqlite_url, "ledger", "list", "--format", "csv", "--limit", "3").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    assert list(rows[0])[:6] == ["id", "entry_date", "member_no", "name", "item_code", "points"]
    assert entries(sqlite_url, "--year", "1999") == []
    empty = run("--db", sqlite_url, "ledger", "list", "--year", "1999")
    assert "No ledger entries." in empty.stdout
    bad = run("--db", sqlite_url, "ledger", "list", "--format", "xml")
    assert bad.exit_code == 2


def test_verify_names_an_entry_edited_behind_the_programs_back(sqlite_url, tmp_path):
    assert run("--db", sqlite_url, "demo", "--members", "5").exit_code == 0
    victim = entries(sqlite_url)[10]["id"]
    con = sqlite3.connect(sqlite_url[len("sqlite:///") :])
    con.execute("DROP TRIGGER ledger_entry_no_update")
    con.execute("UPDATE ledger_entry SET points = 5 WHERE id = ?", (victim,))
    con.commit()
    con.close()
    result = run("--db", sqlite_url, "verify")
    assert result.exit_code == 1
    assert f"First broken entry: ledger entry {victim}: its contents do not match" in result.stderr
    assert "Verification FAILED" in result.stderr
    zh = run("--db", sqlite_url, "verify", lang="zh")
    assert zh.exit_code == 1
    assert f"首个异常记录：积分记录 第 {victim} 条" in zh.stderr


def test_points_follow_an_attendance_import(db_url):
    for kind in ("members", "meetings"):
        result = run("--db", db_url, "import", kind, str(SAMPLES / f"{kind}.csv"))
        assert result.exit_code == 0, result.output
    result = run("--db", db_url, "import", "attendance", str(SAMPLES / "attendance.csv"))
    assert result.exit_code == 0, result.output
    assert "Points:" in result.stdout
    rows = entries(db_url)
    assert rows and {r["source"] for r in rows} == {"attendance"}
    # importing the same file again changes nothing
    again = run("--db", db_url, "import", "attendance", str(SAMPLES / "attendance.csv"))
    assert again.exit_code == 0 and "Points:" not in again.stdout
    assert len(entries(db_url)) == len(rows)
    assert run("--db", db_url, "verify").exit_code == 0


def test_verify_on_an_empty_database_in_chinese(sqlite_url):
    result = run("--db", sqlite_url, "verify", lang="zh")
    assert result.exit_code == 0, result.output
    assert "数据库完整性：正常" in result.stdout
    assert "校验通过" in result.stdout


def test_the_demo_tops_the_ledger_up_on_request(sqlite_url):
    result = run("--db", sqlite_url, "demo", "--members", "5", "--ledger-entries", "3000")
    assert result.exit_code == 0, result.output
    total = len(entries(sqlite_url))
    assert 3000 <= total <= 3002  # the demo's two reversals come on top
    assert f"Points ledger: {total:,} entries" in result.stdout
