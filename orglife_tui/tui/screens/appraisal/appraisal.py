"""Democratic appraisal (民主评议党员): the branch's appraisal sessions, newest first.

Each row: the year, the state, how many of the voters have voted, the ballots sealed and
the start of the fingerprint. ``n`` creates a session for a year; Enter opens it (roster,
kiosk, paper ballots, close and seal, tally, grades, publishing).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import SessionRow
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import SessionState
from orglife_tui.locale import t
from orglife_tui.tui.cells import cell, right
from orglife_tui.tui.screens.appraisal.shared import STATE_STYLE, AskScreen, turnout_text
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header
from orglife_tui.tui.screens.common.labels import short_hash
from orglife_tui.tui.widgets.table import ListTable

# (column key, catalog key of the heading, width for zh, for en)
COLUMNS = (
    ("year", "tui.appraisal.col.year", 6, 6),
    ("state", "tui.appraisal.col.state", 8, 10),
    ("voted", "tui.appraisal.col.voted", 9, 9),
    ("candidates", "tui.appraisal.col.candidates", 6, 10),
    ("ballots", "tui.appraisal.col.ballots", 6, 7),
    ("fingerprint", "tui.appraisal.col.fingerprint", 14, 14),
)


class AppraisalScreen(BaseScreen):
    CSS_PATH = "appraisal.tcss"
    HELP_KEY = "tui.appraisal.help_list"

    BINDINGS: ClassVar = [
        Binding("n,a", "new", "tui.appraisal.key.new", id="appraisal.new", key_display="n"),
        Binding("e", "open", "tui.appraisal.key.open", id="appraisal.open"),
        Binding("escape", "app.back", "tui.key.back", id="appraisal.back"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.sessions: list[SessionRow] = []

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(t("tui.appraisal.list_heading"), id="heading", markup=False)
        yield ListTable(id="sessions")
        yield Static(id="empty", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.appraisal.title")
        self.table.add_localized_columns(COLUMNS, self.session.lang)
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def table(self) -> ListTable[SessionRow]:
        return self.query_one("#sessions", ListTable)

    def _cells(self, row: SessionRow) -> tuple[Text, ...]:
        zh = self.session.lang == "zh"
        w = {key: wz if zh else we for key, _, wz, we in COLUMNS}
        ballots = "" if row.ballots is None else str(row.ballots)
        return (
            cell(str(row.year), w["year"]),
            cell(self.session.label(row.state), w["state"], STATE_STYLE.get(row.state, "")),
            cell(turnout_text(row), w["voted"]),
            right(str(row.candidates) if row.state is not SessionState.created else "", 4),
            right(ballots, 4),
            cell(short_hash(row.fingerprint) if row.fingerprint else "", w["fingerprint"]),
        )

    def reload(self, wanted_id: int | None = None) -> None:
        table = self.table
        current = table.current
        self.sessions = appraisal.list_sessions(self.store, self.branch_id)
        table.show(self.sessions, self._cells)
        want = wanted_id if wanted_id is not None else (current.id if current else None)
        if want is not None:
            index = table.find(lambda r: r.id == want)
            if index is not None:
                table.move_cursor(row=index, animate=False)
        empty = self.query_one("#empty", Static)
        empty.update(t("tui.appraisal.empty"))
        table.display = bool(self.sessions)
        empty.display = not self.sessions

    # ------------------------------------------------------------------ actions

    def action_new(self) -> None:
        year = self.session.today().year

        def check(text: str) -> str | None:
            if not text.isdigit() or not 1900 <= int(text) <= 2999:
                return t("tui.appraisal.bad_year", value=text)
            return None

        def answered(text: str | None) -> None:
            if not text:
                return
            try:
                row = appraisal.new_session(self.store, self.branch_id, int(text))
            except StoreError as error:
                self.notify(str(error), severity="error")
                return
            self.notify(t("tui.appraisal.created", year=row.year))
            self.reload(row.id)

        self.app.push_screen(
            AskScreen(
                t("tui.appraisal.new_title"),
                t("tui.appraisal.new_prompt"),
                answered,
                value=str(year),
                check=check,
            )
        )

    def action_open(self) -> None:
        row = self.table.current
        if row is None:
            self.notify(t("tui.appraisal.nothing_selected"), severity="warning")
            return
        from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen

        self.app.push_screen(AppraisalDetailScreen(self.session, row.id))

    @on(DataTable.RowSelected, "#sessions")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()
