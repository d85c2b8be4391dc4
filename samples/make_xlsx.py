"""Write samples/members.xlsx and samples/roster-gbk.csv from samples/members.csv.

members.xlsx is the roster the way a secretary's workbook is: dates are date cells, phone
numbers are numbers, member numbers are text shown with their leading zeros, and the
headers combine both names (``编号(member_no)``).

roster-gbk.csv is the same roster as another system exports it and a Chinese Excel saves
it (GB18030): a title and a date line above the header, a running number 序号 instead of
编号, columns the app does not keep (民族, 籍贯, 学历, 身份证号 masked, 行政职务, 备注),
ordinary members' post written 党员 or left blank, and dates in the forms people type.

Run it from the repository root after changing members.csv:  python samples/make_xlsx.py
"""

from __future__ import annotations

import csv
import io
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
ROSTER_HEADER = [
    "序号", "姓名", "性别", "民族", "出生日期", "籍贯", "学历", "身份证号", "入党日期",
    "转正日期", "人员类别", "所在党小组", "党内职务", "行政职务", "手机号", "备注",
]  # fmt: skip
EDUCATION = ("本科", "大专", "硕士研究生", "本科")


def main() -> None:
    with open(HERE / "members.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    write_workbook(rows)
    write_gbk_roster(rows)


def _date_forms(i: int, text: str) -> str:
    """The same date as different people type it: 1972.05.16, 1980/3/8, 1985年5月5日 …"""
    if not text:
        return ""
    d = date.fromisoformat(text)
    forms = (
        f"{d.year}.{d.month:02d}.{d.day:02d}",
        f"{d.year}/{d.month}/{d.day}",
        f"{d.year}年{d.month}月{d.day}日",
        f"{d.year}{d.month:02d}{d.day:02d}",
        f"{d.year}-{d.month}-{d.day}",
        d.isoformat(),
    )
    return forms[i % len(forms)]


def write_gbk_roster(rows: list[dict[str, str]]) -> None:
    out = io.StringIO()
    sheet = csv.writer(out, lineterminator="\r\n")
    width = len(ROSTER_HEADER)
    sheet.writerow(["第一党支部党员花名册"] + [""] * (width - 1))
    sheet.writerow(["截至2026年11月"] + [""] * (width - 1))
    sheet.writerow(ROSTER_HEADER)
    for i, row in enumerate(rows):
        post = row["职务"] or ("党员" if i % 2 else "")
        masked_id = f"330102{row['出生日期'][:4]}********"  # a sample: never a real number
        sheet.writerow(
            [
                int(row["编号"]),
                row["姓名"],
                row["性别"],
                "汉族",
                _date_forms(i, row["出生日期"]),
                "浙江杭州",
                EDUCATION[i % len(EDUCATION)],
                masked_id,
                _date_forms(i + 1, row["入党日期"]),
                _date_forms(i + 2, row["转正日期"]),
                row["类别"],
                row["党小组"],
                post,
                "科员" if i % 3 else "",
                row["联系电话"],
                "退役军人" if i == 8 else "",
            ]
        )
    (HERE / "roster-gbk.csv").write_bytes(out.getvalue().encode("gb18030"))


def write_workbook(rows: list[dict[str, str]]) -> None:
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
