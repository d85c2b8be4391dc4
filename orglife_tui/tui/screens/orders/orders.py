"""The members' orders (点单) and the branch's answers (接单): what members asked the branch
to hold, newest first, with where each stands.

``t`` (or Enter) takes the highlighted order into the annual plan (the plan item's form,
filled in from the order), ``x`` declines it with a reason the member reads, ``f`` marks it
done; ``s`` steps through the statuses shown (all, then each status). The detail line
under the list shows what the member wrote and the branch's answer.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import orders
from orglife_tui.data.errors import StoreError
from orglife_tui.data.orders import OrderRow
from orglife_tui.domain import OrderStatus
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.confirm import ConfirmScreen
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.orders.orders_forms import DeclineOrderScreen, TakeOrderScreen

COLUMNS = (
    Column("name", "orders.tui.col.name", 8, 8),
    Column("kind", "orders.tui.col.kind", 4, 8),
    Column("title", "orders.tui.col.title", 16, 16, flex=True),
    Column("month", "orders.tui.col.month", 8, 7),
    Column("status", "orders.tui.col.status", 6, 8),
)

STATUS_STYLE = {
    OrderStatus.ordered: "bold yellow",
    OrderStatus.taken: "",
    OrderStatus.declined: "dim",
    OrderStatus.done: "green",
}

# What ``s`` steps through: every order, then one status at a time.
FILTERS: tuple[OrderStatus | None, ...] = (None, *OrderStatus)


def status_text(session: Session, row: OrderRow) -> Text:
    """An order's status as the member and the branch read it, coloured."""
    return Text(session.label(row.status), style=STATUS_STYLE[row.status])


class OrdersScreen(ListScreen[OrderRow]):
    CSS_PATH = "orders.tcss"
    HELP_KEY = "orders.tui.help"
    TITLE_KEY = "orders.tui.title"
    TABLE_ID = "orders"
    NOTHING_SELECTED = "orders.tui.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "take"

    BINDINGS: ClassVar = [
        Binding("t", "take", "orders.tui.key.take", id="orders.take"),
        Binding("x", "decline", "orders.tui.key.decline", id="orders.decline"),
        Binding("f", "done", "orders.tui.key.done", id="orders.done"),
        Binding("s", "filter", "orders.tui.key.filter", id="orders.filter"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.status: OrderStatus | None = None

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    # ------------------------------------------------------------------ data

    def fetch(self) -> list[OrderRow]:
        return orders.list_orders(self.store, self.branch_id, self.status)

    def cells(self, row: OrderRow) -> tuple[Text, ...]:
        c = self.cell
        status = status_text(self.session, row)
        return (
            c("name", row.name),
            c("kind", self.session.label(row.kind)),
            c("title", row.title),
            c("month", row.wanted_month or ""),
            c("status", status.plain, str(status.style)),
        )

    def show_state(self) -> None:
        waiting = orders.open_count(self.store, self.branch_id)
        shown = self.session.label(self.status) if self.status else t("orders.tui.all")
        self.query_one("#heading", Static).update(
            t("orders.tui.heading", shown=shown, count=len(self.rows), waiting=waiting)
        )
        self.show_empty(t("orders.tui.empty"))

    def show_detail(self) -> None:
        row = self.highlighted()
        detail = self.query_one("#detail", Static)
        detail.update(order_detail(row) if row else "")
        detail.display = row is not None

    # ------------------------------------------------------------------ changes

    def action_filter(self) -> None:
        self.status = FILTERS[(FILTERS.index(self.status) + 1) % len(FILTERS)]
        self.reload(keep=False)

    def _answerable(self, action: str, allowed: set[OrderStatus]) -> OrderRow | None:
        """The highlighted order, if it can get this answer; else why not, and None."""
        row = self.selected()
        if row is None:
            return None
        if row.stored_status not in allowed:
            status = self.session.label(row.status)
            self.notify(t(f"orders.cannot_{action}", id=row.id, status=status), severity="warning")
            return None
        return row

    def action_take(self) -> None:
        row = self._answerable("taken", orders.TAKABLE)
        if row is None:
            return
        self.app.push_screen(TakeOrderScreen(self.session, row, on_result=self._answered))

    def action_decline(self) -> None:
        row = self._answerable("declined", orders.DECLINABLE)
        if row is None:
            return
        self.app.push_screen(DeclineOrderScreen(self.session, row, on_result=self._answered))

    def action_done(self) -> None:
        row = self._answerable("done", orders.DONE_FROM)
        if row is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                try:
                    done = orders.mark_done(self.store, self.branch_id, row.id)
                except StoreError as error:
                    self.notify(str(error), severity="error")
                    return
                self._answered(done)

        self.app.push_screen(
            ConfirmScreen(t("orders.tui.done_question", title=row.title), answered)
        )

    def _answered(self, row: OrderRow | None) -> None:
        if row is None:
            return
        self.notify(
            t("orders.tui.answered", title=row.title, status=self.session.label(row.status))
        )
        self.reload(row.id)


def order_detail(row: OrderRow) -> str:
    """What the member wrote and the branch's answer, in a line or two."""
    parts = [t("orders.tui.detail_by", name=row.name, date=row.created_at.date().isoformat())]
    if row.detail:
        parts.append(row.detail)
    if row.answer:
        parts.append(t("orders.tui.detail_answer", answer=row.answer))
    if row.held_date is not None:
        parts.append(
            t("orders.tui.detail_held", date=row.held_date.isoformat(), no=row.held_meeting_no)
        )
    return t("tui.list_sep").join(" ".join(p.split()) for p in parts)
