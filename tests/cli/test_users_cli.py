"""`orglife-tui users list|add|grant|revoke|whoami`, on SQLite and PostgreSQL.

Each call runs as a login: on SQLite the OS user (``LOGNAME``), on PostgreSQL the
database role of the URL. A refusal exits 1 with one line saying why and writes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from orglife_tui.data.accounts import list_accounts
from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from tests.cli_run import invoke_cli
from tests.logins import Logins, logins_of

OWNER = "boss"
"""The SQLite file's owner; on PostgreSQL the owner is the URL's own (super)user."""


@pytest.fixture
def logins(db_url) -> Iterator[Logins]:
    yield from logins_of(db_url)


@pytest.fixture
def branches(store) -> None:
    a = store.create_branch("第一支部")
    store.create_branch("第二支部")
    store.add_members(a.id, [MemberInput("002", "王芳", MemberStatus.full)])


def run(logins: Logins, monkeypatch, who: str | None, *args: str, lang: str = "en"):
    """``orglife-tui --db … ARGS`` as the login ``who`` (None: the database's owner)."""
    monkeypatch.setenv("LOGNAME", who or OWNER)
    url = logins.db_url if who is None else logins.url_of(who)
    return invoke_cli(["--lang", lang, "--db", url, *args])


def ok(logins: Logins, monkeypatch, who: str | None, *args: str, lang: str = "en") -> str:
    result = run(logins, monkeypatch, who, *args, lang=lang)
    assert result.exit_code == 0, result.output
    return result.output


def refused(logins: Logins, monkeypatch, who: str | None, *args: str, lang: str = "en") -> str:
    """The one line a refused call prints (exit 1)."""
    result = run(logins, monkeypatch, who, *args, lang=lang)
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def grants(db_url: str) -> set[tuple[str, str, str]]:
    with Store.open(db_url, operator="reader") as store:
        return {
            (a.name, g.branch_name, g.role.value) for a in list_accounts(store) for g in a.grants
        }


def test_grant_list_and_revoke(store, branches, logins, monkeypatch):
    sec, mem = logins.name("sec"), logins.name("mem")
    B1 = ("--branch", "第一支部")
    said = ok(logins, monkeypatch, None, *B1, "users", "grant", sec, "--role", "secretary")
    assert said.strip() == f"{sec} is now secretary here."
    said = ok(
        logins,
        monkeypatch,
        None,
        *B1,
        "users",
        "grant",
        mem,
        "--role",
        "member",
        "--member",
        "002",
        lang="zh",
    )
    assert said.strip() == f"已授予 {mem}“党员”角色。"

    table = ok(logins, monkeypatch, sec, *B1, "users", "list", lang="zh")
    assert sec in table and "支部书记" in table and "王芳" in table
    rows = json.loads(ok(logins, monkeypatch, sec, *B1, "users", "list", "--format", "json"))
    assert {(r["account"], r["role"], r["member_no"]) for r in rows} == {
        (sec, "secretary", None),
        (mem, "member", "002"),
    }
    every = json.loads(ok(logins, monkeypatch, None, "users", "list", "--all", "--format", "json"))
    assert any(r["admin"] and r["role"] is None for r in every)  # the administrator

    said = ok(logins, monkeypatch, sec, *B1, "users", "revoke", mem, "--role", "member")
    assert said.strip() == f"{mem} is no longer member here."
    assert grants(logins.db_url) == {(sec, "第一支部", "secretary")}


def test_whoami_names_the_login_and_its_roles(store, branches, logins, monkeypatch):
    sec = logins.name("sec")
    ok(
        logins,
        monkeypatch,
        None,
        "--branch",
        "第一支部",
        "users",
        "grant",
        sec,
        "--role",
        "secretary",
    )
    assert "an administrator of this database" in ok(logins, monkeypatch, None, "users", "whoami")
    said = ok(logins, monkeypatch, sec, "users", "whoami")
    assert said.strip() == f"You are {sec}: 第一支部: secretary."
    said = ok(logins, monkeypatch, sec, "users", "whoami", lang="zh")
    assert said.strip() == f"你是 {sec}：第一支部：支部书记。"


def test_refusals_exit_1_with_one_line_and_write_nothing(store, branches, logins, monkeypatch):
    sec, other = logins.name("sec"), logins.name("other")
    B1, B2 = ("--branch", "第一支部"), ("--branch", "第二支部")
    ok(logins, monkeypatch, None, *B1, "users", "grant", sec, "--role", "secretary")
    before = grants(logins.db_url)

    line = refused(logins, monkeypatch, sec, *B1, "users", "grant", other, "--role", "observer")
    assert "Only an administrator may give the higher committee's read-only role." in line
    line = refused(logins, monkeypatch, sec, *B2, "users", "grant", other, "--role", "teller")
    # not theirs: the app refuses (SQLite); PostgreSQL does not even show them the branch
    assert "Only the branch secretary" in line or "Branches here: 第一支部." in line
    line = refused(
        logins, monkeypatch, None, *B1, "users", "grant", "wang fang", "--role", "teller"
    )
    assert "“wang fang” is not a login name" in line
    line = refused(logins, monkeypatch, None, *B1, "users", "grant", "o'neil", "--role", "teller")
    assert "is not a login name" in line
    line = refused(
        logins, monkeypatch, None, *B1, "users", "grant", other, "--role", "member", lang="zh"
    )
    assert line == "错误：“党员”角色须指明该账户对应的花名册党员（党员编号）。"
    line = refused(
        logins, monkeypatch, None, *B1, "users", "grant", other, "--role", "member", "--member", "9"
    )
    assert "No member with number 9." in line
    line = refused(logins, monkeypatch, None, *B1, "users", "revoke", sec, "--role", "teller")
    assert line == f"Error: {sec} holds no such role in this branch."
    line = refused(logins, monkeypatch, sec, *B1, "users", "revoke", sec, "--role", "secretary")
    assert "You cannot take your own secretary role away" in line
    assert grants(logins.db_url) == before


def test_an_unknown_role_is_a_usage_error(store, branches, logins, monkeypatch):
    result = run(logins, monkeypatch, None, "users", "grant", "wang", "--role", "boss")
    assert result.exit_code == 2
    assert "Unknown role “boss”" in result.output and "Traceback" not in result.output
    assert grants(logins.db_url) == set()
