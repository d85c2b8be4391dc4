"""One member's history in the branch: their dated events, oldest first, voided ones kept
and marked. ``x`` voids the highlighted event (with a reason); ``r`` records a new one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import membership
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import MemberEventRow
from orglife_tui.data.store import MemberRow
from orglife_tui.domain import MemberEventKind
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes

COLUMNS = (
    Column("date", "membership.col.date", 10, 10),
    Column("kind", "membership.col.kind", 12, 12),
    Column("end_date", "membership.col.end_date", 10, 10),
    Column("place", "membership.col.place", 14, 14),
    Column("reason", "membership.col.reason", 12, 12),
    Column("operator", "membership.col.operator", 8, 8),
)


class MemberHistoryScreen(ListScreen[MemberEventRow]):
    CSS_PATH = "member_history.tcss"
    HELP_KEY = "membership.tui.help.history"
    TITLE_KEY = "membership.tui.history_title"
    TABLE_ID = "events"
    NOTHING_SELECTED = "membership.tui.no_event"
    COLUMNS = COLUMNS
    KEEP_ROW = True

    BINDINGS: ClassVar = [
        Binding("r", "record", "membership.tui.key.event", id="history.record"),
        Binding("x,delete", "void", "membership.tui.key.void", id="history.void", key_display="x"),
        Binding("escape", "app.back", "tui.key.back", id="history.back"),
    ]

    def __init__(self, session: Session, member: MemberRow, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.member = member

    def compose_above(self) -> ComposeResult:
        return notes("who")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    def fetch(self) -> list[MemberEventRow]:
        s = self.session
        try:
            self.member = s.store.get_member(s.branch.id, self.member.member_no)
            return membership.member_events(s.store, s.branch.id, self.member.member_no)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return []

    def show_state(self) -> None:
        self.query_one("#who", Static).update(self._who())
        self.show_empty(t("membership.tui.history_empty"))

    def _who(self) -> str:
        m, s = self.member, self.session
        parts = {"name": m.name, "member_no": m.member_no, "status": s.label(m.status)}
        line = t("membership.tui.member_line", **parts)
        if m.join_date is not None:
            line = t("membership.tui.member_line_joined", joined=m.join_date.isoformat(), **parts)
        if m.left_on is not None and m.left_kind is not None:
            line += t(
                "membership.tui.left_on",
                date=m.left_on.isoformat(),
                kind=s.label(MemberEventKind(m.left_kind)),
            )
        elif m.entered_on is not None:
            line += t("membership.tui.entered_on", date=m.entered_on.isoformat())
        return line

    def cells(self, e: MemberEventRow) -> tuple[Text, ...]:
        style = "strike dim" if e.voided else ""
        values = {
            "date": e.date.isoformat(),
            "kind": self.session.label(e.kind),
            "end_date": e.end_date.isoformat() if e.end_date else "",
            "place": e.place or "",
            "reason": e.reason or e.note or "",
            "operator": e.operator,
        }
        return tuple(self.cell(c.key, values[c.key], style) for c in COLUMNS)

    def show_detail(self) -> None:
        """Under the list: the highlighted event's note, and why it was voided."""
        e = self.table.current
        lines: list[str] = []
        if e is not None:
            if e.note and e.reason:
                lines.append(t("membership.tui.note", note=e.note))
            if e.voided:
                lines.append(t("membership.tui.voided", reason=e.void_reason or ""))
        self.query_one("#detail", Static).update("\n".join(lines))

    # ------------------------------------------------------------------ actions

    def action_record(self) -> None:
        from orglife_tui.tui.screens.members.member_events import open_event

        open_event(self, self.member, on_done=lambda: self.reload())

    def action_void(self) -> None:
        from orglife_tui.tui.screens.members.member_events import VoidEventFormScreen

        event = self.selected()
        if event is None:
            return
        if event.voided:
            self.notify(t("membership.event_already_voided", id=event.id), severity="warning")
            return

        def voided(result: MemberEventRow | None) -> None:
            if result is None:
                return
            self.notify(
                t(
                    "membership.tui.voided_done",
                    kind=self.session.label(result.kind),
                    date=result.date.isoformat(),
                )
            )
            self.reload()

        self.app.push_screen(VoidEventFormScreen(self.session, event, on_result=voided))
