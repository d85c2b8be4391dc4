"""The dialogs of the dues screen: a payment, a monthly standard, and voiding a payment.

Each reads what was typed the one way the CLI reads it (``data.dues.parse_amount``,
``parse_month``, ``parse_date``) and leaves every rule to ``data.dues``: a refusal is
shown in the form, under the field it concerns, and the form stays open.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from orglife_tui.data import dues
from orglife_tui.data.dues import PaymentInput, PaymentRow, StandardRow, StatusRow, yuan
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import InputError, add_months_to_key, month_key_of, parse_month
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, read_date


def read_amount(values: dict[str, str], name: str, errors: FieldErrors) -> int | None:
    raw = values.get(name, "").strip()
    try:
        return dues.parse_amount(raw)
    except InputError as exc:
        errors.add(name, exc.key, value=raw)
        return None


def read_month(values: dict[str, str], name: str, errors: FieldErrors) -> str | None:
    raw = values.get(name, "").strip()
    if not raw:
        errors.add(name, "problem.required")
        return None
    try:
        return parse_month(raw)
    except InputError as exc:
        errors.add(name, exc.key, value=raw)
        return None


def _what(row: StatusRow) -> str:
    standard = yuan(row.state.standard) if row.state.standard is not None else "—"
    return t(
        "dues.tui.what",
        member_no=row.member_no,
        name=row.name,
        standard=standard,
        paid_until=row.state.paid_until or "—",
    )


def _field_of(error: StoreError) -> str | None:
    key = error.key
    if "paid_on" in key or "paid_in" in key or "paid_before" in key:
        return "paid_on"
    if "month" in key or "left" in key:
        return "from_month"
    if "amount" in key:
        return "amount"
    if "note" in key:
        return "note"
    if "reason" in key:
        return "reason"
    return None


class DuesPaymentForm(RecordFormScreen):
    """Record a payment of the highlighted member: date, months, amount, note."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "dues.tui.help_pay"
    FIELD_PREFIX = "dues.tui.field."

    def __init__(
        self,
        session: Session,
        row: StatusRow,
        on_result: Callable[[PaymentRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("dues.tui.pay_title", name=row.name), on_result)
        self.row = row

    def _proposal(self) -> tuple[str, str, str]:
        """Months and amount offered: from the first month in arrears (or the month after
        the last one paid) to the current month, at the standard."""
        today = self.session.today()
        current = month_key_of(today)
        st = self.row.state
        if st.arrears:
            first = st.arrears[0]
        elif st.paid_until is not None:
            first = add_months_to_key(st.paid_until, 1)
        else:
            first = current
        last = max(first, current)
        s = self.session
        try:
            fen = dues.expected_amount(s.store, s.branch.id, self.row.member_no, first, last)
        except StoreError:
            fen = None
        return first, last, yuan(fen) if fen else ""

    def compose_fields(self) -> ComposeResult:
        first, last, amount = self._proposal()
        yield Static(_what(self.row), id="record-what", markup=False)
        today = self.session.today().isoformat()
        yield from self.field("paid_on", text_input(today, t("tui.form.date_hint")), True)
        yield from self.field("from_month", text_input(first, "YYYY-MM"), required=True)
        yield from self.field("to_month", text_input(last, "YYYY-MM"), required=True)
        yield from self.field("amount", text_input(amount, "12.50"), required=True)
        yield from self.field("note", text_input(""))

    def save(self, values: dict[str, str]) -> PaymentRow:
        errors = FieldErrors()
        paid_on = read_date(values, "paid_on", errors, required=True)
        first = read_month(values, "from_month", errors)
        last = read_month(values, "to_month", errors)
        amount = read_amount(values, "amount", errors)
        if errors:
            raise errors
        assert paid_on and first and last and amount is not None
        s = self.session
        payment = PaymentInput(
            member_no=self.row.member_no,
            paid_on=paid_on,
            from_month=first,
            to_month=last,
            amount_fen=amount,
            note=values.get("note", "").strip() or None,
        )
        return dues.record_payment(s.store, s.branch.id, payment)

    def store_error_field(self, error: StoreError) -> str | None:
        return _field_of(error)


class DuesStandardForm(RecordFormScreen):
    """Set the highlighted member's monthly dues from a month on (0: exempt)."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "dues.tui.help_standard"
    FIELD_PREFIX = "dues.tui.field."

    def __init__(
        self,
        session: Session,
        row: StatusRow,
        on_result: Callable[[StandardRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("dues.tui.standard_title", name=row.name), on_result)
        self.add_class("-small")
        self.row = row

    def compose_fields(self) -> ComposeResult:
        today = self.session.today()
        yield Static(_what(self.row), id="record-what", markup=False)
        month = month_key_of(today)
        yield from self.field("from_month", text_input(month, "YYYY-MM"), required=True)
        current = yuan(self.row.state.standard) if self.row.state.standard is not None else ""
        yield from self.field("standard", text_input(current, "12.50"), required=True)

    def save(self, values: dict[str, str]) -> StandardRow:
        errors = FieldErrors()
        month = read_month(values, "from_month", errors)
        amount = read_amount(values, "standard", errors)
        if errors:
            raise errors
        assert month is not None and amount is not None
        s = self.session
        return dues.set_standard(s.store, s.branch.id, self.row.member_no, month, amount)

    def store_error_field(self, error: StoreError) -> str | None:
        if "standard" in error.key or "amount" in error.key:
            return "standard"
        return "from_month" if "month" in error.key or "left" in error.key else None


class DuesVoidForm(RecordFormScreen):
    """Void a payment recorded by mistake: it is kept, with the reason, and no longer counts."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "dues.tui.help_void"
    FIELD_PREFIX = "dues.tui.field."

    def __init__(
        self,
        session: Session,
        payment: PaymentRow,
        on_result: Callable[[PaymentRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("dues.tui.void_title", id=payment.id), on_result)
        self.add_class("-small")
        self.payment = payment

    def compose_fields(self) -> ComposeResult:
        p = self.payment
        what = t(
            "dues.tui.void_what",
            id=p.id,
            date=p.paid_on.isoformat(),
            name=p.name,
            months=p.from_month if p.from_month == p.to_month else f"{p.from_month}..{p.to_month}",
            amount=yuan(p.amount_fen),
        )
        yield Static(what, id="record-what", markup=False)
        yield from self.field("reason", text_input(""), required=True)

    def save(self, values: dict[str, str]) -> PaymentRow:
        reason = values.get("reason", "").strip()
        if not reason:
            errors = FieldErrors()
            errors.add("reason", "problem.required")
            raise errors
        s = self.session
        return dues.void_payment(s.store, s.branch.id, self.payment.id, reason)

    def store_error_field(self, error: StoreError) -> str | None:
        return "reason" if "reason" in error.key else None
