"""The committee's overview for its own report: XLSX, Markdown or JSON (issue 13 §4).

One line per branch the login can see: members, talk coverage, meeting periods missed,
the appraisal's state and its published grades, dues arrears, overdue rectification items
and follow-ups. The XLSX adds the compliance matrix (branch × rule × month, one state
code a cell) and a metadata sheet; Markdown is the table to paste into a report, with the
grades added up under it. Headers follow the interface language (export/sheet.py); JSON
keeps keys and codes. Branch names go out through the neutralising writers: nothing a
name holds is read as a formula or as markup.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import IO, Any

from orglife_tui.domain import label
from orglife_tui.export.files import localized_date, now_utc
from orglife_tui.export.md import md_inline
from orglife_tui.export.sheet import COUNT, Layout, fill_table, for_people, header, shown
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.model import Grade
from orglife_tui.services.overview import BranchOverview, Overview

COLUMNS = (
    "branch",
    "members",
    "talked",
    "missing",
    "appraisal",
    "grade_excellent",  # the published grades, in the order of ``Grade``
    "grade_qualified",
    "grade_basically_qualified",
    "grade_unqualified",
    "arrears_members",
    "arrears_months",
    "overdue_rectifications",
    "overdue_follow_ups",
)
_LAYOUT = Layout(
    kinds={i: COUNT for i, k in enumerate(COLUMNS) if k not in ("branch", "appraisal")}
)
MATRIX_COLUMNS = ("branch", "rule", *(f"m{m:02d}" for m in range(1, 13)))


@dataclass(frozen=True)
class OverviewSheet:
    overview: Overview
    generated_at: datetime = field(default_factory=now_utc)

    @property
    def rows(self) -> tuple[BranchOverview, ...]:
        return self.overview.branches

    def values(self, b: BranchOverview, lang: str) -> list[Any]:
        appraisal = shown(b.appraisal, lang) if b.appraisal else ""
        return [
            b.name,
            b.members,
            b.talked,
            b.missing,
            appraisal,
            *(b.grades.get(g, 0) if b.published else None for g in Grade),
            b.arrears_members,
            b.arrears_months,
            b.overdue_rectifications,
            b.overdue_follow_ups,
        ]

    def metadata(self) -> list[tuple[str, Any]]:
        o = self.overview
        return [
            ("year", o.year),
            ("as_of", o.as_of.isoformat()),
            ("branches", len(o.branches)),
            ("generated_at", self.generated_at.isoformat()),
        ]

    def legend(self) -> list[tuple[str, str]]:
        return [(key, t(f"overview.col.{key}")) for key in COLUMNS]


def write_json(stream: IO[str], sheet: OverviewSheet) -> int:
    o = sheet.overview
    document = {
        "year": o.year,
        "as_of": o.as_of.isoformat(),
        "generated_at": sheet.generated_at.isoformat(),
        "branches": [
            {
                "branch": b.name,
                "members": b.members,
                "talked": b.talked,
                "missing": b.missing,
                "appraisal": b.appraisal.value if b.appraisal else None,
                "grades": {g.value: n for g, n in b.grades.items()} if b.published else None,
                "arrears_members": b.arrears_members,
                "arrears_months": b.arrears_months,
                "overdue_rectifications": b.overdue_rectifications,
                "overdue_follow_ups": b.overdue_follow_ups,
                "calendar": {row.rule: [c.state for c in row.cells] for row in b.calendar},
            }
            for b in o.branches
        ],
    }
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(o.branches)


def write_xlsx(path: str, sheet: OverviewSheet) -> int:
    """The overview sheet, the compliance matrix sheet and a metadata sheet."""
    from openpyxl import Workbook

    from orglife_tui.export.cells import never_formulas
    from orglife_tui.export.scores import write_metadata_sheet

    lang = get_language()
    people = for_people(lang)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t("overview.sheet.branches") if people else "overview")
    head = header(COLUMNS, lang, "overview.col.{}")
    fill_table(ws, head, (sheet.values(b, lang) for b in sheet.rows), _LAYOUT)
    matrix = wb.create_sheet(t("overview.sheet.matrix") if people else "compliance")
    fill_table(
        matrix,
        header(MATRIX_COLUMNS, lang, _matrix_column),
        (
            [b.name, _rule(row.rule, people), *(_state(c.state, people) for c in row.cells)]
            for b in sheet.rows
            for row in b.calendar
        ),
        Layout(kinds={}, freeze="C2"),
    )
    write_metadata_sheet(wb, sheet.metadata(), sheet.legend(), head)
    never_formulas(wb)
    wb.save(path)
    return len(sheet.rows)


def _matrix_column(key: str) -> str:
    if key.startswith("m") and key[1:].isdigit():
        return t("overview.col.month", month=int(key[1:]))
    return t(f"overview.col.{key}")


def _rule(rule: str, people: bool) -> str:
    return t(f"tui.compliance.row.{rule}") if people else rule


def _state(state: str, people: bool) -> str:
    return t(f"tui.compliance.state.{state}") if people else state


def _md(value: Any) -> str:
    return md_inline(None if value is None else str(value))


def markdown(sheet: OverviewSheet) -> str:
    """The table for the committee's report, the grades added up under it."""
    o = sheet.overview
    lang = get_language()
    lines = [f"# {_md(t('overview.md.title', year=o.year))}", ""]
    lines += [t("overview.md.as_of", date=localized_date(o.as_of), count=len(o.branches)), ""]
    if not o.branches:
        lines += [t("overview.empty"), ""]
    else:
        head = [t(f"overview.col.{key}") for key in COLUMNS]
        lines.append("| " + " | ".join(_md(h) for h in head) + " |")
        lines.append("| --- | " + " | ".join("---:" for _ in head[1:]) + " |")
        for b in o.branches:
            values = ["—" if v is None else v for v in sheet.values(b, lang)]
            values[COLUMNS.index("appraisal")] = label(b.appraisal, lang) or "—"
            lines.append("| " + " | ".join(_md(v) for v in values) + " |")
        lines.append("")
    totals = o.grade_totals()
    lines += [
        t("overview.md.grades", **{g.value: totals[g] for g in Grade}),
        "",
        "---",
        "",
        t("overview.md.generated", date=localized_date(sheet.generated_at.date())),
        "",
    ]
    return "\n".join(lines)
