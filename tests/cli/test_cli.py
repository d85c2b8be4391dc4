"""The command line: global options, branches, listings, and refusals as one clear line."""

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest

from orglife_tui.data.store import Store
from orglife_tui.domain import AttendanceStatus, MeetingType, MemberStatus
from orglife_tui.domain.records import MeetingInput, MemberInput
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    """Invoke the command as `main()` would: the language is chosen before the app is built."""
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def filled(db_url):
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput(
                "001", "张伟", MemberStatus.full, group="第一党小组", join_date=date(2001, 7, 1)
            ),
            MemberInput("002", "李娜", MemberStatus.probationary, group="第二党小组"),
        ],
    )
    m = store.add_meeting(
        b.id,
        MeetingInput(
            date(2026, 3, 5),
            (MeetingType.themed_day, MeetingType.party_lecture),
            "学习二十大精神",
        ),
    )
    ids = {x.member_no: x.id for x in store.list_members(b.id)}
    store.set_attendance(b.id, m.id, ids["001"], AttendanceStatus.present)
    store.set_attendance(b.id, m.id, ids["002"], AttendanceStatus.leave, "出差")
    store.close()
    return db_url


def test_help_lists_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for name in ("where", "branch", "members", "meetings", "demo", "import"):
        assert name in result.output


def test_help_speaks_chinese_when_asked():
    result = run("--help", lang="zh")
    assert "党支部组织生活管理" in result.output


def test_where_prints_the_database_and_config_paths(tmp_path):
    result = run("--db", str(tmp_path / "x.db"), "where")
    assert result.exit_code == 0
    assert f"sqlite:///{tmp_path / 'x.db'}" in result.output
    assert "Config directory:" in result.output


def test_where_hides_the_password_of_a_server_url():
    result = run("--db", "postgresql+psycopg://li:topsecret@db.example/branch", "where")
    assert "topsecret" not in result.output
    assert "li:***@db.example" in result.output


def test_the_database_may_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("ORGLIFE_DB", str(tmp_path / "env.db"))
    assert str(tmp_path / "env.db") in run("where").output


def test_members_list_json_has_stable_english_keys(filled):
    result = run("--db", filled, "members", "list", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(m["member_no"], m["name"], m["status"], m["group"]) for m in data] == [
        ("001", "张伟", "full", "第一党小组"),
        ("002", "李娜", "probationary", "第二党小组"),
    ]
    assert data[0]["join_date"] == "2001-07-01"


def test_members_list_csv_and_table(filled):
    rows = list(
        csv.DictReader(io.StringIO(run("--db", filled, "members", "list", "-f", "csv").output))
    )
    assert rows[1]["name"] == "李娜" and rows[1]["status"] == "probationary"
    table = run("--db", filled, "members", "list", lang="zh").output
    assert "预备党员" in table and "编号" in table


def test_lists_as_csv_speak_chinese_under_zh_and_import_back(filled, tmp_path):
    """A roster exported under zh has the Chinese column names and values, which the roster
    import reads back; JSON keeps its keys whatever the language."""
    text = run("--db", filled, "members", "list", "-f", "csv", lang="zh").output
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[1]["姓名"] == "李娜" and rows[1]["类别"] == "预备党员"
    assert rows[0]["入党日期"] == "2001-07-01"
    meetings = run("--db", filled, "meetings", "list", "-f", "csv", lang="zh").output
    assert list(csv.DictReader(io.StringIO(meetings)))[0]["类型"] == "党课、主题党日"
    data = json.loads(run("--db", filled, "members", "list", "-f", "json", lang="zh").output)
    assert data[1]["status"] == "probationary"
    roster = tmp_path / "roster.csv"
    roster.write_text(text, encoding="utf-8")
    other = tmp_path / "other.db"
    imported = run("--db", str(other), "import", "members", str(roster), lang="zh")
    assert imported.exit_code == 0, imported.output
    again = json.loads(run("--db", str(other), "members", "list", "-f", "json").output)
    assert [(m["member_no"], m["status"]) for m in again] == [
        ("001", "full"),
        ("002", "probationary"),
    ]


def test_members_list_search(filled):
    data = json.loads(run("--db", filled, "members", "list", "-f", "json", "-s", "李").output)
    assert [m["name"] for m in data] == ["李娜"]


def test_meetings_list_shows_types_and_counts(filled):
    data = json.loads(run("--db", filled, "meetings", "list", "--format", "json").output)
    assert data == [
        {
            "meeting_no": "2026-001",
            "date": "2026-03-05",
            "types": "party_lecture;themed_day",
            "title": "学习二十大精神",
            "group": None,
            "place": None,
            "host": None,
            "form": None,
            "lecturer": None,
            "present": 1,
            "leave": 1,
            "absent": 0,
        }
    ]
    assert (
        run("--db", filled, "meetings", "list", "--month", "2026-04", "-f", "json").output.strip()
        == "[]"
    )
    assert (
        len(
            json.loads(
                run("--db", filled, "meetings", "list", "--type", "党课", "-f", "json").output
            )
        )
        == 1
    )
    assert "主题党日" in run("--db", filled, "meetings", "list", lang="zh").output


def test_empty_listings_say_so(db_url):
    assert "No members yet." in run("--db", db_url, "members", "list").output
    assert "尚无会议记录" in run("--db", db_url, "meetings", "list", lang="zh").output


def test_a_fresh_database_gets_the_branch_named_on_the_command_line(fresh_db_url):
    db_url = fresh_db_url  # created and migrated by the command itself
    run("--db", db_url, "--branch", "机关党支部", "members", "list")
    assert run("--db", db_url, "branch", "list").output.split() == ["机关党支部"]


def test_branch_add_rename_and_selection(db_url):
    run("--db", db_url, "--branch", "一支部", "members", "list")
    assert run("--db", db_url, "branch", "add", "二支部").exit_code == 0
    ambiguous = run("--db", db_url, "members", "list")
    assert ambiguous.exit_code == 1
    assert "several branches" in ambiguous.output
    assert run("--db", db_url, "--branch", "二支部", "branch", "rename", "第二支部").exit_code == 0
    assert sorted(run("--db", db_url, "branch", "list").output.split()) == ["一支部", "第二支部"]


def test_an_unknown_branch_is_one_line_and_exit_1(filled):
    result = run("--db", filled, "--branch", "不存在", "members", "list")
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0
    assert "No branch named 不存在" in result.output


def test_bad_format_and_bad_month_are_refused(filled):
    assert run("--db", filled, "members", "list", "--format", "xml").exit_code == 2
    bad = run("--db", filled, "meetings", "list", "--month", "2026-13")
    assert bad.exit_code == 2 and "bad month" in bad.output


def test_not_a_database_is_one_clear_line(tmp_path):
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\x89PNG\r\n" + b"\x00" * 4000)
    result = run("--db", str(junk), "members", "list")
    assert result.exit_code == 1
    assert (
        result.output.strip()
        == f"Error: sqlite:///{junk} is not an orglife-tui database (not a SQLite file)."
    )


def test_unreachable_server_is_one_clear_line():
    result = run("--db", "postgresql+psycopg://u:pw@127.0.0.1:1/x", "members", "list", lang="zh")
    assert result.exit_code == 1
    assert result.output.startswith("错误：无法打开数据库")
    assert "Traceback" not in result.output


def test_global_options_may_follow_the_subcommand(filled):
    """Click takes --db/--branch/--lang after the subcommand (and between its words), no
    rewriting of the arguments needed; the later one wins."""
    result = run("members", "list", "--db", filled, "--lang=zh", "-f", "json")
    assert result.exit_code == 0, result.output
    assert [m["member_no"] for m in json.loads(result.output)] == ["001", "002"]
    result = run("members", "--branch", "第一党支部", "list", "--db", filled)
    assert result.exit_code == 0, result.output
    assert "张伟" in result.output
    result = run("--db", "/nonexistent/elsewhere.db", "members", "list", "--db", filled)
    assert result.exit_code == 0, result.output
    assert "张伟" in result.output


def test_a_later_lang_speaks_and_a_bad_one_is_refused(filled):
    result = run("members", "list", "--db", filled, "--lang", "zh", lang="en")
    assert result.exit_code == 0, result.output
    assert "姓名" in result.output
    result = run("members", "list", "--db", filled, "--lang", "xx")
    assert result.exit_code == 2
    assert "Unknown language 'xx'" in result.output


def test_the_installed_command_runs_and_keeps_textual_out_of_the_cli(tmp_path):
    """`orglife-tui members list` must not import Textual: it stays quick over SSH."""
    code = (
        "import sys; sys.argv = ['orglife-tui', '--db', sys.argv[1], 'members', 'list'];"
        "from orglife_tui.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "print('CLEAN')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "CLEAN" in out.stdout


def test_importing_the_package_pulls_in_neither_textual_nor_sqlalchemy():
    code = (
        "import sys, orglife_tui, orglife_tui.domain, orglife_tui.domain.records, orglife_tui.locale;"
        "bad = [m for m in ('textual', 'sqlalchemy') if m in sys.modules];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
