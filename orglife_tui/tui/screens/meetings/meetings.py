"""Meetings month by month: step through months, record a meeting, open its attendance."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.errors import StoreError
from orglife_tui.data.store import MeetingRow
from orglife_tui.domain import add_months, day_in_month, month_bounds
from orglife_tui.locale import t
from orglife_tui.services.points import after_meeting_change
from orglife_tui.tui.screens.common.base import month_title
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.meetings.attendance import AttendanceScreen
from orglife_tui.tui.screens.meetings.meeting_form import MeetingFormScreen, VoidMeetingScreen

COLUMNS = (
    Column("meeting_no", "col.meeting_no", 8, 8),
    Column("date", "col.date", 5, 5),
    Column("types", "col.types", 14, 16),
    Column("title", "col.title", 22, 20),
    Column("group", "col.group", 10, 8),
    Column("counts", "tui.col.pla", 8, 8),
)


class MeetingsScreen(ListScreen[MeetingRow]):
    CSS_PATH = "meetings.tcss"
    HELP_KEY = "tui.help.meetings"
    TITLE_KEY = "tui.meetings.title"
    TABLE_ID = "meetings"
    NOTHING_SELECTED = "tui.meetings.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "attendance"

    BINDINGS: ClassVar = [
        *step_bindings("meetings", "month"),
        # Out of the Footer so that it fits 80 columns in English; in F1 help and the palette.
        Binding("t", "this_month", "tui.key.this_month", id="meetings.this_month", show=False),
        Binding("n", "new", "tui.key.new", id="meetings.new"),
        Binding("e", "edit", "tui.key.edit", id="meetings.edit"),
        Binding("v", "void", "corrections.key.void", id="meetings.void"),
        # The participants' records of a life meeting: in F1 and the palette.
        Binding("l", "life", "life.tui.key.record_life", id="meetings.life", show=False),
        # A priority binding, so that the Footer shows it over the table's own Enter.
        Binding(
            "enter",
            "attendance",
            "tui.key.attendance",
            id="meetings.attendance",
            key_display="⏎",
            priority=True,
        ),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        today = self.session.today()
        self.year, self.month = today.year, today.month
        self._wanted_id: int | None = None

    def compose_above(self) -> ComposeResult:
        return notes("month")

    # ------------------------------------------------------------------ data

    def cells(self, m: MeetingRow) -> tuple[Text, ...]:
        s, c = self.session, self.cell
        return (
            c("meeting_no", m.meeting_no),
            c("date", m.date.strftime("%m-%d")),
            c("types", s.labels(m.types)),
            c("title", m.title),
            c("group", m.group or ""),
            c("counts", f"{m.present}/{m.leave}/{m.absent}"),
        )

    def fetch(self) -> list[MeetingRow]:
        start, end = month_bounds(self.year, self.month)
        return self.store.list_meetings(self.branch_id, start, end)

    def reload(self, wanted: object = None, keep: bool = True) -> None:
        wanted, self._wanted_id = wanted or self._wanted_id, None
        super().reload(wanted, keep)

    def show_state(self) -> None:
        rows = self.rows
        title = month_title(self.year, self.month)
        self.query_one("#month", Static).update(
            t("tui.meetings.month", month=title, count=len(rows))
        )
        text = ""
        if not rows:
            others = self.store.meeting_months(self.branch_id)
            hint = (
                t("tui.meetings.other_months", months=t("tui.list_sep").join(others[:6]))
                if others
                else ""
            )
            text = t("tui.meetings.empty", month=title) + ("\n\n" + hint if hint else "")
        self.show_empty(text)

    # ------------------------------------------------------------------ months

    def action_step(self, step: int) -> None:
        self.year, self.month = add_months(self.year, self.month, step)
        self.reload()

    def action_this_month(self) -> None:
        today = self.session.today()
        self.year, self.month = today.year, today.month
        self.reload()

    def show_month_of(self, meeting: MeetingRow) -> None:
        self.year, self.month = meeting.date.year, meeting.date.month
        self._wanted_id = meeting.id

    # ------------------------------------------------------------------ actions

    def default_date(self) -> date:
        """Today if it falls in the month on view, else the same day of that month."""
        today = self.session.today()
        return day_in_month(self.year, self.month, today.day)

    def action_new(self) -> None:
        form = MeetingFormScreen(
            self.session, None, default_date=self.default_date(), on_result=self._saved
        )
        self.app.push_screen(form)

    def action_edit(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        self.app.push_screen(MeetingFormScreen(self.session, meeting, on_result=self._saved))

    def action_void(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        self.app.push_screen(VoidMeetingScreen(self.session, meeting, on_result=self._voided))

    def _voided(self, meeting: MeetingRow | None) -> None:
        if meeting is None:
            return
        message = t(
            "corrections.void.done", meeting_no=meeting.meeting_no, reason=meeting.void_reason
        )
        try:
            result = after_meeting_change(self.store, self.branch_id, meeting.id)
        except StoreError as error:
            message += "\n" + t("corrections.points_failed", message=str(error))
            self.notify(message, severity="warning", markup=False)
        else:
            if result.reversed:
                message += "\n" + t("corrections.void.points", reversed=result.reversed)
            self.notify(message, markup=False)
        self.reload()

    def action_life(self) -> None:
        """The participants' records of the highlighted life meeting (组织生活会)."""
        from orglife_tui.domain import MeetingType
        from orglife_tui.tui.screens.life.life_meeting import LifeMeetingScreen

        meeting = self.selected()
        if meeting is None:
            return
        if MeetingType.life_meeting not in meeting.types or meeting.voided:
            self.notify(t("life.tui.not_a_life_meeting"), severity="warning")
            return
        self._wanted_id = meeting.id
        self.app.push_screen(LifeMeetingScreen(self.session, meeting))

    def action_attendance(self) -> None:
        meeting = self.selected()
        if meeting is None:
            return
        self._wanted_id = meeting.id
        self.app.push_screen(AttendanceScreen(self.session, meeting))

    def _saved(self, meeting: MeetingRow | None) -> None:
        if meeting is None:
            return
        self.notify(t("tui.meeting.saved", meeting_no=meeting.meeting_no, title=meeting.title))
        self.show_month_of(meeting)
        self.reload()
