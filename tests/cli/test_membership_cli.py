"""`orglife-tui members transfer-out|transfer-in|convert|away|back|deceased|remove|history|
void-event|probation` and `members list --archived|--all`, on both databases, with
ORGLIFE_TODAY fixing today at 2026-06-30."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from sqlalchemy import func, select

from orglife_tui.data.models import audit_t, event_t, member_t
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from tests.cli_run import invoke_cli

TODAY = "2026-06-30"


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY)


@pytest.fixture
def db(db_url):
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch("第一党支部")
    store.add_members(
        b.id,
        [
            MemberInput("001", "张伟", MemberStatus.full, join_date=date(2000, 7, 1)),
            MemberInput("002", "王芳", MemberStatus.full, join_date=date(2010, 7, 1)),
            MemberInput("003", "李娜", MemberStatus.probationary, join_date=date(2025, 6, 15)),
            MemberInput("004", "刘洋", MemberStatus.probationary, join_date=date(2025, 7, 30)),
            MemberInput("005", "陈静", MemberStatus.probationary, join_date=date(2025, 7, 31)),
        ],
    )
    store.close()
    return db_url


def members(db: str, *args: str, lang: str = "en"):
    return run("--db", db, "members", *args, lang=lang)


def state(db: str) -> tuple[int, int, int]:
    """(members, events, audit lines): a refusal changes none of them."""
    store = Store.open(db)
    try:
        with store.read_connection() as conn:
            return tuple(  # type: ignore[return-value]
                int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in (member_t, event_t, audit_t)
            )
    finally:
        store.close()


def last_audit(db: str) -> tuple[str, str, dict]:
    store = Store.open(db)
    try:
        entry = store.audit_entries(limit=1)[0]
    finally:
        store.close()
    return entry["action"], entry["operator"], json.loads(entry["detail"])


def member(db: str, no: str):
    store = Store.open(db)
    try:
        b = store.resolve_branch(None)
        return store.get_member(b.id, no)
    finally:
        store.close()


def history(db: str, no: str) -> list[dict]:
    result = members(db, "history", no, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def listed(db: str, *flags: str) -> list[str]:
    result = members(db, "list", "--format", "json", *flags)
    assert result.exit_code == 0, result.output
    return [r["member_no"] for r in json.loads(result.stdout)]


# ---------------------------------------------------------------- happy paths


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_transfer_out_archives_the_member(db, lang, monkeypatch):
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, "secretary")  # the login the audit names
    result = members(
        db, "transfer-out", "002", "--date", "2026-06-01", "--to", "市委党校", lang=lang
    )
    assert result.exit_code == 0, result.output
    expected = (
        "Recorded for 王芳 (002): transfer out on 2026-06-01, to 市委党校"
        if lang == "en"
        else "已登记：王芳（002）2026-06-01 组织关系转出，转往市委党校"
    )
    assert expected in result.stdout
    assert listed(db) == ["001", "003", "004", "005"]
    assert listed(db, "--archived") == ["002"]
    assert listed(db, "--all") == ["001", "002", "003", "004", "005"]
    action, operator, detail = last_audit(db)
    assert action == "member.transfer_out" and detail["place"] == "市委党校"
    assert operator == "secretary"


def test_archived_listing_shows_when_and_how_each_member_left(db):
    members(db, "transfer-out", "002", "--date", "2026-06-01", "--to", "市委党校")
    members(db, "deceased", "001", "--date", "2026-05-02")
    table = members(db, "list", "--archived").stdout
    assert "transfer out" in table and "2026-06-01" in table
    assert "deceased" in table and "2026-05-02" in table
    zh = members(db, "list", "--archived", lang="zh").stdout
    assert "离开日期" in zh and "组织关系转出" in zh and "去世" in zh
    rows = list(csv.DictReader(io.StringIO(members(db, "list", "--all", "-f", "csv").stdout)))
    by_no = {r["member_no"]: r for r in rows}
    assert (by_no["002"]["left_on"], by_no["002"]["left_kind"]) == ("2026-06-01", "transfer_out")
    assert by_no["003"]["left_on"] == ""
    # the default listing keeps its columns
    default = list(csv.DictReader(io.StringIO(members(db, "list", "-f", "csv").stdout)))
    assert "left_on" not in default[0]
    assert members(db, "list", "--archived", "--all").exit_code == 2


def test_no_archived_members_says_so(db):
    result = members(db, "list", "--archived")
    assert result.exit_code == 0
    assert "No member has left the branch." in result.stdout


def test_transfer_in_creates_the_member_with_the_event(db):
    result = members(
        db,
        "transfer-in",
        "010",
        "--name",
        "周强",
        "--date",
        "2026-03-01",
        "--from",
        "区教育局党支部",
        "--join-date",
        "2005-07-01",
        "--full-date",
        "2006-07-01",
        "--gender",
        "男",
        "--group",
        "第二党小组",
        "--phone",
        "13800000010",
    )
    assert result.exit_code == 0, result.output
    assert (
        "Added 周强 (010, full), transferred in on 2026-03-01 from 区教育局党支部" in result.stdout
    )
    row = member(db, "010")
    assert (row.join_date, row.full_date, row.entered_on, row.group, row.phone) == (
        date(2005, 7, 1),
        date(2006, 7, 1),
        date(2026, 3, 1),
        "第二党小组",
        "13800000010",
    )
    (event,) = history(db, "010")
    assert (event["kind"], event["date"], event["place"]) == (
        "transfer_in",
        "2026-03-01",
        "区教育局党支部",
    )
    assert last_audit(db)[0] == "member.transfer_in"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("001", "--name", "重号", "--date", "2026-03-01", "--from", "x"), "already"),
        (("010", "--name", "未来", "--date", "2026-07-01", "--from", "x"), "in the future"),
        (
            (
                "010",
                "--name",
                "早",
                "--date",
                "2026-03-01",
                "--from",
                "x",
                "--join-date",
                "2026-04-01",
            ),
            "only joined the Party on 2026-04-01",
        ),
        (("010", "--name", "x", "--date", "2026-03-01", "--from", " "), "comes from"),
        (
            ("010", "--name", "x", "--date", "2026-03-01", "--from", "y", "--status", "候补"),
            "--status",
        ),
        (
            (
                "010",
                "--name",
                "x",
                "--date",
                "2026-03-01",
                "--from",
                "y",
                "--join-date",
                "2027-01-01",
            ),
            "--join-date",
        ),
    ],
)
def test_a_refused_transfer_in_writes_nothing(db, args, message):
    before = state(db)
    result = members(db, "transfer-in", *args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert state(db) == before


def test_convert_and_extend(db):
    result = members(db, "convert", "003", "--date", "2026-06-15")
    assert result.exit_code == 0, result.output
    assert "conversion on 2026-06-15" in result.stdout
    row = member(db, "003")
    assert (row.status, row.full_date) == (MemberStatus.full, date(2026, 6, 15))

    result = members(
        db, "convert", "004", "--extend", "--until", "2027-01-30", "--reason", "需继续考察"
    )
    assert result.exit_code == 0, result.output
    assert "probation extended until 2027-01-30, decided on 2026-06-30" in result.stdout
    (event,) = history(db, "004")
    assert (event["kind"], event["end_date"], event["reason"]) == (
        "probation_extended",
        "2027-01-30",
        "需继续考察",
    )
    assert member(db, "004").status is MemberStatus.probationary
    assert last_audit(db)[:1] == ("member.probation_extended",)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("001", "--date", "2026-06-01"), 1, "not a probationary member"),
        (("004", "--date", "2026-06-30"), 1, "only ends on 2026-07-30"),
        (("003", "--date", "2026-07-01"), 1, "in the future"),
        (("003",), 2, "--date"),
        (("003", "--extend"), 2, "--until"),
        (("003", "--until", "2026-12-01"), 2, "--extend"),
        (("003", "--extend", "--until", "2027-07-01"), 1, "at most one year"),
        (("003", "--date", "2026-13-01"), 2, "2026-13-01"),
        (("999", "--date", "2026-06-01"), 1, "999"),
    ],
)
def test_refused_conversions(db, args, code, message):
    before = state(db)
    result = members(db, "convert", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert state(db) == before


def test_away_then_back(db):
    result = members(db, "away", "002", "--from", "2026-05-01", "--where", "深圳市某社区党委")
    assert result.exit_code == 0, result.output
    assert "away from 2026-05-01 at 深圳市某社区党委" in result.stdout
    result = members(db, "back", "002", "--date", "2026-06-10", lang="zh")
    assert result.exit_code == 0, result.output
    assert "王芳（002）已于 2026-06-10 返回：流动外出 2026-05-01 至 2026-06-09" in result.stdout
    (event,) = history(db, "002")
    assert (event["date"], event["end_date"]) == ("2026-05-01", "2026-06-09")
    action, _, detail = last_audit(db)
    assert action == "member.back" and detail["old_end"] is None

    before = state(db)
    again = members(db, "back", "002", "--date", "2026-06-20")
    assert again.exit_code == 1 and "no period away open on 2026-06-20" in again.stderr
    overlap = members(
        db, "away", "002", "--from", "2026-06-01", "--to", "2026-06-05", "--where", "x"
    )
    assert overlap.exit_code == 1 and "already recorded as away" in overlap.stderr
    nowhere = members(db, "away", "002", "--from", "2026-06-20", "--where", " ")
    assert nowhere.exit_code == 1
    assert state(db) == before


def test_deceased_and_remove(db):
    assert members(db, "deceased", "001", "--date", "2026-04-02").exit_code == 0
    assert member(db, "001").left_kind == "deceased"
    before = state(db)
    no_reason = members(db, "remove", "002", "--date", "2026-05-06", "--reason", " ")
    assert no_reason.exit_code == 1 and "needs a reason" in no_reason.stderr
    missing = members(db, "remove", "002", "--date", "2026-05-06")
    assert missing.exit_code == 2  # --reason is required
    assert state(db) == before
    result = members(db, "remove", "002", "--date", "2026-05-06", "--reason", "支部大会决定除名")
    assert result.exit_code == 0, result.output
    assert member(db, "002").left_kind == "removed"
    assert last_audit(db)[2]["reason"] == "支部大会决定除名"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (("transfer-out", "002", "--date", "2026-07-01", "--to", "x"), "in the future"),
        (("transfer-out", "002", "--date", "2010-06-30", "--to", "x"), "only joined the Party"),
        (("transfer-out", "999", "--date", "2026-06-01", "--to", "x"), "No member with number 999"),
        (("transfer-out", "002", "--date", "2026-06-01", "--to", " "), "goes to"),
        (("deceased", "002", "--date", "yesterday"), "yesterday"),
        (("away", "002", "--from", "2026-06-01", "--to", "2026-05-01", "--where", "x"), "before"),
        (("back", "002", "--date", "2026-06-01"), "no period away"),
    ],
)
def test_each_refusal_is_one_line_and_writes_nothing(db, command, message):
    before = state(db)
    result = members(db, *command)
    assert result.exit_code in (1, 2), result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert state(db) == before


def test_a_departed_member_is_read_only(db):
    members(db, "transfer-out", "002", "--date", "2026-06-01", "--to", "x")
    before = state(db)
    for command in (
        ("deceased", "002", "--date", "2026-06-10"),
        ("away", "002", "--from", "2026-06-02", "--where", "x"),
        ("transfer-out", "002", "--date", "2026-06-02", "--to", "y"),
    ):
        result = members(db, *command)
        assert result.exit_code == 1
        assert "left the branch on 2026-06-01" in result.stderr
    assert state(db) == before


def test_refused_on_a_database_without_a_branch(tmp_path):
    missing = tmp_path / "none.db"
    result = run("--db", str(missing), "members", "deceased", "001", "--date", "2026-06-01")
    assert result.exit_code == 1
    assert not missing.exists()


def test_history_and_void_event(db):
    members(db, "transfer-out", "002", "--date", "2026-06-01", "--to", "错登")
    (event,) = history(db, "002")
    assert event["voided"] is False and event["operator"]
    table = members(db, "history", "002").stdout
    assert "transfer out" in table and "错登" in table
    assert "转出" in members(db, "history", "002", lang="zh").stdout

    result = members(db, "void-event", str(event["id"]), "--reason", "登记错了人")
    assert result.exit_code == 0, result.output
    assert f"Voided event {event['id']} of 王芳 (002): transfer out on 2026-06-01" in result.stdout
    assert listed(db, "--archived") == []
    assert "002" in listed(db)
    (kept,) = history(db, "002")
    assert kept["voided"] is True and kept["void_reason"] == "登记错了人"
    assert "void: 登记错了人" in members(db, "history", "002").stdout
    action, _, detail = last_audit(db)
    assert action == "member.void_event" and detail["changes"]["left_on"]["old"] == "2026-06-01"

    before = state(db)
    again = members(db, "void-event", str(event["id"]), "--reason", "x")
    assert again.exit_code == 1 and "already void" in again.stderr
    unknown = members(db, "void-event", "9999", "--reason", "x")
    assert unknown.exit_code == 1 and "9999" in unknown.stderr
    blank = members(db, "void-event", str(event["id"]), "--reason", "")
    assert blank.exit_code == 1
    assert state(db) == before


def test_history_of_a_member_without_events_and_of_an_unknown_member(db):
    result = members(db, "history", "001")
    assert result.exit_code == 0 and "No events recorded for member 001." in result.stdout
    unknown = members(db, "history", "999")
    assert unknown.exit_code == 1 and "999" in unknown.stderr


def test_the_conversion_watch(db):
    result = members(db, "probation", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["member_no"], r["ends_on"], r["days_left"]) for r in rows] == [
        ("003", "2026-06-15", -15),
        ("004", "2026-07-30", 30),  # the 30th day is within the watch; 005's 31st is not
    ]
    table = members(db, "probation").stdout
    assert "15 days overdue" in table and "30 days left" in table and "陈静" not in table
    zh = members(db, "probation", lang="zh").stdout
    assert "已超期 15 天" in zh and "还有 30 天" in zh and "预备期满" in zh
    assert "005" in [
        r["member_no"]
        for r in json.loads(members(db, "probation", "--within", "31", "-f", "json").stdout)
    ]
    members(db, "convert", "003", "--date", "2026-06-15")
    members(db, "convert", "004", "--extend", "--until", "2027-01-30")
    empty = members(db, "probation")
    assert "No probationary member's year ends within 30 days" in empty.stdout
    extended = members(db, "probation", "--within", "365").stdout
    assert "2027-01-30 (extended)" in extended
    assert members(db, "probation", "--within", "-1").exit_code == 2
