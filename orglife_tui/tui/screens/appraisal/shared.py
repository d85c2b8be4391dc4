"""What the appraisal list, an appraisal session's screen and its tally share: the state's
colour, the turnout line, the one-line question dialog (a year, the teller PIN), what each
action needs the session to be in, the active scheme and a published record's line.

A module of its own so that no screen imports another to get them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from orglife_tui.data import publications, schemes
from orglife_tui.data.appraisal import SessionRow
from orglife_tui.domain import SessionState
from orglife_tui.locale import t
from orglife_tui.scoring.model import Scheme
from orglife_tui.tui.screens.common.base import BaseModal, Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.labels import short_hash

STATE_STYLE = {
    SessionState.started: "bold yellow",
    SessionState.finished: "cyan",
    SessionState.published: "green",
}


def turnout_text(row: SessionRow) -> str:
    """``3 of 20`` voted (or ``—`` before the roster is taken at start)."""
    if row.state is SessionState.created:
        return t("tui.appraisal.no_roster_short")
    return t("tui.appraisal.voted_of", voted=row.voted, voters=row.voters)


# What each action needs the session to be in (the Footer shows only what applies).
ACTIONS: dict[str, frozenset[SessionState]] = {
    "start": frozenset({SessionState.created}),
    "kiosk": frozenset({SessionState.started}),
    "paper": frozenset({SessionState.started}),
    "close_vote": frozenset({SessionState.started}),
    "tally": frozenset({SessionState.finished, SessionState.published}),
    "publish": frozenset({SessionState.finished}),
    "reset": frozenset({SessionState.started, SessionState.finished}),
    "grade": frozenset({SessionState.finished}),
    "grade_all": frozenset({SessionState.finished}),
    "objections": frozenset({SessionState.published}),
}


def active_scheme(session: Session) -> Scheme:
    return schemes.ensure_active(session.store, session.branch.id)[1]


def record_text(record: publications.PublicationRow) -> str:
    """A published record as one line: its number, date and ledger head."""
    return t(
        "publication.tui.record",
        id=record.id,
        date=record.as_of.isoformat(),
        hash=short_hash(record.ledger_head),
    )


class AskScreen(BaseModal[str]):
    """One line asked for: a year, the teller PIN (hidden). ``check`` returns a problem
    (shown under the field, the dialog stays) or None; Enter answers, Escape cancels."""

    CSS_PATH = "appraisal.tcss"
    HELP_KEY = "tui.appraisal.help_ask"

    BINDINGS: ClassVar = [
        Binding("escape", "cancel", "tui.key.cancel", id="ask.cancel"),
    ]

    def __init__(
        self,
        title: str,
        prompt: str,
        on_result: Callable[[str | None], object] | None = None,
        value: str = "",
        password: bool = False,
        check: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(on_result)
        self.ask_title = title
        self.prompt = prompt
        self.initial = value
        self.password = password
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.ask_title, id="ask-title", markup=False)
            yield Static(self.prompt, id="ask-prompt", markup=False)
            field = text_input(self.initial, password=self.password, id="answer")
            yield field
            yield Static(id="ask-error", markup=False)
            yield Static(t("tui.appraisal.ask_keys"), id="ask-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#answer", Input).focus()

    @on(Input.Submitted, "#answer")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        problem = self.check(value) if self.check is not None else None
        if problem:
            error = self.query_one("#ask-error", Static)
            error.update(problem)
            error.add_class("-shown")
            field = self.query_one("#answer", Input)
            if self.password:
                field.value = ""
            return
        self.finish(value)

    def action_cancel(self) -> None:
        self.query_one("#answer", Input).value = ""
        self.finish(None)
