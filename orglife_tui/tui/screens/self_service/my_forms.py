"""A member's own new commitment (承诺): the text, for this year; the member is fixed."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult

from orglife_tui.data.commitments import CommitmentRow
from orglife_tui.data.errors import StoreError
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.services import self_service as mine
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, required_text, text_area


class MyCommitmentForm(RecordFormScreen):
    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "self.help_commitment"
    FIELD_PREFIX = "self.field."

    def __init__(
        self,
        session: Session,
        member_id: int,
        on_result: Callable[[CommitmentRow | None], object] | None = None,
    ) -> None:
        self.year = session.today().year
        super().__init__(session, t("self.commitment_new", year=self.year), on_result)
        self.member_id = member_id

    def compose_fields(self) -> ComposeResult:
        yield from self.field("commitment", text_area(None), required=True)

    def save(self, values: dict[str, str]) -> CommitmentRow:
        errors = FieldErrors()
        text = required_text(values, "commitment", errors)
        if errors:
            raise errors
        s = self.session
        return mine.add_my_commitment(s.store, s.branch.id, self.member_id, self.year, text)

    def store_error_field(self, error: StoreError) -> str | None:
        return (
            "commitment" if error.key in ("life.commitment_empty", "text.control_chars") else None
        )
