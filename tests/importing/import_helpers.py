"""Helpers of the import tests: writing CSV/XLSX files and seeing a branch's whole state."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path


def write_csv(path: Path, rows: Sequence[Sequence[object]], bom: bool = False) -> Path:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


def write_xlsx(
    path: Path, rows: Sequence[Sequence[object]], formats: dict[str, str] | None = None
) -> Path:
    """A workbook whose first sheet holds ``rows``; ``formats`` maps a cell ('A2') to a format."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    for ref, fmt in (formats or {}).items():
        sheet[ref].number_format = fmt
    book.save(path)
    return path


def snapshot(store, branch_id: int):
    """Everything an import could change: members, groups, meetings, marks, the audit log."""
    meetings = store.list_meetings(branch_id)
    return {
        "members": store.list_members(branch_id),
        "groups": store.groups(branch_id),
        "meetings": meetings,
        "marks": {m.meeting_no: store.attendance_sheet(branch_id, m.id) for m in meetings},
        "audit": len(store.audit_entries(branch_id, limit=1_000_000)),
    }
