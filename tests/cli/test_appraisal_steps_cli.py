"""`orglife-tui appraisal grade ID --all-proposed` and the steps around the ballot from the
command line, on both databases."""

# ruff: noqa: F811  (``db``, ``keys``: the fixtures of tests/cli/test_appraisal_cli.py, as parameters)

from __future__ import annotations

import json

from tests.cli.test_appraisal_cli import BALLOTS, cast, db, keys, run, started  # noqa: F401


def closed(db: str, keys: list[str]) -> int:
    sid = started(db, keys)
    cast(db, sid)
    assert run("--db", db, "appraisal", "close", str(sid), *keys).exit_code == 0
    return sid


def tally(db: str, sid: int) -> dict[str, dict]:
    result = run("--db", db, "appraisal", "tally", str(sid), "--format", "json")
    return {c["member_no"]: c for c in json.loads(result.output)["candidates"]}


def test_all_proposed_grades_every_proposal_and_lists_each(db, keys):
    sid = closed(db, keys)
    before = tally(db, sid)
    result = run("--db", db, "appraisal", "grade", str(sid), "--all-proposed")
    assert result.exit_code == 0, result.output
    assert "3 member(s) graded as proposed." in result.output
    assert "003 赵志远: unqualified" in result.output
    assert "004" not in result.output  # probationary: never graded
    after = tally(db, sid)
    assert all(after[no]["final"] == before[no]["proposed"] for no in ("001", "002", "003"))
    assert after["004"]["final"] is None
    assert run("--db", db, "appraisal", "publish", str(sid)).exit_code == 0


def test_all_proposed_in_chinese_and_a_second_run_grades_nobody(db, keys):
    sid = closed(db, keys)
    result = run("--db", db, "appraisal", "grade", str(sid), "001", "优秀", "--reason", "突出")
    assert result.exit_code == 0, result.output
    result = run("--db", db, "appraisal", "grade", str(sid), "--all-proposed", lang="zh")
    assert result.exit_code == 0 and "已按建议等次评定 2 名党员。" in result.output
    assert tally(db, sid)["001"]["final"] == "excellent"  # kept
    result = run("--db", db, "appraisal", "grade", str(sid), "--all-proposed")
    assert result.exit_code == 0 and "0 member(s) graded as proposed." in result.output


def test_all_proposed_refusals_write_nothing(db, keys):
    sid = started(db, keys)
    result = run("--db", db, "appraisal", "grade", str(sid), "--all-proposed")
    assert result.exit_code == 1 and "after the poll" in result.output
    result = run("--db", db, "appraisal", "grade", str(sid), "001", "--all-proposed")
    assert result.exit_code == 2 and "--all-proposed takes no member" in result.output
    result = run("--db", db, "appraisal", "grade", str(sid), "001")
    assert result.exit_code == 2 and "or --all-proposed" in result.output
