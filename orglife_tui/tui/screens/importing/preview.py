"""The last steps of an import: the preview, the confirmation, the import and its result.

The preview shows how the file was read (its encoding, the row of its header, the columns
understood, in the user's language, and those not kept), its first rows, and then either
what importing it would write or every problem that keeps it from being imported, as the
command line lists them. Nothing has been written at that point (the import was
rehearsed). A file with problems cannot be imported; ``r`` reads it again once corrected.

``i`` (or Enter) asks for a confirmation, then imports in the background: all rows or
none. A file saved again since its preview is read again instead, and its new preview is
shown, nothing written. The result says what was written (and the points that followed
attendance or dues); ``o`` opens the list of those records (self-assessments: the appraisal
session's steps), Escape closes the import.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data.errors import StoreError
from orglife_tui.importing import ImportFailed, read_table
from orglife_tui.importing.followed import Imported, import_followed
from orglife_tui.importing.preview import ImportPreview
from orglife_tui.locale import t
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import Session, app_header
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.importing.file_chooser import preview_in_session
from orglife_tui.tui.screens.importing.steps import (
    LIST_SCREENS,
    ImportStep,
    kind_name,
    leave_import,
    open_steps,
    problem_line,
)

# How a file's encoding is named: GB18030 is what Excel's "CSV" writes on a Chinese
# Windows, known to its users as GBK.
ENCODINGS = {"GB18030": "GBK (GB18030)", "XLSX": "XLSX"}
CELL_WIDTH = 16  # a preview cell is cut here: the columns should fit side by side


class ImportPreviewScreen(ImportStep):
    BINDINGS: ClassVar = [
        Binding(
            "i,enter",
            "import",
            "import.tui.key.import",
            id="import.run",
            key_display="i",
            priority=True,
        ),
        Binding("r", "again", "import.tui.key.again", id="import.again"),
        Binding("o", "open_list", "import.tui.key.open", id="import.open"),
        Binding("escape", "close", "tui.key.back", id="import.close"),
    ]

    def __init__(self, session: Session, preview: ImportPreview) -> None:
        super().__init__(session)
        self.preview = preview
        self.busy = False
        self.done: Imported | None = None

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="read-as", markup=False)
        yield Static(id="notes", markup=False)
        yield Static(id="rows-title", markup=False)
        yield DataTable(id="rows", cursor_type="none", zebra_stripes=False)
        with VerticalScroll(id="outcome-box"):
            yield Static(id="outcome", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.show_preview()
        # The problems (or what would be written) are what is read here: keys scroll them.
        self.query_one("#outcome-box", VerticalScroll).focus()

    # ------------------------------------------------------------------ showing

    def show_preview(self) -> None:
        p = self.preview
        self.sub_title = t("import.tui.preview_title", kind=kind_name(p.kind))
        encoding = ENCODINGS.get(p.encoding, p.encoding)
        if p.header_row is None:
            read_as = t("import.tui.read_file", file=p.file)
        else:
            read_as = t(
                "import.tui.read_as",
                file=p.file,
                encoding=encoding,
                header=p.header_row,
                rows=p.row_count,
            )
        self.query_one("#read-as", Static).update(read_as)
        notes = self.query_one("#notes", Static)
        notes.update("\n".join(p.notices()))
        notes.display = bool(p.notices())
        rows = p.first_rows()
        title = t("import.tui.first_rows", count=len(rows), rows=p.row_count) if rows else ""
        self.query_one("#rows-title", Static).update(title)
        table = self.query_one("#rows", DataTable)
        table.clear(columns=True)
        table.display = bool(rows)
        if rows:
            columns = p.columns()
            table.add_column(Text(t("import.tui.col.row")), key="row")
            for key, heading in columns:
                table.add_column(Text(heading), key=key)
            for row in rows:
                values = [cell(row.values.get(key, ""), CELL_WIDTH) for key, _ in columns]
                table.add_row(Text(str(row.number)), *values)
        if p.ok and p.summary is not None:
            lines = [t("import.tui.would"), p.summary.message(), *p.summary.details()]
        else:
            lines = [t("import.tui.problems", count=len(p.problems))]
            lines += [problem_line(problem) for problem in p.problems]
        self.query_one("#outcome", Static).update("\n".join(lines))
        self.refresh_bindings()

    def show_done(self, done: Imported) -> None:
        self.done = done
        summary = done.summary
        self.sub_title = t("import.tui.done_title", kind=kind_name(summary.kind))
        # (what was read past is still said above, under the file's name)
        lines = [t("import.tui.done"), summary.message(), *summary.details()]
        if done.points_error is not None:
            lines.append(t("import.tui.points_failed", message=done.points_error))
        elif done.points is not None and done.points.changed:
            lines.append(
                t("ledger.points_updated", added=done.points.added, reversed=done.points.reversed)
            )
        self.query_one("#outcome", Static).update("\n".join(lines))
        self.refresh_bindings()

    # ------------------------------------------------------------------ keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "import":
            return self.done is None and self.preview.ok
        if action == "again":
            return self.done is None and not self.preview.ok
        if action == "open_list":
            return self.done is not None
        return True

    def action_close(self) -> None:
        if self.busy:
            self.notify(t("import.tui.busy"))
        elif self.done is not None:
            leave_import(self.app)
        else:
            self.app.pop_screen()

    async def action_open_list(self) -> None:
        if self.done is None:
            return
        kind = self.done.summary.kind
        leave_import(self.app)
        if kind in LIST_SCREENS:
            await self.app.run_action(f"go('{LIST_SCREENS[kind]}')")  # as the dashboard's keys
        elif self.preview.session_id is not None:  # an appraisal session's steps
            open_steps(self.app, self.session, self.preview.session_id)

    def action_again(self) -> None:
        if not self.busy:
            self.busy = True
            self.query_one("#outcome", Static).update(
                t("import.tui.reading", file=self.preview.file)
            )
            self._read_again()

    def action_import(self) -> None:
        p = self.preview
        if self.busy or self.done is not None:
            return
        if not p.ok:
            self.notify(t("import.tui.cannot_import"), severity="warning")
            return
        question = t(
            "import.tui.confirm", rows=p.row_count, file=p.file, branch=self.session.branch.name
        )
        self.app.push_screen(ConfirmScreen(question, on_result=self._confirmed))

    def _confirmed(self, yes: bool | None) -> None:
        if yes and not self.busy and self.done is None:
            self.busy = True
            self.query_one("#outcome", Static).update(
                t("import.tui.importing", file=self.preview.file)
            )
            self._import()

    # ------------------------------------------------------------------ work

    @work(exclusive=True, group="import-run")
    async def _read_again(self) -> None:
        p = self.preview
        try:
            self.preview = await asyncio.to_thread(
                preview_in_session, self.session, p.kind, p.path, p.session_id
            )
        except StoreError as exc:
            self.notify(str(exc), severity="error")
        finally:
            self.busy = False
        self.show_preview()

    @work(exclusive=True, group="import-run")
    async def _import(self) -> None:
        p, session = self.preview, self.session

        def run() -> ImportPreview | Imported:
            if p.changed():  # saved again since the preview: show what it holds now
                return preview_in_session(session, p.kind, p.path, p.session_id)
            try:
                table = read_table(p.path, p.kind, p.file)
                return import_followed(
                    session.store,
                    session.branch.id,
                    table,
                    today=session.today(),
                    session_id=p.session_id,
                )
            except ImportFailed as exc:  # the database changed since the preview
                return replace(p, problems=tuple(exc.problems), summary=None)

        try:
            result = await asyncio.to_thread(run)
        except StoreError as exc:
            self.busy = False
            self.notify(str(exc), severity="error")
            self.show_preview()
            return
        self.busy = False
        if isinstance(result, Imported):
            self.show_done(result)
            return
        if p.changed() or result.digest != p.digest:
            self.notify(t("import.tui.changed"), severity="warning", timeout=8)
        self.preview = result
        self.show_preview()
