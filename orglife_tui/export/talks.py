"""Heart-to-heart talk records as CSV (UTF-8 with BOM), JSON, XLSX or Markdown.

CSV and XLSX follow the interface language (export/sheet.py): under zh Chinese headers and
values (谈心谈话 types, forms, posts, 是/否); under en, like JSON always, stable English keys
and values (``routine``, ``one_to_one``, post keys such as ``secretary``). The XLSX
``metadata`` sheet names every column in the user's language. Markdown is the register
to print or paste, one section per talk, in the user's language. The texts of
confidential talks are empty and ``redacted`` is true unless the export was asked to
include them (the caller audits that before writing). A talk whose texts the exporting
user cannot see (``texts_hidden``) has them empty whatever was asked, and says so: in the
content cell of CSV and XLSX and in its Markdown section.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from orglife_tui.data.talks import TalkRow
from orglife_tui.domain import label
from orglife_tui.domain.talks import TALK_COLUMNS, step_label, talkers_label, talkers_text
from orglife_tui.export.cells import csv_writer, never_formulas
from orglife_tui.export.files import localized_date, now_utc
from orglife_tui.export.md import md_lines
from orglife_tui.export.sheet import COUNT, DATE, Layout, fill_table, for_people, header, shown
from orglife_tui.locale import t

_TYPE, _FORM, _TALKERS, _STEP = (
    TALK_COLUMNS.index(k) for k in ("type", "form", "talkers", "absence_step")
)
_FLAGS = tuple(TALK_COLUMNS.index(k) for k in ("confidential", "redacted", "texts_hidden"))
_CONTENT = TALK_COLUMNS.index("content")
_LAYOUT = Layout(
    kinds={
        TALK_COLUMNS.index("id"): COUNT,
        **{TALK_COLUMNS.index(k): DATE for k in ("date", "action_deadline", "follow_up_date")},
    },
    freeze="E2",
)

# The texts a Markdown section shows under their own heading, in this order.
_MD_TEXTS = ("trigger", "content", "problems", "difficulties", "opinions", "actions")


@dataclass(frozen=True)
class TalkExport:
    branch: str
    lang: str
    rows: Sequence[TalkRow]  # oldest first
    year: int | None = None
    include_confidential: bool = False
    generated_at: datetime = field(default_factory=now_utc)

    def values(self, row: TalkRow) -> list[Any]:
        """The talk's cells as plain values (text, numbers, a bool, None), dates ISO."""

        def day(d) -> str | None:
            return d.isoformat() if d else None

        return [
            row.id,
            row.date.isoformat(),
            row.member_no,
            row.member_name,
            row.type.value,
            row.form.value,
            talkers_text(row.talkers),
            row.place,
            row.recorder,
            row.trigger,
            row.content,
            row.problems,
            row.difficulties,
            row.opinions,
            row.actions,
            day(row.action_deadline),
            day(row.follow_up_date),
            row.follow_up_result,
            row.confidential,
            row.absence_from,
            row.absence_step,
            row.redacted,
            row.texts_hidden,
        ]

    def shown_values(self, row: TalkRow) -> list[Any]:
        """As ``values``, for people: the content cell of a talk whose texts are hidden says
        so; under zh labels for the codes, 是/否 for the flags."""
        cells = self.values(row)
        if row.texts_hidden:
            cells[_CONTENT] = t("talk_text.hidden")
        lang = self.lang
        if not for_people(lang):
            return cells
        cells[_TYPE] = shown(row.type, lang)
        cells[_FORM] = shown(row.form, lang)
        cells[_TALKERS] = talkers_label(row.talkers, lang)
        cells[_STEP] = step_label(row.absence_step, lang) or None
        for i in _FLAGS:
            cells[i] = shown(cells[i], lang)
        return cells

    def metadata(self) -> list[tuple[str, Any]]:
        return [
            ("branch", self.branch),
            ("year", self.year if self.year is not None else ""),
            ("talks", len(self.rows)),
            ("confidential", sum(1 for r in self.rows if r.confidential)),
            ("confidential_included", self.include_confidential),
            ("generated_at", self.generated_at.isoformat()),
        ]


def write_csv(stream: IO[str], export: TalkExport) -> int:
    writer = csv_writer(stream)
    writer.writerow(header(TALK_COLUMNS, export.lang, "talks.col.{}"))
    for row in export.rows:
        cells = export.shown_values(row)
        writer.writerow(["" if v is None else int(v) if isinstance(v, bool) else v for v in cells])
    return len(export.rows)


def json_document(export: TalkExport) -> dict[str, Any]:
    talks = []
    for row in export.rows:
        record = dict(zip(TALK_COLUMNS, export.values(row)))
        record["talkers"] = [
            {"name": k.name, "post": k.post, "member_no": k.member_no} for k in row.talkers
        ]
        talks.append(record)
    return {
        "branch": export.branch,
        "year": export.year,
        "generated_at": export.generated_at.isoformat(),
        "confidential_included": export.include_confidential,
        "talks": talks,
    }


def write_json(stream: IO[str], export: TalkExport) -> int:
    json.dump(json_document(export), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(export.rows)


def write_xlsx(path: str, export: TalkExport) -> int:
    """A talks sheet (a frozen header in the interface language, one row per talk, dates as
    dates) and a ``metadata`` sheet (branch, year, counts; then what each column means in
    the user's language)."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t("export.sheet.talks") if for_people(export.lang) else "talks")
    head = header(TALK_COLUMNS, export.lang, "talks.col.{}")
    fill_table(ws, head, (export.shown_values(row) for row in export.rows), _LAYOUT)
    legend = [(key, t(f"talks.col.{key}")) for key in TALK_COLUMNS]
    write_metadata_sheet(wb, export.metadata(), legend, head)
    never_formulas(wb)
    wb.save(path)
    return len(export.rows)


# ---------------------------------------------------------------------------- Markdown


def _md(text: str | None) -> str:
    """A text as Markdown paragraphs: kept line breaks, nothing read as markup."""
    return md_lines(text)


def _section(export: TalkExport, row: TalkRow) -> list[str]:
    lang = export.lang
    head = t(
        "talks.export.md.heading",
        id=row.id,
        date=row.date.isoformat(),
        member_no=row.member_no,
        name=row.member_name,
        type=label(row.type, lang),
    )
    lines = [f"## {_md(head)}", ""]
    facts: list[tuple[str, str]] = [
        (t("talks.col.form"), label(row.form, lang)),
        (t("talks.col.talkers"), talkers_label(row.talkers, lang)),
    ]
    if row.place:
        facts.append((t("talks.col.place"), row.place))
    if row.recorder:
        facts.append((t("talks.col.recorder"), row.recorder))
    if row.action_deadline:
        facts.append((t("talks.col.action_deadline"), localized_date(row.action_deadline)))
    if row.follow_up_date:
        facts.append((t("talks.col.follow_up_date"), localized_date(row.follow_up_date)))
    if row.absence_from:
        case = row.absence_from
        if row.absence_step:
            case += f" · {step_label(row.absence_step, lang)}"
        facts.append((t("talks.export.md.absence_case"), case))
    if row.confidential:
        facts.append((t("talks.col.confidential"), t("talks.yes")))
    sep = t("talks.show.separator")
    lines += [f"- **{_md(name)}**{sep}{_md(value)}" for name, value in facts]
    lines.append("")
    if row.texts_hidden:
        return [*lines, f"*{_md(t('talk_text.hidden'))}*", ""]
    if row.redacted:
        return [*lines, f"*{t('talks.redacted')}*", ""]
    for name in (*_MD_TEXTS, "follow_up_result"):
        value = getattr(row, name)
        if value:
            lines += [f"**{t(f'talks.col.{name}')}**", "", _md(value), ""]
    return lines


def markdown(export: TalkExport) -> str:
    if export.year is None:
        title = t("talks.export.md.title_all", branch=export.branch)
    else:
        title = t("talks.export.md.title", branch=export.branch, year=export.year)
    lines = [f"# {_md(title)}", ""]
    confidential = sum(1 for r in export.rows if r.confidential)
    lines += [t("talks.export.md.count", count=len(export.rows)), ""]
    if confidential:
        key = "included" if export.include_confidential else "left_out"
        lines += [t(f"talks.export.md.confidential_{key}", count=confidential), ""]
    if not export.rows:
        lines += [t("talks.none"), ""]
    for row in export.rows:
        lines += _section(export, row)
    lines += [
        "---",
        "",
        t("talks.export.md.generated", date=localized_date(export.generated_at.date())),
        "",
    ]
    return "\n".join(lines)


__all__ = [
    "TALK_COLUMNS",
    "TalkExport",
    "json_document",
    "markdown",
    "write_csv",
    "write_json",
    "write_xlsx",
]
