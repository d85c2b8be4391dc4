"""The forms of 点单/接单: a member's new order, the branch taking an order into the plan
(the plan item's form, filled in from the order), declining one with a reason."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, cast

from textual.app import ComposeResult
from textual.widgets import Static

from orglife_tui.data import orders
from orglife_tui.data.errors import StoreError
from orglife_tui.data.orders import OrderInput, OrderRow
from orglife_tui.domain import OrderKind
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    required_text,
    text_area,
)
from orglife_tui.tui.screens.meetings.plan_form import PlanFormScreen


class OrderFormScreen(RecordFormScreen):
    """A member's new order (点单): an activity or a topic, a title, the month wanted, more
    about it. The member is fixed: the login's own roster member."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "orders.tui.help_form"
    FIELD_PREFIX = "orders.tui.field."

    def __init__(
        self,
        session: Session,
        member_id: int,
        on_result: Callable[[OrderRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("orders.tui.form_new"), on_result)
        self.member_id = member_id

    def compose_fields(self) -> ComposeResult:
        kinds = [(self.session.label(k), k.value) for k in OrderKind]
        yield from self.field("kind", choice(kinds, OrderKind.activity.value), required=True)
        yield from self.field("title", text_input(""), required=True)
        yield from self.field("wanted_month", text_input("", placeholder="YYYY-MM"))
        yield from self.field("detail", text_area(None))

    def save(self, values: dict[str, str]) -> OrderRow:
        errors = FieldErrors()
        title = required_text(values, "title", errors)
        item = OrderInput(
            OrderKind(values.get("kind") or OrderKind.activity.value),
            title,
            values.get("detail", "").strip() or None,
            values.get("wanted_month", "").strip() or None,
        )
        for name, key, params in orders.order_problems(item):
            if name not in {n for n, _, _ in errors.problems}:
                errors.add(name, key, **{k: str(v) for k, v in params.items()})
        if errors:
            raise errors
        s = self.session
        return orders.place_order(s.store, s.branch.id, self.member_id, item)

    def store_error_field(self, error: StoreError) -> str | None:
        return "title" if error.key.startswith("orders.title") else None


class TakeOrderScreen(PlanFormScreen):
    """Take an order into the annual plan (接单): the plan item's form, filled in from the
    order (the month wanted, a meeting type for its kind, its title as the topic), with a
    note to the member."""

    def __init__(
        self,
        session: Session,
        order: OrderRow,
        on_result: Callable[[OrderRow | None], object] | None = None,
    ) -> None:
        prefill = orders.plan_prefill(order, session.today())
        # the form saves an order, not a plan row: its answer is the order taken
        super().__init__(session, prefill.year, None, cast("Callable[[Any], object]", on_result))
        self.form_title = t("orders.tui.take_title", year=prefill.year, title=clip(order.title, 30))
        self.order = order
        self.prefill = prefill

    def compose_fields(self) -> ComposeResult:
        yield from super().compose_fields()
        yield from self.field("answer", text_input(""))

    def save(self, values: dict[str, str]) -> OrderRow:  # type: ignore[override]  # an order, not a plan row
        s = self.session
        record = self.record(values)
        note = values.get("answer", "").strip() or None
        return orders.take_order(s.store, s.branch.id, self.order.id, record, note)


class DeclineOrderScreen(RecordFormScreen):
    """Decline an order, saying why: the member reads the reason."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "orders.tui.help_decline"
    FIELD_PREFIX = "orders.tui.field."

    def __init__(
        self,
        session: Session,
        order: OrderRow,
        on_result: Callable[[OrderRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("orders.tui.decline_title", id=order.id), on_result)
        self.add_class("-small")
        self.order = order

    def compose_fields(self) -> ComposeResult:
        o = self.order
        what = t("orders.tui.what", name=o.name, title=o.title)
        yield Static(what, id="record-what", markup=False)
        yield from self.field("reason", text_input(""), required=True)

    def save(self, values: dict[str, str]) -> OrderRow:
        errors = FieldErrors()
        reason = required_text(values, "reason", errors)
        if errors:
            raise errors
        s = self.session
        return orders.decline_order(s.store, s.branch.id, self.order.id, reason)

    def store_error_field(self, error: StoreError) -> str | None:
        return "reason" if error.key in ("orders.reason_required", "text.control_chars") else None
