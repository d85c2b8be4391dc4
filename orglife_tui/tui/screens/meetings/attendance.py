"""The attendance sheet of one meeting: mark each member with one key, saved at once.

The secretary goes down the list pressing p p p l a …: every mark is written through
``Store.set_attendance`` (which records it in the audit log) and the cursor moves on; the
points ledger follows each mark at once (``points.after_attendance_change``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.errors import StoreError
from orglife_tui.data.store import AttendanceLine, MeetingRow, RowProblems
from orglife_tui.domain import AttendanceStatus, attendance_reason
from orglife_tui.domain.records import AttendanceInput
from orglife_tui.locale import t
from orglife_tui.services.points import after_attendance_change
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.meetings.leave_reason import LeaveReasonScreen

MARK_STYLE = {
    AttendanceStatus.present: "green",
    AttendanceStatus.leave: "yellow",
    AttendanceStatus.absent: "bold red",
}

COLUMNS = (
    Column("member_no", "col.member_no", 8, 8),
    Column("name", "col.name", 8, 8),
    Column("group", "col.group", 12, 10),
    Column("mark", "tui.col.mark", 6, 8),
    Column("reason", "tui.col.reason", 26, 24),
)


class AttendanceScreen(ListScreen[AttendanceLine]):
    """Every member expected at the meeting, with their mark; a mark is saved and shown
    row by row, so the sheet is read when it opens and after "everyone present" only."""

    CSS_PATH = "attendance.tcss"
    HELP_KEY = "tui.help.attendance"
    TITLE_KEY = "tui.attendance.title"
    TABLE_ID = "sheet"
    COLUMNS = COLUMNS
    KEEP_ROW = True
    RELOAD_ON_RESUME = False

    BINDINGS: ClassVar = [
        Binding("p", "mark('present')", "tui.key.present", id="attendance.present"),
        Binding("l", "leave", "tui.key.leave", id="attendance.leave"),
        Binding("a", "mark('absent')", "tui.key.absent", id="attendance.absent"),
        Binding("x,delete", "clear", "tui.key.clear", id="attendance.clear", key_display="x"),
        # A terminal sends "P" for shift+p (the key name is the capital letter).
        Binding(
            "P,shift+p",
            "all_present",
            "tui.key.all_present",
            id="attendance.all_present",
            key_display="P",
        ),
    ]

    def __init__(self, session: Session, meeting: MeetingRow) -> None:
        super().__init__(session)
        self.meeting = meeting

    def compose_above(self) -> ComposeResult:
        return notes("meeting", "tally")

    def on_mount(self) -> None:
        s, m = self.session, self.meeting
        self.query_one("#meeting", Static).update(
            t(
                "tui.attendance.meeting",
                meeting_no=m.meeting_no,
                date=m.date.isoformat(),
                types=s.labels(m.types),
                title=m.title,
            )
        )

    # ------------------------------------------------------------------ data

    def _mark_cell(self, line: AttendanceLine) -> Text:
        if line.status is None and line.away:  # 流动: organizational life elsewhere
            return self.cell("mark", t("tui.attendance.away"), "cyan")
        if line.status is None:
            return self.cell("mark", t("tui.attendance.unmarked"), "dim")
        return self.cell("mark", self.session.label(line.status), MARK_STYLE[line.status])

    def cells(self, line: AttendanceLine) -> tuple[Text, ...]:
        return (
            self.cell("member_no", line.member_no),
            self.cell("name", line.name),
            self.cell("group", line.group),
            self._mark_cell(line),
            self.cell("reason", line.reason),
        )

    @property
    def lines(self) -> list[AttendanceLine]:
        """Every member on the sheet with their mark (the table shows them page by page)."""
        return self.rows

    def key_of(self, line: AttendanceLine) -> int:
        return line.member_id

    def fetch(self) -> list[AttendanceLine]:
        return self.store.attendance_sheet(self.branch_id, self.meeting.id)

    def show_state(self) -> None:
        self.show_empty(t("tui.attendance.empty"))
        self._show_tally()

    def _show_tally(self) -> None:
        counts = dict.fromkeys(AttendanceStatus, 0)
        unmarked = 0
        lines = self.table.items
        for line in lines:
            if line.status is not None:
                counts[line.status] += 1
            elif not line.away:  # an away member is not expected
                unmarked += 1
        self.query_one("#tally", Static).update(
            t(
                "tui.attendance.tally",
                present=counts[AttendanceStatus.present],
                leave=counts[AttendanceStatus.leave],
                absent=counts[AttendanceStatus.absent],
                unmarked=unmarked,
                total=len(lines),
            )
        )

    def _current(self) -> tuple[int, AttendanceLine] | None:
        line = self.table.current
        return None if line is None else (self.table.cursor_row, line)

    # ------------------------------------------------------------------ marking

    def _set(self, status: AttendanceStatus | None, reason: str | None = None) -> None:
        """Save the mark of the highlighted member, show it, and move to the next member."""
        current = self._current()
        if current is not None:
            self._set_at(current[0], status, reason)

    def _set_at(self, i: int, status: AttendanceStatus | None, reason: str | None = None) -> None:
        table = self.table
        line = table.items[i]
        try:
            self.store.set_attendance(
                self.branch_id, self.meeting.id, line.member_id, status, reason
            )
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self._points_follow(member_ids=[line.member_id])
        new = replace(line, status=status, reason=attendance_reason(status, reason))
        table.replace_item(i, new)
        if i + 1 < len(table.items) and table.cursor_row == i:
            table.move_cursor(row=i + 1, animate=False)
        self._show_tally()

    def _points_follow(self, member_ids: list[int] | None = None) -> None:
        """Let the points follow the marks just saved (this meeting, these members only)."""
        try:
            after_attendance_change(self.store, self.branch_id, [self.meeting.id], member_ids)
        except StoreError as error:
            message = t("ledger.points_failed", message=str(error))
            self.notify(message, severity="warning", markup=False)

    def action_mark(self, status: str) -> None:
        self._set(AttendanceStatus(status))

    def action_clear(self) -> None:
        self._set(None)

    def action_leave(self) -> None:
        current = self._current()
        if current is None:
            return
        i, line = current
        old = line.reason if line.status is AttendanceStatus.leave else ""

        def answered(reason: str | None) -> None:
            if reason:
                self._set_at(i, AttendanceStatus.leave, reason)

        self.app.push_screen(LeaveReasonScreen(line.name, old or "", on_result=answered))

    def action_all_present(self) -> None:
        # Members away (流动) that day are not expected: "everyone present" leaves them be.
        unmarked = [line for line in self.table.items if line.status is None and not line.away]
        if not unmarked:
            self.notify(t("tui.attendance.none_unmarked"))
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            marks = [
                AttendanceInput(self.meeting.meeting_no, line.member_no, AttendanceStatus.present)
                for line in unmarked
            ]
            try:
                self.store.import_attendance(self.branch_id, marks, source="tui:all_present")
            except RowProblems as refused:
                # Say what is refused (a member not in the branch that day …), not how many.
                lines = dict.fromkeys(t(key, **params) for _, key, params in refused.problems)
                self.notify("\n".join(lines), severity="error", markup=False)
                return
            except StoreError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self._points_follow()
            self.notify(t("tui.attendance.all_marked", count=len(marks)))
            self.reload()

        question = t("tui.attendance.confirm_all", count=len(unmarked))
        self.app.push_screen(ConfirmScreen(question, on_result=answered))
