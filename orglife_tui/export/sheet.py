"""Tables for people in the interface language, and XLSX sheets laid out to be read (issue 12 §2).

CSV and XLSX exports follow the interface language: under ``zh`` their headers are the
catalog's column names (编号, 姓名, 党员类别 …) and their coded values the domain's labels
(正式党员, 合格, 是/否), through :func:`header` and :func:`shown`. Under ``en`` they keep
the stable English keys and codes (``member_no``, ``full``, ``1``/``0``), which are both
the English words and what scripts and the importers read. JSON always keeps keys and
codes: it is for machines.

:func:`write_table` lays out a write-only XLSX sheet: a bold frozen header, columns as wide
as their content (a CJK character counts two), points, money and counts as numbers with a
number format, dates as dates. It reads the first rows to size the columns and streams the
rest, so a long ledger still costs little memory.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum
from itertools import chain, islice
from typing import Any

from orglife_tui.domain import label
from orglife_tui.locale import t
from orglife_tui.scoring.model import Grade

# What a column holds, for its XLSX cell type and number format.
TEXT = "text"
POINTS = "points"  # 60, 2.5, -0.25: at most two decimals
MONEY = "money"  # yuan with two decimals
COUNT = "count"  # whole numbers: ranks, ids, months
DATE = "date"  # an ISO date (text or a date), written as a date

NUMBER_FORMATS = {POINTS: "0.0#", MONEY: "0.00", COUNT: "0", DATE: "yyyy-mm-dd"}
# Width in character cells: narrow enough to keep a table on screen, wide enough for a date.
MIN_WIDTH, MAX_WIDTH = 6, 50
# The rows read to size the columns before the sheet is streamed.
SIZING_ROWS = 500


def for_people(lang: str) -> bool:
    """True when exports show labels (Chinese), False when they keep keys and codes."""
    return lang == "zh"


def header(
    keys: Sequence[str], lang: str, names: str | Callable[[str], str] = "export.col.{}"
) -> list[str]:
    """The header row: for people each key's name (``names`` formats its catalog key, or is
    a function giving the name), else the keys themselves."""
    if not for_people(lang):
        return list(keys)
    if callable(names):
        return [names(key) for key in keys]
    return [t(names.format(key)) for key in keys]


def shown(value: Any, lang: str) -> Any:
    """A coded cell as exports show it: an enum by its label, a flag as 是/否, for people;
    else the enum's key and the flag as ``1``/``0`` (CSV) or a boolean (XLSX keeps it)."""
    if isinstance(value, Grade):  # a points band or an appraisal grade: the export's words
        return t(f"export.grade.{value.value}") if for_people(lang) else value.value
    if isinstance(value, Enum):
        return label(value, lang) if for_people(lang) else value.value
    if isinstance(value, bool) and for_people(lang):
        return t("export.yes") if value else t("export.no")
    return value


def cell_width(text: str) -> int:
    """The cells ``text`` takes in a spreadsheet: wide (CJK) characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, date):
        return "0000-00-00"
    return str(value)


def codes(values: Iterable[Any]) -> list[Any]:
    """Cells for machines (JSON): enums by their stable key, everything else as it is."""
    return [v.value if isinstance(v, Enum) else v for v in values]


@dataclass(frozen=True)
class Layout:
    """How a sheet's columns are typed: ``kinds`` maps a column index to its kind, columns
    from ``default_from`` on (a scheme's items) are ``default``, the others TEXT;
    ``freeze`` is the top-left cell that stays scrolled (the header row and the columns
    left of it stay in view)."""

    kinds: dict[int, str]
    freeze: str = "A2"
    default_from: int | None = None
    default: str = TEXT

    def kind(self, index: int) -> str:
        if index in self.kinds:
            return self.kinds[index]
        if self.default_from is not None and index >= self.default_from:
            return self.default
        return TEXT


def _cell(ws: Any, value: Any, kind: str) -> Any:
    """A typed cell: numbers and dates with their format; other values as they are."""
    if value == "":
        return None  # an empty cell, not an empty string
    if value is None or kind == TEXT:
        return value
    if kind == DATE and isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return value
    elif kind != DATE and isinstance(value, str):
        try:
            value = float(value) if kind != COUNT else int(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    cell.number_format = NUMBER_FORMATS[kind]
    return cell


def write_table(
    ws: Any, head: Sequence[str], rows: Iterable[Sequence[Any]], layout: Layout
) -> Iterator[None]:
    """Write ``head`` (bold, frozen) and ``rows`` into the write-only sheet ``ws``, column
    widths from the header and the first rows; yields once per data row written, so a
    caller streaming a long table can count or split it."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from orglife_tui.export.cells import append_row
    from orglife_tui.export.files import xlsx_row

    rows = iter(rows)
    first = list(islice(rows, SIZING_ROWS))
    for i, name in enumerate(head):
        widest = max([cell_width(name), *(cell_width(_text(r[i])) for r in first if i < len(r))])
        width = min(MAX_WIDTH, max(MIN_WIDTH, widest + 2))
        ws.column_dimensions[get_column_letter(i + 1)].width = width
    ws.freeze_panes = layout.freeze
    bold = Font(bold=True)
    cells = []
    for name in head:
        cell = WriteOnlyCell(ws, value=name)
        cell.font = bold
        cells.append(cell)
    append_row(ws, cells)
    kinds = [layout.kind(i) for i in range(len(head))]
    for row in chain(first, rows):
        values = xlsx_row(list(row))
        append_row(ws, [_cell(ws, v, kind) for v, kind in zip(values, kinds, strict=True)])
        yield None


def fill_table(ws: Any, head: Sequence[str], rows: Iterable[Sequence[Any]], layout: Layout) -> int:
    """:func:`write_table` to the end; the number of data rows."""
    return sum(1 for _ in write_table(ws, head, rows, layout))


__all__ = [
    "COUNT",
    "DATE",
    "MONEY",
    "POINTS",
    "TEXT",
    "Layout",
    "cell_width",
    "codes",
    "fill_table",
    "for_people",
    "header",
    "shown",
    "write_table",
]
