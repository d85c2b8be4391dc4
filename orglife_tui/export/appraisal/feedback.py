"""One feedback note (反馈意见) per member, in four formats: one row per member with the
grade, the proposal, the ballots by grade, the points and the committee's opinion (CSV, JSON,
the XLSX ``feedback`` sheet), and one printed page per member in the user's language
(Markdown). Each note names its own member only.
"""

from __future__ import annotations

from typing import IO, Any

from orglife_tui.data.appraisal import TallyRow
from orglife_tui.domain import label
from orglife_tui.export.appraisal.layout import (
    CHOICES,
    COUNT_KEYS,
    SESSION_COLUMNS,
    AppraisalExport,
    _csv_cell,
    _data_sheet,
    _dump,
    _grade_value,
    _legend,
    _md,
    _md_facts,
    _md_table,
    _metadata_pairs,
    _opinion,
    _points_text,
    _session_document,
    _share,
    choice_text,
    draft_text,
    grade_text,
    percent,
    publication_document,
)
from orglife_tui.export.cells import csv_writer
from orglife_tui.export.stable import save_workbook
from orglife_tui.locale import get_language, t

FEEDBACK_COLUMNS: tuple[str, ...] = (
    "member_no",
    "name",
    "status",
    "graded",
    "grade",
    "proposed",
    *COUNT_KEYS,
    "ballots",
    "points",
    "opinion",
)


# ---------------------------------------------------------------------------- cells


def feedback_values(row: TallyRow) -> list[Any]:
    counts = row.counts
    return [
        row.member_no,
        row.name,
        row.status.value,
        row.graded,
        _grade_value(row.final),
        _grade_value(row.proposed),
        *(counts.count(c) for c in CHOICES),
        counts.total,
        row.points,
        row.reason,
    ]


# ---------------------------------------------------------------------------- CSV


def write_feedback_csv(stream: IO[str], export: AppraisalExport) -> int:
    writer = csv_writer(stream)
    writer.writerow([*FEEDBACK_COLUMNS, *SESSION_COLUMNS])
    tail = export.session_values()
    for row in export.rows:
        writer.writerow([_csv_cell(v) for v in (*feedback_values(row), *tail)])
    return len(export.rows)


# ---------------------------------------------------------------------------- JSON


def feedback_document(export: AppraisalExport) -> dict[str, Any]:
    notes = []
    for row in export.rows:
        record = dict(zip(FEEDBACK_COLUMNS, feedback_values(row)))
        record["counts"] = {k: record.pop(k) for k in COUNT_KEYS}
        notes.append(record)
    return {
        "kind": "appraisal_feedback",
        "branch": export.branch,
        "year": export.year,
        "session": _session_document(export),
        "generated_at": export.generated_at.isoformat(),
        "notes": notes,
        "publication": publication_document(export),
    }


def write_feedback_json(stream: IO[str], export: AppraisalExport) -> int:
    _dump(stream, feedback_document(export))
    return len(export.rows)


# ---------------------------------------------------------------------------- Markdown


PAGE_BREAK = '<div style="page-break-after: always;"></div>'


def feedback_grade_text(export: AppraisalExport, row: TallyRow) -> str:
    if not row.graded:
        return t("export.appraisal.feedback.ungraded")
    if row.final is None:
        return t("export.appraisal.feedback.undecided", proposed=grade_text(row.proposed))
    grade = grade_text(row.final)
    return t("export.appraisal.feedback.grade_draft", grade=grade) if export.draft else grade


def feedback_note(export: AppraisalExport, row: TallyRow) -> list[str]:
    """One member's note: its own heading, facts, the ballot counts; no other member named."""
    lang = get_language()
    head = t("export.appraisal.feedback.heading", name=row.name, member_no=row.member_no)
    context = t(
        "export.appraisal.feedback.context",
        branch=export.branch,
        year=export.year,
        id=export.session_id,
    )
    lines = [f"## {_md(head)}", "", _md(context), ""]
    if export.draft:
        lines += [f"> **{draft_text(export)}**", ""]
    facts = [
        (t("export.appraisal.col.status"), label(row.status, lang)),
        (t("export.appraisal.feedback.grade"), feedback_grade_text(export, row)),
        (
            t("export.appraisal.feedback.points"),
            _points_text(row.points)
            if row.points is not None
            else t("export.appraisal.feedback.no_points"),
        ),
        (t("export.appraisal.feedback.opinion"), _opinion(row)),
    ]
    lines += [*_md_facts(facts), ""]
    lines += [f"### {t('export.appraisal.feedback.ballots')}", ""]
    total = row.counts.total
    if not total:
        lines += [t("export.appraisal.feedback.no_ballots"), ""]
    else:
        lines += [t("export.appraisal.feedback.ballots_total", count=total), ""]
        columns = [
            t("export.appraisal.col.grade"),
            t("export.appraisal.col.votes"),
            t("export.appraisal.col.share"),
        ]
        rows = [[choice_text(c), row.counts.count(c), percent(_share(row, c))] for c in CHOICES]
        lines += _md_table(columns, rows)
    lines += [f"*{t('export.appraisal.feedback.secrecy')}*", ""]
    return lines


def feedback_markdown(export: AppraisalExport) -> str:
    """One section per member, each starting on a new page when printed."""
    head = t("export.appraisal.feedback.title", branch=export.branch, year=export.year)
    lines = [f"# {_md(head)}", ""]
    if export.draft:
        lines += [f"> **{draft_text(export)}**", ""]
    lines += [t("export.appraisal.feedback.count", count=len(export.rows)), ""]
    if not export.rows:
        lines += [t("export.appraisal.feedback.none"), ""]
    for i, row in enumerate(export.rows):
        if i:
            lines += [PAGE_BREAK, ""]
        lines += feedback_note(export, row)
    return "\n".join(lines)


# ---------------------------------------------------------------------------- XLSX


def write_feedback_xlsx(path: str, export: AppraisalExport) -> int:
    """A ``feedback`` sheet (stable keys, one row per member, the session and whether it is
    a draft on each) and a ``metadata`` sheet."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    wb = Workbook()
    wb.remove(wb.active)
    tail = export.session_values()
    rows = [[*feedback_values(r), *tail] for r in export.rows]
    columns = (*FEEDBACK_COLUMNS, *SESSION_COLUMNS)
    _data_sheet(wb, "feedback", columns, rows, shares=False)
    write_metadata_sheet(wb, _metadata_pairs(export), _legend(columns))
    wb.properties.title = t(
        "export.appraisal.feedback.title", branch=export.branch, year=export.year
    )
    save_workbook(wb, path, export.generated_at)
    return len(export.rows)
