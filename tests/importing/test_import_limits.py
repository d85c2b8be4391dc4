"""A file from outside cannot hold the server (issue 10, hostile files): a file far larger
than any branch's list, a workbook that unpacks to gigabytes and a sheet with a value at
its far corner are refused at once with a message saying what to do; a cell that is only
formatted far away does not count."""

from __future__ import annotations

import io
import zipfile

import pytest
from import_helpers import write_csv
from openpyxl import Workbook
from openpyxl.styles import Border, Side

from orglife_tui.importing import reader
from orglife_tui.importing.problems import ImportFailed
from orglife_tui.importing.reader import read_sheet


def refusal(path) -> str:
    with pytest.raises(ImportFailed) as info:
        read_sheet(path)
    [problem] = info.value.problems
    return problem.key


def roster_book() -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "姓名", "类别"])
    ws.append(["001", "张伟", "正式党员"])
    return wb


def test_a_value_at_the_far_corner_is_refused_at_once(tmp_path):
    wb = roster_book()
    wb.active.cell(row=1_048_576, column=16_384, value="x")
    wb.save(tmp_path / "far.xlsx")
    assert refusal(tmp_path / "far.xlsx") == "import.sheet_too_big"


def with_merge(tmp_path, ref: str, name: str = "merged.xlsx"):
    """A roster whose sheet declares the merge ``ref`` (written into the XML directly: the
    library itself would take minutes to build a merge over the whole sheet)."""
    wb = roster_book()
    wb.active.merge_cells("D2:D3")
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            part = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = part.replace(b'ref="D2:D3"', f'ref="{ref}"'.encode())
            zout.writestr(info, part)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


def test_a_merge_over_the_whole_sheet_is_refused_before_it_is_loaded(tmp_path):
    # Loaded, this 5 KB file takes the memory of the server (one object per merged cell).
    assert refusal(with_merge(tmp_path, "D2:XFD1048576")) == "import.sheet_too_big"


def test_merged_areas_count_cell_by_cell(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_CELLS", 1_000)
    assert refusal(with_merge(tmp_path, "D2:Z200")) == "import.too_many_cells"
    assert read_sheet(with_merge(tmp_path, "D2:D20", "small.xlsx")).header == [
        "编号",
        "姓名",
        "类别",
    ]


def test_a_cell_only_formatted_far_away_does_not_count(tmp_path):
    wb = roster_book()
    wb.active.cell(row=65_536, column=3).border = Border(bottom=Side(style="thin"))
    wb.save(tmp_path / "styled.xlsx")
    sheet = read_sheet(tmp_path / "styled.xlsx")
    assert sheet.rows == [(2, ["001", "张伟", "正式党员"])]


def test_a_workbook_that_unpacks_too_large_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_UNPACKED_BYTES", 1024 * 1024)
    buf = io.BytesIO()
    roster_book().save(buf)
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/padding.bin", b"\0" * (2 * 1024 * 1024))  # 2 MB of zeros: a few KB
    (tmp_path / "bomb.xlsx").write_bytes(buf.getvalue())
    assert (tmp_path / "bomb.xlsx").stat().st_size < 64 * 1024
    assert refusal(tmp_path / "bomb.xlsx") == "import.unpacks_too_large"


def test_a_file_far_larger_than_a_list_is_refused_unread(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1024)
    path = write_csv(tmp_path / "big.csv", [["编号", "姓名"], *([["001", "张伟" * 20]] * 50)])
    assert refusal(path) == "import.too_large"


def test_a_csv_with_too_many_rows_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "MAX_ROWS", 10)
    path = write_csv(tmp_path / "long.csv", [["编号", "姓名"], *([["001", "张伟"]] * 20)])
    assert refusal(path) == "import.sheet_too_big"
