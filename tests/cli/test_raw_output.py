"""Nothing raw reaches the terminal from the command line (issue 10 §2): a name stored with
control or bidi-override characters prints as symbols in tables and as JSON escapes."""

from __future__ import annotations

import json

import pytest

from orglife_tui.data.store import Store
from orglife_tui.domain import MemberStatus
from orglife_tui.domain.records import MemberInput
from orglife_tui.locale import t, visible
from tests.cli_run import invoke_cli

EVIL = {"001": "张\x1b[2J伟\x07", "002": "李\u202e娜\x9b"}
RAW = ("\x1b", "\x07", "\u202e", "\x9b")


def run(*args: str):
    argv = ["--lang", "en", *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def evil_db(db_url):
    store = Store.open(db_url, operator="tester")
    try:
        b = store.resolve_branch("第一党支部")
        store.add_members(
            b.id, [MemberInput(no, name, MemberStatus.full) for no, name in EVIL.items()]
        )
    finally:
        store.close()
    return db_url


def test_members_list_as_a_table_shows_symbols(evil_db):
    out = run("--db", evil_db, "members", "list").stdout
    assert "张␛[2J伟␇" in out and "李⟨U+202E⟩娜⟨U+009B⟩" in out
    assert not any(raw in out for raw in RAW)


def test_members_list_as_json_escapes_and_keeps_the_data(evil_db):
    out = run("--db", evil_db, "members", "list", "--format", "json").stdout
    assert not any(raw in out for raw in RAW)
    assert {m["member_no"]: m["name"] for m in json.loads(out)} == EVIL


def test_messages_show_values_as_symbols():
    assert visible("a\x1b]0;x\x07b") == "a␛]0;x␇b"
    assert visible("第一行\n\t第二行") == "第一行\n\t第二行"  # newlines and tabs are text
    assert "\x1b" not in t("member_not_found", member_no="\x1b[2J")


def test_names_that_look_like_markup_print_as_typed(db_url):
    """Rich markup or emoji codes in a stored name are text in every CLI table: ``[/]``
    would end the command with a traceback, ``[link=…]`` plant a link."""
    store = Store.open(db_url, operator="tester")
    try:
        b = store.resolve_branch("第一党支部")
        store.add_members(
            b.id,
            [
                MemberInput("001", "[/]张伟", MemberStatus.full),
                MemberInput("002", "[link=http://x]李娜[/link]", MemberStatus.full),
                MemberInput("003", ":smile:王芳", MemberStatus.full),
            ],
        )
    finally:
        store.close()
    result = run("--db", db_url, "members", "list")
    assert result.exit_code == 0
    for name in ("[/]张伟", "[link=http://x]李娜[/link]", ":smile:王芳"):
        assert name in result.stdout
