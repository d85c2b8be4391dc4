"""The points ledger as CSV (UTF-8 with BOM), JSON or XLSX, streamed entry by entry.

The rows come from ``data.ledger.iter_entries`` (keyset pages), so a ledger of a million
entries is written with a constant, small amount of memory: CSV and JSON go out line by
line, XLSX through openpyxl's write-only mode.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from itertools import chain, islice
from typing import IO, Any

from orglife_tui.data.ledger import LedgerRow
from orglife_tui.export.cells import csv_writer, never_formulas
from orglife_tui.export.files import XLSX_MAX_ROWS, now_utc, number_text
from orglife_tui.export.sheet import COUNT, DATE, POINTS, Layout, fill_table, for_people, header
from orglife_tui.locale import t
from orglife_tui.scoring.model import Scheme

_number = lru_cache(maxsize=4096)(number_text)

LEDGER_COLUMNS = (
    "id",
    "entry_date",
    "member_no",
    "member_name",
    "item_code",
    "item_name",
    "points",
    "hours",
    "source",
    "meeting_no",
    "note",
    "reverses_id",
    "reversed_by",
    "operator",
    "hash",
)

_POINTS = LEDGER_COLUMNS.index("points")
_HOURS = LEDGER_COLUMNS.index("hours")
_LAYOUT = Layout(
    kinds={
        LEDGER_COLUMNS.index("id"): COUNT,
        LEDGER_COLUMNS.index("entry_date"): DATE,
        _POINTS: POINTS,
        _HOURS: POINTS,
        LEDGER_COLUMNS.index("reverses_id"): COUNT,
        LEDGER_COLUMNS.index("reversed_by"): COUNT,
    },
    freeze="B2",
)


@dataclass(frozen=True)
class LedgerExport:
    branch: str
    scheme: Scheme | None  # names the items; None leaves item_name empty
    lang: str
    year: int | None = None
    member_no: str | None = None
    head_hash: str | None = None
    generated_at: datetime = field(default_factory=now_utc)

    @cached_property
    def _names(self) -> dict[str, str]:
        if self.scheme is None:
            return {}
        return {it.code: it.name(self.lang) for it in self.scheme.items}

    def values(self, e: LedgerRow) -> list[Any]:
        """The entry's cells as plain values (text, numbers, None), dates in ISO form."""
        return [
            e.id,
            e.entry_date.isoformat(),
            e.member_no,
            e.member_name,
            e.item_code,
            self._names.get(e.item_code),
            e.points,
            e.hours,
            e.source,
            e.meeting_no,
            e.note,
            e.reverses_id,
            e.reversed_by,
            e.operator,
            e.hash,
        ]

    def csv_values(self, e: LedgerRow) -> list[Any]:
        """As ``values``; points and hours spelled as people write them (the csv module
        writes None as an empty cell and numbers by ``str``)."""
        cells = self.values(e)
        cells[_POINTS] = _number(e.points)
        if e.hours is not None:
            cells[_HOURS] = _number(e.hours)
        return cells

    def metadata(self, count: int) -> list[tuple[str, Any]]:
        return [
            ("branch", self.branch),
            ("year", self.year if self.year is not None else ""),
            ("member_no", self.member_no or ""),
            ("entries", count),
            ("generated_at", self.generated_at.isoformat()),
            ("ledger_head_hash", self.head_hash or ""),
        ]


def write_csv(stream: IO[str], export: LedgerExport, entries: Iterable[LedgerRow]) -> int:
    writer = csv_writer(stream)
    writer.writerow(header(LEDGER_COLUMNS, export.lang))
    count = 0
    for e in entries:
        writer.writerow(export.csv_values(e))
        count += 1
    return count


def write_json(stream: IO[str], export: LedgerExport, entries: Iterable[LedgerRow]) -> int:
    """``{"branch": …, "year": …, "member_no": …, "generated_at": …, "entries": [ … ]}``,
    one entry per line, written as the entries arrive."""
    head = {
        "branch": export.branch,
        "year": export.year,
        "member_no": export.member_no,
        "generated_at": export.generated_at.isoformat(),
        "ledger_head_hash": export.head_hash,
    }
    text = json.dumps(head, ensure_ascii=False, indent=2)
    stream.write(text[:-2] + ',\n  "entries": [')
    count = 0
    for e in entries:
        record = dict(zip(LEDGER_COLUMNS, export.values(e)))
        stream.write(
            ("\n    " if count == 0 else ",\n    ") + json.dumps(record, ensure_ascii=False)
        )
        count += 1
    stream.write("\n  ]\n}\n" if count else "]\n}\n")
    return count


def write_xlsx(path: str, export: LedgerExport, entries: Iterable[LedgerRow]) -> int:
    """A ledger sheet (continued on ``ledger (2)`` … past Excel's row limit; a frozen header
    in the interface language, points as numbers, dates as dates) and a ``metadata`` sheet."""
    from openpyxl import Workbook

    from orglife_tui.export.scores import write_metadata_sheet

    head = header(LEDGER_COLUMNS, export.lang)
    name = t("export.sheet.ledger") if for_people(export.lang) else "ledger"
    wb = Workbook(write_only=True)
    rows: Iterator[list[Any]] = (export.values(e) for e in entries)
    count = 0
    sheet_no = 1
    while True:
        ws = wb.create_sheet(name if sheet_no == 1 else f"{name} ({sheet_no})")
        # One sheet holds its header and XLSX_MAX_ROWS - 1 entries.
        written = fill_table(ws, head, islice(rows, XLSX_MAX_ROWS - 1), _LAYOUT)
        count += written
        if written < XLSX_MAX_ROWS - 1:
            break
        first = next(rows, None)
        if first is None:
            break
        rows = chain([first], rows)
        sheet_no += 1
    legend = [(key, t(f"export.col.{key}")) for key in LEDGER_COLUMNS]
    write_metadata_sheet(wb, export.metadata(count), legend, head)
    never_formulas(wb)
    wb.save(path)
    return count
