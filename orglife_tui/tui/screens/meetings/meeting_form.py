"""Record or edit a meeting: date, types, title, people; ``meeting_from_fields`` checks it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.suggester import SuggestFromList
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from orglife_tui.data.errors import StoreError
from orglife_tui.data.store import MeetingRow
from orglife_tui.domain import MeetingForm, MeetingType
from orglife_tui.domain.records import FieldErrors, meeting_from_fields
from orglife_tui.locale import t
from orglife_tui.services.points import after_meeting_change
from orglife_tui.tui.screens.common.base import Session
from orglife_tui.tui.screens.common.form import FormScreen, text_input


class MeetingFormScreen(FormScreen):
    CSS_PATH: ClassVar = ["../common/form.tcss", "meeting_form.tcss"]
    HELP_KEY = "tui.help.meeting_form"

    def __init__(
        self,
        session: Session,
        meeting: MeetingRow | None,
        default_date: date | None = None,
        on_result: Callable[[MeetingRow | None], object] | None = None,
    ) -> None:
        title = (
            t("tui.meeting_form.new")
            if meeting is None
            else t("tui.meeting_form.edit", meeting_no=meeting.meeting_no)
        )
        super().__init__(title, on_result)
        self.session = session
        self.meeting = meeting
        self.default_date = default_date or session.today()

    def compose_fields(self) -> ComposeResult:
        s, m = self.session, self.meeting
        when = m.date if m else self.default_date
        yield from self.field(
            "date", text_input(when.isoformat(), t("tui.form.date_hint")), required=True
        )
        chosen = set(m.types) if m else set()
        types = SelectionList[str](
            *((s.label(mt), mt.value, mt in chosen) for mt in MeetingType), compact=True
        )
        yield from self.field("type", types, required=True)
        yield from self.field("title", text_input(m.title if m else None), required=True)
        # A meeting names an existing party group (or none: the whole branch).
        groups = s.store.groups(s.branch.id)
        current = m.group if m and m.group in groups else Select.NULL
        group = Select(
            [(Text(g), g) for g in groups],
            value=current,
            allow_blank=True,
            prompt=t("tui.form.whole_branch"),
            compact=True,
        )
        yield from self.field("group", group)
        yield from self.field("place", text_input(m.place if m else None))
        yield from self.field("host", text_input(m.host if m else None))
        yield from self.field("recorder", text_input(m.recorder if m else None))
        # The lecturer from the roster, by member number (a name from outside is kept as
        # text and earns nobody points).
        roster = [r.member_no for r in s.store.list_members(s.branch.id)]
        yield from self.field(
            "lecturer",
            text_input(
                (m.lecturer_no or m.lecturer) if m else None,
                t("life.tui.lecturer_hint"),
                suggester=SuggestFromList(roster, case_sensitive=False),
            ),
        )
        forms = Select(
            [(s.label(f), f.value) for f in MeetingForm],
            value=m.form.value if m and m.form else Select.NULL,
            allow_blank=True,
            prompt=t("tui.form.blank"),
            compact=True,
        )
        yield from self.field("meeting_form", forms)
        minutes = TextArea((m and m.minutes) or "", soft_wrap=True, compact=True)
        minutes.cursor_blink = False
        yield from self.field("minutes", minutes)

    def save(self, values: dict[str, str]) -> MeetingRow:
        s = self.session
        record = meeting_from_fields(values)
        if self.meeting is None:
            saved = s.store.add_meeting(s.branch.id, record)
        else:
            saved = s.store.update_meeting(s.branch.id, self.meeting.id, record)
        # A new date, new types or a new lecturer change which points are earned.
        after_meeting_change(s.store, s.branch.id, saved.id)
        return saved

    def store_error_field(self, error: StoreError) -> str | None:
        if error.key == "group_not_found":
            return "group"  # a meeting names an existing party group
        if error.key in DATE_REFUSALS:
            return "date"
        return None


# Refusals of a meeting's date: shown under the date field.
DATE_REFUSALS = (
    "corrections.meeting_in_future",
    "corrections.before_start",
    "corrections.member_not_joined",
    "corrections.member_not_entered",
    "corrections.member_left",
)


class VoidMeetingScreen(FormScreen):
    """Void a meeting recorded by mistake: what it is, what voiding does, and why (required).

    Returns the voided meeting (the caller lets the points follow)."""

    CSS_PATH: ClassVar = ["../common/form.tcss", "meeting_form.tcss"]
    HELP_KEY = "tui.help.form"

    def __init__(
        self,
        session: Session,
        meeting: MeetingRow,
        on_result: Callable[[MeetingRow | None], object] | None = None,
    ) -> None:
        super().__init__(t("corrections.void.title", meeting_no=meeting.meeting_no), on_result)
        self.add_class("-void")
        self.session = session
        self.meeting = meeting

    def compose_fields(self) -> ComposeResult:
        m = self.meeting
        what = t(
            "corrections.void.what",
            date=m.date.isoformat(),
            types=self.session.labels(m.types),
            title=m.title,
            present=m.present,
            leave=m.leave,
            absent=m.absent,
        )
        yield Static(what, id="void-what", markup=False)
        yield from self.field("reason", text_input("", t("corrections.void.hint")), required=True)

    def save(self, values: dict[str, str]) -> MeetingRow:
        reason = values.get("reason", "").strip()
        if not reason:
            errors = FieldErrors()
            errors.add("reason", "problem.required")
            raise errors
        s = self.session
        return s.store.void_meeting(s.branch.id, self.meeting.id, reason)

    def store_error_field(self, error: StoreError) -> str | None:
        return "reason" if error.key.startswith("corrections.void_reason") else None

    def action_next_field(self) -> None:
        """Enter in the one field saves (there is nothing to move on to)."""
        if not isinstance(self.focused, Input):
            raise SkipAction()  # Enter presses the focused button
        self.action_save()
