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

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Rule, Static

from orglife_tui.compliance.findings import Finding
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.services import watch
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header, cell
from orglife_tui.tui.screens.compliance.absence import AbsenceScreen
from orglife_tui.tui.screens.compliance.compliance_view import (
    SEVERITY_STYLES,
    Detail,
    change_marker,
    in_background,
    severity_counts,
    severity_label,
)
from orglife_tui.tui.widgets.table import ListTable

YEAR_GROUP = Binding.Group("tui.key.year")

# (column key, catalog key of the heading, width for zh, for en); the message takes the rest.
COLUMNS = (
    ("period", "col.period", 7, 7),
    ("subject", "col.subject", 10, 10),
    ("severity", "col.severity", 4, 9),
)
MESSAGE_MIN = 20
CHROME = 1
"""Cells the table cannot give to columns (the scrollbar)."""
PADDING = 2
"""Cells each column takes beyond its width (the table's cell padding)."""


def column_widths(terminal_width: int, lang: str) -> dict[str, int]:
    zh = lang == "zh"
    widths = {key: (wz if zh else we) for key, _, wz, we in COLUMNS}
    used = sum(widths.values()) + PADDING * (len(COLUMNS) + 1) + CHROME
    widths["message"] = max(MESSAGE_MIN, terminal_width - used)
    return widths


class FindingsScreen(BaseScreen):
    CSS_PATH = "findings.tcss"
    HELP_KEY = "tui.findings.help"

    BINDINGS: ClassVar = [
        Binding(
            "left_square_bracket,shift+left",
            "step(-1)",
            "tui.key.prev_year",
            id="findings.prev",
            key_display="[",
            group=YEAR_GROUP,
        ),
        Binding(
            "right_square_bracket,shift+right",
            "step(1)",
            "tui.key.next_year",
            id="findings.next",
            key_display="]",
            group=YEAR_GROUP,
        ),
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
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="heading", markup=False)
        yield ListTable(id="findings")
        yield Static(id="empty", markup=False)
        yield Rule(id="rule")
        yield Detail(id="detail")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.findings.title")
        self._add_columns()
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self._widths and column_widths(self.app.size.width, self.session.lang) != self._widths:
            self._add_columns()
            self._show_rows(self.table.cursor_row)

    def _add_columns(self) -> None:
        self._widths = column_widths(self.app.size.width, self.session.lang)
        table = self.table
        table.clear(columns=True)
        for key, heading, *_ in COLUMNS:
            table.add_column(t(heading), width=self._widths[key], key=key)
        table.add_column(t("col.message"), width=self._widths["message"], key="message")

    # ------------------------------------------------------------------ data

    @property
    def table(self) -> ListTable[Finding]:
        return self.query_one("#findings", ListTable)

    def highlighted(self) -> Finding | None:
        return self.table.current

    def _cells(self, f: Finding) -> tuple[Text, ...]:
        w = self._widths
        return (
            cell(f.period, w["period"]),
            cell(f.subject, w["subject"]),
            cell(severity_label(f.severity), w["severity"], SEVERITY_STYLES[f.severity]),
            cell(f.message, w["message"]),
        )

    def reload(self) -> None:
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
        table = self.table
        table.show(self.findings, self._cells, cursor=cursor)
        table.display = bool(self.findings)
        self.query_one("#empty", Static).display = not self.findings
        self._show_detail()

    def _show_detail(self) -> None:
        f = self.highlighted()
        detail = self.query_one("#detail", Detail)
        if f is None:
            detail.show("")
            return
        detail.show(Text(f.message))

    @on(DataTable.RowHighlighted, "#findings")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

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
        self.table.show([], self._cells)
        self.reload()

    def action_open(self) -> None:
        f = self.highlighted()
        if f is None or f.rule != "absence_streak":
            self.app.bell()
            return
        self.app.push_screen(AbsenceScreen(self.session, member_no=f.subject))

    @on(DataTable.RowSelected, "#findings")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()
