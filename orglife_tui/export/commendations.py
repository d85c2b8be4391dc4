"""The commendation register (评先评优) of a year as CSV (UTF-8 with BOM), XLSX or JSON.

CSV and XLSX head their columns in the user's language (the register goes to the higher
committee as it is); JSON keeps stable English keys for machines. Names, awards and notes
came from outside: no cell can become a formula (``export.cells``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import IO, Any

from orglife_tui.data.appraisal.commendations import CommendationRow
from orglife_tui.export.cells import append_row, csv_writer, never_formulas
from orglife_tui.export.files import now_utc, xlsx_row
from orglife_tui.locale import t

COLUMNS = ("year", "session", "member_no", "name", "award", "note")
# Column widths of the XLSX sheet, in characters (a CJK character counts two).
WIDTHS = {"year": 8, "session": 10, "member_no": 12, "name": 12, "award": 24, "note": 40}


@dataclass(frozen=True)
class CommendationRegister:
    branch: str
    year: int
    as_of: date
    rows: Sequence[CommendationRow]
    generated_at: datetime = field(default_factory=now_utc)

    def headers(self) -> list[str]:
        return [t(f"commendation.col.{key}") for key in COLUMNS]

    def values(self, row: CommendationRow) -> list[Any]:
        return [row.year, row.session_id, row.member_no, row.name, row.award, row.note]


def write_csv(stream: IO[str], register: CommendationRegister) -> int:
    writer = csv_writer(stream)
    writer.writerow(register.headers())
    for row in register.rows:
        writer.writerow(["" if v is None else v for v in register.values(row)])
    return len(register.rows)


def json_document(register: CommendationRegister) -> dict[str, Any]:
    return {
        "branch": register.branch,
        "year": register.year,
        "as_of": register.as_of.isoformat(),
        "generated_at": register.generated_at.isoformat(),
        "rows": [dict(zip(COLUMNS, register.values(row), strict=True)) for row in register.rows],
    }


def write_json(stream: IO[str], register: CommendationRegister) -> int:
    json.dump(json_document(register), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(register.rows)


def write_xlsx(path: str, register: CommendationRegister) -> int:
    """One sheet: a title line, the frozen header, one row per member (year and session as
    numbers); widths fit the Chinese headers."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "commendations"
    append_row(ws, [t("commendation.export.title", branch=register.branch, year=register.year)])
    append_row(ws, register.headers())
    for row in register.rows:
        append_row(ws, xlsx_row(register.values(row)))
    for i, key in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS[key]
    ws.freeze_panes = "A3"
    never_formulas(wb)
    wb.save(path)
    return len(register.rows)
