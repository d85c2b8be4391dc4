"""One branch as the committee sees it, read-only: its compliance calendar and findings.

Opened from the overview (Enter on a branch): the calendar of the overview's year (rule ×
month, the branch's own watch), then every finding of the year as ``orglife-tui check``
lists them for that branch, the highlighted one spelled out under the list. Nothing here
writes: no key records, opens a form or changes the session's branch. Findings name
members by number and name only; no talk's content is read.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Rule, Static

from orglife_tui.compliance.findings import Finding
from orglife_tui.data.errors import StoreError
from orglife_tui.data.rows import BranchInfo
from orglife_tui.locale import t, visible
from orglife_tui.services import watch
from orglife_tui.services.overview import BranchOverview, Overview
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import ListScreen, notes
from orglife_tui.tui.screens.compliance.compliance_view import (
    Detail,
    calendar_text,
    in_background,
)
from orglife_tui.tui.screens.compliance.findings import COLUMNS, finding_cells


class BranchDetailScreen(ListScreen[Finding]):
    CSS_PATH = "overview.tcss"
    HELP_KEY = "overview.tui.detail_help"
    TABLE_ID = "findings"
    COLUMNS = COLUMNS
    RELOAD_ON_RESUME = False  # read once: nothing here changes while it is open
    BINDINGS: ClassVar = []

    def __init__(
        self, session: Session, branch: BranchInfo, row: BranchOverview, seen: Overview, **kwargs
    ) -> None:
        super().__init__(session, **kwargs)
        self.branch = branch
        self.row = row
        self.seen = seen

    def compose_above(self) -> ComposeResult:
        yield from notes("heading")
        yield Static(id="calendar", markup=False)

    def compose_below(self) -> ComposeResult:
        yield Rule(id="rule")
        yield Detail(id="detail")

    def on_mount(self) -> None:
        self.sub_title = t("overview.tui.detail_title", name=visible(self.branch.name))
        seen = self.seen
        self.query_one("#calendar", Static).update(
            calendar_text(self.row.calendar, seen.year, None, self.session.lang)
        )
        super().on_mount()

    def cells(self, f: Finding) -> tuple[Text, ...]:
        return finding_cells(self.cell, f)

    def key_of(self, item: Finding) -> object:
        return (item.rule, item.period, item.subject)

    def reload(self, wanted: object = None, keep: bool = True) -> None:
        self.query_one("#heading", Static).update(
            t("overview.tui.detail_loading", name=visible(self.branch.name))
        )
        self._load()

    @work(exclusive=True, group="branch_detail")
    async def _load(self) -> None:
        store, branch_id, seen = self.store, self.branch.id, self.seen
        try:
            found = await in_background(
                lambda: watch.check(store, branch_id, seen.year, seen.as_of)
            )
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        self.query_one("#heading", Static).update(
            t(
                "overview.tui.detail_heading",
                name=visible(self.branch.name),
                year=seen.year,
                as_of=seen.as_of.isoformat(),
                count=len(found),
            )
        )
        self.table.show(found, self.cells, cursor=0)
        self.show_empty(t("overview.tui.detail_none"))
        self.show_detail()

    def show_detail(self) -> None:
        f = self.highlighted()
        self.query_one("#detail", Detail).show(Text(f.message) if f else "")
