"""The integrity check from the TUI: the same check as the command line's, the same lines,
in the user's language; each chain's first broken record marked."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding

from orglife_tui.locale import visible
from orglife_tui.services.verify import Verification, outcome_lines, summary_lines, verify
from orglife_tui.tui.screens.jobs.text_view import TextViewScreen


class VerifyScreen(TextViewScreen):
    HELP_KEY = "jobs.verify.help"
    TITLE_KEY = "jobs.verify.title"
    LOADING_KEY = "jobs.verify.running"

    BINDINGS: ClassVar = [
        Binding("r", "again", "jobs.key.again", id="verify.again"),
    ]

    def on_screen_resume(self) -> None:
        if not self.loading_now and self.result is not None:
            self.refresh_text()  # shown again: what is true now

    def action_again(self) -> None:
        if not self.loading_now:
            self.refresh_text()

    def read(self) -> Verification:
        return verify(self.session.store)

    def render_text(self, result: Verification) -> Text:
        out = Text(end="", overflow="fold")
        for line in summary_lines(result, anchor_key="jobs.verify.anchor"):
            out.append(visible(line.text) + "\n")
        out.append("\n")
        for line in outcome_lines(result):
            style = "bold red" if line.problem else "bold green"
            out.append(visible(line.text) + "\n", style=style)
        return out
