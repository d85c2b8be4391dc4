"""`orglife-tui demo`: a ready demo branch, re-runnable, and all-or-nothing under kill -9."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta

import pytest

from orglife_tui.data.store import Store
from orglife_tui.demo import DEMO_BRANCH_NAME, DRIFTING_MEMBER_NAME
from orglife_tui.domain import COMMITTEE_POSTS, MeetingType
from orglife_tui.locale import set_language
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    return invoke_cli(["--lang", lang, *args], catch_exceptions=False)


def test_demo_then_members_list_shows_the_demo_members(db_url):
    result = run("--db", db_url, "demo")
    assert result.exit_code == 0, result.output
    assert f"Demo branch {DEMO_BRANCH_NAME}: 30 members in 3 party groups" in result.output
    assert DRIFTING_MEMBER_NAME in result.output

    listed = run("--db", db_url, "members", "list", "--format", "json")
    assert listed.exit_code == 0, listed.output
    members = json.loads(listed.output)
    assert len(members) == 30
    assert len({m["member_no"] for m in members}) == 30
    assert {m["status"] for m in members} == {"full", "probationary"}
    assert sum(m["status"] == "probationary" for m in members) == 3
    assert sum(m["post"] == "secretary" for m in members) == 1
    assert [m["name"] for m in members].count(DRIFTING_MEMBER_NAME) == 1
    assert {m["group"] for m in members} == {"第一党小组", "第二党小组", "第三党小组"}

    meetings = json.loads(run("--db", db_url, "meetings", "list", "--format", "json").output)
    assert len(meetings) > 40
    assert all(m["present"] + m["leave"] + m["absent"] > 0 for m in meetings)
    types = {t for m in meetings for t in m["types"].split(";")}
    assert {"committee_meeting", "group_meeting", "themed_day", "party_lecture"} <= types


def test_running_demo_twice_adds_nothing_and_exits_0(db_url):
    first = run("--db", db_url, "demo", "--members", "12", "--seed", "3")
    assert first.exit_code == 0, first.output
    second = run("--db", db_url, "demo", "--members", "12", "--seed", "3")
    assert second.exit_code == 0, second.output
    assert "already holds 12 members" in second.output
    assert "added nothing" in second.output
    store = Store.open(db_url, operator="tester")
    try:
        (branch,) = store.branches()
        assert branch.name == DEMO_BRANCH_NAME
        assert len(store.list_members(branch.id)) == 12
        loads = [e for e in store.audit_entries(branch.id) if e["action"] == "demo.load"]
        assert len(loads) == 1
        assert json.loads(loads[0]["detail"])["seed"] == 3
    finally:
        store.close()


def test_demo_into_a_branch_with_members_says_so_in_chinese(sqlite_url):
    run("--db", sqlite_url, "--branch", "第一党支部", "demo", "--members", "5")
    result = run("--db", sqlite_url, "demo", lang="zh")
    assert result.exit_code == 0
    assert "党支部“第一党支部”已有 5 名党员" in result.output
    assert "未作任何添加" in result.output


def test_the_branch_option_names_the_demo_branch(sqlite_url):
    result = run("--db", sqlite_url, "--branch", "机关第一党支部", "demo", "--members", "8")
    assert result.exit_code == 0, result.output
    assert "Demo branch 机关第一党支部: 8 members" in result.output


def test_a_new_branch_name_gets_its_own_demo_next_to_the_others(sqlite_url):
    assert run("--db", sqlite_url, "demo", "--members", "6").exit_code == 0
    result = run("--db", sqlite_url, "--branch", "第二党支部", "demo", "--members", "7")
    assert result.exit_code == 0, result.output
    assert "Demo branch 第二党支部: 7 members" in result.output
    listed = run("--db", sqlite_url, "branch", "list")
    assert listed.output.split() == sorted([DEMO_BRANCH_NAME, "第二党支部"])
    # without --branch the database is now ambiguous: one clear line, exit 1
    ambiguous = run("--db", sqlite_url, "demo")
    assert ambiguous.exit_code == 1
    assert "several branches" in ambiguous.output


def test_committee_and_years_in_the_database(sqlite_url):
    result = run("--db", sqlite_url, "demo", "--members", "40", "--years", "3", "--seed", "9")
    assert result.exit_code == 0, result.output
    store = Store.open(sqlite_url, operator="tester")
    try:
        (branch,) = store.branches()
        members = store.list_members(branch.id)
        assert 3 <= sum(m.post in COMMITTEE_POSTS for m in members) <= 5
        meetings = store.list_meetings(branch.id)
        years = {m.date.year for m in meetings}
        assert len(years) == 3
        life = [m for m in meetings if MeetingType.life_meeting in m.types]
        assert len(life) >= 2  # every past fourth quarter
    finally:
        store.close()


@pytest.mark.parametrize(
    "args",
    [
        ("--members", "2"),
        ("--years", "0"),
        ("--years", "11"),
        ("--members", "many"),
    ],
)
def test_bad_options_are_refused_with_usage_errors(sqlite_url, args):
    result = invoke_cli(["--db", sqlite_url, "demo", *args])
    assert result.exit_code == 2


def test_demo_help_comes_from_the_catalog():
    assert "demo branch" in run("demo", "--help").output
    set_language("zh")  # as main() does before it builds the app
    assert "示范党支部" in run("demo", "--help", lang="zh").output


def test_an_unreachable_database_is_one_clear_line(tmp_path):
    target = tmp_path / "dir.db"
    target.mkdir()
    result = run("--db", str(target), "demo")
    assert result.exit_code == 1
    assert "is a directory" in result.output
    assert "Traceback" not in result.output


def test_demo_does_not_import_textual(tmp_path):
    code = (
        "import sys\n"
        "from orglife_tui.cli.main import main\n"
        f"sys.argv = ['orglife-tui', '--db', {str(tmp_path / 'x.db')!r}, 'demo', '--members', '5']\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "assert 'textual' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


@pytest.mark.slow
def test_kill_9_while_writing_leaves_all_or_nothing(tmp_path):
    db = tmp_path / "killed.db"
    wal = tmp_path / "killed.db-wal"
    proc = subprocess.Popen(
        [sys.executable, "-m", "orglife_tui", "--db", str(db), "demo", "--members", "5000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    deadline = time.monotonic() + 15
    killed = False
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            # the migration leaves a small WAL; the load's pages make it grow past 2 MB
            if wal.exists() and wal.stat().st_size > 2_000_000:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.002)
    finally:
        if proc.poll() is None and not killed:
            proc.kill()
        proc.communicate(timeout=15)
    assert killed, "the load finished before it could be killed"
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        counts = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("member", "meeting", "meeting_type", "attendance", "party_group")
        }
        loads = conn.execute("SELECT count(*) FROM audit_log WHERE action = 'demo.load'")
        demo_loads = loads.fetchone()[0]
    finally:
        conn.close()
    if counts["member"] == 0:
        assert counts == dict.fromkeys(counts, 0)
        assert demo_loads == 0
    else:  # killed after the commit, while closing: then everything is there
        assert counts["member"] == 5000 and counts["attendance"] > 100_000
        assert demo_loads == 1

    # the database is fine to use: the demo runs again (or says it is already there)
    again = run("--db", str(db), "demo", "--members", "20")
    assert again.exit_code == 0, again.output


def test_check_on_the_demo_reports_exactly_the_violations_it_was_built_with(db_url, monkeypatch):
    from orglife_tui.demo import generate

    today = date(2026, 12, 5)
    monkeypatch.setenv("ORGLIFE_TODAY", today.isoformat())
    result = run("--db", db_url, "demo")
    assert result.exit_code == 0, result.output
    assert "Heart-to-heart talks:" in result.output
    data = generate(today=today)  # the command's defaults: 30 members, 1 year, seed 2026
    expected = data.expected_findings(today.year)
    assert f"Built with {len(expected)} compliance findings for {today.year}" in result.output

    def findings(*args: str) -> list[dict]:
        out = run("--db", db_url, "check", "--format", "json", *args)
        assert out.exit_code == 0, out.output
        return json.loads(out.output)

    found = findings()
    assert {(f["rule"], f["period"], f["subject"]) for f in found} == set(expected)
    assert {f["rule"] for f in found} >= {
        "group_meeting_frequency",
        "absence_streak",
        "rectification_overdue",
    }
    assert all(f["message"] for f in found)

    # the drifting member on the ladder: the day before and the day of his first missed
    # meeting in the third, fifth and sixth month of his streak
    drifter = data.member(data.drifter)
    months = data.drifter_months()
    dates = sorted(
        m.date
        for m in data.meetings
        if m.date >= data.drift_start
        and m.group in (None, drifter.group)
        and MeetingType.committee_meeting not in m.types
    )
    for k, before, after in (
        (2, None, "a reminder talk"),
        (4, "a reminder talk", "a warning notice"),
        (5, "a warning notice", "a case for the general meeting"),
    ):
        first = next(d for d in dates if d.strftime("%Y-%m") == months[k])
        for as_of, step in ((first - timedelta(days=1), before), (first, after)):
            missed = data.drifter_months(as_of)
            streaks = [
                f
                for f in findings("--year", missed[-1][:4], "--as-of", as_of.isoformat())
                if f["rule"] == "absence_streak"
            ]
            if step is None:
                assert streaks == [], as_of
                continue
            (streak,) = streaks
            assert streak["subject"] == data.drifter
            assert streak["period"] == missed[-1]
            assert step in streak["message"], (as_of, streak["message"])
