"""`orglife-tui orders list|add|take|decline|done`, on SQLite and PostgreSQL.

Bad input exits non-zero with one clear line on stderr and leaves the orders, the plan and
the audit log exactly as they were.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from orglife_tui.data.models import order_t, plan_t
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    return invoke_cli(["--lang", lang, *args], catch_exceptions=False)


def ok(*args: str, lang: str = "en"):
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def db(db_url, monkeypatch):
    """A branch of two members; today is 2026-03-18."""
    monkeypatch.setenv("ORGLIFE_TODAY", "2026-03-18")
    ok("--db", db_url, "branch", "add", "第一党支部")
    ok("--db", db_url, "members", "add", "001", "--name", "张伟", "--status", "正式")
    ok("--db", db_url, "members", "add", "002", "--name", "王芳", "--status", "正式")
    return db_url


def tables(db: str) -> tuple[list, list, int]:
    from orglife_tui.data.store import Store

    store = Store.open(db, operator="tester")
    try:
        with store.read_connection() as conn:
            o = [tuple(r) for r in conn.execute(select(order_t).order_by(order_t.c.id))]
            p = [tuple(r) for r in conn.execute(select(plan_t).order_by(plan_t.c.id))]
        return o, p, len(store.audit_entries(limit=1_000_000))
    finally:
        store.close()


def listed(db: str, *args: str) -> list[dict]:
    return json.loads(ok("--db", db, "orders", "list", "--format", "json", *args).stdout)


ADD = ("orders", "add", "--member", "002", "--title", "参观红色教育基地")


def test_add_take_and_the_plan_has_it(db):
    out = ok("--db", db, *ADD, "--month", "2026-05", "--detail", "希望五月").stdout
    assert "Order 1 placed for 002" in out
    [order] = listed(db)
    assert (order["kind"], order["status"], order["wanted_month"]) == (
        "activity",
        "ordered",
        "2026-05",
    )
    out = ok("--db", db, "orders", "take", "1", "--note", "列入五月主题党日").stdout
    assert "Order 1 taken: plan item 1, themed day, 2026-05." in out
    [order] = listed(db)
    assert order["status"] == "taken" and order["plan_item_id"] == 1
    assert order["answer"] == "列入五月主题党日"
    [item] = json.loads(ok("--db", db, "plan", "list", "--format", "json").stdout)
    assert (item["month"], item["meeting_type"], item["topic"]) == (
        5,
        "themed_day",
        "参观红色教育基地",
    )


def test_take_with_another_type_and_month_in_chinese(db):
    ok("--db", db, *ADD, "--kind", "议题")
    out = ok("--db", db, "orders", "take", "1", "--type", "党课", "--month", "6", lang="zh").stdout
    assert "已接单 1：列入计划事项 1，党课，2026年6月。" in out
    table = ok("--db", db, "orders", "list", lang="zh").stdout
    assert "议题" in table and "已接单" in table


def test_decline_needs_a_reason_and_done_after_it_is_refused(db):
    ok("--db", db, *ADD)
    before = tables(db)
    result = run("--db", db, "orders", "decline", "1", "--reason", "  ")
    assert result.exit_code == 1
    assert "Say why the order is declined" in result.stderr and "(--reason)" in result.stderr
    assert tables(db) == before
    ok("--db", db, "orders", "decline", "1", "--reason", "经费不足")
    assert listed(db, "--status", "declined")[0]["answer"] == "经费不足"
    before = tables(db)
    result = run("--db", db, "orders", "done", "1")
    assert result.exit_code == 1 and "only an order placed or taken" in result.stderr
    assert tables(db) == before


def test_done_by_hand_and_the_filters(db):
    ok("--db", db, *ADD)
    ok("--db", db, "orders", "add", "--member", "001", "--title", "学习新党章", "--kind", "topic")
    ok("--db", db, "orders", "done", "1", "--note", "已由工会组织")
    assert [o["id"] for o in listed(db, "--status", "done")] == [1]
    assert [o["id"] for o in listed(db, "--member", "001")] == [2]
    assert "No orders." in ok("--db", db, "orders", "list", "--status", "taken").stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("orders", "add", "--member", "009", "--title", "x"), 1, "009"),
        (("orders", "add", "--member", "001", "--title", "x\x1b[2J"), 1, "control"),
        (("orders", "add", "--member", "001", "--title", "x", "--month", "May"), 1, "YYYY-MM"),
        (("orders", "add", "--member", "001", "--title", "x", "--kind", "party"), 2, "activity"),
        (("orders", "take", "7"), 1, "No order 7"),
        (("orders", "list", "--status", "lost"), 2, "ordered"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(db, args, code, words):
    before = tables(db)
    result = run("--db", db, *args)
    assert result.exit_code == code
    assert words in result.stderr and "Traceback" not in result.output
    assert tables(db) == before


def test_a_refused_plan_item_leaves_the_order_untaken(db):
    ok("--db", db, *ADD)
    before = tables(db)
    result = run("--db", db, "orders", "take", "1", "--month", "13")
    assert result.exit_code == 1 and "13" in result.stderr
    assert tables(db) == before
