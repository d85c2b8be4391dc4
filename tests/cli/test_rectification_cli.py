"""`orglife-tui rectification add|list|edit|status`, on SQLite and PostgreSQL.

Bad input exits non-zero with one clear line on stderr and leaves the rectification table
and the audit log exactly as they were.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from orglife_tui.data.models import rect_t
from tests.cli_run import invoke_cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


TODAY = date(2026, 12, 5)  # the commands' clock (ORGLIFE_TODAY, set for every test here)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


def ok(*args: str, lang: str = "en"):
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return result


def tables(db: str) -> tuple[list, list, int]:
    """The rectification rows, the branches and the number of audit entries."""
    from orglife_tui.data.store import Store

    store = Store.open(db, operator="tester")
    try:
        with store.read_connection() as conn:
            rows = [tuple(r) for r in conn.execute(select(rect_t).order_by(rect_t.c.id))]
        return rows, store.branches(), len(store.audit_entries(limit=1_000_000))
    finally:
        store.close()


def items(db: str, *args: str) -> list[dict]:
    return json.loads(ok("--db", db, "rectification", "list", "--format", "json", *args).stdout)


ADD = ("rectification", "add", "--year", "2026", "--problem", "理论学习不够深入",
       "--owner", "张建国", "--deadline", "2026-03-31")  # fmt: skip


@pytest.fixture
def sample_db(db_url):
    """The sample branch (its meetings numbered 2026-001 … 2026-006) and one open item."""
    ok("--db", db_url, "branch", "add", "第一党支部")
    for kind in ("members", "meetings"):
        ok("--db", db_url, "import", kind, str(SAMPLES / f"{kind}.csv"))
    ok("--db", db_url, *ADD, "--measure", "每月集中学习", "--meeting", "2026-006")
    return db_url


def test_no_branch_no_rectification(db_url, tmp_path):
    missing = tmp_path / "new.db"
    result = run("--db", str(missing), *ADD)
    assert result.exit_code == 1 and "no branch yet" in result.stderr
    assert not missing.exists()
    ok("--db", db_url, "branch", "list")
    before = tables(db_url)
    for args in (ADD, ("rectification", "list")):
        result = run("--db", db_url, *args)
        assert result.exit_code == 1 and "no branch yet" in result.stderr
    assert tables(db_url) == before


def test_add_list_close_reopen(sample_db):
    (item,) = items(sample_db, "--as-of", "2026-03-31")
    assert item == {
        "id": 1,
        "year": 2026,
        "problem": "理论学习不够深入",
        "measure": "每月集中学习",
        "owner": "张建国",
        "deadline": "2026-03-31",
        "status": "open",
        "closed_on": None,
        "closing_note": None,
        "meeting_no": "2026-006",
        "overdue": False,
    }
    assert items(sample_db, "--as-of", "2026-04-01")[0]["overdue"] is True
    assert items(sample_db, "--overdue", "--as-of", "2026-03-31") == []
    assert [i["id"] for i in items(sample_db, "--overdue", "--as-of", "2026-04-01")] == [1]

    started = ok("--db", sample_db, "rectification", "status", "1", "整改中", lang="zh")
    assert "整改事项 1：整改中。" in started.stdout
    assert items(sample_db, "--status", "in_progress")[0]["id"] == 1
    assert items(sample_db, "--status", "open") == []

    closed = ok("--db", sample_db, "rectification", "status", "1", "done",
                "--note", "已建立月学习制度", "--on", "2026-03-30")  # fmt: skip
    assert "Rectification item 1: done on 2026-03-30." in closed.stdout
    item = items(sample_db, "--as-of", "2026-12-31")[0]
    assert (item["status"], item["closed_on"], item["closing_note"], item["overdue"]) == (
        "done",
        "2026-03-30",
        "已建立月学习制度",
        False,
    )
    reopened = ok("--db", sample_db, "rectification", "status", "1", "open", "--note", "复查")
    assert "Rectification item 1: open." in reopened.stdout
    item = items(sample_db)[0]
    assert (item["status"], item["closed_on"], item["closing_note"]) == ("open", None, None)


def test_edit_changes_only_what_is_given(sample_db):
    edited = ok("--db", sample_db, "rectification", "edit", "1", "--owner", "李秀英",
                "--deadline", "2026/6/30", "--measure", "", "--meeting", "")  # fmt: skip
    assert "Rectification item 1 is now: 理论学习不够深入 — 李秀英, by 2026-06-30." in edited.stdout
    item = items(sample_db)[0]
    assert (item["owner"], item["deadline"], item["measure"], item["meeting_no"]) == (
        "李秀英",
        "2026-06-30",
        None,
        None,
    )
    assert (item["problem"], item["year"]) == ("理论学习不够深入", 2026)


def test_the_table_marks_overdue_items_as_of_today(sample_db):
    soon = (TODAY + timedelta(days=30)).isoformat()
    ok("--db", sample_db, "rectification", "add", "--year", str(TODAY.year),
       "--problem", "台账不规范", "--owner", "杨丽", "--deadline", soon)  # fmt: skip
    table = ok("--db", sample_db, "rectification", "list", lang="zh").stdout
    lines = table.splitlines()
    assert "逾期" in lines[0] and "责任人" in lines[0]
    overdue_line = next(line for line in lines if "理论学习不够深入" in line)
    current_line = next(line for line in lines if "台账不规范" in line)
    assert "已逾期" in overdue_line and "已逾期" not in current_line
    empty = ok("--db", sample_db, "rectification", "list", "--year", "2020").stdout
    assert "No rectification items." in empty


def add(**values: str) -> tuple[str, ...]:
    """``add`` with a valid item, changed by ``values`` (``meeting="…"`` → ``--meeting …``)."""
    fields = {"year": "2026", "problem": "p", "owner": "o", "deadline": "2026-05-01", **values}
    return ("add", *(arg for k, v in fields.items() for arg in (f"--{k}", v)))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (add(deadline="2026-02-30"), 2, "there is no date '2026-02-30'"),
        (add(deadline="soon"), 2, "cannot read 'soon' as a date"),
        (add(deadline="2025-12-31"), 1, "The deadline 2025-12-31 lies before the year 2026 began."),
        (add(problem=" "), 1, "needs the problem"),
        (add(owner=""), 1, "needs an owner"),
        (add(meeting="2026-099"), 1, "No meeting with number 2026-099."),
        (add(year="3000", deadline="3000-05-01"), 1, "outside 1900–2999"),
        (("status", "1", "done"), 1, "needs a note"),
        (("status", "1", "done", "--note", "x", "--on", "2025-12-31"), 1, "before the year 2026"),
        (("status", "1", "done", "--note", "x", "--on", "2999-01-01"), 1, "in the future"),
        (("status", "1", "finished"), 2, "Unknown status 'finished'"),
        (("status", "9", "done", "--note", "x"), 1, "No rectification item 9."),
        (("edit", "9", "--owner", "x"), 1, "No rectification item 9."),
        (("edit", "1", "--deadline", "2025-01-01"), 1, "before the year 2026 began"),
        (("edit", "1", "--meeting", "nope"), 1, "No meeting with number nope."),
        (("list", "--status", "closed"), 2, "Unknown status 'closed'"),
        (("list", "--as-of", "yesterday"), 2, "cannot read 'yesterday' as a date"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(sample_db, args, code, message):
    before = tables(sample_db)
    result = run("--db", sample_db, "rectification", *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr
    assert result.stdout == ""
    assert tables(sample_db) == before


def test_refusals_speak_chinese(sample_db):
    result = run("--db", sample_db, "rectification", "status", "1", "已完成", lang="zh")
    assert result.exit_code == 1
    assert "错误：标记为已完成须填写整改情况说明（--note）。" in result.stderr
