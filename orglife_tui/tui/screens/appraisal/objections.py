"""公示 on screen: one published session's notice window, where its result stands
(公示中 / 待答复异议 / 已确定) and its objections (异议).

``a`` records an objection (the member concerned, the day it was raised, what it says and,
optionally, who raised it); ``w`` answers the highlighted one once: 维持, or 改变 with the
new grade and a reason (a correction beside the published record). Opened with ``b`` from
the session (``AppraisalDetailScreen``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult, CSSPathType
from textual.binding import Binding
from textual.widgets import Static

from orglife_tui.data.appraisal import notice
from orglife_tui.data.appraisal.notice import ObjectionRow, ResultState
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import ObjectionOutcome, ResultStatus
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.labels import grade_label
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    choice,
    read_date,
    required_text,
    text_area,
)

COLUMNS = (
    Column("raised_on", "tui.after.col.raised_on", 10, 10),
    Column("member", "tui.after.col.member", 12, 12),
    Column("by", "tui.after.col.by", 8, 9),
    Column("outcome", "tui.after.col.outcome", 10, 12),
    Column("content", "tui.after.col.content", 16, 16, flex=True),
)

STATUS_STYLE = {
    ResultStatus.in_notice: "yellow",
    ResultStatus.objections_pending: "bold red",
    ResultStatus.final: "green",
}
# The forms' style sheets, beside each form's own file (Textual resolves them there).
FORM_CSS: CSSPathType = ["../common/form.tcss", "../common/record_form.tcss"]


def state_text(session: Session, state: ResultState) -> Text:
    """The window and where the result stands, in one line."""
    return Text(
        t(
            "notice.state_line",
            status=session.label(state.status),
            start=state.window_start.isoformat() if state.window_start else "—",
            end=state.window_end.isoformat() if state.window_end else "—",
            count=state.objections,
            open=state.open_objections,
        ),
        style=STATUS_STYLE[state.status],
    )


class ObjectionsScreen(ListScreen[ObjectionRow]):
    CSS_PATH = "after.tcss"
    HELP_KEY = "tui.after.help_objections"
    TITLE_KEY = "tui.after.objections_title"
    TABLE_ID = "objections"
    NOTHING_SELECTED = "tui.after.nothing_selected"
    COLUMNS = COLUMNS
    SELECT_ACTION = "answer"

    BINDINGS: ClassVar = [
        Binding("a", "add", "tui.after.key.add_objection", id="objections.add"),
        Binding("w", "answer", "tui.after.key.answer", id="objections.answer"),
        Binding("escape", "app.back", "tui.key.back", id="objections.back"),
    ]

    def __init__(self, session: Session, session_id: int, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.session_id = session_id
        self.state: ResultState | None = None

    def compose_above(self) -> ComposeResult:
        return notes("state")

    def compose_below(self) -> ComposeResult:
        return notes("detail")

    def cells(self, row: ObjectionRow) -> tuple[Text, ...]:
        c = self.cell
        if row.outcome is None:
            outcome = c("outcome", t("notice.unanswered"), "bold red")
        else:
            text = self.session.label(row.outcome)
            if row.corrected_to is not None:
                text += f"→{grade_label(row.corrected_to, short=True)}"
            outcome = c("outcome", text, "green")
        return (
            c("raised_on", row.raised_on.isoformat()),
            c("member", f"{row.member_no} {row.name}"),
            c("by", row.raised_by or t("notice.anonymous"), "" if row.raised_by else "dim"),
            outcome,
            c("content", row.content),
        )

    def key_of(self, row: ObjectionRow) -> int:
        return row.id

    def fetch(self) -> list[ObjectionRow]:
        self.state = notice.result_state(
            self.store, self.branch_id, self.session_id, self.session.today()
        )
        return notice.list_objections(self.store, self.branch_id, self.session_id)

    def show_state(self) -> None:
        if self.state is not None:
            self.sub_title = t("tui.after.objections_sub", id=self.session_id, year=self.state.year)
            self.query_one("#state", Static).update(state_text(self.session, self.state))
        self.show_empty(t("notice.no_objections"))

    def show_detail(self) -> None:
        row = self.highlighted()
        detail = self.query_one("#detail", Static)
        if row is None or row.answer is None:
            detail.update("")
            return
        detail.update(
            t(
                "tui.after.answer_detail",
                date=row.answered_on.isoformat() if row.answered_on else "",
                answer=row.answer,
            )
        )

    def action_add(self) -> None:
        self.app.push_screen(ObjectionFormScreen(self.session, self.session_id, self._saved))

    def action_answer(self) -> None:
        row = self.selected()
        if row is None:
            return
        if row.answered:
            self.notify(
                t("notice.already_answered", id=row.id, date=row.answered_on), severity="warning"
            )
            return
        self.app.push_screen(AnswerFormScreen(self.session, row, self._saved))

    def _saved(self, row: ObjectionRow | None) -> None:
        if row is None:
            return
        self.notify(t("tui.after.objection_saved", id=row.id))
        self.reload(row.id)


class ObjectionFormScreen(RecordFormScreen):
    """Record an objection raised during the notice window."""

    CSS_PATH: ClassVar = FORM_CSS
    HELP_KEY = "tui.after.help_objection_form"
    FIELD_PREFIX = "tui.after.field."

    def __init__(
        self,
        session: Session,
        session_id: int,
        on_result: Callable[[ObjectionRow | None], object] | None = None,
    ) -> None:
        super().__init__(session, t("tui.after.objection_form_title"), on_result)
        self.session_id = session_id

    def compose_fields(self) -> ComposeResult:
        yield from self.field("member_no", text_input(""), required=True)
        yield from self.field(
            "raised_on",
            text_input(self.session.today().isoformat(), t("tui.form.date_hint")),
            required=True,
        )
        yield from self.field("content", text_area(None), required=True)
        yield from self.field("raised_by", text_input("", t("tui.after.anonymous_hint")))

    def save(self, values: dict[str, str]) -> ObjectionRow:
        errors = FieldErrors()
        member_no = required_text(values, "member_no", errors)
        content = required_text(values, "content", errors)
        raised_on = read_date(values, "raised_on", errors, required=True)
        if errors:
            raise errors
        assert raised_on is not None
        s = self.session
        return notice.add_objection(
            s.store,
            s.branch.id,
            self.session_id,
            member_no,
            raised_on,
            content,
            raised_by=values.get("raised_by", "").strip() or None,
        )

    def store_error_field(self, error: StoreError) -> str | None:
        if "member" in error.key:
            return "member_no"
        if "window" in error.key or "date" in error.key:
            return "raised_on"
        return "content" if "content" in error.key or "text" in error.key else None


class AnswerFormScreen(RecordFormScreen):
    """Answer an objection once: 维持, or 改变 with the new grade and a reason."""

    CSS_PATH: ClassVar = FORM_CSS
    HELP_KEY = "tui.after.help_answer_form"
    FIELD_PREFIX = "tui.after.field."

    def __init__(
        self,
        session: Session,
        objection: ObjectionRow,
        on_result: Callable[[ObjectionRow | None], object] | None = None,
    ) -> None:
        super().__init__(
            session,
            t("tui.after.answer_title", id=objection.id, name=objection.name),
            on_result,
        )
        self.objection = objection

    def compose_fields(self) -> ComposeResult:
        yield Static(clip(self.objection.content, 200), id="record-what", markup=False)
        yield from self.field("answer", text_area(None), required=True)
        yield from self.field(
            "answered_on",
            text_input(self.session.today().isoformat(), t("tui.form.date_hint")),
            required=True,
        )
        outcomes = [(self.session.label(o), o.value) for o in ObjectionOutcome]
        yield from self.field(
            "outcome", choice(outcomes, ObjectionOutcome.maintained.value), required=True
        )
        grades = [(t(f"tui.grade.{g.value}"), g.value) for g in Grade]
        yield from self.field("grade", choice(grades, None, t("tui.after.grade_blank")))
        yield from self.field("reason", text_input("", t("tui.after.reason_hint")))

    def save(self, values: dict[str, str]) -> ObjectionRow:
        errors = FieldErrors()
        answer = required_text(values, "answer", errors)
        on = read_date(values, "answered_on", errors, required=True)
        if errors:
            raise errors
        assert on is not None
        s = self.session
        return notice.answer_objection(
            s.store,
            s.branch.id,
            self.objection.id,
            answer,
            on,
            ObjectionOutcome(values.get("outcome") or ObjectionOutcome.maintained.value),
            grade=values.get("grade") or None,
            reason=values.get("reason", "").strip() or None,
        )

    def store_error_field(self, error: StoreError) -> str | None:
        for word, name in (
            ("grade", "grade"),
            ("reason", "reason"),
            ("date", "answered_on"),
            ("before", "answered_on"),
            ("answer", "answer"),
        ):
            if word in error.key:
                return name
        return None
