"""An import and what follows it: the points of the imported attendance, dues or meetings
(a meeting's lecturer from the roster earns the lecture's points).

The command line (``import attendance``) and the TUI's import screens both call
``import_followed``, so that an import from either leaves the ledger in the same state.
The records are saved whatever the points sync does: a sync the store refuses is told
(``points_error``) and caught up by the next sync.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from orglife_tui.importing.columns import Table
from orglife_tui.importing.importers import import_table
from orglife_tui.importing.problems import ImportSummary

if TYPE_CHECKING:
    from orglife_tui.data.store import Store


@dataclass(frozen=True)
class Imported:
    """What an import wrote, and what the points sync after it did (``points`` None: the
    kind moves no points, or the sync failed and ``points_error`` says why)."""

    summary: ImportSummary
    points: Any = None  # services.ledger.SyncResult
    points_error: str | None = None


def import_followed(
    store: Store,
    branch_id: int,
    table: Table,
    *,
    today: date | None = None,
    session_id: int | None = None,
) -> Imported:
    """Import ``table`` (raises ImportFailed, nothing written) and let the points follow.
    ``session_id``: the appraisal session of a session's records (self-assessments)."""
    from orglife_tui.data.errors import StoreError
    from orglife_tui.services.points import (
        after_attendance_change,
        after_attendance_import,
        after_dues_change,
    )

    summary = import_table(store, branch_id, table, today=today, session_id=session_id)
    try:
        if table.kind == "attendance":
            numbers = {row.values.get("meeting_no", "") for row in table.rows}
            return Imported(summary, after_attendance_import(store, branch_id, numbers))
        if table.kind == "dues":
            return Imported(summary, after_dues_change(store, branch_id))
        if table.kind == "meetings":  # numbers may have been assigned: the whole branch
            return Imported(summary, after_attendance_change(store, branch_id))
    except StoreError as exc:
        return Imported(summary, points_error=str(exc))
    return Imported(summary)


__all__ = ["Imported", "import_followed"]
