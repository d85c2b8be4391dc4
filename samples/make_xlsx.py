"""Write samples/members.xlsx from samples/members.csv, the way a secretary's workbook is.

Dates are date cells, phone numbers are numbers, member numbers are text shown with their
leading zeros, and the headers combine both names (``编号(member_no)``). Run it from the
repository root after changing members.csv:  python samples/make_xlsx.py
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
KEYS = {
    "编号": "member_no",
    "姓名": "name",
    "性别": "gender",
    "出生日期": "birth_date",
    "入党日期": "join_date",
    "转正日期": "full_date",
    "类别": "status",
    "党小组": "group",
    "职务": "post",
    "联系电话": "phone",
    "党费交至": "dues_paid_until",
}
DATES = {"出生日期", "入党日期", "转正日期"}


def main() -> None:
    with open(HERE / "members.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    book = Workbook()
    sheet = book.active
    sheet.title = "党员名册"
    headers = list(rows[0])
    sheet.append([f"{h}({KEYS[h]})" for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values: list[object] = []
        for h in headers:
            text = row[h]
            if h in DATES and text:
                values.append(date.fromisoformat(text))
            elif h == "联系电话" and text:
                values.append(int(text))
            else:
                values.append(text or None)
        sheet.append(values)
    for r in range(2, sheet.max_row + 1):
        sheet.cell(r, 1).number_format = "@"
        for c, h in enumerate(headers, start=1):
            if h in DATES:
                sheet.cell(r, c).number_format = "yyyy-mm-dd"
    for c, width in enumerate((8, 10, 6, 12, 12, 12, 10, 12, 10, 14, 10), start=1):
        sheet.column_dimensions[sheet.cell(1, c).column_letter].width = width + 8
    # A fixed creation time keeps the file the same from one run to the next.
    book.properties.created = book.properties.modified = datetime(2026, 1, 1)
    book.save(HERE / "members.xlsx")


if __name__ == "__main__":
    main()
