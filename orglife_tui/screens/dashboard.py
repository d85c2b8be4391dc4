"""The first screen: the branch at a glance and the way to everything else."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data.store import MeetingRow
from orglife_tui.locale import t
from orglife_tui.screens.attendance import AttendanceScreen
from orglife_tui.screens.base import BaseScreen, app_header, cell, month_title
from orglife_tui.widgets.table import ListTable

# (catalog key of the heading, width in cells for zh, for en)
COLUMNS = (
    ("col.date", 10, 10),
    ("col.types", 16, 18),
    ("col.title", 32, 30),
    ("tui.col.pla", 9, 9),
)


class DashboardScreen(BaseScreen):
    CSS_PATH = "dashboard.tcss"
    HELP_KEY = "tui.help.dashboard"

    BINDINGS: ClassVar = [
        Binding(
            "m,1", "app.go('members')", "tui.key.members", id="dashboard.members", key_display="m"
        ),
        Binding(
            "g,2",
            "app.go('meetings')",
            "tui.key.meetings",
            id="dashboard.meetings",
            key_display="g",
        ),
        Binding(
            "s,3",
            "app.go('scoreboard')",
            "tui.key.scoreboard",
            id="dashboard.scoreboard",
            key_display="s",
        ),
        Binding(
            "c,4", "app.go('scheme')", "tui.key.scheme", id="dashboard.scheme", key_display="c"
        ),
        Binding("q", "app.quit", "tui.key.quit", id="dashboard.quit"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meetings: list[MeetingRow] = []

    def compose(self) -> ComposeResult:
        yield app_header()
        with Vertical(id="dash"):
            yield Static(id="branch-name", markup=False)
            yield Static(id="counts", markup=False)
            yield Static(id="year", markup=False)
            yield Static(id="month-title", markup=False)
            yield ListTable(id="month-meetings")
            yield Static(id="empty", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.dashboard.title")
        table = self.query_one("#month-meetings", DataTable)
        zh = self.session.lang == "zh"
        for heading, width_zh, width_en in COLUMNS:
            table.add_column(t(heading), width=width_zh if zh else width_en)

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        s = self.session
        summary = s.store.summary(s.branch.id, today=s.today())
        total = summary.full_members + summary.probationary_members
        self.query_one("#branch-name", Static).update(summary.branch.name)
        self.query_one("#counts", Static).update(
            t(
                "tui.dashboard.counts",
                total=total,
                full=summary.full_members,
                probationary=summary.probationary_members,
                groups=summary.groups,
            )
        )
        today = s.today()
        self.query_one("#year", Static).update(
            t("tui.dashboard.year", year=today.year, count=summary.meetings_this_year)
        )
        self.query_one("#month-title", Static).update(
            t("tui.dashboard.month", month=month_title(today.year, today.month))
        )
        widths = [w_zh if s.lang == "zh" else w_en for _, w_zh, w_en in COLUMNS]
        self.meetings = summary.meetings_this_month
        table = self.query_one("#month-meetings", ListTable)
        table.show(
            self.meetings,
            lambda m: (
                cell(m.date.isoformat(), widths[0]),
                cell(s.labels(m.types), widths[1]),
                cell(m.title, widths[2]),
                cell(f"{m.present}/{m.leave}/{m.absent}", widths[3]),
            ),
            cursor=table.cursor_row,
        )
        table.display = bool(self.meetings)
        empty = self.query_one("#empty", Static)
        if total == 0:
            empty.update(t("tui.dashboard.no_members"))
        elif not self.meetings:
            empty.update(t("tui.dashboard.no_meetings"))
        else:
            empty.update(t("tui.dashboard.hint"))

    @on(DataTable.RowSelected, "#month-meetings")
    def _open_attendance(self, event: DataTable.RowSelected) -> None:
        """Enter on one of this month's meetings opens its attendance sheet."""
        event.stop()
        if 0 <= event.cursor_row < len(self.meetings):
            meeting = self.meetings[event.cursor_row]
            self.app.push_screen(AttendanceScreen(self.session, meeting))
