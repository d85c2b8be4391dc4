"""The annual organizational-life plan: what the branch meant to hold, and whether it did.

Each item of the year (a meeting type, a month or "some time in the year", a topic) is
shown with the meeting that carried it out, matched by ``data.plans.list_plan``, or as not
yet held. A line above the list sums it up per meeting type: held of planned.
``[``/``]`` (or Shift+←/→) step through the years; ``a`` adds, ``e`` or Enter edits, ``d``
removes (after asking).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import plans
from orglife_tui.data.errors import StoreError
from orglife_tui.data.plans import PlanRow
from orglife_tui.domain import MeetingType
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes, step_bindings
from orglife_tui.tui.screens.meetings.plan_form import PlanFormScreen, month_name

# The topic takes what is left of the terminal's width.
COLUMNS = (
    Column("month", "tui.plan.col.month", 6, 5),
    Column("type", "tui.plan.col.type", 12, 17),
    Column("topic", "tui.plan.col.topic", 16, 16, flex=True),
    Column("held", "tui.plan.col.held", 18, 18),
)


class PlanScreen(ListScreen[PlanRow]):
    CSS_PATH = "plan.tcss"
    HELP_KEY = "tui.plan.help"
    TITLE_KEY = "tui.plan.title"
    TABLE_ID = "plan"
    NOTHING_SELECTED = "tui.plan.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "edit"

    BINDINGS: ClassVar = [
        *step_bindings("plan"),
        Binding("a,n", "new", "tui.plan.key.add", id="plan.add", key_display="a"),
        Binding("e", "edit", "tui.key.edit", id="plan.edit"),
        Binding("d,delete", "remove", "tui.plan.key.remove", id="plan.remove", key_display="d"),
    ]

    def __init__(self, session: Session, year: int | None = None, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.year = year or session.today().year

    def compose_above(self) -> ComposeResult:
        return notes("year", "summary")

    # ------------------------------------------------------------------ data

    def cells(self, row: PlanRow) -> tuple[Text, ...]:
        c = self.cell
        if row.held_date is not None:
            held = t("tui.plan.held", date=row.held_date.strftime("%m-%d"), no=row.held_meeting_no)
            held_style = "green"
        else:
            held = t("tui.plan.not_held")
            held_style = "bold red" if self._overdue(row) else "dim"
        month = month_name(row.month) if row.month else t("tui.plan.any_month")
        return (
            c("month", month),
            c("type", self.session.label(row.meeting_type)),
            c("topic", row.topic),
            c("held", held, held_style),
        )

    def _overdue(self, row: PlanRow) -> bool:
        """Not held and its time is over: the month (or the year) has passed."""
        today = self.session.today()
        if row.year != today.year:
            return row.year < today.year
        return row.month is not None and row.month < today.month

    def fetch(self) -> list[PlanRow]:
        return plans.list_plan(self.store, self.branch_id, self.year)

    def show_state(self) -> None:
        self.show_empty(t("tui.plan.empty", year=self.year))
        self._show_summary()

    def _show_summary(self) -> None:
        summary = plans.plan_summary(self.store, self.branch_id, self.year)
        planned = sum(s.planned for s in summary.values())
        held = sum(s.held for s in summary.values())
        self.query_one("#year", Static).update(
            t("tui.plan.year", year=self.year, planned=planned, held=held)
        )
        parts = [
            t(
                "tui.plan.per_type",
                type=self.session.label(mtype),
                held=summary[mtype].held,
                planned=summary[mtype].planned,
            )
            for mtype in MeetingType
            if mtype in summary and summary[mtype].planned
        ]
        line = self.query_one("#summary", Static)
        line.update(t("tui.plan.summary_sep").join(parts))
        line.display = bool(parts)

    # ------------------------------------------------------------------ changes

    def action_new(self) -> None:
        form = PlanFormScreen(self.session, self.year, None, on_result=self._saved)
        self.app.push_screen(form)

    def action_edit(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.app.push_screen(PlanFormScreen(self.session, row.year, row, on_result=self._saved))

    def _saved(self, row: PlanRow | None) -> None:
        if row is None:
            return
        self.notify(t("tui.plan.saved", topic=row.topic))
        self.year = row.year
        self.reload(row.id)

    def action_remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        question = t(
            "tui.plan.remove_question",
            type=self.session.label(row.meeting_type),
            topic=row.topic,
        )

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    plans.remove_plan_item(self.store, self.branch_id, row.id)
                except StoreError as error:  # an item taken from a member's order stays
                    self.notify(str(error), severity="error")
                    return
                self.notify(t("tui.plan.removed", topic=row.topic))
                self.reload()

        self.app.push_screen(ConfirmScreen(question, answered))
