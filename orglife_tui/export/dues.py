"""The dues register (党费收缴台账) of a year as CSV (UTF-8 with BOM), JSON, XLSX or Markdown.

One line per member in the branch during the year (up to the as-of day): the monthly
standard, what was paid for each month of the year (a payment's amount split evenly over
the months it covers), the year's total, the month paid until, and the months in arrears
with the amount owed — all as of the register's day (31 December of a past year, today for
the current one), counting only payments made by then, so a past year's register does not
change when later payments are recorded.

CSV and XLSX follow the interface language (export/sheet.py): Chinese headers under zh,
stable English keys under en; JSON always keeps the keys. Amounts are yuan with two
decimals (text in CSV and JSON, numbers in XLSX). Markdown is the register to print, in
the user's language: a month shows the amount paid, ``欠``/``owed`` when it is in arrears
and ``—`` when the member owed nothing for it (not yet in the branch, away, left, exempt,
or no standard).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from orglife_tui.data.dues import RegisterRow, yuan
from orglife_tui.domain import month_key
from orglife_tui.export.cells import csv_writer, never_formulas
from orglife_tui.export.files import localized_date, now_utc
from orglife_tui.export.md import md_inline
from orglife_tui.export.sheet import COUNT, MONEY, Layout, fill_table, for_people, header
from orglife_tui.locale import get_language, t

MONTH_KEYS = tuple(f"m{m:02d}" for m in range(1, 13))
DUES_COLUMNS = (
    "member_no",
    "name",
    "standard",
    *MONTH_KEYS,
    "total",
    "paid_until",
    "arrears_months",
    "owed",
    "arrears",
)
_LAYOUT = Layout(
    kinds={
        **{DUES_COLUMNS.index(k): MONEY for k in ("standard", *MONTH_KEYS, "total", "owed")},
        DUES_COLUMNS.index("arrears_months"): COUNT,
    },
    freeze="C2",
)


@dataclass(frozen=True)
class DuesRegister:
    branch: str
    year: int
    as_of: date
    rows: Sequence[RegisterRow]
    generated_at: datetime = field(default_factory=now_utc)

    def months(self) -> list[str]:
        return [month_key(self.year, m) for m in range(1, 13)]

    def values(self, row: RegisterRow) -> list[str]:
        """The row's cells as text: amounts in yuan, months ``YYYY-MM``."""
        st = row.state
        paid = [yuan(row.paid[m]) if m in row.paid else "" for m in self.months()]
        return [
            row.member_no,
            row.name,
            yuan(st.standard),
            *paid,
            yuan(row.total),
            st.paid_until or "",
            str(len(st.arrears)) if st.has_record else "",
            yuan(st.owed) if st.has_record else "",
            ";".join(st.arrears),
        ]

    def totals(self) -> tuple[int, int, int]:
        """(paid for the year's months, owed, members in arrears), in fen."""
        paid = sum(r.total for r in self.rows)
        owed = sum(r.state.owed for r in self.rows)
        return paid, owed, sum(1 for r in self.rows if r.state.arrears)

    def metadata(self) -> list[tuple[str, Any]]:
        paid, owed, behind = self.totals()
        return [
            ("branch", self.branch),
            ("year", self.year),
            ("as_of", self.as_of.isoformat()),
            ("members", len(self.rows)),
            ("paid", yuan(paid)),
            ("owed", yuan(owed)),
            ("members_in_arrears", behind),
            ("generated_at", self.generated_at.isoformat()),
        ]

    def header(self, lang: str) -> list[str]:
        return header(DUES_COLUMNS, lang, _column_name)

    def legend(self) -> list[tuple[str, str]]:
        out = []
        for key in DUES_COLUMNS:
            if key in MONTH_KEYS:
                out.append((key, t("dues.export.col.month", month=int(key[1:]))))
            else:
                out.append((key, t(f"dues.export.col.{key}")))
        return out


def _column_name(key: str) -> str:
    """A column's name for people: a month as the printed register names it (``3月``)."""
    if key in MONTH_KEYS:
        return t("dues.export.md.month", month=int(key[1:]))
    return t(f"dues.export.col.{key}")


def write_csv(stream: IO[str], register: DuesRegister) -> int:
    writer = csv_writer(stream)
    writer.writerow(register.header(get_language()))
    for row in register.rows:
        writer.writerow(register.values(row))
    return len(register.rows)


def json_document(register: DuesRegister) -> dict[str, Any]:
    paid, owed, behind = register.totals()
    return {
        "branch": register.branch,
        "year": register.year,
        "as_of": register.as_of.isoformat(),
        "generated_at": register.generated_at.isoformat(),
        "paid": yuan(paid),
        "owed": yuan(owed),
        "members_in_arrears": behind,
        "rows": [
            {
                "member_no": row.member_no,
                "name": row.name,
                "standard": yuan(row.state.standard) or None,
                "months": {m: yuan(row.paid[m]) for m in register.months() if m in row.paid},
                "owed_months": list(row.owed_months),
                "total": yuan(row.total),
                "paid_until": row.state.paid_until,
                "arrears": list(row.state.arrears),
                "owed": yuan(row.state.owed) if row.state.has_record else None,
            }
            for row in register.rows
        ],
    }


def write_json(stream: IO[str], register: DuesRegister) -> int:
    json.dump(json_document(register), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(register.rows)


def _number(text: str) -> float | str | None:
    """An amount cell of the workbook: a number Excel can add up."""
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        return text


def write_xlsx(path: str, register: DuesRegister) -> int:
    """A dues sheet (a frozen header in the interface language, one row per member, amounts
    as numbers) and a ``metadata`` sheet (branch, year, as-of, totals; then what each
    column means)."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    lang = get_language()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(t("export.sheet.dues") if for_people(lang) else "dues")
    head = register.header(lang)
    fill_table(ws, head, (register.values(row) for row in register.rows), _LAYOUT)
    write_metadata_sheet(wb, register.metadata(), register.legend(), head)
    never_formulas(wb)
    wb.save(path)
    return len(register.rows)


def _md(value: Any) -> str:
    """A value as one Markdown table cell: nothing typed is read as markup."""
    return md_inline(None if value is None else str(value))


def markdown(register: DuesRegister) -> str:
    """The register to print: a table of the year's months per member, then the totals."""
    title = t("dues.export.md.title", branch=register.branch, year=register.year)
    lines = [f"# {_md(title)}", ""]
    lines += [t("dues.export.md.as_of", date=localized_date(register.as_of)), ""]
    months = register.months()
    header = [
        t("dues.export.md.member_no"),
        t("dues.export.md.name"),
        t("dues.export.md.standard"),
        *(t("dues.export.md.month", month=m) for m in range(1, 13)),
        t("dues.export.md.total"),
        t("dues.export.md.paid_until"),
        t("dues.export.md.arrears"),
    ]
    if not register.rows:
        lines += [t("dues.export.md.empty"), ""]
    else:
        lines.append("| " + " | ".join(_md(h) for h in header) + " |")
        lines.append("| --- | --- | " + " | ".join(["---:"] * (len(header) - 2)) + " |")
        owed_word = t("dues.export.md.owed")
        for row in register.rows:
            arrears = set(row.state.arrears)
            cells = []
            for m in months:
                if m in row.paid:
                    cells.append(yuan(row.paid[m]))
                elif m in arrears:
                    cells.append(owed_word)
                elif m in row.owed_months:
                    cells.append("")  # owed, not yet due
                else:
                    cells.append("—")
            st = row.state
            behind = (
                t("dues.export.md.arrears_cell", months=len(st.arrears), owed=yuan(st.owed))
                if st.arrears
                else ("" if st.has_record else t("dues.note.no_standard"))
            )
            line = [
                row.member_no,
                row.name,
                yuan(st.standard) if st.standard is not None else "—",
                *cells,
                yuan(row.total),
                st.paid_until or "—",
                behind,
            ]
            lines.append("| " + " | ".join(_md(c) for c in line) + " |")
        lines.append("")
    paid, owed, behind_count = register.totals()
    lines += [
        t(
            "dues.export.md.totals",
            members=len(register.rows),
            paid=yuan(paid),
            behind=behind_count,
            owed=yuan(owed),
        ),
        "",
        t("dues.export.md.rule"),
        "",
        "---",
        "",
        t("dues.export.md.generated", date=localized_date(register.generated_at.date())),
        "",
    ]
    return "\n".join(lines)


__all__ = [
    "DUES_COLUMNS",
    "DuesRegister",
    "json_document",
    "markdown",
    "write_csv",
    "write_json",
    "write_xlsx",
]
