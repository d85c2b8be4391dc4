"""Reading a spreadsheet: a CSV (UTF-8 or GB18030/GBK) or the first sheet of an XLSX
workbook, as text.

The result is the header row and the data rows as lists of cell texts, each with the row
number a spreadsheet program shows. The header need not be row 1: a roster has its title
(“第一党支部党员花名册”, a date line, merged cells) above it, and the caller says what a
header looks like. Cells that a workbook stores as dates or numbers become the text a
person would have typed: a date cell ``2001-07-01``, a member number stored as the number
1.0 ``1``, a phone number ``13800138000``; a cell merged over several rows (a party group
written once for its members) gives its value to each of them. Anything unreadable raises
``ImportFailed`` with one clear problem.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from orglife_tui.export.cells import could_be_formula
from orglife_tui.importing.problems import ImportFailed, Problem

CSV_SUFFIXES = (".csv",)
XLSX_SUFFIXES = (".xlsx", ".xlsm")

# Rows above the header that hold a single cell are a sheet's title ("第一党支部党员名册").
MAX_TITLE_ROWS = 3
# How far down the header is looked for, in non-blank rows, when the caller can tell one.
MAX_HEADER_SEARCH = 10

# What a branch's file can be (a roster of thousands is well under a megabyte). Beyond it
# the file is refused before it is read: a 1 GB file, a workbook that unpacks to gigabytes
# (a zip bomb) or a sheet with one cell at XFD1048576 would otherwise hold the server.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 256
# Cells a workbook may hold in all its sheets, merged areas counted cell by cell (the
# spreadsheet library makes an object of each; one merge over a whole sheet is 17 billion).
MAX_CELLS = 2_000_000

HeaderTest = Callable[[list[str]], bool]


@dataclass(frozen=True)
class Sheet:
    """The cells of a file, as text: a header row and the non-blank rows below it."""

    file: str  # the name to show in problems, as the user gave it
    header_row: int
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cell texts, no trailing "")
    encoding: str = ""  # what the text was read as: UTF-8, GB18030 (GBK), XLSX (a workbook)


def read_sheet(
    path: str | Path, display: str | None = None, is_header: HeaderTest | None = None
) -> Sheet:
    """The header and data rows of a CSV or XLSX file; raises ImportFailed when unreadable.

    ``is_header`` tells a header row (it names enough known columns): the first of the
    first ``MAX_HEADER_SEARCH`` non-blank rows that passes is the header and the rows above
    it are titles. Without it, or when no row passes, the header is the first row that is
    not a single-cell title.
    """
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
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail("import.too_large", size=_mb(size), limit=_mb(MAX_FILE_BYTES))
        data = path.read_bytes()
    except OSError as exc:
        raise fail("import.cannot_read", reason=exc.strerror or str(exc)) from None
    if not data.strip():
        raise fail("import.empty")
    if suffix in XLSX_SUFFIXES:
        sheet = _sheet(name, _xlsx_rows(data, fail), fail, is_header)
        return replace(sheet, encoding="XLSX")
    sheet = _sheet(name, _csv_rows(data, fail), fail, is_header)
    return replace(sheet, encoding=_csv_encoding(data))


def _csv_encoding(data: bytes) -> str:
    """The encoding ``_decode`` read a CSV file in (it has read it by now)."""
    try:
        data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
        return "GB18030"
    return "UTF-8"


def _sheet(name, raw_rows, fail, is_header: HeaderTest | None = None) -> Sheet:
    if is_header is not None:
        found = _find_header(raw_rows, is_header)
        if found is not None:
            at, header_row, header = found
            rows = [(n, c) for n, c in (_trimmed(r) for r in raw_rows[at + 1 :]) if c]
            return Sheet(file=name, header_row=header_row, header=header, rows=rows)
    header_row = 0
    header = []
    rows = []
    titles = 0
    for number, cells in map(_trimmed, raw_rows):
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


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def _too_many(rows: int, columns: int, fail) -> ImportFailed:
    return fail(
        "import.sheet_too_big",
        rows=rows,
        columns=columns,
        max_rows=MAX_ROWS,
        max_columns=MAX_COLUMNS,
    )


def _trimmed(raw: tuple[int, list[str]]) -> tuple[int, list[str]]:
    number, cells = raw
    end = len(cells)
    while end and not cells[end - 1]:  # trailing empty columns; XLSX rows come ragged
        end -= 1
    return number, cells[:end]


def _find_header(
    raw_rows: list[tuple[int, list[str]]], is_header: HeaderTest
) -> tuple[int, int, list[str]] | None:
    """(index in raw_rows, row number, cells) of the first header-like row near the top."""
    seen = 0
    for at, raw in enumerate(raw_rows):
        number, cells = _trimmed(raw)
        if not cells:
            continue
        if is_header(cells):
            return at, number, cells
        seen += 1
        if seen >= MAX_HEADER_SEARCH:
            return None
    return None


# ---------------------------------------------------------------------------- CSV

_EXCEL_TEXT = re.compile(r'^="(.*)"$', re.S)  # ="001": Excel's way to keep leading zeros
# The control characters a CSV file may not hold: every C0 control but tab and the line
# ends, DEL and the C1 controls. Names must never carry terminal escapes (ESC, BEL …), and a
# file holding one is refused whole, naming where (``import.control_in_file``).
_FILE_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A DOS end-of-file mark (Ctrl+Z) that old tools append: the end of the text, not a cell.
_DOS_EOF = "\x1a"


def _decode(data: bytes, fail) -> str:
    """The text of a CSV file: UTF-8 (with or without a BOM), else GB18030 (which reads GBK
    and GB2312, what Excel writes on a Chinese Windows). Anything else is refused. A control
    character other than NUL does not make text another encoding: ``_csv_rows`` refuses
    it, saying so, whichever encoding the file is in."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise fail("import.not_utf8", encoding="UTF-16")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        damaged = _damaged_utf8_line(data, exc)
        if damaged is not None:
            raise fail("import.damaged_utf8", line=damaged) from None
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise fail("import.not_text") from None
        if not _plausible(text):
            raise fail("import.not_text") from None
        return text.rstrip(_DOS_EOF)
    if "\x00" in text:
        raise fail("import.not_text")
    return text.rstrip(_DOS_EOF)


def _damaged_utf8_line(data: bytes, exc: UnicodeDecodeError) -> int | None:
    """The line of the first bad byte of a file that is UTF-8 text but for a few bytes.

    Such a file also decodes as GB18030, into nonsense: it must not be read that way. GBK
    text, on the other hand, almost never holds a valid multi-byte UTF-8 sequence."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    wide = sum(1 for c in text if ord(c) > 0x7F) - bad
    if wide < 4 or bad * 10 > wide:
        return None
    return data[: exc.start].count(b"\n") + 1


def _plausible(text: str) -> bool:
    """Text a spreadsheet program writes: no NUL or C1 control, no unassigned or
    private-use code points. Random bytes and UTF-16 without a BOM (NUL bytes) decode as
    GB18030 but fail here. The other C0 controls and DEL are single ASCII bytes that GBK
    text can carry as well as UTF-8 (an ESC pasted into a name): they are let through to be
    refused as what they are, with where they sit (``_csv_rows``)."""
    for c in text:
        if "\x01" <= c <= "\x1f" or c == "\x7f":
            continue
        if unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs"):
            return False
    return True


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
            if number > MAX_ROWS or len(record) > MAX_COLUMNS:
                raise _too_many(number, len(record), fail)
            _refuse_controls(number, record, fail)
            out.append((number, [_csv_cell(c) for c in record]))
    except csv.Error as exc:
        raise fail("import.bad_csv", row=number + 1, reason=str(exc)) from None
    return out


def _refuse_controls(number: int, record: list[str], fail) -> None:
    """Refuse the file at the first control character of row ``number`` (its cells as
    read, before stripping: ``strip`` would drop some controls unseen)."""
    for index, cell in enumerate(record):
        found = _FILE_CONTROL.search(cell)
        if found is not None:
            raise fail(
                "import.control_in_file",
                row=number,
                column=column_letter(index),
                char=f"U+{ord(found.group()):04X}",
            )


def column_letter(index: int) -> str:
    """A, B, …, Z, AA, … for a 0-based column index."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _csv_cell(text: str) -> str:
    text = text.strip()
    m = _EXCEL_TEXT.match(text)
    if m:
        return m.group(1).strip()
    if text.startswith("'") and could_be_formula(text[1:]):
        return text[1:]  # our exports' mark that a cell is text (export/cells.py)
    return text


# ---------------------------------------------------------------------------- XLSX


def _xlsx_rows(data: bytes, fail) -> list[tuple[int, list[str]]]:
    try:
        from openpyxl import load_workbook
    except ImportError:  # pragma: no cover - openpyxl is a dependency
        raise fail("import.bad_xlsx") from None
    _check_unpacked_size(data, fail)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and the like
            # Not read-only: the merged cells are only known to a fully loaded sheet.
            book = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # not a zip, openpyxl's InvalidFileException, broken XML …
        raise fail("import.bad_xlsx") from exc
    try:
        if not book.worksheets:
            raise fail("import.empty")
        sheet = book.worksheets[0]
        last_row, last_column = _extent(sheet)
        if last_row > MAX_ROWS or last_column > MAX_COLUMNS:
            raise _too_many(last_row, last_column, fail)
        for rng in getattr(sheet, "merged_cells", None) or ():
            if rng.max_row > MAX_ROWS or rng.max_col > MAX_COLUMNS:
                raise _too_many(rng.max_row, rng.max_col, fail)
        try:
            merged = _vertical_merges(sheet)
            out: list[tuple[int, list[str]]] = []
            # From A1: a sheet whose first cell is lower down keeps its row numbers and
            # column letters.
            rows = sheet.iter_rows(min_row=1, min_col=1, max_row=last_row, max_col=last_column)
            for number, cells in enumerate(rows, start=1):
                texts = [cell_text(c.value, getattr(c, "number_format", None)) for c in cells]
                for col, text in merged.get(number, {}).items():
                    while len(texts) <= col:
                        texts.append("")
                    texts[col] = text
                out.append((number, texts))
        except ImportFailed:
            raise
        except Exception as exc:  # a damaged sheet part
            raise fail("import.bad_xlsx") from exc
        return out
    finally:
        book.close()


def _extent(sheet) -> tuple[int, int]:
    """The last row and column holding a value. A cell that is only formatted (a border
    drawn down to row 65536) does not count: the sheet's own dimensions would."""
    cells = getattr(sheet, "_cells", None)  # openpyxl keeps the loaded cells here
    if not isinstance(cells, dict):
        return sheet.max_row, sheet.max_column
    last_row = last_column = 1
    for (row, column), cell in cells.items():
        if cell.value is not None and cell.value != "":
            last_row, last_column = max(last_row, row), max(last_column, column)
    return last_row, last_column


def _check_unpacked_size(data: bytes, fail) -> None:
    """Refuse, before the spreadsheet library loads it, a workbook that would hold the
    server: parts that unpack to more than ``MAX_UNPACKED_BYTES`` (as the archive declares
    them; the zip module stops at the declared size when reading), or sheets whose cells
    and merged areas come to more than ``MAX_CELLS`` or reach past the row and column
    limits. The sheets are read as a stream here, element by element."""
    import zipfile
    from xml.etree.ElementTree import ParseError, iterparse

    from openpyxl.utils.cell import range_boundaries

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if sum(info.file_size for info in parts) > MAX_UNPACKED_BYTES:
                raise fail("import.unpacks_too_large", limit=_mb(MAX_UNPACKED_BYTES))
            cells = 0
            for info in parts:
                if not (
                    info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
                ):
                    continue
                with archive.open(info) as stream:
                    for _, element in iterparse(stream):
                        tag = element.tag.rpartition("}")[2]
                        if tag == "c":
                            cells += 1
                        elif tag == "mergeCell":
                            first_col, first_row, last_col, last_row = range_boundaries(
                                element.get("ref", "")
                            )
                            if last_row > MAX_ROWS or last_col > MAX_COLUMNS:
                                raise _too_many(last_row, last_col, fail)
                            cells += (last_row - first_row + 1) * (last_col - first_col + 1)
                        if tag in ("c", "row", "mergeCell"):
                            element.clear()
                        if cells > MAX_CELLS:
                            raise fail("import.too_many_cells", limit=MAX_CELLS)
    except ImportFailed:
        raise
    except (zipfile.BadZipFile, ParseError, OSError, ValueError, TypeError):
        raise fail("import.bad_xlsx") from None


def _vertical_merges(sheet) -> dict[int, dict[int, str]]:
    """Row -> {0-based column: text} for the cells hidden under a merge over several rows.

    A roster writes a party group once in a cell merged down over its members; each of
    them is in that group. A merge within one row (a title across the sheet) is left as
    the single cell it looks like."""
    out: dict[int, dict[int, str]] = {}
    for rng in getattr(sheet, "merged_cells", None) or ():
        if rng.min_row == rng.max_row:
            continue
        top = sheet.cell(rng.min_row, rng.min_col)
        text = cell_text(top.value, getattr(top, "number_format", None))
        if not text:
            continue
        for row in range(rng.min_row + 1, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                out.setdefault(row, {})[col - 1] = text
    return out


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
