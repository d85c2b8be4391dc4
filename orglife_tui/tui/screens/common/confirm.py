"""A yes/no question over the current screen (discard changes? mark everyone present?)."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseModal


class ConfirmScreen(BaseModal[bool]):
    CSS_PATH = "confirm.tcss"
    HELP_KEY = "tui.help.confirm"
    TYPE_AHEAD = True

    BINDINGS: ClassVar = [
        Binding("y", "answer(True)", "tui.key.yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "tui.key.no", id="confirm.no", key_display="n"),
    ]

    def __init__(
        self, question: str, on_result: Callable[[bool | None], object] | None = None
    ) -> None:
        super().__init__(on_result)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(t("tui.confirm.yes"), id="yes", variant="warning", compact=True)
                yield Button(t("tui.confirm.no"), id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.finish(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.finish(yes)
