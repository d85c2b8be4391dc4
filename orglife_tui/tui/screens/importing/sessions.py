"""The step of an import of self-assessments (个人自评) taken from the kinds of file: which
appraisal session they are for. Only the sessions that still take them are offered (a
published result takes none); Enter on one opens the file chooser for it. (The session's
own steps screen opens the file chooser directly: ``i`` there.)
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import SessionRow
from orglife_tui.domain import SessionState
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session, app_header
from orglife_tui.tui.screens.importing.steps import ImportStep, kind_name


def taking_self_assessments(sessions: list[SessionRow]) -> list[SessionRow]:
    """The sessions a self-assessment can still be recorded in: any not published."""
    return [s for s in sessions if s.state is not SessionState.published]


class ImportSessionScreen(ImportStep):
    BINDINGS: ClassVar = [
        Binding("enter", "choose", "import.tui.key.choose", id="import.session", key_display="⏎"),
    ]

    def __init__(self, session: Session, kind: str) -> None:
        super().__init__(session)
        self.kind = kind
        self.sessions = taking_self_assessments(
            appraisal.list_sessions(session.store, session.branch.id)
        )

    def compose(self) -> ComposeResult:
        yield app_header()
        prompt = "import.tui.choose_session" if self.sessions else "import.tui.no_session"
        yield Static(t(prompt), id="prompt", markup=False)
        yield OptionList(
            *(Option(Text(self._line(s)), id=str(s.id)) for s in self.sessions), id="sessions"
        )
        yield Footer(show_command_palette=False, compact=True)

    def _line(self, row: SessionRow) -> str:
        return t("import.tui.session_line", year=row.year, state=self.session.label(row.state))

    def on_mount(self) -> None:
        self.sub_title = t("import.tui.session_title", kind=kind_name(self.kind))
        options = self.query_one("#sessions", OptionList)
        options.display = bool(self.sessions)
        if self.sessions:
            options.highlighted = 0
            options.focus()

    def on_screen_resume(self) -> None:
        self.query_one("#sessions", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.sessions) if action == "choose" else True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.choose(event.option_index)

    def action_choose(self) -> None:
        highlighted = self.query_one("#sessions", OptionList).highlighted
        if highlighted is not None:
            self.choose(highlighted)

    def choose(self, index: int) -> None:
        from orglife_tui.tui.screens.importing.file_chooser import ImportFileScreen

        chosen = self.sessions[index]
        self.app.push_screen(ImportFileScreen(self.session, self.kind, appraisal_id=chosen.id))
