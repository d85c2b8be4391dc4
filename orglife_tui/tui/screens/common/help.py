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
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import BaseModal, declared_bindings


class HelpScreen(BaseModal[None]):
    CSS_PATH = "help.tcss"

    BINDINGS: ClassVar = [
        Binding("escape,f1", "close", "tui.key.close", id="help.close", key_display="esc"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.for_screen = screen

    def key_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for the screen's own bindings, then the app's.

        A key the screen binds itself is not listed again for the app (the screen's wins).
        """
        keys_of: dict[str, list[str]] = {}
        what_of: dict[str, str] = {}
        taken: set[str] = set()
        sources: list[type] = [type(self.for_screen)]
        if not self.for_screen.is_modal:
            sources.append(type(self.app))
        for source in sources:
            bound_here: set[str] = set()
            for binding in declared_bindings(source):
                if not has(binding.description):
                    continue
                action = binding.action.removeprefix("app.")
                for i, key in enumerate(k.strip() for k in binding.key.split(",")):
                    if key in taken:
                        continue
                    bound_here.add(key)
                    display = binding.key_display if i == 0 else None
                    text = self.app.get_key_display(replace(binding, key=key, key_display=display))
                    shown = keys_of.setdefault(action, [])
                    what_of.setdefault(action, t(binding.description))
                    if text not in shown:
                        shown.append(text)
            taken |= bound_here
        return [(" / ".join(keys_of[action]), what_of[action]) for action in keys_of]

    def compose(self) -> ComposeResult:
        help_key = getattr(self.for_screen, "HELP_KEY", "")
        with Vertical(id="dialog"):
            yield Static(t("tui.help.title"), id="title", markup=False)
            with VerticalScroll(id="body"):
                if help_key:
                    yield Static(t(help_key), id="about", markup=False)
                yield DataTable(id="keys", show_cursor=False, cursor_type="none")
            yield Static(t("tui.help.close"), id="close-hint", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#keys", DataTable)
        table.add_column(t("tui.help.col_key"), width=16)
        table.add_column(t("tui.help.col_action"), width=40)
        table.add_rows((cell(k, 16, "bold"), cell(w, 40)) for k, w in self.key_rows())

    def action_close(self) -> None:
        self.dismiss(None)
