"""The summary for the higher Party committee, in four formats: one row per candidate with
the ballots by grade, the points, the proposed and the final grade (CSV, JSON, the XLSX
``candidates`` sheet), and the report laid out in sections in the user's language (Markdown,
the XLSX ``summary`` sheet): the session, the ballot, the grades, the members the higher
committee reads the branch's opinion on, the result per member and the fingerprint.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import IO, Any

from orglife_tui.data.anchors import anchor_text
from orglife_tui.data.appraisal import TallyRow
from orglife_tui.domain import label
from orglife_tui.export.appraisal.layout import (
    CHOICES,
    COUNT_KEYS,
    GRADES,
    HEAD_COLUMNS,
    SESSION_COLUMNS,
    SHARE_KEYS,
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
    draft_text,
    grade_text,
    percent,
    publication_document,
)
from orglife_tui.export.cells import append_row, csv_writer
from orglife_tui.export.files import localized_date, xlsx_row
from orglife_tui.export.stable import save_workbook
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.model import Grade

SUMMARY_COLUMNS: tuple[str, ...] = (
    "member_no",
    "name",
    "status",
    "graded",
    *COUNT_KEYS,
    "ballots",
    *SHARE_KEYS,
    "points",
    "vetoed",
    "ballot_score",
    "combined",
    "proposed",
    "final",
    "reason",
    "unqualified_flag",
    "departs",
)


# ---------------------------------------------------------------------------- cells


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def departs(row: TallyRow) -> bool:
    return row.final is not None and row.final != row.proposed


def summary_values(row: TallyRow) -> list[Any]:
    """A candidate's cells as plain values (text, numbers, bools, None), stable keys."""
    counts = row.counts
    return [
        row.member_no,
        row.name,
        row.status.value,
        row.graded,
        *(counts.count(c) for c in CHOICES),
        counts.total,
        *(_share(row, c) for c in CHOICES),
        row.points,
        row.vetoed,
        _round(row.ballot_score),
        _round(row.combined),
        _grade_value(row.proposed),
        _grade_value(row.final),
        row.reason,
        row.unqualified_flag,
        departs(row),
    ]


# ---------------------------------------------------------------------------- CSV


def write_csv(stream: IO[str], export: AppraisalExport) -> int:
    """One row per candidate (``SUMMARY_COLUMNS``), then the session's columns, its
    fingerprint and the heads of its published record on every row."""
    writer = csv_writer(stream)
    writer.writerow([*SUMMARY_COLUMNS, *SESSION_COLUMNS, "fingerprint", *HEAD_COLUMNS])
    tail = [*export.session_values(), export.fingerprint, *export.head_values()]
    for row in export.rows:
        writer.writerow([_csv_cell(v) for v in (*summary_values(row), *tail)])
    return len(export.rows)


# ---------------------------------------------------------------------------- JSON


def json_document(export: AppraisalExport) -> dict[str, Any]:
    graded = export.graded()
    return {
        "kind": "appraisal_summary",
        "branch": export.branch,
        "year": export.year,
        "session": _session_document(export),
        "generated_at": export.generated_at.isoformat(),
        "turnout": {
            "voters": export.voters,
            "voted": export.voted,
            "ballots": export.ballots,
            "share": round(export.turnout, 4) if export.turnout is not None else None,
        },
        "candidates_count": len(export.rows),
        "graded_count": len(graded),
        "grades": {
            "proposed": export.grade_counts("proposed"),
            "final": export.grade_counts("final"),
        },
        "excellent_warning": bool(export.tally.excellent_warning),
        "excellent_share_max": export.excellent_share_max,
        "highlighted": [
            {
                "member_no": r.member_no,
                "name": r.name,
                "proposed": _grade_value(r.proposed),
                "final": _grade_value(r.final),
                "opinion": r.reason,
            }
            for r in export.highlighted()
        ],
        "candidates": [dict(zip(SUMMARY_COLUMNS, summary_values(r))) for r in export.rows],
        "fingerprint": {
            "sha256": export.fingerprint,
            "method": t("export.appraisal.fingerprint.method"),
        },
        "publication": publication_document(export),
    }


def write_json(stream: IO[str], export: AppraisalExport) -> int:
    _dump(stream, json_document(export))
    return len(export.rows)


# ---------------------------------------------------------------------------- shown text


def _when(value: datetime | None) -> str:
    if value is None:
        return t("export.appraisal.not_yet")
    if value.tzinfo is not None:
        value = value.astimezone()
    return value.strftime("%Y-%m-%d %H:%M")


def flags_text(row: TallyRow) -> str:
    flags = []
    if row.unqualified_flag:
        flags.append(t("export.appraisal.flag.unqualified_votes"))
    if departs(row):
        flags.append(t("export.appraisal.flag.departs"))
    return t("export.appraisal.flag.sep").join(flags)


def title(export: AppraisalExport) -> str:
    return t("export.appraisal.title", branch=export.branch, year=export.year)


def warning_text(export: AppraisalExport) -> str | None:
    """The one-third warning, when the tally raises it."""
    if not export.tally.excellent_warning:
        return None
    grades = export.working_grades()
    limit = export.excellent_share_max
    return t(
        "export.appraisal.warning.excellent",
        count=sum(1 for g in grades if g is Grade.excellent),
        graded=len(grades),
        share=percent(export.tally.excellent_share),
        limit=percent(limit) if limit is not None else "1/3",
    )


def metadata(export: AppraisalExport) -> list[tuple[str, str]]:
    """The summary's header as (label, shown value) pairs in the user's language."""
    lang = get_language()
    s = export.tally.session
    state = label(export.state, lang)
    return [
        (t("export.appraisal.meta.branch"), export.branch),
        (t("export.appraisal.meta.year"), str(export.year)),
        (
            t("export.appraisal.meta.session"),
            t("export.appraisal.session_value", id=export.session_id),
        ),
        (t("export.appraisal.meta.state"), state),
        (t("export.appraisal.meta.created"), _when(s.created_at)),
        (t("export.appraisal.meta.started"), _when(s.started_at)),
        (t("export.appraisal.meta.closed"), _when(s.closed_at)),
        (t("export.appraisal.meta.published"), _when(s.published_at)),
        (t("export.appraisal.meta.generated"), _when(export.generated_at)),
    ]


def record_lines(export: AppraisalExport) -> list[str]:
    """What the published record says of itself: its number and date, the scheme, the
    heads (none for a draft)."""
    record = export.publication
    if record is None:
        return []
    lines = [
        t(
            "publication.appraisal.record",
            id=record.id,
            date=localized_date(record.as_of),
            when=_when(export.generated_at),
        )
    ]
    if export.scheme is not None:
        lines.append(
            t("publication.scheme", name=export.scheme.name, version=export.scheme.version)
        )
    lines.append(t("publication.heads.ledger", hash=record.ledger_head))
    lines.append(t("publication.heads.audit", hash=record.audit_head or "—"))
    lines.append(t("chain.sheet.anchor", anchor=anchor_text(record.ledger_head, record.audit_head)))
    return lines


def ballot_facts(export: AppraisalExport) -> list[tuple[str, str]]:
    return [
        (t("export.appraisal.meta.voters"), str(export.voters)),
        (t("export.appraisal.meta.voted"), str(export.voted)),
        (t("export.appraisal.meta.ballots"), str(export.ballots)),
        (
            t("export.appraisal.meta.turnout"),
            f"{export.voted} / {export.voters} ({percent(export.turnout)})",
        ),
        (t("export.appraisal.meta.candidates"), str(len(export.rows))),
        (t("export.appraisal.meta.graded"), str(len(export.graded()))),
    ]


def grade_table(export: AppraisalExport) -> tuple[list[str], list[list[Any]]]:
    proposed = export.grade_counts("proposed")
    final = export.grade_counts("final")
    columns = [
        t("export.appraisal.col.grade"),
        t("export.appraisal.col.proposed_count"),
        t("export.appraisal.col.final_count"),
    ]
    rows: list[list[Any]] = [[grade_text(g), proposed[g.value], final[g.value]] for g in GRADES]
    if proposed["pending"] or final["pending"]:
        rows.append([grade_text(None), proposed["pending"], final["pending"]])
    rows.append([t("export.appraisal.total"), sum(proposed.values()), sum(final.values())])
    return columns, rows


def highlighted_table(export: AppraisalExport) -> tuple[list[str], list[list[Any]]]:
    columns = [
        t("export.appraisal.col.member_no"),
        t("export.appraisal.col.name"),
        t("export.appraisal.col.proposed"),
        t("export.appraisal.col.final"),
        t("export.appraisal.col.reason"),
    ]
    rows: list[list[Any]] = [
        [r.member_no, r.name, grade_text(r.proposed), grade_text(r.final), _opinion(r)]
        for r in export.highlighted()
    ]
    return columns, rows


def candidate_table(export: AppraisalExport) -> tuple[list[str], list[list[Any]]]:
    lang = get_language()
    columns = [
        t("export.appraisal.col.member_no"),
        t("export.appraisal.col.name"),
        t("export.appraisal.col.status"),
        *(t(f"export.appraisal.col.{k}") for k in COUNT_KEYS),
        t("export.appraisal.col.ballots"),
        t("export.appraisal.col.points"),
        t("export.appraisal.col.proposed"),
        t("export.appraisal.col.final"),
        t("export.appraisal.col.reason"),
        t("export.appraisal.col.flags"),
    ]
    rows: list[list[Any]] = []
    for r in export.rows:
        counts = [f"{r.counts.count(c)} ({percent(_share(r, c))})" for c in CHOICES]
        ungraded = t("export.appraisal.grade.ungraded")
        rows.append(
            [
                r.member_no,
                r.name,
                label(r.status, lang),
                *counts,
                r.counts.total,
                _points_text(r.points),
                grade_text(r.proposed) if r.graded else ungraded,
                grade_text(r.final) if r.graded else ungraded,
                r.reason or "",
                flags_text(r),
            ]
        )
    return columns, rows


# ---------------------------------------------------------------------------- Markdown


def markdown(export: AppraisalExport) -> str:
    """The summary for the higher Party committee."""
    lines = [f"# {_md(title(export))}", ""]
    if export.draft:
        lines += [f"> **{draft_text(export)}**", ""]
    lines += [*_md_facts(metadata(export)), ""]

    lines += [f"## {t('export.appraisal.section.ballots')}", ""]
    lines += [*_md_facts(ballot_facts(export)), ""]

    lines += [f"## {t('export.appraisal.section.grades')}", ""]
    lines += [t("export.appraisal.grades.intro"), ""]
    lines += _md_table(*grade_table(export))
    warning = warning_text(export)
    if warning:
        lines += [f"> **{warning}**", ""]

    lines += [f"## {t('export.appraisal.section.highlighted')}", ""]
    columns, rows = highlighted_table(export)
    lines += _md_table(columns, rows) if rows else [t("export.appraisal.highlighted.empty"), ""]

    lines += [f"## {t('export.appraisal.section.candidates')}", ""]
    columns, rows = candidate_table(export)
    lines += _md_table(columns, rows) if rows else [t("export.appraisal.candidates.empty"), ""]
    lines += [t("export.appraisal.secrecy"), ""]

    lines += [f"## {t('export.appraisal.section.fingerprint')}", ""]
    sha = export.fingerprint
    lines += [
        t("export.appraisal.fingerprint.value", sha256=sha)
        if sha
        else t("export.appraisal.fingerprint.none"),
        "",
        t("export.appraisal.fingerprint.method"),
        "",
    ]
    record = record_lines(export)
    if record:
        lines += [f"## {t('publication.appraisal.section')}", ""]
        lines += [*(_md(line) for line in record), ""]
    lines += [
        "---",
        "",
        t("export.appraisal.generated", date=localized_date(export.generated_at.date())),
        "",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- XLSX


def _summary_sheet(wb, export: AppraisalExport) -> None:
    """The summary in the user's language, laid out like the Markdown."""
    from openpyxl.styles import Font

    ws = wb.create_sheet("summary")
    bold = Font(bold=True)

    def heading(text: str) -> None:
        append_row(ws, [text])
        ws.cell(row=ws.max_row, column=1).font = bold

    def block(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        append_row(ws, list(columns))
        for cell in ws[ws.max_row]:
            cell.font = bold
        for row in rows:
            append_row(ws, xlsx_row(list(row)))
        append_row(ws, [])

    heading(title(export))
    if export.draft:
        heading(draft_text(export))
    append_row(ws, [])
    for key, value in metadata(export):
        append_row(ws, xlsx_row([key, value]))
    append_row(ws, [])
    heading(t("export.appraisal.section.ballots"))
    for key, value in ballot_facts(export):
        append_row(ws, xlsx_row([key, value]))
    append_row(ws, [])
    heading(t("export.appraisal.section.grades"))
    block(*grade_table(export))
    warning = warning_text(export)
    if warning:
        heading(warning)
        append_row(ws, [])
    heading(t("export.appraisal.section.highlighted"))
    columns, rows = highlighted_table(export)
    if rows:
        block(columns, rows)
    else:
        append_row(ws, [t("export.appraisal.highlighted.empty")])
        append_row(ws, [])
    heading(t("export.appraisal.section.fingerprint"))
    append_row(ws, [t("export.appraisal.fingerprint.value", sha256=export.fingerprint or "—")])
    append_row(ws, [t("export.appraisal.fingerprint.method")])
    append_row(ws, [])
    record = record_lines(export)
    if record:
        heading(t("publication.appraisal.section"))
        for line in record:
            append_row(ws, xlsx_row([line]))
        append_row(ws, [])
    append_row(ws, [t("export.appraisal.secrecy")])
    ws.column_dimensions["A"].width = 24
    for col in "BCDE":
        ws.column_dimensions[col].width = 16


def write_xlsx(path: str, export: AppraisalExport) -> int:
    """A ``summary`` sheet in the user's language, a ``candidates`` sheet (stable keys, one
    row per candidate) and a ``metadata`` sheet (session facts; what each column means)."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    wb = Workbook()
    wb.remove(wb.active)
    _summary_sheet(wb, export)
    rows = [summary_values(r) for r in export.rows]
    _data_sheet(wb, "candidates", SUMMARY_COLUMNS, rows, shares=True)
    write_metadata_sheet(wb, _metadata_pairs(export), _legend(SUMMARY_COLUMNS))
    wb.properties.title = title(export)
    save_workbook(wb, path, export.generated_at)
    return len(export.rows)
