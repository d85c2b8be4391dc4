"""The first screen: the branch at a glance and the way to everything else.

From the top: the member counts; this year's compliance calendar (months × the meeting
types the policy requires) beside the open findings and the reminders (political
birthdays in the next 14 days, talk follow-ups due); this month's meetings.

The counts and this month's meetings are quick to read and shown at once. The compliance
watch reads the branch's whole attendance — seconds on a branch of thousands — so it runs
in the background and is computed again only after something was written (or the day
turned); coming back from another screen with nothing changed redraws nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Static

from orglife_tui.locale import t
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import BaseScreen, app_header, month_title
from orglife_tui.tui.screens.compliance.compliance_view import (
    calendar_text,
    change_marker,
    finding_line,
    in_background,
    legend_text,
    severity_counts,
)
from orglife_tui.tui.widgets.table import Column, ListTable, column_widths

if TYPE_CHECKING:
    # The compliance watch and the reminders are read in the background after the first
    # paint; their modules are imported there, not before the dashboard is drawn.
    from orglife_tui.compliance.findings import Finding
    from orglife_tui.data.membership import ProbationRow
    from orglife_tui.data.store import MeetingRow
    from orglife_tui.data.talks import TalkRow
    from orglife_tui.services import watch

# (catalog key of the heading, width in cells for zh, for en)
COLUMNS = (
    Column("date", "col.date", 10, 10),
    Column("types", "col.types", 16, 18),
    Column("title", "col.title", 32, 30),
    Column("counts", "tui.col.pla", 9, 9),
)
"""The month's meetings (the dashboard shows them under its summary: not a list screen)."""

REMINDER_DAYS = 14
FINDINGS_SHOWN = 3
"""Findings listed on the dashboard (one line fewer when "… and N more" follows, so that
the panel is no taller than the calendar); ``f`` lists them all."""
NAMES_SHOWN = 3
"""Names listed per reminder line before "and N more"."""


@dataclass(frozen=True)
class Compliance:
    """What the dashboard shows of the compliance watch, computed in the background."""

    year: int
    calendar: list[watch.CalendarRow]
    findings: list[Finding]
    birthdays: list[watch.Birthday]
    follow_ups: list[TalkRow]
    probation: list[ProbationRow]  # probation ending soon or passed (the conversion watch)


def compute_compliance(store, branch_id: int, today: date) -> Compliance:
    from orglife_tui.data import talks
    from orglife_tui.data.membership import probation_watch
    from orglife_tui.services import watch

    policy = watch.policy_for(store, branch_id)
    year = today.year
    return Compliance(
        year,
        watch.calendar(store, branch_id, year, today, policy),
        watch.check(store, branch_id, year, today, policy),
        watch.political_birthdays(store, branch_id, today, REMINDER_DAYS),
        talks.follow_ups_due(store, branch_id, today, REMINDER_DAYS),
        [p for p in probation_watch(store, branch_id) if p.ends_on is not None],
    )


class DashboardScreen(BaseScreen):
    CSS_PATH = "dashboard.tcss"
    HELP_KEY = "tui.compliance.help_dashboard"
    # Side by side from this width on; below it the findings go under the calendar and the
    # reminders are left out (there is no room for them and this month's meetings).
    # (not ClassVar: Textual declares them as instance variables)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]

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
        # Named in the findings panel rather than in the Footer, which is full at 80 columns.
        Binding("f", "app.go('findings')", "tui.findings.key", id="dashboard.findings", show=False),
        Binding("a", "app.go('absence')", "tui.absence.key", id="dashboard.absence", show=False),
        Binding(
            "t,5", "app.go('talks')", "tui.talks.key.go", id="dashboard.talks", key_display="t"
        ),
        # Plan and rectification: in F1 and the command palette (the Footer line is full).
        Binding("p,6", "app.go('plan')", "tui.plan.key.go", id="dashboard.plan", show=False),
        Binding(
            "r,7",
            "app.go('rectification')",
            "tui.rect.key.go",
            id="dashboard.rectification",
            show=False,
        ),
        Binding(
            "v,8",
            "app.go('appraisal')",
            "tui.appraisal.key.go",
            id="dashboard.appraisal",
            show=False,
        ),
        Binding("d,9", "app.go('dues')", "dues.tui.key.go", id="dashboard.dues", show=False),
        # The yearly jobs: in F1 and the command palette too.
        Binding("e", "app.export", "jobs.key.export", id="dashboard.export", show=False),
        Binding("y", "app.go('verify')", "jobs.key.verify", id="dashboard.verify", show=False),
        Binding("n", "app.go('report')", "jobs.key.report", id="dashboard.report", show=False),
        Binding(
            "b", "app.go('branches')", "jobs.key.branches", id="dashboard.branches", show=False
        ),
        Binding("i", "app.go('import')", "import.tui.key.go", id="dashboard.import", show=False),
        # The committee's view of every branch (上级党委): capital O, beside o's follow-ups.
        Binding(
            "O", "app.go('overview')", "overview.tui.key.go", id="dashboard.overview", show=False
        ),
        Binding(
            "o", "app.go('follow_ups')", "tui.after.key.go", id="dashboard.follow_ups", show=False
        ),
        Binding("l", "app.life_meeting", "life.tui.key.go", id="dashboard.life", show=False),
        Binding(
            "w",
            "app.go('commitments')",
            "life.tui.key.commitments",
            id="dashboard.commitments",
            show=False,
        ),
        Binding("k", "app.go('orders')", "orders.tui.key.go", id="dashboard.orders", show=False),
        Binding("u", "app.go('users')", "users.tui.key.go", id="dashboard.users", show=False),
        Binding("q", "app.quit", "tui.key.quit", id="dashboard.quit"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meetings: list[MeetingRow] = []
        self.compliance: Compliance | None = None
        self._marker: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        yield app_header()
        with Vertical(id="dash"):
            yield Static(id="counts", markup=False)
            with Vertical(id="compliance"):
                with Horizontal(id="watch"):
                    yield Static(id="calendar", markup=False)
                    with Vertical(id="side"):
                        yield Static(id="findings", markup=False)
                        yield Static(id="reminders", markup=False)
                yield Static(id="legend", markup=False)
            yield Static(id="month-title", markup=False)
            yield ListTable(id="month-meetings")
            yield Static(id="empty", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.dashboard.title")
        table = self.query_one("#month-meetings", ListTable)
        table.set_columns(COLUMNS, column_widths(COLUMNS, self.session.lang))
        self.query_one("#calendar", Static).update(t("tui.compliance.loading"))
        self.query_one("#legend", Static).update(legend_text())

    def on_screen_resume(self) -> None:
        self.reload()

    def forget(self) -> None:
        """The session's branch changed: read everything again."""
        self._marker = None
        self.compliance = None
        self.query_one("#calendar", Static).update(t("tui.compliance.loading"))
        self.reload()

    def reload(self) -> None:
        s = self.session
        today = s.today()
        marker = change_marker(s.store, s.branch.id, today)
        if marker == self._marker:
            return  # nothing written since: the screen shows what is true
        self._marker = marker
        self._show_summary(today)
        # After the first paint: the watch reads the whole attendance in a thread that
        # would otherwise hold the interpreter while the counts are being drawn.
        self.call_after_refresh(self._load_compliance, today)

    # ------------------------------------------------------------------ summary

    def _show_summary(self, today: date) -> None:
        s = self.session
        summary = s.store.summary(s.branch.id, today=today)
        total = summary.full_members + summary.probationary_members
        self.query_one("#counts", Static).update(
            t(
                "tui.dashboard.counts",
                total=total,
                full=summary.full_members,
                probationary=summary.probationary_members,
                groups=summary.groups,
            )
        )
        self.query_one("#month-title", Static).update(
            t("tui.dashboard.month", month=month_title(today.year, today.month))
            + t("tui.compliance.sep")
            + t("tui.dashboard.year", year=today.year, count=summary.meetings_this_year)
        )
        w = column_widths(COLUMNS, s.lang)
        self.meetings = summary.meetings_this_month
        table = self.query_one("#month-meetings", ListTable)
        table.show(
            self.meetings,
            lambda m: (
                cell(m.date.isoformat(), w["date"]),
                cell(s.labels(m.types), w["types"]),
                cell(m.title, w["title"]),
                cell(f"{m.present}/{m.leave}/{m.absent}", w["counts"]),
            ),
            cursor=table.cursor_row,
        )
        table.display = bool(self.meetings)
        self.query_one("#compliance").display = total > 0
        empty = self.query_one("#empty", Static)
        empty.set_class(not self.meetings, "-message")
        if total == 0:
            empty.update(t("tui.dashboard.no_members"))
        elif not self.meetings:
            empty.update(t("tui.dashboard.no_meetings"))
        else:
            empty.update(t("tui.compliance.hint"))

    # ------------------------------------------------------------------ compliance

    @work(exclusive=True, group="dashboard-compliance")
    async def _load_compliance(self, today: date) -> None:
        s = self.session
        self.compliance = await in_background(
            lambda: compute_compliance(s.store, s.branch.id, today)
        )
        self._show_compliance(today)

    def _show_compliance(self, today: date) -> None:
        c = self.compliance
        if c is None:
            return
        month = today.month if today.year == c.year else None
        self.query_one("#calendar", Static).update(
            calendar_text(c.calendar, c.year, month, self.session.lang)
        )
        self.query_one("#findings", Static).update(self._findings_text(c))
        reminders = self._birthdays_line(c)
        reminders.append("\n")
        reminders.append_text(self._follow_ups_line(c, today))
        reminders.append("\n")
        reminders.append_text(self._probation_line(c))
        self.query_one("#reminders", Static).update(reminders)

    def _findings_text(self, c: Compliance) -> Text:
        out = Text(no_wrap=True, end="")
        violations, warnings = severity_counts(c.findings)
        if c.findings:
            heading = t("tui.compliance.findings", violations=violations, warnings=warnings)
            out.append(heading, style="bold red" if violations else "bold yellow")
            shown = len(c.findings) if len(c.findings) <= FINDINGS_SHOWN else FINDINGS_SHOWN - 1
            for finding in c.findings[:shown]:
                out.append("\n")
                out.append_text(finding_line(finding, self.session.lang))
            rest = len(c.findings) - shown
            if rest > 0:
                out.append("\n" + t("tui.compliance.more", count=rest), style="dim")
        else:
            out.append(t("tui.compliance.no_findings"), style="green")
        out.append("\n" + t("tui.compliance.keys"), style="dim")
        return out

    def _birthdays_line(self, c: Compliance) -> Text:
        if not c.birthdays:
            return Text(t("tui.compliance.no_birthdays", days=REMINDER_DAYS), style="dim")
        items = [
            t("tui.compliance.birthday", name=b.name, date=b.date.strftime("%m-%d"), years=b.years)
            for b in c.birthdays
        ]
        return Text(t("tui.compliance.birthdays", items=_some(items)))

    def _follow_ups_line(self, c: Compliance, today: date) -> Text:
        if not c.follow_ups:
            return Text(t("tui.compliance.no_follow_ups"), style="dim")
        items = [
            t(
                "tui.compliance.follow_up",
                name=f.member_name,
                date=(f.follow_up_date or today).strftime("%m-%d"),
            )
            for f in c.follow_ups
        ]
        overdue = any(
            f.follow_up_date is not None and f.follow_up_date < today for f in c.follow_ups
        )
        return Text(
            t("tui.compliance.follow_ups", items=_some(items)), style="yellow" if overdue else ""
        )

    def _probation_line(self, c: Compliance) -> Text:
        if not c.probation:
            from orglife_tui.data.membership import PROBATION_WATCH_DAYS

            return Text(t("tui.compliance.no_probation", days=PROBATION_WATCH_DAYS), style="dim")
        items = [
            t("tui.compliance.probation_item", name=p.name, date=p.ends_on.strftime("%m-%d"))
            if p.ends_on is not None and (p.days_left or 0) >= 0
            else t("tui.compliance.probation_overdue", name=p.name)
            for p in c.probation
        ]
        overdue = any((p.days_left or 0) < 0 for p in c.probation)
        return Text(
            t("tui.compliance.probation", items=_some(items)), style="yellow" if overdue else ""
        )

    @on(DataTable.RowSelected, "#month-meetings")
    def _open_attendance(self, event: DataTable.RowSelected) -> None:
        """Enter on one of this month's meetings opens its attendance sheet."""
        event.stop()
        if 0 <= event.cursor_row < len(self.meetings):
            from orglife_tui.tui.screens.meetings.attendance import AttendanceScreen

            meeting = self.meetings[event.cursor_row]
            self.app.push_screen(AttendanceScreen(self.session, meeting))


def _some(items: list[str]) -> str:
    """The first few of ``items``; with more than that, how many there are first."""
    shown = t("tui.list_sep").join(items[:NAMES_SHOWN])
    if len(items) <= NAMES_SHOWN:
        return shown
    return t("tui.compliance.items_more", items=shown, total=len(items))
