"""One life meeting (组织生活会), participant by participant: the 对照检查, the criticism
received and given, and the rectification items that put each one's problems right.

Opened from the meetings list (``l`` on a life meeting) or from the dashboard (``l``: the
latest life meeting). ``e`` or Enter records a participant's texts; ``p`` puts a problem of
theirs on the rectification list. Under the list: the highlighted participant's texts and
items in full. The participants are those marked at the meeting: a short list, read whole.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import life_meeting
from orglife_tui.data.life_meeting import LifeRecordRow
from orglife_tui.data.store import MeetingRow
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.life.life_forms import LifeRecordFormScreen, ProblemFormScreen

COLUMNS = (
    Column("member_no", "life.col.member_no", 7, 7),
    Column("name", "life.col.name", 8, 8),
    Column("attendance", "life.col.attendance", 7, 4),
    Column("items", "life.tui.col.items", 5, 4),
    Column("self_check", "life.col.self_check", 16, 16, flex=True),
)


class LifeMeetingScreen(ListScreen[LifeRecordRow]):
    CSS_PATH = "life_meeting.tcss"
    HELP_KEY = "life.tui.help"
    TITLE_KEY = "life.tui.title"
    TABLE_ID = "participants"
    NOTHING_SELECTED = "life.tui.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "edit"

    BINDINGS: ClassVar = [
        Binding("e", "edit", "life.tui.key.record", id="life.edit"),
        Binding("p", "problem", "life.tui.key.problem", id="life.problem"),
    ]

    def __init__(self, session: Session, meeting: MeetingRow, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.meeting = meeting

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    # ------------------------------------------------------------------ data

    def fetch(self) -> list[LifeRecordRow]:
        return life_meeting.life_records(self.store, self.branch_id, self.meeting.id)

    def key_of(self, row: LifeRecordRow) -> str:
        return row.member_no

    def cells(self, row: LifeRecordRow) -> tuple[Text, ...]:
        c, s = self.cell, self.session
        return (
            c("member_no", row.member_no),
            c("name", row.name),
            c("attendance", s.label(row.attendance)),
            c("items", str(len(row.items)) if row.items else ""),
            c("self_check", " ".join((row.self_check or "").split())),
        )

    def show_state(self) -> None:
        m = self.meeting
        recorded = sum(bool(r.self_check) for r in self.rows)
        self.query_one("#heading", Static).update(
            t(
                "life.tui.heading",
                meeting_no=m.meeting_no,
                date=m.date.isoformat(),
                title=m.title,
                count=len(self.rows),
                recorded=recorded,
            )
        )
        self.show_empty(t("life.tui.empty"))

    def show_detail(self) -> None:
        row = self.highlighted()
        detail = self.query_one("#detail", Static)
        if row is None:
            detail.update("")
            return
        parts = [
            t(f"life.tui.detail.{key}", text=" ".join(text.split()))
            for key, text in (
                ("criticism_received", row.criticism_received),
                ("criticism_given", row.criticism_given),
            )
            if text
        ]
        parts += [
            t(
                "life.tui.detail.item",
                id=i.id,
                problem=i.problem,
                status=self.session.label(i.status),
            )
            for i in row.items
        ]
        detail.update(t("tui.rect.detail_sep").join(parts))

    # ------------------------------------------------------------------ actions

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.app.push_screen(
            LifeRecordFormScreen(self.session, self.meeting, row, on_result=self._saved)
        )

    def action_problem(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.app.push_screen(
            ProblemFormScreen(self.session, self.meeting, row, on_result=self._problem_added)
        )

    def _saved(self, row: LifeRecordRow | None) -> None:
        if row is None:
            return
        self.notify(t("life.tui.saved", member_no=row.member_no, name=row.name))
        self.reload(row.member_no)

    def _problem_added(self, item_id: int | None) -> None:
        if item_id is None:
            return
        self.notify(t("life.tui.problem_added", id=item_id))
        self.reload()
