"""The publicity notice (公示): the score table with its window and how to object.

Ready to print, in the user's language: Markdown (to paste or print as it is) or an XLSX
sheet laid out for A4 with the header row repeated on every page. Members are listed by
rank; the notice is dated its first day and ends with the scheme's name, version and hash so
that a posted sheet can be traced to its rules.

A notice is recorded before it is written (``orglife_tui.data.publications``): its rows as
shown (``publicity_data``) are stored with the ledger and audit heads they were made from,
and the notice is always written from that record (``notice_of``), so re-exporting it
(``export publicity --id N``) gives the same bytes whatever was entered since. The sheet
prints the record's number and both heads.

Before the year has closed the notice shows the points to a day (截至 MM-DD) and no band
column, unless provisional bands were asked for, and then the column says so; the record
keeps the day and the choice (``points_as_of``, ``provisional``). A record made before
these existed is a closed year's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from orglife_tui.data.anchors import anchor_text
from orglife_tui.data.errors import StoreError
from orglife_tui.data.publications import DATA_FORMAT, PUBLICITY, PublicationRow, from_iso
from orglife_tui.data.scores import ScoreRow
from orglife_tui.domain import MemberStatus
from orglife_tui.export.cells import append_row
from orglife_tui.export.files import SchemeRef, localized_date, now_utc, number_text
from orglife_tui.export.md import md_inline
from orglife_tui.export.scores import band_label_key, standing_note
from orglife_tui.export.stable import save_workbook
from orglife_tui.locale import t
from orglife_tui.scoring.model import Grade
from orglife_tui.scoring.standing import Standing

PUBLICITY_COLUMNS = ("rank", "member_no", "name", "group", "total", "grade")


@dataclass(frozen=True)
class PublicityNotice:
    branch: str
    year: int
    ref: SchemeRef
    rows: Sequence[ScoreRow]
    start: date
    days: int = 7
    generated_at: datetime = field(default_factory=now_utc)
    # The record this notice is written from (None: not recorded, e.g. a test's notice).
    publication: PublicationRow | None = None
    # As of which day, and whether provisional bands were asked for (None: the year closed).
    standing: Standing | None = None

    @property
    def stands(self) -> Standing:
        return self.standing or Standing.final(self.year)

    def columns(self) -> tuple[str, ...]:
        """The columns shown: no band before the year closed, unless provisional."""
        if self.stands.shows_bands:
            return PUBLICITY_COLUMNS
        return tuple(c for c in PUBLICITY_COLUMNS if c != "grade")

    def standing_note(self) -> str | None:
        return standing_note(self.stands)

    @property
    def end(self) -> date:
        return self.start + timedelta(days=self.days - 1)

    def title(self) -> str:
        return t("export.publicity.title", branch=self.branch, year=self.year)

    def intro(self) -> str:
        return t(
            "export.publicity.intro",
            year=self.year,
            scheme=self.ref.name,
            version=self.ref.version,
        )

    def window(self) -> str:
        return t(
            "export.publicity.window",
            start=localized_date(self.start),
            end=localized_date(self.end),
            days=self.days,
        )

    def header(self) -> list[str]:
        return [
            t(band_label_key(self.stands, key) if c == "grade" else key)
            for c in self.columns()
            for key in [f"export.publicity.col.{c}"]
        ]

    def cells(self, row: ScoreRow) -> list[Any]:
        cells: list[Any] = [row.rank, row.member_no, row.name, row.group or "", row.total]
        if self.stands.shows_bands:
            grade = t(f"export.grade.{row.grade.value}" if row.grade else "export.grade.none")
            cells.append(grade + "*" if row.vetoed else grade)
        return cells

    def notes(self) -> list[str]:
        """What the band column's marks mean (nothing when there is no band column)."""
        out: list[str] = []
        if not self.stands.shows_bands:
            return out
        if any(r.grade is None for r in self.rows):
            out.append(t("export.publicity.ungraded_note"))
        if any(r.vetoed for r in self.rows):
            out.append(t("export.publicity.vetoed_note"))
        return out

    def trace(self) -> str:
        return t(
            "export.publicity.trace",
            scheme=self.ref.name,
            version=self.ref.version,
            sha256=self.ref.sha256,
        )

    def record_lines(self) -> list[str]:
        """The record's number and date and the heads it was made from."""
        record = self.publication
        if record is None:
            return []
        return [
            t("publication.publicity.record", id=record.id, date=localized_date(record.as_of)),
            t("publication.heads.ledger", hash=record.ledger_head),
            t("publication.heads.audit", hash=record.audit_head or "—"),
            t("chain.sheet.anchor", anchor=anchor_text(record.ledger_head, record.audit_head)),
        ]

    def metadata(self) -> list[tuple[str, Any]]:
        record = self.publication
        heads: list[tuple[str, Any]] = []
        if record is not None:
            heads = [
                ("publication_id", record.id),
                ("publication_as_of", record.as_of.isoformat()),
                ("ledger_head", record.ledger_head),
                ("audit_head", record.audit_head or ""),
                ("anchor", anchor_text(record.ledger_head, record.audit_head)),
            ]
        return [
            *self.ref.metadata(),
            ("branch", self.branch),
            ("year", self.year),
            ("publicity_start", self.start.isoformat()),
            ("publicity_end", self.end.isoformat()),
            ("publicity_days", self.days),
            ("points_as_of", self.stands.as_of.isoformat()),
            ("provisional", self.stands.marked_provisional),
            ("generated_at", self.generated_at.isoformat()),
            ("members", len(self.rows)),
            *heads,
        ]


# ---------------------------------------------------------------------------- the record


def _row_data(row: ScoreRow) -> dict[str, Any]:
    return {
        "rank": row.rank,
        "member_no": row.member_no,
        "name": row.name,
        "status": row.status.value,
        "group": row.group,
        "base": row.base,
        "duty": row.duty,
        "bonus": row.bonus,
        "deduction": row.deduction,
        "vetoed": row.vetoed,
        "total": row.total,
        "grade": None if row.grade is None else row.grade.value,
        "items": dict(row.items),
    }


def _score_row(d: dict[str, Any]) -> ScoreRow:
    return ScoreRow(
        member_no=d["member_no"],
        name=d["name"],
        status=MemberStatus(d["status"]),
        group=d["group"],
        base=d["base"],
        duty=d["duty"],
        bonus=d["bonus"],
        deduction=d["deduction"],
        vetoed=d["vetoed"],
        total=d["total"],
        grade=None if d["grade"] is None else Grade(d["grade"]),
        rank=d["rank"],
        items=dict(d["items"]),
    )


def publicity_data(
    branch: str,
    year: int,
    ref: SchemeRef,
    rows: Sequence[ScoreRow],
    start: date,
    end: date,
    standing: Standing | None = None,
) -> dict[str, Any]:
    """What a publicity record stores: the notice's rows as shown (no band where none is
    shown) and what frames them."""
    stands = standing or Standing.final(year)
    if not stands.shows_bands:
        rows = [replace(r, grade=None) for r in rows]
    return {
        "format": DATA_FORMAT,
        "kind": PUBLICITY,
        "branch": branch,
        "year": year,
        "scheme": {"name": ref.name, "version": ref.version, "sha256": ref.sha256},
        "window": {"start": start.isoformat(), "end": end.isoformat()},
        "points_as_of": stands.as_of.isoformat(),
        "provisional": stands.provisional,
        "rows": [_row_data(r) for r in rows],
    }


def notice_of(record: PublicationRow) -> PublicityNotice:
    """The notice a publicity record stored, exactly as it was first written."""
    data = record.data
    if data.get("format") != DATA_FORMAT or data.get("kind") != PUBLICITY:
        raise StoreError("publication.unreadable", id=record.id)
    try:
        return _notice_of(record, data)
    except (KeyError, TypeError, ValueError):
        raise StoreError("publication.unreadable", id=record.id) from None


def _notice_of(record: PublicationRow, data: dict[str, Any]) -> PublicityNotice:
    scheme = data["scheme"]
    start = date.fromisoformat(data["window"]["start"])
    end = date.fromisoformat(data["window"]["end"])
    return PublicityNotice(
        branch=data["branch"],
        year=data["year"],
        ref=SchemeRef(scheme["name"], scheme["version"], scheme["sha256"]),
        rows=[_score_row(r) for r in data["rows"]],
        start=start,
        days=(end - start).days + 1,
        generated_at=from_iso(data["generated_at"]) or record.created_at,
        publication=record,
        standing=_standing_of(data),
    )


def _standing_of(data: dict[str, Any]) -> Standing | None:
    """The standing a record was made at; None for a record older than part-year notices."""
    if "points_as_of" not in data:
        return None
    day = date.fromisoformat(data["points_as_of"])
    return Standing(data["year"], day, bool(data.get("provisional")))


def _md_cell(value: Any) -> str:
    if isinstance(value, float):
        return number_text(value)
    return md_inline(None if value is None else str(value))


def markdown(notice: PublicityNotice) -> str:
    lines = [f"# {notice.title()}", "", notice.intro(), "", f"**{notice.window()}**", ""]
    note = notice.standing_note()
    if note:
        lines += [note, ""]
    if notice.rows:
        lines.append("| " + " | ".join(notice.header()) + " |")
        align = {"rank": "---:", "total": "---:"}
        lines.append("| " + " | ".join(align.get(c, "---") for c in notice.columns()) + " |")
        for row in notice.rows:
            lines.append("| " + " | ".join(_md_cell(v) for v in notice.cells(row)) + " |")
        lines.append("")
    else:
        lines += [t("export.publicity.empty"), ""]
    for note in notice.notes():
        lines += [note, ""]
    lines += [
        t("export.publicity.objection"),
        "",
        t("export.publicity.signature", branch=notice.branch),
        "",
        t("export.publicity.date", date=localized_date(notice.start)),
        "",
        "---",
        "",
        notice.trace(),
        "",
    ]
    for line in notice.record_lines():
        lines += [line, ""]
    return "\n".join(lines)


def write_xlsx(path: str, notice: PublicityNotice) -> int:
    """One printable sheet (A4, fit to width, header repeated) and a ``metadata`` sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from orglife_tui.export.files import metadata_rows

    ncols = len(notice.columns())
    last = get_column_letter(ncols)
    wb = Workbook()
    ws = wb.active
    ws.title = t("export.publicity.sheet")
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    def paragraph(text: str, height: float | None = None, **font: Any) -> int:
        append_row(ws, [text])
        r = ws.max_row
        ws.merge_cells(f"A{r}:{last}{r}")
        cell = ws.cell(row=r, column=1)
        cell.alignment = wrap
        if font:
            cell.font = Font(**font)
        if height:
            ws.row_dimensions[r].height = height
        return r

    r = paragraph(notice.title(), 30, bold=True, size=16)
    ws.cell(row=r, column=1).alignment = Alignment(horizontal="center", vertical="center")
    paragraph(notice.intro(), 36)
    paragraph(notice.window(), bold=True)
    note = notice.standing_note()
    if note:
        paragraph(note)
    append_row(ws, [])
    append_row(ws, notice.header())
    header_row = ws.max_row
    for c in range(1, ncols + 1):
        cell = ws.cell(row=header_row, column=c)
        cell.font = Font(bold=True)
        cell.border = box
        cell.alignment = Alignment(horizontal="center")
    for row in notice.rows:
        append_row(ws, notice.cells(row))
        for c in range(1, ncols + 1):
            ws.cell(row=ws.max_row, column=c).border = box
    if not notice.rows:
        paragraph(t("export.publicity.empty"))
    append_row(ws, [])
    for note in notice.notes():
        paragraph(note, size=9)
    paragraph(t("export.publicity.objection"), 48)
    append_row(ws, [])
    for text in (
        t("export.publicity.signature", branch=notice.branch),
        t("export.publicity.date", date=localized_date(notice.start)),
    ):
        r = paragraph(text)
        ws.cell(row=r, column=1).alignment = Alignment(horizontal="right")
    append_row(ws, [])
    paragraph(notice.trace(), 24, size=8, color="666666")
    for line in notice.record_lines():
        paragraph(line, 24, size=8, color="666666")

    for col, width in zip("ABCDEF"[:ncols], (8, 12, 14, 16, 10, 14)):
        ws.column_dimensions[col].width = width
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True

    meta = wb.create_sheet("metadata")
    meta.column_dimensions["A"].width = 18
    meta.column_dimensions["B"].width = 70
    for cells in metadata_rows(notice.metadata()):
        meta.append(cells)
    save_workbook(wb, path, notice.generated_at)
    return len(notice.rows)
