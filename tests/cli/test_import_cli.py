"""`orglife-tui import members|meetings|attendance FILE`, on SQLite and PostgreSQL.

A refused import exits 1, prints each problem to stderr as ``FILE:ROW: reason`` and leaves
the database as it was; these tests compare the listings before and after.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.cli_run import invoke_cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(autouse=True)
def _today(_english_and_isolated, monkeypatch):
    """The commands' clock (no test reads the real date)."""
    monkeypatch.setenv("ORGLIFE_TODAY", "2026-11-26")


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


def write_csv(path: Path, rows, bom: bool = False) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return str(path)


def listing(db: str) -> tuple[list, list]:
    members = run("--db", db, "members", "list", "--format", "json")
    meetings = run("--db", db, "meetings", "list", "--format", "json")
    assert members.exit_code == meetings.exit_code == 0, members.output + meetings.output
    return json.loads(members.stdout), json.loads(meetings.stdout)


def refused(db: str, *args: str, lang: str = "en") -> list[str]:
    """Run an import that must be refused; return its stderr lines, check nothing changed."""
    before = listing(db)
    result = run("--db", db, "import", *args, lang=lang)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert listing(db) == before
    return result.stderr.splitlines()


@pytest.fixture
def sample_db(db_url):
    """The sample branch: 12 members, 6 meetings, their attendance."""
    for kind in ("members", "meetings", "attendance"):
        result = run("--db", db_url, "import", kind, str(SAMPLES / f"{kind}.csv"))
        assert result.exit_code == 0, result.output
    return db_url


def test_the_sample_files_import_cleanly(db_url):
    out = [
        run("--db", db_url, "import", kind, str(SAMPLES / f"{kind}.csv")).stdout.strip()
        for kind in ("members", "meetings", "attendance")
    ]
    assert out == [
        f"{SAMPLES / 'members.csv'}: members added: 12, updated: 0, unchanged: 0.",
        f"{SAMPLES / 'meetings.csv'}: meetings added: 6 (2026-001 … 2026-006).\n"
        "Points: 2 entries added, 0 reversed.",  # the lecturers, picked from the roster
        f"{SAMPLES / 'attendance.csv'}: attendance marks recorded: 52.\n"
        "Points: 63 entries added, 0 reversed.",  # the points follow the attendance
    ]
    members, meetings = listing(db_url)
    assert len(members) == 12
    assert {m["group"] for m in members} == {"第一党小组", "第二党小组"}
    assert [m["status"] for m in members].count("probationary") == 2
    assert sum(m["present"] + m["leave"] + m["absent"] for m in meetings) == 52
    assert [(m["meeting_no"], m["types"]) for m in meetings][:2] == [
        ("2026-001", "committee_meeting"),
        ("2026-002", "general_meeting;party_lecture"),
    ]


def test_the_sample_workbook_holds_the_same_roster_as_the_csv(db_url, tmp_path):
    assert run("--db", db_url, "import", "members", str(SAMPLES / "members.xlsx")).exit_code == 0
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert run("--db", other, "import", "members", str(SAMPLES / "members.csv")).exit_code == 0
    assert listing(db_url)[0] == listing(other)[0]


def test_english_headers_in_any_order_with_a_bom(db_url, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["status", "name", "member_no", "birth_date"],
            ["probationary", "孙雨欣", "012", "2001/7/19"],
        ],
        bom=True,
    )
    result = run("--db", db_url, "import", "members", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: members added: 1, updated: 0, unchanged: 0.\n"
    (m,) = listing(db_url)[0]
    assert (m["member_no"], m["name"], m["status"], m["birth_date"]) == (
        "012",
        "孙雨欣",
        "probationary",
        "2001-07-19",
    )


def test_success_message_in_chinese(db_url, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
    result = run("--db", db_url, "import", "members", path, lang="zh")
    assert result.stdout == f"{path}：新增党员 1 名，更新 0 名，未变 0 名。\n"


def test_missing_required_column(sample_db, tmp_path):
    path = write_csv(tmp_path / "m.csv", [["编号", "姓名"], ["013", "钱进"]])
    assert refused(sample_db, "members", path) == [
        f"{path}:1: Missing required column status(类别).",
        f"Nothing was imported; problems in {path}: 1.",
    ]


def test_unknown_column_lists_the_accepted_ones(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "mt.csv",
        [["日期", "类型", "主题", "参会人数"], ["2026-05-01", "党课", "党课", "12"]],
    )
    (line, _) = refused(sample_db, "meetings", path)
    assert line == (
        f"{path}:1: Unknown column '参会人数' (column D). Accepted columns: meeting_no(会议编号), "
        "date(日期), type(类型), title(主题), group(党小组), place(地点), host(主持人), "
        "recorder(记录人), lecturer(授课人), minutes(会议记录), meeting_form(形式)."
    )


def test_unknown_status_bad_date_and_duplicates(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别", "入党日期"],
            ["013", "钱进", "团员", "2020-01-01"],
            ["014", "郑洁", "正式党员", "2020-02-30"],
            ["015", "冯涛", "正式党员", "2020年1月"],
            ["013", "钱进", "正式党员", ""],
            ["005", "陈伟", "正式党员", ""],  # the member 005: updated, no problem
        ],
    )
    assert refused(sample_db, "members", path) == [
        f"{path}:2: status: unknown status '团员' (full/probationary, 正式党员/预备党员)",
        f"{path}:3: join date: there is no date '2020-02-30'",
        f"{path}:4: join date: '2020年1月' has no day; write the whole date (YYYY-MM-DD)",
        f"{path}:5: Member number 013 appears more than once (first on row 2).",
        f"Nothing was imported; problems in {path}: 4.",
    ]


def test_duplicate_member_numbers_alone(sample_db, tmp_path):
    """Only the database can tell: the rows pass validation and the Store refuses them."""
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["编号", "姓名", "类别"],
            ["013", "钱进", "正式"],
            ["001", "张建国", "正式"],
            ["013", "钱进", "正式"],
        ],
    )
    assert refused(sample_db, "members", path) == [
        f"{path}:4: Member number 013 appears more than once (first on row 2).",
        f"Nothing was imported; problems in {path}: 1.",
    ]


def test_update_replaces_existing_members(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "m.csv",
        [["编号", "姓名", "类别", "转正日期"], ["011", "徐浩然", "正式党员", "2026-06-28"]],
    )
    # --update is no longer needed; scripts that pass it still run.
    result = run("--db", sample_db, "import", "members", path, "--update")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        f"{path}: members added: 0, updated: 1, unchanged: 0.",
        "  updated 011 徐浩然: status probationary → full; full-member date (blank) → 2026-06-28",
    ]
    m = {x["member_no"]: x for x in listing(sample_db)[0]}["011"]
    assert (m["status"], m["full_date"], m["phone"], m["group"]) == (
        "full",
        "2026-06-28",
        "18768132259",
        "第一党小组",
    )


def test_attendance_for_unknown_meeting_or_member(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["会议编号", "编号", "出勤"],
            ["2026-006", "001", "出席"],
            ["2026-099", "001", "出席"],
            ["2026-006", "099", "出席"],
        ],
    )
    assert refused(sample_db, "attendance", path) == [
        f"{path}:3: No meeting with number 2026-099.",
        f"{path}:4: No member with number 099.",
        f"Nothing was imported; problems in {path}: 2.",
    ]


def test_leave_without_reason(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["会议编号", "编号", "出勤", "原因"],
            ["2026-006", "009", "请假", "  "],
            ["2026-006", "010", "缺席", ""],
        ],
    )
    assert refused(sample_db, "attendance", path) == [
        f"{path}:2: reason: leave needs a reason",
        f"Nothing was imported; problems in {path}: 1.",
    ]


def test_problems_in_chinese(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "a.csv",
        [
            ["会议编号", "编号", "出勤", "原因"],
            ["2026-006", "009", "请假", ""],
            ["2026-077", "010", "缺席", ""],
        ],
    )
    assert refused(sample_db, "attendance", path, lang="zh") == [
        f"{path}:2: 原因：请假须填写原因",
        f"{path}:3: 没有编号为 2026-077 的会议。",
        f"未导入任何数据：{path} 中有 2 处问题。",
    ]


def test_a_file_neither_utf8_nor_gbk_touches_no_database(fresh_sqlite_url, tmp_path):
    sqlite_url = fresh_sqlite_url
    path = tmp_path / "名册.csv"
    path.write_bytes("编号,姓名,类别\n001,张伟,正式党员\n".encode("utf-16-le"))
    result = run("--db", sqlite_url, "import", "members", str(path))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{path}: The file is neither UTF-8 nor GB18030/GBK text: save the sheet as CSV UTF-8 "
        "or as .xlsx.",
        f"Nothing was imported; problems in {path}: 1.",
    ]
    assert not (tmp_path / "branch.db").exists()  # the file was refused before the database opened


def test_missing_file_and_wrong_type(db_url, tmp_path):
    result = run("--db", db_url, "import", "meetings", "nowhere.csv")
    assert (result.exit_code, result.stderr.splitlines()[0]) == (1, "nowhere.csv: No such file.")
    (tmp_path / "m.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    result = run("--db", db_url, "import", "members", str(tmp_path / "m.xls"))
    assert result.stderr.splitlines()[0] == (
        f"{tmp_path / 'm.xls'}: Cannot import '.xls' files: save the sheet as .xlsx or as CSV UTF-8 (.csv)."
    )


def test_an_unreachable_database_is_one_line(tmp_path):
    path = write_csv(tmp_path / "m.csv", [["编号", "姓名", "类别"], ["001", "张伟", "正式党员"]])
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all" * 100)
    result = run("--db", str(tmp_path / "junk.db"), "import", "members", path)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.splitlines()) == 1


def test_help_in_both_languages():
    result = run("import", "--help")
    assert result.exit_code == 0
    for name in ("members", "meetings", "attendance"):
        assert name in result.stdout
    assert "--strict" in run("import", "members", "--help").stdout
    assert "要么全部导入" in run("import", "--help", lang="zh").stdout


def test_the_import_command_does_not_load_textual():
    import subprocess
    import sys

    code = (
        "import sys; import orglife_tui.cli.commands.importing, orglife_tui.importing; "
        "from orglife_tui.importing import reader, importers; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_meeting_for_an_unknown_group_is_refused_by_row(tmp_path, sample_db):
    path = write_csv(
        tmp_path / "m.csv",
        [["日期", "类型", "主题", "党小组"], ["2026-01-05", "党小组会", "学习", "不存在的小组"]],
    )
    assert refused(sample_db, "meetings", path) == [
        f"{path}:2: No party group named 不存在的小组 in this branch.",
        f"Nothing was imported; problems in {path}: 1.",
    ]


def test_reimporting_the_same_roster_changes_nothing(sample_db):
    before = listing(sample_db)
    result = run("--db", sample_db, "import", "members", str(SAMPLES / "members.csv"))
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        f"{SAMPLES / 'members.csv'}: members added: 0, updated: 0, unchanged: 12.\n"
    )
    assert listing(sample_db) == before


# ---------------------------------------------------------------------------- rosters as they come


def test_the_gbk_sample_roster_holds_the_members_of_the_csv(db_url, tmp_path):
    """samples/roster-gbk.csv: a title, 序号 only, skipped columns, dates in every form."""
    path = str(SAMPLES / "roster-gbk.csv")
    result = run("--db", db_url, "import", "members", path)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{path}: members added: 12, updated: 0, unchanged: 0.\n"
    assert result.stderr.splitlines() == [
        f"{path}: columns not kept, skipped: 民族, 籍贯, 学历, 身份证号, 行政职务, 备注.",
        f"{path}: no 编号 column; new members are numbered by their 序号 (1 → 001), members "
        "already in the branch keep their numbers.",
    ]
    other = f"sqlite:///{tmp_path / 'other.db'}"
    assert run("--db", other, "import", "members", str(SAMPLES / "members.csv")).exit_code == 0

    def without_dues(members):
        return [{k: v for k, v in m.items() if k != "dues_paid_until"} for m in members]

    assert without_dues(listing(db_url)[0]) == without_dues(listing(other)[0])


def test_the_notice_in_chinese(db_url):
    path = str(SAMPLES / "roster-gbk.csv")
    result = run("--db", db_url, "import", "members", path, lang="zh")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == (
        f"{path}：以下列不保存，已跳过：民族、籍贯、学历、身份证号、行政职务、备注。"
    )


def test_strict_refuses_what_it_would_skip(db_url):
    path = str(SAMPLES / "roster-gbk.csv")
    lines = refused(db_url, "members", path, "--strict")
    assert len(lines) == 7
    assert lines[0].startswith(f"{path}:3: Unknown column '民族' (column D). Accepted columns: ")
    assert lines[-1] == f"Nothing was imported; problems in {path}: 6."


def test_reimporting_an_edited_roster_reports_what_changed(db_url, tmp_path):
    assert run("--db", db_url, "import", "members", str(SAMPLES / "roster-gbk.csv")).exit_code == 0
    text = (SAMPLES / "roster-gbk.csv").read_bytes().decode("gb18030")
    text = text.replace("13906521187", "13906520000")  # 李秀英's new phone
    text = "\r\n".join(line for line in text.split("\r\n") if ",吴婷," not in line)
    text += "13,钱进,男,汉族,1990-01-01,,,,2015-07-01,2016-07-01,正式党员,第二党小组,,,,\r\n"
    path = tmp_path / "花名册2026.csv"
    path.write_bytes(text.encode("gb18030"))
    result = run("--db", db_url, "import", "members", str(path), lang="zh")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{path}：新增党员 1 名，更新 1 名，未变 10 名。",
        "  新增：013 钱进",
        "  更新 002 李秀英：联系电话 13906521187 → 13906520000",
        "  文件中没有（已保留）：010 吴婷",
    ]
    members = {m["member_no"]: m for m in listing(db_url)[0]}
    assert len(members) == 13 and members["010"]["name"] == "吴婷"  # kept, not deleted


# ---------------------------------------------------------------------------- --dry-run


def test_a_dry_run_tells_what_the_import_would_do_and_writes_nothing(db_url):
    assert run("--db", db_url, "branch", "add", "第一党支部").exit_code == 0
    before = listing(db_url)
    result = run("--db", db_url, "import", "members", str(SAMPLES / "members.csv"), "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == [
        "Dry run: the file was checked and nothing was written.",
        f"{SAMPLES / 'members.csv'}: members added: 12, updated: 0, unchanged: 0.",
    ]
    assert listing(db_url) == before


def test_a_dry_run_of_a_bad_file_lists_its_problems_as_the_import_does(sample_db, tmp_path):
    path = write_csv(
        tmp_path / "a.csv", [["会议编号", "编号", "出勤"], ["2026-001", "999", "出席"]]
    )
    before = listing(sample_db)
    checked = run("--db", sample_db, "import", "attendance", path, "--check")
    done = run("--db", sample_db, "import", "attendance", path)
    assert checked.exit_code == done.exit_code == 1
    assert checked.stderr == done.stderr
    assert f"{path}:2:" in checked.stderr
    assert listing(sample_db) == before


@pytest.mark.parametrize("command", [("plan", "import"), ("dues", "import")])
def test_the_plan_and_dues_imports_have_a_dry_run(sample_db, tmp_path, command):
    if command[0] == "plan":
        path = str(SAMPLES / "plan.csv")
    else:
        path = write_csv(
            tmp_path / "dues.csv",
            [["编号", "缴纳日期", "起始月份", "金额"], ["001", "2026-11-20", "2026-11", "30"]],
        )
    checked = run("--db", sample_db, *command, path, "--dry-run")
    assert checked.exit_code == 0, checked.output
    assert checked.stdout.startswith("Dry run: the file was checked and nothing was written.")
    listed = run("--db", sample_db, "plan", "list", "--year", "2026")
    assert "No plan items" in listed.stdout
    dues = run("--db", sample_db, "dues", "list")
    assert "2026-11-20" not in dues.stdout


def test_a_dry_run_needs_the_branch_and_creates_nothing(tmp_path):
    db = f"sqlite:///{tmp_path / 'new.db'}"
    result = run("--db", db, "import", "members", str(SAMPLES / "members.csv"), "--dry-run")
    assert result.exit_code == 1
    assert not (tmp_path / "new.db").exists()
