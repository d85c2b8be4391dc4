"""The year-end report laid out: Markdown, or an XLSX workbook with one sheet per table.

Pure over the gathered ``services.year_report.YearReport``: ``sections`` turns it into
titled tables in the user's language, and both writers render those same tables, so the Markdown
and the workbook always say the same thing. In the workbook every sheet starts with its
header row (bold, frozen), columns are sized to their content, rates are percentages and
dates real dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from orglife_tui.compliance.findings import months_text
from orglife_tui.domain import FollowUpMeasure, FollowUpStatus, label
from orglife_tui.export.cells import append_row, never_formulas
from orglife_tui.export.files import localized_date, number_text
from orglife_tui.export.md import md_inline
from orglife_tui.locale import get_language, t
from orglife_tui.services.year_report import AbsenceCase, RuleLine, YearReport, plan_item_due


@dataclass(frozen=True)
class Rate:
    """A share shown as a percentage (None: nothing to divide)."""

    value: float | None


@dataclass(frozen=True)
class Table:
    sheet: str  # ``report.sheet.<sheet>``: the workbook sheet it goes to
    columns: tuple[str, ...]
    rows: list[list[Any]]
    title: str | None = None  # a sub-heading in Markdown
    empty: str | None = None  # said instead of an empty table


@dataclass(frozen=True)
class Section:
    title: str
    tables: tuple[Table, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)


def _cols(*keys: str) -> tuple[str, ...]:
    return tuple(t(f"report.col.{k}") for k in keys)


def _lang_label(value) -> str:
    return label(value, get_language())


# ---------------------------------------------------------------------------- the sections


def _scheme_text(report: YearReport) -> str:
    if report.scheme is None:
        return t("report.meta.no_scheme")
    return t("report.meta.scheme_value", name=report.scheme.name, version=report.scheme.version)


def metadata(report: YearReport) -> list[tuple[str, Any]]:
    """The report's header: (label, value) pairs."""
    return [
        (t("report.meta.branch"), report.branch),
        (t("report.meta.year"), report.year),
        (t("report.meta.as_of"), report.as_of),
        (t("report.meta.scheme"), _scheme_text(report)),
        (t("report.meta.generated"), report.generated),
        (t("report.meta.operator"), report.operator),
        (t("report.meta.findings"), len(report.findings)),
        (t("chain.sheet.label.ledger_head"), report.ledger_head),
        (t("chain.sheet.label.audit_head"), report.audit_head),
        (t("chain.sheet.label.anchor"), f"orglife-tui verify --expect {report.anchor}"),
    ]


def _totals(report: YearReport) -> Section:
    totals = report.totals()
    rows: list[list[Any]] = [[t(f"compliance.rule.{rule}"), n, rule] for rule, n in totals.items()]
    rows.append([t("report.total"), sum(totals.values()), ""])
    intro = t(
        "report.totals.intro",
        year=report.year,
        as_of=localized_date(report.as_of),
        as_of_iso=report.as_of.isoformat(),
    )
    table = Table("totals", _cols("rule", "findings", "rule_id"), rows)
    return Section(t("report.section.totals"), (table,), (intro,))


def _plan(report: YearReport) -> Section:
    empty = t("report.plan.empty", year=report.year)
    summary_rows: list[list[Any]] = [
        [_lang_label(p.meeting_type), p.planned, p.held, p.not_held, p.not_due] for p in report.plan
    ]
    if report.plan:
        summary_rows.append(
            [
                t("report.total"),
                sum(p.planned for p in report.plan),
                sum(p.held for p in report.plan),
                sum(p.not_held for p in report.plan),
                sum(p.not_due for p in report.plan),
            ]
        )
    summary = Table(
        "plan",
        _cols("meeting_type", "planned", "held_per_plan", "not_held", "not_due"),
        summary_rows,
        empty=empty,
    )
    items = Table(
        "plan_items",
        _cols("month", "meeting_type", "topic", "held_meeting", "held_date"),
        [
            [
                t("report.plan.month", month=i.month) if i.month else t("report.plan.whole_year"),
                _lang_label(i.meeting_type),
                i.topic,
                i.held_meeting_no or _not_held(i, report.as_of),
                i.held_date,
            ]
            for i in report.plan_items
        ],
        title=t("report.plan.items"),
    )
    return Section(t("report.section.plan"), (summary, items))


def _not_held(item, as_of: date) -> str:
    return t("report.plan.not_held" if plan_item_due(item, as_of) else "report.plan.not_due")


def required_text(line: RuleLine) -> str:
    text = t(f"report.required.{line.period.value}", times=line.times)
    if line.rule == "group_meeting_frequency":
        text = t("report.required.per_group", text=text)
    return text


def _meetings(report: YearReport) -> Section:
    rules = Table(
        "meetings",
        _cols(
            "rule",
            "meeting_type",
            "required",
            "held_in_year",
            "judged",
            "met",
            "missed",
            "not_due",
            "not_applicable",
        ),
        [
            [
                t(f"compliance.rule.{r.rule}"),
                _lang_label(r.meeting_type),
                required_text(r),
                r.held,
                r.judged,
                r.met,
                r.missed,
                r.not_due,
                r.not_required,
            ]
            for r in report.rules
        ],
        empty=t("report.meetings.empty"),
    )
    tables = [rules]
    if report.groups:
        tables.append(
            Table(
                "groups",
                _cols("group", "held_in_year", "judged", "met", "missed"),
                [[g.group, g.held, g.judged, g.met, g.missed] for g in report.groups],
                title=t("report.groups.title"),
            )
        )
    return Section(t("report.section.meetings"), tuple(tables), (t("report.meetings.note"),))


def _attendance(report: YearReport) -> Section:
    rows: list[list[Any]] = []
    for line in report.attendance:
        m = line.marks
        rows.append(
            [_lang_label(line.meeting_type), m.present, m.leave, m.absent, m.total, Rate(m.rate)]
        )
    if rows:
        m = report.attendance_total
        rows.append(
            [t("report.attendance.all"), m.present, m.leave, m.absent, m.total, Rate(m.rate)]
        )
    table = Table(
        "attendance",
        _cols("meeting_type", "present", "leave", "absent", "marks", "rate"),
        rows,
        empty=t("report.attendance.empty", year=report.year),
    )
    return Section(t("report.section.attendance"), (table,), (t("report.attendance.note"),))


def _answered(case: AbsenceCase) -> str:
    if not case.answered:
        return t("report.absences.none_answered")
    parts = []
    for talk in case.answered:
        talkers = t("compliance.list_sep").join(k.name for k in talk.talkers)
        parts.append(
            t(
                "report.absences.talk",
                date=talk.date.isoformat(),
                type=_lang_label(talk.type),
                talkers=talkers,
            )
        )
    return t("report.list_sep").join(parts)


def _absences(report: YearReport) -> Section:
    lang = get_language()
    table = Table(
        "absences",
        _cols("member_no", "name", "months", "count", "step", "streak", "answered"),
        [
            [
                c.member_no,
                c.name,
                months_text(c.months, lang),
                c.length,
                t(
                    "report.absences.step",
                    months=c.step.months,
                    action=t(f"compliance.action.{c.step.action.value}"),
                ),
                t("report.absences.ongoing" if c.ongoing else "report.absences.ended"),
                _answered(c),
            ]
            for c in report.absences
        ],
        empty=t("report.absences.empty", year=report.year),
    )
    return Section(t("report.section.absences"), (table,))


def _talks(report: YearReport) -> Section:
    s = report.talks
    rows: list[list[Any]] = []
    if s.enabled:
        rows += [
            [t("report.talks.required"), s.required],
            [t("report.talks.due"), s.due],
            [t("report.talks.covered"), s.covered],
            [t("report.talks.not_covered"), len(s.gaps)],
        ]
    rows.append([t("report.talks.held"), s.total])
    rows += [
        [t("report.talks.by_type", type=_lang_label(kind)), n] for kind, n in s.by_type.items()
    ]
    summary = Table("talks", _cols_meta(), rows)
    notes: list[str] = []
    tables = [summary]
    if not s.enabled:
        notes.append(t("report.talks.off"))
    else:
        tables.append(
            Table(
                "talk_gaps",
                _cols("member_no", "name", "talks_held", "required"),
                [[g.member_no, g.name, g.held, s.required] for g in s.gaps],
                title=t("report.talks.gaps"),
                empty=t("report.talks.all_covered"),
            )
        )
        if s.gaps and not s.final:
            notes.append(t("report.talks.open_year"))
    return Section(t("report.section.talks"), tuple(tables), tuple(notes))


def _cols_meta() -> tuple[str, ...]:
    return (t("report.meta.item"), t("report.meta.value"))


def _rectification(report: YearReport) -> Section:
    table = Table(
        "rectification",
        _cols(
            "id",
            "year",
            "problem",
            "measure",
            "owner",
            "deadline",
            "status",
            "closed_on",
            "closing_note",
            "overdue",
        ),
        [
            [
                r.item.id,
                r.item.year,
                r.item.problem,
                r.item.measure,
                r.item.owner,
                r.item.deadline,
                _lang_label(r.item.status),
                r.item.closed_on,
                r.item.closing_note,
                t("report.rectification.overdue") if r.overdue else "",
            ]
            for r in report.rectification
        ],
        empty=t("report.rectification.empty", year=report.year),
    )
    notes = (t("report.rectification.note", year=report.year),) if report.rectification else ()
    return Section(t("report.section.rectification"), (table,), notes)


def _findings(report: YearReport) -> Section:
    table = Table(
        "findings",
        _cols("rule", "period", "subject", "severity", "message", "rule_id"),
        [
            [
                t(f"compliance.rule.{f.rule}"),
                f.period,
                f.subject,
                t(f"compliance.severity.{f.severity.value}"),
                f.message,
                f.rule,
            ]
            for f in report.findings
        ],
        empty=t("report.findings.empty"),
    )
    return Section(t("report.section.findings"), (table,))


def _points(report: YearReport) -> Section:
    p = report.points
    if p is None:
        table = Table("points", _cols_meta(), [], empty=t("report.points.none"))
        return Section(t("report.section.points"), (table,))
    rows: list[list[Any]] = [
        [t("report.meta.scheme"), _scheme_text(report)],
        [t("report.points.scored"), p.scored],
    ]
    if p.scored:
        rows += [
            [t("report.points.average"), p.average],
            [t("report.points.min"), p.minimum],
            [t("report.points.max"), p.maximum],
        ]
    for grade, n in p.grades.items():
        name = t(f"export.grade.{grade.value}") if grade else t("report.points.ungraded")
        rows.append([t("report.points.grade", grade=name), n])
    table = Table("points", _cols_meta(), rows)
    notes = () if p.scored else (t("report.points.empty"),)
    if p.to_date is not None:
        notes = (*notes, t("bands.to_date_note", day=p.to_date.day))
    return Section(t("report.section.points"), (table,), notes)


def _appraisal(report: YearReport) -> Section:
    """The democratic appraisal, one row per step of the procedure with what it recorded."""
    a = report.appraisal
    if a is None:
        table = Table(
            "appraisal", _cols_meta(), [], empty=t("report.appraisal.none", year=report.year)
        )
        return Section(t("report.section.appraisal"), (table,))
    p = a.procedure
    rows: list[list[Any]] = [
        [
            t("report.appraisal.session"),
            t("report.appraisal.session_value", id=p.session_id, state=_lang_label(p.state)),
        ],
        [t("report.appraisal.members"), p.members],
        [t("report.appraisal.self_assessed"), f"{p.self_assessed} / {p.members}"],
        [t("report.appraisal.self_late"), p.self_late],
        [t("report.appraisal.peer_comments"), p.peer_comments],
        [t("report.appraisal.commented"), p.commented],
        [t("report.appraisal.voted"), f"{p.voted} / {p.voters}"],
        [t("report.appraisal.turnout"), Rate(p.voted / p.voters if p.voters else None)],
        [t("report.appraisal.ballots"), p.ballots],
        [t("report.appraisal.graded"), f"{p.graded} / {p.to_grade}"],
        [t("report.appraisal.as_proposed"), p.as_proposed],
        [t("report.appraisal.departed"), p.departed],
        [t("report.appraisal.published"), p.published_on],
    ]
    rows += [[t(f"report.appraisal.{key}"), n] for key, n in a.after]
    table = Table("appraisal", _cols_meta(), rows)
    notes = () if p.published_on else (t("report.appraisal.not_published"),)
    return Section(t("report.section.appraisal"), (table,), notes)


# The follow-ups' statuses as the section counts them, in this order.
STATUS_COLUMNS = (FollowUpStatus.open, FollowUpStatus.overdue, FollowUpStatus.done)


def _appraisal_after(report: YearReport) -> Section:
    """公示 and 结果运用: each published result's window and standing, the objections, the
    follow-ups by measure and one by one, the commendation register."""
    after = report.appraisal_after
    results = Table(
        "notice",
        _cols("session", "notice_from", "notice_to", "result", "objections", "unanswered"),
        [
            [
                r.session_id,
                r.window_start,
                r.window_end,
                _lang_label(r.status),
                r.objections,
                r.open_objections,
            ]
            for r in after.results
        ],
        title=t("report.after.notice"),
        empty=t("report.after.no_results", year=report.year),
    )
    objections = Table(
        "objections",
        _cols("session", "raised_on", "member_no", "name", "raised_by", "objection", "outcome"),
        [
            [
                o.session_id,
                o.raised_on,
                o.member_no,
                o.name,
                o.raised_by or t("notice.anonymous"),
                o.content,
                _outcome(o),
            ]
            for o in after.objections
        ],
        title=t("report.after.objections"),
        empty=t("notice.no_objections"),
    )
    by_measure = Table(
        "follow_up_counts",
        _cols("action", "open", "overdue", "done"),
        [
            [_lang_label(m), *(_count(report, m, s) for s in STATUS_COLUMNS)]
            for m in FollowUpMeasure
            if any(line.row.measure is m for line in after.follow_ups)
        ],
        title=t("report.after.follow_ups"),
        empty=t("follow_up.none"),
    )
    lines = Table(
        "follow_ups",
        _cols("member_no", "name", "grade", "action", "due", "status", "done_on"),
        [
            [
                line.row.member_no,
                line.row.name,
                t(f"appraisal.grade.{line.row.grade.value}"),
                _lang_label(line.row.disposal or line.row.measure),
                line.row.due,
                _lang_label(line.status),
                line.row.done_on,
            ]
            for line in after.follow_ups
        ],
    )
    register = Table(
        "commendations",
        _cols("member_no", "name", "award", "note"),
        [[c.member_no, c.name, c.award, c.note] for c in after.commendations],
        title=t("report.after.commendations"),
        empty=t("commendation.none"),
    )
    tables = [results, objections, by_measure]
    if lines.rows:
        tables.append(lines)
    tables.append(register)
    return Section(t("report.section.appraisal_after"), tuple(tables))


def _outcome(o) -> str:
    if o.outcome is None:
        return t("notice.unanswered")
    text = _lang_label(o.outcome)
    if o.corrected_to is not None:
        text += f" → {t(f'appraisal.grade.{o.corrected_to.value}')}"
    return text


def _count(report: YearReport, measure: FollowUpMeasure, status: FollowUpStatus) -> int:
    return sum(
        1
        for line in report.appraisal_after.follow_ups
        if line.row.measure is measure and line.status is status
    )


def _life(report: YearReport) -> Section | None:
    """The life meeting and the people in it: meetings by form, the life meetings' records,
    lectures from the roster, posts and commitments (承诺践诺)."""
    life = report.life
    if life is None:
        return None
    y = life.year
    rows: list[list[Any]] = [
        [t("life.report.by_form", form=_lang_label(f) if f else t("life.report.no_form")), n]
        for f, n in y.by_form.items()
    ]
    rows += [
        [t("life.report.life_meetings"), y.life_meetings],
        [t("life.report.self_checks"), y.self_checks],
        [t("life.report.linked_items"), y.linked_items],
        [t("life.report.roster_lectures"), y.roster_lectures],
        [t("life.report.posts"), life.posts],
    ]
    rows += [
        [t("life.report.commitments", status=_lang_label(s)), n]
        for s, n in life.commitments.items()
    ]
    return Section(t("life.report.section"), (Table("life", _cols_meta(), rows),))


def sections(report: YearReport) -> list[Section]:
    """The report's sections, in order, in the current UI language (the life meeting's
    last, when the report has it)."""
    life = _life(report)
    return [
        _totals(report),
        _plan(report),
        _meetings(report),
        _attendance(report),
        _absences(report),
        _talks(report),
        _rectification(report),
        _findings(report),
        _points(report),
        _appraisal(report),
        _appraisal_after(report),
        *([life] if life is not None else []),
    ]


def title(report: YearReport) -> str:
    return t("report.title", branch=report.branch, year=report.year)


# ---------------------------------------------------------------------------- Markdown


def _md_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Rate):
        return "—" if value.value is None else f"{value.value * 100:.1f}%"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, date):
        return value.isoformat()
    return md_inline(str(value))


def _numeric(value: Any) -> bool:
    return isinstance(value, (int, float, Rate)) and not isinstance(value, bool)


def _md_table(table: Table) -> list[str]:
    if not table.rows:
        return [table.empty, ""] if table.empty else []
    right = [
        all(_numeric(row[i]) or row[i] is None for row in table.rows)
        and any(_numeric(row[i]) for row in table.rows)
        for i in range(len(table.columns))
    ]
    lines = [
        "| " + " | ".join(_md_text(c) for c in table.columns) + " |",
        "| " + " | ".join("---:" if r else "---" for r in right) + " |",
    ]
    lines += ["| " + " | ".join(_md_text(v) for v in row) + " |" for row in table.rows]
    return [*lines, ""]


def markdown(report: YearReport) -> str:
    lines = [f"# {title(report)}", ""]
    for key, value in metadata(report):
        shown = localized_date(value) if isinstance(value, date) else _md_text(value)
        lines.append(t("report.meta.line", key=key, value=shown))
    lines.append("")
    for section in sections(report):
        lines += [f"## {section.title}", ""]
        for table in section.tables:
            body = _md_table(table)
            if table.title and body:
                lines += [f"### {table.title}", ""]
            lines += body
        for note in section.notes:
            lines += [note, ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- XLSX


def _width(value: Any) -> int:
    text = _md_text(value) if not isinstance(value, str) else value
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _xlsx_value(value: Any) -> tuple[Any, str | None]:
    """The cell value and its number format."""
    from orglife_tui.export.files import xlsx_cell

    if isinstance(value, Rate):
        return value.value, "0.0%"
    if isinstance(value, date):
        return value, "yyyy-mm-dd"
    return xlsx_cell(value), None


def _sheet(wb, name: str, columns: tuple[str, ...], rows: list[list[Any]], notes: list[str]):
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(name)
    append_row(ws, list(columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    widths = [_width(c) for c in columns]
    for row in rows:
        append_row(ws, [None] * len(row))
        r = ws.max_row
        for i, value in enumerate(row):
            cell_value, fmt = _xlsx_value(value)
            cell = ws.cell(row=r, column=i + 1, value=cell_value)
            if fmt:
                cell.number_format = fmt
            widths[i] = max(widths[i], _width(value))
    if notes:
        append_row(ws, [])
        for note in notes:
            append_row(ws, [note])
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = min(max(w + 2, 8), 60)
    ws.freeze_panes = "A2"
    return ws


def write_xlsx(path: str, report: YearReport) -> int:
    """The workbook: a summary sheet, then one sheet per table; returns the sheet count."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    meta = [[key, value] for key, value in metadata(report)]
    _sheet(wb, t("report.sheet.summary"), _cols_meta(), meta, [title(report)])
    for section in sections(report):
        for i, table in enumerate(section.tables):
            notes = [table.empty] if table.empty and not table.rows else []
            if i == len(section.tables) - 1:
                notes += list(section.notes)
            _sheet(wb, t(f"report.sheet.{table.sheet}"), table.columns, table.rows, notes)
    wb.properties.title = title(report)
    never_formulas(wb)
    wb.save(path)
    return len(wb.sheetnames)


__all__ = ["Rate", "Section", "Table", "markdown", "metadata", "sections", "title", "write_xlsx"]
