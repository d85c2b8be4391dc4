"""`orglife-tui export appraisal ID`: every format from a real session, and the refusals."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from orglife_tui.data import appraisal as data
from orglife_tui.data.store import Store
from tests.cli_run import invoke_cli
from tests.export import appraisal_session as session


def run(*args: str, lang: str = "en"):
    argv = ["--lang", lang, *args]
    return invoke_cli(argv, catch_exceptions=False)


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
    assert "Close its poll first" in result.stderr
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


# ---------------------------------------------------------------------------- published is frozen

SET_UP = date(2025, 1, 10)  # the branch's records start in January
TODAY = date(2025, 12, 20)  # the committee publishes in December
VARIANTS = [(fmt, feedback) for fmt in ("csv", "json", "md", "xlsx") for feedback in (False, True)]


def _exports(db: str, sid: int, folder: Path) -> dict[tuple[str, bool], bytes]:
    folder.mkdir()
    out: dict[tuple[str, bool], bytes] = {}
    for fmt, feedback in VARIANTS:
        target = folder / f"{'feedback' if feedback else 'summary'}.{fmt}"
        args = ["--format", fmt, "-o", str(target), *(["--feedback"] if feedback else [])]
        result = export(db, sid, *args)
        assert result.exit_code == 0, result.output
        out[fmt, feedback] = target.read_bytes()
    stdout = export(db, sid, "--format", "md")
    assert stdout.stdout_bytes == out["md", False]
    return out


def _verify_heads(db: str) -> tuple[str, str]:
    result = run("--db", db, "verify")
    assert result.exit_code == 0, result.output
    ledger = re.search(r"Ledger head of [^:]+: ([0-9a-f]{64})", result.stdout)
    audit = re.search(r"Audit log head: ([0-9a-f]{64})", result.stdout)
    assert ledger and audit, result.stdout
    return ledger.group(1), audit.group(1)


def _later_changes(store: Store, branch_id: int, entry_id: int) -> None:
    """Points added, reversed and back-dated; a member transferred out and one converted; a
    new scheme; the branch renamed: each would move a computed summary."""
    from orglife_tui.data.ledger import add_entry, reverse_entry
    from orglife_tui.data.membership import record_event
    from orglife_tui.data.schemes import activate, ensure_active
    from orglife_tui.domain import MemberEventKind
    from orglife_tui.scoring.scheme import default_scheme_text, parse_scheme

    info, scheme = ensure_active(store, branch_id)
    add_entry(store, branch_id, scheme, info.id, "005", "give_party_lecture", entry_date=TODAY)
    reverse_entry(store, branch_id, entry_id, "录入有误")
    add_entry(
        store, branch_id, scheme, info.id, "004", "commitment_broken", entry_date=date(2025, 2, 3)
    )
    record_event(store, branch_id, "003", MemberEventKind.transfer_out, date(2025, 12, 10))
    record_event(store, branch_id, "006", MemberEventKind.conversion, date(2025, 12, 12))
    text = default_scheme_text().replace("points_weight = 0.4", "points_weight = 0.9")
    activate(store, branch_id, text, parse_scheme(text))
    store.rename_branch(branch_id, "第一党支部（更名后）")


def test_a_published_session_exports_the_same_bytes_after_later_changes(
    db_url, tmp_path: Path, monkeypatch
):
    monkeypatch.setenv("ORGLIFE_TODAY", TODAY.isoformat())
    clock = {"today": SET_UP}
    store = Store.open(db_url, operator="tester", today=lambda: clock["today"])
    try:
        from orglife_tui.data.ledger import add_entry
        from orglife_tui.data.schemes import ensure_active

        sid = session.build(store, publish=False)
        branch = store.resolve_branch(session.BRANCH)
        info, scheme = ensure_active(store, branch.id)
        lecture = add_entry(
            store, branch.id, scheme, info.id, "001", "give_party_lecture", entry_date=SET_UP
        )
        clock["today"] = TODAY
        data.publish(store, branch.id, sid)
    finally:
        store.close()
    ledger_head, audit_head = _verify_heads(db_url)  # what verify says at publication time
    before = _exports(db_url, sid, tmp_path / "before")
    summary = before["md", False].decode("utf-8")
    assert f"Ledger head hash: {ledger_head}" in summary
    assert f"Audit log head hash: {audit_head}" in summary
    doc = json.loads(before["json", False])
    assert doc["publication"]["ledger_head"] == ledger_head
    assert doc["publication"]["audit_head"] == audit_head
    assert doc["publication"]["as_of"] == TODAY.isoformat()
    assert {c["member_no"]: c["points"] for c in doc["candidates"]}["001"] == 63
    meta = {
        r[0]: r[1]
        for r in load_workbook(tmp_path / "before" / "summary.xlsx")["metadata"].iter_rows(
            values_only=True
        )
    }
    assert (meta["ledger_head"], meta["audit_head"]) == (ledger_head, audit_head)

    time.sleep(1.1)  # a workbook saved a second later must not differ by its timestamps
    store = Store.open(db_url, operator="tester", today=lambda: TODAY)
    try:
        branch = store.resolve_branch(session.BRANCH)
        _later_changes(store, branch.id, lecture.id)
    finally:
        store.close()
    assert _verify_heads(db_url)[0] != ledger_head  # the ledger did move

    after = _exports(db_url, sid, tmp_path / "after")
    for variant in VARIANTS:
        assert after[variant] == before[variant], variant
    tally = run("--db", db_url, "appraisal", "tally", str(sid), "-f", "json")
    assert tally.exit_code == 0, tally.output
    shown = json.loads(tally.stdout)
    assert shown["publication"]["ledger_head"] == ledger_head
    assert shown["points_weight"] == 0.4  # the scheme it was published under, not today's
    assert {c["member_no"]: c["points"] for c in shown["candidates"]}["001"] == 63
    table = run("--db", db_url, "appraisal", "tally", str(sid))
    assert f"Ledger head hash: {ledger_head}" in table.stdout
    zh = export(db_url, sid, lang="zh")
    assert f"账本头哈希：{ledger_head}" in zh.stdout and "第一党支部" in zh.stdout
    assert "更名后" not in zh.stdout


def test_a_draft_names_no_heads(finished):
    db, sid, _ = finished
    result = export(db, sid, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert {(r["ledger_head"], r["audit_head"]) for r in rows} == {("", "")}
    md = export(db, sid).stdout
    assert "Ledger head hash" not in md and "published record" not in md
    assert json.loads(export(db, sid, "--format", "json").stdout)["publication"] is None
