"""Reading CSV and XLSX files into rows of text with their spreadsheet row numbers."""

from __future__ import annotations

import zipfile
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from import_helpers import write_csv, write_xlsx

from orglife_tui.importing import ImportFailed, cell_text, read_sheet
from orglife_tui.locale import set_language


def only_problem(exc: pytest.ExceptionInfo[ImportFailed]) -> str:
    assert len(exc.value.problems) == 1, exc.value.lines()
    return exc.value.lines()[0]


@pytest.mark.parametrize("bom", [False, True])
def test_csv_with_or_without_bom_reads_the_same(tmp_path, bom):
    path = write_csv(tmp_path / "m.csv", [["编号", "姓名"], ["001", "张伟"]], bom=bom)
    sheet = read_sheet(path)
    assert sheet.header == ["编号", "姓名"]  # no BOM glued to the first header
    assert sheet.header_row == 1
    assert sheet.rows == [(2, ["001", "张伟"])]


def test_row_numbers_are_spreadsheet_rows_and_blank_rows_are_skipped(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("编号,姓名,\n001,张伟,\n\n,,\n002,李娜,\n\n\n", encoding="utf-8")
    sheet = read_sheet(path)
    assert sheet.header == ["编号", "姓名"]
    assert sheet.rows == [(2, ["001", "张伟"]), (5, ["002", "李娜"])]


def test_a_quoted_cell_over_two_lines_is_one_row(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text('主题,会议记录\n学习,"第一段\n第二段"\n党课,短\n', encoding="utf-8")
    assert read_sheet(path).rows == [(2, ["学习", "第一段\n第二段"]), (3, ["党课", "短"])]


def test_cells_are_stripped_and_excel_text_formulas_unwrapped(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text('编号,姓名\n="001",  张伟 \n', encoding="utf-8")
    assert read_sheet(path).rows == [(2, ["001", "张伟"])]


def test_tab_separated_text_is_read_too(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("编号\t姓名\n001\t张伟\n", encoding="utf-8")
    assert read_sheet(path).rows == [(2, ["001", "张伟"])]


def test_a_title_row_above_the_header_is_skipped(tmp_path):
    path = write_csv(
        tmp_path / "m.csv", [["第一党支部党员名册", ""], ["编号", "姓名"], ["001", "张伟"]]
    )
    sheet = read_sheet(path)
    assert (sheet.header_row, sheet.header, sheet.rows) == (
        2,
        ["编号", "姓名"],
        [(3, ["001", "张伟"])],
    )


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "gb2312"])
def test_a_csv_saved_by_a_chinese_excel_is_read(tmp_path, encoding):
    """Excel's plain "CSV" on a Chinese Windows is GBK; GB18030 reads it (and GB2312)."""
    path = tmp_path / "名册.csv"
    path.write_bytes("编号,姓名,党小组\n001,张伟,第一党小组\n".encode(encoding))
    sheet = read_sheet(path)
    assert sheet.header == ["编号", "姓名", "党小组"]
    assert sheet.rows == [(2, ["001", "张伟", "第一党小组"])]


def test_a_gb18030_only_character_is_read(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("编号,姓名\n001,王䶮\n002,𠮷野\n".encode("gb18030"))
    assert [cells[1] for _, cells in read_sheet(path).rows] == ["王䶮", "𠮷野"]


def test_utf16_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("编号\t姓名\n".encode("utf-16"))
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display="m.csv")
    assert only_problem(exc) == (
        "m.csv: The file is UTF-16 text, which is not read (only UTF-8 and GB18030/GBK). "
        "In Excel use Save As → “CSV UTF-8 (Comma delimited)”, or save it as .xlsx."
    )


NEITHER = "The file is neither UTF-8 nor GB18030/GBK text: save the sheet as CSV UTF-8 or as .xlsx."


@pytest.mark.parametrize(
    "data",
    [
        bytes([0x89, 0x50, 0x4E, 0x47, 0, 0xFF, 0xFE, 0x00, 0x81]),  # binary junk
        "编号\t姓名\n001\t张伟\n".encode("utf-16-le"),  # UTF-16 without its BOM
        "编号,姓名\n001,张伟\n".encode("utf-16-be"),
        bytes(range(256)) * 4,
    ],
)
def test_neither_utf8_nor_gb18030_is_refused(tmp_path, data):
    path = tmp_path / "m.csv"
    path.write_bytes(data)
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display="m.csv")
    assert only_problem(exc) == f"m.csv: {NEITHER}"


def test_neither_in_chinese(tmp_path):
    path = tmp_path / "m.csv"
    path.write_bytes("编号,姓名\n".encode("utf-16-le"))
    set_language("zh")
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display="m.csv")
    assert only_problem(exc) == (
        "m.csv: 文件既不是 UTF-8 也不是 GB18030/GBK 编码的文本：请将表格另存为 CSV UTF-8 或 .xlsx 文件。"
    )


def test_utf8_with_a_damaged_byte_is_not_read_as_gbk(tmp_path):
    """A few bad bytes in UTF-8 text would decode as GB18030 into nonsense."""
    good = "编号,姓名,党小组\n001,张伟,第一党小组\n002,李娜,第二党小组\n".encode()
    path = tmp_path / "m.csv"
    path.write_bytes(good[:-8] + b"\xff" + good[-7:])
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display="m.csv")
    assert only_problem(exc) == (
        "m.csv: The file is UTF-8 text with damaged bytes (line 3); open it in Excel and save "
        "it again as CSV UTF-8 or .xlsx."
    )


@pytest.mark.parametrize(
    "name, content, expected",
    [
        (
            "m.xls",
            b"x",
            "Cannot import '.xls' files: save the sheet as .xlsx or as CSV UTF-8 (.csv).",
        ),
        ("m.csv", None, "No such file."),
        ("m.csv", b"", "The file (or its first sheet) is empty."),
        ("m.csv", b"\xef\xbb\xbf\r\n \r\n", "The file (or its first sheet) is empty."),
        ("m.csv", "第一党支部党员名册\n".encode(), "No header row found."),
        (
            "m.xlsx",
            b"PK\x03\x04 not really a zip",
            "Not a readable Excel workbook (.xlsx); open it in Excel and save it again.",
        ),
        (
            "m.xlsx",
            "编号,姓名\n001,张伟\n".encode(),
            "Not a readable Excel workbook (.xlsx); open it in Excel and save it again.",
        ),
    ],
)
def test_unreadable_files_get_one_clear_line(tmp_path, name, content, expected):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display=name)
    assert only_problem(exc) == f"{name}: {expected}"


def test_a_directory_is_not_a_file(tmp_path):
    (tmp_path / "d.csv").mkdir()
    with pytest.raises(ImportFailed) as exc:
        read_sheet(tmp_path / "d.csv", display="d.csv")
    assert only_problem(exc) == "d.csv: This is a directory, not a file."


def test_a_zip_that_is_no_workbook_is_refused(tmp_path):
    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display="m.xlsx")
    assert "Not a readable Excel workbook" in only_problem(exc)


def test_xlsx_cells_become_the_text_a_person_typed(tmp_path):
    path = write_xlsx(
        tmp_path / "m.xlsx",
        [
            ["编号(member_no)", "姓名", "出生日期", "入党日期", "联系电话", "分数", "文本"],
            [1.0, "张伟", date(1980, 1, 2), datetime(2001, 7, 1, 0, 0), 13800138000, 3.5, " 党员 "],
            [7, "李娜", datetime(2001, 7, 1, 9, 30), None, 13900139000.0, 0.1, None],
        ],
        formats={"A3": "000"},
    )
    sheet = read_sheet(path)
    assert sheet.header[0] == "编号(member_no)"
    assert sheet.rows == [
        (2, ["1", "张伟", "1980-01-02", "2001-07-01", "13800138000", "3.5", "党员"]),
        (3, ["007", "李娜", "2001-07-01 09:30:00", "", "13900139000", "0.1"]),
    ]


def test_xlsx_reads_the_first_sheet_and_keeps_row_numbers_across_gaps(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    first = book.active
    first["A1"], first["B1"] = "编号", "姓名"
    first["A4"], first["B4"] = "004", "赵六"
    other = book.create_sheet("其他")
    other["A1"] = "should not be read"
    book.save(tmp_path / "m.xlsx")
    sheet = read_sheet(tmp_path / "m.xlsx")
    assert sheet.header == ["编号", "姓名"]
    assert sheet.rows == [(4, ["004", "赵六"])]


def test_an_empty_workbook_is_empty(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [])
    with pytest.raises(ImportFailed) as exc:
        read_sheet(path, display="m.xlsx")
    assert only_problem(exc) == "m.xlsx: The file (or its first sheet) is empty."


@pytest.mark.parametrize(
    "value, fmt, text",
    [
        (None, None, ""),
        (True, None, "TRUE"),
        (date(2026, 3, 5), None, "2026-03-05"),
        (datetime(2026, 3, 5), None, "2026-03-05"),
        (datetime(2026, 3, 5, 14, 30), None, "2026-03-05 14:30:00"),
        (time(14, 30), None, "14:30:00"),
        (1, None, "1"),
        (1.0, None, "1"),
        (1.0, "000", "001"),
        (12, "00000", "00012"),
        (12, "0.00", "12"),
        (13800138000.0, None, "13800138000"),
        (1e-7, None, "0.0000001"),
        (2.5, None, "2.5"),
        (Decimal("3.10"), None, "3.10"),
        ("  正式党员 ", None, "正式党员"),
    ],
)
def test_cell_text(value, fmt, text):
    assert cell_text(value, fmt) == text


def test_the_header_is_found_below_title_rows_of_any_shape(tmp_path):
    """A title, a date line and a two-cell 填报 line: the header is the row that names
    columns (the caller's test), not the first row with two cells."""
    path = write_csv(
        tmp_path / "m.csv",
        [
            ["第一党支部党员花名册", "", ""],
            [],
            ["填报单位：第一党支部", "", "截至2026年11月"],
            ["编号", "姓名", "类别"],
            ["001", "张伟", "正式党员"],
        ],
    )
    sheet = read_sheet(path, is_header=lambda cells: cells[:2] == ["编号", "姓名"])
    assert (sheet.header_row, sheet.header, sheet.rows) == (
        4,
        ["编号", "姓名", "类别"],
        [(5, ["001", "张伟", "正式党员"])],
    )
    assert read_sheet(path).header_row == 3  # without the test: the first row of two cells


def test_the_header_is_looked_for_in_the_first_ten_rows_only(tmp_path):
    rows = [[f"说明{i}", "x"] for i in range(10)] + [["编号", "姓名"], ["001", "张伟"]]
    path = write_csv(tmp_path / "m.csv", rows)
    sheet = read_sheet(path, is_header=lambda cells: cells[0] == "编号")
    assert sheet.header_row == 1  # not found: the first row that is no single-cell title


def test_a_cell_merged_down_gives_its_value_to_each_row(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["花名册"])
    sheet.merge_cells("A1:C1")
    sheet.append(["编号", "姓名", "党小组"])
    for no, name in (("001", "张伟"), ("002", "李娜"), ("003", "王芳")):
        sheet.append([no, name, "第一党小组" if no == "001" else None])
    sheet.merge_cells("C3:C5")
    book.save(tmp_path / "m.xlsx")
    read = read_sheet(tmp_path / "m.xlsx")
    assert (read.header_row, read.header) == (2, ["编号", "姓名", "党小组"])
    assert [cells for _, cells in read.rows] == [
        ["001", "张伟", "第一党小组"],
        ["002", "李娜", "第一党小组"],
        ["003", "王芳", "第一党小组"],
    ]


def test_a_sheet_starting_lower_down_keeps_its_row_numbers_and_columns(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["B3"], sheet["C3"] = "编号", "姓名"
    sheet["B4"], sheet["C4"] = "001", "张伟"
    book.save(tmp_path / "m.xlsx")
    read = read_sheet(tmp_path / "m.xlsx")
    assert (read.header_row, read.header, read.rows) == (
        3,
        ["", "编号", "姓名"],
        [(4, ["", "001", "张伟"])],
    )
