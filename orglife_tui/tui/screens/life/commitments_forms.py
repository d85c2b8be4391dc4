"""The dialogs of posts and commitments: a post, a commitment, a commitment's status."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Static

from orglife_tui.data import commitments
from orglife_tui.data.commitments import CommitmentInput, CommitmentRow, PostInput, PostRow
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import CommitmentStatus
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.services.points import after_commitment_change
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    read_date,
    required_text,
    text_area,
)


def _member_field(session: Session, current: str | None):
    roster = [m.member_no for m in session.store.list_members(session.branch.id)]
    return text_input(
        current, t("life.tui.member_hint"), suggester=SuggestFromList(roster, case_sensitive=False)
    )


def _member_error(error: StoreError) -> str | None:
    return "member_no" if error.key == "member_not_found" else None


class PostFormScreen(RecordFormScreen):
    """A member's post (岗位) for the year and its duty (职责)."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "life.tui.help_post"

    def __init__(
        self,
        session: Session,
        year: int,
        post: PostRow | None,
        on_result: Callable[[PostRow | None], object] | None = None,
    ) -> None:
        title = t("life.tui.post_new", year=year) if post is None else t("life.tui.post_edit")
        super().__init__(session, title, on_result)
        self.year = year
        self.post = post

    def compose_fields(self) -> ComposeResult:
        p = self.post
        yield from self.field(
            "member_no", _member_field(self.session, p.member_no if p else None), required=True
        )
        yield from self.field("member_post", text_input(p.post if p else None), required=True)
        yield from self.field("duty", text_area(p.duty if p else None))

    def save(self, values: dict[str, str]) -> PostRow:
        errors = FieldErrors()
        member_no = required_text(values, "member_no", errors)
        post = required_text(values, "member_post", errors)
        if errors:
            raise errors
        s = self.session
        item = PostInput(member_no, self.year, post, values.get("duty"))
        if self.post is None:
            return commitments.add_post(s.store, s.branch.id, item)
        return commitments.update_post(s.store, s.branch.id, self.post.id, item)

    def store_error_field(self, error: StoreError) -> str | None:
        if error.key in ("life.post_empty", "life.text_too_long"):
            return "member_post"
        return _member_error(error)


class CommitmentFormScreen(RecordFormScreen):
    """A member's commitment (承诺) for the year."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "life.tui.help_commitment"

    def __init__(
        self,
        session: Session,
        year: int,
        item: CommitmentRow | None,
        on_result: Callable[[CommitmentRow | None], object] | None = None,
    ) -> None:
        title = (
            t("life.tui.commitment_new", year=year)
            if item is None
            else t("life.tui.commitment_edit", text=clip(item.text, 40))
        )
        super().__init__(session, title, on_result)
        self.year = year
        self.item = item

    def compose_fields(self) -> ComposeResult:
        c = self.item
        yield from self.field(
            "member_no", _member_field(self.session, c.member_no if c else None), required=True
        )
        yield from self.field("commitment", text_area(c.text if c else None), required=True)

    def save(self, values: dict[str, str]) -> CommitmentRow:
        errors = FieldErrors()
        member_no = required_text(values, "member_no", errors)
        text = required_text(values, "commitment", errors)
        if errors:
            raise errors
        s = self.session
        item = CommitmentInput(member_no, self.year, text)
        if self.item is None:
            return commitments.add_commitment(s.store, s.branch.id, item)
        row = commitments.update_commitment(s.store, s.branch.id, self.item.id, item)
        after_commitment_change(s.store, s.branch.id)  # the entry's note names it
        return row

    def store_error_field(self, error: StoreError) -> str | None:
        if error.key == "life.commitment_empty":
            return "commitment"
        return _member_error(error)


class CommitmentStatusScreen(RecordFormScreen):
    """Planned, in progress, fulfilled or not fulfilled; the last two on a day, and the
    points follow (承诺践诺)."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "life.tui.help_status"
    FIELD_PREFIX = "life.tui.field."

    def __init__(
        self,
        session: Session,
        item: CommitmentRow,
        on_result: Callable[[CommitmentRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("life.tui.status_title"), on_result)
        self.add_class("-small")
        self.item = item

    def compose_fields(self) -> ComposeResult:
        s, item = self.session, self.item
        yield Static(
            t("life.tui.status_what", text=clip(item.text, 60), name=item.name),
            id="record-what",
            markup=False,
        )
        order = list(CommitmentStatus)
        proposed = order[min(order.index(item.status) + 1, len(order) - 1)]
        statuses = [(s.label(st), st.value) for st in CommitmentStatus]
        yield from self.field("status", choice(statuses, proposed.value), required=True)
        on = item.evaluated_on or s.today()
        yield from self.field("evaluated_on", text_input(on.isoformat(), t("tui.form.date_hint")))

    def save(self, values: dict[str, str]) -> CommitmentRow:
        errors = FieldErrors()
        status = CommitmentStatus(values.get("status") or self.item.status.value)
        evaluated = status in commitments.EVALUATED
        on = read_date(values, "evaluated_on", errors, required=evaluated)
        if errors:
            raise errors
        s = self.session
        row = commitments.set_status(
            s.store, s.branch.id, self.item.id, status, on=on if evaluated else None
        )
        after_commitment_change(s.store, s.branch.id)
        return row

    def store_error_field(self, error: StoreError) -> str | None:
        return "evaluated_on" if error.key.startswith("life.evaluated") else None
