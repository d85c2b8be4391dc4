"""Ask why a member is on leave: an empty reason is refused in place, Escape changes nothing.

Secretaries type ahead (``l``, the reason, Enter, ``p`` for the next member …), and over a
slow SSH link those keys arrive in one packet. So Enter is taken by the reason field itself,
in order after the characters before it, and keys that come after Enter go on to the
attendance sheet underneath instead of into the closed dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from orglife_tui.locale import t
from orglife_tui.screens.base import BaseModal


class ReasonInput(Input):
    """The reason field: Enter submits at once; keys after that belong to the screen below."""

    done = False

    async def _on_key(self, event: events.Key) -> None:
        if self.done:
            return  # not consumed: the key bubbles up and the app gives it to the sheet
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            screen = self.screen
            if isinstance(screen, LeaveReasonScreen):
                screen.action_submit()
            return
        await super()._on_key(event)


class LeaveReasonScreen(BaseModal[str | None]):
    CSS_PATH = "leave_reason.tcss"
    HELP_KEY = "tui.help.leave_reason"

    BINDINGS: ClassVar = [
        Binding("enter", "submit", "tui.key.save", id="leave.save", show=False),
        Binding("escape", "cancel", "tui.key.cancel", id="leave.cancel"),
    ]

    def __init__(
        self,
        name: str,
        reason: str = "",
        on_result: Callable[[str | None], object] | None = None,
    ) -> None:
        super().__init__(on_result)
        self.member_name = name
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(t("tui.leave.title", name=self.member_name), id="title", markup=False)
            reason = ReasonInput(
                value=self.reason, placeholder=t("tui.leave.hint"), id="reason", compact=True
            )
            reason.cursor_blink = False
            yield reason
            yield Static(id="problem", markup=False)
            yield Static(t("tui.leave.keys"), id="keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Characters typed before the field had the focus (right after ``l``) still count."""
        reason = self.query_one("#reason", ReasonInput)
        if reason.done or reason.has_focus:
            return
        if event.is_printable and event.character:
            event.stop()
            reason.focus()
            reason.insert_text_at_cursor(event.character)

    def action_submit(self) -> None:
        field = self.query_one("#reason", ReasonInput)
        reason = field.value.strip()
        if not reason:
            problem = self.query_one("#problem", Static)
            problem.update(t("leave_needs_reason"))
            problem.add_class("-shown")
            return
        field.done = True
        self.finish(reason)

    def action_cancel(self) -> None:
        self.query_one("#reason", ReasonInput).done = True
        self.finish(None)
