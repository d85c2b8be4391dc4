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
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Static

from orglife_tui.data import dues
from orglife_tui.data.dues import PaymentRow, StatusRow, yuan
from orglife_tui.data.errors import StoreError
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import BaseScreen, Session, app_header, cell
from orglife_tui.tui.screens.dues.dues_form import DuesPaymentForm, DuesStandardForm, DuesVoidForm
from orglife_tui.tui.widgets.table import ListTable

# (column key, catalog key of the heading, width in cells for zh, for en); the note takes
# what is left of the terminal's width.
COLUMNS = (
    ("member_no", "dues.tui.col.member_no", 6, 6),
    ("name", "dues.tui.col.name", 8, 10),
    ("standard", "dues.tui.col.standard", 7, 8),
    ("paid_until", "dues.tui.col.paid_until", 7, 10),
    ("months", "dues.tui.col.months", 8, 6),
    ("owed", "dues.tui.col.owed", 8, 9),
)
PAYMENT_COLUMNS = (
    ("id", "dues.tui.col.id", 4, 4),
    ("paid_on", "dues.tui.col.paid_on", 10, 10),
    ("months", "dues.tui.col.period", 16, 16),
    ("amount", "dues.tui.col.amount", 9, 9),
)
NOTE_MIN = 8
CHROME = 1
REMINDER, CASE = 3, 6  # the default ladder's steps, for colour only


def _widths(columns, terminal_width: int, lang: str) -> dict[str, int]:
    zh = lang == "zh"
    widths = {key: wz if zh else we for key, _, wz, we in columns}
    left = terminal_width - sum(w + 2 for w in widths.values()) - 2 - CHROME
    widths["note"] = max(NOTE_MIN, left)
    return widths


def _add_columns(table: ListTable, columns, widths: dict[str, int], note_heading: str) -> None:
    table.clear(columns=True)
    for key, heading, *_ in columns:
        table.add_column(t(heading), width=widths[key], key=key)
    table.add_column(t(note_heading), width=widths["note"], key="note")


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


class DuesScreen(BaseScreen):
    CSS_PATH = "dues.tcss"
    HELP_KEY = "dues.tui.help"

    BINDINGS: ClassVar = [
        Binding("p,n", "pay", "dues.tui.key.pay", id="dues.pay", key_display="p"),
        Binding("s", "standard", "dues.tui.key.standard", id="dues.standard"),
        Binding("l", "payments", "dues.tui.key.payments", id="dues.payments"),
    ]

    def __init__(self, session: Session, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.rows: list[StatusRow] = []
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="summary", markup=False)
        yield ListTable(id="dues")
        yield Static(id="empty", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("dues.tui.title")
        self._columns()
        self.table.focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def on_resize(self) -> None:
        if self.table.columns and self._widths != _widths(
            COLUMNS, self.app.size.width, self.session.lang
        ):
            self._columns()
            self._show(self.table.cursor_row)

    def _columns(self) -> None:
        self._widths = _widths(COLUMNS, self.app.size.width, self.session.lang)
        _add_columns(self.table, COLUMNS, self._widths, "dues.tui.col.note")

    @property
    def table(self) -> ListTable[StatusRow]:
        return self.query_one("#dues", ListTable)

    def highlighted(self) -> StatusRow | None:
        return self.table.current

    # ------------------------------------------------------------------ data

    def reload(self, wanted: str | None = None) -> None:
        current = self.highlighted()
        wanted = wanted or (current.member_no if current else None)
        self.rows = dues.status(self.store, self.branch_id, self.session.today())
        index = next((i for i, r in enumerate(self.rows) if r.member_no == wanted), 0)
        self._show(index)
        behind = [r for r in self.rows if r.state.arrears]
        self.query_one("#summary", Static).update(
            t(
                "dues.tui.summary",
                date=self.session.today().isoformat(),
                members=len(self.rows),
                behind=len(behind),
                owed=yuan(sum(r.state.owed for r in behind)),
            )
        )

    def _show(self, cursor: int = 0) -> None:
        self.table.show(self.rows, self._cells, cursor=cursor)
        empty = self.query_one("#empty", Static)
        empty.update(t("dues.tui.empty"))
        self.table.display = bool(self.rows)
        empty.display = not self.rows

    def _cells(self, row: StatusRow) -> tuple[Text, ...]:
        w, st = self._widths, row.state
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
            cell(row.member_no, w["member_no"]),
            cell(row.name, w["name"]),
            cell(yuan(st.standard) if st.standard is not None else "—", w["standard"]),
            cell(st.paid_until or "—", w["paid_until"]),
            cell(str(count) if st.has_record else "—", w["months"], style),
            cell(yuan(st.owed) if count else "", w["owed"], style),
            cell(t("dues.list_sep").join(notes), w["note"], "dim"),
        )

    # ------------------------------------------------------------------ changes

    def _need_row(self) -> StatusRow | None:
        row = self.highlighted()
        if row is None:
            self.notify(t("dues.tui.nothing_selected"), severity="warning")
        return row

    def action_pay(self) -> None:
        row = self._need_row()
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
        row = self._need_row()
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
        row = self._need_row()
        if row is not None:
            self.app.push_screen(DuesPaymentsScreen(self.session, row))

    @on(DataTable.RowSelected, "#dues")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_payments()


def _months(p: PaymentRow) -> str:
    return p.from_month if p.from_month == p.to_month else f"{p.from_month}..{p.to_month}"


class DuesPaymentsScreen(BaseScreen):
    """One member's payments, newest first; ``x`` voids the highlighted one."""

    CSS_PATH = "dues.tcss"
    HELP_KEY = "dues.tui.help_payments"

    BINDINGS: ClassVar = [
        Binding("p,n", "pay", "dues.tui.key.pay", id="dues_payments.pay", key_display="p"),
        Binding("x", "void", "dues.tui.key.void", id="dues_payments.void"),
    ]

    def __init__(self, session: Session, member: StatusRow, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.member = member
        self.rows: list[PaymentRow] = []
        self._widths: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        yield app_header()
        yield Static(id="summary", markup=False)
        yield ListTable(id="payments")
        yield Static(id="empty", markup=False)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.sub_title = t("dues.tui.payments_title", name=self.member.name)
        self._widths = _widths(PAYMENT_COLUMNS, self.app.size.width, self.session.lang)
        _add_columns(self.table, PAYMENT_COLUMNS, self._widths, "dues.tui.col.note")
        self.reload()
        self.table.focus()

    @property
    def table(self) -> ListTable[PaymentRow]:
        return self.query_one("#payments", ListTable)

    def reload(self, wanted: int | None = None) -> None:
        current = self.table.current
        wanted = wanted if wanted is not None else (current.id if current else None)
        self.rows = dues.list_payments(self.store, self.branch_id, self.member.member_no)[::-1]
        index = next((i for i, r in enumerate(self.rows) if r.id == wanted), 0)
        self.table.show(self.rows, self._cells, cursor=index)
        empty = self.query_one("#empty", Static)
        empty.update(t("dues.tui.no_payments", name=self.member.name))
        self.table.display = bool(self.rows)
        empty.display = not self.rows
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

    def _cells(self, p: PaymentRow) -> tuple[Text, ...]:
        w = self._widths
        style = "dim strike" if p.voided else ""
        note = t("dues.voided_note", reason=p.void_reason or "") if p.voided else p.note or ""
        return (
            cell(str(p.id), w["id"], style),
            cell(p.paid_on.isoformat(), w["paid_on"], style),
            cell(_months(p), w["months"], style),
            cell(yuan(p.amount_fen), w["amount"], style),
            cell(note, w["note"], "dim" if p.voided else ""),
        )

    def action_pay(self) -> None:
        self.app.push_screen(DuesPaymentForm(self.session, self.member, on_result=self._changed))

    def action_void(self) -> None:
        p = self.table.current
        if p is None:
            self.notify(t("dues.tui.nothing_selected"), severity="warning")
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
