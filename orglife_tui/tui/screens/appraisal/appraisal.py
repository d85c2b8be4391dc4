"""Democratic appraisal (民主评议党员): the branch's appraisal sessions, newest first.

Each row: the year, the state, how many of the voters have voted, the ballots sealed and
the start of the fingerprint. ``n`` creates a session for a year; Enter opens it (roster,
kiosk, paper ballots, close and seal, tally, grades, publishing).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import SessionRow
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import SessionState
from orglife_tui.domain.access import Home
from orglife_tui.locale import t
from orglife_tui.tui.cells import right
from orglife_tui.tui.screens.appraisal.shared import STATE_STYLE, AskScreen, turnout_text
from orglife_tui.tui.screens.common.labels import short_hash
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen

COLUMNS = (
    Column("year", "tui.appraisal.col.year", 6, 6),
    Column("state", "tui.appraisal.col.state", 8, 10),
    Column("voted", "tui.appraisal.col.voted", 9, 9),
    Column("candidates", "tui.appraisal.col.candidates", 6, 10),
    Column("ballots", "tui.appraisal.col.ballots", 6, 7),
    Column("fingerprint", "tui.appraisal.col.fingerprint", 14, 14),
)


class AppraisalScreen(ListScreen[SessionRow]):
    CSS_PATH = "appraisal.tcss"
    HELP_KEY = "tui.appraisal.help_list"
    TITLE_KEY = "tui.appraisal.title"
    TABLE_ID = "sessions"
    NOTHING_SELECTED = "tui.appraisal.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "open"

    BINDINGS: ClassVar = [
        Binding("n,a", "new", "tui.appraisal.key.new", id="appraisal.new", key_display="n"),
        Binding("e", "open", "tui.appraisal.key.open", id="appraisal.open"),
        Binding("escape", "app.back", "tui.key.back", id="appraisal.back"),
    ]

    def compose_above(self) -> ComposeResult:
        yield Static(t("tui.appraisal.list_heading"), id="heading", markup=False)

    def fetch(self) -> list[SessionRow]:
        return appraisal.list_sessions(self.store, self.branch_id)

    def cells(self, row: SessionRow) -> tuple[Text, ...]:
        c = self.cell
        ballots = "" if row.ballots is None else str(row.ballots)
        return (
            c("year", str(row.year)),
            c("state", self.session.label(row.state), STATE_STYLE.get(row.state, "")),
            c("voted", turnout_text(row)),
            right(str(row.candidates) if row.state is not SessionState.created else "", 4),
            right(ballots, 4),
            c("fingerprint", short_hash(row.fingerprint) if row.fingerprint else ""),
        )

    def empty_text(self) -> str:
        if self._teller():
            return t("tui.appraisal.empty_teller")
        return t("tui.appraisal.empty")

    def _teller(self) -> bool:
        """A teller runs the polls the secretary creates (issue 13): no new session."""
        return self.session.home is Home.KIOSK

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "new" and self._teller():
            return False
        return super().check_action(action, parameters)

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
        row = self.selected()
        if row is None:
            return
        from orglife_tui.tui.screens.appraisal.appraisal_detail import AppraisalDetailScreen

        self.app.push_screen(AppraisalDetailScreen(self.session, row.id))
