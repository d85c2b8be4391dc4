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
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import rectification
from orglife_tui.data.rectification import RectificationRow
from orglife_tui.domain import RectificationStatus
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.rectification.rectification_form import (
    RectificationFormScreen,
    StatusFormScreen,
)

# The problem takes what is left of the terminal's width.
COLUMNS = (
    Column("year", "tui.rect.col.year", 4, 4),
    Column("deadline", "tui.rect.col.deadline", 12, 12),
    Column("status", "tui.rect.col.status", 6, 11),
    Column("owner", "tui.rect.col.owner", 8, 10),
    Column("problem", "tui.rect.col.problem", 16, 16, flex=True),
)

STATUS_STYLE = {
    RectificationStatus.open: "",
    RectificationStatus.in_progress: "yellow",
    RectificationStatus.done: "green",
}


class RectificationScreen(ListScreen[RectificationRow]):
    CSS_PATH = "rectification.tcss"
    HELP_KEY = "tui.rect.help"
    TITLE_KEY = "tui.rect.title"
    TABLE_ID = "items"
    NOTHING_SELECTED = "tui.rect.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "edit"

    BINDINGS: ClassVar = [
        Binding("o", "toggle_open", "tui.rect.key.filter", id="rect.filter"),
        Binding("a,n", "new", "tui.rect.key.add", id="rect.add", key_display="a"),
        Binding("e", "edit", "tui.key.edit", id="rect.edit"),
        Binding("s", "status", "tui.rect.key.status", id="rect.status"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.open_only = True
        self.all_rows: list[RectificationRow] = []
        self.just_changed: int | None = None
        """An item just saved stays on view (done or not) until the filter is changed."""

    def compose_above(self) -> ComposeResult:
        return notes("filter")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    # ------------------------------------------------------------------ data

    def cells(self, row: RectificationRow) -> tuple[Text, ...]:
        c = self.cell
        overdue = row.overdue(self.session.today())
        status_style = "bold red" if overdue else STATUS_STYLE[row.status]
        deadline = row.deadline.isoformat() + (" !" if overdue else "")
        done = row.status is RectificationStatus.done
        return (
            c("year", str(row.year)),
            c("deadline", deadline, "bold red" if overdue else ""),
            c("status", self.session.label(row.status), status_style),
            c("owner", row.owner),
            c("problem", row.problem, "dim" if done else ""),
        )

    def fetch(self) -> list[RectificationRow]:
        self.all_rows = rectification.list_items(self.store, self.branch_id)
        return [
            r
            for r in self.all_rows
            if not self.open_only
            or r.status is not RectificationStatus.done
            or r.id == self.just_changed
        ]

    def show_state(self) -> None:
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
        self.show_empty(t("tui.rect.none_open" if self.all_rows else "tui.rect.empty"))

    def show_detail(self) -> None:
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

    # ------------------------------------------------------------------ actions

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self.just_changed = None
        self.reload()

    def action_new(self) -> None:
        self.app.push_screen(RectificationFormScreen(self.session, None, on_result=self._saved))

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.app.push_screen(RectificationFormScreen(self.session, row, on_result=self._saved))

    def action_status(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.app.push_screen(StatusFormScreen(self.session, row, on_result=self._saved))

    def _saved(self, row: RectificationRow | None) -> None:
        if row is None:
            return
        self.notify(t("tui.rect.saved", problem=row.problem, status=self.session.label(row.status)))
        self.just_changed = row.id
        self.reload(row.id)
