"""An import's dry run: what a file would write, and every problem it has, writing nothing.

The dry run is the import itself, rehearsed (``Store.rehearsal``): the same reading, the
same checks, the same statements in the same transaction, rolled back at its end. So the
problems and the counts it tells (N added, M updated …) are the ones the import would tell,
and there is no second set of checks to keep in step. The command line's ``--dry-run`` and
the TUI's import preview both call it.

A preview also keeps what the user is shown before confirming: the header as it was
understood, the first rows, where the header was found and the file's encoding, and a
fingerprint of the file, so that a file changed between preview and import is read again
rather than imported unseen.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from orglife_tui.importing.columns import COLUMNS, SERIAL, Row, Table, map_sheet
from orglife_tui.importing.importers import import_table, read_kind_sheet
from orglife_tui.importing.problems import ImportFailed, ImportSummary, Problem
from orglife_tui.locale import get_language, has, t

if TYPE_CHECKING:
    from orglife_tui.data.store import Store

# The rows a preview shows: enough to see that the columns were understood.
PREVIEW_ROWS = 5
# Where a kind's field labels are when not under "{kind}.field." (its problems' labels).
FIELD_PREFIXES = {"self_assessments": "appraisal_steps.import.field."}


def dry_run(
    store: Store,
    branch_id: int,
    table: Table,
    *,
    today: date | None = None,
    session_id: int | None = None,
) -> ImportSummary:
    """What importing ``table`` would write; raises ImportFailed as the import does.
    Nothing is written (the import runs in ``store.rehearsal()``). ``session_id``: the
    appraisal session a session's records (self-assessments) go to."""
    with store.rehearsal():
        return import_table(store, branch_id, table, today=today, session_id=session_id)


def fingerprint(path: Path) -> str | None:
    """The file's content as a digest (None when it cannot be read): a file saved again
    between preview and import has another."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def column_title(kind: str, key: str) -> str:
    """A column of an import as the user reads it: its Chinese header under zh, its field's
    label under en."""
    column = next((c for c in COLUMNS[kind] if c.key == key), None)
    if key == SERIAL:
        return "序号" if get_language() == "zh" else t("import.preview.serial")
    if column is None:
        return key
    if get_language() == "zh":
        return column.zh
    prefix = FIELD_PREFIXES.get(kind, f"{kind}.field.")
    for candidate in (f"{prefix}{key}", f"field.{key}"):
        if has(candidate):
            return t(candidate)
    return key.replace("_", " ")


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do. ``problems`` empty and ``summary`` set: it can be
    imported; otherwise it cannot, and ``problems`` says why (the CLI's lines)."""

    kind: str
    path: Path
    file: str  # the name problems are told with
    problems: tuple[Problem, ...]
    summary: ImportSummary | None = None
    table: Table | None = None
    header_row: int | None = None
    encoding: str = ""
    digest: str | None = None
    session_id: int | None = None  # the appraisal session of a session's records

    @property
    def ok(self) -> bool:
        return not self.problems and self.summary is not None

    def columns(self) -> list[tuple[str, str]]:
        """(key, title) of the columns read, in file order."""
        if self.table is None:
            return []
        return [(key, column_title(self.kind, key)) for key in self.table.keys]

    def first_rows(self, count: int = PREVIEW_ROWS) -> list[Row]:
        return [] if self.table is None else self.table.rows[:count]

    @property
    def row_count(self) -> int:
        return 0 if self.table is None else len(self.table.rows)

    def notices(self) -> list[str]:
        """What reading the file read past (a roster's columns not kept, its 序号 made the
        member numbers), as the import says it."""
        if self.table is None:
            return []
        table = self.table
        read = ImportSummary(
            self.kind, self.file, 0, skipped=table.skipped, serial=SERIAL in table.keys
        )
        return read.notices()

    def changed(self) -> bool:
        """The file is not what was previewed (saved again, removed)."""
        return fingerprint(self.path) != self.digest


def preview_file(
    store: Store,
    branch_id: int,
    kind: str,
    path: str | Path,
    *,
    display: str | None = None,
    strict: bool = False,
    today: date | None = None,
    session_id: int | None = None,
) -> ImportPreview:
    """Read ``path`` as a ``kind`` import and rehearse it: every problem, or what it would
    write. Never raises ImportFailed; a StoreError (a database that cannot be written, an
    appraisal session not found …) goes to the caller."""
    path = Path(path).expanduser()
    name = display if display is not None else str(path)
    unread = ImportPreview(kind, path, name, (), digest=fingerprint(path), session_id=session_id)
    try:
        sheet = read_kind_sheet(path, kind, name)
    except ImportFailed as exc:
        return replace(unread, problems=tuple(exc.problems))
    read = replace(unread, header_row=sheet.header_row, encoding=sheet.encoding)
    try:
        table = map_sheet(sheet, kind, strict=strict)
    except ImportFailed as exc:
        return replace(read, problems=tuple(exc.problems))
    try:
        summary = dry_run(store, branch_id, table, today=today, session_id=session_id)
    except ImportFailed as exc:
        return replace(read, problems=tuple(exc.problems), table=table)
    return replace(read, summary=summary, table=table)


__all__ = [
    "PREVIEW_ROWS",
    "ImportPreview",
    "column_title",
    "dry_run",
    "fingerprint",
    "preview_file",
]
