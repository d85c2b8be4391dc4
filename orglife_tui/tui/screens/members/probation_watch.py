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
from textual.widgets import Static

from orglife_tui.data import membership
from orglife_tui.data.errors import StoreError
from orglife_tui.data.membership import PROBATION_WATCH_DAYS, ProbationRow
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes

COLUMNS = (
    Column("member_no", "membership.col.member_no", 8, 7),
    Column("name", "membership.col.name", 8, 8),
    Column("join_date", "membership.col.join_date", 10, 10),
    Column("ends_on", "membership.col.ends_on", 18, 18),
    Column("days_left", "membership.col.days_left", 14, 18),
)


class ProbationWatchScreen(ListScreen[ProbationRow]):
    CSS_PATH = "probation_watch.tcss"
    HELP_KEY = "membership.tui.help.watch"
    TITLE_KEY = "membership.tui.watch_title"
    TABLE_ID = "watch"
    NOTHING_SELECTED = "tui.members.nothing_to_edit"
    COLUMNS = COLUMNS
    KEEP_ROW = True

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

    def compose_above(self) -> ComposeResult:
        return notes("about")

    def fetch(self) -> list[ProbationRow]:
        s = self.session
        return membership.probation_watch(s.store, s.branch.id, self.within_days)

    def key_of(self, p: ProbationRow) -> str:
        return p.member_no

    def show_state(self) -> None:
        self.query_one("#about", Static).update(
            t(
                "membership.tui.watch_about",
                days=self.within_days,
                today=self.session.today().isoformat(),
            )
        )
        self.show_empty(t("membership.cli.probation_none", days=self.within_days))

    def cells(self, p: ProbationRow) -> tuple[Text, ...]:
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
            self.cell(c.key, values[c.key], "bold red" if overdue and c.key == "days_left" else "")
            for c in COLUMNS
        )

    def action_event(self, action: str) -> None:
        from orglife_tui.tui.screens.members.member_events import open_event

        row = self.selected()
        if row is None:
            return
        s = self.session
        try:
            member = s.store.get_member(s.branch.id, row.member_no)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        open_event(self, member, on_done=self.reload, action=action)
