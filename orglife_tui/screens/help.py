"""F1: what the screen underneath is for and every key it answers to."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from orglife_tui.locale import has, t
from orglife_tui.screens.base import BaseModal, cell, declared_bindings


class HelpScreen(BaseModal[None]):
    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar = [
        Binding("escape,f1", "close", "tui.key.close", id="help.close", key_display="esc"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the screen's own bindings, then the app's."""
        rows: list[tuple[str, str]] = []
        done: set[str] = set()
        sources = [type(self.for_screen)]
        if not self.for_screen.is_modal:
            sources.append(type(self.app))
        for source in sources:
            for binding in declared_bindings(source):
                if not has(binding.description) or binding.action in done:
                    continue
                done.add(binding.action)
                shown = []
                for i, key in enumerate(k.strip() for k in binding.key.split(",")):
                    display = binding.key_display if i == 0 else None
                    shown.append(
                        self.app.get_key_display(replace(binding, key=key, key_display=display))
                    )
                rows.append((" / ".join(shown), t(binding.description)))
        return rows

    def compose(self) -> ComposeResult:
        help_key = getattr(self.for_screen, "HELP_KEY", "")
        with Vertical(id="dialog"):
            yield Static(t("tui.help.title"), id="title", markup=False)
            with VerticalScroll(id="body"):
                if help_key:
                    yield Static(t(help_key), id="about", markup=False)
                table = DataTable(id="keys", show_cursor=False, cursor_type="none")
                yield table
            yield Static(t("tui.help.close"), id="close-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_column(t("tui.help.col_key"), width=16)
        table.add_column(t("tui.help.col_action"), width=40)
        table.add_rows((cell(k, 16, "bold"), cell(w, 40)) for k, w in self.key_rows())

    def action_close(self) -> None:
        self.dismiss(None)
