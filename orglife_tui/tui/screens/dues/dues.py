"""Party dues (党费): every member's standard, paid-until month and arrears, as of today.

A line above the list sums it up (members in arrears, the amount owed); months in arrears
show yellow from one month on, red from three (the reminder) and bold red from six (the
Party Constitution's Article 38 case). ``p`` records a payment of the highlighted member,
``s`` sets their monthly standard, Enter (or ``l``) opens their payments, where ``x``
voids one recorded by mistake. After each change the ``late_dues`` points follow
(``points.after_dues_change``). What counts as owed, paid and in arrears is
``compliance.dues``'s rule; this screen only shows it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data import dues
from orglife_tui.data.dues import PaymentRow, StatusRow, yuan
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseScreen, Session
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.dues.dues_form import DuesPaymentForm, DuesStandardForm, DuesVoidForm

# The note takes what is left of the terminal's width.
COLUMNS = (
    Column("member_no", "dues.tui.col.member_no", 6, 6),
    Column("name", "dues.tui.col.name", 8, 10),
    Column("standard", "dues.tui.col.standard", 7, 8),
    Column("paid_until", "dues.tui.col.paid_until", 7, 10),
    Column("months", "dues.tui.col.months", 8, 6),
    Column("owed", "dues.tui.col.owed", 8, 9),
    Column("note", "dues.tui.col.note", 8, 8, flex=True),
)
PAYMENT_COLUMNS = (
    Column("id", "dues.tui.col.id", 4, 4),
    Column("paid_on", "dues.tui.col.paid_on", 10, 10),
    Column("months", "dues.tui.col.period", 16, 16),
    Column("amount", "dues.tui.col.amount", 9, 9),
    Column("note", "dues.tui.col.note", 8, 8, flex=True),
)
REMINDER, CASE = 3, 6  # the default ladder's steps, for colour only


def _follow(screen: BaseScreen) -> None:
    """The ``late_dues`` points follow the change just saved; say so when they moved."""
    from orglife_tui.services.points import after_dues_change

    try:
        result = after_dues_change(screen.store, screen.branch_id)
    except StoreError as exc:
        screen.notify(t("dues.points_not_updated", message=str(exc)), severity="warning")
        return
    if result.changed:
        screen.notify(t("ledger.points_updated", added=result.added, reversed=result.reversed))


class DuesScreen(ListScreen[StatusRow]):
    CSS_PATH = "dues.tcss"
    HELP_KEY = "dues.tui.help"
    TITLE_KEY = "dues.tui.title"
    TABLE_ID = "dues"
    NOTHING_SELECTED = "dues.tui.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "payments"

    BINDINGS: ClassVar = [
        Binding("p,n", "pay", "dues.tui.key.pay", id="dues.pay", key_display="p"),
        Binding("s", "standard", "dues.tui.key.standard", id="dues.standard"),
        Binding("l", "payments", "dues.tui.key.payments", id="dues.payments"),
    ]

    def compose_above(self) -> ComposeResult:
        return notes("summary")

    # ------------------------------------------------------------------ data

    def fetch(self) -> list[StatusRow]:
        return dues.status(self.store, self.branch_id, self.session.today())

    def key_of(self, row: StatusRow) -> str:
        return row.member_no

    def show_state(self) -> None:
        rows = self.rows
        behind = [r for r in rows if r.state.arrears]
        self.query_one("#summary", Static).update(
            t(
                "dues.tui.summary",
                date=self.session.today().isoformat(),
                members=len(rows),
                behind=len(behind),
                owed=yuan(sum(r.state.owed for r in behind)),
            )
        )
        self.show_empty(t("dues.tui.empty"))

    def cells(self, row: StatusRow) -> tuple[Text, ...]:
        c, st = self.cell, row.state
        count = len(st.arrears)
        style = (
            "bold red"
            if count >= CASE
            else "red"
            if count >= REMINDER
            else "yellow"
            if count
            else ""
        )
        notes = []
        if not st.has_record:
            notes.append(t("dues.note.no_standard"))
        if row.away:
            notes.append(t("dues.note.away"))
        if count:
            notes.append(t("dues.tui.since", month=st.arrears[0]))
        return (
            c("member_no", row.member_no),
            c("name", row.name),
            c("standard", yuan(st.standard) if st.standard is not None else "—"),
            c("paid_until", st.paid_until or "—"),
            c("months", str(count) if st.has_record else "—", style),
            c("owed", yuan(st.owed) if count else "", style),
            c("note", t("dues.list_sep").join(notes), "dim"),
        )

    # ------------------------------------------------------------------ changes

    def action_pay(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.push_screen(DuesPaymentForm(self.session, row, on_result=self._paid))

    def _paid(self, payment: PaymentRow | None) -> None:
        if payment is None:
            return
        self.notify(
            t(
                "dues.tui.paid",
                name=payment.name,
                amount=yuan(payment.amount_fen),
                months=_months(payment),
            )
        )
        _follow(self)
        self.reload(payment.member_no)

    def action_standard(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.push_screen(DuesStandardForm(self.session, row, on_result=self._standard))

    def _standard(self, standard) -> None:
        if standard is None:
            return
        self.notify(
            t(
                "dues.standard_set",
                member_no=standard.member_no,
                name=standard.name,
                month=standard.from_month,
                amount=yuan(standard.amount_fen),
            )
        )
        _follow(self)
        self.reload(standard.member_no)

    def action_payments(self) -> None:
        row = self.selected()
        if row is not None:
            self.app.push_screen(DuesPaymentsScreen(self.session, row))


def _months(p: PaymentRow) -> str:
    return p.from_month if p.from_month == p.to_month else f"{p.from_month}..{p.to_month}"


class DuesPaymentsScreen(ListScreen[PaymentRow]):
    """One member's payments, newest first; ``x`` voids the highlighted one."""

    CSS_PATH = "dues.tcss"
    HELP_KEY = "dues.tui.help_payments"
    TABLE_ID = "payments"
    NOTHING_SELECTED = "dues.tui.nothing_selected"
    COLUMNS = PAYMENT_COLUMNS

    BINDINGS: ClassVar = [
        Binding("p,n", "pay", "dues.tui.key.pay", id="dues_payments.pay", key_display="p"),
        Binding("x", "void", "dues.tui.key.void", id="dues_payments.void"),
    ]

    def __init__(self, session: Session, member: StatusRow, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.member = member

    def compose_above(self) -> ComposeResult:
        return notes("summary")

    def on_mount(self) -> None:
        self.sub_title = t("dues.tui.payments_title", name=self.member.name)

    def fetch(self) -> list[PaymentRow]:
        return dues.list_payments(self.store, self.branch_id, self.member.member_no)[::-1]

    def show_state(self) -> None:
        self.show_empty(t("dues.tui.no_payments", name=self.member.name))
        state = dues.member_status(
            self.store, self.branch_id, self.member.member_no, self.session.today()
        )
        self.member = StatusRow(
            self.member.member_no, self.member.name, state, self.member.away, self.member.left_on
        )
        self.query_one("#summary", Static).update(
            t(
                "dues.tui.payments_summary",
                member_no=self.member.member_no,
                name=self.member.name,
                paid_until=state.paid_until or "—",
                months=len(state.arrears),
                owed=yuan(state.owed),
            )
        )

    def cells(self, p: PaymentRow) -> tuple[Text, ...]:
        c = self.cell
        style = "dim strike" if p.voided else ""
        note = t("dues.voided_note", reason=p.void_reason or "") if p.voided else p.note or ""
        return (
            c("id", str(p.id), style),
            c("paid_on", p.paid_on.isoformat(), style),
            c("months", _months(p), style),
            c("amount", yuan(p.amount_fen), style),
            c("note", note, "dim" if p.voided else ""),
        )

    def action_pay(self) -> None:
        self.app.push_screen(DuesPaymentForm(self.session, self.member, on_result=self._changed))

    def action_void(self) -> None:
        p = self.selected()
        if p is None:
            return
        if p.voided:
            self.notify(t("dues.already_voided", id=p.id), severity="warning")
            return
        self.app.push_screen(DuesVoidForm(self.session, p, on_result=self._changed))

    def _changed(self, payment: PaymentRow | None) -> None:
        if payment is None:
            return
        key = "dues.tui.voided" if payment.voided else "dues.tui.paid"
        self.notify(
            t(key, name=payment.name, amount=yuan(payment.amount_fen), months=_months(payment))
        )
        _follow(self)
        self.reload(payment.id)
