"""The scoreboard as CSV (UTF-8 with BOM), JSON or XLSX, traced to the scheme that scored it.

Columns are stable English keys (``member_no, name, status, group, base, duty, bonus,
deduction, vetoed, total, band, rank, left_on, left_kind``) followed by one column per
scheme item, named by its code and holding the item's capped points. ``status`` is the
member's status on the year's last day; ``left_on``/``left_kind`` say when and how a member
left the branch during the year (empty for the others). Values are keys too (``full``,
``excellent``) so that a program reading the file never depends on the language; the XLSX
``metadata`` sheet names every column in the user's language.

Before the year has closed (``Standing``) the totals are the points to date and the
``band`` column is empty (``null`` in JSON) unless provisional bands were asked for; the
metadata (and JSON) say the day (``as_of``) and whether the bands are ``provisional``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property, lru_cache
from typing import IO, Any

from orglife_tui.data.scores import ScoreRow
from orglife_tui.export.cells import append_row, csv_writer, never_formulas
from orglife_tui.export.files import (
    SchemeRef,
    metadata_rows,
    now_utc,
    number_text,
    xlsx_row,
)
from orglife_tui.locale import get_language, t
from orglife_tui.scoring.model import Grade, Item, Scheme
from orglife_tui.scoring.standing import Standing

# A scoreboard repeats a few dozen distinct figures (0, 1, 0.5 …) in thousands of cells.
_number = lru_cache(maxsize=4096)(number_text)

SCORE_COLUMNS = (
    "member_no",
    "name",
    "status",
    "group",
    "base",
    "duty",
    "bonus",
    "deduction",
    "vetoed",
    "total",
    "band",
    "rank",
    "left_on",
    "left_kind",
)


@dataclass(frozen=True)
class ScoreTable:
    """One year's scoreboard of a branch, with what it takes to trace it."""

    branch: str
    year: int
    scheme: Scheme
    ref: SchemeRef
    rows: Sequence[ScoreRow]
    generated_at: datetime = field(default_factory=now_utc)
    # As of which day, and whether provisional bands were asked for (None: the year closed).
    standing: Standing | None = None

    @property
    def stands(self) -> Standing:
        return self.standing or Standing.final(self.year)

    def band(self, row: ScoreRow) -> Grade | None:
        """The row's points band as the table shows it: none before the year closed."""
        return row.grade if self.stands.shows_bands else None

    def item_columns(self) -> list[tuple[str, Item]]:
        """(column name, item) per scheme item: its code, or ``item.CODE`` should the code
        clash with one of the fixed columns."""
        return [
            (it.code if it.code not in SCORE_COLUMNS else f"item.{it.code}", it)
            for it in self.scheme.items
        ]

    def header(self) -> list[str]:
        return [*SCORE_COLUMNS, *(name for name, _ in self.item_columns())]

    def values(self, row: ScoreRow) -> list[Any]:
        """The row's cells as plain values: text, numbers, a bool, None for no grade."""
        return [
            row.member_no,
            row.name,
            row.status.value,
            row.group,
            row.base,
            row.duty,
            row.bonus,
            row.deduction,
            row.vetoed,
            row.total,
            _key(self.band(row)),
            row.rank,
            row.left_on.isoformat() if row.left_on else None,
            row.left_kind.value if row.left_kind else None,
            *(row.items.get(it.code, 0.0) for it in self.scheme.items),
        ]

    def csv_values(self, row: ScoreRow) -> list[str]:
        """The row's cells as CSV text: numbers as people write them, ``1``/``0`` for veto."""
        num = _number
        items = row.items
        cells = [
            row.member_no,
            row.name,
            row.status.value,
            row.group or "",
            num(row.base),
            num(row.duty),
            num(row.bonus),
            num(row.deduction),
            "1" if row.vetoed else "0",
            num(row.total),
            _key(self.band(row)) or "",
            "" if row.rank is None else str(row.rank),
            row.left_on.isoformat() if row.left_on else "",
            row.left_kind.value if row.left_kind else "",
        ]
        cells.extend(map(num, map(items.get, self._codes, self._zeros)))
        return cells

    @cached_property
    def _codes(self) -> list[str]:
        return [it.code for it in self.scheme.items]

    @cached_property
    def _zeros(self) -> list[float]:
        return [0.0] * len(self.scheme.items)

    def metadata(self) -> list[tuple[str, Any]]:
        return [
            *self.ref.metadata(),
            ("branch", self.branch),
            ("year", self.year),
            ("generated_at", self.generated_at.isoformat()),
            ("as_of", self.stands.as_of.isoformat()),
            ("provisional", self.stands.marked_provisional),
            ("base_points", self.scheme.base_points),
            ("floor", self.scheme.floor),
            ("ceiling", self.scheme.ceiling),
            ("members", len(self.rows)),
            *(("note", note) for note in [standing_note(self.stands)] if note),
        ]

    def _label_key(self, key: str) -> str:
        label = f"export.col.{key}"
        return band_label_key(self.stands, label) if key == "band" else label

    def legend(self, lang: str) -> list[tuple[str, str]]:
        """Each column with what it means, in the user's language."""
        out = [(key, t(self._label_key(key))) for key in SCORE_COLUMNS]
        for name, it in self.item_columns():
            cap = number_text(it.cap) if it.cap is not None else t("export.no_cap")
            label = t(
                "export.col.item",
                name=it.name(lang),
                category=t(f"export.category.{it.category.value}"),
                cap=cap,
            )
            out.append((name, label))
        return out


def standing_note(standing: Standing) -> str | None:
    """What a reader must know before reading a table of a year not yet closed: the points
    run to a day, and there is no band (or only a provisional one). None once it closed."""
    if standing.closed:
        return None
    key = "bands.provisional_note" if standing.provisional else "bands.to_date_note"
    return t(key, day=standing.day)


def band_label_key(standing: Standing, key: str) -> str:
    """The band column's label: marked provisional when the bands are."""
    return "bands.col.provisional" if standing.marked_provisional else key


def _key(band: Grade | None) -> str | None:
    return None if band is None else band.value


def write_csv(stream: IO[str], table: ScoreTable) -> int:
    writer = csv_writer(stream)
    writer.writerow(table.header())
    for row in table.rows:
        writer.writerow(table.csv_values(row))
    return len(table.rows)


def json_document(table: ScoreTable) -> dict[str, Any]:
    return {
        "scheme": {
            "name": table.ref.name,
            "version": table.ref.version,
            "sha256": table.ref.sha256,
        },
        "year": table.year,
        "branch": table.branch,
        "generated_at": table.generated_at.isoformat(),
        "as_of": table.stands.as_of.isoformat(),
        "provisional": table.stands.marked_provisional,
        "items": [
            {
                "code": it.code,
                "name_zh": it.name_zh,
                "name_en": it.name_en,
                "category": it.category.value,
                "points": it.points,
                "unit": it.unit.value,
                "cap": it.cap,
            }
            for it in table.scheme.items
        ],
        "rows": [
            {
                **dict(zip(SCORE_COLUMNS, table.values(row))),
                "items": {it.code: row.items.get(it.code, 0.0) for it in table.scheme.items},
            }
            for row in table.rows
        ],
    }


def write_json(stream: IO[str], table: ScoreTable) -> int:
    json.dump(json_document(table), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(table.rows)


def write_xlsx(path: str, table: ScoreTable) -> int:
    """A ``scores`` sheet (header of stable keys, one row per member) and a ``metadata``
    sheet (scheme name, version and hash, branch, year; then what each column means)."""
    from openpyxl import Workbook

    lang = get_language()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("scores")
    ws.freeze_panes = "C2"
    append_row(ws, table.header())
    for row in table.rows:
        append_row(ws, xlsx_row(table.values(row)))
    write_metadata_sheet(wb, table.metadata(), table.legend(lang))
    never_formulas(wb)
    wb.save(path)
    return len(table.rows)


def write_metadata_sheet(wb, pairs: list[tuple[str, Any]], legend: list[tuple[str, str]]) -> None:
    """Key/value rows from A1 down (``scheme_name``, ``scheme_version`` …), a blank row, then
    the column legend under its own header."""
    ws = wb.create_sheet("metadata")
    ws.column_dimensions["A"].width = 18
    ws.column_dimensions["B"].width = 70
    for r in metadata_rows(pairs):
        append_row(ws, r)
    if legend:
        append_row(ws, [])
        append_row(ws, [t("export.meta.columns")])
        append_row(ws, [t("export.meta.column"), t("export.meta.label")])
        for key, label in legend:
            append_row(ws, [key, label])
