"""The party committee's overview (上级党委): one row per branch the login can see.

Read-only. Each row: the branch, its members, how many were talked with, the meeting
periods missed, the appraisal's state, dues arrears and overdue rectification items and
follow-ups — ``services.overview.overview``, as ``orglife-tui overview`` prints it. Under
the list, the highlighted branch's published grades; ``m`` shows its compliance matrix
(rule × month) there instead. Enter opens the branch read-only (``BranchDetailScreen``).
``[``/``]`` step through the years.

Which branches appear is the database's business (on PostgreSQL a role sees only the
branches it is granted). The overview reads every branch at once (about two seconds for
500): it runs in the background, and again when the screen comes back only if something
was written in the meantime.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Rule, Static

from orglife_tui.data.errors import StoreError
from orglife_tui.data.rows import BranchInfo
from orglife_tui.locale import t, visible
from orglife_tui.scoring.model import Grade
from orglife_tui.services import watch
from orglife_tui.services.overview import BranchOverview, Overview, overview
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.compliance.compliance_view import (
    Detail,
    calendar_text,
    in_background,
    legend_text,
)

COLUMNS = (
    Column("branch", "overview.col.branch", 12, 12, flex=True),
    Column("members", "overview.short.members", 4, 4),
    Column("talked", "overview.short.talked", 7, 7),
    Column("missing", "overview.short.missing", 4, 6),
    Column("appraisal", "overview.short.appraisal", 6, 9),
    Column("arrears", "overview.short.arrears", 8, 9),
    Column("rect", "overview.short.overdue_rectifications", 4, 5),
    Column("follow_ups", "overview.short.overdue_follow_ups", 4, 4),
)


def coverage_cell(b: BranchOverview) -> str:
    return f"{b.talked}/{b.members}"


def grades_line(b: BranchOverview) -> str:
    """The published grades in words, or why there are none."""
    if b.appraisal is None:
        return t("overview.tui.no_session")
    if not b.published:
        return t("overview.tui.not_published")
    return t("overview.tui.grades", **{g.value: b.grades.get(g, 0) for g in Grade})


class OverviewScreen(ListScreen[BranchOverview]):
    CSS_PATH = "overview.tcss"
    HELP_KEY = "overview.tui.help"
    TITLE_KEY = "overview.tui.title"
    TABLE_ID = "branches"
    COLUMNS = COLUMNS
    SELECT_ACTION = "open"
    NOTHING_SELECTED = "overview.tui.none_selected"

    BINDINGS: ClassVar = [
        *step_bindings("overview"),
        Binding("m", "matrix", "overview.tui.key.matrix", id="overview.matrix"),
        Binding(
            "enter",
            "open",
            "overview.tui.key.open",
            id="overview.open",
            key_display="⏎",
            priority=True,
        ),
    ]

    def __init__(self, session: Session, year: int | None = None, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = year or session.today().year
        self.seen: Overview | None = None
        self.matrix = False
        self._marker: tuple[object, ...] | None = None

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def compose_below(self) -> ComposeResult:
        yield Rule(id="rule")
        yield Static(id="matrix", markup=False)
        yield Detail(id="detail")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#matrix", Static).display = False

    # ------------------------------------------------------------------ data

    def cells(self, b: BranchOverview) -> tuple[Text, ...]:
        c = self.cell
        arrears = (
            t("overview.arrears", members=b.arrears_members, months=b.arrears_months)
            if b.arrears_members
            else "0"
        )
        return (
            c("branch", b.name),
            c("members", str(b.members)),
            c("talked", coverage_cell(b)),
            c("missing", str(b.missing), "bold red" if b.missing else ""),
            c("appraisal", self.session.label(b.appraisal) or "—"),
            c("arrears", arrears, "yellow" if b.arrears_members else ""),
            c(
                "rect",
                str(b.overdue_rectifications),
                "bold red" if b.overdue_rectifications else "",
            ),
            c("follow_ups", str(b.overdue_follow_ups), "bold red" if b.overdue_follow_ups else ""),
        )

    def key_of(self, item: BranchOverview) -> object:
        return item.id

    def reload(self, wanted: object = None, keep: bool = True) -> None:
        """Read every branch again, in the background, if anything was written since (in
        any branch: every write leaves an audit row) or the day or the year changed."""
        today = self.session.today()
        newest = self.store.audit_entries(None, limit=1)
        marker = (self.year, today, newest[0]["id"] if newest else None)
        if marker == self._marker:
            return
        self._marker = marker
        try:
            year, as_of = watch.check_window(self.year, None, today)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.query_one("#heading", Static).update(t("overview.tui.loading", year=year))
        self._load(year, as_of, keep)

    @work(exclusive=True, group="overview")
    async def _load(self, year: int, as_of: date, keep: bool) -> None:
        store = self.store
        try:
            seen = await in_background(lambda: overview(store, year, as_of))
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        current = self.highlighted() if keep else None
        self.seen = seen
        index = next((i for i, b in enumerate(seen.branches) if current and b.id == current.id), 0)
        self.table.show(list(seen.branches), self.cells, cursor=index)
        self.show_state()
        self.show_detail()

    def show_state(self) -> None:
        seen = self.seen
        if seen is None:
            return
        self.query_one("#heading", Static).update(
            t(
                "overview.tui.heading",
                year=seen.year,
                as_of=seen.as_of.isoformat(),
                count=len(seen.branches),
            )
        )
        self.show_empty(t("overview.empty"))

    def show_detail(self) -> None:
        b = self.highlighted()
        detail = self.query_one("#detail", Detail)
        matrix = self.query_one("#matrix", Static)
        matrix.display = self.matrix and b is not None
        detail.display = not matrix.display
        if b is None:
            detail.show("")
            return
        if self.matrix and self.seen is not None:
            text = calendar_text(b.calendar, self.seen.year, None, self.session.lang)
            text.append("\n")
            text.append_text(legend_text())
            matrix.update(text)
            return
        detail.show(Text(t("overview.tui.detail", name=visible(b.name), grades=grades_line(b))))

    # ------------------------------------------------------------------ keys

    def action_step(self, step: int) -> None:
        try:
            watch.check_window(self.year + step, None, self.session.today())
        except StoreError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.year += step
        self.seen = None
        self.table.show([], self.cells)
        self.reload(keep=False)

    def action_matrix(self) -> None:
        self.matrix = not self.matrix
        self.show_detail()

    def action_open(self) -> None:
        b = self.selected()
        if b is None or self.seen is None:
            return
        from orglife_tui.tui.screens.overview.branch_detail import BranchDetailScreen

        branch = BranchInfo(b.id, b.name)
        self.app.push_screen(BranchDetailScreen(self.session, branch, b, self.seen))
