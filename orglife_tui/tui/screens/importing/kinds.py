"""The first step of an import: what the file holds (roster, meetings, attendance, dues,
the plan, an appraisal session's self-assessments). Enter on a kind opens the file chooser
for it (self-assessments: the choice of their session first)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from orglife_tui.importing.columns import SESSION_KINDS
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import app_header
from orglife_tui.tui.screens.importing.steps import KINDS, ImportStep, kind_name


class ImportScreen(ImportStep):
    BINDINGS: ClassVar = [
        Binding("enter", "choose", "import.tui.key.choose", id="import.choose", key_display="⏎"),
    ]

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(t("import.tui.choose_kind"), id="prompt", markup=False)
        lines = (t("import.tui.kind_line", kind=kind_name(k), help=_help(k)) for k in KINDS)
        yield OptionList(
            *(Option(Text(line), id=k) for k, line in zip(KINDS, lines, strict=True)), id="kinds"
        )
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("import.tui.title")
        kinds = self.query_one("#kinds", OptionList)
        kinds.highlighted = 0
        kinds.focus()

    def on_screen_resume(self) -> None:
        self.query_one("#kinds", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.choose(event.option.id)

    def action_choose(self) -> None:
        kinds = self.query_one("#kinds", OptionList)
        if kinds.highlighted is not None:
            self.choose(KINDS[kinds.highlighted])

    def choose(self, kind: str) -> None:
        from orglife_tui.tui.screens.importing.file_chooser import ImportFileScreen
        from orglife_tui.tui.screens.importing.sessions import ImportSessionScreen

        if kind in SESSION_KINDS:
            self.app.push_screen(ImportSessionScreen(self.session, kind))
        else:
            self.app.push_screen(ImportFileScreen(self.session, kind))


def _help(kind: str) -> str:
    return t(f"import.tui.kind_help.{kind}")
