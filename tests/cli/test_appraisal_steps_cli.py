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


# ---------------------------------------------------------------------------- 个人自评, 党员互评


def created(db: str) -> int:
    assert run("--db", db, "appraisal", "new", "--year", "2025").exit_code == 0
    return 1


def test_self_assessments_typed_from_a_file_and_imported(db, keys, tmp_path):
    sid = created(db)
    result = run(
        "--db", db, "appraisal", "self-assessment", str(sid), "001", "--text", "按时参加组织生活。"
    )
    assert result.exit_code == 0, result.output
    assert "001 朱海波: self-assessment recorded" in result.output
    assert "after the poll opened" not in result.output
    own = tmp_path / "002.txt"
    own.write_text("一、学习情况：认真。\n二、不足：联系群众不够。\n", encoding="utf-8")
    result = run("--db", db, "appraisal", "self-assessment", str(sid), "002", "--file", str(own))
    assert result.exit_code == 0, result.output
    sheet = tmp_path / "zp.csv"
    sheet.write_text(
        '编号,姓名,个人自评,日期\n003,赵志远,"发挥模范作用，\n仍须改进。",2025-12-01\n004,沈晨,预备期表现,\n',
        encoding="utf-8",
    )
    result = run(
        "--db", db, "appraisal", "import-self-assessments", str(sid), str(sheet), lang="zh"
    )
    assert result.exit_code == 0, result.output
    assert "已登记 2 份个人自评（其中 0 份在投票开始后提交）" in result.output
    result = run("--db", db, "appraisal", "steps", str(sid), "--format", "json")
    data = {r["member_no"]: r for r in json.loads(result.output)}
    assert {no: r["self_assessment"] for no, r in data.items()} == dict.fromkeys(
        ("001", "002", "003", "004"), "given"
    )
    assert data["004"]["grade"] is None and data["001"]["grade"] == "waiting"
    table = run("--db", db, "appraisal", "steps", str(sid), lang="zh")
    assert "已提交" in table.output and "预备党员" in table.output


def test_a_dry_run_tells_what_the_import_would_record_and_writes_nothing(db, tmp_path):
    sid = created(db)
    sheet = tmp_path / "zp.csv"
    sheet.write_text("编号,姓名,个人自评\n001,朱海波,一\n002,胡雅琴,二\n", encoding="utf-8")
    args = ("--db", db, "appraisal", "import-self-assessments", str(sid), str(sheet))
    result = run(*args, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Dry run: the file was checked and nothing was written." in result.output
    assert "2 self-assessment(s) recorded" in result.output
    steps = run("--db", db, "appraisal", "steps", str(sid), "--format", "json")
    assert all(r["self_assessment"] is None for r in json.loads(steps.output))
    sheet.write_text("编号,姓名,个人自评\n001,张三,一\n", encoding="utf-8")
    result = run(*args, "--dry-run")
    assert result.exit_code == 1 and "zp.csv:2:" in result.output and "张三" in result.output


def test_a_bad_import_names_every_row_and_writes_nothing(db, tmp_path):
    sid = created(db)
    sheet = tmp_path / "bad.csv"
    sheet.write_text(
        "编号,姓名,个人自评\n1,朱海波,一\n002,张三,二\n003,赵志远,\n002,胡雅琴,三\n",
        encoding="utf-8",
    )
    result = run("--db", db, "appraisal", "import-self-assessments", str(sid), str(sheet))
    assert result.exit_code == 1
    lines = result.output
    assert "bad.csv:2:" in lines and "did you mean 001?" in lines
    assert "bad.csv:3:" in lines and "张三" in lines
    assert "bad.csv:4:" in lines and "required" in lines
    assert "bad.csv:5:" in lines and "row 3 already" in lines
    result = run("--db", db, "appraisal", "steps", str(sid), "--format", "json")
    assert all(r["self_assessment"] is None for r in json.loads(result.output))


def test_peer_comments_from_the_command_line(db, keys):
    sid = created(db)
    result = run("--db", db, "appraisal", "comment", str(sid), "003", "--text", "工作踏实。")
    assert result.exit_code == 0 and "Comment 1 on 003 赵志远 recorded." in result.output
    run("--db", db, "appraisal", "comment", str(sid), "001", "--text", "带头作用好。")
    result = run("--db", db, "appraisal", "comments", str(sid), "--format", "json")
    assert [(c["member_no"], c["text"]) for c in json.loads(result.output)] == [
        ("001", "带头作用好。"),
        ("003", "工作踏实。"),
    ]
    assert "author" not in result.output and "operator" not in result.output
    result = run("--db", db, "appraisal", "uncomment", str(sid), "1")
    assert result.exit_code == 0 and "Comment 1 removed." in result.output
    result = run("--db", db, "appraisal", "comments", str(sid), "003")
    assert "No peer comments yet." in result.output
    result = run("--db", db, "appraisal", "comment", str(sid), "003")
    assert result.exit_code == 2
    result = run("--db", db, "appraisal", "comment", str(sid), "999", "--text", "x")
    assert result.exit_code == 1 and "does not take part" in result.output


def test_the_tally_says_why_a_member_has_no_grade_and_shows_the_steps(db, keys):
    sid = created(db)
    run(
        "--db",
        db,
        "appraisal",
        "self-assessment",
        str(sid),
        "001",
        "--text",
        "一、学习。\n二、不足。",
    )
    run("--db", db, "appraisal", "comment", str(sid), "001", "--text", "带头作用好。")
    result = run("--db", db, "appraisal", "start", str(sid), *keys)
    assert result.exit_code == 0, result.output
    run("--db", db, "appraisal", "self-assessment", str(sid), "002", "--text", "补交。")
    cast(db, sid)
    assert run("--db", db, "appraisal", "close", str(sid), *keys).exit_code == 0
    result = run("--db", db, "appraisal", "tally", str(sid), lang="zh")
    assert "004 沈晨：预备党员参加评议，不评定等次。" in result.output
    assert "个人自评" not in result.output  # only with --details
    result = run("--db", db, "appraisal", "tally", str(sid), "--details", lang="zh")
    assert "个人自评（" in result.output and "  一、学习。\n    二、不足。" in result.output
    assert "投票开始后提交" in result.output  # 002's, given after the start
    assert "互评意见（1 条）：\n  · 带头作用好。" in result.output
    data = json.loads(
        run("--db", db, "appraisal", "tally", str(sid), "--details", "-f", "json").output
    )
    assert data["steps"]["001"]["comments"] == ["带头作用好。"]
    assert data["steps"]["002"]["self_assessment"]["late"] is True
    assert data["not_rated"] == []
