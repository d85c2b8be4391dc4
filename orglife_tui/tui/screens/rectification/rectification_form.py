"""The two dialogs of the rectification list: an item, and a change of its status."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from orglife_tui.data import rectification
from orglife_tui.data.errors import StoreError
from orglife_tui.data.rectification import RectificationInput, RectificationRow
from orglife_tui.domain import RectificationStatus
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    iso,
    read_date,
    required_text,
    text_area,
)


class RectificationFormScreen(RecordFormScreen):
    """Add or edit one problem of the list: what, what is to be done, who, by when."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.rect.help_form"
    FIELD_PREFIX = "tui.rect.field."

    def __init__(
        self,
        session: Session,
        item: RectificationRow | None,
        on_result: Callable[[RectificationRow | None], object] | None = None,
    ) -> None:
        title = (
            t("tui.rect.form_new")
            if item is None
            else t("tui.rect.form_edit", problem=clip(item.problem, 40))
        )
        super().__init__(session, title, on_result)
        self.item = item

    def compose_fields(self) -> ComposeResult:
        item = self.item
        year = item.year if item else self.session.today().year
        yield from self.field("problem", text_area(item.problem if item else None), required=True)
        yield from self.field("measure", text_area(item.measure if item else None))
        yield from self.field("owner", text_input(item.owner if item else None), required=True)
        yield from self.field(
            "deadline",
            text_input(iso(item.deadline) if item else "", t("tui.form.date_hint")),
            required=True,
        )
        yield from self.field("year", text_input(str(year)), required=True)
        yield from self.field(
            "meeting_no", text_input(item.meeting_no if item else None, t("tui.rect.meeting_hint"))
        )

    def save(self, values: dict[str, str]) -> RectificationRow:
        errors = FieldErrors()
        problem = required_text(values, "problem", errors)
        owner = required_text(values, "owner", errors)
        deadline = read_date(values, "deadline", errors, required=True)
        raw_year = values.get("year", "").strip()
        year = 0
        if not raw_year:
            errors.add("year", "problem.required")
        elif not re.fullmatch(r"\d{4}", raw_year):
            errors.add("year", "tui.rect.problem.bad_year", value=raw_year)
        else:
            year = int(raw_year)
        if errors:
            raise errors
        assert deadline is not None
        record = RectificationInput(
            year=year,
            problem=problem,
            owner=owner,
            deadline=deadline,
            measure=values.get("measure", "").strip() or None,
            meeting_no=values.get("meeting_no", "").strip() or None,
        )
        s = self.session
        if self.item is None:
            return rectification.add_item(s.store, s.branch.id, record)
        return rectification.update_item(s.store, s.branch.id, self.item.id, record)

    def store_error_field(self, error: StoreError) -> str | None:
        for word, name in (
            ("meeting", "meeting_no"),
            ("deadline", "deadline"),
            ("owner", "owner"),
            ("problem", "problem"),
            ("year", "year"),
            ("branch", "year"),
        ):
            if word in error.key:
                return name
        return None


class StatusFormScreen(RecordFormScreen):
    """Move an item to open, in progress or done; done needs the closing note."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.rect.help_status"
    FIELD_PREFIX = "tui.rect.field."

    def __init__(
        self,
        session: Session,
        item: RectificationRow,
        on_result: Callable[[RectificationRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("tui.rect.status_title"), on_result)
        self.add_class("-small")
        self.item = item

    def compose_fields(self) -> ComposeResult:
        s, item = self.session, self.item
        yield Static(
            t("tui.rect.status_what", problem=clip(item.problem, 60), owner=item.owner),
            id="record-what",
            markup=False,
        )
        # Opened to change the status: the next one along is offered first.
        order = list(RectificationStatus)
        proposed = order[min(order.index(item.status) + 1, len(order) - 1)]
        statuses = [(s.label(st), st.value) for st in RectificationStatus]
        yield from self.field("status", choice(statuses, proposed.value), required=True)
        on = item.closed_on or s.today()
        yield from self.field("closed_on", text_input(on.isoformat(), t("tui.form.date_hint")))
        yield from self.field("closing_note", text_area(item.closing_note))

    def save(self, values: dict[str, str]) -> RectificationRow:
        errors = FieldErrors()
        status = RectificationStatus(values.get("status") or self.item.status.value)
        note = values.get("closing_note", "").strip()
        done = status is RectificationStatus.done
        on = read_date(values, "closed_on", errors, required=done)
        if done and not note:
            errors.add("closing_note", "tui.rect.problem.note_required")
        if errors:
            raise errors
        s = self.session
        return rectification.set_status(
            s.store,
            s.branch.id,
            self.item.id,
            status,
            note=note or None,
            on=on if done else None,
        )

    def store_error_field(self, error: StoreError) -> str | None:
        if "note" in error.key:
            return "closing_note"
        if "date" in error.key or "closed" in error.key or "future" in error.key:
            return "closed_on"
        return None
