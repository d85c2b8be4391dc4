"""Reading a spreadsheet: a CSV (UTF-8) or the first sheet of an XLSX workbook, as text.

The result is the header row and the data rows as lists of cell texts, each with the row
number a spreadsheet program shows (the header is normally row 1). Cells that a workbook
stores as dates or numbers become the text a person would have typed: a date cell
``2001-07-01``, a member number stored as the number 1.0 ``1``, a phone number
``13800138000``. Anything unreadable raises ``ImportFailed`` with one clear problem.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from orglife_tui.importing.problems import ImportFailed, Problem

CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")

# Rows above the header that hold a single cell are a sheet's title ("第一党支部党员名册").
MAX_TITLE_ROWS = 3


@dataclass(frozen=True)
class Sheet:
    """The cells of a file, as text: a header row and the non-blank rows below it."""

    file: str  # the name to show in problems, as the user gave it
    header_row: int
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cell texts, no trailing "")


def read_sheet(path: str | Path, display: str | None = None) -> Sheet:
    """The header and data rows of a CSV or XLSX file; raises ImportFailed when unreadable."""
    path = Path(path)
    name = display if display is not None else str(path)

    def fail(key: str, row: int | None = None, **params: object) -> ImportFailed:
        return ImportFailed([Problem(name, row, key, params)])

    suffix = path.suffix.lower()
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise fail("import.unsupported_type", suffix=suffix or path.name)
    if not path.exists():
        raise fail("import.no_such_file")
    if path.is_dir():
        raise fail("import.is_directory")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fail("import.cannot_read", reason=exc.strerror or str(exc)) from None
    if not data.strip():
        raise fail("import.empty")
    raw_rows = _xlsx_rows(data, fail) if suffix in XLSX_SUFFIXES else _csv_rows(data, fail)
    return _sheet(name, raw_rows, fail)


def _sheet(name, raw_rows, fail) -> Sheet:
    header_row = 0
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    titles = 0
    for number, cells in raw_rows:
        while cells and not cells[-1]:  # a trailing empty column; XLSX rows come ragged
            cells = cells[:-1]
        if not cells:
            continue
        if header_row:
            rows.append((number, cells))
            continue
        if sum(1 for c in cells if c) == 1 and titles < MAX_TITLE_ROWS:
            titles += 1  # a title above the header: no import has a single column
            continue
        header_row, header = number, cells
    if not header_row:
        raise fail("import.no_header" if titles else "import.empty")
    return Sheet(file=name, header_row=header_row, header=header, rows=rows)


# ---------------------------------------------------------------------------- CSV

_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.S)  # ="001": Excel's way to keep leading zeros


def _decode(data: bytes, fail) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("import.not_utf8", encoding="UTF-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        encoding = "?"
        try:
            data.decode("gb18030")
            encoding = "GBK"
        except UnicodeDecodeError:
            pass
        if encoding == "?":
            raise fail("import.not_text") from None
        raise fail("import.not_utf8", encoding=encoding) from None
    if "\x00" in text:
        raise fail("import.not_text")
    return text


def _delimiter(text: str) -> str:
    first = next((line for line in io.StringIO(text) if line.strip()), "")
    for candidate in (",", "\t", ";"):
        if candidate in first:
            return candidate
    return ","


def _csv_rows(data: bytes, fail) -> list[tuple[int, list[str]]]:
    text = _decode(data, fail)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    out: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, record in enumerate(reader, start=1):
            out.append((number, [_csv_cell(c) for c in record]))
    except csv.Error as exc:
        raise fail("import.bad_csv", row=number + 1, reason=str(exc)) from None
    return out


def _csv_cell(text: str) -> str:
    text = text.strip()
    m = _EXCEL_TEXT.match(text)
    return m.group(1).strip() if m else text


# ---------------------------------------------------------------------------- XLSX


def _xlsx_rows(data: bytes, fail) -> list[tuple[int, list[str]]]:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise fail("import.bad_xlsx") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and the like
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # not a zip, openpyxl's InvalidFileException, broken XML …
        raise fail("import.bad_xlsx") from exc
    try:
        if not book.worksheets:
            raise fail("import.empty")
        sheet = book.worksheets[0]
        if not hasattr(sheet, "reset_dimensions"):  # a chart sheet
            raise fail("import.empty")
        sheet.reset_dimensions()  # some writers record a wrong used range; read every row
        out: list[tuple[int, list[str]]] = []
        try:
            for number, cells in enumerate(sheet.iter_rows(), start=1):
                out.append(
                    (number, [cell_text(c.value, getattr(c, "number_format", None)) for c in cells])
                )
        except ImportFailed:
            raise
        except Exception as exc:  # a damaged sheet part
            raise fail("import.bad_xlsx") from exc
        return out
    finally:
        book.close()


def cell_text(value: object, number_format: str | None = None) -> str:
    """The text a person would have typed into a cell that holds ``value``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat(timespec="seconds")
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, int):
        return _pad(str(value), number_format)
    if isinstance(value, float):
        if value.is_integer():
            return _pad(str(int(value)), number_format)
        return _plain_decimal(value)
    if isinstance(value, Decimal):
        return _plain_decimal(value)
    return str(value).strip()


def _pad(digits: str, number_format: str | None) -> str:
    """Leading zeros that a number format like ``000`` shows (member number 001)."""
    if number_format and set(number_format) == {"0"} and not digits.startswith("-"):
        return digits.zfill(len(number_format))
    return digits


def _plain_decimal(value: float | Decimal) -> str:
    try:
        d = Decimal(repr(value)) if isinstance(value, float) else value
        return format(d, "f")
    except (InvalidOperation, ValueError):
        return str(value)
