"""The dialogs an appraisal session's steps open: the seal's notice after closing the vote,
the committee's grade for one candidate, and the question before publishing.

The one-line question (a year, the teller PIN) is in ``shared``: the list of sessions asks
it too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import notice
from orglife_tui.data.errors import StoreError
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t
from orglife_tui.scoring.model import Grade
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.common.base import BaseModal, BaseScreen, Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.labels import grade_label, number
from orglife_tui.tui.screens.common.record_form import RecordFormScreen, choice, read_date


class NoticeScreen(BaseModal[None]):
    """A result to read (and copy into the minutes): the seal's ballots and fingerprint."""

    CSS_PATH = "appraisal.tcss"
    HELP_KEY = "tui.appraisal.help_notice"

    BINDINGS: ClassVar = [
        Binding("escape,enter", "close", "tui.key.close", id="notice.close", key_display="esc"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.notice_title = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.notice_title, id="ask-title", markup=False)
            yield Static(self.body, id="notice-body", markup=False)
            yield Static(t("tui.appraisal.notice_keys"), id="ask-keys", markup=False)

    def action_close(self) -> None:
        self.finish(None)


def publish_after_confirm(screen: BaseScreen, session_id: int, done: Callable[[], object]) -> None:
    """Publish after the question, which also asks the notice window (公示)."""

    def published(row: object) -> None:
        if row is None:
            return
        screen.notify(t("tui.appraisal.published"))
        done()

    screen.app.push_screen(PublishFormScreen(screen.session, session_id, published))


class PublishFormScreen(RecordFormScreen):
    """The question before publishing, with the notice window: by default from today for
    five working days (``data.appraisal.notice``); both days may be changed."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.after.help_publish"
    FIELD_PREFIX = "tui.after.field."

    def __init__(
        self, session: Session, session_id: int, on_result: Callable[[object], object]
    ) -> None:
        super().__init__(session, t("tui.after.publish_title"), on_result)
        self.add_class("-small")
        self.session_id = session_id

    def compose_fields(self) -> ComposeResult:
        start, end = notice.default_window(self.session.today())
        yield Static(t("tui.appraisal.publish_question"), id="record-what", markup=False)
        hint = t("tui.form.date_hint")
        yield from self.field("notice_from", text_input(start.isoformat(), hint), required=True)
        yield from self.field("notice_to", text_input(end.isoformat(), hint), required=True)

    def save(self, values: dict[str, str]) -> object:
        errors = FieldErrors()
        start = read_date(values, "notice_from", errors, required=True)
        end = read_date(values, "notice_to", errors, required=True)
        if errors:
            raise errors
        s = self.session
        return appraisal.publish(
            s.store, s.branch.id, self.session_id, notice_from=start, notice_to=end
        )

    def store_error_field(self, error: StoreError) -> str | None:
        return "notice_to" if error.key == "notice.end_before_start" else None


# How much of a self-assessment, and of the comments, the grading dialog shows (two lines
# each at 80 columns).
NOTE_CHARS = 120


class GradeFormScreen(RecordFormScreen):
    """The committee's grade for one candidate, and the reason where it departs from the
    proposal (the store refuses a departure without one)."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss"]
    HELP_KEY = "tui.appraisal.help_grade"
    FIELD_PREFIX = "tui.appraisal.field."

    def __init__(
        self,
        session: Session,
        session_id: int,
        row: appraisal.TallyRow,
        on_result: Callable[[object], object] | None = None,
    ) -> None:
        super().__init__(
            session, t("tui.appraisal.grade_title", name=row.name, no=row.member_no), on_result
        )
        self.add_class("-small")
        self.session_id = session_id
        self.row = row

    def compose_fields(self) -> ComposeResult:
        row = self.row
        yield Static(
            t(
                "tui.appraisal.grade_what",
                proposed=grade_label(row.proposed),
                points=number(row.points) or "—",
            ),
            id="record-what",
            markup=False,
        )
        yield Static(self.steps_note(), id="grade-steps", markup=False)
        current = (row.final or row.proposed or Grade.qualified).value
        options = [(t(f"tui.grade.{g.value}"), g.value) for g in Grade]
        yield from self.field("grade", choice(options, current), required=True)
        yield from self.field(
            "reason", text_input(row.reason or "", t("tui.appraisal.reason_hint"))
        )

    def steps_note(self) -> str:
        """What the committee reads before grading: the member's self-assessment and the
        peer comments, each cut to a few lines (the steps screen shows them whole)."""
        s, no = self.session, self.row.member_no
        own = appraisal.self_assessments(s.store, s.branch.id, self.session_id).get(no)
        comments = appraisal.peer_comments(s.store, s.branch.id, self.session_id, no)
        if own is None:
            first = t("appraisal_steps.tui.grade_no_self")
        else:
            text = clip(" ".join(own.text.split()), NOTE_CHARS)
            first = t("appraisal_steps.tui.grade_self", date=own.given_on.isoformat(), text=text)
        joined = clip("；".join(" ".join(c.text.split()) for c in comments), NOTE_CHARS)
        second = t("appraisal_steps.tui.grade_comments", count=len(comments), comments=joined)
        return f"{first}\n{second}"

    def save(self, values: dict[str, str]) -> object:
        s = self.session
        grade = Grade(values["grade"])
        reason = values.get("reason", "").strip() or None
        appraisal.set_grade(
            s.store, s.branch.id, self.session_id, self.row.member_no, grade, reason
        )
        return True

    def store_error_field(self, error: StoreError) -> str | None:
        return "reason" if "reason" in error.key else None
