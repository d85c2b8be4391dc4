"""Every finding of the compliance watch for a year: period, subject, severity, message.

The same list as ``orglife-tui check``: the current year judged as of today, a past year
as of its last day (``watch.check_window``). ``[``/``]`` (or Shift+←/→) step through the
years; the message column is cut to the terminal's width and the highlighted finding's
whole text is shown under the list. Enter on an ``absence_streak`` finding opens the
absence watch on that member.

The check reads the branch's attendance (seconds on a branch of thousands): it runs in
the background and again only after something was written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Rule, Static

from orglife_tui.compliance.findings import Finding
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.services import watch
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.compliance.absence import AbsenceScreen
from orglife_tui.tui.screens.compliance.compliance_view import (
    SEVERITY_STYLES,
    Detail,
    change_marker,
    in_background,
    severity_counts,
    severity_label,
)

# The message takes what the other columns leave.
COLUMNS = (
    Column("period", "col.period", 7, 7),
    Column("subject", "col.subject", 10, 10),
    Column("severity", "col.severity", 4, 9),
    Column("message", "col.message", 20, 20, flex=True),
)


class FindingsScreen(ListScreen[Finding]):
    """The year's findings, read in the background (the checks take a while on a large
    branch); the screen answers keys meanwhile."""

    CSS_PATH = "findings.tcss"
    HELP_KEY = "tui.findings.help"
    TITLE_KEY = "tui.findings.title"
    TABLE_ID = "findings"
    COLUMNS = COLUMNS
    SELECT_ACTION = "open"

    BINDINGS: ClassVar = [
        *step_bindings("findings"),
        # A priority binding, so that the Footer shows it over the table's own Enter.
        Binding(
            "enter",
            "open",
            "tui.findings.open_absence",
            id="findings.open",
            key_display="⏎",
            priority=True,
        ),
    ]

    def __init__(self, session: Session, year: int | None = None, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = year or session.today().year
        self.as_of = session.today()
        self.findings: list[Finding] = []
        self.loaded = False
        self._marker: tuple[object, ...] | None = None

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def compose_below(self) -> ComposeResult:
        yield Rule(id="rule")
        yield Detail(id="detail")

    # ------------------------------------------------------------------ data

    def cells(self, f: Finding) -> tuple[Text, ...]:
        return finding_cells(self.cell, f)

    def reload(self, wanted: object = None, keep: bool = True) -> None:
        """Check the year again in the background, if anything changed since."""
        today = self.session.today()
        marker = (self.year, *change_marker(self.store, self.branch_id, today))
        if marker == self._marker:
            return
        self._marker = marker
        try:
            year, as_of = watch.check_window(self.year, None, today)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.query_one("#heading", Static).update(t("tui.findings.loading", year=year))
        self._load(year, as_of)

    @work(exclusive=True, group="findings")
    async def _load(self, year: int, as_of) -> None:
        store, branch_id = self.store, self.branch_id
        found = await in_background(lambda: watch.check(store, branch_id, year, as_of))
        self.findings, self.as_of, self.loaded = found, as_of, True
        self._show(year)

    def _show(self, year: int) -> None:
        violations, warnings = severity_counts(self.findings)
        as_of = self.as_of.isoformat()
        self.query_one("#heading", Static).update(
            t(
                "tui.findings.header",
                year=year,
                as_of=as_of,
                violations=violations,
                warnings=warnings,
            )
        )
        self.query_one("#empty", Static).update(t("tui.findings.none", year=year, as_of=as_of))
        self._show_rows(0)

    def _show_rows(self, cursor: int) -> None:
        self.table.show(self.findings, self.cells, cursor=cursor)
        self.show_empty(None)
        self.show_detail()

    def show_detail(self) -> None:
        f = self.highlighted()
        detail = self.query_one("#detail", Detail)
        if f is None:
            detail.show("")
            return
        detail.show(Text(f.message))

    # ------------------------------------------------------------------ keys

    def action_step(self, step: int) -> None:
        today = self.session.today()
        try:
            watch.check_window(self.year + step, None, today)
        except StoreError as exc:
            self.notify(str(exc), severity="warning")
            return
        self.year += step
        self.findings = []
        self.loaded = False
        self.table.show([], self.cells)
        self.reload()

    def action_open(self) -> None:
        f = self.highlighted()
        if f is None or f.rule != "absence_streak":
            self.app.bell()
            return
        self.app.push_screen(AbsenceScreen(self.session, member_no=f.subject))


def finding_cells(cell: Callable[..., Text], f: Finding) -> tuple[Text, ...]:
    """A finding's row: its period, subject, severity and message (also the committee's
    read-only view of a branch)."""
    return (
        cell("period", f.period),
        cell("subject", f.subject),
        cell("severity", severity_label(f.severity), SEVERITY_STYLES[f.severity]),
        cell("message", f.message),
    )
