"""`orglife-tui export appraisal ID`: every format from a real session, and the refusals."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from orglife_tui.cli import _early_language, build_app, hoist_global_options
from orglife_tui.data import appraisal as data
from orglife_tui.data.store import Store
from tests.export import appraisal_session as session

runner = CliRunner()


def run(*args: str, lang: str = "en"):
    argv = hoist_global_options(["--lang", lang, *args])
    _early_language(argv)
    return runner.invoke(build_app(), argv, catch_exceptions=False)


def _build(db_url: str, **kwargs) -> tuple[str, int, str | None]:
    store = Store.open(db_url, operator="tester")
    try:
        session_id = session.build(store, **kwargs)
        branch = store.resolve_branch(session.BRANCH)
        fingerprint = data.get_session(store, branch.id, session_id).fingerprint
    finally:
        store.close()
    return db_url, session_id, fingerprint


@pytest.fixture
def published(db_url):
    return _build(db_url)


@pytest.fixture
def finished(sqlite_url):
    return _build(sqlite_url, publish=False)


def export(db: str, session_id: int, *args: str, lang: str = "en"):
    return run("--db", db, "export", "appraisal", str(session_id), *args, lang=lang)


def test_csv_on_stdout_with_bom_equals_the_hand_count(published):
    db, sid, fingerprint = published
    result = export(db, sid, "--format", "csv")
    assert result.exit_code == 0, result.output
    raw = result.stdout_bytes
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 6
    for row in rows:
        counts = session.HAND_COUNT[row["member_no"]]
        assert int(row["excellent"]) == counts.excellent
        assert int(row["qualified"]) == counts.qualified
        assert int(row["basically_qualified"]) == counts.basically_qualified
        assert int(row["unqualified"]) == counts.unqualified
        assert int(row["abstain"]) == counts.abstain
        assert row["fingerprint"] == fingerprint
    assert result.stderr == ""  # published: no draft notice, nothing written to a file


def test_markdown_is_the_default(published):
    db, sid, fingerprint = published
    result = export(db, sid)
    assert result.exit_code == 0, result.output
    md = result.stdout
    assert md.startswith("# 第一党支部: democratic appraisal of Party members, 2025")
    assert "## 5. Fingerprint of the ballots" in md and f"`{fingerprint}`" in md
    assert "DRAFT" not in md


def test_json_and_xlsx_to_files(published, tmp_path: Path):
    db, sid, fingerprint = published
    target = tmp_path / "appraisal.json"
    result = export(db, sid, "--format", "json", "-o", str(target))
    assert result.exit_code == 0, result.output
    assert f"Wrote the appraisal summary of session {sid} (6 member(s))" in result.stderr
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["fingerprint"]["sha256"] == fingerprint
    assert doc["turnout"]["ballots"] == 4
    assert {c["member_no"]: c["abstain"] for c in doc["candidates"]} == {
        no: c.abstain for no, c in session.HAND_COUNT.items()
    }

    book = tmp_path / "appraisal.xlsx"
    result = export(db, sid, "--format", "xlsx", "-o", str(book))
    assert result.exit_code == 0, result.output
    wb = load_workbook(book)
    assert wb.sheetnames == ["summary", "candidates", "metadata"]
    assert len(list(wb["candidates"].iter_rows())) == 7


def test_feedback_in_every_format(published, tmp_path: Path):
    db, sid, _ = published
    md = export(db, sid, "--feedback", "--format", "md")
    assert md.exit_code == 0, md.output
    headings = re.findall(r"^## Feedback note: (.+) \((\d+)\)$", md.stdout, flags=re.M)
    assert [no for _, no in headings] == sorted(session.NAMES)
    notes = md.stdout.split('<div style="page-break-after: always;"></div>')
    assert len(notes) == 6
    for note, (name, no) in zip(notes, headings):
        assert name == session.NAMES[no] and name in note
        assert [n for other, n in session.NAMES.items() if other != no and n in note] == []

    csv_result = export(db, sid, "--feedback", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_result.stdout_bytes.decode("utf-8-sig"))))
    assert [r["member_no"] for r in rows] == sorted(session.NAMES)

    doc = json.loads(export(db, sid, "--feedback", "--format", "json").stdout)
    assert len(doc["notes"]) == 6

    book = tmp_path / "feedback.xlsx"
    result = export(db, sid, "--feedback", "-f", "xlsx", "-o", str(book))
    assert result.exit_code == 0, result.output
    assert "Wrote 6 feedback note(s)" in result.stderr
    assert len(list(load_workbook(book)["feedback"].iter_rows())) == 7


def test_a_finished_session_exports_as_a_draft(finished):
    db, sid, _ = finished
    result = export(db, sid)
    assert result.exit_code == 0, result.output
    assert "> **NOT YET PUBLISHED — DRAFT." in result.stdout
    assert f"Session {sid} is not yet published" in result.stderr
    zh = export(db, sid, "--feedback", lang="zh")
    assert "尚未公布——草稿" in zh.stdout and "已标为草稿" in zh.stderr


def test_refused_while_the_poll_is_open(sqlite_url):
    db, sid, _ = _build(sqlite_url, close=False)
    result = export(db, sid, "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"The poll of appraisal session {sid} is still open (4 of 5 voted)" in result.stderr
    assert "orglife-tui appraisal close" in result.stderr
    zh = export(db, sid, "--feedback", lang="zh")
    assert zh.exit_code == 1 and "仍在投票中" in zh.stderr


def test_refused_before_the_poll_starts(sqlite_url):
    store = Store.open(sqlite_url, operator="tester")
    try:
        branch = store.resolve_branch(session.BRANCH)
        sid = data.new_session(store, branch.id, session.YEAR).id
    finally:
        store.close()
    result = export(sqlite_url, sid)
    assert result.exit_code == 1 and "has not started yet" in result.stderr
    assert result.stdout == ""


def test_other_refusals(published, tmp_path: Path):
    db, sid, _ = published
    unknown = export(db, 999)
    assert unknown.exit_code == 1 and "999" in unknown.stderr and unknown.stdout == ""

    no_file = export(db, sid, "--format", "xlsx")
    assert no_file.exit_code == 2 and "-o FILE" in no_file.stderr

    bad = export(db, sid, "--format", "pdf")
    assert bad.exit_code == 2 and "csv|xlsx|json|md" in bad.stderr

    missing = tmp_path / "none.db"
    no_branch = export(f"sqlite:///{missing}", 1)
    assert no_branch.exit_code == 1 and no_branch.stdout == ""
    assert not missing.exists()
