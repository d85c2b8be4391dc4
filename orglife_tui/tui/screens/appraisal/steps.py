"""The steps of an appraisal session around the ballot: each member's self-assessment
(个人自评) and the comments on them from the branch meeting (党员互评).

:class:`AppraisalStepsScreen` lists who takes part (before the poll opens: who the start
will put on the ballot), with whether each has given a self-assessment (late: after the
poll opened), how many comments were recorded and whether the committee has graded them;
``a`` records the highlighted member's self-assessment, ``o`` a comment (with no author),
``x`` takes a comment back by its number, Enter reads both; ``i`` imports the session's
self-assessments from a file (the import screens: file, preview, all rows or none), and the
list shows them when the import closes. Members the scheme leaves out are named under the
list with why.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from orglife_tui.data import appraisal
from orglife_tui.data.appraisal import AppraisedMember, SessionRow
from orglife_tui.data.errors import StoreError
from orglife_tui.domain import SessionState
from orglife_tui.domain.records import FieldErrors
from orglife_tui.locale import t, visible
from orglife_tui.scoring.appraisal import why_not_graded
from orglife_tui.tui.cells import clip
from orglife_tui.tui.screens.appraisal.dialogs import NoticeScreen
from orglife_tui.tui.screens.appraisal.shared import AskScreen
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import text_input
from orglife_tui.tui.screens.common.labels import status_short
from orglife_tui.tui.screens.common.list_screen import Column, ListScreen, notes
from orglife_tui.tui.screens.common.record_form import (
    RecordFormScreen,
    iso,
    read_date,
    required_text,
    text_area,
)

STEPS_COLUMNS = (
    Column("no", "tui.appraisal.col.no", 6, 6),
    Column("name", "tui.appraisal.col.name", 10, 10),
    Column("status", "tui.appraisal.col.status", 6, 6),
    Column("self", "appraisal_steps.tui.col.self", 12, 10),
    Column("comments", "appraisal_steps.tui.col.comments", 9, 8),
    Column("grade", "appraisal_steps.tui.col.grade", 10, 8),
)


def self_label(member: AppraisedMember) -> tuple[str, str]:
    """The self-assessment column: its word and its style."""
    if not member.self_assessed:
        return t("appraisal_steps.missing"), "dim"
    if member.late:
        return t("appraisal_steps.given_late"), "yellow"
    return t("appraisal_steps.given"), "green"


def steps_text(session: Session, session_id: int, member_no: str, name: str) -> str:
    """A member's self-assessment and the peer comments on them, as one text to read."""
    store, branch_id = session.store, session.branch.id
    own = appraisal.self_assessments(store, branch_id, session_id).get(member_no)
    comments = appraisal.peer_comments(store, branch_id, session_id, member_no)
    parts = []
    if own is None:
        parts.append(t("appraisal_steps.cli.details_no_self"))
    else:
        late = "appraisal_steps.cli.details_self_late"
        key = late if own.late else "appraisal_steps.cli.details_self"
        parts.append(t(key, date=own.given_on.isoformat()) + "\n" + visible(own.text))
    parts.append(t("appraisal_steps.cli.details_comments", count=len(comments)))
    parts.extend(f"· [{c.id}] {visible(c.text)}" for c in comments)
    return "\n".join(parts)


class ReadingScreen(NoticeScreen):
    """A long text to read (a self-assessment and its comments), scrolled in the dialog."""

    CSS_PATH = "steps.tcss"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(self.notice_title, id="ask-title", markup=False)
            with VerticalScroll(id="reading"):
                yield Static(self.body, id="notice-body", markup=False)
            yield Static(t("tui.appraisal.notice_keys"), id="ask-keys", markup=False)


class SelfAssessmentFormScreen(RecordFormScreen):
    """A member's self-assessment: the text and the day it was given (today by default);
    given again, it replaces the earlier one."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss", "steps.tcss"]
    HELP_KEY = "appraisal_steps.tui.help_self"
    FIELD_PREFIX = "appraisal_steps.tui.field."

    def __init__(
        self,
        session: Session,
        session_id: int,
        member: AppraisedMember,
        on_result: Callable[[object], object] | None = None,
    ) -> None:
        title = t("appraisal_steps.tui.self_title", no=member.member_no, name=member.name)
        super().__init__(session, title, on_result)
        self.session_id = session_id
        self.member = member
        own = appraisal.self_assessments(session.store, session.branch.id, session_id)
        self.current = own.get(member.member_no)

    def compose_fields(self) -> ComposeResult:
        own = self.current
        yield from self.field("text", text_area(own.text if own else None), required=True)
        yield from self.field(
            "given_on",
            text_input(iso(own.given_on if own else self.session.today()), t("tui.form.date_hint")),
            required=True,
        )

    def save(self, values: dict[str, str]) -> object:
        errors = FieldErrors()
        text = required_text(values, "text", errors)
        given_on = read_date(values, "given_on", errors, required=True)
        if errors:
            raise errors
        s = self.session
        return appraisal.record_self_assessment(
            s.store, s.branch.id, self.session_id, self.member.member_no, text, given_on
        )

    def store_error_field(self, error) -> str | None:
        return "given_on" if error.key == "appraisal_steps.given_in_future" else "text"


class PeerCommentFormScreen(RecordFormScreen):
    """A comment on a member from the branch meeting; no author is asked or kept."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "../common/record_form.tcss", "steps.tcss"]
    HELP_KEY = "appraisal_steps.tui.help_comment"
    FIELD_PREFIX = "appraisal_steps.tui.field."

    def __init__(
        self,
        session: Session,
        session_id: int,
        member: AppraisedMember,
        on_result: Callable[[object], object] | None = None,
    ) -> None:
        title = t("appraisal_steps.tui.comment_title", no=member.member_no, name=member.name)
        super().__init__(session, title, on_result)
        self.add_class("-small")
        self.session_id = session_id
        self.member = member

    def compose_fields(self) -> ComposeResult:
        yield Static(t("appraisal_steps.tui.comment_note"), id="record-what", markup=False)
        yield from self.field("comment", text_area(None), required=True)

    def save(self, values: dict[str, str]) -> object:
        errors = FieldErrors()
        text = required_text(values, "comment", errors)
        if errors:
            raise errors
        s = self.session
        return appraisal.add_peer_comment(
            s.store, s.branch.id, self.session_id, self.member.member_no, text
        )

    def store_error_field(self, error) -> str | None:
        return "comment"


class AppraisalStepsScreen(ListScreen[AppraisedMember]):
    """Who takes part in the session, and their self-assessments and peer comments."""

    CSS_PATH = "steps.tcss"
    HELP_KEY = "appraisal_steps.tui.help_steps"
    TABLE_ID = "steps"
    COLUMNS = STEPS_COLUMNS
    KEEP_ROW = True
    SELECT_ACTION = "read"

    BINDINGS: ClassVar = [
        Binding("a", "self_assessment", "appraisal_steps.tui.key.self", id="steps.self"),
        Binding("o", "comment", "appraisal_steps.tui.key.comment", id="steps.comment"),
        Binding("x", "uncomment", "appraisal_steps.tui.key.uncomment", id="steps.uncomment"),
        Binding("i", "import", "appraisal_steps.tui.key.import", id="steps.import"),
        Binding("escape", "app.back", "tui.key.back", id="steps.back"),
    ]

    def __init__(self, session: Session, session_id: int, **kwargs) -> None:
        super().__init__(session, **kwargs)
        self.session_id = session_id
        self.row: SessionRow | None = None
        self.left: list[appraisal.LeftOut] = []

    def compose_above(self) -> ComposeResult:
        return notes("heading")

    def compose_below(self) -> ComposeResult:
        return notes("left-out", "detail")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("self_assessment", "comment", "uncomment", "import"):
            if action == "uncomment" and not any(p.comments for p in self.rows):
                return False
            return self.row is not None and self.row.state is not SessionState.published
        return True

    def cells(self, member: AppraisedMember) -> tuple[Text, ...]:
        c = self.cell
        word, style = self_label(member)
        if not member.graded:
            grade = c("grade", t("appraisal.not_graded_short"), "dim")
        elif member.final:
            grade = c("grade", t("appraisal_steps.graded"), "green")
        else:
            grade = c("grade", t("appraisal_steps.waiting"))
        return (
            c("no", member.member_no),
            c("name", member.name),
            c("status", status_short(member.status)),
            c("self", word, style),
            c("comments", str(member.comments) if member.comments else "", ""),
            grade,
        )

    def key_of(self, member: AppraisedMember) -> str:
        return member.member_no

    def fetch(self) -> list[AppraisedMember]:
        self.row = appraisal.get_session(self.store, self.branch_id, self.session_id)
        self.left = appraisal.left_out(self.store, self.branch_id, self.session_id)
        return appraisal.appraised(self.store, self.branch_id, self.session_id)

    def show_state(self) -> None:
        row = self.row
        assert row is not None
        self.sub_title = t("appraisal_steps.tui.title", year=row.year)
        people = self.rows
        given = sum(1 for p in people if p.self_assessed)
        comments = sum(p.comments for p in people)
        self.query_one("#heading", Static).update(
            t(
                "appraisal_steps.tui.heading",
                given=given,
                members=len(people),
                comments=comments,
            )
        )
        left = self.query_one("#left-out", Static)
        sep = t("import.list_sep")
        left.update(
            t(
                "appraisal_steps.not_rated_line",
                members=sep.join(f"{m.member_no} {m.name}" for m in self.left),
            )
        )
        left.display = bool(self.left)
        self.show_empty(t("appraisal_steps.tui.nobody"))
        self.refresh_bindings()

    def show_detail(self) -> None:
        member = self.highlighted()
        detail = self.query_one("#detail", Static)
        if member is None:
            detail.update("")
            return
        why = why_not_graded(member.status, member.graded)
        parts = [f"{member.member_no} {member.name}"]
        if why is not None:
            parts.append(t(why))
        parts.append(t("appraisal_steps.tui.read_hint"))
        width = max(20, self.app.size.width - 2)
        detail.update(clip(t("tui.appraisal.sep").join(parts), width))

    def _saved(self, key: str, member: AppraisedMember) -> Callable[[object], None]:
        def saved(result: object) -> None:
            if result is not None:
                self.notify(t(key, member_no=member.member_no, name=member.name))
                self.reload()

        return saved

    def action_self_assessment(self) -> None:
        member = self.highlighted()
        if member is None:
            return
        done = self._saved("appraisal_steps.tui.self_saved", member)
        self.app.push_screen(SelfAssessmentFormScreen(self.session, self.session_id, member, done))

    def action_comment(self) -> None:
        member = self.highlighted()
        if member is None:
            return
        done = self._saved("appraisal_steps.tui.comment_saved", member)
        self.app.push_screen(PeerCommentFormScreen(self.session, self.session_id, member, done))

    def action_uncomment(self) -> None:
        """Take back a comment typed by mistake: its number, as the reading view shows it."""
        member = self.highlighted()
        if member is None or not member.comments:
            self.notify(t("appraisal_steps.tui.no_comment_here"), severity="warning")
            return
        numbers = {
            str(c.id)
            for c in appraisal.peer_comments(
                self.store, self.branch_id, self.session_id, member.member_no
            )
        }

        def check(value: str) -> str | None:
            return None if value in numbers else t("appraisal_steps.tui.which_comment_bad")

        def answered(value: str | None) -> None:
            if value is None:
                return
            try:
                appraisal.remove_peer_comment(
                    self.store, self.branch_id, self.session_id, int(value)
                )
            except StoreError as error:
                self.notify(str(error), severity="error", timeout=8)
            else:
                self.notify(t("appraisal_steps.comment_removed", comment=value))
            self.reload()

        prompt = t(
            "appraisal_steps.tui.which_comment",
            numbers=t("import.list_sep").join(sorted(numbers, key=int)),
        )
        title = t("appraisal_steps.tui.uncomment_title", no=member.member_no, name=member.name)
        self.app.push_screen(AskScreen(title, prompt, answered, check=check))

    def action_import(self) -> None:
        """The self-assessments of the session from a CSV/XLSX file: the import screens."""
        from orglife_tui.tui.screens.importing.file_chooser import ImportFileScreen

        if self.row is None or self.row.state is SessionState.published:
            return
        screen = ImportFileScreen(self.session, "self_assessments", appraisal_id=self.session_id)
        self.app.push_screen(screen)

    def action_read(self) -> None:
        member = self.highlighted()
        if member is None:
            return
        body = steps_text(self.session, self.session_id, member.member_no, member.name)
        self.app.push_screen(ReadingScreen(f"{member.member_no} {visible(member.name)}", body))
