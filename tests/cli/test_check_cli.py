"""`orglife-tui check`: findings as a table or JSON; bad requests refused clearly."""

from __future__ import annotations

import json

import pytest

from orglife_tui.data.store import Store
from tests import compliance_year as year_fixture
from tests.cli_run import invoke_cli


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


@pytest.fixture
def db(db_url, prebuilt) -> str:
    prebuilt(db_url, year_fixture.build, lambda url: Store.open(url, operator="tester"))
    return db_url


def test_json_lists_the_findings_with_their_stable_keys(db):
    result = run("--db", db, "check", "--year", "2025", "--format", "json")
    assert result.exit_code == 0, result.output
    findings = json.loads(result.stdout)
    assert {(f["rule"], f["period"], f["subject"]) for f in findings} == year_fixture.EXPECTED
    assert all(set(f) == {"rule", "period", "subject", "severity", "message"} for f in findings)
    streak = next(f for f in findings if f["rule"] == "absence_streak")
    assert streak["severity"] == "violation"
    assert "孙六 (006)" in streak["message"] and "6 month(s)" in streak["message"]


def test_messages_follow_the_ui_language(db):
    result = run("--db", db, "check", "--year", "2025", "--format", "json", lang="zh")
    messages = [f["message"] for f in json.loads(result.stdout)]
    assert "2025年第二季度支部党员大会召开 0 次，应召开 1 次" in messages
    assert any("连续 6 个月" in m and "2025年1月至6月" in m for m in messages)


def test_as_of_moves_the_absence_streak_up_the_ladder(db):
    result = run("--db", db, "check", "--year", "2025", "--as-of", "2025-05-31", "-f", "json")
    (streak,) = [f for f in json.loads(result.stdout) if f["rule"] == "absence_streak"]
    assert streak["severity"] == "warning" and "warning notice" in streak["message"]


def test_the_table_names_branch_year_and_count(db):
    result = run("--db", db, "check", "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "测试党支部: 2025 as of 2025-12-31, 3 finding(s)" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--as-of", "2999-01-01"), "lies in the future"),
        (("--as-of", "2025-13-01"), "--as-of"),
        (("--year", "2025", "--as-of", "2024-12-31"), "before 2025 begins"),
        (("--format", "xml"), "xml"),
    ],
)
def test_bad_requests_are_refused_with_a_message(db, args, message):
    result = run("--db", db, "check", *args)
    assert result.exit_code != 0
    assert message in result.stderr
    assert "Traceback" not in result.output
