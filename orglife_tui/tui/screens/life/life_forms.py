"""The dialogs of the life meeting: one participant's record, and a problem of theirs put
on the rectification list."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets import Static

from orglife_tui.data import life_meeting
from orglife_tui.data.errors import StoreError
from orglife_tui.data.life_meeting import LifeRecordInput, LifeRecordRow
from orglife_tui.data.store import MeetingRow
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    read_date,
    required_text,
    text_area,
)


class LifeRecordFormScreen(RecordFormScreen):
    """A participant's 对照检查 and the criticism received and given."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "life.tui.help_record"

    def __init__(
        self,
        session: Session,
        meeting: MeetingRow,
        row: LifeRecordRow,
        on_result: Callable[[LifeRecordRow | None], object] | None = None,
    ) -> None:
        title = t("life.tui.record_title", member_no=row.member_no, name=row.name)
        super().__init__(session, title, on_result)
        self.meeting = meeting
        self.row = row

    def compose_fields(self) -> ComposeResult:
        row = self.row
        yield from self.field("self_check", text_area(row.self_check))
        yield from self.field("criticism_received", text_area(row.criticism_received))
        yield from self.field("criticism_given", text_area(row.criticism_given))

    def save(self, values: dict[str, str]) -> LifeRecordRow:
        s = self.session
        record = LifeRecordInput(
            self.row.member_no,
            values.get("self_check"),
            values.get("criticism_received"),
            values.get("criticism_given"),
        )
        return life_meeting.set_life_record(s.store, s.branch.id, self.meeting.id, record)

    def store_error_field(self, error: StoreError) -> str | None:
        return None


class ProblemFormScreen(RecordFormScreen):
    """A participant's problem put on the rectification list, with a deadline."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "life.tui.help_problem"
    FIELD_PREFIX = "tui.rect.field."

    def __init__(
        self,
        session: Session,
        meeting: MeetingRow,
        row: LifeRecordRow,
        on_result: Callable[[int | None], object] | None = None,
    ) -> None:
        title = t("life.tui.problem_title", member_no=row.member_no, name=row.name)
        super().__init__(session, title, on_result)
        self.meeting = meeting
        self.row = row

    def compose_fields(self) -> ComposeResult:
        yield Static(t("life.tui.problem_what"), id="record-what", markup=False)
        yield from self.field("problem", text_area(None), required=True)
        yield from self.field("measure", text_area(None))
        yield from self.field("deadline", text_input("", t("tui.form.date_hint")), required=True)

    def save(self, values: dict[str, str]) -> int:
        errors = FieldErrors()
        problem = required_text(values, "problem", errors)
        deadline = read_date(values, "deadline", errors, required=True)
        if errors:
            raise errors
        assert deadline is not None
        s = self.session
        return life_meeting.add_problem(
            s.store,
            s.branch.id,
            self.meeting.id,
            self.row.member_no,
            problem,
            deadline,
            values.get("measure", "").strip() or None,
        )

    def store_error_field(self, error: StoreError) -> str | None:
        for word, name in (("deadline", "deadline"), ("problem", "problem")):
            if word in error.key:
                return name
        return None
