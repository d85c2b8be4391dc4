"""The conversion watch (转正提醒): probationary members whose year (or extended probation)
ends within 30 days or has passed, soonest first, with the days left or overdue.

``c`` converts the highlighted member, ``t`` extends their probation, ``h`` shows their
history; members with no join date are listed last (their year is unknown).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Static

from orglife_tui.data import membership
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import PROBATION_WATCH_DAYS, ProbationRow
from orglife_tui.locale import t
from orglife_tui.tui.cells import cell
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header
from orglife_tui.tui.widgets.table import ListTable

# (column key, catalog key of the heading, width in cells for zh, for en)
COLUMNS = (
    ("member_no", "membership.col.member_no", 8, 7),
    ("name", "membership.col.name", 8, 8),
    ("join_date", "membership.col.join_date", 10, 10),
    ("ends_on", "membership.col.ends_on", 18, 18),
    ("days_left", "membership.col.days_left", 14, 18),
)


class ProbationWatchScreen(BaseScreen):
    CSS_PATH = "probation_watch.tcss"
    HELP_KEY = "membership.tui.help.watch"

    BINDINGS: ClassVar = [
        Binding(
            "c,enter",
            "event('conversion')",
            "membership.tui.key.convert",
            id="watch.convert",
            key_display="c",
        ),
        Binding("t", "event('probation_extended')", "membership.tui.key.extend", id="watch.extend"),
        Binding("h", "event('history')", "membership.tui.key.history", id="watch.history"),
        Binding("escape", "app.back", "tui.key.back", id="watch.back"),
    ]

    def __init__(self, session: Session, within_days: int = PROBATION_WATCH_DAYS, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.within_days = within_days

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="about", markup=False)
        yield ListTable(id="watch")
        yield Static(id="empty", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("membership.tui.watch_title")
        self.table.add_localized_columns(COLUMNS, self.session.lang)
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    @property
    def table(self) -> ListTable[ProbationRow]:
        return self.query_one("#watch", ListTable)

    @property
    def rows(self) -> list[ProbationRow]:
        return list(self.table.items)

    def reload(self) -> None:
        s = self.session
        rows = membership.probation_watch(s.store, s.branch.id, self.within_days)
        table = self.table
        table.show(rows, self._cells, cursor=table.cursor_row)
        self.query_one("#about", Static).update(
            t("membership.tui.watch_about", days=self.within_days, today=s.today().isoformat())
        )
        empty = self.query_one("#empty", Static)
        empty.update(t("membership.cli.probation_none", days=self.within_days))
        table.display = bool(rows)
        empty.display = not rows

    def _cells(self, p: ProbationRow) -> tuple[Text, ...]:
        zh = self.session.lang == "zh"
        widths = {key: (wz if zh else we) for key, _, wz, we in COLUMNS}
        if p.ends_on is None:
            ends = t("membership.probation.unknown")
        elif p.extended:
            ends = t("membership.probation.extended", date=p.ends_on.isoformat())
        else:
            ends = p.ends_on.isoformat()
        if p.days_left is None:
            days = ""
        elif p.days_left < 0:
            days = t("membership.probation.overdue", days=-p.days_left)
        elif p.days_left == 0:
            days = t("membership.probation.today")
        else:
            days = t("membership.probation.left", days=p.days_left)
        overdue = p.days_left is not None and p.days_left <= 0
        values = {
            "member_no": p.member_no,
            "name": p.name,
            "join_date": p.join_date.isoformat() if p.join_date else "",
            "ends_on": ends,
            "days_left": days,
        }
        return tuple(
            cell(values[key], widths[key], "bold red" if overdue and key == "days_left" else "")
            for key, *_ in COLUMNS
        )

    def action_event(self, action: str) -> None:
        from orglife_tui.tui.screens.members.member_events import open_event

        row = self.table.current
        if row is None:
            self.notify(t("tui.members.nothing_to_edit"), severity="warning")
            return
        s = self.session
        try:
            member = s.store.get_member(s.branch.id, row.member_no)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        open_event(self, member, on_done=self.reload, action=action)
