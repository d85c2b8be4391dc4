"""The rectification list (整改清单): problems found at the life meeting and how they stand.

Each item shows its deadline, status, owner and problem; an item past its deadline and
not done is marked overdue (red, ``!``). ``o`` switches between the items still open and
all items; ``a`` adds, ``e`` or Enter edits, ``s`` changes the status (marking an item done
asks for the closing note). The list is short (a branch lists a handful of problems a
year), so it is read whole.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data import rectification
from orglife_tui.data.rectification import RectificationRow
from orglife_tui.domain import RectificationStatus
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header, cell
from orglife_tui.tui.screens.rectification.rectification_form import (
    RectificationFormScreen,
    StatusFormScreen,
)
from orglife_tui.tui.widgets.table import ListTable

# (column key, catalog key of the heading, width in cells for zh, for en); the problem
# takes what is left of the terminal's width.
COLUMNS = (
    ("year", "tui.rect.col.year", 4, 4),
    ("deadline", "tui.rect.col.deadline", 12, 12),
    ("status", "tui.rect.col.status", 6, 11),
    ("owner", "tui.rect.col.owner", 8, 10),
)
PROBLEM_MIN = 16
CHROME = 1

STATUS_STYLE = {
    RectificationStatus.open: "",
    RectificationStatus.in_progress: "yellow",
    RectificationStatus.done: "green",
}


class RectificationScreen(BaseScreen):
    CSS_PATH = "rectification.tcss"
    HELP_KEY = "tui.rect.help"

    BINDINGS: ClassVar = [
        Binding("o", "toggle_open", "tui.rect.key.filter", id="rect.filter"),
        Binding("a,n", "new", "tui.rect.key.add", id="rect.add", key_display="a"),
        Binding("e", "edit", "tui.key.edit", id="rect.edit"),
        Binding("s", "status", "tui.rect.key.status", id="rect.status"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.open_only = True
        self.rows: list[RectificationRow] = []
        self.all_rows: list[RectificationRow] = []
        self.just_changed: int | None = None
        """An item just saved stays on view (done or not) until the filter is changed."""
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="filter", markup=False)
        yield ListTable(id="items")
        yield Static(id="empty", markup=False)
        yield Static(id="detail", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("tui.rect.title")
        self._add_columns()
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.table.columns and _widths(self.app.size.width, self.session.lang) != self._widths:
            self._add_columns()
            self._show_rows(self.table.cursor_row)

    def _add_columns(self) -> None:
        table = self.table
        table.clear(columns=True)
        self._widths = _widths(self.app.size.width, self.session.lang)
        for key, heading, *_ in COLUMNS:
            table.add_column(t(heading), width=self._widths[key], key=key)
        table.add_column(t("tui.rect.col.problem"), width=self._widths["problem"], key="problem")

    # ------------------------------------------------------------------ data

    @property
    def table(self) -> ListTable[RectificationRow]:
        return self.query_one("#items", ListTable)

    def highlighted(self) -> RectificationRow | None:
        return self.table.current

    def _cells(self, row: RectificationRow) -> tuple[Text, ...]:
        w = self._widths
        overdue = row.overdue(self.session.today())
        status_style = "bold red" if overdue else STATUS_STYLE[row.status]
        deadline = row.deadline.isoformat() + (" !" if overdue else "")
        status = self.session.label(row.status)
        return (
            cell(str(row.year), w["year"]),
            cell(deadline, w["deadline"], "bold red" if overdue else ""),
            cell(status, w["status"], status_style),
            cell(row.owner, w["owner"]),
            cell(
                row.problem, w["problem"], "dim" if row.status is RectificationStatus.done else ""
            ),
        )

    def reload(self, wanted_id: int | None = None) -> None:
        current = self.highlighted()
        wanted = wanted_id if wanted_id is not None else (current.id if current else None)
        self.all_rows = rectification.list_items(self.store, self.branch_id)
        self.rows = [
            r
            for r in self.all_rows
            if not self.open_only
            or r.status is not RectificationStatus.done
            or r.id == self.just_changed
        ]
        index = next((i for i, r in enumerate(self.rows) if r.id == wanted), 0)
        self._show_rows(index)

    def _show_rows(self, cursor: int = 0) -> None:
        table = self.table
        table.show(self.rows, self._cells, cursor=cursor)
        today = self.session.today()
        open_count = sum(r.status is not RectificationStatus.done for r in self.all_rows)
        overdue = sum(r.overdue(today) for r in self.all_rows)
        which = t("tui.rect.showing_open") if self.open_only else t("tui.rect.showing_all")
        self.query_one("#filter", Static).update(
            t(
                "tui.rect.counts",
                which=which,
                total=len(self.all_rows),
                open=open_count,
                overdue=overdue,
            )
        )
        empty = self.query_one("#empty", Static)
        if not self.all_rows:
            empty.update(t("tui.rect.empty"))
        else:
            empty.update(t("tui.rect.none_open"))
        table.display = bool(self.rows)
        empty.display = not self.rows
        self._show_detail()

    def _show_detail(self) -> None:
        """Under the list: the highlighted item's measure or closing note, in full."""
        row = self.highlighted()
        detail = self.query_one("#detail", Static)
        if row is None:
            detail.update("")
            return
        parts = []
        if row.measure:
            parts.append(t("tui.rect.detail_measure", measure=row.measure))
        if row.status is RectificationStatus.done:
            parts.append(
                t(
                    "tui.rect.detail_closed",
                    on=row.closed_on.isoformat() if row.closed_on else "",
                    note=row.closing_note or "",
                )
            )
        if row.meeting_no:
            parts.append(t("tui.rect.detail_meeting", no=row.meeting_no))
        detail.update(t("tui.rect.detail_sep").join(parts))

    @on(DataTable.RowHighlighted, "#items")
    def _highlighted(self) -> None:
        self._show_detail()

    # ------------------------------------------------------------------ actions

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self.just_changed = None
        self.reload()

    def action_new(self) -> None:
        self.app.push_screen(RectificationFormScreen(self.session, None, on_result=self._saved))

    def action_edit(self) -> None:
        row = self.highlighted()
        if row is None:
            self.notify(t("tui.rect.nothing_selected"), severity="warning")
            return
        self.app.push_screen(RectificationFormScreen(self.session, row, on_result=self._saved))

    @on(DataTable.RowSelected, "#items")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_status(self) -> None:
        row = self.highlighted()
        if row is None:
            self.notify(t("tui.rect.nothing_selected"), severity="warning")
            return
        self.app.push_screen(StatusFormScreen(self.session, row, on_result=self._saved))

    def _saved(self, row: RectificationRow | None) -> None:
        if row is None:
            return
        self.notify(t("tui.rect.saved", problem=row.problem, status=self.session.label(row.status)))
        self.just_changed = row.id
        self.reload(row.id)


def _widths(terminal_width: int, lang: str) -> dict[str, int]:
    zh = lang == "zh"
    widths = {key: wz if zh else we for key, _, wz, we in COLUMNS}
    left = terminal_width - sum(w + 2 for w in widths.values()) - 2 - CHROME
    widths["problem"] = max(PROBLEM_MIN, left)
    return widths
