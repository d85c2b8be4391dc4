"""The second step of an import: the file. A path typed (``~`` is the home folder; a
relative path is read from the working directory) or picked from a tree of the working
directory that shows folders and .csv/.xlsx files only.

A path that is not there, is a folder or cannot be read is said here, under the path;
otherwise the file is read and its import rehearsed (``importing.preview``) in the
background, and the preview opens. Escape goes back to the kinds, the path kept.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DirectoryTree, Footer, Input, Label, Static

from orglife_tui.data.errors import StoreError
from orglife_tui.importing.preview import ImportPreview, preview_file
from orglife_tui.importing.reader import CSV_SUFFIXES, XLSX_SUFFIXES
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session, app_header
from orglife_tui.tui.screens.importing.steps import ImportStep, kind_name, problem_line


class SpreadsheetTree(DirectoryTree):
    """The folders and the files an import reads; hidden ones left out."""

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [
            p
            for p in paths
            if not p.name.startswith(".")
            and (_is_dir(p) or p.suffix.lower() in CSV_SUFFIXES + XLSX_SUFFIXES)
        ]


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def preview_in_session(
    session: Session, kind: str, path: Path, appraisal_id: int | None = None
) -> ImportPreview:
    """The preview of ``path`` as the import screens show it (the file named by its name);
    ``appraisal_id``: the appraisal session of a session's records (self-assessments)."""
    return preview_file(
        session.store,
        session.branch.id,
        kind,
        path,
        display=path.name,
        today=session.today(),
        session_id=appraisal_id,
    )


class ImportFileScreen(ImportStep):
    BINDINGS: ClassVar = [
        Binding("tab", "switch", "import.tui.key.focus", id="import.switch", priority=True),
    ]

    def __init__(
        self,
        session: Session,
        kind: str,
        start: Path | None = None,
        appraisal_id: int | None = None,
    ) -> None:
        super().__init__(session)
        self.kind = kind
        self.start = start or Path.cwd()
        self.appraisal_id = appraisal_id  # a session's records (SESSION_KINDS) go there
        self.busy = False

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(t("import.tui.file_hint"), id="hint", markup=False)
        with Horizontal(id="path-bar"):
            yield Label(t("import.tui.path_label"), id="path-label", markup=False)
            path = Input(placeholder=t("import.tui.path_hint"), id="path", compact=True)
            path.cursor_blink = False
            yield path
        yield Static(id="message", markup=False)
        yield SpreadsheetTree(self.start, id="tree")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("import.tui.file_title", kind=kind_name(self.kind))
        self.query_one("#path", Input).focus()

    # ------------------------------------------------------------------ choosing

    def action_switch(self) -> None:
        path, tree = self.query_one("#path", Input), self.query_one("#tree", SpreadsheetTree)
        (tree if path.has_focus else path).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.open(event.value)

    def on_directory_tree_file_selected(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self.query_one("#path", Input).value = str(event.path)
        self.open(str(event.path))

    def say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)

    def open(self, typed: str) -> None:
        """Preview the file at ``typed``, or say here why it cannot be read."""
        if self.busy:
            return
        typed = typed.strip()
        if not typed:
            self.say(t("import.tui.no_path"))
            return
        path = Path(typed).expanduser()
        if not path.is_absolute():
            path = self.start / path
        self.busy = True
        self.say(t("import.tui.reading", file=path.name))
        self._preview(path)

    @work(exclusive=True, group="import-preview")
    async def _preview(self, path: Path) -> None:
        session, kind, appraisal_id = self.session, self.kind, self.appraisal_id
        try:
            preview = await asyncio.to_thread(preview_in_session, session, kind, path, appraisal_id)
        except StoreError as exc:
            self.say(str(exc))
            return
        finally:
            self.busy = False
        if preview.header_row is None:  # not read at all: not there, a folder, not a sheet
            self.say("\n".join(problem_line(p) for p in preview.problems))
            return
        self.say("")
        from orglife_tui.tui.screens.importing.preview import ImportPreviewScreen

        self.app.push_screen(ImportPreviewScreen(self.session, preview))
