"""`orglife-tui life|posts|commitments`, `members add --leader` and `meetings add --form
--lecturer` (issue 12 §5), on SQLite."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.cli_run import invoke_cli

TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())


def run(*args: str, lang: str = "en"):
    return invoke_cli(["--lang", lang, *args], catch_exceptions=False)


def ok(*args: str, lang: str = "en"):
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def db(sqlite_url) -> str:
    ok("--db", sqlite_url, "branch", "add", "第一党支部")
    ok(
        "--db",
        sqlite_url,
        "members",
        "add",
        "001",
        "--name",
        "张书记",
        "--status",
        "正式",
        "--leader",
        "是",
    )
    ok("--db", sqlite_url, "members", "add", "002", "--name", "李同志", "--status", "正式")
    return sqlite_url


def test_members_add_takes_the_leader_flag_and_the_listing_shows_it(db):
    rows = json.loads(ok("--db", db, "members", "list", "-f", "json").stdout)
    assert {r["member_no"]: r["leader"] for r in rows} == {"001": True, "002": False}
    bad = run(
        "--db", db, "members", "add", "003", "--name", "王", "--status", "正式", "--leader", "也许"
    )
    assert bad.exit_code != 0 and "yes or no" in bad.output


def test_a_lecture_with_a_lecturer_from_the_roster_earns_the_points(db):
    added = ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-03-20",
        "--type",
        "党课",
        "--title",
        "党章学习",
        "--lecturer",
        "001",
        "--form",
        "讲授辅导",
    )
    assert "added" in added.stdout.lower() or "2026-001" in added.stdout
    (meeting,) = json.loads(ok("--db", db, "meetings", "list", "-f", "json").stdout)
    assert (meeting["form"], meeting["lecturer"]) == ("lecture", "张书记")
    entries = json.loads(ok("--db", db, "ledger", "list", "-f", "json").stdout)
    assert [(e["member_no"], e["item_code"], e["points"]) for e in entries] == [
        ("001", "give_party_lecture", 3.0)
    ]
    typed = run("--db", db, "ledger", "add", "002", "give_party_lecture")
    assert typed.exit_code == 1 and "pick the lecturer" in typed.stderr
    zh = ok("--db", db, "meetings", "list", lang="zh").stdout
    assert "讲授辅导" in zh


def test_the_life_meeting_participant_by_participant(db):
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-11-20",
        "--type",
        "组织生活会",
        "--title",
        "生活会",
    )
    ok("--db", db, "attendance", "set", "2026-001", "001", "出席")
    ok("--db", db, "life", "set", "2026-001", "001", "--self-check", "学习不够", "--given", "无")
    ok(
        "--db",
        db,
        "life",
        "problem",
        "2026-001",
        "001",
        "--problem",
        "学习不够",
        "--deadline",
        "2027-03-31",
    )
    (row,) = json.loads(ok("--db", db, "life", "show", "2026-001", "-f", "json").stdout)
    assert (row["member_no"], row["attendance"], row["self_check"], row["criticism_given"]) == (
        "001",
        "present",
        "学习不够",
        "无",
    )
    assert row["items"].endswith("学习不够")
    ok(
        "--db", db, "rectification", "add", "--year", "2026", "--problem", "联系群众不够",
        "--owner", "李同志", "--deadline", "2027-06-30",
    )  # fmt: skip
    ok("--db", db, "life", "link", "2026-001", "002", "--item", "2")
    rows = json.loads(ok("--db", db, "life", "show", "2026-001", "-f", "json").stdout)
    assert [(r["member_no"], r["items"]) for r in rows] == [
        ("001", "#1 学习不够"),
        ("002", "#2 联系群众不够"),
    ]
    missing = run("--db", db, "life", "link", "2026-001", "002", "--item", "99")
    assert missing.exit_code == 1
    bad = run("--db", db, "life", "set", "2026-001", "999", "--self-check", "x")
    assert bad.exit_code == 1 and "999" in bad.stderr


def test_posts_and_commitments_with_their_points(db):
    ok(
        "--db",
        db,
        "posts",
        "add",
        "002",
        "--year",
        "2026",
        "--post",
        "党员示范岗",
        "--duty",
        "服务群众",
    )
    (post,) = json.loads(ok("--db", db, "posts", "list", "-f", "json").stdout)
    assert (post["member_no"], post["post"], post["duty"]) == ("002", "党员示范岗", "服务群众")
    ok("--db", db, "commitments", "add", "002", "--year", "2026", "--text", "结对帮扶一户")
    done = ok("--db", db, "commitments", "status", "1", "已兑现", "--on", "2026-10-01")
    assert "1 added" in done.stdout or "added" in done.stdout
    (c,) = json.loads(ok("--db", db, "commitments", "list", "-f", "json").stdout)
    assert (c["status"], c["evaluated_on"]) == ("fulfilled", "2026-10-01")
    entries = json.loads(ok("--db", db, "ledger", "list", "-f", "json").stdout)
    assert [(e["member_no"], e["item_code"], e["points"]) for e in entries] == [
        ("002", "commitment_kept", 2.0)
    ]
    bad = run("--db", db, "commitments", "status", "1", "maybe")
    assert bad.exit_code == 2 and "Unknown status" in bad.stderr
    future = run("--db", db, "commitments", "status", "1", "fulfilled", "--on", "2026-12-31")
    assert future.exit_code == 1 and "future" in future.stderr


def test_the_roster_and_meetings_imports_take_the_leader_form_and_lecturer(sqlite_url, tmp_path):
    ok("--db", sqlite_url, "branch", "add", "第一党支部")
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "编号,姓名,类别,是否领导干部\n001,张书记,正式党员,是\n002,李同志,正式党员,否\n"
    )
    ok("--db", sqlite_url, "import", "members", str(roster))
    rows = json.loads(ok("--db", sqlite_url, "members", "list", "-f", "json").stdout)
    assert {r["member_no"]: r["leader"] for r in rows} == {"001": True, "002": False}
    meetings = tmp_path / "meetings.csv"
    meetings.write_text(
        "日期,类型,主题,主讲人,会议形式\n"
        "2026-03-20,党课,党章学习,张书记,讲授辅导\n"
        "2026-04-20,党课,专题辅导,市委党校王教授,远程教育\n"
    )
    imported = ok("--db", sqlite_url, "import", "meetings", str(meetings))
    assert "Points: 1 entries added" in imported.stdout  # the lecturer from the roster
    listed = json.loads(ok("--db", sqlite_url, "meetings", "list", "-f", "json").stdout)
    assert [(m["form"], m["lecturer"]) for m in listed] == [
        ("lecture", "张书记"),
        ("distance", "市委党校王教授"),
    ]
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型,主题,形式\n2026-05-20,党课,t,聊天\n")
    refused = run("--db", sqlite_url, "import", "meetings", str(bad))
    assert refused.exit_code != 0 and "unknown meeting form" in refused.output
