"""The appraisal writers over a real sealed tally: every format says what the hand count says,
carries the fingerprint, marks a draft, and the feedback notes name no voter."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from openpyxl import load_workbook

from orglife_tui.data import appraisal as data
from orglife_tui.data.schemes import ensure_active
from orglife_tui.export import appraisal as out
from orglife_tui.locale import set_language
from tests.export import appraisal_session as session


def _export(store, **kwargs) -> tuple[out.AppraisalExport, data.Tally]:
    session_id = session.build(store, **kwargs)
    branch = store.resolve_branch(session.BRANCH)
    _, scheme = ensure_active(store, branch.id)
    tally = data.tally(store, branch.id, session_id, scheme)
    export = out.AppraisalExport.of(branch.name, tally, scheme.appraisal.excellent_share_max)
    return export, tally


@pytest.fixture
def published(store):
    return _export(store)


@pytest.fixture
def draft(sqlite_store):
    return _export(sqlite_store, publish=False)


def _text(writer, export) -> str:
    buf = io.StringIO()
    assert writer(buf, export) == len(export.rows)
    return buf.getvalue()


def test_the_tally_is_the_hand_count(published):
    _, tally = published
    assert {r.member_no: r.counts for r in tally.rows} == session.HAND_COUNT
    assert tally.turnout == (4, 5) and tally.session.ballots == 4
    assert re.fullmatch(r"[0-9a-f]{64}", tally.session.fingerprint or "")


def test_csv_rows_carry_the_counts_and_the_fingerprint(published):
    export, tally = published
    rows = list(csv.DictReader(io.StringIO(_text(out.write_csv, export))))
    assert list(rows[0]) == [
        *out.SUMMARY_COLUMNS,
        *out.SESSION_COLUMNS,
        "fingerprint",
        *out.HEAD_COLUMNS,
    ]
    record = tally.publication
    assert record is not None
    assert {(r["ledger_head"], r["audit_head"]) for r in rows} == {
        (record.ledger_head, record.audit_head)
    }
    assert [r["member_no"] for r in rows] == ["001", "002", "003", "004", "005", "006"]
    for row, t in zip(rows, tally.rows):
        for key in out.COUNT_KEYS:
            assert int(row[key]) == getattr(t.counts, key), (row["member_no"], key)
        assert int(row["ballots"]) == t.counts.total == 4
        assert row["final"] == (t.final.value if t.final else "")
        assert row["fingerprint"] == tally.session.fingerprint
        assert (row["state"], row["draft"]) == ("published", "0")
    first = rows[0]
    assert (first["excellent_share"], first["qualified_share"]) == ("0.75", "0.25")
    assert (first["final"], first["reason"], first["departs"]) == (
        "excellent",
        "带头攻坚，群众公认",
        "1",
    )
    probationary = rows[5]
    assert (probationary["graded"], probationary["proposed"], probationary["final"]) == (
        "0",
        "",
        "",
    )


def test_json_summary(published):
    export, tally = published
    doc = json.loads(_text(out.write_json, export))
    assert doc["kind"] == "appraisal_summary"
    assert doc["session"]["state"] == "published" and doc["session"]["draft"] is False
    assert doc["turnout"] == {"voters": 5, "voted": 4, "ballots": 4, "share": 0.8}
    assert doc["fingerprint"]["sha256"] == tally.session.fingerprint
    assert "SHA-256" in doc["fingerprint"]["method"]
    assert doc["grades"]["final"] == {
        "excellent": 2,
        "qualified": 0,
        "basically_qualified": sum(
            1 for r in tally.rows if r.final and r.final.value == "basically_qualified"
        ),
        "unqualified": 1,
        "pending": 0,
    }
    assert sum(doc["grades"]["proposed"].values()) == 5
    assert doc["excellent_warning"] is True and doc["excellent_share_max"] == 0.3333
    highlighted = {h["member_no"]: h for h in doc["highlighted"]}
    assert set(highlighted) == {"001", "002", "004"}
    assert highlighted["004"]["opinion"] == session.REASONS["004"]
    assert highlighted["004"]["final"] == "unqualified"
    for record, t in zip(doc["candidates"], tally.rows):
        assert {k: record[k] for k in out.COUNT_KEYS} == {
            k: getattr(t.counts, k) for k in out.COUNT_KEYS
        }
        assert record["points"] == t.points


def test_markdown_summary(published):
    export, tally = published
    md = out.markdown(export)
    assert md.startswith("# 第一党支部: democratic appraisal of Party members, 2025")
    assert "DRAFT" not in md
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == [
        "1. The ballot",
        "2. Grades",
        "3. Members proposed or graded excellent or unqualified, with the branch's opinion",
        "4. Result per member",
        "5. Fingerprint of the ballots",
        "6. The published record",
    ]
    record = tally.publication
    assert record is not None
    assert f"Ledger head hash: {record.ledger_head}" in md
    assert f"Audit log head hash: {record.audit_head}" in md
    assert "- **Turnout**: 4 / 5 (80.0%)" in md
    proposed = sum(1 for r in tally.rows if r.proposed and r.proposed.value == "excellent")
    assert f"| Excellent | {proposed} | 2 |" in md
    assert "Warning: 2 of 5 graded members (40.0%) are excellent" in md
    assert f"SHA-256: `{tally.session.fingerprint}`" in md
    assert "sorted and hashed with SHA-256" in md
    assert "| 004 | 谭晶 | Unqualified | Unqualified | 长期不参加组织生活 |" in md
    assert (
        "| 001 | 朱海波 | full | 3 (75.0%) | 1 (25.0%) | 0 (0.0%) | 0 (0.0%) | 0 (0.0%) | 4 |" in md
    )


def test_xlsx_summary(published, tmp_path):
    export, tally = published
    path = tmp_path / "appraisal.xlsx"
    assert out.write_xlsx(str(path), export) == 6
    wb = load_workbook(path)
    assert wb.sheetnames == ["summary", "candidates", "metadata"]
    rows = list(wb["candidates"].iter_rows(values_only=True))
    assert list(rows[0]) == list(out.SUMMARY_COLUMNS)
    for row, t in zip(rows[1:], tally.rows):
        record = dict(zip(out.SUMMARY_COLUMNS, row))
        assert record["member_no"] == t.member_no
        assert [record[k] for k in out.COUNT_KEYS] == [getattr(t.counts, k) for k in out.COUNT_KEYS]
    meta = {}
    for key, value, *_ in wb["metadata"].iter_rows(values_only=True):
        if key is None:  # the column legend follows the blank row
            break
        meta[key] = value
    assert meta["fingerprint"] == tally.session.fingerprint
    assert (meta["state"], meta["draft"], meta["ballots"]) == ("published", False, 4)
    summary = [c for r in wb["summary"].iter_rows(values_only=True) for c in r if c]
    assert any(tally.session.fingerprint in str(c) for c in summary)
    assert "长期不参加组织生活" in summary


def test_a_finished_session_is_marked_a_draft_everywhere(draft, tmp_path):
    export, tally = draft
    assert tally.session.state.value == "finished" and export.draft
    assert "> **NOT YET PUBLISHED — DRAFT." in out.markdown(export)
    assert "NOT YET PUBLISHED — DRAFT." in out.feedback_markdown(export)
    assert json.loads(_text(out.write_json, export))["session"]["draft"] is True
    rows = list(csv.DictReader(io.StringIO(_text(out.write_csv, export))))
    assert {(r["state"], r["draft"]) for r in rows} == {("finished", "1")}
    path = tmp_path / "draft.xlsx"
    out.write_xlsx(str(path), export)
    first = next(load_workbook(path)["summary"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[0].startswith("NOT YET PUBLISHED — DRAFT.")


def test_ungraded_draft_counts_pending_grades(sqlite_store):
    export, tally = _export(sqlite_store, grade=False, publish=False)
    assert all(r.final is None for r in tally.rows)
    doc = json.loads(_text(out.write_json, export))
    assert doc["grades"]["final"]["pending"] == 5
    feedback = out.feedback_markdown(export)
    assert "Not yet decided (proposed:" in feedback


def _notes(md: str) -> list[str]:
    return md.split('<div style="page-break-after: always;"></div>')


def test_feedback_markdown_one_note_per_member_naming_no_one_else(published):
    export, tally = published
    md = out.feedback_markdown(export)
    notes = _notes(md)
    assert len(notes) == len(tally.rows) == 6
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    assert headings == [f"Feedback note: {r.name} ({r.member_no})" for r in tally.rows]
    for note, row in zip(notes, tally.rows):
        others = [name for no, name in session.NAMES.items() if no != row.member_no]
        assert not [name for name in others if name in note], row.member_no
        assert f"{row.counts.total} ballot(s) rated this member." in note
        for choice in out.CHOICES:
            assert f"| {out.choice_text(choice)} | {row.counts.count(choice)} |" in note
    assert "- **Grade**: Excellent" in notes[0]
    assert "- **Committee's opinion**: 带头攻坚，群众公认" in notes[0]
    assert "- **Grade**: Takes part without a grade (probationary member)" in notes[5]


def test_feedback_csv_json_xlsx_one_row_per_member(published, tmp_path):
    export, tally = published
    rows = list(csv.DictReader(io.StringIO(_text(out.write_feedback_csv, export))))
    assert list(rows[0]) == [*out.FEEDBACK_COLUMNS, *out.SESSION_COLUMNS]
    assert [r["member_no"] for r in rows] == [t.member_no for t in tally.rows]
    assert [int(r["abstain"]) for r in rows] == [t.counts.abstain for t in tally.rows]
    assert rows[3]["opinion"] == session.REASONS["004"] and rows[3]["grade"] == "unqualified"

    doc = json.loads(_text(out.write_feedback_json, export))
    assert doc["kind"] == "appraisal_feedback" and len(doc["notes"]) == 6
    note = doc["notes"][0]
    assert set(note) == {
        "member_no",
        "name",
        "status",
        "graded",
        "grade",
        "proposed",
        "counts",
        "ballots",
        "points",
        "opinion",
    }
    assert note["counts"] == {
        "excellent": 3,
        "qualified": 1,
        "basically_qualified": 0,
        "unqualified": 0,
        "abstain": 0,
    }

    path = tmp_path / "feedback.xlsx"
    assert out.write_feedback_xlsx(str(path), export) == 6
    wb = load_workbook(path)
    assert wb.sheetnames == ["feedback", "metadata"]
    sheet = list(wb["feedback"].iter_rows(values_only=True))
    assert list(sheet[0]) == [*out.FEEDBACK_COLUMNS, *out.SESSION_COLUMNS] and len(sheet) == 7
    assert dict(zip(sheet[0], sheet[1]))["draft"] is False


def test_no_export_names_who_voted(published, tmp_path):
    """The voted set never leaves: nothing says which members cast a ballot."""
    export, _ = published
    texts = [
        _text(out.write_json, export),
        _text(out.write_feedback_json, export),
        _text(out.write_csv, export),
        _text(out.write_feedback_csv, export),
    ]
    for text in texts:
        assert "voted_by" not in text and "receipt" not in text.lower()
    doc = json.loads(texts[0])
    assert set(doc["turnout"]) == {"voters", "voted", "ballots", "share"}
    assert all(isinstance(v, (int, float)) for v in doc["turnout"].values())


def test_chinese_summary_and_feedback(published):
    export, tally = published
    set_language("zh")
    md = out.markdown(export)
    assert md.startswith("# 第一党支部2025年度民主评议党员情况报告")
    assert "## 三、拟评定为优秀、不合格的党员及支部意见" in md
    assert "- **参评率**：4 / 5 (80.0%)" in md
    assert "计算方法：" in md
    feedback = out.feedback_markdown(export)
    assert "## 反馈意见：朱海波（001）" in feedback
    assert "- **评定等次**：优秀" in feedback
    assert "| 弃权 | 1 | 25.0% |" in feedback
