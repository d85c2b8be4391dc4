"""Nothing live reaches a spreadsheet (issue 10 §3).

A name or a note that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return)
is read by a spreadsheet as a formula: ``=HYPERLINK(…)`` or a DDE call typed into a roster
would run on the committee's machine. So every CSV cell of text that could start a formula
gets a leading ``'`` (the mark spreadsheets read as "this is text", and the importers strip
again), and every XLSX cell of text is written as a string, never as a formula.

Real data keeps its meaning: numbers stay numbers (``-3`` points is not text), and a cell
that is only dashes (``-``, ``--``, a common "none" in a note) cannot be a formula and is
left as it is.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def could_be_formula(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula."""
    if not text.startswith(FORMULA_STARTS):
        return False
    if _NUMBER.match(text):
        return False  # a signed number written as text
    return text.strip("-") != ""  # "-" or "---": a dash, nothing to compute


def csv_text(value: Any) -> Any:
    """A CSV cell: text that could start a formula behind a ``'``; anything else as it is."""
    if isinstance(value, str) and could_be_formula(value):
        return "'" + value
    return value


class SafeCsvWriter:
    """``csv.writer`` whose every row goes through :func:`csv_text`."""

    def __init__(self, stream: IO[str], **kwargs: Any) -> None:
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([csv_text(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def csv_writer(stream: IO[str], **kwargs: Any) -> SafeCsvWriter:
    """The one way the program writes CSV."""
    return SafeCsvWriter(stream, **kwargs)


# The control characters an XLSX cell cannot hold (openpyxl refuses them): a name or note
# pasted from elsewhere may carry one; it becomes a space instead of failing the export.
XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xlsx_text_cells(ws: Any, values: Iterable[Any]) -> list[Any]:
    """A row for ``ws.append``: text loses the characters XLSX cannot hold, and text
    openpyxl would store as a formula (it starts with ``=``) becomes a cell typed as a
    string; everything else passes unchanged."""
    out: list[Any] = []
    for value in values:
        if isinstance(value, str) and XLSX_ILLEGAL.search(value):
            value = XLSX_ILLEGAL.sub(" ", value)
        if isinstance(value, str) and value.startswith("=") and len(value) > 1:
            out.append(_string_cell(ws, value))
        else:
            out.append(value)
    return out


def append_row(ws: Any, values: Iterable[Any]) -> None:
    """``ws.append`` for every sheet the program writes: no text becomes a formula."""
    ws.append(xlsx_text_cells(ws, values))


def _string_cell(ws: Any, value: str) -> Any:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell

    cell = WriteOnlyCell(ws, value=value) if _write_only(ws) else Cell(ws, value=value)
    cell.data_type = "s"
    return cell


def _write_only(ws: Any) -> bool:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

    return isinstance(ws, WriteOnlyWorksheet)


def never_formulas(wb: Any) -> None:
    """Before a (not write-only) workbook is saved: any cell openpyxl took for a formula is
    stored as the text it is (cells set one by one, ``ws.cell(value=…)``, pass here). The
    program writes no formula of its own."""
    if getattr(wb, "write_only", False):
        return
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


__all__ = [
    "FORMULA_STARTS",
    "append_row",
    "could_be_formula",
    "csv_text",
    "csv_writer",
    "never_formulas",
    "xlsx_text_cells",
]
