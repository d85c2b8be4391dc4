"""Add or edit one item of the annual plan: a meeting type, a month (or any time), a topic."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult

from orglife_tui.data import plans
from orglife_tui.data.errors import StoreError
from orglife_tui.data.plans import PlanInput, PlanRow
from orglife_tui.domain import MeetingType
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, choice, required_text


def month_name(month: int) -> str:
    """A short month name for lists: ``Mar`` / ``3月``."""
    return t("tui.plan.month_short").split(",")[month - 1]


class PlanFormScreen(RecordFormScreen):
    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.plan.help_form"
    FIELD_PREFIX = "tui.plan.field."

    def __init__(
        self,
        session: Session,
        year: int,
        item: PlanRow | None,
        on_result: Callable[[PlanRow | None], object] | None = None,
    ) -> None:
        title = (
            t("tui.plan.form_new", year=year)
            if item is None
            else t("tui.plan.form_edit", year=year, topic=item.topic)
        )
        super().__init__(session, title, on_result)
        self.year = year
        self.item = item
        # What the fields start with: the item edited, or an item offered (an order taken).
        self.prefill: PlanInput | None = item.as_input() if item else None

    def compose_fields(self) -> ComposeResult:
        s, item = self.session, self.prefill
        types = [(s.label(mt), mt.value) for mt in MeetingType]
        yield from self.field(
            "meeting_type",
            choice(types, item.meeting_type.value if item else None, t("tui.plan.pick_type")),
            required=True,
        )
        months = [(month_name(m), str(m)) for m in range(1, 13)]
        current = str(item.month) if item and item.month else None
        yield from self.field("month", choice(months, current, t("tui.plan.any_time")))
        yield from self.field("topic", text_input(item.topic if item else None), required=True)
        yield from self.field("note", text_input(item.note if item else None))

    def record(self, values: dict[str, str]) -> PlanInput:
        """The item the fields hold; ``FieldErrors`` for a field left empty."""
        errors = FieldErrors()
        raw_type = values.get("meeting_type", "")
        if not raw_type:
            errors.add("meeting_type", "problem.required")
        topic = required_text(values, "topic", errors)
        if errors:
            raise errors
        month = values.get("month", "")
        return PlanInput(
            year=self.year,
            meeting_type=MeetingType(raw_type),
            topic=topic,
            month=int(month) if month else None,
            note=values.get("note", "").strip() or None,
        )

    def save(self, values: dict[str, str]) -> PlanRow:
        record = self.record(values)
        s = self.session
        if self.item is None:
            return plans.add_plan_item(s.store, s.branch.id, record)
        return plans.update_plan_item(s.store, s.branch.id, self.item.id, record)

    def store_error_field(self, error: StoreError) -> str | None:
        for word, name in (("topic", "topic"), ("month", "month"), ("type", "meeting_type")):
            if word in error.key:
                return name
        return None
