"""`orglife-tui talks add|list|show|follow-up` and `export talks`, on both databases."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import delete, func, select

from orglife_tui.data.models import audit_t, talk_t, talk_text_t, talker_t
from orglife_tui.data.store import Store
from orglife_tui.domain import CommitteePost, MemberStatus
from orglife_tui.domain.records import MemberInput
from tests.cli_run import invoke_cli

TODAY = date(2026, 12, 5)  # the commands' clock (ORGLIFE_TODAY, set for every test here)
YEAR = TODAY.year - 1
BRANCH = "第一党支部"


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def db(db_url):
    """Secretary 001, organization member 002, members 003 and 004."""
    store = Store.open(db_url, operator="tester")
    b = store.resolve_branch(BRANCH)
    store.add_members(
        b.id,
        [
            MemberInput("001", "朱海波", MemberStatus.full, post=CommitteePost.secretary),
            MemberInput("002", "胡雅琴", MemberStatus.full, post=CommitteePost.organization),
            MemberInput("003", "赵志远", MemberStatus.full),
            MemberInput("004", "谭晶", MemberStatus.full),
        ],
    )
    store.set_records_start(b.id, date(YEAR - 1, 1, 1))  # the talks go back to last year
    store.close()
    return db_url


def add(db: str, *args: str, lang: str = "en"):
    return run("--db", db, "talks", "add", *args, lang=lang)


def table_counts(db: str) -> tuple[int, int, int]:
    store = Store.open(db)
    try:
        with store.read_connection() as conn:
            return tuple(  # type: ignore[return-value]
                int(conn.scalar(select(func.count()).select_from(t)) or 0)
                for t in (talk_t, talker_t, audit_t)
            )
    finally:
        store.close()


def audit_actions(db: str) -> list[tuple[str, dict]]:
    store = Store.open(db)
    try:
        return [(e["action"], json.loads(e["detail"])) for e in store.audit_entries(limit=5)]
    finally:
        store.close()


def listing(db: str, *args: str) -> list[dict]:
    result = run("--db", db, "talks", "list", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def talked(db):
    """An open reminder talk with 003 answering an absence case, a confidential one with 004."""
    first = add(
        db, "--member", "003", "--date", f"{YEAR}-03-02", "--type", "谈话提醒",
        "--talker", "001", "--talker", "王局长/上级党委", "--place", "党员活动室",
        "--content", "了解缺勤原因", "--follow-up", f"{YEAR}-04-01",
        "--absence-from", f"{YEAR - 1}-12", "--absence-step", "reminder_talk",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    second = add(
        db, "--member", "004", "--date", f"{YEAR}-05-01", "--talker", "002",
        "--confidential", "--content", "家庭困难", "--difficulties", "母亲住院",
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    return db


def test_add_then_list_show_and_follow_up(talked):
    rows = listing(talked)
    assert [(r["member_no"], r["type"]) for r in rows] == [("004", "routine"), ("003", "reminder")]
    reminder = rows[1]
    assert reminder["talkers"] == [
        {"name": "朱海波", "post": "secretary", "member_no": "001"},
        {"name": "王局长", "post": "上级党委", "member_no": None},
    ]
    assert (reminder["absence_from"], reminder["absence_step"]) == (
        f"{YEAR - 1}-12",
        "reminder_talk",
    )
    assert reminder["content"] == "了解缺勤原因" and reminder["redacted"] is False

    shown = run("--db", talked, "talks", "show", str(reminder["id"]), lang="zh")
    assert shown.exit_code == 0, shown.output
    assert "谈话人：朱海波（书记）、王局长（上级党委）" in shown.stdout
    assert "处置步骤：谈话提醒" in shown.stdout

    done = run(
        "--db", talked, "talks", "follow-up", str(reminder["id"]),
        "--date", f"{YEAR}-04-02", "--result", "已按时参加主题党日",
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    assert f"Recorded the follow-up of talk {reminder['id']}" in done.stdout
    after = listing(talked, "--member", "003")
    assert after[0]["follow_up_date"] == f"{YEAR}-04-02"
    assert after[0]["follow_up_result"] == "已按时参加主题党日"

    again = run(
        "--db", talked, "talks", "follow-up", str(reminder["id"]),
        "--date", f"{YEAR}-04-03", "--result", "再次",
    )  # fmt: skip
    assert again.exit_code == 1 and "already has a follow-up result" in again.stderr


def test_listing_filters_and_the_table(talked):
    assert [r["member_no"] for r in listing(talked, "--type", "reminder")] == ["003"]
    assert [r["member_no"] for r in listing(talked, "--search", "活动室")] == ["003"]
    assert listing(talked, "--year", str(YEAR - 1)) == []
    table = run("--db", talked, "talks", "list", lang="zh")
    assert table.exit_code == 0, table.output
    assert "谈话提醒" in table.stdout and "（保密）" in table.stdout
    assert "家庭困难" not in table.stdout
    csv_out = run("--db", talked, "talks", "list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_out.stdout)))
    assert rows[1]["talkers"] == "朱海波/secretary; 王局长/上级党委"


def test_confidential_content_only_on_request_and_that_is_audited(talked):
    before = table_counts(talked)
    hidden = listing(talked)[0]
    assert hidden["redacted"] is True and hidden["content"] is None
    assert hidden["difficulties"] is None
    assert table_counts(talked) == before  # a plain listing writes nothing

    shown = run("--db", talked, "talks", "show", str(hidden["id"]))
    assert "家庭困难" not in shown.stdout and "--include-confidential" in shown.stdout

    full = listing(talked, "--include-confidential")[0]
    assert (full["content"], full["difficulties"], full["redacted"]) == (
        "家庭困难",
        "母亲住院",
        False,
    )
    assert audit_actions(talked)[0] == (
        "talk.confidential_read",
        {"count": 1, "purpose": "talks.list"},
    )
    shown = run("--db", talked, "talks", "show", str(hidden["id"]), "--include-confidential")
    assert "家庭困难" in shown.stdout
    assert audit_actions(talked)[0][1]["purpose"] == "talks.show"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--member", "099", "--talker", "001"), 1, "No member with number 099"),
        (("--member", "003", "--talker", "098"), 1, "No member with number 098 to be the talker"),
        (("--member", "003"), 2, "talker(s): required"),
        (
            (
                "--member",
                "003",
                "--talker",
                "001",
                "--date",
                f"{YEAR}-05-01",
                "--follow-up",
                f"{YEAR}-04-01",
            ),
            2,
            "follow-up date: lies before the talk",
        ),
        (
            (
                "--member",
                "003",
                "--talker",
                "001",
                "--date",
                (TODAY + timedelta(days=1)).isoformat(),
            ),
            2,
            "date: a date lies in the future",
        ),
        (("--member", "003", "--talker", "001", "--type", "闲聊"), 2, "unknown talk type '闲聊'"),
        (
            ("--member", "003", "--talker", "001", "--absence-step", "expel"),
            2,
            "unknown ladder step",
        ),
        (("--member", "003", "--talker", "001", "--absence-from", "May"), 2, "as a month"),
        (("--member", "003", "--talker", "003"), 1, "both the talker and the member"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_written(db, args, code, message):
    before = table_counts(db)
    result = add(db, *args)
    assert result.exit_code == code
    assert message in result.stderr and result.stdout == ""
    assert table_counts(db) == before


def test_refusals_read_in_chinese(db):
    result = add(db, "--member", "099", "--talker", "001", lang="zh")
    assert result.exit_code == 1
    assert result.stderr.strip() == "错误：没有编号为 099 的党员：谈话对象须为本支部党员。"


def test_a_follow_up_before_the_talk_or_of_no_talk_is_refused(talked):
    talk_id = str(listing(talked, "--member", "003")[0]["id"])
    before = table_counts(talked)
    early = run(
        "--db", talked, "talks", "follow-up", talk_id, "--date", f"{YEAR}-01-01", "--result", "x"
    )
    assert early.exit_code == 1 and "lies before the talk" in early.stderr
    missing = run(
        "--db", talked, "talks", "follow-up", "9999", "--date", f"{YEAR}-06-01", "--result", "x"
    )
    assert missing.exit_code == 1 and "No talk 9999" in missing.stderr
    bad_date = run("--db", talked, "talks", "follow-up", talk_id, "--date", "soon", "--result", "x")
    assert bad_date.exit_code == 2
    assert table_counts(talked) == before


def hide_texts(db: str, talk_id: int) -> None:
    """What PostgreSQL's row-level security does for a reader not allowed the texts."""
    store = Store.open(db)
    try:
        with store.write_transaction() as conn:
            conn.execute(delete(talk_text_t).where(talk_text_t.c.talk_id == talk_id))
    finally:
        store.close()


def test_a_talk_whose_texts_are_not_visible_is_shown_and_left_unchanged(talked):
    talk_id = listing(talked, "--member", "003")[0]["id"]
    hide_texts(talked, talk_id)
    row = listing(talked, "--member", "003", "--include-confidential")[0]
    assert (row["texts_hidden"], row["redacted"], row["content"]) == (True, True, None)
    assert row["place"] == "党员活动室"
    table = run("--db", talked, "talks", "list", "--year", str(YEAR), lang="zh")
    assert "（不可见）" in table.stdout and "了解缺勤原因" not in table.stdout
    shown = run("--db", talked, "talks", "show", str(talk_id), "--include-confidential")
    assert "Confidential: only the talkers and the branch secretary can read it" in shown.stdout
    before = table_counts(talked)
    refused = run(
        "--db", talked, "talks", "follow-up", str(talk_id), "--date", f"{YEAR}-06-01",
        "--result", "x", lang="zh",
    )  # fmt: skip
    assert refused.exit_code == 1
    assert f"谈话 {talk_id} 的内容对您不可见，不能在此修改" in refused.stderr
    assert table_counts(talked) == before


# ---------------------------------------------------------------------------- export


def export(db: str, *args: str, lang: str = "en"):
    return run("--db", db, "export", "talks", *args, lang=lang)


def test_export_csv_has_a_bom_and_leaves_confidential_content_out(talked):
    before = table_counts(talked)
    result = export(talked, "--format", "csv", "--year", str(YEAR))
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["member_no"] for r in rows] == ["003", "004"]  # oldest first
    assert rows[0]["content"] == "了解缺勤原因"
    assert (rows[1]["content"], rows[1]["confidential"], rows[1]["redacted"]) == ("", "1", "1")
    assert "家庭困难" not in raw.decode("utf-8-sig")
    assert table_counts(talked) == before


def test_export_with_confidential_content_is_audited(talked, tmp_path):
    target = tmp_path / "谈话.json"
    result = export(talked, "--format", "json", "--include-confidential", "-o", str(target))
    assert result.exit_code == 0, result.output
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["confidential_included"] is True
    assert [t["content"] for t in doc["talks"]] == ["了解缺勤原因", "家庭困难"]
    assert audit_actions(talked)[0] == (
        "talk.confidential_read",
        {"count": 1, "purpose": "export.talks"},
    )


def test_export_xlsx_needs_a_file_and_opens_in_openpyxl(talked, tmp_path):
    refused = export(talked, "--format", "xlsx")
    assert refused.exit_code == 2 and "-o FILE" in refused.stderr
    target = tmp_path / "talks.xlsx"
    result = export(talked, "--format", "xlsx", "-o", str(target), lang="zh")
    assert result.exit_code == 0, result.output
    wb = load_workbook(target, read_only=True)
    rows = list(wb["谈心谈话"].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[:4] == ["编号", "谈话日期", "党员编号", "谈话对象"]  # under zh, for people
    cells = [dict(zip(header, r)) for r in rows[1:]]
    assert cells[0]["谈话人"] == "朱海波（书记）、王局长（上级党委）"
    assert cells[1]["谈话内容"] is None and cells[1]["保密内容未导出"] == "是"
    meta = {r[0]: r[1] for r in wb["metadata"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert meta["branch"] == BRANCH and meta["talks"] == 2
    assert meta["困难和诉求"] == "困难和诉求"  # the legend in the user's language
    keys = {r[0]: r[2] for r in wb["metadata"].iter_rows(values_only=True) if len(r) > 2 and r[2]}
    assert keys["困难和诉求"] == "difficulties"  # … with the key JSON uses
    en = tmp_path / "talks-en.xlsx"
    assert export(talked, "--format", "xlsx", "-o", str(en)).exit_code == 0
    wb = load_workbook(en, read_only=True)
    rows = list(wb["talks"].iter_rows(values_only=True))
    cells = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert cells[0]["talkers"] == "朱海波/secretary; 王局长/上级党委"
    assert cells[1]["content"] is None and cells[1]["redacted"] is True


def test_export_markdown_is_a_register_in_the_user_language(talked):
    result = export(talked, "--format", "md", "--year", str(YEAR), lang="zh")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(f"# {BRANCH}{YEAR}年谈心谈话记录")
    assert "共 2 次谈话。" in text and "其中保密谈话 1 次，其内容未导出。" in text
    assert f"## 1. {YEAR}-03-02 · 003 赵志远 · 谈话提醒" in text
    assert "- **谈话人**：朱海波（书记）、王局长（上级党委）" in text
    assert "家庭困难" not in text


def test_export_refuses_an_unknown_format(talked):
    result = export(talked, "--format", "pdf")
    assert result.exit_code == 2 and "csv|xlsx|json|md" in result.stderr
