"""Ask why a member is on leave: an empty reason is refused in place, Escape changes nothing.

Secretaries type ahead (``l``, the reason, Enter, ``p`` for the next member …), and over a
slow SSH link those keys arrive in one packet. So this dialog reads the keys itself, one
after the other in the order they were typed (the app hands it the keys typed before it
opened, see ``OrglifeApp.on_key``), and keys typed after Enter go on to the sheet below.
The reason is a short line: characters, Backspace, Ctrl+U to clear, Enter, Escape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseModal

MAX_REASON = 500


class LeaveReasonScreen(BaseModal[str | None]):
    CSS_PATH = "leave_reason.tcss"
    HELP_KEY = "tui.help.leave_reason"
    TYPE_AHEAD = True

    # Shown by F1; the keys themselves are read in ``on_key`` (in typing order).
    BINDINGS: ClassVar = [
        Binding("enter", "submit", "tui.key.save", id="leave.save", show=False),
        Binding("escape", "cancel", "tui.key.cancel", id="leave.cancel", show=False),
    ]

    def __init__(
        self,
        name: str,
        reason: str = "",
        on_result: Callable[[str | None], object] | None = None,
    ) -> None:
        super().__init__(on_result)
        self.member_name = name
        self.value = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("tui.leave.title", name=self.member_name), id="title", markup=False)
            yield Static(id="reason", markup=False)
            yield Static(id="problem", markup=False)
            yield Static(t("tui.leave.keys"), id="keys", markup=False)

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        line = Text(self.value, no_wrap=True, overflow="ellipsis")
        line.append(" ", style="reverse")  # a steady caret: nothing blinks
        if not self.value:
            line.append(" " + t("tui.leave.hint"), style="dim")
        self.query_one("#reason", Static).update(line)

    def on_key(self, event: events.Key) -> None:
        if self.finished or event.key in ("f1", "ctrl+q", "ctrl+c"):
            return  # typed after Enter: not ours, the app gives it to the sheet below
        event.stop()
        event.prevent_default()
        if event.key == "enter":
            self.action_submit()
        elif event.key == "escape":
            self.action_cancel()
        elif event.key in ("backspace", "ctrl+h"):
            self.value = self.value[:-1]
        elif event.key == "ctrl+u":
            self.value = ""
        elif event.is_printable and event.character:
            self.value = (self.value + event.character)[:MAX_REASON]
        if not self.finished:
            self._show()

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        if not self.finished:
            self.value = (self.value + " ".join(event.text.split()))[:MAX_REASON]
            self._show()

    def action_submit(self) -> None:
        reason = self.value.strip()
        if not reason:
            problem = self.query_one("#problem", Static)
            problem.update(t("leave_needs_reason"))
            problem.add_class("-shown")
            return
        self.finish(reason)

    def action_cancel(self) -> None:
        self.finish(None)
