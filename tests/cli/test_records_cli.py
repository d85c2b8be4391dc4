"""`members add`, `meetings add|edit|void|list --voided`, `attendance set`, `branch set-start|
show`, and impossible dates refused from the command line and from imports (issue 9 §3–§4).

Every command runs with ``ORGLIFE_TODAY=2026-06-15``: "today" for the checks is that day.
A refusal is one line on stderr and a non-zero exit, with nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_run import invoke_cli
from tests.importing.import_helpers import write_csv

TODAY = "2026-06-15"


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def db(db_url, monkeypatch):
    """A branch (created on 15 June 2026, so its records start on 1 June) with two members."""
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY)
    assert run("--db", db_url, "branch", "add", "第一党支部").exit_code == 0
    for args in (
        ("001", "--name", "张伟", "--status", "full", "--post", "secretary", "--group", "一组"),
        ("002", "--name", "李娜", "--status", "预备", "--join-date", "2026-03-01"),
    ):
        result = run("--db", db_url, "members", "add", *args)
        assert result.exit_code == 0, result.output
    return db_url


def ok(*args: str, lang: str = "en") -> str:
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return result.stdout


def refused(*args: str, code: int = 1, lang: str = "en") -> str:
    result = run(*args, lang=lang)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    return result.stderr


def meetings(db: str, *extra: str) -> list[dict]:
    return json.loads(ok("--db", db, "meetings", "list", "--format", "json", *extra))


def ledger(db: str) -> list[dict]:
    return json.loads(ok("--db", db, "ledger", "list", "--format", "json"))


# ---------------------------------------------------------------------------- members add


def test_members_add_prints_what_was_recorded(db):
    out = ok(
        "--db",
        db,
        "members",
        "add",
        "010",
        "--name",
        "王芳",
        "--status",
        "正式",
        "--gender",
        "女",
        "--birth-date",
        "1985.2.3",
        "--join-date",
        "2010年6月1日",
        "--full-date",
        "2011-06-01",
        "--group",
        "二组",
        "--phone",
        "13800000002",
    )
    assert out.strip() == "Added member 010 王芳 (full, 二组)."
    (row,) = [
        m
        for m in json.loads(ok("--db", db, "members", "list", "--format", "json"))
        if m["member_no"] == "010"
    ]
    assert (row["join_date"], row["full_date"], row["group"]) == (
        "2010-06-01",
        "2011-06-01",
        "二组",
    )


def test_members_add_speaks_chinese(db):
    out = ok("--db", db, "members", "add", "011", "--name", "赵强", "--status", "full", lang="zh")
    assert out.strip() == "已新增党员 011 赵强（正式党员）。"


def test_members_add_refuses_what_the_form_refuses(db):
    err = refused("--db", db, "members", "add", "012", "--name", "钱七", code=2)
    assert "status: required" in err
    err = refused(
        "--db",
        db,
        "members",
        "add",
        "012",
        "--name",
        "钱七",
        "--status",
        "full",
        "--join-date",
        "2026-06-16",
        code=2,
    )
    assert "join date" in err and "future" in err
    err = refused("--db", db, "members", "add", "001", "--name", "重号", "--status", "full")
    assert "001" in err and "already" in err


def test_members_add_on_an_empty_database_asks_for_a_branch_first(tmp_path):
    err = refused("--db", str(tmp_path / "new.db"), "members", "add", "001", "--name", "张伟")
    assert "branch add" in err
    assert not (tmp_path / "new.db").exists()


# ---------------------------------------------------------------------------- meetings add


def test_meetings_add_records_and_moves_the_records_start_back_for_the_first(db):
    out = ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-03-05",
        "--type",
        "themed_day;party_lecture",
        "--title",
        "学习党章",
        "--place",
        "党员活动室",
        "--host",
        "张伟",
    )
    lines = out.splitlines()
    assert lines[0] == (
        "Recorded meeting 2026-001 on 2026-03-05: party lecture, themed day — 学习党章."
    )
    assert lines[1] == (
        "The branch's records now start on 2026-03-01, the first day of the earliest "
        "meeting's month."
    )
    (row,) = meetings(db)
    assert (row["meeting_no"], row["place"], row["host"]) == ("2026-001", "党员活动室", "张伟")
    assert "Records start: 2026-03-01" in ok("--db", db, "branch", "show")
    # a second meeting moves nothing
    out = ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-04-05",
        "--type",
        "主题党日",
        "--title",
        "四月",
        "--no",
        "A-4",
    )
    assert out.strip() == "Recorded meeting A-4 on 2026-04-05: themed day — 四月."


def test_meetings_add_refuses_a_meeting_after_today_or_before_the_records_start(db):
    err = refused(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-06-16",
        "--type",
        "themed_day",
        "--title",
        "x",
    )
    assert "2026-06-16 is after today (2026-06-15)" in err
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-03-05",
        "--type",
        "themed_day",
        "--title",
        "三月",
    )
    err = refused(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-02-20",
        "--type",
        "themed_day",
        "--title",
        "二月",
    )
    assert "before the branch's records start (2026-03-01)" in err
    assert "move the records start back to 2026-02-01 first" in err
    assert [m["title"] for m in meetings(db)] == ["三月"]
    err = refused("--db", db, "meetings", "add", "--date", "2026-02-20", "--title", "二月", code=2)
    assert "type: required" in err


# ---------------------------------------------------------------------------- attendance set


@pytest.fixture
def held(db):
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-05-08",
        "--type",
        "themed_day;party_lecture",
        "--title",
        "五月主题党日",
        "--no",
        "M5",
    )
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-06-01",
        "--type",
        "themed_day",
        "--title",
        "六月主题党日",
        "--no",
        "M6",
    )
    return db


def test_attendance_set_marks_and_the_points_follow(held):
    out = ok("--db", held, "attendance", "set", "M5", "001", "present")
    assert out.splitlines() == [
        "Marked 001 张伟 present at meeting M5 (2026-05-08 五月主题党日).",
        "Points: 2 entries added, 0 reversed.",
    ]
    out = ok("--db", held, "attendance", "set", "M5", "002", "请假", "--reason", "出差")
    assert out.splitlines()[0] == (
        "Marked 002 李娜 leave at meeting M5 (2026-05-08 五月主题党日). reason: 出差"
    )
    out = ok("--db", held, "attendance", "set", "M5", "001", "--clear")
    assert out.splitlines() == [
        "Cleared the mark of 001 张伟 at meeting M5 (2026-05-08 五月主题党日).",
        "Points: 0 entries added, 2 reversed.",
    ]
    (m5, _) = meetings(held)
    assert (m5["present"], m5["leave"], m5["absent"]) == (0, 1, 0)
    assert "Verified" in ok("--db", held, "verify")


def test_attendance_set_refuses_with_one_clear_line(held):
    assert "Leave needs a reason" in refused(
        "--db", held, "attendance", "set", "M5", "001", "leave"
    )
    assert "unknown attendance" in refused(
        "--db", held, "attendance", "set", "M5", "001", "late", code=2
    )
    assert "or --clear, not both" in refused(
        "--db", held, "attendance", "set", "M5", "001", "present", "--clear", code=2
    )
    assert "or --clear" in refused("--db", held, "attendance", "set", "M5", "001", code=2)
    assert "No meeting with number M9" in refused(
        "--db", held, "attendance", "set", "M9", "001", "present"
    )
    assert "999" in refused("--db", held, "attendance", "set", "M5", "999", "present")
    assert [(m["present"], m["leave"], m["absent"]) for m in meetings(held)] == [(0, 0, 0)] * 2


def test_a_meeting_after_today_takes_no_marks(held, monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", "2026-07-01")
    ok(
        "--db",
        held,
        "meetings",
        "add",
        "--date",
        "2026-06-20",
        "--type",
        "themed_day",
        "--title",
        "x",
        "--no",
        "F1",
    )
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY)
    err = refused("--db", held, "attendance", "set", "F1", "001", "present")
    assert "Meeting F1 is dated 2026-06-20, after today (2026-06-15)" in err


# ---------------------------------------------------------------------------- edit / void


@pytest.fixture
def marked(held):
    for meeting, member, mark in (
        ("M5", "001", "present"),
        ("M5", "002", "absent"),
        ("M6", "001", "present"),
    ):
        ok("--db", held, "attendance", "set", meeting, member, mark)
    return held


def test_meetings_void_reverses_its_points_and_leaves_every_list(marked):
    before = [e for e in ledger(marked) if e["meeting_no"] == "M5"]
    assert len(before) == 3  # 001 at a themed day and a lecture, 002's absence
    refused("--db", marked, "meetings", "void", "M5")  # a reason is required
    out = ok("--db", marked, "meetings", "void", "M5", "--reason", "重复登记")
    assert out.splitlines() == [
        "Voided meeting M5 of 2026-05-08 (五月主题党日): 重复登记.",
        "Points: 0 entries added, 3 reversed.",
    ]
    assert [m["meeting_no"] for m in meetings(marked)] == ["M6"]
    (voided,) = meetings(marked, "--voided")
    assert (voided["meeting_no"], voided["void_reason"]) == ("M5", "重复登记")
    table = ok("--db", marked, "meetings", "list", "--voided")
    assert "重复登记" in table and "M6" not in table
    entries = ledger(marked)
    reversals = [e for e in entries if e["reverses_id"]]
    assert sorted(e["reverses_id"] for e in reversals) == sorted(e["id"] for e in before)
    assert "Verified: every hash chain is intact" in ok("--db", marked, "verify")
    err = refused("--db", marked, "meetings", "void", "M5", "--reason", "again")
    assert "already voided" in err
    err = refused("--db", marked, "attendance", "set", "M5", "001", "present")
    assert "was voided" in err
    assert "Meetings: 1 (voided: 1)" in ok("--db", marked, "branch", "show")


def test_meetings_edit_corrects_date_and_type_and_re_derives_the_points(marked):
    out = ok(
        "--db", marked, "meetings", "edit", "M6", "--date", "2026-06-03", "--type", "主题党日;党课"
    )
    assert out.splitlines() == [
        "Corrected meeting M6 on 2026-06-03: party lecture, themed day — 六月主题党日.",
        "Points: 2 entries added, 1 reversed.",
    ]
    live = [
        e
        for e in ledger(marked)
        if e["meeting_no"] == "M6" and not e["reverses_id"] and not e["reversed_by"]
    ]
    assert {e["entry_date"] for e in live} == {"2026-06-03"} and len(live) == 2
    out = ok("--db", marked, "meetings", "edit", "M6", "--title", "六月主题党日")
    assert out.strip() == "Meeting M6 already reads so; nothing changed."
    assert "give at least one" in refused("--db", marked, "meetings", "edit", "M6", code=2)
    err = refused("--db", marked, "meetings", "edit", "M6", "--date", "2026-06-30")
    assert "after today" in err
    err = refused("--db", marked, "meetings", "edit", "M5", "--date", "2026-02-27")
    assert "before the branch's records start" in err
    ok("--db", marked, "branch", "set-start", "2026-01-01")
    err = refused("--db", marked, "meetings", "edit", "M5", "--date", "2026-02-27")
    assert "李娜 joined the Party on 2026-03-01" in err
    assert "Verified" in ok("--db", marked, "verify")


# ---------------------------------------------------------------------------- branch


def test_branch_set_start_and_show(db):
    assert "Records start: 2026-06-01" in ok("--db", db, "branch", "show")
    out = ok("--db", db, "branch", "set-start", "2025-01-01")
    assert out.strip() == (
        "Records of 第一党支部 start on 2025-01-01: every period from that day on is judged."
    )
    assert "after today" in refused("--db", db, "branch", "set-start", "2026-07-01")
    assert "cannot read 'soon' as a date" in refused(
        "--db", db, "branch", "set-start", "soon", code=2
    )
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2025-03-05",
        "--type",
        "themed_day",
        "--title",
        "三月",
    )
    err = refused("--db", db, "branch", "set-start", "2025-04-01")
    assert "records from 2025-03-05" in err
    show = ok("--db", db, "branch", "show", lang="zh")
    assert "记录起始日：2025-01-01" in show


def test_an_empty_branch_checked_after_two_due_months_has_violations(db, monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", "2026-08-01")  # check refuses an as-of after today
    result = run("--db", db, "check", "--as-of", "2026-08-01", "--format", "json")
    found = {(f["rule"], f["period"]) for f in json.loads(result.stdout)}
    for month in ("2026-06", "2026-07"):
        assert ("themed_day_frequency", month) in found
        assert ("group_meeting_frequency", month) in found  # 一组 met never
    assert not [p for _, p in found if p < "2026-06"]  # judged from the records start


# ---------------------------------------------------------------------------- other records


def test_talks_and_points_after_today_are_refused(db):
    err = refused(  # judged by the command's clock (ORGLIFE_TODAY), as a bad option
        "--db",
        db,
        "talks",
        "add",
        "--member",
        "002",
        "--talker",
        "001",
        "--date",
        "2026-06-16",
        code=2,
    )
    assert "a date lies in the future" in err
    err = refused(
        "--db", db, "talks", "add", "--member", "002", "--talker", "001", "--date", "2026-02-01"
    )
    assert "before the branch's records start (2026-06-01)" in err
    ok("--db", db, "branch", "set-start", "2026-01-01")
    err = refused(
        "--db", db, "talks", "add", "--member", "002", "--talker", "001", "--date", "2026-02-01"
    )
    assert "joined the Party on 2026-03-01" in err
    out = ok("--db", db, "talks", "add", "--member", "002", "--talker", "001")
    assert "2026-06-15" in out  # the date defaults to ORGLIFE_TODAY
    err = refused(
        "--db",
        db,
        "ledger",
        "add",
        "001",
        "volunteer_service",
        "--hours",
        "2",
        "--date",
        "2026-06-16",
    )
    assert "The entry date 2026-06-16 is after today (2026-06-15)" in err
    err = refused(
        "--db",
        db,
        "ledger",
        "add",
        "001",
        "volunteer_service",
        "--hours",
        "2",
        "--date",
        "2025-12-31",
    )
    assert "records start (2026-01-01)" in err
    out = ok("--db", db, "ledger", "add", "001", "volunteer_service", "--hours", "2")
    assert "2026-06-15" in out


def test_imports_refuse_impossible_dates_row_by_row_and_write_nothing(db, tmp_path: Path):
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-06-01",
        "--type",
        "themed_day",
        "--title",
        "六月",
        "--no",
        "M6",
    )
    ok(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-06-02",
        "--type",
        "themed_day",
        "--title",
        "作废",
        "--no",
        "W1",
    )
    ok("--db", db, "meetings", "void", "W1", "--reason", "录错")
    bad = write_csv(
        tmp_path / "meetings.csv",
        [
            ["会议编号", "日期", "类型", "主题"],
            ["M7", "2026-06-10", "主题党日", "可以"],
            ["M8", "2026-07-01", "主题党日", "明天以后"],
            ["M9", "2026-05-20", "主题党日", "早于起始日"],
        ],
    )
    err = refused("--db", db, "import", "meetings", str(bad))
    assert f"{bad.name}:3:" in err and "after today (2026-06-15)" in err
    assert f"{bad.name}:4:" in err and "records start (2026-06-01)" in err
    assert f"{bad.name}:2:" not in err
    assert [m["meeting_no"] for m in meetings(db)] == ["M6"]
    marks = write_csv(
        tmp_path / "attendance.csv",
        [
            ["会议编号", "编号", "出勤", "原因"],
            ["M6", "001", "出席", ""],
            ["W1", "001", "出席", ""],
            ["M6", "002", "缺席", ""],
        ],
    )
    err = refused("--db", db, "import", "attendance", str(marks))
    assert f"{marks.name}:3:" in err and "W1 was voided" in err
    assert meetings(db)[0]["present"] == 0
    # with a problem of the file's own as well, every row is still checked
    worse = write_csv(
        tmp_path / "worse.csv",
        [
            ["会议编号", "编号", "出勤", "原因"],
            ["M6", "001", "迟到", ""],
            ["W1", "002", "出席", ""],
        ],
    )
    err = refused("--db", db, "import", "attendance", str(worse))
    assert f"{worse.name}:2:" in err and f"{worse.name}:3:" in err and "was voided" in err
    worse_meetings = write_csv(
        tmp_path / "worse_meetings.csv",
        [
            ["会议编号", "日期", "类型", "主题"],
            ["N1", "2026-06-10", "茶话会", "x"],
            ["N2", "2027-01-01", "主题党日", "y"],
        ],
    )
    err = refused("--db", db, "import", "meetings", str(worse_meetings))
    assert f"{worse_meetings.name}:2:" in err and "after today" in err


def test_an_argument_that_is_not_utf8_is_refused_naming_the_byte(db):
    """The shell hands over a raw byte (0xFE, or 0x9B: a one-byte CSI) that is not UTF-8;
    Python passes it on as a lone surrogate: refused like a control character, not a crash."""
    err = refused(
        "--db",
        db,
        "meetings",
        "add",
        "--date",
        "2026-06-10",
        "--type",
        "党课",
        "--title",
        "\udcfe学习",
        code=2,
    )
    assert "U+DCFE" in err and "Unexpected" not in err
